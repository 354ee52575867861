"""time (go1.27.0): durations, instants, and the timers that park goroutines.

This is the part of Go's time package that network programs lean on:
``Duration`` and its formatting and parsing, ``Time`` with Go's wall and
monotonic clock readings, and ``Sleep``, ``Timer``, ``Ticker``, ``After``,
``AfterFunc`` and ``Tick`` on top of the runtime's timers (``rt/time.py``),
the calendar fields (``Date``, ``Month``, ``Weekday`` ...) and layouts
(``Format``, ``AppendFormat``, ``Parse``, ``ParseInLocation``). Time zones
are left out (see "Zones" below).

Durations. ``Duration`` is an ``int`` subclass counting nanoseconds, with
Go's methods (``String``, ``Seconds``, ``Round`` ...). Every function here
also accepts a plain ``int`` wherever Go takes a Duration, and nothing
else: a float, a str or a bool there is a ``TypeError`` at the call that
names the function and the parameter ("time.Sleep: d must be a Duration
(int nanoseconds), not float"), as is anything but a ``Time`` where Go
takes one. ``Duration(x)`` itself converts a float as Go's conversion
does. ``+``, ``-``,
``*`` by an int, unary ``-`` and ``abs`` keep a Duration, and so do ``//``
and ``%`` by an int, which are Go's integer ``/`` and ``%``: they truncate
toward zero as Go's do (``-3 * time.Second // 2`` is ``-1.5s``, where an
int's ``//`` would floor), and ``d // time.Millisecond`` is a Duration
(``5ns`` printed), as in Go, where ``int(d // time.Millisecond)`` or
``d.Milliseconds()`` gives the count. ``/`` is Python's true division, a
float. ``str(d)`` is ``d.String()``, as
Go's fmt prints a Duration. One divergence: Go's int64 arithmetic wraps on
overflow, while a Python int does not overflow at all, so a Duration built
from a value outside int64 *saturates* at ``minDuration``/``maxDuration``
instead of wrapping. (Sleeping for ``10**20`` ns then means "for ever",
not "for some negative time".)

Times. ``Time`` keeps Go's representation, the ``wall`` and ``ext`` words:
with the ``hasMonotonic`` bit set, ``wall`` packs 33 bits of seconds since
1885 and 30 bits of nanoseconds and ``ext`` is the monotonic reading (ns
since this module was loaded, like Go's process start); without it, ``ext``
holds the signed seconds since January 1, year 1 and ``wall`` only the
nanoseconds. So the zero value ``Time()`` is Go's zero time, ``==`` on two
Times is Go's ``==`` (which also compares the monotonic readings: use
``Equal`` to compare instants), and the methods below read like Go's. Times
are immutable and hashable. Go's helpers that update a Time in place
(``addSec``, ``stripMono``, ``setMono``) return the updated Time instead.

Zones. Every Time is UTC, so ``String`` always prints ``+0000 UTC`` where
Go prints the local zone for ``Now()``. ``Location`` exists only as
``UTC`` (named "UTC"); ``Local`` is the same object, not the machine's
zone, so ``Local.String()`` is "UTC" where Go's says "Local". ``Date``
takes either; ``Time.Location`` returns UTC, ``Time.Zone`` ("UTC", 0),
and ``Time.In`` and ``Time.Local`` return the Time unchanged. ``Format``
prints a zone as Go prints it for a UTC time: "UTC" for ``MST``, "Z" for
the ``Z07:00`` forms, "+0000", "+00:00", "+00" ... for the ``-0700``
forms. ``Parse`` reads every zone Go reads: a numeric offset moves the
instant (the result is that instant, in UTC, where Go keeps a fixed zone),
and a zone name ("PST", "GMT-8") leaves the clock reading as UTC, which is
the instant Go gives when its local zone does not know the name. Go's
``FixedZone``, ``LoadLocation`` and the tz database are left out.

Timers. ``NewTimer``, ``NewTicker`` and ``After`` make a channel with a
one-slot buffer and hand it to ``rtime.newTimer``, which marks it a timer
channel: from then on ``len``/``cap`` read 0 and ``Stop``/``Reset`` drain it,
so no value from before a Stop or Reset can be received after it returns
(Go 1.23 semantics, the only ones since go1.27). The runtime runs a timer's
function on the scheduler, not in a goroutine: ``sendTime`` does a
non-blocking send of the time the timer was due, ``goFunc`` starts the
``AfterFunc`` goroutine. All of them park only the calling goroutine and
must run inside ``rt.run``.
"""

from __future__ import annotations

import time as _pytime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import rt
from rt import time as rtime
from rt.chan import hchan, selectnbsend
from rt.panic import Panic

__all__ = [
    "ANSIC",
    "After",
    "AfterFunc",
    "April",
    "August",
    "Date",
    "DateOnly",
    "DateTime",
    "December",
    "Duration",
    "February",
    "Friday",
    "Hour",
    "January",
    "July",
    "June",
    "Kitchen",
    "Layout",
    "Local",
    "Location",
    "March",
    "May",
    "Microsecond",
    "Millisecond",
    "Minute",
    "Monday",
    "Month",
    "Nanosecond",
    "NewTicker",
    "NewTimer",
    "November",
    "Now",
    "October",
    "Parse",
    "ParseDuration",
    "ParseError",
    "ParseInLocation",
    "RFC1123",
    "RFC1123Z",
    "RFC3339",
    "RFC3339Nano",
    "RFC822",
    "RFC822Z",
    "RFC850",
    "RubyDate",
    "Saturday",
    "Second",
    "September",
    "Since",
    "Sleep",
    "Stamp",
    "StampMicro",
    "StampMilli",
    "StampNano",
    "Sunday",
    "Thursday",
    "Tick",
    "Ticker",
    "Time",
    "TimeOnly",
    "Timer",
    "Tuesday",
    "UTC",
    "Unix",
    "UnixDate",
    "UnixMicro",
    "UnixMilli",
    "Until",
    "Wednesday",
    "Weekday",
]

_maxInt64: Final = (1 << 63) - 1
_minInt64: Final = -(1 << 63)
_mask64: Final = (1 << 64) - 1


def _i64(x: int) -> int:
    """Go's int64 wrap-around: x reduced to the int64 range as two's complement."""
    x &= _mask64
    return x - (1 << 64) if x >> 63 else x


def _quo(a: int, b: int) -> int:
    """Go's integer division, which truncates toward zero (Python's // floors)."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _rem(a: int, b: int) -> int:
    """Go's %, whose result takes the sign of the dividend."""
    return a - _quo(a, b) * b


# The units as plain ints, for arithmetic inside this module: an expression
# mixing an int with a Duration is a Duration and would saturate (see
# Duration), where the code below wants either exact or Go-wrapped results.
_microsecond: Final = 1000
_millisecond: Final = 1000 * _microsecond
_second: Final = 1000 * _millisecond
_minute: Final = 60 * _second
_hour: Final = 60 * _minute


def _dur(d: int) -> int:
    """A duration argument (Duration or plain int) as a plain int, saturated to int64."""
    return min(max(int(d), _minInt64), _maxInt64)


# Argument checks. Go's compiler rejects a float, a string or a bool where a
# Duration (an int64) or a Time is expected; Python would run on, and a
# float Duration used to be truncated silently (``Sleep(0.5)`` slept 0 ns).
# So each public function that takes one checks it once, at the call, and
# names itself and the parameter. bool is refused although it is an int
# subclass: ``Sleep(True)`` is a bug Go would not compile, not 1 ns.
# Nothing on a per-byte path goes through these.


def _needDuration(who: str, name: str, d: object) -> None:
    """TypeError unless d is an int (a Duration or plain int; not a bool)."""
    if not isinstance(d, int) or d.__class__ is bool:
        raise TypeError(
            f"{who}: {name} must be a Duration (int nanoseconds), not {type(d).__name__}"
            + (" (convert with time.Duration(x * time.Second))" if isinstance(d, float) else "")
        )


def _needInt(who: str, name: str, v: object) -> None:
    """TypeError unless v is an int (not a bool): one of Go's int64 parameters."""
    if not isinstance(v, int) or v.__class__ is bool:
        raise TypeError(f"{who}: {name} must be an int, not {type(v).__name__}")


def _needTime(who: str, name: str, t: object) -> None:
    """TypeError unless t is a Time (say a Duration was passed where an instant belongs)."""
    if not isinstance(t, Time):
        hint = " (an instant, e.g. time.Now().Add(d))" if isinstance(t, (int, float)) else ""
        raise TypeError(f"{who}: {name} must be a time.Time{hint}, not {type(t).__name__}")


# ---------------------------------------------------------------------------
# Duration


