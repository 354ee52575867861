"""os (go1.27.0): the error values and error types that network programs meet, and signals.

Mirrored: os/error.go (plus io/fs's PathError, which it aliases): the
portable sentinels, ``SyscallError`` (what net wraps a failed system call's
``Errno`` in, e.g. ``connect: connection refused``) and the Is*/IsTimeout
helpers; and from os/exec.go and os/exec_posix.go the ``Signal`` interface
with its two portable values, ``Interrupt`` (``syscall.SIGINT``) and
``Kill`` (``syscall.SIGKILL``). Files: ``File`` with ``Open``, ``Create``,
``OpenFile``, ``NewFile`` and ``Pipe`` (std/os/file.py: os/file.go,
file_posix.go, file_unix.go; std/os/rawconn.py; std/os/zero_copy_linux.py
for sendfile and splice). From os/proc.go: ``Args``, ``Exit``, the
credentials, ``Getpid`` and ``Hostname`` (std/os/proc.py). The environment:
``Getenv``, ``LookupEnv``, ``Setenv``, ``Unsetenv``, ``Clearenv``,
``Environ``, ``Expand``, ``ExpandEnv`` (std/os/env.py, os/env.go). Other
process functions (StartProcess, exec) are not implemented.
Package os/signal is ``std.os.signal`` (``from std.os import signal``).

Identity matters here, as in Go. ``ErrDeadlineExceeded`` and
``ErrNoDeadline`` *are* internal/poll's objects (``rt.poll``), so an error
built below this package matches ``os.ErrDeadlineExceeded`` by identity.
``ErrInvalid``, ``ErrPermission``, ``ErrExist``, ``ErrNotExist`` and
``ErrClosed`` are Go's internal/oserror values (io/fs re-exports them in
Go; this module is their only home here).

``syscall.Errno.Is`` (rt/sys_linux.py) must recognise ``ErrPermission``,
``ErrExist`` and ``ErrNotExist``, but rt sits below std and cannot import
them. So importing this module registers them in ``rt.sys_linux.oserror``;
from then on ``errors.Is(Errno(EACCES), os.ErrPermission)`` holds, as in Go.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Protocol, runtime_checkable

from rt import sys_linux
from rt.poll import fd as _poll
from std import syscall
from std.errors import error, errorString

__all__ = [
    "Args",
    "Clearenv",
    "Create",
    "DevNull",
    "Environ",
    "ErrClosed",
    "ErrDeadlineExceeded",
    "ErrExist",
    "ErrInvalid",
    "ErrNoDeadline",
    "ErrNotExist",
    "ErrPermission",
    "Exit",
    "Expand",
    "ExpandEnv",
    "File",
    "Getegid",
    "Getenv",
    "Geteuid",
    "Getgid",
    "Getgroups",
    "Getpid",
    "Getppid",
    "Getuid",
    "Hostname",
    "Interrupt",
    "IsExist",
    "IsNotExist",
    "IsPermission",
    "IsTimeout",
    "Kill",
    "LookupEnv",
    "ModePerm",
    "ModeSetgid",
    "ModeSetuid",
    "ModeSticky",
    "NewFile",
    "NewSyscallError",
    "O_APPEND",
    "O_CREATE",
    "O_EXCL",
    "O_RDONLY",
    "O_RDWR",
    "O_SYNC",
    "O_TRUNC",
    "O_WRONLY",
    "Open",
    "OpenFile",
    "PathError",
    "Pipe",
    "SEEK_CUR",
    "SEEK_END",
    "SEEK_SET",
    "Setenv",
    "Signal",
    "Stderr",
    "Stdin",
    "Stdout",
    "SyscallError",
    "Unsetenv",
]

ErrInvalid: Final = errorString("invalid argument")
"""os.ErrInvalid (internal/oserror.ErrInvalid): "invalid argument"."""

ErrPermission: Final = errorString("permission denied")
"""os.ErrPermission (internal/oserror.ErrPermission): "permission denied"."""

ErrExist: Final = errorString("file already exists")
"""os.ErrExist (internal/oserror.ErrExist): "file already exists"."""

ErrNotExist: Final = errorString("file does not exist")
"""os.ErrNotExist (internal/oserror.ErrNotExist): "file does not exist"."""

ErrClosed: Final = errorString("file already closed")
"""os.ErrClosed (internal/oserror.ErrClosed): "file already closed"."""

ErrNoDeadline: Final = _poll.ErrNoDeadline
"""os.ErrNoDeadline: internal/poll's ErrNoDeadline itself."""

ErrDeadlineExceeded: Final = _poll.ErrDeadlineExceeded
"""os.ErrDeadlineExceeded: internal/poll's ErrDeadlineExceeded itself ("i/o timeout")."""

# What syscall.Errno.Is compares against (see the module doc).
sys_linux.oserror["ErrPermission"] = ErrPermission
sys_linux.oserror["ErrExist"] = ErrExist
sys_linux.oserror["ErrNotExist"] = ErrNotExist


@dataclass(eq=False)
class SyscallError(Exception):
    """os.SyscallError: an error from a particular system call.

    A dataclass with Go's fields, built with keywords
    (``SyscallError(Syscall="connect", Err=ECONNREFUSED)``); ``Err`` is usually
    a ``syscall.Errno``. Equality is identity, as for Go's ``*SyscallError``.
    """

    _goType = "*os.SyscallError"  # what %T prints (std/fmt.py)

    Syscall: str
    Err: error

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Syscall, self.Err)

    def Error(self) -> str:
        """os.SyscallError.Error: the call's name, ": ", the error's text."""
        return self.Syscall + ": " + self.Err.Error()

    def Unwrap(self) -> error:
        """os.SyscallError.Unwrap: the underlying error (Err), such as a syscall.Errno, for
        errors.Is and errors.As.
        """
        return self.Err

    def Timeout(self) -> bool:
        """os.SyscallError.Timeout: whether Err reports a timeout."""
        return _isTimeout(self.Err)

    def __str__(self) -> str:
        return self.Error()


