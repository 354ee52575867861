"""runtime/time.go: the per-P 4-ary timer heap, its lazy states, and timeSleep."""

from __future__ import annotations

import random
from typing import Any

import pytest

import rt
from rt import proc
from rt import time as rtime
from rt.time import timer, timerHeaped, timerHeapN, timerModified, timerZombie
from std import time


def _heapOK(ts: rtime.timers) -> None:
    h = ts.heap
    for i in range(1, len(h)):
        parent = (i - 1) // timerHeapN
        assert h[parent][0] <= h[i][0], "4-ary heap order broken"
    for w, t in h:
        assert t.state & timerHeaped and t.ts is ts
        if not t.state & (timerModified | timerZombie):
            assert w == t.when
    assert ts.zombies == sum(1 for _, t in h if t.state & timerZombie)


def test_HeapFiresInWhenOrderWithStopsAndModifies() -> None:
    rng = random.Random(7)

    def main() -> list[int]:
        fired: list[int] = []

        def f(arg: Any, seq: int, delay: int) -> None:
            fired.append(arg)

        now = proc.nanotime()
        ts = proc.allp[0].timers
        ts_: list[timer] = []
        whens: dict[int, int] = {}
        for i in range(300):
            t = timer()
            t.init(f, i)
            w = now + rng.randrange(1, 30) * 1_000_000
            t.modify(w, 0, None, None, 0)
            whens[i] = w
            ts_.append(t)
        _heapOK(ts)
        for i in range(0, 300, 3):
            assert ts_[i].stop()
            del whens[i]
        for i in range(1, 300, 3):
            w = now + rng.randrange(1, 30) * 1_000_000
            assert ts_[i].modify(w, 0, None, None, 0)  # was pending
            whens[i] = w
        _heapOK(ts)
        time.Sleep(40 * time.Millisecond)
        _heapOK(ts)
        assert sorted(fired) == sorted(whens)
        # Every timer fired in `when` order (ties in any order).
        ws = [whens[i] for i in fired]
        assert ws == sorted(ws)
        return fired

    assert len(rt.run(main)) == 200


def test_StopMarksZombieAndHeapCleansUp() -> None:
    def main() -> None:
        ts = proc.allp[0].timers
        t = timer()
        t.init(lambda *a: None, None)
        t.modify(proc.nanotime() + 10**9, 0, None, None, 0)
        assert t.state == timerHeaped
        assert t.stop() is True
        assert t.state & timerZombie and ts.zombies == 1
        assert t.stop() is False
        # Re-arming a zombie revives it in place (no second heap entry).
        t.modify(proc.nanotime() + 10**9, 0, None, None, 0)
        assert ts.zombies == 0 and len(ts) == 1
        t.stop()
        ts.check(0)  # zombies > len/4 forces a clean-up
        assert len(ts) == 0 and ts.zombies == 0 and ts.wakeTime() == 0

    rt.run(main)


def test_PeriodicTimerAdvancesByWholePeriods() -> None:
    def main() -> list[int]:
        fired: list[int] = []
        t = timer()
        t.init(lambda arg, seq, delay: fired.append(delay), None)
        t.modify(proc.nanotime() + 5_000_000, 5_000_000, None, None, 0)
        time.Sleep(28 * time.Millisecond)
        t.stop()
        return fired

    fired = rt.run(main)
    assert 2 <= len(fired) <= 6
    assert all(d >= 0 for d in fired)


def test_ModifyBadWhenThrows() -> None:
    def main() -> None:
        t = timer()
        t.modify(0, 0, None, None, 0)

    with pytest.raises(rt.FatalError, match="timer when must be positive"):
        rt.run(main)


def test_SleepOrder() -> None:
    """time.Sleep parks with reason "sleep"; sleepers wake in deadline order."""

    def main() -> tuple[list[int], str]:
        order: list[int] = []
        done: rt.hchan[None] = rt.chan(5)
        for d in (30, 10, 20, 0, -5):

            def s(d: int = d) -> None:
                time.Sleep(d * time.Millisecond)
                order.append(d)
                done.send(None)

            rt.go(s)
        time.Sleep(time.Millisecond)
        dump = rt.Stack(all=True)
        for _ in range(5):
            done.recv()
        return order, dump

    order, dump = rt.run(main)
    assert order[:2] in ([0, -5], [-5, 0]) and order[2:] == [10, 20, 30]
    assert dump.count("[sleep]:") == 3


def test_NextTimerBoundsIdleSleep() -> None:
    """An idle P sleeps until the next timer, not longer and not in a busy loop."""

    def main() -> int:
        t0 = proc.nanotime()
        time.Sleep(50 * time.Millisecond)
        return proc.nanotime() - t0

    took = rt.run(main)
    assert 50_000_000 <= took < 1_000_000_000