class Duration(int):
    """time.Duration: elapsed time as a count of nanoseconds (an int64 in Go).

    ``Duration(x)`` converts as Go's ``Duration(x)`` does (a float is
    truncated toward zero), except that values outside int64 saturate (see
    the module doc). Only numbers convert: ``Duration("5")`` is a
    TypeError, as Go would not compile it (``ParseDuration`` reads "5s").
    """

    __slots__ = ()

    def __new__(cls, x: float = 0) -> Duration:
        if x.__class__ is not int and (not isinstance(x, (int, float)) or x.__class__ is bool):
            raise TypeError(f"time.Duration: cannot convert {type(x).__name__} to a Duration "
                            "(int nanoseconds; time.ParseDuration parses text)")
        n = int(x)
        if n > _maxInt64:
            n = _maxInt64
        elif n < _minInt64:
            n = _minInt64
        return int.__new__(cls, n)

    # Arithmetic that Go types as Duration stays a Duration.

    def __add__(self, other: int) -> Duration:
        if not isinstance(other, int):
            return NotImplemented
        return Duration(int(self) + int(other))

    __radd__ = __add__

    def __sub__(self, other: int) -> Duration:
        if not isinstance(other, int):
            return NotImplemented
        return Duration(int(self) - int(other))

    def __rsub__(self, other: int) -> Duration:
        if not isinstance(other, int):
            return NotImplemented
        return Duration(int(other) - int(self))

    def __mul__(self, other: int) -> Duration:
        if not isinstance(other, int):
            return NotImplemented
        return Duration(int(self) * int(other))

    __rmul__ = __mul__

    def __floordiv__(self, other: int) -> Duration:
        if not isinstance(other, int):
            return NotImplemented
        if other == 0:
            raise ZeroDivisionError("integer division by zero")
        return Duration(_quo(int(self), int(other)))

    def __mod__(self, other: int) -> Duration:
        if not isinstance(other, int):
            return NotImplemented
        if other == 0:
            raise ZeroDivisionError("integer division by zero")
        return Duration(_rem(int(self), int(other)))

    def __neg__(self) -> Duration:
        return Duration(-int(self))

    def __pos__(self) -> Duration:
        return self

    def __abs__(self) -> Duration:
        return Duration(abs(int(self)))

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"Duration({int(self)})"

    def String(self) -> str:
        """time.Duration.String: the duration as text, such as "72h3m0.5s", "1.5ms" or "0s".

        Leading zero units are left out; below one second a smaller unit is
        used (ms, µs, ns) so that the first digit is not zero; zero is "0s".
        """
        d = int(self)
        u = -d if d < 0 else d  # -minDuration is 1<<63: fine as an unsigned magnitude
        if u < _second:
            # Below a second: one unit, with a fraction if needed (1.2ms).
            if u == 0:
                return "0s"
            if u < _microsecond:
                body = str(u) + "ns"
            elif u < _millisecond:
                frac, u = fmtFrac(u, 3)
                body = str(u) + frac + "µs"
            else:
                frac, u = fmtFrac(u, 6)
                body = str(u) + frac + "ms"
        else:
            frac, u = fmtFrac(u, 9)
            # u is now whole seconds.
            body = str(u % 60) + frac + "s"
            u //= 60
            if u > 0:
                # Minutes, then hours; days are not a fixed length, so no larger unit.
                body = str(u % 60) + "m" + body
                u //= 60
                if u > 0:
                    body = str(u) + "h" + body
        return "-" + body if d < 0 else body

    def Nanoseconds(self) -> int:
        """time.Duration.Nanoseconds: the duration as an integer nanosecond count."""
        return int(self)

    def Microseconds(self) -> int:
        """time.Duration.Microseconds: the duration as an integer microsecond count."""
        return _quo(int(self), _microsecond)

    def Milliseconds(self) -> int:
        """time.Duration.Milliseconds: the duration as an integer millisecond count."""
        return _quo(int(self), _millisecond)

    def Seconds(self) -> float:
        """time.Duration.Seconds: the duration as a float number of seconds.

        Whole and fractional parts are converted apart, as in Go, so the float
        truncates to the same integer that integer division would give.
        """
        d = int(self)
        sec = _quo(d, _second)
        nsec = d - sec * _second
        return float(sec) + float(nsec) / 1e9

    def Minutes(self) -> float:
        """time.Duration.Minutes: the duration as a float number of minutes."""
        d = int(self)
        m = _quo(d, _minute)
        nsec = d - m * _minute
        return float(m) + float(nsec) / (60 * 1e9)

    def Hours(self) -> float:
        """time.Duration.Hours: the duration as a float number of hours."""
        d = int(self)
        h = _quo(d, _hour)
        nsec = d - h * _hour
        return float(h) + float(nsec) / (60 * 60 * 1e9)

    def Truncate(self, m: int) -> Duration:
        """time.Duration.Truncate: d rounded toward zero to a multiple of m (d itself if m <= 0)."""
        _needDuration("time.Duration.Truncate", "m", m)
        m = int(m)
        if m <= 0:
            return self
        return Duration(int(self) - _rem(int(self), m))

    def Round(self, m: int) -> Duration:
        """time.Duration.Round: d rounded to the nearest multiple of m, halves away from zero.

        Saturates at minDuration/maxDuration; d itself if m <= 0.
        """
        _needDuration("time.Duration.Round", "m", m)
        d, m = int(self), int(m)
        if m <= 0:
            return self
        r = _rem(d, m)
        if d < 0:
            r = -r
            if lessThanHalf(r, m):
                return Duration(d + r)
            d1 = d - m + r
            return Duration(d1) if d1 >= minDuration else minDuration
        if lessThanHalf(r, m):
            return Duration(d - r)
        d1 = d + m - r
        return Duration(d1) if d1 <= maxDuration else maxDuration

    def Abs(self) -> Duration:
        """time.Duration.Abs: |d|, with minDuration mapped to maxDuration."""
        d = int(self)
        if d >= 0:
            return self
        if d == minDuration:
            return maxDuration
        return Duration(-d)


def fmtFrac(v: int, prec: int) -> tuple[str, int]:
    """time.fmtFrac: the fraction v/10**prec as ".123" without trailing zeros, and v/10**prec.

    The fraction is "" when it is zero.
    """
    v, f = divmod(v, 10**prec)
    if f == 0:
        return "", v
    return "." + str(f).rjust(prec, "0").rstrip("0"), v


def lessThanHalf(x: int, y: int) -> bool:
    """time.lessThanHalf: x+x < y for non-negative x, y (no overflow to avoid here)."""
    return x + x < y


minDuration: Final = Duration(_minInt64)
maxDuration: Final = Duration(_maxInt64)

# Common durations. None for a day or longer: days vary across DST changes.
Nanosecond: Final = Duration(1)
Microsecond: Final = Duration(_microsecond)
Millisecond: Final = Duration(_millisecond)
Second: Final = Duration(_second)
Minute: Final = Duration(_minute)
Hour: Final = Duration(_hour)


# ---------------------------------------------------------------------------
# ParseDuration (format.go)


def _goBytes(s: str) -> bytes:
    """The bytes of a Go string held in a Python str.

    UTF-8, with lone surrogates from ``surrogateescape`` decoding turned back
    into the raw bytes they stood for, so invalid input round-trips.
    """
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogatepass")


def _runeWidth(b: bytes, i: int) -> tuple[bool, int]:
    """Decode one UTF-8 rune at b[i:] as Go's range loop does: (valid, width).

    An invalid or truncated sequence is one byte wide, as utf8.DecodeRune says.
    Python's strict decoder rejects overlong forms and surrogates as Go does.
    """
    c = b[i]
    if c < 0x80:
        return True, 1
    n = 2 if 0xC2 <= c <= 0xDF else 3 if 0xE0 <= c <= 0xEF else 4 if 0xF0 <= c <= 0xF4 else 0
    if n == 0 or i + n > len(b):
        return False, 1
    try:
        b[i : i + n].decode("utf-8")
    except UnicodeDecodeError:
        return False, 1
    return True, n


_runeErrorBytes: Final = "\ufffd".encode()


def quote(s: bytes) -> str:
    """time.quote: s in double quotes, for error messages.

    Printable ASCII is kept (with ``"`` and ``\\`` escaped); every byte of any
    other rune, and of invalid UTF-8, is written as ``\\xNN``. This is Go's
    small stand-in for strconv.Quote.
    """
    out = ['"']
    i = 0
    while i < len(s):
        valid, width = _runeWidth(s, i)
        c = s[i]
        if not valid or c >= 0x80 or c < 0x20:
            for j in range(width):
                out.append(f"\\x{s[i + j]:02x}")
        else:
            if c in (0x22, 0x5C):
                out.append("\\")
            out.append(chr(c))
        i += width
    out.append('"')
    return "".join(out)


class parseDurationError(Exception):
    """time.parseDurationError: why a duration string could not be parsed."""

    _goType = "*time.parseDurationError"  # what %T prints (std/fmt.py)

    def __init__(self, message: str, value: str) -> None:
        super().__init__(message, value)
        self.message = message
        self.value = value

    def Error(self) -> str:
        """time.parseDurationError.Error: "time: <message> <quoted value>"."""
        return "time: " + self.message + " " + quote(_goBytes(self.value))

    def __str__(self) -> str:
        return self.Error()


def leadingInt(s: bytes) -> tuple[int, bytes, bool]:
    """time.leadingInt: consume leading [0-9]*; (value, rest, overflowed)."""
    x = 0
    i = 0
    while i < len(s):
        c = s[i]
        if c < 0x30 or c > 0x39:
            break
        if x > (1 << 63) // 10:
            return 0, s, True
        x = x * 10 + (c - 0x30)
        if x > 1 << 63:
            return 0, s, True
        i += 1
    return x, s[i:], False


def leadingFraction(s: bytes) -> tuple[int, float, bytes]:
    """time.leadingFraction: consume leading [0-9]* after a point; (value, scale, rest).

    On overflow it keeps consuming digits but stops adding precision.
    """
    x = 0
    scale = 1.0
    overflow = False
    i = 0
    while i < len(s):
        c = s[i]
        if c < 0x30 or c > 0x39:
            break
        i += 1
        if overflow:
            continue
        if x > ((1 << 63) - 1) // 10:
            overflow = True
            continue
        y = x * 10 + (c - 0x30)
        if y > 1 << 63:
            overflow = True
            continue
        x = y
        scale *= 10
    return x, scale, s[i:]


unitMap: Final[dict[bytes, int]] = {
    b"ns": 1,
    b"us": _microsecond,
    "µs".encode(): _microsecond,  # U+00B5 micro sign
    "μs".encode(): _microsecond,  # U+03BC Greek small letter mu
    b"ms": _millisecond,
    b"s": _second,
    b"m": _minute,
    b"h": _hour,
}


def ParseDuration(s: str) -> tuple[Duration, parseDurationError | None]:
    """time.ParseDuration: parse "300ms", "-1.5h", "2h45m" into a Duration.

    A possibly signed sequence of decimal numbers, each with an optional
    fraction and a unit: "ns", "us" (or "µs"), "ms", "s", "m", "h". Returns
    ``(d, None)`` or ``(Duration(0), err)`` with Go's error text. The string
    is examined as UTF-8 bytes, as Go does.
    """
    orig = s
    b = _goBytes(s)
    d = 0
    neg = False

    def invalid() -> tuple[Duration, parseDurationError]:
        return Duration(0), parseDurationError("invalid duration", orig)

    if b and b[0] in b"-+":
        neg = b[0] == 0x2D
        b = b[1:]
    if b == b"0":
        # A bare zero needs no unit.
        return Duration(0), None
    if not b:
        return invalid()
    while b:
        # The next byte must be a digit or a point.
        if not (b[0] == 0x2E or 0x30 <= b[0] <= 0x39):
            return invalid()
        before = len(b)
        v, b, overflow = leadingInt(b)
        if overflow:
            return invalid()
        pre = before != len(b)  # digits before the point?

        post = False
        f, scale = 0, 1.0
        if b and b[0] == 0x2E:
            b = b[1:]
            before = len(b)
            f, scale, b = leadingFraction(b)
            post = before != len(b)
        if not pre and not post:
            return invalid()  # no digits at all, as in ".s"

        i = 0
        while i < len(b) and not (b[i] == 0x2E or 0x30 <= b[i] <= 0x39):
            i += 1
        if i == 0:
            return Duration(0), parseDurationError("missing unit in duration", orig)
        u, b = b[:i], b[i:]
        unit = unitMap.get(u)
        if unit is None:
            msg = "unknown unit " + quote(u) + " in duration"
            return Duration(0), parseDurationError(msg, orig)
        if v > (1 << 63) // unit:
            return invalid()
        v *= unit
        if f > 0:
            # A float is accurate to the nanosecond for fractions of up to an
            # hour (3.6e12 ns), the largest unit.
            v += int(float(f) * (float(unit) / scale))
            if v > 1 << 63:
                return invalid()
        d += v
        if d > 1 << 63:
            return invalid()
    if neg:
        return Duration(-d), None
    if d > _maxInt64:
        return invalid()
    return Duration(d), None


# ---------------------------------------------------------------------------
# Time

hasMonotonic: Final = 1 << 63
nsecMask: Final = (1 << 30) - 1
nsecShift: Final = 30

