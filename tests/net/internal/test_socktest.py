"""net/internal/socktest/main_test.go + main_unix_test.go (go1.27.0), ported.

TestSwitch and TestSocket are Go's. Go's TestMain installs the package's one
switch, runs the tests and closes whatever the switch still holds; here an
autouse fixture does that around each test, so that the suite's per-test
fd check stays clean. Go's tests only make the calls (a crash or a race
would fail them); the ports also check the table and the counters.

The tests after them are the port's own: they pin down the filter
semantics of sys_unix.go (a filter's error cancels the call, an after
filter's error replaces the result and closes a socket the call made,
unknown descriptors pass straight through) and the texts of Status and
Stat, which Go's net tests print when they report leaked sockets.
"""

from __future__ import annotations

import os as _pyos
from collections.abc import Callable, Iterator

import pytest

import rt
from net.internal import socktest
from net.internal.socktest.switch import cookie
from rt import sys_linux
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    ECONNABORTED,
    EMFILE,
    EOPNOTSUPP,
    IPPROTO_TCP,
    SO_ERROR,
    SOCK_CLOEXEC,
    SOCK_NONBLOCK,
    SOCK_STREAM,
    SOL_SOCKET,
    Errno,
)
from std import sync

sw = socktest.Switch()

socketFunc: Callable[[int, int, int], tuple[int, Errno]] = sys_linux.socket
closeFunc: Callable[[int], Errno] = sys_linux.close


def installTestHooks() -> None:
    """main_unix_test.go: installTestHooks."""
    global socketFunc, closeFunc
    socketFunc = sw.Socket
    closeFunc = sw.Close


def uninstallTestHooks() -> None:
    """main_unix_test.go: uninstallTestHooks."""
    global socketFunc, closeFunc
    socketFunc = sys_linux.socket
    closeFunc = sys_linux.close


@pytest.fixture(autouse=True)
def _testMain() -> Iterator[None]:
    """main_test.go: TestMain, around each test: install, run, close what is left."""
    installTestHooks()
    try:
        yield
    finally:
        for s in sw.Sockets():
            closeFunc(s)
        uninstallTestHooks()
        sw.Set(socktest.FilterSocket, None)


def _stat(family: int, sotype: int, proto: int) -> socktest.Stat:
    c = cookie(family, sotype, proto)
    for st in sw.Stats():
        if (st.Family, st.Type, st.Protocol) == (c.Family(), c.Type(), c.Protocol()):
            return st
    return socktest.Stat(Family=c.Family(), Type=c.Type(), Protocol=c.Protocol())


def _opened(family: int) -> tuple[int, int]:
    st = _stat(family, SOCK_STREAM, IPPROTO_TCP)
    return st.Opened, st.OpenFailed


def test_Switch() -> None:
    N = 10
    before = {f: _opened(f) for f in (AF_INET, AF_INET6)}

    def main() -> None:
        wg = sync.WaitGroup()
        wg.Add(N)
        for _ in range(N):
            def worker() -> None:
                try:
                    for family in (AF_INET, AF_INET6):
                        socketFunc(family, SOCK_STREAM, IPPROTO_TCP)
                finally:
                    wg.Done()

            rt.go(worker)
        wg.Wait()

    rt.run(main)
    opened = 0
    for family in (AF_INET, AF_INET6):
        o, f = _opened(family)
        o0, f0 = before[family]
        assert (o - o0) + (f - f0) == N, family
        opened += o - o0
    assert _opened(AF_INET)[0] - before[AF_INET][0] == N  # IPv4 sockets always open here
    assert len(sw.Sockets()) == opened
    for so in sw.Sockets().values():
        assert so.Cookie.Type() == SOCK_STREAM and so.Cookie.Protocol() == IPPROTO_TCP


def test_Socket() -> None:
    calls: list[socktest.Status] = []

    def noop(st: socktest.Status) -> tuple[socktest.AfterFilter | None, Errno | None]:
        calls.append(st)
        return None, None

    filters: list[socktest.Filter | None] = [noop, None]
    for f in filters:
        sw.Set(socktest.FilterSocket, f)
        for family in (AF_INET, AF_INET6):
            socketFunc(family, SOCK_STREAM, IPPROTO_TCP)
    # The first filter saw both calls, before they were made; nil filters see nothing.
    assert [st.Cookie.Family() for st in calls] == [AF_INET, AF_INET6]
    assert all(st.Err is None for st in calls)
    assert 2 <= len(sw.Sockets()) <= 4


# ---------------------------------------------------------------------------
# The port's own tests of the filter semantics.


def _openFds() -> int:
    return len(_pyos.listdir("/proc/self/fd"))


def test_FilterErrorCancelsTheCall() -> None:
    sw.Set(socktest.FilterSocket, lambda st: (None, EMFILE))
    n0 = _openFds()
    st0 = _stat(AF_INET, SOCK_STREAM, 0)
    s, errno = socketFunc(AF_INET, SOCK_STREAM, 0)
    assert (s, errno) == (-1, EMFILE)
    assert _openFds() == n0  # no socket was made
    assert _stat(AF_INET, SOCK_STREAM, 0) == st0  # and nothing was counted
    assert sw.Sockets() == {}


