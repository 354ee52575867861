"""net/mockserver_test.go (go1.27.0), ported: spawnTestSocketPair and startTestSocketPeer.

Go's splice and sendfile tests move data between a connection in the test
process and a *child process* on the other end (the test binary re-run with
GO_NET_TEST_TRANSFER=1 and the socket as fd 3), so the peer's reading or
writing never competes with the code under test for the scheduler. Here
the child is a small Python program (``_PEER``) given a dup of the
connection's descriptor (``conn.File()``) through ``pass_fds``; it writes or
reads ``totalSize`` bytes in ``chunkSize`` pieces with plain blocking
system calls, then prints how many bytes it moved and their SHA-256.

The port's addition is the digest: Go's peer sends zeros and the tests
compare counts; this one writes a seeded pseudo-random stream (a 65,521-byte
prime-length pattern, so a lost, repeated or reordered chunk changes the
hash), and a test compares the writer's digest with the reader's, or with
the bytes that reached a file.

Everything here runs inside ``rt.run``. Waiting for the child is a blocking
``communicate()``, run with ``rt.blocking`` so other goroutines go on. As in
Go, when the child has exited the test's end of the pair is closed (for a
writer peer that is what makes the reading side see EOF).
"""

from __future__ import annotations

import hashlib
import os as _pyos
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import Any

import pytest

import net
import rt
from std import io
from tests.net.mockserver import newLocalListener

PATTERN_LEN = 65521  # prime: chunk boundaries never line up with the pattern's

_PEER = r"""
import hashlib, os, random, sys
fd, op, chunk, total, seed = (int(sys.argv[1]), sys.argv[2], int(sys.argv[3]),
                              int(sys.argv[4]), int(sys.argv[5]))
os.set_blocking(fd, True)
h = hashlib.sha256()
count = 0
if op == "w":
    P = PATTERN_LEN
    pat = memoryview(random.Random(seed).randbytes(P + chunk))
    while count < total:
        n = min(chunk, total - count)
        off = count % P
        sent = os.write(fd, pat[off:off + n])
        h.update(pat[off:off + sent])
        count += sent
    os.close(fd)  # Go's peer: defer conn.Close() for "w"
elif op == "r":
    mv = memoryview(bytearray(chunk))
    while count < total:
        n = os.readv(fd, [mv[:min(chunk, total - count)]])
        if n == 0:
            break
        h.update(mv[:n])
        count += n
else:
    sys.exit("unknown op " + op)
print(count, h.hexdigest())
""".replace("PATTERN_LEN", str(PATTERN_LEN))


def expectedDigest(seed: int, chunkSize: int, totalSize: int) -> str:
    """The SHA-256 a writer peer with this seed and sizes sends."""
    pat = memoryview(random.Random(seed).randbytes(PATTERN_LEN + chunkSize))
    h = hashlib.sha256()
    count = 0
    while count < totalSize:
        n = min(chunkSize, totalSize - count)
        off = count % PATTERN_LEN
        h.update(pat[off:off + n])
        count += n
    return h.hexdigest()


def testableNetwork(network: str) -> bool:
    """platform_test.go: testableNetwork, for the networks these tests use."""
    if network == "tcp":
        return True
    if network in ("unix", "unixpacket", "unixgram"):
        return unixSupported()
    return False


testableNetwork.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def unixSupported() -> bool:
    """Whether net/unixsock.py has its connection types yet (they are being written)."""
    from net import unixsock

    return all(hasattr(unixsock, n) for n in ("UnixConn", "ListenUnix", "DialUnix"))


def testUnixAddr() -> str:
    """unixsock_test.go: testUnixAddr. A fresh path for a Unix socket."""
    d = tempfile.mkdtemp(prefix="gonet-unix-")
    return _pyos.path.join(d, "sock")


testUnixAddr.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


