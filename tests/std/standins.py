"""Stand-ins for the parts of Go's bytes and strings packages that the io and bufio tests use.

Import as ``from tests.std.standins import Buffer, BytesBuffer, ...``. Each
class has only what the ported tests call; text is UTF-8 with
surrogateescape, so any byte string round-trips through String().
"""

from __future__ import annotations

from std import errors, io
from std.errors import error


def _encode(s: str) -> bytes:
    return s.encode("utf-8", "surrogateescape")


def _decode(b: bytes | bytearray) -> str:
    return b.decode("utf-8", "surrogateescape")


class Buffer:
    """bytes.Buffer without ReadFrom and WriteTo (io_test.go's Buffer)."""

    def __init__(self, data: bytes = b"") -> None:
        self.data = bytearray(data)
        self.off = 0

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        self.data += p
        return len(p), None

    def WriteString(self, s: str) -> tuple[int, error | None]:
        b = _encode(s)
        self.data += b
        return len(b), None

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if self.off >= len(self.data):
            self.Reset()  # bytes.Buffer empties itself once drained
            if len(p) == 0:
                return 0, None
            return 0, io.EOF
        n = min(len(p), len(self.data) - self.off)
        p[:n] = self.data[self.off : self.off + n]
        self.off += n
        return n, None

    def Reset(self) -> None:
        self.data = bytearray()
        self.off = 0

    def Len(self) -> int:
        return len(self.data) - self.off

    def Bytes(self) -> bytes:
        return bytes(self.data[self.off :])

    def String(self) -> str:
        return _decode(self.Bytes())


class BytesBuffer(Buffer):
    """bytes.Buffer, with its ReadFrom and WriteTo."""

    def ReadFrom(self, r: io.Reader) -> tuple[int, error | None]:
        data, err = io.ReadAll(r)
        self.data += data
        return len(data), err

    def WriteTo(self, w: io.Writer) -> tuple[int, error | None]:
        n, err = w.Write(self.data[self.off :])
        self.off += n
        return n, err


class StringsReader:
    """strings.Reader / bytes.Reader: Read, ReadAt, Seek, WriteTo."""

    def __init__(self, s: str | bytes) -> None:
        self.s = s.encode() if isinstance(s, str) else s
        self.i = 0

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        if self.i >= len(self.s):
            return 0, io.EOF
        n = min(len(p), len(self.s) - self.i)
        p[:n] = self.s[self.i : self.i + n]
        self.i += n
        return n, None

    def ReadAt(self, p: io.WritableBuffer, off: int) -> tuple[int, error | None]:
        if off < 0:
            return 0, errors.New("strings.Reader.ReadAt: negative offset")
        if off >= len(self.s):
            return 0, io.EOF
        n = min(len(p), len(self.s) - off)
        p[:n] = self.s[off : off + n]
        if n < len(p):
            return n, io.EOF
        return n, None

    def Seek(self, offset: int, whence: int) -> tuple[int, error | None]:
        if whence == io.SeekStart:
            abs_ = offset
        elif whence == io.SeekCurrent:
            abs_ = self.i + offset
        elif whence == io.SeekEnd:
            abs_ = len(self.s) + offset
        else:
            return 0, errors.New("strings.Reader.Seek: invalid whence")
        if abs_ < 0:
            return 0, errors.New("strings.Reader.Seek: negative position")
        self.i = abs_
        return abs_, None

    def WriteTo(self, w: io.Writer) -> tuple[int, error | None]:
        s = self.s[self.i :]
        n, err = w.Write(s)
        self.i += n
        if n != len(s) and err is None:
            err = io.ErrShortWrite
        return n, err


class Builder:
    """strings.Builder: Write, WriteString, String."""

    def __init__(self) -> None:
        self.data = bytearray()

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        self.data += p
        return len(p), None

    def WriteString(self, s: str) -> tuple[int, error | None]:
        b = _encode(s)
        self.data += b
        return len(b), None

    def String(self) -> str:
        return _decode(self.data)


class onlyReader:
    """bufio_test.go's onlyReader: hides everything of the wrapped reader but Read."""

    def __init__(self, r: io.Reader) -> None:
        self.r = r

    def Read(self, p: io.WritableBuffer) -> tuple[int, error | None]:
        return self.r.Read(p)


class onlyWriter:
    """bufio_test.go's onlyWriter: hides everything of the wrapped writer but Write."""

    def __init__(self, w: io.Writer) -> None:
        self.w = w

    def Write(self, p: io.BytesLike) -> tuple[int, error | None]:
        return self.w.Write(p)
