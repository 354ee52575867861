"""bufio (go1.27.0): buffered Reader and Writer, and the token Scanner.

The algorithms, state fields and error texts are Go's; what follows is how
Go's types cross into Python (API.md), decided once for the whole module.

Bytes out. Go returns slices that alias the Reader's buffer and die at the
next read (``Peek``, ``ReadSlice``, ``ReadLine``). Here every returned byte
string is an immutable ``bytes`` copy, so nothing returned can change under
the caller; the price is one copy of the returned bytes. Go's nil slice is
``b""`` (``ReadLine`` at EOF gives ``(b"", False, EOF)``).

Strings. Go's ``string`` is ``str``. ``ReadString`` and ``Scanner.Text``
decode UTF-8 with ``surrogateescape``: valid UTF-8 decodes normally, and each
invalid byte becomes a lone surrogate (U+DC80..U+DCFF) instead of being lost,
so ``s.encode("utf-8", "surrogateescape")`` gives back Go's exact bytes and
``Writer.WriteString`` writes them back unchanged. (Such a ``str`` cannot be
printed to a strict UTF-8 stream; encode it as above first.) Counts
returned by ``WriteString`` are UTF-8 bytes, as in Go.

Bytes and runes. A Go ``byte`` is an ``int`` 0-255 (``ReadByte`` returns one;
``WriteByte`` and the delimiters of ``ReadSlice``/``ReadBytes``/``ReadString``
take one, and a one-byte ``bytes`` is accepted too). A Go ``rune`` is an
``int`` code point: ``ReadRune`` returns ``(rune, size, err)`` with an int,
as Go's, so that invalid input shows up as ``RuneError`` (0xFFFD) of size 1
exactly as in Go; ``chr(r)`` makes it a character. ``WriteRune`` takes an
int, or a one-character ``str``; invalid code points (negative, surrogates,
beyond U+10FFFF) are written as U+FFFD, as Go does.

Scanner. A ``SplitFunc`` receives ``data`` as ``bytes`` (a copy of the
unprocessed buffer; searchable with ``data.find``) and returns
``(advance, token, err)`` where ``token`` is ``None`` for Go's nil ("no token
yet") and ``b""`` for an empty token: the two differ in Go and here.

Panics (Go's ``panic(...)``) raise ``rt.Panic`` with Go's value: the texts
"bufio.Scan: too many empty tokens without progressing", "Buffer called
after Scan", "Split called after Scan", or the error ``errNegativeRead`` /
``errNegativeWrite``. A Read returning more bytes than it was given raises
the runtime's slice-bounds error at once (Go raises it at the next slicing).

Test hooks Go exports in export_test.go are plain attributes here:
``isSpace``, ``defaultBufSize``, ``Scanner.maxTokenSize`` (Go's
``MaxTokenSize``) and ``Scanner.err`` (Go's ``ErrOrEOF``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeAlias

from rt.panic import Error as _RuntimeError
from rt.panic import Panic
from std import io
from std.errors import error, errorString
from std.io import (
    BytesLike,
    WritableBuffer,
    _encode,
    _fillable,
    _needInt,
    _sendable,
    _sliceBounds,
)

__all__ = [
    "ErrAdvanceTooFar",
    "ErrBadReadCount",
    "ErrBufferFull",
    "ErrFinalToken",
    "ErrInvalidUnreadByte",
    "ErrInvalidUnreadRune",
    "ErrNegativeAdvance",
    "ErrNegativeCount",
    "ErrTooLong",
    "MaxScanTokenSize",
    "NewReadWriter",
    "NewReader",
    "NewReaderSize",
    "NewScanner",
    "NewWriter",
    "NewWriterSize",
    "ReadWriter",
    "Reader",
    "ScanBytes",
    "ScanLines",
    "ScanRunes",
    "ScanWords",
    "Scanner",
    "SplitFunc",
    "Writer",
]

defaultBufSize: Final = 4096
minReadBufferSize: Final = 16
maxConsecutiveEmptyReads: Final = 100

ErrInvalidUnreadByte: Final = errorString("bufio: invalid use of UnreadByte")
"""bufio.ErrInvalidUnreadByte."""
ErrInvalidUnreadRune: Final = errorString("bufio: invalid use of UnreadRune")
"""bufio.ErrInvalidUnreadRune."""
ErrBufferFull: Final = errorString("bufio: buffer full")
"""bufio.ErrBufferFull."""
ErrNegativeCount: Final = errorString("bufio: negative count")
"""bufio.ErrNegativeCount."""

errNegativeRead: Final = errorString("bufio: reader returned negative count from Read")
"""bufio.errNegativeRead: the panic value when a wrapped Reader returns n < 0."""
errNegativeWrite: Final = errorString("bufio: writer returned negative count from Write")
"""bufio.errNegativeWrite: the panic value when a wrapped Writer returns n < 0."""


# --- unicode/utf8, the few pieces bufio needs ---------------------------------

RuneError: Final = 0xFFFD
"""utf8.RuneError: what an invalid encoding decodes to."""
RuneSelf: Final = 0x80
"""utf8.RuneSelf: runes below this are one byte."""
UTFMax: Final = 4
"""utf8.UTFMax: the longest encoding."""
MaxRune: Final = 0x10FFFF
"""utf8.MaxRune."""


def _seqLen(b0: int) -> int:
    """The encoding length a leading byte announces; 1 for ASCII and for invalid leads."""
    if 0xC2 <= b0 <= 0xDF:
        return 2
    if 0xE0 <= b0 <= 0xEF:
        return 3
    if 0xF0 <= b0 <= 0xF4:
        return 4
    return 1


def decodeRune(p: bytes | bytearray, i: int, end: int) -> tuple[int, int]:
    """unicode/utf8: DecodeRune of ``p[i:end]``: (rune, size).

    ``(RuneError, 1)`` for an invalid or incomplete encoding, ``(RuneError,
    0)`` for no input. Python's strict UTF-8 decoder rejects exactly what Go
    rejects (overlong forms, surrogates, values past U+10FFFF).
    """
    if i >= end:
        return RuneError, 0
    b0 = p[i]
    if b0 < RuneSelf:
        return b0, 1
    size = _seqLen(b0)
    if size == 1 or end - i < size:
        return RuneError, 1
    try:
        return ord(p[i : i + size].decode("utf-8")), size
    except UnicodeDecodeError:
        return RuneError, 1


def fullRune(p: bytes | bytearray, i: int, end: int) -> bool:
    """unicode/utf8: FullRune of ``p[i:end]``: does it begin with a whole (or invalid) encoding?"""
    n = end - i
    if n <= 0:
        return False
    b0 = p[i]
    size = _seqLen(b0)
    if n >= size:
        return True
    # Short: complete only if what is there is already invalid.
    lo, hi = 0x80, 0xBF
    if b0 == 0xE0:
        lo = 0xA0
    elif b0 == 0xED:
        hi = 0x9F
    elif b0 == 0xF0:
        lo = 0x90
    elif b0 == 0xF4:
        hi = 0x8F
    if n > 1 and not lo <= p[i + 1] <= hi:
        return True
    if n > 2 and not 0x80 <= p[i + 2] <= 0xBF:
        return True
    return False


def _encodeRune(r: int) -> bytes:
    """unicode/utf8: EncodeRune. Invalid runes encode as RuneError."""
    if r < 0 or r > MaxRune or 0xD800 <= r <= 0xDFFF:
        r = RuneError
    return chr(r).encode("utf-8")


def _delim(delim: int | bytes) -> int:
    """A Go byte argument: an int 0-255 or a one-byte bytes (API.md)."""
    if isinstance(delim, int):
        if not 0 <= delim <= 255:
            raise ValueError(f"byte value out of range 0-255: {delim}")
        return delim
    if isinstance(delim, (bytes, bytearray)) and len(delim) == 1:
        return delim[0]
    raise TypeError(f"a byte is an int 0-255 or a one-byte bytes, not {delim!r}")


def _decode(b: bytes | bytearray) -> str:
    """Go's ``string(b)``: UTF-8, invalid bytes kept as surrogates (see the module doc)."""
    return b.decode("utf-8", "surrogateescape")


