"""net/mockserver_test.go (go1.27.0), ported: shared helpers for the net tests.

Import as ``from tests.net.mockserver import newLocalListener, ...`` (the
repository root is on pytest's pythonpath). Everything but
``testUnixAddr`` and the fixture runs inside ``rt.run``.

In Go's order: ``testUnixAddr`` (a socket path in a fresh temporary
directory), ``newLocalListener`` (tcp, tcp4, tcp6 on loopback; unix and
unixpacket on a ``testUnixAddr``), ``newDualStackListener``,
``localServer`` with its ``buildup``/``teardown`` and ``transponder``,
``streamListener``, ``dualStackServer``, ``transceiver``,
``newLocalPacketListener`` (udp, udp4, udp6 on loopback; unixgram on a
``testUnixAddr``), ``newDualStackPacketListener``, ``localPacketServer``,
``packetListener``, ``packetTransponder`` and ``packetTransceiver``.
(``spawnTestSocketPair`` and ``startTestSocketPeer``, which re-run the test
binary as the peer, are in tests/net/socketpeer.py.)

Python differences:

* Go's ``t.Fatal`` is ``pytest.fail``; a network the machine cannot test
  is ``pytest.skip`` (Go fails: its callers check testableNetwork first).
* Go's ``testUnixAddr`` removes its directory in ``t.Cleanup``. Here the
  directories are recorded and the fixture ``removeTestUnixAddrs``
  removes them after the test (and fails it if that fails, Go's
  ``t.Error``); a test module that makes Unix sockets imports the fixture,
  which is autouse. Directories made under no such fixture are removed at
  interpreter exit.
* Go's helpers send errors on a channel and close it (``defer close(ch)``);
  so do these, so a caller ranges over the channel (``for err in ch``).
* ``isDeadlineExceeded`` (timeout_test.go) and ``echoServer`` (the port's:
  an io.Copy echo per connection) are here too, for the tests that share
  them.
"""

from __future__ import annotations

import atexit
import os as _pyos
import shutil
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import net
import rt
from net.ip import IPv4, IPv6loopback
from net.ipsock import supportsIPv4, supportsIPv6
from std import context, errors, io, os, sync, time
from std.errors import error

someTimeout = 1 * time.Hour
"""conn_test.go: someTimeout. Long enough never to fire: the setters are only exercised."""

# The directories testUnixAddr made and the fixture has not removed yet.
_unixTempDirs: list[str] = []


def testUnixAddr() -> str:
    """mockserver_test.go: testUnixAddr. A socket path in a fresh temporary directory.

    The directory name is as short as mkdtemp makes it (Go passes an empty
    pattern for the same reason): sun_path holds at most 107 bytes. The
    directory is removed after the test (module doc).
    """
    d = tempfile.mkdtemp(prefix="")
    _unixTempDirs.append(d)
    return _pyos.path.join(d, "sock")


testUnixAddr.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def _removeUnixTempDirs() -> list[str]:
    failed = []
    while _unixTempDirs:
        d = _unixTempDirs.pop()
        try:
            shutil.rmtree(d)
        except OSError as e:
            failed.append(f"{d}: {e}")
    return failed


@pytest.fixture(autouse=True)
def removeTestUnixAddrs() -> Iterator[None]:
    """Go's ``t.Cleanup(os.RemoveAll(d))`` for every testUnixAddr of the test."""
    yield
    failed = _removeUnixTempDirs()
    if failed:
        pytest.fail("removing testUnixAddr directories:\n" + "\n".join(failed))


atexit.register(_removeUnixTempDirs)


def newLocalListener(network: str, lc: net.ListenConfig | None = None) -> Any:
    """mockserver_test.go: newLocalListener. A listener on loopback or on a testUnixAddr."""
    lc = lc or net.ListenConfig()

    def listen(n: str, a: str) -> Any:
        ln, err = lc.Listen(context.Background(), n, a)
        if err is not None:
            pytest.fail(f"listen {n} {a}: {err}")
        return ln

    if network == "tcp":
        if supportsIPv4():
            return listen("tcp4", "127.0.0.1:0")
        if supportsIPv6():
            return listen("tcp6", "[::1]:0")
    elif network == "tcp4":
        if supportsIPv4():
            return listen("tcp4", "127.0.0.1:0")
    elif network == "tcp6":
        if supportsIPv6():
            return listen("tcp6", "[::1]:0")
    elif network in ("unix", "unixpacket"):
        return listen(network, testUnixAddr())
    pytest.skip(f"{network} is not supported here")


