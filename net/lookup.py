"""net/lookup.go (go1.27.0) with the resolver pieces it needs on Linux.

Also here, each function naming its Go file: lookup_unix.go (the dispatch),
hosts.go (/etc/hosts), port.go, port_unix.go (/etc/services), parse.go's
field splitting, cgo_unix.go (getaddrinfo and getnameinfo, with Go's error
mapping), addrselect.go (RFC 6724 ordering of /etc/hosts results), the
name checks of dnsclient.go, and the two package variables of hook.go and
hook.go that tests replace, ``testHookLookupIP`` (its sibling
``hostsFilePath``, which names the hosts file, is ``net.hook.hostsFilePath``).

How a name is resolved
----------------------
``Resolver.lookupIPAddr`` is where Dial, Listen, ResolveTCPAddr and the
Lookup functions meet. An empty host is "no such host"; an IP literal (zone
allowed) is returned as is with no lookup at all; anything else is looked
up once per (network, host) at a time: concurrent callers share one
lookup (Go's singleflight group), and a caller whose context ends stops
waiting with ``DNSError(mapErr(ctx.Err()))`` while the shared lookup runs
on for the others.

The lookup itself follows the order Go picks on a typical Linux host
(conf.go's ``hostLookupFilesDNS``: nsswitch.conf says "files dns"):

1. /etc/hosts (``net.hook.hostsFilePath``), parsed as hosts.go does: comments
   after '#', bad addresses skipped, names matched case-insensitively and
   with or without a trailing dot, the first name on a line recorded as the
   canonical name. The parsed file is cached; within 5 seconds
   (``cacheMaxAge``) of the last check the cache is used as is, after that
   the file is stat'ed and re-read only if its mtime or size changed (or
   ``hostsFilePath`` now names another file). Results are sorted by RFC
   6724 (``sortByRFC6724``), whose source addresses come from connecting
   throwaway UDP sockets, which sends nothing.
2. A name that is not a valid domain name (``isDomainName``) is "no such
   host" without asking anyone, as in Go.
3. Otherwise the C library resolves it: ``getaddrinfo`` on a spare M
   (``rt.blocking``), which is Go's cgo path (``cgoLookupHostIP``), with
   cgo_unix.go's error mapping: EAI_NONAME and EAI_NODATA are
   ``errNoSuchHost`` (``IsNotFound``), EAI_SYSTEM is the errno (EMFILE
   when errno is 0, Go issue 6232), anything else an ``addrinfoErrno``
   whose text is ``gai_strerror``'s and which is temporary for EAI_AGAIN.
   IPv4 results are 4-byte IPs, IPv6 ones carry their scope as a zone
   name, exactly as Go's cgo resolver returns them.

Go would ask DNS itself in step 3 (its own client reading resolv.conf);
this port has no DNS client yet, so ``getaddrinfo`` stands in for it, and
also stands in for everything else nsswitch.conf may list (mdns,
myhostname, ...). Two consequences: ``Resolver.PreferGo`` and
``StrictErrors`` are kept but change nothing in host lookups yet (PreferGo
does select Go's own services table in ``LookupPort``), and ``DNSError.Server``
is always empty (getaddrinfo does not say which server answered), so texts
read "lookup NAME: no such host". Names with a backslash or a '%', which Go
hands straight to the C library, skip steps 1 and 2.

"localhost" and its subdomains follow from the above exactly as in Go with
"files dns": /etc/hosts first; otherwise whatever the system resolver
says (systemd's nss-myhostname maps "*.localhost" to loopback; without it
such names do not resolve). Go's only special case, conf.go's
``isLocalhost``, only routes such names to the C library when
nsswitch.conf lists "myhostname", which step 3 does anyway.

Outside ``rt.run`` (no goroutine to park) the C library is called on the
calling thread; contexts are then checked only before the call.
"""

from __future__ import annotations

import os
import threading
import time as _time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final, NamedTuple, TypeVar

import rt
from net import hook, netip
from net.ip import IP, IPv4len, ParseIP, dtoi
from net.ipsock import (
    IPAddr,
    addrList,
    internetAddrList,
    ipToSockaddr,
    splitHostZone,
    zoneCache,
)
from net.net import (
    AddrError,
    Conn,
    DNSError,
    UnknownNetworkError,
    errNoSuchHost,
    errUnknownPort,
    mapErr,
    newDNSError,
)
from rt import proc, sys_linux
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    AF_UNSPEC,
    AI_ALL,
    AI_CANONNAME,
    AI_V4MAPPED,
    EAI_AGAIN,
    EAI_NODATA,
    EAI_NONAME,
    EAI_SERVICE,
    EAI_SYSTEM,
    EINVAL,
    EMFILE,
    IPPROTO_TCP,
    IPPROTO_UDP,
    NI_NAMEREQD,
    SOCK_CLOEXEC,
    SOCK_DGRAM,
    SOCK_NONBLOCK,
    SOCK_STREAM,
    Errno,
)
from std import context
from std.errors import error

__all__ = [
    "DefaultResolver",
    "LookupAddr",
    "LookupHost",
    "LookupIP",
    "LookupPort",
    "Resolver",
]

T = TypeVar("T")


# ---------------------------------------------------------------------------
# hook.go: what tests replace. (hostsFilePath, hook_unix.go's, is in
# net/hook.py; it is read through the module at every lookup.)

LookupIPFunc = Callable[[context.Context, str, str], tuple[list[IPAddr] | None, error | None]]


def _defaultTestHookLookupIP(
    ctx: context.Context, fn: LookupIPFunc, network: str, host: str
) -> tuple[list[IPAddr] | None, error | None]:
    return fn(ctx, network, host)


testHookLookupIP: Callable[
    [context.Context, LookupIPFunc, str, str], tuple[list[IPAddr] | None, error | None]
] = _defaultTestHookLookupIP
"""net/hook.go: testHookLookupIP. Wraps every non-literal host lookup; tests replace it."""


# ---------------------------------------------------------------------------
# lookup.go: the built-in tables.

protocols: Final[dict[str, int]] = {
    "icmp": 1,
    "igmp": 2,
    "tcp": 6,
    "udp": 17,
    "ipv6-icmp": 58,
}
"""net/lookup.go: protocols. Known even without /etc/protocols (extended from it)."""

services: Final[dict[str, dict[str, int]]] = {
    "udp": {
        "domain": 53,
    },
    "tcp": {
        "ftp": 21,
        "ftps": 990,
        "gopher": 70,
        "http": 80,
        "https": 443,
        "imap2": 143,
        "imap3": 220,
        "imaps": 993,
        "pop3": 110,
        "pop3s": 995,
        "smtp": 25,
        "submissions": 465,
        "ssh": 22,
        "telnet": 23,
    },
}
"""net/lookup.go: services. Known even without /etc/services (extended from it)."""

maxProtoLength: Final = len("RSVP-E2E-IGNORE") + 10
"""net/lookup.go: maxProtoLength. Longer protocol names are never found."""

maxPortBufSize: Final = len("mobility-header") + 10
"""net/lookup.go: maxPortBufSize. Longer service names are never found in the table."""


