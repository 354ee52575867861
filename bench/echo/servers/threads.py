"""Echo server: a thread per connection, blocking sockets.

    python threads.py PORT

Prints "ready" once listening. TCP_NODELAY is set as Go, asyncio and uvloop
set it by default, so every server sends the same segments.
"""

import socket
import sys
import threading


def handle(conn: socket.socket) -> None:
    buf = bytearray(4096)
    mv = memoryview(buf)
    with conn:
        try:
            while n := conn.recv_into(buf):
                conn.sendall(mv[:n])
        except ConnectionError:
            pass  # the client reset the connection


if __name__ == "__main__":
    ln = socket.create_server(("127.0.0.1", int(sys.argv[1])), backlog=4096)
    print("ready", flush=True)
    while True:
        conn, _ = ln.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=handle, args=(conn,), daemon=True).start()
