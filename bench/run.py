"""Runtime micro-benchmarks: rt (ours) side by side with gevent and asyncio.

What it measures. Three costs that bound every goroutine program, each for
three implementations of lightweight tasks:

* spawn+exit: start a task that does one trivial thing and exits
  (``rt.go``; ``gevent.spawn``; ``asyncio.create_task``), per task, with the
  starter waiting until the last one has run;
* ping-pong: one round trip of a value between two tasks over two channels
  (unbuffered ``rt.chan()``; unbuffered ``gevent.queue.Channel``;
  ``asyncio.Queue()``, unbounded, since asyncio has no unbuffered queue);
* yield: one switch from a task to another runnable one (``rt.Gosched()``;
  ``gevent.sleep(0)``; ``await asyncio.sleep(0)``).

bench/runtime_bench.py holds the benchmark bodies and says exactly what one
operation is. Every (benchmark, implementation) cell runs in a fresh
subprocess, so no hub, event loop or scheduler outlives its cell; the
subprocess runs a warm-up, then the repetitions, and reports seconds per
operation as JSON on stdout.

How to read it. Each figure is the median over the repetitions of the wall
time per operation, in microseconds; lower is better. The ratio columns are
ours divided by the other: below 1.00x we are faster, above 1.00x slower.
The machine this runs on is usually shared and small, so absolute figures
move from run to run; the ratios within one run are what matters, because
the three implementations were measured back to back on the same machine.
The spread lines give min..max over the repetitions; a cell whose CPU time
is well below its wall time was descheduled, and the run says so.

Usage::

    python bench/run.py            # the default run (about 35 s on 2 cores)
    python bench/run.py --quick    # a smoke run (well under 20 s)
    python bench/run.py --bench pingpong --impl ours --reps 9
    python bench/run.py --json results.json
    PYTHONPATH=../other-tree python bench/run.py --impl ours   # measure another rt

gevent is optional (``pip install -e '.[bench]'``, which ``make bench``
does); without it the gevent column is skipped, with the reason printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORKER = HERE / "runtime_bench.py"

BENCHES = ("spawn", "pingpong", "yield")
IMPLS = ("ours", "gevent", "asyncio")
TITLES = {"spawn": "spawn+exit", "pingpong": "ping-pong round trip", "yield": "yield/switch"}
OPS = {"spawn": "task", "pingpong": "round trip", "yield": "yield"}
# Operations per repetition. Sized so that the slowest implementation spends
# roughly 0.5-1 s per repetition in the default run.
SIZES = {"spawn": 50_000, "pingpong": 100_000, "yield": 200_000}
QUICK_SIZES = {"spawn": 10_000, "pingpong": 10_000, "yield": 20_000}
REPS, QUICK_REPS = 7, 3
CELL_TIMEOUT = 300.0
# A cell whose median CPU time is below this share of its wall time lost the CPU.
BUSY_CPU_SHARE = 0.9


def _version(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def gevent_missing() -> str | None:
    """Why gevent cannot run here, or None if it can."""
    if find_spec("gevent") is None:
        return (f"gevent is not installed for {sys.executable} "
                "(pip install -e '.[bench]', or make bench)")
    return None


def run_cell(impl: str, bench: str, n: int, reps: int) -> dict[str, Any]:
    """Run one benchmark for one implementation in a fresh interpreter."""
    env = dict(os.environ)
    # The worker imports rt and std from this checkout even without an editable
    # install; a PYTHONPATH set by the caller comes first, so that another tree
    # (a branch with an optimisation) can be measured: the notes say which ran.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), str(ROOT)]))
    cmd = [sys.executable, str(WORKER), impl, bench, str(n), str(reps)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=CELL_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return {"impl": impl, "bench": bench, "error": f"timed out after {CELL_TIMEOUT:.0f} s"}
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"]
        return {"impl": impl, "bench": bench, "error": lines[-1]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.2f}"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return "-"
    return f"{a / b:.2f}x"


def header(impls: list[str], skipped: dict[str, str], mode: str, reps: int) -> None:
    cpus = os.cpu_count()
    try:
        usable: int | str = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = "?"
    print("Runtime micro-benchmarks: rt (ours) vs gevent vs asyncio")
    print(f"Python {platform.python_version()} ({platform.python_implementation()}) "
          f"on {platform.system()} {platform.machine()}, "
          f"{cpus} CPUs ({usable} usable by this process)")
    print(f"greenlet {_version('greenlet') or 'not installed'}, "
          f"gevent {_version('gevent') or 'not installed'}")
    print(f"mode: {mode}, {reps} repetitions per cell after a warm-up, "
          f"one fresh subprocess per benchmark and implementation")
    for impl, why in skipped.items():
        print(f"skipped: {impl}: {why}")
    print(f"implementations: {', '.join(impls)}")
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="rt vs gevent vs asyncio micro-benchmarks",
                                 epilog="See the module docstring for how to read the output.")
    ap.add_argument("--quick", action="store_true", help="small sizes, 3 repetitions")
    ap.add_argument("--reps", type=int, help="repetitions per cell (default 7, quick 3)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every N by this")
    ap.add_argument("--bench", action="append", choices=BENCHES, help="only these benchmarks")
    ap.add_argument("--impl", action="append", choices=IMPLS, help="only these implementations")
    ap.add_argument("--json", metavar="PATH", help="also write every repetition as JSON")
    args = ap.parse_args(argv)

    reps = args.reps or (QUICK_REPS if args.quick else REPS)
    sizes = {b: max(10, int(n * args.scale))
             for b, n in (QUICK_SIZES if args.quick else SIZES).items()}
    benches = [b for b in BENCHES if not args.bench or b in args.bench]
    wanted = [i for i in IMPLS if not args.impl or i in args.impl]
    skipped: dict[str, str] = {}
    if "gevent" in wanted and (why := gevent_missing()) is not None:
        skipped["gevent"] = why
    impls = [i for i in wanted if i not in skipped]

    header(impls, skipped, "quick" if args.quick else "default", reps)

    started = time.monotonic()
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    infos: dict[str, str] = {}
    print("measuring (median µs per operation, wall time of the cell):")
    for bench in benches:
        for impl in impls:
            t0 = time.monotonic()
            cell = run_cell(impl, bench, sizes[bench], reps)
            took = time.monotonic() - t0
            if "error" in cell:
                print(f"  {bench:<9} {impl:<8} FAILED: {cell['error']}")
            else:
                cell["median"] = statistics.median(cell["wall"])
                infos[impl] = cell["info"]
                print(f"  {bench:<9} {impl:<8} {us(cell['median']):>8}   ({took:.1f} s)")
            sys.stdout.flush()
            cells[bench, impl] = cell
    print()

    def med(bench: str, impl: str) -> float | None:
        cell = cells.get((bench, impl))
        return None if cell is None or "error" in cell else cell["median"]

    others = [i for i in impls if i != "ours"]
    cols = ["benchmark", "N"] + [f"{i} µs" for i in impls]
    if "ours" in impls:
        cols += [f"ours/{i}" for i in others]
    rows = []
    for bench in benches:
        row = [f"{TITLES[bench]} (per {OPS[bench]})", str(sizes[bench])]
        for impl in impls:
            m = med(bench, impl)
            row.append("failed" if m is None else us(m))
        if "ours" in impls:
            row += [ratio(med(bench, "ours"), med(bench, i)) for i in others]
        rows.append(row)
    widths = [max(len(r[c]) for r in [cols, *rows]) for c in range(len(cols))]

    def line(r: list[str]) -> str:
        cells = [x.rjust(w) for x, w in zip(r[1:], widths[1:], strict=True)]
        return "  ".join([r[0].ljust(widths[0]), *cells])

    print(f"Median of {reps} repetitions, µs per operation (lower is better).")
    if others and "ours" in impls:
        print("ours/X = our time divided by X's: below 1.00x we are faster, above 1.00x slower.")
    print(line(cols))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))
    print()

    print("spread, min..max µs over the repetitions:")
    busy = []
    for bench in benches:
        parts = []
        for impl in impls:
            cell = cells[bench, impl]
            if "error" in cell:
                continue
            parts.append(f"{impl} {us(min(cell['wall']))}..{us(max(cell['wall']))}")
            share = statistics.median(cell["cpu"]) / cell["median"]
            if share < BUSY_CPU_SHARE:
                busy.append(f"{bench}/{impl} ({share:.0%} of wall time on CPU)")
        print(f"  {bench:<9} " + ";  ".join(parts))
    print()

    print("notes:")
    for impl in impls:
        if impl in infos:
            print(f"  {impl}: {infos[impl]}")
    if "asyncio" in impls and "pingpong" in benches:
        print("  asyncio ping-pong uses asyncio.Queue() (unbounded): asyncio has no unbuffered")
        print("  queue, so its put never waits; ours and gevent's Channel are unbuffered.")
    if busy:
        print("  descheduled while measuring (figures inflated; rerun): " + ", ".join(busy))
    print("  This machine is shared and noisy: absolute figures move between runs; compare")
    print("  the ratios within one run.")
    print(f"  total time {time.monotonic() - started:.1f} s")

    if args.json:
        out = {"python": platform.python_version(), "cpus": os.cpu_count(),
               "greenlet": _version("greenlet"), "gevent": _version("gevent"),
               "reps": reps, "sizes": sizes, "skipped": skipped,
               "cells": list(cells.values())}
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n")
    failed = any("error" in c for c in cells.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
