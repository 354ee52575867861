"""net/sockopt_linux.go + sockopt_posix.go (go1.27.0): default and per-connection socket options.

Defaults go on the raw fd before a netFD exists: IPV6_V6ONLY off except for
"tcp6"/"udp6" (dual stack by default; an error is ignored), SO_BROADCAST on
datagram sockets, SO_REUSEADDR on listeners (never SO_REUSEPORT).
Per-connection options go through the FD, so they cannot race with Close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from net.error_posix import wrapSyscallError
from rt import sys_linux
from rt.sys_linux import (
    AF_INET6,
    AF_UNIX,
    IPPROTO_IPV6,
    IPV6_V6ONLY,
    SO_BROADCAST,
    SO_KEEPALIVE,
    SO_LINGER,
    SO_RCVBUF,
    SO_REUSEADDR,
    SO_SNDBUF,
    SOCK_DGRAM,
    SOCK_RAW,
    SOL_SOCKET,
    Linger,
)

if TYPE_CHECKING:
    from net.fd_unix import netFD


def boolint(b: bool) -> int:
    """net/sockopt_posix.go: boolint."""
    return 1 if b else 0


def setDefaultSockopts(s: int, family: int, sotype: int, ipv6only: bool) -> Any:
    """net/sockopt_linux.go: setDefaultSockopts."""
    if family == AF_INET6 and sotype != SOCK_RAW:
        # Dual stack unless asked otherwise; an error here is ignored, as Go.
        sys_linux.setsockopt_int(s, IPPROTO_IPV6, IPV6_V6ONLY, boolint(ipv6only))
    if (sotype == SOCK_DGRAM or sotype == SOCK_RAW) and family != AF_UNIX:
        errno = sys_linux.setsockopt_int(s, SOL_SOCKET, SO_BROADCAST, 1)
        if errno:
            return wrapSyscallError("setsockopt", errno)
    return None


def setDefaultListenerSockopts(s: int) -> Any:
    """net/sockopt_linux.go: setDefaultListenerSockopts. SO_REUSEADDR."""
    errno = sys_linux.setsockopt_int(s, SOL_SOCKET, SO_REUSEADDR, 1)
    if errno:
        return wrapSyscallError("setsockopt", errno)
    return None


def setDefaultMulticastSockopts(s: int) -> Any:
    """net/sockopt_linux.go: setDefaultMulticastSockopts. SO_REUSEADDR."""
    return setDefaultListenerSockopts(s)


def setReadBuffer(fd: netFD, nbytes: int) -> Any:
    """net/sockopt_posix.go: setReadBuffer. SO_RCVBUF."""
    return wrapSyscallError("setsockopt", fd.pfd.SetsockoptInt(SOL_SOCKET, SO_RCVBUF, nbytes))


def setWriteBuffer(fd: netFD, nbytes: int) -> Any:
    """net/sockopt_posix.go: setWriteBuffer. SO_SNDBUF."""
    return wrapSyscallError("setsockopt", fd.pfd.SetsockoptInt(SOL_SOCKET, SO_SNDBUF, nbytes))


def setKeepAlive(fd: netFD, keepalive: bool) -> Any:
    """net/sockopt_posix.go: setKeepAlive. SO_KEEPALIVE."""
    return wrapSyscallError("setsockopt",
                            fd.pfd.SetsockoptInt(SOL_SOCKET, SO_KEEPALIVE, boolint(keepalive)))


def setLinger(fd: netFD, sec: int) -> Any:
    """net/sockopt_posix.go: setLinger. sec < 0: the kernel's default (close in background)."""
    l = Linger()
    if sec >= 0:
        l.Onoff = 1
        l.Linger = sec
    return wrapSyscallError("setsockopt", fd.pfd.SetsockoptLinger(SOL_SOCKET, SO_LINGER, l))