def newDualStackListener() -> tuple[list[net.TCPListener] | None, error | None]:
    """mockserver_test.go: newDualStackListener. 127.0.0.1 and ::1 on one free port."""
    args = [("tcp4", IPv4(127, 0, 0, 1)), ("tcp6", IPv6loopback)]
    for _ in range(64):
        port = 0
        lns: list[net.TCPListener] = []
        for network, ip in args:
            ln, err = net.ListenTCP(network, net.TCPAddr(IP=ip, Port=port))
            if err is not None or ln is None:
                continue
            port = ln.Addr().Port
            lns.append(ln)
        if len(lns) != len(args):
            for ln in lns:
                ln.Close()
            continue
        return lns, None
    return None, errors.New("no dualstack port available")


class localServer:
    """mockserver_test.go: localServer. A listener plus the goroutine that serves it."""

    def __init__(self, ln: Any) -> None:
        self.lnmu = sync.RWMutex()
        self.Listener: Any = ln
        self.done: rt.hchan[bool] = rt.chan()  # signal that indicates server stopped
        self.cl: list[Any] = []  # accepted connection list

    def buildup(self, handler: Callable[[localServer, Any], None]) -> None:
        """mockserver_test.go: localServer.buildup. Run handler(ls, ls.Listener) in a goroutine."""
        ln = self.Listener

        def run() -> None:
            try:
                handler(self, ln)
            finally:
                self.done.close()

        rt.go(run)

    def teardown(self) -> Any:
        """mockserver_test.go: localServer.teardown. Close all, wait for the handler.

        Go returns the first error of closing an accepted conn; a conn the
        handler closed itself (ErrClosed) is not one here.
        """
        with self.lnmu:
            if self.Listener is not None:
                network = self.Listener.Addr().Network()
                address = self.Listener.Addr().String()
                self.Listener.Close()
                for c in self.cl:
                    err = c.Close()
                    if err is not None and not errors.Is(err, net.ErrClosed):
                        return err
                self.done.recv2()
                self.Listener = None
                if network in ("unix", "unixpacket"):
                    _remove(address)
        return None

    def transponder(self, ln: Any, ch: rt.hchan[Any]) -> None:
        """mockserver_test.go: localServer.transponder. Accept one conn and echo one read.

        Errors (and what parse*Error finds wrong with them) are sent on
        ch, which is closed at the end. The conn is left for teardown.
        """
        from tests.net.test_error import parseAcceptError, parseReadError, parseWriteError

        try:
            if isinstance(ln, (net.TCPListener, net.UnixListener)):
                ln.SetDeadline(time.Now().Add(someTimeout))
            c, err = ln.Accept()
            if err is not None:
                if (perr := parseAcceptError(err)) is not None:
                    ch.send(perr)
                ch.send(err)
                return
            self.cl.append(c)

            network = ln.Addr().Network()
            if c.LocalAddr().Network() != network or c.RemoteAddr().Network() != network:
                ch.send(errors.New(f"got {c.LocalAddr().Network()}->"
                                   f"{c.RemoteAddr().Network()}; expected {network}->{network}"))
                return
            c.SetDeadline(time.Now().Add(someTimeout))
            c.SetReadDeadline(time.Now().Add(someTimeout))
            c.SetWriteDeadline(time.Now().Add(someTimeout))

            b = bytearray(256)
            n, err = c.Read(b)
            if err is not None:
                if (perr := parseReadError(err)) is not None:
                    ch.send(perr)
                ch.send(err)
                return
            _, err = c.Write(memoryview(b)[:n])
            if err is not None:
                if (perr := parseWriteError(err)) is not None:
                    ch.send(perr)
                ch.send(err)
                return
        finally:
            ch.close()


def _remove(name: str) -> None:
    """Go's os.Remove with the error ignored."""
    try:
        _pyos.remove(name)
    except OSError:
        pass


def newLocalServer(network: str) -> localServer:
    """mockserver_test.go: newLocalServer."""
    return localServer(newLocalListener(network))


class streamListener:
    """mockserver_test.go: streamListener."""

    def __init__(self, network: str, address: str, ln: Any) -> None:
        self.network = network
        self.address = address
        self.Listener: Any = ln
        self.done: rt.hchan[bool] = rt.chan()  # signal that indicates server stopped

    def newLocalServer(self) -> localServer:
        """mockserver_test.go: streamListener.newLocalServer."""
        return localServer(self.Listener)


