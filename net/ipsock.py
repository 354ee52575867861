"""net/ipsock.go + the socket-free half of net/ipsock_posix.go (go1.27.0).

Internet-protocol address plumbing shared by TCP, UDP and IP sockets:

* Host/port syntax: ``SplitHostPort``, ``JoinHostPort``, ``splitHostZone``.
  Errors are ``AddrError`` values whose ``Addr`` is the whole input and
  whose ``Err`` is one of Go's five texts ("missing port in address", "too
  many colons in address", "missing ']' in address", "unexpected '[' in
  address", "unexpected ']' in address").
* Resolution: ``internetAddrList(r, ctx, net, addr)`` (Go's method
  ``(*Resolver).internetAddrList``; also reachable as
  ``r.internetAddrList(ctx, net, addr)`` on a ``net.lookup.Resolver``) turns
  "host:port" (tcp, udp) or "host" (ip) into an ``addrList`` of TCPAddr,
  UDPAddr or IPAddr. IP literals are never looked up; an empty host gives
  one wildcard address (IP None); names go through the resolver
  (net/lookup.py).
* Choosing among results: ``addrList.forResolve`` (ResolveXAddr: IPv4
  first unless the text was an IPv6 literal), ``first``, ``partition``
  (the Happy Eyeballs split into primaries and fallbacks),
  ``filterAddrList`` with ``ipv4only``/``ipv6only`` for "...4"/"...6"
  networks.
* The stack probe (ipsock_posix.go): ``supportsIPv4``, ``supportsIPv6``,
  ``supportsIPv4map``, answered once per process by opening, configuring
  and binding throwaway sockets on the loopback addresses through
  ``rt/sys_linux.py``, then closing them. Since go1.27 a bind refused with
  EPERM or EACCES (a seccomp/BPF/SELinux policy, Go issue 77430) still
  counts as support. ``favoriteAddrFamily`` picks a socket's family and
  IPV6_V6ONLY from the network name and the two addresses.
* Sockaddrs (ipsock_posix.go): ``ipToSockaddr`` and its two halves build a
  ``rt.sys_linux.SockaddrTuple`` (Go's ``syscall.Sockaddr``); encode it with
  ``sys_linux.sockaddr_encode`` for bind/connect.

Borrowed from other Go files until their modules exist, so that this layer
is complete: ``IPAddr`` (iprawsock.go; net/iprawsock.py should import it
from here or move it and leave a re-export) and ``zoneCache``
(interface.go), which maps IPv6 zone names to interface indexes. As in
Go it is filled from the netlink interface table (net/interface.py's
``interfaceTable``), with Go's refresh rule (at most once a minute, or on
a miss) and Go's fallback (a numeric zone is its own index, an unknown
index prints as its number).

TCPAddr lives in net/tcpsock.py and UDPAddr in net/udpsock.py; both import
this module, so the two places here that must name them (building the
result list, and ``isIPv4``) import them when called. ``ResolveIPAddr``
is in net/iprawsock.py, which re-exports ``IPAddr``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Protocol

from net.ip import (
    IP,
    IPv4,
    IPv4len,
    IPv4zero,
    IPv6len,
    IPv6loopback,
    IPv6unspecified,
    IPv6zero,
    dtoi,
    ipEmptyString,
)
from net.net import Addr, AddrError, UnknownNetworkError, errNoSuitableAddress
from rt import sys_linux
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    EACCES,
    EAFNOSUPPORT,
    EPERM,
    EPROTONOSUPPORT,
    IPPROTO_IPV6,
    IPPROTO_TCP,
    IPV6_V6ONLY,
    SOCK_CLOEXEC,
    SOCK_NONBLOCK,
    SOCK_STREAM,
    SockaddrInet4,
    SockaddrInet6,
    SockaddrTuple,
)
from std import context
from std.errors import error

if TYPE_CHECKING:
    from net import netip
    from net.interface import Interface
    from net.lookup import Resolver

__all__ = ["IPAddr", "JoinHostPort", "SplitHostPort"]


# ---------------------------------------------------------------------------
# The IP stack probe (ipsock.go + ipsock_posix.go)


class ipStackCapabilities:
    """net/ipsock.go: ipStackCapabilities. What this host's IP stack can do, probed once.

    Go guards the fields with a ``sync.Once``; the probe never parks, so a
    thread lock is the whole of it here (safe from any M, and outside
    ``rt.run``).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = False
        self.ipv4Enabled = False
        self.ipv6Enabled = False
        self.ipv4MappedIPv6Enabled = False

    def once(self) -> None:
        """sync.Once.Do(probe)."""
        if self._done:
            return
        with self._lock:
            if not self._done:
                self.probe()
                self._done = True

    def probe(self) -> None:
        """net/ipsock_posix.go: ipStackCapabilities.probe.

        IPv4: can an AF_INET TCP socket be made (EAFNOSUPPORT and
        EPROTONOSUPPORT mean no). IPv6: an AF_INET6 TCP socket with
        IPV6_V6ONLY=1 binds [::1]:0. IPv4-mapped: one with IPV6_V6ONLY=0
        binds [::ffff:127.0.0.1]:0. A bind refused by policy (EPERM,
        EACCES) still counts (go1.27, Go issue 77430); any other bind error
        means no. Every probe socket is closed before this returns.
        """
        flags = SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC
        s, err = sys_linux.socket(AF_INET, flags, IPPROTO_TCP)
        if err == 0:
            sys_linux.close(s)
            self.ipv4Enabled = True
        elif err in (EAFNOSUPPORT, EPROTONOSUPPORT):
            pass
        probes = (
            (IPv6loopback, 1),  # IPv6 communication capability
            (IPv4(127, 0, 0, 1), 0),  # IPv4-mapped IPv6 address capability
        )
        opened: list[int] = []
        try:
            for i, (ip, value) in enumerate(probes):
                s, err = sys_linux.socket(AF_INET6, flags, IPPROTO_TCP)
                if err:
                    continue
                opened.append(s)
                sys_linux.setsockopt_int(s, IPPROTO_IPV6, IPV6_V6ONLY, value)
                sa, aerr = ipToSockaddr(AF_INET6, ip, 0, "")
                if aerr is not None or sa is None:
                    continue
                raw, err = sys_linux.sockaddr_encode(sa)
                if err:
                    continue
                err = sys_linux.bind(s, raw)
                if err and err is not EPERM and err is not EACCES:
                    continue
                if i == 0:
                    self.ipv6Enabled = True
                else:
                    self.ipv4MappedIPv6Enabled = True
        finally:
            for s in opened:
                sys_linux.close(s)


