"""internal/runtime/syscall/linux + syscall (go1.27.0)

The one module of the port that talks to the C library.  Go reaches the
kernel through two packages: the runtime's own tiny ``internal/runtime/syscall/
linux`` (epoll, eventfd, raw read/close, the ``EpollEvent`` layout) and the
public ``syscall`` package (sockets, ``Errno`` and its message table, the
``Raw*`` struct layouts).  Both are merged here, for amd64 and arm64, together
with the few libc-only calls Go makes through cgo (getaddrinfo and friends).
Nothing else in the project imports ctypes.

How a call is made
------------------
libc is opened once, as ``ctypes.CDLL(None, use_errno=True)``: the process's
own symbol table, with ctypes keeping a private per-thread copy of ``errno``
that it saves right after every foreign call.  Each C function is bound once,
at import, with its ``restype`` (and, off the hot path, its ``argtypes``), and
ctypes releases the GIL for the duration of the call, so a blocking call such
as ``epoll_pwait`` or ``getaddrinfo`` only blocks its own thread.

Every wrapper mirrors the shape of Go's raw syscall: the result first, the
error number last, and never an exception for a condition the kernel reports.

* A call with a result returns ``(result, errno)`` (or a flat tuple with
  several results first, exactly where Go returns several values, e.g.
  ``nfd, rsa, errno = accept4(...)``).  On failure the integer result is -1
  (Go's raw functions leave r1 = -1 as well) and other results are empty.
* A call whose Go original returns only an error (``linux.EpollCtl``,
  ``syscall.Bind``, ``Close``, ``Shutdown``, ``Sendto``, the setsockopt
  family, ...) returns the ``Errno`` alone.
* ``errno`` is always an :class:`Errno`; success is ``Errno(0)``, which is
  falsy, so ``if errno:`` is the test.  It is read with ``ctypes.get_errno()``
  immediately after the call that failed, before any other foreign call on
  the same thread could overwrite it.  Errno values are cached instances, so
  ``errno is EAGAIN`` holds, as ``err == syscall.EAGAIN`` does in Go.
* Sockaddrs cross this boundary as raw bytes, exactly the bytes the kernel
  reads or writes (``struct sockaddr_in`` and so on).  :func:`sockaddr_inet4`,
  :func:`sockaddr_inet6`, :func:`sockaddr_unix` build them (Go's
  ``(*SockaddrInet4).sockaddr`` methods, with Go's validation) and
  :func:`anyToSockaddr` parses them into a :class:`SockaddrTuple`, from which
  ``net/`` builds its addresses. The UDP path uses Go's mutable
  :class:`SockaddrInet4`/:class:`SockaddrInet6` instead, filled in place by
  the ``*Inet4``/``*Inet6`` calls (Go's internal/syscall/unix).

The architecture is taken from ``platform.machine()``: ``x86_64`` is Go's
amd64 and ``aarch64`` its arm64.  Only two things differ between them for
this module: ``struct epoll_event`` is packed (12 bytes) on x86_64 and
naturally aligned (16 bytes) on aarch64, and arm64's Go error table also names
errno 133.  Struct sizes are checked at import; a mismatch refuses to import.

Buffers
-------
A buffer to fill (``read``, ``recvfrom``, ...) must be writable and
C-contiguous: ``bytearray``, a writable ``memoryview``, ``array.array``,
``mmap``.  The kernel writes straight into it; nothing is copied.  A buffer to
send may be any bytes-like object.  ``bytes`` is handed to C as is (ctypes
passes a pointer to its storage), writable buffers are exported in place, and
read-only views (a ``memoryview`` slice of ``bytes``, which is what a partial
write produces) are pinned with the buffer protocol and passed in place when
large; below ``_PIN_MIN`` bytes one small copy is cheaper than pinning.

The C half
----------
``rt/_sys_linux.c`` holds C twins of the calls an echo round trip makes
(``read``, ``write``, ``epoll_pwait``, ``epoll_events_unpack``, and for
datagrams ``recvfrom``, ``sendto``, ``recvfromInet4``/``6`` and
``sendtoInet4``/``6``): the same
names, arguments, results and errors, bound over the Python functions at the
end of this module when the extension was built (it is optional in setup.py:
without a compiler the Python functions run). It is this port's counterpart
of Go's per-architecture syscall assembly: no logic, only the trap and the
``(result, errno)`` shape, so EAGAIN is a value rather than a raised and
caught BlockingIOError. ``accelerated`` tells which is bound; ``py_read`` and
friends are the Python twins; GONET_PUREPY=1 in the environment selects them.
The tests run both.

Discussion: the data-path functions (read, write, readv, writev, recvfrom,
sendto, recvmsg, sendmsg, accept4, epoll_pwait) are bound *without*
``argtypes``.  ctypes' per-argument conversion costs about 0.1 us per argument,
which is 40% of a small read.  It is safe because these wrappers pass only
small ints (fds, flags, lengths capped at ``_MAX_RW``), ``None`` (NULL),
``bytes`` and ctypes pointers (``byref``, arrays), which ctypes converts
without a prototype; lengths are capped at the kernel's own per-call maximum
(``MAX_RW_COUNT``, 0x7ffff000) so a length always fits a C ``int`` and no
caller can observe the cap.  Everything else keeps full prototypes.
"""

from __future__ import annotations

import ctypes
import os
import platform
import struct
import sys
from collections.abc import Sequence
from ctypes import (
    POINTER,
    Structure,
    byref,
    c_byte,
    c_char,
    c_char_p,
    c_int,
    c_int32,
    c_int64,
    c_size_t,
    c_ssize_t,
    c_ubyte,
    c_uint,
    c_uint16,
    c_uint32,
    c_uint64,
    c_void_p,
    get_errno,
    py_object,
    sizeof,
)
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

# The exported surface; EHWPOISON exists (and is exported) on arm64 only.
__all__: list[str] = [
    "GOARCH",
    "EPOLLIN",
    "EPOLLPRI",
    "EPOLLOUT",
    "EPOLLERR",
    "EPOLLHUP",
    "EPOLLRDNORM",
    "EPOLLRDBAND",
    "EPOLLWRNORM",
    "EPOLLWRBAND",
    "EPOLLMSG",
    "EPOLLRDHUP",
    "EPOLLONESHOT",
    "EPOLLET",
    "EPOLL_CLOEXEC",
    "EPOLL_CTL_ADD",
    "EPOLL_CTL_DEL",
    "EPOLL_CTL_MOD",
    "EFD_CLOEXEC",
    "EFD_NONBLOCK",
    "EFD_SEMAPHORE",
    "AT_FDCWD",
    "O_RDONLY",
    "O_WRONLY",
    "O_RDWR",
    "O_NONBLOCK",
    "O_CLOEXEC",
    "O_LARGEFILE",
    "F_DUPFD",
    "F_GETFD",
    "F_SETFD",
    "F_GETFL",
    "F_SETFL",
    "F_DUPFD_CLOEXEC",
    "F_SETPIPE_SZ",
    "F_GETPIPE_SZ",
    "FD_CLOEXEC",
    "AF_UNSPEC",
    "AF_UNIX",
    "AF_LOCAL",
    "AF_INET",
    "AF_INET6",
    "SOCK_STREAM",
    "SOCK_DGRAM",
    "SOCK_RAW",
    "SOCK_SEQPACKET",
    "SOCK_NONBLOCK",
    "SOCK_CLOEXEC",
    "SOMAXCONN",
    "SHUT_RD",
    "SHUT_WR",
    "SHUT_RDWR",
    "SOL_SOCKET",
    "SO_DEBUG",
    "SO_REUSEADDR",
    "SO_TYPE",
    "SO_ERROR",
    "SO_DONTROUTE",
    "SO_BROADCAST",
    "SO_SNDBUF",
    "SO_RCVBUF",
    "SO_KEEPALIVE",
    "SO_OOBINLINE",
    "SO_LINGER",
    "SO_REUSEPORT",
    "SO_RCVLOWAT",
    "SO_SNDLOWAT",
    "SO_RCVTIMEO",
    "SO_SNDTIMEO",
    "SO_BINDTODEVICE",
    "SO_ACCEPTCONN",
    "SO_SNDBUFFORCE",
    "SO_RCVBUFFORCE",
    "SO_PROTOCOL",
    "SO_DOMAIN",
    "SO_PASSCRED",
    "SO_PEERCRED",
    "SCM_RIGHTS",
    "SCM_CREDENTIALS",
    "IPPROTO_IP",
    "IPPROTO_ICMP",
    "IPPROTO_TCP",
    "IPPROTO_UDP",
    "IPPROTO_IPV6",
    "IPPROTO_ICMPV6",
    "IPPROTO_RAW",
    "IPPROTO_MPTCP",
    "SOL_MPTCP",
    "IP_TOS",
    "IP_TTL",
    "IP_MULTICAST_IF",
    "IP_MULTICAST_TTL",
    "IP_MULTICAST_LOOP",
    "IP_ADD_MEMBERSHIP",
    "IP_DROP_MEMBERSHIP",
    "IPV6_UNICAST_HOPS",
    "IPV6_MULTICAST_IF",
    "IPV6_MULTICAST_HOPS",
    "IPV6_MULTICAST_LOOP",
    "IPV6_JOIN_GROUP",
    "IPV6_LEAVE_GROUP",
    "IPV6_V6ONLY",
    "IPV6_TCLASS",
    "TCP_NODELAY",
    "TCP_MAXSEG",
    "TCP_CORK",
    "TCP_KEEPIDLE",
    "TCP_KEEPINTVL",
    "TCP_KEEPCNT",
    "TCP_SYNCNT",
    "TCP_LINGER2",
    "TCP_DEFER_ACCEPT",
    "TCP_WINDOW_CLAMP",
    "TCP_INFO",
    "TCP_QUICKACK",
    "TCP_CONGESTION",
    "TCP_USER_TIMEOUT",
    "TCP_FASTOPEN",
    "MSG_OOB",
    "MSG_PEEK",
    "MSG_DONTROUTE",
    "MSG_CTRUNC",
    "MSG_TRUNC",
    "MSG_DONTWAIT",
    "MSG_EOR",
    "MSG_WAITALL",
    "MSG_ERRQUEUE",
    "MSG_NOSIGNAL",
    "MSG_MORE",
    "MSG_WAITFORONE",
    "MSG_FASTOPEN",
    "MSG_CMSG_CLOEXEC",
    "SPLICE_F_MOVE",
    "SPLICE_F_NONBLOCK",
    "SPLICE_F_MORE",
    "SPLICE_F_GIFT",
    "RLIMIT_CPU",
    "RLIMIT_FSIZE",
    "RLIMIT_DATA",
    "RLIMIT_STACK",
    "RLIMIT_CORE",
    "RLIMIT_NOFILE",
    "RLIMIT_AS",
    "RLIM_INFINITY",
    "IOV_MAX",
    "AI_PASSIVE",
    "AI_CANONNAME",
    "AI_NUMERICHOST",
    "AI_V4MAPPED",
    "AI_ALL",
    "AI_ADDRCONFIG",
    "AI_NUMERICSERV",
    "NI_NUMERICHOST",
    "NI_NUMERICSERV",
    "NI_NOFQDN",
    "NI_NAMEREQD",
    "NI_DGRAM",
    "NI_MAXHOST",
    "NI_MAXSERV",
    "EAI_BADFLAGS",
    "EAI_NONAME",
    "EAI_AGAIN",
    "EAI_FAIL",
    "EAI_NODATA",
    "EAI_FAMILY",
    "EAI_SOCKTYPE",
    "EAI_SERVICE",
    "EAI_ADDRFAMILY",
    "EAI_MEMORY",
    "EAI_SYSTEM",
    "EAI_OVERFLOW",
    "PR_SET_VMA",
    "PR_SET_VMA_ANON_NAME",
    "SYS_READ",
    "SYS_CLOSE",
    "SYS_MPROTECT",
    "SYS_PREAD64",
    "SYS_UNAME",
    "SYS_FCNTL",
    "SYS_PRCTL",
    "SYS_OPENAT",
    "SYS_EPOLL_CTL",
    "SYS_EPOLL_PWAIT",
    "SYS_EVENTFD2",
    "SYS_EPOLL_CREATE1",
    "SYS_EPOLL_PWAIT2",
    "AF_NETLINK",
    "NETLINK_ROUTE",
    "NLM_F_REQUEST",
    "NLM_F_MULTI",
    "NLM_F_ROOT",
    "NLM_F_MATCH",
    "NLM_F_DUMP",
    "NLMSG_ALIGNTO",
    "NLMSG_HDRLEN",
    "NLMSG_NOOP",
    "NLMSG_ERROR",
    "NLMSG_DONE",
    "RTA_ALIGNTO",
    "RTM_NEWLINK",
    "RTM_DELLINK",
    "RTM_GETLINK",
    "RTM_NEWADDR",
    "RTM_DELADDR",
    "RTM_GETADDR",
    "RTM_NEWROUTE",
    "RTM_DELROUTE",
    "RTM_GETROUTE",
    "IFLA_UNSPEC",
    "IFLA_ADDRESS",
    "IFLA_BROADCAST",
    "IFLA_IFNAME",
    "IFLA_MTU",
    "IFLA_LINK",
    "IFA_UNSPEC",
    "IFA_ADDRESS",
    "IFA_LOCAL",
    "IFA_LABEL",
    "IFA_BROADCAST",
    "IFA_ANYCAST",
    "IFA_CACHEINFO",
    "IFA_MULTICAST",
    "IFF_UP",
    "IFF_BROADCAST",
    "IFF_LOOPBACK",
    "IFF_POINTOPOINT",
    "IFF_RUNNING",
    "IFF_MULTICAST",
    "oserror",
    "Errno",
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
    "EpollEvent",
    "RawSockaddrInet4",
    "RawSockaddrInet6",
    "RawSockaddrUnix",
    "RawSockaddr",
    "RawSockaddrAny",
    "SockaddrStorage",
    "Linger",
    "Iovec",
    "Msghdr",
    "Cmsghdr",
    "IPMreq",
    "IPMreqn",
    "IPv6Mreq",
    "Timespec",
    "Rlimit",
    "Utsname",
    "Addrinfo",
    "SizeofSockaddrInet4",
    "SizeofSockaddrInet6",
    "SizeofSockaddrAny",
    "SizeofSockaddrUnix",
    "SizeofLinger",
    "SizeofIPMreq",
    "SizeofIPMreqn",
    "SizeofIPv6Mreq",
    "SizeofMsghdr",
    "SizeofCmsghdr",
    "SizeofIovec",
    "SizeofEpollEvent",
    "RawSockaddrNetlink",
    "NlMsghdr",
    "RtGenmsg",
    "RtAttr",
    "IfInfomsg",
    "IfAddrmsg",
    "SizeofSockaddrNetlink",
    "SizeofNlMsghdr",
    "SizeofRtGenmsg",
    "SizeofRtAttr",
    "SizeofIfInfomsg",
    "SizeofIfAddrmsg",
    "SizeofRtMsg",
    "SockaddrTuple",
    "SockaddrInet4",
    "SockaddrInet6",
    "sockaddr_inet4",
    "sockaddr_inet6",
    "sockaddr_unix",
    "sockaddr_encode",
    "anyToSockaddr",
    "epoll_create1",
    "epoll_ctl",
    "new_epoll_events",
    "epoll_pwait",
    "epoll_events_unpack",
    "eventfd",
    "read",
    "write",
    "pread",
    "pwrite",
    "open",
    "lseek",
    "fsync",
    "fchmod",
    "fstat",
    "readv",
    "writev",
    "close",
    "pipe2",
    "fcntl",
    "socket",
    "socketpair",
    "bind",
    "connect",
    "listen",
    "accept4",
    "shutdown",
    "getsockname",
    "getpeername",
    "getsockopt_int",
    "getsockopt_bytes",
    "getsockopt_inet4addr",
    "setsockopt_bytes",
    "setsockopt_int",
    "setsockopt_byte",
    "setsockopt_linger",
    "setsockopt_inet4addr",
    "setsockopt_ipmreq",
    "setsockopt_ipmreqn",
    "setsockopt_ipv6mreq",
    "recvfrom",
    "sendto",
    "recvmsg",
    "sendmsg",
    "recvfromInet4",
    "recvfromInet6",
    "sendtoInet4",
    "sendtoInet6",
    "recvmsgInet4",
    "recvmsgInet6",
    "sendmsgNInet4",
    "sendmsgNInet6",
    "CmsgLen",
    "CmsgSpace",
    "SocketControlMessage",
    "ParseSocketControlMessage",
    "UnixRights",
    "ParseUnixRights",
    "Ucred",
    "SizeofUcred",
    "UnixCredentials",
    "ParseUnixCredentials",
    "splice",
    "sendfile",
    "getrlimit",
    "setrlimit",
    "uname",
    "AddrinfoPtr",
    "AddrinfoTuple",
    "getaddrinfo_raw",
    "freeaddrinfo",
    "gai_strerror",
    "getaddrinfo",
    "getnameinfo",
    "NetlinkRIB",
    "NetlinkMessage",
    "ParseNetlinkMessage",
    "NetlinkRouteAttr",
    "ParseNetlinkRouteAttr",
]

