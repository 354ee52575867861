"""UDP echo server: one greenlet looping on gevent's cooperative socket.

    python gevent_loop.py PORT

Prints "ready" once bound. ``recvfrom_into`` a reused buffer and ``sendto``
the bytes back: the gevent twin of ours.py's loop, with no greenlet per
datagram (compare gevent_server.py, gevent's DatagramServer).
"""

import sys

from gevent import socket


def main(port: int) -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", port))
    print("ready", flush=True)
    buf = bytearray(2048)
    mv = memoryview(buf)
    while True:
        n, addr = s.recvfrom_into(buf)
        try:
            s.sendto(mv[:n], addr)
        except OSError as e:
            print(e, file=sys.stderr)  # one failed send is not the server's end


if __name__ == "__main__":
    main(int(sys.argv[1]))
