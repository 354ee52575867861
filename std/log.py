"""log/log.go (go1.27.0): simple logging, with Go's line format byte for byte.

A ``Logger`` writes one line per call to an io.Writer (anything with
``Write(b) -> (n, err)``): a header chosen by its flags, then the message
formatted as fmt would, then a newline unless the message ends with one.
The header, in order: the prefix (unless ``Lmsgprefix`` moves it to just
before the message), the date ``2009/01/23`` (``Ldate``), the time
``01:23:23`` (``Ltime``; ``Lmicroseconds`` adds ``.123123``), in local time
unless ``LUTC``, then the caller's ``file:line: `` (``Llongfile`` the full
path, ``Lshortfile`` its last element). ``LstdFlags`` is ``Ldate | Ltime``.
One divergence: std.time has no Location yet (every Time is UTC), so the
date and time are UTC whether or not ``LUTC`` is set; on a machine whose
zone is UTC, as servers and containers usually are, that is Go's output.

The caller is found as Go's runtime.Caller finds it, by counting frames:
``Output(calldepth, s)`` names the frame ``calldepth`` levels above the one
that called Output (2 from the Print family means "whoever called Print"),
and the file is the Python source file.

``Fatal*`` write the line and then ``os.Exit(1)``: the process ends at
once and, as in Go, deferred work does not run. ``Panic*`` write the line
and then panic with the message (``rt.Panic(s)``, whose ``value`` is s, as
``recover()`` would return it in Go).

The standard logger (``Default()``, used by the package functions) writes
to the process's standard error: Python's ``sys.stderr``, as bytes, each
line flushed at once (Go's os.Stderr has no buffer). A Logger's writes are
serialised by its own mutex (a ``std.sync.Mutex``, so a goroutine blocked
on a slow network writer parks rather than blocking the thread); it works
inside ``rt.run`` and outside it alike.

Left out: ``init`` (it wires log/slog's default handler to this logger;
there is no log/slog here), ``getBuffer`` and ``putBuffer`` (a sync.Pool of
byte slices; Python builds each line in a new bytearray).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Final, NoReturn

from rt.panic import Panic as _Panic
from std import fmt, io, sync, time
from std import os as _os
from std.errors import error

__all__ = [
    "Default",
    "Fatal",
    "Fatalf",
    "Fatalln",
    "Flags",
    "LUTC",
    "Ldate",
    "Llongfile",
    "Lmicroseconds",
    "Lmsgprefix",
    "Logger",
    "Lshortfile",
    "LstdFlags",
    "Ltime",
    "New",
    "Output",
    "Panic",
    "Panicf",
    "Panicln",
    "Prefix",
    "Print",
    "Printf",
    "Println",
    "SetFlags",
    "SetOutput",
    "SetPrefix",
    "Writer",
]

Ldate: Final = 1 << 0
"""log.Ldate: the date in the local time zone: 2009/01/23."""
Ltime: Final = 1 << 1
"""log.Ltime: the time in the local time zone: 01:23:23."""
Lmicroseconds: Final = 1 << 2
"""log.Lmicroseconds: microsecond resolution, 01:23:23.123123 (implies Ltime)."""
Llongfile: Final = 1 << 3
"""log.Llongfile: the caller's full file name and line number: /a/b/c/d.py:23."""
Lshortfile: Final = 1 << 4
"""log.Lshortfile: the final file name element and line number: d.py:23 (wins over Llongfile)."""
LUTC: Final = 1 << 5
"""log.LUTC: with Ldate or Ltime, use UTC rather than the local time zone."""
Lmsgprefix: Final = 1 << 6
"""log.Lmsgprefix: put the prefix just before the message instead of at the line's start."""
LstdFlags: Final = Ldate | Ltime
"""log.LstdFlags: the standard logger's initial flags."""


class _stderr:
    """The process's standard error as an io.Writer (Go's os.Stderr, for the standard logger)."""

    def Write(self, b: Any) -> tuple[int, error | None]:
        data = bytes(b)
        try:
            out = getattr(sys.stderr, "buffer", None)
            if out is not None:
                out.write(data)
            else:
                sys.stderr.write(data.decode("utf-8", "replace"))
            sys.stderr.flush()
        except ValueError:  # closed
            return 0, _os.ErrClosed
        except OSError as e:
            from rt.sys_linux import Errno

            return 0, _os.NewSyscallError("write", Errno(e.errno or 5))
        return len(data), None


