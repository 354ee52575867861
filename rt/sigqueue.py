"""runtime/sigqueue.go (go1.27.0), with the parts of runtime/signal_unix.go that os/signal uses.

How a signal travels in Go. The kernel runs Go's ``sighandler`` on whatever
thread it picks. A handler may not lock, allocate or block, so it only sets
the signal's bit in ``sig.mask`` (``sigsend``) and, if os/signal's goroutine
sleeps, wakes it. That goroutine (os/signal's ``loop``) sits in
``signal_recv``, asleep in ``notetsleepg``, which parks it in a system call
on an M of its own; it takes the bits one at a time and hands each signal to
``process``, which sends it, without blocking, to every channel registered
for it. ``signal_enable``/``signal_disable``/``signal_ignore`` keep the
``wanted`` and ``ignored`` masks and install or remove the handler
(``sigenable``/``sigdisable``/``sigignore``).

What changes in Python. CPython's C-level handler only records the signal;
the Python handler runs later, on the main thread, between two bytecodes,
and may interrupt the main thread anywhere, including while it holds a
lock of the scheduler's. So no Python handler here takes a lock or calls
the scheduler. Two things carry a signal to os/signal's goroutine:

* The note, a non-blocking pipe made CPython's wakeup fd
  (``signal.set_wakeup_fd``): the C handler writes a byte to it from
  whichever thread the kernel chose, at once, even while the main thread
  sleeps in epoll. Its bytes only mean "wake up"; Go's darwin port builds
  its signal note from a pipe the same way (runtime/os_darwin.go:
  ``sigNoteSetup``, ``sigNoteWakeup``, ``sigNoteSleep``, names kept here).
* The queue. ``sighandler``, the Python handler installed for a Notify'd
  signal, calls ``sigsend``, which tests ``wanted`` and appends the number
  to ``sig.pending`` (Go's ``sig.mask``; one ``deque.append``, which an
  interrupting handler cannot tear) and writes one more byte to the note.

Testing ``wanted`` in the handler, as Go does, is what keeps Stop exact:
Stop changes the disposition before it clears ``wanted``, and CPython runs
any pending Python handler before ``signal.signal`` replaces it, so a
signal is either queued or meets the new disposition, never lost.

The receiver. ``signal_recv`` runs on os/signal's goroutine. To wait it
calls ``rt.blocking(sigNoteSleep, note)``: the goroutine parks in
``_Gsyscall`` while a spare M polls the pipe's read end, as Go's
``notetsleepg`` parks it with ``entersyscallblock``. So, as in Go, a program
whose goroutines all wait for a signal is not "deadlocked": a goroutine in a
system call can still come back (checkdead sees ``nGsyscall > 0``). On
waking, the goroutine empties the pipe and moves the queue into its local
copy ``sig.recv`` (Go's bit set, so a repeated signal not yet taken is
delivered once). Python's own handlers write bytes too (SIGINT's
KeyboardInterrupt handler, a test's SIGALRM): they wake the goroutine,
which finds nothing queued and sleeps again.

States. ``sig.state`` is ``sigReceiving`` while the goroutine waits and
``sigIdle`` from its wake-up until it waits again. Go's third state,
``sigSending`` (a bit set while nobody waits), is a non-empty queue or pipe
here. ``signalWaitUntilIdle`` (called by ``Stop``, so that a signal already
handled reaches the channel before Stop returns) yields until the goroutine
waits with the queue and the pipe empty: only the goroutine takes from the
queue, and it hands what it took to the channels before it waits again.

Go's defaults while rt.run runs (``initsig``, a start hook):

* SIGQUIT whose disposition is SIG_DFL or SIG_IGN gets ``sighandler``, which, when
  nobody Notify'd SIGQUIT, does what Go's handler does for a ``_SigThrow``
  signal: print ``SIGQUIT: quit``, a blank line and every goroutine's stack
  to stderr, then exit with status 2. As in Go (``gotraceback`` raises the
  level for a runtime throw), GOTRACEBACK does not silence it;
  GOTRACEBACK=crash aborts with SIGABRT after the dump instead of exiting.
  Go's ``PC=... m=... sigcode=...`` line and the register dump are left out:
  a Python handler sees no machine context.
* SIGPIPE whose disposition is SIG_DFL is set to SIG_IGN, so a write to a
  reset peer fails with EPIPE instead of killing the process (Go's handler
  drops a SIGPIPE nobody asked for; see os/signal/doc.go).
* SIGHUP and SIGINT already ignored (``nohup``) count as ignored for
  ``signal_ignored``, as Go's ``sigInitIgnored`` marks them.

Differences from Go, and why:

* Handlers can only be set on the main thread (CPython's rule). When rt.run
  runs on another thread, ``initsig`` changes nothing and Notify, Ignore and
  Reset raise RuntimeError (``_must_main_thread``).
* Signals that nobody Notify'd keep the host's disposition: Python's
  KeyboardInterrupt for SIGINT, termination for SIGTERM, SIGHUP, SIGUSR1,
  where a Go binary would ignore SIGUSR1, SIGWINCH and the like. Disabling
  a signal (Stop, Reset) puts back what was there before Notify, except for
  SIGQUIT, whose crash handler stays (Go keeps its own handler for the
  signals ``initsig`` installed, ``sigInstallGoHandler``).
* Everything is per rt.run: at teardown every disposition and the wakeup
  fd are put back as the run found them, the pipe is closed (its waiting M
  wakes and exits) and os/signal forgets its channels. Go's state lasts as
  long as the process. While a run lasts, the wakeup fd is ours; a host
  that had set one (an asyncio loop) gets it back at teardown.
* A signal is queued when the Python handler runs, at the main thread's
  next bytecode, not in the C handler; until then a disposition cannot
  change (see above), so this only delays it.
* SIGPROF is left alone, as in Go; SIGABRT keeps Python's disposition.

Left out: ``sigInitIgnored`` for the ``_SigSetStack`` signals 32 to 34
(glibc's own, which neither Go nor Python hands to programs), ``ensureSigM``
(per-thread signal masks follow Notify in Go; here the runtime's threads
block asynchronous signals for good, see proc.minitSignalMask), and the
synchronous-signal and preemption paths of ``sighandler``.
"""

