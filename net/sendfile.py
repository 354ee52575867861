"""net/sendfile.go (go1.27.0): TCPConn.ReadFrom from a file through sendfile(2).

``sendFile`` is ``TCPConn.readFrom``'s second try, after splice: when the
source is a ``syscall.Conn`` (anything with ``SyscallConn()``: an
``os.File``, the File-without-WriteTo wrapper os passes around, even a
socket), possibly inside an ``io.LimitedReader``, the descriptor is taken
inside the source's ``RawConn.Read`` (so it cannot be closed meanwhile) and
handed to internal/poll's ``SendFile`` (rt/poll/sendfile_unix.py), which
copies from its current position straight into the socket.

Whether it worked is the kernel's call: a source sendfile(2) cannot read
(a datagram socket, a tty, a pipe on older kernels) gives EINVAL on the
first call, ``handled`` is False with nothing read, and the caller falls
back to io.Copy. A LimitedReader is honoured and its N lowered; N <= 0 is
handled at once with nothing copied.

``testHookSupportsSendfile`` is declared here as in Go; only the Windows
``supportsSendfile`` reads it (net/sendfile_nonwindows.py has the Linux
one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from net.error_posix import wrapSyscallError
from net.sendfile_nonwindows import supportsSendfile
from rt.poll import sendfile_unix as poll
from std import io

if TYPE_CHECKING:
    from net.fd_unix import netFD

testHookSupportsSendfile: Callable[[], bool] | None = None


def sendFile(c: netFD, r: Any) -> tuple[int, Any, bool]:
    """net/sendfile.go: sendFile. Copy the syscall.Conn r into c with sendfile(2).

    Returns ``(written, err, handled)``. handled True: written bytes were
    copied (maybe 0) and err is any non-EOF error, wrapped as a "sendfile"
    SyscallError. handled False: nothing was done.
    """
    if not supportsSendfile():
        return 0, None, False
    remain = 0  # 0 writes the entire file
    lr: io.LimitedReader | None = None
    if isinstance(r, io.LimitedReader):
        lr = r
        remain, r = lr.N, lr.R
        if remain <= 0:
            return 0, None, True
    # r might be an os.File or an os.fileWithoutWriteTo: ask for the
    # interface (syscall.Conn), not the type.
    syscallConn = getattr(r, "SyscallConn", None)
    if syscallConn is None:
        return 0, None, False

    sc, err = syscallConn()
    if err is not None:
        return 0, None, False

    written = 0
    werr: Any = None
    handled = False

    def f(fd: int) -> bool:
        nonlocal written, werr, handled
        written, werr, handled = poll.SendFile(c.pfd, fd, remain)
        return True

    err = sc.Read(f)
    if err is None:
        err = werr

    if lr is not None:
        lr.N = remain - written

    return written, wrapSyscallError("sendfile", err), handled
