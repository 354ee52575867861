"""Tests for net/mac.py, ported from net/mac_test.go (go1.27.0).

TestParseMAC with parseMACTests row for row, including its round trip
through String. Go's nil HardwareAddr is None here (net/mac.py's module
doc). The tests after the port cover parse.go's xtoi/xtoi2, which live in
net/mac.py, and the Python surface of HardwareAddr (type checks, slicing,
repr).
"""

from __future__ import annotations

import pytest

from net.ip import big
from net.mac import HardwareAddr, ParseMAC, xtoi, xtoi2
from net.net import AddrError

H = HardwareAddr

parseMACTests: list[tuple[str, HardwareAddr | None, str]] = [
    # See RFC 7042, Section 2.1.1.
    ("00:00:5e:00:53:01", H([0x00, 0x00, 0x5E, 0x00, 0x53, 0x01]), ""),
    ("00-00-5e-00-53-01", H([0x00, 0x00, 0x5E, 0x00, 0x53, 0x01]), ""),
    ("0000.5e00.5301", H([0x00, 0x00, 0x5E, 0x00, 0x53, 0x01]), ""),
    ("00005e005301", H([0x00, 0x00, 0x5E, 0x00, 0x53, 0x01]), ""),
    # See RFC 7042, Section 2.2.2.
    ("02:00:5e:10:00:00:00:01", H([0x02, 0x00, 0x5E, 0x10, 0x00, 0x00, 0x00, 0x01]), ""),
    ("02-00-5e-10-00-00-00-01", H([0x02, 0x00, 0x5E, 0x10, 0x00, 0x00, 0x00, 0x01]), ""),
    ("0200.5e10.0000.0001", H([0x02, 0x00, 0x5E, 0x10, 0x00, 0x00, 0x00, 0x01]), ""),
    ("02005e1000000001", H([0x02, 0x00, 0x5E, 0x10, 0x00, 0x00, 0x00, 0x01]), ""),
    # See RFC 4391, Section 9.1.1.
    (
        "00:00:00:00:fe:80:00:00:00:00:00:00:02:00:5e:10:00:00:00:01",
        H(
            [0x00, 0x00, 0x00, 0x00]
            + [0xFE, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
            + [0x02, 0x00, 0x5E, 0x10, 0x00, 0x00, 0x00, 0x01]
        ),
        "",
    ),
    (
        "00-00-00-00-fe-80-00-00-00-00-00-00-02-00-5e-10-00-00-00-01",
        H(
            [0x00, 0x00, 0x00, 0x00]
            + [0xFE, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
            + [0x02, 0x00, 0x5E, 0x10, 0x00, 0x00, 0x00, 0x01]
        ),
        "",
    ),
    (
        "0000.0000.fe80.0000.0000.0000.0200.5e10.0000.0001",
        H(
            [0x00, 0x00, 0x00, 0x00]
            + [0xFE, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
            + [0x02, 0x00, 0x5E, 0x10, 0x00, 0x00, 0x00, 0x01]
        ),
        "",
    ),
    (
        "00000000fe8000000000000002005e1000000001",
        H(
            [0x00, 0x00, 0x00, 0x00]
            + [0xFE, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
            + [0x02, 0x00, 0x5E, 0x10, 0x00, 0x00, 0x00, 0x01]
        ),
        "",
    ),
    ("ab:cd:ef:AB:CD:EF", H([0xAB, 0xCD, 0xEF, 0xAB, 0xCD, 0xEF]), ""),
    ("ab:cd:ef:AB:CD:EF:ab:cd", H([0xAB, 0xCD, 0xEF, 0xAB, 0xCD, 0xEF, 0xAB, 0xCD]), ""),
    (
        "ab:cd:ef:AB:CD:EF:ab:cd:ef:AB:CD:EF:ab:cd:ef:AB:CD:EF:ab:cd",
        H(
            [0xAB, 0xCD, 0xEF, 0xAB]
            + [0xCD, 0xEF, 0xAB, 0xCD, 0xEF, 0xAB, 0xCD, 0xEF]
            + [0xAB, 0xCD, 0xEF, 0xAB, 0xCD, 0xEF, 0xAB, 0xCD]
        ),
        "",
    ),
    ("01.02.03.04.05.06", None, "invalid MAC address"),
    ("01:02:03:04:05:06:", None, "invalid MAC address"),
    ("x1:02:03:04:05:06", None, "invalid MAC address"),
    ("01002:03:04:05:06", None, "invalid MAC address"),
    ("01:02003:04:05:06", None, "invalid MAC address"),
    ("01:02:03004:05:06", None, "invalid MAC address"),
    ("01:02:03:04005:06", None, "invalid MAC address"),
    ("01:02:03:04:05006", None, "invalid MAC address"),
    ("01-02:03:04:05:06", None, "invalid MAC address"),
    ("01:02-03-04-05-06", None, "invalid MAC address"),
    ("0123:4567:89AF", None, "invalid MAC address"),
    ("0123-4567-89AF", None, "invalid MAC address"),
    ("0123456789AF0", None, "invalid MAC address"),
]


@pytest.mark.parametrize(
    ("i", "inp", "out", "errText"), [(i, *t) for i, t in enumerate(parseMACTests)]
)
def test_ParseMAC(i: int, inp: str, out: HardwareAddr | None, errText: str) -> None:
    got, err = ParseMAC(inp)
    if errText == "":
        assert err is None, f"ParseMAC({inp!r}) = {got!r}, {err}"
    else:
        assert err is not None and errText in err.Error(), f"ParseMAC({inp!r}) = {got!r}, {err}"
    assert got == out and type(got) is type(out), f"ParseMAC({inp!r}) = {got!r}, want {out!r}"
    if errText == "":
        # Serialization round-trips.
        assert got is not None
        s = got.String()
        got2, err = ParseMAC(s)
        assert err is None, f"{i}. ParseMAC({s!r}) = {err}"
        assert got2 == got, f"{i}. ParseMAC({s!r}) = {got2!r}, want {got!r}"


# ---------------------------------------------------------------------------
# Beyond mac_test.go


def test_ParseMACErrorValue() -> None:
    # Go: &AddrError{Err: "invalid MAC address", Addr: s}, so the text names s.
    for s in ("", "0", "01:02:03:04:05", "0123456789ab0", "zz:zz:zz:zz:zz:zz"):
        hw, err = ParseMAC(s)
        assert hw is None
        assert isinstance(err, AddrError)
        assert (err.Err, err.Addr) == ("invalid MAC address", s)
        assert err.Error() == (f"address {s}: invalid MAC address" if s else "invalid MAC address")
        assert str(err) == err.Error()
        assert not err.Timeout() and not err.Temporary()


@pytest.mark.parametrize(
    "s",
    [
        "00:00:5e:00:53:0",  # one digit short: length fits no form
        "00:00:5e:00:53:012",  # a digit too many
        "000:0:5e:00:53:01",  # third character is not the separator
        "00:00:5e:00:53-01",  # mixed separators
        "0000.5e00-5301",  # dot form with another separator
        "0000.5e00.530g",  # non-hex digit in the dot form
        "00005e00530g",  # non-hex digit in the bare form
        "0000.5e00.5301.",  # trailing separator
        "00 00 5e 00 53 01",  # spaces are no separator
        "000000005e005301000000",  # eleven bytes
        "0x005e005301",  # no prefixes
        "+0:00:5e:00:53:01",
        "00:00:5e:00:53:01\x00",
        "ö0:00:5e:00:53:01",  # non-ASCII is never a hex digit
    ],
)
def test_ParseMACRejects(s: str) -> None:
    hw, err = ParseMAC(s)
    assert hw is None and isinstance(err, AddrError), s


def test_HardwareAddrString() -> None:
    assert HardwareAddr().String() == ""
    assert HardwareAddr(b"\x00\x00\x5e\x00\x53\x01").String() == "00:00:5e:00:53:01"
    assert HardwareAddr([0xAB]).String() == "ab"
    hw = HardwareAddr(bytes(range(0xF0, 0x100)))
    assert hw.String() == ":".join(f"{b:02x}" for b in range(0xF0, 0x100))
    assert str(hw) == hw.String()
    assert repr(HardwareAddr([1, 2])) == "net.HardwareAddr(01:02)"


def test_HardwareAddrIsBytes() -> None:
    hw, err = ParseMAC("02:00:5e:10:00:00:00:01")
    assert err is None and hw is not None
    assert isinstance(hw, bytes) and len(hw) == 8
    assert hw == b"\x02\x00\x5e\x10\x00\x00\x00\x01"
    assert hw[0] == 2 and isinstance(hw[0], int)
    assert type(hw[:6]) is HardwareAddr and hw[:6].String() == "02:00:5e:10:00:00"
    assert {hw: 1}[HardwareAddr(bytes(hw))] == 1
    with pytest.raises(TypeError):
        HardwareAddr("00:00:5e:00:53:01")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        HardwareAddr(6)  # type: ignore[arg-type]


def test_xtoi() -> None:
    assert xtoi("") == (0, 0, False)
    assert xtoi("g") == (0, 0, False)
    assert xtoi("0") == (0, 1, True)
    assert xtoi("fF:") == (0xFF, 2, True)
    assert xtoi("aBc9z") == (0xABC9, 4, True)
    assert xtoi("fffff") == (0xFFFFF, 5, True)
    # Reaching big stops the scan, as dtoi does, with Go's (0, i, false).
    assert xtoi("ffffff") == (0, 5, False)
    assert big == 0xFFFFFF


def test_xtoi2() -> None:
    assert xtoi2("5e", "\x00") == (0x5E, True)
    assert xtoi2("5E:00", ":") == (0x5E, True)
    assert xtoi2("5e-00", ":") == (0, False)  # wrong separator
    assert xtoi2("5", "\x00") == (5, False)  # one digit only
    assert xtoi2("5g", "\x00") == (5, False)  # the byte so far, not ok
    assert xtoi2("g5", "\x00") == (0, False)
