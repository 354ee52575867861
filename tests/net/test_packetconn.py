"""net/packetconn_test.go (go1.27.0), ported: TestPacketConn and TestConnAndPacketConn.

Go's tables have two rows, "udp" on 127.0.0.1 and "unixgram" on a socket
file in a fresh temporary directory (``testUnixAddr``); both are here, row
for row. The port adds an "ip4:icmp" row to each (the port's own, marked
so): Go moved its IPConn rows to golang.org/x/net, and raw sockets are
ported here, so they get the same PacketConn round trips. The datagram of
that row is an ICMP echo request (a raw ICMP socket on 127.0.0.1 also
sees the kernel's echo reply and any other ICMP sent to 127.0.0.1, so the
reads look for the request by its ID and sequence). It needs CAP_NET_RAW:
without it the row is skipped with the error, as Go's testenv
SyscallIsNotSupported does.

Also here, for the other UDP/IP test files (they import them): testenv's
``syscallIsNotSupported`` and the ICMP echo request the raw-socket rows
send (``icmpEchoRequest``, ``isOurEchoRequest``).

Every test runs inside ``rt.run`` with a socktest switch installed (the
``sw`` fixture), so a socket left open fails it; the suite's leak check
covers fds and goroutines.
"""

from __future__ import annotations

import os as _pyos
from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from rt.sys_linux import EINVAL, EPERM, EROFS, Errno
from std import errors, os, time
from tests.net.mockserver import removeTestUnixAddrs, testUnixAddr
from tests.net.testable import testableNetwork

__all__ = ["removeTestUnixAddrs"]  # the autouse fixture, imported for the tests below

pytestmark = pytest.mark.usefixtures("sw")


# ---------------------------------------------------------------------------
# internal/testenv


def syscallIsNotSupported(err: Any) -> bool:
    """internal/testenv: SyscallIsNotSupported (testenv_unix.go). Denied, not broken."""
    if err is None:
        return False
    errno = errors.As(err, Errno)
    if errno is not None and errno in (EPERM, EROFS, EINVAL):
        return True
    return errors.Is(err, os.ErrPermission) or errors.Is(err, errors.ErrUnsupported)


# ---------------------------------------------------------------------------
# The ip4:icmp rows' datagram (the port's own; Go's old packetconn_test.go
# sent the same echo request).

_icmpID = _pyos.getpid() & 0xFFFF


def icmpEchoRequest(seq: int, data: bytes) -> bytes:
    """An ICMPv4 echo request (type 8) with a valid checksum."""
    b = bytearray([8, 0, 0, 0, _icmpID >> 8, _icmpID & 0xFF, seq >> 8, seq & 0xFF]) + data
    if len(b) % 2:
        b.append(0)
    s = sum((b[i] << 8) | b[i + 1] for i in range(0, len(b), 2))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    cs = ~s & 0xFFFF
    b[2], b[3] = cs >> 8, cs & 0xFF
    return bytes(b[: 8 + len(data)])


def isOurEchoRequest(b: bytes | bytearray | memoryview, seq: int) -> bool:
    """Is b (an ICMP message, no IP header) our echo request number seq?"""
    return len(b) >= 8 and bytes(b[:2]) == b"\x08\x00" and bytes(b[4:8]) == bytes(
        [_icmpID >> 8, _icmpID & 0xFF, seq >> 8, seq & 0xFF])


def _readOurRequest(read: Callable[[bytearray], tuple[int, Any]], c: Any, seq: int,
                    ipHeader: bool) -> None:
    """Read from a raw ICMP socket until our request arrives (others' ICMP is skipped)."""
    c.SetReadDeadline(time.Now().Add(5 * time.Second))
    rb = bytearray(128)
    while True:
        n, err = read(rb)
        assert err is None, err
        msg = rb[(rb[0] & 0x0F) << 2:n] if ipHeader else rb[:n]
        if isOurEchoRequest(msg, seq):
            return


def packetConnTestData(network: str, seq: int) -> bytes:
    """packetconn_test.go: packetConnTestData, with the port's ip4:icmp datagram."""
    if not testableNetwork(network):
        pytest.skip(f"skipping {network} test")
    if network.startswith("ip"):
        return icmpEchoRequest(seq, b"IP PACKETCONN TEST")
    return b"PACKETCONN TEST"