# ---------------------------------------------------------------------------
# Architecture
# ---------------------------------------------------------------------------

_MACHINES: Final = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}

if not sys.platform.startswith("linux"):  # pragma: no cover - import guard
    raise ImportError(f"rt.sys_linux: Linux only, not {sys.platform!r}")

_goarch = _MACHINES.get(platform.machine().lower())
if _goarch is None:  # pragma: no cover - import guard
    raise ImportError(
        f"rt.sys_linux: unsupported machine {platform.machine()!r} (need x86_64 or aarch64)"
    )

GOARCH: Final[str] = _goarch
"""Go's name for the running architecture: "amd64" or "arm64"."""

# ---------------------------------------------------------------------------
# Constants.  Values are the same on amd64 and arm64 unless noted; the names
# come from Go's internal/runtime/syscall/linux/defs_linux*.go and
# syscall/zerrors_linux_{amd64,arm64}.go, plus the libc-only names (AI_*,
# NI_*, EAI_*, SPLICE_F_*, IOV_MAX) that Go reaches through cgo or defines
# privately.
# ---------------------------------------------------------------------------

# epoll / eventfd (linux package; D.1)
EPOLLIN: Final = 0x1
EPOLLPRI: Final = 0x2
EPOLLOUT: Final = 0x4
EPOLLERR: Final = 0x8
EPOLLHUP: Final = 0x10
EPOLLRDNORM: Final = 0x40
EPOLLRDBAND: Final = 0x80
EPOLLWRNORM: Final = 0x100
EPOLLWRBAND: Final = 0x200
EPOLLMSG: Final = 0x400
EPOLLRDHUP: Final = 0x2000
EPOLLONESHOT: Final = 0x40000000
# The syscall package spells this -0x80000000 on amd64 (a signed constant);
# the kernel field is a uint32, so the unsigned value is the right one here.
EPOLLET: Final = 0x80000000
EPOLL_CLOEXEC: Final = 0x80000
EPOLL_CTL_ADD: Final = 0x1
EPOLL_CTL_DEL: Final = 0x2
EPOLL_CTL_MOD: Final = 0x3
EFD_CLOEXEC: Final = 0x80000
EFD_NONBLOCK: Final = 0x800
EFD_SEMAPHORE: Final = 0x1

# Files and descriptors
AT_FDCWD: Final = -0x64
O_RDONLY: Final = 0x0
O_WRONLY: Final = 0x1
O_RDWR: Final = 0x2
O_NONBLOCK: Final = 0x800
O_CLOEXEC: Final = 0x80000
O_LARGEFILE: Final = 0x0
F_DUPFD: Final = 0x0
F_GETFD: Final = 0x1
F_SETFD: Final = 0x2
F_GETFL: Final = 0x3
F_SETFL: Final = 0x4
F_DUPFD_CLOEXEC: Final = 0x406
F_SETPIPE_SZ: Final = 0x407
F_GETPIPE_SZ: Final = 0x408
FD_CLOEXEC: Final = 0x1

# Address families and socket types (D.2)
AF_UNSPEC: Final = 0x0
AF_UNIX: Final = 0x1
AF_LOCAL: Final = 0x1
AF_INET: Final = 0x2
AF_INET6: Final = 0xA
SOCK_STREAM: Final = 0x1
SOCK_DGRAM: Final = 0x2
SOCK_RAW: Final = 0x3
SOCK_SEQPACKET: Final = 0x5
SOCK_NONBLOCK: Final = 0x800
SOCK_CLOEXEC: Final = 0x80000
SOMAXCONN: Final = 0x80  # Go's table value; net reads the live one from /proc
SHUT_RD: Final = 0x0
SHUT_WR: Final = 0x1
SHUT_RDWR: Final = 0x2

# Socket-level options
SOL_SOCKET: Final = 0x1
SO_DEBUG: Final = 0x1
SO_REUSEADDR: Final = 0x2
SO_TYPE: Final = 0x3
SO_ERROR: Final = 0x4
SO_DONTROUTE: Final = 0x5
SO_BROADCAST: Final = 0x6
SO_SNDBUF: Final = 0x7
SO_RCVBUF: Final = 0x8
SO_KEEPALIVE: Final = 0x9
SO_OOBINLINE: Final = 0xA
SO_LINGER: Final = 0xD
SO_REUSEPORT: Final = 0xF  # in Go's arm64 table only; the same value on x86_64
SO_RCVLOWAT: Final = 0x12
SO_SNDLOWAT: Final = 0x13
SO_RCVTIMEO: Final = 0x14
SO_SNDTIMEO: Final = 0x15
SO_BINDTODEVICE: Final = 0x19
SO_ACCEPTCONN: Final = 0x1E
SO_SNDBUFFORCE: Final = 0x20
SO_RCVBUFFORCE: Final = 0x21
SO_PROTOCOL: Final = 0x26
SO_DOMAIN: Final = 0x27
SO_PASSCRED: Final = 0x10
SO_PEERCRED: Final = 0x11
SCM_RIGHTS: Final = 0x1
SCM_CREDENTIALS: Final = 0x2

# Protocols
IPPROTO_IP: Final = 0x0
IPPROTO_ICMP: Final = 0x1
IPPROTO_TCP: Final = 0x6
IPPROTO_UDP: Final = 0x11
IPPROTO_IPV6: Final = 0x29
IPPROTO_ICMPV6: Final = 0x3A
IPPROTO_RAW: Final = 0xFF
IPPROTO_MPTCP: Final = 0x106  # net's _IPPROTO_MPTCP
SOL_MPTCP: Final = 0x11C

# IPv4 options
IP_TOS: Final = 0x1
IP_TTL: Final = 0x2
IP_MULTICAST_IF: Final = 0x20
IP_MULTICAST_TTL: Final = 0x21
IP_MULTICAST_LOOP: Final = 0x22
IP_ADD_MEMBERSHIP: Final = 0x23
IP_DROP_MEMBERSHIP: Final = 0x24

# IPv6 options
IPV6_UNICAST_HOPS: Final = 0x10
IPV6_MULTICAST_IF: Final = 0x11
IPV6_MULTICAST_HOPS: Final = 0x12
IPV6_MULTICAST_LOOP: Final = 0x13
IPV6_JOIN_GROUP: Final = 0x14
IPV6_LEAVE_GROUP: Final = 0x15
IPV6_V6ONLY: Final = 0x1A
IPV6_TCLASS: Final = 0x43

# TCP options
TCP_NODELAY: Final = 0x1
TCP_MAXSEG: Final = 0x2
TCP_CORK: Final = 0x3
TCP_KEEPIDLE: Final = 0x4
TCP_KEEPINTVL: Final = 0x5
TCP_KEEPCNT: Final = 0x6
TCP_SYNCNT: Final = 0x7
TCP_LINGER2: Final = 0x8
TCP_DEFER_ACCEPT: Final = 0x9
TCP_WINDOW_CLAMP: Final = 0xA
TCP_INFO: Final = 0xB
TCP_QUICKACK: Final = 0xC
TCP_CONGESTION: Final = 0xD
TCP_USER_TIMEOUT: Final = 0x12  # in Go's arm64 table only; the same value on x86_64
TCP_FASTOPEN: Final = 0x17  # likewise

# send/recv flags
MSG_OOB: Final = 0x1
MSG_PEEK: Final = 0x2
MSG_DONTROUTE: Final = 0x4
MSG_CTRUNC: Final = 0x8
MSG_TRUNC: Final = 0x20
MSG_DONTWAIT: Final = 0x40
MSG_EOR: Final = 0x80
MSG_WAITALL: Final = 0x100
MSG_ERRQUEUE: Final = 0x2000
MSG_NOSIGNAL: Final = 0x4000  # Go never passes it (SIGPIPE is ignored instead)
MSG_MORE: Final = 0x8000
MSG_WAITFORONE: Final = 0x10000
MSG_FASTOPEN: Final = 0x20000000
MSG_CMSG_CLOEXEC: Final = 0x40000000

# splice(2) flags (<fcntl.h>; internal/poll calls SPLICE_F_NONBLOCK spliceNonblock)
SPLICE_F_MOVE: Final = 0x1
SPLICE_F_NONBLOCK: Final = 0x2
SPLICE_F_MORE: Final = 0x4
SPLICE_F_GIFT: Final = 0x8

# Resource limits.  Go writes RLIM_INFINITY as -0x1; rlim_t is unsigned, and
# Rlimit's fields read back unsigned, so the unsigned spelling is used.
RLIMIT_CPU: Final = 0x0
RLIMIT_FSIZE: Final = 0x1
RLIMIT_DATA: Final = 0x2
RLIMIT_STACK: Final = 0x3
RLIMIT_CORE: Final = 0x4
RLIMIT_NOFILE: Final = 0x7
RLIMIT_AS: Final = 0x9
RLIM_INFINITY: Final = 0xFFFFFFFFFFFFFFFF

# writev(2) accepts at most this many iovecs (UIO_MAXIOV); internal/poll's
# maxVec has the same value.
IOV_MAX: Final = 1024

# getaddrinfo / getnameinfo (<netdb.h>, glibc values; Go's cgo resolver)
AI_PASSIVE: Final = 0x1
AI_CANONNAME: Final = 0x2
AI_NUMERICHOST: Final = 0x4
AI_V4MAPPED: Final = 0x8
AI_ALL: Final = 0x10
AI_ADDRCONFIG: Final = 0x20
AI_NUMERICSERV: Final = 0x400
NI_NUMERICHOST: Final = 0x1
NI_NUMERICSERV: Final = 0x2
NI_NOFQDN: Final = 0x4
NI_NAMEREQD: Final = 0x8
NI_DGRAM: Final = 0x10
NI_MAXHOST: Final = 1025
NI_MAXSERV: Final = 32
EAI_BADFLAGS: Final = -1
EAI_NONAME: Final = -2
EAI_AGAIN: Final = -3
EAI_FAIL: Final = -4
EAI_NODATA: Final = -5
EAI_FAMILY: Final = -6
EAI_SOCKTYPE: Final = -7
EAI_SERVICE: Final = -8
EAI_ADDRFAMILY: Final = -9
EAI_MEMORY: Final = -10
EAI_SYSTEM: Final = -11
EAI_OVERFLOW: Final = -12

# prctl arguments the runtime uses to name mappings (unused by the network code)
PR_SET_VMA: Final = 0x53564D41
PR_SET_VMA_ANON_NAME: Final = 0

# Raw syscall numbers from defs_linux_{amd64,arm64}.go.  libc is used for
# every call; these are listed so the module names what Go's package names.
_amd64: Final = GOARCH == "amd64"
SYS_READ: Final = 0 if _amd64 else 63
SYS_CLOSE: Final = 3 if _amd64 else 57
SYS_MPROTECT: Final = 10 if _amd64 else 226
SYS_PREAD64: Final = 17 if _amd64 else 67
SYS_UNAME: Final = 63 if _amd64 else 160
SYS_FCNTL: Final = 72 if _amd64 else 25
SYS_PRCTL: Final = 157 if _amd64 else 167
SYS_OPENAT: Final = 257 if _amd64 else 56
SYS_EPOLL_CTL: Final = 233 if _amd64 else 21
SYS_EPOLL_PWAIT: Final = 281 if _amd64 else 22
SYS_EVENTFD2: Final = 290 if _amd64 else 19
SYS_EPOLL_CREATE1: Final = 291 if _amd64 else 20
SYS_EPOLL_PWAIT2: Final = 441

# Netlink route sockets (syscall/zerrors_linux_*.go, and the IFLA_*/IFA_*
# attribute types from ztypes_linux_*.go; the same on amd64 and arm64): what
# NetlinkRIB and net/interface_linux.go need.
AF_NETLINK: Final = 0x10
NETLINK_ROUTE: Final = 0x0
NLM_F_REQUEST: Final = 0x1
NLM_F_MULTI: Final = 0x2
NLM_F_ROOT: Final = 0x100
NLM_F_MATCH: Final = 0x200
NLM_F_DUMP: Final = 0x300
NLMSG_ALIGNTO: Final = 0x4
NLMSG_HDRLEN: Final = 0x10
NLMSG_NOOP: Final = 0x1
NLMSG_ERROR: Final = 0x2
NLMSG_DONE: Final = 0x3
RTA_ALIGNTO: Final = 0x4
RTM_NEWLINK: Final = 0x10
RTM_DELLINK: Final = 0x11
RTM_GETLINK: Final = 0x12
RTM_NEWADDR: Final = 0x14
RTM_DELADDR: Final = 0x15
RTM_GETADDR: Final = 0x16
RTM_NEWROUTE: Final = 0x18
RTM_DELROUTE: Final = 0x19
RTM_GETROUTE: Final = 0x1A
IFLA_UNSPEC: Final = 0x0
IFLA_ADDRESS: Final = 0x1
IFLA_BROADCAST: Final = 0x2
IFLA_IFNAME: Final = 0x3
IFLA_MTU: Final = 0x4
IFLA_LINK: Final = 0x5
IFA_UNSPEC: Final = 0x0
IFA_ADDRESS: Final = 0x1
IFA_LOCAL: Final = 0x2
IFA_LABEL: Final = 0x3
IFA_BROADCAST: Final = 0x4
IFA_ANYCAST: Final = 0x5
IFA_CACHEINFO: Final = 0x6
IFA_MULTICAST: Final = 0x7
IFF_UP: Final = 0x1
IFF_BROADCAST: Final = 0x2
IFF_LOOPBACK: Final = 0x8
IFF_POINTOPOINT: Final = 0x10
IFF_RUNNING: Final = 0x40
IFF_MULTICAST: Final = 0x1000

