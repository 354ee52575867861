"""net/file_posix.go (go1.27.0): the net value for an adopted socket.

``newFileFD`` asks the kernel what the duplicated socket is: its type
(SO_TYPE), its local address (getsockname, whose family decides between
IPv4, IPv6 and Unix; anything else is EPROTONOSUPPORT) and its peer
(getpeername; none for a listener or an unconnected datagram socket). The
network name is the local address's ("tcp", "udp", "ip", "unix",
"unixgram", "unixpacket"), and the descriptor is registered with the
poller. (A socket whose type has no net value, an SCTP socket say, is
EPROTONOSUPPORT here; Go's newFileFD would call Network on a nil Addr and
panic.) ``fileConn``, ``fileListener`` and ``filePacketConn`` then pick
the type by the address; a listening socket handed to FileConn becomes
a TCPConn or UnixConn that fails its reads, as in Go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from net.file_unix import _SO_TYPE, dupFileSocket
from rt import sys_linux
from rt.poll import hook_unix
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    AF_UNIX,
    AF_UNSPEC,
    EINVAL,
    EPROTONOSUPPORT,
    SOL_SOCKET,
    Errno,
    SockaddrTuple,
)

if TYPE_CHECKING:
    from net.fd_unix import netFD
    from std.os.file import File


def newFileFD(f: File) -> tuple[netFD | None, Any]:
    """net/file_posix.go: newFileFD."""
    from net.fd_unix import newFD
    from net.sock_posix import addrFunc
    from std import os

    s, err = dupFileSocket(f)
    if err is not None:
        return None, err
    family = AF_UNSPEC
    sotype, errno = sys_linux.getsockopt_int(s, SOL_SOCKET, _SO_TYPE)
    if errno:
        hook_unix.CloseFunc(s)
        return None, os.NewSyscallError("getsockopt", errno)
    lsa, errno = _getsockname(s)
    if errno:
        hook_unix.CloseFunc(s)
        return None, os.NewSyscallError("getsockname", errno)
    rb, errno = sys_linux.getpeername(s)
    rsa = sys_linux.anyToSockaddr(rb)[0] if not errno else None
    if lsa is not None and lsa.Family in (AF_INET, AF_INET6, AF_UNIX):
        family = lsa.Family
    else:
        hook_unix.CloseFunc(s)
        return None, EPROTONOSUPPORT
    fd = newFD(s, family, sotype, "")
    af = addrFunc(fd)
    laddr = af(lsa)
    raddr = af(rsa)
    if laddr is None:  # a socket type with no net type (SOCK_RAW on AF_UNIX...)
        hook_unix.CloseFunc(s)
        return None, EPROTONOSUPPORT
    fd.net = laddr.Network()
    err = fd.init()
    if err is not None:
        fd.Close()
        return None, err
    fd.setAddr(laddr, raddr)
    return fd, None


def _getsockname(s: int) -> tuple[SockaddrTuple | None, Errno]:
    """syscall.Getsockname: the decoded local address.

    Go's decoder also knows AF_NETLINK and AF_PACKET addresses, which then
    meet newFileFD's "no such case" (EPROTONOSUPPORT); ours does not decode
    them, so they are reported as an address of no family (None) to the
    same effect. Other families fail to decode, with EAFNOSUPPORT, as Go's.
    """
    lb, errno = sys_linux.getsockname(s)
    if errno:
        return None, errno
    if len(lb) >= 2 and int.from_bytes(lb[:2], "little") in (_AF_NETLINK, _AF_PACKET):
        return None, errno
    return sys_linux.anyToSockaddr(lb)


_AF_NETLINK = 16
_AF_PACKET = 17


def fileConn(f: File) -> tuple[Any, Any]:
    """net/file_posix.go: fileConn."""
    from net import hook
    from net.dial import KeepAliveConfig
    from net.iprawsock import newIPConn
    from net.ipsock import IPAddr
    from net.tcpsock import TCPAddr, newTCPConn
    from net.tcpsockopt import defaultTCPKeepAliveIdle
    from net.udpsock import UDPAddr, newUDPConn
    from net.unixsock import UnixAddr, newUnixConn

    fd, err = newFileFD(f)
    if err is not None:
        return None, err
    assert fd is not None
    la = fd.laddr
    if isinstance(la, TCPAddr):
        return newTCPConn(fd, defaultTCPKeepAliveIdle, KeepAliveConfig(),
                          hook.testPreHookSetKeepAlive, hook.testHookSetKeepAlive), None
    if isinstance(la, UDPAddr):
        return newUDPConn(fd), None
    if isinstance(la, IPAddr):
        return newIPConn(fd), None
    if isinstance(la, UnixAddr):
        return newUnixConn(fd), None
    fd.Close()
    return None, EINVAL


def fileListener(f: File) -> tuple[Any, Any]:
    """net/file_posix.go: fileListener. Unix listeners made here never unlink their file."""
    from net.dial import ListenConfig
    from net.tcpsock import TCPAddr, TCPListener
    from net.unixsock import UnixAddr, UnixListener

    fd, err = newFileFD(f)
    if err is not None:
        return None, err
    assert fd is not None
    la = fd.laddr
    if isinstance(la, TCPAddr):
        return TCPListener(fd, ListenConfig()), None
    if isinstance(la, UnixAddr):
        return UnixListener(fd, la.Name, False), None
    fd.Close()
    return None, EINVAL


def filePacketConn(f: File) -> tuple[Any, Any]:
    """net/file_posix.go: filePacketConn."""
    from net.iprawsock import newIPConn
    from net.ipsock import IPAddr
    from net.udpsock import UDPAddr, newUDPConn
    from net.unixsock import UnixAddr, newUnixConn

    fd, err = newFileFD(f)
    if err is not None:
        return None, err
    assert fd is not None
    la = fd.laddr
    if isinstance(la, UDPAddr):
        return newUDPConn(fd), None
    if isinstance(la, IPAddr):
        return newIPConn(fd), None
    if isinstance(la, UnixAddr):
        return newUnixConn(fd), None
    fd.Close()
    return None, EINVAL
