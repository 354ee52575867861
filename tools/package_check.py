"""The Python half of tools/package_check.sh (``make package-check``).

Two commands, each exiting non-zero with a line per problem:

``contents DIST SRC``
    Checks the sdist and the wheel in DIST against the source tree SRC (a
    copy of the work tree): the sdist carries LICENSE, README.md, the C
    sources, the stubs, the py.typed markers, rt.gomap's data, docs/ and
    examples/ (whatever of them exists), every .py of rt, net and std, and no
    byte code or built extension; the wheel carries every .py of the three
    packages, their data, both C extensions (built where a compiler is), no C
    source, LICENSE in its dist-info, and metadata with the version of
    rt/_version.py and the SPDX license.

``smoke --expect-c yes|no [--h11] [--editable SRC]``
    Run from outside the repository, in a venv where gonet was installed:
    imports rt, net and std from that venv (not from a checkout), checks that
    their ``__version__`` agree, whether the C twins are there (``rt._runtime``
    and ``rt._sys_linux``) and in use (not under ``GONET_PUREPY=1``), runs
    an echo server and clients on 127.0.0.1 under ``rt.run``, and
    ``python -m rt.gomap`` on one file (its data ships in the package).
"""

from __future__ import annotations

import argparse
import email.parser
import importlib
import importlib.util
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

PACKAGES = ("rt", "net", "std")
PACKAGE_DATA = ("rt/_sys_linux.pyi", "rt/gomap_go1.27.0.txt", "rt/py.typed",
                "rt/poll/py.typed", "net/py.typed", "std/py.typed")
EXTENSIONS = ("rt/_runtime", "rt/_sys_linux")


def source_version(src: Path) -> str:
    m = re.search(r'^__version__\b.*=\s*"([^"]+)"', (src / "rt/_version.py").read_text(), re.M)
    if m is None:
        raise SystemExit(f"no __version__ in {src / 'rt/_version.py'}")
    return m.group(1)


def tree_files(src: Path, top: str) -> set[str]:
    """The files under src/top, as the sdist should carry them (no byte code)."""
    d = src / top
    if not d.is_dir():
        return set()
    return {p.relative_to(src).as_posix() for p in d.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".so")}


