"""sync (go1.27.0): Mutex, RWMutex, WaitGroup, Once, Cond; OnceFunc/OnceValue/OnceValues, Pool, Map.

Each type keeps Go's state word and semaphores, so the algorithms read as
Go's (sync/mutex.go is a thin wrapper over internal/sync/mutex.go, which is
what is mirrored for Mutex). All waiting parks the goroutine on a runtime
semaphore (rt/sema.py), never the thread.

Mutex state word (internal/sync/mutex.go)::

    bit 0  mutexLocked    held
    bit 1  mutexWoken     a woken waiter is on its way: Unlock need not wake another
    bit 2  mutexStarving  hand ownership straight to the next waiter (FIFO)
    bits 3+               number of parked waiters

Normal mode lets a newly arriving goroutine take the lock ahead of a woken
waiter (fast, unfair); a waiter that has waited more than 1 ms switches the
mutex to starvation mode, where Unlock hands the lock to the queue's head.
Go spins briefly before parking when other Ps run; with one P spinning can
never help, so ``runtime_canSpin`` is always false here.
"""

from __future__ import annotations

import dataclasses
import gc
import types
import weakref
from collections.abc import Callable
from typing import Any, Final, Protocol, TypeVar

from rt import proc, sema
from rt.panic import fatal, throw

mutexLocked: Final = 1
mutexWoken: Final = 2
mutexStarving: Final = 4
mutexWaiterShift: Final = 3
starvationThresholdNs: Final = 1_000_000
rwmutexMaxReaders: Final = 1 << 30
_T = TypeVar("_T")
_U = TypeVar("_U")


class Locker(Protocol):
    """sync.Locker: anything that can be locked and unlocked (Lock and Unlock), such as a Mutex or
    RWMutex.RLocker().
    """

    def Lock(self) -> None:
        """sync.Locker.Lock: take the lock, waiting until it is free."""
        ...
    def Unlock(self) -> None:
        """sync.Locker.Unlock: release the lock taken by Lock."""
        ...


class Mutex:
    """sync.Mutex (internal/sync.Mutex). Also a context manager: ``with mu:``."""

    __slots__ = ("state", "sema")

    def __init__(self) -> None:
        self.state = 0
        self.sema = sema.Sema()

    def Lock(self) -> None:
        """sync.Mutex.Lock: take the mutex, parking the goroutine until it is free."""
        if proc.preemptRequested:  # a safe point (rt/proc.py, design rule 5)
            proc.newstack()
        if self.state == 0:
            self.state = mutexLocked
            return
        self.lockSlow()

    def TryLock(self) -> bool:
        """sync.Mutex.TryLock: take the mutex if it is free and return True; False, without waiting,
        if it is held.
        """
        old = self.state
        if old & (mutexLocked | mutexStarving):
            return False
        self.state = old | mutexLocked
        return True

    def lockSlow(self) -> None:
        """internal/sync/mutex.go: Mutex.lockSlow (without spinning: one P)."""
        waitStartTime = 0
        starving = False
        awoke = False
        old = self.state
        while True:
            new = old
            if not old & mutexStarving:
                new |= mutexLocked
            if old & (mutexLocked | mutexStarving):
                new += 1 << mutexWaiterShift
            if starving and old & mutexLocked:
                new |= mutexStarving
            if awoke:
                if not new & mutexWoken:
                    throw("sync: inconsistent mutex state")
                new &= ~mutexWoken
            # The CAS always succeeds: only one goroutine runs at a time.
            self.state = new
            if not old & (mutexLocked | mutexStarving):
                return
            queueLifo = waitStartTime != 0
            if waitStartTime == 0:
                waitStartTime = proc.nanotime()
            sema.sync_runtime_SemacquireMutex(self.sema, queueLifo)
            starving = starving or proc.nanotime() - waitStartTime > starvationThresholdNs
            old = self.state
            if old & mutexStarving:
                if old & (mutexLocked | mutexWoken) or old >> mutexWaiterShift == 0:
                    throw("sync: inconsistent mutex state")
                delta = mutexLocked - (1 << mutexWaiterShift)
                if not starving or old >> mutexWaiterShift == 1:
                    delta -= mutexStarving
                self.state += delta
                return
            awoke = True

    def Unlock(self) -> None:
        """sync.Mutex.Unlock. Unlocking an unlocked mutex is a fatal error, as in Go."""
        new = self.state - mutexLocked
        self.state = new
        if new != 0:
            self.unlockSlow(new)

    def unlockSlow(self, new: int) -> None:
        """internal/sync/mutex.go: Mutex.unlockSlow."""
        if not (new + mutexLocked) & mutexLocked:
            self.state = new + mutexLocked
            fatal("sync: unlock of unlocked mutex")
        if not new & mutexStarving:
            old = new
            if old >> mutexWaiterShift == 0 or old & (mutexLocked | mutexWoken | mutexStarving):
                return
            self.state = (old - (1 << mutexWaiterShift)) | mutexWoken
            sema.sync_runtime_Semrelease(self.sema, False)
        else:
            sema.sync_runtime_Semrelease(self.sema, True)

    def __enter__(self) -> Mutex:
        self.Lock()
        return self

    def __exit__(self, *exc: object) -> None:
        self.Unlock()


