"""net/sendfile_test.go + sendfile_unix_test.go (go1.27.0), ported: files into TCP with sendfile(2).

Go's tests, each here under its name: TestSendfile,
TestSendfileWithExactLimit, TestSendfileWithLimitLargerThanFile,
TestSendfileWithLargeFile (a 2 GiB file, one byte past sendFile's
``1<<31 - 1`` chunk; sparse here, so it costs no disk), TestSendfileParts,
TestSendfileSeeked, TestSendfilePipe, TestSendfileOnWriteTimeoutExceeded,
TestCopyFromTTY.

How the fast path is proved, as in Go: ``expectSendfile`` replaces
``rt.poll.sendfile_unix.TestHookDidSendFile`` (looked up at each call) and
requires exactly one ``poll.SendFile`` call, on the connection's own FD,
that handled the copy. The port adds a count of the sendfile(2) calls
(``sendFileChunk``, also looked up at each call) whose bytes must add up
to what was sent.

Go reads ``../testdata/Isaac.Newton-Opticks.txt`` (567,198 bytes), which
this repository does not ship. ``newton`` is a stand-in made per test: the
same length, starting with the same first line (TestSendfileParts reads
"Produced "), the rest seeded pseudo-random bytes; its SHA-256 is computed,
not quoted.

The port's own tests at the end: a file into a stream Unix connection
(File.WriteTo's sendfile, Go's file-to-unix benchmark case), a zero-length
file, an exhausted LimitedReader (handled, nothing sent), and the
fallbacks Go makes: a reader with no descriptor is copied by io.Copy with
SendFile never called, and a source sendfile(2) refuses (a pipe of bytes
here behaves per kernel, so the refusal is shown with a datagram socket
in test_splice.py) goes to the generic copy with ``handled`` False.
"""

from __future__ import annotations

import hashlib
import os as _pyos
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import net
import rt
from rt.poll import sendfile_unix
from rt.sys_linux import Errno
from std import errors, io, os, sync, time
from tests.net.mockserver import newLocalListener
from tests.net.socketpeer import spawnTestSocketPair, testableNetwork

pytestmark = pytest.mark.usefixtures("sw")

newtonLen = 567198
_newtonHead = b"Produced by Suzanne Lybarger, steve harris, Josephine\n"


@pytest.fixture
def newton(tmp_path: Any) -> Iterator[tuple[str, str]]:
    """A stand-in for Go's testdata/Isaac.Newton-Opticks.txt: (path, sha256 hex)."""
    body = _newtonHead + random.Random(1704).randbytes(newtonLen - len(_newtonHead))
    path = str(tmp_path / "Isaac.Newton-Opticks.txt")
    with open(path, "wb") as fh:
        fh.write(body)
    yield path, hashlib.sha256(body).hexdigest()


