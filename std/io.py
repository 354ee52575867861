"""io (go1.27.0): the Reader/Writer interfaces, Copy, ReadFull, Pipe and friends.

Go's io is mostly interfaces. Here each is a ``runtime_checkable``
``typing.Protocol`` with Go's method names, so an annotation reads as Go's
and ``isinstance(src, io.WriterTo)`` is Go's type assertion (only the
presence of the methods is checked, which is exactly what Go checks).

Byte slices. API.md fixes how Go's ``[]byte`` crosses into Python:

* A buffer to *fill* (``Read(p)``, ``ReadFull(r, buf)``) is a writable
  buffer: a ``bytearray``, a writable ``memoryview`` or any other writable
  object with the buffer protocol. ``Read`` fills it in place and returns
  ``(n, err)``. ``bytes``, ``str`` or ``None`` there is a programming error and
  raises ``TypeError`` at the call (Go would not compile it).
* A buffer to *send* (``Write(p)``) is any bytes-like object. ``str`` and
  ``None`` raise ``TypeError``; Go's nil slice is ``b""``.
* Like Go, the helpers here hand sub-slices to the Readers and Writers they
  wrap without copying: those arrive as ``memoryview`` slices over the
  caller's buffer. Go's rule "implementations must not retain p" applies
  unchanged: copy (``bytes(p)``) what must outlive the call.
* Go's ``string`` is ``str``. Where one is turned into bytes (``WriteString``)
  it is encoded as UTF-8 with ``surrogateescape``, so a ``str`` that
  ``std.bufio`` decoded from arbitrary bytes turns back into exactly those
  bytes. Counts returned by ``WriteString`` are bytes, as in Go.

Errors are the ``std.errors`` kind: exception instances with ``Error()``;
``EOF`` and the other sentinels are singletons compared with ``is``, the way
Go compares them with ``==``. They are built as ``errors.errorString``, what
``errors.New`` returns, so their static type is that exception class (and
fits annotations that ask for ``Exception``) rather than the bare interface.
A Read or Write that returns an impossible
count (negative, or larger than the buffer) makes Go panic when the caller
slices with it; here the caller raises the same runtime error at that point
instead of silently mis-slicing.

``Pipe`` is Go's: a synchronous rendezvous built on runtime channels and
``std.sync``. Reads and writes park the calling goroutine, never the thread,
so a pipe is used between goroutines inside ``rt.run``. Operations that need
no waiting (anything on a closed pipe) also work outside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Protocol, TypeAlias, runtime_checkable

import rt
from rt.panic import Error as _RuntimeError
from rt.panic import Panic
from std import sync
from std.errors import error, errorString

__all__ = [
    "ByteReader",
    "ByteScanner",
    "ByteWriter",
    "BytesLike",
    "Closer",
    "Copy",
    "CopyBuffer",
    "CopyN",
    "Discard",
    "EOF",
    "ErrClosedPipe",
    "ErrNoProgress",
    "ErrShortBuffer",
    "ErrShortWrite",
    "ErrUnexpectedEOF",
    "LimitReader",
    "LimitedReader",
    "MultiReader",
    "MultiWriter",
    "NewSectionReader",
    "NopCloser",
    "Pipe",
    "PipeReader",
    "PipeWriter",
    "ReadAll",
    "ReadAtLeast",
    "ReadCloser",
    "ReadFull",
    "ReadSeeker",
    "ReadWriteCloser",
    "ReadWriter",
    "Reader",
    "ReaderAt",
    "ReaderFrom",
    "RuneReader",
    "RuneScanner",
    "SectionReader",
    "SeekCurrent",
    "SeekEnd",
    "SeekStart",
    "Seeker",
    "StringWriter",
    "TeeReader",
    "WritableBuffer",
    "WriteCloser",
    "WriteString",
    "Writer",
    "WriterTo",
]

WritableBuffer: TypeAlias = bytearray | memoryview
"""Go's ``[]byte`` to be filled: a writable buffer (see the module doc)."""

BytesLike: TypeAlias = bytes | bytearray | memoryview
"""Go's ``[]byte`` to be sent: any bytes-like object."""

SeekStart: Final = 0
"""io.SeekStart: seek relative to the origin."""
SeekCurrent: Final = 1
"""io.SeekCurrent: seek relative to the current offset."""
SeekEnd: Final = 2
"""io.SeekEnd: seek relative to the end."""

ErrShortWrite: Final = errorString("short write")
"""io.ErrShortWrite: a write accepted fewer bytes than requested without an error."""

errInvalidWrite: Final = errorString("invalid write result")
"""io.errInvalidWrite: a Write returned an impossible count."""

