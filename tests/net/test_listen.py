"""net/listen_test.go (go1.27.0): the tests tests/net/test_tcpsock.py does not have.

In Go's order: TestDualStackTCPListener and TestDualStackUDPListener (every
row), differentWildcardAddr, checkDualStackSecondListener,
TestWildWildcardListener, TestIPv4MulticastListener and
TestIPv6MulticastListener (every row) with checkMulticastListener and
multicastRIBContains. TestTCPListener, TestUDPListener, TestClosingListener
and TestListenConfigControl, with checkFirstListener,
checkSecondListener and checkDualStackAddrFamily, are in
tests/net/test_tcpsock.py; the helpers are imported from there.

Go's ``testenv.MustHaveExternalNetwork`` guards TestWildWildcardListener and
the two multicast tests (it skips them under -short). None of them needs the
external network here: the first only listens on wildcard addresses, and the
multicast ones only join groups on the loopback interface and read the
kernel's membership lists back (Go 1.19 passes all three on this machine
without -short). They run. As in Go, the multicast tests leave out the
system-chosen interface (``ifi == nil``) unless main_test.go's -ipv4 / -ipv6
flags say so: -ipv4 only ever enables the loopback pass, and -ipv6 is off by
default (``testIPv4`` and ``testIPv6`` below). TestIPv6MulticastListener
needs root, as in Go. Nothing here sends to a group (an IPv6 send through
``lo`` fails with "network is unreachable"; only joins are checked).

The port's own checks, each marked: the dual-stack second listens that must
fail give Go's error and text (verified with Go 1.19 on this machine; the
code paths are the same in go1.27), and closing the multicast listeners
leaves the group.

Every test runs inside ``rt.run`` with a socktest switch installed
(tests/net/conftest.py), so a leaked socket fails it.
"""

from __future__ import annotations

import os as _pyos
from typing import Any, Final

import pytest

import net
import rt
from net.interface import Interface, Interfaces
from net.ip import IP, IPv4, ParseIP
from net.ipsock import (
    IPAddr,
    JoinHostPort,
    SplitHostPort,
    supportsIPv4,
    supportsIPv4map,
    supportsIPv6,
)
from net.net import OpError
from net.udpsock import ListenMulticastUDP, UDPAddr, UDPConn
from rt.sys_linux import EADDRINUSE, Errno
from std import errors
from std.errors import error
from tests.net.mockserver import newDualStackListener, newDualStackPacketListener
from tests.net.test_error import parseDialError
from tests.net.test_interface import loopbackInterface
from tests.net.test_tcpsock import checkFirstListener
from tests.net.testable import testableListenArgs

pytestmark = pytest.mark.usefixtures("sw")

testIPv4: Final = True
"""main_test.go: testIPv4, flag -ipv4 (default true):
"assume external IPv4 connectivity exists"."""

testIPv6: Final = False
"""main_test.go: testIPv6, flag -ipv6 (default false):
"assume external IPv6 connectivity exists"."""


def _port(addr: Any) -> str:
    """listen_test.go: TCPListener.port and UDPConn.port. The port of addr, or ""."""
    _, port, err = SplitHostPort(addr.String())
    if err is not None:
        return ""
    return port


def _fmt(err: Any) -> str:
    """Go's %v of an error value: "<nil>" for nil."""
    return "<nil>" if err is None else str(err)


def _wantSecondErr(network: str, address: str, port: str) -> str:
    """The port's own: Go's text for a second listen that collides (Go 1.19 here).

    The OpError names the address the listen used: ":P" for the empty host;
    "0.0.0.0:P" for "0.0.0.0" and for "::ffff:0.0.0.0" (an IPv4 address,
    printed as one), and for "::" too, which resolves to [::, 0.0.0.0]
    (Go issue 18806) and listens on the first IPv4 one.
    """
    host = "" if address == "" else "0.0.0.0"
    return f"listen {network} {host}:{port}: bind: address already in use"


# ---------------------------------------------------------------------------
# TestDualStackTCPListener

