"""net/net_test.go (go1.27.0), ported, with the port's own tests of closing and errors.

Go's tests, row for row: TestCloseRead, TestCloseWrite, TestConnClose,
TestListenerClose, TestAcceptIgnoreAbortedConnRequest (socktest injects
ECONNABORTED into accept4; Accept must retry and succeed),
TestZeroByteRead, TestReadTimeoutUnblocksRead, TestCloseUnblocksRead,
TestNotTemporaryRead (the peer resets the connection with SetLinger(0)),
TestErrors, TestPacketConnClose (udp and unixgram) and
TestCloseUnblocksReadUDP (Go issue 72770: Close wakes a ReadFromUDPAddrPort
blocked with a zero-length buffer, and the read reports no data). The
"unix" and "unixpacket" rows run on a socket in a fresh temporary
directory (mockserver's testUnixAddr, removed after the test).
``withTCPConnPair`` is Go's helper (test_tcpsock.py uses it too).

The port's own tests (named test_Port*) check what ARCHITECTURE.md and
GO_MAP D.5 promise about the same paths: Close while another goroutine is
blocked in Read, Write or Accept (one waiter or several) wakes it with an
error wrapping net.ErrClosed; Close racing with reads and writes on both
ends leaks nothing; concurrent Writes never interleave; refused, reset,
broken pipe and EOF give Go's errors byte for byte; a closed conn or
listener used again; and bad arguments, which give Go's error value where
Go has one and a TypeError at the call where the mistake is Python's (a
read-only or missing buffer, a non-str network, a float duration, a str
where Go takes a *TCPAddr).

Every test runs inside ``rt.run`` with a socktest switch installed, so a
socket left open fails the test (tests/net/conftest.py).
"""

from __future__ import annotations

import os as _pyos
from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from net.internal import socktest
from net.ipsock import supportsIPv4
from net.net import (
    AddrError,
    DNSConfigError,
    DNSError,
    ErrClosed,
    OpError,
    ParseError,
    UnknownNetworkError,
    timeoutError,
)
from net.tcpsock import TCPAddr, TCPConn
from net.udpsock import UDPConn
from net.unixsock import UnixConn
from rt.sys_linux import ECONNREFUSED, ECONNRESET, EPIPE, Errno
from std import context, errors, io, os, sync, time
from tests.net.mockserver import (
    localServer,
    newLocalListener,
    newLocalPacketListener,
    newLocalServer,
    removeTestUnixAddrs,  # noqa: F401  (autouse: removes the testUnixAddr directories)
)
from tests.net.test_error import (
    abortedConnRequestErrors,
    parseAcceptError,
    parseCloseError,
    parseDialError,
    parseReadError,
    parseWriteError,
)

pytestmark = pytest.mark.usefixtures("sw")

STREAM_NETWORKS = ["tcp", "unix", "unixpacket"]


def _dial(ln: Any) -> Any:
    c, err = net.Dial(ln.Addr().Network(), ln.Addr().String())
    assert err is None, err
    return c


def _names(c: Any) -> str:
    return f"{c.LocalAddr().String()}->{c.RemoteAddr().String()}"


@pytest.mark.parametrize("network", STREAM_NETWORKS)
def test_CloseRead(network: str) -> None:
    def main() -> None:
        ln = newLocalListener(network)
        with ln:
            c = _dial(ln)
            with c:
                assert isinstance(c, (TCPConn, UnixConn))
                err = c.CloseRead()
                assert err is None and parseCloseError(err, True) is None, err
                n, err = c.Read(bytearray(1))
                assert n == 0 and err is not None, f"got ({n}, {err}); want (0, error)"

    rt.run(main)


@pytest.mark.parametrize("network", STREAM_NETWORKS)
def test_CloseWrite(network: str) -> None:
    errs: list[str] = []
    deadline = time.Now().Add(10 * time.Second)  # Go leaves 10% of the test's deadline

    def handler(ls: localServer, ln: Any) -> None:
        c, err = ln.Accept()
        if err is not None:
            errs.append(str(err))
            return
        c.SetDeadline(deadline)
        with c:
            b = bytearray(1)
            n, err = c.Read(b)
            if n != 0 or err is not io.EOF:
                errs.append(f"got ({n}, {err}); want (0, io.EOF)")
                return
            err = c.CloseWrite()
            if err is not None:
                if (perr := parseCloseError(err, True)) is not None:
                    errs.append(str(perr))
                errs.append(str(err))
                return
            n, err = c.Write(b)
            if err is None:
                errs.append(f"got ({n}, {err}); want (any, error)")

    def main() -> None:
        ls = newLocalServer(network)
        try:
            ls.buildup(handler)
            c = _dial(ls.Listener)
            c.SetDeadline(deadline)
            with c:
                err = c.CloseWrite()
                assert err is None, err
                b = bytearray(1)
                n, err = c.Read(b)
                assert n == 0 and err is io.EOF, f"got ({n}, {err}); want (0, io.EOF)"
                n, err = c.Write(b)
                assert err is not None, f"got ({n}, {err}); want (any, error)"
                # The port's own: Go's text for writing after shutdown(SHUT_WR).
                # An unnamed Unix client is "@" on Linux (syscall.anyToSockaddr
                # shows the zeroed sun_path's leading NUL as "@").
                names = _names(c)
                if network != "tcp":
                    names = f"@->{ls.Listener.Addr().String()}"
                assert str(err) == f"write {network} {names}: write: broken pipe"
                assert parseWriteError(err) is None
        finally:
            ls.teardown()

    rt.run(main)
    assert errs == []