def _goLen(s: str) -> int:
    """len(s) of the Go string s: its UTF-8 byte count."""
    return len(s.encode("utf-8", "surrogateescape"))


def lowerASCII(s: str) -> str:
    """net/parse.go: lowerASCIIBytes/lowerASCII on a string: only A-Z change."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def lookupProtocolMap(name: str) -> tuple[int, error | None]:
    """net/lookup.go: lookupProtocolMap. Case-insensitive lookup in ``protocols``."""
    proto = protocols.get(lowerASCII(name))
    if proto is None or _goLen(name) > maxProtoLength:
        return 0, AddrError(Err="unknown IP protocol specified", Addr=name)
    return proto, None


def lookupPortMap(network: str, service: str) -> tuple[int, error | None]:
    """net/lookup.go: lookupPortMap. "ip" tries tcp, then udp."""
    if network == "ip":  # no hints
        p, err = lookupPortMapWithNetwork("tcp", "ip", service)
        if err is None:
            return p, None
        return lookupPortMapWithNetwork("udp", "ip", service)
    if network in ("tcp", "tcp4", "tcp6"):
        return lookupPortMapWithNetwork("tcp", "tcp", service)
    if network in ("udp", "udp4", "udp6"):
        return lookupPortMapWithNetwork("udp", "udp", service)
    return 0, DNSError(Err="unknown network", Name=network + "/" + service)


def lookupPortMapWithNetwork(
    network: str, errNetwork: str, service: str
) -> tuple[int, error | None]:
    """net/lookup.go: lookupPortMapWithNetwork. Case-insensitive lookup in ``services``.

    Not found: ``DNSError("unknown port", Name=errNetwork+"/"+service,
    IsNotFound=True)``.
    """
    m = services.get(network)
    if m is not None:
        port = m.get(lowerASCII(service))
        if port is not None and _goLen(service) <= maxPortBufSize:
            return port, None
        return 0, newDNSError(errUnknownPort, errNetwork + "/" + service, "")
    return 0, DNSError(Err="unknown network", Name=errNetwork + "/" + service)


def ipVersion(network: str) -> str:
    """net/lookup.go: ipVersion. "4" or "6" for networks ending so, else "" (Go's 0 byte)."""
    n = network[-1:]
    return n if n in ("4", "6") else ""


# ---------------------------------------------------------------------------
# parse.go: reading configuration files.


def _readLines(name: str) -> list[str] | None:
    """net/parse.go: open + readLine. Lines split on '\\n' only; None if unreadable."""
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError:
        return None
    lines = data.decode("utf-8", "surrogateescape").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def countAnyByte(s: str, t: str) -> int:
    """net/parse.go: countAnyByte. How many characters of s are in t."""
    return sum(1 for c in s if c in t)


def splitAtBytes(s: str, t: str) -> list[str]:
    """net/parse.go: splitAtBytes. Split s at any character of t, dropping empty fields."""
    out: list[str] = []
    last = 0
    for i, c in enumerate(s):
        if c in t:
            if last < i:
                out.append(s[last:i])
            last = i + 1
    if last < len(s):
        out.append(s[last:])
    return out


def getFields(s: str) -> list[str]:
    """net/parse.go: getFields. Fields separated by spaces, tabs, CR and LF."""
    return splitAtBytes(s, " \r\t\n")


def hasUpperCase(s: str) -> bool:
    """net/parse.go: hasUpperCase. Any ASCII capital letter."""
    return any("A" <= c <= "Z" for c in s)


def _stripComment(line: str) -> str:
    i = line.find("#")
    return line[:i] if i >= 0 else line


_protocolsOnce = threading.Lock()
_protocolsRead = False


def readProtocolsOnce() -> None:
    """net/lookup_unix.go: readProtocolsOnce. Add /etc/protocols to ``protocols``, once.

    Names and aliases already known keep their numbers.
    """
    global _protocolsRead
    with _protocolsOnce:
        if _protocolsRead:
            return
        _protocolsRead = True
        lines = _readLines("/etc/protocols")
        for line in lines or ():
            f = getFields(_stripComment(line))
            if len(f) < 2:
                continue
            proto, _, ok = dtoi(f[1])
            if ok:
                protocols.setdefault(f[0], proto)
                for alias in f[2:]:
                    protocols.setdefault(alias, proto)


def lookupProtocol(ctx: context.Context, name: str) -> tuple[int, error | None]:
    """net/lookup_unix.go: lookupProtocol. The IP protocol number for a name ("tcp" is 6)."""
    readProtocolsOnce()
    return lookupProtocolMap(name)


_servicesOnce = threading.Lock()
_servicesRead = False


def readServices() -> None:
    """net/port_unix.go: readServices. Add /etc/services to ``services``.

    Each line "name port/proto aliases..." sets every name and alias of
    that protocol's table (the entries replace built-in ones, as in Go).
    """
    lines = _readLines("/etc/services")
    for line in lines or ():
        f = getFields(_stripComment(line))
        if len(f) < 2:
            continue
        portnet = f[1]  # "80/tcp"
        port, j, ok = dtoi(portnet)
        if not ok or port <= 0 or j >= len(portnet) or portnet[j] != "/":
            continue
        m = services.setdefault(portnet[j + 1 :], {})
        for i, name in enumerate(f):
            if i != 1:  # f[1] was port/net
                m[name] = port


def goLookupPort(network: str, service: str) -> tuple[int, error | None]:
    """net/port_unix.go: goLookupPort. The services table, after reading /etc/services once."""
    global _servicesRead
    with _servicesOnce:
        if not _servicesRead:
            _servicesRead = True
            readServices()
    return lookupPortMap(network, service)


def parsePort(service: str) -> tuple[int, bool]:
    """net/port.go: parsePort. A decimal port number: (port, needsLookup).

    "" is port 0. An optional sign, then digits only, else
    ``(0, True)``: a service name to look up. Values are clamped to
    ``[-(1<<30), (1<<30)-1]`` so callers can range-check without overflow.
    """
    if service == "":
        return 0, False
    maxU32 = (1 << 32) - 1
    cutoff = 1 << 30
    neg = False
    if service[0] == "+":
        service = service[1:]
    elif service[0] == "-":
        neg = True
        service = service[1:]
    n = 0  # Go's uint32: the arithmetic below wraps as it does there
    for c in service:
        if not ("0" <= c <= "9"):
            return 0, True
        if n >= cutoff:
            n = maxU32
            break
        n = (n * 10) & maxU32
        nn = (n + (ord(c) - 48)) & maxU32
        if nn < n:
            n = maxU32
            break
        n = nn
    if not neg and n >= cutoff:
        port = cutoff - 1
    elif neg and n > cutoff:
        port = cutoff
    else:
        port = n
    if neg:
        port = -port
    return port, False


# ---------------------------------------------------------------------------
# dnsclient.go: name checks.


def reverseaddr(addr: str) -> tuple[str, error | None]:
    """net/dnsclient.go: reverseaddr. The in-addr.arpa. or ip6.arpa. name for a PTR lookup of addr.

    An addr that is not an IP literal (a zone included) is Go's
    "unrecognized address" DNSError, the error LookupAddr gives for it.
    """
    ip = ParseIP(addr)
    if ip is None:
        return "", DNSError(Err="unrecognized address", Name=addr)
    if ip.To4() is not None:
        return f"{ip[15]}.{ip[14]}.{ip[13]}.{ip[12]}.in-addr.arpa.", None
    # IPv6: each byte's two nibbles, low first, from the last byte to the first.
    return "".join(f"{v & 0xF:x}.{v >> 4:x}." for v in reversed(ip)) + "ip6.arpa.", None


def isDomainName(s: str) -> bool:
    """net/dnsclient.go: isDomainName. A hostname-style name (LDH labels, '_' allowed).

    At most 253 characters (254 with a final dot), labels of 1-63
    characters that do not start or end with '-', not all-numeric; "." is
    valid. Non-ASCII text is not a domain name here (no IDNA).
    """
    if s == ".":
        return True
    b = s.encode("utf-8", "surrogateescape")
    ln = len(b)
    if ln == 0 or ln > 254 or (ln == 254 and b[-1] != ord(".")):
        return False
    last = ord(".")
    nonNumeric = False
    partlen = 0
    for c in b:
        if ord("a") <= c <= ord("z") or ord("A") <= c <= ord("Z") or c == ord("_"):
            nonNumeric = True
            partlen += 1
        elif ord("0") <= c <= ord("9"):
            partlen += 1
        elif c == ord("-"):
            if last == ord("."):
                return False
            partlen += 1
            nonNumeric = True
        elif c == ord("."):
            if last == ord(".") or last == ord("-"):
                return False
            if partlen > 63 or partlen == 0:
                return False
            partlen = 0
        else:
            return False
        last = c
    if last == ord("-") or partlen > 63:
        return False
    return nonNumeric


def absDomainName(s: str) -> str:
    """net/dnsclient.go: absDomainName. Add a final dot to names that have a dot inside.

    Single-label names ("localhost", "myhost") are left alone.
    """
    if "." in s and not s.endswith("."):
        s += "."
    return s


# ---------------------------------------------------------------------------
# hosts.go: /etc/hosts.

cacheMaxAge: Final = 5.0
"""net/hosts.go: cacheMaxAge (5 s). How long a read of the hosts file is trusted unchecked."""


def parseLiteralIP(addr: str) -> str:
    """net/hosts.go: parseLiteralIP. netip's canonical text for addr, or "" if not an IP."""
    ip, err = netip.ParseAddr(addr)
    if err is not None:
        return ""
    return ip.String()


class byName(NamedTuple):
    """net/hosts.go: byName. The addresses of one name and its line's canonical name."""

    addrs: list[str]
    canonicalName: str


class _hostsCache:
    """net/hosts.go: the ``hosts`` variable. Guarded by ``lock``; nothing parks under it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        # name (lowercase, absolute) -> its addresses and canonical name
        self.byName: dict[str, byName] = {}
        # address (canonical text) -> its names, as written
        self.byAddr: dict[str, list[str]] = {}
        self.expire = 0.0  # monotonic seconds
        self.path = ""
        self.mtime = 0
        self.size = 0


hosts: Final = _hostsCache()
"""net/hosts.go: hosts. The parsed hosts file."""


def _stat(name: str) -> tuple[int, int, OSError | None]:
    """net/parse.go: stat. (mtime in ns, size, error)."""
    try:
        st = os.stat(name)
    except OSError as e:
        return 0, 0, e
    return st.st_mtime_ns, st.st_size, None


def readHosts() -> None:
    """net/hosts.go: readHosts. Refresh ``hosts`` from ``hostsFilePath`` if needed.

    Called with ``hosts.lock`` held. A file that cannot be opened for a
    reason other than not existing or permission leaves the old data.
    """
    now = _time.monotonic()
    hp = hook.hostsFilePath
    if now < hosts.expire and hosts.path == hp and len(hosts.byName) > 0:
        return
    mtime, size, err = _stat(hp)
    if err is None and hosts.path == hp and hosts.mtime == mtime and hosts.size == size:
        hosts.expire = now + cacheMaxAge
        return
    hs: dict[str, byName] = {}
    is_: dict[str, list[str]] = {}
    lines: list[str] = []
    try:
        with open(hp, "rb") as f:
            data = f.read()
        lines = data.decode("utf-8", "surrogateescape").split("\n")
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        pass  # as an empty file
    except OSError:
        return
    for line in lines:
        fields = getFields(_stripComment(line))
        if len(fields) < 2:
            continue
        addr = parseLiteralIP(fields[0])
        if addr == "":
            continue
        canonical = ""
        for i in range(1, len(fields)):
            name = absDomainName(fields[i])
            key = absDomainName(lowerASCII(fields[i]))
            if i == 1:
                canonical = key
            is_.setdefault(addr, []).append(name)
            v = hs.get(key)
            if v is not None:
                hs[key] = byName([*v.addrs, addr], v.canonicalName)
                continue
            hs[key] = byName([addr], canonical)
    hosts.expire = now + cacheMaxAge
    hosts.path = hp
    hosts.byName = hs
    hosts.byAddr = is_
    hosts.mtime = mtime
    hosts.size = size


def lookupStaticHost(host: str) -> tuple[list[str], str]:
    """net/hosts.go: lookupStaticHost. (addresses, canonical name) for host from the hosts file.

    ``([], "")`` when the name is not there. The list is a copy.
    """
    with hosts.lock:
        readHosts()
        if hosts.byName:
            if hasUpperCase(host):
                host = lowerASCII(host)
            bn = hosts.byName.get(absDomainName(host))
            if bn is not None:
                return list(bn.addrs), bn.canonicalName
    return [], ""


def lookupStaticAddr(addr: str) -> list[str]:
    """net/hosts.go: lookupStaticAddr. The names the hosts file gives addr (a copy)."""
    with hosts.lock:
        readHosts()
        addr = parseLiteralIP(addr)
        if addr == "":
            return []
        names = hosts.byAddr.get(addr)
        if names is not None:
            return list(names)
    return []


def goLookupIPFiles(name: str) -> tuple[list[IPAddr], str]:
    """net/dnsclient_unix.go: goLookupIPFiles. The hosts file's IPAddrs for name, RFC 6724 order."""
    addr, canonical = lookupStaticHost(name)
    addrs: list[IPAddr] = []
    for haddr in addr:
        h, zone = splitHostZone(haddr)
        ip = _parseIP(h)
        if ip is not None:
            addrs.append(IPAddr(IP=ip, Zone=zone))
    sortByRFC6724(addrs)
    return addrs, canonical


def _parseIP(s: str) -> IP | None:
    return ParseIP(s)


# ---------------------------------------------------------------------------
# addrselect.go: RFC 6724 destination address ordering.


class ipAttr(NamedTuple):
    """net/addrselect.go: ipAttr."""

    Scope: int = 0
    Precedence: int = 0
    Label: int = 0


class policyTableEntry(NamedTuple):
    """net/addrselect.go: policyTableEntry. ``Prefix`` is (16-byte address, bits)."""

    Prefix: tuple[bytes, int]
    Precedence: int
    Label: int


rfc6724policyTable: Final = (
    policyTableEntry((bytes(15) + b"\x01", 128), 50, 0),  # ::1/128
    policyTableEntry((bytes(10) + b"\xff\xff" + bytes(4), 96), 35, 4),  # ::ffff:0:0/96
    policyTableEntry((bytes(16), 96), 1, 3),  # ::/96
    policyTableEntry((b"\x20\x01" + bytes(14), 32), 5, 5),  # 2001::/32
    policyTableEntry((b"\x20\x02" + bytes(14), 16), 30, 2),  # 2002::/16
    policyTableEntry((b"\x3f\xfe" + bytes(14), 16), 1, 12),  # 3ffe::/16
    policyTableEntry((b"\xfe\xc0" + bytes(14), 10), 1, 11),  # fec0::/10
    policyTableEntry((b"\xfc" + bytes(15), 7), 3, 13),  # fc00::/7
    policyTableEntry((bytes(16), 0), 40, 1),  # ::/0
)
"""net/addrselect.go: rfc6724policyTable (RFC 6724 section 2.1), longest prefixes first."""


def _prefixContains(prefix: tuple[bytes, int], a16: bytes) -> bool:
    base, bits = prefix
    n = int.from_bytes(base, "big")
    x = int.from_bytes(a16, "big")
    shift = 128 - bits
    return (n >> shift) == (x >> shift)


def classify(ip: netip.Addr) -> policyTableEntry:
    """net/addrselect.go: policyTable.Classify. The first entry whose prefix holds ip."""
    a16 = ip.As16()
    for ent in rfc6724policyTable:
        if _prefixContains(ent.Prefix, a16):
            return ent
    return policyTableEntry((bytes(16), 0), 0, 0)


scopeInterfaceLocal: Final = 0x1
scopeLinkLocal: Final = 0x2
scopeAdminLocal: Final = 0x4
scopeSiteLocal: Final = 0x5
scopeOrgLocal: Final = 0x8
scopeGlobal: Final = 0xE


def classifyScope(ip: netip.Addr) -> int:
    """net/addrselect.go: classifyScope (RFC 6724 section 3.1)."""
    if ip.IsLoopback() or ip.IsLinkLocalUnicast():
        return scopeLinkLocal
    ipv6 = ip.Is6() and not ip.Is4In6()
    ipv6AsBytes = ip.As16()
    if ipv6 and ip.IsMulticast():
        return ipv6AsBytes[1] & 0xF
    if ipv6 and ipv6AsBytes[0] == 0xFE and ipv6AsBytes[1] & 0xC0 == 0xC0:
        return scopeSiteLocal
    return scopeGlobal


def ipAttrOf(ip: netip.Addr | None) -> ipAttr:
    """net/addrselect.go: ipAttrOf. The zero ipAttr for an invalid (None) address."""
    if ip is None:
        return ipAttr()
    match = classify(ip)
    return ipAttr(classifyScope(ip), match.Precedence, match.Label)


def _addrFromSlice(b: bytes | None) -> netip.Addr | None:
    """netip.AddrFromSlice, with Go's invalid Addr as None (4 bytes IPv4, 16 IPv6)."""
    a, ok = netip.AddrFromSlice(b)
    return a if ok else None


def commonPrefixLen(a: netip.Addr, b: IP) -> int:
    """net/addrselect.go: commonPrefixLen. Leading bits in common, over at most 64 bits."""
    b4 = b.To4()
    bb = bytes(b4 if b4 is not None else b)
    aa = a.As4() if a.Is4() else a.As16()
    if len(aa) != len(bb):
        return 0
    if len(aa) > 8:
        aa, bb = aa[:8], bb[:8]
    cpl = 0
    for x, y in zip(aa, bb, strict=True):
        if x == y:
            cpl += 8
            continue
        return cpl + 8 - (x ^ y).bit_length()
    return cpl


class byRFC6724Info(NamedTuple):
    """net/addrselect.go: byRFC6724Info."""

    addr: IPAddr
    addrAttr: ipAttr
    src: netip.Addr | None
    srcAttr: ipAttr


def compareByRFC6724(a: byRFC6724Info, b: byRFC6724Info) -> int:
    """net/addrselect.go: compareByRFC6724. Negative prefers a; RFC 6724 section 6.

    Rules 1 (usable source), 2 (matching scope), 5 (matching label),
    6 (higher precedence), 8 (smaller scope) and 9 (longest common prefix,
    IPv6 only) as Go applies them; 3, 4, 7 and 10 need information Go does
    not have either.
    """
    DA, DB = a.addr.IP or IP(), b.addr.IP or IP()
    SourceDA, SourceDB = a.src, b.src
    attrDA, attrDB = a.addrAttr, b.addrAttr
    attrSourceDA, attrSourceDB = a.srcAttr, b.srcAttr
    preferDA, preferDB = -1, 1
    # Rule 1: avoid unusable destinations.
    if SourceDA is None and SourceDB is None:
        return 0
    if SourceDB is None:
        return preferDA
    if SourceDA is None:
        return preferDB
    # Rule 2: prefer matching scope.
    if attrDA.Scope == attrSourceDA.Scope and attrDB.Scope != attrSourceDB.Scope:
        return preferDA
    if attrDA.Scope != attrSourceDA.Scope and attrDB.Scope == attrSourceDB.Scope:
        return preferDB
    # Rule 5: prefer matching label.
    if attrSourceDA.Label == attrDA.Label and attrSourceDB.Label != attrDB.Label:
        return preferDA
    if attrSourceDA.Label != attrDA.Label and attrSourceDB.Label == attrDB.Label:
        return preferDB
    # Rule 6: prefer higher precedence.
    if attrDA.Precedence > attrDB.Precedence:
        return preferDA
    if attrDA.Precedence < attrDB.Precedence:
        return preferDB
    # Rule 8: prefer smaller scope.
    if attrDA.Scope < attrDB.Scope:
        return preferDA
    if attrDA.Scope > attrDB.Scope:
        return preferDB
    # Rule 9: longest matching prefix, IPv6 only (Go issue 13283).
    if DA.To4() is None and DB.To4() is None:
        commonA = commonPrefixLen(SourceDA, DA)
        commonB = commonPrefixLen(SourceDB, DB)
        if commonA > commonB:
            return preferDA
        if commonA < commonB:
            return preferDB
    # Rule 10: leave the order unchanged.
    return 0


def sortByRFC6724withSrcs(addrs: list[IPAddr], srcs: list[netip.Addr | None]) -> None:
    """net/addrselect.go: sortByRFC6724withSrcs. Stable sort of addrs in place."""
    import functools

    if len(addrs) != len(srcs):
        raise RuntimeError("internal error")
    infos = [
        byRFC6724Info(
            addr=v,
            addrAttr=ipAttrOf(_addrFromSlice(v.IP)),
            src=srcs[i],
            srcAttr=ipAttrOf(srcs[i]),
        )
        for i, v in enumerate(addrs)
    ]
    infos.sort(key=functools.cmp_to_key(compareByRFC6724))
    addrs[:] = [info.addr for info in infos]


def srcAddrs(addrs: list[IPAddr]) -> list[netip.Addr | None]:
    """net/addrselect.go: srcAddrs. The source address the kernel would use for each.

    Go dials a UDP socket to port 53 of each address and reads its local
    address; connecting a UDP socket only consults the routing table, so
    nothing is sent. The same is done here directly with sys_linux: a
    non-blocking socket, connect, getsockname, close. None where that fails
    (no route, no such family).
    """
    srcs: list[netip.Addr | None] = []
    for a in addrs:
        src: netip.Addr | None = None
        ip = a.IP or IP()
        family = AF_INET if len(ip) <= IPv4len or ip.To4() is not None else AF_INET6
        sa, err = ipToSockaddr(family, ip, 53, a.Zone)
        if err is None and sa is not None:
            raw, errno = sys_linux.sockaddr_encode(sa)
            if not errno:
                fd, errno = sys_linux.socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)
                if not errno:
                    try:
                        if not sys_linux.connect(fd, raw):
                            local, errno = sys_linux.getsockname(fd)
                            if not errno:
                                dec, errno = sys_linux.anyToSockaddr(local)
                                if not errno and dec is not None:
                                    src = _addrFromSlice(dec.Addr)
                    finally:
                        sys_linux.close(fd)
        srcs.append(src)
    return srcs


