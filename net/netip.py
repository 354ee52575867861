"""net/netip/netip.go and uint128.go (go1.27.0): small immutable IP address values.

``from net import netip`` gives Go's package: ``Addr`` (an IPv4 or IPv6
address, maybe with an IPv6 zone), ``AddrPort`` (an Addr and a port) and
``Prefix`` (an Addr and a prefix length, CIDR notation). All three are
values: immutable, hashable, equal when Go's ``==`` says so, and ordered by
their ``Compare`` methods. The zero value of each (``netip.Addr()``,
``netip.AddrPort()``, ``netip.Prefix()``) is invalid, as in Go, and is
distinct from 0.0.0.0 and ::.

Representation. Go stores an Addr as a 128-bit number (a ``uint128`` of two
``uint64`` halves) plus ``z``, a handle naming the address family and zone.
A Python int holds 128 bits natively, so ``Addr.addr`` is one int and
uint128.go's helpers become plain ``&``, ``^``, ``+ 1``; only ``mask6``
survives as a function. The number is always the 16-byte form read
big-endian: an IPv4 address a.b.c.d is stored as its IPv4-mapped IPv6 form
``::ffff:a.b.c.d``, and only ``z`` says whether it is IPv4 or a real
IPv4-mapped IPv6 address. ``Addr.z`` is one of:

* ``z0`` (``None``): the zero, invalid Addr;
* ``z4``: IPv4;
* ``z6noz``: IPv6 without a zone;
* an ``addrDetail(isV6=True, zoneV6=zone)`` with a non-empty zone.

``z4`` and ``z6noz`` are module singletons, tested with ``is`` as Go tests
its interned handles with ``==``; zoned details compare by value, which is
what Go's interning (``unique.Make``) amounts to. Build Addrs with the
constructors below (``AddrFrom4``, ``ParseAddr``, ...), never by filling the
fields by hand: a hand-made ``addrDetail(False, "")`` is not ``z4``.

Python surface. ``str(x)`` is ``x.String()``; ``repr(x)`` is an expression
that rebuilds x (``netip.MustParseAddr('fe80::1%eth0')``). ``<``, ``<=``,
``>``, ``>=`` follow ``Compare`` (Python only, so ``sorted`` works), and
``==`` and ``hash`` follow Go's ``==``. Go's ``[4]byte`` and ``[16]byte``
are ``bytes`` of that length (a wrong length, a ``str`` or an ``int`` is a
TypeError: Go would not compile it); ``[]byte`` results are ``bytes``, and
``AsSlice`` of the zero Addr is ``b""`` where Go returns nil, so the result
can always go back into ``AddrFromSlice`` or ``net.IP``. A ``uint16`` port
is an int in [0, 65535] (anything else is a TypeError). Functions returning
``(T, error)`` return ``(value, err)``; errors carry Go's text byte for byte
(``ParseAddr("1.2.3"): IPv4 address too short``). The ``Must*`` functions
raise ``rt.panic.Panic`` holding the error, as Go's ``panic(err)``.
Go's pointer-receiver ``UnmarshalText``/``UnmarshalBinary`` cannot update an
immutable value, so they are static methods returning ``(value, err)``:
``ip, err = netip.Addr.UnmarshalText(b)``; on error the value is the zero
value of the type.

Left out on purpose: ``digits``, ``appendDecimal``, ``appendHex`` and
``appendHexPad`` (Go's allocation-free formatting; Python formats with
``format`` and the RFC 5952 helpers of net/ip.py), the uint128 methods
``isZero``, ``and``, ``xor``, ``or``, ``not``, ``subOne``, ``addOne``,
``halves``, ``bitsSetFrom`` and ``bitsClearedFrom`` (plain int operators
here).

Order: uint128.go's ``mask6`` first, then netip.go. Each class holds its
methods in Go's order; the package functions Go declares among a type's
methods follow that class, in Go's order. Go's ``appendTo4``,
``appendTo4In6`` and ``appendTo6`` return the text instead of appending it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, SupportsIndex

from rt.panic import Panic
from std import errors
from std.errors import error

# The text forms ip.go's IP.String shares with Addr.String (appendTo4, appendTo6).


def _v4String(b: bytes) -> str:
    """net/netip: Addr.appendTo4."""
    return f"{b[0]}.{b[1]}.{b[2]}.{b[3]}"


def _v6String(b: bytes) -> str:
    """net/netip: Addr.appendTo6 (without the zone). RFC 5952 section 4.

    The longest run of at least two zero groups (the first of equal runs)
    becomes "::"; a single zero group is never compressed.
    """
    groups = [(b[i] << 8) | b[i + 1] for i in range(0, 16, 2)]
    zeroStart, zeroEnd = -1, -1
    i = 0
    while i < 8:
        j = i
        while j < 8 and groups[j] == 0:
            j += 1
        if j - i >= 2 and j - i > zeroEnd - zeroStart:
            zeroStart, zeroEnd = i, j
        i = j + 1 if j > i else i + 1
    out = []
    i = 0
    while i < 8:
        if i == zeroStart:
            out.append("::")
            i = zeroEnd
            if i >= 8:
                break
        elif i > 0:
            out.append(":")
        out.append(format(groups[i], "x"))
        i += 1
    return "".join(out)


if TYPE_CHECKING:
    from collections.abc import Iterable

    from _typeshed import ReadableBuffer

__all__ = [
    "Addr",
    "AddrFrom16",
    "AddrFrom4",
    "AddrFromSlice",
    "AddrPort",
    "AddrPortFrom",
    "IPv4Unspecified",
    "IPv6LinkLocalAllNodes",
    "IPv6LinkLocalAllRouters",
    "IPv6Loopback",
    "IPv6Unspecified",
    "MustParseAddr",
    "MustParseAddrPort",
    "MustParsePrefix",
    "ParseAddr",
    "ParseAddrPort",
    "ParsePrefix",
    "Prefix",
    "PrefixFrom",
]

_mask128: Final = (1 << 128) - 1
_mask32: Final = 0xFFFFFFFF
_v4InV6: Final = 0xFFFF_0000_0000
"""The bits above an IPv4 address in its IPv4-mapped form ::ffff:a.b.c.d."""


# ---------------------------------------------------------------------------
# uint128.go


def mask6(n: int) -> int:
    """net/netip/uint128.go: mask6. The 128-bit number whose top n bits are ones."""
    return ((1 << n) - 1) << (128 - n)


# ---------------------------------------------------------------------------
# Small helpers with no Go counterpart (Python only).


def _goBytes(s: str) -> bytes:
    """The bytes of a Go string held in a str (surrogateescape undone; see std/bufio.py)."""
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogatepass")


def _goString(b: ReadableBuffer) -> str:
    """Go's string(b): bytes to str, invalid UTF-8 kept through surrogateescape."""
    return bytes(b).decode("utf-8", "surrogateescape")