class sendfileLog:
    """The port's syscall count: every sendfile(2) as (out, in, n)."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, int, int]] = []

    def sent(self, dst: int) -> int:
        return sum(n for out, _, n in self.calls if out == dst and n > 0)


@pytest.fixture
def sendfileCalls(monkeypatch: pytest.MonkeyPatch) -> sendfileLog:
    log = sendfileLog()
    orig = sendfile_unix.sendFileChunk

    def counted(dst: int, src: int, offset: int | None, size: int,
                written: int) -> tuple[int, Errno]:
        n, errno = orig(dst, src, offset, size, written)
        log.calls.append((dst, src, n))
        return n, errno

    monkeypatch.setattr(sendfile_unix, "sendFileChunk", counted)
    return log


def expectSendfile(wantConn: Any, f: Callable[[], None]) -> list[str]:
    """sendfile_test.go: expectSendfile. f must make exactly one handled poll.SendFile on
    wantConn's FD. Returns the failures (Go's t.Error calls)."""
    errs: list[str] = []
    called = False
    gotHandled = False
    gotFD: Any = None
    gotErr: Any = None

    def hook(dstFD: Any, src: int, written: int, err: Any, handled: bool) -> None:
        nonlocal called, gotHandled, gotFD, gotErr
        if called:
            errs.append("internal/poll.SendFile called multiple times, want one call")
        called = True
        gotHandled = handled
        gotFD = dstFD
        gotErr = err

    orig = sendfile_unix.TestHookDidSendFile
    sendfile_unix.TestHookDidSendFile = hook
    try:
        f()
    finally:
        sendfile_unix.TestHookDidSendFile = orig
    if not called:
        errs.append("internal/poll.SendFile was not called, want it to be")
        return errs
    if not gotHandled:
        errs.append(f"internal/poll.SendFile did not handle the write, want it to, error: "
                    f"{gotErr}")
        return errs
    if wantConn.fd.pfd is not gotFD:
        errs.append("internal.poll.SendFile called with unexpected FD")
    return errs


def _sha256Writer() -> Any:
    """hash.Hash as an io.Writer."""
    h = hashlib.sha256()

    class w:
        def Write(self, p: Any) -> tuple[int, Any]:
            h.update(p)
            return len(p), None

        def hexdigest(self) -> str:
            return h.hexdigest()

    return w()


def testSendfile(filePath: str, fileHash: str, size: int, limit: int,
                 sendfileCalls: sendfileLog | None = None) -> None:
    """sendfile_test.go: testSendfile."""

    def main() -> None:
        ln = newLocalListener("tcp")
        errc: rt.hchan[Any] = rt.chan(1)
        serverFd: list[int] = []
        try:
            def serve(ln: Any) -> None:
                conn, err = ln.Accept()
                if err is not None:
                    errc.send(err)
                    errc.close()
                    return

                def send() -> None:
                    try:
                        with conn:
                            f, err = os.Open(filePath)
                            if err is not None or f is None:
                                errc.send(err)
                                return
                            with f:
                                sbytes = 0
                                err2: Any = None

                                def copy() -> None:
                                    nonlocal sbytes, err2
                                    if limit > 0:
                                        sbytes, err2 = io.CopyN(conn, f, limit)
                                        if err2 is io.EOF and limit > size:
                                            err2 = None
                                    else:
                                        sbytes, err2 = io.Copy(conn, f)

                                conn.SyscallConn()[0].Control(serverFd.append)
                                for e in expectSendfile(conn, copy):
                                    errc.send(e)
                                if err2 is not None:
                                    errc.send(err2)
                                    return
                                if sbytes != size:
                                    errc.send(f"sent {sbytes} bytes; expected {size}")
                    finally:
                        errc.close()

                rt.go(send)

            rt.go(serve, ln)

            c, err = net.Dial("tcp", ln.Addr().String())
            assert err is None, err
            with c:
                h = _sha256Writer()
                # (Without a hash to check, the port discards: 2 GiB through
                # sha256 in this process would only slow the large-file row.)
                rbytes, err = io.Copy(h if fileHash else io.Discard, c)
                assert err is None, err
                assert rbytes == size, f"received {rbytes} bytes; expected {size}"
                if fileHash:
                    assert h.hexdigest() == fileHash, "retrieved data hash did not match"
            errs = [str(e) for e in errc]
            assert errs == []
        finally:
            ln.Close()
        if sendfileCalls is not None:
            # The port's: sendfile(2) itself moved every byte into the socket.
            assert sendfileCalls.sent(serverFd[0]) == size, sendfileCalls.calls

    rt.run(main)


testSendfile.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def test_Sendfile(newton: tuple[str, str], sendfileCalls: sendfileLog) -> None:
    testSendfile(newton[0], newton[1], newtonLen, 0, sendfileCalls)


def test_SendfileWithExactLimit(newton: tuple[str, str], sendfileCalls: sendfileLog) -> None:
    testSendfile(newton[0], newton[1], newtonLen, newtonLen, sendfileCalls)


def test_SendfileWithLimitLargerThanFile(newton: tuple[str, str],
                                         sendfileCalls: sendfileLog) -> None:
    testSendfile(newton[0], newton[1], newtonLen, newtonLen * 2, sendfileCalls)


@pytest.mark.watchdog(180)
def test_SendfileWithLargeFile(tmp_path: Any, sendfileCalls: sendfileLog) -> None:
    """1<<31 bytes, one past the chunk size. Go fills it with random data and checks
    only the length; a sparse file (zeros) has the same length for free."""
    path = str(tmp_path / "sendfile-bench")
    with open(path, "wb") as fh:
        fh.truncate(1 << 31)
    testSendfile(path, "", 1 << 31, 0, sendfileCalls)
    # At least two sendfile(2) calls with data: no single call moves 1<<31.
    assert len([c for c in sendfileCalls.calls if c[2] > 0]) >= 2


def test_SendfileParts(newton: tuple[str, str]) -> None:
    """sendfile_test.go: TestSendfileParts. Three CopyN of 3 bytes, each one sendfile."""

    def main() -> None:
        ln = newLocalListener("tcp")
        errc: rt.hchan[Any] = rt.chan(1)
        try:
            def serve() -> None:
                conn, err = ln.Accept()
                if err is not None:
                    errc.send(err)
                    errc.close()
                    return

                def send() -> None:
                    try:
                        with conn:
                            f, err = os.Open(newton[0])
                            if err is not None or f is None:
                                errc.send(err)
                                return
                            with f:
                                for _ in range(3):
                                    res: list[Any] = []

                                    def copy3(res: list[Any] = res) -> None:
                                        res.append(io.CopyN(conn, f, 3))

                                    for e in expectSendfile(conn, copy3):
                                        errc.send(e)
                                    if res[0][1] is not None:
                                        errc.send(res[0][1])
                                        return
                    finally:
                        errc.close()

                rt.go(send)

            rt.go(serve)
            c, err = net.Dial("tcp", ln.Addr().String())
            assert err is None, err
            with c:
                buf, _ = io.ReadAll(c)
                assert buf == b"Produced ", f"unexpected server reply {buf!r}, want 'Produced '"
            assert [str(e) for e in errc] == []
        finally:
            ln.Close()

    rt.run(main)


def test_SendfileSeeked(newton: tuple[str, str]) -> None:
    """sendfile_test.go: TestSendfileSeeked. sendfile starts at the file's position."""
    seekTo = 65 << 10
    sendSize = 10 << 10

    def main() -> None:
        ln = newLocalListener("tcp")
        errc: rt.hchan[Any] = rt.chan(1)
        try:
            def serve() -> None:
                conn, err = ln.Accept()
                if err is not None:
                    errc.send(err)
                    errc.close()
                    return

                def send() -> None:
                    try:
                        with conn:
                            f, err = os.Open(newton[0])
                            if err is not None or f is None:
                                errc.send(err)
                                return
                            with f:
                                _, err = f.Seek(seekTo, io.SeekStart)
                                if err is not None:
                                    errc.send(err)
                                    return
                                res: list[Any] = []

                                def copyN() -> None:
                                    res.append(io.CopyN(conn, f, sendSize))

                                for e in expectSendfile(conn, copyN):
                                    errc.send(e)
                                if res[0][1] is not None:
                                    errc.send(res[0][1])
                                # The port's: the position moved past what was sent.
                                pos, _ = f.Seek(0, io.SeekCurrent)
                                if pos != seekTo + sendSize:
                                    errc.send(f"position {pos}, want {seekTo + sendSize}")
                    finally:
                        errc.close()

                rt.go(send)

            rt.go(serve)
            c, err = net.Dial("tcp", ln.Addr().String())
            assert err is None, err
            with c:
                buf, _ = io.ReadAll(c)
                assert len(buf) == sendSize, f"Got {len(buf)} bytes; want {sendSize}"
                with open(newton[0], "rb") as fh:
                    fh.seek(seekTo)
                    assert buf == fh.read(sendSize)
            assert [str(e) for e in errc] == []
        finally:
            ln.Close()

    rt.run(main)


