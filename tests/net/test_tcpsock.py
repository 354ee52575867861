"""TCP connections and listeners, ported from Go's net tests (go1.27.0), with the UDP and
Unix rows of the same Go files.

From tcpsock_test.go: TestTCPListenerName, TestTCPConcurrentAccept,
TestTCPStress (Go's -short sizes: 2 conns x 100 messages),
TestTCPListenAfterClose, TestDialTCPDefaultKeepAlive. (TestResolveTCPAddr is
in test_tcpsock_addr.py; TestTCPReadWriteAllocs measures Go's allocator,
TestTCPBig is opt-in in Go and writes 5 GB, TestCopyPipeIntoTCP needs
os.Pipe, TestIPv6LinkLocalUnicastTCP a link-local address: not here.)

From listen_test.go: TestTCPListener and TestUDPListener (each row, and the
second listen on the same address fails, "bind: address already in use"),
TestClosingListener, TestListenConfigControl (its StreamListen and
PacketListen halves). (TestDualStackTCPListener, TestDualStackUDPListener
and TestWildWildcardListener are not here; TestIPv4MulticastListener and
TestIPv6MulticastListener need the external network in Go.) From
protoconn_test.go: TestTCPListenerSpecificMethods,
TestTCPConnSpecificMethods. From conn_test.go: TestConnAndListener. From
server_test.go: TestTCPServer, TestUnixAndUnixpacketServer, TestUDPServer
and TestUnixgramServer, every row, with Go's N = 3 (Go's abstract Unix
names get this process's pid appended, so two test runs at once cannot
collide). From tcpconn_keepalive_test.go:
TestTCPConnKeepAliveConfigDialer, ...Listener, TestTCPConnKeepAliveConfig,
over Go's testConfigs, reading TCP_KEEPIDLE/INTVL/CNT back with getsockopt
inside SyscallConn().Control. From writev_test.go: TestBuffers_read,
TestBuffers_consume, TestBuffers_WriteTo, TestWritevError.

TestTCPSelfConnect is the port's: go1.27 has no test for the self-connect
retry of doDialTCPProto (an old TestSelfConnect dialed a closed port in a
loop hoping to hit it). Here a Dialer.Control binds the socket to the
target port before connect, which makes Linux connect the socket to itself
every time, so the retry is exercised deterministically.

IPv6 rows run only when ::1 works. Unix sockets other than the abstract
ones live in a fresh temporary directory (mockserver's testUnixAddr,
removed after the test); testableListenArgs (tests/net/testable.py) says
which rows this machine can run. Every test runs inside ``rt.run`` with a socktest switch installed
(tests/net/conftest.py), so a leaked socket fails it.
"""

from __future__ import annotations

import contextlib
import os as _pyos
from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from net import hook
from net.dial import (
    KeepAliveConfig,
    defaultTCPKeepAliveCount,
    defaultTCPKeepAliveIdle,
    defaultTCPKeepAliveInterval,
)
from net.internal import socktest
from net.ipsock import JoinHostPort, SplitHostPort, supportsIPv4, supportsIPv4map, supportsIPv6
from net.net import Buffers, OpError
from net.tcpsock import ListenTCP, ResolveTCPAddr, TCPAddr, TCPConn, TCPListener
from rt import poll, sys_linux
from rt.poll import fd as pollfd
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    EADDRINUSE,
    IP_TTL,
    IPPROTO_IP,
    IPPROTO_IPV6,
    IPPROTO_TCP,
    IPV6_UNICAST_HOPS,
    SO_KEEPALIVE,
    SO_LINGER,
    SO_REUSEADDR,
    SOL_SOCKET,
    TCP_KEEPCNT,
    TCP_KEEPIDLE,
    TCP_KEEPINTVL,
    TCP_NODELAY,
)
from std import context, errors, io, os, sync, time
from tests.net.mockserver import (
    localServer,
    newLocalListener,
    newLocalPacketListener,
    newLocalServer,
    packetListener,
    packetTransceiver,
    packetTransponder,
    removeTestUnixAddrs,  # noqa: F401  (autouse: removes the testUnixAddr directories)
    someTimeout,
    streamListener,
    testUnixAddr,
    transceiver,
)
from tests.net.test_dial import controlOnConnSetup
from tests.net.test_error import parseDialError, parseWriteError
from tests.net.test_net import withTCPConnPair
from tests.net.testable import testableListenArgs, testableNetwork

pytestmark = pytest.mark.usefixtures("sw")


def _needIPv6(*addrs: str) -> None:
    for a in addrs:
        if ":" in a and not supportsIPv6():
            pytest.skip("IPv6 (::1) does not work here")


def mustSetDeadline(m: Callable[[time.Time], Any], d: int) -> None:
    """main_test.go: mustSetDeadline."""
    err = m(time.Now().Add(d))
    assert err is None, err


def _getsockopt(fd: int, level: int, opt: int) -> int:
    v, errno = sys_linux.getsockopt_int(fd, level, opt)
    assert not errno, errno
    return v


# ---------------------------------------------------------------------------
# tcpsock_test.go

tcpListenerNameTests: list[tuple[str, TCPAddr | None]] = [
    ("tcp4", TCPAddr(IP=net.IPv4(127, 0, 0, 1))),
    ("tcp4", TCPAddr()),
    ("tcp4", None),
]


@pytest.mark.parametrize("network,laddr", tcpListenerNameTests,
                         ids=["127.0.0.1", "empty", "nil"])
def test_TCPListenerName(network: str, laddr: TCPAddr | None) -> None:
    def main() -> None:
        ln, err = ListenTCP(network, laddr)
        assert err is None and ln is not None, err
        with ln:
            la = ln.Addr()
            assert isinstance(la, TCPAddr) and la.Port != 0, (
                f"got {la}; expected a proper address with non-zero port number")

    rt.run(main)


def test_TCPConcurrentAccept() -> None:
    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None, err
        N = 10
        wg = sync.WaitGroup()
        wg.Add(N)
        accepted = [0]
        for _ in range(N):
            def acceptor() -> None:
                while True:
                    c, err = ln.Accept()
                    if err is not None:
                        break
                    accepted[0] += 1
                    c.Close()
                wg.Done()

            rt.go(acceptor)
        attempts = 10 * N
        fails = 0
        d = net.Dialer(Timeout=200 * time.Millisecond)
        for _ in range(attempts):
            c, err = d.Dial("tcp", ln.Addr().String())
            if err is not None:
                fails += 1
            else:
                c.Close()
        ln.Close()
        wg.Wait()
        assert fails <= attempts // 9, f"too many Dial failed: {fails}"  # Go issues 7400, 7541
        assert accepted[0] == attempts - fails

    rt.run(main)


