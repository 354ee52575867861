"""os/zero_copy_linux.go + zero_copy_posix.go (go1.27.0): File.ReadFrom and WriteTo in the kernel.

``File.WriteTo(w)`` (what io.Copy(w, f) calls) sends the file into a TCP or
stream Unix connection with sendfile(2), from the file's position, which
it advances. ``File.ReadFrom(r)`` (what io.Copy(f, r) calls when r has no
WriteTo) splices a stream socket into the file through a pipe
(internal/poll's Splice), honouring an ``io.LimitedReader`` around it.
When neither fits, the callers in std/os/file.py copy through a buffer.

A network descriptor is recognised the way Go does it: ``SyscallConn()``
returns a RawConn that also has ``PollFD()`` and ``Network()`` (net's
rawConn does; os's does not), which hands over the connection's poll.FD
itself, so the splice and sendfile loops can take its locks and wait in
the poller.

``pollSplice`` is a module variable looked up at each call (Go's, for its
tests), separate from net's of the same name.

Left out: ``File.copyFileRange`` and ``poll.CopyFileRange``
(copy_file_range(2) for file-to-file copies; internal/poll's
copy_file_range_linux.go is not ported): ``File_readFrom`` goes straight
to ``spliceToFile``, which declines a File source, so file-to-file copies
take the buffered path. Same bytes, more system calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rt.poll import sendfile_unix as _sendfile
from rt.poll import splice_linux as _splice
from rt.poll.fd_unix import FD
from rt.sys_linux import Errno
from std import io
from std.os import NewSyscallError

if TYPE_CHECKING:
    from std.os.file import File

error = Exception | Errno

# os/zero_copy_linux.go: pollSplice = poll.Splice (pollCopyFileRange: not ported).
pollSplice: Callable[[FD, FD, int], tuple[int, bool, error | None]] = _splice.Splice


def File_writeTo(f: File, w: Any) -> tuple[int, bool, Any]:
    """os/zero_copy_linux.go: File.writeTo. sendfile(2) f into a TCP or unix stream w.

    Returns ``(written, handled, err)``; handled False when w is not such
    a connection or sendfile cannot read f (then nothing was copied).
    """
    pfd, network = getPollFDAndNetwork(w)
    if pfd is None or not pfd.IsStream or not isUnixOrTCP(network):
        return 0, False, None

    sc, err0 = f.SyscallConn()
    if err0 is not None or sc is None:
        return 0, False, None

    written = 0
    handled = False
    err: Any = None

    def send(fd: int) -> bool:
        nonlocal written, err, handled
        written, err, handled = _sendfile.SendFile(pfd, fd, 0)
        return True

    rerr = sc.Read(send)
    if err is None:
        err = rerr
    return written, handled, wrapSyscallError("sendfile", err)


def File_readFrom(f: File, r: Any) -> tuple[int, bool, Any]:
    """os/zero_copy_linux.go: File.readFrom. Splice a stream socket r into f.

    Neither copy_file_range(2) nor splice(2) writes to a file opened with
    O_APPEND, so such a file is not tried.
    """
    if f.appendMode:
        return 0, False, None
    # (copyFileRange first in Go; not ported, see the module doc.)
    return File_spliceToFile(f, r)


def File_spliceToFile(f: File, r: Any) -> tuple[int, bool, Any]:
    """os/zero_copy_linux.go: File.spliceToFile. poll.Splice from a stream socket into f.

    Only stream descriptors are tried: splice(2) from a datagram socket
    moves one datagram a call, if the kernel allows it at all.
    """
    lr, r, remain = tryLimitedReader(r)
    if remain <= 0:
        return 0, True, None

    pfd, _ = getPollFDAndNetwork(r)
    if pfd is None or not pfd.IsStream:
        return 0, False, None

    written, handled, err = pollSplice(f.pfd, pfd, remain)

    if lr is not None:
        lr.N = remain - written

    return written, handled, wrapSyscallError("splice", err)


def getPollFDAndNetwork(i: Any) -> tuple[FD | None, str]:
    """os/zero_copy_linux.go: getPollFDAndNetwork. The poll.FD and network of a net conn.

    i must be a syscall.Conn whose RawConn has ``PollFD()`` and
    ``Network()`` (net's rawConn); anything else gives (None, "").
    """
    syscallConn = getattr(i, "SyscallConn", None)
    if syscallConn is None:
        return None, ""
    rc, err = syscallConn()
    if err is not None:
        return None, ""
    pollFD = getattr(rc, "PollFD", None)
    network = getattr(rc, "Network", None)
    if pollFD is None or network is None:
        return None, ""
    return pollFD(), network()


def isUnixOrTCP(network: str) -> bool:
    """os/zero_copy_linux.go: isUnixOrTCP."""
    return network in ("tcp", "tcp4", "tcp6", "unix")


def wrapSyscallError(name: str, err: Any) -> Any:
    """os/zero_copy_posix.go: wrapSyscallError. An Errno becomes a SyscallError named name."""
    if isinstance(err, Errno):
        err = NewSyscallError(name, err)
    return err


def tryLimitedReader(r: Any) -> tuple[io.LimitedReader | None, Any, int]:
    """os/zero_copy_posix.go: tryLimitedReader. (lr, lr.R, lr.N), or (None, r, 1<<63-1)."""
    remain = (1 << 63) - 1  # by default, copy until EOF
    if not isinstance(r, io.LimitedReader):
        return None, r, remain
    return r, r.R, r.N
