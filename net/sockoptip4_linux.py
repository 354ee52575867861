"""net/sockoptip4_linux.go (go1.27.0): IPv4 multicast socket options.

Since go1.25 Linux joins a group with ``struct ip_mreqn`` (IP_ADD_MEMBERSHIP
naming the interface by index, 0 for the kernel's choice), and selects the
outgoing multicast interface the same way (IP_MULTICAST_IF).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from net.error_posix import wrapSyscallError
from net.sockopt_posix import boolint
from rt.sys_linux import (
    IP_ADD_MEMBERSHIP,
    IP_MULTICAST_IF,
    IP_MULTICAST_LOOP,
    IPPROTO_IP,
    IPMreqn,
)

if TYPE_CHECKING:
    from net.fd_unix import netFD
    from net.interface import Interface
    from net.ip import IP


def joinIPv4Group(fd: netFD, ifi: Interface | None, ip: IP) -> Any:
    """net/sockoptip4_linux.go: joinIPv4Group. IP_ADD_MEMBERSHIP with an ip_mreqn."""
    mreq = IPMreqn()
    mreq.Multiaddr[:] = list(bytes(ip)[:4])
    if ifi is not None:
        mreq.Ifindex = ifi.Index
    return wrapSyscallError("setsockopt",
                            fd.pfd.SetsockoptIPMreqn(IPPROTO_IP, IP_ADD_MEMBERSHIP, mreq))


def setIPv4MulticastInterface(fd: netFD, ifi: Interface | None) -> Any:
    """net/sockoptip4_linux.go: setIPv4MulticastInterface. IP_MULTICAST_IF by index."""
    mreq = IPMreqn()
    mreq.Ifindex = ifi.Index if ifi is not None else 0
    return wrapSyscallError("setsockopt",
                            fd.pfd.SetsockoptIPMreqn(IPPROTO_IP, IP_MULTICAST_IF, mreq))


def setIPv4MulticastLoopback(fd: netFD, v: bool) -> Any:
    """net/sockoptip4_linux.go: setIPv4MulticastLoopback. IP_MULTICAST_LOOP."""
    return wrapSyscallError("setsockopt",
                            fd.pfd.SetsockoptInt(IPPROTO_IP, IP_MULTICAST_LOOP, boolint(v)))
