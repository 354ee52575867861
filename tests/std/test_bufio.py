"""bufio's bufio_test.go and scan_test.go, ported; plus the Python-side contract.

testing/iotest's readers are defined here, the bytes/strings stand-ins in
standins.py;
Go's export_test.go hooks are module attributes (``bufio.isSpace``,
``bufio.defaultBufSize``, ``Scanner.maxTokenSize``, ``Scanner.err``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

import rt
from rt.panic import Panic
from std import bufio, errors, io, time
from std.errors import error
from tests.std.standins import Builder, BytesBuffer, StringsReader, onlyReader, onlyWriter

minReadBufferSize = 16

# --- stand-ins: testing/iotest -----------------------------------------------------


ErrTimeout = errors.New("timeout")
"""testing/iotest.ErrTimeout."""


class OneByteReader:
    """testing/iotest.OneByteReader."""

    def __init__(self, r: io.Reader) -> None:
        self.r = r

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if len(p) == 0:
            return 0, None
        return self.r.Read(memoryview(p)[:1])


class HalfReader:
    """testing/iotest.HalfReader."""

    def __init__(self, r: io.Reader) -> None:
        self.r = r

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return self.r.Read(memoryview(p)[: (len(p) + 1) // 2])


class DataErrReader:
    """testing/iotest.DataErrReader: the final error comes with the last data."""

    def __init__(self, r: io.Reader) -> None:
        self.r = r
        self.data = bytearray(1024)
        self.unread = b""

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        n = 0
        err: error | None = None
        while True:
            if not self.unread:
                n1, err = self.r.Read(self.data)
                self.unread = bytes(self.data[:n1])
            if n > 0 or err is not None:
                break
            n = min(len(p), len(self.unread))
            p[:n] = self.unread[:n]
            self.unread = self.unread[n:]
        return n, err


class TimeoutReader:
    """testing/iotest.TimeoutReader: the second read fails with ErrTimeout."""

    def __init__(self, r: io.Reader) -> None:
        self.r = r
        self.count = 0

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        self.count += 1
        if self.count == 2:
            return 0, ErrTimeout
        return self.r.Read(p)


# --- bufio_test.go ------------------------------------------------------------------


class rot13Reader:
    def __init__(self, r: io.Reader) -> None:
        self.r = r

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        n, err = self.r.Read(p)
        for i in range(n):
            c = p[i] | 0x20  # lowercase
            if ord("a") <= c <= ord("m"):
                p[i] += 13
            elif ord("n") <= c <= ord("z"):
                p[i] -= 13
        return n, err


def readBytes(buf: bufio.Reader) -> str:
    """ReadByte until EOF."""
    b = bytearray()
    while True:
        c, err = buf.ReadByte()
        if err is io.EOF:
            break
        if err is None:
            b.append(c)
        elif err is not ErrTimeout:
            raise AssertionError("Data: " + err.Error())
    return b.decode()


def test_ReaderSimple() -> None:
    data = "hello world"
    assert readBytes(bufio.NewReader(StringsReader(data))) == "hello world"
    assert readBytes(bufio.NewReader(rot13Reader(StringsReader(data)))) == "uryyb jbeyq"


readMakers: list[tuple[str, Callable[[io.Reader], io.Reader]]] = [
    ("full", lambda r: r),
    ("byte", OneByteReader),
    ("half", HalfReader),
    ("data+err", DataErrReader),
    ("timeout", TimeoutReader),
]


def readLines(b: bufio.Reader) -> str:
    """ReadString('\\n') until EOF (exercises nearly everything else)."""
    s = ""
    while True:
        s1, err = b.ReadString(ord("\n"))
        if err is io.EOF:
            break
        if err is not None and err is not ErrTimeout:
            raise AssertionError("GetLines: " + err.Error())
        s += s1
    return s


def reads(buf: bufio.Reader, m: int) -> str:
    """Read m bytes at a time until EOF."""
    b = memoryview(bytearray(1000))
    nb = 0
    while True:
        n, err = buf.Read(b[nb : nb + m])
        nb += n
        if err is io.EOF:
            break
    return bytes(b[:nb]).decode()


bufreaders: list[tuple[str, Callable[[bufio.Reader], str]]] = [
    ("1", lambda b: reads(b, 1)),
    ("2", lambda b: reads(b, 2)),
    ("3", lambda b: reads(b, 3)),
    ("4", lambda b: reads(b, 4)),
    ("5", lambda b: reads(b, 5)),
    ("7", lambda b: reads(b, 7)),
    ("bytes", readBytes),
    ("lines", readLines),
]

bufsizes = [0, minReadBufferSize, 23, 32, 46, 64, 93, 128, 1024, 4096]


def test_Reader() -> None:
    """Every text x every reader shape x every way of reading x every buffer size."""
    texts: list[str] = []
    s = ""
    alltext = ""
    for i in range(30):
        texts.append(s + "\n")
        alltext += texts[i]
        s += chr(i % 26 + ord("a"))
    texts.append(alltext)
    for h in range(len(texts)):
        text = texts[h]
        for rname, rfn in readMakers:
            for bname, bfn in bufreaders:
                for bufsize in bufsizes:
                    buf = bufio.NewReaderSize(rfn(StringsReader(text)), bufsize)
                    got = bfn(buf)
                    assert got == text, (rname, bname, bufsize)


class zeroReader:
    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return 0, None


def test_ZeroReader() -> None:
    def main() -> None:
        r = bufio.NewReader(zeroReader())
        c: rt.hchan[error | None] = rt.chan()

        def g() -> None:
            _, err = r.ReadByte()
            c.send(err)

        rt.go(g)
        i, err, _ = rt.select(rt.recv(c), rt.recv(time.After(time.Second)))
        assert i == 0, "test timed out (endless loop in ReadByte?)"
        assert err is io.ErrNoProgress

    rt.run(main)


class StringReader:
    """Delivers its data one segment per Read."""

    def __init__(self, data: list[bytes]) -> None:
        self.data = data
        self.step = 0

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if self.step < len(self.data):
            s = self.data[self.step]
            n = min(len(p), len(s))
            p[:n] = s[:n]
            self.step += 1
            return n, None
        return 0, io.EOF


segmentList: list[list[bytes]] = [
    [],
    [b""],
    ["日".encode(), "本語".encode()],
    ["\u65e5".encode(), "\u672c".encode(), "\u8a9e".encode()],
    ["\U000065e5".encode(), "\U0000672c".encode(), "\U00008a9e".encode()],
    [b"\xe6", b"\x97\xa5\xe6", b"\x9c\xac\xe8\xaa\x9e"],
    [b"Hello", b", ", b"World", b"!"],
    [b"Hello", b", ", b"", b"World", b"!"],
]


def test_ReadRune() -> None:
    for segments in segmentList:
        want = b"".join(segments).decode()
        r = bufio.NewReader(StringReader(segments))
        got = ""
        while True:
            rn, _, err = r.ReadRune()
            if err is not None:
                assert err is io.EOF
                break
            got += chr(rn)
        assert got == want, segments


def test_ReadRuneInvalidDoesNotWait() -> None:
    """An encoding already known to be invalid is reported without reading more (utf8.FullRune)."""
    for data in (b"\xf0\x90A", b"\xe0\x80", b"\xf4\x90"):

        def once(p: io.WritableBuffer, data: bytes = data) -> tuple[int, error | None]:
            p[: len(data)] = data
            return len(data), None

        r = bufio.NewReader(scriptedReader(once))  # a second Read fails the test
        assert r.ReadRune() == (bufio.RuneError, 1, None), data


def test_UnreadRune() -> None:
    segments = [b"Hello, world:", "日本語".encode()]
    r = bufio.NewReader(StringReader(segments))
    got = ""
    while True:
        r1, _, err = r.ReadRune()
        if err is not None:
            assert err is io.EOF
            break
        got += chr(r1)
        # Put it back and read it again.
        assert r.UnreadRune() is None
        r2, _, err = r.ReadRune()
        assert err is None
        assert r1 == r2
    assert got == b"".join(segments).decode()


def test_NoUnreadRuneAfterPeek() -> None:
    br = bufio.NewReader(StringsReader("example"))
    br.ReadRune()
    br.Peek(1)
    assert br.UnreadRune() is bufio.ErrInvalidUnreadRune


def test_NoUnreadByteAfterPeek() -> None:
    br = bufio.NewReader(StringsReader("example"))
    br.ReadByte()
    br.Peek(1)
    assert br.UnreadByte() is bufio.ErrInvalidUnreadByte


def test_NoUnreadRuneAfterDiscard() -> None:
    br = bufio.NewReader(StringsReader("example"))
    br.ReadRune()
    br.Discard(1)
    assert br.UnreadRune() is bufio.ErrInvalidUnreadRune


def test_NoUnreadByteAfterDiscard() -> None:
    br = bufio.NewReader(StringsReader("example"))
    br.ReadByte()
    br.Discard(1)
    assert br.UnreadByte() is bufio.ErrInvalidUnreadByte


def test_NoUnreadRuneAfterWriteTo() -> None:
    br = bufio.NewReader(StringsReader("example"))
    br.WriteTo(io.Discard)
    assert br.UnreadRune() is not None


def test_NoUnreadByteAfterWriteTo() -> None:
    br = bufio.NewReader(StringsReader("example"))
    br.WriteTo(io.Discard)
    assert br.UnreadByte() is not None


def test_UnreadByte() -> None:
    segments = [b"Hello, ", b"world"]
    r = bufio.NewReader(StringReader(segments))
    got = bytearray()
    while True:
        b1, err = r.ReadByte()
        if err is not None:
            assert err is io.EOF
            break
        got.append(b1)
        assert r.UnreadByte() is None
        b2, err = r.ReadByte()
        assert err is None and b1 == b2
    assert got == b"".join(segments)


def test_UnreadByteMultiple() -> None:
    segments = [b"Hello, ", b"world"]
    data = b"".join(segments)
    for n in range(len(data) + 1):
        r = bufio.NewReader(StringReader(segments))
        for i in range(n):
            b, err = r.ReadByte()
            assert err is None and b == data[i], n
        if n > 0:
            assert r.UnreadByte() is None, n
        # Cannot unread any further.
        assert r.UnreadByte() is not None, n


def test_UnreadByteOthers() -> None:
    def readString(r: bufio.Reader, delim: int) -> tuple[bytes, error | None]:
        data, err = r.ReadString(delim)
        return data.encode(), err

    readers: list[Callable[[bufio.Reader, int], tuple[bytes, error | None]]] = [
        bufio.Reader.ReadBytes,
        bufio.Reader.ReadSlice,
        readString,
    ]
    for rno, read in enumerate(readers):
        n = 10
        buf = BytesBuffer(b"abcdefg" * n)  # longer than the minimum buffer size
        r = bufio.NewReaderSize(buf, minReadBufferSize)

        def readTo(
            delim: str, want: bytes, r: bufio.Reader = r, rno: int = rno, read: Any = read
        ) -> None:
            data, err = read(r, ord(delim))
            assert err is None, (rno, delim)
            assert data == want, rno

        for _ in range(n):
            readTo("d", b"abcd")
            for _ in range(3):
                assert r.UnreadByte() is None, rno
                readTo("d", b"d")
            readTo("g", b"efg")
        _, err = r.ReadByte()
        assert err is io.EOF, rno


def test_UnreadRuneError() -> None:
    """UnreadRune fails unless the previous operation was a ReadRune."""
    buf = bytearray(3)  # every rune here is 3 bytes
    r = bufio.NewReader(StringReader(["日本語日本語日本語".encode()]))
    assert r.UnreadRune() is not None, "expected error on UnreadRune from fresh buffer"
    assert r.ReadRune()[2] is None
    assert r.UnreadRune() is None
    assert r.UnreadRune() is not None, "expected error after UnreadRune (1)"
    # After Read.
    assert r.ReadRune()[2] is None
    assert r.Read(buf)[1] is None
    assert r.UnreadRune() is not None, "expected error after Read (2)"
    # After ReadByte.
    assert r.ReadRune()[2] is None
    for _ in buf:
        assert r.ReadByte()[1] is None
    assert r.UnreadRune() is not None, "expected error after ReadByte"
    # After UnreadByte.
    assert r.ReadRune()[2] is None
    assert r.ReadByte()[1] is None
    assert r.UnreadByte() is None
    assert r.UnreadRune() is not None, "expected error after UnreadByte (3)"
    # After ReadSlice.
    assert r.ReadRune()[2] is None
    assert r.ReadSlice(0)[1] is io.EOF
    assert r.UnreadRune() is not None, "expected error after ReadSlice (4)"


def test_UnreadRuneAtEOF() -> None:
    """UnreadRune/ReadRune at EOF is an error (it used to panic)."""
    r = bufio.NewReader(StringsReader("x"))
    r.ReadRune()
    r.ReadRune()
    r.UnreadRune()
    _, _, err = r.ReadRune()
    assert err is io.EOF


def test_ReadWriteRune() -> None:
    NRune = 1000
    byteBuf = BytesBuffer()
    w = bufio.NewWriter(byteBuf)
    for rn in range(NRune):
        size = len(chr(rn).encode())
        assert w.WriteRune(rn) == (size, None), rn
    w.Flush()
    r = bufio.NewReader(byteBuf)
    for r1 in range(NRune):
        size = len(chr(r1).encode())
        assert r.ReadRune() == (r1, size, None), r1


def test_WriteInvalidRune() -> None:
    """Invalid runes, negative ones included, are written as U+FFFD."""
    for rn in (-1, bufio.MaxRune + 1, 0xD800):
        buf = Builder()
        w = bufio.NewWriter(buf)
        w.WriteRune(rn)
        w.Flush()
        assert buf.String() == "\ufffd", rn


def test_WriteRuneStr() -> None:
    """A one-character str is accepted for a rune; longer ones are a TypeError."""
    buf = Builder()
    w = bufio.NewWriter(buf)
    assert w.WriteRune("é") == (2, None)
    assert w.WriteRune("x") == (1, None)
    w.Flush()
    assert buf.String() == "éx"
    with pytest.raises(TypeError):
        w.WriteRune("ab")


def test_Writer() -> None:
    data = bytes(ord(" ") + i % (ord("~") - ord(" ")) for i in range(8192))
    w = BytesBuffer()
    for nwrite in bufsizes:
        for bs in bufsizes:
            # Write nwrite bytes through a buffer of size bs; all must come out, in order.
            w.Reset()
            buf = bufio.NewWriterSize(w, bs)
            context = f"nwrite={nwrite} bufsize={bs}"
            assert buf.Write(data[:nwrite]) == (nwrite, None), context
            assert buf.Flush() is None, context
            assert w.Bytes() == data[:nwrite], context


def test_WriterAppend() -> None:
    """AvailableBuffer: fill (a prefix of) the free tail, then Write it.

    Go appends to a zero-length slice with spare capacity; here the view
    has the free bytes as its length (see bufio.Writer.AvailableBuffer).
    """
    got = BytesBuffer()
    want = bytearray()
    rn = random.Random(0)
    w = bufio.NewWriterSize(got, 64)
    for _ in range(100):
        b = w.AvailableBuffer()
        assert w.Available() == len(b)
        piece = str(rn.randrange(1 << rn.randrange(30))).encode() + b" "
        want += piece
        if len(piece) <= len(b):
            # While not recommended, writing from a shifted view is valid too.
            if rn.randrange(8) == 0 and len(piece) < len(b):
                b = b[1:]
            b[: len(piece)] = piece
            w.Write(b[: len(piece)])
        else:
            w.Write(piece)
    w.Flush()
    assert got.Bytes() == want


class errorWriterTest:
    def __init__(self, n: int, m: int, err: error | None, expect: error | None) -> None:
        self.n, self.m, self.err, self.expect = n, m, err, expect

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return len(p) * self.n // self.m, self.err


errorWriterTests = [
    errorWriterTest(0, 1, None, io.ErrShortWrite),
    errorWriterTest(1, 2, None, io.ErrShortWrite),
    errorWriterTest(1, 1, None, None),
    errorWriterTest(0, 1, io.ErrClosedPipe, io.ErrClosedPipe),
    errorWriterTest(1, 2, io.ErrClosedPipe, io.ErrClosedPipe),
    errorWriterTest(1, 1, io.ErrClosedPipe, io.ErrClosedPipe),
]


def test_WriteErrors() -> None:
    for w in errorWriterTests:
        buf = bufio.NewWriter(w)
        _, e = buf.Write(b"hello world")
        assert e is None
        # Two flushes: the error is sticky.
        for _ in range(2):
            assert buf.Flush() is w.expect
        # What a short write left unwritten stays buffered.
        assert buf.Buffered() == 11 - 11 * w.n // w.m


def test_NewReaderSizeIdempotent() -> None:
    BufSize = 1000
    b = bufio.NewReaderSize(StringsReader("hello world"), BufSize)
    assert bufio.NewReaderSize(b, BufSize) is b, "NewReaderSize did not detect underlying Reader"
    assert bufio.NewReaderSize(b, 2 * BufSize) is not b, "NewReaderSize did not enlarge buffer"


def test_NewWriterSizeIdempotent() -> None:
    BufSize = 1000
    b = bufio.NewWriterSize(BytesBuffer(), BufSize)
    assert bufio.NewWriterSize(b, BufSize) is b, "NewWriterSize did not detect underlying Writer"
    assert bufio.NewWriterSize(b, 2 * BufSize) is not b, "NewWriterSize did not enlarge buffer"


def test_WriteString() -> None:
    BufSize = 8
    buf = Builder()
    b = bufio.NewWriterSize(buf, BufSize)
    b.WriteString("0")  # easy
    b.WriteString("123456")  # still easy
    b.WriteString("7890")  # easy after flush
    b.WriteString("abcdefghijklmnopqrstuvwxy")  # hard
    b.WriteString("z")
    assert b.Flush() is None
    assert buf.String() == "01234567890abcdefghijklmnopqrstuvwxyz"


class teststringwriter:
    def __init__(self) -> None:
        self.write = ""
        self.writeString = ""

    def Write(self, b: io.BytesLike) -> tuple[int, error | None]:
        self.write += bytes(b).decode()
        return len(b), None

    def WriteString(self, s: str) -> tuple[int, error | None]:
        self.writeString += s
        return len(s.encode()), None

    def check(self, write: str, writeString: str) -> None:
        assert self.write == write
        assert self.writeString == writeString


def test_WriteStringStringWriter() -> None:
    BufSize = 8
    tw = teststringwriter()
    b = bufio.NewWriterSize(tw, BufSize)
    b.WriteString("1234")
    tw.check("", "")
    b.WriteString("56789012")  # longer than BufSize
    tw.check("12345678", "")  # but not enough (after filling the partly filled buffer)
    b.Flush()
    tw.check("123456789012", "")

    tw = teststringwriter()
    b = bufio.NewWriterSize(tw, BufSize)
    b.WriteString("123456789")  # long string, empty buffer:
    tw.check("", "123456789")  # use WriteString

    tw = teststringwriter()
    b = bufio.NewWriterSize(tw, BufSize)
    b.WriteString("abc")
    tw.check("", "")
    b.WriteString("123456789012345")  # long string, non-empty buffer
    tw.check("abc12345", "6789012345")  # Write, then WriteString for the rest

    tw = teststringwriter()
    b = bufio.NewWriterSize(tw, BufSize)
    b.Write(b"abc")  # the same, with Write first
    tw.check("", "")
    b.WriteString("123456789012345")
    tw.check("abc12345", "6789012345")


def test_WriteStringSplitsRune() -> None:
    """A forwarded rest that starts inside a multi-byte character still arrives byte-exact."""
    tw = Builder()
    b = bufio.NewWriterSize(tw, 8)
    b.WriteString("abcdefg")
    # "é" straddles the buffer's end: its second byte is in the forwarded rest.
    assert b.WriteString("é" * 10) == (20, None)
    b.Flush()
    assert tw.String() == "abcdefg" + "é" * 10


def test_BufferFull() -> None:
    longString = (
        "And now, hello, world! It is the time for all good men to come to the aid of their party"
    )
    buf = bufio.NewReaderSize(StringsReader(longString), minReadBufferSize)
    assert buf.ReadSlice(ord("!")) == (b"And now, hello, ", bufio.ErrBufferFull)
    assert buf.ReadSlice(ord("!")) == (b"world!", None)


def test_Peek() -> None:
    p = bytearray(10)
    # The string is 16 (minReadBufferSize) long.
    buf = bufio.NewReaderSize(StringsReader("abcdefghijklmnop"), minReadBufferSize)
    assert buf.Peek(1) == (b"a", None)
    assert buf.Peek(4) == (b"abcd", None)
    assert buf.Peek(-1)[1] is bufio.ErrNegativeCount
    assert buf.Peek(32) == (b"abcdefghijklmnop", bufio.ErrBufferFull)
    assert buf.Read(memoryview(p)[:3])[1] is None and p[:3] == b"abc"
    assert buf.Peek(1) == (b"d", None)
    assert buf.Peek(2) == (b"de", None)
    assert buf.Read(memoryview(p)[:3])[1] is None and p[:3] == b"def"
    assert buf.Peek(4) == (b"ghij", None)
    assert buf.Read(p)[1] is None and p == b"ghijklmnop"
    assert buf.Peek(0) == (b"", None)
    assert buf.Peek(1)[1] is io.EOF

    # Go issue 3022: a successful Peek does not expose the reader's error.
    buf = bufio.NewReaderSize(dataAndEOFReader(b"abcd"), 32)
    assert buf.Peek(2) == (b"ab", None)
    assert buf.Peek(4) == (b"abcd", None)
    n, err = buf.Read(memoryview(p)[:5])
    assert (bytes(p[:n]), err) == (b"abcd", None)
    n, err = buf.Read(memoryview(p)[:1])
    assert (n, err) == (0, io.EOF)


class dataAndEOFReader:
    def __init__(self, s: bytes) -> None:
        self.s = s

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        n = min(len(p), len(self.s))
        p[:n] = self.s[:n]
        return n, io.EOF


def test_PeekThenUnreadRune() -> None:
    """This sequence used to crash."""
    r = bufio.NewReader(StringsReader("x"))
    r.ReadRune()
    r.Peek(1)
    r.UnreadRune()
    assert r.ReadRune() == (0, 0, io.EOF)  # used to panic here


testOutput = b"0123456789abcdefghijklmnopqrstuvwxy"
testInput = b"012\n345\n678\n9ab\ncde\nfgh\nijk\nlmn\nopq\nrst\nuvw\nxy"
testInputrn = (
    b"012\r\n345\r\n678\r\n9ab\r\ncde\r\nfgh\r\nijk\r\nlmn\r\nopq\r\nrst\r\nuvw\r\nxy\r\n\n\r\n"
)


class testReader:
    """Wraps bytes and returns reads of a given stride."""

    def __init__(self, data: bytes, stride: int) -> None:
        self.data = data
        self.stride = stride

    def Read(self, buf: io.WritableBuffer) -> tuple[int, error | None]:
        n = min(self.stride, len(self.data), len(buf))
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n, io.EOF if not self.data else None


def _testReadLine(inp: bytes) -> None:
    for stride in range(1, 2):
        done = 0
        reader = testReader(inp, stride)
        lr = bufio.NewReaderSize(reader, len(inp) + 1)
        while True:
            line, isPrefix, err = lr.ReadLine()
            assert not (line and err is not None), "ReadLine returned both data and error"
            assert not isPrefix, "ReadLine returned prefix"
            if err is not None:
                assert err is io.EOF
                break
            assert testOutput[done : done + len(line)] == line, stride
            done += len(line)
        assert done == len(testOutput)


def test_ReadLine() -> None:
    _testReadLine(testInput)
    _testReadLine(testInputrn)


def test_LineTooLong() -> None:
    data = bytes(ord("0") + i % 10 for i in range(minReadBufferSize * 5 // 2))
    lr = bufio.NewReaderSize(StringsReader(data), minReadBufferSize)
    line, isPrefix, err = lr.ReadLine()
    assert isPrefix and line == data[:minReadBufferSize] and err is None
    data = data[len(line) :]
    line, isPrefix, err = lr.ReadLine()
    assert isPrefix and line == data[:minReadBufferSize] and err is None
    data = data[len(line) :]
    line, isPrefix, err = lr.ReadLine()
    assert not isPrefix and line == data[: minReadBufferSize // 2] and err is None
    line, isPrefix, err = lr.ReadLine()
    assert not isPrefix and err is not None


def test_ReadAfterLines() -> None:
    line1 = "this is line1"
    restData = "this is line2\nthis is line 3\n"
    inbuf = StringsReader(line1 + "\n" + restData)
    outbuf = Builder()
    maxLineLength = len(line1) + len(restData) // 2
    lr = bufio.NewReaderSize(inbuf, maxLineLength)
    line, isPrefix, err = lr.ReadLine()
    assert not isPrefix and err is None and line == line1.encode()
    n, err = io.Copy(outbuf, lr)
    assert n == len(restData) and err is None
    assert outbuf.String() == restData


def test_ReadEmptyBuffer() -> None:
    lr = bufio.NewReaderSize(BytesBuffer(), minReadBufferSize)
    assert lr.ReadLine() == (b"", False, io.EOF)


def test_LinesAfterRead() -> None:
    lr = bufio.NewReaderSize(StringsReader(b"foo"), minReadBufferSize)
    assert io.ReadAll(lr) == (b"foo", None)
    assert lr.ReadLine() == (b"", False, io.EOF)


def test_ReadLineNonNilLineOrError() -> None:
    r = bufio.NewReader(StringsReader("line 1\n"))
    for _ in range(2):
        line, _, err = r.ReadLine()
        assert not (line and err is not None)


readLineNewlinesTests: list[tuple[str, list[tuple[bytes, bool, error | None]]]] = [
    (
        "012345678901234\r\n012345678901234\r\n",
        [
            (b"012345678901234", True, None),
            (b"", False, None),
            (b"012345678901234", True, None),
            (b"", False, None),
            (b"", False, io.EOF),
        ],
    ),
    (
        "0123456789012345\r012345678901234\r",
        [
            (b"0123456789012345", True, None),
            (b"\r012345678901234", True, None),
            (b"\r", False, None),
            (b"", False, io.EOF),
        ],
    ),
]


def test_ReadLineNewlines() -> None:
    for inp, expect in readLineNewlinesTests:
        b = bufio.NewReaderSize(StringsReader(inp), minReadBufferSize)
        for i, (eline, eprefix, eerr) in enumerate(expect):
            line, isPrefix, err = b.ReadLine()
            assert line == eline, (inp, i)
            assert isPrefix == eprefix, (inp, i)
            assert err is eerr, (inp, i)


def createTestInput(n: int) -> bytes:
    out = bytearray(n)
    for i in range(n):
        # 101 and 251 are primes: a sequence that rarely repeats.
        out[i] = i % 251
        if i % 101 == 0:
            out[i] ^= (i // 101) & 0xFF
    return bytes(out)


def test_ReaderWriteTo() -> None:
    inp = createTestInput(8192)
    r = bufio.NewReader(onlyReader(StringsReader(inp)))
    w = BytesBuffer()
    assert r.WriteTo(w) == (len(inp), None)
    assert w.Bytes() == inp


class errorWriterToTest:
    def __init__(self, rn: int, wn: int, rerr: error | None, werr: error | None,
                 expected: error | None) -> None:
        self.rn, self.wn, self.rerr, self.werr, self.expected = rn, wn, rerr, werr, expected

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return len(p) * self.rn, self.rerr

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return len(p) * self.wn, self.werr


def test_ReaderWriteToErrors() -> None:
    tests = [
        errorWriterToTest(1, 0, None, io.ErrClosedPipe, io.ErrClosedPipe),
        errorWriterToTest(0, 1, io.ErrClosedPipe, None, io.ErrClosedPipe),
        errorWriterToTest(0, 0, io.ErrUnexpectedEOF, io.ErrClosedPipe, io.ErrUnexpectedEOF),
        errorWriterToTest(0, 1, io.EOF, None, None),
    ]
    for i, rw in enumerate(tests):
        r = bufio.NewReader(rw)
        assert r.WriteTo(rw)[1] is rw.expected, i


def test_WriterReadFrom() -> None:
    ws: list[Callable[[io.Writer], io.Writer]] = [onlyWriter, lambda w: w]
    rs: list[Callable[[io.Reader], io.Reader]] = [DataErrReader, lambda r: r]
    for ri, rfunc in enumerate(rs):
        for wi, wfunc in enumerate(ws):
            inp = createTestInput(8192)
            b = BytesBuffer()
            w = bufio.NewWriter(wfunc(b))
            r = rfunc(StringsReader(inp))
            assert w.ReadFrom(r) == (len(inp), None), (wi, ri)
            assert w.Flush() is None
            assert b.Bytes() == inp, (wi, ri)


def test_WriterReadFromErrors() -> None:
    tests = [
        errorWriterToTest(0, 1, io.EOF, None, None),
        errorWriterToTest(1, 1, io.EOF, None, None),
        errorWriterToTest(0, 1, io.ErrClosedPipe, None, io.ErrClosedPipe),
        errorWriterToTest(0, 0, io.ErrClosedPipe, io.ErrShortWrite, io.ErrClosedPipe),
        errorWriterToTest(1, 0, None, io.ErrShortWrite, io.ErrShortWrite),
    ]
    for i, rw in enumerate(tests):
        w = bufio.NewWriter(rw)
        assert w.ReadFrom(rw)[1] is rw.expected, i


class writeCountingDiscard:
    def __init__(self) -> None:
        self.n = 0

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        self.n += 1
        return len(p), None


def test_WriterReadFromCounts() -> None:
    """io.Copy into a bufio.Writer does not flush before the buffer is full."""
    w0 = writeCountingDiscard()
    b0 = bufio.NewWriterSize(w0, 1234)
    b0.WriteString("x" * 1000)
    assert w0.n == 0
    b0.WriteString("x" * 200)
    assert w0.n == 0
    io.Copy(b0, onlyReader(StringsReader("x" * 30)))
    assert w0.n == 0
    io.Copy(b0, onlyReader(StringsReader("x" * 9)))
    assert w0.n == 1

    w1 = writeCountingDiscard()
    b1 = bufio.NewWriterSize(w1, 1234)
    b1.WriteString("x" * 1200)
    b1.Flush()
    assert w1.n == 1
    b1.WriteString("x" * 89)
    assert w1.n == 1
    io.Copy(b1, onlyReader(StringsReader("x" * 700)))
    assert w1.n == 1
    io.Copy(b1, onlyReader(StringsReader("x" * 600)))
    assert w1.n == 2
    b1.Flush()
    assert w1.n == 3


class negativeReader:
    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return -1, None


def test_NegativeRead() -> None:
    """The panic names the reader's fault, not a slicing error of bufio's own."""
    b = bufio.NewReader(negativeReader())
    with pytest.raises(Panic) as ei:
        b.Read(bytearray(100))
    assert isinstance(ei.value.value, errors.error)
    assert "reader returned negative count from Read" in ei.value.value.Error()
    assert ei.value.value is bufio.errNegativeRead


def test_TooLargeRead() -> None:
    """A count beyond the buffer raises the runtime's bounds error at once."""

    class liar:
        def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
            return len(p) + 5, None

    with pytest.raises(rt.Error, match="slice bounds out of range"):
        bufio.NewReader(liar()).ReadByte()