def test_SendfilePipe() -> None:
    """sendfile_test.go: TestSendfilePipe. sendfile doesn't put a pipe into blocking mode."""

    def main() -> None:
        ln = newLocalListener("tcp")
        r, w, err = os.Pipe()
        assert err is None, err
        assert r is not None and w is not None
        errs: list[str] = []
        try:
            copied: rt.hchan[bool] = rt.chan()
            wg = sync.WaitGroup()

            def accept() -> None:
                # Copy 1 byte from the read end of the pipe to the conn:
                # this goes through net's sendFile.
                try:
                    conn, err = ln.Accept()
                    if err is not None:
                        errs.append(str(err))
                        return
                    with conn:
                        _, err = io.CopyN(conn, r, 1)
                        if err is not None:
                            errs.append(str(err))
                            return
                        copied.close()
                finally:
                    wg.Done()

            def write1() -> None:
                try:
                    _, err = w.Write(b"a")
                    if err is not None:
                        errs.append(str(err))
                finally:
                    wg.Done()

            def discard() -> None:
                try:
                    conn, err = net.Dial("tcp", ln.Addr().String())
                    if err is not None:
                        errs.append(str(err))
                        return
                    with conn:
                        io.Copy(io.Discard, conn)
                finally:
                    wg.Done()

            wg.Add(3)
            rt.go(accept)
            rt.go(write1)
            rt.go(discard)
            copied.recv2()

            # Set a very short deadline on the read end of the pipe.
            err = r.SetDeadline(time.Now().Add(time.Microsecond))
            assert err is None, err

            def lateWrite() -> None:
                try:
                    time.Sleep(50 * time.Millisecond)
                    w.Write(b"b")
                finally:
                    wg.Done()

            wg.Add(1)
            rt.go(lateWrite)
            # If this read does not time out, the pipe was made blocking.
            _, err = r.Read(bytearray(1))
            assert err is not None, "Read did not time out"
            assert os.IsTimeout(err), f"got error {err}, expected a time out"
            wg.Wait()
            assert errs == []
        finally:
            w.Close()
            r.Close()
            ln.Close()

    rt.run(main)


