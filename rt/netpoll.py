"""runtime/netpoll.go (go1.27.0): the integrated network poller, platform-independent half.

The contract a platform backend (rt/netpoll_epoll.py) meets, as in Go:
``netpollinit()`` makes the poller; ``netpollopen(fd, pd)`` registers fd
once, edge-triggered, for both directions, with ``pd``'s slot and fdseq in
the event's data word; ``netpollclose(fd)`` deregisters it;
``netpoll(delay)`` waits up to delay ns (<0 forever, 0 not at all) and
returns the goroutines that became runnable plus a delta for
``netpollWaiters``; ``netpollBreak()`` wakes a blocked ``netpoll`` from any
thread.

Each registered fd has a ``pollDesc``. Its two binary semaphores ``rg`` and
``wg`` (one per direction) hold one of::

    pdNil    nothing pending, nobody waiting
    pdReady  an I/O readiness notification is latched and not yet consumed
    pdWait   a goroutine is about to park but has not committed yet
    a g      that goroutine is parked, waiting for readiness

and move only along these edges::

    prepare (pollReset)            any      -> pdNil
    netpollblock                   pdReady  -> pdNil     (consume, no park)
    netpollblock                   pdNil    -> pdWait    (then park)
    netpollblockcommit (on g0)     pdWait   -> g         (parked for real)
    event (netpollunblock ioready) nil/wait/g -> pdReady (a parked g is readied)
    close or deadline (not ioready) wait/g  -> pdNil     (a parked g is readied)
    after waking                   any      -> pdNil     (netpollblock reports old == pdReady)

Readiness is latched even with nobody waiting (the edge may come before
the goroutine parks); close and deadlines never latch, they only wake. Only
one goroutine waits per direction: internal/poll's fdMutex serialises
readers and writers, so a second waiter is the runtime's "double wait".

Staleness is handled with sequence numbers, never by deregistering early:
``fdseq`` (24 bits, in the epoll data word) is bumped when a pollDesc is
freed, so events for a closed fd whose slot was reused are dropped; ``rseq``
and ``wseq`` are bumped whenever a deadline timer is re-armed or the fd
closes, so a deadline timer that fires late is ignored.

Deadlines are runtime timers (rt/time.py) on the P that set them. A deadline
in the past takes effect at once: ``rd``/``wd`` become -1, the summary word
``atomicInfo`` says "expired", and every later prepare or wait fails with
``pollErrTimeout`` until the deadline is moved.

Python: pollDescs live in a list that only grows (Go's persistentalloc) and
are reused through a LIFO free list; a pollDesc's slot number stands in for
its address in the epoll data word (rt/netpoll_epoll.py). Only M0 touches
pollDescs, so Go's ``pd.lock`` has nothing to exclude; the comments say
where Go takes it.

Left out of netpoll.go, and why:

* ``pollInfo.closing``, ``pollInfo.eventErr``, ``pollInfo.expiredReadDeadline``,
  ``pollInfo.expiredWriteDeadline``: the summary word is a plain int here
  (``pollDesc.info``), and ``netpollcheckerr``, their only reader, tests
  its bits directly.
* ``poll_runtime_pollWaitCanceled``: only Windows calls it, after a failed
  cancel of an overlapped I/O; the one backend here is epoll.
* ``pollDesc.makeArg``: it boxes a pollDesc into an interface without
  allocating; a timer's argument here is any Python object, so the
  deadline timers get the pollDesc itself.
"""

from __future__ import annotations

from typing import Any, Final

from rt import proc
from rt import runtime2 as _r2
from rt.panic import throw
from rt.runtime2 import g, gList, waitReasonIOWait
from rt.time import timer

pollNoError: Final = 0
pollErrClosing: Final = 1
pollErrTimeout: Final = 2
pollErrNotPollable: Final = 3

pdNil: Final = 0
pdReady: Final = 1
pdWait: Final = 2