_escapes: Final = {7: "\\a", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v"}


def _quoteRune(r: int) -> str:
    """strconv.appendEscapedRune for a valid rune, with '"' as the quote."""
    if r == 0x22 or r == 0x5C:
        return "\\" + chr(r)
    ch = chr(r)
    # Python's isprintable (not categories C* or Z*, ASCII space allowed) is
    # Go's unicode.IsPrint (L, M, N, P, S and ASCII space).
    if ch.isprintable():
        return ch
    e = _escapes.get(r)
    if e is not None:
        return e
    if r < 0x20 or r == 0x7F:
        return f"\\x{r:02x}"
    if r < 0x10000:
        return f"\\u{r:04x}"
    return f"\\U{r:08x}"


def _quote(s: str) -> str:
    """strconv.Quote: s as a double-quoted Go string literal.

    Works on s's Go bytes, so a byte that is not valid UTF-8 is written
    ``\\xNN`` exactly as Go writes it.
    """
    b = _goBytes(s)
    out = ['"']
    i, n = 0, len(b)
    while i < n:
        c = b[i]
        if c < 0x80:
            out.append(_quoteRune(c))
            i += 1
            continue
        # The length a UTF-8 sequence led by c would have (0: c cannot lead one).
        width = 0
        if 0xC2 <= c <= 0xDF:
            width = 2
        elif 0xE0 <= c <= 0xEF:
            width = 3
        elif 0xF0 <= c <= 0xF4:
            width = 4
        r = -1
        if width and i + width <= n:
            try:
                r = ord(b[i : i + width].decode("utf-8"))
            except UnicodeDecodeError:
                r = -1
        if r < 0:
            out.append(f"\\x{c:02x}")  # utf8.RuneError of width 1
            i += 1
            continue
        out.append(_quoteRune(r))
        i += width
    out.append('"')
    return "".join(out)


def _byteArray(a: Iterable[SupportsIndex] | ReadableBuffer, n: int, who: str) -> bytes:
    """Go's [n]byte argument: n bytes, from a bytes-like object or a sequence of ints."""
    if isinstance(a, (str, int)):
        raise TypeError(f"{who} needs {n} bytes (Go's [{n}]byte), not {type(a).__name__}")
    b = bytes(a)
    if len(b) != n:
        raise TypeError(f"{who} needs {n} bytes (Go's [{n}]byte), got {len(b)}")
    return b


def _uint16(port: object, who: str) -> int:
    """Go's uint16 argument: an int in [0, 65535]; anything else would not compile."""
    if not isinstance(port, int) or isinstance(port, bool) or not 0 <= port <= 0xFFFF:
        raise TypeError(f"{who} needs a port in [0, 65535] (Go's uint16), not {port!r}")
    return port


def _int(v: object, who: str) -> int:
    """Go's int argument."""
    if not isinstance(v, int) or isinstance(v, bool):
        raise TypeError(f"{who} needs an int, not {type(v).__name__}")
    return v


def _cmp(a: int, b: int) -> int:
    """cmp.Compare for ints."""
    return -1 if a < b else 1 if a > b else 0


# ---------------------------------------------------------------------------
# Addr


@dataclass(frozen=True, slots=True)
class addrDetail:
    """net/netip/netip.go: addrDetail. The address family and the IPv6 zone.

    ``zoneV6`` is non-empty only when ``isV6`` is true. See the module doc
    for the three singletons ``z0``, ``z4`` and ``z6noz``.
    """

    isV6: bool
    zoneV6: str


z0: Final = None
"""net/netip/netip.go: z0. The z of the zero Addr."""
z4: Final = addrDetail(isV6=False, zoneV6="")
"""net/netip/netip.go: z4. The z of every IPv4 Addr (compared with ``is``)."""
z6noz: Final = addrDetail(isV6=True, zoneV6="")
"""net/netip/netip.go: z6noz. The z of every IPv6 Addr without a zone (compared with ``is``)."""


@dataclass(frozen=True, slots=True, repr=False)
class Addr:
    """net/netip/netip.go: Addr. An IPv4 or IPv6 address, maybe with an IPv6 zone.

    ``Addr()`` is the zero value: not a valid address, and neither 0.0.0.0
    nor ::. ``addr`` is the address as a 128-bit number (IPv4 in its
    IPv4-mapped form) and ``z`` its family and zone (see the module doc);
    both are fixed at construction. Compares with ``==`` and hashes as
    Go's ``==`` does: an IPv4 address differs from its IPv4-mapped IPv6 form,
    and an IPv6 address from the same address with a zone.
    """

    addr: int = 0
    z: addrDetail | None = None

    def v4(self, i: int) -> int:
        """net/netip/netip.go: Addr.v4. Byte i (0-3) of an IPv4 address."""
        return (self.addr >> ((3 - i) * 8)) & 0xFF

    def v6(self, i: int) -> int:
        """net/netip/netip.go: Addr.v6. Byte i (0-15) of the 16-byte form."""
        return (self.addr >> ((15 - i) * 8)) & 0xFF

    def v6u16(self, i: int) -> int:
        """net/netip/netip.go: Addr.v6u16. 16-bit group i (0-7) of the 16-byte form."""
        return (self.addr >> ((7 - i) * 16)) & 0xFFFF

    def isZero(self) -> bool:
        """net/netip/netip.go: Addr.isZero. Whether ip is the zero Addr."""
        return self.z is None

    def IsValid(self) -> bool:
        """net/netip/netip.go: Addr.IsValid. Whether ip is not the zero Addr.

        0.0.0.0 and :: are valid.
        """
        return self.z is not None

    def BitLen(self) -> int:
        """net/netip/netip.go: Addr.BitLen. 32 for IPv4, 128 for IPv6, 0 for the zero Addr.

        An IPv4-mapped IPv6 address is IPv6: 128.
        """
        z = self.z
        if z is None:
            return 0
        if z is z4:
            return 32
        return 128

    def Zone(self) -> str:
        """net/netip/netip.go: Addr.Zone. The IPv6 zone, or ""."""
        z = self.z
        if z is None:
            return ""
        return z.zoneV6

    def Compare(self, ip2: Addr) -> int:
        """net/netip/netip.go: Addr.Compare. -1, 0 or +1 as ip sorts before, with or after ip2.

        The order: the zero Addr, then IPv4, then IPv6 (IPv4-mapped
        included), each by numeric value; an IPv6 address without a zone
        sorts just before the same address with zones, which sort by zone.
        """
        f1, f2 = self.BitLen(), ip2.BitLen()
        if f1 != f2:
            return -1 if f1 < f2 else 1
        a1, a2 = self.addr, ip2.addr
        if a1 != a2:
            return -1 if a1 < a2 else 1
        if self.Is6():
            za, zb = self.Zone(), ip2.Zone()
            if za != zb:
                return -1 if za < zb else 1
        return 0

    def Less(self, ip2: Addr) -> bool:
        """net/netip/netip.go: Addr.Less. Whether ip sorts before ip2 (see Compare)."""
        return self.Compare(ip2) == -1

    def Is4(self) -> bool:
        """net/netip/netip.go: Addr.Is4. Whether ip is IPv4 (false for IPv4-mapped IPv6)."""
        return self.z is z4

    def Is4In6(self) -> bool:
        """net/netip/netip.go: Addr.Is4In6. Whether ip is IPv4-mapped IPv6, in ::ffff:0:0/96."""
        z = self.z
        return z is not None and z is not z4 and self.addr >> 32 == 0xFFFF

    def Is6(self) -> bool:
        """net/netip/netip.go: Addr.Is6. Whether ip is IPv6, IPv4-mapped addresses included."""
        z = self.z
        return z is not None and z is not z4

    def Unmap(self) -> Addr:
        """net/netip/netip.go: Addr.Unmap. The IPv4 address inside an IPv4-mapped one, else ip.

        The zone, if any, is dropped with the mapping.
        """
        if self.Is4In6():
            return _mkAddr(self.addr, z4)
        return self

    def WithZone(self, zone: str) -> Addr:
        """net/netip/netip.go: Addr.WithZone. ip with its zone set to zone ("" removes it).

        IPv4 addresses and the zero Addr have no zone and come back unchanged.
        """
        if not isinstance(zone, str):
            raise TypeError(f"netip.Addr.WithZone needs a str, not {type(zone).__name__}")
        if not self.Is6():
            return self
        if zone == "":
            return _mkAddr(self.addr, z6noz)
        return _mkAddr(self.addr, addrDetail(isV6=True, zoneV6=zone))

    def withoutZone(self) -> Addr:
        """net/netip/netip.go: Addr.withoutZone. ip with any zone removed."""
        if not self.Is6() or self.z is z6noz:
            return self
        return _mkAddr(self.addr, z6noz)

    def hasZone(self) -> bool:
        """net/netip/netip.go: Addr.hasZone. Whether ip is IPv6 with a zone."""
        z = self.z
        return z is not None and z is not z4 and z is not z6noz

    def IsLinkLocalUnicast(self) -> bool:
        """net/netip/netip.go: Addr.IsLinkLocalUnicast. 169.254.0.0/16 or fe80::/10.

        RFC 3927 and RFC 4291. IPv4-mapped addresses are judged by their
        IPv4 address.
        """
        ip = self.Unmap()
        if ip.Is4():
            return ip.v4(0) == 169 and ip.v4(1) == 254
        if ip.Is6():
            return ip.v6u16(0) & 0xFFC0 == 0xFE80
        return False  # the zero Addr

    def IsLoopback(self) -> bool:
        """net/netip/netip.go: Addr.IsLoopback. 127.0.0.0/8 (RFC 1122) or ::1 (RFC 4291).

        IPv4-mapped addresses are judged by their IPv4 address.
        """
        ip = self.Unmap()
        if ip.Is4():
            return ip.v4(0) == 127
        if ip.Is6():
            return ip.addr == 1
        return False  # the zero Addr

    def IsMulticast(self) -> bool:
        """net/netip/netip.go: Addr.IsMulticast. 224.0.0.0/4 (RFC 1112) or ff00::/8 (RFC 4291).

        IPv4-mapped addresses are judged by their IPv4 address.
        """
        ip = self.Unmap()
        if ip.Is4():
            return ip.v4(0) & 0xF0 == 0xE0
        if ip.Is6():
            return ip.addr >> 120 == 0xFF
        return False  # the zero Addr

    def IsInterfaceLocalMulticast(self) -> bool:
        """net/netip/netip.go: Addr.IsInterfaceLocalMulticast. ffX1::/16; IPv6 only."""
        if self.Is6() and not self.Is4In6():
            return self.v6u16(0) & 0xFF0F == 0xFF01
        return False

    def IsLinkLocalMulticast(self) -> bool:
        """net/netip/netip.go: Addr.IsLinkLocalMulticast. 224.0.0.0/24 (RFC 5771) or ff02::/16.

        The IPv6 test ignores the flag bits (ffX2::/16, RFC 4291 2.7.1).
        IPv4-mapped addresses are judged by their IPv4 address.
        """
        ip = self.Unmap()
        if ip.Is4():
            return ip.v4(0) == 224 and ip.v4(1) == 0 and ip.v4(2) == 0
        if ip.Is6():
            return ip.v6u16(0) & 0xFF0F == 0xFF02
        return False  # the zero Addr

    def IsGlobalUnicast(self) -> bool:
        """net/netip/netip.go: Addr.IsGlobalUnicast. A valid address of none of the special kinds.

        Like net.IP.IsGlobalUnicast: true for private IPv4 and unique-local
        IPv6 addresses and for IPv6 outside 2000::/3; false for the zero
        Addr, 0.0.0.0, 255.255.255.255, :: (without a zone; "::%eth0" is not
        equal to IPv6Unspecified, so it counts as global, as in Go),
        loopback, multicast and link-local unicast addresses.
        """
        if self.z is None:
            return False
        ip = self.Unmap()
        if ip.Is4() and (ip.addr & _mask32 == 0 or ip.addr & _mask32 == _mask32):
            return False
        return (
            ip != IPv6Unspecified()
            and not ip.IsLoopback()
            and not ip.IsMulticast()
            and not ip.IsLinkLocalUnicast()
        )

    def IsPrivate(self) -> bool:
        """net/netip/netip.go: Addr.IsPrivate. 10/8, 172.16/12, 192.168/16 or fc00::/7.

        RFC 1918 and RFC 4193; the same as net.IP.IsPrivate. Not a security
        property: do not use it for access control. IPv4-mapped addresses
        are judged by their IPv4 address.
        """
        ip = self.Unmap()
        if ip.Is4():
            return (
                ip.v4(0) == 10
                or (ip.v4(0) == 172 and ip.v4(1) & 0xF0 == 16)
                or (ip.v4(0) == 192 and ip.v4(1) == 168)
            )
        if ip.Is6():
            return ip.v6(0) & 0xFE == 0xFC
        return False  # the zero Addr

    def IsUnspecified(self) -> bool:
        """net/netip/netip.go: Addr.IsUnspecified. Whether ip is 0.0.0.0 or :: (Addr() is not)."""
        return self == IPv4Unspecified() or self == IPv6Unspecified()

    def Prefix(self, b: int) -> tuple[_Prefix, error | None]:
        """net/netip/netip.go: Addr.Prefix. The Prefix of ip's top b bits, the rest cleared.

        Returns ``(prefix, None)``; for the zero Addr ``(Prefix(), None)``;
        an error for b < 0 or b > ip.BitLen(). The zone is dropped.
        """
        _int(b, "netip.Addr.Prefix")
        if b < 0:
            return Prefix(), errors.New("negative Prefix bits")
        effectiveBits = b
        z = self.z
        if z is None:
            return Prefix(), None
        if z is z4:
            if b > 32:
                return Prefix(), errors.New("prefix length " + str(b) + " too large for IPv4")
            effectiveBits += 96
        elif b > 128:
            return Prefix(), errors.New("prefix length " + str(b) + " too large for IPv6")
        return PrefixFrom(_mkAddr(self.addr & mask6(effectiveBits), z), b), None

    def As16(self) -> bytes:
        """net/netip/netip.go: Addr.As16. The 16-byte form, without the zone.

        IPv4 addresses come out IPv4-mapped; the zero Addr is 16 zeros.
        """
        return self.addr.to_bytes(16, "big")

    def As4(self) -> bytes:
        """net/netip/netip.go: Addr.As4. The 4 bytes of an IPv4 or IPv4-mapped IPv6 address.

        Panics (raises ``rt.panic.Panic``) for the zero Addr and for other
        IPv6 addresses, with Go's text.
        """
        if self.z is z4 or self.Is4In6():
            return (self.addr & _mask32).to_bytes(4, "big")
        if self.z is None:
            raise Panic("As4 called on IP zero value")
        raise Panic("As4 called on IPv6 address")

    def AsSlice(self) -> bytes:
        """net/netip/netip.go: Addr.AsSlice. 4 bytes for IPv4, 16 for IPv6.

        ``b""`` for the zero Addr, where Go returns a nil slice.
        """
        z = self.z
        if z is None:
            return b""
        if z is z4:
            return (self.addr & _mask32).to_bytes(4, "big")
        return self.addr.to_bytes(16, "big")

    def Next(self) -> Addr:
        """net/netip/netip.go: Addr.Next. The address after ip, or the zero Addr past the last one.

        As in Go, ``Addr().Next()`` is not the zero Addr but an invalid Addr
        with the number 1.
        """
        u = (self.addr + 1) & _mask128
        if self.Is4():
            if u & _mask32 == 0:
                return Addr()  # past 255.255.255.255
        elif u == 0:
            return Addr()  # past ffff:...:ffff
        return _mkAddr(u, self.z)

    def Prev(self) -> Addr:
        """net/netip/netip.go: Addr.Prev. The address before ip; the zero Addr before the first."""
        if self.Is4():
            if self.addr & _mask32 == 0:
                return Addr()
        elif self.addr == 0:
            return Addr()
        return _mkAddr(self.addr - 1, self.z)

    def String(self) -> str:
        """net/netip/netip.go: Addr.String. The text form of ip.

        "invalid IP" for the zero Addr; dotted decimal for IPv4; RFC 5952
        for IPv6 ("2001:db8::1"); "::ffff:1.2.3.4" for IPv4-mapped
        addresses (unlike net.IP.String, which drops the prefix); a zone
        follows "%".
        """
        z = self.z
        if z is None:
            return "invalid IP"
        if z is z4:
            return self.appendTo4()
        if self.Is4In6():
            return self.appendTo4In6()
        return self.appendTo6()

    def AppendTo(self, b: ReadableBuffer) -> bytes:
        """net/netip/netip.go: Addr.AppendTo. b followed by MarshalText's text.

        Nothing is appended for the zero Addr.
        """
        if self.z is None:
            return bytes(b)
        return bytes(b) + _goBytes(self.String())

    def appendTo4(self) -> str:
        """net/netip/netip.go: Addr.appendTo4. Dotted decimal of the low 32 bits (returned)."""
        return _v4String((self.addr & _mask32).to_bytes(4, "big"))

    def appendTo4In6(self) -> str:
        """net/netip/netip.go: Addr.appendTo4In6. "::ffff:", dotted decimal, any zone (returned)."""
        s = "::ffff:" + self.appendTo4()
        if self.z is not z6noz:
            s += "%" + self.Zone()
        return s

    def appendTo6(self) -> str:
        """net/netip/netip.go: Addr.appendTo6. RFC 5952 section 4 text plus any zone (returned).

        No leading zeros, the longest run of two or more zero groups (the
        first of equal runs) as "::", never "::" for a single zero group.

        Discussion: the group formatting is net/ip.py's ``_v6String``, the
        same rules for net.IP, so the two packages cannot drift apart.
        """
        s = _v6String(self.addr.to_bytes(16, "big"))
        if self.z is not z6noz:
            s += "%" + self.Zone()
        return s

    def StringExpanded(self) -> str:
        """net/netip/netip.go: Addr.StringExpanded. Like String, but IPv6 in full.

        Every group four hex digits and no "::" ("2001:db8::1" becomes
        "2001:0db8:0000:0000:0000:0000:0000:0001"), zone kept. IPv4
        addresses and the zero Addr read as String gives them.
        """
        z = self.z
        if z is None or z is z4:
            return self.String()
        h = f"{self.addr:032x}"
        s = ":".join(h[i : i + 4] for i in range(0, 32, 4))
        if z is not z6noz:
            s += "%" + z.zoneV6
        return s

    def AppendText(self, b: ReadableBuffer) -> tuple[bytes, error | None]:
        """net/netip/netip.go: Addr.AppendText. ``(AppendTo(b), None)`` (encoding.TextAppender)."""
        return self.AppendTo(b), None

    def MarshalText(self) -> tuple[bytes, error | None]:
        """net/netip/netip.go: Addr.MarshalText. String's text as bytes; b"" for the zero Addr."""
        return self.AppendText(b"")

    @staticmethod
    def UnmarshalText(text: ReadableBuffer) -> tuple[Addr, error | None]:
        """net/netip/netip.go: Addr.UnmarshalText. Parse text as ParseAddr does: ``(ip, err)``.

        Empty text gives the zero Addr and no error. Returned rather than
        stored through the receiver (module doc); on error the Addr is the
        zero Addr, which is what Go stores too.
        """
        t = bytes(text)
        if len(t) == 0:
            return Addr(), None
        return ParseAddr(_goString(t))

    def AppendBinary(self, b: ReadableBuffer) -> tuple[bytes, error | None]:
        """net/netip/netip.go: Addr.AppendBinary. ``(b + MarshalBinary's bytes, None)``."""
        z = self.z
        if z is None:
            return bytes(b), None
        if z is z4:
            return bytes(b) + (self.addr & _mask32).to_bytes(4, "big"), None
        return bytes(b) + self.addr.to_bytes(16, "big") + _goBytes(z.zoneV6), None

    def marshalBinarySize(self) -> int:
        """net/netip/netip.go: Addr.marshalBinarySize. The length MarshalBinary produces."""
        z = self.z
        if z is None:
            return 0
        if z is z4:
            return 4
        return 16 + len(_goBytes(z.zoneV6))

    def MarshalBinary(self) -> tuple[bytes, error | None]:
        """net/netip/netip.go: Addr.MarshalBinary. b"" for the zero Addr, 4 bytes for IPv4,
        16 bytes followed by the zone's bytes for IPv6.
        """
        return self.AppendBinary(b"")

    @staticmethod
    def UnmarshalBinary(b: ReadableBuffer) -> tuple[Addr, error | None]:
        """net/netip/netip.go: Addr.UnmarshalBinary. Decode MarshalBinary's form: ``(ip, err)``.

        Lengths 0, 4, 16, or more than 16 (the rest is the zone); any other
        length is the error "unexpected slice size" with the zero Addr.
        """
        data = bytes(b)
        n = len(data)
        if n == 0:
            return Addr(), None
        if n == 4:
            return _mkAddr(_v4InV6 | int.from_bytes(data, "big"), z4), None
        if n == 16:
            return _mkAddr(int.from_bytes(data, "big"), z6noz), None
        if n > 16:
            a = _mkAddr(int.from_bytes(data[:16], "big"), z6noz)
            return a.WithZone(_goString(data[16:])), None
        return Addr(), errors.New("unexpected slice size")

    # --- Python only ---

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        if self.z is None and self.addr == 0:
            return "netip.Addr()"
        if self.z is None:
            return f"netip.Addr(addr={self.addr:#x}, z=None)"
        return f"netip.MustParseAddr({self.String()!r})"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Addr):
            return NotImplemented
        return self.Compare(other) < 0

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Addr):
            return NotImplemented
        return self.Compare(other) <= 0

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Addr):
            return NotImplemented
        return self.Compare(other) > 0

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Addr):
            return NotImplemented
        return self.Compare(other) >= 0


