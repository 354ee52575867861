"""Error values and texts of net/net.py, from Go's net tests and GO_MAP D.5 (go1.27.0).

Ported: net_test.go TestErrors (every error type is a net.Error),
error_test.go TestContextError and parseLookupPortError (in
test_lookup.py), and the error chains error_test.go's parse functions
accept (OpError -> SyscallError -> Errno, or the allowed sentinels), here
built by hand because the failures that produce them need sockets. The
texts are GO_MAP D.5's table, row for row where no netip is needed; the
UDP rows use a stand-in address with Go's UDPAddr text. Also the Buffers
tests of writev_test.go that need no connection (TestBuffers_read,
TestBuffers_consume; TestBuffers_WriteTo needs a TCP pair and comes with
TCPConn), since Buffers lives in net.go.
"""

from __future__ import annotations

from typing import Any

import pytest

import net
from net.ip import IP, IPv4
from net.ipsock import SplitHostPort
from net.lookup import addrinfoErrno
from net.net import (
    AddrError,
    Buffers,
    DNSConfigError,
    DNSError,
    ErrClosed,
    Error,
    ErrWriteToConnected,
    InvalidAddrError,
    OpError,
    ParseError,
    UnknownNetworkError,
    canceledError,
    errCanceled,
    errMissingAddress,
    errNoSuchHost,
    errNoSuitableAddress,
    errTimeout,
    errUnknownPort,
    mapErr,
    newDNSError,
    notFoundError,
    temporaryError,
    timeoutError,
)
from net.tcpsock import TCPAddr
from rt import poll
from rt.sys_linux import (
    EADDRINUSE,
    EAGAIN,
    EAI_AGAIN,
    ECONNABORTED,
    ECONNREFUSED,
    ECONNRESET,
    EMFILE,
    EPIPE,
    ETIMEDOUT,
)
from std import context, errors, io, os
from std.errors import error


def tcp(s: str) -> TCPAddr:
    host, port, err = SplitHostPort(s)
    assert err is None
    return TCPAddr(IP=net.ParseIP(host) if host else None, Port=int(port))


class udpAddr:
    """A stand-in for UDPAddr (net/udpsock.py is written separately): Go's texts."""

    def __init__(self, s: str) -> None:
        self.s = s

    def Network(self) -> str:
        return "udp"

    def String(self) -> str:
        return self.s


def sys(name: str, e: Any) -> os.SyscallError:
    return os.SyscallError(Syscall=name, Err=e)


_l, _r = tcp("127.0.0.1:54321"), tcp("127.0.0.1:8080")
_portErr = SplitHostPort("127.0.0.1")[2]
assert _portErr is not None