# ---------------------------------------------------------------------------
# Errno
# ---------------------------------------------------------------------------

# Go's error table (syscall/zerrors_linux_amd64.go, "Error table"), as of
# go1.27.0.  Numbers without an entry print as "errno N".  arm64's table
# also names 133; it is added below when running on arm64.
_errors: Final[dict[int, str]] = {
    1: "operation not permitted",
    2: "no such file or directory",
    3: "no such process",
    4: "interrupted system call",
    5: "input/output error",
    6: "no such device or address",
    7: "argument list too long",
    8: "exec format error",
    9: "bad file descriptor",
    10: "no child processes",
    11: "resource temporarily unavailable",
    12: "cannot allocate memory",
    13: "permission denied",
    14: "bad address",
    15: "block device required",
    16: "device or resource busy",
    17: "file exists",
    18: "invalid cross-device link",
    19: "no such device",
    20: "not a directory",
    21: "is a directory",
    22: "invalid argument",
    23: "too many open files in system",
    24: "too many open files",
    25: "inappropriate ioctl for device",
    26: "text file busy",
    27: "file too large",
    28: "no space left on device",
    29: "illegal seek",
    30: "read-only file system",
    31: "too many links",
    32: "broken pipe",
    33: "numerical argument out of domain",
    34: "numerical result out of range",
    35: "resource deadlock avoided",
    36: "file name too long",
    37: "no locks available",
    38: "function not implemented",
    39: "directory not empty",
    40: "too many levels of symbolic links",
    42: "no message of desired type",
    43: "identifier removed",
    44: "channel number out of range",
    45: "level 2 not synchronized",
    46: "level 3 halted",
    47: "level 3 reset",
    48: "link number out of range",
    49: "protocol driver not attached",
    50: "no CSI structure available",
    51: "level 2 halted",
    52: "invalid exchange",
    53: "invalid request descriptor",
    54: "exchange full",
    55: "no anode",
    56: "invalid request code",
    57: "invalid slot",
    59: "bad font file format",
    60: "device not a stream",
    61: "no data available",
    62: "timer expired",
    63: "out of streams resources",
    64: "machine is not on the network",
    65: "package not installed",
    66: "object is remote",
    67: "link has been severed",
    68: "advertise error",
    69: "srmount error",
    70: "communication error on send",
    71: "protocol error",
    72: "multihop attempted",
    73: "RFS specific error",
    74: "bad message",
    75: "value too large for defined data type",
    76: "name not unique on network",
    77: "file descriptor in bad state",
    78: "remote address changed",
    79: "can not access a needed shared library",
    80: "accessing a corrupted shared library",
    81: ".lib section in a.out corrupted",
    82: "attempting to link in too many shared libraries",
    83: "cannot exec a shared library directly",
    84: "invalid or incomplete multibyte or wide character",
    85: "interrupted system call should be restarted",
    86: "streams pipe error",
    87: "too many users",
    88: "socket operation on non-socket",
    89: "destination address required",
    90: "message too long",
    91: "protocol wrong type for socket",
    92: "protocol not available",
    93: "protocol not supported",
    94: "socket type not supported",
    95: "operation not supported",
    96: "protocol family not supported",
    97: "address family not supported by protocol",
    98: "address already in use",
    99: "cannot assign requested address",
    100: "network is down",
    101: "network is unreachable",
    102: "network dropped connection on reset",
    103: "software caused connection abort",
    104: "connection reset by peer",
    105: "no buffer space available",
    106: "transport endpoint is already connected",
    107: "transport endpoint is not connected",
    108: "cannot send after transport endpoint shutdown",
    109: "too many references: cannot splice",
    110: "connection timed out",
    111: "connection refused",
    112: "host is down",
    113: "no route to host",
    114: "operation already in progress",
    115: "operation now in progress",
    116: "stale file handle",
    117: "structure needs cleaning",
    118: "not a XENIX named type file",
    119: "no XENIX semaphores available",
    120: "is a named type file",
    121: "remote I/O error",
    122: "disk quota exceeded",
    123: "no medium found",
    124: "wrong medium type",
    125: "operation canceled",
    126: "required key not available",
    127: "key has expired",
    128: "key has been revoked",
    129: "key was rejected by service",
    130: "owner died",
    131: "state not recoverable",
    132: "operation not possible due to RF-kill",
}
if GOARCH == "arm64":
    _errors[133] = "memory page has hardware error"

# Kernel error numbers are 1..4095 (MAX_ERRNO); only those are cached, so the
# cache is bounded whatever values reach Errno().
_ERRNO_CACHE_LIMIT: Final = 4096

oserror: Final[dict[str, object]] = {}
"""Targets for :meth:`Errno.Is`: Go's ``internal/oserror`` sentinels plus
``errors.ErrUnsupported``, keyed by their Go names.

Go's ``Errno.Is`` compares its argument with four sentinel error values that
live in other packages.  Those packages sit above this module here, so they
register their singletons at import time instead, e.g. ``std.os`` does
``sys_linux.oserror["ErrPermission"] = ErrPermission`` (likewise
``"ErrExist"``, ``"ErrNotExist"``) and ``std.errors`` registers
``"ErrUnsupported"``.  Until a name is registered, ``Is`` is false for it."""

# (registry key, errno numbers that match it), in Go's order.
_IS_RULES: Final = (
    ("ErrPermission", frozenset((13, 1))),  # EACCES, EPERM
    ("ErrExist", frozenset((17, 39))),  # EEXIST, ENOTEMPTY
    ("ErrNotExist", frozenset((2,))),  # ENOENT
    ("ErrUnsupported", frozenset((38, 95))),  # ENOSYS, ENOTSUP = EOPNOTSUPP
)


class _ErrnoCache(dict[int, "Errno"]):
    """Canonical Errno instances by number, created on first use."""

    def __missing__(self, key: int) -> Errno:
        e = int.__new__(Errno, key)
        if 0 <= key < _ERRNO_CACHE_LIMIT:
            # setdefault keeps the first instance if two threads race here.
            return self.setdefault(key, e)
        return e


_errno_cache: Final = _ErrnoCache()

# CPython's own read/write wrappers (see read/write below).
_osreadv: Final = os.readv
_oswrite: Final = os.write


class Errno(int):
    """syscall.Errno: an error number as the kernel reports it.

    An ``int`` subclass (so it compares, hashes and indexes like the number)
    whose instances are canonical: ``Errno(11) is EAGAIN``.  It is a value,
    not an exception (``int`` and ``BaseException`` cannot share a layout);
    ``std.os.SyscallError`` wraps it when an error must be raised, and
    ``std.errors`` walks ``Unwrap`` chains down to it.  ``str(e)`` and
    ``f"{e}"`` give Go's text; ``int(e)`` and ``f"{e:d}"`` the number.
    """

    __slots__ = ()

    def __new__(cls, value: int = 0) -> Errno:
        if cls is Errno:
            return _errno_cache[value.__index__()]
        return super().__new__(cls, value)

    def Error(self) -> str:
        """syscall.Errno.Error: Go's message, or "errno N" for unknown numbers."""
        n = int(self)
        s = _errors.get(n)
        if s:
            return s
        return f"errno {n}"

    __str__ = Error

    def __repr__(self) -> str:
        n = int(self)
        name = _errno_names.get(n)
        label = f"{name} ({n})" if name else str(n)
        return f"<Errno {label}: {self.Error()}>"

    def Is(self, target: object) -> bool:
        """syscall.Errno.Is: match the os/errors sentinels registered in ``oserror``."""
        for key, numbers in _IS_RULES:
            sentinel = oserror.get(key)
            if sentinel is not None and target is sentinel:
                return int(self) in numbers
        return False

    def Temporary(self) -> bool:
        """syscall.Errno.Temporary: EINTR, EMFILE, ENFILE, or any Timeout()."""
        return int(self) in (4, 24, 23) or self.Timeout()

    def Timeout(self) -> bool:
        """syscall.Errno.Timeout: EAGAIN (= EWOULDBLOCK) or ETIMEDOUT."""
        return int(self) in (11, 110)


# The Errno constants of syscall/zerrors_linux_amd64.go (E2BIG ... EXFULL);
# EHWPOISON exists on arm64 only, as in Go.
E2BIG: Final = Errno(0x7)
EACCES: Final = Errno(0xD)
EADDRINUSE: Final = Errno(0x62)
EADDRNOTAVAIL: Final = Errno(0x63)
EADV: Final = Errno(0x44)
EAFNOSUPPORT: Final = Errno(0x61)
EAGAIN: Final = Errno(0xB)
EALREADY: Final = Errno(0x72)
EBADE: Final = Errno(0x34)
EBADF: Final = Errno(0x9)
EBADFD: Final = Errno(0x4D)
EBADMSG: Final = Errno(0x4A)
EBADR: Final = Errno(0x35)
EBADRQC: Final = Errno(0x38)
EBADSLT: Final = Errno(0x39)
EBFONT: Final = Errno(0x3B)
EBUSY: Final = Errno(0x10)
ECANCELED: Final = Errno(0x7D)
ECHILD: Final = Errno(0xA)
ECHRNG: Final = Errno(0x2C)
ECOMM: Final = Errno(0x46)
ECONNABORTED: Final = Errno(0x67)
ECONNREFUSED: Final = Errno(0x6F)
ECONNRESET: Final = Errno(0x68)
EDEADLK: Final = Errno(0x23)
EDEADLOCK: Final = Errno(0x23)
EDESTADDRREQ: Final = Errno(0x59)
EDOM: Final = Errno(0x21)
EDOTDOT: Final = Errno(0x49)
EDQUOT: Final = Errno(0x7A)
EEXIST: Final = Errno(0x11)
EFAULT: Final = Errno(0xE)
EFBIG: Final = Errno(0x1B)
EHOSTDOWN: Final = Errno(0x70)
EHOSTUNREACH: Final = Errno(0x71)
EIDRM: Final = Errno(0x2B)
EILSEQ: Final = Errno(0x54)
EINPROGRESS: Final = Errno(0x73)
EINTR: Final = Errno(0x4)
EINVAL: Final = Errno(0x16)
EIO: Final = Errno(0x5)
EISCONN: Final = Errno(0x6A)
EISDIR: Final = Errno(0x15)
EISNAM: Final = Errno(0x78)
EKEYEXPIRED: Final = Errno(0x7F)
EKEYREJECTED: Final = Errno(0x81)
EKEYREVOKED: Final = Errno(0x80)
EL2HLT: Final = Errno(0x33)
EL2NSYNC: Final = Errno(0x2D)
EL3HLT: Final = Errno(0x2E)
EL3RST: Final = Errno(0x2F)
ELIBACC: Final = Errno(0x4F)
ELIBBAD: Final = Errno(0x50)
ELIBEXEC: Final = Errno(0x53)
ELIBMAX: Final = Errno(0x52)
ELIBSCN: Final = Errno(0x51)
ELNRNG: Final = Errno(0x30)
ELOOP: Final = Errno(0x28)
EMEDIUMTYPE: Final = Errno(0x7C)
EMFILE: Final = Errno(0x18)
EMLINK: Final = Errno(0x1F)
EMSGSIZE: Final = Errno(0x5A)
EMULTIHOP: Final = Errno(0x48)
ENAMETOOLONG: Final = Errno(0x24)
ENAVAIL: Final = Errno(0x77)
ENETDOWN: Final = Errno(0x64)
ENETRESET: Final = Errno(0x66)
ENETUNREACH: Final = Errno(0x65)
ENFILE: Final = Errno(0x17)
ENOANO: Final = Errno(0x37)
ENOBUFS: Final = Errno(0x69)
ENOCSI: Final = Errno(0x32)
ENODATA: Final = Errno(0x3D)
ENODEV: Final = Errno(0x13)
ENOENT: Final = Errno(0x2)
ENOEXEC: Final = Errno(0x8)
ENOKEY: Final = Errno(0x7E)
ENOLCK: Final = Errno(0x25)
ENOLINK: Final = Errno(0x43)
ENOMEDIUM: Final = Errno(0x7B)
ENOMEM: Final = Errno(0xC)
ENOMSG: Final = Errno(0x2A)
ENONET: Final = Errno(0x40)
ENOPKG: Final = Errno(0x41)
ENOPROTOOPT: Final = Errno(0x5C)
ENOSPC: Final = Errno(0x1C)
ENOSR: Final = Errno(0x3F)
ENOSTR: Final = Errno(0x3C)
ENOSYS: Final = Errno(0x26)
ENOTBLK: Final = Errno(0xF)
ENOTCONN: Final = Errno(0x6B)
ENOTDIR: Final = Errno(0x14)
ENOTEMPTY: Final = Errno(0x27)
ENOTNAM: Final = Errno(0x76)
ENOTRECOVERABLE: Final = Errno(0x83)
ENOTSOCK: Final = Errno(0x58)
ENOTSUP: Final = Errno(0x5F)
ENOTTY: Final = Errno(0x19)
ENOTUNIQ: Final = Errno(0x4C)
ENXIO: Final = Errno(0x6)
EOPNOTSUPP: Final = Errno(0x5F)
EOVERFLOW: Final = Errno(0x4B)
EOWNERDEAD: Final = Errno(0x82)
EPERM: Final = Errno(0x1)
EPFNOSUPPORT: Final = Errno(0x60)
EPIPE: Final = Errno(0x20)
EPROTO: Final = Errno(0x47)
EPROTONOSUPPORT: Final = Errno(0x5D)
EPROTOTYPE: Final = Errno(0x5B)
ERANGE: Final = Errno(0x22)
EREMCHG: Final = Errno(0x4E)
EREMOTE: Final = Errno(0x42)
EREMOTEIO: Final = Errno(0x79)
ERESTART: Final = Errno(0x55)
ERFKILL: Final = Errno(0x84)
EROFS: Final = Errno(0x1E)
ESHUTDOWN: Final = Errno(0x6C)
ESOCKTNOSUPPORT: Final = Errno(0x5E)
ESPIPE: Final = Errno(0x1D)
ESRCH: Final = Errno(0x3)
ESRMNT: Final = Errno(0x45)
ESTALE: Final = Errno(0x74)
ESTRPIPE: Final = Errno(0x56)
ETIME: Final = Errno(0x3E)
ETIMEDOUT: Final = Errno(0x6E)
ETOOMANYREFS: Final = Errno(0x6D)
ETXTBSY: Final = Errno(0x1A)
EUCLEAN: Final = Errno(0x75)
EUNATCH: Final = Errno(0x31)
EUSERS: Final = Errno(0x57)
EWOULDBLOCK: Final = Errno(0xB)
EXDEV: Final = Errno(0x12)
EXFULL: Final = Errno(0x36)
if GOARCH == "arm64":
    EHWPOISON: Final = Errno(0x85)
    __all__ += ["EHWPOISON"]

