"""flag/flag.go (go1.27.0): command-line flag parsing, with Go's syntax and texts.

A ``FlagSet`` holds named flags, each a ``Flag`` whose ``Value`` knows how
to parse its text (``Set``) and print itself (``String``). ``Parse`` walks
an argument list as Go does: ``-f``, ``--f``, ``-f=v``, ``--f=v``, and
``-f v`` for flags that are not boolean (the next argument is taken whatever
it looks like, so ``-timeout -1s`` works); a boolean flag is only ``-f`` or
``-f=false``, because ``cmd -x *`` must not change meaning when a file is
called ``false``. Parsing stops before the first non-flag argument (a lone
``-`` is one) or after ``--``. Every failure prints Go's message and the
usage text to the set's output, byte for byte, then follows the set's
``ErrorHandling``: ``ContinueOnError`` returns the error,
``ExitOnError`` ends the process with status 2 (status 0 for an undefined
``-h``/``-help``, which returns ``ErrHelp``), and ``PanicOnError`` raises
``rt.panic.Panic`` carrying the error. ``CommandLine`` is the set the
package functions use; it parses ``sys.argv[1:]`` and is named after
``sys.argv[0]`` (Go's ``os.Args``), both read when used, so a program or a
test that assigns ``sys.argv`` is seen.

Pointers. Go's ``flag.Int`` returns an ``*int`` that parsing stores
through, and ``IntVar(&x, ...)`` binds an existing variable. Python has
no pointers, so the stand-in is ``Ptr``: a one-slot box with a ``value``
attribute. ``n = flag.Int("n", 1, "")`` returns a ``Ptr[int]`` and the
program reads ``n.value`` where Go reads ``*n``; ``p = flag.Ptr(0);
flag.IntVar(p, "n", 1, "")`` is Go's ``IntVar(&x, ...)``, and, as in Go,
defining the flag stores the default into ``p.value``. Two flags may share
one ``Ptr`` (Go's shorthand idiom). Any object with a settable ``value``
attribute works where a ``Ptr`` is asked for, so a porter can bind a flag
to a field through a property. ``Ptr`` compares by identity, as pointers do.

Values. The built-in kinds store Python values: ``bool``, ``int`` (Int,
Int64, Uint, Uint64, all 64 bits as Go's int is here), ``float``, ``str``
and ``std.time.Duration``. A default of the wrong type, or out of the
type's range, is a ``TypeError`` (Go would not compile it). Numbers parse
with ``std.strconv`` as Go's do (``ParseInt(s, 0, 64)`` for Int, so
``0x1F``, ``0o17``, ``017``, ``0b101`` and ``1_000`` work; ``ParseFloat``
syntax, including hex floats and ``Inf``); a syntax error is reported as
``parse error`` and an overflow as ``value out of range``, and, as in Go,
the value stored on failure is what strconv returned (0, or the bound).
Durations parse with ``std.time.ParseDuration``. User-defined kinds
implement ``Value`` (``String() -> str``, ``Set(str) -> error | None``),
optionally ``Get()`` (``Getter``) and ``IsBoolFlag() -> bool``.

Zero values. ``PrintDefaults`` shows a default only when it differs from
the zero value of the flag's type; Go builds that zero value by
reflection. Here it is ``type(value)()``: every Value class in this module
builds its zero value when called with no arguments, and a user Value
class should too (a dataclass with defaults, or a plain class). If that
call fails with ``TypeError``, Go's pre-reflection rule is used instead:
the defaults ``""``, ``"0"`` and ``"false"`` count as zero. An exception
raised by ``String`` on a zero value is reported after the list, as Go
reports the panic.

TextVar. Go takes a pointer to a type with ``UnmarshalText``. Here it
takes a ``Ptr`` and the default value; the type's ``UnmarshalText`` may be
Go's mutating method (returning ``error | None``; the default is copied
into ``p.value`` with ``copy.copy`` and mutated in place) or this
codebase's form for immutable values, a static method returning
``(value, err)`` (``net.IP``, ``netip.Addr``), whose value is stored into
``p.value`` when err is None.

Output. Messages go to the set's output, an io.Writer (``Write(b) ->
(n, err)``), as UTF-8 bytes. std.os has no ``Stderr`` (see std/os/file.py),
so the default output is ``stderr`` below: a Writer over Python's
``sys.stderr`` (its binary buffer when there is one), flushed after each
write as Go's unbuffered os.Stderr would be.

Order. Methods sit in their class, so the package-level wrappers (Go
interleaves them with the methods) follow the FlagSet class, in Go's
order.

Left out: ``init`` (the module-level code that builds ``CommandLine`` does
its work); nothing else.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Generic, Protocol, TypeVar, runtime_checkable

from rt.panic import Panic
from std import errors, strconv, time
from std.errors import error

__all__ = [
    "Arg",
    "Args",
    "Bool",
    "BoolFunc",
    "BoolVar",
    "CommandLine",
    "ContinueOnError",
    "Duration",
    "DurationVar",
    "ErrHelp",
    "ErrorHandling",
    "ExitOnError",
    "Flag",
    "FlagSet",
    "Float64",
    "Float64Var",
    "Func",
    "Getter",
    "Int",
    "Int64",
    "Int64Var",
    "IntVar",
    "Lookup",
    "NArg",
    "NFlag",
    "NewFlagSet",
    "PanicOnError",
    "Parse",
    "Parsed",
    "PrintDefaults",
    "Ptr",
    "Set",
    "String",
    "StringVar",
    "TextVar",
    "Uint",
    "Uint64",
    "Uint64Var",
    "UintVar",
    "UnquoteUsage",
    "Usage",
    "Value",
    "Var",
    "Visit",
    "VisitAll",
    "stderr",
]

T = TypeVar("T")


class Ptr(Generic[T]):
    """Go's ``*T`` for flag variables: a box whose ``value`` parsing stores into.

    ``flag.Int`` and friends return one; the ``*Var`` forms take one (see
    the module doc). Equality is identity, as for Go pointers.
    """

    __slots__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"Ptr({self.value!r})"


ErrHelp: Final[error] = errors.New("flag: help requested")
"""flag.ErrHelp: returned by Parse for -help or -h when no such flag is defined."""

errParse: Final[error] = errors.New("parse error")
"""flag.errParse: what a built-in Value's Set returns for text that does not parse."""

