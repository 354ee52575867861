"""net/fd_unix.go (go1.27.0): netFD, the socket under every net connection.

The non-blocking connect, step by step (``netFD.connect``):

1. ``connect(2)`` on the non-blocking socket. EINPROGRESS (or EALREADY,
   EINTR) means the handshake is under way. Success or EISCONN means it is
   already done (loopback often is): register with the poller and return.
   Anything else is the answer, e.g. ECONNREFUSED.
2. Register with the poller.
3. If the context can end: its deadline becomes the fd's write deadline,
   and ``context.AfterFunc`` arranges that cancelling the context sets the
   write deadline to long ago, which wakes the wait below. An uncancelled
   dial costs no goroutine.
4. Wait until writable, then read SO_ERROR: 0 means connected, but the
   poller may wake before the handshake really finished, so connected is
   confirmed with getpeername (Go issues 14548, 19289); in-progress codes
   loop; anything else is the error. The socket is never connect()ed twice
   (Go issue 7474). A wait that failed because the context ended reports
   the context's error ("i/o timeout", "operation was canceled").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from net import hook
from net.error_posix import wrapSyscallError
from net.fd_posix import netFDPosix
from rt import sys_linux
from rt.poll import hook_unix
from rt.poll.fd_unix import FD
from rt.sys_linux import (
    EALREADY,
    EINPROGRESS,
    EINTR,
    EISCONN,
    SO_ERROR,
    SOCK_DGRAM,
    SOCK_RAW,
    SOCK_STREAM,
    SOL_SOCKET,
    Errno,
    SockaddrTuple,
)


class netFD(netFDPosix):
    """net/fd_posix.go: netFD. Immutable after setup, except through Close."""

    __slots__ = ("pfd", "family", "sotype", "isConnected", "net", "laddr", "raddr")

    def __init__(self, pfd: FD, family: int, sotype: int, net: str) -> None:
        self.pfd = pfd
        self.family = family
        self.sotype = sotype
        self.isConnected = False
        self.net = net
        self.laddr: Any = None
        self.raddr: Any = None

    def init(self) -> Any:
        """net/fd_unix.go: netFD.init. Register with the poller."""
        return self.pfd.Init(self.net, True)

    def ctrlNetwork(self) -> str:
        """net/sock_posix.go: netFD.ctrlNetwork. The network name given to Control hooks."""
        if self.net in ("unix", "unixgram", "unixpacket"):
            return self.net
        if self.net.endswith(("4", "6")):
            return self.net
        if self.family == sys_linux.AF_INET:
            return self.net + "4"
        return self.net + "6"

    def connect(self, ctx: Any, la: SockaddrTuple | None,
                ra: SockaddrTuple) -> tuple[SockaddrTuple | None, Any]:
        """net/fd_unix.go: netFD.connect. See the module docstring."""
        from net.net import aLongTimeAgo, mapErr, noDeadline
        from std import context, os

        rab, errno = sys_linux.sockaddr_encode(ra)
        if errno:
            return None, os.NewSyscallError("connect", errno)
        errno = hook.connectFunc(self.pfd.Sysfd, rab)
        if errno in (EINPROGRESS, EALREADY, EINTR):
            pass
        elif not errno or errno == EISCONN:
            if _ctxDone(ctx):
                return None, mapErr(ctx.Err())
            err = self.pfd.Init(self.net, True)
            if err is not None:
                return None, err
            return None, None
        else:
            return None, os.NewSyscallError("connect", errno)
        err = self.pfd.Init(self.net, True)
        if err is not None:
            return None, err

        stop: Callable[[], bool] | None = None
        deadlineSet = False
        if ctx.Done() is not None:
            deadline, ok = ctx.Deadline()
            if ok:
                self.pfd.SetWriteDeadline(deadline)
                deadlineSet = True
            canceledHook = hook.testHookCanceledDial

            def interrupt() -> None:
                # Force the WaitWrite below to fail.
                self.pfd.SetWriteDeadline(aLongTimeAgo)
                canceledHook()

            stop = context.AfterFunc(ctx, interrupt)
        rsa: SockaddrTuple | None = None
        ret: Any = None
        try:
            while True:
                err = self.pfd.WaitWrite()
                if err is not None:
                    ret = mapErr(ctx.Err()) if _ctxDone(ctx) else err
                    break
                nerr, errno = hook.getsockoptIntFunc(self.pfd.Sysfd, SOL_SOCKET, SO_ERROR)
                if errno:
                    ret = os.NewSyscallError("getsockopt", errno)
                    break
                e = Errno(nerr)
                if e in (EINPROGRESS, EALREADY, EINTR):
                    continue
                if e == EISCONN:
                    break
                if e == 0:
                    peer, errno = sys_linux.getpeername(self.pfd.Sysfd)
                    if not errno:
                        rsa, _ = sys_linux.anyToSockaddr(peer)
                        break
                    continue  # woken before the handshake finished
                ret = os.NewSyscallError("connect", e)
                break
            # Go's deferred check: if the interrupt already ran (or is about
            # to), the socket's write deadline is poisoned, so a connect that
            # was about to succeed reports the context's error instead.
            if stop is not None:
                fired = not stop()
                stop = None
                if fired and ret is None:
                    ret = mapErr(ctx.Err())
        finally:
            if stop is not None:
                stop()
            if deadlineSet:
                self.pfd.SetWriteDeadline(noDeadline)
        if ret is not None:
            return None, ret
        return rsa, None

    def accept(self) -> tuple[netFD | None, Any]:
        """net/fd_unix.go: netFD.accept."""
        d, rsa, errcall, err = self.pfd.Accept()
        if err is not None:
            if errcall:
                err = wrapSyscallError(errcall, err)
            return None, err
        netfd = newFD(d, self.family, self.sotype, self.net)
        err = netfd.init()
        if err is not None:
            netfd.Close()
            return None, err
        lsab, _ = sys_linux.getsockname(netfd.pfd.Sysfd)
        lsa, _ = sys_linux.anyToSockaddr(lsab)
        from net.sock_posix import addrFunc

        af = addrFunc(netfd)
        netfd.setAddr(af(lsa), af(rsa))
        return netfd, None

    def dup(self) -> tuple[Any, Any]:
        """net/fd_unix.go: netFD.dup. A close-on-exec duplicate, as an os.File named fd.name()."""
        from std import os
        from std.os.file import net_newUnixFile

        ns, call, err = self.pfd.Dup()
        if err is not None:
            return None, os.NewSyscallError(call, err) if call else err  # type: ignore[arg-type]
        return net_newUnixFile(ns, self.name()), None


def _ctxDone(ctx: Any) -> bool:
    done = ctx.Done()
    if done is None:
        return False
    import rt

    i, _, _ = rt.select(rt.recv(done), default=True)
    return i == 0


def newFD(sysfd: int, family: int, sotype: int, net: str) -> netFD:
    """net/fd_unix.go: newFD. Infallible since go1.27."""
    pfd = FD(sysfd, IsStream=sotype == SOCK_STREAM,
             ZeroReadIsEOF=sotype != SOCK_DGRAM and sotype != SOCK_RAW)
    return netFD(pfd, family, sotype, net)


def closeRaw(s: int) -> None:
    """poll.CloseFunc on a raw fd (error paths before a netFD exists)."""
    hook_unix.CloseFunc(s)


# ---------------------------------------------------------------------------
# C twins of conn.Read and conn.Write (net/net.go), which run netFD.Read or
# netFD.Write (fd_posix.go) and the poll.FD's Read or Write in one C call;
# the reference methods stay in net.net.pyTwins. See rt/runtime2.py's last
# section for how twins are bound.


def _bindTwins() -> None:
    from net import net as netmod
    from net.fd_posix import readSyscallName, writeSyscallName
    from rt import runtime2
    from std import io

    if runtime2._c is None:
        return
    ns = {
        "netFD": netFD, "EINVAL": sys_linux.EINVAL, "EOF": io.EOF,
        "wrapSyscallError": wrapSyscallError, "OpError": netmod.OpError,
        "readSyscallName": readSyscallName, "writeSyscallName": writeSyscallName,
    }
    for name, method in runtime2._c.bind_conn(netmod.conn, ns).items():
        setattr(netmod.conn, name, method)


_bindTwins()
