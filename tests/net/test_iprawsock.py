"""net/iprawsock_test.go (go1.27.0), ported: TestResolveIPAddr, TestIPConnLocalName,
TestIPConnRemoteName and TestDialListenIPArgs, in Go's order, row for row.

Go skips the TestResolveIPAddr table unless "ip+nopriv" is testable;
resolving needs no privilege, so it always runs here. Protocol names
("icmp", "ipv6-icmp", in any case) come from /etc/protocols or the
resolver's built-in table. The IPConn tests make raw sockets, which need
CAP_NET_RAW: ``testableNetwork`` wants root, as Go's does, and a socket the
kernel refuses is a skip with the error (Go's testenv.SyscallIsNotSupported).
(Go moved the IPConn round trips to golang.org/x/net; "full stack" ICMP is
not in this file.)

The port's own tests after them: an ICMP echo request to 127.0.0.1 through
WriteToIP, read back with ReadFromIP and ReadFrom (IPv4 header stripped)
and ReadMsgIP and Read (header kept), as Go's iprawsock_posix.go does;
SO_BROADCAST on a raw socket by default; Go's exact error texts (missing
address, a connected socket given an address, an Addr of another type,
deadlines, bad networks); and Dialer.DialIP with netip.Addr values and a
cancelled context. Error texts were compared with Go 1.19's output for
the same calls (unchanged in go1.27's iprawsock*.go).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from net import netip
from net.ip import IP, IPv4, ParseIP
from net.iprawsock import DialIP, IPAddr, IPConn, ListenIP, ResolveIPAddr
from net.net import (
    AddrError,
    ErrWriteToConnected,
    OpError,
    UnknownNetworkError,
    errCanceled,
    errMissingAddress,
)
from rt import sys_linux
from rt.sys_linux import EINVAL, SO_BROADCAST, SOL_SOCKET
from std import context, errors, os, time
from std.errors import error
from tests.net.test_error import parseDialError, parseReadError, parseWriteError
from tests.net.test_packetconn import icmpEchoRequest, isOurEchoRequest, syscallIsNotSupported
from tests.net.test_tcpsock_addr import localhostHook, sameErr
from tests.net.testable import testableNetwork

__all__ = ["localhostHook"]  # the fixture, imported for the tests below


def _ip(s: str) -> IP:
    ip = ParseIP(s)
    assert ip is not None
    return ip


_noSuitable = "no suitable address found"

resolveIPAddrTests: list[tuple[str, str, IPAddr | None, error | None]] = [
    ("ip", "127.0.0.1", IPAddr(IP=IPv4(127, 0, 0, 1)), None),
    ("ip4", "127.0.0.1", IPAddr(IP=IPv4(127, 0, 0, 1)), None),
    ("ip4:icmp", "127.0.0.1", IPAddr(IP=IPv4(127, 0, 0, 1)), None),
    ("ip", "::1", IPAddr(IP=_ip("::1")), None),
    ("ip6", "::1", IPAddr(IP=_ip("::1")), None),
    ("ip6:ipv6-icmp", "::1", IPAddr(IP=_ip("::1")), None),
    ("ip6:IPv6-ICMP", "::1", IPAddr(IP=_ip("::1")), None),
    ("ip", "::1%en0", IPAddr(IP=_ip("::1"), Zone="en0"), None),
    ("ip6", "::1%911", IPAddr(IP=_ip("::1"), Zone="911"), None),
    ("", "127.0.0.1", IPAddr(IP=IPv4(127, 0, 0, 1)), None),  # Go 1.0 behavior
    ("", "::1", IPAddr(IP=_ip("::1")), None),  # Go 1.0 behavior
    ("ip4:icmp", "", IPAddr(), None),
    ("l2tp", "127.0.0.1", None, UnknownNetworkError("l2tp")),
    ("l2tp:gre", "127.0.0.1", None, UnknownNetworkError("l2tp:gre")),
    ("tcp", "1.2.3.4:123", None, UnknownNetworkError("tcp")),
    ("ip4", "2001:db8::1", None, AddrError(Err=_noSuitable, Addr="2001:db8::1")),
    ("ip4:icmp", "2001:db8::1", None, AddrError(Err=_noSuitable, Addr="2001:db8::1")),
    ("ip6", "127.0.0.1", None, AddrError(Err=_noSuitable, Addr="127.0.0.1")),
    ("ip6", "::ffff:127.0.0.1", None, AddrError(Err=_noSuitable, Addr="::ffff:127.0.0.1")),
    ("ip6:ipv6-icmp", "127.0.0.1", None, AddrError(Err=_noSuitable, Addr="127.0.0.1")),
    ("ip6:ipv6-icmp", "::ffff:127.0.0.1", None,
     AddrError(Err=_noSuitable, Addr="::ffff:127.0.0.1")),
]


@pytest.mark.parametrize("network,litAddrOrName,addr,err", resolveIPAddrTests)
def test_ResolveIPAddr(
    localhostHook: None,
    network: str,
    litAddrOrName: str,
    addr: IPAddr | None,
    err: error | None,
) -> None:
    got, gerr = ResolveIPAddr(network, litAddrOrName)
    assert got == addr and sameErr(gerr, err), (got, gerr)
    if gerr is None:
        assert got is not None
        addr2, err2 = ResolveIPAddr(got.Network(), got.String())
        assert addr2 == addr and err2 is None


def test_PortResolveIPAddr_exported() -> None:
    assert net.ResolveIPAddr is ResolveIPAddr and net.IPAddr is IPAddr
    with pytest.raises(TypeError):
        ResolveIPAddr("ip", 1)  # type: ignore[arg-type]


# --- iprawsock_test.go: the IPConn tests ----------------------------------------


def _skipIfNotSupported(network: str, err: Any) -> None:
    if syscallIsNotSupported(err):
        # May be inside a container that disallows creating a socket.
        pytest.skip(f"skipping {network} test: {err}")


ipConnLocalNameTests: list[tuple[str, IPAddr | None]] = [
    ("ip4:icmp", IPAddr(IP=IPv4(127, 0, 0, 1))),
    ("ip4:icmp", IPAddr()),
    ("ip4:icmp", None),
]


@pytest.mark.usefixtures("sw")
@pytest.mark.parametrize("network,laddr", ipConnLocalNameTests, ids=["127.0.0.1", "empty", "nil"])
def test_IPConnLocalName(network: str, laddr: IPAddr | None) -> None:
    if not testableNetwork(network):
        pytest.skip(f"skipping {network} test")

    def main() -> None:
        c, err = ListenIP(network, laddr)
        _skipIfNotSupported(network, err)
        assert err is None and c is not None, err
        with c:
            la = c.LocalAddr()
            assert la is not None, "should not fail"
            # The port's own: the bound address, as Go reports it.
            assert la == IPAddr(IP=IPv4(127, 0, 0, 1).To4() if laddr and laddr.IP else
                                IPv4(0, 0, 0, 0).To4())

    rt.run(main)


@pytest.mark.usefixtures("sw")
def test_IPConnRemoteName() -> None:
    network = "ip:tcp"
    if not testableNetwork(network):
        pytest.skip(f"skipping {network} test")

    def main() -> None:
        raddr = IPAddr(IP=IPv4(127, 0, 0, 1).To4())
        c, err = DialIP(network, IPAddr(IP=IPv4(127, 0, 0, 1)), raddr)
        _skipIfNotSupported(network, err)
        assert err is None and c is not None, err
        with c:
            # reflect.DeepEqual: a 4-byte IP, as getpeername gives it.
            assert c.RemoteAddr() == raddr, f"got {c.RemoteAddr()!r}; want {raddr!r}"

    rt.run(main)


@pytest.mark.usefixtures("sw")
def test_DialListenIPArgs() -> None:
    def main() -> None:
        tests: list[tuple[list[tuple[str, str]], bool]] = [
            ([
                ("ip", "127.0.0.1"),
                ("ip:", "127.0.0.1"),
                ("ip::", "127.0.0.1"),
                ("ip", "::1"),
                ("ip:", "::1"),
                ("ip::", "::1"),
                ("ip4", "127.0.0.1"),
                ("ip4:", "127.0.0.1"),
                ("ip4::", "127.0.0.1"),
                ("ip6", "::1"),
                ("ip6:", "::1"),
                ("ip6::", "::1"),
            ], True),
        ]
        if testableNetwork("ip"):
            priv: list[tuple[str, str]] = []
            for network, address, args in [
                ("ip4:47", "127.0.0.1", ("ip4:47", "127.0.0.1")),
                ("ip6:47", "::1", ("ip6:47", "::1")),
            ]:
                c, err = net.ListenPacket(network, address)
                if err is not None:
                    continue
                c.Close()
                priv.append(args)
            if priv:
                tests.append((priv, False))

        for argLists, shouldFail in tests:
            for a0, a1 in argLists:
                c, err = net.Dial(a0, a1)
                assert shouldFail == (err is not None), (
                    f"Dial({a0!r}, {a1!r}) = {err}; want (err != nil) is {shouldFail}")
                if c is not None:
                    c.Close()  # Go drops the conn; closed here so nothing leaks
                pc, err = net.ListenPacket(a0, a1)
                assert shouldFail == (err is not None), (
                    f"ListenPacket({a0!r}, {a1!r}) = {err}; want (err != nil) is {shouldFail}")
                if pc is not None:
                    pc.Close()
                a, err = ResolveIPAddr("ip", a1)
                assert err is None, f'ResolveIPAddr("ip", {a1!r}) = {err}'
                ic, err = DialIP(a0, None, a)
                assert shouldFail == (err is not None), (
                    f"DialIP({a0!r}, {a}) = {err}; want (err != nil) is {shouldFail}")
                if ic is not None:
                    ic.Close()
                ic, err = ListenIP(a0, a)
                assert shouldFail == (err is not None), (
                    f"ListenIP({a0!r}, {a}) = {err}; want (err != nil) is {shouldFail}")
                if ic is not None:
                    ic.Close()

    rt.run(main)


# The texts Go 1.19 gives for the failing rows (iprawsock.go's error paths are
# unchanged since): Dial and ListenPacket fail while parsing the network, so
# the error has no address; DialIP and ListenIP name the address.
_dialListenIPArgErrors = [
    ("ip", "127.0.0.1", "unknown network ip", "unknown network ip"),
    ("ip:", "127.0.0.1", "unknown IP protocol specified", "unknown IP protocol specified"),
    ("ip::", "127.0.0.1", "unknown network ip::", "unknown network ip::"),
    ("ip4", "127.0.0.1", "unknown network ip4", "unknown network ip4"),
    ("ip4:", "127.0.0.1", "unknown IP protocol specified", "unknown IP protocol specified"),
    ("ip6", "::1", "unknown network ip6", "unknown network ip6"),
    ("ip6::", "::1", "unknown network ip6::", "unknown network ip6::"),
]


@pytest.mark.usefixtures("sw")
@pytest.mark.parametrize("network,address,dialText,ipText", _dialListenIPArgErrors)
def test_PortDialListenIPArgsErrorText(network: str, address: str, dialText: str,
                                       ipText: str) -> None:
    """The port's own: TestDialListenIPArgs's failures, with Go's exact texts."""
    def main() -> None:
        _, err = net.Dial(network, address)
        assert str(err) == f"dial {network}: {dialText}"
        assert parseDialError(err) is None
        _, err = net.ListenPacket(network, address)
        assert str(err) == f"listen {network}: {dialText}"
        a, _ = ResolveIPAddr("ip", address)
        _, err = DialIP(network, None, a)
        assert str(err) == f"dial {network} {address}: {ipText}"
        assert parseDialError(err) is None
        _, err = ListenIP(network, a)
        assert str(err) == f"listen {network} {address}: {ipText}"

    rt.run(main)


