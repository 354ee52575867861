"""Tests for rt/sys_linux.py: internal/runtime/syscall/linux + syscall (go1.27.0).

Every binding is exercised on real descriptors (pipes, eventfd, epoll, TCP on
127.0.0.1 and ::1, UDP, Unix sockets in a temporary directory, a temporary
file), struct layouts and constants are checked against the C compiler, and
Errno's text and predicates against Go's table (GO_MAP D.3).  Each test that
opens descriptors does so through the ``fds`` fixture, which closes them in a
``finally`` and fails the test if any descriptor is left open.
"""

from __future__ import annotations

import copy
import os
import pickle
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rt import sys_linux
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    AF_UNIX,
    EAGAIN,
    EPOLL_CLOEXEC,
    EPOLL_CTL_ADD,
    EPOLL_CTL_DEL,
    EPOLLIN,
    EPOLLOUT,
    SOCK_CLOEXEC,
    SOCK_DGRAM,
    SOCK_NONBLOCK,
    SOCK_STREAM,
    Errno,
)

# Layout checks read ctypes metadata through the module that owns the FFI.
_ct = sys_linux.ctypes  # type: ignore[attr-defined]

LOOPBACK4 = bytes([127, 0, 0, 1])
LOOPBACK6 = bytes(15) + b"\x01"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _offset(cls: type, field: str) -> int:
    return int(getattr(cls, field).offset)


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


class _Fds:
    """Descriptors a test opened; closed exactly once, at the latest on teardown."""

    def __init__(self) -> None:
        self.open: list[int] = []

    def add(self, fd: int) -> int:
        assert fd >= 0, "syscall failed to return a descriptor"
        self.open.append(fd)
        return fd

    def close(self, fd: int) -> None:
        self.open.remove(fd)
        assert not sys_linux.close(fd)

    def close_all(self) -> None:
        while self.open:
            sys_linux.close(self.open.pop())


@pytest.fixture
def fds() -> Iterator[_Fds]:
    before = _open_fds()
    tracked = _Fds()
    try:
        yield tracked
    finally:
        tracked.close_all()
    leaked = _open_fds() - before
    assert not leaked, f"descriptors leaked: {sorted(leaked)}"


def _ok(errno: Errno) -> None:
    assert type(errno) is Errno
    assert errno == 0, f"unexpected errno: {errno!r}"


def _wait(fd: int, events: int, timeout_ms: int = 3000) -> int:
    """Wait with a private epoll instance until fd reports one of events."""
    ep, errno = sys_linux.epoll_create1(EPOLL_CLOEXEC)
    _ok(errno)
    try:
        ev = sys_linux.EpollEvent(Events=events, Data=fd)
        _ok(sys_linux.epoll_ctl(ep, EPOLL_CTL_ADD, fd, ev))
        evs = sys_linux.new_epoll_events(1)
        n, errno = sys_linux.epoll_pwait(ep, evs, 1, timeout_ms)
        _ok(errno)
        assert n == 1, f"fd {fd} not ready for {events:#x} within {timeout_ms} ms"
        assert evs[0].Data == fd
        return int(evs[0].Events)
    finally:
        sys_linux.close(ep)


def _read_exactly(fd: int, n: int) -> bytes:
    out = bytearray()
    buf = bytearray(max(n, 1))
    while len(out) < n:
        got, errno = sys_linux.read(fd, memoryview(buf)[: n - len(out)])
        if errno is EAGAIN:
            _wait(fd, EPOLLIN)
            continue
        _ok(errno)
        assert got > 0, "unexpected EOF"
        out += buf[:got]
    return bytes(out)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n, errno = sys_linux.write(fd, view)
        if errno is EAGAIN:
            _wait(fd, EPOLLOUT)
            continue
        _ok(errno)
        view = view[n:]


def _ipv6_available() -> bool:
    fd, errno = sys_linux.socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0)
    if errno:
        return False
    try:
        sa, _ = sys_linux.sockaddr_inet6(LOOPBACK6, 0)
        return not sys_linux.bind(fd, sa)
    finally:
        sys_linux.close(fd)


def _tcp_pair(fds: _Fds, family: int) -> tuple[int, int, int]:
    """(listener, client, server), all non-blocking, via a non-blocking connect."""
    if family == AF_INET:
        local, errno = sys_linux.sockaddr_inet4(LOOPBACK4, 0)
    else:
        local, errno = sys_linux.sockaddr_inet6(LOOPBACK6, 0)
    _ok(errno)
    ln, errno = sys_linux.socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(ln)
    _ok(sys_linux.setsockopt_int(ln, sys_linux.SOL_SOCKET, sys_linux.SO_REUSEADDR, 1))
    _ok(sys_linux.bind(ln, local))
    _ok(sys_linux.listen(ln, 16))
    addr, errno = sys_linux.getsockname(ln)
    _ok(errno)

    c, errno = sys_linux.socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(c)
    errno = sys_linux.connect(c, addr)
    assert errno in (0, sys_linux.EINPROGRESS), repr(errno)
    if errno:
        assert _wait(c, EPOLLOUT) & EPOLLOUT
    soerr, errno = sys_linux.getsockopt_int(c, sys_linux.SOL_SOCKET, sys_linux.SO_ERROR)
    _ok(errno)
    assert soerr == 0

    _wait(ln, EPOLLIN)
    s, rsa, errno = sys_linux.accept4(ln, SOCK_NONBLOCK | SOCK_CLOEXEC)
    _ok(errno)
    fds.add(s)
    peer, errno = sys_linux.anyToSockaddr(rsa)
    _ok(errno)
    client_name, errno = sys_linux.getsockname(c)
    _ok(errno)
    assert peer == sys_linux.anyToSockaddr(client_name)[0]
    return ln, c, s


# ---------------------------------------------------------------------------
# Module shape
# ---------------------------------------------------------------------------

_GO_PREFIXES = ("linux.", "syscall.", "net.", "internal/poll.", "x/sys/unix.",
                "internal/syscall/unix.")
_PYTHON_ONLY = {"new_epoll_events", "epoll_events_unpack", "sockaddr_encode"}


def test_ModuleDocstringAndGoNames() -> None:
    assert sys_linux.__doc__ is not None
    assert (
        sys_linux.__doc__.splitlines()[0] == "internal/runtime/syscall/linux + syscall (go1.27.0)"
    )
    checked = 0
    for name in sys_linux.__all__:
        obj = getattr(sys_linux, name)
        if not callable(obj) or isinstance(obj, type) or name in _PYTHON_ONLY:
            continue
        doc = obj.__doc__ or ""
        assert doc.startswith(_GO_PREFIXES), f"{name}: docstring must name its Go original"
        checked += 1
    assert checked >= 45
    assert sys_linux.Errno.__doc__ is not None
    assert sys_linux.Errno.__doc__.startswith("syscall.Errno")
    for name in sys_linux.__all__:
        assert hasattr(sys_linux, name), name


def test_GOARCH() -> None:
    machine = platform.machine()
    expected = {"x86_64": "amd64", "aarch64": "arm64"}[machine]
    assert expected == sys_linux.GOARCH
    assert sys_linux.SYS_EPOLL_PWAIT == (281 if expected == "amd64" else 22)


# ---------------------------------------------------------------------------
# Errno
# ---------------------------------------------------------------------------

# GO_MAP D.3, row for row.
_D3_ROWS = [
    ("EINTR", 4, "interrupted system call"),
    ("EBADF", 9, "bad file descriptor"),
    ("EAGAIN", 11, "resource temporarily unavailable"),
    ("EWOULDBLOCK", 11, "resource temporarily unavailable"),
    ("EINVAL", 22, "invalid argument"),
    ("ENFILE", 23, "too many open files in system"),
    ("EMFILE", 24, "too many open files"),
    ("EPIPE", 32, "broken pipe"),
    ("ENOSYS", 38, "function not implemented"),
    ("ENOPROTOOPT", 92, "protocol not available"),
    ("EPROTONOSUPPORT", 93, "protocol not supported"),
    ("EOPNOTSUPP", 95, "operation not supported"),
    ("ENOTSUP", 95, "operation not supported"),
    ("EAFNOSUPPORT", 97, "address family not supported by protocol"),
    ("EADDRINUSE", 98, "address already in use"),
    ("EADDRNOTAVAIL", 99, "cannot assign requested address"),
    ("ENETUNREACH", 101, "network is unreachable"),
    ("ECONNABORTED", 103, "software caused connection abort"),
    ("ECONNRESET", 104, "connection reset by peer"),
    ("EISCONN", 106, "transport endpoint is already connected"),
    ("ENOTCONN", 107, "transport endpoint is not connected"),
    ("ETIMEDOUT", 110, "connection timed out"),
    ("ECONNREFUSED", 111, "connection refused"),
    ("EHOSTUNREACH", 113, "no route to host"),
    ("EALREADY", 114, "operation already in progress"),
    ("EINPROGRESS", 115, "operation now in progress"),
]


@pytest.mark.parametrize(("name", "value", "text"), _D3_ROWS)
def test_ErrnoTableD3(name: str, value: int, text: str) -> None:
    e = getattr(sys_linux, name)
    assert type(e) is Errno
    assert e == value
    assert e.Error() == text
    assert str(e) == text
    assert f"{e}" == text
    assert f"{e:d}" == str(value)


def test_ErrnoTableEdges() -> None:
    assert Errno(0).Error() == "errno 0"
    assert Errno(41).Error() == "errno 41"  # a hole in Go's table
    assert Errno(58).Error() == "errno 58"
    assert Errno(4000).Error() == "errno 4000"
    assert sys_linux.ESTALE.Error() == "stale file handle"  # go1.25+ on amd64 too
    assert sys_linux.ERFKILL.Error() == "operation not possible due to RF-kill"
    assert sys_linux.E2BIG.Error() == "argument list too long"
    assert sys_linux.EXFULL.Error() == "exchange full"
    assert sys_linux.EPERM.Error() == "operation not permitted"
    if sys_linux.GOARCH == "arm64":
        assert Errno(133).Error() == "memory page has hardware error"
        assert sys_linux.EHWPOISON == 133
    else:
        assert Errno(133).Error() == "errno 133"
        assert not hasattr(sys_linux, "EHWPOISON")


def test_ErrnoIdentityAndRepr() -> None:
    assert Errno(11) is EAGAIN
    assert sys_linux.EWOULDBLOCK is EAGAIN
    assert sys_linux.ENOTSUP is sys_linux.EOPNOTSUPP
    assert Errno(3000) is Errno(3000)
    assert isinstance(EAGAIN, int) and EAGAIN == 11 and hash(EAGAIN) == hash(11)
    assert not Errno(0) and bool(EAGAIN)
    assert copy.copy(EAGAIN) is EAGAIN
    assert pickle.loads(pickle.dumps(sys_linux.ECONNREFUSED)) is sys_linux.ECONNREFUSED
    r = repr(sys_linux.ECONNREFUSED)
    assert "ECONNREFUSED" in r and "111" in r and "connection refused" in r
    assert "EAGAIN" in repr(EAGAIN)
    assert "EOPNOTSUPP" in repr(sys_linux.EOPNOTSUPP)
    assert "12345" in repr(Errno(12345))