@pytest.mark.parametrize("network", STREAM_NETWORKS)
def test_ConnClose(network: str) -> None:

    def main() -> None:
        ln = newLocalListener(network)
        with ln:
            c = _dial(ln)
            with c:
                err = c.Close()
                assert err is None and parseCloseError(err, False) is None, err
                n, err = c.Read(bytearray(1))
                assert n == 0 and err is not None, f"got ({n}, {err}); want (0, error)"

    rt.run(main)


@pytest.mark.parametrize("network", STREAM_NETWORKS)
def test_ListenerClose(network: str) -> None:

    def main() -> None:
        ln = newLocalListener(network)
        err = ln.Close()
        assert err is None and parseCloseError(err, False) is None, err
        c, err = ln.Accept()
        if err is None:
            c.Close()
            pytest.fail("should fail")
        # Go cannot check that a later Dial fails: the port may be reused at once.

    rt.run(main)


@pytest.mark.parametrize("network", ["udp", "unixgram"])
def test_PacketConnClose(network: str) -> None:
    def main() -> None:
        c = newLocalPacketListener(network)
        with c:
            err = c.Close()
            assert err is None and parseCloseError(err, False) is None, err
            n, _, err = c.ReadFrom(bytearray(1))
            assert n == 0 and err is not None, f"got ({n}, {err}); want (0, error)"
            # The port's own: Go's text, naming the local address only, under the
            # network the socket was made with ("udp4" for newLocalPacketListener's udp).
            made = "udp4" if network == "udp" and supportsIPv4() else network
            if network == "udp" and not supportsIPv4():
                made = "udp6"
            want = f"read {made} {c.LocalAddr().String()}: use of closed network connection"
            assert str(err) == want
            assert parseReadError(err) is None and errors.Is(err, ErrClosed)

    rt.run(main)


def test_AcceptIgnoreAbortedConnRequest(sw: socktest.Switch) -> None:
    """See Go issues 6163 and 6987."""
    errs: list[str] = []
    filtered: list[Errno | None] = []

    def main() -> None:
        syserr: rt.hchan[Errno] = rt.chan()

        def feed() -> None:
            try:
                for e in abortedConnRequestErrors:
                    syserr.send(e)
            finally:
                syserr.close()

        rt.go(feed)

        def acceptFilter(so: socktest.Status) -> tuple[socktest.AfterFilter | None,
                                                        Errno | None]:
            err, ok = syserr.recv2()
            filtered.append(err if ok else None)
            if ok:
                return None, err
            return None, None

        sw.Set(socktest.FilterAccept, acceptFilter)
        operr: rt.hchan[Any] = rt.chan(1)

        def handler(ls: localServer, ln: Any) -> None:
            try:
                c, err = ln.Accept()
                if err is not None:
                    if (perr := parseAcceptError(err)) is not None:
                        operr.send(perr)
                    operr.send(err)
                    return
                c.Close()
            finally:
                operr.close()

        ls = newLocalServer("tcp")
        try:
            ls.buildup(handler)
            c = _dial(ls.Listener)
            c.Close()
            for err in operr:
                errs.append(str(err))
        finally:
            ls.teardown()
            sw.Set(socktest.FilterAccept, None)

    rt.run(main)
    assert errs == []
    # The injected ECONNABORTED was seen, and Accept went round again.
    assert filtered == [*abortedConnRequestErrors, None]
    st = [s for s in sw.Stats() if s.Accepted or s.AcceptFailed]
    assert len(st) == 1 and st[0].Accepted == 1 and st[0].AcceptFailed == 0


@pytest.mark.parametrize("network", STREAM_NETWORKS)
def test_ZeroByteRead(network: str) -> None:

    def main() -> None:
        ln = newLocalListener(network)
        connc: rt.hchan[Any] = rt.chan(1)
        try:
            def acc() -> None:
                try:
                    c, err = ln.Accept()
                    assert err is None, err
                    connc.send(c)  # might be None
                finally:
                    connc.close()

            rt.go(acc)
            c, err = net.Dial(network, ln.Addr().String())
            assert err is None, err
            with c:
                sc = connc.recv()
                assert sc is not None
                with sc:
                    # Go's Read(nil); here an empty buffer (None is a TypeError).
                    n, err = c.Read(bytearray())
                    assert (n, err) == (0, None), f"zero byte client read = {n}, {err}"
                    n, err = sc.Read(memoryview(bytearray(8))[:0])
                    assert (n, err) == (0, None), f"zero byte server read = {n}, {err}"
        finally:
            ln.Close()
            for c in connc:
                if c is not None:
                    c.Close()

    rt.run(main)


def withTCPConnPair(peer1: Callable[[TCPConn], Any], peer2: Callable[[TCPConn], Any]) -> None:
    """net_test.go: withTCPConnPair. Run peer1 (accepted end) and peer2 (dialed end)
    concurrently; each returns None or an error; any error fails the test.

    Call it inside ``rt.run``.
    """
    ln = newLocalListener("tcp")
    errc: rt.hchan[Any] = rt.chan(2)
    try:
        def server() -> None:
            c1, err = ln.Accept()
            if err is not None:
                errc.send(err)
                return
            err = peer1(c1)
            c1.Close()
            errc.send(err)

        def client() -> None:
            c2, err = net.Dial("tcp", ln.Addr().String())
            if err is not None:
                errc.send(err)
                return
            err = peer2(c2)
            c2.Close()
            errc.send(err)

        rt.go(server)
        rt.go(client)
        errs = [errc.recv() for _ in range(2)]
    finally:
        ln.Close()
    assert [str(e) for e in errs if e is not None] == []


