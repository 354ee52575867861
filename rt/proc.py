"""runtime/proc.go (go1.27.0): goroutine scheduler.

Design rules (read these before changing anything here):

1. A G is a greenlet, an M is an OS thread, a P is the right to run Go code
   (ARCHITECTURE.md). Each M's own greenlet at the moment it starts is its
   g0; g0 runs the scheduler loop (``schedule``) and nothing else. A G
   leaves its stack only through ``mcall``: it records a function for g0
   to run on its behalf (``park_m``, ``gosched_m``, ``goexit0``,
   ``entersyscallblock_handoff``) and switches to g0. g0 runs that function,
   then picks the next G with ``findRunnable`` and switches to it with
   ``execute``. No scheduling decision is ever made on a G's own stack.
2. ``gopark``'s callback runs on g0 *after* the G has left its stack, so
   whatever it publishes ("the timer is armed", "the job is submitted")
   cannot ready the G before it is really parked.
3. One P, run by M0, the thread that called ``rt.run``. Go's shapes are kept
   (``allp``, ``sched.pidle``, per-P ring and ``runnext``, the global queue
   under ``sched.lock``) so more Ps can come later; ``GOMAXPROCS`` reports 1.
4. Other Ms are spare threads that run blocking calls for ``rt.blocking``
   (runtime/cgocall.go's role). They never run Go code; when a call
   finishes they put its G on the global run queue under ``sched.lock`` and
   wake the sleeping M (``wakeNetPoller``'s job).
5. Preemption at safe points, as Go before 1.14 (ARCHITECTURE.md). A
   greenlet cannot be interrupted, so a G runs until it parks, yields, exits
   or reaches a *safe point* while asked to yield. ``sysmon`` (a thread of
   its own) watches ``schedtick``, which counts time slices: a P whose tick
   has not moved for ``forcePreemptNS`` has had one G (or a chain of Gs
   handing the slice on through runnext) on it for 10 ms, and ``preemptone``
   asks that G to yield by setting ``gp.preempt`` and ``preemptRequested``
   (Go's ``stackguard0 = stackPreempt``). Every entry into the runtime (an
   FD syscall's pollReset, a channel operation, select, a timer call, a
   semaphore, ``go``, ``rt.blocking``) begins with the check
   ``if proc.preemptRequested: proc.newstack()``, the stand-in for the
   stack-bound check in every Go function prologue; ``newstack`` yields the G
   to the global run queue (``gopreempt_m``). A G that reaches no safe point
   for 50 ms after being asked (a pure-Python loop, a blocking call made
   without ``rt.blocking``) cannot be preempted: sysmon reports it once on
   stderr with its stack (what counts is the CPU time its thread used, or
   the time it sat blocked in a call; not time the process spent stopped,
   or waiting for a CPU that other processes held) (``GODEBUG=preemptreport=0`` silences the report,
   ``preemptreport=N`` reports after N ms instead).

The G state machine is described in runtime2.py. The life of a program
(``main`` below) differs from Go in one deliberate way (ARCHITECTURE.md):
when main returns, ``rt.run`` unwinds every goroutine still alive (their
``finally`` blocks run, and a runtime call made while unwinding fails at
once), stops the threads it started, and returns main's value.

Discussion: a greenlet can only be switched to on the thread that created
it, so Go's work stealing (``runqsteal``) can only ever move a G that has not
started yet. With one P there is nobody to steal from; ``stealWork`` is kept
as the place where that rule is enforced when Ps multiply.

Order. The functions follow proc.go's order (rt.run is Go's ``main``, at the
top; the run queues at the bottom), with the Python-only helpers next to
their users and the functions Go keeps elsewhere placed where proc.go calls
them: ``mcall`` (asm), ``newstack`` and ``_stackalloc`` (stack.go),
``Goexit`` (panic.go), ``_gostart`` (asm goexit), ``NumGoroutine`` and
``GOMAXPROCS`` (debug.go).

Left out of proc.go, and why:

* ``stopm``, ``startm``, ``handoffp``, ``mspinning``, ``resetspinning``,
  ``m.becomeSpinning``, ``mput``/``mget``, ``mgetSpecific``,
  ``pidleput``/``pidleget``, ``pidlegetSpinning``, ``newm``/``newm1``/
  ``mstart``/``allocm``/``mexit``, ``mPark``, ``mReserveID``,
  ``mcommoninit``, ``checkmcount``, ``mcount``, ``setMaxThreads``,
  ``usesLibcall``, ``mStackIsSystemAllocated``: with one P the M that holds
  it (M0) never gives it up, so no M is ever started, stopped or handed a P
  to run Go code. The spare Ms of ``rt.blocking`` run no Go code; their
  start, idle list and hand-off are rt/cgocall.py's ``sparePool``
  (``submit`` is startm's mget and notewakeup, ``mstart`` parks on the idle
  list as stopm does). The pool numbers its Ms from ``sched.mnext`` and caps
  them at ``concurrentThreadsLimit``, where Go has checkmcount's limit and
  debug.SetMaxThreads; their stacks are the Python threads' own.
* ``mstart0``, ``mstart1``, ``mstartm0``: M0's start is ``rt.run`` (Go's
  ``main`` above), which binds M0 and the P, runs the start hooks
  (rt/sigqueue.py's ``initsig``, mstartm0's job, is one of them) and calls
  ``schedule``.
* ``main_main``, ``doInit``, ``doInit1``, ``init``, ``os_beforeExit``,
  ``runExitHooks``, ``cpuinit``, ``getGodebugEarly``: start-up and exit
  belong to Python. ``rt.run`` is handed main rather than linked to
  main.main, modules initialise themselves on import, there are no exit
  hooks (no os.Exit) to run, no CPU features to probe, and GODEBUG is read
  from the environment when needed (``_godebugInt``). Of Go's two ``init``
  functions, one fills in the exit hooks' callbacks and the other starts
  forcegchelper.
* ``badmcall``, ``badmcall2``, ``badreflectcall``, ``badmorestackg0``,
  ``badmorestackgsignal``, ``badctxt``, ``switchToCrashStack``,
  ``switchToCrashStack0``: the assembly's crash paths for broken stack
  states (mcall on g0, or its function returning; a bad reflect call frame
  or closure context; a stack overflow on g0 or the signal stack). Python
  reports a too-deep stack as RecursionError, and ``schedule`` throws if a G
  comes back to g0 without mcall.
* ``entersyscall``/``reentersyscall``/``exitsyscallTryGetP``, ``save``,
  ``entersyscallHandleGCWait``,
  ``setBlockOnExitSyscall``, ``syscallingThread.gcstopP``,
  ``syscallingThread.takeP``, ``syscallingThread.releaseP``,
  ``syscallingThread.resume``: no G makes a system call while holding the P
  (network I/O parks in the poller, other calls go through rt.blocking,
  ``entersyscallblock``), so only the no-P exit path (``exitsyscall`` as
  ``exitsyscallNoP``) exists, and retake never finds a P in a system call
  to take.
* ``stopTheWorld``/``startTheWorld``/``forEachP``/``freezetheworld`` and
  the GC hooks, ``stopTheWorldGC``, ``startTheWorldGC``,
  ``stopTheWorldWithSema``, ``startTheWorldWithSema``, ``stwReason.String``,
  ``stwReason.isGC``, ``forEachPInternal``, ``runSafePointFn``,
  ``gcstopm``, ``checkIdleGCNoP``, ``schedEnableUser``, ``schedEnabled``,
  ``forcegchelper``, ``goschedIfBusy``, ``goschedguarded``,
  ``goschedguarded_m``, ``goroutineleakcount``: there is no garbage
  collector of ours to stop the world for, to run mark workers, to pause
  user goroutines or to find leaked ones (Python's collector needs none of
  this).
* ``readgstatus``, ``casfrom_Gscanstatus``, ``castogscanstatus``,
  ``casGToWaiting``, ``casGToWaitingForSuspendG``, ``casGToPreemptScan``,
  ``casGFromPreempted``: nothing scans or suspends a G, so there is no
  _Gscan bit to set or wait out, and no G is ever _Gpreempted (only
  asynchronous preemption makes one). The status is read as
  ``gp.atomicstatus`` and changed by ``casgstatus`` alone; gopark sets
  ``waitreason`` before park_m's casgstatus, which is casGToWaiting's job.
* ``runqsteal``/``runqgrab``/``runqdrain``, ``checkRunqsNoP``,
  ``checkTimersNoP``, ``pollWork``, ``m.snapshotAllp``,
  ``m.clearAllpSnapshot``, ``pMask.read``, ``pMask.set``, ``pMask.clear``,
  ``pMask.any``, ``pMask.resize``, ``randomOrder.reset``,
  ``randomOrder.start``, ``randomEnum.done``, ``randomEnum.next``,
  ``randomEnum.position``, ``gcd``: they serve Ps other than ours (stealing
  and its random order, the idle and timer P masks, the allp snapshot of
  an M that dropped its P).
* ``p.destroy``, ``globrunqputhead``, ``defaultGOMAXPROCSUpdateEnable``,
  ``updateMaxProcsGoroutine``, ``sysmonUpdateGOMAXPROCS``: GOMAXPROCS stays
  1 (``GOMAXPROCS`` accepts and ignores a new value), so procresize never
  removes a P (globrunqputhead's only caller is p.destroy) and nothing
  follows the CPU limit.
* ``LockOSThread``/``UnlockOSThread``, ``lockOSThread``, ``unlockOSThread``,
  ``dolockOSThread``, ``dounlockOSThread``, ``badunlockosthread``,
  ``lockedOSThread``, ``stoplockedm``, ``startlockedm``, ``incidlelocked``,
  ``startTemplateThread``, ``templateThread``: a greenlet runs only on the
  thread that made it, so every G is tied to M0 for life already; there is
  no other M to lock a G to or hand a locked G over to, and no locked
  thread to keep a clean template thread for.
* ``needm``/``dropm`` (cgo callbacks), ``needAndBindM``, ``cgoBindM``,
  ``newextram``, ``oneNewExtraM``, ``lockextra``, ``unlockextra``,
  ``getExtraM``, ``putExtraM``, ``addExtraM``, ``m.hasCgoOnStack``: there
  is no cgo, so no C thread ever calls into Go and needs an extra M.
* ``sigprof``, ``schedtrace``, ``setcpuprofilerate``, ``_System``,
  ``_ExternalCode``, ``_LostExternalCode``, ``_GC``,
  ``_LostSIGPROFDuringAtomic64``, ``_LostContendedRuntimeLock``, ``_VDSO``,
  ``mProfStackInit``, ``makeProfStackFP``, ``makeProfStack``,
  ``pprof_makeProfStack``, ``saveAncestors``, ``Breakpoint``: there is no
  CPU or memory profiler, scheduler trace, GODEBUG=tracebackancestors or
  breakpoint trap here; Python's own tools (cProfile, ``breakpoint()``)
  take their place.
* ``syscall_runtime_BeforeFork``, ``syscall_runtime_AfterFork``,
  ``syscall_runtime_AfterForkInChild``, ``syscall_runtime_BeforeExec``,
  ``syscall_runtime_AfterExec`` (the fork hooks): nothing here forks
  through package syscall; Python's subprocess forks and execs on its own.
* ``allgadd``, ``allGsSnapshot``, ``atomicAllG``, ``atomicAllGIndex``,
  ``forEachG``, ``forEachGRace``: ``allgs`` is a dict of the live Gs by
  goid; ``newproc1`` adds to it (allgadd's job), ``goexit0`` removes from
  it, and its few readers (checkdead, the teardown, rt/traceback.py) loop
  over ``allgs.values()``.
* ``gfput``/``gfget``/``gfpurge`` (the stack cache, ``p.stackcache``,
  plays their role), ``gList.pushAll`` (only the free-G lists and the GC
  use it), ``gQueue.popList`` (only the GC's queues use it), ``malg`` (a G
  is made by ``g()`` in newproc1 and gets its stack from ``_stackalloc`` at
  its first execute), ``acquireSudog``/``releaseSudog`` (Python allocates
  sudogs), ``parkunlock_c`` (runtime locks are no-ops with one P, so
  goparkunlock passes gopark no callback), ``preemptall`` (one P:
  ``preemptone``) and ``preemptPark`` (only asynchronous preemption uses
  it).
* ``procPin``, ``procUnpin``, ``sync_runtime_procPin``,
  ``sync_runtime_procUnpin``, ``sync_atomic_runtime_procPin``,
  ``sync_atomic_runtime_procUnpin``: only sync.Pool and sync/atomic's Value
  pin a G to its P, and std has neither.
* ``sync_runtime_canSpin``, ``sync_runtime_doSpin``,
  ``internal_sync_runtime_canSpin``, ``internal_sync_runtime_doSpin``:
  std/sync.py's Mutex never spins; with one P no other goroutine could
  release the lock meanwhile.
* Kept under other names, or written out where Go calls them: ``p.init``
  (``p``'s constructor in runtime2.py, which schedinit calls),
  ``acquirepNoTrace``/``wirep`` and ``releasepNoTrace`` (``acquirep`` and
  ``releasep`` do all of it; there is no execution tracer to split them
  for), ``entersyscallWakeSysmon`` (its body is ``sysmonwake``, which
  findRunnable calls when M0 wakes), ``addGSyscallNoP``/``decGSyscallNoP``
  (the ``sched.nGsyscall`` updates in entersyscallblock and exitsyscall;
  the field is Go's nGsyscallNoP), ``gcount`` (``NumGoroutine`` returns
  ``len(allgs)``; every G here is a user G) and ``getm`` (our ``getm``:
  this thread's M, or None; Go's exists for cgo's EnsureDropM).
"""