errFake = errors.New("fake error")


class errorThenGoodReader:
    def __init__(self) -> None:
        self.didErr = False
        self.nread = 0

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        self.nread += 1
        if not self.didErr:
            self.didErr = True
            return 0, errFake
        return len(p), None


def test_ReaderClearError() -> None:
    r = errorThenGoodReader()
    b = bufio.NewReader(r)
    buf = bytearray(1)
    assert b.Read(bytearray())[1] is None
    assert b.Read(buf)[1] is errFake
    assert b.Read(bytearray())[1] is None
    assert b.Read(buf)[1] is None
    assert r.nread == 2


def test_WriterReadFromWhileFull() -> None:
    """Go issue 5947."""
    buf = BytesBuffer()
    w = bufio.NewWriterSize(buf, 10)
    assert w.Write(b"0123456789") == (10, None)  # fill exactly
    assert w.ReadFrom(StringsReader("abcdef")) == (6, None)


class emptyThenNonEmptyReader:
    def __init__(self, r: io.Reader, n: int) -> None:
        self.r = r
        self.n = n

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if self.n <= 0:
            return self.r.Read(p)
        self.n -= 1
        return 0, None


def test_WriterReadFromUntilEOF() -> None:
    """Go issue 7611."""
    buf = BytesBuffer()
    w = bufio.NewWriterSize(buf, 5)
    assert w.Write(b"0123") == (4, None)  # partly fill
    r = emptyThenNonEmptyReader(StringsReader("abcd"), 3)
    assert w.ReadFrom(r) == (4, None)
    w.Flush()
    assert buf.String() == "0123abcd"