errRange: Final[error] = errors.New("value out of range")
"""flag.errRange: what a built-in Value's Set returns for a number out of range."""


def numError(err: error | None) -> error | None:
    """flag/flag.go: numError. A strconv.NumError's cause as errParse or errRange.

    Any other error is returned unchanged.
    """
    if not isinstance(err, strconv.NumError):
        return err
    if err.Err is strconv.ErrSyntax:
        return errParse
    if err.Err is strconv.ErrRange:
        return errRange
    return err


# ---------------------------------------------------------------------------
# The built-in Values. Each wraps the Ptr it stores through (Go converts the
# pointer itself to *boolValue and so on) and, called with no arguments,
# builds its zero value, which isZeroValue relies on.


class boolValue:
    """flag/flag.go: boolValue. A bool flag's Value; a boolFlag."""

    __slots__ = ("p",)

    def __init__(self, p: Ptr[bool] | None = None) -> None:
        self.p: Ptr[bool] = Ptr(False) if p is None else p

    def Set(self, s: str) -> error | None:
        """flag/flag.go: boolValue.Set. Parse s as strconv.ParseBool does; errParse if not."""
        v, err = strconv.ParseBool(s)
        self.p.value = v
        return None if err is None else errParse

    def Get(self) -> Any:
        """flag/flag.go: boolValue.Get."""
        return bool(self.p.value)

    def String(self) -> str:
        """flag/flag.go: boolValue.String. "true" or "false"."""
        return strconv.FormatBool(bool(self.p.value))

    def IsBoolFlag(self) -> bool:
        """flag/flag.go: boolValue.IsBoolFlag. Always true: -name alone means -name=true."""
        return True


def newBoolValue(val: bool, p: Ptr[bool]) -> boolValue:
    """flag/flag.go: newBoolValue. Store the default through p and wrap p."""
    _need("flag.BoolVar", "value", val, bool)
    p.value = val
    return boolValue(p)


@runtime_checkable
class boolFlag(Protocol):
    """flag/flag.go: boolFlag. A Value that may report it needs no "=value" text."""

    def String(self) -> str: ...

    def Set(self, s: str) -> error | None: ...

    def IsBoolFlag(self) -> bool: ...


class _intKind:
    """The shared body of Go's intValue, int64Value, uintValue and uint64Value.

    Go has four types because it has four integer types; all four parse
    with base prefixes, in 64 bits, signed or not.
    """

    __slots__ = ("p",)
    signed: bool = True

    def __init__(self, p: Ptr[int] | None = None) -> None:
        self.p: Ptr[int] = Ptr(0) if p is None else p

    def Set(self, s: str) -> error | None:
        """flag/flag.go: intValue.Set/int64Value.Set/uintValue.Set/uint64Value.Set."""
        if self.signed:
            v, err = strconv.ParseInt(s, 0, strconv.IntSize)
        else:
            v, err = strconv.ParseUint(s, 0, strconv.IntSize)
        self.p.value = v
        return numError(err)

    def Get(self) -> Any:
        """flag/flag.go: intValue.Get/int64Value.Get/uintValue.Get/uint64Value.Get."""
        return int(self.p.value)

    def String(self) -> str:
        """flag/flag.go: intValue.String/int64Value.String/uintValue.String/uint64Value.String."""
        return strconv.FormatInt(int(self.p.value), 10)


class intValue(_intKind):
    """flag/flag.go: intValue. An int flag's Value: ParseInt(s, 0, 64)."""

    __slots__ = ()


def newIntValue(val: int, p: Ptr[int]) -> intValue:
    """flag/flag.go: newIntValue."""
    _need("flag.IntVar", "value", val, int)
    _needBits("flag.IntVar", val, True)
    p.value = val
    return intValue(p)


class int64Value(_intKind):
    """flag/flag.go: int64Value. An int64 flag's Value: ParseInt(s, 0, 64)."""

    __slots__ = ()


def newInt64Value(val: int, p: Ptr[int]) -> int64Value:
    """flag/flag.go: newInt64Value."""
    _need("flag.Int64Var", "value", val, int)
    _needBits("flag.Int64Var", val, True)
    p.value = val
    return int64Value(p)


class uintValue(_intKind):
    """flag/flag.go: uintValue. A uint flag's Value: ParseUint(s, 0, 64)."""

    __slots__ = ()
    signed = False


def newUintValue(val: int, p: Ptr[int]) -> uintValue:
    """flag/flag.go: newUintValue."""
    _need("flag.UintVar", "value", val, int)
    _needBits("flag.UintVar", val, False)
    p.value = val
    return uintValue(p)


class uint64Value(_intKind):
    """flag/flag.go: uint64Value. A uint64 flag's Value: ParseUint(s, 0, 64)."""

    __slots__ = ()
    signed = False


def newUint64Value(val: int, p: Ptr[int]) -> uint64Value:
    """flag/flag.go: newUint64Value."""
    _need("flag.Uint64Var", "value", val, int)
    _needBits("flag.Uint64Var", val, False)
    p.value = val
    return uint64Value(p)


class stringValue:
    """flag/flag.go: stringValue. A string flag's Value; Set never fails."""

    __slots__ = ("p",)

    def __init__(self, p: Ptr[str] | None = None) -> None:
        self.p: Ptr[str] = Ptr("") if p is None else p

    def Set(self, val: str) -> error | None:
        """flag/flag.go: stringValue.Set."""
        self.p.value = val
        return None

    def Get(self) -> Any:
        """flag/flag.go: stringValue.Get."""
        return self.p.value

    def String(self) -> str:
        """flag/flag.go: stringValue.String."""
        return self.p.value


def newStringValue(val: str, p: Ptr[str]) -> stringValue:
    """flag/flag.go: newStringValue."""
    _need("flag.StringVar", "value", val, str)
    p.value = val
    return stringValue(p)


