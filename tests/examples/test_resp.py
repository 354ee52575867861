"""examples/resp: a Redis-protocol server, driven by redis-cli, nc and redis-benchmark."""

from __future__ import annotations

import signal

from runner import Server, client, need, same_output


def test_resp(impl: str) -> None:
    need("redis-cli", "redis-benchmark", "nc")
    with Server(impl, "resp", "-addr", "127.0.0.1:0") as s:
        def cli(*args: str) -> bytes:
            return client(["redis-cli", "-h", s.host, "-p", str(s.port), *args])

        assert cli("ping") == b"PONG\n"
        assert cli("ping", "hello there") == b"hello there\n"
        assert cli("set", "greeting", "hello\xff") == b"OK\n"
        assert cli("get", "greeting") == "hello\xff\n".encode()
        assert cli("set", "other", "x") == b"OK\n"
        assert cli("del", "greeting", "nothing") == b"1\n"
        assert cli("get", "greeting") == b"\n"  # nil
        assert cli("get") == b"ERR wrong number of arguments for 'get' command\n\n"
        assert cli("flushall") == b"ERR unknown command 'flushall'\n\n"
        # Inline commands, pipelined, then a protocol error that ends the connection.
        raw = client(["nc", "-N", s.host, str(s.port)], b"PING\r\nECHO hi\r\nget other\r\n*x\r\n")
        assert raw == (b"+PONG\r\n$2\r\nhi\r\n$1\r\nx\r\n"
                       b"-ERR Protocol error: invalid multibulk length\r\n")

        bench = client(["redis-benchmark", "-h", s.host, "-p", str(s.port),
                        "-t", "ping,set,get", "-n", "2000", "-c", "20", "--csv"], timeout=60)
        tests = [line.split(b",")[0] for line in bench.splitlines()[1:]]
        assert tests == [b'"PING_INLINE"', b'"PING_MBULK"', b'"SET"', b'"GET"'], bench
        assert len(cli("get", "key:__rand_int__")) == 4  # the 3-byte value SET stored

        s.signal(signal.SIGINT)
        assert s.wait() == 0
    assert s.output() == "listening on 127.0.0.1:PORT\n2 keys\n"
    assert s.err == ""
    same_output("resp", impl, s.output())
