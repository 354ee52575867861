"""internal/strconv/ftoa.go (go1.27.0): floats to text.

Go formats a float in two steps: produce decimal digits (shortest
round-tripping digits for precision -1, or correctly rounded digits for a
fixed precision), then lay them out in ``fmtEFG`` ('e', 'E', 'f', 'g', 'G');
'b', 'x' and 'X' work on the binary mantissa directly (``fmtB``, ``fmtX``).

We port the layout step (``fmtEFG``, ``fmtB``, ``fmtX``) line for line, so
Go's exponent spellings ("1e+06", "1e-07", three digits past 99) and its %g
rule (exponent < -4 or >= the precision, with precision 6 standing in for
shortest output) come out byte for byte. The digits come from CPython
instead of Go's uscale.go/decimal.go:

* shortest float64 digits: ``repr``, which, like Go, yields the fewest digits
  that read back to the same float and, among those, the closest;
* shortest float32 digits: for 1, 2, ... 9 digits, the correctly rounded
  candidate and its two decimal neighbours are read back as float32
  (``atof._decimal``); the closest that round-trips wins. The neighbours
  matter at powers of two, where the gap below is half the gap above;
* fixed precision: CPython's ``%.Ne`` / ``%.Nf`` conversions, which round the
  exact binary value half to even, as Go's ``fixedWidthFloat`` and its
  multiprecision fallback do.

Digits are trimmed of trailing zeros before layout, as Go's ``setDigits``
and ``decimal.Round`` leave them.
"""

from __future__ import annotations

import struct
from fractions import Fraction
from typing import Final

from rt.panic import Panic

from .atof import _decimal, _float32, _float32bits

__all__ = ["AppendFloat", "FormatFloat", "fmtB", "fmtEFG", "fmtX"]

lowerhex: Final = "0123456789abcdef"
upperhex: Final = "0123456789ABCDEF"

float32MantBits: Final = 23
float32ExpBits: Final = 8
float32Bias: Final = -127

float64MantBits: Final = 52
float64ExpBits: Final = 11
float64Bias: Final = -1023

_mask64: Final = (1 << 64) - 1


def _byte(fmt: int | bytes | str, what: str = "fmt") -> int:
    """A Go byte argument: an int 0-255, a one-byte bytes, or a one-character str.

    The str form lets a Go rune literal such as 'g' be written as Python's 'g'.
    """
    if isinstance(fmt, bool):
        raise TypeError(f"strconv: {what} must be a byte, not bool")
    if isinstance(fmt, int):
        if not 0 <= fmt <= 255:
            raise ValueError(f"strconv: {what} {fmt} does not fit in a byte")
        return fmt
    if isinstance(fmt, (bytes, bytearray)) and len(fmt) == 1:
        return fmt[0]
    if isinstance(fmt, str) and len(fmt) == 1 and ord(fmt) < 256:
        return ord(fmt)
    raise TypeError(f"strconv: {what} must be a byte, not {type(fmt).__name__}")


def _checkFloat(f: float) -> float:
    if isinstance(f, bool) or not isinstance(f, (float, int)):
        raise TypeError(f"strconv: float64 argument must be a float, not {type(f).__name__}")
    return float(f)


def FormatFloat(f: float, fmt: int | bytes | str, prec: int, bitSize: int) -> str:
    """internal/strconv/ftoa.go: FormatFloat. See number.FormatFloat for the contract."""
    return _ftoa(f, fmt, prec, bitSize, "strconv: illegal FormatFloat bitSize").decode("ascii")


def AppendFloat(
    dst: bytes | bytearray, f: float, fmt: int | bytes | str, prec: int, bitSize: int
) -> bytes:
    """internal/strconv/ftoa.go: AppendFloat. dst followed by FormatFloat's text."""
    return bytes(dst) + _ftoa(f, fmt, prec, bitSize, "strconv: illegal AppendFloat bitSize")