def test_ReadTimeoutUnblocksRead() -> None:
    """A blocked Read is interrupted by SetReadDeadline(past) from another goroutine."""
    def main() -> None:
        serverDone: rt.hchan[None] = rt.chan()

        def server(cs: TCPConn) -> Any:
            try:
                errc: rt.hchan[Any] = rt.chan(1)

                def reader() -> None:
                    try:
                        def interrupt() -> None:
                            time.Sleep(100 * time.Millisecond)
                            cs.SetReadDeadline(time.Unix(123, 0))  # a time in the past

                        rt.go(interrupt)
                        n, err = cs.Read(bytearray(1))
                        if n != 0 or err is None:
                            errc.send(errors.New(f"Read = {n}, {err}; want 0, non-nil"))
                    finally:
                        errc.close()

                rt.go(reader)
                i, err, _ = rt.select(rt.recv(errc), rt.recv(time.After(5 * time.Second)))
                if i == 1:
                    return errors.New("timeout waiting for Read to finish")
                return err
            finally:
                serverDone.close()

        def client(c: TCPConn) -> Any:
            serverDone.recv2()
            return None

        withTCPConnPair(client, server)

    rt.run(main)


def test_CloseUnblocksRead() -> None:
    """Go issue 17695: a blocked Read is woken by the peer's Close (EOF)."""
    def main() -> None:
        def server(cs: TCPConn) -> Any:
            time.Sleep(20 * time.Millisecond)  # let the client get stuck in Read
            cs.Close()
            return None

        def client(ss: TCPConn) -> Any:
            n, err = ss.Read(bytearray(1))
            if n != 0 or err is not io.EOF:
                return errors.New(f"Read = {n}, {err}; want 0, EOF")
            return None

        withTCPConnPair(client, server)

    rt.run(main)


def test_CloseUnblocksReadUDP() -> None:
    """Go issue 72770: a UDP read blocked with a zero-length buffer is woken by Close."""
    def main() -> None:
        mu = sync.Mutex()
        done = [False]
        pc, err = net.ListenPacket("udp", "127.0.0.1:0")
        assert err is None, err
        assert isinstance(pc, UDPConn)

        def closer() -> None:
            with mu:
                if done[0]:
                    return
                print("closing conn...")
                pc.Close()

        def panicker() -> None:
            raise rt.Panic("timeout waiting for Close")

        time.AfterFunc(250 * time.Millisecond, closer)
        timer = time.AfterFunc(10 * time.Second, panicker)
        try:
            n, src, err = pc.ReadFromUDPAddrPort(bytearray())
            # Check for n > 0: err == nil alone is not enough (macOS returns
            # n=0, src=0.0.0.0:0, err=nil).
            assert n == 0, (f"unexpected Read success from ReadFromUDPAddrPort; read {n} "
                            f"bytes from {src}, err={err}")
            print("got expected UDP read error")
            # The port's own: on Linux the error is Close's, Go's text.
            assert errors.Is(err, ErrClosed), err
            assert str(err) == (f"read udp {pc.LocalAddr().String()}: "
                                "use of closed network connection")
        finally:
            timer.Stop()
            with mu:
                done[0] = True
            pc.Close()

    rt.run(main)


def test_NotTemporaryRead() -> None:
    """Go issue 24808: ECONNRESET is not temporary for read."""
    def main() -> None:
        ln = newLocalListener("tcp")
        serverDone: rt.hchan[None] = rt.chan()
        dialed: rt.hchan[None] = rt.chan()

        def server() -> None:
            try:
                cs, err = ln.Accept()
                if err is not None:
                    return
                dialed.recv2()
                cs.SetLinger(0)
                cs.Close()
            finally:
                serverDone.close()

        rt.go(server)
        try:
            ss, err = net.Dial("tcp", ln.Addr().String())
            dialed.close()
            assert err is None, err
            with ss:
                _, err = ss.Read(bytearray(1))
                assert err is not None, "Read succeeded unexpectedly"
                assert err is not io.EOF, (
                    "Read unexpectedly returned io.EOF after socket was abruptly closed")
                assert isinstance(err, net.Error), f"Read error does not implement net.Error: {err}"
                assert not err.Temporary(), f"Read error is unexpectedly temporary: {err}"
                # The port's own: Go's text and nesting (D.5's "peer reset" row).
                assert str(err) == f"read tcp {_names(ss)}: read: connection reset by peer"
                assert parseReadError(err) is None
                op = errors.As(err, OpError)
                assert op is not None and op.Op == "read" and op.Net == "tcp"
                assert op.Source == ss.LocalAddr() and op.Addr == ss.RemoteAddr()
                sc = errors.As(err, os.SyscallError)
                assert sc is not None and sc.Syscall == "read" and sc.Err is ECONNRESET
                assert errors.Is(err, ECONNRESET) and not err.Timeout()
        finally:
            ln.Close()
            serverDone.recv2()

    rt.run(main)


def test_Errors() -> None:
    """Every error type is a net.Error; so is ErrClosed."""
    for e in (OpError(), ParseError(), AddrError(), UnknownNetworkError(""),
              net.InvalidAddrError(""), timeoutError(), DNSConfigError(), DNSError()):
        assert isinstance(e, net.Error), type(e).__name__
    assert isinstance(ErrClosed, net.Error), "ErrClosed does not implement Error"


# ---------------------------------------------------------------------------
# The port's own tests.


def _pair(ln: Any) -> tuple[Any, Any]:
    """A connected (client, server) pair on ln. Call inside rt.run."""
    ch: rt.hchan[Any] = rt.chan(1)
    rt.go(lambda: ch.send(ln.Accept()))
    c = _dial(ln)
    s, err = ch.recv()
    assert err is None, err
    return c, s


def _expectClosed(err: Any, text: str) -> None:
    assert err is not None
    assert str(err) == text
    assert errors.Is(err, net.ErrClosed)
    assert isinstance(err, OpError) and err.Err is ErrClosed  # never wrapped in SyscallError
    assert not err.Timeout() and not err.Temporary()


