"""net/internal/socktest/sys_unix.go + sys_cloexec.go (go1.27.0): the wrapped system calls.

Each wrapper has the signature of the hook it replaces (net/hook.py,
rt/poll/hook_unix.py): raw ``Errno`` results, ``Errno(0)`` for success,
sockaddrs as raw bytes going in and a ``SockaddrTuple`` coming out of
accept4. Go's methods of these files are functions here taking the switch
first; ``Switch``'s methods of the same names call them.

Every wrapper follows the same steps, as Go's do:

1. A descriptor the switch does not know (not in its table) goes straight
   to the system call: no filter, no counting. (Socket has no descriptor
   yet and is always filtered.)
2. The filter for the call runs, outside the locks; an error from it is
   returned and the system call is not made.
3. The system call runs; its error is recorded in the Status.
4. The after filter runs; an error from it is returned instead of the
   call's result, and a socket the call just created is closed again.
5. The counters and the table are updated under ``smu``.
"""

from __future__ import annotations

from typing import Final

from net.internal.socktest.switch import (
    FilterAccept,
    FilterClose,
    FilterConnect,
    FilterGetsockoptInt,
    FilterListen,
    FilterSocket,
    Status,
    Switch,
    applyAfterFilter,
    applyFilter,
    cookie,
)
from rt import sys_linux
from rt.sys_linux import EISCONN, SO_ERROR, Errno, SockaddrTuple

_ok: Final = Errno(0)


def _err(errno: Errno) -> Errno | None:
    """A raw result as Go's error value: None for success."""
    return errno if errno else None


def _accept4(s: int, flags: int) -> tuple[int, SockaddrTuple | None, Errno]:
    """syscall.Accept4: accept4(2) and decode the peer address (closing on failure)."""
    ns, rsa, errno = sys_linux.accept4(s, flags)
    if errno:
        return -1, None, errno
    sa, errno = sys_linux.anyToSockaddr(rsa)
    if errno:
        sys_linux.close(ns)
        return -1, None, errno
    return ns, sa, _ok


def Switch_Socket(sw: Switch, family: int, sotype: int, proto: int) -> tuple[int, Errno]:
    """socktest: Switch.Socket. Wraps syscall.Socket; a new socket enters the table."""
    so = Status(Cookie=cookie(family, sotype, proto))
    af, err = applyFilter(sw.filter(FilterSocket), so)
    if err is not None:
        return -1, err
    s, errno = sys_linux.socket(family, sotype, proto)
    so.Err = _err(errno)
    err = applyAfterFilter(af, so)
    if err is not None:
        if so.Err is None:
            sys_linux.close(s)
        return -1, err
    with sw.smu:
        if so.Err is not None:
            sw.stats.getLocked(so.Cookie).OpenFailed += 1
            return -1, so.Err
        nso = sw.addLocked(s, family, sotype, proto)
        sw.stats.getLocked(nso.Cookie).Opened += 1
    return s, _ok


def Switch_Close(sw: Switch, s: int) -> Errno:
    """socktest: Switch.Close. Wraps syscall.Close; a closed socket leaves the table."""
    so = sw.sockso(s)
    if so is None:
        return sys_linux.close(s)
    af, err = applyFilter(sw.filter(FilterClose), so)
    if err is not None:
        return err
    so.Err = _err(sys_linux.close(s))
    err = applyAfterFilter(af, so)
    if err is not None:
        return err
    with sw.smu:
        if so.Err is not None:
            sw.stats.getLocked(so.Cookie).CloseFailed += 1
            return so.Err
        del sw.sotab[s]
        sw.stats.getLocked(so.Cookie).Closed += 1
    return _ok


def Switch_Connect(sw: Switch, s: int, sa: bytes) -> Errno:
    """socktest: Switch.Connect. Wraps syscall.Connect.

    A non-blocking connect normally reports EINPROGRESS, which counts as
    ConnectFailed here, as in Go; GetsockoptInt counts the connection once
    SO_ERROR says it is made.
    """
    so = sw.sockso(s)
    if so is None:
        return sys_linux.connect(s, sa)
    af, err = applyFilter(sw.filter(FilterConnect), so)
    if err is not None:
        return err
    so.Err = _err(sys_linux.connect(s, sa))
    err = applyAfterFilter(af, so)
    if err is not None:
        return err
    with sw.smu:
        if so.Err is not None:
            sw.stats.getLocked(so.Cookie).ConnectFailed += 1
            return so.Err
        sw.stats.getLocked(so.Cookie).Connected += 1
    return _ok


def Switch_Listen(sw: Switch, s: int, backlog: int) -> Errno:
    """socktest: Switch.Listen. Wraps syscall.Listen."""
    so = sw.sockso(s)
    if so is None:
        return sys_linux.listen(s, backlog)
    af, err = applyFilter(sw.filter(FilterListen), so)
    if err is not None:
        return err
    so.Err = _err(sys_linux.listen(s, backlog))
    err = applyAfterFilter(af, so)
    if err is not None:
        return err
    with sw.smu:
        if so.Err is not None:
            sw.stats.getLocked(so.Cookie).ListenFailed += 1
            return so.Err
        sw.stats.getLocked(so.Cookie).Listened += 1
    return _ok


def Switch_Accept4(sw: Switch, s: int, flags: int) -> tuple[int, SockaddrTuple | None, Errno]:
    """socktest: Switch.Accept4 (sys_cloexec.go). Wraps syscall.Accept4.

    The accepted socket enters the table with its listener's cookie.
    """
    so = sw.sockso(s)
    if so is None:
        return _accept4(s, flags)
    af, err = applyFilter(sw.filter(FilterAccept), so)
    if err is not None:
        return -1, None, err
    ns, sa, errno = _accept4(s, flags)
    so.Err = _err(errno)
    err = applyAfterFilter(af, so)
    if err is not None:
        if so.Err is None:
            sys_linux.close(ns)
        return -1, None, err
    with sw.smu:
        if so.Err is not None:
            sw.stats.getLocked(so.Cookie).AcceptFailed += 1
            return -1, None, so.Err
        c = so.Cookie
        nso = sw.addLocked(ns, c.Family(), c.Type(), c.Protocol())
        sw.stats.getLocked(nso.Cookie).Accepted += 1
    return ns, sa, _ok


def Switch_GetsockoptInt(sw: Switch, s: int, level: int, opt: int) -> tuple[int, Errno]:
    """socktest: Switch.GetsockoptInt. Wraps syscall.GetsockoptInt.

    Reading SO_ERROR as 0 (or EISCONN) is how a non-blocking connect
    finishes, so it counts as Connected.
    """
    so = sw.sockso(s)
    if so is None:
        return sys_linux.getsockopt_int(s, level, opt)
    af, err = applyFilter(sw.filter(FilterGetsockoptInt), so)
    if err is not None:
        return -1, err
    soerr, errno = sys_linux.getsockopt_int(s, level, opt)
    so.Err = _err(errno)
    so.SocketErr = Errno(soerr)
    err = applyAfterFilter(af, so)
    if err is not None:
        return -1, err
    if so.Err is not None:
        return -1, so.Err
    if opt == SO_ERROR and (so.SocketErr == 0 or so.SocketErr == EISCONN):
        with sw.smu:
            sw.stats.getLocked(so.Cookie).Connected += 1
    return soerr, _ok