def check_contents(dist: Path, src: Path) -> list[str]:
    errors: list[str] = []
    version = source_version(src)
    sdists = sorted(dist.glob("gonet-*.tar.gz"))
    wheels = sorted(dist.glob("gonet-*.whl"))
    if len(sdists) != 1 or len(wheels) != 1:
        return [f"want one sdist and one wheel in {dist}, have {sdists + wheels}"]
    sdist, wheel = sdists[0], wheels[0]
    if not sdist.name == f"gonet-{version}.tar.gz":
        errors.append(f"sdist {sdist.name}: version is not rt/_version.py's {version}")

    # The sdist.
    with tarfile.open(sdist) as tf:
        root = f"gonet-{version}/"
        names = {n[len(root):] for n in tf.getnames() if n.startswith(root)}
    pys = set().union(*(tree_files(src, p) for p in PACKAGES))
    c_sources = {p.relative_to(src).as_posix() for p in src.glob("**/*.[ch]")
                 if p.parts[len(src.parts)] in PACKAGES}
    want = ({"LICENSE", "README.md", "pyproject.toml", "setup.py", "MANIFEST.in", "PKG-INFO"}
            | set(PACKAGE_DATA) | c_sources | {p for p in pys if p.endswith(".py")}
            | tree_files(src, "docs") | tree_files(src, "examples"))
    for name in sorted(want - names):
        errors.append(f"sdist lacks {name}")
    for name in sorted(names):
        if "__pycache__" in name or name.endswith((".pyc", ".so")):
            errors.append(f"sdist carries {name}")
    if not c_sources >= {"rt/_runtime.c", "rt/_sys_linux.c", "rt/_sysbuf.h", "net/_net.c"}:
        errors.append(f"C sources not found in {src}: {sorted(c_sources)}")
    print(f"sdist {sdist.name}: {len(names)} entries; docs/ {len(tree_files(src, 'docs'))} "
          f"files, examples/ {len(tree_files(src, 'examples'))} files, "
          f"{len(c_sources)} C sources")

    # The wheel.
    with zipfile.ZipFile(wheel) as zf:
        wnames = set(zf.namelist())
        info = f"gonet-{version}.dist-info/"
        meta = email.parser.HeaderParser().parsestr(
            zf.read(info + "METADATA").decode()) if info + "METADATA" in wnames else None
    want_w = set(PACKAGE_DATA) | {p for p in pys if p.endswith(".py")} | {
        info + "licenses/LICENSE", info + "METADATA", info + "RECORD", info + "WHEEL"}
    for name in sorted(want_w - wnames):
        errors.append(f"wheel lacks {name}")
    for ext in EXTENSIONS:
        if not any(n.startswith(ext + ".") and n.endswith(".so") for n in wnames):
            errors.append(f"wheel lacks the extension {ext} (was a C compiler there?)")
    for name in sorted(wnames):
        if name.endswith((".c", ".h", ".pyc")) or "__pycache__" in name:
            errors.append(f"wheel carries {name}")
    if meta is None:
        errors.append("wheel has no METADATA")
    else:
        expect = {"Name": "gonet", "Version": version, "License-Expression": "BSD-3-Clause",
                  "Requires-Python": ">=3.11"}
        for key, value in expect.items():
            if meta.get(key) != value:
                errors.append(f"wheel METADATA {key}: {meta.get(key)!r}, want {value!r}")
        if "LICENSE" not in (meta.get_all("License-File") or []):
            errors.append("wheel METADATA names no License-File: LICENSE")
        reqs = meta.get_all("Requires-Dist") or []
        if not any(re.fullmatch(r'h11>=0\.14; extra == "test"', r) for r in reqs):
            errors.append(f"wheel METADATA: no h11>=0.14 in the test extra: {reqs}")
        if "Typing :: Typed" not in (meta.get_all("Classifier") or []):
            errors.append("wheel METADATA: no 'Typing :: Typed' classifier")
        if not (meta.get_payload() or "").lstrip().startswith("# gonet"):
            errors.append("wheel METADATA: the README is not the long description")
    print(f"wheel {wheel.name}: {len(wnames)} entries, "
          f"extensions {sorted(n for n in wnames if n.endswith('.so'))}")
    return errors


ECHO_CLIENTS = 20
ECHO_ROUNDS = 5


def echo() -> int:
    """An echo server and ECHO_CLIENTS clients on 127.0.0.1, all goroutines; the bytes echoed."""
    import net
    import rt
    from std import io, sync

    def main() -> int:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        if err is not None:
            raise SystemExit(f"Listen: {err}")
        addr = ln.Addr().String()

        def serve() -> None:
            while True:
                c, err = ln.Accept()
                if err is not None:
                    return  # closed

                def handle(c: net.TCPConn = c) -> None:
                    with c:
                        io.Copy(c, c)

                rt.go(handle)

        rt.go(serve)
        wg = sync.WaitGroup()
        total = [0]
        failures: list[str] = []

        def client(i: int) -> None:
            try:
                c, err = net.Dial("tcp", addr)
                if err is not None:
                    failures.append(f"Dial: {err}")
                    return
                with c:
                    for r in range(ECHO_ROUNDS):
                        msg = b"client %d round %d\n" % (i, r)
                        _, err = c.Write(msg)
                        if err is not None:
                            failures.append(f"Write: {err}")
                            return
                        got = bytearray(len(msg))
                        n, err = io.ReadFull(c, got)
                        if err is not None or bytes(got) != msg:
                            failures.append(f"client {i}: read {bytes(got[:n])!r}, {err}")
                            return
                        total[0] += n
            finally:
                wg.Done()

        for i in range(ECHO_CLIENTS):
            wg.Add(1)
            rt.go(lambda i=i: client(i))
        wg.Wait()
        ln.Close()
        if failures:
            raise SystemExit("echo failed: " + "; ".join(failures[:5]))
        return total[0]

    return rt.run(main)


