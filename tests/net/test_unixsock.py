"""Unix domain sockets, ported from Go's net tests (go1.27.0), then the port's own.

From unixsock_test.go, in Go's order: TestReadUnixgramWithUnnamedSocket,
TestUnixgramZeroBytePayload, TestUnixgramZeroByteBuffer, TestUnixgramWrite
(with testUnixgramWriteConn and testUnixgramWritePacketConn),
TestUnixConnLocalAndRemoteNames and TestUnixgramConnLocalAndRemoteNames (one
test per row of Go's ``laddr`` loop), TestUnixUnlink (one test per subtest;
the FileListener subtests skip if ``net.FileListener`` is missing: it
arrives with File conns, net/file_unix.go), TestUnixConnReadEOF (new in
go1.27, one test per subtest). From unixsock_linux_test.go:
TestUnixgramAutobind, TestUnixAutobindClose, TestUnixAbstractLongNameNulStart,
TestUnixgramLinuxAbstractLongName. From unixsock_readmsg_test.go:
TestUnixConnReadMsgUnixSCMRightsCloseOnExec. (unixsock_windows_test.go is
Windows only.) Go's raw ``syscall.Socket``/``Sendto`` senders are Python's
``socket`` module here; both are plain system calls outside net.

One Go detail is not copied as it is: Go's fixed abstract names
("abstract_test") get a per-process suffix, since the abstract namespace is
shared by every test run on the machine (the names keep Go's full 108-byte
length). Go's ``nil`` byte slices are ``b""`` or ``bytearray()`` here (None is
a TypeError at the call, API.md).

The port's own tests (named test_Port*) check what net/unixsock.py's module
doc promises: descriptors passed with SCM_RIGHTS both ways over "unix",
"unixgram" and "unixpacket" arrive intact and close-on-exec; SCM_CREDENTIALS
with SO_PASSCRED set through SyscallConn().Control, checked by the kernel;
control data with and without normal data (WriteMsgUnix with an empty b on
a stream sends Go's one dummy byte and reports n = 0); MSG_CTRUNC when oob
is too small, with no descriptor leaked; abstract names (no file, nothing
unlinked); over-long socket paths (Go's exact texts, checked against Go 1.19
at /usr/bin/go running the same calls; the code behind them is unchanged in
go1.27); the go1.27 change that ReadFromUnix, ReadFrom and ReadMsgUnix return
a bare io.EOF (Go 1.19 wrapped it: "read unix @->/p: EOF"); wrong networks,
missing addresses, EAFNOSUPPORT, ErrWriteToConnected; deadlines; the
Dialer.DialUnix method; net.Listen, ListenPacket and Dial over the three
networks; CloseRead and CloseWrite.

Where an implementation bug makes a test fail, the test keeps Go's
behaviour and is marked ``xfail(strict=True)`` with the reason. Every socket
path lives in a fresh temporary directory removed after the test (Go's
testUnixAddr), and every test runs inside ``rt.run`` with a socktest switch
installed, so a socket left open fails it (tests/net/conftest.py).
"""

from __future__ import annotations

import fcntl
import os as _pyos
import shutil
import socket as _pysocket
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

import net
import rt
from net.net import ErrWriteToConnected, OpError, UnknownNetworkError, errMissingAddress
from net.unixsock import (
    DialUnix,
    ListenUnix,
    ListenUnixgram,
    ResolveUnixAddr,
    UnixAddr,
    UnixConn,
    UnixListener,
)
from rt import poll, sys_linux
from std import context, errors, io, os, syscall, time
from tests.net.mockserver import isDeadlineExceeded, localServer

pytestmark = pytest.mark.usefixtures("sw")

T = TypeVar("T")

SUN_PATH_LEN = 108  # len(syscall.RawSockaddrUnix{}.Path) on Linux


# ---------------------------------------------------------------------------
# helpers (mockserver_test.go's testUnixAddr and newLocalPacketListener)


@pytest.fixture
def testUnixAddr() -> Iterator[Callable[[], str]]:
    """mockserver_test.go: testUnixAddr. Each call: "sock" in a new, short temp dir.

    The directories (and any socket file left in them) are removed after the
    test; a failure to remove one is an error, as Go's t.Cleanup reports it.
    """
    dirs: list[str] = []

    def make() -> str:
        d = tempfile.mkdtemp(prefix="")
        dirs.append(d)
        return _pyos.path.join(d, "sock")

    yield make
    for d in dirs:
        shutil.rmtree(d)


def must(r: tuple[T | None, Any]) -> T:
    """The value of a ``(value, err)`` result that must have succeeded."""
    v, err = r
    assert err is None, err
    assert v is not None
    return v


def newLocalPacketListener(network: str, addr: str) -> UnixConn:
    """mockserver_test.go: newLocalPacketListener, its "unixgram" case."""
    assert network == "unixgram"
    c, err = net.ListenConfig().ListenPacket(context.Background(), network, addr)
    assert err is None, err
    assert isinstance(c, UnixConn)
    return c


def unixAddr(name: str, network: str) -> UnixAddr:
    return UnixAddr(Name=name, Net=network)


def nfds() -> int:
    """How many descriptors this process has open."""
    return len(_pyos.listdir("/proc/self/fd"))


def isCloexec(fd: int) -> bool:
    return bool(fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)


def parseRights(oob: bytes | bytearray | memoryview) -> list[int]:
    """Every descriptor of every SCM_RIGHTS message in oob."""
    scms, err = syscall.ParseSocketControlMessage(bytes(oob))
    assert err is None, err
    fds: list[int] = []
    for scm in scms:
        got, err = syscall.ParseUnixRights(scm)
        assert err is None, err
        fds.extend(got)
    return fds


def closeAll(fds: list[int]) -> None:
    for fd in fds:
        _pyos.close(fd)


def errText(err: Any) -> str:
    assert err is not None, "expected an error"
    return str(err.Error())


class _Pair:
    """Two connected ends ``a`` and ``b`` of one Unix network.

    "unix" and "unixpacket": ``a`` dialed (bound to a path of its own unless
    ``bind`` is false, so error texts show a name), ``b`` accepted; the
    listener is closed at once. "unixgram": two bound, unconnected sockets
    (WriteMsgUnix refuses a connected datagram socket, as in Go).
    ``toB``/``toA`` are the addresses a and b write to: None when connected.
    """

    def __init__(self, network: str, newAddr: Callable[[], str], bind: bool = True) -> None:
        self.network = network
        self.toA: UnixAddr | None = None
        self.toB: UnixAddr | None = None
        if network == "unixgram":
            pa, pb = newAddr(), newAddr()
            self.a = must(ListenUnixgram(network, unixAddr(pa, network)))
            try:
                self.b = must(ListenUnixgram(network, unixAddr(pb, network)))
            except BaseException:
                self.a.Close()
                raise
            self.toA, self.toB = unixAddr(pa, network), unixAddr(pb, network)
            self.aName, self.bName = pa, pb
            return
        lp = newAddr()
        ln = must(ListenUnix(network, unixAddr(lp, network)))
        try:
            la = unixAddr(newAddr(), network) if bind else None
            self.a = must(DialUnix(network, la, unixAddr(lp, network)))
            self.aName = la.Name if la is not None else ""
            self.bName = lp
            b, err = ln.AcceptUnix()
            if err is not None:
                self.a.Close()
            assert err is None and b is not None, err
            self.b = b
        finally:
            ln.Close()

    def __enter__(self) -> _Pair:
        return self

    def __exit__(self, *exc: object) -> None:
        self.a.Close()
        self.b.Close()


NETWORKS = ["unix", "unixgram", "unixpacket"]


# ---------------------------------------------------------------------------
# unixsock_test.go


def test_ReadUnixgramWithUnnamedSocket(testUnixAddr: Callable[[], str]) -> None:
    addr = testUnixAddr()

    def main() -> None:
        la = must(ResolveUnixAddr("unixgram", addr))
        c = must(ListenUnixgram("unixgram", la))
        try:
            off: rt.hchan[bool] = rt.chan()
            data = bytes([1, 2, 3, 4, 5])

            def send() -> None:
                try:
                    with _pysocket.socket(_pysocket.AF_UNIX, _pysocket.SOCK_DGRAM) as s:
                        s.sendto(data, addr)
                finally:
                    off.send(True)

            rt.go(send)
            off.recv()
            b = bytearray(64)
            c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
            n, frm, err = c.ReadFrom(b)
            assert err is None, err
            assert frm is None, f"unexpected peer address: {frm}"
            assert bytes(b[:n]) == data
        finally:
            c.Close()
            _pyos.remove(addr)

    rt.run(main)


