"""TLS echo server: gevent's StreamServer with ssl_context=, a greenlet per connection.

    python gevent_echo.py PORT CERT KEY

Prints "ready" once listening. StreamServer wraps each accepted socket with
gevent.ssl (the handshake runs in the connection's greenlet). TCP_NODELAY
is set as Go, asyncio and uvloop set it by default.
"""

import socket
import sys

from gevent import ssl  # its SSLContext wraps sockets into cooperative SSLSockets
from gevent.server import StreamServer


def handle(sock: socket.socket, addr: object) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buf = bytearray(4096)
    mv = memoryview(buf)
    try:
        while n := sock.recv_into(buf):
            sock.sendall(mv[:n])
    except (ConnectionError, ssl.SSLError):
        pass  # the client reset the connection
    finally:
        sock.close()


if __name__ == "__main__":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_cert_chain(sys.argv[2], sys.argv[3])
    server = StreamServer(("127.0.0.1", int(sys.argv[1])), handle, backlog=4096,
                          ssl_context=ctx)
    server.start()
    print("ready", flush=True)
    server.serve_forever()
