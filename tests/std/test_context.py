"""Tests for std.context, ported from Go's context tests (go1.27.0).

context_test.go (the XTest functions on unexported types: TestParentFinishesChild,
TestChildFinishesFirst, TestCancelRemoves, TestCustomContextGoroutines),
x_test.go (everything else, TestCause's table row for row) and
afterfunc_test.go (the custom afterFuncContext). Each test runs its body as
``main`` inside ``rt.run`` and, where it starts goroutines, ends by checking
that all of them have finished (``_noLeak``). Go's ``quiescent(t)`` bound is
a fixed 5 s here; waits are ordering checks (a select against that bound),
never tight timing. The tests after the Go ports cover what only the Python
port has (key comparison, String fall-backs, the error values) and the
invariants named in std/context.py's docstring.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable
from typing import Any

import pytest

import rt
from rt.chan import hchan
from std import context, errors, sync, time
from std.context import (
    AfterFunc,
    Background,
    Canceled,
    CancelFunc,
    Cause,
    Context,
    DeadlineExceeded,
    WithCancel,
    WithCancelCause,
    WithDeadline,
    WithoutCancel,
    WithTimeout,
    WithTimeoutCause,
    WithValue,
)
from std.errors import error

shortDuration = 1 * time.Millisecond  # a reasonable duration to block in a test
veryLongDuration = 1000 * time.Hour  # an arbitrary upper bound on the test's running time
quiescent = 5 * time.Second  # Go's quiescent(t) without a test deadline


def _run(main: Callable[[], object]) -> None:
    """Run main as goroutine 1 of a fresh program."""
    rt.run(main)


def _noLeak() -> None:
    """Every goroutine but main has ended (waiting a little for readied ones to run)."""
    for _ in range(500):
        if rt.NumGoroutine() == 1:
            return
        time.Sleep(time.Millisecond)
    raise AssertionError(f"{rt.NumGoroutine() - 1} goroutines still running")


def _isDone(c: Context) -> bool:
    """``select { case <-c.Done(): true; default: false }``."""
    i, _, _ = rt.select(rt.recv(c.Done()), default=True)
    return i == 0


def _waitDone(ch: hchan[Any] | None, what: str, d: int = quiescent) -> None:
    """Receive from ch, failing if that takes longer than d."""
    timer = time.NewTimer(d)
    try:
        i, _, _ = rt.select(rt.recv(timer.C), rt.recv(ch))
        assert i == 1, f"timed out after {time.Duration(d)} waiting for {what}"
    finally:
        timer.Stop()


class otherContext:
    """otherContext: a Context that is none of std.context's types, wrapping one.

    Like Go's struct embedding an interface, it forwards only the four
    Context methods (no String, no AfterFunc). Go's tests use it as a value,
    ``otherContext{c}``, so its type prints without a ``*``.
    """

    _goType = "test_context.otherContext"

    def __init__(self, c: Context) -> None:
        self.Context = c

    def Deadline(self) -> tuple[time.Time, bool]:
        return self.Context.Deadline()

    def Done(self) -> hchan[Any] | None:
        return self.Context.Done()

    def Err(self) -> error | None:
        return self.Context.Err()

    def Value(self, key: Any) -> Any:
        return self.Context.Value(key)


class myCtx(otherContext):
    """myCtx (context_test.go): forwards everything, so its Done is the wrapped cancelCtx's."""


class myDoneCtx(otherContext):
    """myDoneCtx (context_test.go): a fresh channel from every Done call."""

    def Done(self) -> hchan[Any] | None:
        c: hchan[None] = rt.chan()
        return c


def _panicValue(fn: Callable[[], object]) -> Any:
    """recoveredValue: the value fn panicked with, or None."""
    try:
        fn()
    except rt.Panic as p:
        return p.value
    return None


# --- context_test.go (XTest*) ------------------------------------------------


def test_ParentFinishesChild() -> None:
    def main() -> None:
        # Context tree:
        # parent -> cancelChild
        # parent -> valueChild -> timerChild
        # parent -> afterChild
        parent, cancel = WithCancel(Background())
        cancelChild, stop1 = WithCancel(parent)
        valueChild = WithValue(parent, "key", "value")
        timerChild, stop2 = WithTimeout(valueChild, veryLongDuration)
        afterStop = AfterFunc(parent, lambda: None)
        try:
            for name, c in [
                ("parent", parent),
                ("cancelChild", cancelChild),
                ("timerChild", timerChild),
                ("valueChild", valueChild),
            ]:
                assert not _isDone(c), f"<-{name}.Done() should block"

            # The parent's children are the three cancelable ones.
            assert isinstance(parent, context.cancelCtx)
            assert isinstance(cancelChild, context.cancelCtx)
            assert isinstance(timerChild, context.timerCtx)
            pc, cc, tc = parent, cancelChild, timerChild
            with pc.mu:
                assert pc.children is not None
                acs = [c for c in pc.children if isinstance(c, context.afterFuncCtx)]
                assert len(pc.children) == 3 and cc in pc.children and tc in pc.children
                assert len(acs) == 1
            ac = acs[0]
            for name, child in [("cancelChild", cc), ("timerChild", tc), ("afterChild", ac)]:
                p, ok = context.parentCancelCtx(child.Context)
                assert ok and p is pc, f"bad linkage: parentCancelCtx({name}.Context) = {p}, {ok}"

            cancel()

            with pc.mu:
                assert not pc.children, f"pc.cancel didn't clear pc.children = {pc.children}"

            # parent and children should all be finished.
            for name, c in [
                ("parent", parent),
                ("cancelChild", cancelChild),
                ("valueChild", valueChild),
                ("timerChild", timerChild),
            ]:
                assert _isDone(c), f"<-{name}.Done() blocked, but shouldn't have"
                assert c.Err() is Canceled, f"{name}.Err() == {c.Err()} want {Canceled}"

            # A context derived from a cancelled parent is cancelled already.
            precanceledChild = WithValue(parent, "key", "value")
            assert _isDone(precanceledChild)
            assert precanceledChild.Err() is Canceled
        finally:
            assert afterStop() is False  # f was started by cancel
            stop2()
            stop1()
        _noLeak()

    _run(main)