# --- Reader -------------------------------------------------------------------


class Reader:
    """bufio.Reader: buffering for an io.Reader.

    ``buf[r:w]`` is the buffered, unread data; ``err`` the pending error of
    the last fill, handed out once by ``readErr``. ``lastByte`` and
    ``lastRuneSize`` remember the last read for UnreadByte/UnreadRune; -1
    means "cannot unread". ``Reader()`` is Go's zero Reader: usable after
    ``Reset``, which gives it a default-size buffer.
    """

    __slots__ = ("buf", "rd", "r", "w", "err", "lastByte", "lastRuneSize")

    def __init__(self) -> None:
        self.buf = bytearray()  # empty means Go's nil: the zero Reader
        self.rd: io.Reader | None = None
        self.r = 0
        self.w = 0
        self.err: error | None = None
        self.lastByte = -1
        self.lastRuneSize = -1

    def Size(self) -> int:
        """bufio.Reader.Size: the buffer's size in bytes."""
        return len(self.buf)

    def Reset(self, r: io.Reader | None) -> None:
        """bufio.Reader.Reset: drop buffered data and state, read from r from now on.

        ``b.Reset(b)`` does nothing (NewReader may have returned b itself, and
        resetting it to itself would make it read from itself forever).
        """
        if r is self:
            return
        if not self.buf:
            self.buf = bytearray(defaultBufSize)
        self.reset(self.buf, r)

    def reset(self, buf: bytearray, r: io.Reader | None) -> None:
        """bufio/bufio.go: Reader.reset."""
        self.buf = buf
        self.rd = r
        self.r = 0
        self.w = 0
        self.err = None
        self.lastByte = -1
        self.lastRuneSize = -1

    def _rd(self) -> io.Reader:
        rd = self.rd
        if rd is None:
            # Go dereferences the nil interface here.
            raise _RuntimeError("runtime error: invalid memory address or nil pointer dereference")
        return rd

    def fill(self) -> None:
        """bufio/bufio.go: Reader.fill. Slide data to the front, then read one chunk.

        Up to maxConsecutiveEmptyReads reads that return (0, None) are
        tolerated; after that the pending error is ErrNoProgress.
        """
        if self.r > 0:
            self.buf[: self.w - self.r] = self.buf[self.r : self.w]
            self.w -= self.r
            self.r = 0
        if self.w >= len(self.buf):
            raise Panic("bufio: tried to fill full buffer")
        rd = self._rd()
        for _ in range(maxConsecutiveEmptyReads):
            n, err = rd.Read(memoryview(self.buf)[self.w :])
            if n < 0:
                raise Panic(errNegativeRead)
            _sliceBounds(n, len(self.buf) - self.w)
            self.w += n
            if err is not None:
                self.err = err
                return
            if n > 0:
                return
        self.err = io.ErrNoProgress

    def readErr(self) -> error | None:
        """bufio/bufio.go: Reader.readErr. The pending error, cleared."""
        err = self.err
        self.err = None
        return err

    def Peek(self, n: int) -> tuple[bytes, error | None]:
        """bufio.Reader.Peek: the next n bytes without consuming them (a copy, see module doc).

        Fewer than n comes with the reason: ErrBufferFull when n exceeds the
        buffer, else the read error. Peek forbids a following Unread*.
        """
        if n.__class__ is not int:
            _needInt("bufio.Reader.Peek", "n", n)
        if n < 0:
            return b"", ErrNegativeCount
        self.lastByte = -1
        self.lastRuneSize = -1
        while self.w - self.r < n and self.w - self.r < len(self.buf) and self.err is None:
            self.fill()  # w-r < len(buf): the buffer is not full
        if n > len(self.buf):
            return bytes(self.buf[self.r : self.w]), ErrBufferFull
        err: error | None = None
        avail = self.w - self.r
        if avail < n:
            n = avail
            err = self.readErr()
            if err is None:
                err = ErrBufferFull
        return bytes(self.buf[self.r : self.r + n]), err

    def Discard(self, n: int) -> tuple[int, error | None]:
        """bufio.Reader.Discard: skip n bytes; fewer comes with an error.

        Never reads from the underlying reader when 0 <= n <= Buffered().
        """
        if n.__class__ is not int:
            _needInt("bufio.Reader.Discard", "n", n)
        if n < 0:
            return 0, ErrNegativeCount
        if n == 0:
            return 0, None
        self.lastByte = -1
        self.lastRuneSize = -1
        remain = n
        while True:
            skip = self.Buffered()
            if skip == 0:
                self.fill()
                skip = self.Buffered()
            skip = min(skip, remain)
            self.r += skip
            remain -= skip
            if remain == 0:
                return n, None
            if self.err is not None:
                return n - remain, self.readErr()

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """bufio.Reader.Read: fill p from the buffer, at most one underlying Read.

        A read at least as large as the buffer, with the buffer empty, goes
        straight into p.
        """
        mv = _fillable(p)
        n = len(mv)
        if n == 0:
            if self.Buffered() > 0:
                return 0, None
            return 0, self.readErr()
        if self.r == self.w:
            if self.err is not None:
                return 0, self.readErr()
            rd = self._rd()
            if len(mv) >= len(self.buf):
                # Large read, empty buffer: read directly into p, saving a copy.
                n, self.err = rd.Read(mv)
                if n < 0:
                    raise Panic(errNegativeRead)
                _sliceBounds(n, len(mv))
                if n > 0:
                    self.lastByte = mv[n - 1]
                    self.lastRuneSize = -1
                return n, self.readErr()
            # One read; not fill, which would loop.
            self.r = 0
            self.w = 0
            n, self.err = rd.Read(memoryview(self.buf))
            if n < 0:
                raise Panic(errNegativeRead)
            _sliceBounds(n, len(self.buf))
            if n == 0:
                return 0, self.readErr()
            self.w += n
        n = min(len(mv), self.w - self.r)
        mv[:n] = memoryview(self.buf)[self.r : self.r + n]
        self.r += n
        self.lastByte = self.buf[self.r - 1]
        self.lastRuneSize = -1
        return n, None

    def ReadByte(self) -> tuple[int, error | None]:
        """bufio.Reader.ReadByte: the next byte as an int, or (0, err) if none."""
        self.lastRuneSize = -1
        while self.r == self.w:
            if self.err is not None:
                return 0, self.readErr()
            self.fill()  # the buffer is empty
        c = self.buf[self.r]
        self.r += 1
        self.lastByte = c
        return c, None

    def UnreadByte(self) -> error | None:
        """bufio.Reader.UnreadByte: unread the last byte of the last read operation.

        Peek, Discard and WriteTo are not read operations.
        """
        if self.lastByte < 0 or (self.r == 0 and self.w > 0):
            return ErrInvalidUnreadByte
        # r > 0 or w == 0
        if self.r > 0:
            self.r -= 1
        else:
            # r == 0 and w == 0: the buffer was emptied by a direct read.
            self.w = 1
        self.buf[self.r] = self.lastByte
        self.lastByte = -1
        self.lastRuneSize = -1
        return None

    def ReadRune(self) -> tuple[int, int, error | None]:
        """bufio.Reader.ReadRune: ``(rune as int, size in bytes, err)``.

        An invalid encoding consumes one byte and reads as (RuneError, 1).
        """
        while (
            self.r + UTFMax > self.w
            and not fullRune(self.buf, self.r, self.w)
            and self.err is None
            and self.w - self.r < len(self.buf)
        ):
            self.fill()  # w-r < len(buf): the buffer is not full
        self.lastRuneSize = -1
        if self.r == self.w:
            return 0, 0, self.readErr()
        r, size = decodeRune(self.buf, self.r, self.w)
        self.r += size
        self.lastByte = self.buf[self.r - 1]
        self.lastRuneSize = size
        return r, size, None

    def UnreadRune(self) -> error | None:
        """bufio.Reader.UnreadRune: only right after a ReadRune (stricter than UnreadByte)."""
        if self.lastRuneSize < 0 or self.r < self.lastRuneSize:
            return ErrInvalidUnreadRune
        self.r -= self.lastRuneSize
        self.lastByte = -1
        self.lastRuneSize = -1
        return None

    def Buffered(self) -> int:
        """bufio.Reader.Buffered: how many bytes can be read from the buffer."""
        return self.w - self.r

    def ReadSlice(self, delim: int | bytes) -> tuple[bytes, error | None]:
        """bufio.Reader.ReadSlice: up to and including the first delim (a copy, see module doc).

        err is not None exactly when the line does not end in delim: the
        read error with whatever was buffered, or ErrBufferFull with the
        whole buffer when it filled without a delim.
        """
        d = _delim(delim)
        s = 0  # where to resume searching
        while True:
            i = self.buf.find(d, self.r + s, self.w)
            if i >= 0:
                line = bytes(self.buf[self.r : i + 1])
                self.r = i + 1
                err: error | None = None
                break
            if self.err is not None:
                line = bytes(self.buf[self.r : self.w])
                self.r = self.w
                err = self.readErr()
                break
            if self.Buffered() >= len(self.buf):
                self.r = self.w
                line = bytes(self.buf)
                err = ErrBufferFull
                break
            s = self.w - self.r  # do not rescan what was scanned
            self.fill()  # the buffer is not full
        if line:
            self.lastByte = line[-1]
            self.lastRuneSize = -1
        return line, err

    def ReadLine(self) -> tuple[bytes, bool, error | None]:
        """bufio.Reader.ReadLine: ``(line, isPrefix, err)``, the line without "\\n" or "\\r\\n".

        A line longer than the buffer comes in pieces with isPrefix True.
        A line or an error, never both; Go's nil line is b"".
        """
        line, err = self.ReadSlice(b"\n")
        if err is ErrBufferFull:
            # A "\r\n" may straddle the buffer's end: leave the "\r" for the next call.
            if line and line[-1] == 0x0D:
                if self.r == 0:
                    raise Panic("bufio: tried to rewind past start of buffer")
                self.r -= 1
                line = line[:-1]
            return line, True, None
        if not line:
            return b"", False, err
        err = None
        if line[-1] == 0x0A:
            drop = 1
            if len(line) > 1 and line[-2] == 0x0D:
                drop = 2
            line = line[:-drop]
        return line, False, err

    def collectFragments(self, delim: int | bytes) -> tuple[list[bytes], bytes, int, error | None]:
        """bufio/bufio.go: Reader.collectFragments.

        Returns (full buffers, final fragment, total length, err): ReadSlice
        repeated across ErrBufferFull until the delim or another error.
        """
        d = _delim(delim)
        fullBuffers: list[bytes] = []
        totalLen = 0
        err: error | None = None
        while True:
            frag, e = self.ReadSlice(d)
            if e is None:
                break
            if e is not ErrBufferFull:
                err = e
                break
            fullBuffers.append(frag)
            totalLen += len(frag)
        totalLen += len(frag)
        return fullBuffers, frag, totalLen, err

    def ReadBytes(self, delim: int | bytes) -> tuple[bytes, error | None]:
        """bufio.Reader.ReadBytes: up to and including delim; err exactly when it is missing."""
        full, frag, _, err = self.collectFragments(delim)
        if full:
            full.append(frag)
            return b"".join(full), err
        return frag, err

    def ReadString(self, delim: int | bytes) -> tuple[str, error | None]:
        """bufio.Reader.ReadString: ReadBytes as a str (UTF-8, surrogateescape)."""
        data, err = self.ReadBytes(delim)
        return _decode(data), err

    def WriteTo(self, w: io.Writer) -> tuple[int, error | None]:
        """bufio.Reader.WriteTo: copy what is buffered and then the rest of the underlying reader to
        w; (bytes written, err), EOF not an error. Implements io.WriterTo.

        Writes the buffer, then hands over to the underlying reader's WriteTo,
        or w's ReadFrom, or loops fill-and-write.
        """
        self.lastByte = -1
        self.lastRuneSize = -1
        n = 0
        if self.r < self.w:
            n, err = self.writeBuf(w)
            if err is not None:
                return n, err
        rd = self._rd()
        wt = io.asWriterTo(rd)
        if wt is not None:
            m, err = wt(w)
            return n + m, err
        rf = io.asReaderFrom(w)
        if rf is not None:
            m, err = rf(rd)
            return n + m, err
        if self.w - self.r < len(self.buf):
            self.fill()  # the buffer is not full
        while self.r < self.w:
            # r < w: the buffer is not empty
            m, err = self.writeBuf(w)
            n += m
            if err is not None:
                return n, err
            self.fill()  # the buffer is empty
        if self.err is io.EOF:
            self.err = None
        return n, self.readErr()

    def writeBuf(self, w: io.Writer) -> tuple[int, error | None]:
        """bufio/bufio.go: Reader.writeBuf. Write the buffered bytes to w."""
        n, err = w.Write(memoryview(self.buf)[self.r : self.w])
        if n < 0:
            raise Panic(errNegativeWrite)
        _sliceBounds(n, self.w - self.r)
        self.r += n
        return n, err


