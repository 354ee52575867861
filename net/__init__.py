"""net (go1.27.0): Go's net package over the netpoller.

``import net`` gives Go's exported names (API.md). Module map, one module
per Go file (GO_MAP.md part C): net.py (interfaces, errors, Buffers; the
shared ``conn``), ip.py (IP, IPMask, IPNet), ipsock.py (host:port syntax,
address lists, the IP stack probe), lookup.py (Resolver, /etc/hosts,
/etc/services, getaddrinfo), tcpsock.py (TCPAddr; TCPConn and TCPListener
to come). The netpoller-backed connection types arrive with
net/fd_unix.py and friends.

To add names: import them below (one ``from net.X import ...`` block per
module, alphabetical by module) and add them to ``__all__``, which is kept
in sorted order (``sorted(__all__) == __all__`` is tested).
"""

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
from net.tcpsock import ResolveTCPAddr, TCPAddr

__all__ = [
    "Addr",
    "AddrError",
    "Buffers",
    "CIDRMask",
    "Conn",
    "DNSConfigError",
    "DNSError",
    "DefaultResolver",
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
    "ResolveTCPAddr",
    "Resolver",
    "SplitHostPort",
    "TCPAddr",
    "UnknownNetworkError",
]
