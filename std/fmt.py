"""fmt/format.go, fmt/print.go, fmt/errors.go and fmt/scan.go (go1.27.0): formatted I/O.

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
repository's modules (``net.ip`` is ``net``, ``std.time`` is ``time``,
``net.netip`` is ``netip``), and the module's last component otherwise.

A class whose Go type the table cannot tell says it in a class attribute
of its own, ``_goType``: ``"*net.OpError"`` (a pointer; most of Go's error
types are) or ``"net.UnknownNetworkError"`` (a value). ``%T`` prints it as
it is, and the leading ``*`` decides between pointer and value where the
two print differently (``%v`` of a struct: ``&{...}`` or ``{...}``). The
error types of this repository set it, so ``%T`` of an error is Go's.

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

Scanning (scan.go) is the last section: ``Sscan``, ``Sscanln``,
``Sscanf``, ``Fscan``, ``Fscanln``, ``Fscanf`` and ``Scan``, ``Scanln``,
``Scanf`` on standard input. Go's pointer operands are boxes with a
read-write ``value`` (``std.flag.Ptr`` or any object with that attribute);
the type of the box's current value picks the conversion, as Go's type
switch does (see the section's opening comment). A reader with
``ReadRune`` and ``UnreadRune`` is used as an io.RuneScanner; any other is
read a byte per call through ``readRune``, as in Go.

Also left out of scan.go: ``ss.scanUint`` (Go's unsigned types have no
Python value, so no operand reaches it); ``ss.free`` (scan states are not
pooled; an ss is dropped after its call).
"""

from __future__ import annotations

import codecs
import dataclasses
import functools
import math
import sys
import types
from collections.abc import Callable
from typing import Any, Final, Protocol, runtime_checkable

from rt import cgocall as _cgocall
from rt import proc as _proc
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
    "Fscan",
    "Fscanf",
    "Fscanln",
    "GoStringer",
    "Print",
    "Printf",
    "Println",
    "Scan",
    "ScanState",
    "Scanf",
    "Scanln",
    "Scanner",
    "Sprint",
    "Sprintf",
    "Sprintln",
    "Sscan",
    "Sscanf",
    "Sscanln",
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

    def Write(self, b: bytes | bytearray | memoryview) -> tuple[int, error | None]:
        """fmt.State.Write: add b to the formatted output; (n, err)."""
        ...

    def Width(self) -> tuple[int, bool]:
        """fmt.State.Width: the width given in the verb and whether one was given, as (width, ok).
        """
        ...

    def Precision(self) -> tuple[int, bool]:
        """fmt.State.Precision: the precision given in the verb and whether one was given, as (prec,
        ok).
        """
        ...

    def Flag(self, c: int | str) -> bool:
        """fmt.State.Flag: whether the flag c (one of "-", "+", "#", " ", "0") was given in the
        verb.
        """
        ...


@runtime_checkable
class Formatter(Protocol):
    """fmt/print.go: Formatter. ``Format(f, verb)`` prints the value itself; verb is a str."""

    def Format(self, f: State, verb: str) -> None:
        """fmt.Formatter.Format: print the value for verb itself, writing to f and reading its
        flags, width and precision.
        """
        ...


@runtime_checkable
class Stringer(Protocol):
    """fmt/print.go: Stringer. ``String()`` is the value's native format (%v, %s, Print)."""

    def String(self) -> str:
        """fmt.Stringer.String: the value as text, used by %v, %s and the Print functions."""
        ...


@runtime_checkable
class GoStringer(Protocol):
    """fmt/print.go: GoStringer. ``GoString()`` is what %#v prints."""

    def GoString(self) -> str:
        """fmt.GoStringer.GoString: the value as Go syntax, used by the %#v verb."""
        ...


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
# Modules of this repository that are a Go package in one file although they
# sit inside another package's directory (Go's net/netip, crypto/tls).
_filePackages: Final = frozenset({"net.netip", "std.crypto.tls", "std.crypto.x509"})


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
    gt = type(v).__dict__.get("_goType")
    if gt is not None:
        return _Pointer if gt.startswith("*") else _Struct
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
    if module in _filePackages:
        return parts[-1]
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
    gt = t.__dict__.get("_goType")
    if gt is not None:
        return str(gt)
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

    _goType = "*fmt.wrapError"  # what %T prints (std/fmt.py)

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

    _goType = "*fmt.wrapErrors"  # what %T prints (std/fmt.py)

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