_Addr = Addr  # for annotations inside classes that have an Addr method

# Discussion: Addrs are made on every parse, Next, Prev and Unmap; the frozen
# dataclass __init__ sets each field through object.__setattr__, so the hot
# paths set the two slots directly (as std/time.py does for Time).
_newObject = object.__new__
_setAddr = Addr.__dict__["addr"].__set__
_setZ = Addr.__dict__["z"].__set__


def _mkAddr(u: int, z: addrDetail | None) -> Addr:
    """Addr(addr=u, z=z) without the dataclass __init__ (Python only)."""
    a: Addr = _newObject(Addr)
    _setAddr(a, u)
    _setZ(a, z)
    return a


def IPv6LinkLocalAllNodes() -> Addr:
    """net/netip/netip.go: IPv6LinkLocalAllNodes. ff02::1, the link-local all-nodes group."""
    return _mkAddr(0xFF02 << 112 | 1, z6noz)


def IPv6LinkLocalAllRouters() -> Addr:
    """net/netip/netip.go: IPv6LinkLocalAllRouters. ff02::2, the link-local all-routers group."""
    return _mkAddr(0xFF02 << 112 | 2, z6noz)


def IPv6Loopback() -> Addr:
    """net/netip/netip.go: IPv6Loopback: the IPv6 loopback address ::1, as an Addr."""
    return _mkAddr(1, z6noz)