def test_UnixgramZeroBytePayload(testUnixAddr: Callable[[], str]) -> None:
    def main() -> None:
        c1 = newLocalPacketListener("unixgram", testUnixAddr())
        try:
            c2 = must(net.Dial("unixgram", c1.LocalAddr().String()))
            with c2:
                for genericRead in (False, True):
                    n, err = c2.Write(b"")  # Go: c2.Write(nil)
                    assert err is None, err
                    assert n == 0
                    c1.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
                    b = bytearray(1)
                    peer: Any = None
                    if genericRead:
                        _, err = c1.Read(b)
                    else:
                        _, peer, err = c1.ReadFrom(b)
                    if err is None:  # ReadFrom succeeds
                        assert peer is None, f"unexpected peer address: {peer}"
                    else:  # Read may timeout, it depends on the platform
                        assert isDeadlineExceeded(err), err
        finally:
            c1.Close()

    rt.run(main)


def test_UnixgramZeroByteBuffer(testUnixAddr: Callable[[], str]) -> None:
    # issue 4352: Recvfrom failed with "address family not
    # supported by protocol family" if zero-length buffer provided
    def main() -> None:
        c1 = newLocalPacketListener("unixgram", testUnixAddr())
        try:
            c2 = must(net.Dial("unixgram", c1.LocalAddr().String()))
            with c2:
                b = b"UNIXGRAM ZERO BYTE BUFFER TEST"
                for genericRead in (False, True):
                    n, err = c2.Write(b)
                    assert err is None, err
                    assert n == len(b)
                    c1.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
                    peer: Any = None
                    if genericRead:
                        _, err = c1.Read(bytearray())  # Go: Read(nil)
                    else:
                        _, peer, err = c1.ReadFrom(bytearray())
                    if err is None:
                        assert peer is None, f"unexpected peer address: {peer}"
                    else:
                        assert isDeadlineExceeded(err), err
        finally:
            c1.Close()

    rt.run(main)


def test_UnixgramWrite(testUnixAddr: Callable[[], str]) -> None:
    addr = testUnixAddr()

    def testUnixgramWriteConn(raddr: UnixAddr) -> None:
        """unixsock_test.go: testUnixgramWriteConn."""
        c = must(net.Dial("unixgram", raddr.String()))
        with c:
            b = b"CONNECTED-MODE SOCKET"
            _, err = c.WriteToUnix(b, raddr)
            assert isinstance(err, OpError), "should fail"
            assert err.Err is ErrWriteToConnected, f"should fail as ErrWriteToConnected: {err}"
            _, err = c.WriteTo(b, raddr)
            assert isinstance(err, OpError), "should fail"
            assert err.Err is ErrWriteToConnected, f"should fail as ErrWriteToConnected: {err}"
            _, _, err = c.WriteMsgUnix(b, b"", raddr)
            assert isinstance(err, OpError), "should fail"
            assert err.Err is ErrWriteToConnected, f"should fail as ErrWriteToConnected: {err}"
            _, err = c.Write(b)
            assert err is None, err

    def testUnixgramWritePacketConn(raddr: UnixAddr, addr2: str) -> None:
        """unixsock_test.go: testUnixgramWritePacketConn."""
        c = must(net.ListenPacket("unixgram", addr2))
        try:
            b = b"UNCONNECTED-MODE SOCKET"
            _, err = c.WriteToUnix(b, raddr)
            assert err is None, err
            _, err = c.WriteTo(b, raddr)
            assert err is None, err
            _, _, err = c.WriteMsgUnix(b, b"", raddr)
            assert err is None, err
            _, err = c.Write(b)
            assert err is not None, "should fail"
        finally:
            c.Close()
            _pyos.remove(addr2)

    def main() -> None:
        laddr = must(ResolveUnixAddr("unixgram", addr))
        c = must(net.ListenPacket("unixgram", addr))
        try:
            testUnixgramWriteConn(laddr)
            testUnixgramWritePacketConn(laddr, testUnixAddr())
        finally:
            c.Close()
            _pyos.remove(addr)

    rt.run(main)


@pytest.mark.parametrize("named", [
    pytest.param(False, id="laddr="),
    pytest.param(True, id="laddr=testUnixAddr"),
])
def test_UnixConnLocalAndRemoteNames(testUnixAddr: Callable[[], str], named: bool) -> None:
    laddr = testUnixAddr() if named else ""

    def handler(ls: localServer, ln: Any) -> None:
        pass

    def main() -> None:
        taddr = testUnixAddr()
        ta = must(ResolveUnixAddr("unix", taddr))
        ln = must(ListenUnix("unix", ta))
        ls = localServer(ln)
        try:
            ls.buildup(handler)
            la = must(ResolveUnixAddr("unix", laddr))
            c = must(DialUnix("unix", la, ta))
            with c:
                _, err = c.Write(b"UNIXCONN LOCAL AND REMOTE NAME TEST")
                assert err is None, err
                want = laddr if laddr != "" else "@"  # Linux: the autobind feature
                connAddrs = [
                    (ln.Addr(), ta),
                    (c.LocalAddr(), UnixAddr(Name=want, Net="unix")),
                    (c.RemoteAddr(), ta),
                ]
                for got, wantAddr in connAddrs:
                    assert got == wantAddr, f"got {got!r}, expected {wantAddr!r}"
        finally:
            ls.teardown()

    rt.run(main)


@pytest.mark.parametrize("named", [
    pytest.param(False, id="laddr="),
    pytest.param(True, id="laddr=testUnixAddr"),
])
def test_UnixgramConnLocalAndRemoteNames(testUnixAddr: Callable[[], str], named: bool) -> None:
    laddr = testUnixAddr() if named else ""

    def main() -> None:
        taddr = testUnixAddr()
        ta = must(ResolveUnixAddr("unixgram", taddr))
        c1 = must(ListenUnixgram("unixgram", ta))
        try:
            la: UnixAddr | None = None
            if laddr != "":
                la = must(ResolveUnixAddr("unixgram", laddr))
            c2 = must(DialUnix("unixgram", la, ta))
            with c2:
                want = laddr if laddr != "" else "@"  # Linux: the autobind feature
                connAddrs: list[tuple[Any, Any]] = [
                    (c1.LocalAddr(), ta),
                    (c1.RemoteAddr(), None),
                    (c2.LocalAddr(), UnixAddr(Name=want, Net="unixgram")),
                    (c2.RemoteAddr(), ta),
                ]
                for got, wantAddr in connAddrs:
                    assert got == wantAddr, f"got {got!r}; want {wantAddr!r}"
        finally:
            c1.Close()

    rt.run(main)


def _fileListener(l: UnixListener) -> tuple[Any, Any]:
    """TestUnixUnlink's fileListener: l.File() and FileListener over it."""
    f = must(l.File())
    try:
        ln, err = net.FileListener(f)
        assert err is None, err
    except BaseException:
        _closeFile(f)
        raise
    return f, ln


def _closeFile(f: Any) -> None:
    """Close what File() returned."""
    f.Close()


UNLINK_SUBTESTS = [
    "Listen",
    "FileListener",
    "SecondClose",
    "Listen/SetUnlinkOnClose(true)",
    "Listen/SetUnlinkOnClose(false)",
    "FileListener/SetUnlinkOnClose(true)",
    "FileListener/SetUnlinkOnClose(false)",
]


@pytest.mark.parametrize("subtest", UNLINK_SUBTESTS)
def test_UnixUnlink(testUnixAddr: Callable[[], str], subtest: str) -> None:
    name = testUnixAddr()

    def listen() -> UnixListener:
        l = must(net.Listen("unix", name))
        assert isinstance(l, UnixListener)
        return l

    def checkExists(desc: str) -> None:
        assert _pyos.path.exists(name), f"unix socket does not exist {desc}"

    def checkNotExists(desc: str) -> None:
        assert not _pyos.path.exists(name), f"unix socket does exist {desc}"

    def main() -> None:
        if subtest == "Listen":
            # Listener should remove on close.
            l = listen()
            checkExists("after Listen")
            l.Close()
            checkNotExists("after Listener close")
        elif subtest == "FileListener":
            # FileListener should not.
            l = listen()
            try:
                f, l1 = _fileListener(l)
                checkExists("after FileListener")
                _closeFile(f)
                checkExists("after File close")
                l1.Close()
                checkExists("after FileListener close")
            finally:
                l.Close()
            checkNotExists("after Listener close")
        elif subtest == "SecondClose":
            # Only first call to l.Close should remove.
            l = listen()
            checkExists("after Listen")
            l.Close()
            checkNotExists("after Listener close")
            Path(name).write_bytes(b"hello world")
            checkExists("after writing temp file")
            l.Close()
            checkExists("after second Listener close")
            _pyos.remove(name)
        elif subtest == "Listen/SetUnlinkOnClose(true)":
            # SetUnlinkOnClose should do what it says.
            l = listen()
            checkExists("after Listen")
            l.SetUnlinkOnClose(True)
            l.Close()
            checkNotExists("after Listener close")
        elif subtest == "Listen/SetUnlinkOnClose(false)":
            l = listen()
            checkExists("after Listen")
            l.SetUnlinkOnClose(False)
            l.Close()
            checkExists("after Listener close")
            _pyos.remove(name)
        elif subtest == "FileListener/SetUnlinkOnClose(true)":
            l = listen()
            try:
                f, l1 = _fileListener(l)
                checkExists("after FileListener")
                l1.SetUnlinkOnClose(True)
                _closeFile(f)
                checkExists("after File close")
                l1.Close()
                checkNotExists("after FileListener close")
            finally:
                l.Close()
        elif subtest == "FileListener/SetUnlinkOnClose(false)":
            l = listen()
            try:
                f, l1 = _fileListener(l)
                checkExists("after FileListener")
                l1.SetUnlinkOnClose(False)
                _closeFile(f)
                checkExists("after File close")
                l1.Close()
                checkExists("after FileListener close")
            finally:
                l.Close()
        else:
            raise AssertionError(subtest)

    rt.run(main)


