"""Tests for std.strconv, ported from Go's strconv tests (go1.27.0).

Tables come row for row from internal/strconv's atoi_test.go, atof_test.go,
ftoa_test.go, itoa_test.go, atob_test.go, atoc_test.go, ctoa_test.go and
strconv's quote_test.go; Go string literals were decoded by their Go meaning
(bytes that are not valid UTF-8 become lone surrogates U+DC80+byte, the
module's convention). Go's internal tests compare bare failure codes; here
the public API is tested, so ErrSyntax/ErrRange rows expect a NumError whose
Err is strconv.ErrSyntax/ErrRange, and ErrBase/ErrBitSize rows expect the
"invalid base N"/"invalid bit size N" texts of number.go. Go's random tests
become hypothesis properties. TestIsPrint/TestIsGraphic compare with Go's
unicode package; we compare with Python's unicodedata for code points it
assigns (Go's tables may know newer ones). Outputs were also checked against
a real Go toolchain by a harness outside this suite.
"""

from __future__ import annotations

import math
import struct
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rt.panic import Panic
from std import errors, strconv
from std.strconv import NumError

ErrSyntax: Any = "ErrSyntax"
ErrRange: Any = "ErrRange"
ErrBase: Any = "ErrBase"
ErrBitSize: Any = "ErrBitSize"

below1e23 = float(99999999999999974834176)
above1e23 = float(100000000000000008388608)


def fdiv(a: float, b: float) -> float:
    return a / b


# atoc_test.go's infinities.
infp0 = complex(math.inf, 0)
infm0 = complex(-math.inf, 0)
inf0p = complex(0, math.inf)
inf0m = complex(0, -math.inf)
infpp = complex(math.inf, math.inf)
infpm = complex(math.inf, -math.inf)
infmp = complex(-math.inf, math.inf)
infmm = complex(-math.inf, -math.inf)


def checkErr(err: Any, want: Any, fn: str, num: str, arg: int = 0) -> None:
    """err is the NumError a public function returns for Go's bare code want."""
    if want is None:
        assert err is None, err.Error()
        return
    assert isinstance(err, NumError), err
    assert err.Func == fn and err.Num == num
    if want == ErrSyntax:
        assert err.Err is strconv.ErrSyntax
    elif want == ErrRange:
        assert err.Err is strconv.ErrRange
    elif want == ErrBase:
        assert err.Err is not None and err.Err.Error() == f"invalid base {arg}"
    else:
        assert err.Err is not None and err.Err.Error() == f"invalid bit size {arg}"


# --- atoi_test.go ---

parseUint64Tests = [
    ("", 0, ErrSyntax),
    ("0", 0, None),
    ("1", 1, None),
    ("12345", 12345, None),
    ("012345", 12345, None),
    ("12345x", 0, ErrSyntax),
    ("98765432100", 98765432100, None),
    ("18446744073709551615", (1 << 64) - 1, None),
    ("18446744073709551616", (1 << 64) - 1, ErrRange),
    ("18446744073709551620", (1 << 64) - 1, ErrRange),
    ("1_2_3_4_5", 0, ErrSyntax),  # base=10 so no underscores allowed
    ("_12345", 0, ErrSyntax),
    ("1__2345", 0, ErrSyntax),
    ("12345_", 0, ErrSyntax),
    ("-0", 0, ErrSyntax),
    ("-1", 0, ErrSyntax),
    ("+1", 0, ErrSyntax),
]

parseUint64BaseTests = [
    ("", 0, 0, ErrSyntax),
    ("0", 0, 0, None),
    ("0x", 0, 0, ErrSyntax),
    ("0X", 0, 0, ErrSyntax),
    ("1", 0, 1, None),
    ("12345", 0, 12345, None),
    ("012345", 0, 0o12345, None),
    ("0x12345", 0, 0x12345, None),
    ("0X12345", 0, 0x12345, None),
    ("12345x", 0, 0, ErrSyntax),
    ("0xabcdefg123", 0, 0, ErrSyntax),
    ("123456789abc", 0, 0, ErrSyntax),
    ("98765432100", 0, 98765432100, None),
    ("18446744073709551615", 0, (1 << 64) - 1, None),
    ("18446744073709551616", 0, (1 << 64) - 1, ErrRange),
    ("18446744073709551620", 0, (1 << 64) - 1, ErrRange),
    ("0xFFFFFFFFFFFFFFFF", 0, (1 << 64) - 1, None),
    ("0x10000000000000000", 0, (1 << 64) - 1, ErrRange),
    ("01777777777777777777777", 0, (1 << 64) - 1, None),
    ("01777777777777777777778", 0, 0, ErrSyntax),
    ("02000000000000000000000", 0, (1 << 64) - 1, ErrRange),
    ("0200000000000000000000", 0, (1 << 61), None),
    ("0b", 0, 0, ErrSyntax),
    ("0B", 0, 0, ErrSyntax),
    ("0b101", 0, 5, None),
    ("0B101", 0, 5, None),
    ("0o", 0, 0, ErrSyntax),
    ("0O", 0, 0, ErrSyntax),
    ("0o377", 0, 255, None),
    ("0O377", 0, 255, None),
    # underscores allowed with base == 0 only
    ("1_2_3_4_5", 0, 12345, None),  # base 0 => 10
    ("_12345", 0, 0, ErrSyntax),
    ("1__2345", 0, 0, ErrSyntax),
    ("12345_", 0, 0, ErrSyntax),
    ("1_2_3_4_5", 10, 0, ErrSyntax),  # base 10
    ("_12345", 10, 0, ErrSyntax),
    ("1__2345", 10, 0, ErrSyntax),
    ("12345_", 10, 0, ErrSyntax),
    ("0x_1_2_3_4_5", 0, 0x12345, None),  # base 0 => 16
    ("_0x12345", 0, 0, ErrSyntax),
    ("0x__12345", 0, 0, ErrSyntax),
    ("0x1__2345", 0, 0, ErrSyntax),
    ("0x1234__5", 0, 0, ErrSyntax),
    ("0x12345_", 0, 0, ErrSyntax),
    ("1_2_3_4_5", 16, 0, ErrSyntax),  # base 16
    ("_12345", 16, 0, ErrSyntax),
    ("1__2345", 16, 0, ErrSyntax),
    ("1234__5", 16, 0, ErrSyntax),
    ("12345_", 16, 0, ErrSyntax),
    ("0_1_2_3_4_5", 0, 0o12345, None),  # base 0 => 8 (0377)
    ("_012345", 0, 0, ErrSyntax),
    ("0__12345", 0, 0, ErrSyntax),
    ("01234__5", 0, 0, ErrSyntax),
    ("012345_", 0, 0, ErrSyntax),
    ("0o_1_2_3_4_5", 0, 0o12345, None),  # base 0 => 8 (0o377)
    ("_0o12345", 0, 0, ErrSyntax),
    ("0o__12345", 0, 0, ErrSyntax),
    ("0o1234__5", 0, 0, ErrSyntax),
    ("0o12345_", 0, 0, ErrSyntax),
    ("0_1_2_3_4_5", 8, 0, ErrSyntax),  # base 8
    ("_012345", 8, 0, ErrSyntax),
    ("0__12345", 8, 0, ErrSyntax),
    ("01234__5", 8, 0, ErrSyntax),
    ("012345_", 8, 0, ErrSyntax),
    ("0b_1_0_1", 0, 5, None),  # base 0 => 2 (0b101)
    ("_0b101", 0, 0, ErrSyntax),
    ("0b__101", 0, 0, ErrSyntax),
    ("0b1__01", 0, 0, ErrSyntax),
    ("0b10__1", 0, 0, ErrSyntax),
    ("0b101_", 0, 0, ErrSyntax),
    ("1_0_1", 2, 0, ErrSyntax),  # base 2
    ("_101", 2, 0, ErrSyntax),
    ("1_01", 2, 0, ErrSyntax),
    ("10_1", 2, 0, ErrSyntax),
    ("101_", 2, 0, ErrSyntax),
]

parseInt64Tests = [
    ("", 0, ErrSyntax),
    ("0", 0, None),
    ("-0", 0, None),
    ("+0", 0, None),
    ("1", 1, None),
    ("-1", -1, None),
    ("+1", 1, None),
    ("12345", 12345, None),
    ("-12345", -12345, None),
    ("012345", 12345, None),
    ("-012345", -12345, None),
    ("98765432100", 98765432100, None),
    ("-98765432100", -98765432100, None),
    ("9223372036854775807", (1 << 63) - 1, None),
    ("-9223372036854775807", -((1 << 63) - 1), None),
    ("9223372036854775808", (1 << 63) - 1, ErrRange),
    ("-9223372036854775808", (-1 << 63), None),
    ("9223372036854775809", (1 << 63) - 1, ErrRange),
    ("-9223372036854775809", (-1 << 63), ErrRange),
    ("-1_2_3_4_5", 0, ErrSyntax),  # base=10 so no underscores allowed
    ("-_12345", 0, ErrSyntax),
    ("_12345", 0, ErrSyntax),
    ("1__2345", 0, ErrSyntax),
    ("12345_", 0, ErrSyntax),
    ("123%45", 0, ErrSyntax),
]