# GO_MAP D.5: situation, the error as Go builds it, its text.
d5Texts: list[tuple[str, error, str]] = [
    (
        "connect refused",
        OpError(Op="dial", Net="tcp", Addr=tcp("127.0.0.1:1"), Err=sys("connect", ECONNREFUSED)),
        "dial tcp 127.0.0.1:1: connect: connection refused",
    ),
    (
        "connect with LocalAddr set",
        OpError(
            Op="dial",
            Net="tcp",
            Source=tcp("127.0.0.1:5000"),
            Addr=tcp("127.0.0.1:1"),
            Err=sys("connect", ECONNREFUSED),
        ),
        "dial tcp 127.0.0.1:5000->127.0.0.1:1: connect: connection refused",
    ),
    (
        "dial timeout",
        OpError(Op="dial", Net="tcp", Addr=tcp("10.255.255.1:80"), Err=errTimeout),
        "dial tcp 10.255.255.1:80: i/o timeout",
    ),
    (
        "dial cancelled",
        OpError(Op="dial", Net="tcp", Addr=tcp("127.0.0.1:80"), Err=errCanceled),
        "dial tcp 127.0.0.1:80: operation was canceled",
    ),
    (
        "unknown network",
        OpError(Op="dial", Net="foo", Err=UnknownNetworkError("foo")),
        "dial foo: unknown network foo",
    ),
    (
        "empty address",
        OpError(Op="dial", Net="tcp", Err=errMissingAddress),
        "dial tcp: missing address",
    ),
    (
        "no port",
        OpError(Op="dial", Net="tcp", Err=_portErr),
        "dial tcp: address 127.0.0.1: missing port in address",
    ),
    (
        "DNS failure",
        OpError(Op="dial", Net="tcp", Err=newDNSError(errNoSuchHost, "nosuchhost.invalid", "")),
        "dial tcp: lookup nosuchhost.invalid: no such host",
    ),
    (
        "read deadline",
        OpError(Op="read", Net="tcp", Source=_l, Addr=_r, Err=os.ErrDeadlineExceeded),
        "read tcp 127.0.0.1:54321->127.0.0.1:8080: i/o timeout",
    ),
    (
        "write deadline",
        OpError(Op="write", Net="tcp", Source=_l, Addr=_r, Err=os.ErrDeadlineExceeded),
        "write tcp 127.0.0.1:54321->127.0.0.1:8080: i/o timeout",
    ),
    (
        "read on closed conn",
        OpError(Op="read", Net="tcp", Source=_l, Addr=_r, Err=ErrClosed),
        "read tcp 127.0.0.1:54321->127.0.0.1:8080: use of closed network connection",
    ),
    (
        "peer reset",
        OpError(Op="read", Net="tcp", Source=_l, Addr=_r, Err=sys("read", ECONNRESET)),
        "read tcp 127.0.0.1:54321->127.0.0.1:8080: read: connection reset by peer",
    ),
    (
        "write to closed peer",
        OpError(Op="write", Net="tcp", Source=_l, Addr=_r, Err=sys("write", EPIPE)),
        "write tcp 127.0.0.1:54321->127.0.0.1:8080: write: broken pipe",
    ),
    (
        "double Close",
        OpError(Op="close", Net="tcp", Source=_l, Addr=_r, Err=ErrClosed),
        "close tcp 127.0.0.1:54321->127.0.0.1:8080: use of closed network connection",
    ),
    (
        "SetDeadline after Close",
        OpError(Op="set", Net="tcp", Source=None, Addr=_l, Err=ErrClosed),
        "set tcp 127.0.0.1:54321: use of closed network connection",
    ),
    (
        "Accept after listener Close",
        OpError(Op="accept", Net="tcp", Source=None, Addr=_r, Err=ErrClosed),
        "accept tcp 127.0.0.1:8080: use of closed network connection",
    ),
    (
        "Accept deadline",
        OpError(Op="accept", Net="tcp", Addr=_r, Err=os.ErrDeadlineExceeded),
        "accept tcp 127.0.0.1:8080: i/o timeout",
    ),
    (
        "Accept with fd exhaustion",
        OpError(Op="accept", Net="tcp", Addr=_r, Err=sys("accept4", EMFILE)),
        "accept tcp 127.0.0.1:8080: accept4: too many open files",
    ),
    (
        "listen on a used port",
        OpError(Op="listen", Net="tcp", Addr=_r, Err=sys("bind", EADDRINUSE)),
        "listen tcp 127.0.0.1:8080: bind: address already in use",
    ),
    (
        "UDP unconnected read deadline",
        OpError(Op="read", Net="udp", Source=udpAddr("127.0.0.1:5000"), Err=os.ErrDeadlineExceeded),
        "read udp 127.0.0.1:5000: i/o timeout",
    ),
    (
        "UDP WriteTo on connected socket",
        OpError(
            Op="write",
            Net="udp",
            Source=udpAddr("127.0.0.1:5000"),
            Addr=udpAddr("127.0.0.1:6000"),
            Err=ErrWriteToConnected,
        ),
        "write udp 127.0.0.1:5000->127.0.0.1:6000: use of WriteTo with pre-connected connection",
    ),
    (
        "Dialer.DialTCP with a zero local AddrPort, refused",
        OpError(
            Op="dial",
            Net="tcp",
            Source=TCPAddr(IP=None, Port=0),
            Addr=tcp("127.0.0.1:1"),
            Err=sys("connect", ECONNREFUSED),
        ),
        "dial tcp :0->127.0.0.1:1: connect: connection refused",
    ),
]


@pytest.mark.parametrize("situation,err,text", d5Texts, ids=[r[0] for r in d5Texts])
def test_D5_texts(situation: str, err: error, text: str) -> None:
    assert err.Error() == text
    assert str(err) == text
    assert isinstance(err, Error)
    assert parseDialOrIOError(err) is None


def parseDialOrIOError(nestedErr: error | None) -> str | None:
    """error_test.go: parseDialError's nesting rules (OpError, then allowed layers)."""
    if nestedErr is None:
        return None
    if not isinstance(nestedErr, OpError):
        return f"unexpected type on 1st nested level: {type(nestedErr).__name__}"
    if nestedErr.Op == "" or nestedErr.Net == "" or nestedErr.Err is None:
        return f"OpError is not valid: {nestedErr!r}"
    e: object = nestedErr.Err
    allowed2 = (AddrError, timeoutError, DNSError, InvalidAddrError, ParseError,
                poll.DeadlineExceededError, UnknownNetworkError)  # fmt: skip
    if isinstance(e, allowed2):
        return None
    if isinstance(e, os.SyscallError):
        e = e.Err
        from rt.sys_linux import Errno

        return None if isinstance(e, Errno) else f"unexpected 3rd level {type(e).__name__}"
    if e in (errCanceled, ErrClosed, errMissingAddress, errNoSuitableAddress) or e in (
        context.DeadlineExceeded,
        context.Canceled,
        ErrWriteToConnected,  # parseWriteError's
    ):
        return None
    return f"unexpected type on 2nd nested level: {type(e).__name__}"


