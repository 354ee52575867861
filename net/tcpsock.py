"""net/tcpsock.go (go1.27.0): TCP addresses, TCPConn and TCPListener.

This part: ``TCPAddr`` (with the sockaddr methods tcpsock_posix.go gives
it, which must be defined on the class) and ``ResolveTCPAddr``. The
connection types go in the reserved section at the end.

A ``TCPAddr`` is a dataclass with Go's fields ``IP`` (``net.IP`` or None),
``Port`` (int) and ``Zone`` (str), built with keywords:
``net.TCPAddr(IP=net.ParseIP("127.0.0.1"), Port=8080)``. It compares by
value (Go code compares them with reflect.DeepEqual; a 4-byte and a 16-byte
IP are different values there too). Go's ``*TCPAddr`` may be nil; here that
is None, and ``String()`` of an address with no IP is ":port".

It also hashes by value, so ``subs[c.RemoteAddr()] = c`` and
``c.RemoteAddr() in subs`` work as a porter expects. A Go map keyed by the
``Addr`` interface compares the pointers, and finds an entry again only
because a conn hands out the same ``*TCPAddr`` every time; here equal
addresses are one key even when they are different objects (the server's
RemoteAddr of a client and that client's own LocalAddr, or an address
rebuilt field by field). A dataclass that defines ``==`` gets no hash
unless asked, hence the explicit ``__hash__`` over the same fields ``==``
compares. Equality stays DeepEqual's, so an address with a 4-byte IP (what
the kernel reports for a conn) and one with the 16-byte form of the same
IP (what ResolveTCPAddr and ParseIP give) are two keys; key by
``addr.String()`` to merge them, as Go programs do. The fields stay
assignable, as Go's are (``addr.Port = 0`` ports unchanged); the price is
Python's usual one for a mutable key: change an address while it is in a
dict and the dict no longer finds it. ``IP`` is an immutable ``bytes``
(net/ip.py), so only assigning a field can do that. UDPAddr, IPAddr,
UnixAddr and IPNet follow the same rule.

"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from net import netip
from net.ip import IP, IPv4len, ipEmptyString
from net.ipsock import JoinHostPort, internetAddrList, ipToSockaddr, loopbackIP
from net.net import (
    Addr,
    Conn,
    OpError,
    UnknownNetworkError,
    _listenerRepr,
    _needArgs,
    _needInt,
    _nilAddr,
    conn,
)
from rt.sys_linux import AF_INET, AF_INET6, EINVAL, SockaddrTuple
from std import context, io, os, time
from std.errors import error

if TYPE_CHECKING:
    from net.dial import Dialer, KeepAliveConfig
    from net.rawconn import rawConn, rawListener

__all__ = ["DialTCP", "ListenTCP", "ResolveTCPAddr", "TCPAddr", "TCPAddrFromAddrPort", "TCPConn",
           "TCPListener"]

_IP = IP


@dataclass(repr=True)
class TCPAddr:
    """net.TCPAddr: the address of a TCP end point (see the module doc)."""

    IP: _IP | None = None
    Port: int = 0
    Zone: str = ""  # IPv6 scoped addressing zone

    def __hash__(self) -> int:
        return hash((self.IP, self.Port, self.Zone))

    def AddrPort(self) -> netip.AddrPort:
        """net/tcpsock.go: TCPAddr.AddrPort. The address as a netip.AddrPort.

        An IP that is neither 4 nor 16 bytes gives the zero (invalid) Addr
        with the port, as Go's does.
        """
        na, _ = netip.AddrFromSlice(bytes(self.IP) if self.IP is not None else b"")
        na = na.WithZone(self.Zone)
        return netip.AddrPortFrom(na, self.Port & 0xFFFF)

    def Network(self) -> str:
        """net.TCPAddr.Network: the network name "tcp", for the Addr interface."""
        return "tcp"

    def String(self) -> str:
        """net.TCPAddr.String: "127.0.0.1:80", "[::1]:80", "[fe80::1%eth0]:80", ":80"."""
        ip = ipEmptyString(self.IP)
        if self.Zone:
            return JoinHostPort(ip + "%" + self.Zone, str(self.Port))
        return JoinHostPort(ip, str(self.Port))

    def __str__(self) -> str:
        return self.String()

    def isWildcard(self) -> bool:
        """net/tcpsock.go: TCPAddr.isWildcard. No IP, or an unspecified one."""
        if self.IP is None:
            return True
        return self.IP.IsUnspecified()

    def opAddr(self) -> Addr | None:
        """net/tcpsock.go: TCPAddr.opAddr. Go's guard against a typed nil in OpError.

        A Python None needs no guard: pass ``laddr`` itself (None or a
        TCPAddr) as OpError's Source/Addr. Kept so ported code reads as Go.
        """
        return self

    def family(self) -> int:
        """net/tcpsock_posix.go: TCPAddr.family. AF_INET unless the IP is real IPv6."""
        if self.IP is None or len(self.IP) <= IPv4len:
            return AF_INET
        if self.IP.To4() is not None:
            return AF_INET
        return AF_INET6

    def sockaddr(self, family: int) -> tuple[SockaddrTuple | None, error | None]:
        """net/tcpsock_posix.go: TCPAddr.sockaddr. The sockaddr for a socket of ``family``.

        Encode the result with ``rt.sys_linux.sockaddr_encode`` for bind or
        connect. Errors are ipToSockaddr's AddrErrors.
        """
        return ipToSockaddr(family, self.IP, self.Port, self.Zone)

    def toLocal(self, net: str) -> TCPAddr:
        """net/tcpsock_posix.go: TCPAddr.toLocal. The same port on the loopback address."""
        return TCPAddr(IP=loopbackIP(net), Port=self.Port, Zone=self.Zone)


def ResolveTCPAddr(network: str, address: str) -> tuple[TCPAddr | None, error | None]:
    """net.ResolveTCPAddr: the address of a TCP end point; returns ``(addr, err)``.

    ``network`` is "tcp", "tcp4" or "tcp6" ("" means "tcp", Go 1.0's
    undocumented behaviour); anything else gives
    ``UnknownNetworkError(network)``. ``address`` is "host:port"; a host
    name is resolved and, of several addresses, an IPv4 one is preferred
    unless the address was an IPv6 literal; "" or ":port" give an address
    with IP None. Errors are those of internetAddrList.
    """
    if not isinstance(network, str) or not isinstance(address, str):
        bad = network if not isinstance(network, str) else address
        raise TypeError(f"net.ResolveTCPAddr needs str arguments, not {type(bad).__name__}")
    if network == "":
        network = "tcp"
    elif network not in ("tcp", "tcp4", "tcp6"):
        return None, UnknownNetworkError(network)
    addrs, err = internetAddrList(None, context.Background(), network, address)
    if err is not None:
        return None, err
    assert addrs is not None
    a = addrs.forResolve(network, address)
    assert isinstance(a, TCPAddr)
    return a, None


def TCPAddrFromAddrPort(addr: netip.AddrPort) -> TCPAddr:
    """net/tcpsock.go: TCPAddrFromAddrPort. The zero AddrPort gives TCPAddr(IP=None, Port=0)."""
    a = addr.Addr()
    s = a.AsSlice()
    return TCPAddr(IP=IP(s) if s else None, Zone=a.Zone(), Port=addr.Port())


# ---------------------------------------------------------------------------
# TCPConn, TCPListener, DialTCP, ListenTCP (tcpsock.go, tcpsock_unix.go).


class TCPConn(conn):
    """net.TCPConn: a TCP connection (net.Conn), made by Dial or Accept.

    ``n, err = c.Read(buf)``, ``n, err = c.Write(data)``, ``c.Close()``, the
    deadline setters, and TCP's own options. ``with c:`` closes it.
    """

    __slots__ = ()

    def _opErr(self, op: str, err: error | None) -> error | None:
        if err is None:
            return None
        return OpError(Op=op, Net=self.fd.net, Source=self.fd.laddr, Addr=self.fd.raddr,
                       Err=err)

    def SyscallConn(self) -> tuple[rawConn | None, error | None]:
        """net/tcpsock.go: TCPConn.SyscallConn. A syscall.RawConn for the socket."""
        from net.rawconn import newRawConn

        if self.fd is None:
            return None, EINVAL
        return newRawConn(self.fd), None

    def ReadFrom(self, r: io.Reader) -> tuple[int, error | None]:
        """net/tcpsock.go: TCPConn.ReadFrom. io.ReaderFrom: copy r into the connection.

        Copies until r's EOF (or the limit of an io.LimitedReader) and
        returns ``(n, err)``. The kernel does the copy when it can: splice(2)
        from another TCP or stream Unix connection, sendfile(2) from a file
        (any syscall.Conn); otherwise r is read into a buffer and written
        (io.Copy). Errors other than io.EOF are "readfrom" OpErrors.
        """
        if self.fd is None:
            return 0, EINVAL
        n, err = self.readFrom(r)
        if err is not None and err is not io.EOF:
            err = self._opErr("readfrom", err)
        return n, err

    def WriteTo(self, w: io.Writer) -> tuple[int, error | None]:
        """net/tcpsock.go: TCPConn.WriteTo. io.WriterTo: copy the connection into w.

        Copies until the connection's EOF and returns ``(n, err)``; into a
        stream Unix connection through splice(2), otherwise through
        io.Copy (which lets w's own ReadFrom, a TCPConn's or an os.File's,
        splice in turn). Errors other than io.EOF are "writeto" OpErrors.
        """
        if self.fd is None:
            return 0, EINVAL
        n, err = self.writeTo(w)
        if err is not None and err is not io.EOF:
            err = self._opErr("writeto", err)
        return n, err

    def readFrom(self, r: Any) -> tuple[int, Any]:
        """net/tcpsock_posix.go: TCPConn.readFrom. splice, then sendfile, then a copy."""
        from net.sendfile import sendFile
        from net.splice_linux import spliceFrom

        n, err, handled = spliceFrom(self.fd, r)
        if handled:
            return n, err
        n, err, handled = sendFile(self.fd, r)
        if handled:
            return n, err
        return genericReadFrom(self, r)

    def writeTo(self, w: Any) -> tuple[int, Any]:
        """net/tcpsock_posix.go: TCPConn.writeTo. splice into a Unix conn, else a copy."""
        from net.splice_linux import spliceTo

        n, err, handled = spliceTo(w, self.fd)
        if handled:
            return n, err
        return genericWriteTo(self, w)

    def CloseRead(self) -> error | None:
        """net/tcpsock.go: TCPConn.CloseRead: shut down the reading side (shutdown SHUT_RD); later
        Reads return EOF. Most callers want Close.
        """
        if self.fd is None:
            return EINVAL
        return self._opErr("close", self.fd.closeRead())

    def CloseWrite(self) -> error | None:
        """net/tcpsock.go: TCPConn.CloseWrite. shutdown(SHUT_WR): the peer reads EOF."""
        if self.fd is None:
            return EINVAL
        return self._opErr("close", self.fd.closeWrite())

    def SetLinger(self, sec: int) -> error | None:
        """net/tcpsock.go: TCPConn.SetLinger. <0: close in the background (default)."""
        from net.sockopt_posix import setLinger

        _needInt("TCPConn.SetLinger", sec=sec)
        if self.fd is None:
            return EINVAL
        return self._opErr("set", setLinger(self.fd, sec))

    def SetKeepAlive(self, keepalive: bool) -> error | None:
        """net/tcpsock.go: TCPConn.SetKeepAlive: turn TCP keep-alive probes on or off
        (SO_KEEPALIVE); an OpError on failure.
        """
        from net.sockopt_posix import setKeepAlive

        if self.fd is None:
            return EINVAL
        return self._opErr("set", setKeepAlive(self.fd, keepalive))

    def SetKeepAlivePeriod(self, d: int) -> error | None:
        """net/tcpsock.go: TCPConn.SetKeepAlivePeriod. Sets TCP_KEEPIDLE only."""
        from net.tcpsockopt import setKeepAliveIdle

        time._needDuration("TCPConn.SetKeepAlivePeriod", "d", d)
        if self.fd is None:
            return EINVAL
        return self._opErr("set", setKeepAliveIdle(self.fd, d))

    def SetKeepAliveConfig(self, config: KeepAliveConfig) -> error | None:
        """net/tcpsock_unix.go: TCPConn.SetKeepAliveConfig. The first failure is returned."""
        from net.dial import KeepAliveConfig
        from net.sockopt_posix import setKeepAlive
        from net.tcpsockopt import setKeepAliveCount, setKeepAliveIdle, setKeepAliveInterval

        if not isinstance(config, KeepAliveConfig):
            raise TypeError("TCPConn.SetKeepAliveConfig: config must be a KeepAliveConfig, "
                            f"not {type(config).__name__}")
        time._needDuration("TCPConn.SetKeepAliveConfig", "config.Idle", config.Idle)
        time._needDuration("TCPConn.SetKeepAliveConfig", "config.Interval", config.Interval)
        time._needInt("TCPConn.SetKeepAliveConfig", "config.Count", config.Count)
        if self.fd is None:
            return EINVAL
        err = setKeepAlive(self.fd, config.Enable)
        if err is None:
            err = setKeepAliveIdle(self.fd, config.Idle)
        if err is None:
            err = setKeepAliveInterval(self.fd, config.Interval)
        if err is None:
            err = setKeepAliveCount(self.fd, config.Count)
        return self._opErr("set", err)

    def SetNoDelay(self, noDelay: bool) -> error | None:
        """net/tcpsock.go: TCPConn.SetNoDelay. On by default, as in Go."""
        from net.tcpsockopt import setNoDelay

        if self.fd is None:
            return EINVAL
        return self._opErr("set", setNoDelay(self.fd, noDelay))

    def MultipathTCP(self) -> tuple[bool, error | None]:
        """net/tcpsock.go: TCPConn.MultipathTCP. Always False here (net/dial.py)."""
        if self.fd is None:
            return False, EINVAL
        return False, None


def genericReadFrom(c: TCPConn, r: Any) -> tuple[int, Any]:
    """net/net.go: genericReadFrom. io.Copy with c's ReadFrom hidden (no recursion)."""
    return io.Copy(tcpConnWithoutReadFrom(c), r)