# ---------------------------------------------------------------------------
# fmt/scan.go
# ---------------------------------------------------------------------------
#
# Go's Scan functions take pointers and switch on the pointed-to type. Here
# an operand is a box with a read-write ``value`` attribute (std.flag.Ptr is
# one; any object with ``value`` will do), and the type of the box's current
# value chooses the conversion as Go's type switch does: ``bool`` -> bool,
# ``int`` -> int (64 bits), ``float`` -> float64, ``complex`` -> complex128,
# ``str`` -> string, ``bytes``/``bytearray`` -> []byte. An operand with a
# ``Scan(state, verb)`` method is a Scanner and is called instead (verb is a
# one-character str). An operand without ``value`` is Go's non-pointer
# (``type not a pointer: int``). Runes are ints, as in Go; ``eof`` is -1.


@runtime_checkable
class ScanState(Protocol):
    """fmt.ScanState: the scanner state a Scanner's Scan method is given."""

    def ReadRune(self) -> tuple[int, int, error | None]:
        """fmt.ScanState.ReadRune: the next rune of input as (rune, size, err); in the Scanln forms
        io.EOF after the newline or past the width.
        """
        ...
    def UnreadRune(self) -> error | None:
        """fmt.ScanState.UnreadRune: push back the last rune read, so the next ReadRune returns it
        again.
        """
        ...
    def SkipSpace(self) -> None:
        """fmt.ScanState.SkipSpace: skip spaces in the input; newlines are handled as the current
        scan operation requires.
        """
        ...
    def Token(self, skipSpace: bool, f: Callable[[int], bool] | None) -> tuple[
        bytes, error | None]:
        """fmt.ScanState.Token: skip space if skipSpace, then read the run of runes for which f is
        true (None: non-space); (token bytes, err).
        """
        ...
    def Width(self) -> tuple[int, bool]:
        """fmt.ScanState.Width: the width of the verb and whether one was given, as (width, ok)."""
        ...
    def Read(self, buf: bytearray) -> tuple[int, error | None]:
        """fmt.ScanState.Read: not for use by Scan methods (use ReadRune); an implementation may
        always return an error.
        """
        ...


@runtime_checkable
class Scanner(Protocol):
    """fmt.Scanner: a value with ``Scan(state, verb) -> error | None``."""

    def Scan(self, state: ScanState, verb: str) -> error | None:
        """fmt.Scanner.Scan: read the value for verb from state and store it in the receiver;
        returns the error, if any.
        """
        ...


def _io() -> Any:
    """std.io, imported on first use (it is heavier than fmt's other imports)."""
    from std import io

    return io


class _StdinReader:
    """os.Stdin as an io.Reader over sys.stdin (its binary buffer when it has one).

    Waiting for a line typed at a terminal must not stop the other
    goroutines: inside a goroutine the read runs on a spare M
    (``rt.blocking``), as Go's read of os.Stdin blocks only its own M.
    """

    def Read(self, b: bytearray | memoryview) -> tuple[int, error | None]:
        src = sys.stdin
        raw = getattr(src, "buffer", None)
        n = len(b)

        def read() -> bytes:
            if raw is not None:
                return bytes(raw.read1(n) if hasattr(raw, "read1") else raw.read(n))
            return _toBytes(src.read(n))

        try:
            data = _cgocall.blocking(read) if _proc.getg() is not None else read()
        except OSError as e:
            return 0, errors.New("read /dev/stdin: " + (e.strerror or str(e)))
        if not data:
            return 0, _io().EOF
        b[: len(data)] = data
        return len(data), None


