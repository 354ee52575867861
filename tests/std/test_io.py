"""io's io_test.go, multi_test.go and pipe_test.go, ported; plus the Python-side contract.

Go's tests lean on bytes.Buffer, strings.Reader and strings.Builder, which
this port does not have; the small stand-ins in standins.py implement just
the methods the tests need (and, where Go's test hides a method by
embedding, a class that simply lacks it).
"""

from __future__ import annotations

import gc
import hashlib
import sys
import weakref
from typing import Any

import pytest

import rt
from rt.panic import Panic
from std import errors, io, time
from std.errors import error
from tests.std.standins import Buffer, Builder, BytesBuffer, StringsReader, onlyReader

# --- io_test.go -----------------------------------------------------------------


def test_Sentinels() -> None:
    """Go's texts, byte for byte; singletons; exception instances with str() == Error()."""
    table: list[tuple[error, str]] = [
        (io.EOF, "EOF"),
        (io.ErrUnexpectedEOF, "unexpected EOF"),
        (io.ErrShortWrite, "short write"),
        (io.ErrShortBuffer, "short buffer"),
        (io.ErrNoProgress, "multiple Read calls return no data or error"),
        (io.ErrClosedPipe, "io: read/write on closed pipe"),
        (io.errInvalidWrite, "invalid write result"),
        (io.errWhence, "Seek: invalid whence"),
        (io.errOffset, "Seek: invalid offset"),
    ]
    for err, text in table:
        assert err.Error() == text
        assert str(err) == text
        assert isinstance(err, Exception)
    from std import io as io2

    assert io2.EOF is io.EOF
    assert errors.Is(io.EOF, io.EOF) and not errors.Is(io.ErrUnexpectedEOF, io.EOF)


def test_Copy() -> None:
    rb, wb = Buffer(), Buffer()
    rb.WriteString("hello, world.")
    assert io.Copy(wb, rb) == (13, None)  # EOF is not reported
    assert wb.String() == "hello, world."


def test_CopyShortWrite() -> None:
    """A Write that takes less without saying why is ErrShortWrite."""

    class halfWriter:
        def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
            return len(p) // 2, None

    assert io.Copy(halfWriter(), Buffer(b"0123456789")) == (5, io.ErrShortWrite)


def test_CopyNegative() -> None:
    rb, wb = Buffer(), Buffer()
    rb.WriteString("hello")
    io.Copy(wb, io.LimitedReader(R=rb, N=-1))
    assert wb.String() == "", "Copy on LimitedReader with N<0 copied data"
    io.CopyN(wb, rb, -1)
    assert wb.String() == "", "CopyN with N<0 copied data"


def test_CopyBuffer() -> None:
    rb, wb = Buffer(), Buffer()
    rb.WriteString("hello, world.")
    io.CopyBuffer(wb, rb, bytearray(1))  # tiny buffer to keep it honest
    assert wb.String() == "hello, world."


def test_CopyBufferNil() -> None:
    rb, wb = Buffer(), Buffer()
    rb.WriteString("hello, world.")
    io.CopyBuffer(wb, rb, None)  # should allocate a buffer
    assert wb.String() == "hello, world."


def test_CopyBufferEmptyPanics() -> None:
    """CopyBuffer with a zero-length, non-nil buffer panics with Go's text."""
    with pytest.raises(Panic, match="^empty buffer in CopyBuffer$"):
        io.CopyBuffer(Buffer(), Buffer(b"x"), bytearray())


def test_CopyReadFrom() -> None:
    rb, wb = Buffer(), BytesBuffer()  # wb has ReadFrom
    rb.WriteString("hello, world.")
    io.Copy(wb, rb)
    assert wb.String() == "hello, world."


def test_CopyWriteTo() -> None:
    rb, wb = BytesBuffer(), Buffer()  # rb has WriteTo
    rb.WriteString("hello, world.")
    io.Copy(wb, rb)
    assert wb.String() == "hello, world."


class writeToChecker(BytesBuffer):
    writeToCalled = False

    def WriteTo(self, w: io.Writer) -> tuple[int, error | None]:
        self.writeToCalled = True
        return super().WriteTo(w)


def test_CopyPriority() -> None:
    """WriterTo on src wins over ReaderFrom on dst."""
    rb = writeToChecker()
    wb = BytesBuffer()
    rb.WriteString("hello, world.")
    io.Copy(wb, rb)
    assert wb.String() == "hello, world."
    assert rb.writeToCalled, "WriteTo was not prioritized over ReadFrom"


class zeroErrReader:
    def __init__(self, err: error | None) -> None:
        self.err = err

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        p[0] = 0
        return 1, self.err


class errWriter:
    def __init__(self, err: error | None) -> None:
        self.err = err

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return 0, self.err


def test_CopyReadErrWriteErr() -> None:
    """A read error with data and a write error: the write error is reported."""
    er, ew = errors.New("readError"), errors.New("writeError")
    n, err = io.Copy(errWriter(ew), zeroErrReader(er))
    assert n == 0 and err is ew


