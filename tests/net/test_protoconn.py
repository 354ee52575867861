"""net/protoconn_test.go (go1.27.0), ported: every protocol-specific method is callable.

All six tests, in Go's order: TestTCPListenerSpecificMethods,
TestTCPConnSpecificMethods, TestUDPConnSpecificMethods,
TestIPConnSpecificMethods, TestUnixListenerSpecificMethods,
TestUnixConnSpecificMethods. Go calls each method and mostly ignores the
results; the port also checks what they did (the socket options really set,
the datagrams really delivered, the errors' exact text), marked "the port's
own". (The two TCP tests were first ported in test_tcpsock.py; they are here
again because this file mirrors protoconn_test.go.)

Go's ``condFatalf`` is ``t.Fatalf`` on Linux. ``File()`` returns a
duplicate descriptor here (no os.File yet), which the test closes. Go's
``defer recover()`` around the calls with nil addresses ("must not panic")
is simply the calls returning their errors, which the port checks.
TestIPConnSpecificMethods needs CAP_NET_RAW (root) and is skipped with the
error without it, as Go's testenv.SyscallIsNotSupported does. The unix
socket files live in fresh temporary directories (``testUnixAddr``).
"""

from __future__ import annotations

import os as _pyos
from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from net.iprawsock import IPAddr, ListenIP, ResolveIPAddr
from net.net import ErrWriteToConnected, OpError, errMissingAddress
from net.tcpsock import ListenTCP, ResolveTCPAddr
from net.udpsock import ListenUDP, ResolveUDPAddr, UDPAddr
from net.unixsock import DialUnix, ListenUnix, ListenUnixgram, ResolveUnixAddr
from rt import sys_linux
from rt.sys_linux import (
    ENOTCONN,
    IPPROTO_TCP,
    SO_ACCEPTCONN,
    SO_KEEPALIVE,
    SO_LINGER,
    SO_RCVBUF,
    SO_SNDBUF,
    SOL_SOCKET,
    TCP_KEEPIDLE,
    TCP_NODELAY,
)
from std import errors, os, time
from tests.net.mockserver import localServer, removeTestUnixAddrs, someTimeout, testUnixAddr
from tests.net.test_packetconn import syscallIsNotSupported
from tests.net.testable import testableNetwork

__all__ = ["removeTestUnixAddrs"]  # the autouse fixture, imported for the tests below

pytestmark = pytest.mark.usefixtures("sw")


def mustSetDeadline(m: Callable[[time.Time], Any], d: int) -> None:
    """main_test.go: mustSetDeadline."""
    err = m(time.Now().Add(d))
    assert err is None, err


def _getsockopt(c: Any, level: int, opt: int) -> int:
    """The port's own: an int socket option of c's socket, read inside Control."""
    rc, err = c.SyscallConn()
    assert err is None, err
    got: list[int] = []

    def read(fd: int) -> None:
        v, errno = sys_linux.getsockopt_int(fd, level, opt)
        assert not errno, errno
        got.append(v)

    assert rc.Control(read) is None
    return got[0]


def _checkBuffers(c: Any) -> None:
    """The port's own: SetReadBuffer(2048)/SetWriteBuffer(2048) reached the socket.

    Linux doubles the value (and raises SO_SNDBUF to its floor, 4608).
    """
    assert _getsockopt(c, SOL_SOCKET, SO_RCVBUF) == 2 * 2048
    assert _getsockopt(c, SOL_SOCKET, SO_SNDBUF) >= 2 * 2048


def _checkFile(f: Any, err: Any) -> None:
    """``f, err := c.File(); f.Close()``: an os.File on a duplicate of the socket."""
    assert err is None, err
    assert f.Fd() >= 0
    assert f.Close() is None


