"""runtime/runtime2.go (go1.27.0): the scheduler's data structures.

Nothing here runs; this module only declares what the rest of the runtime
moves around:

* ``g``: a goroutine. Its ``atomicstatus`` walks the G state machine below.
  Its stack is a greenlet (``g.sched``), created the first time an M runs it
  (ARCHITECTURE.md: an unstarted G can go anywhere; a started one is pinned
  to the thread that started it).
* ``m``: an OS thread. ``m.g0`` is the thread's scheduler greenlet: parking a
  G means switching to g0, and g0 picks the next G.
* ``p``: a scheduling context: the 256-slot local run queue plus ``runnext``
  and the per-P timer heap. An M must hold a P to run Go code.
* ``schedt``: the one global ``sched``: the global run queue, idle lists,
  counters, ``lastpoll``/``pollUntil`` for the netpoller.
* ``sudog``: a G waiting on a channel or semaphore, with the value slot.

G status machine (``atomicstatus``), as in Go::

    _Gidle -> _Gdead -> _Grunnable <-> _Grunning -> _Gdead
                             ^            |   \\
                             |            v    `-> _Gsyscall (rt.blocking)
                             `------- _Gwaiting        |
                             ^                         |
                             `-------------------------'

A G is ``_Grunnable`` exactly while it sits in a run queue (runnext, the
local ring or the global queue); ``_Gwaiting`` while something else (a
channel's wait queue, a timer, a semaphore, the netpoller) holds the only
reference that will ready it; ``_Gsyscall`` while a spare M runs a blocking
call on its behalf (``rt.blocking``).

Python differences: pointers become references, ``guintptr`` and friends
become plain attributes, and ``gQueue``/``gList`` are intrusive lists through
``g.schedlink`` exactly as in Go, so moving a G between queues allocates
nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import CodeType
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from greenlet import greenlet

    from rt.time import timer, timers

# G status constants (atomicstatus), runtime2.go.
_Gidle: Final = 0
_Grunnable: Final = 1
_Grunning: Final = 2
_Gsyscall: Final = 3
_Gwaiting: Final = 4
_Gmoribund_unused: Final = 5
_Gdead: Final = 6
_Genqueue_unused: Final = 7
_Gcopystack: Final = 8
_Gpreempted: Final = 9
_Gleaked: Final = 10
_Gdeadextra: Final = 11
_Gscan: Final = 0x1000

# gStatusStrings (traceback.go): the header word when no wait reason applies.
gStatusStrings: Final[dict[int, str]] = {
    _Gidle: "idle",
    _Grunnable: "runnable",
    _Grunning: "running",
    _Gsyscall: "syscall",
    _Gwaiting: "waiting",
    _Gdead: "dead",
    _Gcopystack: "copystack",
    _Gleaked: "leaked",
    _Gpreempted: "preempted",
    _Gdeadextra: "waiting for cgo callback",
}

# P status constants.
_Pidle: Final = 0
_Prunning: Final = 1
_Psyscall_unused: Final = 2
_Pgcstop: Final = 3
_Pdead: Final = 4

# waitReason values in go1.27.0's iota order, and their strings.
_waitReasonStrings: Final[tuple[str, ...]] = (
    "",  # waitReasonZero
    "GC assist marking",
    "IO wait",
    "dumping heap",
    "garbage collection",
    "garbage collection scan",
    "panicwait",
    "GC assist wait",
    "GC sweep wait",
    "GC scavenge wait",
    "finalizer wait",
    "force gc (idle)",
    "GOMAXPROCS updater (idle)",
    "semacquire",
    "sleep",
    "chan receive (nil chan)",
    "chan send (nil chan)",
    "select (no cases)",
    "select",
    "chan receive",
    "chan send",
    "sync.Cond.Wait",
    "sync.Mutex.Lock",
    "sync.RWMutex.RLock",
    "sync.RWMutex.Lock",
    "sync.WaitGroup.Wait",
    "trace reader (blocked)",
    "wait for GC cycle",
    "GC worker (idle)",
    "GC worker (active)",
    "preempted",
    "debug call",
    "GC mark termination",
    "stopping the world",
    "flushing proc caches",
    "trace goroutine status",
    "trace proc status",
    "page trace flush",
    "coroutine",
    "GC weak to strong wait",
    "synctest.Run",
    "synctest.Wait",
    "chan receive (durable)",
    "chan send (durable)",
    "select (durable)",
    "sync.WaitGroup.Wait (durable)",
    "cleanup wait",
)

waitReasonZero: Final = 0
waitReasonIOWait: Final = 2
waitReasonPanicWait: Final = 6
waitReasonSemacquire: Final = 13
waitReasonSleep: Final = 14
waitReasonChanReceiveNilChan: Final = 15
waitReasonChanSendNilChan: Final = 16
waitReasonSelectNoCases: Final = 17
waitReasonSelect: Final = 18
waitReasonChanReceive: Final = 19
waitReasonChanSend: Final = 20
waitReasonSyncCondWait: Final = 21
waitReasonSyncMutexLock: Final = 22
waitReasonSyncRWMutexRLock: Final = 23
waitReasonSyncRWMutexLock: Final = 24
waitReasonSyncWaitGroupWait: Final = 25
waitReasonCleanupWait: Final = 46


def waitReasonString(w: int) -> str:
    """runtime2.go: waitReason.String. Out-of-range values read "unknown wait reason"."""
    if 0 <= w < len(_waitReasonStrings):
        return _waitReasonStrings[w]
    return "unknown wait reason"


def isChanWait(w: int) -> bool:
    """runtime2.go: waitReason.isChanWait."""
    return w in (waitReasonSelect, waitReasonChanReceive, waitReasonChanSend)


def isMutexWait(w: int) -> bool:
    """runtime2.go: waitReason.isMutexWait."""
    return w in (waitReasonSyncMutexLock, waitReasonSyncRWMutexRLock, waitReasonSyncRWMutexLock)


class g:
    """runtime2.go: g. One goroutine.

    Fields are touched only by the M that owns the G's P, except
    ``atomicstatus``/``schedlink``/``param`` of a G in ``_Gsyscall``, which the
    spare M finishing its blocking call sets under ``sched.lock`` before it
    puts the G on the global run queue.
    """

    __slots__ = (
        "goid", "atomicstatus", "m", "sched", "param", "schedlink", "waitsince",
        "waitreason", "preempt", "parentGoid", "gopc", "startpc", "fn", "args",
        "waiting", "timer", "sleepWhen", "selectDone", "result", "panicking",
        "__weakref__",
    )

    def __init__(self) -> None:
        self.goid = 0
        self.atomicstatus = _Gidle
        self.m: m | None = None
        # The goroutine's stack: a greenlet, created by execute on first run.
        self.sched: greenlet | None = None
        # Wake-up argument: the sudog that completed a channel op, or the
        # result of a blocking call.
        self.param: Any = None
        self.schedlink: g | None = None
        self.waitsince = 0
        self.waitreason = waitReasonZero
        self.preempt = False
        self.parentGoid = 0
        # Where the go statement was: the caller's code object, line and globals.
        self.gopc: tuple[CodeType, int, dict[str, Any]] | None = None
        self.startpc: Callable[..., Any] | None = None
        self.fn: Callable[..., Any] | None = None
        self.args: tuple[Any, ...] = ()
        self.waiting: sudog | None = None
        self.timer: timer | None = None
        self.sleepWhen = 0
        self.selectDone = 0
        self.result: Any = None
        self.panicking = False

    def __repr__(self) -> str:
        # What a goroutine dump's header says (traceback.go's goroutineheader):
        # the wait reason for a waiting G, its status otherwise.
        status = gStatusStrings.get(self.atomicstatus & ~_Gscan, "???")
        if self.atomicstatus == _Gwaiting and self.waitreason != waitReasonZero:
            status += f" ({waitReasonString(self.waitreason)})"
        return f"<g {self.goid} {status}>"


class note:
    """lock_futex.go: note. A one-shot sleep/wake flag for an M.

    ``notewakeup`` may come from any thread and before or after the sleep
    starts; a wakeup that lands first makes the next sleep return at once.
    Built on a plain lock used as a binary semaphore: cheaper than an Event,
    and a timed acquire in the main thread is interrupted by Ctrl-C.
    """

    __slots__ = ("_lock", "_mu", "_set")

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lock.acquire()
        self._mu = threading.Lock()
        self._set = False

    def notewakeup(self) -> None:
        """lock_futex.go: notewakeup."""
        with self._mu:
            if self._set:
                return
            self._set = True
        self._lock.release()

    def notetsleep(self, ns: int) -> bool:
        """lock_futex.go: notetsleep. Sleep until woken or ns pass (ns < 0: no limit)."""
        if ns < 0:
            ok = self._lock.acquire()
        else:
            ok = self._lock.acquire(timeout=ns / 1e9)
        if ok:
            with self._mu:
                self._set = False
        return ok

    def noteclear(self) -> None:
        """lock_futex.go: noteclear. Forget a pending wakeup."""
        with self._mu:
            if self._set:
                self._set = False
                self._lock.acquire()


class m:
    """runtime2.go: m. An OS thread: M0 runs goroutines, spare Ms run blocking calls."""

    __slots__ = ("id", "g0", "curg", "p", "nextp", "park", "spinning", "thread",
                 "mcallfn", "waitunlockf", "waitlock", "locks")

    def __init__(self, id: int) -> None:
        self.id = id
        self.g0: greenlet | None = None
        self.curg: g | None = None
        self.p: p | None = None
        self.nextp: p | None = None
        self.park = note()
        self.spinning = False
        self.thread: threading.Thread | None = None
        # gopark's callback and its argument, run by park_m on g0.
        self.waitunlockf: Callable[[g, Any], bool] | None = None
        self.waitlock: Any = None
        self.mcallfn: Callable[[g], g | None] | None = None
        self.locks = 0


class p:
    """runtime2.go: p. The run queues and timers one M needs to run Go code."""

    __slots__ = ("id", "status", "link", "schedtick", "m", "goidcache", "goidcacheend",
                 "runqhead", "runqtail", "runq", "runnext", "timers", "goroutinesCreated",
                 "stackcache", "sysmontick")

    def __init__(self, id: int) -> None:
        from rt.time import timers

        self.id = id
        self.status = _Pidle
        self.link: p | None = None
        self.schedtick = 0
        self.m: m | None = None
        self.goidcache = 0
        self.goidcacheend = 0
        # A ring of 256 slots, indexed by head/tail modulo its length, as Go's.
        self.runqhead = 0
        self.runqtail = 0
        self.runq: list[g | None] = [None] * 256
        self.runnext: g | None = None
        self.timers: timers = timers(self)
        self.goroutinesCreated = 0
        # Idle goroutine stacks (greenlets parked in _gostart) for reuse:
        # runtime/stack.go's per-P stackcache.
        self.stackcache: list[greenlet] = []
        # sysmon's last look at this P (read and written by sysmon only).
        self.sysmontick = sysmontick()


class sysmontick:
    """proc.go: sysmontick. What sysmon saw on a P the last time it looked.

    ``schedwhen`` is when sysmon first saw ``schedtick`` at its current value:
    the start (give or take one sysmon period) of the running G's time slice.
    ``preemptwhen`` (Python only) is when sysmon asked that G to yield, or 0;
    a G still running, unyielded, long after that is the one to report
    (proc.py's retake). What counts against it (Python only) is
    ``preemptran``, the time since the request summed over sysmon's looks
    that came on time (``preemptlook`` is the last one): a look that comes
    late means the whole process was stopped or starved (SIGSTOP, a stalled
    VM), not that the G refused to yield; and of each gap, only the CPU time
    the M's thread used (``preemptcpu`` is its CPU clock at the last look), or
    the whole gap if the thread was blocked in a call, so that time spent
    waiting for a CPU other processes held is not counted either. Go's syscall
    fields have no use here: no G runs a
    system call while holding the P (rt.blocking hands the call to a spare M).
    """

    __slots__ = ("schedtick", "schedwhen", "preemptwhen", "preemptlook", "preemptran",
                 "preemptcpu")

    def __init__(self) -> None:
        self.schedtick = -1
        self.schedwhen = 0
        self.preemptwhen = 0
        self.preemptlook = 0
        self.preemptran = 0
        self.preemptcpu = 0


class gQueue:
    """runtime2.go (proc.go): gQueue. A FIFO of Gs through g.schedlink, carrying its size."""

    __slots__ = ("head", "tail", "size")

    def __init__(self) -> None:
        self.head: g | None = None
        self.tail: g | None = None
        self.size = 0

    def empty(self) -> bool:
        """proc.go: gQueue.empty."""
        return self.head is None

    def push(self, gp: g) -> None:
        """proc.go: gQueue.push. Add at the head."""
        gp.schedlink = self.head
        self.head = gp
        if self.tail is None:
            self.tail = gp
        self.size += 1

    def pushBack(self, gp: g) -> None:
        """proc.go: gQueue.pushBack. Add at the tail."""
        gp.schedlink = None
        if self.tail is not None:
            self.tail.schedlink = gp
        else:
            self.head = gp
        self.tail = gp
        self.size += 1

    def pushBackAll(self, q: gQueue) -> None:
        """proc.go: gQueue.pushBackAll. Append all of q (q is left unchanged)."""
        if q.tail is None:
            return
        q.tail.schedlink = None
        if self.tail is not None:
            self.tail.schedlink = q.head
        else:
            self.head = q.head
        self.tail = q.tail
        self.size += q.size

    def pop(self) -> g | None:
        """proc.go: gQueue.pop. Remove from the head."""
        gp = self.head
        if gp is not None:
            self.head = gp.schedlink
            if self.head is None:
                self.tail = None
            gp.schedlink = None
            self.size -= 1
        return gp


class gList:
    """runtime2.go (proc.go): gList. A LIFO stack of Gs through g.schedlink."""

    __slots__ = ("head", "size")

    def __init__(self) -> None:
        self.head: g | None = None
        self.size = 0

    def empty(self) -> bool:
        """proc.go: gList.empty."""
        return self.head is None

    def push(self, gp: g) -> None:
        """proc.go: gList.push."""
        gp.schedlink = self.head
        self.head = gp
        self.size += 1

    def pop(self) -> g | None:
        """proc.go: gList.pop."""
        gp = self.head
        if gp is not None:
            self.head = gp.schedlink
            gp.schedlink = None
            self.size -= 1
        return gp


class sudog:
    """runtime2.go: sudog. A G on a wait queue, with the value it sends or receives."""

    __slots__ = ("g", "next", "prev", "elem", "c", "isSelect", "success", "ticket",
                 "waitlink", "caseIndex")

    def __init__(self, gp: g, elem: Any, c: Any) -> None:
        self.g = gp
        self.next: sudog | None = None
        self.prev: sudog | None = None
        # Value to send, or the received value after a wake-up.
        self.elem = elem
        self.c = c
        self.isSelect = False
        self.success = False
        self.ticket = 0
        # The next sudog of the same select (g.waiting list).
        self.waitlink: sudog | None = None
        self.caseIndex = 0


class schedt:
    """runtime2.go: schedt. The global scheduler state, ``sched``.

    ``lock`` guards the global run queue, the idle lists and the counters that
    spare Ms touch (``nGsyscall``). Everything else is touched only by Ms that
    hold a P.
    """

    __slots__ = ("goidgen", "lastpoll", "pollUntil", "pollingNet", "lock", "midle", "nmidle",
                 "mnext", "nmsys", "pidle", "npidle", "nmspinning", "runq", "nGsyscall",
                 "goroutinesCreated", "sysmonwait", "sysmonnote", "sysmonpoll")

    def __init__(self) -> None:
        self.goidgen = 0
        # nanotime of the last network poll; 0 while an M is blocked polling.
        self.lastpoll = 0
        # when the blocked poller will wake; 0 means never or nobody polls.
        self.pollUntil = 0
        self.pollingNet = 0
        self.lock = threading.Lock()
        self.midle: list[m] = []
        self.nmidle = 0
        self.mnext = 0
        self.nmsys = 0
        self.pidle: p | None = None
        self.npidle = 0
        self.nmspinning = 0
        self.runq = gQueue()
        # Goroutines whose blocking call runs on a spare M (Go's nGsyscallNoP
        # plays this role in checkdead's accounting).
        self.nGsyscall = 0
        self.goroutinesCreated = 0
        # sysmon's deep sleep (Go's sysmonwait/sysmonnote): set by sysmon when
        # it goes to sleep because the P is idle; whoever makes the P busy again
        # (the M returning from its network sleep) wakes it.
        self.sysmonwait = False
        self.sysmonnote = threading.Event()
        # Set by sysmon when nobody has polled the network for 10 ms while
        # goroutines wait on it; the M polls at its next findRunnable (Go's
        # sysmon polls itself, which a thread that owns no greenlets cannot).
        self.sysmonpoll = False


# ---------------------------------------------------------------------------
# The C twins (rt/_runtime.c, PEP 399).
#
# The Python functions of proc.py, netpoll.py, netpoll_epoll.py and
# poll/fd_unix.py are the reference. Where the extension was built, each of
# those modules ends by handing its globals to it and rebinding the names of
# the functions it twins (listed in each module's ``_twinned``); the twins
# read these classes' __slots__ through their member offsets, resolved here
# by name. GONET_PUREPY=1 (any value but 0) keeps the reference everywhere,
# as it does for rt/sys_linux.py's C half.


def _loadTwins() -> Any:
    import os

    if os.environ.get("GONET_PUREPY", "0") != "0":
        return None
    try:
        from rt import _runtime  # type: ignore[attr-defined]
    except ImportError:
        return None
    _runtime.bind_runtime2(globals())
    return _runtime


_c: Any = _loadTwins()