class dualStackServer:
    """mockserver_test.go: dualStackServer. A tcp4 and a tcp6 listener on the same port."""

    def __init__(self, lns: list[streamListener], port: str) -> None:
        self.lnmu = sync.RWMutex()
        self.lns = lns
        self.port = port
        self.cmu = sync.RWMutex()
        self.cs: list[Any] = []  # established connections at the passive open side

    def buildup(self, handler: Callable[[dualStackServer, Any], None]) -> None:
        """mockserver_test.go: dualStackServer.buildup. One handler goroutine per listener."""
        for sl in self.lns:
            def run(sl: streamListener = sl) -> None:
                try:
                    handler(self, sl.Listener)
                finally:
                    sl.done.close()

            rt.go(run)

    def teardownNetwork(self, network: str) -> None:
        """mockserver_test.go: dualStackServer.teardownNetwork. Close one family's listener."""
        with self.lnmu:
            for sl in self.lns:
                if network == sl.network and sl.Listener is not None:
                    sl.Listener.Close()
                    sl.done.recv2()
                    sl.Listener = None

    def teardown(self) -> None:
        """mockserver_test.go: dualStackServer.teardown."""
        with self.lnmu:
            for sl in self.lns:
                if sl.Listener is not None:
                    sl.Listener.Close()
                    sl.done.recv2()
            self.lns = []
        with self.cmu:
            for c in self.cs:
                c.Close()
            self.cs = []


def newDualStackServer() -> tuple[dualStackServer | None, error | None]:
    """mockserver_test.go: newDualStackServer."""
    lns, err = newDualStackListener()
    if err is not None:
        return None, err
    assert lns is not None
    _, port, err = net.SplitHostPort(lns[0].Addr().String())
    if err is not None:
        for ln in lns:
            ln.Close()
        return None, err
    return dualStackServer([
        streamListener("tcp4", lns[0].Addr().String(), lns[0]),
        streamListener("tcp6", lns[1].Addr().String(), lns[1]),
    ], port), None


def transceiver(c: Any, wb: bytes, ch: rt.hchan[Any]) -> None:
    """mockserver_test.go: transceiver. Write wb, read as much back; errors on ch, then close."""
    from tests.net.test_error import parseReadError, parseWriteError

    try:
        c.SetDeadline(time.Now().Add(someTimeout))
        c.SetReadDeadline(time.Now().Add(someTimeout))
        c.SetWriteDeadline(time.Now().Add(someTimeout))

        n, err = c.Write(wb)
        if err is not None:
            if (perr := parseWriteError(err)) is not None:
                ch.send(perr)
            ch.send(err)
            return
        if n != len(wb):
            ch.send(errors.New(f"wrote {n}; want {len(wb)}"))
        rb = bytearray(len(wb))
        n, err = c.Read(rb)
        if err is not None:
            if (perr := parseReadError(err)) is not None:
                ch.send(perr)
            ch.send(err)
            return
        if n != len(wb):
            ch.send(errors.New(f"read {n}; want {len(wb)}"))
    finally:
        ch.close()


def newLocalPacketListener(network: str, lc: net.ListenConfig | None = None) -> Any:
    """mockserver_test.go: newLocalPacketListener. A PacketConn on loopback or a testUnixAddr."""
    lc = lc or net.ListenConfig()

    def listenPacket(n: str, a: str) -> Any:
        c, err = lc.ListenPacket(context.Background(), n, a)
        if err is not None:
            pytest.fail(f"listen {n} {a}: {err}")
        return c

    if network == "udp":
        if supportsIPv4():
            return listenPacket("udp4", "127.0.0.1:0")
        if supportsIPv6():
            return listenPacket("udp6", "[::1]:0")
    elif network == "udp4":
        if supportsIPv4():
            return listenPacket("udp4", "127.0.0.1:0")
    elif network == "udp6":
        if supportsIPv6():
            return listenPacket("udp6", "[::1]:0")
    elif network == "unixgram":
        return listenPacket(network, testUnixAddr())
    pytest.skip(f"{network} is not supported here")


def newDualStackPacketListener() -> tuple[list[net.UDPConn] | None, error | None]:
    """mockserver_test.go: newDualStackPacketListener. UDP on 127.0.0.1 and ::1, one port."""
    args = [("udp4", IPv4(127, 0, 0, 1)), ("udp6", IPv6loopback)]
    for _ in range(64):
        port = 0
        cs: list[net.UDPConn] = []
        for network, ip in args:
            c, err = net.ListenUDP(network, net.UDPAddr(IP=ip, Port=port))
            if err is not None or c is None:
                continue
            port = c.LocalAddr().Port
            cs.append(c)
        if len(cs) != len(args):
            for c in cs:
                c.Close()
            continue
        return cs, None
    return None, errors.New("no dualstack port available")