class float64Value:
    """flag/flag.go: float64Value. A float64 flag's Value: strconv.ParseFloat(s, 64)."""

    __slots__ = ("p",)

    def __init__(self, p: Ptr[float] | None = None) -> None:
        self.p: Ptr[float] = Ptr(0.0) if p is None else p

    def Set(self, s: str) -> error | None:
        """flag/flag.go: float64Value.Set."""
        v, err = strconv.ParseFloat(s, 64)
        self.p.value = v
        return numError(err)

    def Get(self) -> Any:
        """flag/flag.go: float64Value.Get."""
        return float(self.p.value)

    def String(self) -> str:
        """flag/flag.go: float64Value.String. strconv.FormatFloat(f, 'g', -1, 64)."""
        return strconv.FormatFloat(float(self.p.value), "g", -1, 64)


def newFloat64Value(val: float, p: Ptr[float]) -> float64Value:
    """flag/flag.go: newFloat64Value. An int default converts, as Go's untyped constants do."""
    _need("flag.Float64Var", "value", val, (int, float))
    p.value = float(val)
    return float64Value(p)


class durationValue:
    """flag/flag.go: durationValue. A time.Duration flag's Value: time.ParseDuration."""

    __slots__ = ("p",)

    def __init__(self, p: Ptr[time.Duration] | None = None) -> None:
        self.p: Ptr[time.Duration] = Ptr(time.Duration(0)) if p is None else p

    def Set(self, s: str) -> error | None:
        """flag/flag.go: durationValue.Set. Any ParseDuration failure is errParse."""
        v, e = time.ParseDuration(s)
        self.p.value = v
        return None if e is None else errParse

    def Get(self) -> Any:
        """flag/flag.go: durationValue.Get. A time.Duration."""
        return time.Duration(self.p.value)

    def String(self) -> str:
        """flag/flag.go: durationValue.String. Duration.String, e.g. "1m30s"."""
        return time.Duration(self.p.value).String()


def newDurationValue(val: int, p: Ptr[time.Duration]) -> durationValue:
    """flag/flag.go: newDurationValue. val is a Duration or an int of nanoseconds."""
    _need("flag.DurationVar", "value", val, int)
    p.value = time.Duration(val)
    return durationValue(p)


class textValue:
    """flag/flag.go: textValue. A TextVar flag's Value: the type's UnmarshalText.

    ``typ`` is the default's type, whose ``UnmarshalText`` is called; see
    the module doc for its two accepted forms.
    """

    __slots__ = ("p", "typ")

    def __init__(self, p: Ptr[Any] | None = None, typ: type | None = None) -> None:
        self.p = p
        self.typ = typ

    def Set(self, s: str) -> error | None:
        """flag/flag.go: textValue.Set. UnmarshalText of s's UTF-8 bytes."""
        if self.p is None or self.typ is None:
            raise Panic(_nilDeref)
        text = s.encode("utf-8", "surrogateescape")
        if _isStatic(self.typ, "UnmarshalText"):
            v, err = getattr(self.typ, "UnmarshalText")(text)  # noqa: B009
            if err is None:
                self.p.value = v
            return err  # type: ignore[no-any-return]
        if self.p.value is None:
            raise Panic(_nilDeref)
        r = self.p.value.UnmarshalText(text)
        if isinstance(r, tuple):  # a mutating method that also returns the value
            return r[-1]  # type: ignore[no-any-return]
        return r  # type: ignore[no-any-return]

    def Get(self) -> Any:
        """flag/flag.go: textValue.Get. The pointer (the Ptr), as Go returns v.p."""
        return self.p

    def String(self) -> str:
        """flag/flag.go: textValue.String. MarshalText's text, or "" on error or no value."""
        v = None if self.p is None else self.p.value
        m = getattr(v, "MarshalText", None)
        if m is not None:
            b, err = m()
            if err is None:
                return bytes(b).decode("utf-8", "surrogateescape")
        return ""


_nilDeref: Final = "runtime error: invalid memory address or nil pointer dereference"


def newTextValue(val: Any, p: Ptr[Any]) -> textValue:
    """flag/flag.go: newTextValue. Store a copy of the default through p.

    Go panics when p is not a pointer or the default's type is not p's
    element type; here p must have a ``value`` attribute, and a value
    already in p must have the default's type.
    """
    if not hasattr(p, "value"):
        raise Panic("variable value type must be a pointer")
    typ = type(val)
    if not callable(getattr(val, "MarshalText", None)):
        raise TypeError(f"flag.TextVar: value must have MarshalText, not {typ.__name__}")
    if not callable(getattr(typ, "UnmarshalText", None)):
        raise TypeError(f"flag.TextVar: {typ.__name__} has no UnmarshalText")
    if p.value is not None and type(p.value) is not typ:
        raise Panic(
            "default type does not match variable type: "
            f"{_typeName(typ)} != {_typeName(type(p.value))}"
        )
    p.value = val if _isStatic(typ, "UnmarshalText") else copy.copy(val)
    return textValue(p, typ)


class funcValue:
    """flag/flag.go: funcValue. A Func flag's Value: fn called with each value."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[str], error | None] | None = None) -> None:
        self.fn = fn

    def Set(self, s: str) -> error | None:
        """flag/flag.go: funcValue.Set. fn(s)."""
        if self.fn is None:
            raise Panic(_nilDeref)
        return self.fn(s)

    def String(self) -> str:
        """flag/flag.go: funcValue.String. Always ""."""
        return ""


class boolFuncValue:
    """flag/flag.go: boolFuncValue. A BoolFunc flag's Value: a funcValue that is a boolFlag."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[str], error | None] | None = None) -> None:
        self.fn = fn

    def Set(self, s: str) -> error | None:
        """flag/flag.go: boolFuncValue.Set. fn(s); s is "true" for a bare -name."""
        if self.fn is None:
            raise Panic(_nilDeref)
        return self.fn(s)

    def String(self) -> str:
        """flag/flag.go: boolFuncValue.String. Always ""."""
        return ""

    def IsBoolFlag(self) -> bool:
        """flag/flag.go: boolFuncValue.IsBoolFlag. Always true."""
        return True


