"""runtime/select.go (go1.27.0): select.

The call form, used everywhere in this project (API.md)::

    i, v, ok = rt.select(rt.recv(a), rt.send(b, x))
    i, v, ok = rt.select(rt.recv(a), default=True)   # never blocks; -1 if nothing ready
    rt.select()                                      # select {}: blocks forever

It returns the index of the case that ran, the value received (None for a
send) and, for a receive, whether the value came from a send (False once the
channel is closed and drained), like ``reflect.Select``. A case on a nil
channel (``None``) is never ready.

How a select runs (``selectgo``). Two orders are drawn up first. The *poll
order* is a random permutation of the cases whose channel is not nil; it is
what makes select fair (no case can starve another), and tests rely on it.
The *lock order* is the same cases sorted by channel identity; Go takes
the channel locks in it, so that two selects cannot deadlock and a channel
named by several cases, whose cases sit side by side, is locked once. Then:

1. Poll. Visit the cases in poll order and run the first that can proceed
   without waiting: a receive finds a parked sender, a buffered value or a
   closed channel; a send finds a parked receiver or a free slot (or a
   closed channel, and panics). With ``default`` and nothing ready, return
   -1 here.
2. Enqueue. Put one sudog per case, marked ``isSelect``, on its channel's
   queue in lock order, chain them on ``gp.waiting`` in the same order, and
   park with wait reason "select". The G now waits on every channel at once.
3. Dequeue. The first peer to take one of those sudogs (a send, a receive,
   a close) has claimed the whole select: ``waitq.dequeue`` sets
   ``gp.selectDone`` when it hands out a select sudog and passes over the
   sudogs of a G whose flag is already set, so a second peer cannot also
   complete a case. The winner's sudog comes back in ``gp.param``. Walking
   the lock order and ``gp.waiting`` side by side, the G takes every other
   sudog off its channel's queue (they would otherwise pile up on channels
   that stay quiet), notes which case won, and returns it.

Go locks every channel of the select (``sellock``) for passes 1 and 2 and
again for pass 3, and ``selparkcommit`` releases them once the G is off its
stack. With one P only
M0 touches channels, so there are no channel locks (chan.py); ``sellock``,
``selunlock`` and ``selparkcommit`` are kept, empty, at Go's call sites, so
that selectgo reads as Go's. The lock order is still what decides the queue
position of two cases on one channel: the sort keeps ties in (random) poll
order, as Go's heap sort, started from the poll order, permutes them.

Differences from Go: pass 3 runs in a ``finally``, so a G unwound while
parked (rt.run's teardown) leaves no sudog on any channel, and the
"gp.waiting != nil" throw is skipped while rt.run unwinds (a channel
operation unwound out of its park leaves gp.waiting set). The sudogs are
not recycled (no sudog cache), so Go's clearing of their fields before
``releaseSudog`` is left out. The poll order uses ``random.random`` where Go
uses ``cheaprandn``, and the lock order a stable sort (one comparison for
two cases) where Go uses an in-place heap sort. Left out, because this runtime has no use for them:
block profiling (``blockprofilerate``, ``releasetime``, ``blockevent``), the
race, msan and asan hooks, ``debugSelect``, the synctest bubble checks and
``waitReasonSynctestSelect``, the stack-shrinking flags
``activeStackChans``/``parkingOnChan``, and the timer-channel calls
``maybeRunChan``/``blockTimerChan``/``unblockTimerChan`` (time.py heaps a
channel timer when it is armed, not when someone waits on its channel).

Order: select.go's. ``recv``, ``send`` and ``select`` stand where Go has
``runtimeSelect`` and ``reflect_rselect``: ``select`` is this runtime's
reflect.Select, and since each case carries its direction (``scase.kind``)
it passes the cases to selectgo in the caller's order (reflect_rselect moves
the sends first), with ``default`` a flag rather than a case. Left out of
select.go: ``selectsetpc`` and ``chansendpc``/``chanrecvpc`` (race detector
PCs); ``(*hchan).sortkey`` (the key, ``id(c)``, is written in place in
the lock-order sort); ``selectDir`` (``caseRecv``
and ``caseSend`` are the two directions a case can have); and
``waitq.dequeueSudoG``, which is in chan.py beside waitq's other methods.
"""

from __future__ import annotations

import random
from typing import Any, Final, TypeVar

