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
from typing import Any, Final, TypeVar

from rt import proc
from rt.runtime2 import g, m

R = TypeVar("R")


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
    __slots__ = ("gp", "fn", "args", "gen")

    def __init__(self, gp: g, fn: Callable[..., Any], args: tuple[Any, ...], gen: int) -> None:
        self.gp = gp
        self.fn = fn
        self.args = args
        self.gen = gen


class sparePool:
    """The spare Ms that run blocking calls for one rt.run."""

    def __init__(self) -> None:
        self.cond = threading.Condition(threading.Lock())
        self.jobs: deque[_job] = deque()
        self.idle = 0
        self.busy: set[threading.Thread] = set()
        self.threads: list[threading.Thread] = []
        self.stopping = False

    def submit(self, j: _job) -> None:
        """Queue a call; wake an idle M, or start one while under the cap."""
        with self.cond:
            self.jobs.append(j)
            if self.idle > 0:
                self.cond.notify()
                return
            if len(self.threads) >= maxBlockingThreads:
                return  # queued: the next M to finish takes it
            with proc.sched.lock:
                mp = m(proc.sched.mnext)
                proc.sched.mnext += 1
                proc.sched.nmsys += 1
                proc.allm.append(mp)
            t = threading.Thread(target=self.mstart, args=(mp,), daemon=True,
                                 name=f"rt-spare-m{mp.id}")
            mp.thread = t
            self.threads.append(t)
        t.start()

    def mstart(self, mp: m) -> None:
        """proc.go: mstart for a spare M: run blocking calls until told to stop."""
        me = threading.current_thread()
        while True:
            with self.cond:
                while not self.jobs and not self.stopping:
                    self.idle += 1
                    self.cond.wait()
                    self.idle -= 1
                if self.stopping:
                    return
                j = self.jobs.popleft()
                self.busy.add(me)
            try:
                res: tuple[bool, Any] = (True, j.fn(*j.args))
            except BaseException as e:  # handed to the goroutine, which re-raises it
                res = (False, e)
            with self.cond:
                self.busy.discard(me)
            proc.exitsyscall(j.gp, res, j.gen)
            del j, res

    def stop(self) -> None:
        """rt.run's teardown: stop idle Ms and join them; busy ones exit after their call."""
        with self.cond:
            self.stopping = True
            self.jobs.clear()
            self.cond.notify_all()
            idle = [t for t in self.threads if t not in self.busy]
        for t in idle:
            t.join()


_pool: sparePool | None = None


def _teardown() -> None:
    global _pool
    pool, _pool = _pool, None
    if pool is not None:
        pool.stop()


proc._teardownHooks.append(_teardown)


def blocking(fn: Callable[..., R], *args: Any) -> R:
    """runtime/cgocall.go: cgocall's entersyscallblock/exitsyscall, made explicit.

    Runs ``fn(*args)`` on a spare M while the calling goroutine waits (status
    "syscall"); other goroutines keep running. Returns fn's result or raises
    its exception in the calling goroutine.
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
        pool.submit(_job(gp, fn, args, gen))

    ok, v = proc.entersyscallblock(submit)
    if not ok:
        raise v
    return v  # type: ignore[no-any-return]
