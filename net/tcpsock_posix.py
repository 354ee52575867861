"""net/tcpsock_posix.go + tcpsock_unix.go (go1.27.0): TCP over POSIX sockets.

The dial path for TCP: ``sysDialer.dialTCP`` (test hooks) → ``doDialTCP`` →
``doDialTCPProto``: make and connect the socket (``internetSocket``),
retrying up to twice when Linux connected the socket to itself (an
ephemeral port equal to the target's, on loopback) or reported a spurious
EADDRNOTAVAIL, then wrap the fd in a TCPConn with Go's defaults (no delay,
keep-alive 15 s).

The copy path: ``TCPConn.readFrom`` tries splice(2) (net/splice_linux.py,
when the source is another TCP or stream Unix connection), then
sendfile(2) (net/sendfile.py, when the source is a file or any
syscall.Conn), and only then io.Copy through a buffer (genericReadFrom);
``TCPConn.writeTo`` tries splice into a stream Unix connection, then
io.Copy. Each zero-copy step reports "handled" and the next is tried only
when it did nothing.

Go's TCPAddr and TCPConn methods of this file (family, sockaddr, toLocal,
readFrom, writeTo) and TCPListener.accept are defined on the classes in
net/tcpsock.py; sysDialer and sysListener methods are functions here named
``sysDialer_dialTCP`` etc., taking the receiver first.
"""

from __future__ import annotations

from typing import Any

from net import hook
from net import sendfile as _sendfile  # noqa: F401  (TCPConn.readFrom's, loaded with net)
from net import splice_linux as _splice_linux  # noqa: F401  (likewise)
from net.ip import IP
from net.ipsock_posix import internetSocket
from net.tcpsock import TCPAddr, TCPConn, TCPListener, newTCPConn
from rt.sys_linux import AF_INET, AF_INET6, EADDRNOTAVAIL, SOCK_STREAM, SockaddrTuple


def sockaddrToTCP(sa: SockaddrTuple | None) -> TCPAddr | None:
    """net/tcpsock_posix.go: sockaddrToTCP."""
    if sa is None:
        return None
    if sa.Family == AF_INET:
        return TCPAddr(IP=IP(sa.Addr), Port=sa.Port)
    if sa.Family == AF_INET6:
        from net.ipsock import zoneCache

        return TCPAddr(IP=IP(sa.Addr), Port=sa.Port, Zone=zoneCache.name(sa.ZoneId))
    return None


def sysDialer_dialTCP(sd: Any, ctx: Any, laddr: TCPAddr | None,
                      raddr: TCPAddr) -> tuple[TCPConn | None, Any]:
    """net/tcpsock_posix.go: sysDialer.dialTCP. Test hooks first, then doDialTCP."""
    h = sd.testHookDialTCP
    if h is not None:
        return h(ctx, sd.network, laddr, raddr)  # type: ignore[no-any-return]
    h = hook.testHookDialTCP
    if h is not None:
        return h(ctx, sd.network, laddr, raddr)  # type: ignore[no-any-return]
    return sysDialer_doDialTCP(sd, ctx, laddr, raddr)


def sysDialer_doDialTCP(sd: Any, ctx: Any, laddr: TCPAddr | None,
                        raddr: TCPAddr) -> tuple[TCPConn | None, Any]:
    """net/tcpsock_posix.go: sysDialer.doDialTCP."""
    return sysDialer_doDialTCPProto(sd, ctx, laddr, raddr, 0)


def sysDialer_doDialTCPProto(sd: Any, ctx: Any, laddr: TCPAddr | None, raddr: TCPAddr,
                             proto: int) -> tuple[TCPConn | None, Any]:
    """net/tcpsock_posix.go: sysDialer.doDialTCPProto."""
    d = sd.Dialer
    ctrlCtxFn = d.ControlContext
    if ctrlCtxFn is None and d.Control is not None:
        control = d.Control

        def ctrlCtxFn(ctx: Any, network: str, address: str, c: Any) -> Any:
            return control(network, address, c)

    fd, err = internetSocket(ctx, sd.network, laddr, raddr, SOCK_STREAM, proto, "dial",
                             ctrlCtxFn)
    # Linux can connect a socket to itself when the kernel picks the target's
    # port as the ephemeral one; try again, as Go does (twice at most).
    i = 0
    while i < 2 and (laddr is None or laddr.Port == 0) and (
            selfConnect(fd, err) or spuriousENOTAVAIL(err)):
        if err is None:
            fd.Close()
        fd, err = internetSocket(ctx, sd.network, laddr, raddr, SOCK_STREAM, proto, "dial",
                                 ctrlCtxFn)
        i += 1
    if err is not None:
        return None, err
    return newTCPConn(fd, d.KeepAlive, d.KeepAliveConfig, hook.testPreHookSetKeepAlive,
                      hook.testHookSetKeepAlive), None


def selfConnect(fd: Any, err: Any) -> bool:
    """net/tcpsock_posix.go: selfConnect. Local and remote ends are the same address."""
    if err is not None:
        return False
    if fd.laddr is None or fd.raddr is None:
        return True
    l, r = fd.laddr, fd.raddr
    return bool(l.Port == r.Port and l.IP is not None and l.IP.Equal(r.IP))


def spuriousENOTAVAIL(err: Any) -> bool:
    """net/tcpsock_posix.go: spuriousENOTAVAIL. EADDRNOTAVAIL under an OpError/SyscallError."""
    from net.net import OpError
    from std import os

    if isinstance(err, OpError):
        err = err.Err
    if isinstance(err, os.SyscallError):
        err = err.Err
    return err is EADDRNOTAVAIL or (isinstance(err, int) and err == EADDRNOTAVAIL)


def sysListener_listenTCP(sl: Any, ctx: Any, laddr: TCPAddr) -> tuple[TCPListener | None, Any]:
    """net/tcpsock_posix.go: sysListener.listenTCP."""
    return sysListener_listenTCPProto(sl, ctx, laddr, 0)


def sysListener_listenTCPProto(sl: Any, ctx: Any, laddr: TCPAddr,
                               proto: int) -> tuple[TCPListener | None, Any]:
    """net/tcpsock_posix.go: sysListener.listenTCPProto."""
    lc = sl.ListenConfig
    ctrlCtxFn = None
    if lc.Control is not None:
        control = lc.Control

        def ctrlCtxFn(ctx: Any, network: str, address: str, c: Any) -> Any:
            return control(network, address, c)

    fd, err = internetSocket(ctx, sl.network, laddr, None, SOCK_STREAM, proto, "listen",
                             ctrlCtxFn)
    if err is not None:
        return None, err
    return TCPListener(fd, lc), None
