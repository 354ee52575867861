"""net/error_test.go + error_unix_test.go (go1.27.0), ported: the shape of net's errors.

The ``parse*Error`` validators are Go's: an error from a given kind of call
must be an ``OpError`` with its fields set (or, for reads, a bare io.EOF),
wrapping either a platform error (an ``Errno``), an ``os.SyscallError``
around one, or one of a short list of sentinels. Other test files import
them. Each test runs its body inside ``rt.run`` with a fresh socktest
switch installed (the ``sw`` fixture, tests/net/conftest.py), as Go's run
under TestMain's switch; TestDialError and TestListenError use it to make
connect and listen fail, and TestAcceptError's EMFILE variant to make
accept4 fail.

The port's own tests: the validators on values built by hand, listen(2)
failing under a filter, accept4 failing with EMFILE ("accept tcp
127.0.0.1:P: accept4: too many open files", Temporary) and ECONNRESET, and
a listen on a used port ("bind: address already in use").

Every row of Go's tables runs, the UDP, Unix and raw IP ones included
("ip:icmp" makes a raw socket when the test runs as root, and fails in
socket(2) otherwise; either way the error must pass parseDialError). The
port adds Go's exact texts where the tests are deterministic
(TestProtocolDialError, TestProtocolListenError, TestCloseError's udp
run, TestFileError).
"""

from __future__ import annotations

import os as _pyos
from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from net import lookup
from net.file import fileAddr
from net.internal import socktest
from net.ipsock import JoinHostPort, supportsIPv4, supportsIPv6
from net.lookup import addrinfoErrno
from net.net import (
    AddrError,
    DNSError,
    ErrClosed,
    ErrWriteToConnected,
    InvalidAddrError,
    OpError,
    ParseError,
    UnknownNetworkError,
    errCanceled,
    errMissingAddress,
    errNoSuitableAddress,
    errTimeout,
    timeoutError,
)
from net.pipe import pipeAddr
from net.tcpsock import TCPAddr, TCPConn, TCPListener
from rt import poll
from rt.sys_linux import (
    EADDRINUSE,
    ECONNABORTED,
    ECONNRESET,
    EMFILE,
    ENOBUFS,
    EOPNOTSUPP,
    Errno,
)
from std import context, errors, io, os, time
from tests.net.mockserver import (
    localServer,
    newLocalListener,
    newLocalServer,
    removeTestUnixAddrs,  # noqa: F401  (autouse: removes the testUnixAddr directories)
)
from tests.net.testable import testableNetwork

pytestmark = pytest.mark.usefixtures("sw")

# error_unix_test.go
errOpNotSupported = EOPNOTSUPP
abortedConnRequestErrors: list[Errno] = [ECONNABORTED]  # see accept in fd_unix.go


def isENOBUFS(err: object) -> bool:
    """error_unix_test.go: isENOBUFS."""
    return errors.Is(err, ENOBUFS)  # type: ignore[arg-type]


def isPlatformError(err: object) -> bool:
    """error_unix_test.go: isPlatformError. A bare syscall.Errno."""
    return isinstance(err, Errno)


def samePlatformError(err: object, want: object) -> bool:
    """error_unix_test.go: samePlatformError. Look through OpError and SyscallError."""
    if isinstance(err, OpError):
        err = err.Err
    if isinstance(err, os.SyscallError):
        err = err.Err
    return err == want


class _err(Exception):
    """fmt.Errorf's result, for the validators' reports."""

    def Error(self) -> str:
        return str(self.args[0])


def _typeName(x: object) -> str:
    return type(x).__name__


def isValid(e: OpError) -> _err | None:
    """error_test.go: OpError.isValid. Op, Net and Err set; addresses of a known type."""
    if e.Op == "":
        return _err(f"OpError.Op is empty: {e}")
    if e.Net == "":
        return _err(f"OpError.Net is empty: {e}")
    for addr in (e.Source, e.Addr):
        if addr is None:
            continue
        if isinstance(addr, fileAddr):
            if addr == "":
                return _err(f"OpError.Source or Addr is empty: {addr!r}, {e}")
            continue
        if not isinstance(addr, (net.TCPAddr, net.UDPAddr, net.IPAddr, net.IPNet,
                                 net.UnixAddr, pipeAddr)):
            return _err(f"OpError.Source or Addr is unknown type: {_typeName(addr)}, {e}")
    if e.Err is None:
        return _err(f"OpError.Err is empty: {e}")
    return None