def IPv6Unspecified() -> Addr:
    """net/netip/netip.go: IPv6Unspecified: the IPv6 unspecified address ::, as an Addr."""
    return _mkAddr(0, z6noz)


def IPv4Unspecified() -> Addr:
    """net/netip/netip.go: IPv4Unspecified: the IPv4 unspecified address 0.0.0.0, as an Addr."""
    return _mkAddr(_v4InV6, z4)


def AddrFrom4(addr: Iterable[SupportsIndex] | ReadableBuffer) -> Addr:
    """net/netip/netip.go: AddrFrom4. The IPv4 address of the 4 bytes in addr."""
    b = _byteArray(addr, 4, "netip.AddrFrom4")
    return _mkAddr(_v4InV6 | int.from_bytes(b, "big"), z4)


def AddrFrom16(addr: Iterable[SupportsIndex] | ReadableBuffer) -> Addr:
    """net/netip/netip.go: AddrFrom16. The IPv6 address of the 16 bytes in addr.

    An IPv4-mapped address stays IPv6 (``Unmap`` converts it).
    """
    b = _byteArray(addr, 16, "netip.AddrFrom16")
    return _mkAddr(int.from_bytes(b, "big"), z6noz)


def ParseAddr(s: str) -> tuple[Addr, error | None]:
    """net/netip/netip.go: ParseAddr. Parse an IPv4 ("192.0.2.1"), IPv6 ("2001:db8::68")
    or zoned IPv6 ("fe80::1cc0:3e8c:119f:c2e1%ens18") address: ``(ip, err)``.

    Strict: IPv4 is exactly four decimal fields with no leading zeros, and
    IPv6 may end in such an IPv4 address. On failure ip is the zero Addr and
    err a ``parseAddrError`` whose text is Go's, e.g.
    ``ParseAddr("1.2.3"): IPv4 address too short``.
    """
    if not isinstance(s, str):
        raise TypeError(f"netip.ParseAddr needs a str, not {type(s).__name__}")
    # The first '.', ':' or '%' decides what s is trying to be.
    for c in s:
        if c == ".":
            return parseIPv4(s)
        if c == ":":
            return parseIPv6(s)
        if c == "%":
            # A zone with no address before it.
            return Addr(), parseAddrError(s, "missing IPv6 address")
    return Addr(), parseAddrError(s, "unable to parse IP")


