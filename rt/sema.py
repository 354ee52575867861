"""runtime/sema.go (go1.27.0): semaphores for sync and internal/poll.

Go's semaphore is a sleep/wake primitive keyed by the address of a uint32:
``semacquire(addr)`` takes one unit if ``*addr > 0`` and otherwise parks the
G on a queue for that address; ``semrelease(addr)`` adds one unit and, if a G
waits on that address, readies the first one. Two rules carry over exactly:

* the count is incremented *before* looking for a waiter, so a release with
  nobody waiting leaves a credit that the next acquire takes without
  parking (no lost wake-ups);
* waiters are woken in FIFO order per address, except that a mutex waiter
  that was woken and lost the race is re-queued at the head (``lifo``).

With ``handoff`` (a starving sync.Mutex), the released unit is given
directly to the woken waiter (``ticket = 1``) and the releaser yields so the
waiter runs at once.

Python: there are no addresses, so a semaphore is a ``Sema`` object holding
its own count and FIFO of sudogs; Go's ``semtable``/treap that map an
address to its queue collapse into that object. ``notifyList`` (sync.Cond's
ticket list) lives here too, as in Go.

Left out of sema.go, or kept under another name:

* ``semTable.rootFor``, ``semaRoot.queue``, ``semaRoot.dequeue``,
  ``semaRoot.rotateLeft``, ``semaRoot.rotateRight``: the address table and
  its treap have nothing to index; each ``Sema`` owns its waiter deque, so
  queueing is a deque append (``appendleft`` for lifo) and dequeueing a
  popleft, inside ``semacquire1``/``semrelease1``.
* ``semacquire``, ``sync_runtime_Semacquire``: our ``semacquire`` (mirrored
  as ``poll_runtime_Semacquire``) stands for all three; Go's versions differ
  only in the block-profile flags, and there is no profiler here.
* ``semrelease``: our ``semrelease`` is both it and ``poll_runtime_Semrelease``,
  which only calls it.
* ``internal_sync_runtime_Semrelease``: the same body as
  ``sync_runtime_Semrelease``, which std/sync.py calls for Mutex (Go's is
  in internal/sync) as well as RWMutex and WaitGroup. Likewise our
  ``sync_runtime_SemacquireMutex`` is Go's
  ``internal_sync_runtime_SemacquireMutex``.
* ``readyWithTime``: it stamps ``releasetime`` for the block profiler, which
  we do not have; the release path calls ``goready`` directly.
* ``internal_sync_nanotime``: std/sync.py's Mutex reads ``proc.nanotime``
  itself, so no linkname bridge is needed.
"""

from __future__ import annotations

from collections import deque

from rt import proc
from rt.panic import fatal
from rt.runtime2 import (
    sudog,
    waitReasonSemacquire,
    waitReasonSyncCondWait,
    waitReasonSyncMutexLock,
    waitReasonSyncRWMutexLock,
    waitReasonSyncRWMutexRLock,
    waitReasonSyncWaitGroupWait,
)


class Sema:
    """runtime/sema.go: a uint32 semaphore word plus its semaRoot wait queue."""

    __slots__ = ("count", "waiters")

    def __init__(self, count: int = 0) -> None:
        self.count = count
        # Made by the first waiter. Go's wait queues live in a global table,
        # not in the semaphore word; every FD has three semaphores (fdMutex's
        # two and csema) that almost never see a waiter, and an empty deque
        # costs 624 bytes: 1.9 KB per idle connection (bench/echo idle RSS).
        self.waiters: deque[sudog] | None = None

    @property
    def nwait(self) -> int:
        """The number of waiters (Go's semaRoot.nwait field)."""
        return len(self.waiters) if self.waiters is not None else 0


def cansemacquire(s: Sema) -> bool:
    """runtime/sema.go: cansemacquire. Take one unit if there is one."""
    if s.count > 0:
        s.count -= 1
        return True
    return False


def semacquire1(s: Sema, lifo: bool, reason: int) -> None:
    """runtime/sema.go: semacquire1."""
    if proc.preemptRequested:  # a safe point: proc.py, design rule 5
        proc.newstack()
    if cansemacquire(s):
        return
    gp = proc.getg()
    if gp is None:
        raise RuntimeError("semaphore acquire outside a goroutine (call it inside rt.run)")
    while True:
        if cansemacquire(s):
            return
        sg = sudog(gp, s, None)
        sg.ticket = 0
        q = s.waiters
        if q is None:
            q = s.waiters = deque()
        if lifo:
            q.appendleft(sg)
        else:
            q.append(sg)
        gp.waiting = sg
        try:
            proc.gopark(None, s, reason)
        except BaseException:
            if sg in q:
                q.remove(sg)
            raise
        finally:
            gp.waiting = None
        if sg.ticket != 0 or cansemacquire(s):
            return


