"""net/iprawsock_test.go (go1.27.0), the address half: TestResolveIPAddr, row for row.

Only ``ResolveIPAddr`` is ported so far (net/iprawsock.py; ``IPAddr`` lives
in net/ipsock.py); the IPConn tests come with raw sockets. Go skips the
table unless "ip+nopriv" is testable; resolving needs no privilege, so it
always runs here. Protocol names ("icmp", "ipv6-icmp", in any case) come
from /etc/protocols or the resolver's built-in table.
"""

from __future__ import annotations

import pytest

import net
from net.ip import IP, IPv4, ParseIP
from net.iprawsock import IPAddr, ResolveIPAddr
from net.net import AddrError, UnknownNetworkError
from std.errors import error
from tests.net.test_tcpsock_addr import localhostHook, sameErr

__all__ = ["localhostHook"]  # the fixture, imported for the tests below


def _ip(s: str) -> IP:
    ip = ParseIP(s)
    assert ip is not None
    return ip


_noSuitable = "no suitable address found"

resolveIPAddrTests: list[tuple[str, str, IPAddr | None, error | None]] = [
    ("ip", "127.0.0.1", IPAddr(IP=IPv4(127, 0, 0, 1)), None),
    ("ip4", "127.0.0.1", IPAddr(IP=IPv4(127, 0, 0, 1)), None),
    ("ip4:icmp", "127.0.0.1", IPAddr(IP=IPv4(127, 0, 0, 1)), None),
    ("ip", "::1", IPAddr(IP=_ip("::1")), None),
    ("ip6", "::1", IPAddr(IP=_ip("::1")), None),
    ("ip6:ipv6-icmp", "::1", IPAddr(IP=_ip("::1")), None),
    ("ip6:IPv6-ICMP", "::1", IPAddr(IP=_ip("::1")), None),
    ("ip", "::1%en0", IPAddr(IP=_ip("::1"), Zone="en0"), None),
    ("ip6", "::1%911", IPAddr(IP=_ip("::1"), Zone="911"), None),
    ("", "127.0.0.1", IPAddr(IP=IPv4(127, 0, 0, 1)), None),  # Go 1.0 behavior
    ("", "::1", IPAddr(IP=_ip("::1")), None),  # Go 1.0 behavior
    ("ip4:icmp", "", IPAddr(), None),
    ("l2tp", "127.0.0.1", None, UnknownNetworkError("l2tp")),
    ("l2tp:gre", "127.0.0.1", None, UnknownNetworkError("l2tp:gre")),
    ("tcp", "1.2.3.4:123", None, UnknownNetworkError("tcp")),
    ("ip4", "2001:db8::1", None, AddrError(Err=_noSuitable, Addr="2001:db8::1")),
    ("ip4:icmp", "2001:db8::1", None, AddrError(Err=_noSuitable, Addr="2001:db8::1")),
    ("ip6", "127.0.0.1", None, AddrError(Err=_noSuitable, Addr="127.0.0.1")),
    ("ip6", "::ffff:127.0.0.1", None, AddrError(Err=_noSuitable, Addr="::ffff:127.0.0.1")),
    ("ip6:ipv6-icmp", "127.0.0.1", None, AddrError(Err=_noSuitable, Addr="127.0.0.1")),
    ("ip6:ipv6-icmp", "::ffff:127.0.0.1", None,
     AddrError(Err=_noSuitable, Addr="::ffff:127.0.0.1")),
]


@pytest.mark.parametrize("network,litAddrOrName,addr,err", resolveIPAddrTests)
def test_ResolveIPAddr(
    localhostHook: None,
    network: str,
    litAddrOrName: str,
    addr: IPAddr | None,
    err: error | None,
) -> None:
    got, gerr = ResolveIPAddr(network, litAddrOrName)
    assert got == addr and sameErr(gerr, err), (got, gerr)
    if gerr is None:
        assert got is not None
        addr2, err2 = ResolveIPAddr(got.Network(), got.String())
        assert addr2 == addr and err2 is None


def test_PortResolveIPAddr_exported() -> None:
    assert net.ResolveIPAddr is ResolveIPAddr and net.IPAddr is IPAddr
    with pytest.raises(TypeError):
        ResolveIPAddr("ip", 1)  # type: ignore[arg-type]
