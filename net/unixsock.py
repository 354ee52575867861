"""net/unixsock.go + unixsock_posix.go (go1.27.0): Unix domain sockets.

Three networks, one per socket type: "unix" is a byte stream
(SOCK_STREAM, with a listener), "unixgram" carries datagrams (SOCK_DGRAM,
no listener: ``ListenUnixgram`` gives a bound UnixConn, as ListenUDP
does), and "unixpacket" carries messages over a connection
(SOCK_SEQPACKET, with a listener).

An address names a file system path, or, when it starts with "@", a name
in Linux's abstract namespace (the kernel sees a NUL byte there; no file
is created and none needs removing). A path may hold at most 107 bytes (the
kernel's sun_path, with room for the terminator); a longer one fails
with EINVAL at bind or connect ("listen unix /very/long: bind: invalid
argument").

The listener owns its socket file: ``UnixListener.Close`` removes it
(once) unless ``SetUnlinkOnClose(False)`` was called or the name is
abstract; a unixgram socket never removes its file, as in Go.

Beyond bytes a Unix socket carries control messages: ``WriteMsgUnix``
sends them with the data (build them with ``syscall.UnixRights(fds...)``
for SCM_RIGHTS and ``syscall.UnixCredentials(ucred)`` for SCM_CREDENTIALS)
and ``ReadMsgUnix`` receives them into an oob buffer (parse with
``syscall.ParseSocketControlMessage``, then ``ParseUnixRights`` or
``ParseUnixCredentials``). Received descriptors are close-on-exec
(MSG_CMSG_CLOEXEC, unixsock_readmsg_cmsg_cloexec.go). When oob is too
small the flags carry MSG_CTRUNC, and the descriptors that did not fit
were never installed by the kernel, so nothing leaks; the ones that did
fit belong to the caller. Since go1.27 ReadFromUnix, ReadFrom and
ReadMsgUnix return a bare io.EOF when the peer of a stream closed, as
Read does.

``UnixAddr`` is a dataclass with Go's fields ``Name`` and ``Net``,
compared and hashed by value, so it works as a dict key. The UnixAddr and
UnixConn methods of unixsock_posix.go (family, sockaddr, toLocal;
readFrom, readMsg, writeTo, writeMsg) are defined on the classes here, and
UnixListener's (accept, close, file, SetUnlinkOnClose) on it;
net/unixsock_posix.py has the rest of that file.
"""

from __future__ import annotations

import os as _os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Self

from net.net import (
    Addr,
    Conn,
    ErrWriteToConnected,
    OpError,
    UnknownNetworkError,
    _closedMark,
    _needArgs,
    _needBuf,
    conn,
    errMissingAddress,
)
from rt.sys_linux import (
    AF_UNIX,
    EAFNOSUPPORT,
    EINVAL,
    MSG_CMSG_CLOEXEC,
    SOCK_DGRAM,
    SOCK_SEQPACKET,
    SOCK_STREAM,
    SockaddrTuple,
)
from std import context, io, os, sync, time
from std.errors import error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

    from net.dial import Dialer
    from net.rawconn import rawConn, rawListener

__all__ = [
    "DialUnix",
    "ListenUnix",
    "ListenUnixgram",
    "ResolveUnixAddr",
    "UnixAddr",
    "UnixConn",
    "UnixListener",
]