def test_D5_predicates() -> None:
    closed = OpError(Op="read", Net="tcp", Source=_l, Addr=_r, Err=ErrClosed)
    assert errors.Is(closed, net.ErrClosed)
    assert ErrClosed is poll.ErrNetClosing
    deadline = OpError(Op="read", Net="tcp", Source=_l, Addr=_r, Err=os.ErrDeadlineExceeded)
    assert errors.Is(deadline, os.ErrDeadlineExceeded)
    assert deadline.Timeout()
    dialTimeout = OpError(Op="dial", Net="tcp", Addr=_r, Err=errTimeout)
    assert errors.Is(dialTimeout, context.DeadlineExceeded)
    assert not errors.Is(dialTimeout, os.ErrDeadlineExceeded)
    assert dialTimeout.Timeout()
    cancelled = OpError(Op="dial", Net="tcp", Addr=_r, Err=errCanceled)
    assert errors.Is(cancelled, context.Canceled)
    assert not cancelled.Timeout() and not cancelled.Temporary()
    fdExhaustion = OpError(Op="accept", Net="tcp", Addr=_r, Err=sys("accept4", EMFILE))
    assert fdExhaustion.Temporary() and not fdExhaustion.Timeout()
    assert errors.Is(fdExhaustion, EMFILE)


def test_OpError_Timeout_Temporary() -> None:
    # Timeout looks through one SyscallError.
    assert OpError(Op="read", Net="tcp", Err=sys("read", ETIMEDOUT)).Timeout()
    assert OpError(Op="read", Net="tcp", Err=sys("read", EAGAIN)).Timeout()
    assert OpError(Op="read", Net="tcp", Err=ETIMEDOUT).Timeout()
    assert not OpError(Op="read", Net="tcp", Err=sys("read", ECONNRESET)).Timeout()
    assert not OpError(Op="read", Net="tcp", Err=io.EOF).Timeout()
    # accept: a bare ECONNRESET/ECONNABORTED is temporary (a wrapped one is
    # not, exactly as in Go, where isConnError sees only a bare Errno).
    assert OpError(Op="accept", Net="tcp", Err=ECONNRESET).Temporary()
    assert OpError(Op="accept", Net="tcp", Err=ECONNABORTED).Temporary()
    assert not OpError(Op="accept", Net="tcp", Err=sys("accept4", ECONNRESET)).Temporary()
    assert not OpError(Op="read", Net="tcp", Err=ECONNRESET).Temporary()
    assert OpError(Op="read", Net="tcp", Err=sys("read", EAGAIN)).Temporary()
    assert not OpError(Op="x", Net="tcp", Err=errMissingAddress).Temporary()


def test_OpError_shape() -> None:
    e = OpError(Op="dial", Net="tcp", Addr=_r, Err=ErrClosed)
    assert e.Unwrap() is ErrClosed
    assert errors.Unwrap(e) is ErrClosed
    assert isinstance(e, Exception)
    with pytest.raises(OpError) as exc:
        raise e
    assert str(exc.value) == "dial tcp 127.0.0.1:8080: use of closed network connection"
    assert errors.As(e, OpError) is e
    # Identity, as Go's pointer ==.
    assert e != OpError(Op="dial", Net="tcp", Addr=_r, Err=ErrClosed)
    assert OpError(Op="read").Error() == "read: <nil>"


def test_ContextError() -> None:
    """error_test.go: TestContextError."""
    assert errors.Is(errCanceled, context.Canceled)
    assert errors.Is(errTimeout, context.DeadlineExceeded)


def test_mapErr() -> None:
    assert mapErr(context.Canceled) is errCanceled
    assert mapErr(context.DeadlineExceeded) is errTimeout
    assert mapErr(ErrClosed) is ErrClosed
    assert mapErr(None) is None


def test_simple_error_texts() -> None:
    assert ParseError(Type="IP address", Text="x").Error() == "invalid IP address: x"
    assert AddrError(Err="invalid port", Addr="99999").Error() == "address 99999: invalid port"
    assert AddrError(Err="no suitable address found").Error() == "no suitable address found"
    assert UnknownNetworkError("foo").Error() == "unknown network foo"
    assert InvalidAddrError("bad addr").Error() == "bad addr"
    assert DNSConfigError(Err=errors.New("boom")).Error() == "error reading DNS config: boom"
    assert errors.Unwrap(DNSConfigError(Err=ErrClosed)) is ErrClosed
    assert errCanceled.Error() == "operation was canceled"
    assert errTimeout.Error() == "i/o timeout"
    assert errNoSuitableAddress.Error() == "no suitable address found"
    assert errMissingAddress.Error() == "missing address"
    assert ErrWriteToConnected.Error() == "use of WriteTo with pre-connected connection"
    assert errNoSuchHost.Error() == "no such host" and errUnknownPort.Error() == "unknown port"
    assert temporaryError("t").Temporary() and not temporaryError("t").Timeout()


