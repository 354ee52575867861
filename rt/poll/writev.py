"""internal/poll/writev.go + fd_writev_unix.go + iovec_unix.go (go1.27.0): gathered writes.

``Writev`` sends a list of buffers with as few syscalls as possible: up to
``maxVec`` (IOV_MAX, 1024) buffers per ``writev(2)``, a stream chunk capped
at 1 GiB, and the list consumed from the front as bytes go out, so on
return it holds exactly what was not written.
"""

from __future__ import annotations

from typing import Final

from rt import sys_linux
from rt.poll import fd as fdmod
from rt.poll.fd import consume
from rt.sys_linux import EAGAIN, EINTR, Errno

maxVec: Final = 1024
maxRW: Final = 1 << 30


class writevMethods:
    """internal/poll/writev.go: FD.Writev (FD inherits it)."""

    __slots__ = ()

    Sysfd: int
    IsStream: bool
    isFile: bool

    def writeLock(self) -> Exception | None:
        raise NotImplementedError

    def writeUnlock(self) -> None:
        raise NotImplementedError

    def Writev(self, v: list[memoryview]) -> tuple[int, Exception | Errno | None]:
        """internal/poll/writev.go: FD.Writev. ``v`` is consumed in place."""
        from std import io

        err0 = self.writeLock()
        if err0 is not None:
            return 0, err0
        try:
            pd = self.pd  # type: ignore[attr-defined]
            err = pd.prepareWrite(self.isFile)
            if err is not None:
                return 0, err
            n = 0
            while v:
                iovecs: list[memoryview] = []
                for chunk in v:
                    if len(chunk) == 0:
                        continue
                    if self.IsStream and len(chunk) > maxRW:
                        iovecs.append(chunk[:maxRW])
                        break
                    iovecs.append(chunk)
                    if len(iovecs) == maxVec:
                        break
                if not iovecs:
                    break
                wrote, errno = sys_linux.writev(self.Sysfd, iovecs)
                if wrote < 0:
                    wrote = 0
                fdmod.TestHookDidWritev(wrote)
                n += wrote
                consume(v, wrote)
                if errno == EINTR:
                    continue
                if errno == EAGAIN:
                    err = pd.waitWrite(self.isFile)
                    if err is None:
                        continue
                    return n, err
                if errno:
                    return n, errno
                if n == 0:
                    return n, io.ErrUnexpectedEOF
            return n, None
        finally:
            self.writeUnlock()
