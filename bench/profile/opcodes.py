"""Python bytecodes executed per echo round trip, by function (and by line).

    python bench/profile/opcodes.py [CONNS] [ROUNDS] [--lines FUNC[,FUNC...]]

Runs the in-process echo workload of inproc_echo.py (client and server
goroutines in one rt.run) under ``sys.settrace`` with per-opcode events,
once with ROUNDS round trips per connection and once with none, and prints
the difference divided by CONNS x ROUNDS: how many bytecodes each function
executes per round trip (both ends). ``--lines`` breaks the named functions
down by source line.

Like callgrind.sh's instruction count, the figure is exact and repeats from
run to run whatever the machine is doing, so a change to the hot path can be
judged by it before any benchmark; unlike callgrind it says which Python
function and line the work is in. It does not see time spent in C (system
calls, greenlet switches, allocation): pair it with callgrind.sh (all
instructions) and pyspy.py (where the wall-clock time goes under real load).
"""

from __future__ import annotations

import argparse
import collections
import linecache
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import inproc_echo  # noqa: E402

import rt  # noqa: E402

Key = tuple[str, int, str]


def count(conns: int, rounds: int, lines: set[str],
          deadline: bool = False) -> tuple[collections.Counter[Key], collections.Counter[Key]]:
    """Opcodes by (file, first line, function), and by (file, line, function) for ``lines``."""
    funcs: collections.Counter[Key] = collections.Counter()
    bylines: collections.Counter[Key] = collections.Counter()

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        frame.f_trace_opcodes = True
        if event == "opcode":
            co = frame.f_code
            funcs[(co.co_filename, co.co_firstlineno, co.co_name)] += 1
            if co.co_name in lines:
                bylines[(co.co_filename, frame.f_lineno or 0, co.co_name)] += 1
        return tracer

    sys.settrace(tracer)
    threading.settrace(tracer)
    try:
        total = rt.run(inproc_echo.main, conns, rounds, deadline)
    finally:
        sys.settrace(None)
        threading.settrace(None)  # type: ignore[arg-type]
    assert total == conns * rounds * 64, total
    return funcs, bylines


def short(path: str) -> str:
    p = Path(path)
    try:
        return str(p.resolve().relative_to(HERE.parent.parent))
    except ValueError:
        return p.name


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("conns", type=int, nargs="?", default=10)
    ap.add_argument("rounds", type=int, nargs="?", default=100)
    ap.add_argument("--lines", default="", help="comma-separated function names")
    ap.add_argument("--rows", type=int, default=25)
    ap.add_argument("--deadline", action="store_true",
                    help="the server sets a read deadline before every Read")
    args = ap.parse_args()
    lines = set(filter(None, args.lines.split(",")))
    # Warm: imports, caches, the greenlet stack cache.
    rt.run(inproc_echo.main, args.conns, 3, args.deadline)
    base_f, base_l = count(args.conns, 0, lines, args.deadline)
    full_f, full_l = count(args.conns, args.rounds, lines, args.deadline)
    n = args.conns * args.rounds
    per = {k: (full_f[k] - base_f.get(k, 0)) / n for k in full_f}
    print(f"bytecodes per round trip (client+server, {n:,} round trips): {sum(per.values()):,.0f}")
    print()
    for (f, first, name), v in sorted(per.items(), key=lambda kv: -kv[1])[: args.rows]:
        if v >= 0.5:
            print(f"{v:8.1f}  {name} ({short(f)}:{first})")
    if lines:
        print()
        perl = {k: (full_l[k] - base_l.get(k, 0)) / n for k in full_l}
        for (f, line, _name), v in sorted(perl.items()):
            if v >= 0.5:
                text = linecache.getline(f, line).rstrip()
                print(f"{v:8.1f}  {short(f)}:{line}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
