"""os/file.go + file_posix.go + file_unix.go + file_open_unix.go + pipe2_unix.go (go1.27.0): File.

A ``File`` is an open file descriptor behind an internal/poll ``FD``
(rt/poll/fd_unix.py), the same type that sits under every net connection.
That shared FD is what lets the two packages hand descriptors to each other
(in Go ``net.FileConn`` takes a File and ``conn.File`` returns one; net's
side of that is ported separately, through ``net_newUnixFile`` and
``Fd``/``SyscallConn`` here) and what lets net's ``TCPConn.ReadFrom`` send
a File with sendfile(2) and a File's ``ReadFrom`` splice a socket into it.

Whether a File goes through the netpoller depends on how it was made
(``newFile``'s *kind*):

* ``Open``/``Create``/``OpenFile`` and ``Pipe`` try: the descriptor is put
  in non-blocking mode and registered with epoll. Pipes, FIFOs, ttys and
  sockets accept, so a Read that would block parks the goroutine, and
  deadlines work. Regular files and most devices are refused by epoll
  (EPERM); those are put back in blocking mode and every Read or Write is a
  plain system call.
* ``NewFile(fd, name)`` (a descriptor from elsewhere) is made pollable only
  if the descriptor is already non-blocking: a caller who set O_NONBLOCK
  wants netpoller behaviour; a blocking descriptor is left blocking.
* ``net_newUnixFile`` (net's conn.File) is a socket: pollable, and ``Fd``
  will hand back a blocking descriptor, as Go always has.

``Fd()`` returns the descriptor; if this package made it non-blocking it
is made blocking again first (and deadlines stop working), because callers
of Fd historically expect a blocking descriptor. ``SyscallConn()`` is the
better way in: its Control/Read/Write run a function on the descriptor
under the FD's reference count and locks (std/os/rawconn.py).

Errors are Go's: a failed open is ``*PathError{Op: "open"}``; a failed
Read, Write, Seek, Close or Sync is a ``PathError`` with that operation and
the File's name; a File used after Close reports ``ErrClosed`` ("file
already closed") inside the PathError; io.EOF is returned bare.

Discussion: a File belongs to the ``rt.run`` that opened it, as a
connection does. Its FD is one of the live FDs that run's teardown closes
(rt/poll/fd_unix.py), so a File needs no finalizer (Go sets one on every
``*file``). ``Stdin``, ``Stdout`` and ``Stderr`` are the exception: made
at import over descriptors 0, 1 and 2, never registered as live (no
teardown closes them) and never put in the poller, as Go's are not when
they are in blocking mode. A write to Stdout or Stderr first flushes
Python's ``sys.stdout`` or ``sys.stderr``, so that it lands after what
``print`` and ``fmt.Println`` wrote before it. Close must be called
from a goroutine. Regular-file reads and writes, and opens, are ordinary
blocking system calls on the hub thread (Go runs them on an M that sysmon
may detach from its P); on page-cache data they take microseconds, but a
slow disk holds every goroutine meanwhile. A descriptor in blocking mode
that is no disk file (a terminal or pipe, ``NewFile(0, "/dev/stdin")``)
may wait for ever: its reads, and its writes when poll(2) says it is not
writable, run on a spare M (``FD.blockingCalls``), so the other goroutines
go on.

Left out (not needed by network programs yet):

* ``File.ReadAt``, ``File.WriteAt``, ``File.Chmod``, ``Readlink``,
  ``readlink``, ``Symlink``, ``rename``, ``fixLongPath``, ``fixCount``,
  ``setStickyBit``, ``tempDir``, ``UserCacheDir``, ``UserConfigDir``,
  ``UserHomeDir``, ``ReadFile``, ``readFileContents``, ``statOrZero``,
  ``WriteFile``: file-system functions a network program does not need
  from this package yet (Python's own work for scripts).
* ``openDir``, ``unixDirent.Name``, ``unixDirent.IsDir``,
  ``unixDirent.Type``, ``unixDirent.Info``, ``unixDirent.String``,
  ``newUnixDirent``, ``dirFS.Open``, ``dirFS.ReadFile``,
  ``dirFS.ReadDir``, ``dirFS.Stat``, ``dirFS.Lstat``, ``dirFS.ReadLink``,
  ``dirFS.join``: directories and io/fs, not ported.
* ``LinkError.Error``, ``LinkError.Unwrap``: no function here returns one.
* ``noReadFrom.ReadFrom``, ``noWriteTo.WriteTo``: Go's embedding tricks to
  hide a method; ``fileWithoutReadFrom``/``fileWithoutWriteTo`` below hide
  it by not having it.
* ``sigpipe`` (and ``epipecheck``): Go raises SIGPIPE for an EPIPE on
  stdout or stderr; CPython ignores SIGPIPE, so the write returns EPIPE as
  on any file.

* ``Mkdir``, ``Chdir``, ``Rename``, ``TempDir``, ``Chmod``, ``DirFS``,
  ``openDirNolog``, ``Truncate``, ``Remove``, ``Link``: path functions
  and directories, with ``Stat``, ``ReadDir``, ``Chown`` and the rest of
  that family (other Go files): Python's own ``os`` serves scripts here.
  The sticky-bit and close-on-exec fallbacks of ``openFileNolog`` are not
  needed on Linux; ``dirinfo`` and ``inRoot`` go with directories.
"""

