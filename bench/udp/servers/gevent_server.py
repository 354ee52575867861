"""UDP echo server: gevent's DatagramServer, as gevent's own udp_server.py example writes it.

    python gevent_server.py PORT

Prints "ready" once bound. The server reads each datagram on its accept
loop and, with the default ``spawn``, handles it in a new greenlet; handle
answers on ``self.socket`` (gevent's cooperative socket).
"""

import sys

from gevent.server import DatagramServer


class EchoServer(DatagramServer):
    def handle(self, data: bytes, address: tuple[str, int]) -> None:
        self.socket.sendto(data, address)


if __name__ == "__main__":
    server = EchoServer(("127.0.0.1", int(sys.argv[1])))
    server.start()
    print("ready", flush=True)
    server.serve_forever()
