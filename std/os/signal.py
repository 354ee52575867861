"""os/signal (go1.27.0): os/signal/signal.go and signal_unix.go. Incoming signals on channels.

``Notify(c, *sigs)`` relays the listed signals (every signal, with none
listed) to channel ``c``; ``Stop(c)`` undoes every Notify on ``c``;
``Reset(*sigs)`` and ``Ignore(*sigs)`` undo Notify for those signals on every
channel, Reset putting back the earlier disposition and Ignore ignoring the
signal; ``Ignored(sig)`` says whether a signal is ignored; ``NotifyContext``
gives a context cancelled by the first of the signals. Signals are
``syscall.Signal`` values (``std.syscall.SIGTERM``, ``std.os.Interrupt``)::

    c = rt.chan(1)
    signal.Notify(c, os.Interrupt, syscall.SIGTERM)
    s = c.recv()  # the program no longer dies of Ctrl-C

Delivery never blocks: the signal is sent to each registered channel with
a non-blocking send, and a full channel misses it. A channel that receives
one kind of signal needs a buffer of 1.

The bookkeeping is Go's. ``handlers.m`` maps each channel to a ``handler``
whose ``mask`` has a bit per signal it wants; ``handlers.ref[n]`` counts the
channels that want signal n. The first channel to want n enables it in the
runtime (rt/sigqueue.py: ``signal_enable`` installs the handler) and the
last one to let go disables it. The first enable also starts the goroutine
``loop``, which takes each incoming signal from ``signal_recv`` and hands it
to ``process``. ``Stop`` removes the channel and then waits until the
runtime has handed over every signal already sent (``signalWaitUntilIdle``);
meanwhile the channel sits on ``handlers.stopping`` so that such a signal
still reaches it, and once Stop returns it receives nothing more. All of it
is guarded by ``handlers`` (a ``sync.Mutex``).

Python specifics, and differences from Go (rt/sigqueue.py explains the
runtime side):

* Notify, Ignore and Reset must run inside ``rt.run``, and ``rt.run`` must
  run on the main thread: CPython sets signal handlers only there. Otherwise
  they raise RuntimeError.
* Everything lasts for one ``rt.run``: when it returns, the channels are
  forgotten, ``loop`` is gone and every signal's disposition is what it was
  before the run.
* A signal nobody Notify'd keeps the host's behaviour (Python's
  KeyboardInterrupt for SIGINT, termination for SIGTERM), not Go's table;
  Reset and Stop put back what was there before Notify.
* An argument that is not an ``os.Signal`` (Python's ``signal.SIGTERM`` is
  not one) is a TypeError, where Go would not compile; an ``os.Signal``
  that is not a ``syscall.Signal`` is skipped, as in Go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import rt
from rt import proc
from rt.chan import hchan, selectnbsend
from rt.panic import Panic
from rt.sigqueue import (
    _must_main_thread,
    signal_disable,
    signal_enable,
    signal_ignore,
    signal_ignored,
    signal_recv,
    signalWaitUntilIdle,
)
from std import context, os, sync, syscall

__all__ = ["Ignore", "Ignored", "Notify", "NotifyContext", "Reset", "Stop"]

numSig: Final = 65  # max across all systems (signal_unix.go)


class handler:
    """os/signal/signal.go: handler. The set of signals one channel wants, a bit each."""

    __slots__ = ("mask",)

    def __init__(self) -> None:
        self.mask = [0] * ((numSig + 31) // 32)

    def want(self, sig: int) -> bool:
        """os/signal/signal.go: handler.want."""
        return (self.mask[sig // 32] >> (sig & 31)) & 1 != 0

    def set(self, sig: int) -> None:
        """os/signal/signal.go: handler.set."""
        self.mask[sig // 32] |= 1 << (sig & 31)

    def clear(self, sig: int) -> None:
        """os/signal/signal.go: handler.clear."""
        self.mask[sig // 32] &= ~(1 << (sig & 31))


class stopping:
    """os/signal/signal.go: stopping. A channel being stopped, with its handler."""

    __slots__ = ("c", "h")

    def __init__(self, c: hchan[Any], h: handler) -> None:
        self.c = c
        self.h = h


class _handlers:
    """os/signal/signal.go: the handlers variable. Guarded by its own ``mu``.

    ``m`` maps a channel to the signals it wants; ``ref[n]`` counts the
    channels that want signal n (so ``m`` and ``ref`` always agree);
    ``stopping`` holds the channels Stop is removing, briefly.
    """

    __slots__ = ("mu", "m", "ref", "stopping")

    def __init__(self) -> None:
        self.mu = sync.Mutex()
        self.m: dict[hchan[Any], handler] = {}
        self.ref = [0] * numSig
        self.stopping: list[stopping] = []

    def Lock(self) -> None:
        """The embedded sync.Mutex's Lock."""
        self.mu.Lock()

    def Unlock(self) -> None:
        """The embedded sync.Mutex's Unlock."""
        self.mu.Unlock()