# --- the port's own ----------------------------------------------------------


def _listenICMP() -> IPConn:
    c, err = ListenIP("ip4:icmp", IPAddr(IP=IPv4(127, 0, 0, 1)))
    _skipIfNotSupported("ip4:icmp", err)
    assert err is None and c is not None, err
    assert isinstance(c, IPConn)
    return c


def _needRaw() -> None:
    if not testableNetwork("ip4:icmp"):
        pytest.skip("skipping ip4:icmp test: raw sockets need root")


@pytest.mark.usefixtures("sw")
def test_PortIPConnEcho() -> None:
    """An echo request to 127.0.0.1, seen by a raw ICMP socket in each read form.

    ReadFromIP and ReadFrom strip the IPv4 header (stripIPv4Header), ReadMsgIP
    and Read do not, as in Go. Every ICMP message to 127.0.0.1 reaches the
    socket (the kernel's echo replies, other programs' pings), so each read
    looks for this test's request by its sequence number.
    """
    _needRaw()

    def main() -> None:
        c = _listenICMP()
        with c:
            dst = IPAddr(IP=IPv4(127, 0, 0, 1))
            c.SetReadDeadline(time.Now().Add(5 * time.Second))

            def roundTrip(seq: int, read: Any, headerKept: bool) -> None:
                wb = icmpEchoRequest(seq, b"IPCONN ECHO")
                n, err = c.WriteToIP(wb, dst)
                assert (n, err) == (len(wb), None)
                rb = bytearray(128)
                while True:
                    n, addr, err = read(rb)
                    assert err is None and n > 0, err
                    msg = rb[(rb[0] & 0x0F) << 2:n] if headerKept else rb[:n]
                    if isOurEchoRequest(msg, seq):
                        break
                assert bytes(msg) == wb
                if headerKept:
                    assert rb[0] >> 4 == 4 and n == len(wb) + ((rb[0] & 0x0F) << 2)
                if addr is not None:
                    assert addr == IPAddr(IP=IPv4(127, 0, 0, 1).To4())

            def readMsgIP(b: bytearray) -> tuple[int, Any, Any]:
                n, oobn, flags, addr, err = c.ReadMsgIP(b, bytearray())
                assert (oobn, flags) == (0, 0)
                return n, addr, err

            def read(b: bytearray) -> tuple[int, Any, Any]:
                n, err = c.Read(b)
                return n, None, err

            roundTrip(101, c.ReadFromIP, False)
            roundTrip(102, c.ReadFrom, False)
            roundTrip(103, readMsgIP, True)
            roundTrip(104, read, True)

    rt.run(main)