ErrShortBuffer: Final = errorString("short buffer")
"""io.ErrShortBuffer: a read needed a longer buffer than was provided."""

EOF: Final = errorString("EOF")
"""io.EOF: no more input. Returned itself, never wrapped, so ``err is EOF`` works."""

ErrUnexpectedEOF: Final = errorString("unexpected EOF")
"""io.ErrUnexpectedEOF: EOF in the middle of a fixed-size block."""

ErrNoProgress: Final = errorString("multiple Read calls return no data or error")
"""io.ErrNoProgress: a broken Reader kept returning ``(0, None)``."""

ErrClosedPipe: Final = errorString("io: read/write on closed pipe")
"""io.ErrClosedPipe: read or write on a closed pipe."""

errWhence: Final = errorString("Seek: invalid whence")
"""io.errWhence (exported to Go's tests as ErrWhence)."""

errOffset: Final = errorString("Seek: invalid offset")
"""io.errOffset (exported to Go's tests as ErrOffset)."""


# --- Python-side checks of Go's []byte arguments --------------------------


def _fillable(p: object) -> memoryview:
    """A flat byte view of ``p`` for a Read to fill; TypeError unless p is writable."""
    try:
        mv = memoryview(p)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(
            f"buffer to read into must be a writable bytes-like object "
            f"(bytearray, memoryview), not {type(p).__name__}"
        ) from None
    if mv.readonly:
        raise TypeError(
            f"buffer to read into must be writable (bytearray, memoryview), "
            f"not read-only {type(p).__name__}"
        )
    if mv.format != "B" or mv.ndim != 1:
        mv = mv.cast("B")
    return mv


def _sendable(p: object) -> memoryview:
    """A flat byte view of ``p`` for a Write; TypeError unless p is bytes-like."""
    if isinstance(p, str):
        raise TypeError("Write needs a bytes-like object, not str (use WriteString)")
    try:
        mv = memoryview(p)  # type: ignore[arg-type]
    except TypeError:
        raise TypeError(f"Write needs a bytes-like object, not {type(p).__name__}") from None
    if mv.format != "B" or mv.ndim != 1:
        mv = mv.cast("B")
    return mv


def _encode(s: object) -> bytes:
    """Go's ``[]byte(s)``: UTF-8 with surrogateescape (see the module doc)."""
    if not isinstance(s, str):
        raise TypeError(f"a Go string is a str, not {type(s).__name__}")
    return s.encode("utf-8", "surrogateescape")


def _needInt(who: str, name: str, v: object) -> None:
    """TypeError unless v is an int: one of Go's int or int64 parameters.

    Go's compiler rejects a str, a float or a bool there; called once per
    call at the API's edge (never inside a Read/Write loop), so bad input
    fails where it is passed, naming the function and the parameter. bool
    is refused although it is an int subclass: ``CopyN(w, r, True)`` is a
    bug, not a one-byte copy.
    """
    if not isinstance(v, int) or v.__class__ is bool:
        raise TypeError(f"{who}: {name} must be an int, not {type(v).__name__}")


def _sliceBounds(n: object, length: int) -> None:
    """Panic as Go's ``p[:n]`` would when a Read/Write count n does not fit p.

    Go has no check of its own at these call sites: slicing with a bad count
    raises the runtime's bounds error, and that is what is raised here.
    """
    if not isinstance(n, int):
        raise TypeError(f"Read/Write must return an int count, not {type(n).__name__}")
    if n < 0:
        raise _RuntimeError(f"runtime error: slice bounds out of range [:{n}]")
    if n > length:
        raise _RuntimeError(
            f"runtime error: slice bounds out of range [:{n}] with capacity {length}"
        )


# --- Interfaces -----------------------------------------------------------


@runtime_checkable
class Reader(Protocol):
    """io.Reader: ``Read(p)`` fills up to ``len(p)`` bytes of p and returns ``(n, err)``.

    Callers handle the n > 0 bytes before looking at err; at end of input a
    Reader returns ``EOF`` (with the last bytes or on the next call).
    """

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """io.Reader.Read: read up to len(p) bytes into p; (n, err), with err EOF at the end of
        input. Use the n bytes before looking at err.
        """
        ...


@runtime_checkable
class Writer(Protocol):
    """io.Writer: ``Write(p)`` writes all of p or returns an error saying why not."""

    def Write(self, p: BytesLike) -> tuple[int, error | None]:
        """io.Writer.Write: write all of p; (n, err), with n < len(p) only when err is not None.
        Must not keep p.
        """
        ...


