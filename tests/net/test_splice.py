"""net/splice_linux_test.go (go1.27.0), ported: TCPConn.ReadFrom/WriteTo through splice(2).

TestSplice's rows, each a test here: tcp-to-tcp, unix-to-tcp, tcp-to-unix
(``spliceTestCase.test``: simple, multipleWrite, big, honorsLimitedReader,
updatesLimitedReaderN, limitedReaderAtLimit; then readerAtEOF and
issue25985), tcp-to-file and unix-to-file (``testFile``: os.File's own
splice, not net's), no-unixpacket and no-unixgram. The Unix rows skip with
a reason while net/unixsock.py has no UnixConn.

How the fast path is proved, as in Go: ``hookSplice`` wraps
``net.splice_linux.pollSplice`` (looked up at each call) and records the
descriptors, the result and whether it ran. The port adds a count of the
splice(2) system calls themselves (``rt.poll.splice_linux.splice``, also
looked up at each call): the bytes the pump calls moved into the
destination must add up to the whole transfer, so no byte took the
buffered path. Data integrity is the port's too: the writer peer sends a
seeded pseudo-random stream and its SHA-256 must equal the reader peer's
(tests/net/socketpeer.py). The sizes include the 1 GiB "big" row (1024
pipes' worth at 1 MiB a splice) and LimitedReader limits below, at and
above the data.

The port's own tests at the end: the Unix rows again without io.Copy
(std.io.Copy cannot take a UnixConn yet, so the io.Copy rows skip with
that reason; these call the TCPConn.ReadFrom, TCPConn.WriteTo and
File.ReadFrom that Go's io.Copy calls); a splice into a regular file checks the
bytes on disk; a closed destination destroys the pooled pipe that still
holds data (and the pool is empty once rt.run ends); the fallbacks Go
makes (a reader that is not a connection, a datagram socket) copy through
io.Copy with pollSplice never or unsuccessfully called; a proxy in both
directions.
"""

from __future__ import annotations

import hashlib
import os as _pyos
import socket as _pysocket
from typing import Any

import pytest

import net
import rt
from net import splice_linux
from rt.poll import fd_unix as poll_fd_unix
from rt.poll import splice_linux as poll_splice
from rt.sys_linux import EINVAL, Errno
from std import io, os, sync
from tests.net.socketpeer import (
    expectedDigest,
    ioCopyMisreadsPacketMethods,
    newLocalListenerAny,
    removeUnixPath,
    removeUnixSocket,
    spawnTestSocketPair,
    startTestSocketPeer,
    testableNetwork,
    testUnixAddr,
    unixSupported,
)

pytestmark = pytest.mark.usefixtures("sw")

NO_UNIX = "net.UnixConn not ported yet (net/unixsock.py)"


class spliceHook:
    """splice_linux_test.go: spliceHook. Wraps pollSplice; counts splice(2) calls too."""

    def __init__(self) -> None:
        self.called = False
        self.dstfd = -1
        self.srcfd = -1
        self.remain = 0
        self.written = 0
        self.handled = False
        self.err: Any = None
        self.original = splice_linux.pollSplice
        # The port's: every splice(2) as (out, in, n).
        self.syscalls: list[tuple[int, int, int]] = []
        self.originalSplice = poll_splice.splice

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def hooked(dst: poll_fd_unix.FD, src: poll_fd_unix.FD,
                   remain: int) -> tuple[int, bool, Any]:
            self.called = True
            self.dstfd = dst.Sysfd
            self.srcfd = src.Sysfd
            self.remain = remain
            self.written, self.handled, self.err = self.original(dst, src, remain)
            return self.written, self.handled, self.err

        def counted(out: int, in_: int, max: int, flags: int) -> tuple[int, Errno]:
            n, errno = self.originalSplice(out, in_, max, flags)
            self.syscalls.append((out, in_, n))
            return n, errno

        monkeypatch.setattr(splice_linux, "pollSplice", hooked)
        monkeypatch.setattr(poll_splice, "splice", counted)

    def splicedInto(self, fd: int) -> int:
        """Bytes the splice(2) calls moved into fd (the pump side)."""
        return sum(n for out, _, n in self.syscalls if out == fd and n > 0)


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch) -> spliceHook:
    """splice_linux_test.go: hookSplice."""
    h = spliceHook()
    h.install(monkeypatch)
    return h


