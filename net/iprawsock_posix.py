"""net/iprawsock_posix.go (go1.27.0): raw IP sockets over POSIX sockets.

The network names the protocol ("ip4:icmp", "ip6:58"); ``parseNetwork``
(net/lookup.py) splits it, and the socket is made with SOCK_RAW and that
protocol number through the same ``internetSocket`` path TCP and UDP take.

The IPAddr methods of this Go file (family, sockaddr, toLocal) are defined
on IPAddr in net/ipsock.py and the IPConn ones on IPConn in
net/iprawsock.py; sysDialer and sysListener methods are functions here
taking the receiver first.
"""

from __future__ import annotations

from typing import Any

from net.ip import IP
from net.iprawsock import IPConn, newIPConn
from net.ipsock import IPAddr, zoneCache
from net.ipsock_posix import internetSocket
from net.net import UnknownNetworkError
from net.udpsock_posix import _dialCtrlFn, _listenCtrlFn
from rt.sys_linux import AF_INET, AF_INET6, SOCK_RAW, SockaddrTuple


def sockaddrToIP(sa: SockaddrTuple | None) -> IPAddr | None:
    """net/iprawsock_posix.go: sockaddrToIP."""
    if sa is None:
        return None
    if sa.Family == AF_INET:
        return IPAddr(IP=IP(sa.Addr))
    if sa.Family == AF_INET6:
        return IPAddr(IP=IP(sa.Addr), Zone=zoneCache.name(sa.ZoneId))
    return None


def sysDialer_dialIP(sd: Any, ctx: Any, laddr: IPAddr | None,
                     raddr: IPAddr) -> tuple[IPConn | None, Any]:
    """net/iprawsock_posix.go: sysDialer.dialIP."""
    from net.lookup import parseNetwork

    network, proto, err = parseNetwork(ctx, sd.network, True)
    if err is not None:
        return None, err
    if network not in ("ip", "ip4", "ip6"):
        return None, UnknownNetworkError(sd.network)
    fd, err = internetSocket(ctx, network, laddr, raddr, SOCK_RAW, proto, "dial",
                             _dialCtrlFn(sd.Dialer))
    if err is not None:
        return None, err
    return newIPConn(fd), None


def sysListener_listenIP(sl: Any, ctx: Any, laddr: IPAddr) -> tuple[IPConn | None, Any]:
    """net/iprawsock_posix.go: sysListener.listenIP."""
    from net.lookup import parseNetwork

    network, proto, err = parseNetwork(ctx, sl.network, True)
    if err is not None:
        return None, err
    if network not in ("ip", "ip4", "ip6"):
        return None, UnknownNetworkError(sl.network)
    fd, err = internetSocket(ctx, network, laddr, None, SOCK_RAW, proto, "listen",
                             _listenCtrlFn(sl.ListenConfig))
    if err is not None:
        return None, err
    return newIPConn(fd), None
