"""context (go1.27.0): deadlines, cancellation signals and request-scoped values.

A ``Context`` is anything with four methods: ``Deadline() -> (Time, bool)``,
``Done() -> chan | None``, ``Err() -> error | None`` and ``Value(key)``.
``Done`` is a channel that is closed when the work done on the context's
behalf should stop (use it in ``rt.select``); ``None`` is Go's nil channel,
which never becomes ready, and is what a context that can never be cancelled
returns. Once ``Done`` is closed, ``Err`` says why: ``Canceled`` or
``DeadlineExceeded``. ``Cause`` gives the error passed to a cancel function
that takes one, and ``Err`` otherwise.

The cancellation tree. ``Background()`` and ``TODO()`` are roots: never
cancelled, no deadline, no values. Every other context is derived from a
parent and keeps a link up to it (the field Go calls the embedded
``Context``). Cancellation flows down the tree, never up, and it flows
synchronously: when a cancel function returns, the context and every
context derived from it is cancelled, their Done channels closed. To make
that possible a cancellable context registers itself with its nearest
cancellable ancestor, which keeps a set of ``children``. The types:

* ``cancelCtx`` (``WithCancel``, ``WithCancelCause``): owns a Done channel
  (made lazily, or replaced by the shared ``closedchan`` when cancelled
  before anyone asked for it), the first error and cause, and its children.
  ``cancel`` records the error and cause once, closes Done, cancels every
  child with the same error and cause, forgets them, and, if asked, removes
  itself from its parent's set so that a cancelled child is not kept alive
  by a long-lived parent.
* ``timerCtx`` (``WithDeadline``, ``WithTimeout``): a cancelCtx plus a
  deadline and a ``time.AfterFunc`` timer that cancels it with
  ``DeadlineExceeded`` (or the cause given); cancelling stops the timer. A
  deadline that has already passed cancels the context before
  ``WithDeadline`` returns. A deadline later than the parent's buys nothing,
  so it yields a plain cancelCtx.
* ``afterFuncCtx`` (``AfterFunc``): a cancelCtx that, instead of being a
  context anyone sees, starts ``f`` in its own goroutine when it is
  cancelled through the tree; its ``stop`` function cancels it quietly
  (without running ``f``) and unregisters it. A ``Once`` decides which of
  the two happens.
* ``valueCtx`` (``WithValue``): one key and value; everything else is
  answered by the parent. ``Value`` walks up the chain (``value``).
* ``withoutCancelCtx`` (``WithoutCancel``): keeps the parent's values but
  cuts the cancellation link: no deadline, no Done, no Err, no Cause.

``propagateCancel`` is where a new cancellable context hooks into the tree.
In order: a parent whose Done is ``None`` can never be cancelled, so there
is nothing to do. A parent already cancelled cancels the child at once. A
parent that is, or wraps without changing Done, one of our cancelCtxs
(``parentCancelCtx``, which finds it with ``Value(cancelCtxKey)`` and checks
that its Done channel is the very one the parent returns) gets the child
added to that cancelCtx's children. A foreign parent with an
``AfterFunc(f) -> stop`` method is asked to call back, and the child's
parent link becomes a ``stopCtx`` holding ``stop`` so that removing the
child unregisters the callback. Any other foreign parent costs a goroutine
that waits on both ``parent.Done()`` and ``child.Done()``: the parent's
closing cancels the child, and the child's closing (its own cancel, or a
deadline) ends the goroutine, so it never outlives the child's
cancellation. ``goroutines`` counts these goroutines, as Go's does, for
tests.

Locking. Each cancelCtx has a ``sync.Mutex`` guarding ``done``,
``children``, ``err`` and ``cause`` (and a timerCtx's ``timer``), taken in
the same places as Go: a parent's lock is held while its children's are
taken, never the other way round. With one P and no preemption nothing
parks inside these sections, so the locks are never contended; they are
kept so the code reads as Go's and stays right if that changes. Go reads
``err`` and ``done`` with atomic loads outside the lock; plain attribute
reads are what that becomes here.

Python specifics and differences from Go:

* Keys compare as Go's interface ``==`` does: the same object, or values of
  exactly the same type that are ``==``. So ``1``, ``1.0`` and ``True`` are
  three different keys, as ``int``, ``float64`` and ``bool`` are in Go.
  Go rejects keys of uncomparable types (slices, maps, funcs, and structs
  or arrays holding one); the Python counterparts (``list``, ``dict``,
  ``set``, ``bytearray``, a function, and a dataclass or tuple holding one)
  panic "key is not comparable". Anything else is a fine key, hashable or
  not: Go's ``type ctxKey struct{}`` ported as a plain ``@dataclass`` is
  unhashable in Python but compares equal to every other ``ctxKey()``, as
  in Go (lookups compare, they do not hash).
* Go panics with a string; here those panics raise ``rt.Panic`` whose
  ``value`` is Go's text.
* ``String()`` texts are Go's, and ``str(ctx)`` is the same text (what
  ``fmt.Sprint(ctx)`` prints). Where Go falls back to a type's name (a
  context or key without a ``String`` method) we print what fmt's ``%T``
  prints for it (std/fmt.py's mapping): ``float64``, ``main.key`` for a
  dataclass, ``*main.myCtx`` for another object. ``Time.String`` prints UTC (see std/time.py), so a
  deadline reads ``context.Background.WithDeadline(2025-01-02 03:04:05.6
  +0000 UTC m=+1.000000001 [999.9ms])``.
* ``Background()`` and ``TODO()`` return one shared instance each, which is
  what Go's zero-size values amount to.
* ``WithDeadline``/``WithTimeout`` arm a runtime timer and ``AfterFunc``
  starts goroutines, so they must run inside ``rt.run``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Protocol, TypeAlias, runtime_checkable

import rt
from rt.chan import chanrecv1, hchan
from rt.panic import Panic
from std import errors, sync, time
from std.errors import error
from std.fmt import _typeString

__all__ = [
    "AfterFunc",
    "Background",
    "CancelCauseFunc",
    "CancelFunc",
    "Canceled",
    "Cause",
    "Context",
    "DeadlineExceeded",
    "TODO",
    "WithCancel",
    "WithCancelCause",
    "WithDeadline",
    "WithDeadlineCause",
    "WithTimeout",
    "WithTimeoutCause",
    "WithValue",
    "WithoutCancel",
]


@runtime_checkable
class Context(Protocol):
    """context.Context: a deadline, a cancellation signal and values, for one piece of work.

    Any object with these four methods is a Context; it need not derive from
    a class here. ``runtime_checkable`` so ``isinstance(x, Context)`` works.
    """

    def Deadline(self) -> tuple[time.Time, bool]:
        """When work should be cancelled; ``(Time(), False)`` when there is no deadline."""
        ...

    def Done(self) -> hchan[Any] | None:
        """A channel closed on cancellation, or None (never closed). Always the same channel."""
        ...

    def Err(self) -> error | None:
        """None until Done is closed; then Canceled or DeadlineExceeded, for ever."""
        ...

    def Value(self, key: Any) -> Any:
        """The value stored for key in this context or an ancestor, or None."""
        ...


# Aliases used inside classes that have a field named ``Context`` (Go's
# embedded parent), where the bare name would be ambiguous to a reader.
_Context: TypeAlias = Context

CancelFunc: TypeAlias = Callable[[], None]
"""context.CancelFunc: tell an operation to abandon its work; later calls do nothing.