dualStackTCPListenerTests: list[tuple[str, str, str, str, Errno | None]] = [
    # Test cases and expected results for the attempting 2nd listen on the same port
    # 1st listen                2nd listen                 darwin  freebsd  linux  openbsd
    # ------------------------------------------------------------------------------------
    # "tcp"  ""                 "tcp"  ""                    -        -       -       -
    # "tcp"  ""                 "tcp"  "0.0.0.0"             -        -       -       -
    # "tcp"  "0.0.0.0"          "tcp"  ""                    -        -       -       -
    # ------------------------------------------------------------------------------------
    # "tcp"  ""                 "tcp"  "[::]"                -        -       -       ok
    # "tcp"  "[::]"             "tcp"  ""                    -        -       -       ok
    # "tcp"  "0.0.0.0"          "tcp"  "[::]"                -        -       -       ok
    # "tcp"  "[::]"             "tcp"  "0.0.0.0"             -        -       -       ok
    # "tcp"  "[::ffff:0.0.0.0]" "tcp"  "[::]"                -        -       -       ok
    # "tcp"  "[::]"             "tcp"  "[::ffff:0.0.0.0]"    -        -       -       ok
    # ------------------------------------------------------------------------------------
    # "tcp4" ""                 "tcp6" ""                    ok       ok      ok      ok
    # "tcp6" ""                 "tcp4" ""                    ok       ok      ok      ok
    # "tcp4" "0.0.0.0"          "tcp6" "[::]"                ok       ok      ok      ok
    # "tcp6" "[::]"             "tcp4" "0.0.0.0"             ok       ok      ok      ok
    # ------------------------------------------------------------------------------------
    # "tcp"  "127.0.0.1"        "tcp"  "[::1]"               ok       ok      ok      ok
    # "tcp"  "[::1]"            "tcp"  "127.0.0.1"           ok       ok      ok      ok
    # "tcp4" "127.0.0.1"        "tcp6" "[::1]"               ok       ok      ok      ok
    # "tcp6" "[::1]"            "tcp4" "127.0.0.1"           ok       ok      ok      ok
    #
    # Platform default configurations:
    # linux, kernel version 3.0.0
    #   net.ipv6.bindv6only=0 (overridable by sysctl or IPV6_V6ONLY option)
    # (Go's table also lists darwin, freebsd and openbsd.)

    ("tcp", "", "tcp", "", EADDRINUSE),
    ("tcp", "", "tcp", "0.0.0.0", EADDRINUSE),
    ("tcp", "0.0.0.0", "tcp", "", EADDRINUSE),

    ("tcp", "", "tcp", "::", EADDRINUSE),
    ("tcp", "::", "tcp", "", EADDRINUSE),
    ("tcp", "0.0.0.0", "tcp", "::", EADDRINUSE),
    ("tcp", "::", "tcp", "0.0.0.0", EADDRINUSE),
    ("tcp", "::ffff:0.0.0.0", "tcp", "::", EADDRINUSE),
    ("tcp", "::", "tcp", "::ffff:0.0.0.0", EADDRINUSE),

    ("tcp4", "", "tcp6", "", None),
    ("tcp6", "", "tcp4", "", None),
    ("tcp4", "0.0.0.0", "tcp6", "::", None),
    ("tcp6", "::", "tcp4", "0.0.0.0", None),

    ("tcp", "127.0.0.1", "tcp", "::1", None),
    ("tcp", "::1", "tcp", "127.0.0.1", None),
    ("tcp4", "127.0.0.1", "tcp6", "::1", None),
    ("tcp6", "::1", "tcp4", "127.0.0.1", None),
]


def _dualStackIds(table: list[tuple[str, str, str, str, Errno | None]]) -> list[str]:
    return [f"{n1} {a1!r} then {n2} {a2!r}" for n1, a1, n2, a2, _ in table]


@pytest.mark.parametrize("network1,address1,network2,address2,xerr", dualStackTCPListenerTests,
                         ids=_dualStackIds(dualStackTCPListenerTests))