class RWMutex:
    """sync.RWMutex. Writers wait for readers already inside; new readers wait for writers.

    ``readerCount`` goes negative by ``rwmutexMaxReaders`` while a writer is
    pending; ``readerWait`` counts the readers the writer still waits for.
    """

    __slots__ = ("w", "writerSem", "readerSem", "readerCount", "readerWait")

    def __init__(self) -> None:
        self.w = Mutex()
        self.writerSem = sema.Sema()
        self.readerSem = sema.Sema()
        self.readerCount = 0
        self.readerWait = 0

    def RLock(self) -> None:
        """sync.RWMutex.RLock: take a read lock, waiting while a writer holds or waits for the lock.
        """
        if proc.preemptRequested:  # a safe point (rt/proc.py, design rule 5)
            proc.newstack()
        self.readerCount += 1
        if self.readerCount < 0:
            sema.sync_runtime_SemacquireRWMutexR(self.readerSem, False)

    def TryRLock(self) -> bool:
        """sync.RWMutex.TryRLock: take a read lock and return True, or False without waiting if a
        writer holds or waits.
        """
        if self.readerCount < 0:
            return False
        self.readerCount += 1
        return True

    def RUnlock(self) -> None:
        """sync.RWMutex.RUnlock: release one read lock; a fatal error if it is not read-locked."""
        self.readerCount -= 1
        r = self.readerCount
        if r < 0:
            self.rUnlockSlow(r)

    def rUnlockSlow(self, r: int) -> None:
        """sync/rwmutex.go: RWMutex.rUnlockSlow."""
        if r + 1 == 0 or r + 1 == -rwmutexMaxReaders:
            self.readerCount += 1
            fatal("sync: RUnlock of unlocked RWMutex")
        self.readerWait -= 1
        if self.readerWait == 0:
            sema.sync_runtime_Semrelease(self.writerSem, False)

    def Lock(self) -> None:
        """sync.RWMutex.Lock: take the write lock, waiting for other writers and for current readers
        to leave.
        """
        self.w.Lock()
        r = self.readerCount
        self.readerCount -= rwmutexMaxReaders
        if r != 0:
            self.readerWait += r
            if self.readerWait != 0:
                sema.sync_runtime_SemacquireRWMutex(self.writerSem, False)

    def TryLock(self) -> bool:
        """sync.RWMutex.TryLock: take the write lock and return True, or False without waiting if
        anyone holds it.
        """
        if not self.w.TryLock():
            return False
        if self.readerCount != 0:
            self.w.Unlock()
            return False
        self.readerCount = -rwmutexMaxReaders
        return True

    def Unlock(self) -> None:
        """sync.RWMutex.Unlock: release the write lock and let waiting readers in; a fatal error if
        it is not write-locked.
        """
        self.readerCount += rwmutexMaxReaders
        r = self.readerCount
        if r >= rwmutexMaxReaders:
            self.readerCount -= rwmutexMaxReaders
            fatal("sync: Unlock of unlocked RWMutex")
        for _ in range(r):
            sema.sync_runtime_Semrelease(self.readerSem, False)
        self.w.Unlock()

    def RLocker(self) -> Locker:
        """sync.RWMutex.RLocker: a Locker whose Lock and Unlock are this mutex's RLock and RUnlock.
        """
        return _rlocker(self)

    def __enter__(self) -> RWMutex:
        self.Lock()
        return self

    def __exit__(self, *exc: object) -> None:
        self.Unlock()