def test_CopyN() -> None:
    rb, wb = Buffer(), Buffer()
    rb.WriteString("hello, world.")
    io.CopyN(wb, rb, 5)
    assert wb.String() == "hello"


def test_CopyNReadFrom() -> None:
    rb, wb = Buffer(), BytesBuffer()
    rb.WriteString("hello")
    io.CopyN(wb, rb, 5)
    assert wb.String() == "hello"


def test_CopyNWriteTo() -> None:
    rb, wb = BytesBuffer(), Buffer()
    rb.WriteString("hello, world.")
    io.CopyN(wb, rb, 5)
    assert wb.String() == "hello"


class noReadFrom:
    def __init__(self, w: io.Writer) -> None:
        self.w = w

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return self.w.Write(p)


class wantedAndErrReader:
    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return len(p), errors.New("wantedAndErrReader error")


def test_CopyNEOF() -> None:
    """EOF behaviour is the same whether or not the destination has ReadFrom."""
    b = BytesBuffer()
    assert io.CopyN(noReadFrom(b), StringsReader("foo"), 3) == (3, None)
    assert io.CopyN(noReadFrom(b), StringsReader("foo"), 4) == (3, io.EOF)
    assert io.CopyN(b, StringsReader("foo"), 3) == (3, None)
    assert io.CopyN(b, StringsReader("foo"), 4) == (3, io.EOF)
    assert io.CopyN(b, wantedAndErrReader(), 5) == (5, None)
    assert io.CopyN(noReadFrom(b), wantedAndErrReader(), 5) == (5, None)


class dataAndErrorBuffer(Buffer):
    """Returns n > 0 together with err when the data runs out."""

    def __init__(self, err: error) -> None:
        super().__init__()
        self.err = err

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        n, err = super().Read(p)
        if n > 0 and self.Len() == 0 and err is None:
            err = self.err
        return n, err


def _testReadAtLeast(rb: Buffer) -> None:
    rb.Write(b"0123")
    buf = bytearray(2)
    assert io.ReadAtLeast(rb, buf, 2) == (2, None)
    assert io.ReadAtLeast(rb, buf, 4) == (0, io.ErrShortBuffer)
    assert io.ReadAtLeast(rb, buf, 1) == (2, None)
    assert io.ReadAtLeast(rb, buf, 2) == (0, io.EOF)
    rb.Write(b"4")
    n, err = io.ReadAtLeast(rb, buf, 2)
    want = io.ErrUnexpectedEOF
    if isinstance(rb, dataAndErrorBuffer) and rb.err is not io.EOF:
        want = rb.err
    assert err is want
    assert n == 1


def test_ReadAtLeast() -> None:
    _testReadAtLeast(Buffer())


def test_ReadAtLeastWithDataAndEOF() -> None:
    _testReadAtLeast(dataAndErrorBuffer(io.EOF))


def test_ReadAtLeastWithDataAndError() -> None:
    _testReadAtLeast(dataAndErrorBuffer(errors.New("fake error")))


def test_ReadFull() -> None:
    buf = bytearray(5)
    assert io.ReadFull(StringsReader("hello, world"), buf) == (5, None)
    assert buf == b"hello"
    assert io.ReadFull(StringsReader("hi"), buf) == (2, io.ErrUnexpectedEOF)
    assert io.ReadFull(StringsReader(""), buf) == (0, io.EOF)
    # A memoryview slice is filled in place.
    big = bytearray(b"..........")
    assert io.ReadFull(StringsReader("abc"), memoryview(big)[2:5]) == (3, None)
    assert big == b"..abc....."


def test_TeeReader() -> None:
    def main() -> None:
        src = b"hello, world"
        dst = bytearray(len(src))
        rb = BytesBuffer(src)
        wb = BytesBuffer()
        r = io.TeeReader(rb, wb)
        assert io.ReadFull(r, dst) == (len(src), None)
        assert dst == src
        assert wb.Bytes() == src
        assert r.Read(dst) == (0, io.EOF)
        rb = BytesBuffer(src)
        pr, pw = io.Pipe()
        pr.Close()
        r = io.TeeReader(rb, pw)
        assert io.ReadFull(r, dst) == (0, io.ErrClosedPipe)

    rt.run(main)


