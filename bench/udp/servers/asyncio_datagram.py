"""UDP echo server: an asyncio DatagramProtocol on the default (selector) loop.

    python asyncio_datagram.py PORT

Prints "ready" once bound. uvloop_datagram.py runs the same code on uvloop.
CPython's selector transport receives each datagram with
``sock.recvfrom(256 KiB)``: a fresh 256 KiB bytes object per datagram, shrunk
to size (on glibc, an mmap, an mremap and a munmap each), as its users get.
"""

import asyncio
import sys
from typing import cast


class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str | object, int]) -> None:
        self.transport.sendto(data, addr)


async def main(port: int) -> None:
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(Echo, local_addr=("127.0.0.1", port))
    print("ready", flush=True)
    try:
        await asyncio.Future()  # forever
    finally:
        transport.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
