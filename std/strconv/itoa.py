"""internal/strconv/itoa.go (go1.27.0): integers to text in bases 2 to 36.

Go's ``formatBits`` writes digits into a buffer with tricks for base 10 and
powers of two; Python's own conversions give the same digits for bases 2, 8,
10 and 16, and a plain division loop covers the rest. Digits above 9 are
lower-case letters. A base outside 2..36 panics, as in Go.

Go's int64/uint64 cannot hold values outside their ranges; here FormatInt
formats any Python int exactly rather than wrapping it, and FormatUint
raises OverflowError for a negative value (Go's uint64 has no sign to
print).

Left out: ``small``, ``RuntimeFormatBase10`` and ``formatBase10``
(buffer-level helpers for Go's runtime); ``isPowerOfTwo`` (formatBits
leaves the power-of-two bases to Python's own conversions).
"""

from __future__ import annotations

from typing import Final

from rt.panic import Panic

__all__ = ["AppendInt", "AppendUint", "FormatInt", "FormatUint", "Itoa", "formatBits"]

digits: Final = "0123456789abcdefghijklmnopqrstuvwxyz"


def _checkInt(i: int, what: str) -> int:
    if isinstance(i, bool) or not isinstance(i, int):
        raise TypeError(f"strconv: {what} argument must be an int, not {type(i).__name__}")
    return i


def FormatUint(i: int, base: int) -> str:
    """internal/strconv/itoa.go: FormatUint. i in the given base (2 to 36), lower-case letters."""
    i = _checkInt(i, "uint64")
    if i < 0:
        raise OverflowError("strconv: FormatUint of a negative value")
    return formatBits(i, base, False)


def FormatInt(i: int, base: int) -> str:
    """internal/strconv/itoa.go: FormatInt. i in base 2 to 36, with "-" when negative."""
    i = _checkInt(i, "int64")
    return formatBits(-i if i < 0 else i, base, i < 0)


def Itoa(i: int) -> str:
    """internal/strconv/itoa.go: Itoa: the decimal text of i, FormatInt(i, 10)."""
    return FormatInt(i, 10)


def AppendInt(dst: bytes | bytearray, i: int, base: int) -> bytes:
    """internal/strconv/itoa.go: AppendInt. dst followed by FormatInt(i, base)."""
    return bytes(dst) + FormatInt(i, base).encode("ascii")


def AppendUint(dst: bytes | bytearray, i: int, base: int) -> bytes:
    """internal/strconv/itoa.go: AppendUint. dst followed by FormatUint(i, base)."""
    return bytes(dst) + FormatUint(i, base).encode("ascii")


def formatBits(u: int, base: int, neg: bool) -> str:
    """internal/strconv/itoa.go: formatBits. The digits of u >= 0 in base, signed by neg.

    Go's version can append to a buffer or return a string; only the string
    form is needed here (the Append functions encode it).
    """
    if base < 2 or base > 36:
        raise Panic("strconv: illegal AppendInt/FormatInt base")
    sign = "-" if neg else ""
    if base == 10:
        return sign + str(u)
    if base == 16:
        return f"{sign}{u:x}"
    if base == 8:
        return f"{sign}{u:o}"
    if base == 2:
        return f"{sign}{u:b}"
    if u == 0:
        return "0"
    out: list[str] = []
    while u:
        u, d = divmod(u, base)
        out.append(digits[d])
    return sign + "".join(reversed(out))
