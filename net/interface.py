"""net/interface.go + net/interface_linux.go (go1.27.0): the host's network interfaces.

What a caller gets:

* ``Interfaces()`` lists every interface the kernel knows, as ``Interface``
  values (index, MTU, name, hardware address, flags);
  ``InterfaceByIndex(i)`` and ``InterfaceByName(s)`` pick one.
* ``Interface.Addrs()`` gives an interface's unicast addresses and
  ``InterfaceAddrs()`` those of all interfaces together, each an ``IPNet``
  whose IP is in 16-byte form and whose mask is the prefix length (4 bytes
  for IPv4, 16 for IPv6). ``Interface.MulticastAddrs()`` gives the groups
  the interface has joined, as ``IPAddr`` values.
* Every failure is an ``OpError`` with Op "route" and Net "ip+net", so its
  text reads "route ip+net: no such network interface". Below it sits one of
  this module's five sentinels, or an ``os.SyscallError`` naming the step
  that failed ("netlinkrib", "parsenetlinkmessage", "parsenetlinkrouteattr")
  around the errno.

Where the facts come from. Links and addresses are read the way Go reads
them on Linux: one netlink route socket per call, asking the kernel for a
dump of its link table (RTM_GETLINK) or address table (RTM_GETADDR); the
socket work and the message parsing are ``rt.sys_linux.NetlinkRIB``,
``ParseNetlinkMessage`` and ``ParseNetlinkRouteAttr`` (Go's syscall
package). Nothing is cached: each call sees the table as it is now, so an
interface that appears or goes away between two calls shows in the second.
The kernel's IFF_* bits become ``Flags`` through ``linkFlags``; a tunnel's
IFLA_ADDRESS, which holds the tunnel's IPv4 or IPv6 endpoint rather than a
link-layer address, and an all-zero address (the loopback's) leave
``HardwareAddr`` None. For a point-to-point address the kernel sends both
ends; the local one (IFA_LOCAL) is reported, never the peer. Multicast
memberships are not in those dumps, so ``MulticastAddrs`` parses the
kernel's text tables /proc/net/igmp and /proc/net/igmp6; a file that cannot
be read contributes nothing, and is not an error, as in Go.

The netlink calls are plain blocking system calls on the calling thread,
as Go makes them: the kernel answers a dump while the call is in progress,
so nothing waits on the network and the netpoller is not involved.

Not here, and why: ``ipv6ZoneCache`` and ``zoneCache`` (interface.go), the
zone-name cache the socket code consults, are in net/ipsock.py, which
needed them before this module existed; ``Interfaces`` and
``InterfaceByName`` hand it the table they read, as Go's do.
``HardwareAddr`` and ``ParseMAC`` are in net/mac.py (mac.go). Go declares
the ``Interface`` struct before its ``Flags`` type; here ``Flags`` comes
first because the dataclass needs it for its default.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Final

from net.ip import IP, CIDRMask, IPNet, IPv4, IPv4len, IPv6len
from net.ipsock import IPAddr, zoneCache
from net.lookup import _readLines, splitAtBytes
from net.mac import HardwareAddr, xtoi2
from net.net import Addr, OpError
from rt import sys_linux
from rt.sys_linux import (
    AF_INET,
    AF_INET6,
    AF_UNSPEC,
    IFA_ADDRESS,
    IFA_LOCAL,
    IFF_BROADCAST,
    IFF_LOOPBACK,
    IFF_MULTICAST,
    IFF_POINTOPOINT,
    IFF_RUNNING,
    IFF_UP,
    IFLA_ADDRESS,
    IFLA_IFNAME,
    IFLA_MTU,
    NLMSG_DONE,
    RTM_GETADDR,
    RTM_GETLINK,
    RTM_NEWADDR,
    RTM_NEWLINK,
    IfAddrmsg,
    IfInfomsg,
    NetlinkMessage,
    NetlinkRouteAttr,
)
from std import errors, os
from std.errors import error

__all__ = [
    "FlagBroadcast",
    "FlagLoopback",
    "FlagMulticast",
    "FlagPointToPoint",
    "FlagRunning",
    "FlagUp",
    "Flags",
    "Interface",
    "InterfaceAddrs",
    "InterfaceByIndex",
    "InterfaceByName",
    "Interfaces",
]

errInvalidInterface: Final[error] = errors.New("invalid network interface")
"""net/interface.go: errInvalidInterface. A method was called on no interface (None)."""
errInvalidInterfaceIndex: Final[error] = errors.New("invalid network interface index")
"""net/interface.go: errInvalidInterfaceIndex. InterfaceByIndex got an index below 1."""
errInvalidInterfaceName: Final[error] = errors.New("invalid network interface name")
"""net/interface.go: errInvalidInterfaceName. InterfaceByName got the empty name."""
errNoSuchInterface: Final[error] = errors.New("no such network interface")
"""net/interface.go: errNoSuchInterface. No interface has that index or name."""
errNoSuchMulticastInterface: Final[error] = errors.New("no such multicast network interface")
"""net/interface.go: errNoSuchMulticastInterface. For the multicast socket options."""


def _routeError(err: error) -> OpError:
    # Every error this module returns is wrapped the same way.
    return OpError(Op="route", Net="ip+net", Source=None, Addr=None, Err=err)


class Flags(int):
    """net.Flags: what an interface can do and whether it is up (a bit set).

    Test bits as in Go: ``ifi.Flags & FlagUp != 0``. ``|``, ``&`` and ``^``
    between Flags (or with an int) give Flags; ``String()`` names the bits.
    """

    __slots__ = ()

    def String(self) -> str:
        """net/interface.go: Flags.String. Set bits by name, joined by "|"; "0" for none.

        Names in bit order: "up", "broadcast", "loopback", "pointtopoint",
        "multicast", "running"; bits above those are not printed.
        """
        s = "|".join(name for i, name in enumerate(flagNames) if self & (1 << i))
        return s or "0"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"net.Flags({self.String()})"

    def __or__(self, other: int) -> Flags:
        return Flags(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other: int) -> Flags:
        return Flags(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other: int) -> Flags:
        return Flags(int(self) ^ int(other))

    __rxor__ = __xor__


FlagUp: Final = Flags(1 << 0)
"""net.FlagUp: the interface is administratively up."""
FlagBroadcast: Final = Flags(1 << 1)
"""net.FlagBroadcast: the interface supports broadcast."""
FlagLoopback: Final = Flags(1 << 2)
"""net.FlagLoopback: the interface is a loopback interface."""
FlagPointToPoint: Final = Flags(1 << 3)
"""net.FlagPointToPoint: the interface is one end of a point-to-point link."""
FlagMulticast: Final = Flags(1 << 4)
"""net.FlagMulticast: the interface supports multicast."""
FlagRunning: Final = Flags(1 << 5)
"""net.FlagRunning: the interface is operational (the kernel's IFF_RUNNING)."""

flagNames: Final = ("up", "broadcast", "loopback", "pointtopoint", "multicast", "running")
"""net/interface.go: flagNames. Flags.String's names, by bit number."""

# The dataclass below has fields named like these types.
_Flags = Flags
_HardwareAddr = HardwareAddr


@dataclass
class Interface:
    """net.Interface: one network interface, as the kernel described it when asked.

    Fields, with Go's names: ``Index`` (1 and up; 0 is never an interface),
    ``MTU``, ``Name`` ("lo", "eth0", "eth0.100"), ``HardwareAddr`` (None
    when the interface has none to report) and ``Flags``. A snapshot: the
    values do not follow later changes. Compares by value, as
    reflect.DeepEqual does; like Go's struct, it is not hashable.
    """

    Index: int = 0
    MTU: int = 0
    Name: str = ""
    HardwareAddr: _HardwareAddr | None = None
    Flags: _Flags = _Flags(0)

    def Addrs(self) -> tuple[list[Addr] | None, error | None]:
        """net/interface.go: Interface.Addrs. The interface's unicast addresses.

        Returns ``(addrs, None)`` with ``IPNet`` values (possibly none), or
        ``(None, OpError)``. ``Interface.Addrs(None)`` is Go's call on a nil
        ``*Interface`` and gives errInvalidInterface.
        """
        if self is None:
            return None, _routeError(errInvalidInterface)
        ifat, err = interfaceAddrTable(self)
        if err is not None:
            return None, _routeError(err)
        return ifat, None

    def MulticastAddrs(self) -> tuple[list[Addr] | None, error | None]:
        """net/interface.go: Interface.MulticastAddrs. Groups the interface has joined.

        Returns ``(addrs, None)`` with ``IPAddr`` values, IPv4 groups first;
        ``Interface.MulticastAddrs(None)`` gives errInvalidInterface.
        """
        if self is None:
            return None, _routeError(errInvalidInterface)
        ifat, err = interfaceMulticastAddrTable(self)
        if err is not None:
            return None, _routeError(err)
        return ifat, None


def Interfaces() -> tuple[list[Interface] | None, error | None]:
    """net/interface.go: Interfaces. Every network interface, in the order the kernel lists them.

    Returns ``(interfaces, None)`` or ``(None, OpError)``. Also refreshes
    the IPv6 zone cache with the table it read, if the cache is more than a
    minute old.
    """
    ift, err = interfaceTable(0)
    if err is not None:
        return None, _routeError(err)
    if ift:
        zoneCache.update(ift, False)
    return ift, None


def InterfaceAddrs() -> tuple[list[Addr] | None, error | None]:
    """net/interface.go: InterfaceAddrs. The unicast addresses of all interfaces.

    Returns ``(addrs, None)`` with ``IPNet`` values, or ``(None,
    OpError)``. The list does not say which interface holds which address;
    use Interfaces and ``Interface.Addrs`` for that.
    """
    ifat, err = interfaceAddrTable(None)
    if err is not None:
        return None, _routeError(err)
    return ifat, None


def InterfaceByIndex(index: int) -> tuple[Interface | None, error | None]:
    """net/interface.go: InterfaceByIndex. The interface with this index.

    Returns ``(ifi, None)``, or ``(None, OpError)`` wrapping
    errInvalidInterfaceIndex (index below 1), errNoSuchInterface, or the
    error of the netlink dump.
    """
    if index <= 0:
        return None, _routeError(errInvalidInterfaceIndex)
    ift, err = interfaceTable(index)
    if err is not None:
        return None, _routeError(err)
    ifi, err = interfaceByIndex(ift, index)
    if err is not None:
        return None, _routeError(err)
    return ifi, None


def interfaceByIndex(ift: list[Interface], index: int) -> tuple[Interface | None, error | None]:
    """net/interface.go: interfaceByIndex. The entry of ift with index, or errNoSuchInterface."""
    for ifi in ift:
        if index == ifi.Index:
            return ifi, None
    return None, errNoSuchInterface


def InterfaceByName(name: str) -> tuple[Interface | None, error | None]:
    """net/interface.go: InterfaceByName. The interface with this name ("lo", "eth0").

    Returns ``(ifi, None)``, or ``(None, OpError)`` wrapping
    errInvalidInterfaceName (the empty name), errNoSuchInterface, or the
    error of the netlink dump. Refreshes the zone cache as Interfaces does.
    """
    if name == "":
        return None, _routeError(errInvalidInterfaceName)
    ift, err = interfaceTable(0)
    if err is not None:
        return None, _routeError(err)
    if ift:
        zoneCache.update(ift, False)
    for ifi in ift:
        if name == ifi.Name:
            return ifi, None
    return None, _routeError(errNoSuchInterface)


# ---------------------------------------------------------------------------
# interface_linux.go


def interfaceTable(ifindex: int) -> tuple[list[Interface], error | None]:
    """net/interface_linux.go: interfaceTable. All interfaces (ifindex 0), or the one with ifindex.

    One RTM_GETLINK dump; for a given index the result has that interface
    alone, or is empty. Errors are os.SyscallError values naming the step,
    with an empty list (Go's nil).
    """
    tab, errno = sys_linux.NetlinkRIB(RTM_GETLINK, AF_UNSPEC)
    if errno:
        return [], os.NewSyscallError("netlinkrib", errno)
    msgs, errno = sys_linux.ParseNetlinkMessage(tab)
    if errno:
        return [], os.NewSyscallError("parsenetlinkmessage", errno)
    ift: list[Interface] = []
    for m in msgs:
        if m.Header.Type == NLMSG_DONE:
            break
        if m.Header.Type != RTM_NEWLINK:
            continue
        ifim = IfInfomsg.from_buffer_copy(m.Data)
        if ifindex == 0 or ifindex == ifim.Index:
            attrs, errno = sys_linux.ParseNetlinkRouteAttr(m)
            if errno:
                return [], os.NewSyscallError("parsenetlinkrouteattr", errno)
            ift.append(newLink(ifim, attrs))
            if ifindex == ifim.Index:
                break
    return ift, None


# ARPHRD_* hardware types (linux/if_arp.h) of the IP-in-IP and GRE tunnels,
# whose IFLA_ADDRESS is an IP endpoint rather than a link-layer address.
# Linux has no IPv4-over-IPv6 tunnel type, hence no such constant.
sysARPHardwareIPv4IPv4: Final = 768
"""net/interface_linux.go: sysARPHardwareIPv4IPv4 (ARPHRD_TUNNEL)."""
sysARPHardwareIPv6IPv6: Final = 769
"""net/interface_linux.go: sysARPHardwareIPv6IPv6 (ARPHRD_TUNNEL6)."""
sysARPHardwareIPv6IPv4: Final = 776
"""net/interface_linux.go: sysARPHardwareIPv6IPv4 (ARPHRD_SIT)."""
sysARPHardwareGREIPv4: Final = 778
"""net/interface_linux.go: sysARPHardwareGREIPv4 (ARPHRD_IPGRE)."""
sysARPHardwareGREIPv6: Final = 823
"""net/interface_linux.go: sysARPHardwareGREIPv6 (ARPHRD_IP6GRE)."""

_tunnelsWithIPv4Endpoint: Final = (
    sysARPHardwareIPv4IPv4,
    sysARPHardwareGREIPv4,
    sysARPHardwareIPv6IPv4,
)
_tunnelsWithIPv6Endpoint: Final = (sysARPHardwareIPv6IPv6, sysARPHardwareGREIPv6)


def newLink(ifim: IfInfomsg, attrs: list[NetlinkRouteAttr]) -> Interface:
    """net/interface_linux.go: newLink. An Interface from one RTM_NEWLINK message.

    The name, MTU and hardware address come from the attributes; a
    tunnel's IP endpoint and an all-zero address are not hardware addresses
    and leave the field None.
    """
    ifi = Interface(Index=int(ifim.Index), Flags=linkFlags(int(ifim.Flags)))
    for a in attrs:
        v = a.Value
        if a.Attr.Type == IFLA_ADDRESS:
            if len(v) == IPv4len and ifim.Type in _tunnelsWithIPv4Endpoint:
                continue
            if len(v) == IPv6len and ifim.Type in _tunnelsWithIPv6Endpoint:
                continue
            if any(v):
                ifi.HardwareAddr = HardwareAddr(v)
        elif a.Attr.Type == IFLA_IFNAME:
            # The kernel sends the name NUL-terminated.
            ifi.Name = v[:-1].decode("utf-8", "surrogateescape")
        elif a.Attr.Type == IFLA_MTU:
            ifi.MTU = int.from_bytes(v[:4], sys.byteorder)
    return ifi


def linkFlags(rawFlags: int) -> Flags:
    """net/interface_linux.go: linkFlags. The kernel's IFF_* bits as Flags.

    IFF_UP, IFF_RUNNING, IFF_BROADCAST, IFF_LOOPBACK, IFF_POINTOPOINT and
    IFF_MULTICAST map to their Flag; the other IFF_* bits are dropped.
    """
    f = 0
    if rawFlags & IFF_UP:
        f |= FlagUp
    if rawFlags & IFF_RUNNING:
        f |= FlagRunning
    if rawFlags & IFF_BROADCAST:
        f |= FlagBroadcast
    if rawFlags & IFF_LOOPBACK:
        f |= FlagLoopback
    if rawFlags & IFF_POINTOPOINT:
        f |= FlagPointToPoint
    if rawFlags & IFF_MULTICAST:
        f |= FlagMulticast
    return Flags(f)


def interfaceAddrTable(ifi: Interface | None) -> tuple[list[Addr], error | None]:
    """net/interface_linux.go: interfaceAddrTable. Unicast addresses of ifi, or of all (None).

    One RTM_GETADDR dump; errors are os.SyscallError values naming the
    step, with an empty list (Go's nil).
    """
    tab, errno = sys_linux.NetlinkRIB(RTM_GETADDR, AF_UNSPEC)
    if errno:
        return [], os.NewSyscallError("netlinkrib", errno)
    msgs, errno = sys_linux.ParseNetlinkMessage(tab)
    if errno:
        return [], os.NewSyscallError("parsenetlinkmessage", errno)
    return addrTable(ifi, msgs)


def addrTable(
    ifi: Interface | None, msgs: list[NetlinkMessage]
) -> tuple[list[Addr], error | None]:
    """net/interface_linux.go: addrTable. IPNets of the RTM_NEWADDR messages for ifi (None: all)."""
    ifat: list[Addr] = []
    for m in msgs:
        if m.Header.Type == NLMSG_DONE:
            break
        if m.Header.Type != RTM_NEWADDR:
            continue
        ifam = IfAddrmsg.from_buffer_copy(m.Data)
        if ifi is None or ifi.Index == ifam.Index:
            attrs, errno = sys_linux.ParseNetlinkRouteAttr(m)
            if errno:
                return [], os.NewSyscallError("parsenetlinkrouteattr", errno)
            ifa = newAddr(ifam, attrs)
            if ifa is not None:
                ifat.append(ifa)
    return ifat, None


def newAddr(ifam: IfAddrmsg, attrs: list[NetlinkRouteAttr]) -> IPNet | None:
    """net/interface_linux.go: newAddr. The IPNet of one RTM_NEWADDR message; None if none fits.

    The first attribute decides, except that IFA_ADDRESS is passed over
    when IFA_LOCAL is present: on a point-to-point link IFA_ADDRESS is the
    peer's address and IFA_LOCAL ours (elsewhere the kernel sends only
    IFA_ADDRESS, or both equal). The mask is the message's prefix length.
    """
    # Numbered point-to-point addressing (two addresses) is told from the
    # ordinary kind by the presence of IFA_LOCAL.
    ipPointToPoint = any(a.Attr.Type == IFA_LOCAL for a in attrs)
    for a in attrs:
        if ipPointToPoint and a.Attr.Type == IFA_ADDRESS:
            continue
        v = a.Value
        if ifam.Family == AF_INET:
            return IPNet(
                IP=IPv4(v[0], v[1], v[2], v[3]),
                Mask=CIDRMask(ifam.Prefixlen, 8 * IPv4len),
            )
        if ifam.Family == AF_INET6:
            return IPNet(
                IP=IP(v[:IPv6len].ljust(IPv6len, b"\x00")),
                Mask=CIDRMask(ifam.Prefixlen, 8 * IPv6len),
            )
    return None


def interfaceMulticastAddrTable(ifi: Interface | None) -> tuple[list[Addr], error | None]:
    """net/interface_linux.go: interfaceMulticastAddrTable. Joined groups of ifi (None: all).

    IPv4 groups from /proc/net/igmp, then IPv6 groups from /proc/net/igmp6.
    Never fails: an unreadable table contributes nothing.
    """
    ifmat4 = parseProcNetIGMP("/proc/net/igmp", ifi)
    ifmat6 = parseProcNetIGMP6("/proc/net/igmp6", ifi)
    return ifmat4 + ifmat6, None


def parseProcNetIGMP(path: str, ifi: Interface | None) -> list[Addr]:
    """net/interface_linux.go: parseProcNetIGMP. IPv4 groups from a /proc/net/igmp-format file.

    The file has a header line, then for each interface a line starting
    with its index and name, followed by indented lines whose first field
    is a joined group: eight hex digits, the address as the kernel's
    native-endian 32-bit word (so "010000E0" is 224.0.0.1 on a
    little-endian machine). Groups of ``ifi`` (all when None) are returned
    as IPAddr values; an unreadable file gives none.
    """
    lines = _readLines(path)
    if lines is None:
        return []
    ifmat: list[Addr] = []
    name = ""
    b = bytearray(IPv4len)
    for l in lines[1:]:  # past the column titles
        f = splitAtBytes(l, " :\r\t\n")
        if len(f) < 4:
            continue
        if l[0] != " " and l[0] != "\t":  # "<index> <name> : <count> ..." starts an interface
            name = f[1]
        elif len(f[0]) == 8:
            if ifi is None or name == ifi.Name:
                for i in range(0, len(f[0]) - 1, 2):
                    b[i // 2], _ = xtoi2(f[0][i : i + 2], "\x00")
                w = int.from_bytes(b, sys.byteorder)
                ip = IPv4((w >> 24) & 0xFF, (w >> 16) & 0xFF, (w >> 8) & 0xFF, w & 0xFF)
                ifmat.append(IPAddr(IP=ip))
    return ifmat


def parseProcNetIGMP6(path: str, ifi: Interface | None) -> list[Addr]:
    """net/interface_linux.go: parseProcNetIGMP6. IPv6 groups from a /proc/net/igmp6-format file.

    Each line is "<index> <name> <group as 32 hex digits> <users> <flags>
    <timer>"; lines with fewer than six fields are skipped. Groups of
    ``ifi`` (all when None) are returned as IPAddr values; an unreadable
    file gives none.

    Differs from Go: a group field longer than 32 digits is read only up
    to its 32nd digit, where Go would index past its 16-byte buffer and
    panic. As in Go, a shorter field leaves the previous line's trailing
    bytes in place (the kernel always prints 32 digits).
    """
    lines = _readLines(path)
    if lines is None:
        return []
    ifmat: list[Addr] = []
    b = bytearray(IPv6len)
    for l in lines:
        f = splitAtBytes(l, " \r\t\n")
        if len(f) < 6:
            continue
        if ifi is None or f[1] == ifi.Name:
            for i in range(0, min(len(f[2]), 2 * IPv6len) - 1, 2):
                b[i // 2], _ = xtoi2(f[2][i : i + 2], "\x00")
            ifmat.append(IPAddr(IP=IP(b)))
    return ifmat
