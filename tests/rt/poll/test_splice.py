"""internal/poll/splice_linux_test.go (go1.27.0), ported: TestSplicePipePool; plus Splice itself.

TestSplicePipePool gets 64 pipes, puts them back, and waits for the
garbage collector to clear the sync.Pool and the pipes' cleanups to close
every descriptor, watching closes through a CloseFunc hook (Go's
export_linux_test.go exposes getPipe, putPipe, newPipe, destroyPipe). This
pool is emptied when the rt.run that used it ends (rt/poll/splice_linux.py's
module doc), so the port ends an rt.run where Go runs the GC.

The port's own tests drive ``Splice`` directly on poll.FDs made from raw
socketpairs (no net): the invariants the module essay names (a pipe with data
left is destroyed, never pooled; only a first-drain EINVAL is unhandled;
remain is honoured exactly; EOF ends the transfer), the 1 MiB pipe from
newPipe, and a pipe dropped without putPipe closed by its cleanup
(weakref.finalize), exactly once.
"""

from __future__ import annotations

import gc
import os as _pyos
import socket as _pysocket
from collections.abc import Iterator
from typing import Any

import pytest

import rt
from rt import sys_linux
from rt.poll import hook_unix
from rt.poll import splice_linux as sp
from rt.poll.fd_unix import FD
from rt.sys_linux import EINVAL, F_GETPIPE_SZ, Errno