def test_SendfileOnWriteTimeoutExceeded(newton: tuple[str, str]) -> None:
    """sendfile_test.go: TestSendfileOnWriteTimeoutExceeded (Go issue 43822)."""

    def main() -> None:
        ln = newLocalListener("tcp")
        errc: rt.hchan[Any] = rt.chan(1)
        try:
            def serve() -> None:
                retErr: Any = None
                try:
                    conn, err = ln.Accept()
                    if err is not None:
                        retErr = err
                        return
                    with conn:
                        # A write deadline 1h ago: every write times out.
                        err = conn.SetWriteDeadline(time.Now().Add(-1 * time.Hour))
                        if err is not None:
                            retErr = err
                            return
                        f, err = os.Open(newton[0])
                        if err is not None or f is None:
                            retErr = err
                            return
                        with f:
                            _, err = io.Copy(conn, f)
                            if errors.Is(err, os.ErrDeadlineExceeded):
                                return
                            retErr = err if err is not None else errors.New(
                                "expected ErrDeadlineExceeded, but got nil")
                finally:
                    errc.send(retErr)
                    errc.close()

            rt.go(serve)
            conn, err = net.Dial("tcp", ln.Addr().String())
            assert err is None, err
            with conn:
                n, err = io.Copy(io.Discard, conn)
                assert err is None, f"expected nil error, but got {err}"
                assert n == 0, f"expected receive zero, but got {n} byte(s)"
            err = errc.recv()
            assert err is None, err
        finally:
            ln.Close()

    rt.run(main)


def test_CopyFromTTY() -> None:
    """sendfile_unix_test.go: TestCopyFromTTY (Go issue 70763): no failure on a tty source.

    sendfile(2) refuses a tty (EINVAL): handled False, then the generic
    copy. The port writes the data into the pty before the copy rather
    than from another goroutine: the tty is blocking, so a read that found
    nothing would block the one thread every goroutine runs on (Go parks
    only that M).
    """
    try:
        pty, tty = _pyos.openpty()
    except OSError as e:
        pytest.skip(f"skipping test because pty open failed: {e}")
    data = b"data\n"

    def main() -> None:
        ttyf = os.NewFile(tty, "tty")
        ptyf = os.NewFile(pty, "pty")
        assert ttyf is not None and ptyf is not None
        ln = newLocalListener("tcp")
        try:
            ch: rt.hchan[bool] = rt.chan()
            errs: list[str] = []
            wg = sync.WaitGroup()
            wg.Add(1)

            def accept() -> None:
                try:
                    conn, err = ln.Accept()
                    if err is not None:
                        errs.append(str(err))
                        return
                    with conn:
                        buf = bytearray(len(data))
                        _, err = io.ReadFull(conn, buf)
                        if err is not None:
                            errs.append(str(err))
                        ch.send(True)
                finally:
                    wg.Done()

            rt.go(accept)
            conn, err = net.Dial("tcp", ln.Addr().String())
            assert err is None, err
            with conn:
                _, err = ptyf.Write(data)
                assert err is None, err
                lr = io.LimitReader(ttyf, len(data))
                _, err = io.Copy(conn, lr)
                assert err is None, err
                ch.recv()
            wg.Wait()
            assert errs == []
        finally:
            ln.Close()
            ptyf.Close()
            ttyf.Close()

    rt.run(main)