parseInt64BaseTests = [
    ("", 0, 0, ErrSyntax),
    ("0", 0, 0, None),
    ("-0", 0, 0, None),
    ("1", 0, 1, None),
    ("-1", 0, -1, None),
    ("12345", 0, 12345, None),
    ("-12345", 0, -12345, None),
    ("012345", 0, 0o12345, None),
    ("-012345", 0, -0o12345, None),
    ("0x12345", 0, 0x12345, None),
    ("-0X12345", 0, -0x12345, None),
    ("12345x", 0, 0, ErrSyntax),
    ("-12345x", 0, 0, ErrSyntax),
    ("98765432100", 0, 98765432100, None),
    ("-98765432100", 0, -98765432100, None),
    ("9223372036854775807", 0, (1 << 63) - 1, None),
    ("-9223372036854775807", 0, -((1 << 63) - 1), None),
    ("9223372036854775808", 0, (1 << 63) - 1, ErrRange),
    ("-9223372036854775808", 0, (-1 << 63), None),
    ("9223372036854775809", 0, (1 << 63) - 1, ErrRange),
    ("-9223372036854775809", 0, (-1 << 63), ErrRange),
    # other bases
    ("g", 17, 16, None),
    ("10", 25, 25, None),
    ("holycow", 35, (((((17 * 35 + 24) * 35 + 21) * 35 + 34) * 35 + 12) * 35 + 24) * 35 + 32, None),
    ("holycow", 36, (((((17 * 36 + 24) * 36 + 21) * 36 + 34) * 36 + 12) * 36 + 24) * 36 + 32, None),
    # base 2
    ("0", 2, 0, None),
    ("-1", 2, -1, None),
    ("1010", 2, 10, None),
    ("1000000000000000", 2, (1 << 15), None),
    ("111111111111111111111111111111111111111111111111111111111111111", 2, (1 << 63) - 1, None),
    (
        "1000000000000000000000000000000000000000000000000000000000000000",
        2,
        (1 << 63) - 1,
        ErrRange,
    ),
    ("-1000000000000000000000000000000000000000000000000000000000000000", 2, (-1 << 63), None),
    ("-1000000000000000000000000000000000000000000000000000000000000001", 2, (-1 << 63), ErrRange),
    # base 8
    ("-10", 8, -8, None),
    ("57635436545", 8, 0o57635436545, None),
    ("100000000", 8, (1 << 24), None),
    # base 16
    ("10", 16, 16, None),
    ("-123456789abcdef", 16, -0x123456789ABCDEF, None),
    ("7fffffffffffffff", 16, (1 << 63) - 1, None),
    # underscores
    ("-0x_1_2_3_4_5", 0, -0x12345, None),
    ("0x_1_2_3_4_5", 0, 0x12345, None),
    ("-_0x12345", 0, 0, ErrSyntax),
    ("_-0x12345", 0, 0, ErrSyntax),
    ("_0x12345", 0, 0, ErrSyntax),
    ("0x__12345", 0, 0, ErrSyntax),
    ("0x1__2345", 0, 0, ErrSyntax),
    ("0x1234__5", 0, 0, ErrSyntax),
    ("0x12345_", 0, 0, ErrSyntax),
    ("-0_1_2_3_4_5", 0, -0o12345, None),  # octal
    ("0_1_2_3_4_5", 0, 0o12345, None),  # octal
    ("-_012345", 0, 0, ErrSyntax),
    ("_-012345", 0, 0, ErrSyntax),
    ("_012345", 0, 0, ErrSyntax),
    ("0__12345", 0, 0, ErrSyntax),
    ("01234__5", 0, 0, ErrSyntax),
    ("012345_", 0, 0, ErrSyntax),
    ("+0xf", 0, 0xF, None),
    ("-0xf", 0, -0xF, None),
    ("0x+f", 0, 0, ErrSyntax),
    ("0x-f", 0, 0, ErrSyntax),
]

parseUint32Tests = [
    ("", 0, ErrSyntax),
    ("0", 0, None),
    ("1", 1, None),
    ("12345", 12345, None),
    ("012345", 12345, None),
    ("12345x", 0, ErrSyntax),
    ("987654321", 987654321, None),
    ("4294967295", (1 << 32) - 1, None),
    ("4294967296", (1 << 32) - 1, ErrRange),
    ("1_2_3_4_5", 0, ErrSyntax),  # base=10 so no underscores allowed
    ("_12345", 0, ErrSyntax),
    ("_12345", 0, ErrSyntax),
    ("1__2345", 0, ErrSyntax),
    ("12345_", 0, ErrSyntax),
]

parseInt32Tests = [
    ("", 0, ErrSyntax),
    ("0", 0, None),
    ("-0", 0, None),
    ("1", 1, None),
    ("-1", -1, None),
    ("12345", 12345, None),
    ("-12345", -12345, None),
    ("012345", 12345, None),
    ("-012345", -12345, None),
    ("12345x", 0, ErrSyntax),
    ("-12345x", 0, ErrSyntax),
    ("987654321", 987654321, None),
    ("-987654321", -987654321, None),
    ("2147483647", (1 << 31) - 1, None),
    ("-2147483647", -((1 << 31) - 1), None),
    ("2147483648", (1 << 31) - 1, ErrRange),
    ("-2147483648", (-1 << 31), None),
    ("2147483649", (1 << 31) - 1, ErrRange),
    ("-2147483649", (-1 << 31), ErrRange),
    ("-1_2_3_4_5", 0, ErrSyntax),  # base=10 so no underscores allowed
    ("-_12345", 0, ErrSyntax),
    ("_12345", 0, ErrSyntax),
    ("1__2345", 0, ErrSyntax),
    ("12345_", 0, ErrSyntax),
    ("123%45", 0, ErrSyntax),
]

numErrorTests = [
    ("0", 'strconv.ParseFloat: parsing "0": failed'),
    ("`", 'strconv.ParseFloat: parsing "`": failed'),
    ("1\x00.2", 'strconv.ParseFloat: parsing "1\\x00.2": failed'),
]

parseBitSizeTests = [
    (-1, ErrBitSize),
    (0, None),
    (64, None),
    (65, ErrBitSize),
]

parseBaseTests = [
    (-1, ErrBase),
    (0, None),
    (1, ErrBase),
    (2, None),
    (36, None),
    (37, ErrBase),
]

# --- atof_test.go ---

