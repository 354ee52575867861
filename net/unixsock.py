"""net/unixsock.go (go1.27.0): Unix domain socket addresses. UnixConn is not ported yet.

This part: ``UnixAddr`` and ``ResolveUnixAddr``, which need no socket.
They exist before UnixConn and UnixListener so that the "unix",
"unixgram" and "unixpacket" networks take Go's path through Dial and
Listen (net/dial.py's resolveAddrList resolves them here, as Go's does)
and fail at the connection-making type switch with Go's "unexpected
address type", as every network without a connection type here does
(net/dial.py's module doc).

``UnixAddr`` is a dataclass with Go's fields ``Name`` (a path, or "@name"
for Linux's abstract namespace) and ``Net``, compared and hashed by value,
so it works as a dict key.

Not yet ported: ``UnixConn``, ``UnixListener`` and their methods,
``DialUnix``, ``ListenUnix``, ``ListenUnixgram`` (they come with the Unix
sockets).
"""

from __future__ import annotations

from dataclasses import dataclass

from net.net import Addr, UnknownNetworkError
from std.errors import error

__all__ = ["ResolveUnixAddr", "UnixAddr"]


@dataclass(repr=True)
class UnixAddr:
    """net.UnixAddr: the address of a Unix domain socket end point.

    ``net.UnixAddr(Name="/run/app.sock", Net="unix")``. Compares and hashes
    by value.
    """

    Name: str = ""
    Net: str = ""

    def __hash__(self) -> int:
        return hash((self.Name, self.Net))

    def Network(self) -> str:
        """net.UnixAddr.Network: "unix", "unixgram" or "unixpacket" (the Net field)."""
        return self.Net

    def String(self) -> str:
        """net.UnixAddr.String: the Name."""
        return self.Name

    def __str__(self) -> str:
        return self.String()

    def isWildcard(self) -> bool:
        """net/unixsock.go: UnixAddr.isWildcard. An empty Name."""
        return self.Name == ""

    def opAddr(self) -> Addr | None:
        """net/unixsock.go: UnixAddr.opAddr. Go's nil-pointer guard; always self here."""
        return self


def ResolveUnixAddr(network: str, address: str) -> tuple[UnixAddr | None, error | None]:
    """net.ResolveUnixAddr: the address of a Unix domain socket; returns ``(addr, err)``.

    ``network`` is "unix", "unixgram" or "unixpacket"; anything else
    (even "") gives ``UnknownNetworkError(network)``. The address is the
    Name as given: nothing is looked up or checked.
    """
    if not isinstance(network, str) or not isinstance(address, str):
        bad = network if not isinstance(network, str) else address
        raise TypeError(f"net.ResolveUnixAddr needs str arguments, not {type(bad).__name__}")
    if network in ("unix", "unixgram", "unixpacket"):
        return UnixAddr(Name=address, Net=network), None
    return None, UnknownNetworkError(network)
