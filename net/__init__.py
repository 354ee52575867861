"""net (go1.27.0): Go's net package over the netpoller.

``import net`` gives Go's exported names (API.md). Module map, one module
per Go file (GO_MAP.md part C): net.py (interfaces, errors, Buffers; the
shared ``conn``), ip.py (IP, IPMask, IPNet), ipsock.py (host:port syntax,
address lists, the IP stack probe, IPAddr), lookup.py (Resolver,
/etc/hosts, /etc/services, getaddrinfo), tcpsock.py (TCPAddr, TCPConn,
TCPListener), dial.py (Dialer, ListenConfig, Dial, Listen); the address
halves of udpsock.py (UDPAddr), iprawsock.py (ResolveIPAddr) and
unixsock.py (UnixAddr), whose connection types are not ported yet; and the
socket layer under them: fd_posix.py and fd_unix.py (netFD),
sock_posix.py, ipsock_posix.py, tcpsock_posix.py, sockopt_posix.py,
tcpsockopt.py, rawconn.py, hook.py.

To add names: import them below (one ``from net.X import ...`` block per
module, alphabetical by module) and add them to ``__all__``, which is kept
in sorted order (``sorted(__all__) == __all__`` is tested).
"""

from net.dial import Dial, Dialer, DialTimeout, KeepAliveConfig, Listen, ListenConfig
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
from net.iprawsock import ResolveIPAddr
from net.ipsock import IPAddr, JoinHostPort, SplitHostPort
from net.lookup import (
    DefaultResolver,
    LookupAddr,
    LookupHost,
    LookupIP,
    LookupPort,
    Resolver,
)
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
from net.tcpsock import (
    DialTCP,
    ListenTCP,
    ResolveTCPAddr,
    TCPAddr,
    TCPConn,
    TCPListener,
)
from net.udpsock import ResolveUDPAddr, UDPAddr
from net.unixsock import ResolveUnixAddr, UnixAddr

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
    "DialTCP",
    "DialTimeout",
    "Dialer",
    "ErrClosed",
    "ErrWriteToConnected",
    "Error",
    "IP",
    "IPAddr",
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
    "InvalidAddrError",
    "JoinHostPort",
    "KeepAliveConfig",
    "Listen",
    "ListenConfig",
    "ListenTCP",
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
    "ResolveIPAddr",
    "ResolveTCPAddr",
    "ResolveUDPAddr",
    "ResolveUnixAddr",
    "Resolver",
    "SplitHostPort",
    "TCPAddr",
    "TCPConn",
    "TCPListener",
    "UDPAddr",
    "UnixAddr",
    "UnknownNetworkError",
]

# The socket layer (and internal/poll under it) loads with the package rather
# than at the first Listen or Dial: an import inside a goroutine holds the
# only P for tens of milliseconds with no safe point (rt/proc.py, rule 5).
from net import fd_unix as _fd_unix  # noqa: E402, F401
from net import sock_posix as _sock_posix  # noqa: E402, F401
from net import tcpsock_posix as _tcpsock_posix  # noqa: E402, F401
from net import tcpsockopt as _tcpsockopt  # noqa: E402, F401