ipStackCaps: Final = ipStackCapabilities()
"""net/ipsock.go: ipStackCaps."""


def supportsIPv4() -> bool:
    """net/ipsock.go: supportsIPv4. The host can make IPv4 sockets."""
    ipStackCaps.once()
    return ipStackCaps.ipv4Enabled


def supportsIPv6() -> bool:
    """net/ipsock.go: supportsIPv6. The host can bind IPv6 loopback."""
    ipStackCaps.once()
    return ipStackCaps.ipv6Enabled


def supportsIPv4map() -> bool:
    """net/ipsock.go: supportsIPv4map. IPv4-mapped addresses work on IPv6 sockets.

    (Go hard-codes False on DragonFly and OpenBSD; this port is Linux only.)
    """
    ipStackCaps.once()
    return ipStackCaps.ipv4MappedIPv6Enabled


# ---------------------------------------------------------------------------
# IPAddr (iprawsock.go)

_IP = IP


@dataclass(repr=True)
class IPAddr:
    """net.IPAddr: the address of an IP end point (iprawsock.go; see the module doc).

    ``IPAddr(IP=ParseIP("fe80::1"), Zone="eth0")``. Compares and hashes by
    value, so it works as a dict key (net/tcpsock.py's module doc says why).
    """

    IP: _IP | None = None
    Zone: str = ""  # IPv6 scoped addressing zone

    def __hash__(self) -> int:
        return hash((self.IP, self.Zone))

    def Network(self) -> str:
        """net/iprawsock.go: IPAddr.Network: the network name "ip", for the Addr interface."""
        return "ip"

    def String(self) -> str:
        """net/iprawsock.go: IPAddr.String. The IP, with "%zone" when there is one."""
        ip = ipEmptyString(self.IP)
        if self.Zone:
            return ip + "%" + self.Zone
        return ip

    def __str__(self) -> str:
        return self.String()

    def isWildcard(self) -> bool:
        """net/iprawsock.go: IPAddr.isWildcard. No IP, or an unspecified one."""
        if self.IP is None:
            return True
        return self.IP.IsUnspecified()

    def opAddr(self) -> Addr | None:
        """net/iprawsock.go: IPAddr.opAddr. Go's nil-pointer guard; always self here."""
        return self

    def family(self) -> int:
        """net/iprawsock_posix.go: IPAddr.family. AF_INET unless the IP is real IPv6."""
        if self.IP is None or len(self.IP) <= IPv4len:
            return AF_INET
        if self.IP.To4() is not None:
            return AF_INET
        return AF_INET6

    def sockaddr(self, family: int) -> tuple[SockaddrTuple | None, error | None]:
        """net/iprawsock_posix.go: IPAddr.sockaddr. Port 0."""
        return ipToSockaddr(family, self.IP, 0, self.Zone)

    def toLocal(self, net: str) -> IPAddr:
        """net/iprawsock_posix.go: IPAddr.toLocal. The loopback address."""
        return IPAddr(IP=loopbackIP(net), Zone=self.Zone)