def test_TCPStress() -> None:
    conns = 2
    msgLen = 512
    msgs = 100  # Go's -short value (1e4 otherwise)
    rounds = [0]

    def sendMsg(c: Any, buf: bytearray) -> bool:
        n, err = c.Write(buf)
        return n == len(buf) and err is None

    def recvMsg(c: Any, buf: bytearray) -> bool:
        read = 0
        while read != len(buf):
            n, err = c.Read(memoryview(buf)[read:])
            read += n
            if err is not None:
                return False
        return True

    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None, err
        done: rt.hchan[bool] = rt.chan()

        def acceptor() -> None:
            try:
                while True:
                    c, err = ln.Accept()
                    if err is not None:
                        break

                    def serve(c: Any = c) -> None:
                        with c:
                            buf = bytearray(msgLen)
                            for _ in range(msgs):
                                if not recvMsg(c, buf) or not sendMsg(c, buf):
                                    break

                    rt.go(serve)
            finally:
                done.send(True)

        rt.go(acceptor)
        for i in range(conns):
            def client(i: int = i) -> None:
                try:
                    c, err = net.Dial("tcp", ln.Addr().String())
                    if err is not None:
                        return
                    with c:
                        buf = bytearray([i]) * msgLen
                        for _ in range(msgs):
                            if not sendMsg(c, buf) or not recvMsg(c, buf):
                                break
                            assert buf == bytearray([i]) * msgLen  # echoed intact
                            rounds[0] += 1
                finally:
                    done.send(True)

            rt.go(client)
        for _ in range(conns):
            done.recv()
        ln.Close()
        done.recv()

    rt.run(main)
    assert rounds[0] == conns * msgs