def test_PortCloseUnblocksBlockedRead() -> None:
    """Close from another goroutine wakes a Read blocked on the same conn (ARCHITECTURE.md)."""
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, s = _pair(ln)
            with s:
                res: rt.hchan[tuple[int, Any]] = rt.chan(1)
                rt.go(lambda: res.send(c.Read(bytearray(16))))
                time.Sleep(20 * time.Millisecond)  # let the reader park
                assert c.Close() is None
                n, err = res.recv()
                assert n == 0
                _expectClosed(err, f"read tcp {_names(c)}: use of closed network connection")
                assert parseReadError(err) is None

    rt.run(main)


def test_PortCloseUnblocksBlockedWrite() -> None:
    """Close wakes a Write blocked on full socket buffers; the bytes sent are reported."""
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, s = _pair(ln)
            with s:
                c.SetWriteBuffer(4096)
                s.SetReadBuffer(4096)
                res: rt.hchan[tuple[int, Any]] = rt.chan(1)
                size = 16 << 20  # far more than both buffers hold: the Write must park
                rt.go(lambda: res.send(c.Write(bytearray(size))))
                time.Sleep(50 * time.Millisecond)
                assert c.Close() is None
                n, err = res.recv()
                assert 0 < n < size  # a partial write reports its count with the error
                _expectClosed(err, f"write tcp {_names(c)}: use of closed network connection")
                assert parseWriteError(err) is None

    rt.run(main)


def test_PortCloseUnblocksBlockedAccept() -> None:
    """Close wakes an Accept blocked on the listener."""
    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None, err
        res: rt.hchan[tuple[Any, Any]] = rt.chan(1)
        rt.go(lambda: res.send(ln.Accept()))
        time.Sleep(20 * time.Millisecond)
        assert ln.Close() is None
        c, err = res.recv()
        assert c is None
        _expectClosed(err, f"accept tcp {ln.Addr().String()}: use of closed network connection")
        assert parseAcceptError(err) is None

    rt.run(main)


def test_PortConnectionRefused() -> None:
    """D.5: "dial tcp 127.0.0.1:P: connect: connection refused", nested as Go nests it."""
    def main() -> None:
        ln = newLocalListener("tcp")
        addr = ln.Addr()
        ln.Close()  # nothing listens on addr now
        c, err = net.Dial("tcp", addr.String())
        assert c is None
        assert str(err) == f"dial tcp {addr.String()}: connect: connection refused"
        assert parseDialError(err) is None
        op = errors.As(err, OpError)
        assert op is not None and (op.Op, op.Net, op.Source) == ("dial", "tcp", None)
        assert op.Addr is not None and op.Addr.String() == addr.String()
        sc = errors.As(err, os.SyscallError)
        assert sc is not None and sc.Syscall == "connect" and sc.Err is ECONNREFUSED
        assert errors.Is(err, ECONNREFUSED)
        # With a local address, it is printed as the source.
        la = TCPAddr(IP=net.IPv4(127, 0, 0, 1), Port=0)
        c, err = net.DialTCP("tcp", la, addr)
        assert c is None
        assert str(err) == f"dial tcp 127.0.0.1:0->{addr.String()}: connect: connection refused"

    rt.run(main)


def test_PortEOF() -> None:
    """The peer's Close is a plain io.EOF, never wrapped; again and again."""
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, s = _pair(ln)
            with c:
                assert s.Write(b"last words") == (10, None)
                s.Close()
                buf = bytearray(64)
                n, err = c.Read(buf)
                assert (bytes(buf[:n]), err) == (b"last words", None)
                for _ in range(2):
                    n, err = c.Read(buf)
                    assert n == 0 and err is io.EOF

    rt.run(main)


def test_PortWriteToClosedPeer() -> None:
    """D.5: writing to a peer that is gone ends in "write: broken pipe" (or a reset)."""
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, s = _pair(ln)
            with c:
                s.Close()
                err: Any = None
                for _ in range(100):  # the first writes may still be accepted
                    _, err = c.Write(b"x" * 1024)
                    if err is not None:
                        break
                    time.Sleep(time.Millisecond)
                assert err is not None
                assert parseWriteError(err) is None
                assert errors.Is(err, EPIPE) or errors.Is(err, ECONNRESET), err
                want = "broken pipe" if errors.Is(err, EPIPE) else "connection reset by peer"
                assert str(err) == f"write tcp {_names(c)}: write: {want}"

    rt.run(main)


def test_PortClosedConnUsedAgain() -> None:
    """Every method of a closed conn and listener fails with Go's error."""
    def main() -> None:
        ln = newLocalListener("tcp")
        c, s = _pair(ln)
        s.Close()
        names = _names(c)
        laddr = c.LocalAddr().String()
        closed = "use of closed network connection"
        assert c.Close() is None
        _expectClosed(c.Read(bytearray(1))[1], f"read tcp {names}: {closed}")
        _expectClosed(c.Write(b"x")[1], f"write tcp {names}: {closed}")
        _expectClosed(c.Close(), f"close tcp {names}: {closed}")
        # conn's setters (net.go) name only the local address ...
        for setter in (c.SetDeadline, c.SetReadDeadline, c.SetWriteDeadline):
            _expectClosed(setter(time.Now()), f"set tcp {laddr}: {closed}")
        for err in (c.SetReadBuffer(4096), c.SetWriteBuffer(4096)):
            _expectClosed(err, f"set tcp {laddr}: {closed}")
        _expectClosed(c.CloseRead(), f"close tcp {names}: {closed}")
        _expectClosed(c.CloseWrite(), f"close tcp {names}: {closed}")
        # ... TCPConn's own (tcpsock.go, tcpsock_unix.go) name both ends.
        for err in (c.SetNoDelay(True), c.SetKeepAlive(True), c.SetLinger(0),
                    c.SetKeepAlivePeriod(time.Second),
                    c.SetKeepAliveConfig(net.KeepAliveConfig(Enable=True))):
            _expectClosed(err, f"set tcp {names}: {closed}")
        _, err = c.File()
        _expectClosed(err, f"file tcp {names}: {closed}")
        rc, err = c.SyscallConn()  # the raw conn is made; using it fails
        assert err is None
        _expectClosed(rc.Control(lambda fd: None), f"raw-control tcp {laddr}: {closed}")
        _expectClosed(rc.Read(lambda fd: True), f"raw-read tcp {names}: {closed}")
        _expectClosed(rc.Write(lambda fd: True), f"raw-write tcp {names}: {closed}")
        # The addresses stay readable.
        assert c.LocalAddr().String() == laddr
        lname = ln.Addr().String()
        assert ln.Close() is None
        _expectClosed(ln.Accept()[1], f"accept tcp4 {lname}: {closed}")
        _expectClosed(ln.Close(), f"close tcp4 {lname}: {closed}")
        err = ln.SetDeadline(time.Now())  # unwrapped, as in Go
        assert err is ErrClosed
        _, err = ln.File()
        _expectClosed(err, f"file tcp4 {lname}: {closed}")

    rt.run(main)