# Number -> constant name, for repr.  Where Go has two names for one number
# the first listed wins: EAGAIN, EDEADLK, EOPNOTSUPP.
_errno_names: Final[dict[int, str]] = {}
for _alias in ("EAGAIN", "EDEADLK", "EOPNOTSUPP"):
    _errno_names[int(globals()[_alias])] = _alias
for _name, _value in sorted(globals().items()):
    if type(_value) is Errno and _name.startswith("E"):
        _errno_names.setdefault(int(_value), _name)
del _alias, _name, _value

_E0: Final = Errno(0)
"""Success: the falsy Errno every wrapper returns when the call worked."""


def _errno() -> Errno:
    # The ctypes-saved errno of the call that just failed on this thread.
    return _errno_cache[get_errno()]


# ---------------------------------------------------------------------------
# Struct layouts (ztypes_linux_{amd64,arm64}.go, linux.EpollEvent).  Go's
# field names are kept; Go's explicit padding fields are left to ctypes'
# natural alignment, which produces the same offsets (checked in the tests
# against the C compiler).
# ---------------------------------------------------------------------------


class EpollEvent(Structure):
    """linux.EpollEvent: ``struct epoll_event``, one entry that epoll_ctl takes and epoll_wait
    fills: the ready event mask and the 64-bit user data word.

    Go stores the data word as ``[8]byte`` to dodge alignment; here ``Data``
    is a uint64 and, on x86_64, the struct is packed so that it sits at
    offset 4 and the struct is 12 bytes, as the kernel's x86-64 ABI wants.
    On aarch64 it is naturally aligned: Data at 8, 16 bytes.
    ``events``/``data`` are accepted as aliases (GO_MAP D.1's spelling).
    """

    if GOARCH == "amd64":
        _pack_ = 1
    _fields_ = [("Events", c_uint32), ("Data", c_uint64)]

    @property
    def events(self) -> int:
        return int(self.Events)

    @events.setter
    def events(self, value: int) -> None:
        self.Events = value

    @property
    def data(self) -> int:
        return int(self.Data)

    @data.setter
    def data(self, value: int) -> None:
        self.Data = value


class RawSockaddrInet4(Structure):
    """syscall.RawSockaddrInet4: ``struct sockaddr_in`` (Port in network byte order)."""

    _fields_ = [
        ("Family", c_uint16),
        ("Port", c_uint16),
        ("Addr", c_ubyte * 4),
        ("Zero", c_ubyte * 8),
    ]


class RawSockaddrInet6(Structure):
    """syscall.RawSockaddrInet6: ``struct sockaddr_in6`` (Port in network byte order)."""

    _fields_ = [
        ("Family", c_uint16),
        ("Port", c_uint16),
        ("Flowinfo", c_uint32),
        ("Addr", c_ubyte * 16),
        ("Scope_id", c_uint32),
    ]


class RawSockaddrUnix(Structure):
    """syscall.RawSockaddrUnix: ``struct sockaddr_un`` (110 bytes)."""

    _fields_ = [("Family", c_uint16), ("Path", c_byte * 108)]


class RawSockaddr(Structure):
    """syscall.RawSockaddr: ``struct sockaddr``, the generic socket address header (Family) with 14
    bytes of address Data.
    """

    _fields_ = [("Family", c_uint16), ("Data", c_byte * 14)]


class RawSockaddrAny(Structure):
    """syscall.RawSockaddrAny: room for any sockaddr Go decodes (112 bytes).

    Go's own buffer for accept/recvfrom/getsockname; smaller than C's
    ``sockaddr_storage`` (see :class:`SockaddrStorage`) but larger than every
    address family it parses, ``sockaddr_un`` (110) being the largest.
    """

    _fields_ = [("Addr", RawSockaddr), ("Pad", c_byte * 96)]


class SockaddrStorage(Structure):
    """C's ``struct sockaddr_storage`` (128 bytes, 8-aligned); Go has no such type."""

    _fields_ = [("Family", c_uint16), ("Pad", c_ubyte * 118), ("Align", c_uint64)]


class Linger(Structure):
    """syscall.Linger: ``struct linger``, the SO_LINGER value: Onoff enables lingering on close, for
    Linger seconds.
    """

    _fields_ = [("Onoff", c_int32), ("Linger", c_int32)]


class Iovec(Structure):
    """syscall.Iovec: ``struct iovec`` (Base is an address)."""

    _fields_ = [("Base", c_void_p), ("Len", c_uint64)]


class Msghdr(Structure):
    """syscall.Msghdr: ``struct msghdr`` (Go's Pad_cgo fields are implicit padding)."""

    _fields_ = [
        ("Name", c_void_p),
        ("Namelen", c_uint32),
        ("Iov", c_void_p),
        ("Iovlen", c_uint64),
        ("Control", c_void_p),
        ("Controllen", c_uint64),
        ("Flags", c_int32),
    ]


class Cmsghdr(Structure):
    """syscall.Cmsghdr: ``struct cmsghdr``, the header of one control message in sendmsg/recvmsg
    ancillary data: Len, Level and Type.
    """

    _fields_ = [("Len", c_uint64), ("Level", c_int32), ("Type", c_int32)]


class IPMreq(Structure):
    """syscall.IPMreq: ``struct ip_mreq``, the IPv4 multicast group (Multiaddr) and local interface
    address that IP_ADD_MEMBERSHIP takes.
    """

    _fields_ = [("Multiaddr", c_ubyte * 4), ("Interface", c_ubyte * 4)]


class IPMreqn(Structure):
    """syscall.IPMreqn: ``struct ip_mreqn`` (used for IPv4 joins since go1.25)."""

    _fields_ = [("Multiaddr", c_ubyte * 4), ("Address", c_ubyte * 4), ("Ifindex", c_int32)]


class IPv6Mreq(Structure):
    """syscall.IPv6Mreq: ``struct ipv6_mreq``, the IPv6 multicast group (Multiaddr) and interface
    index that IPV6_JOIN_GROUP takes.
    """

    _fields_ = [("Multiaddr", c_ubyte * 16), ("Interface", c_uint32)]


class Timespec(Structure):
    """syscall.Timespec: ``struct timespec``, a time as whole seconds (Sec) plus nanoseconds (Nsec).
    """

    _fields_ = [("Sec", c_int64), ("Nsec", c_int64)]


class Rlimit(Structure):
    """syscall.Rlimit: ``struct rlimit`` (unsigned; RLIM_INFINITY is 2**64-1)."""

    _fields_ = [("Cur", c_uint64), ("Max", c_uint64)]


class Utsname(Structure):
    """linux.Utsname / syscall.Utsname: ``struct utsname``; fields read back as bytes."""

    _fields_ = [
        ("Sysname", c_char * 65),
        ("Nodename", c_char * 65),
        ("Release", c_char * 65),
        ("Version", c_char * 65),
        ("Machine", c_char * 65),
        ("Domainname", c_char * 65),
    ]


class Addrinfo(Structure):
    """libc ``struct addrinfo`` (Go reaches it through cgo as _C_struct_addrinfo)."""


Addrinfo._fields_ = [
    ("Flags", c_int),
    ("Family", c_int),
    ("Socktype", c_int),
    ("Protocol", c_int),
    ("Addrlen", c_uint32),
    ("Addr", c_void_p),
    ("Canonname", c_char_p),
    ("Next", POINTER(Addrinfo)),
]

SizeofSockaddrInet4: Final = 0x10
SizeofSockaddrInet6: Final = 0x1C
SizeofSockaddrAny: Final = 0x70
SizeofSockaddrUnix: Final = 0x6E
SizeofLinger: Final = 0x8
SizeofIPMreq: Final = 0x8
SizeofIPMreqn: Final = 0xC
SizeofIPv6Mreq: Final = 0x14
SizeofMsghdr: Final = 0x38
SizeofCmsghdr: Final = 0x10
SizeofIovec: Final = 0x10
SizeofEpollEvent: Final = 12 if GOARCH == "amd64" else 16

_SIZES: Final[tuple[tuple[type[Structure], int], ...]] = (
    (EpollEvent, SizeofEpollEvent),
    (RawSockaddrInet4, SizeofSockaddrInet4),
    (RawSockaddrInet6, SizeofSockaddrInet6),
    (RawSockaddrUnix, SizeofSockaddrUnix),
    (RawSockaddr, 16),
    (RawSockaddrAny, SizeofSockaddrAny),
    (SockaddrStorage, 128),
    (Linger, SizeofLinger),
    (Iovec, SizeofIovec),
    (Msghdr, SizeofMsghdr),
    (Cmsghdr, SizeofCmsghdr),
    (IPMreq, SizeofIPMreq),
    (IPMreqn, SizeofIPMreqn),
    (IPv6Mreq, SizeofIPv6Mreq),
    (Timespec, 16),
    (Rlimit, 16),
    (Utsname, 390),
    (Addrinfo, 48),
)
for _struct, _size in _SIZES:
    if sizeof(_struct) != _size:  # pragma: no cover - import guard
        raise ImportError(
            f"rt.sys_linux: sizeof({_struct.__name__}) is {sizeof(_struct)}, "
            f"expected {_size} on {GOARCH}"
        )
del _struct, _size


# Netlink layouts (syscall/ztypes_linux_*.go; the same on amd64 and arm64).
# Every field is naturally aligned, so ctypes and the kernel agree without
# padding fields; the sizes are checked below like the ones above.


class RawSockaddrNetlink(Structure):
    """syscall.RawSockaddrNetlink: ``struct sockaddr_nl`` (a Pid of 0 is the kernel)."""

    _fields_ = [("Family", c_uint16), ("Pad", c_uint16), ("Pid", c_uint32), ("Groups", c_uint32)]


class NlMsghdr(Structure):
    """syscall.NlMsghdr: ``struct nlmsghdr``, the header of every netlink message."""

    _fields_ = [
        ("Len", c_uint32),
        ("Type", c_uint16),
        ("Flags", c_uint16),
        ("Seq", c_uint32),
        ("Pid", c_uint32),
    ]


class RtGenmsg(Structure):
    """syscall.RtGenmsg: ``struct rtgenmsg``, the body of a dump request."""

    _fields_ = [("Family", c_ubyte)]


class RtAttr(Structure):
    """syscall.RtAttr: ``struct rtattr``, the header of one route attribute."""

    _fields_ = [("Len", c_uint16), ("Type", c_uint16)]


class IfInfomsg(Structure):
    """syscall.IfInfomsg: ``struct ifinfomsg``, the fixed part of a link message.

    ``Type`` is the ARPHRD_* hardware type, ``Flags`` the IFF_* bits.
    """

    _fields_ = [
        ("Family", c_ubyte),
        ("X__ifi_pad", c_ubyte),
        ("Type", c_uint16),
        ("Index", c_int32),
        ("Flags", c_uint32),
        ("Change", c_uint32),
    ]


class IfAddrmsg(Structure):
    """syscall.IfAddrmsg: ``struct ifaddrmsg``, the fixed part of an address message."""

    _fields_ = [
        ("Family", c_ubyte),
        ("Prefixlen", c_ubyte),
        ("Flags", c_ubyte),
        ("Scope", c_ubyte),
        ("Index", c_uint32),
    ]


SizeofSockaddrNetlink: Final = 0xC
SizeofNlMsghdr: Final = 0x10
SizeofRtGenmsg: Final = 0x1
SizeofRtAttr: Final = 0x4
SizeofIfInfomsg: Final = 0x10
SizeofIfAddrmsg: Final = 0x8
SizeofRtMsg: Final = 0xC  # struct rtmsg; only its size is needed (ParseNetlinkRouteAttr)

for _struct, _size in (
    (RawSockaddrNetlink, SizeofSockaddrNetlink),
    (NlMsghdr, SizeofNlMsghdr),
    (RtGenmsg, SizeofRtGenmsg),
    (RtAttr, SizeofRtAttr),
    (IfInfomsg, SizeofIfInfomsg),
    (IfAddrmsg, SizeofIfAddrmsg),
):
    if sizeof(_struct) != _size:  # pragma: no cover - import guard
        raise ImportError(
            f"rt.sys_linux: sizeof({_struct.__name__}) is {sizeof(_struct)}, "
            f"expected {_size} on {GOARCH}"
        )
del _struct, _size

# ---------------------------------------------------------------------------
# libc bindings
# ---------------------------------------------------------------------------

_libc: Final = ctypes.CDLL(None, use_errno=True)


def _proto(name: str, restype: type | None, *argtypes: type) -> ctypes._NamedFuncPointer:
    # A fresh function object per binding (item access is not cached, unlike
    # attribute access), so prototypes set here cannot leak anywhere else.
    f: ctypes._NamedFuncPointer = _libc[name]
    f.restype = restype
    if argtypes:
        f.argtypes = argtypes
    return f


def _fast(name: str, restype: type) -> ctypes._NamedFuncPointer:
    # Data-path binding without argtypes; see "Discussion" in the docstring.
    f: ctypes._NamedFuncPointer = _libc[name]
    f.restype = restype
    return f


_P = c_void_p
_socklen_p = POINTER(c_uint32)

_read: Final = _fast("read", c_ssize_t)
_write: Final = _fast("write", c_ssize_t)
_readv: Final = _fast("readv", c_ssize_t)
_writev: Final = _fast("writev", c_ssize_t)
_recvfrom: Final = _fast("recvfrom", c_ssize_t)
_sendto: Final = _fast("sendto", c_ssize_t)
_recvmsg: Final = _fast("recvmsg", c_ssize_t)
_sendmsg: Final = _fast("sendmsg", c_ssize_t)
_accept4: Final = _fast("accept4", c_int)
_epoll_pwait: Final = _fast("epoll_pwait", c_int)