def verifySpliceFds(c: Any, hook: spliceHook, fdType: str) -> None:
    """splice_linux_test.go: verifySpliceFds. The hook saw c's descriptor."""
    rc, err = c.SyscallConn()
    assert err is None, f"syscall.Conn.SyscallConn error: {err}"
    hookFd = {"src": hook.srcfd, "dst": hook.dstfd}[fdType]
    seen: list[int] = []
    err = rc.Control(seen.append)
    assert err is None, f"syscall.RawConn.Control error: {err}"
    if hook.called:
        assert hookFd == seen[0], f"wrong {fdType} file descriptor: got {hookFd}, want {seen[0]}"


# (upNet, downNet) rows of TestSplice, and spliceTestCase rows:
# (name, chunkSize, totalSize, limitReadSize).
NETS = [("tcp", "tcp"), ("unix", "tcp"), ("tcp", "unix")]
CASES = [
    ("simple", 128, 128, 0),
    ("multipleWrite", 4096, 1 << 20, 0),
    ("big", 5 << 20, 1 << 30, 0),
    ("honorsLimitedReader", 4096, 1 << 20, 1 << 10),
    ("updatesLimitedReaderN", 1024, 4096, 4096 + 100),
    ("limitedReaderAtLimit", 32, 128, 128),
]


def _skipIfCopyMisreadsUnix(*nets: str) -> None:
    if "unix" in nets:
        why = ioCopyMisreadsPacketMethods()
        if why is not None:
            pytest.skip(why)


def _netId(n: tuple[str, str]) -> str:
    return f"{n[0]}-to-{n[1]}"


@pytest.mark.watchdog(180)
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("nets", NETS, ids=[_netId(n) for n in NETS])
def test_Splice(nets: tuple[str, str], case: tuple[str, int, int, int],
                hook: spliceHook) -> None:
    """splice_linux_test.go: spliceTestCase.test, for every row of testSplice."""
    upNet, downNet = nets
    _, chunkSize, totalSize, limitReadSize = case
    if not (testableNetwork(upNet) and testableNetwork(downNet)):
        pytest.skip(NO_UNIX)
    _skipIfCopyMisreadsUnix(upNet, downNet)

    # The peers must move the size the copy will really move, or the reader
    # would wait forever for the rest.
    size = totalSize
    if limitReadSize > 0 and limitReadSize < size:
        size = limitReadSize

    def main() -> None:
        clientUp, serverUp = spawnTestSocketPair(upNet)
        try:
            cleanupUp = startTestSocketPeer(clientUp, "w", chunkSize, size)
            clientDown, serverDown = spawnTestSocketPair(downNet)
            try:
                cleanupDown = startTestSocketPeer(clientDown, "r", chunkSize, size)
                r: Any = serverUp
                if limitReadSize > 0:
                    r = io.LimitedReader(N=limitReadSize, R=serverUp)
                n, err = io.Copy(serverDown, r)
                assert err is None, err
                assert n == size, f"want {size} bytes spliced, got {n}"
                if limitReadSize > 0:
                    wantN = limitReadSize - size if limitReadSize > size else 0
                    assert r.N == wantN, f"r.N = {r.N}, want {wantN}"

                # poll.Splice is expected to be called when the source is
                # not a wrapper or the destination is a TCPConn.
                if limitReadSize == 0 or downNet == "tcp":
                    assert not (n > 0 and not hook.called), "expected poll.Splice to be called"
                    verifySpliceFds(serverDown, hook, "dst")
                    verifySpliceFds(serverUp, hook, "src")
                    assert hook.handled and hook.written == size and hook.err is None, (
                        f"expected handled = true, written = {size}, err = nil, but got "
                        f"handled = {hook.handled}, written = {hook.written}, "
                        f"err = {hook.err}")
                    # The port's: every byte went through splice(2) into dst.
                    assert hook.splicedInto(hook.dstfd) == size
                else:
                    # poll.Splice will certainly not be called when the source
                    # is a wrapper and the destination is not a TCPConn.
                    assert not hook.called, "expected poll.Splice not be called"
            finally:
                serverDown.Close()
            down = cleanupDown()
        finally:
            serverUp.Close()
        up = cleanupUp()
        assert up.count == size and down.count == size, (up.count, down.count)
        assert up.digest == down.digest, "the bytes read are not the bytes written"

    rt.run(main)