def NewReaderSize(rd: io.Reader | None, size: int) -> Reader:
    """bufio.NewReaderSize: a Reader with a buffer of at least size (and at least 16) bytes.

    rd itself when it is already a Reader with a large enough buffer.
    """
    _needInt("bufio.NewReaderSize", "size", size)
    if isinstance(rd, Reader) and len(rd.buf) >= size:
        return rd
    r = Reader()
    r.reset(bytearray(max(size, minReadBufferSize)), rd)
    return r


def NewReader(rd: io.Reader | None) -> Reader:
    """bufio.NewReader: a Reader with the default 4096-byte buffer."""
    return NewReaderSize(rd, defaultBufSize)


# --- Writer -------------------------------------------------------------------


class Writer:
    """bufio.Writer: buffering for an io.Writer.

    ``buf[:n]`` is written but not flushed. After a write error, ``err``
    sticks: no more data is accepted and every Write and Flush returns it.
    ``Writer()`` is Go's zero Writer: usable after ``Reset``.
    """

    __slots__ = ("err", "buf", "n", "wr")

    def __init__(self) -> None:
        self.err: error | None = None
        self.buf = bytearray()  # empty means Go's nil: the zero Writer
        self.n = 0
        self.wr: io.Writer | None = None

    def Size(self) -> int:
        """bufio.Writer.Size: the buffer's size in bytes."""
        return len(self.buf)

    def Reset(self, w: io.Writer | None) -> None:
        """bufio.Writer.Reset: drop unflushed data and any error, write to w from now on.

        ``b.Reset(b)`` does nothing, as in Go.
        """
        if w is self:
            return
        if not self.buf:
            self.buf = bytearray(defaultBufSize)
        self.err = None
        self.n = 0
        self.wr = w

    def _wr(self) -> io.Writer:
        wr = self.wr
        if wr is None:
            raise _RuntimeError("runtime error: invalid memory address or nil pointer dereference")
        return wr

    def Flush(self) -> error | None:
        """bufio.Writer.Flush: write the buffered data to the underlying writer.

        A short write keeps the unwritten rest at the front of the buffer.
        """
        if self.err is not None:
            return self.err
        if self.n == 0:
            return None
        n, err = self._wr().Write(memoryview(self.buf)[: self.n])
        if n < self.n and err is None:
            err = io.ErrShortWrite
        if err is not None:
            if 0 < n < self.n:
                self.buf[: self.n - n] = self.buf[n : self.n]
            # Go subtracts n unchecked; an impossible n is clamped here.
            self.n -= min(max(n, 0), self.n)
            self.err = err
            return err
        self.n = 0
        return None

    def Available(self) -> int:
        """bufio.Writer.Available: unused bytes in the buffer."""
        return len(self.buf) - self.n

    def AvailableBuffer(self) -> memoryview:
        """bufio.Writer.AvailableBuffer: the buffer's free tail, for an immediately following Write.

        Go returns an empty slice with Available() capacity, to append to.
        Python cannot append into spare capacity, so this is a writable view
        of all Available() free bytes instead: fill a prefix of it and pass
        that prefix to Write, which then copies it in place. Valid only until
        the next write operation on b.
        """
        return memoryview(self.buf)[self.n :]

    def Buffered(self) -> int:
        """bufio.Writer.Buffered: bytes written into the buffer and not yet flushed."""
        return self.n

    def Write(self, p: BytesLike) -> tuple[int, error | None]:
        """bufio.Writer.Write: buffer p; fewer than len(p) bytes comes with the reason.

        A write larger than the free space, with the buffer empty, goes
        straight to the underlying writer.
        """
        mv = _sendable(p)
        nn = 0
        while len(mv) > self.Available() and self.err is None:
            if self.Buffered() == 0:
                # Large write, empty buffer: write directly from p, saving a copy.
                n, self.err = self._wr().Write(mv)
                _sliceBounds(n, len(mv))
            else:
                n = self.Available()
                memoryview(self.buf)[self.n :] = mv[:n]
                self.n += n
                self.Flush()
            nn += n
            mv = mv[n:]
        if self.err is not None:
            return nn, self.err
        n = len(mv)
        # A memoryview copy: p may be a view of this very buffer (AvailableBuffer).
        memoryview(self.buf)[self.n : self.n + n] = mv
        self.n += n
        nn += n
        return nn, None

    def WriteByte(self, c: int | bytes) -> error | None:
        """bufio.Writer.WriteByte: c is an int 0-255 (or a one-byte bytes)."""
        b = _delim(c)
        if self.err is not None:
            return self.err
        if self.Available() <= 0 and self.Flush() is not None:
            return self.err
        self.buf[self.n] = b
        self.n += 1
        return None

    def WriteRune(self, r: int | str) -> tuple[int, error | None]:
        """bufio.Writer.WriteRune: write a code point as UTF-8; ``(bytes written, err)``.

        r is an int code point or a one-character str; invalid code points
        are written as U+FFFD.
        """
        if isinstance(r, str):
            if len(r) != 1:
                raise TypeError(f"WriteRune takes one character, not {len(r)}")
            r = ord(r)
        if 0 <= r < RuneSelf:
            err = self.WriteByte(r)
            if err is not None:
                return 0, err
            return 1, None
        if self.err is not None:
            return 0, self.err
        enc = _encodeRune(r)
        if self.Available() < UTFMax:
            self.Flush()
            if self.err is not None:
                return 0, self.err
            if self.Available() < UTFMax:
                # Only with a silly small buffer.
                return self.WriteString(enc.decode("utf-8"))
        size = len(enc)
        self.buf[self.n : self.n + size] = enc
        self.n += size
        return size, None

    def WriteString(self, s: str) -> tuple[int, error | None]:
        """bufio.Writer.WriteString: Write for a str; the count is of UTF-8 bytes.

        A string larger than the free space, with the buffer empty, is
        forwarded to the underlying writer's WriteString when it has one
        (what was not yet written is passed on as a str again).
        """
        data = memoryview(_encode(s))
        sw: Callable[[str], tuple[int, error | None]] | None = None
        tryStringWriter = True
        nn = 0
        while len(data) > self.Available() and self.err is None:
            if self.Buffered() == 0 and sw is None and tryStringWriter:
                # Check at most once whether the underlying writer has WriteString.
                sw = getattr(self._wr(), "WriteString", None)
                tryStringWriter = sw is not None
            if self.Buffered() == 0 and sw is not None:
                rest = s if nn == 0 else _decode(bytes(data))
                n, self.err = sw(rest)
                _sliceBounds(n, len(data))
            else:
                n = self.Available()
                memoryview(self.buf)[self.n :] = data[:n]
                self.n += n
                self.Flush()
            nn += n
            data = data[n:]
        if self.err is not None:
            return nn, self.err
        n = len(data)
        self.buf[self.n : self.n + n] = data
        self.n += n
        nn += n
        return nn, None

    def ReadFrom(self, r: io.Reader) -> tuple[int, error | None]:
        """bufio.Writer.ReadFrom: copy r into the writer until EOF; (bytes read, err), EOF not an
        error. Implements io.ReaderFrom.

        Uses the underlying writer's ReadFrom once the buffer is empty (a
        partly filled buffer is filled and flushed first); otherwise reads
        into the buffer, flushing it when full. EOF is not an error.
        """
        if self.err is not None:
            return 0, self.err
        wr = self._wr()
        readerFrom = io.asReaderFrom(wr)
        n = 0
        err: error | None = None
        while True:
            if self.Available() == 0:
                err1 = self.Flush()
                if err1 is not None:
                    return n, err1
            if readerFrom is not None and self.Buffered() == 0:
                nn, err = readerFrom(r)
                self.err = err
                return n + nn, err
            nr = 0
            m = 0
            while nr < maxConsecutiveEmptyReads:
                m, err = r.Read(memoryview(self.buf)[self.n :])
                _sliceBounds(m, len(self.buf) - self.n)
                if m != 0 or err is not None:
                    break
                nr += 1
            if nr == maxConsecutiveEmptyReads:
                return n, io.ErrNoProgress
            self.n += m
            n += m
            if err is not None:
                break
        if err is io.EOF:
            # A buffer filled exactly is flushed now.
            if self.Available() == 0:
                err = self.Flush()
            else:
                err = None
        return n, err


