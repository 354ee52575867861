"""internal/poll/fd_mutex.go (go1.27.0): the FD's lock and reference count in one word.

``fdMutex.state`` packs, low bits first::

    bit  0      mutexClosed   Close has begun: every later lock or incref fails
    bit  1      mutexRLock    the read lock is held
    bit  2      mutexWLock    the write lock is held
    bits 3-22   references    one per lock holder and per other operation in flight
    bits 23-42  read waiters  goroutines parked on rsema for the read lock
    bits 43-62  write waiters goroutines parked on wsema for the write lock

The protocol callers follow: Read/Accept take the read lock, Write takes the
write lock (so at most one goroutine per direction ever waits in the
netpoller), and everything else that only needs the fd to stay open
(setsockopt, SetDeadline, Shutdown) takes a plain reference. Close sets the
closed bit, takes a reference, and wakes every lock waiter (they wake, see
the bit and fail); whoever drops the last reference after that destroys the
FD, exactly once. A waiter that is woken does not get the lock handed over:
it competes again.

Python: the compare-and-swap loops become plain read-modify-writes (only M0
runs goroutines); the overflow and "inconsistent" panics and the return
values are kept, since fd_mutex_test.go checks them. The FD methods Go
defines in this file live in ``fdMutexMethods``, which FD inherits.

Left out, kept under another name: ``runtime_Semacquire`` and
``runtime_Semrelease`` (bodiless declarations the runtime fills in; here
rt/sema.py's ``semacquire`` and ``semrelease`` are imported and called
directly).
"""

from __future__ import annotations

from typing import Final

from rt.panic import Panic
from rt.poll.fd import errClosing
from rt.sema import Sema, semacquire, semrelease
from rt.sys_linux import Errno

mutexClosed: Final = 1 << 0
mutexRLock: Final = 1 << 1
mutexWLock: Final = 1 << 2
mutexRef: Final = 1 << 3
mutexRefMask: Final = ((1 << 20) - 1) << 3
mutexRWait: Final = 1 << 23
mutexRMask: Final = ((1 << 20) - 1) << 23
mutexWWait: Final = 1 << 43
mutexWMask: Final = ((1 << 20) - 1) << 43
_mask64: Final = (1 << 64) - 1

# rwlock's arguments (go1.27): which lock, and whether to queue for it.
readlock: Final = True
writeLock: Final = False
waitLock: Final = True
tryLock: Final = False

overflowMsg: Final = "too many concurrent operations on a single file or socket (max 1048575)"


class fdMutex:
    """internal/poll/fd_mutex.go: fdMutex."""

    __slots__ = ("state", "rsema", "wsema")

    def __init__(self) -> None:
        self.state = 0
        self.rsema = Sema()
        self.wsema = Sema()

    def incref(self) -> bool:
        """internal/poll/fd_mutex.go: fdMutex.incref. False if closed."""
        old = self.state
        if old & mutexClosed:
            return False
        new = old + mutexRef
        if new & mutexRefMask == 0:
            raise Panic(overflowMsg)
        self.state = new
        return True

    def increfAndClose(self) -> bool:
        """internal/poll/fd_mutex.go: fdMutex.increfAndClose. Close's first step."""
        old = self.state
        if old & mutexClosed:
            return False
        new = (old | mutexClosed) + mutexRef
        if new & mutexRefMask == 0:
            raise Panic(overflowMsg)
        # Forget the waiters and wake them all: they will see the closed bit.
        new &= ~(mutexRMask | mutexWMask) & _mask64
        self.state = new
        while old & mutexRMask:
            old -= mutexRWait
            semrelease(self.rsema)
        while old & mutexWMask:
            old -= mutexWWait
            semrelease(self.wsema)
        return True

    def decref(self) -> bool:
        """internal/poll/fd_mutex.go: fdMutex.decref. True if the FD must be destroyed now."""
        old = self.state
        if old & mutexRefMask == 0:
            raise Panic("inconsistent poll.fdMutex")
        new = old - mutexRef
        self.state = new
        return new & (mutexClosed | mutexRefMask) == mutexClosed

    def rwlock(self, read: bool, wait: bool) -> bool:
        """internal/poll/fd_mutex.go: fdMutex.rwlock. False if closed (or busy, with tryLock)."""
        if read:
            mutexBit, mutexWait, mutexMask, sema = mutexRLock, mutexRWait, mutexRMask, self.rsema
        else:
            mutexBit, mutexWait, mutexMask, sema = mutexWLock, mutexWWait, mutexWMask, self.wsema
        while True:
            old = self.state
            if old & mutexClosed:
                return False
            if old & mutexBit == 0:
                new = (old | mutexBit) + mutexRef
                if new & mutexRefMask == 0:
                    raise Panic(overflowMsg)
                self.state = new
                return True
            if not wait:
                return False
            new = old + mutexWait
            if new & mutexMask == 0:
                raise Panic(overflowMsg)
            self.state = new
            semacquire(sema)
            # Woken by rwunlock or by Close: compete again.

    def rwunlock(self, read: bool) -> bool:
        """internal/poll/fd_mutex.go: fdMutex.rwunlock. True if the FD must be destroyed now."""
        if read:
            mutexBit, mutexWait, mutexMask, sema = mutexRLock, mutexRWait, mutexRMask, self.rsema
        else:
            mutexBit, mutexWait, mutexMask, sema = mutexWLock, mutexWWait, mutexWMask, self.wsema
        old = self.state
        if old & mutexBit == 0 or old & mutexRefMask == 0:
            raise Panic("inconsistent poll.fdMutex")
        new = (old & ~mutexBit) - mutexRef
        if old & mutexMask:
            new -= mutexWait
        self.state = new
        if old & mutexMask:
            semrelease(sema)
        return new & (mutexClosed | mutexRefMask) == mutexClosed