FILE_NETS = ["tcp", "unix"]


@pytest.mark.watchdog(180)
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("upNet", FILE_NETS, ids=[f"{n}-to-file" for n in FILE_NETS])
def test_SpliceToFile(upNet: str, case: tuple[str, int, int, int], hook: spliceHook,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """splice_linux_test.go: spliceTestCase.testFile (testSpliceToFile's rows).

    io.Copy(file, conn): TCPConn.WriteTo does not splice into a File
    (spliceTo takes only a UnixConn), so net's pollSplice is not called;
    the copy reaches File.ReadFrom, and os splices on its own
    (std/os/zero_copy_linux.py's pollSplice: the port checks that it ran
    and moved every byte, which Go's test leaves unsaid).
    """
    from std.os import zero_copy_linux

    _, chunkSize, totalSize, limitReadSize = case
    if not testableNetwork(upNet):
        pytest.skip(NO_UNIX)
    _skipIfCopyMisreadsUnix(upNet)
    actualSize = totalSize
    if limitReadSize > 0 and limitReadSize < actualSize:
        actualSize = limitReadSize

    osSplices: list[tuple[int, bool, Any]] = []
    osOriginal = zero_copy_linux.pollSplice

    def osHooked(dst: Any, src: Any, remain: int) -> tuple[int, bool, Any]:
        res = osOriginal(dst, src, remain)
        osSplices.append(res)
        return res

    monkeypatch.setattr(zero_copy_linux, "pollSplice", osHooked)

    def main() -> None:
        f, err = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
        assert err is None, err
        assert f is not None
        with f:
            client, server = spawnTestSocketPair(upNet)
            try:
                cleanup = startTestSocketPeer(client, "w", chunkSize, actualSize)
                r: Any = server
                if limitReadSize > 0:
                    r = io.LimitedReader(N=limitReadSize, R=r)
                got, err = io.Copy(f, r)
                assert err is None, f"failed to ReadFrom with error: {err}"
                # We shouldn't have called poll.Splice in TCPConn.WriteTo;
                # it's supposed to be called from File.ReadFrom.
                assert not (got > 0 and hook.called), "expected not poll.Splice to be called"
                assert got == actualSize, f"got {got} bytes, want {actualSize}"
                if limitReadSize > 0:
                    wantN = limitReadSize - actualSize if limitReadSize > actualSize else 0
                    assert r.N == wantN, f"r.N = {r.N}, want {wantN}"
            finally:
                server.Close()
            cleanup()
        # The port's: os's splice moved it all.
        assert sum(w for w, _, _ in osSplices) == actualSize, osSplices
        assert all(h for _, h, _ in osSplices)

    rt.run(main)


@pytest.mark.parametrize("nets", NETS, ids=[_netId(n) for n in NETS])
def test_SpliceReaderAtEOF(nets: tuple[str, str], hook: spliceHook) -> None:
    """splice_linux_test.go: testSpliceReaderAtEOF. A closed source: ReadFrom returns at once."""
    upNet, downNet = nets
    if downNet == "unix":
        # UnixConn doesn't implement io.ReaderFrom.
        pytest.skip("skipping test on unix socket")
    if not testableNetwork(upNet):
        pytest.skip(NO_UNIX)

    def main() -> None:
        clientUp, serverUp = spawnTestSocketPair(upNet)
        clientDown, serverDown = spawnTestSocketPair(downNet)
        try:
            serverUp.Close()
            msg = b"bye"

            def relay() -> None:
                serverDown.ReadFrom(serverUp)
                io.WriteString(serverDown, msg.decode())

            rt.go(relay)
            buf = bytearray(3)
            n, err = io.ReadFull(clientDown, buf)
            assert err is None, f"clientDown: {err}"
            assert bytes(buf) == msg, f"clientDown got {bytes(buf)!r}, want {msg!r}"
            assert not (n > 0 and not hook.called), "expected poll.Splice to be called"
            verifySpliceFds(serverDown, hook, "dst")
            # poll.Splice handles the transfer but fails on the closed end.
            assert hook.handled and hook.written == 0 and hook.err is not None, (
                f"expected handled = true, written = 0, err != nil, but got "
                f"handled = {hook.handled}, written = {hook.written}, err = {hook.err}")
        finally:
            clientUp.Close()
            clientDown.Close()
            serverDown.Close()

    rt.run(main)


@pytest.mark.parametrize("nets", NETS, ids=[_netId(n) for n in NETS])
def test_SpliceIssue25985(nets: tuple[str, str]) -> None:
    """splice_linux_test.go: testSpliceIssue25985. A proxy whose conns close under it."""
    upNet, downNet = nets
    if not (testableNetwork(upNet) and testableNetwork(downNet)):
        pytest.skip(NO_UNIX)
    _skipIfCopyMisreadsUnix(upNet, downNet)

    def main() -> None:
        front = newLocalListenerAny(upNet)
        back = newLocalListenerAny(downNet)
        try:
            wg = sync.WaitGroup()
            wg.Add(2)

            def proxy() -> None:
                src, err = front.Accept()
                if err is not None:
                    return
                dst, err = net.Dial(downNet, back.Addr().String())
                if err is not None:
                    return
                try:
                    def back2front() -> None:
                        io.Copy(src, dst)
                        wg.Done()

                    def front2back() -> None:
                        io.Copy(dst, src)
                        wg.Done()

                    rt.go(back2front)
                    rt.go(front2back)
                finally:
                    src.Close()
                    dst.Close()

            rt.go(proxy)
            toFront, err = net.Dial(upNet, front.Addr().String())
            assert err is None, err
            io.WriteString(toFront, "foo")
            toFront.Close()
            fromProxy, err = back.Accept()
            assert err is None, err
            with fromProxy:
                _, err = io.ReadAll(fromProxy)
                assert err is None, err
                wg.Wait()
        finally:
            front.Close()
            back.Close()
            removeUnixSocket(front)
            removeUnixSocket(back)

    rt.run(main)


def test_SpliceNoUnixpacket() -> None:
    """splice_linux_test.go: testSpliceNoUnixpacket. Known not to splice: poll.Splice not called."""
    if not unixSupported():
        pytest.skip(NO_UNIX)

    def main() -> None:
        clientUp, serverUp = spawnTestSocketPair("unixpacket")
        clientDown, serverDown = spawnTestSocketPair("tcp")
        try:
            # What we want is err None and handled False, i.e. poll.Splice
            # never called, because the unix socket's network is known.
            _, err, handled = splice_linux.spliceFrom(serverDown.fd, serverUp)
            assert err is None and handled is False, (
                f"got err = {err}, handled = {handled}, want nil error, handled == false")
        finally:
            for c in (clientUp, serverUp, clientDown, serverDown):
                c.Close()

    rt.run(main)


def test_SpliceNoUnixgram() -> None:
    """splice_linux_test.go: testSpliceNoUnixgram. Analogous, for a unixgram conn."""
    from net import unixsock

    if not hasattr(unixsock, "ListenUnixgram"):
        pytest.skip(NO_UNIX)

    def main() -> None:
        addr, err = net.ResolveUnixAddr("unixgram", testUnixAddr())
        assert err is None and addr is not None, err
        try:
            up, err = unixsock.ListenUnixgram("unixgram", addr)
            assert err is None and up is not None, err
            clientDown, serverDown = spawnTestSocketPair("tcp")
            try:
                _, err, handled = splice_linux.spliceFrom(serverDown.fd, up)
                assert err is None and handled is False, (
                    f"got err = {err}, handled = {handled}, want nil error, handled == false")
            finally:
                up.Close()
                clientDown.Close()
                serverDown.Close()
        finally:
            removeUnixPath(addr.Name)

    rt.run(main)


# ---------------------------------------------------------------------------
# The port's own.


@pytest.mark.watchdog(120)
def test_SpliceToRegularFile(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """tcp -> regular file through os's splice: the file holds exactly the peer's bytes.

    5 MiB (five 1 MiB pipes' worth) in 64 KiB chunks, with a LimitedReader
    cutting it at 5 MiB - 1 to end on an odd byte.
    """
    from std.os import zero_copy_linux

    total = 5 << 20
    limit = total - 1
    osSplices: list[tuple[int, bool, Any]] = []
    osOriginal = zero_copy_linux.pollSplice

    def osHooked(dst: Any, src: Any, remain: int) -> tuple[int, bool, Any]:
        res = osOriginal(dst, src, remain)
        osSplices.append(res)
        return res

    monkeypatch.setattr(zero_copy_linux, "pollSplice", osHooked)
    path = _pyos.path.join(str(tmp_path), "spliced")

    def main() -> None:
        f, err = os.Create(path)
        assert err is None, err
        assert f is not None
        with f:
            client, server = spawnTestSocketPair("tcp")
            try:
                cleanup = startTestSocketPeer(client, "w", 64 << 10, total, seed=7)
                lr = io.LimitedReader(N=limit, R=server)
                n, err = io.Copy(f, lr)
                assert err is None, err
                assert n == limit and lr.N == 0
            finally:
                server.Close()
            cleanup()

    rt.run(main)
    assert osSplices == [(limit, True, None)]
    with open(path, "rb") as fh:
        data = fh.read()
    assert len(data) == limit
    # The peer's stream, cut at the limit.
    whole = expectedDigest(7, 64 << 10, total)
    assert hashlib.sha256(data).hexdigest() != whole  # one byte short
    assert hashlib.sha256(data).hexdigest() == expectedDigest(7, 64 << 10, limit)


def test_SpliceDestinationClosed(hook: spliceHook, monkeypatch: pytest.MonkeyPatch) -> None:
    """The destination fails mid-pump: the pipe that still holds bytes is destroyed, not pooled.

    The destination's peer resets the connection, so the first pump gets
    EPIPE or ECONNRESET with a drained chunk still in the pipe (putPipe's
    ``p.data != 0`` branch: cleanup detached, both ends closed). The error
    is a "readfrom" OpError around a "splice" SyscallError; the pool is
    empty once rt.run returns, and the suite's fd check sees no pipe left.
    """
    destroyedWithData: list[int] = []
    origDestroy = poll_splice.destroyPipe

    def destroyPipe(p: Any) -> None:
        if p.data != 0:
            destroyedWithData.append(p.data)
        origDestroy(p)

    monkeypatch.setattr(poll_splice, "destroyPipe", destroyPipe)

    def main() -> None:
        clientUp, serverUp = spawnTestSocketPair("tcp")
        clientDown, serverDown = spawnTestSocketPair("tcp")
        try:
            _, err = clientUp.Write(bytes(range(256)) * 256)  # 64 KiB waiting in serverUp
            assert err is None, err
            # Reset the destination: linger 0 makes Close send RST.
            assert clientDown.SetLinger(0) is None
            clientDown.Close()
            serverDown.Read(bytearray(1))  # ECONNRESET: the RST has arrived
            n, err = serverDown.ReadFrom(serverUp)
            assert err is not None
            assert isinstance(err, net.OpError) and err.Op == "readfrom", err
            assert isinstance(err.Err, os.SyscallError) and err.Err.Syscall == "splice", err
            assert hook.called and hook.handled and n == hook.written == 0
        finally:
            for c in (clientUp, serverUp, serverDown):
                c.Close()

    rt.run(main)
    assert destroyedWithData, "the pipe with data left in it was not destroyed"
    assert poll_splice.splicePipePool.items == []


class _onlyReader:
    """A Reader and nothing else (Go's ``struct{ io.Reader }``)."""

    def __init__(self, r: Any) -> None:
        self.r = r

    def Read(self, p: Any) -> tuple[int, Any]:
        return self.r.Read(p)  # type: ignore[no-any-return]


def test_SpliceFallbackNotAConn(hook: spliceHook) -> None:
    """Go's fallback: a reader that is not a connection is copied by io.Copy, no splice(2).

    (splice_linux_test.go's benchmark calls this the genericReadFrom path.)
    """
    def main() -> None:
        clientUp, serverUp = spawnTestSocketPair("tcp")
        clientDown, serverDown = spawnTestSocketPair("tcp")
        try:
            data = bytes(range(256)) * 1024
            got: list[bytes] = []
            done: rt.hchan[None] = rt.chan()

            def reader() -> None:
                b, _ = io.ReadAll(clientDown)
                got.append(b)
                done.send(None)

            rt.go(reader)
            clientUp.Write(data)
            clientUp.Close()
            n, err = serverDown.ReadFrom(_onlyReader(serverUp))
            assert err is None and n == len(data), (n, err)
            serverDown.Close()
            done.recv()
            assert got == [data]
            assert not hook.called and hook.syscalls == []
        finally:
            for c in (clientUp, serverUp, clientDown, serverDown):
                c.Close()

    rt.run(main)


def test_SpliceFallbackDatagram(hook: spliceHook) -> None:
    """A datagram socket source: not a TCP conn, so no splice; sendfile(2) refuses it
    (EINVAL, handled False) and the datagrams are copied by io.Copy.

    The UDP socket is an os.File here (net's UDPConn is someone else's
    work in progress); it is a syscall.Conn either way, which is what
    net's sendFile looks at.
    """
    from rt.poll import sendfile_unix

    sendfiles: list[tuple[int, Any, bool]] = []

    def didSendFile(dstFD: Any, src: int, written: int, err: Any, handled: bool) -> None:
        sendfiles.append((written, err, handled))

    def main() -> None:
        rx = _pysocket.socket(_pysocket.AF_INET, _pysocket.SOCK_DGRAM)
        tx = _pysocket.socket(_pysocket.AF_INET, _pysocket.SOCK_DGRAM)
        rx.bind(("127.0.0.1", 0))
        rx.setblocking(False)
        udp = os.NewFile(rx.detach(), "udp")
        assert udp is not None
        clientDown, serverDown = spawnTestSocketPair("tcp")
        try:
            msgs = [b"first", b"second!", b"third datagram"]
            for m in msgs:
                tx.sendto(m, ("127.0.0.1", udp_port(udp)))
            want = b"".join(msgs)
            saved = sendfile_unix.TestHookDidSendFile
            sendfile_unix.TestHookDidSendFile = didSendFile
            try:
                n, err = serverDown.ReadFrom(io.LimitReader(udp, len(want)))
            finally:
                sendfile_unix.TestHookDidSendFile = saved
            assert err is None and n == len(want), (n, err)
            buf = bytearray(len(want))
            _, err = io.ReadFull(clientDown, buf)
            assert err is None and bytes(buf) == want
            assert not hook.called  # not a connection net knows how to splice
            assert len(sendfiles) == 1
            written, serr, handled = sendfiles[0]
            assert written == 0 and serr == EINVAL and handled is False
        finally:
            tx.close()
            udp.Close()
            clientDown.Close()
            serverDown.Close()

    rt.run(main)


def udp_port(f: Any) -> int:
    """The port of the UDP socket behind File f."""
    seen: list[int] = []
    rc, _ = f.SyscallConn()
    rc.Control(seen.append)
    s = _pysocket.socket(fileno=_pyos.dup(seen[0]))
    try:
        return int(s.getsockname()[1])
    finally:
        s.close()


@pytest.mark.watchdog(60)
def test_SpliceProxyBothWays(hook: spliceHook) -> None:
    """A TCP proxy (io.Copy both ways) moves 8 MiB each way through splice, intact."""
    size = 8 << 20

    def main() -> None:
        aC, aS = spawnTestSocketPair("tcp")  # client <-> proxy front
        bC, bS = spawnTestSocketPair("tcp")  # proxy back <-> server
        try:
            up = startTestSocketPeer(aC, "w", 256 << 10, size, seed=3)
            sink = startTestSocketPeer(bS, "r", 256 << 10, size)
            wg = sync.WaitGroup()
            wg.Add(1)
            res: list[Any] = []

            def fwd() -> None:
                res.append(io.Copy(bC, aS))
                bC.CloseWrite()
                wg.Done()

            rt.go(fwd)
            wg.Wait()
            n, err = res[0]
            assert err is None and n == size
            assert hook.called and hook.handled and hook.splicedInto(hook.dstfd) == size
        finally:
            aS.Close()
            bC.Close()
        w = up()
        r = sink()
        assert w.digest == r.digest and r.count == size

    rt.run(main)


@pytest.mark.watchdog(60)
@pytest.mark.parametrize("nets", [("unix", "tcp"), ("tcp", "unix"), ("unix", "file")],
                         ids=["unix-to-tcp", "tcp-to-unix", "unix-to-file"])
def test_SpliceUnixDirect(nets: tuple[str, str], hook: spliceHook,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The Unix rows without io.Copy: the very calls Go's io.Copy makes for them
    (TCPConn.ReadFrom(unixConn), TCPConn.WriteTo(unixConn), File.ReadFrom(unixConn)),
    so the unix splice paths are covered while std.io.Copy cannot take a UnixConn
    (ioCopyMisreadsPacketMethods). 4 MiB, digests compared."""
    from std.os import zero_copy_linux

    upNet, downNet = nets
    if not testableNetwork("unix"):
        pytest.skip(NO_UNIX)
    size = 4 << 20
    osSplices: list[tuple[int, bool, Any]] = []
    osOriginal = zero_copy_linux.pollSplice

    def osHooked(dst: Any, src: Any, remain: int) -> tuple[int, bool, Any]:
        res = osOriginal(dst, src, remain)
        osSplices.append(res)
        return res

    monkeypatch.setattr(zero_copy_linux, "pollSplice", osHooked)

    def main() -> None:
        clientUp, serverUp = spawnTestSocketPair(upNet)
        try:
            cleanupUp = startTestSocketPeer(clientUp, "w", 64 << 10, size, seed=11)
            if downNet == "file":
                f, err = os.OpenFile(os.DevNull, os.O_WRONLY, 0)
                assert err is None and f is not None
                with f:
                    n, err = f.ReadFrom(serverUp)
                assert (n, err) == (size, None)
                assert osSplices == [(size, True, None)] and not hook.called
            else:
                clientDown, serverDown = spawnTestSocketPair(downNet)
                try:
                    cleanupDown = startTestSocketPeer(clientDown, "r", 64 << 10, size)
                    if downNet == "tcp":
                        n, err = serverDown.ReadFrom(serverUp)
                    else:
                        n, err = serverUp.WriteTo(serverDown)
                    assert (n, err) == (size, None)
                    assert hook.called and hook.handled and hook.written == size
                    verifySpliceFds(serverDown, hook, "dst")
                    verifySpliceFds(serverUp, hook, "src")
                    assert hook.splicedInto(hook.dstfd) == size
                finally:
                    serverDown.Close()
                down = cleanupDown()
                assert down.count == size
        finally:
            serverUp.Close()
        up = cleanupUp()
        assert up.count == size
        if downNet != "file":
            assert up.digest == down.digest

    rt.run(main)