def test_DualStackTCPListener(network1: str, address1: str, network2: str, address2: str,
                              xerr: Errno | None) -> None:
    """Listen, then listen again on the same port with another family or address.

    Go's loop over the table, one row per test; each row makes up to five
    attempts, on a port that 127.0.0.1 and ::1 both had free a moment before.
    """
    if not supportsIPv4() or not supportsIPv6():
        pytest.skip("both IPv4 and IPv6 are required")
    if not testableListenArgs(network1, JoinHostPort(address1, "0"), ""):
        pytest.skip(f"skipping {network1} {address1} test")
    if not supportsIPv4map() and differentWildcardAddr(address1, address2):
        xerr = None

    def main() -> None:
        firstErr: Any = None
        secondErr: str | None = None
        err2: Any = None
        port = ""
        for _ in range(5):
            lns, err = newDualStackListener()
            assert err is None and lns is not None, err
            port = _port(lns[0].Addr())
            for ln in lns:
                ln.Close()
            ln1, firstErr = net.Listen(network1, JoinHostPort(address1, port))
            if firstErr is not None:
                continue
            if (msg := checkFirstListener(network1, ln1)) is not None:
                ln1.Close()
                pytest.fail(msg)
            ln2, err2 = net.Listen(network2, JoinHostPort(address2, _port(ln1.Addr())))
            if err2 is None:
                ln2.Close()
            secondErr = checkDualStackSecondListener(network2, address2, err2, xerr)
            ln1.Close()
            if secondErr is not None:
                continue
            break
        assert firstErr is None, firstErr
        assert secondErr is None, secondErr
        if xerr is not None:
            # The port's own: Go's error and text.
            assert isinstance(err2, OpError) and err2.Op == "listen" and err2.Net == network2
            assert errors.Is(err2, xerr)
            assert str(err2) == _wantSecondErr(network2, address2, port)
            assert parseDialError(err2) is None

    rt.run(main)


# ---------------------------------------------------------------------------
# TestDualStackUDPListener

dualStackUDPListenerTests: list[tuple[str, str, str, str, Errno | None]] = [
    ("udp", "", "udp", "", EADDRINUSE),
    ("udp", "", "udp", "0.0.0.0", EADDRINUSE),
    ("udp", "0.0.0.0", "udp", "", EADDRINUSE),

    ("udp", "", "udp", "::", EADDRINUSE),
    ("udp", "::", "udp", "", EADDRINUSE),
    ("udp", "0.0.0.0", "udp", "::", EADDRINUSE),
    ("udp", "::", "udp", "0.0.0.0", EADDRINUSE),
    ("udp", "::ffff:0.0.0.0", "udp", "::", EADDRINUSE),
    ("udp", "::", "udp", "::ffff:0.0.0.0", EADDRINUSE),

    ("udp4", "", "udp6", "", None),
    ("udp6", "", "udp4", "", None),
    ("udp4", "0.0.0.0", "udp6", "::", None),
    ("udp6", "::", "udp4", "0.0.0.0", None),

    ("udp", "127.0.0.1", "udp", "::1", None),
    ("udp", "::1", "udp", "127.0.0.1", None),
    ("udp4", "127.0.0.1", "udp6", "::1", None),
    ("udp6", "::1", "udp4", "127.0.0.1", None),
]


@pytest.mark.parametrize("network1,address1,network2,address2,xerr", dualStackUDPListenerTests,
                         ids=_dualStackIds(dualStackUDPListenerTests))
def test_DualStackUDPListener(network1: str, address1: str, network2: str, address2: str,
                              xerr: Errno | None) -> None:
    """ListenPacket, then again on the same port with another family or address (as TCP's)."""
    if not supportsIPv4() or not supportsIPv6():
        pytest.skip("both IPv4 and IPv6 are required")
    if not testableListenArgs(network1, JoinHostPort(address1, "0"), ""):
        pytest.skip(f"skipping {network1} {address1} test")
    if not supportsIPv4map() and differentWildcardAddr(address1, address2):
        xerr = None

    def main() -> None:
        firstErr: Any = None
        secondErr: str | None = None
        err2: Any = None
        port = ""
        for _ in range(5):
            cs, err = newDualStackPacketListener()
            assert err is None and cs is not None, err
            port = _port(cs[0].LocalAddr())
            for c in cs:
                c.Close()
            c1, firstErr = net.ListenPacket(network1, JoinHostPort(address1, port))
            if firstErr is not None:
                continue
            if (msg := checkFirstListener(network1, c1)) is not None:
                c1.Close()
                pytest.fail(msg)
            c2, err2 = net.ListenPacket(network2, JoinHostPort(address2, _port(c1.LocalAddr())))
            if err2 is None:
                c2.Close()
            secondErr = checkDualStackSecondListener(network2, address2, err2, xerr)
            c1.Close()
            if secondErr is not None:
                continue
            break
        assert firstErr is None, firstErr
        assert secondErr is None, secondErr
        if xerr is not None:
            # The port's own: Go's error and text.
            assert isinstance(err2, OpError) and err2.Op == "listen" and err2.Net == network2
            assert errors.Is(err2, xerr)
            assert str(err2) == _wantSecondErr(network2, address2, port)
            assert parseDialError(err2) is None

    rt.run(main)


