"""Tests for std.time's layouts (Format, AppendFormat, Parse), ported from format_test.go.

Go's tables are written for a time in US Pacific time; every Time here is
UTC, so the rows are ported with their UTC values (Go prints the same
strings for the same instant with ``.UTC()``). ``goFormatRows`` and
``goParseRows`` were printed by a real Go (1.19, ``TZ=UTC``) from
/tmp/timefmt/main.go, for layouts and values that Go 1.19 and go1.27 treat
alike. Parse results are compared as instants: Go keeps a numeric offset in
a fixed zone, here the instant is returned in UTC.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rt.panic import Panic
from std import time
from std.time import (
    ANSIC,
    RFC850,
    RFC1123,
    RFC1123Z,
    RFC3339,
    UTC,
    DateOnly,
    DateTime,
    February,
    January,
    Kitchen,
    Local,
    Month,
    Parse,
    ParseError,
    ParseInLocation,
    RFC3339Nano,
    RubyDate,
    Second,
    Stamp,
    StampMicro,
    StampMilli,
    StampNano,
    Thursday,
    Time,
    TimeOnly,
    Unix,
    UnixDate,
    Weekday,
)
from std.time import Date as TDate

# --- TestNextStdChunk ---------------------------------------------------------

StdChunkNames: dict[int, str] = {
    0: "",
    time.stdLongMonth: "January",
    time.stdMonth: "Jan",
    time.stdNumMonth: "1",
    time.stdZeroMonth: "01",
    time.stdLongWeekDay: "Monday",
    time.stdWeekDay: "Mon",
    time.stdDay: "2",
    time.stdUnderDay: "_2",
    time.stdZeroDay: "02",
    time.stdUnderYearDay: "__2",
    time.stdZeroYearDay: "002",
    time.stdHour: "15",
    time.stdHour12: "3",
    time.stdZeroHour12: "03",
    time.stdMinute: "4",
    time.stdZeroMinute: "04",
    time.stdSecond: "5",
    time.stdZeroSecond: "05",
    time.stdLongYear: "2006",
    time.stdYear: "06",
    time.stdPM: "PM",
    time.stdpm: "pm",
    time.stdTZ: "MST",
    time.stdISO8601TZ: "Z0700",
    time.stdISO8601SecondsTZ: "Z070000",
    time.stdISO8601ShortTZ: "Z07",
    time.stdISO8601ColonTZ: "Z07:00",
    time.stdISO8601ColonSecondsTZ: "Z07:00:00",
    time.stdNumTZ: "-0700",
    time.stdNumSecondsTz: "-070000",
    time.stdNumShortTZ: "-07",
    time.stdNumColonTZ: "-07:00",
    time.stdNumColonSecondsTZ: "-07:00:00",
}
for _n in range(1, 10):
    StdChunkNames[time.stdFracSecond0 | _n << time.stdArgShift] = "." + "0" * _n
    StdChunkNames[time.stdFracSecond9 | _n << time.stdArgShift] = "." + "9" * _n

nextStdChunkTests = [
    "(2006)-(01)-(02)T(15):(04):(05)(Z07:00)",
    "(2006)-(01)-(02) (002) (15):(04):(05)",
    "(2006)-(01) (002) (15):(04):(05)",
    "(2006)-(002) (15):(04):(05)",
    "(2006)(002)(01) (15):(04):(05)",
    "(2006)(002)(04) (15):(04):(05)",
]


def _markChunks(fmt: str) -> str:
    out = ""
    s = fmt
    while s != "":
        prefix, std, suffix = time.nextStdChunk(s)
        out += prefix
        if std > 0:
            out += "(" + StdChunkNames[std] + ")"
        s = suffix
    return out


@pytest.mark.parametrize("marked", nextStdChunkTests)
def test_next_std_chunk(marked: str) -> None:
    fmt = marked.replace("(", "").replace(")", "")
    assert _markChunks(fmt) == marked


def test_next_std_chunk_edges() -> None:
    assert time.nextStdChunk("hello") == ("hello", 0, "")
    assert time.nextStdChunk("Month") == ("Month", 0, "")  # not "Mon" + "th"
    assert time.nextStdChunk("_2006x") == ("_", time.stdLongYear, "x")
    assert time.nextStdChunk(",000x") == ("", time.stdFracSecond(time.stdFracSecond0, 3, ","), "x")
    assert time.nextStdChunk(".0001") == (".00", time.stdZeroMonth, "")  # digits must end the run
    assert time.startsWithLowerCase("abc") and not time.startsWithLowerCase("Abc")
    assert not time.startsWithLowerCase("")


# --- TestRFC3339Conversion, TestAppendInt -----------------------------------------


def test_rfc3339_conversion() -> None:
    # Only Go's UTC row: the others need FixedZone.
    assert TDate(2008, 9, 17, 20, 4, 26, 0, UTC).Format(RFC3339) == "2008-09-17T20:04:26Z"


@pytest.mark.parametrize(("x", "width", "want"), [
    (0, 0, "0"), (0, 1, "0"), (0, 2, "00"), (0, 3, "000"),
    (1, 0, "1"), (1, 1, "1"), (1, 2, "01"), (1, 3, "001"),
    (-1, 0, "-1"), (-1, 1, "-1"), (-1, 2, "-01"), (-1, 3, "-001"),
    (99, 2, "99"), (100, 2, "100"),
    (1, 4, "0001"), (12, 4, "0012"), (123, 4, "0123"), (1234, 4, "1234"), (12345, 4, "12345"),
    (1, 5, "00001"), (12, 5, "00012"), (123, 5, "00123"), (1234, 5, "01234"),
    (12345, 5, "12345"), (123456, 5, "123456"),
    (0, 9, "000000000"), (123, 9, "000000123"), (123456, 9, "000123456"),
    (123456789, 9, "123456789"),
])
def test_append_int(x: int, width: int, want: str) -> None:
    assert time.appendInt(bytearray(b"ab"), x, width) == b"ab" + want.encode()


# --- TestFormat ------------------------------------------------------------------

# Go's formatTests at the same instant, Thu Feb 5 05:00:57.0123456 2009 UTC
# (Go's table shows it in PST, 8 hours earlier).
formatTests = [
    ("ANSIC", ANSIC, "Thu Feb  5 05:00:57 2009"),
    ("UnixDate", UnixDate, "Thu Feb  5 05:00:57 UTC 2009"),
    ("RubyDate", RubyDate, "Thu Feb 05 05:00:57 +0000 2009"),
    ("RFC822", time.RFC822, "05 Feb 09 05:00 UTC"),
    ("RFC850", RFC850, "Thursday, 05-Feb-09 05:00:57 UTC"),
    ("RFC1123", RFC1123, "Thu, 05 Feb 2009 05:00:57 UTC"),
    ("RFC1123Z", RFC1123Z, "Thu, 05 Feb 2009 05:00:57 +0000"),
    ("RFC3339", RFC3339, "2009-02-05T05:00:57Z"),
    ("RFC3339Nano", RFC3339Nano, "2009-02-05T05:00:57.0123456Z"),
    ("Kitchen", Kitchen, "5:00AM"),
    ("am/pm", "3pm", "5am"),
    ("AM/PM", "3PM", "5AM"),
    ("two-digit year", "06 01 02", "09 02 05"),
    # Three-letter months and days must not be followed by lower-case letter.
    ("Janet", "Hi Janet, the Month is January", "Hi Janet, the Month is February"),
    # Time stamps, Fractional seconds.
    ("Stamp", Stamp, "Feb  5 05:00:57"),
    ("StampMilli", StampMilli, "Feb  5 05:00:57.012"),
    ("StampMicro", StampMicro, "Feb  5 05:00:57.012345"),
    ("StampNano", StampNano, "Feb  5 05:00:57.012345600"),
    ("DateTime", DateTime, "2009-02-05 05:00:57"),
    ("DateOnly", DateOnly, "2009-02-05"),
    ("TimeOnly", TimeOnly, "05:00:57"),
    ("YearDay", "Jan  2 002 __2 2", "Feb  5 036  36 5"),
    ("Year", "2006 6 06 _6 __6 ___6", "2009 6 09 _6 __6 ___6"),
    ("Month", "Jan January 1 01 _1", "Feb February 2 02 _2"),
    ("DayOfMonth", "2 02 _2 __2", "5 05  5  36"),
    ("DayOfWeek", "Mon Monday", "Thu Thursday"),
    ("Hour", "15 3 03 _3", "05 5 05 _5"),
    ("Minute", "4 04 _4", "0 00 _0"),
    ("Second", "5 05 _5", "57 57 _57"),
]


@pytest.mark.parametrize(("name", "layout", "want"), formatTests, ids=[r[0] for r in formatTests])
def test_format(name: str, layout: str, want: str) -> None:
    t = Unix(0, 1233810057012345600)
    assert t.Format(layout) == want
    assert t.AppendFormat(b"x:", layout) == b"x:" + want.encode()


def test_format_single_digits() -> None:  # issue 12440
    assert TDate(2001, 2, 3, 4, 5, 6, 700000000, UTC).Format("3:4:5") == "4:5:6"


def test_format_short_year() -> None:
    years = [
        -100001, -100000, -99999, -10001, -10000, -9999, -1001, -1000, -999,
        -101, -100, -99, -11, -10, -9, -1, 0, 1, 9, 10, 11, 99, 100, 101,
        999, 1000, 1001, 9999, 10000, 10001, 99999, 100000, 100001,
    ]
    for y in years:
        t = TDate(y, January, 1, 0, 0, 0, 0, UTC)
        want = f"-{-y:04d}.01.01" if y < 0 else f"{y:04d}.01.01"
        assert t.Format("2006.01.02") == want, y


def test_noon_is_12pm_and_midnight_is_12am() -> None:
    noon = TDate(0, January, 1, 12, 0, 0, 0, UTC)
    assert noon.Format("3:04PM") == "12:00PM"
    assert noon.Format("03:04PM") == "12:00PM"
    midnight = TDate(0, January, 1, 0, 0, 0, 0, UTC)
    assert midnight.Format("3:04PM") == "12:00AM"
    assert midnight.Format("03:04PM") == "12:00AM"


@pytest.mark.parametrize(("layout", "want"), [  # issue 48037
    ("15:04:05.000", "05:00:57.012"),
    ("15:04:05.999", "05:00:57.012"),
    ("15:04:05,000", "05:00:57,012"),
    ("15:04:05,999", "05:00:57,012"),
])
def test_format_fractional_second_separators(layout: str, want: str) -> None:
    assert Unix(0, 1233810057012345600).Format(layout) == want


def test_format_zones_are_utc() -> None:
    # TestFormatSecondsInTimeZone, at offset 0: the only zone here.
    d = TDate(1871, 1, 1, 5, 33, 2, 0, UTC)
    assert d.Format("2006-01-02T15:04:05-070000") == "1871-01-01T05:33:02+000000"
    assert d.Format("2006-01-02T15:04:05-07:00:00") == "1871-01-01T05:33:02+00:00:00"
    assert d.Format("2006-01-02T15:04:05Z07:00:00") == "1871-01-01T05:33:02Z"
    assert d.Format("2006-01-02T15:04:05-07") == "1871-01-01T05:33:02+00"
    assert d.Format("MST Z07") == "UTC Z"


def test_format_string_matches_time_string() -> None:
    for t in (Unix(0, 1233810057012345600), TDate(-5, 3, 1, 0, 0, 0, 0, UTC), Time()):
        assert t.Format("2006-01-02 15:04:05.999999999 -0700 MST") == t.String()


def test_format_keeps_non_ascii_and_surrogates() -> None:
    t = TDate(2024, 5, 6, 7, 8, 9, 0, UTC)
    assert t.Format("2006 ☺ Jan \udcff") == "2024 ☺ May \udcff"
    assert t.AppendFormat(b"", "☺") == "☺".encode()


# goFormatRows: (Unix seconds, nanoseconds, layout, what Go 1.19 printed with TZ=UTC).
goFormatRows = [
    (1233810057, 12345600, "Mon Jan _2 15:04:05 2006", "Thu Feb  5 05:00:57 2009"),
    (1233810057, 12345600, "Mon Jan _2 15:04:05 MST 2006", "Thu Feb  5 05:00:57 UTC 2009"),
    (1233810057, 12345600, "Mon Jan 02 15:04:05 -0700 2006", "Thu Feb 05 05:00:57 +0000 2009"),
    (1233810057, 12345600, "02 Jan 06 15:04 MST", "05 Feb 09 05:00 UTC"),
    (1233810057, 12345600, "02 Jan 06 15:04 -0700", "05 Feb 09 05:00 +0000"),
    (1233810057, 12345600, "Monday, 02-Jan-06 15:04:05 MST", "Thursday, 05-Feb-09 05:00:57 UTC"),
    (1233810057, 12345600, "Mon, 02 Jan 2006 15:04:05 MST", "Thu, 05 Feb 2009 05:00:57 UTC"),
    (1233810057, 12345600, "Mon, 02 Jan 2006 15:04:05 -0700", "Thu, 05 Feb 2009 05:00:57 +0000"),
    (1233810057, 12345600, "2006-01-02T15:04:05Z07:00", "2009-02-05T05:00:57Z"),
    (1233810057, 12345600, "2006-01-02T15:04:05.999999999Z07:00", "2009-02-05T05:00:57.0123456Z"),
    (1233810057, 12345600, "3:04PM", "5:00AM"),
    (1233810057, 12345600, "Jan _2 15:04:05", "Feb  5 05:00:57"),
    (1233810057, 12345600, "Jan _2 15:04:05.000", "Feb  5 05:00:57.012"),
    (1233810057, 12345600, "Jan _2 15:04:05.000000", "Feb  5 05:00:57.012345"),
    (1233810057, 12345600, "Jan _2 15:04:05.000000000", "Feb  5 05:00:57.012345600"),
    (1233810057, 12345600, "2006-01-02 15:04:05", "2009-02-05 05:00:57"),
    (1233810057, 12345600, "01/02 03:04:05PM '06 -0700", "02/05 05:00:57AM '09 +0000"),
    (1233810057, 12345600, "Jan  2 002 __2 2", "Feb  5 036  36 5"),
    (1233810057, 12345600, "2006 6 06 _6 __6 ___6", "2009 6 09 _6 __6 ___6"),
    (1233810057, 12345600, "Mon Monday pm PM 03 3", "Thu Thursday am AM 05 5"),
    (1233810057, 12345600,
     "-07:00:00 Z070000 -07 MST Z07 -0700 Z0700", "+00:00:00 Z +00 UTC Z +0000 Z"),
    (1233810057, 12345600, "15:04:05.000 .999 ,000000 ,9", "05:00:57.012 .012 ,012345 "),
    (1233810057, 12345600, "_2006 __2 002", "_2009  36 036"),
    (-63492681600, 0, "Mon Jan _2 15:04:05 2006", "Tue Dec 31 00:00:00 -0043"),
    (-63492681600, 0, "Mon Jan _2 15:04:05 MST 2006", "Tue Dec 31 00:00:00 UTC -0043"),
    (-63492681600, 0, "Mon Jan 02 15:04:05 -0700 2006", "Tue Dec 31 00:00:00 +0000 -0043"),
    (-63492681600, 0, "02 Jan 06 15:04 MST", "31 Dec 43 00:00 UTC"),
    (-63492681600, 0, "02 Jan 06 15:04 -0700", "31 Dec 43 00:00 +0000"),
    (-63492681600, 0, "Monday, 02-Jan-06 15:04:05 MST", "Tuesday, 31-Dec-43 00:00:00 UTC"),
    (-63492681600, 0, "Mon, 02 Jan 2006 15:04:05 MST", "Tue, 31 Dec -0043 00:00:00 UTC"),
    (-63492681600, 0, "Mon, 02 Jan 2006 15:04:05 -0700", "Tue, 31 Dec -0043 00:00:00 +0000"),
    (-63492681600, 0, "2006-01-02T15:04:05Z07:00", "-0043-12-31T00:00:00Z"),
    (-63492681600, 0, "2006-01-02T15:04:05.999999999Z07:00", "-0043-12-31T00:00:00Z"),
    (-63492681600, 0, "3:04PM", "12:00AM"),
    (-63492681600, 0, "Jan _2 15:04:05", "Dec 31 00:00:00"),
    (-63492681600, 0, "Jan _2 15:04:05.000", "Dec 31 00:00:00.000"),
    (-63492681600, 0, "Jan _2 15:04:05.000000", "Dec 31 00:00:00.000000"),
    (-63492681600, 0, "Jan _2 15:04:05.000000000", "Dec 31 00:00:00.000000000"),
    (-63492681600, 0, "2006-01-02 15:04:05", "-0043-12-31 00:00:00"),
    (-63492681600, 0, "01/02 03:04:05PM '06 -0700", "12/31 12:00:00AM '43 +0000"),
    (-63492681600, 0, "Jan  2 002 __2 2", "Dec  31 365 365 31"),
    (-63492681600, 0, "2006 6 06 _6 __6 ___6", "-0043 6 43 _6 __6 ___6"),
    (-63492681600, 0, "Mon Monday pm PM 03 3", "Tue Tuesday am AM 12 12"),
    (-63492681600, 0, "-07:00:00 Z070000 -07 MST Z07 -0700 Z0700", "+00:00:00 Z +00 UTC Z +0000 Z"),
    (-63492681600, 0, "15:04:05.000 .999 ,000000 ,9", "00:00:00.000  ,000000 "),
    (-63492681600, 0, "_2006 __2 002", "_-0043 365 365"),
    (327419325001, 100, "Mon Jan _2 15:04:05 2006", "Wed Jul  4 12:30:01 12345"),
    (327419325001, 100, "Mon Jan _2 15:04:05 MST 2006", "Wed Jul  4 12:30:01 UTC 12345"),
    (327419325001, 100, "Mon Jan 02 15:04:05 -0700 2006", "Wed Jul 04 12:30:01 +0000 12345"),
    (327419325001, 100, "02 Jan 06 15:04 MST", "04 Jul 45 12:30 UTC"),
    (327419325001, 100, "02 Jan 06 15:04 -0700", "04 Jul 45 12:30 +0000"),
    (327419325001, 100, "Monday, 02-Jan-06 15:04:05 MST", "Wednesday, 04-Jul-45 12:30:01 UTC"),
    (327419325001, 100, "Mon, 02 Jan 2006 15:04:05 MST", "Wed, 04 Jul 12345 12:30:01 UTC"),
    (327419325001, 100, "Mon, 02 Jan 2006 15:04:05 -0700", "Wed, 04 Jul 12345 12:30:01 +0000"),
    (327419325001, 100, "2006-01-02T15:04:05Z07:00", "12345-07-04T12:30:01Z"),
    (327419325001, 100, "2006-01-02T15:04:05.999999999Z07:00", "12345-07-04T12:30:01.0000001Z"),
    (327419325001, 100, "3:04PM", "12:30PM"),
    (327419325001, 100, "Jan _2 15:04:05", "Jul  4 12:30:01"),
    (327419325001, 100, "Jan _2 15:04:05.000", "Jul  4 12:30:01.000"),
    (327419325001, 100, "Jan _2 15:04:05.000000", "Jul  4 12:30:01.000000"),
    (327419325001, 100, "Jan _2 15:04:05.000000000", "Jul  4 12:30:01.000000100"),
    (327419325001, 100, "2006-01-02 15:04:05", "12345-07-04 12:30:01"),
    (327419325001, 100, "01/02 03:04:05PM '06 -0700", "07/04 12:30:01PM '45 +0000"),
    (327419325001, 100, "Jan  2 002 __2 2", "Jul  4 185 185 4"),
    (327419325001, 100, "2006 6 06 _6 __6 ___6", "12345 6 45 _6 __6 ___6"),
    (327419325001, 100, "Mon Monday pm PM 03 3", "Wed Wednesday pm PM 12 12"),
    (327419325001, 100,
     "-07:00:00 Z070000 -07 MST Z07 -0700 Z0700", "+00:00:00 Z +00 UTC Z +0000 Z"),
    (327419325001, 100, "15:04:05.000 .999 ,000000 ,9", "12:30:01.000  ,000000 "),
    (327419325001, 100, "_2006 __2 002", "_12345 185 185"),
    (951868799, 999999999, "Mon Jan _2 15:04:05 2006", "Tue Feb 29 23:59:59 2000"),
    (951868799, 999999999, "Mon Jan _2 15:04:05 MST 2006", "Tue Feb 29 23:59:59 UTC 2000"),
    (951868799, 999999999, "Mon Jan 02 15:04:05 -0700 2006", "Tue Feb 29 23:59:59 +0000 2000"),
    (951868799, 999999999, "02 Jan 06 15:04 MST", "29 Feb 00 23:59 UTC"),
    (951868799, 999999999, "02 Jan 06 15:04 -0700", "29 Feb 00 23:59 +0000"),
    (951868799, 999999999, "Monday, 02-Jan-06 15:04:05 MST", "Tuesday, 29-Feb-00 23:59:59 UTC"),
    (951868799, 999999999, "Mon, 02 Jan 2006 15:04:05 MST", "Tue, 29 Feb 2000 23:59:59 UTC"),
    (951868799, 999999999, "Mon, 02 Jan 2006 15:04:05 -0700", "Tue, 29 Feb 2000 23:59:59 +0000"),
    (951868799, 999999999, "2006-01-02T15:04:05Z07:00", "2000-02-29T23:59:59Z"),
    (951868799, 999999999, "2006-01-02T15:04:05.999999999Z07:00", "2000-02-29T23:59:59.999999999Z"),
    (951868799, 999999999, "3:04PM", "11:59PM"),
    (951868799, 999999999, "Jan _2 15:04:05", "Feb 29 23:59:59"),
    (951868799, 999999999, "Jan _2 15:04:05.000", "Feb 29 23:59:59.999"),
    (951868799, 999999999, "Jan _2 15:04:05.000000", "Feb 29 23:59:59.999999"),
    (951868799, 999999999, "Jan _2 15:04:05.000000000", "Feb 29 23:59:59.999999999"),
    (951868799, 999999999, "2006-01-02 15:04:05", "2000-02-29 23:59:59"),
    (951868799, 999999999, "01/02 03:04:05PM '06 -0700", "02/29 11:59:59PM '00 +0000"),
    (951868799, 999999999, "Jan  2 002 __2 2", "Feb  29 060  60 29"),
    (951868799, 999999999, "2006 6 06 _6 __6 ___6", "2000 6 00 _6 __6 ___6"),
    (951868799, 999999999, "Mon Monday pm PM 03 3", "Tue Tuesday pm PM 11 11"),
    (951868799, 999999999,
     "-07:00:00 Z070000 -07 MST Z07 -0700 Z0700", "+00:00:00 Z +00 UTC Z +0000 Z"),
    (951868799, 999999999, "15:04:05.000 .999 ,000000 ,9", "23:59:59.999 .999 ,999999 ,9"),
    (951868799, 999999999, "_2006 __2 002", "_2000  60 060"),
    (-62134872651, 9, "Mon Jan _2 15:04:05 2006", "Tue Jan  9 09:09:09 0001"),
    (-62134872651, 9, "Mon Jan _2 15:04:05 MST 2006", "Tue Jan  9 09:09:09 UTC 0001"),
    (-62134872651, 9, "Mon Jan 02 15:04:05 -0700 2006", "Tue Jan 09 09:09:09 +0000 0001"),
    (-62134872651, 9, "02 Jan 06 15:04 MST", "09 Jan 01 09:09 UTC"),
    (-62134872651, 9, "02 Jan 06 15:04 -0700", "09 Jan 01 09:09 +0000"),
    (-62134872651, 9, "Monday, 02-Jan-06 15:04:05 MST", "Tuesday, 09-Jan-01 09:09:09 UTC"),
    (-62134872651, 9, "Mon, 02 Jan 2006 15:04:05 MST", "Tue, 09 Jan 0001 09:09:09 UTC"),
    (-62134872651, 9, "Mon, 02 Jan 2006 15:04:05 -0700", "Tue, 09 Jan 0001 09:09:09 +0000"),
    (-62134872651, 9, "2006-01-02T15:04:05Z07:00", "0001-01-09T09:09:09Z"),
    (-62134872651, 9, "2006-01-02T15:04:05.999999999Z07:00", "0001-01-09T09:09:09.000000009Z"),
    (-62134872651, 9, "3:04PM", "9:09AM"),
    (-62134872651, 9, "Jan _2 15:04:05", "Jan  9 09:09:09"),
    (-62134872651, 9, "Jan _2 15:04:05.000", "Jan  9 09:09:09.000"),
    (-62134872651, 9, "Jan _2 15:04:05.000000", "Jan  9 09:09:09.000000"),
    (-62134872651, 9, "Jan _2 15:04:05.000000000", "Jan  9 09:09:09.000000009"),
    (-62134872651, 9, "2006-01-02 15:04:05", "0001-01-09 09:09:09"),
    (-62134872651, 9, "01/02 03:04:05PM '06 -0700", "01/09 09:09:09AM '01 +0000"),
    (-62134872651, 9, "Jan  2 002 __2 2", "Jan  9 009   9 9"),
    (-62134872651, 9, "2006 6 06 _6 __6 ___6", "0001 6 01 _6 __6 ___6"),
    (-62134872651, 9, "Mon Monday pm PM 03 3", "Tue Tuesday am AM 09 9"),
    (-62134872651, 9, "-07:00:00 Z070000 -07 MST Z07 -0700 Z0700", "+00:00:00 Z +00 UTC Z +0000 Z"),
    (-62134872651, 9, "15:04:05.000 .999 ,000000 ,9", "09:09:09.000  ,000000 "),
    (-62134872651, 9, "_2006 __2 002", "_0001   9 009"),
]


@pytest.mark.parametrize(("sec", "nsec", "layout", "want"), goFormatRows)
def test_format_matches_go(sec: int, nsec: int, layout: str, want: str) -> None:
    assert Unix(sec, nsec).Format(layout) == want


# --- Month, Weekday, Date, Location --------------------------------------------------


def test_month_weekday_strings() -> None:
    assert str(February) == "February" and Month(12).String() == "December"
    assert Month(0).String() == "%!Month(0)"
    assert Month(13).String() == "%!Month(13)"
    assert Month(-1).String() == "%!Month(18446744073709551615)"
    assert Thursday.String() == "Thursday" and Weekday(0).String() == "Sunday"
    assert Weekday(7).String() == "%!Weekday(7)"
    assert time.Saturday == 6 and time.December == 12


def test_date_normalizes_and_reads_back() -> None:
    t = TDate(2009, 10, 32, 24, 60, 60, 1_000_000_001, UTC)  # October 32 is November 1
    assert t.Date() == (2009, 11, 2) and t.Clock() == (1, 1, 1) and t.Nanosecond() == 1
    assert isinstance(t.Month(), Month) and t.Month().String() == "November"
    t = TDate(2000, 1, 1, -1, 0, 0, 0, UTC)
    assert t.Year() == 1999 and t.Month() == 12 and t.Day() == 31 and t.Hour() == 23
    t = TDate(2012, 3, 1, 13, 14, 15, 0, Local)
    assert (t.Hour(), t.Minute(), t.Second()) == (13, 14, 15)
    assert t.YearDay() == 61 and t.Weekday() == time.Thursday
    assert TDate(2011, 12, 31, 0, 0, 0, 0, UTC).YearDay() == 365
    assert TDate(1969, 12, 31, 0, 0, 0, 0, UTC).Weekday().String() == "Wednesday"
    assert TDate(1970, 1, 1, 0, 0, 0, 0, UTC) == Unix(0, 0)
    assert TDate(1, 1, 1, 0, 0, 0, 0, UTC) == Time()
    with pytest.raises(Panic, match="missing Location"):
        TDate(2000, 1, 1, 0, 0, 0, 0, None)


def test_location_is_utc() -> None:
    t = Unix(1233810057, 0)
    assert t.Location() is UTC and Local is UTC and UTC.String() == "UTC"
    assert t.In(UTC) is t and t.Local() is t and t.Zone() == ("UTC", 0)


# --- TestParse ------------------------------------------------------------------------

# (name, layout, value, hasWD, yearSign, fracDigits). Go's row parsing
# "22:00:57 PDT" is left out: it relies on Local being US Pacific.
parseTests = [
    ("ANSIC", ANSIC, "Thu Feb  4 21:00:57 2010", True, 1, 0),
    ("UnixDate", UnixDate, "Thu Feb  4 21:00:57 PST 2010", True, 1, 0),
    ("RubyDate", RubyDate, "Thu Feb 04 21:00:57 -0800 2010", True, 1, 0),
    ("RFC850", RFC850, "Thursday, 04-Feb-10 21:00:57 PST", True, 1, 0),
    ("RFC1123", RFC1123, "Thu, 04 Feb 2010 21:00:57 PST", True, 1, 0),
    ("RFC1123Z", RFC1123Z, "Thu, 04 Feb 2010 21:00:57 -0800", True, 1, 0),
    ("RFC3339", RFC3339, "2010-02-04T21:00:57-08:00", False, 1, 0),
    ("custom: -07", "2006-01-02 15:04:05-07", "2010-02-04 21:00:57-08", False, 1, 0),
    # Optional fractional seconds.
    ("ANSIC", ANSIC, "Thu Feb  4 21:00:57.0 2010", True, 1, 1),
    ("UnixDate", UnixDate, "Thu Feb  4 21:00:57.01 PST 2010", True, 1, 2),
    ("RubyDate", RubyDate, "Thu Feb 04 21:00:57.012 -0800 2010", True, 1, 3),
    ("RFC850", RFC850, "Thursday, 04-Feb-10 21:00:57.0123 PST", True, 1, 4),
    ("RFC1123", RFC1123, "Thu, 04 Feb 2010 21:00:57.01234 PST", True, 1, 5),
    ("RFC1123Z", RFC1123Z, "Thu, 04 Feb 2010 21:00:57.01234 -0800", True, 1, 5),
    ("RFC3339", RFC3339, "2010-02-04T21:00:57.012345678-08:00", False, 1, 9),
    ("custom", "2006-01-02 15:04:05", "2010-02-04 21:00:57.0", False, 1, 0),
    # Amount of white space should not matter.
    ("ANSIC", ANSIC, "Thu Feb 4 21:00:57 2010", True, 1, 0),
    ("ANSIC", ANSIC, "Thu      Feb     4     21:00:57     2010", True, 1, 0),
    # Case should not matter
    ("ANSIC", ANSIC, "THU FEB 4 21:00:57 2010", True, 1, 0),
    ("ANSIC", ANSIC, "thu feb 4 21:00:57 2010", True, 1, 0),
    # Fractional seconds.
    ("ms.", "Mon Jan _2 15:04:05.000 2006", "Thu Feb  4 21:00:57.012 2010", True, 1, 3),
    ("us.", "Mon Jan _2 15:04:05.000000 2006", "Thu Feb  4 21:00:57.012345 2010", True, 1, 6),
    ("ns.", "Mon Jan _2 15:04:05.000000000 2006", "Thu Feb  4 21:00:57.012345678 2010", True, 1, 9),
    ("ms,", "Mon Jan _2 15:04:05,000 2006", "Thu Feb  4 21:00:57.012 2010", True, 1, 3),
    ("us,", "Mon Jan _2 15:04:05,000000 2006", "Thu Feb  4 21:00:57.012345 2010", True, 1, 6),
    ("ns,", "Mon Jan _2 15:04:05,000000000 2006", "Thu Feb  4 21:00:57.012345678 2010", True, 1, 9),
    # Leading zeros in other places should not be taken as fractional seconds.
    ("zero1", "2006.01.02.15.04.05.0", "2010.02.04.21.00.57.0", False, 1, 1),
    ("zero2", "2006.01.02.15.04.05.00", "2010.02.04.21.00.57.01", False, 1, 2),
    # Month and day names only match when not followed by a lower-case letter.
    ("Janet", "Hi Janet, the Month is January: Jan _2 15:04:05 2006",
     "Hi Janet, the Month is February: Feb  4 21:00:57 2010", True, 1, 0),
    # GMT with offset.
    ("GMT-8", UnixDate, "Fri Feb  5 05:00:57 GMT-8 2010", True, 1, 0),
    # Any number of fractional second digits (including none) for .999...
    ("", "2006-01-02 15:04:05.9999 -0700 MST", "2010-02-04 21:00:57 -0800 PST", False, 1, 0),
    ("", "2006-01-02 15:04:05.999999999 -0700 MST", "2010-02-04 21:00:57 -0800 PST", False, 1, 0),
    ("", "2006-01-02 15:04:05.9999 -0700 MST", "2010-02-04 21:00:57.0123 -0800 PST", False, 1, 4),
    ("", "2006-01-02 15:04:05.999999999 -0700 MST", "2010-02-04 21:00:57.0123 -0800 PST",
     False, 1, 4),
    ("", "2006-01-02 15:04:05.9999 -0700 MST", "2010-02-04 21:00:57.012345678 -0800 PST",
     False, 1, 9),
    ("", "2006-01-02 15:04:05.999999999 -0700 MST", "2010-02-04 21:00:57.012345678 -0800 PST",
     False, 1, 9),
    ("", "2006-01-02 15:04:05,9999 -0700 MST", "2010-02-04 21:00:57 -0800 PST", False, 1, 0),
    ("", "2006-01-02 15:04:05,999999999 -0700 MST", "2010-02-04 21:00:57 -0800 PST", False, 1, 0),
    ("", "2006-01-02 15:04:05,9999 -0700 MST", "2010-02-04 21:00:57.0123 -0800 PST", False, 1, 4),
    ("", "2006-01-02 15:04:05,999999999 -0700 MST", "2010-02-04 21:00:57.0123 -0800 PST",
     False, 1, 4),
    ("", "2006-01-02 15:04:05,9999 -0700 MST", "2010-02-04 21:00:57.012345678 -0800 PST",
     False, 1, 9),
    ("", "2006-01-02 15:04:05,999999999 -0700 MST", "2010-02-04 21:00:57.012345678 -0800 PST",
     False, 1, 9),
    # issue 4502.
    ("", StampNano, "Feb  4 21:00:57.012345678", False, -1, 9),
    ("", "Jan _2 15:04:05.999", "Feb  4 21:00:57.012300000", False, -1, 4),
    ("", "Jan _2 15:04:05.999", "Feb  4 21:00:57.012345678", False, -1, 9),
    ("", "Jan _2 15:04:05.999999999", "Feb  4 21:00:57.0123", False, -1, 4),
    ("", "Jan _2 15:04:05.999999999", "Feb  4 21:00:57.012345678", False, -1, 9),
    # Day of year.
    ("", "2006-01-02 002 15:04:05", "2010-02-04 035 21:00:57", False, 1, 0),
    ("", "2006-01 002 15:04:05", "2010-02 035 21:00:57", False, 1, 0),
    ("", "2006-002 15:04:05", "2010-035 21:00:57", False, 1, 0),
    ("", "200600201 15:04:05", "201003502 21:00:57", False, 1, 0),
    ("", "200600204 15:04:05", "201003504 21:00:57", False, 1, 0),
    # Time zone offsets
    ("", "2006-01-02T15:04:05Z07", "2010-02-04T21:00:57Z", False, 1, 0),
    ("", "2006-01-02T15:04:05Z07", "2010-02-04T21:00:57+08", False, 1, 0),
    ("", "2006-01-02T15:04:05Z07", "2010-02-04T21:00:57-08", False, 1, 0),
    ("", "2006-01-02T15:04:05Z0700", "2010-02-04T21:00:57Z", False, 1, 0),
    ("", "2006-01-02T15:04:05Z0700", "2010-02-04T21:00:57+0800", False, 1, 0),
    ("", "2006-01-02T15:04:05Z0700", "2010-02-04T21:00:57-0800", False, 1, 0),
    ("", "2006-01-02T15:04:05Z07:00", "2010-02-04T21:00:57Z", False, 1, 0),
    ("", "2006-01-02T15:04:05Z07:00", "2010-02-04T21:00:57+08:00", False, 1, 0),
    ("", "2006-01-02T15:04:05Z07:00", "2010-02-04T21:00:57-08:00", False, 1, 0),
    ("", "2006-01-02T15:04:05Z070000", "2010-02-04T21:00:57Z", False, 1, 0),
    ("", "2006-01-02T15:04:05Z070000", "2010-02-04T21:00:57+080000", False, 1, 0),
    ("", "2006-01-02T15:04:05Z070000", "2010-02-04T21:00:57-080000", False, 1, 0),
    ("", "2006-01-02T15:04:05Z07:00:00", "2010-02-04T21:00:57Z", False, 1, 0),
    ("", "2006-01-02T15:04:05Z07:00:00", "2010-02-04T21:00:57+08:00:00", False, 1, 0),
    ("", "2006-01-02T15:04:05Z07:00:00", "2010-02-04T21:00:57-08:00:00", False, 1, 0),
]

# A numeric offset after the clock: it moved the instant to UTC.
_numericZone = re.compile(r"\d\d:\d\d:\d\d(?:[.,]\d+)? ?([+-])(\d\d):?(\d\d)?:?(\d\d)?")


def _offset(value: str) -> int:
    """The zone offset (seconds east) value states, as Go would record it."""
    if "GMT-8" in value:
        return -8 * 3600
    m = _numericZone.search(value)
    if m is None:
        return 0  # none, Z, or a name: the clock reading is UTC
    off = int(m[2]) * 3600 + int(m[3] or 0) * 60 + int(m[4] or 0)
    return -off if m[1] == "-" else off


def checkTime(t: Time, offset: int, hasWD: bool, yearSign: int, fracDigits: int) -> None:
    """Go's checkTime: the clock reading in the value's zone is Thu Feb 4 21:00:57 2010."""
    w = t.Add(offset * Second)
    if yearSign >= 0:
        assert yearSign * w.Year() == 2010
    assert w.Month() == February and w.Month().String() == "February"
    assert (w.Day(), w.Hour(), w.Minute(), w.Second()) == (4, 21, 0, 57)
    want = int("012345678"[:fracDigits] + "000000000"[:9 - fracDigits])
    assert w.Nanosecond() == want
    if hasWD:
        assert w.Weekday() == Thursday


@pytest.mark.parametrize(("name", "layout", "value", "hasWD", "yearSign", "fracDigits"), parseTests)
def test_parse(name: str, layout: str, value: str, hasWD: bool, yearSign: int,
               fracDigits: int) -> None:
    t, err = Parse(layout, value)
    assert err is None, err.Error()
    checkTime(t, _offset(value), hasWD, yearSign, fracDigits)
    t2, err = ParseInLocation(layout, value, UTC)
    assert err is None and t2 == t


@pytest.mark.parametrize("value", [
    "Thu Feb 04 21:00:57 -0800 2010",
    "Thu Feb 04 21:00:57 -0000 2010",
    "Thu Feb 04 21:00:57 +0000 2010",
    "Thu Feb 04 21:00:57 +1130 2010",
])
def test_ruby_parse(value: str) -> None:
    t, err = Parse(RubyDate, value)
    assert err is None
    checkTime(t, _offset(value), True, 1, 0)


dayOutOfRangeTests = [
    ("Thu Jan 99 21:00:57 2010", False), ("Thu Jan 31 21:00:57 2010", True),
    ("Thu Jan 32 21:00:57 2010", False), ("Thu Feb 28 21:00:57 2012", True),
    ("Thu Feb 29 21:00:57 2012", True), ("Thu Feb 29 21:00:57 2010", False),
    ("Thu Mar 31 21:00:57 2010", True), ("Thu Mar 32 21:00:57 2010", False),
    ("Thu Apr 30 21:00:57 2010", True), ("Thu Apr 31 21:00:57 2010", False),
    ("Thu May 31 21:00:57 2010", True), ("Thu May 32 21:00:57 2010", False),
    ("Thu Jun 30 21:00:57 2010", True), ("Thu Jun 31 21:00:57 2010", False),
    ("Thu Jul 31 21:00:57 2010", True), ("Thu Jul 32 21:00:57 2010", False),
    ("Thu Aug 31 21:00:57 2010", True), ("Thu Aug 32 21:00:57 2010", False),
    ("Thu Sep 30 21:00:57 2010", True), ("Thu Sep 31 21:00:57 2010", False),
    ("Thu Oct 31 21:00:57 2010", True), ("Thu Oct 32 21:00:57 2010", False),
    ("Thu Nov 30 21:00:57 2010", True), ("Thu Nov 31 21:00:57 2010", False),
    ("Thu Dec 31 21:00:57 2010", True), ("Thu Dec 32 21:00:57 2010", False),
    ("Thu Dec 00 21:00:57 2010", False),
]


@pytest.mark.parametrize(("date", "ok"), dayOutOfRangeTests)
def test_parse_day_out_of_range(date: str, ok: bool) -> None:
    _, err = Parse(ANSIC, date)
    if ok:
        assert err is None
    else:
        assert err is not None and "day out of range" in err.Error()


parseErrorTests = [
    (ANSIC, "Feb  4 21:00:60 2010", 'cannot parse "Feb  4 21:00:60 2010" as "Mon"'),
    (ANSIC, "Thu Feb  4 21:00:57 @2010", 'cannot parse "@2010" as "2006"'),
    (ANSIC, "Thu Feb  4 21:00:60 2010", "second out of range"),
    (ANSIC, "Thu Feb  4 21:61:57 2010", "minute out of range"),
    (ANSIC, "Thu Feb  4 24:00:60 2010", "hour out of range"),
    ("Mon Jan _2 15:04:05.000 2006", "Thu Feb  4 23:00:59x01 2010",
     'cannot parse "x01 2010" as ".000"'),
    ("Mon Jan _2 15:04:05.000 2006", "Thu Feb  4 23:00:59.xxx 2010",
     'cannot parse ".xxx 2010" as ".000"'),
    ("Mon Jan _2 15:04:05.000 2006", "Thu Feb  4 23:00:59.-123 2010",
     "fractional second out of range"),
    # issue 4502. StampNano requires exactly 9 digits of precision.
    (StampNano, "Dec  7 11:22:01.000000", 'cannot parse ".000000" as ".000000000"'),
    (StampNano, "Dec  7 11:22:01.0000000000", 'extra text: "0"'),
    # issue 4493. Helpful errors.
    (RFC3339, "2006-01-02T15:04:05Z07:00",
     'parsing time "2006-01-02T15:04:05Z07:00": extra text: "07:00"'),
    (RFC3339, "2006-01-02T15:04_abc",
     'parsing time "2006-01-02T15:04_abc" as "2006-01-02T15:04:05Z07:00": '
     'cannot parse "_abc" as ":"'),
    (RFC3339, "2006-01-02T15:04:05_abc",
     'parsing time "2006-01-02T15:04:05_abc" as "2006-01-02T15:04:05Z07:00": '
     'cannot parse "_abc" as "Z07:00"'),
    (RFC3339, "2006-01-02T15:04:05Z_abc",
     'parsing time "2006-01-02T15:04:05Z_abc": extra text: "_abc"'),
    # invalid second followed by optional fractional seconds
    (RFC3339, "2010-02-04T21:00:67.012345678-08:00", "second out of range"),
    # issue 54569
    (RFC3339, "0000-01-01T00:00:.0+00:00",
     'parsing time "0000-01-01T00:00:.0+00:00" as "2006-01-02T15:04:05Z07:00": '
     'cannot parse ".0+00:00" as "05"'),
    # issue 21113
    ("_2 Jan 06 15:04 MST", "4 --- 00 00:00 GMT", 'cannot parse "--- 00 00:00 GMT" as "Jan"'),
    ("_2 January 06 15:04 MST", "4 --- 00 00:00 GMT",
     'cannot parse "--- 00 00:00 GMT" as "January"'),
    # invalid or mismatched day-of-year
    ("Jan _2 002 2006", "Feb  4 034 2006", "day-of-year does not match day"),
    ("Jan _2 002 2006", "Feb  4 004 2006", "day-of-year does not match month"),
    # issue 45391.
    ('"2006-01-02T15:04:05Z07:00"', "0",
     'parsing time "0" as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse "0" as "\\""'),
    (RFC3339, '"',
     'parsing time "\\"" as "2006-01-02T15:04:05Z07:00": cannot parse "\\"" as "2006"'),
    # issue 54570
    (RFC3339, "0000-01-01T00:00:00+00:+0",
     'parsing time "0000-01-01T00:00:00+00:+0" as "2006-01-02T15:04:05Z07:00": '
     'cannot parse "+00:+0" as "Z07:00"'),
    (RFC3339, "0000-01-01T00:00:00+-0:00",
     'parsing time "0000-01-01T00:00:00+-0:00" as "2006-01-02T15:04:05Z07:00": '
     'cannot parse "+-0:00" as "Z07:00"'),
    # issue 56730
    ("2006-01-02", "22-10-25",
     'parsing time "22-10-25" as "2006-01-02": cannot parse "22-10-25" as "2006"'),
    ("06-01-02", "a2-10-25",
     'parsing time "a2-10-25" as "06-01-02": cannot parse "a2-10-25" as "06"'),
    ("03:04PM", "12:03pM", 'parsing time "12:03pM" as "03:04PM": cannot parse "pM" as "PM"'),
    ("03:04pm", "12:03pM", 'parsing time "12:03pM" as "03:04pm": cannot parse "pM" as "pm"'),
    # issue 67470
    ("-07", "-25", "time zone offset hour out of range"),
    ("-07:00", "+25:00", "time zone offset hour out of range"),
    ("-07:00", "-23:61", "time zone offset minute out of range"),
    ("-07:00:00", "+23:59:61", "time zone offset second out of range"),
    ("Z07", "-25", "time zone offset hour out of range"),
    ("Z07:00", "+25:00", "time zone offset hour out of range"),
    ("Z07:00", "-23:61", "time zone offset minute out of range"),
    ("Z07:00:00", "+23:59:61", "time zone offset second out of range"),
]


@pytest.mark.parametrize(("layout", "value", "expect"), parseErrorTests)
def test_parse_errors(layout: str, value: str, expect: str) -> None:
    t, err = Parse(layout, value)
    assert err is not None and t == Time()
    assert isinstance(err, ParseError) and expect in err.Error() and expect in str(err)


def test_parse_error_fields_and_exact_texts() -> None:
    _, err = Parse("2006-01-02", "x")
    assert err is not None
    assert err.Error() == 'parsing time "x" as "2006-01-02": cannot parse "x" as "2006"'
    assert (err.Layout, err.Value, err.LayoutElem, err.ValueElem, err.Message) == (
        "2006-01-02", "x", "2006", "x", "")
    _, err = Parse("01-02", "13-01")
    assert err is not None and err.Error() == 'parsing time "13-01": month out of range'
    assert err.Message == ": month out of range"
    _, err = Parse("2006 ☺", "2006 x")  # non-ASCII is quoted byte by byte
    assert err is not None
    assert err.Error() == ('parsing time "2006 x" as "2006 \\xe2\\x98\\xba": '
                           'cannot parse "x" as " \\xe2\\x98\\xba"')
    _, err = Parse(RFC3339, "2006-01-02T15:04:05Z\udcff")  # an invalid byte, as Go's "\xff"
    assert err is not None
    assert err.Error() == 'parsing time "2006-01-02T15:04:05Z\\xff": extra text: "\\xff"'


@pytest.mark.parametrize(("layout", "value", "elem"), [  # issue 29918, 29916
    ("01 MST", "0 MST", "0"),
    ("01 MST", "1 MST", "1"),
    (RFC850, "Thursday, 04-Feb-1 21:00:57 PST", "1"),
])
def test_std0x_parse_error(layout: str, value: str, elem: str) -> None:
    _, err = Parse(layout, value)
    assert isinstance(err, ParseError)
    assert "cannot parse" in err.Error() and err.ValueElem.startswith(elem)


def test_12pm_is_noon_and_12am_is_midnight() -> None:
    for layout in ("3:04PM", "03:04PM"):
        noon, err = Parse(layout, "12:00PM")
        assert err is None and noon.Hour() == 12
        midnight, err = Parse(layout, "12:00AM")
        assert err is None and midnight.Hour() == 0


def test_missing_zone() -> None:
    # Go prints -0500 here (a zone with no name); every Time here is UTC.
    t, err = Parse(RubyDate, "Thu Feb 02 16:10:03 -0500 2006")
    assert err is None
    assert t.Format(UnixDate) == "Thu Feb  2 21:10:03 UTC 2006"


def test_minutes_in_time_zone() -> None:
    t, err = Parse(RubyDate, "Mon Jan 02 15:04:05 +0123 2006")
    assert err is None
    assert t.Format(DateTime) == "2006-01-02 13:41:05"


@pytest.mark.parametrize(("layout", "value", "offset"), [
    ("2006-01-02T15:04:05-070000", "1871-01-01T05:33:02-003408", -(34 * 60 + 8)),
    ("2006-01-02T15:04:05-07:00:00", "1871-01-01T05:33:02-00:34:08", -(34 * 60 + 8)),
    ("2006-01-02T15:04:05-070000", "1871-01-01T05:33:02+003408", 34 * 60 + 8),
    ("2006-01-02T15:04:05-07:00:00", "1871-01-01T05:33:02+00:34:08", 34 * 60 + 8),
    ("2006-01-02T15:04:05Z070000", "1871-01-01T05:33:02-003408", -(34 * 60 + 8)),
    ("2006-01-02T15:04:05Z07:00:00", "1871-01-01T05:33:02+00:34:08", 34 * 60 + 8),
    ("2006-01-02T15:04:05-07", "1871-01-01T05:33:02+01", 1 * 60 * 60),
    ("2006-01-02T15:04:05-07", "1871-01-01T05:33:02-02", -2 * 60 * 60),
    ("2006-01-02T15:04:05Z07", "1871-01-01T05:33:02-02", -2 * 60 * 60),
])
def test_parse_seconds_in_time_zone(layout: str, value: str, offset: int) -> None:
    t, err = Parse(layout, value)
    assert err is None
    assert t.Equal(TDate(1871, 1, 1, 5, 33, 2, 0, UTC).Add(-offset * Second))


def test_underscore_two_thousand() -> None:  # issue 11334
    t, err = Parse("15:04_20060102", "14:38_20150618")
    assert err is None
    assert t.Date() == (2015, 6, 18) and t.Hour() == 14 and t.Minute() == 38


@pytest.mark.parametrize(("value", "ok"), [("00-01", False), ("13-01", False), ("01-01", True)])
def test_parse_month_out_of_range(value: str, ok: bool) -> None:
    _, err = Parse("01-02", value)
    if ok:
        assert err is None
    else:
        assert err is not None and "month out of range" in err.Error()


def test_parse_yday() -> None:  # issue 37387
    for i in range(1, 366):
        t, err = Parse("2006-002", f"2020-{i:03d}")
        assert err is None and t.Year() == 2020 and t.YearDay() == i


longFractionalDigitsTests = [
    ("2021-09-29T16:04:33.000000000Z", 0),
    ("2021-09-29T16:04:33.000000001Z", 1),
    ("2021-09-29T16:04:33.100000000Z", 100_000_000),
    ("2021-09-29T16:04:33.100000001Z", 100_000_001),
    ("2021-09-29T16:04:33.999999999Z", 999_999_999),
    ("2021-09-29T16:04:33.012345678Z", 12_345_678),
    ("2021-09-29T16:04:33.0000000000Z", 0),
    ("2021-09-29T16:04:33.0000000001Z", 0),
    ("2021-09-29T16:04:33.1000000000Z", 100_000_000),
    ("2021-09-29T16:04:33.1000000009Z", 100_000_000),
    ("2021-09-29T16:04:33.9999999999Z", 999_999_999),
    ("2021-09-29T16:04:33.0123456789Z", 12_345_678),
    ("2021-09-29T16:04:33.10000000000Z", 100_000_000),
    ("2021-09-29T16:04:33.00123456789Z", 1_234_567),
    ("2021-09-29T16:04:33.000123456789Z", 123_456),
    ("2021-09-29T16:04:33.9999999999999999Z", 999_999_999),
]


@pytest.mark.parametrize(("value", "want"), longFractionalDigitsTests)
def test_parse_fractional_seconds_longer_than_nine_digits(value: str, want: int) -> None:
    for layout in (RFC3339, RFC3339Nano):
        t, err = Parse(layout, value)
        assert err is None and t.Nanosecond() == want
        # The general parser agrees with the RFC 3339 fast path.
        t2, err = time.parse(layout, value, UTC, Local)
        assert err is None and t2 == t


@pytest.mark.parametrize(("value", "length", "ok"), [
    ("gmt hi there", 0, False), ("GMT hi there", 3, True), ("GMT+12 hi there", 6, True),
    ("GMT+00 hi there", 6, True), ("GMT+", 3, True), ("GMT+3", 5, True), ("GMT+a", 3, True),
    ("GMT+3a", 5, True), ("GMT-5 hi there", 5, True), ("GMT-51 hi there", 3, True),
    ("ChST hi there", 4, True), ("MeST hi there", 4, True), ("MSDx", 3, True),
    ("MSDY", 0, False), ("ESAST hi", 5, True), ("ESASTT hi", 0, False), ("ESATY hi", 0, False),
    ("WITA hi", 4, True), ("+03 hi", 3, True), ("-04 hi", 3, True), ("+00", 3, True),
    ("-11", 3, True), ("-12", 3, True), ("-23", 3, True), ("-24", 0, False), ("+13", 3, True),
    ("+14", 3, True), ("+23", 3, True), ("+24", 0, False),
])
def test_parse_time_zone(value: str, length: int, ok: bool) -> None:
    got_len, got_ok = time.parseTimeZone(value)
    assert got_ok == ok
    if ok:
        assert got_len == length


def test_match_and_lookup() -> None:
    assert time.match("JaN", "jan") and not time.match("ja1", "jaN") and not time.match("[", "{")
    assert time.lookup(time.shortMonthNames, "febx") == (1, "x", None)
    assert time.lookup(time.shortMonthNames, "fe")[2] is time.errBad


def test_parse_in_location() -> None:
    t, err = ParseInLocation(DateTime, "2013-02-01 00:00:00", Local)
    assert err is None and t.Equal(TDate(2013, 2, 1, 0, 0, 0, 0, UTC))
    with pytest.raises(TypeError):
        ParseInLocation(DateTime, "2013-02-01 00:00:00", "UTC")  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1))
def test_format_and_parse(sec: int) -> None:
    layout = "Mon MST " + RFC3339  # all fields
    t1 = Unix(sec // 2, 0)
    if t1.Year() < 1000 or t1.Year() > 9999 or t1.Unix() != sec // 2:
        return  # not required to work
    t2, err = Parse(layout, t1.Format(layout))
    assert err is None
    assert t1.Unix() == t2.Unix() and t1.Nanosecond() == t2.Nanosecond()


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-62135596800, max_value=253402300799),
       st.integers(min_value=0, max_value=999_999_999))
def test_rfc3339_roundtrip_and_fast_path(sec: int, nsec: int) -> None:
    # FuzzFormatRFC3339: the RFC 3339 fast path prints what the general formatter prints.
    t = Unix(sec, nsec)
    for layout, nanos in ((RFC3339, False), (RFC3339Nano, True)):
        fast = bytes(t.appendFormatRFC3339(bytearray(), nanos))
        assert fast == bytes(t.appendFormat(bytearray(), layout))
    t2, err = Parse(RFC3339Nano, t.Format(RFC3339Nano))
    assert err is None and t2.Equal(t)


# goParseRows: (layout, value, UnixNano Go 1.19 returned with TZ=UTC, or its error text).
goParseRows = [
    ("2006-01-02T15:04:05Z07:00", "2010-02-04T21:00:57-08:00", 1265346057000000000, None),
    ("2006-01-02T15:04:05Z07:00", "2010-02-04T21:00:57.0123456789+01:30",
     1265311857012345678, None),
    ("Mon Jan _2 15:04:05 MST 2006", "Thu Feb  4 21:00:57 PST 2010", 1265317257000000000, None),
    ("Mon Jan _2 15:04:05 MST 2006", "Fri Feb  5 05:00:57 GMT-8 2010", 1265346057000000000, None),
    ("Mon Jan 02 15:04:05 -0700 2006", "Thu Feb 04 21:00:57 -0800 2010", 1265346057000000000, None),
    ("2006-01-02T15:04:05-07:00:00", "1871-01-01T05:33:02-00:34:08", -3124115570000000000, None),
    ("2006-002 15:04:05", "2012-060 21:00:57", 1330549257000000000, None),
    ("3:04PM", "12:00AM", -6826986978871345152, None),
    ("2006-01-02", "x",
     None, "parsing time \"x\" as \"2006-01-02\": cannot parse \"x\" as \"2006\""),
    ("01-02", "13-01", None, "parsing time \"13-01\": month out of range"),
    ("Mon Jan _2 15:04:05 2006", "Thu Feb 29 21:00:57 2010",
     None, "parsing time \"Thu Feb 29 21:00:57 2010\": day out of range"),
    ("2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05Z07:00",
     None, "parsing time \"2006-01-02T15:04:05Z07:00\": extra text: \"07:00\""),
    ("Jan _2 002 2006", "Feb  4 034 2006",
     None, "parsing time \"Feb  4 034 2006\": day-of-year does not match day"),
    ("2006-01-02 15:04:05 MST", "2010-02-04 21:00:57 UTC", 1265317257000000000, None),
    ("06 Jan", "68 Mar", 3097785600000000000, None),
    ("06 Jan", "69 Mar", -26438400000000000, None),
    ("2006-01-02 15:04:05.000", "2010-02-04 21:00:57.-12",
     None, "parsing time \"2010-02-04 21:00:57.-12\": fractional second out of range"),
]


@pytest.mark.parametrize(("layout", "value", "unixNano", "errText"), goParseRows)
def test_parse_matches_go(layout: str, value: str, unixNano: int | None,
                          errText: str | None) -> None:
    t, err = Parse(layout, value)
    if errText is None:
        assert err is None and t.UnixNano() == unixNano
    else:
        assert err is not None and err.Error() == errText