def test_ChildFinishesFirst() -> None:
    def main() -> None:
        cancelable, stop = WithCancel(Background())
        try:
            for parent in [Background(), cancelable]:
                child, cancel = WithCancel(parent)
                assert not _isDone(parent) and not _isDone(child)

                assert isinstance(child, context.cancelCtx)
                cc = child
                pcok = isinstance(parent, context.cancelCtx)  # False for Background()
                p, ok = context.parentCancelCtx(cc.Context)
                assert ok == pcok and (not ok or p is parent), f"bad linkage: {p}, {ok}"

                if isinstance(parent, context.cancelCtx):
                    with parent.mu:
                        assert parent.children is not None
                        assert len(parent.children) == 1 and cc in parent.children

                cancel()

                if isinstance(parent, context.cancelCtx):
                    with parent.mu:
                        assert not parent.children, "child's cancel didn't remove self"

                # child is finished, parent is not.
                assert _isDone(child)
                assert child.Err() is Canceled
                assert not _isDone(parent)
                assert parent.Err() is None
        finally:
            stop()

    _run(main)


def test_CancelRemoves() -> None:
    def main() -> None:
        def checkChildren(when: str, ctx: Context, want: int) -> None:
            assert isinstance(ctx, context.cancelCtx)
            got = len(ctx.children or {})
            assert got == want, f"{when}: context has {got} children, want {want}"

        ctx, _ = WithCancel(Background())
        checkChildren("after creation", ctx, 0)
        _, cancel = WithCancel(ctx)
        checkChildren("with WithCancel child ", ctx, 1)
        cancel()
        checkChildren("after canceling WithCancel child", ctx, 0)

        ctx, _ = WithCancel(Background())
        checkChildren("after creation", ctx, 0)
        _, cancel = WithTimeout(ctx, 60 * time.Minute)
        checkChildren("with WithTimeout child ", ctx, 1)
        cancel()
        checkChildren("after canceling WithTimeout child", ctx, 0)

        ctx, _ = WithCancel(Background())
        checkChildren("after creation", ctx, 0)
        stop = AfterFunc(ctx, lambda: None)
        checkChildren("with AfterFunc child ", ctx, 1)
        assert stop() is True
        checkChildren("after stopping AfterFunc child ", ctx, 0)
        _noLeak()

    _run(main)


def test_CustomContextGoroutines() -> None:
    def main() -> None:
        g = context.goroutines

        def checkNoGoroutine() -> None:
            now = context.goroutines
            assert now == g, f"{now - g} goroutines created"

        def checkCreatedGoroutine() -> None:
            nonlocal g
            now = context.goroutines
            assert now == g + 1, f"{now - g} goroutines created, want 1"
            g = now

        _, cancel0 = WithCancel(myDoneCtx(Background()))
        cancel0()
        checkCreatedGoroutine()

        _, cancel0 = WithTimeout(myDoneCtx(Background()), veryLongDuration)
        cancel0()
        checkCreatedGoroutine()

        checkNoGoroutine()
        cancels: list[CancelFunc] = []  # Go's defers, run in reverse
        try:
            ctx1, cancel1 = WithCancel(Background())
            cancels.append(cancel1)
            checkNoGoroutine()

            ctx2 = myCtx(ctx1)
            ctx3, cancel3 = WithCancel(ctx2)
            cancels.append(cancel3)
            checkNoGoroutine()

            _, cancel3b = WithCancel(myDoneCtx(ctx2))
            cancels.append(cancel3b)
            checkCreatedGoroutine()  # ctx1 is not providing Done, must not be used

            ctx4, cancel4 = WithTimeout(ctx3, veryLongDuration)
            cancels.append(cancel4)
            checkNoGoroutine()

            ctx5, cancel5 = WithCancel(ctx4)
            cancels.append(cancel5)
            checkNoGoroutine()

            cancel5()
            checkNoGoroutine()

            _, cancel6 = WithTimeout(ctx5, veryLongDuration)
            cancels.append(cancel6)
            checkNoGoroutine()

            # Check applied to canceled context.
            cancel6()
            cancel1()
            _, cancel7 = WithCancel(ctx5)
            cancels.append(cancel7)
            checkNoGoroutine()
        finally:
            for c in reversed(cancels):
                c()
        checkNoGoroutine()
        # The three watcher goroutines ended with their children.
        _noLeak()

    _run(main)


# --- x_test.go -------------------------------------------------------------


def test_Background() -> None:
    c = Background()
    assert c is not None
    assert c.Done() is None  # never ready in a select
    assert str(c) == "context.Background"
    assert c.Deadline() == (time.Time(), False) and c.Err() is None and c.Value("k") is None

    def main() -> None:
        assert not _isDone(c)

    _run(main)


def test_TODO() -> None:
    c = context.TODO()
    assert c is not None
    assert c.Done() is None
    assert str(c) == "context.TODO"
    assert c.Deadline()[1] is False and c.Err() is None

    def main() -> None:
        assert not _isDone(c)

    _run(main)


def test_WithCancel() -> None:
    def main() -> None:
        c1, cancel = WithCancel(Background())
        assert str(c1) == "context.Background.WithCancel"

        o = otherContext(c1)
        c2, cancel2 = WithCancel(o)
        contexts: list[Context] = [c1, o, c2]

        for i, c in enumerate(contexts):
            assert c.Done() is not None, f"c[{i}].Done() == None want non-nil"
            assert c.Err() is None, f"c[{i}].Err() == {c.Err()} want None"
            assert not _isDone(c)

        cancel()  # Should propagate synchronously.
        for i, c in enumerate(contexts):
            assert _isDone(c), f"<-c[{i}].Done() blocked, but shouldn't have"
            assert c.Err() is Canceled, f"c[{i}].Err() == {c.Err()} want {Canceled}"
        cancel2()
        _noLeak()

    _run(main)


def _testDeadline(c: Context, name: str) -> None:
    """testDeadline: c's Done closes within quiescent, with DeadlineExceeded."""
    _waitDone(c.Done(), f"{name}: context to time out")
    e = c.Err()
    assert e is DeadlineExceeded, f"{name}: c.Err() == {e}; want {DeadlineExceeded}"


def test_Deadline() -> None:
    def main() -> None:
        c, _ = WithDeadline(Background(), time.Now().Add(shortDuration))
        assert str(c).startswith("context.Background.WithDeadline(")
        _testDeadline(c, "WithDeadline")

        c, _ = WithDeadline(Background(), time.Now().Add(shortDuration))
        o = otherContext(c)
        _testDeadline(o, "WithDeadline+otherContext")

        c, _ = WithDeadline(Background(), time.Now().Add(shortDuration))
        o = otherContext(c)
        c, _ = WithDeadline(o, time.Now().Add(veryLongDuration))
        _testDeadline(c, "WithDeadline+otherContext+WithDeadline")

        c, _ = WithDeadline(Background(), time.Now().Add(-shortDuration))
        _testDeadline(c, "WithDeadline+inthepast")

        c, _ = WithDeadline(Background(), time.Now())
        _testDeadline(c, "WithDeadline+now")
        _noLeak()

    _run(main)


