"""Bulk proxy: gevent. StreamServer, a greenlet per direction, recv_into + sendall.

    python gevent_proxy.py LISTEN_PORT SINK_PORT

Prints "ready" once listening. A 64 KiB buffer per direction, the usual
size for a gevent relay; gevent has no splice path.
"""

import socket
import sys

import gevent
from gevent import socket as gsocket
from gevent.server import StreamServer

BUF = 64 * 1024


def pipe(src: socket.socket, dst: socket.socket) -> None:
    buf = bytearray(BUF)
    mv = memoryview(buf)
    try:
        while n := src.recv_into(buf):
            dst.sendall(mv[:n])
        dst.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def make_handler(sink_port: int):  # type: ignore[no-untyped-def]
    def handle(front: socket.socket, addr: object) -> None:
        back = gsocket.create_connection(("127.0.0.1", sink_port))
        g = gevent.spawn(pipe, back, front)
        pipe(front, back)
        g.join()
        back.close()
        front.close()

    return handle


if __name__ == "__main__":
    server = StreamServer(("127.0.0.1", int(sys.argv[1])), make_handler(int(sys.argv[2])))
    server.start()
    print("ready", flush=True)
    server.serve_forever()
