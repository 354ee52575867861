"""TLS echo server: ours. crypto/tls over net, a goroutine per connection.

    python ours.py PORT CERT KEY

Prints "ready" once listening. Written as the Go server (tls_echo.go) is:
tls.LoadX509KeyPair, tls.Listen with a TLS 1.3-only Config, and per
connection a Read/Write loop (the handshake runs on the first Read).
"""

import sys

import rt
from std.crypto import tls


def handle(c: tls.Conn) -> None:
    with c:
        buf = bytearray(4096)
        mv = memoryview(buf)
        while True:
            n, err = c.Read(buf)
            if err is not None:
                return  # io.EOF, a handshake error, or the client reset the connection
            _, err = c.Write(mv[:n])
            if err is not None:
                return


def main(port: str, certFile: str, keyFile: str) -> int:
    cert, err = tls.LoadX509KeyPair(certFile, keyFile)
    if err is not None:
        print(err, file=sys.stderr)
        return 1
    config = tls.Config(Certificates=[cert], MinVersion=tls.VersionTLS13)
    ln, err = tls.Listen("tcp", f"127.0.0.1:{port}", config)
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
    sys.exit(rt.run(main, *sys.argv[1:4]))