def test_WriterReadFromFlushesFullBuffer() -> None:
    """A ReadFrom that ends (EOF) with the buffer exactly full flushes it at once."""
    w0 = writeCountingDiscard()
    b0 = bufio.NewWriterSize(w0, 10)
    assert b0.ReadFrom(onlyReader(StringsReader("0123456789"))) == (10, None)
    assert w0.n == 1 and b0.Buffered() == 0
    assert b0.ReadFrom(onlyReader(StringsReader("012"))) == (3, None)
    assert w0.n == 1 and b0.Buffered() == 3


def test_WriterReadFromErrNoProgress() -> None:
    buf = BytesBuffer()
    w = bufio.NewWriterSize(buf, 5)
    assert w.Write(b"0123") == (4, None)
    r = emptyThenNonEmptyReader(StringsReader("abcd"), 100)
    assert w.ReadFrom(r) == (0, io.ErrNoProgress)


class readFromWriter:
    def __init__(self) -> None:
        self.buf = bytearray()
        self.writeBytes = 0
        self.readFromBytes = 0

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        self.buf += p
        self.writeBytes += len(p)
        return len(p), None

    def ReadFrom(self, r: io.Reader) -> tuple[int, error | None]:
        b, err = io.ReadAll(r)
        self.buf += b
        self.readFromBytes += len(b)
        return len(b), err


