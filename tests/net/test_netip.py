"""Tests for net/netip.py, ported from Go's net/netip tests (go1.27.0).

In Go's order: netip_test.go (TestParseAddr through TestAsSlice), then
netip_pkg_test.go (TestPrefixValid through TestIPv6Accessor), then
uint128_test.go's mask tables (through ``mask6``, the one uint128 helper
kept), then fuzz_test.go's corpus and invariants, run on the corpus and on
hypothesis-drawn strings. Tables are ported row for row.

Adaptations. Go's ``json.Marshal``/``json.Unmarshal`` round trips go
through ``MarshalText``/``UnmarshalText``, which is all encoding/json calls.
Pointer-receiver unmarshalers return ``(value, err)`` (module doc of
net/netip.py). ``reflect.DeepEqual`` is ``==``. Go's ``MkAddr``, ``Mk128``,
``Z4``, ``Z6noz`` and ``MakeAddrDetail`` (export_test.go) are built from the
module's fields below. The invalid rows of TestParseAddr, TestParseIPError,
TestParsePrefixError and TestParseAddrPort also check the whole error text,
where Go checks only that there is an error or a substring: those texts
come from running Go's own netip.go on each row. Left out: the allocation
tests (TestParsePrefixAllocs, TestNoAllocs, TestAddrStringAllocs), the
benchmarks, TestUint128AddSub (uint128's add and subtract are int ``+ 1``
and ``- 1`` here), and the slow reference parser of slow_test.go (the
hypothesis tests compare with net.ParseIP and Python's ipaddress instead).

After the Go ports: properties checked with hypothesis (String/ParseAddr
round trips, Compare against the 16-byte form, agreement with Python's
``ipaddress`` for addresses without zones), and the Python surface (types,
immutability, hashing, repr, ordering operators, panics).
"""

from __future__ import annotations

import dataclasses
import functools
import ipaddress
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import net
from net import netip
from net.netip import (
    Addr,
    AddrFrom4,
    AddrFrom16,
    AddrFromSlice,
    AddrPort,
    AddrPortFrom,
    IPv4Unspecified,
    IPv6LinkLocalAllNodes,
    IPv6LinkLocalAllRouters,
    IPv6Loopback,
    IPv6Unspecified,
    MustParseAddr,
    MustParseAddrPort,
    MustParsePrefix,
    ParseAddr,
    ParseAddrPort,
    ParsePrefix,
    Prefix,
    PrefixFrom,
    addrDetail,
    mask6,
    parseAddrError,
    parsePrefixError,
)
from rt.panic import Panic
from std import errors

mustPrefix = MustParsePrefix
mustIP = MustParseAddr
mustIPPort = MustParseAddrPort

# export_test.go
Z0 = netip.z0
Z4 = netip.z4
Z6noz = netip.z6noz
MakeAddrDetail = addrDetail
_ones64 = (1 << 64) - 1
_ones128 = (1 << 128) - 1


def Mk128(hi: int, lo: int) -> int:
    """export_test.go: Mk128. The uint128 {hi, lo} as one int."""
    return hi << 64 | lo


def MkAddr(u: int, z: addrDetail | None) -> Addr:
    """export_test.go: MkAddr. An Addr from its two fields."""
    return Addr(addr=u, z=z)


def IPv4(a: int, b: int, c: int, d: int) -> Addr:
    """export_test.go: IPv4."""
    return AddrFrom4(bytes((a, b, c, d)))


def mustIPs(*strs: str) -> list[Addr]:
    return [mustIP(s) for s in strs]


def _testAppendToMarshal(x: Addr | AddrPort | Prefix) -> None:
    """netip_pkg_test.go: testAppendToMarshal. AppendTo and MarshalText agree."""
    m, err = x.MarshalText()
    assert err is None
    assert x.AppendTo(b"") == m
    assert x.AppendTo(b"ab") == b"ab" + m


# --- netip_test.go ------------------------------------------------------------

# (in, ip, str, wantErr); str "" means in.
validIPs: list[tuple[str, Addr | None, str, str]] = [
    # Basic zero IPv4 address.
    ("0.0.0.0", MkAddr(Mk128(0, 0xFFFF00000000), Z4), "", ""),
    # Basic non-zero IPv4 address.
    ("192.168.140.255", MkAddr(Mk128(0, 0xFFFFC0A88CFF), Z4), "", ""),
    # IPv4 address in windows-style "print all the digits" form.
    ("010.000.015.001", None, "", 'ParseAddr("010.000.015.001"): IPv4 field has octet with leading zero'),  # noqa: E501
    # IPv4 address with a silly amount of leading zeros.
    ("000001.00000002.00000003.000000004", None, "", 'ParseAddr("000001.00000002.00000003.000000004"): IPv4 field has octet with leading zero'),  # noqa: E501
    # 4-in-6 with octet with leading zero
    ("::ffff:1.2.03.4", None, "", 'ParseAddr("::ffff:1.2.03.4"): IPv4 field has octet with leading zero'),  # noqa: E501
    # 4-in-6 with octet with unexpected character
    ("::ffff:1.2.3.z", None, "", 'ParseAddr("::ffff:1.2.3.z"): unexpected character (at "z")'),
    # Basic zero IPv6 address.
    ("::", MkAddr(Mk128(0, 0), Z6noz), "", ""),
    # Localhost IPv6.
    ("::1", MkAddr(Mk128(0, 1), Z6noz), "", ""),
    # Fully expanded IPv6 address.
    ("fd7a:115c:a1e0:ab12:4843:cd96:626b:430b", MkAddr(Mk128(0xFD7A115CA1E0AB12, 0x4843CD96626B430B), Z6noz), "", ""),  # noqa: E501
    # IPv6 with elided fields in the middle.
    ("fd7a:115c::626b:430b", MkAddr(Mk128(0xFD7A115C00000000, 0x00000000626B430B), Z6noz), "", ""),  # noqa: E501
    # IPv6 with elided fields at the end.
    ("fd7a:115c:a1e0:ab12:4843:cd96::", MkAddr(Mk128(0xFD7A115CA1E0AB12, 0x4843CD9600000000), Z6noz), "", ""),  # noqa: E501
    # IPv6 with single elided field at the end.
    ("fd7a:115c:a1e0:ab12:4843:cd96:626b::", MkAddr(Mk128(0xFD7A115CA1E0AB12, 0x4843CD96626B0000), Z6noz), "fd7a:115c:a1e0:ab12:4843:cd96:626b:0", ""),  # noqa: E501
    # IPv6 with single elided field in the middle.
    ("fd7a:115c:a1e0::4843:cd96:626b:430b", MkAddr(Mk128(0xFD7A115CA1E00000, 0x4843CD96626B430B), Z6noz), "fd7a:115c:a1e0:0:4843:cd96:626b:430b", ""),  # noqa: E501
    # IPv6 with the trailing 32 bits written as IPv4 dotted decimal. (4in6)
    ("::ffff:192.168.140.255", MkAddr(Mk128(0, 0x0000FFFFC0A88CFF), Z6noz), "::ffff:192.168.140.255", ""),  # noqa: E501
    # IPv6 with a zone specifier.
    ("fd7a:115c:a1e0:ab12:4843:cd96:626b:430b%eth0", MkAddr(Mk128(0xFD7A115CA1E0AB12, 0x4843CD96626B430B), MakeAddrDetail(True, "eth0")), "", ""),  # noqa: E501
    # IPv6 with dotted decimal and zone specifier.
    ("1:2::ffff:192.168.140.255%eth1", MkAddr(Mk128(0x0001000200000000, 0x0000FFFFC0A88CFF), MakeAddrDetail(True, "eth1")), "1:2::ffff:c0a8:8cff%eth1", ""),  # noqa: E501
    # 4-in-6 with zone
    ("::ffff:192.168.140.255%eth1", MkAddr(Mk128(0, 0x0000FFFFC0A88CFF), MakeAddrDetail(True, "eth1")), "::ffff:192.168.140.255%eth1", ""),  # noqa: E501
    # IPv6 with capital letters.
    ("FD9E:1A04:F01D::1", MkAddr(Mk128(0xFD9E1A04F01D0000, 0x1), Z6noz), "fd9e:1a04:f01d::1", ""),
]


@pytest.mark.parametrize("inp,ip,str_,wantErr", validIPs)
def test_ParseAddr_valid(inp: str, ip: Addr | None, str_: str, wantErr: str) -> None:
    got, err = ParseAddr(inp)
    if err is not None:
        assert err.Error() == wantErr
        assert got == Addr()
        return
    assert wantErr == ""
    assert got == ip

    # ParseAddr is a pure function.
    got2, err = ParseAddr(inp)
    assert err is None and got2 == got

    # ParseAddr(ip.String()) is the identity.
    s = got.String()
    got3, err = ParseAddr(s)
    assert err is None and got3 == got

    # The parsed IP formats as expected.
    wants = str_ or inp
    assert s == wants

    _testAppendToMarshal(got)

    # MarshalText/UnmarshalText behave like ParseAddr/String (Go: through JSON).
    jsgot, err = Addr.UnmarshalText(inp.encode())
    assert err is None and jsgot == got
    jsb, err = jsgot.MarshalText()
    assert err is None and jsb == wants.encode()