from rt import proc
from rt.chan import hchan
from rt.chan import recv as _recv  # chan.go's recv and send: this module's own
from rt.chan import send as _send  # recv and send build select cases
from rt.panic import plainError, throw
from rt.runtime2 import g, sudog, waitReasonSelect, waitReasonSelectNoCases

caseRecv: Final = 1
caseSend: Final = 2

_random = random.random


class scase:
    """select.go: scase. One case: a channel, a direction and the value to send.

    Go's scase has no direction (selectgo gets the sends first, then the
    receives); here ``kind`` says which, as reflect's runtimeSelect.dir does.
    """

    __slots__ = ("c", "kind", "elem")

    def __init__(self, c: hchan[Any] | None, kind: int, elem: Any) -> None:
        if c is not None and not isinstance(c, hchan):
            raise TypeError(f"select case needs a channel (or None), not {type(c).__name__}")
        self.c = c
        self.kind = kind
        self.elem = elem


def sellock(scases: tuple[scase, ...], lockorder: list[int]) -> None:
    """select.go: sellock. Lock each channel of the select once, in lock order.

    Channels have no lock here (one P: only M0 touches them, chan.py), so
    there is nothing to take; selectgo calls it where Go does.
    """


def selunlock(scases: tuple[scase, ...], lockorder: list[int]) -> None:
    """select.go: selunlock. Unlock what sellock locked, in reverse lock order.

    Nothing to release here (see sellock); selectgo calls it on every path
    out where Go does. Go's hand-off to a parked peer unlocks inside chan.go's
    send or recv, before it readies the peer; chan.py's take no unlock
    function, so selectgo calls selunlock right after them.
    """


def selparkcommit(gp: g, _: Any) -> bool:
    """select.go: selparkcommit. The gopark callback of a blocking select; returns True.

    In Go it runs once the G is off its stack and releases the channel
    locks, each after the last sudog of ``gp.waiting`` that names it; until
    then no peer can take one of the G's sudogs and ready a G that is not
    yet parked. With no channel locks there is nothing to release, and
    returning True lets the park go ahead.
    """
    return True


def block() -> None:
    """select.go: block. ``select {}``: park forever, wait reason "select (no cases)"."""
    proc.gopark(None, None, waitReasonSelectNoCases)


