"""Proxy is a TCP proxy: it forwards every connection it accepts to -target
and copies bytes both ways with io.Copy, one goroutine per direction.
When one side finishes sending, the proxy passes the half-close on
(CloseWrite) instead of closing the whole connection, so a request-then-
reply protocol works through it. One line per connection when it ends.

    python examples/proxy/main.py -addr 127.0.0.1:7002 -target 127.0.0.1:7000
    nc -N 127.0.0.1 7002 < file

With -n N the proxy stops after N connections have been served.
The Go original is main.go beside this file.
"""

from __future__ import annotations

import net
import rt
from std import flag, fmt, io, log, sync


def main() -> None:
    addr = flag.String("addr", "127.0.0.1:7002", "address to listen on")
    target = flag.String("target", "127.0.0.1:7000", "address to forward connections to")
    n = flag.Int("n", 0, "stop after serving `N` connections (0: serve forever)")
    flag.Parse()
    log.SetFlags(0)

    ln, err = net.Listen("tcp", addr.value)
    if err is not None:
        log.Fatal(err)
    assert ln is not None
    with ln:  # defer ln.Close()
        fmt.Println("listening on", ln.Addr())

        wg = sync.WaitGroup()
        id = 1
        while n.value == 0 or id <= n.value:
            c, err = ln.Accept()
            if err is not None:
                log.Fatal(err)
            assert isinstance(c, net.TCPConn)  # c.(*net.TCPConn)
            wg.Add(1)

            def serve(id: int, c: net.TCPConn = c) -> None:
                try:  # defer wg.Done()
                    proxy(id, c, target.value)
                finally:
                    wg.Done()

            rt.go(serve, id)
            id += 1
        wg.Wait()
        fmt.Println("served", n.value, "connections")


def proxy(id: int, client: net.TCPConn, target: str) -> None:
    """proxy connects client to target and copies both ways until both are done."""
    try:  # defer client.Close()
        c, err = net.Dial("tcp", target)
        if err is not None:
            fmt.Printf("conn %d: %v\n", id, err)
            return
        assert isinstance(c, net.TCPConn)
        server = c  # c.(*net.TCPConn)
        try:  # defer server.Close()
            upc: rt.hchan[int] = rt.chan()

            def upstream() -> None:
                n, _ = io.Copy(server, client)
                server.CloseWrite()  # the client is done sending: tell the server
                upc.send(n)

            rt.go(upstream)
            down, _ = io.Copy(client, server)
            client.CloseWrite()  # the server is done sending: tell the client
            up = upc.recv()
            fmt.Printf("conn %d: %d bytes up, %d bytes down\n", id, up, down)
        finally:
            server.Close()
    finally:
        client.Close()


if __name__ == "__main__":
    rt.run(main)
