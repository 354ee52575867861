"""syscall (go1.27.0): the signals, error numbers and socket helpers that Go programs name.

Two kinds of values, both ``int`` subclasses because Go compares them with
``==`` and uses them as numbers:

* ``Signal`` (syscall/syscall_unix.go) is Go's ``syscall.Signal``, the Unix
  implementation of ``os.Signal``: ``String()`` (and ``str()``) gives Go's
  description from the table in syscall/zerrors_linux_amd64.go
  (``SIGINT.String() == "interrupt"``, ``"terminated"``, ``"user defined
  signal 1"``), or ``"signal N"`` for a number the table does not name
  (real-time signals, 0); ``Signal()`` is the interface's marker method.
  The ``SIGxxx`` constants are Linux's numbers, as Go's amd64 table lists
  them (aliases such as ``SIGIOT`` = ``SIGABRT`` included). They are what
  ``std.os.signal.Notify`` takes; Python's own ``signal.Signals`` enum is
  not an ``os.Signal``.
* ``Errno`` and the ``Exxx`` constants are re-exported from
  ``rt.sys_linux``, where the runtime defines them (the one FFI module
  must not depend on std); ``syscall.EPIPE is rt.sys_linux.EPIPE``.

* The socket part network programs call by hand (last section): the
  AF_/SOCK_/SOL_/SO_/MSG_/SCM_ constants, ``SetsockoptInt`` and
  ``GetsockoptInt`` (inside a RawConn's Control), ``Socketpair``, and the
  control-message helpers of sockcmsg_unix.go and sockcmsg_linux.go
  (``UnixRights``, ``ParseSocketControlMessage``, ``ParseUnixRights``,
  ``UnixCredentials``, ``ParseUnixCredentials``, ``Ucred``, ``CmsgLen``,
  ``CmsgSpace``), returning ``None`` for Go's nil error.

The rest of package syscall (the system calls themselves) lives in
``rt.sys_linux``, which the runtime and net use directly.
"""

from __future__ import annotations

from typing import Final

from rt import sys_linux as _sys_linux

