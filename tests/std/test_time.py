"""Tests for std.time, ported from Go's time tests (go1.27.0).

First the pure parts, from time_test.go (durationTests, parseDurationTests,
parseDurationErrorTests, the Duration method tables, subTests, the Unix
conversions, TestTruncateRound, TestTimeAddSecOverflow) and mono_test.go
(monotonic readings). They need no running runtime.

Then the timers, from sleep_test.go and tick_test.go, each inside
``rt.run(main)``. Go's durations are scaled down so the whole file runs in a
few seconds; tolerances stay generous and the assertions are about ordering
and lower bounds, as Go's are, so that a loaded 2-core machine does not
flake. Go's retry loops (TestAfterStop, TestAfterQueuing, TestReset,
TestTicker) are kept for the same reason.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rt
from rt.chan import hchan
from rt.panic import Panic
from std import time
from std.time import (
    Duration,
    Hour,
    Microsecond,
    Millisecond,
    Minute,
    Nanosecond,
    ParseDuration,
    Second,
    Time,
    Unix,
    maxDuration,
    minDuration,
)

maxInt64 = (1 << 63) - 1
minInt64 = -(1 << 63)

# --- helpers ---------------------------------------------------------------


def Date(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0, ns: int = 0) -> Time:
    """Go's time.Date(..., time.UTC), with the time of day optional (tests/std/test_time_format.py
    checks Date itself against Go).
    """
    return time.Date(y, mo, d, h, mi, s, ns, time.UTC)


def goString(b: bytes) -> str:
    """A Go string literal's bytes (maybe invalid UTF-8) as the str ParseDuration takes."""
    return b.decode("utf-8", "surrogateescape")


# Go's export_test.go / internal_test.go values.
UnixToInternal = time.unixToInternal
MinMonoTime = Time(wall=1 << 63, ext=-(1 << 63))
MaxMonoTime = Time(wall=1 << 63, ext=(1 << 63) - 1)
NotMonoNegativeTime = Time(wall=0, ext=-(1 << 63) + 50)


# --- time_test.go: Duration ------------------------------------------------

durationTests = [
    ("0s", 0),
    ("1ns", 1 * Nanosecond),
    ("1.1µs", 1100 * Nanosecond),
    ("2.2ms", 2200 * Microsecond),
    ("3.3s", 3300 * Millisecond),
    ("4m5s", 4 * Minute + 5 * Second),
    ("4m5.001s", 4 * Minute + 5001 * Millisecond),
    ("5h6m7.001s", 5 * Hour + 6 * Minute + 7001 * Millisecond),
    ("8m0.000000001s", 8 * Minute + 1 * Nanosecond),
    ("2562047h47m16.854775807s", (1 << 63) - 1),
    ("-2562047h47m16.854775808s", -(1 << 63)),
]


@pytest.mark.parametrize("want,d", durationTests)
def test_DurationString(want: str, d: int) -> None:
    assert Duration(d).String() == want
    assert str(Duration(d)) == want
    if d > 0:
        assert (-Duration(d)).String() == "-" + want


