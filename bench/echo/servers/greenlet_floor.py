"""Echo server: the design floor. A greenlet per connection and the least hub that works.

    python greenlet_floor.py PORT

Not a library and not Go: an edge-triggered epoll loop on the main greenlet
that switches straight to the greenlet whose fd became ready, handlers that
read and write through rt.sys_linux's system calls (the same C twins ours
uses) and park with one switch to the hub. No run queues, fairness, timers,
deadlines, fdMutex, pollDesc state machine, Close-while-blocked safety or
error values: everything Go's runtime does is left out, so the gap between
this row and ours is what Go's machinery costs in Python, and this row is
about the best a greenlet-per-connection design can do on CPython.

Prints "ready" once listening. TCP_NODELAY as in the other servers.
"""

import select
import socket
import sys

from greenlet import getcurrent, greenlet

from rt import sys_linux

read, write, EAGAIN = sys_linux.read, sys_linux.write, sys_linux.EAGAIN
hub = getcurrent()
waiting: dict[int, greenlet] = {}  # fd -> the greenlet parked on it


def park(fd: int) -> None:
    waiting[fd] = getcurrent()
    hub.switch()


def handle(conn: socket.socket) -> None:
    fd = conn.fileno()
    buf = bytearray(4096)
    mv = memoryview(buf)
    try:
        while True:
            n, err = read(fd, buf)
            if err is EAGAIN:
                park(fd)
                continue
            if err or n == 0:
                return  # EOF, or the client reset the connection
            out = mv[:n]
            while out:
                w, err = write(fd, out)
                if err is EAGAIN:
                    park(fd)
                elif err:
                    return
                else:
                    out = out[w:]
    finally:
        waiting.pop(fd, None)
        conn.close()  # also removes it from the epoll set


def main(port: int) -> None:
    ln = socket.socket()
    ln.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ln.bind(("127.0.0.1", port))
    ln.listen(4096)
    ln.setblocking(False)
    ep = select.epoll()
    ep.register(ln.fileno(), select.EPOLLIN)
    print("ready", flush=True)
    mask = select.EPOLLIN | select.EPOLLOUT | select.EPOLLRDHUP | select.EPOLLET
    while True:
        for fd, _ in ep.poll(-1, 128):
            if fd == ln.fileno():
                while True:
                    try:
                        conn, _ = ln.accept()
                    except BlockingIOError:
                        break
                    conn.setblocking(False)
                    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    ep.register(conn.fileno(), mask)
                    greenlet(handle).switch(conn)
            else:
                g = waiting.pop(fd, None)
                if g is not None:
                    g.switch()


if __name__ == "__main__":
    main(int(sys.argv[1]))