from __future__ import annotations

import os as _pyos
import stat as _stat
import sys as _sys
from typing import TYPE_CHECKING, Any, Final

from rt import sys_linux
from rt.panic import Panic
from rt.poll import fd as _pollfd
from rt.poll.fd_posix import ignoringEINTR2
from rt.poll.fd_unix import FD
from rt.sys_linux import F_GETFL, F_SETFL, O_CLOEXEC, O_NONBLOCK, Errno
from std import io
from std.errors import error
from std.os import ErrClosed, NewSyscallError, PathError

if TYPE_CHECKING:
    from std import time
    from std.os.rawconn import rawConn

__all__ = [
    "Create",
    "DevNull",
    "File",
    "ModePerm",
    "ModeSetgid",
    "ModeSetuid",
    "ModeSticky",
    "NewFile",
    "O_APPEND",
    "O_CREATE",
    "O_EXCL",
    "O_RDONLY",
    "O_RDWR",
    "O_SYNC",
    "O_TRUNC",
    "O_WRONLY",
    "Open",
    "OpenFile",
    "Pipe",
    "SEEK_CUR",
    "SEEK_END",
    "SEEK_SET",
    "Stderr",
    "Stdin",
    "Stdout",
]

# Flags to OpenFile wrapping those of the underlying system (os/file.go).
# Exactly one of O_RDONLY, O_WRONLY, or O_RDWR must be specified. Go's
# syscall values for Linux, taken from CPython's os module (which has them
# for the running architecture; they agree on amd64 and arm64).
O_RDONLY: Final[int] = _pyos.O_RDONLY  # open the file read-only.
O_WRONLY: Final[int] = _pyos.O_WRONLY  # open the file write-only.
O_RDWR: Final[int] = _pyos.O_RDWR  # open the file read-write.
# The remaining values may be or'ed in to control behavior.
O_APPEND: Final[int] = _pyos.O_APPEND  # append data to the file when writing.
O_CREATE: Final[int] = _pyos.O_CREAT  # create a new file if none exists.
O_EXCL: Final[int] = _pyos.O_EXCL  # used with O_CREATE, file must not exist.
O_SYNC: Final[int] = _pyos.O_SYNC  # open for synchronous I/O.
O_TRUNC: Final[int] = _pyos.O_TRUNC  # truncate regular writable file when opened.

# Seek whence values (deprecated in Go for io.SeekStart etc.).
SEEK_SET: Final = 0  # seek relative to the origin of the file
SEEK_CUR: Final = 1  # seek relative to the current offset
SEEK_END: Final = 2  # seek relative to the end

# io/fs.FileMode bits that syscallMode maps (a FileMode is an int here).
ModeSetuid: Final = 1 << 23  # fs.ModeSetuid
ModeSetgid: Final = 1 << 22  # fs.ModeSetgid
ModeSticky: Final = 1 << 20  # fs.ModeSticky
ModePerm: Final = 0o777  # fs.ModePerm: Unix permission bits

# os/file_unix.go: DevNull, the name of the operating system's null device.
DevNull: Final = "/dev/null"

