"""net/pipe_test.go (go1.27.0), ported, with the nettest conformance suite it runs.

Go's pipe_test.go has two tests. TestPipe hands ``net.Pipe`` to
golang.org/x/net/nettest's TestConn (conntest.go), which runs eleven
checks that any net.Conn must pass; here they are ``test_Pipe[Name]``,
one parameter per subtest, with nettest's names and facts (sizes,
deadlines, what is asserted) and code written for this port. TestPipeCloseError is
``test_PipeCloseError``; Go's ``Read(nil)``/``Write(nil)`` are an empty
bytearray and ``b""``.

How they run: each body is ``main`` of its own ``rt.run``. Go's
``t.Errorf`` inside goroutines appends to a list asserted at the end (a
failed assert inside a goroutine would end ``rt.run`` as a panic, which
also fails the test). nettest's ``timeoutWrapper`` (a one-minute
``AfterFunc`` that closes the pipe, and a ``sync.Once`` around the stop)
is kept. Beyond nettest, every conformance test ends with a leak check:
once both ends are closed, every goroutine it started must have ended and
no timer may still be pending (``_noLeak``); Go's suite does not check this.

The port's own tests (test_PortPipe*) cover what net/pipe.py's docstring
promises and nettest leaves open: Go's exact error texts and types, the
address, zero-length Reads and Writes (a rendezvous each, as Go does it),
the partial-write count, contiguous concurrent Writes (``wrMu``), a
deadline moved while a call is pending, the timer hand-off in
``pipeDeadline.set``, Close waking blocked calls, deadline timers left
armed at Close, bad arguments, and closed ends used outside ``rt.run``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from net.net import OpError
from net.pipe import Pipe, makePipeDeadline, pipe, pipeAddr
from rt import proc
from std import errors, io, os, sync, time
from std.errors import error

aLongTimeAgo = time.Unix(233431200, 0)
neverTimeout = time.Time()

Errs = list[str]
"""What Go's t.Errorf calls would have reported; asserted empty at the end."""


# ---------------------------------------------------------------------------
# Helpers


def _liveTimers() -> int:
    """Timers still pending on this P (stopped and fired ones do not count)."""
    mp = proc.getm()
    assert mp is not None and mp.p is not None
    return sum(1 for _, t in mp.p.timers.heap if t.when > 0)


def _noLeak(timeout: int = 5 * time.Second) -> None:
    """Wait until main is the only goroutine and no timer is pending; fail after timeout."""
    start = time.Now()
    while rt.NumGoroutine() != 1 or _liveTimers() != 0:
        if time.Since(start) > timeout:
            raise AssertionError(
                f"leaked {rt.NumGoroutine() - 1} goroutines, {_liveTimers()} pending timers")
        time.Sleep(time.Millisecond)


def _blocked(c: rt.hchan[Any], d: int = 50 * time.Millisecond) -> bool:
    """Whether nothing arrives on c within d (the sender is still blocked)."""
    t = time.NewTimer(d)
    try:
        i, _, _ = rt.select(rt.recv(c), rt.recv(t.C))
        return i == 1
    finally:
        t.Stop()


def _recvWithin(c: rt.hchan[Any], d: int, what: str) -> Any:
    """Receive from c, failing if that takes longer than d."""
    t = time.NewTimer(d)
    try:
        i, v, _ = rt.select(rt.recv(c), rt.recv(t.C))
        assert i == 0, f"timed out after {time.Duration(d)} waiting for {what}"
        return v
    finally:
        t.Stop()


def isTimeoutError(err: object) -> bool:
    """conntest.go: checkForTimeoutError's test. A net.Error whose Timeout() is true."""
    return isinstance(err, net.Error) and err.Timeout()


def checkForTimeoutError(errs: Errs, err: object) -> None:
    """conntest.go: checkForTimeoutError."""
    if not isinstance(err, net.Error):
        errs.append(f"got {type(err).__name__}, want net.Error")
    elif not err.Timeout():
        errs.append("err.Timeout() = false, want true")


class _randReader:
    """An endless stream of pseudo-random bytes (Go's rand.New(rand.NewSource(0)))."""

    def __init__(self, seed: int = 0) -> None:
        self.r = random.Random(seed)

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        p[:] = self.r.randbytes(len(p))
        return len(p), None