from __future__ import annotations

import os
import select
import signal as _signal
import threading
from collections import deque
from collections.abc import Callable
from types import FrameType
from typing import Any, Final, NamedTuple, TypeAlias

from greenlet import getcurrent

from rt import proc
from rt.cgocall import blocking
from rt.panic import throw
from rt.traceback import goroutineTrace

# A disposition as signal.signal/getsignal take and return it.
_handler: TypeAlias = Callable[[int, FrameType | None], Any] | int | _signal.Handlers | None

_NSIG: Final = 65  # runtime/defs_linux_amd64.go

# Values for the flags field of a sigTabT (runtime/runtime2.go).
_SigNotify: Final = 1 << 0  # let signal.Notify have the signal, even from the kernel
_SigKill: Final = 1 << 1  # if Notify doesn't take it, exit quietly
_SigThrow: Final = 1 << 2  # if Notify doesn't take it, exit loudly
_SigPanic: Final = 1 << 3  # if the signal is from the kernel, panic
_SigDefault: Final = 1 << 4  # if not explicitly requested, don't monitor it
_SigGoExit: Final = 1 << 5  # Plan 9 only
_SigSetStack: Final = 1 << 6  # libc's own; only SA_ONSTACK is added
_SigUnblock: Final = 1 << 7  # always unblocked
_SigIgn: Final = 1 << 8  # SIG_DFL's action is to ignore it

_SIGHUP: Final = 1
_SIGINT: Final = 2
_SIGQUIT: Final = 3
_SIGABRT: Final = 6
_SIGPIPE: Final = 13
_SIGPROF: Final = 27


class sigTabT(NamedTuple):
    """runtime/signal_unix.go: sigTabT. A signal's flags and the name a crash prints."""

    flags: int
    name: str