handlers = _handlers()

# Guards starting watchSignalLoop, lazily, on the first Notify (Go issue 21576).
watchSignalLoopOnce = sync.Once()


def cancel(sigs: tuple[os.Signal, ...], action: Callable[[int], None]) -> None:
    """os/signal/signal.go: cancel. Stop relaying sigs (all, if none) to any channel.

    Then ``action(n)`` for each signal: disableSignal (Reset) or ignoreSignal
    (Ignore).
    """
    handlers.Lock()
    try:

        def remove(n: int) -> None:
            if n < 0:
                return

            for c, h in list(handlers.m.items()):
                if h.want(n):
                    handlers.ref[n] -= 1
                    h.clear(n)
                    if not any(h.mask):
                        del handlers.m[c]

            action(n)

        if len(sigs) == 0:
            for n in range(numSig):
                remove(n)
        else:
            for s in sigs:
                remove(signum(s))
    finally:
        handlers.Unlock()


def Ignore(*sig: os.Signal) -> None:
    """os/signal/signal.go: Ignore. Ignore the signals (all of them, if none are given).

    Such a signal then has no effect on the program. Ignore undoes any
    earlier Notify for these signals. Raises RuntimeError outside rt.run or
    when rt.run is not on the main thread.
    """
    _check_signals(sig)
    _must_main_thread("Ignore")
    cancel(sig, ignoreSignal)


def Ignored(sig: os.Signal) -> bool:
    """os/signal/signal.go: Ignored. Whether sig is ignored now.

    True after ``Ignore(sig)`` (until a Notify for it), or when SIGHUP or
    SIGINT was already ignored when rt.run started (``nohup``).
    """
    _check_signals((sig,))
    sn = signum(sig)
    return sn >= 0 and signalIgnored(sn)


def Notify(c: hchan[Any] | None, *sig: os.Signal) -> None:
    """os/signal/signal.go: Notify. Relay the signals (all, if none are given) to channel c.

    The program no longer takes the signal's default action (Ctrl-C no
    longer raises KeyboardInterrupt, SIGTERM no longer ends it); the signal
    is sent to c instead, without blocking: give c enough buffer (1 for one
    kind of signal). Calling Notify again with the same channel adds
    signals; with another channel, each channel gets its own copy. Only
    Stop removes signals from a channel. Raises RuntimeError outside rt.run
    or when rt.run is not on the main thread; a nil channel panics.
    """
    if c is None:
        raise Panic("os/signal: Notify using nil channel")
    _check_signals(sig)
    _must_main_thread("Notify")

    handlers.Lock()
    try:
        # Lazily create the handler: if every signal is bogus, none is needed.
        def getHandler() -> handler:
            h = handlers.m.get(c)
            if h is None:
                h = handler()
                handlers.m[c] = h
            return h

        def add(n: int) -> None:
            if n < 0:
                return

            h = getHandler()
            if not h.want(n):
                h.set(n)
                if handlers.ref[n] == 0:
                    enableSignal(n)

                    # The runtime needs the signal enabled before the loop starts.
                    def start() -> None:
                        if watchSignalLoop is not None:
                            rt.go(watchSignalLoop)

                    watchSignalLoopOnce.Do(start)
                handlers.ref[n] += 1

        if len(sig) == 0:
            for n in range(numSig):
                add(n)
        else:
            for s in sig:
                add(signum(s))
    finally:
        handlers.Unlock()


