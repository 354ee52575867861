"""Test harness: a goroutine-dumping watchdog on every test, and a leak report.

* Watchdog. Every test runs under a SIGALRM timer (30 s, or
  ``@pytest.mark.watchdog(seconds)``). When it fires it prints every
  goroutine of the running program (Go's SIGQUIT dump) to stderr and raises
  ``WatchdogTimeout`` in the main thread, which ends ``rt.run`` (or the
  test) with a failure instead of a hang. pytest-timeout, with its thread
  method and a longer limit, stays as the last resort.
* Leaks. Before and after each test the harness records open fds, live
  threads and live goroutines. Whatever a test leaves behind is recorded;
  the session ends with a report, and fails if anything leaked.
* Goroutines left at main's return. ``rt.run`` unwinds every goroutine
  still alive when main returns (Go's exit ends them), so none can outlive
  the run and the check above cannot see them; instead the runtime counts
  them (``rt.proc.lastRunLeftGoroutines``) and the report lists each test
  that left some. That is information, not failure: many Go tests end
  with a server goroutine parked on purpose (the "MustNotReturn" tests),
  as their Go originals do.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import FrameType

import pytest

import rt.proc
from rt.traceback import tracebackothers

_leaks: list[str] = []
_leftBehind: list[str] = []


class WatchdogTimeout(Exception):
    """The test ran past its watchdog limit."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "watchdog(seconds): this test's watchdog limit")


def _fds() -> set[str]:
    out = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            out.add(f"{fd} -> {os.readlink(f'/proc/self/fd/{fd}')}")
        except OSError:
            pass
    return out


def _threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.is_alive()}


@pytest.fixture(autouse=True)
def _watchdog_and_leaks(request: pytest.FixtureRequest) -> Iterator[None]:
    marker = request.node.get_closest_marker("watchdog")
    limit = float(marker.args[0]) if marker else 30.0

    def fire(signum: int, frame: FrameType | None) -> None:
        dump = tracebackothers(None) if rt.proc.getm() is not None else "(no runtime)\n"
        sys.stderr.write(f"\nwatchdog: {request.node.nodeid} ran past {limit}s\n\n{dump}\n")
        raise WatchdogTimeout(f"watchdog fired after {limit}s; goroutines:\n{dump}")

    fds0 = _fds()
    threads0 = _threads()
    rt.proc.lastRunLeftGoroutines = 0
    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if rt.proc.lastRunLeftGoroutines:
        _leftBehind.append(f"{request.node.nodeid}: {rt.proc.lastRunLeftGoroutines}")
    # Leak check: give finishing threads a moment.
    deadline = time.monotonic() + 2.0
    while True:
        extra_threads = _threads() - threads0
        extra_fds = _fds() - fds0
        goroutines = len(rt.proc.allgs) if rt.proc.getm() is None else 0
        if not extra_threads and not extra_fds and not goroutines:
            return
        if time.monotonic() > deadline:
            break
        time.sleep(0.02)
    what = []
    if extra_fds:
        what.append(f"fds {sorted(extra_fds)}")
    if extra_threads:
        what.append(f"threads {sorted(t.name for t in extra_threads)}")
    if goroutines:
        what.append(f"{goroutines} goroutines")
    _leaks.append(f"{request.node.nodeid}: leaked " + "; ".join(what))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.section("leak report")
    if _leftBehind:
        terminalreporter.write_line(
            f"{len(_leftBehind)} tests returned from main with goroutines still alive "
            "(rt.run's teardown unwound them, as Go's exit would end them):")
        for line in _leftBehind:
            terminalreporter.write_line("  " + line)
    if not _leaks:
        terminalreporter.write_line("no fds or threads leaked; no goroutine outlived its rt.run")
        return
    for line in _leaks:
        terminalreporter.write_line(line)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _leaks and exitstatus == 0:
        session.exitstatus = 1