def test_AfterFilterErrorClosesTheNewSocket() -> None:
    seen: list[socktest.Status] = []

    def after(st: socktest.Status) -> Errno | None:
        seen.append(st)
        return EOPNOTSUPP

    sw.Set(socktest.FilterSocket, lambda st: (after, None))
    n0 = _openFds()
    s, errno = socketFunc(AF_INET, SOCK_STREAM, 0)
    assert (s, errno) == (-1, EOPNOTSUPP)
    assert len(seen) == 1 and seen[0].Err is None  # the call itself succeeded
    assert _openFds() == n0  # ... and its socket was closed again
    assert sw.Sockets() == {}


def test_SyscallFailureIsCounted() -> None:
    st0 = _stat(12345, SOCK_STREAM, 0)
    s, errno = socketFunc(12345, SOCK_STREAM, 0)  # no such address family
    assert s == -1 and errno == sys_linux.EAFNOSUPPORT
    st = _stat(12345, SOCK_STREAM, 0)
    assert (st.OpenFailed, st.Opened) == (st0.OpenFailed + 1, st0.Opened)


def test_UnknownDescriptorsPassThrough() -> None:
    # A descriptor the switch did not open is not filtered or counted.
    sw.Set(socktest.FilterClose, lambda st: (None, EMFILE))
    try:
        s, errno = sys_linux.socket(AF_INET, SOCK_STREAM, 0)
        assert not errno
        assert sw.Close(s) == 0
        assert sw.Close(s) == sys_linux.EBADF
    finally:
        sw.Set(socktest.FilterClose, None)


def test_ConnectListenAcceptGetsockoptInt() -> None:
    """Every wrapper on a real connection, with Go's counting rules."""
    ln, errno = sw.Socket(AF_INET, SOCK_STREAM, 0)
    assert not errno
    b, _ = sys_linux.sockaddr_inet4(bytes([127, 0, 0, 1]), 0)
    assert not sys_linux.bind(ln, b)
    assert sw.Listen(ln, 8) == 0
    lsa, _ = sys_linux.getsockname(ln)
    c, errno = sw.Socket(AF_INET, SOCK_STREAM, 0)
    assert not errno
    assert sw.Connect(c, lsa) == 0  # blocking socket: connected on return

    # An aborted connection request, injected, counts as nothing.
    sw.Set(socktest.FilterAccept, lambda st: (None, ECONNABORTED))
    assert sw.Accept4(ln, SOCK_NONBLOCK | SOCK_CLOEXEC) == (-1, None, ECONNABORTED)
    sw.Set(socktest.FilterAccept, None)
    ns, sa, errno = sw.Accept4(ln, SOCK_NONBLOCK | SOCK_CLOEXEC)
    assert not errno and sa is not None and sa.Family == AF_INET
    # The accepted socket is in the table, under its listener's cookie.
    tab = sw.Sockets()
    assert set(tab) == {ln, c, ns}
    assert tab[ns].Cookie == tab[ln].Cookie

    soerr, errno = sw.GetsockoptInt(c, SOL_SOCKET, SO_ERROR)
    assert (soerr, errno) == (0, 0)
    st = _stat(AF_INET, SOCK_STREAM, 0)
    assert (st.Listened, st.Accepted) == (1, 1)
    assert st.Connected == 2  # connect(2) returned 0, then SO_ERROR read 0
    for s in (ns, c, ln):
        assert sw.Close(s) == 0
    assert sw.Sockets() == {}
    assert _stat(AF_INET, SOCK_STREAM, 0).Closed == st.Closed + 3


def test_CookieAndTexts() -> None:
    sotype = SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC
    c = cookie(AF_INET6, sotype, IPPROTO_TCP)
    assert (c.Family(), c.Type(), c.Protocol()) == (AF_INET6, sotype, IPPROTO_TCP)
    so = socktest.Status(Cookie=c)
    assert so.String() == "(inet6, stream|0x80800, tcp): syscallerr=<nil> socketerr=<nil>"
    so.Err, so.SocketErr = EMFILE, Errno(0)
    assert str(so) == ("(inet6, stream|0x80800, tcp): syscallerr=too many open files "
                       "socketerr=errno 0")
    st = socktest.Stat(Family=1, Type=2, Protocol=0, Opened=3, Closed=2)
    assert st.String() == ("(local, datagram, default): opened=3 connected=0 listened=0 "
                           "accepted=0 closed=2 openfailed=0 connectfailed=0 "
                           "listenfailed=0 acceptfailed=0 closefailed=0")
    assert cookie(99, 9, 17).Protocol() == 17
    assert socktest.Stat(Family=99, Type=9, Protocol=17).String().startswith("(99, 9, udp)")