class fdMutexMethods:
    """internal/poll/fd_mutex.go: the FD methods defined there (FD inherits them)."""

    __slots__ = ()

    fdmu: fdMutex
    isFile: bool

    def destroy(self) -> Exception | Errno | None:
        raise NotImplementedError

    def incref(self) -> Exception | None:
        """internal/poll/fd_mutex.go: FD.incref."""
        if not self.fdmu.incref():
            return errClosing(self.isFile)
        return None

    def decref(self) -> Exception | Errno | None:
        """internal/poll/fd_mutex.go: FD.decref. Destroys the FD on the last reference."""
        if self.fdmu.decref():
            return self.destroy()
        return None

    def readLock(self) -> Exception | None:
        """internal/poll/fd_mutex.go: FD.readLock."""
        if not self.fdmu.rwlock(readlock, waitLock):
            return errClosing(self.isFile)
        return None

    def readUnlock(self) -> None:
        """internal/poll/fd_mutex.go: FD.readUnlock."""
        if self.fdmu.rwunlock(readlock):
            self.destroy()

    def writeLock(self) -> Exception | None:
        """internal/poll/fd_mutex.go: FD.writeLock."""
        if not self.fdmu.rwlock(writeLock, waitLock):
            return errClosing(self.isFile)
        return None

    def writeUnlock(self) -> None:
        """internal/poll/fd_mutex.go: FD.writeUnlock."""
        if self.fdmu.rwunlock(writeLock):
            self.destroy()

    def readWriteLock(self) -> Exception | None:
        """internal/poll/fd_mutex.go: FD.readWriteLock (go1.26; release-on-failure from go1.27)."""
        if not self.fdmu.rwlock(readlock, waitLock):
            return errClosing(self.isFile)
        if not self.fdmu.rwlock(writeLock, waitLock):
            if self.fdmu.rwunlock(readlock):
                self.destroy()
            return errClosing(self.isFile)
        return None

    def tryReadWriteLock(self) -> tuple[bool, Exception | None]:
        """internal/poll/fd_mutex.go: FD.tryReadWriteLock (go1.27)."""
        if not self.fdmu.rwlock(readlock, tryLock):
            if self.closing():
                return False, errClosing(self.isFile)
            return False, None
        if not self.fdmu.rwlock(writeLock, tryLock):
            if self.fdmu.rwunlock(readlock):
                self.destroy()
            if self.closing():
                return False, errClosing(self.isFile)
            return False, None
        return True, None

    def readWriteUnlock(self) -> None:
        """internal/poll/fd_mutex.go: FD.readWriteUnlock."""
        self.fdmu.rwunlock(readlock)
        if self.fdmu.rwunlock(writeLock):
            self.destroy()

    def closing(self) -> bool:
        """internal/poll/fd_mutex.go: FD.closing."""
        return bool(self.fdmu.state & mutexClosed)