def test_DialTCPDefaultKeepAlive(monkeypatch: pytest.MonkeyPatch) -> None:
    got = [-1]

    def setKeepAlive(cfg: KeepAliveConfig) -> None:
        got[0] = cfg.Idle

    monkeypatch.setattr(hook, "testHookSetKeepAlive", setKeepAlive)

    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, err = net.DialTCP("tcp", None, ln.Addr())
            assert err is None, err
            with c:
                assert got[0] == 0, f"got keepalive {got[0]}; want {defaultTCPKeepAliveIdle}"
                # ... and 0 means Go's default, 15 s, on the socket.
                rc, err = c.SyscallConn()
                assert err is None
                idle: list[int] = []
                assert rc.Control(lambda fd: idle.append(
                    _getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE))) is None
                assert idle == [defaultTCPKeepAliveIdle // time.Second]

    rt.run(main)


def test_TCPListenAfterClose() -> None:
    """Go issue 50216: after Close, Accept does not return a conn dialed before it."""
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            wg = sync.WaitGroup()
            ctx, cancel = context.WithCancel(context.Background())
            d = net.Dialer()
            for _ in range(2):
                wg.Add(1)

                def dialer() -> None:
                    try:
                        c, err = d.DialContext(ctx, ln.Addr().Network(), ln.Addr().String())
                        if err is None:
                            done = ctx.Done()
                            assert done is not None
                            done.recv2()
                            c.Close()
                    finally:
                        wg.Done()

                rt.go(dialer)
            c, err = ln.Accept()
            assert err is None, err
            c.Close()
            time.Sleep(10 * time.Millisecond)
            cancel()
            wg.Wait()
            ln.Close()
            c, err = ln.Accept()
            if not errors.Is(err, net.ErrClosed):
                if err is None:
                    c.Close()
                pytest.fail(f"after l.Close(), l.Accept() = _, {err}\nwant {net.ErrClosed}")

    rt.run(main)


def test_TCPSelfConnect(sw: socktest.Switch) -> None:
    """The port's own: the self-connect retry of sysDialer.doDialTCPProto.

    A Control hook binds the dialing socket to the (unused) target port, so
    connect(2) connects the socket to itself. Without an explicit local
    port the dialer closes such a connection and dials again, at most twice
    more, then gives up and returns what it got; with an explicit local
    port it does not retry at all.
    """
    def main() -> None:
        ln = newLocalListener("tcp")
        target = ln.Addr()
        ln.Close()  # the port is free, nothing listens

        def selfBinding(times: int, calls: list[str]) -> Callable[[str, str, Any], Any]:
            def control(network: str, address: str, c: Any) -> Any:
                calls.append(address)
                if len(calls) > times:
                    return None

                def bind(fd: int) -> None:
                    # SO_REUSEADDR: the previous attempt's port is in TIME_WAIT.
                    assert not sys_linux.setsockopt_int(fd, SOL_SOCKET, SO_REUSEADDR, 1)
                    sa, _ = sys_linux.sockaddr_inet4(bytes(target.IP.To4()), target.Port)
                    assert not sys_linux.bind(fd, sa)

                return c.Control(bind)

            return control

        # Self-connected once: closed, and the retry is refused (nothing listens).
        calls: list[str] = []
        c, err = net.Dialer(Control=selfBinding(1, calls)).Dial("tcp", target.String())
        assert c is None
        assert str(err) == f"dial tcp {target.String()}: connect: connection refused"
        assert calls == [target.String()] * 2

        # Self-connected every time: two retries, then the dialer relents.
        calls = []
        c, err = net.Dialer(Control=selfBinding(3, calls)).Dial("tcp", target.String())
        assert err is None, err
        with c:
            assert calls == [target.String()] * 3
            assert c.LocalAddr().String() == c.RemoteAddr().String() == target.String()
            assert c.Write(b"me") == (2, None)
            buf = bytearray(2)
            assert c.Read(buf) == (2, None) and buf == b"me"

        # An explicit local port is taken at its word: no retry.
        calls = []
        la = TCPAddr(IP=net.IPv4(127, 0, 0, 1), Port=target.Port)

        def reuse(fd: int, a: str) -> None:
            calls.append(a)
            sys_linux.setsockopt_int(fd, SOL_SOCKET, SO_REUSEADDR, 1)

        d = net.Dialer(LocalAddr=la, Control=lambda n, a, c: c.Control(
            lambda fd: reuse(fd, a)))
        c, err = d.Dial("tcp", target.String())
        assert err is None, err
        with c:
            assert len(calls) == 1
            assert c.LocalAddr().String() == c.RemoteAddr().String()

    rt.run(main)
    # Every socket the retries made was closed: 3 + 3 + 1 opened, all closed.
    st = [s for s in sw.Stats() if s.Family == AF_INET and s.Opened]
    assert sum(s.Opened for s in st) == 1 + 2 + 3 + 1
    assert sum(s.Closed for s in st) == sum(s.Opened for s in st)


# ---------------------------------------------------------------------------
# listen_test.go and platform_test.go


def checkDualStackAddrFamily(fd: Any) -> str | None:
    """listen_test.go: checkDualStackAddrFamily."""
    a = fd.laddr
    if isinstance(a, TCPAddr):
        what = "Listen"
    elif isinstance(a, net.UDPAddr):
        what = "ListenPacket"
    else:
        return f"unexpected protocol address type: {type(a).__name__}"
    # A node with IPv6 and IPv4-mapping listens on a wildcard address with
    # an AF_INET6 socket.
    if supportsIPv4map() and a.isWildcard():
        if fd.family != AF_INET6:
            return f"{what}({fd.net}, {a}) returns {fd.family}; want {AF_INET6}"
    elif fd.family != a.family():
        return f"{what}({fd.net}, {a}) returns {fd.family}; want {a.family()}"
    return None


def checkFirstListener(network: str, ln: Any) -> str | None:
    """listen_test.go: checkFirstListener."""
    if network not in ("tcp", "tcp4", "tcp6", "udp", "udp4", "udp6"):
        return str(net.UnknownNetworkError(network))
    assert isinstance(ln, TCPListener if network.startswith("tcp") else net.UDPConn)
    fd = ln.fd
    if network in ("tcp", "udp"):
        return checkDualStackAddrFamily(fd)
    if network.endswith("4") and fd.family != AF_INET:
        return f"{fd.laddr} got {fd.family}; want {AF_INET}"
    if network.endswith("6") and fd.family != AF_INET6:
        return f"{fd.laddr} got {fd.family}; want {AF_INET6}"
    return None


def checkSecondListener(network: str, address: str, err: Any) -> str | None:
    """listen_test.go: checkSecondListener."""
    if network not in ("tcp", "tcp4", "tcp6", "udp", "udp4", "udp6"):
        return str(net.UnknownNetworkError(network))
    if err is None:
        return f"{network} {address} should fail"
    return None


tcpListenerTests = [
    ("tcp", ""),
    ("tcp", "0.0.0.0"),
    ("tcp", "::ffff:0.0.0.0"),
    ("tcp", "::"),

    ("tcp", "127.0.0.1"),
    ("tcp", "::ffff:127.0.0.1"),
    ("tcp", "::1"),

    ("tcp4", ""),
    ("tcp4", "0.0.0.0"),
    ("tcp4", "::ffff:0.0.0.0"),

    ("tcp4", "127.0.0.1"),
    ("tcp4", "::ffff:127.0.0.1"),

    ("tcp6", ""),
    ("tcp6", "::"),

    ("tcp6", "::1"),
]


@pytest.mark.parametrize("network,address", tcpListenerTests,
                         ids=[f"{n} {a}" for n, a in tcpListenerTests])
def test_TCPListener(network: str, address: str) -> None:
    """Listen twice on the same address, family and port: the second fails."""
    if network == "tcp6" or address in ("::", "::1"):
        _needIPv6("::1")
    if not testableListenArgs(network, JoinHostPort(address, "0"), ""):
        pytest.skip(f"{network} {address} is not testable here")

    def main() -> None:
        ln1, err = net.Listen(network, JoinHostPort(address, "0"))
        assert err is None, err
        with ln1:
            assert (msg := checkFirstListener(network, ln1)) is None, msg
            _, port, _ = SplitHostPort(ln1.Addr().String())
            ln2, err = net.Listen(network, JoinHostPort(address, port))
            if err is None:
                ln2.Close()
            assert (msg := checkSecondListener(network, address, err)) is None, msg
            # The port's own: Go's text for it.
            assert errors.Is(err, EADDRINUSE)
            assert isinstance(err, OpError) and err.Op == "listen" and err.Net == network
            assert str(err).endswith(": bind: address already in use")
            assert str(err) == f"listen {network} {err.Addr}: bind: address already in use"
            assert parseDialError(err) is None

    rt.run(main)


udpListenerTests = [
    ("udp", ""),
    ("udp", "0.0.0.0"),
    ("udp", "::ffff:0.0.0.0"),
    ("udp", "::"),

    ("udp", "127.0.0.1"),
    ("udp", "::ffff:127.0.0.1"),
    ("udp", "::1"),

    ("udp4", ""),
    ("udp4", "0.0.0.0"),
    ("udp4", "::ffff:0.0.0.0"),

    ("udp4", "127.0.0.1"),
    ("udp4", "::ffff:127.0.0.1"),

    ("udp6", ""),
    ("udp6", "::"),

    ("udp6", "::1"),
]


@pytest.mark.parametrize("network,address", udpListenerTests,
                         ids=[f"{n} {a}" for n, a in udpListenerTests])
def test_UDPListener(network: str, address: str) -> None:
    """ListenPacket twice on the same address, family and port: the second fails."""
    if not testableListenArgs(network, JoinHostPort(address, "0"), ""):
        pytest.skip(f"skipping {network} {address} test")

    def main() -> None:
        c1, err = net.ListenPacket(network, JoinHostPort(address, "0"))
        assert err is None, err
        with c1:
            assert (msg := checkFirstListener(network, c1)) is None, msg
            _, port, _ = SplitHostPort(c1.LocalAddr().String())
            c2, err = net.ListenPacket(network, JoinHostPort(address, port))
            if err is None:
                c2.Close()
            assert (msg := checkSecondListener(network, address, err)) is None, msg
            # The port's own: Go's text for it.
            assert errors.Is(err, EADDRINUSE)
            assert isinstance(err, OpError) and err.Op == "listen" and err.Net == network
            assert str(err) == f"listen {network} {err.Addr}: bind: address already in use"
            assert parseDialError(err) is None

    rt.run(main)


def test_ClosingListener() -> None:
    """Go issue 21856: listening again right after Close works (SO_REUSEADDR)."""
    def main() -> None:
        ln = newLocalListener("tcp")
        addr = ln.Addr()

        def acceptor() -> None:
            while True:
                c, err = ln.Accept()
                if err is not None:
                    return
                c.Close()

        rt.go(acceptor)
        time.Sleep(time.Millisecond)  # let the goroutine start
        ln.Close()
        ln2, err = net.Listen("tcp", addr.String())
        assert err is None, err
        assert ln2.Addr().String() == addr.String()
        ln2.Close()

    rt.run(main)


def _checkControlled(c: Any, network: str, seen: list[tuple[str, str]]) -> None:
    """The port's own, after a Listen or ListenPacket with controlOnConnSetup: the hook ran
    once, before bind, with the socket's own network name (the family's for "tcp" and
    "udp", which newLocalListener makes as "tcp4" and "udp4"), and what it set is set."""
    if network.startswith("unix"):
        # Go's hook only reads SO_ERROR there; its address is the socket's path.
        assert seen == [(network, c.LocalAddr().String() if network == "unixgram"
                         else c.Addr().String())]
        return
    fam6 = network.endswith("6") or not supportsIPv4()
    want = network[:3] + ("6" if fam6 else "4")
    assert [n for n, _ in seen] == [want]
    rc, err = c.SyscallConn()
    assert err is None
    got: list[int] = []
    level, opt = (IPPROTO_IPV6, IPV6_UNICAST_HOPS) if fam6 else (IPPROTO_IP, IP_TTL)
    assert rc.Control(lambda fd: got.append(_getsockopt(fd, level, opt))) is None
    assert got == [1]


@pytest.mark.parametrize("network", ["tcp", "tcp4", "tcp6", "unix", "unixpacket"])
def test_ListenConfigControl_StreamListen(network: str) -> None:
    if not testableNetwork(network):
        pytest.skip(f"{network} is not testable here")
    seen: list[tuple[str, str]] = []

    def control(n: str, a: str, c: Any) -> Any:
        seen.append((n, a))
        return controlOnConnSetup(n, a, c)

    def main() -> None:
        ln = newLocalListener(network, net.ListenConfig(Control=control))
        with ln:
            _checkControlled(ln, network, seen)

    rt.run(main)


def test_ListenConfigControl_Error() -> None:
    """The port's own: a Control error fails the Listen, and the socket is closed."""
    def main() -> None:
        lc = net.ListenConfig(Control=lambda n, a, c: errors.New("refused by control"))
        ln, err = lc.Listen(context.Background(), "tcp4", "127.0.0.1:0")
        assert ln is None
        assert str(err) == "listen tcp4 127.0.0.1:0: refused by control"

    rt.run(main)


@pytest.mark.parametrize("network", ["udp", "udp4", "udp6", "unixgram"])
def test_ListenConfigControl_PacketListen(network: str) -> None:
    if not testableNetwork(network):
        pytest.skip(f"{network} is not testable here")
    seen: list[tuple[str, str]] = []

    def control(n: str, a: str, c: Any) -> Any:
        seen.append((n, a))
        return controlOnConnSetup(n, a, c)

    def main() -> None:
        c = newLocalPacketListener(network, net.ListenConfig(Control=control))
        with c:
            _checkControlled(c, network, seen)

    rt.run(main)


# ---------------------------------------------------------------------------
# protoconn_test.go


def test_TCPListenerSpecificMethods() -> None:
    def main() -> None:
        la, err = ResolveTCPAddr("tcp4", "127.0.0.1:0")
        assert err is None, err
        ln, err = ListenTCP("tcp4", la)
        assert err is None and ln is not None, err
        with ln:
            ln.Addr()
            mustSetDeadline(ln.SetDeadline, 30 * time.Nanosecond)
            c, err = ln.Accept()
            if err is not None:
                assert err.Timeout(), err
                # The port's own: D.5's "Accept deadline" row.
                assert str(err) == f"accept tcp4 {ln.Addr().String()}: i/o timeout"
                assert errors.Is(err, os.ErrDeadlineExceeded)
            else:
                c.Close()
            tc, err = ln.AcceptTCP()
            if err is not None:
                assert err.Timeout(), err
            else:
                assert tc is not None
                tc.Close()
            f, err = ln.File()
            assert err is None, err
            # The File holds a duplicate descriptor of the listening socket.
            assert _getsockopt(f.Fd(), SOL_SOCKET, sys_linux.SO_ACCEPTCONN) == 1
            assert f.Close() is None

    rt.run(main)


def test_TCPConnSpecificMethods() -> None:
    def main() -> None:
        la, err = ResolveTCPAddr("tcp4", "127.0.0.1:0")
        assert err is None, err
        ln, err = ListenTCP("tcp4", la)
        assert err is None, err
        ch: rt.hchan[Any] = rt.chan(1)
        ls = streamListener("", "", ln).newLocalServer()
        try:
            ls.buildup(lambda ls, ln: ls.transponder(ls.Listener, ch))
            ra, err = ResolveTCPAddr("tcp4", ls.Listener.Addr().String())
            assert err is None, err
            c, err = net.DialTCP("tcp4", None, ra)
            assert err is None, err
            with c:
                assert c.SetKeepAlive(False) is None
                assert c.SetKeepAlivePeriod(3 * time.Second) is None
                assert c.SetLinger(0) is None
                assert c.SetNoDelay(False) is None
                assert c.LocalAddr() is not None and c.RemoteAddr() is not None
                assert c.SetDeadline(time.Now().Add(someTimeout)) is None
                assert c.SetReadDeadline(time.Now().Add(someTimeout)) is None
                assert c.SetWriteDeadline(time.Now().Add(someTimeout)) is None
                # The port's own: the options really are set on the socket.
                rc, _ = c.SyscallConn()
                got: dict[str, Any] = {}

                def read(fd: int) -> None:
                    got["keepalive"] = _getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE)
                    got["idle"] = _getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE)
                    got["nodelay"] = _getsockopt(fd, IPPROTO_TCP, TCP_NODELAY)
                    got["linger"], _ = sys_linux.getsockopt_bytes(fd, SOL_SOCKET, SO_LINGER, 8)

                assert rc.Control(read) is None
                assert (got["keepalive"], got["idle"], got["nodelay"]) == (0, 3, 0)
                assert got["linger"] == (1).to_bytes(4, "little") + bytes(4)  # on, 0 s

                n, err = c.Write(b"TCPCONN TEST")
                assert err is None, err
                rb = bytearray(128)
                n, err = c.Read(rb)
                assert err is None, err
                assert bytes(rb[:n]) == b"TCPCONN TEST"
            assert [str(err) for err in ch] == []
        finally:
            ls.teardown()

    rt.run(main)