@dataclass(repr=True)
class UnixAddr:
    """net.UnixAddr: the address of a Unix domain socket end point.

    ``net.UnixAddr(Name="/run/app.sock", Net="unix")``; a Name starting
    with "@" is abstract (module doc). Compares and hashes by value.
    """

    Name: str = ""
    Net: str = ""

    def __hash__(self) -> int:
        return hash((self.Name, self.Net))

    def Network(self) -> str:
        """net/unixsock.go: UnixAddr.Network. "unix", "unixgram" or "unixpacket" (the Net field)."""
        return self.Net

    def String(self) -> str:
        """net/unixsock.go: UnixAddr.String: the socket path (Name)."""
        return self.Name

    def __str__(self) -> str:
        return self.String()

    def isWildcard(self) -> bool:
        """net/unixsock.go: UnixAddr.isWildcard. An empty Name."""
        return self.Name == ""

    def opAddr(self) -> Addr | None:
        """net/unixsock.go: UnixAddr.opAddr. Go's nil-pointer guard; always self here."""
        return self

    def family(self) -> int:
        """net/unixsock_posix.go: UnixAddr.family. AF_UNIX."""
        return AF_UNIX

    def sockaddr(self, family: int) -> tuple[SockaddrTuple | None, error | None]:
        """net/unixsock_posix.go: UnixAddr.sockaddr."""
        return SockaddrTuple(AF_UNIX, Name=self.Name), None

    def toLocal(self, net: str) -> UnixAddr:
        """net/unixsock_posix.go: UnixAddr.toLocal. Itself."""
        return self


def ResolveUnixAddr(network: str, address: str) -> tuple[UnixAddr | None, error | None]:
    """net/unixsock.go: ResolveUnixAddr. The address of a Unix socket; ``(addr, err)``.

    ``network`` is "unix", "unixgram" or "unixpacket"; anything else
    (even "") gives ``UnknownNetworkError(network)``. The address is the
    Name as given: nothing is looked up or checked.
    """
    if not isinstance(network, str) or not isinstance(address, str):
        bad = network if not isinstance(network, str) else address
        raise TypeError(f"net.ResolveUnixAddr needs str arguments, not {type(bad).__name__}")
    if network in ("unix", "unixgram", "unixpacket"):
        return UnixAddr(Name=address, Net=network), None
    return None, UnknownNetworkError(network)


