"""net/iprawsock.go (go1.27.0): IP end point addresses. IPConn is not ported yet.

This part: ``ResolveIPAddr``. ``IPAddr`` itself lives in net/ipsock.py,
which needs it to build address lists, and is re-exported here so that
``from net.iprawsock import IPAddr`` reads as Go's file layout does.

Not yet ported: ``IPConn`` and its methods, ``DialIP``, ``ListenIP`` (raw
sockets come with the packet connections); ``ipAddrFromAddr`` (it needs
net/netip). Until then ``net.Dial("ip4:icmp", ...)`` fails with Go's
"unexpected address type" (net/dial.py's module doc).
"""

from __future__ import annotations

from net.ipsock import IPAddr, internetAddrList
from net.net import UnknownNetworkError
from std import context
from std.errors import error

__all__ = ["IPAddr", "ResolveIPAddr"]


def ResolveIPAddr(network: str, address: str) -> tuple[IPAddr | None, error | None]:
    """net.ResolveIPAddr: the address of an IP end point; returns ``(addr, err)``.

    ``network`` is "ip", "ip4" or "ip6", optionally with ":proto" (a number
    or a name from /etc/protocols, which must be known); "" means "ip".
    Anything else gives ``UnknownNetworkError(network)``. ``address`` is a
    host: an IP literal (with an optional "%zone") or a name to resolve;
    an IPv4 result is preferred unless the address was an IPv6 literal.
    """
    from net.lookup import parseNetwork

    if not isinstance(network, str) or not isinstance(address, str):
        bad = network if not isinstance(network, str) else address
        raise TypeError(f"net.ResolveIPAddr needs str arguments, not {type(bad).__name__}")
    if network == "":
        network = "ip"
    afnet, _, err = parseNetwork(context.Background(), network, False)
    if err is not None:
        return None, err
    if afnet not in ("ip", "ip4", "ip6"):
        return None, UnknownNetworkError(network)
    addrs, err = internetAddrList(None, context.Background(), afnet, address)
    if err is not None:
        return None, err
    assert addrs is not None
    a = addrs.forResolve(network, address)
    assert isinstance(a, IPAddr)
    return a, None
