"""runtime/select.go (go1.27.0): select.

The call form, used everywhere in this project (API.md)::

    i, v, ok = rt.select(rt.recv(a), rt.send(b, x))
    i, v, ok = rt.select(rt.recv(a), default=True)   # never blocks; -1 if nothing ready
    rt.select()                                      # select {}: blocks forever

It returns the index of the case that ran, the value received (None for a
send) and, for a receive, whether the value came from a send (False once the
channel is closed and drained), like ``reflect.Select``. A case on a nil
channel (``None``) is never ready.

``selectgo`` keeps Go's three passes:

1. Visit the cases in a random *poll order* and take the first that can
   proceed now (a buffered value or free slot, a parked peer, a closed
   channel). Randomness is what makes select fair; tests rely on it.
2. If none can and there is no default, enqueue one sudog per case (each
   marked ``isSelect``) and park with reason "select".
3. Woken by the case that fired (its sudog is in ``gp.param``), dequeue the
   sudogs of every other case and return the winner. The ``selectDone`` flag
   makes sure only the first case to fire can wake the G: a peer that
   dequeues a losing sudog before pass 3 removed it skips it.

Go sorts the cases into a *lock order* by channel address to take every
channel lock without deadlock, and enqueues the sudogs in that order. With
one P there are no channel locks, but the order is kept for what it decides:
two cases on the same channel are queued in (random) poll order.
"""

from __future__ import annotations

import random
from typing import Any, Final

from rt import proc
from rt.chan import chanrecv, chansend, hchan
from rt.panic import plainError
from rt.runtime2 import sudog, waitReasonSelect, waitReasonSelectNoCases

caseRecv: Final = 1
caseSend: Final = 2

_random = random.random


class scase:
    """runtime/select.go: scase. One case: a channel, a direction and the value to send."""

    __slots__ = ("c", "kind", "elem")

    def __init__(self, c: hchan[Any] | None, kind: int, elem: Any) -> None:
        if c is not None and not isinstance(c, hchan):
            raise TypeError(f"select case needs a channel (or None), not {type(c).__name__}")
        self.c = c
        self.kind = kind
        self.elem = elem


def recv(c: hchan[Any] | None) -> scase:
    """A receive case: ``case v, ok := <-c``."""
    return scase(c, caseRecv, None)


def send(c: hchan[Any] | None, v: Any) -> scase:
    """A send case: ``case c <- v``."""
    return scase(c, caseSend, v)


def select(*cases: scase, default: bool = False) -> tuple[int, Any, bool]:
    """runtime/select.go: selectgo (via reflect_rselect). See the module docstring."""
    for cas in cases:
        if not isinstance(cas, scase):
            raise TypeError("rt.select cases are built with rt.recv(ch) and rt.send(ch, v)")
    if proc.preemptRequested:  # a safe point: proc.py, design rule 5
        proc.newstack()
    return selectgo(cases, not default)


def block() -> None:
    """runtime/select.go: block. ``select {}``: park forever."""
    proc.gopark(None, None, waitReasonSelectNoCases)


def selectgo(cases: tuple[scase, ...], block_: bool) -> tuple[int, Any, bool]:
    """runtime/select.go: selectgo. Returns (case index, value, recvOK); -1 for default."""
    n = len(cases)
    if n == 0:
        if not block_:
            return -1, None, False
        block()
    # Pass 1: poll order, a Fisher-Yates shuffle (cheaprandn in Go).
    if n == 1:
        order: list[int] | range = range(1)
    else:
        order = list(range(n))
        for i in range(1, n):
            j = int(_random() * (i + 1))
            order[i], order[j] = order[j], order[i]
    for i in order:
        cas = cases[i]
        c = cas.c
        if c is None:
            continue
        if cas.kind == caseRecv:
            selected, ok, v = chanrecv(c, False)
            if selected:
                return i, v, ok
        else:
            if c.closed:
                raise plainError("send on closed channel")
            if chansend(c, cas.elem, False):
                return i, None, False
    if not block_:
        return -1, None, False

    # Pass 2: enqueue on every channel and park.
    gp = proc.getg()
    if gp is None:
        raise RuntimeError("select outside a goroutine (call it inside rt.run)")
    gp.selectDone = 0
    gp.param = None
    # Enqueue in lock order: by channel identity, ties kept in poll order (so
    # two cases on one channel are queued in random order, as in Go).
    lockorder = order if n == 1 else sorted(order, key=lambda k: id(cases[k].c))
    sgs: list[sudog | None] = [None] * n
    for i in lockorder:
        cas = cases[i]
        c = cas.c
        if c is None:
            continue
        sg = sudog(gp, cas.elem if cas.kind == caseSend else None, c)
        sg.isSelect = True
        sg.caseIndex = i
        sgs[i] = sg
        if cas.kind == caseSend:
            c.sendq.enqueue(sg)
        else:
            c.recvq.enqueue(sg)
    try:
        proc.gopark(None, None, waitReasonSelect)
    finally:
        # Pass 3: whoever woke us left the winning sudog in gp.param.
        won: Any = gp.param
        gp.param = None
        gp.selectDone = 0
        for i, osg in enumerate(sgs):
            if osg is None or osg is won:
                continue
            oc = cases[i].c
            assert oc is not None
            if cases[i].kind == caseSend:
                oc.sendq.dequeueSudoG(osg)
            else:
                oc.recvq.dequeueSudoG(osg)
    if not isinstance(won, sudog):
        from rt.panic import throw

        throw("selectgo: bad wakeup")
        raise AssertionError
    casi = won.caseIndex
    if cases[casi].kind == caseSend:
        if not won.success:
            raise plainError("send on closed channel")
        return casi, None, False
    c = cases[casi].c
    assert c is not None
    return casi, won.elem if won.success else c.zero, won.success