It does not wait for the work to stop, and may be called from any goroutine.
"""

CancelCauseFunc: TypeAlias = Callable[[error | None], None]
"""context.CancelCauseFunc: a CancelFunc that also records the cause (None means Canceled).

If the context is already cancelled, the cause is not changed.
"""


Canceled: Final[error] = errors.New("context canceled")
"""context.Canceled: Err of a context cancelled other than by its deadline."""


class deadlineExceededError(Exception):
    """context.deadlineExceededError: the type of DeadlineExceeded.

    A value type in Go with no fields, so every value equals every other;
    ``==`` and ``hash`` here say the same, which lets ``errors.Is`` match a
    second instance as Go would. Use the singleton ``DeadlineExceeded``.
    """

    _goType = "context.deadlineExceededError"  # what %T prints (std/fmt.py)

    def Error(self) -> str:
        """context.deadlineExceededError.Error."""
        return "context deadline exceeded"

    def Timeout(self) -> bool:
        """context.deadlineExceededError.Timeout: always True (a net.Error-style timeout)."""
        return True

    def Temporary(self) -> bool:
        """context.deadlineExceededError.Temporary: always True."""
        return True

    def __str__(self) -> str:
        return self.Error()

    def __eq__(self, other: object) -> bool:
        return type(other) is deadlineExceededError

    def __hash__(self) -> int:
        return hash(deadlineExceededError)


DeadlineExceeded: Final[error] = deadlineExceededError()
"""context.DeadlineExceeded: Err of a context cancelled because its deadline passed."""


# ---------------------------------------------------------------------------
# The roots.


class emptyCtx:
    """context.emptyCtx: never cancelled, no values, no deadline. Base of the two roots."""

    __slots__ = ()

    def Deadline(self) -> tuple[time.Time, bool]:
        """context.emptyCtx.Deadline: no deadline."""
        return time.Time(), False

    def Done(self) -> hchan[None] | None:
        """context.emptyCtx.Done: the nil channel."""
        return None

    def Err(self) -> error | None:
        """context.emptyCtx.Err: never an error."""
        return None

    def Value(self, key: Any) -> Any:
        """context.emptyCtx.Value: no values."""
        return None


class backgroundCtx(emptyCtx):
    """context.backgroundCtx: what Background returns."""

    __slots__ = ()

    def String(self) -> str:
        """context.backgroundCtx.String."""
        return "context.Background"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<{self.String()}>"


class todoCtx(emptyCtx):
    """context.todoCtx: what TODO returns."""

    __slots__ = ()

    def String(self) -> str:
        """context.todoCtx.String."""
        return "context.TODO"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<{self.String()}>"


_background: Final = backgroundCtx()
_todo: Final = todoCtx()


def Background() -> Context:
    """context.Background: the empty root context, for main, tests and incoming requests."""
    return _background


def TODO() -> Context:
    """context.TODO: the empty root context, for code not yet given a Context to use."""
    return _todo


# ---------------------------------------------------------------------------
# Cancellation.


def WithCancel(parent: Context) -> tuple[Context, CancelFunc]:
    """context.WithCancel: a child with its own Done, closed by cancel or by the parent's."""
    c = withCancel(parent)

    def cancel() -> None:
        c.cancel(True, Canceled, None)

    return c, cancel