_O_APPEND: Final[int] = _pyos.O_APPEND
_S_ISUID: Final = 0o4000
_S_ISGID: Final = 0o2000
_S_ISVTX: Final = 0o1000


class File:
    """os.File (os/file_unix.go: File and file): an open file descriptor.

    Made by Open, Create, OpenFile, Pipe or NewFile, never directly.
    ``n, err = f.Read(buf)``, ``f.Write(data)``, ``f.Close()``; ``with f:``
    closes it. Safe for use from several goroutines, as Go's.

    Fields (Go's ``file``): ``pfd`` the poll.FD (its Sysfd is -1 once
    closed); ``name`` as given to Open/NewFile; ``nonblock`` whether this
    package put the descriptor in non-blocking mode (Fd undoes it);
    ``stdoutOrErr`` fd 1 or 2; ``appendMode`` opened with O_APPEND. Set at
    creation; ``nonblock`` changes only in Fd and newFile.
    """

    __slots__ = ("pfd", "name", "nonblock", "stdoutOrErr", "appendMode", "__weakref__")

    def __init__(self, pfd: FD, name: str) -> None:
        self.pfd = pfd
        self.name = name
        self.nonblock = False
        self.stdoutOrErr = pfd.Sysfd in (1, 2)
        self.appendMode = False

    # -- os/file.go ---------------------------------------------------------

    def Name(self) -> str:
        """os/file.go: File.Name. The name as presented to Open; valid after Close."""
        return self.name

    def Read(self, b: Any) -> tuple[int, error | None]:
        """os/file.go: File.Read. Up to len(b) bytes into b; (0, io.EOF) at end of file.

        On a pollable file (pipe, socket, tty) a Read with nothing to read
        parks the goroutine until data, EOF, Close or the read deadline.
        """
        err = self.checkValid("read")
        if err is not None:
            return 0, err
        n, e = self.read(b)
        return n, self.wrapErr("read", e)

    def ReadFrom(self, r: Any) -> tuple[int, error | None]:
        """os/file.go: File.ReadFrom. io.ReaderFrom: copy r into the file until r's EOF.

        A stream socket (a net TCP or Unix conn, or one inside an
        io.LimitedReader) is spliced into the file by the kernel
        (std/os/zero_copy_linux.py); anything else is copied through a
        buffer. A file opened with O_APPEND is always copied.
        """
        from std.os import zero_copy_linux

        err = self.checkValid("write")
        if err is not None:
            return 0, err
        n, handled, e = zero_copy_linux.File_readFrom(self, r)
        if not handled:
            return genericReadFrom(self, r)  # without wrapping
        return n, self.wrapErr("write", e)

    def Write(self, b: Any) -> tuple[int, error | None]:
        """os/file.go: File.Write. All of b, or an error saying why not (then n < len(b))."""
        err = self.checkValid("write")
        if err is not None:
            return 0, err
        n, e = self.write(b)
        if n < 0:
            n = 0
        werr: error | None = None
        if n != _nbytes(b):
            werr = io.ErrShortWrite
        # epipecheck(f, e): left out (module doc).
        if e is not None:
            werr = self.wrapErr("write", e)
        return n, werr

    def WriteTo(self, w: Any) -> tuple[int, error | None]:
        """os/file.go: File.WriteTo. io.WriterTo: copy the file, from its position, into w.

        Into a TCP or stream Unix connection the kernel copies with
        sendfile(2) (std/os/zero_copy_linux.py); into anything else, or
        when sendfile cannot read this file, through a buffer.
        """
        from std.os import zero_copy_linux

        err = self.checkValid("read")
        if err is not None:
            return 0, err
        n, handled, e = zero_copy_linux.File_writeTo(self, w)
        if handled:
            return n, self.wrapErr("read", e)
        return genericWriteTo(self, w)  # without wrapping

    def Seek(self, offset: int, whence: int) -> tuple[int, error | None]:
        """os/file.go: File.Seek. Set the offset for the next Read or Write; (new offset, err).

        whence: 0 (io.SeekStart) from the start, 1 from the current
        offset, 2 from the end.
        """
        err = self.checkValid("seek")
        if err is not None:
            return 0, err
        r, e = self.seek(offset, whence)
        if e is not None:
            return 0, self.wrapErr("seek", e)
        return r, None

    def WriteString(self, s: str) -> tuple[int, error | None]:
        """os/file.go: File.WriteString. Write of s's UTF-8 bytes."""
        return self.Write(s.encode())

    def wrapErr(self, op: str, err: Any) -> Any:
        """os/file.go: File.wrapErr. None and io.EOF pass; else PathError(op, name, err).

        poll.ErrFileClosing becomes ErrClosed on the way ("file already
        closed"). (Go's test-only checkWrapErr panic is not kept.)
        """
        if err is None or err is io.EOF:
            return err
        if err is _pollfd.ErrFileClosing:
            err = ErrClosed
        return PathError(Op=op, Path=self.name, Err=err)

    def SetDeadline(self, t: time.Time) -> Any:
        """os/file.go: File.SetDeadline. Read and write deadline; pollable files only.

        A file the poller does not watch (a regular file) returns
        ErrNoDeadline. An expired deadline makes Read/Write return an
        error wrapping ErrDeadlineExceeded.
        """
        return self.setDeadline(t)

    def SetReadDeadline(self, t: time.Time) -> Any:
        """os/file.go: File.SetReadDeadline: make pending and future Reads fail with
        ErrDeadlineExceeded after t; ErrNoDeadline if the file cannot be polled.
        """
        return self.setReadDeadline(t)

    def SetWriteDeadline(self, t: time.Time) -> Any:
        """os/file.go: File.SetWriteDeadline: make pending and future Writes fail with
        ErrDeadlineExceeded after t; ErrNoDeadline if the file cannot be polled.
        """
        return self.setWriteDeadline(t)

    def SyscallConn(self) -> tuple[rawConn | None, error | None]:
        """os/file.go: File.SyscallConn. A syscall.RawConn over the descriptor."""
        from std.os.rawconn import newRawConn

        err = self.checkValid("SyscallConn")
        if err is not None:
            return None, err
        return newRawConn(self)

    def Fd(self) -> int:
        """os/file.go: File.Fd. The descriptor, in blocking mode; -1 once closed.

        If this package made the descriptor non-blocking, Fd makes it
        blocking again and the File's deadlines stop working (Go's
        historical contract). Do not close the result: the File owns it.
        Prefer SyscallConn.
        """
        return self.fd()

    # -- os/file_posix.go ---------------------------------------------------

    def Close(self) -> Any:
        """os/file_posix.go: File.Close. Pending I/O on a pollable file returns ErrClosed.

        A second Close returns ``PathError{Op: "close", Err: ErrClosed}``.
        """
        return self.close()

    def read(self, b: Any) -> tuple[int, Any]:
        """os/file_posix.go: File.read. The FD's Read."""
        return self.pfd.Read(b)

    def write(self, b: Any) -> tuple[int, Any]:
        """os/file_posix.go: File.write. The FD's Write."""
        return self.pfd.Write(b)

    def Sync(self) -> error | None:
        """os/file_posix.go: File.Sync. fsync(2): commit the file's contents to storage."""
        err = self.checkValid("sync")
        if err is not None:
            return err
        e = self.pfd.Fsync()
        if e is not None:
            werr: error = self.wrapErr("sync", e)
            return werr
        return None

    def setDeadline(self, t: time.Time) -> Any:
        """os/file_posix.go: File.setDeadline."""
        err = self.checkValid("SetDeadline")
        if err is not None:
            return err
        return self.pfd.SetDeadline(t)

    def setReadDeadline(self, t: time.Time) -> Any:
        """os/file_posix.go: File.setReadDeadline."""
        err = self.checkValid("SetReadDeadline")
        if err is not None:
            return err
        return self.pfd.SetReadDeadline(t)

    def setWriteDeadline(self, t: time.Time) -> Any:
        """os/file_posix.go: File.setWriteDeadline."""
        err = self.checkValid("SetWriteDeadline")
        if err is not None:
            return err
        return self.pfd.SetWriteDeadline(t)

    def checkValid(self, op: str) -> error | None:
        """os/file_posix.go: File.checkValid. Go's nil-*File check; a method call has a File."""
        return None

    # -- os/file_unix.go ----------------------------------------------------

    def fd(self) -> int:
        """os/file_unix.go: File.fd. See Fd."""
        if self.nonblock:
            self.pfd.SetBlocking()
        return self.pfd.Sysfd

    def close(self) -> Any:
        """os/file_unix.go: file.close. The FD's Close; ErrFileClosing becomes ErrClosed."""
        e: Any = self.pfd.Close()
        if e is not None:
            if e is _pollfd.ErrFileClosing:
                e = ErrClosed
            return PathError(Op="close", Path=self.name, Err=e)
        return None

    def seek(self, offset: int, whence: int) -> tuple[int, Any]:
        """os/file_unix.go: File.seek. The FD's Seek."""
        return self.pfd.Seek(offset, whence)

    # -- Python ---------------------------------------------------------------

    def __enter__(self) -> File:
        return self

    def __exit__(self, *exc: object) -> None:
        self.Close()  # Go's defer f.Close(): the error of a second Close is dropped

    def __repr__(self) -> str:
        return f"<os.File {self.name!r} fd={self.pfd.Sysfd}>"