atoftests = [
    ("", "0", ErrSyntax),
    ("1", "1", None),
    ("+1", "1", None),
    ("1x", "0", ErrSyntax),
    ("1.1.", "0", ErrSyntax),
    ("1e23", "1e+23", None),
    ("1E23", "1e+23", None),
    ("100000000000000000000000", "1e+23", None),
    ("1e-100", "1e-100", None),
    ("123456700", "1.234567e+08", None),
    ("99999999999999974834176", "9.999999999999997e+22", None),
    ("100000000000000000000001", "1.0000000000000001e+23", None),
    ("100000000000000008388608", "1.0000000000000001e+23", None),
    ("100000000000000016777215", "1.0000000000000001e+23", None),
    ("100000000000000016777216", "1.0000000000000003e+23", None),
    ("-1", "-1", None),
    ("-0.1", "-0.1", None),
    ("-0", "-0", None),
    ("1e-20", "1e-20", None),
    ("625e-3", "0.625", None),
    # Hexadecimal floating-point.
    ("0x1p0", "1", None),
    ("0x1p1", "2", None),
    ("0x1p-1", "0.5", None),
    ("0x1ep-1", "15", None),
    ("-0x1ep-1", "-15", None),
    ("-0x1_ep-1", "-15", None),
    ("0x1p-200", "6.223015277861142e-61", None),
    ("0x1p200", "1.6069380442589903e+60", None),
    ("0x1fFe2.p0", "131042", None),
    ("0x1fFe2.P0", "131042", None),
    ("-0x2p3", "-16", None),
    ("0x0.fp4", "15", None),
    ("0x0.fp0", "0.9375", None),
    ("0x1e2", "0", ErrSyntax),
    ("1p2", "0", ErrSyntax),
    # zeros
    ("0", "0", None),
    ("0e0", "0", None),
    ("-0e0", "-0", None),
    ("+0e0", "0", None),
    ("0e-0", "0", None),
    ("-0e-0", "-0", None),
    ("+0e-0", "0", None),
    ("0e+0", "0", None),
    ("-0e+0", "-0", None),
    ("+0e+0", "0", None),
    ("0e+01234567890123456789", "0", None),
    ("0.00e-01234567890123456789", "0", None),
    ("-0e+01234567890123456789", "-0", None),
    ("-0.00e-01234567890123456789", "-0", None),
    ("0x0p+01234567890123456789", "0", None),
    ("0x0.00p-01234567890123456789", "0", None),
    ("-0x0p+01234567890123456789", "-0", None),
    ("-0x0.00p-01234567890123456789", "-0", None),
    ("0e291", "0", None),  # issue 15364
    ("0e292", "0", None),  # issue 15364
    ("0e347", "0", None),  # issue 15364
    ("0e348", "0", None),  # issue 15364
    ("-0e291", "-0", None),
    ("-0e292", "-0", None),
    ("-0e347", "-0", None),
    ("-0e348", "-0", None),
    ("0x0p126", "0", None),
    ("0x0p127", "0", None),
    ("0x0p128", "0", None),
    ("0x0p129", "0", None),
    ("0x0p130", "0", None),
    ("0x0p1022", "0", None),
    ("0x0p1023", "0", None),
    ("0x0p1024", "0", None),
    ("0x0p1025", "0", None),
    ("0x0p1026", "0", None),
    ("-0x0p126", "-0", None),
    ("-0x0p127", "-0", None),
    ("-0x0p128", "-0", None),
    ("-0x0p129", "-0", None),
    ("-0x0p130", "-0", None),
    ("-0x0p1022", "-0", None),
    ("-0x0p1023", "-0", None),
    ("-0x0p1024", "-0", None),
    ("-0x0p1025", "-0", None),
    ("-0x0p1026", "-0", None),
    # NaNs
    ("nan", "NaN", None),
    ("NaN", "NaN", None),
    ("NAN", "NaN", None),
    # Infs
    ("inf", "+Inf", None),
    ("-Inf", "-Inf", None),
    ("+INF", "+Inf", None),
    ("-Infinity", "-Inf", None),
    ("+INFINITY", "+Inf", None),
    ("Infinity", "+Inf", None),
    # largest float64
    ("1.7976931348623157e308", "1.7976931348623157e+308", None),
    ("-1.7976931348623157e308", "-1.7976931348623157e+308", None),
    ("0x1.fffffffffffffp1023", "1.7976931348623157e+308", None),
    ("-0x1.fffffffffffffp1023", "-1.7976931348623157e+308", None),
    ("0x1fffffffffffffp+971", "1.7976931348623157e+308", None),
    ("-0x1fffffffffffffp+971", "-1.7976931348623157e+308", None),
    ("0x.1fffffffffffffp1027", "1.7976931348623157e+308", None),
    ("-0x.1fffffffffffffp1027", "-1.7976931348623157e+308", None),
    # next float64 - too large
    ("1.7976931348623159e308", "+Inf", ErrRange),
    ("-1.7976931348623159e308", "-Inf", ErrRange),
    ("0x1p1024", "+Inf", ErrRange),
    ("-0x1p1024", "-Inf", ErrRange),
    ("0x2p1023", "+Inf", ErrRange),
    ("-0x2p1023", "-Inf", ErrRange),
    ("0x.1p1028", "+Inf", ErrRange),
    ("-0x.1p1028", "-Inf", ErrRange),
    ("0x.2p1027", "+Inf", ErrRange),
    ("-0x.2p1027", "-Inf", ErrRange),
    # the border is ...158079
    # borderline - okay
    ("1.7976931348623158e308", "1.7976931348623157e+308", None),
    ("-1.7976931348623158e308", "-1.7976931348623157e+308", None),
    ("0x1.fffffffffffff7fffp1023", "1.7976931348623157e+308", None),
    ("-0x1.fffffffffffff7fffp1023", "-1.7976931348623157e+308", None),
    # borderline - too large
    ("1.797693134862315808e308", "+Inf", ErrRange),
    ("-1.797693134862315808e308", "-Inf", ErrRange),
    ("0x1.fffffffffffff8p1023", "+Inf", ErrRange),
    ("-0x1.fffffffffffff8p1023", "-Inf", ErrRange),
    ("0x1fffffffffffff.8p+971", "+Inf", ErrRange),
    ("-0x1fffffffffffff8p+967", "-Inf", ErrRange),
    ("0x.1fffffffffffff8p1027", "+Inf", ErrRange),
    ("-0x.1fffffffffffff9p1027", "-Inf", ErrRange),
    # a little too large
    ("1e308", "1e+308", None),
    ("2e308", "+Inf", ErrRange),
    ("1e309", "+Inf", ErrRange),
    ("0x1p1025", "+Inf", ErrRange),
    # way too large
    ("1e310", "+Inf", ErrRange),
    ("-1e310", "-Inf", ErrRange),
    ("1e400", "+Inf", ErrRange),
    ("-1e400", "-Inf", ErrRange),
    ("1e400000", "+Inf", ErrRange),
    ("-1e400000", "-Inf", ErrRange),
    ("0x1p1030", "+Inf", ErrRange),
    ("0x1p2000", "+Inf", ErrRange),
    ("0x1p2000000000", "+Inf", ErrRange),
    ("-0x1p1030", "-Inf", ErrRange),
    ("-0x1p2000", "-Inf", ErrRange),
    ("-0x1p2000000000", "-Inf", ErrRange),
    # denormalized
    ("1e-305", "1e-305", None),
    ("1e-306", "1e-306", None),
    ("1e-307", "1e-307", None),
    ("1e-308", "1e-308", None),
    ("1e-309", "1e-309", None),
    ("1e-310", "1e-310", None),
    ("1e-322", "1e-322", None),
    # smallest denormal
    ("5e-324", "5e-324", None),
    ("4e-324", "5e-324", None),
    ("3e-324", "5e-324", None),
    # too small
    ("2e-324", "0", None),
    # way too small
    ("1e-350", "0", None),
    ("1e-400000", "0", None),
    ("1e-345", "0", None),  # picked off in atof64
    ("1e-343", "0", None),  # large c.s in parseFloat64
    ("9.999999999999999999e-343", "0", None),
    # Near denormals and denormals.
    ("0x2.00000000000000p-1010", "1.8227805048890994e-304", None),  # 0x00e0000000000000
    ("0x1.fffffffffffff0p-1010", "1.8227805048890992e-304", None),  # 0x00dfffffffffffff
    ("0x1.fffffffffffff7p-1010", "1.8227805048890992e-304", None),  # rounded down
    ("0x1.fffffffffffff8p-1010", "1.8227805048890994e-304", None),  # rounded up
    ("0x1.fffffffffffff9p-1010", "1.8227805048890994e-304", None),  # rounded up
    ("0x2.00000000000000p-1022", "4.450147717014403e-308", None),  # 0x0020000000000000
    ("0x1.fffffffffffff0p-1022", "4.4501477170144023e-308", None),  # 0x001fffffffffffff
    ("0x1.fffffffffffff7p-1022", "4.4501477170144023e-308", None),  # rounded down
    ("0x1.fffffffffffff8p-1022", "4.450147717014403e-308", None),  # rounded up
    ("0x1.fffffffffffff9p-1022", "4.450147717014403e-308", None),  # rounded up
    ("0x1.00000000000000p-1022", "2.2250738585072014e-308", None),  # 0x0010000000000000
    ("0x0.fffffffffffff0p-1022", "2.225073858507201e-308", None),  # 0x000fffffffffffff
    ("0x0.ffffffffffffe0p-1022", "2.2250738585072004e-308", None),  # 0x000ffffffffffffe
    ("0x0.ffffffffffffe7p-1022", "2.2250738585072004e-308", None),  # rounded down
    ("0x1.ffffffffffffe8p-1023", "2.225073858507201e-308", None),  # rounded up
    ("0x1.ffffffffffffe9p-1023", "2.225073858507201e-308", None),  # rounded up
    ("0x0.00000003fffff0p-1022", "2.072261e-317", None),  # 0x00000000003fffff
    ("0x0.00000003456780p-1022", "1.694649e-317", None),  # 0x0000000000345678
    ("0x0.00000003456787p-1022", "1.694649e-317", None),  # rounded down
    ("0x0.00000003456788p-1022", "1.694649e-317", None),  # rounded down (half to even)
    ("0x0.00000003456790p-1022", "1.6946496e-317", None),  # 0x0000000000345679
    ("0x0.00000003456789p-1022", "1.6946496e-317", None),  # rounded up
    ("0x0.0000000345678800000000000000000000000001p-1022", "1.6946496e-317", None),  # rounded up
    ("0x0.000000000000f0p-1022", "7.4e-323", None),  # 0x000000000000000f
    ("0x0.00000000000060p-1022", "3e-323", None),  # 0x0000000000000006
    ("0x0.00000000000058p-1022", "3e-323", None),  # rounded up
    ("0x0.00000000000057p-1022", "2.5e-323", None),  # rounded down
    ("0x0.00000000000050p-1022", "2.5e-323", None),  # 0x0000000000000005
    ("0x0.00000000000010p-1022", "5e-324", None),  # 0x0000000000000001
    ("0x0.000000000000081p-1022", "5e-324", None),  # rounded up
    ("0x0.00000000000008p-1022", "0", None),  # rounded down
    ("0x0.00000000000007fp-1022", "0", None),  # rounded down
    # try to overflow exponent
    ("1e-4294967296", "0", None),
    ("1e+4294967296", "+Inf", ErrRange),
    ("1e-18446744073709551616", "0", None),
    ("1e+18446744073709551616", "+Inf", ErrRange),
    ("0x1p-4294967296", "0", None),
    ("0x1p+4294967296", "+Inf", ErrRange),
    ("0x1p-18446744073709551616", "0", None),
    ("0x1p+18446744073709551616", "+Inf", ErrRange),
    # Parse errors
    ("1e", "0", ErrSyntax),
    ("1e-", "0", ErrSyntax),
    (".e-1", "0", ErrSyntax),
    ("1\x00.2", "0", ErrSyntax),
    ("0x", "0", ErrSyntax),
    ("0x.", "0", ErrSyntax),
    ("0x1", "0", ErrSyntax),
    ("0x.1", "0", ErrSyntax),
    ("0x1p", "0", ErrSyntax),
    ("0x.1p", "0", ErrSyntax),
    ("0x1p+", "0", ErrSyntax),
    ("0x.1p+", "0", ErrSyntax),
    ("0x1p-", "0", ErrSyntax),
    ("0x.1p-", "0", ErrSyntax),
    ("0x1p+2", "4", None),
    ("0x.1p+2", "0.25", None),
    ("0x1p-2", "0.25", None),
    ("0x.1p-2", "0.015625", None),
    # https://www.exploringbinary.com/java-hangs-when-converting-2-2250738585072012e-308/
    ("2.2250738585072012e-308", "2.2250738585072014e-308", None),
    # https://www.exploringbinary.com/php-hangs-on-numeric-value-2-2250738585072011e-308/
    ("2.2250738585072011e-308", "2.225073858507201e-308", None),
    # A very large number (initially wrongly parsed by the fast algorithm).
    ("4.630813248087435e+307", "4.630813248087435e+307", None),
    # A different kind of very large number.
    ("22.222222222222222", "22.22222222222222", None),
    ("2." + "2" * 4000 + "e+1", "22.22222222222222", None),
    ("0x1.1111111111111p222", "7.18931911124017e+66", None),
    ("0x2.2222222222222p221", "7.18931911124017e+66", None),
    ("0x2." + "2" * 4000 + "p221", "7.18931911124017e+66", None),
    # Exactly halfway between 1 and math.Nextafter(1, 2).
    # Round to even (down).
    ("1.00000000000000011102230246251565404236316680908203125", "1", None),
    ("0x1.00000000000008p0", "1", None),
    # Slightly lower; still round down.
    ("1.00000000000000011102230246251565404236316680908203124", "1", None),
    ("0x1.00000000000007Fp0", "1", None),
    # Slightly higher; round up.
    ("1.00000000000000011102230246251565404236316680908203126", "1.0000000000000002", None),
    ("0x1.000000000000081p0", "1.0000000000000002", None),
    ("0x1.00000000000009p0", "1.0000000000000002", None),
    # Slightly higher, but you have to read all the way to the end.
    (
        "1.00000000000000011102230246251565404236316680908203125" + "0" * 10000 + "1",
        "1.0000000000000002",
        None,
    ),
    ("0x1.00000000000008" + "0" * 10000 + "1p0", "1.0000000000000002", None),
    # Halfway between x := math.Nextafter(1, 2) and math.Nextafter(x, 2)
    # Round to even (up).
    ("1.00000000000000033306690738754696212708950042724609375", "1.0000000000000004", None),
    ("0x1.00000000000018p0", "1.0000000000000004", None),
    # Halfway between 1090544144181609278303144771584 and 1090544144181609419040633126912
    # (15497564393479157p+46, should round to even 15497564393479156p+46, issue 36657)
    ("1090544144181609348671888949248", "1.0905441441816093e+30", None),
    # slightly above, rounds up
    ("1090544144181609348835077142190", "1.0905441441816094e+30", None),
    # Underscores.
    ("1_23.50_0_0e+1_2", "1.235e+14", None),
    ("-_123.5e+12", "0", ErrSyntax),
    ("+_123.5e+12", "0", ErrSyntax),
    ("_123.5e+12", "0", ErrSyntax),
    ("1__23.5e+12", "0", ErrSyntax),
    ("123_.5e+12", "0", ErrSyntax),
    ("123._5e+12", "0", ErrSyntax),
    ("123.5_e+12", "0", ErrSyntax),
    ("123.5__0e+12", "0", ErrSyntax),
    ("123.5e_+12", "0", ErrSyntax),
    ("123.5e+_12", "0", ErrSyntax),
    ("123.5e_-12", "0", ErrSyntax),
    ("123.5e-_12", "0", ErrSyntax),
    ("123.5e+1__2", "0", ErrSyntax),
    ("123.5e+12_", "0", ErrSyntax),
    ("0x_1_2.3_4_5p+1_2", "74565", None),
    ("-_0x12.345p+12", "0", ErrSyntax),
    ("+_0x12.345p+12", "0", ErrSyntax),
    ("_0x12.345p+12", "0", ErrSyntax),
    ("0x__12.345p+12", "0", ErrSyntax),
    ("0x1__2.345p+12", "0", ErrSyntax),
    ("0x12_.345p+12", "0", ErrSyntax),
    ("0x12._345p+12", "0", ErrSyntax),
    ("0x12.3__45p+12", "0", ErrSyntax),
    ("0x12.345_p+12", "0", ErrSyntax),
    ("0x12.345p_+12", "0", ErrSyntax),
    ("0x12.345p+_12", "0", ErrSyntax),
    ("0x12.345p_-12", "0", ErrSyntax),
    ("0x12.345p-_12", "0", ErrSyntax),
    ("0x12.345p+1__2", "0", ErrSyntax),
    ("0x12.345p+12_", "0", ErrSyntax),
    ("1e100x", "0", ErrSyntax),
    ("1e1000x", "0", ErrSyntax),
]

