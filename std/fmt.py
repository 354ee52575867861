"""fmt/format.go, fmt/print.go and fmt/errors.go (go1.27.0): Go's formatted printing.

``Sprintf``, ``Printf``, ``Fprintf``, ``Errorf`` and their unformatted
siblings, with every verb, flag and error annotation Go documents in
fmt/doc.go, producing Go's output byte for byte. The code follows Go's own
split: ``fmt`` (format.go) renders one already-classified value with the
current flags, width and precision; ``pp`` (print.go) walks the format
string, classifies each argument and reports mistakes in the output
(``%!d(string=hi)``, ``%!d(MISSING)``, ``%!(EXTRA int=1)``...) instead of
failing: a malformed format string never raises. errors.go's ``Errorf``
builds errors that wrap their ``%w`` operands.

Go values in Python. Go's fmt asks reflect what an operand is; here the
Python value stands for a Go value by this mapping (``%T`` shows the name):

=============================  ==========================  =================
Python                         Go                          ``%T``
=============================  ==========================  =================
``None``                       nil interface               ``<nil>``
``bool``                       bool                        ``bool``
``int``                        int (any size: big ints     ``int``
                               print all their digits)
``float``                      float64                     ``float64``
``complex``                    complex128                  ``complex128``
``str``                        string                      ``string``
``bytes``, ``bytearray``,      []byte                      ``[]uint8``
``memoryview``
``list``, ``tuple``            slice; elements of one      ``[]int``,
                               type give ``[]T``, mixed    ``[]interface {}``
                               or empty ``[]interface {}``
``dict``                       map, keys sorted as         ``map[string]int``
                               internal/fmtsort sorts them
a dataclass instance           struct value                ``main.T``
any other object               pointer to struct of its    ``*main.T``
                               attributes (``&{1 2}``)
a function or method           func                        ``func()``
a class                        reflect.Type (prints name)  ``*reflect.rtype``
=============================  ==========================  =================

Subclasses of ``int``, ``str``, ``bytes`` are Go's named types of that kind
(``time.Duration``, ``net.IP``): ``%T`` gives their class's name, and their
methods are consulted first, as Go consults a named type's methods. A type's
Go package is ``main`` for classes from ``__main__``, the Go package for this
repository's modules (``net.ip`` is ``net``, ``std.time`` is ``time``), and
the module's last component otherwise.

Interfaces are duck-typed, as Go's are structural: ``Format(f, verb)`` is
Formatter (``verb`` is a one-character ``str``, ``f`` is the ``State``),
``Error()`` is error, ``String()`` is Stringer, ``GoString()`` is GoStringer.
A Python exception without ``Error()`` counts as an error whose text is
``str(exc)``, so a panic inside ``String()`` can be reported as Go reports it:
``%!v(PANIC=String method: boom)``. ``rt.panic.Panic`` prints its value.

Strings and bytes. Go formats into a byte buffer; this module formats into a
``str`` in which bytes that are not UTF-8 are carried as surrogate escapes
(``\\udc80``-``\\udcff``), the convention ``std.io`` uses, so ``%s`` of
arbitrary ``[]byte`` survives to ``Fprintf``'s writer byte for byte and
widths count runes as Go counts them. Float and quoting work is delegated to
``std.strconv``, which mirrors Go's strconv.

Left out: Go's unsigned integer types and float32/complex64 have no Python
value (except the bytes of a ``[]byte``, which print as uint8); nil slices,
maps and pointers are all ``None``; ``%p`` prints ``id()``, which is an
address in CPython.

Also left out of print.go: ``buffer.write``, ``buffer.writeString``,
``buffer.writeByte`` and ``buffer.writeRune`` (the buffer is a Python list
of str, appended to directly); ``pp.free`` (printers are not pooled; a pp is
dropped after its call); ``getField`` (reflect's struct-field access;
printValue reads the attributes itself).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import sys
import types
from collections.abc import Callable
from typing import Any, Final, Protocol, runtime_checkable

from std import errors, strconv
from std.errors import error

__all__ = [
    "Append",
    "Appendf",
    "Appendln",
    "Errorf",
    "FormatString",
    "Formatter",
    "Fprint",
    "Fprintf",
    "Fprintln",
    "GoStringer",
    "Print",
    "Printf",
    "Println",
    "Sprint",
    "Sprintf",
    "Sprintln",
    "State",
    "Stringer",
]

# ---------------------------------------------------------------------------
# fmt/format.go
# ---------------------------------------------------------------------------

ldigits: Final = "0123456789abcdefx"
udigits: Final = "0123456789ABCDEFX"

signed: Final = True
unsigned: Final = False

_MaxRune: Final = 0x10FFFF
_RuneError: Final = "\ufffd"
_mask64: Final = (1 << 64) - 1


def _rune(c: int) -> str:
    """utf8.AppendRune of rune(c): U+FFFD for values that are not a valid code point."""
    if c < 0 or c > _MaxRune or 0xD800 <= c <= 0xDFFF:
        return _RuneError
    return chr(c)


def _toBytes(s: str) -> bytes:
    """A formatted str back to Go's bytes: UTF-8, escaped surrogates restored."""
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        # A lone surrogate that did not come from bytes: Go would write U+FFFD.
        return s.encode("utf-8", "replace")


def _fromBytes(b: bytes | bytearray | memoryview) -> str:
    """Go's string(b): the bytes as UTF-8, any invalid byte kept as a surrogate escape."""
    return bytes(b).decode("utf-8", "surrogateescape")