def _oneOf(err: object, sentinels: tuple[object, ...]) -> bool:
    # Go's switch on an error value: == on the interface, which for these
    # sentinels (pointers, or comparable values) is identity or equality.
    return any(err is s or (type(err) is type(s) and err == s) for s in sentinels)


def parseDialError(nestedErr: object) -> _err | None:
    """error_test.go: parseDialError. Is nestedErr a valid error from Dial or Listen?"""
    if nestedErr is None:
        return None
    if not isinstance(nestedErr, OpError):
        return _err(f"unexpected type on 1st nested level: {_typeName(nestedErr)}")
    if (perr := isValid(nestedErr)) is not None:
        return perr
    nestedErr = nestedErr.Err
    # second
    if isPlatformError(nestedErr):
        return None
    if isinstance(nestedErr, (AddrError, timeoutError, DNSError, InvalidAddrError, ParseError,
                              poll.DeadlineExceededError, UnknownNetworkError, addrinfoErrno)):
        return None
    if isinstance(nestedErr, os.SyscallError):
        nestedErr = nestedErr.Err
        # third
        if isPlatformError(nestedErr):
            return None
        return _err(f"unexpected type on 3rd nested level: {_typeName(nestedErr)}")
    if _oneOf(nestedErr, (errCanceled, ErrClosed, errMissingAddress, errNoSuitableAddress,
                          context.DeadlineExceeded, context.Canceled)):
        return None
    return _err(f"unexpected type on 2nd nested level: {_typeName(nestedErr)}")


def parseReadError(nestedErr: object) -> _err | None:
    """error_test.go: parseReadError. Is nestedErr a valid error from Read?"""
    if nestedErr is None:
        return None
    if not isinstance(nestedErr, OpError):
        if nestedErr is io.EOF:
            return None
        return _err(f"unexpected type on 1st nested level: {_typeName(nestedErr)}")
    if (perr := isValid(nestedErr)) is not None:
        return perr
    nestedErr = nestedErr.Err
    if isPlatformError(nestedErr):
        return None
    if isinstance(nestedErr, os.SyscallError):
        if isPlatformError(nestedErr.Err):
            return None
        return _err(f"unexpected type on 3rd nested level: {_typeName(nestedErr.Err)}")
    if _oneOf(nestedErr, (ErrClosed, errTimeout, poll.ErrNotPollable, os.ErrDeadlineExceeded)):
        return None
    return _err(f"unexpected type on 2nd nested level: {_typeName(nestedErr)}")


def parseWriteError(nestedErr: object) -> _err | None:
    """error_test.go: parseWriteError. Is nestedErr a valid error from Write?"""
    if nestedErr is None:
        return None
    if not isinstance(nestedErr, OpError):
        return _err(f"unexpected type on 1st nested level: {_typeName(nestedErr)}")
    if (perr := isValid(nestedErr)) is not None:
        return perr
    nestedErr = nestedErr.Err
    if isPlatformError(nestedErr):
        return None
    if isinstance(nestedErr, (AddrError, timeoutError, DNSError, InvalidAddrError, ParseError,
                              poll.DeadlineExceededError, UnknownNetworkError, addrinfoErrno)):
        return None
    if isinstance(nestedErr, os.SyscallError):
        if isPlatformError(nestedErr.Err):
            return None
        return _err(f"unexpected type on 3rd nested level: {_typeName(nestedErr.Err)}")
    if _oneOf(nestedErr, (errCanceled, ErrClosed, errMissingAddress, errTimeout,
                          os.ErrDeadlineExceeded, ErrWriteToConnected, io.ErrUnexpectedEOF)):
        return None
    return _err(f"unexpected type on 2nd nested level: {_typeName(nestedErr)}")


