"""net/dial.go (go1.27.0): Dialer, ListenConfig, Dial and Listen.

How a dial runs: ``DialContext`` folds the Dialer's Timeout and Deadline
into the context (``dialCtx``), resolves the address into a list of
candidates (``resolveAddrList``), splits them by family for Happy Eyeballs
when the network is plain "tcp" (``partition``), and ``dialParallel`` races
the primaries against the fallbacks, the fallback racer starting after
``FallbackDelay`` (300 ms) or as soon as the primaries fail. Each racer
tries its addresses in order (``dialSerial``), giving each a share of the
remaining time (``partialDeadline``, at least 2 s), and the first error is
the one reported. ``dialSingle`` is where the error gets its familiar form:
"dial tcp 127.0.0.1:1: connect: connection refused".

Networks. Every entry point (Dial, DialTimeout, Dialer.Dial and
DialContext, Listen, ListenConfig.Listen) takes Go's path for every network
name, so each gives Go's error wherever Go gives one:

* a name parseNetwork rejects ("foo", "tcp:x", "", plain "ip"):
  "dial foo: unknown network foo", "listen foo: unknown network foo";
* a bad address for a known network, found while resolving:
  "dial udp: address -1: invalid port", "listen udp6: address 127.0.0.1:
  no suitable address found", "dial ip4:nosuchproto: address nosuchproto:
  unknown IP protocol specified";
* a resolved address whose type the function does not take: Go's own
  type switch answers "listen udp 127.0.0.1:1: address 127.0.0.1:1:
  unexpected address type" (Go's Listen takes only stream networks; its
  ListenPacket gives the same for "tcp").

Every network Go has reaches its connection type here: "tcp*" a TCPConn
(TCPListener from Listen), "udp*" a UDPConn, "unix"/"unixgram"/"unixpacket"
a UnixConn (UnixListener from Listen for "unix" and "unixpacket"), and
"ip*:proto" an IPConn. ``ListenPacket`` takes the packet networks (udp,
ip, unixgram) and gives Go's "unexpected address type" for the others, as
``Listen`` does for packet networks. The per-type entry points (DialTCP,
DialUDP, DialUnix, DialIP, ListenTCP, ListenUDP, ListenUnix...) and
resolvers check the network first and give Go's ``UnknownNetworkError``
for any other, exactly as Go's do.

Multipath TCP: Go's listeners try MPTCP first by default. This port does
not (as with GODEBUG=multipathtcp=0): the observable behaviour on loopback
is the same, and ``MultipathTCP()`` reports False.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

import rt
from net import hook
from net.net import (
    Addr,
    AddrError,
    Conn,
    Listener,
    OpError,
    PacketConn,
    errMissingAddress,
    errTimeout,
)
from std import context, time
from std.errors import error

if TYPE_CHECKING:
    from net import netip
    from net.iprawsock import IPConn
    from net.lookup import Resolver as _Resolver  # Dialer has a field named Resolver
    from net.rawconn import rawConn
    from net.tcpsock import TCPAddr, TCPConn
    from net.udpsock import UDPConn
    from net.unixsock import UnixAddr, UnixConn

_second: Final = 1_000_000_000
defaultTCPKeepAliveIdle: Final = 15 * _second
defaultTCPKeepAliveInterval: Final = 15 * _second
defaultTCPKeepAliveCount: Final = 9
defaultMPTCPEnabledListen: Final = False  # Go: True; see the module docstring
defaultMPTCPEnabledDial: Final = False


@dataclass
class KeepAliveConfig:
    """net.KeepAliveConfig. 0 means the default, negative leaves the OS setting alone."""

    Enable: bool = False
    Idle: int = 0
    Interval: int = 0
    Count: int = 0


@dataclass
class Dialer:
    """net.Dialer. The zero value dials with no timeout, keep-alive on (15 s)."""

    Timeout: int = 0
    Deadline: time.Time = field(default_factory=time.Time)
    LocalAddr: Addr | None = None
    DualStack: bool = False
    FallbackDelay: int = 0
    KeepAlive: int = 0
    KeepAliveConfig: KeepAliveConfig = field(default_factory=KeepAliveConfig)
    Resolver: _Resolver | None = None
    Cancel: rt.hchan[Any] | None = None
    Control: Callable[[str, str, rawConn], error | None] | None = None
    ControlContext: Callable[[context.Context, str, str, rawConn], error | None] | None = None

    def dualStack(self) -> bool:
        """net/dial.go: Dialer.dualStack. FallbackDelay >= 0 (DualStack is ignored)."""
        return self.FallbackDelay >= 0

    def deadline(self, ctx: context.Context, now: time.Time) -> time.Time:
        """net/dial.go: Dialer.deadline. The earliest of Timeout, ctx's and Deadline."""
        earliest = time.Time()
        if self.Timeout != 0:  # negative too, for historical reasons
            earliest = now.Add(self.Timeout)
        d, ok = ctx.Deadline()
        if ok:
            earliest = minNonzeroTime(earliest, d)
        return minNonzeroTime(earliest, self.Deadline)

    def _checkFields(self) -> None:
        """Go's types, checked at the call (API.md: bad input is a TypeError there)."""
        time._needDuration("net.Dialer", "Timeout", self.Timeout)
        time._needDuration("net.Dialer", "FallbackDelay", self.FallbackDelay)
        time._needDuration("net.Dialer", "KeepAlive", self.KeepAlive)
        time._needTime("net.Dialer", "Deadline", self.Deadline)
        la = self.LocalAddr
        if la is not None and not (hasattr(la, "Network") and hasattr(la, "isWildcard")):
            raise TypeError(f"Dialer.LocalAddr must be a net.Addr (TCPAddr, UDPAddr, IPAddr "
                            f"or UnixAddr), not {type(la).__name__}")
        _checkKeepAliveConfig("net.Dialer", self.KeepAliveConfig)

    def resolver(self) -> _Resolver:
        """net/dial.go: Dialer.resolver."""
        if self.Resolver is not None:
            return self.Resolver
        from net.lookup import DefaultResolver

        return DefaultResolver

    def fallbackDelay(self) -> int:
        """net/dial.go: Dialer.fallbackDelay. 300 ms unless set."""
        if self.FallbackDelay > 0:
            return self.FallbackDelay
        return 300 * time.Millisecond

    def MultipathTCP(self) -> bool:
        """net/dial.go: Dialer.MultipathTCP. Always False here (module docstring)."""
        return False

    def SetMultipathTCP(self, use: bool) -> None:
        """net/dial.go: Dialer.SetMultipathTCP. Accepted and ignored (module docstring)."""

    def Dial(self, network: str, address: str) -> tuple[Conn | None, error | None]:
        """net/dial.go: Dialer.Dial. ``c, err = d.Dial("tcp", "127.0.0.1:8080")``."""
        return self.DialContext(context.Background(), network, address)

    def dialCtx(self, ctx: Any) -> tuple[Any, Callable[[], None]]:
        """net/dial.go: Dialer.dialCtx. The context with Timeout/Deadline/Cancel folded in."""
        if ctx is None:
            raise rt.Panic("nil context")
        self._checkFields()
        deadline = self.deadline(ctx, time.Now())
        cancels: list[Callable[[], None]] = []
        if not deadline.IsZero():
            hook.testHookStepTime()
            d, ok = ctx.Deadline()
            if not ok or deadline.Before(d):
                ctx, cancel1 = context.WithDeadline(ctx, deadline)
                cancels.append(cancel1)
        oldCancel = self.Cancel
        if oldCancel is not None:
            subCtx, cancel2 = context.WithCancel(ctx)
            cancels.append(cancel2)

            def bridge() -> None:
                i, _, _ = rt.select(rt.recv(oldCancel), rt.recv(subCtx.Done()))
                if i == 0:
                    cancel2()

            rt.go(bridge)
            ctx = subCtx

        def cancel() -> None:
            for c in cancels:
                c()

        return ctx, cancel

    def DialContext(self, ctx: context.Context, network: str,
                    address: str) -> tuple[Conn | None, error | None]:
        """net/dial.go: Dialer.DialContext."""
        _checkStr("network", network)
        _checkStr("address", address)
        ctx, cancel = self.dialCtx(ctx)
        try:
            addrs, err = resolveAddrList(self.resolver(), ctx, "dial", network, address,
                                         self.LocalAddr)
            if err is not None:
                return None, OpError(Op="dial", Net=network, Source=None, Addr=None, Err=err)
            sd = sysDialer(self, network, address)
            if self.dualStack() and network == "tcp":
                from net.ipsock import isIPv4

                primaries, fallbacks = addrs.partition(isIPv4)
            else:
                primaries, fallbacks = addrs, []
            return sd.dialParallel(ctx, primaries, fallbacks)
        finally:
            cancel()

    def DialTCP(self, ctx: context.Context, network: str, laddr: netip.AddrPort | TCPAddr | None,
                raddr: netip.AddrPort | TCPAddr | None) -> tuple[TCPConn | None, error | None]:
        """net/dial.go: Dialer.DialTCP (go1.26). No resolution, no Happy Eyeballs.

        laddr and raddr are netip.AddrPort values (the zero AddrPort becomes
        a wildcard TCPAddr, as in Go, so "dial tcp :0->..." errors name it).
        A TCPAddr (or None) is accepted too, for code written before netip.
        """
        from net.tcpsock import TCPAddr, TCPAddrFromAddrPort, dialTCP

        ctx, cancel = self.dialCtx(ctx)
        try:
            la = laddr if isinstance(laddr, TCPAddr) else (
                TCPAddrFromAddrPort(laddr) if laddr is not None else TCPAddr())
            ra = raddr if isinstance(raddr, TCPAddr) else (
                TCPAddrFromAddrPort(raddr) if raddr is not None else TCPAddr())
            return dialTCP(ctx, self, network, la, ra)
        finally:
            cancel()

    def DialUDP(self, ctx: context.Context, network: str, laddr: netip.AddrPort,
                raddr: netip.AddrPort) -> tuple[UDPConn | None, error | None]:
        """net/dial.go: Dialer.DialUDP (go1.26). DialTCP's shape over dialUDP (netip.AddrPort)."""
        from net import netip
        from net.net import _needValue
        from net.udpsock import UDPAddrFromAddrPort, dialUDP

        _needValue("net.Dialer.DialUDP", netip.AddrPort, laddr=laddr, raddr=raddr)
        ctx, cancel = self.dialCtx(ctx)
        try:
            return dialUDP(ctx, self, network, UDPAddrFromAddrPort(laddr),
                           UDPAddrFromAddrPort(raddr))
        finally:
            cancel()

    def DialIP(self, ctx: context.Context, network: str, laddr: netip.Addr,
               raddr: netip.Addr) -> tuple[IPConn | None, error | None]:
        """net/dial.go: Dialer.DialIP (go1.26). Over dialIP, with netip.Addr values."""
        from net import netip
        from net.iprawsock import dialIP, ipAddrFromAddr
        from net.net import _needValue

        _needValue("net.Dialer.DialIP", netip.Addr, laddr=laddr, raddr=raddr)
        ctx, cancel = self.dialCtx(ctx)
        try:
            return dialIP(ctx, self, network, ipAddrFromAddr(laddr), ipAddrFromAddr(raddr))
        finally:
            cancel()

    def DialUnix(self, ctx: context.Context, network: str, laddr: UnixAddr | None,
                 raddr: UnixAddr | None) -> tuple[UnixConn | None, error | None]:
        """net/dial.go: Dialer.DialUnix (go1.26). Over dialUnix, with UnixAddr values."""
        from net.unixsock import dialUnix

        ctx, cancel = self.dialCtx(ctx)
        try:
            return dialUnix(ctx, self, network, laddr, raddr)
        finally:
            cancel()


