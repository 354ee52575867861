"""net/net.go (go1.27.0): the package's interfaces, its error types, and Buffers.

What lives here, in Go's order:

* The interfaces every network value satisfies, as ``typing.Protocol``
  classes with Go's method names: ``Addr`` (Network, String), ``Conn``,
  ``PacketConn``, ``Listener`` and ``Error`` (an error that also answers
  Timeout and Temporary). They are ``runtime_checkable``, so
  ``isinstance(err, net.Error)`` and ``errors.As(err, net.Error)`` work the
  way a Go type assertion to the interface does (only the presence of the
  methods is checked).
* The generic ``conn`` (Read/Write/Close/... over a ``netFD``), which the
  stream and packet connection types embed. It is written together with the
  netFD; see the marked section below.
* The error types and sentinels. Each is built once, where Go builds it,
  and its ``Error()`` text is Go's byte for byte (GO_MAP D.5)::

      OpError      "dial tcp 127.0.0.1:1: connect: connection refused"
      ParseError   "invalid CIDR address: 1.2.3.4/33"
      AddrError    "address 127.0.0.1: missing port in address"
      DNSError     "lookup nosuchhost.invalid: no such host"

How Go's error kinds map onto Python classes (API.md): every error is an
``Exception`` subclass whose ``Error()`` gives Go's text and whose ``str()``
is the same. Go structs used through pointers (``*OpError``, ``*AddrError``,
``*ParseError``, ``*DNSError``, ``*DNSConfigError``) are dataclasses built
with keywords and compared by identity, which is Go's pointer ``==`` and so
what ``errors.Is`` needs. Go's value types (``UnknownNetworkError`` and
``InvalidAddrError`` are strings, ``canceledError`` an empty struct) compare
by value, so ``errors.Is(err, net.UnknownNetworkError("foo"))`` matches a
different instance with the same text, as it does in Go; the string itself
is ``e.args[0]``. The wrapped layers below ``OpError`` are
``std.os.SyscallError`` and ``rt.sys_linux.Errno`` (GO_MAP D.5).

The sentinels keep Go's identities: ``ErrClosed`` *is*
``rt.poll.ErrNetClosing``; ``errTimeout`` is net's own "i/o timeout" (which
matches ``context.DeadlineExceeded`` under ``errors.Is``), distinct from
``os.ErrDeadlineExceeded`` (``rt.poll.ErrDeadlineExceeded``, same text) that
expired I/O deadlines produce.

``isConnError`` (error_unix.go), which OpError.Temporary uses, is imported
from net/error_posix.py. Not here, and why: ``listenerBacklog`` reads the kernel's somaxconn through
``maxListenerBacklog`` (sock_linux.go) and belongs with the socket code;
``acquireThread``/``releaseThread`` are what ``rt.blocking`` already does
(at most ``concurrentThreadsLimit()`` blocking calls at once);
``genericReadFrom``/``genericWriteTo`` and their wrapper types need TCPConn
and io.Copy and come with TCPConn.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Protocol, Self, overload, runtime_checkable

from net.error_posix import isConnError
from rt.poll.fd import ErrNetClosing
from rt.poll.fd_mutex import mutexClosed
from rt.sys_linux import EINVAL
from std import context, errors, io, os, time
from std.errors import error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

__all__ = [
    "Addr",
    "AddrError",
    "Buffers",
    "Conn",
    "DNSConfigError",
    "DNSError",
    "ErrClosed",
    "ErrWriteToConnected",
    "Error",
    "InvalidAddrError",
    "Listener",
    "OpError",
    "PacketConn",
    "ParseError",
    "UnknownNetworkError",
]


# ---------------------------------------------------------------------------
# Interfaces


@runtime_checkable
class Addr(Protocol):
    """net.Addr: a network end point address.

    ``Network()`` names the network ("tcp", "udp", ...); ``String()`` is the
    address in a form Dial accepts ("192.0.2.1:25", "[2001:db8::1]:80").
    """

    def Network(self) -> str:
        """net.Addr.Network: the name of the network, such as "tcp" or "udp"."""
        ...

    def String(self) -> str:
        """net.Addr.String: the address as text, such as "192.0.2.1:25" or "[2001:db8::1]:80"."""
        ...


# Fields of the error types below are named Addr, like the interface; the
# alias keeps the annotations unambiguous inside those class bodies.
_Addr = Addr


@runtime_checkable
class Conn(Protocol):
    """net.Conn: a generic stream-oriented network connection.

    Any goroutine may call any method at any time. ``Read`` fills a writable
    buffer in place and returns ``(n, err)``; ``Write`` takes any bytes-like
    object. Deadlines are absolute ``std.time.Time`` values that apply to
    pending and future calls; an expired one makes I/O fail with an error
    wrapping ``os.ErrDeadlineExceeded``; the zero ``Time()`` means none.
    ``with c:`` closes it (Go's ``defer c.Close()``).

    ``LocalAddr``/``RemoteAddr`` are typed ``Addr`` as Go's are, and like
    Go's interface value they may be None (Go's nil): a connection with no
    socket, or the RemoteAddr of an unconnected packet connection.
    """

    def Read(self, b: WriteableBuffer) -> tuple[int, error | None]:
        """net.Conn.Read: read up to len(b) bytes into b; (n, err), with err io.EOF at the end of
        the stream and a net.Error whose Timeout() is True after a deadline.
        """
        ...

    def Write(self, b: ReadableBuffer) -> tuple[int, error | None]:
        """net.Conn.Write: write all of b; (n, err), with n < len(b) only when err is not None (a
        timeout, a reset or a closed connection).
        """
        ...

    def Close(self) -> error | None:
        """net.Conn.Close: close the connection; blocked Read and Write calls are unblocked and
        return errors.
        """
        ...

    def LocalAddr(self) -> Addr:
        """net.Conn.LocalAddr: the local network address, if known (None otherwise)."""
        ...

    def RemoteAddr(self) -> Addr:
        """net.Conn.RemoteAddr: the remote network address, if known (None otherwise)."""
        ...

    def SetDeadline(self, t: time.Time) -> error | None:
        """net.Conn.SetDeadline: set both the read and the write deadline to the absolute time t;
        the zero Time removes them.
        """
        ...

    def SetReadDeadline(self, t: time.Time) -> error | None:
        """net.Conn.SetReadDeadline: after time t, pending and future Reads fail with a timeout; the
        zero Time means never.
        """
        ...

    def SetWriteDeadline(self, t: time.Time) -> error | None:
        """net.Conn.SetWriteDeadline: after time t, pending and future Writes fail with a timeout,
        even after a partial write; the zero Time means never.
        """
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None, /) -> None: ...


@runtime_checkable
class PacketConn(Protocol):
    """net.PacketConn: a generic packet-oriented network connection.

    ``ReadFrom`` returns ``(n, addr, err)``; ``WriteTo`` returns ``(n, err)``.
    ``with pc:`` closes it.
    """

    def ReadFrom(self, p: WriteableBuffer) -> tuple[int, Addr | None, error | None]:
        """net.PacketConn.ReadFrom: read one packet into p; (n, sender address, err), and a packet
        larger than p is cut to len(p).
        """
        ...

    def WriteTo(self, p: ReadableBuffer, addr: Addr) -> tuple[int, error | None]:
        """net.PacketConn.WriteTo: send p as one packet to addr; (n, err), and a deadline can make
        it fail with a timeout.
        """
        ...

    def Close(self) -> error | None:
        """net.PacketConn.Close: close the connection; blocked ReadFrom and WriteTo calls return
        errors.
        """
        ...

    def LocalAddr(self) -> Addr:
        """net.PacketConn.LocalAddr: the local network address, if known (None otherwise)."""
        ...

    def SetDeadline(self, t: time.Time) -> error | None:
        """net.PacketConn.SetDeadline: set both the read and the write deadline to the absolute time
        t; the zero Time removes them.
        """
        ...

    def SetReadDeadline(self, t: time.Time) -> error | None:
        """net.PacketConn.SetReadDeadline: after time t, pending and future ReadFrom calls fail with
        a timeout; the zero Time means never.
        """
        ...

    def SetWriteDeadline(self, t: time.Time) -> error | None:
        """net.PacketConn.SetWriteDeadline: after time t, pending and future WriteTo calls fail with
        a timeout; the zero Time means never.
        """
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None, /) -> None: ...


@runtime_checkable
class Listener(Protocol):
    """net.Listener: a generic network listener for stream-oriented protocols.

    Closing it unblocks any pending Accept, which then fails. ``with ln:``
    closes it.
    """

    def Accept(self) -> tuple[Conn | None, error | None]:
        """net.Listener.Accept: wait for the next connection and return (conn, None), or (None, err)
        once the listener is closed or accept fails.
        """
        ...

    def Close(self) -> error | None:
        """net.Listener.Close: stop listening; pending and later Accept calls fail with an error."""
        ...

    def Addr(self) -> _Addr:
        """net.Listener.Addr: the local address the listener is bound to."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None, /) -> None: ...