@runtime_checkable
class Value(Protocol):
    """flag.Value: the dynamic value of a flag.

    ``String()`` gives its text (the default is recorded as that text when
    the flag is defined); ``Set(s)`` parses s, once per appearance on the
    command line, in order, and returns an error or None. A Value whose
    ``IsBoolFlag()`` returns true is set with "true" by a bare ``-name``.
    flag may call ``String`` on a zero value (``type(v)()``, module doc).
    """

    def String(self) -> str:
        """flag.Value.String: the value as text, also used to show the default in usage messages (it
        may be called on a zero value).
        """
        ...

    def Set(self, s: str) -> error | None:
        """flag.Value.Set: parse s and store it, once per appearance of the flag; an error makes
        Parse fail.
        """
        ...


@runtime_checkable
class Getter(Value, Protocol):
    """flag.Getter: a Value whose contents can be read back with ``Get()``.

    Every Value this package makes is a Getter except Func's and BoolFunc's.
    """

    def Get(self) -> Any:
        """flag.Getter.Get: the flag's current value (a bool, int, str, ...), for code that reads
        flags generically.
        """
        ...


class ErrorHandling(int):
    """flag.ErrorHandling: what FlagSet.Parse does when parsing fails."""

    __slots__ = ()


ContinueOnError: Final = ErrorHandling(0)
"""flag.ContinueOnError: Parse returns a descriptive error."""
ExitOnError: Final = ErrorHandling(1)
"""flag.ExitOnError: Parse calls os.Exit(2), or os.Exit(0) for an undefined -h/-help."""
PanicOnError: Final = ErrorHandling(2)
"""flag.PanicOnError: Parse raises rt.panic.Panic with the error as its value."""

_ErrorHandling = ErrorHandling  # FlagSet's ErrorHandling method hides the type in its body


@dataclass(eq=False)
class Flag:
    """flag.Flag: a flag's name, usage text, Value, and default value as text.

    Equality is identity, as for Go's ``*Flag``.
    """

    Name: str
    Usage: str
    Value: Value
    DefValue: str


class _stderrWriter:
    """Go's os.Stderr as an io.Writer: Python's sys.stderr, flushed per write."""

    def Write(self, b: Any) -> tuple[int, error | None]:
        data = bytes(b)
        out = getattr(sys.stderr, "buffer", None)
        try:
            if out is not None:
                out.write(data)
            else:
                sys.stderr.write(data.decode("utf-8", "surrogateescape"))
            sys.stderr.flush()
        except (OSError, ValueError) as e:
            return 0, errors.New(f"write /dev/stderr: {e}")
        return len(data), None


stderr: Final = _stderrWriter()
"""The default output (Go's os.Stderr): Python's sys.stderr as an io.Writer."""


class _Writer(Protocol):
    def Write(self, b: Any, /) -> tuple[int, error | None]: ...


def sortFlags(flags: dict[str, Flag]) -> list[Flag]:
    """flag/flag.go: sortFlags. The flags in lexicographical order of name."""
    return sorted(flags.values(), key=lambda f: f.Name.encode("utf-8", "surrogateescape"))


