"""net/error_posix.go + error_unix.go (go1.27.0): wrapping bare errnos.

``wrapSyscallError`` is the one place a bare ``syscall.Errno`` from a
socket call gets the call's name (``os.SyscallError``, "read: connection
reset by peer"). The poll package's sentinels (ErrNetClosing,
ErrDeadlineExceeded) and io.EOF are not Errnos and pass through unchanged;
the public method then wraps the result in an ``OpError``.
"""

from __future__ import annotations

from typing import Any

from rt.sys_linux import ECONNABORTED, ECONNRESET, Errno


def wrapSyscallError(name: str, err: Any) -> Any:
    """net/error_posix.go: wrapSyscallError."""
    if isinstance(err, Errno):
        from std import os

        return os.NewSyscallError(name, err)
    return err


def isConnError(err: Any) -> bool:
    """net/error_unix.go: isConnError. ECONNRESET or ECONNABORTED."""
    return isinstance(err, Errno) and err in (ECONNRESET, ECONNABORTED)