def test_Timeout() -> None:
    def main() -> None:
        c, _ = WithTimeout(Background(), shortDuration)
        assert str(c).startswith("context.Background.WithDeadline(")
        _testDeadline(c, "WithTimeout")

        c, _ = WithTimeout(Background(), shortDuration)
        o = otherContext(c)
        _testDeadline(o, "WithTimeout+otherContext")

        c, _ = WithTimeout(Background(), shortDuration)
        o = otherContext(c)
        c, _ = WithTimeout(o, veryLongDuration)
        _testDeadline(c, "WithTimeout+otherContext+WithTimeout")
        _noLeak()

    _run(main)


def test_CanceledTimeout() -> None:
    def main() -> None:
        c, cancel0 = WithTimeout(Background(), time.Second)
        o = otherContext(c)
        c, cancel = WithTimeout(o, veryLongDuration)
        cancel()  # Should propagate synchronously.
        assert _isDone(c), "<-c.Done() blocked, but shouldn't have"
        assert c.Err() is Canceled
        assert o.Err() is None  # cancelling the child leaves the parent alone
        cancel0()
        _noLeak()

    _run(main)


class key1(int):
    """key1: an int key type without a String method."""


class key2(int):
    """key2: an int key type whose String prints its type and value (Go's %T(%d))."""

    def String(self) -> str:
        return f"test_context.key2({int(self)})"


k1 = key1(1)
k2 = key2(1)  # same int as k1, different type
k3 = key2(3)  # same type as k2, different int


def test_Values() -> None:
    def check(c: Context, nm: str, v1: str, v2: str, v3: str) -> None:
        for k, want in [(k1, v1), (k2, v2), (k3, v3)]:
            v = c.Value(k)
            ok = isinstance(v, str)
            assert ok == (want != "") and (v if ok else "") == want, (
                f"{nm}.Value({k!r}) = {v!r} want {want!r}"
            )

    c0 = Background()
    check(c0, "c0", "", "", "")

    c1 = WithValue(Background(), k1, "c1k1")
    check(c1, "c1", "c1k1", "", "")
    assert str(c1) == "context.Background.WithValue(test_context.key1, c1k1)"

    c2 = WithValue(c1, k2, "c2k2")
    check(c2, "c2", "c1k1", "c2k2", "")
    assert str(c2) == (
        "context.Background.WithValue(test_context.key1, c1k1)"
        ".WithValue(test_context.key2(1), c2k2)"
    )

    c3 = WithValue(c2, k3, "c3k3")
    check(c3, "c2", "c1k1", "c2k2", "c3k3")

    c4 = WithValue(c3, k1, None)
    check(c4, "c4", "", "c2k2", "c3k3")
    assert str(c4) == (
        "context.Background.WithValue(test_context.key1, c1k1)"
        ".WithValue(test_context.key2(1), c2k2)"
        ".WithValue(test_context.key2(3), c3k3)"
        ".WithValue(test_context.key1, <nil>)"
    )

    o0 = otherContext(Background())
    check(o0, "o0", "", "", "")

    o1 = otherContext(WithValue(Background(), k1, "c1k1"))
    check(o1, "o1", "c1k1", "", "")

    o2 = WithValue(o1, k2, "o2k2")
    check(o2, "o2", "c1k1", "o2k2", "")

    o3 = otherContext(c4)
    check(o3, "o3", "", "c2k2", "c3k3")

    o4 = WithValue(o3, k3, None)
    check(o4, "o4", "", "c2k2", "")


def test_Allocs() -> None:
    pytest.skip(
        "TestAllocs counts Go heap allocations (testing.AllocsPerRun, escape analysis); "
        "Python allocates an object for every value and has no counterpart to measure"
    )


def test_SimultaneousCancels() -> None:
    def main() -> None:
        root, cancel = WithCancel(Background())
        m: dict[Context, CancelFunc] = {root: cancel}
        q = [root]
        # Create a tree of contexts.
        while q and len(m) < 100:
            parent = q.pop(0)
            for _ in range(4):
                ctx, cancel = WithCancel(parent)
                m[ctx] = cancel
                q.append(ctx)
        # Start all the cancels in a random order.
        wg = sync.WaitGroup()
        wg.Add(len(m))
        cancels = list(m.values())
        random.shuffle(cancels)

        def canceller(cancel: CancelFunc) -> None:
            cancel()
            wg.Done()

        for c in cancels:
            rt.go(canceller, c)

        stuck: hchan[None] = rt.chan()
        timer = time.AfterFunc(quiescent, stuck.close)
        try:
            # Wait on all the contexts in a random order.
            ctxs = list(m)
            random.shuffle(ctxs)
            for ctx in ctxs:
                i, _, _ = rt.select(rt.recv(ctx.Done()), rt.recv(stuck))
                assert i == 0, f"timed out waiting for <-ctx.Done(); stacks:\n{rt.Stack(True)}"
            # Wait for all the cancel functions to return.
            done: hchan[None] = rt.chan()

            def waiter() -> None:
                wg.Wait()
                done.close()

            rt.go(waiter)
            i, _, _ = rt.select(rt.recv(done), rt.recv(stuck))
            assert i == 0, "timed out waiting for cancel functions"
        finally:
            timer.Stop()
        for ctx in m:
            assert ctx.Err() is Canceled
        _noLeak()

    _run(main)


def test_InterlockedCancels() -> None:
    def main() -> None:
        parent, cancelParent = WithCancel(Background())
        child, cancelChild = WithCancel(parent)

        def g() -> None:
            rt.chanrecv1(parent.Done())
            cancelChild()

        rt.go(g)
        cancelParent()
        _waitDone(child.Done(), "child.Done()")
        _noLeak()

    _run(main)