def _checkKeepAliveConfig(who: str, cfg: object) -> None:
    if not isinstance(cfg, KeepAliveConfig):
        raise TypeError(f"{who}: KeepAliveConfig must be a net.KeepAliveConfig, "
                        f"not {type(cfg).__name__}")
    time._needDuration(who, "KeepAliveConfig.Idle", cfg.Idle)
    time._needDuration(who, "KeepAliveConfig.Interval", cfg.Interval)
    time._needInt(who, "KeepAliveConfig.Count", cfg.Count)


def _checkStr(what: str, v: object) -> None:
    if not isinstance(v, str):
        raise TypeError(f"{what} must be a str, not {type(v).__name__}")


def minNonzeroTime(a: time.Time, b: time.Time) -> time.Time:
    """net/dial.go: minNonzeroTime."""
    if a.IsZero():
        return b
    if b.IsZero() or a.Before(b):
        return a
    return b


def partialDeadline(now: time.Time, deadline: time.Time,
                    addrsRemaining: int) -> tuple[time.Time, Any]:
    """net/dial.go: partialDeadline. Share the time left, but at least 2 s per address."""
    if deadline.IsZero():
        return deadline, None
    timeRemaining = deadline.Sub(now)
    if timeRemaining <= 0:
        return time.Time(), errTimeout
    timeout = timeRemaining // addrsRemaining
    saneMinimum = 2 * time.Second
    if timeout < saneMinimum:
        timeout = timeRemaining if timeRemaining < saneMinimum else saneMinimum
    return now.Add(timeout), None


