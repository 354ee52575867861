"""net/udpsock.go + udpsock_posix.go (go1.27.0): UDP addresses and UDPConn.

A ``UDPConn`` is a datagram socket, in one of two states fixed when it is
made:

* unconnected (``ListenUDP``, ``ListenPacket``, ``ListenMulticastUDP``):
  every read reports the sender (``ReadFromUDP``, ``ReadFrom``,
  ``ReadMsgUDP``) and every write names the destination (``WriteToUDP``,
  ``WriteTo``, ``WriteMsgUDP``); a write with no address is "missing
  address";
* connected (``DialUDP``, ``Dial("udp", ...)``): the kernel filters
  incoming datagrams to the one peer, ``Read``/``Write`` work, and naming
  a destination is ``ErrWriteToConnected`` ("use of WriteTo with
  pre-connected connection"). Since go1.26 ``WriteMsgUDPAddrPort`` with
  the zero AddrPort sends to the connected peer.

Each read returns one datagram: a buffer smaller than the datagram gets
its first bytes and the rest is dropped (no error; ``ReadMsgUDP`` reports
MSG_TRUNC in its flags), and a zero-length datagram is a read of 0 bytes,
not EOF. Every socket has SO_BROADCAST on (net/sockopt_posix.py).

``UDPAddr`` is ``TCPAddr``'s twin: a dataclass with Go's fields ``IP``,
``Port`` and ``Zone``, compared and hashed by value (net/tcpsock.py says
why), so it works as a dict key. The methods udpsock_posix.go gives
UDPAddr and UDPConn (family, sockaddr, toLocal; readFrom, readMsg,
writeTo, writeMsg and their AddrPort forms) are defined on the classes
here, since a Python class lives in one file; net/udpsock_posix.py holds
the rest of that file (sockaddrToUDP, the dial and listen functions, the
multicast joins). Go fills a ``syscall.SockaddrInet4`` through a pointer
in the UDP read path; here ``rt.sys_linux.SockaddrInet4`` is filled in
place the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from net import netip
from net.ip import IP, IPv4len, _rawIP, ipEmptyString
from net.ipsock import (
    JoinHostPort,
    addrPortToSockaddrInet4,
    addrPortToSockaddrInet6,
    internetAddrList,
    ipToSockaddr,
    ipToSockaddrInet4,
    ipToSockaddrInet6,
    loopbackIP,
    zoneCache,
)
from net.net import (
    Addr,
    AddrError,
    ErrWriteToConnected,
    OpError,
    UnknownNetworkError,
    _needArgs,
    _needBuf,
    _needValue,
    conn,
    errMissingAddress,
)
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    EINVAL,
    SockaddrInet4,
    SockaddrInet6,
    SockaddrTuple,
)
from std import context
from std.errors import error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

    from net.dial import Dialer
    from net.interface import Interface
    from net.rawconn import rawConn

__all__ = [
    "DialUDP",
    "ListenMulticastUDP",
    "ListenUDP",
    "ResolveUDPAddr",
    "UDPAddr",
    "UDPAddrFromAddrPort",
    "UDPConn",
]

_IP = IP


@dataclass(repr=True)
class UDPAddr:
    """net.UDPAddr: the address of a UDP end point.

    ``net.UDPAddr(IP=net.ParseIP("127.0.0.1"), Port=53)``. Compares and
    hashes by value (see the module doc).
    """

    IP: _IP | None = None
    Port: int = 0
    Zone: str = ""  # IPv6 scoped addressing zone

    def __hash__(self) -> int:
        return hash((self.IP, self.Port, self.Zone))

    def AddrPort(self) -> netip.AddrPort:
        """net/udpsock.go: UDPAddr.AddrPort. The address as a netip.AddrPort.

        An IP that is neither 4 nor 16 bytes gives the zero (invalid) Addr
        with the port, as Go's does.
        """
        na, _ = netip.AddrFromSlice(bytes(self.IP) if self.IP is not None else b"")
        na = na.WithZone(self.Zone)
        return netip.AddrPortFrom(na, self.Port & 0xFFFF)

    def Network(self) -> str:
        """net/udpsock.go: UDPAddr.Network: the network name "udp", for the Addr interface."""
        return "udp"

    def String(self) -> str:
        """net/udpsock.go: UDPAddr.String. "127.0.0.1:53", "[::1]:53", "[fe80::1%eth0]:53"."""
        ip = ipEmptyString(self.IP)
        if self.Zone:
            return JoinHostPort(ip + "%" + self.Zone, str(self.Port))
        return JoinHostPort(ip, str(self.Port))

    def __str__(self) -> str:
        return self.String()

    def isWildcard(self) -> bool:
        """net/udpsock.go: UDPAddr.isWildcard. No IP, or an unspecified one."""
        if self.IP is None:
            return True
        return self.IP.IsUnspecified()

    def opAddr(self) -> Addr | None:
        """net/udpsock.go: UDPAddr.opAddr. Go's nil-pointer guard; always self here."""
        return self

    def family(self) -> int:
        """net/udpsock_posix.go: UDPAddr.family. AF_INET unless the IP is real IPv6."""
        if self.IP is None or len(self.IP) <= IPv4len:
            return AF_INET
        if self.IP.To4() is not None:
            return AF_INET
        return AF_INET6

    def sockaddr(self, family: int) -> tuple[SockaddrTuple | None, error | None]:
        """net/udpsock_posix.go: UDPAddr.sockaddr. The sockaddr for a socket of ``family``."""
        return ipToSockaddr(family, self.IP, self.Port, self.Zone)

    def toLocal(self, net: str) -> UDPAddr:
        """net/udpsock_posix.go: UDPAddr.toLocal. The same port on the loopback address."""
        return UDPAddr(IP=loopbackIP(net), Port=self.Port, Zone=self.Zone)


