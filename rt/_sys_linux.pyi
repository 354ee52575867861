"""Types of rt/_sys_linux.c, the C half of rt/sys_linux.py (same signatures as the twins)."""

import ctypes

from _typeshed import ReadableBuffer, WriteableBuffer

from rt.sys_linux import EpollEvent, Errno

SIZEOF_EPOLL_EVENT: int

def init(errno_cache: dict[int, Errno], errno_zero: Errno, /) -> None: ...
def read(fd: int, p: WriteableBuffer, /) -> tuple[int, Errno]: ...
def write(fd: int, p: ReadableBuffer, /) -> tuple[int, Errno]: ...
def epoll_pwait(
    epfd: int, events: ctypes.Array[EpollEvent], maxev: int, waitms: int, /
) -> tuple[int, Errno]: ...
def epoll_events_unpack(events: ctypes.Array[EpollEvent], n: int, /) -> list[tuple[int, int]]: ...