def test_PortSetterErrorAddresses() -> None:
    """Each setter's OpError carries the addresses Go's source gives it.

    net.go's conn.SetDeadline/SetReadDeadline/SetWriteDeadline and
    SetReadBuffer/SetWriteBuffer build OpError{Source: nil, Addr: laddr};
    tcpsock.go's SetLinger/SetKeepAlive/SetKeepAlivePeriod/SetNoDelay and
    tcpsock_unix.go's SetKeepAliveConfig build {Source: laddr, Addr: raddr}.
    """
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, s = _pair(ln)
            s.Close()
            c.Close()
            local = ("SetDeadline", "SetReadDeadline", "SetWriteDeadline",
                     "SetReadBuffer", "SetWriteBuffer")
            both = ("SetLinger", "SetKeepAlive", "SetKeepAlivePeriod", "SetNoDelay",
                    "SetKeepAliveConfig")
            args: dict[str, Any] = {
                "SetDeadline": time.Now(), "SetReadDeadline": time.Now(),
                "SetWriteDeadline": time.Now(), "SetReadBuffer": 1, "SetWriteBuffer": 1,
                "SetLinger": 0, "SetKeepAlive": True, "SetKeepAlivePeriod": time.Second,
                "SetNoDelay": True, "SetKeepAliveConfig": net.KeepAliveConfig(),
            }
            for name in local + both:
                err = getattr(c, name)(args[name])
                assert isinstance(err, OpError), name
                assert err.Op == "set" and err.Net == "tcp", name
                if name in local:
                    assert err.Source is None and err.Addr is c.LocalAddr(), name
                else:
                    assert err.Source is c.LocalAddr(), name
                    assert err.Addr is c.RemoteAddr(), name
                assert errors.Is(err, ErrClosed), name

    rt.run(main)


def test_PortCloseDeregistersBeforeClose(monkeypatch: pytest.MonkeyPatch) -> None:
    """rt/netpoll_epoll.py's essay: EPOLL_CTL_DEL must come before close(2).

    ``conn.File()`` hands out a dup of the socket, so closing the conn closes
    one fd number while the open file description, and with it the epoll
    registration keyed on it, lives on. The runtime deletes the registration
    first, so the peer's later writes wake nobody. With the DEL left out (the
    hazard, forced here by disabling netpollclose) each of the 20 one-byte
    writes is reported, although nothing reads: the kernel's edge fires on
    every arrival, not only after a drain. fdseq then drops those events.
    """
    from rt import netpoll, netpoll_epoll

    def eventsAfterClose(skipDel: bool) -> int:
        def main() -> int:
            ln = newLocalListener("tcp")
            with ln:
                c, s = _pair(ln)
                with s:
                    f, err = c.File()
                    assert err is None
                    # Keep only a bare duplicate: the File registers its own
                    # descriptor with the poller, which would add events.
                    fd = _pyos.dup(f.Fd())
                    assert f.Close() is None
                    try:
                        if skipDel:
                            monkeypatch.setattr(netpoll_epoll, "netpollclose", lambda fd: 0)
                        assert c.Close() is None
                        monkeypatch.undo()
                        time.Sleep(5 * time.Millisecond)
                        before = netpoll.ReadNetpollStats()
                        for _ in range(20):
                            assert s.Write(b"x") == (1, None)
                            time.Sleep(2 * time.Millisecond)  # the poller runs meanwhile
                        after = netpoll.ReadNetpollStats()
                    finally:
                        _pyos.close(fd)
                    return after.events - before.events - (after.breaksWritten
                                                           - before.breaksWritten) * 2

        got: int = rt.run(main)
        return got

    assert eventsAfterClose(skipDel=False) <= 0
    assert eventsAfterClose(skipDel=True) >= 10  # the hazard is real (20 here)


_badAddressTests = [
    # (network, address, Go's error text)
    ("foo", "", "dial foo: unknown network foo"),
    ("tcp", "", "dial tcp: missing address"),
    ("tcp", "127.0.0.1", "dial tcp: address 127.0.0.1: missing port in address"),
    ("tcp", "127.0.0.1:65536", "dial tcp: address 65536: invalid port"),
    ("tcp", "127.0.0.1:-1", "dial tcp: address -1: invalid port"),
    ("tcp", "[::1", "dial tcp: address [::1: missing ']' in address"),
    ("tcp4", "[::1]:80", "dial tcp4: address ::1: no suitable address found"),
]