# ---------------------------------------------------------------------------
# addrList


def _addrIP(addr: object) -> tuple[bool, IP | None]:
    """The IP of a TCPAddr, UDPAddr or IPAddr: (True, ip); (False, None) for other types."""
    if isinstance(addr, IPAddr):
        return True, addr.IP
    from net.tcpsock import TCPAddr

    if isinstance(addr, TCPAddr):
        return True, addr.IP
    from net.udpsock import UDPAddr

    if isinstance(addr, UDPAddr):
        return True, addr.IP
    return False, None


def isIPv4(addr: Addr | None) -> bool:
    """net/ipsock.go: isIPv4. A TCPAddr, UDPAddr or IPAddr holding an IPv4 address."""
    ok, ip = _addrIP(addr)
    return ok and ip is not None and ip.To4() is not None


def isNotIPv4(addr: Addr | None) -> bool:
    """net/ipsock.go: isNotIPv4."""
    return not isIPv4(addr)


class addrList(list[Addr]):
    """net/ipsock.go: addrList. A list of network end point addresses."""

    def __init__(self, addrs: Iterable[Addr] = ()) -> None:
        super().__init__(addrs)

    def forResolve(self, network: str, addr: str) -> Addr:
        """net/ipsock.go: addrList.forResolve. The address ResolveXAddr returns.

        IPv4 is preferred, unless addr was an IPv6 literal: for "ip" a
        literal with a ':', for "tcp" and "udp" one with a '['.
        """
        want6 = False
        if network == "ip":
            want6 = ":" in addr
        elif network in ("tcp", "udp"):
            want6 = "[" in addr
        if want6:
            return self.first(isNotIPv4)
        return self.first(isIPv4)

    def first(self, strategy: Callable[[Addr], bool]) -> Addr:
        """net/ipsock.go: addrList.first. The first address strategy likes, else the first.

        Like Go, an empty list is a programming error (IndexError here).
        """
        for addr in self:
            if strategy(addr):
                return addr
        return self[0]

    def partition(self, strategy: Callable[[Addr], bool]) -> tuple[addrList, addrList]:
        """net/ipsock.go: addrList.partition. Split by label into (primaries, fallbacks).

        Primaries are the first address and every address with the same
        label; fallbacks the rest, in order. Go returns nil for an empty
        part; here it is an empty addrList.
        """
        primaries, fallbacks = addrList(), addrList()
        primaryLabel = False
        for i, addr in enumerate(self):
            label = strategy(addr)
            if i == 0 or label == primaryLabel:
                primaryLabel = label
                primaries.append(addr)
            else:
                fallbacks.append(addr)
        return primaries, fallbacks


def filterAddrList(
    filter: Callable[[IPAddr], bool] | None,
    ips: Iterable[IPAddr] | None,
    inetaddr: Callable[[IPAddr], Addr],
    originalAddr: str,
) -> tuple[addrList | None, error | None]:
    """net/ipsock.go: filterAddrList. The IPs that pass filter, each made an Addr.

    With no survivors: ``AddrError(Err="no suitable address found",
    Addr=originalAddr)``. A None filter keeps everything.
    """
    addrs = addrList()
    for ip in ips or ():
        if filter is None or filter(ip):
            addrs.append(inetaddr(ip))
    if len(addrs) == 0:
        return None, AddrError(Err=errNoSuitableAddress.Error(), Addr=originalAddr)
    return addrs, None


def ipv4only(addr: IPAddr) -> bool:
    """net/ipsock.go: ipv4only. An IPv4 address (either length)."""
    return addr.IP is not None and addr.IP.To4() is not None


