"""net/rawconn.go (go1.27.0): syscall.RawConn over a netFD.

``Control(f)`` runs ``f(fd)`` while the descriptor cannot be closed;
``Read(f)``/``Write(f)`` run ``f(fd)`` under the read/write lock until it
returns True, waiting for readiness in between (how Dialer.Control and
users' own non-blocking syscalls reach the socket).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rt.sys_linux import EINVAL
from std.errors import error

if TYPE_CHECKING:
    from net.fd_unix import netFD


class rawConn:
    """net/rawconn.go: rawConn."""

    __slots__ = ("fd",)

    def __init__(self, fd: netFD | None) -> None:
        self.fd = fd

    def ok(self) -> bool:
        """net/rawconn.go: rawConn.ok."""
        return self.fd is not None

    def _wrap(self, op: str, err: Any) -> error | None:
        # Go names only the local address for raw-control, both ends (like
        # conn.Read and conn.Write) for raw-read and raw-write.
        if err is None:
            return None
        from net.net import OpError

        assert self.fd is not None
        if op == "raw-control":
            return OpError(Op=op, Net=self.fd.net, Source=None, Addr=self.fd.laddr, Err=err)
        return OpError(Op=op, Net=self.fd.net, Source=self.fd.laddr, Addr=self.fd.raddr,
                       Err=err)

    def Control(self, f: Callable[[int], None]) -> error | None:
        """net/rawconn.go: rawConn.Control."""
        if not self.ok():
            return EINVAL
        assert self.fd is not None
        return self._wrap("raw-control", self.fd.pfd.RawControl(f))

    def Read(self, f: Callable[[int], bool]) -> error | None:
        """net/rawconn.go: rawConn.Read."""
        if not self.ok():
            return EINVAL
        assert self.fd is not None
        return self._wrap("raw-read", self.fd.pfd.RawRead(f))

    def Write(self, f: Callable[[int], bool]) -> error | None:
        """net/rawconn.go: rawConn.Write."""
        if not self.ok():
            return EINVAL
        assert self.fd is not None
        return self._wrap("raw-write", self.fd.pfd.RawWrite(f))

    def PollFD(self) -> Any:
        """net/rawconn.go: rawConn.PollFD. The poll.FD (for internal/poll users)."""
        return self.fd.pfd if self.fd is not None else None

    def Network(self) -> str:
        """net/rawconn.go: rawConn.Network."""
        return self.fd.net if self.fd is not None else ""


def newRawConn(fd: netFD) -> rawConn:
    """net/rawconn.go: newRawConn."""
    return rawConn(fd)


class rawListener(rawConn):
    """net/rawconn.go: rawListener. Read and Write are not for listeners: EINVAL."""

    def Read(self, f: Callable[[int], bool]) -> error | None:
        """net/rawconn.go: rawListener.Read."""
        return EINVAL

    def Write(self, f: Callable[[int], bool]) -> error | None:
        """net/rawconn.go: rawListener.Write."""
        return EINVAL


def newRawListener(fd: netFD) -> rawListener:
    """net/rawconn.go: newRawListener."""
    return rawListener(fd)
