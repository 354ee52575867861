"""Echo server: ours. A goroutine per connection, blocking-style conn.Read/conn.Write.

    python ours.py PORT

Prints "ready" once listening. Written as the Go server (echo.go) is.
"""

import sys

import net
import rt


def handle(c: net.TCPConn) -> None:
    with c:
        buf = bytearray(4096)
        mv = memoryview(buf)
        while True:
            n, err = c.Read(buf)
            if err is not None:
                return  # io.EOF, or the client reset the connection
            _, err = c.Write(mv[:n])
            if err is not None:
                return


def main(port: str) -> int:
    ln, err = net.Listen("tcp", f"127.0.0.1:{port}")
    if err is not None:
        print(err, file=sys.stderr)
        return 1
    print("ready", flush=True)
    while True:
        c, err = ln.Accept()
        if err is not None:
            print(err, file=sys.stderr)
            return 1
        rt.go(handle, c)


if __name__ == "__main__":
    sys.exit(rt.run(main, sys.argv[1]))