def ResolveUDPAddr(network: str, address: str) -> tuple[UDPAddr | None, error | None]:
    """net/udpsock.go: ResolveUDPAddr. The address of a UDP end point; ``(addr, err)``.

    ``network`` is "udp", "udp4" or "udp6" ("" means "udp", Go 1.0's
    undocumented behaviour); anything else gives
    ``UnknownNetworkError(network)``. ``address`` is "host:port", resolved
    as ResolveTCPAddr resolves it (an IPv4 result preferred unless the
    address was a bracketed IPv6 literal).
    """
    if not isinstance(network, str) or not isinstance(address, str):
        bad = network if not isinstance(network, str) else address
        raise TypeError(f"net.ResolveUDPAddr needs str arguments, not {type(bad).__name__}")
    if network == "":
        network = "udp"
    elif network not in ("udp", "udp4", "udp6"):
        return None, UnknownNetworkError(network)
    addrs, err = internetAddrList(None, context.Background(), network, address)
    if err is not None:
        return None, err
    assert addrs is not None
    a = addrs.forResolve(network, address)
    assert isinstance(a, UDPAddr)
    return a, None


def UDPAddrFromAddrPort(addr: netip.AddrPort) -> UDPAddr:
    """net/udpsock.go: UDPAddrFromAddrPort. The zero AddrPort gives UDPAddr(IP=None, Port=0)."""
    _needValue("net.UDPAddrFromAddrPort", netip.AddrPort, addr=addr)
    a = addr.Addr()
    s = a.AsSlice()
    return UDPAddr(IP=IP(s) if s else None, Zone=a.Zone(), Port=addr.Port())


class addrPortUDPAddr:
    """net/udpsock.go: addrPortUDPAddr. A netip.AddrPort as a net.Addr (for OpError)."""

    __slots__ = ("AddrPort",)

    def __init__(self, ap: netip.AddrPort) -> None:
        self.AddrPort = ap

    def Network(self) -> str:
        """net/udpsock.go: addrPortUDPAddr.Network. "udp"."""
        return "udp"

    def String(self) -> str:
        """netip.AddrPort.String, which Go's embedding promotes."""
        return self.AddrPort.String()

    def __str__(self) -> str:
        return self.String()