def parseCloseError(nestedErr: object, isShutdown: bool) -> _err | None:
    """error_test.go: parseCloseError. Is nestedErr a valid error from Close (or shutdown)?

    Programs test for the text "use of closed network connection" (Go issues
    4373 and 19252), so it is checked here too.
    """
    if nestedErr is None:
        return None
    want = "use of closed network connection"
    if not isShutdown and want not in str(nestedErr):
        return _err(f"error string {str(nestedErr)!r} does not contain expected string {want!r}")
    if not isShutdown and not errors.Is(nestedErr, ErrClosed):  # type: ignore[arg-type]
        return _err(f"errors.Is({nestedErr}, errClosed) returns false, want true")
    if not isinstance(nestedErr, OpError):
        return _err(f"unexpected type on 1st nested level: {_typeName(nestedErr)}")
    if (perr := isValid(nestedErr)) is not None:
        return perr
    nestedErr = nestedErr.Err
    if isPlatformError(nestedErr):
        return None
    if isinstance(nestedErr, os.SyscallError):
        if isPlatformError(nestedErr.Err):
            return None
        return _err(f"unexpected type on 3rd nested level: {_typeName(nestedErr.Err)}")
    if nestedErr is ErrClosed:
        return None
    return _err(f"unexpected type on 2nd nested level: {_typeName(nestedErr)}")


def parseAcceptError(nestedErr: object) -> _err | None:
    """error_test.go: parseAcceptError. Is nestedErr a valid error from Accept?"""
    if nestedErr is None:
        return None
    if not isinstance(nestedErr, OpError):
        return _err(f"unexpected type on 1st nested level: {_typeName(nestedErr)}")
    if (perr := isValid(nestedErr)) is not None:
        return perr
    nestedErr = nestedErr.Err
    if isPlatformError(nestedErr):
        return None
    if isinstance(nestedErr, os.SyscallError):
        if isPlatformError(nestedErr.Err):
            return None
        return _err(f"unexpected type on 3rd nested level: {_typeName(nestedErr.Err)}")
    if _oneOf(nestedErr, (ErrClosed, errTimeout, poll.ErrNotPollable, os.ErrDeadlineExceeded)):
        return None
    return _err(f"unexpected type on 2nd nested level: {_typeName(nestedErr)}")


def parseCommonError(nestedErr: object) -> _err | None:
    """error_test.go: parseCommonError. Is nestedErr a valid error from File and friends?"""
    if nestedErr is None:
        return None
    if not isinstance(nestedErr, OpError):
        return _err(f"unexpected type on 1st nested level: {_typeName(nestedErr)}")
    if (perr := isValid(nestedErr)) is not None:
        return perr
    nestedErr = nestedErr.Err
    if isPlatformError(nestedErr):
        return None
    if isinstance(nestedErr, (os.SyscallError, os.PathError)):
        if isPlatformError(nestedErr.Err):
            return None
        return _err(f"unexpected type on 3rd nested level: {_typeName(nestedErr.Err)}")
    if nestedErr is ErrClosed:
        return None
    return _err(f"unexpected type on 2nd nested level: {_typeName(nestedErr)}")


def _run(main: Callable[[], None]) -> None:
    rt.run(main)


def _fakeLookup(text: str) -> Callable[..., tuple[None, DNSError]]:
    def lookupIP(ctx: Any, fn: Any, network: str, host: str) -> tuple[None, DNSError]:
        return None, DNSError(Err=text, Name="name", Server="server", IsTimeout=True)

    return lookupIP


