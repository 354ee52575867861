"""examples/proxy: a TCP proxy, between nc/socat clients and a socat upstream running tr.

The upstream (``socat TCP-LISTEN:...,fork EXEC:"tr a-z A-Z"``) answers only
once its input ends, so every round trip checks that the proxy passes each
half-close on with CloseWrite.
"""

from __future__ import annotations

from runner import Server, Upstream, client, free_port, need, same_output


def test_proxy(impl: str) -> None:
    need("nc", "socat", "tr")
    up = free_port()
    upstream = ["socat", f"TCP-LISTEN:{up},bind=127.0.0.1,reuseaddr,fork", "EXEC:tr a-z A-Z"]
    with Upstream(upstream, up), Server(impl, "proxy", "-addr", "127.0.0.1:0",
                                        "-target", f"127.0.0.1:{up}", "-n", "2") as s:
        assert client(["nc", "-N", s.host, str(s.port)], b"hello proxy\n") == b"HELLO PROXY\n"
        big = b"abcdefghijklmnopqrstuvwxyz\n" * 20000  # 540 kB
        assert client(["socat", "-t", "5", "-", f"TCP:{s.addr}"], big) == big.upper()
        assert s.wait() == 0
    assert s.output() == (
        "listening on 127.0.0.1:PORT\n"
        "conn 1: 12 bytes up, 12 bytes down\n"
        "conn 2: 540000 bytes up, 540000 bytes down\n"
        "served 2 connections\n")
    assert s.err == ""
    same_output("proxy", impl, s.output())


def test_proxy_refused(impl: str) -> None:
    need("nc")
    with Server(impl, "proxy", "-addr", "127.0.0.1:0", "-target", "127.0.0.1:1", "-n", "1") as s:
        assert client(["nc", "-N", s.host, str(s.port)], b"") == b""
        assert s.wait() == 0
    assert s.output() == (
        "listening on 127.0.0.1:PORT\n"
        "conn 1: dial tcp 127.0.0.1:1: connect: connection refused\n"
        "served 1 connections\n")
    same_output("proxy_refused", impl, s.output())