from __future__ import annotations

import atexit
import os
import random
import signal as _signal
import sys
import threading
import time as _time
from collections.abc import Callable
from types import CodeType, FrameType, TracebackType
from typing import Any, Final, NoReturn, Protocol, TypeVar, TypeVarTuple

from greenlet import greenlet

from rt import runtime2 as r2
from rt.panic import FatalError, Panic, fatal, throw
from rt.runtime2 import (
    _Gdead,
    _Grunnable,
    _Grunning,
    _Gsyscall,
    _Gwaiting,
    _Pidle,
    _Prunning,
    g,
    gQueue,
    m,
    p,
    schedt,
)

# rt.run's and rt.go's signatures: the arguments must fit the function, as
# they must in Go's ``go f(x)``; rt.run returns what main returns.
_T = TypeVar("_T")
_Ts = TypeVarTuple("_Ts")

_GoidCacheBatch: Final = 16
# How long a G may run before sysmon asks it to yield (proc.go).
forcePreemptNS: Final = 10_000_000

_tls = threading.local()

# The scheduler's globals, replaced wholesale by schedinit at each rt.run.
sched = schedt()
allp: list[p] = []
allm: list[m] = []
gomaxprocs = 1
mainStarted = False
# Live goroutines by goid (Go's allgs minus the dead ones).
allgs: dict[int, g] = {}
# Set while rt.run tears the program down: runtime calls that would park fail.
unwinding = False
# Python only: how many goroutines were still alive when the last rt.run's
# main returned (the teardown unwound them). Go simply exits; the test
# harness reports these as goroutines a test left behind.
lastRunLeftGoroutines = 0
# The first panic that escaped a goroutine: (g, exception).
_panicking: tuple[g, BaseException] | None = None
_maing: g | None = None
_mainDone = False
_runLock = threading.Lock()
_runThread: threading.Thread | None = None

# Hooks that later layers (the netpoller, spare Ms, signals) register to take
# part in start-up and teardown without proc.py importing them. Start hooks
# run on M0 before main starts; teardown hooks after every goroutine is gone.
_startHooks: list[Callable[[], None]] = []
_teardownHooks: list[Callable[[], None]] = []

# Go's ``gp.stackguard0 == stackPreempt`` for the G running on the P: set by
# sysmon's preemptone, tested at every safe point, cleared by execute. One
# flag is enough while one P runs Go code; ``gp.preempt`` says which G it was
# meant for.
preemptRequested = False


_goexited: Final = object()


class GoexitUnwind(BaseException):
    """runtime/panic.go: Goexit's unwinding, and rt.run's teardown unwinding.

    Raised inside a goroutine to run its ``finally`` blocks and end it. It
    derives from BaseException so that ``except Exception`` does not stop it.
    """


class UnwindingError(GoexitUnwind):
    """Raised by a runtime call that would park while rt.run is unwinding."""

    def __init__(self) -> None:
        super().__init__("rt: goroutine is being unwound because rt.run is returning")


def getg() -> g | None:
    """stubs.go: getg. The goroutine running on this thread, or None on g0/a foreign thread."""
    mp: m | None = getattr(_tls, "m", None)
    return None if mp is None else mp.curg


def setm(mp: m | None) -> None:
    """Bind mp to this thread, or unbind with None (Go keeps the M in thread-local storage).

    The C twins keep their own copy for the thread (rt/_runtime.c's getm).
    """
    _tls.m = mp
    if r2._c is not None:
        r2._c.setm(mp)