# ---------------------------------------------------------------------------
# conn_test.go


@pytest.mark.parametrize("network", ["tcp", "unix", "unixpacket"])
def test_ConnAndListener(network: str) -> None:
    if not testableNetwork(network):
        pytest.skip(f"skipping {network} test")

    def main() -> None:
        ls = newLocalServer(network)
        ch: rt.hchan[Any] = rt.chan(1)
        try:
            ls.buildup(lambda ls, ln: ls.transponder(ln, ch))
            assert ls.Listener.Addr().Network() == network
            c, err = net.Dial(ls.Listener.Addr().Network(), ls.Listener.Addr().String())
            assert err is None, err
            with c:
                assert c.LocalAddr().Network() == network
                assert c.RemoteAddr().Network() == network
                c.SetDeadline(time.Now().Add(someTimeout))
                c.SetReadDeadline(time.Now().Add(someTimeout))
                c.SetWriteDeadline(time.Now().Add(someTimeout))
                _, err = c.Write(b"CONN AND LISTENER TEST")
                assert err is None, err
                rb = bytearray(128)
                n, err = c.Read(rb)
                assert err is None, err
                assert bytes(rb[:n]) == b"CONN AND LISTENER TEST"
            assert [str(err) for err in ch] == []
        finally:
            ls.teardown()

    rt.run(main)


# ---------------------------------------------------------------------------
# server_test.go

tcpServerTests = [
    # (snet, saddr, tnet, taddr): server endpoint, target endpoint for the client
    ("tcp", ":0", "tcp", "127.0.0.1"),
    ("tcp", "0.0.0.0:0", "tcp", "127.0.0.1"),
    ("tcp", "[::ffff:0.0.0.0]:0", "tcp", "127.0.0.1"),
    ("tcp", "[::]:0", "tcp", "::1"),

    ("tcp", ":0", "tcp", "::1"),
    ("tcp", "0.0.0.0:0", "tcp", "::1"),
    ("tcp", "[::ffff:0.0.0.0]:0", "tcp", "::1"),
    ("tcp", "[::]:0", "tcp", "127.0.0.1"),

    ("tcp", ":0", "tcp4", "127.0.0.1"),
    ("tcp", "0.0.0.0:0", "tcp4", "127.0.0.1"),
    ("tcp", "[::ffff:0.0.0.0]:0", "tcp4", "127.0.0.1"),
    ("tcp", "[::]:0", "tcp6", "::1"),

    ("tcp", ":0", "tcp6", "::1"),
    ("tcp", "0.0.0.0:0", "tcp6", "::1"),
    ("tcp", "[::ffff:0.0.0.0]:0", "tcp6", "::1"),
    ("tcp", "[::]:0", "tcp4", "127.0.0.1"),

    ("tcp", "127.0.0.1:0", "tcp", "127.0.0.1"),
    ("tcp", "[::ffff:127.0.0.1]:0", "tcp", "127.0.0.1"),
    ("tcp", "[::1]:0", "tcp", "::1"),

    ("tcp4", ":0", "tcp4", "127.0.0.1"),
    ("tcp4", "0.0.0.0:0", "tcp4", "127.0.0.1"),
    ("tcp4", "[::ffff:0.0.0.0]:0", "tcp4", "127.0.0.1"),

    ("tcp4", "127.0.0.1:0", "tcp4", "127.0.0.1"),

    ("tcp6", ":0", "tcp6", "::1"),
    ("tcp6", "[::]:0", "tcp6", "::1"),

    ("tcp6", "[::1]:0", "tcp6", "::1"),
]


