"""internal/poll/sendfile.go + sendfile_unix.go (go1.27.0): file-to-socket with sendfile(2).

``SendFile`` copies from a file descriptor straight into a socket (or any
FD): the kernel reads the source's pages and queues them on the
destination, with no user-space buffer. On Linux the copy starts at the
source's current position and advances it, exactly as reads would, so a
caller can mix Read, Seek and SendFile on one file.

The loop runs under the destination's write lock, after ``prepareWrite``
(so an expired write deadline stops it before any byte moves). Each call
asks for at most ``1<<31 - 1`` bytes (or what is left of ``size``); a call
that moves 0 bytes means the source is at its end. EAGAIN waits for the
destination to be writable; EINTR retries.

``handled`` tells the caller whether to fall back to a copy. ENOSYS,
EOPNOTSUPP (= ENOTSUP on Linux) and EINVAL mean "this pair of descriptors
cannot be sendfile'd" (a socket or a pipe as source on older kernels, a tty,
a datagram socket as destination): handled only if some bytes already went,
since the source position has then moved. Any other error is the transfer's
own and is returned with ``handled=True``.

``TestHookDidSendFile`` (sendfile.go) is called once per ``sendFile`` with
its results, so tests can prove the zero-copy path ran; callers must look
it up through this module at call time. The source descriptor is an ``int``
(Go's ``uintptr`` since go1.25, when net began passing any syscall.Conn's
descriptor).

Left out: the non-Linux half of ``SendFile`` (looking up and restoring the
position with Seek, for BSD-style sendfile that takes an offset) and the
Solaris and BSD cases of ``sendFileChunk``; this port is Linux only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rt import sys_linux
from rt.sys_linux import EAGAIN, EINTR, EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP, Errno

if TYPE_CHECKING:
    from rt.poll.fd_unix import FD

error = Exception | Errno


def _noHook(dstFD: Any, src: int, written: int, err: error | None, handled: bool) -> None:
    pass


# internal/poll/sendfile.go: TestHookDidSendFile, called when sendFile returns.
TestHookDidSendFile: Callable[[Any, int, int, error | None, bool], None] = _noHook


def SendFile(dstFD: FD, src: int, size: int) -> tuple[int, error | None, bool]:
    """internal/poll/sendfile_unix.go: SendFile. Copy file src into dstFD with sendfile(2).

    Returns ``(n, err, handled)`` (Go's order). Copies from src's current
    position, which it advances; ``size`` 0 means to the end of src,
    otherwise at most size bytes. ``handled`` False means nothing was
    copied and src's position is unchanged: copy the ordinary way.
    """
    # Linux's sendfile doesn't require any setup: it sends from the current
    # position of the source file and updates it after sending.
    return sendFile(dstFD, src, None, size)


def sendFile(dstFD: FD, src: int, offset: int | None,
             size: int) -> tuple[int, error | None, bool]:
    """internal/poll/sendfile_unix.go: sendFile. The loop; calls TestHookDidSendFile on return.

    ``offset`` is always None on Linux (the source's own position).
    """
    written, err, handled = _sendFile(dstFD, src, offset, size)
    # Go's deferred call sees the named results as returned.
    TestHookDidSendFile(dstFD, src, written, err, handled)
    return written, err, handled


def _sendFile(dstFD: FD, src: int, offset: int | None,
              size: int) -> tuple[int, error | None, bool]:
    # sendFile's body, without the deferred hook.
    err0 = dstFD.writeLock()
    if err0 is not None:
        return 0, err0, False
    try:
        err1 = dstFD.pd.prepareWrite(dstFD.isFile)
        if err1 is not None:
            return 0, err1, False

        dst = dstFD.Sysfd
        written = 0
        while True:
            # Some platforms support passing 0 to read to the end of the
            # source, but all platforms support just writing a large value.
            # Limit the maximum size to fit in an int32, to avoid any
            # possible overflow.
            chunk = (1 << 31) - 1
            if size > 0:
                chunk = min(size - written, chunk)
            n, errno = sendFileChunk(dst, src, offset, chunk, written)
            if n > 0:
                written += n
            if not errno:
                # Done if sendfile copied no bytes (the end of the source)
                # or if a size limit was given and reached; with no limit,
                # some bytes copied means try again for more.
                if n == 0 or (size > 0 and written >= size):
                    return written, None, True
            elif errno == EAGAIN:
                # *BSD and Darwin can return EAGAIN with n > 0, so check
                # whether the write has completed; harmless on Linux.
                if size > 0 and written >= size:
                    return written, None, True
                werr = dstFD.pd.waitWrite(dstFD.isFile)
                if werr is not None:
                    return written, werr, True
            elif errno == EINTR:
                pass  # Retry.
            elif errno in (ENOSYS, EOPNOTSUPP, EINVAL) or errno == ENOTSUP:
                # ENOSYS: no kernel support for sendfile. EINVAL: an FD type
                # that does not support sendfile. EOPNOTSUPP can come from
                # NFS (Go issue 40731); ENOTSUP is the same number on Linux.
                return written, errno, written > 0
            else:
                # Not a retryable error.
                return written, errno, True
    finally:
        dstFD.writeUnlock()


def sendFileChunk(dst: int, src: int, offset: int | None, size: int,
                  written: int) -> tuple[int, Errno]:
    """internal/poll/sendfile_unix.go: sendFileChunk. One sendfile(2) (Linux: offset None).

    Returns ``(n, errno)``; n is -1 on failure, as from syscall.Sendfile.
    ``written`` is used only by the Solaris case, which is not ported.
    """
    return sys_linux.sendfile(dst, src, offset, size)
