"""examples/echo: a TCP echo server, driven by nc and socat."""

from __future__ import annotations

from runner import Server, client, need, same_output


def test_echo(impl: str) -> None:
    need("nc", "socat")
    with Server(impl, "echo", "-addr", "127.0.0.1:0", "-n", "3") as s:
        assert client(["nc", "-N", s.host, str(s.port)], b"hello\n") == b"hello\n"
        big = bytes(range(256)) * 1024  # 256 KiB, more than one read
        assert client(["socat", "-t", "5", "-", f"TCP:{s.addr}"], big) == big
        assert client(["nc", "-N", s.host, str(s.port)], b"") == b""
        assert s.wait() == 0
    assert s.output() == (
        "listening on 127.0.0.1:PORT\n"
        "conn 1: echoed 6 bytes\n"
        "conn 2: echoed 262144 bytes\n"
        "conn 3: echoed 0 bytes\n"
        "served 3 connections\n")
    assert s.err == ""
    same_output("echo", impl, s.output())