def getm() -> m | None:
    """The M of this thread, or None for a thread the runtime did not start."""
    return getattr(_tls, "m", None)


def _mustg() -> g:
    gp = getg()
    if gp is None:
        raise RuntimeError("rt: this call must be made from a goroutine (inside rt.run)")
    return gp


# runtime/time_nofake.go: nanotime. CLOCK_MONOTONIC in nanoseconds.
nanotime: Final[Callable[[], int]] = _time.monotonic_ns


class netpollHooks(Protocol):
    """The netpoller's entry points that findRunnable calls (runtime/netpoll.go).

    rt/netpoll.py registers itself in ``netpoller`` when it initialises; until
    then an idle M sleeps on its ``park`` note instead of in epoll.
    """

    def netpollAnyWaiters(self) -> bool: ...
    def netpoll(self, delay: int) -> tuple[r2.gList, int]: ...
    def netpollAdjustWaiters(self, delta: int) -> None: ...
    def netpollBreak(self) -> None: ...


netpoller: netpollHooks | None = None


# ---------------------------------------------------------------------------
# The program: rt.run (proc.go's main) and its teardown.


_generation = 0


def run(main: Callable[[*_Ts], _T], *args: *_Ts) -> _T:
    """proc.go: main (runtime.main). Run ``main(*args)`` as goroutine 1; return its value.

    The calling thread becomes M0 and its current greenlet M0's g0. When main
    returns, every goroutine still alive is unwound, every fd and thread the
    runtime owns is released, and the next rt.run starts clean. A panic that
    escapes any goroutine is raised here, with a note naming the goroutine
    and where it was created; a fatal error (deadlock) likewise.
    """
    global _runThread, mainStarted, _maing
    if not callable(main):
        raise TypeError(f"rt.run: main must be callable, not {type(main).__name__}")
    if getm() is not None:
        raise RuntimeError("rt.run called from inside a goroutine (rt.run does not nest)")
    if not _runLock.acquire(blocking=False):
        raise RuntimeError("rt.run: a runtime is already running in another thread")
    try:
        _runThread = threading.current_thread()
        schedinit()
        m0 = m(0)
        sched.mnext = 1
        m0.g0 = greenlet.getcurrent()
        m0.thread = threading.current_thread()
        allm.append(m0)
        setm(m0)
        acquirep(allp[0])
        try:
            for hook in list(_startHooks):
                hook()
            f = sys._getframe(1)
            _maing = newproc1(main, args, None, (f.f_code, f.f_lineno, f.f_globals), m0)
            assert m0.p is not None
            # Not into runnext: main starts a time slice of its own (Go's main
            # G never inherits one), so its first Gosched lets others run.
            runqput(m0.p, _maing, False)
            _startSysmon()
            mainStarted = True
            try:
                schedule()
            finally:
                _teardown()
            if _panicking is not None:
                gp, exc = _panicking
                _notePanic(gp, exc)
                raise exc
            result: _T = _maing.result  # main's return value (None after Goexit)
            return result
        except (KeyboardInterrupt, Panic, FatalError) as e:
            _endAsGo(e)
            raise
        finally:
            setm(None)
            _runThread = None
    finally:
        _runLock.release()


