"""sync's mutex_test.go, rwmutex_test.go, waitgroup_test.go, once_test.go, cond_test.go, ported."""

from __future__ import annotations

from typing import Any

import pytest

import rt
from rt.sema import Sema, semacquire, semrelease
from std import sync, time


def test_Semaphore() -> None:
    """runtime/sema_test.go spirit: a release with no waiter leaves a credit; FIFO wake order."""

    def main() -> list[int]:
        s = Sema()
        semrelease(s)
        semacquire(s)  # takes the credit without parking
        order: list[int] = []
        wg = sync.WaitGroup()
        for i in range(5):
            wg.Add(1)

            def w(i: int = i) -> None:
                semacquire(s)
                order.append(i)
                wg.Done()

            rt.go(w)
            time.Sleep(time.Millisecond)
        for _ in range(5):
            # One at a time: each release readies the longest waiter (FIFO).
            semrelease(s)
            time.Sleep(time.Millisecond)
        wg.Wait()
        return order

    assert rt.run(main) == [0, 1, 2, 3, 4]


def HammerMutex(m: sync.Mutex, loops: int, cdone: rt.hchan[bool]) -> None:
    for i in range(loops):
        if i % 3 == 0:
            if m.TryLock():
                m.Unlock()
            continue
        m.Lock()
        rt.Gosched()
        m.Unlock()
    cdone.send(True)


def test_Mutex() -> None:
    def main() -> None:
        m = sync.Mutex()
        m.Lock()
        assert not m.TryLock(), "TryLock succeeded with mutex locked"
        m.Unlock()
        assert m.TryLock(), "TryLock failed with mutex unlocked"
        m.Unlock()
        c: rt.hchan[bool] = rt.chan()
        for _ in range(10):
            rt.go(HammerMutex, m, 200, c)
        for _ in range(10):
            c.recv()
        assert m.state == 0

    rt.run(main)


def test_MutexMisuse() -> None:
    """mutex_test.go TestMutexMisuse: Go's fatal error, not a recoverable panic."""

    def main() -> None:
        m = sync.Mutex()
        try:
            m.Unlock()
        except Exception:
            pytest.fail("a fatal error must not be catchable as Exception")

    with pytest.raises(rt.FatalError) as ei:
        rt.run(main)
    assert str(ei.value) == "fatal error: sync: unlock of unlocked mutex"


@pytest.mark.parametrize("misuse,text", [
    (lambda: sync.RWMutex().Unlock(), "sync: Unlock of unlocked RWMutex"),
    (lambda: sync.RWMutex().RUnlock(), "sync: RUnlock of unlocked RWMutex"),
])
def test_RWMutexMisuse(misuse: Any, text: str) -> None:
    with pytest.raises(rt.FatalError) as ei:
        rt.run(misuse)
    assert ei.value.msg == text


def test_MutexFairness() -> None:
    """mutex_test.go TestMutexFairness: a waiter is not starved by a goroutine relocking."""

    def main() -> None:
        mu = sync.Mutex()
        stop: rt.hchan[bool] = rt.chan()

        def hog() -> None:
            while True:
                mu.Lock()
                time.Sleep(100 * time.Microsecond)
                mu.Unlock()
                i, _, _ = rt.select(rt.recv(stop), default=True)
                if i == 0:
                    return

        rt.go(hog)
        done: rt.hchan[bool] = rt.chan(1)

        def waiter() -> None:
            for _ in range(10):
                time.Sleep(100 * time.Microsecond)
                mu.Lock()
                mu.Unlock()
            done.send(True)

        rt.go(waiter)
        i, _, _ = rt.select(rt.recv(done), rt.recv(time.After(10 * time.Second)))
        stop.close()
        assert i == 0, "can't acquire Mutex in 10 seconds"

    rt.run(main)


