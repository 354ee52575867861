"""internal/poll (go1.27.0): the FD type that parks goroutines in the netpoller.

Module map: fd.py (the package's errors), fd_mutex.py (the FD's lock and
reference count), fd_poll_runtime.py (the bridge to rt/netpoll.py),
fd_unix.py (FD and its I/O loops), fd_posix.py, hook_unix.py (swappable
syscalls for fault injection), sock_cloexec.py, sockopt.py, writev.py.
"""

from rt.poll.fd import (
    DeadlineExceededError,
    ErrDeadlineExceeded,
    ErrFileClosing,
    ErrNetClosing,
    ErrNoDeadline,
    ErrNotPollable,
)

__all__ = [
    "DeadlineExceededError",
    "ErrDeadlineExceeded",
    "ErrFileClosing",
    "ErrNetClosing",
    "ErrNoDeadline",
    "ErrNotPollable",
]