def smoke(expect_c: bool, h11: bool, editable: Path | None) -> list[str]:
    errors: list[str] = []
    pure = os.environ.get("GONET_PUREPY", "0") != "0"
    import net
    import rt
    import rt.runtime2
    import rt.sys_linux
    import std

    # Where the packages come from: the venv, or the editable source.
    for m in (rt, net, std):
        where = Path(m.__file__ or "").resolve()
        home = editable.resolve() if editable else Path(sys.prefix).resolve()
        if home not in where.parents:
            errors.append(f"{m.__name__} imported from {where}, not from {home}")
    versions = {m.__name__: getattr(m, "__version__", None) for m in (rt, net, std)}
    if len(set(versions.values())) != 1 or None in versions.values():
        errors.append(f"__version__ disagree: {versions}")
    from importlib.metadata import version
    if version("gonet") != rt.__version__:
        errors.append(f"installed gonet {version('gonet')} but rt.__version__ {rt.__version__}")

    built = {ext: importlib.util.find_spec(ext.replace("/", ".")) is not None
             for ext in EXTENSIONS}
    in_use = {"rt._runtime": rt.runtime2._c is not None,
              "rt._sys_linux": bool(rt.sys_linux.accelerated)}
    for ext, there in built.items():
        if there != expect_c:
            errors.append(f"{ext}: {'built' if there else 'absent'}, want "
                          f"{'built' if expect_c else 'absent'}")
    for ext, used in in_use.items():
        if used != (expect_c and not pure):
            why = ""
            if built[ext.replace(".", "/")] and not used:
                try:
                    importlib.import_module(ext)
                except ImportError as e:  # a build that does not load (a missing symbol)
                    why = f": it does not import: {e}"
            errors.append(f"{ext}: {'in use' if used else 'not in use'} "
                          f"(GONET_PUREPY={os.environ.get('GONET_PUREPY')}){why}")
    n = echo()
    if n == 0:
        errors.append("echo moved no bytes")

    gomap = subprocess.run([sys.executable, "-m", "rt.gomap", "--file", "chan.go"],
                           capture_output=True, text=True)
    if gomap.returncode != 0 or "summary" not in gomap.stdout:
        errors.append(f"python -m rt.gomap failed ({gomap.returncode}): {gomap.stderr[-500:]}")
    if h11:
        import h11 as h11mod  # after rt, net and std: the names do not collide

        conn = h11mod.Connection(h11mod.SERVER)
        conn.receive_data(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        if not isinstance(conn.next_event(), h11mod.Request):
            errors.append("h11 did not parse a request")
    print(f"  gonet {rt.__version__} from {Path(rt.__file__ or '').parent.parent}; "
          f"C twins built: {all(built.values())}, in use: {in_use}; "
          f"GONET_PUREPY={os.environ.get('GONET_PUREPY', '')!s}; echo {n} bytes "
          f"({ECHO_CLIENTS} clients x {ECHO_ROUNDS} rounds); rt.gomap ok"
          + (f"; h11 {h11mod.__version__} ok" if h11 else ""))
    return errors


def main() -> int:
    ap = argparse.ArgumentParser(prog="tools/package_check.py")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("contents")
    c.add_argument("dist", type=Path)
    c.add_argument("src", type=Path)
    s = sub.add_parser("smoke")
    s.add_argument("--expect-c", choices=("yes", "no"), required=True)
    s.add_argument("--h11", action="store_true")
    s.add_argument("--editable", type=Path)
    args = ap.parse_args()
    if args.cmd == "contents":
        errors = check_contents(args.dist, args.src)
    else:
        errors = smoke(args.expect_c == "yes", args.h11, args.editable)
    for e in errors:
        print(f"  FAIL: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
