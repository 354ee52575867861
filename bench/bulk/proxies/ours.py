"""Bulk proxy: ours. A goroutine per direction, io.Copy between two TCPConns.

    python ours.py LISTEN_PORT SINK_PORT [--no-splice]

Prints "ready" once listening, then proxies every accepted connection to
127.0.0.1:SINK_PORT in both directions until each side's EOF. Written as
the Go program would be: io.Copy(back, front) is TCPConn.ReadFrom, which
splices socket to socket in the kernel (net/splice_linux.py).
``--no-splice`` hides the source's type behind a plain Reader, as Go's
BenchmarkSplice does with ``useSplice = false``: then io.Copy goes through
a 32 KiB buffer in Python (genericReadFrom).
"""

import sys
from typing import Any

import net
import rt
from std import io


class onlyReader:
    """Go's ``struct{ io.Reader }``: a Reader and nothing else (no splice)."""

    def __init__(self, r: Any) -> None:
        self.r = r

    def Read(self, p: Any) -> tuple[int, Any]:
        return self.r.Read(p)  # type: ignore[no-any-return]


def pipe(dst: Any, src: Any, done: rt.hchan[None], splice: bool) -> None:
    io.Copy(dst, src if splice else onlyReader(src))
    dst.CloseWrite()  # the far side reads EOF, as a proxy must pass it on
    done.send(None)


def handle(front: Any, sink: str, splice: bool) -> None:
    back, err = net.Dial("tcp", sink)
    if err is not None:
        print(err, file=sys.stderr)
        front.Close()
        return
    done: rt.hchan[None] = rt.chan(2)
    rt.go(pipe, back, front, done, splice)
    rt.go(pipe, front, back, done, splice)
    done.recv()
    done.recv()
    front.Close()
    back.Close()


def main(port: str, sinkPort: str, splice: bool) -> int:
    ln, err = net.Listen("tcp", f"127.0.0.1:{port}")
    if err is not None:
        print(err, file=sys.stderr)
        return 1
    print("ready", flush=True)
    while True:
        c, err = ln.Accept()
        if err is not None:
            print(err, file=sys.stderr)
            return 1
        rt.go(handle, c, f"127.0.0.1:{sinkPort}", splice)


if __name__ == "__main__":
    sys.exit(rt.run(main, sys.argv[1], sys.argv[2], "--no-splice" not in sys.argv[3:]))