class _rlocker:
    __slots__ = ("rw",)

    def __init__(self, rw: RWMutex) -> None:
        self.rw = rw

    def Lock(self) -> None:
        self.rw.RLock()

    def Unlock(self) -> None:
        self.rw.RUnlock()


class WaitGroup:
    """sync.WaitGroup. ``counter`` and ``waiters`` are Go's state word's two halves."""

    __slots__ = ("counter", "waiters", "sema")

    def __init__(self) -> None:
        self.counter = 0
        self.waiters = 0
        self.sema = sema.Sema()

    def Add(self, delta: int) -> None:
        """sync.WaitGroup.Add. A negative counter panics, as in Go.

        delta is a Go int: a str, float or bool is a TypeError here, before
        the counter changes.
        """
        if delta.__class__ is not int and (not isinstance(delta, int) or delta.__class__ is bool):
            raise TypeError(f"sync.WaitGroup.Add: delta must be an int, not {type(delta).__name__}")
        self.counter += delta
        v, w = self.counter, self.waiters
        if v < 0:
            from rt.panic import Panic

            raise Panic("sync: negative WaitGroup counter")
        if w != 0 and delta > 0 and v == delta:
            from rt.panic import Panic

            raise Panic("sync: WaitGroup misuse: Add called concurrently with Wait")
        if v > 0 or w == 0:
            return
        # Counter reached 0 with waiters: wake them all and reset.
        self.waiters = 0
        for _ in range(w):
            sema.sync_runtime_Semrelease(self.sema, False)

    def Done(self) -> None:
        """sync.WaitGroup.Done: count one task finished, Add(-1); a negative counter panics."""
        self.Add(-1)

    def Go(self, f: Callable[[], Any]) -> None:
        """sync.WaitGroup.Go (go1.25): Add(1), run f in a goroutine, Done when it returns."""
        import rt
        from rt.proc import GoexitUnwind

        self.Add(1)

        def run() -> None:
            try:
                f()
            except GoexitUnwind:
                # Go's Done is deferred: it runs when f ends with runtime.Goexit
                # (recover() is nil then), though not when f panics (the
                # panic is re-raised and ends the program anyway).
                self.Done()
                raise
            self.Done()

        rt.go(run)

    def Wait(self) -> None:
        """sync.WaitGroup.Wait: park until the counter is zero; panics if the group is reused before
        Wait returns.
        """
        if self.counter == 0:
            return
        self.waiters += 1
        sema.sync_runtime_SemacquireWaitGroup(self.sema)
        if self.counter != 0 or self.waiters != 0:
            from rt.panic import Panic

            raise Panic("sync: WaitGroup is reused before previous Wait has returned")


class Once:
    """sync.Once. ``done`` is set only after f returns; a panicking f counts as done."""

    __slots__ = ("done", "m")

    def __init__(self) -> None:
        self.done = False
        self.m = Mutex()

    def Do(self, f: Callable[[], Any]) -> None:
        """sync.Once.Do: call f only if this Once has not called a function yet; concurrent callers
        wait until f returns, and a panicking f still counts as done.
        """
        if not self.done:
            self.doSlow(f)

    def doSlow(self, f: Callable[[], Any]) -> None:
        """sync/once.go: Once.doSlow."""
        self.m.Lock()
        try:
            if not self.done:
                try:
                    f()
                finally:
                    self.done = True
        finally:
            self.m.Unlock()


class Cond:
    """sync.Cond. ``L`` is held while observing or changing the condition."""

    __slots__ = ("L", "notify")

    def __init__(self, L: Locker) -> None:
        self.L = L
        self.notify = sema.notifyList()

    def Wait(self) -> None:
        """sync.Cond.Wait: unlock L, park until Signal/Broadcast, relock L."""
        t = sema.notifyListAdd(self.notify)
        self.L.Unlock()
        try:
            sema.notifyListWait(self.notify, t)
        finally:
            self.L.Lock()

    def Signal(self) -> None:
        """sync.Cond.Signal: wake one goroutine waiting in Wait, if there is one; holding L is
        allowed, not required.
        """
        sema.notifyListNotifyOne(self.notify)

    def Broadcast(self) -> None:
        """sync.Cond.Broadcast: wake every goroutine waiting in Wait; holding L is allowed, not
        required.
        """
        sema.notifyListNotifyAll(self.notify)


