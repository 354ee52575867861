"""A deterministic in-process echo workload for instruction counting.

    python bench/profile/inproc_echo.py CONNS ROUNDS [--no-sysmon] [--deadline]

Client and server goroutines talk over loopback TCP inside one rt.run: each
of CONNS clients does ROUNDS 64-byte round trips. Used by callgrind.sh,
which runs it twice (ROUNDS and 0) and divides the difference in executed
instructions by CONNS x ROUNDS: a per-round-trip figure (both ends) that,
unlike wall or CPU time on a shared VM, repeats exactly. ``--deadline``
makes each server handler set a read deadline 10 s ahead before every Read,
as Go servers commonly do: a deadline timer is then armed on every conn.
"""

from __future__ import annotations

import sys

import net
import rt
from std import io, time


def main(nconns: int, rounds: int, deadline: bool = False) -> int:
    ln, err = net.Listen("tcp", "127.0.0.1:0")
    assert err is None

    def handle(c: net.TCPConn) -> None:
        with c:
            buf = bytearray(4096)
            mv = memoryview(buf)
            while True:
                if deadline:
                    c.SetReadDeadline(time.Now().Add(10 * time.Second))
                n, err = c.Read(buf)
                if err is not None:
                    return
                _, err = c.Write(mv[:n])
                if err is not None:
                    return

    def accept() -> None:
        while True:
            c, err = ln.Accept()
            if err is not None:
                return
            rt.go(handle, c)

    rt.go(accept)
    conns = []
    for _ in range(nconns):
        c, err = net.Dial("tcp", ln.Addr().String())
        assert err is None
        conns.append(c)
    done: rt.hchan[int] = rt.chan(nconns)

    def client(c: net.TCPConn) -> None:
        msg = b"x" * 64
        buf = bytearray(64)
        n = 0
        for _ in range(rounds):
            c.Write(msg)
            k, _ = io.ReadFull(c, buf)
            n += k
        done.send(n)

    for c in conns:
        rt.go(client, c)
    total = sum(done.recv() for _ in conns)
    for c in conns:
        c.Close()
    ln.Close()
    return total


if __name__ == "__main__":
    n, r = int(sys.argv[1]), int(sys.argv[2])
    if "--no-sysmon" in sys.argv[3:]:
        # sysmon wakes by the wall clock; under valgrind (some 50x slower)
        # it wakes 50x as often per round trip and swamps the count.
        import rt.proc

        rt.proc._startSysmon = lambda: None
    got = rt.run(main, n, r, "--deadline" in sys.argv[3:])
    assert got == n * r * 64, got