def test_SectionReader_ReadAt() -> None:
    dat = "a long sample data, 1234567890"
    L = len(dat)
    tests: list[tuple[str, int, int, int, int, str, error | None]] = [
        # data, off, n, bufLen, at, exp, err
        ("", 0, 10, 2, 0, "", io.EOF),
        (dat, 0, L, 0, 0, "", None),
        (dat, L, 1, 1, 0, "", io.EOF),
        (dat, 0, L + 2, L, 0, dat, None),
        (dat, 0, L, L // 2, 0, dat[: L // 2], None),
        (dat, 0, L, L, 0, dat, None),
        (dat, 0, L, L // 2, 2, dat[2 : 2 + L // 2], None),
        (dat, 3, L, L // 2, 2, dat[5 : 5 + L // 2], None),
        (dat, 3, L // 2, L // 2 - 2, 2, dat[5 : 5 + L // 2 - 2], None),
        (dat, 3, L // 2, L // 2 + 2, 2, dat[5 : 5 + L // 2 - 2], io.EOF),
        (dat, 0, 0, 0, -1, "", io.EOF),
        (dat, 0, 0, 0, 1, "", io.EOF),
    ]
    for i, (data, off, n, bufLen, at, exp, werr) in enumerate(tests):
        r = StringsReader(data)
        s = io.NewSectionReader(r, off, n)
        buf = bytearray(bufLen)
        got_n, err = s.ReadAt(buf, at)
        assert got_n == len(exp) and buf[:got_n].decode() == exp and err is werr, i
        assert s.Outer() == (r, off, n), i


def test_SectionReader_Seek() -> None:
    """SectionReader's Seek behaves like bytes.Reader's."""
    br = StringsReader(b"foo")
    sr = io.NewSectionReader(br, 0, 3)
    for whence in (io.SeekStart, io.SeekCurrent, io.SeekEnd):
        for offset in range(-3, 5):
            brOff, brErr = br.Seek(offset, whence)
            srOff, srErr = sr.Seek(offset, whence)
            assert (brErr is not None) == (srErr is not None) and brOff == srOff, (whence, offset)
    assert sr.Seek(100, io.SeekStart) == (100, None)
    assert sr.Read(bytearray(10)) == (0, io.EOF)
    assert sr.Seek(0, 7) == (0, io.errWhence)
    assert sr.Seek(-1, io.SeekStart) == (0, io.errOffset)


def test_SectionReader_Size() -> None:
    for data, want in (("a long sample data, 1234567890", 30), ("", 0)):
        sr = io.NewSectionReader(StringsReader(data), 0, len(data))
        assert sr.Size() == want


def test_SectionReader_Max() -> None:
    r = StringsReader("abcdef")
    maxint64 = (1 << 63) - 1
    sr = io.NewSectionReader(r, 3, maxint64)
    assert sr.Read(bytearray(3)) == (3, None)
    assert sr.Read(bytearray(3)) == (0, io.EOF)
    assert sr.Outer() == (r, 3, maxint64)


class largeWriter:
    """Returns an impossible count (Go issue 39978)."""

    def __init__(self, err: error | None = None) -> None:
        self.err = err

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return len(p) + 1, self.err


def test_CopyLargeWriter() -> None:
    rb = Buffer()
    rb.WriteString("hello, world.")
    assert io.Copy(largeWriter(), rb)[1] is io.errInvalidWrite
    want = errors.New("largeWriterError")
    rb = Buffer()
    rb.WriteString("hello, world.")
    assert io.Copy(largeWriter(want), rb)[1] is want


def test_NopCloserWriterToForwarding() -> None:
    class readerWriterTo:
        def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
            return 0, io.EOF

        def WriteTo(self, w: io.Writer) -> tuple[int, error | None]:
            return 0, None

    for r in (onlyReader(Buffer()), readerWriterTo()):
        nc = io.NopCloser(r)
        assert isinstance(nc, io.WriterTo) == isinstance(r, io.WriterTo)
        assert isinstance(nc, io.ReadCloser)
        assert nc.Close() is None


def test_LimitReader() -> None:
    r = io.LimitReader(StringsReader("hello, world"), 5)
    buf = bytearray(10)
    assert r.Read(buf) == (5, None) and buf[:5] == b"hello"
    assert r.Read(buf) == (0, io.EOF)
    assert isinstance(r, io.LimitedReader) and r.N == 0
    data, err = io.ReadAll(io.LimitReader(StringsReader("abcdef"), 4))
    assert (data, err) == (b"abcd", None)


def test_ReadAll() -> None:
    big = bytes(range(256)) * 1000  # many chunk sizes
    data, err = io.ReadAll(onlyReader(StringsReader(big)))
    assert err is None and data == big
    assert io.ReadAll(StringsReader(b"")) == (b"", None)
    e = errors.New("boom")
    assert io.ReadAll(zeroErrReader(e)) == (b"\x00", e)


def test_Discard() -> None:
    assert io.Discard.Write(b"abc") == (3, None)
    assert io.Discard.WriteString("h\u00e9") == (3, None)  # UTF-8 bytes, as in Go
    assert isinstance(io.Discard, io.ReaderFrom)
    # Copy uses Discard.ReadFrom; EOF is not an error, other errors are.
    assert io.Copy(io.Discard, onlyReader(StringsReader(b"x" * 20000))) == (20000, None)
    e = errors.New("boom")
    assert io.Copy(io.Discard, zeroErrReader(e)) == (1, e)


def test_WriteString() -> None:
    b = Buffer()
    # Buffer has WriteString: used directly.
    assert io.WriteString(b, "héllo") == (6, None)

    class plain:
        got = b""

        def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
            self.got = bytes(p)
            return len(p), None

    w = plain()
    # One Write of the UTF-8 bytes; surrogateescape gives back undecodable bytes.
    s = b"\xff\xfeok".decode("utf-8", "surrogateescape")
    assert io.WriteString(w, s) == (4, None)
    assert w.got == b"\xff\xfeok"


def test_BadBuffers() -> None:
    """A []byte to fill must be writable; a []byte to send must be bytes-like (API.md)."""
    r = StringsReader("abc")
    for bad in (b"abc", None, "abc", memoryview(b"abc")):
        with pytest.raises(TypeError):
            io.ReadFull(r, bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            io.LimitReader(r, 3).Read(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            io.MultiReader(r).Read(bad)  # type: ignore[arg-type]
    for unsendable in (None, "abc", 3):
        with pytest.raises(TypeError):
            io.Discard.Write(unsendable)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            io.MultiWriter(Buffer()).Write(unsendable)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        io.WriteString(Buffer(), b"bytes")  # type: ignore[arg-type]
    # Writable buffers of other kinds are fine.
    import array

    a = array.array("B", b"...")
    assert io.ReadFull(StringsReader("xyz"), a) == (3, None)  # type: ignore[arg-type]
    assert a.tobytes() == b"xyz"


def test_ImpossibleReadCount() -> None:
    """A Read claiming more bytes than it was given raises Go's bounds panic."""

    class liar:
        def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
            return len(p) + 1, None

    with pytest.raises(rt.Error, match="slice bounds out of range"):
        io.Copy(Buffer(), liar())


def test_Protocols() -> None:
    """isinstance against the Protocols is Go's type assertion on method sets."""
    assert isinstance(BytesBuffer(), io.ReadWriter)
    assert isinstance(BytesBuffer(), io.WriterTo) and isinstance(BytesBuffer(), io.ReaderFrom)
    assert not isinstance(Buffer(), io.WriterTo)
    assert isinstance(Builder(), io.StringWriter)
    assert isinstance(StringsReader(""), io.ReaderAt) and isinstance(StringsReader(""), io.Seeker)
    pr, pw = io.Pipe()
    assert isinstance(pr, io.ReadCloser) and isinstance(pw, io.WriteCloser)
    assert not isinstance(pr, io.Writer)
    pr.Close()
    pw.Close()


# --- multi_test.go ----------------------------------------------------------------


def test_MultiReader() -> None:
    def withFooBar(reads: list[tuple[int, str, error | None]]) -> None:
        mr = io.MultiReader(StringsReader("foo "), StringsReader(""), StringsReader("bar"))
        buf = memoryview(bytearray(20))
        for nread, (size, expected, eerr) in enumerate(reads):
            n, gerr = mr.Read(buf[:size])
            assert n == len(expected), nread
            assert bytes(buf[:n]).decode() == expected, nread
            assert gerr is eerr, nread
            buf = buf[n:]

    withFooBar([(2, "fo", None), (5, "o ", None), (5, "bar", None), (5, "", io.EOF)])
    withFooBar([(4, "foo ", None), (1, "b", None), (3, "ar", None), (1, "", io.EOF)])
    withFooBar([(5, "foo ", None)])


def test_MultiReaderAsWriterTo() -> None:
    mr = io.MultiReader(
        StringsReader("foo "),
        io.MultiReader(StringsReader(""), StringsReader("bar")),  # tickle buffer reuse
    )
    assert isinstance(mr, io.WriterTo)
    sink = Builder()
    n, err = mr.WriteTo(sink)
    assert err is None and n == 7
    assert sink.String() == "foo bar"


class sha1Writer:
    def __init__(self) -> None:
        self.h = hashlib.sha1()

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        self.h.update(p)
        return len(p), None


class stringerWriter:
    """A bytes.Buffer seen only as Writer and Stringer (hides WriteString)."""

    def __init__(self, b: BytesBuffer) -> None:
        self.b = b

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return self.b.Write(p)

    def String(self) -> str:
        return self.b.String()


def _testMultiWriter(sink: Any) -> None:
    sha1 = sha1Writer()
    mw = io.MultiWriter(sha1, sink)
    sourceString = "My input text."
    written, err = io.Copy(mw, StringsReader(sourceString))
    assert written == len(sourceString)
    assert err is None
    assert sha1.h.hexdigest() == "01cb303fa8c30a64123067c5aa6284ba7ec2d31b"
    assert sink.String() == sourceString


def test_MultiWriter() -> None:
    _testMultiWriter(stringerWriter(BytesBuffer()))


def test_MultiWriter_String() -> None:
    _testMultiWriter(BytesBuffer())


class writeStringChecker:
    called = False

    def WriteString(self, s: str) -> tuple[int, error | None]:
        self.called = True
        return len(s), None

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return len(p), None


def test_MultiWriter_StringCheckCall() -> None:
    c = writeStringChecker()
    mw = io.MultiWriter(c)
    io.WriteString(mw, "foo")
    assert c.called, "did not see WriteString call to writeStringChecker"


def test_MultiWriter_WriteStringMixed() -> None:
    """WriteString goes to WriteString where a writer has it, to Write elsewhere."""
    a, b = Builder(), stringerWriter(BytesBuffer())
    mw = io.MultiWriter(a, b)
    assert io.WriteString(mw, "h\u00e9") == (3, None)
    assert a.String() == "h\u00e9" and b.String() == "h\u00e9"


def _depth() -> int:
    """How many frames are below the caller's, inclusive (Go's len(runtime.Callers))."""
    f = sys._getframe(1)
    d = 0
    while f is not None:
        d += 1
        f = f.f_back  # type: ignore[assignment]
    return d


class writerFunc:
    def __init__(self, f: Any) -> None:
        self.f = f

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        res: tuple[int, error | None] = self.f(p)
        return res


class readerFunc:
    def __init__(self, f: Any) -> None:
        self.f = f

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        res: tuple[int, error | None] = self.f(p)
        return res


def test_MultiWriterSingleChainFlatten() -> None:
    myDepth = _depth()
    depths: list[int] = []

    def f(p: io.BytesLike) -> tuple[int, error | None]:
        depths.append(_depth())
        return 0, None

    w = io.MultiWriter(writerFunc(f))
    mw = w
    for _ in range(100):
        mw = io.MultiWriter(w)
    mw = io.MultiWriter(w, mw, w, mw)
    mw.Write(b"")
    # multiWriter.Write, writerFunc.Write and f itself: no nesting left.
    assert depths == [myDepth + 3] * 4, "multiWriter did not flatten chained multiWriters"


def test_MultiWriterError() -> None:
    def f1(p: io.BytesLike) -> tuple[int, error | None]:
        return len(p) // 2, io.ErrShortWrite

    def f2(p: io.BytesLike) -> tuple[int, error | None]:
        raise AssertionError("MultiWriter called f2.Write")

    w = io.MultiWriter(writerFunc(f1), writerFunc(f2))
    assert w.Write(bytes(100)) == (50, io.ErrShortWrite)


def test_MultiReaderCopy() -> None:
    """MultiReader copies its argument list."""
    readers: list[io.Reader] = [StringsReader("hello world")]
    r = io.MultiReader(*readers)
    readers[0] = None  # type: ignore[call-overload]
    assert io.ReadAll(r) == (b"hello world", None)


def test_MultiWriterCopy() -> None:
    buf = Builder()
    writers: list[io.Writer] = [buf]
    w = io.MultiWriter(*writers)
    writers[0] = None  # type: ignore[call-overload]
    assert w.Write(b"hello world") == (11, None)
    assert buf.String() == "hello world"


def test_MultiReaderFlatten() -> None:
    myDepth = _depth()
    depths: list[int] = []

    def f(p: io.WritableBuffer) -> tuple[int, error | None]:
        depths.append(_depth())
        return 0, errors.New("irrelevant")

    r: io.Reader = io.MultiReader(readerFunc(f))
    for _ in range(100):
        r = io.MultiReader(r)
    r.Read(bytearray())
    # multiReader.Read, readerFunc.Read and f itself.
    assert depths == [myDepth + 3], "multiReader did not flatten chained multiReaders"


class byteAndEOFReader:
    """Reads one byte and EOF in the same call."""

    def __init__(self, b: int) -> None:
        self.b = b

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if len(p) == 0:
            raise AssertionError("unexpected call")
        p[0] = self.b
        return 1, io.EOF


def test_MultiReaderSingleByteWithEOF() -> None:
    """Used to yield bytes forever (Go issue 16795)."""
    got, err = io.ReadAll(
        io.LimitReader(io.MultiReader(byteAndEOFReader(ord("a")), byteAndEOFReader(ord("b"))), 10)
    )
    assert err is None and got == b"ab"


def test_MultiReaderFinalEOF() -> None:
    """(n, EOF) from the last reader stays (n, EOF), not (n, None) then (0, EOF)."""
    r = io.MultiReader(StringsReader(b""), byteAndEOFReader(ord("a")))
    assert r.Read(bytearray(2)) == (1, io.EOF)


def test_MultiReaderFreesExhaustedReaders() -> None:
    closed: list[bool] = []

    def make() -> io.Reader:
        buf1 = StringsReader(b"foo")
        buf2 = StringsReader(b"bar")
        weakref.finalize(buf1, closed.append, True)
        return io.MultiReader(buf1, buf2)

    mr = make()
    buf = bytearray(4)
    assert io.ReadFull(mr, buf) == (4, None) and buf == b"foob"
    gc.collect()
    assert closed == [True], "buf1 was not collected"
    assert io.ReadFull(mr, memoryview(buf)[:2]) == (2, None) and buf[:2] == b"ar"


def test_InterleavedMultiReader() -> None:
    r1 = StringsReader("123")
    r2 = StringsReader("45678")
    mr1 = io.MultiReader(r1, r2)
    mr2 = io.MultiReader(mr1)
    buf = bytearray(4)
    # mr2 takes over mr1's reader list, drains r1 and part of r2.
    n, err = io.ReadFull(mr2, buf)
    assert (bytes(buf[:n]), err) == (b"1234", None)
    # mr1 must still work (and not trip over the slot mr2 cleared).
    n, err = io.ReadFull(mr1, buf)
    assert (bytes(buf[:n]), err) == (b"5678", None)


# --- pipe_test.go -------------------------------------------------------------------


def checkWrite(w: io.Writer, data: bytes, c: rt.hchan[int]) -> None:
    n, err = w.Write(data)
    assert err is None, f"write: {err}"
    assert n == len(data), f"short write: {n} != {len(data)}"
    c.send(0)


def test_Pipe1() -> None:
    """A single read/write pair."""

    def main() -> None:
        c: rt.hchan[int] = rt.chan()
        r, w = io.Pipe()
        buf = bytearray(64)
        rt.go(checkWrite, w, b"hello, world", c)
        n, err = r.Read(buf)
        assert err is None
        assert n == 12 and buf[:12] == b"hello, world"
        c.recv()
        r.Close()
        w.Close()

    rt.run(main)


def reader(r: io.Reader, c: rt.hchan[int]) -> None:
    buf = bytearray(64)
    while True:
        n, err = r.Read(buf)
        if err is io.EOF:
            c.send(0)
            break
        assert err is None, f"read: {err}"
        c.send(n)


def test_Pipe2() -> None:
    """A sequence of read/write pairs."""

    def main() -> None:
        c: rt.hchan[int] = rt.chan()
        r, w = io.Pipe()
        rt.go(reader, r, c)
        buf = bytearray(64)
        for i in range(5):
            p = memoryview(buf)[: 5 + i * 10]
            n, err = w.Write(p)
            assert n == len(p) and err is None
            assert c.recv() == n
        w.Close()
        assert c.recv() == 0

    rt.run(main)


def writer(w: io.WriteCloser, buf: bytes, c: rt.hchan[tuple[int, error | None]]) -> None:
    n, err = w.Write(buf)
    w.Close()
    c.send((n, err))


def test_Pipe3() -> None:
    """A large write that takes several reads."""

    def main() -> None:
        c: rt.hchan[tuple[int, error | None]] = rt.chan()
        r, w = io.Pipe()
        wdat = bytes(range(128))
        rt.go(writer, w, wdat, c)
        rdat = bytearray(1024)
        tot = 0
        n = 1
        while n <= 256:
            nn, err = r.Read(memoryview(rdat)[tot : tot + n])
            assert err is None or err is io.EOF, f"read: {err}"
            # Only the final two reads are short: 1 byte, then 0.
            expect = n
            if n == 128:
                expect = 1
            elif n == 256:
                expect = 0
                assert err is io.EOF, f"read at end: {err}"
            assert nn == expect, f"read {n}, expected {expect}, got {nn}"
            tot += nn
            n *= 2
        assert c.recv() == (128, None)
        assert tot == 128
        assert rdat[:128] == wdat

    rt.run(main)


pipeTests: list[tuple[bool, error | None, bool]] = [
    # async, err, closeWithError
    (True, None, False),
    (True, None, True),
    (True, io.ErrShortWrite, True),
    (False, None, False),
    (False, None, True),
    (False, io.ErrShortWrite, True),
]


def delayClose(cl: Any, ch: rt.hchan[int], tt: tuple[bool, error | None, bool]) -> None:
    time.Sleep(1 * time.Millisecond)
    _, terr, closeWithError = tt
    err = cl.CloseWithError(terr) if closeWithError else cl.Close()
    assert err is None, f"delayClose: {err}"
    ch.send(0)


def test_PipeReadClose() -> None:
    """Read after (or while) the writer closes."""

    def main() -> None:
        for tt in pipeTests:
            c: rt.hchan[int] = rt.chan(1)
            r, w = io.Pipe()
            if tt[0]:
                rt.go(delayClose, w, c, tt)
            else:
                delayClose(w, c, tt)
            n, err = r.Read(bytearray(64))
            c.recv()
            want = tt[1] if tt[1] is not None else io.EOF
            assert err is want, f"read from closed pipe: {err} want {want} ({tt})"
            assert n == 0
            assert r.Close() is None

    rt.run(main)


def test_PipeReadClose2() -> None:
    """Close of the read side during a Read."""

    def main() -> None:
        c: rt.hchan[int] = rt.chan(1)
        r, _ = io.Pipe()
        rt.go(delayClose, r, c, (False, None, False))
        n, err = r.Read(bytearray(64))
        c.recv()
        assert (n, err) == (0, io.ErrClosedPipe)

    rt.run(main)


def test_PipeWriteClose() -> None:
    """Write after (or while) the reader closes."""

    def main() -> None:
        for tt in pipeTests:
            c: rt.hchan[int] = rt.chan(1)
            r, w = io.Pipe()
            if tt[0]:
                rt.go(delayClose, r, c, tt)
            else:
                delayClose(r, c, tt)
            n, err = io.WriteString(w, "hello, world")
            c.recv()
            expect = tt[1] if tt[1] is not None else io.ErrClosedPipe
            assert err is expect, f"write on closed pipe: {err} want {expect} ({tt})"
            assert n == 0
            assert w.Close() is None

    rt.run(main)


def test_PipeWriteClose2() -> None:
    """Close of the write side during a Write."""

    def main() -> None:
        c: rt.hchan[int] = rt.chan(1)
        _, w = io.Pipe()
        rt.go(delayClose, w, c, (False, None, False))
        n, err = w.Write(bytes(64))
        c.recv()
        assert (n, err) == (0, io.ErrClosedPipe)

    rt.run(main)


def test_WriteEmpty() -> None:
    def main() -> None:
        r, w = io.Pipe()
        done: rt.hchan[int] = rt.chan()

        def g() -> None:
            assert w.Write(b"") == (0, None)  # an empty write still meets a Read
            w.Close()
            done.send(0)

        rt.go(g)
        b = bytearray(2)
        assert io.ReadFull(r, b) == (0, io.EOF)
        r.Close()
        done.recv()

    rt.run(main)


def test_WriteNil() -> None:
    """Go's nil slice is b"" here; None itself is a TypeError (API.md)."""

    def main() -> None:
        r, w = io.Pipe()
        done: rt.hchan[int] = rt.chan()

        def g() -> None:
            with pytest.raises(TypeError):
                w.Write(None)  # type: ignore[arg-type]
            assert w.Write(bytearray()) == (0, None)
            w.Close()
            done.send(0)

        rt.go(g)
        b = bytearray(2)
        assert io.ReadFull(r, b) == (0, io.EOF)
        r.Close()
        done.recv()

    rt.run(main)


def test_WriteAfterWriterClose() -> None:
    def main() -> None:
        r, w = io.Pipe()
        done: rt.hchan[bool] = rt.chan()
        writeErr: list[error | None] = []

        def g() -> None:
            _, err = w.Write(b"hello")
            assert err is None, f"got error: {err}; expected none"
            w.Close()
            _, e2 = w.Write(b"world")
            writeErr.append(e2)
            done.send(True)

        with r:
            rt.go(g)
            buf = bytearray(100)
            n, err = io.ReadFull(r, buf)
            assert err is None or err is io.ErrUnexpectedEOF
            result = buf[:n]
            done.recv()
        assert result == b"hello"
        assert writeErr == [io.ErrClosedPipe]

    rt.run(main)


def test_PipeCloseError() -> None:
    class testError1(Exception):
        def Error(self) -> str:
            return "testError1"

    class testError2(Exception):
        def Error(self) -> str:
            return "testError2"

    def main() -> None:
        r, w = io.Pipe()
        e1 = testError1()
        assert r.CloseWithError(e1) is None
        assert w.Write(b"")[1] is e1
        r.CloseWithError(testError2())
        assert w.Write(b"")[1] is e1, "the first close error sticks"

        r, w = io.Pipe()
        w.CloseWithError(e1)
        assert r.Read(bytearray())[1] is e1
        w.CloseWithError(testError2())
        assert r.Read(bytearray())[1] is e1, "the first close error sticks"

    rt.run(main)


def test_PipeConcurrent_Write() -> None:
    """Each Write is delivered whole even when it takes several Reads."""
    inp, count, readSize = b"0123456789abcdef", 8, 2

    def main() -> None:
        r, w = io.Pipe()
        wg_done: rt.hchan[int] = rt.chan(count)

        def g() -> None:
            time.Sleep(time.Millisecond)  # raise the chance of a race
            assert w.Write(inp) == (len(inp), None)
            wg_done.send(0)

        for _ in range(count):
            rt.go(g)
        buf = bytearray(count * len(inp))
        for i in range(0, len(buf), readSize):
            assert r.Read(memoryview(buf)[i : i + readSize]) == (readSize, None)
        for _ in range(count):
            wg_done.recv()
        assert buf == inp * count

    rt.run(main)


def test_PipeWritesAreWhole() -> None:
    """wrMu: a second writer waits for the first Write to be consumed entirely.

    Deterministic version of the race above: both writers are waiting before
    the first short Read, so without the lock the second writer would be
    queued on wrCh ahead of the first one's remainder.
    """

    def main() -> bytes:
        r, w = io.Pipe()
        done: rt.hchan[int] = rt.chan(2)

        def g(data: bytes) -> None:
            assert w.Write(data) == (len(data), None)
            done.send(0)

        rt.go(g, b"AAAAAAAA")
        rt.go(g, b"BBBBBBBB")
        time.Sleep(time.Millisecond)  # both writers now wait: in the send queue, or on wrMu
        buf = bytearray(16)
        for i in range(0, 16, 2):
            assert r.Read(memoryview(buf)[i : i + 2]) == (2, None)
        done.recv()
        done.recv()
        return bytes(buf)

    assert rt.run(main) in (b"AAAAAAAABBBBBBBB", b"BBBBBBBBAAAAAAAA")


def test_PipeConcurrent_Read() -> None:
    """Concurrent Reads each get readSize bytes; together a permutation of the input."""
    inp, count, readSize = b"0123456789abcdef", 8, 2

    def main() -> None:
        r, w = io.Pipe()
        n = count * len(inp) // readSize
        c: rt.hchan[bytes] = rt.chan(n)

        def g() -> None:
            time.Sleep(time.Millisecond)
            buf = bytearray(readSize)
            assert r.Read(buf) == (readSize, None)
            c.send(bytes(buf))

        for _ in range(n):
            rt.go(g)
        for _ in range(count):
            assert w.Write(inp) == (len(inp), None)
        got = sorted(c.recv() for _ in range(n))
        want = sorted([inp[i : i + readSize] for i in range(0, len(inp), readSize)] * count)
        assert got == want

    rt.run(main)


def test_PipeParksGoroutines() -> None:
    """A blocked pipe Read parks its goroutine (the thread keeps running others)."""

    def main() -> list[str]:
        r, w = io.Pipe()
        events: list[str] = []
        done: rt.hchan[int] = rt.chan()

        def rd() -> None:
            buf = bytearray(8)
            events.append("read start")
            n, _ = r.Read(buf)
            events.append("read " + buf[:n].decode())
            done.send(0)

        rt.go(rd)
        time.Sleep(time.Millisecond)
        events.append("main runs while reader waits")
        assert rt.NumGoroutine() == 2
        w.Write(b"hi")
        done.recv()
        return events

    assert rt.run(main) == ["read start", "main runs while reader waits", "read hi"]


def test_PipeClosedOutsideRun() -> None:
    """Operations that never wait work outside rt.run: on a closed pipe they just fail."""
    r, w = io.Pipe()
    with r, w:
        pass
    assert r.Read(bytearray(4)) == (0, io.ErrClosedPipe)
    assert w.Write(b"x") == (0, io.ErrClosedPipe)


def test_PortIntArgumentTypes() -> None:
    """Go's int and int64 parameters: a str, float or bool is a TypeError naming the call.

    Before, ``LimitReader(r, 1.5)`` failed later inside Read with the
    interpreter's "slice indices must be integers", and ``CopyN(w, r, "5")``
    with a comparison error from deep inside.
    """
    src = StringsReader("hello")
    for bad in ("5", 1.5, True, None):
        calls: list[tuple[str, str, Any]] = [
            ("io.CopyN", "n", lambda b: io.CopyN(Buffer(), src, b)),
            ("io.LimitReader", "n", lambda b: io.LimitReader(src, b)),
            ("io.ReadAtLeast", "min", lambda b: io.ReadAtLeast(src, bytearray(4), b)),
            ("io.NewSectionReader", "off", lambda b: io.NewSectionReader(src, b, 1)),
            ("io.NewSectionReader", "n", lambda b: io.NewSectionReader(src, 0, b)),
        ]
        for who, name, call in calls:
            with pytest.raises(TypeError) as exc:
                call(bad)
            assert str(exc.value) == f"{who}: {name} must be an int, not {type(bad).__name__}"
    sr = io.NewSectionReader(src, 0, 5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^io\.SectionReader\.Seek: offset must be an int"):
        sr.Seek(1.5, io.SeekStart)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^io\.SectionReader\.Seek: whence must be an int"):
        sr.Seek(0, "start")  # type: ignore[arg-type]
    out = Buffer()
    assert io.CopyN(out, src, 5) == (5, None)


def test_PortCopyIgnoresPacketReadWrite() -> None:
    """Go's src.(WriterTo)/dst.(ReaderFrom) match signatures; net's packet conns opt out.

    A class with ``packetReadWrite = True`` (UDPConn, UnixConn, IPConn) has
    PacketConn's ReadFrom(b)/WriteTo(b, addr), which io.Copy, NopCloser and
    bufio must not call as io.ReaderFrom/WriterTo; they use Read and Write.
    """
    class packetish:
        packetReadWrite = True

        def __init__(self, data: bytes) -> None:
            self.data = bytearray(data)
            self.got = bytearray()

        def Read(self, b: bytearray) -> tuple[int, error | None]:
            if not self.data:
                return 0, io.EOF
            n = min(len(b), len(self.data))
            b[:n] = self.data[:n]
            del self.data[:n]
            return n, None

        def Write(self, b: bytes) -> tuple[int, error | None]:
            self.got += b
            return len(b), None

        def ReadFrom(self, b: bytearray) -> tuple[int, object, error | None]:
            raise AssertionError("packet ReadFrom called as io.ReaderFrom")

        def WriteTo(self, b: bytes, addr: object) -> tuple[int, error | None]:
            raise AssertionError("packet WriteTo called as io.WriterTo")

    src, dst = packetish(b"hello, packets"), packetish(b"")
    assert io.asWriterTo(src) is None and io.asReaderFrom(dst) is None
    assert io.Copy(dst, src) == (14, None)
    assert dst.got == b"hello, packets"
    assert not isinstance(io.NopCloser(packetish(b"")), io.WriterTo)
    b = io.Discard
    assert io.asReaderFrom(b) is not None  # an ordinary ReaderFrom still counts