def genericWriteTo(c: TCPConn, w: Any) -> tuple[int, Any]:
    """net/net.go: genericWriteTo. io.Copy with c's WriteTo hidden."""
    return io.Copy(w, tcpConnWithoutWriteTo(c))


class tcpConnWithoutReadFrom:
    """net/net.go: tcpConnWithoutReadFrom. Every method of the TCPConn but ReadFrom.

    Go embeds the ``*TCPConn`` beside a ``noReadFrom``; here the other
    attributes are looked up on ``TCPConn`` (Read and Write directly, as
    io.Copy calls them per chunk), and ReadFrom is absent, so io.Copy does
    not call back into ReadFrom.
    """

    __slots__ = ("TCPConn",)

    def __init__(self, c: TCPConn) -> None:
        self.TCPConn = c

    def Read(self, b: Any) -> tuple[int, Any]:
        return self.TCPConn.Read(b)

    def Write(self, b: Any) -> tuple[int, Any]:
        return self.TCPConn.Write(b)

    def __getattr__(self, name: str) -> Any:
        if name == "ReadFrom":
            raise AttributeError(name)
        return getattr(self.TCPConn, name)


class tcpConnWithoutWriteTo:
    """net/net.go: tcpConnWithoutWriteTo. Every method of the TCPConn but WriteTo.

    What genericWriteTo hands to io.Copy: the destination's ReadFrom can
    still recognise the TCP connection inside (net's spliceFrom does, and
    os.File's splice finds its descriptor through SyscallConn).
    """

    __slots__ = ("TCPConn",)

    def __init__(self, c: TCPConn) -> None:
        self.TCPConn = c

    @property
    def fd(self) -> Any:
        """The embedded TCPConn's netFD (Go's promoted field ``v.fd``)."""
        return self.TCPConn.fd

    def Read(self, b: Any) -> tuple[int, Any]:
        return self.TCPConn.Read(b)

    def Write(self, b: Any) -> tuple[int, Any]:
        return self.TCPConn.Write(b)

    def __getattr__(self, name: str) -> Any:
        if name == "WriteTo":
            raise AttributeError(name)
        return getattr(self.TCPConn, name)