def NewWriterSize(w: io.Writer | None, size: int) -> Writer:
    """bufio.NewWriterSize: a Writer with a buffer of at least size bytes (default if <= 0).

    w itself when it is already a Writer with a large enough buffer.
    """
    _needInt("bufio.NewWriterSize", "size", size)
    if isinstance(w, Writer) and len(w.buf) >= size:
        return w
    if size <= 0:
        size = defaultBufSize
    b = Writer()
    b.buf = bytearray(size)
    b.wr = w
    return b


def NewWriter(w: io.Writer | None) -> Writer:
    """bufio.NewWriter: a Writer with the default 4096-byte buffer."""
    return NewWriterSize(w, defaultBufSize)


# --- ReadWriter ---------------------------------------------------------------


class ReadWriter:
    """bufio.ReadWriter: a Reader and a Writer; implements io.ReadWriter.

    Go embeds both, which promotes every method the two do not share; the
    shared ones (Size, Reset, Buffered) are ambiguous in Go and absent here.
    """

    __slots__ = ("Reader", "Writer")

    def __init__(self, Reader: Reader, Writer: Writer) -> None:
        self.Reader = Reader
        self.Writer = Writer

    def Read(self, p: WritableBuffer) -> tuple[int, error | None]:
        """bufio.Reader.Read, promoted: read up to len(p) bytes through the embedded Reader; (n,
        err), io.EOF at the end.
        """
        return self.Reader.Read(p)

    def ReadByte(self) -> tuple[int, error | None]:
        """bufio.Reader.ReadByte, promoted: the next byte from the embedded Reader, or an error
        (io.EOF at the end).
        """
        return self.Reader.ReadByte()

    def UnreadByte(self) -> error | None:
        """bufio.Reader.UnreadByte, promoted: put the last byte read back into the embedded Reader;
        ErrInvalidUnreadByte if the last call was not a read.
        """
        return self.Reader.UnreadByte()

    def ReadRune(self) -> tuple[int, int, error | None]:
        """bufio.Reader.ReadRune, promoted: the next UTF-8 rune from the embedded Reader as (rune,
        size, err).
        """
        return self.Reader.ReadRune()

    def UnreadRune(self) -> error | None:
        """bufio.Reader.UnreadRune, promoted: put the last rune back into the embedded Reader;
        ErrInvalidUnreadRune unless the last call was ReadRune.
        """
        return self.Reader.UnreadRune()

    def Peek(self, n: int) -> tuple[bytes, error | None]:
        """bufio.Reader.Peek, promoted: the next n bytes of the embedded Reader without consuming
        them; an error when fewer than n are available.
        """
        return self.Reader.Peek(n)

    def Discard(self, n: int) -> tuple[int, error | None]:
        """bufio.Reader.Discard, promoted: skip the next n bytes of the embedded Reader; (bytes
        skipped, err).
        """
        return self.Reader.Discard(n)

    def ReadSlice(self, delim: int | bytes) -> tuple[bytes, error | None]:
        """bufio.Reader.ReadSlice, promoted: read through the first delim from the embedded Reader
        (a copy here); ErrBufferFull if the buffer fills first.
        """
        return self.Reader.ReadSlice(delim)

    def ReadLine(self) -> tuple[bytes, bool, error | None]:
        """bufio.Reader.ReadLine, promoted: one line from the embedded Reader without its end of
        line, as (line, isPrefix, err).
        """
        return self.Reader.ReadLine()

    def ReadBytes(self, delim: int | bytes) -> tuple[bytes, error | None]:
        """bufio.Reader.ReadBytes, promoted: read through the first delim from the embedded Reader;
        a copy, with err not None only if delim was not found.
        """
        return self.Reader.ReadBytes(delim)

    def ReadString(self, delim: int | bytes) -> tuple[str, error | None]:
        """bufio.Reader.ReadString, promoted: read through the first delim from the embedded Reader,
        as a str; err not None only if delim was not found.
        """
        return self.Reader.ReadString(delim)

    def WriteTo(self, w: io.Writer) -> tuple[int, error | None]:
        """bufio.Reader.WriteTo, promoted: copy all that is left of the embedded Reader to w; (bytes
        written, err), EOF not counted as an error.
        """
        return self.Reader.WriteTo(w)

    def Write(self, p: BytesLike) -> tuple[int, error | None]:
        """bufio.Writer.Write, promoted: buffer p in the embedded Writer (flushing as needed); n <
        len(p) only with an error.
        """
        return self.Writer.Write(p)

    def WriteByte(self, c: int | bytes) -> error | None:
        """bufio.Writer.WriteByte, promoted: buffer one byte in the embedded Writer; returns any
        write error.
        """
        return self.Writer.WriteByte(c)

    def WriteRune(self, r: int | str) -> tuple[int, error | None]:
        """bufio.Writer.WriteRune, promoted: buffer the UTF-8 encoding of r in the embedded Writer;
        (bytes written, err).
        """
        return self.Writer.WriteRune(r)

    def WriteString(self, s: str) -> tuple[int, error | None]:
        """bufio.Writer.WriteString, promoted: buffer s in the embedded Writer; n < len(s) only with
        an error.
        """
        return self.Writer.WriteString(s)

    def Flush(self) -> error | None:
        """bufio.Writer.Flush, promoted: write the embedded Writer's buffered data to the underlying
        writer; returns the error, if any.
        """
        return self.Writer.Flush()

    def Available(self) -> int:
        """bufio.Writer.Available, promoted: how many bytes are unused in the embedded Writer's
        buffer.
        """
        return self.Writer.Available()

    def AvailableBuffer(self) -> memoryview:
        """bufio.Writer.AvailableBuffer, promoted: a writable view of the embedded Writer's free
        space; fill a prefix of it and pass that prefix to Write.
        """
        return self.Writer.AvailableBuffer()

    def ReadFrom(self, r: io.Reader) -> tuple[int, error | None]:
        """bufio.Writer.ReadFrom, promoted: copy r into the embedded Writer until EOF; (bytes read,
        err), EOF not an error.
        """
        return self.Writer.ReadFrom(r)