__all__ = [
    "E2BIG",
    "EACCES",
    "EADDRINUSE",
    "EADDRNOTAVAIL",
    "EADV",
    "EAFNOSUPPORT",
    "EAGAIN",
    "EALREADY",
    "EBADE",
    "EBADF",
    "EBADFD",
    "EBADMSG",
    "EBADR",
    "EBADRQC",
    "EBADSLT",
    "EBFONT",
    "EBUSY",
    "ECANCELED",
    "ECHILD",
    "ECHRNG",
    "ECOMM",
    "ECONNABORTED",
    "ECONNREFUSED",
    "ECONNRESET",
    "EDEADLK",
    "EDEADLOCK",
    "EDESTADDRREQ",
    "EDOM",
    "EDOTDOT",
    "EDQUOT",
    "EEXIST",
    "EFAULT",
    "EFBIG",
    "EHOSTDOWN",
    "EHOSTUNREACH",
    "EIDRM",
    "EILSEQ",
    "EINPROGRESS",
    "EINTR",
    "EINVAL",
    "EIO",
    "EISCONN",
    "EISDIR",
    "EISNAM",
    "EKEYEXPIRED",
    "EKEYREJECTED",
    "EKEYREVOKED",
    "EL2HLT",
    "EL2NSYNC",
    "EL3HLT",
    "EL3RST",
    "ELIBACC",
    "ELIBBAD",
    "ELIBEXEC",
    "ELIBMAX",
    "ELIBSCN",
    "ELNRNG",
    "ELOOP",
    "EMEDIUMTYPE",
    "EMFILE",
    "EMLINK",
    "EMSGSIZE",
    "EMULTIHOP",
    "ENAMETOOLONG",
    "ENAVAIL",
    "ENETDOWN",
    "ENETRESET",
    "ENETUNREACH",
    "ENFILE",
    "ENOANO",
    "ENOBUFS",
    "ENOCSI",
    "ENODATA",
    "ENODEV",
    "ENOENT",
    "ENOEXEC",
    "ENOKEY",
    "ENOLCK",
    "ENOLINK",
    "ENOMEDIUM",
    "ENOMEM",
    "ENOMSG",
    "ENONET",
    "ENOPKG",
    "ENOPROTOOPT",
    "ENOSPC",
    "ENOSR",
    "ENOSTR",
    "ENOSYS",
    "ENOTBLK",
    "ENOTCONN",
    "ENOTDIR",
    "ENOTEMPTY",
    "ENOTNAM",
    "ENOTRECOVERABLE",
    "ENOTSOCK",
    "ENOTSUP",
    "ENOTTY",
    "ENOTUNIQ",
    "ENXIO",
    "EOPNOTSUPP",
    "EOVERFLOW",
    "EOWNERDEAD",
    "EPERM",
    "EPFNOSUPPORT",
    "EPIPE",
    "EPROTO",
    "EPROTONOSUPPORT",
    "EPROTOTYPE",
    "ERANGE",
    "EREMCHG",
    "EREMOTE",
    "EREMOTEIO",
    "ERESTART",
    "ERFKILL",
    "EROFS",
    "ESHUTDOWN",
    "ESOCKTNOSUPPORT",
    "ESPIPE",
    "ESRCH",
    "ESRMNT",
    "ESTALE",
    "ESTRPIPE",
    "ETIME",
    "ETIMEDOUT",
    "ETOOMANYREFS",
    "ETXTBSY",
    "EUCLEAN",
    "EUNATCH",
    "EUSERS",
    "EWOULDBLOCK",
    "EXDEV",
    "EXFULL",
    "Errno",
    "SIGABRT",
    "SIGALRM",
    "SIGBUS",
    "SIGCHLD",
    "SIGCLD",
    "SIGCONT",
    "SIGFPE",
    "SIGHUP",
    "SIGILL",
    "SIGINT",
    "SIGIO",
    "SIGIOT",
    "SIGKILL",
    "SIGPIPE",
    "SIGPOLL",
    "SIGPROF",
    "SIGPWR",
    "SIGQUIT",
    "SIGSEGV",
    "SIGSTKFLT",
    "SIGSTOP",
    "SIGSYS",
    "SIGTERM",
    "SIGTRAP",
    "SIGTSTP",
    "SIGTTIN",
    "SIGTTOU",
    "SIGUNUSED",
    "SIGURG",
    "SIGUSR1",
    "SIGUSR2",
    "SIGVTALRM",
    "SIGWINCH",
    "SIGXCPU",
    "SIGXFSZ",
    "Signal",
]
from rt.sys_linux import (
    E2BIG,
    EACCES,
    EADDRINUSE,
    EADDRNOTAVAIL,
    EADV,
    EAFNOSUPPORT,
    EAGAIN,
    EALREADY,
    EBADE,
    EBADF,
    EBADFD,
    EBADMSG,
    EBADR,
    EBADRQC,
    EBADSLT,
    EBFONT,
    EBUSY,
    ECANCELED,
    ECHILD,
    ECHRNG,
    ECOMM,
    ECONNABORTED,
    ECONNREFUSED,
    ECONNRESET,
    EDEADLK,
    EDEADLOCK,
    EDESTADDRREQ,
    EDOM,
    EDOTDOT,
    EDQUOT,
    EEXIST,
    EFAULT,
    EFBIG,
    EHOSTDOWN,
    EHOSTUNREACH,
    EIDRM,
    EILSEQ,
    EINPROGRESS,
    EINTR,
    EINVAL,
    EIO,
    EISCONN,
    EISDIR,
    EISNAM,
    EKEYEXPIRED,
    EKEYREJECTED,
    EKEYREVOKED,
    EL2HLT,
    EL2NSYNC,
    EL3HLT,
    EL3RST,
    ELIBACC,
    ELIBBAD,
    ELIBEXEC,
    ELIBMAX,
    ELIBSCN,
    ELNRNG,
    ELOOP,
    EMEDIUMTYPE,
    EMFILE,
    EMLINK,
    EMSGSIZE,
    EMULTIHOP,
    ENAMETOOLONG,
    ENAVAIL,
    ENETDOWN,
    ENETRESET,
    ENETUNREACH,
    ENFILE,
    ENOANO,
    ENOBUFS,
    ENOCSI,
    ENODATA,
    ENODEV,
    ENOENT,
    ENOEXEC,
    ENOKEY,
    ENOLCK,
    ENOLINK,
    ENOMEDIUM,
    ENOMEM,
    ENOMSG,
    ENONET,
    ENOPKG,
    ENOPROTOOPT,
    ENOSPC,
    ENOSR,
    ENOSTR,
    ENOSYS,
    ENOTBLK,
    ENOTCONN,
    ENOTDIR,
    ENOTEMPTY,
    ENOTNAM,
    ENOTRECOVERABLE,
    ENOTSOCK,
    ENOTSUP,
    ENOTTY,
    ENOTUNIQ,
    ENXIO,
    EOPNOTSUPP,
    EOVERFLOW,
    EOWNERDEAD,
    EPERM,
    EPFNOSUPPORT,
    EPIPE,
    EPROTO,
    EPROTONOSUPPORT,
    EPROTOTYPE,
    ERANGE,
    EREMCHG,
    EREMOTE,
    EREMOTEIO,
    ERESTART,
    ERFKILL,
    EROFS,
    ESHUTDOWN,
    ESOCKTNOSUPPORT,
    ESPIPE,
    ESRCH,
    ESRMNT,
    ESTALE,
    ESTRPIPE,
    ETIME,
    ETIMEDOUT,
    ETOOMANYREFS,
    ETXTBSY,
    EUCLEAN,
    EUNATCH,
    EUSERS,
    EWOULDBLOCK,
    EXDEV,
    EXFULL,
    Errno,
)