def resolveAddrList(r: Any, ctx: Any, op: str, network: str, addr: str,
                    hint: Any) -> tuple[Any, Any]:
    """net/dial.go: Resolver.resolveAddrList. Candidates for op on network at addr.

    For a dial with a local address (hint), only candidates of the hint's
    family are kept, unless either side is a wildcard.
    """
    from net.ipsock import addrList, internetAddrList
    from net.lookup import parseNetwork
    from net.net import errNoSuitableAddress

    afnet, _, err = parseNetwork(ctx, network, True)
    if err is not None:
        return None, err
    if op == "dial" and addr == "":
        return None, errMissingAddress
    if afnet in ("unix", "unixgram", "unixpacket"):
        from net.unixsock import ResolveUnixAddr

        ua, err = ResolveUnixAddr(afnet, addr)
        if err is not None:
            return None, err
        assert ua is not None
        if op == "dial" and hint is not None and ua.Network() != hint.Network():
            return None, AddrError("mismatched local address type", hint.String())
        return addrList([ua]), None
    addrs, err = internetAddrList(r, ctx, afnet, addr)
    if err is not None or op != "dial" or hint is None:
        return addrs, err
    assert addrs is not None
    wildcard = hint.isWildcard()
    naddrs = addrList()
    for a0 in addrs:
        a: Any = a0
        if a.Network() != hint.Network():
            return None, AddrError("mismatched local address type", hint.String())
        if not wildcard and not a.isWildcard() and not a.IP.matchAddrFamily(hint.IP):
            continue
        naddrs.append(a)
    if not naddrs:
        return None, AddrError(errNoSuitableAddress.Error(), hint.String())
    return naddrs, None