def NewCond(l: Locker) -> Cond:
    """sync.NewCond: a new Cond whose L is the Locker l."""
    return Cond(l)


# ---------------------------------------------------------------------------
# sync/oncefunc.go


class _onceResult:
    """The state OnceFunc, OnceValue and OnceValues share (Go's anonymous struct ``d``)."""

    __slots__ = ("f", "once", "valid", "p", "result")

    def __init__(self, f: Callable[[], Any]) -> None:
        self.f: Callable[[], Any] | None = f
        self.once = Once()
        self.valid = False
        self.p: BaseException | None = None
        self.result: Any = None

    def call(self) -> Any:
        """The function OnceFunc returns: f's result, or f's panic again, on every call."""
        def do() -> None:
            try:
                assert self.f is not None
                self.result = self.f()
                self.valid = True  # only if f did not panic
            except Exception as e:  # recover(): f's panic is kept, and raised again
                self.p = e
                raise
            finally:
                self.f = None  # do not keep f alive after calling it

        self.once.Do(do)
        if not self.valid:
            from rt.panic import panic

            if self.p is not None:
                raise self.p
            panic(None)  # f ended with Goexit: recover() was nil, as in Go
        return self.result


def OnceFunc(f: Callable[[], Any]) -> Callable[[], None]:
    """sync/oncefunc.go: OnceFunc. A function that calls f once, however often it is called.

    If f panics, every call panics again with the same value.
    """
    d = _onceResult(f)

    def g() -> None:
        d.call()

    return g


def OnceValue(f: Callable[[], _T]) -> Callable[[], _T]:
    """sync/oncefunc.go: OnceValue. A function that calls f once and returns its result every time.

    If f panics, every call panics again with the same value.
    """
    d = _onceResult(f)

    def g() -> _T:
        r: _T = d.call()
        return r

    return g


def OnceValues(f: Callable[[], tuple[_T, _U]]) -> Callable[[], tuple[_T, _U]]:
    """sync/oncefunc.go: OnceValues. A function that calls f once and returns its two results.

    If f panics, every call panics again with the same value.
    """
    d = _onceResult(f)

    def g() -> tuple[_T, _U]:
        r1, r2 = d.call()
        return r1, r2

    return g


# ---------------------------------------------------------------------------
# sync/pool.go


class Pool:
    """sync.Pool: a cache of values to reuse (buffers, say), which may drop them at any time.

    ``Get`` hands out a cached value, or ``New()`` (or None) when there is
    none; ``Put`` gives one back (None is ignored). As in Go, the cache is
    emptied in two steps at garbage collections (poolCleanup): a value put
    before one full collection survives in the victim cache until the next.
    Here the moment is the end of a collection of Python's oldest
    generation (``gc.callbacks``), which may run on any thread; the lists
    are swapped, never mutated in place, so a Get racing with it at worst
    misses a value.
    """

    __slots__ = ("New", "local", "victim", "__weakref__")

    def __init__(self, New: Callable[[], Any] | None = None) -> None:
        self.New = New
        self.local: list[Any] = []
        self.victim: list[Any] = []
        _allPools.add(self)

    def Put(self, x: Any) -> None:
        """sync.Pool.Put: add x to the pool (a nil x is ignored)."""
        if x is None:
            return
        self.local.append(x)

    def Get(self) -> Any:
        """sync.Pool.Get: a value from the pool, or New()'s (None without New)."""
        for lst in (self.local, self.victim):
            try:
                return lst.pop()
            except IndexError:
                pass
        if self.New is not None:
            return self.New()
        return None


_allPools: weakref.WeakSet[Pool] = weakref.WeakSet()


def poolCleanup(phase: str, info: dict[str, int]) -> None:
    """sync/pool.go: poolCleanup. At a full collection: drop the victims, local becomes victim."""
    if phase != "stop" or info.get("generation") != 2:
        return
    for pl in list(_allPools):
        pl.victim = pl.local
        pl.local = []


gc.callbacks.append(poolCleanup)


# ---------------------------------------------------------------------------
# sync/map.go