def _ftoa(f: float, fmt_: int | bytes | str, prec: int, bitSize: int, panicMsg: str) -> bytes:
    """internal/strconv/ftoa.go: ftoa32/ftoa64. One body; the layout is a parameter."""
    f = _checkFloat(f)
    fmt = _byte(fmt_)
    if bitSize == 32:
        f = _float32(f)
        b = _float32bits(f)
        expBits, mantBits, bias = float32ExpBits, float32MantBits, float32Bias
    elif bitSize == 64:
        b = int(struct.unpack("<Q", struct.pack("<d", f))[0])
        expBits, mantBits, bias = float64ExpBits, float64MantBits, float64Bias
    else:
        raise Panic(panicMsg)

    neg = b >> (expBits + mantBits) != 0
    exp = (b >> mantBits) & ((1 << expBits) - 1)
    mant = b & ((1 << mantBits) - 1)
    if exp == (1 << expBits) - 1:
        if mant != 0:
            return b"NaN"
        return b"-Inf" if neg else b"+Inf"
    if exp == 0:
        exp += 1  # denormal
    else:
        mant |= 1 << mantBits
    exp += bias

    if fmt == ord("b"):
        return fmtB(neg, mant, exp - mantBits)
    if fmt in (ord("x"), ord("X")):
        return fmtX(prec, fmt, neg, mant, exp, mantBits)

    if mant == 0:
        return fmtEFG(neg, "", 0, 0, prec, fmt, prec < 0)

    a = abs(f)
    c = chr(fmt)
    if prec < 0:
        digits, dp = _shortest64(a) if bitSize == 64 else _shortest32(a)
        nd = len(digits)
        # Shortest output: precision is whatever the digits need.
        if c in "eE":
            prec = max(nd - 1, 0)
        elif c == "f":
            prec = max(nd - dp, 0)
        elif c in "gG":
            prec = nd
        return fmtEFG(neg, digits, dp, nd, prec, fmt, True)

    if c in "eE":
        digits, dp = _split(f"{a:.{prec}e}")
    elif c == "f":
        digits, dp = _split(f"{a:.{prec}f}")
    elif c in "gG":
        if prec == 0:
            prec = 1
        digits, dp = _split(f"{a:.{prec - 1}e}")
    else:
        digits, dp = "", 0  # unknown verb: fmtEFG prints only %verb
    return fmtEFG(neg, digits, dp, len(digits), prec, fmt, False)


def _split(s: str) -> tuple[str, int]:
    """Digits and decimal-point position of CPython float text ("12.5", "1.25e+01").

    The value is 0.d1d2d3... * 10**dp; leading and trailing zeros are dropped,
    and zero has no digits and dp 0.
    """
    m, _, e = s.partition("e")
    ip, _, fp = m.partition(".")
    digits = (ip + fp).rstrip("0")
    dp = len(ip) + (int(e) if e else 0)
    stripped = digits.lstrip("0")
    dp -= len(digits) - len(stripped)
    if not stripped:
        return "", 0
    return stripped, dp


def _shortest64(a: float) -> tuple[str, int]:
    """Shortest digits that read back as float64 a (a > 0): CPython's repr."""
    return _split(repr(a))


def _shortest32(a: float) -> tuple[str, int]:
    """Shortest digits that read back as float32 a (a > 0, a float32 value); see module doc."""
    exact = Fraction(a)
    for n in range(1, 10):
        digits, dp = _split(f"{a:.{n - 1}e}")
        d = int(digits.ljust(n, "0"))
        p = dp - n  # the candidate is d * 10**p
        best: tuple[Fraction, int] | None = None
        for cand in (d, d - 1, d + 1):
            if cand <= 0:
                continue
            if _decimal(f"{cand}e{p}", 32)[0] != a:
                continue
            dist = abs(Fraction(cand) * Fraction(10) ** p - exact)
            if best is None or dist < best[0]:
                best = (dist, cand)
        if best is not None:
            s = str(best[1])
            return _split(f"{s[0]}.{s[1:]}e{p + len(s) - 1}")
    raise AssertionError("float32 needs at most 9 digits")  # unreachable


