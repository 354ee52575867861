"""runtime/netpoll_epoll.go (go1.27.0): the netpoller's Linux backend.

Why edge-triggered registration, done once per fd, is safe
------------------------------------------------------------

The kernel facts. With ``EPOLLET`` epoll reports an fd when its file
signals new readiness, and never merely because readiness persists. For a
socket that signal is raised on every arrival: each segment or datagram
queued for reading, each connection queued on a listener, and (for writing)
buffer space freed after a write found the buffer full. So an edge fires
for each arrival whether or not earlier data was ever read; what
edge-triggering takes away is only the reminder: data that sits unread,
with nothing new arriving, is not reported again. Level-triggered epoll
reports the fd on every ``epoll_pwait`` while data sits in its buffer.

The choice. Go registers every fd once, at open, for ``EPOLLIN | EPOLLOUT |
EPOLLRDHUP | EPOLLET``, and never touches the registration again (no
``EPOLL_CTL_MOD``, no re-arming per wait). That saves a system call per
blocking operation, and one readable socket with nobody reading it cannot
make every poll return at once. The cost is that an edge is delivered
exactly once, whether or not anyone is waiting, so three rules must hold for
no wake-up to be lost:

1. Syscall first, park only after EAGAIN. ``FD.Read`` always tries
   ``read(2)`` before waiting. Data that arrived before the call (whose edge
   fired long ago) is read directly; only an EAGAIN, which proves the buffer
   is empty *now*, leads to waiting. The one kernel fact the argument needs
   is that data arriving after that EAGAIN produces an edge; that some
   earlier edge may have been consumed by nobody does not matter.
2. The pending-edge semaphore. The edge may arrive between the EAGAIN and
   the moment the goroutine is parked. ``netpollready`` then finds no
   waiter and latches ``pdReady`` in the pollDesc; ``netpollblock`` consumes
   the latch instead of parking (netpoll.py's rg/wg machine). ``prepare``
   (pollReset) clears old latches *before* the syscall, so a latch never
   outlives the attempt it could belong to, while an edge after the reset is
   kept.
3. fdseq. Events are matched to pollDescs through a tag in the epoll data
   word. When an fd is closed its pollDesc's ``fdseq`` is bumped; an event
   already read from the kernel for the old fd (or for a new fd that reused
   the number and the pollDesc) carries the old tag and is dropped, instead
   of waking whoever uses that pollDesc now.

The eventfd that ``netpollBreak`` writes is the one level-triggered
registration: a non-blocking poll must be able to see it without draining
it, so that the blocking poll still wakes. ``netpollWakeSig`` coalesces
breaks: at most one 8-byte write is outstanding, and only the blocking
poller clears it after draining.

Which events wake whom. ``netpoll`` wakes the reader for ``_readBits``
(EPOLLIN, EPOLLRDHUP, EPOLLHUP, EPOLLERR) and the writer for ``_writeBits``
(EPOLLOUT, EPOLLHUP, EPOLLERR), Go's modes 'r' and 'w' bit for bit. The
reasoning is what each condition does to the next syscall. EPOLLRDHUP: the
peer shut down its sending side (a FIN arrived), so the next read returns
0, EOF, and a reader must wake to see it; writing may still succeed on a
half-closed connection, so writers sleep on. EPOLLHUP: both directions are
finished (or the socket never connected), so reads see EOF or an error and
writes fail: both wake. EPOLLERR: an error is pending on the socket (a
reset, a failed connect); whichever syscall runs next collects it, and a
goroutine in connect waits as a writer, so both wake. The bits only decide
who retries: the woken goroutine's syscall produces the real result (EOF,
EPIPE, ECONNRESET). One refinement is Go's: an event that is EPOLLERR and
nothing else is recorded in the pollDesc (``setEventErr``), and a reader
then fails with ``pollErrNotPollable``; a writer is not told, because its
own write will report a more precise errno.

The interest list, dup and fork: EPOLL_CTL_DEL comes before close(2).
epoll keys a registration on the pair (fd number, open file description),
not on the number, and holds no reference to the file: a registration ends
by itself only when the last descriptor for that open file description is
closed. A second descriptor is easy to come by: ``conn.File()`` returns a
dup, and a child made by fork holds copies of every fd until it execs (the
runtime's sockets are close-on-exec, so exec does close them). Close our
number while such a copy lives and the registration survives, still
reporting the file's events under our data word. Nor can it be removed any
more, since EPOLL_CTL_DEL looks the number up again: the closed number
gives EBADF, the same number reused for another file names a different
pair (ENOENT), and the dup's number is a different key as well. So
``FD.destroy`` calls ``pd.close()`` (``netpollclose``, EPOLL_CTL_DEL) while
the number still names our file, and only then close(2). If a registration
were ever orphaned anyway, two things bound the damage: fdseq (rule 3)
drops its events, and being edge-triggered it reports only new arrivals on
that file. A level-triggered orphan on a readable file would make every
``epoll_pwait`` return at once, for ever: trio's epoll backend registers
EPOLLONESHOT for exactly that reason, and pays a re-arm per wait.

What rule 1 costs. A read that has to wait makes one read(2) that returns
EAGAIN before it parks and a second read after the wake-up: one extra
system call per blocking operation, never per byte, and none when data is
already buffered. Measured on the 2-core VM of the benchmarks: such a
read(2) costs about 0.6 us in the kernel and 0.7 us from Python through
the C twin. The alternatives do not avoid it cheaply. EPOLLONESHOT tries
first too, and adds an EPOLL_CTL_MOD to re-arm before every wait (0.45 us
in the kernel on the same VM, 2.5 us through ctypes). Waiting for
readiness before reading, as a level-triggered design can, trades the
failed read for a trip through the poller on every read, including those
that would have found data at once. Go makes the same trade as here: one
failed syscall per wait, no registration traffic.

Each hazard named here has a regression test in tests/rt/test_netpoll.py;
the dup case (DEL before close, and one edge per arrival without a drain)
is tests/net/test_net.py's test_PortCloseDeregistersBeforeClose.

Python: the epoll data word is ``(pd.slot << 24) | (fdseq & 0xFFFFFF)``
(tagptr.go's pointer+tag packing with a slot number for the address), and
the eventfd is marked with all ones, which no slot can produce.
"""

