"""internal/poll/fd.go + errno_unix.go (go1.27.0): the package's errors and helpers.

These are the error values every layer above compares against by identity:
``ErrNetClosing`` (net re-exports it as ``net.ErrClosed``) for a socket used
after Close, ``ErrDeadlineExceeded`` (``os.ErrDeadlineExceeded``) for an
expired deadline, ``ErrFileClosing`` and ``ErrNoDeadline`` for files, and
``ErrNotPollable`` for an fd the poller cannot watch. Their texts are relied
on by user programs and are kept byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from rt.sys_linux import Errno


class errNetClosing(Exception):
    """internal/poll/fd.go: errNetClosing. "use of closed network connection"."""

    _goType = "poll.errNetClosing"  # what %T prints (std/fmt.py)

    def Error(self) -> str:
        """internal/poll/fd.go: errNetClosing.Error: the message "use of closed network connection".
        """
        return "use of closed network connection"

    def Timeout(self) -> bool:
        """internal/poll/fd.go: errNetClosing.Timeout: always False; using a closed connection is
        not a timeout.
        """
        return False

    def Temporary(self) -> bool:
        """internal/poll/fd.go: errNetClosing.Temporary: always False; retrying on a closed
        connection cannot succeed.
        """
        return False

    def __str__(self) -> str:
        return self.Error()

    def __repr__(self) -> str:
        return "poll.ErrNetClosing"


class _errorString(Exception):
    """errors.errorString, local to this package so rt does not import std."""

    _goType = "*errors.errorString"  # what %T prints (std/fmt.py)

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def Error(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


class DeadlineExceededError(Exception):
    """internal/poll/fd.go: DeadlineExceededError. "i/o timeout"; Timeout() is true."""

    _goType = "*poll.DeadlineExceededError"  # what %T prints (std/fmt.py)

    def Error(self) -> str:
        """internal/poll/fd.go: DeadlineExceededError.Error: the message "i/o timeout"."""
        return "i/o timeout"

    def Timeout(self) -> bool:
        """internal/poll/fd.go: DeadlineExceededError.Timeout: always True, so net.Error checks see
        a timeout.
        """
        return True

    def Temporary(self) -> bool:
        """internal/poll/fd.go: DeadlineExceededError.Temporary: always True (a deadline can be
        moved and the call retried).
        """
        return True

    def __str__(self) -> str:
        return self.Error()

    def __repr__(self) -> str:
        return "os.ErrDeadlineExceeded"


ErrNetClosing: Final = errNetClosing()
ErrFileClosing: Final = _errorString("use of closed file")
ErrNoDeadline: Final = _errorString("file type does not support deadline")
ErrDeadlineExceeded: Final = DeadlineExceededError()
ErrNotPollable: Final = _errorString("not pollable")


def errClosing(isFile: bool) -> Exception:
    """internal/poll/fd.go: errClosing: the error for I/O on a closed descriptor, ErrFileClosing for
    a file (isFile) and ErrNetClosing for a socket.
    """
    return ErrFileClosing if isFile else ErrNetClosing


def consume(v: list[memoryview], n: int) -> None:
    """internal/poll/fd.go: consume. Drop n bytes from the front of a buffer list."""
    while v:
        ln0 = len(v[0])
        if ln0 > n:
            v[0] = v[0][n:]
            return
        n -= ln0
        v.pop(0)


def _noHook(wrote: int) -> None:
    pass


# internal/poll/fd.go: TestHookDidWritev, called after each writev.
TestHookDidWritev: Callable[[int], None] = _noHook


def errnoErr(e: Errno) -> Errno | None:
    """internal/poll/errno_unix.go: errnoErr. 0 is no error."""
    return e if e else None


__all__ = [
    "DeadlineExceededError",
    "ErrDeadlineExceeded",
    "ErrFileClosing",
    "ErrNetClosing",
    "ErrNoDeadline",
    "ErrNotPollable",
    "errClosing",
    "errNetClosing",
]