def NewReadWriter(r: Reader, w: Writer) -> ReadWriter:
    """bufio.NewReadWriter: a ReadWriter dispatching to r and w."""
    return ReadWriter(r, w)


# --- scan.go ------------------------------------------------------------------

SplitFunc: TypeAlias = Callable[[bytes, bool], tuple[int, bytes | None, error | None]]
"""bufio.SplitFunc: ``(data, atEOF) -> (advance, token, err)``.

data is the unprocessed input (bytes); atEOF says no more will come.
token None means "no token" (Go's nil); b"" is an empty token. Returning
``(0, None, None)`` asks for more data. ErrFinalToken as err delivers token
as the last one and stops without an error.
"""

ErrTooLong: Final = errorString("bufio.Scanner: token too long")
"""bufio.ErrTooLong."""
ErrNegativeAdvance: Final = errorString("bufio.Scanner: SplitFunc returns negative advance count")
"""bufio.ErrNegativeAdvance."""
ErrAdvanceTooFar: Final = errorString("bufio.Scanner: SplitFunc returns advance count beyond input")
"""bufio.ErrAdvanceTooFar."""
ErrBadReadCount: Final = errorString("bufio.Scanner: Read returned impossible count")
"""bufio.ErrBadReadCount."""
ErrFinalToken: Final = errorString("final token")
"""bufio.ErrFinalToken: a SplitFunc's "this token is the last" signal; never reported by Err."""

