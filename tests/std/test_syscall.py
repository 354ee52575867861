"""std.syscall: Go's Signal type and constants, and the re-exported Errno values."""

from __future__ import annotations

import signal as pysignal

import pytest

import std
from rt import sys_linux
from std import os, syscall

# syscall/zerrors_linux_amd64.go's signal table, row for row.
_signalTable = [
    (syscall.SIGHUP, 1, "hangup"),
    (syscall.SIGINT, 2, "interrupt"),
    (syscall.SIGQUIT, 3, "quit"),
    (syscall.SIGILL, 4, "illegal instruction"),
    (syscall.SIGTRAP, 5, "trace/breakpoint trap"),
    (syscall.SIGABRT, 6, "aborted"),
    (syscall.SIGBUS, 7, "bus error"),
    (syscall.SIGFPE, 8, "floating point exception"),
    (syscall.SIGKILL, 9, "killed"),
    (syscall.SIGUSR1, 10, "user defined signal 1"),
    (syscall.SIGSEGV, 11, "segmentation fault"),
    (syscall.SIGUSR2, 12, "user defined signal 2"),
    (syscall.SIGPIPE, 13, "broken pipe"),
    (syscall.SIGALRM, 14, "alarm clock"),
    (syscall.SIGTERM, 15, "terminated"),
    (syscall.SIGSTKFLT, 16, "stack fault"),
    (syscall.SIGCHLD, 17, "child exited"),
    (syscall.SIGCONT, 18, "continued"),
    (syscall.SIGSTOP, 19, "stopped (signal)"),
    (syscall.SIGTSTP, 20, "stopped"),
    (syscall.SIGTTIN, 21, "stopped (tty input)"),
    (syscall.SIGTTOU, 22, "stopped (tty output)"),
    (syscall.SIGURG, 23, "urgent I/O condition"),
    (syscall.SIGXCPU, 24, "CPU time limit exceeded"),
    (syscall.SIGXFSZ, 25, "file size limit exceeded"),
    (syscall.SIGVTALRM, 26, "virtual timer expired"),
    (syscall.SIGPROF, 27, "profiling timer expired"),
    (syscall.SIGWINCH, 28, "window changed"),
    (syscall.SIGIO, 29, "I/O possible"),
    (syscall.SIGPWR, 30, "power failure"),
    (syscall.SIGSYS, 31, "bad system call"),
]


@pytest.mark.parametrize(("sig", "n", "text"), _signalTable, ids=[t[2] for t in _signalTable])
def test_SignalString(sig: syscall.Signal, n: int, text: str) -> None:
    assert type(sig) is syscall.Signal and sig == n and int(sig) == n
    assert sig.String() == text and str(sig) == text and f"{sig}" == text
    assert f"{sig:d}" == str(n)
    assert sig.Signal() is None


def test_SignalStringUnnamed() -> None:
    """Numbers the table does not name print as "signal N", as Go's Itoa fallback."""
    for n in (0, 32, 34, 40, 64, 65, -1):
        assert syscall.Signal(n).String() == f"signal {n}"


def test_SignalAliases() -> None:
    assert syscall.SIGIOT == syscall.SIGABRT
    assert syscall.SIGCLD == syscall.SIGCHLD
    assert syscall.SIGPOLL == syscall.SIGIO
    assert syscall.SIGUNUSED == syscall.SIGSYS
    assert repr(syscall.SIGIOT) == "<Signal SIGABRT (6): aborted>"
    assert repr(syscall.Signal(40)) == "<Signal 40: signal 40>"


def test_SignalNumbersMatchTheKernel() -> None:
    """Every SIGxxx constant has the number Python's signal module (the C headers) gives it."""
    for name in syscall.__all__:
        if name.startswith("SIG") and hasattr(pysignal, name):
            assert getattr(syscall, name) == getattr(pysignal, name), name


def test_SignalIsOsSignal() -> None:
    """syscall.Signal implements os.Signal; os.Interrupt and os.Kill are Go's values."""
    assert isinstance(syscall.SIGTERM, os.Signal)
    assert not isinstance(pysignal.SIGTERM, os.Signal)
    assert os.Interrupt is syscall.SIGINT and os.Interrupt.String() == "interrupt"
    assert os.Kill is syscall.SIGKILL and os.Kill.String() == "killed"
    assert {syscall.SIGINT: 1}[syscall.Signal(2)] == 1  # hashes as its number


def test_ErrnoReexported() -> None:
    """Errno and its constants are rt.sys_linux's own objects, not copies."""
    assert syscall.Errno is sys_linux.Errno
    assert syscall.EPIPE is sys_linux.EPIPE and syscall.EPIPE.Error() == "broken pipe"
    assert syscall.ECONNRESET.Error() == "connection reset by peer"
    assert syscall.Errno(11) is syscall.EAGAIN
    for name in syscall.__all__:
        if name.startswith("E") and name != "Errno":
            assert getattr(syscall, name) is getattr(sys_linux, name), name


def test_All() -> None:
    """Every exported name exists; std exports the package."""
    for name in syscall.__all__:
        assert hasattr(syscall, name), name
    assert "syscall" in std.__all__
    assert "Signal" in os.__all__ and "Interrupt" in os.__all__ and "Kill" in os.__all__