def WithCancelCause(parent: Context) -> tuple[Context, CancelCauseFunc]:
    """context.WithCancelCause: WithCancel whose cancel function records a cause for Cause."""
    c = withCancel(parent)

    def cancel(cause: error | None) -> None:
        c.cancel(True, Canceled, cause)

    return c, cancel


def withCancel(parent: Context | None) -> cancelCtx:
    """context.withCancel: make a cancelCtx and hook it under parent."""
    if parent is None:
        raise Panic("cannot create context from nil parent")
    c = cancelCtx(parent)
    c.propagateCancel(parent, c)
    return c


def Cause(c: Context) -> error | None:
    """context.Cause: why c was cancelled; None while it is not.

    The first cancellation of c or of an ancestor sets the cause: the error
    given to a CancelCauseFunc (or a *Cause deadline), else the same value
    as ``c.Err()``.
    """
    err = c.Err()
    if err is None:
        return None
    cc = c.Value(cancelCtxKey)
    if isinstance(cc, cancelCtx):
        with cc.mu:
            cause = cc.cause
        if cause is not None:
            return cause
        # The nearest cancelCtx has not been cancelled, so c was cancelled
        # by a custom Context implementation in between: fall back to Err.
    return err


def AfterFunc(ctx: Context, f: Callable[[], object]) -> Callable[[], bool]:
    """context.AfterFunc: run f in its own goroutine once ctx is cancelled.

    If ctx is already cancelled f starts at once (still in its own
    goroutine). Each call is independent. ``stop()`` undoes the
    arrangement and returns True if that kept f from running; False means
    f has been started or stop was called before. stop does not wait for f.
    A ctx with an ``AfterFunc(f) -> stop`` method of its own is asked to
    schedule the call.
    """
    a = afterFuncCtx(ctx, f)
    a.propagateCancel(ctx, a)

    def stop() -> bool:
        stopped = False

        def claim() -> None:
            nonlocal stopped
            stopped = True

        a.once.Do(claim)
        if stopped:
            a.cancel(True, Canceled, None)
        return stopped

    return stop