def _nbytes(b: Any) -> int:
    """len(b) in bytes for any bytes-like b (what FD.Write counts)."""
    if isinstance(b, (bytes, bytearray)):
        return len(b)
    return memoryview(b).nbytes


# ---------------------------------------------------------------------------
# os/file.go: the functions.


def NewFile(fd: int, name: str) -> File | None:
    """os/file.go: NewFile. A File for descriptor fd; None if fd < 0.

    A non-blocking fd becomes a pollable File (its Reads park the
    goroutine; deadlines work) if epoll accepts it; a blocking fd is left
    as it is and every operation is a plain system call. The File now owns
    fd: its Close closes it.
    """
    if not isinstance(fd, int) or not isinstance(name, str):
        raise TypeError("os.NewFile needs (int, str), not "
                        f"({type(fd).__name__}, {type(name).__name__})")
    return newFileFromNewFile(fd, name)


def genericReadFrom(f: File, r: Any) -> tuple[int, error | None]:
    """os/file.go: genericReadFrom. io.Copy with f's ReadFrom hidden."""
    return io.Copy(fileWithoutReadFrom(f), r)


class fileWithoutReadFrom:
    """os/file.go: fileWithoutReadFrom. Every method of the File but ReadFrom."""

    __slots__ = ("File",)

    def __init__(self, f: File) -> None:
        self.File = f

    def Read(self, b: Any) -> tuple[int, error | None]:
        return self.File.Read(b)

    def Write(self, b: Any) -> tuple[int, error | None]:
        return self.File.Write(b)

    def __getattr__(self, name: str) -> Any:
        if name == "ReadFrom":
            raise AttributeError(name)
        return getattr(self.File, name)