class fmt:
    """fmt/format.go: fmt, the raw formatter under pp.

    It renders one value with the flags, width and precision the format
    string set, into ``buf``, a list of str pieces owned by the pp. The
    flag fields are cleared per verb by ``clearflags``.
    """

    __slots__ = (
        "buf",
        "minus",
        "plus",
        "plusV",
        "prec",
        "precPresent",
        "sharp",
        "sharpV",
        "space",
        "wid",
        "widPresent",
        "zero",
    )

    def __init__(self, buf: list[str]) -> None:
        """fmt/format.go: fmt.init. Write into buf; clear the flags."""
        self.buf = buf
        self.clearflags()

    def clearflags(self) -> None:
        """fmt/format.go: fmt.clearflags."""
        self.widPresent = False
        self.precPresent = False
        self.minus = False
        self.plus = False
        self.sharp = False
        self.space = False
        self.zero = False
        # %+v and %#v are flagless formats of their own: pp moves plus and
        # sharp into these when the verb is v.
        self.plusV = False
        self.sharpV = False
        self.wid = 0
        self.prec = 0

    def _flags(self) -> tuple[bool, ...]:
        return (
            self.widPresent, self.precPresent, self.minus, self.plus, self.sharp,
            self.space, self.zero, self.plusV, self.sharpV,
        )  # fmt: skip

    def _setFlags(self, f: tuple[bool, ...]) -> None:
        (
            self.widPresent, self.precPresent, self.minus, self.plus, self.sharp,
            self.space, self.zero, self.plusV, self.sharpV,
        ) = f  # fmt: skip

    def writePadding(self, n: int) -> None:
        """fmt/format.go: fmt.writePadding. n pad characters; zeros only on the left."""
        if n <= 0:
            return
        self.buf.append(("0" if self.zero and not self.minus else " ") * n)

    def pad(self, s: str) -> None:
        """fmt/format.go: fmt.pad/fmt.padString. One function: both hold runes here."""
        if not self.widPresent or self.wid == 0:
            self.buf.append(s)
            return
        width = self.wid - len(s)
        if not self.minus:
            self.writePadding(width)
            self.buf.append(s)
        else:
            self.buf.append(s)
            self.writePadding(width)

    padString = pad

    def fmtBoolean(self, v: bool) -> None:
        """fmt/format.go: fmt.fmtBoolean."""
        self.padString("true" if v else "false")

    def fmtUnicode(self, u: int) -> None:
        """fmt/format.go: fmt.fmtUnicode. "U+0078", or with # "U+0078 'x'"."""
        u &= _mask64
        prec = 4
        if self.precPresent and self.prec > 4:
            prec = self.prec
        s = "U+" + format(u, "X").rjust(prec, "0")
        if self.sharp and u <= _MaxRune and strconv.IsPrint(chr(u)):
            s += " '" + chr(u) + "'"
        oldZero = self.zero
        self.zero = False
        self.pad(s)
        self.zero = oldZero

    def fmtInteger(self, u: int, base: int, isSigned: bool, verb: str, digits: str) -> None:
        """fmt/format.go: fmt.fmtInteger.

        ``u`` is the Python int itself; a negative one is printed with a
        minus sign, as Go prints a negative signed integer (an unsigned
        caller passes a non-negative value).
        """
        negative = isSigned and u < 0
        if negative:
            u = -u
        # Two ways to ask for leading zeros: %.3d or %03d. With both the zero
        # flag is ignored and spaces pad instead.
        prec = 0
        if self.precPresent:
            prec = self.prec
            # Precision 0 and value 0 print nothing but the padding.
            if prec == 0 and u == 0:
                oldZero = self.zero
                self.zero = False
                self.writePadding(self.wid)
                self.zero = oldZero
                return
        elif self.zero and not self.minus and self.widPresent:
            prec = self.wid
            if negative or self.plus or self.space:
                prec -= 1  # leave room for the sign
        if base == 10:
            s = str(u)
        elif base == 16:
            s = format(u, "x")
            if digits is udigits:
                s = s.upper()
        elif base == 8:
            s = format(u, "o")
        elif base == 2:
            s = format(u, "b")
        else:
            raise AssertionError("fmt: unknown base; can't happen")
        if prec > len(s):
            s = "0" * (prec - len(s)) + s
        if self.sharp:
            if base == 2:
                s = "0b" + s
            elif base == 8:
                if s[0] != "0":
                    s = "0" + s
            elif base == 16:
                s = "0" + digits[16] + s
        if verb == "O":
            s = "0o" + s
        if negative:
            s = "-" + s
        elif self.plus:
            s = "+" + s
        elif self.space:
            s = " " + s
        # Zero padding on the left was done above as precision, or is
        # overridden by an explicit precision.
        oldZero = self.zero
        self.zero = False
        self.pad(s)
        self.zero = oldZero

    def truncateString(self, s: str) -> str:
        """fmt/format.go: fmt.truncateString/fmt.truncate. At most prec runes."""
        if self.precPresent:
            return s[: self.prec]
        return s

    truncate = truncateString

    def fmtS(self, s: str) -> None:
        """fmt/format.go: fmt.fmtS."""
        self.padString(self.truncateString(s))

    def fmtBs(self, b: bytes | bytearray | memoryview) -> None:
        """fmt/format.go: fmt.fmtBs. b as a string."""
        self.fmtS(_fromBytes(b))

    def fmtSbx(self, b: bytes, digits: str) -> None:
        """fmt/format.go: fmt.fmtSbx. The bytes of a string or []byte in hex.

        Precision limits the number of bytes encoded; ``% x`` separates
        them with spaces; ``#`` adds 0x once, or per byte with the space.
        """
        length = len(b)
        if self.precPresent and self.prec < length:
            length = self.prec
        width = 2 * length
        if width > 0:
            if self.space:
                if self.sharp:
                    width *= 2
                width += length - 1
            elif self.sharp:
                width += 2
        else:  # nothing to encode
            if self.widPresent:
                self.writePadding(self.wid)
            return
        if self.widPresent and self.wid > width and not self.minus:
            self.writePadding(self.wid - width)
        out: list[str] = []
        if self.sharp:
            out.append("0" + digits[16])
        for i in range(length):
            if self.space and i > 0:
                out.append(" ")
                if self.sharp:
                    out.append("0" + digits[16])
            c = b[i]
            out.append(digits[c >> 4] + digits[c & 0xF])
        self.buf.append("".join(out))
        if self.widPresent and self.wid > width and self.minus:
            self.writePadding(self.wid - width)

    def fmtSx(self, s: str, digits: str) -> None:
        """fmt/format.go: fmt.fmtSx. The string's UTF-8 bytes in hex."""
        self.fmtSbx(_toBytes(s), digits)

    def fmtBx(self, b: bytes | bytearray | memoryview, digits: str) -> None:
        """fmt/format.go: fmt.fmtBx."""
        self.fmtSbx(bytes(b), digits)

    def fmtQ(self, s: str) -> None:
        """fmt/format.go: fmt.fmtQ. A double-quoted Go string, or with # a raw one if it can be."""
        s = self.truncateString(s)
        if self.sharp and strconv.CanBackquote(s):
            self.padString("`" + s + "`")
            return
        if self.plus:
            self.pad(strconv.QuoteToASCII(s))
        else:
            self.pad(strconv.Quote(s))

    def fmtC(self, c: int) -> None:
        """fmt/format.go: fmt.fmtC. The integer as a character, U+FFFD if it is not one."""
        self.pad(_rune(c))

    def fmtQc(self, c: int) -> None:
        """fmt/format.go: fmt.fmtQc. A single-quoted Go character literal."""
        r = _rune(c)
        if self.plus:
            self.pad(strconv.QuoteRuneToASCII(r))
        else:
            self.pad(strconv.QuoteRune(r))

    def fmtFloat(self, v: float, size: int, verb: str, prec: int) -> None:
        """fmt/format.go: fmt.fmtFloat. v through strconv.FormatFloat, then flags and padding."""
        if self.precPresent:
            prec = self.prec
        s = strconv.FormatFloat(v, verb, prec, size)
        # num always starts with a sign; a '+' is dropped again below unless asked for.
        num = s if s[0] in "+-" else "+" + s
        if self.space and num[0] == "+" and not self.plus:
            num = " " + num[1:]
        # Infinities and NaN are not numbers to pad with zeros.
        if num[1] == "I" or num[1] == "N":
            oldZero = self.zero
            self.zero = False
            if num[1] == "N" and not self.space and not self.plus:
                num = num[1:]
            self.pad(num)
            self.zero = oldZero
            return
        # The sharp flag forces a decimal point for non-binary formats and
        # keeps trailing zeros, which %g and %x may have removed.
        if self.sharp and verb != "b":
            digits = 0
            if verb in ("v", "g", "G", "x"):
                digits = prec
                if digits == -1:
                    digits = 6
            tail = ""
            hasDecimalPoint = False
            sawNonzeroDigit = False
            i = 1
            while i < len(num):
                ch = num[i]
                if ch == ".":
                    hasDecimalPoint = True
                elif ch in "pP" or (ch in "eE" and verb not in ("x", "X")):
                    tail = num[i:]
                    num = num[:i]
                    break
                else:
                    if ch != "0":
                        sawNonzeroDigit = True
                    if sawNonzeroDigit:
                        digits -= 1
                i += 1
            if not hasDecimalPoint:
                # A lone leading 0 counts once towards the digits.
                if len(num) == 2 and num[1] == "0":
                    digits -= 1
                num += "."
            if digits > 0:
                num += "0" * digits
            num += tail
        if self.plus or num[0] != "+":
            # With zero padding the sign goes before the zeros.
            if self.zero and not self.minus and self.widPresent and self.wid > len(num):
                self.buf.append(num[0])
                self.writePadding(self.wid - len(num))
                self.buf.append(num[1:])
                return
            self.pad(num)
            return
        self.pad(num[1:])


