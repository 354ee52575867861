"""UDP echo server: ours. A goroutine loop of ReadFromUDP and WriteToUDP.

    python ours.py PORT [loop | readers:N | spawn]

Prints "ready" once bound. Written as the Go server (udp_echo.go) is, in
the three shapes Go users write:

* ``loop`` (the default): main is the loop, one buffer reused;
* ``readers:N``: N goroutines run the same loop on the one conn and main
  blocks in ``select {}`` (the pattern for using several cores on one
  socket; here, on one thread, the readers take turns on the conn's read
  lock, as they would with GOMAXPROCS=1 in Go);
* ``spawn``: the loop copies each datagram and answers it in a new
  goroutine (``go handle(b, addr)``, as miekg/dns serves UDP), the shape
  of gevent's DatagramServer.
"""

import sys

import net
import rt


def reply(c: net.UDPConn, b: bytes, addr: net.UDPAddr | None) -> None:
    _, err = c.WriteToUDP(b, addr)
    if err is not None:
        print(err, file=sys.stderr)  # one failed send is not the server's end


def serve(c: net.UDPConn) -> None:
    buf = bytearray(2048)
    mv = memoryview(buf)
    while True:
        n, addr, err = c.ReadFromUDP(buf)
        if err is not None:
            print(err, file=sys.stderr)
            return
        _, err = c.WriteToUDP(mv[:n], addr)
        if err is not None:
            print(err, file=sys.stderr)  # one failed send is not the server's end


def serve_spawn(c: net.UDPConn) -> None:
    buf = bytearray(2048)
    while True:
        n, addr, err = c.ReadFromUDP(buf)
        if err is not None:
            print(err, file=sys.stderr)
            return
        rt.go(reply, c, bytes(buf[:n]), addr)


def main(port: str, mode: str = "loop") -> int:
    c, err = net.ListenUDP("udp", net.UDPAddr(IP=net.ParseIP("127.0.0.1"), Port=int(port)))
    if err is not None:
        print(err, file=sys.stderr)
        return 1
    assert c is not None
    print("ready", flush=True)
    if mode == "loop":
        serve(c)
    elif mode == "spawn":
        serve_spawn(c)
    elif mode.startswith("readers:"):
        for _ in range(int(mode.removeprefix("readers:"))):
            rt.go(serve, c)
        rt.select()  # select {}
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(rt.run(main, *sys.argv[1:]))