from __future__ import annotations

from typing import Any, Final

from rt import netpoll as netpollgo  # runtime/netpoll.go; this file defines netpoll()
from rt import runtime2 as _r2
from rt import sys_linux
from rt.netpoll import modeR, modeW, netpollready, pollDesc, tagBits, tagMask
from rt.panic import throw
from rt.runtime2 import gList
from rt.sys_linux import (
    EAGAIN,
    EFD_CLOEXEC,
    EFD_NONBLOCK,
    EINTR,
    EPOLL_CLOEXEC,
    EPOLL_CTL_ADD,
    EPOLL_CTL_DEL,
    EPOLLERR,
    EPOLLET,
    EPOLLHUP,
    EPOLLIN,
    EPOLLOUT,
    EPOLLRDHUP,
    EpollEvent,
)

epfd = -1
netpollEventFd = -1
# 1 while a netpollBreak is in flight (Go's atomic; spare Ms call netpollBreak).
#
# Discussion: no lock guards it. A signal handler runs on the main thread
# between any two bytecodes and may ready a G (and so call netpollBreak)
# while the poller on that same thread is clearing the flag; a lock there
# would deadlock. The flag only coalesces writes, so every race is benign:
# two writers that both see 0 write twice, and the eventfd counter absorbs
# it (one read drains it); a writer that sees 1 just before the poller
# clears it skips its write, but the poller then returns to findRunnable,
# which looks at the run queues after the writer queued its G.
netpollWakeSig = 0

# The eventfd's data word: no (slot, fdseq) pair packs to it.
_eventFdMarker: Final = (1 << 64) - 1

_events = sys_linux.new_epoll_events(128)
_one: Final = (1).to_bytes(8, "little")
_buf8 = bytearray(8)

_readBits: Final = EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR
_writeBits: Final = EPOLLOUT | EPOLLHUP | EPOLLERR


def taggedPointerPack(pd: pollDesc, tag: int) -> int:
    """runtime/tagptr_64bit.go: taggedPointerPack, with the pollDesc's slot as its address."""
    return (pd.slot << tagBits) | (tag & tagMask)


def netpollinit() -> None:
    """runtime/netpoll_epoll.go: netpollinit."""
    global epfd, netpollEventFd, netpollWakeSig
    fd, errno = sys_linux.epoll_create1(EPOLL_CLOEXEC)
    if errno:
        throw(f"runtime: netpollinit failed: epollcreate failed with {int(errno)}")
    efd, errno = sys_linux.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)
    if errno:
        sys_linux.close(fd)
        throw(f"runtime: eventfd failed with {int(errno)}")
    ev = EpollEvent()
    ev.Events = EPOLLIN  # level-triggered, see the essay
    ev.Data = _eventFdMarker
    errno = sys_linux.epoll_ctl(fd, EPOLL_CTL_ADD, efd, ev)
    if errno:
        sys_linux.close(efd)
        sys_linux.close(fd)
        throw(f"runtime: epollctl failed with {int(errno)}")
    epfd = fd
    netpollEventFd = efd
    netpollWakeSig = 0


