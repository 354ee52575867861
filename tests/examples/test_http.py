"""examples/http: an HTTP/1.1 server (h11 over net.Conn; net/http in Go) and its client.

curl fetches four URLs over one kept-alive connection and POSTs a body;
the responses are compared whole, headers in order, but for the Date. The
example's own client (-get) reports its connection reused; wrk puts a
short bounded load on it (1 thread, 10 connections, 2 seconds). SIGINT then
shuts the server down while a client holds an idle kept-alive connection,
which the server closes.
"""

from __future__ import annotations

import re
import signal
import socket

import pytest
from runner import Server, client, need, run, same_output

HELLO = (b"HTTP/1.1 200 OK\r\nDate: DATE\r\nContent-Length: %d\r\n"
         b"Content-Type: text/plain; charset=utf-8\r\n\r\n%s")


def _nodate(b: bytes) -> bytes:
    return re.sub(rb"Date: [^\r]*", b"Date: DATE", b)


def test_http(impl: str) -> None:
    need("curl", "wrk")
    if impl == "python":
        pytest.importorskip("h11", reason="the port needs h11 (pip install h11)")
    with Server(impl, "http", "-addr", "127.0.0.1:0") as s:
        base = f"http://{s.addr}"
        out = client(["curl", "-si", "-w", "[connects: %{num_connects}]\n", f"{base}/",
                      f"{base}/hello?name=curl", f"{base}/nope", f"{base}/echo"])
        assert _nodate(out) == (
            HELLO % (13, b"hello, world\n") + b"[connects: 1]\n"
            + HELLO % (12, b"hello, curl\n") + b"[connects: 0]\n"
            + b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n"
              b"X-Content-Type-Options: nosniff\r\nDate: DATE\r\nContent-Length: 19\r\n\r\n"
              b"404 page not found\n[connects: 0]\n"
            + b"HTTP/1.1 405 Method Not Allowed\r\nAllow: POST\r\n"
              b"Content-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n"
              b"Date: DATE\r\nContent-Length: 19\r\n\r\nmethod not allowed\n[connects: 0]\n")
        body = bytes(range(256)) * 64
        out = client(["curl", "-si", "--data-binary", "@-", f"{base}/echo"], body)
        assert _nodate(out) == (b"HTTP/1.1 200 OK\r\nContent-Length: 16384\r\n"
                                b"Content-Type: application/octet-stream\r\nDate: DATE\r\n\r\n"
                                + body)

        p = run(impl, "http", "-get", f"{base}/hello?name=gopher", "-n", "3")
        assert (p.returncode, p.stderr) == (0, "")
        assert p.stdout == ('1: 200 OK (new connection) "hello, gopher\\n"\n'
                            '2: 200 OK (reused connection) "hello, gopher\\n"\n'
                            '3: 200 OK (reused connection) "hello, gopher\\n"\n')

        load = client(["wrk", "-t1", "-c10", "-d2s", f"{base}/hello"], timeout=30).decode()
        assert re.search(r"\n\s*\d+ requests in ", load), load
        assert "Socket errors" not in load and "Non-2xx" not in load, load

        with socket.create_connection((s.host, s.port), timeout=10) as idle:
            idle.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            reply = b""
            while not reply.endswith(b"hello, world\n"):
                chunk = idle.recv(4096)
                assert chunk, reply
                reply += chunk
            s.signal(signal.SIGINT)  # with this connection idle and kept alive
            assert idle.recv(4096) == b""  # Shutdown closed it
        assert s.wait() == 0
    assert s.output() == "listening on 127.0.0.1:PORT\nshutting down: http: Server closed\nbye\n"
    assert s.err == ""
    same_output("http", impl, s.output())
