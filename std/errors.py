"""errors (go1.27.0): error values, wrapping, and the Is/As tree walk.

Go's error is an interface with one method, ``Error() string``. Here an error
is any object with an ``Error()`` method returning ``str``; in practice it is
an instance of an ``Exception`` subclass, so ``raise err`` works and
``str(err)`` gives the same text. ``error`` below is that interface as a
``typing.Protocol`` for annotations elsewhere in the codebase.

Wrapping. An error wraps others if it has an ``Unwrap()`` method. Go tells
the two kinds apart by signature (``Unwrap() error`` versus
``Unwrap() []error``); Python cannot, so we tell them apart by the value
returned: ``None`` (wraps nothing), a list or tuple of errors (Go's
``[]error``, as returned by ``Join``), or one error. Following those links
from an error gives a tree; ``Is`` and ``As`` visit it pre-order, depth
first, exactly as Go does. ``Unwrap`` (the function) follows only the
single-error form, as Go's does, so it returns ``None`` for a ``Join``
result. Python's own ``__cause__``/``__context__`` links are not followed:
they record where an exception was raised, not what an error wraps.

Matching in ``Is``. Go first compares with ``==`` when the target's type is
comparable. Go's ``==`` on interface values needs identical dynamic types and
then compares values; pointers compare by address. We do the same: an error
matches the target if it *is* the target, or if both have exactly the same
type and ``err == target``. For ordinary exception classes ``==`` is
identity, which is Go's pointer comparison (``errors.New`` returns a pointer,
so two ``New("x")`` calls never match); a value type such as an
``int``-based ``Errno`` compares by value, as in Go. Go skips ``==`` when the
target's type is not comparable (a struct holding a slice, say) because the
comparison would panic; the Python counterpart is an ``__eq__`` that raises
``TypeError``, which we treat the same way: no match by equality, but the
error's own ``Is`` method is still asked. An error may define
``Is(target) -> bool`` to declare itself equivalent to another error; it
should compare shallowly and not unwrap.

Matching in ``As``. Go's ``As(err, &target) bool`` stores the match through a
pointer. Python has no pointers, so, as API.md says, ``As(err, Type)``
returns the first error in the tree that is an instance of ``Type`` (a class,
or a ``runtime_checkable`` Protocol standing for a Go interface type), or
``None``. Test with ``is not None``: a matched error may be falsy (an
``Errno`` of 0). An error may define ``As(Type) -> object | None`` to let
itself be seen as another type: it returns the value Go's method would have
stored through the pointer, or ``None`` for no match. ``AsType(err, Type)``
is go1.26's generic ``errors.AsType[E]`` and returns ``(value, ok)``.

Misuse that Go reports with a panic (a nil or non-type ``As`` target) raises
``rt.panic.Panic`` with Go's text.
"""

from __future__ import annotations

from typing import Any, Final, Protocol, TypeVar, cast, overload, runtime_checkable

from rt import sys_linux as _sys_linux
from rt.panic import Panic

__all__ = [
    "As",
    "AsType",
    "ErrUnsupported",
    "Is",
    "Join",
    "New",
    "Unwrap",
    "error",
    "errorString",
    "joinError",
]

E = TypeVar("E")


@runtime_checkable
class error(Protocol):
    """builtin error: the interface every error value satisfies.

    ``runtime_checkable`` so that ``isinstance(x, error)`` and
    ``As(err, error)`` work (only the presence of ``Error`` is checked).
    """

    def Error(self) -> str:
        """errors.error.Error: the error message as a str."""
        ...


class errorString(Exception):
    """errors.errorString: the error built by New; it carries only its text.

    Equality is identity (the Exception default), which is what Go's
    pointer-typed ``*errorString`` gives: every New call is a distinct error.
    """

    _goType = "*errors.errorString"  # what %T prints (std/fmt.py)

    def __init__(self, s: str) -> None:
        super().__init__(s)
        self.s = s

    def Error(self) -> str:
        """errors.errorString.Error: the text given to New."""
        return self.s

    def __str__(self) -> str:
        return self.s


def New(text: str) -> error:
    """errors.New: an error whose text is ``text``; each call is a new, distinct error."""
    return errorString(text)


ErrUnsupported: Final[error] = New("unsupported operation")

# syscall.Errno.Is matches ENOSYS/ENOTSUP/EOPNOTSUPP against this sentinel.
_sys_linux.oserror["ErrUnsupported"] = ErrUnsupported
"""errors.ErrUnsupported: a requested operation cannot be performed because it is unsupported."""


def _unwrapped(err: object) -> object:
    """What ``err.Unwrap()`` returns, or None when err has no Unwrap method."""
    u = getattr(err, "Unwrap", None)
    if u is None:
        return None
    return u()


def Unwrap(err: error | None) -> error | None:
    """errors.Unwrap: the result of ``err.Unwrap()`` when it returns a single error.

    None when err has no Unwrap method or its Unwrap returns a list of errors
    (Go's ``Unwrap() []error``): like Go, this does not unwrap ``Join``.
    """
    if err is None:
        return None
    u = _unwrapped(err)
    if u is None or isinstance(u, (list, tuple)):
        return None
    return cast(error, u)