class Logger:
    """log.Logger: an io.Writer, a prefix and flags; see the module doc."""

    __slots__ = ("outMu", "out", "prefix", "flag", "isDiscard")

    def __init__(self) -> None:
        self.outMu = sync.Mutex()
        self.out: Any = None
        self.prefix = ""
        self.flag = 0
        self.isDiscard = False

    def SetOutput(self, w: Any) -> None:
        """log/log.go: Logger.SetOutput. The destination for later lines."""
        self.outMu.Lock()
        try:
            self.out = w
            self.isDiscard = w is io.Discard
        finally:
            self.outMu.Unlock()

    def Output(self, calldepth: int, s: str) -> error | None:
        """log/log.go: Logger.Output. Write s as one line, naming the caller calldepth frames up."""
        return self.output(calldepth + 1, lambda b: b + s.encode("utf-8", "surrogateescape"))

    def output(self, calldepth: int,
               appendOutput: Callable[[bytes], bytes | bytearray]) -> error | None:
        """log/log.go: Logger.output. Header, message, newline; one Write under outMu.

        (Go's pc argument, used by log/slog, is not needed here.)
        """
        if self.isDiscard:
            return None
        now = time.Now()  # before anything else, as Go
        prefix = self.Prefix()
        flag = self.Flags()
        file = ""
        line = 0
        if flag & (Lshortfile | Llongfile):
            try:
                frame = sys._getframe(calldepth)  # 0 is this frame, as Caller(0)
                file, line = frame.f_code.co_filename, frame.f_lineno
            except ValueError:
                file, line = "???", 0
        buf = bytearray()
        formatHeader(buf, now, prefix, flag, file, line)
        b = appendOutput(bytes(buf))
        if len(b) == 0 or b[-1:] != b"\n":
            b += b"\n"
        self.outMu.Lock()
        try:
            _, err = self.out.Write(b)
        finally:
            self.outMu.Unlock()
        return err  # type: ignore[no-any-return]

    def Print(self, *v: Any) -> None:
        """log/log.go: Logger.Print. Arguments as fmt.Print formats them."""
        self.output(2, lambda b: fmt.Append(b, *v))

    def Printf(self, format: str, *v: Any) -> None:
        """log/log.go: Logger.Printf. Arguments as fmt.Printf formats them."""
        self.output(2, lambda b: fmt.Appendf(b, format, *v))

    def Println(self, *v: Any) -> None:
        """log/log.go: Logger.Println. Arguments as fmt.Println formats them."""
        self.output(2, lambda b: fmt.Appendln(b, *v))

    def Fatal(self, *v: Any) -> NoReturn:
        """log/log.go: Logger.Fatal. Print, then os.Exit(1)."""
        self.output(2, lambda b: fmt.Append(b, *v))
        _os.Exit(1)

    def Fatalf(self, format: str, *v: Any) -> NoReturn:
        """log/log.go: Logger.Fatalf. Printf, then os.Exit(1)."""
        self.output(2, lambda b: fmt.Appendf(b, format, *v))
        _os.Exit(1)

    def Fatalln(self, *v: Any) -> NoReturn:
        """log/log.go: Logger.Fatalln. Println, then os.Exit(1)."""
        self.output(2, lambda b: fmt.Appendln(b, *v))
        _os.Exit(1)

    def Panic(self, *v: Any) -> NoReturn:
        """log/log.go: Logger.Panic. Print, then panic with the message."""
        s = fmt.Sprint(*v)
        self.output(2, lambda b: b + s.encode("utf-8", "surrogateescape"))
        raise _Panic(s)

    def Panicf(self, format: str, *v: Any) -> NoReturn:
        """log/log.go: Logger.Panicf. Printf, then panic with the message."""
        s = fmt.Sprintf(format, *v)
        self.output(2, lambda b: b + s.encode("utf-8", "surrogateescape"))
        raise _Panic(s)

    def Panicln(self, *v: Any) -> NoReturn:
        """log/log.go: Logger.Panicln. Println, then panic with the message."""
        s = fmt.Sprintln(*v)
        self.output(2, lambda b: b + s.encode("utf-8", "surrogateescape"))
        raise _Panic(s)

    def Flags(self) -> int:
        """log/log.go: Logger.Flags: the output flags (Ldate, Ltime, Lshortfile, ...) of the logger.
        """
        return self.flag

    def SetFlags(self, flag: int) -> None:
        """log/log.go: Logger.SetFlags: set the output flags (Ldate, Ltime, ...) of the logger; a
        non-int is a TypeError.
        """
        if not isinstance(flag, int) or isinstance(flag, bool):
            raise TypeError(f"log.SetFlags needs an int, not {type(flag).__name__}")
        self.flag = flag

    def Prefix(self) -> str:
        """log/log.go: Logger.Prefix: the prefix the logger writes at the start of each line (before
        the message with Lmsgprefix).
        """
        return self.prefix

    def SetPrefix(self, prefix: str) -> None:
        """log/log.go: Logger.SetPrefix: set the prefix written on each line; a non-str is a
        TypeError.
        """
        if not isinstance(prefix, str):
            raise TypeError(f"log.SetPrefix needs a str, not {type(prefix).__name__}")
        self.prefix = prefix

    def Writer(self) -> Any:
        """log/log.go: Logger.Writer: the io.Writer the logger writes to."""
        self.outMu.Lock()
        try:
            return self.out
        finally:
            self.outMu.Unlock()


def New(out: Any, prefix: str, flag: int) -> Logger:
    """log/log.go: New. A Logger writing to out with this prefix and these flags."""
    l = Logger()
    l.SetOutput(out)
    l.SetPrefix(prefix)
    l.SetFlags(flag)
    return l