def test_WriterReadFromWithBufferedData() -> None:
    """ReadFrom with a partly filled buffer fills and flushes it, then uses wr's ReadFrom."""
    bufsize = 16
    inp = createTestInput(64)
    rfw = readFromWriter()
    w = bufio.NewWriterSize(rfw, bufsize)
    writeSize = 8
    assert w.Write(inp[:writeSize]) == (writeSize, None)
    assert w.ReadFrom(StringsReader(inp[writeSize:])) == (len(inp) - writeSize, None)
    assert w.Flush() is None
    assert rfw.writeBytes == bufsize
    assert rfw.readFromBytes == len(inp) - bufsize
    assert rfw.buf == inp


def test_ReadZero() -> None:
    for size in (100, 2):
        r = io.MultiReader(
            StringsReader("abc"), emptyThenNonEmptyReader(StringsReader("def"), 1)
        )
        br = bufio.NewReaderSize(r, size)

        def want(s: bytes, wantErr: error | None, br: bufio.Reader = br, size: int = size) -> None:
            p = bytearray(50)
            n, err = br.Read(p)
            assert err is wantErr and p[:n] == s, (size, s)

        want(b"abc", None)
        want(b"", None)
        want(b"def", None)
        want(b"", io.EOF)


def test_ReaderReset() -> None:
    def checkAll(r: bufio.Reader, want: bytes) -> None:
        assert io.ReadAll(r) == (want, None)

    r = bufio.NewReader(StringsReader("foo foo"))
    buf = bytearray(3)
    r.Read(buf)
    assert buf == b"foo"
    r.Reset(StringsReader("bar bar"))
    checkAll(r, b"bar bar")

    r = bufio.Reader()  # the zero Reader
    r.Reset(StringsReader("bar bar"))
    assert r.Size() == bufio.defaultBufSize
    checkAll(r, b"bar bar")

    # Wrap a reader, then Reset to that reader.
    r.Reset(StringsReader("recur"))
    r2 = bufio.NewReader(r)
    checkAll(r2, b"recur")
    r.Reset(StringsReader("recur2"))
    r2.Reset(r)
    checkAll(r2, b"recur2")
    # Resetting a Reader to itself does nothing (it must not read from itself).
    r.Reset(StringsReader("self"))
    r.Reset(r)
    checkAll(r, b"self")