@pytest.mark.usefixtures("sw")
def test_PortIPConnDefaultsAndErrors() -> None:
    """SO_BROADCAST by default; Go's texts for the bad calls (checked against Go 1.19)."""
    _needRaw()

    def main() -> None:
        c = _listenICMP()
        with c:
            rc, err = c.SyscallConn()
            assert err is None
            got: list[int] = []
            assert rc.Control(lambda fd: got.append(
                sys_linux.getsockopt_int(fd, SOL_SOCKET, SO_BROADCAST)[0])) is None
            assert got == [1]  # setDefaultSockopts: raw sockets may broadcast too

            wb = b"x"
            n, err = c.WriteToIP(wb, None)
            assert (n, str(err)) == (0, "write ip4 127.0.0.1: missing address")
            assert isinstance(err, OpError) and err.Err is errMissingAddress
            assert parseWriteError(err) is None
            n, oobn, err = c.WriteMsgIP(wb, b"", None)
            assert (n, oobn, str(err)) == (0, 0, "write ip4 127.0.0.1: missing address")
            n, err = c.Write(wb)
            assert str(err) == "write ip4 127.0.0.1: write: destination address required"
            n, err = c.WriteTo(wb, net.UDPAddr(IP=IPv4(127, 0, 0, 1)))
            assert str(err) == "write ip4 127.0.0.1->127.0.0.1:0: invalid argument"
            assert isinstance(err, OpError) and err.Err == EINVAL
            n, err = c.WriteToIP(wb, IPAddr(IP=ParseIP("::1")))
            assert str(err) == "write ip4 127.0.0.1->::1: address ::1: non-IPv4 address"

            c.SetReadDeadline(time.Now())
            n, addr, err = c.ReadFromIP(bytearray(8))
            assert (n, addr, str(err)) == (0, None, "read ip4 127.0.0.1: i/o timeout")
            assert errors.Is(err, os.ErrDeadlineExceeded) and parseReadError(err) is None
            n, oobn, flags, addr, err = c.ReadMsgIP(bytearray(8), bytearray())
            assert (n, oobn, flags, addr) == (0, 0, 0, None)
            assert str(err) == "read ip4 127.0.0.1: i/o timeout"
        # After Close.
        n, addr, err = c.ReadFromIP(bytearray(8))
        assert str(err) == "read ip4 127.0.0.1: use of closed network connection"
        n, err = c.WriteToIP(b"x", IPAddr(IP=IPv4(127, 0, 0, 1)))
        assert str(err) == "write ip4 127.0.0.1->127.0.0.1: use of closed network connection"

        for network, laddr, raddr, want in [
            ("ip4:nope", None, None,
             "listen ip4:nope : address nope: unknown IP protocol specified"),
            ("tcp", None, None, "listen tcp : unknown network tcp"),
            ("ip4:icmp", None, None, "dial ip4:icmp: missing address"),
            ("udp", None, IPAddr(IP=IPv4(127, 0, 0, 1)), "dial udp 127.0.0.1: unknown network udp"),
            ("ip4:icmp", IPAddr(), IPAddr(IP=ParseIP("::1")),
             "dial ip4:icmp ->::1: address ::1: non-IPv4 address"),
        ]:
            if want.startswith("listen"):
                _, err = ListenIP(network, laddr)
            else:
                _, err = DialIP(network, laddr, raddr)
            assert str(err) == want

    rt.run(main)