def sortByRFC6724(addrs: list[IPAddr]) -> None:
    """net/addrselect.go: sortByRFC6724. Order addrs for dialing (RFC 6724), in place."""
    if len(addrs) < 2:
        return
    sortByRFC6724withSrcs(addrs, srcAddrs(addrs))


# ---------------------------------------------------------------------------
# cgo_unix.go: the C library resolver.

cgoAddrInfoFlags: Final = AI_CANONNAME | AI_V4MAPPED | AI_ALL
"""net/cgo_linux.go: cgoAddrInfoFlags."""


class addrinfoErrno(Exception):
    """net/cgo_unix.go: addrinfoErrno. A getaddrinfo EAI_* code as an error.

    Its text is the C library's (``gai_strerror``); temporary for EAI_AGAIN.
    An int in Go, so two values with the same code are equal.
    """

    _goType = "net.addrinfoErrno"  # what %T prints (std/fmt.py)

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code

    def Error(self) -> str:
        """net/cgo_unix.go: addrinfoErrno.Error."""
        return sys_linux.gai_strerror(self.code)

    def Temporary(self) -> bool:
        """net/cgo_unix.go: addrinfoErrno.Temporary."""
        return self.code == EAI_AGAIN

    def Timeout(self) -> bool:
        """net/cgo_unix.go: addrinfoErrno.Timeout."""
        return False

    def isAddrinfoErrno(self) -> None:
        """net/cgo_unix.go: addrinfoErrno.isAddrinfoErrno (a marker)."""

    def __str__(self) -> str:
        return self.Error()

    def __eq__(self, other: object) -> bool:
        return type(other) is addrinfoErrno and other.code == self.code

    def __hash__(self) -> int:
        return hash((addrinfoErrno, self.code))


