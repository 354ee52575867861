"""Tests for std.errors, ported from Go's errors tests (go1.27.0).

errors_test.go (TestNewEqual, TestErrorMethod), wrap_test.go (TestIs, TestAs,
TestAsValidation, TestAsType, TestUnwrap) and join_test.go (TestJoinReturnsNil,
TestJoin, TestJoinErrorMethod), table rows in Go's order. The helper types of
wrap_test.go are rebuilt below; where Go relies on value-versus-pointer types
the Python stand-in is described next to it. Tests after the Go ports cover
what only the Python protocol has (list-returning Unwrap, value equality).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import pytest

from rt.panic import Panic
from std import errors
from std.errors import error

# --- helper types of wrap_test.go -------------------------------------------


@dataclass(eq=True)
class errorT(Exception):
    """errorT: a value type; two errorT with the same text are ==, as in Go."""

    s: str = ""

    def Error(self) -> str:
        return f"errorT({self.s})"


@dataclass(eq=True)
class wrapped(Exception):
    msg: str
    err: error | None

    def Error(self) -> str:
        return self.msg

    def Unwrap(self) -> error | None:
        return self.err


class multiErr(Exception):
    """multiErr: Go's ``[]error`` type whose Unwrap returns the slice."""

    def __init__(self, *errs: error | None) -> None:
        super().__init__(*errs)
        self.errs = list(errs)

    def Error(self) -> str:
        return "multiError"

    def Unwrap(self) -> list[error | None]:
        return self.errs


class errorUncomparable(Exception):
    """errorUncomparable: a value type Go cannot compare with == (it holds a slice).

    Its Python stand-in refuses == with TypeError; its Is method accepts any
    errorUncomparable value (but not a pointer to one).
    """

    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        raise TypeError("comparing uncomparable type errorUncomparable")

    def Error(self) -> str:
        return "uncomparable error"

    def Is(self, target: object) -> bool:
        return type(target) is errorUncomparable


class errorUncomparablePtr(errorUncomparable):
    """``&errorUncomparable{}``: a pointer is comparable (by identity) and has the same Is."""

    __hash__ = object.__hash__  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        return self is other


@dataclass(eq=False)
class PathError(Exception):
    """io/fs.PathError, enough of it for the tests: Op, Path, Err, Unwrap, Timeout."""

    Op: str = ""
    Path: str = ""
    Err: error | None = None

    def Error(self) -> str:
        return f"{self.Op} {self.Path}: {self.Err.Error() if self.Err else '<nil>'}"

    def Unwrap(self) -> error | None:
        return self.Err

    def Timeout(self) -> bool:
        t = getattr(self.Err, "Timeout", None)
        return bool(t is not None and t())


class Errno(int):
    """syscall.Errno, enough of it for the tests: an int-valued error."""

    def Error(self) -> str:
        return {2: "no such file or directory"}.get(int(self), f"errno {int(self)}")

    def Timeout(self) -> bool:
        return False


ENOENT = Errno(2)


@runtime_checkable
class timeout(Protocol):
    """``interface{ Timeout() bool }``."""

    def Timeout(self) -> bool: ...


poserPathErr = PathError(Op="poser")


class poser(Exception):
    def __init__(self, msg: str, f: Callable[[object], bool] | None) -> None:
        super().__init__(msg)
        self.msg = msg
        self.f = f

    def Error(self) -> str:
        return self.msg

    def Is(self, err: object) -> bool:
        assert self.f is not None
        return self.f(err)

    def As(self, target: type) -> object | None:
        # Go's switch on the target pointer's type becomes a switch on the class.
        if target is poser:
            return self
        if target is errorT:
            return errorT("poser")
        if target is PathError:
            return poserPathErr
        return None


# --- errors_test.go ---------------------------------------------------------


def test_NewEqual() -> None:
    # Different allocations should not be equal.
    assert errors.New("abc") != errors.New("abc")
    assert errors.New("abc") != errors.New("xyz")
    assert not errors.Is(errors.New("abc"), errors.New("abc"))
    # Same allocation should be equal to itself.
    err = errors.New("jkl")
    assert err == err
    assert errors.Is(err, err)


def test_ErrorMethod() -> None:
    err = errors.New("abc")
    assert err.Error() == "abc"
    assert str(err) == "abc"
    assert isinstance(err, Exception)
    assert isinstance(err, errors.errorString)
    with pytest.raises(errors.errorString) as info:
        raise err
    assert info.value is err


