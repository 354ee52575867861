"""The benchmark bodies, and the worker that bench/run.py starts once per cell.

One process runs one benchmark for one implementation, then prints one JSON
object on stdout and exits, so no event loop, hub or scheduler state carries
over from one measurement to the next::

    python bench/runtime_bench.py IMPL BENCH N REPS

IMPL is ``ours`` (rt), ``gevent`` or ``asyncio``; BENCH one of ``BENCHES``.
The output is ``{"impl", "bench", "n", "wall", "cpu", "info"}``: ``wall`` and
``cpu`` are lists of seconds *per operation*, one per repetition (a warm-up
run at n/10 comes first and is not reported); ``info`` names the versions and
the event loop that ran.

What one operation is:

* ``spawn``: start one task that does one trivial thing (counts itself done)
  and exits. N tasks are started back to back, then the starter waits until
  the last one has run. Ours: ``rt.go(wg.Done)`` and ``wg.Wait()``
  (std.sync.WaitGroup); gevent and asyncio: the same counter-plus-event
  shape (``gevent.spawn``/``asyncio.create_task``, an ``Event`` set by the
  last task).
* ``pingpong``: one round trip: A sends a value on channel 1, B receives it
  and sends it back on channel 2, A receives it. Ours: unbuffered
  ``rt.chan()``; gevent: ``gevent.queue.Channel`` (unbuffered too);
  asyncio: ``asyncio.Queue()``, which is unbounded because asyncio has no
  unbuffered queue (its ``put`` never waits, so each round trip has the same
  two task switches but no rendezvous).
* ``yield``: one yield of a task to the other runnable one. Two tasks each
  yield N/2 times. Ours: ``rt.Gosched()``; gevent: ``gevent.sleep(0)``;
  asyncio: ``await asyncio.sleep(0)``.

Timing starts inside the runtime (after ``rt.run``/``asyncio.run`` has set
up) and stops when the last operation completes, so start-up and teardown
are not counted. A full collection runs before each repetition; the
collector stays enabled during it, as it would in a program.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from typing import Any

BENCHES = ("spawn", "pingpong", "yield")
IMPLS = ("ours", "gevent", "asyncio")

# A repetition measures (wall seconds, cpu seconds) for n operations.
Timing = tuple[float, float]


def _clocks() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(t0: Timing) -> Timing:
    w, c = _clocks()
    return w - t0[0], c - t0[1]


# ---------------------------------------------------------------------------
# ours: rt (goroutines on greenlets, Go's scheduler).


def ours_spawn(n: int) -> Timing:
    import rt
    from std import sync

    def main() -> Timing:
        wg = sync.WaitGroup()
        wg.Add(n)
        t0 = _clocks()
        for _ in range(n):
            rt.go(wg.Done)
        wg.Wait()
        return _since(t0)

    return rt.run(main)  # type: ignore[no-any-return]


def ours_pingpong(n: int) -> Timing:
    import rt

    def main() -> Timing:
        ping: rt.hchan[int] = rt.chan()
        pong: rt.hchan[int] = rt.chan()

        def echo() -> None:
            for _ in range(n):
                pong.send(ping.recv())

        rt.go(echo)
        t0 = _clocks()
        for i in range(n):
            ping.send(i)
            pong.recv()
        return _since(t0)

    return rt.run(main)  # type: ignore[no-any-return]


def ours_yield(n: int) -> Timing:
    import rt
    from std import sync

    half = n // 2

    def main() -> Timing:
        wg = sync.WaitGroup()
        wg.Add(1)

        def other() -> None:
            for _ in range(half):
                rt.Gosched()
            wg.Done()

        rt.go(other)
        t0 = _clocks()
        for _ in range(half):
            rt.Gosched()
        wg.Wait()
        return _since(t0)

    return rt.run(main)  # type: ignore[no-any-return]


def ours_info() -> str:
    import os
    from importlib.metadata import version

    import rt

    return f"rt from {os.path.dirname(rt.__file__)} on greenlet {version('greenlet')}"


# ---------------------------------------------------------------------------
# gevent: greenlets on a libev/libuv hub. No monkey-patching is needed.


def gevent_spawn(n: int) -> Timing:
    import gevent
    import gevent.event

    done = gevent.event.Event()
    left = n

    def task() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            done.set()

    t0 = _clocks()
    for _ in range(n):
        gevent.spawn(task)
    done.wait()
    return _since(t0)


def gevent_pingpong(n: int) -> Timing:
    import gevent
    import gevent.queue

    ping: Any = gevent.queue.Channel()
    pong: Any = gevent.queue.Channel()

    def echo() -> None:
        for _ in range(n):
            pong.put(ping.get())

    echoer = gevent.spawn(echo)
    t0 = _clocks()
    for i in range(n):
        ping.put(i)
        pong.get()
    t = _since(t0)
    echoer.join()
    return t


def gevent_yield(n: int) -> Timing:
    import gevent

    half = n // 2

    def other() -> None:
        for _ in range(half):
            gevent.sleep(0)

    g = gevent.spawn(other)
    t0 = _clocks()
    for _ in range(half):
        gevent.sleep(0)
    g.join()
    return _since(t0)


def gevent_info() -> str:
    from importlib.metadata import version

    import gevent

    loop = type(gevent.get_hub().loop)
    return f"gevent {gevent.__version__} on greenlet {version('greenlet')}, " \
           f"loop {loop.__module__}"


# ---------------------------------------------------------------------------
# asyncio: coroutines on the default event loop.


def asyncio_spawn(n: int) -> Timing:
    import asyncio

    async def main() -> Timing:
        done = asyncio.Event()
        left = n

        async def task() -> None:
            nonlocal left
            left -= 1
            if left == 0:
                done.set()

        t0 = _clocks()
        # asyncio keeps only weak references to tasks: hold them, as a program must.
        tasks = [asyncio.create_task(task()) for _ in range(n)]
        await done.wait()
        t = _since(t0)
        del tasks
        return t

    return asyncio.run(main())


def asyncio_pingpong(n: int) -> Timing:
    import asyncio

    async def main() -> Timing:
        # No unbuffered queue exists in asyncio: these are unbounded.
        ping: asyncio.Queue[int] = asyncio.Queue()
        pong: asyncio.Queue[int] = asyncio.Queue()

        async def echo() -> None:
            for _ in range(n):
                await pong.put(await ping.get())

        echoer = asyncio.create_task(echo())
        t0 = _clocks()
        for i in range(n):
            await ping.put(i)
            await pong.get()
        t = _since(t0)
        await echoer
        return t

    return asyncio.run(main())


def asyncio_yield(n: int) -> Timing:
    import asyncio

    half = n // 2

    async def main() -> Timing:
        async def other() -> None:
            for _ in range(half):
                await asyncio.sleep(0)

        g = asyncio.create_task(other())
        t0 = _clocks()
        for _ in range(half):
            await asyncio.sleep(0)
        await g
        return _since(t0)

    return asyncio.run(main())


def asyncio_info() -> str:
    import asyncio

    loop = asyncio.new_event_loop()
    try:
        return f"asyncio, loop {type(loop).__name__}"
    finally:
        loop.close()


BODIES: dict[str, dict[str, Callable[[int], Timing]]] = {
    "ours": {"spawn": ours_spawn, "pingpong": ours_pingpong, "yield": ours_yield},
    "gevent": {"spawn": gevent_spawn, "pingpong": gevent_pingpong, "yield": gevent_yield},
    "asyncio": {"spawn": asyncio_spawn, "pingpong": asyncio_pingpong, "yield": asyncio_yield},
}
INFO: dict[str, Callable[[], str]] = {
    "ours": ours_info,
    "gevent": gevent_info,
    "asyncio": asyncio_info,
}


def measure(impl: str, bench: str, n: int, reps: int) -> dict[str, Any]:
    """Run one cell: a warm-up at n/10, then ``reps`` timed repetitions of n operations."""
    body = BODIES[impl][bench]
    body(max(2, n // 10))
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(reps):
        gc.collect()
        w, c = body(n)
        wall.append(w / n)
        cpu.append(c / n)
    return {"impl": impl, "bench": bench, "n": n, "wall": wall, "cpu": cpu,
            "info": INFO[impl]()}


def main(argv: list[str]) -> int:
    if len(argv) != 4 or argv[0] not in IMPLS or argv[1] not in BENCHES:
        print(f"usage: runtime_bench.py {{{','.join(IMPLS)}}} {{{','.join(BENCHES)}}} N REPS",
              file=sys.stderr)
        return 2
    impl, bench, n, reps = argv[0], argv[1], int(argv[2]), int(argv[3])
    json.dump(measure(impl, bench, n, reps), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
