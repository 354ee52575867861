"""os's error_test.go (the parts without files), ported; plus SyscallError and Errno.Is."""

from __future__ import annotations

import pytest

import rt.poll
from rt import sys_linux
from rt.poll import fd as poll_fd
from rt.sys_linux import (
    EACCES,
    EAGAIN,
    ECONNREFUSED,
    EEXIST,
    ENOENT,
    ENOSYS,
    ENOTEMPTY,
    EPERM,
    ETIMEDOUT,
    Errno,
)
from std import errors, os
from std.errors import error


def test_Sentinels() -> None:
    """Go's internal/oserror texts, byte for byte; singletons."""
    table: list[tuple[error, str]] = [
        (os.ErrInvalid, "invalid argument"),
        (os.ErrPermission, "permission denied"),
        (os.ErrExist, "file already exists"),
        (os.ErrNotExist, "file does not exist"),
        (os.ErrClosed, "file already closed"),
        (os.ErrNoDeadline, "file type does not support deadline"),
        (os.ErrDeadlineExceeded, "i/o timeout"),
    ]
    for err, text in table:
        assert err.Error() == text and str(err) == text
        assert isinstance(err, Exception)
    assert len({id(e) for e, _ in table}) == len(table)


def test_PollIdentity() -> None:
    """ErrDeadlineExceeded and ErrNoDeadline are internal/poll's very objects."""
    assert os.ErrDeadlineExceeded is poll_fd.ErrDeadlineExceeded is rt.poll.ErrDeadlineExceeded
    assert os.ErrNoDeadline is poll_fd.ErrNoDeadline is rt.poll.ErrNoDeadline
    assert os.ErrDeadlineExceeded.Timeout()
    assert errors.Is(os.NewSyscallError("read", os.ErrDeadlineExceeded), os.ErrDeadlineExceeded)


def test_SyscallError() -> None:
    err = os.NewSyscallError("connect", ECONNREFUSED)
    assert isinstance(err, os.SyscallError)
    assert err.Error() == "connect: connection refused"
    assert str(err) == "connect: connection refused"
    assert err.Syscall == "connect" and err.Err is ECONNREFUSED
    assert err.Unwrap() is ECONNREFUSED
    assert errors.Unwrap(err) is ECONNREFUSED
    assert errors.Is(err, ECONNREFUSED) and errors.Is(err, Errno(111))
    assert not errors.Is(err, EAGAIN)
    assert errors.As(err, os.SyscallError) is err
    assert errors.As(err, Errno) is ECONNREFUSED
    # A value built with keywords, as Go's composite literal; raise-able.
    e2 = os.SyscallError(Syscall="socket", Err=EACCES)
    assert e2.Error() == "socket: permission denied"
    with pytest.raises(os.SyscallError) as ei:
        raise e2
    assert ei.value is e2
    # Pointer semantics: two equal-looking values are different errors.
    assert os.SyscallError(Syscall="socket", Err=EACCES) != e2


def test_NewSyscallErrorNil() -> None:
    assert os.NewSyscallError("connect", None) is None


def test_SyscallErrorTimeout() -> None:
    """Timeout() asks the wrapped error, if it can answer."""
    assert os.SyscallError(Syscall="read", Err=EAGAIN).Timeout()
    assert os.SyscallError(Syscall="connect", Err=ETIMEDOUT).Timeout()
    assert not os.SyscallError(Syscall="connect", Err=ECONNREFUSED).Timeout()
    assert os.SyscallError(Syscall="read", Err=os.ErrDeadlineExceeded).Timeout()
    # An error without a Timeout method is not a timeout.
    assert not os.SyscallError(Syscall="x", Err=errors.New("plain")).Timeout()


def test_ErrnoIsRegistry() -> None:
    """Importing std.os registers the sentinels syscall.Errno.Is compares against."""
    assert sys_linux.oserror["ErrPermission"] is os.ErrPermission
    assert sys_linux.oserror["ErrExist"] is os.ErrExist
    assert sys_linux.oserror["ErrNotExist"] is os.ErrNotExist


