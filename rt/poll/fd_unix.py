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

The ``Inet4``/``Inet6`` variants of ReadFrom, ReadMsg, WriteTo and WriteMsg
are Go's allocation-free specialisations for UDP: they take a
``sys_linux.SockaddrInet4``/``SockaddrInet6`` that the read variants fill
in place, as Go's take a pointer. ``Fstat`` returns Python's
``os.stat_result`` where Go fills a ``Stat_t``. ``Seek`` comes from
fd_unixjs.go and ``Fsync`` from fd_fsync_posix.go.

Left out of fd_unixjs.go: ``SysFile.init``, ``SysFile.destroy`` (an empty
struct on Unix, nothing to do), ``dupCloseOnExecOld`` (F_DUPFD_CLOEXEC
always exists on the kernels Python supports), ``FD.Fchdir`` and
``FD.ReadDirent`` (directories; std.os has none).
"""

from __future__ import annotations

import select as _select
import weakref
from collections.abc import Callable
from typing import Any, Final

from rt import cgocall as _cgocall  # Python only: FD.blockingCalls
from rt import proc as _proc  # Python only: Close's thread check and rt.run's teardown
from rt import sys_linux
from rt.panic import Panic
from rt.poll import hook_unix
from rt.poll.fd_mutex import fdMutex, fdMutexMethods, mutexClosed
from rt.poll.fd_poll_runtime import fdDeadlineMethods, pollDesc
from rt.poll.fd_posix import fdPosixMethods, ignoringEINTR, ignoringEINTR2
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
    SockaddrInet4,
    SockaddrInet6,
    SockaddrTuple,
)

maxRW: Final = 1 << 30

error = Exception | Errno


def _writableOob(oob: Any) -> memoryview | bytearray:
    """The control-data buffer of a ReadMsg: as _writable, and None is Go's nil slice.

    Go programs routinely pass nil for oob (``ReadMsgUDP(b, nil)``): no
    control data is read. (A nil data buffer stays a TypeError: in Python
    it is far more often a mistake than a zero-length read.)
    """
    if oob is None:
        return bytearray()
    return _writable(oob)


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


def _nbytes(p: Any) -> int:
    """len(p) in bytes, as Go's len of a []byte (a memoryview may have wider items)."""
    return len(p) if type(p) is not memoryview else p.nbytes


def _slice(p: Any, lo: int, hi: int) -> memoryview:
    """p[lo:hi] as a byte view, without copying (Go's slice expression)."""
    mv = p if type(p) is memoryview else memoryview(p)
    if mv.format != "B" or mv.ndim != 1:
        mv = mv.cast("B")
    return mv[lo:hi]