def _inGoroutine() -> bool:
    return proc.getg() is not None


def _blockingCall(fn: Callable[..., T], *args: Any) -> T:
    """A cgo call: on a spare M inside rt.run, directly on this thread outside it."""
    if _inGoroutine():
        return rt.blocking(fn, *args)
    return fn(*args)


def doBlockingWithCtx(
    ctx: context.Context, lookupName: str, blocking: Callable[[], tuple[T, error | None]], zero: T
) -> tuple[T, error | None]:
    """net/cgo_unix.go: doBlockingWithCtx. Run a blocking lookup, giving up when ctx ends.

    If ctx can end, the lookup runs in its own goroutine and the caller
    waits for whichever comes first; on ctx's end it returns ``(zero,
    DNSError(mapErr(ctx.Err())))`` and the lookup finishes unobserved. Go
    first takes one of ``concurrentThreadsLimit()`` slots (acquireThread);
    ``rt.blocking`` enforces the same bound, without watching ctx while it
    waits. Go's zero value of T is passed in as ``zero``. Outside rt.run
    the call is made directly, after the same check of ctx.
    """
    # acquireThread: Go selects between a free thread slot and ctx.Done();
    # when both are ready either may win. Here a context that has already
    # ended always wins, so no C call is started for it.
    err = ctx.Err()
    if err is not None:
        return zero, newDNSError(mapErr(err), lookupName, "")
    done = ctx.Done()
    if done is None or not _inGoroutine():
        return blocking()
    res: rt.hchan[tuple[T, error | None]] = rt.chan(1)
    rt.go(lambda: res.send(blocking()))
    i, v, _ = rt.select(rt.recv(res), rt.recv(done))
    if i == 0:
        r: tuple[T, error | None] = v
        return r
    err = ctx.Err()
    assert err is not None
    return zero, newDNSError(mapErr(err), lookupName, "")