# ---------------------------------------------------------------------------
# fmt/print.go
# ---------------------------------------------------------------------------

commaSpaceString: Final = ", "
nilAngleString: Final = "<nil>"
nilParenString: Final = "(nil)"
nilString: Final = "nil"
mapString: Final = "map["
percentBangString: Final = "%!"
missingString: Final = "(MISSING)"
badIndexString: Final = "(BADINDEX)"
panicString: Final = "(PANIC="
extraString: Final = "%!(EXTRA "
badWidthString: Final = "%!(BADWIDTH)"
badPrecString: Final = "%!(BADPREC)"
noVerbString: Final = "%!(NOVERB)"


@runtime_checkable
class State(Protocol):
    """fmt/print.go: State, what a Formatter's Format method is handed.

    ``Write`` takes bytes (Go's []byte) and returns ``(n, err)``;
    ``Width``/``Precision`` return ``(value, ok)``; ``Flag`` takes the flag
    character, as an int (Go's ``Flag(int(c))``) or a one-character str.
    The pp also has ``WriteString``.
    """

    def Write(self, b: bytes | bytearray | memoryview) -> tuple[int, error | None]: ...

    def Width(self) -> tuple[int, bool]: ...

    def Precision(self) -> tuple[int, bool]: ...

    def Flag(self, c: int | str) -> bool: ...


@runtime_checkable
class Formatter(Protocol):
    """fmt/print.go: Formatter. ``Format(f, verb)`` prints the value itself; verb is a str."""

    def Format(self, f: State, verb: str) -> None: ...


@runtime_checkable
class Stringer(Protocol):
    """fmt/print.go: Stringer. ``String()`` is the value's native format (%v, %s, Print)."""

    def String(self) -> str: ...


@runtime_checkable
class GoStringer(Protocol):
    """fmt/print.go: GoStringer. ``GoString()`` is what %#v prints."""

    def GoString(self) -> str: ...


def FormatString(state: State, verb: str) -> str:
    """fmt/print.go: FormatString. The directive (``%-+08.3``...) that gave state, plus verb.

    Lets a Formatter rebuild the format it was called for, e.g. to hand it
    on to Sprintf for a field.
    """
    b = ["%"]
    for c in " +-#0":
        if state.Flag(ord(c)):
            b.append(c)
    w, ok = state.Width()
    if ok:
        b.append(str(w))
    p, ok = state.Precision()
    if ok:
        b.append("." + str(p))
    b.append(verb)
    return "".join(b)


# --- The Python value model: Go's reflect, as far as fmt uses it. -----------

# Kinds, named as reflect's.
_Invalid: Final = 0
_Bool: Final = 1
_Int: Final = 2
_Uint: Final = 3
_Float: Final = 4
_Complex: Final = 5
_String: Final = 6
_Slice: Final = 7
_Map: Final = 8
_Struct: Final = 9
_Pointer: Final = 10
_Func: Final = 11
_Chan: Final = 12
_Type: Final = 13


class _uint8(int):
    """An element of a []byte: prints as Go's uint8 (unsigned; %#v gives 0x..)."""

    __slots__ = ()


_bytesTypes: Final = (bytes, bytearray, memoryview)
_funcTypes: Final = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.BuiltinMethodType,
    functools.partial,
)
_repoRoots: Final = frozenset({"rt", "net", "std"})


def _kind(v: object) -> int:
    """reflect.Value.Kind for the Go value v stands for (see the module docstring)."""
    if v is None:
        return _Invalid
    if isinstance(v, bool):
        return _Bool
    if isinstance(v, _uint8):
        return _Uint
    if isinstance(v, int):
        return _Int
    if isinstance(v, float):
        return _Float
    if isinstance(v, complex):
        return _Complex
    if isinstance(v, str):
        return _String
    if isinstance(v, (*_bytesTypes, list, tuple)):
        return _Slice
    if isinstance(v, dict):
        return _Map
    if isinstance(v, type):
        return _Type
    if dataclasses.is_dataclass(v):
        return _Struct
    if isinstance(v, _funcTypes):
        return _Func
    if type(v).__name__ == "hchan" and type(v).__module__ == "rt.chan":
        return _Chan
    return _Pointer


def _goPackage(module: str) -> str:
    """The Go package name for a Python module (see the module docstring)."""
    if module == "__main__":
        return "main"
    parts = module.split(".")
    if parts[0] in _repoRoots and len(parts) > 1:
        mod = sys.modules.get(module)
        if mod is not None and hasattr(mod, "__path__"):
            return parts[-1]  # a package: std.os, std.strconv
        if len(parts) == 2 and parts[0] == "std":
            return parts[1]  # std.time is Go's time
        return parts[-2]  # a file of a package: net.ip is net, std.os.file is os
    return parts[-1]


def _namedType(cls: type) -> str:
    return _goPackage(cls.__module__) + "." + cls.__name__


def _elemType(vals: Any) -> str:
    """The element type of a slice or map: the one type all share, or interface {}."""
    names = set()
    for x in vals:
        if x is None:
            return "interface {}"
        names.add(_typeString(x))
        if len(names) > 1:
            return "interface {}"
    if len(names) == 1:
        return names.pop()
    return "interface {}"