class afterFuncer(Protocol):
    """context.afterFuncer: a Context that can schedule AfterFunc callbacks itself."""

    def AfterFunc(self, f: Callable[[], None]) -> Callable[[], bool]: ...


class canceler(Protocol):
    """context.canceler: a context that can be cancelled directly (the cancelCtx family)."""

    def cancel(self, removeFromParent: bool, err: error | None, cause: error | None) -> None: ...

    def Done(self) -> hchan[Any] | None: ...


class _embeddedContext:
    """Go's embedded ``Context`` field: the methods a context type does not define are its parent's.

    stopCtx, cancelCtx (and so timerCtx and afterFuncCtx) and valueCtx embed
    their parent in Go; Go promotes the parent's methods, and this base class
    does the same by forwarding each one to ``self.Context``.
    """

    __slots__ = ("Context",)

    Context: _Context

    def Deadline(self) -> tuple[time.Time, bool]:
        """The parent's Deadline."""
        return self.Context.Deadline()

    def Done(self) -> hchan[Any] | None:
        """The parent's Done."""
        return self.Context.Done()

    def Err(self) -> error | None:
        """The parent's Err."""
        return self.Context.Err()

    def Value(self, key: Any) -> Any:
        """The parent's Value."""
        return self.Context.Value(key)


class stopCtx(_embeddedContext):
    """context.stopCtx: the parent link of a cancelCtx registered through the parent's AfterFunc.

    It answers as the parent does and holds ``stop``, which removeChild calls
    to unregister. Like Go's it has no String method, so contextName prints
    its type name, "context.stopCtx".
    """

    _goType = "context.stopCtx"  # a struct value in Go (std/fmt.py's _goType)

    __slots__ = ("stop",)

    def __init__(self, parent: _Context, stop: Callable[[], bool]) -> None:
        self.Context = parent
        self.stop = stop


goroutines = 0
"""context.goroutines: how many goroutines propagateCancel has started; read by tests."""


