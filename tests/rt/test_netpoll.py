"""runtime/netpoll.go + netpoll_epoll.go: the poller's state machines, and one test per
hazard named in rt/netpoll_epoll.py's essay (plus runtime's TestNetpollBreak and
TestNetpollWaiters)."""

from __future__ import annotations

import threading
import time as pytime
from collections.abc import Iterator
from contextlib import contextmanager

import rt
from rt import netpoll, netpoll_epoll, proc, sys_linux
from rt.netpoll import modeR, modeW, pdNil, pdReady, pdWait
from rt.poll import ErrDeadlineExceeded, ErrNetClosing
from rt.poll.fd_unix import FD
from rt.runtime2 import gList
from rt.sys_linux import (
    AF_UNIX,
    EPOLL_CTL_ADD,
    EPOLL_CTL_DEL,
    EPOLLIN,
    SOCK_CLOEXEC,
    SOCK_NONBLOCK,
    SOCK_STREAM,
)
from std import io, time


@contextmanager
def _pair() -> Iterator[tuple[FD, FD]]:
    """Two connected, poller-registered stream FDs (a socketpair)."""
    (a, b), errno = sys_linux.socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    assert not errno
    fa = FD(a, IsStream=True, ZeroReadIsEOF=True)
    fb = FD(b, IsStream=True, ZeroReadIsEOF=True)
    assert fa.Init("unix", True) is None
    assert fb.Init("unix", True) is None
    try:
        yield fa, fb
    finally:
        fa.Close()
        fb.Close()


def test_SyscallFirst_BufferedDataNeverWaits() -> None:
    """Hazard 1: data that arrived before Read (its edge long gone) is read without parking."""

    def main() -> tuple[int, bytes, int]:
        with _pair() as (fa, fb):
            fb.Write(b"early")
            netpoll_epoll.netpoll(0)  # consume the edge: nobody waits, it is latched
            fa.pd.runtimeCtx.rg = pdNil  # type: ignore[union-attr]  # and forget it
            parked0 = netpoll.stats.parked
            buf = bytearray(16)
            n, err = fa.Read(buf)
            assert err is None
            return n, bytes(buf[:n]), netpoll.stats.parked - parked0

    assert rt.run(main) == (5, b"early", 0)


def test_PendingEdgeLatch() -> None:
    """Hazard 2: an edge between EAGAIN and the park is latched (pdReady) and consumed."""

    def main() -> tuple[bool, int, int]:
        with _pair() as (fa, _fb):
            pd = fa.pd.runtimeCtx
            assert pd is not None
            toRun = gList()
            # The event comes while nobody waits: it is latched, no G readied.
            delta = netpoll.netpollready(toRun, pd, modeR)
            assert toRun.empty() and delta == 0 and pd.rg == pdReady
            parked0 = netpoll.stats.parked
            # netpollblock consumes the latch instead of parking.
            ready = netpoll.netpollblock(pd, modeR, False)
            return ready, pd.rg, netpoll.stats.parked - parked0

    assert rt.run(main) == (True, pdNil, 0)


def test_PrepareClearsStaleLatch() -> None:
    """Hazard 2, other half: prepare (pollReset) drops a latch older than the attempt."""

    def main() -> int:
        with _pair() as (fa, _fb):
            pd = fa.pd.runtimeCtx
            assert pd is not None
            pd.rg = pdReady
            assert netpoll.poll_runtime_pollReset(pd, modeR) == netpoll.pollNoError
            return int(pd.rg)

    assert rt.run(main) == pdNil


def test_CommitFailsWhenEdgeArrivesDuringPark() -> None:
    """netpollblockcommit: pdWait changed to pdReady before the commit -> resume at once."""

    def main() -> tuple[bool, bool]:
        with _pair() as (fa, _fb):
            pd = fa.pd.runtimeCtx
            assert pd is not None
            gp = proc.getg()
            assert gp is not None
            pd.rg = pdWait
            netpoll.netpollunblock(pd, modeR, True, 0)  # the edge lands now
            committed = netpoll.netpollblockcommit(gp, (pd, modeR))
            pd.rg = pdNil
            pd.wg = pdWait
            netpoll.netpollunblock(pd, modeW, False, 0)  # a close/deadline: pdNil, no latch
            committed2 = netpoll.netpollblockcommit(gp, (pd, modeW))
            return committed, committed2

    assert rt.run(main) == (False, False)


