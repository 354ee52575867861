"""net/sock_posix.go (go1.27.0): making a socket, dialing it and listening on it.

Go's netFD methods of this file (dial, listenStream, listenDatagram) are
functions here taking the netFD first, since Python cannot spread one class
over several files; the fourth, ``ctrlNetwork``, is a netFD method in
net/fd_unix.py. ``addrFunc`` (Go's sockaddr_posix.go) is here too.

``socket`` is where every TCP, UDP, raw IP and Unix socket is born:
``sysSocket`` (non-blocking, close-on-exec), the default options, the
netFD, then one of three ends. A local address and no remote one is a
listener: a stream or seqpacket socket goes to ``listenStream`` (bind,
listen, and only then register with the poller), a datagram socket to
``listenDatagram`` (bind and register; a multicast group address is bound
as the wildcard with SO_REUSEADDR, so several listeners share the port).
Anything else goes to ``dial``: an optional bind, then the non-blocking
connect, which registers with the poller after its first connect(2) (a
datagram connect completes at once). On any error the socket is closed
before returning: nothing leaks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from net.fd_unix import closeRaw, netFD, newFD
from net.sock_cloexec import sysSocket
from net.sock_linux import listenerBacklog
from net.sockopt_posix import setDefaultListenerSockopts, setDefaultSockopts
from rt import proc, sys_linux
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    AF_UNIX,
    EINVAL,
    SOCK_DGRAM,
    SOCK_RAW,
    SOCK_SEQPACKET,
    SOCK_STREAM,
    SockaddrTuple,
)


def socket(ctx: Any, net: str, family: int, sotype: int, proto: int, ipv6only: bool,
           laddr: Any, raddr: Any, ctrlCtxFn: Any) -> tuple[netFD | None, Any]:
    """net/sock_posix.go: socket. Returns (fd, err); on error nothing stays open.

    Python only: a socket belongs to the rt.run that opens it (its teardown
    closes it), so opening one outside a goroutine is a RuntimeError, raised
    before anything is created.
    """
    if proc.getg() is None:
        raise RuntimeError("net: Dial, Listen and the like must be called from a goroutine "
                           "(inside rt.run)")
    s, err = sysSocket(family, sotype, proto)
    if err is not None:
        return None, err
    err = setDefaultSockopts(s, family, sotype, ipv6only)
    if err is not None:
        closeRaw(s)
        return None, err
    fd = newFD(s, family, sotype, net)
    # A listener: a local address and no remote one.
    if laddr is not None and raddr is None:
        if sotype in (SOCK_STREAM, SOCK_SEQPACKET):
            err = listenStream(fd, ctx, laddr, listenerBacklog(), ctrlCtxFn)
            if err is not None:
                fd.Close()
                return None, err
            return fd, None
        if sotype == SOCK_DGRAM:
            err = listenDatagram(fd, ctx, laddr, ctrlCtxFn)
            if err is not None:
                fd.Close()
                return None, err
            return fd, None
    err = dial(fd, ctx, laddr, raddr, ctrlCtxFn)
    if err is not None:
        fd.Close()
        return None, err
    return fd, None


def addrFunc(fd: netFD) -> Callable[[SockaddrTuple | None], Any]:
    """net/sockaddr_posix.go: netFD.addrFunc. sockaddr -> the net Addr type of this socket."""
    if fd.family in (AF_INET, AF_INET6):
        if fd.sotype == SOCK_STREAM:
            from net.tcpsock_posix import sockaddrToTCP

            return sockaddrToTCP
        if fd.sotype == SOCK_DGRAM:
            from net.udpsock_posix import sockaddrToUDP

            return sockaddrToUDP
        if fd.sotype == SOCK_RAW:
            from net.iprawsock_posix import sockaddrToIP

            return sockaddrToIP
    elif fd.family == AF_UNIX:
        from net import unixsock_posix

        if fd.sotype == SOCK_STREAM:
            return unixsock_posix.sockaddrToUnix
        if fd.sotype == SOCK_DGRAM:
            return unixsock_posix.sockaddrToUnixgram
        if fd.sotype == SOCK_SEQPACKET:
            return unixsock_posix.sockaddrToUnixpacket
    return lambda sa: None


def _runCtrl(fd: netFD, ctx: Any, address: str, ctrlCtxFn: Any) -> Any:
    if ctrlCtxFn is None:
        return None
    from net.rawconn import newRawConn

    c = newRawConn(fd)
    return ctrlCtxFn(ctx, fd.ctrlNetwork(), address, c)


def dial(fd: netFD, ctx: Any, laddr: Any, raddr: Any, ctrlCtxFn: Any) -> Any:
    """net/sock_posix.go: netFD.dial. Bind if asked, connect, then learn both addresses."""
    if ctrlCtxFn is not None:
        ctrlAddr = raddr.String() if raddr is not None else (
            laddr.String() if laddr is not None else "")
        err = _runCtrl(fd, ctx, ctrlAddr, ctrlCtxFn)
        if err is not None:
            return err
    lsa: SockaddrTuple | None = None
    if laddr is not None:
        lsa, err = laddr.sockaddr(fd.family)
        if err is not None:
            return err
        if lsa is not None:
            err = _bind(fd, lsa)
            if err is not None:
                return err
    rsa: SockaddrTuple | None = None
    crsa: SockaddrTuple | None = None
    if raddr is not None:
        rsa, err = raddr.sockaddr(fd.family)
        if err is not None:
            return err
        assert rsa is not None
        crsa, err = fd.connect(ctx, lsa, rsa)
        if err is not None:
            return err
        fd.isConnected = True
    else:
        err = fd.init()
        if err is not None:
            return err
    af = addrFunc(fd)
    la = _localAddr(fd)
    if crsa is not None:
        fd.setAddr(la, af(crsa))
    else:
        pb, errno = sys_linux.getpeername(fd.pfd.Sysfd)
        if not errno:
            rsa2, _ = sys_linux.anyToSockaddr(pb)
            fd.setAddr(la, af(rsa2))
        else:
            fd.setAddr(la, raddr)
    return None


def listenStream(fd: netFD, ctx: Any, laddr: Any, backlog: int, ctrlCtxFn: Any) -> Any:
    """net/sock_posix.go: netFD.listenStream. SO_REUSEADDR, bind, listen, then register."""
    from net import hook
    from std import os

    err = setDefaultListenerSockopts(fd.pfd.Sysfd)
    if err is not None:
        return err
    lsa, err = laddr.sockaddr(fd.family)
    if err is not None:
        return err
    if ctrlCtxFn is not None:
        err = _runCtrl(fd, ctx, laddr.String(), ctrlCtxFn)
        if err is not None:
            return err
    err = _bind(fd, lsa)
    if err is not None:
        return err
    errno = hook.listenFunc(fd.pfd.Sysfd, backlog)
    if errno:
        return os.NewSyscallError("listen", errno)
    err = fd.init()
    if err is not None:
        return err
    fd.setAddr(_localAddr(fd), None)
    return None


def listenDatagram(fd: netFD, ctx: Any, laddr: Any, ctrlCtxFn: Any) -> Any:
    """net/sock_posix.go: netFD.listenDatagram. Bind (a multicast group: the wildcard), register."""
    from net.udpsock import UDPAddr

    if isinstance(laddr, UDPAddr) and laddr.IP is not None and laddr.IP.IsMulticast():
        from net.ip import IPv4zero, IPv6unspecified
        from net.sockopt_posix import setDefaultMulticastSockopts

        err = setDefaultMulticastSockopts(fd.pfd.Sysfd)
        if err is not None:
            return err
        addr = UDPAddr(IP=laddr.IP, Port=laddr.Port, Zone=laddr.Zone)
        if fd.family == AF_INET:
            addr.IP = IPv4zero
        elif fd.family == AF_INET6:
            addr.IP = IPv6unspecified
        laddr = addr
    lsa, err = laddr.sockaddr(fd.family)
    if err is not None:
        return err
    if ctrlCtxFn is not None:
        err = _runCtrl(fd, ctx, laddr.String(), ctrlCtxFn)
        if err is not None:
            return err
    err = _bind(fd, lsa)
    if err is not None:
        return err
    err = fd.init()
    if err is not None:
        return err
    fd.setAddr(_localAddr(fd), None)
    return None


def _bind(fd: netFD, sa: SockaddrTuple | None) -> Any:
    """bind(2) to sa; the error is an os.SyscallError named "bind"."""
    b, errno = sys_linux.sockaddr_encode(sa) if sa is not None else (b"", EINVAL)
    if not errno:
        errno = sys_linux.bind(fd.pfd.Sysfd, b)
    if errno:
        from std import os

        return os.NewSyscallError("bind", errno)
    return None


def _localAddr(fd: netFD) -> Any:
    """The socket's own address (getsockname) as a net Addr."""
    lb, _ = sys_linux.getsockname(fd.pfd.Sysfd)
    lsa, _ = sys_linux.anyToSockaddr(lb)
    return addrFunc(fd)(lsa)