def _endAsGo(e: BaseException) -> None:
    """Python only: if nobody catches e, the program ends as Go's would (printpanics, exit).

    The exception leaves rt.run as it is, so a caller may catch it. If it
    reaches the interpreter uncaught, the hook installed here replaces
    Python's traceback with what Go prints and does:

    * a Ctrl-C nobody asked for (no signal.Notify): nothing; the process
      dies by SIGINT (status 130 in a shell), as Go's does;
    * an ``rt.Panic`` (``rt.panic(v)``, the runtime's and the library's own
      panics): "panic: " and the value as Go's printpanicval prints it, the
      panicking goroutine's stack in Go's form, and exit status 2;
    * an ``rt.FatalError`` (deadlock, unlock of an unlocked mutex): its
      text, "fatal error: ..." and the goroutine dump, and exit status 2.

    Any other exception (a Python error such as KeyError) keeps Python's
    traceback and status 1. ``GOTRACEBACK=python`` prints Python's
    traceback for Go's panics too.
    """
    e._rtUnhandled = True  # type: ignore[attr-defined]
    hook = sys.excepthook
    if getattr(hook, "_rtGoExit", False):
        return

    def goExit(typ: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
        if not getattr(value, "_rtUnhandled", False):
            hook(typ, value, tb)
            return
        if isinstance(value, KeyboardInterrupt):
            return  # Python then re-raises SIGINT on itself at exit
        if os.environ.get("GOTRACEBACK") == "python":
            hook(typ, value, tb)
        else:
            try:
                sys.stderr.write(getattr(value, "_rtGoText", None) or str(value) + "\n")
            except (OSError, ValueError):
                pass
        for f in (sys.stdout, sys.stderr):
            try:
                f.flush()
            except (OSError, ValueError, AttributeError):
                pass
        atexit._run_exitfuncs()
        os._exit(2)

    goExit._rtGoExit = True  # type: ignore[attr-defined]
    sys.excepthook = goExit


def _notePanic(gp: g, exc: BaseException) -> None:
    from rt.traceback import createdby, panicTrace

    if isinstance(exc, (KeyboardInterrupt, SystemExit)):
        return
    note = f"goroutine {gp.goid} [running]: this exception escaped it (Go's unrecovered panic)"
    cb = createdby(gp)
    if cb:
        note += "\n" + cb
    exc.add_note(note)
    if isinstance(exc, Panic):
        # What Go prints for it, should nobody catch it (_endAsGo).
        exc._rtGoText = panicTrace(gp, exc)  # type: ignore[attr-defined]


def _teardown() -> None:
    """Unwind every goroutine still alive, then run the layers' teardown hooks.

    Each started goroutine gets GoexitUnwind thrown in at the point where it
    parked, so its ``finally``/``with`` blocks run; while this goes on any
    runtime call that would park raises UnwindingError instead. Goroutines
    that never started are simply dropped. Gs in a blocking call are unwound
    too; their spare M drops the result when the call returns.
    """
    global unwinding, lastRunLeftGoroutines
    unwinding = True
    _stopSysmon()
    mp: m = _tls.m
    lastRunLeftGoroutines = sum(1 for gp in allgs.values() if gp.atomicstatus != _Gdead)
    try:
        for _ in range(3):
            live = sorted(allgs.values(), key=lambda x: x.goid)
            if not live:
                break
            for gp in live:
                gr = gp.sched
                if gp.atomicstatus == _Gdead:
                    continue
                if gr is None or gr.dead:
                    allgs.pop(gp.goid, None)
                    gp.atomicstatus = _Gdead
                    continue
                if gp.atomicstatus == _Gsyscall:
                    with sched.lock:
                        sched.nGsyscall -= 1
                gp.atomicstatus = _Grunning
                mp.curg = gp
                gp.m = mp
                try:
                    gr.throw(GoexitUnwind())
                except GoexitUnwind:
                    pass
                except BaseException as e:  # a finally block raised while unwinding
                    global _panicking
                    if _panicking is None and not isinstance(e, GoexitUnwind):
                        _panicking = (gp, e)
                mp.curg = None
                mp.mcallfn = None
                gp.atomicstatus = _Gdead
                allgs.pop(gp.goid, None)
        allgs.clear()
        # The cached stacks' greenlets wait in _gostart: unwind them too.
        for pp in allp:
            cache, pp.stackcache = pp.stackcache, []
            for gr in cache:
                if not gr.dead:
                    gr.throw(GoexitUnwind())
                    mp.mcallfn = None
    finally:
        for hook in list(_teardownHooks):
            hook()
        for pp in allp:
            pp.timers.clear()
            pp.runnext = None
            pp.runq = [None] * 256
            pp.runqhead = pp.runqtail = 0
        sched.runq = gQueue()

# ---------------------------------------------------------------------------
# Yielding and parking.


def Gosched() -> None:
    """proc.go: Gosched. Yield: the G goes to the global run queue."""
    mp: m | None = getattr(_tls, "m", None)
    if mp is None or mp.curg is None:
        _mustg()
        return
    if unwinding:
        raise UnwindingError()
    mp.mcallfn = gosched_m
    mp.g0.switch()  # type: ignore[union-attr]


def mcall(fn: Callable[[g], g | None]) -> None:
    """asm mcall: switch from the current G to g0 and run fn(G) there.

    fn returns a G to run at once (park_m's "the callback said no") or None
    to go back to ``schedule``. When this G is later resumed the switch
    returns here; if it is resumed by teardown the switch raises.
    """
    mp: m = _tls.m
    mp.mcallfn = fn
    g0 = mp.g0
    assert g0 is not None
    g0.switch()


def gopark(unlockf: Callable[[g, Any], bool] | None, lock: Any, reason: int) -> None:
    """proc.go: gopark. Park the current G with wait reason ``reason``.

    ``unlockf(gp, lock)`` runs on g0 once the G is off its stack; if it
    returns False the G is resumed at once.
    """
    if unwinding:
        raise UnwindingError()
    try:
        mp: m | None = _tls.m
    except AttributeError:
        mp = None
    if mp is None:
        raise RuntimeError("this call blocks, so it must be made from a goroutine "
                           "(inside rt.run), not from a plain thread")
    gp = mp.curg
    if gp is None:
        throw("gopark: not on a goroutine")
    assert gp is not None
    mp.waitunlockf = unlockf
    mp.waitlock = lock
    gp.waitreason = reason
    mcall(park_m)


def goparkunlock(lock: Any, reason: int) -> None:
    """proc.go: goparkunlock. Runtime locks are no-ops with one P; kept for the shape."""
    gopark(None, lock, reason)


def goready(gp: g) -> None:
    """proc.go: goready. Make gp, a waiting G, runnable; it runs next (runnext).

    Go switches to the system stack to call ready; here ready runs on
    whatever stack the caller is on, which no code in it depends on.
    """
    ready(gp, True)


# ---------------------------------------------------------------------------
# Start-up.


def schedinit() -> None:
    """proc.go: schedinit + procresize(1). Fresh scheduler state for one rt.run."""
    global sched, allp, allm, gomaxprocs, mainStarted, allgs, unwinding
    global _panicking, _maing, _mainDone, _generation
    _generation += 1
    sched = schedt()
    sched.lastpoll = nanotime()
    gomaxprocs = 1
    allp = [p(0)]
    allm = []
    allgs = {}
    mainStarted = False
    unwinding = False
    _panicking = None
    _maing = None
    _mainDone = False

# ---------------------------------------------------------------------------
# G status changes.


def ready(gp: g, next: bool) -> None:
    """proc.go: ready. Mark gp ready to run: waiting -> runnable, onto this P's run queue.

    ``next`` puts it in runnext (it runs as soon as the caller parks or
    yields, on the caller's time slice). From a thread without a P (a spare
    M, a plain thread) the G goes to the global queue and the sleeping M is
    woken (Python only: Go's ready always runs on an M that holds a P).
    """
    if gp.atomicstatus != _Gwaiting:
        if unwinding:
            # rt.run's teardown: a finally block woke a goroutine that is being
            # (or has been) unwound; there is nothing left to run.
            return
        dumpgstatus(gp)
        throw("bad g->status in ready")
    casgstatus(gp, _Gwaiting, _Grunnable)
    mp: m | None = getattr(_tls, "m", None)
    pp = None if mp is None else mp.p
    if pp is None:
        _readyFromOtherThread(gp)
        return
    runqput(pp, gp, next)
    wakep()
    if sched.lastpoll == 0:
        # This M is asleep in the poller (or about to be) and is readying a G
        # anyway: a Python signal handler runs on the main thread's current
        # stack, which here is g0 in netpoll. Break the sleep, or the G would
        # wait for an unrelated event. (Go's handlers never run Go code.)
        wakeNetPoller(0)



def _readyFromOtherThread(gp: g) -> None:
    with sched.lock:
        globrunqput(gp)
    wakeNetPoller(0)

def dumpgstatus(gp: g) -> None:
    """proc.go: dumpgstatus. The line Go prints before a status throw."""
    print(f"runtime:   gp: goid={gp.goid}, gp->atomicstatus={gp.atomicstatus}", file=sys.stderr)


def casgstatus(gp: g, oldval: int, newval: int) -> None:
    """proc.go: casgstatus. Move gp's status from oldval to newval.

    Go spins while a GC scan holds the status (the _Gscan bit); nothing
    scans here, so finding another status than oldval is a broken invariant
    and throws, with Go's texts where Go has one for the case.
    """
    if oldval == newval:
        print(f"runtime: casgstatus: oldval={oldval:#x} newval={newval:#x}", file=sys.stderr)
        throw("casgstatus: bad incoming values")
    cur = gp.atomicstatus
    if cur != oldval:
        if oldval == _Gwaiting and cur == _Grunnable:
            throw("casgstatus: waiting for Gwaiting but is Grunnable")
        dumpgstatus(gp)
        throw(f"casgstatus: status is {cur:#x}, want {oldval:#x}")
    gp.atomicstatus = newval


# ---------------------------------------------------------------------------
# Ms (one P: see the module docstring for stopm, startm and handoffp).


def wakep() -> None:
    """proc.go: wakep. Start a spinning M for an idle P, if any.

    With one P that is always running while Go code runs, there is never an
    idle P to hand out; the function is here so callers read as in Go.
    """
    if sched.npidle == 0:
        return

# ---------------------------------------------------------------------------
# The scheduler: execute, findRunnable, schedule, and how a G leaves its M.


def execute(gp: g, inheritTime: bool) -> None:
    """proc.go: execute. Run gp on this M until it comes back to g0 through mcall.

    Binds gp to the M, moves it runnable -> running, clears any preemption
    request, and counts a new time slice unless gp inherits the current one
    (it came from runnext). Its stack is made on its first run
    (``_stackalloc``): a greenlet is bound to the thread that starts it. Go's
    execute never returns (gogo jumps into the G); here the switch returns
    when the G parks, yields or exits, and ``schedule`` goes on from there.
    """
    global preemptRequested
    mp: m = _tls.m
    mp.curg = gp
    gp.m = mp
    casgstatus(gp, _Grunnable, _Grunning)
    gp.waitsince = 0
    gp.waitreason = r2.waitReasonZero
    gp.preempt = False
    preemptRequested = False
    pp = mp.p
    assert pp is not None
    if not inheritTime:
        pp.schedtick += 1
    gr = gp.sched
    if gr is None:
        gr = gp.sched = _stackalloc(pp)
        gr.switch(gp)
    else:
        gr.switch()



def findRunnable() -> tuple[g, bool]:
    """proc.go: findRunnable. Find a G to run; sleep until one can run; never give up.

    The order is Go's: due timers, the global queue on every 61st tick, the
    local queue, a batch from the global queue, a non-blocking netpoll when
    there are waiters, then (having found nothing) sleep until the next
    timer, a readied G from another thread or a network event. When nothing
    can ever wake us, ``checkdead`` ends the program.
    """
    mp: m = _tls.m
    pp = mp.p
    assert pp is not None
    ts = pp.timers
    if sched.sysmonpoll:
        sysmonNetpoll()
    while True:
        _, pollUntil, _ = ts.check(0)
        # Check the global queue once in a while, so that it is not starved.
        if pp.schedtick % 61 == 0 and sched.runq.size > 0:
            with sched.lock:
                gp = globrunqget()
            if gp is not None:
                return gp, False
        gp, inheritTime = runqget(pp)
        if gp is not None:
            return gp, inheritTime
        if sched.runq.size > 0:
            with sched.lock:
                gp, q = globrunqgetbatch(len(pp.runq) // 2)
            if gp is not None:
                runqputbatch(pp, q)
                if not q.empty():
                    throw("Couldn't put Gs into empty local runq")
                return gp, False
        # Non-blocking poll when goroutines wait on the network.
        # Discussion: Go polls without blocking here so that an M that found
        # network work keeps its P instead of handing it back; with one P
        # there is no other work to weigh it against, and the blocking poll
        # below returns at once when events are ready, so the extra
        # epoll_pwait is skipped (about 1 us and a syscall per wake-up from
        # idle; 1 connection x 64 B went from 31.7 to 27 us user CPU per
        # round trip in bench/echo).
        np = netpoller
        if (np is not None and gomaxprocs > 1 and np.netpollAnyWaiters()
                and sched.lastpoll != 0):
            lst, delta = np.netpoll(0)
            if not lst.empty():
                gp = lst.pop()
                assert gp is not None
                injectglist(lst)
                np.netpollAdjustWaiters(delta)
                gp.atomicstatus = _Grunnable
                return gp, False
            np.netpollAdjustWaiters(delta)
        # Nothing to run. Decide, under sched.lock, whether to sleep or die.
        with sched.lock:
            # Publish "polling" before the last look at the queues: a G
            # readied after that look (by a spare M, or by a signal handler
            # on this thread) sees lastpoll == 0 and breaks the sleep.
            sched.lastpoll = 0
            sched.pollUntil = pollUntil
            if sched.runq.size > 0 or not runqempty(pp):
                sched.lastpoll = nanotime()
                sched.pollUntil = 0
                continue
            waiters = np is not None and np.netpollAnyWaiters()
            # (Go's pollUntil counts only timers its heap holds: not a
            # channel timer nobody waits on; rt/time.py's anyWaitedOn.)
            if (sched.nGsyscall == 0 and not waiters
                    and (pollUntil == 0 or not pp.timers.anyWaitedOn())):
                checkdead()
        # Sleep until pollUntil (or until woken).
        delay = -1
        if pollUntil != 0:
            delay = max(0, pollUntil - nanotime())
        try:
            if np is not None:
                lst, delta = np.netpoll(delay)
                injectglist(lst)
                np.netpollAdjustWaiters(delta)
            else:
                mp.park.notetsleep(delay)
        finally:
            sched.pollUntil = 0
            sched.lastpoll = nanotime()
            if sched.sysmonwait:
                # The P is busy again: sysmon must watch it (Go wakes
                # sysmon from exitsyscall and startTheWorld the same way).
                sysmonwake()


def stealWork(now: int) -> tuple[g | None, bool, int, int, bool]:
    """proc.go: stealWork. Nothing to steal from with one P.

    When Ps multiply, only Gs whose greenlet has not started (``g.sched is
    None``) may be stolen: a started greenlet is bound to its thread.
    """
    return None, False, now, 0, False


def wakeNetPoller(when: int) -> None:
    """proc.go: wakeNetPoller. Wake the M sleeping for work if it would sleep past ``when``.

    ``when`` 0 means "now" (a G was readied from another thread). Until the
    netpoller arrives, the idle M sleeps on its ``park`` note; the netpoller
    replaces that with netpollBreak.
    """
    if sched.lastpoll == 0:
        pu = sched.pollUntil
        if when == 0 or pu == 0 or pu > when:
            _breakSleep()


def _breakSleep() -> None:
    np = netpoller
    if np is not None:
        np.netpollBreak()
        return
    if allm:
        allm[0].park.notewakeup()


def injectglist(glist: r2.gList) -> None:
    """proc.go: injectglist. Make every G of the list runnable and queue them.

    With a P: into its local ring (runqputbatch), the overflow to the global
    queue. Without one (a spare M): all to the global queue, and the sleeping
    M is woken. The list comes LIFO from netpoll, as in Go. Go first hands
    one G per idle P to the global queue and starts Ms for them; with one P
    there is never an idle one.
    """
    if glist.empty():
        return
    gp = glist.head
    tail = gp
    while gp is not None:
        tail = gp
        casgstatus(gp, _Gwaiting, _Grunnable)
        gp = gp.schedlink
    # Turn the gList into a gQueue.
    q = gQueue()
    q.head = glist.head
    q.tail = tail
    q.size = glist.size
    glist.head = None
    glist.size = 0
    mp = getm()
    pp = None if mp is None else mp.p
    if pp is None:
        with sched.lock:
            globrunqputbatch(q)
        wakeNetPoller(0)  # Go's startIdle: here, wake the M that has the P
        return
    runqputbatch(pp, q)
    if not q.empty():
        with sched.lock:
            globrunqputbatch(q)
    wakep()


def schedule() -> None:
    """proc.go: schedule. g0's loop: find a runnable G, execute it, handle how it came back.

    A G comes back to g0 only through ``mcall``, having left the function to
    run on its behalf in ``m.mcallfn`` (park_m, gosched_m, goexit0, ...).
    That function may hand back a G to run at once (park_m when the gopark
    callback said no), which keeps the time slice. Returns when the program
    is over: main returned, or a goroutine panicked.
    """
    mp: m = _tls.m
    while True:
        gp, inheritTime = findRunnable()
        while True:
            execute(gp, inheritTime)
            # Back on g0: the G parked, yielded or exited through mcall.
            fn = mp.mcallfn
            mp.mcallfn = None
            if fn is None:
                throw("schedule: goroutine switched to g0 without mcall")
                return
            nxt = fn(gp)
            if _panicking is not None or _mainDone:
                return
            if nxt is None:
                break
            gp, inheritTime = nxt, True


def dropg() -> None:
    """proc.go: dropg. Unlink this M and its current G, on g0, before the G waits or dies.

    The G keeps no M (``gp.m``) and the M no G (``m.curg``) until the next
    execute links them again.
    """
    mp: m = _tls.m
    gp = mp.curg
    if gp is not None:
        gp.m = None
    mp.curg = None



def park_m(gp: g) -> g | None:
    """proc.go: park_m. On g0: running -> waiting, then the gopark callback."""
    mp: m = _tls.m
    casgstatus(gp, _Grunning, _Gwaiting)
    gp.waitsince = nanotime()
    dropg()
    fn = mp.waitunlockf
    if fn is not None:
        lock = mp.waitlock
        mp.waitunlockf = None
        mp.waitlock = None
        if not fn(gp, lock):
            casgstatus(gp, _Gwaiting, _Grunnable)
            return gp  # Go: execute(gp, true), straight back into it
    return None


def gosched_m(gp: g) -> g | None:
    """proc.go: gosched_m/goschedImpl. running -> runnable, onto the global queue."""
    casgstatus(gp, _Grunning, _Grunnable)
    dropg()
    with sched.lock:
        globrunqput(gp)
    return None


def gopreempt_m(gp: g) -> g | None:
    """proc.go: gopreempt_m. A preempted G yields exactly as Gosched does: to the global queue.

    The global queue, not the local one, so that the G goes behind everything
    already runnable, including what the next findRunnable takes from the
    network (which sysmon may have asked it to poll).
    """
    return gosched_m(gp)


def newstack() -> None:
    """runtime/stack.go: newstack, its preemption half. Yield at a safe point if asked to.

    Called by every runtime entry when ``preemptRequested`` is set (Go's
    function prologue finds ``stackguard0 == stackPreempt`` and calls
    morestack, which calls newstack). On g0, in a foreign thread, or while
    rt.run tears the program down there is nothing to yield.
    """
    global preemptRequested
    mp: m | None = getattr(_tls, "m", None)
    if mp is None:
        return
    gp = mp.curg
    if gp is None or unwinding:
        return
    preemptRequested = False
    if not gp.preempt:
        return  # the request was for a G that has since yielded
    gp.preempt = False
    mp.mcallfn = gopreempt_m
    mp.g0.switch()  # type: ignore[union-attr]


def goyield() -> None:
    """proc.go: goyield. Like Gosched, but onto the local run queue's tail."""
    _mustg()
    if unwinding:
        raise UnwindingError()
    mcall(goyield_m)


def goyield_m(gp: g) -> g | None:
    """proc.go: goyield_m."""
    mp: m = _tls.m
    casgstatus(gp, _Grunning, _Grunnable)
    dropg()
    assert mp.p is not None
    runqput(mp.p, gp, False)
    return None


def Goexit() -> NoReturn:
    """runtime/panic.go: Goexit. End the calling goroutine after its finally blocks run.

    Goexit in the main goroutine does not end the program: the others keep
    running, and when none is left the program dies with Go's "no goroutines
    (main called runtime.Goexit) - deadlock!".
    """
    _mustg()
    raise GoexitUnwind()


# How many idle goroutine stacks (greenlets) a P keeps (runtime/stack.go's
# stackcache). Starting a fresh greenlet costs about 8 us here (CPython maps a
# new frame data-stack chunk for each), reusing one about 0.4 us; the cap
# bounds what a burst of goroutines leaves behind.
_stackCacheMax: Final = 256


def _gostart(gp: g) -> None:
    """asm goexit + proc.go goexit1: the bottom frame of every goroutine's greenlet.

    Runs the goroutine's function; when it returns (or is unwound by Goexit)
    the G dies on g0 (goexit0). The greenlet then waits in the P's stack cache
    and, when the next new G's first execute takes it, loops to run that G.
    Any other exception escaping the function is Go's unrecovered panic: it is
    recorded and the program ends.
    """
    global _panicking
    while True:
        fn = gp.fn
        assert fn is not None
        args: tuple[Any, ...] | None = None
        try:
            # Discussion: fn(*args) is a C-level call, which puts a second
            # interpreter frame on this greenlet's C stack; a plain call is
            # run inline by CPython 3.11's interpreter. Every switch saves the
            # C stack of the greenlet it leaves and restores it later, so the
            # shallower stack is copied twice per park: 370 bytes less per
            # copy, and 0.9 KB less RSS per idle connection (11.9 -> 11.0 KB
            # with a 4 KiB buffer, measured in-process with 2,000 connections).
            args = gp.args
            n = len(args)
            if n == 0:
                gp.result = fn()
            elif n == 1:
                gp.result = fn(args[0])
            elif n == 2:
                gp.result = fn(args[0], args[1])
            else:
                gp.result = fn(*args)
        except GoexitUnwind:
            if gp is _maing and not unwinding:
                # runtime.Goexit in main: the program goes on without it.
                gp.result = _goexited
        except BaseException as e:  # an unrecovered panic ends the program
            if _panicking is None:
                _panicking = (gp, e)
        # Nothing of this goroutine may stay alive in the cached greenlet's
        # frame (its arguments could be a connection).
        fn = args = None
        if gp is not _maing:
            gp.result = None
        mp: m = _tls.m
        mp.mcallfn = goexit0
        pp = mp.p
        assert pp is not None
        if unwinding or _panicking is not None or len(pp.stackcache) >= _stackCacheMax:
            return  # the greenlet ends here; g0 runs goexit0
        g0 = mp.g0
        assert g0 is not None
        try:
            # Park in the stack cache; execute resumes us with the next G.
            gp = g0.switch()
        except GoexitUnwind:
            return  # teardown empties the cache by unwinding it


def goexit0(gp: g) -> g | None:
    """proc.go: goexit0/gdestroy. On g0: the G is dead; its stack goes to the cache."""
    global _mainDone
    mp: m = _tls.m
    casgstatus(gp, _Grunning, _Gdead)
    dropg()
    gp.fn = None
    gp.args = ()
    gp.timer = None
    allgs.pop(gp.goid, None)
    if gp is _maing and gp.result is not _goexited:
        _mainDone = True
    gr = gp.sched
    gp.sched = None
    if gr is not None and not gr.dead:
        pp = mp.p
        assert pp is not None
        pp.stackcache.append(gr)  # stackfree
    return None

# ---------------------------------------------------------------------------
# Blocking calls on spare Ms (entersyscallblock / exitsyscall).


def entersyscallblock(submit: Callable[[g], None]) -> Any:
    """proc.go: entersyscallblock. Park the G in _Gsyscall while ``submit`` runs its call.

    ``submit(gp)`` is called on g0 once the G is off its stack; it must hand
    the call to a spare M, which calls ``exitsyscall(gp, result)`` when done.
    Returns the G's wake-up parameter (the call's outcome).
    """
    if unwinding:
        raise UnwindingError()
    mp: m = _tls.m
    gp = mp.curg
    assert gp is not None
    gp.param = None

    def handoff(gp: g) -> g | None:
        casgstatus(gp, _Grunning, _Gsyscall)
        gp.waitsince = nanotime()
        dropg()
        with sched.lock:
            sched.nGsyscall += 1
        submit(gp)
        return None

    mcall(handoff)
    v = gp.param
    gp.param = None
    return v


def exitsyscall(gp: g, result: Any, gen: int) -> None:
    """proc.go: exitsyscall (the no-P path, exitsyscallNoP). Called on a spare M.

    The G cannot run on this thread (its greenlet lives on M0), so it goes to
    the global run queue and the sleeping M is woken, as Go does when no P is
    free. ``gen`` is the rt.run generation the call started in: a call that
    outlives its program is dropped.
    """
    with sched.lock:
        if gen != _generation or gp.atomicstatus != _Gsyscall:
            return
        gp.param = result
        gp.atomicstatus = _Grunnable
        sched.nGsyscall -= 1
        globrunqput(gp)
    wakeNetPoller(0)

# ---------------------------------------------------------------------------
# Goroutine creation: the go statement.


def go(fn: Callable[[*_Ts], object], *args: *_Ts) -> None:
    """proc.go: newproc. ``go fn(args...)``: start fn(*args) in a new goroutine.

    The arguments are evaluated by the caller, as in Go. The new G goes into
    runnext, so it runs as soon as the caller parks or yields. Raises
    TypeError at the call site if fn is not callable.
    """
    if not callable(fn):
        raise TypeError(f"rt.go: fn must be callable, not {type(fn).__name__}")
    if preemptRequested:  # a safe point (design rule 5)
        newstack()
    newproc(fn, args, sys._getframe(1))


def newproc(fn: Callable[..., Any], args: tuple[Any, ...], f: FrameType) -> g:
    """proc.go: newproc. ``f`` is the frame of the go statement (Go's caller PC)."""
    mp: m | None = getattr(_tls, "m", None)
    if mp is None or mp.p is None:
        raise RuntimeError("rt.go: no runtime is running on this thread (call it inside rt.run)")
    if unwinding:
        raise UnwindingError()
    # Go records the go statement's PC; the code object, line and module are
    # the same fact, formatted only if a traceback asks (traceback.createdby).
    newg = newproc1(fn, args, mp.curg, (f.f_code, f.f_lineno, f.f_globals), mp)
    runqput(mp.p, newg, True)
    if mainStarted and sched.npidle:
        wakep()
    return newg


def newproc1(fn: Callable[..., Any], args: tuple[Any, ...], callergp: g | None,
             gopc: tuple[CodeType, int, dict[str, Any]] | None, mp: m) -> g:
    """proc.go: newproc1. Make a runnable G that will start at fn(*args).

    The G's stack (greenlet) is not made here but by its first execute,
    which takes one from the P's stack cache when it can.
    """
    pp = mp.p
    assert pp is not None
    newg = g()
    newg.fn = fn
    newg.args = args
    newg.startpc = fn
    newg.gopc = gopc
    newg.parentGoid = 0 if callergp is None else callergp.goid
    if pp.goidcache == pp.goidcacheend:
        # Reserve ids in batches, as Go does, so the global counter is
        # touched once per 16 goroutines.
        with sched.lock:
            sched.goidgen += _GoidCacheBatch
            pp.goidcache = sched.goidgen - _GoidCacheBatch + 1
            pp.goidcacheend = sched.goidgen + 1
    newg.goid = goid = pp.goidcache
    pp.goidcache = goid + 1
    newg.atomicstatus = _Grunnable
    pp.goroutinesCreated += 1
    allgs[goid] = newg
    return newg


def _stackalloc(pp: p) -> greenlet:
    """runtime/stack.go: stackalloc. A goroutine stack: a cached greenlet or a new one."""
    cache = pp.stackcache
    if cache:
        gr = cache.pop()
        # A new goroutine starts with no context variables, as on a new greenlet.
        gr.gr_context = None
        return gr
    return greenlet(_gostart, pp.m.g0 if pp.m is not None else None)

# ---------------------------------------------------------------------------
# P ownership.


def acquirep(pp: p) -> None:
    """proc.go: acquirep. Bind P to this M: idle -> running."""
    mp: m = _tls.m
    mp.p = pp
    pp.m = mp
    pp.status = _Prunning


def releasep() -> p:
    """proc.go: releasep. Unbind this M's P: running -> idle."""
    mp: m = _tls.m
    pp = mp.p
    assert pp is not None
    pp.m = None
    pp.status = _Pidle
    mp.p = None
    return pp

# ---------------------------------------------------------------------------
# Deadlock detection and sysmon, the monitor thread that needs no P.


def checkdead() -> None:
    """proc.go: checkdead. No G can ever run again: die with Go's message and a dump."""
    from rt.traceback import tracebackothers

    if sched.nGsyscall > 0:
        return
    for pp in allp:
        # Go: pp.timers.wakeTime() != 0, over a heap that holds channel
        # timers only while someone waits on them (rt/time.py says why).
        if pp.timers.anyWaitedOn():
            return
    for gp in allgs.values():
        s = gp.atomicstatus
        if s in (_Grunnable, _Grunning, _Gsyscall):
            if s == _Grunnable and (sched.runq.size or any(not runqempty(pp) for pp in allp)):
                # A signal handler readied it after findRunnable's last look;
                # the poll it is about to start will return at once.
                return
            print(f"runtime: checkdead: find g {gp.goid} in status {s}", file=sys.stderr)
            throw("checkdead: runnable g")
    waiting = [gp for gp in allgs.values() if gp.atomicstatus == _Gwaiting]
    if not waiting:
        fatal("no goroutines (main called runtime.Goexit) - deadlock!")
    try:
        fatal("all goroutines are asleep - deadlock!")
    except FatalError as e:
        e.dump = tracebackothers(None)
        e.args = (str(e.args[0]) + "\n\n" + e.dump,)
        raise


# sysmon's sleep between looks, in ns: Go starts at 20 us and doubles up to
# 10 ms once nothing has needed doing for 50 rounds. A Python thread that
# wakes needs the GIL, so the floor here is 1 ms; the ceiling is half Go's,
# so that a G is asked to yield 10-15 ms into its slice rather than 10-20
# (a preempted reader delays a ping on another connection by two slices:
# median 31 ms against 41 with Go's ceiling, in tests/net's saturation test).
sysmonDelayMin: Final = 1_000_000
sysmonDelayMax: Final = 5_000_000
# How long sysmon sleeps at most while the P is idle (Go: forcegcperiod/2),
# and how many looks in a row must find it idle first (about 0.1 s).
sysmonDeepSleepNS: Final = 60_000_000_000
sysmonIdleLooks: Final = 20
_sysmonThread: threading.Thread | None = None
_sysmonStop = False
# GODEBUG=preemptreport=N: report a G that ignores a preemption request for
# N ms (0: never). Read at each rt.run. The default, 50 ms, is well past a
# slice (10 ms) so that a handler that does a few tens of ms of pure-Python
# work, or a pause for the cycle collector, is preempted late but not named:
# the report is for a G that holds the P long enough to hurt every other one.
preemptReportDefaultMS: Final = 50
preemptReportNS = preemptReportDefaultMS * 1_000_000
# A look of sysmon's that comes later than this after the previous one was
# held up by more than its sleep and the GIL's hand-over (a few switch
# intervals): the process, not the G, was stopped. Set at each rt.run.
sysmonLateNS = sysmonDelayMax + 5 * 5_000_000
_preemptReported: set[int] = set()


def sysmon() -> None:
    """proc.go: sysmon. Watch the P from a thread of its own; preempt and poll on its behalf.

    Every round (1-5 ms apart, backing off as Go's does) sysmon asks M0 to
    poll the network if nobody has for 10 ms (``sched.sysmonpoll``) and
    calls ``retake``, which asks a G that has run for 10 ms to yield. While
    the P stays idle (M0 asleep in netpoll) there is nothing to watch, and
    sysmon sleeps on ``sched.sysmonnote`` until M0 wakes it.
    """
    minitSignalMask()
    idle = idleLooks = 0
    delay = 0
    note = sched.sysmonnote
    while not _sysmonStop:
        if idle == 0:
            delay = sysmonDelayMin
        elif idle > 50:
            delay *= 2
        if delay > sysmonDelayMax:
            delay = sysmonDelayMax
        note.wait(delay / 1e9)
        note.clear()
        if _sysmonStop:
            return
        if sched.lastpoll == 0:
            # The P's M sleeps in the network poller: nothing runs. After
            # sysmonIdleLooks such looks in a row (Go sleeps at the first; but
            # here the M's wake-up call is an Event.set of some microseconds,
            # which a server ping-ponging one connection would pay every few
            # round trips), sleep until the M wakes. Dekker's order (publish
            # sysmonwait, then look at lastpoll again; the M stores lastpoll,
            # then looks at sysmonwait) means one of the two sees the other.
            idleLooks += 1
            if idleLooks < sysmonIdleLooks:
                retake(nanotime())  # finds no G: the next slice starts afresh
                idle += 1
                continue
            sched.sysmonwait = True
            if sched.lastpoll == 0 and not _sysmonStop:
                note.wait(sysmonDeepSleepNS / 1e9)
                note.clear()
            sched.sysmonwait = False
            idle = idleLooks = 0
            continue
        idleLooks = 0
        now = nanotime()
        np = netpoller
        lastpoll = sched.lastpoll
        if (np is not None and lastpoll != 0 and lastpoll + 10_000_000 < now
                and np.netpollAnyWaiters()):
            sched.sysmonpoll = True
        if retake(now) != 0:
            idle = 0
        else:
            idle += 1


def sysmonNetpoll() -> None:
    """proc.go: sysmon's network duty, done by the M at sysmon's request.

    Go's sysmon polls the network itself when nobody has for 10 ms, so that
    goroutines which keep the run queues busy cannot starve network waiters.
    Here the readied Gs are greenlets of M0, which only M0 may touch, so
    sysmon sets ``sched.sysmonpoll`` and findRunnable calls this.
    """
    sched.sysmonpoll = False
    np = netpoller
    if np is None or not np.netpollAnyWaiters():
        return
    sched.lastpoll = nanotime()
    lst, delta = np.netpoll(0)
    if not lst.empty():
        injectglist(lst)
    np.netpollAdjustWaiters(delta)


def sysmonwake() -> None:
    """proc.go: the ``if sched.sysmonwait { ... notewakeup(&sched.sysmonnote) }`` step."""
    sched.sysmonwait = False
    sched.sysmonnote.set()


def retake(now: int) -> int:
    """proc.go: retake. Ask a G that has held the P for forcePreemptNS to yield.

    Returns how many Ps were retaken from system calls, which is always 0
    here (rt.blocking never holds the P), so preemption alone does not make
    sysmon poll faster, as in Go. A G that was asked and is still running,
    unyielded, ``preemptReportNS`` later cannot reach a safe point: it is
    reported once (``reportUnpreemptible``).
    """
    for pp in allp:
        mp = pp.m
        pd = pp.sysmontick
        gp = None if mp is None else mp.curg
        if pp.status != _Prunning or gp is None:
            # No G on the P: the next one starts a fresh time slice.
            pd.schedtick = -1
            pd.preemptwhen = 0
            continue
        t = pp.schedtick
        if pd.schedtick != t:
            pd.schedtick = t
            pd.schedwhen = now
            pd.preemptwhen = 0
            continue
        if pd.schedwhen + forcePreemptNS > now:
            continue
        assert mp is not None
        if pd.preemptwhen == 0 or not gp.preempt:
            if preemptone(pp):
                pd.preemptwhen = pd.preemptlook = now
                pd.preemptran = 0
                pd.preemptcpu = threadCPU(mp)
            continue
        # Asked and still running: count what the G did since the last look,
        # if that look was on time (sysmontick says why): the CPU time its
        # thread used, or the whole gap while the thread sat blocked in a
        # call (a sleep, a read); never time it waited for a CPU.
        gap = now - pd.preemptlook
        pd.preemptlook = now
        cpu = threadCPU(mp)
        ran = gap
        if cpu >= 0 and pd.preemptcpu >= 0:
            ran = min(gap, max(0, cpu - pd.preemptcpu))
            if ran < gap // 2 and threadBlocked(mp):
                ran = gap
        pd.preemptcpu = cpu
        if gap <= sysmonLateNS:
            pd.preemptran += ran
        if (preemptReportNS > 0 and pd.preemptran >= preemptReportNS
                and gp.goid not in _preemptReported):
            _preemptReported.add(gp.goid)
            reportUnpreemptible(gp, mp, now - pd.schedwhen)
    return 0


def preemptone(pp: p) -> bool:
    """proc.go: preemptone. Ask the G running on pp to yield at its next safe point."""
    global preemptRequested
    mp = pp.m
    if mp is None:
        return False
    gp = mp.curg
    if gp is None:
        return False
    gp.preempt = True
    preemptRequested = True
    return True


def threadCPU(mp: m) -> int:
    """The CPU time mp's thread has used, in ns; -1 if it cannot be read (Python only).

    clock_gettime on the thread's CPU clock: a call that keeps the GIL, so
    sysmon can take it while M0 spins without waiting for M0 to hand the
    GIL over again (a file read would release it and wait each time).
    """
    t = mp.thread
    if t is None or t.ident is None:
        return -1
    try:
        return _time.clock_gettime_ns(_time.pthread_getcpuclockid(t.ident))
    except (OSError, AttributeError):
        return -1


def threadBlocked(mp: m) -> bool:
    """Whether mp's thread is blocked in a system call (S or D in its Linux stat; Python only).

    Asked only when the thread used little CPU since the last look, to tell
    a call that blocks (a sleep, a read without rt.blocking: counted
    against the G) from a wait for a CPU other processes hold (not counted).
    A thread blocked in a call holds no GIL, so reading the file costs
    sysmon nothing. False where the file cannot be read.
    """
    t = mp.thread
    tid = None if t is None else t.native_id
    if tid is None:
        return False
    try:
        with open(f"/proc/self/task/{tid}/stat", "rb") as f:
            stat = f.read()
        i = stat.rindex(b")")
    except (OSError, ValueError):
        return False
    return stat[i + 2:i + 3] in (b"S", b"D")


def reportUnpreemptible(gp: g, mp: m, ran: int) -> None:
    """Say on stderr that gp cannot be preempted, with its stack (Python only).

    Go preempts such a G with a signal; a greenlet cannot be interrupted, so
    the most the runtime can do is name the culprit once.
    """
    from rt.traceback import goroutineTrace

    t = mp.thread
    frame = None if t is None or t.ident is None else sys._current_frames().get(t.ident)
    if mp.curg is not gp or frame is None:
        return
    msg = (f"rt: goroutine {gp.goid} has run for {ran // 1_000_000} ms without reaching a "
           "safe point, so it cannot be preempted: a loop that never calls into the runtime, "
           "or a blocking call made without rt.blocking. Other goroutines, timers and the "
           "network wait until it does (GODEBUG=preemptreport=0 silences this report).\n"
           + goroutineTrace(gp, frame) + "\n")
    try:
        sys.stderr.write(msg)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def minitSignalMask() -> None:
    """runtime/signal_unix.go: minitSignalMask, for a thread the runtime starts.

    Python runs signal handlers only on the main thread, and a signal the
    kernel delivers to another thread reaches the main thread only when it
    next runs Python code, which may be never while it sleeps in epoll. So
    runtime threads (sysmon, spare Ms) block the asynchronous signals, and
    the kernel delivers them to a thread that takes them (Go instead runs its
    handler on whichever thread the signal lands). Faults stay unblocked.
    """
    sigs = set(_signal.valid_signals()) - _syncSignals
    _signal.pthread_sigmask(_signal.SIG_BLOCK, sigs)


_syncSignals: Final = frozenset({_signal.SIGSEGV, _signal.SIGBUS, _signal.SIGFPE, _signal.SIGILL,
                                 _signal.SIGTRAP, _signal.SIGSYS, _signal.SIGABRT,
                                 _signal.SIGKILL, _signal.SIGSTOP})


def _startSysmon() -> None:
    """proc.go: main's ``newm(sysmon, nil, -1)``."""
    global _sysmonThread, _sysmonStop, preemptReportNS, sysmonLateNS
    preemptReportNS = _godebugInt("preemptreport", preemptReportDefaultMS) * 1_000_000
    sysmonLateNS = sysmonDelayMax + 5 * int(sys.getswitchinterval() * 1e9)
    _preemptReported.clear()
    _sysmonStop = False
    t = threading.Thread(target=sysmon, name="rt-sysmon", daemon=True)
    _sysmonThread = t
    t.start()


def _stopSysmon() -> None:
    global _sysmonThread, _sysmonStop
    t, _sysmonThread = _sysmonThread, None
    if t is None:
        return
    _sysmonStop = True
    sched.sysmonnote.set()
    t.join()


def _godebugInt(key: str, dflt: int) -> int:
    """runtime/runtime1.go: parsedebugvars, for one integer GODEBUG key."""
    for kv in os.environ.get("GODEBUG", "").split(","):
        k, sep, v = kv.partition("=")
        if sep and k.strip() == key:
            try:
                return max(0, int(v))
            except ValueError:
                return dflt
    return dflt

# ---------------------------------------------------------------------------
# Run queues: the global one (under sched.lock) and the P's ring.


def globrunqput(gp: g) -> None:
    """proc.go: globrunqput. sched.lock must be held."""
    sched.runq.pushBack(gp)


def globrunqputbatch(batch: gQueue) -> None:
    """proc.go: globrunqputbatch. sched.lock must be held; batch is emptied."""
    sched.runq.pushBackAll(batch)
    batch.head = batch.tail = None
    batch.size = 0


def globrunqget() -> g | None:
    """proc.go: globrunqget. Pop one G (the every-61st-tick fairness check)."""
    return sched.runq.pop()


def globrunqgetbatch(n: int) -> tuple[g | None, gQueue]:
    """proc.go: globrunqgetbatch. Pop min(n, size, size/gomaxprocs+1) Gs: the first, and a queue.

    sched.lock must be held. The caller puts the queue on its local ring
    (runqputbatch).
    """
    q = gQueue()
    runq = sched.runq
    size = runq.size
    if size == 0:
        return None, q
    n = min(n, size, size // gomaxprocs + 1)
    gp = runq.pop()
    n -= 1
    while n > 0:
        gp1 = runq.pop()
        assert gp1 is not None
        q.pushBack(gp1)
        n -= 1
    return gp, q


def runqempty(pp: p) -> bool:
    """proc.go: runqempty."""
    return pp.runqhead == pp.runqtail and pp.runnext is None


def runqput(pp: p, gp: g, next: bool) -> None:
    """proc.go: runqput. ``next`` puts gp in runnext, kicking the old one to the tail."""
    if next:
        oldnext = pp.runnext
        pp.runnext = gp
        if oldnext is None:
            return
        gp = oldnext
    t = pp.runqtail
    if t - pp.runqhead < 256:
        pp.runq[t & 255] = gp
        pp.runqtail = t + 1
        return
    runqputslow(pp, gp, pp.runqhead, t)


def runqputslow(pp: p, gp: g, h: int, t: int) -> None:
    """proc.go: runqputslow. Move half the full local ring plus gp to the global queue."""
    n = (t - h) // 2
    q = gQueue()
    for i in range(n):
        x = pp.runq[(h + i) & 255]
        pp.runq[(h + i) & 255] = None
        assert x is not None
        q.pushBack(x)
    pp.runqhead = h + n
    q.pushBack(gp)
    with sched.lock:
        globrunqputbatch(q)

def runqputbatch(pp: p, q: gQueue) -> None:
    """proc.go: runqputbatch. Move Gs from q into pp's ring while it has room; the rest stay."""
    if q.empty():
        return
    h = pp.runqhead
    t = pp.runqtail
    runq = pp.runq
    while t - h < 256:
        gp = q.pop()
        if gp is None:
            break
        runq[t & 255] = gp
        t += 1
    pp.runqtail = t



def runqget(pp: p) -> tuple[g | None, bool]:
    """proc.go: runqget. runnext first (inherits the time slice), then the ring's head."""
    nxt = pp.runnext
    if nxt is not None:
        pp.runnext = None
        return nxt, True
    h = pp.runqhead
    if h == pp.runqtail:
        return None, False
    gp = pp.runq[h & 255]
    pp.runq[h & 255] = None
    pp.runqhead = h + 1
    return gp, False


def runqlen(pp: p) -> int:
    """The number of Gs on pp's local queue, runnext included (Go computes it inline)."""
    return pp.runqtail - pp.runqhead + (1 if pp.runnext is not None else 0)

# ---------------------------------------------------------------------------
# Exported runtime functions (runtime/debug.go, runtime/rand.go).


def NumGoroutine() -> int:
    """runtime/debug.go: NumGoroutine. Goroutines that exist now (not dead)."""
    return len(allgs)


def GOMAXPROCS(n: int = 0) -> int:
    """runtime/debug.go: GOMAXPROCS. Returns the previous setting; n < 1 only reads it.

    This release runs one P (see rt/proc.py's design rules); setting another
    value is accepted and ignored, so programs that tune it still run.
    """
    return gomaxprocs


def NumCPU() -> int:
    """runtime/debug.go: NumCPU. How many logical CPUs the process may run on (its affinity mask).

    Go reads the mask once at start-up; so does this, at the first call.
    It says nothing about parallelism here, where one P runs the goroutines.
    """
    global _ncpu
    if _ncpu == 0:
        try:
            _ncpu = len(os.sched_getaffinity(0)) or 1
        except OSError:
            _ncpu = os.cpu_count() or 1
    return _ncpu


_ncpu = 0


def randn(n: int) -> int:
    """runtime/rand.go: cheaprandn."""
    return random.randrange(n)


# ---------------------------------------------------------------------------
# C twins (rt/_runtime.c; see runtime2.py's last section). The reference
# functions stay reachable through ``pyTwins`` (the differential tests drive
# both); the twins fall back to them for everything off the common path.

_twinned: Final = ("casgstatus", "runqput", "runqget", "runqputbatch", "ready", "goready",
                   "dropg", "gopark", "park_m", "execute", "findRunnable", "schedule",
                   "injectglist")
pyTwins: Final[dict[str, Callable[..., Any]]] = {name: globals()[name] for name in _twinned}
if r2._c is not None:
    r2._c.bind_proc(globals())
    for _name in _twinned:
        globals()[_name] = getattr(r2._c, _name)