def test_TCPListenerSpecificMethods() -> None:
    def main() -> None:
        la, err = ResolveTCPAddr("tcp4", "127.0.0.1:0")
        assert err is None and la is not None, err
        ln, err = ListenTCP("tcp4", la)
        assert err is None and ln is not None, err
        with ln:
            ln.Addr()
            mustSetDeadline(ln.SetDeadline, 30 * time.Nanosecond)

            c, err = ln.Accept()
            if err is not None:
                assert err.Timeout(), err
                # The port's own: Go's text and nesting.
                assert str(err) == f"accept tcp4 {ln.Addr().String()}: i/o timeout"
                assert errors.Is(err, os.ErrDeadlineExceeded)
            else:
                c.Close()
            tc, err = ln.AcceptTCP()
            if err is not None:
                assert err.Timeout(), err
            elif tc is not None:
                tc.Close()

            f, err = ln.File()
            assert err is None, err
            # The port's own: a duplicate of the listening socket.
            v, errno = sys_linux.getsockopt_int(f.Fd(), SOL_SOCKET, SO_ACCEPTCONN)
            assert (v, errno) == (1, 0)
            assert f.Close() is None

    rt.run(main)


def test_TCPConnSpecificMethods() -> None:
    def main() -> None:
        la, err = ResolveTCPAddr("tcp4", "127.0.0.1:0")
        assert err is None and la is not None, err
        ln, err = ListenTCP("tcp4", la)
        assert err is None and ln is not None, err
        ch: rt.hchan[Any] = rt.chan(1)
        ls = localServer(ln)
        try:
            ls.buildup(lambda ls, ln: ls.transponder(ls.Listener, ch))
            ra, err = ResolveTCPAddr("tcp4", ls.Listener.Addr().String())
            assert err is None and ra is not None, err
            c, err = net.DialTCP("tcp4", None, ra)
            assert err is None and c is not None, err
            with c:
                assert c.SetKeepAlive(False) is None
                assert c.SetKeepAlivePeriod(3 * time.Second) is None
                assert c.SetLinger(0) is None
                assert c.SetNoDelay(False) is None
                c.LocalAddr()
                c.RemoteAddr()
                assert c.SetDeadline(time.Now().Add(someTimeout)) is None
                assert c.SetReadDeadline(time.Now().Add(someTimeout)) is None
                assert c.SetWriteDeadline(time.Now().Add(someTimeout)) is None
                # The port's own: the options are on the socket.
                assert _getsockopt(c, SOL_SOCKET, SO_KEEPALIVE) == 0
                assert _getsockopt(c, IPPROTO_TCP, TCP_KEEPIDLE) == 3
                assert _getsockopt(c, IPPROTO_TCP, TCP_NODELAY) == 0
                rc, _ = c.SyscallConn()
                linger: list[bytes] = []
                assert rc.Control(lambda fd: linger.append(
                    sys_linux.getsockopt_bytes(fd, SOL_SOCKET, SO_LINGER, 8)[0])) is None
                assert linger == [(1).to_bytes(4, "little") + bytes(4)]  # on, 0 s

                _, err = c.Write(b"TCPCONN TEST")
                assert err is None, err
                rb = bytearray(128)
                n, err = c.Read(rb)
                assert err is None, err
                assert bytes(rb[:n]) == b"TCPCONN TEST"
            for err in ch:
                pytest.fail(str(err))
        finally:
            ls.teardown()

    rt.run(main)


def test_UDPConnSpecificMethods() -> None:
    def main() -> None:
        la, err = ResolveUDPAddr("udp4", "127.0.0.1:0")
        assert err is None and la is not None, err
        c, err = ListenUDP("udp4", la)
        assert err is None and c is not None, err
        with c:
            c.LocalAddr()
            c.RemoteAddr()
            assert c.SetDeadline(time.Now().Add(someTimeout)) is None
            assert c.SetReadDeadline(time.Now().Add(someTimeout)) is None
            assert c.SetWriteDeadline(time.Now().Add(someTimeout)) is None
            assert c.SetReadBuffer(2048) is None
            assert c.SetWriteBuffer(2048) is None
            _checkBuffers(c)
            assert c.RemoteAddr() is None  # the port's own: Go's nil Addr

            wb = b"UDPCONN TEST"
            rb = bytearray(128)
            laddr = c.LocalAddr()
            assert isinstance(laddr, UDPAddr)
            _, err = c.WriteToUDP(wb, laddr)
            assert err is None, err
            n, addr, err = c.ReadFromUDP(rb)
            assert err is None, err
            assert (bytes(rb[:n]), addr) == (wb, laddr)  # the port's own
            # Go's nil oob; here an empty buffer (None is a TypeError: API.md).
            _, _, err = c.WriteMsgUDP(wb, b"", laddr)
            assert err is None, err  # condFatalf
            n, oobn, flags, addr, err = c.ReadMsgUDP(rb, bytearray())
            assert err is None, err  # condFatalf
            assert (bytes(rb[:n]), oobn, flags, addr) == (wb, 0, 0, laddr)

            f, err = c.File()
            _checkFile(f, err)

            # Go: must not panic. The port's own: Go's errors.
            n, err = c.WriteToUDP(wb, None)
            assert n == 0 and isinstance(err, OpError) and err.Err is errMissingAddress
            assert str(err) == f"write udp4 {laddr.String()}: missing address"
            n, oobn, err = c.WriteMsgUDP(wb, b"", None)
            assert (n, oobn) == (0, 0) and isinstance(err, OpError)
            assert err.Err is errMissingAddress
            assert str(err) == f"write udp4 {laddr.String()}: missing address"

    rt.run(main)