@pytest.mark.parametrize("subtest", ["ReadMsgUnix", "ReadFromUnix", "ReadFrom"])
def test_UnixConnReadEOF(testUnixAddr: Callable[[], str], subtest: str) -> None:
    """Go issue 78137: the UnixConn read methods return io.EOF itself, not in an OpError."""
    addr = UnixAddr(Name=testUnixAddr(), Net="unix")

    def main() -> None:
        ln = must(ListenUnix("unix", addr))
        with ln:
            def startServer() -> None:
                srv, err = ln.AcceptUnix()
                assert err is None and srv is not None, err
                srv.Close()

            rt.go(startServer)
            cl = must(DialUnix("unix", None, addr))
            with cl:
                if subtest == "ReadMsgUnix":
                    _, _, _, _, err = cl.ReadMsgUnix(bytearray(1), bytearray())
                elif subtest == "ReadFromUnix":
                    _, _, err = cl.ReadFromUnix(bytearray(1))
                else:
                    _, _, err = cl.ReadFrom(bytearray(1))
                assert err is io.EOF, f"{subtest} returned {err!r}, want io.EOF"

    rt.run(main)


# ---------------------------------------------------------------------------
# unixsock_linux_test.go


def test_UnixgramAutobind() -> None:
    def main() -> None:
        laddr = UnixAddr(Name="", Net="unixgram")
        c1 = must(ListenUnixgram("unixgram", laddr))
        with c1:
            # retrieve the autobind address
            autoAddr = c1.LocalAddr()
            assert isinstance(autoAddr, UnixAddr)
            assert len(autoAddr.Name) > 1, f"invalid autobind address: {autoAddr}"
            assert autoAddr.Name[0] == "@", f"invalid autobind address: {autoAddr}"
            c2 = must(DialUnix("unixgram", None, autoAddr))
            with c2:
                assert c1.LocalAddr() == c2.RemoteAddr(), (
                    f"expected autobind address {c1.LocalAddr()}, got {c2.RemoteAddr()}")

    rt.run(main)


def test_UnixAutobindClose() -> None:
    def main() -> None:
        laddr = UnixAddr(Name="", Net="unix")
        ln = must(ListenUnix("unix", laddr))
        ln.Close()

    rt.run(main)


def _abstractName(lead: str) -> str:
    """Go's "<lead>abstract_test" padded with NULs to the full sun_path, made unique.

    Go's fixed name would collide between test runs sharing the machine's
    abstract namespace, so the pid goes in before the padding.
    """
    name = f"{lead}abstract_test_{_pyos.getpid()}"
    return name + "\x00" * (SUN_PATH_LEN - len(name))


def test_UnixAbstractLongNameNulStart() -> None:
    # An abstract socket name that starts with a null byte ("\x00")
    # whose length is the maximum of RawSockaddrUnix Path len.
    paddedAddr = _abstractName("\x00")
    assert len(paddedAddr) == SUN_PATH_LEN

    def main() -> None:
        la = must(ResolveUnixAddr("unix", paddedAddr))
        c = must(ListenUnix("unix", la))
        c.Close()

    rt.run(main)


def test_UnixgramLinuxAbstractLongName() -> None:
    # An abstract socket name whose length is exactly the maximum
    # RawSockaddrUnix Path len.
    addr = _abstractName("@")
    assert len(addr) == SUN_PATH_LEN

    def main() -> None:
        la = must(ResolveUnixAddr("unixgram", addr))
        c = must(ListenUnixgram("unixgram", la))
        with c:
            off: rt.hchan[bool] = rt.chan()
            data = bytes([1, 2, 3, 4, 5])

            def send() -> None:
                try:
                    with _pysocket.socket(_pysocket.AF_UNIX, _pysocket.SOCK_DGRAM) as s:
                        # Python's spelling of syscall.SockaddrUnix{Name: addr}:
                        # a leading NUL instead of "@", the same 108 bytes.
                        s.sendto(data, b"\x00" + addr[1:].encode())
                finally:
                    off.send(True)

            rt.go(send)
            off.recv()
            b = bytearray(64)
            c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
            n, frm, err = c.ReadFrom(b)
            assert err is None, err
            assert frm is None, f"unexpected peer address: {frm}"
            assert bytes(b[:n]) == data

    rt.run(main)


# ---------------------------------------------------------------------------
# unixsock_readmsg_test.go


def test_UnixConnReadMsgUnixSCMRightsCloseOnExec() -> None:
    def main() -> None:
        scmFile = must(os.Open(os.DevNull))
        with scmFile:
            rights = syscall.UnixRights(scmFile.Fd())
            fds, errno = sys_linux.socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
            assert not errno, f"Socketpair: {errno}"
            writeFile = os.NewFile(fds[0], "write-socket")
            readFile = os.NewFile(fds[1], "read-socket")
            assert writeFile is not None and readFile is not None
            with writeFile, readFile:
                cw, err = net.FileConn(writeFile)
                assert err is None, f"FileConn: {err}"
                with cw:
                    cr, err = net.FileConn(readFile)
                    assert err is None, f"FileConn: {err}"
                    with cr:
                        assert isinstance(cw, UnixConn), f"got {type(cw)}; want UnixConn"
                        assert isinstance(cr, UnixConn), f"got {type(cr)}; want UnixConn"
                        readMsgCloseOnExec(cw, cr, rights)

    def readMsgCloseOnExec(ucw: UnixConn, ucr: UnixConn, rights: bytes) -> None:
        oob = bytearray(syscall.CmsgSpace(4))
        err = ucw.SetWriteDeadline(time.Now().Add(5 * time.Second))
        assert err is None, f"Can't set unix connection timeout: {err}"
        _, _, err = ucw.WriteMsgUnix(b"", rights, None)  # Go: WriteMsgUnix(nil, rights, nil)
        assert err is None, f"UnixConn readMsg: {err}"
        err = ucr.SetReadDeadline(time.Now().Add(5 * time.Second))
        assert err is None, f"Can't set unix connection timeout: {err}"
        _, oobn, _, _, err = ucr.ReadMsgUnix(bytearray(), oob)  # Go: ReadMsgUnix(nil, oob)
        assert err is None, f"UnixConn readMsg: {err}"
        scms, err = syscall.ParseSocketControlMessage(bytes(oob[:oobn]))
        assert err is None, f"ParseSocketControlMessage: {err}"
        assert len(scms) == 1, f"got scms = {scms!r}; expected 1 SocketControlMessage"
        gotFDs, err = syscall.ParseUnixRights(scms[0])
        assert err is None, f"syscall.ParseUnixRights: {err}"
        try:
            assert len(gotFDs) == 1, f"got FDs {gotFDs!r}: wanted only 1 fd"
            flags = fcntl.fcntl(gotFDs[0], fcntl.F_GETFD)
            assert flags & fcntl.FD_CLOEXEC, (
                f"got flags {flags:#x}, want {fcntl.FD_CLOEXEC:#x} (FD_CLOEXEC) set")
        finally:
            closeAll(gotFDs)

    rt.run(main)


# ---------------------------------------------------------------------------
# The port's own tests.