class UDPConn(conn):
    """net.UDPConn: a UDP socket (net.Conn and net.PacketConn); see the module doc.

    ``n, addr, err = c.ReadFromUDP(buf)``, ``n, err = c.WriteToUDP(b, addr)``;
    ``c.Read``/``c.Write`` on a connected one. ``with c:`` closes it.
    """

    __slots__ = ()

    # ReadFrom/WriteTo here are PacketConn's, not io.ReaderFrom/WriterTo's,
    # which Go's type assertions tell apart by signature (std/io.py's
    # asWriterTo says how io.Copy honours this).
    packetReadWrite: ClassVar[bool] = True

    def SyscallConn(self) -> tuple[rawConn | None, error | None]:
        """net/udpsock.go: UDPConn.SyscallConn. A syscall.RawConn for the socket."""
        from net.rawconn import newRawConn

        if not self.ok():
            return None, EINVAL
        return newRawConn(self.fd), None

    def ReadFromUDP(self, b: WriteableBuffer) -> tuple[int, UDPAddr | None, error | None]:
        """net/udpsock.go: UDPConn.ReadFromUDP. One datagram into b; ``(n, sender, err)``."""
        return self.readFromUDP(b, UDPAddr())

    def readFromUDP(self, b: Any, addr: UDPAddr) -> tuple[int, UDPAddr | None, Any]:
        """net/udpsock.go: UDPConn.readFromUDP."""
        if not self.ok():
            return 0, None, EINVAL
        n, a, err = self.readFrom(b, addr)
        if err is not None:
            err = OpError(Op="read", Net=self.fd.net, Source=self.fd.laddr, Addr=self.fd.raddr,
                          Err=err)
        return n, a, err

    def ReadFrom(self, b: WriteableBuffer) -> tuple[int, Addr | None, error | None]:
        """net/udpsock.go: UDPConn.ReadFrom: net.PacketConn's ReadFrom; read one datagram into b and
        return (n, the sender as a UDPAddr, err).
        """
        n, addr, err = self.readFromUDP(b, UDPAddr())
        return n, addr, err

    def ReadFromUDPAddrPort(self, b: WriteableBuffer) -> tuple[int, netip.AddrPort, error | None]:
        """net/udpsock.go: UDPConn.ReadFromUDPAddrPort. The sender as a netip.AddrPort.

        On an IPv6 socket an IPv4 sender is IPv4-mapped (::ffff:a.b.c.d);
        ``addr.Addr().Unmap()`` gives the IPv4 form, as in Go.
        """
        if not self.ok():
            return 0, netip.AddrPort(), EINVAL
        n, addr, err = self.readFromAddrPort(b)
        if err is not None:
            err = OpError(Op="read", Net=self.fd.net, Source=self.fd.laddr, Addr=self.fd.raddr,
                          Err=err)
        return n, addr, err

    def ReadMsgUDP(self, b: WriteableBuffer,
                   oob: WriteableBuffer) -> tuple[int, int, int, UDPAddr | None, error | None]:
        """net/udpsock.go: UDPConn.ReadMsgUDP. ``(n, oobn, flags, sender, err)``.

        oob receives control messages (parse them with
        syscall.ParseSocketControlMessage); flags has MSG_TRUNC when b was
        too small for the datagram and MSG_CTRUNC when oob was.
        """
        n, oobn, flags, ap, err = self.ReadMsgUDPAddrPort(b, oob)
        addr = UDPAddrFromAddrPort(ap) if ap.IsValid() else None
        return n, oobn, flags, addr, err

    def ReadMsgUDPAddrPort(
        self, b: WriteableBuffer, oob: WriteableBuffer,
    ) -> tuple[int, int, int, netip.AddrPort, error | None]:
        """net/udpsock.go: UDPConn.ReadMsgUDPAddrPort: read one datagram into b and its ancillary
        data into oob; returns (n, oobn, flags, sender as a netip.AddrPort, err).
        """
        if not self.ok():
            return 0, 0, 0, netip.AddrPort(), EINVAL
        n, oobn, flags, addr, err = self.readMsg(b, oob)
        if err is not None:
            err = OpError(Op="read", Net=self.fd.net, Source=self.fd.laddr, Addr=self.fd.raddr,
                          Err=err)
        return n, oobn, flags, addr, err

    def WriteToUDP(self, b: ReadableBuffer, addr: UDPAddr | None) -> tuple[int, error | None]:
        """net/udpsock.go: UDPConn.WriteToUDP. One datagram to addr; ``(n, err)``."""
        if not self.ok():
            return 0, EINVAL
        _needBuf("UDPConn.WriteToUDP", b)
        _needArgs("UDPConn.WriteToUDP", UDPAddr, addr=addr)
        n, err = self.writeTo(b, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr, Err=err)
        return n, err

    def WriteToUDPAddrPort(self, b: ReadableBuffer,
                           addr: netip.AddrPort) -> tuple[int, error | None]:
        """net/udpsock.go: UDPConn.WriteToUDPAddrPort. The zero AddrPort is "missing address"."""
        if not self.ok():
            return 0, EINVAL
        _needBuf("UDPConn.WriteToUDPAddrPort", b)
        _needValue("UDPConn.WriteToUDPAddrPort", netip.AddrPort, addr=addr)
        n, err = self.writeToAddrPort(b, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr,
                          Addr=addrPortUDPAddr(addr), Err=err)
        return n, err

    def WriteTo(self, b: ReadableBuffer, addr: Addr) -> tuple[int, error | None]:
        """net/udpsock.go: UDPConn.WriteTo. net.PacketConn's WriteTo; addr must be a UDPAddr.

        Any other Addr is EINVAL ("write udp 127.0.0.1:P->x: invalid argument").
        """
        if not self.ok():
            return 0, EINVAL
        _needBuf("UDPConn.WriteTo", b)
        if not isinstance(addr, UDPAddr):
            return 0, OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr,
                              Err=EINVAL)
        n, err = self.writeTo(b, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr, Err=err)
        return n, err

    def WriteMsgUDP(self, b: ReadableBuffer, oob: ReadableBuffer,
                    addr: UDPAddr | None) -> tuple[int, int, error | None]:
        """net/udpsock.go: UDPConn.WriteMsgUDP. Data and control data; ``(n, oobn, err)``.

        addr None on a connected socket sends to its peer; an address on a
        connected socket is ErrWriteToConnected.
        """
        if not self.ok():
            return 0, 0, EINVAL
        _needArgs("UDPConn.WriteMsgUDP", UDPAddr, addr=addr)
        n, oobn, err = self.writeMsg(b, oob, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr, Err=err)
        return n, oobn, err

    def WriteMsgUDPAddrPort(self, b: ReadableBuffer, oob: ReadableBuffer,
                            addr: netip.AddrPort) -> tuple[int, int, error | None]:
        """net/udpsock.go: UDPConn.WriteMsgUDPAddrPort. See WriteMsgUDP and the module doc."""
        if not self.ok():
            return 0, 0, EINVAL
        _needValue("UDPConn.WriteMsgUDPAddrPort", netip.AddrPort, addr=addr)
        n, oobn, err = self.writeMsgAddrPort(b, oob, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr,
                          Addr=addrPortUDPAddr(addr), Err=err)
        return n, oobn, err

    # -- udpsock_posix.go ------------------------------------------------

    def readFrom(self, b: Any, addr: UDPAddr) -> tuple[int, UDPAddr | None, Any]:
        """net/udpsock_posix.go: UDPConn.readFrom. Fills addr with the sender."""
        n = 0
        err: Any = None
        fd = self.fd
        if fd.family == AF_INET:
            from4 = SockaddrInet4()
            n, err = fd.readFromInet4(b, from4)
            if err is None:
                addr.IP, addr.Port, addr.Zone = _rawIP(from4.Addr), from4.Port, ""
        elif fd.family == AF_INET6:
            from6 = SockaddrInet6()
            n, err = fd.readFromInet6(b, from6)
            if err is None:
                addr.IP, addr.Port = _rawIP(from6.Addr), from6.Port
                addr.Zone = zoneCache.name(from6.ZoneId)
        if err is not None:
            return n, None, err
        return n, addr, err

    def readFromAddrPort(self, b: Any) -> tuple[int, netip.AddrPort, Any]:
        """net/udpsock_posix.go: UDPConn.readFromAddrPort."""
        n = 0
        err: Any = None
        ip = netip.Addr()
        port = 0
        fd = self.fd
        if fd.family == AF_INET:
            from4 = SockaddrInet4()
            n, err = fd.readFromInet4(b, from4)
            if err is None:
                ip = netip.AddrFrom4(from4.Addr)
                port = from4.Port
        elif fd.family == AF_INET6:
            from6 = SockaddrInet6()
            n, err = fd.readFromInet6(b, from6)
            if err is None:
                ip = netip.AddrFrom16(from6.Addr).WithZone(zoneCache.name(from6.ZoneId))
                port = from6.Port
        addr = netip.AddrPortFrom(ip, port) if err is None else netip.AddrPort()
        return n, addr, err

    def readMsg(self, b: Any, oob: Any) -> tuple[int, int, int, netip.AddrPort, Any]:
        """net/udpsock_posix.go: UDPConn.readMsg."""
        n = oobn = flags = 0
        err: Any = None
        addr = netip.AddrPort()
        fd = self.fd
        if fd.family == AF_INET:
            sa4 = SockaddrInet4()
            n, oobn, flags, err = fd.readMsgInet4(b, oob, 0, sa4)
            addr = netip.AddrPortFrom(netip.AddrFrom4(sa4.Addr), sa4.Port)
        elif fd.family == AF_INET6:
            sa6 = SockaddrInet6()
            n, oobn, flags, err = fd.readMsgInet6(b, oob, 0, sa6)
            ip = netip.AddrFrom16(sa6.Addr).WithZone(zoneCache.name(sa6.ZoneId))
            addr = netip.AddrPortFrom(ip, sa6.Port)
        return n, oobn, flags, addr, err

    def writeTo(self, b: Any, addr: UDPAddr | None) -> tuple[int, Any]:
        """net/udpsock_posix.go: UDPConn.writeTo."""
        fd = self.fd
        if fd.isConnected:
            return 0, ErrWriteToConnected
        if addr is None:
            return 0, errMissingAddress
        if fd.family == AF_INET:
            sa, err = ipToSockaddrInet4(addr.IP, addr.Port)
            if err is not None:
                return 0, err
            assert sa is not None
            return fd.writeToInet4(b, sa)  # type: ignore[no-any-return]
        if fd.family == AF_INET6:
            sa, err = ipToSockaddrInet6(addr.IP, addr.Port, addr.Zone)
            if err is not None:
                return 0, err
            assert sa is not None
            return fd.writeToInet6(b, sa)  # type: ignore[no-any-return]
        return 0, AddrError(Err="invalid address family", Addr=ipEmptyString(addr.IP))

    def writeToAddrPort(self, b: Any, addr: netip.AddrPort) -> tuple[int, Any]:
        """net/udpsock_posix.go: UDPConn.writeToAddrPort."""
        fd = self.fd
        if fd.isConnected:
            return 0, ErrWriteToConnected
        if not addr.IsValid():
            return 0, errMissingAddress
        if fd.family == AF_INET:
            sa, err = addrPortToSockaddrInet4(addr)
            if err is not None:
                return 0, err
            return fd.writeToInet4(b, sa)  # type: ignore[no-any-return]
        if fd.family == AF_INET6:
            sa6, err = addrPortToSockaddrInet6(addr)
            if err is not None:
                return 0, err
            return fd.writeToInet6(b, sa6)  # type: ignore[no-any-return]
        return 0, AddrError(Err="invalid address family", Addr=addr.Addr().String())

    def writeMsg(self, b: Any, oob: Any, addr: UDPAddr | None) -> tuple[int, int, Any]:
        """net/udpsock_posix.go: UDPConn.writeMsg."""
        fd = self.fd
        if fd.isConnected and addr is not None:
            return 0, 0, ErrWriteToConnected
        if not fd.isConnected and addr is None:
            return 0, 0, errMissingAddress
        sa = None
        if addr is not None:
            sa, err = addr.sockaddr(fd.family)
            if err is not None:
                return 0, 0, err
        return fd.writeMsg(b, oob, sa)  # type: ignore[no-any-return]

    def writeMsgAddrPort(self, b: Any, oob: Any, addr: netip.AddrPort) -> tuple[int, int, Any]:
        """net/udpsock_posix.go: UDPConn.writeMsgAddrPort (go1.26: a connected socket with
        the zero AddrPort sends to its peer)."""
        fd = self.fd
        if fd.isConnected and addr.IsValid():
            return 0, 0, ErrWriteToConnected
        if not fd.isConnected and not addr.IsValid():
            return 0, 0, errMissingAddress
        if fd.family == AF_INET:
            sap4 = None
            if addr.IsValid():
                sap4, err = addrPortToSockaddrInet4(addr)
                if err is not None:
                    return 0, 0, err
            return fd.writeMsgInet4(b, oob, sap4)  # type: ignore[no-any-return]
        if fd.family == AF_INET6:
            sap6 = None
            if addr.IsValid():
                sap6, err = addrPortToSockaddrInet6(addr)
                if err is not None:
                    return 0, 0, err
            return fd.writeMsgInet6(b, oob, sap6)  # type: ignore[no-any-return]
        return 0, 0, AddrError(Err="invalid address family", Addr=addr.Addr().String())


