"""Tests for the address half of net/tcpsock.py, ported from net/tcpsock_test.go (go1.27.0).

TestResolveTCPAddr with resolveTCPAddrTests row for row, under Go's
``testHookLookupIP = lookupLocalhost``. The two zone rows ("[::1%en0]:1",
"[::1%911]:2") need no real interface: the zone is carried as text, as in
Go, so they run. The tests after the port cover TCPAddr's methods and the
Python surface.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import net
import rt
from net import lookup
from net.ip import IP, IPv4, IPv6loopback, ParseIP
from net.ipsock import IPAddr
from net.net import AddrError, UnknownNetworkError
from net.tcpsock import ResolveTCPAddr, TCPAddr
from rt.sys_linux import AF_INET, AF_INET6, SockaddrTuple
from std import context
from std.errors import error


def _ip(s: str) -> IP:
    ip = ParseIP(s)
    assert ip is not None
    return ip


def lookupLocalhost(
    ctx: context.Context, fn: lookup.LookupIPFunc, network: str, host: str
) -> tuple[list[IPAddr] | None, error | None]:
    """lookup_test.go: lookupLocalhost. "localhost" is 127.0.0.1 and ::1, without asking."""
    if host == "localhost":
        return [IPAddr(IP=IPv4(127, 0, 0, 1)), IPAddr(IP=IPv6loopback)], None
    return fn(ctx, network, host)


@pytest.fixture
def localhostHook(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(lookup, "testHookLookupIP", lookupLocalhost)
    yield


_noSuitable = "no suitable address found"

resolveTCPAddrTests: list[tuple[str, str, TCPAddr | None, error | None]] = [
    ("tcp", "127.0.0.1:0", TCPAddr(IP=IPv4(127, 0, 0, 1), Port=0), None),
    ("tcp4", "127.0.0.1:65535", TCPAddr(IP=IPv4(127, 0, 0, 1), Port=65535), None),
    ("tcp", "[::1]:0", TCPAddr(IP=_ip("::1"), Port=0), None),
    ("tcp6", "[::1]:65535", TCPAddr(IP=_ip("::1"), Port=65535), None),
    ("tcp", "[::1%en0]:1", TCPAddr(IP=_ip("::1"), Port=1, Zone="en0"), None),
    ("tcp6", "[::1%911]:2", TCPAddr(IP=_ip("::1"), Port=2, Zone="911"), None),
    ("", "127.0.0.1:0", TCPAddr(IP=IPv4(127, 0, 0, 1), Port=0), None),  # Go 1.0 behavior
    ("", "[::1]:0", TCPAddr(IP=_ip("::1"), Port=0), None),  # Go 1.0 behavior
    ("tcp", ":12345", TCPAddr(Port=12345), None),
    ("http", "127.0.0.1:0", None, UnknownNetworkError("http")),
    ("tcp", "127.0.0.1:http", TCPAddr(IP=_ip("127.0.0.1"), Port=80), None),
    ("tcp", "[::ffff:127.0.0.1]:http", TCPAddr(IP=_ip("::ffff:127.0.0.1"), Port=80), None),
    ("tcp", "[2001:db8::1]:http", TCPAddr(IP=_ip("2001:db8::1"), Port=80), None),
    ("tcp4", "127.0.0.1:http", TCPAddr(IP=_ip("127.0.0.1"), Port=80), None),
    ("tcp4", "[::ffff:127.0.0.1]:http", TCPAddr(IP=_ip("127.0.0.1"), Port=80), None),
    ("tcp6", "[2001:db8::1]:http", TCPAddr(IP=_ip("2001:db8::1"), Port=80), None),
    ("tcp4", "[2001:db8::1]:http", None, AddrError(Err=_noSuitable, Addr="2001:db8::1")),
    ("tcp6", "127.0.0.1:http", None, AddrError(Err=_noSuitable, Addr="127.0.0.1")),
    ("tcp6", "[::ffff:127.0.0.1]:http", None, AddrError(Err=_noSuitable, Addr="::ffff:127.0.0.1")),
]


def sameErr(got: error | None, want: error | None) -> bool:
    """reflect.DeepEqual for these errors: same type and fields (or equal values)."""
    if want is None or got is None:
        return got is want
    if isinstance(want, UnknownNetworkError):
        return got == want
    return type(got) is type(want) and vars(got) == vars(want)


@pytest.mark.parametrize("network,litAddrOrName,addr,err", resolveTCPAddrTests)
def test_ResolveTCPAddr(
    localhostHook: None,
    network: str,
    litAddrOrName: str,
    addr: TCPAddr | None,
    err: error | None,
) -> None:
    got, gerr = ResolveTCPAddr(network, litAddrOrName)
    assert got == addr and sameErr(gerr, err), (got, gerr)
    if gerr is None:
        assert got is not None
        addr2, err2 = ResolveTCPAddr(got.Network(), got.String())
        assert addr2 == addr and err2 is None


# --- port-side tests ------------------------------------------------------------


@pytest.mark.parametrize(
    "addr,text",
    [
        (TCPAddr(IP=IPv4(127, 0, 0, 1), Port=80), "127.0.0.1:80"),
        (TCPAddr(IP=IP([127, 0, 0, 1]), Port=80), "127.0.0.1:80"),
        (TCPAddr(IP=IPv6loopback, Port=80), "[::1]:80"),
        (TCPAddr(IP=_ip("fe80::1"), Port=80, Zone="eth0"), "[fe80::1%eth0]:80"),
        (TCPAddr(Port=80), ":80"),
        (TCPAddr(), ":0"),
        (TCPAddr(IP=IP(), Port=1), ":1"),
        (TCPAddr(IP=IP([1, 2, 3]), Port=1), "?010203:1"),
    ],
)
def test_TCPAddr_String(addr: TCPAddr, text: str) -> None:
    assert addr.String() == text
    assert str(addr) == text
    assert addr.Network() == "tcp"
    assert isinstance(addr, net.Addr)


def test_TCPAddr_methods() -> None:
    assert TCPAddr().isWildcard()
    assert TCPAddr(IP=IPv4(0, 0, 0, 0)).isWildcard()
    assert TCPAddr(IP=_ip("::")).isWildcard()
    assert not TCPAddr(IP=IPv4(127, 0, 0, 1)).isWildcard()
    assert TCPAddr().family() == AF_INET
    assert TCPAddr(IP=IPv4(127, 0, 0, 1)).family() == AF_INET
    assert TCPAddr(IP=IPv6loopback).family() == AF_INET6
    assert TCPAddr(IP=IPv6loopback, Port=7).sockaddr(AF_INET6) == (
        SockaddrTuple(AF_INET6, bytes(IPv6loopback), 7),
        None,
    )
    assert TCPAddr(Port=7).sockaddr(AF_INET) == (SockaddrTuple(AF_INET, bytes(4), 7), None)
    assert TCPAddr(Port=9, Zone="z").toLocal("tcp") == TCPAddr(
        IP=IP([127, 0, 0, 1]), Port=9, Zone="z"
    )
    assert TCPAddr(Port=9).toLocal("tcp6") == TCPAddr(IP=IPv6loopback, Port=9)
    a = TCPAddr(Port=1)
    assert a.opAddr() is a


def test_ResolveTCPAddr_localhost(localhostHook: None) -> None:
    # forResolve prefers IPv4 for a name, IPv6 only for a bracketed literal.
    assert ResolveTCPAddr("tcp", "localhost:80") == (TCPAddr(IP=IPv4(127, 0, 0, 1), Port=80), None)
    assert ResolveTCPAddr("tcp6", "localhost:80") == (TCPAddr(IP=IPv6loopback, Port=80), None)

    def main() -> tuple[TCPAddr | None, error | None]:
        return ResolveTCPAddr("tcp", "localhost:http")

    assert rt.run(main) == (TCPAddr(IP=IPv4(127, 0, 0, 1), Port=80), None)


@pytest.mark.parametrize(
    "network,address,text",
    [
        ("udp", "127.0.0.1:1", "unknown network udp"),
        ("tcp", "127.0.0.1", "address 127.0.0.1: missing port in address"),
        ("tcp", "127.0.0.1:65536", "address 65536: invalid port"),
        ("tcp", "127.0.0.1:-1", "address -1: invalid port"),
        ("tcp", "[::1]:80:80", "address [::1]:80:80: too many colons in address"),
        ("tcp", "127.0.0.1:no-such-service-xyz", "lookup tcp/no-such-service-xyz: unknown port"),
        ("tcp", "no-such-host.invalid:80", "lookup no-such-host.invalid: no such host"),
        ("tcp", "!!!.###:80", "lookup !!!.###: no such host"),
    ],
)
def test_ResolveTCPAddr_errors(network: str, address: str, text: str) -> None:
    addr, err = ResolveTCPAddr(network, address)
    assert addr is None and err is not None
    if "invalid:80" in address and err.Error() != text:
        # The C library may consult DNS for ".invalid"; with no network it
        # can also report a temporary failure instead of "no such host".
        assert isinstance(err, net.DNSError) and err.Temporary()
        return
    assert err.Error() == text
    assert isinstance(err, net.Error) and not err.Timeout()


def test_ResolveTCPAddr_types() -> None:
    with pytest.raises(TypeError):
        ResolveTCPAddr("tcp", 80)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ResolveTCPAddr(None, "x:1")  # type: ignore[arg-type]


def test_PortAddrsAreDictKeys() -> None:
    """Every Addr value type (and IPNet) hashes as it compares: by value.

    Equal but distinct objects find the same dict entry; an unequal one does
    not; the fields stay assignable, as Go's are.
    """
    ip = IPv4(127, 0, 0, 1)
    pairs = [
        (TCPAddr(IP=ip, Port=80), TCPAddr(IP=IPv4(127, 0, 0, 1), Port=80),
         TCPAddr(IP=ip, Port=81)),
        (net.UDPAddr(IP=ip, Port=53, Zone=""), net.UDPAddr(IP=IPv4(127, 0, 0, 1), Port=53),
         net.UDPAddr(IP=ip, Port=53, Zone="lo")),
        (IPAddr(IP=ip), IPAddr(IP=IPv4(127, 0, 0, 1)), IPAddr(IP=IPv6loopback)),
        (net.UnixAddr(Name="/s", Net="unix"), net.UnixAddr(Name="/s", Net="unix"),
         net.UnixAddr(Name="/s", Net="unixgram")),
        (net.IPNet(IP=IPv4(10, 0, 0, 0), Mask=net.CIDRMask(8, 32)),
         net.IPNet(IP=IPv4(10, 0, 0, 0), Mask=net.CIDRMask(8, 32)),
         net.IPNet(IP=IPv4(10, 0, 0, 0), Mask=net.CIDRMask(16, 32))),
        (TCPAddr(), TCPAddr(), TCPAddr(Port=1)),  # a nil IP
    ]
    for a, same, other in pairs:
        assert a is not same and a == same and hash(a) == hash(same)
        subs: dict[object, str] = {a: "a"}
        assert same in subs and subs[same] == "a"
        assert other not in subs
        assert {a, same, other} == {a, other}
    # A 4-byte and a 16-byte IP are different values (reflect.DeepEqual), and keys.
    four = TCPAddr(IP=IP(bytes([127, 0, 0, 1])), Port=80)
    assert four != pairs[0][0] and four not in {pairs[0][0]: 1}
    # Still a Go struct: fields can be set, and the hash follows the new value.
    a = TCPAddr(Port=1)
    a.Port = 2
    assert a == TCPAddr(Port=2) and hash(a) == hash(TCPAddr(Port=2))