def test_StaleEventDroppedByFdseq() -> None:
    """Hazard 3: an event for a closed fd whose pollDesc was reused is dropped."""

    def main() -> tuple[bool, int, int]:
        oldData: dict[int, int] = {}
        with _pair() as (fa, fb):
            for f in (fa, fb):
                pd = f.pd.runtimeCtx
                assert pd is not None
                oldData[pd.slot] = netpoll_epoll.taggedPointerPack(pd, pd.fdseq)
        # Both FDs are closed: their pollDescs went back to the cache with fdseq bumped.
        with _pair() as (fc, _fd):
            pd2 = fc.pd.runtimeCtx
            assert pd2 is not None
            reused = pd2.slot in oldData

            def deliver(data: int) -> None:
                # A real kernel event carrying this data word: a readable
                # eventfd registered in the runtime's epoll with it.
                efd, errno = sys_linux.eventfd(1, sys_linux.EFD_CLOEXEC | sys_linux.EFD_NONBLOCK)
                assert not errno
                try:
                    ev = sys_linux.EpollEvent(Events=EPOLLIN, Data=data)
                    assert not sys_linux.epoll_ctl(netpoll_epoll.epfd, EPOLL_CTL_ADD, efd, ev)
                    toRun, delta = netpoll_epoll.netpoll(0)
                    assert toRun.empty() and delta == 0  # nobody was parked
                    assert not sys_linux.epoll_ctl(netpoll_epoll.epfd, EPOLL_CTL_DEL, efd, None)
                finally:
                    sys_linux.close(efd)

            deliver(oldData[pd2.slot])
            rg = pd2.rg
            # The current tag does reach it.
            deliver(netpoll_epoll.taggedPointerPack(pd2, pd2.fdseq))
            return reused, rg, int(pd2.rg)

    reused, rg, latched = rt.run(main)
    assert reused, "the pollDesc cache is LIFO: the slot is reused"
    assert rg == pdNil and latched == pdReady


def test_EventFdIsLevelTriggeredAndBreaksCoalesce() -> None:
    """The eventfd: a non-blocking poll leaves it readable; breaks coalesce to one write."""

    def main() -> tuple[int, int, int]:
        netpoll.netpollGenericInit()
        w0 = netpoll.stats.breaksWritten
        netpoll_epoll.netpollBreak()
        netpoll_epoll.netpollBreak()
        netpoll_epoll.netpollBreak()
        written = netpoll.stats.breaksWritten - w0
        netpoll_epoll.netpoll(0)  # sees the eventfd, does not drain it
        sig = netpoll_epoll.netpollWakeSig
        t0 = pytime.monotonic()
        netpoll_epoll.netpoll(10_000_000_000)  # must return at once
        assert pytime.monotonic() - t0 < 1.0
        return written, sig, netpoll_epoll.netpollWakeSig

    assert rt.run(main) == (1, 1, 0)


def test_NetpollBreak() -> None:
    """runtime/proc_test.go TestNetpollBreak: a break from another thread ends a long poll."""

    def main() -> float:
        netpoll.netpollGenericInit()
        t = threading.Timer(0.05, netpoll_epoll.netpollBreak)
        t.start()
        t0 = pytime.monotonic()
        netpoll_epoll.netpoll(10_000_000_000)
        took = pytime.monotonic() - t0
        t.join()
        return took

    assert rt.run(main) < 5.0


def test_ReadParksInIOWaitAndWakes() -> None:
    def main() -> tuple[bytes, str]:
        with _pair() as (fa, fb):
            out: rt.hchan[bytes] = rt.chan(1)

            def reader() -> None:
                buf = bytearray(64)
                n, err = fa.Read(buf)
                assert err is None
                out.send(bytes(buf[:n]))

            rt.go(reader)
            time.Sleep(5 * time.Millisecond)
            dump = rt.Stack(all=True)
            fb.Write(b"hello")
            return out.recv(), dump

    data, dump = rt.run(main)
    assert data == b"hello"
    assert "[IO wait]:" in dump


def test_DeadlineInPastFailsAtOnceEvenWithData() -> None:
    def main() -> tuple[object, object, int]:
        with _pair() as (fa, fb):
            fb.Write(b"data")
            fa.SetReadDeadline(time.Now().Add(-time.Second))
            _, err = fa.Read(bytearray(8))
            fa.SetReadDeadline(time.Time())
            n, err2 = fa.Read(bytearray(8))
            return err, err2, n

    err, err2, n = rt.run(main)
    assert err is ErrDeadlineExceeded
    assert err2 is None and n == 4


def test_DeadlineWakesBlockedReader() -> None:
    def main() -> tuple[object, int]:
        with _pair() as (fa, _fb):
            fa.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
            t0 = time.Now()
            _, err = fa.Read(bytearray(8))
            return err, int(time.Since(t0))

    err, took = rt.run(main)
    assert err is ErrDeadlineExceeded
    assert took >= 20 * time.Millisecond


def test_ExtendDeadlineWhileBlocked() -> None:
    """rseq: the first timer's firing is stale after the deadline moved; the reader waits on."""

    def main() -> tuple[object, int]:
        with _pair() as (fa, _fb):
            fa.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
            res: rt.hchan[tuple[object, int]] = rt.chan(1)

            def reader() -> None:
                t0 = time.Now()
                _, err = fa.Read(bytearray(8))
                res.send((err, int(time.Since(t0))))

            rt.go(reader)
            time.Sleep(5 * time.Millisecond)
            fa.SetReadDeadline(time.Now().Add(80 * time.Millisecond))
            return res.recv()

    err, took = rt.run(main)
    assert err is ErrDeadlineExceeded
    assert took >= 70 * time.Millisecond


