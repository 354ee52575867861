"""net/iprawsock.go + iprawsock_posix.go (go1.27.0): raw IP sockets (IPConn).

An ``IPConn`` is a SOCK_RAW socket for one IP protocol, named in the
network: "ip4:icmp", "ip4:1", "ip6:ipv6-icmp". It needs CAP_NET_RAW (root),
as in Go; without it the dial or listen fails with "socket: operation not
permitted". Each read returns one packet; on IPv4 the kernel hands raw
sockets the IP header too, and ``ReadFrom``/``ReadFromIP`` strip it
(``stripIPv4Header``) so the caller sees the payload, as Go's do, while
``ReadMsgIP`` leaves it. Writes carry the payload only; the kernel builds
the header.

``IPAddr`` itself lives in net/ipsock.py, which needs it to build address
lists (with the family/sockaddr/toLocal methods iprawsock_posix.go gives
it), and is re-exported here so that ``from net.iprawsock import IPAddr``
reads as Go's file layout does. The IPConn methods of iprawsock_posix.go
are defined on the class here; sysDialer and sysListener methods are
functions in net/iprawsock_posix.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from net.ip import IP
from net.ipsock import IPAddr, internetAddrList, zoneCache
from net.net import (
    Addr,
    ErrWriteToConnected,
    OpError,
    UnknownNetworkError,
    _needArgs,
    conn,
    errMissingAddress,
)
from rt.sys_linux import AF_INET, AF_INET6, EINVAL
from std import context
from std.errors import error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

    from net import netip
    from net.dial import Dialer
    from net.rawconn import rawConn

__all__ = ["DialIP", "IPAddr", "IPConn", "ListenIP", "ResolveIPAddr"]


def ResolveIPAddr(network: str, address: str) -> tuple[IPAddr | None, error | None]:
    """net/iprawsock.go: ResolveIPAddr. The address of an IP end point; ``(addr, err)``.

    ``network`` is "ip", "ip4" or "ip6", optionally with ":proto" (a number
    or a name from /etc/protocols, which must be known); "" means "ip".
    Anything else gives ``UnknownNetworkError(network)``. ``address`` is a
    host: an IP literal (with an optional "%zone") or a name to resolve;
    an IPv4 result is preferred unless the address was an IPv6 literal.
    """
    from net.lookup import parseNetwork

    if not isinstance(network, str) or not isinstance(address, str):
        bad = network if not isinstance(network, str) else address
        raise TypeError(f"net.ResolveIPAddr needs str arguments, not {type(bad).__name__}")
    if network == "":
        network = "ip"
    afnet, _, err = parseNetwork(context.Background(), network, False)
    if err is not None:
        return None, err
    if afnet not in ("ip", "ip4", "ip6"):
        return None, UnknownNetworkError(network)
    addrs, err = internetAddrList(None, context.Background(), afnet, address)
    if err is not None:
        return None, err
    assert addrs is not None
    a = addrs.forResolve(network, address)
    assert isinstance(a, IPAddr)
    return a, None


def ipAddrFromAddr(addr: netip.Addr) -> IPAddr:
    """net/iprawsock.go: ipAddrFromAddr. The zero Addr gives IPAddr(IP=None)."""
    s = addr.AsSlice()
    return IPAddr(IP=IP(s) if s else None, Zone=addr.Zone())


class IPConn(conn):
    """net.IPConn: a raw IP socket (net.Conn and net.PacketConn); see the module doc."""

    __slots__ = ()

    # ReadFrom/WriteTo here are PacketConn's, not io.ReaderFrom/WriterTo's,
    # which Go's type assertions tell apart by signature (std/io.py's
    # asWriterTo says how io.Copy honours this).
    packetReadWrite: ClassVar[bool] = True

    def SyscallConn(self) -> tuple[rawConn | None, error | None]:
        """net/iprawsock.go: IPConn.SyscallConn. A syscall.RawConn for the socket."""
        from net.rawconn import newRawConn

        if not self.ok():
            return None, EINVAL
        return newRawConn(self.fd), None

    def ReadFromIP(self, b: WriteableBuffer) -> tuple[int, IPAddr | None, error | None]:
        """net/iprawsock.go: IPConn.ReadFromIP. One packet's payload; ``(n, sender, err)``."""
        if not self.ok():
            return 0, None, EINVAL
        n, addr, err = self.readFrom(b)
        if err is not None:
            err = OpError(Op="read", Net=self.fd.net, Source=self.fd.laddr, Addr=self.fd.raddr,
                          Err=err)
        return n, addr, err

    def ReadFrom(self, b: WriteableBuffer) -> tuple[int, Addr | None, error | None]:
        """net/iprawsock.go: IPConn.ReadFrom: net.PacketConn's ReadFrom; read one packet into b and
        return (n, the sender as an IPAddr, err).
        """
        return self.ReadFromIP(b)

    def ReadMsgIP(self, b: WriteableBuffer,
                  oob: WriteableBuffer) -> tuple[int, int, int, IPAddr | None, error | None]:
        """net/iprawsock.go: IPConn.ReadMsgIP. ``(n, oobn, flags, sender, err)``."""
        if not self.ok():
            return 0, 0, 0, None, EINVAL
        n, oobn, flags, addr, err = self.readMsg(b, oob)
        if err is not None:
            err = OpError(Op="read", Net=self.fd.net, Source=self.fd.laddr, Addr=self.fd.raddr,
                          Err=err)
        return n, oobn, flags, addr, err

    def WriteToIP(self, b: ReadableBuffer, addr: IPAddr | None) -> tuple[int, error | None]:
        """net/iprawsock.go: IPConn.WriteToIP. One packet to addr."""
        if not self.ok():
            return 0, EINVAL
        _needArgs("IPConn.WriteToIP", IPAddr, addr=addr)
        n, err = self.writeTo(b, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr, Err=err)
        return n, err

    def WriteTo(self, b: ReadableBuffer, addr: Addr) -> tuple[int, error | None]:
        """net/iprawsock.go: IPConn.WriteTo. net.PacketConn's WriteTo; addr must be an IPAddr."""
        if not self.ok():
            return 0, EINVAL
        if not isinstance(addr, IPAddr):
            return 0, OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr,
                              Err=EINVAL)
        return self.WriteToIP(b, addr)

    def WriteMsgIP(self, b: ReadableBuffer, oob: ReadableBuffer,
                   addr: IPAddr | None) -> tuple[int, int, error | None]:
        """net/iprawsock.go: IPConn.WriteMsgIP. Data and control data; ``(n, oobn, err)``."""
        if not self.ok():
            return 0, 0, EINVAL
        _needArgs("IPConn.WriteMsgIP", IPAddr, addr=addr)
        n, oobn, err = self.writeMsg(b, oob, addr)
        if err is not None:
            err = OpError(Op="write", Net=self.fd.net, Source=self.fd.laddr, Addr=addr, Err=err)
        return n, oobn, err

    # -- iprawsock_posix.go ----------------------------------------------

    def readFrom(self, b: Any) -> tuple[int, IPAddr | None, Any]:
        """net/iprawsock_posix.go: IPConn.readFrom. Strips an IPv4 header."""
        addr = None
        n, sa, err = self.fd.readFrom(b)
        if sa is not None:
            if sa.Family == AF_INET:
                addr = IPAddr(IP=IP(sa.Addr))
                n = stripIPv4Header(n, b)
            elif sa.Family == AF_INET6:
                addr = IPAddr(IP=IP(sa.Addr), Zone=zoneCache.name(sa.ZoneId))
        return n, addr, err

    def readMsg(self, b: Any, oob: Any) -> tuple[int, int, int, IPAddr | None, Any]:
        """net/iprawsock_posix.go: IPConn.readMsg."""
        addr = None
        n, oobn, flags, sa, err = self.fd.readMsg(b, oob, 0)
        if sa is not None:
            if sa.Family == AF_INET:
                addr = IPAddr(IP=IP(sa.Addr))
            elif sa.Family == AF_INET6:
                addr = IPAddr(IP=IP(sa.Addr), Zone=zoneCache.name(sa.ZoneId))
        return n, oobn, flags, addr, err

    def writeTo(self, b: Any, addr: IPAddr | None) -> tuple[int, Any]:
        """net/iprawsock_posix.go: IPConn.writeTo."""
        if self.fd.isConnected:
            return 0, ErrWriteToConnected
        if addr is None:
            return 0, errMissingAddress
        sa, err = addr.sockaddr(self.fd.family)
        if err is not None:
            return 0, err
        return self.fd.writeTo(b, sa)  # type: ignore[no-any-return]

    def writeMsg(self, b: Any, oob: Any, addr: IPAddr | None) -> tuple[int, int, Any]:
        """net/iprawsock_posix.go: IPConn.writeMsg."""
        if self.fd.isConnected:
            return 0, 0, ErrWriteToConnected
        if addr is None:
            return 0, 0, errMissingAddress
        sa, err = addr.sockaddr(self.fd.family)
        if err is not None:
            return 0, 0, err
        return self.fd.writeMsg(b, oob, sa)  # type: ignore[no-any-return]