def fmtEFG(neg: bool, s: str, dp: int, nd: int, prec: int, fmt: int, shortest: bool) -> bytes:
    """internal/strconv/ftoa.go: fmtEFG. Lays out digits s (value 0.s * 10**dp).

    %e and %E: -d.dddde±dd; %f: -ddd.ddd; %g and %G choose %e when the
    exponent is below -4 or at least the precision (6 for shortest output),
    else %f, dropping trailing zeros either way. Other verbs give "%verb".
    """
    if fmt in (ord("g"), ord("G")):
        eprec = prec
        if eprec > nd and nd >= dp:
            eprec = nd
        # Shortest output is judged as if the precision were 6, as %e/%f in C.
        if shortest:
            eprec = 6
        exp = dp - 1
        if exp < -4 or exp >= eprec:
            if prec > nd:
                prec = nd
            prec -= 1
            fmt = fmt + ord("e") - ord("g")
        else:
            if prec > dp:
                prec = nd
            prec = max(prec - dp, 0)
            fmt = ord("f")

    out: list[str] = []
    if fmt in (ord("e"), ord("E")):
        if neg:
            out.append("-")
        out.append(s[0] if nd != 0 else "0")
        if prec > 0:
            out.append(".")
            m = min(nd, prec + 1)
            i = 1
            if i < m:
                out.append(s[i:m])
                i = m
            out.append("0" * (prec + 1 - i))
        out.append(chr(fmt))
        exp = dp - 1
        if nd == 0:  # zero has exponent 0
            exp = 0
        if exp < 0:
            out.append("-")
            exp = -exp
        else:
            out.append("+")
        # At least two exponent digits.
        out.append(f"{exp:02d}")
        return "".join(out).encode("ascii")

    if fmt == ord("f"):
        if neg:
            out.append("-")
        if dp > 0:
            m = min(nd, dp)
            out.append(s[:m])
            out.append("0" * (dp - m))
        else:
            out.append("0")
        if prec > 0:
            out.append(".")
            lz = min(prec, max(0, -dp))  # zeros right after the point
            off = dp + lz
            m = min(prec - lz, max(0, nd - off))  # digits from s
            tz = max(0, prec - lz - m)  # zeros after them
            out.append("0" * lz)
            out.append(s[off : off + m])
            out.append("0" * tz)
        return "".join(out).encode("ascii")

    return b"%" + bytes([fmt])


def fmtB(neg: bool, mant: int, exp: int) -> bytes:
    """internal/strconv/ftoa.go: fmtB. %b: -ddddp±ddd, the integer mantissa and binary exponent."""
    sign = "-" if neg else ""
    return f"{sign}{mant}p{exp:+d}".encode("ascii")


def fmtX(prec: int, fmt: int, neg: bool, mant: int, exp: int, mantBits: int) -> bytes:
    """internal/strconv/ftoa.go: fmtX. %x: -0x1.yyyyp±dd, or -0x0p+00 for zero.

    The leading digit is 1 (0 for zero), subnormals included, and the exponent
    has at least two digits. A precision below 15 rounds half to even; -1
    prints just the digits needed.
    """
    if mant == 0:
        exp = 0

    # Put the leading 1 (if any) at bit 60.
    mant = (mant << (60 - mantBits)) & _mask64
    while mant != 0 and mant & (1 << 60) == 0:
        mant <<= 1
        exp -= 1

    if 0 <= prec < 15:
        shift = prec * 4
        extra = (mant << shift) & ((1 << 60) - 1)
        mant >>= 60 - shift
        if extra | (mant & 1) > 1 << 59:
            mant += 1
        mant <<= 60 - shift
        if mant & (1 << 61) != 0:  # rounding carried into a new leading digit
            mant >>= 1
            exp += 1

    hexd = upperhex if fmt == ord("X") else lowerhex

    out = ["-" if neg else "", "0", chr(fmt), "01"[(mant >> 60) & 1]]

    mant = (mant << 4) & _mask64  # drop the leading digit
    if prec < 0 and mant != 0:
        out.append(".")
        while mant != 0:
            out.append(hexd[(mant >> 60) & 15])
            mant = (mant << 4) & _mask64
    elif prec > 0:
        out.append(".")
        for _ in range(prec):
            out.append(hexd[(mant >> 60) & 15])
            mant = (mant << 4) & _mask64

    out.append("P" if fmt == ord("X") else "p")
    if exp < 0:
        out.append("-")
        exp = -exp
    else:
        out.append("+")
    out.append(f"{exp:02d}")
    return "".join(out).encode("ascii")