def ipv6only(addr: IPAddr) -> bool:
    """net/ipsock.go: ipv6only. A 16-byte address that is not IPv4-mapped."""
    return addr.IP is not None and len(addr.IP) == IPv6len and addr.IP.To4() is None


# ---------------------------------------------------------------------------
# Host and port syntax


def _needStr(who: str, **args: object) -> None:
    for name, v in args.items():
        if not isinstance(v, str):
            raise TypeError(f"{who}: {name} must be a str, not {type(v).__name__}")


def SplitHostPort(hostport: str) -> tuple[str, str, error | None]:
    """net.SplitHostPort: "host:port", "host%zone:port", "[host]:port" or
    "[host%zone]:port" into host (or host%zone) and port.

    An IPv6 literal must be bracketed. Returns ``(host, port, None)``, or
    ``("", "", AddrError(Err=why, Addr=hostport))``.
    """
    _needStr("net.SplitHostPort", hostport=hostport)
    missingPort = "missing port in address"
    tooManyColons = "too many colons in address"

    def addrErr(addr: str, why: str) -> tuple[str, str, error | None]:
        return "", "", AddrError(Err=why, Addr=addr)

    j = k = 0
    # The port starts after the last colon.
    i = hostport.rfind(":")
    if i < 0:
        return addrErr(hostport, missingPort)
    if hostport[0] == "[":
        # Expect the first ']' just before the last ':'.
        end = hostport.find("]")
        if end < 0:
            return addrErr(hostport, "missing ']' in address")
        if end + 1 == len(hostport):
            # There can't be a ':' after the ']' now.
            return addrErr(hostport, missingPort)
        if end + 1 != i:
            # Either ']' is not followed by a colon, or it is followed by
            # one that is not the last.
            if hostport[end + 1] == ":":
                return addrErr(hostport, tooManyColons)
            return addrErr(hostport, missingPort)
        host = hostport[1:end]
        j, k = 1, end + 1  # no '[' before j, no ']' before k
    else:
        host = hostport[:i]
        if ":" in host:
            return addrErr(hostport, tooManyColons)
    if "[" in hostport[j:]:
        return addrErr(hostport, "unexpected '[' in address")
    if "]" in hostport[k:]:
        return addrErr(hostport, "unexpected ']' in address")
    return host, hostport[i + 1 :], None


def splitHostZone(s: str) -> tuple[str, str]:
    """net/ipsock.go: splitHostZone. Split at the last '%' (not at index 0)."""
    i = s.rfind("%")
    if i > 0:
        return s[:i], s[i + 1 :]
    return s, ""


def JoinHostPort(host: str, port: str) -> str:
    """net.JoinHostPort: "host:port", or "[host]:port" when host has a colon (IPv6)."""
    _needStr("net.JoinHostPort", host=host, port=port)
    if ":" in host:
        return "[" + host + "]:" + port
    return host + ":" + port


# ---------------------------------------------------------------------------
# internetAddrList

_TCP: Final = ("tcp", "tcp4", "tcp6")
_UDP: Final = ("udp", "udp4", "udp6")
_IPNETS: Final = ("ip", "ip4", "ip6")


