"""os/proc.go (go1.27.0): the process's arguments and its exit.

``Args`` is the command line, program name first (Go's os.Args; here
Python's ``sys.argv``, the same list object, so a test that assigns
``sys.argv`` is seen). ``Exit(code)`` ends the process at once with that
status: as in Go, deferred work does not run (no ``finally`` blocks, no
``with`` exits, no goroutine teardown), which is what log.Fatal relies on.
Python's buffered ``sys.stdout`` and ``sys.stderr`` are flushed first,
since Go's os.Stdout and os.Stderr have no buffer to lose.

``Getuid``, ``Geteuid``, ``Getgid``, ``Getegid`` and ``Getgroups`` are the
process's credentials. Also here, from other files of Go's os package:
``Getpid`` and ``Getppid`` (os/exec.go) and ``Hostname`` (os/sys.go, which
on Linux reads /proc/sys/kernel/hostname and falls back to uname(2)).

Left out: ``init`` and ``runtime_args`` (``Args`` is bound to
``sys.argv`` at import instead); ``runtime_beforeExit`` (it serves the race
detector and coverage, which this port does not have).
"""

from __future__ import annotations

import os as _pyos
import sys
from typing import NoReturn

from std.errors import error

__all__ = ["Args", "Exit", "Getegid", "Geteuid", "Getgid", "Getgroups", "Getpid", "Getppid",
           "Getuid", "Hostname"]

Args: list[str] = sys.argv
"""os.Args: the command-line arguments, starting with the program name."""


def Exit(code: int) -> NoReturn:
    """os/proc.go: Exit. End the process now with status code; deferred calls do not run."""
    if not isinstance(code, int) or isinstance(code, bool):
        raise TypeError(f"os.Exit needs an int, not {type(code).__name__}")
    for f in (sys.stdout, sys.stderr):
        try:
            f.flush()
        except (OSError, ValueError, AttributeError):
            pass
    _pyos._exit(code & 0xFF)


def Getuid() -> int:
    """os/proc.go: Getuid. The caller's numeric user id."""
    return _pyos.getuid()


def Geteuid() -> int:
    """os/proc.go: Geteuid. The caller's numeric effective user id."""
    return _pyos.geteuid()


def Getgid() -> int:
    """os/proc.go: Getgid. The caller's numeric group id."""
    return _pyos.getgid()


def Getegid() -> int:
    """os/proc.go: Getegid. The caller's numeric effective group id."""
    return _pyos.getegid()


def Getgroups() -> tuple[list[int] | None, error | None]:
    """os/proc.go: Getgroups. The caller's supplementary group ids, or a "getgroups" error."""
    from std.os import NewSyscallError

    try:
        return _pyos.getgroups(), None
    except OSError as e:
        return None, NewSyscallError("getgroups", _errno(e))


def Getpid() -> int:
    """os/exec.go: Getpid. The caller's process id."""
    return _pyos.getpid()


def Getppid() -> int:
    """os/exec.go: Getppid. The caller's parent's process id."""
    return _pyos.getppid()


def Hostname() -> tuple[str, error | None]:
    """os/sys.go: Hostname. The kernel's host name, or "hostname: ..." on failure.

    As Go's on Linux: /proc/sys/kernel/hostname without its newline, else
    uname(2)'s nodename.
    """
    from std.os import NewSyscallError

    try:
        with open("/proc/sys/kernel/hostname", "rb") as f:
            name = f.read()
        if name.endswith(b"\n"):
            name = name[:-1]
        if name:
            return name.decode("utf-8", "surrogateescape"), None
    except OSError:
        pass
    try:
        return _pyos.uname().nodename, None
    except OSError as e:
        return "", NewSyscallError("hostname", _errno(e))


def _errno(e: OSError) -> error:
    from rt.sys_linux import Errno

    return Errno(e.errno or 0)