pollClosing: Final = 1 << 0
pollEventErr: Final = 1 << 1
pollExpiredReadDeadline: Final = 1 << 2
pollExpiredWriteDeadline: Final = 1 << 3
pollFDSeq: Final = 1 << 4  # used as a shift count
pollFDSeqBits: Final = 20
pollFDSeqMask: Final = (1 << pollFDSeqBits) - 1

# tagptr.go: the width of fdseq in the epoll data word on linux/amd64 and arm64.
tagBits: Final = 24
tagMask: Final = (1 << tagBits) - 1


# Modes, as Go spells them: 'r', 'w' and 'r'+'w'.
modeR: Final = ord("r")
modeW: Final = ord("w")
modeRW: Final = ord("r") + ord("w")

maxInt64: Final = (1 << 63) - 1


class pollDesc:
    """runtime/netpoll.go: pollDesc. One per fd registered with the poller.

    ``slot`` is its index in ``pollcache.all`` (its "address"). Every field is
    touched only on M0: by the goroutine doing I/O, by timers and by netpoll,
    which all run there.
    """

    __slots__ = ("slot", "link", "fd", "fdseq", "atomicInfo", "rg", "wg", "closing", "rrun",
                 "wrun", "user", "rseq", "rt", "rd", "wseq", "wt", "wd", "self")

    def __init__(self, slot: int) -> None:
        self.slot = slot
        self.link: pollDesc | None = None
        self.fd = -1
        self.fdseq = 0
        self.atomicInfo = 0
        self.rg: Any = pdNil
        self.wg: Any = pdNil
        self.closing = False
        self.rrun = False
        self.wrun = False
        self.user = 0
        self.rseq = 0
        self.rt = timer()
        self.rd = 0
        self.wseq = 0
        self.wt = timer()
        self.wd = 0
        self.self: pollDesc | None = None

    def info(self) -> int:
        """runtime/netpoll.go: pollDesc.info."""
        return self.atomicInfo

    def publishInfo(self) -> None:
        """runtime/netpoll.go: pollDesc.publishInfo. Recompute the summary word.

        Go computes the fdseq part in 32-bit arithmetic, so only its low 16
        bits survive; the mask below keeps that quirk (GO_MAP A.2).
        """
        info = 0
        if self.closing:
            info |= pollClosing
        if self.rd < 0:
            info |= pollExpiredReadDeadline
        if self.wd < 0:
            info |= pollExpiredWriteDeadline
        info |= ((self.fdseq & pollFDSeqMask) << pollFDSeq) & 0xFFFFFFFF
        self.atomicInfo = info | (self.atomicInfo & pollEventErr)

    def setEventErr(self, b: bool, seq: int) -> None:
        """runtime/netpoll.go: pollDesc.setEventErr. Only for this fd's own events."""
        mySeq = seq & pollFDSeqMask
        x = self.atomicInfo
        xSeq = (x >> pollFDSeq) & pollFDSeqMask
        if seq != 0 and xSeq != mySeq:
            return
        if bool(x & pollEventErr) != b:
            self.atomicInfo = x ^ pollEventErr


class pollCache:
    """runtime/netpoll.go: pollCache. A LIFO free list over pollDescs that are never freed."""

    def __init__(self) -> None:
        self.first: pollDesc | None = None
        self.all: list[pollDesc] = []

    def alloc(self) -> pollDesc:
        """runtime/netpoll.go: pollCache.alloc. Grow by a block of 8 when empty, as Go's 4 KiB."""
        if self.first is None:
            for _ in range(8):
                npd = pollDesc(len(self.all))
                self.all.append(npd)
                npd.link = self.first
                self.first = npd
        pd = self.first
        assert pd is not None
        self.first = pd.link
        pd.link = None
        return pd

    def owns(self, pd: pollDesc) -> bool:
        """Whether pd belongs to this cache, i.e. to the current rt.run (Python only).

        Each rt.run starts with a fresh cache, and its teardown closes every
        pollDesc of the old one; one that reaches the runtime later (kept by
        a caller past its run) must not be mistaken for this run's pd of the
        same slot, nor be put on this run's free list.
        """
        slot = pd.slot
        return slot < len(self.all) and self.all[slot] is pd

    def free(self, pd: pollDesc) -> None:
        """runtime/netpoll.go: pollCache.free. Bump fdseq: in-flight events become stale."""
        if not self.owns(pd):
            throw("runtime: free of a pollDesc from an earlier rt.run")
        pd.fdseq = (pd.fdseq + 1) & tagMask
        pd.publishInfo()
        pd.link = self.first
        self.first = pd