def internetAddrList(
    r: Resolver | None, ctx: context.Context, net: str, addr: str
) -> tuple[addrList | None, error | None]:
    """net/ipsock.go: (*Resolver).internetAddrList. Resolve addr for network net.

    ``net`` is "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "ip", "ip4" or
    "ip6" (anything else: ``UnknownNetworkError(net)``); ``addr`` is
    "host:port" for tcp and udp, "host" for ip; ``r`` None means
    DefaultResolver. Returns ``(addrList, None)`` with at least one
    TCPAddr/UDPAddr/IPAddr (matching net), or ``(None, err)``:
    SplitHostPort's AddrError, LookupPort's AddrError/DNSError ("invalid
    port", "unknown port"), the resolver's DNSError, or
    ``AddrError("no suitable address found", host)`` when no address has
    the family a "...4"/"...6" network asks for.

    An empty addr (or empty host) gives a single wildcard address with IP
    None and the port. An IP literal (with an optional zone) is used as is,
    with no lookup. If a name resolves to exactly "::", "0.0.0.0" is
    appended (Go issue 18806: a host whose IPv6 can bind "::" but not
    connect to it).
    """
    if r is None:
        from net.lookup import DefaultResolver

        r = DefaultResolver
    host = port = ""
    portnum = 0
    if net in _TCP or net in _UDP:
        if addr != "":
            host, port, err = SplitHostPort(addr)
            if err is not None:
                return None, err
            portnum, err = r.LookupPort(ctx, net, port)
            if err is not None:
                return None, err
    elif net in _IPNETS:
        if addr != "":
            host = addr
    else:
        return None, UnknownNetworkError(net)

    if net in _TCP:
        from net.tcpsock import TCPAddr

        def inetaddr(ip: IPAddr) -> Addr:
            return TCPAddr(IP=ip.IP, Port=portnum, Zone=ip.Zone)
    elif net in _UDP:
        from net.udpsock import UDPAddr

        def inetaddr(ip: IPAddr) -> Addr:
            return UDPAddr(IP=ip.IP, Port=portnum, Zone=ip.Zone)
    else:

        def inetaddr(ip: IPAddr) -> Addr:
            return IPAddr(IP=ip.IP, Zone=ip.Zone)

    if host == "":
        return addrList([inetaddr(IPAddr())]), None

    # A literal IP address, else a name to look up.
    ips, err = r.lookupIPAddr(ctx, net, host)
    if err is not None:
        return None, err
    assert ips is not None
    if len(ips) == 1 and ips[0].IP is not None and ips[0].IP.Equal(IPv6unspecified):
        ips = [*ips, IPAddr(IP=IPv4zero)]
    filt: Callable[[IPAddr], bool] | None = None
    if net.endswith("4"):
        filt = ipv4only
    if net.endswith("6"):
        filt = ipv6only
    return filterAddrList(filt, ips, inetaddr, host)


def loopbackIP(net: str) -> IP:
    """net/ipsock.go: loopbackIP. ::1 for "...6" networks, else 127.0.0.1 (4 bytes)."""
    if net.endswith("6"):
        return IPv6loopback
    return IP((127, 0, 0, 1))


# ---------------------------------------------------------------------------
# ipsock_posix.go: family choice and sockaddrs


class _familyAddr(Protocol):
    """The two methods of Go's ``sockaddr`` interface that favoriteAddrFamily uses."""

    def family(self) -> int: ...

    def isWildcard(self) -> bool: ...


def favoriteAddrFamily(
    network: str, laddr: _familyAddr | None, raddr: _familyAddr | None, mode: str
) -> tuple[int, bool]:
    """net/ipsock_posix.go: favoriteAddrFamily. The socket's (family, ipv6only).

    ``mode`` is "dial" or "listen"; ``laddr``/``raddr`` are TCPAddr,
    UDPAddr or IPAddr values, or None. In order:

    * a network ending in "4": (AF_INET, False); in "6": (AF_INET6, True);
    * listening on no address or a wildcard one: a dual-stack AF_INET6
      socket (ipv6only False) when IPv4-mapped addresses work or there is
      no IPv4; otherwise AF_INET, or laddr's own family if given;
    * otherwise AF_INET when both addresses are IPv4 (or None), else
      AF_INET6 with ipv6only False (dual stack).
    """
    last = network[-1:]
    if last == "4":
        return AF_INET, False
    if last == "6":
        return AF_INET6, True
    if mode == "listen" and (laddr is None or laddr.isWildcard()):
        if supportsIPv4map() or not supportsIPv4():
            return AF_INET6, False
        if laddr is None:
            return AF_INET, False
        return laddr.family(), False
    if (laddr is None or laddr.family() == AF_INET) and (
        raddr is None or raddr.family() == AF_INET
    ):
        return AF_INET, False
    return AF_INET6, False


def ipToSockaddrInet4(ip: IP | None, port: int) -> tuple[SockaddrTuple | None, error | None]:
    """net/ipsock_posix.go: ipToSockaddrInet4. An empty IP means 0.0.0.0.

    Anything without a 4-byte form: ``AddrError(Err="non-IPv4 address",
    Addr=ip.String())``. The port is checked later, by the encoder (EINVAL).
    """
    if not ip:
        ip = IPv4zero
    ip4 = ip.To4()
    if ip4 is None:
        return None, AddrError(Err="non-IPv4 address", Addr=ip.String())
    return SockaddrTuple(AF_INET, bytes(ip4), port), None