def test_DurationString_utf8() -> None:
    # U+00B5, two bytes in UTF-8, as Go writes it.
    assert Duration(1500).String().encode() == b"1.5\xc2\xb5s"
    assert Duration(-1).String() == "-1ns"
    assert Duration(Hour + 2 * Minute + Second // 2).String() == "1h2m0.5s"


parseDurationTests: list[tuple[str, int]] = [
    # simple
    ("0", 0),
    ("5s", 5 * Second),
    ("30s", 30 * Second),
    ("1478s", 1478 * Second),
    # sign
    ("-5s", -5 * Second),
    ("+5s", 5 * Second),
    ("-0", 0),
    ("+0", 0),
    # decimal
    ("5.0s", 5 * Second),
    ("5.6s", 5 * Second + 600 * Millisecond),
    ("5.s", 5 * Second),
    (".5s", 500 * Millisecond),
    ("1.0s", 1 * Second),
    ("1.00s", 1 * Second),
    ("1.004s", 1 * Second + 4 * Millisecond),
    ("1.0040s", 1 * Second + 4 * Millisecond),
    ("100.00100s", 100 * Second + 1 * Millisecond),
    # different units
    ("10ns", 10 * Nanosecond),
    ("11us", 11 * Microsecond),
    ("12µs", 12 * Microsecond),  # U+00B5
    ("12μs", 12 * Microsecond),  # U+03BC
    ("13ms", 13 * Millisecond),
    ("14s", 14 * Second),
    ("15m", 15 * Minute),
    ("16h", 16 * Hour),
    # composite durations
    ("3h30m", 3 * Hour + 30 * Minute),
    ("10.5s4m", 4 * Minute + 10 * Second + 500 * Millisecond),
    ("-2m3.4s", -(2 * Minute + 3 * Second + 400 * Millisecond)),
    (
        "1h2m3s4ms5us6ns",
        1 * Hour + 2 * Minute + 3 * Second + 4 * Millisecond + 5 * Microsecond + 6 * Nanosecond,
    ),
    ("39h9m14.425s", 39 * Hour + 9 * Minute + 14 * Second + 425 * Millisecond),
    # large value
    ("52763797000ns", 52763797000 * Nanosecond),
    # more than 9 digits after decimal point, see https://golang.org/issue/6617
    ("0.3333333333333333333h", 20 * Minute),
    # 9007199254740993 = 1<<53+1 cannot be stored precisely in a float64
    ("9007199254740993ns", ((1 << 53) + 1) * Nanosecond),
    # largest duration that can be represented by int64 in nanoseconds
    ("9223372036854775807ns", ((1 << 63) - 1) * Nanosecond),
    ("9223372036854775.807us", ((1 << 63) - 1) * Nanosecond),
    ("9223372036s854ms775us807ns", ((1 << 63) - 1) * Nanosecond),
    ("-9223372036854775808ns", -(1 << 63) * Nanosecond),
    ("-9223372036854775.808us", -(1 << 63) * Nanosecond),
    ("-9223372036s854ms775us808ns", -(1 << 63) * Nanosecond),
    # largest negative value
    ("-9223372036854775808ns", -(1 << 63) * Nanosecond),
    # largest negative round trip value, see https://golang.org/issue/48629
    ("-2562047h47m16.854775808s", -(1 << 63) * Nanosecond),
    # huge string; issue 15011.
    ("0.100000000000000000000h", 6 * Minute),
    # This value tests the first overflow check in leadingFraction.
    ("0.830103483285477580700h", 49 * Minute + 48 * Second + 372539827 * Nanosecond),
]


@pytest.mark.parametrize("s,want", parseDurationTests)
def test_ParseDuration(s: str, want: int) -> None:
    d, err = ParseDuration(s)
    assert err is None
    assert d == want
    assert isinstance(d, Duration)


parseDurationErrorTests: list[tuple[bytes, str]] = [
    # invalid
    (b"", '""'),
    (b"3", '"3"'),
    (b"-", '"-"'),
    (b"s", '"s"'),
    (b".", '"."'),
    (b"-.", '"-."'),
    (b".s", '".s"'),
    (b"+.s", '"+.s"'),
    (b"1d", '"1d"'),
    (b"\x85\x85", '"\\x85\\x85"'),
    (b"\xffff", '"\\xffff"'),
    (b"hello \xffff world", '"hello \\xffff world"'),
    ("\ufffd".encode(), '"\\xef\\xbf\\xbd"'),  # utf8.RuneError
    ("\ufffd hello \ufffd world".encode(), '"\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world"'),
    # overflow
    (b"9223372036854775810ns", '"9223372036854775810ns"'),
    (b"9223372036854775808ns", '"9223372036854775808ns"'),
    (b"-9223372036854775809ns", '"-9223372036854775809ns"'),
    (b"9223372036854776us", '"9223372036854776us"'),
    (b"3000000h", '"3000000h"'),
    (b"9223372036854775.808us", '"9223372036854775.808us"'),
    (b"9223372036854ms775us808ns", '"9223372036854ms775us808ns"'),
]


@pytest.mark.parametrize("b,expect", parseDurationErrorTests)
def test_ParseDurationErrors(b: bytes, expect: str) -> None:
    d, err = ParseDuration(goString(b))
    assert err is not None
    assert d == 0
    assert expect in err.Error()
    assert str(err) == err.Error()


@pytest.mark.parametrize(
    "s,text",
    [
        ("", 'time: invalid duration ""'),
        ("3", 'time: missing unit in duration "3"'),
        ("1d", 'time: unknown unit "d" in duration "1d"'),
        ("1.5xµ", 'time: unknown unit "x\\xc2\\xb5" in duration "1.5x\\xc2\\xb5"'),
        ('1"s', 'time: unknown unit "\\"s" in duration "1\\"s"'),
        ("-1\\h", 'time: unknown unit "\\\\h" in duration "-1\\\\h"'),
        ("3000000h", 'time: invalid duration "3000000h"'),
        ("1s\t", 'time: unknown unit "s\\x09" in duration "1s\\x09"'),
    ],
)
def test_ParseDuration_error_text(s: str, text: str) -> None:
    _, err = ParseDuration(s)
    assert err is not None
    assert err.Error() == text


def test_ParseDurationRoundTrip() -> None:
    # https://golang.org/issue/48629
    for d0 in (maxDuration, minDuration):
        d1, err = ParseDuration(d0.String())
        assert err is None and d1 == d0
    rnd = random.Random(1)
    for _ in range(100):
        # Resolutions finer than milliseconds will result in imprecise round-trips.
        d0 = Duration(rnd.randrange(1 << 31)) * Millisecond
        d1, err = ParseDuration(d0.String())
        assert err is None and d1 == d0


@pytest.mark.parametrize(
    "d,want",
    [(Duration(-1000), -1000), (Duration(-1), -1), (Duration(1), 1), (Duration(1000), 1000)],
)
def test_DurationNanoseconds(d: Duration, want: int) -> None:
    assert d.Nanoseconds() == want


@pytest.mark.parametrize("d,want", [(Duration(-1000), -1), (Duration(1000), 1)])
def test_DurationMicroseconds(d: Duration, want: int) -> None:
    assert d.Microseconds() == want


@pytest.mark.parametrize("d,want", [(Duration(-1000000), -1), (Duration(1000000), 1)])
def test_DurationMilliseconds(d: Duration, want: int) -> None:
    assert d.Milliseconds() == want


def test_DurationSeconds() -> None:
    assert Duration(300000000).Seconds() == 0.3


@pytest.mark.parametrize(
    "d,want",
    [
        (Duration(-60000000000), -1),
        (Duration(-1), -1 / 60e9),
        (Duration(1), 1 / 60e9),
        (Duration(60000000000), 1),
        (Duration(3000), 5e-8),
    ],
)
def test_DurationMinutes(d: Duration, want: float) -> None:
    assert d.Minutes() == want


@pytest.mark.parametrize(
    "d,want",
    [
        (Duration(-3600000000000), -1),
        (Duration(-1), -1 / 3600e9),
        (Duration(1), 1 / 3600e9),
        (Duration(3600000000000), 1),
        (Duration(36), 1e-11),
    ],
)
def test_DurationHours(d: Duration, want: float) -> None:
    assert d.Hours() == want


durationTruncateTests = [
    (0, Second, 0),
    (Minute, -7 * Second, Minute),
    (Minute, 0, Minute),
    (Minute, 1, Minute),
    (Minute + 10 * Second, 10 * Second, Minute + 10 * Second),
    (2 * Minute + 10 * Second, Minute, 2 * Minute),
    (10 * Minute + 10 * Second, 3 * Minute, 9 * Minute),
    (Minute + 10 * Second, Minute + 10 * Second + 1, 0),
    (Minute + 10 * Second, Hour, 0),
    (-Minute, Second, -Minute),
    (-10 * Minute, 3 * Minute, -9 * Minute),
    (-10 * Minute, Hour, 0),
]


@pytest.mark.parametrize("d,m,want", durationTruncateTests)
def test_DurationTruncate(d: int, m: int, want: int) -> None:
    assert Duration(d).Truncate(m) == want


durationRoundTests = [
    (0, Second, 0),
    (Minute, -11 * Second, Minute),
    (Minute, 0, Minute),
    (Minute, 1, Minute),
    (2 * Minute, Minute, 2 * Minute),
    (2 * Minute + 10 * Second, Minute, 2 * Minute),
    (2 * Minute + 30 * Second, Minute, 3 * Minute),
    (2 * Minute + 50 * Second, Minute, 3 * Minute),
    (-Minute, 1, -Minute),
    (-2 * Minute, Minute, -2 * Minute),
    (-2 * Minute - 10 * Second, Minute, -2 * Minute),
    (-2 * Minute - 30 * Second, Minute, -3 * Minute),
    (-2 * Minute - 50 * Second, Minute, -3 * Minute),
    (8 * 10**18, 3 * 10**18, 9 * 10**18),
    (9 * 10**18, 5 * 10**18, (1 << 63) - 1),
    (-8 * 10**18, 3 * 10**18, -9 * 10**18),
    (-9 * 10**18, 5 * 10**18, -(1 << 63)),
    ((3 << 61) - 1, 3 << 61, 3 << 61),
]


@pytest.mark.parametrize("d,m,want", durationRoundTests)
def test_DurationRound(d: int, m: int, want: int) -> None:
    assert Duration(d).Round(m) == want


durationAbsTests = [
    (0, 0),
    (1, 1),
    (-1, 1),
    (1 * Minute, 1 * Minute),
    (-1 * Minute, 1 * Minute),
    (minDuration, maxDuration),
    (minDuration + 1, maxDuration),
    (minDuration + 2, maxDuration - 1),
    (maxDuration, maxDuration),
    (maxDuration - 1, maxDuration - 1),
]


@pytest.mark.parametrize("d,want", durationAbsTests)
def test_DurationAbs(d: int, want: int) -> None:
    assert Duration(d).Abs() == want


def test_Duration_is_an_int() -> None:
    # Arithmetic Go types as Duration stays a Duration; the rest acts as int.
    d = 2 * Second + 500 * Millisecond
    assert isinstance(d, Duration) and d == 2_500_000_000
    for v in (Second + 1, 1 + Second, Second - 1, 1 - Second, -Second, abs(-Second), 3 * Second):
        assert isinstance(v, Duration)
    # Go's integer / and % on Durations: Durations, truncated toward zero.
    assert Second // Millisecond == 1000 and isinstance(Second // Millisecond, Duration)
    assert str(3 * Second // 2) == "1.5s" and str(-3 * Second // 2) == "-1.5s"
    assert str(-7 * Nanosecond // 2) == "-3ns" and str(-7 * Nanosecond % 2) == "-1ns"
    assert str(Second % (300 * Millisecond)) == "100ms"
    with pytest.raises(ZeroDivisionError):
        Second // 0
    assert Second / 4 == 0.25e9
    assert Second * 1.5 == 1.5e9  # a float, as int * float is
    assert f"{Second * 90}" == "1m30s" and repr(Second) == "Duration(1000000000)"
    assert f"{Second:d}" == "1000000000"
    assert Duration(1.9) == 1 and Duration(-1.9) == -1  # Go's float conversion truncates
    table: dict[int, str] = {Second: "x"}
    assert table[1_000_000_000] == "x"  # hashes as the int it is


def test_Duration_saturates() -> None:
    # Documented divergence: outside int64 a Duration saturates instead of wrapping.
    assert Duration(1 << 70) == maxDuration
    assert Duration(-(1 << 70)) == minDuration
    assert maxDuration + 1 == maxDuration
    assert minDuration - Nanosecond == minDuration
    assert -minDuration == maxDuration


# --- time_test.go: Time ----------------------------------------------------


def test_ZeroTime() -> None:
    zero = Time()
    assert zero.IsZero()
    assert zero.Date() == (1, 1, 1)
    assert zero.Clock() == (0, 0, 0)
    assert zero.Nanosecond() == 0
    assert zero.Unix() == -62135596800
    assert zero.String() == "0001-01-01 00:00:00 +0000 UTC"


utctests = [
    (0, (1970, 1, 1, 0, 0, 0)),
    (1221681866, (2008, 9, 17, 20, 4, 26)),
    (-1221681866, (1931, 4, 16, 3, 55, 34)),
    (-11644473600, (1601, 1, 1, 0, 0, 0)),
    (599529660, (1988, 12, 31, 0, 1, 0)),
    (978220860, (2000, 12, 31, 0, 1, 0)),
]


@pytest.mark.parametrize("sec,golden", utctests)
def test_UnixUTC(sec: int, golden: tuple[int, ...]) -> None:
    tm = Unix(sec, 0).UTC()
    assert tm.Unix() == sec
    assert tm.Date() + tm.Clock() == golden
    assert tm.Nanosecond() == 0


@pytest.mark.parametrize(
    "sec,nsec,golden",
    [(0, 100000000, (1970, 1, 1, 0, 0, 0)), (1221681866, 200000000, (2008, 9, 17, 20, 4, 26))],
)
def test_UnixNanoUTC(sec: int, nsec: int, golden: tuple[int, ...]) -> None:
    tm = Unix(0, sec * 1_000_000_000 + nsec).UTC()
    assert tm.Unix() == sec and tm.UnixNano() == sec * 1_000_000_000 + nsec
    assert tm.Date() + tm.Clock() == golden
    assert tm.Nanosecond() == nsec


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=minInt64 >> 1, max_value=maxInt64 >> 1))
def test_UnixUTCAndBack(sec: int) -> None:
    assert Unix(sec, 0).UTC().Unix() == sec


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=minInt64, max_value=maxInt64))
def test_UnixNanoUTCAndBack(nsec: int) -> None:
    tm = Unix(0, nsec).UTC()
    assert tm.Unix() * 1_000_000_000 + tm.Nanosecond() == nsec
    assert tm.UnixNano() == nsec


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=minInt64, max_value=maxInt64))
def test_UnixMilli(msec: int) -> None:
    assert time.UnixMilli(msec).UnixMilli() == msec


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=minInt64, max_value=maxInt64))
def test_UnixMicro(usec: int) -> None:
    assert time.UnixMicro(usec).UnixMicro() == usec