class FlagSet:
    """flag.FlagSet: a set of defined flags and the result of parsing against them.

    ``FlagSet()`` is Go's zero value: no name, ContinueOnError, and the
    default usage text. ``Usage`` is Go's assignable field: a function
    called when parsing fails (None means the default). The other fields
    are Go's unexported ones and belong to the set's methods.
    """

    def __init__(self) -> None:
        self.Usage: Callable[[], None] | None = None
        self.name = ""
        self.parsed = False
        self.actual: dict[str, Flag] = {}
        self.formal: dict[str, Flag] = {}
        self.args: list[str] = []  # arguments after flags
        self.errorHandling: ErrorHandling = ContinueOnError
        self.output: _Writer | None = None  # None means stderr; use Output()
        self.undef: dict[str, str] = {}  # flags Set before they were defined

    def Output(self) -> Any:
        """flag/flag.go: FlagSet.Output: where usage and errors go (``stderr`` unless set)."""
        if self.output is None:
            return stderr
        return self.output

    def Name(self) -> str:
        """flag/flag.go: FlagSet.Name: the set's name."""
        return self.name

    def ErrorHandling(self) -> _ErrorHandling:
        """flag/flag.go: FlagSet.ErrorHandling: the set's error handling mode."""
        return self.errorHandling

    def SetOutput(self, output: Any) -> None:
        """flag/flag.go: FlagSet.SetOutput: send usage and errors to an io.Writer (None: stderr)."""
        self.output = output

    def VisitAll(self, fn: Callable[[Flag], object]) -> None:
        """flag/flag.go: FlagSet.VisitAll: call fn for every flag, set or not, in name order."""
        for flag in sortFlags(self.formal):
            fn(flag)

    def Visit(self, fn: Callable[[Flag], object]) -> None:
        """flag/flag.go: FlagSet.Visit: call fn for each flag that has been set, in name order."""
        for flag in sortFlags(self.actual):
            fn(flag)

    def Lookup(self, name: str) -> Flag | None:
        """flag/flag.go: FlagSet.Lookup: the named Flag, or None."""
        return self.formal.get(name)

    def Set(self, name: str, value: str) -> error | None:
        """flag/flag.go: FlagSet.Set: set the named flag as if it appeared on the command line.

        An undefined name returns "no such flag -name" and is remembered:
        defining it later panics, naming where it was set (Go issue 57411).
        """
        return self.set(name, value)

    def set(self, name: str, value: str) -> error | None:
        """flag/flag.go: FlagSet.set. Called from exactly one frame below the user's."""
        flag = self.formal.get(name)
        if flag is None:
            try:
                frame = sys._getframe(2)
                pos = f"{frame.f_code.co_filename}:{frame.f_lineno}"
            except ValueError:
                pos = "?:0"
            self.undef[name] = pos
            return errors.New(f"no such flag -{name}")
        err = flag.Value.Set(value)
        if err is not None:
            return err
        self.actual[name] = flag
        return None

    def PrintDefaults(self) -> None:
        """flag/flag.go: FlagSet.PrintDefaults: write every flag's usage line(s) to Output().

        The format is the package-level PrintDefaults's.
        """
        isZeroValueErrs: list[str] = []

        def line(flag: Flag) -> None:
            b = "  -" + flag.Name  # two spaces before -: see the alignment rule below
            name, usage = UnquoteUsage(flag)
            if len(name) > 0:
                b += " " + name
            # A one-letter boolean flag is common enough to keep its usage on
            # the same line; Go measures bytes: space, space, '-', 'x'.
            if len(_bytes(b)) <= 4:
                b += "\t"
            else:
                # Four spaces then a tab line up under both 4- and 8-column tab stops.
                b += "\n    \t"
            b += usage.replace("\n", "\n    \t")
            isZero, err = isZeroValue(flag, flag.DefValue)
            if err is not None:
                isZeroValueErrs.append(err)
            elif not isZero:
                if isinstance(flag.Value, stringValue):
                    b += f" (default {strconv.Quote(flag.DefValue)})"
                else:
                    b += f" (default {flag.DefValue})"
            _write(self.Output(), b + "\n")

        self.VisitAll(line)
        # Report String methods that failed on a zero value after the whole
        # list, so the usage text is still complete.
        if isZeroValueErrs:
            _write(self.Output(), "\n")
            for e in isZeroValueErrs:
                _write(self.Output(), e + "\n")

    def defaultUsage(self) -> None:
        """flag/flag.go: FlagSet.defaultUsage. "Usage of name:" (or "Usage:") then PrintDefaults."""
        if self.name == "":
            _write(self.Output(), "Usage:\n")
        else:
            _write(self.Output(), f"Usage of {self.name}:\n")
        self.PrintDefaults()

    def NFlag(self) -> int:
        """flag/flag.go: FlagSet.NFlag: how many flags have been set."""
        return len(self.actual)

    def Arg(self, i: int) -> str:
        """flag/flag.go: FlagSet.Arg: the i'th argument left after the flags, or "" if none."""
        if i < 0 or i >= len(self.args):
            return ""
        return self.args[i]

    def NArg(self) -> int:
        """flag/flag.go: FlagSet.NArg: how many arguments are left after the flags."""
        return len(self.args)

    def Args(self) -> list[str]:
        """flag/flag.go: FlagSet.Args: the arguments left after the flags."""
        return self.args

    def BoolVar(self, p: Ptr[bool], name: str, value: bool, usage: str) -> None:
        """flag/flag.go: FlagSet.BoolVar: define a bool flag stored in p.value."""
        self.Var(newBoolValue(value, p), name, usage)

    def Bool(self, name: str, value: bool, usage: str) -> Ptr[bool]:
        """flag/flag.go: FlagSet.Bool: define a bool flag; returns the Ptr that holds it."""
        p: Ptr[bool] = Ptr(False)
        self.BoolVar(p, name, value, usage)
        return p

    def IntVar(self, p: Ptr[int], name: str, value: int, usage: str) -> None:
        """flag/flag.go: FlagSet.IntVar: define an int flag stored in p.value."""
        self.Var(newIntValue(value, p), name, usage)

    def Int(self, name: str, value: int, usage: str) -> Ptr[int]:
        """flag/flag.go: FlagSet.Int: define an int flag; returns the Ptr that holds it."""
        p: Ptr[int] = Ptr(0)
        self.IntVar(p, name, value, usage)
        return p

    def Int64Var(self, p: Ptr[int], name: str, value: int, usage: str) -> None:
        """flag/flag.go: FlagSet.Int64Var: define an int64 flag stored in p.value."""
        self.Var(newInt64Value(value, p), name, usage)

    def Int64(self, name: str, value: int, usage: str) -> Ptr[int]:
        """flag/flag.go: FlagSet.Int64: define an int64 flag; returns the Ptr that holds it."""
        p: Ptr[int] = Ptr(0)
        self.Int64Var(p, name, value, usage)
        return p

    def UintVar(self, p: Ptr[int], name: str, value: int, usage: str) -> None:
        """flag/flag.go: FlagSet.UintVar: define a uint flag stored in p.value."""
        self.Var(newUintValue(value, p), name, usage)

    def Uint(self, name: str, value: int, usage: str) -> Ptr[int]:
        """flag/flag.go: FlagSet.Uint: define a uint flag; returns the Ptr that holds it."""
        p: Ptr[int] = Ptr(0)
        self.UintVar(p, name, value, usage)
        return p

    def Uint64Var(self, p: Ptr[int], name: str, value: int, usage: str) -> None:
        """flag/flag.go: FlagSet.Uint64Var: define a uint64 flag stored in p.value."""
        self.Var(newUint64Value(value, p), name, usage)

    def Uint64(self, name: str, value: int, usage: str) -> Ptr[int]:
        """flag/flag.go: FlagSet.Uint64: define a uint64 flag; returns the Ptr that holds it."""
        p: Ptr[int] = Ptr(0)
        self.Uint64Var(p, name, value, usage)
        return p

    def StringVar(self, p: Ptr[str], name: str, value: str, usage: str) -> None:
        """flag/flag.go: FlagSet.StringVar: define a string flag stored in p.value."""
        self.Var(newStringValue(value, p), name, usage)

    def String(self, name: str, value: str, usage: str) -> Ptr[str]:
        """flag/flag.go: FlagSet.String: define a string flag; returns the Ptr that holds it."""
        p: Ptr[str] = Ptr("")
        self.StringVar(p, name, value, usage)
        return p

    def Float64Var(self, p: Ptr[float], name: str, value: float, usage: str) -> None:
        """flag/flag.go: FlagSet.Float64Var: define a float64 flag stored in p.value."""
        self.Var(newFloat64Value(value, p), name, usage)

    def Float64(self, name: str, value: float, usage: str) -> Ptr[float]:
        """flag/flag.go: FlagSet.Float64: define a float64 flag; returns the Ptr that holds it."""
        p: Ptr[float] = Ptr(0.0)
        self.Float64Var(p, name, value, usage)
        return p

    def DurationVar(self, p: Ptr[time.Duration], name: str, value: int, usage: str) -> None:
        """flag/flag.go: FlagSet.DurationVar: define a time.Duration flag stored in p.value.

        The flag accepts what time.ParseDuration accepts ("1m30s", "-1.5h").
        """
        self.Var(newDurationValue(value, p), name, usage)

    def Duration(self, name: str, value: int, usage: str) -> Ptr[time.Duration]:
        """flag/flag.go: FlagSet.Duration: define a time.Duration flag; returns its Ptr."""
        p: Ptr[time.Duration] = Ptr(time.Duration(0))
        self.DurationVar(p, name, value, usage)
        return p

    def TextVar(self, p: Ptr[Any], name: str, value: Any, usage: str) -> None:
        """flag/flag.go: FlagSet.TextVar: define a flag parsed by the value type's UnmarshalText.

        p.value receives the default (value), then each parsed value; see
        the module doc for the UnmarshalText forms accepted.
        """
        self.Var(newTextValue(value, p), name, usage)

    def Func(self, name: str, usage: str, fn: Callable[[str], error | None]) -> None:
        """flag/flag.go: FlagSet.Func: define a flag that calls fn with each value it is given.

        An error returned by fn is reported as a bad value for the flag.
        """
        self.Var(funcValue(fn), name, usage)

    def BoolFunc(self, name: str, usage: str, fn: Callable[[str], error | None]) -> None:
        """flag/flag.go: FlagSet.BoolFunc: as Func, for a flag with no value (-name is "true")."""
        self.Var(boolFuncValue(fn), name, usage)

    def Var(self, value: Value, name: str, usage: str) -> None:
        """flag/flag.go: FlagSet.Var: define a flag with a user-supplied Value.

        The default shown in usage is ``value.String()`` now. A name that
        begins with "-" or contains "=", or is already defined, panics
        (rt.panic.Panic with Go's text, also written to the output).
        """
        _need("flag.Var", "name", name, str)
        _need("flag.Var", "usage", usage, str)
        if name.startswith("-"):
            raise Panic(self.sprintf(f"flag {strconv.Quote(name)} begins with -"))
        elif "=" in name:
            raise Panic(self.sprintf(f"flag {strconv.Quote(name)} contains ="))

        # The default is recorded as text once; it does not follow later Sets.
        flag = Flag(name, usage, value, value.String())
        if name in self.formal:
            if self.name == "":
                msg = self.sprintf(f"flag redefined: {name}")
            else:
                msg = self.sprintf(f"{self.name} flag redefined: {name}")
            raise Panic(msg)
        pos = self.undef.get(name, "")
        if pos != "":
            raise Panic(f"flag {name} set at {pos} before being defined")
        self.formal[name] = flag

    def sprintf(self, msg: str) -> str:
        """flag/flag.go: FlagSet.sprintf. Write msg and a newline to Output(); return msg.

        Go formats here; callers format with f-strings and pass the text.
        """
        _write(self.Output(), msg + "\n")
        return msg

    def failf(self, msg: str) -> error:
        """flag/flag.go: FlagSet.failf. Print msg and the usage; return msg as an error."""
        self.sprintf(msg)
        self.usage()
        return errors.New(msg)

    def usage(self) -> None:
        """flag/flag.go: FlagSet.usage. The Usage field, or the default usage when it is None."""
        if self.Usage is None:
            self.defaultUsage()
        else:
            self.Usage()

    def parseOne(self) -> tuple[bool, error | None]:
        """flag/flag.go: FlagSet.parseOne. Parse one flag; report whether one was seen."""
        if len(self.args) == 0:
            return False, None
        s = self.args[0]
        if len(s) < 2 or s[0] != "-":
            return False, None
        numMinuses = 1
        if s[1] == "-":
            numMinuses += 1
            if len(s) == 2:  # "--" ends the flags
                self.args = self.args[1:]
                return False, None
        name = s[numMinuses:]
        if len(name) == 0 or name[0] == "-" or name[0] == "=":
            return False, self.failf(f"bad flag syntax: {s}")

        # A flag. Does it carry its value after "="?
        self.args = self.args[1:]
        hasValue = False
        value = ""
        i = name.find("=", 1)  # "=" cannot come first (checked above)
        if i >= 0:
            value = name[i + 1 :]
            hasValue = True
            name = name[:i]

        flag = self.formal.get(name)
        if flag is None:
            if name == "help" or name == "h":  # a friendly message for the usual request
                self.usage()
                return False, ErrHelp
            return False, self.failf(f"flag provided but not defined: -{name}")

        fv = flag.Value
        if isinstance(fv, boolFlag) and fv.IsBoolFlag():  # needs no value
            if hasValue:
                err = fv.Set(value)
                if err is not None:
                    return False, self.failf(
                        f"invalid boolean value {strconv.Quote(value)} for -{name}: {err.Error()}"
                    )
            else:
                err = fv.Set("true")
                if err is not None:
                    return False, self.failf(f"invalid boolean flag {name}: {err.Error()}")
        else:
            # It needs a value; the next argument is taken whatever it is.
            if not hasValue and len(self.args) > 0:
                hasValue = True
                value, self.args = self.args[0], self.args[1:]
            if not hasValue:
                return False, self.failf(f"flag needs an argument: -{name}")
            err = fv.Set(value)
            if err is not None:
                return False, self.failf(
                    f"invalid value {strconv.Quote(value)} for flag -{name}: {err.Error()}"
                )
        self.actual[name] = flag
        return True, None

    def Parse(self, arguments: list[str]) -> error | None:
        """flag/flag.go: FlagSet.Parse: parse flags from arguments (no command name), keep the rest.

        Call after defining every flag. Returns None, or, under
        ContinueOnError, the error (ErrHelp for an undefined -h/-help);
        ExitOnError exits, PanicOnError panics (module doc).
        """
        self.parsed = True
        self.args = list(arguments) if arguments is not None else []
        while True:
            seen, err = self.parseOne()
            if seen:
                continue
            if err is None:
                break
            if self.errorHandling == ContinueOnError:
                return err
            elif self.errorHandling == ExitOnError:
                from std import os as _os  # std.os pulls in files and polling: only when exiting

                if err is ErrHelp:
                    _os.Exit(0)
                _os.Exit(2)
            elif self.errorHandling == PanicOnError:
                raise Panic(err)
        return None

    def Parsed(self) -> bool:
        """flag/flag.go: FlagSet.Parsed: whether Parse has been called."""
        return self.parsed

    def Init(self, name: str, errorHandling: _ErrorHandling) -> None:
        """flag/flag.go: FlagSet.Init: set the name and error handling of a (zero) FlagSet."""
        self.name = name
        self.errorHandling = errorHandling


