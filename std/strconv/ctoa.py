"""internal/strconv/ctoa.go (go1.27.0): complex numbers to text, "(a+bi)".

Each part is formatted by FormatFloat at half the complex bit size; a "+"
is inserted before an imaginary part that has no sign of its own.
"""

from __future__ import annotations

from rt.panic import Panic

from .ftoa import AppendFloat

__all__ = ["AppendComplex", "FormatComplex"]


def FormatComplex(c: complex, fmt: int | bytes | str, prec: int, bitSize: int) -> str:
    """internal/strconv/ctoa.go: FormatComplex. See number.FormatComplex for the contract."""
    return AppendComplex(b"", c, fmt, prec, bitSize).decode("ascii")


def AppendComplex(
    dst: bytes | bytearray, c: complex, fmt: int | bytes | str, prec: int, bitSize: int
) -> bytes:
    """internal/strconv/ctoa.go: AppendComplex. dst followed by FormatComplex's text.

    Go keeps this internal (for the runtime); there is no strconv.AppendComplex.
    """
    if bitSize != 64 and bitSize != 128:
        raise Panic("invalid bitSize")
    if isinstance(c, bool) or not isinstance(c, (complex, float, int)):
        raise TypeError(f"strconv: complex128 argument must be a complex, not {type(c).__name__}")
    c = complex(c)
    bitSize >>= 1  # complex64 has float32 parts

    re = AppendFloat(b"", c.real, fmt, prec, bitSize)
    im = AppendFloat(b"", c.imag, fmt, prec, bitSize)
    if im[:1] not in (b"+", b"-"):
        im = b"+" + im
    return bytes(dst) + b"(" + re + im + b"i)"