def MustParseAddr(s: str) -> Addr:
    """net/netip/netip.go: MustParseAddr. ParseAddr(s), raising ``rt.panic.Panic(err)`` on error.

    For tests and hard-coded addresses.
    """
    ip, err = ParseAddr(s)
    if err is not None:
        raise Panic(err)
    return ip


class parseAddrError(Exception):
    """net/netip/netip.go: parseAddrError. Why ParseAddr rejected its input.

    ``in_`` (Go's ``in``, a Python keyword) is the whole input, ``msg`` the
    reason, ``at`` the unparsed rest where the parser stopped, or "". A
    value type in Go, so two errors with the same fields are equal.
    """

    _goType = "netip.parseAddrError"  # what %T prints (std/fmt.py)

    def __init__(self, in_: str, msg: str, at: str = "") -> None:
        super().__init__(in_, msg, at)
        self.in_ = in_
        self.msg = msg
        self.at = at

    def Error(self) -> str:
        """net/netip/netip.go: parseAddrError.Error. ``ParseAddr("in"): msg (at "rest")``."""
        s = "ParseAddr(" + _quote(self.in_) + "): " + self.msg
        if self.at != "":
            s += " (at " + _quote(self.at) + ")"
        return s

    def __str__(self) -> str:
        return self.Error()

    def __eq__(self, other: object) -> bool:
        if type(other) is not parseAddrError:
            return NotImplemented
        return (self.in_, self.msg, self.at) == (other.in_, other.msg, other.at)

    def __hash__(self) -> int:
        return hash((self.in_, self.msg, self.at))


def parseIPv4Fields(inp: str, off: int, end: int) -> tuple[int, parseAddrError | None]:
    """net/netip/netip.go: parseIPv4Fields. Parse inp[off:end] as dotted decimal.

    Returns the address as a 32-bit number (Go fills a 4-byte slice) and
    None, or 0 and the error; errors name the whole of inp.
    """
    val = pos = digLen = 0
    fields = 0
    s = inp[off:end]
    last = len(s) - 1
    for i, c in enumerate(s):
        if "0" <= c <= "9":
            if digLen == 1 and val == 0:
                return 0, parseAddrError(inp, "IPv4 field has octet with leading zero")
            val = val * 10 + (ord(c) - 48)
            digLen += 1
            if val > 255:
                return 0, parseAddrError(inp, "IPv4 field has value >255")
        elif c == ".":
            # ".1.2.3", "1.2.3." and "1..2.3" all have an empty field.
            if i == 0 or i == last or s[i - 1] == ".":
                return 0, parseAddrError(inp, "IPv4 field must have at least one digit", s[i:])
            if pos == 3:
                return 0, parseAddrError(inp, "IPv4 address too long")
            fields = fields << 8 | val
            pos += 1
            val = digLen = 0
        else:
            return 0, parseAddrError(inp, "unexpected character", s[i:])
    if pos < 3:
        return 0, parseAddrError(inp, "IPv4 address too short")
    return fields << 8 | val, None


def parseIPv4(s: str) -> tuple[Addr, error | None]:
    """net/netip/netip.go: parseIPv4. Parse s as dotted decimal ("192.168.0.1")."""
    v, err = parseIPv4Fields(s, 0, len(s))
    if err is not None:
        return Addr(), err
    return _mkAddr(_v4InV6 | v, z4), None


_hexDigits: Final = {c: int(c, 16) for c in "0123456789abcdefABCDEF"}
"""The value of each hex digit; nothing else (int(c, 16) also takes other scripts)."""


