"""examples/fdpass: one process passes its TCP listener to another over a Unix socket.

The receiver starts first and waits on a Unix socket; the sender listens on
a TCP port, passes the listener and exits; nc then connects to that port
and is answered by the receiver, a process that never called listen on it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import runner
from runner import Server, client, need, run, same_output


def test_fdpass(impl: str, tmp_path: Path) -> None:
    need("nc")
    path = str(tmp_path / "fd.sock")
    with Server(impl, "fdpass", "-recv", path, "-n", "2") as receiver:
        assert receiver.addr == path
        sender = run(impl, "fdpass", "-send", path, "-addr", "127.0.0.1:0")
        assert (sender.returncode, sender.stderr) == (0, "")
        m = re.fullmatch(r"listening on 127\.0\.0\.1:(\d+)\npassed the listener to (.*)\n",
                         sender.stdout)
        assert m is not None and m.group(2) == path, sender.stdout
        port = m.group(1)
        assert receiver.readline() == f"received a listener on 127.0.0.1:{port}\n"
        # The sender has exited: only the receiver holds the listening socket now.
        assert client(["nc", "-N", "127.0.0.1", port], b"hello\n") == b"hello\n"
        assert client(["nc", "-N", "127.0.0.1", port], b"passed\n") == b"passed\n"
        assert receiver.wait() == 0
    assert receiver.err == ""
    assert not Path(path).exists()  # the Unix listener removed its socket file
    out = receiver.output().replace(path, "PATH").replace(f":{port}", ":PORT")
    assert out == (
        "listening on PATH\n"
        "received a listener on 127.0.0.1:PORT\n"
        "conn 1: echoed 6 bytes\n"
        "conn 2: echoed 7 bytes\n"
        "served 2 connections\n")
    same_output("fdpass", impl, out)


def test_fdpass_usage(impl: str) -> None:
    p = run(impl, "fdpass")
    assert p.returncode == 2
    assert p.stdout == ""
    usage = p.stderr.split("\n", 1)[1]  # the first line names the program
    same_output("fdpass usage", impl, usage)
    assert "  -recv path\n    \treceive a listener on the Unix socket path and serve it\n" in usage


@pytest.mark.parametrize("sender, receiver", [("go", "python"), ("python", "go")])
def test_fdpass_across(sender: str, receiver: str, tmp_path: Path) -> None:
    """A listener passes between the Go program and the Python port, either way."""
    need("nc")
    if runner.GO is None:
        pytest.skip("needs the go command")
    path = str(tmp_path / "fd.sock")
    with Server(receiver, "fdpass", "-recv", path, "-n", "1") as r:
        p = run(sender, "fdpass", "-send", path, "-addr", "127.0.0.1:0")
        assert (p.returncode, p.stderr) == (0, "")
        port = p.stdout.split("\n")[0].rsplit(":", 1)[1]
        assert r.readline() == f"received a listener on 127.0.0.1:{port}\n"
        assert client(["nc", "-N", "127.0.0.1", port], b"across\n") == b"across\n"
        assert r.wait() == 0
    assert r.out.endswith("conn 1: echoed 7 bytes\nserved 1 connections\n")
