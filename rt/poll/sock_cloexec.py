"""internal/poll/sock_cloexec.go (go1.27.0): accept with SOCK_NONBLOCK|SOCK_CLOEXEC in one call.

The accepted socket is non-blocking and close-on-exec from birth, so no
fcntl follows and no fork can inherit it in between.
"""

from __future__ import annotations

from rt.poll import hook_unix
from rt.sys_linux import SOCK_CLOEXEC, SOCK_NONBLOCK, Errno, SockaddrTuple


def accept(s: int) -> tuple[int, SockaddrTuple | None, str, Errno]:
    """internal/poll/sock_cloexec.go: accept. Returns (fd, sa, failing call, errno)."""
    ns, sa, errno = hook_unix.Accept4Func(s, SOCK_NONBLOCK | SOCK_CLOEXEC)
    if errno:
        return -1, None, "accept4", errno
    return ns, sa, "", errno
