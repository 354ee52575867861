"""Load tests the issue asks for beyond Go's own: 2,000 concurrent echo connections with
every byte verified, and a 64 MiB transfer that arrives intact."""

from __future__ import annotations

import hashlib
import random

import pytest

import net
import rt
from rt import sys_linux
from std import io, sync
from tests.net.mockserver import echoServer, newLocalListener


@pytest.fixture
def fdLimit() -> None:
    """2,000 connections are 4,000 fds in this process (both ends): make sure we may."""
    lim, errno = sys_linux.getrlimit(sys_linux.RLIMIT_NOFILE)
    assert not errno
    if lim.Cur < 5000:
        if lim.Max < 5000:
            pytest.skip(f"RLIMIT_NOFILE hard limit {lim.Max} is below 5000")
        pytest.skip(f"RLIMIT_NOFILE soft limit {lim.Cur} is below 5000")


@pytest.mark.watchdog(120)
def test_TwoThousandConcurrentEchoConnections(fdLimit: None) -> None:
    N, ROUNDS = 2000, 3

    def main() -> tuple[int, int]:
        ln = newLocalListener("tcp")
        rt.go(echoServer, ln)
        addr = ln.Addr().String()
        wg = sync.WaitGroup()
        errs: list[str] = []
        ok = [0]
        conns: list[net.TCPConn] = []
        start: rt.hchan[None] = rt.chan()
        for i in range(N):
            wg.Add(1)

            def client(i: int = i) -> None:
                try:
                    c, err = net.Dial("tcp", addr)
                    if err is not None:
                        errs.append(str(err))
                        return
                    conns.append(c)
                    start.recv2()  # all connected at once before any talks
                    rnd = random.Random(i)
                    for _ in range(ROUNDS):
                        msg = rnd.randbytes(rnd.randrange(1, 2048))
                        _, err = c.Write(msg)
                        if err is not None:
                            errs.append(str(err))
                            return
                        got = bytearray(len(msg))
                        _, err = io.ReadFull(c, got)
                        if err is not None:
                            errs.append(str(err))
                            return
                        if got != msg:
                            errs.append(f"client {i}: echo mismatch")
                            return
                    ok[0] += 1
                finally:
                    wg.Done()

            rt.go(client)
        # Wait until every client is connected (or failed), then let them talk.
        while len(conns) + len(errs) < N:
            rt.Gosched()
        concurrent = len(conns)
        start.close()
        wg.Wait()
        for c in conns:
            c.Close()
        ln.Close()
        assert not errs, errs[:5]
        return ok[0], concurrent

    assert rt.run(main) == (N, N)


@pytest.mark.watchdog(120)
def test_SixtyFourMiBTransferIntact() -> None:
    SIZE = 64 << 20

    def main() -> tuple[int, str, str]:
        ln = newLocalListener("tcp")
        data = random.Random(64).randbytes(SIZE)
        want = hashlib.sha256(data).hexdigest()
        done: rt.hchan[tuple[int, str]] = rt.chan(1)

        def receiver() -> None:
            c, err = ln.Accept()
            assert err is None
            with c:
                h = hashlib.sha256()
                n = 0
                buf = bytearray(1 << 20)
                while True:
                    k, err = c.Read(buf)
                    h.update(memoryview(buf)[:k])
                    n += k
                    if err is io.EOF:
                        break
                    assert err is None, err
                done.send((n, h.hexdigest()))

        rt.go(receiver)
        c, err = net.Dial("tcp", ln.Addr().String())
        assert err is None
        with c:
            n, err = c.Write(data)  # one Write: the FD loops to completion
            assert err is None and n == SIZE
            assert c.CloseWrite() is None
            got, digest = done.recv()
        ln.Close()
        return got, digest, want

    got, digest, want = rt.run(main)
    assert got == SIZE
    assert digest == want