def netpollfini() -> None:
    """Close the poller's own fds (rt.run's teardown; Go's process exit does this)."""
    global epfd, netpollEventFd, netpollWakeSig
    if netpollEventFd >= 0:
        sys_linux.close(netpollEventFd)
    if epfd >= 0:
        sys_linux.close(epfd)
    epfd = netpollEventFd = -1
    netpollWakeSig = 0


def netpollIsPollDescriptor(fd: int) -> bool:
    """runtime/netpoll_epoll.go: netpollIsPollDescriptor."""
    return fd >= 0 and fd in (epfd, netpollEventFd)


def netpollopen(fd: int, pd: pollDesc) -> int:
    """runtime/netpoll_epoll.go: netpollopen. Register once: in, out, rdhup, edge-triggered."""
    ev = EpollEvent()
    ev.Events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET
    ev.Data = taggedPointerPack(pd, pd.fdseq)
    return int(sys_linux.epoll_ctl(epfd, EPOLL_CTL_ADD, fd, ev))


def netpollclose(fd: int) -> int:
    """runtime/netpoll_epoll.go: netpollclose. A zeroed event, for old kernels."""
    return int(sys_linux.epoll_ctl(epfd, EPOLL_CTL_DEL, fd, EpollEvent()))


def netpollarm(pd: pollDesc, mode: int) -> None:
    """runtime/netpoll_epoll.go: netpollarm. Edge-triggered: there is nothing to re-arm."""
    throw("runtime: unused")


def netpollBreak() -> None:
    """runtime/netpoll_epoll.go: netpollBreak. Wake the blocked netpoll; safe from any thread."""
    global netpollWakeSig
    netpollgo.stats.breaks += 1
    if netpollWakeSig:
        return  # a wake-up is already on its way
    netpollWakeSig = 1
    netpollgo.stats.breaksWritten += 1
    while True:
        n, errno = sys_linux.write(netpollEventFd, _one)
        if n == 8:
            return
        if errno == EINTR:
            continue
        if errno == EAGAIN:
            return  # the counter is full: a wake-up is pending anyway
        throw(f"runtime: netpollBreak write failed with {int(errno)}")


def netpoll(delay: int) -> tuple[gList, int]:
    """runtime/netpoll_epoll.go: netpoll. Returns (readied Gs, netpollWaiters delta).

    delay < 0 blocks until an event, 0 only polls, > 0 blocks up to delay ns.
    """
    global netpollWakeSig
    toRun = gList()
    if epfd == -1:
        return toRun, 0
    if delay < 0:
        waitms = -1
    elif delay == 0:
        waitms = 0
    elif delay < 1_000_000:
        waitms = 1  # never round a real wait down to a busy poll
    elif delay < 1_000_000_000_000_000:
        waitms = delay // 1_000_000
    else:
        waitms = 1_000_000_000  # about 11.5 days
    st = netpollgo.stats
    if waitms == 0:
        st.nonBlockingPolls += 1
    else:
        st.blockingPolls += 1
    while True:
        n, errno = sys_linux.epoll_pwait(epfd, _events, 128, waitms)
        if n >= 0:
            break
        if errno != EINTR:
            throw(f"runtime: netpoll failed: epollwait on fd {epfd} failed with {int(errno)}")
        # A signal. Its Python handler runs on this thread as soon as we are
        # back in Python code, and may ready a G (which breaks the sleep, see
        # proc.goready); Go returns only for a timed wait, so that the caller
        # recomputes the sleep from its timers, and so do we.
        if waitms > 0:
            return toRun, 0
    delta = 0
    st.events += n
    pds = netpollgo.pollcache.all
    for events, data in sys_linux.epoll_events_unpack(_events, n):
        if events == 0:
            continue
        if data == _eventFdMarker:
            if events != EPOLLIN:
                throw(f"runtime: netpoll: eventfd ready for {events}")
            if delay != 0:
                # Only the blocking poller drains the eventfd; a non-blocking
                # one leaves it readable so the blocked poller still wakes.
                sys_linux.read(netpollEventFd, _buf8)
                netpollWakeSig = 0
            continue
        mode = 0
        if events & _readBits:
            mode += modeR
        if events & _writeBits:
            mode += modeW
        if mode != 0:
            pd = pds[data >> tagBits]
            tag = data & tagMask
            if pd.fdseq == tag:
                pd.setEventErr(events == EPOLLERR, tag)
                delta += netpollready(toRun, pd, mode)
    return toRun, delta


# C twin (rt/_runtime.c; see runtime2.py's last section).
_twinned: Final = ("netpoll",)
pyTwins: Final[dict[str, Any]] = {"netpoll": netpoll}
if _r2._c is not None:
    _r2._c.bind_netpoll_epoll(globals())
    netpoll = _r2._c.netpoll  # noqa: F811