if _sys_linux.GOARCH == "arm64":
    from rt.sys_linux import EHWPOISON

    __all__ += ["EHWPOISON"]


class Signal(int):
    """syscall.Signal: a number describing a process signal; implements os.Signal.

    ``String()`` is Go's description ("interrupt", "terminated"), ``str()``
    and ``f"{s}"`` the same text; ``int(s)`` and ``f"{s:d}"`` the number.
    Comparisons and hashing are the number's, so ``Signal(2) == SIGINT``.
    """

    __slots__ = ()

    def Signal(self) -> None:
        """syscall.Signal.Signal: the method that marks os.Signal values."""

    def String(self) -> str:
        """syscall.Signal.String: the signal's description, or "signal N"."""
        n = int(self)
        if 0 <= n < len(signals):
            s = signals[n]
            if s:
                return s
        return "signal " + str(n)

    __str__ = String

    def __repr__(self) -> str:
        n = int(self)
        name = _signalNames.get(n)
        label = f"{name} ({n})" if name else str(n)
        return f"<Signal {label}: {self.String()}>"


# syscall/zerrors_linux_amd64.go: the Signals block (the same numbers on arm64).
SIGABRT: Final = Signal(0x6)
SIGALRM: Final = Signal(0xE)
SIGBUS: Final = Signal(0x7)
SIGCHLD: Final = Signal(0x11)
SIGCLD: Final = Signal(0x11)
SIGCONT: Final = Signal(0x12)
SIGFPE: Final = Signal(0x8)
SIGHUP: Final = Signal(0x1)
SIGILL: Final = Signal(0x4)
SIGINT: Final = Signal(0x2)
SIGIO: Final = Signal(0x1D)
SIGIOT: Final = Signal(0x6)
SIGKILL: Final = Signal(0x9)
SIGPIPE: Final = Signal(0xD)
SIGPOLL: Final = Signal(0x1D)
SIGPROF: Final = Signal(0x1B)
SIGPWR: Final = Signal(0x1E)
SIGQUIT: Final = Signal(0x3)
SIGSEGV: Final = Signal(0xB)
SIGSTKFLT: Final = Signal(0x10)
SIGSTOP: Final = Signal(0x13)
SIGSYS: Final = Signal(0x1F)
SIGTERM: Final = Signal(0xF)
SIGTRAP: Final = Signal(0x5)
SIGTSTP: Final = Signal(0x14)
SIGTTIN: Final = Signal(0x15)
SIGTTOU: Final = Signal(0x16)
SIGUNUSED: Final = Signal(0x1F)
SIGURG: Final = Signal(0x17)
SIGUSR1: Final = Signal(0xA)
SIGUSR2: Final = Signal(0xC)
SIGVTALRM: Final = Signal(0x1A)
SIGWINCH: Final = Signal(0x1C)
SIGXCPU: Final = Signal(0x18)
SIGXFSZ: Final = Signal(0x19)

