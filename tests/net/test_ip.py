"""Tests for net/ip.py, ported from net/ip_test.go (go1.27.0).

Tables row for row, in Go's order: parseIPTests, ipStringTests,
ipMaskTests, ipMaskStringTests, parseCIDRTests, ipNetContainsTests,
ipNetStringTests, cidrMaskTests, networkNumberAndMaskTests,
ipAddrFamilyTests, ipAddrScopeTests (TestSplitHostPort and TestJoinHostPort
of the same file are in test_ipsock.py, next to the code). Go's nil IP is
None here (module doc of net/ip.py); where Go calls a method on a nil IP
or a nil *IPNet, the test calls it on the empty IP() or a zero IPNet(),
which behave the same. reflect.DeepEqual on errors becomes a comparison of
type and fields (the error types compare by identity, like Go pointers).
TestLookupWithIP is in test_lookup.py. Tests after the Go ports cover the
Python surface (types, immutability, repr).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import net
from net.ip import (
    IP,
    CIDRMask,
    IPMask,
    IPNet,
    IPv4,
    IPv4allrouter,
    IPv4allsys,
    IPv4bcast,
    IPv4len,
    IPv4Mask,
    IPv4zero,
    IPv6interfacelocalallnodes,
    IPv6len,
    IPv6linklocalallnodes,
    IPv6linklocalallrouters,
    IPv6loopback,
    IPv6unspecified,
    ParseCIDR,
    ParseIP,
    dtoi,
    networkNumberAndMask,
)
from net.net import AddrError, ParseError
from std.errors import error


def sameErr(got: error | None, want: error | None) -> bool:
    """reflect.DeepEqual for the error values of these tables."""
    if want is None or got is None:
        return got is want
    return type(got) is type(want) and vars(got) == vars(want)


parseIPTests: list[tuple[str, IP | None]] = [
    ("127.0.1.2", IPv4(127, 0, 1, 2)),
    ("127.0.0.1", IPv4(127, 0, 0, 1)),
    ("::ffff:127.1.2.3", IPv4(127, 1, 2, 3)),
    ("::ffff:7f01:0203", IPv4(127, 1, 2, 3)),
    ("0:0:0:0:0000:ffff:127.1.2.3", IPv4(127, 1, 2, 3)),
    ("0:0:0:0::ffff:127.1.2.3", IPv4(127, 1, 2, 3)),
    ("2001:4860:0:2001::68", IP([0x20, 0x01, 0x48, 0x60, 0, 0, 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x68])),  # noqa: E501
    ("2001:4860:0000:2001:0000:0000:0000:0068", IP([0x20, 0x01, 0x48, 0x60, 0, 0, 0x20, 0x01, 0, 0, 0, 0, 0, 0, 0x00, 0x68])),  # noqa: E501
    ("-0.0.0.0", None),
    ("0.-1.0.0", None),
    ("0.0.-2.0", None),
    ("0.0.0.-3", None),
    ("127.0.0.256", None),
    ("abc", None),
    ("123:", None),
    ("fe80::1%lo0", None),
    ("fe80::1%911", None),
    ("", None),
    # 6 zeroes in one group
    ("0:0:0:0:000000:ffff:127.1.2.3", None),
    # 5 zeroes in one group edge case
    ("0:0:0:0:00000:ffff:127.1.2.3", None),
    ("a1:a2:a3:a4::b1:b2:b3:b4", None),  # Issue 6628
    ("127.001.002.003", None),
    ("::ffff:127.001.002.003", None),
    ("123.000.000.000", None),
    ("1.2..4", None),
    ("0123.0.0.1", None),
]


@pytest.mark.parametrize("inp,out", parseIPTests)
def test_ParseIP(inp: str, out: IP | None) -> None:
    got = ParseIP(inp)
    assert got == out
    if out is not None:
        assert type(got) is IP and len(got) == IPv6len
    if inp == "":
        return  # TestMarshalEmptyIP
    ip, err = IP.UnmarshalText(inp.encode())
    assert ip == out
    assert (out is None) == (err is not None)
    if err is not None:
        assert sameErr(err, ParseError(Type="IP address", Text=inp))


def test_MarshalEmptyIP() -> None:
    for inp in (b"",):
        ip, err = IP.UnmarshalText(inp)
        assert err is None and ip is None
    got, err = IP().MarshalText()
    assert err is None and got == b""
    got, err = IP().AppendText(bytes(4))
    assert err is None and got == b"\x00\x00\x00\x00"


ipStringTests: list[tuple[IP, str, bytes, error | None]] = [
    # IPv4 address
    (IP([192, 0, 2, 1]), "192.0.2.1", b"192.0.2.1", None),
    (IP([0, 0, 0, 0]), "0.0.0.0", b"0.0.0.0", None),
    # IPv4-mapped IPv6 address
    (IP([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 192, 0, 2, 1]), "192.0.2.1", b"192.0.2.1", None),
    (IP([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0]), "0.0.0.0", b"0.0.0.0", None),
    # IPv6 address
    (IP([0x20, 0x1, 0xD, 0xB8, 0, 0, 0, 0, 0, 0, 0x1, 0x23, 0, 0x12, 0, 0x1]), "2001:db8::123:12:1", b"2001:db8::123:12:1", None),  # noqa: E501
    (IP([0x20, 0x1, 0xD, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1]), "2001:db8::1", b"2001:db8::1", None),  # noqa: E501
    (IP([0x20, 0x1, 0xD, 0xB8, 0, 0, 0, 0x1, 0, 0, 0, 0x1, 0, 0, 0, 0x1]), "2001:db8:0:1:0:1:0:1", b"2001:db8:0:1:0:1:0:1", None),  # noqa: E501
    (IP([0x20, 0x1, 0xD, 0xB8, 0, 0x1, 0, 0, 0, 0x1, 0, 0, 0, 0x1, 0, 0]), "2001:db8:1:0:1:0:1:0", b"2001:db8:1:0:1:0:1:0", None),  # noqa: E501
    (IP([0x20, 0x1, 0, 0, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0x1]), "2001::1:0:0:1", b"2001::1:0:0:1", None),  # noqa: E501
    (IP([0x20, 0x1, 0xD, 0xB8, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0]), "2001:db8:0:0:1::", b"2001:db8:0:0:1::", None),  # noqa: E501
    (IP([0x20, 0x1, 0xD, 0xB8, 0, 0, 0, 0, 0, 0x1, 0, 0, 0, 0, 0, 0x1]), "2001:db8::1:0:0:1", b"2001:db8::1:0:0:1", None),  # noqa: E501
    (IP([0x20, 0x1, 0xD, 0xB8, 0, 0, 0, 0, 0, 0xA, 0, 0xB, 0, 0xC, 0, 0xD]), "2001:db8::a:b:c:d", b"2001:db8::a:b:c:d", None),  # noqa: E501
    (IPv6unspecified, "::", b"::", None),
    # IP wildcard equivalent address in Dial/Listen API (Go's nil IP)
    (IP(), "<nil>", b"", None),
    # Opaque byte sequence
    (
        IP([0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF]),
        "?0123456789abcdef",
        b"",
        AddrError(Err="invalid IP address", Addr="0123456789abcdef"),
    ),
]


@pytest.mark.parametrize("inp,s,byt,err", ipStringTests)
def test_IPString(inp: IP, s: str, byt: bytes, err: error | None) -> None:
    assert inp.String() == s
    assert str(inp) == s
    out, e = inp.MarshalText()
    assert out == byt and sameErr(e, err)
    out, e = inp.AppendText(bytes(4))
    assert out[4:] == byt and sameErr(e, err)


ipMaskTests: list[tuple[IP, IPMask, IP]] = [
    (IPv4(192, 168, 1, 127), IPv4Mask(255, 255, 255, 128), IPv4(192, 168, 1, 0)),
    (IPv4(192, 168, 1, 127), IPMask(ParseIP("255.255.255.192") or b""), IPv4(192, 168, 1, 64)),
    (
        IPv4(192, 168, 1, 127),
        IPMask(ParseIP("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffe0") or b""),
        IPv4(192, 168, 1, 96),
    ),
    (IPv4(192, 168, 1, 127), IPv4Mask(255, 0, 255, 0), IPv4(192, 0, 1, 0)),
    (ParseIP("2001:db8::1") or IP(), IPMask(ParseIP("ffff:ff80::") or b""), ParseIP("2001:d80::") or IP()),  # noqa: E501
    (ParseIP("2001:db8::1") or IP(), IPMask(ParseIP("f0f0:0f0f::") or b""), ParseIP("2000:d08::") or IP()),  # noqa: E501
]


@pytest.mark.parametrize("inp,mask,out", ipMaskTests)
def test_IPMask(inp: IP, mask: IPMask, out: IP) -> None:
    got = inp.Mask(mask)
    assert got is not None and out.Equal(got)


ipMaskStringTests: list[tuple[IPMask, str]] = [
    (IPv4Mask(255, 255, 255, 240), "fffffff0"),
    (IPv4Mask(255, 0, 128, 0), "ff008000"),
    (IPMask(ParseIP("ffff:ff80::") or b""), "ffffff80000000000000000000000000"),
    (IPMask(ParseIP("ef00:ff80::cafe:0") or b""), "ef00ff800000000000000000cafe0000"),
    (IPMask(), "<nil>"),
]


@pytest.mark.parametrize("inp,out", ipMaskStringTests)
def test_IPMaskString(inp: IPMask, out: str) -> None:
    assert inp.String() == out


def _m(s: str) -> IPMask:
    ip = ParseIP(s)
    assert ip is not None
    return IPMask(ip)


def _ip(s: str) -> IP:
    ip = ParseIP(s)
    assert ip is not None
    return ip


def _cidrErr(s: str) -> ParseError:
    return ParseError(Type="CIDR address", Text=s)


parseCIDRTests: list[tuple[str, IP | None, IPNet | None, error | None]] = [
    ("135.104.0.0/32", IPv4(135, 104, 0, 0), IPNet(IP=IPv4(135, 104, 0, 0), Mask=IPv4Mask(255, 255, 255, 255)), None),  # noqa: E501
    ("0.0.0.0/24", IPv4(0, 0, 0, 0), IPNet(IP=IPv4(0, 0, 0, 0), Mask=IPv4Mask(255, 255, 255, 0)), None),  # noqa: E501
    ("135.104.0.0/24", IPv4(135, 104, 0, 0), IPNet(IP=IPv4(135, 104, 0, 0), Mask=IPv4Mask(255, 255, 255, 0)), None),  # noqa: E501
    ("135.104.0.1/32", IPv4(135, 104, 0, 1), IPNet(IP=IPv4(135, 104, 0, 1), Mask=IPv4Mask(255, 255, 255, 255)), None),  # noqa: E501
    ("135.104.0.1/24", IPv4(135, 104, 0, 1), IPNet(IP=IPv4(135, 104, 0, 0), Mask=IPv4Mask(255, 255, 255, 0)), None),  # noqa: E501
    ("::1/128", _ip("::1"), IPNet(IP=_ip("::1"), Mask=_m("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")), None),  # noqa: E501
    ("abcd:2345::/127", _ip("abcd:2345::"), IPNet(IP=_ip("abcd:2345::"), Mask=_m("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe")), None),  # noqa: E501
    ("abcd:2345::/65", _ip("abcd:2345::"), IPNet(IP=_ip("abcd:2345::"), Mask=_m("ffff:ffff:ffff:ffff:8000::")), None),  # noqa: E501
    ("abcd:2345::/64", _ip("abcd:2345::"), IPNet(IP=_ip("abcd:2345::"), Mask=_m("ffff:ffff:ffff:ffff::")), None),  # noqa: E501
    ("abcd:2345::/63", _ip("abcd:2345::"), IPNet(IP=_ip("abcd:2345::"), Mask=_m("ffff:ffff:ffff:fffe::")), None),  # noqa: E501
    ("abcd:2345::/33", _ip("abcd:2345::"), IPNet(IP=_ip("abcd:2345::"), Mask=_m("ffff:ffff:8000::")), None),  # noqa: E501
    ("abcd:2345::/32", _ip("abcd:2345::"), IPNet(IP=_ip("abcd:2345::"), Mask=_m("ffff:ffff::")), None),  # noqa: E501
    ("abcd:2344::/31", _ip("abcd:2344::"), IPNet(IP=_ip("abcd:2344::"), Mask=_m("ffff:fffe::")), None),  # noqa: E501
    ("abcd:2300::/24", _ip("abcd:2300::"), IPNet(IP=_ip("abcd:2300::"), Mask=_m("ffff:ff00::")), None),  # noqa: E501
    ("abcd:2345::/24", _ip("abcd:2345::"), IPNet(IP=_ip("abcd:2300::"), Mask=_m("ffff:ff00::")), None),  # noqa: E501
    ("2001:DB8::/48", _ip("2001:DB8::"), IPNet(IP=_ip("2001:DB8::"), Mask=_m("ffff:ffff:ffff::")), None),  # noqa: E501
    ("2001:DB8::1/48", _ip("2001:DB8::1"), IPNet(IP=_ip("2001:DB8::"), Mask=_m("ffff:ffff:ffff::")), None),  # noqa: E501
    ("192.168.1.1/255.255.255.0", None, None, _cidrErr("192.168.1.1/255.255.255.0")),
    ("192.168.1.1/35", None, None, _cidrErr("192.168.1.1/35")),
    ("2001:db8::1/-1", None, None, _cidrErr("2001:db8::1/-1")),
    ("2001:db8::1/-0", None, None, _cidrErr("2001:db8::1/-0")),
    ("-0.0.0.0/32", None, None, _cidrErr("-0.0.0.0/32")),
    ("0.-1.0.0/32", None, None, _cidrErr("0.-1.0.0/32")),
    ("0.0.-2.0/32", None, None, _cidrErr("0.0.-2.0/32")),
    ("0.0.0.-3/32", None, None, _cidrErr("0.0.0.-3/32")),
    ("0.0.0.0/-0", None, None, _cidrErr("0.0.0.0/-0")),
    ("127.000.000.001/32", None, None, _cidrErr("127.000.000.001/32")),
    ("", None, None, _cidrErr("")),
]


@pytest.mark.parametrize("inp,ip,ipnet,err", parseCIDRTests)
def test_ParseCIDR(inp: str, ip: IP | None, ipnet: IPNet | None, err: error | None) -> None:
    gip, gnet, gerr = ParseCIDR(inp)
    assert sameErr(gerr, err)
    if gerr is None:
        assert ip is not None and ipnet is not None and gnet is not None
        assert ip.Equal(gip)
        assert ipnet.IP is not None and ipnet.IP.Equal(gnet.IP)
        assert gnet.Mask == ipnet.Mask
    else:
        assert gip is None and gnet is None
        assert gerr.Error() == "invalid CIDR address: " + inp


ipNetContainsTests: list[tuple[IP, IPNet, bool]] = [
    (IPv4(172, 16, 1, 1), IPNet(IP=IPv4(172, 16, 0, 0), Mask=CIDRMask(12, 32)), True),
    (IPv4(172, 24, 0, 1), IPNet(IP=IPv4(172, 16, 0, 0), Mask=CIDRMask(13, 32)), False),
    (IPv4(192, 168, 0, 3), IPNet(IP=IPv4(192, 168, 0, 0), Mask=IPv4Mask(0, 0, 255, 252)), True),
    (IPv4(192, 168, 0, 4), IPNet(IP=IPv4(192, 168, 0, 0), Mask=IPv4Mask(0, 255, 0, 252)), False),
    (_ip("2001:db8:1:2::1"), IPNet(IP=_ip("2001:db8:1::"), Mask=CIDRMask(47, 128)), True),
    (_ip("2001:db8:1:2::1"), IPNet(IP=_ip("2001:db8:2::"), Mask=CIDRMask(47, 128)), False),
    (_ip("2001:db8:1:2::1"), IPNet(IP=_ip("2001:db8:1::"), Mask=_m("ffff:0:ffff::")), True),
    (_ip("2001:db8:1:2::1"), IPNet(IP=_ip("2001:db8:1::"), Mask=_m("0:0:0:ffff::")), False),
]


@pytest.mark.parametrize("ip,ipnet,ok", ipNetContainsTests)
def test_IPNetContains(ip: IP, ipnet: IPNet, ok: bool) -> None:
    assert ipnet.Contains(ip) == ok


ipNetStringTests: list[tuple[IPNet, str]] = [
    (IPNet(IP=IPv4(192, 168, 1, 0), Mask=CIDRMask(26, 32)), "192.168.1.0/26"),
    (IPNet(IP=IPv4(192, 168, 1, 0), Mask=IPv4Mask(255, 0, 255, 0)), "192.168.1.0/ff00ff00"),
    (IPNet(IP=_ip("2001:db8::"), Mask=CIDRMask(55, 128)), "2001:db8::/55"),
    (
        IPNet(IP=_ip("2001:db8::"), Mask=_m("8000:f123:0:cafe::")),
        "2001:db8::/8000f1230000cafe0000000000000000",
    ),
    (IPNet(), "<nil>"),  # Go: a nil *IPNet
]


@pytest.mark.parametrize("inp,out", ipNetStringTests)
def test_IPNetString(inp: IPNet, out: str) -> None:
    assert inp.String() == out
    assert str(inp) == out


cidrMaskTests: list[tuple[int, int, IPMask | None]] = [
    (0, 32, IPv4Mask(0, 0, 0, 0)),
    (12, 32, IPv4Mask(255, 240, 0, 0)),
    (24, 32, IPv4Mask(255, 255, 255, 0)),
    (32, 32, IPv4Mask(255, 255, 255, 255)),
    (0, 128, IPMask([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    (4, 128, IPMask([0xF0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    (48, 128, IPMask([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    (128, 128, IPMask([0xFF] * 16)),
    (33, 32, None),
    (32, 33, None),
    (-1, 128, None),
    (128, -1, None),
]


@pytest.mark.parametrize("ones,bits,out", cidrMaskTests)
def test_CIDRMask(ones: int, bits: int, out: IPMask | None) -> None:
    got = CIDRMask(ones, bits)
    assert got == out
    if out is not None:
        assert type(got) is IPMask


v4addr = IP([192, 168, 0, 1])
v4mappedv6addr = IP([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 192, 168, 0, 1])
v6addr = IP([0x20, 0x1, 0xD, 0xB8, 0, 0, 0, 0, 0, 0, 0x1, 0x23, 0, 0x12, 0, 0x1])
v4mask = IPMask([255, 255, 255, 0])
v4mappedv6mask = IPMask([0xFF] * 12 + [255, 255, 255, 0])
v6mask = IPMask([0xFF] * 8 + [0] * 8)
badaddr = IP([192, 168, 0])
badmask = IPMask([255, 255, 0])
v4maskzero = IPMask([0, 0, 0, 0])

networkNumberAndMaskTests: list[tuple[IPNet, IPNet]] = [
    (IPNet(IP=v4addr, Mask=v4mask), IPNet(IP=v4addr, Mask=v4mask)),
    (IPNet(IP=v4addr, Mask=v4mappedv6mask), IPNet(IP=v4addr, Mask=v4mask)),
    (IPNet(IP=v4mappedv6addr, Mask=v4mappedv6mask), IPNet(IP=v4addr, Mask=v4mask)),
    (IPNet(IP=v4mappedv6addr, Mask=v6mask), IPNet(IP=v4addr, Mask=v4maskzero)),
    (IPNet(IP=v4addr, Mask=v6mask), IPNet(IP=v4addr, Mask=v4maskzero)),
    (IPNet(IP=v6addr, Mask=v6mask), IPNet(IP=v6addr, Mask=v6mask)),
    (IPNet(IP=v6addr, Mask=v4mappedv6mask), IPNet(IP=v6addr, Mask=v4mappedv6mask)),
    (IPNet(IP=v6addr, Mask=v4mask), IPNet()),
    (IPNet(IP=v4addr, Mask=badmask), IPNet()),
    (IPNet(IP=v4mappedv6addr, Mask=badmask), IPNet()),
    (IPNet(IP=v6addr, Mask=badmask), IPNet()),
    (IPNet(IP=badaddr, Mask=v4mask), IPNet()),
    (IPNet(IP=badaddr, Mask=v4mappedv6mask), IPNet()),
    (IPNet(IP=badaddr, Mask=v6mask), IPNet()),
    (IPNet(IP=badaddr, Mask=badmask), IPNet()),
]


@pytest.mark.parametrize("inp,out", networkNumberAndMaskTests)
def test_NetworkNumberAndMask(inp: IPNet, out: IPNet) -> None:
    ip, m = networkNumberAndMask(inp)
    assert IPNet(IP=ip, Mask=m) == out


ipAddrFamilyTests: list[tuple[IP, bool, bool]] = [
    (IPv4bcast, True, False),
    (IPv4allsys, True, False),
    (IPv4allrouter, True, False),
    (IPv4zero, True, False),
    (IPv4(224, 0, 0, 1), True, False),
    (IPv4(127, 0, 0, 1), True, False),
    (IPv4(240, 0, 0, 1), True, False),
    (IPv6unspecified, False, True),
    (IPv6loopback, False, True),
    (IPv6interfacelocalallnodes, False, True),
    (IPv6linklocalallnodes, False, True),
    (IPv6linklocalallrouters, False, True),
    (_ip("ff05::a:b:c:d"), False, True),
    (_ip("fe80::1:2:3:4"), False, True),
    (_ip("2001:db8::123:12:1"), False, True),
]


@pytest.mark.parametrize("inp,af4,af6", ipAddrFamilyTests)
def test_IPAddrFamily(inp: IP, af4: bool, af6: bool) -> None:
    assert (inp.To4() is not None) == af4
    assert (len(inp) == IPv6len and inp.To4() is None) == af6


_nil = IP()  # Go's nil IP as a method receiver

ipAddrScopeTests: list[tuple[Callable[[IP], bool], IP, bool]] = [
    (IP.IsUnspecified, IPv4zero, True),
    (IP.IsUnspecified, IPv4(127, 0, 0, 1), False),
    (IP.IsUnspecified, IPv6unspecified, True),
    (IP.IsUnspecified, IPv6interfacelocalallnodes, False),
    (IP.IsUnspecified, _nil, False),
    (IP.IsLoopback, IPv4(127, 0, 0, 1), True),
    (IP.IsLoopback, IPv4(127, 255, 255, 254), True),
    (IP.IsLoopback, IPv4(128, 1, 2, 3), False),
    (IP.IsLoopback, IPv6loopback, True),
    (IP.IsLoopback, IPv6linklocalallrouters, False),
    (IP.IsLoopback, _nil, False),
    (IP.IsMulticast, IPv4(224, 0, 0, 0), True),
    (IP.IsMulticast, IPv4(239, 0, 0, 0), True),
    (IP.IsMulticast, IPv4(240, 0, 0, 0), False),
    (IP.IsMulticast, IPv6linklocalallnodes, True),
    (IP.IsMulticast, IP([0xFF, 0x05] + [0] * 14), True),
    (IP.IsMulticast, IP([0xFE, 0x80] + [0] * 14), False),
    (IP.IsMulticast, _nil, False),
    (IP.IsInterfaceLocalMulticast, IPv4(224, 0, 0, 0), False),
    (IP.IsInterfaceLocalMulticast, IPv4(0xFF, 0x01, 0, 0), False),
    (IP.IsInterfaceLocalMulticast, IPv6interfacelocalallnodes, True),
    (IP.IsInterfaceLocalMulticast, _nil, False),
    (IP.IsLinkLocalMulticast, IPv4(224, 0, 0, 0), True),
    (IP.IsLinkLocalMulticast, IPv4(239, 0, 0, 0), False),
    (IP.IsLinkLocalMulticast, IPv4(0xFF, 0x02, 0, 0), False),
    (IP.IsLinkLocalMulticast, IPv6linklocalallrouters, True),
    (IP.IsLinkLocalMulticast, IP([0xFF, 0x05] + [0] * 14), False),
    (IP.IsLinkLocalMulticast, _nil, False),
    (IP.IsLinkLocalUnicast, IPv4(169, 254, 0, 0), True),
    (IP.IsLinkLocalUnicast, IPv4(169, 255, 0, 0), False),
    (IP.IsLinkLocalUnicast, IPv4(0xFE, 0x80, 0, 0), False),
    (IP.IsLinkLocalUnicast, IP([0xFE, 0x80] + [0] * 14), True),
    (IP.IsLinkLocalUnicast, IP([0xFE, 0xC0] + [0] * 14), False),
    (IP.IsLinkLocalUnicast, _nil, False),
    (IP.IsGlobalUnicast, IPv4(240, 0, 0, 0), True),
    (IP.IsGlobalUnicast, IPv4(232, 0, 0, 0), False),
    (IP.IsGlobalUnicast, IPv4(169, 254, 0, 0), False),
    (IP.IsGlobalUnicast, IPv4bcast, False),
    (IP.IsGlobalUnicast, IP([0x20, 0x1, 0xD, 0xB8, 0, 0, 0, 0, 0, 0, 0x1, 0x23, 0, 0x12, 0, 0x1]), True),  # noqa: E501
    (IP.IsGlobalUnicast, IP([0xFE, 0x80] + [0] * 14), False),
    (IP.IsGlobalUnicast, IP([0xFF, 0x05] + [0] * 14), False),
    (IP.IsGlobalUnicast, _nil, False),
    (IP.IsPrivate, _nil, False),
    (IP.IsPrivate, IPv4(1, 1, 1, 1), False),
    (IP.IsPrivate, IPv4(9, 255, 255, 255), False),
    (IP.IsPrivate, IPv4(10, 0, 0, 0), True),
    (IP.IsPrivate, IPv4(10, 255, 255, 255), True),
    (IP.IsPrivate, IPv4(11, 0, 0, 0), False),
    (IP.IsPrivate, IPv4(172, 15, 255, 255), False),
    (IP.IsPrivate, IPv4(172, 16, 0, 0), True),
    (IP.IsPrivate, IPv4(172, 16, 255, 255), True),
    (IP.IsPrivate, IPv4(172, 23, 18, 255), True),
    (IP.IsPrivate, IPv4(172, 31, 255, 255), True),
    (IP.IsPrivate, IPv4(172, 31, 0, 0), True),
    (IP.IsPrivate, IPv4(172, 32, 0, 0), False),
    (IP.IsPrivate, IPv4(192, 167, 255, 255), False),
    (IP.IsPrivate, IPv4(192, 168, 0, 0), True),
    (IP.IsPrivate, IPv4(192, 168, 255, 255), True),
    (IP.IsPrivate, IPv4(192, 169, 0, 0), False),
    (IP.IsPrivate, IP([0xFB] + [0xFF] * 15), False),
    (IP.IsPrivate, IP([0xFC] + [0] * 15), True),
    (IP.IsPrivate, IP([0xFC, 0xFF, 0x12, 0, 0, 0, 0, 0x44, 0, 0, 0, 0, 0, 0, 0, 0]), True),
    (IP.IsPrivate, IP([0xFD] + [0xFF] * 15), True),
    (IP.IsPrivate, IP([0xFE] + [0] * 15), False),
]


@pytest.mark.parametrize("scope,inp,ok", ipAddrScopeTests)
def test_IPAddrScope(scope: Callable[[IP], bool], inp: IP, ok: bool) -> None:
    assert scope(inp) == ok
    ip = inp.To4()
    if ip is None:
        return
    assert scope(ip) == ok


# --- the Python surface -------------------------------------------------------


def test_IP_is_bytes_and_immutable() -> None:
    ip = IPv4(127, 0, 0, 1)
    assert isinstance(ip, bytes) and len(ip) == IPv6len
    assert ip[12] == 127
    assert type(ip[12:]) is IP and ip[12:] == b"\x7f\x00\x00\x01"
    assert ip.To4() == IP([127, 0, 0, 1]) and len(ip.To4() or b"") == IPv4len
    assert {ip: 1}[IPv4(127, 0, 0, 1)] == 1
    with pytest.raises(TypeError):
        ip[0] = 1  # type: ignore[index]
    assert not IP() and IP().String() == "<nil>"


def test_IP_constructor_types() -> None:
    with pytest.raises(TypeError):
        IP("127.0.0.1")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        IP(4)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        IPMask("ffff")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ParseIP(b"1.2.3.4")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ParseCIDR(None)  # type: ignore[arg-type]


def test_Equal_forms() -> None:
    assert IP([10, 0, 0, 1]).Equal(IPv4(10, 0, 0, 1))
    assert IPv4(10, 0, 0, 1).Equal(IP([10, 0, 0, 1]))
    assert not IPv4(10, 0, 0, 1).Equal(None)
    assert IP([10, 0, 0, 1]) != IPv4(10, 0, 0, 1)  # DeepEqual differs, as in Go


def test_DefaultMask_and_To16() -> None:
    assert IPv4(10, 1, 2, 3).DefaultMask() == IPv4Mask(255, 0, 0, 0)
    assert IPv4(172, 16, 0, 1).DefaultMask() == IPv4Mask(255, 255, 0, 0)
    assert IPv4(192, 168, 0, 1).DefaultMask() == IPv4Mask(255, 255, 255, 0)
    assert IPv6loopback.DefaultMask() is None
    assert IP([1, 2, 3, 4]).To16() == IPv4(1, 2, 3, 4)
    assert IP([1, 2, 3]).To16() is None
    assert IPv4Mask(255, 255, 255, 0).Size() == (24, 32)
    assert IPv4Mask(255, 0, 255, 0).Size() == (0, 0)


def test_dtoi() -> None:
    assert dtoi("123abc") == (123, 3, True)
    assert dtoi("") == (0, 0, False)
    assert dtoi("x1") == (0, 0, False)
    assert dtoi("99999999") == (0xFFFFFF, 7, False)


def test_exported() -> None:
    for name in ("IP", "IPMask", "IPNet", "ParseIP", "ParseCIDR", "IPv4", "CIDRMask"):
        assert name in net.__all__
    assert sorted(net.__all__) == net.__all__