def test_ErrUnsupported() -> None:
    assert errors.ErrUnsupported.Error() == "unsupported operation"
    assert errors.Is(wrapped("w", errors.ErrUnsupported), errors.ErrUnsupported)


# --- wrap_test.go: TestIs ---------------------------------------------------

err1 = errors.New("1")
erra = wrapped("wrap 2", err1)
errb = wrapped("wrap 3", erra)
err3 = errors.New("3")
poserIs = poser("either 1 or 3", lambda err: err is err1 or err is err3)

IS_CASES: list[tuple[error | None, error | None, bool]] = [
    (None, None, True),
    (None, err1, False),
    (err1, None, False),
    (err1, err1, True),
    (erra, err1, True),
    (errb, err1, True),
    (err1, err3, False),
    (erra, err3, False),
    (errb, err3, False),
    (poserIs, err1, True),
    (poserIs, err3, True),
    (poserIs, erra, False),
    (poserIs, errb, False),
    (errorUncomparable(), errorUncomparable(), True),
    (errorUncomparable(), errorUncomparablePtr(), False),
    (errorUncomparablePtr(), errorUncomparable(), True),
    (errorUncomparablePtr(), errorUncomparablePtr(), False),
    (errorUncomparable(), err1, False),
    (errorUncomparablePtr(), err1, False),
    (multiErr(), err1, False),
    (multiErr(err1, err3), err1, True),
    (multiErr(err3, err1), err1, True),
    (multiErr(err1, err3), errors.New("x"), False),
    (multiErr(err3, errb), errb, True),
    (multiErr(err3, errb), erra, True),
    (multiErr(err3, errb), err1, True),
    (multiErr(errb, err3), err1, True),
    (multiErr(poserIs), err1, True),
    (multiErr(poserIs), err3, True),
    (multiErr(None), None, False),
]


@pytest.mark.parametrize("err,target,match", IS_CASES)
def test_Is(err: error | None, target: error | None, match: bool) -> None:
    assert errors.Is(err, target) is match


# --- wrap_test.go: TestAs and TestAsType ------------------------------------

errF = PathError(Op="open", Path="non-existing", Err=ENOENT)  # os.Open("non-existing")
poserErr = poser("oh no", None)

AS_CASES: list[tuple[error | None, type, bool, object]] = [
    (None, PathError, False, None),
    (wrapped("pitied the fool", errorT("T")), errorT, True, errorT("T")),
    (errF, PathError, True, errF),
    (errorT(), PathError, False, None),
    (wrapped("wrapped", None), errorT, False, None),
    (poser("error", None), errorT, True, errorT("poser")),
    (poser("path", None), PathError, True, poserPathErr),
    (poserErr, poser, True, poserErr),
    (errors.New("err"), timeout, False, None),
    (errF, timeout, True, errF),
    (wrapped("path error", errF), timeout, True, errF),
    (multiErr(), errorT, False, None),
    (multiErr(errors.New("a"), errorT("T")), errorT, True, errorT("T")),
    (multiErr(errorT("T"), errors.New("a")), errorT, True, errorT("T")),
    (multiErr(errorT("a"), errorT("b")), errorT, True, errorT("a")),
    (multiErr(multiErr(errors.New("a"), errorT("a")), errorT("b")), errorT, True, errorT("a")),
    (multiErr(wrapped("path error", errF)), timeout, True, errF),
    (multiErr(None), errorT, False, None),
]


@pytest.mark.parametrize("err,Type,match,want", AS_CASES)
def test_As(err: error | None, Type: type, match: bool, want: object) -> None:
    got = errors.As(err, Type)
    if not match:
        assert got is None
        return
    assert got is not None
    assert got == want


@pytest.mark.parametrize("err,Type,match,want", AS_CASES)
def test_AsType(err: error | None, Type: type, match: bool, want: object) -> None:
    got, ok = errors.AsType(err, Type)
    assert ok is match
    assert got == want


def test_As_returns_identical_pointer() -> None:
    # Go's rows compare pointers with ==, i.e. by identity.
    assert errors.As(errF, PathError) is errF
    assert errors.As(wrapped("path error", errF), timeout) is errF
    assert errors.As(poser("path", None), PathError) is poserPathErr