@pytest.fixture
def fakeLookup(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Go's ``testHookLookupIP = ...; defer restore``: every name lookup fails."""
    def install(text: str) -> None:
        monkeypatch.setattr(lookup, "testHookLookupIP", _fakeLookup(text))

    return install


# ---------------------------------------------------------------------------
# Dial

dialErrorTests = [
    ("foo", ""),
    ("bar", "baz"),
    ("datakit", "mh/astro/r70"),
    ("tcp", ""),
    ("tcp", "127.0.0.1:☺"),
    ("tcp", "no-such-name:80"),
    ("tcp", "mh/astro/r70:http"),

    ("tcp", JoinHostPort("127.0.0.1", "-1")),
    ("tcp", JoinHostPort("127.0.0.1", "123456789")),
    ("udp", JoinHostPort("127.0.0.1", "-1")),
    ("udp", JoinHostPort("127.0.0.1", "123456789")),
    ("ip:icmp", "127.0.0.1"),

    ("unix", "/path/to/somewhere"),
    ("unixgram", "/path/to/somewhere"),
    ("unixpacket", "/path/to/somewhere"),
]


@pytest.mark.parametrize("i", range(len(dialErrorTests)))
def test_DialError(i: int, sw: socktest.Switch, fakeLookup: Callable[[str], None]) -> None:
    network, address = dialErrorTests[i]
    fakeLookup("dial error test")
    sw.Set(socktest.FilterConnect, lambda so: (None, errOpNotSupported))

    def main() -> None:
        d = net.Dialer(Timeout=time.Hour)
        c, err = d.Dial(network, address)
        assert err is not None, f"should fail; {c.LocalAddr()}->{c.RemoteAddr()}"
        if network in ("tcp", "udp"):
            nerr: object = err
            if isinstance(nerr, OpError):
                nerr = nerr.Err
            if isinstance(nerr, os.SyscallError):
                nerr = nerr.Err
            assert nerr != errOpNotSupported, f"should fail without {nerr}; {network}:{address}"
        assert c is None, f"Dial returned non-nil {c!r} with err != nil"
        perr = parseDialError(err)
        assert perr is None, perr

    _run(main)


# (network, Go's error text: the port's own check, made with Go 1.19 and go1.27's source)
_protocolDialErrors = [
    # The port is first checked when the sockaddr is encoded for connect(2): EINVAL.
    ("tcp", "dial tcp :65536: connect: invalid argument"),
    ("udp", "dial udp :65536: connect: invalid argument"),
    ("ip:4294967296", "dial ip:4294967296: missing address"),
    # "//" is the root directory: it exists and is no socket.
    ("unix", "dial unix //: connect: connection refused"),
    ("unixpacket", "dial unixpacket //: connect: connection refused"),
    ("unixgram", "dial unixgram //: connect: connection refused"),
]


@pytest.mark.parametrize("network,want", _protocolDialErrors,
                         ids=[n for n, _ in _protocolDialErrors])
def test_ProtocolDialError(network: str, want: str) -> None:
    def main() -> None:
        err: Any
        if network == "tcp":
            _, err = net.DialTCP(network, None, TCPAddr(Port=1 << 16))
        elif network == "udp":
            _, err = net.DialUDP(network, None, net.UDPAddr(Port=1 << 16))
        elif network == "ip:4294967296":
            _, err = net.DialIP(network, None, None)
        else:
            _, err = net.DialUnix(network, None, net.UnixAddr(Name="//"))
        assert err is not None, f"{network}: should fail"
        perr = parseDialError(err)
        assert perr is None, f"{network}: {perr}"
        assert str(err) == want

    _run(main)


_dialAddrErrorTests: list[tuple[str, str, TCPAddr | None]] = [
    ("tcp4", "::1", None),
    ("tcp4", "", TCPAddr(IP=net.IPv6loopback)),
    # Go does not test {"tcp6", "byte sequence", nil}: no easy way to control resolution.
    ("tcp6", "", TCPAddr(IP=net.IP(bytes([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef])))),
]


@pytest.mark.parametrize("network,lit,addr", _dialAddrErrorTests,
                         ids=["tcp4/::1", "tcp4/[::1]:0", "tcp6/?0123456789abcdef:0"])
def test_DialAddrError(network: str, lit: str, addr: TCPAddr | None) -> None:
    if not supportsIPv4() or not supportsIPv6():
        pytest.skip("both IPv4 and IPv6 are required")

    def main() -> None:
        if lit != "":
            c, err = net.Dial(network, JoinHostPort(lit, "0"))
        else:
            c, err = net.DialTCP(network, None, addr)
        if err is None:
            c.Close()
            pytest.fail("succeeded, want error")
        perr = parseDialError(err)
        assert perr is None, perr
        assert isinstance(err, OpError)
        aerr = err.Err
        assert isinstance(aerr, AddrError), f"OpError.Err is {_typeName(aerr)}, want AddrError"
        want = lit
        if lit == "":
            assert addr is not None and addr.IP is not None
            want = addr.IP.String()
        assert aerr.Addr == want

    _run(main)


# ---------------------------------------------------------------------------
# Listen

listenErrorTests = [
    ("foo", ""),
    ("bar", "baz"),
    ("datakit", "mh/astro/r70"),
    ("tcp", "127.0.0.1:☺"),
    ("tcp", "no-such-name:80"),
    ("tcp", "mh/astro/r70:http"),

    ("tcp", JoinHostPort("127.0.0.1", "-1")),
    ("tcp", JoinHostPort("127.0.0.1", "123456789")),

    ("unix", "/path/to/somewhere"),
    ("unixpacket", "/path/to/somewhere"),
]


@pytest.mark.parametrize("network,address", listenErrorTests,
                         ids=[f"{n}_{a}" for n, a in listenErrorTests])
def test_ListenError(network: str, address: str, sw: socktest.Switch,
                     fakeLookup: Callable[[str], None]) -> None:
    fakeLookup("listen error test")
    sw.Set(socktest.FilterListen, lambda so: (None, errOpNotSupported))

    def main() -> None:
        ln, err = net.Listen(network, address)
        assert err is not None, f"should fail; {ln.Addr()}"
        if network == "tcp":
            assert not samePlatformError(err, errOpNotSupported), (
                f"should fail without {errOpNotSupported}; {network}:{address}")
        assert ln is None
        perr = parseDialError(err)
        assert perr is None, perr

    _run(main)


def test_ListenErrorFromTheFilter(sw: socktest.Switch) -> None:
    """The port's own: when listen(2) itself fails, the error says so, as Go's would."""
    sw.Set(socktest.FilterListen, lambda so: (None, errOpNotSupported))

    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert ln is None
        assert str(err) == "listen tcp 127.0.0.1:0: listen: operation not supported"
        assert perr_none(parseDialError(err))
        sc = errors.As(err, os.SyscallError)
        assert sc is not None and sc.Syscall == "listen"
        assert errors.Is(err, EOPNOTSUPP)

    _run(main)


def perr_none(perr: _err | None) -> bool:
    assert perr is None, perr
    return True


listenPacketErrorTests = [
    ("foo", ""),
    ("bar", "baz"),
    ("datakit", "mh/astro/r70"),
    ("udp", "127.0.0.1:☺"),
    ("udp", "no-such-name:80"),
    ("udp", "mh/astro/r70:http"),

    ("udp", JoinHostPort("127.0.0.1", "-1")),
    ("udp", JoinHostPort("127.0.0.1", "123456789")),
]


@pytest.mark.parametrize("network,address", listenPacketErrorTests,
                         ids=[f"{n}_{a}" for n, a in listenPacketErrorTests])
def test_ListenPacketError(network: str, address: str,
                           fakeLookup: Callable[[str], None]) -> None:
    fakeLookup("listen error test")

    def main() -> None:
        c, err = net.ListenPacket(network, address)
        if err is None:
            c.Close()
            pytest.fail(f"should fail; {c.LocalAddr().Network()}:{c.LocalAddr()}->")
        assert c is None, f"ListenPacket returned non-nil {c!r} with err != nil"
        assert perr_none(parseDialError(err))

    _run(main)


# (network, Go's error text: the port's own check, made with Go 1.19 and go1.27's source)
_protocolListenErrors = [
    ("tcp", "listen tcp :65536: bind: invalid argument"),
    ("udp", "listen udp :65536: bind: invalid argument"),
    # ListenIP names IPAddr{}, whose String is "": hence the double space.
    ("ip:4294967296", "listen ip:4294967296 : address 4294967296: unknown IP protocol specified"),
    # "//" is the root directory: bind(2) finds the name taken.
    ("unix", "listen unix //: bind: address already in use"),
    ("unixpacket", "listen unixpacket //: bind: address already in use"),
    ("unixgram", "listen unixgram //: bind: address already in use"),
]


@pytest.mark.parametrize("network,want", _protocolListenErrors,
                         ids=[n for n, _ in _protocolListenErrors])
def test_ProtocolListenError(network: str, want: str) -> None:
    def main() -> None:
        err: Any
        if network == "tcp":
            _, err = net.ListenTCP(network, TCPAddr(Port=1 << 16))
        elif network == "udp":
            _, err = net.ListenUDP(network, net.UDPAddr(Port=1 << 16))
        elif network == "ip:4294967296":
            _, err = net.ListenIP(network, None)
        elif network in ("unix", "unixpacket"):
            _, err = net.ListenUnix(network, net.UnixAddr(Name="//"))
        else:
            _, err = net.ListenUnixgram(network, net.UnixAddr(Name="//"))
        assert err is not None, f"{network}: should fail"
        assert perr_none(parseDialError(err))
        assert str(err) == want

    _run(main)


# ---------------------------------------------------------------------------
# Close

def test_CloseError_tcp() -> None:
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            c, err = net.Dial(ln.Addr().Network(), ln.Addr().String())
            assert err is None, err
            with c:
                assert isinstance(c, TCPConn)
                for i in range(3):
                    err = c.CloseRead()
                    assert parseCloseError(err, True) is None, f"#{i}: {err}"
                for i in range(3):
                    err = c.CloseWrite()
                    assert parseCloseError(err, True) is None, f"#{i}: {err}"
                for i in range(3):
                    err = c.Close()
                    assert parseCloseError(err, False) is None, f"#{i}: {err}"
                    err = ln.Close()
                    assert parseCloseError(err, False) is None, f"#{i}: {err}"
                # The second and later Close report Go's texts. (newLocalListener
                # listens on "tcp4", which is the listener's network name.)
                a = f"{c.LocalAddr().String()}->{c.RemoteAddr().String()}"
                assert str(c.Close()) == f"close tcp {a}: use of closed network connection"
                assert str(ln.Close()) == (
                    f"close tcp4 {ln.Addr().String()}: use of closed network connection")

    _run(main)


def test_CloseError_udp() -> None:
    if not testableNetwork("udp"):
        pytest.skip("skipping: udp not available")

    def main() -> None:
        pc, err = net.ListenPacket("udp", "127.0.0.1:0")
        assert err is None, err
        with pc:
            for i in range(3):
                err = pc.Close()
                assert parseCloseError(err, False) is None, f"#{i}: {err}"
                # The port's own: None first, then Go's text.
                if i == 0:
                    assert err is None
                else:
                    assert str(err) == (f"close udp {pc.LocalAddr().String()}: "
                                        "use of closed network connection")

    _run(main)


# ---------------------------------------------------------------------------
# Accept

def test_AcceptError() -> None:
    errs: list[str] = []

    def handler(ls: localServer, ln: Any) -> None:
        while True:
            assert isinstance(ln, TCPListener)
            ln.SetDeadline(time.Now().Add(5 * time.Millisecond))
            c, err = ln.Accept()
            perr = parseAcceptError(err)
            if perr is not None:
                errs.append(str(perr))
            if err is not None:
                if c is not None:
                    errs.append(f"Accept returned non-nil {c!r} with err != nil")
                if not isinstance(err, net.Error) or (not err.Timeout()
                                                      and not err.Temporary()):
                    return
                continue
            c.Close()

    def main() -> None:
        ls = newLocalServer("tcp")
        ls.buildup(handler)
        time.Sleep(100 * time.Millisecond)
        ls.teardown()

    _run(main)
    assert errs == []


def test_AcceptError_EMFILE(sw: socktest.Switch) -> None:
    """The port's own: accept4 failing with EMFILE (injected), as D.5 describes it."""
    def main() -> None:
        ln, err = net.Listen("tcp", "127.0.0.1:0")
        assert err is None, err
        with ln:
            sw.Set(socktest.FilterAccept, lambda so: (None, EMFILE))
            c, err = ln.Accept()
            sw.Set(socktest.FilterAccept, None)
            assert c is None
            assert perr_none(parseAcceptError(err))
            assert str(err) == f"accept tcp {ln.Addr().String()}: accept4: too many open files"
            assert isinstance(err, net.Error) and err.Temporary() and not err.Timeout()
            assert isinstance(err, OpError) and err.Op == "accept" and err.Source is None
            sc = errors.As(err, os.SyscallError)
            assert sc is not None and sc.Syscall == "accept4" and sc.Err is EMFILE
            assert errors.Is(err, EMFILE)
            # An accept4 that keeps failing does not use up the listener: the
            # next Accept, with the fault gone, takes the pending connection.
            d, err = net.Dial("tcp", ln.Addr().String())
            assert err is None, err
            with d:
                c, err = ln.Accept()
                assert err is None, err
                c.Close()
            # ECONNRESET from accept4 is returned too (only ECONNABORTED is
            # retried). Go's Temporary() special case for accept looks for a
            # bare Errno, and accept4's comes wrapped in a SyscallError, so it
            # says false, in Go as here.
            sw.Set(socktest.FilterAccept, lambda so: (None, ECONNRESET))
            c, err = ln.Accept()
            sw.Set(socktest.FilterAccept, None)
            assert str(err) == (
                f"accept tcp {ln.Addr().String()}: accept4: connection reset by peer")
            assert not err.Temporary()

    _run(main)


def test_ListenError_AddressInUse() -> None:
    """The port's own: a second listener on a used port (GO_MAP D.5's row)."""
    def main() -> None:
        ln = newLocalListener("tcp")
        with ln:
            ln2, err = net.Listen("tcp", ln.Addr().String())
            assert ln2 is None
            assert str(err) == f"listen tcp {ln.Addr().String()}: bind: address already in use"
            assert errors.Is(err, EADDRINUSE)
            assert perr_none(parseDialError(err))

    _run(main)


def test_FileError() -> None:
    import tempfile

    def main() -> None:
        fd, name = tempfile.mkstemp(prefix="go-nettest")
        f = os.NewFile(fd, name)
        assert f is not None
        try:
            # The port's own: Go's text (the file is no socket).
            want = f"file file+net {name}: getsockopt: socket operation on non-socket"
            c, err = net.FileConn(f)
            if err is not None:
                assert c is None, f"FileConn returned non-nil {c!r} with err != nil"
                assert perr_none(parseCommonError(err))
                assert str(err) == want
            else:
                c.Close()
                pytest.fail("should fail")
            ln, err = net.FileListener(f)
            if err is not None:
                assert ln is None, f"FileListener returned non-nil {ln!r} with err != nil"
                assert perr_none(parseCommonError(err))
                assert str(err) == want
            else:
                ln.Close()
                pytest.fail("should fail")
            pc, err = net.FilePacketConn(f)
            if err is not None:
                assert pc is None, f"FilePacketConn returned non-nil {pc!r} with err != nil"
                assert perr_none(parseCommonError(err))
                assert str(err) == want
            else:
                pc.Close()
                pytest.fail("should fail")
        finally:
            f.Close()
            _pyos.remove(name)

        ln = newLocalListener("tcp")
        for i in range(3):
            lf, err = ln.File()
            if err is not None:
                assert perr_none(parseCommonError(err))
                # The port's own: Go's text once the listener is closed.
                assert i > 0 and str(err) == (f"file tcp4 {ln.Addr().String()}: "
                                              "use of closed network connection")
            else:
                lf.Close()
            ln.Close()

    _run(main)


def test_ContextError() -> None:
    assert errors.Is(errCanceled, context.Canceled), "errCanceled is not context.Canceled"
    assert errors.Is(errTimeout, context.DeadlineExceeded), (
        "errTimeout is not context.DeadlineExceeded")


# ---------------------------------------------------------------------------
# The validators themselves, on values built by hand.

class _otherAddr:
    def Network(self) -> str:
        return "other"

    def String(self) -> str:
        return "somewhere"


def test_parseErrorValidators() -> None:
    """The port's own: each validator accepts Go's shapes and rejects others."""
    la = TCPAddr(IP=net.ParseIP("127.0.0.1"), Port=1)
    sysErr = os.NewSyscallError("read", ECONNRESET)
    good = OpError(Op="read", Net="tcp", Source=la, Addr=la, Err=sysErr)
    assert parseReadError(good) is None
    assert parseReadError(io.EOF) is None
    assert parseWriteError(OpError(Op="write", Net="tcp", Addr=la, Err=io.ErrUnexpectedEOF)) \
        is None
    assert parseDialError(OpError(Op="dial", Net="tcp", Err=errMissingAddress)) is None
    assert parseAcceptError(OpError(Op="accept", Net="tcp", Addr=la, Err=ErrClosed)) is None
    assert parseCommonError(OpError(Op="file", Net="tcp", Addr=la, Err=ErrClosed)) is None
    # Rejected: an unwrapped error, a missing field, a nested wrong type.
    assert "1st nested level" in str(parseReadError(sysErr))
    assert "Op is empty" in str(parseDialError(OpError(Net="tcp", Err=errTimeout)))
    assert "Err is empty" in str(parseDialError(OpError(Op="dial", Net="tcp")))
    assert "2nd nested level" in str(
        parseReadError(OpError(Op="read", Net="tcp", Err=io.ErrUnexpectedEOF)))
    assert "3rd nested level" in str(parseDialError(
        OpError(Op="dial", Net="tcp", Err=os.SyscallError(Syscall="x", Err=io.EOF))))
    assert "unknown type" in str(parseDialError(
        OpError(Op="dial", Net="tcp", Addr=_otherAddr(), Err=errTimeout)))
    assert "does not contain" in str(parseCloseError(
        OpError(Op="close", Net="tcp", Err=sysErr), False))
    assert parseCloseError(OpError(Op="close", Net="tcp", Err=sysErr), True) is None