@pytest.mark.parametrize(
    ("name", "timeout", "temporary"),
    [
        ("EAGAIN", True, True),
        ("EWOULDBLOCK", True, True),
        ("ETIMEDOUT", True, True),
        ("EINTR", False, True),
        ("EMFILE", False, True),
        ("ENFILE", False, True),
        ("ECONNRESET", False, False),
        ("ECONNABORTED", False, False),
        ("ECONNREFUSED", False, False),
        ("EPIPE", False, False),
        ("EINVAL", False, False),
    ],
)
def test_ErrnoTimeoutTemporary(name: str, timeout: bool, temporary: bool) -> None:
    e = getattr(sys_linux, name)
    assert e.Timeout() is timeout
    assert e.Temporary() is temporary
    assert Errno(0).Timeout() is False and Errno(0).Temporary() is False


def test_ErrnoIs() -> None:
    saved = dict(sys_linux.oserror)
    try:
        sys_linux.oserror.clear()
        perm, exist, notexist, unsupported = object(), object(), object(), object()
        assert not sys_linux.EPERM.Is(perm)  # nothing registered yet
        assert not sys_linux.EPERM.Is(None)
        sys_linux.oserror.update(
            ErrPermission=perm, ErrExist=exist, ErrNotExist=notexist, ErrUnsupported=unsupported
        )
        assert sys_linux.EACCES.Is(perm) and sys_linux.EPERM.Is(perm)
        assert not sys_linux.ENOENT.Is(perm)
        assert sys_linux.EEXIST.Is(exist) and sys_linux.ENOTEMPTY.Is(exist)
        assert not sys_linux.EACCES.Is(exist)
        assert sys_linux.ENOENT.Is(notexist) and not sys_linux.EEXIST.Is(notexist)
        for e in (sys_linux.ENOSYS, sys_linux.ENOTSUP, sys_linux.EOPNOTSUPP):
            assert e.Is(unsupported)
        assert not sys_linux.EINVAL.Is(unsupported)
        assert not sys_linux.EPERM.Is(object())
        assert not sys_linux.EPERM.Is(None)
    finally:
        sys_linux.oserror.clear()
        sys_linux.oserror.update(saved)


# ---------------------------------------------------------------------------
# Layouts and constants against the C compiler
# ---------------------------------------------------------------------------

# Our struct -> (C type, {our field: C member}).
_C_STRUCTS: dict[str, tuple[str, dict[str, str]]] = {
    "EpollEvent": ("struct epoll_event", {"Events": "events", "Data": "data"}),
    "RawSockaddrInet4": (
        "struct sockaddr_in",
        {"Family": "sin_family", "Port": "sin_port", "Addr": "sin_addr", "Zero": "sin_zero"},
    ),
    "RawSockaddrInet6": (
        "struct sockaddr_in6",
        {
            "Family": "sin6_family",
            "Port": "sin6_port",
            "Flowinfo": "sin6_flowinfo",
            "Addr": "sin6_addr",
            "Scope_id": "sin6_scope_id",
        },
    ),
    "RawSockaddrUnix": ("struct sockaddr_un", {"Family": "sun_family", "Path": "sun_path"}),
    "RawSockaddr": ("struct sockaddr", {"Family": "sa_family", "Data": "sa_data"}),
    "SockaddrStorage": ("struct sockaddr_storage", {"Family": "ss_family"}),
    "Linger": ("struct linger", {"Onoff": "l_onoff", "Linger": "l_linger"}),
    "Iovec": ("struct iovec", {"Base": "iov_base", "Len": "iov_len"}),
    "Msghdr": (
        "struct msghdr",
        {
            "Name": "msg_name",
            "Namelen": "msg_namelen",
            "Iov": "msg_iov",
            "Iovlen": "msg_iovlen",
            "Control": "msg_control",
            "Controllen": "msg_controllen",
            "Flags": "msg_flags",
        },
    ),
    "Cmsghdr": ("struct cmsghdr", {"Len": "cmsg_len", "Level": "cmsg_level", "Type": "cmsg_type"}),
    "IPMreq": ("struct ip_mreq", {"Multiaddr": "imr_multiaddr", "Interface": "imr_interface"}),
    "IPMreqn": (
        "struct ip_mreqn",
        {"Multiaddr": "imr_multiaddr", "Address": "imr_address", "Ifindex": "imr_ifindex"},
    ),
    "IPv6Mreq": (
        "struct ipv6_mreq",
        {"Multiaddr": "ipv6mr_multiaddr", "Interface": "ipv6mr_interface"},
    ),
    "Addrinfo": (
        "struct addrinfo",
        {
            "Flags": "ai_flags",
            "Family": "ai_family",
            "Socktype": "ai_socktype",
            "Protocol": "ai_protocol",
            "Addrlen": "ai_addrlen",
            "Addr": "ai_addr",
            "Canonname": "ai_canonname",
            "Next": "ai_next",
        },
    ),
    "Timespec": ("struct timespec", {"Sec": "tv_sec", "Nsec": "tv_nsec"}),
    "Rlimit": ("struct rlimit", {"Cur": "rlim_cur", "Max": "rlim_max"}),
    "Utsname": (
        "struct utsname",
        {
            "Sysname": "sysname",
            "Nodename": "nodename",
            "Release": "release",
            "Version": "version",
            "Machine": "machine",
            "Domainname": "domainname",
        },
    ),
}

# Go spells in_addr as [4]byte, so these are less aligned than C's (sizes and
# offsets still match); they are never embedded in arrays or other structs.
_BYTE_ADDR_STRUCTS = {"RawSockaddrInet4", "IPMreq"}

# Constants whose value deliberately differs from glibc's headers.
_NOT_FROM_C = {
    "SOMAXCONN",  # Go's table says 128; glibc >= 2.35 says 4096
    "GOARCH",
}
# These must exist in the C headers of any supported system.
_REQUIRED_C = {
    "EPOLLIN", "EPOLLOUT", "EPOLLERR", "EPOLLHUP", "EPOLLRDHUP", "EPOLLET", "EPOLL_CLOEXEC",
    "EPOLL_CTL_ADD", "EPOLL_CTL_DEL", "EPOLL_CTL_MOD", "EFD_CLOEXEC", "EFD_NONBLOCK",
    "AF_UNIX", "AF_INET", "AF_INET6", "AF_UNSPEC", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW",
    "SOCK_SEQPACKET", "SOCK_NONBLOCK", "SOCK_CLOEXEC", "SOL_SOCKET", "SO_ERROR",
    "SO_REUSEADDR", "SO_REUSEPORT", "SO_KEEPALIVE", "SO_LINGER", "SO_RCVBUF", "SO_SNDBUF",
    "SO_BROADCAST", "SO_TYPE", "SO_DOMAIN", "SO_PROTOCOL", "IPPROTO_IP", "IPPROTO_TCP",
    "IPPROTO_UDP", "IPPROTO_IPV6", "IPV6_V6ONLY", "IP_TOS", "IP_TTL", "IP_MULTICAST_IF",
    "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP", "IP_ADD_MEMBERSHIP", "IPV6_UNICAST_HOPS",
    "IPV6_JOIN_GROUP", "TCP_NODELAY", "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT",
    "TCP_USER_TIMEOUT", "SHUT_RD", "SHUT_WR", "SHUT_RDWR", "O_NONBLOCK", "O_CLOEXEC",
    "F_GETFL", "F_SETFL", "F_GETFD", "F_SETFD", "FD_CLOEXEC", "F_DUPFD_CLOEXEC",
    "F_SETPIPE_SZ", "MSG_PEEK", "MSG_DONTWAIT", "MSG_NOSIGNAL", "MSG_TRUNC", "MSG_CTRUNC",
    "MSG_WAITALL", "SPLICE_F_MOVE", "SPLICE_F_NONBLOCK", "SPLICE_F_MORE", "RLIMIT_NOFILE",
    "RLIM_INFINITY", "IOV_MAX", "AI_CANONNAME", "AI_V4MAPPED", "AI_ALL", "AI_ADDRCONFIG",
    "AI_NUMERICHOST", "NI_NAMEREQD", "NI_NUMERICHOST", "EAI_NONAME", "EAI_AGAIN",
    "EAI_SYSTEM", "EAI_NODATA", "EAI_ADDRFAMILY", "EAI_OVERFLOW", "EAI_SERVICE",
    "SCM_RIGHTS", "SYS_EPOLL_PWAIT", "SYS_EPOLL_CTL", "SYS_EPOLL_CREATE1", "SYS_EVENTFD2",
    "EAGAIN", "EWOULDBLOCK", "ECONNREFUSED", "EINPROGRESS", "ERFKILL", "ENOTRECOVERABLE",
}  # fmt: skip

_C_HEADERS = """
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <time.h>
"""


def _c_name(name: str) -> str:
    # Go spells syscall numbers SYS_EPOLL_PWAIT; <sys/syscall.h> SYS_epoll_pwait.
    if name.startswith("SYS_"):
        return "SYS_" + name[4:].lower()
    return name


def _our_int_constants() -> dict[str, int]:
    out: dict[str, int] = {}
    for name in sys_linux.__all__:
        value = getattr(sys_linux, name)
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and name.isupper()
            and not name.startswith("SIZEOF")
            and name not in _NOT_FROM_C
        ):
            out[name] = value
    return out


def _run_c_probe(tmp: Path) -> dict[str, str]:
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if cc is None:
        pytest.skip("no C compiler (cc/gcc/clang) on PATH to check layouts against")
    lines = [_C_HEADERS, "int main(void) {"]
    for cname, members in _C_STRUCTS.values():
        key = cname.replace("struct ", "")
        lines.append(f'printf("sizeof:{key} %zu\\n", sizeof({cname}));')
        lines.append(f'printf("alignof:{key} %zu\\n", _Alignof({cname}));')
        for member in members.values():
            lines.append(f'printf("offsetof:{key}.{member} %zu\\n", offsetof({cname}, {member}));')
            lines.append(
                f'printf("sizeof:{key}.{member} %zu\\n", sizeof((({cname} *)0)->{member}));'
            )
    for name in _our_int_constants():
        c = _c_name(name)
        lines.append(f"#ifdef {c}")
        lines.append(f'printf("const:{name} %lld\\n", (long long)({c}));')
        lines.append("#else")
        lines.append(f'printf("const:{name} missing\\n");')
        lines.append("#endif")
    lines.append("return 0; }")
    src = tmp / "probe.c"
    exe = tmp / "probe"
    src.write_text("\n".join(lines))
    res = subprocess.run([cc, "-o", str(exe), str(src)], capture_output=True, text=True)
    assert res.returncode == 0, f"C probe did not compile:\n{res.stderr}"
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(" ", 1) for line in out.splitlines())


