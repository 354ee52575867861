"""internal/poll/sockopt.go, sockopt_linux.go, sockopt_unix.go, sockoptip.go (go1.27.0).

Every socket option call takes a reference on the FD first, so an option
can never race with Close onto a recycled descriptor number.
"""

from __future__ import annotations

from rt import sys_linux
from rt.sys_linux import Errno, IPMreq, IPMreqn, IPv6Mreq, Linger


def _int32(v: int) -> int:
    """Go's int32(v) conversion: keep the low 32 bits, as a signed value."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >= 1 << 31 else v


class sockoptMethods:
    """The FD's socket option methods (FD inherits them)."""

    __slots__ = ()

    Sysfd: int

    def incref(self) -> Exception | None:
        raise NotImplementedError

    def decref(self) -> Exception | Errno | None:
        raise NotImplementedError

    def _withRef(self, errno_fn: object) -> Exception | Errno | None:
        err = self.incref()
        if err is not None:
            return err
        try:
            assert callable(errno_fn)
            errno: Errno = errno_fn()
            return errno if errno else None
        finally:
            self.decref()

    def SetsockoptInt(self, level: int, name: int, arg: int) -> Exception | Errno | None:
        """internal/poll/sockopt.go: FD.SetsockoptInt.

        syscall.SetsockoptInt passes ``int32(arg)``, so a Go int beyond 32
        bits wraps instead of failing; sys_linux packs a C int and would raise,
        so the conversion is made here.
        """
        v = _int32(arg)
        return self._withRef(lambda: sys_linux.setsockopt_int(self.Sysfd, level, name, v))

    def SetsockoptInet4Addr(self, level: int, name: int, arg: bytes) -> Exception | Errno | None:
        """internal/poll/sockopt.go: FD.SetsockoptInet4Addr."""
        return self._withRef(lambda: sys_linux.setsockopt_inet4addr(self.Sysfd, level, name, arg))

    def SetsockoptLinger(self, level: int, name: int, l: Linger) -> Exception | Errno | None:
        """internal/poll/sockopt.go: FD.SetsockoptLinger."""
        return self._withRef(lambda: sys_linux.setsockopt_linger(self.Sysfd, level, name, l))

    def GetsockoptInt(self, level: int, name: int) -> tuple[int, Exception | Errno | None]:
        """internal/poll/sockopt.go: FD.GetsockoptInt."""
        err = self.incref()
        if err is not None:
            return -1, err
        try:
            v, errno = sys_linux.getsockopt_int(self.Sysfd, level, name)
            return v, (errno if errno else None)
        finally:
            self.decref()

    def SetsockoptIPMreqn(self, level: int, name: int, mreq: IPMreqn) -> Exception | Errno | None:
        """internal/poll/sockopt_linux.go: FD.SetsockoptIPMreqn."""
        return self._withRef(lambda: sys_linux.setsockopt_ipmreqn(self.Sysfd, level, name, mreq))

    def SetsockoptByte(self, level: int, name: int, arg: int) -> Exception | Errno | None:
        """internal/poll/sockopt_unix.go: FD.SetsockoptByte."""
        return self._withRef(lambda: sys_linux.setsockopt_byte(self.Sysfd, level, name, arg))

    def SetsockoptIPMreq(self, level: int, name: int, mreq: IPMreq) -> Exception | Errno | None:
        """internal/poll/sockoptip.go: FD.SetsockoptIPMreq."""
        return self._withRef(lambda: sys_linux.setsockopt_ipmreq(self.Sysfd, level, name, mreq))

    def SetsockoptIPv6Mreq(self, level: int, name: int,
                           mreq: IPv6Mreq) -> Exception | Errno | None:
        """internal/poll/sockoptip.go: FD.SetsockoptIPv6Mreq."""
        return self._withRef(lambda: sys_linux.setsockopt_ipv6mreq(self.Sysfd, level, name, mreq))