@runtime_checkable
class Error(Protocol):
    """net.Error: an error that also says whether it is a timeout.

    ``Temporary`` is deprecated in Go (its meaning is ill-defined) but kept,
    as every net error still implements it.
    """

    def Error(self) -> str:
        """net.Error.Error: the text that describes the error."""
        ...

    def Timeout(self) -> bool:
        """net.Error.Timeout: whether the error is a timeout (a deadline or timeout expired)."""
        ...

    def Temporary(self) -> bool:
        """net.Error.Temporary: whether the error may be temporary; deprecated in Go, as its meaning
        is ill-defined.
        """
        ...


class _timeout(Protocol):
    """net.go: timeout, the one-method interface OpError.Timeout asks for."""

    def Timeout(self) -> bool: ...


class _temporary(Protocol):
    """net.go: temporary, the one-method interface OpError.Temporary asks for."""

    def Temporary(self) -> bool: ...


def _needInt(who: str, **args: object) -> None:
    """A Go ``int`` (or time.Duration) argument: anything else is a TypeError at the call.

    Go's compiler rejects these; here they would otherwise fail deep in the
    socket option code with an unrelated error.
    """
    for name, v in args.items():
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"{who}: {name} must be an int, not {type(v).__name__}")


def _needArgs(who: str, typ: type | tuple[type, ...], network: object = "",
              **args: object) -> None:
    """Go's typed parameters (``network string``, ``laddr *UDPAddr``...): a value of
    ``typ`` or None for each of ``args``, and a str network; anything else is a
    TypeError at the call, where Go's compiler would reject it (otherwise it
    would be used as the wrong address type, or fail deep inside net).
    """
    if not isinstance(network, str):
        raise TypeError(f"{who}: network must be a str, not {type(network).__name__}")
    for name, a in args.items():
        if a is not None and not isinstance(a, typ):
            tn = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
            raise TypeError(f"{who}: {name} must be a {tn} or None, not {type(a).__name__}")


