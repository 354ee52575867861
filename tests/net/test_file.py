"""net/file_test.go + file_unix_test.go (go1.27.0), ported, and the port's own File tests.

Go's tests, in its order: TestFileConn (tcp, udp, unix, unixpacket),
TestFileListener (tcp, unix, unixpacket), TestFilePacketConn (udp,
unixgram), TestFileCloseRace, and file_unix_test.go's TestFileFdBlocks.
Each takes a conn's ``File()``, closes the conn, adopts the File with
FileConn, FileListener or FilePacketConn, and checks the new value works
and has the same local address. (TestFileError, the non-socket case, is in
test_error.py with the other error tests.)

The port's own tests after them: adopting a socket made by Python's
``socket`` module through ``std.os.NewFile(sock.fileno(), name)`` (the
issue's "a Python user can adopt an existing socket"); the adopted value
owns a duplicate, so the File, the Python socket and the conn close
independently and nothing leaks; a socket handed to the wrong adopter
(a UDP socket to FileListener, a listener to FilePacketConn) gives Go's
EINVAL text; a connected socket keeps its remote address; and an fd
passed over a Unix socket with SCM_RIGHTS is adopted on the other side.
"""

from __future__ import annotations

import fcntl
import os as _pyos
import socket as _pysocket
from typing import Any

import pytest

import net
import rt
from net.iprawsock import IPConn
from net.net import OpError
from rt.sys_linux import EINVAL
from std import os, sync, syscall
from tests.net.mockserver import (
    localServer,
    newLocalListener,
    newLocalPacketListener,
    newLocalServer,
)
from tests.net.test_error import (
    parseAcceptError,
    parseCloseError,
    parseCommonError,
    parseDialError,
    parseWriteError,
)
from tests.net.testable import testableNetwork


def _fdCount() -> int:
    return len(_pyos.listdir("/proc/self/fd"))


def _noErr(perr: Any) -> None:
    assert perr is None, perr


@pytest.mark.parametrize("network", ["tcp", "udp", "unix", "unixpacket"])
def test_FileConn(network: str) -> None:
    if not testableNetwork(network):
        pytest.skip(f"skipping {network} test")

    def main() -> None:
        ls: localServer | None = None
        c: Any = None
        if network == "udp":
            c = newLocalPacketListener(network)
            netw, address = c.LocalAddr().Network(), c.LocalAddr().String()
        else:
            def handler(ls: localServer, ln: Any) -> None:
                c, err = ln.Accept()
                if err is not None:
                    return
                with c:
                    c.Read(bytearray(1))

            ls = newLocalServer(network)
            ls.buildup(handler)
            netw, address = ls.Listener.Addr().Network(), ls.Listener.Addr().String()
        try:
            c1, err = net.Dial(netw, address)
            if err is not None:
                _noErr(parseDialError(err))
                pytest.fail(str(err))
            addr = c1.LocalAddr()
            f, err = c1.File()
            cerr = c1.Close()
            if cerr is not None:
                _noErr(parseCloseError(cerr, False))
                pytest.fail(str(cerr))
            if err is not None:
                _noErr(parseCommonError(err))
                pytest.fail(str(err))

            c2, err = net.FileConn(f)
            assert f.Close() is None
            if err is not None:
                _noErr(parseCommonError(err))
                pytest.fail(str(err))
            with c2:
                _, err = c2.Write(b"FILECONN TEST")
                if err is not None:
                    _noErr(parseWriteError(err))
                    pytest.fail(str(err))
                assert c2.LocalAddr() == addr, f"got {c2.LocalAddr()!r}; want {addr!r}"
                assert type(c2) is type(c1)
        finally:
            if c is not None:
                c.Close()
            if ls is not None:
                ls.teardown()

    rt.run(main)


@pytest.mark.parametrize("network", ["tcp", "unix", "unixpacket"])
def test_FileListener(network: str) -> None:
    if not testableNetwork(network):
        pytest.skip(f"skipping {network} test")

    def main() -> None:
        ln1 = newLocalListener(network)
        addr = ln1.Addr()
        f, err = ln1.File()
        if network == "tcp":
            assert ln1.Close() is None
        try:
            if err is not None:
                _noErr(parseCommonError(err))
                pytest.fail(str(err))
            ln2, err = net.FileListener(f)
            assert f.Close() is None
            if err is not None:
                _noErr(parseCommonError(err))
                pytest.fail(str(err))
            with ln2:
                wg = sync.WaitGroup()
                wg.Add(1)
                errs: list[Any] = []

                def dial() -> None:
                    try:
                        c, err = net.Dial(ln2.Addr().Network(), ln2.Addr().String())
                        if err is not None:
                            errs.append(parseDialError(err) or err)
                            return
                        c.Close()
                    finally:
                        wg.Done()

                rt.go(dial)
                c, err = ln2.Accept()
                if err is not None:
                    _noErr(parseAcceptError(err))
                    pytest.fail(str(err))
                c.Close()
                wg.Wait()
                assert not errs, errs
                assert ln2.Addr() == addr, f"got {ln2.Addr()!r}; want {addr!r}"
        finally:
            if network != "tcp":
                ln1.Close()  # UnixListener.Close unlinks the socket file

    rt.run(main)