@pytest.mark.parametrize(
    "target,text",
    [
        (None, "errors: target cannot be nil"),
        (42, "errors: target must be a non-nil pointer"),  # (*int)(nil)
        ("error", "errors: target must be a non-nil pointer"),
        (str, "errors: *target must be interface or implement error"),  # &s, s string
    ],
)
def test_AsValidation(target: Any, text: str) -> None:
    err = errors.New("error")
    with pytest.raises(Panic) as info:
        errors.As(err, target)
    assert str(info.value) == text
    assert info.value.value == text


def test_As_interface_targets() -> None:
    # Go's `var e error; errors.As(err, &e)` and `var x any; errors.As(err, &x)`.
    err = wrapped("w", err1)
    assert errors.As(err, error) is err
    assert errors.As(err, object) is err
    # An exception base class works like an interface its subclasses implement.
    assert errors.As(err, Exception) is err


# --- wrap_test.go: TestUnwrap -----------------------------------------------

UNWRAP_CASES: list[tuple[error | None, error | None]] = [
    (None, None),
    (wrapped("wrapped", None), None),
    (err1, None),
    (erra, err1),
    (wrapped("wrap 3", erra), erra),
]


@pytest.mark.parametrize("err,want", UNWRAP_CASES)
def test_Unwrap(err: error | None, want: error | None) -> None:
    assert errors.Unwrap(err) is want


def test_Unwrap_does_not_unwrap_lists() -> None:
    assert errors.Unwrap(multiErr(err1)) is None
    assert errors.Unwrap(errors.Join(err1)) is None


# --- join_test.go -----------------------------------------------------------


def test_JoinReturnsNil() -> None:
    assert errors.Join() is None
    assert errors.Join(None) is None
    assert errors.Join(None, None) is None


def test_Join() -> None:
    e1 = errors.New("err1")
    e2 = errors.New("err2")
    merr = multiErr(errors.New("err3"))
    cases: list[tuple[list[error | None], list[error]]] = [
        ([e1], [e1]),
        ([e1, e2], [e1, e2]),
        ([e1, None, e2], [e1, e2]),
        ([merr], [merr]),
    ]
    for errs, want in cases:
        joined = errors.Join(*errs)
        assert isinstance(joined, errors.joinError)
        got = joined.Unwrap()
        assert len(got) == len(want)
        assert all(g is w for g, w in zip(got, want, strict=True))


def test_JoinErrorMethod() -> None:
    e1 = errors.New("err1")
    e2 = errors.New("err2")
    cases: list[tuple[list[error | None], str]] = [
        ([e1], "err1"),
        ([e1, e2], "err1\nerr2"),
        ([e1, None, e2], "err1\nerr2"),
    ]
    for errs, want in cases:
        joined = errors.Join(*errs)
        assert joined is not None
        assert joined.Error() == want
        assert str(joined) == want


def test_Join_Is_As() -> None:
    # "The errors may be inspected with Is and As."
    joined = errors.Join(err3, errb)
    assert errors.Is(joined, err1)
    assert errors.Is(joined, err3)
    assert not errors.Is(joined, errors.New("1"))
    assert errors.As(joined, wrapped) is errb


# --- the Python protocol ----------------------------------------------------


def test_Is_value_types_compare_by_value() -> None:
    # An int-based Errno compares by value, like Go's syscall.Errno...
    assert errors.Is(wrapped("w", Errno(2)), Errno(2))
    assert not errors.Is(wrapped("w", Errno(2)), Errno(3))

    # ...but only against the same dynamic type, as Go's interface ==.
    class otherErrno(Errno):
        pass

    assert not errors.Is(Errno(2), otherErrno(2))
    # A value-typed struct (a dataclass with eq) compares field by field.
    assert errors.Is(wrapped("x", errorT("T")), errorT("T"))
    assert not errors.Is(wrapped("x", errorT("T")), errorT("U"))


def test_Unwrap_tuple_and_None_entries() -> None:
    class tupleErr(Exception):
        def Error(self) -> str:
            return "tuple"

        def Unwrap(self) -> tuple[error | None, ...]:
            return (None, erra)

    e = tupleErr()
    assert errors.Is(e, err1)
    assert errors.As(e, wrapped) is erra
    assert errors.Unwrap(e) is None


def test_As_falsy_match() -> None:
    # A matched error may be falsy; As callers must test `is not None`.
    zero = Errno(0)
    got = errors.As(wrapped("w", zero), Errno)
    assert got is zero
    assert errors.AsType(wrapped("w", zero), Errno) == (zero, True)


def test_error_protocol() -> None:
    assert isinstance(errors.New("x"), error)
    assert isinstance(Errno(1), error)
    assert not isinstance(ValueError("x"), error)
