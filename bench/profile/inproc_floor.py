"""The greenlet floor in one process: inproc_echo.py's workload on greenlet_floor.py's design.

    python bench/profile/inproc_floor.py CONNS ROUNDS

A bare edge-triggered epoll hub on the main greenlet, a greenlet per server
and per client connection, rt.sys_linux's C system calls, and none of Go's
machinery (bench/echo/servers/greenlet_floor.py explains the design). Each of
CONNS clients makes ROUNDS 64-byte round trips. ``callgrind.sh`` counts it
with ``WORKLOAD=floor``: the instructions per round trip that a
greenlet-per-connection design cannot go below, beside ours.
"""
import select
import socket
import sys

from greenlet import getcurrent, greenlet

from rt import sys_linux

read, write, EAGAIN = sys_linux.read, sys_linux.write, sys_linux.EAGAIN
hub = getcurrent()
waiting: dict[int, greenlet] = {}


def park(fd: int) -> None:
    waiting[fd] = getcurrent()
    hub.switch()


def handle(conn: socket.socket) -> None:
    fd = conn.fileno()
    buf = bytearray(4096)
    mv = memoryview(buf)
    while True:
        n, err = read(fd, buf)
        if err is EAGAIN:
            park(fd)
            continue
        if err or n == 0:
            return
        out = mv[:n]
        while out:
            w, err = write(fd, out)
            if err is EAGAIN:
                park(fd)
            elif err:
                return
            else:
                out = out[w:]


def client(conn: socket.socket, rounds: int, done: list[int]) -> None:
    fd = conn.fileno()
    msg = b"x" * 64
    buf = bytearray(64)
    mv = memoryview(buf)
    for _ in range(rounds):
        w, err = write(fd, msg)
        assert w == 64, (w, err)
        got = 0
        while got < 64:
            n, err = read(fd, mv[got:])
            if err is EAGAIN:
                park(fd)
                continue
            assert not err and n > 0
            got += n
    done.append(1)


def main(nconns: int, rounds: int) -> None:
    ln = socket.socket()
    ln.bind(("127.0.0.1", 0))
    ln.listen(4096)
    ep = select.epoll()
    mask = select.EPOLLIN | select.EPOLLOUT | select.EPOLLRDHUP | select.EPOLLET
    keep = []
    done: list[int] = []
    for _ in range(nconns):
        c = socket.create_connection(ln.getsockname())
        s, _ = ln.accept()
        for x in (c, s):
            x.setblocking(False)
            x.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            ep.register(x.fileno(), mask)
        keep += [c, s]
        greenlet(handle).switch(s)
        greenlet(client).switch(c, rounds, done)
    while len(done) < nconns:
        for fd, _ in ep.poll(-1, 128):
            g = waiting.pop(fd, None)
            if g is not None:
                g.switch()


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
