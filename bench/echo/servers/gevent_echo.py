"""Echo server: gevent's StreamServer, a greenlet per connection, cooperative sockets.

    python gevent_echo.py PORT

Prints "ready" once listening. TCP_NODELAY is set as Go, asyncio and uvloop
set it by default, so every server sends the same segments.
"""

import socket
import sys

from gevent.server import StreamServer


def handle(sock: socket.socket, addr: object) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    buf = bytearray(4096)
    mv = memoryview(buf)
    try:
        while n := sock.recv_into(buf):
            sock.sendall(mv[:n])
    except ConnectionError:
        pass  # the client reset the connection


if __name__ == "__main__":
    server = StreamServer(("127.0.0.1", int(sys.argv[1])), handle, backlog=4096)
    server.start()
    print("ready", flush=True)
    server.serve_forever()
