"""internal/poll/writev_test.go (go1.27.0), ported: TestConsume.

``consume`` (internal/poll/fd.go; Go's tests reach it as poll.Consume)
drops n written bytes from the front of the buffer list Writev works on,
in place. The list holds memoryviews here (FD.Writev's argument); Go's nil
slices are empty views, which is what net.conn.writeBuffers turns a None
in net.Buffers into. Table row for row.
"""

from __future__ import annotations

import pytest

from rt.poll.fd import consume


def _v(*bs: bytes | None) -> list[memoryview]:
    return [memoryview(b if b is not None else b"") for b in bs]


nil = None
tests = [
    # (in, consume, want)
    (_v(b"foo", b"bar"), 0, [b"foo", b"bar"]),
    (_v(b"foo", b"bar"), 2, [b"o", b"bar"]),
    (_v(b"foo", b"bar"), 3, [b"bar"]),
    (_v(b"foo", b"bar"), 4, [b"ar"]),
    (_v(nil, nil, nil, b"bar"), 1, [b"ar"]),
    (_v(nil, nil, nil, b"foo"), 0, [b"foo"]),
    (_v(nil, nil, nil), 0, []),
]


@pytest.mark.parametrize("i", range(len(tests)))
def test_Consume(i: int) -> None:
    inp, n, want = tests[i]
    v = list(inp)
    consume(v, n)
    assert [bytes(b) for b in v] == want, f"{i}. after consume({n}) = {v}, want {want}"
    # Consumed in place, without copying: what is left views the same memory.
    for b in v:
        assert isinstance(b, memoryview)


def test_ConsumeAll() -> None:
    """The port's own: consuming everything empties the list."""
    v = _v(b"ab", b"", b"cde")
    consume(v, 5)
    assert v == []