def newTCPConn(fd: Any, keepAliveIdle: int, keepAliveCfg: Any, preKeepAliveHook: Any,
               keepAliveHook: Any) -> TCPConn:
    """net/tcpsock.go: newTCPConn. TCP_NODELAY on; keep-alive 15 s/15 s/9 unless disabled."""
    from net.dial import KeepAliveConfig
    from net.tcpsockopt import setNoDelay

    setNoDelay(fd, True)  # error ignored, as Go
    if not keepAliveCfg.Enable and keepAliveIdle >= 0:
        keepAliveCfg = KeepAliveConfig(Enable=True, Idle=keepAliveIdle)
    c = TCPConn(fd)
    if keepAliveCfg.Enable:
        if preKeepAliveHook is not None:
            preKeepAliveHook(fd)
        c.SetKeepAliveConfig(keepAliveCfg)  # errors ignored, as Go
        if keepAliveHook is not None:
            keepAliveHook(keepAliveCfg)
    return c


def DialTCP(network: str, laddr: TCPAddr | None,
            raddr: TCPAddr | None) -> tuple[TCPConn | None, error | None]:
    """net/tcpsock.go: DialTCP. ``c, err = net.DialTCP("tcp", None, raddr)``."""
    return dialTCP(context.Background(), None, network, laddr, raddr)