class sysDialer:
    """net/dial.go: sysDialer. A Dialer plus the network and address being dialed."""

    def __init__(self, d: Dialer, network: str, address: str) -> None:
        self.Dialer = d
        self.network = network
        self.address = address
        self.testHookDialTCP: Callable[..., Any] | None = None

    def dialParallel(self, ctx: Any, primaries: list[Any], fallbacks: list[Any]) -> tuple[Any, Any]:
        """net/dial.go: sysDialer.dialParallel. Happy Eyeballs (RFC 6555) between two lists."""
        if not fallbacks:
            return self.dialSerial(ctx, primaries)
        returned: rt.hchan[None] = rt.chan()
        results: rt.hchan[tuple[Any, Any, bool]] = rt.chan()  # unbuffered

        def startRacer(rctx: Any, primary: bool) -> None:
            ras = primaries if primary else fallbacks
            c, err = self.dialSerial(rctx, ras)
            i, _, _ = rt.select(rt.send(results, (c, err, primary)), rt.recv(returned))
            if i == 1 and c is not None:
                c.Close()

        primaryCtx, primaryCancel = context.WithCancel(ctx)
        cancels = [primaryCancel]
        rt.go(startRacer, primaryCtx, True)
        fallbackTimer = time.NewTimer(self.Dialer.fallbackDelay())
        primaryErr: Any = None
        primaryDone = fallbackDone = False
        try:
            while True:
                assert fallbackTimer.C is not None
                i, res, _ = rt.select(rt.recv(fallbackTimer.C), rt.recv(results))
                if i == 0:
                    fallbackCtx, fallbackCancel = context.WithCancel(ctx)
                    cancels.append(fallbackCancel)
                    rt.go(startRacer, fallbackCtx, False)
                    continue
                c, err, primary = res
                if err is None:
                    return c, None
                if primary:
                    primaryErr, primaryDone = err, True
                else:
                    fallbackDone = True
                if primaryDone and fallbackDone:
                    return None, primaryErr
                if primary and fallbackTimer.Stop():
                    fallbackTimer.Reset(0)
        finally:
            fallbackTimer.Stop()
            for cancel in cancels:
                cancel()
            returned.close()

    def dialSerial(self, ctx: Any, ras: list[Any]) -> tuple[Any, Any]:
        """net/dial.go: sysDialer.dialSerial. Each address in turn; the first error wins."""
        from net.net import mapErr

        firstErr: Any = None
        cancels: list[Callable[[], None]] = []
        try:
            for i, ra in enumerate(ras):
                done = ctx.Done()
                if done is not None and rt.select(rt.recv(done), default=True)[0] == 0:
                    return None, OpError(Op="dial", Net=self.network,
                                         Source=self.Dialer.LocalAddr, Addr=ra,
                                         Err=mapErr(ctx.Err()))
                dialCtx = ctx
                deadline, hasDeadline = ctx.Deadline()
                if hasDeadline:
                    pd, err = partialDeadline(time.Now(), deadline, len(ras) - i)
                    if err is not None:
                        if firstErr is None:
                            firstErr = OpError(Op="dial", Net=self.network,
                                               Source=self.Dialer.LocalAddr, Addr=ra, Err=err)
                        break
                    if pd.Before(deadline):
                        dialCtx, cancel = context.WithDeadline(ctx, pd)
                        cancels.append(cancel)
                c, err = self.dialSingle(dialCtx, ra)
                if err is None:
                    return c, None
                if firstErr is None:
                    firstErr = err
            if firstErr is None:
                firstErr = OpError(Op="dial", Net=self.network, Source=None, Addr=None,
                                   Err=errMissingAddress)
            return None, firstErr
        finally:
            for cancel in cancels:
                cancel()

    def dialSingle(self, ctx: Any, ra: Any) -> tuple[Any, Any]:
        """net/dial.go: sysDialer.dialSingle. Any error becomes OpError{Op: "dial"}."""
        from net.ipsock import IPAddr
        from net.tcpsock import TCPAddr
        from net.udpsock import UDPAddr
        from net.unixsock import UnixAddr

        la = self.Dialer.LocalAddr
        # Each case narrows a copy of la to its own type (Go's la, _ :=
        # la.(*TCPAddr) shadows it); the OpError below names the original.
        if isinstance(ra, TCPAddr):
            c, err = self.dialTCP(ctx, la if isinstance(la, TCPAddr) else None, ra)
        elif isinstance(ra, UDPAddr):
            c, err = self.dialUDP(ctx, la if isinstance(la, UDPAddr) else None, ra)
        elif isinstance(ra, IPAddr):
            c, err = self.dialIP(ctx, la if isinstance(la, IPAddr) else None, ra)
        elif isinstance(ra, UnixAddr):
            c, err = self.dialUnix(ctx, la if isinstance(la, UnixAddr) else None, ra)
        else:
            return None, OpError(Op="dial", Net=self.network, Source=la, Addr=ra,
                                 Err=AddrError("unexpected address type", self.address))
        if err is not None:
            return None, OpError(Op="dial", Net=self.network, Source=la, Addr=ra, Err=err)
        return c, None

    def dialTCP(self, ctx: Any, laddr: Any, raddr: Any) -> tuple[Any, Any]:
        """net/tcpsock_posix.go: sysDialer.dialTCP."""
        from net.tcpsock_posix import sysDialer_dialTCP

        return sysDialer_dialTCP(self, ctx, laddr, raddr)

    def dialUDP(self, ctx: Any, laddr: Any, raddr: Any) -> tuple[Any, Any]:
        """net/udpsock_posix.go: sysDialer.dialUDP."""
        from net.udpsock_posix import sysDialer_dialUDP

        return sysDialer_dialUDP(self, ctx, laddr, raddr)

    def dialIP(self, ctx: Any, laddr: Any, raddr: Any) -> tuple[Any, Any]:
        """net/iprawsock_posix.go: sysDialer.dialIP."""
        from net.iprawsock_posix import sysDialer_dialIP

        return sysDialer_dialIP(self, ctx, laddr, raddr)

    def dialUnix(self, ctx: Any, laddr: Any, raddr: Any) -> tuple[Any, Any]:
        """net/unixsock_posix.go: sysDialer.dialUnix."""
        from net.unixsock_posix import sysDialer_dialUnix

        return sysDialer_dialUnix(self, ctx, laddr, raddr)