def _testLayers(seed: int, testTimeout: bool) -> None:
    """testLayers: a random stack of value, cancel and timeout layers."""
    r = random.Random(seed)
    prefix = f"seed={seed}"
    minLayers = 30

    class value:
        """Go's *value keys: distinct objects, equal only to themselves."""

    def main() -> None:
        vals: list[value] = []
        cancels: list[CancelFunc] = []
        numTimers = 0
        ctx: Context = Background()
        i = 0
        while i < minLayers or numTimers == 0 or not cancels or not vals:
            k = r.randrange(3)
            if k == 0:
                v = value()
                ctx = WithValue(ctx, v, v)
                vals.append(v)
            elif k == 1:
                ctx, cancel = WithCancel(ctx)
                cancels.append(cancel)
            else:
                d = shortDuration if testTimeout else veryLongDuration
                ctx, cancel = WithTimeout(ctx, d)
                cancels.append(cancel)
                numTimers += 1
            i += 1

        def checkValues(when: str) -> None:
            for key in vals:
                val = ctx.Value(key)
                assert val is key, f"{prefix} {when}: ctx.Value({key}) = {val} want {key}"

        if not testTimeout:
            assert not _isDone(ctx), f"{prefix} ctx should not be canceled yet"
        s = str(ctx)
        assert s.startswith("context.Background."), f"ctx.String() = {s!r}"
        checkValues("before cancel")
        if testTimeout:
            _waitDone(ctx.Done(), f"{prefix} ctx to time out")
            assert ctx.Err() is DeadlineExceeded
            checkValues("after timeout")
        else:
            cancel = cancels[r.randrange(len(cancels))]
            cancel()
            assert _isDone(ctx), f"{prefix} ctx should be canceled"
            assert ctx.Err() is Canceled
            checkValues("after cancel")
        for c in cancels:
            c()
        _noLeak()

    _run(main)


def test_LayersCancel() -> None:
    _testLayers(time.Now().UnixNano(), False)


def test_LayersTimeout() -> None:
    _testLayers(time.Now().UnixNano(), True)


def test_WithCancelCanceledParent() -> None:
    def main() -> None:
        parent, pcancel = WithCancelCause(Background())
        cause = errors.New("Because!")
        pcancel(cause)

        c, _ = WithCancel(parent)
        assert _isDone(c), "child not done immediately upon construction"
        assert c.Err() is Canceled
        assert Cause(c) is cause

    _run(main)


def test_WithCancelSimultaneouslyCanceledParent() -> None:
    # Cancel the parent in a goroutine while a child is created. With no
    # preemption the goroutine runs at the first park, so half the rounds
    # yield first: then the parent is cancelled before the child exists.
    def main() -> None:
        for i in range(100):
            parent, pcancel = WithCancelCause(Background())
            cause = errors.New("Because!")
            rt.go(pcancel, cause)
            if i % 2:
                rt.Gosched()

            c, _ = WithCancel(parent)
            rt.chanrecv1(c.Done())
            assert c.Err() is Canceled, f"child not canceled; got = {c.Err()}"
            assert Cause(c) is cause, f"child has wrong cause; got = {Cause(c)}"
        _noLeak()

    _run(main)


def test_WithValueChecksKey() -> None:
    panicVal = _panicValue(lambda: WithValue(Background(), bytearray(b"foo"), "bar"))
    assert panicVal == "key is not comparable"
    panicVal = _panicValue(lambda: WithValue(Background(), None, "bar"))
    assert str(panicVal) == "nil key"


def test_InvalidDerivedFail() -> None:
    def main() -> None:
        nil: Any = None
        for fn in [
            lambda: WithCancel(nil),
            lambda: WithCancelCause(nil),
            lambda: WithDeadline(nil, time.Now().Add(shortDuration)),
            lambda: WithTimeout(nil, shortDuration),
            lambda: WithValue(nil, "foo", "bar"),
            lambda: WithoutCancel(nil),
        ]:
            assert _panicValue(fn) == "cannot create context from nil parent"

    _run(main)


def test_DeadlineExceededSupportsTimeout() -> None:
    timeout = getattr(DeadlineExceeded, "Timeout", None)
    assert timeout is not None, "DeadlineExceeded does not support Timeout interface"
    assert timeout() is True


forever = 1_000_000 * time.Second
parentCause = errors.New("parentCause")
childCause = errors.New("childCause")
tooSlow = errors.New("tooSlow")
finishedEarly = errors.New("finishedEarly")


def _causeWithCancel() -> Context:
    ctx, cancel = WithCancel(Background())
    cancel()
    return ctx


def _causeWithCancelCause() -> Context:
    ctx, cancel = WithCancelCause(Background())
    cancel(parentCause)
    return ctx


def _causeWithCancelCauseNil() -> Context:
    ctx, cancel = WithCancelCause(Background())
    cancel(None)
    return ctx


def _causeParentBeforeChild() -> Context:
    ctx, cancelParent = WithCancelCause(Background())
    ctx, cancelChild = WithCancelCause(ctx)
    cancelParent(parentCause)
    cancelChild(childCause)
    return ctx


def _causeParentAfterChild() -> Context:
    ctx, cancelParent = WithCancelCause(Background())
    ctx, cancelChild = WithCancelCause(ctx)
    cancelChild(childCause)
    cancelParent(parentCause)
    return ctx


def _causeParentBeforeNil() -> Context:
    ctx, cancelParent = WithCancelCause(Background())
    ctx, cancelChild = WithCancel(ctx)
    cancelParent(parentCause)
    cancelChild()
    return ctx


def _causeParentAfterNil() -> Context:
    ctx, cancelParent = WithCancelCause(Background())
    ctx, cancelChild = WithCancel(ctx)
    cancelChild()
    cancelParent(parentCause)
    return ctx


def _causeChildAfterNil() -> Context:
    ctx, cancelParent = WithCancel(Background())
    ctx, cancelChild = WithCancelCause(ctx)
    cancelParent()
    cancelChild(childCause)
    return ctx


def _causeChildBeforeNil() -> Context:
    ctx, cancelParent = WithCancel(Background())
    ctx, cancelChild = WithCancelCause(ctx)
    cancelChild(childCause)
    cancelParent()
    return ctx


def _causeWithTimeout() -> Context:
    ctx, cancel = WithTimeout(Background(), 0)
    cancel()
    return ctx


def _causeWithTimeoutCanceled() -> Context:
    ctx, cancel = WithTimeout(Background(), forever)
    cancel()
    return ctx


def _causeWithTimeoutCause() -> Context:
    ctx, cancel = WithTimeoutCause(Background(), 0, tooSlow)
    cancel()
    return ctx


def _causeWithTimeoutCauseCanceled() -> Context:
    ctx, cancel = WithTimeoutCause(Background(), forever, tooSlow)
    cancel()
    return ctx


def _causeWithTimeoutCauseStacked() -> Context:
    ctx, cancel = WithCancelCause(Background())
    ctx, _ = WithTimeoutCause(ctx, 0, tooSlow)
    cancel(finishedEarly)
    return ctx