def test_IPConnSpecificMethods() -> None:
    if not testableNetwork("ip4"):
        pytest.skip("skipping: ip4 not supported")

    def main() -> None:
        la, err = ResolveIPAddr("ip4", "127.0.0.1")
        assert err is None and la is not None, err
        c, err = ListenIP("ip4:icmp", la)
        if syscallIsNotSupported(err):
            # May be inside a container that disallows creating a socket or
            # not running as root.
            pytest.skip(f"skipping: {err}")
        assert err is None and c is not None, err
        with c:
            c.LocalAddr()
            c.RemoteAddr()
            assert c.SetDeadline(time.Now().Add(someTimeout)) is None
            assert c.SetReadDeadline(time.Now().Add(someTimeout)) is None
            assert c.SetWriteDeadline(time.Now().Add(someTimeout)) is None
            assert c.SetReadBuffer(2048) is None
            assert c.SetWriteBuffer(2048) is None
            _checkBuffers(c)

            f, err = c.File()
            _checkFile(f, err)

            # Go: must not panic. The port's own: Go's errors (the network is
            # the socket's, "ip4", without the protocol).
            wb = b"IPCONN TEST"
            n, err = c.WriteToIP(wb, None)
            assert n == 0 and isinstance(err, OpError) and err.Err is errMissingAddress
            assert str(err) == "write ip4 127.0.0.1: missing address"
            n, oobn, err = c.WriteMsgIP(wb, b"", None)
            assert (n, oobn) == (0, 0) and isinstance(err, OpError)
            assert err.Err is errMissingAddress
            assert str(err) == "write ip4 127.0.0.1: missing address"
            # ... and an address of another type is EINVAL, as WriteTo's.
            _, err = c.WriteTo(wb, UDPAddr(IP=net.IPv4(127, 0, 0, 1)))
            assert str(err) == "write ip4 127.0.0.1->127.0.0.1:0: invalid argument"
            assert isinstance(c.LocalAddr(), IPAddr)

    rt.run(main)


def test_UnixListenerSpecificMethods() -> None:
    if not testableNetwork("unix"):
        pytest.skip("unix test")
    addr = testUnixAddr()

    def main() -> None:
        la, err = ResolveUnixAddr("unix", addr)
        assert err is None and la is not None, err
        ln, err = ListenUnix("unix", la)
        assert err is None and ln is not None, err
        try:
            ln.Addr()
            mustSetDeadline(ln.SetDeadline, 30 * time.Nanosecond)

            c, err = ln.Accept()
            if err is not None:
                assert err.Timeout(), err
                assert str(err) == f"accept unix {addr}: i/o timeout"  # the port's own
            else:
                c.Close()
            uc, err = ln.AcceptUnix()
            if err is not None:
                assert err.Timeout(), err
            elif uc is not None:
                uc.Close()

            f, err = ln.File()
            assert err is None, err
            v, errno = sys_linux.getsockopt_int(f.Fd(), SOL_SOCKET, SO_ACCEPTCONN)
            assert (v, errno) == (1, 0)  # the port's own: the listening socket
            assert f.Close() is None
        finally:
            ln.Close()
            try:
                _pyos.remove(addr)
            except FileNotFoundError:
                pass  # Close unlinked it (the listener made the file)

    rt.run(main)


