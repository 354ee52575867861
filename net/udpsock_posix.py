"""net/udpsock_posix.go (go1.27.0): UDP over POSIX sockets.

A UDP dial makes a datagram socket and connect(2)s it, which sends nothing:
it only fixes the peer, so the kernel filters what the socket receives and
Write needs no address. A UDP listen binds a datagram socket and stops
there (``netFD.listenDatagram``, net/sock_posix.py). A multicast listen is
a listen on the group's port with SO_REUSEADDR, bound to the wildcard
address, then (net/sockoptip4_linux.py, net/sockoptip6_posix.py) the
outgoing interface if one was named, multicast loopback off, and the group
join.

The UDPAddr and UDPConn methods of this Go file are defined on those
classes in net/udpsock.py; sysDialer and sysListener methods are functions
here named ``sysDialer_dialUDP`` etc., taking the receiver first (as in
net/tcpsock_posix.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from net.ip import IP
from net.ipsock_posix import internetSocket
from net.sockoptip4_linux import joinIPv4Group, setIPv4MulticastInterface, setIPv4MulticastLoopback
from net.sockoptip6_posix import joinIPv6Group, setIPv6MulticastInterface, setIPv6MulticastLoopback
from net.udpsock import UDPAddr, UDPConn, newUDPConn
from rt.sys_linux import AF_INET, AF_INET6, SOCK_DGRAM, SockaddrTuple

if TYPE_CHECKING:
    from net.interface import Interface


def sockaddrToUDP(sa: SockaddrTuple | None) -> UDPAddr | None:
    """net/udpsock_posix.go: sockaddrToUDP."""
    if sa is None:
        return None
    if sa.Family == AF_INET:
        return UDPAddr(IP=IP(sa.Addr), Port=sa.Port)
    if sa.Family == AF_INET6:
        from net.ipsock import zoneCache

        return UDPAddr(IP=IP(sa.Addr), Port=sa.Port, Zone=zoneCache.name(sa.ZoneId))
    return None


def _dialCtrlFn(d: Any) -> Any:
    """The Dialer's ControlContext, or its Control adapted to that shape (Go's closure)."""
    ctrlCtxFn = d.ControlContext
    if ctrlCtxFn is None and d.Control is not None:
        control = d.Control

        def ctrlCtxFn(ctx: Any, network: str, address: str, c: Any) -> Any:
            return control(network, address, c)

    return ctrlCtxFn


def _listenCtrlFn(lc: Any) -> Any:
    """The ListenConfig's Control adapted to ControlContext's shape (Go's closure)."""
    if lc.Control is None:
        return None
    control = lc.Control

    def ctrlCtxFn(ctx: Any, network: str, address: str, c: Any) -> Any:
        return control(network, address, c)

    return ctrlCtxFn


def sysDialer_dialUDP(sd: Any, ctx: Any, laddr: UDPAddr | None,
                      raddr: UDPAddr) -> tuple[UDPConn | None, Any]:
    """net/udpsock_posix.go: sysDialer.dialUDP."""
    fd, err = internetSocket(ctx, sd.network, laddr, raddr, SOCK_DGRAM, 0, "dial",
                             _dialCtrlFn(sd.Dialer))
    if err is not None:
        return None, err
    return newUDPConn(fd), None


def sysListener_listenUDP(sl: Any, ctx: Any, laddr: UDPAddr) -> tuple[UDPConn | None, Any]:
    """net/udpsock_posix.go: sysListener.listenUDP."""
    fd, err = internetSocket(ctx, sl.network, laddr, None, SOCK_DGRAM, 0, "listen",
                             _listenCtrlFn(sl.ListenConfig))
    if err is not None:
        return None, err
    return newUDPConn(fd), None


def sysListener_listenMulticastUDP(sl: Any, ctx: Any, ifi: Interface | None,
                                   gaddr: UDPAddr) -> tuple[UDPConn | None, Any]:
    """net/udpsock_posix.go: sysListener.listenMulticastUDP."""
    fd, err = internetSocket(ctx, sl.network, gaddr, None, SOCK_DGRAM, 0, "listen",
                             _listenCtrlFn(sl.ListenConfig))
    if err is not None:
        return None, err
    c = newUDPConn(fd)
    assert gaddr.IP is not None
    ip4 = gaddr.IP.To4()
    if ip4 is not None:
        err = listenIPv4MulticastUDP(c, ifi, ip4)
    else:
        err = listenIPv6MulticastUDP(c, ifi, gaddr.IP)
    if err is not None:
        c.Close()
        return None, err
    return c, None


def listenIPv4MulticastUDP(c: UDPConn, ifi: Interface | None, ip: IP) -> Any:
    """net/udpsock_posix.go: listenIPv4MulticastUDP."""
    if ifi is not None:
        err = setIPv4MulticastInterface(c.fd, ifi)
        if err is not None:
            return err
    err = setIPv4MulticastLoopback(c.fd, False)
    if err is not None:
        return err
    return joinIPv4Group(c.fd, ifi, ip)


def listenIPv6MulticastUDP(c: UDPConn, ifi: Interface | None, ip: IP) -> Any:
    """net/udpsock_posix.go: listenIPv6MulticastUDP."""
    if ifi is not None:
        err = setIPv6MulticastInterface(c.fd, ifi)
        if err is not None:
            return err
    err = setIPv6MulticastLoopback(c.fd, False)
    if err is not None:
        return err
    return joinIPv6Group(c.fd, ifi, ip)