@pytest.mark.parametrize(
    "tm,want",
    [
        (Unix(0, 0), "1970-01-01 00:00:00 +0000 UTC"),
        (Unix(1221681866, 200000000), "2008-09-17 20:04:26.2 +0000 UTC"),
        (Unix(1221681866, 123456789), "2008-09-17 20:04:26.123456789 +0000 UTC"),
        (Unix(-1, 999999999), "1969-12-31 23:59:59.999999999 +0000 UTC"),
        (Date(2009, 11, 10, 23), "2009-11-10 23:00:00 +0000 UTC"),
        (Date(-1, 1, 1, 12, 15, 30, 500000000), "-0001-01-01 12:15:30.5 +0000 UTC"),
        (Date(12345, 6, 7), "12345-06-07 00:00:00 +0000 UTC"),
        (Date(2000, 2, 29), "2000-02-29 00:00:00 +0000 UTC"),
    ],
)
def test_TimeString(tm: Time, want: str) -> None:
    # Go's String for a UTC Time: layout "2006-01-02 15:04:05.999999999 -0700 MST".
    assert tm.String() == want
    assert str(tm) == want


unixToZero = -978307200 + 63113904000

truncateRoundTests = [
    (Date(-1, 1, 1, 12, 15, 30, 500000000), 3),
    (Date(-1, 1, 1, 12, 15, 31, 500000000), 3),
    (Date(2012, 1, 1, 12, 15, 30, 500000000), Second),
    (Date(2012, 1, 1, 12, 15, 31, 500000000), Second),
    (Unix(-19012425939, 649146258), 7435029458905025217),  # 5.8*d rounds to 6*d
]


def _truncateRoundOne(ti: int, tns: int, di: int) -> None:
    """TestTruncateRound's testOne: check Truncate and Round against exact arithmetic."""
    t0 = Unix(ti, tns).UTC()
    d = abs(di)
    if d <= 0 or d > maxInt64:
        d = 1  # Go: -minInt64 wraps to itself, which is <= 0
    # Absolute nanoseconds since the zero time, exactly.
    bt = (t0.Unix() + unixToZero) * 1_000_000_000 + t0.Nanosecond()
    r = bt % d
    t1 = t0.Add(-r)
    assert t0.Truncate(d) == t1, (ti, tns, d)
    # Round half up.
    if r > d // 2 or r + r == d:
        t1 = t1.Add(d)
    assert t0.Round(d) == t1, (ti, tns, d)


def test_TruncateRound() -> None:
    for tm, d in truncateRoundTests:
        _truncateRoundOne(tm.Unix(), tm.Nanosecond(), d)
    # exhaustive near 0
    for i in range(100):
        for j in range(1, 100):
            _truncateRoundOne(unixToZero, i, j)
            _truncateRoundOne(unixToZero, -i, j)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(minInt64, maxInt64),
    st.integers(-(1 << 31), (1 << 31) - 1),
    st.integers(0, (1 << 31) - 1),
)
def test_TruncateRound_divisorsOfSecond(ti: int, tns: int, logdi: int) -> None:
    a, b = logdi % 9, (logdi >> 16) % 9
    d = (1 << a) * 5**b
    _truncateRoundOne(ti >> 1, tns, d)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(minInt64, maxInt64),
    st.integers(-(1 << 31), (1 << 31) - 1),
    st.integers(-(1 << 31), (1 << 31) - 1),
)
def test_TruncateRound_multiplesOfSecond(ti: int, tns: int, di: int) -> None:
    _truncateRoundOne(ti >> 1, tns, abs(di) * Second)