def Reset(*sig: os.Signal) -> None:
    """os/signal/signal.go: Reset. Undo every Notify for the signals (all, if none are given).

    Each signal gets back the disposition it had before Notify. Raises
    RuntimeError outside rt.run or when rt.run is not on the main thread.
    """
    _check_signals(sig)
    _must_main_thread("Reset")
    cancel(sig, disableSignal)


def Stop(c: hchan[Any]) -> None:
    """os/signal/signal.go: Stop. Stop relaying signals to c; undo every Notify(c, ...).

    When Stop returns, c receives no more signals: a signal sent before is
    delivered (or dropped, if c is full) first. A channel never passed to
    Notify is left alone.
    """
    handlers.Lock()

    h = handlers.m.get(c)
    if h is None:
        handlers.Unlock()
        return
    del handlers.m[c]

    try:
        for n in range(numSig):
            if h.want(n):
                handlers.ref[n] -= 1
                if handlers.ref[n] == 0:
                    disableSignal(n)
    except BaseException:
        handlers.Unlock()
        raise

    # The channel is gone from handlers.m, so process will not pick it; but a
    # signal may already be on its way (its handler ran before the disable).
    # It must either reach c or take the default action, never vanish: so c
    # stays on the stopping list, where process still finds it, until the
    # runtime has delivered everything sent so far.
    handlers.stopping.append(stopping(c, h))

    handlers.Unlock()

    signalWaitUntilIdle()

    handlers.Lock()

    for i, s in enumerate(handlers.stopping):
        if s.c is c:
            del handlers.stopping[i]
            break

    handlers.Unlock()


def process(sig: os.Signal) -> None:
    """os/signal/signal.go: process. Send sig, without blocking, to every channel that wants it."""
    n = signum(sig)
    if n < 0:
        return

    handlers.Lock()
    try:
        for c, h in handlers.m.items():
            if h.want(n):
                # send but do not block for it
                selectnbsend(c, sig)

        # The channels Stop is removing (see Stop).
        for d in handlers.stopping:
            if d.h.want(n):
                selectnbsend(d.c, sig)
    finally:
        handlers.Unlock()


def NotifyContext(parent: context.Context, *signals: os.Signal) -> tuple[context.Context,
                                                                         context.CancelFunc]:
    """os/signal/signal.go: NotifyContext. A copy of parent that is done when a signal arrives.

    The returned context's Done closes when one of the signals arrives, when
    ``stop`` is called, or when parent's Done closes, whichever is first. A
    signal cancels it with ``Err() == context.Canceled`` and a cause
    (``context.Cause``) such as "interrupt signal received", which also
    matches ``context.Canceled`` under ``errors.Is``. ``stop`` undoes the
    Notify (the signal's earlier disposition comes back, as with Reset) and
    frees the resources: call it as soon as the signals need no longer be
    diverted. Raises RuntimeError as Notify does.
    """
    ctx, cancel = context.WithCancelCause(parent)
    c = signalCtx(ctx, cancel, signals)  # makes c.ch, buffered 1
    Notify(c.ch, *c.signals)
    if ctx.Err() is None:

        def watch() -> None:
            i, s, _ = rt.select(rt.recv(c.ch), rt.recv(c.Done()))
            if i == 0:
                c.cancel(signalError(s.String() + " signal received"))

        rt.go(watch)
    return c, c.stop