@pytest.mark.parametrize("network,address,want", _badAddressTests)
def test_PortBadAddress(network: str, address: str, want: str) -> None:
    """Bad arguments give Go's error values, not a Python exception."""
    def main() -> None:
        c, err = net.Dial(network, address)
        assert c is None
        assert str(err) == want
        assert parseDialError(err) is None
        ln, err = net.Listen(network, address if address else "x")
        assert ln is None and err is not None
        assert str(err).startswith(f"listen {network}")
        assert parseDialError(err) is None

    rt.run(main)


def test_PortBadArgumentTypes() -> None:
    """What Go's compiler would reject is a TypeError at the call, before any syscall."""
    def main() -> None:
        with pytest.raises(TypeError):
            net.Dial(1, "127.0.0.1:80")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            net.Dial("tcp", None)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            net.Dial("tcp", b"127.0.0.1:80")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            net.Listen(6, ":0")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            net.ResolveTCPAddr("tcp", 80)  # type: ignore[arg-type]
        ln = newLocalListener("tcp")
        with ln:
            c, s = _pair(ln)
            with c, s:
                for bad in (b"read-only", None, "str", 5):
                    with pytest.raises(TypeError):
                        c.Read(bad)
                for bad in (None, "str", 5):
                    with pytest.raises(TypeError):
                        c.Write(bad)
                # Go's int, time.Duration, *TCPAddr and KeepAliveConfig parameters.
                for call in (lambda: c.SetLinger("x"), lambda: c.SetLinger(1.5),
                             lambda: c.SetKeepAlivePeriod(1.5), lambda: c.SetReadBuffer(None),
                             lambda: c.SetWriteBuffer("4096"),
                             lambda: c.SetKeepAliveConfig(None),
                             lambda: net.DialTCP("tcp", None, ln.Addr().String()),
                             lambda: net.DialTCP(4, None, ln.Addr()),  # type: ignore[arg-type]
                             lambda: net.ListenTCP("tcp", "127.0.0.1:0")):  # type: ignore[arg-type]
                    with pytest.raises(TypeError):
                        call()
                # A Go int too big for the C int is converted as Go converts it
                # (int32(v)), not refused: the kernel then picks its minimum.
                assert c.SetReadBuffer(1 << 40) is None
                # ... and the conn is still fine afterwards.
                assert c.Write(b"ok") == (2, None)
                buf = bytearray(2)
                assert s.Read(buf) == (2, None) and buf == b"ok"

    rt.run(main)


def test_PortDeadlineAndDurationArgumentTypes() -> None:
    """A deadline is a time.Time, a timeout a Duration (int ns): else a TypeError at the call.

    The message names the method and its parameter, so ``c.SetDeadline(5)``
    (a Duration where an instant belongs) and ``DialTimeout(..., 1.5)`` (seconds
    as a float) say what to pass instead.
    """
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, s = _pair(ln)
            with c, s:
                for bad in (1.5, 5, None):
                    for name in ("SetDeadline", "SetReadDeadline", "SetWriteDeadline"):
                        with pytest.raises(TypeError) as exc:
                            getattr(c, name)(bad)
                        assert str(exc.value).startswith(
                            f"TCPConn.{name}: t must be a time.Time"), exc.value
                        assert type(bad).__name__ in str(exc.value)
                    with pytest.raises(TypeError, match=r"^TCPListener\.SetDeadline: t must be"):
                        ln.SetDeadline(bad)
                assert c.SetDeadline(time.Time()) is None
            # A closed conn: still the TypeError first (Go would not compile the call).
            with pytest.raises(TypeError):
                c.SetReadDeadline(1.5)
            addr = ln.Addr().String()
            wrongs: tuple[Any, ...] = (1.5, "1s", True)
            for wrong in wrongs:
                with pytest.raises(TypeError) as exc:
                    net.DialTimeout("tcp", addr, wrong)
                assert str(exc.value).startswith(
                    "net.DialTimeout: timeout must be a Duration (int nanoseconds), not "
                    + type(wrong).__name__), exc.value
                for field in ("Timeout", "KeepAlive", "FallbackDelay"):
                    fields: dict[str, Any] = {field: wrong}
                    with pytest.raises(TypeError) as exc:
                        net.Dialer(**fields).Dial("tcp", addr)
                    assert str(exc.value).startswith(
                        f"net.Dialer: {field} must be a Duration (int nanoseconds)"), exc.value
                with pytest.raises(TypeError, match=r"^net\.ListenConfig: KeepAlive must be"):
                    net.ListenConfig(KeepAlive=wrong).Listen(context.Background(), "tcp",
                                                            "127.0.0.1:0")
            with pytest.raises(TypeError, match=r"^net\.Dialer: Deadline must be a time\.Time"):
                net.Dialer(Deadline=5).Dial("tcp", addr)  # type: ignore[arg-type]

    rt.run(main)


def test_PortCloseUnblocksEveryWaiter() -> None:
    """Several goroutines blocked in Read, Write (queued on the fd's locks or
    parked in the poller) and Accept all wake with ErrClosed when Close runs."""
    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None, err
        c, s = _pair(ln)
        with s:
            res: rt.hchan[tuple[str, int, Any]] = rt.chan(9)
            for _ in range(3):
                rt.go(lambda: res.send(("read", *c.Read(bytearray(16)))))
                rt.go(lambda: res.send(("write", *c.Write(bytearray(8 << 20)))))
                rt.go(lambda: res.send(("accept", 0, ln.Accept()[1])))
            time.Sleep(30 * time.Millisecond)
            assert c.Close() is None
            assert ln.Close() is None
            got = sorted((op, type(err).__name__) for op, _, err in (res.recv() for _ in range(9)))
            assert got == sorted([("read", "OpError"), ("write", "OpError"),
                                  ("accept", "OpError")] * 3)

    rt.run(main)


