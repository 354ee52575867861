"""internal/strconv/atoc.go (go1.27.0): complex numbers from text.

The forms are N, Ni and N±Ni, optionally in parentheses, where each N is
what ParseFloat reads; a range error in either part is remembered and
reported after the whole string is known to be well formed.
"""

from __future__ import annotations

from .atof import parseFloatPrefix
from .atoi import Error, ErrRange, ErrSyntax

__all__ = ["ParseComplex"]


def ParseComplex(s: str, bitSize: int) -> tuple[complex, Error | None]:
    """internal/strconv/atoc.go: ParseComplex. See number.ParseComplex for the contract."""
    size = 64
    if bitSize == 64:
        size = 32  # complex64 has float32 parts

    if len(s) >= 2 and s[0] == "(" and s[-1] == ")":
        s = s[1:-1]

    pending: Error | None = None  # a range error seen so far

    # The real part, or the imaginary part if an "i" follows.
    re, n, err = parseFloatPrefix(s, size)
    if err is not None:
        if err is not ErrRange:
            return 0j, err
        pending = err
    s = s[n:]

    if len(s) == 0:
        return complex(re, 0), pending

    c = s[0]
    if c == "+":
        # Skip the "+" so "+NaNi" parses, but leave "++" for the error below.
        if len(s) > 1 and s[1] != "+":
            s = s[1:]
    elif c == "-":
        pass
    elif c == "i" and len(s) == 1:
        return complex(0, re), pending
    else:
        return 0j, ErrSyntax

    im, n, err = parseFloatPrefix(s, size)
    if err is not None:
        if err is not ErrRange:
            return 0j, err
        pending = err
    s = s[n:]
    if s != "i":
        return 0j, ErrSyntax
    return complex(re, im), pending
