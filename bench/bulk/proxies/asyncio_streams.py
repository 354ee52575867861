"""Bulk proxy: asyncio streams. A task per direction, read(64 KiB) + write + drain.

    python asyncio_streams.py LISTEN_PORT SINK_PORT [--uvloop]

Prints "ready" once listening. ``--uvloop`` runs the same code on uvloop.
"""

import asyncio
import sys

BUF = 64 * 1024


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(BUF):
            writer.write(data)
            await writer.drain()
        writer.write_eof()
    except OSError:
        pass


async def main(port: int, sink_port: int) -> None:
    async def handle(fr: asyncio.StreamReader, fw: asyncio.StreamWriter) -> None:
        br, bw = await asyncio.open_connection("127.0.0.1", sink_port)
        await asyncio.gather(pipe(fr, bw), pipe(br, fw))
        fw.close()
        bw.close()

    server = await asyncio.start_server(handle, "127.0.0.1", port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    if "--uvloop" in sys.argv[3:]:
        import uvloop

        uvloop.install()
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2])))
