"""time (go1.27.0): durations, instants, and the timers that park goroutines.

This is the part of Go's time package that network programs lean on:
``Duration`` and its formatting and parsing, ``Time`` with Go's wall and
monotonic clock readings, and ``Sleep``, ``Timer``, ``Ticker``, ``After``,
``AfterFunc`` and ``Tick`` on top of the runtime's timers (``rt/time.py``).
Calendars, time zones, and layouts (``Format``/``Parse``) are left out.

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
There is no Location: every Time is UTC, so ``String`` always prints
``+0000 UTC`` where Go prints the local zone for ``Now()``.

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
    "After",
    "AfterFunc",
    "Duration",
    "Hour",
    "Microsecond",
    "Millisecond",
    "Minute",
    "Nanosecond",
    "NewTicker",
    "NewTimer",
    "Now",
    "ParseDuration",
    "Second",
    "Since",
    "Sleep",
    "Tick",
    "Ticker",
    "Time",
    "Timer",
    "Unix",
    "UnixMicro",
    "UnixMilli",
    "Until",
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

    def Date(self) -> tuple[int, int, int]:
        """time.Time.Date: (year, month, day) in UTC; the month is a plain int 1..12."""
        return _civil(_floordays(self.unixSec()))

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