@pytest.fixture(scope="module")
def c_probe(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _run_c_probe(tmp_path_factory.mktemp("cprobe"))


def test_EpollEventLayout() -> None:
    ev = sys_linux.EpollEvent
    if sys_linux.GOARCH == "amd64":
        assert _ct.sizeof(ev) == 12
        assert _offset(ev, "Data") == 4  # packed: the data word is unaligned
    else:
        assert _ct.sizeof(ev) == 16
        assert _offset(ev, "Data") == 8
    assert _offset(ev, "Events") == 0
    assert sys_linux.SizeofEpollEvent == _ct.sizeof(ev)
    # 128 events per poll, as Go's netpoll uses: 1536 bytes on amd64, 2048 on arm64.
    assert _ct.sizeof(sys_linux.new_epoll_events(128)) == 128 * (_offset(ev, "Data") + 8)
    e = ev()
    e.events = 0x80002005
    e.data = 1 << 63
    assert e.Events == 0x80002005 and e.Data == 1 << 63


def test_StructLayoutsMatchC(c_probe: dict[str, str]) -> None:
    checked = 0
    for ours, (cname, members) in _C_STRUCTS.items():
        cls = getattr(sys_linux, ours)
        key = cname.replace("struct ", "")
        assert _ct.sizeof(cls) == int(c_probe[f"sizeof:{key}"]), ours
        c_align = int(c_probe[f"alignof:{key}"])
        if ours in _BYTE_ADDR_STRUCTS:
            assert _ct.alignment(cls) <= c_align, ours
        else:
            assert _ct.alignment(cls) == c_align, ours
        for field, member in members.items():
            desc = getattr(cls, field)
            assert desc.offset == int(c_probe[f"offsetof:{key}.{member}"]), f"{ours}.{field}"
            assert desc.size == int(c_probe[f"sizeof:{key}.{member}"]), f"{ours}.{field}"
            checked += 1
    assert checked >= 50
    # Go's RawSockaddrAny is not C's sockaddr_storage, but must hold every
    # family Go decodes.
    assert _ct.sizeof(sys_linux.RawSockaddrAny) == sys_linux.SizeofSockaddrAny == 112
    assert sys_linux.SizeofSockaddrAny >= int(c_probe["sizeof:sockaddr_un"])
    assert sys_linux.SizeofSockaddrInet4 == int(c_probe["sizeof:sockaddr_in"])
    assert sys_linux.SizeofSockaddrInet6 == int(c_probe["sizeof:sockaddr_in6"])
    assert sys_linux.SizeofSockaddrUnix == int(c_probe["sizeof:sockaddr_un"]) == 110
    assert sys_linux.SizeofMsghdr == int(c_probe["sizeof:msghdr"])
    assert sys_linux.SizeofCmsghdr == int(c_probe["sizeof:cmsghdr"])
    assert sys_linux.SizeofLinger == int(c_probe["sizeof:linger"])
    assert sys_linux.SizeofIovec == int(c_probe["sizeof:iovec"])


def test_ConstantsMatchC(c_probe: dict[str, str]) -> None:
    ours = _our_int_constants()
    missing = []
    compared = 0
    for name, value in ours.items():
        got = c_probe[f"const:{name}"]
        if got == "missing":
            missing.append(name)
            continue
        c_value = int(got)
        # RLIM_INFINITY is unsigned in C and prints as -1 through long long.
        assert c_value in (value, value - (1 << 64)), f"{name}: ours {value}, C {c_value}"
        compared += 1
    assert not (_REQUIRED_C & set(missing)), f"absent from C headers: {sorted(missing)}"
    assert compared >= 250
    # Every Errno constant was among them (errno.h has them all).
    errnos = [n for n, v in ours.items() if type(v) is Errno]
    assert len(errnos) >= 130
    assert not set(errnos) & set(missing)


# ---------------------------------------------------------------------------
# The two implementations of the data-path calls (rt/_sys_linux.c and the
# pure-Python twins in sys_linux.py) must behave identically.
# ---------------------------------------------------------------------------

_TWINS = ("read", "write", "epoll_pwait", "epoll_events_unpack", "recvfrom", "sendto",
          "recvfromInet4", "recvfromInet6", "sendtoInet4", "sendtoInet6")


@pytest.fixture(params=["c", "python"])
def impl(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test once with the C half and once with the Python twins."""
    if request.param == "c":
        if not sys_linux.accelerated:
            pytest.skip("rt._sys_linux is not in use (not built, or GONET_PUREPY is set)")
    else:
        for name in _TWINS:
            monkeypatch.setattr(sys_linux, name, getattr(sys_linux, "py_" + name))
    return str(request.param)


def test_CHalfIsBuilt() -> None:
    # The extension is optional at install time, so a broken build would
    # silently fall back to the slow twins; where a compiler exists, it must
    # have been built and bound.
    if os.environ.get("GONET_PUREPY"):
        pytest.skip("GONET_PUREPY is set: the Python twins are selected on purpose")
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler here: the optional extension cannot have been built")
    assert sys_linux.accelerated
    from rt import _sys_linux

    built = Path(_sys_linux.__file__)
    source = Path(sys_linux.__file__).with_name("_sys_linux.c")
    assert not source.exists() or built.stat().st_mtime >= source.stat().st_mtime, (
        f"{built.name} is older than {source.name}: rebuild it (make test reinstalls)"
    )
    for name in _TWINS:
        fn = getattr(sys_linux, name)
        assert type(fn).__name__ == "builtin_function_or_method", name
        assert fn is not getattr(sys_linux, "py_" + name)


def test_PurePythonTwinsRunTheNetwork(tmp_path: Path) -> None:
    # A whole echo workload with GONET_PUREPY=1, in a fresh interpreter: the
    # fallback is a working runtime, not only a set of unit-tested functions.
    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys; sys.path.insert(0, 'bench/profile');"
        "import rt, inproc_echo; from rt import sys_linux;"
        "assert not sys_linux.accelerated;"
        "print(rt.run(inproc_echo.main, 8, 20))"
    )
    env = dict(os.environ, GONET_PUREPY="1")
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-1] == str(8 * 20 * 64)


# ---------------------------------------------------------------------------
# Pipes, read/write, readv/writev, fcntl, close
# ---------------------------------------------------------------------------


def test_PipeReadWrite(fds: _Fds, impl: str) -> None:
    (r, w), errno = sys_linux.pipe2(sys_linux.O_NONBLOCK | sys_linux.O_CLOEXEC)
    _ok(errno)
    fds.add(r)
    fds.add(w)

    buf = bytearray(64)
    n, errno = sys_linux.read(r, buf)
    assert (n, errno) == (-1, EAGAIN)
    assert errno is EAGAIN and errno.Timeout()

    assert sys_linux.write(w, b"hello ") == (6, 0)
    assert sys_linux.write(w, bytearray(b"big ")) == (4, 0)
    assert sys_linux.write(w, memoryview(b"--world")[2:]) == (5, 0)  # read-only view
    assert sys_linux.write(w, memoryview(bytearray(b"!?"))[:1]) == (1, 0)  # writable view
    assert sys_linux.write(w, b"") == (0, 0)

    view = memoryview(buf)[10:]
    n, errno = sys_linux.read(r, view)
    _ok(errno)
    assert bytes(buf[10 : 10 + n]) == b"hello big world!"
    assert bytes(buf[:10]) == bytes(10)

    n, errno = sys_linux.read(r, bytearray())  # zero-length read makes the call
    assert (n, errno) == (0, 0)

    fds.close(w)
    assert sys_linux.read(r, buf) == (0, 0)  # EOF


def test_TwinsRejectBadArguments(fds: _Fds, impl: str) -> None:
    (r, w), errno = sys_linux.pipe2(sys_linux.O_NONBLOCK | sys_linux.O_CLOEXEC)
    _ok(errno)
    fds.add(r)
    fds.add(w)
    with pytest.raises(TypeError):
        sys_linux.write(w, "text")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sys_linux.read(r, memoryview(bytearray(8))[::2])  # not contiguous
    with pytest.raises(TypeError):
        sys_linux.read(r, None)  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        sys_linux.read(1 << 40, bytearray(1))
    assert sys_linux.read(-1, bytearray(1)) == (-1, sys_linux.EBADF)
    assert sys_linux.write(-1, b"x") == (-1, sys_linux.EBADF)
    with pytest.raises(TypeError):
        sys_linux.read(fd=r, p=bytearray(1))  # type: ignore[call-arg]
    # Nothing was written or consumed by the rejected calls.
    assert sys_linux.read(r, bytearray(1)) == (-1, EAGAIN)
    events = sys_linux.new_epoll_events(2)
    with pytest.raises(ValueError):
        sys_linux.epoll_events_unpack(events, 3)
    assert sys_linux.epoll_events_unpack(events, -1) == []


def test_ReadIntoReadOnlyBufferIsRejected(fds: _Fds, impl: str) -> None:
    (r, w), errno = sys_linux.pipe2(sys_linux.O_NONBLOCK)
    _ok(errno)
    fds.add(r)
    fds.add(w)
    sys_linux.write(w, b"x")
    data = b"immutable"
    with pytest.raises(TypeError):
        sys_linux.read(r, data)
    assert data == b"immutable"


def test_WriteLargeReadOnlyView(fds: _Fds, impl: str) -> None:
    # Above the pinning threshold a read-only view is passed in place.
    (r, w), errno = sys_linux.pipe2(sys_linux.O_NONBLOCK | sys_linux.O_CLOEXEC)
    _ok(errno)
    fds.add(r)
    fds.add(w)
    payload = bytes(range(256)) * 1024  # 256 KiB, more than a pipe holds
    view = memoryview(payload)[3:]
    n, errno = sys_linux.write(w, view)
    _ok(errno)
    assert 0 < n <= len(view)
    assert _read_exactly(r, n) == payload[3 : 3 + n]
    n2, errno = sys_linux.writev(w, [view[n:], b"tail"])
    _ok(errno)
    assert _read_exactly(r, n2) == (payload[3 + n :] + b"tail")[:n2]


def test_ReadvWritev(fds: _Fds) -> None:
    (r, w), errno = sys_linux.pipe2(sys_linux.O_NONBLOCK | sys_linux.O_CLOEXEC)
    _ok(errno)
    fds.add(r)
    fds.add(w)
    parts: list[bytes | bytearray | memoryview] = [
        b"alpha-",
        bytearray(b"beta-"),
        memoryview(b"xxgamma-")[2:],
        b"",
        memoryview(bytearray(b"delta")),
    ]
    n, errno = sys_linux.writev(w, parts)
    _ok(errno)
    assert n == len(b"alpha-beta-gamma-delta")
    assert sys_linux.writev(w, []) == (0, 0)

    a, b, c = bytearray(3), bytearray(0), bytearray(30)
    n, errno = sys_linux.readv(r, [a, b, memoryview(c)[5:]])
    _ok(errno)
    assert n == 22
    assert bytes(a) == b"alp" and bytes(c[5 : 5 + 19]) == b"ha-beta-gamma-delta"

    n, errno = sys_linux.readv(r, [bytearray(4)])
    assert (n, errno) == (-1, EAGAIN)
    too_many = [b"x"] * (sys_linux.IOV_MAX + 1)
    assert sys_linux.writev(w, too_many) == (-1, sys_linux.EINVAL)


def test_Fcntl(fds: _Fds) -> None:
    (r, w), errno = sys_linux.pipe2(sys_linux.O_CLOEXEC)
    _ok(errno)
    fds.add(r)
    fds.add(w)
    flags, errno = sys_linux.fcntl(r, sys_linux.F_GETFL, 0)
    _ok(errno)
    assert not flags & sys_linux.O_NONBLOCK
    _ok(sys_linux.fcntl(r, sys_linux.F_SETFL, flags | sys_linux.O_NONBLOCK)[1])
    assert sys_linux.fcntl(r, sys_linux.F_GETFL, 0)[0] & sys_linux.O_NONBLOCK
    assert sys_linux.read(r, bytearray(1)) == (-1, EAGAIN)

    fdflags, errno = sys_linux.fcntl(w, sys_linux.F_GETFD, 0)
    _ok(errno)
    assert fdflags & sys_linux.FD_CLOEXEC

    dup, errno = sys_linux.fcntl(w, sys_linux.F_DUPFD_CLOEXEC, 0)
    _ok(errno)
    fds.add(dup)
    assert dup not in (r, w)
    assert sys_linux.fcntl(dup, sys_linux.F_GETFD, 0)[0] & sys_linux.FD_CLOEXEC
    assert sys_linux.write(dup, b"via dup") == (7, 0)
    assert _read_exactly(r, 7) == b"via dup"

    size, errno = sys_linux.fcntl(w, sys_linux.F_GETPIPE_SZ, 0)
    _ok(errno)
    assert size >= 4096
    assert sys_linux.fcntl(-1, sys_linux.F_GETFL, 0) == (-1, sys_linux.EBADF)


def test_CloseBadFd(fds: _Fds) -> None:
    assert sys_linux.close(-1) is sys_linux.EBADF
    (r, w), errno = sys_linux.pipe2(0)
    _ok(errno)
    fds.add(r)
    fds.add(w)
    fds.close(r)
    assert sys_linux.read(r, bytearray(1)) == (-1, sys_linux.EBADF)
    assert sys_linux.write(-1, b"x") == (-1, sys_linux.EBADF)
    assert sys_linux.pipe2(-1) == ((-1, -1), sys_linux.EINVAL)


# ---------------------------------------------------------------------------
# eventfd and epoll
# ---------------------------------------------------------------------------


def test_Eventfd(fds: _Fds, impl: str) -> None:
    efd, errno = sys_linux.eventfd(0, sys_linux.EFD_CLOEXEC | sys_linux.EFD_NONBLOCK)
    _ok(errno)
    fds.add(efd)
    counter = bytearray(8)
    assert sys_linux.read(efd, counter) == (-1, EAGAIN)
    one = (1).to_bytes(8, "little")
    assert sys_linux.write(efd, one) == (8, 0)
    assert sys_linux.write(efd, one) == (8, 0)
    assert sys_linux.read(efd, counter) == (8, 0)
    assert int.from_bytes(counter, "little") == 2
    assert sys_linux.read(efd, counter) == (-1, EAGAIN)
    assert sys_linux.eventfd(0, -1)[1] is sys_linux.EINVAL


def test_EpollPipe(fds: _Fds, impl: str) -> None:
    ep, errno = sys_linux.epoll_create1(EPOLL_CLOEXEC)
    _ok(errno)
    fds.add(ep)
    (r, w), errno = sys_linux.pipe2(sys_linux.O_NONBLOCK | sys_linux.O_CLOEXEC)
    _ok(errno)
    fds.add(r)
    fds.add(w)

    tag = (0xABCDE << 24) | 0x123456  # a tagged-pointer-like data word
    ev = sys_linux.EpollEvent()
    ev.Events = EPOLLIN | EPOLLOUT | sys_linux.EPOLLRDHUP | sys_linux.EPOLLET  # netpollopen's mask
    ev.Data = tag
    _ok(sys_linux.epoll_ctl(ep, EPOLL_CTL_ADD, r, ev))
    assert sys_linux.epoll_ctl(ep, EPOLL_CTL_ADD, r, ev) is sys_linux.EEXIST

    events = sys_linux.new_epoll_events(128)
    assert sys_linux.epoll_pwait(ep, events, 128, 0) == (0, 0)

    assert sys_linux.write(w, b"ping") == (4, 0)
    n, errno = sys_linux.epoll_pwait(ep, events, 128, 1000)
    _ok(errno)
    assert n == 1
    assert events[0].Events & EPOLLIN
    assert events[0].Data == tag
    assert sys_linux.epoll_events_unpack(events, n) == [(events[0].Events, tag)]
    assert sys_linux.epoll_events_unpack(events, 0) == []

    # Edge-triggered: no new edge, no new event, although data is still there.
    assert sys_linux.epoll_pwait(ep, events, 128, 0) == (0, 0)

    fds.close(w)  # the writer goes away: EPOLLHUP
    n, errno = sys_linux.epoll_pwait(ep, events, 128, 1000)
    _ok(errno)
    assert n == 1 and events[0].Events & sys_linux.EPOLLHUP

    _ok(sys_linux.epoll_ctl(ep, EPOLL_CTL_DEL, r, None))
    assert sys_linux.epoll_ctl(ep, EPOLL_CTL_DEL, r, None) is sys_linux.ENOENT
    assert sys_linux.epoll_pwait(ep, events, 128, 0) == (0, 0)


def test_EpollPwaitClampsAndErrors(fds: _Fds, impl: str) -> None:
    ep, errno = sys_linux.epoll_create1(EPOLL_CLOEXEC)
    _ok(errno)
    fds.add(ep)
    efd, errno = sys_linux.eventfd(1, sys_linux.EFD_CLOEXEC | sys_linux.EFD_NONBLOCK)
    _ok(errno)
    fds.add(efd)
    _ok(sys_linux.epoll_ctl(ep, EPOLL_CTL_ADD, efd, sys_linux.EpollEvent(Events=EPOLLIN, Data=7)))
    small = sys_linux.new_epoll_events(1)
    n, errno = sys_linux.epoll_pwait(ep, small, 1000, 0)  # maxev clamped to len(small)
    assert (n, errno) == (1, 0)
    assert sys_linux.epoll_pwait(ep, small, 1 << 40, 0) == (1, 0)  # clamped, not an overflow
    assert sys_linux.epoll_pwait(ep, small, -1, 0) == (-1, sys_linux.EINVAL)
    assert small[0].Data == 7
    assert sys_linux.epoll_pwait(ep, sys_linux.new_epoll_events(0), 0, 0) == (
        -1,
        sys_linux.EINVAL,
    )
    assert sys_linux.epoll_pwait(-1, small, 1, 0) == (-1, sys_linux.EBADF)
    assert sys_linux.epoll_create1(-1) == (-1, sys_linux.EINVAL)
    assert sys_linux.epoll_ctl(ep, 99, efd, sys_linux.EpollEvent()) is sys_linux.EINVAL


def test_EINTRSurfaces(fds: _Fds, impl: str) -> None:
    # ctypes calls are not retried by Python (no PEP 475), so a signal during
    # epoll_pwait comes back as EINTR, as Go's loops expect; the Python-level
    # handler runs as soon as the call returns.
    ep, errno = sys_linux.epoll_create1(EPOLL_CLOEXEC)
    _ok(errno)
    fds.add(ep)
    (r, w), errno = sys_linux.pipe2(sys_linux.O_CLOEXEC)  # blocking read end
    _ok(errno)
    fds.add(r)
    fds.add(w)
    fired: list[int] = []
    old = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        t0 = time.monotonic()
        n, errno = sys_linux.epoll_pwait(ep, sys_linux.new_epoll_events(4), 4, 5000)
        assert (n, errno) == (-1, sys_linux.EINTR)
        assert errno.Temporary() and not errno.Timeout()
        assert fired == [signal.SIGALRM]

        # read (os.readv in the Python twin, the C half's own loop) retries
        # the kernel's EINTR after the handler ran (PEP 475), as Go's
        # ignoringEINTRIO would retry it, so the read completes.
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        writer = threading.Timer(0.15, sys_linux.write, (w, b"12345678"))
        writer.start()
        try:
            assert sys_linux.read(r, bytearray(8)) == (8, 0)
        finally:
            writer.join()
        assert len(fired) == 2
        assert time.monotonic() - t0 < 4
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# ---------------------------------------------------------------------------
# Sockaddr encoding
# ---------------------------------------------------------------------------


def test_SockaddrInet4Encoding() -> None:
    raw, errno = sys_linux.sockaddr_inet4(bytes([10, 0, 0, 1]), 8080)
    _ok(errno)
    assert len(raw) == sys_linux.SizeofSockaddrInet4
    c = sys_linux.RawSockaddrInet4.from_buffer_copy(raw)
    assert c.Family == AF_INET
    assert bytes(c.Addr) == bytes([10, 0, 0, 1])
    assert raw[2:4] == (8080).to_bytes(2, "big")  # network byte order
    assert sys_linux.anyToSockaddr(raw) == (
        sys_linux.SockaddrTuple(AF_INET, bytes([10, 0, 0, 1]), 8080),
        0,
    )
    assert sys_linux.sockaddr_inet4(LOOPBACK4, 65536) == (b"", sys_linux.EINVAL)
    assert sys_linux.sockaddr_inet4(LOOPBACK4, -1) == (b"", sys_linux.EINVAL)
    assert sys_linux.sockaddr_inet4(b"\x01\x02\x03", 1) == (b"", sys_linux.EINVAL)


def test_SockaddrInet6Encoding() -> None:
    addr = bytes.fromhex("fe800000000000000000000000000001")
    raw, errno = sys_linux.sockaddr_inet6(addr, 443, zone_id=3)
    _ok(errno)
    assert len(raw) == sys_linux.SizeofSockaddrInet6
    c = sys_linux.RawSockaddrInet6.from_buffer_copy(raw)
    assert (c.Family, c.Flowinfo, bytes(c.Addr), c.Scope_id) == (AF_INET6, 0, addr, 3)
    assert raw[2:4] == (443).to_bytes(2, "big")
    sa, errno = sys_linux.anyToSockaddr(raw)
    _ok(errno)
    assert sa == sys_linux.SockaddrTuple(AF_INET6, addr, 443, 3)
    assert sys_linux.sockaddr_encode(sa) == (raw, 0)
    assert sys_linux.sockaddr_inet6(addr, 70000) == (b"", sys_linux.EINVAL)
    assert sys_linux.sockaddr_inet6(LOOPBACK4, 1) == (b"", sys_linux.EINVAL)


def test_SockaddrUnixEncoding() -> None:
    raw, errno = sys_linux.sockaddr_unix("/tmp/x.sock")
    _ok(errno)
    assert raw == AF_UNIX.to_bytes(2, sys.byteorder) + b"/tmp/x.sock\0"
    assert sys_linux.anyToSockaddr(raw)[0] == sys_linux.SockaddrTuple(AF_UNIX, Name="/tmp/x.sock")

    raw, errno = sys_linux.sockaddr_unix("@abstract")  # no terminator, '@' -> NUL
    _ok(errno)
    assert raw[2:] == b"\0abstract"
    assert sys_linux.anyToSockaddr(raw)[0] == sys_linux.SockaddrTuple(AF_UNIX, Name="@abstract")
    assert sys_linux.sockaddr_unix("\0abstract") == (raw, 0)

    assert sys_linux.sockaddr_unix("") == (raw[:2], 0)  # unnamed: family only
    # An unnamed socket (family only) reads as Go reads its zeroed struct: "@".
    assert sys_linux.anyToSockaddr(raw[:2])[0] == sys_linux.SockaddrTuple(AF_UNIX, Name="@")

    assert sys_linux.sockaddr_unix("a" * 107)[1] == 0
    assert sys_linux.sockaddr_unix("a" * 108) == (b"", sys_linux.EINVAL)  # no room for NUL
    assert sys_linux.sockaddr_unix("@" + "a" * 107)[1] == 0  # abstract may use all 108
    assert sys_linux.sockaddr_unix("@" + "a" * 108) == (b"", sys_linux.EINVAL)


def test_AnyToSockaddrErrors() -> None:
    assert sys_linux.anyToSockaddr(b"") == (None, sys_linux.EAFNOSUPPORT)
    assert sys_linux.anyToSockaddr(bytes(16)) == (None, sys_linux.EAFNOSUPPORT)  # AF_UNSPEC
    assert sys_linux.sockaddr_encode(sys_linux.SockaddrTuple(99)) == (
        b"",
        sys_linux.EAFNOSUPPORT,
    )
    # Short input reads as zero-filled, like Go's zeroed RawSockaddrAny.
    raw, _ = sys_linux.sockaddr_inet4(LOOPBACK4, 80)
    assert sys_linux.anyToSockaddr(raw[:6])[0] == sys_linux.SockaddrTuple(
        AF_INET, b"\x7f\x00\x00\x00", 80
    )


# ---------------------------------------------------------------------------
# TCP
# ---------------------------------------------------------------------------


def _exercise_tcp(fds: _Fds, family: int, loopback: bytes) -> None:
    ln, c, s = _tcp_pair(fds, family)
    local, errno = sys_linux.getsockname(ln)
    _ok(errno)
    sa, errno = sys_linux.anyToSockaddr(local)
    _ok(errno)
    assert sa is not None and sa.Family == family and sa.Addr == loopback and sa.Port > 0
    peer, errno = sys_linux.getpeername(c)
    _ok(errno)
    assert sys_linux.anyToSockaddr(peer)[0] == sa

    _write_all(c, b"request")
    assert _read_exactly(s, 7) == b"request"
    _write_all(s, bytes(100_000))  # more than one write may be needed
    assert _read_exactly(c, 100_000) == bytes(100_000)

    # Peek leaves the data in place.
    _write_all(c, b"peek")
    _wait(s, EPOLLIN)
    buf = bytearray(4)
    n, frm, errno = sys_linux.recvfrom(s, buf, sys_linux.MSG_PEEK)
    _ok(errno)
    assert (n, bytes(buf), frm) == (4, b"peek", b"")  # connected: no address
    assert _read_exactly(s, 4) == b"peek"

    _ok(sys_linux.shutdown(c, sys_linux.SHUT_WR))
    _wait(s, EPOLLIN | sys_linux.EPOLLRDHUP)
    assert sys_linux.read(s, bytearray(8)) == (0, 0)  # EOF after the peer's shutdown
    assert sys_linux.shutdown(ln, 99) is sys_linux.EINVAL


def test_TCPLoopbackIPv4(fds: _Fds) -> None:
    _exercise_tcp(fds, AF_INET, LOOPBACK4)


def test_TCPLoopbackIPv6(fds: _Fds) -> None:
    if not _ipv6_available():
        pytest.skip("IPv6 loopback (::1) is not available here")
    _exercise_tcp(fds, AF_INET6, LOOPBACK6)


def test_SocketOptions(fds: _Fds) -> None:
    _, c, s = _tcp_pair(fds, AF_INET)
    tcp, sol = sys_linux.IPPROTO_TCP, sys_linux.SOL_SOCKET
    # What newTCPConn does (D.4), read back.
    for level, opt, value in [
        (tcp, sys_linux.TCP_NODELAY, 1),
        (sol, sys_linux.SO_KEEPALIVE, 1),
        (tcp, sys_linux.TCP_KEEPIDLE, 15),
        (tcp, sys_linux.TCP_KEEPINTVL, 15),
        (tcp, sys_linux.TCP_KEEPCNT, 9),
        (tcp, sys_linux.TCP_USER_TIMEOUT, 5000),
    ]:
        _ok(sys_linux.setsockopt_int(s, level, opt, value))
        assert sys_linux.getsockopt_int(s, level, opt) == (value, 0)
    assert sys_linux.getsockopt_int(s, sol, sys_linux.SO_TYPE) == (SOCK_STREAM, 0)
    assert sys_linux.getsockopt_int(s, sol, sys_linux.SO_DOMAIN) == (AF_INET, 0)
    assert sys_linux.getsockopt_int(s, sol, sys_linux.SO_PROTOCOL) == (sys_linux.IPPROTO_TCP, 0)

    _ok(sys_linux.setsockopt_int(c, sol, sys_linux.SO_RCVBUF, 65536))
    rcvbuf, errno = sys_linux.getsockopt_int(c, sol, sys_linux.SO_RCVBUF)
    _ok(errno)
    assert rcvbuf >= 65536

    _ok(sys_linux.setsockopt_linger(c, sol, sys_linux.SO_LINGER, sys_linux.Linger(1, 7)))
    raw, errno = sys_linux.getsockopt_bytes(c, sol, sys_linux.SO_LINGER, sys_linux.SizeofLinger)
    _ok(errno)
    got = sys_linux.Linger.from_buffer_copy(raw)
    assert (got.Onoff, got.Linger) == (1, 7)
    _ok(sys_linux.setsockopt_bytes(c, sol, sys_linux.SO_LINGER, bytes(sys_linux.Linger(0, 0))))
    raw, errno = sys_linux.getsockopt_bytes(c, sol, sys_linux.SO_LINGER, 8)
    _ok(errno)
    assert sys_linux.Linger.from_buffer_copy(raw).Onoff == 0

    assert sys_linux.getsockopt_int(c, sol, 9999) == (-1, sys_linux.ENOPROTOOPT)
    assert sys_linux.setsockopt_int(-1, sol, sys_linux.SO_KEEPALIVE, 1) is sys_linux.EBADF
    assert sys_linux.getsockopt_bytes(-1, sol, sys_linux.SO_LINGER, 8) == (b"", sys_linux.EBADF)


def test_ConnectRefused(fds: _Fds) -> None:
    # Bind a port, close it, and connect to it: nobody listens there.
    probe, errno = sys_linux.socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(probe)
    _ok(sys_linux.bind(probe, sys_linux.sockaddr_inet4(LOOPBACK4, 0)[0]))
    addr, errno = sys_linux.getsockname(probe)
    _ok(errno)
    fds.close(probe)

    c, errno = sys_linux.socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)  # blocking
    _ok(errno)
    fds.add(c)
    errno = sys_linux.connect(c, addr)
    assert errno is sys_linux.ECONNREFUSED
    assert str(errno) == "connection refused"

    nb, errno = sys_linux.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(nb)
    errno = sys_linux.connect(nb, addr)
    if errno is sys_linux.EINPROGRESS:  # the refusal arrives later, via SO_ERROR
        _wait(nb, EPOLLOUT)
        soerr, errno = sys_linux.getsockopt_int(nb, sys_linux.SOL_SOCKET, sys_linux.SO_ERROR)
        _ok(errno)
        errno = Errno(soerr)
    assert errno is sys_linux.ECONNREFUSED


def test_BindErrors(fds: _Fds) -> None:
    a, errno = sys_linux.socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(a)
    _ok(sys_linux.bind(a, sys_linux.sockaddr_inet4(LOOPBACK4, 0)[0]))
    _ok(sys_linux.listen(a, 1))
    addr, _ = sys_linux.getsockname(a)
    b, errno = sys_linux.socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(b)
    assert sys_linux.bind(b, addr) is sys_linux.EADDRINUSE
    assert sys_linux.bind(b, b"\x02\x00") is sys_linux.EINVAL  # truncated sockaddr
    assert sys_linux.listen(-1, 1) is sys_linux.EBADF
    assert sys_linux.accept4(b, 0) == (-1, b"", sys_linux.EINVAL)  # not listening
    assert sys_linux.getpeername(b) == (b"", sys_linux.ENOTCONN)
    assert sys_linux.getsockname(-1) == (b"", sys_linux.EBADF)
    assert sys_linux.socket(12345, SOCK_STREAM, 0) == (-1, sys_linux.EAFNOSUPPORT)


# ---------------------------------------------------------------------------
# UDP
# ---------------------------------------------------------------------------


def test_UDPSendtoRecvfromMsg(fds: _Fds, impl: str) -> None:
    a, errno = sys_linux.socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(a)
    b, errno = sys_linux.socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(b)
    any4 = sys_linux.sockaddr_inet4(LOOPBACK4, 0)[0]
    _ok(sys_linux.bind(a, any4))
    _ok(sys_linux.bind(b, any4))
    _ok(sys_linux.setsockopt_int(a, sys_linux.SOL_SOCKET, sys_linux.SO_BROADCAST, 1))
    a_addr, _ = sys_linux.getsockname(a)
    b_addr, _ = sys_linux.getsockname(b)

    buf = bytearray(64)
    assert sys_linux.recvfrom(b, buf, 0) == (-1, b"", EAGAIN)

    _ok(sys_linux.sendto(a, b"datagram", 0, b_addr))
    _wait(b, EPOLLIN)
    n, frm, errno = sys_linux.recvfrom(b, buf, 0)
    _ok(errno)
    assert bytes(buf[:n]) == b"datagram"
    assert frm == a_addr
    assert sys_linux.anyToSockaddr(frm)[0] == sys_linux.anyToSockaddr(a_addr)[0]

    # sendmsg/recvmsg with an address, and MSG_TRUNC for a short buffer.
    n, errno = sys_linux.sendmsg(a, memoryview(b"0123456789"), b"", b_addr, 0)
    assert (n, errno) == (10, 0)
    _wait(b, EPOLLIN)
    small = bytearray(4)
    n, oobn, flags, frm, errno = sys_linux.recvmsg(b, small, bytearray(), 0)
    _ok(errno)
    assert (n, oobn, bytes(small), frm) == (4, 0, b"0123", a_addr)
    assert flags & sys_linux.MSG_TRUNC

    # A connected datagram socket: to=None.
    _ok(sys_linux.connect(a, b_addr))
    _ok(sys_linux.sendto(a, bytearray(b"connected"), 0, None))
    _wait(b, EPOLLIN)
    n, frm, errno = sys_linux.recvfrom(b, buf, 0)
    assert (bytes(buf[:n]), frm, errno) == (b"connected", a_addr, 0)

    assert sys_linux.sendto(a, b"x", 0, b"\x02\x00") is sys_linux.EINVAL


def _udp(fds: _Fds, family: int = AF_INET, blocking: bool = False) -> tuple[int, int]:
    """A bound loopback UDP socket and its port."""
    flags = SOCK_DGRAM | SOCK_CLOEXEC | (0 if blocking else SOCK_NONBLOCK)
    s, errno = sys_linux.socket(family, flags, 0)
    _ok(errno)
    fds.add(s)
    if family == AF_INET:
        _ok(sys_linux.bind(s, sys_linux.sockaddr_inet4(LOOPBACK4, 0)[0]))
    else:
        _ok(sys_linux.bind(s, sys_linux.sockaddr_inet6(LOOPBACK6, 0)[0]))
    name, errno = sys_linux.getsockname(s)
    _ok(errno)
    sa, _ = sys_linux.anyToSockaddr(name)
    assert sa is not None
    return s, sa.Port


def test_UDPInet4(fds: _Fds, impl: str) -> None:
    # internal/syscall/unix's RecvfromInet4/SendtoInet4: the sender written
    # into a SockaddrInet4 in place; the address encoded and checked as
    # sockaddr_inet4 checks it.
    a, pa = _udp(fds)
    b, pb = _udp(fds)
    to_b = sys_linux.SockaddrInet4(Port=pb, Addr=LOOPBACK4)
    frm = sys_linux.SockaddrInet4(Port=1, Addr=b"\xff" * 4)
    assert sys_linux.recvfromInet4(b, bytearray(8), 0, frm) == (-1, EAGAIN)
    assert (frm.Port, frm.Addr) == (1, b"\xff" * 4)  # untouched on failure

    _ok(sys_linux.sendtoInet4(a, b"hello", 0, to_b))
    _wait(b, EPOLLIN)
    buf = bytearray(16)
    assert sys_linux.recvfromInet4(b, buf, 0, frm) == (5, 0)
    assert bytes(buf[:5]) == b"hello" and (frm.Port, frm.Addr) == (pa, LOOPBACK4)
    assert type(frm.Addr) is bytes

    # Replying to the filled-in sender; a SockaddrTuple, a bytearray address
    # and keyword arguments work as well.
    _ok(sys_linux.sendtoInet4(b, memoryview(b"--reply")[2:], 0, frm))
    _ok(sys_linux.sendtoInet4(b, bytearray(b"tuple"), 0,
                              sys_linux.SockaddrTuple(AF_INET, LOOPBACK4, pa)))
    _ok(sys_linux.sendtoInet4(fd=b, p=b"kw", flags=0,
                              to=sys_linux.SockaddrInet4(Port=pa, Addr=bytearray(LOOPBACK4))))
    got = []
    for _ in range(3):
        _wait(a, EPOLLIN)
        n, errno = sys_linux.recvfromInet4(a, buf, 0, frm=frm)
        _ok(errno)
        got.append((bytes(buf[:n]), frm.Port))
    assert got == [(b"reply", pb), (b"tuple", pb), (b"kw", pb)]

    # A datagram longer than the buffer is cut to it; an empty buffer takes
    # (and drops) a whole datagram; an empty datagram reads as 0 bytes.
    _ok(sys_linux.sendtoInet4(a, b"0123456789", 0, to_b))
    _ok(sys_linux.sendtoInet4(a, b"dropped", 0, to_b))
    _ok(sys_linux.sendtoInet4(a, b"", 0, to_b))
    _wait(b, EPOLLIN)
    small = bytearray(4)
    assert sys_linux.recvfromInet4(b, small, 0, frm) == (4, 0) and small == b"0123"
    assert sys_linux.recvfromInet4(b, b"", 0, frm) == (0, 0)  # any empty buffer, even bytes
    assert sys_linux.recvfromInet4(b, bytearray(4), 0, frm) == (0, 0)
    assert sys_linux.recvfromInet4(b, bytearray(4), 0, frm) == (-1, EAGAIN)

    # Bad addresses are EINVAL, before the buffer is looked at; fields of
    # other types fail as sockaddr_inet4 makes them fail.
    EINVAL = sys_linux.EINVAL
    for bad in (sys_linux.SockaddrInet4(Port=65536, Addr=LOOPBACK4),
                sys_linux.SockaddrInet4(Port=-1, Addr=None),  # type: ignore[arg-type]
                sys_linux.SockaddrInet4(Port=1 << 70, Addr=LOOPBACK4),
                sys_linux.SockaddrInet4(Port=1, Addr=LOOPBACK6)):
        assert sys_linux.sendtoInet4(a, "not bytes", 0, bad) is EINVAL  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        sys_linux.sendtoInet4(a, b"x", 0, sys_linux.SockaddrInet4(Port=1.5,  # type: ignore[arg-type]
                                                                   Addr=LOOPBACK4))
    with pytest.raises(TypeError):
        sys_linux.sendtoInet4(a, b"x", 0, sys_linux.SockaddrInet4(Port="1",  # type: ignore[arg-type]
                                                                   Addr=LOOPBACK4))
    with pytest.raises(AttributeError):
        sys_linux.sendtoInet4(a, b"x", 0, object())  # type: ignore[arg-type]
    # Addr given as a list of ints: sockaddr_inet4 takes it (bytes(addr)).
    _ok(sys_linux.sendtoInet4(a, b"list", 0,
                              sys_linux.SockaddrInet4(Port=pb, Addr=[127, 0, 0, 1])))  # type: ignore[arg-type]
    _wait(b, EPOLLIN)
    assert sys_linux.recvfromInet4(b, buf, 0, frm) == (4, 0)

    # Buffers: what ctypes' from_buffer refuses, and any bytes-like to send.
    with pytest.raises(TypeError, match="not writable"):
        sys_linux.recvfromInet4(b, b"abc", 0, frm)
    with pytest.raises(TypeError, match="not C contiguous"):
        sys_linux.recvfromInet4(b, memoryview(bytearray(8))[::2], 0, frm)
    with pytest.raises(TypeError, match="bytes-like object is required"):
        sys_linux.recvfromInet4(b, None, 0, frm)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bytes-like object is required"):
        sys_linux.sendtoInet4(a, "text", 0, to_b)  # type: ignore[arg-type]
    _ok(sys_linux.sendtoInet4(a, memoryview(bytearray(b"s-t-r-i-d-e"))[::2], 0, to_b))
    _wait(b, EPOLLIN)
    n, errno = sys_linux.recvfromInet4(b, buf, 0, frm)
    assert (bytes(buf[:n]), errno) == (b"stride", 0)
    # A SockaddrTuple cannot be filled in: the datagram is taken, then the
    # assignment fails.
    _ok(sys_linux.sendtoInet4(a, b"lost", 0, to_b))
    _wait(b, EPOLLIN)
    with pytest.raises(AttributeError):
        sys_linux.recvfromInet4(b, buf, 0, sys_linux.SockaddrTuple(AF_INET))  # type: ignore[arg-type]
    assert sys_linux.recvfromInet4(b, buf, 0, frm) == (-1, EAGAIN)
    assert sys_linux.sendtoInet4(-1, b"x", 0, to_b) is sys_linux.EBADF
    assert sys_linux.sendtoInet4(a, bytes(65508), 0, to_b) is sys_linux.EMSGSIZE


@pytest.mark.skipif(not _ipv6_available(), reason="no IPv6 loopback")
def test_UDPInet6(fds: _Fds, impl: str) -> None:
    a, pa = _udp(fds, AF_INET6)
    b, pb = _udp(fds, AF_INET6)
    to_b = sys_linux.SockaddrInet6(Port=pb, Addr=LOOPBACK6)
    frm = sys_linux.SockaddrInet6(Port=1, ZoneId=7, Addr=b"\xff" * 16)
    _ok(sys_linux.sendtoInet6(a, b"six", 0, to_b))
    _ok(sys_linux.sendtoInet6(a, b"tuple", 0, sys_linux.SockaddrTuple(AF_INET6, LOOPBACK6, pb, 0)))
    buf = bytearray(8)
    for want in (b"six", b"tuple"):
        _wait(b, EPOLLIN)
        n, errno = sys_linux.recvfromInet6(b, buf, 0, frm)
        _ok(errno)
        assert bytes(buf[:n]) == want
        assert (frm.Port, frm.ZoneId, frm.Addr) == (pa, 0, LOOPBACK6)
    EINVAL = sys_linux.EINVAL
    for bad in (sys_linux.SockaddrInet6(Port=pb, ZoneId=-1, Addr=LOOPBACK6),
                sys_linux.SockaddrInet6(Port=pb, ZoneId=1 << 32, Addr=LOOPBACK6),
                sys_linux.SockaddrInet6(Port=70000, Addr=LOOPBACK6),
                sys_linux.SockaddrInet6(Port=pb, Addr=LOOPBACK4)):
        assert sys_linux.sendtoInet6(a, b"x", 0, bad) is EINVAL
    with pytest.raises(Exception, match="integer"):  # struct.error from _SCOPE.pack
        sys_linux.sendtoInet6(a, b"x", 0, sys_linux.SockaddrInet6(Port=pb, ZoneId=1.0,  # type: ignore[arg-type]
                                                                   Addr=LOOPBACK6))
    with pytest.raises(AttributeError):  # a SockaddrInet4 has no ZoneId
        sys_linux.sendtoInet6(a, b"x", 0, sys_linux.SockaddrInet4(Port=pb, Addr=LOOPBACK6))  # type: ignore[arg-type]
    # The Inet4 form on an IPv6 socket reads the bytes where an IPv4
    # address would be, without looking at the family (as Go does).
    _ok(sys_linux.sendtoInet6(a, b"x", 0, to_b))
    _wait(b, EPOLLIN)
    f4 = sys_linux.SockaddrInet4()
    assert sys_linux.recvfromInet4(b, buf, 0, f4) == (1, 0)
    assert (f4.Port, f4.Addr) == (pa, bytes(4))  # sin6_flowinfo


def test_DatagramTwinsAgree(fds: _Fds) -> None:
    # The C half and the Python twins side by side on the same sequence of
    # calls, including the odd arguments each hands to the reference.
    if not sys_linux.accelerated:
        pytest.skip("rt._sys_linux is not in use (not built, or GONET_PUREPY is set)")

    def run(prefix: str) -> list[str]:
        f = {name: getattr(sys_linux, prefix + name) for name in
             ("recvfrom", "sendto", "recvfromInet4", "sendtoInet4")}
        a, pa = _udp(fds)
        b, pb = _udp(fds)
        names = {str(pa): "A", str(pb): "B"}
        to_a = sys_linux.SockaddrInet4(Port=pa, Addr=LOOPBACK4)
        raw_a = sys_linux.sockaddr_inet4(LOOPBACK4, pa)[0]
        frm = sys_linux.SockaddrInet4()
        calls: list[tuple[str, tuple[object, ...], dict[str, object]]] = [
            ("sendtoInet4", (b, b"one", 0, to_a), {}),
            ("sendtoInet4", (b, b"", 0, to_a), {}),
            ("sendtoInet4", (b, array_i(), 0, to_a), {}),
            ("sendtoInet4", (b, b"x", 0, sys_linux.SockaddrInet4(Port=True, Addr=LOOPBACK4)), {}),
            ("sendtoInet4", (b, b"x", 0), {}),
            ("sendtoInet4", (b, b"x", 0, to_a), {"to": to_a}),
            ("sendtoInet4", (b, b"x", 0), {"too": to_a}),
            ("sendto", (b, b"raw", 0, raw_a), {}),
            ("sendto", (b, b"raw", 0, bytearray(raw_a)), {}),
            ("sendto", (b, b"raw", 0, 5), {}),
            ("sendto", (b, b"raw", 0, b""), {}),
            ("sendto", (b, b"raw", 0, None), {}),
            ("sendto", (b, b"raw", 0, b"\x02\x00"), {}),
            ("recvfromInet4", (a, bytearray(2), 0, frm), {}),
            ("recvfromInet4", (a, bytearray(2), 0, frm), {}),
            ("recvfromInet4", (a, memoryview(bytearray(64))[1:], 0, frm), {}),
            ("recvfrom", (a, bytearray(64), 0), {}),
            ("recvfrom", (a, b"", 0), {}),
            ("recvfrom", (a, bytearray(1), 0), {}),
            ("recvfrom", (a, "str", 0), {}),
            ("recvfromInet4", (a, bytearray(1), 0, frm), {}),
        ]
        out = []
        for name, args, kw in calls:
            try:
                res = f[name](*args, **kw)
                if name == "recvfrom":  # the sender decoded, so its port can be named
                    n, sender, errno = res
                    res = (n, sys_linux.anyToSockaddr(sender)[0] if sender else sender, errno)
                r = repr(res)
            except Exception as e:
                r = f"{type(e).__name__}: {e}"
            for port, tag in names.items():
                r = r.replace(port, tag)
            out.append(f"{name}: {r} {frm.Port == pb} {frm.Addr!r}")
        fds.close(a)
        fds.close(b)
        return out

    def array_i() -> object:
        import array

        return array.array("i", [1, 2])

    assert run("") == run("py_")


def test_RecvfromEINTRSurfaces(fds: _Fds, impl: str) -> None:
    # recvfrom through ctypes is not retried on EINTR (no PEP 475): the twins
    # return it, and the handler has run; poll.FD's loops retry. The C half
    # releases the GIL while it waits, so another thread's send gets through.
    b, pb = _udp(fds, blocking=True)
    fired: list[int] = []
    old = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        frm = sys_linux.SockaddrInet4()
        assert sys_linux.recvfromInet4(b, bytearray(8), 0, frm) == (-1, sys_linux.EINTR)
        assert fired == [signal.SIGALRM]
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        assert sys_linux.recvfrom(b, bytearray(8), 0) == (-1, b"", sys_linux.EINTR)
        assert fired == [signal.SIGALRM] * 2
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    a, pa = _udp(fds)
    _ok(sys_linux.setsockopt_bytes(b, sys_linux.SOL_SOCKET, sys_linux.SO_RCVTIMEO,
                                   (5).to_bytes(8, sys.byteorder) + bytes(8)))
    sender = threading.Timer(0.1, sys_linux.sendtoInet4,
                             (a, b"late", 0, sys_linux.SockaddrInet4(Port=pb, Addr=LOOPBACK4)))
    sender.start()
    try:
        frm = sys_linux.SockaddrInet4()
        t0 = time.monotonic()
        assert sys_linux.recvfromInet4(b, bytearray(8), 0, frm) == (4, 0)
        assert frm.Port == pa and time.monotonic() - t0 < 4
    finally:
        sender.join()


def test_MulticastOptions(fds: _Fds) -> None:
    u, errno = sys_linux.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(u)
    ip = sys_linux.IPPROTO_IP
    _ok(sys_linux.setsockopt_inet4addr(u, ip, sys_linux.IP_MULTICAST_IF, LOOPBACK4))
    assert sys_linux.getsockopt_inet4addr(u, ip, sys_linux.IP_MULTICAST_IF) == (LOOPBACK4, 0)
    assert sys_linux.setsockopt_inet4addr(u, ip, sys_linux.IP_MULTICAST_IF, b"\x01") == 22
    _ok(sys_linux.setsockopt_byte(u, ip, sys_linux.IP_MULTICAST_LOOP, 0))
    assert sys_linux.getsockopt_int(u, ip, sys_linux.IP_MULTICAST_LOOP) == (0, 0)
    _ok(sys_linux.setsockopt_int(u, ip, sys_linux.IP_MULTICAST_TTL, 3))
    assert sys_linux.getsockopt_int(u, ip, sys_linux.IP_MULTICAST_TTL) == (3, 0)

    mreqn = sys_linux.IPMreqn(Ifindex=1)  # lo
    mreqn.Multiaddr[:] = b"\xe0\x00\x00\xfb"
    errno = sys_linux.setsockopt_ipmreqn(u, ip, sys_linux.IP_ADD_MEMBERSHIP, mreqn)
    assert errno in (0, sys_linux.ENODEV, sys_linux.EADDRNOTAVAIL), repr(errno)
    mreq = sys_linux.IPMreq()
    mreq.Multiaddr[:] = b"\xe0\x00\x00\xfc"
    mreq.Interface[:] = LOOPBACK4
    errno = sys_linux.setsockopt_ipmreq(u, ip, sys_linux.IP_ADD_MEMBERSHIP, mreq)
    assert errno in (0, sys_linux.ENODEV, sys_linux.EADDRNOTAVAIL), repr(errno)
    assert sys_linux.setsockopt_ipmreq(-1, ip, sys_linux.IP_ADD_MEMBERSHIP, mreq) == 9

    if not _ipv6_available():
        pytest.skip("IPv6 is not available here")
    u6, errno = sys_linux.socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(u6)
    _ok(sys_linux.setsockopt_int(u6, sys_linux.IPPROTO_IPV6, sys_linux.IPV6_V6ONLY, 1))
    assert sys_linux.getsockopt_int(u6, sys_linux.IPPROTO_IPV6, sys_linux.IPV6_V6ONLY) == (1, 0)
    m6 = sys_linux.IPv6Mreq(Interface=1)
    m6.Multiaddr[:] = bytes.fromhex("ff020000000000000000000000000123")
    errno = sys_linux.setsockopt_ipv6mreq(u6, sys_linux.IPPROTO_IPV6, sys_linux.IPV6_JOIN_GROUP, m6)
    assert errno in (0, sys_linux.ENODEV, sys_linux.EADDRNOTAVAIL), repr(errno)


# ---------------------------------------------------------------------------
# Unix sockets
# ---------------------------------------------------------------------------


def test_UnixStreamSockets(fds: _Fds, tmp_path: Path) -> None:
    path = str(tmp_path / "sock")
    addr, errno = sys_linux.sockaddr_unix(path)
    _ok(errno)
    ln, errno = sys_linux.socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(ln)
    _ok(sys_linux.bind(ln, addr))
    _ok(sys_linux.listen(ln, 4))
    name, errno = sys_linux.getsockname(ln)
    _ok(errno)
    assert sys_linux.anyToSockaddr(name)[0] == sys_linux.SockaddrTuple(AF_UNIX, Name=path)

    c, errno = sys_linux.socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(c)
    _ok(sys_linux.connect(c, addr))
    _wait(ln, EPOLLIN)
    s, rsa, errno = sys_linux.accept4(ln, SOCK_NONBLOCK | SOCK_CLOEXEC)
    _ok(errno)
    fds.add(s)
    # An unnamed peer: Go decodes its family-only address as "@".
    assert sys_linux.anyToSockaddr(rsa)[0] == sys_linux.SockaddrTuple(AF_UNIX, Name="@")
    peer, errno = sys_linux.getpeername(c)
    _ok(errno)
    assert sys_linux.anyToSockaddr(peer)[0] == sys_linux.SockaddrTuple(AF_UNIX, Name=path)

    _write_all(c, b"over unix")
    assert _read_exactly(s, 9) == b"over unix"

    # A second bind on the same path: the file exists.
    other, errno = sys_linux.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(other)
    assert sys_linux.bind(other, addr) is sys_linux.EADDRINUSE


def test_UnixAbstractAndDatagram(fds: _Fds, impl: str) -> None:
    name = f"@gonet-test-{os.getpid()}"
    addr, errno = sys_linux.sockaddr_unix(name)
    _ok(errno)
    a, errno = sys_linux.socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(a)
    _ok(sys_linux.bind(a, addr))
    got, errno = sys_linux.getsockname(a)
    _ok(errno)
    assert sys_linux.anyToSockaddr(got)[0] == sys_linux.SockaddrTuple(AF_UNIX, Name=name)

    b, errno = sys_linux.socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(b)
    _ok(sys_linux.sendto(b, b"to abstract", 0, addr))
    _wait(a, EPOLLIN)
    buf = bytearray(32)
    n, frm, errno = sys_linux.recvfrom(a, buf, 0)
    _ok(errno)
    assert bytes(buf[:n]) == b"to abstract"
    assert frm == b"" or sys_linux.anyToSockaddr(frm)[0] == sys_linux.SockaddrTuple(AF_UNIX)


def test_SocketpairAndUnixRights(fds: _Fds) -> None:
    (x, y), errno = sys_linux.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)
    _ok(errno)
    fds.add(x)
    fds.add(y)
    (r, w), errno = sys_linux.pipe2(sys_linux.O_CLOEXEC)
    _ok(errno)
    fds.add(r)
    fds.add(w)

    # Pass the pipe's write end across, with no normal data (Go sends a dummy byte).
    oob = sys_linux.UnixRights(w)
    assert len(oob) == sys_linux.CmsgSpace(4)
    n, errno = sys_linux.sendmsg(x, b"", oob, None, 0)
    assert (n, errno) == (0, 0)

    data = bytearray(16)
    oobbuf = bytearray(sys_linux.CmsgSpace(4 * 4))
    n, oobn, flags, frm, errno = sys_linux.recvmsg(y, data, oobbuf, sys_linux.MSG_CMSG_CLOEXEC)
    _ok(errno)
    assert n == 1 and data[0] == 0  # the dummy byte
    assert frm == b"" and not flags & sys_linux.MSG_CTRUNC
    msgs, errno = sys_linux.ParseSocketControlMessage(bytes(oobbuf[:oobn]))
    _ok(errno)
    assert len(msgs) == 1
    assert (msgs[0].Header.Level, msgs[0].Header.Type) == (
        sys_linux.SOL_SOCKET,
        sys_linux.SCM_RIGHTS,
    )
    passed, errno = sys_linux.ParseUnixRights(msgs[0])
    _ok(errno)
    assert len(passed) == 1
    got = fds.add(passed[0])
    assert got != w
    assert sys_linux.write(got, b"through passed fd") == (17, 0)
    assert _read_exactly(r, 17) == b"through passed fd"

    # Data and control data together, the data is counted.
    n, errno = sys_linux.sendmsg(x, bytearray(b"abc"), sys_linux.UnixRights(r), None, 0)
    assert (n, errno) == (3, 0)
    n, oobn, _, _, errno = sys_linux.recvmsg(y, data, oobbuf, sys_linux.MSG_CMSG_CLOEXEC)
    _ok(errno)
    assert bytes(data[:n]) == b"abc"
    msgs, _ = sys_linux.ParseSocketControlMessage(bytes(oobbuf[:oobn]))
    (received,), errno = sys_linux.ParseUnixRights(msgs[0])
    _ok(errno)
    fds.add(received)

    assert sys_linux.socketpair(AF_INET, SOCK_STREAM, 0)[1] in (
        sys_linux.EOPNOTSUPP,
        sys_linux.EAFNOSUPPORT,
    )


def test_CmsgHelpers() -> None:
    assert sys_linux.CmsgLen(0) == 16 and sys_linux.CmsgLen(4) == 20
    assert sys_linux.CmsgSpace(4) == 24 and sys_linux.CmsgSpace(8) == 24
    assert sys_linux.CmsgSpace(12) == 32
    oob = sys_linux.UnixRights(3, 4, 5)
    (m,), errno = sys_linux.ParseSocketControlMessage(oob)
    _ok(errno)
    assert m.Header.Len == sys_linux.CmsgLen(12)
    assert sys_linux.ParseUnixRights(m) == ([3, 4, 5], 0)
    bad = sys_linux.SocketControlMessage(sys_linux.Cmsghdr(20, sys_linux.SOL_SOCKET, 2), b"")
    assert sys_linux.ParseUnixRights(bad) == ([], sys_linux.EINVAL)
    # A length field larger than the buffer is malformed.
    assert sys_linux.ParseSocketControlMessage(oob[:20]) == ([], sys_linux.EINVAL)
    assert sys_linux.ParseSocketControlMessage(b"") == ([], 0)


# ---------------------------------------------------------------------------
# splice and sendfile
# ---------------------------------------------------------------------------


def test_SpliceSocketPipeSocket(fds: _Fds) -> None:
    # internal/poll's splice path: socket -> pipe (spliceDrain) -> socket (splicePump).
    _, c, s = _tcp_pair(fds, AF_INET)
    (pr, pw), errno = sys_linux.pipe2(sys_linux.O_NONBLOCK | sys_linux.O_CLOEXEC)
    _ok(errno)
    fds.add(pr)
    fds.add(pw)
    flags = sys_linux.SPLICE_F_MOVE | sys_linux.SPLICE_F_NONBLOCK

    assert sys_linux.splice(s, None, pw, None, 1 << 16, flags) == (-1, EAGAIN)
    _write_all(c, b"spliced payload")
    _wait(s, EPOLLIN)
    n, errno = sys_linux.splice(s, None, pw, None, 1 << 16, flags)
    _ok(errno)
    assert n == 15
    n, errno = sys_linux.splice(pr, None, s, None, n, flags)
    assert (n, errno) == (15, 0)
    assert _read_exactly(c, 15) == b"spliced payload"
    assert sys_linux.splice(pr, None, s, None, 10, flags) == (-1, EAGAIN)  # pipe empty
    assert sys_linux.splice(-1, None, pw, None, 1, flags) == (-1, sys_linux.EBADF)


def test_SendfileIntoSocket(fds: _Fds) -> None:
    _, c, s = _tcp_pair(fds, AF_INET)
    content = bytes(range(256)) * 40  # 10 KiB
    with tempfile.TemporaryFile() as f:
        f.write(content)
        f.flush()
        src = f.fileno()
        os.lseek(src, 0, os.SEEK_SET)
        n, errno = sys_linux.sendfile(s, src, None, 1000)  # from the file position
        assert (n, errno) == (1000, 0)
        assert os.lseek(src, 0, os.SEEK_CUR) == 1000
        assert _read_exactly(c, 1000) == content[:1000]

        n, errno = sys_linux.sendfile(s, src, 5000, len(content))  # explicit offset
        _ok(errno)
        assert 0 < n <= len(content) - 5000
        assert os.lseek(src, 0, os.SEEK_CUR) == 1000  # position untouched
        assert _read_exactly(c, n) == content[5000 : 5000 + n]

        assert sys_linux.sendfile(s, src, len(content), 10) == (0, 0)  # at EOF
    assert sys_linux.sendfile(s, -1, None, 10) == (-1, sys_linux.EBADF)


# ---------------------------------------------------------------------------
# Resolver, rlimit, uname
# ---------------------------------------------------------------------------


def test_GetaddrinfoLocalhost(fds: _Fds) -> None:
    addrs, gerrno, errno = sys_linux.getaddrinfo(
        "localhost", None, AF_INET, SOCK_STREAM, 0, sys_linux.AI_CANONNAME
    )
    assert gerrno == 0, sys_linux.gai_strerror(gerrno)
    _ok(errno)
    assert addrs
    decoded = [sys_linux.anyToSockaddr(a.Addr)[0] for a in addrs]
    assert sys_linux.SockaddrTuple(AF_INET, LOOPBACK4, 0) in decoded
    assert all(a.Family == AF_INET and a.Socktype == SOCK_STREAM for a in addrs)
    assert addrs[0].Canonname != ""

    addrs, gerrno, _ = sys_linux.getaddrinfo(
        "127.0.0.1", "80", sys_linux.AF_UNSPEC, SOCK_DGRAM, 0, sys_linux.AI_NUMERICHOST
    )
    assert gerrno == 0
    assert [sys_linux.anyToSockaddr(a.Addr)[0] for a in addrs] == [
        sys_linux.SockaddrTuple(AF_INET, LOOPBACK4, 80)
    ]

    # The raw trio.
    hints = sys_linux.Addrinfo(Family=AF_INET, Socktype=SOCK_STREAM)
    res, gerrno, _ = sys_linux.getaddrinfo_raw(b"localhost", None, hints)
    assert gerrno == 0 and res
    try:
        assert res.contents.Family == AF_INET and res.contents.Addrlen == 16
    finally:
        sys_linux.freeaddrinfo(res)


def test_GetaddrinfoUnknownName() -> None:
    addrs, gerrno, _ = sys_linux.getaddrinfo("nosuchhost.invalid", None)
    assert addrs == []
    assert gerrno < 0
    assert gerrno in (
        sys_linux.EAI_NONAME,
        sys_linux.EAI_NODATA,
        sys_linux.EAI_AGAIN,
        sys_linux.EAI_FAIL,
        sys_linux.EAI_SYSTEM,
    )
    text = sys_linux.gai_strerror(gerrno)
    assert text and not text.startswith("EAI error")
    assert sys_linux.gai_strerror(sys_linux.EAI_NONAME) == "Name or service not known"
    assert sys_linux.getaddrinfo("bad\0name") == ([], sys_linux.EAI_NONAME, 0)
    _, gerrno, _ = sys_linux.getaddrinfo("localhost", "no-such-service-xyz", AF_INET, SOCK_STREAM)
    assert gerrno == sys_linux.EAI_SERVICE


def test_Getnameinfo() -> None:
    raw, _ = sys_linux.sockaddr_inet4(LOOPBACK4, 8080)
    host, serv, gerrno, errno = sys_linux.getnameinfo(
        raw, sys_linux.NI_NUMERICHOST | sys_linux.NI_NUMERICSERV
    )
    assert (host, serv, gerrno, errno) == ("127.0.0.1", "8080", 0, 0)
    host, _, gerrno, _ = sys_linux.getnameinfo(raw, 0)
    assert gerrno == 0 and host  # "localhost" from /etc/hosts, typically
    _, _, gerrno, _ = sys_linux.getnameinfo(b"\x63\x00", 0)
    assert gerrno == sys_linux.EAI_FAMILY


def test_RlimitRoundTrip() -> None:
    orig, errno = sys_linux.getrlimit(sys_linux.RLIMIT_NOFILE)
    _ok(errno)
    soft, hard = orig.Cur, orig.Max
    assert 0 < soft <= hard
    lower = max(soft - 1, 64) if soft > 64 else soft
    try:
        _ok(sys_linux.setrlimit(sys_linux.RLIMIT_NOFILE, sys_linux.Rlimit(lower, hard)))
        now, errno = sys_linux.getrlimit(sys_linux.RLIMIT_NOFILE)
        _ok(errno)
        assert (now.Cur, now.Max) == (lower, hard)
        if hard != sys_linux.RLIM_INFINITY:
            assert (
                sys_linux.setrlimit(sys_linux.RLIMIT_NOFILE, sys_linux.Rlimit(hard + 1, hard))
                is sys_linux.EINVAL
            )
    finally:
        _ok(sys_linux.setrlimit(sys_linux.RLIMIT_NOFILE, orig))
    back, _ = sys_linux.getrlimit(sys_linux.RLIMIT_NOFILE)
    assert (back.Cur, back.Max) == (soft, hard)
    assert sys_linux.getrlimit(-1)[1] is sys_linux.EINVAL


def test_Uname() -> None:
    u, errno = sys_linux.uname()
    _ok(errno)
    assert u.Sysname == b"Linux"
    assert u.Machine.decode() == platform.machine()
    assert u.Release.decode() == platform.release()