class localPacketServer:
    """mockserver_test.go: localPacketServer. A PacketConn plus the goroutine serving it."""

    def __init__(self, c: Any) -> None:
        self.pcmu = sync.RWMutex()
        self.PacketConn: Any = c
        self.done: rt.hchan[bool] = rt.chan()  # signal that indicates server stopped

    def buildup(self, handler: Callable[[localPacketServer, Any], None]) -> None:
        """mockserver_test.go: localPacketServer.buildup."""
        c = self.PacketConn

        def run() -> None:
            try:
                handler(self, c)
            finally:
                self.done.close()

        rt.go(run)

    def teardown(self) -> None:
        """mockserver_test.go: localPacketServer.teardown. Close, wait, remove a unixgram file."""
        with self.pcmu:
            if self.PacketConn is not None:
                network = self.PacketConn.LocalAddr().Network()
                address = self.PacketConn.LocalAddr().String()
                self.PacketConn.Close()
                self.done.recv2()
                self.PacketConn = None
                if network == "unixgram":
                    _remove(address)


def newLocalPacketServer(network: str) -> localPacketServer:
    """mockserver_test.go: newLocalPacketServer."""
    return localPacketServer(newLocalPacketListener(network))


class packetListener:
    """mockserver_test.go: packetListener."""

    def __init__(self, c: Any) -> None:
        self.PacketConn: Any = c

    def newLocalServer(self) -> localPacketServer:
        """mockserver_test.go: packetListener.newLocalServer."""
        return localPacketServer(self.PacketConn)


def packetTransponder(c: Any, ch: rt.hchan[Any]) -> None:
    """mockserver_test.go: packetTransponder. Echo one datagram to its sender.

    On a connected-mode socket ReadFrom reports no sender; the datagram
    then carries the sender's address as text, as Go's tests send it.
    """
    from tests.net.test_error import parseReadError, parseWriteError

    try:
        c.SetDeadline(time.Now().Add(someTimeout))
        c.SetReadDeadline(time.Now().Add(someTimeout))
        c.SetWriteDeadline(time.Now().Add(someTimeout))

        b = bytearray(256)
        n, peer, err = c.ReadFrom(b)
        if err is not None:
            if (perr := parseReadError(err)) is not None:
                ch.send(perr)
            ch.send(err)
            return
        if peer is None:  # for connected-mode sockets
            network = c.LocalAddr().Network()
            if network == "udp":
                peer, err = net.ResolveUDPAddr("udp", bytes(b[:n]).decode())
            elif network == "unixgram":
                peer, err = net.ResolveUnixAddr("unixgram", bytes(b[:n]).decode())
            if err is not None:
                ch.send(err)
                return
        _, err = c.WriteTo(memoryview(b)[:n], peer)
        if err is not None:
            if (perr := parseWriteError(err)) is not None:
                ch.send(perr)
            ch.send(err)
            return
    finally:
        ch.close()


def packetTransceiver(c: Any, wb: bytes, dst: Any, ch: rt.hchan[Any]) -> None:
    """mockserver_test.go: packetTransceiver. WriteTo dst, read the echo; errors on ch."""
    from tests.net.test_error import parseReadError, parseWriteError

    try:
        c.SetDeadline(time.Now().Add(someTimeout))
        c.SetReadDeadline(time.Now().Add(someTimeout))
        c.SetWriteDeadline(time.Now().Add(someTimeout))

        n, err = c.WriteTo(wb, dst)
        if err is not None:
            if (perr := parseWriteError(err)) is not None:
                ch.send(perr)
            ch.send(err)
            return
        if n != len(wb):
            ch.send(errors.New(f"wrote {n}; want {len(wb)}"))
        rb = bytearray(len(wb))
        n, _, err = c.ReadFrom(rb)
        if err is not None:
            if (perr := parseReadError(err)) is not None:
                ch.send(perr)
            ch.send(err)
            return
        if n != len(wb):
            ch.send(errors.New(f"read {n}; want {len(wb)}"))
    finally:
        ch.close()


def isDeadlineExceeded(err: Any) -> bool:
    """timeout_test.go: isDeadlineExceeded. A net.Error timeout wrapping os.ErrDeadlineExceeded."""
    if not getattr(err, "Timeout", lambda: False)():
        return False
    return errors.Is(err, os.ErrDeadlineExceeded)


def echoServer(ln: Any) -> None:
    """The port's: an echo handler, one goroutine per connection, io.Copy back to the client."""
    while True:
        c, err = ln.Accept()
        if err is not None:
            return

        def handle(c: Any = c) -> None:
            with c:
                io.Copy(c, c)

        rt.go(handle)


__all__ = [
    "dualStackServer",
    "echoServer",
    "isDeadlineExceeded",
    "localPacketServer",
    "localServer",
    "newDualStackListener",
    "newDualStackPacketListener",
    "newDualStackServer",
    "newLocalListener",
    "newLocalPacketListener",
    "newLocalPacketServer",
    "newLocalServer",
    "packetListener",
    "packetTransceiver",
    "packetTransponder",
    "removeTestUnixAddrs",
    "someTimeout",
    "streamListener",
    "testUnixAddr",
    "transceiver",
]