def _equal(err: object, target: object) -> bool:
    """Go's ``err == target`` on two non-nil error interface values (see module doc)."""
    if err is target:
        return True
    if type(err) is not type(target):
        return False
    try:
        return bool(err == target)
    except TypeError:
        # An uncomparable type: Go skips the == test for such targets.
        return False


def Is(err: error | None, target: error | None) -> bool:
    """errors.Is: whether any error in err's tree matches target.

    The tree is err, then what its Unwrap returns, depth first. An error
    matches if it equals target (see the module doc for what equality means
    here) or its ``Is(target)`` method returns True.
    """
    if err is None or target is None:
        return err is target
    return _is(err, target)


def _is(err: object, target: object) -> bool:
    """errors.is: the walk behind Is; loops down single links, recurses into lists."""
    while True:
        if _equal(err, target):
            return True
        m = getattr(err, "Is", None)
        if m is not None and m(target):
            return True
        u = _unwrapped(err)
        if u is None:
            return False
        if isinstance(u, (list, tuple)):
            # A nil entry is invalid in Go; like Go's walk, it simply never matches.
            return any(e is not None and _is(e, target) for e in u)
        err = u


def _checkAsTarget(Type: object) -> None:
    """The target checks of errors.As, with Go's panic texts.

    Go requires a non-nil pointer to an interface type or to a type that
    implements error. Here the target is a class: a Protocol or ``object``
    plays the interface, a class with an ``Error`` method implements error,
    and any exception class is accepted as well, since a Python base class
    works like an interface its subclasses implement.
    """
    if Type is None:
        raise Panic("errors: target cannot be nil")
    if not isinstance(Type, type):
        raise Panic("errors: target must be a non-nil pointer")
    isInterface = Type is object or bool(getattr(Type, "_is_protocol", False))
    implementsError = callable(getattr(Type, "Error", None))
    if not (isInterface or implementsError or issubclass(Type, BaseException)):
        raise Panic("errors: *target must be interface or implement error")


def _as(err: object, Type: type[Any]) -> tuple[Any, bool]:
    """errors.as / errors.asType: the walk behind As and AsType."""
    while True:
        if isinstance(err, Type):
            return err, True
        m = getattr(err, "As", None)
        if m is not None:
            v = m(Type)
            if v is not None:
                return v, True
        u = _unwrapped(err)
        if u is None:
            return None, False
        if isinstance(u, (list, tuple)):
            for e in u:
                if e is None:
                    continue
                v, ok = _as(e, Type)
                if ok:
                    return v, True
            return None, False
        err = u


@overload
def As(err: error | None, Type: type[E]) -> E | None: ...
@overload
def As(err: error | None, Type: Any) -> Any: ...


def As(err: error | None, Type: Any) -> Any:
    """errors.As: the first error in err's tree that is a ``Type``, or None.

    Go's boolean result and out-pointer are folded into the one return value.
    An error's ``As(Type)`` method may supply the value instead (see the
    module doc). The second overload exists because mypy refuses a Protocol
    where ``type[E]`` is expected; with a Protocol the result is ``Any``.
    A ``Type`` that is not a class, or neither an interface
    (Protocol) nor an error class, panics as Go does; that check is made only
    when err is not None, also as in Go.
    """
    if err is None:
        return None
    _checkAsTarget(Type)
    v, _ = _as(err, Type)
    return v


@overload
def AsType(err: error | None, Type: type[E]) -> tuple[E | None, bool]: ...
@overload
def AsType(err: error | None, Type: Any) -> tuple[Any, bool]: ...


def AsType(err: error | None, Type: Any) -> tuple[Any, bool]:
    """errors.AsType: As in Go's generic form, returning ``(value, ok)``.

    Go's zero value of E on failure is None here. Go checks the type
    argument at compile time, so no target checks are made.
    """
    if err is None:
        return None, False
    return _as(err, Type)


class joinError(Exception):
    """errors.joinError: the error built by Join, wrapping a list of errors."""

    _goType = "*errors.joinError"  # what %T prints (std/fmt.py)

    def __init__(self, errs: list[error]) -> None:
        super().__init__(errs)
        self.errs = errs

    def Error(self) -> str:
        """errors.joinError.Error: the wrapped errors' texts, one per line."""
        return "\n".join(e.Error() for e in self.errs)

    def Unwrap(self) -> list[error]:
        """errors.joinError.Unwrap: the wrapped errors (Go's ``Unwrap() []error``)."""
        return self.errs

    def __str__(self) -> str:
        return self.Error()


def Join(*errs: error | None) -> error | None:
    """errors.Join: an error wrapping every non-None argument, or None if there is none."""
    kept = [e for e in errs if e is not None]
    if not kept:
        return None
    return joinError(kept)
