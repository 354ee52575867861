"""TLS echo server: an asyncio Protocol behind ssl=, transport.write in data_received.

    python asyncio_protocol.py PORT CERT KEY [uvloop]

Prints "ready" once listening. With "uvloop" the same code runs on uvloop.
"""

import asyncio
import ssl
import sys


class Echo(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)


async def main(port: int, ctx: ssl.SSLContext) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Echo, "127.0.0.1", port, ssl=ctx, backlog=4096)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_3
    ctx.load_cert_chain(sys.argv[2], sys.argv[3])
    if sys.argv[4:] == ["uvloop"]:
        import uvloop

        uvloop.run(main(int(sys.argv[1]), ctx))
    else:
        asyncio.run(main(int(sys.argv[1]), ctx))
