"""Tests for net/ipsock.py, ported from net/ipsock_test.go and net/ip_test.go (go1.27.0).

ipsock_test.go: TestAddrList (addrListTests row for row) and
TestAddrListPartition. ip_test.go: TestSplitHostPort and TestJoinHostPort
(both tables). TestListenIPv6WildcardAddr needs Listen and comes with the
socket code. Go has no table tests for internetAddrList, forResolve,
favoriteAddrFamily, the stack probe or ipToSockaddr; the tests after the
ports check them against Go's source (ipsock.go, ipsock_posix.go).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from net.ip import IP, IPv4, IPv4zero, IPv6loopback, ParseIP
from net.ipsock import (
    IPAddr,
    JoinHostPort,
    SplitHostPort,
    addrList,
    favoriteAddrFamily,
    filterAddrList,
    internetAddrList,
    ipToSockaddr,
    ipToSockaddrInet4,
    ipToSockaddrInet6,
    ipv4only,
    ipv6only,
    isIPv4,
    loopbackIP,
    splitHostZone,
    supportsIPv4,
    supportsIPv4map,
    supportsIPv6,
    zoneCache,
)
from net.net import Addr, AddrError, UnknownNetworkError
from net.tcpsock import TCPAddr
from rt.sys_linux import AF_INET, AF_INET6, AF_UNIX, SockaddrTuple
from std import context
from std.errors import error


def _ip(s: str) -> IP:
    ip = ParseIP(s)
    assert ip is not None
    return ip


def _testInetaddr(ip: IPAddr) -> Addr:
    """ipsock_test.go: testInetaddr."""
    return TCPAddr(IP=ip.IP, Port=5682, Zone=ip.Zone)


def T(ip: IP, zone: str = "") -> TCPAddr:
    return TCPAddr(IP=ip, Port=5682, Zone=zone)


_lo4 = IPv4(127, 0, 0, 1)
_192 = IPv4(192, 168, 0, 1)
_fe80 = _ip("fe80::1")
_noSuitable = AddrError(Err="no suitable address found", Addr="ADDR")

Filter = Callable[[IPAddr], bool] | None

addrListTests: list[
    tuple[Filter, list[IPAddr] | None, Addr | None, list[Addr], list[Addr], error | None]
] = [
    (
        None,
        [IPAddr(IP=_lo4), IPAddr(IP=IPv6loopback)],
        T(_lo4),
        [T(_lo4)],
        [T(IPv6loopback)],
        None,
    ),
    (
        None,
        [IPAddr(IP=IPv6loopback), IPAddr(IP=_lo4)],
        T(_lo4),
        [T(IPv6loopback)],
        [T(_lo4)],
        None,
    ),
    (
        None,
        [IPAddr(IP=_lo4), IPAddr(IP=_192)],
        T(_lo4),
        [T(_lo4), T(_192)],
        [],
        None,
    ),
    (
        None,
        [IPAddr(IP=IPv6loopback), IPAddr(IP=_fe80, Zone="eth0")],
        T(IPv6loopback),
        [T(IPv6loopback), T(_fe80, "eth0")],
        [],
        None,
    ),
    (
        None,
        [IPAddr(IP=_lo4), IPAddr(IP=_192), IPAddr(IP=IPv6loopback), IPAddr(IP=_fe80, Zone="eth0")],
        T(_lo4),
        [T(_lo4), T(_192)],
        [T(IPv6loopback), T(_fe80, "eth0")],
        None,
    ),
    (
        None,
        [IPAddr(IP=IPv6loopback), IPAddr(IP=_fe80, Zone="eth0"), IPAddr(IP=_lo4), IPAddr(IP=_192)],
        T(_lo4),
        [T(IPv6loopback), T(_fe80, "eth0")],
        [T(_lo4), T(_192)],
        None,
    ),
    (
        None,
        [IPAddr(IP=_lo4), IPAddr(IP=IPv6loopback), IPAddr(IP=_192), IPAddr(IP=_fe80, Zone="eth0")],
        T(_lo4),
        [T(_lo4), T(_192)],
        [T(IPv6loopback), T(_fe80, "eth0")],
        None,
    ),
    (
        None,
        [IPAddr(IP=IPv6loopback), IPAddr(IP=_lo4), IPAddr(IP=_fe80, Zone="eth0"), IPAddr(IP=_192)],
        T(_lo4),
        [T(IPv6loopback), T(_fe80, "eth0")],
        [T(_lo4), T(_192)],
        None,
    ),
    (ipv4only, [IPAddr(IP=_lo4), IPAddr(IP=IPv6loopback)], T(_lo4), [T(_lo4)], [], None),
    (ipv4only, [IPAddr(IP=IPv6loopback), IPAddr(IP=_lo4)], T(_lo4), [T(_lo4)], [], None),
    (
        ipv6only,
        [IPAddr(IP=_lo4), IPAddr(IP=IPv6loopback)],
        T(IPv6loopback),
        [T(IPv6loopback)],
        [],
        None,
    ),
    (
        ipv6only,
        [IPAddr(IP=IPv6loopback), IPAddr(IP=_lo4)],
        T(IPv6loopback),
        [T(IPv6loopback)],
        [],
        None,
    ),
    (None, None, None, [], [], _noSuitable),
    (ipv4only, None, None, [], [], _noSuitable),
    (ipv4only, [IPAddr(IP=IPv6loopback)], None, [], [], _noSuitable),
    (ipv6only, None, None, [], [], _noSuitable),
    (ipv6only, [IPAddr(IP=_lo4)], None, [], [], _noSuitable),
]


@pytest.mark.parametrize("filt,ips,first,primaries,fallbacks,err", addrListTests)
def test_AddrList(
    filt: Filter,
    ips: list[IPAddr] | None,
    first: Addr | None,
    primaries: list[Addr],
    fallbacks: list[Addr],
    err: error | None,
) -> None:
    if not supportsIPv4() or not supportsIPv6():
        pytest.skip("both IPv4 and IPv6 are required")
    addrs, gerr = filterAddrList(filt, ips, _testInetaddr, "ADDR")
    if err is not None:
        assert isinstance(gerr, AddrError) and isinstance(err, AddrError)
        assert (gerr.Err, gerr.Addr) == (err.Err, err.Addr)
        assert addrs is None
        return
    assert gerr is None and addrs is not None
    assert addrs.first(isIPv4) == first
    p, f = addrs.partition(isIPv4)
    assert p == primaries
    assert f == fallbacks
    assert len(addrs) == len(p) + len(f)


def test_AddrListPartition() -> None:
    addrs = addrList(
        [
            IPAddr(IP=_ip("fe80::"), Zone="eth0"),
            IPAddr(IP=_ip("fe80::1"), Zone="eth0"),
            IPAddr(IP=_ip("fe80::2"), Zone="eth0"),
        ]
    )
    cases = [
        (0, [addrs[0]], [addrs[1], addrs[2]]),
        (1, [addrs[0], addrs[2]], [addrs[1]]),
        (2, [addrs[0], addrs[1]], [addrs[2]]),
        (3, [addrs[0], addrs[1], addrs[2]], []),
    ]
    for lastByte, primaries, fallbacks in cases:
        # Inverting the function's output should not affect the outcome.
        for invert in (False, True):

            def strategy(a: Addr, lastByte: int = lastByte, invert: bool = invert) -> bool:
                assert isinstance(a, IPAddr) and a.IP is not None
                return (a.IP[len(a.IP) - 1] == lastByte) != invert

            p, f = addrs.partition(strategy)
            assert p == primaries
            assert f == fallbacks


splitHostPortTests = [
    # Host name
    ("localhost:http", "localhost", "http"),
    ("localhost:80", "localhost", "80"),
    # Go-specific host name with zone identifier
    ("localhost%lo0:http", "localhost%lo0", "http"),
    ("localhost%lo0:80", "localhost%lo0", "80"),
    ("[localhost%lo0]:http", "localhost%lo0", "http"),  # Go 1 behavior
    ("[localhost%lo0]:80", "localhost%lo0", "80"),  # Go 1 behavior
    # IP literal
    ("127.0.0.1:http", "127.0.0.1", "http"),
    ("127.0.0.1:80", "127.0.0.1", "80"),
    ("[::1]:http", "::1", "http"),
    ("[::1]:80", "::1", "80"),
    # IP literal with zone identifier
    ("[::1%lo0]:http", "::1%lo0", "http"),
    ("[::1%lo0]:80", "::1%lo0", "80"),
    # Go-specific wildcard for host name
    (":http", "", "http"),  # Go 1 behavior
    (":80", "", "80"),  # Go 1 behavior
    # Go-specific wildcard for service name or transport port number
    ("golang.org:", "golang.org", ""),  # Go 1 behavior
    ("127.0.0.1:", "127.0.0.1", ""),  # Go 1 behavior
    ("[::1]:", "::1", ""),  # Go 1 behavior
    # Opaque service name
    ("golang.org:https%foo", "golang.org", "https%foo"),  # Go 1 behavior
]

splitHostPortErrorTests = [
    ("golang.org", "missing port in address"),
    ("127.0.0.1", "missing port in address"),
    ("[::1]", "missing port in address"),
    ("[fe80::1%lo0]", "missing port in address"),
    ("[localhost%lo0]", "missing port in address"),
    ("localhost%lo0", "missing port in address"),
    ("::1", "too many colons in address"),
    ("fe80::1%lo0", "too many colons in address"),
    ("fe80::1%lo0:80", "too many colons in address"),
    # Test cases that didn't fail in Go 1
    ("[foo:bar]", "missing port in address"),
    ("[foo:bar]baz", "missing port in address"),
    ("[foo]bar:baz", "missing port in address"),
    ("[foo]:[bar]:baz", "too many colons in address"),
    ("[foo]:[bar]baz", "unexpected '[' in address"),
    ("foo[bar]:baz", "unexpected '[' in address"),
    ("foo]bar:baz", "unexpected ']' in address"),
]


@pytest.mark.parametrize("hostPort,host,port", splitHostPortTests)
def test_SplitHostPort(hostPort: str, host: str, port: str) -> None:
    assert SplitHostPort(hostPort) == (host, port, None)


@pytest.mark.parametrize("hostPort,err", splitHostPortErrorTests)
def test_SplitHostPort_errors(hostPort: str, err: str) -> None:
    host, port, e = SplitHostPort(hostPort)
    assert isinstance(e, AddrError)
    assert e.Err == err
    assert e.Addr == hostPort
    assert e.Error() == f"address {hostPort}: {err}"
    assert (host, port) == ("", "")


joinHostPortTests = [
    # Host name
    ("localhost", "http", "localhost:http"),
    ("localhost", "80", "localhost:80"),
    # Go-specific host name with zone identifier
    ("localhost%lo0", "http", "localhost%lo0:http"),
    ("localhost%lo0", "80", "localhost%lo0:80"),
    # IP literal
    ("127.0.0.1", "http", "127.0.0.1:http"),
    ("127.0.0.1", "80", "127.0.0.1:80"),
    ("::1", "http", "[::1]:http"),
    ("::1", "80", "[::1]:80"),
    # IP literal with zone identifier
    ("::1%lo0", "http", "[::1%lo0]:http"),
    ("::1%lo0", "80", "[::1%lo0]:80"),
    # Go-specific wildcard for host name
    ("", "http", ":http"),  # Go 1 behavior
    ("", "80", ":80"),  # Go 1 behavior
    # Go-specific wildcard for service name or transport port number
    ("golang.org", "", "golang.org:"),  # Go 1 behavior
    ("127.0.0.1", "", "127.0.0.1:"),  # Go 1 behavior
    ("::1", "", "[::1]:"),  # Go 1 behavior
    # Opaque service name
    ("golang.org", "https%foo", "golang.org:https%foo"),  # Go 1 behavior
]


@pytest.mark.parametrize("host,port,hostPort", joinHostPortTests)
def test_JoinHostPort(host: str, port: str, hostPort: str) -> None:
    assert JoinHostPort(host, port) == hostPort


# --- port-side tests ------------------------------------------------------------


def test_SplitHostPort_types() -> None:
    with pytest.raises(TypeError):
        SplitHostPort(80)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        JoinHostPort("h", 80)  # type: ignore[arg-type]


def test_splitHostZone() -> None:
    assert splitHostZone("fe80::1%eth0") == ("fe80::1", "eth0")
    assert splitHostZone("%eth0") == ("%eth0", "")  # a '%' at index 0 is not a zone
    assert splitHostZone("host") == ("host", "")


def test_forResolve() -> None:
    v4, v6 = TCPAddr(IP=_lo4), TCPAddr(IP=IPv6loopback)
    both = addrList([v6, v4])
    assert both.forResolve("tcp", "localhost:80") is v4
    assert both.forResolve("tcp", "[::1]:80") is v6
    ip4, ip6 = IPAddr(IP=_lo4), IPAddr(IP=IPv6loopback)
    assert addrList([ip6, ip4]).forResolve("ip", "::1") is ip6
    assert addrList([ip6, ip4]).forResolve("ip", "localhost") is ip4
    assert addrList([v6]).forResolve("tcp", "x:1") is v6  # falls back to the first


def bg() -> context.Context:
    return context.Background()


def test_internetAddrList_literals() -> None:
    addrs, err = internetAddrList(None, bg(), "tcp", "127.0.0.1:80")
    assert err is None and addrs == [TCPAddr(IP=_lo4, Port=80)]
    addrs, err = internetAddrList(None, bg(), "tcp", "")
    assert err is None and addrs == [TCPAddr(IP=None, Port=0)]
    addrs, err = internetAddrList(None, bg(), "tcp", ":8080")
    assert err is None and addrs == [TCPAddr(IP=None, Port=8080)]
    addrs, err = internetAddrList(None, bg(), "ip", "fe80::1%eth0")
    assert err is None and addrs == [IPAddr(IP=_fe80, Zone="eth0")]
    addrs, err = internetAddrList(None, bg(), "ip6", "::1")
    assert err is None and addrs == [IPAddr(IP=IPv6loopback)]


def test_internetAddrList_unspecified_adds_ipv4zero() -> None:
    # Go issue 18806: "::" alone also yields 0.0.0.0.
    addrs, err = internetAddrList(None, bg(), "tcp", "[::]:1")
    assert err is None
    assert addrs == [TCPAddr(IP=_ip("::"), Port=1), TCPAddr(IP=IPv4zero, Port=1)]


@pytest.mark.parametrize(
    "net,addr,text",
    [
        ("foo", "x", "unknown network foo"),
        ("tcp", "127.0.0.1", "address 127.0.0.1: missing port in address"),
        ("tcp", "127.0.0.1:-1", "address -1: invalid port"),
        ("tcp", "127.0.0.1:123456789", "address 123456789: invalid port"),
        ("tcp4", "[::1]:80", "address ::1: no suitable address found"),
        ("ip6", "127.0.0.1", "address 127.0.0.1: no suitable address found"),
    ],
)
def test_internetAddrList_errors(net: str, addr: str, text: str) -> None:
    addrs, err = internetAddrList(None, bg(), net, addr)
    assert addrs is None and err is not None
    assert err.Error() == text
    if net == "foo":
        assert err == UnknownNetworkError("foo")


def test_loopbackIP() -> None:
    assert loopbackIP("tcp6") == IPv6loopback
    assert loopbackIP("tcp") == IP([127, 0, 0, 1])
    assert loopbackIP("") == IP([127, 0, 0, 1])


def test_stack_probe() -> None:
    # Whatever the host supports, the probe answers consistently and closes
    # its sockets (the harness checks for leaked fds). Linux always has IPv4.
    assert supportsIPv4() is True
    assert isinstance(supportsIPv6(), bool)
    assert isinstance(supportsIPv4map(), bool)
    assert (supportsIPv4(), supportsIPv6(), supportsIPv4map()) == (
        supportsIPv4(),
        supportsIPv6(),
        supportsIPv4map(),
    )


def test_favoriteAddrFamily() -> None:
    v4, v6, wild = TCPAddr(IP=_lo4), TCPAddr(IP=IPv6loopback), TCPAddr(Port=80)
    assert favoriteAddrFamily("tcp4", None, v6, "dial") == (AF_INET, False)
    assert favoriteAddrFamily("tcp6", None, v4, "dial") == (AF_INET6, True)
    assert favoriteAddrFamily("tcp", None, v4, "dial") == (AF_INET, False)
    assert favoriteAddrFamily("tcp", v4, v4, "dial") == (AF_INET, False)
    assert favoriteAddrFamily("tcp", None, v6, "dial") == (AF_INET6, False)
    assert favoriteAddrFamily("tcp", v4, v6, "dial") == (AF_INET6, False)
    assert favoriteAddrFamily("tcp", None, None, "dial") == (AF_INET, False)
    dual = supportsIPv4map() or not supportsIPv4()
    assert favoriteAddrFamily("tcp", None, None, "listen") == (
        (AF_INET6, False) if dual else (AF_INET, False)
    )
    assert favoriteAddrFamily("tcp", wild, None, "listen") == (
        (AF_INET6, False) if dual else (AF_INET, False)
    )
    assert favoriteAddrFamily("tcp", v4, None, "listen") == (AF_INET, False)
    assert favoriteAddrFamily("tcp", v6, None, "listen") == (AF_INET6, False)


def test_ipToSockaddr() -> None:
    assert ipToSockaddrInet4(None, 80) == (SockaddrTuple(AF_INET, bytes(4), 80), None)
    assert ipToSockaddrInet4(_lo4, 1) == (SockaddrTuple(AF_INET, b"\x7f\0\0\x01", 1), None)
    sa, err = ipToSockaddrInet4(IPv6loopback, 1)
    assert sa is None and err is not None and err.Error() == "address ::1: non-IPv4 address"
    assert ipToSockaddrInet6(None, 80, "") == (SockaddrTuple(AF_INET6, bytes(16), 80), None)
    assert ipToSockaddrInet6(IPv4zero, 80, "") == (SockaddrTuple(AF_INET6, bytes(16), 80), None)
    assert ipToSockaddrInet6(IP([1, 2, 3, 4]), 5, "") == (
        SockaddrTuple(AF_INET6, bytes(IPv4(1, 2, 3, 4)), 5),
        None,
    )
    assert ipToSockaddrInet6(IPv6loopback, 5, "911") == (
        SockaddrTuple(AF_INET6, bytes(IPv6loopback), 5, 911),
        None,
    )
    sa, err = ipToSockaddrInet6(IP([1, 2, 3]), 5, "")
    assert sa is None and err is not None and err.Error() == "address ?010203: non-IPv6 address"
    sa, err = ipToSockaddr(AF_UNIX, _lo4, 1, "")
    assert sa is None and err is not None
    assert err.Error() == "address 127.0.0.1: invalid address family"


def test_zoneCache() -> None:
    assert zoneCache.index("") == 0
    assert zoneCache.name(0) == ""
    assert zoneCache.index("911") == 911  # numeric fallback
    assert zoneCache.index("no-such-interface") == 0
    assert zoneCache.name(99999) == "99999"
    try:
        with open("/sys/class/net/lo/ifindex") as f:
            lo = int(f.read())
    except OSError:
        pytest.skip("no /sys/class/net/lo")
    assert zoneCache.index("lo") == lo
    assert zoneCache.name(lo) == "lo"
    assert os.path.isdir("/sys/class/net")
