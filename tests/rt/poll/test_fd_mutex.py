"""internal/poll/fd_mutex_test.go (go1.27.0), ported."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

import rt
from rt.poll.fd_mutex import fdMutex, readlock, waitLock, writeLock
from std import time


def test_MutexLock() -> None:
    mu = fdMutex()
    assert mu.incref()
    assert not mu.decref()
    assert mu.rwlock(readlock, waitLock)
    assert not mu.rwunlock(readlock)
    assert mu.rwlock(writeLock, waitLock)
    assert not mu.rwunlock(writeLock)


def test_MutexClose() -> None:
    mu = fdMutex()
    assert mu.increfAndClose()
    assert not mu.incref()
    assert not mu.rwlock(readlock, waitLock)
    assert not mu.rwlock(writeLock, waitLock)
    assert not mu.increfAndClose()


def test_MutexCloseUnblock() -> None:
    def main() -> None:
        c: rt.hchan[bool] = rt.chan(4)
        mu = fdMutex()
        mu.rwlock(readlock, waitLock)
        failed: list[str] = []

        def reader() -> None:
            if mu.rwlock(readlock, waitLock):
                failed.append("broken")
                return
            c.send(True)

        for _ in range(4):
            rt.go(reader)
        time.Sleep(time.Millisecond)
        assert rt.select(rt.recv(c), default=True)[0] == -1
        mu.increfAndClose()  # must unblock the readers
        for _ in range(4):
            i, _, _ = rt.select(rt.recv(c), rt.recv(time.After(10 * time.Second)))
            assert i == 0, "broken"
        assert not failed
        assert not mu.decref()
        assert mu.rwunlock(readlock)

    rt.run(main)


def test_MutexPanic() -> None:
    def ensurePanics(f: Callable[[], object]) -> None:
        with pytest.raises(rt.Panic, match="inconsistent poll.fdMutex"):
            f()

    mu = fdMutex()
    ensurePanics(mu.decref)
    ensurePanics(lambda: mu.rwunlock(readlock))
    ensurePanics(lambda: mu.rwunlock(writeLock))
    ensurePanics(lambda: (mu.incref(), mu.decref(), mu.decref()))
    ensurePanics(lambda: (mu.rwlock(readlock, waitLock), mu.rwunlock(readlock),
                          mu.rwunlock(readlock)))
    ensurePanics(lambda: (mu.rwlock(writeLock, waitLock), mu.rwunlock(writeLock),
                          mu.rwunlock(writeLock)))
    mu.incref()
    mu.decref()
    mu.rwlock(readlock, waitLock)
    mu.rwunlock(readlock)
    mu.rwlock(writeLock, waitLock)
    mu.rwunlock(writeLock)


def test_MutexOverflowPanic() -> None:
    mu = fdMutex()
    with pytest.raises(rt.Panic) as ei:
        for _ in range(1 << 21):
            mu.incref()
    msg = str(ei.value)
    assert "too many" in msg and "inconsistent" not in msg


def test_MutexTryLock() -> None:
    """go1.27's tryLock: a busy lock fails at once and counts no waiter."""
    mu = fdMutex()
    assert mu.rwlock(readlock, waitLock)
    state = mu.state
    assert not mu.rwlock(readlock, False)
    assert mu.state == state
    assert mu.rwlock(writeLock, False)
    assert not mu.rwunlock(writeLock)
    assert not mu.rwunlock(readlock)


def test_MutexStress() -> None:
    P, N = 4, 10_000

    def main() -> None:
        done: rt.hchan[bool] = rt.chan(P)
        mu = fdMutex()
        readState = [0, 0]
        writeState = [0, 0]

        def worker(seed: int) -> None:
            r = random.Random(seed)
            ok = True
            for _ in range(N):
                k = r.randrange(3)
                if k == 0:
                    ok = mu.incref() and not mu.decref()
                elif k == 1:
                    ok = mu.rwlock(readlock, waitLock) and readState[0] == readState[1]
                    readState[0] += 1
                    rt.Gosched()  # let others contend while we hold the lock
                    readState[1] += 1
                    ok = ok and not mu.rwunlock(readlock)
                else:
                    ok = mu.rwlock(writeLock, waitLock) and writeState[0] == writeState[1]
                    writeState[0] += 1
                    rt.Gosched()
                    writeState[1] += 1
                    ok = ok and not mu.rwunlock(writeLock)
                if not ok:
                    break
            done.send(ok)

        for p in range(P):
            rt.go(worker, p)
        for _ in range(P):
            assert done.recv()
        assert mu.increfAndClose()
        assert mu.decref()

    rt.run(main)


@pytest.mark.parametrize("op", ["Read", "Write"])
def test_FDFastPathUnlockStillPanics(op: str) -> None:
    """FD.Read/Write's inlined unlock keeps fdMutex's "inconsistent poll.fdMutex" panic.

    A goroutine parks in the I/O call holding the direction lock; another
    breaks the mutex word (drops the lock bit) before the call returns. The
    unlock must notice, as Go's rwunlock does, not subtract from a state
    that no longer holds the lock.
    """
    import socket

    from rt.poll.fd_mutex import mutexRLock, mutexWLock
    from rt.poll.fd_unix import FD

    a, b = socket.socketpair()
    a.setblocking(False)
    if op == "Write":
        a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    fd = FD(a.detach(), IsStream=True, ZeroReadIsEOF=True)
    caught: list[str] = []

    def main() -> None:
        assert fd.Init("unix", True) is None
        done: rt.hchan[bool] = rt.chan()

        def io() -> None:
            try:
                if op == "Read":
                    fd.Read(bytearray(8))
                else:
                    fd.Write(b"x" * (1 << 22))
            except rt.Panic as e:
                caught.append(str(e))
            done.send(True)

        rt.go(io)
        time.Sleep(20 * time.Millisecond)  # io is parked in the poller
        fd.fdmu.state &= ~(mutexRLock if op == "Read" else mutexWLock)
        if op == "Read":
            b.send(b"hello")
        else:
            b.close()  # the parked writer wakes, and its write fails with EPIPE
        done.recv()
        fd.fdmu.state |= (mutexRLock if op == "Read" else mutexWLock)

    try:
        rt.run(main)
    finally:
        b.close()  # fd itself is closed by rt.run's teardown
    assert caught == ["inconsistent poll.fdMutex"]
