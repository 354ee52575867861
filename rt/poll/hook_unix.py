"""internal/poll/hook_unix.go + hook_cloexec.go (go1.27.0): syscalls tests can swap.

net's tests (net/internal/socktest) replace these to inject faults such as
EMFILE from accept4 or an error from close. Callers must look them up
through the module at call time (``hook_unix.CloseFunc(fd)``), never import
the names, or a test's replacement would not be seen.
"""

from __future__ import annotations

from collections.abc import Callable

from rt import sys_linux
from rt.sys_linux import Errno, SockaddrTuple


def _accept4(fd: int, flags: int) -> tuple[int, SockaddrTuple | None, Errno]:
    """syscall.Accept4: accept4(2), then decode the peer address.

    An address of an unknown family closes the new fd and reports the error,
    as Go's syscall.Accept4 does.
    """
    nfd, rsa, errno = sys_linux.accept4(fd, flags)
    if errno:
        return -1, None, errno
    sa, errno = sys_linux.anyToSockaddr(rsa)
    if errno:
        sys_linux.close(nfd)
        return -1, None, errno
    return nfd, sa, errno


# internal/poll/hook_unix.go: CloseFunc is syscall.Close.
CloseFunc: Callable[[int], Errno] = sys_linux.close

# internal/poll/hook_cloexec.go: Accept4Func is syscall.Accept4.
Accept4Func: Callable[[int, int], tuple[int, SockaddrTuple | None, Errno]] = _accept4