def test_WriterReset() -> None:
    buf1, buf2, buf3, buf4, buf5 = Builder(), Builder(), Builder(), Builder(), Builder()
    w = bufio.NewWriter(buf1)
    w.WriteString("foo")
    w.Reset(buf2)  # not flushed
    w.WriteString("bar")
    w.Flush()
    assert buf1.String() == ""
    assert buf2.String() == "bar"

    w = bufio.Writer()  # the zero Writer
    w.Reset(buf3)
    w.WriteString("bar")
    w.Flush()
    assert buf1.String() == ""
    assert buf3.String() == "bar"

    # Wrap a writer, then Reset to that writer.
    w.Reset(buf4)
    w2 = bufio.NewWriter(w)
    w2.WriteString("recur")
    w2.Flush()
    assert buf4.String() == "recur"
    w.Reset(buf5)
    w2.Reset(w)
    w2.WriteString("recur2")
    w2.Flush()
    assert buf5.String() == "recur2"


class scriptedReader:
    """Runs its steps in order; one more Read is a test failure."""

    def __init__(self, *steps: Callable[[io.WritableBuffer], tuple[int, error | None]]) -> None:
        self.steps = list(steps)

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if not self.steps:
            raise AssertionError("too many Read calls on scripted Reader. No steps remain.")
        return self.steps.pop(0)(p)


def _fiveThenError(p: io.WritableBuffer) -> tuple[int, error | None]:
    if len(p) < 5:
        raise AssertionError("unexpected small read")
    return 5, errors.New("5-then-error")