pollcache = pollCache()
netpollInited = False
# Goroutines parked in netpollblock (the scheduler polls only if > 0 or timers).
netpollWaiters = 0
# pollDescs open now (pollOpen without pollClose), for rt.run's teardown.
_openPDs: set[pollDesc] = set()


class NetpollStats:
    """The netpoller's counters, read with ``rt.ReadNetpollStats()``.

    Fields: ``blockingPolls`` and ``nonBlockingPolls`` (epoll_pwait calls that
    could sleep, and those that could not), ``events`` (events returned in
    all), ``parked`` (goroutines that parked in IO wait), ``readied``
    (goroutines readied by the poller, by close or by a deadline),
    ``breaks`` (netpollBreak calls) and ``breaksWritten`` (those that had to
    write the eventfd, i.e. were not coalesced). ``eventsPerPoll()`` is
    events / polls. Counters start at zero with each rt.run.
    """

    __slots__ = ("blockingPolls", "nonBlockingPolls", "events", "parked", "readied",
                 "breaks", "breaksWritten")

    def __init__(self) -> None:
        self.blockingPolls = 0
        self.nonBlockingPolls = 0
        self.events = 0
        self.parked = 0
        self.readied = 0
        self.breaks = 0
        self.breaksWritten = 0

    def copy(self) -> NetpollStats:
        """A snapshot of the counters."""
        c = NetpollStats()
        for k in self.__slots__:
            setattr(c, k, getattr(self, k))
        return c

    def eventsPerPoll(self) -> float:
        """Events returned per epoll_pwait call, blocking or not."""
        polls = self.blockingPolls + self.nonBlockingPolls
        return self.events / polls if polls else 0.0

    def __repr__(self) -> str:
        return "NetpollStats(" + ", ".join(f"{k}={getattr(self, k)}" for k in self.__slots__) + ")"


stats = NetpollStats()


def ReadNetpollStats() -> NetpollStats:
    """A snapshot of the netpoller's counters (in the spirit of runtime.ReadMemStats)."""
    return stats.copy()


# ---------------------------------------------------------------------------
# Initialisation and the hooks the scheduler calls.


class _hooks:
    """What proc.findRunnable calls once the poller exists (proc.netpollHooks)."""

    def netpollAnyWaiters(self) -> bool:
        return netpollWaiters > 0

    def netpoll(self, delay: int) -> tuple[gList, int]:
        from rt.netpoll_epoll import netpoll

        return netpoll(delay)

    def netpollAdjustWaiters(self, delta: int) -> None:
        netpollAdjustWaiters(delta)

    def netpollBreak(self) -> None:
        from rt import netpoll_epoll

        netpoll_epoll.netpollBreak()


def poll_runtime_pollServerInit() -> None:
    """runtime/netpoll.go: poll_runtime_pollServerInit."""
    netpollGenericInit()


def netpollGenericInit() -> None:
    """runtime/netpoll.go: netpollGenericInit. Make the poller once per rt.run."""
    global netpollInited
    if netpollInited:
        return
    from rt import netpoll_epoll

    netpoll_epoll.netpollinit()
    netpollInited = True
    proc.netpoller = _hooks()