@pytest.mark.parametrize("snet,saddr,tnet,taddr", tcpServerTests,
                         ids=[f"{s} {a}<-{t}" for s, a, _, t in tcpServerTests])
def test_TCPServer(snet: str, saddr: str, tnet: str, taddr: str) -> None:
    """Concurrent accept-read-write servers sharing one listener."""
    if "6" in (snet + tnet) or ":" in taddr or saddr.startswith("[::]") or saddr == "[::1]:0":
        _needIPv6("::1")
    if not testableListenArgs(snet, saddr, taddr):
        pytest.skip("not testable")
    N = 3
    errs: list[str] = []

    def main() -> None:
        ln, err = net.Listen(snet, saddr)
        if err is not None:
            assert parseDialError(err) is None
            pytest.fail(str(err))
        lss = [streamListener("", "", ln).newLocalServer() for _ in range(N)]
        tpchs: list[rt.hchan[Any]] = [rt.chan(1) for _ in range(N)]
        conns: list[Any] = []
        try:
            for i in range(N):
                def handler(ls: localServer, ln: Any, ch: rt.hchan[Any] = tpchs[i]) -> None:
                    ls.transponder(ln, ch)

                lss[i].buildup(handler)
            trchs: list[rt.hchan[Any]] = []
            for i in range(N):
                _, port, err = SplitHostPort(lss[i].Listener.Addr().String())
                assert err is None, err
                d = net.Dialer(Timeout=someTimeout)
                c, err = d.Dial(tnet, JoinHostPort(taddr, port))
                if err is not None:
                    assert parseDialError(err) is None
                    pytest.fail(str(err))
                conns.append(c)
                trchs.append(rt.chan(1))
                rt.go(transceiver, c, b"TCP SERVER TEST", trchs[i])
            for ch in trchs + tpchs:
                for err in ch:
                    errs.append(str(err))
        finally:
            for c in conns:
                c.Close()
            for ls in lss:
                ls.teardown()

    rt.run(main)
    assert errs == []


def _abstract(name: str) -> str:
    """Go's fixed abstract Unix name, made unique to this process: the abstract
    namespace is shared by every test run on the machine, and two runs at once
    would otherwise find each other's names taken (EADDRINUSE)."""
    return f"{name}.{_pyos.getpid()}"


def _unixAndUnixpacketServerTests() -> list[tuple[str, str]]:
    return [
        ("unix", "testUnixAddr"),
        ("unix", _abstract("@nettest/go/unix")),

        ("unixpacket", "testUnixAddr"),
        ("unixpacket", _abstract("@nettest/go/unixpacket")),
    ]


@pytest.mark.parametrize("i", range(4), ids=[f"{n} {a}" for n, a in
                                              _unixAndUnixpacketServerTests()])
def test_UnixAndUnixpacketServer(i: int) -> None:
    """server_test.go: TestUnixAndUnixpacketServer. N servers on one listener, N clients;
    a path ("testUnixAddr": a fresh one) or an abstract name."""
    network, address = _unixAndUnixpacketServerTests()[i]
    if address == "testUnixAddr":
        address = testUnixAddr()
    if not testableListenArgs(network, address, ""):
        pytest.skip(f"skipping {network} {address} test")
    N = 3
    errs: list[str] = []

    def main() -> None:
        ln, err = net.Listen(network, address)
        if err is not None:
            assert parseDialError(err) is None
            pytest.fail(str(err))
        lss = [streamListener("", "", ln).newLocalServer() for _ in range(N)]
        tpchs: list[rt.hchan[Any]] = [rt.chan(1) for _ in range(N)]
        conns: list[Any] = []
        try:
            for i in range(N):
                def handler(ls: localServer, ln: Any, ch: rt.hchan[Any] = tpchs[i]) -> None:
                    ls.transponder(ln, ch)

                lss[i].buildup(handler)
            trchs: list[rt.hchan[Any]] = []
            for i in range(N):
                d = net.Dialer(Timeout=someTimeout)
                la = lss[i].Listener.Addr()
                c, err = d.Dial(la.Network(), la.String())
                if err is not None:
                    assert parseDialError(err) is None
                    pytest.fail(str(err))
                if (addr := c.LocalAddr()) is not None:
                    print(f"connected {addr.String()}->{la.String()}")
                conns.append(c)
                trchs.append(rt.chan(1))
                rt.go(transceiver, c, b"UNIX AND UNIXPACKET SERVER TEST", trchs[i])
            for ch in trchs + tpchs:
                for err in ch:
                    errs.append(str(err))
        finally:
            for c in conns:
                c.Close()
            for ls in lss:
                ls.teardown()

    rt.run(main)
    assert errs == []


def _drainServerChannels(trch: rt.hchan[Any], tpch: rt.hchan[Any]) -> list[str]:
    """server_test.go's select loop: both channels until each is closed, errors named."""
    errs: list[str] = []
    chans = {"client": trch, "server": tpch}
    while chans:
        names = list(chans)
        i, err, ok = rt.select(*(rt.recv(chans[n]) for n in names))
        if not ok:
            del chans[names[i]]
        if err is not None:
            errs.append(f"{names[i]}: {err}")
    return errs


udpServerTests = [
    # (snet, saddr, tnet, taddr, dial): server endpoint, target endpoint for the
    # client, and whether the client dials (else it uses ListenPacket and WriteTo)
    ("udp", ":0", "udp", "127.0.0.1", False),
    ("udp", "0.0.0.0:0", "udp", "127.0.0.1", False),
    ("udp", "[::ffff:0.0.0.0]:0", "udp", "127.0.0.1", False),
    ("udp", "[::]:0", "udp", "::1", False),

    ("udp", ":0", "udp", "::1", False),
    ("udp", "0.0.0.0:0", "udp", "::1", False),
    ("udp", "[::ffff:0.0.0.0]:0", "udp", "::1", False),
    ("udp", "[::]:0", "udp", "127.0.0.1", False),

    ("udp", ":0", "udp4", "127.0.0.1", False),
    ("udp", "0.0.0.0:0", "udp4", "127.0.0.1", False),
    ("udp", "[::ffff:0.0.0.0]:0", "udp4", "127.0.0.1", False),
    ("udp", "[::]:0", "udp6", "::1", False),

    ("udp", ":0", "udp6", "::1", False),
    ("udp", "0.0.0.0:0", "udp6", "::1", False),
    ("udp", "[::ffff:0.0.0.0]:0", "udp6", "::1", False),
    ("udp", "[::]:0", "udp4", "127.0.0.1", False),

    ("udp", "127.0.0.1:0", "udp", "127.0.0.1", False),
    ("udp", "[::ffff:127.0.0.1]:0", "udp", "127.0.0.1", False),
    ("udp", "[::1]:0", "udp", "::1", False),

    ("udp4", ":0", "udp4", "127.0.0.1", False),
    ("udp4", "0.0.0.0:0", "udp4", "127.0.0.1", False),
    ("udp4", "[::ffff:0.0.0.0]:0", "udp4", "127.0.0.1", False),

    ("udp4", "127.0.0.1:0", "udp4", "127.0.0.1", False),

    ("udp6", ":0", "udp6", "::1", False),
    ("udp6", "[::]:0", "udp6", "::1", False),

    ("udp6", "[::1]:0", "udp6", "::1", False),

    ("udp", "127.0.0.1:0", "udp", "127.0.0.1", True),

    ("udp", "[::1]:0", "udp", "::1", True),
]