class _bytesReader:
    """Go's bytes.NewReader: the bytes of data, then io.EOF."""

    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if not self.data:
            return 0, io.EOF
        n = min(len(p), len(self.data))
        p[:n] = self.data[:n]
        self.data = self.data[n:]
        return n, None


class _buffer:
    """Go's bytes.Buffer, the Write half: collects what is written."""

    def __init__(self) -> None:
        self.b = bytearray()

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        self.b += p
        return len(p), None


def chunkedCopy(w: io.Writer, r: io.Reader) -> error | None:
    """conntest.go: chunkedCopy. Copy r to w 1024 bytes at a time until EOF or an error.

    nettest hides WriterTo/ReaderFrom behind wrapper structs so that
    io.CopyBuffer does the plain loop; the loop is written out here.
    """
    buf = bytearray(1024)
    while True:
        nr, er = r.Read(buf)
        if nr > 0:
            _, ew = w.Write(memoryview(buf)[:nr])
            if ew is not None:
                return ew
        if er is not None:
            return None if er is io.EOF else er


def testRoundtrip(errs: Errs, c: net.Conn) -> None:
    """conntest.go: testRoundtrip. Write a greeting into c and read it back (c echoes)."""
    err = c.SetDeadline(neverTimeout)
    if err is not None:
        errs.append(f"roundtrip SetDeadline error: {err}")
    s = b"Hello, world!"
    buf = bytearray(s)
    _, err = c.Write(buf)
    if err is not None:
        errs.append(f"roundtrip Write error: {err}")
    _, err = io.ReadFull(c, buf)
    if err is not None:
        errs.append(f"roundtrip Read error: {err}")
    if buf != s:
        errs.append(f"roundtrip data mismatch: got {bytes(buf)!r}, want {s!r}")


def resyncConn(errs: Errs, c: net.Conn) -> None:
    """conntest.go: resyncConn. Drain c until an 0xff it wrote itself comes back.

    c echoes what is written into it; 0xff is assumed not to be on the
    wire already.
    """
    c.SetDeadline(neverTimeout)
    errCh: rt.hchan[error | None] = rt.chan()

    def marker() -> None:
        _, err = c.Write(b"\xff")
        errCh.send(err)

    rt.go(marker)
    buf = bytearray(1024)
    while True:
        n, err = c.Read(buf)
        if n > 0 and buf.find(b"\xff", 0, n) == n - 1:
            break
        if err is not None:
            errs.append(f"unexpected Read error: {err}")
            break
    err = errCh.recv()
    if err is not None:
        errs.append(f"unexpected Write error: {err}")


# ---------------------------------------------------------------------------
# conntest.go's checks, each taking (errs, c1, c2)