@runtime_checkable
class Closer(Protocol):
    """io.Closer: something with a Close method that releases it; what a second Close does is up to
    the implementation.
    """

    def Close(self) -> error | None:
        """io.Closer.Close: release the resource; returns the error, if any. A second call's result
        is up to the implementation.
        """
        ...


@runtime_checkable
class Seeker(Protocol):
    """io.Seeker: ``Seek(offset, whence)`` returns ``(new offset, err)``."""

    def Seek(self, offset: int, whence: int) -> tuple[int, error | None]:
        """io.Seeker.Seek: set the offset for the next Read or Write, relative to the start, the
        current offset or the end (whence); (new offset, err).
        """
        ...


@runtime_checkable
class ReadWriter(Reader, Writer, Protocol):
    """io.ReadWriter: a stream that can be both read and written (Read plus Write)."""


@runtime_checkable
class ReadCloser(Reader, Closer, Protocol):
    """io.ReadCloser: a Reader that must be closed when done with (Read plus Close)."""


@runtime_checkable
class WriteCloser(Writer, Closer, Protocol):
    """io.WriteCloser: a Writer that must be closed when done with (Write plus Close)."""


@runtime_checkable
class ReadWriteCloser(Reader, Writer, Closer, Protocol):
    """io.ReadWriteCloser: a stream that can be read, written and closed (Read, Write and Close)."""


@runtime_checkable
class ReadSeeker(Reader, Seeker, Protocol):
    """io.ReadSeeker: a Reader whose offset can be moved (Read plus Seek)."""


@runtime_checkable
class ReaderFrom(Protocol):
    """io.ReaderFrom: read from r until EOF or error; EOF is not reported."""

    def ReadFrom(self, r: Reader) -> tuple[int, error | None]:
        """io.ReaderFrom.ReadFrom: read from r until EOF or an error; (bytes read, err), EOF not an
        error. io.Copy uses it.
        """
        ...


@runtime_checkable
class WriterTo(Protocol):
    """io.WriterTo: write everything to w, returning the byte count and any error."""

    def WriteTo(self, w: Writer) -> tuple[int, error | None]:
        """io.WriterTo.WriteTo: write all of the data to w until there is none left or an error;
        (bytes written, err). io.Copy uses it.
        """
        ...


def asWriterTo(x: object) -> Callable[[Writer], tuple[int, error | None]] | None:
    """Go's ``x.(io.WriterTo)``: x's WriteTo if it is io.WriterTo's, else None.

    Go's assertion matches the whole signature, so net.UDPConn, UnixConn
    and IPConn, whose WriteTo(b, addr) and ReadFrom(b) are PacketConn's, are
    neither WriterTo nor ReaderFrom there. Python can only match the name:
    such a class sets ``packetReadWrite = True`` and these two functions
    (which io.Copy, NopCloser and bufio use) treat it as having neither.
    """
    if getattr(type(x), "packetReadWrite", False):
        return None
    wt: Callable[[Writer], tuple[int, error | None]] | None = getattr(x, "WriteTo", None)
    return wt


def asReaderFrom(x: object) -> Callable[[Reader], tuple[int, error | None]] | None:
    """Go's ``x.(io.ReaderFrom)``: x's ReadFrom if io.ReaderFrom's, else None (see asWriterTo)."""
    if getattr(type(x), "packetReadWrite", False):
        return None
    rf: Callable[[Reader], tuple[int, error | None]] | None = getattr(x, "ReadFrom", None)
    return rf


@runtime_checkable
class ReaderAt(Protocol):
    """io.ReaderAt: fill p from offset off; n < len(p) always comes with an error."""

    def ReadAt(self, p: WritableBuffer, off: int) -> tuple[int, error | None]:
        """io.ReaderAt.ReadAt: read len(p) bytes into p starting at offset off; n < len(p) only with
        an error (EOF at the end).
        """
        ...


@runtime_checkable
class ByteReader(Protocol):
    """io.ByteReader: ``ReadByte()`` returns ``(byte as int 0-255, err)``."""

    def ReadByte(self) -> tuple[int, error | None]:
        """io.ByteReader.ReadByte: the next byte of input and None, or (0, err) with err io.EOF at
        the end.
        """
        ...


@runtime_checkable
class ByteScanner(ByteReader, Protocol):
    """io.ByteScanner: a ByteReader that can also UnreadByte, putting the last byte read back so the
    next ReadByte returns it again.
    """

    def UnreadByte(self) -> error | None:
        """io.ByteScanner.UnreadByte: put the last byte read back so the next ReadByte returns it
        again; an error if that is not possible.
        """
        ...