def _needBuf(who: str, b: object) -> None:
    """Go's ``[]byte`` parameter: a str is a TypeError at the call (Go would not compile it)."""
    if isinstance(b, str):
        raise TypeError(f"{who} needs a bytes-like buffer, not str")


def _needValue(who: str, typ: type, **args: object) -> None:
    """A Go value parameter (``netip.AddrPort``, ``netip.Addr``): exactly that type."""
    for name, a in args.items():
        if not isinstance(a, typ):
            raise TypeError(f"{who}: {name} must be a {typ.__module__.rsplit('.', 1)[-1]}."
                            f"{typ.__name__}, not {type(a).__name__}")


_nilAddr: Final[Any] = None
"""Go's nil Addr: None, typed as the interface it stands for (Conn.LocalAddr's result)."""


# ---------------------------------------------------------------------------
# conn: the connection shared by TCPConn, UDPConn, UnixConn and IPConn.


class conn:
    """net/net.go: conn. A netFD with the Conn methods; TCPConn and friends embed it.

    Every error except io.EOF comes back as an ``OpError`` naming the
    operation and both addresses. A conn is a context manager: ``with conn:``
    closes it (Go's ``defer c.Close()``).
    """

    __slots__ = ("fd",)

    def __init__(self, fd: Any) -> None:
        self.fd = fd

    def ok(self) -> bool:
        """net/net.go: conn.ok."""
        return self.fd is not None

    def Read(self, b: WriteableBuffer) -> tuple[int, error | None]:
        """net/net.go: conn.Read. Fills b in place; ``n, err = c.Read(buf)``.

        Errors other than io.EOF come back as an *OpError naming the
        operation, the network and both addresses.
        """
        if not self.ok():
            return 0, EINVAL
        fd = self.fd
        n, err = fd.Read(b)
        if err is not None and err is not io.EOF:
            err = OpError(Op="read", Net=fd.net, Source=fd.laddr, Addr=fd.raddr, Err=err)
        return n, err

    def Write(self, b: ReadableBuffer) -> tuple[int, error | None]:
        """net/net.go: conn.Write. Writes all of b or returns an error with the count."""
        if not self.ok():
            return 0, EINVAL
        fd = self.fd
        n, err = fd.Write(b)
        if err is not None:
            err = OpError(Op="write", Net=fd.net, Source=fd.laddr, Addr=fd.raddr, Err=err)
        return n, err

    def Close(self) -> error | None:
        """net/net.go: conn.Close."""
        fd = self.fd
        if fd is None:
            return EINVAL
        err: error | None = fd.Close()
        if err is not None:
            err = OpError(Op="close", Net=fd.net, Source=fd.laddr, Addr=fd.raddr, Err=err)
        return err

    def LocalAddr(self) -> Addr:
        """net/net.go: conn.LocalAddr. None (Go's nil Addr) for a conn with no socket."""
        la: Addr = self.fd.laddr if self.fd is not None else _nilAddr
        return la

    def RemoteAddr(self) -> Addr:
        """net/net.go: conn.RemoteAddr. None (Go's nil Addr) when not connected."""
        ra: Addr = self.fd.raddr if self.fd is not None else _nilAddr
        return ra

    def _set(self, err: error | None) -> error | None:
        """The OpError of conn's setters: deadlines and buffer sizes.

        Go's conn methods name only the local address here (Source nil, Addr
        laddr), so the text reads "set tcp 127.0.0.1:P: ...", unlike TCPConn's
        own option setters (SetNoDelay, SetLinger, SetKeepAlive...), which give
        both ends as Read and Write do.
        """
        if err is None:
            return None
        return OpError(Op="set", Net=self.fd.net, Source=None, Addr=self.fd.laddr, Err=err)

    def SetDeadline(self, t: time.Time) -> error | None:
        """net/net.go: conn.SetDeadline. Both directions; the zero Time clears it.

        t is an instant (``time.Now().Add(5 * time.Second)``); a Duration or
        a float there is a TypeError.
        """
        if not isinstance(t, time.Time):
            time._needTime(type(self).__name__ + ".SetDeadline", "t", t)
        if self.fd is None:
            return EINVAL
        return self._set(self.fd.SetDeadline(t))

    def SetReadDeadline(self, t: time.Time) -> error | None:
        """net/net.go: conn.SetReadDeadline."""
        if not isinstance(t, time.Time):
            time._needTime(type(self).__name__ + ".SetReadDeadline", "t", t)
        if self.fd is None:
            return EINVAL
        return self._set(self.fd.SetReadDeadline(t))

    def SetWriteDeadline(self, t: time.Time) -> error | None:
        """net/net.go: conn.SetWriteDeadline."""
        if not isinstance(t, time.Time):
            time._needTime(type(self).__name__ + ".SetWriteDeadline", "t", t)
        if self.fd is None:
            return EINVAL
        return self._set(self.fd.SetWriteDeadline(t))

    def SetReadBuffer(self, nbytes: int) -> error | None:
        """net/net.go: conn.SetReadBuffer. SO_RCVBUF."""
        from net.sockopt_posix import setReadBuffer

        if nbytes.__class__ is not int:
            _needInt(type(self).__name__ + ".SetReadBuffer", bytes=nbytes)
        if self.fd is None:
            return EINVAL
        return self._set(setReadBuffer(self.fd, nbytes))

    def SetWriteBuffer(self, nbytes: int) -> error | None:
        """net/net.go: conn.SetWriteBuffer. SO_SNDBUF."""
        from net.sockopt_posix import setWriteBuffer

        if nbytes.__class__ is not int:
            _needInt(type(self).__name__ + ".SetWriteBuffer", bytes=nbytes)
        if self.fd is None:
            return EINVAL
        return self._set(setWriteBuffer(self.fd, nbytes))

    def File(self) -> tuple[os.File | None, error | None]:
        """net/net.go: conn.File. A duplicate of the socket as an os.File; ``(f, err)``.

        The File and the conn are independent: closing one leaves the other
        open, and the caller must Close the File. Its descriptor is in
        blocking mode once ``f.Fd()`` is called, as Go's.
        """
        if self.fd is None:
            return None, EINVAL
        f, err = self.fd.dup()
        if err is not None:
            return None, OpError(Op="file", Net=self.fd.net, Source=self.fd.laddr,
                                 Addr=self.fd.raddr, Err=err)
        return f, None

    def writeBuffers(self, v: Buffers) -> tuple[int, error | None]:
        """net/writev_unix.go: conn.writeBuffers. Buffers.WriteTo goes through writev."""
        if self.fd is None:
            return 0, EINVAL
        from net.error_posix import wrapSyscallError

        # None is Go's nil slice: nothing to write, like an empty one.
        views = [memoryview(b if b is not None else b"").cast("B") for b in v]
        n, err = self.fd.pfd.Writev(views)
        del v[:]
        v.extend(views)
        if err is not None:
            err = OpError(Op="writev", Net=self.fd.net, Source=self.fd.laddr,
                          Addr=self.fd.raddr, Err=wrapSyscallError("writev", err))
        return n, err

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            self.Close()

    def __repr__(self) -> str:
        return _connRepr(self)