def _causeWithTimeoutCauseStackedCanceled() -> Context:
    ctx, cancel = WithCancelCause(Background())
    ctx, _ = WithTimeoutCause(ctx, forever, tooSlow)
    cancel(finishedEarly)
    return ctx


def _causeWithoutCancel() -> Context:
    return WithoutCancel(Background())


def _causeWithoutCancelCanceled() -> Context:
    ctx, cancel = WithCancelCause(Background())
    ctx = WithoutCancel(ctx)
    cancel(finishedEarly)
    return ctx


def _causeWithoutCancelTimeout() -> Context:
    ctx, cancel = WithTimeoutCause(Background(), 0, tooSlow)
    ctx = WithoutCancel(ctx)
    cancel()
    return ctx


def _causeCustomNotCanceled() -> Context:
    ctx, _ = WithCancelCause(Background())
    ctx, cancel2 = newCustomContext(ctx)
    cancel2()
    return ctx


def _causeCustomCanceledBefore() -> Context:
    ctx, cancel1 = WithCancelCause(Background())
    ctx, cancel2 = newCustomContext(ctx)
    cancel1(parentCause)
    cancel2()
    return ctx


def _causeCustomCanceledAfter() -> Context:
    ctx, cancel1 = WithCancelCause(Background())
    ctx, cancel2 = newCustomContext(ctx)
    cancel2()
    cancel1(parentCause)
    return ctx


# TestCause's table, row for row: (name, ctx, err, cause).
causeTests: list[tuple[str, Callable[[], Context], error | None, error | None]] = [
    ("Background", Background, None, None),
    ("TODO", context.TODO, None, None),
    ("WithCancel", _causeWithCancel, Canceled, Canceled),
    ("WithCancelCause", _causeWithCancelCause, Canceled, parentCause),
    ("WithCancelCause nil", _causeWithCancelCauseNil, Canceled, Canceled),
    ("WithCancelCause: parent cause before child", _causeParentBeforeChild, Canceled, parentCause),
    ("WithCancelCause: parent cause after child", _causeParentAfterChild, Canceled, childCause),
    ("WithCancelCause: parent cause before nil", _causeParentBeforeNil, Canceled, parentCause),
    ("WithCancelCause: parent cause after nil", _causeParentAfterNil, Canceled, Canceled),
    ("WithCancelCause: child cause after nil", _causeChildAfterNil, Canceled, Canceled),
    ("WithCancelCause: child cause before nil", _causeChildBeforeNil, Canceled, childCause),
    ("WithTimeout", _causeWithTimeout, DeadlineExceeded, DeadlineExceeded),
    ("WithTimeout canceled", _causeWithTimeoutCanceled, Canceled, Canceled),
    ("WithTimeoutCause", _causeWithTimeoutCause, DeadlineExceeded, tooSlow),
    ("WithTimeoutCause canceled", _causeWithTimeoutCauseCanceled, Canceled, Canceled),
    ("WithTimeoutCause stacked", _causeWithTimeoutCauseStacked, DeadlineExceeded, tooSlow),
    (
        "WithTimeoutCause stacked canceled",
        _causeWithTimeoutCauseStackedCanceled,
        Canceled,
        finishedEarly,
    ),
    ("WithoutCancel", _causeWithoutCancel, None, None),
    ("WithoutCancel canceled", _causeWithoutCancelCanceled, None, None),
    ("WithoutCancel timeout", _causeWithoutCancelTimeout, None, None),
    ("parent of custom context not canceled", _causeCustomNotCanceled, Canceled, Canceled),
    (
        "parent of custom context is canceled before",
        _causeCustomCanceledBefore,
        Canceled,
        parentCause,
    ),
    # Not really right (the child was cancelled first and should not inherit
    # the parent's cause), but Cause cannot tell with a custom context: as Go.
    (
        "parent of custom context is canceled after",
        _causeCustomCanceledAfter,
        Canceled,
        parentCause,
    ),
]


@pytest.mark.parametrize("name, mk, err, cause", causeTests, ids=[row[0] for row in causeTests])
def test_Cause(
    name: str, mk: Callable[[], Context], err: error | None, cause: error | None
) -> None:
    def main() -> None:
        ctx = mk()
        got = ctx.Err()
        assert got is err, f"ctx.Err() = {got} want {err}"
        got = Cause(ctx)
        assert got is cause, f"Cause(ctx) = {got} want {cause}"
        _noLeak()

    _run(main)


def test_CauseRace() -> None:
    def main() -> None:
        cause = errors.New("TestCauseRace")
        ctx, cancel = WithCancelCause(Background())
        rt.go(cancel, cause)
        polls = 0
        while True:
            # Poll Cause, rather than waiting for Done.
            err = Cause(ctx)
            if err is not None:
                assert err is cause, f"Cause returned {err}, want {cause}"
                break
            polls += 1
            rt.Gosched()
        assert polls >= 1  # the goroutine ran only once main yielded
        _noLeak()

    _run(main)


def test_WithoutCancel() -> None:
    key, value = "key", "value"
    ctx = WithValue(Background(), key, value)
    ctx = WithoutCancel(ctx)
    d, ok = ctx.Deadline()
    assert d.IsZero() and ok is False, f"ctx.Deadline() = {d}, {ok} want zero, False"
    assert ctx.Done() is None
    assert ctx.Err() is None
    assert ctx.Value(key) == value
    assert str(ctx) == "context.Background.WithValue(key, value).WithoutCancel"


class customDoneContext(otherContext):
    """customDoneContext: a wrapped Context whose Done is a channel of its own."""

    def __init__(self, c: Context, donec: hchan[None]) -> None:
        super().__init__(c)
        self.donec = donec

    def Done(self) -> hchan[Any] | None:
        return self.donec


def test_CustomContextPropagation() -> None:
    def main() -> None:
        cause = errors.New("TestCustomContextPropagation")
        donec: hchan[None] = rt.chan()
        ctx1, cancel1 = WithCancelCause(Background())
        ctx2 = customDoneContext(ctx1, donec)
        ctx3, cancel3 = WithCancel(ctx2)
        try:
            cancel1(cause)
            donec.close()

            rt.chanrecv1(ctx3.Done())
            assert ctx3.Err() is Canceled
            assert Cause(ctx3) is cause
        finally:
            cancel3()
        _noLeak()

    _run(main)


