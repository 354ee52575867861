"""net/fd_posix.go (go1.27.0): netFD methods shared by POSIX systems.

Each I/O method calls the poll.FD and names a bare errno after its syscall
(``wrapSyscallError``); the public conn methods add the ``OpError``.
"""

from __future__ import annotations

from typing import Any, Final

from net.error_posix import wrapSyscallError
from rt.poll.fd_unix import FD
from rt.sys_linux import SHUT_RD, SHUT_WR, SockaddrInet4, SockaddrInet6, SockaddrTuple

readSyscallName: Final = "read"
readFromSyscallName: Final = "recvfrom"
readMsgSyscallName: Final = "recvmsg"
writeSyscallName: Final = "write"
writeToSyscallName: Final = "sendto"
writeMsgSyscallName: Final = "sendmsg"


class netFDPosix:
    """net/fd_posix.go: the netFD methods defined there (netFD inherits them)."""

    pfd: FD
    net: str
    laddr: Any
    raddr: Any

    def name(self) -> str:
        """net/fd_posix.go: netFD.name. "net:laddr->raddr", names the dup'ed file."""
        ls = self.laddr.String() if self.laddr is not None else ""
        rs = self.raddr.String() if self.raddr is not None else ""
        return self.net + ":" + ls + "->" + rs

    def setAddr(self, laddr: Any, raddr: Any) -> None:
        """net/fd_posix.go: netFD.setAddr. (No finalizer: rt.run closes what is left.)"""
        self.laddr = laddr
        self.raddr = raddr

    def Close(self) -> Any:
        """net/fd_posix.go: netFD.Close."""
        return self.pfd.Close()

    def shutdown(self, how: int) -> Any:
        """net/fd_posix.go: netFD.shutdown."""
        return wrapSyscallError("shutdown", self.pfd.Shutdown(how))

    def closeRead(self) -> Any:
        """net/fd_posix.go: netFD.closeRead. SHUT_RD."""
        return self.shutdown(SHUT_RD)

    def closeWrite(self) -> Any:
        """net/fd_posix.go: netFD.closeWrite. SHUT_WR."""
        return self.shutdown(SHUT_WR)

    def Read(self, p: Any) -> tuple[int, Any]:
        """net/fd_posix.go: netFD.Read."""
        n, err = self.pfd.Read(p)
        if err is None:
            return n, None
        return n, wrapSyscallError(readSyscallName, err)

    def readFrom(self, p: Any) -> tuple[int, SockaddrTuple | None, Any]:
        """net/fd_posix.go: netFD.readFrom."""
        n, sa, err = self.pfd.ReadFrom(p)
        return n, sa, wrapSyscallError(readFromSyscallName, err)

    def readFromInet4(self, p: Any, from_: SockaddrInet4) -> tuple[int, Any]:
        """net/fd_posix.go: netFD.readFromInet4."""
        n, err = self.pfd.ReadFromInet4(p, from_)
        return n, wrapSyscallError(readFromSyscallName, err)

    def readFromInet6(self, p: Any, from_: SockaddrInet6) -> tuple[int, Any]:
        """net/fd_posix.go: netFD.readFromInet6."""
        n, err = self.pfd.ReadFromInet6(p, from_)
        return n, wrapSyscallError(readFromSyscallName, err)

    def readMsg(self, p: Any, oob: Any,
                flags: int) -> tuple[int, int, int, SockaddrTuple | None, Any]:
        """net/fd_posix.go: netFD.readMsg."""
        n, oobn, retflags, sa, err = self.pfd.ReadMsg(p, oob, flags)
        return n, oobn, retflags, sa, wrapSyscallError(readMsgSyscallName, err)

    def readMsgInet4(self, p: Any, oob: Any, flags: int,
                     sa: SockaddrInet4) -> tuple[int, int, int, Any]:
        """net/fd_posix.go: netFD.readMsgInet4."""
        n, oobn, retflags, err = self.pfd.ReadMsgInet4(p, oob, flags, sa)
        return n, oobn, retflags, wrapSyscallError(readMsgSyscallName, err)

    def readMsgInet6(self, p: Any, oob: Any, flags: int,
                     sa: SockaddrInet6) -> tuple[int, int, int, Any]:
        """net/fd_posix.go: netFD.readMsgInet6."""
        n, oobn, retflags, err = self.pfd.ReadMsgInet6(p, oob, flags, sa)
        return n, oobn, retflags, wrapSyscallError(readMsgSyscallName, err)

    def Write(self, p: Any) -> tuple[int, Any]:
        """net/fd_posix.go: netFD.Write."""
        n, err = self.pfd.Write(p)
        if err is None:
            return n, None
        return n, wrapSyscallError(writeSyscallName, err)

    def writeTo(self, p: Any, sa: SockaddrTuple) -> tuple[int, Any]:
        """net/fd_posix.go: netFD.writeTo."""
        n, err = self.pfd.WriteTo(p, sa)
        return n, wrapSyscallError(writeToSyscallName, err)

    def writeToInet4(self, p: Any, sa: SockaddrInet4 | SockaddrTuple) -> tuple[int, Any]:
        """net/fd_posix.go: netFD.writeToInet4."""
        n, err = self.pfd.WriteToInet4(p, sa)
        return n, wrapSyscallError(writeToSyscallName, err)

    def writeToInet6(self, p: Any, sa: SockaddrInet6 | SockaddrTuple) -> tuple[int, Any]:
        """net/fd_posix.go: netFD.writeToInet6."""
        n, err = self.pfd.WriteToInet6(p, sa)
        return n, wrapSyscallError(writeToSyscallName, err)

    def writeMsg(self, p: Any, oob: Any, sa: SockaddrTuple | None) -> tuple[int, int, Any]:
        """net/fd_posix.go: netFD.writeMsg."""
        n, oobn, err = self.pfd.WriteMsg(p, oob, sa)
        return n, oobn, wrapSyscallError(writeMsgSyscallName, err)

    def writeMsgInet4(self, p: Any, oob: Any,
                      sa: SockaddrInet4 | SockaddrTuple | None) -> tuple[int, int, Any]:
        """net/fd_posix.go: netFD.writeMsgInet4."""
        n, oobn, err = self.pfd.WriteMsgInet4(p, oob, sa)
        return n, oobn, wrapSyscallError(writeMsgSyscallName, err)

    def writeMsgInet6(self, p: Any, oob: Any,
                      sa: SockaddrInet6 | SockaddrTuple | None) -> tuple[int, int, Any]:
        """net/fd_posix.go: netFD.writeMsgInet6."""
        n, oobn, err = self.pfd.WriteMsgInet6(p, oob, sa)
        return n, oobn, wrapSyscallError(writeMsgSyscallName, err)

    def SetDeadline(self, t: Any) -> Any:
        """net/fd_posix.go: netFD.SetDeadline."""
        return self.pfd.SetDeadline(t)

    def SetReadDeadline(self, t: Any) -> Any:
        """net/fd_posix.go: netFD.SetReadDeadline."""
        return self.pfd.SetReadDeadline(t)

    def SetWriteDeadline(self, t: Any) -> Any:
        """net/fd_posix.go: netFD.SetWriteDeadline."""
        return self.pfd.SetWriteDeadline(t)