def test_PortConcurrentWritesDoNotInterleave() -> None:
    """Each Write holds the fd's write lock to the end: concurrent Writes of
    large blocks reach the peer whole, one after another, never mixed."""
    block = 1 << 20
    writers = 4

    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, s = _pair(ln)
            with s:
                wg = sync.WaitGroup()
                for i in range(writers):
                    wg.Add(1)

                    def write(i: int = i) -> None:
                        try:
                            assert c.Write(bytes([i]) * block) == (block, None)
                        finally:
                            wg.Done()

                    rt.go(write)

                def closer() -> None:
                    wg.Wait()
                    c.Close()

                rt.go(closer)
                data, err = io.ReadAll(s)
                assert err is None
                assert len(data) == writers * block
                seen = set()
                for k in range(writers):
                    chunk = data[k * block:(k + 1) * block]
                    assert chunk == bytes([chunk[0]]) * block, "writes interleaved"
                    seen.add(chunk[0])
                assert seen == set(range(writers))

    rt.run(main)


def test_PortCloseRacesWithIO(sw: socktest.Switch) -> None:
    """Both ends closed at random moments while each end reads and writes: every
    goroutine ends with EOF, ErrClosed or a reset, and no socket is left open."""
    import random

    rnd = random.Random(1)

    def reader(wg: sync.WaitGroup, conn: Any) -> None:
        try:
            buf = bytearray(1000)
            while True:
                _, err = conn.Read(buf)
                if err is not None:
                    assert (err is io.EOF or errors.Is(err, net.ErrClosed)
                            or errors.Is(err, ECONNRESET)), err
                    return
        finally:
            wg.Done()

    def writer(wg: sync.WaitGroup, conn: Any, size: int) -> None:
        try:
            while True:
                _, err = conn.Write(bytearray(size))
                if err is not None:
                    assert (errors.Is(err, net.ErrClosed) or errors.Is(err, EPIPE)
                            or errors.Is(err, ECONNRESET)), err
                    return
                rt.Gosched()
        finally:
            wg.Done()

    def closer(wg: sync.WaitGroup, conn: Any, d: int) -> None:
        time.Sleep(d)
        conn.Close()
        wg.Done()

    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            for _ in range(100):
                c, s = _pair(ln)
                wg = sync.WaitGroup()
                wg.Add(6)
                for conn in (c, s):
                    rt.go(reader, wg, conn)
                    rt.go(writer, wg, conn, rnd.choice([10, 100_000]))
                    rt.go(closer, wg, conn, rnd.randrange(2000) * time.Microsecond)
                wg.Wait()

    rt.run(main)
    assert sw.Sockets() == {}


# ---------------------------------------------------------------------------
# Preemption at safe points (rt/proc.py, design rule 5), seen from net.


def test_PortSaturatingConnDoesNotStarveOthers() -> None:
    """A goroutine whose reads never return EAGAIN yields to timers and other conns.

    A plain thread floods one connection faster than its goroutine reads it
    (16-byte reads of a full socket buffer), so that goroutine never parks.
    Meanwhile a 10 ms ticker must keep ticking, a Sleep must end on time and
    a ping on another connection must come back. Go with GOMAXPROCS=1: pings
    of 7-24 ms. Before sysmon's preemption: 5 ticks in 3 s, a 2 s Sleep
    950 ms late, pings of 1.4-2.7 s. The bounds below are several times
    what this port measures (pings: median ~30 ms, max ~50 ms), for noisy
    machines.
    """
    import socket
    import statistics
    import threading
    import time as pytime

    result: dict[str, Any] = {}

    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None
        stop = threading.Event()

        def flooder() -> None:
            s = socket.create_connection(("127.0.0.1", ln.Addr().Port))
            chunk = b"x" * 65536
            deadline = pytime.monotonic() + 30  # bounded, whatever happens
            try:
                while not stop.is_set() and pytime.monotonic() < deadline:
                    s.sendall(chunk)
            except OSError:
                pass
            finally:
                s.close()

        th = threading.Thread(target=flooder)
        th.start()
        c, err = ln.Accept()
        assert err is None
        nread = [0]

        def reader() -> None:
            buf = bytearray(16)
            while True:
                n, err = c.Read(buf)
                if err is not None:
                    return
                nread[0] += n

        rt.go(reader)
        ln2, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None

        def echo() -> None:
            e, err = ln2.Accept()
            assert err is None
            with e:
                io.Copy(e, e)

        rt.go(echo)
        ticks = [0]
        tk = time.NewTicker(10 * time.Millisecond)
        done: rt.hchan[bool] = rt.chan()

        def ticker() -> None:
            while rt.select(rt.recv(tk.C), rt.recv(done))[0] == 0:
                ticks[0] += 1

        rt.go(ticker)
        p, err = net.Dial("tcp", ln2.Addr().String())
        assert err is None
        lat = []
        buf = bytearray(4)
        t0 = pytime.monotonic()
        try:
            for _ in range(10):
                s = pytime.monotonic()
                p.Write(b"ping")
                io.ReadFull(p, buf)
                lat.append(pytime.monotonic() - s)
                time.Sleep(50 * time.Millisecond)
            s = pytime.monotonic()
            time.Sleep(200 * time.Millisecond)
            result["sleep"] = pytime.monotonic() - s
            result["elapsed"] = pytime.monotonic() - t0
        finally:
            tk.Stop()
            done.close()
            stop.set()
            c.Close()
            p.Close()
            ln.Close()
            ln2.Close()
            rt.blocking(th.join)
        result["ticks"] = ticks[0]
        result["lat"] = lat
        result["nread"] = nread[0]

    rt.run(main)
    assert result["nread"] > 1 << 20  # the reader really was saturated
    expected = result["elapsed"] / 0.010
    # Starved, the ticker would see next to none; alone, all. Other processes
    # on a shared 2-core machine took it down to 25% once, so the bar is 15%.
    assert result["ticks"] >= expected * 0.15, result
    assert statistics.median(result["lat"]) < 0.150, result
    assert max(result["lat"]) < 0.500, result
    assert result["sleep"] < 0.200 + 0.150, result


