"""Echo is a TCP echo server: every connection gets its own goroutine, which
copies what it reads back to the sender until the client closes its side.
It prints its address, then one line per connection when it ends.

    python examples/echo/main.py -addr 127.0.0.1:7000
    nc 127.0.0.1 7000          # type lines, they come back; Ctrl-D to end

With -n N the server stops after N connections have been served.
The Go original is main.go beside this file.
"""

from __future__ import annotations

import net
import rt
from std import flag, fmt, io, log, sync


def main() -> None:
    addr = flag.String("addr", "127.0.0.1:7000", "address to listen on")
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
            assert c is not None
            wg.Add(1)

            def serve(id: int, c: net.Conn = c) -> None:
                try:  # defer wg.Done()
                    handle(id, c)
                finally:
                    wg.Done()

            rt.go(serve, id)
            id += 1
        wg.Wait()
        fmt.Println("served", n.value, "connections")


def handle(id: int, c: net.Conn) -> None:
    """handle echoes c back to itself until EOF, then closes it."""
    try:  # defer c.Close()
        written, err = io.Copy(c, c)
        if err is not None:
            fmt.Printf("conn %d: %v\n", id, err)
            return
        fmt.Printf("conn %d: echoed %d bytes\n", id, written)
    finally:
        c.Close()


if __name__ == "__main__":
    rt.run(main)