def test_ReaderDiscard() -> None:
    alpha = "abcdefghijklmnopqrstuvwxyz"
    tests: list[tuple[str, io.Reader, int, int, int, int, str | None, int]] = [
        # name, r, bufSize, peekSize, n, want, wantErr (its text), wantBuffered
        ("normal case", StringsReader(alpha), 0, 16, 6, 6, None, 10),
        ("discard causing read", StringsReader(alpha), 0, 0, 6, 6, None, 10),
        ("discard all without peek", StringsReader(alpha), 0, 0, 26, 26, None, 0),
        ("discard more than end", StringsReader(alpha), 0, 0, 27, 26, "EOF", 0),
        # A fill error must not show until the valid bytes are used up.
        ("fill error, discard less", scriptedReader(_fiveThenError), 0, 0, 4, 4, None, 1),
        ("fill error, discard equal", scriptedReader(_fiveThenError), 0, 0, 5, 5, None, 0),
        ("fill error, discard more", scriptedReader(_fiveThenError), 0, 0, 6, 5,
         "5-then-error", 0),
        # Discard of 0 does not read.
        ("discard zero", scriptedReader(), 0, 0, 0, 0, None, 0),
        ("discard negative", scriptedReader(), 0, 0, -1, 0, "bufio: negative count", 0),
    ]
    for name, r, bufSize, peekSize, n, want, wantErr, wantBuffered in tests:
        br = bufio.NewReaderSize(r, bufSize)
        if peekSize > 0:
            peekBuf, err = br.Peek(peekSize)
            assert err is None and len(peekBuf) == peekSize, name
        discarded, err = br.Discard(n)
        assert discarded == want, name
        assert (err.Error() if err is not None else None) == wantErr, name
        assert br.Buffered() == wantBuffered, name


def test_ReaderSize() -> None:
    assert bufio.NewReader(None).Size() == bufio.defaultBufSize == 4096
    assert bufio.NewReaderSize(None, 1234).Size() == 1234
    assert bufio.NewReaderSize(None, 1).Size() == minReadBufferSize


def test_WriterSize() -> None:
    assert bufio.NewWriter(None).Size() == bufio.defaultBufSize
    assert bufio.NewWriterSize(None, 1234).Size() == 1234
    assert bufio.NewWriterSize(None, 0).Size() == bufio.defaultBufSize


class eofReader:
    """Returns io.EOF with the read that consumes the last of the content."""

    def __init__(self, buf: bytes) -> None:
        self.buf = buf

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        n = min(len(p), len(self.buf))
        p[:n] = self.buf[:n]
        self.buf = self.buf[n:]
        if n == 0 or n == len(self.buf):
            return n, io.EOF
        return n, None


def test_PartialReadEOF() -> None:
    eofR = eofReader(bytes(10))
    r = bufio.NewReader(eofR)
    dest = bytearray(5)
    assert r.Read(dest) == (5, None)
    # Everything was buffered from the source...
    assert len(eofR.buf) == 0
    # ...and 5 bytes are still there.
    assert r.Buffered() == 5
    # A second read, of 0 bytes.
    assert r.Read(bytearray()) == (0, None)


class writerWithReadFromError:
    def ReadFrom(self, r: io.Reader) -> tuple[int, error | None]:
        return 0, errors.New("writerWithReadFromError error")

    def Write(self, b: io.BytesLike) -> tuple[int, error | None]:
        return 10, None


def test_WriterReadFromMustSetUnderlyingError() -> None:
    wr = bufio.NewWriter(writerWithReadFromError())
    assert wr.ReadFrom(StringsReader("test2"))[1] is not None
    assert wr.Write(b"123")[1] is not None


class writeErrorOnlyWriter:
    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return 0, errors.New("writeErrorOnlyWriter error")


def test_WriterReadFromMustReturnUnderlyingError() -> None:
    """Go issue 35194: a previous Write error is returned at once by ReadFrom."""
    wr = bufio.NewWriter(writeErrorOnlyWriter())
    s = "test1"
    assert wr.WriteString(s)[1] is None
    assert wr.Flush() is not None
    assert wr.ReadFrom(StringsReader("test2"))[1] is not None
    assert wr.Buffered() == len(s)


# --- Python-side contract -----------------------------------------------------------


def test_Errors() -> None:
    table: list[tuple[error, str]] = [
        (bufio.ErrInvalidUnreadByte, "bufio: invalid use of UnreadByte"),
        (bufio.ErrInvalidUnreadRune, "bufio: invalid use of UnreadRune"),
        (bufio.ErrBufferFull, "bufio: buffer full"),
        (bufio.ErrNegativeCount, "bufio: negative count"),
        (bufio.errNegativeRead, "bufio: reader returned negative count from Read"),
        (bufio.ErrTooLong, "bufio.Scanner: token too long"),
        (bufio.ErrNegativeAdvance, "bufio.Scanner: SplitFunc returns negative advance count"),
        (bufio.ErrAdvanceTooFar, "bufio.Scanner: SplitFunc returns advance count beyond input"),
        (bufio.ErrBadReadCount, "bufio.Scanner: Read returned impossible count"),
        (bufio.ErrFinalToken, "final token"),
    ]
    for err, text in table:
        assert err.Error() == text and str(err) == text
    assert bufio.MaxScanTokenSize == 64 * 1024


def test_Delimiters() -> None:
    """A Go byte is an int 0-255 or a one-byte bytes; anything else is refused at the call."""
    r = bufio.NewReader(StringsReader("a,b;c"))
    assert r.ReadString(ord(",")) == ("a,", None)
    assert r.ReadString(b";") == ("b;", None)
    assert r.ReadString(b";") == ("c", io.EOF)
    for bad in (",", b",,", 256, -1, None):
        with pytest.raises((TypeError, ValueError)):
            r.ReadBytes(bad)  # type: ignore[arg-type]


def test_ReadStringInvalidUTF8() -> None:
    """Invalid bytes survive as surrogates and write back byte for byte."""
    raw = b"ok \xff\xfe \xe6\x97\n"
    r = bufio.NewReader(StringsReader(raw))
    s, err = r.ReadString(ord("\n"))
    assert err is None
    assert s == raw.decode("utf-8", "surrogateescape")
    out = BytesBuffer()
    w = bufio.NewWriter(out)
    assert w.WriteString(s) == (len(raw), None)
    w.Flush()
    assert out.Bytes() == raw
    # ReadRune reports each bad byte as RuneError of size 1, as Go does.
    r = bufio.NewReader(StringsReader(b"\xffa\xe6\x97"))
    assert r.ReadRune() == (bufio.RuneError, 1, None)
    assert r.ReadRune() == (ord("a"), 1, None)
    assert r.ReadRune() == (bufio.RuneError, 1, None)
    assert r.ReadRune() == (bufio.RuneError, 1, None)
    assert r.ReadRune() == (0, 0, io.EOF)


def test_BadBuffers() -> None:
    r = bufio.NewReader(StringsReader("abc"))
    for bad in (b"abc", None, "abc"):
        with pytest.raises(TypeError):
            r.Read(bad)  # type: ignore[arg-type]
    w = bufio.NewWriter(BytesBuffer())
    for unsendable in (None, "abc"):
        with pytest.raises(TypeError):
            w.Write(unsendable)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        w.WriteString(b"abc")  # type: ignore[arg-type]


def test_ReadWriter() -> None:
    src = StringsReader("line one\nline two\n")
    dst = BytesBuffer()
    rw = bufio.NewReadWriter(bufio.NewReader(src), bufio.NewWriter(dst))
    assert isinstance(rw, io.ReadWriter)
    line, err = rw.ReadString(ord("\n"))
    assert (line, err) == ("line one\n", None)
    rw.WriteString(line.upper())
    rw.WriteByte(ord("!"))
    rw.WriteRune(0x263A)
    assert dst.Bytes() == b""
    assert rw.Flush() is None
    assert dst.String() == "LINE ONE\n!\u263a"
    assert not hasattr(rw, "Buffered"), "ambiguous in Go, so not promoted"