# ---------------------------------------------------------------------------
# The package-level functions, in Go's order: CommandLine's methods, and
# the helpers Go declares among them.


def VisitAll(fn: Callable[[Flag], object]) -> None:
    """flag/flag.go: VisitAll: call fn on every command-line flag, set or not, in name order."""
    CommandLine.VisitAll(fn)


def Visit(fn: Callable[[Flag], object]) -> None:
    """flag/flag.go: Visit: call fn on each command-line flag that was set, in name order."""
    CommandLine.Visit(fn)


def Lookup(name: str) -> Flag | None:
    """flag/flag.go: Lookup: the named command-line Flag, or None."""
    return CommandLine.formal.get(name)


def Set(name: str, value: str) -> error | None:
    """flag/flag.go: Set: set the named command-line flag."""
    return CommandLine.set(name, value)


def isZeroValue(flag: Flag, value: str) -> tuple[bool, str | None]:
    """flag/flag.go: isZeroValue. Whether value is the text of the flag type's zero value.

    The zero value is ``type(flag.Value)()`` (module doc). An exception
    from ``String`` comes back as Go's "panic calling String method" text.
    """
    typ = type(flag.Value)
    try:
        z = typ()
    except TypeError:
        return value in ("", "0", "false"), None
    try:
        return value == z.String(), None
    except Exception as e:  # Go recovers the panic; KeyboardInterrupt and the like go on
        return False, (
            f"panic calling String method on zero {_typeName(typ)} for flag {flag.Name}: {e}"
        )