@runtime_checkable
class ByteWriter(Protocol):
    """io.ByteWriter: ``WriteByte(c)`` with c an int 0-255."""

    def WriteByte(self, c: int) -> error | None:
        """io.ByteWriter.WriteByte: write the one byte c; returns the error, if any."""
        ...


@runtime_checkable
class RuneReader(Protocol):
    """io.RuneReader: ``ReadRune()`` returns ``(rune as int code point, size in bytes, err)``."""

    def ReadRune(self) -> tuple[int, int, error | None]:
        """io.RuneReader.ReadRune: the next UTF-8 character as (rune, size in bytes, err); err EOF
        at the end of input.
        """
        ...


@runtime_checkable
class RuneScanner(RuneReader, Protocol):
    """io.RuneScanner: a RuneReader that can also UnreadRune, putting the last rune back so the next
    ReadRune returns it again.
    """

    def UnreadRune(self) -> error | None:
        """io.RuneScanner.UnreadRune: put the last rune read back so the next ReadRune returns it
        again; an error if the last call was not ReadRune.
        """
        ...


@runtime_checkable
class StringWriter(Protocol):
    """io.StringWriter: ``WriteString(s)`` returns the number of UTF-8 bytes written."""

    def WriteString(self, s: str) -> tuple[int, error | None]:
        """io.StringWriter.WriteString: write the contents of s; (n, err), as Write does for bytes.
        """
        ...


# --- Functions --------------------------------------------------------------


def WriteString(w: Writer, s: str) -> tuple[int, error | None]:
    """io.WriteString: w.WriteString(s) if w has it, else one w.Write of s's bytes."""
    if not isinstance(s, str):
        raise TypeError(f"WriteString needs a str, not {type(s).__name__}")
    sw = getattr(w, "WriteString", None)
    if sw is not None:
        res: tuple[int, error | None] = sw(s)
        return res
    return w.Write(_encode(s))


def ReadAtLeast(r: Reader, buf: WritableBuffer, min: int) -> tuple[int, error | None]:
    """io.ReadAtLeast: read into buf until at least min bytes are in.

    ``ErrShortBuffer`` if buf is shorter than min; ``EOF`` only if nothing was
    read; ``ErrUnexpectedEOF`` for an EOF after some but fewer than min bytes.
    An error arriving with the min-th byte is dropped.
    """
    _needInt("io.ReadAtLeast", "min", min)
    mv = _fillable(buf)
    if len(mv) < min:
        return 0, ErrShortBuffer
    n = 0
    err: error | None = None
    while n < min and err is None:
        nn, err = r.Read(mv[n:])
        _sliceBounds(nn, len(mv) - n)
        n += nn
    if n >= min:
        err = None
    elif n > 0 and err is EOF:
        err = ErrUnexpectedEOF
    return n, err


def ReadFull(r: Reader, buf: WritableBuffer) -> tuple[int, error | None]:
    """io.ReadFull: read exactly len(buf) bytes (ReadAtLeast with min = len(buf))."""
    mv = _fillable(buf)
    return ReadAtLeast(r, mv, len(mv))


def CopyN(dst: Writer, src: Reader, n: int) -> tuple[int, error | None]:
    """io.CopyN: copy n bytes (or until an error); written == n exactly when err is None."""
    _needInt("io.CopyN", "n", n)
    written, err = Copy(dst, LimitReader(src, n))
    if written == n:
        return n, None
    if written < n and err is None:
        # src stopped early without an error: that was EOF.
        err = EOF
    return written, err


def Copy(dst: Writer, src: Reader) -> tuple[int, error | None]:
    """io.Copy: copy from src to dst until EOF (not reported) or the first error.

    src.WriteTo(dst) is used if src has it, else dst.ReadFrom(src) if dst
    has it, else a 32 KiB buffer.
    """
    return copyBuffer(dst, src, None)


def CopyBuffer(dst: Writer, src: Reader, buf: WritableBuffer | None) -> tuple[int, error | None]:
    """io.CopyBuffer: Copy staged through buf; None allocates one, an empty buf panics."""
    if buf is not None and len(_fillable(buf)) == 0:
        raise Panic("empty buffer in CopyBuffer")
    return copyBuffer(dst, src, buf)