def semrelease1(s: Sema, handoff: bool) -> None:
    """runtime/sema.go: semrelease1."""
    if proc.preemptRequested:
        proc.newstack()
    s.count += 1
    q = s.waiters
    if not q:
        return
    sg = q.popleft()
    if handoff and cansemacquire(s):
        sg.ticket = 1
    proc.goready(sg.g)
    if sg.ticket == 1 and proc.getg() is not None:
        # Direct handoff: let the waiter run now, on our time slice.
        proc.goyield()


def semacquire(s: Sema) -> None:
    """runtime/sema.go: poll_runtime_Semacquire (internal/poll's runtime_Semacquire)."""
    semacquire1(s, False, waitReasonSemacquire)


def semrelease(s: Sema) -> None:
    """runtime/sema.go: poll_runtime_Semrelease."""
    semrelease1(s, False)


def sync_runtime_SemacquireMutex(s: Sema, lifo: bool) -> None:
    """runtime/sema.go: internal_sync_runtime_SemacquireMutex."""
    semacquire1(s, lifo, waitReasonSyncMutexLock)


def sync_runtime_SemacquireRWMutexR(s: Sema, lifo: bool) -> None:
    """runtime/sema.go: sync_runtime_SemacquireRWMutexR."""
    semacquire1(s, lifo, waitReasonSyncRWMutexRLock)


def sync_runtime_SemacquireRWMutex(s: Sema, lifo: bool) -> None:
    """runtime/sema.go: sync_runtime_SemacquireRWMutex."""
    semacquire1(s, lifo, waitReasonSyncRWMutexLock)


def sync_runtime_SemacquireWaitGroup(s: Sema) -> None:
    """runtime/sema.go: sync_runtime_SemacquireWaitGroup."""
    semacquire1(s, False, waitReasonSyncWaitGroupWait)


def sync_runtime_Semrelease(s: Sema, handoff: bool) -> None:
    """runtime/sema.go: sync_runtime_Semrelease."""
    semrelease1(s, handoff)


class notifyList:
    """runtime/sema.go: notifyList. sync.Cond's ticket-ordered wait list.

    ``wait`` is the next ticket to hand out, ``notify`` the next to wake.
    ``notifyListAdd`` takes a ticket before the caller unlocks its mutex, so a
    Signal that lands between the unlock and the park is not lost.
    """

    __slots__ = ("wait", "notify", "waiters")

    def __init__(self) -> None:
        self.wait = 0
        self.notify = 0
        self.waiters: deque[sudog] = deque()


def notifyListAdd(l: notifyList) -> int:
    """runtime/sema.go: notifyListAdd."""
    t = l.wait
    l.wait += 1
    return t


def less(a: int, b: int) -> bool:
    """runtime/sema.go: less. Ticket order that survives wrap-around."""
    return ((a - b) & 0xFFFFFFFF) >= 0x80000000


def notifyListWait(l: notifyList, t: int) -> None:
    """runtime/sema.go: notifyListWait. Park until ticket t is notified."""
    if less(t, l.notify):
        return
    gp = proc.getg()
    if gp is None:
        raise RuntimeError("sync.Cond.Wait outside a goroutine (call it inside rt.run)")
    sg = sudog(gp, None, None)
    sg.ticket = t
    l.waiters.append(sg)
    try:
        proc.gopark(None, l, waitReasonSyncCondWait)
    except BaseException:
        if sg in l.waiters:
            l.waiters.remove(sg)
        raise


def notifyListNotifyAll(l: notifyList) -> None:
    """runtime/sema.go: notifyListNotifyAll."""
    if l.wait == l.notify:
        return
    l.notify = l.wait
    waiters = l.waiters
    l.waiters = deque()
    for sg in waiters:
        proc.goready(sg.g)


def notifyListNotifyOne(l: notifyList) -> None:
    """runtime/sema.go: notifyListNotifyOne. Wake the waiter holding the next ticket."""
    if l.wait == l.notify:
        return
    t = l.notify
    l.notify = t + 1
    for sg in l.waiters:
        if sg.ticket == t:
            l.waiters.remove(sg)
            proc.goready(sg.g)
            return


def notifyListCheck(size: int) -> None:
    """runtime/sema.go: notifyListCheck. Nothing to check without unsafe layouts."""
    if size < 0:
        fatal("bad notifyList size")
