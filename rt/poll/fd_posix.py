"""internal/poll/fd_posix.go (go1.27.0): FD methods shared by POSIX systems.

``eofError`` is where a zero-byte read becomes io.EOF (only for FDs whose
zero-byte read means end of stream: not datagram sockets). The ``ignoring*``
helpers retry a call interrupted by a signal: even with SA_RESTART some
calls return EINTR, and ctypes calls are never retried by Python (PEP 475
covers only Python's own wrappers).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rt import sys_linux
from rt.sys_linux import EINTR, Errno

T = TypeVar("T")


class fdPosixMethods:
    """internal/poll/fd_posix.go: the FD methods defined there (FD inherits them)."""

    __slots__ = ()

    Sysfd: int
    ZeroReadIsEOF: bool

    def incref(self) -> Exception | None:
        raise NotImplementedError

    def decref(self) -> Exception | Errno | None:
        raise NotImplementedError

    def eofError(self, n: int, err: Any) -> Any:
        """internal/poll/fd_posix.go: FD.eofError. A zero read with no error is io.EOF."""
        if n == 0 and err is None and self.ZeroReadIsEOF:
            from std import io

            return io.EOF
        return err

    def Shutdown(self, how: int) -> Exception | Errno | None:
        """internal/poll/fd_posix.go: FD.Shutdown."""
        err = self.incref()
        if err is not None:
            return err
        try:
            errno = sys_linux.shutdown(self.Sysfd, how)
            return errno if errno else None
        finally:
            self.decref()

    def RawControl(self, f: Callable[[int], None]) -> Exception | None:
        """internal/poll/fd_posix.go: FD.RawControl. f(fd) while the fd cannot close."""
        err = self.incref()
        if err is not None:
            return err
        try:
            f(self.Sysfd)
            return None
        finally:
            self.decref()


def ignoringEINTR(fn: Callable[[], Errno]) -> Errno:
    """internal/poll/fd_posix.go: ignoringEINTR."""
    while True:
        errno = fn()
        if errno != EINTR:
            return errno


def ignoringEINTR2(fn: Callable[[], tuple[T, Errno]]) -> tuple[T, Errno]:
    """internal/poll/fd_posix.go: ignoringEINTR2."""
    while True:
        v, errno = fn()
        if errno != EINTR:
            return v, errno