def genericWriteTo(f: File, w: Any) -> tuple[int, error | None]:
    """os/file.go: genericWriteTo. io.Copy with f's WriteTo hidden."""
    return io.Copy(w, fileWithoutWriteTo(f))


class fileWithoutWriteTo:
    """os/file.go: fileWithoutWriteTo. Every method of the File but WriteTo.

    Still a syscall.Conn (SyscallConn is the File's), so net's sendFile
    can send it with sendfile(2).
    """

    __slots__ = ("File",)

    def __init__(self, f: File) -> None:
        self.File = f

    def Read(self, b: Any) -> tuple[int, error | None]:
        return self.File.Read(b)

    def Write(self, b: Any) -> tuple[int, error | None]:
        return self.File.Write(b)

    def __getattr__(self, name: str) -> Any:
        if name == "WriteTo":
            raise AttributeError(name)
        return getattr(self.File, name)


def Open(name: str) -> tuple[File | None, error | None]:
    """os/file.go: Open. Open name for reading (O_RDONLY); errors are *PathError.

    ``f, err = os.Open(path)``; "open <name>: no such file or directory".
    """
    return OpenFile(name, O_RDONLY, 0)


def Create(name: str) -> tuple[File | None, error | None]:
    """os/file.go: Create. Create or truncate name, mode 0o666 before umask; O_RDWR."""
    return OpenFile(name, O_RDWR | O_CREATE | O_TRUNC, 0o666)