def ipToSockaddrInet6(
    ip: IP | None, port: int, zone: str
) -> tuple[SockaddrTuple | None, error | None]:
    """net/ipsock_posix.go: ipToSockaddrInet6. Empty or 0.0.0.0 means ::.

    Any IPv6 address is accepted, IPv4-mapped ones too (an IPv4 address is
    mapped); the zone becomes an interface index (zoneCache). A wrong
    length: ``AddrError(Err="non-IPv6 address", Addr=ip.String())``.
    """
    if not ip or ip.Equal(IPv4zero):
        ip = IPv6zero
    ip6 = ip.To16()
    if ip6 is None:
        return None, AddrError(Err="non-IPv6 address", Addr=ip.String())
    return SockaddrTuple(AF_INET6, bytes(ip6), port, zoneCache.index(zone)), None


def addrPortToSockaddrInet4(ap: netip.AddrPort) -> tuple[SockaddrInet4, error | None]:
    """net/ipsock_posix.go: addrPortToSockaddrInet4. IPv4, or (go1.26) IPv4-mapped IPv6.

    Anything else: ``AddrError(Err="non-IPv4 address", Addr=addr.String())``.
    """
    addr = ap.Addr()
    if not addr.Is4() and not addr.Is4In6():
        return SockaddrInet4(), AddrError(Err="non-IPv4 address", Addr=addr.String())
    return SockaddrInet4(Port=ap.Port(), Addr=addr.As4()), None


def addrPortToSockaddrInet6(ap: netip.AddrPort) -> tuple[SockaddrInet6, error | None]:
    """net/ipsock_posix.go: addrPortToSockaddrInet6. Never fails (go1.26): IPv4 is mapped."""
    addr = ap.Addr()
    return SockaddrInet6(Port=ap.Port(), ZoneId=zoneCache.index(addr.Zone()),
                         Addr=addr.As16()), None


def ipToSockaddr(
    family: int, ip: IP | None, port: int, zone: str
) -> tuple[SockaddrTuple | None, error | None]:
    """net/ipsock_posix.go: ipToSockaddr. Dispatch on family.

    Any family but AF_INET/AF_INET6: ``AddrError(Err="invalid address
    family", Addr=ip.String())``.
    """
    if family == AF_INET:
        return ipToSockaddrInet4(ip, port)
    if family == AF_INET6:
        return ipToSockaddrInet6(ip, port, zone)
    return None, AddrError(Err="invalid address family", Addr=(ip or IP()).String())


# ---------------------------------------------------------------------------
# zoneCache (interface.go)

class ipv6ZoneCache:
    """net/interface.go: ipv6ZoneCache. Interface names <-> indexes, refreshed lazily.

    Guarded by a thread lock (Go: a RWMutex); nothing parks while it is held.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.lastFetched = -1e18  # monotonic seconds; "long ago"
        self.toIndex: dict[str, int] = {}
        self.toName: dict[int, str] = {}

    def update(self, ift: list[Interface] | None, force: bool) -> bool:
        """net/interface.go: ipv6ZoneCache.update: reload the name/index maps if they are more
        than a minute old (or force is set), from ift or else from a fresh interface table.

        Returns whether the maps were reloaded. Interfaces and InterfaceByName
        hand in the table they just read; name and index pass None.
        """
        with self._lock:
            now = time.monotonic()
            if not force and self.lastFetched > now - 60:
                return False
            self.lastFetched = now
            if not ift:
                # interface.py imports this module, hence the import here.
                from net.interface import interfaceTable

                ift, err = interfaceTable(0)
                if err is not None:
                    return False
            self.toIndex = {}
            self.toName = {}
            for ifi in ift:
                if ifi.Name != "":
                    self.toIndex[ifi.Name] = ifi.Index
                    self.toName.setdefault(ifi.Index, ifi.Name)
            return True

    def name(self, index: int) -> str:
        """net/interface.go: ipv6ZoneCache.name. The interface name, or the number as text."""
        if index == 0:
            return ""
        updated = self.update(None, False)
        name = self.toName.get(index)
        if name is None and not updated:
            self.update(None, True)
            name = self.toName.get(index)
        if name is None:
            name = str(index)
        return name

    def index(self, name: str) -> int:
        """net/interface.go: ipv6ZoneCache.index. The interface index; a numeric name is itself.

        An unknown, non-numeric name gives 0 (dtoi's result), as in Go.
        """
        if name == "":
            return 0
        updated = self.update(None, False)
        index = self.toIndex.get(name)
        if index is None and not updated:
            self.update(None, True)
            index = self.toIndex.get(name)
        if index is None:
            index, _, _ = dtoi(name)
        return index


zoneCache: Final = ipv6ZoneCache()
"""net/interface.go: zoneCache."""