# syscall/zerrors_linux_amd64.go: the signal table that Signal.String reads.
signals: Final[tuple[str, ...]] = (
    "",
    "hangup",
    "interrupt",
    "quit",
    "illegal instruction",
    "trace/breakpoint trap",
    "aborted",
    "bus error",
    "floating point exception",
    "killed",
    "user defined signal 1",
    "segmentation fault",
    "user defined signal 2",
    "broken pipe",
    "alarm clock",
    "terminated",
    "stack fault",
    "child exited",
    "continued",
    "stopped (signal)",
    "stopped",
    "stopped (tty input)",
    "stopped (tty output)",
    "urgent I/O condition",
    "CPU time limit exceeded",
    "file size limit exceeded",
    "virtual timer expired",
    "profiling timer expired",
    "window changed",
    "I/O possible",
    "power failure",
    "bad system call",
)

# Number -> constant name, for repr; where two names share a number the
# first in Go's (alphabetical) list wins: SIGABRT, SIGCHLD, SIGIO, SIGSYS.
_signalNames: Final[dict[int, str]] = {}
for _name, _value in list(globals().items()):
    if _name.startswith("SIG") and isinstance(_value, Signal):
        _signalNames.setdefault(int(_value), _name)
del _name, _value


# ---------------------------------------------------------------------------
# Sockets: the part of package syscall that network programs call by hand,
# mostly inside a RawConn's Control/Read/Write callback (SetsockoptInt on
# the descriptor) and around UnixConn.ReadMsgUnix/WriteMsgUnix (control
# messages: syscall/sockcmsg_unix.go, sockcmsg_linux.go). The work is done
# by rt.sys_linux; these wrappers give Go's results, with ``None`` for a nil
# error where rt.sys_linux reports Errno(0).

from rt.sys_linux import (  # noqa: E402
    AF_INET,
    AF_INET6,
    AF_UNIX,
    AF_UNSPEC,
    IPPROTO_IP,
    IPPROTO_IPV6,
    IPPROTO_TCP,
    IPPROTO_UDP,
    MSG_CMSG_CLOEXEC,
    MSG_CTRUNC,
    MSG_DONTWAIT,
    MSG_OOB,
    MSG_PEEK,
    MSG_TRUNC,
    MSG_WAITALL,
    SCM_CREDENTIALS,
    SCM_RIGHTS,
    SO_BROADCAST,
    SO_ERROR,
    SO_KEEPALIVE,
    SO_LINGER,
    SO_PASSCRED,
    SO_PEERCRED,
    SO_RCVBUF,
    SO_REUSEADDR,
    SO_SNDBUF,
    SO_TYPE,
    SOCK_DGRAM,
    SOCK_RAW,
    SOCK_SEQPACKET,
    SOCK_STREAM,
    SOL_SOCKET,
    TCP_NODELAY,
    Cmsghdr,
    CmsgLen,
    CmsgSpace,
    SizeofUcred,
    SockaddrInet4,
    SockaddrInet6,
    SocketControlMessage,
    Ucred,
    UnixCredentials,
    UnixRights,
)