def cgoLookupHost(ctx: context.Context, name: str) -> tuple[list[str] | None, error | None]:
    """net/cgo_unix.go: cgoLookupHost. cgoLookupIP's addresses as text."""
    addrs, err = cgoLookupIP(ctx, "ip", name)
    if err is not None:
        return None, err
    return [a.String() for a in addrs or ()], None


def cgoLookupPort(
    ctx: context.Context, network: str, service: str
) -> tuple[int, error | None]:
    """net/cgo_unix.go: cgoLookupPort. getaddrinfo(NULL, service) with hints for network."""
    socktype = proto = 0
    family = AF_UNSPEC
    if network == "ip":
        pass  # no hints
    elif network in ("tcp", "tcp4", "tcp6"):
        socktype, proto = SOCK_STREAM, IPPROTO_TCP
    elif network in ("udp", "udp4", "udp6"):
        socktype, proto = SOCK_DGRAM, IPPROTO_UDP
    else:
        return 0, DNSError(Err="unknown network", Name=network + "/" + service)
    v = ipVersion(network)
    if v == "4":
        family = AF_INET
    elif v == "6":
        family = AF_INET6

    def blocking() -> tuple[int, error | None]:
        return cgoLookupServicePort(family, socktype, proto, network, service)

    return doBlockingWithCtx(ctx, network + "/" + service, blocking, 0)


def _eaiSystemError(errno: Errno) -> Errno:
    """cgo_unix.go's EAI_SYSTEM case: the errno, or EMFILE when it is 0 (Go issue 6232)."""
    return errno if errno else EMFILE


def cgoLookupServicePort(
    family: int, socktype: int, proto: int, network: str, service: str
) -> tuple[int, error | None]:
    """net/cgo_unix.go: cgoLookupServicePort. The port getaddrinfo gives the service.

    The name is lowercased first. EAI_SERVICE and EAI_NONAME are "unknown
    port" (IsNotFound); a NUL in the name is "invalid argument", as Go's
    conversion to a C string reports it.
    """
    if "\x00" in service:
        return 0, DNSError(Err=EINVAL.Error(), Name=network + "/" + service)
    res, gerrno, errno = _blockingCall(
        sys_linux.getaddrinfo, None, lowerASCII(service), family, socktype, proto, 0
    )
    if gerrno != 0:
        name = network + "/" + service
        if gerrno == EAI_SYSTEM:
            return 0, newDNSError(_eaiSystemError(errno), name, "")
        if gerrno in (EAI_SERVICE, EAI_NONAME):  # Darwin says EAI_NONAME
            return 0, newDNSError(errUnknownPort, name, "")
        return 0, newDNSError(addrinfoErrno(gerrno), name, "")
    for r in res:
        if r.Family in (AF_INET, AF_INET6) and len(r.Addr) >= 4:
            return (r.Addr[2] << 8) | r.Addr[3], None
    return 0, newDNSError(errUnknownPort, network + "/" + service, "")


