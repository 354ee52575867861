"""os/proc.go (go1.27.0): the process's arguments and its exit.

``Args`` is the command line, program name first (Go's os.Args; here
Python's ``sys.argv``, the same list object, so a test that assigns
``sys.argv`` is seen). ``Exit(code)`` ends the process at once with that
status: as in Go, deferred work does not run (no ``finally`` blocks, no
``with`` exits, no goroutine teardown), which is what log.Fatal relies on.
Python's buffered ``sys.stdout`` and ``sys.stderr`` are flushed first,
since Go's os.Stdout and os.Stderr have no buffer to lose.

Left out: ``init`` and ``runtime_args`` (``Args`` is bound to
``sys.argv`` at import instead); ``Getuid``, ``Geteuid``, ``Getgid``,
``Getegid`` and ``Getgroups`` (not ported yet: nothing here needs them);
``runtime_beforeExit`` (it serves the race detector and coverage, which
this port does not have).
"""

from __future__ import annotations

import os as _pyos
import sys
from typing import NoReturn

__all__ = ["Args", "Exit"]

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