atof32tests = [
    # Hex
    ("0x1p-100", "7.888609e-31", None),
    ("0x1p100", "1.2676506e+30", None),
    # Exactly halfway between 1 and the next float32.
    # Round to even (down).
    ("1.000000059604644775390625", "1", None),
    ("0x1.000001p0", "1", None),
    # Slightly lower.
    ("1.000000059604644775390624", "1", None),
    ("0x1.0000008p0", "1", None),
    ("0x1.000000fp0", "1", None),
    # Slightly higher.
    ("1.000000059604644775390626", "1.0000001", None),
    ("0x1.000002p0", "1.0000001", None),
    ("0x1.0000018p0", "1.0000001", None),
    ("0x1.0000011p0", "1.0000001", None),
    # Slightly higher, but you have to read all the way to the end.
    ("1.000000059604644775390625" + "0" * 10000 + "1", "1.0000001", None),
    ("0x1.000001" + "0" * 10000 + "1p0", "1.0000001", None),
    # largest float32: (1<<128) * (1 - 2^-24)
    ("340282346638528859811704183484516925440", "3.4028235e+38", None),
    ("-340282346638528859811704183484516925440", "-3.4028235e+38", None),
    ("0x.ffffffp128", "3.4028235e+38", None),
    ("-340282346638528859811704183484516925440", "-3.4028235e+38", None),
    ("-0x.ffffffp128", "-3.4028235e+38", None),
    # next float32 - too large
    ("3.4028236e38", "+Inf", ErrRange),
    ("-3.4028236e38", "-Inf", ErrRange),
    ("0x1.0p128", "+Inf", ErrRange),
    ("-0x1.0p128", "-Inf", ErrRange),
    # the border is 3.40282356779...e+38
    # borderline - okay
    ("3.402823567e38", "3.4028235e+38", None),
    ("-3.402823567e38", "-3.4028235e+38", None),
    ("0x.ffffff7fp128", "3.4028235e+38", None),
    ("-0x.ffffff7fp128", "-3.4028235e+38", None),
    # borderline - too large
    ("3.4028235678e38", "+Inf", ErrRange),
    ("-3.4028235678e38", "-Inf", ErrRange),
    ("0x.ffffff8p128", "+Inf", ErrRange),
    ("-0x.ffffff8p128", "-Inf", ErrRange),
    # Denormals: less than 2^-126
    ("1e-38", "1e-38", None),
    ("1e-39", "1e-39", None),
    ("1e-40", "1e-40", None),
    ("1e-41", "1e-41", None),
    ("1e-42", "1e-42", None),
    ("1e-43", "1e-43", None),
    ("1e-44", "1e-44", None),
    ("6e-45", "6e-45", None),  # 4p-149 = 5.6e-45
    ("5e-45", "6e-45", None),
    # Smallest denormal
    ("1e-45", "1e-45", None),  # 1p-149 = 1.4e-45
    ("2e-45", "1e-45", None),
    ("3e-45", "3e-45", None),
    # Near denormals and denormals.
    ("0x0.89aBcDp-125", "1.2643093e-38", None),  # 0x0089abcd
    ("0x0.8000000p-125", "1.1754944e-38", None),  # 0x00800000
    ("0x0.1234560p-125", "1.671814e-39", None),  # 0x00123456
    ("0x0.1234567p-125", "1.671814e-39", None),  # rounded down
    ("0x0.1234568p-125", "1.671814e-39", None),  # rounded down
    ("0x0.1234569p-125", "1.671815e-39", None),  # rounded up
    ("0x0.1234570p-125", "1.671815e-39", None),  # 0x00123457
    ("0x0.0000010p-125", "1e-45", None),  # 0x00000001
    ("0x0.00000081p-125", "1e-45", None),  # rounded up
    ("0x0.0000008p-125", "0", None),  # rounded down
    ("0x0.0000007p-125", "0", None),  # rounded down
    ("1e-70", "0", None),  # picked off in atof32
    ("1e-65", "0", None),  # picked off in atof32
    ("1e-64", "0", None),  # large c.s in parseFloat32
    ("9.999999999999999999e-64", "0", None),
    # 2^92 = 8388608p+69 = 4951760157141521099596496896 (4.9517602e27)
    # is an exact power of two that needs 8 decimal digits to be correctly
    # parsed back.
    # The float32 before is 16777215p+68 = 4.95175986e+27
    # The halfway is 4.951760009. A bad algorithm that thinks the previous
    # float32 is 8388607p+69 will shorten incorrectly to 4.95176e+27.
    ("4951760157141521099596496896", "4.9517602e+27", None),
]

# --- ftoa_test.go ---