def _connRepr(c: conn) -> str:
    """``<net.TCPConn tcp 127.0.0.1:41234->127.0.0.1:5000>``, `` closed`` once Close ran.

    The local address first, as Go's OpError texts and ``ss`` print them;
    an unconnected packet conn shows no "->". (``String()``/``str()`` are
    left alone: a conn has none in Go.)
    """
    name = type(c).__name__
    fd = c.fd
    if fd is None:
        return f"<net.{name} nil>"
    la = fd.laddr.String() if fd.laddr is not None else ""
    ra = "->" + fd.raddr.String() if fd.raddr is not None else ""
    return f"<net.{name} {fd.net} {la}{ra}{_closedMark(fd)}>"


def _listenerRepr(ln: Any) -> str:
    """``<net.TCPListener tcp 127.0.0.1:5000>``, `` closed`` once Close ran."""
    name = type(ln).__name__
    fd = ln.fd
    if fd is None:
        return f"<net.{name} nil>"
    la = fd.laddr.String() if fd.laddr is not None else ""
    return f"<net.{name} {fd.net} {la}{_closedMark(fd)}>"


def _closedMark(fd: Any) -> str:
    """`` closed`` when the netFD's poll.FD has its closed bit set (fd_mutex.go's mutexClosed)."""
    pfd = getattr(fd, "pfd", None)
    fdmu = getattr(pfd, "fdmu", None)
    if fdmu is not None and fdmu.state & mutexClosed:
        return " closed"
    return ""