def testBasicIO(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testBasicIO. 1 MiB written on c1 arrives intact on c2."""
    want = random.Random(0).randbytes(1 << 20)
    dataCh: rt.hchan[bytes] = rt.chan()

    def send() -> None:
        err = chunkedCopy(c1, _bytesReader(want))
        if err is not None:
            errs.append(f"unexpected c1.Write error: {err}")
        err = c1.Close()
        if err is not None:
            errs.append(f"unexpected c1.Close error: {err}")

    def receive() -> None:
        wr = _buffer()
        err = chunkedCopy(wr, c2)
        if err is not None:
            errs.append(f"unexpected c2.Read error: {err}")
        err = c2.Close()
        if err is not None:
            errs.append(f"unexpected c2.Close error: {err}")
        dataCh.send(bytes(wr.b))

    rt.go(send)
    rt.go(receive)
    if dataCh.recv() != want:
        errs.append("transmitted data differs")


def testPingPong(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testPingPong. Both ends bounce a counter back and forth up to 1000."""
    wg = sync.WaitGroup()

    def pingPonger(c: net.Conn) -> None:
        try:
            buf = bytearray(8)
            prev = 0
            while True:
                _, err = io.ReadFull(c, buf)
                if err is not None:
                    if err is not io.EOF:
                        # nettest reports and carries on; that would spin here.
                        errs.append(f"unexpected Read error: {err}")
                    break
                v = int.from_bytes(buf, "little")
                buf[:] = (v + 1).to_bytes(8, "little")
                if prev != 0 and prev + 2 != v:
                    errs.append(f"mismatching value: got {v}, want {prev + 2}")
                prev = v
                if v == 1000:
                    break
                _, err = c.Write(buf)
                if err is not None:
                    errs.append(f"unexpected Write error: {err}")
                    break
            err = c.Close()
            if err is not None:
                errs.append(f"unexpected Close error: {err}")
        finally:
            wg.Done()

    wg.Add(2)
    rt.go(pingPonger, c1)
    rt.go(pingPonger, c2)
    try:
        # Start off the chain reaction.
        _, err = c1.Write(bytes(8))
        if err is not None:
            errs.append(f"unexpected c1.Write error: {err}")
    finally:
        wg.Wait()


def testRacyRead(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testRacyRead. A Read buffer may be changed as soon as Read returns.

    Ten goroutines read under a 1 ms deadline that they keep renewing.
    """
    rt.go(chunkedCopy, c2, _randReader())
    wg = sync.WaitGroup()

    def reader() -> None:
        try:
            b1 = bytearray(1024)
            b2 = bytearray(1024)
            for _ in range(100):
                _, err = c1.Read(b1)
                b1[:] = b2  # Change b1 at once: would race with a late copy into it.
                if err is not None:
                    checkForTimeoutError(errs, err)
                    c1.SetReadDeadline(time.Now().Add(time.Millisecond))
        finally:
            wg.Done()

    c1.SetReadDeadline(time.Now().Add(time.Millisecond))
    for _ in range(10):
        wg.Add(1)
        rt.go(reader)
    wg.Wait()


def testRacyWrite(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testRacyWrite. A Write buffer may be changed as soon as Write returns."""
    rt.go(chunkedCopy, io.Discard, c2)
    wg = sync.WaitGroup()

    def writer() -> None:
        try:
            b1 = bytearray(1024)
            b2 = bytearray(1024)
            for _ in range(100):
                _, err = c1.Write(b1)
                b1[:] = b2  # Change b1 at once: would race with a late read of it.
                if err is not None:
                    checkForTimeoutError(errs, err)
                    c1.SetWriteDeadline(time.Now().Add(time.Millisecond))
        finally:
            wg.Done()

    c1.SetWriteDeadline(time.Now().Add(time.Millisecond))
    for _ in range(10):
        wg.Add(1)
        rt.go(writer)
    wg.Wait()


def testReadTimeout(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testReadTimeout. An expired read deadline leaves Write alone."""
    rt.go(chunkedCopy, io.Discard, c2)
    c1.SetReadDeadline(aLongTimeAgo)
    _, err = c1.Read(bytearray(1024))
    checkForTimeoutError(errs, err)
    _, err = c1.Write(bytes(1024))
    if err is not None:
        errs.append(f"unexpected Write error: {err}")


def testWriteTimeout(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testWriteTimeout. An expired write deadline leaves Read alone."""
    rt.go(chunkedCopy, c2, _randReader())
    c1.SetWriteDeadline(aLongTimeAgo)
    _, err = c1.Write(bytes(1024))
    checkForTimeoutError(errs, err)
    _, err = c1.Read(bytearray(1024))
    if err is not None:
        errs.append(f"unexpected Read error: {err}")


def testPastTimeout(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testPastTimeout. A deadline in the past fails Read and Write at once."""
    rt.go(chunkedCopy, c2, c2)
    testRoundtrip(errs, c1)

    c1.SetDeadline(aLongTimeAgo)
    n, err = c1.Write(bytes(1024))
    if n != 0:
        errs.append(f"unexpected Write count: got {n}, want 0")
    checkForTimeoutError(errs, err)
    n, err = c1.Read(bytearray(1024))
    if n != 0:
        errs.append(f"unexpected Read count: got {n}, want 0")
    checkForTimeoutError(errs, err)

    testRoundtrip(errs, c1)


def testPresentTimeout(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testPresentTimeout. A past deadline set during a Read and a Write ends both."""
    wg = sync.WaitGroup()
    wg.Add(3)
    deadlineSet: rt.hchan[bool] = rt.chan(1)

    def setter() -> None:
        try:
            time.Sleep(100 * time.Millisecond)
            deadlineSet.send(True)
            c1.SetReadDeadline(aLongTimeAgo)
            c1.SetWriteDeadline(aLongTimeAgo)
        finally:
            wg.Done()

    def reader() -> None:
        try:
            n, err = c1.Read(bytearray(1024))
            if n != 0:
                errs.append(f"unexpected Read count: got {n}, want 0")
            checkForTimeoutError(errs, err)
            if len(deadlineSet) == 0:
                errs.append("Read timed out before deadline is set")
        finally:
            wg.Done()

    def writer() -> None:
        try:
            err: error | None = None
            while err is None:
                _, err = c1.Write(bytes(1024))
            checkForTimeoutError(errs, err)
            if len(deadlineSet) == 0:
                errs.append("Write timed out before deadline is set")
        finally:
            wg.Done()

    rt.go(setter)
    rt.go(reader)
    rt.go(writer)
    wg.Wait()


def testFutureTimeout(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testFutureTimeout. A deadline 100 ms ahead ends a pending Read and Write."""
    wg = sync.WaitGroup()
    wg.Add(2)
    c1.SetDeadline(time.Now().Add(100 * time.Millisecond))

    def reader() -> None:
        try:
            _, err = c1.Read(bytearray(1024))
            checkForTimeoutError(errs, err)
        finally:
            wg.Done()

    def writer() -> None:
        try:
            err: error | None = None
            while err is None:
                _, err = c1.Write(bytes(1024))
            checkForTimeoutError(errs, err)
        finally:
            wg.Done()

    rt.go(reader)
    rt.go(writer)
    wg.Wait()

    rt.go(chunkedCopy, c2, c2)
    resyncConn(errs, c1)
    testRoundtrip(errs, c1)


def testCloseTimeout(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testCloseTimeout. Close ends pending Reads and Writes."""
    rt.go(chunkedCopy, c2, c2)
    wg = sync.WaitGroup()
    wg.Add(3)

    # Cancelation comes from the Close, not from a deadline.
    c1.SetDeadline(neverTimeout)

    def closer() -> None:
        try:
            time.Sleep(100 * time.Millisecond)
            c1.Close()
        finally:
            wg.Done()

    def reader() -> None:
        try:
            err: error | None = None
            buf = bytearray(1024)
            while err is None:
                _, err = c1.Read(buf)
        finally:
            wg.Done()

    def writer() -> None:
        try:
            err: error | None = None
            buf = bytearray(1024)
            while err is None:
                _, err = c1.Write(buf)
        finally:
            wg.Done()

    rt.go(closer)
    rt.go(reader)
    rt.go(writer)
    wg.Wait()


def testConcurrentMethods(errs: Errs, c1: net.Conn, c2: net.Conn) -> None:
    """conntest.go: testConcurrentMethods. Every Conn method may run concurrently with the rest.

    The results are not checked (they may be nonsense); the conn must come
    out of it working.
    """
    rt.go(chunkedCopy, c2, c2)
    wg = sync.WaitGroup()

    def call(f: Callable[[], object]) -> None:
        try:
            f()
        finally:
            wg.Done()

    for _ in range(100):
        wg.Add(7)
        rt.go(call, lambda: c1.Read(bytearray(1024)))
        rt.go(call, lambda: c1.Write(bytes(1024)))
        rt.go(call, lambda: c1.SetDeadline(time.Now().Add(10 * time.Millisecond)))
        rt.go(call, lambda: c1.SetReadDeadline(aLongTimeAgo))
        rt.go(call, lambda: c1.SetWriteDeadline(aLongTimeAgo))
        rt.go(call, c1.LocalAddr)
        rt.go(call, c1.RemoteAddr)
    wg.Wait()  # At worst, the deadline is set 10ms into the future

    resyncConn(errs, c1)
    testRoundtrip(errs, c1)


# Go's names, not pytest tests: they run through test_Pipe.
_helpers: tuple[Any, ...] = (
    testRoundtrip, testBasicIO, testPingPong, testRacyRead, testRacyWrite, testReadTimeout,
    testWriteTimeout, testPastTimeout, testPresentTimeout, testFutureTimeout, testCloseTimeout,
    testConcurrentMethods,
)
for _helper in _helpers:
    _helper.__test__ = False

connTests: list[tuple[str, Callable[[Errs, net.Conn, net.Conn], None]]] = [
    ("BasicIO", testBasicIO),
    ("PingPong", testPingPong),
    ("RacyRead", testRacyRead),
    ("RacyWrite", testRacyWrite),
    ("ReadTimeout", testReadTimeout),
    ("WriteTimeout", testWriteTimeout),
    ("PastTimeout", testPastTimeout),
    ("PresentTimeout", testPresentTimeout),
    ("FutureTimeout", testFutureTimeout),
    ("CloseTimeout", testCloseTimeout),
    ("ConcurrentMethods", testConcurrentMethods),
]


def timeoutWrapper(f: Callable[[Errs, net.Conn, net.Conn], None]) -> Errs:
    """conntest.go: timeoutWrapper, plus the leak check. Run f on a fresh Pipe in rt.run.

    A minute-long AfterFunc closes the pipe if f hangs; the stop runs once.
    Returns what f (and the wrapper) reported.
    """
    errs: Errs = []

    def main() -> None:
        c1, c2 = Pipe()

        def stop() -> None:
            c1.Close()
            c2.Close()

        once = sync.Once()

        def expired() -> None:
            def report() -> None:
                errs.append("test timed out; terminating pipe")
                stop()

            once.Do(report)

        timer = time.AfterFunc(time.Minute, expired)
        try:
            f(errs, c1, c2)
        finally:
            timer.Stop()
            once.Do(stop)
        # Not in nettest: with both ends closed, everything f started must end.
        _noLeak()

    rt.run(main)
    return errs


# ---------------------------------------------------------------------------
# pipe_test.go


@pytest.mark.watchdog(120)
@pytest.mark.parametrize("f", [f for _, f in connTests], ids=[name for name, _ in connTests])
def test_Pipe(f: Callable[[Errs, net.Conn, net.Conn], None]) -> None:
    """pipe_test.go: TestPipe. nettest.TestConn against net.Pipe."""
    errs = timeoutWrapper(f)
    assert errs == []


def test_PipeCloseError() -> None:
    """pipe_test.go: TestPipeCloseError. The errors of a closed end and of its peer."""

    def main() -> None:
        c1, c2 = Pipe()
        c1.Close()

        _, err = c1.Read(bytearray())
        assert err is io.ErrClosedPipe, f"c1.Read() = {err}, want io.ErrClosedPipe"
        _, err = c1.Write(b"")
        assert err is io.ErrClosedPipe, f"c1.Write() = {err}, want io.ErrClosedPipe"
        err = c1.SetDeadline(time.Time())
        assert err is io.ErrClosedPipe, f"c1.SetDeadline() = {err}, want io.ErrClosedPipe"
        _, err = c2.Read(bytearray())
        assert err is io.EOF, f"c2.Read() = {err}, want io.EOF"
        _, err = c2.Write(b"")
        assert err is io.ErrClosedPipe, f"c2.Write() = {err}, want io.ErrClosedPipe"
        err = c2.SetDeadline(time.Time())
        assert err is io.ErrClosedPipe, f"c2.SetDeadline() = {err}, want io.ErrClosedPipe"

    rt.run(main)


# ---------------------------------------------------------------------------
# The port's own tests


def test_PortPipeErrorText() -> None:
    """Go's errors, byte for byte, and their types (checked against go1.19's net.Pipe)."""

    def main() -> None:
        c1, c2 = Pipe()
        buf = bytearray(8)

        c1.SetReadDeadline(aLongTimeAgo)
        n, err = c1.Read(buf)
        assert n == 0 and isinstance(err, OpError)
        assert err.Error() == str(err) == "read pipe: i/o timeout"
        assert (err.Op, err.Net, err.Source, err.Addr) == ("read", "pipe", None, None)
        assert err.Err is os.ErrDeadlineExceeded
        assert errors.Is(err, os.ErrDeadlineExceeded)
        assert err.Timeout() and err.Temporary()
        assert isinstance(err, net.Error)

        c1.SetWriteDeadline(aLongTimeAgo)
        n, err = c1.Write(b"x")
        assert n == 0 and isinstance(err, OpError)
        assert err.Error() == "write pipe: i/o timeout"
        assert err.Err is os.ErrDeadlineExceeded

        c2.Close()
        # The closed and EOF errors are returned themselves, never wrapped,
        # and they win over the expired deadlines.
        n, err = c1.Read(buf)
        assert (n, err) == (0, io.EOF) and err is io.EOF
        assert err is not None and err.Error() == "EOF"
        n, err = c1.Write(b"x")
        assert n == 0 and err is io.ErrClosedPipe
        assert err.Error() == "io: read/write on closed pipe"
        n, err = c2.Read(buf)
        assert n == 0 and err is io.ErrClosedPipe
        n, err = c2.Write(b"x")
        assert n == 0 and err is io.ErrClosedPipe
        # Both ends closed: the local close is what a Read reports.
        c1.Close()
        n, err = c1.Read(buf)
        assert n == 0 and err is io.ErrClosedPipe

    rt.run(main)


def test_PortPipeAddr() -> None:
    """LocalAddr and RemoteAddr: a pipeAddr, "pipe"/"pipe", all equal (Go's empty struct)."""
    c1, c2 = Pipe()
    for a in (c1.LocalAddr(), c1.RemoteAddr(), c2.LocalAddr(), c2.RemoteAddr()):
        assert isinstance(a, pipeAddr) and isinstance(a, net.Addr)
        assert a.Network() == "pipe" and a.String() == "pipe" and str(a) == "pipe"
    assert c1.LocalAddr() == c2.RemoteAddr()
    m = {c1.LocalAddr(): 1}
    assert m[c2.RemoteAddr()] == 1


def test_PortPipeConn() -> None:
    """Both ends are net.Conns, hashable by identity, and ``with c:`` closes them."""

    def main() -> None:
        c1, c2 = Pipe()
        assert isinstance(c1, pipe) and isinstance(c2, pipe)
        assert isinstance(c1, net.Conn) and isinstance(c1, io.ReadWriteCloser)
        assert c1 != c2 and len({c1, c2}) == 2
        with c1 as c:
            assert c is c1
        assert c1.Read(bytearray(1)) == (0, io.ErrClosedPipe)
        assert c2.Read(bytearray(1)) == (0, io.EOF)
        assert c1.Close() is None and c1.Close() is None  # idempotent
        c2.Close()

    rt.run(main)


def test_PortPipeZeroLengthWrite() -> None:
    """An empty Write waits for one Read on the other end; both return (0, None)."""

    def main() -> None:
        c1, c2 = Pipe()
        done: rt.hchan[tuple[int, error | None]] = rt.chan(1)
        rt.go(lambda: done.send(c1.Write(b"")))
        assert _blocked(done), "Write(b'') returned before any Read"
        assert c2.Read(bytearray(10)) == (0, None)
        assert done.recv() == (0, None)
        c1.Close()
        c2.Close()
        _noLeak()

    rt.run(main)


def test_PortPipeZeroLengthRead() -> None:
    """An empty Read waits for a Write, copies nothing, and leaves its bytes to the next Read."""

    def main() -> None:
        c1, c2 = Pipe()
        done: rt.hchan[tuple[int, error | None]] = rt.chan(1)
        rt.go(lambda: done.send(c1.Write(b"abc")))
        assert c2.Read(bytearray()) == (0, None)
        assert _blocked(done), "Write returned after an empty Read"
        buf = bytearray(10)
        assert c2.Read(buf) == (3, None) and buf[:3] == b"abc"
        assert done.recv() == (3, None)
        c1.Close()
        c2.Close()
        _noLeak()

    rt.run(main)


def test_PortPipePartialWriteCount() -> None:
    """A Write cut short returns exactly the bytes the peer read (the rdRx/rdTx invariant)."""

    def main() -> None:
        c1, c2 = Pipe()
        buf = bytearray(10)
        done: rt.hchan[tuple[int, error | None]] = rt.chan(1)

        # Ended by the write deadline after one 10-byte Read.
        rt.go(lambda: done.send(c1.Write(bytes(range(100)))))
        assert c2.Read(buf) == (10, None) and buf == bytes(range(10))
        c1.SetWriteDeadline(time.Now().Add(20 * time.Millisecond))
        n, err = done.recv()
        assert n == 10 and err is not None and err.Error() == "write pipe: i/o timeout"
        c1.SetWriteDeadline(neverTimeout)

        # Ended by the reader's Close after two Reads.
        rt.go(lambda: done.send(c1.Write(bytes(100))))
        assert c2.Read(buf) == (10, None)
        assert c2.Read(buf) == (10, None)
        c2.Close()
        assert done.recv() == (20, io.ErrClosedPipe)

        # Ended by the writer's own Close.
        c3, c4 = Pipe()
        rt.go(lambda: done.send(c3.Write(bytes(100))))
        assert c4.Read(buf) == (10, None)
        c3.Close()
        assert done.recv() == (10, io.ErrClosedPipe)
        c1.Close()
        c4.Close()
        _noLeak()

    rt.run(main)


def test_PortPipeWritesContiguous() -> None:
    """wrMu: concurrent Writes reach the reader whole, one after the other, never interleaved."""

    def main() -> None:
        c1, c2 = Pipe()
        wg = sync.WaitGroup()
        size = 4096
        letters = b"abcd"

        def writer(ch: int) -> None:
            try:
                n, err = c1.Write(bytes([ch]) * size)
                assert (n, err) == (size, None)
            finally:
                wg.Done()

        for ch in letters:
            wg.Add(1)
            rt.go(writer, ch)
        # Let all four block before reading. (Left to run straight away, the
        # first writer would get every rendezvous through runnext and the
        # others would not even have started: no interleaving to prevent.)
        time.Sleep(10 * time.Millisecond)
        got = bytearray()
        buf = bytearray(100)  # many Reads per Write, so other writers get a chance
        while len(got) < size * len(letters):
            n, err = c2.Read(buf)
            assert err is None
            got += buf[:n]
        wg.Wait()
        runs = [got[i : i + size] for i in range(0, len(got), size)]
        assert sorted(r[0] for r in runs) == sorted(letters)
        for r in runs:
            assert r == bytes([r[0]]) * size, "two Writes were interleaved"
        c1.Close()
        c2.Close()
        _noLeak()

    rt.run(main)


def test_PortPipeDeadlineMovedWhilePending() -> None:
    """A deadline changed during a Read applies to that Read (cancel is only replaced closed)."""

    def main() -> None:
        c1, c2 = Pipe()
        done: rt.hchan[tuple[int, error | None]] = rt.chan(1)
        buf = bytearray(8)

        # Cleared before it fires: the pending Read keeps waiting, then gets data.
        c1.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
        rt.go(lambda: done.send(c1.Read(buf)))
        time.Sleep(10 * time.Millisecond)
        c1.SetReadDeadline(neverTimeout)
        assert _blocked(done, 100 * time.Millisecond), "Read timed out after the clear"
        assert c2.Write(b"hi") == (2, None)
        assert done.recv() == (2, None)

        # Pushed further out: the Read times out at the later deadline.
        c1.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
        start = time.Now()
        rt.go(lambda: done.send(c1.Read(buf)))
        time.Sleep(5 * time.Millisecond)
        c1.SetReadDeadline(time.Now().Add(80 * time.Millisecond))
        n, err = done.recv()
        assert n == 0 and isTimeoutError(err)
        assert time.Since(start) >= 80 * time.Millisecond

        # Expired, then renewed: Reads wait again instead of failing at once.
        c1.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
        rt.go(lambda: done.send(c1.Read(buf)))
        assert _blocked(done, 10 * time.Millisecond)
        n, err = done.recv()
        assert isTimeoutError(err)
        c1.SetReadDeadline(time.Now().Add(time.Hour))
        rt.go(lambda: done.send(c1.Read(buf)))
        assert _blocked(done), "Read failed after the deadline was renewed"
        assert c2.Write(b"x") == (1, None)
        assert done.recv() == (1, None)

        # Cleared while none was set, then expired: the pending Read still
        # waits on the channel that set closes.
        c1.SetReadDeadline(neverTimeout)
        rt.go(lambda: done.send(c1.Read(buf)))
        assert _blocked(done)
        c1.SetReadDeadline(neverTimeout)
        c1.SetReadDeadline(aLongTimeAgo)
        n, err = _recvWithin(done, 5 * time.Second, "the Read to see the expired deadline")
        assert n == 0 and isTimeoutError(err)

        c1.Close()
        c2.Close()
        _noLeak()

    rt.run(main)


def test_PortPipeDeadlineSetRacesTimer() -> None:
    """pipeDeadline.set while its timer fires: it waits for the callback, never double-closes.

    Each round arms a deadline that expires at about the moment the round
    sets a new one, so set sometimes finds the timer unfired, sometimes
    fired with its goroutine still to run (set must wait on cancel), and
    sometimes done. Whatever it found, the new state must hold at once.
    """

    def main() -> None:
        d = makePipeDeadline()
        rng = random.Random(1)
        for i in range(300):
            d.set(time.Now().Add(rng.randrange(0, 200) * time.Microsecond))
            if rng.random() < 0.7:
                time.Sleep(rng.randrange(0, 200) * time.Microsecond)
            kind = i % 3
            if kind == 0:
                d.set(neverTimeout)
                i0, _, _ = rt.select(rt.recv(d.wait()), default=True)
                assert i0 == -1, "cleared deadline reads as expired"
            elif kind == 1:
                d.set(aLongTimeAgo)
                i0, _, _ = rt.select(rt.recv(d.wait()), default=True)
                assert i0 == 0, "past deadline reads as pending"
            else:
                d.set(time.Now().Add(time.Hour))
                i0, _, _ = rt.select(rt.recv(d.wait()), default=True)
                assert i0 == -1, "future deadline reads as expired"
        d.set(neverTimeout)
        _noLeak()

    rt.run(main)


def test_PortPipeCloseWakesBlocked() -> None:
    """Close wakes every Read and Write blocked on either end, with Go's errors."""

    def main() -> None:
        c1, c2 = Pipe()
        results: rt.hchan[tuple[str, int, error | None]] = rt.chan(8)

        def read(name: str, c: net.Conn) -> None:
            n, err = c.Read(bytearray(16))
            results.send((name, n, err))

        def write(name: str, c: net.Conn) -> None:
            n, err = c.Write(b"data")
            results.send((name, n, err))

        # Two Reads and two Writes parked on c1: nobody serves them.
        rt.go(read, "c1.Read", c1)
        rt.go(read, "c1.Read", c1)
        rt.go(write, "c1.Write", c1)
        rt.go(write, "c1.Write", c1)
        assert _blocked(results)
        c2.Close()
        got = sorted(results.recv() for _ in range(4))
        assert got == [("c1.Read", 0, io.EOF)] * 2 + [("c1.Write", 0, io.ErrClosedPipe)] * 2

        # And on the end that is closed itself.
        c3, c4 = Pipe()
        rt.go(read, "c3.Read", c3)
        rt.go(write, "c3.Write", c3)
        assert _blocked(results)
        c3.Close()
        got = sorted(results.recv() for _ in range(2))
        assert got == [("c3.Read", 0, io.ErrClosedPipe), ("c3.Write", 0, io.ErrClosedPipe)]
        c1.Close()
        c4.Close()
        _noLeak()

    rt.run(main)


def test_PortPipeCloseLeavesTimers() -> None:
    """Close does not stop deadline timers (as Go): they fire later and leave nothing behind."""

    def main() -> None:
        c1, c2 = Pipe()
        c1.SetDeadline(time.Now().Add(30 * time.Millisecond))
        c2.SetReadDeadline(time.Now().Add(time.Hour))
        assert _liveTimers() == 3
        c2.SetReadDeadline(neverTimeout)  # a zero deadline stops its timer at once
        assert _liveTimers() == 2
        c1.Close()
        c2.Close()
        assert _liveTimers() == 2  # still armed after Close
        _noLeak()  # they fire, their goroutines close the channels and end

    rt.run(main)


def test_PortPipeBadArguments() -> None:
    """Python-side mistakes are a TypeError at the call; the pipe is left as it was."""
    c1, c2 = Pipe()
    with pytest.raises(TypeError):
        c1.Read(b"read-only")  # the typeshed Buffer type lets bytes through
    with pytest.raises(TypeError):
        c1.Read(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        c1.Write("text")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        c1.Write(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="time.Time"):
        c1.SetDeadline(5 * time.Second)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="time.Time"):
        c1.SetReadDeadline(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="time.Time"):
        c1.SetWriteDeadline(None)  # type: ignore[arg-type]

    def main() -> None:
        # Still a working pipe.
        done: rt.hchan[tuple[int, error | None]] = rt.chan(1)
        rt.go(lambda: done.send(c1.Write(memoryview(b"ok"))))
        buf = bytearray(4)
        assert c2.Read(memoryview(buf)[1:]) == (2, None) and buf == b"\x00ok\x00"
        assert done.recv() == (2, None)
        c1.Close()
        c2.Close()

    rt.run(main)


def test_PortPipeClosedOutsideRun() -> None:
    """Calls that need no waiting (a closed end, past deadlines) work outside rt.run."""
    c1, c2 = Pipe()
    assert c1.SetDeadline(aLongTimeAgo) is None
    n, err = c1.Read(bytearray(4))
    assert n == 0 and err is not None and err.Error() == "read pipe: i/o timeout"
    c1.Close()
    assert c1.Write(b"x") == (0, io.ErrClosedPipe)
    assert c2.Read(bytearray(4)) == (0, io.EOF)
    assert c2.SetDeadline(neverTimeout) is io.ErrClosedPipe