def ioCopyMisreadsPacketMethods() -> str | None:
    """Why std.io.Copy cannot copy to or from a UnixConn yet, or None if it can.

    Go's io.Copy uses src.WriteTo / dst.ReadFrom only when they are
    io.WriterTo / io.ReaderFrom; UnixConn's WriteTo(b, addr) and
    ReadFrom(b) (net.PacketConn's) are not. std.io.Copy looks the names up
    with getattr, so it calls them with a Writer or Reader instead. Probed
    on UnixConns without a socket (every method returns EINVAL).
    """
    from net import unixsock

    UnixConn = unixsock.UnixConn
    try:
        _, err = io.Copy(io.Discard, UnixConn(None))
    except TypeError:
        return "std.io.Copy takes UnixConn.WriteTo(b, addr) for io.WriterTo.WriteTo(w)"
    res: Any = io.Copy(UnixConn(None), io.LimitReader(io.MultiReader(), 1))
    if not (isinstance(res, tuple) and len(res) == 2):
        return "std.io.Copy takes UnixConn.ReadFrom(b) for io.ReaderFrom.ReadFrom(r)"
    return None


def newLocalListenerAny(network: str) -> Any:
    """mockserver_test.go: newLocalListener, with the Unix networks."""
    if network.startswith("tcp"):
        return newLocalListener(network)
    if not testableNetwork(network):
        pytest.skip(f"network {network!r} not supported here (net.UnixConn not ported yet)")
    ln, err = net.Listen(network, testUnixAddr())
    if err is not None:
        pytest.fail(f"listen {network}: {err}")
    return ln


def removeUnixSocket(ln: Any) -> None:
    """Remove a Unix listener's socket file and its directory, if any (after Close)."""
    addr = ln.Addr()
    if addr is None or addr.Network() not in ("unix", "unixpacket"):
        return
    removeUnixPath(addr.String())


def removeUnixPath(name: str) -> None:
    """Remove a socket file made by testUnixAddr and its directory, quietly."""
    for rm, path in ((_pyos.remove, name), (_pyos.rmdir, _pyos.path.dirname(name))):
        try:
            rm(path)
        except OSError:
            pass


def spawnTestSocketPair(network: str) -> tuple[Any, Any]:
    """mockserver_test.go: spawnTestSocketPair. A connected (client, server) pair."""
    if not testableNetwork(network):
        pytest.skip(f"network {network!r} not supported here (net.UnixConn not ported yet)")
    ln = newLocalListenerAny(network)
    try:
        res: list[Any] = [None, None]
        acceptDone: rt.hchan[None] = rt.chan()

        def accept() -> None:
            res[0], res[1] = ln.Accept()
            acceptDone.send(None)

        rt.go(accept)
        client, cerr = net.Dial(ln.Addr().Network(), ln.Addr().String())
        acceptDone.recv()
        server, serr = res
    finally:
        ln.Close()
        removeUnixSocket(ln)
    if cerr is not None:
        if server is not None:
            server.Close()
        pytest.fail(str(cerr))
    if serr is not None:
        if client is not None:
            client.Close()
        pytest.fail(str(serr))
    return client, server


class peerResult:
    """What a peer reported: the exit status, the byte count and the SHA-256."""

    def __init__(self, returncode: int, out: str) -> None:
        self.returncode = returncode
        parts = out.split()
        self.count = int(parts[0]) if len(parts) == 2 else -1
        self.digest = parts[1] if len(parts) == 2 else ""


def startTestSocketPeer(conn: Any, op: str, chunkSize: int, totalSize: int,
                        seed: int = 1) -> Callable[[], peerResult]:
    """mockserver_test.go: startTestSocketPeer. A child process at the far end of conn.

    op "w" writes totalSize bytes into conn then closes it; "r" reads
    totalSize bytes. Returns the cleanup: it waits for the child (which
    then closes conn and the dup, as Go's does) and returns what the child
    reported; a failed child fails the test.
    """
    f, err = conn.File()
    if err is not None:
        pytest.fail(f"conn.File: {err}")
    fd = f.Fd()
    proc = subprocess.Popen(
        [sys.executable, "-c", _PEER, str(fd), op, str(chunkSize), str(totalSize), str(seed)],
        pass_fds=(fd,), stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    cmdCh: rt.hchan[peerResult] = rt.chan(1)

    def wait() -> None:
        out, _ = rt.blocking(proc.communicate)
        conn.Close()
        if isinstance(f, int):
            _pyos.close(f)
        else:
            f.Close()
        cmdCh.send(peerResult(proc.returncode, out.decode()))

    rt.go(wait)

    def cleanup() -> peerResult:
        res = cmdCh.recv()
        assert res.returncode == 0, f"process exited with error: {res.returncode}"
        return res

    return cleanup