_epoll_create1: Final = _proto("epoll_create1", c_int, c_int)
_epoll_ctl: Final = _proto("epoll_ctl", c_int, c_int, c_int, c_int, POINTER(EpollEvent))
_eventfd: Final = _proto("eventfd", c_int, c_uint, c_int)
_close: Final = _proto("close", c_int, c_int)
_pipe2: Final = _proto("pipe2", c_int, POINTER(c_int * 2), c_int)
_socket: Final = _proto("socket", c_int, c_int, c_int, c_int)
_socketpair: Final = _proto("socketpair", c_int, c_int, c_int, c_int, POINTER(c_int * 2))
_bind: Final = _proto("bind", c_int, c_int, c_char_p, c_uint32)
_listen: Final = _proto("listen", c_int, c_int, c_int)
_connect: Final = _proto("connect", c_int, c_int, c_char_p, c_uint32)
_shutdown: Final = _proto("shutdown", c_int, c_int, c_int)
_getsockopt: Final = _proto("getsockopt", c_int, c_int, c_int, c_int, _P, _socklen_p)
_setsockopt: Final = _proto("setsockopt", c_int, c_int, c_int, c_int, c_char_p, c_uint32)
_getsockname: Final = _proto("getsockname", c_int, c_int, _P, _socklen_p)
_getpeername: Final = _proto("getpeername", c_int, c_int, _P, _socklen_p)
_fcntl: Final = _proto("fcntl", c_int, c_int, c_int, c_int)
_splice: Final = _proto(
    "splice", c_ssize_t, c_int, POINTER(c_int64), c_int, POINTER(c_int64), c_size_t, c_uint
)
_sendfile: Final = _proto("sendfile", c_ssize_t, c_int, c_int, POINTER(c_int64), c_size_t)
_getrlimit: Final = _proto("getrlimit", c_int, c_int, POINTER(Rlimit))
_setrlimit: Final = _proto("setrlimit", c_int, c_int, POINTER(Rlimit))
_uname: Final = _proto("uname", c_int, POINTER(Utsname))
_getaddrinfo: Final = _proto(
    "getaddrinfo", c_int, c_char_p, c_char_p, POINTER(Addrinfo), POINTER(POINTER(Addrinfo))
)
_freeaddrinfo: Final = _proto("freeaddrinfo", None, POINTER(Addrinfo))
_gai_strerror: Final = _proto("gai_strerror", c_char_p, c_int)
_getnameinfo: Final = _proto(
    "getnameinfo", c_int, c_char_p, c_uint32, _P, c_uint32, _P, c_uint32, c_int
)

# ---------------------------------------------------------------------------
# Buffers
# ---------------------------------------------------------------------------

# The kernel moves at most this much per read/write call (MAX_RW_COUNT);
# capping here changes nothing a caller can see and keeps lengths in a C int.
_MAX_RW: Final = 0x7FFFF000

# Below this size a read-only non-bytes buffer is copied once instead of being
# pinned through the buffer protocol (pinning costs about as much as copying
# 32 KiB).
_PIN_MIN: Final = 32 * 1024

_from_buffer: Final = c_char.from_buffer
_addressof: Final = ctypes.addressof


class _PyBuffer(Structure):
    # CPython's Py_buffer (stable layout on 64-bit builds).
    _fields_ = [
        ("buf", c_void_p),
        ("obj", c_void_p),
        ("len", c_ssize_t),
        ("itemsize", c_ssize_t),
        ("readonly", c_int),
        ("ndim", c_int),
        ("format", c_char_p),
        ("shape", c_void_p),
        ("strides", c_void_p),
        ("suboffsets", c_void_p),
        ("internal", c_void_p),
    ]


_PyObject_GetBuffer: Final = ctypes.pythonapi.PyObject_GetBuffer
_PyObject_GetBuffer.argtypes = (py_object, c_void_p, c_int)
_PyObject_GetBuffer.restype = c_int
_PyBuffer_Release: Final = ctypes.pythonapi.PyBuffer_Release
_PyBuffer_Release.argtypes = (c_void_p,)
_PyBuffer_Release.restype = None


def _pin(m: memoryview) -> _PyBuffer:
    # Hold an export of a read-only contiguous buffer; release with _unpin.
    view = _PyBuffer()
    _PyObject_GetBuffer(m, byref(view), 0)  # raises BufferError on failure
    return view


def _unpin(view: _PyBuffer | None) -> None:
    if view is not None:
        _PyBuffer_Release(byref(view))


def _bytes_addr(b: bytes) -> int:
    # Address of a bytes object's storage, without copying it.
    v: int | None = c_void_p.from_buffer(c_char_p(b)).value
    return v or 0


def _wbuf(p: WriteableBuffer) -> tuple[object, int]:
    """Pointer argument (or None) and byte length of a buffer the kernel fills."""
    if type(p) is bytearray:
        n = len(p)
    elif type(p) is memoryview:
        n = p.nbytes
    else:
        n = memoryview(p).nbytes
    if n == 0:
        return None, 0
    return byref(_from_buffer(p)), n


def _rbuf(p: ReadableBuffer) -> tuple[object, int, _PyBuffer | None]:
    """Pointer argument, byte length and pin (to _unpin) of a buffer to send."""
    if type(p) is bytes:
        return p, len(p), None
    if type(p) is bytearray:
        n = len(p)
        return (byref(_from_buffer(p)) if n else None), n, None
    m = p if type(p) is memoryview else memoryview(p)
    n = m.nbytes
    if n == 0:
        return None, 0, None
    if m.c_contiguous:
        if not m.readonly:
            return byref(_from_buffer(m)), n, None
        if n >= _PIN_MIN:
            view = _pin(m)
            return c_void_p(view.buf), n, view
    return m.tobytes(), n, None


def _raddr(p: ReadableBuffer, keep: list[object], pins: list[_PyBuffer]) -> tuple[int, int]:
    """Address and length of a buffer to send, kept valid by keep/pins."""
    if type(p) is bytes:
        keep.append(p)
        return _bytes_addr(p), len(p)
    m = p if type(p) is memoryview else memoryview(p)
    n = m.nbytes
    if n == 0:
        return 0, 0
    if m.c_contiguous:
        if not m.readonly:
            obj = _from_buffer(m)
            keep.append(obj)
            return _addressof(obj), n
        if n >= _PIN_MIN:
            view = _pin(m)
            pins.append(view)
            return int(view.buf), n
    b = m.tobytes()
    keep.append(b)
    return _bytes_addr(b), n


def _waddr(p: WriteableBuffer, keep: list[object]) -> tuple[int, int]:
    """Address and length of a buffer the kernel fills, kept valid by keep."""
    n = len(p) if type(p) is bytearray else memoryview(p).nbytes
    if n == 0:
        return 0, 0
    obj = _from_buffer(p)
    keep.append(obj)
    return _addressof(obj), n


_IOVEC: Final = struct.Struct("@PQ")


def _iovecs(addrs: list[tuple[int, int]]) -> bytes:
    # A packed struct iovec[] the kernel reads; bytes pass to C as a pointer.
    return b"".join([_IOVEC.pack(a, n) for a, n in addrs])


# ---------------------------------------------------------------------------
# Sockaddrs
# ---------------------------------------------------------------------------


class SockaddrTuple(NamedTuple):
    """A decoded sockaddr, the fields of Go's SockaddrInet4/Inet6/Unix in one shape.

    AF_INET: ``Addr`` is 4 bytes, ``Port`` the port; AF_INET6: ``Addr`` is 16
    bytes, ``ZoneId`` the scope id; AF_UNIX: ``Name`` is the path ("@..." for
    an abstract name, "" for an unnamed socket).  Unused fields are empty.
    """

    Family: int
    Addr: bytes = b""
    Port: int = 0
    ZoneId: int = 0
    Name: str = ""


class SockaddrInet4:
    """syscall.SockaddrInet4: an IPv4 address and port.

    Mutable, as Go's struct is: the ``*Inet4`` calls below (Go's
    internal/syscall/unix RecvfromInet4 and friends) fill one in place, so
    net's UDP code reads as Go's does (``from_ = SockaddrInet4();
    n, err = fd.readFromInet4(b, from_)``).
    """

    __slots__ = ("Port", "Addr")

    def __init__(self, Port: int = 0, Addr: bytes = bytes(4)) -> None:
        self.Port = Port
        self.Addr = Addr

    def __repr__(self) -> str:
        return f"SockaddrInet4(Port={self.Port}, Addr={self.Addr!r})"


class SockaddrInet6:
    """syscall.SockaddrInet6: an IPv6 address, port and scope id (see SockaddrInet4)."""

    __slots__ = ("Port", "ZoneId", "Addr")

    def __init__(self, Port: int = 0, ZoneId: int = 0, Addr: bytes = bytes(16)) -> None:
        self.Port = Port
        self.ZoneId = ZoneId
        self.Addr = Addr

    def __repr__(self) -> str:
        return f"SockaddrInet6(Port={self.Port}, ZoneId={self.ZoneId}, Addr={self.Addr!r})"


_FAMILY: Final = struct.Struct("=H")
_AF_INET_B: Final = _FAMILY.pack(AF_INET)
_AF_INET6_B: Final = _FAMILY.pack(AF_INET6)
_AF_UNIX_B: Final = _FAMILY.pack(AF_UNIX)
_ZERO8: Final = bytes(8)
_ZERO4: Final = bytes(4)
_SCOPE: Final = struct.Struct("=I")
_PATH_MAX: Final = 108  # len(RawSockaddrUnix.Path)


def sockaddr_inet4(addr: bytes, port: int) -> tuple[bytes, Errno]:
    """syscall.(*SockaddrInet4).sockaddr: encode a ``struct sockaddr_in``.

    ``addr`` is the 4-byte address.  A port outside 0..65535 (or an address
    of the wrong length, which Go's fixed-size array rules out) gives EINVAL.
    """
    if not 0 <= port <= 0xFFFF or len(addr) != 4:
        return b"", EINVAL
    return _AF_INET_B + port.to_bytes(2, "big") + bytes(addr) + _ZERO8, _E0


def sockaddr_inet6(addr: bytes, port: int, zone_id: int = 0) -> tuple[bytes, Errno]:
    """syscall.(*SockaddrInet6).sockaddr: encode a ``struct sockaddr_in6``.

    ``addr`` is the 16-byte address, ``zone_id`` the scope id (an interface
    index).  Flowinfo is always zero, as in Go.
    """
    if not 0 <= port <= 0xFFFF or len(addr) != 16 or not 0 <= zone_id <= 0xFFFFFFFF:
        return b"", EINVAL
    return (
        _AF_INET6_B + port.to_bytes(2, "big") + _ZERO4 + bytes(addr) + _SCOPE.pack(zone_id),
        _E0,
    )


def sockaddr_unix(name: str | bytes) -> tuple[bytes, Errno]:
    """syscall.(*SockaddrUnix).sockaddr: encode a ``struct sockaddr_un``.

    A name starting with "@" or NUL is abstract: the "@" becomes NUL and no
    terminator is added.  A path name gets its NUL terminator, so it may hold
    at most 107 bytes; longer names give EINVAL.  The result is exactly as
    long as the address length Go passes (2 + len(name), +1 for the NUL).
    ``str`` names are encoded like file names (UTF-8, surrogateescape).
    """
    raw = os.fsencode(name)
    n = len(raw)
    if n > _PATH_MAX:
        return b"", EINVAL
    abstract = n > 0 and raw[0] in (0x40, 0x00)  # "@" or NUL
    if n == _PATH_MAX and not abstract:
        return b"", EINVAL
    if abstract:
        return _AF_UNIX_B + b"\x00" + raw[1:], _E0
    if n > 0:
        return _AF_UNIX_B + raw + b"\x00", _E0
    return _AF_UNIX_B, _E0


def sockaddr_encode(sa: SockaddrTuple) -> tuple[bytes, Errno]:
    """Encode a SockaddrTuple by family (Go's ``Sockaddr.sockaddr`` interface call).

    An unknown family gives EAFNOSUPPORT.
    """
    if sa.Family == AF_INET:
        return sockaddr_inet4(sa.Addr, sa.Port)
    if sa.Family == AF_INET6:
        return sockaddr_inet6(sa.Addr, sa.Port, sa.ZoneId)
    if sa.Family == AF_UNIX:
        return sockaddr_unix(sa.Name)
    return b"", EAFNOSUPPORT


def anyToSockaddr(rsa: ReadableBuffer) -> tuple[SockaddrTuple | None, Errno]:
    """syscall.anyToSockaddr: decode raw sockaddr bytes.

    Bytes missing at the end read as zero, as they would in Go's zeroed
    RawSockaddrAny.  AF_INET, AF_INET6 and AF_UNIX are understood (Go also
    decodes AF_NETLINK and AF_PACKET, which the network code never sees);
    anything else, including an empty or AF_UNSPEC address, gives
    ``(None, EAFNOSUPPORT)``.
    """
    b = bytes(rsa)
    if len(b) < 2:
        return None, EAFNOSUPPORT
    family = _FAMILY.unpack_from(b)[0]
    if family == AF_INET:
        if len(b) < 8:
            b = b.ljust(8, b"\x00")
        return SockaddrTuple(AF_INET, b[4:8], (b[2] << 8) | b[3]), _E0
    if family == AF_INET6:
        if len(b) < SizeofSockaddrInet6:
            b = b.ljust(SizeofSockaddrInet6, b"\x00")
        zone = _SCOPE.unpack_from(b, 24)[0]
        return SockaddrTuple(AF_INET6, b[8:24], (b[2] << 8) | b[3], zone), _E0
    if family == AF_UNIX:
        # Go reads a zeroed RawSockaddrUnix: the bytes the kernel did not
        # fill are NULs, so an unnamed socket (a 2-byte address) reads as
        # an abstract one with an empty name: "@".
        path = b[2 : 2 + _PATH_MAX].ljust(_PATH_MAX, b"\x00")
        if path[:1] == b"\x00":
            # Abstract name: shown with a leading "@", the usual convention.
            path = b"@" + path[1:]
        end = path.find(b"\x00")
        if end >= 0:
            path = path[:end]
        return SockaddrTuple(AF_UNIX, Name=os.fsdecode(path)), _E0
    return None, EAFNOSUPPORT


# ---------------------------------------------------------------------------
# epoll / eventfd (internal/runtime/syscall/linux)
# ---------------------------------------------------------------------------


def epoll_create1(flags: int) -> tuple[int, Errno]:
    """linux.EpollCreate1: create an epoll instance; returns ``(epfd, errno)``."""
    fd: int = _epoll_create1(flags)
    if fd < 0:
        return -1, _errno()
    return fd, _E0


def epoll_ctl(epfd: int, op: int, fd: int, event: EpollEvent | None) -> Errno:
    """linux.EpollCtl: add, modify or delete ``fd`` in ``epfd``; returns the errno.

    ``event`` may be None for EPOLL_CTL_DEL.
    """
    if _epoll_ctl(epfd, op, fd, event) < 0:
        return _errno()
    return _E0


def new_epoll_events(n: int) -> ctypes.Array[EpollEvent]:
    """A zeroed ``[n]EpollEvent`` for :func:`epoll_pwait` (Go: ``var events [128]EpollEvent``)."""
    return (EpollEvent * n)()


def epoll_pwait(
    epfd: int, events: ctypes.Array[EpollEvent], maxev: int, waitms: int, /
) -> tuple[int, Errno]:
    """linux.EpollWait: ``epoll_pwait(epfd, events, maxev, waitms, NULL)``.

    Returns ``(n, errno)``; the first ``n`` entries of ``events`` are filled.
    Like Go it always uses epoll_pwait with a NULL signal mask (arm64 has no
    epoll_wait).  ``maxev`` is clamped to ``len(events)`` so the kernel can
    never write past the array; an empty array gives EINVAL from the kernel.
    ``waitms`` is -1 (block), 0 (poll) or a timeout in milliseconds.
    """
    cap = len(events)
    if maxev > cap:
        maxev = cap
    n: int = _epoll_pwait(epfd, events, maxev, waitms, None)
    if n < 0:
        return -1, _errno()
    return n, _E0


