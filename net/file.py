"""net/file.go (go1.27.0): connections and listeners from open files.

``FileConn``, ``FileListener`` and ``FilePacketConn`` adopt a socket that
is already open as an ``std.os.File``: one inherited from a parent
process, passed over a Unix socket with SCM_RIGHTS, or made by other
Python code (``os.NewFile(sock.fileno(), "name")``). The net value gets
its own duplicate of the descriptor (file_unix.py's ``dupFileSocket``), so
closing the File and closing the conn are independent, as in Go; the File
is not consumed. Which type comes back follows the socket: its address
family and type, read from the kernel (file_posix.py's ``newFileFD``). A
descriptor that is not a socket, or a socket of a kind this package has
no type for, gives an error wrapped as ``OpError{Op: "file", Net:
"file+net", Addr: fileAddr(f.Name())}``, e.g. "file file+net x:
getsockopt: socket operation on non-socket".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from net.net import Conn, Listener, OpError, PacketConn
from std.errors import error

if TYPE_CHECKING:
    from std.os.file import File

__all__ = ["FileConn", "FileListener", "FilePacketConn"]


class fileAddr(str):
    """net/file.go: fileAddr. The name of the File, as the Addr of a "file" OpError."""

    __slots__ = ()

    def Network(self) -> str:
        """net/file.go: fileAddr.Network. "file+net"."""
        return "file+net"

    def String(self) -> str:
        """net/file.go: fileAddr.String. The file's name."""
        return str.__str__(self)


def _needFile(who: str, f: object) -> None:
    from std.os.file import File

    if not isinstance(f, File):
        raise TypeError(f"{who} needs an os.File, not {type(f).__name__} "
                        "(wrap a descriptor with std.os.NewFile(fd, name))")


def FileConn(f: File) -> tuple[Conn | None, error | None]:
    """net/file.go: FileConn. A Conn on a duplicate of f's socket; f stays open."""
    from net.file_posix import fileConn

    _needFile("net.FileConn", f)
    c, err = fileConn(f)
    if err is not None:
        return None, OpError(Op="file", Net="file+net", Source=None, Addr=fileAddr(f.Name()),
                             Err=err)
    return c, None


def FileListener(f: File) -> tuple[Listener | None, error | None]:
    """net/file.go: FileListener. A Listener on a duplicate of f's listening socket."""
    from net.file_posix import fileListener

    _needFile("net.FileListener", f)
    ln, err = fileListener(f)
    if err is not None:
        return None, OpError(Op="file", Net="file+net", Source=None, Addr=fileAddr(f.Name()),
                             Err=err)
    return ln, None


def FilePacketConn(f: File) -> tuple[PacketConn | None, error | None]:
    """net/file.go: FilePacketConn. A PacketConn on a duplicate of f's datagram socket."""
    from net.file_posix import filePacketConn

    _needFile("net.FilePacketConn", f)
    c, err = filePacketConn(f)
    if err is not None:
        return None, OpError(Op="file", Net="file+net", Source=None, Addr=fileAddr(f.Name()),
                             Err=err)
    return c, None