def Dial(network: str, address: str) -> tuple[Conn | None, error | None]:
    """net/dial.go: Dial. ``conn, err = net.Dial("tcp", "127.0.0.1:8080")``."""
    return Dialer().Dial(network, address)


def DialTimeout(network: str, address: str, timeout: int) -> tuple[Conn | None, error | None]:
    """net/dial.go: DialTimeout. Dial, giving up after timeout (a Duration, int ns)."""
    time._needDuration("net.DialTimeout", "timeout", timeout)
    return Dialer(Timeout=timeout).Dial(network, address)


@dataclass
class ListenConfig:
    """net.ListenConfig."""

    Control: Callable[[str, str, rawConn], error | None] | None = None
    KeepAlive: int = 0
    KeepAliveConfig: KeepAliveConfig = field(default_factory=KeepAliveConfig)

    def MultipathTCP(self) -> bool:
        """net/dial.go: ListenConfig.MultipathTCP. Always False here (module docstring)."""
        return False

    def SetMultipathTCP(self, use: bool) -> None:
        """net/dial.go: ListenConfig.SetMultipathTCP. Accepted and ignored."""

    def Listen(self, ctx: context.Context, network: str,
               address: str) -> tuple[Listener | None, error | None]:
        """net/dial.go: ListenConfig.Listen. Returns ``(listener, err)``.

        "tcp", "tcp4" and "tcp6" make a TCPListener, "unix" and
        "unixpacket" a UnixListener; a packet network gives Go's
        "unexpected address type" (use ListenPacket).
        """
        from net.ipsock import isIPv4
        from net.lookup import DefaultResolver
        from net.tcpsock import TCPAddr
        from net.unixsock import UnixAddr

        _checkStr("network", network)
        _checkStr("address", address)
        time._needDuration("net.ListenConfig", "KeepAlive", self.KeepAlive)
        _checkKeepAliveConfig("net.ListenConfig", self.KeepAliveConfig)
        addrs, err = resolveAddrList(DefaultResolver, ctx, "listen", network, address, None)
        if err is not None:
            return None, OpError(Op="listen", Net=network, Source=None, Addr=None, Err=err)
        sl = sysListener(self, network, address)
        la = addrs.first(isIPv4)
        if isinstance(la, TCPAddr):
            l, err = sl.listenTCP(ctx, la)
        elif isinstance(la, UnixAddr):
            l, err = sl.listenUnix(ctx, la)
        else:
            return None, OpError(Op="listen", Net=sl.network, Source=None, Addr=la,
                                 Err=AddrError("unexpected address type", address))
        if err is not None:
            return None, OpError(Op="listen", Net=sl.network, Source=None, Addr=la, Err=err)
        return l, None

    def ListenPacket(self, ctx: context.Context, network: str,
                     address: str) -> tuple[PacketConn | None, error | None]:
        """net/dial.go: ListenConfig.ListenPacket. Returns ``(packetConn, err)``.

        "udp*" make a UDPConn, "ip*:proto" an IPConn, "unixgram" a UnixConn;
        a stream network gives Go's "unexpected address type".
        """
        from net.ipsock import IPAddr, isIPv4
        from net.lookup import DefaultResolver
        from net.udpsock import UDPAddr
        from net.unixsock import UnixAddr

        _checkStr("network", network)
        _checkStr("address", address)
        addrs, err = resolveAddrList(DefaultResolver, ctx, "listen", network, address, None)
        if err is not None:
            return None, OpError(Op="listen", Net=network, Source=None, Addr=None, Err=err)
        sl = sysListener(self, network, address)
        la = addrs.first(isIPv4)
        if isinstance(la, UDPAddr):
            c, err = sl.listenUDP(ctx, la)
        elif isinstance(la, IPAddr):
            c, err = sl.listenIP(ctx, la)
        elif isinstance(la, UnixAddr):
            c, err = sl.listenUnixgram(ctx, la)
        else:
            return None, OpError(Op="listen", Net=sl.network, Source=None, Addr=la,
                                 Err=AddrError("unexpected address type", address))
        if err is not None:
            return None, OpError(Op="listen", Net=sl.network, Source=None, Addr=la, Err=err)
        return c, None