_EPOLL_EVENT: Final = struct.Struct("=IQ" if GOARCH == "amd64" else "=I4xQ")


def epoll_events_unpack(events: ctypes.Array[EpollEvent], n: int, /) -> list[tuple[int, int]]:
    """``[(Events, Data), ...]`` for the first ``n`` entries, decoded in one pass.

    A Python-only helper for the netpoller: reading fields through ctypes
    builds a proxy object per entry; this reads the raw array with
    ``struct.iter_unpack`` instead, roughly twice as fast from ~4 events up.
    ``n`` beyond the array is a ValueError.
    """
    if n <= 0:
        return []
    if n > len(events):
        raise ValueError("epoll_events_unpack: n is larger than the array")
    return list(_EPOLL_EVENT.iter_unpack(memoryview(events).cast("B")[: n * _EPOLL_EVENT.size]))


def eventfd(initval: int, flags: int) -> tuple[int, Errno]:
    """linux.Eventfd: ``eventfd2(initval, flags)``; returns ``(fd, errno)``."""
    fd: int = _eventfd(initval, flags)
    if fd < 0:
        return -1, _errno()
    return fd, _E0


# ---------------------------------------------------------------------------
# read / write / close / pipes / fcntl
# ---------------------------------------------------------------------------


def read(fd: int, p: WriteableBuffer, /) -> tuple[int, Errno]:
    """syscall.Read (linux.Read): ``read(fd, p)``; returns ``(n, errno)``.

    ``p`` is filled in place (bytearray, writable memoryview, ...); n == 0
    with errno 0 is end of file.

    Discussion: this is the hottest call in the runtime (two per echo round
    trip: the data, then the EAGAIN that parks the goroutine). CPython's own
    ``os.readv`` reads into the buffer with no ctypes argument conversion:
    a 64-byte read costs 0.6 us less than through ctypes (measured: write +
    read on a socketpair 3.53 us -> 2.29 us), and its EAGAIN, raised as
    BlockingIOError, costs no more than the ctypes call did (1.44 vs 1.50
    us). PEP 475 retries EINTR inside, which Go's loop would do anyway, and a
    signal handler's exception (Ctrl-C) still propagates.
    """
    try:
        return _osreadv(fd, (p,)), _E0
    except OSError as e:
        return -1, _errno_cache[e.errno or 0]
    except BufferError:
        raise TypeError(f"read needs a writable buffer, not {type(p).__name__}") from None


def write(fd: int, p: ReadableBuffer, /) -> tuple[int, Errno]:
    """syscall.Write: ``write(fd, p)``; returns ``(n, errno)``.

    Any bytes-like object is passed without copying; n may be short (the
    caller, poll.FD.Write, loops as Go's does). Discussion: ``os.write``, for
    the reason given under ``read`` (0.6 us a call less than ctypes).
    """
    try:
        return _oswrite(fd, p), _E0
    except OSError as e:
        return -1, _errno_cache[e.errno or 0]


def pread(fd: int, p: WriteableBuffer, offset: int) -> tuple[int, Errno]:
    """syscall.Pread: read at ``offset`` without moving the file position; ``(n, errno)``."""
    try:
        return os.preadv(fd, (p,), offset), _E0
    except OSError as e:
        return -1, _errno_cache[e.errno or 0]


def pwrite(fd: int, p: ReadableBuffer, offset: int) -> tuple[int, Errno]:
    """syscall.Pwrite: write at ``offset`` without moving the file position; ``(n, errno)``."""
    try:
        return os.pwrite(fd, p, offset), _E0
    except OSError as e:
        return -1, _errno_cache[e.errno or 0]


def open(path: str, mode: int, perm: int) -> tuple[int, Errno]:
    """syscall.Open: open(2) (openat with AT_FDCWD, as Go); ``(fd, errno)``, fd -1 on failure.

    A path with a NUL byte is EINVAL (Go's ByteSliceFromString).
    """
    try:
        return os.open(path, mode, perm), _E0
    except OSError as e:
        return -1, _errno_cache[e.errno or 0]
    except ValueError:  # embedded NUL
        return -1, EINVAL


def lseek(fd: int, offset: int, whence: int) -> tuple[int, Errno]:
    """syscall.Seek: lseek(2); ``(new offset, errno)``."""
    try:
        return os.lseek(fd, offset, whence), _E0
    except OSError as e:
        return -1, _errno_cache[e.errno or 0]


def fsync(fd: int) -> Errno:
    """syscall.Fsync: flush fd's data and metadata to the storage device; returns the errno (0 on
    success).
    """
    try:
        os.fsync(fd)
    except OSError as e:
        return _errno_cache[e.errno or 0]
    return _E0


def fchmod(fd: int, mode: int) -> Errno:
    """syscall.Fchmod: set the permission bits of the file open as fd to mode; returns the errno (0
    on success).
    """
    try:
        os.fchmod(fd, mode)
    except OSError as e:
        return _errno_cache[e.errno or 0]
    return _E0


def fstat(fd: int) -> tuple[os.stat_result | None, Errno]:
    """syscall.Fstat: Go fills a Stat_t; here the result is Python's os.stat_result."""
    try:
        return os.fstat(fd), _E0
    except OSError as e:
        return None, _errno_cache[e.errno or 0]


def readv(fd: int, iovs: Sequence[WriteableBuffer]) -> tuple[int, Errno]:
    """x/sys/unix.Readv: scatter-read into ``iovs``; returns ``(n, errno)``.

    More than IOV_MAX buffers gives EINVAL from the kernel, as in Go.
    """
    keep: list[object] = []
    iov = _iovecs([_waddr(p, keep) for p in iovs])
    r: int = _readv(fd, iov or None, len(iovs))
    if r < 0:
        return -1, _errno()
    return r, _E0


def writev(fd: int, iovs: Sequence[ReadableBuffer]) -> tuple[int, Errno]:
    """internal/poll.writev (fd_writev_unix.go): gather-write ``iovs``; returns ``(n, errno)``.

    Go's version takes prepared ``[]syscall.Iovec``; this one takes the
    buffers and builds the iovec array itself.  Callers chunk at IOV_MAX
    (poll's maxVec) as Go's ``FD.Writev`` does; more gives EINVAL.
    """
    keep: list[object] = []
    pins: list[_PyBuffer] = []
    try:
        iov = _iovecs([_raddr(p, keep, pins) for p in iovs])
        r: int = _writev(fd, iov or None, len(iovs))
    finally:
        for view in pins:
            _unpin(view)
    if r < 0:
        return -1, _errno()
    return r, _E0


def close(fd: int) -> Errno:
    """syscall.Close (linux.Close): ``close(fd)``; returns the errno."""
    if _close(fd) < 0:
        return _errno()
    return _E0


def pipe2(flags: int) -> tuple[tuple[int, int], Errno]:
    """syscall.Pipe2: returns ``((rfd, wfd), errno)``; ``(-1, -1)`` on failure."""
    fds = (c_int * 2)()
    if _pipe2(fds, flags) < 0:
        return (-1, -1), _errno()
    return (fds[0], fds[1]), _E0


def fcntl(fd: int, cmd: int, arg: int) -> tuple[int, Errno]:
    """syscall.fcntl (internal/syscall/unix.Fcntl): returns ``(value, errno)``."""
    r: int = _fcntl(fd, cmd, arg)
    if r < 0:
        return -1, _errno()
    return r, _E0


# ---------------------------------------------------------------------------
# Sockets
# ---------------------------------------------------------------------------


def socket(domain: int, typ: int, proto: int) -> tuple[int, Errno]:
    """syscall.Socket: create a socket of the given domain, type and protocol; returns
    ``(fd, errno)``, fd -1 on failure.
    """
    fd: int = _socket(domain, typ, proto)
    if fd < 0:
        return -1, _errno()
    return fd, _E0


def socketpair(domain: int, typ: int, proto: int) -> tuple[tuple[int, int], Errno]:
    """syscall.Socketpair: returns ``((fd0, fd1), errno)``; ``(-1, -1)`` on failure."""
    fds = (c_int * 2)()
    if _socketpair(domain, typ, proto, fds) < 0:
        return (-1, -1), _errno()
    return (fds[0], fds[1]), _E0


def bind(fd: int, sa: bytes) -> Errno:
    """syscall.Bind: ``sa`` is a raw sockaddr (:func:`sockaddr_inet4` ...); returns the errno."""
    if _bind(fd, sa, len(sa)) < 0:
        return _errno()
    return _E0


def connect(fd: int, sa: bytes) -> Errno:
    """syscall.Connect: ``sa`` is a raw sockaddr; returns the errno.

    On a non-blocking socket EINPROGRESS is the normal start of a connect.
    """
    if _connect(fd, sa, len(sa)) < 0:
        return _errno()
    return _E0


def listen(fd: int, backlog: int) -> Errno:
    """syscall.Listen: mark the bound socket fd as accepting connections, with a queue of backlog;
    returns the errno (0 on success).
    """
    if _listen(fd, backlog) < 0:
        return _errno()
    return _E0


def accept4(fd: int, flags: int) -> tuple[int, bytes, Errno]:
    """syscall.Accept4: returns ``(nfd, rsa, errno)``.

    ``rsa`` is the peer's raw sockaddr (decode with :func:`anyToSockaddr`),
    ``b""`` on failure.  Go decodes it inside Accept4 and closes ``nfd`` if
    the family is unknown; here decoding is the caller's step, so a caller
    that cannot decode ``rsa`` must close ``nfd`` itself.
    """
    rsa = RawSockaddrAny()
    rlen = c_uint32(SizeofSockaddrAny)
    nfd: int = _accept4(fd, byref(rsa), byref(rlen), flags)
    if nfd < 0:
        return -1, b"", _errno()
    return nfd, bytes(rsa)[: rlen.value], _E0


def shutdown(fd: int, how: int) -> Errno:
    """syscall.Shutdown: shut down the read side, write side or both (SHUT_RD, SHUT_WR, SHUT_RDWR)
    of socket fd; returns the errno.
    """
    if _shutdown(fd, how) < 0:
        return _errno()
    return _E0


def _getname(fn: ctypes._NamedFuncPointer, fd: int) -> tuple[bytes, Errno]:
    rsa = RawSockaddrAny()
    rlen = c_uint32(SizeofSockaddrAny)
    if fn(fd, byref(rsa), byref(rlen)) < 0:
        return b"", _errno()
    return bytes(rsa)[: rlen.value], _E0


def getsockname(fd: int) -> tuple[bytes, Errno]:
    """syscall.Getsockname: returns ``(rsa, errno)`` with the raw local sockaddr."""
    return _getname(_getsockname, fd)


def getpeername(fd: int) -> tuple[bytes, Errno]:
    """syscall.Getpeername: returns ``(rsa, errno)`` with the raw peer sockaddr."""
    return _getname(_getpeername, fd)


def getsockopt_int(fd: int, level: int, opt: int) -> tuple[int, Errno]:
    """syscall.GetsockoptInt: returns ``(value, errno)`` (a C int option)."""
    value = c_int32(0)
    vlen = c_uint32(4)
    if _getsockopt(fd, level, opt, byref(value), byref(vlen)) < 0:
        return -1, _errno()
    return value.value, _E0


def getsockopt_bytes(fd: int, level: int, opt: int, size: int) -> tuple[bytes, Errno]:
    """syscall.getsockopt: the raw call; returns ``(value, errno)``.

    Asks for at most ``size`` bytes and returns as many as the kernel wrote,
    e.g. 8 for SO_LINGER (a :class:`Linger`: ``Linger.from_buffer_copy(v)``).
    """
    buf = (c_char * max(size, 1))()
    vlen = c_uint32(size)
    if _getsockopt(fd, level, opt, buf, byref(vlen)) < 0:
        return b"", _errno()
    return buf.raw[: min(vlen.value, size)], _E0


def getsockopt_inet4addr(fd: int, level: int, opt: int) -> tuple[bytes, Errno]:
    """syscall.GetsockoptInet4Addr: returns ``(4-byte address, errno)``."""
    v, errno = getsockopt_bytes(fd, level, opt, 4)
    return v.ljust(4, b"\x00"), errno


def setsockopt_bytes(fd: int, level: int, opt: int, value: bytes) -> Errno:
    """syscall.SetsockoptString (setsockopt with raw bytes): returns the errno."""
    if _setsockopt(fd, level, opt, value, len(value)) < 0:
        return _errno()
    return _E0


_INT32: Final = struct.Struct("=i")


def setsockopt_int(fd: int, level: int, opt: int, value: int) -> Errno:
    """syscall.SetsockoptInt: set the int socket option (level, opt) of fd to value; returns the
    errno (0 on success).
    """
    return setsockopt_bytes(fd, level, opt, _INT32.pack(value))


def setsockopt_byte(fd: int, level: int, opt: int, value: int) -> Errno:
    """syscall.SetsockoptByte: a one-byte option value; returns the errno."""
    return setsockopt_bytes(fd, level, opt, bytes((value,)))


def setsockopt_linger(fd: int, level: int, opt: int, l: Linger) -> Errno:
    """syscall.SetsockoptLinger: set a ``struct linger`` option (SO_LINGER) on fd; returns the errno
    (0 on success).
    """
    return setsockopt_bytes(fd, level, opt, bytes(l))


def setsockopt_inet4addr(fd: int, level: int, opt: int, value: bytes) -> Errno:
    """syscall.SetsockoptInet4Addr: ``value`` is a 4-byte address; returns the errno."""
    if len(value) != 4:
        return EINVAL
    return setsockopt_bytes(fd, level, opt, bytes(value))


def setsockopt_ipmreq(fd: int, level: int, opt: int, mreq: IPMreq) -> Errno:
    """syscall.SetsockoptIPMreq: set an ``ip_mreq`` option (join or leave an IPv4 multicast group)
    on fd; returns the errno.
    """
    return setsockopt_bytes(fd, level, opt, bytes(mreq))


def setsockopt_ipmreqn(fd: int, level: int, opt: int, mreq: IPMreqn) -> Errno:
    """syscall.SetsockoptIPMreqn: set an ``ip_mreqn`` option (IPv4 multicast by interface index) on
    fd; returns the errno.
    """
    return setsockopt_bytes(fd, level, opt, bytes(mreq))


def setsockopt_ipv6mreq(fd: int, level: int, opt: int, mreq: IPv6Mreq) -> Errno:
    """syscall.SetsockoptIPv6Mreq: set an ``ipv6_mreq`` option (join or leave an IPv6 multicast
    group) on fd; returns the errno.
    """
    return setsockopt_bytes(fd, level, opt, bytes(mreq))


