"""runtime/traceback.go (go1.27.0): goroutine dumps.

Prints what Go prints for each goroutine, with Python frames in place of Go
functions::

    goroutine 7 [chan receive]:
    mymod.worker(...)
    \t/path/mymod.py:12
    created by mymod.main in goroutine 1
    \t/path/mymod.py:20

The header word is the wait reason for a waiting G (``[IO wait]``,
``[sleep]``, ``[select]``) and the status otherwise (``[running]``,
``[runnable]``, ``[syscall]``), followed by ``, N minutes`` once a G has
waited a minute or more. Frames are innermost first, as in Go. Frames that
belong to the runtime itself (files under ``rt/``) are left out, as Go hides
``runtime.*`` frames at the default traceback level, so the first frame shown
is the user's call that blocked.
"""

from __future__ import annotations

import os
import sys
from types import FrameType

from rt import proc
from rt.runtime2 import (
    _Gsyscall,
    _Gwaiting,
    g,
    gStatusStrings,
    waitReasonString,
    waitReasonZero,
)

_rtdir = os.path.dirname(os.path.abspath(__file__)) + os.sep


def goroutineheader(gp: g) -> str:
    """runtime/traceback.go: goroutineheader."""
    status = gStatusStrings.get(gp.atomicstatus, "???")
    if gp.atomicstatus == _Gwaiting and gp.waitreason != waitReasonZero:
        status = waitReasonString(gp.waitreason)
    waitfor = 0
    if gp.atomicstatus in (_Gwaiting, _Gsyscall) and gp.waitsince != 0:
        waitfor = (proc.nanotime() - gp.waitsince) // 60_000_000_000
    s = f"goroutine {gp.goid} [{status}"
    if waitfor >= 1:
        s += f", {waitfor} minutes"
    return s + "]:"


def _frames(f: FrameType | None) -> list[str]:
    out: list[str] = []
    while f is not None:
        fn = f.f_code.co_filename
        if not os.path.abspath(fn).startswith(_rtdir):
            mod = f.f_globals.get("__name__", "?")
            out.append(f"{mod}.{f.f_code.co_qualname}(...)\n\t{fn}:{f.f_lineno}")
        f = f.f_back
    return out


def createdby(gp: g) -> str:
    """runtime/traceback.go: printcreatedby. "created by F in goroutine N" and its line."""
    if gp.gopc is None:
        return ""
    code, line, globs = gp.gopc
    s = f"created by {globs.get('__name__', '?')}.{code.co_qualname}"
    if gp.parentGoid != 0:
        s += f" in goroutine {gp.parentGoid}"
    return s + f"\n\t{code.co_filename}:{line}"


def goroutineTrace(gp: g, cur: FrameType | None) -> str:
    """runtime/traceback.go: one goroutine's header, frames and creator."""
    lines = [goroutineheader(gp)]
    gr = gp.sched
    if cur is not None:
        lines.extend(_frames(cur))
    elif gr is not None and not gr.dead and gr.gr_frame is not None:
        lines.extend(_frames(gr.gr_frame))
    elif gp.fn is not None:
        code = getattr(gp.fn, "__code__", None)
        mod = getattr(gp.fn, "__module__", "?")
        name = getattr(gp.fn, "__qualname__", repr(gp.fn))
        where = f"\n\t{code.co_filename}:{code.co_firstlineno}" if code is not None else ""
        lines.append(f"{mod}.{name}(...){where}")
    cb = createdby(gp)
    if cb:
        lines.append(cb)
    return "\n".join(lines)


def printpanicval(v: object) -> str:
    """runtime/error.go: printpanicval, with printpanics' choice. Error(), String(), or v itself.

    Go prints a value of a named non-basic type as "(T) address"; a Python
    object without either method prints as ``str(v)``.
    """
    if v is None:
        return "nil"
    for name in ("Error", "String"):
        m = getattr(v, name, None)
        if callable(m):
            try:
                return str(m())
            except Exception as e:  # Go: "panic: ... [recovered]" aside, a panicking method
                return f"{type(e).__name__}: {e}"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, BaseException):
        return f"{type(v).__name__}: {v}"
    return str(v)


def panicTrace(gp: g, exc: BaseException) -> str:
    """runtime/panic.go: printpanics and the panicking goroutine's traceback, for a fatal panic.

    "panic: VALUE", a blank line, then the goroutine as Go dumps it, with
    the frames the panic unwound through (innermost first, the runtime's
    own left out) and where the goroutine was created.
    """
    v = getattr(exc, "value", exc)
    frames: list[str] = []
    tb = exc.__traceback__
    while tb is not None:
        f = tb.tb_frame
        fn = f.f_code.co_filename
        if not os.path.abspath(fn).startswith(_rtdir):
            mod = f.f_globals.get("__name__", "?")
            frames.append(f"{mod}.{f.f_code.co_qualname}(...)\n\t{fn}:{tb.tb_lineno}")
        tb = tb.tb_next
    lines = [f"panic: {printpanicval(v)}", "", f"goroutine {gp.goid} [running]:"]
    lines.extend(reversed(frames))
    cb = createdby(gp)
    if cb:
        lines.append(cb)
    return "\n".join(lines) + "\n"


def tracebackothers(me: g | None) -> str:
    """runtime/traceback.go: tracebackothers. Every live goroutine, by id, blank-line separated."""
    out: list[str] = []
    for gp in sorted(proc.allgs.values(), key=lambda x: x.goid):
        cur = sys._getframe(2) if gp is me else None
        out.append(goroutineTrace(gp, cur))
    return "\n\n".join(out) + ("\n" if out else "")


def Stack(all: bool = False) -> str:
    """runtime/mprof.go: Stack. The calling goroutine's trace, or every goroutine's.

    Go's Stack fills a buffer and returns a length; here the text is returned.
    """
    me = proc.getg()
    if not all:
        if me is None:
            return ""
        return goroutineTrace(me, sys._getframe(1)) + "\n"
    if me is None:
        return tracebackothers(None)
    out = [goroutineTrace(me, sys._getframe(1))]
    for gp in sorted(proc.allgs.values(), key=lambda x: x.goid):
        if gp is not me:
            out.append(goroutineTrace(gp, None))
    return "\n\n".join(out) + "\n"