def copyBuffer(dst: Writer, src: Reader, buf: WritableBuffer | None) -> tuple[int, error | None]:
    """io/io.go: copyBuffer. WriterTo first (one large write beats ReadFrom), then ReaderFrom."""
    wt = asWriterTo(src)
    if wt is not None:
        res: tuple[int, error | None] = wt(dst)
        return res
    rf = asReaderFrom(dst)
    if rf is not None:
        res = rf(src)
        return res
    if buf is None:
        size = 32 * 1024
        if isinstance(src, LimitedReader) and size > src.N:
            size = 1 if src.N < 1 else src.N
        mv = memoryview(bytearray(size))
    else:
        mv = _fillable(buf)
    written = 0
    err: error | None = None
    while True:
        nr, er = src.Read(mv)
        _sliceBounds(nr, len(mv))
        if nr > 0:
            nw, ew = dst.Write(mv[:nr])
            if nw < 0 or nr < nw:
                nw = 0
                if ew is None:
                    ew = errInvalidWrite
            written += nw
            if ew is not None:
                err = ew
                break
            if nr != nw:
                err = ErrShortWrite
                break
        if er is not None:
            if er is not EOF:
                err = er
            break
    return written, err


def LimitReader(r: Reader, n: int) -> Reader:
    """io.LimitReader: a Reader that returns EOF after n bytes of r (a LimitedReader)."""
    _needInt("io.LimitReader", "n", n)
    return LimitedReader(R=r, N=n)


@dataclass(eq=False)
class LimitedReader:
    """io.LimitedReader: reads from R, at most N more bytes; N counts down as bytes are read."""

    R: Reader
    N: int

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """io.LimitedReader.Read: EOF once N <= 0, else at most N bytes from R."""
        mv = _fillable(p)
        if self.N <= 0:
            return 0, EOF
        if len(mv) > self.N:
            mv = mv[: self.N]
        n, err = self.R.Read(mv)
        self.N -= n
        return n, err


def NewSectionReader(r: ReaderAt, off: int, n: int) -> SectionReader:
    """io.NewSectionReader: read r from off, stopping with EOF after n bytes."""
    _needInt("io.NewSectionReader", "off", off)
    _needInt("io.NewSectionReader", "n", n)
    maxint64 = (1 << 63) - 1
    # Past maxint64 Go cannot say so; like Go, read up to offset maxint64.
    remaining = n + off if off <= maxint64 - n else maxint64
    return SectionReader(r, off, off, remaining, n)


class SectionReader:
    """io.SectionReader: Read, Seek and ReadAt over a section of a ReaderAt.

    ``r``, ``base``, ``limit`` and ``n`` are fixed at creation; ``off`` is the
    read position, moved by Read and Seek.
    """

    __slots__ = ("r", "base", "off", "limit", "n")

    def __init__(self, r: ReaderAt, base: int, off: int, limit: int, n: int) -> None:
        self.r = r
        self.base = base
        self.off = off
        self.limit = limit
        self.n = n

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """io.SectionReader.Read: read up to len(p) bytes of the section from the current offset;
        (n, err), EOF at the end of the section.
        """
        mv = _fillable(p)
        if self.off >= self.limit:
            return 0, EOF
        room = self.limit - self.off
        if len(mv) > room:
            mv = mv[:room]
        n, err = self.r.ReadAt(mv, self.off)
        self.off += n
        return n, err

    def Seek(self, offset: int, whence: int) -> tuple[int, error | None]:
        """io.SectionReader.Seek: move the offset within the section (whence SeekStart, SeekCurrent
        or SeekEnd); (new offset, err).
        """
        _needInt("io.SectionReader.Seek", "offset", offset)
        _needInt("io.SectionReader.Seek", "whence", whence)
        if whence == SeekStart:
            offset += self.base
        elif whence == SeekCurrent:
            offset += self.off
        elif whence == SeekEnd:
            offset += self.limit
        else:
            return 0, errWhence
        if offset < self.base:
            return 0, errOffset
        self.off = offset
        return offset - self.base, None

    def ReadAt(self, p: WritableBuffer, off: int) -> tuple[int, error | None]:
        """io.SectionReader.ReadAt: a read cut short by the section's end reports EOF."""
        mv = _fillable(p)
        if off < 0 or off >= self.Size():
            return 0, EOF
        off += self.base
        room = self.limit - off
        if len(mv) > room:
            n, err = self.r.ReadAt(mv[:room], off)
            if err is None:
                err = EOF
            return n, err
        return self.r.ReadAt(mv, off)

    def Size(self) -> int:
        """io.SectionReader.Size: the section's size in bytes."""
        return self.limit - self.base

    def Outer(self) -> tuple[ReaderAt, int, int]:
        """io.SectionReader.Outer: the ReaderAt, offset and size given to NewSectionReader."""
        return self.r, self.base, self.n


def TeeReader(r: Reader, w: Writer) -> Reader:
    """io.TeeReader: a Reader that writes to w everything it reads from r, unbuffered.

    A write error is returned as the read's error.
    """
    return teeReader(r, w)


