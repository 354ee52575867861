"""runtime/select.go: the invariants rt/select.py's module docstring names.

select.go has no test file of its own; Go's select tests live in
chan_test.go, ported in test_chan.py. These check the three passes of
selectgo from the inside.
"""

from __future__ import annotations

from typing import Any

import rt
from rt import proc
from rt.runtime2 import _Gwaiting, g, sudog
from rt.select import selparkcommit


def _parked(gp: g) -> None:
    """Yield until gp is parked (one P: it runs while we yield)."""
    for _ in range(1000):
        if gp.atomicstatus == _Gwaiting:
            return
        rt.Gosched()
    raise AssertionError("goroutine never parked")


def _waiting(gp: g) -> list[sudog]:
    out = []
    sg = gp.waiting
    while sg is not None:
        out.append(sg)
        sg = sg.waitlink
    return out


def test_SelectEnqueuesInLockOrderAndLeavesNilCasesOut() -> None:
    """Pass 2: one isSelect sudog per non-nil case, chained on gp.waiting by channel identity."""

    def main() -> None:
        cs: list[rt.hchan[int]] = [rt.chan() for _ in range(5)]
        box: list[Any] = []

        def sel() -> None:
            box.append(proc.getg())
            box.append(rt.select(rt.recv(cs[0]), rt.recv(None), rt.send(cs[1], 1),
                                 rt.recv(cs[2]), rt.send(None, 2), rt.recv(cs[3]),
                                 rt.recv(cs[4])))

        rt.go(sel)
        rt.Gosched()
        gp = box[0]
        _parked(gp)
        sgs = _waiting(gp)
        assert len(sgs) == 5
        assert all(sg.isSelect and sg.g is gp for sg in sgs)
        keys = [id(sg.c) for sg in sgs]
        assert keys == sorted(keys)
        assert cs[1].sendq.first is not None and cs[1].sendq.first.elem == 1
        cs[2].send(7)
        rt.Gosched()
        assert box[1] == (3, 7, True)

    rt.run(main)


def test_SelectPassThreeDequeuesTheLosers() -> None:
    """Pass 3: after the wake-up no sudog of the select is left on any channel."""

    def main() -> None:
        a: rt.hchan[int] = rt.chan()
        b: rt.hchan[int] = rt.chan()
        c: rt.hchan[int] = rt.chan()
        box: list[Any] = []

        def sel() -> None:
            box.append(proc.getg())
            box.append(rt.select(rt.recv(a), rt.send(b, 5), rt.recv(c), rt.recv(a)))

        rt.go(sel)
        rt.Gosched()
        gp = box[0]
        _parked(gp)
        assert c.recvq.first is not None
        assert b.recv() == 5
        rt.Gosched()
        assert box[1] == (1, None, False)
        for q in (a.recvq, a.sendq, b.recvq, b.sendq, c.recvq, c.sendq):
            assert q.first is None and q.last is None
        assert gp.waiting is None and gp.param is None and gp.selectDone == 0

    rt.run(main)


def test_SelectDoneOnlyTheFirstCaseToFireWakes() -> None:
    """selectDone: once one case has fired, a second peer passes over the select's sudogs."""

    def main() -> tuple[Any, int]:
        c1: rt.hchan[str] = rt.chan()
        c2: rt.hchan[str] = rt.chan()
        box: list[Any] = []

        def sel() -> None:
            box.append(proc.getg())
            box.append(rt.select(rt.recv(c1), rt.recv(c2)))

        def peer() -> None:
            c1.send("first")  # takes the select's c1 sudog and readies it
            c2.send("second")  # must not take its c2 sudog: it parks instead

        rt.go(sel)
        rt.Gosched()
        _parked(box[0])
        rt.go(peer)
        for _ in range(10):
            rt.Gosched()
        return box[1], c2.recv()

    assert rt.run(main) == ((0, "first", True), "second")


def test_SelectSameChannelCasesQueuedInPollOrder() -> None:
    """Two cases on one channel are queued in random (poll) order, so either can win."""

    def main() -> set[int]:
        c: rt.hchan[int] = rt.chan()
        won: set[int] = set()
        for _ in range(100):
            box: list[Any] = []

            def sel(box: list[Any] = box) -> None:
                box.append(proc.getg())
                box.append(rt.select(rt.recv(c), rt.recv(c)))

            rt.go(sel)
            rt.Gosched()
            _parked(box[0])
            c.send(1)
            rt.Gosched()
            won.add(box[1][0])
            if len(won) == 2:
                break
        return won

    assert rt.run(main) == {0, 1}


def test_SelectUnwoundWhileParkedLeavesNoSudog() -> None:
    """Pass 3 runs in a finally: rt.run's teardown unwinding a parked select dequeues it."""
    a: rt.hchan[int] = rt.chan()
    b: rt.hchan[int] = rt.chan()

    def main() -> None:
        def sel() -> None:
            rt.select(rt.recv(a), rt.send(b, 1))

        rt.go(sel)
        rt.Gosched()
        assert a.recvq.first is not None and b.sendq.first is not None

    rt.run(main)
    assert a.recvq.first is None and b.sendq.first is None


def test_SelectInFinallyOfUnwoundChannelOp() -> None:
    """A select in the finally of a channel op unwound at teardown fails with the unwinding.

    chansend leaves gp.waiting set when it is unwound out of its park, so the
    select's "gp.waiting != nil" check must not turn the teardown into a throw.
    """
    c: rt.hchan[int] = rt.chan()
    d: rt.hchan[int] = rt.chan()
    reached: list[str] = []

    def main() -> None:
        def f() -> None:
            try:
                c.send(1)
            finally:
                reached.append("finally")
                try:
                    rt.select(rt.recv(d), rt.recv(None))
                except proc.UnwindingError:
                    reached.append("unwinding")
                    raise

        rt.go(f)
        rt.Gosched()

    rt.run(main)
    assert reached == ["finally", "unwinding"]
    assert d.recvq.first is None


def test_SelparkcommitCommitsThePark() -> None:
    """selparkcommit has no channel lock to release: it only lets the park go ahead."""

    def main() -> bool:
        gp = proc.getg()
        assert gp is not None
        return selparkcommit(gp, None)

    assert rt.run(main) is True