@pytest.mark.usefixtures("sw")
def test_PortIPConnConnected() -> None:
    """A dialed raw socket: Read/Write to its peer; an address is ErrWriteToConnected."""
    _needRaw()

    def main() -> None:
        c, err = DialIP("ip4:icmp", None, IPAddr(IP=IPv4(127, 0, 0, 1)))
        _skipIfNotSupported("ip4:icmp", err)
        assert err is None and c is not None, err
        with c:
            # getpeername fails on a raw socket (no port), so the remote
            # address is the one dialed, a 16-byte IP here, as in Go.
            assert c.RemoteAddr() == IPAddr(IP=IPv4(127, 0, 0, 1))
            dst = IPAddr(IP=IPv4(127, 0, 0, 1))
            want = "write ip4 127.0.0.1->127.0.0.1: use of WriteTo with pre-connected connection"
            _, err = c.WriteToIP(b"x", dst)
            assert str(err) == want and isinstance(err, OpError)
            assert err.Err is ErrWriteToConnected
            _, err = c.WriteTo(b"x", dst)
            assert str(err) == want
            _, _, err = c.WriteMsgIP(b"x", b"", dst)
            assert str(err) == want
            wb = icmpEchoRequest(201, b"CONNECTED")
            assert c.Write(wb) == (len(wb), None)
            c.SetReadDeadline(time.Now().Add(5 * time.Second))
            rb = bytearray(128)
            while True:
                n, err = c.Read(rb)  # the IPv4 header is kept
                assert err is None, err
                if isOurEchoRequest(rb[(rb[0] & 0x0F) << 2:n], 201):
                    break
            c.SetReadDeadline(time.Now())
            _, err = c.Read(rb)
            assert str(err) == "read ip4 127.0.0.1->127.0.0.1: i/o timeout"

    rt.run(main)