ftoatests = [
    (1, "e", 5, "1.00000e+00"),
    (1, "f", 5, "1.00000"),
    (1, "g", 5, "1"),
    (1, "g", -1, "1"),
    (1, "x", -1, "0x1p+00"),
    (1, "x", 5, "0x1.00000p+00"),
    (20, "g", -1, "20"),
    (20, "x", -1, "0x1.4p+04"),
    (1234567.8, "g", -1, "1.2345678e+06"),
    (1234567.8, "x", -1, "0x1.2d687cccccccdp+20"),
    (200000, "g", -1, "200000"),
    (200000, "x", -1, "0x1.86ap+17"),
    (200000, "X", -1, "0X1.86AP+17"),
    (2000000, "g", -1, "2e+06"),
    (1e10, "g", -1, "1e+10"),
    # f conversion basic cases
    (12345, "f", 2, "12345.00"),
    (1234.5, "f", 2, "1234.50"),
    (123.45, "f", 2, "123.45"),
    (12.345, "f", 2, "12.35"),
    (1.2345, "f", 2, "1.23"),
    (0.12345, "f", 2, "0.12"),
    (0.12945, "f", 2, "0.13"),
    (0.012345, "f", 2, "0.01"),
    (0.015, "f", 2, "0.01"),
    (0.016, "f", 2, "0.02"),
    (0.0052345, "f", 2, "0.01"),
    (0.0012345, "f", 2, "0.00"),
    (0.00012345, "f", 2, "0.00"),
    (0.000012345, "f", 2, "0.00"),
    (0.996644984, "f", 6, "0.996645"),
    (0.996644984, "f", 5, "0.99664"),
    (0.996644984, "f", 4, "0.9966"),
    (0.996644984, "f", 3, "0.997"),
    (0.996644984, "f", 2, "1.00"),
    (0.996644984, "f", 1, "1.0"),
    # g conversion and zero suppression
    (400, "g", 2, "4e+02"),
    (40, "g", 2, "40"),
    (4, "g", 2, "4"),
    (0.4, "g", 2, "0.4"),
    (0.04, "g", 2, "0.04"),
    (0.004, "g", 2, "0.004"),
    (0.0004, "g", 2, "0.0004"),
    (0.00004, "g", 2, "4e-05"),
    (0.000004, "g", 2, "4e-06"),
    (0, "e", 5, "0.00000e+00"),
    (0, "f", 5, "0.00000"),
    (0, "g", 5, "0"),
    (0, "g", -1, "0"),
    (0, "x", 5, "0x0.00000p+00"),
    (-1, "e", 5, "-1.00000e+00"),
    (-1, "f", 5, "-1.00000"),
    (-1, "g", 5, "-1"),
    (-1, "g", -1, "-1"),
    (12, "e", 5, "1.20000e+01"),
    (12, "f", 5, "12.00000"),
    (12, "g", 5, "12"),
    (12, "g", -1, "12"),
    (123456700, "e", 5, "1.23457e+08"),
    (123456700, "f", 5, "123456700.00000"),
    (123456700, "g", 5, "1.2346e+08"),
    (123456700, "g", -1, "1.234567e+08"),
    (1.2345e6, "e", 5, "1.23450e+06"),
    (1.2345e6, "f", 5, "1234500.00000"),
    (1.2345e6, "g", 5, "1.2345e+06"),
    # Round to even
    (1.2345e6, "e", 3, "1.234e+06"),
    (1.2355e6, "e", 3, "1.236e+06"),
    (1.2345, "f", 3, "1.234"),
    (1.2355, "f", 3, "1.236"),
    (1234567890123456.5, "e", 15, "1.234567890123456e+15"),
    (1234567890123457.5, "e", 15, "1.234567890123458e+15"),
    (108678236358137.625, "g", -1, "1.0867823635813762e+14"),
    (1e23, "e", 17, "9.99999999999999916e+22"),
    (1e23, "f", 17, "99999999999999991611392.00000000000000000"),
    (1e23, "g", 17, "9.9999999999999992e+22"),
    (1e23, "e", -1, "1e+23"),
    (1e23, "f", -1, "100000000000000000000000"),
    (1e23, "g", -1, "1e+23"),
    (below1e23, "e", 17, "9.99999999999999748e+22"),
    (below1e23, "f", 17, "99999999999999974834176.00000000000000000"),
    (below1e23, "g", 17, "9.9999999999999975e+22"),
    (below1e23, "e", -1, "9.999999999999997e+22"),
    (below1e23, "f", -1, "99999999999999970000000"),
    (below1e23, "g", -1, "9.999999999999997e+22"),
    (above1e23, "e", 17, "1.00000000000000008e+23"),
    (above1e23, "f", 17, "100000000000000008388608.00000000000000000"),
    (above1e23, "g", 17, "1.0000000000000001e+23"),
    (above1e23, "e", -1, "1.0000000000000001e+23"),
    (above1e23, "f", -1, "100000000000000010000000"),
    (above1e23, "g", -1, "1.0000000000000001e+23"),
    (fdiv(5e-304, 1e20), "g", -1, "5e-324"),  # avoid constant arithmetic
    (fdiv(-5e-304, 1e20), "g", -1, "-5e-324"),  # avoid constant arithmetic
    (fdiv(5e-304, 1e20), "e", -1, "5e-324"),
    (32, "g", -1, "32"),
    (32, "g", 0, "3e+01"),
    (100, "x", -1, "0x1.9p+06"),
    (100, "y", -1, "%y"),
    (math.nan, "g", -1, "NaN"),
    (-math.nan, "g", -1, "NaN"),
    (math.inf, "g", -1, "+Inf"),
    (-math.inf, "g", -1, "-Inf"),
    (-math.inf, "g", -1, "-Inf"),
    (-1, "b", -1, "-4503599627370496p-52"),
    # fixed bugs
    (0.9, "f", 1, "0.9"),
    (0.09, "f", 1, "0.1"),
    (0.0999, "f", 1, "0.1"),
    (0.05, "f", 1, "0.1"),
    (0.05, "f", 0, "0"),
    (0.5, "f", 1, "0.5"),
    (0.5, "f", 0, "0"),
    (1.5, "f", 0, "2"),
    # https://www.exploringbinary.com/java-hangs-when-converting-2-2250738585072012e-308/
    (2.2250738585072012e-308, "g", -1, "2.2250738585072014e-308"),
    # https://www.exploringbinary.com/php-hangs-on-numeric-value-2-2250738585072011e-308/
    (2.2250738585072011e-308, "g", -1, "2.225073858507201e-308"),
    # Issue 2625.
    (383260575764816448, "f", 0, "383260575764816448"),
    (383260575764816448, "g", -1, "3.8326057576481645e+17"),
    # Issue 29491.
    (498484681984085570, "f", -1, "498484681984085570"),
    (-5.8339553793802237e23, "g", -1, "-5.8339553793802237e+23"),
    # Issue 52187
    (123.45, "?", 0, "%?"),
    (123.45, "?", 1, "%?"),
    (123.45, "?", -1, "%?"),
    # rounding
    (2.275555555555555, "x", -1, "0x1.23456789abcdep+01"),
    (2.275555555555555, "x", 0, "0x1p+01"),
    (2.275555555555555, "x", 2, "0x1.23p+01"),
    (2.275555555555555, "x", 16, "0x1.23456789abcde000p+01"),
    (2.275555555555555, "x", 21, "0x1.23456789abcde00000000p+01"),
    (2.2755555510520935, "x", -1, "0x1.2345678p+01"),
    (2.2755555510520935, "x", 6, "0x1.234568p+01"),
    (2.275555431842804, "x", -1, "0x1.2345668p+01"),
    (2.275555431842804, "x", 6, "0x1.234566p+01"),
    (3.999969482421875, "x", -1, "0x1.ffffp+01"),
    (3.999969482421875, "x", 4, "0x1.ffffp+01"),
    (3.999969482421875, "x", 3, "0x1.000p+02"),
    (3.999969482421875, "x", 2, "0x1.00p+02"),
    (3.999969482421875, "x", 1, "0x1.0p+02"),
    (3.999969482421875, "x", 0, "0x1p+02"),
    # Cases that Java once mishandled, from David Chase.
    (1.801439850948199e16, "g", -1, "1.801439850948199e+16"),
    (5.960464477539063e-08, "g", -1, "5.960464477539063e-08"),
    (1.012e-320, "g", -1, "1.012e-320"),
    # Cases from TestFtoaRandom that caught bugs in fixedFtoa.
    (8177880169308380.0 * (1 << 1), "e", 14, "1.63557603386168e+16"),
    (8393378656576888.0 * (1 << 1), "e", 15, "1.678675731315378e+16"),
    (8738676561280626.0 * (1 << 4), "e", 16, "1.3981882498049002e+17"),
    (8291032395191335.0 / (1 << 30), "e", 5, "7.72163e+06"),
    (8880392441509914.0 / (1 << 80), "e", 16, "7.3456884594794477e-09"),
    # Exercise divisiblePow5 case in fixedFtoa
    (2384185791015625.0 * (1 << 12), "e", 5, "9.76562e+18"),
    (2384185791015625.0 * (1 << 13), "e", 5, "1.95312e+19"),
    # Exercise potential mistakes in fixedFtoa.
    # Found by introducing mistakes and running 'go test -testbase'.
    (float.fromhex("0x1.000000000005p+71"), "e", 16, "2.3611832414348645e+21"),
    (float.fromhex("0x1.0000p-27"), "e", 17, "7.45058059692382812e-09"),
    (float.fromhex("0x1.0000p-41"), "e", 17, "4.54747350886464119e-13"),
    # go.dev/issue/79591; used NULs instead of trailing zeros
    (
        0.00000000000000000093564868367555,
        "f",
        150,
        "0.000000000000000000935648683675550014820074270847655141588693848715273682775661612254225474316626787185668945312500000000000000000000000000000000000000",
    ),
]

# --- itoa_test.go ---

itob64tests = [
    (0, 10, "0"),
    (1, 10, "1"),
    (-1, 10, "-1"),
    (12345678, 10, "12345678"),
    (-987654321, 10, "-987654321"),
    ((1 << 31) - 1, 10, "2147483647"),
    ((-1 << 31) + 1, 10, "-2147483647"),
    ((1 << 31), 10, "2147483648"),
    ((-1 << 31), 10, "-2147483648"),
    ((1 << 31) + 1, 10, "2147483649"),
    ((-1 << 31) - 1, 10, "-2147483649"),
    ((1 << 32) - 1, 10, "4294967295"),
    ((-1 << 32) + 1, 10, "-4294967295"),
    ((1 << 32), 10, "4294967296"),
    ((-1 << 32), 10, "-4294967296"),
    ((1 << 32) + 1, 10, "4294967297"),
    ((-1 << 32) - 1, 10, "-4294967297"),
    ((1 << 50), 10, "1125899906842624"),
    ((1 << 63) - 1, 10, "9223372036854775807"),
    ((-1 << 63) + 1, 10, "-9223372036854775807"),
    ((-1 << 63), 10, "-9223372036854775808"),
    (0, 2, "0"),
    (10, 2, "1010"),
    (-1, 2, "-1"),
    ((1 << 15), 2, "1000000000000000"),
    (-8, 8, "-10"),
    (0o57635436545, 8, "57635436545"),
    ((1 << 24), 8, "100000000"),
    (16, 16, "10"),
    (-0x123456789ABCDEF, 16, "-123456789abcdef"),
    ((1 << 63) - 1, 16, "7fffffffffffffff"),
    ((1 << 63) - 1, 2, "111111111111111111111111111111111111111111111111111111111111111"),
    ((-1 << 63), 2, "-1000000000000000000000000000000000000000000000000000000000000000"),
    (16, 17, "g"),
    (25, 25, "10"),
    ((((((17 * 35 + 24) * 35 + 21) * 35 + 34) * 35 + 12) * 35 + 24) * 35 + 32, 35, "holycow"),
    ((((((17 * 36 + 24) * 36 + 21) * 36 + 34) * 36 + 12) * 36 + 24) * 36 + 32, 36, "holycow"),
]

uitob64tests = [
    ((1 << 63) - 1, 10, "9223372036854775807"),
    ((1 << 63), 10, "9223372036854775808"),
    ((1 << 63) + 1, 10, "9223372036854775809"),
    ((1 << 64) - 2, 10, "18446744073709551614"),
    ((1 << 64) - 1, 10, "18446744073709551615"),
    ((1 << 64) - 1, 2, "1111111111111111111111111111111111111111111111111111111111111111"),
]

varlenUints = [
    (1, "1"),
    (12, "12"),
    (123, "123"),
    (1234, "1234"),
    (12345, "12345"),
    (123456, "123456"),
    (1234567, "1234567"),
    (12345678, "12345678"),
    (123456789, "123456789"),
    (1234567890, "1234567890"),
    (12345678901, "12345678901"),
    (123456789012, "123456789012"),
    (1234567890123, "1234567890123"),
    (12345678901234, "12345678901234"),
    (123456789012345, "123456789012345"),
    (1234567890123456, "1234567890123456"),
    (12345678901234567, "12345678901234567"),
    (123456789012345678, "123456789012345678"),
    (1234567890123456789, "1234567890123456789"),
    (12345678901234567890, "12345678901234567890"),
]

# --- atob_test.go ---

atobtests = [
    ("", False, ErrSyntax),
    ("asdf", False, ErrSyntax),
    ("0", False, None),
    ("f", False, None),
    ("F", False, None),
    ("FALSE", False, None),
    ("false", False, None),
    ("False", False, None),
    ("1", True, None),
    ("t", True, None),
    ("T", True, None),
    ("TRUE", True, None),
    ("true", True, None),
    ("True", True, None),
]

# --- atoc_test.go ---