def cgoLookupHostIP(network: str, name: str) -> tuple[list[IPAddr] | None, error | None]:
    """net/cgo_unix.go: cgoLookupHostIP. getaddrinfo for a host name.

    Hints: AI_CANONNAME|AI_V4MAPPED|AI_ALL, SOCK_STREAM, the family from a
    "4"/"6" network. Only SOCK_STREAM results are used (one per address);
    IPv4 addresses come back as 4-byte IPs, IPv6 ones with their scope id
    as a zone name.
    """
    family = AF_UNSPEC
    v = ipVersion(network)
    if v == "4":
        family = AF_INET
    elif v == "6":
        family = AF_INET6
    if "\x00" in name:
        return None, DNSError(Err=EINVAL.Error(), Name=name)
    res, gerrno, errno = _blockingCall(
        sys_linux.getaddrinfo, name, None, family, SOCK_STREAM, 0, cgoAddrInfoFlags
    )
    if gerrno != 0:
        if gerrno == EAI_SYSTEM:
            return None, newDNSError(_eaiSystemError(errno), name, "")
        if gerrno in (EAI_NONAME, EAI_NODATA):
            return None, newDNSError(errNoSuchHost, name, "")
        # (EAI_ADDRFAMILY is "no such host" on FreeBSD only.)
        return None, newDNSError(addrinfoErrno(gerrno), name, "")
    addrs: list[IPAddr] = []
    for r in res:
        if r.Socktype != SOCK_STREAM:
            continue
        sa, _ = sys_linux.anyToSockaddr(r.Addr)
        if sa is None:
            continue
        if sa.Family == AF_INET:
            addrs.append(IPAddr(IP=IP(sa.Addr)))
        elif sa.Family == AF_INET6:
            addrs.append(IPAddr(IP=IP(sa.Addr), Zone=zoneCache.name(sa.ZoneId)))
    return addrs, None


def cgoLookupIP(
    ctx: context.Context, network: str, name: str
) -> tuple[list[IPAddr] | None, error | None]:
    """net/cgo_unix.go: cgoLookupIP."""

    def blocking() -> tuple[list[IPAddr] | None, error | None]:
        return cgoLookupHostIP(network, name)

    return doBlockingWithCtx(ctx, name, blocking, None)


def cgoLookupPTR(ctx: context.Context, addr: str) -> tuple[list[str] | None, error | None]:
    """net/cgo_unix.go: cgoLookupPTR. getnameinfo(NI_NAMEREQD) for an address literal."""
    ip, perr = netip.ParseAddr(addr)
    if perr is not None:
        return None, DNSError(Err="invalid address", Name=addr)
    ipb = IP(ip.As4() if ip.Is4() else ip.As16())
    family = AF_INET if ipb.To4() is not None else AF_INET6
    sa, err = ipToSockaddr(family, ipb, 0, ip.Zone())
    raw = b""
    if err is None and sa is not None:
        raw, errno = sys_linux.sockaddr_encode(sa)
        if errno:
            raw = b""
    if not raw:
        return None, DNSError(Err="invalid address " + ip.String(), Name=addr)

    def blocking() -> tuple[list[str] | None, error | None]:
        return cgoLookupAddrPTR(addr, raw)

    return doBlockingWithCtx(ctx, addr, blocking, None)


def cgoLookupAddrPTR(addr: str, sa: bytes) -> tuple[list[str] | None, error | None]:
    """net/cgo_unix.go: cgoLookupAddrPTR. Go grows its buffer on EAI_OVERFLOW; libc's
    NI_MAXHOST buffer is always big enough here."""
    host, _, gerrno, errno = _blockingCall(sys_linux.getnameinfo, sa, NI_NAMEREQD)
    if gerrno != 0:
        if gerrno == EAI_SYSTEM:
            return None, newDNSError(_eaiSystemError(errno), addr, "")
        if gerrno == EAI_NONAME:
            return None, newDNSError(errNoSuchHost, addr, "")
        return None, newDNSError(addrinfoErrno(gerrno), addr, "")
    return [absDomainName(host)], None


# ---------------------------------------------------------------------------
# conf.go / lookup_unix.go: which resolver.

hostLookupCgo: Final = 0
hostLookupFilesDNS: Final = 1
hostLookupDNSFiles: Final = 2
hostLookupFiles: Final = 3
hostLookupDNS: Final = 4


def hostLookupOrder(r: Resolver | None, hostname: str) -> int:
    """net/conf.go: conf.hostLookupOrder, reduced to what this port can do (module doc).

    Names with a backslash or '%' go straight to the C library unless Go's
    resolver was asked for; everything else is hosts file first, then the
    C library standing in for DNS.
    """
    if not (r is not None and r.PreferGo) and ("\\" in hostname or "%" in hostname):
        return hostLookupCgo
    return hostLookupFilesDNS


def isLocalhost(h: str) -> bool:
    """net/conf.go: isLocalhost. A name nss-myhostname answers as loopback."""
    lh = lowerASCII(h)
    return (
        lh == "localhost"
        or lh == "localhost.localdomain"
        or lh.endswith(".localhost")
        or lh.endswith(".localhost.localdomain")
    )


def _goLookupIPOrder(
    ctx: context.Context, network: str, name: str, order: int
) -> tuple[list[IPAddr] | None, error | None]:
    """net/dnsclient_unix.go: goLookupIPCNAMEOrder, with getaddrinfo as the DNS step."""
    if order in (hostLookupFilesDNS, hostLookupFiles):
        addrs, _ = goLookupIPFiles(name)
        if addrs:
            return addrs, None
        if order == hostLookupFiles:
            return None, newDNSError(errNoSuchHost, name, "")
    if not isDomainName(name):
        return None, newDNSError(errNoSuchHost, name, "")
    return cgoLookupIP(ctx, network, name)


def parseNetwork(
    ctx: context.Context, network: str, needsProto: bool
) -> tuple[str, int, error | None]:
    """net/dial.go: parseNetwork. (address family network, protocol, err).

    "tcp", "udp", "ip", "unix" and their variants, or "ip:proto" with a
    protocol number or name. Defined here because Resolver.LookupIP needs
    it; net/dial.py should import it from here.
    """
    i = network.rfind(":")
    if i < 0:
        if network in ("tcp", "tcp4", "tcp6", "udp", "udp4", "udp6"):
            pass
        elif network in ("ip", "ip4", "ip6"):
            if needsProto:
                return "", 0, UnknownNetworkError(network)
        elif network in ("unix", "unixgram", "unixpacket"):
            pass
        else:
            return "", 0, UnknownNetworkError(network)
        return network, 0, None
    afnet = network[:i]
    if afnet in ("ip", "ip4", "ip6"):
        protostr = network[i + 1 :]
        proto, j, ok = dtoi(protostr)
        if not ok or j != len(protostr):
            proto, err = lookupProtocol(ctx, protostr)
            if err is not None:
                return "", 0, err
        return afnet, proto, None
    return "", 0, UnknownNetworkError(network)