# ---------------------------------------------------------------------------
# Errors


class _netError(Exception):
    """Shared plumbing: ``str(err)`` is ``err.Error()``, as API.md requires."""

    def Error(self) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.Error()


class canceledError(_netError):
    """net.go: canceledError. "operation was canceled", which is context.Canceled.

    An empty struct in Go, so every value equals every other; ``==`` and
    ``hash`` say the same here.
    """

    _goType = "net.canceledError"  # what %T prints (std/fmt.py)

    def Error(self) -> str:
        """net.go: canceledError.Error."""
        return "operation was canceled"

    def Is(self, err: object) -> bool:
        """net.go: canceledError.Is. True for context.Canceled."""
        return err is context.Canceled

    def __eq__(self, other: object) -> bool:
        return type(other) is canceledError

    def __hash__(self) -> int:
        return hash(canceledError)

    def __repr__(self) -> str:
        return "net.errCanceled"


errNoSuitableAddress: Final[error] = errors.New("no suitable address found")
"""net.go: errNoSuitableAddress. For addresses that do not suit the network."""

errMissingAddress: Final[error] = errors.New("missing address")
"""net.go: errMissingAddress. Dial or Listen was given no address where one is needed."""

errCanceled: Final = canceledError()
"""net.go: errCanceled. What a cancelled context turns into (see mapErr)."""

ErrWriteToConnected: Final[error] = errors.New("use of WriteTo with pre-connected connection")
"""net.ErrWriteToConnected: WriteTo on a connected packet connection."""


class timeoutError(_netError):
    """net.go: timeoutError. "i/o timeout"; matches context.DeadlineExceeded."""

    _goType = "*net.timeoutError"  # what %T prints (std/fmt.py)

    def Error(self) -> str:
        """net.go: timeoutError.Error."""
        return "i/o timeout"

    def Timeout(self) -> bool:
        """net.go: timeoutError.Timeout."""
        return True

    def Temporary(self) -> bool:
        """net.go: timeoutError.Temporary."""
        return True

    def Is(self, err: object) -> bool:
        """net.go: timeoutError.Is. True for context.DeadlineExceeded."""
        return err == context.DeadlineExceeded

    def __repr__(self) -> str:
        return "net.errTimeout"


errTimeout: Final = timeoutError()
"""net.go: errTimeout. A dial or lookup deadline; not os.ErrDeadlineExceeded."""


@overload
def mapErr(err: error) -> error: ...
@overload
def mapErr(err: None) -> None: ...


def mapErr(err: error | None) -> error | None:
    """net.go: mapErr. context.Canceled becomes errCanceled, DeadlineExceeded errTimeout.

    Everything else is returned unchanged. Used where a context error ends a
    dial or a lookup, so that the caller sees net's own error (whose text
    says "operation was canceled" or "i/o timeout") rather than context's.
    """
    if err is context.Canceled:
        return errCanceled
    if err is not None and err == context.DeadlineExceeded:
        return errTimeout
    return err


def _syscallErrorInner(err: object) -> tuple[bool, object]:
    """Go's ``err.(*os.SyscallError)``: (True, its Err) when err is one."""
    if isinstance(err, os.SyscallError):
        return True, err.Err
    return False, None


