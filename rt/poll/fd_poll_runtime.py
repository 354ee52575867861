"""internal/poll/fd_poll_runtime.go (go1.27.0): the bridge from FD to the runtime poller.

In Go the ``runtime_poll*`` functions have no body here: the linker binds
them to ``poll_runtime_poll*`` in runtime/netpoll.go. Here they are the
same functions imported from rt/netpoll.py. ``pollDesc`` is the FD's handle
(``runtimeCtx``, None while not registered); its methods turn the runtime's
result codes into this package's errors (``convertErr``).

Left out as defs, or kept under another name:

* ``runtimeNano``, ``runtime_pollServerInit``, ``runtime_pollOpen``,
  ``runtime_pollClose``, ``runtime_pollWait``, ``runtime_pollReset``,
  ``runtime_pollSetDeadline``, ``runtime_pollUnblock``,
  ``runtime_isPollServerDescriptor``: Go declares them without a body; here
  each is a module-level alias, not a def, of ``proc.nanotime`` or of the
  matching ``poll_runtime_*`` function of rt/netpoll.py.
* ``runtime_pollWaitCanceled``, ``pollDesc.waitCanceled``: only the Windows
  FD uses them, after a failed cancel of an overlapped I/O; the one backend
  here is epoll.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from rt import netpoll, proc
from rt import runtime2 as _r2
from rt.netpoll import modeR, modeRW, modeW
from rt.poll.fd import (
    ErrDeadlineExceeded,
    ErrNoDeadline,
    ErrNotPollable,
    _errorString,
    errClosing,
)
from rt.sys_linux import Errno

if TYPE_CHECKING:
    from rt.poll.fd_unix import FD

pollNoError: Final = 0
pollErrClosing: Final = 1
pollErrTimeout: Final = 2
pollErrNotPollable: Final = 3

runtimeNano = proc.nanotime
runtime_pollServerInit = netpoll.poll_runtime_pollServerInit
runtime_pollOpen = netpoll.poll_runtime_pollOpen
runtime_pollClose = netpoll.poll_runtime_pollClose
runtime_pollWait = netpoll.poll_runtime_pollWait
runtime_pollReset = netpoll.poll_runtime_pollReset
runtime_pollSetDeadline = netpoll.poll_runtime_pollSetDeadline
runtime_pollUnblock = netpoll.poll_runtime_pollUnblock
runtime_isPollServerDescriptor = netpoll.poll_runtime_isPollServerDescriptor

_errWaitUnsupported: Final = _errorString("waiting for unsupported file type")


class pollDesc:
    """internal/poll/fd_poll_runtime.go: pollDesc. The FD's runtime registration."""

    __slots__ = ("runtimeCtx",)

    def __init__(self) -> None:
        self.runtimeCtx: netpoll.pollDesc | None = None

    def init(self, fd: FD) -> Errno | None:
        """internal/poll/fd_poll_runtime.go: pollDesc.init. Register fd with the poller."""
        runtime_pollServerInit()  # serverInit.Do: once per rt.run
        ctx, errno = runtime_pollOpen(fd.Sysfd)
        if errno != 0:
            return Errno(errno)
        self.runtimeCtx = ctx
        return None

    def close(self) -> None:
        """internal/poll/fd_poll_runtime.go: pollDesc.close."""
        if self.runtimeCtx is None:
            return
        runtime_pollClose(self.runtimeCtx)
        self.runtimeCtx = None

    def evict(self) -> None:
        """internal/poll/fd_poll_runtime.go: pollDesc.evict. Wake every waiter: closing."""
        if self.runtimeCtx is None:
            return
        runtime_pollUnblock(self.runtimeCtx)

    def prepare(self, mode: int, isFile: bool) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: pollDesc.prepare."""
        if self.runtimeCtx is None:
            return None
        res = runtime_pollReset(self.runtimeCtx, mode)
        return convertErr(res, isFile)

    def prepareRead(self, isFile: bool) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: pollDesc.prepareRead."""
        return self.prepare(modeR, isFile)

    def prepareWrite(self, isFile: bool) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: pollDesc.prepareWrite."""
        return self.prepare(modeW, isFile)

    def wait(self, mode: int, isFile: bool) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: pollDesc.wait."""
        if self.runtimeCtx is None:
            return _errWaitUnsupported
        res = runtime_pollWait(self.runtimeCtx, mode)
        return convertErr(res, isFile)

    def waitRead(self, isFile: bool) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: pollDesc.waitRead."""
        return self.wait(modeR, isFile)

    def waitWrite(self, isFile: bool) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: pollDesc.waitWrite."""
        return self.wait(modeW, isFile)

    def pollable(self) -> bool:
        """internal/poll/fd_poll_runtime.go: pollDesc.pollable."""
        return self.runtimeCtx is not None


def convertErr(res: int, isFile: bool) -> Exception | None:
    """internal/poll/fd_poll_runtime.go: convertErr."""
    if res == pollNoError:
        return None
    if res == pollErrClosing:
        return errClosing(isFile)
    if res == pollErrTimeout:
        return ErrDeadlineExceeded
    if res == pollErrNotPollable:
        return ErrNotPollable
    from rt.panic import Panic

    raise Panic("unreachable: " + str(res))


class fdDeadlineMethods:
    """internal/poll/fd_poll_runtime.go: the FD deadline methods (FD inherits them)."""

    __slots__ = ()

    pd: pollDesc

    def incref(self) -> Exception | None:
        raise NotImplementedError

    def decref(self) -> Exception | Errno | None:
        raise NotImplementedError

    def SetDeadline(self, t: Any) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: FD.SetDeadline. Both directions."""
        return setDeadlineImpl(self, t, modeRW)

    def SetReadDeadline(self, t: Any) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: FD.SetReadDeadline."""
        return setDeadlineImpl(self, t, modeR)

    def SetWriteDeadline(self, t: Any) -> Exception | None:
        """internal/poll/fd_poll_runtime.go: FD.SetWriteDeadline."""
        return setDeadlineImpl(self, t, modeW)


def setDeadlineImpl(fd: fdDeadlineMethods, t: Any, mode: int) -> Exception | None:
    """internal/poll/fd_poll_runtime.go: setDeadlineImpl. t is a std.time.Time.

    The zero Time means no deadline; a deadline of exactly now becomes -1 so
    it reads as "expired", not as "none".
    """
    from std import time

    if not isinstance(t, time.Time):
        raise TypeError(f"deadline must be a time.Time, not {type(t).__name__}")
    d = 0
    if not t.IsZero():
        d = int(time.Until(t))
        if d == 0:
            d = -1
    err = fd.incref()
    if err is not None:
        return err
    try:
        if fd.pd.runtimeCtx is None:
            return ErrNoDeadline
        runtime_pollSetDeadline(fd.pd.runtimeCtx, d, mode)
        return None
    finally:
        fd.decref()


def IsPollDescriptor(fd: int) -> bool:
    """internal/poll/fd_poll_runtime.go: IsPollDescriptor. The poller's own fds."""
    return runtime_isPollServerDescriptor(fd)


# ---------------------------------------------------------------------------
# C twin of setDeadlineImpl (rt/poll/_fd_poll_runtime.c; rt/runtime2.py's
# last section says how twins are bound). The FD methods above look the name
# up here at each call, so they run the twin once it is bound.

_twinned: Final = ("setDeadlineImpl",)
pyTwins: Final[dict[str, Any]] = {"setDeadlineImpl": setDeadlineImpl}
if _r2._c is not None:
    _r2._c.bind_fd_poll_runtime(globals())
    setDeadlineImpl = _r2._c.setDeadlineImpl  # noqa: F811
