"""Bulk proxy: asyncio Protocols. Callbacks, each side's transport writing the other's data.

    python asyncio_protocol.py LISTEN_PORT SINK_PORT [--uvloop]

Prints "ready" once listening. Flow control as asyncio intends it: when a
transport's write buffer passes its high-water mark, pause_writing() pauses
reading on the other side until resume_writing(). ``--uvloop`` runs the
same code on uvloop.
"""

import asyncio
import sys
from typing import cast


class Side(asyncio.Protocol):
    """One connection of the pair; ``peer`` is the other side."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.peer: Side | None = None
        self.eof = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        assert self.peer is not None and self.peer.transport is not None
        self.peer.transport.write(data)

    def eof_received(self) -> bool:
        self.eof = True
        assert self.peer is not None and self.peer.transport is not None
        self.peer.transport.write_eof()
        if self.peer.eof:  # both directions done
            self.transport.close()  # type: ignore[union-attr]
            self.peer.transport.close()
        return True  # keep our write side open for the other direction

    def pause_writing(self) -> None:
        assert self.peer is not None and self.peer.transport is not None
        self.peer.transport.pause_reading()

    def resume_writing(self) -> None:
        assert self.peer is not None and self.peer.transport is not None
        self.peer.transport.resume_reading()


class Front(Side):
    def __init__(self, sink_port: int) -> None:
        super().__init__()
        self.sink_port = sink_port
        self.early: list[bytes] = []  # data that came before the back connection was up

    def data_received(self, data: bytes) -> None:
        if self.peer is None:
            self.early.append(data)
            return
        super().data_received(data)

    def eof_received(self) -> bool:
        if self.peer is None:
            self.eof = True  # connect_back passes it on
            return True
        return super().eof_received()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        # Until the back is up (uvloop may still deliver what it already read).
        self.transport.pause_reading()  # type: ignore[union-attr]
        asyncio.get_running_loop().create_task(self.connect_back())

    async def connect_back(self) -> None:
        loop = asyncio.get_running_loop()
        _, back = await loop.create_connection(Side, "127.0.0.1", self.sink_port)
        back.peer = self
        self.peer = back
        for data in self.early:
            back.transport.write(data)  # type: ignore[union-attr]
        self.early = []
        if self.eof:
            back.transport.write_eof()  # type: ignore[union-attr]
        self.transport.resume_reading()  # type: ignore[union-attr]


async def main(port: int, sink_port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: Front(sink_port), "127.0.0.1", port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    if "--uvloop" in sys.argv[3:]:
        import uvloop

        uvloop.install()
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