class signalCtx(context._embeddedContext):
    """os/signal/signal.go: signalCtx. NotifyContext's context.

    Answers Deadline, Done, Err and Value as its ``Context`` (the
    WithCancelCause child of the parent, Go's embedded field) does, through
    std.context's shared stand-in for an embedded Context.
    """

    __slots__ = ("cancel", "signals", "ch")

    def __init__(self, ctx: context.Context, cancel: context.CancelCauseFunc,
                 signals: tuple[os.Signal, ...]) -> None:
        self.Context = ctx
        self.cancel = cancel
        self.signals = signals
        self.ch: hchan[Any] = rt.chan(1)

    def stop(self) -> None:
        """os/signal/signal.go: signalCtx.stop. Cancel the context, then Stop its channel."""
        self.cancel(None)
        Stop(self.ch)

    def String(self) -> str:
        """os/signal/signal.go: signalCtx.String.

        ``signal.NotifyContext(<parent>, [<signals>])``, e.g.
        ``signal.NotifyContext(context.Background.WithCancel, [hangup interrupt])``.
        """
        # The embedded context is a cancelCtx, whose String ends in ".WithCancel".
        name = context.contextName(self.Context)
        name = name[: len(name) - len(".WithCancel")]
        buf = "signal.NotifyContext(" + name
        if len(self.signals) != 0:
            buf += ", [" + " ".join(s.String() for s in self.signals) + "]"
        return buf + ")"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<{self.String()}>"


class signalError(Exception):
    """os/signal/signal.go: signalError. The cause of a NotifyContext cancelled by a signal."""

    _goType = "signal.signalError"  # what %T prints (std/fmt.py)

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def Error(self) -> str:
        """os/signal/signal.go: signalError.Error. E.g. "interrupt signal received"."""
        return self.text

    def Is(self, target: object) -> bool:
        """os/signal/signal.go: signalError.Is. It matches context.Canceled."""
        return target is context.Canceled

    def __str__(self) -> str:
        return self.text


# ---------------------------------------------------------------------------
# os/signal/signal_unix.go


def loop() -> None:
    """os/signal/signal_unix.go: loop. The goroutine that hands each incoming signal to process."""
    while True:
        process(syscall.Signal(signal_recv()))


watchSignalLoop: Callable[[], None] | None = loop  # signal_unix.go's init


def signum(sig: os.Signal) -> int:
    """os/signal/signal_unix.go: signum. The signal's number, or -1 if it is none of ours."""
    if isinstance(sig, syscall.Signal):
        i = int(sig)
        if i < 0 or i >= numSig:
            return -1
        return i
    return -1


def enableSignal(sig: int) -> None:
    """os/signal/signal_unix.go: enableSignal."""
    signal_enable(sig)


def disableSignal(sig: int) -> None:
    """os/signal/signal_unix.go: disableSignal."""
    signal_disable(sig)


def ignoreSignal(sig: int) -> None:
    """os/signal/signal_unix.go: ignoreSignal."""
    signal_ignore(sig)


def signalIgnored(sig: int) -> bool:
    """os/signal/signal_unix.go: signalIgnored."""
    return signal_ignored(sig)


# ---------------------------------------------------------------------------
# This port.


def _check_signals(sigs: tuple[object, ...]) -> None:
    """A TypeError for an argument that is not an os.Signal (Go would not compile it)."""
    for s in sigs:
        if not isinstance(s, os.Signal):
            raise TypeError(
                f"os/signal: {s!r} is not an os.Signal; use std.syscall's constants "
                f"(syscall.SIGTERM) or std.os.Interrupt, not {type(s).__name__}")


def _teardown() -> None:
    """rt.run's teardown: forget the run's channels; the next Notify starts a new loop."""
    global handlers, watchSignalLoopOnce
    handlers = _handlers()
    watchSignalLoopOnce = sync.Once()


proc._teardownHooks.append(_teardown)