# ---------------------------------------------------------------------------
# singleflight (internal/singleflight), just what lookupIPAddr uses.


class singleflightResult(NamedTuple):
    """internal/singleflight: Result."""

    Val: Any
    Err: error | None
    Shared: bool


class _call:
    __slots__ = ("chans", "dups")

    def __init__(self) -> None:
        self.chans: list[rt.hchan[singleflightResult]] = []
        self.dups = 0


class singleflightGroup:
    """internal/singleflight: Group. One execution per key; duplicates share the result.

    The map is guarded by a thread lock, held only for dictionary updates.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._m: dict[str, _call] = {}

    def DoChan(
        self, key: str, fn: Callable[[], tuple[Any, error | None]]
    ) -> rt.hchan[singleflightResult]:
        """internal/singleflight: Group.DoChan. A channel that will get fn's result."""
        ch: rt.hchan[singleflightResult] = rt.chan(1)
        with self._lock:
            c = self._m.get(key)
            if c is not None:
                c.dups += 1
                c.chans.append(ch)
                return ch
            c = _call()
            c.chans.append(ch)
            self._m[key] = c
        rt.go(self._doCall, c, key, fn)
        return ch

    def _doCall(self, c: _call, key: str, fn: Callable[[], tuple[Any, error | None]]) -> None:
        """internal/singleflight: Group.doCall."""
        val: Any = None
        err: error | None = None
        try:
            val, err = fn()
        finally:
            with self._lock:
                if self._m.get(key) is c:
                    del self._m[key]
                chans, shared = list(c.chans), c.dups > 0
        for ch in chans:
            ch.send(singleflightResult(val, err, shared))

    def ForgetUnshared(self, key: str) -> bool:
        """internal/singleflight: Group.ForgetUnshared. Forget key if nobody else waits on it."""
        with self._lock:
            c = self._m.get(key)
            if c is None:
                return True
            if c.dups == 0:
                del self._m[key]
                return True
            return False


class onlyValuesCtx:
    """net/lookup.go: onlyValuesCtx. Background's lifetime with lookupValues' values.

    Values are visible only until lookupValues is done (Go issue 28600).
    """

    def __init__(self, lookupValues: context.Context) -> None:
        self.Context = context.Background()
        self.lookupValues = lookupValues

    def Deadline(self) -> tuple[Any, bool]:
        return self.Context.Deadline()

    def Done(self) -> Any:
        return self.Context.Done()

    def Err(self) -> error | None:
        return self.Context.Err()

    def Value(self, key: Any) -> Any:
        """net/lookup.go: onlyValuesCtx.Value. None once lookupValues is done."""
        done = self.lookupValues.Done()
        if done is not None:
            if _inGoroutine():
                i, _, _ = rt.select(rt.recv(done), default=True)
                if i == 0:
                    return None
            elif self.lookupValues.Err() is not None:
                return None
        return self.lookupValues.Value(key)


def withUnexpiredValuesPreserved(lookupCtx: context.Context) -> context.Context:
    """net/lookup.go: withUnexpiredValuesPreserved."""
    return onlyValuesCtx(lookupCtx)


# ---------------------------------------------------------------------------
# Resolver


