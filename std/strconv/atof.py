"""internal/strconv/atof.go (go1.27.0): decimal and hexadecimal text to floats.

What Go does. ``readFloat`` checks the syntax of Go's floating-point
literals (optional sign, digits with at most one point, optional exponent;
``0x`` mantissas need a ``p`` exponent; underscores only where
``underscoreOK`` allows) and extracts up to 19 significant digits; then a
fast exact path, an unrounded-scaling path and a multiprecision fallback
(decimal.go, uscale.go) produce the correctly rounded float64 or float32.
Overflow gives ±Inf with ErrRange; underflow gives ±0 with no error.

What we do. The syntax check (``special``, ``readFloat``) and the hex
conversion (``atofHex``, pure integer code) are ported line for line. For
decimal input we let CPython do the rounding: ``float()`` of the validated
text (underscores removed) is correctly rounded to float64 under the same
IEEE round-half-even rule Go uses, so the value is Go's. float32 needs care:
rounding the text to float64 and then to float32 can round twice. That only
goes wrong when the float64 result lies exactly halfway between two float32
values, so ``_round32`` detects that case and settles it by comparing the
exact decimal value (a ``Fraction``) with the halfway point. decimal.go and
uscale.go are therefore not ported.

Discussion: Go caps the exponent it accumulates at five digits (``e <
10000`` before each step), so a literal whose digits and exponent cancel
beyond that cap (hundreds of thousands of leading zeros) could differ; CPython
reads such input exactly. No Go test depends on this.

Left out: ``decimal.set`` and ``decimal.floatBits`` (the multiprecision
path, decimal.go, is not ported); ``atof64exact`` and ``atof32exact``
(CPython's ``float()`` rounds every decimal input correctly, so no fast path
is needed).
"""

from __future__ import annotations

import math
import struct
from decimal import Decimal
from fractions import Fraction
from typing import Final

from .atoi import Error, ErrRange, ErrSyntax, lower, underscoreOK

# internal/strconv/deps.go: nan() is float64frombits(0x7FF8000000000001), a
# quiet NaN whose payload Go's ParseFloat("nan", 64) returns bit for bit.
_goNaN: float = struct.unpack("<d", struct.pack("<Q", 0x7FF8000000000001))[0]

__all__ = ["ParseFloat", "parseFloatPrefix", "special", "readFloat", "atofHex"]


class floatInfo:
    """internal/strconv/atof.go: floatInfo, the layout of one IEEE format."""

    __slots__ = ("mantbits", "expbits", "bias")

    def __init__(self, mantbits: int, expbits: int, bias: int) -> None:
        self.mantbits = mantbits
        self.expbits = expbits
        self.bias = bias


float32info: Final = floatInfo(23, 8, -127)
float64info: Final = floatInfo(52, 11, -1023)


def commonPrefixLenIgnoreCase(s: str, prefix: str) -> int:
    """internal/strconv/atof.go: commonPrefixLenIgnoreCase (prefix is lower case)."""
    n = min(len(prefix), len(s))
    for i in range(n):
        c = s[i]
        if "A" <= c <= "Z":
            c = chr(ord(c) + 32)
        if c != prefix[i]:
            return i
    return n


def special(s: str) -> tuple[float, int, bool]:
    """internal/strconv/atof.go: special. A leading inf, infinity or nan, any case.

    Returns (value, bytes consumed, ok). A sign is allowed before inf and
    infinity only; "infin" consumes just "inf", leaving the rest to fail.
    """
    if len(s) == 0:
        return 0.0, 0, False
    sign = 1.0
    nsign = 0
    c = s[0]
    if c in "+-" or c in "iI":
        if c in "+-":
            if c == "-":
                sign = -1.0
            nsign = 1
            s = s[1:]
        n = commonPrefixLenIgnoreCase(s, "infinity")
        if 3 < n < 8:
            n = 3
        if n == 3 or n == 8:
            return math.copysign(math.inf, sign), nsign + n, True
    elif c in "nN":
        if commonPrefixLenIgnoreCase(s, "nan") == 3:
            return _goNaN, 3, True
    return 0.0, 0, False


