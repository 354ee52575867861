"""sync (go1.27.0): Mutex, RWMutex, WaitGroup, Once, Cond.

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

from collections.abc import Callable
from typing import Any, Final, Protocol

from rt import proc, sema
from rt.panic import fatal, throw

mutexLocked: Final = 1
mutexWoken: Final = 2
mutexStarving: Final = 4
mutexWaiterShift: Final = 3
starvationThresholdNs: Final = 1_000_000
rwmutexMaxReaders: Final = 1 << 30


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


__all__ = ["Cond", "Locker", "Mutex", "NewCond", "Once", "RWMutex", "WaitGroup"]