# runtime/sigtab_linux_generic.go: sigtable.
sigtable: Final[tuple[sigTabT, ...]] = (
    sigTabT(0, "SIGNONE: no trap"),
    sigTabT(_SigNotify + _SigKill, "SIGHUP: terminal line hangup"),
    sigTabT(_SigNotify + _SigKill, "SIGINT: interrupt"),
    sigTabT(_SigNotify + _SigThrow, "SIGQUIT: quit"),
    sigTabT(_SigThrow + _SigUnblock, "SIGILL: illegal instruction"),
    sigTabT(_SigThrow + _SigUnblock, "SIGTRAP: trace trap"),
    sigTabT(_SigNotify + _SigThrow, "SIGABRT: abort"),
    sigTabT(_SigPanic + _SigUnblock, "SIGBUS: bus error"),
    sigTabT(_SigPanic + _SigUnblock, "SIGFPE: floating-point exception"),
    sigTabT(0, "SIGKILL: kill"),
    sigTabT(_SigNotify, "SIGUSR1: user-defined signal 1"),
    sigTabT(_SigPanic + _SigUnblock, "SIGSEGV: segmentation violation"),
    sigTabT(_SigNotify, "SIGUSR2: user-defined signal 2"),
    sigTabT(_SigNotify, "SIGPIPE: write to broken pipe"),
    sigTabT(_SigNotify, "SIGALRM: alarm clock"),
    sigTabT(_SigNotify + _SigKill, "SIGTERM: termination"),
    sigTabT(_SigThrow + _SigUnblock, "SIGSTKFLT: stack fault"),
    sigTabT(_SigNotify + _SigUnblock + _SigIgn, "SIGCHLD: child status has changed"),
    sigTabT(_SigNotify + _SigDefault + _SigIgn, "SIGCONT: continue"),
    sigTabT(0, "SIGSTOP: stop, unblockable"),
    sigTabT(_SigNotify + _SigDefault + _SigIgn, "SIGTSTP: keyboard stop"),
    sigTabT(_SigNotify + _SigDefault + _SigIgn, "SIGTTIN: background read from tty"),
    sigTabT(_SigNotify + _SigDefault + _SigIgn, "SIGTTOU: background write to tty"),
    sigTabT(_SigNotify + _SigIgn, "SIGURG: urgent condition on socket"),
    sigTabT(_SigNotify, "SIGXCPU: cpu limit exceeded"),
    sigTabT(_SigNotify, "SIGXFSZ: file size limit exceeded"),
    sigTabT(_SigNotify, "SIGVTALRM: virtual alarm clock"),
    sigTabT(_SigNotify + _SigUnblock, "SIGPROF: profiling alarm clock"),
    sigTabT(_SigNotify + _SigIgn, "SIGWINCH: window size change"),
    sigTabT(_SigNotify, "SIGIO: i/o now possible"),
    sigTabT(_SigNotify, "SIGPWR: power failure restart"),
    sigTabT(_SigThrow, "SIGSYS: bad system call"),
    sigTabT(_SigSetStack + _SigUnblock, "signal 32"),  # glibc's SIGCANCEL
    sigTabT(_SigSetStack + _SigUnblock, "signal 33"),  # glibc's SIGSETXID
    sigTabT(_SigSetStack + _SigUnblock, "signal 34"),  # musl's SIGSYNCCALL
    *(sigTabT(_SigNotify, f"signal {n}") for n in range(35, _NSIG)),
)
assert len(sigtable) == _NSIG

# sig.state values.
sigIdle: Final = 0
sigReceiving: Final = 1