@dataclass(eq=False, repr=True)
class OpError(_netError):
    """net.OpError: the error most net functions return; names the operation.

    Fields, with Go's names and meanings: ``Op`` ("dial", "read", "accept",
    ...), ``Net`` ("tcp", ...), ``Source`` (the local address, for dials and
    I/O on connected sockets), ``Addr`` (the remote address for dial, read
    and write; the local one for listen, accept and the deadline setters),
    ``Err`` (what went wrong: usually an os.SyscallError, an Errno, a
    sentinel such as ErrClosed, or another net error).

    Build it as Go does, with keywords and only the fields that apply::

        OpError(Op="dial", Net="tcp", Source=laddr, Addr=raddr, Err=err)
        OpError(Op="accept", Net=fd.net, Source=None, Addr=fd.laddr, Err=err)

    Addresses must be real ``Addr`` values or None, never a "typed nil"
    (Go's ``opAddr`` exists to avoid those; here a missing address is None).
    ``Err`` should never be None; if it is, the text ends in "<nil>".
    """

    _goType = "*net.OpError"  # what %T prints (std/fmt.py)

    Op: str = ""
    Net: str = ""
    Source: _Addr | None = None
    Addr: _Addr | None = None
    Err: error | None = None

    def Unwrap(self) -> error | None:
        """net.OpError.Unwrap: the wrapped Err, so errors.Is and errors.As see the cause (for
        example os.ErrDeadlineExceeded).
        """
        return self.Err

    def Error(self) -> str:
        """net.OpError.Error: "op net source->addr: err" with the missing parts left out."""
        s = self.Op
        if self.Net:
            s += " " + self.Net
        if self.Source is not None:
            s += " " + self.Source.String()
        if self.Addr is not None:
            s += "->" if self.Source is not None else " "
            s += self.Addr.String()
        s += ": " + (self.Err.Error() if self.Err is not None else "<nil>")
        return s

    def Timeout(self) -> bool:
        """net.OpError.Timeout: asks Err, looking through one os.SyscallError."""
        err: object = self.Err
        isSys, inner = _syscallErrorInner(err)
        if isSys:
            err = inner
        t = getattr(err, "Timeout", None)
        return callable(t) and bool(t())

    def Temporary(self) -> bool:
        """net.OpError.Temporary: accept's ECONNRESET/ECONNABORTED, else asks Err.

        A connection reset or aborted while it sat in the accept queue is
        worth retrying (Go treats it as temporary). Like Timeout, the answer
        otherwise comes from Err, looking through one os.SyscallError.
        """
        if self.Op == "accept" and isConnError(self.Err):
            return True
        err: object = self.Err
        isSys, inner = _syscallErrorInner(err)
        if isSys:
            err = inner
        t = getattr(err, "Temporary", None)
        return callable(t) and bool(t())


@dataclass(eq=False, repr=True)
class ParseError(_netError):
    """net.ParseError: a string that is not a valid address of the kind ``Type``.

    ``Type`` says what was expected ("IP address", "CIDR address"), ``Text``
    is the malformed text.
    """

    _goType = "*net.ParseError"  # what %T prints (std/fmt.py)

    Type: str = ""
    Text: str = ""

    def Error(self) -> str:
        """net.ParseError.Error: "invalid TYPE: TEXT"."""
        return "invalid " + self.Type + ": " + self.Text

    def Timeout(self) -> bool:
        """net.ParseError.Timeout: always False; a parse failure is not a timeout."""
        return False

    def Temporary(self) -> bool:
        """net.ParseError.Temporary: always False; parsing the same text again fails again."""
        return False


@dataclass(eq=False, repr=True)
class AddrError(_netError):
    """net.AddrError: something is wrong with an address.

    ``Err`` is the description ("missing port in address", "invalid port",
    "no suitable address found", ...), ``Addr`` the address it is about
    (may be empty).
    """

    _goType = "*net.AddrError"  # what %T prints (std/fmt.py)

    Err: str = ""
    Addr: str = ""

    def Error(self) -> str:
        """net.AddrError.Error: "address ADDR: ERR", or just ERR without an address."""
        s = self.Err
        if self.Addr:
            s = "address " + self.Addr + ": " + s
        return s

    def Timeout(self) -> bool:
        """net.AddrError.Timeout: always False; a bad address is not a timeout."""
        return False

    def Temporary(self) -> bool:
        """net.AddrError.Temporary: always False; retrying with a bad address cannot succeed."""
        return False


