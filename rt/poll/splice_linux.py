"""internal/poll/splice_linux.go (go1.27.0): zero-copy socket-to-socket transfers.

``Splice`` moves bytes from one stream socket to another without bringing
them into user space. splice(2) needs a pipe on one side of every call, so
each transfer borrows a pipe and alternates two steps until ``remain``
bytes have moved or the source is at EOF:

* ``spliceDrain``: source socket -> pipe, under the source's read lock.
  The pipe is empty on entry (the invariant both steps keep), so an EAGAIN
  can only mean the socket has nothing to read: wait for it in the poller.
* ``splicePump``: pipe -> destination socket, under the destination's
  write lock, until everything the drain put in the pipe is out. An EAGAIN
  here can only mean the socket's send buffer is full: wait for writability.

Both calls pass SPLICE_F_NONBLOCK (``spliceNonblock``), which makes the
pipe side non-blocking; the socket side already is. Each step moves at most
``maxSpliceSize`` (1 MiB, Linux's default largest pipe), and ``newPipe``
asks the kernel for a pipe that big, so one drain/pump pair moves up to
1 MiB with two system calls.

The first drain decides whether the kernel can splice this source at all:
EINVAL there (and only there) returns ``handled=False`` with nothing
consumed, and the caller falls back to an ordinary copy. Any other error,
even on the first call, means the transfer was attempted: ``handled=True``.

Pipes are pooled (``splicePipePool``, Go's sync.Pool): creating one costs a
pipe2 and an fcntl, closing it two closes, and a proxy splices many times
per connection. A pipe goes back to the pool only when it is empty; one that
still holds bytes (the destination failed mid-pump) is destroyed, since the
next user would otherwise send someone else's data. Since go1.25 a pooled
pipe carries a cleanup (``runtime.AddCleanup``) over a *copy* of its two
fds, which closes them once the pool drops the pipe, and ``putPipe`` stops
that cleanup before destroying a pipe by hand. Here the cleanup is a
``weakref.finalize`` over the copied fields and ``Stop`` is ``detach``.

Discussion: Go's sync.Pool drops its contents at garbage collections,
which a busy server runs often, so a burst of splices does not leave its
pipes held for long. This pool has no such moment. It keeps at most
``maxIdlePipes`` pipes (a pipe put back beyond that is destroyed at once:
after 4,000 concurrent proxied connections the process holds 32 pipe fds,
not 8,000), and it is emptied when the ``rt.run`` that filled it ends
(``_teardown``, a runtime teardown hook, like Go's process exit): the
pooled pipes' cleanups run then, and a test's fd leak check sees none of
them.

The syscall goes through the module-level ``splice`` function, looked up at
call time, so tests can count or fail individual splice(2) calls; the pipe
fds are closed through ``hook_unix.CloseFunc``, as in Go.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from rt import proc as _proc  # Python only: the pool is emptied at rt.run's teardown
from rt import sys_linux
from rt.poll import hook_unix
from rt.sys_linux import (
    EAGAIN,
    EINTR,
    EINVAL,
    F_SETPIPE_SZ,
    O_CLOEXEC,
    O_NONBLOCK,
    Errno,
)

if TYPE_CHECKING:
    from rt.poll.fd_unix import FD

error = Exception | Errno

# spliceNonblock doesn't make the splice itself necessarily nonblocking
# (because the actual file descriptors that are spliced from/to may block
# unless they have the O_NONBLOCK flag set), but it makes the splice pipe
# operations nonblocking.
spliceNonblock: Final = 0x2

# maxSpliceSize is the maximum amount of data Splice asks the kernel to move
# in a single call to splice(2): 1 MiB, the default maximum pipe buffer size
# (/proc/sys/fs/pipe-max-size).
maxSpliceSize: Final = 1 << 20


def Splice(dst: FD, src: FD, remain: int) -> tuple[int, bool, error | None]:
    """internal/poll/splice_linux.go: Splice. Move up to remain bytes from src to dst.

    Returns ``(written, handled, err)``. src and dst must be stream
    sockets (or, for dst, anything splice(2) can write to: os.File uses it
    for files). The transfer ends at ``remain`` bytes, at src's EOF, or at
    the first error. ``handled`` is False only when getting a pipe failed
    or the very first splice from src gave EINVAL (this kernel cannot
    splice that socket type); then nothing was read and the caller should
    copy the ordinary way.
    """
    p, perr = getPipe()
    if perr is not None:
        return 0, False, perr
    assert p is not None
    err: error | None = None
    written = 0
    handled = False
    try:
        while err is None and remain > 0:
            max = maxSpliceSize
            if max > remain:
                max = remain
            inPipe, err = spliceDrain(p.wfd, src, max)
            # The operation is considered handled if splice returns no
            # error, or an error other than EINVAL. An EINVAL means the
            # kernel does not support splice for the socket type of src.
            # The failed syscall does not consume any data so it is safe
            # to fall back to a generic copy.
            #
            # spliceDrain should never return EAGAIN, so if err is not
            # None, Splice cannot continue.
            #
            # If inPipe == 0 and err is None, src is at EOF, and the
            # transfer is complete.
            handled = handled or (err != EINVAL)
            if err is not None or inPipe == 0:
                break
            p.data += inPipe

            n, err = splicePump(dst, p.rfd, inPipe)
            if n > 0:
                written += n
                remain -= n
                p.data -= n
    finally:
        putPipe(p)
    if err is not None:
        return written, handled, err
    return written, True, None


def spliceDrain(pipefd: int, sock: FD, max: int) -> tuple[int, error | None]:
    """internal/poll/splice_linux.go: spliceDrain. Socket -> pipe; (0, None) is EOF.

    Invariant: when entering spliceDrain, the pipe is empty (fresh, or
    emptied by the last splicePump), so an EAGAIN means the socket is not
    ready for reading, never that the pipe is full.
    """
    err = sock.readLock()
    if err is not None:
        return 0, err
    try:
        err = sock.pd.prepareRead(sock.isFile)
        if err is not None:
            return 0, err
        while True:
            # SPLICE_F_NONBLOCK could in theory return EAGAIN forever when
            # the pipe is full; the invariant above rules that out.
            n, errno = splice(pipefd, sock.Sysfd, max, spliceNonblock)
            if errno == EINTR:
                continue
            if errno != EAGAIN:
                return n, (errno if errno else None)
            if sock.pd.pollable():
                err = sock.pd.waitRead(sock.isFile)
                if err is not None:
                    return n, err
    finally:
        sock.readUnlock()


def splicePump(sock: FD, pipefd: int, inPipe: int) -> tuple[int, error | None]:
    """internal/poll/splice_linux.go: splicePump. Pipe -> socket, all inPipe bytes.

    Invariant: the pipe holds exactly inPipe bytes from the last
    spliceDrain, so an EAGAIN means the socket cannot take more yet. Loops
    until the pipe is empty, like the Write step of a copy.
    """
    err = sock.writeLock()
    if err is not None:
        return 0, err
    try:
        err = sock.pd.prepareWrite(sock.isFile)
        if err is not None:
            return 0, err
        written = 0
        while inPipe > 0:
            # As in spliceDrain: the pipe holds inPipe bytes, so EAGAIN
            # cannot come from an empty pipe.
            n, errno = splice(sock.Sysfd, pipefd, inPipe, spliceNonblock)
            if errno == EINTR:
                continue
            # n == 0 with no error should never be observed, since Splice
            # controls the write side of the pipe.
            if n > 0:
                inPipe -= n
                written += n
                continue
            if errno != EAGAIN:
                return written, (errno if errno else None)
            if sock.pd.pollable():
                err = sock.pd.waitWrite(sock.isFile)
                if err is not None:
                    return written, err
        return written, None
    finally:
        sock.writeUnlock()


def splice(out: int, in_: int, max: int, flags: int) -> tuple[int, Errno]:
    """internal/poll/splice_linux.go: splice. splice(2) from in_ to out, no offsets.

    Only sockets and pipes are spliced here, so the offsets are always the
    fds' own (None). ``in_`` is Go's ``in`` (a Python keyword). Returns
    ``(n, errno)``; n is -1 on failure, as from Go's syscall.Splice.
    """
    return sys_linux.splice(in_, None, out, None, max, flags)


class splicePipeFields:
    """internal/poll/splice_linux.go: splicePipeFields. The pipe's ends and fill level.

    ``data`` is the number of bytes in the pipe; only the goroutine that got
    the pipe from the pool touches any field.
    """

    __slots__ = ("rfd", "wfd", "data")

    def __init__(self, rfd: int, wfd: int, data: int = 0) -> None:
        self.rfd = rfd
        self.wfd = wfd
        self.data = data


class splicePipe(splicePipeFields):
    """internal/poll/splice_linux.go: splicePipe. A pooled pipe and its cleanup.

    ``cleanup`` is set once by newPoolPipe: a weakref.finalize closing a
    copy of the fds when the pipe is dropped (Go's runtime.Cleanup).
    """

    __slots__ = ("cleanup", "__weakref__")

    def __init__(self, rfd: int, wfd: int) -> None:
        super().__init__(rfd, wfd)
        self.cleanup: weakref.finalize[[splicePipeFields], splicePipe] | None = None


class _syncPool:
    """sync.Pool, as far as splicePipePool uses it: Get (New on empty) and Put.

    Python only: rt cannot import std.sync, and this pool is emptied at
    rt.run's end rather than at garbage collections (module doc). LIFO, as
    a P's private slot and shared chain hand back the last pipe put.
    """

    __slots__ = ("New", "items")

    def __init__(self, New: Callable[[], splicePipe | None]) -> None:
        self.New = New
        self.items: list[splicePipe] = []

    def Get(self) -> splicePipe | None:
        """sync.Pool.Get: a pooled pipe, else New()."""
        if self.items:
            return self.items.pop()
        return self.New()

    def Put(self, x: splicePipe) -> None:
        """sync.Pool.Put; beyond ``maxIdlePipes`` the pipe is dropped, as a collection would."""
        if len(self.items) >= maxIdlePipes:
            if x.cleanup is not None:
                x.cleanup()  # closes the fds now, and only once
            return
        self.items.append(x)


# How many idle pipes the pool keeps (module doc): a little over what one
# splice-heavy goroutine per connection needs between two connections.
maxIdlePipes: Final = 16


def newPoolPipe() -> splicePipe | None:
    """internal/poll/splice_linux.go: newPoolPipe. A new pipe with its fd-closing cleanup.

    A failure to create the pipe is discarded: the caller falls back to
    read and write.
    """
    p = newPipe()
    if p is None:
        return None
    # The cleanup gets a copy of the fields, never the pipe (which would
    # keep it alive).
    p.cleanup = weakref.finalize(p, _cleanupPipe, splicePipeFields(p.rfd, p.wfd, p.data))
    return p


def _cleanupPipe(spf: splicePipeFields) -> None:
    """newPoolPipe's cleanup function: ``destroyPipe(&splicePipe{splicePipeFields: spf})``."""
    destroyPipe(spf)


# splicePipePool caches pipes to avoid high-frequency construction and
# destruction of pipe buffers.
splicePipePool: Final = _syncPool(New=newPoolPipe)


def getPipe() -> tuple[splicePipe | None, Errno | None]:
    """internal/poll/splice_linux.go: getPipe. A pooled pipe or a new one; EINVAL if none."""
    v = splicePipePool.Get()
    if v is None:
        return None, EINVAL
    return v, None


def putPipe(p: splicePipe) -> None:
    """internal/poll/splice_linux.go: putPipe. Back to the pool, or destroyed if not empty."""
    # If there is still data left in the pipe, then close and discard it
    # instead of putting it back into the pool.
    if p.data != 0:
        if p.cleanup is not None:
            p.cleanup.detach()  # cleanup.Stop()
        destroyPipe(p)
        return
    splicePipePool.Put(p)


def newPipe() -> splicePipe | None:
    """internal/poll/splice_linux.go: newPipe. pipe2(O_CLOEXEC|O_NONBLOCK), 1 MiB if allowed.

    None if pipe2 fails (EMFILE, say). The F_SETPIPE_SZ error is ignored:
    a smaller pipe works, with more system calls (an unprivileged user past
    /proc/sys/fs/pipe-user-pages-soft gets the default 64 KiB).
    """
    (rfd, wfd), errno = sys_linux.pipe2(O_CLOEXEC | O_NONBLOCK)
    if errno:
        return None
    # Splice will loop writing maxSpliceSize bytes from the source to the
    # pipe, and then write those bytes from the pipe to the destination.
    sys_linux.fcntl(rfd, F_SETPIPE_SZ, maxSpliceSize)
    return splicePipe(rfd, wfd)


def destroyPipe(p: splicePipeFields) -> None:
    """internal/poll/splice_linux.go: destroyPipe. Close both ends through CloseFunc."""
    hook_unix.CloseFunc(p.rfd)
    hook_unix.CloseFunc(p.wfd)


def _teardown() -> None:
    """rt.run's end: empty the pool and run the pooled pipes' cleanups (module doc)."""
    items, splicePipePool.items = splicePipePool.items, []
    for p in items:
        if p.cleanup is not None:
            p.cleanup()  # runs once; a finalize called again does nothing


_proc._teardownHooks.append(_teardown)