class _cancelCtxKeyType:
    """The type of cancelCtxKey: a private object no user key can equal."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "context.cancelCtxKey"


cancelCtxKey: Final = _cancelCtxKeyType()
"""context.cancelCtxKey (Go uses its address): the key for which a cancelCtx returns itself."""


def parentCancelCtx(parent: Context) -> tuple[cancelCtx | None, bool]:
    """context.parentCancelCtx: the cancelCtx whose Done parent returns, if there is one.

    ``parent.Value(cancelCtxKey)`` finds the innermost cancelCtx above (or
    at) parent; it counts only if its Done channel is the one parent
    returns. A custom context that wraps a cancelCtx but supplies its own
    Done must not be bypassed, or its own cancellation would go unseen.
    """
    done = parent.Done()
    if done is closedchan or done is None:
        return None, False
    p = parent.Value(cancelCtxKey)
    if not isinstance(p, cancelCtx):
        return None, False
    if p.done is not done:
        return None, False
    return p, True


def removeChild(parent: Context, child: canceler) -> None:
    """context.removeChild: unhook child from the cancelCtx (or AfterFunc) above it."""
    if isinstance(parent, stopCtx):
        parent.stop()
        return
    p, ok = parentCancelCtx(parent)
    if not ok or p is None:
        return
    with p.mu:
        if p.children is not None:
            p.children.pop(child, None)


# closedchan: a channel closed once and shared by every context cancelled
# before its Done was ever asked for (receives from it never block, so one
# channel serves every rt.run).
closedchan: Final[hchan[None]] = hchan(0)
closedchan.close()


class cancelCtx(_embeddedContext):
    """context.cancelCtx: a context that can be cancelled, and cancels its children with it.

    ``Context`` is the parent (Go's embedded field), set by propagateCancel.
    Guarded by ``mu``: ``done`` (None until Done or cancel makes it; then
    fixed), ``children`` (None once cancelled), ``err`` and ``cause`` (set
    together, once, by the first cancel).
    """

    __slots__ = ("mu", "done", "children", "err", "cause")

    def __init__(self, parent: _Context) -> None:
        self.Context = parent
        self.mu = sync.Mutex()
        self.done: hchan[None] | None = None
        self.children: dict[canceler, None] | None = None
        self.err: error | None = None
        self.cause: error | None = None

    def Value(self, key: Any) -> Any:
        """context.cancelCtx.Value: itself for cancelCtxKey, else the parent chain's value."""
        if key is cancelCtxKey:
            return self
        return value(self.Context, key)

    def Done(self) -> hchan[None]:
        """context.cancelCtx.Done: the channel closed on cancel, made on first use."""
        d = self.done
        if d is not None:
            return d
        with self.mu:
            d = self.done
            if d is None:
                d = hchan(0)
                self.done = d
            return d

    def Err(self) -> error | None:
        """context.cancelCtx.Err: None, or the error of the first cancel.

        Go receives from Done before returning a non-nil error so that no
        caller sees the error while Done is still open (Go issue 75533).
        Here cancel stores err and closes done with no park point between,
        so the receive never blocks; it is kept to state the guarantee.
        """
        err = self.err
        if err is not None:
            chanrecv1(self.Done())
            return err
        return None

    def propagateCancel(self, parent: _Context, child: canceler) -> None:
        """context.cancelCtx.propagateCancel: arrange for child to be cancelled with parent.

        Also sets the parent link. The cases are described in the module doc.
        """
        global goroutines
        self.Context = parent

        done = parent.Done()
        if done is None:
            return  # parent can never be cancelled

        i, _, _ = rt.select(rt.recv(done), default=True)
        if i == 0:
            # parent is already cancelled
            child.cancel(False, parent.Err(), Cause(parent))
            return

        p, ok = parentCancelCtx(parent)
        if ok and p is not None:
            # parent is one of our cancelCtxs, or wraps one without changing Done.
            with p.mu:
                if p.err is not None:
                    # cancelled since the check above
                    child.cancel(False, p.err, p.cause)
                else:
                    if p.children is None:
                        p.children = {}
                    p.children[child] = None
            return

        af = getattr(parent, "AfterFunc", None)
        if callable(af):
            # A foreign parent that can call us back when it is cancelled.
            with self.mu:

                def onParentDone() -> None:
                    child.cancel(False, parent.Err(), Cause(parent))

                stop = af(onParentDone)
                self.Context = stopCtx(parent, stop)
            return

        # A foreign parent with no AfterFunc: watch both channels. The child's
        # Done closing ends the goroutine, so it never outlives the child.
        goroutines += 1

        def watch() -> None:
            i, _, _ = rt.select(rt.recv(parent.Done()), rt.recv(child.Done()))
            if i == 0:
                child.cancel(False, parent.Err(), Cause(parent))

        rt.go(watch)

    def String(self) -> str:
        """context.cancelCtx.String: the parent's name followed by ".WithCancel"."""
        return contextName(self.Context) + ".WithCancel"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<{self.String()}>"

    def cancel(self, removeFromParent: bool, err: error | None, cause: error | None) -> None:
        """context.cancelCtx.cancel: close Done, cancel the children, maybe leave the parent.

        Only the first call does anything; it records err and cause (err if
        cause is None) and hands both down to every child.
        """
        if err is None:
            raise Panic("context: internal error: missing cancel error")
        if cause is None:
            cause = err
        with self.mu:
            if self.err is not None:
                return  # already cancelled
            self.err = err
            self.cause = cause
            d = self.done
            if d is None:
                self.done = closedchan
            else:
                d.close()
            children = self.children
            self.children = None
            if children:
                for child in list(children):
                    # The child's lock is taken while ours is held: parent before child.
                    child.cancel(False, err, cause)

        if removeFromParent:
            removeChild(self.Context, self)


def contextName(c: Context) -> str:
    """context.contextName: c's String(), or failing that the name of its type."""
    s = getattr(c, "String", None)
    if callable(s):
        return str(s())
    return _typeName(c)


def _typeName(v: object) -> str:
    """reflectlite.TypeOf(v).String(): the Go type v stands for, as fmt's %T prints it.

    ``float64`` for a float, ``main.key`` for a dataclass of the main
    program, ``*main.myCtx`` for another object (std/fmt.py's mapping).
    """
    return _typeString(v)


# ---------------------------------------------------------------------------
# WithoutCancel.


def WithoutCancel(parent: Context) -> Context:
    """context.WithoutCancel: parent's values without its cancellation.

    No Deadline, no Err, a None Done; Cause of it is None.
    """
    if parent is None:
        raise Panic("cannot create context from nil parent")
    return withoutCancelCtx(parent)


class withoutCancelCtx:
    """context.withoutCancelCtx: see WithoutCancel. ``c`` is the parent."""

    __slots__ = ("c",)

    def __init__(self, c: _Context) -> None:
        self.c = c

    def Deadline(self) -> tuple[time.Time, bool]:
        """context.withoutCancelCtx.Deadline: none."""
        return time.Time(), False

    def Done(self) -> hchan[None] | None:
        """context.withoutCancelCtx.Done: the nil channel."""
        return None

    def Err(self) -> error | None:
        """context.withoutCancelCtx.Err: never an error."""
        return None

    def Value(self, key: Any) -> Any:
        """context.withoutCancelCtx.Value: the parent chain's value (never a cancelCtx)."""
        return value(self, key)

    def String(self) -> str:
        """context.withoutCancelCtx.String."""
        return contextName(self.c) + ".WithoutCancel"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<{self.String()}>"


# ---------------------------------------------------------------------------
# Deadlines.


def WithDeadline(parent: Context, d: time.Time) -> tuple[Context, CancelFunc]:
    """context.WithDeadline: a child cancelled at d at the latest (and with its parent).

    If the parent's deadline is already earlier this is WithCancel(parent).
    A d in the past cancels the child before this returns. d is a
    time.Time (an instant); a Duration there is a TypeError: that is
    WithTimeout's parameter.
    """
    time._needTime("context.WithDeadline", "d", d)
    return WithDeadlineCause(parent, d, None)


def WithDeadlineCause(
    parent: Context, d: time.Time, cause: error | None
) -> tuple[Context, CancelFunc]:
    """context.WithDeadlineCause: WithDeadline whose expiry records cause for Cause.

    The returned CancelFunc does not set a cause.
    """
    time._needTime("context.WithDeadlineCause", "d", d)
    if parent is None:
        raise Panic("cannot create context from nil parent")
    cur, ok = parent.Deadline()
    if ok and cur.Before(d):
        # The current deadline is already sooner than the new one.
        return WithCancel(parent)
    c = timerCtx(parent, d)
    c.propagateCancel(parent, c)
    dur = time.Until(d)
    if dur <= 0:
        c.cancel(True, DeadlineExceeded, cause)  # the deadline has already passed

        def cancelExpired() -> None:
            c.cancel(False, Canceled, None)

        return c, cancelExpired

    def expire() -> None:
        c.cancel(True, DeadlineExceeded, cause)

    with c.mu:
        if c.err is None:
            c.timer = time.AfterFunc(dur, expire)

    def cancel() -> None:
        c.cancel(True, Canceled, None)

    return c, cancel


class timerCtx(cancelCtx):
    """context.timerCtx: a cancelCtx with a deadline and the timer that enforces it.

    ``timer`` is guarded by ``mu``; it is None before it is armed and after
    cancel has stopped it. ``deadline`` never changes.
    """

    __slots__ = ("timer", "deadline")

    def __init__(self, parent: _Context, deadline: time.Time) -> None:
        super().__init__(parent)
        self.timer: time.Timer | None = None
        self.deadline = deadline

    def Deadline(self) -> tuple[time.Time, bool]:
        """context.timerCtx.Deadline."""
        return self.deadline, True

    def String(self) -> str:
        """context.timerCtx.String: "<parent>.WithDeadline(<deadline> [<time left>])"."""
        return (
            contextName(self.Context)
            + ".WithDeadline("
            + self.deadline.String()
            + " ["
            + time.Until(self.deadline).String()
            + "])"
        )

    def cancel(self, removeFromParent: bool, err: error | None, cause: error | None) -> None:
        """context.timerCtx.cancel: cancel as a cancelCtx, then stop the timer."""
        cancelCtx.cancel(self, False, err, cause)
        if removeFromParent:
            # Remove this timerCtx from its parent cancelCtx's children.
            removeChild(self.Context, self)
        with self.mu:
            if self.timer is not None:
                self.timer.Stop()
                self.timer = None


def WithTimeout(parent: Context, timeout: int) -> tuple[Context, CancelFunc]:
    """context.WithTimeout: a copy of parent cancelled after timeout, WithDeadline(parent,
    time.Now().Add(timeout)); call the returned CancelFunc once done to free its timer.

    timeout is a Duration, an int of nanoseconds; a float is a TypeError.
    """
    time._needDuration("context.WithTimeout", "timeout", timeout)
    return WithDeadline(parent, time.Now().Add(timeout))


def WithTimeoutCause(
    parent: Context, timeout: int, cause: error | None
) -> tuple[Context, CancelFunc]:
    """context.WithTimeoutCause: WithDeadlineCause(parent, time.Now().Add(timeout), cause)."""
    time._needDuration("context.WithTimeoutCause", "timeout", timeout)
    return WithDeadlineCause(parent, time.Now().Add(timeout), cause)


# ---------------------------------------------------------------------------
# AfterFunc's node.


class afterFuncCtx(cancelCtx):
    """context.afterFuncCtx: the tree node behind AfterFunc.

    ``once`` is claimed either by cancel (which starts ``f``) or by stop
    (which keeps it from ever starting).
    """

    __slots__ = ("once", "f")

    def __init__(self, parent: _Context, f: Callable[[], object]) -> None:
        super().__init__(parent)
        self.once = sync.Once()
        self.f = f

    def cancel(self, removeFromParent: bool, err: error | None, cause: error | None) -> None:
        """context.afterFuncCtx.cancel: cancel as a cancelCtx, then start f unless stopped."""
        cancelCtx.cancel(self, False, err, cause)
        if removeFromParent:
            removeChild(self.Context, self)

        def start() -> None:
            rt.go(self.f)

        self.once.Do(start)


# ---------------------------------------------------------------------------
# Values.


def WithValue(parent: Context, key: Any, val: Any) -> Context:
    """context.WithValue: a child in which Value(key) is val.

    key must not be None and must be comparable (the module doc says which
    Python values are not, and how keys compare). Like Go's, keys are best
    of a private type so packages cannot collide.
    """
    if parent is None:
        raise Panic("cannot create context from nil parent")
    if key is None:
        raise Panic("nil key")
    if not sync._comparable(key):
        raise Panic("key is not comparable")
    return valueCtx(parent, key, val)


class valueCtx(_embeddedContext):
    """context.valueCtx: one key-value pair; everything else comes from the parent ``Context``."""

    __slots__ = ("key", "val")

    def __init__(self, parent: _Context, key: Any, val: Any) -> None:
        self.Context = parent
        self.key = key
        self.val = val

    def Value(self, key: Any) -> Any:
        """context.valueCtx.Value: val for our key, else the parent chain's value."""
        if sync._goEqual(self.key, key):
            return self.val
        return value(self.Context, key)

    def String(self) -> str:
        """context.valueCtx.String: "<parent>.WithValue(<key>, <val>)"."""
        return (
            contextName(self.Context)
            + ".WithValue("
            + stringify(self.key)
            + ", "
            + stringify(self.val)
            + ")"
        )

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<{self.String()}>"


def stringify(v: object) -> str:
    """context.stringify: v's String(), a str as is, "<nil>" for None, else its type's name."""
    s = getattr(v, "String", None)
    if callable(s):
        return str(s())
    if type(v) is str:
        return v
    if v is None:
        return "<nil>"
    return _typeName(v)


def value(c: Context, key: Any) -> Any:
    """context.value: look key up from c upwards without recursion through our own types.

    Our types are walked in a loop; the first foreign context is asked with
    its own Value method, which may call back into ours.
    """
    while True:
        if isinstance(c, valueCtx):
            if sync._goEqual(c.key, key):
                return c.val
            c = c.Context
        elif isinstance(c, cancelCtx):
            # cancelCtx, timerCtx and afterFuncCtx alike: in Go the latter
            # two answer with their embedded cancelCtx, which is themselves here.
            if key is cancelCtxKey:
                return c
            c = c.Context
        elif isinstance(c, withoutCancelCtx):
            if key is cancelCtxKey:
                # Not the parent's cancelCtx: this makes Cause(ctx) None.
                return None
            c = c.c
        elif isinstance(c, emptyCtx):
            return None
        else:
            return c.Value(key)
