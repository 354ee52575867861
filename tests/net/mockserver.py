"""net/mockserver_test.go (go1.27.0), ported: shared helpers for the net tests.

Import as ``from tests.net.mockserver import newLocalListener, ...`` (the
repository root is on pytest's pythonpath). Everything here runs inside
``rt.run``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from net.ipsock import supportsIPv4, supportsIPv6
from std import context, errors, io, os, sync, time


def newLocalListener(network: str, lc: net.ListenConfig | None = None) -> Any:
    """mockserver_test.go: newLocalListener. A listener on a loopback port."""
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
    if network == "tcp4" and supportsIPv4():
        return listen("tcp4", "127.0.0.1:0")
    if network == "tcp6" and supportsIPv6():
        return listen("tcp6", "[::1]:0")
    pytest.skip(f"{network} is not supported here")


class localServer:
    """mockserver_test.go: localServer. A listener plus the goroutine that serves it."""

    def __init__(self, ln: Any) -> None:
        self.lnmu = sync.RWMutex()
        self.Listener: Any = ln
        self.done: rt.hchan[bool] = rt.chan()
        self.cl: list[Any] = []

    def buildup(self, handler: Callable[[localServer, Any], None]) -> None:
        """mockserver_test.go: localServer.buildup."""

        def run() -> None:
            try:
                handler(self, self.Listener)
            finally:
                self.done.close()

        rt.go(run)

    def teardown(self) -> Any:
        """mockserver_test.go: localServer.teardown. Close all and wait for the handler."""
        with self.lnmu:
            if self.Listener is not None:
                self.Listener.Close()
                for c in self.cl:
                    err = c.Close()
                    if err is not None and not errors.Is(err, net.ErrClosed):
                        return err
                self.done.recv2()
                self.Listener = None
        return None


def newLocalServer(network: str) -> localServer:
    """mockserver_test.go: newLocalServer."""
    return localServer(newLocalListener(network))


def transponder(ln: Any, ch: rt.hchan[Any]) -> None:
    """mockserver_test.go: transponder. Accept one conn, echo one message, report errors."""
    c, err = ln.Accept()
    if err is not None:
        ch.send(err)
        return
    with c:
        network = ln.Addr().Network()
        if c.LocalAddr().Network() != network or c.RemoteAddr().Network() != network:
            ch.send(errors.New(f"got {c.LocalAddr().Network()}->{c.RemoteAddr().Network()}; "
                               f"expected {network}->{network}"))
            return
        c.SetDeadline(time.Now().Add(time.Second))
        c.SetReadDeadline(time.Now().Add(time.Second))
        c.SetWriteDeadline(time.Now().Add(time.Second))
        b = bytearray(256)
        n, err = c.Read(b)
        if err is not None:
            ch.send(err)
            return
        _, err = c.Write(memoryview(b)[:n])
        if err is not None:
            ch.send(err)
            return
    ch.send(None)


def transceiver(c: Any, wb: bytes, ch: rt.hchan[Any]) -> None:
    """mockserver_test.go: transceiver. Write wb, read it back, report errors."""
    c.SetDeadline(time.Now().Add(time.Second))
    n, err = c.Write(wb)
    if err is not None:
        ch.send(err)
        return
    if n != len(wb):
        ch.send(errors.New(f"wrote {n} bytes; want {len(wb)}"))
        return
    rb = bytearray(len(wb))
    n, err = c.Read(rb)
    if err is not None:
        ch.send(err)
        return
    if n != len(wb):
        ch.send(errors.New(f"read {n} bytes; want {len(wb)}"))
        return
    ch.send(None)


def isDeadlineExceeded(err: Any) -> bool:
    """timeout_test.go: isDeadlineExceeded. A net.Error timeout wrapping os.ErrDeadlineExceeded."""
    if not getattr(err, "Timeout", lambda: False)():
        return False
    return errors.Is(err, os.ErrDeadlineExceeded)


def echoServer(ln: Any) -> None:
    """An echo handler: one goroutine per connection, io.Copy back to the client."""
    while True:
        c, err = ln.Accept()
        if err is not None:
            return

        def handle(c: Any = c) -> None:
            with c:
                io.Copy(c, c)

        rt.go(handle)


__all__ = ["echoServer", "isDeadlineExceeded", "localServer", "newLocalListener",
           "newLocalServer", "transceiver", "transponder"]