def selectgo(scases: tuple[scase, ...], block: bool) -> tuple[int, Any, bool]:
    """select.go: selectgo. Run one of the cases; see the module docstring.

    Returns (case index, value received or None, recvOK). With ``block``
    False and no case ready, returns (-1, None, False): the default case.
    Panics "send on closed channel" when the case chosen is a send on a
    closed channel.
    """
    # Poll order: an inside-out Fisher-Yates shuffle of the cases with a
    # channel (cheaprandn in Go); nil-channel cases are left out of both orders.
    pollorder: list[int] = []
    norder = 0
    for i in range(len(scases)):
        if scases[i].c is None:
            continue
        pollorder.append(i)
        if norder:
            j = int(_random() * (norder + 1))
            pollorder[norder] = pollorder[j]
            pollorder[j] = i
        norder += 1

    # Lock order: by channel identity (Go's sortkey, the hchan address). The
    # sort is stable, so cases on one channel stay in poll order.
    if norder < 2:
        lockorder = pollorder
    elif norder == 2:
        # Most selects have two cases: one comparison instead of a sort.
        a, b = pollorder
        lockorder = pollorder if id(scases[a].c) <= id(scases[b].c) else [b, a]
    else:
        lockorder = sorted(pollorder, key=lambda o: id(scases[o].c))

    sellock(scases, lockorder)

    # Pass 1: look for something already waiting. Go jumps to shared labels
    # (recv, bufrecv, rclose, send, bufsend, sclose); each is written out here
    # where it is taken.
    for casi in pollorder:
        cas = scases[casi]
        c = cas.c
        assert c is not None  # pollorder holds no nil-channel case
        if cas.kind == caseRecv:
            sg = c.sendq.dequeue()
            if sg is not None:
                # recv: from a parked sender (through the buffer if any).
                v = _recv(c, sg)
                selunlock(scases, lockorder)
                return casi, v, True
            if c.qcount > 0:
                # bufrecv: from the buffer.
                i = c.recvx
                v = c.buf[i]
                c.buf[i] = None
                i += 1
                c.recvx = 0 if i == c.dataqsiz else i
                c.qcount -= 1
                selunlock(scases, lockorder)
                return casi, v, True
            if c.closed:
                # rclose: the channel is closed and drained.
                selunlock(scases, lockorder)
                return casi, c.zero, False
        else:
            if c.closed:
                # sclose
                selunlock(scases, lockorder)
                raise plainError("send on closed channel")
            sg = c.recvq.dequeue()
            if sg is not None:
                # send: to a parked receiver.
                _send(c, sg, cas.elem)
                selunlock(scases, lockorder)
                return casi, None, False
            if c.qcount < c.dataqsiz:
                # bufsend: into the buffer.
                c.buf[c.sendx] = cas.elem
                c.sendx += 1
                if c.sendx == c.dataqsiz:
                    c.sendx = 0
                c.qcount += 1
                selunlock(scases, lockorder)
                return casi, None, False

    if not block:
        selunlock(scases, lockorder)
        return -1, None, False

    # Pass 2: enqueue on all channels, in lock order.
    gp = proc.getg()
    if gp is None:
        raise RuntimeError("select outside a goroutine (call it inside rt.run)")
    # chansend and chanrecv leave gp.waiting set when rt.run's teardown unwinds
    # them out of their park; a finally block that then selects must get
    # UnwindingError from gopark below, not this throw.
    if gp.waiting is not None and not proc.unwinding:
        throw("gp.waiting != nil")
    gp.selectDone = 0
    last: sudog | None = None
    for casi in lockorder:
        cas = scases[casi]
        c = cas.c
        assert c is not None
        sg = sudog(gp, cas.elem, c)
        sg.isSelect = True
        # Construct the waiting list in lock order.
        if last is None:
            gp.waiting = sg
        else:
            last.waitlink = sg
        last = sg
        if cas.kind == caseSend:
            c.sendq.enqueue(sg)
        else:
            c.recvq.enqueue(sg)

    # Wait for someone to wake us up.
    gp.param = None
    casi = -1
    caseSuccess = False
    try:
        proc.gopark(selparkcommit, None, waitReasonSelect)
    finally:
        # In a finally so that a G unwound while parked (rt.run's teardown)
        # leaves no sudog behind; that path leaves without selunlock, which
        # has nothing to release.
        sellock(scases, lockorder)
        gp.selectDone = 0
        sg = gp.param
        gp.param = None

        # Pass 3: dequeue from the unsuccessful channels (otherwise the sudogs
        # pile up on quiet channels) and find the case that won: whoever woke
        # us took its sudog off its queue and left it in gp.param.
        sglist = gp.waiting
        gp.waiting = None
        for casei in lockorder:
            assert sglist is not None
            k = scases[casei]
            if sg is sglist:
                # Already dequeued by the G that woke us.
                casi = casei
                caseSuccess = sglist.success
            else:
                c = k.c
                assert c is not None
                if k.kind == caseSend:
                    c.sendq.dequeueSudoG(sglist)
                else:
                    c.recvq.dequeueSudoG(sglist)
            sglist = sglist.waitlink

    if casi < 0:
        throw("selectgo: bad wakeup")
    cas = scases[casi]
    c = cas.c
    assert c is not None and sg is not None
    if cas.kind == caseSend:
        if not caseSuccess:
            # sclose: woken by close.
            selunlock(scases, lockorder)
            raise plainError("send on closed channel")
        selunlock(scases, lockorder)
        return casi, None, False
    selunlock(scases, lockorder)
    return casi, sg.elem if caseSuccess else c.zero, caseSuccess


def recv(c: hchan[Any] | None) -> scase:
    """A receive case: ``case v, ok := <-c`` (reflect.SelectCase with SelectRecv)."""
    return scase(c, caseRecv, None)


_T = TypeVar("_T")


def send(c: hchan[_T] | None, v: _T) -> scase:
    """A send case: ``case c <- v`` (reflect.SelectCase with SelectSend); v must fit c."""
    return scase(c, caseSend, v)


def select(*cases: scase, default: bool = False) -> tuple[int, Any, bool]:
    """select.go: reflect_rselect. Run one of the cases, as Go's ``select`` statement.

    Blocks until a case can run, unless ``default`` is set: then returns
    (-1, None, False) when none can. With no cases and no default it blocks
    forever (``select {}``). See the module docstring for the result.
    """
    for cas in cases:
        if not isinstance(cas, scase):
            raise TypeError("rt.select cases are built with rt.recv(ch) and rt.send(ch, v)")
    if proc.preemptRequested:  # a safe point: proc.py, design rule 5
        proc.newstack()
    if not cases and not default:
        block()
    return selectgo(cases, not default)
