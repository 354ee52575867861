"""A process out of file descriptors (EMFILE) keeps working, as Go's does.

Go's code is in memory: nothing a connection does later needs a new
descriptor except the sockets and pipes it asks for, and each of those
fails as an error value. Two ways this port could differ, both checked
here: an ``import`` inside a function opens the module's file the first
time it runs (so every module the runtime's functions import must already
be loaded once ``import net`` returns), and TLS hands certificates to
OpenSSL through a memfd. The runs happen in a child process whose fd
table is filled up on purpose.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Modules that functions import lazily on purpose, and why none is needed by
# a program out of fds.
_lazyOnPurpose = {
    # Fault injection for tests (Go's net/internal/socktest): a test installs it.
    "net.internal.socktest.sys_unix",
}


def _child(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["GODEBUG"] = "preemptreport=0"  # filling the fd table is a long loop by design
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_FunctionImportsAreLoadedWithThePackage() -> None:
    """Every module a function of rt, net or std imports is loaded by `import rt, net` already."""
    r = _child("""
        import sys
        import rt, net
        from std import io
        print("\\n".join(sorted(sys.modules)))
    """)
    assert r.returncode == 0, r.stderr
    loaded = set(r.stdout.split())
    late: list[str] = []
    for top in ("rt", "net", "std"):
        for p in sorted((ROOT / top).rglob("*.py")):
            rel = p.relative_to(ROOT)
            if rel.parts[:2] == ("std", "crypto") or rel.name == "gomap.py":
                continue  # crypto/tls's own imports load with it; gomap is a tool
            tree = ast.parse(p.read_text())
            for fn in ast.walk(tree):
                if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                for node in ast.walk(fn):
                    mods: list[str] = []
                    if isinstance(node, ast.Import):
                        mods = [a.name for a in node.names]
                    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                        mods = [node.module]
                        mods += [node.module + "." + a.name for a in node.names
                                 if (ROOT / (node.module + "." + a.name).replace(".", "/")
                                     ).with_suffix(".py").exists()]
                    for m in mods:
                        if m not in loaded and m not in _lazyOnPurpose:
                            late.append(f"{rel}:{node.lineno} ({fn.name}) imports {m}")
    assert late == []


def test_CopyBetweenConnsWithNoFdLeft() -> None:
    """io.Copy(conn, conn) with the fd table full falls back to read/write (splice's pipe fails)."""
    r = _child("""
        import os, socket
        import net, rt
        from std import fmt, io

        def main():
            ln, err = net.Listen("tcp", "127.0.0.1:0")
            c = socket.create_connection(("127.0.0.1", ln.Addr().Port))
            c.sendall(b"hello")
            c.shutdown(socket.SHUT_WR)
            s, err = ln.Accept()
            hog = []
            try:
                while True:
                    hog.append(os.open("/dev/null", os.O_RDONLY))
            except OSError:
                pass
            try:
                n, err = io.Copy(s, s)
                d, derr = net.Dial("tcp", ln.Addr().String())
            finally:
                for fd in hog:
                    os.close(fd)
            fmt.Println(n, err)
            emfile = derr is not None and derr.Error().endswith("socket: too many open files")
            fmt.Println(d, emfile)
            print(c.recv(16))
            s.Close(); ln.Close(); c.close()

        rt.run(main)
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "5 <nil>\n<nil> true\nb'hello'\n"
    assert r.stderr == ""


def test_TLSHandshakeWithNoFdLeft(tmp_path: Path) -> None:
    """A server's first handshake with the fd table full is an error value; the next one works."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate (make test installs it)")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj",
                    "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", "key.pem", "-out", "cert.pem"],
                   cwd=tmp_path, check=True, capture_output=True)
    r = _child("""
        import os, sys
        import net, rt
        from std import fmt
        from std.crypto import tls, x509

        def main():
            d = sys.argv[1]
            cert, err = tls.LoadX509KeyPair(d + "/cert.pem", d + "/key.pem")
            ln, err = tls.Listen("tcp", "127.0.0.1:0", tls.Config(Certificates=[cert]))
            pool = x509.NewCertPool()
            pool.AppendCertsFromPEM(open(d + "/cert.pem", "rb").read())
            cfg = tls.Config(RootCAs=pool, ServerName="localhost")
            for attempt in range(2):
                raw, err = net.Dial("tcp", ln.Addr().String())
                s, err = ln.Accept()
                hog = []
                if attempt == 0:
                    try:
                        while True:
                            hog.append(os.open("/dev/null", os.O_RDONLY))
                    except OSError:
                        pass
                c = tls.Client(raw, cfg)
                done = rt.chan(1)
                rt.go(lambda: done.send(c.Handshake()))
                serr = s.Handshake()
                for fd in hog:
                    os.close(fd)
                s.Close()
                cerr = done.recv()
                c.Close()
                fmt.Println(attempt, serr, cerr is None)
            ln.Close()

        rt.run(main)
    """, str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout == "0 memfd_create: too many open files false\n1 <nil> true\n"
    assert r.stderr == ""