def test_WriterStickyError() -> None:
    """After a write error, Write, WriteByte, WriteRune, WriteString and Flush all return it."""
    e = errors.New("boom")

    class failing:
        def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
            return 0, e

    w = bufio.NewWriterSize(failing(), 16)
    w.WriteString("x" * 10)
    assert w.Flush() is e
    assert w.Write(b"y") == (0, e)
    assert w.WriteByte(1) is e
    assert w.WriteRune(0x263A) == (0, e)
    assert w.WriteString("z") == (0, e)
    assert w.Flush() is e
    assert w.Buffered() == 10


# --- scan_test.go --------------------------------------------------------------------

smallMaxTokenSize = 256  # much smaller, for quicker tests


def test_Space() -> None:
    """isSpace matches unicode.IsSpace (Python's isspace minus its four separators U+1C-1F)."""
    for r in range(0x10000):
        want = chr(r).isspace() and not 0x1C <= r <= 0x1F
        assert bufio.isSpace(r) == want, hex(r)
    for r in (0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x85, 0xA0):
        assert bufio.isSpace(r)
    assert not bufio.isSpace(0x10FFFF) and not bufio.isSpace(0x200B)


scanTests: list[bytes] = [
    b"",
    b"a",
    "¼".encode(),
    "☹".encode(),
    b"\x81",  # UTF-8 error
    "\ufffd".encode(),  # correctly encoded RuneError
    b"abcdefgh",
    b"abc def\n\t\tgh    ",
    "abc¼☹".encode() + b"\x81" + "\ufffd日本語".encode() + b"\x82abc",
]


def test_ScanByte() -> None:
    for n, test in enumerate(scanTests):
        s = bufio.NewScanner(StringsReader(test))
        s.Split(bufio.ScanBytes)
        i = 0
        while s.Scan():
            b = s.Bytes()
            assert len(b) == 1 and b[0] == test[i], (n, i)
            i += 1
        assert i == len(test), n
        assert s.Err() is None, n


def test_ScanRune() -> None:
    """ScanRunes gives the runes of ranging over the string (one U+FFFD per bad byte)."""
    for n, test in enumerate(scanTests):
        s = bufio.NewScanner(StringsReader(test))
        s.Split(bufio.ScanRunes)
        # The oracle: Python's decoder also gives one U+FFFD for each lone bad byte here.
        expect = test.decode("utf-8", "replace")
        runeCount = 0
        for i, ch in enumerate(expect):
            if not s.Scan():
                break
            runeCount += 1
            got = s.Bytes().decode("utf-8")
            assert got == ch, (n, i)
        assert not s.Scan(), (n, "scan ran too long")
        assert runeCount == len(expect), n
        assert s.Err() is None, n


wordScanTests = [
    "",
    " ",
    "\n",
    "a",
    " a ",
    "abc def",
    " abc def ",
    " abc\tdef\nghi\rjkl\fmno\vpqr\u0085stu\u00a0\n",
]


def test_ScanWords() -> None:
    """ScanWords gives what strings.Fields (here str.split) gives."""
    for n, test in enumerate(wordScanTests):
        s = bufio.NewScanner(StringsReader(test))
        s.Split(bufio.ScanWords)
        words = test.split()
        wordCount = 0
        while wordCount < len(words):
            if not s.Scan():
                break
            assert s.Text() == words[wordCount], (n, wordCount)
            wordCount += 1
        assert not s.Scan(), (n, "scan ran too long")
        assert wordCount == len(words), n
        assert s.Err() is None, n


class slowReader:
    """Returns at most max bytes per Read."""

    def __init__(self, max: int, buf: io.Reader) -> None:
        self.max = max
        self.buf = buf

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if len(p) > self.max:
            p = memoryview(p)[: self.max]
        return self.buf.Read(p)


def genLine(lineNum: int, n: int, addNewline: bool) -> bytes:
    """A predictable line of length n with its newline (and an occasional \\r)."""
    buf = bytearray()
    doCR = lineNum % 5 == 0
    if doCR:
        n -= 1
    for i in range(n - 1):  # stop early for \n
        c = (ord("a") + lineNum + i) & 0xFF
        if c in (0x0A, 0x0D):  # do not confuse us
            c = ord("N")
        buf.append(c)
    if addNewline:
        if doCR:
            buf.append(0x0D)
        buf.append(0x0A)
    return bytes(buf)


def test_ScanLongLines() -> None:
    """The line splitter, with carriage returns, on lines up to the maximum token size."""
    buf = bytearray()
    j = 0
    for lineNum in range(2 * smallMaxTokenSize):
        buf += genLine(lineNum, j, True)
        j = j + 1 if j < smallMaxTokenSize else j - 1
    s = bufio.NewScanner(slowReader(1, StringsReader(bytes(buf))))
    s.Split(bufio.ScanLines)
    s.maxTokenSize = smallMaxTokenSize
    j = 0
    lineNum = 0
    while s.Scan():
        line = genLine(lineNum, j, False)
        j = j + 1 if j < smallMaxTokenSize else j - 1
        # The str-valued token here, for variety.
        assert s.Text() == line.decode("utf-8", "surrogateescape"), lineNum
        lineNum += 1
    assert s.Err() is None
    assert lineNum == 2 * smallMaxTokenSize


def test_ScanLineTooLong() -> None:
    """The line splitter fails with ErrTooLong on a line longer than the maximum."""
    buf = bytearray()
    j = 0
    for lineNum in range(2 * smallMaxTokenSize):
        buf += genLine(lineNum, j, True)
        j += 1
    s = bufio.NewScanner(slowReader(3, StringsReader(bytes(buf))))
    s.Split(bufio.ScanLines)
    s.maxTokenSize = smallMaxTokenSize
    j = 0
    lineNum = 0
    while s.Scan():
        line = genLine(lineNum, j, False)
        j = j + 1 if j < smallMaxTokenSize else j - 1
        assert s.Bytes() == line, lineNum
        lineNum += 1
    assert s.Err() is bufio.ErrTooLong
    assert lineNum > 0


def _testNoNewline(text: str, lines: list[str]) -> None:
    s = bufio.NewScanner(slowReader(7, StringsReader(text)))
    s.Split(bufio.ScanLines)
    got = []
    while s.Scan():
        got.append(s.Text())
    assert got == lines
    assert s.Err() is None


def test_ScanLineNoNewline() -> None:
    _testNoNewline("abcdefghijklmn\nopqrstuvwxyz", ["abcdefghijklmn", "opqrstuvwxyz"])


def test_ScanLineReturnButNoNewline() -> None:
    _testNoNewline("abcdefghijklmn\nopqrstuvwxyz\r", ["abcdefghijklmn", "opqrstuvwxyz"])


def test_ScanLineEmptyFinalLine() -> None:
    _testNoNewline("abcdefghijklmn\nopqrstuvwxyz\n\n", ["abcdefghijklmn", "opqrstuvwxyz", ""])


def test_ScanLineEmptyFinalLineWithCR() -> None:
    _testNoNewline("abcdefghijklmn\nopqrstuvwxyz\n\r", ["abcdefghijklmn", "opqrstuvwxyz", ""])


testError = errors.New("testError")


