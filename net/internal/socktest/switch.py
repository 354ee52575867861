"""net/internal/socktest/switch.go + switch_unix.go + switch_posix.go (go1.27.0).

The switch's state and the types its filters see; the system call
wrappers that use them are in sys_unix.py (Go's methods of that file are
functions there taking the switch first, and the ``Switch`` methods here
hand over to them).

State, and who guards it:

* ``fltab`` (FilterType -> Filter), guarded by ``fmu``. A wrapper copies
  the filter out under the lock and runs it with the lock released, so a
  filter may park its goroutine (a test's filter often waits on a channel).
* ``sotab`` (the Sockets table: descriptor -> Status) and ``stats``
  (Cookie -> Stat), guarded by ``smu``. A socket enters the table when the
  switch opened or accepted it and leaves when the switch closed it.

Both locks are ``threading.Lock``, not Go's RWMutex: the critical sections
are a few dictionary operations and never park, so a goroutine never holds
one across a switch to another goroutine, and they also work outside
``rt.run`` (a test fixture reading ``Sockets()`` after the program ended).
Go builds the tables lazily (``once.Do(sw.init)``) so that the zero Switch is
usable; here ``Switch()`` builds them, which is the same thing.

Differences from Go, both forced by the hooks' types (rt/sys_linux.py
returns raw errno values and the hook variables carry them): the error a
``Filter`` or ``AfterFilter`` returns must be an ``Errno`` (None is Go's
nil), and ``Status.Err``/``Status.SocketErr`` are ``Errno`` values or None.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Final, TypeAlias

from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    AF_UNIX,
    IPPROTO_TCP,
    IPPROTO_UDP,
    SOCK_DGRAM,
    SOCK_RAW,
    SOCK_SEQPACKET,
    SOCK_STREAM,
    Errno,
    SockaddrTuple,
)

__all__ = [
    "AfterFilter",
    "Cookie",
    "Filter",
    "FilterAccept",
    "FilterClose",
    "FilterConnect",
    "FilterGetsockoptInt",
    "FilterListen",
    "FilterSocket",
    "FilterType",
    "Sockets",
    "Stat",
    "Status",
    "Switch",
]

_mask64: Final = (1 << 64) - 1


class Cookie(int):
    """socktest.Cookie: a socket's (family, type, protocol), packed in a uint64.

    Family in the top 16 bits, the type (with its SOCK_NONBLOCK/SOCK_CLOEXEC
    flags, as net passes them to socket(2)) in the 32 bits below, the
    protocol in the low 8 bits.
    """

    __slots__ = ()

    def Family(self) -> int:
        """socktest.Cookie.Family: the address family (AF_INET, AF_INET6, AF_UNIX) the cookie was
        made from.
        """
        return int(self) >> 48

    def Type(self) -> int:
        """socktest.Cookie.Type: the socket type, flags included."""
        return ((int(self) << 16) & _mask64) >> 32

    def Protocol(self) -> int:
        """socktest.Cookie.Protocol: the protocol number (IPPROTO_TCP, ...) the cookie was made
        from.
        """
        return int(self) & 0xFF


def cookie(family: int, sotype: int, proto: int) -> Cookie:
    """socktest: cookie. Pack the 3-tuple (wrapping as Go's uint64 arithmetic does)."""
    return Cookie(((family << 48) | ((sotype & 0xFFFFFFFF) << 16) | (proto & 0xFF)) & _mask64)


# Status's field is named Cookie, like the type; the alias keeps its annotation unambiguous.
_Cookie = Cookie


def _v(err: Errno | None) -> str:
    """Go's %v of an error value: its text, or "<nil>"."""
    return "<nil>" if err is None else err.Error()


@dataclass
class Status:
    """socktest.Status: what a filter knows about a socket.

    ``Err`` is the result of the system call being filtered (None before it
    ran, or when it succeeded); ``SocketErr`` the SO_ERROR value
    GetsockoptInt read (None until then).
    """

    Cookie: _Cookie
    Err: Errno | None = None
    SocketErr: Errno | None = None

    def String(self) -> str:
        """socktest.Status.String: "(inet4, stream, default): syscallerr=... socketerr=..."."""
        c = self.Cookie
        return (f"({familyString(c.Family())}, {typeString(c.Type())}, "
                f"{protocolString(c.Protocol())}): syscallerr={_v(self.Err)} "
                f"socketerr={_v(self.SocketErr)}")

    def __str__(self) -> str:
        return self.String()


@dataclass
class Stat:
    """socktest.Stat: how many sockets of one family, type and protocol were opened, connected,
    listened on, accepted and closed, and how many of each failed.
    """

    Family: int  # address family
    Type: int  # socket type
    Protocol: int  # protocol number

    Opened: int = 0  # number of sockets opened
    Connected: int = 0  # number of sockets connected
    Listened: int = 0  # number of sockets listened
    Accepted: int = 0  # number of sockets accepted
    Closed: int = 0  # number of sockets closed

    OpenFailed: int = 0  # number of sockets open failed
    ConnectFailed: int = 0  # number of sockets connect failed
    ListenFailed: int = 0  # number of sockets listen failed
    AcceptFailed: int = 0  # number of sockets accept failed
    CloseFailed: int = 0  # number of sockets close failed

    def String(self) -> str:
        """socktest.Stat.String: the cookie and every counter."""
        return (f"({familyString(self.Family)}, {typeString(self.Type)}, "
                f"{protocolString(self.Protocol)}): opened={self.Opened} "
                f"connected={self.Connected} listened={self.Listened} "
                f"accepted={self.Accepted} closed={self.Closed} "
                f"openfailed={self.OpenFailed} connectfailed={self.ConnectFailed} "
                f"listenfailed={self.ListenFailed} acceptfailed={self.AcceptFailed} "
                f"closefailed={self.CloseFailed}")

    def __str__(self) -> str:
        return self.String()


class stats(dict[Cookie, Stat]):
    """socktest: stats. The counters by cookie."""

    def getLocked(self, c: Cookie) -> Stat:
        """socktest: stats.getLocked. The Stat for c, created at zero; smu must be held."""
        s = self.get(c)
        if s is None:
            s = Stat(Family=c.Family(), Type=c.Type(), Protocol=c.Protocol())
            self[c] = s
        return s


Sockets: TypeAlias = dict[int, Status]
"""socktest.Sockets (switch_unix.go): socket descriptor -> its Status."""


class FilterType(int):
    """socktest.FilterType: which system call a filter is for."""

    __slots__ = ()


FilterSocket: Final = FilterType(0)  # for Socket
FilterConnect: Final = FilterType(1)  # for Connect
FilterListen: Final = FilterType(2)  # for Listen
FilterAccept: Final = FilterType(3)  # for Accept4
FilterGetsockoptInt: Final = FilterType(4)  # for GetsockoptInt
FilterClose: Final = FilterType(5)  # for Close

AfterFilter: TypeAlias = Callable[[Status], "Errno | None"]
"""socktest.AfterFilter: runs after the system call, for a socket in the table.

A non-None result replaces the call's result (a socket the call created is
closed again).
"""

Filter: TypeAlias = Callable[[Status], "tuple[AfterFilter | None, Errno | None]"]
"""socktest.Filter: runs before the system call, for a socket in the table.

A non-None error cancels the call, which returns that error; the
AfterFilter returned (or None) runs after the call.
"""


def applyFilter(f: Filter | None, st: Status) -> tuple[AfterFilter | None, Errno | None]:
    """socktest: Filter.apply. A nil filter lets the call through."""
    if f is None:
        return None, None
    return f(st)


def applyAfterFilter(f: AfterFilter | None, st: Status) -> Errno | None:
    """socktest: AfterFilter.apply. A nil filter changes nothing."""
    if f is None:
        return None
    return f(st)


class Switch:
    """socktest.Switch: a call-path switch for the socket system calls.

    Install its methods in place of the hook variables (tests/net/main_unix.py
    does); they keep Go's signatures of those hooks.
    """

    def __init__(self) -> None:
        # switch.go: Switch.init, done here instead of lazily.
        self.fmu = threading.Lock()
        self.fltab: dict[FilterType, Filter | None] = {}
        self.smu = threading.Lock()
        self.sotab: Sockets = {}
        self.stats = stats()

    def Stats(self) -> list[Stat]:
        """socktest.Switch.Stats: a copy of the per-cookie counters."""
        with self.smu:
            return [replace(s) for s in self.stats.values()]

    def Sockets(self) -> Sockets:
        """socktest.Switch.Sockets: a copy of the table of open sockets."""
        with self.smu:
            return dict(self.sotab)

    def Set(self, t: FilterType, f: Filter | None) -> None:
        """socktest.Switch.Set: install f as the filter for t (None removes it)."""
        with self.fmu:
            self.fltab[t] = f

    def filter(self, t: FilterType) -> Filter | None:
        """The filter for t, read under fmu (Go inlines this in every wrapper)."""
        with self.fmu:
            return self.fltab.get(t)

    def sockso(self, s: int) -> Status | None:
        """socktest: Switch.sockso (switch_unix.go). A copy of s's Status, or None."""
        with self.smu:
            so = self.sotab.get(s)
            return None if so is None else replace(so)

    def addLocked(self, s: int, family: int, sotype: int, proto: int) -> Status:
        """socktest: Switch.addLocked (switch_unix.go). Enter s in the table; smu held."""
        so = Status(Cookie=cookie(family, sotype, proto))
        self.sotab[s] = so
        return replace(so)

    # sys_unix.go and sys_cloexec.go: the wrappers, in net/internal/socktest/sys_unix.py.

    def Socket(self, family: int, sotype: int, proto: int) -> tuple[int, Errno]:
        """socktest.Switch.Socket: wraps syscall.Socket (hook: net.hook.socketFunc)."""
        from net.internal.socktest.sys_unix import Switch_Socket

        return Switch_Socket(self, family, sotype, proto)

    def Close(self, s: int) -> Errno:
        """socktest.Switch.Close: wraps syscall.Close (hook: rt.poll.hook_unix.CloseFunc)."""
        from net.internal.socktest.sys_unix import Switch_Close

        return Switch_Close(self, s)

    def Connect(self, s: int, sa: bytes) -> Errno:
        """socktest.Switch.Connect: wraps syscall.Connect (hook: net.hook.connectFunc)."""
        from net.internal.socktest.sys_unix import Switch_Connect

        return Switch_Connect(self, s, sa)

    def Listen(self, s: int, backlog: int) -> Errno:
        """socktest.Switch.Listen: wraps syscall.Listen (hook: net.hook.listenFunc)."""
        from net.internal.socktest.sys_unix import Switch_Listen

        return Switch_Listen(self, s, backlog)

    def Accept4(self, s: int, flags: int) -> tuple[int, SockaddrTuple | None, Errno]:
        """socktest.Switch.Accept4: wraps syscall.Accept4 (hook: rt.poll.hook_unix.Accept4Func)."""
        from net.internal.socktest.sys_unix import Switch_Accept4

        return Switch_Accept4(self, s, flags)

    def GetsockoptInt(self, s: int, level: int, opt: int) -> tuple[int, Errno]:
        """socktest.Switch.GetsockoptInt: wraps syscall.GetsockoptInt (getsockoptIntFunc); runs the
        installed filters, and reading SO_ERROR as 0 or EISCONN counts as Connected.
        """
        from net.internal.socktest.sys_unix import Switch_GetsockoptInt

        return Switch_GetsockoptInt(self, s, level, opt)


# switch_posix.go


def familyString(family: int) -> str:
    """socktest: familyString."""
    if family == AF_INET:
        return "inet4"
    if family == AF_INET6:
        return "inet6"
    if family == AF_UNIX:
        return "local"
    return str(family)


def typeString(sotype: int) -> str:
    """socktest: typeString. The type name, then "|0x..." for any flags."""
    base = sotype & 0xFF
    names = {SOCK_STREAM: "stream", SOCK_DGRAM: "datagram", SOCK_RAW: "raw",
             SOCK_SEQPACKET: "seqpacket"}
    s = names.get(base, str(base))
    flags = sotype & ~0xFF & _mask64
    if flags != 0:
        s += f"|{flags:#x}"
    return s


def protocolString(proto: int) -> str:
    """socktest: protocolString."""
    if proto == 0:
        return "default"
    if proto == IPPROTO_TCP:
        return "tcp"
    if proto == IPPROTO_UDP:
        return "udp"
    return str(proto)