# Go's invalidIPs, each with the text Go's ParseAddr gives for it.
invalidIPs: list[tuple[str, str]] = [
    # Empty string
    ("", 'ParseAddr(""): unable to parse IP'),
    # Garbage non-IP
    ("bad", 'ParseAddr("bad"): unable to parse IP'),
    # Single number. Some parsers accept this as an IPv4 address in
    # big-endian uint32 form, but we don't.
    ("1234", 'ParseAddr("1234"): unable to parse IP'),
    # IPv4 with a zone specifier
    ("1.2.3.4%eth0", 'ParseAddr("1.2.3.4%eth0"): unexpected character (at "%eth0")'),
    # IPv4 field must have at least one digit
    (".1.2.3", 'ParseAddr(".1.2.3"): IPv4 field must have at least one digit (at ".1.2.3")'),
    ("1.2.3.", 'ParseAddr("1.2.3."): IPv4 field must have at least one digit (at ".")'),
    ("1..2.3", 'ParseAddr("1..2.3"): IPv4 field must have at least one digit (at ".2.3")'),
    # IPv4 address too long
    ("1.2.3.4.5", 'ParseAddr("1.2.3.4.5"): IPv4 address too long'),
    # IPv4 in dotted octal form
    ("0300.0250.0214.0377", 'ParseAddr("0300.0250.0214.0377"): IPv4 field has octet with leading zero'),  # noqa: E501
    # IPv4 in dotted hex form
    ("0xc0.0xa8.0x8c.0xff", 'ParseAddr("0xc0.0xa8.0x8c.0xff"): unexpected character (at "xc0.0xa8.0x8c.0xff")'),  # noqa: E501
    # IPv4 in class B form
    ("192.168.12345", 'ParseAddr("192.168.12345"): IPv4 field has value >255'),
    # IPv4 in class B form, with a small enough number to be
    # parseable as a regular dotted decimal field.
    ("127.0.1", 'ParseAddr("127.0.1"): IPv4 address too short'),
    # IPv4 in class A form
    ("192.1234567", 'ParseAddr("192.1234567"): IPv4 field has value >255'),
    # IPv4 in class A form, with a small enough number to be
    # parseable as a regular dotted decimal field.
    ("127.1", 'ParseAddr("127.1"): IPv4 address too short'),
    # IPv4 field has value >255
    ("192.168.300.1", 'ParseAddr("192.168.300.1"): IPv4 field has value >255'),
    # IPv4 with too many fields
    ("192.168.0.1.5.6", 'ParseAddr("192.168.0.1.5.6"): IPv4 address too long'),
    # IPv6 with not enough fields
    ("1:2:3:4:5:6:7", 'ParseAddr("1:2:3:4:5:6:7"): address string too short'),
    # IPv6 with too many fields
    ("1:2:3:4:5:6:7:8:9", 'ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address (at "9")'),  # noqa: E501
    # IPv6 with 8 fields and a :: expander
    ("1:2:3:4::5:6:7:8", 'ParseAddr("1:2:3:4::5:6:7:8"): the :: must expand to at least one field of zeros'),  # noqa: E501
    # IPv6 with a field bigger than 2b
    ("fe801::1", 'ParseAddr("fe801::1"): each group must have 4 or less digits (at "fe801::1")'),
    # IPv6 with non-hex values in field
    ("fe80:tail:scal:e::", 'ParseAddr("fe80:tail:scal:e::"): each colon-separated field must have at least one digit (at "tail:scal:e::")'),  # noqa: E501
    # IPv6 with a zone delimiter but no zone.
    ("fe80::1%", 'ParseAddr("fe80::1%"): zone must be a non-empty string'),
    # IPv6 (without ellipsis) with too many fields for trailing embedded IPv4.
    ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255", 'ParseAddr("ffff:ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255"): embedded IPv4 address must replace the final 2 fields of the address (at "192.168.140.255")'),  # noqa: E501
    # IPv6 (with ellipsis) with too many fields for trailing embedded IPv4.
    ("ffff::ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255", 'ParseAddr("ffff::ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255"): too many hex fields to fit an embedded IPv4 at the end of the address (at "192.168.140.255")'),  # noqa: E501
    # IPv6 with invalid embedded IPv4.
    ("::ffff:192.168.140.bad", 'ParseAddr("::ffff:192.168.140.bad"): unexpected character (at "bad")'),  # noqa: E501
    # IPv6 with multiple ellipsis ::.
    ("fe80::1::1", 'ParseAddr("fe80::1::1"): multiple :: in address (at ":1")'),
    # IPv6 with invalid non hex/colon character.
    ("fe80:1?:1", 'ParseAddr("fe80:1?:1"): unexpected character, want colon (at "?:1")'),
    # IPv6 with truncated bytes after single colon.
    ("fe80:", 'ParseAddr("fe80:"): colon must be followed by more characters (at ":")'),
    # IPv6 with 5 zeros in last group
    ("0:0:0:0:0:ffff:0:00000", 'ParseAddr("0:0:0:0:0:ffff:0:00000"): each group must have 4 or less digits (at "00000")'),  # noqa: E501
    # IPv6 with 5 zeros in one group and embedded IPv4
    ("0:0:0:0:00000:ffff:127.1.2.3", 'ParseAddr("0:0:0:0:00000:ffff:127.1.2.3"): each group must have 4 or less digits (at "00000:ffff:127.1.2.3")'),  # noqa: E501
]


@pytest.mark.parametrize("s,text", invalidIPs)
def test_ParseAddr_invalid(s: str, text: str) -> None:
    got, err = ParseAddr(s)
    assert err is not None, got
    assert got == Addr()
    assert err.Error() == text
    assert str(err) == text
    assert isinstance(err, parseAddrError)

    assert net.ParseIP(s) is None

    if s == "":
        return  # unmarshaling "" is TestAddrMarshalUnmarshal's
    jsgot, err = Addr.UnmarshalText(s.encode())
    assert err is not None and err.Error() == text
    assert jsgot == Addr()


AddrFromSliceTests: list[tuple[bytes | None, Addr, bool]] = [
    (bytes((10, 0, 0, 1)), mustIP("10.0.0.1"), True),
    (bytes((0xFE, 0x80)) + bytes(13) + b"\x01", mustIP("fe80::01"), True),
    (bytes((0, 1, 2)), Addr(), False),
    (None, Addr(), False),
]


@pytest.mark.parametrize("ip,wantAddr,wantOK", AddrFromSliceTests)
def test_AddrFromSlice(ip: bytes | None, wantAddr: Addr, wantOK: bool) -> None:
    addr, ok = AddrFromSlice(ip)
    assert ok == wantOK and addr == wantAddr


def test_AddrFromSlice_netIP() -> None:
    # A net.IP goes in directly; the 16-byte form of an IPv4 net.IP is IPv4-mapped.
    addr, ok = AddrFromSlice(net.IPv4(10, 0, 0, 1))
    assert ok and addr == mustIP("::ffff:10.0.0.1") and addr.Unmap() == mustIP("10.0.0.1")
    to4 = net.IPv4(10, 0, 0, 1).To4()
    assert to4 is not None
    assert AddrFromSlice(to4) == (mustIP("10.0.0.1"), True)


def test_IPv4Constructors() -> None:
    assert AddrFrom4(bytes((1, 2, 3, 4))) == MustParseAddr("1.2.3.4")
    assert AddrFrom4([1, 2, 3, 4]) == MustParseAddr("1.2.3.4")


AddrAppendTextTests: list[tuple[Addr, str]] = [
    (Addr(), ""),  # zero IP
    (mustIP("1.2.3.4"), "1.2.3.4"),
    (mustIP("fd7a:115c:a1e0:ab12:4843:cd96:626b:430b"), "fd7a:115c:a1e0:ab12:4843:cd96:626b:430b"),
    (mustIP("::ffff:192.168.140.255"), "::ffff:192.168.140.255"),
    (mustIP("::ffff:192.168.140.255%en0"), "::ffff:192.168.140.255%en0"),
]


@pytest.mark.parametrize("ip,want", AddrAppendTextTests)
def test_AddrAppendText(ip: Addr, want: str) -> None:
    mtAppend, err = ip.AppendText(bytes(4))
    assert err is None
    assert mtAppend[:4] == bytes(4) and mtAppend[4:] == want.encode()


AddrMarshalUnmarshalBinaryTests: list[tuple[str, int]] = [
    ("", 0),  # zero IP
    ("1.2.3.4", 4),
    ("fd7a:115c:a1e0:ab12:4843:cd96:626b:430b", 16),
    ("::ffff:c000:0280", 16),
    ("::ffff:c000:0280%eth0", 20),
]


@pytest.mark.parametrize("s,wantSize", AddrMarshalUnmarshalBinaryTests)
def test_AddrMarshalUnmarshalBinary(s: str, wantSize: int) -> None:
    ip = mustIP(s) if s else Addr()
    b, err = ip.MarshalBinary()
    assert err is None and len(b) == wantSize
    ip2, err = Addr.UnmarshalBinary(b)
    assert err is None and ip2 == ip

    bAppend, err = ip.AppendBinary(bytes(4))
    assert err is None
    bAppend = bAppend[4:]
    assert len(bAppend) == wantSize
    ip3, err = Addr.UnmarshalBinary(bAppend)
    assert err is None and ip3 == ip


@pytest.mark.parametrize("n", [3, 5])
def test_AddrMarshalUnmarshalBinary_badLength(n: int) -> None:
    # Cannot unmarshal from unexpected IP length.
    ip, err = Addr.UnmarshalBinary(b"\x01" * n)
    assert err is not None and err.Error() == "unexpected slice size"
    assert ip == Addr()


AddrPortMarshalTextStringTests: list[tuple[AddrPort, str]] = [
    (mustIPPort("1.2.3.4:80"), "1.2.3.4:80"),
    (mustIPPort("[::]:80"), "[::]:80"),
    (mustIPPort("[1::CAFE]:80"), "[1::cafe]:80"),
    (mustIPPort("[1::CAFE%en0]:80"), "[1::cafe%en0]:80"),
    (mustIPPort("[::FFFF:192.168.140.255]:80"), "[::ffff:192.168.140.255]:80"),
    (mustIPPort("[::FFFF:192.168.140.255%en0]:80"), "[::ffff:192.168.140.255%en0]:80"),
]


@pytest.mark.parametrize("inp,want", AddrPortMarshalTextStringTests)
def test_AddrPortMarshalTextString(inp: AddrPort, want: str) -> None:
    assert inp.String() == want
    mt, err = inp.MarshalText()
    assert err is None and mt == want.encode()
    mtAppend, err = inp.AppendText(bytes(4))
    assert err is None and mtAppend[4:] == want.encode()


AddrPortMarshalUnmarshalBinaryTests: list[tuple[str, int]] = [
    ("1.2.3.4:51820", 4 + 2),
    ("[fd7a:115c:a1e0:ab12:4843:cd96:626b:430b]:80", 16 + 2),
    ("[::ffff:c000:0280]:65535", 16 + 2),
    ("[::ffff:c000:0280%eth0]:1", 20 + 2),
]


@pytest.mark.parametrize("s,wantSize", AddrPortMarshalUnmarshalBinaryTests)
def test_AddrPortMarshalUnmarshalBinary(s: str, wantSize: int) -> None:
    ipport = mustIPPort(s) if s else AddrPort()
    b, err = ipport.MarshalBinary()
    assert err is None and len(b) == wantSize
    ipport2, err = AddrPort.UnmarshalBinary(b)
    assert err is None and ipport2 == ipport

    bAppend, err = ipport.AppendBinary(bytes(4))
    assert err is None
    bAppend = bAppend[4:]
    assert len(bAppend) == wantSize
    ipport3, err = AddrPort.UnmarshalBinary(bAppend)
    assert err is None and ipport3 == ipport


@pytest.mark.parametrize("n", [3, 7])
def test_AddrPortMarshalUnmarshalBinary_badLength(n: int) -> None:
    # Cannot unmarshal from unexpected lengths.
    ipport, err = AddrPort.UnmarshalBinary(b"\x01" * n)
    assert err is not None and err.Error() == "unexpected slice size"
    assert ipport == AddrPort()


PrefixMarshalTextStringTests: list[tuple[Prefix, str]] = [
    (mustPrefix("1.2.3.4/24"), "1.2.3.4/24"),
    (mustPrefix("fd7a:115c:a1e0:ab12:4843:cd96:626b:430b/118"), "fd7a:115c:a1e0:ab12:4843:cd96:626b:430b/118"),  # noqa: E501
    (mustPrefix("::ffff:c000:0280/96"), "::ffff:192.0.2.128/96"),
    (mustPrefix("::ffff:192.168.140.255/8"), "::ffff:192.168.140.255/8"),
    (PrefixFrom(mustIP("::ffff:c000:0280").WithZone("eth0"), 37), "::ffff:192.0.2.128/37"),  # Zone should be stripped  # noqa: E501
]


@pytest.mark.parametrize("inp,want", PrefixMarshalTextStringTests)
def test_PrefixMarshalTextString(inp: Prefix, want: str) -> None:
    assert inp.String() == want
    mt, err = inp.MarshalText()
    assert err is None and mt == want.encode()
    mtAppend, err = inp.AppendText(bytes(4))
    assert err is None and mtAppend[4:] == want.encode()


_pmub: list[tuple[Prefix, int]] = [
    (mustPrefix("1.2.3.4/24"), 4 + 1),
    (mustPrefix("fd7a:115c:a1e0:ab12:4843:cd96:626b:430b/118"), 16 + 1),
    (mustPrefix("::ffff:c000:0280/96"), 16 + 1),
    # Zone should be stripped
    (PrefixFrom(mustIP("::ffff:c000:0280").WithZone("eth0"), 37), 16 + 1),
]
PrefixMarshalUnmarshalBinaryTests = _pmub + [
    (PrefixFrom(_pmub[0][0].Addr(), 33), _pmub[0][1]),
    (PrefixFrom(_pmub[1][0].Addr(), 129), _pmub[1][1]),
]


