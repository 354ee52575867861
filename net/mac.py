"""net/mac.go (go1.27.0): link-layer (hardware) addresses.

``HardwareAddr`` is the address a network interface has on its link: six
bytes for Ethernet (MAC-48/EUI-48), eight for EUI-64, twenty for IP over
InfiniBand. Like ``net.IP`` (see net/ip.py) it is an immutable ``bytes``
subclass rather than Go's mutable ``[]byte``, so it hashes, compares with
``bytes`` and slices to its own type; where Go has a nil HardwareAddr
(``ParseMAC`` of bad text, an interface without one) this port has None.
``String`` prints lowercase hex pairs joined by colons.

``ParseMAC`` accepts the same four spellings as Go, for each of the three
lengths: colon-separated pairs, hyphen-separated pairs, dot-separated
groups of four hex digits (Cisco style) and, since go1.26, bare hex
digits. One separator per string; hex digits in either case. Everything
else is ``AddrError(Err="invalid MAC address", Addr=s)``.

Two helpers of net/parse.go live here because this is their first user
(parse.go has no module of its own; its other helpers sit with theirs, in
net/ip.py and net/lookup.py): ``xtoi`` and ``xtoi2``. net/interface.py
imports ``xtoi2`` for the /proc/net/igmp parsers.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, SupportsIndex, overload

from net.ip import big
from net.net import AddrError
from std.errors import error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = ["HardwareAddr", "ParseMAC"]

hexDigit: Final = "0123456789abcdef"
"""net/mac.go: hexDigit. Lowercase hex digits, by value."""


class HardwareAddr(bytes):
    """net.HardwareAddr: a physical (link-layer) address, any number of bytes.

    ``HardwareAddr(b"\\x00\\x00\\x5e\\x00\\x53\\x01")`` or
    ``HardwareAddr([0, 0, 0x5E, 0, 0x53, 1])``; use ParseMAC for text.
    A ``str`` or an ``int`` is refused with TypeError, as for ``net.IP``.
    """

    __slots__ = ()

    def __new__(cls, b: Iterable[SupportsIndex] | ReadableBuffer = b"") -> HardwareAddr:
        # bytes("x", ...) and bytes(6) would both "work" and both be wrong.
        if isinstance(b, str | int):
            raise TypeError(f"net.HardwareAddr: cannot convert {type(b).__name__}")
        return super().__new__(cls, b)

    @overload
    def __getitem__(self, i: SupportsIndex) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> HardwareAddr: ...

    def __getitem__(self, i: SupportsIndex | slice) -> int | HardwareAddr:
        if isinstance(i, slice):
            return HardwareAddr(bytes.__getitem__(self, i))
        return bytes.__getitem__(self, i)

    def String(self) -> str:
        """net/mac.go: HardwareAddr.String. "00:00:5e:00:53:01"; "" for an empty address.

        Each byte is two lowercase hex digits, bytes are joined by ':'.
        """
        if len(self) == 0:
            return ""
        return ":".join(hexDigit[v >> 4] + hexDigit[v & 0xF] for v in self)

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"net.HardwareAddr({self.String()})"


def ParseMAC(s: str) -> tuple[HardwareAddr | None, error | None]:
    """net/mac.go: ParseMAC. Parse a 6-, 8- or 20-byte link-layer address.

    Accepted, for each length (shown for 6 bytes)::

        00:00:5e:00:53:01
        00-00-5e-00-53-01
        0000.5e00.5301
        00005e005301

    and the same with 8 bytes (EUI-64, e.g. ``02:00:5e:10:00:00:00:01``)
    or 20 bytes (IP over InfiniBand). Returns ``(hw, None)``, or
    ``(None, AddrError(Err="invalid MAC address", Addr=s))`` for anything
    else: another length, mixed separators, a non-hex digit.

    Discussion: the form is chosen from the third character (':' or '-')
    or the fifth ('.'), then the length must fit that form exactly before
    any digit is read; ``xtoi2`` checks each separator against the first.
    """
    hw: bytearray | None = None
    if len(s) >= 12:
        if s[2] == ":" or s[2] == "-":
            hw = _parseMACSeparated(s)
        elif s[4] == ".":
            hw = _parseMACDotted(s)
        else:
            hw = _parseMACBare(s)
    if hw is None:
        return None, AddrError(Err="invalid MAC address", Addr=s)
    return HardwareAddr(hw), None


# Go's ParseMAC is one function with a goto to its error exit; its three
# branches are split out here, each returning None where Go jumps.


def _validMACLen(n: int) -> bool:
    return n == 6 or n == 8 or n == 20


def _parseMACSeparated(s: str) -> bytearray | None:
    # "xx:xx:..." or "xx-xx-...": n pairs, n-1 separators.
    if (len(s) + 1) % 3 != 0:
        return None
    n = (len(s) + 1) // 3
    if not _validMACLen(n):
        return None
    hw = bytearray(n)
    x = 0
    for i in range(n):
        hw[i], ok = xtoi2(s[x:], s[2])
        if not ok:
            return None
        x += 3
    return hw


def _parseMACDotted(s: str) -> bytearray | None:
    # "xxxx.xxxx...": groups of two bytes, one dot between groups.
    if (len(s) + 1) % 5 != 0:
        return None
    n = 2 * (len(s) + 1) // 5
    if not _validMACLen(n):
        return None
    hw = bytearray(n)
    x = 0
    for i in range(0, n, 2):
        hw[i], ok = xtoi2(s[x : x + 2], "\x00")
        if not ok:
            return None
        hw[i + 1], ok = xtoi2(s[x + 2 :], s[4])
        if not ok:
            return None
        x += 5
    return hw


def _parseMACBare(s: str) -> bytearray | None:
    # "xxxxxxxxxxxx": hex digits only.
    if len(s) % 2 != 0:
        return None
    n = len(s) // 2
    if not _validMACLen(n):
        return None
    hw = bytearray(n)
    x = 0
    for i in range(n):
        hw[i], ok = xtoi2(s[x : x + 2], "\x00")
        if not ok:
            return None
        x += 2
    return hw


# ---------------------------------------------------------------------------
# parse.go: the hex helpers ParseMAC and the igmp parsers share.


def _hexDigitValue(c: str) -> int:
    # The value of one ASCII hex digit, or -1 for anything else.
    if "0" <= c <= "9":
        return ord(c) - 48
    if "a" <= c <= "f":
        return ord(c) - 87
    if "A" <= c <= "F":
        return ord(c) - 55
    return -1


def xtoi(s: str) -> tuple[int, int, bool]:
    """net/parse.go: xtoi. Leading hex digits of s: (value, digits used, ok).

    Stops at the first non-hex character; fails on no digits, or when the
    value reaches ``big`` (then returns ``(0, i, False)``, Go's result).
    """
    n = 0
    i = 0
    while i < len(s):
        d = _hexDigitValue(s[i])
        if d < 0:
            break
        n = n * 16 + d
        if n >= big:
            return 0, i, False
        i += 1
    if i == 0:
        return 0, 0, False
    return n, i, True


def xtoi2(s: str, e: str) -> tuple[int, bool]:
    """net/parse.go: xtoi2. The byte written by the first two hex digits of s.

    When s is longer than two characters its third must be ``e`` (a
    separator; Go passes the 0 byte, here "\\x00", when there is none).
    Returns ``(byte, ok)``; ok is False unless both digits are hex and the
    separator matches. On failure the byte is whatever the digits before
    the bad one made, as in Go (the igmp parsers keep it).
    """
    if len(s) > 2 and s[2] != e:
        return 0, False
    n, ei, ok = xtoi(s[:2])
    return n & 0xFF, ok and ei == 2
