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
    marker method of Go's interface. The runtime's panics here are Go's
    plainError ones ("send on closed channel"), so that is what %T prints.
    """

    _goType = "runtime.plainError"  # what %T prints (std/fmt.py)

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


class PanicNilError(Error):
    """runtime/panic.go: PanicNilError. What ``panic(nil)`` panics with since Go 1.21.

    ``recover()`` (``except rt.Panic as p``) sees it as the value:
    ``p.value`` is the PanicNilError itself, a runtime error whose text is
    "runtime error: panic called with nil argument". ``GODEBUG=panicnil=1``
    brings back the old behaviour, a panic whose value is None.
    """

    _goType = "*runtime.PanicNilError"  # what %T prints (std/fmt.py)

    def __init__(self) -> None:
        super().__init__("runtime error: panic called with nil argument")
        self.value = self


def panic(v: Any) -> None:
    """builtin panic: unwind the goroutine with v as the panic value (``rt.Panic(v)``).

    ``except rt.Panic as p`` recovers it with ``p.value is v``, whatever v
    is: a string, a number, a Go error value (an object with ``Error()``).
    Re-panicking a recovered ``rt.Panic`` raises it as it is. A Python
    exception that is no Go error (``ValueError(...)``) is raised as it is,
    for Python code that catches it by its class. ``panic(None)`` panics
    with a ``PanicNilError``, as since Go 1.21.
    """
    if isinstance(v, Panic):
        raise v
    if v is None:
        from rt.proc import _godebugInt

        if _godebugInt("panicnil", 0) != 1:
            raise PanicNilError()
        raise Panic(None)
    if isinstance(v, BaseException) and not callable(getattr(v, "Error", None)):
        raise v
    raise Panic(v)