def stripIPv4Header(n: int, b: Any) -> int:
    """net/iprawsock_posix.go: stripIPv4Header. Move the payload to the front; its length."""
    if len(b) < 20:
        return n
    l: int = (b[0] & 0x0F) << 2
    if l < 20 or l > len(b):
        return n
    if b[0] >> 4 != 4:
        return n
    mv = memoryview(b).cast("B")
    mv[: len(b) - l] = mv[l:]
    return n - l


def newIPConn(fd: Any) -> IPConn:
    """net/iprawsock.go: newIPConn."""
    return IPConn(fd)


def DialIP(network: str, laddr: IPAddr | None,
           raddr: IPAddr | None) -> tuple[IPConn | None, error | None]:
    """net/iprawsock.go: DialIP. A raw IP socket connected to raddr."""
    return dialIP(context.Background(), None, network, laddr, raddr)


def dialIP(ctx: Any, dialer: Dialer | None, network: str, laddr: IPAddr | None,
           raddr: IPAddr | None) -> tuple[IPConn | None, Any]:
    """net/iprawsock.go: dialIP (go1.26). Shared by DialIP and Dialer.DialIP."""
    from net.dial import Dialer, sysDialer

    _needArgs("DialIP", IPAddr, network, laddr=laddr, raddr=raddr)
    if raddr is None:
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=None,
                             Err=errMissingAddress)
    sd = sysDialer(dialer if dialer is not None else Dialer(), network, raddr.String())
    c, err = sd.dialIP(ctx, laddr, raddr)
    if err is not None:
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=raddr, Err=err)
    return c, None


def ListenIP(network: str, laddr: IPAddr | None) -> tuple[IPConn | None, error | None]:
    """net/iprawsock.go: ListenIP. An unconnected raw IP socket bound to laddr."""
    from net.dial import ListenConfig, sysListener

    _needArgs("ListenIP", IPAddr, network, laddr=laddr)
    if laddr is None:
        laddr = IPAddr()
    sl = sysListener(ListenConfig(), network, laddr.String())
    c, err = sl.listenIP(context.Background(), laddr)
    if err is not None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr, Err=err)
    return c, None


