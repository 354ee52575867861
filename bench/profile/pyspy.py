"""Where the echo server's time goes, sampled with py-spy under the real load.

    python bench/profile/pyspy.py [--conns 100] [--size 64] [--seconds 5] [--native]

Starts bench/echo/servers/ours.py pinned to one CPU, drives it with the C
load generator from bench/echo (pinned to the other), and records the server
with ``py-spy record`` for the measured interval. Prints two tables from the
samples: the functions where the CPU was when sampled (self), and the
functions on the stack (inclusive), as shares of all samples, each with its
file and line. The folded stacks are kept in bench/_build/pyspy.raw, the
input format of flamegraph.pl and of speedscope (https://www.speedscope.app).

Samples count wall-clock time on the server's thread while it was running
(``--idle`` is off, so time blocked in epoll_pwait is not counted). py-spy
reads the interpreter's frames from outside the process: it does not slow
the server down the way cProfile would, but it only sees Python frames
unless ``--native`` is given (then C frames of the interpreter and of
greenlet appear too, at a higher sampling cost). For repeatable before/after
counts on a noisy machine use callgrind.sh or opcodes.py instead; this one
answers "where", not "how much did my change save".

py-spy comes from PyPI (``pip install -e '.[bench]'`` installs it) and needs
ptrace permission over its child (root, or kernel.yama.ptrace_scope = 0).
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "echo"))

import run as echo  # noqa: E402  (bench/echo/run.py)


def parse_raw(path: Path) -> tuple[collections.Counter[str], collections.Counter[str], int]:
    """py-spy's raw (folded) output: one 'frame;frame;... count' line per distinct stack."""
    self_c: collections.Counter[str] = collections.Counter()
    incl_c: collections.Counter[str] = collections.Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack or not n.isdigit():
            continue
        count = int(n)
        frames = stack.split(";")
        total += count
        self_c[frames[-1]] += count
        for f in set(frames):
            incl_c[f] += count
    return self_c, incl_c, total


def table(title: str, c: collections.Counter[str], total: int, rows: int) -> str:
    out = [f"{title} ({total} samples)", ""]
    for frame, n in c.most_common(rows):
        out.append(f"{100 * n / total:6.1f}%  {frame}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conns", type=int, default=100)
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--rate", type=int, default=1000, help="samples per second")
    ap.add_argument("--native", action="store_true", help="include C frames")
    ap.add_argument("--rows", type=int, default=25)
    args = ap.parse_args()

    pyspy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(pyspy).exists():
        print("py-spy is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return 1
    why = echo.build_c()
    if why is not None:
        print(f"cannot build the load generator: {why}", file=sys.stderr)
        return 1
    cpus, _ = echo.pick_cpus()
    echo.BUILD.mkdir(exist_ok=True)
    raw = echo.BUILD / "pyspy.raw"
    port = echo.free_port()
    srv = echo.Running(echo.BY_NAME["ours"], port, cpus[1])
    try:
        why = srv.wait_ready(echo.READY_TIMEOUT)
        if why is not None:
            print(f"server: {why}", file=sys.stderr)
            return 1
        warmup = 1.0
        load = ["-p", str(port), "-c", str(args.conns), "-s", str(args.size),
                "-t", str(args.seconds), "-w", str(warmup), "-P", str(srv.proc.pid),
                "-T", str(echo.CONNECT_TIMEOUT)]
        gen = subprocess.Popen([str(echo.BUILD / "loadgen"), *load], stdout=subprocess.PIPE,
                               text=True, preexec_fn=echo._child_setup(cpus[0]))
        time.sleep(warmup)
        rec = ["record", "--pid", str(srv.proc.pid), "--rate", str(args.rate),
               "--duration", str(max(1, int(args.seconds)))]
        # Native stacks need the process paused while they are unwound.
        rec.append("--native" if args.native else "--nonblocking")
        r1 = subprocess.run([pyspy, *rec, "--format", "raw", "--output", str(raw)],
                            capture_output=True, text=True, check=False)
        out, _ = gen.communicate(timeout=echo.CONNECT_TIMEOUT + args.seconds + 30)
        if r1.returncode != 0:
            print(f"py-spy failed: {r1.stderr.strip()[-400:]}", file=sys.stderr)
            return 1
        print(f"load: {out.strip().splitlines()[-1] if out.strip() else '(no output)'}")
    finally:
        srv.stop()
    self_c, incl_c, total = parse_raw(raw)
    if total == 0:
        print("no samples (was the server busy?)", file=sys.stderr)
        return 1
    print()
    print(table("self: where the CPU was", self_c, total, args.rows))
    print()
    print(table("inclusive: on the stack", incl_c, total, args.rows))
    print(f"\nfolded stacks: {raw}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
