"""internal/strconv/atoi.go (go1.27.0): integer parsing, before error wrapping.

Since go1.26 the parsing code lives in internal/strconv and reports a bare
error code (``Error``: range, syntax, bad base, bad bit size); the public
strconv package (``number.py`` here) turns that code into a ``*NumError``
naming the exported function the caller used. We keep that split, so the
functions below return ``(value, Error | None)`` and never build NumError.

Go's ``string`` is a Python ``str`` here. Go walks the bytes of the string;
every byte these parsers accept is ASCII, so walking characters gives the
same answers (a non-ASCII character, like any non-ASCII byte, is a syntax
error). Go's uint64 arithmetic is done on Python ints with explicit bounds
instead of wraparound checks.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "Atoi",
    "Error",
    "ErrBase",
    "ErrBitSize",
    "ErrRange",
    "ErrSyntax",
    "IntSize",
    "ParseInt",
    "ParseUint",
    "lower",
    "underscoreOK",
]


def lower(c: str) -> str:
    """internal/strconv/atoi.go: lower. ASCII letters folded to lower case.

    Go ORs in the 0x20 bit, which maps some non-letters to other non-letters;
    callers only compare the result with letters, so folding letters alone
    gives the same answers.
    """
    if "A" <= c <= "Z":
        return chr(ord(c) | 0x20)
    return c


class Error(int):
    """internal/strconv/atoi.go: Error, the bare failure code of a parser.

    Never reaches users: the public functions convert it with ``toError``.
    """

    def Error(self) -> str:
        """internal/strconv/atoi.go: Error.Error: the message for the error code, such as "value out
        of range".
        """
        return _errorText.get(int(self), "unknown error")

    def __str__(self) -> str:
        return self.Error()


_errorText: Final[dict[int, str]] = {
    1: "value out of range",
    2: "invalid syntax",
    3: "invalid base",
    4: "invalid bit size",
}

ErrRange: Final = Error(1)
ErrSyntax: Final = Error(2)
ErrBase: Final = Error(3)
ErrBitSize: Final = Error(4)

intSize: Final = 64
IntSize: Final = intSize
"""internal/strconv/atoi.go: IntSize, the size in bits of Go's int (64 here)."""

_maxUint64: Final = (1 << 64) - 1


def ParseUint(s: str, base: int, bitSize: int) -> tuple[int, Error | None]:
    """internal/strconv/atoi.go: ParseUint. See number.ParseUint for the contract.

    Overflow returns the largest value of the bit size with ErrRange, as Go does.
    """
    if s == "":
        return 0, ErrSyntax

    base0 = base == 0
    s0 = s
    if 2 <= base <= 36:
        pass
    elif base == 0:
        # Base from the prefix: 0b, 0o, 0x, a bare leading 0 (octal), else 10.
        base = 10
        if s[0] == "0":
            if len(s) >= 3 and lower(s[1]) == "b":
                base, s = 2, s[2:]
            elif len(s) >= 3 and lower(s[1]) == "o":
                base, s = 8, s[2:]
            elif len(s) >= 3 and lower(s[1]) == "x":
                base, s = 16, s[2:]
            else:
                base, s = 8, s[1:]
    else:
        return 0, ErrBase

    if bitSize == 0:
        bitSize = IntSize
    elif bitSize < 0 or bitSize > 64:
        return 0, ErrBitSize

    # cutoff is the smallest n for which n*base no longer fits in 64 bits.
    cutoff = _maxUint64 // base + 1
    maxVal = (1 << bitSize) - 1

    underscores = False
    n = 0
    for c in s:
        if c == "_" and base0:
            underscores = True
            continue
        if "0" <= c <= "9":
            d = ord(c) - 48
        elif "a" <= lower(c) <= "z":
            d = ord(lower(c)) - ord("a") + 10
        else:
            return 0, ErrSyntax
        if d >= base:
            return 0, ErrSyntax
        if n >= cutoff:
            return maxVal, ErrRange
        n = n * base + d
        if n > maxVal:
            return maxVal, ErrRange

    # Digits are checked first so that a bad digit wins over bad underscores.
    if underscores and not underscoreOK(s0):
        return 0, ErrSyntax
    return n, None


def ParseInt(s: str, base: int, bitSize: int) -> tuple[int, Error | None]:
    """internal/strconv/atoi.go: ParseInt. See number.ParseInt for the contract.

    Out-of-range input returns the bound of the bit size on the input's side
    with ErrRange; other failures return 0.
    """
    if s == "":
        return 0, ErrSyntax

    neg = False
    if s[0] == "+":
        s = s[1:]
    elif s[0] == "-":
        s = s[1:]
        neg = True

    un, err = ParseUint(s, base, bitSize)
    if err is not None and err is not ErrRange:
        return 0, err

    if bitSize == 0:
        bitSize = IntSize

    cutoff = 1 << (bitSize - 1)
    if not neg and un >= cutoff:
        return cutoff - 1, ErrRange
    if neg and un > cutoff:
        return -cutoff, ErrRange
    return (-un if neg else un), None


def Atoi(s: str) -> tuple[int, Error | None]:
    """internal/strconv/atoi.go: Atoi, ParseInt(s, 10, 0) with a fast path for short input.

    Inputs under 19 bytes cannot overflow int64, so plain decimal digits with
    an optional sign are summed directly; anything else takes ParseInt.
    """
    if 0 < len(s) < 19:
        s0 = s
        if s[0] in "+-":
            s = s[1:]
            if len(s) < 1:
                return 0, ErrSyntax
        n = 0
        for ch in s:
            if not "0" <= ch <= "9":
                return 0, ErrSyntax
            n = n * 10 + ord(ch) - 48
        if s0[0] == "-":
            n = -n
        return n, None

    return ParseInt(s, 10, 0)


def underscoreOK(s: str) -> bool:
    """internal/strconv/atoi.go: underscoreOK: whether every underscore in the number s sits between
    two digits, or between a base prefix and a digit (Go's literal syntax). One check here lets the
    parsers simply skip underscores.
    """
    # saw: "^" start of number, "0" digit or base prefix, "_" underscore,
    # "!" anything else.
    saw = "^"
    i = 0

    if len(s) >= 1 and s[0] in "+-":
        s = s[1:]

    hexa = False
    if len(s) >= 2 and s[0] == "0" and lower(s[1]) in ("b", "o", "x"):
        i = 2
        saw = "0"  # the prefix counts as a digit for separator purposes
        hexa = lower(s[1]) == "x"

    while i < len(s):
        c = s[i]
        i += 1
        if "0" <= c <= "9" or hexa and "a" <= lower(c) <= "f":
            saw = "0"
            continue
        if c == "_":
            if saw != "0":
                return False
            saw = "_"
            continue
        if saw == "_":
            return False
        saw = "!"
    return saw != "_"