@pytest.mark.parametrize("i", range(len(udpServerTests)))
def test_UDPServer(i: int) -> None:
    """server_test.go: TestUDPServer. A packetTransponder and a client, dialed or not."""
    snet, saddr, tnet, taddr, dial = udpServerTests[i]
    if not testableListenArgs(snet, saddr, taddr):
        pytest.skip(f"skipping {snet} {saddr}<-{taddr} test")
    print(f"{snet} {saddr}<-{taddr}")
    errs: list[str] = []

    def main() -> None:
        c1, err = net.ListenPacket(snet, saddr)
        if err is not None:
            assert parseDialError(err) is None
            pytest.fail(str(err))
        ls = packetListener(c1).newLocalServer()
        c2: Any = None
        try:
            tpch: rt.hchan[Any] = rt.chan(1)
            ls.buildup(lambda ls, c: packetTransponder(c, tpch))
            trch: rt.hchan[Any] = rt.chan(1)
            _, port, err = SplitHostPort(ls.PacketConn.LocalAddr().String())
            assert err is None, err
            if dial:
                d = net.Dialer(Timeout=someTimeout)
                c2, err = d.Dial(tnet, JoinHostPort(taddr, port))
                if err is not None:
                    assert parseDialError(err) is None
                    pytest.fail(str(err))
                rt.go(transceiver, c2, b"UDP SERVER TEST", trch)
            else:
                c2, err = net.ListenPacket(tnet, JoinHostPort(taddr, "0"))
                if err is not None:
                    assert parseDialError(err) is None
                    pytest.fail(str(err))
                dst, err = net.ResolveUDPAddr(tnet, JoinHostPort(taddr, port))
                assert err is None, err
                rt.go(packetTransceiver, c2, b"UDP SERVER TEST", dst, trch)
            errs.extend(_drainServerChannels(trch, tpch))
        finally:
            if c2 is not None:
                c2.Close()
            ls.teardown()

    rt.run(main)
    assert errs == []


def _unixgramServerTests() -> list[tuple[str, str, bool]]:
    # (saddr, caddr, dial): server endpoint, client endpoint, whether the client
    # dials; "testUnixAddr" stands for a fresh path.
    return [
        ("testUnixAddr", "testUnixAddr", False),
        ("testUnixAddr", "testUnixAddr", True),

        (_abstract("@nettest/go/unixgram/server"), _abstract("@nettest/go/unixgram/client"),
         False),
    ]


@pytest.mark.parametrize("i", range(3))
def test_UnixgramServer(i: int) -> None:
    """server_test.go: TestUnixgramServer. A packetTransponder and a bound client."""
    saddr, caddr, dial = _unixgramServerTests()[i]
    saddr = testUnixAddr() if saddr == "testUnixAddr" else saddr
    caddr = testUnixAddr() if caddr == "testUnixAddr" else caddr
    if not testableListenArgs("unixgram", saddr, ""):
        pytest.skip(f"skipping unixgram {saddr}<-{caddr} test")
    print(f"unixgram {saddr}<-{caddr}")
    errs: list[str] = []

    def main() -> None:
        c1, err = net.ListenPacket("unixgram", saddr)
        if err is not None:
            assert parseDialError(err) is None
            pytest.fail(str(err))
        ls = packetListener(c1).newLocalServer()
        c2: Any = None
        try:
            tpch: rt.hchan[Any] = rt.chan(1)
            ls.buildup(lambda ls, c: packetTransponder(c, tpch))
            trch: rt.hchan[Any] = rt.chan(1)
            if dial:
                d = net.Dialer(Timeout=someTimeout,
                               LocalAddr=net.UnixAddr(Net="unixgram", Name=caddr))
                c2, err = d.Dial("unixgram", ls.PacketConn.LocalAddr().String())
                if err is not None:
                    assert parseDialError(err) is None
                    pytest.fail(str(err))
                rt.go(transceiver, c2, c2.LocalAddr().String().encode(), trch)
            else:
                c2, err = net.ListenPacket("unixgram", caddr)
                if err is not None:
                    assert parseDialError(err) is None
                    pytest.fail(str(err))
                rt.go(packetTransceiver, c2, b"UNIXGRAM SERVER TEST",
                      ls.PacketConn.LocalAddr(), trch)
            errs.extend(_drainServerChannels(trch, tpch))
        finally:
            if c2 is not None:
                c2.Close()
                with contextlib.suppress(OSError):  # Go's os.Remove, error ignored
                    _pyos.remove(c2.LocalAddr().String())
            ls.teardown()

    rt.run(main)
    assert errs == []


# ---------------------------------------------------------------------------
# tcpconn_keepalive_test.go, tcpconn_keepalive_posix_test.go,
# tcpconn_keepalive_conf_posix_test.go

_s = time.Second
testConfigs = [
    KeepAliveConfig(Enable=True, Idle=5 * _s, Interval=3 * _s, Count=10),
    KeepAliveConfig(Enable=True, Idle=0, Interval=0, Count=0),
    KeepAliveConfig(Enable=True, Idle=-1, Interval=-1, Count=-1),
    KeepAliveConfig(Enable=True, Idle=-1, Interval=3 * _s, Count=10),
    KeepAliveConfig(Enable=True, Idle=5 * _s, Interval=-1, Count=10),
    KeepAliveConfig(Enable=True, Idle=5 * _s, Interval=3 * _s, Count=-1),
    KeepAliveConfig(Enable=True, Idle=-1, Interval=-1, Count=10),
    KeepAliveConfig(Enable=True, Idle=-1, Interval=3 * _s, Count=-1),
    KeepAliveConfig(Enable=True, Idle=5 * _s, Interval=-1, Count=-1),
    KeepAliveConfig(Enable=True, Idle=0, Interval=3 * _s, Count=10),
    KeepAliveConfig(Enable=True, Idle=5 * _s, Interval=0, Count=10),
    KeepAliveConfig(Enable=True, Idle=5 * _s, Interval=3 * _s, Count=0),
    KeepAliveConfig(Enable=True, Idle=0, Interval=0, Count=10),
    KeepAliveConfig(Enable=True, Idle=0, Interval=3 * _s, Count=0),
    KeepAliveConfig(Enable=True, Idle=5 * _s, Interval=0, Count=0),
]