@pytest.mark.parametrize("network", ["udp", "unixgram"])
def test_FilePacketConn(network: str) -> None:
    if not testableNetwork(network):
        pytest.skip(f"skipping {network} test")

    def main() -> None:
        c1 = newLocalPacketListener(network)
        addr = c1.LocalAddr()
        f, err = c1.File()
        cerr = c1.Close()
        if cerr is not None:
            _noErr(parseCloseError(cerr, False))
            pytest.fail(str(cerr))
        if err is not None:
            _noErr(parseCommonError(err))
            pytest.fail(str(err))
        c2, err = net.FilePacketConn(f)
        assert f.Close() is None
        if err is not None:
            _noErr(parseCommonError(err))
            pytest.fail(str(err))
        with c2:
            _, err = c2.WriteTo(b"FILEPACKETCONN TEST", addr)
            if err is not None:
                _noErr(parseWriteError(err))
                pytest.fail(str(err))
            assert c2.LocalAddr() == addr, f"got {c2.LocalAddr()!r}; want {addr!r}"
        if network == "unixgram":
            _pyos.remove(addr.String())

    rt.run(main)


def test_FileCloseRace() -> None:
    def main() -> None:
        def handler(ls: localServer, ln: Any) -> None:
            c, err = ln.Accept()
            if err is not None:
                return
            with c:
                c.Read(bytearray(1))

        ls = newLocalServer("tcp")
        ls.buildup(handler)
        try:
            for _ in range(100):
                c1, err = net.Dial(ls.Listener.Addr().Network(), ls.Listener.Addr().String())
                assert err is None, err
                wg = sync.WaitGroup()
                wg.Add(2)

                def file(tc: Any = c1, wg: sync.WaitGroup = wg) -> None:
                    try:
                        f, err = tc.File()
                        if err is None:
                            f.Close()
                    finally:
                        wg.Done()

                def close(tc: Any = c1, wg: sync.WaitGroup = wg) -> None:
                    try:
                        tc.Close()
                    finally:
                        wg.Done()

                rt.go(file)
                rt.go(close)
                wg.Wait()
        finally:
            ls.teardown()

    rt.run(main)


def _isNonblock(fd: int) -> bool:
    return bool(fcntl.fcntl(fd, fcntl.F_GETFL) & _pyos.O_NONBLOCK)


def test_FileFdBlocks() -> None:
    """file_unix_test.go: the conn's fd and the File's stay non-blocking until Fd() is called."""
    def main() -> None:
        ls = newLocalServer("unix")
        errc: rt.hchan[Any] = rt.chan(1)
        done: rt.hchan[bool] = rt.chan()

        def handler(ls: localServer, ln: Any) -> None:
            server, err = ln.Accept()
            errc.send(err)
            if err is not None:
                return
            with server:
                done.recv2()

        ls.buildup(handler)
        try:
            client, err = net.Dial(ls.Listener.Addr().Network(), ls.Listener.Addr().String())
            assert err is None, err
            with client:
                assert errc.recv() is None
                rawconn, err = client.SyscallConn()
                assert err is None
                seen: list[bool] = []
                assert rawconn.Control(lambda fd: seen.append(_isNonblock(fd))) is None
                assert seen == [True], "unix socket is in blocking mode"

                file, err = client.File()
                assert err is None, err
                with file:
                    rawconn, err = file.SyscallConn()
                    assert err is None
                    seen.clear()
                    assert rawconn.Control(lambda fd: seen.append(_isNonblock(fd))) is None
                    assert seen == [True], "unix socket as os.File is in blocking mode"
                    fd = file.Fd()
                    assert not _isNonblock(fd), "unix socket through os.File.Fd is non-blocking"
        finally:
            done.close()
            ls.teardown()

    rt.run(main)


# ---------------------------------------------------------------------------
# The port's own tests.