@dataclass(eq=False, repr=True)
class Resolver:
    """net.Resolver: looks up names and numbers.

    ``Resolver()`` (and ``DefaultResolver``) uses the system's
    configuration. ``PreferGo``: use Go's built-in resolver where there is a
    choice (here: Go's services table for LookupPort; see the module doc
    for host lookups). ``StrictErrors`` and ``Dial`` only concern Go's own
    DNS client, which this port does not have yet; they are kept so code
    that sets them runs.
    """

    PreferGo: bool = False
    StrictErrors: bool = False
    Dial: Callable[[context.Context, str, str], tuple[Conn | None, error | None]] | None = None
    lookupGroup: singleflightGroup = field(
        default_factory=singleflightGroup, init=False, repr=False
    )

    def preferGo(self) -> bool:
        """net/lookup.go: Resolver.preferGo."""
        return self.PreferGo

    def strictErrors(self) -> bool:
        """net/lookup.go: Resolver.strictErrors."""
        return self.StrictErrors

    # --- exported lookups ---

    def LookupHost(self, ctx: context.Context, host: str) -> tuple[list[str] | None, error | None]:
        """net.Resolver.LookupHost: the host's addresses as text; ``(addrs, err)``.

        An IP literal is returned as given, unresolved. "" is "no such host".
        """
        _needStr("net.Resolver.LookupHost", host)
        if host == "":
            return None, newDNSError(errNoSuchHost, host, "")
        if netip.ParseAddr(host)[1] is None:
            return [host], None
        return self.lookupHost(ctx, host)

    def LookupIPAddr(
        self, ctx: context.Context, host: str
    ) -> tuple[list[IPAddr] | None, error | None]:
        """net.Resolver.LookupIPAddr: the host's IPv4 and IPv6 addresses."""
        _needStr("net.Resolver.LookupIPAddr", host)
        return self.lookupIPAddr(ctx, "ip", host)

    def LookupIP(
        self, ctx: context.Context, network: str, host: str
    ) -> tuple[list[IP] | None, error | None]:
        """net.Resolver.LookupIP: the host's addresses for "ip", "ip4" or "ip6".

        Other networks: ``UnknownNetworkError``. "" is "no such host";
        no address of the wanted family: ``AddrError("no suitable address
        found", host)``.
        """
        _needStr("net.Resolver.LookupIP", network, host)
        afnet, _, err = parseNetwork(ctx, network, False)
        if err is not None:
            return None, err
        if afnet not in ("ip", "ip4", "ip6"):
            return None, UnknownNetworkError(network)
        if host == "":
            return None, newDNSError(errNoSuchHost, host, "")
        addrs, err = self.internetAddrList(ctx, afnet, host)
        if err is not None:
            return None, err
        ips: list[IP] = []
        for a in addrs or ():
            assert isinstance(a, IPAddr)
            if a.IP is not None:
                ips.append(a.IP)
        return ips, None

    def LookupPort(
        self, ctx: context.Context, network: str, service: str
    ) -> tuple[int, error | None]:
        """net.Resolver.LookupPort: the port for network ("tcp", "udp", ...; "" means "ip").

        A decimal service is used as is; a name is looked up. Results
        outside 0-65535: ``AddrError("invalid port", service)``; an unknown
        network with a name: ``AddrError("unknown network", network)``.
        """
        _needStr("net.Resolver.LookupPort", network, service)
        port, needsLookup = parsePort(service)
        if needsLookup:
            if network in ("tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "ip"):
                pass
            elif network == "":  # a hint wildcard for Go 1.0 undocumented behavior
                network = "ip"
            else:
                return 0, AddrError(Err="unknown network", Addr=network)
            port, err = self.lookupPort(ctx, network, service)
            if err is not None:
                return 0, err
        if port < 0 or port > 65535:
            return 0, AddrError(Err="invalid port", Addr=service)
        return port, None

    def LookupAddr(self, ctx: context.Context, addr: str) -> tuple[list[str] | None, error | None]:
        """net.Resolver.LookupAddr: names for an address (reverse lookup).

        Names that are not valid domain names are dropped, and then the
        names that remain come with a DNSError saying so, as in Go.
        """
        _needStr("net.Resolver.LookupAddr", addr)
        names, err = self.lookupAddr(ctx, addr)
        if err is not None:
            return None, err
        filtered = [n for n in names or () if isDomainName(n)]
        if len(filtered) != len(names or ()):
            return filtered, DNSError(Err=errMalformedDNSRecordsDetail, Name=addr)
        return filtered, None

    # --- the layer below (lookup.go, lookup_unix.go, ipsock.go) ---

    def internetAddrList(
        self, ctx: context.Context, net: str, addr: str
    ) -> tuple[addrList | None, error | None]:
        """net/ipsock.go: Resolver.internetAddrList (see net.ipsock.internetAddrList)."""
        return internetAddrList(self, ctx, net, addr)

    def lookupIPAddr(
        self, ctx: context.Context, network: str, host: str
    ) -> tuple[list[IPAddr] | None, error | None]:
        """net/lookup.go: Resolver.lookupIPAddr. A literal, or a shared lookup (module doc)."""
        if host == "":
            return None, newDNSError(errNoSuchHost, host, "")
        # Fast path: an IP literal is its own answer.
        lit, perr = netip.ParseAddr(host)
        if perr is None:
            return [IPAddr(IP=IP(lit.As16()), Zone=lit.Zone())], None
        resolverFunc: LookupIPFunc = self.lookupIP
        if not _inGoroutine():
            addrs, err = testHookLookupIP(ctx, resolverFunc, network, host)
            if err is not None and not isinstance(err, DNSError):
                err = newDNSError(mapErr(err), host, "")
            return (None, err) if err is not None else (addrs, None)

        lookupGroupCtx, lookupGroupCancel = context.WithCancel(withUnexpiredValuesPreserved(ctx))
        lookupKey = network + "\x00" + host

        def call() -> tuple[Any, error | None]:
            return testHookLookupIP(lookupGroupCtx, resolverFunc, network, host)

        ch = self.lookupGroup.DoChan(lookupKey, call)

        def dnsWaitGroupDone(c: rt.hchan[singleflightResult], cancelFn: Callable[[], None]) -> None:
            c.recv()
            cancelFn()

        i, v, _ = rt.select(rt.recv(ctx.Done()), rt.recv(ch))
        if i == 0:
            # The caller gave up; the lookup goes on for anyone sharing it.
            if self.lookupGroup.ForgetUnshared(lookupKey):
                lookupGroupCancel()
                rt.go(dnsWaitGroupDone, ch, lambda: None)
            else:
                rt.go(dnsWaitGroupDone, ch, lookupGroupCancel)
            cerr = ctx.Err()
            assert cerr is not None
            return None, newDNSError(mapErr(cerr), host, "")
        lookupGroupCancel()
        res: singleflightResult = v
        err = res.Err
        if err is not None and not isinstance(err, DNSError):
            err = newDNSError(mapErr(err), host, "")
        return lookupIPReturn(res.Val, err, res.Shared)

    def lookupHost(self, ctx: context.Context, host: str) -> tuple[list[str] | None, error | None]:
        """net/lookup_unix.go: Resolver.lookupHost (+ goLookupHostOrder)."""
        order = hostLookupOrder(self, host)
        if order == hostLookupCgo:
            return cgoLookupHost(ctx, host)
        # dnsclient_unix.go: goLookupHostOrder. The hosts file's text, unsorted.
        addrs, _ = lookupStaticHost(host)
        if addrs:
            return addrs, None
        ips, err = _goLookupIPOrder(ctx, "ip", host, order)
        if err is not None:
            return None, err
        return [ip.String() for ip in ips or ()], None

    def lookupIP(
        self, ctx: context.Context, network: str, host: str
    ) -> tuple[list[IPAddr] | None, error | None]:
        """net/lookup_unix.go: Resolver.lookupIP."""
        order = hostLookupOrder(self, host)
        if order == hostLookupCgo:
            return cgoLookupIP(ctx, network, host)
        return _goLookupIPOrder(ctx, network, host, order)

    def lookupPort(
        self, ctx: context.Context, network: str, service: str
    ) -> tuple[int, error | None]:
        """net/lookup_unix.go: Resolver.lookupPort. The C library first, then Go's table."""
        if not self.preferGo():
            port, err = cgoLookupPort(ctx, network, service)
            if err is not None:
                p2, err2 = goLookupPort(network, service)
                if err2 is None:
                    return p2, None
            return port, err
        return goLookupPort(network, service)

    def lookupAddr(self, ctx: context.Context, addr: str) -> tuple[list[str] | None, error | None]:
        """net/lookup_unix.go: Resolver.lookupAddr. Hosts file, then getnameinfo.

        The order is goLookupPTR's (dnsclient_unix.go) under "files dns":
        /etc/hosts, then ``reverseaddr``'s check of the literal, then the
        query, which getnameinfo answers here (the module doc says why).
        """
        names = lookupStaticAddr(addr)
        if names:
            return names, None
        _, err = reverseaddr(addr)
        if err is not None:
            return None, err
        return cgoLookupPTR(ctx, addr)


errMalformedDNSRecordsDetail: Final = "DNS response contained records which contain invalid names"
"""net/lookup.go: errMalformedDNSRecordsDetail."""


def lookupIPReturn(
    addrsi: Any, err: error | None, shared: bool
) -> tuple[list[IPAddr] | None, error | None]:
    """net/lookup.go: lookupIPReturn. A shared result is copied for each caller."""
    if err is not None:
        return None, err
    addrs: list[IPAddr] = list(addrsi or ())
    return addrs, None


def _needStr(who: str, *args: object) -> None:
    for v in args:
        if not isinstance(v, str):
            raise TypeError(f"{who} needs str arguments, not {type(v).__name__}")


DefaultResolver: Final = Resolver()
"""net.DefaultResolver: the resolver the package-level functions and Dial use."""


def LookupHost(host: str) -> tuple[list[str] | None, error | None]:
    """net.LookupHost: the host's addresses as text (DefaultResolver, no deadline)."""
    return DefaultResolver.LookupHost(context.Background(), host)


def LookupIP(host: str) -> tuple[list[IP] | None, error | None]:
    """net.LookupIP: the host's IPv4 and IPv6 addresses."""
    _needStr("net.LookupIP", host)
    addrs, err = DefaultResolver.LookupIPAddr(context.Background(), host)
    if err is not None:
        return None, err
    return [a.IP for a in addrs or () if a.IP is not None], None


def LookupPort(network: str, service: str) -> tuple[int, error | None]:
    """net.LookupPort: the port for the network and service."""
    return DefaultResolver.LookupPort(context.Background(), network, service)


def LookupAddr(addr: str) -> tuple[list[str] | None, error | None]:
    """net.LookupAddr: names for an address (reverse lookup)."""
    return DefaultResolver.LookupAddr(context.Background(), addr)