def test_UnixConnSpecificMethods() -> None:
    if not testableNetwork("unixgram"):
        pytest.skip("unixgram test")
    addr1, addr2, addr3 = testUnixAddr(), testUnixAddr(), testUnixAddr()

    def setters(c: Any) -> None:
        c.LocalAddr()
        c.RemoteAddr()
        assert c.SetDeadline(time.Now().Add(someTimeout)) is None
        assert c.SetReadDeadline(time.Now().Add(someTimeout)) is None
        assert c.SetWriteDeadline(time.Now().Add(someTimeout)) is None
        assert c.SetReadBuffer(2048) is None
        assert c.SetWriteBuffer(2048) is None
        _checkBuffers(c)
        assert c.RemoteAddr() is None  # the port's own: bound, not connected

    def main() -> None:
        conns: list[Any] = []
        try:
            a1, err = ResolveUnixAddr("unixgram", addr1)
            assert err is None and a1 is not None, err
            c1, err = DialUnix("unixgram", a1, None)
            assert err is None and c1 is not None, err
            conns.append(c1)
            setters(c1)

            a2, err = ResolveUnixAddr("unixgram", addr2)
            assert err is None and a2 is not None, err
            c2, err = DialUnix("unixgram", a2, None)
            assert err is None and c2 is not None, err
            conns.append(c2)
            setters(c2)

            a3, err = ResolveUnixAddr("unixgram", addr3)
            assert err is None and a3 is not None, err
            c3, err = ListenUnixgram("unixgram", a3)
            assert err is None and c3 is not None, err
            conns.append(c3)
            setters(c3)

            wb = b"UNIXCONN TEST"
            rb1 = bytearray(128)
            rb2 = bytearray(128)
            rb3 = bytearray(128)
            _, _, err = c1.WriteMsgUnix(wb, b"", a2)
            assert err is None, err
            n, _, _, addr, err = c2.ReadMsgUnix(rb2, bytearray())
            assert err is None, err
            assert (bytes(rb2[:n]), addr) == (wb, a1)  # the port's own, likewise below
            _, err = c2.WriteToUnix(wb, a1)
            assert err is None, err
            n, addr, err = c1.ReadFromUnix(rb1)
            assert err is None, err
            assert (bytes(rb1[:n]), addr) == (wb, a2)
            _, err = c3.WriteToUnix(wb, a1)
            assert err is None, err
            n, addr, err = c1.ReadFromUnix(rb1)
            assert err is None, err
            assert (bytes(rb1[:n]), addr) == (wb, a3)
            _, err = c2.WriteToUnix(wb, a3)
            assert err is None, err
            n, addr, err = c3.ReadFromUnix(rb3)
            assert err is None, err
            assert (bytes(rb3[:n]), addr) == (wb, a2)

            f, err = c1.File()
            _checkFile(f, err)

            # Go: must not panic. The port's own: Go's errors (WriteMsgUnix with
            # no address leaves it to sendmsg on the unconnected socket).
            _, err = c1.WriteToUnix(wb, None)
            assert isinstance(err, OpError) and err.Err is errMissingAddress
            assert str(err) == f"write unixgram {addr1}: missing address"
            _, _, err = c1.WriteMsgUnix(wb, b"", None)
            assert errors.Is(err, ENOTCONN)
            notconn = "sendmsg: transport endpoint is not connected"
            assert str(err) == f"write unixgram {addr1}: {notconn}"
            _, err = c3.WriteToUnix(wb, None)
            assert str(err) == f"write unixgram {addr3}: missing address"
            _, _, err = c3.WriteMsgUnix(wb, b"", None)
            assert str(err) == f"write unixgram {addr3}: {notconn}"
            assert not errors.Is(err, ErrWriteToConnected)
        finally:
            for c in conns:
                c.Close()
            for a in (addr1, addr2, addr3):
                try:
                    _pyos.remove(a)
                except FileNotFoundError:
                    pass

    rt.run(main)