std: Final = New(_stderr(), "", LstdFlags)


def Default() -> Logger:
    """log/log.go: Default. The standard logger the package functions use."""
    return std


def itoa(buf: bytearray, i: int, wid: int) -> None:
    """log/log.go: itoa. Decimal i, zero-padded to wid digits (wid < 1: no padding)."""
    s = str(i)
    if wid > len(s):
        s = "0" * (wid - len(s)) + s
    buf += s.encode()


def formatHeader(buf: bytearray, t: time.Time, prefix: str, flag: int, file: str,
                 line: int) -> None:
    """log/log.go: formatHeader. Prefix, date, time and file:line, as the flags say."""
    if flag & Lmsgprefix == 0:
        buf += prefix.encode("utf-8", "surrogateescape")
    if flag & (Ldate | Ltime | Lmicroseconds):
        if flag & LUTC:
            t = t.UTC()
        if flag & Ldate:
            year, month, day = t.Date()
            itoa(buf, year, 4)
            buf += b"/"
            itoa(buf, int(month), 2)
            buf += b"/"
            itoa(buf, day, 2)
            buf += b" "
        if flag & (Ltime | Lmicroseconds):
            hour, min, sec = t.Clock()
            itoa(buf, hour, 2)
            buf += b":"
            itoa(buf, min, 2)
            buf += b":"
            itoa(buf, sec, 2)
            if flag & Lmicroseconds:
                buf += b"."
                itoa(buf, t.Nanosecond() // 1000, 6)
            buf += b" "
    if flag & (Lshortfile | Llongfile):
        if flag & Lshortfile:
            i = file.rfind("/")
            if i > 0:
                file = file[i + 1:]
        buf += file.encode("utf-8", "surrogateescape")
        buf += b":"
        itoa(buf, line, -1)
        buf += b": "
    if flag & Lmsgprefix:
        buf += prefix.encode("utf-8", "surrogateescape")


def SetOutput(w: Any) -> None:
    """log/log.go: SetOutput. The standard logger's destination."""
    std.SetOutput(w)


def Flags() -> int:
    """log/log.go: Flags. The standard logger's flags."""
    return std.Flags()


def SetFlags(flag: int) -> None:
    """log/log.go: SetFlags. The standard logger's flags."""
    std.SetFlags(flag)


def Prefix() -> str:
    """log/log.go: Prefix. The standard logger's prefix."""
    return std.Prefix()


def SetPrefix(prefix: str) -> None:
    """log/log.go: SetPrefix. The standard logger's prefix."""
    std.SetPrefix(prefix)


def Writer() -> Any:
    """log/log.go: Writer. The standard logger's destination."""
    return std.Writer()


def Print(*v: Any) -> None:
    """log/log.go: Print. To the standard logger, as fmt.Print formats."""
    std.output(2, lambda b: fmt.Append(b, *v))


def Printf(format: str, *v: Any) -> None:
    """log/log.go: Printf. To the standard logger, as fmt.Printf formats."""
    std.output(2, lambda b: fmt.Appendf(b, format, *v))


def Println(*v: Any) -> None:
    """log/log.go: Println. To the standard logger, as fmt.Println formats."""
    std.output(2, lambda b: fmt.Appendln(b, *v))


def Fatal(*v: Any) -> NoReturn:
    """log/log.go: Fatal. Print, then os.Exit(1)."""
    std.output(2, lambda b: fmt.Append(b, *v))
    _os.Exit(1)


def Fatalf(format: str, *v: Any) -> NoReturn:
    """log/log.go: Fatalf. Printf, then os.Exit(1)."""
    std.output(2, lambda b: fmt.Appendf(b, format, *v))
    _os.Exit(1)


def Fatalln(*v: Any) -> NoReturn:
    """log/log.go: Fatalln. Println, then os.Exit(1)."""
    std.output(2, lambda b: fmt.Appendln(b, *v))
    _os.Exit(1)


def Panic(*v: Any) -> NoReturn:
    """log/log.go: Panic. Print, then panic with the message."""
    s = fmt.Sprint(*v)
    std.output(2, lambda b: b + s.encode("utf-8", "surrogateescape"))
    raise _Panic(s)


def Panicf(format: str, *v: Any) -> NoReturn:
    """log/log.go: Panicf. Printf, then panic with the message."""
    s = fmt.Sprintf(format, *v)
    std.output(2, lambda b: b + s.encode("utf-8", "surrogateescape"))
    raise _Panic(s)


def Panicln(*v: Any) -> NoReturn:
    """log/log.go: Panicln. Println, then panic with the message."""
    s = fmt.Sprintln(*v)
    std.output(2, lambda b: b + s.encode("utf-8", "surrogateescape"))
    raise _Panic(s)


def Output(calldepth: int, s: str) -> error | None:
    """log/log.go: Output. Write s to the standard logger as one line (see Logger.Output)."""
    return std.output(calldepth + 1, lambda b: b + s.encode("utf-8", "surrogateescape"))