@pytest.mark.usefixtures("sw")
def test_PortDialerDialIP() -> None:
    """Dialer.DialIP (go1.26) with netip.Addr values; the zero Addr is an unnamed end.

    As in Go, ipAddrFromAddr turns the zero laddr into an empty IPAddr, so
    an error names it as "" (``dial ip4:icmp ->127.0.0.1: ...``).
    """
    _needRaw()

    def main() -> None:
        d = net.Dialer()
        lo = netip.MustParseAddr("127.0.0.1")
        c, err = d.DialIP(context.Background(), "ip4:icmp", netip.Addr(), lo)
        _skipIfNotSupported("ip4:icmp", err)
        assert err is None, err
        with c:
            assert isinstance(c, IPConn)
            assert c.RemoteAddr() == IPAddr(IP=IPv4(127, 0, 0, 1).To4())
            assert c.LocalAddr() == IPAddr(IP=IPv4(127, 0, 0, 1).To4())
        c, err = d.DialIP(context.Background(), "ip4:icmp", lo, lo)
        assert err is None, err
        c.Close()

        ctx, cancel = context.WithCancel(context.Background())
        cancel()
        c, err = d.DialIP(ctx, "ip4:icmp", netip.Addr(), lo)
        assert c is None and isinstance(err, OpError) and err.Err is errCanceled
        assert str(err) == "dial ip4:icmp ->127.0.0.1: operation was canceled"
        assert parseDialError(err) is None
        c, err = net.Dialer(Deadline=time.Now().Add(-time.Second)).DialIP(
            context.Background(), "ip4:icmp", netip.Addr(), lo)
        assert str(err) == "dial ip4:icmp ->127.0.0.1: i/o timeout"
        assert err.Timeout()

    rt.run(main)


# What Go's compiler would reject is a TypeError at the call (API.md), never a
# Python traceback from inside net, and never a silent send.