def readFloat(s: str) -> tuple[int, int, bool, bool, bool, int, bool]:
    """internal/strconv/atof.go: readFloat: reads a decimal or hex mantissa and exponent at the
    start of s and returns (mantissa, exp, neg, trunc, hex, bytes consumed, ok): the value is
    mantissa * base**exp (base 10, or 2 for hex), where mantissa keeps at most 19 decimal (16 hex)
    significant digits and trunc says nonzero digits were dropped. Text may follow the number.
    """
    mantissa = 0
    exp = 0
    neg = trunc = hexa = False
    i = 0
    underscores = False
    fail = (0, 0, False, False, False, 0, False)

    if i >= len(s):
        return fail
    if s[i] == "+":
        i += 1
    elif s[i] == "-":
        i += 1
        neg = True

    base = 10
    maxMantDigits = 19  # 10**19 fits in uint64
    expChar = "e"
    if i + 2 < len(s) and s[i] == "0" and lower(s[i + 1]) == "x":
        base = 16
        maxMantDigits = 16  # 16**16 fits in uint64
        i += 2
        expChar = "p"
        hexa = True
    sawdot = sawdigits = False
    nd = ndMant = dp = 0
    while i < len(s):
        c = s[i]
        if c == "_":
            underscores = True
        elif c == ".":
            if sawdot:
                break
            sawdot = True
            dp = nd
        elif "0" <= c <= "9":
            sawdigits = True
            if c == "0" and nd == 0:  # leading zeros only move the point
                dp -= 1
                i += 1
                continue
            nd += 1
            if ndMant < maxMantDigits:
                mantissa = mantissa * base + ord(c) - 48
                ndMant += 1
            elif c != "0":
                trunc = True
        elif base == 16 and "a" <= lower(c) <= "f":
            sawdigits = True
            nd += 1
            if ndMant < maxMantDigits:
                mantissa = mantissa * 16 + ord(lower(c)) - ord("a") + 10
                ndMant += 1
            else:
                trunc = True
        else:
            break
        i += 1
    if not sawdigits:
        return (0, 0, neg, trunc, hexa, i, False)
    if not sawdot:
        dp = nd

    if base == 16:
        dp *= 4
        ndMant *= 4

    if i < len(s) and lower(s[i]) == expChar:
        i += 1
        if i >= len(s):
            return (0, 0, neg, trunc, hexa, i, False)
        esign = 1
        if s[i] == "+":
            i += 1
        elif s[i] == "-":
            i += 1
            esign = -1
        if i >= len(s) or not "0" <= s[i] <= "9":
            return (0, 0, neg, trunc, hexa, i, False)
        e = 0
        while i < len(s) and ("0" <= s[i] <= "9" or s[i] == "_"):
            if s[i] == "_":
                underscores = True
            elif e < 10000:
                # Past this the value is surely 0 or ±Inf; stop growing.
                e = e * 10 + ord(s[i]) - 48
            i += 1
        dp += e * esign
    elif base == 16:
        return (0, 0, neg, trunc, hexa, i, False)  # hex needs a p exponent

    if mantissa != 0:
        exp = dp - ndMant

    if underscores and not underscoreOK(s[:i]):
        return (0, 0, neg, trunc, hexa, i, False)
    return mantissa, exp, neg, trunc, hexa, i, True


def _float32frombits(b: int) -> float:
    return float(struct.unpack("<f", struct.pack("<I", b))[0])


def _float64frombits(b: int) -> float:
    return float(struct.unpack("<d", struct.pack("<Q", b))[0])


def _float32bits(f: float) -> int:
    """Bits of float32(f): Go's conversion, rounding to nearest even, ±Inf beyond range."""
    try:
        return int(struct.unpack("<I", struct.pack("<f", f))[0])
    except OverflowError:
        return 0xFF800000 if f < 0 else 0x7F800000


def _float32(f: float) -> float:
    """Go's float32(f) for a float64 f, as a Python float."""
    return _float32frombits(_float32bits(f))