def recvfrom(fd: int, p: WriteableBuffer, flags: int) -> tuple[int, bytes, Errno]:
    """syscall.Recvfrom: returns ``(n, from, errno)``.

    ``from`` is the sender's raw sockaddr, ``b""`` when the kernel gave none
    (a connected stream socket) or on failure; Go leaves ``from`` nil then.
    """
    ptr, n = _wbuf(p)
    rsa = RawSockaddrAny()
    rlen = c_uint32(SizeofSockaddrAny)
    r: int = _recvfrom(fd, ptr, n if n <= _MAX_RW else _MAX_RW, flags, byref(rsa), byref(rlen))
    if r < 0:
        return -1, b"", _errno()
    if rlen.value == 0 or rsa.Addr.Family == AF_UNSPEC:
        return r, b"", _E0
    return r, bytes(rsa)[: rlen.value], _E0


def sendto(fd: int, p: ReadableBuffer, flags: int, to: bytes | None) -> Errno:
    """syscall.Sendto: send ``p`` to the raw sockaddr ``to`` (None: connected peer).

    Returns the errno only, as Go's Sendto does; the datagram is sent whole
    or not at all.
    """
    ptr, n, pin = _rbuf(p)
    try:
        r: int = _sendto(fd, ptr, n if n <= _MAX_RW else _MAX_RW, flags, to, len(to) if to else 0)
    finally:
        _unpin(pin)
    if r < 0:
        return _errno()
    return _E0


_DUMMY: Final = b"\x00"


def _sock_type_needs_dummy(fd: int) -> tuple[bool, Errno]:
    # Go's recvmsgRaw/sendmsgN: with oob but no data, a non-datagram socket
    # must move at least one normal byte.
    typ, errno = getsockopt_int(fd, SOL_SOCKET, SO_TYPE)
    if errno:
        return False, errno
    return typ != SOCK_DGRAM, _E0


def recvmsg(
    fd: int, p: WriteableBuffer, oob: WriteableBuffer, flags: int
) -> tuple[int, int, int, bytes, Errno]:
    """syscall.Recvmsg: returns ``(n, oobn, recvflags, from, errno)``.

    ``p`` receives data and ``oob`` control messages (parse them with
    :func:`ParseSocketControlMessage`); ``from`` is the raw source sockaddr,
    ``b""`` when the socket is connected.  As in Go, with room for control
    data but none for normal data, a stream socket reads into a one-byte
    dummy so the control data can arrive.
    """
    keep: list[object] = []
    base, n = _waddr(p, keep)
    obase, oobn = _waddr(oob, keep)
    dummy = None
    if oobn > 0 and n == 0:
        need, errno = _sock_type_needs_dummy(fd)
        if errno:
            return 0, 0, 0, b"", errno  # Go's recvmsgRaw returns before n is set
        if need:
            dummy = (c_char * 1)()
            base, n = _addressof(dummy), 1
    rsa = RawSockaddrAny()
    iov = Iovec(base, n if n <= _MAX_RW else _MAX_RW)
    msg = Msghdr()
    msg.Name = _addressof(rsa)
    msg.Namelen = SizeofSockaddrAny
    msg.Iov = _addressof(iov)
    msg.Iovlen = 1
    if oobn > 0:
        msg.Control = obase
        msg.Controllen = oobn
    r: int = _recvmsg(fd, byref(msg), flags)
    if r < 0:
        return -1, 0, 0, b"", _errno()
    frm = b""
    if msg.Namelen > 0 and rsa.Addr.Family != AF_UNSPEC:
        frm = bytes(rsa)[: msg.Namelen]
    return r, int(msg.Controllen), int(msg.Flags), frm, _E0


def sendmsg(
    fd: int, p: ReadableBuffer, oob: ReadableBuffer, to: bytes | None, flags: int
) -> tuple[int, Errno]:
    """syscall.SendmsgN: send data ``p`` and control data ``oob``; returns ``(n, errno)``.

    ``to`` is a raw sockaddr or None.  With control data but no normal data a
    stream socket sends a one-byte dummy, and n is reported as 0, as in Go.
    """
    keep: list[object] = []
    pins: list[_PyBuffer] = []
    try:
        base, n = _raddr(p, keep, pins)
        obase, oobn = _raddr(oob, keep, pins)
        no_data = n == 0
        if oobn > 0 and no_data:
            need, errno = _sock_type_needs_dummy(fd)
            if errno:
                return 0, errno
            if need:
                keep.append(_DUMMY)
                base, n = _bytes_addr(_DUMMY), 1
        iov = Iovec(base, n if n <= _MAX_RW else _MAX_RW)
        msg = Msghdr()
        if to:
            keep.append(to)
            msg.Name = _bytes_addr(to)
            msg.Namelen = len(to)
        msg.Iov = _addressof(iov)
        msg.Iovlen = 1
        if oobn > 0:
            msg.Control = obase
            msg.Controllen = oobn
        r: int = _sendmsg(fd, byref(msg), flags)
    finally:
        for view in pins:
            _unpin(view)
    if r < 0:
        return 0, _errno()
    if oobn > 0 and no_data:
        r = 0
    return r, _E0


def _fill4(rsa: bytes, sa: SockaddrInet4) -> None:
    # Go's unix.RecvfromInet4 copies the port and address out of the raw
    # sockaddr without checking the family; so does this.
    b = rsa.ljust(8, b"\x00")
    sa.Port = (b[2] << 8) | b[3]
    sa.Addr = b[4:8]


def _fill6(rsa: bytes, sa: SockaddrInet6) -> None:
    b = rsa.ljust(SizeofSockaddrInet6, b"\x00")
    sa.Port = (b[2] << 8) | b[3]
    sa.Addr = b[8:24]
    sa.ZoneId = _SCOPE.unpack_from(b, 24)[0]


def recvfromInet4(fd: int, p: WriteableBuffer, flags: int, frm: SockaddrInet4) -> tuple[int, Errno]:
    """internal/syscall/unix.RecvfromInet4: recvfrom(2), the sender written into ``frm``."""
    n, rsa, errno = recvfrom(fd, p, flags)
    if not errno:
        _fill4(rsa, frm)
    return n, errno


def recvfromInet6(fd: int, p: WriteableBuffer, flags: int, frm: SockaddrInet6) -> tuple[int, Errno]:
    """internal/syscall/unix.RecvfromInet6: recvfrom(2), the sender written into ``frm``."""
    n, rsa, errno = recvfrom(fd, p, flags)
    if not errno:
        _fill6(rsa, frm)
    return n, errno


def sendtoInet4(
    fd: int, p: ReadableBuffer, flags: int, to: SockaddrInet4 | SockaddrTuple
) -> Errno:
    """internal/syscall/unix.SendtoInet4: one datagram to ``to``.

    ``to`` may also be a SockaddrTuple of AF_INET (what net's
    ipToSockaddrInet4 gives): only Addr and Port are read.
    """
    b, errno = sockaddr_inet4(to.Addr, to.Port)
    if errno:
        return errno
    return sendto(fd, p, flags, b)


def sendtoInet6(
    fd: int, p: ReadableBuffer, flags: int, to: SockaddrInet6 | SockaddrTuple
) -> Errno:
    """internal/syscall/unix.SendtoInet6: one datagram to ``to``."""
    b, errno = sockaddr_inet6(to.Addr, to.Port, to.ZoneId)
    if errno:
        return errno
    return sendto(fd, p, flags, b)


def recvmsgInet4(
    fd: int, p: WriteableBuffer, oob: WriteableBuffer, flags: int, frm: SockaddrInet4
) -> tuple[int, int, int, Errno]:
    """internal/syscall/unix.RecvmsgInet4: recvmsg(2), the sender written into ``frm``."""
    n, oobn, recvflags, rsa, errno = recvmsg(fd, p, oob, flags)
    if not errno and rsa:
        _fill4(rsa, frm)
    return n, oobn, recvflags, errno


def recvmsgInet6(
    fd: int, p: WriteableBuffer, oob: WriteableBuffer, flags: int, frm: SockaddrInet6
) -> tuple[int, int, int, Errno]:
    """internal/syscall/unix.RecvmsgInet6: recvmsg(2), the sender written into ``frm``."""
    n, oobn, recvflags, rsa, errno = recvmsg(fd, p, oob, flags)
    if not errno and rsa:
        _fill6(rsa, frm)
    return n, oobn, recvflags, errno


def sendmsgNInet4(
    fd: int,
    p: ReadableBuffer,
    oob: ReadableBuffer,
    to: SockaddrInet4 | SockaddrTuple | None,
    flags: int,
) -> tuple[int, Errno]:
    """internal/syscall/unix.SendmsgNInet4: sendmsg(2) to ``to`` (None: the connected peer)."""
    b = None
    if to is not None:
        b, errno = sockaddr_inet4(to.Addr, to.Port)
        if errno:
            return 0, errno
    return sendmsg(fd, p, oob, b, flags)


def sendmsgNInet6(
    fd: int,
    p: ReadableBuffer,
    oob: ReadableBuffer,
    to: SockaddrInet6 | SockaddrTuple | None,
    flags: int,
) -> tuple[int, Errno]:
    """internal/syscall/unix.SendmsgNInet6: sendmsg(2) to ``to`` (None: the connected peer)."""
    b = None
    if to is not None:
        b, errno = sockaddr_inet6(to.Addr, to.Port, to.ZoneId)
        if errno:
            return 0, errno
    return sendmsg(fd, p, oob, b, flags)


# ---------------------------------------------------------------------------
# Socket control messages (syscall/sockcmsg_unix.go)
# ---------------------------------------------------------------------------

_SIZEOF_PTR: Final = 8


def _cmsgAlignOf(salen: int) -> int:
    return (salen + _SIZEOF_PTR - 1) & ~(_SIZEOF_PTR - 1)


def CmsgLen(datalen: int) -> int:
    """syscall.CmsgLen: the Len field value for ``datalen`` bytes of payload."""
    return _cmsgAlignOf(SizeofCmsghdr) + datalen


def CmsgSpace(datalen: int) -> int:
    """syscall.CmsgSpace: bytes one control message with ``datalen`` payload occupies."""
    return _cmsgAlignOf(SizeofCmsghdr) + _cmsgAlignOf(datalen)


class SocketControlMessage(NamedTuple):
    """syscall.SocketControlMessage: a header and its payload."""

    Header: Cmsghdr
    Data: bytes


def ParseSocketControlMessage(b: bytes) -> tuple[list[SocketControlMessage], Errno]:
    """syscall.ParseSocketControlMessage: split control data; EINVAL if malformed."""
    msgs: list[SocketControlMessage] = []
    i = 0
    hdr = _cmsgAlignOf(SizeofCmsghdr)
    while i + CmsgLen(0) <= len(b):
        h = Cmsghdr.from_buffer_copy(b, i)
        if h.Len < SizeofCmsghdr or h.Len > len(b) - i:
            return [], EINVAL
        msgs.append(SocketControlMessage(h, bytes(b[i + hdr : i + h.Len])))
        i += _cmsgAlignOf(int(h.Len))
    return msgs, _E0


def UnixRights(*fds: int) -> bytes:
    """syscall.UnixRights: an SCM_RIGHTS control message carrying ``fds``."""
    datalen = len(fds) * 4
    b = bytearray(CmsgSpace(datalen))
    h = Cmsghdr(CmsgLen(datalen), SOL_SOCKET, SCM_RIGHTS)
    b[:SizeofCmsghdr] = bytes(h)
    off = _cmsgAlignOf(SizeofCmsghdr)
    for i, fd in enumerate(fds):
        _INT32.pack_into(b, off + 4 * i, fd)
    return bytes(b)


def ParseUnixRights(m: SocketControlMessage) -> tuple[list[int], Errno]:
    """syscall.ParseUnixRights: the fds in an SCM_RIGHTS message; EINVAL otherwise."""
    if m.Header.Level != SOL_SOCKET or m.Header.Type != SCM_RIGHTS:
        return [], EINVAL
    return [v for (v,) in _INT32.iter_unpack(m.Data[: len(m.Data) & ~3])], _E0


class Ucred(Structure):
    """syscall.Ucred: ``struct ucred``, the payload of SCM_CREDENTIALS."""

    _fields_ = [("Pid", c_int32), ("Uid", c_uint32), ("Gid", c_uint32)]


SizeofUcred: Final = 12


def UnixCredentials(ucred: Ucred) -> bytes:
    """syscall.UnixCredentials: an SCM_CREDENTIALS control message carrying ``ucred``."""
    b = bytearray(CmsgSpace(SizeofUcred))
    h = Cmsghdr(CmsgLen(SizeofUcred), SOL_SOCKET, SCM_CREDENTIALS)
    b[:SizeofCmsghdr] = bytes(h)
    off = _cmsgAlignOf(SizeofCmsghdr)
    b[off : off + SizeofUcred] = bytes(ucred)
    return bytes(b)


def ParseUnixCredentials(m: SocketControlMessage) -> tuple[Ucred | None, Errno]:
    """syscall.ParseUnixCredentials: the Ucred of an SCM_CREDENTIALS message.

    EINVAL for any other message, or one whose payload is shorter than a
    ucred (a longer one is read from its start, as Go does).
    """
    if m.Header.Level != SOL_SOCKET or m.Header.Type != SCM_CREDENTIALS:
        return None, EINVAL
    if len(m.Data) < SizeofUcred:
        return None, EINVAL
    return Ucred.from_buffer_copy(m.Data[:SizeofUcred]), _E0


# ---------------------------------------------------------------------------
# splice / sendfile
# ---------------------------------------------------------------------------


def splice(
    rfd: int, roff: int | None, wfd: int, woff: int | None, n: int, flags: int
) -> tuple[int, Errno]:
    """syscall.Splice: move up to ``n`` bytes from ``rfd`` to ``wfd``; returns ``(n, errno)``.

    Go passes ``*int64`` offsets the kernel advances; here an offset is an
    int (or None for the fd's own position, which is all internal/poll uses)
    and the caller advances it by the returned count.
    """
    ro = c_int64(roff) if roff is not None else None
    wo = c_int64(woff) if woff is not None else None
    r: int = _splice(rfd, ro, wfd, wo, n, flags)
    if r < 0:
        return -1, _errno()
    return r, _E0


def sendfile(outfd: int, infd: int, offset: int | None, count: int) -> tuple[int, Errno]:
    """syscall.Sendfile: copy ``count`` bytes of file ``infd`` to ``outfd``; ``(written, errno)``.

    ``offset`` None reads from (and advances) ``infd``'s file position; an int
    reads from that offset and leaves the position alone, as in C.  The
    caller advances its own offset by the count, as with :func:`splice`.
    """
    off = c_int64(offset) if offset is not None else None
    r: int = _sendfile(outfd, infd, off, count)
    if r < 0:
        return -1, _errno()
    return r, _E0


# ---------------------------------------------------------------------------
# Resource limits, uname
# ---------------------------------------------------------------------------


