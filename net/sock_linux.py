"""net/sock_linux.go (go1.27.0): the listen backlog, as the kernel allows it."""

from __future__ import annotations

from rt import sys_linux

_somaxconnPath = "/proc/sys/net/core/somaxconn"


def maxAckBacklog(n: int) -> int:
    """net/sock_linux.go: maxAckBacklog. Kernels before 4.1 keep the backlog in 16 bits."""
    major, minor = _kernelVersion()
    size = 16 if (major, minor) < (4, 1) else 32
    mx = (1 << size) - 1
    return min(n, mx)


def _kernelVersion() -> tuple[int, int]:
    uts, errno = sys_linux.uname()
    if errno:
        return 0, 0
    rel = bytes(uts.Release).split(b"\0", 1)[0].decode(errors="replace")
    parts: list[int] = []
    for field in rel.split(".")[:2]:
        digits = ""
        for ch in field:
            if not ch.isdigit():
                break
            digits += ch
        parts.append(int(digits) if digits else 0)
    while len(parts) < 2:
        parts.append(0)
    return parts[0], parts[1]


def maxListenerBacklog() -> int:
    """net/sock_linux.go: maxListenerBacklog. The first field of somaxconn, or SOMAXCONN."""
    try:
        with open(_somaxconnPath, "rb") as f:
            data = f.read(64)
    except OSError:
        return sys_linux.SOMAXCONN
    fields = data.split()
    if not fields:
        return sys_linux.SOMAXCONN
    try:
        n = int(fields[0])
    except ValueError:
        return sys_linux.SOMAXCONN
    if n == 0:
        return sys_linux.SOMAXCONN
    if n > 65535:
        return maxAckBacklog(n)
    return n


_backlog = -1


def listenerBacklog() -> int:
    """net/net.go: listenerBacklog. maxListenerBacklog, read once."""
    global _backlog
    if _backlog < 0:
        _backlog = maxListenerBacklog()
    return _backlog
