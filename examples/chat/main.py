"""Chat is a line-oriented chat server. A client's first line is its name;
every later line is broadcast to everyone as "name: line". One hub
goroutine owns the set of clients and multiplexes joins, leaves and
messages with select; each client has a reader goroutine and a writer
goroutine with its own outgoing channel. A client that cannot take a
line within -write-timeout is dropped, and the hub never waits for one.
SIGINT or SIGTERM shuts the server down gracefully: it stops accepting,
tells every client, and waits for their goroutines to end.

    python examples/chat/main.py -addr 127.0.0.1:7001
    nc 127.0.0.1 7001          # first line: your name

The Go original is main.go beside this file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import net
import rt
from std import bufio, context, flag, fmt, log, os, sync, syscall, time
from std.os import signal


@dataclass(eq=False)  # compared by identity, as a *client is
class client:
    """A client is one connected user: its name and its queue of outgoing lines."""

    name: str
    out: rt.hchan[str]


@dataclass
class hub:
    """A hub relays joins, leaves and messages to the goroutine that owns the clients."""

    join: rt.hchan[client] = field(default_factory=rt.chan)
    leave: rt.hchan[client] = field(default_factory=rt.chan)
    messages: rt.hchan[str] = field(default_factory=rt.chan)

    def run(self, ctx: context.Context) -> None:
        """run owns the set of clients until ctx is done."""
        h = self
        clients: dict[client, bool] = {}
        while True:
            i, v, _ = rt.select(rt.recv(h.join), rt.recv(h.leave), rt.recv(h.messages),
                                rt.recv(ctx.Done()))
            if i == 0:
                cli = v
                clients[cli] = True
                fmt.Println(cli.name, "joined")
                broadcast(clients, "* " + cli.name + " joined")
            elif i == 1:
                cli = v
                del clients[cli]
                cli.out.close()
                fmt.Println(cli.name, "left")
                broadcast(clients, "* " + cli.name + " left")
            elif i == 2:
                msg = v
                broadcast(clients, msg)
            else:
                broadcast(clients, "* server shutting down")
                for cli in clients:
                    cli.out.close()
                return

    def serve(self, ctx: context.Context, c: net.Conn, writeTimeout: int) -> None:
        """serve reads c's name, then its lines, until c or the server goes away."""
        h = self
        try:  # defer c.Close()
            input = bufio.NewScanner(c)
            if not input.Scan():
                return
            cli = client(name=input.Text(), out=rt.chan(16))
            i, _, _ = rt.select(rt.send(h.join, cli), rt.recv(ctx.Done()))
            if i == 1:
                return
            done: rt.hchan[None] = rt.chan()

            def write() -> None:
                writer(c, cli, writeTimeout)
                done.close()

            rt.go(write)
            while input.Scan():
                rt.select(rt.send(h.messages, cli.name + ": " + input.Text()),
                          rt.recv(ctx.Done()))
            rt.select(rt.send(h.leave, cli), rt.recv(ctx.Done()))
            done.recv()  # the hub has closed cli.out: the writer has sent what it could
        finally:
            c.Close()


def main() -> None:
    addr = flag.String("addr", "127.0.0.1:7001", "address to listen on")
    writeTimeout = flag.Duration("write-timeout", time.Second,
                                 "drop a client that cannot take a line within `d`")
    flag.Parse()
    log.SetFlags(0)

    ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
    try:  # defer stop()
        ln, err = net.Listen("tcp", addr.value)
        if err is not None:
            log.Fatal(err)
        assert ln is not None
        fmt.Println("listening on", ln.Addr())

        def closer() -> None:
            rt.select(rt.recv(ctx.Done()))  # <-ctx.Done(): Done() is typed "hchan | None"
            stop()  # a second Ctrl-C kills the process
            ln.Close()

        rt.go(closer)

        h = hub()
        rt.go(h.run, ctx)

        wg = sync.WaitGroup()
        while True:
            c, err = ln.Accept()
            if err is not None:
                if ctx.Err() is not None:
                    break  # shutting down
                log.Fatal(err)
            assert c is not None
            wg.Add(1)

            def serve(c: net.Conn = c) -> None:
                try:  # defer wg.Done()
                    h.serve(ctx, c, writeTimeout.value)
                finally:
                    wg.Done()

            rt.go(serve)
        fmt.Println("shutting down:", ctx.Err())
        wg.Wait()
        fmt.Println("bye")
    finally:
        stop()


def broadcast(clients: dict[client, bool], msg: str) -> None:
    """broadcast queues msg for every client without ever blocking: a client whose
    queue is full misses it (its writer is stuck, and its deadline will drop it)."""
    for cli in clients:
        rt.select(rt.send(cli.out, msg), default=True)


def writer(c: net.Conn, cli: client, timeout: int) -> None:
    """writer sends cli's lines to c, each within timeout, until the hub closes
    cli.out; a client too slow to take one is dropped: c is closed, which
    also ends its reader."""
    for msg in cli.out:
        c.SetWriteDeadline(time.Now().Add(timeout))
        _, err = fmt.Fprintln(c, msg)
        if err is not None:
            if os.IsTimeout(err):
                fmt.Println(cli.name, "is too slow: dropped")
            break
    c.Close()
    for _ in cli.out:  # until the hub closes it
        pass


if __name__ == "__main__":
    rt.run(main)