def getCurrentKeepAliveSettings(fd: int) -> KeepAliveConfig:
    """tcpconn_keepalive_posix_test.go: getCurrentKeepAliveSettings."""
    return KeepAliveConfig(
        Enable=_getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE) != 0,
        Idle=_getsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE) * time.Second,
        Interval=_getsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL) * time.Second,
        Count=_getsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT),
    )


def verifyKeepAliveSettings(fd: int, oldCfg: KeepAliveConfig, cfg: KeepAliveConfig) -> None:
    """tcpconn_keepalive_posix_test.go: verifyKeepAliveSettings."""
    idle, interval, count = cfg.Idle, cfg.Interval, cfg.Count
    if idle == 0:
        idle = defaultTCPKeepAliveIdle
    if interval == 0:
        interval = defaultTCPKeepAliveInterval
    if count == 0:
        count = defaultTCPKeepAliveCount
    if idle == -1:
        idle = oldCfg.Idle
    if interval == -1:
        interval = oldCfg.Interval
    if count == -1:
        count = oldCfg.Count
    got = getCurrentKeepAliveSettings(fd)
    assert got.Enable == cfg.Enable, f"SO_KEEPALIVE: got {got.Enable}; want {cfg.Enable}"
    assert got.Idle == idle, f"TCP_KEEPIDLE: got {got.Idle // _s}s; want {idle}"
    assert got.Interval == interval, f"TCP_KEEPINTVL: got {got.Interval // _s}s; want {interval}"
    assert got.Count == count, f"TCP_KEEPCNT: got {got.Count}; want {count}"


def _acceptAndClose(ls: localServer, ln: Any) -> None:
    while True:
        c, err = ln.Accept()
        if err is not None:
            return
        c.Close()


def _verify(c: Any, oldCfg: KeepAliveConfig, cfg: KeepAliveConfig) -> None:
    sc, err = c.SyscallConn()
    assert err is None, err
    failure: list[BaseException] = []

    def check(fd: int) -> None:
        try:
            verifyKeepAliveSettings(fd, oldCfg, cfg)
        except AssertionError as e:
            failure.append(e)

    assert sc.Control(check) is None
    if failure:
        raise failure[0]


def test_TCPConnKeepAliveConfigDialer(monkeypatch: pytest.MonkeyPatch) -> None:
    state: dict[str, Any] = {}

    def preHook(nfd: Any) -> None:
        state["old"] = getCurrentKeepAliveSettings(nfd.pfd.Sysfd)

    monkeypatch.setattr(hook, "testPreHookSetKeepAlive", preHook)

    def main() -> None:
        # KeepAlive: -1 keeps the accepting side from calling the hook.
        ln = newLocalListener("tcp", net.ListenConfig(KeepAlive=-1))
        ls = localServer(ln)
        conns: list[Any] = []
        try:
            ls.buildup(_acceptAndClose)
            for cfg in testConfigs:
                # KeepAlive should be ignored: KeepAliveConfig wins.
                d = net.Dialer(KeepAlive=defaultTCPKeepAliveIdle, KeepAliveConfig=cfg)
                state.clear()
                c, err = d.Dial("tcp", ls.Listener.Addr().String())
                assert err is None, err
                conns.append(c)
                assert "old" in state, "testPreHookSetKeepAlive was not called"
                _verify(c, state["old"], cfg)
        finally:
            for c in conns:
                c.Close()
            ls.teardown()

    rt.run(main)


def test_TCPConnKeepAliveConfigListener(monkeypatch: pytest.MonkeyPatch) -> None:
    state: dict[str, Any] = {}

    def preHook(nfd: Any) -> None:
        state["old"] = getCurrentKeepAliveSettings(nfd.pfd.Sysfd)

    monkeypatch.setattr(hook, "testPreHookSetKeepAlive", preHook)

    def main() -> None:
        ch: rt.hchan[Any] = rt.chan(1)

        def handler(ls: localServer, ln: Any) -> None:
            c, err = ln.Accept()
            if err is not None:
                return
            ch.send(c)

        for cfg in testConfigs:
            ln = newLocalListener("tcp", net.ListenConfig(
                KeepAlive=defaultTCPKeepAliveIdle,  # should be ignored
                KeepAliveConfig=cfg))
            ls = localServer(ln)
            try:
                ls.buildup(handler)
                d = net.Dialer(KeepAlive=-1)  # keeps the dialing side from calling the hook
                state.clear()
                c, err = d.Dial("tcp", ls.Listener.Addr().String())
                assert err is None, err
                with c:
                    cc = ch.recv()
                    with cc:
                        assert "old" in state, "testPreHookSetKeepAlive was not called"
                        _verify(cc, state["old"], cfg)
            finally:
                ls.teardown()

    rt.run(main)


def test_TCPConnKeepAliveConfig() -> None:
    def main() -> None:
        ls = newLocalServer("tcp")
        conns: list[Any] = []
        try:
            ls.buildup(_acceptAndClose)
            for cfg in testConfigs:
                d = net.Dialer(KeepAlive=-1)  # no default values before the test
                c, err = d.Dial("tcp", ls.Listener.Addr().String())
                assert err is None, err
                conns.append(c)
                sc, err = c.SyscallConn()
                assert err is None, err
                old: list[KeepAliveConfig] = []
                assert sc.Control(lambda fd, old=old: old.append(
                    getCurrentKeepAliveSettings(fd))) is None
                assert c.SetKeepAliveConfig(cfg) is None
                _verify(c, old[0], cfg)
        finally:
            for c in conns:
                c.Close()
            ls.teardown()

    rt.run(main)


# ---------------------------------------------------------------------------
# writev_test.go


def test_Buffers_read() -> None:
    story = b"once upon a time in Gopherland ... "
    buffers = Buffers([b"once ", b"upon ", b"a ", b"time ", b"in ", b"Gopherland ... "])
    got, err = io.ReadAll(buffers)
    assert err is None, err
    assert got == story
    assert len(buffers) == 0


_consumeTests: list[tuple[list[bytes | None], int, list[bytes]]] = [
    ([b"foo", b"bar"], 0, [b"foo", b"bar"]),
    ([b"foo", b"bar"], 2, [b"o", b"bar"]),
    ([b"foo", b"bar"], 3, [b"bar"]),
    ([b"foo", b"bar"], 4, [b"ar"]),
    ([None, None, None, b"bar"], 1, [b"ar"]),
    ([None, None, None, b"foo"], 0, [b"foo"]),
    ([None, None, None], 0, []),
]


@pytest.mark.parametrize("i", range(len(_consumeTests)))
def test_Buffers_consume(i: int) -> None:
    inp, consume, want = _consumeTests[i]
    v = Buffers(inp)
    v.consume(consume)
    assert [bytes(b) for b in v] == want, f"{i}. after consume({consume}) = {list(v)}"