class UnixConn(conn):
    """net.UnixConn: a Unix domain socket connection (net.Conn and net.PacketConn).

    ``with c:`` closes it. See the module doc for the three networks and
    for passing descriptors and credentials.
    """

    __slots__ = ()

    # ReadFrom/WriteTo here are PacketConn's, not io.ReaderFrom/WriterTo's,
    # which Go's type assertions tell apart by signature (std/io.py's
    # asWriterTo says how io.Copy honours this).
    packetReadWrite: ClassVar[bool] = True

    def SyscallConn(self) -> tuple[rawConn | None, error | None]:
        """net/unixsock.go: UnixConn.SyscallConn. A syscall.RawConn for the socket."""
        from net.rawconn import newRawConn

        if not self.ok():
            return None, EINVAL
        return newRawConn(self.fd), None

    def _opErr(self, op: str, err: Any) -> Any:
        return OpError(Op=op, Net=self.fd.net, Source=self.fd.laddr, Addr=self.fd.raddr,
                       Err=err)

    def CloseRead(self) -> error | None:
        """net/unixsock.go: UnixConn.CloseRead: shut down the reading side (shutdown SHUT_RD); later
        Reads return EOF. Most callers want Close.
        """
        if not self.ok():
            return EINVAL
        err = self.fd.closeRead()
        return self._opErr("close", err) if err is not None else None

    def CloseWrite(self) -> error | None:
        """net/unixsock.go: UnixConn.CloseWrite. shutdown(SHUT_WR): the peer reads EOF."""
        if not self.ok():
            return EINVAL
        err = self.fd.closeWrite()
        return self._opErr("close", err) if err is not None else None

    def ReadFromUnix(self, b: WriteableBuffer) -> tuple[int, UnixAddr | None, error | None]:
        """net/unixsock.go: UnixConn.ReadFromUnix. ``(n, sender, err)``; sender None if unnamed."""
        if not self.ok():
            return 0, None, EINVAL
        n, addr, err = self.readFrom(b)
        if err is not None and err is not io.EOF:
            err = self._opErr("read", err)
        return n, addr, err

    def ReadFrom(self, b: WriteableBuffer) -> tuple[int, Addr | None, error | None]:
        """net/unixsock.go: UnixConn.ReadFrom: net.PacketConn's ReadFrom; read one packet into b and
        return (n, the sender as a UnixAddr or None, err).
        """
        if not self.ok():
            return 0, None, EINVAL
        n, addr, err = self.readFrom(b)
        if err is not None and err is not io.EOF:
            err = self._opErr("read", err)
        return n, addr, err

    def ReadMsgUnix(self, b: WriteableBuffer,
                    oob: WriteableBuffer) -> tuple[int, int, int, UnixAddr | None, error | None]:
        """net/unixsock.go: UnixConn.ReadMsgUnix. ``(n, oobn, flags, sender, err)``."""
        if not self.ok():
            return 0, 0, 0, None, EINVAL
        n, oobn, flags, addr, err = self.readMsg(b, oob)
        if err is not None and err is not io.EOF:
            err = self._opErr("read", err)
        return n, oobn, flags, addr, err

    def WriteToUnix(self, b: ReadableBuffer, addr: UnixAddr | None) -> tuple[int, error | None]:
        """net/unixsock.go: UnixConn.WriteToUnix. One datagram to addr (unixgram)."""
        if not self.ok():
            return 0, EINVAL
        _needBuf("UnixConn.WriteToUnix", b)
        _needArgs("UnixConn.WriteToUnix", UnixAddr, addr=addr)
        n, err = self.writeTo(b, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr, Err=err)
        return n, err

    def WriteTo(self, b: ReadableBuffer, addr: Addr) -> tuple[int, error | None]:
        """net/unixsock.go: UnixConn.WriteTo. net.PacketConn's WriteTo; addr must be a UnixAddr."""
        if not self.ok():
            return 0, EINVAL
        _needBuf("UnixConn.WriteTo", b)
        if not isinstance(addr, UnixAddr):
            return 0, OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr,
                              Err=EINVAL)
        n, err = self.writeTo(b, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr, Err=err)
        return n, err

    def WriteMsgUnix(self, b: ReadableBuffer, oob: ReadableBuffer,
                     addr: UnixAddr | None) -> tuple[int, int, error | None]:
        """net/unixsock.go: UnixConn.WriteMsgUnix. Data plus control data; ``(n, oobn, err)``.

        With oob and no data, a stream socket sends one zero byte to carry
        it (n reports 0), as Go's does.
        """
        if not self.ok():
            return 0, 0, EINVAL
        _needArgs("UnixConn.WriteMsgUnix", UnixAddr, addr=addr)
        n, oobn, err = self.writeMsg(b, oob, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr, Err=err)
        return n, oobn, err

    # -- unixsock_posix.go -----------------------------------------------

    def readFrom(self, b: Any) -> tuple[int, UnixAddr | None, Any]:
        """net/unixsock_posix.go: UnixConn.readFrom."""
        addr = None
        n, sa, err = self.fd.readFrom(b)
        if sa is not None and sa.Family == AF_UNIX and sa.Name != "":
            addr = UnixAddr(Name=sa.Name, Net=sotypeToNet(self.fd.sotype))
        return n, addr, err

    def readMsg(self, b: Any, oob: Any) -> tuple[int, int, int, UnixAddr | None, Any]:
        """net/unixsock_posix.go: UnixConn.readMsg. MSG_CMSG_CLOEXEC on received descriptors."""
        n, oobn, flags, sa, err = self.fd.readMsg(b, oob, readMsgFlags)
        if readMsgFlags == 0 and err is None and oobn > 0:
            setReadMsgCloseOnExec(memoryview(oob)[:oobn])
        addr = None
        if sa is not None and sa.Family == AF_UNIX and sa.Name != "":
            addr = UnixAddr(Name=sa.Name, Net=sotypeToNet(self.fd.sotype))
        return n, oobn, flags, addr, err

    def writeTo(self, b: Any, addr: UnixAddr | None) -> tuple[int, Any]:
        """net/unixsock_posix.go: UnixConn.writeTo."""
        if self.fd.isConnected:
            return 0, ErrWriteToConnected
        if addr is None:
            return 0, errMissingAddress
        if addr.Net != sotypeToNet(self.fd.sotype):
            return 0, EAFNOSUPPORT
        sa = SockaddrTuple(AF_UNIX, Name=addr.Name)
        return self.fd.writeTo(b, sa)  # type: ignore[no-any-return]

    def writeMsg(self, b: Any, oob: Any, addr: UnixAddr | None) -> tuple[int, int, Any]:
        """net/unixsock_posix.go: UnixConn.writeMsg."""
        if self.fd.sotype == SOCK_DGRAM and self.fd.isConnected:
            return 0, 0, ErrWriteToConnected
        sa = None
        if addr is not None:
            if addr.Net != sotypeToNet(self.fd.sotype):
                return 0, 0, EAFNOSUPPORT
            sa = SockaddrTuple(AF_UNIX, Name=addr.Name)
        return self.fd.writeMsg(b, oob, sa)  # type: ignore[no-any-return]


