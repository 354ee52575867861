"""strconv/number.go (go1.27.0): the exported numeric API and its errors.

Since go1.26 the conversions live in internal/strconv and report a bare
failure code; this file re-exports them and turns each code into the error
the strconv API promises: a ``*NumError`` holding the exported function's
name, the input text and one of ErrSyntax, ErrRange, or a fresh "invalid
base N" / "invalid bit size N" error. The sentinels ErrRange and ErrSyntax
are singletons, so ``errors.Is(err, strconv.ErrRange)`` works through
NumError's Unwrap.

Python types. Go's string is ``str``; int, int64 and uint64 are ``int``;
float64 is ``float``; complex128 is ``complex``; a byte (FormatFloat's
verb) is an int 0-255, a one-byte bytes, or a one-character str such as
``'g'``. Parse functions never raise for bad text; a value of the wrong
Python type raises TypeError at the call, as Go would refuse to compile it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from std import errors
from std.errors import error

from . import atob as _atob
from . import atoc as _atoc
from . import atof as _atof
from . import atoi as _atoi
from . import ctoa as _ctoa
from . import ftoa as _ftoa
from . import itoa as _itoa

__all__ = [
    "AppendBool",
    "AppendFloat",
    "AppendInt",
    "AppendUint",
    "Atoi",
    "ErrRange",
    "ErrSyntax",
    "FormatBool",
    "FormatComplex",
    "FormatFloat",
    "FormatInt",
    "FormatUint",
    "IntSize",
    "Itoa",
    "NumError",
    "ParseBool",
    "ParseComplex",
    "ParseFloat",
    "ParseInt",
    "ParseUint",
]

IntSize: Final = _atoi.IntSize
"""strconv/number.go: IntSize, the size in bits of an int or uint value (64)."""


def _str(s: object, fn: str) -> str:
    if not isinstance(s, str):
        raise TypeError(f"strconv.{fn}: string argument must be str, not {type(s).__name__}")
    return s


def _int(i: object, fn: str, what: str) -> int:
    if isinstance(i, bool) or not isinstance(i, int):
        raise TypeError(f"strconv.{fn}: {what} must be an int, not {type(i).__name__}")
    return i


def ParseBool(str: str) -> tuple[bool, error | None]:
    """strconv/number.go: ParseBool. True for 1 t T TRUE true True, False for 0 f F FALSE
    false False.

        Anything else gives (False, *NumError with ErrSyntax).
    """
    x, err = _atob.ParseBool(_str(str, "ParseBool"))
    if err is not None:
        return x, toError("ParseBool", str, 0, 0, err)
    return x, None


def FormatBool(b: bool) -> str:
    """strconv/number.go: FormatBool. "true" or "false"."""
    return _atob.FormatBool(b)


def AppendBool(dst: bytes | bytearray, b: bool) -> bytes:
    """strconv/number.go: AppendBool. dst followed by "true" or "false", as bytes."""
    return _atob.AppendBool(dst, b)


def ParseComplex(s: str, bitSize: int) -> tuple[complex, error | None]:
    """strconv/number.go: ParseComplex. The complex number written as N, Ni or N±Ni.

    Each N is a ParseFloat number; parentheses around the whole are allowed,
    spaces are not. bitSize 64 rounds each part to float32 (complex64),
    anything else to float64. Bad syntax gives (0, *NumError with ErrSyntax);
    a part too large gives ±Inf for that part with ErrRange.
    """
    x, err = _atoc.ParseComplex(_str(s, "ParseComplex"), _int(bitSize, "ParseComplex", "bitSize"))
    if err is not None:
        return x, toError("ParseComplex", s, 0, bitSize, err)
    return x, None


def ParseFloat(s: str, bitSize: int) -> tuple[float, error | None]:
    """strconv/number.go: ParseFloat. The float nearest to s, rounded half to even.

    Accepts Go's decimal and hex float literals (hex needs a p exponent;
    underscores only between digits or after a base prefix), and "NaN",
    "Inf", "Infinity" in any case, the last two with an optional sign.
    bitSize 32 rounds to float32 (the result is still a Python float, exactly
    a float32 value); anything else means float64. Bad syntax gives (0,
    *NumError with ErrSyntax); a value beyond the largest float (by more
    than half a unit in the last place) gives (±Inf, *NumError with ErrRange).
    """
    x, err = _atof.ParseFloat(_str(s, "ParseFloat"), _int(bitSize, "ParseFloat", "bitSize"))
    if err is not None:
        return x, toError("ParseFloat", s, 0, bitSize, err)
    return x, None


def ParseUint(s: str, base: int, bitSize: int) -> tuple[int, error | None]:
    """strconv/number.go: ParseUint. Like ParseInt, for unsigned numbers (no sign allowed).

    Too large a value gives the largest value of bitSize with ErrRange.
    """
    x, err = _atoi.ParseUint(
        _str(s, "ParseUint"), _int(base, "ParseUint", "base"), _int(bitSize, "ParseUint", "bitSize")
    )
    if err is not None:
        return x, toError("ParseUint", s, base, bitSize, err)
    return x, None


def ParseInt(s: str, base: int, bitSize: int) -> tuple[int, error | None]:
    """strconv/number.go: ParseInt. The integer written in s, in base 0 or 2..36.

    An optional sign may lead. Base 0 reads a prefix after the sign: 0b
    (2), 0o or 0 (8), 0x (16), else 10, and only base 0 allows underscores
    (as in Go literals). bitSize 0, 8, 16, 32, 64 means int, int8 ... int64;
    other sizes outside 0..64 are an error. Bad text gives (0, *NumError
    with ErrSyntax); a value that does not fit gives the bound on its side
    with ErrRange.
    """
    x, err = _atoi.ParseInt(
        _str(s, "ParseInt"), _int(base, "ParseInt", "base"), _int(bitSize, "ParseInt", "bitSize")
    )
    if err is not None:
        return x, toError("ParseInt", s, base, bitSize, err)
    return x, None


def Atoi(s: str) -> tuple[int, error | None]:
    """strconv/number.go: Atoi. ParseInt(s, 10, 0), with errors naming Atoi."""
    x, err = _atoi.Atoi(_str(s, "Atoi"))
    if err is not None:
        return x, toError("Atoi", s, 0, 0, err)
    return x, None


def FormatComplex(c: complex, fmt: int | bytes | str, prec: int, bitSize: int) -> str:
    """strconv/number.go: FormatComplex. "(a+bi)", each part as FormatFloat formats it.

    bitSize is 64 (complex64: float32 parts) or 128; anything else panics.
    """
    return _ctoa.FormatComplex(c, fmt, prec, bitSize)


def FormatFloat(f: float, fmt: int | bytes | str, prec: int, bitSize: int) -> str:
    """strconv/number.go: FormatFloat. f as text in format fmt with precision prec.

    fmt is 'b' (-ddddp±ddd), 'e'/'E' (-d.dddde±dd), 'f' (-ddd.dddd), 'g'/'G'
    ('e' for exponents below -4 or at least the precision, else 'f'), or
    'x'/'X' (-0x1.ddddp±dd). prec counts digits after the point for e, f,
    x; significant digits for g (trailing zeros dropped); -1 means the fewest
    digits that ParseFloat reads back as f. bitSize 32 first rounds f to
    float32 and formats that; bitSize other than 32 or 64 panics. Exponents
    have at least two digits (except 'b'); NaN, +Inf, -Inf print so.
    """
    return _ftoa.FormatFloat(f, fmt, prec, bitSize)


def AppendFloat(
    dst: bytes | bytearray, f: float, fmt: int | bytes | str, prec: int, bitSize: int
) -> bytes:
    """strconv/number.go: AppendFloat. dst followed by FormatFloat(f, fmt, prec, bitSize)."""
    return _ftoa.AppendFloat(dst, f, fmt, prec, bitSize)


def FormatUint(i: int, base: int) -> str:
    """strconv/number.go: FormatUint. i in base 2..36 with lower-case letters; other bases panic."""
    return _itoa.FormatUint(i, base)


def FormatInt(i: int, base: int) -> str:
    """strconv/number.go: FormatInt. i in base 2..36 with lower-case letters; other bases panic."""
    return _itoa.FormatInt(i, base)


def Itoa(i: int) -> str:
    """strconv/number.go: Itoa: the decimal text of i, FormatInt(i, 10)."""
    return _itoa.Itoa(i)


def AppendInt(dst: bytes | bytearray, i: int, base: int) -> bytes:
    """strconv/number.go: AppendInt. dst followed by FormatInt(i, base)."""
    return _itoa.AppendInt(dst, i, base)


def AppendUint(dst: bytes | bytearray, i: int, base: int) -> bytes:
    """strconv/number.go: AppendUint. dst followed by FormatUint(i, base)."""
    return _itoa.AppendUint(dst, i, base)


def toError(fn: str, s: str, base: int, bitSize: int, err: _atoi.Error) -> error:
    """strconv/number.go: toError. The NumError promised for an internal failure code."""
    if err is _atoi.ErrSyntax:
        return syntaxError(fn, s)
    if err is _atoi.ErrRange:
        return rangeError(fn, s)
    if err is _atoi.ErrBase:
        return baseError(fn, s, base)
    if err is _atoi.ErrBitSize:
        return bitSizeError(fn, s, bitSize)
    return err


ErrRange: Final[error] = errors.New("value out of range")
"""strconv/number.go: ErrRange. A value is out of range for the target type."""

ErrSyntax: Final[error] = errors.New("invalid syntax")
"""strconv/number.go: ErrSyntax. A value does not have the right syntax for the target type."""


@dataclass(eq=False)
class NumError(Exception):
    """strconv/number.go: NumError, a failed conversion.

    Func is the failing function (ParseBool, ParseInt, ParseUint,
    ParseFloat, ParseComplex, Atoi), Num the input text, Err the reason
    (ErrSyntax, ErrRange, or an invalid base / bit size error). Compared by
    identity, as Go compares *NumError pointers.
    """

    _goType = "*strconv.NumError"  # what %T prints (std/fmt.py)

    Func: str = ""
    Num: str = ""
    Err: error | None = None

    def __post_init__(self) -> None:
        super().__init__(self.Func, self.Num, self.Err)

    def Error(self) -> str:
        """strconv/number.go: NumError.Error. strconv.Func: parsing "Num": reason."""
        from .quote import Quote

        reason = self.Err.Error() if self.Err is not None else "<nil>"
        return "strconv." + self.Func + ": parsing " + Quote(self.Num) + ": " + reason

    def Unwrap(self) -> error | None:
        """strconv/number.go: NumError.Unwrap: the underlying error (Err), ErrRange or ErrSyntax,
        for errors.Is.
        """
        return self.Err

    def __str__(self) -> str:
        return self.Error()


def syntaxError(fn: str, str: str) -> NumError:
    """strconv/number.go: syntaxError."""
    return NumError(fn, str, ErrSyntax)


def rangeError(fn: str, str: str) -> NumError:
    """strconv/number.go: rangeError."""
    return NumError(fn, str, ErrRange)


def baseError(fn: str, str: str, base: int) -> NumError:
    """strconv/number.go: baseError. Err reads "invalid base N"."""
    return NumError(fn, str, errors.New("invalid base " + Itoa(base)))


def bitSizeError(fn: str, str: str, bitSize: int) -> NumError:
    """strconv/number.go: bitSizeError. Err reads "invalid bit size N"."""
    return NumError(fn, str, errors.New("invalid bit size " + Itoa(bitSize)))