atoctests = [
    # Clearly invalid
    ("", 0, ErrSyntax),
    (" ", 0, ErrSyntax),
    ("(", 0, ErrSyntax),
    (")", 0, ErrSyntax),
    ("i", 0, ErrSyntax),
    ("+i", 0, ErrSyntax),
    ("-i", 0, ErrSyntax),
    ("1I", 0, ErrSyntax),
    ("10  + 5i", 0, ErrSyntax),
    ("3+", 0, ErrSyntax),
    ("3+5", 0, ErrSyntax),
    ("3+5+5i", 0, ErrSyntax),
    # Parentheses
    ("()", 0, ErrSyntax),
    ("(i)", 0, ErrSyntax),
    ("(0)", 0, None),
    ("(1i)", 1j, None),
    ("(3.0+5.5i)", 3.0 + 5.5j, None),
    ("(1)+1i", 0, ErrSyntax),
    ("(3.0+5.5i", 0, ErrSyntax),
    ("3.0+5.5i)", 0, ErrSyntax),
    # NaNs
    ("NaN", complex(math.nan, 0), None),
    ("NANi", complex(0, math.nan), None),
    ("nan+nAni", complex(math.nan, math.nan), None),
    ("+NaN", 0, ErrSyntax),
    ("-NaN", 0, ErrSyntax),
    ("NaN-NaNi", 0, ErrSyntax),
    # Infs
    ("Inf", infp0, None),
    ("+inf", infp0, None),
    ("-inf", infm0, None),
    ("Infinity", infp0, None),
    ("+INFINITY", infp0, None),
    ("-infinity", infm0, None),
    ("+infi", inf0p, None),
    ("0-infinityi", inf0m, None),
    ("Inf+Infi", infpp, None),
    ("+Inf-Infi", infpm, None),
    ("-Infinity+Infi", infmp, None),
    ("inf-inf", 0, ErrSyntax),
    # Zeros
    ("0", 0, None),
    ("0i", 0, None),
    ("-0.0i", 0, None),
    ("0+0.0i", 0, None),
    ("0e+0i", 0, None),
    ("0e-0+0i", 0, None),
    ("-0.0-0.0i", 0, None),
    ("0e+012345", 0, None),
    ("0x0p+012345i", 0, None),
    ("0x0.00p-012345i", 0, None),
    ("+0e-0+0e-0i", 0, None),
    ("0e+0+0e+0i", 0, None),
    ("-0e+0-0e+0i", 0, None),
    # Regular non-zeroes
    ("0.1", 0.1, None),
    ("0.1i", 0 + 0.1j, None),
    ("0.123", 0.123, None),
    ("0.123i", 0 + 0.123j, None),
    ("0.123+0.123i", 0.123 + 0.123j, None),
    ("99", 99, None),
    ("+99", 99, None),
    ("-99", -99, None),
    ("+1i", 1j, None),
    ("-1i", -1j, None),
    ("+3+1i", 3 + 1j, None),
    ("30+3i", 30 + 3j, None),
    ("+3e+3-3e+3i", 3e3 - 3e3j, None),
    ("+3e+3+3e+3i", 3e3 + 3e3j, None),
    ("+3e+3+3e+3i+", 0, ErrSyntax),
    # Separators
    ("0.1", 0.1, None),
    ("0.1i", 0 + 0.1j, None),
    ("0.1_2_3", 0.123, None),
    ("+0x_3p3i", float.fromhex("0x3p3") * 1j, None),
    ("0_0+0x_0p0i", 0, None),
    ("0x_10.3p-8+0x3p3i", float.fromhex("0x10.3p-8") + float.fromhex("0x3p3") * 1j, None),
    ("+0x_1_0.3p-8+0x_3_0p3i", float.fromhex("0x10.3p-8") + float.fromhex("0x30p3") * 1j, None),
    ("0x1_0.3p+8-0x_3p3i", float.fromhex("0x10.3p+8") - float.fromhex("0x3p3") * 1j, None),
    # Hexadecimals
    ("0x10.3p-8+0x3p3i", float.fromhex("0x10.3p-8") + float.fromhex("0x3p3") * 1j, None),
    ("+0x10.3p-8+0x3p3i", float.fromhex("0x10.3p-8") + float.fromhex("0x3p3") * 1j, None),
    ("0x10.3p+8-0x3p3i", float.fromhex("0x10.3p+8") - float.fromhex("0x3p3") * 1j, None),
    ("0x1p0", 1, None),
    ("0x1p1", 2, None),
    ("0x1p-1", 0.5, None),
    ("0x1ep-1", 15, None),
    ("-0x1ep-1", -15, None),
    ("-0x2p3", -16, None),
    ("0x1e2", 0, ErrSyntax),
    ("1p2", 0, ErrSyntax),
    ("0x1e2i", 0, ErrSyntax),
    # ErrRange
    # next float64 - too large
    ("+0x1p1024", infp0, ErrRange),
    ("-0x1p1024", infm0, ErrRange),
    ("+0x1p1024i", inf0p, ErrRange),
    ("-0x1p1024i", inf0m, ErrRange),
    ("+0x1p1024+0x1p1024i", infpp, ErrRange),
    ("+0x1p1024-0x1p1024i", infpm, ErrRange),
    ("-0x1p1024+0x1p1024i", infmp, ErrRange),
    ("-0x1p1024-0x1p1024i", infmm, ErrRange),
    # the border is ...158079
    # borderline - okay
    (
        "+0x1.fffffffffffff7fffp1023+0x1.fffffffffffff7fffp1023i",
        1.7976931348623157e308 + 1.7976931348623157e308j,
        None,
    ),
    (
        "+0x1.fffffffffffff7fffp1023-0x1.fffffffffffff7fffp1023i",
        1.7976931348623157e308 - 1.7976931348623157e308j,
        None,
    ),
    (
        "-0x1.fffffffffffff7fffp1023+0x1.fffffffffffff7fffp1023i",
        -1.7976931348623157e308 + 1.7976931348623157e308j,
        None,
    ),
    (
        "-0x1.fffffffffffff7fffp1023-0x1.fffffffffffff7fffp1023i",
        -1.7976931348623157e308 - 1.7976931348623157e308j,
        None,
    ),
    # borderline - too large
    ("+0x1.fffffffffffff8p1023", infp0, ErrRange),
    ("-0x1fffffffffffff.8p+971", infm0, ErrRange),
    ("+0x1.fffffffffffff8p1023i", inf0p, ErrRange),
    ("-0x1fffffffffffff.8p+971i", inf0m, ErrRange),
    ("+0x1.fffffffffffff8p1023+0x1.fffffffffffff8p1023i", infpp, ErrRange),
    ("+0x1.fffffffffffff8p1023-0x1.fffffffffffff8p1023i", infpm, ErrRange),
    ("-0x1fffffffffffff.8p+971+0x1fffffffffffff.8p+971i", infmp, ErrRange),
    ("-0x1fffffffffffff8p+967-0x1fffffffffffff8p+967i", infmm, ErrRange),
    # a little too large
    ("1e308+1e308i", 1e308 + 1e308j, None),
    ("2e308+2e308i", infpp, ErrRange),
    ("1e309+1e309i", infpp, ErrRange),
    ("0x1p1025+0x1p1025i", infpp, ErrRange),
    ("2e308", infp0, ErrRange),
    ("1e309", infp0, ErrRange),
    ("0x1p1025", infp0, ErrRange),
    ("2e308i", inf0p, ErrRange),
    ("1e309i", inf0p, ErrRange),
    ("0x1p1025i", inf0p, ErrRange),
    # way too large
    ("+1e310+1e310i", infpp, ErrRange),
    ("+1e310-1e310i", infpm, ErrRange),
    ("-1e310+1e310i", infmp, ErrRange),
    ("-1e310-1e310i", infmm, ErrRange),
    # under/overflow exponent
    ("1e-4294967296", 0, None),
    ("1e-4294967296i", 0, None),
    ("1e-4294967296+1i", 1j, None),
    ("1+1e-4294967296i", 1, None),
    ("1e-4294967296+1e-4294967296i", 0, None),
    ("1e+4294967296", infp0, ErrRange),
    ("1e+4294967296i", inf0p, ErrRange),
    ("1e+4294967296+1e+4294967296i", infpp, ErrRange),
    ("1e+4294967296-1e+4294967296i", infpm, ErrRange),
]

# --- atof_test.go ---

roundTripCases = [
    # Issue 2917.
    # This test will break the optimized conversion if the
    # FPU is using 80-bit registers instead of 64-bit registers,
    # usually because the operating system initialized the
    # thread with 80-bit precision and the Go runtime didn't
    # fix the FP control word.
    ((8865794286000691 << 39), "4.87402195346389e+27"),
    ((8865794286000692 << 39), "4.8740219534638903e+27"),
]

# --- quote_test.go ---

quotetests = [
    (
        "\x07\x08\x0c\r\n\t\x0b",
        '"\\a\\b\\f\\r\\n\\t\\v"',
        '"\\a\\b\\f\\r\\n\\t\\v"',
        '"\\a\\b\\f\\r\\n\\t\\v"',
    ),
    ("\\", '"\\\\"', '"\\\\"', '"\\\\"'),
    ("abc\udcffdef", '"abc\\xffdef"', '"abc\\xffdef"', '"abc\\xffdef"'),
    ("☺", '"☺"', '"\\u263a"', '"☺"'),
    ("\U0010ffff", '"\\U0010ffff"', '"\\U0010ffff"', '"\\U0010ffff"'),
    ("\x04", '"\\x04"', '"\\x04"', '"\\x04"'),
    # Some non-printable but graphic runes. Final column is double-quoted.
    (
        "!\xa0!\u2000!\u3000!",
        '"!\\u00a0!\\u2000!\\u3000!"',
        '"!\\u00a0!\\u2000!\\u3000!"',
        '"!\xa0!\u2000!\u3000!"',
    ),
    ("\x7f", '"\\x7f"', '"\\x7f"', '"\\x7f"'),
]

quoterunetests = [
    ("a", "'a'", "'a'", "'a'"),
    ("\x07", "'\\a'", "'\\a'", "'\\a'"),
    ("\\", "'\\\\'", "'\\\\'", "'\\\\'"),
    (0xFF, "'ÿ'", "'\\u00ff'", "'ÿ'"),
    (0x263A, "'☺'", "'\\u263a'", "'☺'"),
    (0xDEAD, "'�'", "'\\ufffd'", "'�'"),
    (0xFFFD, "'�'", "'\\ufffd'", "'�'"),
    (0x0010FFFF, "'\\U0010ffff'", "'\\U0010ffff'", "'\\U0010ffff'"),
    (0x0010FFFF + 1, "'�'", "'\\ufffd'", "'�'"),
    (0x04, "'\\x04'", "'\\x04'", "'\\x04'"),
    # Some differences between graphic and printable. Note the last column is double-quoted.
    ("\xa0", "'\\u00a0'", "'\\u00a0'", "'\xa0'"),
    ("\u2000", "'\\u2000'", "'\\u2000'", "'\u2000'"),
    ("\u3000", "'\\u3000'", "'\\u3000'", "'\u3000'"),
]

canbackquotetests = [
    ("`", False),
    (chr(0), False),
    (chr(1), False),
    (chr(2), False),
    (chr(3), False),
    (chr(4), False),
    (chr(5), False),
    (chr(6), False),
    (chr(7), False),
    (chr(8), False),
    (chr(9), True),  # \t
    (chr(10), False),
    (chr(11), False),
    (chr(12), False),
    (chr(13), False),
    (chr(14), False),
    (chr(15), False),
    (chr(16), False),
    (chr(17), False),
    (chr(18), False),
    (chr(19), False),
    (chr(20), False),
    (chr(21), False),
    (chr(22), False),
    (chr(23), False),
    (chr(24), False),
    (chr(25), False),
    (chr(26), False),
    (chr(27), False),
    (chr(28), False),
    (chr(29), False),
    (chr(30), False),
    (chr(31), False),
    (chr(0x7F), False),
    ("' !\"#$%&'()*+,-./:;<=>?@[\\]^_{|}~", True),
    ("0123456789", True),
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", True),
    ("abcdefghijklmnopqrstuvwxyz", True),
    ("☺", True),
    ("\udc80", False),
    ("a\udce0\udca0z", False),
    ("\ufeffabc", False),
    ("a\ufeffz", False),
]