readMsgFlags = MSG_CMSG_CLOEXEC
"""net/unixsock_readmsg_cmsg_cloexec.go: readMsgFlags. Received fds are close-on-exec."""


def setReadMsgCloseOnExec(oob: Any) -> None:
    """net/unixsock_readmsg_cmsg_cloexec.go: setReadMsgCloseOnExec. Nothing to do on Linux."""


def sotypeToNet(sotype: int) -> str:
    """net/unixsock_posix.go: sotypeToNet."""
    if sotype == SOCK_STREAM:
        return "unix"
    if sotype == SOCK_DGRAM:
        return "unixgram"
    if sotype == SOCK_SEQPACKET:
        return "unixpacket"
    from rt.panic import Panic

    raise Panic("sotypeToNet unknown socket type")


def newUnixConn(fd: Any) -> UnixConn:
    """net/unixsock.go: newUnixConn."""
    return UnixConn(fd)


def DialUnix(network: str, laddr: UnixAddr | None,
             raddr: UnixAddr | None) -> tuple[UnixConn | None, error | None]:
    """net/unixsock.go: DialUnix. A connected Unix socket (for unixgram, laddr alone: bound)."""
    return dialUnix(context.Background(), None, network, laddr, raddr)


def dialUnix(ctx: Any, dialer: Dialer | None, network: str, laddr: UnixAddr | None,
             raddr: UnixAddr | None) -> tuple[UnixConn | None, Any]:
    """net/unixsock.go: dialUnix (go1.26). Shared by DialUnix and Dialer.DialUnix."""
    from net.dial import Dialer, sysDialer

    _needArgs("DialUnix", UnixAddr, network, laddr=laddr, raddr=raddr)
    if network not in ("unix", "unixgram", "unixpacket"):
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=raddr,
                             Err=UnknownNetworkError(network))
    sd = sysDialer(dialer if dialer is not None else Dialer(), network,
                   raddr.String() if raddr is not None else "<nil>")
    c, err = sd.dialUnix(ctx, laddr, raddr)
    if err is not None:
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=raddr, Err=err)
    return c, None