@settings(max_examples=300, deadline=None)
@given(st.integers(minInt64, maxInt64), st.integers(minInt64, maxInt64))
def test_TruncateRound_halfway(tns: int, di: int) -> None:
    di &= 0xFFFFFFFE
    if di == 0:
        di = 2
    r = abs(tns) % di
    tns -= -r if tns < 0 else r  # Go's %, which keeps the dividend's sign
    tns = tns + di // 2 if tns < 0 else tns - di // 2
    _truncateRoundOne(0, tns, di)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(minInt64, maxInt64),
    st.integers(-(1 << 31), (1 << 31) - 1),
    st.integers(minInt64, maxInt64),
)
def test_TruncateRound_general(ti: int, tns: int, di: int) -> None:
    _truncateRoundOne(ti >> 1, tns, di)


subTests = [
    (Time(), Time(), 0),
    (Date(2009, 11, 23, 0, 0, 0, 1), Date(2009, 11, 23, 0, 0, 0, 0), 1),
    (Date(2009, 11, 23), Date(2009, 11, 24), -24 * Hour),
    (Date(2009, 11, 24), Date(2009, 11, 23), 24 * Hour),
    (Date(-2009, 11, 24), Date(-2009, 11, 23), 24 * Hour),
    (Time(), Date(2109, 11, 23), minDuration),
    (Date(2109, 11, 23), Time(), maxDuration),
    (Time(), Date(-2109, 11, 23), maxDuration),
    (Date(-2109, 11, 23), Time(), minDuration),
    (Date(2290, 1, 1), Date(2000, 1, 1), 290 * 365 * 24 * Hour + 71 * 24 * Hour),
    (Date(2300, 1, 1), Date(2000, 1, 1), maxDuration),
    (Date(2000, 1, 1), Date(2290, 1, 1), -290 * 365 * 24 * Hour - 71 * 24 * Hour),
    (Date(2000, 1, 1), Date(2300, 1, 1), minDuration),
    (
        Date(2311, 11, 26, 2, 16, 47, 63535996),
        Date(2019, 8, 16, 2, 29, 30, 268436582),
        9223372036795099414,
    ),
    (MinMonoTime, MaxMonoTime, minDuration),
    (MaxMonoTime, MinMonoTime, maxDuration),
]


@pytest.mark.parametrize("t,u,d", subTests)
def test_Sub(t: Time, u: Time, d: int) -> None:
    got = t.Sub(u)
    assert got == d
    assert isinstance(got, Duration)


def test_AddToExactSecond() -> None:
    t1 = time.Now()
    t2 = t1.Add(Second - t1.Nanosecond())
    assert t2.Nanosecond() == 0
    assert t2.Unix() == t1.Unix() + 1


def test_TimeAddSecOverflow() -> None:
    # Go's int64 sums wrap; i64 gives the test's arithmetic the same meaning.
    i64 = time._i64
    # positive delta
    timeExt = maxInt64 - UnixToInternal - 50
    notMonoTime = Unix(timeExt, 0)
    for i in range(100):
        sec = notMonoTime.Unix()
        notMonoTime = notMonoTime.Add(i * 1_000_000_000)
        newSec = notMonoTime.Unix()
        assert newSec == i64(sec + i) or i64(newSec + UnixToInternal) == maxInt64
    # negative delta
    notMonoTime = NotMonoNegativeTime
    for i in range(0, -100, -1):
        sec = notMonoTime.Unix()
        notMonoTime = notMonoTime.Add(i * 1_000_000_000)
        newSec = notMonoTime.Unix()
        assert newSec == i64(sec + i) or i64(newSec + UnixToInternal) == -maxInt64
    assert notMonoTime.ext == -maxInt64


def test_Time_value_semantics() -> None:
    # Python == is Go's ==: it sees the monotonic reading; Equal compares instants.
    tn = time.Now()
    tw = tn.Round(0)
    assert tn != tw and tn.Equal(tw) and tw.Equal(tn)
    assert tn == Time(tn.wall, tn.ext) and hash(tn) == hash(Time(tn.wall, tn.ext))
    assert Unix(5, 6) == Unix(5, 6) and len({Unix(5, 6), Unix(5, 6), tw}) == 2
    with pytest.raises(AttributeError):
        tn.wall = 0  # type: ignore[misc]
    assert not Time().Before(Time()) and Time().Compare(Time()) == 0
    assert Unix(1, 0).After(Unix(0, 999999999)) and Unix(0, 1).Compare(Unix(0, 0)) == 1


# --- mono_test.go ----------------------------------------------------------


def test_HasMonotonicClock_pure() -> None:
    assert Date(2009, 11, 23).mono() == 0
    assert Unix(1486057371, 0).mono() == 0
    assert time.Now().mono() != 0
    tu = Unix(1486057371, 0)
    tm = tu.setMono(123456)
    assert tu.mono() == 0 and tm.mono() != 0
    for no in (tu.Add(1), tu.UTC(), tu.Round(2), tu.Truncate(2)):
        assert no.mono() == 0
    assert tm.Add(1).mono() != 0
    for no in (tm.UTC(), tm.Round(2), tm.Truncate(2), tm.Round(0)):
        assert no.mono() == 0


def test_MonotonicAdd_pure() -> None:
    tm = Unix(1486057371, 123456).setMono(123456789012345)
    t2 = tm.Add(100_000_000)
    assert t2.Nanosecond() == 100123456
    assert t2.mono() == 123456889012345
    t3 = tm.Add(-9 * 10**18)  # wall now out of range
    assert t3.Nanosecond() == 123456 and t3.mono() == 0
    t4 = tm.Add(+9 * 10**18)  # wall now out of range
    assert t4.Nanosecond() == 123456 and t4.mono() == 0


def test_MonotonicSub() -> None:
    t1 = Unix(1483228799, 995_000_000).setMono(123456789012345)
    t2 = Unix(1483228799, 5_000_000).setMono(123456789012345 + 10_000_000)
    t3 = Unix(1483228799, 995_000_000).setMono(123456789012345 + 1_000_000_000)
    # Go strips with AddDate(0, 0, 0); Round(0) does the same.
    t1w, t2w, t3w = t1.Round(0), t2.Round(0), t3.Round(0)
    assert t1w.mono() == 0 and t2w.mono() == 0 and t3w.mono() == 0

    def sub(tx: Time, txw: Time, ty: Time, tyw: Time, d: int, dw: int) -> None:
        assert tx.Sub(ty) == d
        assert txw.Sub(ty) == dw
        assert tx.Sub(tyw) == dw
        assert txw.Sub(tyw) == dw

    ms = Millisecond
    sub(t1, t1w, t1, t1w, 0, 0)
    sub(t1, t1w, t2, t2w, -10 * ms, 990 * ms)
    sub(t1, t1w, t3, t3w, -1000 * ms, 0)
    sub(t2, t2w, t1, t1w, 10 * ms, -990 * ms)
    sub(t2, t2w, t2, t2w, 0, 0)
    sub(t2, t2w, t3, t3w, -990 * ms, -990 * ms)
    sub(t3, t3w, t1, t1w, 1000 * ms, 0)
    sub(t3, t3w, t2, t2w, 990 * ms, 990 * ms)
    sub(t3, t3w, t3, t3w, 0, 0)

    def cmp(tx: Time, txw: Time, ty: Time, tyw: Time, c: int, cw: int) -> None:
        for a, b, want in ((tx, ty, c), (txw, ty, cw), (tx, tyw, cw), (txw, tyw, cw)):
            assert a.After(b) == (want > 0)
            assert a.Before(b) == (want < 0)
            assert a.Equal(b) == (want == 0)
            assert a.Compare(b) == want

    cmp(t1, t1w, t1, t1w, 0, 0)
    cmp(t1, t1w, t2, t2w, -1, +1)
    cmp(t1, t1w, t3, t3w, -1, 0)
    cmp(t2, t2w, t1, t1w, +1, -1)
    cmp(t2, t2w, t2, t2w, 0, 0)
    cmp(t2, t2w, t3, t3w, -1, -1)
    cmp(t3, t3w, t1, t1w, +1, 0)
    cmp(t3, t3w, t2, t2w, +1, +1)
    cmp(t3, t3w, t3, t3w, 0, 0)