def _typeString(v: object) -> str:
    """reflect.Type.String of the Go type v stands for: what %T prints."""
    t = type(v)
    if v is None:
        return nilAngleString
    if t is bool:
        return "bool"
    if t is _uint8:
        return "uint8"
    if t is int:
        return "int"
    if t is float:
        return "float64"
    if t is complex:
        return "complex128"
    if t is str:
        return "string"
    if t in _bytesTypes:
        return "[]uint8"
    if t is list or t is tuple:
        return "[]" + _elemType(v)
    if t is dict:
        d: dict[Any, Any] = v  # type: ignore[assignment]
        return "map[" + _elemType(d.keys()) + "]" + _elemType(d.values())
    if isinstance(v, type):
        return "*reflect.rtype"
    k = _kind(v)
    if k == _Func:
        return "func()"
    if k == _Chan:
        return "chan interface {}"
    if k == _Pointer:
        return "*" + _namedType(t)
    return _namedType(t)


def _structFields(v: object) -> list[tuple[str, Any]]:
    """(name, value) of each field of the struct v is, or v points to."""
    if dataclasses.is_dataclass(v):
        return [(f.name, getattr(v, f.name, None)) for f in dataclasses.fields(v)]
    out: list[tuple[str, Any]] = []
    for cls in type(v).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if hasattr(v, name) and name not in ("__dict__", "__weakref__"):
                out.append((name, getattr(v, name)))
    out.extend(getattr(v, "__dict__", {}).items())
    return out


def _cmp(a: Any, b: Any) -> int:
    return int(a > b) - int(a < b)


def _fmtsortCompare(a: Any, b: Any) -> int:
    """internal/fmtsort/sort.go: compare, for the keys of a Python dict.

    Keys of one type compare as Go compares them (NaN before every number,
    false before true, slices element by element). Keys of different types
    sit in an interface-keyed map: nil first, then by type name, then by
    value, which is Go's order up to the arbitrary order Go gives types.
    """
    ta, tb = _typeString(a), _typeString(b)
    if ta != tb:
        if a is None or b is None:
            return -1 if a is None else 1
        return _cmp(ta, tb)
    k = _kind(a)
    if k == _Invalid:
        return 0
    if k == _Float:
        if math.isnan(a) or math.isnan(b):
            return _cmp(not math.isnan(a), not math.isnan(b))
        return _cmp(a, b)
    if k == _Complex:
        c = _fmtsortCompare(a.real, b.real)
        return c if c != 0 else _fmtsortCompare(a.imag, b.imag)
    if k in (_Bool, _Int, _Uint, _String):
        return _cmp(a, b)
    if k == _Slice:
        for x, y in zip(a, b, strict=False):
            c = _fmtsortCompare(x, y)
            if c != 0:
                return c
        return _cmp(len(a), len(b))
    if k == _Struct:
        for (_, x), (_, y) in zip(_structFields(a), _structFields(b), strict=False):
            c = _fmtsortCompare(x, y)
            if c != 0:
                return c
        return 0
    return _cmp(id(a), id(b))  # pointers, chans: by address


def _isError(v: object) -> bool:
    """v satisfies Go's error interface (has an Error method)."""
    return not isinstance(v, type) and callable(getattr(v, "Error", None))


def _method(v: object, name: str) -> Callable[..., Any] | None:
    if isinstance(v, type):
        return None  # a class's functions are not methods of a value
    m = getattr(v, name, None)
    return m if callable(m) else None


class _PanicInMethod(Exception):
    """Internal: a panic that must escape catchPanic (a panic while printing a panic)."""