@pytest.mark.parametrize("prefix,wantSize", PrefixMarshalUnmarshalBinaryTests)
def test_PrefixMarshalUnmarshalBinary(prefix: Prefix, wantSize: int) -> None:
    b, err = prefix.MarshalBinary()
    assert err is None and len(b) == wantSize
    prefix2, err = Prefix.UnmarshalBinary(b)
    assert err is None and prefix2 == prefix

    bAppend, err = prefix.AppendBinary(bytes(4))
    assert err is None
    bAppend = bAppend[4:]
    assert len(bAppend) == wantSize
    prefix3, err = Prefix.UnmarshalBinary(bAppend)
    assert err is None and prefix3 == prefix


@pytest.mark.parametrize("n", [3, 6])
def test_PrefixMarshalUnmarshalBinary_badLength(n: int) -> None:
    # Cannot unmarshal from unexpected lengths.
    prefix, err = Prefix.UnmarshalBinary(b"\x01" * n)
    assert err is not None and err.Error() == "unexpected slice size"
    assert prefix == Prefix()
    _, err = Prefix.UnmarshalBinary(b"")
    assert err is not None and err.Error() == "unexpected slice size"


def test_AddrMarshalUnmarshal() -> None:
    # Only where Marshal/Unmarshal differ from ParseAddr/String: "" is the zero Addr.
    ip, err = Addr.UnmarshalText(b"")
    assert err is None and ip == Addr()
    back, err = ip.MarshalText()
    assert err is None and back == b""


AddrFrom16Tests: list[tuple[str, bytes, Addr]] = [
    ("v6-raw", bytes(15) + b"\x01", MkAddr(Mk128(0, 1), Z6noz)),
    ("v4-raw", bytes(10) + b"\xff\xff\x01\x02\x03\x04", MkAddr(Mk128(0, 0xFFFF01020304), Z6noz)),
]


@pytest.mark.parametrize("name,inp,want", AddrFrom16Tests)
def test_AddrFrom16(name: str, inp: bytes, want: Addr) -> None:
    assert AddrFrom16(inp) == want