# How many signal numbers the masks hold (Go's (_NSIG + 31) / 32 words).
_maskBits: Final = 32 * ((_NSIG + 31) // 32)


class sigNote:
    """The pipe that carries signals from CPython's C handler to signal_recv.

    ``rfd`` is read (drained) only by os/signal's goroutine; ``wfd`` is the
    wakeup fd CPython writes one byte per signal to. Both are non-blocking:
    the writer must never block in a signal handler, and the reader drains
    until EAGAIN. ``sleeping`` (guarded by ``cond``) counts the spare Ms
    polling ``rfd``; ``closed`` is set once, at teardown.
    """

    __slots__ = ("rfd", "wfd", "cond", "sleeping", "closed", "idlePoll")

    def __init__(self, rfd: int, wfd: int) -> None:
        self.rfd = rfd
        self.wfd = wfd
        self.cond = threading.Condition(threading.Lock())
        self.sleeping = 0
        self.closed = False
        # For signalWaitUntilIdle's "is the pipe empty" test, on M0 only (a
        # poll object must not be polled by two threads at once).
        self.idlePoll = select.poll()
        self.idlePoll.register(rfd, select.POLLIN)


class sigState:
    """runtime/sigqueue.go: sig, plus signal_unix.go's per-signal tables, for one rt.run.

    The masks are ints with bit n for signal n. ``wanted``, ``ignored`` and
    the dispositions change only on the goroutine calling os/signal (under
    its handlers lock) and on M0's teardown; ``recv`` and ``state`` only on
    os/signal's goroutine. A Python handler reads ``wanted`` and
    ``initHandled`` and appends to ``pending``, which only os/signal's
    goroutine takes from. Everything here runs on the main thread but
    ``sigNoteSleep``.
    """

    __slots__ = ("note", "pending", "wanted", "ignored", "recv", "state", "inuse",
                 "fwdSig", "handlingSig", "initHandled", "saved", "oldWakeupFd",
                 "main", "crashing")

    def __init__(self) -> None:
        self.note: sigNote | None = None
        # Go's mask: signals sigsend queued, not yet taken by signal_recv.
        self.pending: deque[int] = deque()
        self.wanted = 0
        self.ignored = 0
        self.recv = 0  # signal_recv's local copy
        self.state = sigIdle
        self.inuse = False
        # signal_unix.go: fwdSig (the disposition sigenable replaced) and
        # handlingSig (signals whose disposition is sighandler).
        self.fwdSig: dict[int, _handler] = {}
        self.handlingSig: set[int] = set()
        # Signals initsig gave sighandler (Go's sigInstallGoHandler true).
        self.initHandled: set[int] = set()
        # Every disposition this run changed, as the run found it.
        self.saved: dict[int, _handler] = {}
        self.oldWakeupFd = -1
        self.main = False  # rt.run runs on the main thread
        self.crashing = False


sig = sigState()


def sigsend(s: int) -> bool:
    """runtime/sigqueue.go: sigsend. Queue signal s for signal_recv if os/signal wants it.

    Called by ``sighandler``, the Python-level handler, on the main thread.
    Reports whether the signal was queued; if not, the handler goes on to
    the runtime's own action. ``wanted`` is tested here, when the signal is
    handled, as in Go: Stop disables a signal by changing its disposition
    first, and CPython runs a pending handler before it changes one, so each
    signal is either queued or left to the new disposition, never lost.
    """
    if s < 0 or s >= _maskBits:
        return False
    if not sig.wanted & (1 << s):
        return False
    note = sig.note
    if note is None:
        return False
    # deque.append is one C call: a handler interrupting signal_recv's
    # popleft cannot corrupt the queue (nothing here takes a lock).
    sig.pending.append(s)
    # Wake the receiver even if it already drained the C handler's byte.
    sigNoteWakeup(note)
    return True


def signal_recv() -> int:
    """runtime/sigqueue.go: signal_recv. Wait for and return the next signal os/signal wants.

    Called only by os/signal's goroutine. Signals come lowest number first,
    and a signal that arrives again before it is taken is delivered once, as
    Go's bit masks do. While it waits the goroutine is in a system call on a
    spare M ("syscall" in a goroutine dump).
    """
    while True:
        # Serve any signals from the local copy.
        r = sig.recv
        if r:
            i = (r & -r).bit_length() - 1
            sig.recv = r & ~(1 << i)
            return i

        # Wait for updates from the signal handler. A handler that queues a
        # signal after the test below also writes to the note, so the sleep
        # ends at once.
        note = sig.note
        if note is None:
            throw("signal_recv: signal_enable was never called")
            return -1
        if not sig.pending:
            sig.state = sigReceiving
            blocking(sigNoteSleep, note)
            sig.state = sigIdle
            _drain_note(note)

        # Incorporate updates from the handler into the local copy.
        pending = sig.pending
        while pending:
            sig.recv |= 1 << pending.popleft()


def signalWaitUntilIdle() -> None:
    """runtime/sigqueue.go: signalWaitUntilIdle. Yield until every sent signal is processed.

    os/signal's Stop calls it after disabling a channel's signals, so that a
    signal already handled is delivered (or dropped, if the channel is full)
    before Stop returns. Idle means the goroutine waits in signal_recv with
    the queue and the pipe empty (see the module doc for why that suffices).
    """
    note = sig.note
    if not sig.inuse or note is None or proc.unwinding:
        return  # (while rt.run unwinds, nothing is delivered any more)
    while sig.state != sigReceiving or sig.pending or note.idlePoll.poll(0):
        proc.Gosched()


def signal_enable(s: int) -> None:
    """runtime/sigqueue.go: signal_enable. Start delivering signal s to os/signal.

    The first call sets up the note and becomes CPython's wakeup fd. Must
    run on the main thread (see _must_main_thread).
    """
    _must_main_thread("signal_enable")
    if not sig.inuse:
        # The first call: enable reception of signals (for this run).
        sig.inuse = True
        sig.note = sigNoteSetup()

    if s < 0 or s >= _maskBits:
        return

    bit = 1 << s
    sig.wanted |= bit
    sig.ignored &= ~bit
    sigenable(s)


def signal_disable(s: int) -> None:
    """runtime/sigqueue.go: signal_disable. Stop delivering s; put back its earlier disposition."""
    if s < 0 or s >= _maskBits:
        return
    sigdisable(s)
    sig.wanted &= ~(1 << s)


def signal_ignore(s: int) -> None:
    """runtime/sigqueue.go: signal_ignore. Stop delivering s and set it to SIG_IGN."""
    if s < 0 or s >= _maskBits:
        return
    sigignore(s)
    bit = 1 << s
    sig.wanted &= ~bit
    sig.ignored |= bit


def sigInitIgnored(s: int) -> None:
    """runtime/sigqueue.go: sigInitIgnored. Mark s as ignored when the run starts."""
    sig.ignored |= 1 << s


def signal_ignored(s: int) -> bool:
    """runtime/sigqueue.go: signal_ignored. Whether s is ignored (by Ignore, or inherited)."""
    if s < 0 or s >= _maskBits:
        return False
    return bool(sig.ignored & (1 << s))


# ---------------------------------------------------------------------------
# runtime/signal_unix.go: the dispositions.


def getsig(s: int) -> _handler:
    """runtime/os_linux.go: getsig. The signal's disposition now."""
    return _signal.getsignal(s)


def setsig(s: int, fn: _handler) -> None:
    """runtime/os_linux.go: setsig. Set the disposition, remembering the run's original."""
    if s not in sig.saved:
        sig.saved[s] = _signal.getsignal(s)
    _signal.signal(s, _restorable(fn))


def _restorable(fn: _handler) -> Callable[[int, FrameType | None], Any] | int | _signal.Handlers:
    # getsignal answers None for a handler installed by C code, which Python
    # cannot put back; the default is the closest it can do.
    return _signal.SIG_DFL if fn is None else fn


def initsig() -> None:
    """runtime/signal_unix.go: initsig. Go's signal defaults for a new rt.run (a start hook).

    See the module doc: SIGQUIT crashes with a dump, SIGPIPE is ignored, and
    SIGHUP and SIGINT that start out ignored are reported as ignored. Only on
    the main thread are dispositions changed.
    """
    global sig
    sig = sigState()
    sig.main = threading.current_thread() is threading.main_thread()
    for i in (_SIGHUP, _SIGINT):
        # sigInstallGoHandler respects an inherited SIG_IGN for these two.
        if getsig(i) == _signal.SIG_IGN:
            sigInitIgnored(i)
    if not sig.main:
        return
    # Go takes SIGQUIT over even when it was inherited ignored (only SIGHUP
    # and SIGINT keep an inherited SIG_IGN): a program started in the
    # background by a shell still dumps on SIGQUIT. A Python handler the host
    # program installed is left alone.
    if getsig(_SIGQUIT) in (_signal.SIG_DFL, _signal.SIG_IGN):
        sig.handlingSig.add(_SIGQUIT)
        sig.initHandled.add(_SIGQUIT)
        setsig(_SIGQUIT, sighandler)
    if getsig(_SIGPIPE) == _signal.SIG_DFL:
        setsig(_SIGPIPE, _signal.SIG_IGN)


def sigenable(s: int) -> None:
    """runtime/signal_unix.go: sigenable. Install sighandler for s (Notify has asked for it)."""
    if s >= len(sigtable):
        return
    if s == _SIGPROF:
        return  # handled specially for profiling
    t = sigtable[s]
    if t.flags & _SigNotify:
        if s not in sig.handlingSig:
            sig.handlingSig.add(s)
            sig.fwdSig[s] = getsig(s)
            setsig(s, sighandler)


def sigdisable(s: int) -> None:
    """runtime/signal_unix.go: sigdisable. Put back the disposition sigenable replaced.

    A signal that initsig gave sighandler keeps it (Go's sigInstallGoHandler).
    """
    if s >= len(sigtable):
        return
    if s == _SIGPROF:
        return
    t = sigtable[s]
    if t.flags & _SigNotify:
        if s in sig.handlingSig and s not in sig.initHandled:
            sig.handlingSig.discard(s)
            setsig(s, sig.fwdSig.pop(s, _signal.SIG_DFL))


def sigignore(s: int) -> None:
    """runtime/signal_unix.go: sigignore. Set s to SIG_IGN."""
    if s >= len(sigtable):
        return
    if s == _SIGPROF:
        return
    t = sigtable[s]
    if t.flags & _SigNotify:
        sig.handlingSig.discard(s)
        sig.initHandled.discard(s)
        setsig(s, _signal.SIG_IGN)


def sighandler(signum: int, frame: FrameType | None) -> None:
    """runtime/signal_unix.go: sighandler, the Python half. Runs on the main thread.

    A signal os/signal wants goes to its queue (sigsend). A ``_SigThrow``
    signal that initsig took over and nobody wants (SIGQUIT) ends the
    program as Go's does: its name, a blank line, every goroutine's stack
    on stderr, and exit status 2. Anything else is dropped.

    Discussion: this may interrupt M0 anywhere, even inside the scheduler
    with a lock held, so it takes no lock and calls nothing that parks; the
    crash path only reads goroutine state and then ends the process.
    """
    if signum < 0 or signum >= len(sigtable):
        return
    if sigsend(signum):
        return
    if signum not in sig.initHandled or not sigtable[signum].flags & _SigThrow:
        return
    if sig.crashing:
        return
    sig.crashing = True
    _, _, docrash = gotraceback()
    _write_err(fatalsignal(signum) + _traceback_all(frame) + "\n")
    if docrash:
        crash()
    os._exit(2)


def gotraceback() -> tuple[int, bool, bool]:
    """runtime/runtime1.go: gotraceback, for a signal crash: (level, all, crash).

    A crash from a signal is a runtime throw, for which Go prints every
    goroutine with runtime frames whatever GOTRACEBACK says; only
    GOTRACEBACK=crash changes anything: it aborts after the dump.
    """
    return 2, True, os.environ.get("GOTRACEBACK", "") == "crash"


def fatalsignal(s: int) -> str:
    """runtime/signal_unix.go: fatalsignal. The signal's name line and a blank line.

    Go's ``PC=... m=... sigcode=...`` line is left out: there is no machine
    context to read it from.
    """
    if s < len(sigtable):
        return sigtable[s].name + "\n\n"
    return f"Signal {s}\n\n"


def _traceback_all(frame: FrameType | None) -> str:
    """The running goroutine (at the interrupted frame) first, then tracebackothers' list.

    When the signal interrupted the scheduler itself (g0, Go's "goroutine 0
    [idle]") nothing is printed for it: its frames are all runtime frames,
    which traceback.py leaves out.
    """
    mp = proc.getm()
    gp = None if mp is None else mp.curg
    if gp is not None and gp.sched is not getcurrent():
        gp = None
    traces = []
    if gp is not None:
        traces.append(goroutineTrace(gp, frame))
    for other in sorted(proc.allgs.values(), key=lambda x: x.goid):
        if other is not gp:
            traces.append(goroutineTrace(other, None))
    return "\n\n".join(traces) + "\n" if traces else ""


def _write_err(s: str) -> None:
    """Write to fd 2 directly: sys.stderr's buffer may be locked by the interrupted code."""
    b = s.encode("utf-8", "replace")
    while b:
        try:
            n = os.write(2, b)
        except InterruptedError:
            continue
        except OSError:
            return
        b = b[n:]


def dieFromSignal(s: int) -> None:
    """runtime/signal_unix.go: dieFromSignal. Take the default action of s, or exit 128+s."""
    _signal.signal(s, _signal.SIG_DFL)
    _signal.pthread_sigmask(_signal.SIG_UNBLOCK, {s})
    os.kill(os.getpid(), s)
    os._exit(128 + s)


def crash() -> None:
    """runtime/signal_unix.go: crash. Die from SIGABRT (GOTRACEBACK=crash: a core dump)."""
    dieFromSignal(_SIGABRT)


# ---------------------------------------------------------------------------
# runtime/os_darwin.go: the signal note built from a pipe.


def sigNoteSetup() -> sigNote:
    """runtime/os_darwin.go: sigNoteSetup. Make the pipe and make it CPython's wakeup fd."""
    r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
    note = sigNote(r, w)
    sig.oldWakeupFd = _signal.set_wakeup_fd(w, warn_on_full_buffer=False)
    return note


def sigNoteWakeup(note: sigNote) -> None:
    """runtime/os_darwin.go: sigNoteWakeup. Wake the M sleeping on the note (a zero byte)."""
    try:
        os.write(note.wfd, b"\0")
    except OSError:
        pass  # full: it is readable anyway


def sigNoteSleep(note: sigNote) -> None:
    """runtime/os_darwin.go: sigNoteSleep. On a spare M: wait until the pipe is readable.

    Unlike darwin's it reads nothing: os/signal's goroutine drains the pipe
    itself (see the module doc). Returns at once once the note is closed.
    """
    with note.cond:
        if note.closed:
            return
        note.sleeping += 1
    try:
        p = select.poll()
        p.register(note.rfd, select.POLLIN)
        p.poll()  # PEP 475: retried after EINTR
    finally:
        with note.cond:
            note.sleeping -= 1
            note.cond.notify_all()


def _drain_note(note: sigNote) -> None:
    """Empty the pipe without blocking (its bytes only say "wake up"), as noteclear does."""
    while True:
        try:
            b = os.read(note.rfd, 256)
        except BlockingIOError:
            return
        except InterruptedError:
            continue
        if len(b) < 256:
            return


def _close_note(note: sigNote) -> None:
    """Teardown: close the pipe, first waking the M sleeping on it and waiting for it.

    The byte written wakes the sleeper even if a forked child still holds
    the write end; the read end is closed only after the sleeper returned,
    so its poll never sees a reused fd number.
    """
    with note.cond:
        note.closed = True
        sigNoteWakeup(note)
        os.close(note.wfd)
        if note.sleeping:
            note.cond.wait_for(lambda: note.sleeping == 0, timeout=5.0)
    os.close(note.rfd)


# ---------------------------------------------------------------------------
# This port: rt.run's lifecycle, and the main-thread rule.


def _must_main_thread(what: str) -> None:
    """Raise RuntimeError unless called from a goroutine of an rt.run on the main thread.

    CPython lets only the main thread set signal handlers (and runs them
    only there), so os/signal's Notify, Ignore and Reset need rt.run to run
    on the main thread.
    """
    if proc.getg() is None:
        raise RuntimeError(f"os/signal: {what} must be called from a goroutine (inside rt.run)")
    if not sig.main or threading.current_thread() is not threading.main_thread():
        raise RuntimeError(
            f"os/signal: {what} needs rt.run to run on the main thread "
            "(Python sets and runs signal handlers only there)")


def _teardown() -> None:
    """rt.run's teardown hook: put back every disposition and the wakeup fd; close the note."""
    global sig
    s, sig = sig, sigState()
    if s.main:
        for n, fn in s.saved.items():
            _signal.signal(n, _restorable(fn))
        if s.note is not None:
            try:
                _signal.set_wakeup_fd(s.oldWakeupFd)
            except (OSError, ValueError):  # the host closed its fd meanwhile
                _signal.set_wakeup_fd(-1)
    if s.note is not None:
        _close_note(s.note)


proc._startHooks.append(initsig)
# First among the teardown hooks, so that the M sleeping on the note is awake
# (and idle) before the spare-M pool stops and joins its idle threads.
proc._teardownHooks.insert(0, _teardown)