@pytest.mark.parametrize("network", NETWORKS)
def test_PortSCMRights(testUnixAddr: Callable[[], str], network: str) -> None:
    """A pipe's read end and a file travel each way; both work on arrival.

    The sender closes its copies before the receiver reads: the message
    holds its own references. What arrives is close-on-exec.
    """
    content = b"the file's own bytes\n" * 10
    fpath = Path(testUnixAddr()).with_name("file")
    fpath.write_bytes(content)

    def main() -> None:
        with _Pair(network, testUnixAddr) as p:
            for src, dst, to in ((p.a, p.b, p.toB), (p.b, p.a, p.toA)):
                r, w = _pyos.pipe()
                try:
                    f = _pyos.open(fpath, _pyos.O_RDONLY)
                    try:
                        rights = syscall.UnixRights(r, f)
                        n, oobn, err = src.WriteMsgUnix(b"fds", rights, to)
                        assert err is None, err
                        assert (n, oobn) == (3, len(rights))
                    finally:
                        _pyos.close(r)
                        _pyos.close(f)
                    buf = bytearray(16)
                    oob = bytearray(syscall.CmsgSpace(2 * 4))
                    n, oobn, flags, _, err = dst.ReadMsgUnix(buf, oob)
                    assert err is None, err
                    got = parseRights(oob[:oobn])
                    try:
                        assert bytes(buf[:n]) == b"fds"
                        assert flags == syscall.MSG_CMSG_CLOEXEC, hex(flags)
                        assert len(got) == 2, got
                        assert all(isCloexec(fd) for fd in got)
                        _pyos.write(w, b"through the pipe")
                        _pyos.close(w)
                        w = -1
                        assert _pyos.read(got[0], 100) == b"through the pipe"
                        assert _pyos.read(got[0], 100) == b""  # our write end is closed
                        assert _pyos.pread(got[1], len(content) + 1, 0) == content
                    finally:
                        closeAll(got)
                finally:
                    if w >= 0:
                        _pyos.close(w)

    rt.run(main)


def _setPassCred(c: UnixConn) -> None:
    """SO_PASSCRED on c, through SyscallConn().Control."""
    raw = must(c.SyscallConn())
    errs: list[Any] = []

    def f(fd: int) -> None:
        errs.append(syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_PASSCRED, 1))

    err = raw.Control(f)
    assert err is None, err
    assert errs == [None], errs


def _ucred(u: Any) -> tuple[int, int, int]:
    return (u.Pid, u.Uid, u.Gid)


@pytest.mark.parametrize("network", NETWORKS)
def test_PortSCMCredentials(testUnixAddr: Callable[[], str], network: str) -> None:
    """SCM_CREDENTIALS: sent explicitly, attached by the kernel, and refused by it.

    The receiver sets SO_PASSCRED through SyscallConn().Control. A stream or
    seqpacket socket carries a control-only message with Go's dummy byte
    (n = 1 at the receiver); a datagram needs none (n = 0).
    """
    dataLen = 0 if network == "unixgram" else 1

    def main() -> None:
        with _Pair(network, testUnixAddr) as p:
            _setPassCred(p.b)
            me = syscall.Ucred(Pid=_pyos.getpid(), Uid=_pyos.getuid(), Gid=_pyos.getgid())

            # Explicit credentials, no data.
            oob = syscall.UnixCredentials(me)
            n, oobn, err = p.a.WriteMsgUnix(b"", oob, p.toB)
            assert err is None, err
            assert (n, oobn) == (0, len(oob))
            oob2 = bytearray(10 * len(oob))
            buf = bytearray(16)
            n, oobn2, flags, _, err = p.b.ReadMsgUnix(buf, oob2)
            assert err is None, err
            assert flags == syscall.MSG_CMSG_CLOEXEC, hex(flags)
            assert n == dataLen
            assert bytes(oob2[:oobn2]) == oob
            scms, err = syscall.ParseSocketControlMessage(bytes(oob2[:oobn2]))
            assert err is None and len(scms) == 1, (err, scms)
            got, err = syscall.ParseUnixCredentials(scms[0])
            assert err is None and got is not None, err
            assert _ucred(got) == _ucred(me)

            # No credentials sent: with SO_PASSCRED the kernel attaches the sender's.
            if network == "unixgram":
                n, err = p.a.WriteToUnix(b"plain", p.toB)
            else:
                n, err = p.a.Write(b"plain")
            assert (n, err) == (5, None)
            n, oobn2, _, _, err = p.b.ReadMsgUnix(buf, oob2)
            assert err is None, err
            assert bytes(buf[:n]) == b"plain"
            scms, err = syscall.ParseSocketControlMessage(bytes(oob2[:oobn2]))
            assert err is None and len(scms) == 1, (err, scms)
            got, err = syscall.ParseUnixCredentials(scms[0])
            assert err is None and got is not None, err
            assert _ucred(got) == _ucred(me)

            # The kernel checks what is claimed: a pid that does not exist is
            # ESRCH (EPERM first for an unprivileged sender).
            bogus = syscall.Ucred(Pid=0x7FFFFFF0, Uid=_pyos.getuid(), Gid=_pyos.getgid())
            n, oobn, err = p.a.WriteMsgUnix(b"x", syscall.UnixCredentials(bogus), p.toB)
            assert (n, oobn) == (0, 0)
            assert errors.Is(err, syscall.ESRCH) or errors.Is(err, syscall.EPERM), err
            want = "no such process" if errors.Is(err, syscall.ESRCH) else "operation not permitted"
            # WriteMsgUnix's OpError names the address passed to it (none on a
            # connected socket), not the peer.
            dst = f"->{p.toB}" if p.toB is not None else ""
            assert errText(err) == f"write {network} {p.aName}{dst}: sendmsg: {want}"
            if _pyos.getuid() != 0:
                # Go's TestSCMCredentials: claiming root is refused.
                root = syscall.Ucred(Pid=_pyos.getpid(), Uid=0, Gid=0)
                _, _, err = p.a.WriteMsgUnix(b"", syscall.UnixCredentials(root), p.toB)
                assert errors.Is(err, syscall.EPERM) or errors.Is(err, syscall.EINVAL), err
            else:
                # Privileged: other ids are allowed and arrive as claimed.
                other = syscall.Ucred(Pid=_pyos.getpid(), Uid=12345, Gid=54321)
                _, _, err = p.a.WriteMsgUnix(b"y", syscall.UnixCredentials(other), p.toB)
                assert err is None, err
                n, oobn2, _, _, err = p.b.ReadMsgUnix(buf, oob2)
                assert err is None and bytes(buf[:n]) == b"y", err
                scms, err = syscall.ParseSocketControlMessage(bytes(oob2[:oobn2]))
                assert err is None, err
                got, err = syscall.ParseUnixCredentials(scms[0])
                assert err is None and got is not None, err
                assert _ucred(got) == (_pyos.getpid(), 12345, 54321)

    rt.run(main)


@pytest.mark.parametrize("network", NETWORKS)
def test_PortWriteMsgUnixWithAndWithoutData(testUnixAddr: Callable[[], str],
                                            network: str) -> None:
    """Control data alone, with data, and data alone.

    With an empty b, a stream or seqpacket socket sends Go's one dummy
    byte and WriteMsgUnix reports n = 0; the receiver gets that zero byte
    (and a ReadMsgUnix with an empty b reads it into a dummy of its own, n = 1,
    as Go's Recvmsg). A datagram carries the control data with no byte at all.
    """
    stream = network != "unixgram"

    def main() -> None:
        with _Pair(network, testUnixAddr) as p:
            r, w = _pyos.pipe()
            try:
                rights = syscall.UnixRights(r)
                # 1. Control data only.
                n, oobn, err = p.a.WriteMsgUnix(b"", rights, p.toB)
                assert (n, oobn, err) == (0, len(rights), None)
                buf = bytearray(8)
                oob = bytearray(syscall.CmsgSpace(4))
                n, oobn, flags, _, err = p.b.ReadMsgUnix(buf, oob)
                assert err is None, err
                got = parseRights(oob[:oobn])
                closeAll(got)
                assert len(got) == 1 and flags == syscall.MSG_CMSG_CLOEXEC
                assert bytes(buf[:n]) == (b"\x00" if stream else b"")

                # 1b. The same, read with an empty b (Go's ReadMsgUnix(nil, oob)).
                n, oobn, err = p.a.WriteMsgUnix(b"", rights, p.toB)
                assert (n, oobn, err) == (0, len(rights), None)
                n, oobn, flags, _, err = p.b.ReadMsgUnix(bytearray(), oob)
                assert err is None, err
                got = parseRights(oob[:oobn])
                closeAll(got)
                assert len(got) == 1
                assert n == (1 if stream else 0)

                # 2. Control data with data.
                n, oobn, err = p.a.WriteMsgUnix(b"data", rights, p.toB)
                assert (n, oobn, err) == (4, len(rights), None)
                n, oobn, flags, _, err = p.b.ReadMsgUnix(buf, oob)
                assert err is None, err
                got = parseRights(oob[:oobn])
                closeAll(got)
                assert len(got) == 1 and bytes(buf[:n]) == b"data"

                # 3. Data only: nothing out of band arrives.
                n, oobn, err = p.a.WriteMsgUnix(b"more", b"", p.toB)
                assert (n, oobn, err) == (4, 0, None)
                n, oobn, flags, _, err = p.b.ReadMsgUnix(buf, oob)
                assert (bytes(buf[:n]), oobn, flags, err) == (
                    b"more", 0, syscall.MSG_CMSG_CLOEXEC, None)

                # 4. Neither: n = 0, oobn = 0, no error (a datagram or
                # seqpacket socket sends an empty message; a stream, nothing).
                n, oobn, err = p.a.WriteMsgUnix(b"", b"", p.toB)
                assert (n, oobn, err) == (0, 0, None)
            finally:
                _pyos.close(r)
                _pyos.close(w)

    rt.run(main)