class customCauseContext:
    """customCauseContext: a custom Context used to test Cause."""

    def __init__(self) -> None:
        self.mu = sync.Mutex()
        self.done: hchan[None] = rt.chan()
        self.err: error | None = None
        self.cancelChild: CancelFunc | None = None

    def Deadline(self) -> tuple[time.Time, bool]:
        return time.Time(), False

    def Done(self) -> hchan[Any] | None:
        with self.mu:
            return self.done

    def Err(self) -> error | None:
        with self.mu:
            return self.err

    def Value(self, key: Any) -> Any:
        return None

    def cancel(self) -> None:
        with self.mu:
            self.err = Canceled
            self.done.close()
            cancelChild = self.cancelChild
        if cancelChild is not None:
            cancelChild()

    def setCancelChild(self, cancelChild: CancelFunc) -> None:
        self.cancelChild = cancelChild


def test_CustomContextCause() -> None:
    def main() -> None:
        # Cancelling a custom context: Err and Cause return Canceled.
        ccc = customCauseContext()
        ccc.cancel()
        assert ccc.Err() is Canceled
        assert Cause(ccc) is Canceled

        # A child of a custom context cancelled with a cause has that cause,
        # and the custom parent is not cancelled.
        ccc = customCauseContext()
        ctx, causeFunc = WithCancelCause(ccc)
        cause = errors.New("TestCustomContextCause")
        causeFunc(cause)
        assert ctx.Err() is Canceled
        assert Cause(ctx) is cause
        assert ccc.Err() is None
        assert Cause(ccc) is None

        # Cancelling the custom parent now keeps the child's cause; the
        # parent is cancelled without one.
        ccc.cancel()
        assert ctx.Err() is Canceled
        assert Cause(ctx) is cause
        assert ccc.Err() is Canceled
        assert Cause(ccc) is Canceled

        # A custom context that cancels its child itself.
        ccc = customCauseContext()
        ctx, cancelFunc = WithCancel(ccc)
        ccc.setCancelChild(cancelFunc)
        ccc.cancel()
        assert ctx.Err() is Canceled
        assert Cause(ctx) is Canceled
        assert ccc.Err() is Canceled
        assert Cause(ccc) is Canceled
        _noLeak()

    _run(main)


def test_AfterFuncCalledAfterCancel() -> None:
    def main() -> None:
        ctx, cancel = WithCancel(Background())
        donec: hchan[None] = rt.chan()
        stop = AfterFunc(ctx, donec.close)
        i, _, _ = rt.select(rt.recv(donec), rt.recv(time.After(shortDuration)))
        assert i == 1, "AfterFunc called before context is done"
        cancel()
        _waitDone(donec, "AfterFunc to be called after cancel")
        assert stop() is False, "stop() = True, want False"
        _noLeak()

    _run(main)


def test_AfterFuncCalledAfterTimeout() -> None:
    def main() -> None:
        ctx, cancel = WithTimeout(Background(), shortDuration)
        try:
            donec: hchan[None] = rt.chan()
            AfterFunc(ctx, donec.close)
            _waitDone(donec, "AfterFunc to be called after the timeout")
        finally:
            cancel()
        _noLeak()

    _run(main)


def test_AfterFuncCalledImmediately() -> None:
    def main() -> None:
        ctx, cancel = WithCancel(Background())
        cancel()
        donec: hchan[None] = rt.chan()
        AfterFunc(ctx, donec.close)
        _waitDone(donec, "AfterFunc for an already-canceled context")
        _noLeak()

    _run(main)


def test_AfterFuncNotCalledAfterStop() -> None:
    def main() -> None:
        ctx, cancel = WithCancel(Background())
        donec: hchan[None] = rt.chan()
        stop = AfterFunc(ctx, donec.close)
        assert stop() is True, "stop() = False, want True"
        cancel()
        i, _, _ = rt.select(rt.recv(donec), rt.recv(time.After(shortDuration)))
        assert i == 1, "AfterFunc called for already-canceled context"
        assert stop() is False, "stop() = True, want False"
        _noLeak()

    _run(main)


def test_AfterFuncCalledAsynchronously() -> None:
    # Cancelling a context does not wait for its AfterFuncs to finish.
    def main() -> None:
        ctx, cancel = WithCancel(Background())
        donec: hchan[None] = rt.chan()
        # The send blocks until donec is read from, after cancel returns.
        stop = AfterFunc(ctx, lambda: donec.send(None))
        try:
            cancel()
            _waitDone(donec, "AfterFunc to be called after cancel")
        finally:
            stop()
        _noLeak()

    _run(main)


class customContext:
    """customContext: a custom Context with its own Done, derived with AfterFunc."""

    def __init__(self, parent: Context) -> None:
        self.parent = parent
        self.doneOnce = sync.Once()
        self.donec: hchan[None] = rt.chan()
        self.err: error | None = None

    def Deadline(self) -> tuple[time.Time, bool]:
        return self.parent.Deadline()

    def Done(self) -> hchan[Any] | None:
        return self.donec

    def Err(self) -> error | None:
        i, _, _ = rt.select(rt.recv(self.donec), default=True)
        return self.err if i == 0 else None

    def Value(self, key: Any) -> Any:
        return self.parent.Value(key)


def newCustomContext(parent: Context) -> tuple[Context, CancelFunc]:
    c = customContext(parent)

    def finish(err: error | None) -> None:
        c.err = err
        c.donec.close()

    AfterFunc(parent, lambda: c.doneOnce.Do(lambda: finish(parent.Err())))
    return c, lambda: c.doneOnce.Do(lambda: finish(Canceled))


def test_ContextErrDoneRace() -> None:
    # Go issue 75533: Err must not be non-nil while Done is still open.
    def main() -> None:
        for _ in range(10):
            ctx, cancel = WithCancel(Background())
            donec = ctx.Done()
            rt.go(cancel)
            while ctx.Err() is None:
                rt.Gosched()  # no preemption: yield explicitly, as Go does on wasm
            i, _, _ = rt.select(rt.recv(donec), default=True)
            assert i == 0, "ctx.Err is non-nil, but ctx.Done is not closed"
        _noLeak()

    _run(main)


# --- afterfunc_test.go -------------------------------------------------------


class afterFuncContext:
    """afterFuncContext: a custom Context that supports registering AfterFuncs."""

    def __init__(self) -> None:
        self.mu = sync.Mutex()
        self.afterFuncs: dict[object, Callable[[], None]] = {}
        self.done: hchan[None] | None = None
        self.err: error | None = None

    def Deadline(self) -> tuple[time.Time, bool]:
        return time.Time(), False

    def Done(self) -> hchan[Any] | None:
        with self.mu:
            if self.done is None:
                self.done = rt.chan()
            return self.done

    def Err(self) -> error | None:
        with self.mu:
            return self.err

    def Value(self, key: Any) -> Any:
        return None

    def AfterFunc(self, f: Callable[[], None]) -> Callable[[], bool]:
        with self.mu:
            k = object()
            self.afterFuncs[k] = f

            def stop() -> bool:
                with self.mu:
                    return self.afterFuncs.pop(k, None) is not None

            return stop

    def cancel(self, err: error) -> None:
        with self.mu:
            if self.err is not None:
                return
            self.err = err
            for f in self.afterFuncs.values():
                rt.go(f)
            self.afterFuncs = {}


