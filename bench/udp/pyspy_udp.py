"""Where our UDP echo server's time goes, sampled with py-spy under the C load generator.

    python bench/udp/pyspy_udp.py [--clients 100] [--size 64] [--seconds 5] [--native]
                                  [--mode loop] [--purepy]

bench/profile/pyspy.py for servers/ours.py of this benchmark: the server
pinned to one CPU, udp_loadgen to the other, ``py-spy record`` over the
measured interval; prints the functions where the CPU was (self) and those
on the stack (inclusive) as shares of the samples. Folded stacks are kept
in bench/_build/pyspy-udp.raw (flamegraph.pl, speedscope). Needs py-spy
(the bench extra) and ptrace permission over the child.
"""

from __future__ import annotations

import argparse
import collections
import shutil
import subprocess
import sys
import time
from pathlib import Path

import run as udp  # bench/udp/run.py (this script's directory is on sys.path)


def parse_raw(path: Path) -> tuple[collections.Counter[str], collections.Counter[str], int]:
    """py-spy's raw (folded) output: one 'frame;frame;... count' line per distinct stack."""
    self_c: collections.Counter[str] = collections.Counter()
    incl_c: collections.Counter[str] = collections.Counter()
    total = 0
    for line in path.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack or not n.isdigit():
            continue
        frames = stack.split(";")
        total += int(n)
        self_c[frames[-1]] += int(n)
        for f in set(frames):
            incl_c[f] += int(n)
    return self_c, incl_c, total


def table(title: str, c: collections.Counter[str], total: int, rows: int) -> str:
    out = [f"{title} ({total} samples)", ""]
    for frame, n in c.most_common(rows):
        out.append(f"{100 * n / total:6.1f}%  {frame}")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--rate", type=int, default=1000, help="samples per second")
    ap.add_argument("--native", action="store_true", help="include C frames")
    ap.add_argument("--mode", default="loop", help="ours.py's mode: loop, readers:N, spawn")
    ap.add_argument("--purepy", action="store_true", help="run the server with GONET_PUREPY=1")
    ap.add_argument("--rows", type=int, default=30)
    args = ap.parse_args()

    pyspy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(pyspy).exists():
        print("py-spy is not installed (pip install -e '.[bench]')", file=sys.stderr)
        return 1
    why = udp.build_loadgen()
    if why is not None:
        print(f"cannot build the load generator: {why}", file=sys.stderr)
        return 1
    cpus, _ = udp.pick_cpus()
    raw = udp.BUILD / "pyspy-udp.raw"
    cmd = udp._py("ours.py", args.mode)
    if args.purepy:
        cmd = ["env", "GONET_PUREPY=1", *cmd]
    port = udp.free_port()
    srv = udp.Running(udp.Server("ours", "ours", cmd), port, cpus[1])
    try:
        why = srv.wait_ready(udp.READY_TIMEOUT) or udp.warm(port)
        if why is not None:
            print(f"server: {why}", file=sys.stderr)
            return 1
        warmup = 1.0
        load = ["-p", str(port), "-c", str(args.clients), "-s", str(args.size),
                "-t", str(args.seconds), "-w", str(warmup), "-P", str(srv.proc.pid)]
        gen = subprocess.Popen([str(udp.LOADGEN_C), *load], stdout=subprocess.PIPE, text=True,
                               preexec_fn=udp._child_setup(cpus[0]))
        time.sleep(warmup)
        rec = ["record", "--pid", str(srv.proc.pid), "--rate", str(args.rate),
               "--duration", str(max(1, int(args.seconds)))]
        rec.append("--native" if args.native else "--nonblocking")
        r1 = subprocess.run([pyspy, *rec, "--format", "raw", "--output", str(raw)],
                            capture_output=True, text=True, check=False)
        out, _ = gen.communicate(timeout=args.seconds + warmup + 30)
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
