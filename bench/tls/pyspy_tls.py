"""Where our TLS echo server's time goes, sampled with py-spy under the Go load generator.

    python bench/tls/pyspy_tls.py [--scenario echo:50x64 | hs:50] [--seconds 5]

bench/profile/pyspy.py for servers/ours.py of this benchmark: the server
pinned to one CPU and warmed as run.py warms it, loadgen.go on the other
CPU, ``py-spy record`` over the measured interval; prints the functions
where the CPU was (self) and those on the stack (inclusive) as shares of
the samples, and the same by file (inclusive: which layer the time is
under). OpenSSL's own work shows as the ssl.py frame that called it
(``read``, ``write``, ``do_handshake``...), and a system call as the
Python line that made it through our C twins (``conn.Write``). There is no
--native here: py-spy does not unwind the goroutines' greenlet stacks in
native mode, so it sees only the scheduler's loop. Folded stacks are kept
in bench/_build/pyspy-tls.raw (flamegraph.pl, speedscope). Needs py-spy
(the bench extra) and ptrace permission over the child.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import run as tls  # bench/tls/run.py (this script's directory is on sys.path)


def parse_raw(path: Path) -> tuple[collections.Counter[str], collections.Counter[str],
                                   collections.Counter[str], int, int]:
    """py-spy's raw (folded) output: one 'frame;frame;... count' line per distinct stack.

    Stacks of the sysmon thread are left out and counted apart: it sleeps in
    Event.wait with a timeout, which py-spy's idle detection counts as busy;
    """
    self_c: collections.Counter[str] = collections.Counter()
    incl_c: collections.Counter[str] = collections.Counter()
    file_c: collections.Counter[str] = collections.Counter()
    total = sysmon = 0
    for line in path.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack or not n.isdigit():
            continue
        frames = stack.split(";")
        if any(f.startswith("sysmon (") for f in frames):
            sysmon += int(n)
            continue
        total += int(n)
        self_c[frames[-1]] += int(n)
        for f in set(frames):
            incl_c[f] += int(n)
        # "func (path/file.py:line)" -> the file, relative to the checkout where it can be
        files = {f.rpartition("(")[2].rpartition(":")[0] for f in frames}
        for f in files:
            file_c[f.removeprefix(str(tls.ROOT) + "/")] += int(n)
    return self_c, incl_c, file_c, total, sysmon


def table(title: str, c: collections.Counter[str], total: int, rows: int) -> str:
    out = [f"{title} ({total} samples)", ""]
    for frame, n in c.most_common(rows):
        out.append(f"{100 * n / total:6.1f}%  {frame}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenario", default="echo:50x64", help="echo:CONNSxSIZE or hs:WORKERS")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--rate", type=int, default=1000, help="samples per second")
    ap.add_argument("--rows", type=int, default=30)
    args = ap.parse_args()
    (sc,) = tls.parse_scenarios(args.scenario)

    pyspy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(pyspy).exists():
        print("py-spy is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return 1
    why = tls.go_build(tls.HERE / "loadgen.go", tls.LOADGEN)
    if why is not None:
        print(f"cannot build the load generator: {why}", file=sys.stderr)
        return 1
    cpus, _ = tls.pick_cpus()
    raw = tls.BUILD / "pyspy-tls.raw"
    with tempfile.TemporaryDirectory(prefix="bench-tls-") as tmp:
        ca, cert, key = tls.make_certs(Path(tmp))
        port = tls.free_port()
        srv = tls.Running(tls.BY_NAME["ours"], port, cert, key, cpus[1])
        try:
            why = srv.wait_ready(tls.READY_TIMEOUT)
            if why is None:
                _, why = tls.loadgen(["-addr", f"127.0.0.1:{port}", "-mode", "warm", "-c",
                                      str(tls.WARM_CONNS), "-ca", str(ca)], cpus[0], 60)
            if why is not None:
                print(f"server: {why}", file=sys.stderr)
                return 1
            warmup = 1.0
            gen = subprocess.Popen(
                [str(tls.LOADGEN), "-addr", f"127.0.0.1:{port}", "-mode", sc.kind,
                 "-c", str(sc.conns), "-s", str(sc.size), "-t", str(args.seconds),
                 "-w", str(warmup), "-P", str(srv.proc.pid)],
                stdout=subprocess.PIPE, text=True, preexec_fn=tls._child_setup(cpus[0]))
            time.sleep(warmup + 0.5)  # the echo scenario sets its connections up first
            rec = ["record", "--pid", str(srv.proc.pid), "--rate", str(args.rate),
                   "--duration", str(max(1, int(args.seconds - 1)))]
            rec.append("--nonblocking")
            r1 = subprocess.run([pyspy, *rec, "--format", "raw", "--output", str(raw)],
                                capture_output=True, text=True, check=False)
            out, _ = gen.communicate(timeout=args.seconds + 60)
            if r1.returncode != 0:
                print(f"py-spy failed: {r1.stderr.strip()[-400:]}", file=sys.stderr)
                return 1
            print(f"load: {out.strip().splitlines()[-1] if out.strip() else '(no output)'}")
        finally:
            srv.stop()
    self_c, incl_c, file_c, total, sysmon = parse_raw(raw)
    if total == 0:
        print("no samples (was the server busy?)", file=sys.stderr)
        return 1
    print(f"(left out: {sysmon} samples of the sysmon thread, asleep in Event.wait)")
    print()
    print(table("self: where the CPU was", self_c, total, args.rows))
    print()
    print(table("inclusive: on the stack", incl_c, total, args.rows))
    print()
    print(table("inclusive, by file", file_c, total, 15))
    print(f"\nfolded stacks: {raw}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
