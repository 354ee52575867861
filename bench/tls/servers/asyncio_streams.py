"""TLS echo server: asyncio streams with ssl=, a task per connection.

    python asyncio_streams.py PORT CERT KEY [uvloop]

Prints "ready" once listening. With "uvloop" the same code runs on uvloop
(whose SSL layer is its own, in Cython, over the same ssl.SSLObject).
"""

import asyncio
import ssl
import sys


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(4096):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass  # the client reset the connection
    finally:
        writer.close()


async def main(port: int, ctx: ssl.SSLContext) -> None:
    server = await asyncio.start_server(handle, "127.0.0.1", port, ssl=ctx, backlog=4096)
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
