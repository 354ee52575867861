"""Go's runtime (go1.27.0) for Python: goroutines, channels, select, the scheduler.

``import rt`` gives what a Go program gets from the ``go`` statement, the
``runtime`` package, channels and ``select`` (API.md)::

    import rt

    def main() -> int:
        ch = rt.chan[int]()
        rt.go(ch.send, 42)
        return ch.recv()

    assert rt.run(main) == 42

Module map (one module per Go file): runtime2.py (g, m, p, schedt), proc.py
(the scheduler and rt.run), time.py (timers), chan.py, select.py, sema.py,
cgocall.py (rt.blocking), traceback.py (rt.Stack), panic.py (panics and
fatal errors), netpoll.py and netpoll_epoll.py (the network poller; its
counters are ``rt.ReadNetpollStats()``), sys_linux.py (the only FFI module).
"""

from __future__ import annotations

from rt import netpoll_epoll as _netpoll_epoll  # noqa: F401  (loaded now, not inside a goroutine)
from rt import sigqueue as _sigqueue  # noqa: F401  (registers its rt.run hooks)
from rt._version import __version__ as __version__
from rt.cgocall import blocking
from rt.chan import chanrecv1, chanrecv2, chansend1, closechan, hchan
from rt.netpoll import NetpollStats, ReadNetpollStats
from rt.panic import Error, FatalError, Panic, PanicNilError, panic
from rt.proc import GOMAXPROCS, Goexit, Gosched, NumCPU, NumGoroutine, go, run
from rt.select import recv, select, send
from rt.traceback import Stack

chan = hchan
"""``rt.chan[T](cap=0, zero=None)`` is Go's ``make(chan T, cap)``.

Generic to mypy and at run time: ``rt.chan[int](10)`` makes the same
object as ``rt.chan(10)``, and mypy then checks ``send``'s argument and
types what ``recv``, ``recv2`` and ``for v in ch`` give (a channel made
without ``[T]`` needs an annotation, ``ch: rt.chan[int] = rt.chan()``).
"""


__all__ = [
    "Error",
    "FatalError",
    "GOMAXPROCS",
    "Goexit",
    "Gosched",
    "NetpollStats",
    "NumCPU",
    "NumGoroutine",
    "Panic",
    "PanicNilError",
    "ReadNetpollStats",
    "Stack",
    "blocking",
    "chan",
    "chanrecv1",
    "chanrecv2",
    "chansend1",
    "closechan",
    "go",
    "hchan",
    "panic",
    "recv",
    "run",
    "select",
    "send",
]