class FD(fdMutexMethods, fdDeadlineMethods, fdPosixMethods, sockoptMethods, writevMethods):
    """internal/poll/fd_unix.go: FD. A file descriptor with the runtime poller behind it.

    ``Sysfd`` is immutable until the FD is destroyed (then -1). Construct
    with the fd and flags, then call ``Init``.
    """

    __slots__ = ("fdmu", "Sysfd", "pd", "csema", "isBlocking", "IsStream", "ZeroReadIsEOF",
                 "isFile", "blockingCalls", "__weakref__")

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
        # Python only: a descriptor in blocking mode whose reads and writes
        # may wait indefinitely (a terminal, a pipe or socket someone else
        # owns: os.Stdin, os.NewFile(0, ...)). Go's M blocks in the system
        # call and sysmon hands the P on; here the call goes to a spare M
        # (rt.blocking), so the other goroutines keep running. Regular
        # files never wait that way and are read on the M itself.
        self.blockingCalls = False

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
        """internal/poll/fd_unix.go: FD.Read. One read(2), waiting in the poller while it blocks.

        A zero-length read returns (0, None) at once, after taking the lock but
        before any deadline check (Go issue 15735); a zero-byte result on a
        stream is io.EOF (``eofError``).
        """
        p = _writable(p)
        err = self.readLock()
        if err is not None:
            return 0, err
        try:
            if len(p) == 0:
                return 0, None
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return 0, err
            if self.IsStream and len(p) > maxRW:
                p = memoryview(p)[:maxRW]
            while True:
                if self.blockingCalls:
                    n, errno = _blockingSyscall(sys_linux.read, self.Sysfd, p, 0)
                else:
                    n, errno = ignoringEINTRIO(sys_linux.read, self.Sysfd, p)
                rerr: error | None = None
                if errno:
                    n = 0
                    rerr = errno
                    if errno == EAGAIN and self.pd.pollable():
                        rerr = self.pd.waitRead(self.isFile)
                        if rerr is None:
                            continue
                return n, self.eofError(n, rerr)
        finally:
            self.readUnlock()

    def Pread(self, p: Any, off: int) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.Pread. pread(2) at off; no lock, no poller.

        The offset makes it independent of other reads, so it takes only a
        reference (incref), and a file at a given offset is never "not
        ready": the call may block the thread, as Go's does.
        """
        p = _writable(p)
        err = self.incref()
        if err is not None:
            return 0, err
        if self.IsStream and len(p) > maxRW:
            p = memoryview(p)[:maxRW]
        n, errno = ignoringEINTR2(lambda: sys_linux.pread(self.Sysfd, p, off))
        perr: error | None = errno if errno else None
        if perr is not None:
            n = 0
        self.decref()
        return n, self.eofError(n, perr)

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
                    if errno == EAGAIN and self.pd.pollable():
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

    def ReadFromInet4(self, p: Any, from_: SockaddrInet4) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.ReadFromInet4. ReadFrom, the sender written into from_."""
        buf = _writable(p)
        err = self.readLock()
        if err is not None:
            return 0, err
        try:
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return 0, err
            while True:
                n, errno = sys_linux.recvfromInet4(self.Sysfd, buf, 0, from_)
                rerr: error | None = None
                if errno:
                    if errno == EINTR:
                        continue
                    n = 0
                    rerr = errno
                    if errno == EAGAIN and self.pd.pollable():
                        rerr = self.pd.waitRead(self.isFile)
                        if rerr is None:
                            continue
                return n, self.eofError(n, rerr)
        finally:
            self.readUnlock()

    def ReadFromInet6(self, p: Any, from_: SockaddrInet6) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.ReadFromInet6. ReadFrom, the sender written into from_."""
        buf = _writable(p)
        err = self.readLock()
        if err is not None:
            return 0, err
        try:
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return 0, err
            while True:
                n, errno = sys_linux.recvfromInet6(self.Sysfd, buf, 0, from_)
                rerr: error | None = None
                if errno:
                    if errno == EINTR:
                        continue
                    n = 0
                    rerr = errno
                    if errno == EAGAIN and self.pd.pollable():
                        rerr = self.pd.waitRead(self.isFile)
                        if rerr is None:
                            continue
                return n, self.eofError(n, rerr)
        finally:
            self.readUnlock()

    def ReadMsg(self, p: Any, oob: Any,
                flags: int) -> tuple[int, int, int, SockaddrTuple | None, error | None]:
        """internal/poll/fd_unix.go: FD.ReadMsg. recvmsg(2): data, control data, flags, sender.

        After a failed recvmsg n stays what the call returned, -1, as in Go
        (which leaves it unreset, a known TODO there); the Inet variants too.
        """
        buf = _writable(p)
        oobbuf = _writableOob(oob)
        err = self.readLock()
        if err is not None:
            return 0, 0, 0, None, err
        try:
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return 0, 0, 0, None, err
            while True:
                n, oobn, sysflags, rsa, errno = sys_linux.recvmsg(self.Sysfd, buf, oobbuf, flags)
                rerr: error | None = None
                if errno:
                    if errno == EINTR:
                        continue
                    rerr = errno
                    if errno == EAGAIN and self.pd.pollable():
                        rerr = self.pd.waitRead(self.isFile)
                        if rerr is None:
                            continue
                sa = None
                if rsa:
                    sa, _ = sys_linux.anyToSockaddr(rsa)
                return n, oobn, sysflags, sa, self.eofError(n, rerr)
        finally:
            self.readUnlock()

    def ReadMsgInet4(self, p: Any, oob: Any, flags: int,
                     sa4: SockaddrInet4) -> tuple[int, int, int, error | None]:
        """internal/poll/fd_unix.go: FD.ReadMsgInet4. ReadMsg, the sender written into sa4."""
        buf = _writable(p)
        oobbuf = _writableOob(oob)
        err = self.readLock()
        if err is not None:
            return 0, 0, 0, err
        try:
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return 0, 0, 0, err
            while True:
                n, oobn, sysflags, errno = sys_linux.recvmsgInet4(self.Sysfd, buf, oobbuf,
                                                                  flags, sa4)
                rerr: error | None = None
                if errno:
                    if errno == EINTR:
                        continue
                    rerr = errno
                    if errno == EAGAIN and self.pd.pollable():
                        rerr = self.pd.waitRead(self.isFile)
                        if rerr is None:
                            continue
                return n, oobn, sysflags, self.eofError(n, rerr)
        finally:
            self.readUnlock()

    def ReadMsgInet6(self, p: Any, oob: Any, flags: int,
                     sa6: SockaddrInet6) -> tuple[int, int, int, error | None]:
        """internal/poll/fd_unix.go: FD.ReadMsgInet6. ReadMsg, the sender written into sa6."""
        buf = _writable(p)
        oobbuf = _writableOob(oob)
        err = self.readLock()
        if err is not None:
            return 0, 0, 0, err
        try:
            err = self.pd.prepareRead(self.isFile)
            if err is not None:
                return 0, 0, 0, err
            while True:
                n, oobn, sysflags, errno = sys_linux.recvmsgInet6(self.Sysfd, buf, oobbuf,
                                                                  flags, sa6)
                rerr: error | None = None
                if errno:
                    if errno == EINTR:
                        continue
                    rerr = errno
                    if errno == EAGAIN and self.pd.pollable():
                        rerr = self.pd.waitRead(self.isFile)
                        if rerr is None:
                            continue
                return n, oobn, sysflags, self.eofError(n, rerr)
        finally:
            self.readUnlock()

    def Write(self, p: Any) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.Write. Loops until all of p is written or an error.

        A write that made progress and then failed returns the bytes written
        with the error; a write(2) that returns 0 without an error is
        io.ErrUnexpectedEOF.
        """
        p = _readable(p)
        err = self.writeLock()
        if err is not None:
            return 0, err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, err
            total = len(p) if type(p) is not memoryview else p.nbytes
            nn = 0
            while True:
                max = total
                if self.IsStream and max - nn > maxRW:
                    max = nn + maxRW
                chunk = _slice(p, nn, max)
                if self.blockingCalls:
                    n, errno = _blockingSyscall(sys_linux.write, self.Sysfd, chunk,
                                                _select.POLLOUT)
                else:
                    n, errno = ignoringEINTRIO(sys_linux.write, self.Sysfd, chunk)
                if n > 0:
                    if n > max - nn:
                        raise Panic(f"invalid return from write: got {n} "
                                    f"from a write of {max - nn}")
                    nn += n
                werr: error | None = errno if errno else None
                if nn == total:
                    return nn, werr
                if errno == EAGAIN and self.pd.pollable():
                    werr = self.pd.waitWrite(self.isFile)
                    if werr is None:
                        continue
                if werr is not None:
                    return nn, werr
                if n == 0:
                    from std import io

                    return nn, io.ErrUnexpectedEOF
        finally:
            self.writeUnlock()

    def Pwrite(self, p: Any, off: int) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.Pwrite. pwrite(2) at off until all of p is written."""
        p = _readable(p)
        err = self.incref()
        if err is not None:
            return 0, err
        try:
            total = len(p) if type(p) is not memoryview else p.nbytes
            nn = 0
            while True:
                max = total
                if self.IsStream and max - nn > maxRW:
                    max = nn + maxRW
                n, errno = sys_linux.pwrite(self.Sysfd, _slice(p, nn, max), off + nn)
                if errno == EINTR:
                    continue
                if n > 0:
                    nn += n
                werr: error | None = errno if errno else None
                if nn == total:
                    return nn, werr
                if werr is not None:
                    return nn, werr
                if n == 0:
                    from std import io

                    return nn, io.ErrUnexpectedEOF
        finally:
            self.decref()

    def WriteToInet4(self, p: Any,
                     sa: SockaddrInet4 | SockaddrTuple) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.WriteToInet4. One datagram to an IPv4 address."""
        p = _readable(p)
        err = self.writeLock()
        if err is not None:
            return 0, err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, err
            while True:
                errno = sys_linux.sendtoInet4(self.Sysfd, p, 0, sa)
                if errno == EINTR:
                    continue
                werr: error | None = errno if errno else None
                if errno == EAGAIN and self.pd.pollable():
                    werr = self.pd.waitWrite(self.isFile)
                    if werr is None:
                        continue
                if werr is not None:
                    return 0, werr
                return _nbytes(p), None
        finally:
            self.writeUnlock()

    def WriteToInet6(self, p: Any,
                     sa: SockaddrInet6 | SockaddrTuple) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.WriteToInet6. One datagram to an IPv6 address."""
        p = _readable(p)
        err = self.writeLock()
        if err is not None:
            return 0, err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, err
            while True:
                errno = sys_linux.sendtoInet6(self.Sysfd, p, 0, sa)
                if errno == EINTR:
                    continue
                werr: error | None = errno if errno else None
                if errno == EAGAIN and self.pd.pollable():
                    werr = self.pd.waitWrite(self.isFile)
                    if werr is None:
                        continue
                if werr is not None:
                    return 0, werr
                return _nbytes(p), None
        finally:
            self.writeUnlock()

    def WriteTo(self, p: Any, sa: SockaddrTuple) -> tuple[int, error | None]:
        """internal/poll/fd_unix.go: FD.WriteTo. One datagram with sendto(2)."""
        p = _readable(p)
        err = self.writeLock()
        if err is not None:
            return 0, err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, err
            # Go encodes the sockaddr inside the sendto call, after the
            # lock and the deadline check: a closed FD wins over a bad name.
            to, errno = sys_linux.sockaddr_encode(sa)
            if errno:
                return 0, errno
            while True:
                errno = sys_linux.sendto(self.Sysfd, p, 0, to)
                if errno == EINTR:
                    continue
                if errno == EAGAIN and self.pd.pollable():
                    err = self.pd.waitWrite(self.isFile)
                    if err is None:
                        continue
                    return 0, err
                if errno:
                    return 0, errno
                return _nbytes(p), None
        finally:
            self.writeUnlock()

    def WriteMsg(self, p: Any, oob: Any,
                 sa: SockaddrTuple | None) -> tuple[int, int, error | None]:
        """internal/poll/fd_unix.go: FD.WriteMsg. sendmsg(2) with control data (sa None: peer)."""
        p = _readable(p)
        oob = _readable(oob)
        err = self.writeLock()
        if err is not None:
            return 0, 0, err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, 0, err
            to = None
            if sa is not None:  # encoded inside the call, as Go's SendmsgN does
                to, errno = sys_linux.sockaddr_encode(sa)
                if errno:
                    return 0, 0, errno
            while True:
                n, errno = sys_linux.sendmsg(self.Sysfd, p, oob, to, 0)
                if errno == EINTR:
                    continue
                werr: error | None = errno if errno else None
                if errno == EAGAIN and self.pd.pollable():
                    werr = self.pd.waitWrite(self.isFile)
                    if werr is None:
                        continue
                if werr is not None:
                    return n, 0, werr
                return n, _nbytes(oob), None
        finally:
            self.writeUnlock()

    def WriteMsgInet4(self, p: Any, oob: Any,
                      sa: SockaddrInet4 | SockaddrTuple | None
                      ) -> tuple[int, int, error | None]:
        """internal/poll/fd_unix.go: FD.WriteMsgInet4. WriteMsg to an IPv4 address."""
        p = _readable(p)
        oob = _readable(oob)
        err = self.writeLock()
        if err is not None:
            return 0, 0, err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, 0, err
            while True:
                n, errno = sys_linux.sendmsgNInet4(self.Sysfd, p, oob, sa, 0)
                if errno == EINTR:
                    continue
                werr: error | None = errno if errno else None
                if errno == EAGAIN and self.pd.pollable():
                    werr = self.pd.waitWrite(self.isFile)
                    if werr is None:
                        continue
                if werr is not None:
                    return n, 0, werr
                return n, _nbytes(oob), None
        finally:
            self.writeUnlock()

    def WriteMsgInet6(self, p: Any, oob: Any,
                      sa: SockaddrInet6 | SockaddrTuple | None
                      ) -> tuple[int, int, error | None]:
        """internal/poll/fd_unix.go: FD.WriteMsgInet6. WriteMsg to an IPv6 address."""
        p = _readable(p)
        oob = _readable(oob)
        err = self.writeLock()
        if err is not None:
            return 0, 0, err
        try:
            err = self.pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, 0, err
            while True:
                n, errno = sys_linux.sendmsgNInet6(self.Sysfd, p, oob, sa, 0)
                if errno == EINTR:
                    continue
                werr: error | None = errno if errno else None
                if errno == EAGAIN and self.pd.pollable():
                    werr = self.pd.waitWrite(self.isFile)
                    if werr is None:
                        continue
                if werr is not None:
                    return n, 0, werr
                return n, _nbytes(oob), None
        finally:
            self.writeUnlock()

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

    def Fchmod(self, mode: int) -> error | None:
        """internal/poll/fd_unix.go: FD.Fchmod."""
        err = self.incref()
        if err is not None:
            return err
        try:
            errno = ignoringEINTR(lambda: sys_linux.fchmod(self.Sysfd, mode))
            return errno if errno else None
        finally:
            self.decref()

    def Fstat(self) -> tuple[Any, error | None]:
        """internal/poll/fd_unix.go: FD.Fstat. Go fills a Stat_t; here it is returned."""
        err = self.incref()
        if err is not None:
            return None, err
        try:
            st, errno = ignoringEINTR2(lambda: sys_linux.fstat(self.Sysfd))
            return (st, None) if not errno else (None, errno)
        finally:
            self.decref()

    def Seek(self, offset: int, whence: int) -> tuple[int, error | None]:
        """internal/poll/fd_unixjs.go: FD.Seek. lseek(2) while holding a reference."""
        err = self.incref()
        if err is not None:
            return 0, err
        try:
            n, errno = sys_linux.lseek(self.Sysfd, offset, whence)
            return (n, None) if not errno else (-1, errno)
        finally:
            self.decref()

    def Fsync(self) -> error | None:
        """internal/poll/fd_fsync_posix.go: FD.Fsync. fsync(2), again after EINTR."""
        err = self.incref()
        if err is not None:
            return err
        try:
            errno = ignoringEINTR(lambda: sys_linux.fsync(self.Sysfd))
            return errno if errno else None
        finally:
            self.decref()

    def Dup(self) -> tuple[int, str, error | None]:
        """internal/poll/fd_unix.go: FD.Dup. A close-on-exec duplicate of the fd."""
        err = self.incref()
        if err is not None:
            return -1, "", err
        try:
            return DupCloseOnExec(self.Sysfd)
        finally:
            self.decref()


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


def _blockingSyscall(fn: Callable[[int, Any], tuple[int, Errno]], fd: int, p: Any,
                     ready: int) -> tuple[int, Errno]:
    """Python only: a read or write on a blocking-mode descriptor that may wait (FD.blockingCalls).

    Inside a goroutine it runs on a spare M (rt.blocking, Go's
    entersyscallblock), unless ``ready`` (POLLOUT for a write) says a
    zero-timeout poll(2) finds the descriptor ready, when the call cannot
    wait long and is made here (a write to a terminal or a pipe with room:
    most of os.Stdout's). Outside rt.run it is an ordinary call.
    """
    if _proc.getg() is None or (ready and _pollReady(fd, ready)):
        return ignoringEINTRIO(fn, fd, p)
    return _cgocall.blocking(ignoringEINTRIO, fn, fd, p)


def _pollReady(fd: int, events: int) -> bool:
    """Whether a zero-timeout poll(2) finds fd ready for events."""
    try:
        pl = _select.poll()
        pl.register(fd, events)
        return any(ev & events for _, ev in pl.poll(0))
    except OSError:
        return False


def ignoringEINTRIO(fn: Callable[[int, Any], tuple[int, Errno]], fd: int,
                    p: Any) -> tuple[int, Errno]:
    """internal/poll/fd_unix.go: ignoringEINTRIO. fn(fd, p), again while it reports EINTR."""
    while True:
        n, errno = fn(fd, p)
        if errno != EINTR:
            return n, errno


def DupCloseOnExec(fd: int) -> tuple[int, str, error | None]:
    """internal/poll/fd_unix.go: DupCloseOnExec. fcntl(F_DUPFD_CLOEXEC)."""
    nfd, errno = sys_linux.fcntl(fd, sys_linux.F_DUPFD_CLOEXEC, 0)
    if errno:
        return -1, "fcntl", errno
    return nfd, "", None


# ---------------------------------------------------------------------------
# C twins of FD.Read, FD.Write and the datagram methods ReadFromInet4/6 and
# WriteToInet4/6 (rt/_runtime.c; see rt/runtime2.py's last section): method
# descriptors made for this class, bound in place of the Python methods,
# which stay in ``pyTwins`` as the reference (and where the datagram twins
# send a call they do not take themselves, one with keyword arguments).

pyTwins: Final[dict[str, Callable[..., Any]]] = {
    "Read": FD.Read, "ReadFromInet4": FD.ReadFromInet4, "ReadFromInet6": FD.ReadFromInet6,
    "Write": FD.Write, "WriteToInet4": FD.WriteToInet4, "WriteToInet6": FD.WriteToInet6,
}


def _bindTwins() -> None:
    from rt import runtime2
    from rt.poll import fd_poll_runtime
    from std import io

    if runtime2._c is None:
        return
    ns = {
        "fdMutex": fdMutex, "pollDesc": pollDesc, "_writable": _writable,
        "_readable": _readable, "convertErr": fd_poll_runtime.convertErr,
        "_errno_cache": sys_linux._errno_cache, "Panic": Panic, "EOF": io.EOF,
        "ErrUnexpectedEOF": io.ErrUnexpectedEOF, "SockaddrInet4": SockaddrInet4,
        "SockaddrInet6": SockaddrInet6, "sockaddr_inet4": sys_linux.sockaddr_inet4,
        "sockaddr_inet6": sys_linux.sockaddr_inet6, "pyTwins": pyTwins,
    }
    for name, method in runtime2._c.bind_fd(FD, ns).items():
        setattr(FD, name, method)


_bindTwins()
