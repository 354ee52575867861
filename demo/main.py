"""The main demo (``make demo``): an echo server and 1,000 client goroutines on loopback.

A goroutine-per-connection server and a thousand clients, all in plain
blocking style (``conn.Read``/``conn.Write``), all on one OS thread: every
blocked Read parks its goroutine in the netpoller until epoll says the
socket is readable. Every echoed byte is verified. While it runs it prints,
twice a second, what the runtime is doing; at the end, a summary.

    python demo/main.py [seconds] [clients]
"""

from __future__ import annotations

import sys

import net
import rt
from std import io, sync, time


def server(ln: net.Listener, state: dict[str, int], handlers: sync.WaitGroup) -> None:
    """Accept connections; echo each one in its own goroutine."""
    while True:
        c, err = ln.Accept()
        if err is not None:
            return  # the listener was closed
        assert c is not None

        handlers.Add(1)

        def handle(c: net.Conn = c) -> None:
            state["open"] += 1
            try:
                buf = bytearray(4096)
                while True:
                    n, err = c.Read(buf)
                    if err is not None:
                        return  # io.EOF: the client is done
                    _, err = c.Write(memoryview(buf)[:n])
                    if err is not None:
                        return
            finally:
                c.Close()
                state["open"] -= 1
                handlers.Done()

        rt.go(handle)


def client(addr: str, i: int, stop: rt.hchan[None], wg: sync.WaitGroup,
           state: dict[str, int]) -> None:
    """Dial, then ping-pong 64-byte messages until stop is closed, checking every byte."""
    try:
        c, err = net.Dial("tcp", addr)
        if err is not None:
            state["errors"] += 1
            print(f"client {i}: {err}")
            return
        assert c is not None
        with c:
            msg = (b"%05d:" % i) * 11
            msg = msg[:64]
            reply = bytearray(64)
            while rt.select(rt.recv(stop), default=True)[0] == -1:
                _, err = c.Write(msg)
                if err is None:
                    _, err = io.ReadFull(c, reply)
                if err is not None:
                    state["errors"] += 1
                    print(f"client {i}: {err}")
                    return
                if reply != msg:
                    state["errors"] += 1
                    print(f"client {i}: echo mismatch")
                    return
                state["roundtrips"] += 1
                # Let the other clients run (no preemption): one round trip each.
                rt.Gosched()
    finally:
        wg.Done()


def main(seconds: float, clients: int) -> int:
    ln, err = net.Listen("tcp", "127.0.0.1:0")
    if err is not None:
        print(err)
        return 1
    assert ln is not None
    addr = ln.Addr().String()
    state = {"open": 0, "roundtrips": 0, "errors": 0}
    handlers = sync.WaitGroup()
    rt.go(server, ln, state, handlers)
    print(f"echo server on {addr}; {clients} clients for {seconds:g}s "
          f"(GOMAXPROCS={rt.GOMAXPROCS(0)})")
    print(f"{'time':>5} {'goroutines':>10} {'conns':>6} {'rt/s':>8} {'polls blk/nb':>14} "
          f"{'ev/poll':>7} {'IO parks':>9} {'readied':>9} {'breaks':>6}")
    stop: rt.hchan[None] = rt.chan()
    wg = sync.WaitGroup()
    for i in range(clients):
        wg.Add(1)
        rt.go(client, addr, i, stop, wg, state)

    start = time.Now()
    ticker = time.NewTicker(500 * time.Millisecond)
    deadline = time.After(int(seconds * time.Second))
    last, lastT = 0, start
    while True:
        assert ticker.C is not None
        i, _, _ = rt.select(rt.recv(ticker.C), rt.recv(deadline))
        now = time.Now()
        if i == 1:
            break
        rts = state["roundtrips"]
        rate = (rts - last) / max(now.Sub(lastT) / time.Second, 1e-9)
        last, lastT = rts, now
        s = rt.ReadNetpollStats()
        polls = f"{s.blockingPolls}/{s.nonBlockingPolls}"
        print(f"{now.Sub(start) / time.Second:5.1f} {rt.NumGoroutine():>10} {state['open']:>6} "
              f"{rate:>8.0f} {polls:>14} {s.eventsPerPoll():>7.1f} {s.parked:>9} "
              f"{s.readied:>9} {s.breaks:>6}")
    ticker.Stop()
    stop.close()
    wg.Wait()  # the clients are done and have closed their connections,
    ln.Close()
    handlers.Wait()  # so every handler reads EOF and returns
    total = now.Sub(start) / time.Second
    s = rt.ReadNetpollStats()
    print(f"done: {state['roundtrips']} round trips in {total:.1f}s "
          f"({state['roundtrips'] / total:.0f}/s), {state['errors']} errors, every byte verified")
    print(f"netpoller: {s.blockingPolls} blocking and {s.nonBlockingPolls} non-blocking "
          f"epoll_pwait calls, {s.events} events ({s.eventsPerPoll():.1f} per call), "
          f"{s.parked} parks in IO wait, {s.readied} goroutines readied, "
          f"{s.breaks} netpollBreak calls ({s.breaksWritten} written)")
    return 1 if state["errors"] else 0


if __name__ == "__main__":
    secs = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    sys.exit(rt.run(main, secs, n))