def test_MonotonicOverflow_pure() -> None:
    t1 = time.Now().Add(-30 * Second)
    d = time.Until(t1)
    assert -35 * Second <= d <= -30 * Second
    t1 = time.Now().Add(30 * Second)
    d = time.Until(t1)
    assert 25 * Second <= d <= 30 * Second
    t0 = time.Now()
    t1 = t0.Add(maxDuration)
    assert t1.mono() == 0
    t2 = t1.Add(-maxDuration)
    d = time.Since(t2)
    assert -10 * Second <= d <= 10 * Second


monotonicStringTests = [
    (0, "m=+0.000000000"),
    (123456789, "m=+0.123456789"),
    (-123456789, "m=-0.123456789"),
    (123456789000, "m=+123.456789000"),
    (-123456789000, "m=-123.456789000"),
    (9 * 10**18, "m=+9000000000.000000000"),
    (-9 * 10**18, "m=-9000000000.000000000"),
    (-(1 << 63), "m=-9223372036.854775808"),
]


@pytest.mark.parametrize("mono,want", monotonicStringTests)
def test_MonotonicString(mono: int, want: str) -> None:
    s = time.Now().setMono(mono).String()
    assert s[s.rindex(" ") + 1 :] == want
    assert " +0000 UTC m=" in s


def test_ZeroTimerResetPanics() -> None:
    with pytest.raises(Panic, match="called on uninitialized Timer"):
        time.Timer().Reset(1)


def test_ZeroTimerStopPanics() -> None:
    with pytest.raises(Panic, match="called on uninitialized Timer"):
        time.Timer().Stop()


def test_TickerStopWithDirectInitialization() -> None:
    # Issue 21874 (also TestManualTicker): Stop on a hand-made Ticker does nothing.
    c: hchan[Time] = rt.chan()
    tk = time.Ticker(C=c)
    tk.Stop()


def test_Tick_nil() -> None:
    # Tick returns nil for a non-positive duration (where NewTicker panics).
    assert time.Tick(-1) is None
    assert time.Tick(0) is None


def test_NewTickerLtZeroDuration() -> None:
    with pytest.raises(Panic) as info:
        time.NewTicker(-1)
    assert info.value.value == "non-positive interval for NewTicker"


# --- sleep_test.go and tick_test.go: inside rt.run -------------------------


def run(main: Callable[[], Any]) -> Any:
    return rt.run(main)


def newTimerFunc(d: int) -> time.Timer:
    """newTimerFunc: NewTimer built from AfterFunc, to test the func path too."""
    c: hchan[Time] = rt.chan(1)
    t = time.AfterFunc(d, lambda: c.send(time.Now()))
    t.C = c
    return t


def ready(c: hchan[Any] | None) -> bool:
    """select { case <-c: return true; default: return false }."""
    i, _, _ = rt.select(rt.recv(c), default=True)
    return i == 0


def waitAll(done: hchan[Any], n: int) -> None:
    for _ in range(n):
        done.recv()