secondsPerMinute: Final = 60
secondsPerHour: Final = 60 * secondsPerMinute
secondsPerDay: Final = 24 * secondsPerHour

# Seconds from January 1, year 1 (the zero Time) to the Unix epoch, and to 1885.
unixToInternal: Final = (1969 * 365 + 1969 // 4 - 1969 // 100 + 1969 // 400) * secondsPerDay
internalToUnix: Final = -unixToInternal
wallToInternal: Final = (1884 * 365 + 1884 // 4 - 1884 // 100 + 1884 // 400) * secondsPerDay
minWall: Final = wallToInternal  # year 1885: the earliest wall time stored with a monotonic reading
maxWall: Final = wallToInternal + ((1 << 33) - 1)  # year 2157: the latest


@dataclass(frozen=True, slots=True, repr=False)
class Time:
    """time.Time: an instant with nanosecond precision, and maybe a monotonic reading.

    ``wall`` and ``ext`` are Go's two words (see the module doc); build
    Times with ``Now``, ``Unix``, ``UnixMilli``, ``UnixMicro`` or ``Add``
    rather than by hand. ``Time()`` is the zero time, January 1, year 1 UTC.
    ``==`` and ``hash`` follow Go's ``==``, so a Time with a monotonic
    reading differs from the same instant without one; ``Equal``,
    ``Before``, ``After`` and ``Compare`` compare instants.
    """

    wall: int = 0
    ext: int = 0

    # --- the wall/ext encoding (time.go's small helpers) ---

    def nsec(self) -> int:
        """time.Time.nsec: the nanoseconds within the second, 0..999999999."""
        return self.wall & nsecMask

    def sec(self) -> int:
        """time.Time.sec: the seconds since January 1, year 1."""
        if self.wall & hasMonotonic:
            return wallToInternal + ((self.wall >> nsecShift) & ((1 << 33) - 1))
        return self.ext

    def unixSec(self) -> int:
        """time.Time.unixSec: the seconds since January 1, 1970."""
        return _i64(self.sec() + internalToUnix)

    def addSec(self, d: int) -> Time:
        """time.Time.addSec: t plus d seconds, saturating at the int64 limits.

        Returns the result (Go updates t in place). A monotonic reading is
        kept while the wall seconds still fit the packed field, else dropped.
        """
        return _mkTime(*_addSec(self.wall, self.ext, d))

    def stripMono(self) -> Time:
        """time.Time.stripMono: t without its monotonic reading (returned, not updated)."""
        if self.wall & hasMonotonic:
            return Time(self.wall & nsecMask, self.sec())
        return self

    def setMono(self, m: int) -> Time:
        """time.Time.setMono: t with monotonic reading m (returned, not updated).

        t is returned unchanged when its wall time is outside 1885..2157 and
        so cannot carry a reading.
        """
        wall = self.wall
        if not wall & hasMonotonic:
            sec = self.ext
            if sec < minWall or maxWall < sec:
                return self
            wall |= hasMonotonic | (sec - minWall) << nsecShift
        return Time(wall, _i64(m))

    def mono(self) -> int:
        """time.Time.mono: the monotonic reading, 0 when there is none (tests use it)."""
        if not self.wall & hasMonotonic:
            return 0
        return self.ext

    # --- comparisons ---

    def IsZero(self) -> bool:
        """time.Time.IsZero: whether t is the zero time, January 1, year 1, 00:00:00 UTC."""
        return self.wall == 0 and self.ext == 0

    def After(self, u: Time) -> bool:
        """time.Time.After: whether t is after u (by monotonic readings if both have one)."""
        if self.wall & u.wall & hasMonotonic:
            return self.ext > u.ext
        ts, us = self.sec(), u.sec()
        return ts > us or ts == us and self.nsec() > u.nsec()

    def Before(self, u: Time) -> bool:
        """time.Time.Before: whether t is before u (by monotonic readings if both have one)."""
        if self.wall & u.wall & hasMonotonic:
            return self.ext < u.ext
        ts, us = self.sec(), u.sec()
        return ts < us or ts == us and self.nsec() < u.nsec()

    def Compare(self, u: Time) -> int:
        """time.Time.Compare: -1, 0 or +1 as t is before, at, or after u."""
        if self.wall & u.wall & hasMonotonic:
            tc, uc = self.ext, u.ext
        else:
            tc, uc = self.sec(), u.sec()
            if tc == uc:
                tc, uc = self.nsec(), u.nsec()
        if tc < uc:
            return -1
        if tc > uc:
            return +1
        return 0

    def Equal(self, u: Time) -> bool:
        """time.Time.Equal: whether t and u are the same instant (unlike ==)."""
        if self.wall & u.wall & hasMonotonic:
            return self.ext == u.ext
        return self.sec() == u.sec() and self.nsec() == u.nsec()

    # --- arithmetic ---

    def Add(self, d: int) -> Time:
        """time.Time.Add: t+d. A monotonic reading moves by d too, or is dropped if it overflows."""
        _needDuration("time.Time.Add", "d", d)
        d = _dur(d)
        dsec = _quo(d, _second)
        nsec = self.nsec() + _rem(d, _second)
        if nsec >= 1_000_000_000:
            dsec += 1
            nsec -= 1_000_000_000
        elif nsec < 0:
            dsec -= 1
            nsec += 1_000_000_000
        # Go updates t's two words in place; here they are ints until the end,
        # and one Time is built (Discussion: three were, at about 40
        # bytecodes each, for every Now().Add(timeout) a deadline takes).
        wall, ext = _addSec(self.wall & ~nsecMask & _mask64 | nsec, self.ext, dsec)
        if wall & hasMonotonic:
            te = ext + d
            if _minInt64 <= te <= _maxInt64:
                ext = te
            else:
                # The monotonic reading would overflow; keep the wall time only.
                wall, ext = _stripMono(wall, ext)
        return _mkTime(wall, ext)

    def Sub(self, u: Time) -> Duration:
        """time.Time.Sub: t-u, saturating at minDuration/maxDuration.

        Uses the monotonic readings alone when both Times have one.
        """
        _needTime("time.Time.Sub", "u", u)
        if self.wall & u.wall & hasMonotonic:
            return subMono(self.ext, u.ext)
        # Go's int64 arithmetic, wrap-around and all; the check below catches overflow.
        d = _i64(_i64(_i64(self.sec() - u.sec()) * _second) + (self.nsec() - u.nsec()))
        if u.Add(d).Equal(self):
            return Duration(d)
        if self.Before(u):
            return minDuration
        return maxDuration

    def Truncate(self, d: int) -> Time:
        """time.Time.Truncate: t rounded down to a multiple of d since the zero time.

        Always drops the monotonic reading; with d <= 0 that is all it does.
        """
        _needDuration("time.Time.Truncate", "d", d)
        t = self.stripMono()
        d = _dur(d)
        if d <= 0:
            return t
        return t.Add(-div(t, d))

    def Round(self, d: int) -> Time:
        """time.Time.Round: t rounded to the nearest multiple of d since the zero time, halves up.

        Always drops the monotonic reading: ``t.Round(0)`` is the way to strip it.
        """
        _needDuration("time.Time.Round", "d", d)
        t = self.stripMono()
        d = _dur(d)
        if d <= 0:
            return t
        r = div(t, d)
        if lessThanHalf(r, d):
            return t.Add(-r)
        return t.Add(d - r)

    def UTC(self) -> Time:
        """time.Time.UTC: t in UTC, which here only drops the monotonic reading."""
        return self.stripMono()

    # --- reading it out ---

    def Unix(self) -> int:
        """time.Time.Unix: seconds since January 1, 1970 UTC."""
        return self.unixSec()

    def UnixMilli(self) -> int:
        """time.Time.UnixMilli: milliseconds since January 1, 1970 UTC (wraps as Go's int64)."""
        return _i64(self.unixSec() * 1000 + self.nsec() // 1000_000)

    def UnixMicro(self) -> int:
        """time.Time.UnixMicro: microseconds since January 1, 1970 UTC (wraps as Go's int64)."""
        return _i64(self.unixSec() * 1000_000 + self.nsec() // 1000)

    def UnixNano(self) -> int:
        """time.Time.UnixNano: nanoseconds since January 1, 1970 UTC (wraps as Go's int64)."""
        return _i64(self.unixSec() * 1000_000_000 + self.nsec())

    def Nanosecond(self) -> int:
        """time.Time.Nanosecond: the nanosecond offset within the second, 0..999999999."""
        return self.nsec()

    def Date(self) -> tuple[int, Month, int]:
        """time.Time.Date: (year, month, day) in UTC; the month is a Month (an int 1..12)."""
        year, month, day = _civil(_floordays(self.unixSec()))
        return year, Month(month), day

    def Year(self) -> int:
        """time.Time.Year: the year t falls in, in UTC."""
        return _civil(_floordays(self.unixSec()))[0]

    def Month(self) -> Month:
        """time.Time.Month: the month of the year t falls in, in UTC."""
        return Month(_civil(_floordays(self.unixSec()))[1])

    def Day(self) -> int:
        """time.Time.Day: the day of the month t falls on, 1..31, in UTC."""
        return _civil(_floordays(self.unixSec()))[2]

    def Weekday(self) -> Weekday:
        """time.Time.Weekday: the day of the week t falls on, in UTC (Sunday = 0)."""
        return Weekday((_floordays(self.unixSec()) + 4) % 7)  # 1970-01-01 was a Thursday

    def YearDay(self) -> int:
        """time.Time.YearDay: the day of the year t falls on, 1..365 (366 in leap years), in UTC."""
        days = _floordays(self.unixSec())
        return days - _daysFromCivil(_civil(days)[0], 1, 1) + 1

    def Hour(self) -> int:
        """time.Time.Hour: the hour of the day, 0..23, in UTC."""
        return self.unixSec() % secondsPerDay // secondsPerHour

    def Minute(self) -> int:
        """time.Time.Minute: the minute within the hour, 0..59, in UTC."""
        return self.unixSec() % secondsPerHour // secondsPerMinute

    def Second(self) -> int:
        """time.Time.Second: the second within the minute, 0..59, in UTC."""
        return self.unixSec() % secondsPerMinute

    def Zone(self) -> tuple[str, int]:
        """time.Time.Zone: the zone's abbreviation and offset east of UTC in seconds: ("UTC", 0)."""
        return "UTC", 0

    def In(self, loc: Location) -> Time:
        """time.Time.In: t shown in loc; every zone is UTC here, so t itself.

        Panics on None as Go's does on a nil Location.
        """
        if loc is None:
            raise Panic("time: missing Location in call to Time.In")
        return self

    def Local(self) -> Time:
        """time.Time.Local: t shown in the local zone, which is UTC here, so t itself."""
        return self

    def Location(self) -> Location:
        """time.Time.Location: the zone t is shown in, always UTC here."""
        return UTC

    def Format(self, layout: str) -> str:
        """time.Time.Format: t written out the way layout writes the reference time.

        The reference time is Mon Jan 2 15:04:05 MST 2006 (see ``Layout``
        and the other layout constants); text in layout that is not one of
        its elements is copied as is. Zones print as UTC: "UTC", "Z",
        "+0000", "+00:00".
        """
        return self.AppendFormat(b"", layout).decode("utf-8", "surrogateescape")

    def appendFormat(self, b: bytearray, layout: str) -> bytearray:
        """time.Time.appendFormat: extend b with t formatted by layout, the general formatter."""
        return _appendFormat(self, b, layout)

    def appendFormatRFC3339(self, b: bytearray, nanos: bool) -> bytearray:
        """time.Time.appendFormatRFC3339: extend b with t in RFC 3339, plus fraction if nanos."""
        return _appendFormatRFC3339(self, b, nanos)

    def AppendFormat(self, b: bytes, layout: str) -> bytes:
        """time.Time.AppendFormat: b followed by t formatted by layout (see Format), as bytes."""
        buf = bytearray(b)
        if layout == RFC3339:
            return bytes(_appendFormatRFC3339(self, buf, False))
        if layout == RFC3339Nano:
            return bytes(_appendFormatRFC3339(self, buf, True))
        return bytes(_appendFormat(self, buf, layout))

    def Clock(self) -> tuple[int, int, int]:
        """time.Time.Clock: (hour, minute, second) within the day, in UTC."""
        s = self.unixSec() % secondsPerDay
        return s // secondsPerHour, s % secondsPerHour // secondsPerMinute, s % secondsPerMinute

    def String(self) -> str:
        """time.Time.String: "2006-01-02 15:04:05.999999999 +0000 UTC", then " m=±s.nnnnnnnnn".

        The layout is Go's; the zone is always UTC here. The monotonic
        reading, when present, is printed in seconds as Go prints it.
        """
        year, month, day = self.Date()
        hour, minute, second = self.Clock()
        ys = ("-" if year < 0 else "") + str(abs(year)).rjust(4, "0")
        s = f"{ys}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}"
        nsec = self.nsec()
        if nsec:
            s += "." + f"{nsec:09d}".rstrip("0")
        s += " +0000 UTC"
        if self.wall & hasMonotonic:
            m2 = self.ext
            sign = "+"
            if m2 < 0:
                sign = "-"
                m2 = -m2
            m1, m2 = divmod(m2, 1_000_000_000)
            m0, m1 = divmod(m1, 1_000_000_000)
            head = f"{m0}{m1:09d}" if m0 else str(m1)
            s += f" m={sign}{head}.{m2:09d}"
        return s

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return f"<Time {self.String()}>"


# Time's two fields set directly: the frozen dataclass's __init__ goes
# through object.__setattr__ per field (about 36 bytecodes a Time), and the
# hot constructors (Now, Add, addSec) build one Time per call.
_newObject = object.__new__
_setWall = Time.__dict__["wall"].__set__
_setExt = Time.__dict__["ext"].__set__


def _mkTime(wall: int, ext: int) -> Time:
    """Time(wall, ext), built without the dataclass __init__ (Python only)."""
    t: Time = _newObject(Time)
    _setWall(t, wall)
    _setExt(t, ext)
    return t


def _stripMono(wall: int, ext: int) -> tuple[int, int]:
    """time.Time.stripMono on the two words: the wall time alone."""
    if wall & hasMonotonic:
        return wall & nsecMask, wallToInternal + ((wall >> nsecShift) & ((1 << 33) - 1))
    return wall, ext


def _addSec(wall: int, ext: int, d: int) -> tuple[int, int]:
    """time.Time.addSec on the two words: d seconds later, saturating at int64.

    A monotonic reading is kept while the wall seconds still fit the packed
    field, else dropped (the seconds move to ext).
    """
    if wall & hasMonotonic:
        dsec = ((wall >> nsecShift) & ((1 << 33) - 1)) + d
        if 0 <= dsec <= (1 << 33) - 1:
            return wall & nsecMask | dsec << nsecShift | hasMonotonic, ext
        wall, ext = _stripMono(wall, ext)
    total = ext + d
    if _minInt64 <= total <= _maxInt64:
        ext = total
    elif d > 0:
        ext = _maxInt64
    else:
        ext = -_maxInt64
    return wall, ext


def _floordays(unixSec: int) -> int:
    """Days since 1970-01-01 of a Unix time, rounding toward the past."""
    return unixSec // secondsPerDay


def _civil(days: int) -> tuple[int, int, int]:
    """(year, month, day) of the proleptic Gregorian date ``days`` after 1970-01-01.

    Counts in 400-year eras starting on March 1, so the leap day falls at
    the end of the counted year (the trick Go's absolute epoch uses too).
    """
    z = days + 719468  # days since 0000-03-01
    era = z // 146097
    doe = z - era * 146097  # day of era, 0..146096
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365  # year of era, 0..399
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)  # day of year from March 1, 0..365
    mp = (5 * doy + 2) // 153  # month from March, 0..11
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


def div(t: Time, d: int) -> int:
    """time.div: the remainder of t (as time since the zero time) divided by d > 0.

    Go works through three cases and 128-bit arithmetic so as to stay in
    int64; with Python ints the floored remainder of the exact nanosecond
    count is the same number (non-negative, also before the zero time).
    Go's quotient parity result is unused by Go and left out.
    """
    return (t.sec() * 1_000_000_000 + t.nsec()) % d


def subMono(t: int, u: int) -> Duration:
    """time.subMono: t-u of two monotonic readings, saturating at min/maxDuration."""
    return Duration(t - u)


def runtimeNano() -> int:
    """time.runtimeNano: the runtime's monotonic clock, in nanoseconds."""
    return rtime.nanotime()


# Monotonic readings count from here, as Go's count from process start. One
# less than now, so that no reading is ever 0 (0 reads as "no reading").
startNano: Final = runtimeNano() - 1


def Now() -> Time:
    """time.Now: the current time, in UTC, with a monotonic reading.

    Wall clock from the OS (``time.time_ns``), monotonic reading from the
    runtime's clock. After March 2157 the seconds no longer fit beside a
    monotonic reading and it is left out, as in Go.
    """
    sec, nsec = divmod(_pytime.time_ns(), 1_000_000_000)
    mono = runtimeNano() - startNano
    sec += unixToInternal - minWall
    if sec < 0 or sec >> 33:
        return _mkTime(nsec, sec + minWall)
    return _mkTime(hasMonotonic | sec << nsecShift | nsec, mono)


def unixTime(sec: int, nsec: int) -> Time:
    """time.unixTime: the Time of Unix second sec and nanosecond nsec (0..999999999)."""
    return Time(nsec, _i64(sec + unixToInternal))


def Unix(sec: int, nsec: int) -> Time:
    """time.Unix: the Time sec seconds plus nsec nanoseconds after January 1, 1970 UTC.

    nsec may lie outside 0..999999999; it is normalised into sec.
    """
    if sec.__class__ is not int or nsec.__class__ is not int:  # checked once, here
        _needInt("time.Unix", "sec", sec)
        _needInt("time.Unix", "nsec", nsec)
    if nsec < 0 or nsec >= 1_000_000_000:
        n, nsec = divmod(nsec, 1_000_000_000)
        sec += n
    return unixTime(sec, nsec)


def UnixMilli(msec: int) -> Time:
    """time.UnixMilli: the Time msec milliseconds after January 1, 1970 UTC."""
    _needInt("time.UnixMilli", "msec", msec)
    return Unix(_quo(msec, 1000), _rem(msec, 1000) * 1000_000)


def UnixMicro(usec: int) -> Time:
    """time.UnixMicro: the Time usec microseconds after January 1, 1970 UTC."""
    _needInt("time.UnixMicro", "usec", usec)
    return Unix(_quo(usec, 1000_000), _rem(usec, 1000_000) * 1000)


def Since(t: Time) -> Duration:
    """time.Since: the time elapsed since t, Now().Sub(t); by the monotonic clock if t has it."""
    _needTime("time.Since", "t", t)
    if t.wall & hasMonotonic:
        return subMono(runtimeNano() - startNano, t.ext)
    return Now().Sub(t)


def Until(t: Time) -> Duration:
    """time.Until: the duration until t, t.Sub(Now()); by the monotonic clock if t has it."""
    _needTime("time.Until", "t", t)
    if t.wall & hasMonotonic:
        return subMono(t.ext, runtimeNano() - startNano)
    return t.Sub(Now())


# ---------------------------------------------------------------------------
# Sleep and timers (sleep.go, tick.go)


def Sleep(d: int) -> None:
    """time.Sleep: park the calling goroutine for at least d; d <= 0 returns at once.

    d is a Duration: an int of nanoseconds (``time.Sleep(500 * time.Millisecond)``);
    a float or str is a TypeError, as Go would not compile it.
    """
    _needDuration("time.Sleep", "d", d)
    rtime.timeSleep(_dur(d))


def when(d: int) -> int:
    """time.when: the runtime clock reading d from now (now if d <= 0, max int64 on overflow)."""
    if d <= 0:
        return runtimeNano()
    t = runtimeNano() + int(d)
    if t > _maxInt64:
        t = _maxInt64
    return t


def sendTime(c: Any, seq: int, delta: int) -> None:
    """time.sendTime: the function of channel timers; a non-blocking send of the due time.

    Runs on the scheduler when the timer fires. ``delta`` is how late that
    is; the time sent is the time the send was due, Now() minus delta.
    """
    selectnbsend(c, Now().Add(-delta))


def goFunc(arg: Any, seq: int, delta: int) -> None:
    """time.goFunc: the function of AfterFunc timers; start arg in its own goroutine."""
    rt.go(arg)


class Timer:
    """time.Timer: a single event; its time is sent on C unless made by AfterFunc.

    Make one with NewTimer or AfterFunc. ``C`` is the channel (None for
    AfterFunc; assignable, as in Go); ``initTimer`` says whether the runtime
    half exists, so that a Timer built directly panics on Stop/Reset as a
    zero Go Timer does.
    """

    __slots__ = ("C", "initTimer", "_r")

    def __init__(self, C: hchan[Time] | None = None) -> None:
        self.C = C
        self.initTimer = False
        # The runtime timer (Go allocates the two halves as one object).
        self._r: rtime.timeTimer | None = None

    def Stop(self) -> bool:
        """time.Timer.Stop: keep the timer from firing; whether it was still pending.

        For a channel timer, no value from before the Stop can be received
        after it. For AfterFunc, False means f has already been started.
        """
        if not self.initTimer or self._r is None:
            raise Panic("time: Stop called on uninitialized Timer")
        return rtime.stopTimer(self._r)

    def Reset(self, d: int) -> bool:
        """time.Timer.Reset: make the timer expire after d; whether it was still pending.

        For a channel timer, no value from the previous setting can be
        received after Reset returns.
        """
        _needDuration("time.Timer.Reset", "d", d)
        if not self.initTimer or self._r is None:
            raise Panic("time: Reset called on uninitialized Timer")
        return rtime.resetTimer(self._r, when(d), 0)


def newTimer(when: int, period: int, f: rtime.TimerFunc, arg: Any, c: hchan[Time] | None) -> Timer:
    """time.newTimer: make the runtime timer and the Timer that holds it."""
    t = Timer(c)
    t._r = rtime.newTimer(when, period, f, arg, c)
    t.initTimer = True
    return t


def NewTimer(d: int) -> Timer:
    """time.NewTimer: a Timer that sends the current time on its channel after at least d."""
    _needDuration("time.NewTimer", "d", d)
    c: hchan[Time] = hchan(1)
    return newTimer(when(d), 0, sendTime, c, c)


def After(d: int) -> hchan[Time]:
    """time.After: NewTimer(d).C, the channel that receives the time after d."""
    _needDuration("time.After", "d", d)
    c = NewTimer(d).C
    assert c is not None
    return c


def AfterFunc(d: int, f: Callable[[], object]) -> Timer:
    """time.AfterFunc: call f in its own goroutine after d; the Timer (C is None) can Stop it."""
    _needDuration("time.AfterFunc", "d", d)
    return newTimer(when(d), 0, goFunc, f, None)


class Ticker:
    """time.Ticker: a channel C that delivers the time at every tick.

    A slow receiver loses ticks rather than queueing them. Make one with
    NewTicker; a Ticker built directly (Go issue 21874) may be stopped,
    which does nothing.
    """

    __slots__ = ("C", "initTicker", "_r")

    def __init__(self, C: hchan[Time] | None = None) -> None:
        self.C = C
        self.initTicker = False
        self._r: rtime.timeTimer | None = None

    def Stop(self) -> None:
        """time.Ticker.Stop: no more ticks are sent. C stays open."""
        if not self.initTicker or self._r is None:
            # Misuse, but it never panicked and old programs rely on that (Go issue 21874).
            return
        rtime.stopTimer(self._r)

    def Reset(self, d: int) -> None:
        """time.Ticker.Reset: stop the ticker and restart it with period d; d must be > 0."""
        _needDuration("time.Ticker.Reset", "d", d)
        if d <= 0:
            raise Panic("non-positive interval for Ticker.Reset")
        if not self.initTicker or self._r is None:
            raise Panic("time: Reset called on uninitialized Ticker")
        rtime.resetTimer(self._r, when(d), _dur(d))


def NewTicker(d: int) -> Ticker:
    """time.NewTicker: a Ticker sending the time every d; d must be > 0.

    The channel has room for one tick: while the receiver lags, ticks are dropped.
    """
    _needDuration("time.NewTicker", "d", d)
    if d <= 0:
        raise Panic("non-positive interval for NewTicker")
    c: hchan[Time] = hchan(1)
    tk = Ticker(c)
    tk._r = rtime.newTimer(when(d), _dur(d), sendTime, c, c)
    tk.initTicker = True
    return tk


def Tick(d: int) -> hchan[Time] | None:
    """time.Tick: NewTicker(d).C, or None when d <= 0 (where NewTicker panics)."""
    _needDuration("time.Tick", "d", d)
    if d <= 0:
        return None
    return NewTicker(d).C


# ---------------------------------------------------------------------------
# Calendar (time.go): Month, Weekday, Location, Date


class Month(int):
    """time.Month: a month of the year as an int, January = 1, printed by name."""

    def String(self) -> str:
        """time.Month.String: the English name of the month, "January" ... "December".

        Out of range it is "%!Month(n)", with n read as an unsigned 64-bit number.
        """
        if 1 <= self <= 12:
            return longMonthNames[self - 1]
        return "%!Month(" + str(int(self) & _mask64) + ")"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return self.String()


January: Final = Month(1)
February: Final = Month(2)
March: Final = Month(3)
April: Final = Month(4)
May: Final = Month(5)
June: Final = Month(6)
July: Final = Month(7)
August: Final = Month(8)
September: Final = Month(9)
October: Final = Month(10)
November: Final = Month(11)
December: Final = Month(12)


class Weekday(int):
    """time.Weekday: a day of the week as an int, Sunday = 0, printed by name."""

    def String(self) -> str:
        """time.Weekday.String: the English name of the day, "Sunday" ... "Saturday".

        Out of range it is "%!Weekday(n)", with n read as an unsigned 64-bit number.
        """
        if 0 <= self <= 6:
            return longDayNames[self]
        return "%!Weekday(" + str(int(self) & _mask64) + ")"

    def __str__(self) -> str:
        return self.String()

    def __repr__(self) -> str:
        return self.String()


Sunday: Final = Weekday(0)
Monday: Final = Weekday(1)
Tuesday: Final = Weekday(2)
Wednesday: Final = Weekday(3)
Thursday: Final = Weekday(4)
Friday: Final = Weekday(5)
Saturday: Final = Weekday(6)


class Location:
    """time.Location: a time zone; here only UTC exists (``Local`` is UTC too).

    Every Time is UTC (see the module doc), so a Location only carries its
    name: a Time's zone always prints as "UTC" with offset +0000.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def String(self) -> str:
        """time.Location.String: the zone's name, "UTC" for both UTC and Local here."""
        return self.name

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"<Location {self.name}>"


UTC: Final = Location("UTC")
# Go's Local is the machine's zone; here it is UTC itself (see the module doc).
Local: Final = UTC


def isLeap(year: int) -> bool:
    """time.isLeap: whether year is a leap year in the proleptic Gregorian calendar."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def daysBefore(m: int) -> int:
    """time.daysBefore: the days of a non-leap year before month m (365 for m = 13)."""
    adj = -2 if m >= 3 else 0
    return _quo(214 * m - 211, 7) + adj


def daysIn(m: int, year: int) -> int:
    """time.daysIn: the number of days in month m of year (28 or 29 for February)."""
    if m == 2:
        return 29 if isLeap(year) else 28
    return 30 + ((m + (m >> 3)) & 1)


def norm(hi: int, lo: int, base: int) -> tuple[int, int]:
    """time.norm: carry lo into hi so that 0 <= lo < base and hi*base+lo is unchanged."""
    n, lo = divmod(lo, base)
    return hi + n, lo


def _daysFromCivil(y: int, m: int, d: int) -> int:
    """Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m in 1..12; d may overflow).

    Stands in for time.go's dateToAbsDays, which counts from Go's absolute
    epoch instead (the inverse of this module's ``_civil``).
    """
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m - 3 if m > 2 else m + 9) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def Date(year: int, month: int, day: int, hour: int, min: int, sec: int, nsec: int,
         loc: Location | None) -> Time:
    """time.Date: the Time of yyyy-mm-dd hh:mm:ss + nsec nanoseconds in loc (UTC here).

    Fields outside their usual ranges are carried into the next larger one
    (October 32 is November 1, hour -1 is 23:00 the day before). loc must
    be a Location (UTC or Local, both UTC here); None panics as in Go.
    """
    who = "time.Date"
    for n, v in (("year", year), ("month", month), ("day", day), ("hour", hour),
                 ("min", min), ("sec", sec), ("nsec", nsec)):
        _needInt(who, n, v)
    if loc is None:
        raise Panic("time: missing Location in call to Date")
    if not isinstance(loc, Location):
        raise TypeError(f"time.Date: loc must be a *time.Location, not {type(loc).__name__}")
    year, m = norm(year, month - 1, 12)
    sec, nsec = norm(sec, nsec, 1_000_000_000)
    min, sec = norm(min, sec, 60)
    hour, min = norm(hour, min, 60)
    day, hour = norm(day, hour, 24)
    unix = (_daysFromCivil(year, m + 1, 1) + day - 1) * secondsPerDay \
        + hour * secondsPerHour + min * secondsPerMinute + sec
    return unixTime(unix, nsec)


# ---------------------------------------------------------------------------
# Layouts: Format and Parse (format.go, format_rfc3339.go)

Layout: Final = "01/02 03:04:05PM '06 -0700"  # the reference time, in numerical order
ANSIC: Final = "Mon Jan _2 15:04:05 2006"
UnixDate: Final = "Mon Jan _2 15:04:05 MST 2006"
RubyDate: Final = "Mon Jan 02 15:04:05 -0700 2006"
RFC822: Final = "02 Jan 06 15:04 MST"
RFC822Z: Final = "02 Jan 06 15:04 -0700"  # RFC822 with a numeric zone
RFC850: Final = "Monday, 02-Jan-06 15:04:05 MST"
RFC1123: Final = "Mon, 02 Jan 2006 15:04:05 MST"
RFC1123Z: Final = "Mon, 02 Jan 2006 15:04:05 -0700"  # RFC1123 with a numeric zone
RFC3339: Final = "2006-01-02T15:04:05Z07:00"
RFC3339Nano: Final = "2006-01-02T15:04:05.999999999Z07:00"
Kitchen: Final = "3:04PM"
# Time stamps.
Stamp: Final = "Jan _2 15:04:05"
StampMilli: Final = "Jan _2 15:04:05.000"
StampMicro: Final = "Jan _2 15:04:05.000000"
StampNano: Final = "Jan _2 15:04:05.000000000"
DateTime: Final = "2006-01-02 15:04:05"
DateOnly: Final = "2006-01-02"
TimeOnly: Final = "15:04:05"

# The std chunk codes nextStdChunk returns: the low byte numbers the chunk
# (Go's iota), the bits above say which fields formatting it needs.
stdNeedDate: Final = 1 << 8  # needs month, day, year
stdNeedYday: Final = 1 << 9  # needs the day of the year
stdNeedClock: Final = 1 << 10  # needs hour, minute, second
stdArgShift: Final = 16  # an extra argument in the bits above the low 16
stdSeparatorShift: Final = 28  # the fractional second's separator in the top 4 bits
stdMask: Final = (1 << stdArgShift) - 1  # masks out the argument

stdLongMonth: Final = 1 + stdNeedDate  # "January"
stdMonth: Final = 2 + stdNeedDate  # "Jan"
stdNumMonth: Final = 3 + stdNeedDate  # "1"
stdZeroMonth: Final = 4 + stdNeedDate  # "01"
stdLongWeekDay: Final = 5 + stdNeedDate  # "Monday"
stdWeekDay: Final = 6 + stdNeedDate  # "Mon"
stdDay: Final = 7 + stdNeedDate  # "2"
stdUnderDay: Final = 8 + stdNeedDate  # "_2"
stdZeroDay: Final = 9 + stdNeedDate  # "02"
stdUnderYearDay: Final = 10 + stdNeedYday  # "__2"
stdZeroYearDay: Final = 11 + stdNeedYday  # "002"
stdHour: Final = 12 + stdNeedClock  # "15"
stdHour12: Final = 13 + stdNeedClock  # "3"
stdZeroHour12: Final = 14 + stdNeedClock  # "03"
stdMinute: Final = 15 + stdNeedClock  # "4"
stdZeroMinute: Final = 16 + stdNeedClock  # "04"
stdSecond: Final = 17 + stdNeedClock  # "5"
stdZeroSecond: Final = 18 + stdNeedClock  # "05"
stdLongYear: Final = 19 + stdNeedDate  # "2006"
stdYear: Final = 20 + stdNeedDate  # "06"
stdPM: Final = 21 + stdNeedClock  # "PM"
stdpm: Final = 22 + stdNeedClock  # "pm"
stdTZ: Final = 23  # "MST"
stdISO8601TZ: Final = 24  # "Z0700", Z for UTC
stdISO8601SecondsTZ: Final = 25  # "Z070000"
stdISO8601ShortTZ: Final = 26  # "Z07"
stdISO8601ColonTZ: Final = 27  # "Z07:00", Z for UTC
stdISO8601ColonSecondsTZ: Final = 28  # "Z07:00:00"
stdNumTZ: Final = 29  # "-0700", always numeric
stdNumSecondsTz: Final = 30  # "-070000"
stdNumShortTZ: Final = 31  # "-07", always numeric
stdNumColonTZ: Final = 32  # "-07:00", always numeric
stdNumColonSecondsTZ: Final = 33  # "-07:00:00"
stdFracSecond0: Final = 34  # ".0", ".00", ...: trailing zeros kept
stdFracSecond9: Final = 35  # ".9", ".99", ...: trailing zeros dropped

# The codes of "01" ... "06".
std0x: Final = (stdZeroMonth, stdZeroDay, stdZeroHour12, stdZeroMinute, stdZeroSecond, stdYear)

_isoTZ: Final = frozenset(
    (stdISO8601TZ, stdISO8601ColonTZ, stdISO8601SecondsTZ, stdISO8601ShortTZ,
     stdISO8601ColonSecondsTZ))
_numTZ: Final = frozenset(
    (stdNumTZ, stdNumColonTZ, stdNumSecondsTz, stdNumShortTZ, stdNumColonSecondsTZ))
_colonTZ: Final = frozenset(
    (stdISO8601ColonTZ, stdNumColonTZ, stdISO8601ColonSecondsTZ, stdNumColonSecondsTZ))
_secondsTZ: Final = frozenset(
    (stdISO8601SecondsTZ, stdNumSecondsTz, stdNumColonSecondsTZ, stdISO8601ColonSecondsTZ))


def startsWithLowerCase(s: str) -> bool:
    """time.startsWithLowerCase: whether s begins with an ASCII a..z.

    Keeps "Month" from reading as the "Mon" chunk followed by "th".
    """
    return s != "" and "a" <= s[0] <= "z"


def nextStdChunk(layout: str) -> tuple[str, int, str]:
    """time.nextStdChunk: split layout at its first std chunk: (text before, code, text after).

    The code is one of the std* constants, 0 when layout holds no chunk
    (then the whole layout is the text before). A fractional second's code
    also carries its digit count and separator (see stdFracSecond).
    """
    n = len(layout)
    for i in range(n):
        c = layout[i]
        if c == "J":  # January, Jan
            if layout[i:i + 3] == "Jan":
                if layout[i:i + 7] == "January":
                    return layout[:i], stdLongMonth, layout[i + 7:]
                if not startsWithLowerCase(layout[i + 3:]):
                    return layout[:i], stdMonth, layout[i + 3:]
        elif c == "M":  # Monday, Mon, MST
            if n >= i + 3:
                if layout[i:i + 3] == "Mon":
                    if layout[i:i + 6] == "Monday":
                        return layout[:i], stdLongWeekDay, layout[i + 6:]
                    if not startsWithLowerCase(layout[i + 3:]):
                        return layout[:i], stdWeekDay, layout[i + 3:]
                if layout[i:i + 3] == "MST":
                    return layout[:i], stdTZ, layout[i + 3:]
        elif c == "0":  # 01, 02, 03, 04, 05, 06, 002
            if n >= i + 2 and "1" <= layout[i + 1] <= "6":
                return layout[:i], std0x[ord(layout[i + 1]) - ord("1")], layout[i + 2:]
            if layout[i + 1:i + 3] == "02":
                return layout[:i], stdZeroYearDay, layout[i + 3:]
        elif c == "1":  # 15, 1
            if n >= i + 2 and layout[i + 1] == "5":
                return layout[:i], stdHour, layout[i + 2:]
            return layout[:i], stdNumMonth, layout[i + 1:]
        elif c == "2":  # 2006, 2
            if layout[i:i + 4] == "2006":
                return layout[:i], stdLongYear, layout[i + 4:]
            return layout[:i], stdDay, layout[i + 1:]
        elif c == "_":  # _2, _2006, __2
            if n >= i + 2 and layout[i + 1] == "2":
                # "_2006" is a literal "_" and then the year.
                if layout[i + 1:i + 5] == "2006":
                    return layout[:i + 1], stdLongYear, layout[i + 5:]
                return layout[:i], stdUnderDay, layout[i + 2:]
            if layout[i + 1:i + 3] == "_2":
                return layout[:i], stdUnderYearDay, layout[i + 3:]
        elif c == "3":
            return layout[:i], stdHour12, layout[i + 1:]
        elif c == "4":
            return layout[:i], stdMinute, layout[i + 1:]
        elif c == "5":
            return layout[:i], stdSecond, layout[i + 1:]
        elif c == "P":  # PM
            if layout[i + 1:i + 2] == "M":
                return layout[:i], stdPM, layout[i + 2:]
        elif c == "p":  # pm
            if layout[i + 1:i + 2] == "m":
                return layout[:i], stdpm, layout[i + 2:]
        elif c == "-":  # -070000, -07:00:00, -0700, -07:00, -07
            if layout[i:i + 7] == "-070000":
                return layout[:i], stdNumSecondsTz, layout[i + 7:]
            if layout[i:i + 9] == "-07:00:00":
                return layout[:i], stdNumColonSecondsTZ, layout[i + 9:]
            if layout[i:i + 5] == "-0700":
                return layout[:i], stdNumTZ, layout[i + 5:]
            if layout[i:i + 6] == "-07:00":
                return layout[:i], stdNumColonTZ, layout[i + 6:]
            if layout[i:i + 3] == "-07":
                return layout[:i], stdNumShortTZ, layout[i + 3:]
        elif c == "Z":  # Z070000, Z07:00:00, Z0700, Z07:00, Z07
            if layout[i:i + 7] == "Z070000":
                return layout[:i], stdISO8601SecondsTZ, layout[i + 7:]
            if layout[i:i + 9] == "Z07:00:00":
                return layout[:i], stdISO8601ColonSecondsTZ, layout[i + 9:]
            if layout[i:i + 5] == "Z0700":
                return layout[:i], stdISO8601TZ, layout[i + 5:]
            if layout[i:i + 6] == "Z07:00":
                return layout[:i], stdISO8601ColonTZ, layout[i + 6:]
            if layout[i:i + 3] == "Z07":
                return layout[:i], stdISO8601ShortTZ, layout[i + 3:]
        elif c in ".,":  # .000, ,000, .999, ,999: a fractional second
            if i + 1 < n and layout[i + 1] in "09":
                ch = layout[i + 1]
                j = i + 1
                while j < n and layout[j] == ch:
                    j += 1
                # Only if the run of digits ends here.
                if not isDigit(layout, j):
                    code = stdFracSecond9 if ch == "9" else stdFracSecond0
                    return layout[:i], stdFracSecond(code, j - (i + 1), c), layout[j:]
    return layout, 0, ""


longDayNames: Final = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
shortDayNames: Final = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
shortMonthNames: Final = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
longMonthNames: Final = ("January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December")


def match(s1: str, s2: str) -> bool:
    """time.match: whether s1 and s2 (of equal length) are equal up to ASCII letter case."""
    for c1, c2 in zip(s1, s2, strict=True):
        if c1 != c2:
            o1, o2 = ord(c1) | 0x20, ord(c2) | 0x20
            if o1 != o2 or not 0x61 <= o1 <= 0x7A:
                return False
    return True


class _BadValue(Exception):
    """time.errBad: a field did not parse (never shown; becomes a ParseError)."""


errBad: Final = _BadValue("bad value for field")


def lookup(tab: tuple[str, ...], val: str) -> tuple[int, str, _BadValue | None]:
    """time.lookup: find the name in tab that val starts with, ignoring case.

    Returns (its index, the rest of val, None), or (-1, val, errBad) when none does.
    """
    for i, v in enumerate(tab):
        if len(val) >= len(v) and match(val[:len(v)], v):
            return i, val[len(v):], None
    return -1, val, errBad


def appendInt(b: bytearray, x: int, width: int) -> bytearray:
    """time.appendInt: append x in decimal to b, zero-padded to width digits (sign not counted).

    Returns b, which is extended in place.
    """
    if x < 0:
        b += b"-"
        x = -x
    b += str(x).rjust(width, "0").encode()
    return b


def stdFracSecond(code: int, n: int, c: str) -> int:
    """time.stdFracSecond: pack a fractional-second code with its digit count and separator."""
    if c == ".":
        return code | ((n & 0xFFF) << stdArgShift)
    return code | ((n & 0xFFF) << stdArgShift) | 1 << stdSeparatorShift


def digitsLen(std: int) -> int:
    """time.digitsLen: the digit count packed into a fractional-second code."""
    return (std >> stdArgShift) & 0xFFF


def separator(std: int) -> int:
    """time.separator: the separator byte packed into a fractional-second code, "." or ","."""
    return 0x2E if (std >> stdSeparatorShift) == 0 else 0x2C


def appendNano(b: bytearray, nanosec: int, std: int) -> bytearray:
    """time.appendNano: append the fractional second nanosec (0..999999999) as std asks.

    Prints the separator and digitsLen(std) digits; for the ".999" form,
    trailing zeros (and then a bare separator) are dropped, so a whole
    second prints nothing. Returns b, extended in place.
    """
    trim = std & stdMask == stdFracSecond9
    n = digitsLen(std)
    if trim and (n == 0 or nanosec == 0):
        return b
    digits = f"{nanosec:09d}"[:n] if n < 9 else f"{nanosec:09d}"
    if trim:
        digits = digits.rstrip("0")
        if not digits:
            return b
    b.append(separator(std))
    b += digits.encode()
    return b




def _appendFormat(t: Time, b: bytearray, layout: str) -> bytearray:
    """time.Time.appendFormat: append t formatted by layout to b (the general case)."""
    name, offset = "UTC", 0
    unixSec = t.unixSec()
    days = _floordays(unixSec)
    year = -1
    month = day = yday = 0
    hour = -1
    min = sec = 0
    while layout != "":
        prefix, std, suffix = nextStdChunk(layout)
        if prefix != "":
            b += _goBytes(prefix)
        if std == 0:
            break
        layout = suffix
        if year < 0 and std & stdNeedDate:
            year, month, day = _civil(days)
        if std & stdNeedYday:
            y = _civil(days)[0]
            yday = days - _daysFromCivil(y, 1, 1) + 1
        if hour < 0 and std & stdNeedClock:
            s = unixSec % secondsPerDay
            hour, min, sec = s // secondsPerHour, s % secondsPerHour // secondsPerMinute, s % 60
        code = std & stdMask
        if code == stdYear:
            appendInt(b, abs(year) % 100, 2)
        elif code == stdLongYear:
            appendInt(b, year, 4)
        elif code == stdMonth:
            b += shortMonthNames[month - 1].encode()
        elif code == stdLongMonth:
            b += longMonthNames[month - 1].encode()
        elif code == stdNumMonth:
            appendInt(b, month, 0)
        elif code == stdZeroMonth:
            appendInt(b, month, 2)
        elif code == stdWeekDay:
            b += shortDayNames[(days + 4) % 7].encode()
        elif code == stdLongWeekDay:
            b += longDayNames[(days + 4) % 7].encode()
        elif code == stdDay:
            appendInt(b, day, 0)
        elif code == stdUnderDay:
            if day < 10:
                b += b" "
            appendInt(b, day, 0)
        elif code == stdZeroDay:
            appendInt(b, day, 2)
        elif code == stdUnderYearDay:
            if yday < 100:
                b += b" "
                if yday < 10:
                    b += b" "
            appendInt(b, yday, 0)
        elif code == stdZeroYearDay:
            appendInt(b, yday, 3)
        elif code == stdHour:
            appendInt(b, hour, 2)
        elif code in (stdHour12, stdZeroHour12):
            hr = hour % 12 or 12  # noon is 12PM, midnight 12AM
            appendInt(b, hr, 0 if code == stdHour12 else 2)
        elif code == stdMinute:
            appendInt(b, min, 0)
        elif code == stdZeroMinute:
            appendInt(b, min, 2)
        elif code == stdSecond:
            appendInt(b, sec, 0)
        elif code == stdZeroSecond:
            appendInt(b, sec, 2)
        elif code == stdPM:
            b += b"PM" if hour >= 12 else b"AM"
        elif code == stdpm:
            b += b"pm" if hour >= 12 else b"am"
        elif code in _isoTZ or code in _numTZ:
            # The Z forms print "Z" for UTC, which every Time here is.
            if offset == 0 and code in _isoTZ:
                b += b"Z"
                continue
            zone = offset // 60 if offset >= 0 else -(-offset // 60)
            absoffset = offset
            if zone < 0:
                b += b"-"
                zone, absoffset = -zone, -absoffset
            else:
                b += b"+"
            appendInt(b, zone // 60, 2)
            if code in _colonTZ:
                b += b":"
            if code not in (stdNumShortTZ, stdISO8601ShortTZ):
                appendInt(b, zone % 60, 2)
            if code in _secondsTZ:
                if code in (stdNumColonSecondsTZ, stdISO8601ColonSecondsTZ):
                    b += b":"
                appendInt(b, absoffset % 60, 2)
        elif code == stdTZ:
            b += name.encode()
        elif code in (stdFracSecond0, stdFracSecond9):
            appendNano(b, t.nsec(), std)
    return b


def _appendFormatRFC3339(t: Time, b: bytearray, nanos: bool) -> bytearray:
    """time.Time.appendFormatRFC3339: append t as RFC 3339 (with the fraction if nanos) to b."""
    unixSec = t.unixSec()
    year, month, day = _civil(_floordays(unixSec))
    appendInt(b, year, 4)
    b += b"-"
    appendInt(b, month, 2)
    b += b"-"
    appendInt(b, day, 2)
    b += b"T"
    s = unixSec % secondsPerDay
    appendInt(b, s // secondsPerHour, 2)
    b += b":"
    appendInt(b, s % secondsPerHour // secondsPerMinute, 2)
    b += b":"
    appendInt(b, s % 60, 2)
    if nanos:
        appendNano(b, t.nsec(), stdFracSecond(stdFracSecond9, 9, "."))
    b += b"Z"  # the offset is always 0 here
    return b


class ParseError(Exception):
    """time.ParseError: why Parse could not read a value with a layout.

    The fields are Go's: the whole Layout and Value, the layout element and
    the remaining value text that did not match, and an optional Message.
    """

    _goType = "*time.ParseError"  # what %T prints (std/fmt.py)

    def __init__(self, Layout: str, Value: str, LayoutElem: str, ValueElem: str,
                 Message: str) -> None:
        super().__init__(Layout, Value, LayoutElem, ValueElem, Message)
        self.Layout = Layout
        self.Value = Value
        self.LayoutElem = LayoutElem
        self.ValueElem = ValueElem
        self.Message = Message

    def Error(self) -> str:
        """time.ParseError.Error: 'parsing time "v" as "layout": cannot parse "x" as "elem"'.

        With a Message it is 'parsing time "v"' followed by the message instead.
        """
        if self.Message == "":
            return ("parsing time " + _q(self.Value) + " as " + _q(self.Layout)
                    + ": cannot parse " + _q(self.ValueElem) + " as " + _q(self.LayoutElem))
        return "parsing time " + _q(self.Value) + self.Message

    def __str__(self) -> str:
        return self.Error()


def _q(s: str) -> str:
    """time.quote of a str holding a Go string."""
    return quote(_goBytes(s))


def newParseError(layout: str, value: str, layoutElem: str, valueElem: str,
                  message: str) -> ParseError:
    """time.newParseError: a ParseError from its five fields."""
    return ParseError(layout, value, layoutElem, valueElem, message)


def isDigit(s: str, i: int) -> bool:
    """time.isDigit: whether s[i] exists and is an ASCII decimal digit."""
    return i < len(s) and "0" <= s[i] <= "9"


def getnum(s: str, fixed: bool) -> tuple[int, str, _BadValue | None]:
    """time.getnum: read one or two leading digits of s (exactly two if fixed): (n, rest, err)."""
    if not isDigit(s, 0):
        return 0, s, errBad
    if not isDigit(s, 1):
        if fixed:
            return 0, s, errBad
        return ord(s[0]) - 48, s[1:], None
    return (ord(s[0]) - 48) * 10 + ord(s[1]) - 48, s[2:], None


def getnum3(s: str, fixed: bool) -> tuple[int, str, _BadValue | None]:
    """time.getnum3: read one to three leading digits of s (exactly three if fixed)."""
    n = i = 0
    while i < 3 and isDigit(s, i):
        n = n * 10 + ord(s[i]) - 48
        i += 1
    if i == 0 or fixed and i != 3:
        return 0, s, errBad
    return n, s[i:], None


def cutspace(s: str) -> str:
    """time.cutspace: s without its leading spaces."""
    return s.lstrip(" ")


def skip(value: str, prefix: str) -> tuple[str, _BadValue | None]:
    """time.skip: remove the literal prefix from value, where any run of spaces matches any other.

    Returns (the rest, None), or (value so far, errBad) on a mismatch.
    """
    while prefix:
        if prefix[0] == " ":
            if value and value[0] != " ":
                return value, errBad
            prefix = cutspace(prefix)
            value = cutspace(value)
            continue
        if not value or value[0] != prefix[0]:
            return value, errBad
        prefix = prefix[1:]
        value = value[1:]
    return value, None


def _atoi(s: str) -> tuple[int, _BadValue | None]:
    """time.atoi: s as a signed decimal int; (0, errBad) if it is not one."""
    neg = False
    if s and s[0] in "+-":
        neg = s[0] == "-"
        s = s[1:]
    q, rem, overflow = leadingInt(_goBytes(s))
    if overflow or rem:
        return 0, errBad
    return (-q if neg else q), None


def Parse(layout: str, value: str) -> tuple[Time, ParseError | None]:
    """time.Parse: read the time that value shows, written as layout shows the reference time.

    Returns (Time, None) or (Time(), *ParseError). Without a zone in value
    the time is UTC. A numeric offset (-0700, Z07:00 ...) is applied, so
    the result is the same instant, in UTC. A zone name other than "UTC"
    (MST, PST, GMT-8 ...) is read but, as in Go when the local zone does
    not know it, does not move the instant: the clock reading is taken as
    UTC. Fractional seconds may follow the seconds even when the layout has
    none; two-digit years 69..99 are 19xx, the rest 20xx.
    """
    if layout in (RFC3339, RFC3339Nano):
        t, ok = parseRFC3339(value, Local)
        if ok:
            return t, None
    return parse(layout, value, UTC, Local)


def ParseInLocation(layout: str, value: str, loc: Location) -> tuple[Time, ParseError | None]:
    """time.ParseInLocation: like Parse, in loc when value has no zone; loc is always UTC here."""
    if not isinstance(loc, Location):
        raise TypeError("time.ParseInLocation: loc must be a *time.Location, not "
                        + type(loc).__name__)
    if layout in (RFC3339, RFC3339Nano):
        t, ok = parseRFC3339(value, loc)
        if ok:
            return t, None
    return parse(layout, value, loc, loc)


def parse(layout: str, value: str, defaultLocation: Location,
          local: Location) -> tuple[Time, ParseError | None]:
    """time.parse: Parse's general case, field by field along the layout's chunks.

    Both Locations are UTC here, so a zone only ever shifts the instant by
    a numeric offset it states.
    """
    alayout, avalue = layout, value
    rangeErrString = ""  # set if a value is out of range
    amSet = pmSet = False
    year = 0
    month = day = yday = -1
    hour = min = sec = nsec = 0
    zoneOffset = -1
    isUTC = False
    while True:
        prefix, std, suffix = nextStdChunk(layout)
        stdstr = layout[len(prefix):len(layout) - len(suffix)]
        value, err = skip(value, prefix)
        if err is not None:
            return Time(), newParseError(alayout, avalue, prefix, value, "")
        if std == 0:
            if value:
                return Time(), newParseError(alayout, avalue, "", value,
                                             ": extra text: " + _q(value))
            break
        layout = suffix
        hold = value
        code = std & stdMask
        if code == stdYear:
            if len(value) < 2:
                err = errBad
            else:
                p, value = value[:2], value[2:]
                year, err = _atoi(p)
                if err is None:
                    year += 1900 if year >= 69 else 2000
        elif code == stdLongYear:
            if len(value) < 4 or not isDigit(value, 0):
                err = errBad
            else:
                p, value = value[:4], value[4:]
                year, err = _atoi(p)
        elif code == stdMonth:
            month, value, err = lookup(shortMonthNames, value)
            month += 1
        elif code == stdLongMonth:
            month, value, err = lookup(longMonthNames, value)
            month += 1
        elif code in (stdNumMonth, stdZeroMonth):
            month, value, err = getnum(value, code == stdZeroMonth)
            if err is None and (month <= 0 or 12 < month):
                rangeErrString = "month"
        elif code == stdWeekDay:  # checked for syntax only
            _, value, err = lookup(shortDayNames, value)
        elif code == stdLongWeekDay:
            _, value, err = lookup(longDayNames, value)
        elif code in (stdDay, stdUnderDay, stdZeroDay):
            if code == stdUnderDay and value[:1] == " ":
                value = value[1:]
            day, value, err = getnum(value, code == stdZeroDay)
            # Any one or two digits; checked against the month at the end.
        elif code in (stdUnderYearDay, stdZeroYearDay):
            for _ in range(2):
                if code == stdUnderYearDay and value[:1] == " ":
                    value = value[1:]
            yday, value, err = getnum3(value, code == stdZeroYearDay)
        elif code == stdHour:
            hour, value, err = getnum(value, False)
            if hour < 0 or 24 <= hour:
                rangeErrString = "hour"
        elif code in (stdHour12, stdZeroHour12):
            hour, value, err = getnum(value, code == stdZeroHour12)
            if hour < 0 or 12 < hour:
                rangeErrString = "hour"
        elif code in (stdMinute, stdZeroMinute):
            min, value, err = getnum(value, code == stdZeroMinute)
            if min < 0 or 60 <= min:
                rangeErrString = "minute"
        elif code in (stdSecond, stdZeroSecond):
            sec, value, err = getnum(value, code == stdZeroSecond)
            if err is None:
                if sec < 0 or 60 <= sec:
                    rangeErrString = "second"
                elif len(value) >= 2 and commaOrPeriod(value[0]) and isDigit(value, 1):
                    # A fractional second the layout does not show?
                    _, nstd, _ = nextStdChunk(layout)
                    if nstd & stdMask not in (stdFracSecond0, stdFracSecond9):
                        n = 2
                        while n < len(value) and isDigit(value, n):
                            n += 1
                        nsec, rangeErrString, err = parseNanoseconds(value, n)
                        value = value[n:]
        elif code in (stdPM, stdpm):
            if len(value) < 2:
                err = errBad
            else:
                p, value = value[:2], value[2:]
                pm, am = ("PM", "AM") if code == stdPM else ("pm", "am")
                if p == pm:
                    pmSet = True
                elif p == am:
                    amSet = True
                else:
                    err = errBad
        elif code in _isoTZ and value[:1] == "Z":
            value = value[1:]
            isUTC = True
        elif code in _isoTZ or code in _numTZ:
            sign = hh = mm = ss = ""
            if code in (stdISO8601ColonTZ, stdNumColonTZ):
                if len(value) < 6 or value[3] != ":":
                    err = errBad
                else:
                    sign, hh, mm, ss, value = value[0], value[1:3], value[4:6], "00", value[6:]
            elif code in (stdNumShortTZ, stdISO8601ShortTZ):
                if len(value) < 3:
                    err = errBad
                else:
                    sign, hh, mm, ss, value = value[0], value[1:3], "00", "00", value[3:]
            elif code in (stdISO8601ColonSecondsTZ, stdNumColonSecondsTZ):
                if len(value) < 9 or value[3] != ":" or value[6] != ":":
                    err = errBad
                else:
                    sign, hh, mm, ss = value[0], value[1:3], value[4:6], value[7:9]
                    value = value[9:]
            elif code in (stdISO8601SecondsTZ, stdNumSecondsTz):
                if len(value) < 7:
                    err = errBad
                else:
                    sign, hh, mm, ss = value[0], value[1:3], value[3:5], value[5:7]
                    value = value[7:]
            elif len(value) < 5:
                err = errBad
            else:
                sign, hh, mm, ss, value = value[0], value[1:3], value[3:5], "00", value[5:]
            if err is None:
                hr = mi = se = 0
                hr, _, err = getnum(hh, True)
                if err is None:
                    mi, _, err = getnum(mm, True)
                    if err is None:
                        se, _, err = getnum(ss, True)
                # Some write offsets of 24 hours or 60 minutes, so > not >=.
                if hr > 24:
                    rangeErrString = "time zone offset hour"
                if mi > 60:
                    rangeErrString = "time zone offset minute"
                if se > 60:
                    rangeErrString = "time zone offset second"
                zoneOffset = (hr * 60 + mi) * 60 + se
                if sign == "-":
                    zoneOffset = -zoneOffset
                elif sign != "+":
                    err = errBad
        elif code == stdTZ:
            if value[:3] == "UTC":
                isUTC = True
                value = value[3:]
            else:
                n, ok = parseTimeZone(value)
                if not ok:
                    err = errBad
                else:
                    value = value[n:]  # Go keeps the name; it does not move the instant
        elif code == stdFracSecond0:
            # Exactly as many digits as the layout has.
            ndigit = 1 + digitsLen(std)
            if len(value) < ndigit:
                err = errBad
            else:
                nsec, rangeErrString, err = parseNanoseconds(value, ndigit)
                value = value[ndigit:]
        elif code == stdFracSecond9:
            if len(value) >= 2 and commaOrPeriod(value[0]) and "0" <= value[1] <= "9":
                # Any number of digits, as after a seconds field.
                i = 0
                while i + 1 < len(value) and "0" <= value[i + 1] <= "9":
                    i += 1
                nsec, rangeErrString, err = parseNanoseconds(value, 1 + i)
                value = value[1 + i:]
        if rangeErrString != "":
            return Time(), newParseError(alayout, avalue, stdstr, value,
                                         ": " + rangeErrString + " out of range")
        if err is not None:
            return Time(), newParseError(alayout, avalue, stdstr, hold, "")
    if pmSet and hour < 12:
        hour += 12
    elif amSet and hour == 12:
        hour = 0

    if yday >= 0:  # the day of the year gives month and day
        d = m = 0
        if isLeap(year):
            if yday == 31 + 29:
                m, d = 2, 29
            elif yday > 31 + 29:
                yday -= 1
        if yday < 1 or yday > 365:
            return Time(), newParseError(alayout, avalue, "", value, ": day-of-year out of range")
        if m == 0:
            m = (yday - 1) // 31 + 1
            if daysBefore(m + 1) < yday:
                m += 1
            d = yday - daysBefore(m)
        if month >= 0 and month != m:
            return Time(), newParseError(alayout, avalue, "", value,
                                         ": day-of-year does not match month")
        month = m
        if day >= 0 and day != d:
            return Time(), newParseError(alayout, avalue, "", value,
                                         ": day-of-year does not match day")
        day = d
    else:
        if month < 0:
            month = 1
        if day < 0:
            day = 1

    if day < 1 or day > daysIn(month, year):
        return Time(), newParseError(alayout, avalue, "", value, ": day out of range")

    t = Date(year, month, day, hour, min, sec, nsec, UTC)
    if not isUTC and zoneOffset != -1:
        # Go keeps the offset in a FixedZone; here the instant moves to UTC.
        t = t.addSec(-zoneOffset)
    # A zone name (even GMT+n) does not move the instant: Go shows the
    # clock reading in a made-up zone, whose instant is the reading as UTC.
    return t, None


def parseTimeZone(value: str) -> tuple[int, bool]:
    """time.parseTimeZone: the length of the zone abbreviation value starts with, and ok.

    Three upper-case letters, four or five ending in T, ChST, MeST, WITA,
    GMT with an optional signed hour, or a bare +hh/-hh are zones.
    """
    if len(value) < 3:
        return 0, False
    if value[:4] in ("ChST", "MeST"):
        return 4, True
    if value[:3] == "GMT":
        return parseGMT(value), True
    if value[0] in "+-":
        n = parseSignedOffset(value)
        return n, n > 0
    nUpper = 0
    while nUpper < 6 and nUpper < len(value) and "A" <= value[nUpper] <= "Z":
        nUpper += 1
    if nUpper == 5 and value[4] == "T":
        return 5, True
    if nUpper == 4 and (value[3] == "T" or value[:4] == "WITA"):
        return 4, True
    if nUpper == 3:
        return 3, True
    return 0, False


def parseGMT(value: str) -> int:
    """time.parseGMT: the length of "GMT" plus the signed hour offset that may follow it."""
    value = value[3:]
    if value == "":
        return 3
    return 3 + parseSignedOffset(value)


def parseSignedOffset(value: str) -> int:
    """time.parseSignedOffset: the length of a leading "+hh"/"-hh" with hh <= 23, else 0."""
    if value[0] not in "+-":
        return 0
    digits = _goBytes(value[1:])
    x, rem, overflow = leadingInt(digits)
    if overflow or len(rem) == len(digits) or x > 23:
        return 0
    return 1 + len(digits) - len(rem)


def commaOrPeriod(c: str) -> bool:
    """time.commaOrPeriod: whether c is "." or "," (a fractional second's separator)."""
    return c in (".", ",")


def parseNanoseconds(value: str, nbytes: int) -> tuple[int, str, _BadValue | None]:
    """time.parseNanoseconds: read separator and digits value[:nbytes] as nanoseconds.

    Digits past the ninth are dropped (truncated, not rounded). Returns
    (ns, range error text, err).
    """
    if not commaOrPeriod(value[0]):
        return 0, "", errBad
    if nbytes > 10:
        value = value[:10]
        nbytes = 10
    ns, err = _atoi(value[1:nbytes])
    if err is not None:
        return ns, "", err
    if ns < 0:
        return ns, "fractional second", None
    return ns * 10 ** (10 - nbytes), "", None


def parseRFC3339(s: str, local: Location) -> tuple[Time, bool]:
    """time.parseRFC3339: the fast path for RFC 3339 values: (Time, ok).

    Not ok means "let the general parser decide", which then also makes
    the error. A numeric offset is applied to give a UTC instant.
    """
    ok = True

    def parseUint(s: str, lo: int, hi: int) -> int:
        nonlocal ok
        x = 0
        for c in _goBytes(s):
            if c < 0x30 or c > 0x39:
                ok = False
                return lo
            x = x * 10 + c - 0x30
        if x < lo or hi < x:
            ok = False
            return lo
        return x

    if len(s) < len("2006-01-02T15:04:05"):
        return Time(), False
    year = parseUint(s[0:4], 0, 9999)
    month = parseUint(s[5:7], 1, 12)
    day = parseUint(s[8:10], 1, daysIn(month, year))
    hour = parseUint(s[11:13], 0, 23)
    min = parseUint(s[14:16], 0, 59)
    sec = parseUint(s[17:19], 0, 59)
    if not ok or (s[4], s[7], s[10], s[13], s[16]) != ("-", "-", "T", ":", ":"):
        return Time(), False
    s = s[19:]
    nsec = 0
    if len(s) >= 2 and s[0] == "." and isDigit(s, 1):
        n = 2
        while n < len(s) and isDigit(s, n):
            n += 1
        nsec = parseNanoseconds(s, n)[0]
        s = s[n:]
    t = Date(year, month, day, hour, min, sec, nsec, UTC)
    if s != "Z":
        if len(s) != len("-07:00"):
            return Time(), False
        hr = parseUint(s[1:3], 0, 23)
        mm = parseUint(s[4:6], 0, 59)
        if not ok or not (s[0] in "+-" and s[3] == ":"):
            return Time(), False
        zoneOffset = (hr * 60 + mm) * 60
        if s[0] == "-":
            zoneOffset = -zoneOffset
        t = t.addSec(-zoneOffset)
    return t, True
