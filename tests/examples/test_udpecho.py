"""examples/udpecho: a UDP echo server, driven by socat and nc -u."""

from __future__ import annotations

from runner import Server, client, need, same_output


def test_udpecho(impl: str) -> None:
    need("socat", "nc")
    with Server(impl, "udpecho", "-addr", "127.0.0.1:0", "-n", "3") as s:
        # socat sends its input as one datagram and waits up to -t seconds for replies.
        assert client(["socat", "-t", "1", "-", f"UDP:{s.addr}"], b"hello\n") == b"hello\n"
        assert client(["nc", "-u", "-w", "1", s.host, str(s.port)],
                      b"datagram two\n") == b"datagram two\n"
        big = bytes(range(256)) * 234  # 59,904 bytes in one datagram
        assert client(["socat", "-t", "1", "-b", "65507", "-", f"UDP:{s.addr}"], big,
                      whole=True) == big
        assert s.wait() == 0
    assert s.output() == (
        "listening on 127.0.0.1:PORT\n"
        "datagram 1: 6 bytes\n"
        "datagram 2: 13 bytes\n"
        "datagram 3: 59904 bytes\n"
        "echoed 3 datagrams\n")
    assert s.err == ""
    same_output("udpecho", impl, s.output())