def netpollinited() -> bool:
    """runtime/netpoll.go: netpollinited."""
    return netpollInited


def _teardown() -> None:
    """rt.run's end: close the fds still registered, then the poller's own fds."""
    global netpollInited, netpollWaiters, pollcache, stats
    from rt import netpoll_epoll, sys_linux

    for pd in list(_openPDs):
        if pd.fd >= 0:
            netpoll_epoll.netpollclose(pd.fd)
            sys_linux.close(pd.fd)
            pd.fd = -1
    _openPDs.clear()
    # Whoever still holds one of this run's pollDescs finds it closing: every
    # entry point reports pollErrClosing, and pollClose leaves it alone.
    for pd in pollcache.all:
        pd.closing = True
        pd.rg = pd.wg = pdNil
        pd.rrun = pd.wrun = False
        pd.publishInfo()
    if netpollInited:
        netpoll_epoll.netpollfini()
    netpollInited = False
    netpollWaiters = 0
    pollcache = pollCache()
    stats = NetpollStats()
    proc.netpoller = None


proc._teardownHooks.append(_teardown)


def poll_runtime_isPollServerDescriptor(fd: int) -> bool:
    """runtime/netpoll.go: poll_runtime_isPollServerDescriptor."""
    from rt import netpoll_epoll

    return netpoll_epoll.netpollIsPollDescriptor(fd)


# ---------------------------------------------------------------------------
# The entry points internal/poll calls (linked to runtime_* in fd_poll_runtime).


def poll_runtime_pollOpen(fd: int) -> tuple[pollDesc | None, int]:
    """runtime/netpoll.go: poll_runtime_pollOpen. Register fd; returns (pd, errno)."""
    from rt import netpoll_epoll

    pd = pollcache.alloc()
    # lock(&pd.lock)
    if pd.wg != pdNil and pd.wg != pdReady:
        throw("runtime: blocked write on free polldesc")
    if pd.rg != pdNil and pd.rg != pdReady:
        throw("runtime: blocked read on free polldesc")
    pd.fd = fd
    if pd.fdseq == 0:
        # 0 means "no sequence" to setEventErr.
        pd.fdseq = 1
    pd.closing = False
    pd.setEventErr(False, 0)
    pd.rseq += 1
    pd.rg = pdNil
    pd.rd = 0
    pd.wseq += 1
    pd.wg = pdNil
    pd.wd = 0
    pd.self = pd
    pd.publishInfo()
    # unlock(&pd.lock)
    errno = netpoll_epoll.netpollopen(fd, pd)
    if errno != 0:
        pd.fd = -1
        pollcache.free(pd)
        return None, errno
    _openPDs.add(pd)
    return pd, 0


def poll_runtime_pollClose(pd: pollDesc) -> None:
    """runtime/netpoll.go: poll_runtime_pollClose. Deregister; the caller closes the fd after."""
    from rt import netpoll_epoll

    if not pollcache.owns(pd):
        return  # from an earlier run, whose teardown closed it (pollCache.owns)
    if not pd.closing:
        throw("runtime: close polldesc w/o unblock")
    if pd.wg != pdNil and pd.wg != pdReady:
        throw("runtime: blocked write on closing polldesc")
    if pd.rg != pdNil and pd.rg != pdReady:
        throw("runtime: blocked read on closing polldesc")
    netpoll_epoll.netpollclose(pd.fd)
    _openPDs.discard(pd)
    pd.fd = -1
    pollcache.free(pd)


