"""net/splice_linux.go (go1.27.0): TCPConn.ReadFrom and WriteTo through splice(2).

``spliceFrom`` is the first thing ``TCPConn.readFrom`` tries: when the
source is another TCP connection (or a stream Unix connection), possibly
inside an ``io.LimitedReader``, the bytes go socket to socket in the kernel
(internal/poll's ``Splice``, rt/poll/splice_linux.py) and never reach
Python. ``spliceTo`` is ``TCPConn.writeTo``'s: a TCP connection copied into
a stream Unix connection. Any other pairing returns ``handled=False``
without touching either side, and the caller copies the ordinary way.

A LimitedReader is honoured as in Go: at most N bytes are spliced and N is
lowered by what was written (a limit already at 0 is "handled", nothing to
do). Unix datagram and seqpacket sockets are refused up front
(``fd.net != "unix"``), rather than by the kernel's EINVAL.

``pollSplice`` is the call into internal/poll, a module variable looked up
at each call so tests can wrap it (Go's splice_linux_test.go hook) and see
which descriptors were spliced and with what result.

Discussion: ``UnixConn`` lives in net/unixsock.py, which imports the
connection machinery this module sits under; it is imported inside the
functions, where it is needed only when the TCP cases did not match.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from net.error_posix import wrapSyscallError
from net.tcpsock import TCPConn, tcpConnWithoutWriteTo
from rt.poll import splice_linux as _poll
from rt.poll.fd_unix import FD
from rt.sys_linux import Errno
from std import io

if TYPE_CHECKING:
    from net.fd_unix import netFD

error = Exception | Errno

# net/splice_linux.go: pollSplice = poll.Splice.
pollSplice: Callable[[FD, FD, int], tuple[int, bool, error | None]] = _poll.Splice


def _unixConnType() -> Any:
    """net.UnixConn, or None while net/unixsock.py has none."""
    from net import unixsock

    return getattr(unixsock, "UnixConn", None)


def spliceFrom(c: netFD, r: Any) -> tuple[int, Any, bool]:
    """net/splice_linux.go: spliceFrom. Splice r into the TCP connection c.

    Returns ``(written, err, handled)``. r must be a TCPConn (or the
    TCPConn that genericWriteTo passes, with its WriteTo hidden) or a
    "unix" UnixConn, possibly wrapped in an io.LimitedReader; otherwise
    nothing is done and handled is False. Errors are wrapped as "splice"
    SyscallErrors.
    """
    remain = (1 << 63) - 1  # by default, copy until EOF
    lr: io.LimitedReader | None = None
    if isinstance(r, io.LimitedReader):
        lr = r
        remain, r = lr.N, lr.R
        if remain <= 0:
            return 0, None, True

    s: netFD
    if isinstance(r, TCPConn):
        s = r.fd
    elif isinstance(r, tcpConnWithoutWriteTo):
        s = r.fd
    else:
        UnixConn = _unixConnType()
        if UnixConn is None or not isinstance(r, UnixConn):
            return 0, None, False
        if r.fd.net != "unix":
            return 0, None, False
        s = r.fd

    written, handled, err = pollSplice(c.pfd, s.pfd, remain)
    if lr is not None:
        lr.N -= written
    return written, wrapSyscallError("splice", err), handled


def spliceTo(w: Any, c: netFD) -> tuple[int, Any, bool]:
    """net/splice_linux.go: spliceTo. Splice the TCP connection c into w.

    Returns ``(written, err, handled)``; only a "unix" (stream) UnixConn
    destination is spliced, until c's EOF. Anything else: handled False,
    nothing done.
    """
    UnixConn = _unixConnType()
    if UnixConn is None or not isinstance(w, UnixConn) or w.fd.net != "unix":
        return 0, None, False

    written, handled, err = pollSplice(w.fd.pfd, c.pfd, (1 << 63) - 1)
    return written, wrapSyscallError("splice", err), handled
