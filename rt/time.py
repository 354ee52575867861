"""runtime/time.go (go1.27.0): runtime timers.

Every timed thing in the program — ``time.Sleep``, ``time.Timer`` and
``Ticker`` channels, ``AfterFunc``, and (with the netpoller) read and write
deadlines — is a ``timer`` in the heap of the P that armed it. There is no
timer thread. Due timers are run (``timers.check``) in exactly two places:

1. ``findRunnable``, on g0, at the top of each of its passes, so every
   time a goroutine parks, yields or exits; when it then finds nothing to
   run it sleeps in netpoll no longer than the earliest ``when`` left in
   the heap, so the next timer bounds the idle sleep (the netpoll delay).
2. ``poll_runtime_pollReset``, the ``prepare`` step of every FD Read,
   Write and Accept, in the goroutine doing that I/O, and only when the
   direction has a deadline armed. A goroutine whose syscalls keep
   succeeding does not pass through findRunnable until sysmon's
   preemption request reaches a safe point, and its own deadline must still
   expire on time (rt/netpoll.py's pollReset says more).

The heap is Go's 4-ary min-heap of ``timerWhen`` entries ordered by
``when``. Changing a timer that is already in a heap does not move it:
``modify`` marks it ``timerModified`` and ``stop`` marks it ``timerZombie``;
the owning P fixes up the heap lazily when the entry reaches the top
(``updateHeap``), when a modified timer became due earlier than the heap
knows (``adjust``), or when zombies exceed a quarter of the heap. So a
deadline that is pushed forward on every Read costs O(1), not a heap
operation. A timer's state bits::

    not heaped --maybeAdd--> timerHeaped
    timerHeaped --modify--> timerHeaped|timerModified  (heap entry's when is stale)
    timerHeaped --stop----> timerHeaped|timerModified|timerZombie
    top of heap, zombie   --updateHeap--> removed (not heaped)
    top of heap, modified --updateHeap--> re-sifted with the new when

Because of (2), a timer's function runs on g0 or on the stack of the
goroutine that is in pollReset; never in a goroutine of its own. Either is
safe because every timer function returns without blocking or parking:
``goroutineReady`` readies a sleeper, a channel timer's function does a
non-blocking send, ``AfterFunc``'s starts a goroutine, and the netpoller's
deadline functions mark the pollDesc expired and ready its waiters.

Channel timers keep Go 1.23's semantics: ``Stop`` and ``Reset`` bump the
timer's ``seq`` and drain the channel, so no stale value can be received
after they return, and ``len``/``cap`` of a timer channel read 0 (the
channel behaves as unbuffered). Divergence: Go keeps a channel timer out of
the heap until some goroutine blocks on its channel (so unreferenced timers
can be collected); here it is heaped when armed, which is observably the
same because of the drain on Stop/Reset.

Order: time.go's, within what Python allows: methods live in their class,
so ``timer`` comes first with its methods in time.go's order, then
``timers`` with its methods in time.go's order, then the functions in
time.go's order. Python-only helpers sit next to their users
(``_timerchandrain`` after ``timer``; ``timers.clear``, for rt.run's
teardown, after ``timers.__init__``).

Left out of time.go, and why:

* ``time_runtimeNow`` and ``time_runtimeNano``: std/time.py's ``Now`` and
  ``runtimeNano`` read the clocks themselves (``time.time_ns`` and this
  module's ``nanotime``).
* ``crypto_internal_fips140deps_time_monoTime``: there is no crypto package.
* ``time_runtimeIsBubbled``: there is no testing/synctest, so none of its
  fake time either (``isFake``, the ``rand`` tie-breaker, the bubble
  argument of ``check``, ``run`` and ``unlockAndRun``).
* ``timerWhen.less``: a heap entry is a two-item list ``[when, timer]``
  compared by ``when`` (no fake-time ties to break).
* ``timers.lock``, ``timers.unlock``, ``timer.lock`` and ``timer.unlock``:
  one P, and only M0 touches timers, so there is nothing to exclude (nor
  for the ``sendLock``).
* ``timer.trace``, ``timer.trace1`` and ``timers.trace``: timer debug
  tracing (Go's ``timerDebug``).
* ``timers.verify``: a heap check Go runs only with ``verifyTimers`` set.
* ``timer.hchan``: ``t.c`` is the channel itself, not an unsafe pointer.
* ``timers.take``: it moves a destroyed P's timers to another P; with one
  P none is destroyed.
* ``timers.updateMinWhenModified``: a CAS loop in Go, one comparison and
  store in ``timer.modify`` here.
* ``badTimer``: the checks that call it in Go throw in place.
* ``timer.maybeRunChan``, ``blockTimerChan`` and ``unblockTimerChan``:
  they keep a channel timer in a heap only while a goroutine is blocked on
  its channel; here a channel timer is heaped when armed (the divergence
  above), so there is nothing to add, run or remove when one blocks. The
  one place Go's rule shows, deadlock detection, asks
  ``timers.anyWaitedOn`` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from rt import proc
from rt import runtime2 as _r2
from rt.panic import throw
from rt.runtime2 import g, waitReasonSleep

if TYPE_CHECKING:
    from rt.chan import hchan
    from rt.runtime2 import p

timerHeaped: Final = 1
timerModified: Final = 2
timerZombie: Final = 4
maxWhen: Final = (1 << 63) - 1
timerHeapN: Final = 4

nanotime = proc.nanotime

TimerFunc = Callable[[Any, int, int], None]


class timer:
    """runtime/time.go: timer. Guarded by its owning P (one P: by M0)."""

    __slots__ = ("state", "isChan", "blocked", "when", "period", "f", "arg", "seq", "ts",
                 "isSending", "c")

    def __init__(self) -> None:
        self.state = 0
        self.isChan = False
        self.blocked = 0
        # When the timer fires, in nanotime; 0 means not pending.
        self.when = 0
        self.period = 0
        self.f: TimerFunc | None = None
        self.arg: Any = None
        # Opaque to timers: netpoll and channel timers use it to drop stale firings.
        self.seq = 0
        self.ts: timers | None = None
        self.isSending = 0
        self.c: hchan[Any] | None = None

    def init(self, f: TimerFunc, arg: Any) -> None:
        """runtime/time.go: timer.init."""
        self.f = f
        self.arg = arg

    def updateHeap(self) -> bool:
        """runtime/time.go: timer.updateHeap. Fix heap[0] if it is a zombie or modified."""
        ts = self.ts
        assert ts is not None
        if self.state & timerZombie:
            self.state &= ~(timerHeaped | timerZombie | timerModified)
            ts.zombies -= 1
            ts.deleteMin()
            return True
        if self.state & timerModified:
            self.state &= ~timerModified
            ts.heap[0][0] = self.when
            ts.siftDown(0)
            ts.updateMinWhenHeap()
            return True
        return False

    def stop(self) -> bool:
        """runtime/time.go: timer.stop. Returns whether the timer was pending."""
        pending = self.when > 0
        self.when = 0
        if pending and self.state & timerHeaped:
            assert self.ts is not None
            self.state |= timerModified
            if not self.state & timerZombie:
                self.state |= timerZombie
                self.ts.zombies += 1
        if self.isChan:
            self.seq += 1
            if self.c is not None and _timerchandrain(self.c):
                pending = True
        return pending

    def modify(self, when: int, period: int, f: TimerFunc | None, arg: Any, seq: int) -> bool:
        """runtime/time.go: timer.modify. (Re)arm; returns whether it was pending."""
        if when <= 0:
            throw("timer when must be positive")
        if period < 0:
            throw("timer period must be non-negative")
        self.period = period
        if f is not None:
            self.f = f
            self.arg = arg
            self.seq = seq
        wake = False
        pending = self.when > 0
        self.when = when
        ts = self.ts
        if self.state & timerHeaped:
            assert ts is not None
            self.state |= timerModified
            if self.state & timerZombie:
                ts.zombies -= 1
                self.state &= ~timerZombie
            mn = ts.minWhenModified
            if mn == 0 or when < mn:
                wake = True
                ts.minWhenModified = when
        add = self.needsAdd()
        if self.isChan:
            # A stale value must not be received after Reset: a new sequence
            # number and an empty channel. A value still in the channel was
            # never received, so (channels being unbuffered in spirit) the
            # timer counts as still pending.
            self.seq += 1
            if self.c is not None and _timerchandrain(self.c):
                pending = True
        if add:
            self.maybeAdd()
        if wake:
            proc.wakeNetPoller(when)
        return pending

    def needsAdd(self) -> bool:
        """runtime/time.go: timer.needsAdd (without the lazy channel-timer rule)."""
        return not self.state & timerHeaped and self.when > 0

    def maybeAdd(self) -> None:
        """runtime/time.go: timer.maybeAdd. Into the current P's heap."""
        mp = proc.getm()
        if mp is None or mp.p is None:
            throw("timer armed outside the runtime")
            return
        ts = mp.p.timers
        ts.cleanHead()
        when = 0
        wake = False
        if self.needsAdd():
            self.state |= timerHeaped
            when = self.when
            wt = ts.wakeTime()
            wake = wt == 0 or when < wt
            ts.addHeap(self)
        if wake:
            proc.wakeNetPoller(when)

    def reset(self, when: int, period: int) -> bool:
        """runtime/time.go: timer.reset. modify keeping f, arg and seq."""
        return self.modify(when, period, None, None, 0)

    def unlockAndRun(self, now: int) -> None:
        """runtime/time.go: timer.unlockAndRun. Run heap[0], which is due."""
        f, arg, seq = self.f, self.arg, self.seq
        delay = now - self.when
        if self.period > 0:
            nxt = self.when + self.period * (1 + delay // self.period)
            if nxt > maxWhen:
                nxt = maxWhen
        else:
            nxt = 0
        self.when = nxt
        if self.state & timerHeaped:
            assert self.ts is not None
            self.state |= timerModified
            if nxt == 0:
                self.state |= timerZombie
                self.ts.zombies += 1
            self.updateHeap()
        if self.isChan and seq != self.seq:
            # Stopped or reset since we read it: the send is stale.
            return
        assert f is not None
        f(arg, seq, delay)


def _timerchandrain(c: hchan[Any]) -> bool:
    from rt.chan import timerchandrain

    return timerchandrain(c)


class timers:
    """runtime/time.go: timers. One P's 4-ary heap of [when, timer] entries."""

    __slots__ = ("heap", "zombies", "minWhenHeap", "minWhenModified", "pp")

    def __init__(self, pp: p | None = None) -> None:
        self.heap: list[list[Any]] = []
        self.zombies = 0
        self.minWhenHeap = 0
        self.minWhenModified = 0
        self.pp = pp

    def __len__(self) -> int:
        return len(self.heap)

    def clear(self) -> None:
        """Forget every timer (rt.run teardown)."""
        for tw in self.heap:
            t: timer = tw[1]
            t.state = 0
            t.ts = None
            t.when = 0
        self.heap = []
        self.zombies = 0
        self.minWhenHeap = 0
        self.minWhenModified = 0

    def addHeap(self, t: timer) -> None:
        """runtime/time.go: timers.addHeap."""
        t.ts = self
        self.heap.append([t.when, t])
        self.siftUp(len(self.heap) - 1)
        if self.heap[0][1] is t:
            self.updateMinWhenHeap()

    def deleteMin(self) -> None:
        """runtime/time.go: timers.deleteMin."""
        t: timer = self.heap[0][1]
        if t.ts is not self:
            throw("wrong timers")
        t.ts = None
        last = self.heap.pop()
        if self.heap:
            self.heap[0] = last
            self.siftDown(0)
        self.updateMinWhenHeap()
        if not self.heap:
            self.minWhenModified = 0

    def cleanHead(self) -> None:
        """runtime/time.go: timers.cleanHead. Drop zombies at the end and at the top."""
        while self.heap:
            t: timer = self.heap[-1][1]
            if t.state & timerZombie:
                self.heap.pop()
                t.state &= ~(timerHeaped | timerZombie | timerModified)
                t.ts = None
                self.zombies -= 1
                continue
            t = self.heap[0][1]
            if not t.state & (timerZombie | timerModified):
                return
            t.updateHeap()
        self.updateMinWhenHeap()

    def adjust(self, now: int, force: bool) -> None:
        """runtime/time.go: timers.adjust. Refresh modified entries, drop zombies, re-heap."""
        if not force:
            first = self.minWhenModified
            if first == 0 or first > now:
                return
        self.minWhenModified = 0
        changed = False
        heap = self.heap
        i = 0
        while i < len(heap):
            tw = heap[i]
            t: timer = tw[1]
            if t.state & timerZombie:
                last = heap.pop()
                if i < len(heap):
                    heap[i] = last
                t.state &= ~(timerHeaped | timerZombie | timerModified)
                t.ts = None
                self.zombies -= 1
                changed = True
                continue
            if t.state & timerModified:
                tw[0] = t.when
                t.state &= ~timerModified
                changed = True
            i += 1
        if changed:
            self.initHeap()
        self.updateMinWhenHeap()

    def wakeTime(self) -> int:
        """runtime/time.go: timers.wakeTime. Earliest known when; 0 if no timers."""
        a, b = self.minWhenHeap, self.minWhenModified
        if a == 0 or (b != 0 and b < a):
            return b
        return a

    def anyWaitedOn(self) -> bool:
        """Python only: whether a timer here would be in go1.27's heap, for checkdead.

        Go keeps a channel timer (time.NewTimer, NewTicker, After) in a heap
        only while a goroutine is blocked on its channel; here every armed
        timer is heaped (module doc). So checkdead asks this rather than
        ``wakeTime``: a pending func timer (AfterFunc, a deadline, Sleep)
        counts, a channel timer only while its channel has a receiver
        waiting. ``t := time.NewTimer(time.Hour); <-make(chan int)`` is
        then "all goroutines are asleep - deadlock!", as in Go.
        """
        for tw in self.heap:
            t: timer = tw[1]
            if t.when <= 0 or t.state & timerZombie:
                continue
            if not t.isChan:
                return True
            c = t.c
            if c is not None and c.recvq.first is not None:
                return True
        return False

    def check(self, now: int) -> tuple[int, int, bool]:
        """runtime/time.go: timers.check. Run due timers; return (now, next when, ran)."""
        nxt = self.wakeTime()
        if nxt == 0:
            return now, 0, False
        if now == 0:
            now = nanotime()
        force = self.zombies > len(self.heap) // 4
        if now < nxt and not force:
            return now, nxt, False
        pollUntil = 0
        ran = False
        if self.heap:
            self.adjust(now, False)
            while self.heap:
                tw = self.run(now)
                if tw != 0:
                    if tw > 0:
                        pollUntil = tw
                    break
                ran = True
            if self.zombies > len(self.heap) // 4:
                self.adjust(now, True)
        return now, pollUntil, ran

    def run(self, now: int) -> int:
        """runtime/time.go: timers.run. Run heap[0] if due: 0 if run, its when if not."""
        if not self.heap:
            return -1
        t: timer = self.heap[0][1]
        if not t.state & (timerModified | timerZombie) and t.when > now:
            return t.when
        if t.updateHeap():
            return 0
        if not t.state & timerHeaped or t.state & timerModified:
            throw("badTimer")
        if t.when > now:
            return t.when
        t.unlockAndRun(now)
        return 0

    def updateMinWhenHeap(self) -> None:
        """runtime/time.go: timers.updateMinWhenHeap."""
        self.minWhenHeap = self.heap[0][0] if self.heap else 0

    def siftUp(self, i: int) -> None:
        """runtime/time.go: timers.siftUp. 4-ary heap."""
        heap = self.heap
        tw = heap[i]
        when = tw[0]
        if when <= 0:
            throw("timer when must be positive")
        while i > 0:
            parent = (i - 1) // timerHeapN
            if when >= heap[parent][0]:
                break
            heap[i] = heap[parent]
            i = parent
        heap[i] = tw

    def siftDown(self, i: int) -> None:
        """runtime/time.go: timers.siftDown. 4-ary heap."""
        heap = self.heap
        n = len(heap)
        if i >= n:
            return
        tw = heap[i]
        when = tw[0]
        if when <= 0:
            throw("timer when must be positive")
        while True:
            c = i * timerHeapN + 1
            if c >= n:
                break
            best = c
            bw = heap[c][0]
            for k in range(c + 1, min(c + timerHeapN, n)):
                if heap[k][0] < bw:
                    best, bw = k, heap[k][0]
            if bw >= when:
                break
            heap[i] = heap[best]
            i = best
        heap[i] = tw

    def initHeap(self) -> None:
        """runtime/time.go: timers.initHeap."""
        for i in range((len(self.heap) - 1) // timerHeapN, -1, -1):
            self.siftDown(i)


# ---------------------------------------------------------------------------
# time.Sleep and the time package's timers.


def timeSleep(ns: int) -> None:
    """runtime/time.go: timeSleep. time.Sleep(ns): park with reason "sleep"; ns <= 0 returns."""
    if proc.preemptRequested:  # a safe point: proc.py, design rule 5
        proc.newstack()
    if ns <= 0:
        return
    gp = proc.getg()
    if gp is None:
        raise RuntimeError("time.Sleep must be called from a goroutine (inside rt.run)")
    t = gp.timer
    if t is None:
        t = timer()
        t.init(goroutineReady, gp)
        gp.timer = t
    when = nanotime() + ns
    if when > maxWhen:
        when = maxWhen
    gp.sleepWhen = when
    proc.gopark(resetForSleep, None, waitReasonSleep)


def resetForSleep(gp: g, _: Any) -> bool:
    """runtime/time.go: resetForSleep. Arm the sleep timer only once the G is parked."""
    assert gp.timer is not None
    gp.timer.reset(gp.sleepWhen, 0)
    return True


class timeTimer(timer):
    """runtime/time.go: timeTimer. The runtime half of time.Timer/Ticker."""

    __slots__ = ("init_",)

    def __init__(self) -> None:
        super().__init__()
        self.init_ = False


def newTimer(when: int, period: int, f: TimerFunc, arg: Any, c: hchan[Any] | None) -> timeTimer:
    """runtime/time.go: newTimer (time.newTimer). c, if given, becomes a timer channel."""
    if proc.getm() is None:
        raise RuntimeError("timers need a running runtime (call inside rt.run)")
    if proc.preemptRequested:
        proc.newstack()
    t = timeTimer()
    t.init(f, arg)
    if c is not None:
        t.isChan = True
        t.c = c
        c.timer = t
    t.init_ = True
    if when > 0:
        t.modify(when, period, f, arg, 0)
    return t


def stopTimer(t: timeTimer) -> bool:
    """runtime/time.go: stopTimer (time.Timer.Stop)."""
    if proc.preemptRequested:
        proc.newstack()
    return t.stop()


def resetTimer(t: timeTimer, when: int, period: int) -> bool:
    """runtime/time.go: resetTimer (time.Timer.Reset)."""
    if proc.preemptRequested:
        proc.newstack()
    return t.reset(when, period)


def goroutineReady(arg: Any, seq: int, delay: int) -> None:
    """runtime/time.go: goroutineReady."""
    proc.goready(arg)


def timeSleepUntil() -> int:
    """runtime/time.go: timeSleepUntil. Earliest wake time across all Ps."""
    nxt = maxWhen
    for pp in proc.allp:
        w = pp.timers.wakeTime()
        if w != 0 and w < nxt:
            nxt = w
    return nxt


# ---------------------------------------------------------------------------
# C twins of timer.modify and timers.check (rt/_time.c; rt/runtime2.py's last
# section says how twins are bound): method descriptors made for the classes,
# in place of the Python methods, which stay in ``pyTwins`` (keyed
# "class.method") as the reference.

pyTwins: Final[dict[str, Callable[..., Any]]] = {"timers.check": timers.check,
                                                 "timer.modify": timer.modify}
if _r2._c is not None:
    for _name, _method in _r2._c.bind_time(globals()).items():
        _cls, _meth = _name.split(".")
        setattr(globals()[_cls], _meth, _method)