CTRUNC_ROWS = [
    # (oob size, descriptors installed, MSG_CTRUNC expected); 3 are sent.
    pytest.param(syscall.CmsgSpace(3 * 4), 3, False, id="room-for-all"),
    pytest.param(syscall.CmsgSpace(4), 2, True, id="CmsgSpace(4)"),
    pytest.param(syscall.CmsgLen(4), 1, True, id="CmsgLen(4)"),
    pytest.param(8, 0, True, id="smaller-than-a-header"),
    pytest.param(0, 0, True, id="no-oob"),
]


@pytest.mark.parametrize("network", NETWORKS)
@pytest.mark.parametrize("oobSize,installed,ctrunc", CTRUNC_ROWS)
def test_PortMSGCTRUNC(testUnixAddr: Callable[[], str], network: str, oobSize: int,
                       installed: int, ctrunc: bool) -> None:
    """oob too small for the descriptors sent: MSG_CTRUNC in flags, and nothing leaks.

    The kernel installs the descriptors that fit and drops the rest; the
    caller closes what arrived. The process's descriptor count is the same
    before the send and after, so no dropped descriptor stays open anywhere.
    """

    def main() -> None:
        with _Pair(network, testUnixAddr) as p:
            before = nfds()
            pipes = [_pyos.pipe() for _ in range(3)]
            try:
                rights = syscall.UnixRights(*(r for r, _ in pipes))
                n, oobn, err = p.a.WriteMsgUnix(b"x", rights, p.toB)
                assert (n, oobn, err) == (1, len(rights), None)
            finally:
                for r, w in pipes:
                    _pyos.close(r)
                    _pyos.close(w)
            buf = bytearray(4)
            oob = bytearray(oobSize)
            n, oobn, flags, _, err = p.b.ReadMsgUnix(buf, oob)
            assert err is None, err
            got = parseRights(oob[:oobn])
            closeAll(got)
            assert bytes(buf[:n]) == b"x"
            assert len(got) == installed, got
            want = syscall.MSG_CMSG_CLOEXEC | (syscall.MSG_CTRUNC if ctrunc else 0)
            assert flags == want, f"flags {flags:#x}, want {want:#x}"
            assert nfds() == before, "a passed descriptor leaked"

    rt.run(main)


