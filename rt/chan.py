"""runtime/chan.go (go1.27.0): channels.

A channel (``hchan``) is a ring buffer of ``dataqsiz`` slots plus two FIFO
wait queues of ``sudog``s: goroutines blocked sending (``sendq``) and
receiving (``recvq``). The invariants that make it work, as in Go:

* At most one of ``sendq``/``recvq`` is non-empty, and if the buffer holds
  anything, ``recvq`` is empty (a receiver would have taken it); if the buffer
  has room, ``sendq`` is empty.
* Handing a value to a parked peer is direct: a sender that finds a waiting
  receiver writes into that receiver's sudog and readies it (into runnext,
  so the receiver runs next); a receiver that finds a waiting sender on a full
  buffered channel takes the buffer's head and moves the sender's value into
  the freed slot, so FIFO order holds.
* Closing readies every waiter: receivers get the zero value with ok=False,
  senders wake to panic "send on closed channel".

Python specifics. The zero value of a channel's element type is ``None``
unless given (``rt.chan(0, zero=0)``). A nil channel is ``None``: the
module functions ``chansend1``/``chanrecv1``/``chanrecv2``/``closechan``
accept it and behave as Go (block forever, or panic "close of nil channel").
With one P only M0 touches channels, so Go's channel lock has nothing to
exclude; where Go takes it, a comment says so.

Order: ``hchan`` (Go's type, with the methods that stand for the compiler's
calls: ``c.send(v)`` is chansend1), then chan.go's functions in its order,
``waitq`` last, as Go defines its methods there. Left out: ``makechan64``
and ``reflect_makechan`` (one int type), ``chanbuf`` (the buffer is a
list), ``sendDirect``/``recvDirect`` (values are references: no stack to
copy into), ``chanparkcommit`` (its only job is releasing the channel lock
after the G is off its stack; gopark gets no callback here), the
``reflect_*``/``reflectlite_*`` entry points ``reflect_chansend``,
``reflect_chanrecv``, ``reflect_chanlen``, ``reflectlite_chanlen``,
``reflect_chancap`` and ``reflect_chanclose`` (``rt.select`` and the hchan
methods are Python's reflect: ``chansend``/``chanrecv`` take ``block``,
``len(c)``, ``c.cap()``, ``c.close()``), and the race detector's
``hchan.raceaddr``, ``racesync`` and ``racenotify`` (there is no race
detector here).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rt import proc
from rt.panic import plainError, throw
from rt.runtime2 import (
    gList,
    sudog,
    waitReasonChanReceive,
    waitReasonChanReceiveNilChan,
    waitReasonChanSend,
    waitReasonChanSendNilChan,
)

if TYPE_CHECKING:
    from rt.time import timer

T = TypeVar("T")

maxAlloc = 1 << 47


class hchan(Generic[T]):
    """runtime/chan.go: hchan, made by ``rt.chan[T](cap)`` (Go's makechan).

    ``send``/``recv``/``recv2``/``close`` are Go's ``c <- v``, ``<-c``,
    ``v, ok := <-c`` and ``close(c)``; ``len(c)`` and ``c.cap()`` are Go's
    len and cap; ``for v in c`` ranges until the channel is closed.
    """

    __slots__ = ("qcount", "dataqsiz", "buf", "sendx", "recvx", "recvq", "sendq", "closed",
                 "timer", "zero", "__weakref__")

    def __init__(self, cap: int = 0, zero: T | None = None) -> None:
        if not isinstance(cap, int):
            raise TypeError(f"rt.chan: cap must be an int, not {type(cap).__name__}")
        if cap < 0 or cap > maxAlloc:
            raise plainError("makechan: size out of range")
        self.qcount = 0
        self.dataqsiz = cap
        self.buf: list[Any] = [None] * cap
        self.sendx = 0
        self.recvx = 0
        self.recvq = waitq()
        self.sendq = waitq()
        self.closed = 0
        # Set when this is a time.Timer/Ticker channel (runtime/time.go).
        self.timer: timer | None = None
        self.zero = zero

    def send(self, v: T) -> None:
        """runtime/chan.go: chansend1. ``c <- v``."""
        if proc.preemptRequested:  # a safe point: proc.py, design rule 5
            proc.newstack()
        chansend(self, v, True)

    def recv(self) -> T:
        """runtime/chan.go: chanrecv1. ``<-c``.

        A closed, drained channel gives its zero value: ``zero`` if one was
        given, else None, whatever T says (Python has no zero value per type).
        """
        if proc.preemptRequested:
            proc.newstack()
        return chanrecv(self, True)[2]  # type: ignore[no-any-return]

    def recv2(self) -> tuple[T, bool]:
        """runtime/chan.go: chanrecv2. ``v, ok := <-c``."""
        if proc.preemptRequested:
            proc.newstack()
        _, ok, v = chanrecv(self, True)
        return v, ok

    def close(self) -> None:
        """runtime/chan.go: closechan. ``close(c)``."""
        if proc.preemptRequested:
            proc.newstack()
        closechan(self)

    def cap(self) -> int:
        """runtime/chan.go: chancap. 0 for timer channels (they behave unbuffered)."""
        if self.timer is not None:
            return 0
        return self.dataqsiz

    def __len__(self) -> int:
        """runtime/chan.go: chanlen. 0 for timer channels."""
        if self.timer is not None:
            return 0
        return self.qcount

    def __iter__(self) -> Iterator[T]:
        """``for v := range c``: receive until the channel is closed and drained."""
        while True:
            if proc.preemptRequested:
                proc.newstack()
            _, ok, v = chanrecv(self, True)
            if not ok:
                return
            yield v

    def __bool__(self) -> bool:
        # A channel is never "false": len() must not make an empty channel falsy.
        return True

    def __repr__(self) -> str:
        return f"<chan cap={self.dataqsiz} len={self.qcount}{' closed' if self.closed else ''}>"


def makechan(size: int, zero: Any = None) -> hchan[Any]:
    """runtime/chan.go: makechan."""
    return hchan(size, zero)


def full(c: hchan[Any]) -> bool:
    """runtime/chan.go: full."""
    if c.dataqsiz == 0:
        return c.recvq.first is None
    return c.qcount == c.dataqsiz


def _blockForever(reason: int) -> None:
    proc.gopark(None, None, reason)
    throw("unreachable")


def chansend1(c: hchan[Any] | None, v: Any) -> None:
    """runtime/chan.go: chansend1. ``c <- v`` for a channel that may be nil (None)."""
    if proc.preemptRequested:
        proc.newstack()
    chansend(c, v, True)


def chansend(c: hchan[Any] | None, v: Any, block: bool) -> bool:
    """runtime/chan.go: chansend. Returns whether the value was sent (False only if !block)."""
    if c is None:
        if not block:
            return False
        _blockForever(waitReasonChanSendNilChan)
    assert c is not None
    # While rt.run runs, only M0's thread (its goroutines, and timer functions
    # on its g0) touches channels: they have no lock of their own.
    if proc.getm() is None and proc._runThread is not None:
        raise RuntimeError("channel send outside a goroutine (call it inside rt.run)")
    # lock(&c.lock)
    if c.closed:
        raise plainError("send on closed channel")
    sg = c.recvq.dequeue()
    if sg is not None:
        send(c, sg, v)
        return True
    if c.qcount < c.dataqsiz:
        c.buf[c.sendx] = v
        c.sendx += 1
        if c.sendx == c.dataqsiz:
            c.sendx = 0
        c.qcount += 1
        return True
    if not block:
        return False
    gp = proc.getg()
    if gp is None:
        raise RuntimeError("channel send outside a goroutine (call it inside rt.run)")
    mysg = sudog(gp, v, c)
    gp.waiting = mysg
    gp.param = None
    c.sendq.enqueue(mysg)
    try:
        proc.gopark(None, c, waitReasonChanSend)
    except BaseException:
        # Unwound while parked (rt.run's teardown): leave nothing queued that
        # a later operation on c could hand a value to.
        c.sendq.dequeueSudoG(mysg)
        gp.waiting = None
        raise
    # Woken: by a receiver (success) or by close (not).
    if mysg is not gp.waiting:
        throw("G waiting list is corrupted")
    gp.waiting = None
    gp.param = None
    if not mysg.success:
        if not c.closed:
            throw("chansend: spurious wakeup")
        raise plainError("send on closed channel")
    return True


def send(c: hchan[Any], sg: sudog, v: Any) -> None:
    """runtime/chan.go: send. Hand v to a parked receiver and ready it."""
    sg.elem = v
    gp = sg.g
    gp.param = sg
    sg.success = True
    proc.goready(gp)


def timerchandrain(c: hchan[Any]) -> bool:
    """runtime/chan.go: timerchandrain. Empty a timer channel's buffer (Stop/Reset)."""
    if c.qcount == 0:
        return False
    drained = False
    while c.qcount > 0:
        chanrecv(c, False)
        drained = True
    return drained


def closechan(c: hchan[Any] | None) -> None:
    """runtime/chan.go: closechan: close c (Go's close(c)); every blocked receiver wakes with the
    zero value and ok false, every blocked sender wakes and panics. Closing a nil or closed channel
    panics.
    """
    if c is None:
        raise plainError("close of nil channel")
    if proc.getm() is None and proc._runThread is not None:
        raise RuntimeError("channel close outside a goroutine (call it inside rt.run)")
    if c.closed:
        raise plainError("close of closed channel")
    c.closed = 1
    # Collect every waiter first (Go does it under the channel lock), then
    # ready them. The list is a stack, and each goready puts its G in
    # runnext, pushing the previous one to the run queue's tail: waiters that
    # blocked in the order C A B run C, B, A, as in Go.
    glist = gList()
    while True:
        sg = c.recvq.dequeue()
        if sg is None:
            break
        sg.elem = c.zero
        sg.success = False
        sg.g.param = sg
        glist.push(sg.g)
    while True:
        sg = c.sendq.dequeue()
        if sg is None:
            break
        sg.elem = None
        sg.success = False
        sg.g.param = sg
        glist.push(sg.g)
    while True:
        gp = glist.pop()
        if gp is None:
            break
        proc.goready(gp)


def empty(c: hchan[Any]) -> bool:
    """runtime/chan.go: empty."""
    if c.dataqsiz == 0:
        return c.sendq.first is None
    return c.qcount == 0


def chanrecv1(c: hchan[Any] | None) -> Any:
    """runtime/chan.go: chanrecv1. ``<-c`` for a channel that may be nil (None)."""
    if proc.preemptRequested:
        proc.newstack()
    return chanrecv(c, True)[2]


def chanrecv2(c: hchan[Any] | None) -> tuple[Any, bool]:
    """runtime/chan.go: chanrecv2. ``v, ok := <-c`` for a channel that may be nil."""
    if proc.preemptRequested:
        proc.newstack()
    _, ok, v = chanrecv(c, True)
    return v, ok


def chanrecv(c: hchan[Any] | None, block: bool) -> tuple[bool, bool, Any]:
    """runtime/chan.go: chanrecv. Returns (selected, received, value)."""
    if c is None:
        if not block:
            return False, False, None
        _blockForever(waitReasonChanReceiveNilChan)
    assert c is not None
    # While rt.run runs, only M0's thread (its goroutines, and timer functions
    # on its g0) touches channels: they have no lock of their own.
    if proc.getm() is None and proc._runThread is not None:
        raise RuntimeError("channel receive outside a goroutine (call it inside rt.run)")
    # lock(&c.lock)
    if c.closed and c.qcount == 0:
        return True, False, c.zero
    sg = c.sendq.dequeue()
    if sg is not None:
        return True, True, recv(c, sg)
    if c.qcount > 0:
        i = c.recvx
        v = c.buf[i]
        c.buf[i] = None
        i += 1
        c.recvx = 0 if i == c.dataqsiz else i
        c.qcount -= 1
        return True, True, v
    if not block:
        return False, False, c.zero
    gp = proc.getg()
    if gp is None:
        raise RuntimeError("channel receive outside a goroutine (call it inside rt.run)")
    mysg = sudog(gp, None, c)
    gp.waiting = mysg
    gp.param = None
    c.recvq.enqueue(mysg)
    try:
        proc.gopark(None, c, waitReasonChanReceive)
    except BaseException:
        # Unwound while parked (rt.run's teardown): leave nothing queued that
        # a later operation on c could hand a value to.
        c.recvq.dequeueSudoG(mysg)
        gp.waiting = None
        raise
    if mysg is not gp.waiting:
        throw("G waiting list is corrupted")
    gp.waiting = None
    gp.param = None
    if mysg.success:
        return True, True, mysg.elem
    return True, False, c.zero


def recv(c: hchan[Any], sg: sudog) -> Any:
    """runtime/chan.go: recv. Take from a parked sender (through the buffer if any)."""
    if c.dataqsiz == 0:
        v = sg.elem
    else:
        # The buffer is full: take its head, put the sender's value at the tail.
        i = c.recvx
        v = c.buf[i]
        c.buf[i] = sg.elem
        i += 1
        c.recvx = 0 if i == c.dataqsiz else i
        c.sendx = c.recvx
    sg.elem = None
    gp = sg.g
    gp.param = sg
    sg.success = True
    proc.goready(gp)
    return v


def selectnbsend(c: hchan[Any] | None, v: Any) -> bool:
    """runtime/chan.go: selectnbsend. ``select { case c <- v: ... default: }``."""
    if proc.preemptRequested:
        proc.newstack()
    return chansend(c, v, False)


def selectnbrecv(c: hchan[Any] | None) -> tuple[bool, Any, bool]:
    """runtime/chan.go: selectnbrecv. Returns (selected, value, received)."""
    if proc.preemptRequested:
        proc.newstack()
    selected, received, v = chanrecv(c, False)
    return selected, v, received


class waitq:
    """runtime/chan.go: waitq. A FIFO of sudogs."""

    __slots__ = ("first", "last")

    def __init__(self) -> None:
        self.first: sudog | None = None
        self.last: sudog | None = None

    def enqueue(self, sgp: sudog) -> None:
        """runtime/chan.go: waitq.enqueue."""
        sgp.next = None
        x = self.last
        if x is None:
            sgp.prev = None
            self.first = self.last = sgp
            return
        sgp.prev = x
        x.next = sgp
        self.last = sgp

    def dequeue(self) -> sudog | None:
        """runtime/chan.go: waitq.dequeue. Skips selects that another case already won."""
        while True:
            sgp = self.first
            if sgp is None:
                return None
            y = sgp.next
            if y is None:
                self.first = self.last = None
            else:
                y.prev = None
                self.first = y
                sgp.next = None
            if sgp.isSelect:
                # Only the first case to fire may wake a select (selectDone CAS).
                gp = sgp.g
                if gp.selectDone != 0:
                    continue
                gp.selectDone = 1
            return sgp

    def dequeueSudoG(self, sgp: sudog) -> None:
        """runtime/select.go: waitq.dequeueSudoG. Unlink one sudog (select's pass 3)."""
        x, y = sgp.prev, sgp.next
        if x is not None:
            if y is not None:
                x.next = y
                y.prev = x
            else:
                x.next = None
                self.last = x
            sgp.next = sgp.prev = None
            return
        if y is not None:
            y.prev = None
            self.first = y
            sgp.next = None
            return
        if self.first is sgp:
            self.first = self.last = None
