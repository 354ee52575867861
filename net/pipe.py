"""net/pipe.go (go1.27.0): Pipe, an in-memory, synchronous, full-duplex Conn.

``c1, c2 = Pipe()`` gives two connected ends; each is a ``net.Conn``. What
is written on one end is read on the other. There is no buffer between
them: a Write waits until Reads on the other end have taken all of its
bytes, copied straight out of the writer's buffer. No fd, no poller, no
thread: only channels, a mutex and timers, so everything here parks the
calling goroutine and must run inside ``rt.run`` (anything that needs no
waiting, such as I/O on a closed end, also works outside it).

How one direction works. Each end has a data channel and an
acknowledgement channel per direction, both unbuffered; end 1's ``wrTx``
is end 2's ``rdRx`` and end 2's ``rdTx`` is end 1's ``wrRx``. A writer
offers the part of its slice still to be sent on ``wrTx``, in a select
beside its three reasons to give up (its own end closed, the peer closed,
its write deadline passed). A reader takes the slice in a select with the
same kind of reasons, copies what fits into its buffer and answers the
count on ``rdTx``; the writer, which has been waiting for that count
outside any select, drops those bytes and offers the rest, until nothing
is left. The invariant that holds the protocol together, written beside
the fields: *a successful receive on rdRx is always followed by a send on
rdTx, and a successful send on wrTx by a receive on wrRx*. Once the
rendezvous has happened, no close or deadline can come between the copy
and its count. So:

* the ``n`` a Write returns is exactly what the peer's Reads received,
  also when it ends early with an error (a partial write);
* a Read that returns an error copied nothing, and one that returns
  never holds on to the writer's slice: both callers may reuse their
  buffers at once (nettest's RacyRead and RacyWrite check this);
* ``wrMu`` serialises Writes on one end, so the bytes of one Write reach
  the reader contiguously, even when they take several Reads.

A zero-length Write still makes one rendezvous: it returns (0, None) only
after a Read on the other end has taken the empty slice (and that Read
returns (0, None)). A zero-length Read likewise waits for a writer, copies
nothing, and leaves the writer's bytes to the next Read. Both are Go's
behaviour, kept on purpose.

Closing. Each end owns a ``localDone`` channel, closed once by its
``Close`` (``sync.Once``: Close is idempotent and always returns None),
and watches its peer's as ``remoteDone``. A Read on an end that was closed
gets ``io.ErrClosedPipe``; after the peer closed, ``io.EOF``. A Write gets
``io.ErrClosedPipe`` in both cases. The deadline setters refuse with
``io.ErrClosedPipe`` once either end is closed. Read and Write first test
the closed and expired states without blocking, in that order, so a
closed or expired end fails the same way every time; only a call that
then blocks can see a peer's data and a close arrive together, and then
either may win, as in Go's select.

Deadlines (``pipeDeadline``, one per direction per end). The deadline's
state is a channel, ``cancel``, that is closed exactly when the deadline
has passed; waiting for the deadline is receiving from it. ``set`` first
stops the timer of the previous deadline; if that timer has already
fired, it waits until the timer's goroutine has closed ``cancel``, so that
afterwards nothing but ``set`` itself touches the channel. Then a zero
Time means "no deadline" (a closed ``cancel`` is replaced by a fresh one),
a future one arms ``time.AfterFunc`` to close ``cancel`` (again replacing
it first if it is closed), and a past one closes it now. A channel is
replaced only once it is closed, and no goroutine stays blocked on a
closed channel, so a goroutine blocked in Read or Write always waits on
the current ``cancel``: moving a deadline while a call is pending applies
to that call, as the Conn contract asks. An expired deadline gives
``os.ErrDeadlineExceeded`` wrapped in an ``OpError`` ("read pipe: i/o
timeout"), whose ``Timeout()`` is true.

Close does not stop deadline timers, as in Go: a timer still armed at
Close fires later, its goroutine closes a channel nobody waits on, and
nothing is left behind. Setting a zero deadline before Close stops it.

Errors, byte for byte as Go: ``io.EOF`` and ``io.ErrClosedPipe`` are
returned themselves; every other error (only ``os.ErrDeadlineExceeded``
can occur) comes wrapped as ``OpError(Op="read"|"write", Net="pipe",
Err=err)``, with no addresses. ``LocalAddr`` and ``RemoteAddr`` both give
a ``pipeAddr``, whose ``Network()`` and ``String()`` are "pipe".

Python specifics. Go's ``chan []byte`` carries a ``memoryview`` of the
writer's buffer; ``chan struct{}`` is an ``rt.chan`` of None; Go's
directional channel types (``<-chan``, ``chan<-``) have no counterpart and
are noted on the fields. ``Read`` takes a writable buffer and ``Write``
any bytes-like object, checked at the call (a ``bytes`` to Read is a
TypeError; Go's nil slice is ``bytearray()`` or ``b""``), and a deadline
that is not a ``time.Time`` is a TypeError. Each end is a context manager
that closes it, like the socket conns. Order: pipe.go's, except that
methods live in their class, so ``makePipeDeadline`` follows
``pipeDeadline`` and ``Pipe`` follows ``pipe``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import rt
from net.net import Addr, Conn, OpError
from std import io, os, sync, time
from std.errors import error

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

__all__ = ["Pipe"]


class pipeDeadline:
    """net/pipe.go: pipeDeadline. A deadline whose expiry closes a channel (see module doc).

    ``mu`` guards ``timer`` and ``cancel``. ``timer`` is the AfterFunc
    timer of a future deadline, None otherwise. ``cancel`` is never None;
    it is closed while the deadline has passed and replaced (by ``set``,
    under ``mu``) only after it was closed.
    """

    __slots__ = ("mu", "timer", "cancel")

    def __init__(self, cancel: rt.hchan[None]) -> None:
        self.mu = sync.Mutex()  # Guards timer and cancel
        self.timer: time.Timer | None = None
        self.cancel = cancel  # Must be non-nil

    def set(self, t: time.Time) -> None:
        """net/pipe.go: pipeDeadline.set. Make t the point in time the deadline passes.

        The zero Time clears the deadline; a past one expires it at once; a
        future one arms a timer. After an expiry a new deadline (zero or in
        the future) makes the deadline pending again.
        """
        with self.mu:
            if self.timer is not None and not self.timer.Stop():
                self.cancel.recv()  # Wait for the timer callback to finish and close cancel
            self.timer = None

            # Time is zero, then there is no deadline.
            closed = isClosedChan(self.cancel)
            if t.IsZero():
                if closed:
                    self.cancel = rt.chan()
                return

            # Time in the future, setup a timer to cancel in the future.
            dur = time.Until(t)
            if dur > 0:
                if closed:
                    self.cancel = rt.chan()
                # Reads self.cancel when it fires: set is blocked on that very
                # channel (above) before it may replace it.
                self.timer = time.AfterFunc(dur, lambda: self.cancel.close())
                return

            # Time in the past, so close immediately.
            if not closed:
                self.cancel.close()

    def wait(self) -> rt.hchan[None]:
        """net/pipe.go: pipeDeadline.wait. The channel that is closed once the deadline passes."""
        with self.mu:
            return self.cancel


def makePipeDeadline() -> pipeDeadline:
    """net/pipe.go: makePipeDeadline. A deadline that is not set (its channel open)."""
    return pipeDeadline(cancel=rt.chan())


def isClosedChan(c: rt.hchan[None]) -> bool:
    """net/pipe.go: isClosedChan. Whether c is closed, without blocking.

    Only for channels nobody sends on (``chan struct{}`` used as a signal),
    where a receive succeeds exactly when the channel is closed.
    """
    i, _, _ = rt.select(rt.recv(c), default=True)
    return i == 0


@dataclass(frozen=True)
class pipeAddr:
    """net/pipe.go: pipeAddr. The address of both ends of a Pipe.

    An empty struct in Go, so all values are equal; here too, and they hash
    alike, so ``m[c.LocalAddr()]`` finds ``m[c.RemoteAddr()]``.
    """

    def Network(self) -> str:
        """net/pipe.go: pipeAddr.Network. "pipe"."""
        return "pipe"

    def String(self) -> str:
        """net/pipe.go: pipeAddr.String. "pipe"."""
        return "pipe"

    def __str__(self) -> str:
        return self.String()


class pipe:
    """net/pipe.go: pipe. One end of a Pipe: a ``net.Conn``; ``with c:`` closes it.

    Built only by ``Pipe``, which wires two of them crosswise. The channels
    and ``remoteDone`` never change; ``localDone`` is closed once, under
    ``once``; ``wrMu`` is held for the whole of a Write; the deadlines
    guard themselves.
    """

    __slots__ = ("wrMu", "rdRx", "rdTx", "wrTx", "wrRx", "once", "localDone", "remoteDone",
                 "readDeadline", "writeDeadline")

    def __init__(
        self,
        *,
        rdRx: rt.hchan[memoryview],
        rdTx: rt.hchan[int],
        wrTx: rt.hchan[memoryview],
        wrRx: rt.hchan[int],
        localDone: rt.hchan[None],
        remoteDone: rt.hchan[None],
        readDeadline: pipeDeadline,
        writeDeadline: pipeDeadline,
    ) -> None:
        self.wrMu = sync.Mutex()  # Serialize Write operations

        # Used by local Read to interact with remote Write.
        # Successful receive on rdRx is always followed by send on rdTx.
        self.rdRx = rdRx  # receive only
        self.rdTx = rdTx  # send only

        # Used by local Write to interact with remote Read.
        # Successful send on wrTx is always followed by receive on wrRx.
        self.wrTx = wrTx  # send only
        self.wrRx = wrRx  # receive only

        self.once = sync.Once()  # Protects closing localDone
        self.localDone = localDone
        self.remoteDone = remoteDone  # receive only

        self.readDeadline = readDeadline
        self.writeDeadline = writeDeadline

    def LocalAddr(self) -> Addr:
        """net/pipe.go: pipe.LocalAddr. A pipeAddr ("pipe")."""
        return pipeAddr()

    def RemoteAddr(self) -> Addr:
        """net/pipe.go: pipe.RemoteAddr. A pipeAddr ("pipe")."""
        return pipeAddr()

    def Read(self, b: WriteableBuffer) -> tuple[int, error | None]:
        """net/pipe.go: pipe.Read. Wait for a Write on the other end; fill b in place.

        Returns ``(n, None)`` with what one Write had left, up to len(b).
        ``(0, io.EOF)`` once the other end is closed, ``(0,
        io.ErrClosedPipe)`` once this one is, and an ``OpError`` wrapping
        ``os.ErrDeadlineExceeded`` ("read pipe: i/o timeout") when the read
        deadline passes. An error means nothing was copied.

        b must be writable (a bytearray or a writable memoryview): anything
        else is a TypeError here, before the pipe is looked at.
        """
        n, err = self.read(io._fillable(b))
        if err is not None and err is not io.EOF and err is not io.ErrClosedPipe:
            err = OpError(Op="read", Net="pipe", Err=err)
        return n, err

    def read(self, b: memoryview) -> tuple[int, error | None]:
        """net/pipe.go: pipe.read. Read without the error wrapping.

        The non-blocking checks come first and in this order: a closed
        local end beats a closed peer beats an expired deadline.
        """
        if isClosedChan(self.localDone):
            return 0, io.ErrClosedPipe
        elif isClosedChan(self.remoteDone):
            return 0, io.EOF
        elif isClosedChan(self.readDeadline.wait()):
            return 0, os.ErrDeadlineExceeded

        i, bw, _ = rt.select(
            rt.recv(self.rdRx),
            rt.recv(self.localDone),
            rt.recv(self.remoteDone),
            rt.recv(self.readDeadline.wait()),
        )
        if i == 0:
            nr = min(len(b), len(bw))  # copy(b, bw)
            b[:nr] = bw[:nr]
            self.rdTx.send(nr)  # the writer waits for this count: see the fields
            return nr, None
        elif i == 1:
            return 0, io.ErrClosedPipe
        elif i == 2:
            return 0, io.EOF
        return 0, os.ErrDeadlineExceeded

    def Write(self, b: ReadableBuffer) -> tuple[int, error | None]:
        """net/pipe.go: pipe.Write. Send all of b to Reads on the other end.

        Blocks until the other end has read all of b: ``(len(b), None)``.
        Otherwise returns how many bytes were read before the Write gave up,
        with ``io.ErrClosedPipe`` (either end closed) or an ``OpError``
        wrapping ``os.ErrDeadlineExceeded`` ("write pipe: i/o timeout").
        Concurrent Writes are delivered one whole Write after another. An
        empty b still waits for one Read on the other end.

        b is any bytes-like object; a str or None is a TypeError.
        """
        n, err = self.write(io._sendable(b))
        if err is not None and err is not io.ErrClosedPipe:
            err = OpError(Op="write", Net="pipe", Err=err)
        return n, err

    def write(self, b: memoryview) -> tuple[int, error | None]:
        """net/pipe.go: pipe.write. Write without the error wrapping."""
        if isClosedChan(self.localDone):
            return 0, io.ErrClosedPipe
        elif isClosedChan(self.remoteDone):
            return 0, io.ErrClosedPipe
        elif isClosedChan(self.writeDeadline.wait()):
            return 0, os.ErrDeadlineExceeded

        n = 0
        with self.wrMu:  # Ensure entirety of b is written together
            once = True
            while once or len(b) > 0:
                once = False
                i, _, _ = rt.select(
                    rt.send(self.wrTx, b),
                    rt.recv(self.localDone),
                    rt.recv(self.remoteDone),
                    rt.recv(self.writeDeadline.wait()),
                )
                if i == 0:
                    # Not abortable: the reader that took b sends this count next.
                    nw = self.wrRx.recv()
                    b = b[nw:]
                    n += nw
                elif i == 1:
                    return n, io.ErrClosedPipe
                elif i == 2:
                    return n, io.ErrClosedPipe
                else:
                    return n, os.ErrDeadlineExceeded
        return n, None

    def SetDeadline(self, t: time.Time) -> error | None:
        """net/pipe.go: pipe.SetDeadline. Set both deadlines; the zero Time clears them.

        Applies to pending and later Reads and Writes. ``io.ErrClosedPipe``
        once either end is closed. t is an instant
        (``time.Now().Add(d)``); anything else is a TypeError.
        """
        if not isinstance(t, time.Time):
            time._needTime("pipe.SetDeadline", "t", t)
        if isClosedChan(self.localDone) or isClosedChan(self.remoteDone):
            return io.ErrClosedPipe
        self.readDeadline.set(t)
        self.writeDeadline.set(t)
        return None

    def SetReadDeadline(self, t: time.Time) -> error | None:
        """net/pipe.go: pipe.SetReadDeadline. As SetDeadline, for Reads only."""
        if not isinstance(t, time.Time):
            time._needTime("pipe.SetReadDeadline", "t", t)
        if isClosedChan(self.localDone) or isClosedChan(self.remoteDone):
            return io.ErrClosedPipe
        self.readDeadline.set(t)
        return None

    def SetWriteDeadline(self, t: time.Time) -> error | None:
        """net/pipe.go: pipe.SetWriteDeadline. As SetDeadline, for Writes only."""
        if not isinstance(t, time.Time):
            time._needTime("pipe.SetWriteDeadline", "t", t)
        if isClosedChan(self.localDone) or isClosedChan(self.remoteDone):
            return io.ErrClosedPipe
        self.writeDeadline.set(t)
        return None

    def Close(self) -> error | None:
        """net/pipe.go: pipe.Close. Close this end; always None, and idempotent.

        Pending and later Reads and Writes on this end fail with
        ``io.ErrClosedPipe``; on the other end Reads get ``io.EOF`` and
        Writes ``io.ErrClosedPipe``. Deadline timers are left to fire (see
        the module doc).
        """
        self.once.Do(self.localDone.close)
        return None

    def __enter__(self) -> pipe:
        return self

    def __exit__(self, *exc: object) -> None:
        self.Close()


def Pipe() -> tuple[Conn, Conn]:
    """net/pipe.go: Pipe. A synchronous, in-memory, full duplex connection; returns both ends.

    Both ends implement ``net.Conn``. Reads on one end are matched with
    Writes on the other, copying data directly between the two; there is
    no internal buffering. ``c1, c2 = net.Pipe()``.
    """
    cb1: rt.hchan[memoryview] = rt.chan()
    cb2: rt.hchan[memoryview] = rt.chan()
    cn1: rt.hchan[int] = rt.chan(zero=0)
    cn2: rt.hchan[int] = rt.chan(zero=0)
    done1: rt.hchan[None] = rt.chan()
    done2: rt.hchan[None] = rt.chan()

    p1 = pipe(
        rdRx=cb1, rdTx=cn1,
        wrTx=cb2, wrRx=cn2,
        localDone=done1, remoteDone=done2,
        readDeadline=makePipeDeadline(),
        writeDeadline=makePipeDeadline(),
    )
    p2 = pipe(
        rdRx=cb2, rdTx=cn2,
        wrTx=cb1, wrRx=cn1,
        localDone=done2, remoteDone=done1,
        readDeadline=makePipeDeadline(),
        writeDeadline=makePipeDeadline(),
    )
    return p1, p2
