"""net/sock_cloexec.go (go1.27.0): sockets are non-blocking and close-on-exec from birth."""

from __future__ import annotations

from typing import Any

from net import hook
from rt.sys_linux import SOCK_CLOEXEC, SOCK_NONBLOCK


def sysSocket(family: int, sotype: int, proto: int) -> tuple[int, Any]:
    """net/sock_cloexec.go: sysSocket. One socket(2) with SOCK_NONBLOCK|SOCK_CLOEXEC."""
    s, errno = hook.socketFunc(family, sotype | SOCK_NONBLOCK | SOCK_CLOEXEC, proto)
    if errno:
        from std import os

        return -1, os.NewSyscallError("socket", errno)
    return s, None