def NewSyscallError(syscall: str, err: error | None) -> error | None:
    """os.NewSyscallError: ``SyscallError(Syscall=syscall, Err=err)``, or None if err is None."""
    if err is None:
        return None
    return SyscallError(Syscall=syscall, Err=err)


@dataclass(eq=False)
class PathError(Exception):
    """io/fs.PathError (os.PathError): an error with the operation and path that caused it."""

    _goType = "*fs.PathError"  # what %T prints (std/fmt.py)

    Op: str
    Path: str
    Err: error

    def __post_init__(self) -> None:
        Exception.__init__(self, self.Op, self.Path, self.Err)

    def Error(self) -> str:
        """io/fs.PathError.Error: Op, " ", Path, ": ", the error's text."""
        return self.Op + " " + self.Path + ": " + self.Err.Error()

    def Unwrap(self) -> error:
        """io/fs.PathError.Unwrap: the underlying error (Err), such as a syscall.Errno, for
        errors.Is and errors.As.
        """
        return self.Err

    def Timeout(self) -> bool:
        """io/fs.PathError.Timeout: whether Err reports a timeout."""
        return _isTimeout(self.Err)

    def __str__(self) -> str:
        return self.Error()


def _isTimeout(err: object) -> bool:
    """Go's ``t, ok := err.(timeout); ok && t.Timeout()``."""
    t = getattr(err, "Timeout", None)
    return t is not None and bool(t())


def IsExist(err: error | None) -> bool:
    """os.IsExist: err (bare, or in a PathError/SyscallError) means "already exists".

    Predates errors.Is and, like Go's, looks through only those wrappers;
    prefer ``errors.Is(err, ErrExist)``.
    """
    return underlyingErrorIs(err, ErrExist)


def IsNotExist(err: error | None) -> bool:
    """os.IsNotExist: as IsExist, for "does not exist"."""
    return underlyingErrorIs(err, ErrNotExist)


def IsPermission(err: error | None) -> bool:
    """os.IsPermission: as IsExist, for "permission denied"."""
    return underlyingErrorIs(err, ErrPermission)


def IsTimeout(err: error | None) -> bool:
    """os.IsTimeout: err (bare, or in a PathError/SyscallError) reports a timeout."""
    return _isTimeout(underlyingError(err))


def underlyingErrorIs(err: error | None, target: error) -> bool:
    """os/error.go: underlyingErrorIs. Identity, or a syscall.Errno's own Is."""
    e = underlyingError(err)
    if e is target:
        return True
    return isinstance(e, sys_linux.Errno) and e.Is(target)


def underlyingError(err: error | None) -> error | None:
    """os/error.go: underlyingError. The Err inside a PathError or SyscallError, else err."""
    if isinstance(err, (PathError, SyscallError)):
        return err.Err
    return err


# ---------------------------------------------------------------------------
# os/exec.go, os/exec_posix.go: signals.


@runtime_checkable
class Signal(Protocol):
    """os.Signal (os/exec.go): an operating system signal.

    Any value with ``String()`` and the marker method ``Signal()``; on Linux
    it is ``syscall.Signal``. ``runtime_checkable``, so ``isinstance(x,
    os.Signal)`` tells os.Signal values from other objects.
    """

    def String(self) -> str:
        """os.Signal.String: the signal's name, such as "interrupt"."""
        ...

    def Signal(self) -> None:
        """os.Signal.Signal: a marker method that does nothing; it tells signal values apart from
        other Stringers.
        """
        ...


Interrupt: Final[syscall.Signal] = syscall.SIGINT
"""os.Interrupt (os/exec_posix.go): ``syscall.SIGINT``, what Ctrl-C sends."""

Kill: Final[syscall.Signal] = syscall.SIGKILL
"""os.Kill (os/exec_posix.go): ``syscall.SIGKILL``, which ends a process and cannot be caught."""


# ---------------------------------------------------------------------------
# os/file.go and its platform files (std/os/file.py). Imported last: they
# use the errors above.

from std.os import rawconn as _rawconn  # noqa: E402, F401
from std.os import zero_copy_linux as _zero_copy_linux  # noqa: E402, F401
from std.os.env import (  # noqa: E402
    Clearenv,
    Environ,
    Expand,
    ExpandEnv,
    Getenv,
    LookupEnv,
    Setenv,
    Unsetenv,
)
from std.os.file import (  # noqa: E402
    O_APPEND,
    O_CREATE,
    O_EXCL,
    O_RDONLY,
    O_RDWR,
    O_SYNC,
    O_TRUNC,
    O_WRONLY,
    SEEK_CUR,
    SEEK_END,
    SEEK_SET,
    Create,
    DevNull,
    File,
    ModePerm,
    ModeSetgid,
    ModeSetuid,
    ModeSticky,
    NewFile,
    Open,
    OpenFile,
    Pipe,
    Stderr,
    Stdin,
    Stdout,
)
from std.os.proc import (  # noqa: E402
    Args,
    Exit,
    Getegid,
    Geteuid,
    Getgid,
    Getgroups,
    Getpid,
    Getppid,
    Getuid,
    Hostname,
)
