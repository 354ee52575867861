"""net/ip.go (go1.27.0): IP addresses, masks and networks as byte strings.

Go's ``IP`` is a ``[]byte`` of length 4 (IPv4) or 16 (IPv6, or IPv4 in the
IPv4-mapped form ``::ffff:a.b.c.d``); functions accept either length, and
those that make addresses (``IPv4``, ``ParseIP``, ``ParseCIDR``) always
return the 16-byte form. The same holds here.

Representation (the one decision that differs from Go): ``IP`` and
``IPMask`` are ``bytes`` subclasses. That keeps everything Go code does with
them (``len(ip)``, ``ip[12]``, ``ip[12:]``, comparing with ``bytes``,
passing to sockaddr encoders) and adds what Python code expects (hashable,
usable as dict keys, immutable, so a shared address such as
``IPv6loopback`` or a cached lookup result cannot be changed behind its
users' backs, which is the reason Go's ``copyIP`` exists). Slicing an IP
gives an IP. The price: Go code that mutates an IP in place must build a
new one instead (``IP(bytes(...))``).

Go's nil IP. Where Go returns or stores a nil ``IP`` (``ParseIP`` of a bad
string, ``To4`` of an IPv6 address, an unset ``TCPAddr.IP``) this port uses
``None``. An empty ``IP()`` behaves like Go's nil slice for every method
(``IP().String() == "<nil>"``), and both are falsy, so ``if not ip`` is
Go's ``len(ip) == 0`` for either. ``IPMask`` follows the same rules.

Formatting and parsing follow ``net/netip`` exactly (``ip.go`` delegates to
it): dotted decimal for IPv4 and IPv4-mapped addresses, RFC 5952 for IPv6
(lowercase, no leading zeros, the longest run of two or more zero groups,
the first such run on a tie, replaced by "::"), "?" plus hex for any other
length; ParseIP rejects octets with leading zeros, zones, and every other
form netip rejects: ``parseIP`` and ``ParseCIDR`` call ``netip.ParseAddr``,
as Go's do, and ``IP.String`` uses netip's text forms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, SupportsIndex, overload

from net import netip
from net.net import AddrError, ParseError
from net.netip import _v4String, _v6String
from std.errors import error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = [
    "CIDRMask",
    "IP",
    "IPMask",
    "IPNet",
    "IPv4",
    "IPv4Mask",
    "IPv4allrouter",
    "IPv4allsys",
    "IPv4bcast",
    "IPv4len",
    "IPv4zero",
    "IPv6interfacelocalallnodes",
    "IPv6len",
    "IPv6linklocalallnodes",
    "IPv6linklocalallrouters",
    "IPv6loopback",
    "IPv6unspecified",
    "IPv6zero",
    "ParseCIDR",
    "ParseIP",
]

IPv4len: Final = 4
"""net.IPv4len: bytes in an IPv4 address."""

IPv6len: Final = 16
"""net.IPv6len: bytes in an IPv6 address."""

v4InV6Prefix: Final = bytes((0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF))
"""net/ip.go: v4InV6Prefix. The 12 bytes before an IPv4 address in 16-byte form."""


def _bytesArg(b: object, who: str) -> None:
    # Go converts only byte slices; a str or int here is a type error.
    if isinstance(b, (str, int)):
        raise TypeError(f"{who} needs bytes or a sequence of ints, not {type(b).__name__}")


def _rawIP(b: bytes) -> IP:
    """An IP from bytes that are an address already (a kernel sockaddr's): no argument checks.

    The data path's constructor; ``IP(b)`` checks its argument, which costs
    more than the rest of a datagram's address handling.
    """
    return bytes.__new__(IP, b)


class IP(bytes):
    """net.IP: a single IP address, 4 or 16 bytes (see the module doc).

    ``IP(b"\\x7f\\x00\\x00\\x01")`` or ``IP([127, 0, 0, 1])`` as Go's
    ``IP{127, 0, 0, 1}``; ``IP()`` is the empty address. A ``str`` or an
    ``int`` is refused with TypeError (use ``ParseIP`` for text).
    """

    __slots__ = ()

    def __new__(cls, b: Iterable[SupportsIndex] | ReadableBuffer = b"") -> IP:
        _bytesArg(b, "net.IP")
        return super().__new__(cls, b)

    @overload
    def __getitem__(self, i: SupportsIndex) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> IP: ...

    def __getitem__(self, i: SupportsIndex | slice) -> int | IP:
        if isinstance(i, slice):
            return _rawIP(bytes.__getitem__(self, i))
        return bytes.__getitem__(self, i)

    def __repr__(self) -> str:
        return f"net.IP({self.String()}, len={len(self)})"

    def __str__(self) -> str:
        return self.String()

    # --- classification ---

    def IsUnspecified(self) -> bool:
        """net.IP.IsUnspecified: whether ip is the unspecified address, 0.0.0.0 or ::."""
        return self.Equal(IPv4zero) or self.Equal(IPv6unspecified)

    def IsLoopback(self) -> bool:
        """net.IP.IsLoopback: 127.0.0.0/8 or ::1."""
        ip4 = self.To4()
        if ip4 is not None:
            return ip4[0] == 127
        return self.Equal(IPv6loopback)

    def IsPrivate(self) -> bool:
        """net.IP.IsPrivate: 10/8, 172.16/12, 192.168/16 (RFC 1918) or fc00::/7 (RFC 4193).

        Not a security property; do not use it for access control.
        """
        ip4 = self.To4()
        if ip4 is not None:
            return (
                ip4[0] == 10
                or (ip4[0] == 172 and ip4[1] & 0xF0 == 16)
                or (ip4[0] == 192 and ip4[1] == 168)
            )
        return len(self) == IPv6len and self[0] & 0xFE == 0xFC

    def IsMulticast(self) -> bool:
        """net.IP.IsMulticast: 224.0.0.0/4 or ff00::/8."""
        ip4 = self.To4()
        if ip4 is not None:
            return ip4[0] & 0xF0 == 0xE0
        return len(self) == IPv6len and self[0] == 0xFF

    def IsInterfaceLocalMulticast(self) -> bool:
        """net.IP.IsInterfaceLocalMulticast: ff01::/16 (IPv6 only)."""
        return len(self) == IPv6len and self[0] == 0xFF and self[1] & 0x0F == 0x01

    def IsLinkLocalMulticast(self) -> bool:
        """net.IP.IsLinkLocalMulticast: 224.0.0.0/24 or ff02::/16."""
        ip4 = self.To4()
        if ip4 is not None:
            return ip4[0] == 224 and ip4[1] == 0 and ip4[2] == 0
        return len(self) == IPv6len and self[0] == 0xFF and self[1] & 0x0F == 0x02

    def IsLinkLocalUnicast(self) -> bool:
        """net.IP.IsLinkLocalUnicast: 169.254.0.0/16 or fe80::/10."""
        ip4 = self.To4()
        if ip4 is not None:
            return ip4[0] == 169 and ip4[1] == 254
        return len(self) == IPv6len and self[0] == 0xFE and self[1] & 0xC0 == 0x80

    def IsGlobalUnicast(self) -> bool:
        """net.IP.IsGlobalUnicast: a valid address that is none of the special kinds.

        True for private and unique-local addresses as well; the limited
        broadcast address is excluded, directed broadcasts are not.
        """
        return (
            (len(self) == IPv4len or len(self) == IPv6len)
            and not self.Equal(IPv4bcast)
            and not self.IsUnspecified()
            and not self.IsLoopback()
            and not self.IsMulticast()
            and not self.IsLinkLocalUnicast()
        )

    # --- conversions ---

    def To4(self) -> IP | None:
        """net.IP.To4: the 4-byte form of an IPv4 address, or None."""
        if len(self) == IPv4len:
            return self
        if len(self) == IPv6len and bytes.startswith(self, v4InV6Prefix):
            return self[12:16]
        return None

    def To16(self) -> IP | None:
        """net.IP.To16: the 16-byte form, or None for a wrong length."""
        if len(self) == IPv4len:
            return _rawIP(v4InV6Prefix + self)
        if len(self) == IPv6len:
            return self
        return None

    def DefaultMask(self) -> IPMask | None:
        """net.IP.DefaultMask: the classful mask of an IPv4 address (None for IPv6)."""
        ip = self.To4()
        if ip is None:
            return None
        if ip[0] < 0x80:
            return classAMask
        if ip[0] < 0xC0:
            return classBMask
        return classCMask

    def Mask(self, mask: IPMask | bytes | None) -> IP | None:
        """net.IP.Mask: ip AND mask, or None when their lengths cannot be matched.

        A 16-byte mask whose first 12 bytes are all ones applies to a 4-byte
        IP, and a 4-byte mask to an IPv4 address in 16-byte form (the result
        is then 4 bytes long).
        """
        m = bytes(mask) if mask is not None else b""
        ip = bytes(self)
        if len(m) == IPv6len and len(ip) == IPv4len and m[:12] == b"\xff" * 12:
            m = m[12:]
        if len(m) == IPv4len and len(ip) == IPv6len and ip[:12] == v4InV6Prefix:
            ip = ip[12:]
        if len(ip) != len(m):
            return None
        return IP(bytes(a & b for a, b in zip(ip, m, strict=True)))

    def Equal(self, x: IP | bytes | None) -> bool:
        """net.IP.Equal: the same address; the 4- and 16-byte forms of an IPv4 one are equal."""
        xb = bytes(x) if x is not None else b""
        me = bytes(self)
        if len(me) == len(xb):
            return me == xb
        if len(me) == IPv4len and len(xb) == IPv6len:
            return xb[:12] == v4InV6Prefix and xb[12:] == me
        if len(me) == IPv6len and len(xb) == IPv4len:
            return me[:12] == v4InV6Prefix and me[12:] == xb
        return False

    def matchAddrFamily(self, x: IP | None) -> bool:
        """net/ip.go: IP.matchAddrFamily. Both IPv4, or both IPv6 (not IPv4-mapped)."""
        xx = x if x is not None else IP()
        if self.To4() is not None and xx.To4() is not None:
            return True
        return (
            self.To16() is not None
            and self.To4() is None
            and xx.To16() is not None
            and xx.To4() is None
        )

    # --- text ---

    def String(self) -> str:
        """net.IP.String: "<nil>", dotted decimal, RFC 5952 IPv6, or "?" and hex."""
        n = len(self)
        if n == 0:
            return "<nil>"
        if n != IPv4len and n != IPv6len:
            return "?" + hexString(self)
        return self._appendTo()

    def _appendTo(self) -> str:
        """net/ip.go: IP.appendTo (for 4- and 16-byte IPs only)."""
        p4 = self.To4()
        if p4 is not None:
            return _v4String(p4)
        return _v6String(bytes(self))

    def AppendText(self, b: bytes) -> tuple[bytes, error | None]:
        """net.IP.AppendText: b followed by String()'s text (nothing for an empty IP)."""
        if len(self) == 0:
            return bytes(b), None
        if len(self) != IPv4len and len(self) != IPv6len:
            return bytes(b), AddrError(Err="invalid IP address", Addr=hexString(self))
        return bytes(b) + self._appendTo().encode(), None

    def MarshalText(self) -> tuple[bytes, error | None]:
        """net.IP.MarshalText: String()'s text as bytes; b"" for an empty IP.

        Go returns a nil slice with the error; here that is ``b""``.
        """
        return self.AppendText(b"")

    @staticmethod
    def UnmarshalText(text: bytes) -> tuple[IP | None, error | None]:
        """net.IP.UnmarshalText: parse text as ParseIP does; returns ``(ip, err)``.

        Go stores the result through the receiver; an immutable IP cannot
        change, so this returns it instead: ``ip, err = IP.UnmarshalText(b)``.
        Empty text gives ``(None, None)``; bad text ``(None, ParseError)``
        (Go leaves the receiver unchanged on error).
        """
        if len(text) == 0:
            return None, None
        s = bytes(text).decode("utf-8", "surrogateescape")
        x = ParseIP(s)
        if x is None:
            return None, ParseError(Type="IP address", Text=s)
        return x, None


_IP = IP


class IPMask(bytes):
    """net.IPMask: a bit mask for an IP address, 4 or 16 bytes (see the module doc)."""

    __slots__ = ()

    def __new__(cls, b: Iterable[SupportsIndex] | ReadableBuffer = b"") -> IPMask:
        _bytesArg(b, "net.IPMask")
        return super().__new__(cls, b)

    @overload
    def __getitem__(self, i: SupportsIndex) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> IPMask: ...

    def __getitem__(self, i: SupportsIndex | slice) -> int | IPMask:
        if isinstance(i, slice):
            return IPMask(bytes.__getitem__(self, i))
        return bytes.__getitem__(self, i)

    def __repr__(self) -> str:
        return f"net.IPMask({self.String()})"

    def __str__(self) -> str:
        return self.String()

    def Size(self) -> tuple[int, int]:
        """net.IPMask.Size: (leading ones, total bits); (0, 0) if not ones-then-zeros."""
        ones, bits = simpleMaskLength(self), len(self) * 8
        if ones == -1:
            return 0, 0
        return ones, bits

    def String(self) -> str:
        """net.IPMask.String: the mask in hex without punctuation; "<nil>" when empty."""
        if len(self) == 0:
            return "<nil>"
        return hexString(self)


_IPMask = IPMask


def IPv4(a: int, b: int, c: int, d: int) -> IP:
    """net.IPv4: the 16-byte form of the IPv4 address a.b.c.d."""
    return IP(v4InV6Prefix + bytes((a, b, c, d)))


def IPv4Mask(a: int, b: int, c: int, d: int) -> IPMask:
    """net.IPv4Mask: the 4-byte mask a.b.c.d."""
    return IPMask(bytes((a, b, c, d)))


def CIDRMask(ones: int, bits: int) -> IPMask | None:
    """net.CIDRMask: ``ones`` one bits then zeros, ``bits`` (32 or 128) in all; else None."""
    if bits != 8 * IPv4len and bits != 8 * IPv6len:
        return None
    if ones < 0 or ones > bits:
        return None
    full = (1 << bits) - 1
    value = full ^ (full >> ones)
    return IPMask(value.to_bytes(bits // 8, "big"))


IPv4bcast: Final = IPv4(255, 255, 255, 255)
"""net.IPv4bcast: the limited broadcast address."""
IPv4allsys: Final = IPv4(224, 0, 0, 1)
"""net.IPv4allsys: all systems."""
IPv4allrouter: Final = IPv4(224, 0, 0, 2)
"""net.IPv4allrouter: all routers."""
IPv4zero: Final = IPv4(0, 0, 0, 0)
"""net.IPv4zero: all zeros."""

IPv6zero: Final = IP(bytes(16))
"""net.IPv6zero: ::."""
IPv6unspecified: Final = IP(bytes(16))
"""net.IPv6unspecified: ::."""
IPv6loopback: Final = IP(bytes(15) + b"\x01")
"""net.IPv6loopback: ::1."""
IPv6interfacelocalallnodes: Final = IP(b"\xff\x01" + bytes(13) + b"\x01")
"""net.IPv6interfacelocalallnodes: ff01::1."""
IPv6linklocalallnodes: Final = IP(b"\xff\x02" + bytes(13) + b"\x01")
"""net.IPv6linklocalallnodes: ff02::1."""
IPv6linklocalallrouters: Final = IP(b"\xff\x02" + bytes(13) + b"\x02")
"""net.IPv6linklocalallrouters: ff02::2."""

classAMask: Final = IPv4Mask(0xFF, 0, 0, 0)
"""net/ip.go: classAMask."""
classBMask: Final = IPv4Mask(0xFF, 0xFF, 0, 0)
"""net/ip.go: classBMask."""
classCMask: Final = IPv4Mask(0xFF, 0xFF, 0xFF, 0)
"""net/ip.go: classCMask."""


def hexString(b: bytes) -> str:
    """net/ip.go: hexString. Lowercase hex, two digits a byte, no punctuation."""
    return bytes(b).hex()


def ipEmptyString(ip: IP | None) -> str:
    """net/ip.go: ipEmptyString. Like String but "" for an empty or None IP."""
    if not ip:
        return ""
    return ip.String()


def simpleMaskLength(mask: bytes) -> int:
    """net/ip.go: simpleMaskLength. The count of leading ones, or -1 if not ones-then-zeros."""
    n = 0
    for i, v in enumerate(mask):
        if v == 0xFF:
            n += 8
            continue
        while v & 0x80:
            n += 1
            v = (v << 1) & 0xFF
        if v != 0:
            return -1
        if any(mask[i + 1 :]):
            return -1
        break
    return n


@dataclass(repr=True)
class IPNet:
    """net.IPNet: an IP network, a network number and a mask.

    Built with keywords: ``IPNet(IP=IPv4(192, 0, 2, 0), Mask=CIDRMask(24, 32))``.
    Fields may be None (Go's nil). Compares and hashes by value, as
    reflect.DeepEqual would, so it works as a dict key (net/tcpsock.py's
    module doc has the reasoning and the one caveat).
    """

    IP: _IP | None = None
    Mask: _IPMask | None = None

    def __hash__(self) -> int:
        return hash((self.IP, self.Mask))

    def Contains(self, ip: _IP | None) -> bool:
        """net.IPNet.Contains: whether the network includes ip."""
        nn, m = networkNumberAndMask(self)
        if nn is None or m is None or ip is None:
            return False
        x = ip.To4()
        if x is not None:
            ip = x
        if len(ip) != len(nn):
            return False
        return all(a & k == b & k for a, b, k in zip(nn, ip, m, strict=True))

    def Network(self) -> str:
        """net.IPNet.Network: the network name "ip+net", for the Addr interface."""
        return "ip+net"

    def String(self) -> str:
        """net.IPNet.String: "192.0.2.0/24", or "ip/hexmask" for a non-canonical mask.

        "<nil>" when the IP or mask is missing or of a wrong length.
        """
        nn, m = networkNumberAndMask(self)
        if nn is None or m is None:
            return "<nil>"
        ln = simpleMaskLength(m)
        if ln == -1:
            return nn.String() + "/" + m.String()
        return nn.String() + "/" + str(ln)

    def __str__(self) -> str:
        return self.String()


def networkNumberAndMask(n: IPNet) -> tuple[IP | None, IPMask | None]:
    """net/ip.go: networkNumberAndMask. The IP and mask brought to the same length."""
    ip = n.IP.To4() if n.IP is not None else None
    if ip is None:
        ip = n.IP
        if ip is None or len(ip) != IPv6len:
            return None, None
    m = n.Mask
    if m is None:
        return None, None
    if len(m) == IPv4len:
        if len(ip) != IPv4len:
            return None, None
    elif len(m) == IPv6len:
        if len(ip) == IPv4len:
            m = m[12:]
    else:
        return None, None
    return ip, m


def ParseIP(s: str) -> IP | None:
    """net.ParseIP: parse dotted decimal, IPv6, or IPv4-mapped IPv6 text; None if invalid.

    The result is always 16 bytes. Zones ("fe80::1%eth0") are rejected.
    """
    if not isinstance(s, str):
        raise TypeError(f"net.ParseIP needs a str, not {type(s).__name__}")
    addr, valid = parseIP(s)
    if valid:
        return IP(addr)
    return None


def parseIP(s: str) -> tuple[bytes, bool]:
    """net.parseIP: netip.ParseAddr's 16-byte form of s, and whether s was an IP without a zone."""
    ip, err = netip.ParseAddr(s)
    if err is not None or ip.Zone() != "":
        return bytes(16), False
    return ip.As16(), True


def ParseCIDR(s: str) -> tuple[IP | None, IPNet | None, error | None]:
    """net.ParseCIDR: "192.0.2.1/24" gives (192.0.2.1, 192.0.2.0/24, None).

    Any malformed input gives ``(None, None, ParseError(Type="CIDR address",
    Text=s))``: a missing "/", a bad or zoned address, or a prefix length
    that is not plain decimal in range.
    """
    if not isinstance(s, str):
        raise TypeError(f"net.ParseCIDR needs a str, not {type(s).__name__}")
    addr, sep, mask = s.partition("/")
    if not sep:
        return None, None, ParseError(Type="CIDR address", Text=s)
    ipAddr, err = netip.ParseAddr(addr)
    if err is not None or ipAddr.Zone() != "":
        return None, None, ParseError(Type="CIDR address", Text=s)
    n, i, ok = dtoi(mask)
    if not ok or i != len(mask) or n < 0 or n > ipAddr.BitLen():
        return None, None, ParseError(Type="CIDR address", Text=s)
    m = CIDRMask(n, ipAddr.BitLen())
    addr16 = IP(ipAddr.As16())
    return addr16, IPNet(IP=addr16.Mask(m), Mask=m), None


# ---------------------------------------------------------------------------
# parse.go: the one number parser ip.go needs; lookup.py imports it from here.

big: Final = 0xFFFFFF
"""net/parse.go: big. Bigger than any number dtoi needs to parse."""


def dtoi(s: str) -> tuple[int, int, bool]:
    """net/parse.go: dtoi. Leading decimal digits of s: (value, digits used, ok).

    Stops at the first non-digit; fails on no digits, or when the value
    reaches ``big`` (then returns ``(big, i, False)``). Only ASCII digits.
    """
    n = 0
    i = 0
    while i < len(s) and "0" <= s[i] <= "9":
        n = n * 10 + (ord(s[i]) - 48)
        if n >= big:
            return big, i, False
        i += 1
    if i == 0:
        return 0, 0, False
    return n, i, True