def dialTCP(ctx: context.Context, dialer: Dialer | None, network: str, laddr: TCPAddr | None,
            raddr: TCPAddr | None) -> tuple[TCPConn | None, error | None]:
    """net/tcpsock.go: dialTCP (go1.26). Shared by DialTCP and Dialer.DialTCP."""
    from net.dial import Dialer, sysDialer
    from net.net import errMissingAddress

    _needArgs("DialTCP", TCPAddr, network, laddr=laddr, raddr=raddr)
    if network not in ("tcp", "tcp4", "tcp6"):
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=raddr,
                             Err=UnknownNetworkError(network))
    if raddr is None:
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=None,
                             Err=errMissingAddress)
    sd = sysDialer(dialer if dialer is not None else Dialer(), network,
                   raddr.String())
    c, err = sd.dialTCP(ctx, laddr, raddr)
    if err is not None:
        return None, OpError(Op="dial", Net=network, Source=laddr, Addr=raddr, Err=err)
    return c, None


class TCPListener:
    """net.TCPListener: a TCP listener (net.Listener). ``with ln:`` closes it."""

    __slots__ = ("fd", "lc")

    def __init__(self, fd: Any, lc: Any) -> None:
        self.fd = fd
        self.lc = lc

    def ok(self) -> bool:
        """net/tcpsock_posix.go: TCPListener.ok."""
        return self.fd is not None

    def SyscallConn(self) -> tuple[rawListener | None, error | None]:
        """net/tcpsock.go: TCPListener.SyscallConn: a raw connection for calling Control on the
        socket; its Read and Write return EINVAL.
        """
        from net.rawconn import newRawListener

        if self.fd is None:
            return None, EINVAL
        return newRawListener(self.fd), None

    def AcceptTCP(self) -> tuple[TCPConn | None, error | None]:
        """net/tcpsock.go: TCPListener.AcceptTCP. Parks until a connection comes."""
        if self.fd is None:
            return None, EINVAL
        c, err = self.accept()
        if err is not None:
            return None, OpError(Op="accept", Net=self.fd.net, Source=None,
                                 Addr=self.fd.laddr, Err=err)
        return c, None

    def Accept(self) -> tuple[Conn | None, error | None]:
        """net/tcpsock.go: TCPListener.Accept. net.Listener's Accept (AcceptTCP gives a TCPConn)."""
        return self.AcceptTCP()

    def accept(self) -> tuple[TCPConn | None, error | None]:
        """net/tcpsock_posix.go: TCPListener.accept."""
        from net import hook

        fd, err = self.fd.accept()
        if err is not None:
            return None, err
        return newTCPConn(fd, self.lc.KeepAlive, self.lc.KeepAliveConfig,
                          hook.testPreHookSetKeepAlive, hook.testHookSetKeepAlive), None

    def Close(self) -> error | None:
        """net/tcpsock.go: TCPListener.Close. Goroutines in Accept return ErrClosed."""
        if self.fd is None:
            return EINVAL
        err = self.fd.Close()
        if err is not None:
            return OpError(Op="close", Net=self.fd.net, Source=None, Addr=self.fd.laddr,
                           Err=err)
        return None

    def Addr(self) -> Addr:
        """net/tcpsock.go: TCPListener.Addr. None (Go's nil Addr) for a listener with no socket."""
        la: Addr = self.fd.laddr if self.fd is not None else _nilAddr
        return la

    def SetDeadline(self, t: time.Time) -> error | None:
        """net/tcpsock.go: TCPListener.SetDeadline. The poll error, unwrapped, as Go."""
        time._needTime("TCPListener.SetDeadline", "t", t)
        if self.fd is None:
            return EINVAL
        err: error | None = self.fd.SetDeadline(t)
        return err

    def File(self) -> tuple[os.File | None, error | None]:
        """net/tcpsock.go: TCPListener.File. A duplicate of the socket as an os.File."""
        if self.fd is None:
            return None, EINVAL
        f, err = self.fd.dup()
        if err is not None:
            return None, OpError(Op="file", Net=self.fd.net, Source=None, Addr=self.fd.laddr,
                                 Err=err)
        return f, None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            self.Close()

    def __repr__(self) -> str:
        return _listenerRepr(self)


def ListenTCP(network: str, laddr: TCPAddr | None) -> tuple[TCPListener | None, error | None]:
    """net/tcpsock.go: ListenTCP. ``ln, err = net.ListenTCP("tcp", laddr)``."""
    from net.dial import ListenConfig, sysListener

    _needArgs("ListenTCP", TCPAddr, network, laddr=laddr)
    if network not in ("tcp", "tcp4", "tcp6"):
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr,
                             Err=UnknownNetworkError(network))
    if laddr is None:
        laddr = TCPAddr()
    sl = sysListener(ListenConfig(), network, laddr.String())
    ln, err = sl.listenTCP(context.Background(), laddr)
    if err is not None:
        return None, OpError(Op="listen", Net=network, Source=None, Addr=laddr, Err=err)
    return ln, None
