"""What every benchmark runner (echo, udp, bulk, tls) does with its child processes.

The runners are scripts (``python bench/<name>/run.py``); each puts
``bench/`` on sys.path and imports these from here.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import socket
from collections.abc import Callable


def free_port(kind: socket.SocketKind = socket.SOCK_STREAM) -> int:
    """A TCP (or, with SOCK_DGRAM, UDP) port free on 127.0.0.1 now.

    The server binds it a moment later.
    """
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def child_setup(cpu: int | None) -> Callable[[], None]:
    """A preexec_fn: die with the runner, run on cpu if given, raise the fd limit to hard."""
    libc = ctypes.CDLL(None, use_errno=True)

    def setup() -> None:
        # Killed with us even if we are killed with SIGKILL (the runners' finally
        # blocks cover every other way out). PR_SET_PDEATHSIG = 1; it survives exec.
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < hard:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    return setup