def newUDPConn(fd: Any) -> UDPConn:
    """net/udpsock.go: newUDPConn."""
    return UDPConn(fd)


def DialUDP(network: str, laddr: UDPAddr | None,
            raddr: UDPAddr | None) -> tuple[UDPConn | None, error | None]:
    """net/udpsock.go: DialUDP. A connected UDP socket (connect(2) sends nothing)."""
    return dialUDP(context.Background(), None, network, laddr, raddr)


def dialUDP(ctx: Any, dialer: Dialer | None, network: str, laddr: UDPAddr | None,
            raddr: UDPAddr | None) -> tuple[UDPConn | None, Any]:
    """net/udpsock.go: dialUDP (go1.26). Shared by DialUDP and Dialer.DialUDP."""
    from net.dial import Dialer, sysDialer

    _needArgs("DialUDP", UDPAddr, network, laddr=laddr, raddr=raddr)
    if network not in ("udp", "udp4", "udp6"):
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=raddr,
                             Err=UnknownNetworkError(network))
    if raddr is None:
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=None,
                             Err=errMissingAddress)
    sd = sysDialer(dialer if dialer is not None else Dialer(), network, raddr.String())
    c, err = sd.dialUDP(ctx, laddr, raddr)
    if err is not None:
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=raddr, Err=err)
    return c, None