class Map:
    """sync.Map: a map safe for concurrent use, of any comparable keys to any values.

    Go's is a hash-trie (internal/sync.HashTrieMap) so that goroutines on
    many Ps can use it at once; with one P a dict is that already. Keys
    must be hashable: an unhashable one (a list, a dict) panics with Go's
    runtime error "hash of unhashable type []interface {}". ``Range`` works
    on a snapshot, so f may Store and Delete, as Go's allows.
    """

    __slots__ = ("m",)

    def __init__(self) -> None:
        self.m: dict[Any, Any] = {}

    def Load(self, key: Any) -> tuple[Any, bool]:
        """sync.Map.Load: the value stored for key (None if none), and whether there was one."""
        _hashable(key)
        if key in self.m:
            return self.m[key], True
        return None, False

    def Store(self, key: Any, value: Any) -> None:
        """sync.Map.Store: set the value for key."""
        _hashable(key)
        self.m[key] = value

    def Clear(self) -> None:
        """sync.Map.Clear: delete all the entries, leaving an empty map."""
        self.m.clear()

    def LoadOrStore(self, key: Any, value: Any) -> tuple[Any, bool]:
        """sync.Map.LoadOrStore: (value for key, True) if set; else store value, (value, False)."""
        _hashable(key)
        if key in self.m:
            return self.m[key], True
        self.m[key] = value
        return value, False

    def LoadAndDelete(self, key: Any) -> tuple[Any, bool]:
        """sync.Map.LoadAndDelete: delete key; its previous value and whether it had one."""
        _hashable(key)
        if key in self.m:
            return self.m.pop(key), True
        return None, False

    def Delete(self, key: Any) -> None:
        """sync.Map.Delete: delete the value for key, if any."""
        self.LoadAndDelete(key)

    def Swap(self, key: Any, value: Any) -> tuple[Any, bool]:
        """sync.Map.Swap: store value, returning the previous value and whether there was one."""
        previous, loaded = self.Load(key)
        self.m[key] = value
        return previous, loaded

    def CompareAndSwap(self, key: Any, old: Any, new: Any) -> bool:
        """sync.Map.CompareAndSwap: store new for key if its value is == old; whether it did."""
        _hashable(key)
        _comparableValue(old, "CompareAndSwap")
        if key in self.m and _goEqual(self.m[key], old):
            self.m[key] = new
            return True
        return False

    def CompareAndDelete(self, key: Any, old: Any) -> bool:
        """sync.Map.CompareAndDelete: delete key if its value is == old; whether it did."""
        _hashable(key)
        _comparableValue(old, "CompareAndDelete")
        if key in self.m and _goEqual(self.m[key], old):
            del self.m[key]
            return True
        return False

    def Range(self, f: Callable[[Any, Any], bool]) -> None:
        """sync.Map.Range: call f(key, value) for each entry until f returns False."""
        for k, v in list(self.m.items()):
            if not f(k, v):
                return


def _hashable(key: Any) -> None:
    try:
        hash(key)
    except TypeError:
        from rt.panic import Error

        raise Error("runtime error: hash of unhashable type " + _goTypeName(key)) from None


def _comparable(v: object) -> bool:
    """reflectlite.Comparable for the Go type v stands for (std/fmt.py's mapping).

    Go's slices, maps and funcs, and structs or arrays holding one, are not
    comparable: here list, dict, set, bytearray and functions, and
    dataclasses or tuples holding one. (context.WithValue's keys too.)
    """
    if isinstance(v, (list, dict, set, bytearray, types.FunctionType, types.MethodType)):
        return False
    if isinstance(v, tuple):
        return all(_comparable(x) for x in v)
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return all(_comparable(getattr(v, f.name, None)) for f in dataclasses.fields(v))
    return True


def _comparableValue(v: Any, op: str) -> None:
    """internal/sync.HashTrieMap's check: the old value of op must be comparable."""
    if not _comparable(v):
        from rt.panic import Panic

        raise Panic(f"called {op} when value is not of comparable type")


def _goEqual(a: Any, b: Any) -> bool:
    """Go's == on two interface values: the same dynamic type and equal.

    So 1, 1.0 and True differ, as int, float64 and bool do in Go.
    (context's keys compare this way too.)
    """
    return a is b or (type(a) is type(b) and bool(a == b))


def _goTypeName(v: Any) -> str:
    from std import fmt

    return str(fmt.Sprintf("%T", v))


__all__ = ["Cond", "Locker", "Map", "Mutex", "NewCond", "Once", "OnceFunc", "OnceValue",
           "OnceValues", "Pool", "RWMutex", "WaitGroup"]