MaxScanTokenSize: Final = 64 * 1024
"""bufio.MaxScanTokenSize: the default limit on the buffer, hence on a token's size."""
startBufSize: Final = 4096


class Scanner:
    """bufio.Scanner: splits input into tokens (lines by default).

    ``buf[start:end]`` is read but not yet consumed by the split function;
    ``err`` is sticky (EOF included, which Err hides); ``empties`` counts
    successive empty tokens at EOF, to catch a split function that never
    advances; ``scanCalled`` forbids Buffer and Split once scanning started.
    """

    __slots__ = ("r", "split", "maxTokenSize", "token", "buf", "start", "end", "err",
                 "empties", "scanCalled", "done")

    def __init__(self, r: io.Reader) -> None:
        self.r = r
        self.split: SplitFunc = ScanLines
        self.maxTokenSize = MaxScanTokenSize
        self.token: bytes | None = None
        self.buf = bytearray()
        self.start = 0
        self.end = 0
        self.err: error | None = None
        self.empties = 0
        self.scanCalled = False
        self.done = False

    def Err(self) -> error | None:
        """bufio.Scanner.Err: the first non-EOF error, or None."""
        if self.err is io.EOF:
            return None
        return self.err

    def Bytes(self) -> bytes:
        """bufio.Scanner.Bytes: the last token (b"" for Go's nil)."""
        return self.token if self.token is not None else b""

    def Text(self) -> str:
        """bufio.Scanner.Text: the last token as a str (UTF-8, surrogateescape)."""
        return _decode(self.token) if self.token else ""

    def Scan(self) -> bool:
        """bufio.Scanner.Scan: advance to the next token; False at the end or on error.

        Panics after maxConsecutiveEmptyReads empty tokens at EOF without
        progress, as Go does.
        """
        if self.done:
            return False
        self.scanCalled = True
        while True:
            # Try to split off a token from what is buffered (or, at EOF, from nothing).
            if self.end > self.start or self.err is not None:
                data = bytes(memoryview(self.buf)[self.start : self.end])
                advance, token, err = self.split(data, self.err is not None)
                if token is not None and not isinstance(token, bytes):
                    token = bytes(token)
                if err is not None:
                    if err is ErrFinalToken:
                        self.token = token
                        self.done = True
                        # An ErrFinalToken with a nil token stops with no token.
                        return token is not None
                    self.setErr(err)
                    return False
                if not self.advance(advance):
                    return False
                self.token = token
                if token is not None:
                    if self.err is None or advance > 0:
                        self.empties = 0
                    else:
                        # Returning tokens without advancing at EOF.
                        self.empties += 1
                        if self.empties > maxConsecutiveEmptyReads:
                            raise Panic("bufio.Scan: too many empty tokens without progressing")
                    return True
            # No token: stop at an error, else read more.
            if self.err is not None:
                self.start = 0
                self.end = 0
                return False
            # Slide data to the front when the buffer is full or half consumed.
            if self.start > 0 and (self.end == len(self.buf) or self.start > len(self.buf) // 2):
                self.buf[: self.end - self.start] = self.buf[self.start : self.end]
                self.end -= self.start
                self.start = 0
            # Grow a full buffer, up to maxTokenSize.
            if self.end == len(self.buf):
                if len(self.buf) >= self.maxTokenSize:
                    self.setErr(ErrTooLong)
                    return False
                newSize = len(self.buf) * 2
                if newSize == 0:
                    newSize = startBufSize
                newSize = min(newSize, self.maxTokenSize)
                newBuf = bytearray(newSize)
                newBuf[: self.end - self.start] = self.buf[self.start : self.end]
                self.buf = newBuf
                self.end -= self.start
                self.start = 0
            # Read until something arrives, an error, or too many empty reads.
            loop = 0
            while True:
                n, err = self.r.Read(memoryview(self.buf)[self.end :])
                if not isinstance(n, int) or n < 0 or len(self.buf) - self.end < n:
                    self.setErr(ErrBadReadCount)
                    break
                self.end += n
                if err is not None:
                    self.setErr(err)
                    break
                if n > 0:
                    self.empties = 0
                    break
                loop += 1
                if loop > maxConsecutiveEmptyReads:
                    self.setErr(io.ErrNoProgress)
                    break

    def advance(self, n: int) -> bool:
        """bufio/scan.go: Scanner.advance. Consume n bytes; False (with the error) if n is bad."""
        if n < 0:
            self.setErr(ErrNegativeAdvance)
            return False
        if n > self.end - self.start:
            self.setErr(ErrAdvanceTooFar)
            return False
        self.start += n
        return True

    def setErr(self, err: error) -> None:
        """bufio/scan.go: Scanner.setErr. Keep the first error; any error replaces EOF."""
        if self.err is None or self.err is io.EOF:
            self.err = err

    def Buffer(self, buf: WritableBuffer, max: int) -> None:
        """bufio.Scanner.Buffer: the initial buffer and the largest buffer allowed.

        Go reuses buf's memory (its full capacity); here a bytearray is used
        as is and any other writable buffer is copied into a new bytearray of
        the same length. Panics after Scan has been called.
        """
        _needInt("bufio.Scanner.Buffer", "max", max)
        if self.scanCalled:
            raise Panic("Buffer called after Scan")
        self.buf = buf if isinstance(buf, bytearray) else bytearray(_fillable(buf))
        self.maxTokenSize = max

    def Split(self, split: SplitFunc) -> None:
        """bufio.Scanner.Split: set the split function (ScanLines by default) before Scan."""
        if self.scanCalled:
            raise Panic("Split called after Scan")
        self.split = split


def NewScanner(r: io.Reader) -> Scanner:
    """bufio.NewScanner: a Scanner reading r, splitting lines, with MaxScanTokenSize."""
    return Scanner(r)


def ScanBytes(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
    """bufio.ScanBytes: each byte is a token."""
    if atEOF and not data:
        return 0, None, None
    return 1, data[0:1], None


errorRune: Final = _encodeRune(RuneError)


def ScanRunes(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
    """bufio.ScanRunes: each UTF-8 rune is a token; an invalid byte is the token U+FFFD."""
    if atEOF and not data:
        return 0, None, None
    if data[0] < RuneSelf:
        return 1, data[0:1], None
    _, width = decodeRune(data, 0, len(data))
    if width > 1:
        # A valid encoding (an invalid one has width 1).
        return width, data[0:width], None
    # Invalid, or only the start of a rune: wait for more unless at EOF.
    if not atEOF and not fullRune(data, 0, len(data)):
        return 0, None, None
    # A real encoding error: one byte becomes one U+FFFD, as ranging over a Go string does.
    return 1, errorRune, None


def dropCR(data: bytes) -> bytes:
    """bufio/scan.go: dropCR. Drop one trailing "\\r"."""
    if data and data[-1] == 0x0D:
        return data[:-1]
    return data


def ScanLines(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
    """bufio.ScanLines: lines without the end-of-line marker (r"\\r?\\n").

    The last line may lack a newline; an empty last line is not a token.
    """
    if atEOF and not data:
        return 0, None, None
    i = data.find(b"\n")
    if i >= 0:
        return i + 1, dropCR(data[0:i]), None
    if atEOF:
        return len(data), dropCR(data), None
    return 0, None, None


def isSpace(r: int) -> bool:
    """bufio/scan.go: isSpace. unicode.IsSpace without the tables (rune as int)."""
    if r <= 0xFF:
        # The Latin-1 spaces.
        return r in (0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0)
    if 0x2000 <= r <= 0x200A:
        return True
    return r in (0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)


def ScanWords(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
    """bufio.ScanWords: space-separated words (unicode.IsSpace), spaces dropped."""
    n = len(data)
    start = 0
    while start < n:
        r, width = decodeRune(data, start, n)
        if not isSpace(r):
            break
        start += width
    i = start
    while i < n:
        r, width = decodeRune(data, i, n)
        if isSpace(r):
            return i + width, data[start:i], None
        i += width
    if atEOF and n > start:
        return n, data[start:], None
    # Ask for more data, having consumed the leading spaces.
    return start, None, None