class UnixListener:
    """net.UnixListener: a Unix domain socket listener (net.Listener). ``with ln:`` closes it."""

    __slots__ = ("fd", "path", "unlink", "unlinkOnce", "__weakref__")

    def __init__(self, fd: Any, path: str, unlink: bool) -> None:
        self.fd = fd
        self.path = path
        self.unlink = unlink
        self.unlinkOnce = sync.Once()

    def ok(self) -> bool:
        """net/unixsock.go: UnixListener.ok."""
        return self.fd is not None

    def SyscallConn(self) -> tuple[rawListener | None, error | None]:
        """net/unixsock.go: UnixListener.SyscallConn. A RawConn whose Read and Write are EINVAL."""
        from net.rawconn import newRawListener

        if not self.ok():
            return None, EINVAL
        return newRawListener(self.fd), None

    def AcceptUnix(self) -> tuple[UnixConn | None, error | None]:
        """net/unixsock.go: UnixListener.AcceptUnix. The next connection, as a UnixConn."""
        if not self.ok():
            return None, EINVAL
        c, err = self.accept()
        if err is not None:
            return None, OpError(Op="accept", Net=self.fd.net, Source=None, Addr=self.fd.laddr,
                                 Err=err)
        return c, None

    def Accept(self) -> tuple[Conn | None, error | None]:
        """net/unixsock.go: UnixListener.Accept: net.Listener's Accept; wait for the next connection
        and return it as a UnixConn.
        """
        return self.AcceptUnix()

    def Close(self) -> error | None:
        """net/unixsock.go: UnixListener.Close. Removes the socket file first (module doc)."""
        if not self.ok():
            return EINVAL
        err = self.close()
        if err is not None:
            return OpError(Op="close", Net=self.fd.net, Source=None, Addr=self.fd.laddr,
                           Err=err)
        return None

    def Addr(self) -> Addr:
        """net/unixsock.go: UnixListener.Addr: the listener's local address; the same object is
        returned each time, so do not change it.
        """
        la: Addr = self.fd.laddr
        return la

    def SetDeadline(self, t: time.Time) -> error | None:
        """net/unixsock.go: UnixListener.SetDeadline. For Accept; the zero Time clears it."""
        if not isinstance(t, time.Time):
            time._needTime("UnixListener.SetDeadline", "t", t)
        if not self.ok():
            return EINVAL
        err: error | None = self.fd.SetDeadline(t)  # unwrapped since go1.27
        return err

    def File(self) -> tuple[os.File | None, error | None]:
        """net/unixsock.go: UnixListener.File. A dup of the socket as an os.File."""
        if not self.ok():
            return None, EINVAL
        f, err = self.file()
        if err is not None:
            return None, OpError(Op="file", Net=self.fd.net, Source=None, Addr=self.fd.laddr,
                                 Err=err)
        return f, None

    # -- unixsock_posix.go -----------------------------------------------

    def accept(self) -> tuple[UnixConn | None, Any]:
        """net/unixsock_posix.go: UnixListener.accept."""
        fd, err = self.fd.accept()
        if err is not None:
            return None, err
        return newUnixConn(fd), None

    def close(self) -> Any:
        """net/unixsock_posix.go: UnixListener.close. Unlink once, then close the socket."""

        def unlinkFile() -> None:
            if self.path[:1] != "@" and self.unlink:
                try:
                    _os.unlink(self.path)
                except OSError:
                    pass  # Go ignores Unlink's error too

        self.unlinkOnce.Do(unlinkFile)
        return self.fd.Close()

    def file(self) -> tuple[Any, Any]:
        """net/unixsock_posix.go: UnixListener.file."""
        return self.fd.dup()  # type: ignore[no-any-return]

    def SetUnlinkOnClose(self, unlink: bool) -> None:
        """net/unixsock_posix.go: UnixListener.SetUnlinkOnClose. Whether Close removes the file."""
        self.unlink = bool(unlink)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            self.Close()

    def __repr__(self) -> str:
        if self.fd is None:
            return "<net.UnixListener nil>"
        return f"<net.UnixListener {self.fd.net} {self.path}{_closedMark(self.fd)}>"


def ListenUnix(network: str, laddr: UnixAddr | None) -> tuple[UnixListener | None, error | None]:
    """net/unixsock.go: ListenUnix. "unix" or "unixpacket" listener on laddr."""
    from net.dial import ListenConfig, sysListener

    _needArgs("ListenUnix", UnixAddr, network, laddr=laddr)
    if network not in ("unix", "unixpacket"):
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr,
                             Err=UnknownNetworkError(network))
    if laddr is None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=None,
                             Err=errMissingAddress)
    sl = sysListener(ListenConfig(), network, laddr.String())
    ln, err = sl.listenUnix(context.Background(), laddr)
    if err is not None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr, Err=err)
    return ln, None


def ListenUnixgram(network: str, laddr: UnixAddr | None) -> tuple[UnixConn | None, error | None]:
    """net/unixsock.go: ListenUnixgram. A "unixgram" socket bound to laddr."""
    from net.dial import ListenConfig, sysListener

    _needArgs("ListenUnixgram", UnixAddr, network, laddr=laddr)
    if network != "unixgram":
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr,
                             Err=UnknownNetworkError(network))
    if laddr is None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=None,
                             Err=errMissingAddress)
    sl = sysListener(ListenConfig(), network, laddr.String())
    c, err = sl.listenUnixgram(context.Background(), laddr)
    if err is not None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr, Err=err)
    return c, None