@pytest.fixture
def closeHook(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """splice_linux_test.go's init: CloseFunc wrapped to record every fd it closes."""
    closed: list[int] = []
    closeFunc = hook_unix.CloseFunc

    def hooked(fd: int) -> Errno:
        closed.append(fd)
        return closeFunc(fd)

    monkeypatch.setattr(hook_unix, "CloseFunc", hooked)
    yield closed


def test_SplicePipePool(closeHook: list[int]) -> None:
    """splice_linux_test.go: TestSplicePipePool. Every pooled pipe is closed in the end."""
    N = 64
    allFDs: list[int] = []

    def main() -> None:
        ps: list[sp.splicePipe] = []
        for _ in range(N):
            p, err = sp.getPipe()
            if err is not None:
                pytest.skip(f"failed to create pipe due to error({err}), skip this test")
            assert p is not None
            allFDs.append(p.wfd)
            ps.append(p)
        for p in ps:
            sp.putPipe(p)
        # The pool keeps maxIdlePipes of them; the rest were closed on the way in.
        assert len(sp.splicePipePool.items) == sp.maxIdlePipes
        kept = {p.wfd for p in sp.splicePipePool.items}
        assert set(allFDs) - kept <= set(closeHook)

    rt.run(main)  # its end plays Go's runtime.GC clearing the pool
    pending = set(allFDs) - set(closeHook)
    assert not pending, f"leaked descriptors: {sorted(pending)} of {allFDs}"
    assert sp.splicePipePool.items == []


def test_PutPipeWithData(closeHook: list[int]) -> None:
    """A pipe that still holds bytes is destroyed (cleanup stopped first), not pooled."""
    p, err = sp.getPipe()
    assert err is None and p is not None
    assert p.cleanup is not None and p.cleanup.alive
    n, errno = sys_linux.write(p.wfd, b"left over")
    assert not errno
    p.data = n
    sp.putPipe(p)
    assert sp.splicePipePool.items == []
    assert not p.cleanup.alive  # cleanup.Stop(): it will not close the fds again
    assert closeHook == [p.rfd, p.wfd]


def test_PipeCleanup(closeHook: list[int]) -> None:
    """A pooled pipe dropped without putPipe is closed by its cleanup, once."""
    p = sp.newPoolPipe()
    assert p is not None
    fds = [p.rfd, p.wfd]
    del p
    gc.collect()
    assert closeHook == fds


def test_NewPipeSize() -> None:
    """newPipe asks for a maxSpliceSize pipe (the fcntl may be refused: then 64 KiB)."""
    p = sp.newPipe()
    assert p is not None
    try:
        size, errno = sys_linux.fcntl(p.rfd, F_GETPIPE_SZ, 0)
        assert not errno
        assert size in (sp.maxSpliceSize, 1 << 16), size
        flags, _ = sys_linux.fcntl(p.rfd, sys_linux.F_GETFL, 0)
        assert flags & sys_linux.O_NONBLOCK
    finally:
        sp.destroyPipe(p)


def _streamPair() -> tuple[FD, FD, _pysocket.socket, _pysocket.socket]:
    """Two connected stream socketpairs' inner ends as poll.FDs: (src, dst, feeder, drain)."""
    a, feeder = _pysocket.socketpair()
    b, drain = _pysocket.socketpair()
    for s in (a, b):
        s.setblocking(False)
    src = FD(a.detach(), IsStream=True, ZeroReadIsEOF=True)
    dst = FD(b.detach(), IsStream=True, ZeroReadIsEOF=True)
    assert src.Init("unix", True) is None and dst.Init("unix", True) is None
    return src, dst, feeder, drain


def test_SpliceRemainAndEOF() -> None:
    """Splice moves exactly remain bytes, then (next call) the rest up to EOF."""
    data = bytes(range(256)) * 300  # 76,800 bytes: fits the socket buffers, no peer needed

    def main() -> None:
        src, dst, feeder, drain = _streamPair()
        try:
            feeder.sendall(data)
            feeder.close()
            got = bytearray()
            written, handled, err = sp.Splice(dst, src, 30_001)
            assert (written, handled, err) == (30_001, True, None)
            got += _recvAll(drain, written)
            written, handled, err = sp.Splice(dst, src, 1 << 40)
            assert (written, handled, err) == (len(data) - 30_001, True, None)
            got += _recvAll(drain, written)
            assert bytes(got) == data
            # At EOF: handled, nothing written.
            assert sp.Splice(dst, src, 10) == (0, True, None)
        finally:
            src.Close()
            dst.Close()
            drain.close()

    rt.run(main)


def _recvAll(s: _pysocket.socket, n: int) -> bytes:
    out = bytearray()
    while len(out) < n:
        chunk = s.recv(n - len(out))
        assert chunk
        out += chunk
    return bytes(out)


def test_SpliceEINVALUnhandled(closeHook: list[int]) -> None:
    """Only an EINVAL from the first drain is unhandled: nothing consumed, fall back.
    (An eventfd cannot be spliced from; its FD is not pollable.)"""

    def main() -> None:
        efd, errno = sys_linux.eventfd(1, 0)
        assert not errno
        src = FD(efd, IsStream=True, ZeroReadIsEOF=True)
        src.Init("file", False)
        a, b = _pysocket.socketpair()
        a.setblocking(False)
        dst = FD(a.detach(), IsStream=True, ZeroReadIsEOF=True)
        dst.Init("unix", True)
        try:
            written, handled, err = sp.Splice(dst, src, 100)
            assert written == 0 and handled is False and err == EINVAL
            # The pipe was empty, so it went back to the pool.
            assert len(sp.splicePipePool.items) == 1
        finally:
            src.Close()
            dst.Close()
            b.close()

    rt.run(main)


def test_SpliceClosedSource() -> None:
    """A closed source fails in spliceDrain's readLock: handled, with ErrNetClosing."""
    from rt.poll.fd import ErrNetClosing

    def main() -> None:
        src, dst, feeder, drain = _streamPair()
        src.Close()
        try:
            assert sp.Splice(dst, src, 10) == (0, True, ErrNetClosing)
        finally:
            dst.Close()
            feeder.close()
            drain.close()

    rt.run(main)


def test_SpliceParksOnEmptySource() -> None:
    """spliceDrain's EAGAIN parks the goroutine in the poller until the source has data."""
    from std import time

    def main() -> None:
        src, dst, feeder, drain = _streamPair()
        try:
            res: rt.hchan[Any] = rt.chan(1)
            rt.go(lambda: res.send(sp.Splice(dst, src, 5)))
            time.Sleep(20 * time.Millisecond)
            assert len(res) == 0  # parked, not spinning: Sleep got to run
            feeder.send(b"hello")
            assert res.recv() == (5, True, None)
            assert drain.recv(5) == b"hello"
        finally:
            src.Close()
            dst.Close()
            feeder.close()
            drain.close()

    rt.run(main)


def test_PipeFdsClosedAfterRun() -> None:
    """After a splice in rt.run, no pipe is left open (the pool is emptied at the end)."""
    before = set(_pyos.listdir("/proc/self/fd"))

    def main() -> None:
        src, dst, feeder, drain = _streamPair()
        try:
            feeder.send(b"x")
            assert sp.Splice(dst, src, 1) == (1, True, None)
        finally:
            src.Close()
            dst.Close()
            feeder.close()
            drain.close()

    rt.run(main)
    assert set(_pyos.listdir("/proc/self/fd")) <= before