unquotetests = [
    ('""', ""),
    ('"a"', "a"),
    ('"abc"', "abc"),
    ('"☺"', "☺"),
    ('"hello world"', "hello world"),
    ('"\\xFF"', "\udcff"),
    ('"\\377"', "\udcff"),
    ('"\\u1234"', "ሴ"),
    ('"\\U00010111"', "𐄑"),
    ('"\\U0001011111"', "𐄑11"),
    ('"\\a\\b\\f\\n\\r\\t\\v\\\\\\""', '\x07\x08\x0c\n\r\t\x0b\\"'),
    ('"\'"', "'"),
    ("'a'", "a"),
    ("'☹'", "☹"),
    ("'\\a'", "\x07"),
    ("'\\x10'", "\x10"),
    ("'\\377'", "\udcff"),
    ("'\\u1234'", "ሴ"),
    ("'\\U00010111'", "𐄑"),
    ("'\\t'", "\t"),
    ("' '", " "),
    ("'\\''", "'"),
    ("'\"'", '"'),
    ("``", ""),
    ("`a`", "a"),
    ("`abc`", "abc"),
    ("`☺`", "☺"),
    ("`hello world`", "hello world"),
    ("`\\xFF`", "\\xFF"),
    ("`\\377`", "\\377"),
    ("`\\`", "\\"),
    ("`\n`", "\n"),
    ("`\t`", "\t"),
    ("` `", " "),
    ("`a\rb`", "ab"),
]

misquoted = [
    "",
    '"',
    '"a',
    "\"'",
    'b"',
    '"\\"',
    '"\\9"',
    '"\\19"',
    '"\\129"',
    "'\\'",
    "'\\9'",
    "'\\19'",
    "'\\129'",
    "'ab'",
    '"\\x1!"',
    '"\\U12345678"',
    '"\\z"',
    "`",
    "`xxx",
    "``x\r",
    '`"',
    '"\\\'"',
    "'\\\"'",
    '"\n"',
    '"\\n\n"',
    "'\n'",
    '"\\udead"',
    '"\\ud83d\\ude4f"',
]


# --- atoi_test.go ---------------------------------------------------------


def test_ParseUint32() -> None:
    for s, out, err in parseUint32Tests:
        v, e = strconv.ParseUint(s, 10, 32)
        checkErr(e, err, "ParseUint", s)
        assert v == out, s


def test_ParseUint64() -> None:
    for s, out, err in parseUint64Tests:
        v, e = strconv.ParseUint(s, 10, 64)
        checkErr(e, err, "ParseUint", s)
        assert v == out, s


def test_ParseUint64Base() -> None:
    for s, base, out, err in parseUint64BaseTests:
        v, e = strconv.ParseUint(s, base, 64)
        checkErr(e, err, "ParseUint", s, base)
        assert v == out, (s, base)


def test_ParseInt32() -> None:
    for s, out, err in parseInt32Tests:
        v, e = strconv.ParseInt(s, 10, 32)
        checkErr(e, err, "ParseInt", s)
        assert v == out, s


def test_ParseInt64() -> None:
    for s, out, err in parseInt64Tests:
        v, e = strconv.ParseInt(s, 10, 64)
        checkErr(e, err, "ParseInt", s)
        assert v == out, s


def test_ParseInt64Base() -> None:
    for s, base, out, err in parseInt64BaseTests:
        v, e = strconv.ParseInt(s, base, 64)
        checkErr(e, err, "ParseInt", s, base)
        assert v == out, (s, base)


def test_ParseUint() -> None:
    # IntSize is 64: Go runs the 64-bit tables with bitSize 0.
    for s, out, err in parseUint64Tests:
        v, e = strconv.ParseUint(s, 10, 0)
        checkErr(e, err, "ParseUint", s)
        assert v == out, s


def test_ParseInt() -> None:
    for s, out, err in parseInt64Tests:
        v, e = strconv.ParseInt(s, 10, 0)
        checkErr(e, err, "ParseInt", s)
        assert v == out, s


def test_Atoi() -> None:
    for s, out, err in parseInt64Tests:
        v, e = strconv.Atoi(s)
        checkErr(e, err, "Atoi", s)
        assert v == out, s


def test_ParseIntBitSize() -> None:
    for arg, err in parseBitSizeTests:
        _, e = strconv.ParseInt("0", 10, arg)
        checkErr(e, err, "ParseInt", "0", arg)


def test_ParseUintBitSize() -> None:
    for arg, err in parseBitSizeTests:
        _, e = strconv.ParseUint("0", 10, arg)
        checkErr(e, err, "ParseUint", "0", arg)


def test_ParseIntBase() -> None:
    for arg, err in parseBaseTests:
        _, e = strconv.ParseInt("0", arg, 0)
        checkErr(e, err, "ParseInt", "0", arg)


def test_ParseUintBase() -> None:
    for arg, err in parseBaseTests:
        _, e = strconv.ParseUint("0", arg, 0)
        checkErr(e, err, "ParseUint", "0", arg)


def test_NumError() -> None:
    # strconv_test.go TestNumError: the input is quoted in the message.
    for num, want in numErrorTests:
        err = NumError(Func="ParseFloat", Num=num, Err=errors.New("failed"))
        assert err.Error() == want
        assert str(err) == want


def test_NumErrorUnwrap() -> None:
    _, err = strconv.Atoi("x")
    assert err is not None and err.Error() == 'strconv.Atoi: parsing "x": invalid syntax'
    assert errors.Is(err, strconv.ErrSyntax)
    _, err = strconv.ParseInt("99999999999999999999", 10, 64)
    assert errors.Is(err, strconv.ErrRange)
    assert err is not None and err.Error() == (
        'strconv.ParseInt: parsing "99999999999999999999": value out of range'
    )


def test_WrongTypeIsTypeError() -> None:
    with pytest.raises(TypeError):
        strconv.Atoi(12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        strconv.ParseFloat(b"1", 64)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        strconv.FormatInt("1", 10)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        strconv.Itoa(1.0)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1), st.integers(2, 36))
def test_ParseIntFormatIntRoundTrip(i: int, base: int) -> None:
    assert strconv.ParseInt(strconv.FormatInt(i, base), base, 64) == (i, None)
    u = i + (1 << 63)
    assert strconv.ParseUint(strconv.FormatUint(u, base), base, 64) == (u, None)


# --- atof_test.go ---------------------------------------------------------


def test_Atof() -> None:
    for s, out, err in atoftests:
        f, e = strconv.ParseFloat(s, 64)
        checkErr(e, err, "ParseFloat", s)
        assert strconv.FormatFloat(f, "g", -1, 64) == out, s
        # The prefix form behind ParseComplex agrees (TestParseFloatPrefix).
        if err is None:
            from std.strconv.atof import parseFloatPrefix

            for suffix in ("i", "init", "x", "-", "+"):
                _, n, e2 = parseFloatPrefix(s + suffix, 64)
                assert e2 is None and n == len(s), (s, suffix)


def test_Atof32() -> None:
    for s, out, err in atof32tests:
        f, e = strconv.ParseFloat(s, 32)
        checkErr(e, err, "ParseFloat", s)
        assert f == struct.unpack("<f", struct.pack("<f", f))[0] or math.isinf(f)
        assert strconv.FormatFloat(f, "g", -1, 32) == out, s


def test_RoundTrip() -> None:
    for f, s in roundTripCases:
        assert strconv.FormatFloat(f, "g", -1, 64) == s
        assert strconv.ParseFloat(s, 64) == (f, None)


def test_ParseFloatIncorrectBitSize() -> None:
    # Any bitSize but 32 means float64.
    for bs in (0, 10, 100, 128):
        assert strconv.ParseFloat("1.1", bs) == (1.1, None)