def OpenFile(name: str, flag: int, perm: int) -> tuple[File | None, error | None]:
    """os/file.go: OpenFile. Open name with flag (O_RDONLY etc., or'ed) and perm.

    perm (an fs.FileMode: permission bits plus ModeSetuid/ModeSetgid/
    ModeSticky) is used when O_CREATE creates the file. Errors are
    ``*PathError{Op: "open"}``.
    """
    if not isinstance(name, str):
        raise TypeError(f"os.OpenFile: name must be a str, not {type(name).__name__}")
    for what, v in (("flag", flag), ("perm", perm)):
        if not isinstance(v, int):
            raise TypeError(f"os.OpenFile: {what} must be an int, not {type(v).__name__}")
    f, err = openFileNolog(name, flag, perm)
    if err is not None:
        return None, err
    assert f is not None
    f.appendMode = flag & O_APPEND != 0
    return f, None


# ---------------------------------------------------------------------------
# os/file_posix.go: the functions.


def syscallMode(i: int) -> int:
    """os/file_posix.go: syscallMode. Go's portable mode bits to open(2)'s."""
    o = i & ModePerm
    if i & ModeSetuid:
        o |= _S_ISUID
    if i & ModeSetgid:
        o |= _S_ISGID
    if i & ModeSticky:
        o |= _S_ISVTX
    # No mapping for Go's ModeTemporary (plan9 only).
    return o


# ---------------------------------------------------------------------------
# os/file_unix.go: the functions.


def newFileFromNewFile(fd: int, name: str) -> File | None:
    """os/file_unix.go: newFileFromNewFile. NewFile's body: pollable iff fd is non-blocking."""
    if fd < 0:
        return None
    flags, errno = sys_linux.fcntl(fd, F_GETFL, 0)
    if errno:
        flags = 0
    f = newFile(fd, name, kindNewFile, HasNonblockFlag(flags))
    f.appendMode = flags & _O_APPEND != 0
    return f


def net_newUnixFile(fd: int, name: str) -> File:
    """os/file_unix.go: net_newUnixFile (net.newUnixFile). A File for net's conn.File.

    The descriptor is a socket: pollable, and since the File did not make
    it non-blocking, Fd still makes it blocking (``nonblock`` set), as
    conn.File users have always had.
    """
    if fd < 0:
        raise Panic("invalid FD")
    return newFile(fd, name, kindSock, True)


# os/file_unix.go: newFileKind, what newFile was called for.
kindNewFile: Final = 0  # the descriptor was passed to us via NewFile
kindOpenFile: Final = 1  # opened with Open, Create, or OpenFile
kindPipe: Final = 2  # opened with Pipe
kindSock: Final = 3  # a network descriptor from net (net_newUnixFile)
kindNoPoll: Final = 4  # never put in non-blocking mode (directories)


def newFile(fd: int, name: str, kind: int, nonBlocking: bool) -> File:
    """os/file_unix.go: newFile. Wrap fd; try the poller if kind (or nonBlocking) says so.

    Open/Create/OpenFile, Pipe and net's sockets are made non-blocking and
    registered; if epoll refuses (a regular file) the descriptor is put
    back in blocking mode. NewFile's descriptor is registered only if it
    is already non-blocking.
    """
    f = File(FD(fd, IsStream=True, ZeroReadIsEOF=True), name)

    pollable = kind in (kindOpenFile, kindPipe, kindSock) or nonBlocking

    # (Go's kqueue exclusions for regular files and FIFOs on the BSDs and
    # Darwin do not apply to epoll.)

    clearNonBlock = False
    if pollable:
        # The descriptor is already in non-blocking mode. We only set
        # f.nonblock if we put the file into non-blocking mode.
        if nonBlocking:
            # See net_newUnixFile.
            if kind == kindSock:
                f.nonblock = True  # tell Fd to return a blocking descriptor
        elif not SetNonblock(fd, True):
            f.nonblock = True
            clearNonBlock = True
        else:
            pollable = False

    # An error here means epoll would not take the descriptor (a disk file,
    # say); any real error will show up in later I/O. Restore the blocking
    # mode if it was set here.
    pollErr = f.pfd.Init("file", pollable)
    if pollErr is not None and clearNonBlock:
        if not SetNonblock(fd, False):
            f.nonblock = False

    # Python only: a descriptor left in blocking mode that is no disk file
    # (a terminal, a pipe or socket handed over in blocking mode: os.Stdin)
    # can wait indefinitely; its reads and writes go to a spare M
    # (rt/poll/fd_unix.py, FD.blockingCalls), as Go's M would block alone.
    if f.pfd.isBlocking and not _diskFile(fd):
        f.pfd.blockingCalls = True

    # runtime.SetFinalizer(f.file, (*file).close): not here (module doc).
    return f


