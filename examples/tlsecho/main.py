"""Tlsecho is the echo server over TLS: tls.Listen wraps each accepted
connection in a tls.Conn, the handshake runs under a deadline, and the
echo is io.Copy as over plain TCP. One line per connection: the TLS
version and the server name the client asked for (SNI), or why the
handshake failed.

    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \\
        -keyout key.pem -out cert.pem -days 1 -subj /CN=localhost
    python examples/tlsecho/main.py -addr 127.0.0.1:7005 -cert cert.pem -key key.pem
    openssl s_client -connect 127.0.0.1:7005 -servername localhost -quiet

With -n N the server stops after N connections have been served.
The Go original is main.go beside this file.
"""

from __future__ import annotations

import rt
from std import flag, fmt, io, log, sync, time
from std.crypto import tls

# versions names the TLS versions the server accepts.
versions = {tls.VersionTLS12: "TLS 1.2", tls.VersionTLS13: "TLS 1.3"}


def main() -> None:
    addr = flag.String("addr", "127.0.0.1:7005", "address to listen on")
    certFile = flag.String("cert", "cert.pem", "certificate chain `file` (PEM)")
    keyFile = flag.String("key", "key.pem", "private key `file` (PEM)")
    n = flag.Int("n", 0, "stop after serving `N` connections (0: serve forever)")
    flag.Parse()
    log.SetFlags(0)

    cert, err = tls.LoadX509KeyPair(certFile.value, keyFile.value)
    if err is not None:
        log.Fatal(err)
    config = tls.Config(Certificates=[cert], MinVersion=tls.VersionTLS12)
    ln, err = tls.Listen("tcp", addr.value, config)
    if err is not None:
        log.Fatal(err)
    assert ln is not None
    try:  # defer ln.Close()
        fmt.Println("listening on", ln.Addr())

        wg = sync.WaitGroup()
        id = 1
        while n.value == 0 or id <= n.value:
            c, err = ln.Accept()
            if err is not None:
                log.Fatal(err)
            assert isinstance(c, tls.Conn)  # c.(*tls.Conn)
            wg.Add(1)

            def serve(id: int, c: tls.Conn = c) -> None:
                try:  # defer wg.Done()
                    handle(id, c)
                finally:
                    wg.Done()

            rt.go(serve, id)
            id += 1
        wg.Wait()
        fmt.Println("served", n.value, "connections")
    finally:
        ln.Close()


def handle(id: int, c: tls.Conn) -> None:
    """handle completes c's handshake, then echoes c back to itself until EOF."""
    try:  # defer c.Close()
        c.SetDeadline(time.Now().Add(10 * time.Second))  # for the handshake only
        err = c.Handshake()
        if err is not None:
            fmt.Printf("conn %d: %v\n", id, err)
            return
        c.SetDeadline(time.Time())
        state = c.ConnectionState()
        written, err = io.Copy(c, c)
        if err is not None:
            fmt.Printf("conn %d: %v\n", id, err)
            return
        fmt.Printf("conn %d: %s, server name %q: echoed %d bytes\n",
                   id, versions.get(state.Version, ""), state.ServerName, written)
    finally:
        c.Close()


if __name__ == "__main__":
    rt.run(main)
