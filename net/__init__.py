"""net (go1.27.0): Go's net package over the netpoller.

``import net`` gives Go's exported names (API.md). Module map, one module
per Go file (GO_MAP.md part C): net.py (interfaces, errors, Buffers; the
shared ``conn``), ip.py (IP, IPMask, IPNet), ipsock.py (host:port syntax,
address lists, the IP stack probe, IPAddr), lookup.py (Resolver,
/etc/hosts, /etc/services, getaddrinfo), tcpsock.py (TCPAddr, TCPConn,
TCPListener), udpsock.py (UDPAddr, UDPConn), unixsock.py (UnixAddr,
UnixConn, UnixListener), iprawsock.py (IPConn), dial.py (Dialer,
ListenConfig, Dial, Listen, ListenPacket), pipe.py (Pipe), file.py
(FileConn, FileListener, FilePacketConn; file_posix.py, file_unix.py),
interface.py (Interface, Interfaces, InterfaceByName...), mac.py
(HardwareAddr, ParseMAC), netip.py (the net/netip
package, as ``from net import netip``); and the socket layer under them:
fd_posix.py and fd_unix.py (netFD), sock_posix.py, ipsock_posix.py,
tcpsock_posix.py, udpsock_posix.py, unixsock_posix.py,
iprawsock_posix.py, sockopt_posix.py, sockoptip4_linux.py,
sockoptip6_posix.py, tcpsockopt.py, rawconn.py, hook.py.

To add names: import them below (one ``from net.X import ...`` block per
module, alphabetical by module) and add them to ``__all__``, which is kept
in sorted order (``sorted(__all__) == __all__`` is tested).
"""

from net.dial import (
    Dial,
    Dialer,
    DialTimeout,
    KeepAliveConfig,
    Listen,
    ListenConfig,
    ListenPacket,
)
from net.file import FileConn, FileListener, FilePacketConn
from net.interface import (
    FlagBroadcast,
    FlagLoopback,
    FlagMulticast,
    FlagPointToPoint,
    FlagRunning,
    Flags,
    FlagUp,
    Interface,
    InterfaceAddrs,
    InterfaceByIndex,
    InterfaceByName,
    Interfaces,
)
from net.ip import (
    IP,
    CIDRMask,
    IPMask,
    IPNet,
    IPv4,
    IPv4allrouter,
    IPv4allsys,
    IPv4bcast,
    IPv4len,
    IPv4Mask,
    IPv4zero,
    IPv6interfacelocalallnodes,
    IPv6len,
    IPv6linklocalallnodes,
    IPv6linklocalallrouters,
    IPv6loopback,
    IPv6unspecified,
    IPv6zero,
    ParseCIDR,
    ParseIP,
)
from net.iprawsock import DialIP, IPConn, ListenIP, ResolveIPAddr
from net.ipsock import IPAddr, JoinHostPort, SplitHostPort
from net.lookup import (
    DefaultResolver,
    LookupAddr,
    LookupHost,
    LookupIP,
    LookupPort,
    Resolver,
)
from net.mac import HardwareAddr, ParseMAC
from net.net import (
    Addr,
    AddrError,
    Buffers,
    Conn,
    DNSConfigError,
    DNSError,
    ErrClosed,
    Error,
    ErrWriteToConnected,
    InvalidAddrError,
    Listener,
    OpError,
    PacketConn,
    ParseError,
    UnknownNetworkError,
)
from net.pipe import Pipe
from net.tcpsock import (
    DialTCP,
    ListenTCP,
    ResolveTCPAddr,
    TCPAddr,
    TCPAddrFromAddrPort,
    TCPConn,
    TCPListener,
)
from net.udpsock import (
    DialUDP,
    ListenMulticastUDP,
    ListenUDP,
    ResolveUDPAddr,
    UDPAddr,
    UDPAddrFromAddrPort,
    UDPConn,
)
from net.unixsock import (
    DialUnix,
    ListenUnix,
    ListenUnixgram,
    ResolveUnixAddr,
    UnixAddr,
    UnixConn,
    UnixListener,
)
from rt._version import __version__ as __version__

__all__ = [
    "Addr",
    "AddrError",
    "Buffers",
    "CIDRMask",
    "Conn",
    "DNSConfigError",
    "DNSError",
    "DefaultResolver",
    "Dial",
    "DialIP",
    "DialTCP",
    "DialTimeout",
    "DialUDP",
    "DialUnix",
    "Dialer",
    "ErrClosed",
    "ErrWriteToConnected",
    "Error",
    "FileConn",
    "FileListener",
    "FilePacketConn",
    "FlagBroadcast",
    "FlagLoopback",
    "FlagMulticast",
    "FlagPointToPoint",
    "FlagRunning",
    "FlagUp",
    "Flags",
    "HardwareAddr",
    "IP",
    "IPAddr",
    "IPConn",
    "IPMask",
    "IPNet",
    "IPv4",
    "IPv4Mask",
    "IPv4allrouter",
    "IPv4allsys",
    "IPv4bcast",
    "IPv4len",
    "IPv4zero",
    "IPv6interfacelocalallnodes",
    "IPv6len",
    "IPv6linklocalallnodes",
    "IPv6linklocalallrouters",
    "IPv6loopback",
    "IPv6unspecified",
    "IPv6zero",
    "Interface",
    "InterfaceAddrs",
    "InterfaceByIndex",
    "InterfaceByName",
    "Interfaces",
    "InvalidAddrError",
    "JoinHostPort",
    "KeepAliveConfig",
    "Listen",
    "ListenConfig",
    "ListenIP",
    "ListenMulticastUDP",
    "ListenPacket",
    "ListenTCP",
    "ListenUDP",
    "ListenUnix",
    "ListenUnixgram",
    "Listener",
    "LookupAddr",
    "LookupHost",
    "LookupIP",
    "LookupPort",
    "OpError",
    "PacketConn",
    "ParseCIDR",
    "ParseError",
    "ParseIP",
    "ParseMAC",
    "Pipe",
    "ResolveIPAddr",
    "ResolveTCPAddr",
    "ResolveUDPAddr",
    "ResolveUnixAddr",
    "Resolver",
    "SplitHostPort",
    "TCPAddr",
    "TCPAddrFromAddrPort",
    "TCPConn",
    "TCPListener",
    "UDPAddr",
    "UDPAddrFromAddrPort",
    "UDPConn",
    "UnixAddr",
    "UnixConn",
    "UnixListener",
    "UnknownNetworkError",
]

# The socket layer (and internal/poll under it) loads with the package rather
# than at the first Listen or Dial: an import inside a goroutine holds the
# only P for tens of milliseconds with no safe point (rt/proc.py, rule 5),
# and it opens the module's file, which fails in a process out of fds
# (EMFILE), where Go's code is already in memory. So every module a
# function of net imports is loaded here (tests/net/test_imports.py).
from net import fd_unix as _fd_unix  # noqa: E402, F401
from net import file_posix as _file_posix  # noqa: E402, F401
from net import iprawsock_posix as _iprawsock_posix  # noqa: E402, F401
from net import rawconn as _rawconn  # noqa: E402, F401
from net import sock_posix as _sock_posix  # noqa: E402, F401
from net import tcpsock_posix as _tcpsock_posix  # noqa: E402, F401
from net import tcpsockopt as _tcpsockopt  # noqa: E402, F401
from net import udpsock_posix as _udpsock_posix  # noqa: E402, F401
from net import unixsock_posix as _unixsock_posix  # noqa: E402, F401