def test_Sleep() -> None:
    def main() -> None:
        delay = 50 * Millisecond

        def other() -> None:
            time.Sleep(delay // 2)

        rt.go(other)
        start = time.Now()
        time.Sleep(delay)
        duration = time.Since(start)
        assert duration >= delay, f"Sleep({delay}) slept for only {duration}"

    run(main)


def test_SleepZero_and_negative() -> None:
    def main() -> None:
        start = time.Now()
        for d in (0, -1, minDuration):
            time.Sleep(d)
        assert time.Since(start) < Second

    run(main)


def test_AfterFunc() -> None:
    def main() -> None:
        i = 10
        c: hchan[bool] = rt.chan()

        def f() -> None:
            nonlocal i
            i -= 1
            if i >= 0:
                time.AfterFunc(0, f)
                time.Sleep(1 * Second)
            else:
                c.send(True)

        time.AfterFunc(0, f)
        c.recv()

    run(main)


def test_TickerStress() -> None:
    def main() -> None:
        stop = False

        def churn() -> None:
            while not stop:
                time.Sleep(Nanosecond)

        rt.go(churn)
        ticker = time.NewTicker(1)
        assert ticker.C is not None
        for _ in range(100):
            ticker.C.recv()
        ticker.Stop()
        stop = True

    run(main)


def test_TickerConcurrentStress() -> None:
    def main() -> None:
        ticker = time.NewTicker(1)
        done: hchan[bool] = rt.chan(10)

        def reader() -> None:
            assert ticker.C is not None
            for _ in range(20):
                ticker.C.recv()
            done.send(True)

        for _ in range(10):
            rt.go(reader)
        waitAll(done, 10)
        ticker.Stop()

    run(main)


def test_After() -> None:
    def main() -> None:
        delay = 50 * Millisecond
        start = time.Now()
        end = time.After(delay).recv()
        assert time.Since(start) >= delay
        assert not end.Before(start.Add(delay))
        assert end.mono() != 0  # mono_test.go: <-After(1) has a monotonic reading

    run(main)


def test_AfterTick() -> None:
    def main() -> None:
        Count = 10
        Delta = 10 * Millisecond
        t0 = time.Now()
        for _ in range(Count):
            time.After(Delta).recv()
        d = time.Now().Sub(t0)
        target = Delta * Count
        assert d >= target * 9 // 10, f"{Count} ticks of {Delta} too fast: took {d}"

    run(main)


@pytest.mark.parametrize("impl", ["chan", "func"])
def test_AfterStop(impl: str) -> None:
    newTimer = time.NewTimer if impl == "chan" else newTimerFunc

    def main() -> None:
        errs: list[str] = []
        for _ in range(5):
            time.AfterFunc(50 * Millisecond, lambda: None)
            t0 = newTimer(25 * Millisecond)
            c1: hchan[bool] = rt.chan(1)
            t1 = time.AfterFunc(75 * Millisecond, lambda c1=c1: c1.send(True))
            c2 = time.After(100 * Millisecond)
            if not t0.Stop():
                errs.append("failed to stop event 0")
                continue
            if not t1.Stop():
                errs.append("failed to stop event 1")
                continue
            c2.recv()
            i, _, _ = rt.select(rt.recv(t0.C), rt.recv(c1), default=True)
            if i == 0:
                errs.append("event 0 was not stopped")
                continue
            if i == 1:
                errs.append("event 1 was not stopped")
                continue
            if t1.Stop():
                errs.append("Stop returned true twice")
                continue
            return
        raise AssertionError(f"saw {len(errs)} errors: {errs}")

    run(main)


slots = [5, 3, 6, 6, 6, 1, 1, 2, 7, 9, 4, 8, 0]


def _afterQueuing1(delta: int, after: Callable[[int], hchan[Time]]) -> str | None:
    result: hchan[tuple[int, Time]] = rt.chan(len(slots))

    def wait(slot: int, ac: hchan[Time]) -> None:
        result.send((slot, ac.recv()))

    t0 = time.Now()
    for slot in slots:
        rt.go(wait, slot, after(slot * delta))
    order: list[int] = []
    times: list[Time] = []
    for _ in slots:
        slot, tm = result.recv()
        order.append(slot)
        times.append(tm)
    if order != sorted(order):
        return f"After calls returned out of order: {order}"
    for slot, tm in zip(order, times, strict=True):
        dt = tm.Sub(t0)
        target = slot * delta
        if dt < target - delta // 2 or dt > target + delta * 10:
            return f"After({Duration(target)}) arrived at {dt}"
    return None


@pytest.mark.parametrize("impl", ["chan", "func"])
def test_AfterQueuing(impl: str) -> None:
    def after(d: int) -> hchan[Time]:
        if impl == "chan":
            return time.After(d)
        c = newTimerFunc(d).C
        assert c is not None
        return c

    def main() -> None:
        err: str | None = "!=nil"
        for i in range(5):
            err = _afterQueuing1((10 + i * 30) * Millisecond, after)
            if err is None:
                return
        raise AssertionError(err)

    run(main)


def test_TimerStopStress() -> None:
    # Go's margins (a 50 ms sleep inside a 200 ms timer) leave 150 ms. Late in
    # a full run CPython's full collection (generation 2) takes ~190 ms here
    # and stalls every goroutine (seen with gc.callbacks: 43k objects freed);
    # collecting now means none falls due during the test.
    import gc

    gc.collect()

    def main() -> None:
        fired: list[int] = []
        done: hchan[bool] = rt.chan(100)

        def one(i: int) -> None:
            timer = time.AfterFunc(200 * Millisecond, lambda: fired.append(i))
            time.Sleep(50 * Millisecond)
            timer.Stop()
            done.send(True)

        for i in range(100):
            rt.go(one, i)
        waitAll(done, 100)
        time.Sleep(250 * Millisecond)
        assert fired == [], f"timers {fired} were not stopped"

    run(main)


def test_SleepZeroDeadlock() -> None:
    def main() -> None:
        c: hchan[bool] = rt.chan()

        def other() -> None:
            for _ in range(100):
                rt.Gosched()
            c.send(True)

        rt.go(other)
        for _ in range(100):
            time.Sleep(0)
            tmp: hchan[bool] = rt.chan(1)
            tmp.send(True)
            tmp.recv()
        c.recv()

    run(main)


def _testReset(d: int) -> str | None:
    t0 = time.NewTimer(2 * d)
    time.Sleep(d)
    if not t0.Reset(3 * d):
        return "resetting unfired timer returned false"
    time.Sleep(2 * d)
    if ready(t0.C):
        return "timer fired early"
    time.Sleep(2 * d)
    if not ready(t0.C):
        return "reset timer did not fire"
    if t0.Reset(50 * Millisecond):
        return "resetting expired timer returned true"
    return None


def test_Reset() -> None:
    def main() -> None:
        d = 1 * Millisecond
        while True:
            err = _testReset(d)
            if err is None:
                return
            d *= 2
            assert d <= 10 * Second, err

    run(main)


def test_OverflowSleep() -> None:
    def main() -> None:
        big = maxDuration

        def sleeper() -> None:
            time.Sleep(big)
            raise AssertionError("big sleep returned")

        rt.go(sleeper)
        i, _, _ = rt.select(rt.recv(time.After(big)), rt.recv(time.After(25 * Millisecond)))
        assert i == 1, "big timeout fired"

        neg = minDuration
        time.Sleep(neg)  # Returns immediately.
        i, _, _ = rt.select(rt.recv(time.After(neg)), rt.recv(time.After(1 * Second)))
        assert i == 0, "negative timeout didn't fire"

    run(main)


def test_Issue5745() -> None:
    # A panic must not leave the timers in a state that deadlocks a later Stop.
    def main() -> None:
        ticker = time.NewTicker(Hour)
        timer: time.Timer | None = None
        try:
            timer.Stop()  # type: ignore[union-attr]  # Go's nil *Timer dereference
        except AttributeError:
            pass
        else:
            raise AssertionError("Expected panic, but none happened.")
        finally:
            ticker.Stop()

    run(main)


def test_OverflowPeriodRuntimeTimer() -> None:
    # CheckRuntimeTimerPeriodOverflow: a timer with a huge period that is due
    # at once must not throw or make other timers hang.
    def main() -> None:
        t = time.newTimer(time.when(0), maxInt64, lambda arg, seq, delta: None, None, None)
        try:
            time.After(25 * Millisecond).recv()
        finally:
            t.Stop()

    run(main)


@pytest.mark.parametrize("impl", ["chan", "func", "cache"])
def test_ZeroTimer(impl: str) -> None:
    def main() -> None:
        newTimer: Callable[[int], time.Timer]
        if impl == "chan":
            newTimer = time.NewTimer
        elif impl == "func":
            newTimer = newTimerFunc
        else:
            timer = newTimerFunc(Hour)

            def reuse(d: int) -> time.Timer:
                timer.Reset(d)
                return timer

            newTimer = reuse
        for _ in range(300):
            s = time.Now()
            ti = newTimer(0)
            assert ti.C is not None
            ti.C.recv()
            assert time.Since(s) <= 2 * Second

    run(main)


def test_TimerModifiedEarlier() -> None:
    def main() -> None:
        past = time.Until(Unix(0, 0))
        for _ in range(50):
            timer = newTimerFunc(Hour)
            assert timer.C is not None
            for _ in range(10):
                if not timer.Stop():
                    timer.C.recv()
                timer.Reset(past)
            deadline = time.NewTimer(10 * Second)
            now = time.Now()
            i, _, _ = rt.select(rt.recv(timer.C), rt.recv(deadline.C))
            deadline.Stop()
            assert i == 0, "deadline expired"
            assert time.Since(now) <= 8 * Second

    run(main)


def test_AdjustTimers() -> None:
    def main() -> None:
        rnd = random.Random(time.Now().UnixNano())
        n = 100
        timers: list[time.Timer | None] = [None] * n
        states = [0] * n
        indices = list(range(n))
        rnd.shuffle(indices)
        while indices:
            ii = rnd.randrange(len(indices))
            i = indices[ii]
            timer = timers[i]
            state = states[i]
            states[i] += 1
            if state == 0:
                timers[i] = newTimerFunc(0)
                continue
            assert timer is not None and timer.C is not None
            if state == 1:
                timer.C.recv()  # Timer is now idle.
            elif state in (2, 4, 6):
                # Reset to various long durations, which we'll cancel.
                assert not timer.Reset({2: 1, 4: 3, 6: 2}[state] * Minute), "shouldn't be active"
            elif state in (3, 5, 7):
                # Stop and drain a long-duration timer.
                if not timer.Stop():
                    timer.C.recv()
            elif state == 8:
                # Start a short-duration timer we expect to select without blocking.
                assert not timer.Reset(0), "timer.Reset returned true"
            elif state == 9:
                now = time.Now()
                timer.C.recv()
                assert time.Since(now) <= 750 * Millisecond
            elif state == 10:
                # Timer is done. Swap with tail and remove.
                indices[ii] = indices[-1]
                indices.pop()

    run(main)


@pytest.mark.parametrize("testStop", [True, False])
def test_StopResetResult(testStop: bool) -> None:
    # Issue 69312: racing a firing timer, Stop/Reset's result says whether a
    # value can still be read from the channel.
    def stopOrReset(timer: time.Timer) -> bool:
        if testStop:
            return timer.Stop()
        return timer.Reset(1 * Hour)

    def main() -> None:
        N = 20
        start: hchan[None] = rt.chan()
        done: hchan[bool] = rt.chan(N)

        def worker() -> None:
            start.recv2()
            for _ in range(10):
                timer1 = time.NewTimer(1 * Millisecond)
                timer2 = time.NewTimer(1 * Millisecond)
                i, _, _ = rt.select(rt.recv(timer1.C), rt.recv(timer2.C))
                other = timer2 if i == 0 else timer1
                if not stopOrReset(other):
                    # Go's test hangs here on failure; fail clearly instead.
                    j, _, _ = rt.select(rt.recv(other.C), rt.recv(time.After(5 * Second)))
                    assert j == 0, "Stop/Reset returned false, yet no value can be received"
            done.send(True)

        for _ in range(N):
            rt.go(worker)
        start.close()
        waitAll(done, N)

    run(main)


def test_MultiWakeupTimer() -> None:
    def main() -> None:
        timer = time.NewTimer(Nanosecond)
        done: hchan[bool] = rt.chan(4)

        def worker() -> None:
            for _ in range(500):
                ready(timer.C)
                timer.Reset(Nanosecond)
            done.send(True)

        for _ in range(4):
            rt.go(worker)
        waitAll(done, 4)

    run(main)


def test_HasMonotonicClock_channels() -> None:
    def main() -> None:
        assert time.After(1).recv().mono() != 0
        ticker = time.NewTicker(1)
        assert ticker.C is not None
        assert ticker.C.recv().mono() != 0
        ticker.Stop()

    run(main)


def test_MonotonicAdd_sleep() -> None:
    def main() -> None:
        tn = time.Now()
        tn1 = tn.Add(1 * Hour)
        time.Sleep(20 * Millisecond)
        assert time.Until(tn1) >= 59 * Minute
        now = time.Now()
        assert not now.After(tn1) and tn1.After(now)
        assert not tn1.Before(now) and now.Before(tn1)
        assert now.Compare(tn1) == -1 and tn1.Compare(now) == 1

    run(main)


def test_MonotonicOverflow_sleep() -> None:
    def main() -> None:
        t1 = time.Now().Add(1 * Hour)
        time.Sleep(20 * Millisecond)
        t2 = time.Now().Add(-5 * Second)
        assert t1.After(t2) and not t2.After(t1)
        assert not t1.Before(t2) and t2.Before(t1)
        assert t1.Compare(t2) == 1 and t2.Compare(t1) == -1

    run(main)


# --- tick_test.go ----------------------------------------------------------


def test_Ticker() -> None:
    def main() -> None:
        errs: list[str] = []
        for count, delta in ((10, 20 * Millisecond), (6, 50 * Millisecond)):
            ticker = time.NewTicker(delta)
            assert ticker.C is not None
            t0 = time.Now()
            for _ in range(count // 2):
                ticker.C.recv()
            ticker.Reset(delta * 2)
            for _ in range(count - count // 2):
                ticker.C.recv()
            ticker.Stop()
            dt = time.Now().Sub(t0)
            target = 3 * delta * (count // 2)
            slop = target * 3 // 10
            if dt < target - slop or dt > target + slop:
                errs.append(f"{count // 2} {delta} ticks then {count // 2} {delta * 2} took {dt}")
                if dt > target + slop:
                    time.Sleep(Second // 4)  # the machine may be overloaded
                continue
            # Now test that the ticker stopped.
            time.Sleep(2 * delta)
            if ready(ticker.C):
                errs.append("Ticker did not shut down")
                continue
            return
        raise AssertionError(f"saw {len(errs)} errors: {errs}")

    run(main)


def test_Teardown() -> None:
    # A bug tearing down a ticker once deadlocked here.
    def main() -> None:
        for _ in range(3):
            ticker = time.NewTicker(20 * Millisecond)
            assert ticker.C is not None
            ticker.C.recv()
            ticker.Stop()

    run(main)


def test_Tick() -> None:
    def main() -> None:
        c = time.Tick(Millisecond)
        assert c is not None
        c.recv()
        c.recv()

    run(main)


def test_TickerResetLtZeroDuration() -> None:
    def main() -> None:
        tk = time.NewTicker(Second)
        try:
            with pytest.raises(Panic) as info:
                tk.Reset(0)
            assert info.value.value == "non-positive interval for Ticker.Reset"
        finally:
            tk.Stop()

    run(main)


class tickerTimer:
    """tickerTimer: a Ticker with Timer's Stop/Reset results, for testTimerChan."""

    def __init__(self, ticker: time.Ticker) -> None:
        self.Ticker = ticker
        self.stopped = False

    def Stop(self) -> bool:
        pending = not self.stopped
        self.stopped = True
        self.Ticker.Stop()
        return pending

    def Reset(self, d: int) -> bool:
        pending = not self.stopped
        self.stopped = False
        self.Ticker.Reset(d)
        return pending


def _testTimerChan(tim: time.Timer | tickerTimer, C: hchan[Time]) -> None:
    """testTimerChan: Go 1.23 timer channels: no stale values, len and cap 0."""
    isTicker = isinstance(tim, tickerTimer)
    sched = 10 * Millisecond
    tries = 100

    def noTick() -> None:
        assert not ready(C), "extra tick"

    def assertTick() -> None:
        if ready(C):
            return
        for _ in range(tries):
            time.Sleep(sched)
            if ready(C):
                return
        raise AssertionError("missing tick")

    def notDone(done: hchan[bool]) -> None:
        assert not ready(done), "early done"

    def waitDone(done: hchan[bool]) -> None:
        for _ in range(tries):
            time.Sleep(sched)
            if ready(done):
                return
        raise AssertionError("never got done")

    # Test simple stop; timer never in heap.
    tim.Stop()
    noTick()

    # Test modify of timer not in heap.
    tim.Reset(10000 * Second)
    noTick()

    # Test modify of timer in heap.
    tim.Reset(1)
    time.Sleep(sched)
    assert (len(C), C.cap()) == (0, 0)
    assertTick()

    # Sleep long enough that a second tick must happen if this is a ticker.
    # Test that Reset does not lose the tick that should have happened.
    time.Sleep(sched)
    tim.Reset(10000 * Second)
    noTick()

    # Reset timer in heap (already reset above, but just in case).
    tim.Reset(10000 * Second)

    # Test stop while timer in heap (because goroutine is blocked on <-C).
    done: hchan[bool] = rt.chan()
    notDone(done)

    def recvThenClose() -> None:
        C.recv()
        done.close()

    rt.go(recvThenClose)
    time.Sleep(sched)
    notDone(done)

    # Test reset far away while timer in heap.
    tim.Reset(20000 * Second)
    time.Sleep(sched)
    notDone(done)

    # Test imminent reset while in heap.
    tim.Reset(1)
    waitDone(done)

    # If this is a ticker, another tick should have come in already
    # (they are 1ns apart). If a timer, it should have stopped.
    if isTicker:
        assertTick()
    else:
        noTick()

    tim.Stop()
    noTick()

    # Again using select and with two goroutines waiting.
    tim.Reset(10000 * Second)
    done = rt.chan(2)
    done1: hchan[bool] = rt.chan()
    done2: hchan[bool] = rt.chan()
    stop: hchan[bool] = rt.chan()

    def waiter(mine: hchan[bool]) -> None:
        i, _, _ = rt.select(rt.recv(C), rt.recv(stop))
        if i == 0:
            done.send(True)
        mine.close()

    rt.go(waiter, done1)
    rt.go(waiter, done2)
    time.Sleep(sched)
    notDone(done)
    tim.Reset(sched // 2)
    time.Sleep(sched)
    waitDone(done)
    tim.Stop()
    stop.close()
    waitDone(done1)
    waitDone(done2)
    if isTicker:
        # An extra send might have sent done again (buffered above), and an
        # extra tick after that might have filled C.
        ready(done)
        ready(C)
    notDone(done)

    # Test enqueueTimerChan when timer is stopped.
    stop = rt.chan()
    done = rt.chan(2)

    def quiet() -> None:
        i, _, _ = rt.select(rt.recv(C), rt.recv(stop))
        if i == 0:
            raise AssertionError("unexpected data")
        done.send(True)

    for _ in range(2):
        rt.go(quiet)
    time.Sleep(sched)
    stop.close()
    waitDone(done)
    waitDone(done)

    # Test that Stop and Reset block old values from being received.
    # (Proposal go.dev/issue/37196.)
    tim.Reset(1)
    time.Sleep(10 * Millisecond)
    assert tim.Stop() is True
    noTick()

    tim.Reset(Hour)
    noTick()
    assert tim.Reset(1) is True
    assertTick()
    time.Sleep(10 * Millisecond)
    if isTicker:
        assertTick()
        time.Sleep(10 * Millisecond)
    else:
        noTick()
    assert tim.Reset(Hour) is isTicker
    noTick()


def test_Chan_Timer() -> None:
    def main() -> None:
        tim = time.NewTimer(10000 * Second)
        assert tim.C is not None
        _testTimerChan(tim, tim.C)

    run(main)


def test_Chan_Ticker() -> None:
    def main() -> None:
        tk = time.NewTicker(10000 * Second)
        assert tk.C is not None
        _testTimerChan(tickerTimer(tk), tk.C)

    run(main)


def test_Stop_drains_stale_value() -> None:
    # Go 1.23 semantics, the short version: a fired but unreceived value is
    # gone after Stop (which reports the timer as pending, since it was never
    # received) and after Reset.
    def main() -> None:
        t = time.NewTimer(1)
        assert t.C is not None
        time.Sleep(5 * Millisecond)
        assert (len(t.C), t.C.cap()) == (0, 0)
        assert t.Stop() is True
        assert not ready(t.C)
        t.Reset(1)
        time.Sleep(5 * Millisecond)
        assert t.Reset(Hour) is True
        assert not ready(t.C)
        assert t.Stop() is True
        assert t.Stop() is False

    run(main)


def test_AfterTimes() -> None:
    # After(10ms) read 100ms later still carries the time it was due.
    def main() -> None:
        for _ in range(10):
            start = time.Now()
            c = time.After(10 * Millisecond)
            time.Sleep(100 * Millisecond)
            dt = c.recv().Sub(start)
            if dt < 80 * Millisecond:
                return
        raise AssertionError("not working")

    run(main)


def test_TickTimes() -> None:
    def main() -> None:
        for _ in range(10):
            start = time.Now()
            c = time.Tick(10 * Millisecond)
            assert c is not None
            time.Sleep(100 * Millisecond)
            dt = c.recv().Sub(start)
            if dt < 80 * Millisecond:
                return
        raise AssertionError("not working")

    run(main)


# --- port-side: Go's parameter types, checked at the call ------------------------------

_badDurations: list[Any] = [0.5, 1.5, "1s", True, None, b"1"]


def _expectDurationError(who: str, name: str, bad: Any, call: Callable[[Any], object]) -> None:
    with pytest.raises(TypeError) as exc:
        call(bad)
    msg = str(exc.value)
    assert msg.startswith(f"{who}: {name} must be a Duration (int nanoseconds), "
                          f"not {type(bad).__name__}"), msg


def test_PortDurationArgumentTypes() -> None:
    """A float, str, bool or None where Go takes a Duration is a TypeError naming the call.

    Before, ``Sleep(0.5)`` truncated to 0 ns and returned at once, and
    ``NewTimer(0.5)`` fired at once: silently wrong. bool is refused too
    (Go would not compile it), although it is an int subclass.
    """
    def main() -> None:
        t = time.NewTimer(time.Hour)
        tk = time.NewTicker(time.Hour)
        now = time.Now()
        for bad in _badDurations:
            calls: list[tuple[str, str, Callable[[Any], object]]] = [
                ("time.Sleep", "d", lambda b: time.Sleep(b)),
                ("time.NewTimer", "d", lambda b: time.NewTimer(b)),
                ("time.After", "d", lambda b: time.After(b)),
                ("time.AfterFunc", "d", lambda b: time.AfterFunc(b, lambda: None)),
                ("time.NewTicker", "d", lambda b: time.NewTicker(b)),
                ("time.Tick", "d", lambda b: time.Tick(b)),
                ("time.Timer.Reset", "d", lambda b: t.Reset(b)),
                ("time.Ticker.Reset", "d", lambda b: tk.Reset(b)),
                ("time.Time.Add", "d", lambda b: now.Add(b)),
                ("time.Time.Truncate", "d", lambda b: now.Truncate(b)),
                ("time.Time.Round", "d", lambda b: now.Round(b)),
                ("time.Duration.Truncate", "m", lambda b: time.Second.Truncate(b)),
                ("time.Duration.Round", "m", lambda b: time.Second.Round(b)),
            ]
            for who, name, call in calls:
                _expectDurationError(who, name, bad, call)
        # The timers were left untouched by the refused Resets.
        assert t.Stop() is True
        tk.Stop()
        # A float says how to convert; Duration(x) converts as Go's conversion does.
        with pytest.raises(TypeError, match=r"time\.Duration\(x \* time\.Second\)"):
            time.Sleep(0.5)
        assert time.Duration(0.5 * time.Second) == 500 * time.Millisecond
        for bad in ("5", b"5", True, None):  # Go's conversion takes numbers only
            with pytest.raises(TypeError, match=r"^time\.Duration: cannot convert"):
                time.Duration(bad)
        # ints and Durations (and int subclasses other than bool) are fine.
        time.Sleep(0)
        time.Sleep(time.Duration(0))
        assert now.Add(time.Second) == now.Add(1_000_000_000)

    rt.run(main)


def test_PortTimeArgumentTypes() -> None:
    """Where Go takes a Time, a Duration or float is a TypeError saying an instant is needed."""
    now = time.Now()
    for bad in (5, 1.5, None, "now"):
        for who, name, call in (("time.Since", "t", lambda b: time.Since(b)),
                                ("time.Until", "t", lambda b: time.Until(b)),
                                ("time.Time.Sub", "u", lambda b: now.Sub(b))):
            with pytest.raises(TypeError) as exc:
                call(bad)
            assert str(exc.value).startswith(f"{who}: {name} must be a time.Time"), exc.value
    for bad in (1.5, "1", True):
        for who, name, call in (("time.Unix", "sec", lambda b: time.Unix(b, 0)),
                                ("time.Unix", "nsec", lambda b: time.Unix(0, b)),
                                ("time.UnixMilli", "msec", lambda b: time.UnixMilli(b)),
                                ("time.UnixMicro", "usec", lambda b: time.UnixMicro(b))):
            with pytest.raises(TypeError) as exc:
                call(bad)
            assert str(exc.value) == f"{who}: {name} must be an int, not {type(bad).__name__}"
