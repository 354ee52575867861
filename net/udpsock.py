"""net/udpsock.go (go1.27.0): UDP addresses. UDPConn is not ported yet.

This part: ``UDPAddr`` (with the sockaddr methods udpsock_posix.go gives
it, which must be defined on the class) and ``ResolveUDPAddr``, the pure
address half of the file. They exist before UDPConn so that a "udp"
network takes Go's path through Dial and Listen: the address is parsed
and resolved as Go does (so "127.0.0.1:-1" fails with "invalid port", a
"udp6" dial of an IPv4 literal with "no suitable address found"), and
only then does the connection-making type switch meet an address type it
has no case for. ``net.Listen("udp", ...)`` then gives Go's own error
("unexpected address type": Go's Listen takes stream networks only) and
``net.Dial("udp", ...)`` the same error until UDPConn arrives (see
net/dial.py).

``UDPAddr`` is ``TCPAddr``'s twin: a dataclass with Go's fields ``IP``,
``Port`` and ``Zone``, compared and hashed by value (net/tcpsock.py says
why), so it works as a dict key.

Not yet ported: ``UDPConn`` and its methods, ``DialUDP``, ``ListenUDP``,
``ListenMulticastUDP`` (they come with the UDP sockets); ``AddrPort`` and
``UDPAddrFromAddrPort`` (they need net/netip).
"""

from __future__ import annotations

from dataclasses import dataclass

from net.ip import IP, IPv4len, ipEmptyString
from net.ipsock import JoinHostPort, internetAddrList, ipToSockaddr, loopbackIP
from net.net import Addr, UnknownNetworkError
from rt.sys_linux import AF_INET, AF_INET6, SockaddrTuple
from std import context
from std.errors import error

__all__ = ["ResolveUDPAddr", "UDPAddr"]

_IP = IP


@dataclass(repr=True)
class UDPAddr:
    """net.UDPAddr: the address of a UDP end point.

    ``net.UDPAddr(IP=net.ParseIP("127.0.0.1"), Port=53)``. Compares and
    hashes by value (see the module doc).
    """

    IP: _IP | None = None
    Port: int = 0
    Zone: str = ""  # IPv6 scoped addressing zone

    def __hash__(self) -> int:
        return hash((self.IP, self.Port, self.Zone))

    def Network(self) -> str:
        """net.UDPAddr.Network: "udp"."""
        return "udp"

    def String(self) -> str:
        """net.UDPAddr.String: "127.0.0.1:53", "[::1]:53", "[fe80::1%eth0]:53", ":53"."""
        ip = ipEmptyString(self.IP)
        if self.Zone:
            return JoinHostPort(ip + "%" + self.Zone, str(self.Port))
        return JoinHostPort(ip, str(self.Port))

    def __str__(self) -> str:
        return self.String()

    def isWildcard(self) -> bool:
        """net/udpsock.go: UDPAddr.isWildcard. No IP, or an unspecified one."""
        if self.IP is None:
            return True
        return self.IP.IsUnspecified()

    def opAddr(self) -> Addr | None:
        """net/udpsock.go: UDPAddr.opAddr. Go's nil-pointer guard; always self here."""
        return self

    def family(self) -> int:
        """net/udpsock_posix.go: UDPAddr.family. AF_INET unless the IP is real IPv6."""
        if self.IP is None or len(self.IP) <= IPv4len:
            return AF_INET
        if self.IP.To4() is not None:
            return AF_INET
        return AF_INET6

    def sockaddr(self, family: int) -> tuple[SockaddrTuple | None, error | None]:
        """net/udpsock_posix.go: UDPAddr.sockaddr. The sockaddr for a socket of ``family``."""
        return ipToSockaddr(family, self.IP, self.Port, self.Zone)

    def toLocal(self, net: str) -> UDPAddr:
        """net/udpsock_posix.go: UDPAddr.toLocal. The same port on the loopback address."""
        return UDPAddr(IP=loopbackIP(net), Port=self.Port, Zone=self.Zone)


def ResolveUDPAddr(network: str, address: str) -> tuple[UDPAddr | None, error | None]:
    """net.ResolveUDPAddr: the address of a UDP end point; returns ``(addr, err)``.

    ``network`` is "udp", "udp4" or "udp6" ("" means "udp", Go 1.0's
    undocumented behaviour); anything else gives
    ``UnknownNetworkError(network)``. ``address`` is "host:port", resolved
    as ResolveTCPAddr resolves it (an IPv4 result preferred unless the
    address was a bracketed IPv6 literal).
    """
    if not isinstance(network, str) or not isinstance(address, str):
        bad = network if not isinstance(network, str) else address
        raise TypeError(f"net.ResolveUDPAddr needs str arguments, not {type(bad).__name__}")
    if network == "":
        network = "udp"
    elif network not in ("udp", "udp4", "udp6"):
        return None, UnknownNetworkError(network)
    addrs, err = internetAddrList(None, context.Background(), network, address)
    if err is not None:
        return None, err
    assert addrs is not None
    a = addrs.forResolve(network, address)
    assert isinstance(a, UDPAddr)
    return a, None
