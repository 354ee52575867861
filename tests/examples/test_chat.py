"""examples/chat: a line chat server, driven by socat clients and a client that never reads.

The script: alice and bob join and talk; alice leaves; bob leaves; then
"slow" joins and never reads (a raw socket with a tiny receive buffer) while
"fast" (socat) floods the room until the server drops slow for missing its
write deadline; finally SIGINT shuts the server down while fast is still
connected, and fast is told so before its connection closes.
"""

from __future__ import annotations

import signal
import socket
import time

from runner import Client, Server, need, same_output


def test_chat(impl: str) -> None:
    need("socat")
    with Server(impl, "chat", "-addr", "127.0.0.1:0", "-write-timeout", "300ms") as s:
        sock = ["socat", "-t", "5", "-", f"TCP:{s.addr}"]
        with Client(sock) as alice, Client(sock) as bob:
            alice.send(b"alice\n")
            assert s.readline() == "alice joined\n"
            assert alice.readline() == b"* alice joined\n"
            bob.send(b"bob\n")
            assert s.readline() == "bob joined\n"
            assert alice.readline() == b"* bob joined\n"
            assert bob.readline() == b"* bob joined\n"
            alice.send(b"hello bob\n")
            assert bob.readline() == b"alice: hello bob\n"
            assert alice.readline() == b"alice: hello bob\n"
            bob.send(b"hi alice\n")
            assert alice.readline() == b"bob: hi alice\n"
            assert alice.wait() == b""  # EOF: alice leaves, the server closes her conn
            assert s.readline() == "alice left\n"
            assert bob.readline() == b"bob: hi alice\n"
            assert bob.readline() == b"* alice left\n"
            assert bob.wait() == b""
            assert s.readline() == "bob left\n"

        with socket.socket() as slow, Client(sock, stdout=False) as fast:
            slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            slow.connect((s.host, s.port))
            slow.sendall(b"slow\n")
            assert s.readline() == "slow joined\n"
            fast.send(b"fast\n")
            assert s.readline() == "fast joined\n"
            line = b"x" * 4000 + b"\n"
            deadline = time.monotonic() + 10
            dropped = ""
            while not dropped and time.monotonic() < deadline:  # at most 10 s of flooding
                for _ in range(50):
                    fast.send(line)
                dropped = s.readline(timeout=0.05, must=False)
            assert dropped == "slow is too slow: dropped\n"
            assert s.readline() == "slow left\n"

            s.signal(signal.SIGINT)
            assert s.wait() == 0
            assert fast.wait() == b""
    assert s.output() == (
        "listening on 127.0.0.1:PORT\n"
        "alice joined\n"
        "bob joined\n"
        "alice left\n"
        "bob left\n"
        "slow joined\n"
        "fast joined\n"
        "slow is too slow: dropped\n"
        "slow left\n"
        "shutting down: context canceled\n"
        "bye\n")
    assert s.err == ""
    same_output("chat", impl, s.output())