def test_CloseWakesBlockedReaderAndWriter() -> None:
    def main() -> tuple[object, object, object]:
        with _pair() as (fa, _fb):
            res: rt.hchan[object] = rt.chan(2)
            big = b"x" * (8 << 20)  # more than the socket buffers hold

            def reader() -> None:
                res.send(fa.Read(bytearray(8))[1])

            def writer() -> None:
                res.send(fa.Write(big)[1])

            rt.go(reader)
            rt.go(writer)
            time.Sleep(10 * time.Millisecond)
            assert fa.Close() is None
            return res.recv(), res.recv(), fa.Close()

    r1, r2, again = rt.run(main)
    assert r1 is ErrNetClosing and r2 is ErrNetClosing
    assert again is ErrNetClosing


def test_ZeroReadIsEOF() -> None:
    def main() -> tuple[int, object]:
        with _pair() as (fa, fb):
            fb.Close()
            return fa.Read(bytearray(8))

    n, err = rt.run(main)
    assert n == 0 and err is io.EOF


def test_ZeroLengthReadShortcut() -> None:
    """fd_unix.go: a zero-length Read returns (0, nil) without a syscall, deadlines ignored."""

    def main() -> tuple[int, object]:
        with _pair() as (fa, _fb):
            fa.SetReadDeadline(time.Now().Add(-time.Second))
            return fa.Read(bytearray(0))

    assert rt.run(main) == (0, None)


def test_NetpollWaitersReturnToZero() -> None:
    """runtime TestNetpollWaiters: the waiter count goes back to 0 after a workload."""

    def main() -> int:
        pairs = []
        for _ in range(20):
            (a, b), _ = sys_linux.socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                                             0)
            fa, fb = FD(a, True, True), FD(b, True, True)
            fa.Init("unix", True)
            fb.Init("unix", True)
            pairs.append((fa, fb))
        done: rt.hchan[None] = rt.chan(len(pairs))
        for fa, _ in pairs:

            def reader(fa: FD = fa) -> None:
                fa.Read(bytearray(4))
                done.send(None)

            rt.go(reader)
        time.Sleep(5 * time.Millisecond)
        assert netpoll.netpollWaiters == len(pairs)
        for _, fb in pairs:
            fb.Write(b"ping")
        for _ in pairs:
            done.recv()
        for fa, fb in pairs:
            fa.Close()
            fb.Close()
        return netpoll.netpollWaiters

    assert rt.run(main) == 0


def test_ReadyFromOtherThreadBreaksPoll() -> None:
    """A goroutine readied by rt.blocking ends the M's sleep in epoll at once."""

    def main() -> float:
        netpoll.netpollGenericInit()
        t0 = pytime.monotonic()
        rt.blocking(pytime.sleep, 0.02)
        return pytime.monotonic() - t0

    assert rt.run(main) < 2.0


def test_PollerFdsClosedAtTeardown() -> None:
    import os

    before = len(os.listdir("/proc/self/fd"))

    def main() -> int:
        with _pair():
            pass
        (a, _b), _ = sys_linux.socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
        sys_linux.close(_b)
        fa = FD(a, True, True)
        fa.Init("unix", True)  # left open on purpose: rt.run closes it
        return len(os.listdir("/proc/self/fd"))

    during = rt.run(main)
    assert during > before
    assert len(os.listdir("/proc/self/fd")) == before


def test_InfoWordFdseqQuirk() -> None:
    """pollDesc.publishInfo keeps only 16 bits of fdseq (Go's 32-bit shift), as Go."""
    pd = netpoll.pollDesc(0)
    pd.fdseq = 0x10001
    pd.publishInfo()
    assert (pd.atomicInfo >> netpoll.pollFDSeq) & netpoll.pollFDSeqMask == 0x0001
    pd.setEventErr(True, 0x10001)  # bits 16-19 differ: left unchanged
    assert not pd.atomicInfo & netpoll.pollEventErr
    pd.setEventErr(True, 0)  # seq 0 always applies
    assert pd.atomicInfo & netpoll.pollEventErr


def test_ReadNetpollStats() -> None:
    """The counters users read: polls, events, parks in IO wait, wake-ups, breaks."""

    def main() -> tuple[rt.NetpollStats, rt.NetpollStats]:
        s0 = rt.ReadNetpollStats()
        with _pair() as (fa, fb):
            done: rt.hchan[None] = rt.chan()

            def reader() -> None:
                fa.Read(bytearray(4))
                done.send(None)

            rt.go(reader)
            time.Sleep(2 * time.Millisecond)
            fb.Write(b"ping")
            done.recv()
        netpoll_epoll.netpollBreak()
        return s0, rt.ReadNetpollStats()

    s0, s1 = rt.run(main)
    assert s0.parked == 0 and s0.events == 0
    assert s1.parked >= 1 and s1.readied >= 1
    assert s1.events >= 1 and s1.blockingPolls + s1.nonBlockingPolls >= 1
    assert s1.breaks == 1 and s1.breaksWritten == 1
    assert s1.eventsPerPoll() > 0
    assert rt.ReadNetpollStats().parked == 0  # a new rt.run starts from zero
