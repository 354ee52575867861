"""net/sockoptip6_posix.go (go1.27.0): IPv6 multicast socket options.

The outgoing interface and the join both name the interface by index (0:
the kernel's choice); loopback of our own multicast is IPV6_MULTICAST_LOOP.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from net.error_posix import wrapSyscallError
from net.sockopt_posix import boolint
from rt.sys_linux import (
    IPPROTO_IPV6,
    IPV6_JOIN_GROUP,
    IPV6_MULTICAST_IF,
    IPV6_MULTICAST_LOOP,
    IPv6Mreq,
)

if TYPE_CHECKING:
    from net.fd_unix import netFD
    from net.interface import Interface
    from net.ip import IP


def setIPv6MulticastInterface(fd: netFD, ifi: Interface | None) -> Any:
    """net/sockoptip6_posix.go: setIPv6MulticastInterface. IPV6_MULTICAST_IF."""
    v = ifi.Index if ifi is not None else 0
    return wrapSyscallError("setsockopt",
                            fd.pfd.SetsockoptInt(IPPROTO_IPV6, IPV6_MULTICAST_IF, v))


def setIPv6MulticastLoopback(fd: netFD, v: bool) -> Any:
    """net/sockoptip6_posix.go: setIPv6MulticastLoopback. IPV6_MULTICAST_LOOP."""
    return wrapSyscallError("setsockopt",
                            fd.pfd.SetsockoptInt(IPPROTO_IPV6, IPV6_MULTICAST_LOOP, boolint(v)))


def joinIPv6Group(fd: netFD, ifi: Interface | None, ip: IP) -> Any:
    """net/sockoptip6_posix.go: joinIPv6Group. IPV6_JOIN_GROUP with an ipv6_mreq."""
    mreq = IPv6Mreq()
    raw = bytes(ip)[:16]
    mreq.Multiaddr[: len(raw)] = list(raw)
    if ifi is not None:
        mreq.Interface = ifi.Index
    return wrapSyscallError("setsockopt",
                            fd.pfd.SetsockoptIPv6Mreq(IPPROTO_IPV6, IPV6_JOIN_GROUP, mreq))