__all__ += [
    "AF_INET",
    "AF_INET6",
    "AF_UNIX",
    "AF_UNSPEC",
    "CmsgLen",
    "CmsgSpace",
    "Cmsghdr",
    "GetsockoptInt",
    "IPPROTO_IP",
    "IPPROTO_IPV6",
    "IPPROTO_TCP",
    "IPPROTO_UDP",
    "MSG_CMSG_CLOEXEC",
    "MSG_CTRUNC",
    "MSG_DONTWAIT",
    "MSG_OOB",
    "MSG_PEEK",
    "MSG_TRUNC",
    "MSG_WAITALL",
    "ParseSocketControlMessage",
    "ParseUnixCredentials",
    "ParseUnixRights",
    "SCM_CREDENTIALS",
    "SCM_RIGHTS",
    "SOCK_DGRAM",
    "SOCK_RAW",
    "SOCK_SEQPACKET",
    "SOCK_STREAM",
    "SOL_SOCKET",
    "SO_BROADCAST",
    "SO_ERROR",
    "SO_KEEPALIVE",
    "SO_LINGER",
    "SO_PASSCRED",
    "SO_PEERCRED",
    "SO_RCVBUF",
    "SO_REUSEADDR",
    "SO_SNDBUF",
    "SO_TYPE",
    "SetsockoptInt",
    "SizeofUcred",
    "Socketpair",
    "SockaddrInet4",
    "SockaddrInet6",
    "SocketControlMessage",
    "TCP_NODELAY",
    "Ucred",
    "UnixCredentials",
    "UnixRights",
]


def _nilErr(errno: Errno) -> Errno | None:
    return errno if errno else None


def ParseSocketControlMessage(b: bytes) -> tuple[list[SocketControlMessage], Errno | None]:
    """syscall.ParseSocketControlMessage: split control data into messages; EINVAL if malformed."""
    msgs, errno = _sys_linux.ParseSocketControlMessage(b)
    return msgs, _nilErr(errno)


def ParseUnixRights(m: SocketControlMessage) -> tuple[list[int], Errno | None]:
    """syscall.ParseUnixRights: the descriptors of an SCM_RIGHTS message (yours to close)."""
    fds, errno = _sys_linux.ParseUnixRights(m)
    return fds, _nilErr(errno)


def ParseUnixCredentials(m: SocketControlMessage) -> tuple[Ucred | None, Errno | None]:
    """syscall.ParseUnixCredentials: the Ucred of an SCM_CREDENTIALS message."""
    ucred, errno = _sys_linux.ParseUnixCredentials(m)
    return ucred, _nilErr(errno)


def SetsockoptInt(fd: int, level: int, opt: int, value: int) -> Errno | None:
    """syscall.SetsockoptInt: setsockopt(2) with an int value."""
    return _nilErr(_sys_linux.setsockopt_int(fd, level, opt, value))


def GetsockoptInt(fd: int, level: int, opt: int) -> tuple[int, Errno | None]:
    """syscall.GetsockoptInt: getsockopt(2) of an int value."""
    v, errno = _sys_linux.getsockopt_int(fd, level, opt)
    return v, _nilErr(errno)


def Socketpair(domain: int, typ: int, proto: int) -> tuple[list[int], Errno | None]:
    """syscall.Socketpair: two connected sockets, ``([fd0, fd1], err)``; both are yours to close."""
    fds, errno = _sys_linux.socketpair(domain, typ, proto)
    return list(fds), _nilErr(errno)
