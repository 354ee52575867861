"""net/ipsock_posix.go (go1.27.0): internet sockets.

``internetSocket`` picks the family for a TCP/UDP socket and makes it.
Go's other functions of this file (``favoriteAddrFamily``,
``ipToSockaddrInet4``/``Inet6``, ``ipToSockaddr``,
``addrPortToSockaddrInet4``/``Inet6``) live in net/ipsock.py
next to the address list code that uses them, and are re-exported here so
both names find them.
"""

from __future__ import annotations

from typing import Any

from net.ipsock import (
    addrPortToSockaddrInet4,
    addrPortToSockaddrInet6,
    favoriteAddrFamily,
    ipToSockaddr,
    ipToSockaddrInet4,
    ipToSockaddrInet6,
)

__all__ = ["addrPortToSockaddrInet4", "addrPortToSockaddrInet6", "favoriteAddrFamily",
           "internetSocket", "ipToSockaddr", "ipToSockaddrInet4", "ipToSockaddrInet6"]


def internetSocket(ctx: Any, net: str, laddr: Any, raddr: Any, sotype: int, proto: int,
                   mode: str, ctrlCtxFn: Any) -> tuple[Any, Any]:
    """net/ipsock_posix.go: internetSocket. (Linux never rewrites a wildcard dial target.)"""
    from net.sock_posix import socket

    family, ipv6only = favoriteAddrFamily(net, laddr, raddr, mode)
    return socket(ctx, net, family, sotype, proto, ipv6only, laddr, raddr, ctrlCtxFn)