class sysListener:
    """net/dial.go: sysListener. A ListenConfig plus the network and address."""

    def __init__(self, lc: ListenConfig, network: str, address: str) -> None:
        self.ListenConfig = lc
        self.network = network
        self.address = address

    def listenTCP(self, ctx: Any, laddr: Any) -> tuple[Any, Any]:
        """net/tcpsock_posix.go: sysListener.listenTCP."""
        from net.tcpsock_posix import sysListener_listenTCP

        return sysListener_listenTCP(self, ctx, laddr)

    def listenUDP(self, ctx: Any, laddr: Any) -> tuple[Any, Any]:
        """net/udpsock_posix.go: sysListener.listenUDP."""
        from net.udpsock_posix import sysListener_listenUDP

        return sysListener_listenUDP(self, ctx, laddr)

    def listenMulticastUDP(self, ctx: Any, ifi: Any, gaddr: Any) -> tuple[Any, Any]:
        """net/udpsock_posix.go: sysListener.listenMulticastUDP."""
        from net.udpsock_posix import sysListener_listenMulticastUDP

        return sysListener_listenMulticastUDP(self, ctx, ifi, gaddr)

    def listenIP(self, ctx: Any, laddr: Any) -> tuple[Any, Any]:
        """net/iprawsock_posix.go: sysListener.listenIP."""
        from net.iprawsock_posix import sysListener_listenIP

        return sysListener_listenIP(self, ctx, laddr)

    def listenUnix(self, ctx: Any, laddr: Any) -> tuple[Any, Any]:
        """net/unixsock_posix.go: sysListener.listenUnix."""
        from net.unixsock_posix import sysListener_listenUnix

        return sysListener_listenUnix(self, ctx, laddr)

    def listenUnixgram(self, ctx: Any, laddr: Any) -> tuple[Any, Any]:
        """net/unixsock_posix.go: sysListener.listenUnixgram."""
        from net.unixsock_posix import sysListener_listenUnixgram

        return sysListener_listenUnixgram(self, ctx, laddr)


def Listen(network: str, address: str) -> tuple[Listener | None, error | None]:
    """net/dial.go: Listen. ``ln, err = net.Listen("tcp", ":8080")``."""
    return ListenConfig().Listen(context.Background(), network, address)


def ListenPacket(network: str, address: str) -> tuple[PacketConn | None, error | None]:
    """net/dial.go: ListenPacket. ``pc, err = net.ListenPacket("udp", ":9000")``."""
    return ListenConfig().ListenPacket(context.Background(), network, address)