def test_PortAcceptLoopRetryingEMFILEMakesProgress(sw: socktest.Switch) -> None:
    """An Accept loop that retries EMFILE at once still lets the goroutine that frees fds run.

    socktest makes accept4 fail with EMFILE until another goroutine (standing
    for a handler that closes its connection 30 ms later) says an fd is free.
    Go's loop recovers: sysmon preempts it at Accept's safe point. Without
    preemption the loop spins until its own 5 s bound.
    """
    import time as pytime

    from rt.sys_linux import EMFILE

    out: dict[str, Any] = {}

    def main() -> None:
        free = [False]

        def acceptFilter(so: socktest.Status) -> tuple[socktest.AfterFilter | None,
                                                        Errno | None]:
            return None, (None if free[0] else EMFILE)

        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None
        c, err = net.Dial("tcp", ln.Addr().String())
        assert err is None
        sw.Set(socktest.FilterAccept, acceptFilter)

        def closer() -> None:
            time.Sleep(30 * time.Millisecond)
            free[0] = True

        rt.go(closer)
        tries = 0
        t0 = pytime.monotonic()
        try:
            while pytime.monotonic() - t0 < 5:
                tries += 1
                a, err = ln.Accept()
                if err is None:
                    a.Close()
                    break
                out["err"] = str(err)
            out["accepted"] = err is None
            out["took"] = pytime.monotonic() - t0
            out["tries"] = tries
        finally:
            sw.Set(socktest.FilterAccept, None)
            c.Close()
            ln.Close()

    rt.run(main)
    assert out["err"].startswith("accept tcp 127.0.0.1:")
    assert out["err"].endswith(": accept4: too many open files"), out
    assert out["accepted"], out
    assert out["took"] < 1.0, out


# ---------------------------------------------------------------------------
# Handles that outlive their rt.run, and calls from outside any goroutine
# (ARCHITECTURE.md, "Lifecycle").


def test_PortConnKeptPastRunIsClosedForGood() -> None:
    """A conn kept past its rt.run is closed for good: ErrClosed, never a reused fd number.

    Before: the kept conn still held its old descriptor number and pollDesc,
    so in the next run its Write landed on an unrelated new connection, its
    Close closed that connection's fd, and its stale pollDesc went onto the
    new run's free list.
    """

    def first() -> tuple[Any, Any, Any]:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None
        c, err = net.Dial("tcp", ln.Addr().String())
        assert err is None
        s, err = ln.Accept()
        assert err is None
        return ln, c, s

    ln, c, s = rt.run(first)
    assert c.fd.pfd.Sysfd == -1 and s.fd.pfd.Sysfd == -1
    old = f"{c.LocalAddr().String()}->{c.RemoteAddr().String()}"

    def check(c: Any) -> None:
        n, err = c.Write(b"stale")
        assert n == 0 and errors.Is(err, net.ErrClosed), err
        assert err.Error() == f"write tcp {old}: use of closed network connection"
        n, err = c.Read(bytearray(8))
        assert n == 0 and errors.Is(err, net.ErrClosed)
        assert errors.Is(c.SetDeadline(time.Now()), net.ErrClosed)
        assert errors.Is(c.Close(), net.ErrClosed)

    check(c)  # outside any run: values, not exceptions
    a, err = ln.Accept()
    assert a is None and errors.Is(err, net.ErrClosed)

    def second() -> bytes:
        # New sockets, which are likely to get the old descriptor numbers.
        ln2, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None
        c2, err = net.Dial("tcp", ln2.Addr().String())
        assert err is None
        s2, err = ln2.Accept()
        assert err is None
        check(c)  # inside the next run: the same, and the new conns untouched
        assert errors.Is(s.Close(), net.ErrClosed)
        assert errors.Is(ln.Close(), net.ErrClosed)
        n, err = c2.Write(b"fresh")
        assert (n, err) == (5, None)
        buf = bytearray(16)
        n, err = io.ReadAtLeast(s2, buf, 5)
        assert err is None
        for x in (c2, s2, ln2):
            assert x.Close() is None
        return bytes(buf[:n])

    assert rt.run(second) == b"fresh"
    assert rt.run(lambda: 42) == 42  # and the run after that starts clean


def test_PortCloseFromPlainThreadRefusesBeforeChangingAnything() -> None:
    import threading

    out: list[str] = []

    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None
        c, err = net.Dial("tcp", ln.Addr().String())
        assert err is None
        s, err = ln.Accept()
        assert err is None

        def other() -> None:
            for f in (c.Close, lambda: c.Read(bytearray(1))):
                try:
                    f()
                except RuntimeError as e:
                    out.append(str(e))

        t = threading.Thread(target=other)
        t.start()
        rt.blocking(t.join)
        # Nothing changed: the conn still works both ways, then closes normally.
        assert c.Write(b"ok") == (2, None)
        buf = bytearray(2)
        assert io.ReadFull(s, buf) == (2, None)
        for x in (c, s, ln):
            assert x.Close() is None

    rt.run(main)
    assert len(out) == 2
    assert "must be called from a goroutine" in out[0]
    assert "must be made from a goroutine" in out[1]


def test_PortNetCallOutsideRunIsRuntimeError() -> None:
    with pytest.raises(RuntimeError, match="inside rt.run"):
        net.Listen("tcp", "127.0.0.1:0")
    with pytest.raises(RuntimeError, match="inside rt.run"):
        net.Dial("tcp", "127.0.0.1:1")