def atofHex(
    s: str, flt: floatInfo, mantissa: int, exp: int, neg: bool, trunc: bool
) -> tuple[float, Error | None]:
    """internal/strconv/atof.go: atofHex: rounds mantissa * 2**exp (trunc: nonzero bits were
    dropped) to the format flt, keeping two guard bits and a sticky bit so the one rounding step is
    exact. Too large gives ±Inf and ErrRange.
    """
    maxExp = (1 << flt.expbits) + flt.bias - 2
    minExp = flt.bias + 1
    exp += flt.mantbits  # the mantissa is now read as divided by 2**mantbits

    # Normalise to 1+mantbits bits plus two rounding bits.
    while mantissa != 0 and mantissa >> (flt.mantbits + 2) == 0:
        mantissa <<= 1
        exp -= 1
    if trunc:
        mantissa |= 1
    while mantissa >> (1 + flt.mantbits + 2) != 0:
        mantissa = mantissa >> 1 | mantissa & 1
        exp += 1

    # Below the smallest normal exponent: denormalise, keeping the sticky bit.
    while mantissa > 1 and exp < minExp - 2:
        mantissa = mantissa >> 1 | mantissa & 1
        exp += 1

    # Round half to even on the two low bits.
    round_ = mantissa & 3
    mantissa >>= 2
    round_ |= mantissa & 1
    exp += 2
    if round_ == 3:
        mantissa += 1
        if mantissa == 1 << (1 + flt.mantbits):
            mantissa >>= 1
            exp += 1

    if mantissa >> flt.mantbits == 0:  # denormal or zero
        exp = flt.bias
    err: Error | None = None
    if exp > maxExp:
        mantissa = 1 << flt.mantbits
        exp = maxExp + 1
        err = ErrRange

    bits = mantissa & ((1 << flt.mantbits) - 1)
    bits |= ((exp - flt.bias) & ((1 << flt.expbits) - 1)) << flt.mantbits
    if neg:
        bits |= 1 << flt.mantbits << flt.expbits
    if flt is float32info:
        return _float32frombits(bits), err
    return _float64frombits(bits), err


def _round32(f64: float, text: str) -> float:
    """float32 nearest to the decimal text, given f64 = float(text).

    float32(f64) is right unless f64 sits exactly halfway between two float32
    values: then the text may lie on either side of that midpoint, and its
    exact value decides (ties stay with the even one the cast chose).
    """
    b = _float32bits(f64)
    r = _float32frombits(b)
    if r == f64 or f64 == 0 or math.isinf(f64):
        return r
    # The float32 on the other side of f64 (bit patterns of one sign are ordered).
    other = _float32frombits(b + 1 if abs(r) < abs(f64) else b - 1)

    def exact(x: float) -> Fraction:
        return Fraction(math.copysign(2.0**128, x)) if math.isinf(x) else Fraction(x)

    mid = (exact(r) + exact(other)) / 2
    if Fraction(f64) != mid:
        return r
    v = Fraction(Decimal(text))  # Decimal: no limit on the digit count
    if v == mid:
        return r
    # The answer is whichever neighbour lies on the text's side of the midpoint.
    lo, hi = (r, other) if exact(r) < exact(other) else (other, r)
    return hi if v > mid else lo


def _decimal(s: str, bitSize: int) -> tuple[float, Error | None]:
    """The correctly rounded value of validated decimal text (no special names)."""
    text = s.replace("_", "")
    f = float(text)
    if bitSize == 32:
        f = _round32(f, text)
    if math.isinf(f):
        return f, ErrRange
    return f, None


def atof32(s: str) -> tuple[float, int, Error | None]:
    """internal/strconv/atof.go: atof32. Parses a float32 prefix of s: (value, n, err)."""
    val, n, ok = special(s)
    if ok:
        # float32(val): a NaN keeps only the payload bits a float32 has room for.
        return struct.unpack("<f", struct.pack("<f", val))[0], n, None
    d, p, neg, trunc, hexa, n, ok = readFloat(s)
    if not ok:
        return 0.0, n, ErrSyntax
    if hexa:
        f, err = atofHex(s[:n], float32info, d, p, neg, trunc)
        return f, n, err
    f, err = _decimal(s[:n], 32)
    return f, n, err


def atof64(s: str) -> tuple[float, int, Error | None]:
    """internal/strconv/atof.go: atof64. Parses a float64 prefix of s: (value, n, err)."""
    val, n, ok = special(s)
    if ok:
        return val, n, None
    d, p, neg, trunc, hexa, n, ok = readFloat(s)
    if not ok:
        return 0.0, n, ErrSyntax
    if hexa:
        f, err = atofHex(s[:n], float64info, d, p, neg, trunc)
        return f, n, err
    f, err = _decimal(s[:n], 64)
    return f, n, err


def ParseFloat(s: str, bitSize: int) -> tuple[float, Error | None]:
    """internal/strconv/atof.go: ParseFloat. See number.ParseFloat for the contract."""
    f, n, err = parseFloatPrefix(s, bitSize)
    if n != len(s):
        return 0.0, ErrSyntax
    return f, err


def parseFloatPrefix(s: str, bitSize: int) -> tuple[float, int, Error | None]:
    """internal/strconv/atof.go: parseFloatPrefix. bitSize 32 means float32, else float64."""
    if bitSize == 32:
        return atof32(s)
    return atof64(s)
