"""net/file_unix.go (go1.27.0): duplicating a File's socket for net.

``dupFileSocket`` takes a close-on-exec duplicate of the File's descriptor
and makes it non-blocking, so the netpoller can own it. The File keeps its
own descriptor, but O_NONBLOCK belongs to the open file description the
two share, so the File's descriptor is non-blocking afterwards too, as in
Go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, cast

from rt import sys_linux
from rt.poll import hook_unix
from rt.poll.fd_unix import DupCloseOnExec
from rt.sys_linux import F_GETFL, F_SETFL, O_NONBLOCK, SO_TYPE

if TYPE_CHECKING:
    from std.errors import error
    from std.os.file import File

_SO_TYPE: Final = SO_TYPE


def dupFileSocket(f: File) -> tuple[int, Any]:
    """net/file_unix.go: dupFileSocket. A non-blocking close-on-exec dup of f's descriptor."""
    from std import os

    s, call, err = DupCloseOnExec(f.Fd())
    if err is not None:
        return -1, os.NewSyscallError(call, cast("error", err)) if call else err
    flags, errno = sys_linux.fcntl(s, F_GETFL, 0)
    if not errno:
        _, errno = sys_linux.fcntl(s, F_SETFL, flags | O_NONBLOCK)
    if errno:
        hook_unix.CloseFunc(s)
        return -1, os.NewSyscallError("setnonblock", errno)
    return s, None
