"""runtime/cgocall.go (go1.27.0): blocking calls on spare Ms (``rt.blocking``).

Go runs every system call and C call through ``entersyscall``/``exitsyscall``:
if the call blocks, the P is handed to another M and other goroutines keep
running. A greenlet cannot move to another thread, so here the *call* moves
instead (ARCHITECTURE.md): ``rt.blocking(fn, *args)`` parks the calling G in
``_Gsyscall`` (``entersyscallblock``), a spare M (a worker thread) runs
``fn(*args)``, then ``exitsyscall`` puts the G on the global run queue and
wakes the sleeping M. ctypes and most blocking Python calls release the
GIL, so the call really runs beside the scheduler.

The cap. At most ``maxBlockingThreads`` calls run at once; more wait in
FIFO order for a free M. Go bounds the cgo calls that resolve names the same
way (net's ``acquireThread``, ``concurrentThreadsLimit``): 500, or fewer when
``RLIMIT_NOFILE`` is low, because every blocked call pins an OS thread and
usually a file descriptor; unbounded, a burst of slow lookups would exhaust
either. Threads are started on demand and stay for reuse until ``rt.run``
returns; then idle ones are stopped and joined. A call still running at
that point cannot be interrupted: its goroutine is unwound at once and the
thread exits as soon as the call returns, dropping the result.
"""

from __future__ import annotations

import resource
import threading
from collections import deque
from collections.abc import Callable
from typing import Any, Final, ParamSpec, TypeVar

from rt import proc
from rt.runtime2 import g, m

R = TypeVar("R")
P = ParamSpec("P")


def concurrentThreadsLimit() -> int:
    """net/rlimit_unix.go: concurrentThreadsLimit. min(500, RLIMIT_NOFILE - 30)."""
    try:
        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (OSError, ValueError):
        return 500
    if soft == resource.RLIM_INFINITY or soft > 500:
        return 500
    if soft > 30:
        return soft - 30
    return max(1, soft)


maxBlockingThreads: Final = concurrentThreadsLimit()


class _job:
    __slots__ = ("gp", "fn", "args", "kwargs", "gen")

    def __init__(self, gp: g, fn: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any], gen: int) -> None:
        self.gp = gp
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.gen = gen


class spareM:
    """One spare M: a thread, and the note it sleeps on while idle (Go's m.park)."""

    __slots__ = ("m", "note", "job")

    def __init__(self, mp: m) -> None:
        self.m = mp
        self.note = threading.Event()
        # The call handed to this M by submit while it slept (Go's m.nextp
        # handed over with notewakeup).
        self.job: _job | None = None


class sparePool:
    """The spare Ms that run blocking calls for one rt.run.

    ``midle`` is Go's idle M list: an M on it is asleep and owns nothing.
    ``submit`` takes an idle M *off the list* as it hands it a call (Go's
    mget in startm), so a burst of N calls never counts one sleeping M as
    free twice: each call gets an idle M or a new one, up to the cap, at once.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.jobs: deque[_job] = deque()  # calls waiting for an M (over the cap)
        self.midle: list[spareM] = []
        self.busy: set[threading.Thread] = set()
        self.threads: list[threading.Thread] = []
        self.stopping = False

    def submit(self, j: _job) -> None:
        """proc.go: startm's job. Hand the call to an idle M, or start one while under the cap."""
        with self.lock:
            if self.midle:
                sm = self.midle.pop()
                sm.job = j
                sm.note.set()  # notewakeup(&mp.park)
                return
            if len(self.threads) >= maxBlockingThreads:
                self.jobs.append(j)  # queued: the next M to finish takes it
                return
            with proc.sched.lock:
                mp = m(proc.sched.mnext)
                proc.sched.mnext += 1
                proc.sched.nmsys += 1
                proc.allm.append(mp)
            sm = spareM(mp)
            sm.job = j
            t = threading.Thread(target=self.mstart, args=(sm,), daemon=True,
                                 name=f"rt-spare-m{mp.id}")
            mp.thread = t
            self.threads.append(t)
            self.busy.add(t)
        t.start()

    def mstart(self, sm: spareM) -> None:
        """proc.go: mstart for a spare M: run blocking calls until told to stop."""
        proc.minitSignalMask()
        me = threading.current_thread()
        while True:
            j = sm.job
            sm.job = None
            if j is None:
                with self.lock:
                    if self.stopping:
                        self.busy.discard(me)
                        return
                    if self.jobs:
                        j = self.jobs.popleft()
                    else:
                        # stopm: onto the idle list, then sleep until handed a call.
                        self.busy.discard(me)
                        sm.note.clear()
                        self.midle.append(sm)
                if j is None:
                    sm.note.wait()
                    continue
            try:
                res: tuple[bool, Any] = (True, j.fn(*j.args, **j.kwargs))
            except BaseException as e:  # handed to the goroutine, which re-raises it
                res = (False, e)
            proc.exitsyscall(j.gp, res, j.gen)
            del j, res

    def stop(self) -> None:
        """rt.run's teardown: stop idle Ms and join them; busy ones exit after their call."""
        with self.lock:
            self.stopping = True
            self.jobs.clear()
            idle = [sm.m.thread for sm in self.midle]
            for sm in self.midle:
                sm.note.set()
            self.midle.clear()
        for t in idle:
            if t is not None:
                t.join()


_pool: sparePool | None = None


def _teardown() -> None:
    global _pool
    pool, _pool = _pool, None
    if pool is not None:
        pool.stop()


proc._teardownHooks.append(_teardown)


def blocking(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """runtime/cgocall.go: cgocall's entersyscallblock/exitsyscall, made explicit.

    Runs ``fn(*args, **kwargs)`` on a spare M while the calling goroutine
    waits (status "syscall"); other goroutines keep running. Returns fn's
    result or raises its exception in the calling goroutine. Concurrent
    calls run on as many spare Ms at once, up to ``maxBlockingThreads``.
    """
    global _pool
    if not callable(fn):
        raise TypeError(f"rt.blocking: fn must be callable, not {type(fn).__name__}")
    if proc.getg() is None:
        raise RuntimeError("rt.blocking must be called from a goroutine (inside rt.run)")
    pool = _pool
    if pool is None:
        pool = _pool = sparePool()
    gen = proc._generation

    def submit(gp: g) -> None:
        pool.submit(_job(gp, fn, args, kwargs, gen))

    ok, v = proc.entersyscallblock(submit)
    if not ok:
        raise v
    return v  # type: ignore[no-any-return]