class _stringError(_netError):
    """A Go error type whose underlying type is string: equal when the strings are."""

    def __init__(self, s: str) -> None:
        if not isinstance(s, str):
            raise TypeError(f"{type(self).__name__} needs a str, not {type(s).__name__}")
        super().__init__(s)

    def _s(self) -> str:
        s: str = self.args[0]
        return s

    def Timeout(self) -> bool:
        return False

    def Temporary(self) -> bool:
        return False

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _stringError) and type(other) is type(self) and (
            other.args == self.args
        )

    def __hash__(self) -> int:
        return hash((type(self), self.args))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._s()!r})"


class UnknownNetworkError(_stringError):
    """net.UnknownNetworkError: a network name net does not know ("unknown network foo").

    ``UnknownNetworkError("foo")``; the name is ``e.args[0]``.
    """

    _goType = "net.UnknownNetworkError"  # what %T prints (std/fmt.py)

    def Error(self) -> str:
        """net.UnknownNetworkError.Error: the message "unknown network " followed by the network
        name.
        """
        return "unknown network " + self._s()


class InvalidAddrError(_stringError):
    """net.InvalidAddrError: its text is the whole message."""

    _goType = "net.InvalidAddrError"  # what %T prints (std/fmt.py)

    def Error(self) -> str:
        """net.InvalidAddrError.Error: the message, the text the error was made from."""
        return self._s()


@dataclass(eq=False, repr=True)
class DNSConfigError(_netError):
    """net.DNSConfigError: the resolver configuration could not be read."""

    _goType = "*net.DNSConfigError"  # what %T prints (std/fmt.py)

    Err: error | None = None

    def Unwrap(self) -> error | None:
        """net.DNSConfigError.Unwrap: the error met while reading the DNS configuration (Err)."""
        return self.Err

    def Error(self) -> str:
        """net.DNSConfigError.Error: "error reading DNS config: ERR"."""
        return "error reading DNS config: " + (self.Err.Error() if self.Err else "<nil>")

    def Timeout(self) -> bool:
        """net.DNSConfigError.Timeout: always False; a bad resolver configuration is not a timeout.
        """
        return False

    def Temporary(self) -> bool:
        """net.DNSConfigError.Temporary: always False; a bad resolver configuration is not
        transient.
        """
        return False


class notFoundError(_netError):
    """net.go: notFoundError. The lookup found nothing; newDNSError sets IsNotFound."""

    _goType = "*net.notFoundError"  # what %T prints (std/fmt.py)

    def __init__(self, s: str) -> None:
        super().__init__(s)
        self.s = s

    def Error(self) -> str:
        """net.go: notFoundError.Error."""
        return self.s


class temporaryError(_netError):
    """net.go: temporaryError. Temporary() is true, Timeout() false."""

    _goType = "*net.temporaryError"  # what %T prints (std/fmt.py)

    def __init__(self, s: str) -> None:
        super().__init__(s)
        self.s = s

    def Error(self) -> str:
        """net.go: temporaryError.Error."""
        return self.s

    def Temporary(self) -> bool:
        """net.go: temporaryError.Temporary."""
        return True

    def Timeout(self) -> bool:
        """net.go: temporaryError.Timeout."""
        return False


errNoSuchHost: Final = notFoundError("no such host")
"""net.go: errNoSuchHost. The name does not exist (or has no addresses)."""

errUnknownPort: Final = notFoundError("unknown port")
"""net.go: errUnknownPort. The service name is not in the services database."""


@dataclass(eq=False, repr=True)
class DNSError(_netError):
    """net.DNSError: a name lookup failed.

    ``Err`` is the description, ``Name`` what was looked up, ``Server`` the
    server asked (empty on the getaddrinfo path, which does not say).
    ``IsTimeout``/``IsTemporary``/``IsNotFound`` classify it; ``UnwrapErr``
    is what ``Unwrap`` returns (a context error, or None).
    """

    _goType = "*net.DNSError"  # what %T prints (std/fmt.py)

    UnwrapErr: error | None = None
    Err: str = ""
    Name: str = ""
    Server: str = ""
    IsTimeout: bool = False
    IsTemporary: bool = False
    IsNotFound: bool = False

    def Unwrap(self) -> error | None:
        """net.DNSError.Unwrap: the underlying error (UnwrapErr), such as context.DeadlineExceeded;
        None if there is none.
        """
        return self.UnwrapErr

    def Error(self) -> str:
        """net.DNSError.Error: "lookup NAME on SERVER: ERR", without " on SERVER" if unset."""
        s = "lookup " + self.Name
        if self.Server:
            s += " on " + self.Server
        s += ": " + self.Err
        return s

    def Timeout(self) -> bool:
        """net.DNSError.Timeout: IsTimeout (not every timeout sets it)."""
        return self.IsTimeout

    def Temporary(self) -> bool:
        """net.DNSError.Temporary: whether the lookup may succeed if retried (IsTimeout or
        IsTemporary).
        """
        return self.IsTimeout or self.IsTemporary