def test_value_types_compare_by_value() -> None:
    assert UnknownNetworkError("foo") == UnknownNetworkError("foo")
    assert UnknownNetworkError("foo") != UnknownNetworkError("bar")
    assert UnknownNetworkError("foo") != InvalidAddrError("foo")
    assert errors.Is(OpError(Op="dial", Err=UnknownNetworkError("x")), UnknownNetworkError("x"))
    assert canceledError() == errCanceled
    assert UnknownNetworkError("foo").args[0] == "foo"
    with pytest.raises(TypeError):
        UnknownNetworkError(1)  # type: ignore[arg-type]
    # Pointer types compare by identity, as Go's pointers.
    assert AddrError(Err="x") != AddrError(Err="x")


def test_DNSError() -> None:
    e = DNSError(Err="no such host", Name="example.invalid", Server="10.0.0.1:53")
    assert e.Error() == "lookup example.invalid on 10.0.0.1:53: no such host"
    e = DNSError(Err="no such host", Name="example.invalid")
    assert e.Error() == "lookup example.invalid: no such host"
    assert not e.Timeout() and not e.Temporary() and e.Unwrap() is None
    assert DNSError(IsTimeout=True).Temporary() and DNSError(IsTimeout=True).Timeout()
    assert DNSError(IsTemporary=True).Temporary()


def test_newDNSError() -> None:
    e = newDNSError(errNoSuchHost, "h", "")
    assert (e.Err, e.Name, e.IsNotFound, e.IsTimeout, e.IsTemporary) == (
        "no such host",
        "h",
        True,
        False,
        False,
    )
    assert e.UnwrapErr is None
    assert isinstance(errNoSuchHost, notFoundError)
    e = newDNSError(errTimeout, "h", "")
    assert e.IsTimeout and e.IsTemporary and not e.IsNotFound
    assert e.UnwrapErr is errTimeout  # it Is context.DeadlineExceeded
    assert errors.Is(e, context.DeadlineExceeded)
    e = newDNSError(errCanceled, "h", "")
    assert errors.Is(e, context.Canceled) and e.Error() == "lookup h: operation was canceled"
    e = newDNSError(EMFILE, "h", "")
    assert e.Error() == "lookup h: too many open files" and e.IsTemporary
    e = newDNSError(addrinfoErrno(EAI_AGAIN), "h", "")
    assert e.IsTemporary and not e.IsTimeout and e.Temporary()


# --- Buffers (writev_test.go) -----------------------------------------------------


# Buffers.read and consume are in test_tcpsock.py (writev_test.go); these two
# check WriteTo's two paths with fake writers.


class _shortWriter:
    """Writes at most 3 bytes a call and then fails, to check consume after an error."""

    def __init__(self) -> None:
        self.got = bytearray()

    def Write(self, b: Any) -> tuple[int, error | None]:
        data = bytes(b)
        if len(self.got) >= 5:
            return 0, io.ErrShortWrite
        self.got += data
        return len(data), None


def test_Buffers_WriteTo_generic() -> None:
    b = Buffers([b"abc", b"de", b"fgh"])
    w = _shortWriter()
    n, err = b.WriteTo(w)
    assert (n, err) == (5, io.ErrShortWrite)
    assert bytes(w.got) == b"abcde"
    assert [bytes(x) for x in b] == [b"fgh"]


def test_Buffers_WriteTo_writeBuffers() -> None:
    class vw:
        def writeBuffers(self, v: Buffers) -> tuple[int, error | None]:
            n = sum(len(x) for x in v)
            v.consume(n)
            return n, None

    b = Buffers([b"ab", b"cd"])
    assert b.WriteTo(vw()) == (4, None) and len(b) == 0


def test_nil_ip_in_opaddr() -> None:
    # An OpError never holds a "typed nil"; absent addresses are None.
    e = OpError(Op="listen", Net="tcp", Source=None, Addr=TCPAddr(IP=IP(), Port=80), Err=ErrClosed)
    assert e.Error() == "listen tcp :80: use of closed network connection"
    e = OpError(Op="listen", Net="tcp", Addr=TCPAddr(IP=IPv4(0, 0, 0, 0)), Err=ErrClosed)
    assert e.Error() == "listen tcp 0.0.0.0:0: use of closed network connection"