def test_RWMutex() -> None:
    """rwmutex_test.go TestRWMutex (HammerRWMutex): readers and writers never overlap."""

    def main() -> None:
        rw = sync.RWMutex()
        activity = [0]
        cdone: rt.hchan[bool] = rt.chan()

        def reader(n: int) -> None:
            for _ in range(n):
                rw.RLock()
                activity[0] += 1
                assert 0 < activity[0] < 10000, f"rlock({activity[0]})"
                rt.Gosched()
                activity[0] -= 1
                rw.RUnlock()
            cdone.send(True)

        def writer(n: int) -> None:
            for _ in range(n):
                rw.Lock()
                activity[0] += 10000
                assert activity[0] == 10000, f"wlock({activity[0]})"
                rt.Gosched()
                activity[0] -= 10000
                rw.Unlock()
            cdone.send(True)

        for _gomaxprocs, numReaders in ((1, 1), (1, 3), (1, 10), (4, 10)):
            rt.go(writer, 50)
            for _ in range(numReaders // 2):
                rt.go(reader, 50)
            rt.go(writer, 50)
            for _ in range(numReaders - numReaders // 2):
                rt.go(reader, 50)
            for _ in range(2 + numReaders):
                cdone.recv()
        assert rw.readerCount == 0 and rw.readerWait == 0

    rt.run(main)


def test_RLocker() -> None:
    def main() -> None:
        wl = sync.RWMutex()
        rl = wl.RLocker()
        wlocked: rt.hchan[bool] = rt.chan(1)
        rlocked: rt.hchan[bool] = rt.chan(1)
        n = 10

        def f() -> None:
            for _ in range(n):
                rl.Lock()
                rl.Lock()
                rlocked.send(True)
                wl.Lock()
                wlocked.send(True)

        rt.go(f)
        for _ in range(n):
            rlocked.recv()
            rl.Unlock()
            assert rt.select(rt.recv(wlocked), default=True)[0] == -1, \
                "RLocker() didn't read-lock it"
            rl.Unlock()
            wlocked.recv()
            assert rt.select(rt.recv(rlocked), default=True)[0] == -1, \
                "RLocker() didn't respect the write lock"
            wl.Unlock()

    rt.run(main)


def test_WaitGroup() -> None:
    def main() -> None:
        for _ in range(8):
            wg1, wg2 = sync.WaitGroup(), sync.WaitGroup()
            n = 16
            wg1.Add(n)
            wg2.Add(n)
            exited: rt.hchan[bool] = rt.chan(n)
            for _ in range(n):

                def f(wg1: sync.WaitGroup = wg1, wg2: sync.WaitGroup = wg2,
                      exited: rt.hchan[bool] = exited) -> None:
                    wg1.Done()
                    wg2.Wait()
                    exited.send(True)

                rt.go(f)
            wg1.Wait()
            for _ in range(n):
                assert rt.select(rt.recv(exited), default=True)[0] == -1, \
                    "WaitGroup released group too soon"
                wg2.Done()
            for _ in range(n):
                exited.recv()

    rt.run(main)


def test_WaitGroupMisuse() -> None:
    def main() -> str:
        wg = sync.WaitGroup()
        wg.Add(1)
        wg.Done()
        try:
            wg.Done()
        except rt.Panic as e:
            return str(e)
        return "no panic"

    assert rt.run(main) == "sync: negative WaitGroup counter"


def test_WaitGroupGo() -> None:
    def main() -> int:
        wg = sync.WaitGroup()
        n = [0]
        for _ in range(10):
            wg.Go(lambda: n.__setitem__(0, n[0] + 1))
        wg.Wait()
        return n[0]

    assert rt.run(main) == 10


def test_WaitGroupGoGoexit() -> None:
    """Go's Done is deferred in WaitGroup.Go: it runs when f ends with runtime.Goexit."""
    def main() -> str:
        wg = sync.WaitGroup()
        log = []

        def f() -> None:
            log.append("in f")
            rt.Goexit()

        wg.Go(f)
        done = rt.chan(1)
        rt.go(lambda: (wg.Wait(), done.send(True)))
        i, _, _ = rt.select(rt.recv(done), rt.recv(time.After(5 * time.Second)))
        log.append(f"wait returned: {i == 0}")
        return " / ".join(log)

    assert rt.run(main) == "in f / wait returned: True"


def test_Once() -> None:
    def main() -> int:
        o = [0]
        once = sync.Once()
        c: rt.hchan[bool] = rt.chan()
        for _ in range(10):

            def run() -> None:
                once.Do(lambda: o.__setitem__(0, o[0] + 1))
                assert o[0] == 1
                c.send(True)

            rt.go(run)
        for _ in range(10):
            c.recv()
        return o[0]

    assert rt.run(main) == 1


def test_OncePanic() -> None:
    def main() -> bool:
        once = sync.Once()
        with pytest.raises(rt.Panic):
            once.Do(lambda: rt.panic("failed"))
        called = []
        once.Do(lambda: called.append(1))
        return not called

    assert rt.run(main), "Once.Do called twice"


def test_CondSignal() -> None:
    def main() -> None:
        m = sync.Mutex()
        c = sync.NewCond(m)
        n = 2
        running: rt.hchan[bool] = rt.chan(n)
        awake: rt.hchan[bool] = rt.chan(n)
        for _ in range(n):

            def f() -> None:
                m.Lock()
                running.send(True)
                c.Wait()
                awake.send(True)
                m.Unlock()

            rt.go(f)
        for _ in range(n):
            running.recv()
        while n > 0:
            assert rt.select(rt.recv(awake), default=True)[0] == -1, "goroutine not asleep"
            m.Lock()
            c.Signal()
            m.Unlock()
            awake.recv()
            assert rt.select(rt.recv(awake), default=True)[0] == -1, "too many awake"
            n -= 1
        c.Signal()

    rt.run(main)


def test_CondSignalGenerations() -> None:
    def main() -> None:
        m = sync.Mutex()
        c = sync.NewCond(m)
        n = 100
        running: rt.hchan[bool] = rt.chan(n)
        awake: rt.hchan[int] = rt.chan(n)
        for i in range(n):

            def f(i: int = i) -> None:
                m.Lock()
                running.send(True)
                c.Wait()
                awake.send(i)
                m.Unlock()

            rt.go(f)
            if i > 0:
                a = awake.recv()
                assert a == i - 1, f"wrong goroutine woke up: want {i - 1}, got {a}"
            running.recv()
            m.Lock()
            c.Signal()
            m.Unlock()
        awake.recv()

    rt.run(main)


def test_CondBroadcast() -> None:
    def main() -> None:
        m = sync.Mutex()
        c = sync.NewCond(m)
        n = 20
        running: rt.hchan[int] = rt.chan(n)
        awake: rt.hchan[int] = rt.chan(n)
        exit_ = [False]
        for i in range(n):

            def f(g: int = i) -> None:
                m.Lock()
                while not exit_[0]:
                    running.send(g)
                    c.Wait()
                    awake.send(g)
                m.Unlock()

            rt.go(f)
        for i in range(n):
            for _ in range(n):
                running.recv()
            if i == n - 1:
                m.Lock()
                exit_[0] = True
                m.Unlock()
            assert rt.select(rt.recv(awake), default=True)[0] == -1, "goroutine not asleep"
            m.Lock()
            c.Broadcast()
            m.Unlock()
            seen = [False] * n
            for _ in range(n):
                g = awake.recv()
                assert not seen[g], "goroutine woke up twice"
                seen[g] = True
        assert rt.select(rt.recv(running), default=True)[0] == -1, "goroutine did not exit"
        c.Broadcast()

    rt.run(main)


def test_MutexIsContextManager() -> None:
    def main() -> int:
        mu = sync.Mutex()
        with mu:
            assert mu.state & sync.mutexLocked
        return mu.state

    assert rt.run(main) == 0


def test_PortWaitGroupAddArgumentType() -> None:
    """Add takes a Go int: a str, float or bool is a TypeError that leaves the counter alone."""
    wg = sync.WaitGroup()
    for bad in ("1", 1.0, True, None):
        with pytest.raises(TypeError) as exc:
            wg.Add(bad)  # type: ignore[arg-type]
        want = f"sync.WaitGroup.Add: delta must be an int, not {type(bad).__name__}"
        assert str(exc.value) == want
    assert wg.counter == 0
    wg.Add(2)
    wg.Done()
    wg.Done()
    wg.Wait()


def test_PortMutexLockIsASafePoint() -> None:
    """A loop that only locks and unlocks a Mutex is preempted (rt/proc.py, rule 5).

    Without the safe point in Lock the loop never gives the P to the
    goroutine that ends it, and runs to its own 5 s bound.
    """
    import time as pytime

    def main() -> bool:
        mu = sync.Mutex()
        rw = sync.RWMutex()
        stop = [False]

        def stopper() -> None:
            stop[0] = True

        rt.go(stopper)
        t0 = pytime.monotonic()
        while not stop[0] and pytime.monotonic() - t0 < 5:
            mu.Lock()
            mu.Unlock()
            rw.RLock()
            rw.RUnlock()
        return stop[0]

    assert rt.run(main)


# --- oncefunc_test.go, pool_test.go, map_test.go (the parts that apply) -------


def test_OnceFunc() -> None:
    """oncefunc_test.go TestOnceFunc: f runs once however often the function is called."""
    calls = [0]

    def f() -> None:
        calls[0] += 1

    g = sync.OnceFunc(f)
    for _ in range(5):
        g()
    assert calls == [1]


def test_OnceValueValues() -> None:
    calls = [0]

    def f() -> int:
        calls[0] += 1
        return calls[0]

    v = sync.OnceValue(f)
    assert [v() for _ in range(3)] == [1, 1, 1]
    vs = sync.OnceValues(lambda: (calls[0], "x"))
    assert vs() == (1, "x") and vs() == (1, "x")


def test_OnceFuncPanicsEveryTime() -> None:
    """oncefunc_test.go TestOnceXPanic: every call panics with f's value; f runs once."""
    calls = [0]

    def f() -> int:
        calls[0] += 1
        rt.panic("x")
        return 0

    for g in (sync.OnceFunc(f), sync.OnceValue(f), sync.OnceValues(lambda: (f(), 0))):
        calls[0] = 0
        for _ in range(3):
            with pytest.raises(rt.Panic) as ei:
                g()
            assert ei.value.value == "x"
        assert calls == [1]


def test_OnceFuncGoexit() -> None:
    """oncefunc_test.go TestOnceXGoexit: after f's Goexit, a call panics with PanicNilError."""
    def main() -> list[str]:
        out = []
        g = sync.OnceFunc(rt.Goexit)
        done: rt.hchan[None] = rt.chan()

        def first() -> None:
            try:
                g()
            finally:
                done.close()

        rt.go(first)
        done.recv()
        try:
            g()
        except rt.PanicNilError as p:
            out.append(p.Error())
        return out

    assert rt.run(main) == ["runtime error: panic called with nil argument"]


def test_Pool() -> None:
    """pool_test.go TestPool, without the race detector's parts: LIFO reuse, two collections."""
    import gc

    p = sync.Pool()
    assert p.Get() is None
    p.Put("a")
    p.Put("b")
    p.Put(None)  # ignored, as Go's Put(nil)
    assert p.Get() == "b" and p.Get() == "a" and p.Get() is None
    p.Put("c")
    gc.collect()  # "c" moves to the victim cache
    assert p.Get() == "c"
    p.Put("d")
    gc.collect()
    gc.collect()  # two collections drop it
    assert p.Get() is None
    n = [0]

    def new() -> int:
        n[0] += 1
        return n[0]

    pn = sync.Pool(New=new)
    assert pn.Get() == 1 and pn.Get() == 2
    pn.Put(10)
    assert pn.Get() == 10 and pn.Get() == 3


def test_Map() -> None:
    """map_test.go's operations, one by one, against what Go's sync.Map returns."""
    m = sync.Map()
    assert m.Load("k") == (None, False)
    m.Store("k", 1)
    assert m.Load("k") == (1, True)
    assert m.LoadOrStore("k", 2) == (1, True)
    assert m.LoadOrStore("j", 2) == (2, False)
    assert m.Swap("k", 3) == (1, True)
    assert m.Swap("new", 0) == (None, False)
    assert m.CompareAndSwap("k", 1, 4) is False
    assert m.CompareAndSwap("k", 3, 4) is True
    assert m.CompareAndSwap("k", 4.0, 5) is False  # float64(4) != int(4) in Go
    assert m.CompareAndDelete("k", 3) is False
    assert m.CompareAndDelete("k", 4) is True
    assert m.LoadAndDelete("j") == (2, True)
    assert m.LoadAndDelete("j") == (None, False)
    m.Delete("missing")
    seen: list[tuple[Any, Any]] = []

    def visit(k: Any, v: Any) -> bool:
        seen.append((k, v))
        m.Store("added during Range", 1)  # allowed, as in Go
        return True

    m.Range(visit)
    assert seen == [("new", 0)]
    stop: list[Any] = []
    m.Range(lambda k, v: bool(stop.append(k)))  # False at once: one call
    assert len(stop) == 1
    m.Clear()
    assert m.Load("new") == (None, False)
    with pytest.raises(rt.Error) as ei:
        m.Store([1, 2], "x")
    assert ei.value.Error() == "runtime error: hash of unhashable type []int"
    with pytest.raises(rt.Panic) as ep:
        m.CompareAndSwap("k", [1], 2)
    assert ep.value.value == "called CompareAndSwap when value is not of comparable type"