def UnquoteUsage(flag: Flag) -> tuple[str, str]:
    """flag/flag.go: UnquoteUsage: the back-quoted name in a flag's usage, and the unquoted usage.

    ``"a `name` to show"`` gives ``("name", "a name to show")``. Without a
    pair of back quotes the name is a guess from the Value's type ("int",
    "string", "duration", ...), or "" for a boolean flag.
    """
    usage = flag.Usage
    i = usage.find("`")
    if i >= 0:
        j = usage.find("`", i + 1)
        if j >= 0:
            name = usage[i + 1 : j]
            return name, usage[:i] + name + usage[j + 1 :]
        # A lone back quote: fall back to the type's name.
    name = "value"
    fv = flag.Value
    if isinstance(fv, boolFlag):
        if fv.IsBoolFlag():
            name = ""
    elif isinstance(fv, durationValue):
        name = "duration"
    elif isinstance(fv, float64Value):
        name = "float"
    elif isinstance(fv, (intValue, int64Value)):
        name = "int"
    elif isinstance(fv, stringValue):
        name = "string"
    elif isinstance(fv, (uintValue, uint64Value)):
        name = "uint"
    return name, usage


def PrintDefaults() -> None:
    """flag/flag.go: PrintDefaults: write all command-line flags' usage lines to CommandLine.

    For an int flag x the form is ``  -x int`` then, on the next line, four
    spaces, a tab and the usage with " (default 7)" when the default is
    not the type's zero value (strings are shown quoted). A boolean flag
    shows no type, and a one-byte name keeps the usage on the same line
    after a tab. A back-quoted word in the usage replaces the type name
    (UnquoteUsage); newlines in the usage are indented the same way.
    """
    CommandLine.PrintDefaults()


def _defaultCommandLineUsage() -> None:
    """flag.Usage's initial value: "Usage of <program>:" then PrintDefaults."""
    _write(CommandLine.Output(), f"Usage of {_programName()}:\n")
    PrintDefaults()


Usage: Callable[[], None] = _defaultCommandLineUsage
"""flag.Usage: the command line's usage function; assign ``flag.Usage = fn`` to replace it.

Called, through CommandLine, when parsing the command line fails; with
ExitOnError the process then exits, as in Go.
"""


def NFlag() -> int:
    """flag/flag.go: NFlag: how many command-line flags have been set."""
    return len(CommandLine.actual)


def Arg(i: int) -> str:
    """flag/flag.go: Arg: the i'th command-line argument left after the flags, or ""."""
    return CommandLine.Arg(i)


def NArg() -> int:
    """flag/flag.go: NArg: how many command-line arguments are left after the flags."""
    return len(CommandLine.args)


def Args() -> list[str]:
    """flag/flag.go: Args: the command-line arguments left after the flags."""
    return CommandLine.args


def BoolVar(p: Ptr[bool], name: str, value: bool, usage: str) -> None:
    """flag/flag.go: BoolVar: define the bool flag -name on the command line, stored in p; p starts
    at value.
    """
    CommandLine.Var(newBoolValue(value, p), name, usage)


def Bool(name: str, value: bool, usage: str) -> Ptr[bool]:
    """flag/flag.go: Bool: define the bool flag -name on the command line with a default and usage
    text; returns the pointer that holds its value after Parse.
    """
    return CommandLine.Bool(name, value, usage)


def IntVar(p: Ptr[int], name: str, value: int, usage: str) -> None:
    """flag/flag.go: IntVar: define the int flag -name on the command line, stored in p; p starts at
    value.
    """
    CommandLine.Var(newIntValue(value, p), name, usage)


def Int(name: str, value: int, usage: str) -> Ptr[int]:
    """flag/flag.go: Int: define the int flag -name on the command line; returns the pointer that
    holds its value.
    """
    return CommandLine.Int(name, value, usage)


def Int64Var(p: Ptr[int], name: str, value: int, usage: str) -> None:
    """flag/flag.go: Int64Var: define the int64 flag -name on the command line, stored in p; p
    starts at value.
    """
    CommandLine.Var(newInt64Value(value, p), name, usage)


def Int64(name: str, value: int, usage: str) -> Ptr[int]:
    """flag/flag.go: Int64: define the int64 flag -name on the command line; returns the pointer
    that holds its value.
    """
    return CommandLine.Int64(name, value, usage)


def UintVar(p: Ptr[int], name: str, value: int, usage: str) -> None:
    """flag/flag.go: UintVar: define the uint flag -name on the command line, stored in p; p starts
    at value.
    """
    CommandLine.Var(newUintValue(value, p), name, usage)


