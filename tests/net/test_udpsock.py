"""net/udpsock_test.go (go1.27.0), the address half: TestResolveUDPAddr, row for row.

Only ``UDPAddr`` and ``ResolveUDPAddr`` are ported so far (net/udpsock.py);
the tests that need UDP sockets come with UDPConn. As in Go the table runs
under ``testHookLookupIP = lookupLocalhost``; "domain" is port 53 from
/etc/services (or the resolver's built-in table when that file is absent).
The port's own tests after it check UDPAddr's methods, that it hashes by
value like TCPAddr, and that a "udp" dial or listen reaches Go's
"unexpected address type" (net/dial.py's module doc).
"""

from __future__ import annotations

import pytest

import net
import rt
from net.ip import IP, IPv4, IPv6loopback, ParseIP
from net.net import AddrError, OpError, UnknownNetworkError
from net.udpsock import ResolveUDPAddr, UDPAddr
from rt.sys_linux import AF_INET, AF_INET6, SockaddrTuple
from std.errors import error
from tests.net.test_tcpsock_addr import localhostHook, sameErr

__all__ = ["localhostHook"]  # the fixture, imported for the tests below


def _ip(s: str) -> IP:
    ip = ParseIP(s)
    assert ip is not None
    return ip


_noSuitable = "no suitable address found"

resolveUDPAddrTests: list[tuple[str, str, UDPAddr | None, error | None]] = [
    ("udp", "127.0.0.1:0", UDPAddr(IP=IPv4(127, 0, 0, 1), Port=0), None),
    ("udp4", "127.0.0.1:65535", UDPAddr(IP=IPv4(127, 0, 0, 1), Port=65535), None),
    ("udp", "[::1]:0", UDPAddr(IP=_ip("::1"), Port=0), None),
    ("udp6", "[::1]:65535", UDPAddr(IP=_ip("::1"), Port=65535), None),
    ("udp", "[::1%en0]:1", UDPAddr(IP=_ip("::1"), Port=1, Zone="en0"), None),
    ("udp6", "[::1%911]:2", UDPAddr(IP=_ip("::1"), Port=2, Zone="911"), None),
    ("", "127.0.0.1:0", UDPAddr(IP=IPv4(127, 0, 0, 1), Port=0), None),  # Go 1.0 behavior
    ("", "[::1]:0", UDPAddr(IP=_ip("::1"), Port=0), None),  # Go 1.0 behavior
    ("udp", ":12345", UDPAddr(Port=12345), None),
    ("http", "127.0.0.1:0", None, UnknownNetworkError("http")),
    ("udp", "127.0.0.1:domain", UDPAddr(IP=_ip("127.0.0.1"), Port=53), None),
    ("udp", "[::ffff:127.0.0.1]:domain", UDPAddr(IP=_ip("::ffff:127.0.0.1"), Port=53), None),
    ("udp", "[2001:db8::1]:domain", UDPAddr(IP=_ip("2001:db8::1"), Port=53), None),
    ("udp4", "127.0.0.1:domain", UDPAddr(IP=_ip("127.0.0.1"), Port=53), None),
    ("udp4", "[::ffff:127.0.0.1]:domain", UDPAddr(IP=_ip("127.0.0.1"), Port=53), None),
    ("udp6", "[2001:db8::1]:domain", UDPAddr(IP=_ip("2001:db8::1"), Port=53), None),
    ("udp4", "[2001:db8::1]:domain", None, AddrError(Err=_noSuitable, Addr="2001:db8::1")),
    ("udp6", "127.0.0.1:domain", None, AddrError(Err=_noSuitable, Addr="127.0.0.1")),
    ("udp6", "[::ffff:127.0.0.1]:domain", None,
     AddrError(Err=_noSuitable, Addr="::ffff:127.0.0.1")),
]


@pytest.mark.parametrize("network,litAddrOrName,addr,err", resolveUDPAddrTests)
def test_ResolveUDPAddr(
    localhostHook: None,
    network: str,
    litAddrOrName: str,
    addr: UDPAddr | None,
    err: error | None,
) -> None:
    got, gerr = ResolveUDPAddr(network, litAddrOrName)
    assert got == addr and sameErr(gerr, err), (got, gerr)
    if gerr is None:
        assert got is not None
        addr2, err2 = ResolveUDPAddr(got.Network(), got.String())
        assert addr2 == addr and err2 is None


# --- port-side tests ------------------------------------------------------------


def test_PortUDPAddr_methods() -> None:
    a = UDPAddr(IP=IPv4(127, 0, 0, 1), Port=53)
    assert a.String() == str(a) == "127.0.0.1:53" and a.Network() == "udp"
    assert UDPAddr(IP=_ip("fe80::1"), Port=53, Zone="eth0").String() == "[fe80::1%eth0]:53"
    assert UDPAddr(Port=53).String() == ":53"
    assert isinstance(a, net.Addr)
    assert UDPAddr().isWildcard() and not a.isWildcard()
    assert a.family() == AF_INET and UDPAddr(IP=IPv6loopback).family() == AF_INET6
    assert UDPAddr(Port=7).sockaddr(AF_INET) == (SockaddrTuple(AF_INET, bytes(4), 7), None)
    assert UDPAddr(Port=9).toLocal("udp6") == UDPAddr(IP=IPv6loopback, Port=9)
    assert a.opAddr() is a
    # By value, as TCPAddr: equal addresses are one dict key.
    b = UDPAddr(IP=IPv4(127, 0, 0, 1), Port=53)
    assert a is not b and a == b and hash(a) == hash(b)
    assert {a: 1}[b] == 1
    assert net.TCPAddr(IP=IPv4(127, 0, 0, 1), Port=53) != a


def test_PortDialListenUDPNotYetPorted() -> None:
    """A "udp" address resolves as in Go, then meets Dial's and Listen's type switch.

    Listen's text is Go's own (Go's Listen takes no UDP address either);
    Dial's is the same error, until UDPConn exists.
    """
    def main() -> None:
        c, err = net.Dial("udp", "127.0.0.1:53")
        assert c is None and isinstance(err, OpError)
        assert str(err) == "dial udp 127.0.0.1:53: address 127.0.0.1:53: unexpected address type"
        assert err.Addr == UDPAddr(IP=IPv4(127, 0, 0, 1), Port=53)
        ln, err = net.Listen("udp", "127.0.0.1:0")
        assert ln is None
        assert str(err) == "listen udp 127.0.0.1:0: address 127.0.0.1:0: unexpected address type"
        # Resolution errors come first, as in Go.
        _, err = net.Dial("udp", "127.0.0.1:-1")
        assert str(err) == "dial udp: address -1: invalid port"

    rt.run(main)