def test_CustomContextAfterFuncCancel() -> None:
    def main() -> None:
        ctx0 = afterFuncContext()
        ctx1, cancel = WithCancel(ctx0)
        try:
            ctx0.cancel(Canceled)
            rt.chanrecv1(ctx1.Done())
            assert ctx1.Err() is Canceled
        finally:
            cancel()
        assert context.goroutines == g0  # the parent's AfterFunc was used, no watcher
        _noLeak()

    g0 = context.goroutines
    _run(main)


def test_CustomContextAfterFuncTimeout() -> None:
    def main() -> None:
        ctx0 = afterFuncContext()
        ctx1, cancel = WithTimeout(ctx0, veryLongDuration)
        try:
            ctx0.cancel(Canceled)
            rt.chanrecv1(ctx1.Done())
            assert ctx1.Err() is Canceled
        finally:
            cancel()
        _noLeak()

    _run(main)


def test_CustomContextAfterFuncAfterFunc() -> None:
    def main() -> None:
        ctx0 = afterFuncContext()
        donec: hchan[None] = rt.chan()
        stop = AfterFunc(ctx0, donec.close)
        try:
            ctx0.cancel(Canceled)
            rt.chanrecv1(donec)
        finally:
            stop()
        _noLeak()

    _run(main)


def test_CustomContextAfterFuncUnregisterCancel() -> None:
    def main() -> None:
        ctx0 = afterFuncContext()
        c1, cancel1 = WithCancel(ctx0)
        _, cancel2 = WithCancel(ctx0)
        assert len(ctx0.afterFuncs) == 2
        assert str(c1) == "context.stopCtx.WithCancel"  # as Go prints it
        cancel1()
        cancel2()
        assert len(ctx0.afterFuncs) == 0

    _run(main)


def test_CustomContextAfterFuncUnregisterTimeout() -> None:
    def main() -> None:
        ctx0 = afterFuncContext()
        _, cancel = WithTimeout(ctx0, veryLongDuration)
        assert len(ctx0.afterFuncs) == 1
        cancel()
        assert len(ctx0.afterFuncs) == 0

    _run(main)


def test_CustomContextAfterFuncUnregisterAfterFunc() -> None:
    def main() -> None:
        ctx0 = afterFuncContext()
        stop = AfterFunc(ctx0, lambda: None)
        assert len(ctx0.afterFuncs) == 1
        assert stop() is True
        assert len(ctx0.afterFuncs) == 0

    _run(main)


# --- Python port specifics and the module docstring's invariants -------------


def test_ErrorValues() -> None:
    assert Canceled.Error() == "context canceled" and str(Canceled) == "context canceled"
    assert DeadlineExceeded.Error() == "context deadline exceeded"
    assert str(DeadlineExceeded) == "context deadline exceeded"
    assert isinstance(DeadlineExceeded, context.deadlineExceededError)
    assert DeadlineExceeded.Timeout() is True and DeadlineExceeded.Temporary() is True
    assert isinstance(Canceled, Exception) and isinstance(DeadlineExceeded, Exception)
    # Go's deadlineExceededError{} is a value type: any two are equal.
    other = context.deadlineExceededError()
    assert other == DeadlineExceeded and errors.Is(other, DeadlineExceeded)
    assert not errors.Is(Canceled, DeadlineExceeded)
    assert errors.Is(errors.Join(errors.New("x"), Canceled), Canceled)


def test_ValueKeysCompareAsGoInterfaces() -> None:
    # 1, 1.0 and True are == in Python but are different Go types.
    ctx = WithValue(WithValue(WithValue(Background(), 1, "int"), 1.0, "float"), True, "bool")
    assert ctx.Value(1) == "int" and ctx.Value(1.0) == "float" and ctx.Value(True) == "bool"
    assert ctx.Value(2) is None
    # Equal values of one type match, as Go's == does for comparable values.
    ctx = WithValue(Background(), ("a", 1), "tuple")
    assert ctx.Value(("a", 1)) == "tuple"
    # Go's uncomparable types: slices, maps, funcs, and structs or arrays holding one.
    assert _panicValue(lambda: WithValue(Background(), [1], "x")) == "key is not comparable"
    assert _panicValue(lambda: WithValue(Background(), {}, "x")) == "key is not comparable"
    assert _panicValue(lambda: WithValue(Background(), lambda: 0, "x")) == "key is not comparable"
    assert _panicValue(lambda: WithValue(Background(), ("a", [1]), "x")) == \
        "key is not comparable"

    @dataclasses.dataclass
    class ctxKey:                       # type ctxKey struct{}
        pass

    @dataclasses.dataclass
    class sliceKey:                     # type sliceKey struct{ s []int }
        s: list[int]

    # A plain dataclass is unhashable, but comparable as Go's struct is: any
    # ctxKey{} finds the value.
    ctx = WithValue(Background(), ctxKey(), "v")
    assert ctx.Value(ctxKey()) == "v"
    assert _panicValue(lambda: WithValue(Background(), sliceKey([1]), "x")) == \
        "key is not comparable"
    # Our private key is not reachable with an equal-looking user key.
    c, cancel = WithCancel(Background())
    assert c.Value(context.cancelCtxKey) is c
    assert WithoutCancel(c).Value(context.cancelCtxKey) is None
    cancel()


def test_StringForms() -> None:
    def main() -> None:
        c, cancel = WithCancel(context.TODO())
        assert str(c) == "context.TODO.WithCancel"
        o, ocancel = WithCancel(otherContext(c))
        assert str(o) == "test_context.otherContext.WithCancel"
        assert str(WithoutCancel(c)) == "context.TODO.WithCancel.WithoutCancel"
        # stringify: a str as is, a Duration by its String, other types by name.
        v = WithValue(Background(), "k", time.Duration(1500 * time.Millisecond))
        assert str(v) == "context.Background.WithValue(k, 1.5s)"
        v = WithValue(Background(), 7, 3.5)
        assert str(v) == "context.Background.WithValue(int, float64)"
        d, dcancel = WithTimeout(c, time.Second)
        s = str(d)
        m = re.fullmatch(
            r"context\.TODO\.WithCancel\.WithDeadline\((\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?"
            r" \+0000 UTC m=\+\d+\.\d{9}) \[(.*)\]\)",
            s,
        )
        assert m is not None, s
        left, err = time.ParseDuration(m.group(3))
        assert err is None and 0 < left <= time.Second, s
        # An AfterFunc node reads as the cancelCtx it is, like Go's.
        stop = AfterFunc(c, lambda: None)
        assert stop() is True
        dcancel()
        ocancel()
        cancel()
        _noLeak()

    _run(main)