def Uint(name: str, value: int, usage: str) -> Ptr[int]:
    """flag/flag.go: Uint: define the uint flag -name on the command line; returns the pointer that
    holds its value.
    """
    return CommandLine.Uint(name, value, usage)


def Uint64Var(p: Ptr[int], name: str, value: int, usage: str) -> None:
    """flag/flag.go: Uint64Var: define the uint64 flag -name on the command line, stored in p; p
    starts at value.
    """
    CommandLine.Var(newUint64Value(value, p), name, usage)


def Uint64(name: str, value: int, usage: str) -> Ptr[int]:
    """flag/flag.go: Uint64: define the uint64 flag -name on the command line; returns the pointer
    that holds its value.
    """
    return CommandLine.Uint64(name, value, usage)


def StringVar(p: Ptr[str], name: str, value: str, usage: str) -> None:
    """flag/flag.go: StringVar: define the string flag -name on the command line, stored in p; p
    starts at value.
    """
    CommandLine.Var(newStringValue(value, p), name, usage)


def String(name: str, value: str, usage: str) -> Ptr[str]:
    """flag/flag.go: String: define the string flag -name on the command line; returns the pointer
    that holds its value.
    """
    return CommandLine.String(name, value, usage)


def Float64Var(p: Ptr[float], name: str, value: float, usage: str) -> None:
    """flag/flag.go: Float64Var: define the float64 flag -name on the command line, stored in p; p
    starts at value.
    """
    CommandLine.Var(newFloat64Value(value, p), name, usage)


def Float64(name: str, value: float, usage: str) -> Ptr[float]:
    """flag/flag.go: Float64: define the float64 flag -name on the command line; returns the pointer
    that holds its value.
    """
    return CommandLine.Float64(name, value, usage)


def DurationVar(p: Ptr[time.Duration], name: str, value: int, usage: str) -> None:
    """flag/flag.go: DurationVar: define the time.Duration flag -name on the command line, stored in
    p; p starts at value.
    """
    CommandLine.Var(newDurationValue(value, p), name, usage)


def Duration(name: str, value: int, usage: str) -> Ptr[time.Duration]:
    """flag/flag.go: Duration: define the time.Duration flag -name ("1h30m") on the command line;
    returns the pointer that holds its value.
    """
    return CommandLine.Duration(name, value, usage)


def TextVar(p: Ptr[Any], name: str, value: Any, usage: str) -> None:
    """flag/flag.go: TextVar: define the command-line flag -name, parsed with UnmarshalText into p;
    p starts as a copy of value.
    """
    CommandLine.Var(newTextValue(value, p), name, usage)


def Func(name: str, usage: str, fn: Callable[[str], error | None]) -> None:
    """flag/flag.go: Func: define the command-line flag -name; fn is called with the value each time
    it appears, and an error from fn fails Parse.
    """
    CommandLine.Func(name, usage, fn)


def BoolFunc(name: str, usage: str, fn: Callable[[str], error | None]) -> None:
    """flag/flag.go: BoolFunc: define the command-line flag -name that takes no value; fn is called
    with "true" (or the text after =) each time it appears.
    """
    CommandLine.BoolFunc(name, usage, fn)


def Var(value: Value, name: str, usage: str) -> None:
    """flag/flag.go: Var: define the command-line flag -name backed by any Value; its String() at
    this point is the default shown in usage.
    """
    CommandLine.Var(value, name, usage)


def Parse() -> None:
    """flag/flag.go: Parse: parse sys.argv[1:] (Go's os.Args[1:]) into the command-line flags.

    Errors are not returned: CommandLine exits on them (ExitOnError).
    """
    CommandLine.Parse(sys.argv[1:])


def Parsed() -> bool:
    """flag/flag.go: Parsed: whether the command line has been parsed."""
    return CommandLine.Parsed()


def commandLineUsage() -> None:
    """flag/flag.go: commandLineUsage. Call the package's Usage as it is *now*.

    CommandLine.Usage is this function rather than Usage itself so that a
    later ``flag.Usage = fn`` takes effect.
    """
    Usage()


def NewFlagSet(name: str, errorHandling: ErrorHandling) -> FlagSet:
    """flag/flag.go: NewFlagSet: a new, empty flag set with a name (shown in usage)."""
    f = FlagSet()
    f.name = name
    f.errorHandling = errorHandling
    f.Usage = f.defaultUsage
    return f


def _programName() -> str:
    return sys.argv[0] if sys.argv else ""


# flag/flag.go: init. execl may hand a program an empty argument list.
CommandLine: FlagSet = NewFlagSet(_programName(), ExitOnError)
"""flag.CommandLine: the set behind the package functions, parsed from sys.argv."""
CommandLine.Usage = commandLineUsage


# ---------------------------------------------------------------------------
# Python-only helpers.


def _needBits(who: str, v: int, signed: bool) -> None:
    """A TypeError for a default Go would reject as overflowing the flag's type."""
    lo, hi = (-(1 << 63), (1 << 63) - 1) if signed else (0, (1 << 64) - 1)
    if not lo <= v <= hi:
        kind = "int64" if signed else "uint64"
        raise TypeError(f"{who}: value {v} overflows {kind}")


def _need(who: str, name: str, v: object, types: type | tuple[type, ...]) -> None:
    """A TypeError where Go would not compile the call (a str for an int, say)."""
    if isinstance(v, bool) and types is not bool:
        ok = False
    else:
        ok = isinstance(v, types)
    if not ok:
        raise TypeError(f"{who}: {name} has the wrong type: {type(v).__name__}")


def _bytes(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


def _write(w: Any, s: str) -> None:
    """Go's fmt.Fprint to a flag output: errors from the Writer are ignored, as Go's are."""
    w.Write(_bytes(s))


def _typeName(typ: type) -> str:
    """Go's %v of a reflect.Type: "pkg.Name", pkg being the module's last element."""
    return f"{typ.__module__.rsplit('.', 1)[-1]}.{typ.__qualname__}"


def _isStatic(typ: type, name: str) -> bool:
    """Whether typ's method name is a staticmethod or classmethod (callable on the type)."""
    for k in typ.__mro__:
        if name in k.__dict__:
            return isinstance(k.__dict__[name], (staticmethod, classmethod))
    return False
