"""runtime/panic.go and runtime/error.go (go1.27.0): panics, runtime errors, throw.

Go has two ways for things to go wrong at run time, and so do we:

* A **panic** unwinds the goroutine's stack running its defers and can be
  recovered. Here a panic is a Python exception: ``Panic`` carries the value
  given to ``panic(v)``; ``Error`` (Go's ``runtime.Error``) is the kind the
  runtime raises itself ("send on closed channel"). ``try/except`` is
  ``recover``; ``finally`` and ``with`` are ``defer``. A panic that escapes a
  goroutine ends the whole program: ``rt.run`` raises it.
* A **fatal error** (``throw`` for broken runtime invariants, ``fatal`` for
  user errors the runtime refuses to survive, such as "all goroutines are
  asleep - deadlock!" or "sync: unlock of unlocked mutex") cannot be
  recovered. ``FatalError`` derives from ``BaseException`` so that an
  ``except Exception`` in user code does not swallow it; ``rt.run`` raises it.
"""

from __future__ import annotations

from typing import Any


class Panic(Exception):
    """runtime/panic.go: the value of a panic(v), as a Python exception.

    ``value`` is what was passed to panic; ``str()`` prints it the way Go's
    ``printpanicval`` would for strings and errors.
    """

    def __init__(self, value: Any) -> None:
        super().__init__(value)
        self.value = value

    def __str__(self) -> str:
        v = self.value
        err = getattr(v, "Error", None)
        if callable(err):
            return str(err())
        return str(v)


class Error(Panic):
    """runtime/error.go: Error. A panic raised by the runtime itself.

    ``Error()`` returns Go's text byte for byte; ``RuntimeError()`` is the
    marker method of Go's interface.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def Error(self) -> str:
        """runtime/error.go: plainError.Error."""
        return self.text

    def RuntimeError(self) -> None:
        """runtime/error.go: the runtime.Error marker method."""

    def __str__(self) -> str:
        return self.text


def plainError(text: str) -> Error:
    """runtime/error.go: plainError. A runtime error whose text is printed as is."""
    return Error(text)


class FatalError(BaseException):
    """runtime/panic.go: the fatal error of throw/fatal. Not recoverable.

    ``str()`` is Go's first line, "fatal error: <msg>"; ``msg`` is the bare
    message and ``dump`` the goroutine dump printed after it, if any.
    """

    def __init__(self, msg: str, dump: str = "") -> None:
        text = "fatal error: " + msg
        if dump:
            text += "\n\n" + dump
        super().__init__(text)
        self.msg = msg
        self.dump = dump


def throw(msg: str) -> None:
    """runtime/panic.go: throw. A broken runtime invariant."""
    raise FatalError(msg)


def fatal(msg: str) -> None:
    """runtime/panic.go: fatal. A user error the runtime will not survive."""
    raise FatalError(msg)


def panic(v: Any) -> None:
    """builtin panic: raise v if it is already an exception, else wrap it in Panic."""
    if isinstance(v, BaseException):
        raise v
    raise Panic(v)
