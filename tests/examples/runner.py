"""Helpers for the example tests: start an example, find its address, build the Go original.

Every example prints ``listening on HOST:PORT`` (or ``... on PATH``) as its
first line of standard output. ``Server`` starts one (the Python port, or
the Go original built once per session), reads that line, and on exit
stops the program and collects the rest of its output. ``same_output``
records each implementation's (normalised) output per test and fails when
the Python port and the Go original differ by a byte.
"""

from __future__ import annotations

import atexit
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PYTHON = sys.executable
GO = shutil.which("go")

# The runtime's sysmon names, on stderr, a goroutine that ran 20 ms without a
# safe point; on a loaded 2-core machine any pure-Python stretch can, and the
# tests compare stderr. Go ignores the setting.
ENV = dict(os.environ, GODEBUG="preemptreport=0")

_gobuilt: dict[str, Path] = {}
_godir: Path | None = None
_outputs: dict[str, dict[str, str]] = {}


# The Debian package each client command comes in.
PACKAGES = {"nc": "netcat-openbsd", "redis-cli": "redis-tools", "redis-benchmark": "redis-tools",
            "go": "golang-go", "tr": "coreutils"}


def need(*tools: str) -> None:
    """Skip the test unless every command in tools is installed."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pkgs = sorted({PACKAGES.get(t, t) for t in missing})
        pytest.skip(f"needs {', '.join(missing)} (apt-get install {' '.join(pkgs)})")


def gobuild(name: str) -> Path:
    """Build examples/<name>/main.go once per session; return the binary."""
    global _godir
    if GO is None:
        pytest.skip("needs the go command")
    if name not in _gobuilt:
        if _godir is None:
            _godir = Path(tempfile.mkdtemp(prefix="gonet-examples-"))
            atexit.register(shutil.rmtree, _godir, True)
        out = _godir / name
        env = dict(os.environ, CGO_ENABLED="0", GO111MODULE="off", GOFLAGS="")
        if "HOME" not in env and "GOCACHE" not in env:
            env["GOCACHE"] = str(_godir / "gocache")
        subprocess.run([GO, "build", "-o", str(out), str(EXAMPLES / name / "main.go")],
                       check=True, env=env, capture_output=True, timeout=180)
        _gobuilt[name] = out
    return _gobuilt[name]


def command(impl: str, name: str, *args: str) -> list[str]:
    """The command line that runs example name: the Python port or the Go original."""
    if impl == "go":
        return [str(gobuild(name)), *args]
    return [PYTHON, str(EXAMPLES / name / "main.py"), *args]


def run(impl: str, name: str, *args: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """Run an example that is not a server to completion; return what it printed."""
    return subprocess.run(command(impl, name, *args), capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=ENV)


class Server:
    """A running example: ``with Server(impl, "echo", "-addr", "127.0.0.1:0") as s:``.

    Entering starts it and waits (``timeout`` seconds at most) for its first
    line, ``listening on ADDR``; ``s.addr``, ``s.host`` and ``s.port`` are that
    address. ``s.wait()`` waits for the program to end by itself, and
    ``s.signal(sig)`` sends it a signal; leaving the block ends it if it is
    still running. ``s.out`` and ``s.err`` then hold the rest of its output.
    """

    def __init__(self, impl: str, name: str, *args: str, timeout: float = 15) -> None:
        self.impl, self.name = impl, name
        self.argv = command(impl, name, *args)
        self.timeout = timeout
        self.first = ""
        self.addr = self.host = ""
        self.port = 0
        self.out = self.err = ""
        self.returncode: int | None = None
        self._pending = b""

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=ROOT, env=ENV)
        assert self.proc.stdout is not None
        self.first = self.readline(self.timeout)
        m = re.match(r"listening on (\S+)", self.first)
        if m is None:
            self._fail(f"unexpected first line {self.first!r}")
        assert m is not None
        self.addr = m.group(1)
        host, _, port = self.addr.rpartition(":")
        if port.isdigit():
            self.host, self.port = host, int(port)
        return self

    def readline(self, timeout: float = 10, must: bool = True) -> str:
        """The next line of the program's standard output.

        After timeout seconds without a whole line: fail the test, or with
        ``must=False`` return "" (a partial line is kept for the next call).
        """
        assert self.proc.stdout is not None
        self._pending += readline(self.proc.stdout.fileno(), timeout)
        if not self._pending.endswith(b"\n"):
            if must:
                self._fail(f"no line within {timeout}s (got {self._pending!r})")
            return ""
        line, self._pending = self._pending.decode(), b""
        if self.first:
            self.out += line
        return line

    def _fail(self, why: str) -> None:
        self.proc.kill()
        out, err = self.proc.communicate(timeout=10)
        pytest.fail(f"{' '.join(self.argv)}: {why}\nstdout: {out!r}\nstderr: {err!r}")

    def signal(self, sig: int = signal.SIGINT) -> None:
        self.proc.send_signal(sig)

    def wait(self, timeout: float = 15) -> int:
        """Wait for the program to end by itself; collect its output."""
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate(timeout=10)
            pytest.fail(f"{' '.join(self.argv)} did not end in {timeout}s\n"
                        f"stdout: {out!r}\nstderr: {err!r}")
        self.out += (self._pending + out).decode()
        self.err = err.decode()
        self.returncode = self.proc.returncode
        return self.proc.returncode

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.returncode is None:
            if self.proc.poll() is None:
                self.proc.kill()
            self.wait(timeout=10)

    def output(self) -> str:
        """All of standard output, the port replaced by PORT (it differs from run to run)."""
        text = self.first + self.out
        return text.replace(f":{self.port}", ":PORT") if self.port else text


def readline(fd: int, timeout: float) -> bytes:
    """Read one line from fd a byte at a time (so nothing is buffered past it).

    Returns what was read: a line ending in a newline, or less when the
    writer closed its end or timeout seconds passed.
    """
    line = b""
    deadline = time.monotonic() + timeout
    while not line.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 1)
        if not chunk:
            break
        line += chunk
    return line


def same_output(test: str, impl: str, out: str) -> None:
    """Record out as impl's output of test; fail if the other implementation's differs."""
    seen = _outputs.setdefault(test, {})
    seen[impl] = out
    if len(seen) == 2:
        assert seen["python"] == seen["go"], f"{test}: Python and Go outputs differ"


def client(argv: list[str], input: bytes = b"", timeout: float = 10,
           whole: bool = False) -> bytes:
    """Run a client command to completion; return its standard output (it must exit 0).

    ``whole`` hands the input over as a file rather than a pipe, so that one
    read(2) of the client's gets all of it (a datagram client sends what each
    read returns, and a busy machine can split a pipe's contents).
    """
    if whole:
        with tempfile.TemporaryFile() as f:
            f.write(input)
            f.seek(0)
            p = subprocess.run(argv, stdin=f, capture_output=True, timeout=timeout)
    else:
        p = subprocess.run(argv, input=input, capture_output=True, timeout=timeout)
    assert p.returncode == 0, f"{argv}: exit {p.returncode}: {p.stderr!r}"
    return p.stdout


class Client:
    """An interactive client command (socat, nc...): write to its stdin, read its stdout by line.

    ``stdout=False`` sends its output to /dev/null (a client that must never
    become slow because nobody reads it). Leaving the block closes its stdin
    and waits for it to exit, killing it after 10 seconds.
    """

    def __init__(self, argv: list[str], stdout: bool = True) -> None:
        self.argv = argv
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE if stdout else subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)

    def __enter__(self) -> Client:
        return self

    def send(self, b: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b)
        self.proc.stdin.flush()

    def readline(self, timeout: float = 10) -> bytes:
        assert self.proc.stdout is not None
        return readline(self.proc.stdout.fileno(), timeout)

    def close(self) -> None:
        """Close the client's stdin: it sends EOF (socat shuts down its write side)."""
        if self.proc.stdin is not None:
            self.proc.stdin.close()
            self.proc.stdin = None  # so communicate() does not flush it

    def wait(self, timeout: float = 10) -> bytes:
        """Wait for the client to exit; return the rest of its output."""
        self.close()
        try:
            out, _ = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate(timeout=10)
            pytest.fail(f"{' '.join(self.argv)} did not exit in {timeout}s")
        return out or b""

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.proc.returncode is None:
            self.wait()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (for tools that cannot take port 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Upstream:
    """A server run by a tool (socat...) on a port of ours: ``with Upstream(argv, port):``.

    Entering waits until the port accepts connections (5 seconds at most);
    leaving terminates the tool.
    """

    def __init__(self, argv: list[str], port: int) -> None:
        self.argv, self.port = argv, port

    def __enter__(self) -> Upstream:
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 5
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.__exit__(None, None, None)
                    pytest.fail(f"{' '.join(self.argv)} did not listen on {self.port}")
                time.sleep(0.02)

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.communicate(timeout=10)