@pytest.mark.parametrize("useCopy", [False, True], ids=["WriteTo", "Copy"])
@pytest.mark.parametrize("chunks", [0, 10, 1023, 1024, 1025])
def test_Buffers_WriteTo(chunks: int, useCopy: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    writeLog: list[int] = []
    monkeypatch.setattr(pollfd, "TestHookDidWritev", writeLog.append)
    want = bytes(i & 0xFF for i in range(chunks))

    def main() -> None:
        def writer(c: TCPConn) -> Any:
            buffers = Buffers(want[i:i + 1] for i in range(chunks))
            if useCopy:
                n, err = io.Copy(c, buffers)
            else:
                n, err = buffers.WriteTo(c)
            if err is not None:
                return err
            if len(buffers) != 0:
                return errors.New(f"len(buffers) = {len(buffers)}; want 0")
            if n != len(want):
                return errors.New(f"Buffers.WriteTo returned {n}; want {len(want)}")
            return None

        def reader(c: TCPConn) -> Any:
            all_, err = io.ReadAll(c)
            if all_ != want or err is not None:
                return errors.New(f"client read {all_!r}, {err}; want {want!r}, nil")
            return None

        withTCPConnPair(writer, reader)

    rt.run(main)
    # Linux: every byte went out through writev, in at least one call per 1024 buffers.
    wantMinCalls = (chunks + 1023) // 1024
    assert len(writeLog) >= wantMinCalls, (
        f"write calls = {len(writeLog)} < wanted min {wantMinCalls}")
    assert sum(writeLog) == len(want), f"writev call sum = {sum(writeLog)}; want {len(want)}"


def test_WritevError() -> None:
    def main() -> None:
        ln = newLocalListener("tcp")
        ch: rt.hchan[Any] = rt.chan(1)
        try:
            def acc() -> None:
                try:
                    c, err = ln.Accept()
                    assert err is None, err
                    ch.send(c)
                finally:
                    ch.close()

            rt.go(acc)
            c1, err = net.Dial("tcp", ln.Addr().String())
            assert err is None, err
            with c1:
                c2 = ch.recv()
                assert c2 is not None, "no server side connection"
                c2.Close()
                # 1 GB of data is enough to notice the connection is gone; the
                # same 1 MB buffer is reused so little is allocated.
                buf = bytearray(1 << 20)
                buffers = Buffers([buf] * (1 << 10))
                n, err = buffers.WriteTo(c1)
                assert err is not None, "Buffers.WriteTo(closed conn) succeeded, want error"
                # The port's own: the error is a "writev" OpError with Go's nesting.
                assert isinstance(err, OpError) and err.Op == "writev"
                assert parseWriteError(err) is None
                assert str(err).startswith(
                    f"writev tcp {c1.LocalAddr().String()}->{c1.RemoteAddr().String()}: writev: ")
                assert n < 1 << 30 and len(buffers) > 0  # what was not written is left
                assert sum(len(memoryview(b)) for b in buffers) == (1 << 30) - n
        finally:
            ln.Close()
            for c in ch:
                c.Close()

    rt.run(main)


def test_Buffers_WriteTo_nilAndEmpty() -> None:
    """The port's own: Go's nil and empty slices in Buffers, written to a TCPConn."""
    def main() -> None:
        def writer(c: TCPConn) -> Any:
            buffers = Buffers([None, b"", b"ab", None, memoryview(b"cd"), bytearray(b"e")])
            n, err = buffers.WriteTo(c)
            if err is not None:
                return err
            if (n, len(buffers)) != (5, 0):
                return errors.New(f"WriteTo = {n}, {len(buffers)} left; want 5, 0")
            return None

        def reader(c: TCPConn) -> Any:
            b, err = io.ReadAll(c)
            if (b, err) != (b"abcde", None):
                return errors.New(f"read {b!r}, {err}")
            return None

        withTCPConnPair(writer, reader)

    rt.run(main)


def test_ListenerFileAndSyscallConn() -> None:
    """The port's own: TCPListener.SyscallConn's raw listener refuses Read and Write."""
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            assert isinstance(ln, TCPListener)
            rc, err = ln.SyscallConn()
            assert err is None
            assert rc.Read(lambda fd: True) == sys_linux.EINVAL
            assert rc.Write(lambda fd: True) == sys_linux.EINVAL
            fds: list[int] = []
            assert rc.Control(fds.append) is None and fds == [ln.fd.pfd.Sysfd]
            assert poll.ErrNetClosing is net.ErrClosed

    rt.run(main)


def test_PortRawConnReadWrite() -> None:
    """The port's own (after rawconn_unix_test.go's readRawConn/writeRawConn):
    SyscallConn().Read calls f until it reports done, parking in the poller
    while f sees EAGAIN; Write likewise."""
    def main() -> None:
        def server(c: TCPConn) -> Any:
            time.Sleep(20 * time.Millisecond)  # the client's raw Read must wait for this
            n, err = c.Write(b"raw")
            if err is not None:
                return err
            buf = bytearray(3)
            n, err = io.ReadFull(c, buf)
            if err is not None or buf != b"RAW":
                return errors.New(f"server read {bytes(buf[:n])!r}, {err}")
            return None

        def client(c: TCPConn) -> Any:
            rc, err = c.SyscallConn()
            if err is not None:
                return err
            buf = bytearray(8)
            calls: list[int] = []

            def read(fd: int) -> bool:
                n, errno = sys_linux.read(fd, buf)
                calls.append(n)
                return errno != sys_linux.EAGAIN

            err = rc.Read(read)
            if err is not None or calls[-1] != 3 or bytes(buf[:3]) != b"raw":
                return errors.New(f"raw read: {err}, calls {calls}")
            if len(calls) < 2:
                return errors.New("raw Read did not wait for the data")
            err = rc.Write(lambda fd: sys_linux.write(fd, b"RAW")[1] != sys_linux.EAGAIN)
            return err

        withTCPConnPair(server, client)

    rt.run(main)


def test_PortRemoteAddrAsMapKey() -> None:
    """``subs[c.RemoteAddr()] = c`` finds its entry again, as a Go map keyed by Addr does.

    The server's view of a client and the client's own LocalAddr are
    different objects with equal fields: one key, so a chat server can
    look a subscriber up by the address it reports.
    """
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            subs: dict[Any, Any] = {}
            clients = []
            for _ in range(3):
                ch: rt.hchan[Any] = rt.chan(1)
                rt.go(lambda ch=ch: ch.send(ln.Accept()))
                c, err = net.Dial("tcp", ln.Addr().String())
                assert err is None, err
                s, err = ch.recv()
                assert err is None, err
                subs[s.RemoteAddr()] = s
                clients.append(c)
            assert len(subs) == 3
            for c in clients:
                key = c.LocalAddr()
                s = subs[key]  # a different object, equal fields
                assert s.RemoteAddr() is not key and s.RemoteAddr() == key
                assert s.RemoteAddr() in subs
                # Rebuilt with the same fields, it is the same key ...
                assert TCPAddr(IP=key.IP, Port=key.Port) in subs
                # ... but as with reflect.DeepEqual, a 16-byte IP is not a 4-byte
                # one: ResolveTCPAddr's 16-byte form is a different key.
                ra, err = ResolveTCPAddr("tcp", key.String())
                assert err is None and ra is not None and ra.IP is not None
                assert ra.IP.Equal(key.IP) and ra not in subs
            # The conns themselves are keys by identity, as Go's pointers are.
            byConn = {s: a for a, s in subs.items()}
            assert all(byConn[s] == a for a, s in subs.items())
            for c in clients:
                c.Close()
            for s in subs.values():
                s.Close()

    rt.run(main)
