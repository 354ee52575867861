"""net/tcpsockopt_unix.go + tcpsockopt_posix.go (go1.27.0): TCP_NODELAY and keep-alive timing.

Keep-alive durations are set in whole seconds, rounded up; 0 means Go's
default (15 s idle, 15 s interval, 9 probes) and a negative value leaves
the option alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from net.error_posix import wrapSyscallError
from net.sockopt_posix import boolint
from rt.sys_linux import IPPROTO_TCP, TCP_KEEPCNT, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_NODELAY

if TYPE_CHECKING:
    from net.fd_unix import netFD

_second: Final = 1_000_000_000
defaultTCPKeepAliveIdle: Final = 15 * _second
defaultTCPKeepAliveInterval: Final = 15 * _second
defaultTCPKeepAliveCount: Final = 9


def roundDurationUp(d: int, to: int) -> int:
    """net/tcpsock.go: roundDurationUp. ceil(d / to)."""
    return (d + to - 1) // to


def setNoDelay(fd: netFD, noDelay: bool) -> Any:
    """net/tcpsockopt_posix.go: setNoDelay."""
    return wrapSyscallError("setsockopt",
                            fd.pfd.SetsockoptInt(IPPROTO_TCP, TCP_NODELAY, boolint(noDelay)))


def setKeepAliveIdle(fd: netFD, d: int) -> Any:
    """net/tcpsockopt_unix.go: setKeepAliveIdle. TCP_KEEPIDLE in seconds."""
    if d == 0:
        d = defaultTCPKeepAliveIdle
    elif d < 0:
        return None
    secs = roundDurationUp(d, _second)
    return wrapSyscallError("setsockopt", fd.pfd.SetsockoptInt(IPPROTO_TCP, TCP_KEEPIDLE, secs))


def setKeepAliveInterval(fd: netFD, d: int) -> Any:
    """net/tcpsockopt_unix.go: setKeepAliveInterval. TCP_KEEPINTVL in seconds."""
    if d == 0:
        d = defaultTCPKeepAliveInterval
    elif d < 0:
        return None
    secs = roundDurationUp(d, _second)
    return wrapSyscallError("setsockopt", fd.pfd.SetsockoptInt(IPPROTO_TCP, TCP_KEEPINTVL, secs))


def setKeepAliveCount(fd: netFD, n: int) -> Any:
    """net/tcpsockopt_unix.go: setKeepAliveCount. TCP_KEEPCNT."""
    if n == 0:
        n = defaultTCPKeepAliveCount
    elif n < 0:
        return None
    return wrapSyscallError("setsockopt", fd.pfd.SetsockoptInt(IPPROTO_TCP, TCP_KEEPCNT, n))