def parseIPv6(inp: str) -> tuple[Addr, error | None]:
    """net/netip/netip.go: parseIPv6. Parse inp as IPv6 ("2001:db8::68"), maybe zoned.

    Hex groups of at most four digits separated by ":", at most one "::"
    standing for one or more zero groups, and optionally a dotted-decimal
    IPv4 address as the last 32 bits; "%zone" at the end.
    """
    s = inp

    # The zone goes first: everything after the first '%'.
    zone = ""
    k = s.find("%")
    if k != -1:
        s, zone = s[:k], s[k + 1 :]
        if zone == "":
            return Addr(), parseAddrError(inp, "zone must be a non-empty string")

    ip = bytearray(16)
    ellipsis = -1  # where the "::" is, as an index into ip

    if len(s) >= 2 and s[0] == ":" and s[1] == ":":
        ellipsis = 0
        s = s[2:]
        if len(s) == 0:
            return IPv6Unspecified().WithZone(zone), None

    i = 0
    while i < 16:
        # One hex group.
        off = 0
        acc = 0
        n = len(s)
        while off < n:
            v = _hexDigits.get(s[off], -1)
            if v < 0:
                break
            acc = (acc << 4) + v
            if off > 3:
                return Addr(), parseAddrError(inp, "each group must have 4 or less digits", s)
            if acc > 0xFFFF:
                return Addr(), parseAddrError(inp, "IPv6 field has value >=2^16", s)
            off += 1
        if off == 0:
            return Addr(), parseAddrError(
                inp, "each colon-separated field must have at least one digit", s
            )

        # A '.' after the digits: this is the trailing IPv4 address.
        if off < n and s[off] == ".":
            if ellipsis < 0 and i != 12:
                return Addr(), parseAddrError(
                    inp,
                    "embedded IPv4 address must replace the final 2 fields of the address",
                    s,
                )
            if i + 4 > 16:
                return Addr(), parseAddrError(
                    inp,
                    "too many hex fields to fit an embedded IPv4 at the end of the address",
                    s,
                )
            end = len(inp)
            if len(zone) > 0:
                end -= len(zone) + 1
            v4, err = parseIPv4Fields(inp, end - len(s), end)
            if err is not None:
                return Addr(), err
            ip[i : i + 4] = v4.to_bytes(4, "big")
            s = ""
            i += 4
            break

        ip[i] = acc >> 8
        ip[i + 1] = acc & 0xFF
        i += 2

        s = s[off:]
        if len(s) == 0:
            break

        # Otherwise a ':' and more must follow.
        if s[0] != ":":
            return Addr(), parseAddrError(inp, "unexpected character, want colon", s)
        if len(s) == 1:
            return Addr(), parseAddrError(inp, "colon must be followed by more characters", s)
        s = s[1:]

        if s[0] == ":":
            if ellipsis >= 0:
                return Addr(), parseAddrError(inp, "multiple :: in address", s)
            ellipsis = i
            s = s[1:]
            if len(s) == 0:  # "::" at the end
                break

    if len(s) != 0:
        return Addr(), parseAddrError(inp, "trailing garbage after address", s)

    if i < 16:
        # Too few groups: the "::" makes up the difference.
        if ellipsis < 0:
            return Addr(), parseAddrError(inp, "address string too short")
        n = 16 - i
        ip[ellipsis + n : 16] = ip[ellipsis:i]
        ip[ellipsis : ellipsis + n] = bytes(n)
    elif ellipsis >= 0:
        # A "::" must stand for at least one zero group.
        return Addr(), parseAddrError(inp, "the :: must expand to at least one field of zeros")
    return _mkAddr(int.from_bytes(ip, "big"), z6noz).WithZone(zone), None


def AddrFromSlice(
    slice: Iterable[SupportsIndex] | ReadableBuffer | None,
) -> tuple[Addr, bool]:
    """net/netip/netip.go: AddrFromSlice. ``(ip, True)`` for 4 bytes (IPv4) or 16 (IPv6).

    Any other length gives ``(Addr(), False)``; None is Go's nil slice. A
    ``net.IP`` goes in as it is (a 16-byte net.IP gives an IPv6 Addr; use
    ``Unmap`` for the IPv4 one).
    """
    if slice is None:
        return Addr(), False
    if isinstance(slice, (str, int)):
        raise TypeError(f"netip.AddrFromSlice needs bytes, not {type(slice).__name__}")
    b = bytes(slice)
    if len(b) == 4:
        return _mkAddr(_v4InV6 | int.from_bytes(b, "big"), z4), True
    if len(b) == 16:
        return _mkAddr(int.from_bytes(b, "big"), z6noz), True
    return Addr(), False


# ---------------------------------------------------------------------------
# AddrPort


@dataclass(frozen=True, slots=True, repr=False)
class AddrPort:
    """net/netip/netip.go: AddrPort. An IP address and a port number.

    ``AddrPort()`` is the zero value; build others with ``AddrPortFrom`` or
    ``ParseAddrPort``. ``ip`` and ``port`` are Go's unexported fields.
    """

    ip: _Addr = _Addr()
    port: int = 0

    def Addr(self) -> _Addr:
        """net/netip/netip.go: AddrPort.Addr. p's IP address."""
        return self.ip

    def Port(self) -> int:
        """net/netip/netip.go: AddrPort.Port: the port number, 0 to 65535."""
        return self.port

    def IsValid(self) -> bool:
        """net/netip/netip.go: AddrPort.IsValid. Whether p's address is valid (any port is)."""
        return self.ip.IsValid()

    def Compare(self, p2: AddrPort) -> int:
        """net/netip/netip.go: AddrPort.Compare. -1, 0 or +1: by Addr.Compare, then by port."""
        c = self.ip.Compare(p2.ip)
        if c != 0:
            return c
        return _cmp(self.port, p2.port)

    def String(self) -> str:
        """net/netip/netip.go: AddrPort.String: the address and port as text, "1.2.3.4:80" or
        "[2001:db8::1%eth0]:80".

        "invalid AddrPort" when the address is the zero Addr.
        """
        ip = self.ip
        z = ip.z
        if z is None:
            return "invalid AddrPort"
        if z is z4:
            return ip.appendTo4() + ":" + str(self.port)
        if ip.Is4In6():
            return "[" + ip.appendTo4In6() + "]:" + str(self.port)
        return "[" + ip.appendTo6() + "]:" + str(self.port)

    def AppendTo(self, b: ReadableBuffer) -> bytes:
        """net/netip/netip.go: AddrPort.AppendTo. b followed by MarshalText's text.

        Nothing is appended when the address is the zero Addr.
        """
        if self.ip.z is None:
            return bytes(b)
        return bytes(b) + _goBytes(self.String())

    def AppendText(self, b: ReadableBuffer) -> tuple[bytes, error | None]:
        """net/netip/netip.go: AddrPort.AppendText: b with the MarshalText form appended; returns
        ``(AppendTo(b), None)``.
        """
        return self.AppendTo(b), None

    def MarshalText(self) -> tuple[bytes, error | None]:
        """net/netip/netip.go: AddrPort.MarshalText. String's text; b"" when the address is zero."""
        return self.AppendText(b"")

    @staticmethod
    def UnmarshalText(text: ReadableBuffer) -> tuple[AddrPort, error | None]:
        """net/netip/netip.go: AddrPort.UnmarshalText. Parse text as ParseAddrPort: ``(p, err)``.

        Empty text gives the zero AddrPort. On error p is the zero AddrPort.
        """
        t = bytes(text)
        if len(t) == 0:
            return AddrPort(), None
        return ParseAddrPort(_goString(t))

    def AppendBinary(self, b: ReadableBuffer) -> tuple[bytes, error | None]:
        """net/netip/netip.go: AddrPort.AppendBinary. b, the Addr's bytes, the port (LE)."""
        out, err = self.ip.AppendBinary(b)
        if err is not None:
            return b"", err
        return out + self.port.to_bytes(2, "little"), None

    def MarshalBinary(self) -> tuple[bytes, error | None]:
        """net/netip/netip.go: AddrPort.MarshalBinary. The Addr's bytes, then the port (LE)."""
        return self.AppendBinary(b"")

    @staticmethod
    def UnmarshalBinary(b: ReadableBuffer) -> tuple[AddrPort, error | None]:
        """net/netip/netip.go: AddrPort.UnmarshalBinary. Decode MarshalBinary's form: ``(p, err)``.

        On error p is the zero AddrPort (Go leaves the receiver unchanged).
        """
        data = bytes(b)
        if len(data) < 2:
            return AddrPort(), errors.New("unexpected slice size")
        addr, err = Addr.UnmarshalBinary(data[:-2])
        if err is not None:
            return AddrPort(), err
        return AddrPort(addr, int.from_bytes(data[-2:], "little")), None

    # --- Python only ---

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        if self.ip.IsValid():
            return f"netip.MustParseAddrPort({self.String()!r})"
        if self == AddrPort():
            return "netip.AddrPort()"
        return f"netip.AddrPortFrom({self.ip!r}, {self.port})"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, AddrPort):
            return NotImplemented
        return self.Compare(other) < 0

    def __le__(self, other: object) -> bool:
        if not isinstance(other, AddrPort):
            return NotImplemented
        return self.Compare(other) <= 0

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, AddrPort):
            return NotImplemented
        return self.Compare(other) > 0

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, AddrPort):
            return NotImplemented
        return self.Compare(other) >= 0