nilIP = Addr()
unicast4 = mustIP("192.0.2.1")
unicast6 = mustIP("2001:db8::1")
unicastZone6 = mustIP("2001:db8::1%eth0")
unicast6Unassigned = mustIP("4000::1")  # not in 2000::/3.
multicast4 = mustIP("224.0.0.1")
multicast6 = mustIP("ff02::1")
multicastZone6 = mustIP("ff02::1%eth0")
llu4 = mustIP("169.254.0.1")
llu6 = mustIP("fe80::1")
llu6Last = mustIP("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
lluZone6 = mustIP("fe80::1%eth0")
loopback4 = mustIP("127.0.0.1")
ilm6 = mustIP("ff01::1")
ilmZone6 = mustIP("ff01::1%eth0")
private4a = mustIP("10.0.0.1")
private4b = mustIP("172.16.0.1")
private4c = mustIP("192.168.1.1")
private6 = mustIP("fd00::1")
private6mapped4a = mustIP("::ffff:10.0.0.1")
private6mapped4b = mustIP("::ffff:172.16.0.1")
private6mapped4c = mustIP("::ffff:192.168.1.1")

_props = (
    "globalUnicast",
    "interfaceLocalMulticast",
    "linkLocalMulticast",
    "linkLocalUnicast",
    "loopback",
    "multicast",
    "private",
    "unspecified",
)

# (name, ip, the properties that hold); the others must not.
IPPropertiesTests: list[tuple[str, Addr, set[str]]] = [
    ("nil", nilIP, set()),
    ("unicast v4Addr", unicast4, {"globalUnicast"}),
    ("unicast v6 mapped v4Addr", AddrFrom16(unicast4.As16()), {"globalUnicast"}),
    ("unicast v6Addr", unicast6, {"globalUnicast"}),
    ("unicast v6AddrZone", unicastZone6, {"globalUnicast"}),
    ("unicast v6Addr unassigned", unicast6Unassigned, {"globalUnicast"}),
    ("multicast v4Addr", multicast4, {"linkLocalMulticast", "multicast"}),
    ("multicast v6 mapped v4Addr", AddrFrom16(multicast4.As16()), {"linkLocalMulticast", "multicast"}),  # noqa: E501
    ("multicast v6Addr", multicast6, {"linkLocalMulticast", "multicast"}),
    ("multicast v6AddrZone", multicastZone6, {"linkLocalMulticast", "multicast"}),
    ("link-local unicast v4Addr", llu4, {"linkLocalUnicast"}),
    ("link-local unicast v6 mapped v4Addr", AddrFrom16(llu4.As16()), {"linkLocalUnicast"}),
    ("link-local unicast v6Addr", llu6, {"linkLocalUnicast"}),
    ("link-local unicast v6Addr upper bound", llu6Last, {"linkLocalUnicast"}),
    ("link-local unicast v6AddrZone", lluZone6, {"linkLocalUnicast"}),
    ("loopback v4Addr", loopback4, {"loopback"}),
    ("loopback v6Addr", IPv6Loopback(), {"loopback"}),
    ("loopback v6 mapped v4Addr", AddrFrom16(IPv6Loopback().As16()), {"loopback"}),
    ("interface-local multicast v6Addr", ilm6, {"interfaceLocalMulticast", "multicast"}),
    ("interface-local multicast v6AddrZone", ilmZone6, {"interfaceLocalMulticast", "multicast"}),
    ("private v4Addr 10/8", private4a, {"globalUnicast", "private"}),
    ("private v4Addr 172.16/12", private4b, {"globalUnicast", "private"}),
    ("private v4Addr 192.168/16", private4c, {"globalUnicast", "private"}),
    ("private v6Addr", private6, {"globalUnicast", "private"}),
    ("private v6 mapped v4Addr 10/8", private6mapped4a, {"globalUnicast", "private"}),
    ("private v6 mapped v4Addr 172.16/12", private6mapped4b, {"globalUnicast", "private"}),
    ("private v6 mapped v4Addr 192.168/16", private6mapped4c, {"globalUnicast", "private"}),
    ("unspecified v4Addr", IPv4Unspecified(), {"unspecified"}),
    ("unspecified v6Addr", IPv6Unspecified(), {"unspecified"}),
]


def _properties(ip: Addr) -> set[str]:
    got = {
        "globalUnicast": ip.IsGlobalUnicast(),
        "interfaceLocalMulticast": ip.IsInterfaceLocalMulticast(),
        "linkLocalMulticast": ip.IsLinkLocalMulticast(),
        "linkLocalUnicast": ip.IsLinkLocalUnicast(),
        "loopback": ip.IsLoopback(),
        "multicast": ip.IsMulticast(),
        "private": ip.IsPrivate(),
        "unspecified": ip.IsUnspecified(),
    }
    return {k for k, v in got.items() if v}


@pytest.mark.parametrize("name,ip,want", IPPropertiesTests)
def test_IPProperties(name: str, ip: Addr, want: set[str]) -> None:
    assert want <= set(_props)
    assert _properties(ip) == want


AddrWellKnownTests: list[tuple[str, Addr, net.IP]] = [
    ("IPv4 unspecified", IPv4Unspecified(), net.IPv4zero),
    ("IPv6 link-local all nodes", IPv6LinkLocalAllNodes(), net.IPv6linklocalallnodes),
    ("IPv6 link-local all routers", IPv6LinkLocalAllRouters(), net.IPv6linklocalallrouters),
    ("IPv6 loopback", IPv6Loopback(), net.IPv6loopback),
    ("IPv6 unspecified", IPv6Unspecified(), net.IPv6unspecified),
]


@pytest.mark.parametrize("name,ip,std", AddrWellKnownTests)
def test_AddrWellKnown(name: str, ip: Addr, std: net.IP) -> None:
    assert ip.String() == std.String()


AddrLessCompareTests: list[tuple[Addr, Addr, bool]] = [
    (Addr(), Addr(), False),
    (Addr(), mustIP("1.2.3.4"), True),
    (mustIP("1.2.3.4"), Addr(), False),
    (mustIP("1.2.3.4"), mustIP("0102:0304::0"), True),
    (mustIP("0102:0304::0"), mustIP("1.2.3.4"), False),
    (mustIP("1.2.3.4"), mustIP("1.2.3.4"), False),
    (mustIP("::1"), mustIP("::2"), True),
    (mustIP("::1"), mustIP("::1%foo"), True),
    (mustIP("::1%foo"), mustIP("::2"), True),
    (mustIP("::2"), mustIP("::3"), True),
    (mustIP("::"), mustIP("0.0.0.0"), False),
    (mustIP("0.0.0.0"), mustIP("::"), True),
    (mustIP("::1%a"), mustIP("::1%b"), True),
    (mustIP("::1%a"), mustIP("::1%a"), False),
    (mustIP("::1%b"), mustIP("::1%a"), False),
    # Go issue 68113: an IPv4 address and the IPv4-mapped IPv6 address
    # differing only in z are unequal by ==, Compare and DeepEqual.
    (mustIP("::ffff:11.1.1.12"), mustIP("11.1.1.12"), False),
]


@pytest.mark.parametrize("a,b,want", AddrLessCompareTests)
def test_AddrLessCompare(a: Addr, b: Addr, want: bool) -> None:
    got = a.Less(b)
    assert got == want
    cmp = a.Compare(b)
    if got:
        assert cmp == -1
    assert -1 <= cmp <= 1
    if cmp == 0:
        assert a == b
    if cmp == 1:
        assert b.Less(a)
    # Also check the inverse.
    if got:
        assert not b.Less(a)
    # reflect.DeepEqual is == here (issue 68113).
    assert (cmp == 0) == (a == b)


def test_AddrLessCompare_sort() -> None:
    values = [mustIP("::1"), mustIP("::2"), Addr(), mustIP("1.2.3.4"), mustIP("8.8.8.8"), mustIP("::1%foo")]  # noqa: E501
    values.sort(key=functools.cmp_to_key(Addr.Compare))
    got = "[" + " ".join(str(v) for v in values) + "]"
    assert got == "[invalid IP 1.2.3.4 8.8.8.8 ::1 ::1%foo ::2]"


AddrPortCompareTests: list[tuple[AddrPort, AddrPort, int]] = [
    (AddrPort(), AddrPort(), 0),
    (AddrPort(), mustIPPort("1.2.3.4:80"), -1),
    (mustIPPort("1.2.3.4:80"), mustIPPort("1.2.3.4:80"), 0),
    (mustIPPort("[::1]:80"), mustIPPort("[::1]:80"), 0),
    (mustIPPort("1.2.3.4:80"), mustIPPort("2.3.4.5:22"), -1),
    (mustIPPort("[::1]:80"), mustIPPort("[::2]:22"), -1),
    (mustIPPort("1.2.3.4:80"), mustIPPort("1.2.3.4:443"), -1),
    (mustIPPort("[::1]:80"), mustIPPort("[::1]:443"), -1),
    (mustIPPort("1.2.3.4:80"), mustIPPort("[0102:0304::0]:80"), -1),
]


@pytest.mark.parametrize("a,b,want", AddrPortCompareTests)
def test_AddrPortCompare(a: AddrPort, b: AddrPort, want: int) -> None:
    assert a.Compare(b) == want
    assert b.Compare(a) == -want


def test_AddrPortCompare_sort() -> None:
    values = [
        mustIPPort("[::1]:80"),
        mustIPPort("[::2]:80"),
        AddrPort(),
        mustIPPort("1.2.3.4:443"),
        mustIPPort("8.8.8.8:8080"),
        mustIPPort("[::1%foo]:1024"),
    ]
    values.sort(key=functools.cmp_to_key(AddrPort.Compare))
    got = "[" + " ".join(str(v) for v in values) + "]"
    assert got == "[invalid AddrPort 1.2.3.4:443 8.8.8.8:8080 [::1]:80 [::1%foo]:1024 [::2]:80]"


PrefixCompareTests: list[tuple[Prefix, Prefix, int]] = [
    (Prefix(), Prefix(), 0),
    (Prefix(), mustPrefix("1.2.3.0/24"), -1),
    (mustPrefix("1.2.3.0/24"), mustPrefix("1.2.3.0/24"), 0),
    (mustPrefix("fe80::/64"), mustPrefix("fe80::/64"), 0),
    (mustPrefix("1.2.3.0/24"), mustPrefix("1.2.4.0/24"), -1),
    (mustPrefix("fe80::/64"), mustPrefix("fe90::/64"), -1),
    (mustPrefix("1.2.0.0/16"), mustPrefix("1.2.0.0/24"), -1),
    (mustPrefix("fe80::/48"), mustPrefix("fe80::/64"), -1),
    (mustPrefix("1.2.3.0/24"), mustPrefix("fe80::/8"), -1),
    (mustPrefix("1.2.3.0/24"), mustPrefix("1.2.3.4/24"), -1),
    (mustPrefix("1.2.3.0/24"), mustPrefix("1.2.3.0/28"), -1),
]


@pytest.mark.parametrize("a,b,want", PrefixCompareTests)
def test_PrefixCompare(a: Prefix, b: Prefix, want: int) -> None:
    assert a.Compare(b) == want
    assert b.Compare(a) == -want


def _sortedPrefixes(values: list[Prefix]) -> str:
    values = sorted(values, key=functools.cmp_to_key(Prefix.Compare))
    return "[" + " ".join(str(v) for v in values) + "]"


def test_PrefixCompare_sort() -> None:
    values = [
        mustPrefix("1.2.3.0/24"),
        mustPrefix("fe90::/64"),
        mustPrefix("fe80::/64"),
        mustPrefix("1.2.0.0/16"),
        Prefix(),
        mustPrefix("fe80::/48"),
        mustPrefix("1.2.0.0/24"),
        mustPrefix("1.2.3.4/24"),
        mustPrefix("1.2.3.0/28"),
    ]
    want = "[invalid Prefix 1.2.0.0/16 1.2.0.0/24 1.2.3.0/24 1.2.3.4/24 1.2.3.0/28 fe80::/48 fe80::/64 fe90::/64]"  # noqa: E501
    assert _sortedPrefixes(values) == want


def test_PrefixCompare_IANA() -> None:
    # IANA's IPv4 special-purpose and IPv6 address-space registries: the sort
    # order matches IANA's conventional ordering.
    values = [
        mustPrefix(s)
        for s in (
            "0.0.0.0/8", "127.0.0.0/8", "10.0.0.0/8", "203.0.113.0/24", "169.254.0.0/16",
            "192.0.0.0/24", "240.0.0.0/4", "192.0.2.0/24", "192.0.0.170/32", "198.18.0.0/15",
            "192.0.0.8/32", "0.0.0.0/32", "192.0.0.9/32", "198.51.100.0/24", "192.168.0.0/16",
            "192.0.0.10/32", "192.175.48.0/24", "192.52.193.0/24", "100.64.0.0/10",
            "255.255.255.255/32", "192.31.196.0/24", "172.16.0.0/12", "192.0.0.0/29",
            "192.88.99.0/24", "fec0::/10", "6000::/3", "fe00::/9", "8000::/3", "0000::/8",
            "0400::/6", "f800::/6", "e000::/4", "ff00::/8", "a000::/3", "fc00::/7", "1000::/4",
            "0800::/5", "4000::/3", "0100::/8", "c000::/3", "fe80::/10", "0200::/7", "f000::/5",
            "2000::/3",
        )
    ]  # fmt: skip
    want = "[0.0.0.0/8 0.0.0.0/32 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8 169.254.0.0/16 172.16.0.0/12 192.0.0.0/24 192.0.0.0/29 192.0.0.8/32 192.0.0.9/32 192.0.0.10/32 192.0.0.170/32 192.0.2.0/24 192.31.196.0/24 192.52.193.0/24 192.88.99.0/24 192.168.0.0/16 192.175.48.0/24 198.18.0.0/15 198.51.100.0/24 203.0.113.0/24 240.0.0.0/4 255.255.255.255/32 ::/8 100::/8 200::/7 400::/6 800::/5 1000::/4 2000::/3 4000::/3 6000::/3 8000::/3 a000::/3 c000::/3 e000::/4 f000::/5 f800::/6 fc00::/7 fe00::/9 fe80::/10 fec0::/10 ff00::/8]"  # noqa: E501
    assert _sortedPrefixes(values) == want


IPStringExpandedTests: list[tuple[Addr, str]] = [
    (Addr(), "invalid IP"),
    (mustIP("192.0.2.1"), "192.0.2.1"),
    (mustIP("::ffff:192.0.2.1"), "0000:0000:0000:0000:0000:ffff:c000:0201"),
    (mustIP("2001:db8::1"), "2001:0db8:0000:0000:0000:0000:0000:0001"),
    (mustIP("2001:db8::1%eth0"), "2001:0db8:0000:0000:0000:0000:0000:0001%eth0"),
]


@pytest.mark.parametrize("ip,s", IPStringExpandedTests)
def test_IPStringExpanded(ip: Addr, s: str) -> None:
    assert ip.StringExpanded() == s


def _makeIPv6(zone: str) -> list[tuple[Addr, int, Prefix, bool]]:
    """TestPrefixMasking's makeIPv6: IPv6 subtests, with an optional zone."""
    if zone != "":
        zone = "%" + zone
    return [
        (mustIP(f"2001:db8::1{zone}"), 255, Prefix(), False),
        (mustIP(f"2001:db8::1{zone}"), 32, mustPrefix("2001:db8::/32"), True),
        (mustIP(f"fe80::dead:beef:dead:beef{zone}"), 96, mustPrefix("fe80::dead:beef:0:0/96"), True),  # noqa: E501
        (mustIP(f"aaaa::{zone}"), 4, mustPrefix("a000::/4"), True),
        (mustIP(f"::{zone}"), 63, mustPrefix("::/63"), True),
    ]


PrefixMaskingTests: list[tuple[str, list[tuple[Addr, int, Prefix, bool]]]] = [
    ("nil", [(Addr(), 255, Prefix(), True), (Addr(), 16, Prefix(), True)]),
    (
        "IPv4",
        [
            (mustIP("192.0.2.0"), 255, Prefix(), False),
            (mustIP("192.0.2.0"), 16, mustPrefix("192.0.0.0/16"), True),
            (mustIP("255.255.255.255"), 20, mustPrefix("255.255.240.0/20"), True),
            # Partially masking one byte that contains both 1s and 0s on
            # either side of the mask limit.
            (mustIP("100.98.156.66"), 10, mustPrefix("100.64.0.0/10"), True),
        ],
    ),
    ("IPv6", _makeIPv6("")),
    ("IPv6 zone", _makeIPv6("eth0")),
]


@pytest.mark.parametrize("family,subtests", PrefixMaskingTests)
def test_PrefixMasking(family: str, subtests: list[tuple[Addr, int, Prefix, bool]]) -> None:
    for ip, bits, p, ok in subtests:
        orig = ip.String()
        got, err = ip.Prefix(bits)
        assert (err is None) == ok, (ip, bits, err)
        if err is not None:
            assert got == Prefix()
            continue
        assert got == p
        assert ip.String() == orig  # not mutated


def test_PrefixMasking_errors() -> None:
    # The texts of Addr.Prefix's errors.
    _, err = mustIP("1.2.3.4").Prefix(-1)
    assert err is not None and err.Error() == "negative Prefix bits"
    _, err = mustIP("1.2.3.4").Prefix(33)
    assert err is not None and err.Error() == "prefix length 33 too large for IPv4"
    _, err = mustIP("::1").Prefix(129)
    assert err is not None and err.Error() == "prefix length 129 too large for IPv6"


@pytest.mark.parametrize("s", ["", "1.2.3.4/32", "0.0.0.0/0", "::/0", "::1/128", "2001:db8::/32"])
def test_PrefixMarshalUnmarshal(s: str) -> None:
    p, err = Prefix.UnmarshalText(s.encode())
    assert err is None
    back, err = p.MarshalText()
    assert err is None and back == s.encode()


def test_PrefixUnmarshalTextNonZero() -> None:
    p, err = Prefix.UnmarshalText(b"xxx")
    assert err is not None
    assert err.Error() == "netip.ParsePrefix(\"xxx\"): no '/'"
    assert p == Prefix()


Is4AndIs6Tests: list[tuple[Addr, bool, bool]] = [
    (Addr(), False, False),
    (mustIP("1.2.3.4"), True, False),
    (mustIP("127.0.0.2"), True, False),
    (mustIP("::1"), False, True),
    (mustIP("::ffff:192.0.2.128"), False, True),
    (mustIP("::fffe:c000:0280"), False, True),
    (mustIP("::1%eth0"), False, True),
]


@pytest.mark.parametrize("ip,is4,is6", Is4AndIs6Tests)
def test_Is4AndIs6(ip: Addr, is4: bool, is6: bool) -> None:
    assert ip.Is4() == is4
    assert ip.Is6() == is6


Is4In6Tests: list[tuple[Addr, bool, Addr]] = [
    (Addr(), False, Addr()),
    (mustIP("::ffff:c000:0280"), True, mustIP("192.0.2.128")),
    (mustIP("::ffff:192.0.2.128"), True, mustIP("192.0.2.128")),
    (mustIP("::ffff:192.0.2.128%eth0"), True, mustIP("192.0.2.128")),
    (mustIP("::fffe:c000:0280"), False, mustIP("::fffe:c000:0280")),
    (mustIP("::ffff:127.1.2.3"), True, mustIP("127.1.2.3")),
    (mustIP("::ffff:7f01:0203"), True, mustIP("127.1.2.3")),
    (mustIP("0:0:0:0:0000:ffff:127.1.2.3"), True, mustIP("127.1.2.3")),
    (mustIP("0:0:0:0::ffff:127.1.2.3"), True, mustIP("127.1.2.3")),
    (mustIP("::1"), False, mustIP("::1")),
    (mustIP("1.2.3.4"), False, mustIP("1.2.3.4")),
]


@pytest.mark.parametrize("ip,want,wantUnmap", Is4In6Tests)
def test_Is4In6(ip: Addr, want: bool, wantUnmap: Addr) -> None:
    assert ip.Is4In6() == want
    assert ip.Unmap() == wantUnmap


PrefixMaskedTests: list[tuple[Prefix, Prefix]] = [
    (mustPrefix("192.168.0.255/24"), mustPrefix("192.168.0.0/24")),
    (mustPrefix("2100::/3"), mustPrefix("2000::/3")),
    (PrefixFrom(mustIP("2000::"), 129), Prefix()),
    (PrefixFrom(mustIP("1.2.3.4"), 33), Prefix()),
]


@pytest.mark.parametrize("prefix,masked", PrefixMaskedTests)
def test_PrefixMasked(prefix: Prefix, masked: Prefix) -> None:
    assert prefix.Masked() == masked


# (prefix, ip, bits, str, contains, notContains); str "" means prefix.
PrefixTests: list[tuple[str, Addr, int, str, list[Addr], list[Addr]]] = [
    ("192.168.0.0/24", mustIP("192.168.0.0"), 24, "", mustIPs("192.168.0.1", "192.168.0.55"), mustIPs("192.168.1.1", "1.1.1.1")),  # noqa: E501
    ("192.168.1.1/32", mustIP("192.168.1.1"), 32, "", mustIPs("192.168.1.1"), mustIPs("192.168.1.2")),  # noqa: E501
    # CGNAT range; prefix not multiple of 8
    ("100.64.0.0/10", mustIP("100.64.0.0"), 10, "", mustIPs("100.64.0.0", "100.64.0.1", "100.81.251.94", "100.100.100.100", "100.127.255.254", "100.127.255.255"), mustIPs("100.63.255.255", "100.128.0.0")),  # noqa: E501
    ("2001:db8::/96", mustIP("2001:db8::"), 96, "", mustIPs("2001:db8::aaaa:bbbb", "2001:db8::1"), mustIPs("2001:db8::1:aaaa:bbbb", "2001:db9::")),  # noqa: E501
    ("0.0.0.0/0", mustIP("0.0.0.0"), 0, "", mustIPs("192.168.0.1", "1.1.1.1"), mustIPs("2001:db8::1") + [Addr()]),  # noqa: E501
    ("::/0", mustIP("::"), 0, "", mustIPs("::1", "2001:db8::1"), mustIPs("192.0.2.1")),
    ("2000::/3", mustIP("2000::"), 3, "", mustIPs("2001:db8::1"), mustIPs("fe80::1")),
]


@pytest.mark.parametrize("prefix_,ip,bits,str_,contains,notContains", PrefixTests)
def test_Prefix(
    prefix_: str, ip: Addr, bits: int, str_: str, contains: list[Addr], notContains: list[Addr]
) -> None:
    prefix, err = ParsePrefix(prefix_)
    assert err is None
    assert prefix.Addr() == ip
    assert prefix.Bits() == bits
    for a in contains:
        assert prefix.Contains(a), a
    for a in notContains:
        assert not prefix.Contains(a), a
    assert prefix.String() == (str_ or prefix_)
    _testAppendToMarshal(prefix)


_v4 = MustParseAddr("1.2.3.4")
_v6 = MustParseAddr("66::66")

PrefixFromInvalidBitsTests: list[tuple[Addr, int, int]] = [
    (_v4, 0, 0),
    (_v6, 0, 0),
    (_v4, 1, 1),
    (_v4, 33, -1),
    (_v6, 33, 33),
    (_v6, 127, 127),
    (_v6, 128, 128),
    (_v4, 254, -1),
    (_v4, 255, -1),
    (_v4, -1, -1),
    (_v6, -1, -1),
    (_v4, -5, -1),
    (_v6, -5, -1),
]


@pytest.mark.parametrize("ip,inp,want", PrefixFromInvalidBitsTests)
def test_PrefixFromInvalidBits(ip: Addr, inp: int, want: int) -> None:
    assert PrefixFrom(ip, inp).Bits() == want


# (prefix, Go's substring, the whole text Go gives)
ParsePrefixErrorTests: list[tuple[str, str, str]] = [
    ("192.168.0.0", "no '/'", "netip.ParsePrefix(\"192.168.0.0\"): no '/'"),
    ("1.257.1.1/24", "value >255", 'netip.ParsePrefix("1.257.1.1/24"): ParseAddr("1.257.1.1"): IPv4 field has value >255'),  # noqa: E501
    ("1.1.1.0/q", "bad bits", 'netip.ParsePrefix("1.1.1.0/q"): bad bits after slash: "q"'),
    ("1.1.1.0/-1", "bad bits", 'netip.ParsePrefix("1.1.1.0/-1"): bad bits after slash: "-1"'),
    ("1.1.1.0/33", "out of range", 'netip.ParsePrefix("1.1.1.0/33"): prefix length out of range'),
    ("2001::/129", "out of range", 'netip.ParsePrefix("2001::/129"): prefix length out of range'),
    # Zones are not allowed: https://go.dev/issue/51899
    ("1.1.1.0%a/24", "unexpected character", 'netip.ParsePrefix("1.1.1.0%a/24"): ParseAddr("1.1.1.0%a"): unexpected character (at "%a")'),  # noqa: E501
    ("2001:db8::%a/32", "zones cannot be present", 'netip.ParsePrefix("2001:db8::%a/32"): IPv6 zones cannot be present in a prefix'),  # noqa: E501
    ("1.1.1.0/+32", "bad bits", 'netip.ParsePrefix("1.1.1.0/+32"): bad bits after slash: "+32"'),
    ("1.1.1.0/-32", "bad bits", 'netip.ParsePrefix("1.1.1.0/-32"): bad bits after slash: "-32"'),
    ("1.1.1.0/032", "bad bits", 'netip.ParsePrefix("1.1.1.0/032"): bad bits after slash: "032"'),
    ("1.1.1.0/0032", "bad bits", 'netip.ParsePrefix("1.1.1.0/0032"): bad bits after slash: "0032"'),
    # Not in Go's table: what strconv.Atoi rejects after the sign check.
    ("1.1.1.0/", "bad bits", 'netip.ParsePrefix("1.1.1.0/"): bad bits after slash: ""'),
    ("1.1.1.0/99999999999999999999", "bad bits", 'netip.ParsePrefix("1.1.1.0/99999999999999999999"): bad bits after slash: "99999999999999999999"'),  # noqa: E501
    ("1.1.1.0/\u0663", "bad bits", 'netip.ParsePrefix("1.1.1.0/\u0663"): bad bits after slash: "\u0663"'),  # noqa: E501
]


@pytest.mark.parametrize("prefix,errstr,text", ParsePrefixErrorTests)
def test_ParsePrefixError(prefix: str, errstr: str, text: str) -> None:
    p, err = ParsePrefix(prefix)
    assert err is not None
    assert p == Prefix()
    assert errstr in err.Error()
    assert err.Error() == text
    assert isinstance(err, parsePrefixError)


PrefixIsSingleIPTests: list[tuple[Prefix, bool]] = [
    (mustPrefix("127.0.0.1/32"), True),
    (mustPrefix("127.0.0.1/31"), False),
    (mustPrefix("127.0.0.1/0"), False),
    (mustPrefix("::1/128"), True),
    (mustPrefix("::1/127"), False),
    (mustPrefix("::1/0"), False),
    (Prefix(), False),
]


@pytest.mark.parametrize("ipp,want", PrefixIsSingleIPTests)
def test_PrefixIsSingleIP(ipp: Prefix, want: bool) -> None:
    assert ipp.IsSingleIP() == want


# (ip, want, wantPanic)
As4Tests: list[tuple[Addr, bytes, str]] = [
    (mustIP("1.2.3.4"), bytes((1, 2, 3, 4)), ""),
    (AddrFrom16(mustIP("1.2.3.4").As16()), bytes((1, 2, 3, 4)), ""),  # IPv4-in-IPv6
    (mustIP("0.0.0.0"), bytes(4), ""),
    (Addr(), b"", "As4 called on IP zero value"),
    (mustIP("::1"), b"", "As4 called on IPv6 address"),
]


@pytest.mark.parametrize("ip,want,wantPanic", As4Tests)
def test_As4(ip: Addr, want: bytes, wantPanic: str) -> None:
    if wantPanic:
        with pytest.raises(Panic) as e:
            ip.As4()
        assert e.value.value == wantPanic and str(e.value) == wantPanic
        return
    assert ip.As4() == want


pfx = mustPrefix
PrefixOverlapsTests: list[tuple[Prefix, Prefix, bool]] = [
    (Prefix(), pfx("1.2.0.0/16"), False),  # first zero
    (pfx("1.2.0.0/16"), Prefix(), False),  # second zero
    (pfx("::0/3"), pfx("0.0.0.0/3"), False),  # different families
    (pfx("1.2.0.0/16"), pfx("1.2.0.0/16"), True),  # equal
    (pfx("1.2.0.0/16"), pfx("1.2.3.0/24"), True),
    (pfx("1.2.3.0/24"), pfx("1.2.0.0/16"), True),
    (pfx("1.2.0.0/16"), pfx("1.2.3.0/32"), True),
    (pfx("1.2.3.0/32"), pfx("1.2.0.0/16"), True),
    # Match /0 either order
    (pfx("1.2.3.0/32"), pfx("0.0.0.0/0"), True),
    (pfx("0.0.0.0/0"), pfx("1.2.3.0/32"), True),
    (pfx("1.2.3.0/32"), pfx("5.5.5.5/0"), True),  # normalization not required; /0 means true
    # IPv6 overlapping
    (pfx("5::1/128"), pfx("5::0/8"), True),
    (pfx("5::0/8"), pfx("5::1/128"), True),
    # IPv6 not overlapping
    (pfx("1::1/128"), pfx("2::2/128"), False),
    (pfx("0100::0/8"), pfx("::1/128"), False),
    # IPv4-mapped IPv6 addresses should not overlap with IPv4.
    (PrefixFrom(AddrFrom16(mustIP("1.2.0.0").As16()), 16), pfx("1.2.3.0/24"), False),
    # Invalid prefixes
    (PrefixFrom(mustIP("1.2.3.4"), 33), pfx("1.2.3.0/24"), False),
    (PrefixFrom(mustIP("2000::"), 129), pfx("2000::/64"), False),
]


@pytest.mark.parametrize("a,b,want", PrefixOverlapsTests)
def test_PrefixOverlaps(a: Prefix, b: Prefix, want: bool) -> None:
    assert a.Overlaps(b) == want
    assert b.Overlaps(a) == want  # commutative


PrefixStringTests: list[tuple[Prefix, str]] = [
    (Prefix(), "invalid Prefix"),
    (PrefixFrom(Addr(), 8), "invalid Prefix"),
    (PrefixFrom(MustParseAddr("1.2.3.4"), 88), "invalid Prefix"),
]


@pytest.mark.parametrize("ipp,want", PrefixStringTests)
def test_PrefixString(ipp: Prefix, want: str) -> None:
    assert ipp.String() == want


AddrPortStringTests: list[tuple[AddrPort, str]] = [
    (MustParseAddrPort("127.0.0.1:80"), "127.0.0.1:80"),
    (MustParseAddrPort("[0000::0]:8080"), "[::]:8080"),
    (MustParseAddrPort("[FFFF::1]:8080"), "[ffff::1]:8080"),
    (AddrPort(), "invalid AddrPort"),
    (AddrPortFrom(Addr(), 80), "invalid AddrPort"),
]


@pytest.mark.parametrize("ipp,want", AddrPortStringTests)
def test_AddrPortString(ipp: AddrPort, want: str) -> None:
    assert ipp.String() == want


AsSliceTests: list[tuple[Addr, bytes]] = [
    (Addr(), b""),  # Go: nil
    (mustIP("1.2.3.4"), bytes((1, 2, 3, 4))),
    (mustIP("ffff::1"), b"\xff\xff" + bytes(13) + b"\x01"),
]


@pytest.mark.parametrize("inp,want", AsSliceTests)
def test_AsSlice(inp: Addr, want: bytes) -> None:
    assert inp.AsSlice() == want


# --- netip_pkg_test.go --------------------------------------------------------

_pv4 = MustParseAddr("1.2.3.4")
_pv6 = MustParseAddr("::1")
PrefixValidTests: list[tuple[Prefix, bool]] = [
    (PrefixFrom(_pv4, -2), False),
    (PrefixFrom(_pv4, -1), False),
    (PrefixFrom(_pv4, 0), True),
    (PrefixFrom(_pv4, 32), True),
    (PrefixFrom(_pv4, 33), False),
    (PrefixFrom(_pv6, -2), False),
    (PrefixFrom(_pv6, -1), False),
    (PrefixFrom(_pv6, 0), True),
    (PrefixFrom(_pv6, 32), True),
    (PrefixFrom(_pv6, 128), True),
    (PrefixFrom(_pv6, 129), False),
    (PrefixFrom(Addr(), -2), False),
    (PrefixFrom(Addr(), -1), False),
    (PrefixFrom(Addr(), 0), False),
    (PrefixFrom(Addr(), 32), False),
    (PrefixFrom(Addr(), 128), False),
]


@pytest.mark.parametrize("ipp,want", PrefixValidTests)
def test_PrefixValid(ipp: Prefix, want: bool) -> None:
    got = ipp.IsValid()
    assert got == want
    # Only one invalid Prefix representation per Addr.
    if not got:
        assert ipp == PrefixFrom(ipp.Addr(), -1)


nextPrevTests: list[tuple[Addr, Addr, Addr]] = [
    (mustIP("10.0.0.1"), mustIP("10.0.0.2"), mustIP("10.0.0.0")),
    (mustIP("10.0.0.255"), mustIP("10.0.1.0"), mustIP("10.0.0.254")),
    (mustIP("127.0.0.1"), mustIP("127.0.0.2"), mustIP("127.0.0.0")),
    (mustIP("254.255.255.255"), mustIP("255.0.0.0"), mustIP("254.255.255.254")),
    (mustIP("255.255.255.255"), Addr(), mustIP("255.255.255.254")),
    (mustIP("0.0.0.0"), mustIP("0.0.0.1"), Addr()),
    (mustIP("::"), mustIP("::1"), Addr()),
    (mustIP("::%x"), mustIP("::1%x"), Addr()),
    (mustIP("::1"), mustIP("::2"), mustIP("::")),
    (mustIP("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), Addr(), mustIP("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe")),  # noqa: E501
]


@pytest.mark.parametrize("ip,next_,prev", nextPrevTests)
def test_IPNextPrev_doNextPrev(ip: Addr, next_: Addr, prev: Addr) -> None:
    gnext, gprev = ip.Next(), ip.Prev()
    assert gnext == next_
    assert gprev == prev
    if not ip.Next().isZero():
        assert ip.Next().Prev() == ip
    if not ip.Prev().isZero():
        assert ip.Prev().Next() == ip


def test_IPNextPrev() -> None:
    for ip in (mustIP("0.0.0.0"), mustIP("::")):
        assert ip.Prev().isZero()
    for ip in (mustIP("255.255.255.255"), AddrFrom16(b"\xff" * 16)):
        assert ip.Next().isZero()


IPBitLenTests: list[tuple[Addr, int]] = [
    (Addr(), 0),
    (mustIP("0.0.0.0"), 32),
    (mustIP("10.0.0.1"), 32),
    (mustIP("::"), 128),
    (mustIP("fed0::1"), 128),
    (mustIP("::ffff:10.0.0.1"), 128),
]


@pytest.mark.parametrize("ip,want", IPBitLenTests)
def test_IPBitLen(ip: Addr, want: int) -> None:
    assert ip.BitLen() == want


PrefixContainsTests: list[tuple[Prefix, Addr, bool]] = [
    (mustPrefix("9.8.7.6/0"), mustIP("9.8.7.6"), True),
    (mustPrefix("9.8.7.6/16"), mustIP("9.8.7.6"), True),
    (mustPrefix("9.8.7.6/16"), mustIP("9.8.6.4"), True),
    (mustPrefix("9.8.7.6/16"), mustIP("9.9.7.6"), False),
    (mustPrefix("9.8.7.6/32"), mustIP("9.8.7.6"), True),
    (mustPrefix("9.8.7.6/32"), mustIP("9.8.7.7"), False),
    (mustPrefix("9.8.7.6/32"), mustIP("9.8.7.7"), False),
    (mustPrefix("::1/0"), mustIP("::1"), True),
    (mustPrefix("::1/0"), mustIP("::2"), True),
    (mustPrefix("::1/127"), mustIP("::1"), True),
    (mustPrefix("::1/127"), mustIP("::2"), False),
    (mustPrefix("::1/128"), mustIP("::1"), True),
    (mustPrefix("::1/127"), mustIP("::2"), False),
    # Zones ignored: https://go.dev/issue/51899 (Go's struct literals
    # Prefix{ip, 32} set bitsPlusOne directly.)
    (Prefix(mustIP("1.2.3.4").WithZone("a"), 32), mustIP("1.2.3.4"), True),
    (Prefix(mustIP("::1").WithZone("a"), 128), mustIP("::1"), True),
    # invalid IP
    (mustPrefix("::1/0"), Addr(), False),
    (mustPrefix("1.2.3.4/0"), Addr(), False),
    # invalid Prefix
    (PrefixFrom(mustIP("::1"), 129), mustIP("::1"), False),
    (PrefixFrom(mustIP("1.2.3.4"), 33), mustIP("1.2.3.4"), False),
    (PrefixFrom(Addr(), 0), mustIP("1.2.3.4"), False),
    (PrefixFrom(Addr(), 32), mustIP("1.2.3.4"), False),
    (PrefixFrom(Addr(), 128), mustIP("::1"), False),
    # wrong IP family
    (mustPrefix("::1/0"), mustIP("1.2.3.4"), False),
    (mustPrefix("1.2.3.4/0"), mustIP("::1"), False),
]


@pytest.mark.parametrize("ipp,ip,want", PrefixContainsTests)
def test_PrefixContains(ipp: Prefix, ip: Addr, want: bool) -> None:
    assert ipp.Contains(ip) == want


def test_PrefixContains_zonedAddr() -> None:
    # An address with a zone is in no prefix (prefixes strip zones).
    assert not mustPrefix("fe80::/10").Contains(mustIP("fe80::1%eth0"))
    assert mustPrefix("fe80::/10").Contains(mustIP("fe80::1"))


# (ip, errstr, the whole text Go gives); errstr "" means "unable to parse IP".
ParseIPErrorTests: list[tuple[str, str, str]] = [
    ("localhost", "", 'ParseAddr("localhost"): unable to parse IP'),
    ("500.0.0.1", "field has value >255", 'ParseAddr("500.0.0.1"): IPv4 field has value >255'),
    ("::gggg%eth0", "must have at least one digit", 'ParseAddr("::gggg%eth0"): each colon-separated field must have at least one digit (at "gggg")'),  # noqa: E501
    ("fe80::1cc0:3e8c:119f:c2e1%", "zone must be a non-empty string", 'ParseAddr("fe80::1cc0:3e8c:119f:c2e1%"): zone must be a non-empty string'),  # noqa: E501
    ("%eth0", "missing IPv6 address", 'ParseAddr("%eth0"): missing IPv6 address'),
]


@pytest.mark.parametrize("ip,errstr,text", ParseIPErrorTests)
def test_ParseIPError(ip: str, errstr: str, text: str) -> None:
    _, err = ParseAddr(ip)
    assert err is not None
    assert isinstance(err, parseAddrError)
    assert (errstr or "unable to parse IP") in err.Error()
    assert err.Error() == text


# (in, want, wantErr); wantErr "" means success. The texts are Go's.
ParseAddrPortTests: list[tuple[str, AddrPort, str]] = [
    ("1.2.3.4:1234", AddrPort(mustIP("1.2.3.4"), 1234), ""),
    ("1.1.1.1:123456", AddrPort(), 'invalid port "123456" parsing "1.1.1.1:123456"'),
    ("1.1.1.1:-123", AddrPort(), 'invalid port "-123" parsing "1.1.1.1:-123"'),
    ("[::1]:1234", AddrPort(mustIP("::1"), 1234), ""),
    ("[1.2.3.4]:1234", AddrPort(), 'invalid ip:port "[1.2.3.4]:1234", square brackets can only be used with IPv6 addresses'),  # noqa: E501
    ("fe80::1:1234", AddrPort(), 'invalid ip:port "fe80::1:1234", IPv6 addresses must be surrounded by square brackets'),  # noqa: E501
    # If we need to parse this form, there should be a separate function
    # that explicitly allows it.
    (":0", AddrPort(), "no IP"),
    # Not in Go's table: splitAddrPort's other errors, and ParseUint's rules.
    ("1.2.3.4", AddrPort(), "not an ip:port"),
    ("[::1:80", AddrPort(), "missing ]"),
    ("1.2.3.4:", AddrPort(), "no port"),
    ("[]:80", AddrPort(), 'ParseAddr(""): unable to parse IP'),
    ("1.2.3.4:+80", AddrPort(), 'invalid port "+80" parsing "1.2.3.4:+80"'),
    ("1.2.3.4:\u0663", AddrPort(), 'invalid port "\u0663" parsing "1.2.3.4:\u0663"'),
]


@pytest.mark.parametrize("inp,want,wantErr", ParseAddrPortTests)
def test_ParseAddrPort(inp: str, want: AddrPort, wantErr: str) -> None:
    got, err = ParseAddrPort(inp)
    if wantErr:
        assert err is not None and err.Error() == wantErr
        assert got == AddrPort()
    else:
        assert err is None
        assert got == want
        assert got.String() == inp
        _testAppendToMarshal(got)

    # MarshalText and UnmarshalText behave like ParseAddrPort and String.
    got2, err = AddrPort.UnmarshalText(inp.encode())
    if wantErr:
        assert err is not None and err.Error() == wantErr
        return
    assert err is None and got2 == want
    gotb, err = got2.MarshalText()
    assert err is None and gotb == inp.encode()


def test_ParseAddrPort_leadingZeros() -> None:
    # strconv.ParseUint takes leading zeros; String drops them.
    p, err = ParseAddrPort("1.2.3.4:0080")
    assert err is None and p == AddrPortFrom(mustIP("1.2.3.4"), 80)
    _, err = ParseAddrPort("1.2.3.4:" + "0" * 5000 + "1")
    assert err is None


def test_AddrPortMarshalUnmarshal() -> None:
    ipp, err = AddrPort.UnmarshalText(b"")
    assert err is None and ipp == AddrPort()
    back, err = ipp.MarshalText()
    assert err is None and back == b""
    _testAppendToMarshal(ipp)


def test_IPv6Accessor() -> None:
    a = bytes(range(1, 17))
    ip = AddrFrom16(a)
    for i in range(16):
        assert ip.v6(i) == i + 1


# --- uint128_test.go, through mask6 --------------------------------------------

BitsSetFromTests: list[tuple[int, int]] = [
    (0, Mk128(_ones64, _ones64)),
    (1, Mk128(_ones64 >> 1, _ones64)),
    (63, Mk128(1, _ones64)),
    (64, Mk128(0, _ones64)),
    (65, Mk128(0, _ones64 >> 1)),
    (127, Mk128(0, 1)),
    (128, Mk128(0, 0)),
]


@pytest.mark.parametrize("bit,want", BitsSetFromTests)
def test_BitsSetFrom(bit: int, want: int) -> None:
    # Go: uint128{}.bitsSetFrom(bit), which is 0 | ^mask6(bit).
    assert (0 | ~mask6(bit)) & _ones128 == want


BitsClearedFromTests: list[tuple[int, int]] = [
    (0, Mk128(0, 0)),
    (1, Mk128(1 << 63, 0)),
    (63, Mk128(_ones64 & ~1, 0)),
    (64, Mk128(_ones64, 0)),
    (65, Mk128(_ones64, 1 << 63)),
    (127, Mk128(_ones64, _ones64 & ~1)),
    (128, Mk128(_ones64, _ones64)),
]


@pytest.mark.parametrize("bit,want", BitsClearedFromTests)
def test_BitsClearedFrom(bit: int, want: int) -> None:
    # Go: ones.bitsClearedFrom(bit), which is ones & mask6(bit).
    assert _ones128 & mask6(bit) == want


# --- fuzz_test.go ------------------------------------------------------------------

corpus: list[str] = [
    # Basic zero IPv4 address.
    "0.0.0.0",
    # Basic non-zero IPv4 address.
    "192.168.140.255",
    # IPv4 address in windows-style "print all the digits" form.
    "010.000.015.001",
    # IPv4 address with a silly amount of leading zeros.
    "000001.00000002.00000003.000000004",
    # 4-in-6 with octet with leading zero
    "::ffff:1.2.03.4",
    # Basic zero IPv6 address.
    "::",
    # Localhost IPv6.
    "::1",
    # Fully expanded IPv6 address.
    "fd7a:115c:a1e0:ab12:4843:cd96:626b:430b",
    # IPv6 with elided fields in the middle.
    "fd7a:115c::626b:430b",
    # IPv6 with elided fields at the end.
    "fd7a:115c:a1e0:ab12:4843:cd96::",
    # IPv6 with single elided field at the end.
    "fd7a:115c:a1e0:ab12:4843:cd96:626b::",
    "fd7a:115c:a1e0:ab12:4843:cd96:626b:0",
    # IPv6 with single elided field in the middle.
    "fd7a:115c:a1e0::4843:cd96:626b:430b",
    "fd7a:115c:a1e0:0:4843:cd96:626b:430b",
    # IPv6 with the trailing 32 bits written as IPv4 dotted decimal. (4in6)
    "::ffff:192.168.140.255",
    "::ffff:192.168.140.255",
    # IPv6 with a zone specifier.
    "fd7a:115c:a1e0:ab12:4843:cd96:626b:430b%eth0",
    # IPv6 with dotted decimal and zone specifier.
    "1:2::ffff:192.168.140.255%eth1",
    "1:2::ffff:c0a8:8cff%eth1",
    # IPv6 with capital letters.
    "FD9E:1A04:F01D::1",
    "fd9e:1a04:f01d::1",
    # Empty string.
    "",
    # Garbage non-IP.
    "bad",
    # Single number. Some parsers accept this as an IPv4 address in
    # big-endian uint32 form, but we don't.
    "1234",
    # IPv4 with a zone specifier.
    "1.2.3.4%eth0",
    # IPv4 field must have at least one digit.
    ".1.2.3",
    "1.2.3.",
    "1..2.3",
    # IPv4 address too long.
    "1.2.3.4.5",
    # IPv4 in dotted octal form.
    "0300.0250.0214.0377",
    # IPv4 in dotted hex form.
    "0xc0.0xa8.0x8c.0xff",
    # IPv4 in class B form.
    "192.168.12345",
    # IPv4 in class B form, with a small enough number to be
    # parseable as a regular dotted decimal field.
    "127.0.1",
    # IPv4 in class A form.
    "192.1234567",
    # IPv4 in class A form, with a small enough number to be
    # parseable as a regular dotted decimal field.
    "127.1",
    # IPv4 field has value >255.
    "192.168.300.1",
    # IPv4 with too many fields.
    "192.168.0.1.5.6",
    # IPv6 with not enough fields.
    "1:2:3:4:5:6:7",
    # IPv6 with too many fields.
    "1:2:3:4:5:6:7:8:9",
    # IPv6 with 8 fields and a :: expander.
    "1:2:3:4::5:6:7:8",
    # IPv6 with a field bigger than 2b.
    "fe801::1",
    # IPv6 with non-hex values in field.
    "fe80:tail:scal:e::",
    # IPv6 with a zone delimiter but no zone.
    "fe80::1%",
    # IPv6 with a zone specifier of zero.
    "::ffff:0:0%0",
    # IPv6 (without ellipsis) with too many fields for trailing embedded IPv4.
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255",
    # IPv6 (with ellipsis) with too many fields for trailing embedded IPv4.
    "ffff::ffff:ffff:ffff:ffff:ffff:ffff:192.168.140.255",
    # IPv6 with invalid embedded IPv4.
    "::ffff:192.168.140.bad",
    # IPv6 with multiple ellipsis ::.
    "fe80::1::1",
    # IPv6 with invalid non hex/colon character.
    "fe80:1?:1",
    # IPv6 with truncated bytes after single colon.
    "fe80:",
    # AddrPort strings.
    "1.2.3.4:51820",
    "[fd7a:115c:a1e0:ab12:4843:cd96:626b:430b]:80",
    "[::ffff:c000:0280]:65535",
    "[::ffff:c000:0280%eth0]:1",
    # Prefix strings.
    "1.2.3.4/24",
    "fd7a:115c:a1e0:ab12:4843:cd96:626b:430b/118",
    "::ffff:c000:0280/96",
    "::ffff:c000:0280%eth0/37",
]

_Value = Addr | AddrPort | Prefix


def checkTextMarshaler(x: _Value) -> None:
    """fuzz_test.go: checkTextMarshaler. MarshalText/UnmarshalText round trip."""
    buf, err = x.MarshalText()
    assert err is None
    y, err = type(x).UnmarshalText(buf)
    assert err is None, (x, buf, err)
    assert y == x
    buf2, err = y.MarshalText()
    assert err is None and buf2 == buf


def checkBinaryMarshaler(x: _Value) -> None:
    """fuzz_test.go: checkBinaryMarshaler. MarshalBinary/UnmarshalBinary round trip."""
    buf, err = x.MarshalBinary()
    assert err is None
    y, err = type(x).UnmarshalBinary(buf)
    assert err is None, (x, buf, err)
    assert y == x
    buf2, err = y.MarshalBinary()
    assert err is None and buf2 == buf


def checkTextMarshalMatchesString(x: _Value) -> None:
    """fuzz_test.go: checkTextMarshalMatchesString."""
    buf, err = x.MarshalText()
    assert err is None
    assert buf == netip._goBytes(x.String())


def checkTextMarshalMatchesAppendTo(x: _Value) -> None:
    """fuzz_test.go: checkTextMarshalMatchesAppendTo."""
    buf, err = x.MarshalText()
    assert err is None
    assert x.AppendTo(b"") == buf


def checkStringParseRoundTrip(x: _Value, parse: Callable[[str], tuple[Any, Any]]) -> None:
    """fuzz_test.go: checkStringParseRoundTrip. String then parse is the identity."""
    if not x.IsValid():
        return
    s = x.String()
    y, err = parse(s)
    assert err is None, (s, err)
    assert y == x
    assert y.String() == s


def checkEncoding(x: _Value) -> None:
    """fuzz_test.go: checkEncoding."""
    if x.IsValid():
        checkTextMarshaler(x)
        checkBinaryMarshaler(x)
        checkTextMarshalMatchesString(x)
    checkTextMarshalMatchesAppendTo(x)


def fuzzParse(s: str) -> None:
    """fuzz_test.go: FuzzParse's body."""
    ip, _ = ParseAddr(s)
    checkStringParseRoundTrip(ip, ParseAddr)
    checkEncoding(ip)

    # Agreement with net's IP parser, zones aside.
    if "%" not in s:
        stdip = net.ParseIP(s)
        assert (not ip.IsValid()) == (stdip is None), (s, ip, stdip)
        if ip.IsValid() and not ip.Is4In6():
            assert stdip is not None
            buf, err = ip.MarshalText()
            assert err is None
            buf2, err = stdip.MarshalText()
            assert err is None
            assert buf == buf2
            assert ip.String() == stdip.String()
            assert ip.IsGlobalUnicast() == stdip.IsGlobalUnicast()
            assert ip.IsInterfaceLocalMulticast() == stdip.IsInterfaceLocalMulticast()
            assert ip.IsLinkLocalMulticast() == stdip.IsLinkLocalMulticast()
            assert ip.IsLinkLocalUnicast() == stdip.IsLinkLocalUnicast()
            assert ip.IsLoopback() == stdip.IsLoopback()
            assert ip.IsMulticast() == stdip.IsMulticast()
            assert ip.IsPrivate() == stdip.IsPrivate()
            assert ip.IsUnspecified() == stdip.IsUnspecified()

    # .Next().Prev() and .Prev().Next() give ip back.
    if ip.IsValid() and ip.Next().IsValid():
        assert ip.Next().Prev() == ip
    if ip.IsValid() and ip.Prev().IsValid():
        assert ip.Prev().Next() == ip

    port, err = ParseAddrPort(s)
    if err is None:
        checkStringParseRoundTrip(port, ParseAddrPort)
        checkEncoding(port)
    port = AddrPortFrom(ip, 80)
    checkStringParseRoundTrip(port, ParseAddrPort)
    checkEncoding(port)

    ipp, err = ParsePrefix(s)
    if err is None:
        checkStringParseRoundTrip(ipp, ParsePrefix)
        checkEncoding(ipp)
    ipp = PrefixFrom(ip, 8)
    checkStringParseRoundTrip(ipp, ParsePrefix)
    checkEncoding(ipp)


@pytest.mark.parametrize("s", corpus)
def test_FuzzParse_corpus(s: str) -> None:
    fuzzParse(s)


# The characters addresses are made of, plus a few that should be refused.
_addrChars = "0123456789abcdefABCDEF:.%/[]"
_fuzzText = st.one_of(
    st.text(alphabet=_addrChars, max_size=48),
    st.text(alphabet=_addrChars + "gx-+ \x00\u00e9\u0663\U0001f600\udcff", max_size=24),
    st.sampled_from(corpus).flatmap(
        lambda s: st.tuples(st.integers(0, len(s)), st.text(alphabet=_addrChars, max_size=3)).map(
            lambda t: s[: t[0]] + t[1] + s[t[0] + len(t[1]) :]
        )
    ),
)


@settings(max_examples=600, deadline=None)
@given(_fuzzText)
def test_FuzzParse(s: str) -> None:
    fuzzParse(s)


# --- properties (hypothesis) -------------------------------------------------------

_zones = st.sampled_from(["", "", "", "eth0", "en1", "1", "a%b", "\u00e9"])


@st.composite
def addrs(draw: st.DrawFn) -> Addr:
    """Any valid Addr: IPv4, IPv6 (IPv4-mapped ones often), with or without a zone."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return AddrFrom4(draw(st.binary(min_size=4, max_size=4)))
    if kind == 1:
        a16 = bytes(10) + b"\xff\xff" + draw(st.binary(min_size=4, max_size=4))
    else:
        a16 = draw(st.binary(min_size=16, max_size=16))
        if draw(st.booleans()):  # runs of zero groups, for "::"
            groups = [a16[i : i + 2] for i in range(0, 16, 2)]
            start = draw(st.integers(0, 7))
            end = draw(st.integers(start, 8))
            groups[start:end] = [b"\x00\x00"] * (end - start)
            a16 = b"".join(groups)
    return AddrFrom16(a16).WithZone(draw(_zones))


def _ipaddress(a: Addr) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    if a.Is4():
        return ipaddress.IPv4Address(a.As4())
    return ipaddress.IPv6Address(a.As16())


@settings(max_examples=500, deadline=None)
@given(addrs())
def test_property_StringParseRoundTrip(a: Addr) -> None:
    s = a.String()
    b, err = ParseAddr(s)
    assert err is None and b == a
    b, err = ParseAddr(a.StringExpanded())
    assert err is None and b == a
    assert repr(a) == f"netip.MustParseAddr({s!r})"
    assert eval(repr(a), {"netip": netip}) == a
    checkEncoding(a)
    checkEncoding(AddrPortFrom(a, 65535))
    for bits in (0, 1, a.BitLen() // 2, a.BitLen()):
        p = PrefixFrom(a, bits)
        checkStringParseRoundTrip(p, ParsePrefix)
        checkEncoding(p)


@settings(max_examples=500, deadline=None)
@given(addrs(), addrs())
def test_property_CompareMatches16ByteForm(a: Addr, b: Addr) -> None:
    c = a.Compare(b)
    assert c == -b.Compare(a)
    assert (c == 0) == (a == b)
    assert (c == 0) <= (hash(a) == hash(b))
    assert a.Less(b) == (c == -1)
    assert (a < b) == (c < 0) and (a <= b) == (c <= 0)
    assert (a > b) == (c > 0) and (a >= b) == (c >= 0)
    # The order is (family, the 16-byte form, zone).
    ka, kb = (a.BitLen(), a.As16(), a.Zone()), (b.BitLen(), b.As16(), b.Zone())
    assert c == (ka > kb) - (ka < kb)
    if a.BitLen() == b.BitLen() and a.Zone() == b.Zone():
        assert c == (a.As16() > b.As16()) - (a.As16() < b.As16())


@settings(max_examples=500, deadline=None)
@given(addrs())
def test_property_agreesWithIpaddress(a: Addr) -> None:
    a = a.WithZone("")
    py = _ipaddress(a)
    assert a.AsSlice() == py.packed
    b, err = ParseAddr(str(py))
    assert err is None and b == a  # ipaddress text parses to the same address
    b, err = ParseAddr(py.exploded)
    assert err is None and b == a
    if a.Is4In6():
        return  # ipaddress (before 3.13) writes these in hex and judges them as IPv6
    assert a.String() == str(py)
    if a.Is6():
        assert a.StringExpanded() == py.exploded
    assert a.IsLoopback() == py.is_loopback
    assert a.IsMulticast() == py.is_multicast
    assert a.IsLinkLocalUnicast() == py.is_link_local
    assert a.IsUnspecified() == py.is_unspecified
    assert (a.Next(), a.Prev()) == (
        AddrFromSlice((py + 1).packed)[0] if int(py) < (1 << a.BitLen()) - 1 else Addr(),
        AddrFromSlice((py - 1).packed)[0] if int(py) > 0 else Addr(),
    )


@settings(max_examples=500, deadline=None)
@given(addrs(), addrs(), st.integers(0, 128), st.integers(0, 128))
def test_property_PrefixAgreesWithIpaddress(a: Addr, b: Addr, abits: int, bbits: int) -> None:
    a, b = a.WithZone(""), b.WithZone("")
    abits %= a.BitLen() + 1
    bbits %= b.BitLen() + 1
    p, q = PrefixFrom(a, abits), PrefixFrom(b, bbits)
    pn = ipaddress.ip_network((_ipaddress(a), abits), strict=False)
    qn = ipaddress.ip_network((_ipaddress(b), bbits), strict=False)
    m = p.Masked()
    assert m.Addr().AsSlice() == pn.network_address.packed and m.Bits() == pn.prefixlen
    if not a.Is4In6():
        assert m.String() == str(pn)
    assert p.Contains(b) == (a.Is4() == b.Is4() and _ipaddress(b) in pn)
    assert p.Overlaps(q) == (a.Is4() == b.Is4() and pn.overlaps(qn))
    assert p.Overlaps(q) == q.Overlaps(p)
    assert p.IsSingleIP() == (pn.num_addresses == 1)


# --- the Python surface ----------------------------------------------------------


def test_values_are_immutable_and_hashable() -> None:
    a = mustIP("192.0.2.1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.addr = 0  # type: ignore[misc]
    p = mustPrefix("192.0.2.0/24")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.bitsPlusOne = 1  # type: ignore[misc]
    ap = mustIPPort("192.0.2.1:80")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ap.port = 1  # type: ignore[misc]
    # Map keys, as in Go; IPv4 and IPv4-mapped IPv6 are different keys.
    m = {mustIP("1.2.3.4"): 4, mustIP("::ffff:1.2.3.4"): 6, mustIP("fe80::1%eth0"): 0}
    assert m[AddrFrom4(b"\x01\x02\x03\x04")] == 4
    assert m[AddrFrom4(b"\x01\x02\x03\x04").WithZone("x")] == 4  # no zone on IPv4
    assert m[mustIP("1.2.3.4").Prev().Next()] == 4
    assert m[mustIP("::ffff:1.2.3.4")] == 6
    assert m[mustIP("fe80::1").WithZone("eth0")] == 0
    assert mustIP("fe80::1") not in m
    assert {mustPrefix("10.0.0.0/8"): 1}[PrefixFrom(IPv4(10, 0, 0, 0), 8)] == 1
    assert {mustIPPort("[::1]:80"): 1}[AddrPortFrom(IPv6Loopback(), 80)] == 1


def test_zero_values() -> None:
    assert Addr() == MkAddr(0, Z0) and not Addr().IsValid()
    assert Addr() != IPv4Unspecified() and Addr() != IPv6Unspecified()
    assert str(Addr()) == "invalid IP" and repr(Addr()) == "netip.Addr()"
    assert str(AddrPort()) == "invalid AddrPort" and repr(AddrPort()) == "netip.AddrPort()"
    assert str(Prefix()) == "invalid Prefix" and repr(Prefix()) == "netip.Prefix()"
    assert Prefix().Bits() == -1 and Prefix().isZero()
    # Go's Addr{}.Next() is not Addr{}: the number 1 with no family.
    assert Addr().Next() == MkAddr(1, Z0) and not Addr().Next().IsValid()
    assert Addr().Prev() == Addr()


def test_repr_rebuilds() -> None:
    values: list[object] = [
        mustIP("1.2.3.4"),
        mustIP("::ffff:1.2.3.4%eth0"),
        mustIPPort("[fe80::1%eth0]:443"),
        AddrPortFrom(Addr(), 80),
        mustPrefix("::ffff:10.0.0.0/104"),
        PrefixFrom(mustIP("1.2.3.4"), 33),
        Prefix(mustIP("fe80::1%eth0"), 65),
        MkAddr(5, Z0),
    ]
    for v in values:
        assert eval(repr(v), {"netip": netip}) == v, repr(v)


def test_str_is_String() -> None:
    for v in (mustIP("fe80::1%eth0"), mustIPPort("1.2.3.4:80"), mustPrefix("2001:db8::/32")):
        assert str(v) == v.String() and f"{v}" == v.String()


def _opaque(x: object) -> Any:
    """x, hidden from mypy's type narrowing."""
    return x


def test_ordering_operators() -> None:
    addrs_ = [mustIP("::2"), Addr(), mustIP("::1%a"), mustIP("1.2.3.4"), mustIP("::1")]
    assert sorted(addrs_) == sorted(addrs_, key=functools.cmp_to_key(Addr.Compare))
    assert [str(a) for a in sorted(addrs_)] == ["invalid IP", "1.2.3.4", "::1", "::1%a", "::2"]
    assert max(mustIPPort("1.2.3.4:80"), mustIPPort("1.2.3.4:443")).Port() == 443
    assert min(mustPrefix("10.0.0.0/8"), mustPrefix("10.0.0.0/16")).Bits() == 8
    with pytest.raises(TypeError):
        _ = mustIP("1.2.3.4") < _opaque(mustPrefix("1.2.3.4/32"))
    assert mustIP("1.2.3.4") != _opaque(mustIPPort("1.2.3.4:0"))


def test_Must_panics() -> None:
    with pytest.raises(Panic) as e:
        MustParseAddr("1.2.3")
    assert isinstance(e.value.value, parseAddrError)
    assert str(e.value) == 'ParseAddr("1.2.3"): IPv4 address too short'
    with pytest.raises(Panic) as e:
        MustParseAddrPort("1.2.3.4")
    assert str(e.value) == "not an ip:port"
    with pytest.raises(Panic) as e:
        MustParsePrefix("1.2.3.4/33")
    assert isinstance(e.value.value, parsePrefixError)
    assert str(e.value) == 'netip.ParsePrefix("1.2.3.4/33"): prefix length out of range'


def test_parse_errors_are_values() -> None:
    # Go's parseAddrError and parsePrefixError are structs: equal by value.
    _, e1 = ParseAddr("1.2.3")
    _, e2 = ParseAddr("1.2.3")
    assert e1 is not None and e1 == e2 and hash(e1) == hash(e2)
    assert errors.Is(e1, e2)
    assert e1 == parseAddrError("1.2.3", "IPv4 address too short")
    _, e3 = ParseAddr("1.2.4")
    assert e1 != e3
    _, p1 = ParsePrefix("x")
    _, p2 = ParsePrefix("x")
    assert p1 is not None and p1 == p2 and p1 == parsePrefixError("x", "no '/'")
    assert isinstance(e1, Exception)


def test_error_quoting() -> None:
    # strconv.Quote: escapes, non-printable runes, and bytes that are not UTF-8.
    _, err = ParseAddr('1.2.3.4"\\\x00\t\u00a0\u00e9\U0001f600')
    assert err is not None
    assert err.Error() == (
        'ParseAddr("1.2.3.4\\"\\\\\\x00\\t\\u00a0é😀"): unexpected character '
        '(at "\\"\\\\\\x00\\t\\u00a0é😀")'
    )
    ip, err = Addr.UnmarshalText(b"1.2.3.\xff")
    assert err is not None and ip == Addr()
    assert err.Error() == 'ParseAddr("1.2.3.\\xff"): unexpected character (at "\\xff")'


def test_zone_bytes_round_trip() -> None:
    # A zone that is not UTF-8 survives text and binary round trips byte for byte.
    ip, err = Addr.UnmarshalText(b"fe80::1%\xff\xfe")
    assert err is None and ip.Zone() == "\udcff\udcfe"
    assert ip.MarshalText() == (b"fe80::1%\xff\xfe", None)
    b, err = ip.MarshalBinary()
    assert err is None and b == ip.As16() + b"\xff\xfe" and len(b) == ip.marshalBinarySize()
    assert Addr.UnmarshalBinary(b) == (ip, None)


def test_argument_types() -> None:
    with pytest.raises(TypeError):
        ParseAddr(b"1.2.3.4")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ParsePrefix(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ParseAddrPort(1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        AddrFrom4(b"\x01\x02\x03")
    with pytest.raises(TypeError):
        AddrFrom4(4)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        AddrFrom16("::1")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        AddrFromSlice("1.2.3.4")  # type: ignore[arg-type]
    for port in (-1, 65536, 1.0, True):
        with pytest.raises(TypeError):
            AddrPortFrom(IPv6Loopback(), port)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        PrefixFrom(IPv6Loopback(), 1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        IPv6Loopback().Prefix("8")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        IPv6Loopback().WithZone(None)  # type: ignore[arg-type]


def test_zoned_unspecified() -> None:
    # Go compares with IPv6Unspecified() by ==, zone included: "::%eth0" is
    # not unspecified, and so counts as global unicast (checked against Go).
    a = mustIP("::%eth0")
    assert not a.IsUnspecified()
    assert a.IsGlobalUnicast()
    assert _properties(a) == {"globalUnicast"}


def test_WithZone() -> None:
    a = mustIP("fe80::1")
    assert a.WithZone("eth0").Zone() == "eth0"
    assert a.WithZone("eth0").WithZone("") == a
    assert a.WithZone("eth0").WithZone("").z is Z6noz
    assert mustIP("1.2.3.4").WithZone("eth0") == mustIP("1.2.3.4")
    assert Addr().WithZone("eth0") == Addr()
    assert mustIP("::ffff:1.2.3.4%eth0").Unmap().Zone() == ""


def test_exported() -> None:
    assert sorted(netip.__all__) == netip.__all__
    for name in netip.__all__:
        assert getattr(netip, name).__doc__.startswith("net/netip/netip.go: " + name)