def test_ErrnoIs() -> None:
    """errors.Is(Errno, os.ErrX) as syscall.Errno.Is answers it in Go."""
    table: list[tuple[Errno, error, bool]] = [
        (EACCES, os.ErrPermission, True),
        (EPERM, os.ErrPermission, True),
        (EEXIST, os.ErrExist, True),
        (ENOTEMPTY, os.ErrExist, True),
        (ENOENT, os.ErrNotExist, True),
        (ECONNREFUSED, os.ErrPermission, False),
        (ENOENT, os.ErrExist, False),
        (EACCES, os.ErrNotExist, False),
        (EEXIST, os.ErrInvalid, False),
    ]
    for errno, target, want in table:
        assert errors.Is(errno, target) is want, (errno, target)
        # And through the wrapper net puts around it.
        assert errors.Is(os.NewSyscallError("open", errno), target) is want, (errno, target)
    assert errors.Is(Errno(13), os.ErrPermission)


def test_ErrnoIsUnsupported() -> None:
    """syscall.Errno.Is(errors.ErrUnsupported) for ENOSYS (std.errors registers it, per rt)."""
    assert "ErrUnsupported" in sys_linux.oserror
    assert errors.Is(ENOSYS, errors.ErrUnsupported)


isExistTests: list[tuple[error | None, bool, bool]] = [
    # err, is (exists), isnot (does not exist)
    (os.PathError(Op="", Path="", Err=os.ErrInvalid), False, False),
    (os.PathError(Op="", Path="", Err=os.ErrPermission), False, False),
    (os.PathError(Op="", Path="", Err=os.ErrExist), True, False),
    (os.PathError(Op="", Path="", Err=os.ErrNotExist), False, True),
    (os.PathError(Op="", Path="", Err=os.ErrClosed), False, False),
    (os.SyscallError(Syscall="", Err=os.ErrNotExist), False, True),
    (os.SyscallError(Syscall="", Err=os.ErrExist), True, False),
    (None, False, False),
]


def test_IsExist() -> None:
    for err, is_, isnot in isExistTests:
        assert os.IsExist(err) is is_, err
        assert errors.Is(err, os.ErrExist) is is_, err
        assert os.IsNotExist(err) is isnot, err
        assert errors.Is(err, os.ErrNotExist) is isnot, err


def test_IsPermission() -> None:
    table: list[tuple[error | None, bool]] = [
        (None, False),
        (os.PathError(Op="", Path="", Err=os.ErrPermission), True),
        (os.SyscallError(Syscall="", Err=os.ErrPermission), True),
        # Through Errno.Is, as in Go (underlyingErrorIs asks a syscall.Errno).
        (os.SyscallError(Syscall="open", Err=EACCES), True),
        (EPERM, True),
        (ENOENT, False),
    ]
    for err, want in table:
        assert os.IsPermission(err) is want, err
        assert errors.Is(err, os.ErrPermission) is want, err


def test_PathErrorUnwrap() -> None:
    pe = os.PathError(Op="open", Path="/x", Err=os.ErrInvalid)
    assert errors.Is(pe, os.ErrInvalid)
    assert pe.Error() == "open /x: invalid argument"


def test_ErrorIsMethods() -> None:
    """os.IsPermission does not consult an error's own Is method (errors.Is does)."""

    class myErrorIs(Exception):
        def __init__(self, inner: error) -> None:
            self.inner = inner

        def Error(self) -> str:
            return self.inner.Error()

        def Is(self, target: error) -> bool:
            return target is self.inner

    e = myErrorIs(os.ErrPermission)
    assert not os.IsPermission(e)
    assert errors.Is(e, os.ErrPermission)


def test_IsTimeout() -> None:
    assert os.IsTimeout(os.ErrDeadlineExceeded)
    assert os.IsTimeout(os.NewSyscallError("read", EAGAIN))
    assert os.IsTimeout(os.PathError(Op="read", Path="f", Err=os.ErrDeadlineExceeded))
    assert not os.IsTimeout(os.NewSyscallError("connect", ECONNREFUSED))
    assert not os.IsTimeout(None)
    assert not os.IsTimeout(errors.New("i/o timeout"))  # the text alone is not enough