class teeReader:
    """io/io.go: teeReader."""

    __slots__ = ("r", "w")

    def __init__(self, r: Reader, w: Writer) -> None:
        self.r = r
        self.w = w

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """io/io.go: teeReader.Read."""
        mv = _fillable(p)
        n, err = self.r.Read(mv)
        if n > 0:
            _sliceBounds(n, len(mv))
            nw, werr = self.w.Write(mv[:n])
            if werr is not None:
                return nw, werr
        return n, err


class discard:
    """io/io.go: discard, the type of Discard. Every Write succeeds and does nothing."""

    __slots__ = ()

    def Write(self, p: BytesLike) -> tuple[int, error | None]:
        """io/io.go: discard.Write."""
        return len(_sendable(p)), None

    def WriteString(self, s: str) -> tuple[int, error | None]:
        """io/io.go: discard.WriteString (the count is of UTF-8 bytes, as in Go)."""
        return len(_encode(s)), None

    def ReadFrom(self, r: Reader) -> tuple[int, error | None]:
        """io/io.go: discard.ReadFrom, so that Copy to Discard skips the Write calls.

        Go takes an 8 KiB buffer from a sync.Pool; the bytes are thrown away,
        so goroutines here share one buffer (only one runs at a time, and a
        race on garbage would be harmless anyway).
        """
        n = 0
        while True:
            readSize, err = r.Read(_blackHole)
            _sliceBounds(readSize, len(_blackHole))
            n += readSize
            if err is not None:
                if err is EOF:
                    return n, None
                return n, err

    def __repr__(self) -> str:
        return "io.Discard"


_blackHole: Final = memoryview(bytearray(8192))

Discard: Final[discard] = discard()
"""io.Discard: a Writer on which every Write succeeds doing nothing; it has ReadFrom."""


def NopCloser(r: Reader) -> ReadCloser:
    """io.NopCloser: r with a Close that does nothing; forwards WriteTo when r has it."""
    if asWriterTo(r) is not None:
        return nopCloserWriterTo(r)
    return nopCloser(r)


class nopCloser:
    """io/io.go: nopCloser. Only Read and Close, like Go's embedded Reader."""

    __slots__ = ("Reader",)

    def __init__(self, r: Reader) -> None:
        self.Reader = r

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """The embedded Reader's Read."""
        return self.Reader.Read(p)

    def Close(self) -> error | None:
        """io/io.go: nopCloser.Close. Does nothing."""
        return None


class nopCloserWriterTo(nopCloser):
    """io/io.go: nopCloserWriterTo. nopCloser that also forwards WriteTo."""

    __slots__ = ()

    def WriteTo(self, w: Writer) -> tuple[int, error | None]:
        """io/io.go: nopCloserWriterTo.WriteTo."""
        res: tuple[int, error | None] = self.Reader.WriteTo(w)  # type: ignore[attr-defined]
        return res


def ReadAll(r: Reader) -> tuple[bytes, error | None]:
    """io.ReadAll: read r until EOF or error and return the data; EOF is not an error.

    Go's growth policy: a 512-byte first chunk, later chunks growing by half
    again, one copy at the end. Each chunk has a fixed size, so a reader
    holding on to its view (against the Reader contract) cannot break a resize.
    """
    chunks: list[bytes] = []
    cur = bytearray(512)
    fill = 0
    nxt = 256
    while True:
        view = memoryview(cur)[fill:]
        n, err = r.Read(view)
        del view
        _sliceBounds(n, len(cur) - fill)
        fill += n
        if err is not None:
            if err is EOF:
                err = None
            chunks.append(bytes(memoryview(cur)[:fill]))
            return b"".join(chunks), err
        if len(cur) - fill < len(cur) // 16:
            chunks.append(bytes(memoryview(cur)[:fill]))
            cur = bytearray(nxt)
            fill = 0
            nxt += nxt // 2


# --- multi.go -----------------------------------------------------------------


class eofReader:
    """io/multi.go: eofReader. Always (0, EOF); replaces drained readers (Go issue 18232)."""

    __slots__ = ()

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """io/multi.go: eofReader.Read."""
        return 0, EOF