def getrlimit(resource: int) -> tuple[Rlimit, Errno]:
    """syscall.Getrlimit: returns ``(Rlimit, errno)`` instead of filling a pointer."""
    rlim = Rlimit()
    if _getrlimit(resource, rlim) < 0:
        return rlim, _errno()
    return rlim, _E0


def setrlimit(resource: int, rlim: Rlimit) -> Errno:
    """syscall.Setrlimit: set the soft and hard limits of resource (RLIMIT_NOFILE, ...) from rlim;
    returns the errno (0 on success).
    """
    if _setrlimit(resource, rlim) < 0:
        return _errno()
    return _E0


def uname() -> tuple[Utsname, Errno]:
    """linux.Uname / syscall.Uname: returns ``(Utsname, errno)``."""
    buf = Utsname()
    if _uname(buf) < 0:
        return buf, _errno()
    return buf, _E0


# ---------------------------------------------------------------------------
# Resolver (libc; Go's cgo path in net/cgo_unix.go)
# ---------------------------------------------------------------------------

if TYPE_CHECKING:
    AddrinfoPtr = ctypes._Pointer[Addrinfo]
else:
    AddrinfoPtr = POINTER(Addrinfo)
    AddrinfoPtr.__doc__ = ("C's struct addrinfo *: a pointer into the list getaddrinfo "
                           "returns (freed with freeaddrinfo).")


class AddrinfoTuple(NamedTuple):
    """One getaddrinfo result; ``Addr`` is the raw sockaddr (decode with anyToSockaddr)."""

    Family: int
    Socktype: int
    Protocol: int
    Canonname: str
    Addr: bytes


def _cstr(s: str | None) -> tuple[bytes | None, bool]:
    # A Go string handed to C; an embedded NUL cannot be represented.
    if s is None:
        return None, True
    b = s.encode("utf-8", "surrogateescape")
    return b, b"\x00" not in b


def getaddrinfo_raw(
    node: bytes | None, service: bytes | None, hints: Addrinfo | None
) -> tuple[AddrinfoPtr, int, Errno]:
    """net._C_getaddrinfo: the raw libc call; returns ``(res, gerrno, errno)``.

    ``res`` is the result list (walk ``res.contents.Next``; falsy when
    empty) and must be released with :func:`freeaddrinfo` when gerrno is 0.
    ``errno`` is meaningful only when gerrno is EAI_SYSTEM (and may be 0
    then: Go substitutes EMFILE, golang.org/issue/6232).  Blocks; run it on a
    spare M (``rt.blocking``).
    """
    res = AddrinfoPtr()
    gerrno: int = _getaddrinfo(node, service, hints, byref(res))
    errno = _errno() if gerrno == EAI_SYSTEM else _E0
    return res, gerrno, errno


def freeaddrinfo(res: AddrinfoPtr) -> None:
    """net._C_freeaddrinfo: release a list from :func:`getaddrinfo_raw` (NULL is ignored)."""
    if res:
        _freeaddrinfo(res)


def gai_strerror(gerrno: int) -> str:
    """net._C_gai_strerror: libc's text for an EAI_* code."""
    s: bytes | None = _gai_strerror(gerrno)
    return s.decode("utf-8", "replace") if s else f"EAI error {gerrno}"


def getaddrinfo(
    host: str | None,
    service: str | None = None,
    family: int = AF_UNSPEC,
    socktype: int = 0,
    proto: int = 0,
    flags: int = 0,
) -> tuple[list[AddrinfoTuple], int, Errno]:
    """net.cgoLookupHostIP's libc part: resolve and copy out the whole list.

    Returns ``(addrs, gerrno, errno)``: the results in libc's order, the
    EAI_* code (0 on success) and, for EAI_SYSTEM, the errno.  A name with an
    embedded NUL gives EAI_NONAME without calling libc.  Blocks; run it on a
    spare M (``rt.blocking``).
    """
    node, ok1 = _cstr(host)
    serv, ok2 = _cstr(service)
    if not (ok1 and ok2):
        return [], EAI_NONAME, _E0
    hints = Addrinfo()
    hints.Flags = flags
    hints.Family = family
    hints.Socktype = socktype
    hints.Protocol = proto
    res, gerrno, errno = getaddrinfo_raw(node, serv, hints)
    if gerrno != 0:
        return [], gerrno, errno
    out: list[AddrinfoTuple] = []
    try:
        r = res
        while r:
            ai = r.contents
            raw = ctypes.string_at(ai.Addr, ai.Addrlen) if ai.Addr else b""
            canon = ai.Canonname.decode("utf-8", "surrogateescape") if ai.Canonname else ""
            out.append(AddrinfoTuple(ai.Family, ai.Socktype, ai.Protocol, canon, raw))
            r = ai.Next
    finally:
        freeaddrinfo(res)
    return out, 0, _E0


def getnameinfo(sa: bytes, flags: int) -> tuple[str, str, int, Errno]:
    """net.cgoNameinfoPTR's libc part (unix.Getnameinfo): ``(host, serv, gerrno, errno)``.

    ``sa`` is a raw sockaddr.  Blocks; run it on a spare M.
    """
    host = (c_char * NI_MAXHOST)()
    serv = (c_char * NI_MAXSERV)()
    gerrno: int = _getnameinfo(sa, len(sa), host, NI_MAXHOST, serv, NI_MAXSERV, flags)
    if gerrno != 0:
        return "", "", gerrno, (_errno() if gerrno == EAI_SYSTEM else _E0)
    return (
        host.value.decode("utf-8", "surrogateescape"),
        serv.value.decode("utf-8", "surrogateescape"),
        0,
        _E0,
    )


# ---------------------------------------------------------------------------
# Netlink (syscall/netlink_linux.go)
# ---------------------------------------------------------------------------


def _nlmAlignOf(msglen: int) -> int:
    # Messages in a datagram start on 4-byte boundaries.
    return (msglen + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1)


def _rtaAlignOf(attrlen: int) -> int:
    # So do the attributes inside a message.
    return (attrlen + RTA_ALIGNTO - 1) & ~(RTA_ALIGNTO - 1)


def _newNetlinkRouteRequest(proto: int, seq: int, family: int) -> bytes:
    # syscall's NetlinkRouteRequest in wire form: a dump request header
    # followed by a one-byte rtgenmsg naming the address family (17 bytes).
    h = NlMsghdr(
        Len=NLMSG_HDRLEN + SizeofRtGenmsg,
        Type=proto,
        Flags=NLM_F_DUMP | NLM_F_REQUEST,
        Seq=seq,
    )
    return bytes(h) + bytes((family & 0xFF,))


_PAGESIZE: Final = os.sysconf("SC_PAGE_SIZE")


def NetlinkRIB(proto: int, family: int) -> tuple[bytes, Errno]:
    """syscall.NetlinkRIB: dump one of the kernel's routing tables over netlink.

    ``proto`` is the request (RTM_GETLINK for links, RTM_GETADDR for
    addresses, RTM_GETROUTE for routes), ``family`` the address family to
    dump (AF_UNSPEC: all). Returns ``(tab, errno)``: every reply datagram,
    concatenated, up to and including the one holding NLMSG_DONE; split it
    with :func:`ParseNetlinkMessage`. A reply that is too short, carries
    another sequence number or port id than the request, or is an
    NLMSG_ERROR gives EINVAL, as in Go. The socket is closed on every path.

    Differs from Go: EINTR from sendto or recvfrom is retried. Go never
    sees it there (its signal handlers are installed with SA_RESTART);
    CPython's are not, so a signal arriving mid-dump would fail the dump.

    Discussion: the socket is blocking and never meets the netpoller. The
    kernel builds each part of a dump inside the sendto or recvfrom that
    asks for it, so no call waits on anything but the kernel's own work;
    Go makes the same plain system calls. Replies are read into a
    page-sized buffer, Go's size, which also bounds the parts the kernel
    builds.
    """
    s, errno = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE)
    if errno:
        return b"", errno
    try:
        sa = bytes(RawSockaddrNetlink(Family=AF_NETLINK))
        errno = bind(s, sa)
        if errno:
            return b"", errno
        wb = _newNetlinkRouteRequest(proto, 1, family)
        errno = sendto(s, wb, 0, sa)
        while errno == EINTR:
            errno = sendto(s, wb, 0, sa)
        if errno:
            return b"", errno
        lsa, errno = getsockname(s)
        if errno:
            return b"", errno
        if len(lsa) < SizeofSockaddrNetlink:
            return b"", EINVAL
        lsanl = RawSockaddrNetlink.from_buffer_copy(lsa)
        if lsanl.Family != AF_NETLINK:
            return b"", EINVAL
        tab = bytearray()
        rb = bytearray(_PAGESIZE)
        while True:
            nr, _, errno = recvfrom(s, rb, 0)
            if errno == EINTR:
                continue
            if errno:
                return b"", errno
            if nr < NLMSG_HDRLEN:
                return b"", EINVAL
            part = bytes(rb[:nr])
            tab += part
            msgs, errno = ParseNetlinkMessage(part)
            if errno:
                return b"", errno
            for m in msgs:
                if m.Header.Seq != 1 or m.Header.Pid != lsanl.Pid:
                    return b"", EINVAL
                if m.Header.Type == NLMSG_DONE:
                    return bytes(tab), _E0
                if m.Header.Type == NLMSG_ERROR:
                    return b"", EINVAL
    finally:
        close(s)


class NetlinkMessage(NamedTuple):
    """syscall.NetlinkMessage: a netlink header and its payload (``Len`` minus the header)."""

    Header: NlMsghdr
    Data: bytes


def ParseNetlinkMessage(b: bytes) -> tuple[list[NetlinkMessage], Errno]:
    """syscall.ParseNetlinkMessage: split ``b`` into its netlink messages.

    Returns ``(msgs, errno)``; EINVAL (and no messages) when a header's
    length is below the header size or its aligned length runs past the
    end of ``b``. Trailing bytes too few for a header are ignored, as in Go.
    """
    msgs: list[NetlinkMessage] = []
    i = 0
    while len(b) - i >= NLMSG_HDRLEN:
        h = NlMsghdr.from_buffer_copy(b, i)
        if h.Len < NLMSG_HDRLEN or _nlmAlignOf(h.Len) > len(b) - i:
            return [], EINVAL
        msgs.append(NetlinkMessage(h, bytes(b[i + NLMSG_HDRLEN : i + h.Len])))
        i += _nlmAlignOf(h.Len)
    return msgs, _E0


class NetlinkRouteAttr(NamedTuple):
    """syscall.NetlinkRouteAttr: a route attribute header and its value."""

    Attr: RtAttr
    Value: bytes


def ParseNetlinkRouteAttr(m: NetlinkMessage) -> tuple[list[NetlinkRouteAttr], Errno]:
    """syscall.ParseNetlinkRouteAttr: the attributes after a link, address or route message body.

    Returns ``(attrs, errno)``; EINVAL for any other message type, or when
    an attribute's length is below its header size or past the end of the
    message. The fixed body skipped first is IfInfomsg, IfAddrmsg or RtMsg
    by the message type.
    """
    t = m.Header.Type
    if t == RTM_NEWLINK or t == RTM_DELLINK:
        i = SizeofIfInfomsg
    elif t == RTM_NEWADDR or t == RTM_DELADDR:
        i = SizeofIfAddrmsg
    elif t == RTM_NEWROUTE or t == RTM_DELROUTE:
        i = SizeofRtMsg
    else:
        return [], EINVAL
    b = m.Data
    attrs: list[NetlinkRouteAttr] = []
    while len(b) - i >= SizeofRtAttr:
        a = RtAttr.from_buffer_copy(b, i)
        if a.Len < SizeofRtAttr or a.Len > len(b) - i:
            return [], EINVAL
        attrs.append(NetlinkRouteAttr(a, bytes(b[i + SizeofRtAttr : i + a.Len])))
        i += _rtaAlignOf(a.Len)
    return attrs, _E0


# ---------------------------------------------------------------------------
# The C half: rt/_sys_linux.c
# ---------------------------------------------------------------------------
#
# Discussion: the data path's calls (read, write, epoll_pwait and the event
# unpacking; for datagrams recvfrom, sendto and their Inet4/Inet6 forms) have
# C twins with the same signatures and results, the counterpart of Go's
# per-architecture syscall assembly. They report EAGAIN as the errno element
# instead of a raised BlockingIOError, and skip ctypes' argument conversion.
# Measured on this VM: a read that fails with EAGAIN
# 1.9 -> 0.55 us, epoll_pwait(0) 0.74 -> 0.25 us (one call, in a loop);
# 16% fewer user-space instructions per echo round trip (callgrind.sh);
# in bench/echo at 100 connections x 64 B, server user CPU per round trip
# 5.5 -> 5.0 us and total 13.0 -> 12.6 us (the "ours, GONET_PUREPY=1" row),
# since the kernel's share of a loopback round trip is the larger one.
# For datagrams (bench/udp/layers.py, 100 clients x 64 B), the server's user
# CPU per echo with recvfromInet4/sendtoInet4 on a blocking socket went from
# 5.1 to 0.9 us (ctypes' argument conversion, the RawSockaddrAny and the
# bytes of the sender it built, and the sockaddr encoding, are gone).
# The pure-Python functions above stay the reference (and the fallback when
# the extension was not built: it is optional in setup.py); the tests run
# both, and GONET_PUREPY=1 (any value but 0) selects the Python ones. The C
# half is handed sockaddr_inet4/6 and sendto to defer to for an address
# whose fields are not plain ints and bytes, or a ``to`` that is neither
# bytes nor None, so odd arguments behave as they do here.

py_read: Final = read
py_write: Final = write
py_epoll_pwait: Final = epoll_pwait
py_epoll_events_unpack: Final = epoll_events_unpack
py_recvfrom: Final = recvfrom
py_sendto: Final = sendto
py_recvfromInet4: Final = recvfromInet4
py_recvfromInet6: Final = recvfromInet6
py_sendtoInet4: Final = sendtoInet4
py_sendtoInet6: Final = sendtoInet6

accelerated = False
try:
    if os.environ.get("GONET_PUREPY", "0") != "0":
        raise ImportError("GONET_PUREPY is set")
    from rt import _sys_linux as _c
except ImportError:
    pass
else:
    # A build whose struct layout disagrees with this module's is not used
    # (tests/rt/test_sys_linux.py's test_CHalfIsBuilt then fails loudly).
    if _c.SIZEOF_EPOLL_EVENT == ctypes.sizeof(EpollEvent):
        _c.init(_errno_cache, _E0, {"sockaddr_inet4": sockaddr_inet4,
                                    "sockaddr_inet6": sockaddr_inet6, "sendto": py_sendto})
        read = _c.read
        write = _c.write
        epoll_pwait = _c.epoll_pwait
        epoll_events_unpack = _c.epoll_events_unpack
        recvfrom = _c.recvfrom
        sendto = _c.sendto
        recvfromInet4 = _c.recvfromInet4
        recvfromInet6 = _c.recvfromInet6
        sendtoInet4 = _c.sendtoInet4
        sendtoInet6 = _c.sendtoInet6
        accelerated = True