class _stdFile(File):
    """os/file.go: the File of Stdin, Stdout and Stderr (Python only: module doc).

    Writes flush the Python stream for the same descriptor first.
    """

    _goType = "*os.File"  # what %T prints (std/fmt.py)

    def write(self, b: Any) -> tuple[int, Any]:
        """os/file_posix.go: File.write, after flushing sys.stdout or sys.stderr."""
        stream = _sys.stdout if self.pfd.Sysfd == 1 else _sys.stderr if self.pfd.Sysfd == 2 \
            else None
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        return self.pfd.Write(b)


def _newStdFile(fd: int, name: str) -> File:
    f = _stdFile(FD(fd, IsStream=True, ZeroReadIsEOF=True), name)
    f.pfd.isFile = True
    f.pfd.isBlocking = 1
    f.pfd.blockingCalls = not _diskFile(fd)
    return f


def _diskFile(fd: int) -> bool:
    """Whether fd is a regular file, a directory or a block device: I/O that never waits long."""
    try:
        mode = _pyos.fstat(fd).st_mode
    except OSError:
        return True  # a bad descriptor: the I/O will fail at once anyway
    return _stat.S_ISREG(mode) or _stat.S_ISDIR(mode) or _stat.S_ISBLK(mode)


def openFileNolog(name: str, flag: int, perm: int) -> tuple[File | None, error | None]:
    """os/file_unix.go: openFileNolog. open(2) with O_CLOEXEC, then newFile(kindOpenFile)."""
    # EINTR is checked here, per Go issues 11180 and 39237.
    r, e = ignoringEINTR2(lambda: open(name, flag | O_CLOEXEC, syscallMode(perm)))
    if e:
        return None, PathError(Op="open", Path=name, Err=e)
    return newFile(r, name, kindOpenFile, HasNonblockFlag(flag)), None


def open(path: str, flag: int, perm: int) -> tuple[int, Errno]:
    """os/file_open_unix.go: open. syscall.Open: returns (fd, errno); fd -1 on failure."""
    return sys_linux.open(path, flag, perm)


def Pipe() -> tuple[File | None, File | None, error | None]:
    """os/pipe2_unix.go: Pipe. A connected pair: reads from r return bytes written to w.

    Returns ``(r, w, err)``. Both ends are pollable (reads and writes park
    the goroutine, deadlines work); the names are "|0" and "|1".
    """
    (r, w), e = sys_linux.pipe2(O_CLOEXEC)
    if e:
        return None, None, NewSyscallError("pipe2", e)
    return newFile(r, "|0", kindPipe, False), newFile(w, "|1", kindPipe, False), None


# ---------------------------------------------------------------------------
# Small pieces from other Go packages that the above calls.


def HasNonblockFlag(flag: int) -> bool:
    """internal/syscall/unix: HasNonblockFlag. O_NONBLOCK is set in flag."""
    return flag & O_NONBLOCK != 0


def SetNonblock(fd: int, nonblocking: bool) -> Errno:
    """syscall.SetNonblock: set or clear O_NONBLOCK with fcntl; returns the errno (0: ok)."""
    flag, errno = sys_linux.fcntl(fd, F_GETFL, 0)
    if errno:
        return errno
    if (flag & O_NONBLOCK != 0) == nonblocking:
        return errno
    if nonblocking:
        flag |= O_NONBLOCK
    else:
        flag &= ~O_NONBLOCK
    _, errno = sys_linux.fcntl(fd, F_SETFL, flag)
    return errno


Stdin: Final[File] = _newStdFile(0, "/dev/stdin")
"""os.Stdin: the process's standard input (descriptor 0)."""
Stdout: Final[File] = _newStdFile(1, "/dev/stdout")
"""os.Stdout: the process's standard output (descriptor 1)."""
Stderr: Final[File] = _newStdFile(2, "/dev/stderr")
"""os.Stderr: the process's standard error (descriptor 2)."""