def ListenUDP(network: str, laddr: UDPAddr | None) -> tuple[UDPConn | None, error | None]:
    """net/udpsock.go: ListenUDP. An unconnected UDP socket bound to laddr (None: any, port 0)."""
    from net.dial import ListenConfig, sysListener

    _needArgs("ListenUDP", UDPAddr, network, laddr=laddr)
    if network not in ("udp", "udp4", "udp6"):
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr,
                             Err=UnknownNetworkError(network))
    if laddr is None:
        laddr = UDPAddr()
    sl = sysListener(ListenConfig(), network, laddr.String())
    c, err = sl.listenUDP(context.Background(), laddr)
    if err is not None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr, Err=err)
    return c, None


def ListenMulticastUDP(network: str, ifi: Interface | None,
                       gaddr: UDPAddr | None) -> tuple[UDPConn | None, error | None]:
    """net/udpsock.go: ListenMulticastUDP. Join group gaddr on ifi (None: the system's choice).

    The socket gets SO_REUSEADDR, is bound to the group's port on the
    wildcard address, and has multicast loopback turned off, as Go's.
    """
    from net.dial import ListenConfig, sysListener

    _needArgs("ListenMulticastUDP", UDPAddr, network, gaddr=gaddr)
    if network not in ("udp", "udp4", "udp6"):
        return None, OpError(Op="listen", Net=network, Source=None, Addr=gaddr,
                             Err=UnknownNetworkError(network))
    if gaddr is None or gaddr.IP is None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=gaddr,
                             Err=errMissingAddress)
    sl = sysListener(ListenConfig(), network, gaddr.String())
    c, err = sl.listenMulticastUDP(context.Background(), ifi, gaddr)
    if err is not None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=gaddr, Err=err)
    return c, None