def differentWildcardAddr(i: str, j: str) -> bool:
    """listen_test.go: differentWildcardAddr.

    Go's second test compares with "[::]", which no table row spells (they
    say "::"); kept as Go has it.
    """
    if i in ("", "0.0.0.0", "::ffff:0.0.0.0") and j in ("", "0.0.0.0", "::ffff:0.0.0.0"):
        return False
    if i == "[::]" and j == "[::]":
        return False
    return True


def checkDualStackSecondListener(network: str, address: str, err: Any,
                                 xerr: Any) -> str | None:
    """listen_test.go: checkDualStackSecondListener. Whether err is nil exactly when xerr is."""
    if network not in ("tcp", "tcp4", "tcp6", "udp", "udp4", "udp6"):
        return str(net.UnknownNetworkError(network))
    if (xerr is None and err is not None) or (xerr is not None and err is None):
        return f"{network} {address} got {_fmt(err)}; want {_fmt(xerr)}"
    return None


# ---------------------------------------------------------------------------
# TestWildWildcardListener


def test_WildWildcardListener() -> None:
    """Listening on "" and on nil addresses must not panic.

    Go needs the external network (testenv.MustHaveExternalNetwork); a
    wildcard listen needs none, so it runs here. ListenIP needs root; as in
    Go, its error is not looked at.
    """
    def main() -> None:
        # Go recovers a panic and fails the test; an exception here fails it too.
        results: list[tuple[Any, Any]] = []
        ln: Any
        ln, err = net.Listen("tcp", "")
        if err is None:
            ln.Close()
        results.append((ln, err))
        ln, err = net.ListenPacket("udp", "")
        if err is None:
            ln.Close()
        results.append((ln, err))
        ln, err = net.ListenTCP("tcp", None)
        if err is None:
            ln.Close()
        results.append((ln, err))
        ln, err = net.ListenUDP("udp", None)
        if err is None:
            ln.Close()
        results.append((ln, err))
        ln, err = net.ListenIP("ip:icmp", None)
        if err is None:
            ln.Close()
        # The port's own: the four TCP and UDP listens work here, on a port of
        # the kernel's choosing (Go 1.19 the same).
        for ln, err in results:
            assert err is None, err
            addr = ln.Addr() if isinstance(ln, net.TCPListener) else ln.LocalAddr()
            assert _port(addr) not in ("", "0"), addr

    rt.run(main)


# ---------------------------------------------------------------------------
# TestIPv4MulticastListener

ipv4MulticastListenerTests: list[tuple[str, UDPAddr]] = [
    ("udp", UDPAddr(IP=IPv4(224, 0, 0, 254), Port=12345)),  # see RFC 4727

    ("udp4", UDPAddr(IP=IPv4(224, 0, 0, 254), Port=12345)),
]


def _closer(cs: list[UDPConn | None]) -> None:
    for c in cs:
        if c is not None:
            c.Close()


def _multicastListener(network: str, gaddr: UDPAddr, ifis: list[Interface | None],
                       skipIfi: Any) -> None:
    """The body Go's two multicast tests share: on each interface, two listeners join
    gaddr on its port (SO_REUSEADDR), and each join shows in the kernel's lists."""
    ip = gaddr.IP
    assert ip is not None

    def main() -> None:
        for ifi in ifis:
            # Note that multicast interface assignment by system
            # is not recommended because it usually relies on
            # routing stuff for finding out an appropriate
            # nexthop containing both network and link layer
            # adjacencies.
            if skipIfi(ifi):
                continue
            cs: list[UDPConn | None] = [None, None]
            for i in range(2):
                cs[i], err = ListenMulticastUDP(network, ifi, gaddr)
                if err is not None:
                    _closer(cs)
                    pytest.fail(str(err))
                if (msg := checkMulticastListener(cs[i], ip)) is not None:
                    _closer(cs)
                    pytest.fail(msg)
            _closer(cs)
            # The port's own: closing both sockets left the group.
            ok, err = multicastRIBContains(ip)
            assert (ok, err) == (False, None), f"{ip} still in the multicast rib"

    rt.run(main)