# ---------------------------------------------------------------------------
# The port's own.


def test_SendfileToUnix(newton: tuple[str, str], sendfileCalls: sendfileLog) -> None:
    """io.Copy(unixConn, file): File.WriteTo sends into a stream Unix connection too."""
    if not testableNetwork("unix"):
        pytest.skip("net.UnixConn not ported yet (net/unixsock.py)")

    def main() -> None:
        client, server = spawnTestSocketPair("unix")
        try:
            got: list[bytes] = []
            done: rt.hchan[None] = rt.chan()

            def reader() -> None:
                b, _ = io.ReadAll(client)
                got.append(b)
                done.send(None)

            rt.go(reader)
            f, err = os.Open(newton[0])
            assert err is None and f is not None, err
            res: list[Any] = []
            with f:
                errs = expectSendfile(server, lambda: res.append(io.Copy(server, f)))
            assert errs == []
            server.Close()
            done.recv()
            assert res == [(newtonLen, None)]
            assert hashlib.sha256(got[0]).hexdigest() == newton[1]
        finally:
            client.Close()
            server.Close()

    rt.run(main)


def test_SendfileEmptyFileAndExhaustedLimit(tmp_path: Any, sendfileCalls: sendfileLog) -> None:
    """An empty file: one sendfile(2) returning 0, handled, 0 bytes. A LimitedReader with
    N == 0: handled by net's sendFile without any system call."""
    path = str(tmp_path / "empty")
    open(path, "wb").close()

    def main() -> None:
        client, server = spawnTestSocketPair("tcp")
        try:
            f, err = os.Open(path)
            assert err is None and f is not None, err
            with f:
                errs = expectSendfile(server, lambda: None if io.Copy(server, f) == (0, None)
                                      else pytest.fail("copy of an empty file"))
                assert errs == []
                before = len(sendfileCalls.calls)
                n, err = server.ReadFrom(io.LimitedReader(R=f, N=0))
                assert (n, err) == (0, None)
                assert len(sendfileCalls.calls) == before
        finally:
            client.Close()
            server.Close()

    rt.run(main)


class _onlyReader:
    """A Reader and nothing else: no descriptor to send."""

    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)

    def Read(self, p: Any) -> tuple[int, Any]:
        if not self.data:
            return 0, io.EOF
        n = min(len(p), len(self.data))
        p[:n] = self.data[:n]
        self.data = self.data[n:]
        return n, None


def test_SendfileFallbackNoDescriptor(sendfileCalls: sendfileLog) -> None:
    """A reader that is not a syscall.Conn: no SendFile at all, io.Copy does it."""
    calls: list[Any] = []

    def main() -> None:
        client, server = spawnTestSocketPair("tcp")
        try:
            data = random.Random(5).randbytes(300_000)
            got: list[bytes] = []
            done: rt.hchan[None] = rt.chan()

            def reader() -> None:
                b, _ = io.ReadAll(client)
                got.append(b)
                done.send(None)

            rt.go(reader)
            orig = sendfile_unix.TestHookDidSendFile
            sendfile_unix.TestHookDidSendFile = lambda *a: calls.append(a)
            try:
                n, err = server.ReadFrom(_onlyReader(data))
            finally:
                sendfile_unix.TestHookDidSendFile = orig
            assert (n, err) == (len(data), None)
            server.Close()
            done.recv()
            assert got == [data]
        finally:
            client.Close()
            server.Close()

    rt.run(main)
    assert calls == [] and sendfileCalls.calls == []