class pp:
    """fmt/print.go: pp, one printer's state for one call; it is also the State.

    Go pools these; a Python call just makes a new one.
    """

    def __init__(self) -> None:
        """fmt/print.go: newPrinter. A fresh pp for each call (Go reuses them via a sync.Pool)."""
        self.buf: list[str] = []
        self.fmt = fmt(self.buf)
        # The format string used [n] argument indexes.
        self.reordered = False
        # The most recent [n] index was valid.
        self.goodArgNum = True
        # Printing a panic's value: a second panic must not be caught.
        self.panicking = False
        # Printing a bad-verb annotation: methods are not called.
        self.erroring = False
        # The caller is Errorf, so %w is allowed.
        self.wrapErrs = False
        # Argument numbers of the %w operands.
        self.wrappedErrs: list[int] = []

    def _string(self) -> str:
        return "".join(self.buf)

    def Width(self) -> tuple[int, bool]:
        """fmt/print.go: pp.Width."""
        return self.fmt.wid, self.fmt.widPresent

    def Precision(self) -> tuple[int, bool]:
        """fmt/print.go: pp.Precision."""
        return self.fmt.prec, self.fmt.precPresent

    def Flag(self, c: int | str) -> bool:
        """fmt/print.go: pp.Flag. c is the flag character, as an int or a str."""
        b = chr(c) if isinstance(c, int) else c
        if b == "-":
            return self.fmt.minus
        if b == "+":
            return self.fmt.plus or self.fmt.plusV
        if b == "#":
            return self.fmt.sharp or self.fmt.sharpV
        if b == " ":
            return self.fmt.space
        if b == "0":
            return self.fmt.zero
        return False

    def Write(self, b: bytes | bytearray | memoryview) -> tuple[int, error | None]:
        """fmt/print.go: pp.Write, so a Formatter can Fprintf into its State."""
        self.buf.append(_fromBytes(b))
        return len(b), None

    def WriteString(self, s: str) -> tuple[int, error | None]:
        """fmt/print.go: pp.WriteString. The count is of UTF-8 bytes, as Go's."""
        self.buf.append(s)
        return len(_toBytes(s)), None

    # parsenum, intFromArg, argNumber ... are module functions below, as in Go.

    def unknownType(self, v: object) -> None:
        """fmt/print.go: pp.unknownType."""
        if v is None:
            self.buf.append(nilAngleString)
            return
        self.buf.append("?" + _typeString(v) + "?")

    def badVerb(self, v: object, verb: str, isArg: bool) -> None:
        """fmt/print.go: pp.badVerb. ``%!verb(type=value)`` for a verb the value does not take.

        Go passes either the interface value (``arg``) or a reflect.Value;
        ``isArg`` says which of the two v stands for, which decides whether
        it is printed with printArg or printValue.
        """
        self.erroring = True
        self.buf.append(percentBangString + verb + "(")
        if v is None:
            self.buf.append(nilAngleString)
        else:
            self.buf.append(_typeString(v) + "=")
            if isArg:
                self.printArg(v, "v")
            else:
                self.printValue(v, "v", 0)
        self.buf.append(")")
        self.erroring = False

    def fmtBool(self, v: bool, verb: str, isArg: bool) -> None:
        """fmt/print.go: pp.fmtBool."""
        if verb in ("t", "v"):
            self.fmt.fmtBoolean(v)
        else:
            self.badVerb(v, verb, isArg)

    def fmt0x64(self, v: int, leading0x: bool) -> None:
        """fmt/print.go: pp.fmt0x64. v in hex, with 0x as asked."""
        sharp = self.fmt.sharp
        self.fmt.sharp = leading0x
        self.fmt.fmtInteger(v, 16, unsigned, "v", ldigits)
        self.fmt.sharp = sharp

    def fmtInteger(self, v: int, isSigned: bool, verb: str, isArg: bool) -> None:
        """fmt/print.go: pp.fmtInteger. ``v`` is the value itself (for badVerb) and the number."""
        n = int(v)
        if verb == "v":
            if self.fmt.sharpV and not isSigned:
                self.fmt0x64(n, True)
            else:
                self.fmt.fmtInteger(n, 10, isSigned, verb, ldigits)
        elif verb == "d":
            self.fmt.fmtInteger(n, 10, isSigned, verb, ldigits)
        elif verb == "b":
            self.fmt.fmtInteger(n, 2, isSigned, verb, ldigits)
        elif verb in ("o", "O"):
            self.fmt.fmtInteger(n, 8, isSigned, verb, ldigits)
        elif verb == "x":
            self.fmt.fmtInteger(n, 16, isSigned, verb, ldigits)
        elif verb == "X":
            self.fmt.fmtInteger(n, 16, isSigned, verb, udigits)
        elif verb == "c":
            self.fmt.fmtC(n)
        elif verb == "q":
            self.fmt.fmtQc(n)
        elif verb == "U":
            self.fmt.fmtUnicode(n)
        else:
            self.badVerb(v, verb, isArg)

    def fmtFloat(self, v: float, size: int, verb: str, isArg: bool, orig: object = None) -> None:
        """fmt/print.go: pp.fmtFloat. Each verb's default precision is passed on."""
        if verb == "v":
            self.fmt.fmtFloat(v, size, "g", -1)
        elif verb in ("b", "g", "G", "x", "X"):
            self.fmt.fmtFloat(v, size, verb, -1)
        elif verb in ("f", "e", "E"):
            self.fmt.fmtFloat(v, size, verb, 6)
        elif verb == "F":
            self.fmt.fmtFloat(v, size, "f", 6)
        else:
            self.badVerb(v if orig is None else orig, verb, isArg)

    def fmtComplex(self, v: complex, size: int, verb: str, isArg: bool) -> None:
        """fmt/print.go: pp.fmtComplex. (r+ji), the imaginary part always signed."""
        # Bad verbs are caught before anything is written.
        if verb in ("v", "b", "g", "G", "x", "X", "f", "F", "e", "E"):
            oldPlus = self.fmt.plus
            self.buf.append("(")
            self.fmtFloat(v.real, size // 2, verb, isArg, v)
            self.fmt.plus = True
            self.fmtFloat(v.imag, size // 2, verb, isArg, v)
            self.buf.append("i)")
            self.fmt.plus = oldPlus
        else:
            self.badVerb(v, verb, isArg)

    def fmtString(self, v: str, verb: str, isArg: bool, orig: object = None) -> None:
        """fmt/print.go: pp.fmtString. ``orig`` is the operand when v came from its method."""
        if verb == "v":
            if self.fmt.sharpV:
                self.fmt.fmtQ(v)
            else:
                self.fmt.fmtS(v)
        elif verb == "s":
            self.fmt.fmtS(v)
        elif verb == "x":
            self.fmt.fmtSx(v, ldigits)
        elif verb == "X":
            self.fmt.fmtSx(v, udigits)
        elif verb == "q":
            self.fmt.fmtQ(v)
        else:
            self.badVerb(v if orig is None else orig, verb, isArg)

    def fmtBytes(self, v: bytes | bytearray | memoryview, verb: str, typeString: str) -> None:
        """fmt/print.go: pp.fmtBytes. []byte: a string for %s %q %x %X, else a list of numbers."""
        if verb in ("v", "d"):
            if self.fmt.sharpV:
                self.buf.append(typeString + "{")
                for i, c in enumerate(bytes(v)):
                    if i > 0:
                        self.buf.append(commaSpaceString)
                    self.fmt0x64(c, True)
                self.buf.append("}")
            else:
                self.buf.append("[")
                for i, c in enumerate(bytes(v)):
                    if i > 0:
                        self.buf.append(" ")
                    self.fmt.fmtInteger(c, 10, unsigned, verb, ldigits)
                self.buf.append("]")
        elif verb == "s":
            self.fmt.fmtBs(v)
        elif verb == "x":
            self.fmt.fmtBx(v, ldigits)
        elif verb == "X":
            self.fmt.fmtBx(v, udigits)
        elif verb == "q":
            self.fmt.fmtQ(_fromBytes(v))
        else:
            self.printValue(v, verb, 0)

    def fmtPointer(self, v: object, verb: str, isArg: bool) -> None:
        """fmt/print.go: pp.fmtPointer. %p and %v of what Go holds by reference: id() here."""
        if _kind(v) not in (_Chan, _Func, _Map, _Pointer, _Slice):
            self.badVerb(v, verb, isArg)
            return
        u = id(v)
        if verb == "v":
            if self.fmt.sharpV:
                self.buf.append("(" + _typeString(v) + ")(")
                self.fmt0x64(u, True)
                self.buf.append(")")
            else:
                self.fmt0x64(u, not self.fmt.sharp)
        elif verb == "p":
            self.fmt0x64(u, not self.fmt.sharp)
        elif verb in ("b", "o", "d", "x", "X"):
            self.fmtInteger(u, unsigned, verb, isArg)
        else:
            self.badVerb(v, verb, isArg)

    def catchPanic(self, arg: object, verb: str, method: str, exc: Exception) -> None:
        """fmt/print.go: pp.catchPanic. A method of arg raised exc: print it in place.

        Go recovers the panic and writes ``%!v(PANIC=String method: msg)``;
        a panic while printing that panic's value propagates. Only
        ``Exception`` is caught: KeyboardInterrupt and SystemExit go on.
        """
        if self.panicking:
            # Nested panics; the recursion in printArg cannot succeed.
            raise exc
        oldFlags = self.fmt._flags()
        wid, prec = self.fmt.wid, self.fmt.prec
        self.fmt.clearflags()  # default formatting for the panic value
        self.buf.append(percentBangString + verb + panicString + method + " method: ")
        self.panicking = True
        value: object = exc
        if type(exc).__name__ in ("Panic",) and hasattr(exc, "value"):
            value = exc.value
        elif not _isError(exc):
            value = str(exc)
        self.printArg(value, "v")
        self.panicking = False
        self.buf.append(")")
        self.fmt._setFlags(oldFlags)
        self.fmt.wid, self.fmt.prec = wid, prec

    def handleMethods(self, arg: object, verb: str, isArg: bool) -> bool:
        """fmt/print.go: pp.handleMethods. Format, GoString, Error or String, if arg has one.

        Returns whether the method printed the operand. Not while printing
        a bad-verb annotation (erroring), so the annotation shows the raw value.
        """
        if self.erroring:
            return False
        if verb == "w":
            # %w is only for Errorf, and only with an error operand.
            if not _isError(arg) or not self.wrapErrs:
                self.badVerb(arg, verb, isArg)
                return True
            verb = "v"  # a Formatter sees %w as %v
        fm = _method(arg, "Format")
        if fm is not None and not _isTimeLike(arg):
            try:
                fm(self, verb)
            except Exception as e:
                self.catchPanic(arg, verb, "Format", e)
            return True
        if self.fmt.sharpV:
            gs = _method(arg, "GoString")
            if gs is not None:
                try:
                    s = gs()
                    # GoString's result is printed unadorned.
                    self.fmt.fmtS(s)
                except Exception as e:
                    self.catchPanic(arg, verb, "GoString", e)
                return True
        elif verb in ("v", "s", "x", "X", "q"):
            for name in ("Error", "String"):
                m = _method(arg, name)
                if m is not None:
                    try:
                        self.fmtString(m(), verb, isArg, arg)
                    except Exception as e:
                        self.catchPanic(arg, verb, name, e)
                    return True
            if isinstance(arg, BaseException) and type(arg).__str__ is not object.__str__:
                # A Python exception without Error(): an error whose text is str(exc).
                try:
                    self.fmtString(str(arg), verb, isArg, arg)
                except Exception as e:
                    self.catchPanic(arg, verb, "Error", e)
                return True
        return False

    def printArg(self, arg: object, verb: str) -> None:
        """fmt/print.go: pp.printArg. Print one operand for verb."""
        if arg is None:
            if verb in ("T", "v"):
                self.fmt.padString(nilAngleString)
            else:
                self.badVerb(None, verb, True)
            return
        # %T and %p come first: they are about the operand, not its value.
        if verb == "T":
            self.fmt.fmtS(_typeString(arg))
            return
        if verb == "p":
            self.fmtPointer(arg, "p", True)
            return
        # Go's unnamed basic types need no method lookup: exact types only,
        # so subclasses (named types such as time.Duration) reach handleMethods.
        t = type(arg)
        if t is bool:
            self.fmtBool(arg, verb, True)  # type: ignore[arg-type]
        elif t is float:
            self.fmtFloat(arg, 64, verb, True)  # type: ignore[arg-type]
        elif t is complex:
            self.fmtComplex(arg, 128, verb, True)  # type: ignore[arg-type]
        elif t is int:
            self.fmtInteger(arg, signed, verb, True)  # type: ignore[arg-type]
        elif t is str:
            self.fmtString(arg, verb, True)  # type: ignore[arg-type]
        elif t in _bytesTypes:
            self.fmtBytes(arg, verb, "[]byte")  # type: ignore[arg-type]
        elif not self.handleMethods(arg, verb, True):
            # No method to print it: go by its kind.
            self.printValue(arg, verb, 0)

    def printValue(self, value: object, verb: str, depth: int) -> None:
        """fmt/print.go: pp.printValue. Print by kind, recursing into elements and fields.

        At depth > 0 the element's own methods are tried first (printArg
        did that for depth 0). A None inside a container is a nil interface.
        """
        if depth > 0 and value is not None and self.handleMethods(value, verb, False):
            return
        k = _kind(value)
        f: Any = value
        if k == _Invalid:
            if depth == 0:
                self.buf.append("<invalid reflect.Value>")
            elif self.fmt.sharpV:
                self.buf.append("interface {}" + nilParenString)
            else:
                self.buf.append(nilAngleString)
        elif k == _Bool:
            self.fmtBool(bool(f), verb, False)
        elif k == _Int:
            self.fmtInteger(f, signed, verb, False)
        elif k == _Uint:
            self.fmtInteger(f, unsigned, verb, False)
        elif k == _Float:
            self.fmtFloat(float(f), 64, verb, False, f)
        elif k == _Complex:
            self.fmtComplex(complex(f), 128, verb, False)
        elif k == _String:
            self.fmtString(str.__str__(f), verb, False, f)
        elif k == _Map:
            if self.fmt.sharpV:
                self.buf.append(_typeString(f) + "{")
            else:
                self.buf.append(mapString)
            keys = sorted(f.keys(), key=functools.cmp_to_key(_fmtsortCompare))
            for i, key in enumerate(keys):
                if i > 0:
                    self.buf.append(commaSpaceString if self.fmt.sharpV else " ")
                self.printValue(key, verb, depth + 1)
                self.buf.append(":")
                self.printValue(f[key], verb, depth + 1)
            self.buf.append("}" if self.fmt.sharpV else "]")
        elif k == _Struct:
            self._printStruct(f, _typeString(f), verb, depth)
        elif k == _Slice:
            if isinstance(f, _bytesTypes):
                if verb in ("s", "q", "x", "X"):
                    self.fmtBytes(f, verb, _typeString(f))
                    return
                elems: Any = [_uint8(c) for c in bytes(f)]
            else:
                elems = f
            if self.fmt.sharpV:
                self.buf.append(_typeString(f) + "{")
                for i, e in enumerate(elems):
                    if i > 0:
                        self.buf.append(commaSpaceString)
                    self.printValue(e, verb, depth + 1)
                self.buf.append("}")
            else:
                self.buf.append("[")
                for i, e in enumerate(elems):
                    if i > 0:
                        self.buf.append(" ")
                    self.printValue(e, verb, depth + 1)
                self.buf.append("]")
        elif k == _Pointer:
            # A pointer to a struct prints as &{...} at the top level only
            # (nested pointers print as addresses, which also stops cycles).
            if depth == 0:
                self.buf.append("&")
                self._printStruct(f, _typeString(f)[1:], verb, depth + 1)
                return
            self.fmtPointer(f, verb, False)
        elif k in (_Chan, _Func):
            self.fmtPointer(f, verb, False)
        elif k == _Type:
            self.fmtString(_namedTypeOf(f), verb, False, f)
        else:
            self.unknownType(f)

    def _printStruct(self, f: object, typeName: str, verb: str, depth: int) -> None:
        """The reflect.Struct case of printValue."""
        if self.fmt.sharpV:
            self.buf.append(typeName)
        self.buf.append("{")
        for i, (name, val) in enumerate(_structFields(f)):
            if i > 0:
                self.buf.append(commaSpaceString if self.fmt.sharpV else " ")
            if self.fmt.plusV or self.fmt.sharpV:
                self.buf.append(name + ":")
            self.printValue(val, verb, depth + 1)
        self.buf.append("}")

    def argNumber(self, argNum: int, format: str, i: int, numArgs: int) -> tuple[int, int, bool]:
        """fmt/print.go: pp.argNumber. The [n] index at format[i:], if any: (argNum, i, found)."""
        if len(format) <= i or format[i] != "[":
            return argNum, i, False
        self.reordered = True
        index, wid, ok = parseArgNumber(format[i:])
        if ok and 0 <= index < numArgs:
            return index, i + wid, True
        self.goodArgNum = False
        return argNum, i + wid, ok

    def badArgNum(self, verb: str) -> None:
        """fmt/print.go: pp.badArgNum."""
        self.buf.append(percentBangString + verb + badIndexString)

    def missingArg(self, verb: str) -> None:
        """fmt/print.go: pp.missingArg."""
        self.buf.append(percentBangString + verb + missingString)

    def doPrintf(self, format: str, a: tuple[Any, ...] | list[Any]) -> None:
        """fmt/print.go: pp.doPrintf. The format-string interpreter."""
        end = len(format)
        argNum = 0  # one argument per non-trivial verb
        afterIndex = False  # the previous item was an index like [3]
        self.reordered = False
        fm = self.fmt
        i = 0
        while i < end:
            self.goodArgNum = True
            lasti = i
            j = format.find("%", i)
            i = end if j < 0 else j
            if i > lasti:
                self.buf.append(format[lasti:i])
            if i >= end:
                break
            i += 1  # skip the %
            fm.clearflags()
            simple = False
            while i < end:
                c = format[i]
                if c == "#":
                    fm.sharp = True
                elif c == "0":
                    fm.zero = True
                elif c == "+":
                    fm.plus = True
                elif c == "-":
                    fm.minus = True
                elif c == " ":
                    fm.space = True
                else:
                    # Fast path: flags and a lower-case verb, nothing else.
                    if "a" <= c <= "z" and argNum < len(a):
                        if c == "w":
                            self.wrappedErrs.append(argNum)
                        if c in ("v", "w"):
                            fm.sharpV, fm.sharp = fm.sharp, False  # Go syntax
                            fm.plusV, fm.plus = fm.plus, False  # field names
                        self.printArg(a[argNum], c)
                        argNum += 1
                        i += 1
                        simple = True
                    break
                i += 1
            if simple:
                continue

            # An explicit argument index?
            argNum, i, afterIndex = self.argNumber(argNum, format, i, len(a))

            # Width?
            if i < end and format[i] == "*":
                i += 1
                fm.wid, fm.widPresent, argNum = intFromArg(a, argNum)
                if not fm.widPresent:
                    self.buf.append(badWidthString)
                # A negative width means the minus flag.
                if fm.wid < 0:
                    fm.wid = -fm.wid
                    fm.minus = True
                    fm.zero = False  # no zero padding on the right
                afterIndex = False
            else:
                fm.wid, fm.widPresent, i = parsenum(format, i, end)
                if afterIndex and fm.widPresent:  # "%[3]2d"
                    self.goodArgNum = False

            # Precision?
            if i + 1 < end and format[i] == ".":
                i += 1
                if afterIndex:  # "%[3].2d"
                    self.goodArgNum = False
                argNum, i, afterIndex = self.argNumber(argNum, format, i, len(a))
                if i < end and format[i] == "*":
                    i += 1
                    fm.prec, fm.precPresent, argNum = intFromArg(a, argNum)
                    # A negative precision makes no sense.
                    if fm.prec < 0:
                        fm.prec = 0
                        fm.precPresent = False
                    if not fm.precPresent:
                        self.buf.append(badPrecString)
                    afterIndex = False
                else:
                    fm.prec, fm.precPresent, i = parsenum(format, i, end)
                    if not fm.precPresent:
                        fm.prec = 0
                        fm.precPresent = True

            if not afterIndex:
                argNum, i, afterIndex = self.argNumber(argNum, format, i, len(a))

            if i >= end:
                self.buf.append(noVerbString)
                break

            verb = format[i]
            i += 1

            if verb == "%":
                # %% takes no operand and ignores width and precision.
                self.buf.append("%")
            elif not self.goodArgNum:
                self.badArgNum(verb)
            elif argNum >= len(a):
                self.missingArg(verb)
            else:
                if verb == "w":
                    self.wrappedErrs.append(argNum)
                if verb in ("v", "w"):
                    fm.sharpV, fm.sharp = fm.sharp, False
                    fm.plusV, fm.plus = fm.plus, False
                self.printArg(a[argNum], verb)
                argNum += 1

        # Unused operands are reported, unless indexes were used: then it is
        # too costly to tell, and arguably fine.
        if not self.reordered and argNum < len(a):
            fm.clearflags()
            self.buf.append(extraString)
            for k, arg in enumerate(a[argNum:]):
                if k > 0:
                    self.buf.append(commaSpaceString)
                if arg is None:
                    self.buf.append(nilAngleString)
                else:
                    self.buf.append(_typeString(arg) + "=")
                    self.printArg(arg, "v")
            self.buf.append(")")

    def doPrint(self, a: tuple[Any, ...] | list[Any]) -> None:
        """fmt/print.go: pp.doPrint. Spaces between operands when neither is a string."""
        prevString = False
        for argNum, arg in enumerate(a):
            isString = isinstance(arg, str)
            if argNum > 0 and not isString and not prevString:
                self.buf.append(" ")
            self.printArg(arg, "v")
            prevString = isString

    def doPrintln(self, a: tuple[Any, ...] | list[Any]) -> None:
        """fmt/print.go: pp.doPrintln. Always a space between operands, a newline at the end."""
        for argNum, arg in enumerate(a):
            if argNum > 0:
                self.buf.append(" ")
            self.printArg(arg, "v")
        self.buf.append("\n")


def _isTimeLike(v: object) -> bool:
    """A Format method that is not fmt.Formatter's (time.Time.Format(layout) takes one argument).

    Go tells them apart by signature; we accept Format as a Formatter
    unless its signature takes exactly one parameter.
    """
    m = getattr(v, "Format", None)
    code = getattr(getattr(m, "__func__", None), "__code__", None)
    return code is not None and code.co_argcount == 2  # self plus one parameter


def _namedTypeOf(cls: type) -> str:
    """reflect.Type.String of the Go type a Python class stands for."""
    for t, name in (
        (bool, "bool"), (int, "int"), (float, "float64"), (complex, "complex128"),
        (str, "string"), (bytes, "[]uint8"), (bytearray, "[]uint8"),
    ):  # fmt: skip
        if cls is t:
            return name
    return _namedType(cls)


def _stdout() -> Any:
    """os.Stdout as an io.Writer over sys.stdout (its binary buffer when it has one)."""
    return _StdoutWriter()


class _StdoutWriter:
    """The io.Writer Printf writes to: sys.stdout's bytes buffer, looked up per call."""

    def Write(self, b: bytes | bytearray | memoryview) -> tuple[int, error | None]:
        out = sys.stdout
        raw = getattr(out, "buffer", None)
        try:
            if raw is not None:
                out.flush()
                raw.write(b)
                raw.flush()
            else:
                out.write(_fromBytes(b))
                out.flush()
        except OSError as e:
            return 0, errors.New("write /dev/stdout: " + (e.strerror or str(e)))
        return len(b), None


def Fprintf(w: Any, format: str, *a: Any) -> tuple[int, error | None]:
    """fmt/print.go: Fprintf. Format as the verbs say and write it to w in one Write.

    w is any io.Writer (``Write(b) -> (n, err)``): a net.Conn, a
    bufio.Writer, an os.File. Returns what that Write returned.
    """
    p = pp()
    p.doPrintf(format, a)
    n, err = w.Write(_toBytes(p._string()))
    return n, err


def Printf(format: str, *a: Any) -> tuple[int, error | None]:
    """fmt/print.go: Printf. Fprintf to standard output (sys.stdout's byte buffer)."""
    return Fprintf(_stdout(), format, *a)


def Sprintf(format: str, *a: Any) -> str:
    """fmt/print.go: Sprintf. Format as the verbs say and return the string."""
    p = pp()
    p.doPrintf(format, a)
    return p._string()


def Appendf(b: bytes | bytearray, format: str, *a: Any) -> bytes | bytearray:
    """fmt/print.go: Appendf. b with the formatted text appended.

    Go's append may reuse b's array; here a bytearray is extended in place
    and returned, a bytes gives a new bytes.
    """
    p = pp()
    p.doPrintf(format, a)
    return _append(b, p._string())


def _append(b: bytes | bytearray, s: str) -> bytes | bytearray:
    if isinstance(b, bytearray):
        b += _toBytes(s)
        return b
    return bytes(b) + _toBytes(s)


def Fprint(w: Any, *a: Any) -> tuple[int, error | None]:
    """fmt/print.go: Fprint. Default formats, spaces between non-string operands, to w."""
    p = pp()
    p.doPrint(a)
    n, err = w.Write(_toBytes(p._string()))
    return n, err


def Print(*a: Any) -> tuple[int, error | None]:
    """fmt/print.go: Print. Fprint to standard output."""
    return Fprint(_stdout(), *a)


def Sprint(*a: Any) -> str:
    """fmt/print.go: Sprint. Default formats, spaces between non-string operands."""
    p = pp()
    p.doPrint(a)
    return p._string()


def Append(b: bytes | bytearray, *a: Any) -> bytes | bytearray:
    """fmt/print.go: Append. b with Sprint(a...) appended."""
    p = pp()
    p.doPrint(a)
    return _append(b, p._string())


def Fprintln(w: Any, *a: Any) -> tuple[int, error | None]:
    """fmt/print.go: Fprintln. Default formats, spaces between all operands, a newline, to w."""
    p = pp()
    p.doPrintln(a)
    n, err = w.Write(_toBytes(p._string()))
    return n, err


def Println(*a: Any) -> tuple[int, error | None]:
    """fmt/print.go: Println. Fprintln to standard output."""
    return Fprintln(_stdout(), *a)


def Sprintln(*a: Any) -> str:
    """fmt/print.go: Sprintln. Default formats, spaces between all operands, and a newline."""
    p = pp()
    p.doPrintln(a)
    return p._string()


def Appendln(b: bytes | bytearray, *a: Any) -> bytes | bytearray:
    """fmt/print.go: Appendln. b with Sprintln(a...) appended."""
    p = pp()
    p.doPrintln(a)
    return _append(b, p._string())


def tooLarge(x: int) -> bool:
    """fmt/print.go: tooLarge. Beyond what a width or precision may be (1e6)."""
    return x > 1_000_000 or x < -1_000_000


def parsenum(s: str, start: int, end: int) -> tuple[int, bool, int]:
    """fmt/print.go: parsenum. The decimal number at s[start:end]: (num, isnum, newi)."""
    if start >= end:
        return 0, False, end
    num = 0
    isnum = False
    newi = start
    while newi < end and "0" <= s[newi] <= "9":
        if tooLarge(num):
            return 0, False, end  # overflow: a crazy long number
        num = num * 10 + ord(s[newi]) - ord("0")
        isnum = True
        newi += 1
    return num, isnum, newi


def intFromArg(a: tuple[Any, ...] | list[Any], argNum: int) -> tuple[int, bool, int]:
    """fmt/print.go: intFromArg. Operand argNum as a width or precision: (num, isInt, newArgNum).

    Any int of Go's int range counts (bool does not: Go's bool is not an integer).
    """
    num, isInt, newArgNum = 0, False, argNum
    if argNum < len(a):
        v = a[argNum]
        if isinstance(v, int) and not isinstance(v, bool) and -(1 << 63) <= v < (1 << 63):
            num, isInt = int(v), True
        newArgNum = argNum + 1
        if tooLarge(num):
            num, isInt = 0, False
    return num, isInt, newArgNum


def parseArgNumber(format: str) -> tuple[int, int, bool]:
    """fmt/print.go: parseArgNumber. The [n] at format[0:]: (n-1, bytes consumed, ok)."""
    if len(format) < 3:
        return 0, 1, False
    for i in range(1, len(format)):
        if format[i] == "]":
            width, ok, newi = parsenum(format, 1, i)
            if not ok or newi != i:
                return 0, i + 1, False
            return width - 1, i + 1, True  # one-indexed; skip the bracket
    return 0, 1, False


# ---------------------------------------------------------------------------
# fmt/errors.go
# ---------------------------------------------------------------------------


def Errorf(format: str, *a: Any) -> error:
    """fmt/errors.go: Errorf. An error whose text is Sprintf(format, a...).

    One %w operand gives an error whose ``Unwrap()`` returns it; several
    give one whose ``Unwrap()`` returns the list (in argument order,
    duplicates dropped), so ``std.errors.Is``/``As`` search them all. An
    operand of %w that is not an error prints as ``%!w(...)`` and is not
    wrapped. With no operands and no ``%`` the result is errors.New(format).
    """
    err = errorf(format, *a)
    if err is not None:
        return err
    return errors.New(format)


def errorf(format: str, *a: Any) -> error | None:
    """fmt/errors.go: errorf. Errorf's work; None when there was nothing to format."""
    if len(a) == 0 and "%" not in format:
        return None
    p = pp()
    p.wrapErrs = True
    p.doPrintf(format, a)
    s = p._string()
    if len(p.wrappedErrs) == 0:
        return errors.New(s)
    if len(p.wrappedErrs) == 1:
        w = a[p.wrappedErrs[0]]
        return wrapError(s, w if _isError(w) else None)
    if p.reordered:
        p.wrappedErrs.sort()
    errs: list[error] = []
    for i, argNum in enumerate(p.wrappedErrs):
        if i > 0 and p.wrappedErrs[i - 1] == argNum:
            continue
        e = a[argNum]
        if _isError(e):
            errs.append(e)
    return wrapErrors(s, errs)


class wrapError(Exception):
    """fmt/errors.go: wrapError, what Errorf returns for one %w."""

    def __init__(self, msg: str, err: error | None) -> None:
        super().__init__(msg)
        self.msg = msg
        self.err = err

    def Error(self) -> str:
        """fmt/errors.go: wrapError.Error."""
        return self.msg

    def Unwrap(self) -> error | None:
        """fmt/errors.go: wrapError.Unwrap. The %w operand."""
        return self.err

    def __str__(self) -> str:
        return self.msg


class wrapErrors(Exception):
    """fmt/errors.go: wrapErrors, what Errorf returns for several %w."""

    def __init__(self, msg: str, errs: list[error]) -> None:
        super().__init__(msg)
        self.msg = msg
        self.errs = errs

    def Error(self) -> str:
        """fmt/errors.go: wrapErrors.Error."""
        return self.msg

    def Unwrap(self) -> list[error]:
        """fmt/errors.go: wrapErrors.Unwrap. The %w operands (Go's ``Unwrap() []error``)."""
        return self.errs

    def __str__(self) -> str:
        return self.msg
