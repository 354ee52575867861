"""net/platform_test.go + platform_unix_test.go (go1.27.0), ported: what this machine can test.

(Named testable.py: a module named platform here would shadow the standard
library's for tools that put tests/net on the path, such as mypy.)

``testableNetwork`` is Go's, for Linux: the raw IP networks ("ip",
"ip4:icmp", ...) need root (Go checks ``os.Getuid() == 0``, as here), the
Unix ones are always there, and the "4" and "6" networks need a working
loopback of their family. ``testableAddress`` is Go's too (abstract Unix
names are a Linux-ism, so every address is testable here), and so is
``testableListenArgs`` but for one choice: Go refuses wildcard listen
addresses without external connectivity (``testenv.HasExternalNetwork``);
a wildcard listen needs none, and every client here dials loopback, so
they are tested.
"""

from __future__ import annotations

import os as _pyos
from typing import Any

import net
from net.ipsock import supportsIPv4, supportsIPv4map, supportsIPv6


def supportsUnixSocket() -> bool:
    """platform_unix_test.go: supportsUnixSocket. Always, on Linux."""
    return True


def testableNetwork(network: str) -> bool:
    """platform_test.go: testableNetwork. Whether network is testable on this machine."""
    net, _, _ = network.partition(":")
    if net in ("ip", "ip4", "ip6"):
        if _pyos.getuid() != 0:
            return False
    elif net in ("unixgram", "unix"):
        return supportsUnixSocket()
    if net in ("tcp4", "udp4", "ip4"):
        if not supportsIPv4():
            return False
    elif net in ("tcp6", "udp6", "ip6"):
        if not supportsIPv6():
            return False
    return True


def testableAddress(network: str, address: str) -> bool:
    """platform_test.go: testableAddress. Abstract Unix names work on Linux: always True."""
    return True


def testableListenArgs(network: str, address: str, client: str) -> bool:
    """platform_test.go: testableListenArgs. Whether a listen on address, dialed from
    client, is testable here (module doc: wildcard addresses are)."""
    if not testableNetwork(network) or not testableAddress(network, address):
        return False
    net_, _, _ = network.partition(":")
    addr: Any
    if net_ in ("tcp", "tcp4", "tcp6"):
        addr, err = net.ResolveTCPAddr("tcp", address)
    elif net_ in ("udp", "udp4", "udp6"):
        addr, err = net.ResolveUDPAddr("udp", address)
    elif net_ in ("ip", "ip4", "ip6"):
        addr, err = net.ResolveIPAddr("ip", address)
    else:
        return True
    if err is not None:
        return False
    ip = addr.IP
    wildcard = addr.isWildcard()

    # Test functionality of IPv4 communication using AF_INET and IPv6
    # communication using AF_INET6 sockets.
    if not supportsIPv4() and ip is not None and ip.To4() is not None:
        return False
    if not supportsIPv6() and ip is not None and ip.To16() is not None and ip.To4() is None:
        return False
    cip = net.ParseIP(client)
    if cip is not None:
        if not supportsIPv4() and cip.To4() is not None:
            return False
        if not supportsIPv6() and cip.To16() is not None and cip.To4() is None:
            return False

    # Test functionality of IPv4 communication using AF_INET6 sockets.
    if (not supportsIPv4map() and supportsIPv4() and network in ("tcp", "udp", "ip")
            and wildcard):
        # At this point, we prefer IPv4 when ip is nil (favoriteAddrFamily).
        if (ip is not None and ip.To16() is not None and ip.To4() is None
                and cip is not None and cip.To4() is not None):
            return False  # a pair of IPv6 server and IPv4 client
        if ((ip is None or ip.To4() is not None) and cip is not None
                and cip.To16() is not None and cip.To4() is None):
            return False  # a pair of IPv4 server and IPv6 client
    return True


testableNetwork.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test
testableAddress.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test
testableListenArgs.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test

__all__ = ["supportsUnixSocket", "testableAddress", "testableListenArgs", "testableNetwork"]