def newDNSError(err: error, name: str, server: str) -> DNSError:
    """net.go: newDNSError. A DNSError describing ``err`` for ``name``.

    Copies Timeout()/Temporary() from err when it is a net.Error, keeps err
    for Unwrap only when it is (or wraps) a context error, and sets
    IsNotFound when err is a notFoundError (errNoSuchHost, errUnknownPort).
    """
    isTimeout = isTemporary = False
    if isinstance(err, Error):
        isTimeout = err.Timeout()
        isTemporary = err.Temporary()
    unwrapErr: error | None = None
    if errors.Is(err, context.DeadlineExceeded) or errors.Is(err, context.Canceled):
        unwrapErr = err
    return DNSError(
        UnwrapErr=unwrapErr,
        Err=err.Error(),
        Name=name,
        Server=server,
        IsTimeout=isTimeout,
        IsTemporary=isTemporary,
        IsNotFound=isinstance(err, notFoundError),
    )


errClosed: Final = ErrNetClosing
"""net.go: errClosed. The very object rt.poll.ErrNetClosing."""

ErrClosed: Final[error] = errClosed
"""net.ErrClosed: "use of closed network connection". Use errors.Is(err, net.ErrClosed)."""

aLongTimeAgo: Final = time.Unix(1, 0)
"""net.go: aLongTimeAgo. A deadline in the past, used to abort a dial at once."""

noDeadline: Final = time.Time()
"""net.go: noDeadline. The zero Time: no deadline."""

noCancel: Final = None
"""net.go: noCancel. Go's nil channel: never closed."""


# ---------------------------------------------------------------------------
# Buffers


class buffersWriter(Protocol):
    """net.go: buffersWriter. A writer with a vectored write (TCP and unix conns)."""

    def writeBuffers(self, v: Buffers) -> tuple[int, error | None]: ...


class _writer(Protocol):
    def Write(self, b: ReadableBuffer) -> tuple[int, error | None]: ...


class Buffers(list[Any]):
    """net.Buffers: byte slices to write, with writev where the connection has it.

    A ``list`` of bytes-like objects (``bytes``, ``bytearray``,
    ``memoryview``; None counts as Go's nil slice). ``WriteTo`` and
    ``Read`` consume it as Go's do: written or read bytes are dropped from
    the front, so afterwards the list holds what is left (a partially
    consumed element becomes a ``memoryview`` of its rest, without
    copying).
    """

    def __init__(self, bufs: Iterable[Any] = ()) -> None:
        super().__init__(bufs)

    def WriteTo(self, w: io.Writer) -> tuple[int, error | None]:
        """net.Buffers.WriteTo: write every buffer to w; returns (n, err).

        If w has ``writeBuffers`` (a TCP or unix conn) one vectored write is
        used; otherwise the buffers are written one by one with ``w.Write``.
        """
        wb = getattr(w, "writeBuffers", None)
        if wb is not None:
            r: tuple[int, error | None] = wb(self)
            return r
        n = 0
        for b in list(self):
            nb, err = w.Write(b if b is not None else b"")
            n += nb
            if err is not None:
                self.consume(n)
                return n, err
        self.consume(n)
        return n, None

    def Read(self, p: WriteableBuffer) -> tuple[int, error | None]:
        """net.Buffers.Read: copy from the buffers into p; io.EOF once they are empty."""
        out = memoryview(p).cast("B")
        n = 0
        while len(out) > 0 and len(self) > 0:
            src = memoryview(self[0] if self[0] is not None else b"").cast("B")
            n0 = min(len(out), len(src))
            out[:n0] = src[:n0]
            self.consume(n0)
            out = out[n0:]
            n += n0
        if len(self) == 0:
            return n, io.EOF
        return n, None

    def consume(self, n: int) -> None:
        """net.go: Buffers.consume. Drop n bytes from the front."""
        while len(self) > 0:
            b = self[0]
            ln0 = 0 if b is None else memoryview(b).nbytes  # None is Go's nil slice
            if ln0 > n:
                self[0] = memoryview(b).cast("B")[n:]
                return
            n -= ln0
            del self[0]


# The reference conn.Read and conn.Write; net/fd_unix.py binds their C twins
# (rt/_runtime.c) in their place when the extension is loaded.
pyTwins: Final[dict[str, Any]] = {"Read": conn.Read, "Write": conn.Write}
