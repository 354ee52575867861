"""os/rawconn.go (go1.27.0): syscall.RawConn over a File.

``Control(f)`` runs ``f(fd)`` while the descriptor cannot be closed;
``Read(f)`` and ``Write(f)`` run ``f(fd)`` under the File's read or write
lock until it returns True, waiting for readiness in between when the File
is pollable (a non-pollable File gets one call: f must then do its own
blocking). This is how net's sendFile takes a File's descriptor for
sendfile(2) without racing a Close.

Unlike net's rawConn, this one has no ``PollFD``/``Network``: os's
zero-copy code (std/os/zero_copy_linux.py) uses those to recognise a
*network* descriptor, and a File is not one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from std.os.file import File


class rawConn:
    """os/rawconn.go: rawConn. Implements syscall.RawConn."""

    __slots__ = ("file",)

    def __init__(self, file: File) -> None:
        self.file = file

    def Control(self, f: Callable[[int], None]) -> Any:
        """os/rawconn.go: rawConn.Control. f(fd) while the File cannot close."""
        err = self.file.checkValid("SyscallConn.Control")
        if err is not None:
            return err
        return self.file.pfd.RawControl(f)

    def Read(self, f: Callable[[int], bool]) -> Any:
        """os/rawconn.go: rawConn.Read. f(fd) under the read lock until it returns True."""
        err = self.file.checkValid("SyscallConn.Read")
        if err is not None:
            return err
        return self.file.pfd.RawRead(f)

    def Write(self, f: Callable[[int], bool]) -> Any:
        """os/rawconn.go: rawConn.Write. f(fd) under the write lock until it returns True."""
        err = self.file.checkValid("SyscallConn.Write")
        if err is not None:
            return err
        return self.file.pfd.RawWrite(f)


def newRawConn(file: File) -> tuple[rawConn, Any]:
    """os/rawconn.go: newRawConn."""
    return rawConn(file), None