def _rows(row: str) -> tuple[str, str, str]:
    if row == "udp":
        return "udp", "127.0.0.1:0", "127.0.0.1:0"
    if row == "unixgram":
        return "unixgram", testUnixAddr(), testUnixAddr()
    return "ip4:icmp", "127.0.0.1", "127.0.0.1"


_ROWS = ["udp", "unixgram", "ip4:icmp (port's own)"]


def _closer(c: Any, network: str, addr1: str, addr2: str) -> None:
    """packetconn_test.go: closer. Close, and remove unixgram socket files."""
    c.Close()
    if network == "unixgram":
        for a in (addr1, addr2):
            try:
                _pyos.remove(a)
            except FileNotFoundError:
                pass


def _listenPacket(network: str, address: str) -> Any:
    c, err = net.ListenPacket(network, address)
    if network.startswith("ip") and syscallIsNotSupported(err):
        pytest.skip(f"skipping {network} test: {err}")
    assert err is None, err
    return c


# ---------------------------------------------------------------------------
# packetconn_test.go


@pytest.mark.parametrize("row", _ROWS)
def test_PacketConn(row: str) -> None:
    network, addr1, addr2 = _rows(row)
    seq = 2 * _ROWS.index(row) + 1
    wb = packetConnTestData(network, seq)
    wb2 = packetConnTestData(network, seq + 1)  # the reply leg (the same bytes but for ip)

    def main() -> None:
        c1 = _listenPacket(network, addr1)
        try:
            c1.LocalAddr()
            c2 = _listenPacket(network, addr2)
            try:
                c2.LocalAddr()
                rb2 = bytearray(128)
                _, err = c1.WriteTo(wb, c2.LocalAddr())
                assert err is None, err
                if network.startswith("ip"):
                    _readOurRequest(lambda b: c2.ReadFrom(b)[::2], c2, seq, False)
                else:
                    n, addr, err = c2.ReadFrom(rb2)
                    assert err is None, err
                    # The port's own: the datagram and its sender.
                    assert bytes(rb2[:n]) == wb
                    assert addr == c1.LocalAddr()
                _, err = c2.WriteTo(wb2, c1.LocalAddr())
                assert err is None, err
                rb1 = bytearray(128)
                if network.startswith("ip"):
                    _readOurRequest(lambda b: c1.ReadFrom(b)[::2], c1, seq + 1, False)
                else:
                    n, addr, err = c1.ReadFrom(rb1)
                    assert err is None, err
                    assert bytes(rb1[:n]) == wb2
                    assert addr == c2.LocalAddr()
            finally:
                _closer(c2, network, addr1, addr2)
        finally:
            _closer(c1, network, addr1, addr2)

    rt.run(main)


@pytest.mark.parametrize("row", _ROWS)
def test_ConnAndPacketConn(row: str) -> None:
    network, addr1, addr2 = _rows(row)
    seq = 10 + 2 * _ROWS.index(row)
    wb = packetConnTestData(network, seq)
    wb2 = packetConnTestData(network, seq + 1)  # the reply leg (the same bytes but for ip)

    def main() -> None:
        c1 = _listenPacket(network, addr1)
        try:
            c1.LocalAddr()
            c2, err = net.Dial(network, c1.LocalAddr().String())
            assert err is None, err
            with c2:
                c2.LocalAddr()
                c2.RemoteAddr()
                _, err = c2.Write(wb)
                assert err is None, err
                rb1 = bytearray(128)
                if network.startswith("ip"):
                    _readOurRequest(lambda b: c1.ReadFrom(b)[::2], c1, seq, False)
                else:
                    n, addr, err = c1.ReadFrom(rb1)
                    assert err is None, err
                    assert bytes(rb1[:n]) == wb
                    if network == "unixgram":
                        # The dialing socket has no name: Go's nil Addr.
                        assert addr is None
                        return
                    assert addr == c2.LocalAddr()
                dst = c2.LocalAddr()
                _, err = c1.WriteTo(wb2, dst)
                assert err is None, err
                rb2 = bytearray(128)
                if network.startswith("ip"):
                    # conn.Read on a raw IPv4 socket keeps the IP header, as in Go.
                    _readOurRequest(c2.Read, c2, seq + 1, True)
                else:
                    n, err = c2.Read(rb2)
                    assert err is None, err
                    assert bytes(rb2[:n]) == wb2
        finally:
            _closer(c1, network, addr1, addr2)

    rt.run(main)


__all__ += ["icmpEchoRequest", "isOurEchoRequest", "syscallIsNotSupported"]