def Scan(*a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Scan. Fscan from standard input."""
    return Fscan(_StdinReader(), *a)


def Scanln(*a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Scanln. Fscanln from standard input."""
    return Fscanln(_StdinReader(), *a)


def Scanf(format: str, *a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Scanf. Fscanf from standard input."""
    return Fscanf(_StdinReader(), format, *a)


class stringReader:
    """fmt/scan.go: stringReader, the io.Reader Sscan* read their string's bytes from."""

    def __init__(self, s: str) -> None:
        self.s = _toBytes(s)

    def Read(self, b: bytearray | memoryview) -> tuple[int, error | None]:
        """fmt/scan.go: stringReader.Read."""
        n = min(len(b), len(self.s))
        b[:n] = self.s[:n]
        self.s = self.s[n:]
        return n, (_io().EOF if n == 0 else None)


def Sscan(str: str, *a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Sscan. Space-separated values (newlines count as space) into a."""
    return Fscan(stringReader(str), *a)


def Sscanln(str: str, *a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Sscanln. Like Sscan, but stops at a newline, which must end the input."""
    return Fscanln(stringReader(str), *a)


def Sscanf(str: str, format: str, *a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Sscanf. Values into a as format directs; newlines must match."""
    return Fscanf(stringReader(str), format, *a)


def Fscan(r: Any, *a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Fscan. Sscan reading from the io.Reader r."""
    s = newScanState(r, True, False)
    return s.doScan(a)


def Fscanln(r: Any, *a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Fscanln. Sscanln reading from the io.Reader r."""
    s = newScanState(r, False, True)
    return s.doScan(a)


def Fscanf(r: Any, format: str, *a: Any) -> tuple[int, error | None]:
    """fmt/scan.go: Fscanf. Sscanf reading from the io.Reader r."""
    s = newScanState(r, False, False)
    return s.doScanf(format, a)


class scanError(Exception):
    """fmt/scan.go: scanError, the panic value ss.error raises; errorHandler returns its err."""

    def __init__(self, err: error) -> None:
        super().__init__(err)
        self.err = err


class _eofPanic(Exception):
    """Go's ``panic(io.EOF)`` in notEOF: caught by errorHandler, not by Token."""


eof: Final = -1

floatVerbs: Final = "beEfFgGv"
hugeWid: Final = 1 << 30
intBits: Final = 64

binaryDigits: Final = "01"
octalDigits: Final = "01234567"
decimalDigits: Final = "0123456789"
hexadecimalDigits: Final = "0123456789aAbBcCdDeEfF"
sign: Final = "+-"
period: Final = "."
exponent: Final = "eEpP"

errComplex: Final[error] = errors.New("syntax error scanning complex number")
errBool: Final[error] = errors.New("syntax error scanning boolean")

# unicode.White_Space, as scan.go copies it.
space: Final = (
    (0x0009, 0x000D),
    (0x0020, 0x0020),
    (0x0085, 0x0085),
    (0x00A0, 0x00A0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
)


def isSpace(r: int) -> bool:
    """fmt/scan.go: isSpace. unicode.IsSpace without package unicode."""
    if r >= 1 << 16:
        return False
    for lo, hi in space:
        if r < lo:
            return False
        if r <= hi:
            return True
    return False


def notSpace(r: int) -> bool:
    """fmt/scan.go: notSpace. Token's default: the rune is not space."""
    return not isSpace(r)


def indexRune(s: str, r: int) -> int:
    """fmt/scan.go: indexRune. The index of rune r in s, or -1."""
    for i, c in enumerate(s):
        if ord(c) == r:
            return i
    return -1


def hasX(s: str) -> bool:
    """fmt/scan.go: hasX. Whether s contains x or X."""
    return "x" in s or "X" in s


def hexDigit(d: int) -> tuple[int, bool]:
    """fmt/scan.go: hexDigit. The value of the hexadecimal digit d."""
    if 0x30 <= d <= 0x39:
        return d - 0x30, True
    if 0x61 <= d <= 0x66:
        return 10 + d - 0x61, True
    if 0x41 <= d <= 0x46:
        return 10 + d - 0x41, True
    return -1, False


def _fullRune(b: bytes | bytearray) -> bool:
    """utf8.FullRune: b holds a whole encoding, valid or not."""
    if not b:
        return False
    c = b[0]
    need = 1 if c < 0xC2 else 2 if c < 0xE0 else 3 if c < 0xF0 else 4 if c < 0xF5 else 1
    if len(b) >= need:
        return True
    try:  # a short prefix is full only if it is already invalid
        codecs.getincrementaldecoder("utf-8")().decode(bytes(b), final=False)
    except UnicodeDecodeError:
        return True
    return False


def _decodeRune(b: bytes | bytearray) -> tuple[int, int]:
    """utf8.DecodeRune: (rune, size); (RuneError, 1) for an invalid encoding."""
    for n in range(1, min(4, len(b)) + 1):
        try:
            return ord(bytes(b[:n]).decode("utf-8")), n
        except UnicodeDecodeError:
            continue
    return 0xFFFD, (1 if b else 0)


def _runeLen(r: int) -> int:
    """utf8.RuneLen."""
    return 1 if r < 0x80 else 2 if r < 0x800 else 3 if r < 0x10000 else 4


class readRune:
    """fmt/scan.go: readRune, an io.RuneScanner over a plain io.Reader.

    It reads one byte per Read call, as Go's does, so nothing past the
    scanned text is consumed from the reader (save one peeked rune).
    """

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.buf = bytearray(4)
        self.pending = 0
        self.pendBuf = bytearray(4)
        self.peekRune = -1  # if >= 0 the next rune; when < 0, ~(previous rune)

    def readByte(self) -> tuple[int, error | None]:
        """fmt/scan.go: readRune.readByte. The next byte, left-over bad UTF-8 first."""
        if self.pending > 0:
            b = self.pendBuf[0]
            self.pendBuf[0:3] = self.pendBuf[1:4]
            self.pending -= 1
            return b, None
        n, err = _io().ReadFull(self.reader, memoryview(self.pendBuf)[:1])
        if n != 1:
            return 0, err
        return self.pendBuf[0], err

    def ReadRune(self) -> tuple[int, int, error | None]:
        """fmt/scan.go: readRune.ReadRune. The next UTF-8 code point from the reader."""
        if self.peekRune >= 0:
            rr = self.peekRune
            self.peekRune = ~rr
            return rr, _runeLen(rr), None
        self.buf[0], err = self.readByte()
        if err is not None:
            return 0, 0, err
        if self.buf[0] < 0x80:
            rr = self.buf[0]
            self.peekRune = ~rr
            return rr, 1, None
        n = 1
        while not _fullRune(self.buf[:n]):
            self.buf[n], err = self.readByte()
            if err is not None:
                if err is _io().EOF:
                    err = None
                    break
                return 0, 0, err
            n += 1
        rr, size = _decodeRune(self.buf[:n])
        if size < n:  # an error: save the bytes for the next read
            self.pendBuf[self.pending: self.pending + n - size] = self.buf[size:n]
            self.pending += n - size
        self.peekRune = ~rr
        return rr, size, err

    def UnreadRune(self) -> error | None:
        """fmt/scan.go: readRune.UnreadRune."""
        if self.peekRune >= 0:
            return errors.New("fmt: scanning called UnreadRune with no rune available")
        self.peekRune = ~self.peekRune
        return None


def newScanState(r: Any, nlIsSpace: bool, nlIsEnd: bool) -> ss:
    """fmt/scan.go: newScanState. A fresh ss (they are not pooled) reading r."""
    s = ss()
    if callable(getattr(r, "ReadRune", None)) and callable(getattr(r, "UnreadRune", None)):
        s.rs = r
    else:
        s.rs = readRune(r)
    s.nlIsSpace = nlIsSpace
    s.nlIsEnd = nlIsEnd
    return s


_error = error  # inside ss, "error" is the method ss.error


class ss:
    """fmt/scan.go: ss, the implementation of ScanState."""

    def __init__(self) -> None:
        self.rs: Any = None  # io.RuneScanner
        self.buf = bytearray()  # token accumulator
        self.count = 0  # runes consumed so far
        self.atEOF = False
        self.nlIsEnd = False  # whether newline terminates scan
        self.nlIsSpace = False  # whether newline counts as white space
        self.argLimit = hugeWid  # max value of count for this arg
        self.limit = hugeWid  # max value of count
        self.maxWid = hugeWid  # width of this arg

    def _writeRune(self, r: int) -> None:
        self.buf += _rune(r).encode("utf-8")

    def _string(self) -> str:
        return _fromBytes(self.buf)

    def Read(self, buf: bytearray) -> tuple[int, _error | None]:
        """fmt/scan.go: ss.Read. Never meant to be called: use ReadRune."""
        return 0, errors.New("ScanState's Read should not be called. Use ReadRune")

    def ReadRune(self) -> tuple[int, int, _error | None]:
        """fmt/scan.go: ss.ReadRune. EOF at the width limit and after a Scanln newline."""
        if self.atEOF or self.count >= self.argLimit:
            return 0, 0, _io().EOF
        r, size, err = self.rs.ReadRune()
        if err is None:
            self.count += 1
            if self.nlIsEnd and r == 0x0A:
                self.atEOF = True
        elif err is _io().EOF:
            self.atEOF = True
        return r, size, err

    def Width(self) -> tuple[int, bool]:
        """fmt/scan.go: ss.Width. The verb's width, if one was given."""
        if self.maxWid == hugeWid:
            return 0, False
        return self.maxWid, True

    def getRune(self) -> int:
        """fmt/scan.go: ss.getRune. The next rune, eof at EOF; other errors panic."""
        r, _, err = self.ReadRune()
        if err is not None:
            if err is _io().EOF:
                return eof
            self.error(err)
        return r

    def mustReadRune(self) -> int:
        """fmt/scan.go: ss.mustReadRune. getRune, with EOF an io.ErrUnexpectedEOF panic."""
        r = self.getRune()
        if r == eof:
            self.error(_io().ErrUnexpectedEOF)
        return r

    def UnreadRune(self) -> _error | None:
        """fmt/scan.go: ss.UnreadRune."""
        self.rs.UnreadRune()
        self.atEOF = False
        self.count -= 1
        return None

    def error(self, err: _error) -> None:
        """fmt/scan.go: ss.error. Panic with err (a scanError)."""
        raise scanError(err)

    def errorString(self, err: str) -> None:
        """fmt/scan.go: ss.errorString. Panic with errors.New(err)."""
        raise scanError(errors.New(err))

    def Token(
        self, skipSpace: bool, f: Callable[[int], bool] | None
    ) -> tuple[bytes, _error | None]:
        """fmt/scan.go: ss.Token. The next run of runes satisfying f (default notSpace)."""
        if f is None:
            f = notSpace
        self.buf.clear()
        try:
            return bytes(self.token(skipSpace, f)), None
        except scanError as se:
            return b"", se.err

    def SkipSpace(self) -> None:
        """fmt/scan.go: ss.SkipSpace. Skip spaces; newlines as the operation treats them."""
        while True:
            r = self.getRune()
            if r == eof:
                return
            if r == 0x0D and self.peek("\n"):
                continue
            if r == 0x0A:
                if self.nlIsSpace:
                    continue
                self.errorString("unexpected newline")
                return
            if not isSpace(r):
                self.UnreadRune()
                break

    def token(self, skipSpace: bool, f: Callable[[int], bool]) -> bytearray:
        """fmt/scan.go: ss.token. The next token of runes satisfying f, into buf."""
        if skipSpace:
            self.SkipSpace()
        while True:
            r = self.getRune()
            if r == eof:
                break
            if not f(r):
                self.UnreadRune()
                break
            self._writeRune(r)
        return self.buf

    def consume(self, ok: str, accept: bool) -> bool:
        """fmt/scan.go: ss.consume. Read a rune; report whether it is in ok."""
        r = self.getRune()
        if r == eof:
            return False
        if indexRune(ok, r) >= 0:
            if accept:
                self._writeRune(r)
            return True
        if r != eof and accept:
            self.UnreadRune()
        return False

    def peek(self, ok: str) -> bool:
        """fmt/scan.go: ss.peek. Whether the next rune is in ok, without consuming it."""
        r = self.getRune()
        if r != eof:
            self.UnreadRune()
        return indexRune(ok, r) >= 0

    def notEOF(self) -> None:
        """fmt/scan.go: ss.notEOF. Panic with io.EOF if there is no more input."""
        if self.getRune() == eof:
            raise _eofPanic()
        self.UnreadRune()

    def accept(self, ok: str) -> bool:
        """fmt/scan.go: ss.accept. consume(ok, True)."""
        return self.consume(ok, True)

    def okVerb(self, verb: str, okVerbs: str, typ: str) -> bool:
        """fmt/scan.go: ss.okVerb. Panic with "bad verb" unless verb is in okVerbs."""
        if verb in okVerbs:
            return True
        self.errorString("bad verb '%" + verb + "' for " + typ)
        return False

    def scanBool(self, verb: str) -> bool:
        """fmt/scan.go: ss.scanBool. 0, 1, t, true, f, false in any case."""
        self.SkipSpace()
        self.notEOF()
        if not self.okVerb(verb, "tv", "boolean"):
            return False
        r = self.getRune()
        if r == ord("0"):
            return False
        if r == ord("1"):
            return True
        if r in (ord("t"), ord("T")):
            if self.accept("rR") and (not self.accept("uU") or not self.accept("eE")):
                self.error(errBool)
            return True
        if r in (ord("f"), ord("F")):
            if self.accept("aA") and (
                not self.accept("lL") or not self.accept("sS") or not self.accept("eE")
            ):
                self.error(errBool)
            return False
        return False

    def getBase(self, verb: str) -> tuple[int, str]:
        """fmt/scan.go: ss.getBase. The base and digit set of an integer verb."""
        self.okVerb(verb, "bdoUxXv", "integer")
        if verb == "b":
            return 2, binaryDigits
        if verb == "o":
            return 8, octalDigits
        if verb in "xXU":
            return 16, hexadecimalDigits
        return 10, decimalDigits

    def scanNumber(self, digits: str, haveDigits: bool) -> str:
        """fmt/scan.go: ss.scanNumber. The run of digits here, appended to buf."""
        if not haveDigits:
            self.notEOF()
            if not self.accept(digits):
                self.errorString("expected integer")
        while self.accept(digits):
            pass
        return self._string()

    def scanRune(self, bitSize: int) -> int:
        """fmt/scan.go: ss.scanRune. The next rune's value (%c)."""
        self.notEOF()
        r = self.getRune()
        n = bitSize
        x = ((r << (64 - n)) & _mask64) >> (64 - n)
        if x >= 1 << (n - 1):
            x -= 1 << n
        if x != r:
            self.errorString("overflow on character value " + _rune(r))
        return r

    def scanBasePrefix(self) -> tuple[int, str, bool]:
        """fmt/scan.go: ss.scanBasePrefix. For %v: a 0, 0b, 0o or 0x prefix."""
        if not self.peek("0"):
            return 0, decimalDigits + "_", False
        self.accept("0")
        if self.peek("bB"):
            self.consume("bB", True)
            return 0, binaryDigits + "_", True
        if self.peek("oO"):
            self.consume("oO", True)
            return 0, octalDigits + "_", True
        if self.peek("xX"):
            self.consume("xX", True)
            return 0, hexadecimalDigits + "_", True
        return 0, octalDigits + "_", True

    def scanInt(self, verb: str, bitSize: int) -> int:
        """fmt/scan.go: ss.scanInt. The next integer, checked for overflow of bitSize."""
        if verb == "c":
            return self.scanRune(bitSize)
        self.SkipSpace()
        self.notEOF()
        base, digits = self.getBase(verb)
        haveDigits = False
        if verb == "U":
            if not self.consume("U", False) or not self.consume("+", False):
                self.errorString("bad unicode format ")
        else:
            self.accept(sign)  # a sign stays in the token buffer
            if verb == "v":
                base, digits, haveDigits = self.scanBasePrefix()
        tok = self.scanNumber(digits, haveDigits)
        i, err = strconv.ParseInt(tok, base, 64)
        if err is not None:
            self.error(err)
        n = bitSize
        x = ((i << (64 - n)) & _mask64) >> (64 - n)
        if x >= 1 << (n - 1):
            x -= 1 << n
        if x != i:
            self.errorString("integer overflow on token " + tok)
        return i

    def floatToken(self) -> str:
        """fmt/scan.go: ss.floatToken. The float-looking text here; ParseFloat judges it."""
        self.buf.clear()
        if self.accept("nN") and self.accept("aA") and self.accept("nN"):
            return self._string()
        self.accept(sign)
        if self.accept("iI") and self.accept("nN") and self.accept("fF"):
            return self._string()
        digits = decimalDigits + "_"
        exp = exponent
        if self.accept("0") and self.accept("xX"):
            digits = hexadecimalDigits + "_"
            exp = "pP"
        while self.accept(digits):
            pass
        if self.accept(period):
            while self.accept(digits):
                pass
        if self.accept(exp):
            self.accept(sign)
            while self.accept(decimalDigits + "_"):
                pass
        return self._string()

    def complexTokens(self) -> tuple[str, str]:
        """fmt/scan.go: ss.complexTokens. The real and imaginary text of (N+Ni)."""
        parens = self.accept("(")
        real = self.floatToken()
        self.buf.clear()
        if not self.accept("+-"):
            self.error(errComplex)
        imagSign = self._string()
        imag = self.floatToken()
        if not self.accept("i"):
            self.error(errComplex)
        if parens and not self.accept(")"):
            self.error(errComplex)
        return real, imagSign + imag

    def convertFloat(self, str: str, n: int) -> float:
        """fmt/scan.go: ss.convertFloat. ParseFloat, plus Go's decimal mantissa with p exponent."""
        p = indexRune(str, ord("p"))
        if p >= 0 and not hasX(str):
            f, err = strconv.ParseFloat(str[:p], n)
            if err is not None:
                if isinstance(err, strconv.NumError):
                    err.Num = str
                self.error(err)
            m, err = strconv.Atoi(str[p + 1:])
            if err is not None:
                if isinstance(err, strconv.NumError):
                    err.Num = str
                self.error(err)
            try:
                return math.ldexp(f, m)
            except OverflowError:
                return math.copysign(math.inf, f)
        f, err = strconv.ParseFloat(str, n)
        if err is not None:
            self.error(err)
        return f

    def scanComplex(self, verb: str, n: int) -> complex:
        """fmt/scan.go: ss.scanComplex. The next (N+Ni) as a complex128."""
        if not self.okVerb(verb, floatVerbs, "complex"):
            return 0j
        self.SkipSpace()
        self.notEOF()
        sreal, simag = self.complexTokens()
        real = self.convertFloat(sreal, n // 2)
        imag = self.convertFloat(simag, n // 2)
        return complex(real, imag)

    def convertString(self, verb: str) -> str:
        """fmt/scan.go: ss.convertString. The next word (%s %v), quoted (%q) or hex (%x)."""
        if not self.okVerb(verb, "svqxX", "string"):
            return ""
        self.SkipSpace()
        self.notEOF()
        if verb == "q":
            return self.quotedString()
        if verb in "xX":
            return self.hexString()
        return _fromBytes(self.token(True, notSpace))

    def quotedString(self) -> str:
        """fmt/scan.go: ss.quotedString. A double- or back-quoted Go string."""
        self.notEOF()
        quote = self.getRune()
        if quote == ord("`"):
            while True:
                r = self.mustReadRune()
                if r == quote:
                    break
                self._writeRune(r)
            return self._string()
        if quote == ord('"'):
            self.buf.append(ord('"'))
            while True:
                r = self.mustReadRune()
                self._writeRune(r)
                if r == ord("\\"):
                    self._writeRune(self.mustReadRune())
                elif r == ord('"'):
                    break
            result, err = strconv.Unquote(self._string())
            if err is not None:
                self.error(err)
            return result
        self.errorString("expected quoted string")
        return ""

    def hexByte(self) -> tuple[int, bool]:
        """fmt/scan.go: ss.hexByte. The next two-hex-digit byte, if there is one."""
        rune1 = self.getRune()
        if rune1 == eof:
            return 0, False
        value1, ok = hexDigit(rune1)
        if not ok:
            self.UnreadRune()
            return 0, False
        value2, ok = hexDigit(self.mustReadRune())
        if not ok:
            self.errorString("illegal hex digit")
            return 0, False
        return (value1 << 4 | value2) & 0xFF, True

    def hexString(self) -> str:
        """fmt/scan.go: ss.hexString. The hex-pair-encoded string here."""
        self.notEOF()
        while True:
            b, ok = self.hexByte()
            if not ok:
                break
            self.buf.append(b)
        if len(self.buf) == 0:
            self.errorString("no hex data for %x string")
            return ""
        return self._string()

    def scanPercent(self) -> None:
        """fmt/scan.go: ss.scanPercent. A literal %."""
        self.SkipSpace()
        self.notEOF()
        if not self.accept("%"):
            self.errorString("missing literal %")

    def scanOne(self, verb: str, arg: Any) -> None:
        """fmt/scan.go: ss.scanOne. One operand, converted by its box's value's type."""
        self.buf.clear()
        if callable(getattr(arg, "Scan", None)):
            err = arg.Scan(self, verb)
            if err is not None:
                if err is _io().EOF:
                    err = _io().ErrUnexpectedEOF
                self.error(err)
            return
        if not hasattr(arg, "value"):
            self.errorString("type not a pointer: " + _typeString(arg))
            return
        v = arg.value
        if isinstance(v, bool):
            arg.value = self.scanBool(verb)
        elif isinstance(v, complex):
            arg.value = self.scanComplex(verb, 128)
        elif isinstance(v, int):
            arg.value = self.scanInt(verb, intBits)
        elif isinstance(v, float):
            if self.okVerb(verb, floatVerbs, "float64"):
                self.SkipSpace()
                self.notEOF()
                arg.value = self.convertFloat(self.floatToken(), 64)
        elif isinstance(v, str):
            arg.value = self.convertString(verb)
        elif isinstance(v, (bytes, bytearray)):
            arg.value = type(v)(_toBytes(self.convertString(verb)))
        else:
            # A box holding None is Go's *interface{}, which Go cannot scan either.
            typ = "interface {}" if v is None else _typeString(v)
            self.errorString("can't scan type: *" + typ)

    def _errorHandler(self, e: BaseException) -> _error:
        """fmt/scan.go: errorHandler. A scan panic as the error to return."""
        if isinstance(e, scanError):
            return e.err
        if isinstance(e, _eofPanic):
            eofErr: _error = _io().EOF
            return eofErr
        raise e

    def doScan(self, a: tuple[Any, ...] | list[Any]) -> tuple[int, _error | None]:
        """fmt/scan.go: ss.doScan. Scan each operand with %v; Scanln wants a newline after."""
        numProcessed = 0
        try:
            for arg in a:
                self.scanOne("v", arg)
                numProcessed += 1
            if self.nlIsEnd:
                while True:
                    r = self.getRune()
                    if r == 0x0A or r == eof:
                        break
                    if not isSpace(r):
                        self.errorString("expected newline")
                        break
        except (scanError, _eofPanic) as e:
            return numProcessed, self._errorHandler(e)
        return numProcessed, None

    def advance(self, format: str) -> int:
        """fmt/scan.go: ss.advance. Match format's literal text against the input.

        Returns the number of format characters consumed (Go: bytes): 0
        when format starts with a verb or the input is empty, -1 when the
        input does not match. Runs of spaces match runs of spaces; newlines
        must match newlines.
        """
        i = 0
        while i < len(format):
            fmtc = ord(format[i])
            if isSpace(fmtc):
                newlines = 0
                trailingSpace = False
                while i < len(format) and isSpace(fmtc):
                    if fmtc == 0x0A:
                        newlines += 1
                        trailingSpace = False
                    else:
                        trailingSpace = True
                    i += 1
                    fmtc = ord(format[i]) if i < len(format) else 0xFFFD
                for _ in range(newlines):
                    inputc = self.getRune()
                    while isSpace(inputc) and inputc != 0x0A:
                        inputc = self.getRune()
                    if inputc != 0x0A and inputc != eof:
                        self.errorString("newline in format does not match input")
                if trailingSpace:
                    inputc = self.getRune()
                    if newlines == 0:
                        # A trailing space standing alone must find a space to consume.
                        if not isSpace(inputc) and inputc != eof:
                            self.errorString("expected space in input to match format")
                        if inputc == 0x0A:
                            self.errorString("newline in input does not match format")
                    while isSpace(inputc) and inputc != 0x0A:
                        inputc = self.getRune()
                    if inputc != eof:
                        self.UnreadRune()
                continue
            if fmtc == ord("%"):
                if i + 1 == len(format):
                    self.errorString("missing verb: % at end of format string")
                if format[i + 1] != "%":
                    return i
                i += 1  # skip the first %
            inputc = self.mustReadRune()
            if fmtc != inputc:
                self.UnreadRune()
                return -1
            i += 1
        return i

    def doScanf(self, format: str, a: tuple[Any, ...] | list[Any]) -> tuple[int, _error | None]:
        """fmt/scan.go: ss.doScanf. Scan the operands as format directs."""
        numProcessed = 0
        try:
            end = len(format) - 1
            i = 0
            while i <= end:
                w = self.advance(format[i:])
                if w > 0:
                    i += w
                    continue
                if format[i] != "%":
                    if w < 0:
                        self.errorString("input does not match format")
                    break  # at EOF; "too many operands" is reported below
                i += 1
                self.maxWid, widPresent, i = parsenum(format, i, end)
                if not widPresent:
                    self.maxWid = hugeWid
                c = format[i] if i < len(format) else _RuneError
                i += 1
                if c != "c":
                    self.SkipSpace()
                if c == "%":
                    self.scanPercent()
                    continue
                self.argLimit = self.limit
                if self.count + self.maxWid < self.argLimit:
                    self.argLimit = self.count + self.maxWid
                if numProcessed >= len(a):
                    self.errorString("too few operands for format '%" + format[i - 1:] + "'")
                    break
                self.scanOne(c, a[numProcessed])
                numProcessed += 1
                self.argLimit = self.limit
            if numProcessed < len(a):
                self.errorString("too many operands")
        except (scanError, _eofPanic) as e:
            return numProcessed, self._errorHandler(e)
        return numProcessed, None