def test_PortAbstractNames(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An "@" name lives in the abstract namespace: no file, and Close unlinks nothing.

    The test runs in an empty directory holding one regular file named like
    the abstract address, so a Close that tried to unlink the name (as a
    relative path) would remove it.
    """
    monkeypatch.chdir(tmp_path)
    base = f"@gonet-test-{_pyos.getpid()}"

    def main() -> None:
        planted: list[str] = []
        for network in ("unix", "unixpacket"):
            name = f"{base}-{network}"
            Path(name).write_text("not a socket")
            planted.append(name)
            ln = must(net.Listen(network, name))
            assert isinstance(ln, UnixListener)
            try:
                assert ln.Addr() == UnixAddr(Name=name, Net=network)
                assert sorted(_pyos.listdir(".")) == planted, "a file was created"
                c = must(net.Dial(network, name))
                with c:
                    s = must(ln.Accept())
                    with s:
                        assert c.RemoteAddr() == UnixAddr(Name=name, Net=network)
                        assert s.LocalAddr() == UnixAddr(Name=name, Net=network)
                        assert c.Write(b"abstract") == (8, None)
                        b = bytearray(16)
                        n, err = s.Read(b)
                        assert err is None and bytes(b[:n]) == b"abstract", err
                ln.SetUnlinkOnClose(True)
            finally:
                assert ln.Close() is None
            assert Path(name).read_text() == "not a socket", "Close unlinked the name"
            # The name is free again at once: nothing was left behind.
            ln2 = must(ListenUnix(network, UnixAddr(Name=name, Net=network)))
            ln2.Close()
        name = f"{base}-unixgram"
        c1 = must(ListenUnixgram("unixgram", UnixAddr(Name=name, Net="unixgram")))
        with c1:
            assert sorted(_pyos.listdir(".")) == planted, "a file was created"
            c2 = must(net.Dial("unixgram", name))
            with c2:
                assert c2.Write(b"gram") == (4, None)
                b = bytearray(8)
                n, frm, err = c1.ReadFrom(b)
                assert (bytes(b[:n]), frm, err) == (b"gram", None, None)

    rt.run(main)


def test_PortUnixgramKeepsItsFile(testUnixAddr: Callable[[], str]) -> None:
    """Only a UnixListener removes its file; a unixgram socket leaves it, as in Go."""
    name = testUnixAddr()

    def main() -> None:
        c = must(ListenUnixgram("unixgram", UnixAddr(Name=name, Net="unixgram")))
        assert _pyos.path.exists(name)
        c.Close()
        assert _pyos.path.exists(name)
        _, err = ListenUnixgram("unixgram", UnixAddr(Name=name, Net="unixgram"))
        assert errText(err) == f"listen unixgram {name}: bind: address already in use"
        _pyos.remove(name)

    rt.run(main)


def _longName(d: str, length: int) -> str:
    return d + "/" + "a" * (length - len(d) - 1)


LONG_PATH_ROWS = [
    # (what, network, call, op, syscall): call(network, name) -> (value, err)
    ("net.Listen", "unix", lambda n, a: net.Listen(n, a), "listen", "bind"),
    ("ListenUnix", "unixpacket", lambda n, a: ListenUnix(n, unixAddr(a, n)), "listen", "bind"),
    ("ListenUnixgram", "unixgram", lambda n, a: ListenUnixgram(n, unixAddr(a, n)),
     "listen", "bind"),
    ("net.ListenPacket", "unixgram", lambda n, a: net.ListenPacket(n, a), "listen", "bind"),
    ("net.Dial", "unix", lambda n, a: net.Dial(n, a), "dial", "connect"),
    ("net.Dial", "unixpacket", lambda n, a: net.Dial(n, a), "dial", "connect"),
    ("net.Dial", "unixgram", lambda n, a: net.Dial(n, a), "dial", "connect"),
    ("DialUnix laddr", "unixgram", lambda n, a: DialUnix(n, unixAddr(a, n), None),
     "dial", "bind"),
]


@pytest.mark.parametrize("what,network,call,op,sysc", LONG_PATH_ROWS,
                         ids=[f"{r[0]}-{r[1]}" for r in LONG_PATH_ROWS])
def test_PortSocketPathTooLong(testUnixAddr: Callable[[], str], what: str, network: str,
                               call: Callable[[str, str], tuple[Any, Any]], op: str,
                               sysc: str) -> None:
    """A path of 108 bytes or more is EINVAL at bind or connect, with Go's exact text.

    Checked against Go 1.19 (/usr/bin/go) running the same calls, e.g.
    "listen unix <path>: bind: invalid argument" and "dial unix <path>:
    connect: invalid argument"; go1.27's SockaddrUnix.sockaddr gives the
    same EINVAL. 107 bytes (sun_path less the NUL) still works.
    """
    d = _pyos.path.dirname(testUnixAddr())

    def main() -> None:
        for length in (SUN_PATH_LEN, 2 * SUN_PATH_LEN):
            name = _longName(d, length)
            v, err = call(network, name)
            assert v is None
            assert isinstance(err, OpError), err
            assert errText(err) == f"{op} {network} {name}: {sysc}: invalid argument"
            assert errors.Is(err, syscall.EINVAL)
            sce = errors.As(err, os.SyscallError)
            assert sce is not None and sce.Syscall == sysc
        # The longest path that fits.
        name = _longName(d, SUN_PATH_LEN - 1)
        if op == "listen" or sysc == "bind":  # a listener, or a bound unixgram socket
            v = must(call(network, name))
            v.Close()
        else:
            _, err = call(network, name)  # nothing listens there
            assert errText(err) == f"dial {network} {name}: connect: no such file or directory"
        assert not _pyos.path.exists(name) or network == "unixgram"

    rt.run(main)


def test_PortAbstractNameTooLong() -> None:
    """An abstract name may use all 108 bytes (its NUL is the first); 109 is EINVAL."""
    name = _abstractName("@").rstrip("\x00")
    fits = name + "a" * (SUN_PATH_LEN - len(name))
    over = fits + "a"

    def main() -> None:
        ln = must(ListenUnix("unix", UnixAddr(Name=fits, Net="unix")))
        with ln:
            c = must(net.Dial("unix", fits))
            c.Close()
        _, err = ListenUnix("unix", UnixAddr(Name=over, Net="unix"))
        assert errText(err) == f"listen unix {over}: bind: invalid argument"
        _, err = net.Dial("unix", over)
        assert errText(err) == f"dial unix {over}: connect: invalid argument"

    rt.run(main)


READ_EOF_CALLS: list[tuple[str, Callable[[UnixConn], Any]]] = [
    ("ReadMsgUnix", lambda c: c.ReadMsgUnix(bytearray(8), bytearray(64))[4]),
    ("ReadFromUnix", lambda c: c.ReadFromUnix(bytearray(8))[2]),
    ("ReadFrom", lambda c: c.ReadFrom(bytearray(8))[2]),
    ("Read", lambda c: c.Read(bytearray(8))[1]),
]


@pytest.mark.parametrize("how", ["Close", "CloseWrite"])
@pytest.mark.parametrize("network", ["unix", "unixpacket"])
@pytest.mark.parametrize("method,read", READ_EOF_CALLS, ids=[r[0] for r in READ_EOF_CALLS])
def test_PortReadEOFIsBare(testUnixAddr: Callable[[], str], network: str, how: str,
                           method: str, read: Callable[[UnixConn], Any]) -> None:
    """go1.27: every UnixConn read returns io.EOF itself once the peer is done.

    Go 1.19 (and go1.26) wrapped it for ReadFromUnix, ReadFrom and ReadMsgUnix
    ("read unix @->/p: EOF"); go1.27's source returns it bare, and wins here.
    Other errors are still wrapped in an OpError.
    """

    def main() -> None:
        with _Pair(network, testUnixAddr) as p:
            assert p.b.Write(b"last") == (4, None)
            if how == "Close":
                p.b.Close()
            else:
                assert p.b.CloseWrite() is None
            buf = bytearray(8)
            n, err = p.a.Read(buf)  # the data first
            assert (bytes(buf[:n]), err) == (b"last", None)
            err = read(p.a)
            assert err is io.EOF, f"{method} returned {err!r}, want io.EOF"
            err = read(p.a)
            assert err is io.EOF, f"{method} (again) returned {err!r}, want io.EOF"
            p.a.Close()
            err = read(p.a)
            assert isinstance(err, OpError) and errors.Is(err, net.ErrClosed), err
            assert errText(err) == (
                f"read {network} {p.aName}->{p.bName}: use of closed network connection")

    rt.run(main)


def test_PortBadArguments(testUnixAddr: Callable[[], str]) -> None:
    """Wrong networks and missing addresses: Go's errors and texts (checked with Go 1.19)."""
    p = testUnixAddr()
    ua = UnixAddr(Name=p, Net="unix")

    rows: list[tuple[str, Callable[[], tuple[Any, Any]], str, Any]] = [
        ("ListenUnix tcp", lambda: ListenUnix("tcp", ua),
         f"listen tcp {p}: unknown network tcp", UnknownNetworkError("tcp")),
        ("ListenUnix unixgram", lambda: ListenUnix("unixgram", ua),
         f"listen unixgram {p}: unknown network unixgram", UnknownNetworkError("unixgram")),
        ("ListenUnix nil", lambda: ListenUnix("unix", None),
         "listen unix: missing address", errMissingAddress),
        ("ListenUnix tcp nil", lambda: ListenUnix("tcp", None),
         "listen tcp: unknown network tcp", UnknownNetworkError("tcp")),
        ("ListenUnixgram unix", lambda: ListenUnixgram("unix", ua),
         f"listen unix {p}: unknown network unix", UnknownNetworkError("unix")),
        ("ListenUnixgram nil", lambda: ListenUnixgram("unixgram", None),
         "listen unixgram: missing address", errMissingAddress),
        ("DialUnix tcp", lambda: DialUnix("tcp", None, ua),
         f"dial tcp {p}: unknown network tcp", UnknownNetworkError("tcp")),
        ("DialUnix unix nil nil", lambda: DialUnix("unix", None, None),
         "dial unix: missing address", errMissingAddress),
        ("DialUnix unixgram nil nil", lambda: DialUnix("unixgram", None, None),
         "dial unixgram: missing address", errMissingAddress),
        ("DialUnix unixpacket laddr only",
         lambda: DialUnix("unixpacket", UnixAddr(Name=p, Net="unixpacket"), None),
         f"dial unixpacket {p}: missing address", errMissingAddress),
        ("Dial unix empty", lambda: net.Dial("unix", ""),
         "dial unix: missing address", errMissingAddress),
        ("DialUnix unix noent", lambda: DialUnix("unix", None, ua),
         f"dial unix {p}: connect: no such file or directory", syscall.ENOENT),
        ("Dial unixgram noent", lambda: net.Dial("unixgram", p),
         f"dial unixgram {p}: connect: no such file or directory", syscall.ENOENT),
        ("Dial unixpacket noent", lambda: net.Dial("unixpacket", p),
         f"dial unixpacket {p}: connect: no such file or directory", syscall.ENOENT),
        ("Dial unix wrong-socket-type", lambda: net.Dial("unix", "/dev/null"),
         "dial unix /dev/null: connect: connection refused", syscall.ECONNREFUSED),
    ]

    def main() -> None:
        for what, call, text, target in rows:
            v, err = call()
            assert v is None, what
            assert isinstance(err, OpError), (what, err)
            assert errText(err) == text, what
            if isinstance(target, UnknownNetworkError):
                assert err.Err == target, what
            else:
                assert errors.Is(err, target), (what, err)
        a, err = ResolveUnixAddr("tcp", "x")
        assert a is None and err == UnknownNetworkError("tcp")
        assert errText(err) == "unknown network tcp"
        # Listening twice on one path.
        ln = must(ListenUnix("unix", ua))
        with ln:
            _, err = net.Listen("unix", p)
            assert errText(err) == f"listen unix {p}: bind: address already in use"
            assert errors.Is(err, syscall.EADDRINUSE)

    rt.run(main)


def test_PortWriteToErrors(testUnixAddr: Callable[[], str]) -> None:
    """An unconnected unixgram socket: wrong Net (EAFNOSUPPORT), no address, no peer."""
    p1, p2 = testUnixAddr(), testUnixAddr()

    def main() -> None:
        g1 = must(ListenUnixgram("unixgram", unixAddr(p1, "unixgram")))
        g2 = must(ListenUnixgram("unixgram", unixAddr(p2, "unixgram")))
        with g1, g2:
            for wrong in ("unix", "unixpacket", ""):
                n, err = g1.WriteToUnix(b"x", unixAddr(p2, wrong))
                assert n == 0 and isinstance(err, OpError)
                assert err.Err == syscall.EAFNOSUPPORT and errors.Is(err, syscall.EAFNOSUPPORT)
                assert errText(err) == (
                    f"write unixgram {p1}->{p2}: address family not supported by protocol")
                n, oobn, err = g1.WriteMsgUnix(b"x", b"", unixAddr(p2, wrong))
                assert (n, oobn) == (0, 0) and isinstance(err, OpError)
                assert err.Err == syscall.EAFNOSUPPORT
                n, err = g1.WriteTo(b"x", unixAddr(p2, wrong))
                assert n == 0 and errors.Is(err, syscall.EAFNOSUPPORT)
            n, err = g1.WriteToUnix(b"x", None)
            assert n == 0 and isinstance(err, OpError) and err.Err is errMissingAddress
            assert errText(err) == f"write unixgram {p1}: missing address"
            n, err = g1.WriteTo(b"x", net.TCPAddr())
            assert n == 0 and isinstance(err, OpError) and err.Err == syscall.EINVAL
            assert errText(err) == f"write unixgram {p1}->:0: invalid argument"
            n, err = g1.Write(b"x")
            assert n == 0 and errors.Is(err, syscall.ENOTCONN)
            assert errText(err) == (
                f"write unixgram {p1}: write: transport endpoint is not connected")
            n, oobn, err = g1.WriteMsgUnix(b"x", b"", None)
            assert (n, oobn) == (0, 0) and errors.Is(err, syscall.ENOTCONN)
            assert errText(err) == (
                f"write unixgram {p1}: sendmsg: transport endpoint is not connected")
            # And the right address works, and names the sender.
            assert g1.WriteToUnix(b"hello", unixAddr(p2, "unixgram")) == (5, None)
            b = bytearray(8)
            n, frm, err = g2.ReadFromUnix(b)
            assert (bytes(b[:n]), frm, err) == (b"hello", unixAddr(p1, "unixgram"), None)

    rt.run(main)


def test_PortWriteToConnected(testUnixAddr: Callable[[], str]) -> None:
    """WriteToUnix, WriteTo and WriteMsgUnix on a connected socket (ErrWriteToConnected)."""
    p, pc = testUnixAddr(), testUnixAddr()

    def main() -> None:
        g = must(ListenUnixgram("unixgram", unixAddr(p, "unixgram")))
        with g:
            c = must(DialUnix("unixgram", unixAddr(pc, "unixgram"), unixAddr(p, "unixgram")))
            with c:
                text = (f"write unixgram {pc}->{p}: "
                        "use of WriteTo with pre-connected connection")
                # isConnected is checked before the address, whatever it is.
                for to in (unixAddr(p, "unixgram"), unixAddr(p, "unix"), None):
                    n, err = c.WriteToUnix(b"x", to)
                    assert n == 0 and isinstance(err, OpError), err
                    assert err.Err is ErrWriteToConnected
                    if to is not None:
                        assert errText(err) == text
                n, err = c.WriteTo(b"x", unixAddr(p, "unixgram"))
                assert isinstance(err, OpError) and err.Err is ErrWriteToConnected
                n, oobn, err = c.WriteMsgUnix(b"x", b"", None)
                assert (n, oobn) == (0, 0) and isinstance(err, OpError)
                assert err.Err is ErrWriteToConnected
                assert errText(err) == (
                    f"write unixgram {pc}: use of WriteTo with pre-connected connection")
                assert c.Write(b"ok") == (2, None)
        ln = must(ListenUnix("unix", unixAddr(p + "s", "unix")))
        with ln:
            c = must(DialUnix("unix", unixAddr(pc + "s", "unix"), unixAddr(p + "s", "unix")))
            with c:
                n, err = c.WriteToUnix(b"x", unixAddr(p + "s", "unix"))
                assert isinstance(err, OpError) and err.Err is ErrWriteToConnected
                assert errText(err) == (f"write unix {pc}s->{p}s: "
                                        "use of WriteTo with pre-connected connection")
                # A stream's WriteMsgUnix goes to sendmsg with the address:
                # wrong Net first, then the kernel's EISCONN.
                n, oobn, err = c.WriteMsgUnix(b"x", b"", unixAddr(p + "s", "unixgram"))
                assert (n, oobn) == (0, 0) and errors.Is(err, syscall.EAFNOSUPPORT)
                n, oobn, err = c.WriteMsgUnix(b"x", b"", unixAddr(p + "s", "unix"))
                assert (n, oobn) == (0, 0) and errors.Is(err, syscall.EISCONN)
                assert errText(err) == (f"write unix {pc}s->{p}s: "
                                        "sendmsg: transport endpoint is already connected")

    rt.run(main)


@pytest.mark.parametrize("network", ["unix", "unixpacket"])
def test_PortAcceptDeadline(testUnixAddr: Callable[[], str], network: str) -> None:
    """Accept with a past deadline fails (repeatably); a deadline set later wakes it."""
    p = testUnixAddr()

    def main() -> None:
        ln = must(ListenUnix(network, unixAddr(p, network)))
        with ln:
            assert ln.SetDeadline(time.Now().Add(-time.Second)) is None
            for _ in range(2):
                c, err = ln.Accept()
                assert c is None and isDeadlineExceeded(err), err
                assert errText(err) == f"accept {network} {p}: i/o timeout"
            assert ln.SetDeadline(time.Time()) is None
            done: rt.hchan[Any] = rt.chan(1)

            def accept() -> None:
                c, err = ln.AcceptUnix()
                if c is not None:
                    c.Close()
                done.send(err)

            rt.go(accept)
            time.Sleep(20 * time.Millisecond)
            assert ln.SetDeadline(time.Now().Add(-time.Second)) is None
            err = done.recv()
            assert isDeadlineExceeded(err), err
            # The deadline cleared, a connection is accepted.
            assert ln.SetDeadline(time.Time()) is None
            rt.go(accept)
            c = must(net.Dial(network, p))
            c.Close()
            assert done.recv() is None

    rt.run(main)


@pytest.mark.parametrize("network", ["unix", "unixpacket"])
def test_PortReadWriteDeadline(testUnixAddr: Callable[[], str], network: str) -> None:
    """Each read method times out with Go's text; a blocked Read wakes when data comes."""

    def main() -> None:
        with _Pair(network, testUnixAddr) as p:
            text = f"read {network} {p.aName}->{p.bName}: i/o timeout"
            assert p.a.SetReadDeadline(time.Now().Add(-time.Second)) is None
            for _, read in READ_EOF_CALLS:
                err = read(p.a)
                assert isDeadlineExceeded(err), err
                assert errText(err) == text
            assert p.a.SetReadDeadline(time.Now().Add(5 * time.Second)) is None

            def later() -> None:
                time.Sleep(20 * time.Millisecond)
                p.b.Write(b"late")

            rt.go(later)
            b = bytearray(8)
            n, err = p.a.Read(b)
            assert (bytes(b[:n]), err) == (b"late", None)
            assert p.a.SetWriteDeadline(time.Now().Add(-time.Second)) is None
            n, err = p.a.Write(b"x")
            assert n == 0 and isDeadlineExceeded(err), err
            assert errText(err) == f"write {network} {p.aName}->{p.bName}: i/o timeout"

    rt.run(main)


def test_PortUnixgramReadDeadline(testUnixAddr: Callable[[], str]) -> None:
    p = testUnixAddr()

    def main() -> None:
        g = must(ListenUnixgram("unixgram", unixAddr(p, "unixgram")))
        with g:
            assert g.SetReadDeadline(time.Now().Add(30 * time.Millisecond)) is None
            start = time.Now()
            n, frm, err = g.ReadFromUnix(bytearray(8))
            assert (n, frm) == (0, None) and isDeadlineExceeded(err), err
            assert time.Since(start) >= 25 * time.Millisecond
            assert errText(err) == f"read unixgram {p}: i/o timeout"
            _, _, _, _, err = g.ReadMsgUnix(bytearray(8), bytearray(8))
            assert isDeadlineExceeded(err), err

    rt.run(main)


def test_PortUnixListenerSetDeadlineAfterClose(testUnixAddr: Callable[[], str]) -> None:
    """go1.27 unixsock.go: UnixListener.SetDeadline returns netFD.SetDeadline's error as is.

    (Go 1.19 at /usr/bin/go prints "set unix <p>: use of closed network
    connection", an *OpError; go1.27's source wins.)
    """
    p = testUnixAddr()

    def main() -> None:
        ln = must(ListenUnix("unix", unixAddr(p, "unix")))
        ln.Close()
        err = ln.SetDeadline(time.Now())
        assert err is poll.ErrNetClosing, repr(err)

    rt.run(main)


def test_PortListenerClose(testUnixAddr: Callable[[], str]) -> None:
    """A closed UnixListener: its file is gone, and Accept, Close and File say so."""
    p = testUnixAddr()

    def main() -> None:
        ln = must(ListenUnix("unix", unixAddr(p, "unix")))
        assert _pyos.path.exists(p)
        assert ln.Close() is None
        assert not _pyos.path.exists(p)
        c, err = ln.Accept()
        assert c is None and errors.Is(err, net.ErrClosed), err
        assert errText(err) == f"accept unix {p}: use of closed network connection"
        err = ln.Close()
        assert errText(err) == f"close unix {p}: use of closed network connection"
        f, err = ln.File()
        assert errText(err) == f"file unix {p}: use of closed network connection"

    rt.run(main)


def test_PortDialerDialUnix(testUnixAddr: Callable[[], str]) -> None:
    """Dialer.DialUnix (go1.26): the Dialer's Control runs; its ctx is honoured."""
    p = testUnixAddr()

    def main() -> None:
        ln = must(ListenUnix("unix", unixAddr(p, "unix")))
        with ln:
            calls: list[tuple[str, str]] = []

            def control(network: str, address: str, c: Any) -> Any:
                calls.append((network, address))
                return None

            d = net.Dialer(Control=control)
            c = must(d.DialUnix(context.Background(), "unix", None, unixAddr(p, "unix")))
            with c:
                assert isinstance(c, UnixConn)
                assert c.RemoteAddr() == unixAddr(p, "unix")
                s = must(ln.AcceptUnix())
                with s:
                    assert c.Write(b"hi") == (2, None)
                    b = bytearray(4)
                    n, err = s.Read(b)
                    assert (bytes(b[:n]), err) == (b"hi", None)
            assert calls == [("unix", p)]
            # A cancelled context: Go's connect checks ctx after a connect that
            # completed at once.
            ctx, cancel = context.WithCancel(context.Background())
            cancel()
            c2, err = net.Dialer().DialUnix(ctx, "unix", None, unixAddr(p, "unix"))
            assert c2 is None and errors.Is(err, context.Canceled), err
            assert errText(err) == f"dial unix {p}: operation was canceled"
            c2, err = net.Dialer().DialUnix(context.Background(), "tcp", None,
                                            unixAddr(p, "unix"))
            assert c2 is None and errText(err) == f"dial tcp {p}: unknown network tcp"
            # A unixgram "dial" with only a local address: bound, not connected.
            pl = testUnixAddr()
            g = must(net.Dialer().DialUnix(context.Background(), "unixgram",
                                           unixAddr(pl, "unixgram"), None))
            with g:
                assert g.LocalAddr() == unixAddr(pl, "unixgram") and g.RemoteAddr() is None

    rt.run(main)


@pytest.mark.parametrize("network", ["unix", "unixpacket"])
def test_PortListenAndDial(testUnixAddr: Callable[[], str], network: str) -> None:
    """net.Listen and net.Dial: UnixListener and UnixConn with the network's addresses."""
    p = testUnixAddr()

    def main() -> None:
        ln = must(net.Listen(network, p))
        with ln:
            assert isinstance(ln, UnixListener)
            assert ln.Addr() == unixAddr(p, network)
            c = must(net.Dial(network, p))
            with c:
                assert isinstance(c, UnixConn) and c.RemoteAddr() == unixAddr(p, network)
                s = must(ln.Accept())
                with s:
                    assert isinstance(s, UnixConn) and s.LocalAddr() == unixAddr(p, network)
                    assert c.Write(b"one") == (3, None)
                    assert c.Write(b"two") == (3, None)
                    b = bytearray(16)
                    if network == "unixpacket":  # message boundaries stay
                        for want in (b"one", b"two"):
                            n, err = s.Read(b)
                            assert (bytes(b[:n]), err) == (want, None)
                    else:
                        got = b""
                        while len(got) < 6:
                            n, err = s.Read(b)
                            assert err is None, err
                            got += bytes(b[:n])
                        assert got == b"onetwo"
                    assert s.Write(b"back") == (4, None)
                    n, err = c.Read(b)
                    assert (bytes(b[:n]), err) == (b"back", None)

    rt.run(main)


def test_PortListenPacketAndDialUnixgram(testUnixAddr: Callable[[], str]) -> None:
    """net.ListenPacket("unixgram") and net.Dial("unixgram"), both directions."""
    p, pc = testUnixAddr(), testUnixAddr()

    def main() -> None:
        pconn = must(net.ListenPacket("unixgram", p))
        with pconn:
            assert isinstance(pconn, UnixConn) and pconn.LocalAddr() == unixAddr(p, "unixgram")
            d = net.Dialer(LocalAddr=unixAddr(pc, "unixgram"))
            c = must(d.Dial("unixgram", p))
            with c:
                assert isinstance(c, UnixConn)
                assert (c.LocalAddr(), c.RemoteAddr()) == (unixAddr(pc, "unixgram"),
                                                           unixAddr(p, "unixgram"))
                assert c.Write(b"ping") == (4, None)
                b = bytearray(8)
                n, frm, err = pconn.ReadFrom(b)
                assert (bytes(b[:n]), frm, err) == (b"ping", unixAddr(pc, "unixgram"), None)
                assert pconn.WriteTo(b"pong", frm) == (4, None)
                n, err = c.Read(b)
                assert (bytes(b[:n]), err) == (b"pong", None)

    rt.run(main)


@pytest.mark.parametrize("network", ["unix", "unixpacket"])
def test_PortCloseReadCloseWrite(testUnixAddr: Callable[[], str], network: str) -> None:
    """CloseWrite: the peer reads EOF and our writes fail (EPIPE); CloseRead: reads EOF."""

    def main() -> None:
        with _Pair(network, testUnixAddr) as p:
            assert p.a.CloseWrite() is None
            b = bytearray(8)
            n, err = p.b.Read(b)
            assert (n, err) == (0, io.EOF)
            n, err = p.a.Write(b"x")
            assert n == 0 and errors.Is(err, syscall.EPIPE), err
            assert errText(err) == f"write {network} {p.aName}->{p.bName}: write: broken pipe"
            # The other direction still works.
            assert p.b.Write(b"still") == (5, None)
            n, err = p.a.Read(b)
            assert (bytes(b[:n]), err) == (b"still", None)
            assert p.a.CloseRead() is None
            n, err = p.a.Read(b)
            assert (n, err) == (0, io.EOF)
            p.a.Close()
            for op in (p.a.CloseRead, p.a.CloseWrite):
                err = op()
                assert errors.Is(err, net.ErrClosed), err
                assert errText(err) == (
                    f"close {network} {p.aName}->{p.bName}: use of closed network connection")

    rt.run(main)


def test_PortUnnamedAddressIsAt(testUnixAddr: Callable[[], str]) -> None:
    """An unnamed end reads as "@" on Linux, in addresses and in error texts (Go 1.19 too)."""
    p = testUnixAddr()

    def main() -> None:
        ln = must(ListenUnix("unix", unixAddr(p, "unix")))
        with ln:
            c = must(DialUnix("unix", None, unixAddr(p, "unix")))
            with c:
                s = must(ln.AcceptUnix())
                with s:
                    assert s.RemoteAddr() == unixAddr("@", "unix")
                    assert c.LocalAddr() == unixAddr("@", "unix")
                    c.SetReadDeadline(time.Now().Add(-time.Second))
                    _, err = c.Read(bytearray(1))
                    assert errText(err) == f"read unix @->{p}: i/o timeout"

    rt.run(main)


def test_PortClosedBeatsBadAddress(testUnixAddr: Callable[[], str]) -> None:
    """Go takes the write lock and checks closed/deadline before encoding the address.

    (internal/poll's WriteTo and WriteMsg encode inside the syscall, so a
    name too long for sun_path on a closed conn reports the close, and on a
    conn whose deadline passed reports the timeout; Go 1.19 prints the same.)
    """
    def main() -> None:
        g, err = ListenUnixgram("unixgram", UnixAddr(Name=testUnixAddr(), Net="unixgram"))
        assert err is None and g is not None
        bad = UnixAddr(Name="/x" * 100, Net="unixgram")
        g.SetWriteDeadline(time.Now().Add(-time.Second))
        _, err = g.WriteToUnix(b"x", bad)
        assert errors.Is(err, os.ErrDeadlineExceeded), err
        g.Close()
        _, err = g.WriteToUnix(b"x", bad)
        assert errors.Is(err, net.ErrClosed), err
        _, _, err = g.WriteMsgUnix(b"x", b"", bad)
        assert errors.Is(err, net.ErrClosed), err

    rt.run(main)


def test_NilBuffersAreEmptySlices() -> None:
    """None stands for Go's nil oob in ReadMsgUnix(b, nil) and ReadMsgUDP(b, nil).

    Go's programs pass nil there to read the data and no control messages.
    (A None data buffer stays a TypeError: test_PortBadArgumentTypes.)
    """
    def main() -> None:
        d = tempfile.mkdtemp()
        try:
            a = net.UnixAddr(Name=_pyos.path.join(d, "a"), Net="unixgram")
            ln, err = net.ListenUnixgram("unixgram", a)
            assert err is None and ln is not None
            with ln:
                c, err = net.DialUnix("unixgram", None, a)
                assert err is None and c is not None
                with c:
                    n, err = c.Write(b"hello")
                    assert (n, err) == (5, None)
                    b = bytearray(8)
                    # (flags carries MSG_CMSG_CLOEXEC back: Linux echoes it, to Go too.)
                    n, oobn, flags, _, err = ln.ReadMsgUnix(b, None)
                    assert (n, oobn, flags & ~syscall.MSG_CMSG_CLOEXEC, err) == (5, 0, 0, None)
                    assert b[:n] == b"hello"
            u, err = net.ListenUDP("udp4", net.UDPAddr(IP=net.IPv4(127, 0, 0, 1)))
            assert err is None and u is not None
            with u:
                c2, err = net.DialUDP("udp4", None, u.LocalAddr())
                assert err is None and c2 is not None
                with c2:
                    assert c2.Write(b"datagram") == (8, None)
                    b = bytearray(16)
                    n, oobn, flags, addr, err = u.ReadMsgUDP(b, None)
                    assert (n, oobn, flags, err) == (8, 0, 0, None)
                    assert bytes(b[:n]) == b"datagram"
                    assert addr is not None and addr.String() == c2.LocalAddr().String()
        finally:
            shutil.rmtree(d, ignore_errors=True)

    rt.run(main)
