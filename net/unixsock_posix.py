"""net/unixsock_posix.go (go1.27.0): Unix domain sockets over POSIX sockets.

``unixSocket`` maps the network to a socket type ("unix" SOCK_STREAM,
"unixgram" SOCK_DGRAM, "unixpacket" SOCK_SEQPACKET) and hands over to
net/sock_posix.py's ``socket``, the same path TCP takes. In dial mode an
empty (wildcard) name counts as no address, and a dial needs a remote
address except for "unixgram" with a local one, which makes a bound,
unconnected datagram socket.

The UnixAddr, UnixConn and UnixListener methods of this Go file are
defined on those classes in net/unixsock.py; sysDialer and sysListener
methods are functions here taking the receiver first.
"""

from __future__ import annotations

from typing import Any

from net.net import UnknownNetworkError, errMissingAddress
from net.udpsock_posix import _dialCtrlFn, _listenCtrlFn
from net.unixsock import UnixAddr, UnixConn, UnixListener, newUnixConn
from rt.sys_linux import AF_UNIX, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_STREAM, SockaddrTuple
from std import errors


def unixSocket(ctx: Any, net: str, laddr: UnixAddr | None, raddr: UnixAddr | None,
               mode: str, ctxCtrlFn: Any) -> tuple[Any, Any]:
    """net/unixsock_posix.go: unixSocket."""
    from net.sock_posix import socket

    if net == "unix":
        sotype = SOCK_STREAM
    elif net == "unixgram":
        sotype = SOCK_DGRAM
    elif net == "unixpacket":
        sotype = SOCK_SEQPACKET
    else:
        return None, UnknownNetworkError(net)
    if mode == "dial":
        if laddr is not None and laddr.isWildcard():
            laddr = None
        if raddr is not None and raddr.isWildcard():
            raddr = None
        if raddr is None and (sotype != SOCK_DGRAM or laddr is None):
            return None, errMissingAddress
    elif mode != "listen":
        return None, errors.New("unknown mode: " + mode)
    return socket(ctx, net, AF_UNIX, sotype, 0, False, laddr, raddr, ctxCtrlFn)


def sockaddrToUnix(sa: SockaddrTuple | None) -> UnixAddr | None:
    """net/unixsock_posix.go: sockaddrToUnix."""
    if sa is not None and sa.Family == AF_UNIX:
        return UnixAddr(Name=sa.Name, Net="unix")
    return None


def sockaddrToUnixgram(sa: SockaddrTuple | None) -> UnixAddr | None:
    """net/unixsock_posix.go: sockaddrToUnixgram."""
    if sa is not None and sa.Family == AF_UNIX:
        return UnixAddr(Name=sa.Name, Net="unixgram")
    return None


def sockaddrToUnixpacket(sa: SockaddrTuple | None) -> UnixAddr | None:
    """net/unixsock_posix.go: sockaddrToUnixpacket."""
    if sa is not None and sa.Family == AF_UNIX:
        return UnixAddr(Name=sa.Name, Net="unixpacket")
    return None


def sysDialer_dialUnix(sd: Any, ctx: Any, laddr: UnixAddr | None,
                       raddr: UnixAddr | None) -> tuple[UnixConn | None, Any]:
    """net/unixsock_posix.go: sysDialer.dialUnix."""
    fd, err = unixSocket(ctx, sd.network, laddr, raddr, "dial", _dialCtrlFn(sd.Dialer))
    if err is not None:
        return None, err
    return newUnixConn(fd), None


def sysListener_listenUnix(sl: Any, ctx: Any,
                           laddr: UnixAddr) -> tuple[UnixListener | None, Any]:
    """net/unixsock_posix.go: sysListener.listenUnix."""
    fd, err = unixSocket(ctx, sl.network, laddr, None, "listen", _listenCtrlFn(sl.ListenConfig))
    if err is not None:
        return None, err
    return UnixListener(fd, fd.laddr.String(), True), None


def sysListener_listenUnixgram(sl: Any, ctx: Any,
                               laddr: UnixAddr) -> tuple[UnixConn | None, Any]:
    """net/unixsock_posix.go: sysListener.listenUnixgram."""
    fd, err = unixSocket(ctx, sl.network, laddr, None, "listen", _listenCtrlFn(sl.ListenConfig))
    if err is not None:
        return None, err
    return newUnixConn(fd), None