_f64 = st.floats(allow_nan=False, allow_infinity=False)
_f32 = st.floats(width=32, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(_f64)
def test_AtofRandom(x: float) -> None:
    # TestAtofRandom / TestRoundTrip: shortest 'g' output parses back exactly.
    s = strconv.FormatFloat(x, "g", -1, 64)
    f, err = strconv.ParseFloat(s, 64)
    assert err is None and f == x and math.copysign(1, f) == math.copysign(1, x)
    assert float(s) == x


@settings(max_examples=200, deadline=None)
@given(_f32)
def test_RoundTrip32(x: float) -> None:
    s = strconv.FormatFloat(x, "g", -1, 32)
    f, err = strconv.ParseFloat(s, 32)
    assert err is None and f == x
    # No shorter 'e' form reads back (the digits really are the shortest).
    digits = len(
        strconv.FormatFloat(x, "e", -1, 32).split("e")[0].replace("-", "").replace(".", "")
    )
    if digits > 1 and x != 0:
        shorter = strconv.FormatFloat(x, "e", digits - 2, 64)
        assert strconv.ParseFloat(shorter, 32)[0] != x


@settings(max_examples=200, deadline=None)
@given(_f64, st.sampled_from("eEfgGxX"), st.integers(-1, 20))
def test_FormatParseAllFormats(x: float, fmt: str, prec: int) -> None:
    # Every format parses back to within its precision; -1 is exact.
    s = strconv.FormatFloat(x, fmt, prec, 64)
    f, err = strconv.ParseFloat(s, 64)
    # Rounding up near the largest float may leave the float range.
    assert err is None or (prec >= 0 and errors.Is(err, strconv.ErrRange)), s
    if prec == -1:
        assert f == x


# --- ftoa_test.go ---------------------------------------------------------


def test_Ftoa() -> None:
    for f, fmt, prec, s in ftoatests:
        assert strconv.FormatFloat(f, fmt, prec, 64) == s, (f, fmt, prec)
        assert strconv.AppendFloat(b"abc", f, fmt, prec, 64) == b"abc" + s.encode()
        if f == float(struct.unpack("<f", struct.pack("<f", f))[0]) and fmt != "b":
            if f == 5.960464477539063e-08:
                continue  # exact float32, but the row wants float64 digits (as Go skips it)
            assert strconv.FormatFloat(f, fmt, prec, 32) == s, (f, fmt, prec)


def test_FtoaPowersOfTwo() -> None:
    for exp in range(-2048, 2049):
        if exp >= 1024:
            break
        f = math.ldexp(1, exp)
        if f != 0:
            s = strconv.FormatFloat(f, "e", -1, 64)
            assert strconv.ParseFloat(s, 64)[0] == f, s
        f32 = math.ldexp(1, exp)
        if -149 <= exp <= 127:
            s = strconv.FormatFloat(f32, "e", -1, 32)
            assert strconv.ParseFloat(s, 32)[0] == f32, s


@settings(max_examples=200, deadline=None)
@given(_f64, st.integers(0, 20))
def test_FtoaRandom(x: float, prec: int) -> None:
    # Fixed precision agrees with the correctly rounded shortest digits.
    shortest = strconv.FormatFloat(x, "e", -1, 64)
    nd = len(shortest.split("e")[0].replace("-", "").replace(".", ""))
    if nd - 1 <= prec:
        f1, _ = strconv.ParseFloat(strconv.FormatFloat(x, "e", prec, 64), 64)
        assert f1 == x


def test_FormatFloatInvalidBitSize() -> None:
    with pytest.raises(Panic):
        strconv.FormatFloat(3.14, "g", -1, 100)


def test_FormatFloatVerbForms() -> None:
    # A Go byte may be an int, a one-byte bytes, or a one-character str.
    assert strconv.FormatFloat(1e6, ord("g"), -1, 64) == "1e+06"
    assert strconv.FormatFloat(1e6, b"g", -1, 64) == "1e+06"
    assert strconv.FormatFloat(1.5e-7, "g", -1, 64) == "1.5e-07"
    assert strconv.FormatFloat(1, "z", -1, 64) == "%z"


# --- itoa_test.go ---------------------------------------------------------


def test_Itoa() -> None:
    for i, base, s in itob64tests:
        assert strconv.FormatInt(i, base) == s
        assert strconv.AppendInt(b"abc", i, base) == b"abc" + s.encode()
        if i >= 0:
            assert strconv.FormatUint(i, base) == s
            assert strconv.AppendUint(b"abc", i, base) == b"abc" + s.encode()
        if base == 10:
            assert strconv.Itoa(i) == s
    with pytest.raises(Panic):
        strconv.FormatInt(12345678, 1)
    with pytest.raises(Panic):
        strconv.FormatUint(12345678, 37)


def test_Uitoa() -> None:
    for u, base, s in uitob64tests:
        assert strconv.FormatUint(u, base) == s
        assert strconv.AppendUint(b"abc", u, base) == b"abc" + s.encode()


def test_FormatUintVarlen() -> None:
    for u, s in varlenUints:
        assert strconv.FormatUint(u, 10) == s


# --- atob_test.go ---------------------------------------------------------


def test_ParseBool() -> None:
    for s, want, err in atobtests:
        b, e = strconv.ParseBool(s)
        checkErr(e, err, "ParseBool", s)
        if err is None:
            assert b == want


def test_FormatBool() -> None:
    assert strconv.FormatBool(True) == "true"
    assert strconv.FormatBool(False) == "false"


def test_AppendBool() -> None:
    assert strconv.AppendBool(b"foo ", True) == b"foo true"
    assert strconv.AppendBool(b"foo ", False) == b"foo false"


# --- atoc_test.go / ctoa_test.go ------------------------------------------


def sameComplex(c1: complex, c2: complex) -> bool:
    def same(a: float, b: float) -> bool:
        return (math.isnan(a) and math.isnan(b)) or a == b

    return same(c1.real, c2.real) and same(c1.imag, c2.imag)


def test_ParseComplex() -> None:
    for s, want, err in atoctests:
        c, e = strconv.ParseComplex(s, 128)
        checkErr(e, err, "ParseComplex", s)
        assert sameComplex(c, complex(want)), s


def test_ParseComplexIncorrectBitSize() -> None:
    for bs in (0, 10, 100, 256):
        assert strconv.ParseComplex("1.5e308+1.0e307i", bs) == (1.5e308 + 1.0e307j, None)


def test_FormatComplex() -> None:
    cases = [
        (1 + 2j, "g", -1, 128, "(1+2i)"),
        (3 - 4j, "g", -1, 128, "(3-4i)"),
        (-5 + 6j, "g", -1, 128, "(-5+6i)"),
        (-7 - 8j, "g", -1, 128, "(-7-8i)"),
        (3.14159 + 0.00123j, "e", 3, 128, "(3.142e+00+1.230e-03i)"),
        (3.14159 + 0.00123j, "f", 3, 128, "(3.142+0.001i)"),
        (3.14159 + 0.00123j, "g", 3, 128, "(3.14+0.00123i)"),
        (
            1.2345678901234567 + 9.876543210987654j,
            "f",
            -1,
            128,
            "(1.2345678901234567+9.876543210987654i)",
        ),
        (1.2345678901234567 + 9.876543210987654j, "f", -1, 64, "(1.2345679+9.876543i)"),
    ]
    for c, fmt, prec, bs, out in cases:
        assert strconv.FormatComplex(c, fmt, prec, bs) == out
    with pytest.raises(Panic):
        strconv.FormatComplex(1 + 2j, "g", -1, 100)


# --- quote_test.go --------------------------------------------------------


def _goIsPrint(r: int) -> bool | None:
    """unicode.IsPrint by Python's database, or None where it knows nothing."""
    cat = unicodedata.category(chr(r))
    if cat == "Cn":
        return None
    return r == 0x20 or cat[0] in "LMNPS"


def test_IsPrint() -> None:
    for r in range(0x110000):
        want = _goIsPrint(r)
        if want is not None:
            assert strconv.IsPrint(r) == want, hex(r)


def test_IsGraphic() -> None:
    for r in range(0x110000):
        want = _goIsPrint(r)
        if want is not None:
            want = want or unicodedata.category(chr(r)) == "Zs"
            assert strconv.IsGraphic(r) == want, hex(r)


def test_Quote() -> None:
    for s, out, _, _ in quotetests:
        assert strconv.Quote(s) == out
        assert strconv.AppendQuote(b"abc", s) == b"abc" + out.encode()
        # The same text given as Go's bytes.
        assert strconv.Quote(s.encode("utf-8", "surrogateescape")) == out


def test_QuoteToASCII() -> None:
    for s, _, ascii_, _ in quotetests:
        assert strconv.QuoteToASCII(s) == ascii_
        assert strconv.AppendQuoteToASCII(b"abc", s) == b"abc" + ascii_.encode()


def test_QuoteToGraphic() -> None:
    for s, _, _, graphic in quotetests:
        assert strconv.QuoteToGraphic(s) == graphic
        assert strconv.AppendQuoteToGraphic(b"abc", s) == b"abc" + graphic.encode()


def test_QuoteRune() -> None:
    for r, out, _, _ in quoterunetests:
        assert strconv.QuoteRune(r) == out
        assert strconv.AppendQuoteRune(b"abc", r) == b"abc" + out.encode()


def test_QuoteRuneToASCII() -> None:
    for r, _, ascii_, _ in quoterunetests:
        assert strconv.QuoteRuneToASCII(r) == ascii_
        assert strconv.AppendQuoteRuneToASCII(b"abc", r) == b"abc" + ascii_.encode()


def test_QuoteRuneToGraphic() -> None:
    for r, _, _, graphic in quoterunetests:
        assert strconv.QuoteRuneToGraphic(r) == graphic
        assert strconv.AppendQuoteRuneToGraphic(b"abc", r) == b"abc" + graphic.encode()


def test_CanBackquote() -> None:
    for s, out in canbackquotetests:
        assert strconv.CanBackquote(s) == out, repr(s)


def _testUnquote(s: str, want: str, wantErr: Any) -> None:
    """quote_test.go testUnquote: Unquote, then QuotedPrefix with junk appended."""
    got, err = strconv.Unquote(s)
    assert (got, err) == (want, wantErr), repr(s)
    if err is None:
        want = s
    suffix = "\n\r\\\"`'"  # characters special in quoted strings
    if len(s) > 0:
        suffix = suffix.replace(s[:1], "")
    s += suffix
    got, err = strconv.QuotedPrefix(s)
    if err is None and wantErr is not None:
        # The input had trailing junk: the prefix alone must reparse.
        _, wantErr = strconv.Unquote(got)
        want = got
    assert (got, err) == (want, wantErr), repr(s)


def test_Unquote() -> None:
    for s, out in unquotetests:
        _testUnquote(s, out, None)
    for s, out, _, _ in quotetests:
        _testUnquote(out, s, None)
    for s in misquoted:
        _testUnquote(s, "", strconv.ErrSyntax)


def test_UnquoteInvalidUTF8() -> None:
    _testUnquote('"foo"', "foo", None)
    _testUnquote('"foo', "", strconv.ErrSyntax)
    _testUnquote('"\udcc0"', "\ufffd", None)
    _testUnquote('"a\udcc0"', "a\ufffd", None)
    _testUnquote('"\\t\udcc0"', "\t\ufffd", None)


def test_UnquoteChar() -> None:
    assert strconv.UnquoteChar("\\x41rest", '"') == (0x41, False, "rest", None)
    assert strconv.UnquoteChar("\\u263a!", 0) == (0x263A, True, "!", None)
    assert strconv.UnquoteChar("☺x", ord("'")) == (0x263A, True, "x", None)
    assert strconv.UnquoteChar("'", b"'")[3] is strconv.ErrSyntax
    assert strconv.UnquoteChar("\\'", '"')[3] is strconv.ErrSyntax
    assert strconv.UnquoteChar("\\400", '"')[3] is strconv.ErrSyntax
    assert strconv.UnquoteChar("\\377", '"') == (0xFF, False, "", None)


def test_ParseFloatNaNBits() -> None:
    """ParseFloat("nan", 64) is go1.27's nan(): float64frombits(0x7FF8000000000001), exactly.

    For bitSize 32 the value goes through float32, which keeps no room for
    that payload bit (0x7FF8000000000000), as Go's float32(nan()) does.
    """
    import struct

    from std import strconv

    def bits(v: float) -> int:
        return int(struct.unpack("<Q", struct.pack("<d", v))[0])

    for s in ("nan", "NaN", "NAN"):
        v, err = strconv.ParseFloat(s, 64)
        assert err is None and bits(v) == 0x7FF8000000000001
        v, err = strconv.ParseFloat(s, 32)
        assert err is None and bits(v) == 0x7FF8000000000000