def test_ContextProtocol() -> None:
    def main() -> None:
        c, cancel = WithCancel(Background())
        d, dcancel = WithTimeout(c, time.Second)
        for x in [
            Background(),
            context.TODO(),
            c,
            d,
            WithValue(c, "k", 1),
            WithoutCancel(c),
            otherContext(c),
            afterFuncContext(),
        ]:
            assert isinstance(x, Context)
        assert not isinstance(object(), Context)
        assert Background() is Background() and context.TODO() is context.TODO()
        dcancel()
        cancel()

    _run(main)


def test_DoneIsStableAndCancelIdempotent() -> None:
    def main() -> None:
        c, cancel = WithCancel(Background())
        ch = c.Done()
        assert ch is not None and c.Done() is ch  # successive calls, same channel
        cancel()
        cancel()  # later calls do nothing
        assert c.Done() is ch and _isDone(c) and c.Err() is Canceled
        # Cancelled before anyone asked for Done: the shared closed channel.
        c2, cancel2 = WithCancel(Background())
        assert isinstance(c2, context.cancelCtx) and c2.done is None
        cancel2()
        assert c2.Done() is context.closedchan and _isDone(c2)

    _run(main)


def test_PastDeadlineCancelsBeforeReturn() -> None:
    def main() -> None:
        for d in [time.Now().Add(-time.Hour), time.Now()]:
            c, cancel = WithDeadline(Background(), d)
            # No wait at all: Err is set when WithDeadline returns, no timer armed.
            assert c.Err() is DeadlineExceeded and _isDone(c)
            assert isinstance(c, context.timerCtx) and c.timer is None
            assert c.Deadline() == (d, True)
            cancel()
            assert c.Err() is DeadlineExceeded  # the first error stays

    _run(main)


def test_LaterDeadlineThanParentIsWithCancel() -> None:
    def main() -> None:
        p, pcancel = WithTimeout(Background(), time.Second)
        pd, ok = p.Deadline()
        assert ok
        c, cancel = WithDeadline(p, pd.Add(time.Hour))
        assert type(c) is context.cancelCtx
        assert str(c).endswith(".WithCancel")
        assert c.Deadline() == (pd, True)  # the parent's, the earlier one
        cancel()
        pcancel()

    _run(main)


def test_CancelStopsTimer() -> None:
    def main() -> None:
        c, cancel = WithTimeout(Background(), veryLongDuration)
        assert isinstance(c, context.timerCtx) and c.timer is not None
        cancel()
        assert c.timer is None and c.Err() is Canceled
        # A child cancelled through its parent stops its timer too.
        p, pcancel = WithCancel(Background())
        c, cancel = WithTimeout(p, veryLongDuration)
        assert isinstance(c, context.timerCtx)
        pcancel()
        assert c.timer is None and c.Err() is Canceled
        cancel()

    _run(main)


def test_CustomParentWatcherEndsWithChild() -> None:
    # The module doc's promise: the goroutine propagateCancel starts for a
    # foreign parent ends when the child is cancelled, by any route.
    def main() -> None:
        g0 = context.goroutines
        donec: hchan[None] = rt.chan()
        parent = customDoneContext(Background(), donec)

        c, cancel = WithCancel(parent)
        assert context.goroutines == g0 + 1 and rt.NumGoroutine() == 2
        cancel()
        _noLeak()

        c, cancel = WithTimeout(parent, shortDuration)  # its deadline cancels it
        assert rt.NumGoroutine() == 2
        _waitDone(c.Done(), "the deadline")
        assert c.Err() is DeadlineExceeded
        _noLeak()
        cancel()

        # The parent's Done closing cancels it (parent wraps a cancelled ctx,
        # so its Err is Canceled by the time its own Done closes).
        inner, icancel = WithCancel(Background())
        donec2: hchan[None] = rt.chan()
        c, cancel = WithCancel(customDoneContext(inner, donec2))
        icancel()
        assert c.Err() is None  # inner's Done is not the one c watches
        donec2.close()
        _waitDone(c.Done(), "the parent's Done")
        assert c.Err() is Canceled
        cancel()
        _noLeak()
        assert context.goroutines == g0 + 3

    _run(main)


def test_DerivedFromForeignParentWithoutErr() -> None:
    # A foreign parent whose Done closes while its Err is None breaks the
    # Context contract; Go panics "missing cancel error" in the watcher.
    def main() -> None:
        donec: hchan[None] = rt.chan()
        donec.close()
        with pytest.raises(rt.Panic, match="missing cancel error"):
            WithCancel(customDoneContext(Background(), donec))

    _run(main)


def test_PortTimeoutArgumentTypes() -> None:
    """WithTimeout takes a Duration (int ns), WithDeadline a Time: else a TypeError at the call.

    Before, ``WithTimeout(ctx, 0.5)`` made a context that expired at once
    and ``WithTimeout(ctx, "1s")`` failed inside int().
    """
    bg = context.Background()
    for bad in (0.5, "1s", True, None):
        for who, call in (("context.WithTimeout", lambda b: context.WithTimeout(bg, b)),
                          ("context.WithTimeoutCause",
                           lambda b: context.WithTimeoutCause(bg, b, None))):
            with pytest.raises(TypeError) as exc:
                call(bad)
            assert str(exc.value).startswith(
                f"{who}: timeout must be a Duration (int nanoseconds), not "
                f"{type(bad).__name__}"), exc.value
    for bad in (5, 0.5, None):
        for who, call in (("context.WithDeadline", lambda b: context.WithDeadline(bg, b)),
                          ("context.WithDeadlineCause",
                           lambda b: context.WithDeadlineCause(bg, b, None))):
            with pytest.raises(TypeError) as exc:
                call(bad)
            assert str(exc.value).startswith(f"{who}: d must be a time.Time"), exc.value

    def main() -> None:
        ctx, cancel = context.WithTimeout(bg, time.Hour)
        assert ctx.Err() is None
        cancel()

    rt.run(main)