def poll_runtime_pollReset(pd: pollDesc, mode: int) -> int:
    """runtime/netpoll.go: poll_runtime_pollReset. "prepare": fail fast, else drop old latches.

    Discussion: in Go a deadline timer fires on time even while the goroutine
    keeps succeeding at I/O (another P runs it, or sysmon preempts the loop).
    Here a goroutine whose reads or writes never block never yields, so the
    P would not run its timers and a deadline could be overshot by megabytes
    (timeout_test.go's write fluctuation test saw 4 MB past a 1 ms deadline).
    So when this direction has a deadline armed, the P's due timers run
    here first: the expiry lands exactly as the timer would have made it. It
    costs one clock read per I/O call, and only on connections with a
    deadline.
    """
    if proc.preemptRequested:  # a safe point: proc.py, design rule 5
        proc.newstack()
    if (pd.rd > 0 if mode == modeR else pd.wd > 0):
        mp = proc.getm()
        if mp is not None and mp.p is not None:
            mp.p.timers.check(0)
    errcode = netpollcheckerr(pd, mode)
    if errcode != pollNoError:
        return errcode
    if mode == modeR:
        pd.rg = pdNil
    elif mode == modeW:
        pd.wg = pdNil
    return pollNoError


def poll_runtime_pollWait(pd: pollDesc, mode: int) -> int:
    """runtime/netpoll.go: poll_runtime_pollWait. Park until ready, closed or timed out."""
    errcode = netpollcheckerr(pd, mode)
    if errcode != pollNoError:
        return errcode
    while not netpollblock(pd, mode, False):
        errcode = netpollcheckerr(pd, mode)
        if errcode != pollNoError:
            return errcode
        # The deadline was moved between the wake-up and now: wait again.
    return pollNoError


def poll_runtime_pollSetDeadline(pd: pollDesc, d: int, mode: int) -> None:
    """runtime/netpoll.go: poll_runtime_pollSetDeadline. d is relative; <0 expired; 0 none."""
    # lock(&pd.lock)
    if pd.closing:
        return
    rd0, wd0 = pd.rd, pd.wd
    combo0 = rd0 > 0 and rd0 == wd0
    if d > 0:
        d += proc.nanotime()
        if d > maxInt64:
            d = maxInt64
    if mode == modeR or mode == modeRW:
        pd.rd = d
    if mode == modeW or mode == modeRW:
        pd.wd = d
    pd.publishInfo()
    combo = pd.rd > 0 and pd.rd == pd.wd
    rtf = netpollDeadline if combo else netpollReadDeadline
    if not pd.rrun:
        if pd.rd > 0:
            pd.rt.modify(pd.rd, 0, rtf, pd, pd.rseq)
            pd.rrun = True
    elif pd.rd != rd0 or combo != combo0:
        pd.rseq += 1  # invalidate a firing already in flight
        if pd.rd > 0:
            pd.rt.modify(pd.rd, 0, rtf, pd, pd.rseq)
        else:
            pd.rt.stop()
            pd.rrun = False
    if not pd.wrun:
        if pd.wd > 0 and not combo:
            pd.wt.modify(pd.wd, 0, netpollWriteDeadline, pd, pd.wseq)
            pd.wrun = True
    elif pd.wd != wd0 or combo != combo0:
        pd.wseq += 1
        if pd.wd > 0 and not combo:
            pd.wt.modify(pd.wd, 0, netpollWriteDeadline, pd, pd.wseq)
        else:
            pd.wt.stop()
            pd.wrun = False
    # A deadline in the past wakes the waiter now.
    rg = wg = None
    delta = 0
    if pd.rd < 0:
        rg, delta = netpollunblock(pd, modeR, False, delta)
    if pd.wd < 0:
        wg, delta = netpollunblock(pd, modeW, False, delta)
    # unlock(&pd.lock)
    if rg is not None:
        netpollgoready(rg)
    if wg is not None:
        netpollgoready(wg)
    netpollAdjustWaiters(delta)


