"""Udpecho is a UDP echo server: it reads each datagram with ReadFrom and
sends it back to its sender with WriteTo. One socket serves every
client; there are no connections, so no goroutine per client either.

    python examples/udpecho/main.py -addr 127.0.0.1:7003
    nc -u 127.0.0.1 7003       # each line you type comes back

With -n N the server stops after echoing N datagrams.
The Go original is main.go beside this file.
"""

from __future__ import annotations

import net
import rt
from std import flag, fmt, log


def main() -> None:
    addr = flag.String("addr", "127.0.0.1:7003", "address to listen on")
    n = flag.Int("n", 0, "stop after echoing `N` datagrams (0: run forever)")
    flag.Parse()
    log.SetFlags(0)

    pc, err = net.ListenPacket("udp", addr.value)
    if err is not None:
        log.Fatal(err)
    assert pc is not None
    try:  # defer pc.Close()
        fmt.Println("listening on", pc.LocalAddr())

        buf = bytearray(65536)  # the largest datagram
        i = 1
        while n.value == 0 or i <= n.value:
            nr, frm, err = pc.ReadFrom(buf)
            if err is not None:
                log.Fatal(err)
            assert frm is not None
            _, err = pc.WriteTo(memoryview(buf)[:nr], frm)
            if err is not None:
                log.Fatal(err)
            fmt.Printf("datagram %d: %d bytes\n", i, nr)
            i += 1
        fmt.Println("echoed", n.value, "datagrams")
    finally:
        pc.Close()


if __name__ == "__main__":
    rt.run(main)