def test_PortAdoptPythonSocket() -> None:
    """A socket made by Python's socket module, handed over with os.NewFile(fileno, name)."""
    before = _fdCount()

    def main() -> None:
        srv = _pysocket.socket(_pysocket.AF_INET, _pysocket.SOCK_STREAM)
        srv.bind(("127.0.0.1", 0))
        srv.listen()
        # NewFile takes ownership of the number; give it a dup so the Python
        # socket object stays the owner of its own.
        f = os.NewFile(_pyos.dup(srv.fileno()), "python-listener")
        assert f is not None
        ln, err = net.FileListener(f)
        assert err is None, err
        assert f.Close() is None  # ln has its own duplicate
        srv.close()  # and so the Python socket can go too
        with ln:
            assert isinstance(ln, net.TCPListener)
            assert ln.Addr().String() == f"127.0.0.1:{ln.Addr().Port}"
            cl = _pysocket.create_connection(("127.0.0.1", ln.Addr().Port))
            try:
                c, err = ln.Accept()
                assert err is None, err
                with c:
                    cl.sendall(b"ping")
                    b = bytearray(4)
                    assert c.Read(b) == (4, None) and b == b"ping"
                    assert c.Write(b"pong") == (4, None)
                    assert cl.recv(4) == b"pong"
            finally:
                cl.close()

        # A connected client socket: FileConn gives a TCPConn with both addresses.
        ln2, err = net.Listen("tcp4", "127.0.0.1:0")
        assert err is None
        with ln2:
            py = _pysocket.create_connection(("127.0.0.1", ln2.Addr().Port))
            f = os.NewFile(py.detach(), "python-conn")  # the File owns it now
            assert f is not None
            c, err = net.FileConn(f)
            assert err is None, err
            assert f.Close() is None
            s, err = ln2.Accept()
            assert err is None
            with c, s:
                assert isinstance(c, net.TCPConn)
                assert c.RemoteAddr() == s.LocalAddr() and c.LocalAddr() == s.RemoteAddr()
                assert c.Write(b"x") == (1, None)
                assert s.Read(bytearray(1)) == (1, None)

    rt.run(main)
    assert _fdCount() == before


def test_PortFileWrongKind() -> None:
    """A socket given to the adopter for another kind: Go's EINVAL, and the dup is closed."""
    before = _fdCount()

    def main() -> None:
        u, err = net.ListenUDP("udp4", net.UDPAddr(IP=net.IPv4(127, 0, 0, 1)))
        assert err is None and u is not None
        ln, err = net.Listen("tcp4", "127.0.0.1:0")
        assert err is None
        with u, ln:
            fu, err = u.File()
            assert err is None
            fl, err = ln.File()
            assert err is None
            with fu, fl:
                l2, err = net.FileListener(fu)
                assert l2 is None and isinstance(err, OpError) and err.Err is EINVAL
                assert str(err) == f"file file+net {fu.Name()}: invalid argument"
                assert fu.Name() == f"udp4:{u.LocalAddr().String()}->"
                p2, err = net.FilePacketConn(fl)
                assert p2 is None and isinstance(err, OpError) and err.Err is EINVAL
                assert str(err) == f"file file+net {fl.Name()}: invalid argument"
                # A listener through FileConn is Go's TCPConn on a listening socket.
                c, err = net.FileConn(fl)
                assert err is None and isinstance(c, net.TCPConn)
                c.Close()
        with pytest.raises(TypeError):
            net.FileConn(3)  # type: ignore[arg-type]

    rt.run(main)
    assert _fdCount() == before


def test_PortFileConnOverSCMRights() -> None:
    """A conn's File passed with SCM_RIGHTS, adopted by the receiver with FileConn."""
    def main() -> None:
        fds, err = syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
        assert err is None
        fa, fb = os.NewFile(fds[0], "a"), os.NewFile(fds[1], "b")
        assert fa is not None and fb is not None
        ua, err = net.FileConn(fa)
        assert err is None
        ub, err = net.FileConn(fb)
        assert err is None
        fa.Close()
        fb.Close()
        ln, err = net.Listen("tcp4", "127.0.0.1:0")
        assert err is None
        with ua, ub, ln:
            c, err = net.Dial("tcp4", ln.Addr().String())
            assert err is None
            s, err = ln.Accept()
            assert err is None
            with s:
                f, err = c.File()
                assert err is None
                c.Close()
                with f:
                    n, oobn, err = ua.WriteMsgUnix(b"fd", syscall.UnixRights(f.Fd()), None)
                    assert (n, err) == (2, None)
                oob = bytearray(syscall.CmsgSpace(4))
                n, oobn, flags, _, err = ub.ReadMsgUnix(bytearray(2), oob)
                # (The kernel echoes MSG_CMSG_CLOEXEC back in the flags, as for Go.)
                assert err is None and n == 2 and flags & syscall.MSG_CTRUNC == 0
                msgs, err = syscall.ParseSocketControlMessage(bytes(oob[:oobn]))
                assert err is None and len(msgs) == 1
                rights, err = syscall.ParseUnixRights(msgs[0])
                assert err is None and len(rights) == 1
                g = os.NewFile(rights[0], "received")
                assert g is not None
                c2, err = net.FileConn(g)
                assert err is None
                g.Close()
                with c2:
                    assert c2.Write(b"via scm") == (7, None)
                    b = bytearray(7)
                    assert s.Read(b) == (7, None) and b == b"via scm"

    rt.run(main)


def test_PortIPConnFile() -> None:
    """A raw socket's File adopts as an IPConn (root only, as raw sockets are)."""
    if not testableNetwork("ip4:icmp"):
        pytest.skip("raw IP sockets need root (CAP_NET_RAW)")

    def main() -> None:
        c, err = net.ListenPacket("ip4:icmp", "127.0.0.1")
        assert err is None, err
        with c:
            f, err = c.File()
            assert err is None
            with f:
                pc, err = net.FilePacketConn(f)
                assert err is None and isinstance(pc, IPConn)
                assert pc.LocalAddr() == c.LocalAddr()
                pc.Close()

    rt.run(main)