def poll_runtime_pollUnblock(pd: pollDesc) -> None:
    """runtime/netpoll.go: poll_runtime_pollUnblock. Close's "evict": wake both waiters."""
    # lock(&pd.lock)
    if not pollcache.owns(pd):
        return  # from an earlier run: closed by its teardown (pollCache.owns)
    if pd.closing:
        throw("runtime: unblock on closing polldesc")
    pd.closing = True
    pd.rseq += 1
    pd.wseq += 1
    pd.publishInfo()
    delta = 0
    rg, delta = netpollunblock(pd, modeR, False, delta)
    wg, delta = netpollunblock(pd, modeW, False, delta)
    if pd.rrun:
        pd.rt.stop()
        pd.rrun = False
    if pd.wrun:
        pd.wt.stop()
        pd.wrun = False
    # unlock(&pd.lock)
    if rg is not None:
        netpollgoready(rg)
    if wg is not None:
        netpollgoready(wg)
    netpollAdjustWaiters(delta)


# ---------------------------------------------------------------------------
# Parking and waking.


def netpollready(toRun: gList, pd: pollDesc, mode: int) -> int:
    """runtime/netpoll.go: netpollready. An event: unblock the direction(s); returns delta."""
    delta = 0
    rg = wg = None
    if mode == modeR or mode == modeRW:
        rg, delta = netpollunblock(pd, modeR, True, delta)
    if mode == modeW or mode == modeRW:
        wg, delta = netpollunblock(pd, modeW, True, delta)
    if rg is not None:
        toRun.push(rg)
        stats.readied += 1
    if wg is not None:
        toRun.push(wg)
        stats.readied += 1
    return delta


def netpollcheckerr(pd: pollDesc, mode: int) -> int:
    """runtime/netpoll.go: netpollcheckerr. Reads only the summary word."""
    info = pd.atomicInfo
    if info & pollClosing:
        return pollErrClosing
    if (mode == modeR and info & pollExpiredReadDeadline) or (
            mode == modeW and info & pollExpiredWriteDeadline):
        return pollErrTimeout
    # Only reads report an error-only event; a write's syscall reports the
    # precise errno itself.
    if mode == modeR and info & pollEventErr:
        return pollErrNotPollable
    return pollNoError


def netpollblockcommit(gp: g, arg: Any) -> bool:
    """runtime/netpoll.go: netpollblockcommit. gopark's callback: pdWait -> gp, or resume."""
    global netpollWaiters
    pd, mode = arg
    if mode == modeR:
        if pd.rg != pdWait:
            return False
        pd.rg = gp
    else:
        if pd.wg != pdWait:
            return False
        pd.wg = gp
    # Counted only once really parked; netpoll's delta takes it back.
    netpollWaiters += 1
    stats.parked += 1
    return True


def netpollgoready(gp: g) -> None:
    """runtime/netpoll.go: netpollgoready."""
    stats.readied += 1
    proc.goready(gp)


def netpollblock(pd: pollDesc, mode: int, waitio: bool) -> bool:
    """runtime/netpoll.go: netpollblock. True if I/O is ready, False on timeout/close."""
    old: Any = pd.rg if mode == modeR else pd.wg
    # Go's CAS loop: consume a latched edge, or announce the wait.
    if old == pdReady:
        if mode == modeR:
            pd.rg = pdNil
        else:
            pd.wg = pdNil
        return True
    if old != pdNil:
        throw("runtime: double wait")
    if mode == modeR:
        pd.rg = pdWait
    else:
        pd.wg = pdWait
    # Re-check for close or an expired deadline before parking: their
    # writers set the flag first and look at rg/wg second.
    if waitio or netpollcheckerr(pd, mode) == pollNoError:
        try:
            proc.gopark(netpollblockcommit, (pd, mode), waitReasonIOWait)
        except BaseException:
            # Unwound while parked (rt.run's teardown): leave no reference to
            # this G in the pollDesc, so a Close in its finally block cannot
            # try to wake it.
            _forget(pd, mode)
            raise
    # Woken (or never parked): take the state back to pdNil.
    if mode == modeR:
        old = pd.rg
        pd.rg = pdNil
    else:
        old = pd.wg
        pd.wg = pdNil
    if type(old) is not int or old > pdWait:
        throw("runtime: corrupted polldesc")
    return old == pdReady  # type: ignore[no-any-return]


