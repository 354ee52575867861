"""runtime/chan_test.go (go1.27.0), ported: channels and select.

Go's tests run in -short sizes here (the N Go uses with testing.Short()).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

import rt
from std import sync, time


def _run(main: Any) -> Any:
    return rt.run(main)


def _recvFromEmptyBlocks(chanCap: int) -> None:
    # Ensure that receive from empty chan blocks.
    c: rt.hchan[int] = rt.chan(chanCap, zero=0)
    recv = [False, False]

    def r1() -> None:
        c.recv()
        recv[0] = True

    def r2() -> None:
        c.recv2()
        recv[1] = True

    rt.go(r1)
    rt.go(r2)
    time.Sleep(time.Millisecond)
    assert recv == [False, False], f"chan[{chanCap}]: receive from empty chan"
    # Ensure that non-blocking receive does not block.
    assert rt.select(rt.recv(c), default=True)[0] == -1
    c.send(0)
    c.send(0)


def _sendToFullBlocks(chanCap: int) -> None:
    c: rt.hchan[int] = rt.chan(chanCap, zero=0)
    for i in range(chanCap):
        c.send(i)
    sent = [0]

    def s() -> None:
        c.send(0)
        sent[0] = 1

    rt.go(s)
    time.Sleep(time.Millisecond)
    assert sent[0] == 0, f"chan[{chanCap}]: send to full chan"
    # Ensure that non-blocking send does not block.
    assert rt.select(rt.send(c, 0), default=True)[0] == -1
    c.recv()


def _recvZeroFromClosed(chanCap: int) -> None:
    c: rt.hchan[int] = rt.chan(chanCap, zero=0)
    for i in range(chanCap):
        c.send(i)
    c.close()
    for i in range(chanCap):
        assert c.recv() == i
    assert c.recv() == 0
    assert c.recv2() == (0, False)


def _closeUnblocksRecv(chanCap: int) -> None:
    c: rt.hchan[int] = rt.chan(chanCap, zero=0)
    done: rt.hchan[bool] = rt.chan()

    def f() -> None:
        v, ok = c.recv2()
        done.send(v == 0 and ok is False)

    rt.go(f)
    time.Sleep(time.Millisecond)
    c.close()
    assert done.recv(), f"chan[{chanCap}]: received non zero from closed chan"


def _fifoAndFanIn(chanCap: int) -> None:
    # Send 100 integers, ensure that we receive them non-corrupted in FIFO order.
    c: rt.hchan[int] = rt.chan(chanCap, zero=0)

    def send100() -> None:
        for i in range(100):
            c.send(i)

    rt.go(send100)
    for i in range(100):
        assert c.recv() == i
    rt.go(send100)
    for i in range(100):
        assert c.recv2() == (i, True)

    # Send 1000 integers in 4 goroutines, ensure that we receive what we send.
    P, L = 4, 1000

    def sender() -> None:
        for i in range(L):
            c.send(i)

    dn: rt.hchan[dict[int, int]] = rt.chan()

    def receiver() -> None:
        got: dict[int, int] = {}
        for _ in range(L):
            v = c.recv()
            got[v] = got.get(v, 0) + 1
        dn.send(got)

    for _ in range(P):
        rt.go(sender)
    for _ in range(P):
        rt.go(receiver)
    total: dict[int, int] = {}
    for _ in range(P):
        for k, v in dn.recv().items():
            total[k] = total.get(k, 0) + v
    assert len(total) == L
    assert all(v == P for v in total.values())


def _lenCap(chanCap: int) -> None:
    c: rt.hchan[int] = rt.chan(chanCap)
    assert (len(c), c.cap()) == (0, chanCap)
    for i in range(chanCap):
        c.send(i)
    assert (len(c), c.cap()) == (chanCap, chanCap)


def test_Chan() -> None:
    """chan_test.go TestChan, -short size. Each Go block is a function, so that
    its goroutines' closures see that block's channel (Go's block scoping)."""
    N = 20

    def main() -> None:
        for chanCap in range(N):
            _recvFromEmptyBlocks(chanCap)
            _sendToFullBlocks(chanCap)
            _recvZeroFromClosed(chanCap)
            _closeUnblocksRecv(chanCap)
            _fifoAndFanIn(chanCap)
            _lenCap(chanCap)

    _run(main)


def test_NonblockRecvRace() -> None:
    def main() -> None:
        for _ in range(100):
            c: rt.hchan[int] = rt.chan(1)
            c.send(1)
            failed: list[str] = []

            def f(c: rt.hchan[int] = c, failed: list[str] = failed) -> None:
                if rt.select(rt.recv(c), default=True)[0] == -1:
                    failed.append("chan is not ready")

            rt.go(f)
            c.close()
            c.recv()
            time.Sleep(0)
            rt.Gosched()
            assert not failed

    _run(main)


@pytest.mark.parametrize("close_c2", [False, True], ids=["Race", "Race2"])
def test_NonblockSelectRace(close_c2: bool) -> None:
    """Select acts on the channels' state at one moment: the default case never runs."""

    def main() -> None:
        done: rt.hchan[bool] = rt.chan(1)
        for _ in range(1000):
            c1: rt.hchan[int] = rt.chan(1)
            c2: rt.hchan[int] = rt.chan(0 if close_c2 else 1)
            c1.send(1)

            def f(c1: rt.hchan[int] = c1, c2: rt.hchan[int] = c2) -> None:
                i, _, _ = rt.select(rt.recv(c1), rt.recv(c2), default=True)
                done.send(i != -1)

            rt.go(f)
            if close_c2:
                c2.close()
            else:
                c2.send(1)
            rt.select(rt.recv(c1), default=True)
            assert done.recv(), "no chan is ready"

    _run(main)


def test_SelfSelect() -> None:
    """Send and receive on the same channel in one select neither crashes nor deadlocks."""

    def main() -> list[str]:
        errs: list[str] = []
        for chanCap in (0, 10):
            wg = sync.WaitGroup()
            wg.Add(2)
            c: rt.hchan[int] = rt.chan(chanCap)

            def worker(p: int, chanCap: int = chanCap, c: rt.hchan[int] = c,
                       wg: sync.WaitGroup = wg) -> None:
                try:
                    for i in range(1000):
                        if p == 0 or i % 2 == 0:
                            idx, v, _ = rt.select(rt.send(c, p), rt.recv(c))
                            if idx == 1 and chanCap == 0 and v == p:
                                errs.append("self receive")
                                return
                        else:
                            idx, v, _ = rt.select(rt.recv(c), rt.send(c, p))
                            if idx == 0 and chanCap == 0 and v == p:
                                errs.append("self receive")
                                return
                finally:
                    wg.Done()

            rt.go(worker, 0)
            rt.go(worker, 1)
            wg.Wait()
        return errs

    assert _run(main) == []


def test_SelectStress() -> None:
    N = 10_000

    def main() -> None:
        c: list[rt.hchan[int] | None] = [rt.chan(), rt.chan(), rt.chan(2), rt.chan(3)]
        wg = sync.WaitGroup()
        wg.Add(10)
        for k in range(4):

            def sender(k: int = k) -> None:
                ch = c[k]
                assert ch is not None
                for _ in range(N):
                    ch.send(0)
                wg.Done()

            def receiver(k: int = k) -> None:
                ch = c[k]
                assert ch is not None
                for _ in range(N):
                    ch.recv()
                wg.Done()

            rt.go(sender)
            rt.go(receiver)

        def selsend() -> None:
            n = [0] * 4
            c1 = list(c)
            order = (3, 2, 0, 1)
            for _ in range(4 * N):
                i, _, _ = rt.select(*(rt.send(c1[k], 0) for k in order))
                k = order[i]
                n[k] += 1
                if n[k] == N:
                    c1[k] = None
            wg.Done()

        def selrecv() -> None:
            n = [0] * 4
            c1 = list(c)
            for _ in range(4 * N):
                k, _, _ = rt.select(*(rt.recv(c1[j]) for j in range(4)))
                n[k] += 1
                if n[k] == N:
                    c1[k] = None
            wg.Done()

        rt.go(selsend)
        rt.go(selrecv)
        wg.Wait()

    _run(main)


def test_SelectFairness() -> None:
    trials = 10_000

    def main() -> tuple[int, int]:
        c1: rt.hchan[int] = rt.chan(trials + 1)
        c2: rt.hchan[int] = rt.chan(trials + 1)
        for _ in range(trials + 1):
            c1.send(1)
            c2.send(2)
        c3: rt.hchan[int] = rt.chan()
        c4: rt.hchan[int] = rt.chan()
        out: rt.hchan[int] = rt.chan()
        done: rt.hchan[int] = rt.chan()
        wg = sync.WaitGroup()
        wg.Add(1)

        def f() -> None:
            try:
                while True:
                    _, b, _ = rt.select(rt.recv(c3), rt.recv(c4), rt.recv(c1), rt.recv(c2))
                    i, _, _ = rt.select(rt.send(out, b), rt.recv(done))
                    if i == 1:
                        return
            finally:
                wg.Done()

        rt.go(f)
        cnt = {1: 0, 2: 0}
        for _ in range(trials):
            cnt[out.recv()] += 1
        done.close()
        wg.Wait()
        return cnt[1], cnt[2]

    cnt1, cnt2 = _run(main)
    assert cnt1 + cnt2 == trials
    mean = trials * 0.5
    stddev = math.sqrt(trials * 0.5 * 0.5)
    assert abs(cnt1 - mean) <= 10 * stddev, f"unfair select: {cnt1}, {cnt2}"


def test_ChanSendInterface() -> None:
    def main() -> int:
        m = object()
        c: rt.hchan[object] = rt.chan(1)
        c.send(m)
        a = rt.select(rt.send(c, m), default=True)[0]
        b = rt.select(rt.send(c, m), rt.send(c, object()), default=True)[0]
        return a + b

    assert _run(main) == -2


def test_PseudoRandomSend() -> None:
    n = 100

    def main() -> list[tuple[int, int]]:
        res = []
        for chanCap in (0, n):
            c: rt.hchan[int] = rt.chan(chanCap)
            lst = [0] * n
            m = sync.Mutex()
            m.Lock()

            def f(c: rt.hchan[int] = c, lst: list[int] = lst, m: sync.Mutex = m) -> None:
                for i in range(n):
                    rt.Gosched()
                    lst[i] = c.recv()
                m.Unlock()

            rt.go(f)
            for _ in range(n):
                rt.select(rt.send(c, 1), rt.send(c, 0))
            m.Lock()
            n0 = sum((i + 1) % 2 for i in lst)
            n1 = sum(lst)
            res.append((n0, n1))
        return res

    for n0, n1 in _run(main):
        assert n0 > n // 10 and n1 > n // 10, f"want pseudorandom, got {n0} zeros {n1} ones"


def test_MultiConsumer() -> None:
    nwork, niter = 23, 27_182
    pn = [2, 3, 7, 11, 13, 17, 19, 23, 27, 31]

    def main() -> tuple[int, int, int]:
        q: rt.hchan[int] = rt.chan(nwork * 3)
        r: rt.hchan[int] = rt.chan(nwork * 3)
        wg = sync.WaitGroup()
        for i in range(nwork):
            wg.Add(1)

            def worker(w: int) -> None:
                for v in q:
                    if pn[w % len(pn)] == v:
                        rt.Gosched()
                    r.send(v)
                wg.Done()

            rt.go(worker, i)
        expect = [0]

        def feeder() -> None:
            for i in range(niter):
                v = pn[i % len(pn)]
                expect[0] += v
                q.send(v)
            q.close()
            wg.Wait()
            r.close()

        rt.go(feeder)
        n = s = 0
        for v in r:
            n += 1
            s += v
        return n, s, expect[0]

    n, s, expect = _run(main)
    assert n == niter and s == expect


def test_SelectDuplicateChannel() -> None:
    """A select may name the same channel twice; the losing sudog must be dequeued."""

    def main() -> int:
        c: rt.hchan[int] = rt.chan()
        d: rt.hchan[int] = rt.chan()
        e: rt.hchan[int] = rt.chan()

        def f() -> None:
            rt.select(rt.recv(c), rt.recv(c), rt.recv(d))
            e.send(9)

        rt.go(f)
        time.Sleep(time.Millisecond)

        def g() -> None:
            rt.select(rt.recv(c), rt.recv(d))

        rt.go(g)
        time.Sleep(time.Millisecond)
        d.send(7)  # wakes one of the two selects
        c.send(8)  # wakes the other one
        return e.recv()

    assert _run(main) == 9


def test_NilChannelsBlockForever() -> None:
    def main() -> None:
        rt.chanrecv1(None)

    with pytest.raises(rt.FatalError) as ei:
        _run(main)
    assert "goroutine 1 [chan receive (nil chan)]:" in str(ei.value)

    def main2() -> None:
        rt.chansend1(None, 1)

    with pytest.raises(rt.FatalError) as ei:
        _run(main2)
    assert "goroutine 1 [chan send (nil chan)]:" in str(ei.value)


def test_NilCaseNeverReady() -> None:
    def main() -> tuple[int, Any, bool]:
        c: rt.hchan[int] = rt.chan(1)
        c.send(5)
        assert rt.select(rt.recv(None), default=True) == (-1, None, False)
        return rt.select(rt.recv(None), rt.send(None, 1), rt.recv(c))

    assert _run(main) == (2, 5, True)


def test_SendOnClosedPanicsWakesBlockedSender() -> None:
    def main() -> str:
        c: rt.hchan[int] = rt.chan()
        res: rt.hchan[str] = rt.chan(1)

        def sender() -> None:
            try:
                c.send(1)
                res.send("sent")
            except rt.Error as e:
                res.send(e.Error())

        rt.go(sender)
        time.Sleep(time.Millisecond)
        c.close()
        return res.recv()

    assert _run(main) == "send on closed channel"


def test_SelectSendOnClosedPanics() -> None:
    def main() -> None:
        c: rt.hchan[int] = rt.chan()
        c.close()
        rt.select(rt.send(c, 1), rt.recv(rt.chan()))

    with pytest.raises(rt.Error, match="send on closed channel"):
        _run(main)


def test_SelectReceivesCloseWhileBlocked() -> None:
    def main() -> tuple[int, Any, bool]:
        a: rt.hchan[int] = rt.chan(zero=0)
        b: rt.hchan[int] = rt.chan()
        rt.go(lambda: (time.Sleep(time.Millisecond), a.close()))
        return rt.select(rt.recv(b), rt.recv(a))

    assert _run(main) == (1, 0, False)


def test_RangeAndBool() -> None:
    def main() -> tuple[list[int], bool]:
        c: rt.hchan[int] = rt.chan(3)
        for i in range(3):
            c.send(i)
        c.close()
        return list(c), bool(rt.chan())

    assert _run(main) == ([0, 1, 2], True)


def test_BadSelectCase() -> None:
    def main() -> None:
        with pytest.raises(TypeError):
            rt.select(rt.chan())  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            rt.recv(42)  # type: ignore[arg-type]

    _run(main)


def test_CloseReadiesWaitersAsGoDoes() -> None:
    """close(c) readies its waiters through a gList, each into runnext: C A B wake C B A.

    Go 1.19 with GOMAXPROCS=1 prints [C B A] for the same program (go1.27's
    closechan is unchanged on this path).
    """

    def main() -> list[str]:
        c: rt.hchan[int] = rt.chan()
        out: list[str] = []
        wg = sync.WaitGroup()
        for name in ("C", "A", "B"):
            wg.Add(1)

            def waiter(name: str = name) -> None:
                c.recv()
                out.append(name)
                wg.Done()

            rt.go(waiter)
            rt.Gosched()
        c.close()
        wg.Wait()
        return out

    assert _run(main) == ["C", "B", "A"]


def test_SelectOnNilChannelsOnlyDumpsAsSelect() -> None:
    """A select whose cases are all nil channels parks as "[select]", not "[select (no cases)]"."""

    def main() -> None:
        rt.select(rt.recv(None), rt.send(None, 1))

    with pytest.raises(rt.FatalError) as ei:
        _run(main)
    assert "goroutine 1 [select]:" in str(ei.value)

    with pytest.raises(rt.FatalError) as ei:
        _run(rt.select)
    assert "goroutine 1 [select (no cases)]:" in str(ei.value)


def test_ChansendSpuriousWakeupThrows() -> None:
    """chan.go's "chansend: spurious wakeup": a sender woken with no receiver and no close."""
    import rt.proc

    def main() -> None:
        c: rt.hchan[int] = rt.chan()
        me = rt.proc.getg()
        assert me is not None

        def waker() -> None:
            # Break the invariant on purpose: ready the parked sender directly,
            # as a buggy waker would, without a receive or a close.
            rt.proc.goready(me)

        rt.go(waker)
        c.send(1)

    with pytest.raises(rt.FatalError, match="chansend: spurious wakeup"):
        _run(main)


def test_PortUnwoundReceiverLeavesNothingQueued() -> None:
    # rt.run's teardown unwinds goroutines in goid order. A receiver parked on
    # c is unwound first; a later goroutine's finally block that sends on c
    # without blocking must find no receiver (the unwound one's sudog left
    # the queue with it), as a send to a dead goroutine would be lost.
    from rt.chan import selectnbsend

    results: list[bool] = []

    def main() -> None:
        c: rt.chan[int] = rt.chan()
        block: rt.chan[int] = rt.chan()

        def receiver() -> None:
            c.recv()

        def sender() -> None:
            try:
                block.recv()
            finally:
                results.append(selectnbsend(c, 1))

        rt.go(receiver)
        rt.go(sender)
        rt.Gosched()

    rt.run(main)
    assert results == [False]


def test_ChannelsRefuseForeignThreads() -> None:
    """A channel used from a thread that is not a goroutine's (rt.blocking's fn) raises at
    once, before touching the channel: even a send that would fit its buffer, or that would
    hand the value to a parked receiver, which only the scheduler's thread may wake."""
    def main() -> None:
        ch: rt.chan[int] = rt.chan(1)
        for op, want in ((lambda: ch.send(1), "channel send outside a goroutine"),
                         (lambda: ch.recv(), "channel receive outside a goroutine"),
                         (lambda: ch.close(), "channel close outside a goroutine")):
            with pytest.raises(RuntimeError, match=want):
                rt.blocking(op)
        assert ch.send(7) is None and len(ch) == 1 and ch.recv() == 7  # untouched

    rt.run(main)