def AddrPortFrom(ip: Addr, port: int) -> AddrPort:
    """net/netip/netip.go: AddrPortFrom. The AddrPort of ip and port (0-65535)."""
    return AddrPort(ip, _uint16(port, "netip.AddrPortFrom"))


def splitAddrPort(s: str) -> tuple[str, str, bool, error | None]:
    """net/netip/netip.go: splitAddrPort. Split "ip:port" or "[ip]:port": ``(ip, port, v6, err)``.

    The halves are not checked further; v6 says the address was in
    brackets, so it must be IPv6.
    """
    i = s.rfind(":")
    if i == -1:
        return "", "", False, errors.New("not an ip:port")
    ip, port = s[:i], s[i + 1 :]
    if len(ip) == 0:
        return "", "", False, errors.New("no IP")
    if len(port) == 0:
        return "", "", False, errors.New("no port")
    v6 = False
    if ip[0] == "[":
        if len(ip) < 2 or ip[-1] != "]":
            return "", "", False, errors.New("missing ]")
        ip = ip[1:-1]
        v6 = True
    return ip, port, v6, None


def ParseAddrPort(s: str) -> tuple[AddrPort, error | None]:
    """net/netip/netip.go: ParseAddrPort. Parse "1.2.3.4:80" or "[2001:db8::1]:80": ``(p, err)``.

    No name resolution: address and port must be numeric. IPv6 must be in
    brackets and IPv4 must not. On error p is the zero AddrPort.
    """
    if not isinstance(s, str):
        raise TypeError(f"netip.ParseAddrPort needs a str, not {type(s).__name__}")
    ipStr, port, v6, err = splitAddrPort(s)
    if err is not None:
        return AddrPort(), err
    # strconv.ParseUint(port, 10, 16): ASCII digits only (no sign), at most
    # 65535, any number of leading zeros (int() refuses over 4300 digits).
    digits = port.lstrip("0") or "0"
    if not _isDecimal(port) or len(digits) > 5 or int(digits) > 0xFFFF:
        return AddrPort(), errors.New("invalid port " + _quote(port) + " parsing " + _quote(s))
    port16 = int(digits)
    ip, err = ParseAddr(ipStr)
    if err is not None:
        return AddrPort(), err
    if v6 and ip.Is4():
        return AddrPort(), errors.New(
            "invalid ip:port "
            + _quote(s)
            + ", square brackets can only be used with IPv6 addresses"
        )
    if not v6 and ip.Is6():
        return AddrPort(), errors.New(
            "invalid ip:port "
            + _quote(s)
            + ", IPv6 addresses must be surrounded by square brackets"
        )
    return AddrPort(ip, port16), None


def _isDecimal(s: str) -> bool:
    """Whether s is one or more ASCII digits (str.isdigit takes other scripts too)."""
    return len(s) > 0 and s.isascii() and s.isdigit()


def MustParseAddrPort(s: str) -> AddrPort:
    """net/netip/netip.go: MustParseAddrPort. ParseAddrPort(s); ``rt.panic.Panic(err)`` on error."""
    ip, err = ParseAddrPort(s)
    if err is not None:
        raise Panic(err)
    return ip


# ---------------------------------------------------------------------------
# Prefix


@dataclass(frozen=True, slots=True, repr=False)
class Prefix:
    """net/netip/netip.go: Prefix. An IP network in CIDR form: an address and a prefix length.

    The first ``Bits()`` bits of ``Addr()`` are the network; the rest match
    any address. ``Prefix()`` is the zero value. ``bitsPlusOne`` is the
    length plus one, 0 meaning invalid (so there is one invalid Prefix per
    address). Build with ``PrefixFrom``, ``ParsePrefix`` or ``Addr.Prefix``.
    """

    ip: _Addr = _Addr()
    bitsPlusOne: int = 0

    def Addr(self) -> _Addr:
        """net/netip/netip.go: Prefix.Addr. p's address (host bits not cleared; see Masked)."""
        return self.ip

    def Bits(self) -> int:
        """net/netip/netip.go: Prefix.Bits. p's prefix length, -1 if invalid."""
        return self.bitsPlusOne - 1

    def IsValid(self) -> bool:
        """net/netip/netip.go: Prefix.IsValid. Whether Bits is in range for a valid Addr.

        The zero Prefix is invalid.
        """
        return self.bitsPlusOne > 0

    def isZero(self) -> bool:
        """net/netip/netip.go: Prefix.isZero. Whether p is the zero Prefix."""
        return self == Prefix()

    def IsSingleIP(self) -> bool:
        """net/netip/netip.go: Prefix.IsSingleIP. Whether p holds one address (/32, /128)."""
        return self.IsValid() and self.Bits() == self.ip.BitLen()

    def Compare(self, p2: Prefix) -> int:
        """net/netip/netip.go: Prefix.Compare. -1, 0 or +1 in Go's prefix order.

        Invalid before valid, IPv4 before IPv6, then by masked address, then
        by length (shorter first), then by the unmasked address.
        """
        # Comparing the masked addresses also orders validity and family.
        c = self.Masked().ip.Compare(p2.Masked().ip)
        if c != 0:
            return c
        c = _cmp(self.Bits(), p2.Bits())
        if c != 0:
            return c
        return self.ip.Compare(p2.ip)

    def Masked(self) -> Prefix:
        """net/netip/netip.go: Prefix.Masked. p with all but its top Bits() bits cleared.

        The zero Prefix for an invalid p.
        """
        m, _ = self.ip.Prefix(self.Bits())
        return m

    def Contains(self, ip: _Addr) -> bool:
        """net/netip/netip.go: Prefix.Contains. Whether the network p includes ip.

        False across families (an IPv4-mapped address is not in an IPv4
        prefix), for the zero Addr, for an invalid p, and for an ip with a
        zone (prefixes have none, Go issue 51899).
        """
        if not self.IsValid() or ip.hasZone():
            return False
        f1, f2 = self.ip.BitLen(), ip.BitLen()
        if f1 == 0 or f2 == 0 or f1 != f2:
            return False
        diff = ip.addr ^ self.ip.addr  # the differing bits are ones
        if ip.Is4():
            return (diff & _mask32) >> (32 - self.Bits()) == 0
        return diff & mask6(self.Bits()) == 0

    def Overlaps(self, o: Prefix) -> bool:
        """net/netip/netip.go: Prefix.Overlaps. Whether p and o have any address in common.

        False for invalid prefixes and across families (an IPv4-mapped
        prefix is IPv6, as in Contains). Neither needs to be masked.
        """
        if not self.IsValid() or not o.IsValid():
            return False
        if self == o:
            return True
        if self.ip.Is4() != o.ip.Is4():
            return False
        minBits = min(self.Bits(), o.Bits())
        if minBits == 0:
            return True
        # Mask both to the shorter length, even the one already that long,
        # since neither is required to be masked already.
        p, err = self.ip.Prefix(minBits)
        if err is not None:
            return False
        q, err = o.ip.Prefix(minBits)
        if err is not None:
            return False
        return p.ip == q.ip

    def AppendTo(self, b: ReadableBuffer) -> bytes:
        """net/netip/netip.go: Prefix.AppendTo. b followed by MarshalText's text.

        Nothing for the zero Prefix; "invalid Prefix" for another invalid one.
        """
        if self.isZero():
            return bytes(b)
        return bytes(b) + _goBytes(self.String())

    def AppendText(self, b: ReadableBuffer) -> tuple[bytes, error | None]:
        """net/netip/netip.go: Prefix.AppendText: b with the MarshalText form appended; returns
        ``(AppendTo(b), None)``.
        """
        return self.AppendTo(b), None

    def MarshalText(self) -> tuple[bytes, error | None]:
        """net/netip/netip.go: Prefix.MarshalText. String's text; b"" for the zero Prefix."""
        return self.AppendText(b"")

    @staticmethod
    def UnmarshalText(text: ReadableBuffer) -> tuple[Prefix, error | None]:
        """net/netip/netip.go: Prefix.UnmarshalText. Parse text as ParsePrefix does: ``(p, err)``.

        Empty text gives the zero Prefix. On error p is the zero Prefix.
        """
        t = bytes(text)
        if len(t) == 0:
            return Prefix(), None
        return ParsePrefix(_goString(t))

    def AppendBinary(self, b: ReadableBuffer) -> tuple[bytes, error | None]:
        """net/netip/netip.go: Prefix.AppendBinary. b, the zoneless Addr's bytes, Bits."""
        out, err = self.ip.withoutZone().AppendBinary(b)
        if err is not None:
            return b"", err
        return out + bytes((self.Bits() & 0xFF,)), None  # Go's uint8(p.Bits()): -1 is 255

    def MarshalBinary(self) -> tuple[bytes, error | None]:
        """net/netip/netip.go: Prefix.MarshalBinary. Addr.MarshalBinary (no zone), then Bits."""
        return self.AppendBinary(b"")

    @staticmethod
    def UnmarshalBinary(b: ReadableBuffer) -> tuple[Prefix, error | None]:
        """net/netip/netip.go: Prefix.UnmarshalBinary. Decode MarshalBinary's form: ``(p, err)``.

        On error p is the zero Prefix (Go leaves the receiver unchanged).
        """
        data = bytes(b)
        if len(data) < 1:
            return Prefix(), errors.New("unexpected slice size")
        addr, err = Addr.UnmarshalBinary(data[:-1])
        if err is not None:
            return Prefix(), err
        return PrefixFrom(addr, data[-1]), None

    def String(self) -> str:
        """net/netip/netip.go: Prefix.String. CIDR notation, "192.0.2.0/24".

        "invalid Prefix" if p is invalid; an IPv4-mapped prefix reads
        "::ffff:192.0.2.0/120".
        """
        if not self.IsValid():
            return "invalid Prefix"
        ip = self.ip
        if ip.z is z4:
            s = ip.appendTo4()
        elif ip.Is4In6():
            s = "::ffff:" + ip.appendTo4()
        else:
            s = ip.appendTo6()
        return s + "/" + str(self.Bits())

    # --- Python only ---

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        if self.IsValid() and not self.ip.hasZone():
            return f"netip.MustParsePrefix({self.String()!r})"
        if self == Prefix():
            return "netip.Prefix()"
        return f"netip.Prefix(ip={self.ip!r}, bitsPlusOne={self.bitsPlusOne})"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Prefix):
            return NotImplemented
        return self.Compare(other) < 0

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Prefix):
            return NotImplemented
        return self.Compare(other) <= 0

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Prefix):
            return NotImplemented
        return self.Compare(other) > 0

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Prefix):
            return NotImplemented
        return self.Compare(other) >= 0