def _wrong(x: object) -> Any:
    """A value of the wrong type, passed where mypy would refuse it."""
    return x


_lo4 = IPAddr(IP=IPv4(127, 0, 0, 1))
_ipTypeErrorCalls: dict[str, Callable[[Any], Any]] = {
    "ReadFromIP(bytes)": lambda c: c.ReadFromIP(b"ro"),
    "ReadMsgIP(b, bytes)": lambda c: c.ReadMsgIP(bytearray(8), b"ro"),
    "WriteToIP(str, a)": lambda c: c.WriteToIP("x", _lo4),
    "WriteMsgIP(str, oob, a)": lambda c: c.WriteMsgIP("x", b"", _lo4),
    "SetReadBuffer(str)": lambda c: c.SetReadBuffer("4096"),
    "ResolveIPAddr(ip, int)": lambda c: ResolveIPAddr("ip", _wrong(5)),
}

_ipAddrTypeErrorCalls: dict[str, Callable[[Any], Any]] = {
    "WriteToIP(b, str)": lambda c: c.WriteToIP(b"x", "127.0.0.1"),
    "WriteToIP(b, UDPAddr)": lambda c: c.WriteToIP(
        icmpEchoRequest(301, b"x"), net.UDPAddr(IP=IPv4(127, 0, 0, 1))),
    "WriteMsgIP(b, oob, str)": lambda c: c.WriteMsgIP(b"x", b"", "127.0.0.1"),
    "ListenIP(ip4:icmp, str)": lambda c: ListenIP("ip4:icmp", _wrong("127.0.0.1")),
    "ListenIP(int, nil)": lambda c: ListenIP(_wrong(5), None),
    "DialIP(ip4:icmp, nil, str)": lambda c: DialIP("ip4:icmp", None, _wrong("127.0.0.1")),
    "DialIP(ip4:icmp, UDPAddr, a)": lambda c: DialIP(
        "ip4:icmp", _wrong(net.UDPAddr()), _lo4),
    "Dialer.DialIP(ctx, ip4:icmp, None, a)": lambda c: net.Dialer().DialIP(
        context.Background(), "ip4:icmp", _wrong(None), netip.MustParseAddr("127.0.0.1")),
    "Dialer.DialIP(ctx, ip4:icmp, a, str)": lambda c: net.Dialer().DialIP(
        context.Background(), "ip4:icmp", netip.Addr(), _wrong("127.0.0.1")),
    "Dialer.DialIP(ctx, ip4:icmp, a, IPAddr)": lambda c: net.Dialer().DialIP(
        context.Background(), "ip4:icmp", netip.Addr(), _wrong(_lo4)),
}


def _checkIPTypeError(call: Callable[[IPConn], Any]) -> None:
    _needRaw()

    def main() -> None:
        c = _listenICMP()
        with c:
            with pytest.raises(TypeError):
                r = call(c)
                if isinstance(r, tuple) and r and isinstance(r[0], IPConn):
                    r[0].Close()

    rt.run(main)


@pytest.mark.usefixtures("sw")
@pytest.mark.parametrize("name", list(_ipTypeErrorCalls))
def test_PortIPBadArgumentTypes(name: str) -> None:
    _checkIPTypeError(_ipTypeErrorCalls[name])


@pytest.mark.usefixtures("sw")
@pytest.mark.parametrize("name", list(_ipAddrTypeErrorCalls))
def test_PortIPBadAddressTypes(name: str) -> None:
    _checkIPTypeError(_ipAddrTypeErrorCalls[name])


@pytest.mark.usefixtures("sw")
def test_PortReadMsgIPErrorCount() -> None:
    """Go (1.19 and go1.27 alike): a deadline that fires while ReadMsgIP waits gives n -1."""
    _needRaw()

    def main() -> None:
        c, err = DialIP("ip4:icmp", None, IPAddr(IP=IPv4(127, 0, 0, 2)))  # nobody pings us
        _skipIfNotSupported("ip4:icmp", err)
        assert err is None and c is not None, err
        with c:
            c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
            n, oobn, flags, addr, err = c.ReadMsgIP(bytearray(64), bytearray())
            assert (oobn, flags, addr) == (0, 0, None) and errors.Is(err, os.ErrDeadlineExceeded)
            assert n == -1, f"ReadMsgIP n = {n}; Go's is -1"

    rt.run(main)
