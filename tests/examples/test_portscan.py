"""examples/portscan: a concurrent port scanner, run against listeners this test opens.

The test picks a block of 200 ports below the ephemeral range with nothing
listening on it (per /proc/net/tcp), listens on three of them, and expects
exactly those three, sorted, whichever worker found each first.
"""

from __future__ import annotations

import random
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from runner import run, same_output

SPAN = 200
OFFSETS = (7, 42, 199)


def _listening() -> set[int]:
    """Every local TCP port some socket listens on (state 0A in /proc/net/tcp*)."""
    ports = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        p = Path(name)
        if p.exists():
            for line in p.read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] == "0A":
                    ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


@pytest.fixture(scope="module")
def ports() -> Iterator[list[int]]:
    busy = _listening()
    for _ in range(50):
        base = random.randrange(20000, 32000 - SPAN)
        if busy.isdisjoint(range(base, base + SPAN)):
            break
    socks = []
    try:
        for off in OFFSETS:
            s = socket.socket()
            socks.append(s)
            s.bind(("127.0.0.1", base + off))
            s.listen(16)
        yield [base, *(base + off for off in OFFSETS)]
    finally:
        for s in socks:
            s.close()


def test_portscan(impl: str, ports: list[int]) -> None:
    base = ports[0]
    p = run(impl, "portscan", "-ports", f"{base}-{base + SPAN - 1}", "-workers", "20",
            "-timeout", "2s")
    assert p.returncode == 0, p.stderr
    assert p.stdout == "".join(f"{port} open\n" for port in ports[1:]) + "3 of 200 ports open\n"
    assert p.stderr == ""
    same_output("portscan", impl, p.stdout)


@pytest.mark.parametrize("arg, message", [
    ("5-x", 'strconv.Atoi: parsing "x": invalid syntax\n'),
    ("9-5", 'bad port range "9-5"\n'),
])
def test_portscan_bad_range(impl: str, arg: str, message: str) -> None:
    p = run(impl, "portscan", "-ports", arg)
    assert (p.returncode, p.stdout, p.stderr) == (1, "", message)