def test_SplitError() -> None:
    """The split function's error is the one reported."""
    numSplits = 0
    okCount = 7

    def errorSplit(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
        nonlocal numSplits
        if atEOF:
            raise AssertionError("didn't get enough data")
        if numSplits >= okCount:
            return 0, None, testError
        numSplits += 1
        return 1, data[0:1], None

    text = b"abcdefghijklmnopqrstuvwxyz"
    s = bufio.NewScanner(slowReader(1, StringsReader(text)))
    s.Split(errorSplit)
    i = 0
    while s.Scan():
        assert s.Bytes() == text[i : i + 1]
        i += 1
    assert i == okCount
    assert s.Err() is testError


def test_ErrAtEOF() -> None:
    """A split error after EOF replaces the EOF."""
    s = bufio.NewScanner(StringsReader("1 2 33"))

    def split(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
        advance, token, err = bufio.ScanWords(data, atEOF)
        if token is not None and len(token) > 1:
            assert s.err is io.EOF, "not testing EOF"
            err = testError
        return advance, token, err

    s.Split(split)
    while s.Scan():
        pass
    assert s.Err() is testError


class alwaysError:
    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return 0, io.ErrUnexpectedEOF


def test_NonEOFWithEmptyRead() -> None:
    """Go issue 5268."""
    scanner = bufio.NewScanner(alwaysError())
    assert not scanner.Scan(), "read should fail"
    assert scanner.Err() is io.ErrUnexpectedEOF


class endlessZeros:
    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return 0, None


def test_BadReader() -> None:
    """Scan ends on endless empty reads."""
    scanner = bufio.NewScanner(endlessZeros())
    assert not scanner.Scan(), "read should fail"
    assert scanner.Err() is io.ErrNoProgress


def test_ScanWordsExcessiveWhiteSpace() -> None:
    word = "ipsum"
    s = " " * (4 * smallMaxTokenSize) + word
    scanner = bufio.NewScanner(StringsReader(s))
    scanner.maxTokenSize = smallMaxTokenSize
    scanner.Split(bufio.ScanWords)
    assert scanner.Scan(), f"scan failed: {scanner.Err()}"
    assert scanner.Text() == word


def commaSplit(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
    i = data.find(b",")
    if i >= 0:
        return i + 1, data[:i], None
    return 0, data, bufio.ErrFinalToken


def _testEmptyTokens(text: str, values: list[str]) -> None:
    s = bufio.NewScanner(StringsReader(text))
    s.Split(commaSplit)
    got = []
    while s.Scan():
        got.append(s.Text())
        assert len(got) <= len(values)
    assert got == values
    assert s.Err() is None


def test_EmptyTokens() -> None:
    """Go issue 8672: the final empty token is not lost."""
    _testEmptyTokens("1,2,3,", ["1", "2", "3", ""])


def test_WithNoEmptyTokens() -> None:
    _testEmptyTokens("1,2,3", ["1", "2", "3"])


def test_FinalTokenNil() -> None:
    """ErrFinalToken with a nil token stops at once, with no token and no error."""

    def split(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
        return 0, None, bufio.ErrFinalToken

    s = bufio.NewScanner(StringsReader("abc"))
    s.Split(split)
    assert not s.Scan()
    assert s.Err() is None
    assert not s.Scan()


def loopAtEOFSplit(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
    if data:
        return 1, data[:1], None
    return 0, data, None


def test_DontLoopForever() -> None:
    s = bufio.NewScanner(StringsReader("abc"))
    s.Split(loopAtEOFSplit)
    count = 0
    with pytest.raises(Panic, match="empty tokens") as ei:
        while s.Scan():
            count += 1
            assert count <= 1000, "looping"
    assert ei.value.value == "bufio.Scan: too many empty tokens without progressing"


def test_BlankLines() -> None:
    s = bufio.NewScanner(StringsReader("\n" * 1000))
    count = 0
    while s.Scan():
        count += 1
        assert count <= 2000, "looping"
    assert count == 1000
    assert s.Err() is None


def test_EmptyLinesOK() -> None:
    """The loop-at-EOF check does not fire for merely empty tokens."""
    c = 10000

    def split(data: bytes, atEOF: bool) -> tuple[int, bytes | None, error | None]:
        nonlocal c
        if c > 0:
            c -= 1
            return 1, data[:1], None
        return 0, None, None

    s = bufio.NewScanner(StringsReader("\n" * 10000))
    s.Split(split)
    while s.Scan():
        pass
    assert s.Err() is None
    assert c == 0


def test_HugeBuffer() -> None:
    """A huge token is read when a big enough buffer is allowed."""
    text = "x" * (2 * bufio.MaxScanTokenSize)
    s = bufio.NewScanner(StringsReader(text + "\n"))
    s.Buffer(bytearray(100), 3 * bufio.MaxScanTokenSize)
    n = 0
    while s.Scan():
        assert s.Text() == text
        n += 1
    assert n == 1
    assert s.Err() is None


def test_BufferSplitAfterScanPanic() -> None:
    s = bufio.NewScanner(StringsReader("a\nb\n"))
    assert s.Scan()
    with pytest.raises(Panic, match="^Buffer called after Scan$"):
        s.Buffer(bytearray(10), 100)
    with pytest.raises(Panic, match="^Split called after Scan$"):
        s.Split(bufio.ScanWords)


class negativeEOFReader:
    """Returns -1 at the end, as a raw read system call wrapper might."""

    def __init__(self, n: int) -> None:
        self.n = n

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if self.n > 0:
            c = min(self.n, len(p))
            p[:c] = b"a" * c
            p[c - 1] = ord("\n")
            self.n -= c
            return c, None
        return -1, io.EOF


def test_NegativeEOFReader() -> None:
    """A negative count is ErrBadReadCount, not a crash (Go issue 38053)."""
    scanner = bufio.NewScanner(negativeEOFReader(10))
    c = 0
    while scanner.Scan():
        c += 1
        assert c <= 1, "read too many lines"
    assert scanner.Err() is bufio.ErrBadReadCount


class largeReader:
    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return len(p) + 1, None


def test_LargeReader() -> None:
    """A count past the buffer is ErrBadReadCount (Go issue 38053)."""
    scanner = bufio.NewScanner(largeReader())
    while scanner.Scan():
        pass
    assert scanner.Err() is bufio.ErrBadReadCount


def test_ScanTextBytesTypes() -> None:
    """Text is str, Bytes is bytes; before any token both are empty (Go's nil)."""
    s = bufio.NewScanner(StringsReader("h\u00e9llo\nw\xf6rld"))
    assert s.Bytes() == b"" and s.Text() == ""
    got: list[Any] = []
    while s.Scan():
        got.append((s.Text(), s.Bytes()))
    assert got == [("h\u00e9llo", "h\u00e9llo".encode()), ("w\xf6rld", "w\xf6rld".encode())]


def test_PortIntArgumentTypes() -> None:
    """Sizes and counts are Go ints: a str, float or bool is a TypeError naming the call.

    Before, ``NewReaderSize(r, "16")`` failed with the interpreter's "'>' not
    supported between instances of 'int' and 'str'", and
    ``Scanner.Buffer(buf, "5")`` was accepted, to fail at the first Scan.
    """
    for bad in ("16", 16.5, True, None):
        r = bufio.NewReader(StringsReader("abc"))
        calls: list[tuple[str, str, Callable[[Any], object]]] = [
            ("bufio.NewReaderSize", "size", lambda b: bufio.NewReaderSize(StringsReader("x"), b)),
            ("bufio.NewWriterSize", "size", lambda b: bufio.NewWriterSize(BytesBuffer(), b)),
            ("bufio.Reader.Peek", "n", r.Peek),
            ("bufio.Reader.Discard", "n", r.Discard),
            ("bufio.Scanner.Buffer", "max",
             lambda b: bufio.NewScanner(StringsReader("x")).Buffer(bytearray(4), b)),
        ]
        for who, name, call in calls:
            with pytest.raises(TypeError) as exc:
                call(bad)
            assert str(exc.value) == f"{who}: {name} must be an int, not {type(bad).__name__}"
        assert r.Peek(1) == (b"a", None)  # the refused calls changed nothing