@pytest.mark.parametrize("network,gaddr", ipv4MulticastListenerTests,
                         ids=[f"{n} {g}" for n, g in ipv4MulticastListenerTests])
def test_IPv4MulticastListener(network: str, gaddr: UDPAddr) -> None:
    """Two listeners on one IPv4 group and port, on the loopback interface.

    Go needs the external network (testenv.MustHaveExternalNetwork); joining
    a group on lo needs none, so it runs here. Go's ``ifi == nil`` pass is
    always skipped (``if ifi == nil || !*testIPv4``), here too.
    """
    if not supportsIPv4():
        pytest.skip("IPv4 is not supported")
    if loopbackInterface() is None:
        # Go's loop then skips both passes and passes without testing anything.
        pytest.skip("no loopback interface is up")
    _multicastListener(network, gaddr, [loopbackInterface(), None],
                       lambda ifi: ifi is None or not testIPv4)


# ---------------------------------------------------------------------------
# TestIPv6MulticastListener

ipv6MulticastListenerTests: list[tuple[str, UDPAddr]] = [
    ("udp", UDPAddr(IP=ParseIP("ff01::114"), Port=12345)),  # see RFC 4727
    ("udp", UDPAddr(IP=ParseIP("ff02::114"), Port=12345)),
    ("udp", UDPAddr(IP=ParseIP("ff04::114"), Port=12345)),
    ("udp", UDPAddr(IP=ParseIP("ff05::114"), Port=12345)),
    ("udp", UDPAddr(IP=ParseIP("ff08::114"), Port=12345)),
    ("udp", UDPAddr(IP=ParseIP("ff0e::114"), Port=12345)),

    ("udp6", UDPAddr(IP=ParseIP("ff01::114"), Port=12345)),
    ("udp6", UDPAddr(IP=ParseIP("ff02::114"), Port=12345)),
    ("udp6", UDPAddr(IP=ParseIP("ff04::114"), Port=12345)),
    ("udp6", UDPAddr(IP=ParseIP("ff05::114"), Port=12345)),
    ("udp6", UDPAddr(IP=ParseIP("ff08::114"), Port=12345)),
    ("udp6", UDPAddr(IP=ParseIP("ff0e::114"), Port=12345)),
]


@pytest.mark.parametrize("network,gaddr", ipv6MulticastListenerTests,
                         ids=[f"{n} {g}" for n, g in ipv6MulticastListenerTests])
def test_IPv6MulticastListener(network: str, gaddr: UDPAddr) -> None:
    """Two listeners on one IPv6 group and port, on the loopback interface.

    Go needs the external network (testenv.MustHaveExternalNetwork); joining
    a group on lo needs none, so it runs here (only joins: nothing is sent).
    Go's ``ifi == nil`` pass runs only with -ipv6 (``testIPv6``), off by
    default, so not here.
    """
    if not supportsIPv6():
        pytest.skip("IPv6 is not supported")
    if _pyos.getuid() != 0:
        pytest.skip("must be root")
    _multicastListener(network, gaddr, [loopbackInterface(), None],
                       lambda ifi: ifi is None and not testIPv6)


def checkMulticastListener(c: UDPConn | None, ip: IP) -> str | None:
    """listen_test.go: checkMulticastListener. ip is joined somewhere, and c has a port."""
    ok, err = multicastRIBContains(ip)
    if err is not None:
        return str(err)
    if not ok:
        return f"{ip.String()} not found in multicast rib"
    la = c.LocalAddr() if c is not None else None
    if not isinstance(la, UDPAddr) or la.Port == 0:
        return f"got {_fmt(la)}; want a proper address with non-zero port number"
    return None


def multicastRIBContains(ip: IP) -> tuple[bool, error | None]:
    """listen_test.go: multicastRIBContains. Whether some interface has joined ip.

    (Go answers true without looking on aix, dragonfly, netbsd, openbsd,
    plan9, solaris, illumos, and on linux/arm and linux/alpha.)
    """
    ift, err = Interfaces()
    if err is not None or ift is None:
        return False, err
    for ifi in ift:
        ifmat, err = ifi.MulticastAddrs()
        if err is not None or ifmat is None:
            return False, err
        for ifma in ifmat:
            assert isinstance(ifma, IPAddr) and ifma.IP is not None
            if ifma.IP.Equal(ip):
                return True, None
    return False, None