_Prefix = Prefix  # for the annotation of Addr.Prefix


def PrefixFrom(ip: Addr, bits: int) -> Prefix:
    """net/netip/netip.go: PrefixFrom. The Prefix of ip and bits.

    Unlike Addr.Prefix, the host bits are kept; the zone is dropped. For the
    zero Addr, or bits < 0 or > ip.BitLen(), the Prefix is invalid and
    Bits() is -1.
    """
    _int(bits, "netip.PrefixFrom")
    bitsPlusOne = 0
    if ip.z is not None and 0 <= bits <= ip.BitLen():
        bitsPlusOne = bits + 1
    return Prefix(ip.withoutZone(), bitsPlusOne)


class parsePrefixError(Exception):
    """net/netip/netip.go: parsePrefixError. Why ParsePrefix rejected its input.

    ``in_`` (Go's ``in``) is the input and ``msg`` the reason; equal by
    value, as Go's struct.
    """

    _goType = "netip.parsePrefixError"  # what %T prints (std/fmt.py)

    def __init__(self, in_: str, msg: str) -> None:
        super().__init__(in_, msg)
        self.in_ = in_
        self.msg = msg

    def Error(self) -> str:
        """net/netip/netip.go: parsePrefixError.Error. ``netip.ParsePrefix("in"): msg``."""
        return "netip.ParsePrefix(" + _quote(self.in_) + "): " + self.msg

    def __str__(self) -> str:
        return self.Error()

    def __eq__(self, other: object) -> bool:
        if type(other) is not parsePrefixError:
            return NotImplemented
        return (self.in_, self.msg) == (other.in_, other.msg)

    def __hash__(self) -> int:
        return hash((self.in_, self.msg))


_maxInt64: Final = (1 << 63) - 1


def ParsePrefix(s: str) -> tuple[Prefix, error | None]:
    """net/netip/netip.go: ParsePrefix. Parse CIDR notation, "192.168.1.0/24" or "2001:db8::/32".

    RFC 4632 and RFC 4291 text: an address without a zone (Go issue 51899),
    "/", and a decimal length without sign or leading zeros. The host bits
    are kept (see Masked). On error p is the zero Prefix and err a
    ``parsePrefixError``.
    """
    if not isinstance(s, str):
        raise TypeError(f"netip.ParsePrefix needs a str, not {type(s).__name__}")
    i = s.rfind("/")
    if i < 0:
        return Prefix(), parsePrefixError(s, "no '/'")
    ip, err = ParseAddr(s[:i])
    if err is not None:
        return Prefix(), parsePrefixError(s, err.Error())
    if ip.Is6() and ip.z is not z6noz:
        return Prefix(), parsePrefixError(s, "IPv6 zones cannot be present in a prefix")

    bitsStr = s[i + 1 :]
    # strconv.Atoi would take a sign and leading zeros; prefixes may not.
    if len(bitsStr) > 1 and not "1" <= bitsStr[0] <= "9":
        return Prefix(), parsePrefixError(s, "bad bits after slash: " + _quote(bitsStr))
    # What remains of Atoi: one or more digits, within int64.
    if not _isDecimal(bitsStr) or len(bitsStr) > 19 or int(bitsStr) > _maxInt64:
        return Prefix(), parsePrefixError(s, "bad bits after slash: " + _quote(bitsStr))
    bits = int(bitsStr)
    maxBits = 128 if ip.Is6() else 32
    if bits > maxBits:
        return Prefix(), parsePrefixError(s, "prefix length out of range")
    return PrefixFrom(ip, bits), None


def MustParsePrefix(s: str) -> Prefix:
    """net/netip/netip.go: MustParsePrefix. ParsePrefix(s); ``rt.panic.Panic(err)`` on error."""
    ip, err = ParsePrefix(s)
    if err is not None:
        raise Panic(err)
    return ip