def _forget(pd: pollDesc, mode: int) -> None:
    global netpollWaiters
    old: Any = pd.rg if mode == modeR else pd.wg
    if isinstance(old, g):
        netpollWaiters -= 1
    if mode == modeR:
        pd.rg = pdNil
    else:
        pd.wg = pdNil


def netpollunblock(pd: pollDesc, mode: int, ioready: bool, delta: int) -> tuple[g | None, int]:
    """runtime/netpoll.go: netpollunblock. Returns (the parked G or None, updated delta)."""
    old: Any = pd.rg if mode == modeR else pd.wg
    if old == pdReady:
        return None, delta
    if old == pdNil and not ioready:
        # Close and deadlines never latch readiness.
        return None, delta
    new = pdReady if ioready else pdNil
    if mode == modeR:
        pd.rg = new
    else:
        pd.wg = new
    if isinstance(old, g):
        return old, delta - 1
    # pdWait: the parking G sees the new state in netpollblockcommit.
    return None, delta


def netpolldeadlineimpl(pd: pollDesc, seq: int, read: bool, write: bool) -> None:
    """runtime/netpoll.go: netpolldeadlineimpl. A deadline timer fired (on g0)."""
    # lock(&pd.lock)
    currentSeq = pd.rseq if read else pd.wseq
    if seq != currentSeq:
        # The descriptor was reused or the timer re-armed: stale firing.
        return
    delta = 0
    rg = wg = None
    if read:
        if pd.rd <= 0 or not pd.rrun:
            throw("runtime: inconsistent read deadline")
        pd.rd = -1
        pd.publishInfo()
        rg, delta = netpollunblock(pd, modeR, False, delta)
    if write:
        if pd.wd <= 0 or (not pd.wrun and not read):
            throw("runtime: inconsistent write deadline")
        pd.wd = -1
        pd.publishInfo()
        wg, delta = netpollunblock(pd, modeW, False, delta)
    # unlock(&pd.lock)
    if rg is not None:
        netpollgoready(rg)
    if wg is not None:
        netpollgoready(wg)
    netpollAdjustWaiters(delta)


def netpollDeadline(arg: Any, seq: int, delay: int) -> None:
    """runtime/netpoll.go: netpollDeadline. The combined read+write deadline fired."""
    netpolldeadlineimpl(arg, seq, True, True)


def netpollReadDeadline(arg: Any, seq: int, delay: int) -> None:
    """runtime/netpoll.go: netpollReadDeadline."""
    netpolldeadlineimpl(arg, seq, True, False)


def netpollWriteDeadline(arg: Any, seq: int, delay: int) -> None:
    """runtime/netpoll.go: netpollWriteDeadline."""
    netpolldeadlineimpl(arg, seq, False, True)


def netpollAnyWaiters() -> bool:
    """runtime/netpoll.go: netpollAnyWaiters."""
    return netpollWaiters > 0


def netpollAdjustWaiters(delta: int) -> None:
    """runtime/netpoll.go: netpollAdjustWaiters."""
    global netpollWaiters
    if delta != 0:
        netpollWaiters += delta


# ---------------------------------------------------------------------------
# C twins (rt/_runtime.c; see runtime2.py's last section).

_twinned: Final = ("netpollcheckerr", "netpollblockcommit", "netpollblock", "netpollunblock",
                   "netpollready", "poll_runtime_pollReset", "poll_runtime_pollWait",
                   "poll_runtime_pollSetDeadline")
pyTwins: Final[dict[str, Any]] = {name: globals()[name] for name in _twinned}
if _r2._c is not None:
    _r2._c.bind_netpoll(globals())
    for _name in _twinned:
        globals()[_name] = getattr(_r2._c, _name)