class multiReader:
    """io/multi.go: multiReader. ``readers`` is what is left to read, in order."""

    __slots__ = ("readers",)

    def __init__(self, readers: list[Reader]) -> None:
        self.readers = readers

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """io/multi.go: multiReader.Read. EOF only once the last reader is drained."""
        mv = _fillable(p)
        while self.readers:
            # Flatten a lone nested multiReader so chains do not grow the stack
            # (Go issue 13558).
            if len(self.readers) == 1:
                inner = self.readers[0]
                if isinstance(inner, multiReader):
                    self.readers = inner.readers
                    continue
            n, err = self.readers[0].Read(mv)
            if err is EOF:
                # Overwrite in place: the list may be shared with a flattened
                # outer multiReader, which must see a reader, not a hole.
                self.readers[0] = _theEOFReader
                self.readers = self.readers[1:]
            if n > 0 or err is not EOF:
                if err is EOF and self.readers:
                    # More readers remain: not the end yet.
                    err = None
                return n, err
        return 0, EOF

    def WriteTo(self, w: Writer) -> tuple[int, error | None]:
        """io/multi.go: multiReader.WriteTo."""
        return self.writeToWithBuffer(w, memoryview(bytearray(32 * 1024)))

    def writeToWithBuffer(self, w: Writer, buf: memoryview) -> tuple[int, error | None]:
        """io/multi.go: multiReader.writeToWithBuffer. One buffer for all nested readers."""
        total = 0
        for i, r in enumerate(self.readers):
            if isinstance(r, multiReader):
                n, err = r.writeToWithBuffer(w, buf)
            else:
                n, err = copyBuffer(w, r, buf)
            total += n
            if err is not None:
                # Keep the rest so a later call can resume.
                self.readers = self.readers[i:]
                return total, err
        self.readers = []
        return total, None


_theEOFReader: Final = eofReader()


def MultiReader(*readers: Reader) -> Reader:
    """io.MultiReader: the concatenation of readers, read in order.

    EOF once all have returned EOF; any other error is returned as is. The
    argument list is copied, as Go copies the slice.
    """
    return multiReader(list(readers))


class multiWriter:
    """io/multi.go: multiWriter."""

    __slots__ = ("writers",)

    def __init__(self, writers: list[Writer]) -> None:
        self.writers = writers

    def Write(self, p: BytesLike) -> tuple[int, error | None]:
        """io/multi.go: multiWriter.Write. Stops at the first error or short write."""
        mv = _sendable(p)
        n = 0
        for w in self.writers:
            n, err = w.Write(mv)
            if err is not None:
                return n, err
            if n != len(mv):
                return n, ErrShortWrite
        return len(mv), None

    def WriteString(self, s: str) -> tuple[int, error | None]:
        """io/multi.go: multiWriter.WriteString. WriteString where a writer has it, else Write.

        s is encoded once, up front: Go needs len(s) in bytes anyway, and
        its lazy conversion exists only to save an allocation.
        """
        p = _encode(s)
        n = 0
        for w in self.writers:
            sw = getattr(w, "WriteString", None)
            if sw is not None:
                n, err = sw(s)
            else:
                n, err = w.Write(p)
            if err is not None:
                return n, err
            if n != len(p):
                return n, ErrShortWrite
        return len(p), None


def MultiWriter(*writers: Writer) -> Writer:
    """io.MultiWriter: a Writer duplicating each write to all writers, in order, like tee(1).

    The first error stops the write. Nested MultiWriters are flattened.
    """
    allWriters: list[Writer] = []
    for w in writers:
        if isinstance(w, multiWriter):
            allWriters.extend(w.writers)
        else:
            allWriters.append(w)
    return multiWriter(allWriters)


# --- pipe.go ------------------------------------------------------------------


class onceError:
    """io/pipe.go: onceError. Keeps the first error stored; later ones are dropped."""

    __slots__ = ("mu", "err")

    def __init__(self) -> None:
        self.mu = sync.Mutex()  # guards err
        self.err: error | None = None

    def Store(self, err: error) -> None:
        """io/pipe.go: onceError.Store."""
        with self.mu:
            if self.err is None:
                self.err = err

    def Load(self) -> error | None:
        """io/pipe.go: onceError.Load."""
        with self.mu:
            return self.err


