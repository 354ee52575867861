"""internal/poll/fd_unix.go + fd_unixjs.go (go1.27.0): FD and its I/O loops.

Every I/O method has the same shape, and the shape is what makes the
edge-triggered netpoller safe (rt/netpoll_epoll.py's essay):

1. take the direction lock (Read/Accept: read lock, Write: write lock), so
   at most one goroutine per direction ever waits in the poller;
2. ``prepare``: fail fast if the FD is closing or the deadline has passed,
   and clear any readiness latched before this attempt;
3. try the syscall; retry on EINTR;
4. only on EAGAIN, and only if the FD is registered with the poller, wait
   (park the goroutine) and go back to 3; a woken goroutine always retries
   the syscall, since readiness is a hint, not a promise;
5. convert the result: a zero-byte stream read is io.EOF; a write that made
   progress and then failed returns the bytes written with the error.

Close, in order: set the closed bit and wake goroutines waiting for the
FD's locks (``increfAndClose``); wake goroutines waiting in the poller
(``pd.evict``), which return ErrNetClosing; drop Close's own reference.
Whoever drops the last reference runs ``destroy``: deregister from epoll,
then close(2), then release ``csema``. Close waits on ``csema``, so when it
returns the descriptor really is closed, even if another goroutine held the
last reference for a moment.

The FD's methods are spread over the files Go defines them in
(fd_mutex.py, fd_poll_runtime.py, fd_posix.py, sockopt.py, writev.py); FD
inherits them.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, Final

from rt import proc as _proc  # only for pollReset's inlined safe point
from rt import sys_linux
from rt.netpoll import (
    modeR,
    modeW,
    netpollblock,
    pdNil,
    pollClosing,
    pollEventErr,
    pollExpiredReadDeadline,
    pollExpiredWriteDeadline,
)
from rt.panic import Panic
from rt.poll import hook_unix
from rt.poll.fd_mutex import (
    fdMutex,
    fdMutexMethods,
    mutexClosed,
    mutexRef,
    mutexRefMask,
    mutexRLock,
    mutexRMask,
    mutexWLock,
    mutexWMask,
)
from rt.poll.fd_poll_runtime import fdDeadlineMethods, pollDesc
from rt.poll.fd_posix import fdPosixMethods
from rt.poll.sock_cloexec import accept
from rt.poll.sockopt import sockoptMethods
from rt.poll.writev import writevMethods
from rt.sema import Sema, semacquire, semrelease
from rt.sys_linux import (
    EAGAIN,
    ECONNABORTED,
    EINTR,
    F_GETFL,
    F_SETFL,
    O_NONBLOCK,
    Errno,
    SockaddrTuple,
)

maxRW: Final = 1 << 30

# The fdMutex states in which Read/Write take the general lock path: closed,
# or the lock held (someone must wait); and unlock: waiters to wake, or closed.
_rlockSlow: Final = mutexClosed | mutexRLock
_rlockTake: Final = mutexRLock + mutexRef
_runlockSlow: Final = mutexClosed | mutexRMask
_wlockSlow: Final = mutexClosed | mutexWLock
_wlockTake: Final = mutexWLock + mutexRef
_wunlockSlow: Final = mutexClosed | mutexWMask
# pollInfo bits that make prepare or wait report an error, per direction.
_rInfoMask: Final = pollClosing | pollExpiredReadDeadline | pollEventErr
_wInfoMask: Final = pollClosing | pollExpiredWriteDeadline

error = Exception | Errno


def _writable(p: Any) -> memoryview | bytearray:
    """[]byte to fill: a writable buffer, or TypeError at the call (API.md)."""
    if type(p) is bytearray:
        return p
    if isinstance(p, memoryview):
        if p.readonly:
            raise TypeError("Read needs a writable buffer (bytearray or writable memoryview)")
        return p
    try:
        mv = memoryview(p)
    except TypeError:
        raise TypeError(
            f"Read needs a writable buffer (bytearray or memoryview), not {type(p).__name__}"
        ) from None
    if mv.readonly:
        raise TypeError(f"Read needs a writable buffer, not read-only {type(p).__name__}")
    return mv


def _readable(p: Any) -> Any:
    """[]byte to send: any bytes-like object, or TypeError at the call."""
    if type(p) is bytes or type(p) is bytearray or type(p) is memoryview:
        return p
    try:
        return memoryview(p)
    except TypeError:
        raise TypeError(f"Write needs a bytes-like object, not {type(p).__name__}") from None


class FD(fdMutexMethods, fdDeadlineMethods, fdPosixMethods, sockoptMethods, writevMethods):
    """internal/poll/fd_unix.go: FD. A file descriptor with the runtime poller behind it.

    ``Sysfd`` is immutable until the FD is destroyed (then -1). Construct
    with the fd and flags, then call ``Init``.
    """

    def __init__(self, Sysfd: int = -1, IsStream: bool = False,
                 ZeroReadIsEOF: bool = False) -> None:
        self.fdmu = fdMutex()
        self.Sysfd = Sysfd
        # SysFile: the iovec cache of Go's writev has no use here.
        self.pd = pollDesc()
        self.csema = Sema()
        self.isBlocking = 0
        self.IsStream = IsStream
        self.ZeroReadIsEOF = ZeroReadIsEOF
        self.isFile = False

    def Init(self, net: str, pollable: bool) -> error | None:
        """internal/poll/fd_unix.go: FD.Init. Register with the poller if pollable.

        If registration fails the FD falls back to blocking mode and the
        error is returned.
        """
        if net == "file":
            self.isFile = True
        _liveFDs.add(self)
        if not pollable:
            self.isBlocking = 1
            return None
        err = self.pd.init(self)
        if err is not None:
            self.isBlocking = 1
        return err

    def destroy(self) -> error | None:
        """internal/poll/fd_unix.go: FD.destroy. Last reference: epoll DEL, then close(2).

        close(2) is not retried on EINTR: Linux closes the fd even then, and a
        retry could close a descriptor someone else has just been given.
        """
        self.pd.close()
        errno = hook_unix.CloseFunc(self.Sysfd)
        self.Sysfd = -1
        _liveFDs.discard(self)
        semrelease(self.csema)
        return errno if errno else None

    def Close(self) -> error | None:
        """internal/poll/fd_unix.go: FD.Close. Returns when the fd is really closed.

        Closing an FD that is already closed (by Close, or by the teardown of
        the rt.run it belonged to) returns ErrFileClosing/ErrNetClosing from
        any thread. Closing a live one takes a goroutine: it may have to wake
        waiters and wait for the last reference. From a plain thread it
        raises RuntimeError before changing anything.
        """
        if self.fdmu.state & mutexClosed == 0 and _proc.getg() is None:
            raise RuntimeError(
                "Close of a live connection or file must be called from a goroutine "
                "(inside the rt.run that opened it), not from a plain thread")
        if not self.fdmu.increfAndClose():
            from rt.poll.fd import errClosing

            return errClosing(self.isFile)
        # Wake goroutines blocked in the poller on this fd.
        self.pd.evict()
        err = self.decref()
        if self.isBlocking == 0:
            # Wait until destroy ran (maybe in a goroutine that is returning
            # from Read with the last reference).
            semacquire(self.csema)
        return err

    def SetBlocking(self) -> error | None:
        """internal/poll/fd_unix.go: FD.SetBlocking. Clear O_NONBLOCK; deadlines stop working."""
        err = self.incref()
        if err is not None:
            return err
        try:
            self.isBlocking = 1
            flags, errno = sys_linux.fcntl(self.Sysfd, F_GETFL, 0)
            if errno:
                return errno
            _, errno = sys_linux.fcntl(self.Sysfd, F_SETFL, flags & ~O_NONBLOCK)
            return errno if errno else None
        finally:
            self.decref()

    def Read(self, p: Any) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.Read.

        Discussion: the steps of Go's Read are all here, but the common case
        of each is inlined (the uncontended read lock and unlock of fdMutex,
        pollDesc.prepareRead with nothing to report, and pollWait's first
        netpollblock); anything unusual (contention, closing, a deadline)
        takes the general method. Together with Write's, this cut the server
        CPU of an echo round trip by about 1.5 us (bench/echo, 100 x 64 B).
        """
        buf = p if type(p) is bytearray else _writable(p)
        mu = self.fdmu
        st = mu.state
        if st & _rlockSlow or st & mutexRefMask == mutexRefMask:
            err = self.readLock()
            if err is not None:
                return 0, err
        else:
            mu.state = st + _rlockTake
        try:
            nb = len(buf)
            if nb == 0:
                # No syscall and no deadline check, as Go (issue 15735).
                return 0, None
            ctx = self.pd.runtimeCtx
            if ctx is not None:
                if ctx.atomicInfo & _rInfoMask or ctx.rd > 0:
                    err = self.pd.prepareRead(self.isFile)
                    if err is not None:
                        return 0, err
                else:
                    # runtime_pollReset, with its safe point (rt/proc.py, rule 5)
                    if _proc.preemptRequested:
                        _proc.newstack()
                    ctx.rg = pdNil
            if nb > maxRW and self.IsStream:
                buf = memoryview(buf)[:maxRW]
            fd = self.Sysfd
            read = sys_linux.read
            while True:
                n, errno = read(fd, buf)
                if errno:
                    if errno == EAGAIN and ctx is not None:
                        # pollDesc.waitRead: park until readable.
                        if not ctx.atomicInfo & _rInfoMask and netpollblock(ctx, modeR, False):
                            continue
                        err = self.pd.waitRead(self.isFile)
                        if err is None:
                            continue
                        return 0, err
                    if errno == EINTR:
                        continue
                    return 0, errno
                if n == 0 and self.ZeroReadIsEOF:
                    return 0, self.eofError(0, None)
                return n, None
        finally:
            st = mu.state
            # The general path also panics "inconsistent poll.fdMutex" when
            # the lock bit or the reference is missing.
            if st & _runlockSlow or not (st & mutexRLock and st & mutexRefMask):
                self.readUnlock()
            else:
                mu.state = st - _rlockTake

    def Write(self, p: Any) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.Write. Loops until all is written or an error.

        Discussion: the common cases are inlined as in Read.
        """
        if type(p) is not bytes and type(p) is not memoryview:
            p = _readable(p)
        mu = self.fdmu
        st = mu.state
        if st & _wlockSlow or st & mutexRefMask == mutexRefMask:
            err = self.writeLock()
            if err is not None:
                return 0, err
        else:
            mu.state = st + _wlockTake
        try:
            ctx = self.pd.runtimeCtx
            if ctx is not None:
                if ctx.atomicInfo & _wInfoMask or ctx.wd > 0:
                    err = self.pd.prepareWrite(self.isFile)
                    if err is not None:
                        return 0, err
                else:
                    if _proc.preemptRequested:  # runtime_pollReset's safe point
                        _proc.newstack()
                    ctx.wg = pdNil
            total = len(p) if type(p) is not memoryview else p.nbytes
            fd = self.Sysfd
            write = sys_linux.write
            # Go's loop, with the next chunk computed at the bottom (only
            # after a partial write) instead of at the top of every pass.
            # Discussion: the common Write (all of p in one call) runs 40
            # bytecodes fewer (about 2% of an echo round trip's instructions
            # in bench/profile/callgrind.sh); the steps and results are Go's.
            nn = 0
            chunk: Any = p
            want = total  # len(chunk)
            mv: memoryview | None = None
            if self.IsStream and total > maxRW:
                mv = memoryview(p).cast("B")
                chunk = mv[:maxRW]
                want = maxRW
            while True:
                n, errno = write(fd, chunk)
                if errno == EINTR:
                    continue  # ignoringEINTRIO
                if n > 0:
                    if n > want:
                        raise Panic(f"invalid return from write: got {n} from a write of {want}")
                    nn += n
                if nn == total:
                    return nn, (errno if errno else None)
                if errno == EAGAIN and ctx is not None:
                    if ctx.atomicInfo & _wInfoMask or not netpollblock(ctx, modeW, False):
                        err = self.pd.waitWrite(self.isFile)
                        if err is not None:
                            return nn, err
                elif errno:
                    return nn, errno
                elif n == 0:
                    from std import io

                    return nn, io.ErrUnexpectedEOF
                want = total - nn
                if self.IsStream and want > maxRW:
                    want = maxRW
                if mv is None:
                    mv = memoryview(p).cast("B")
                chunk = mv[nn:nn + want]
        finally:
            st = mu.state
            if st & _wunlockSlow or not (st & mutexWLock and st & mutexRefMask):
                self.writeUnlock()
            else:
                mu.state = st - _wlockTake

    def Accept(self) -> tuple[int, SockaddrTuple | None, str, error | None]:
        """internal/poll/fd_unix.go: FD.Accept. Returns (fd, peer, failing call, err).

        ECONNABORTED (a queued connection reset before we took it) is retried
        silently; EMFILE and friends are returned with the call's name.
        """
        err = self.readLock()
        if err is not None:
            return -1, None, "", err
        try:
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return -1, None, "", err
            while True:
                s, rsa, errcall, errno = accept(self.Sysfd)
                if not errno:
                    return s, rsa, "", None
                if errno == EINTR:
                    continue
                if errno == EAGAIN:
                    if self.pd.runtimeCtx is not None:
                        err = self.pd.waitRead(self.isFile)
                        if err is None:
                            continue
                        return -1, None, errcall, err
                elif errno == ECONNABORTED:
                    continue
                return -1, None, errcall, errno
        finally:
            self.readUnlock()

    def ReadFrom(self, p: Any) -> tuple[int, SockaddrTuple | None, error | None]:
        """internal/poll/fd_unix.go: FD.ReadFrom. recvfrom(2); no zero-length shortcut."""
        buf = _writable(p)
        err = self.readLock()
        if err is not None:
            return 0, None, err
        try:
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return 0, None, err
            while True:
                n, rsa, errno = sys_linux.recvfrom(self.Sysfd, buf, 0)
                if errno:
                    if errno == EINTR:
                        continue
                    if errno == EAGAIN and self.pd.runtimeCtx is not None:
                        err = self.pd.waitRead(self.isFile)
                        if err is None:
                            continue
                        return 0, None, err
                    return 0, None, errno
                sa = None
                if rsa:
                    sa, _ = sys_linux.anyToSockaddr(rsa)
                return n, sa, self.eofError(n, None)
        finally:
            self.readUnlock()

    def WriteTo(self, p: Any, sa: SockaddrTuple) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.WriteTo. One datagram with sendto(2)."""
        p = _readable(p)
        to, errno = sys_linux.sockaddr_encode(sa)
        if errno:
            return 0, errno
        err = self.writeLock()
        if err is not None:
            return 0, err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, err
            while True:
                errno = sys_linux.sendto(self.Sysfd, p, 0, to)
                if errno == EINTR:
                    continue
                if errno == EAGAIN and self.pd.runtimeCtx is not None:
                    err = self.pd.waitWrite(self.isFile)
                    if err is None:
                        continue
                    return 0, err
                if errno:
                    return 0, errno
                return len(p), None
        finally:
            self.writeUnlock()

    def WaitWrite(self) -> error | None:
        """internal/poll/fd_unix.go: FD.WaitWrite. Used by net's non-blocking connect."""
        return self.pd.waitWrite(self.isFile)

    def WriteOnce(self, p: Any) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.WriteOnce. One write(2) under the write lock (tests)."""
        p = _readable(p)
        err = self.writeLock()
        if err is not None:
            return 0, err
        try:
            while True:
                n, errno = sys_linux.write(self.Sysfd, p)
                if errno == EINTR:
                    continue
                return max(n, 0), (errno if errno else None)
        finally:
            self.writeUnlock()

    def RawRead(self, f: Callable[[int], bool]) -> error | None:
        """internal/poll/fd_unix.go: FD.RawRead. f(fd) until it says done; wait in between."""
        err = self.readLock()
        if err is not None:
            return err
        try:
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return err
            while True:
                if f(self.Sysfd):
                    return None
                err = self.pd.waitRead(self.isFile)
                if err is not None:
                    return err
        finally:
            self.readUnlock()

    def RawWrite(self, f: Callable[[int], bool]) -> error | None:
        """internal/poll/fd_unix.go: FD.RawWrite."""
        err = self.writeLock()
        if err is not None:
            return err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return err
            while True:
                if f(self.Sysfd):
                    return None
                err = self.pd.waitWrite(self.isFile)
                if err is not None:
                    return err
        finally:
            self.writeUnlock()

    def Dup(self) -> tuple[int, str, error | None]:
        """internal/poll/fd_unix.go: FD.Dup. A close-on-exec duplicate of the fd."""
        err = self.incref()
        if err is not None:
            return -1, "", err
        try:
            return DupCloseOnExec(self.Sysfd)
        finally:
            self.decref()


# Every FD initialised in the current rt.run and not yet destroyed. Weak: an
# FD dropped without Close is left to the poller's own teardown, which
# closes the descriptors still registered.
_liveFDs: weakref.WeakSet[FD] = weakref.WeakSet()


def _teardown() -> None:
    """rt.run's end: close every live FD for good (Python only; Go's process exit does this).

    The closed bit makes every later method fail with ErrNetClosing (net's
    ErrClosed) or ErrFileClosing before it touches anything, and Sysfd -1
    means no later call can reach the descriptor number, which the next run
    may give to an unrelated socket. The close bypasses CloseFunc: net's
    socktest hooks count only the closes that net itself makes.
    """
    for fd in list(_liveFDs):
        fd.fdmu.state |= mutexClosed
        if fd.pd.runtimeCtx is not None:
            fd.pd.evict()
            fd.pd.close()
        if fd.Sysfd >= 0:
            sys_linux.close(fd.Sysfd)
        fd.Sysfd = -1
    _liveFDs.clear()


# Before the poller's own teardown, which closes whatever is still registered.
_proc._teardownHooks.insert(0, _teardown)


def DupCloseOnExec(fd: int) -> tuple[int, str, error | None]:
    """internal/poll/fd_unix.go: DupCloseOnExec. fcntl(F_DUPFD_CLOEXEC)."""
    nfd, errno = sys_linux.fcntl(fd, sys_linux.F_DUPFD_CLOEXEC, 0)
    if errno:
        return -1, "fcntl", errno
    return nfd, "", None