class pipe:
    """io/pipe.go: pipe, the state shared by a PipeReader and its PipeWriter.

    A write hands its whole remaining slice to a reader over ``wrCh``; the
    reader copies what fits and answers the count on ``rdCh``; the writer
    repeats until the slice is consumed. ``wrMu`` keeps concurrent writes
    whole (one write's bytes are never interleaved with another's). Closing
    either end closes ``done`` once (``once``); ``rerr``/``werr`` keep the
    first error each end was closed with.
    """

    __slots__ = ("wrMu", "wrCh", "rdCh", "once", "done", "rerr", "werr")

    def __init__(self) -> None:
        self.wrMu = sync.Mutex()
        self.wrCh: rt.hchan[memoryview] = rt.chan()
        self.rdCh: rt.hchan[int] = rt.chan()
        self.once = sync.Once()
        self.done: rt.hchan[None] = rt.chan()
        self.rerr = onceError()
        self.werr = onceError()

    def read(self, b: WritableBuffer) -> tuple[int, error | None]:
        """io/pipe.go: pipe.read."""
        mv = _fillable(b)
        i, _, _ = rt.select(rt.recv(self.done), default=True)
        if i == 0:
            return 0, self.readCloseError()
        i, bw, _ = rt.select(rt.recv(self.wrCh), rt.recv(self.done))
        if i == 0:
            nr = min(len(mv), len(bw))
            mv[:nr] = bw[:nr]
            self.rdCh.send(nr)
            return nr, None
        return 0, self.readCloseError()

    def closeRead(self, err: error | None) -> error | None:
        """io/pipe.go: pipe.closeRead."""
        if err is None:
            err = ErrClosedPipe
        self.rerr.Store(err)
        self.once.Do(self.done.close)
        return None

    def write(self, b: BytesLike) -> tuple[int, error | None]:
        """io/pipe.go: pipe.write. One rendezvous even for an empty write."""
        mv = _sendable(b)
        i, _, _ = rt.select(rt.recv(self.done), default=True)
        if i == 0:
            return 0, self.writeCloseError()
        n = 0
        with self.wrMu:
            once = True
            while once or len(mv) > 0:
                once = False
                i, _, _ = rt.select(rt.send(self.wrCh, mv), rt.recv(self.done))
                if i != 0:
                    return n, self.writeCloseError()
                nw = self.rdCh.recv()
                mv = mv[nw:]
                n += nw
        return n, None

    def closeWrite(self, err: error | None) -> error | None:
        """io/pipe.go: pipe.closeWrite."""
        if err is None:
            err = EOF
        self.werr.Store(err)
        self.once.Do(self.done.close)
        return None

    def readCloseError(self) -> error:
        """io/pipe.go: pipe.readCloseError. The writer's error, unless the reader closed first."""
        rerr = self.rerr.Load()
        werr = self.werr.Load()
        if rerr is None and werr is not None:
            return werr
        return ErrClosedPipe

    def writeCloseError(self) -> error:
        """io/pipe.go: pipe.writeCloseError. The reader's error, unless the writer closed first."""
        werr = self.werr.Load()
        rerr = self.rerr.Load()
        if werr is None and rerr is not None:
            return rerr
        return ErrClosedPipe


class PipeReader:
    """io.PipeReader: the read half of a pipe. Also a context manager that closes it."""

    __slots__ = ("pipe",)

    def __init__(self, p: pipe) -> None:
        self.pipe = p

    def Read(self, data: WritableBuffer) -> tuple[int, error | None]:
        """io.PipeReader.Read: wait for a writer (or the write end's close).

        After the write end is closed: ``(0, EOF)``, or the error it was
        closed with.
        """
        return self.pipe.read(data)

    def Close(self) -> error | None:
        """io.PipeReader.Close: later writes get ErrClosedPipe."""
        return self.CloseWithError(None)

    def CloseWithError(self, err: error | None) -> error | None:
        """io.PipeReader.CloseWithError: later writes get err; the first error sticks.

        Always returns None.
        """
        return self.pipe.closeRead(err)

    def __enter__(self) -> PipeReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.Close()


class PipeWriter:
    """io.PipeWriter: the write half of a pipe. Also a context manager that closes it."""

    __slots__ = ("r",)

    def __init__(self, r: PipeReader) -> None:
        self.r = r

    def Write(self, data: BytesLike) -> tuple[int, error | None]:
        """io.PipeWriter.Write: block until readers have taken all of data or the read end closes.

        After the read end is closed: ``ErrClosedPipe``, or the error it was
        closed with.
        """
        return self.r.pipe.write(data)

    def Close(self) -> error | None:
        """io.PipeWriter.Close: later reads get (0, EOF)."""
        return self.CloseWithError(None)

    def CloseWithError(self, err: error | None) -> error | None:
        """io.PipeWriter.CloseWithError: later reads get err (EOF if None); the first sticks.

        Always returns None.
        """
        return self.r.pipe.closeWrite(err)

    def __enter__(self) -> PipeWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.Close()


def Pipe() -> tuple[PipeReader, PipeWriter]:
    """io.Pipe: a synchronous in-memory pipe; returns ``(reader, writer)``.

    Each Write blocks until one or more Reads have consumed all its data,
    copied straight from the writer's buffer (no internal buffering).
    Concurrent Reads, Writes and Closes are safe; concurrent Writes are
    served one whole Write at a time.
    """
    pw = PipeWriter(PipeReader(pipe()))
    return pw.r, pw
