"""log/log_test.go (go1.27.0), ported, with the port's own tests after it.

Go's patterns match file names ending in ``.go``; here the caller's file is
this Python file, so ``Rlongfile``/``Rshortfile`` match ``.py`` and the
line numbers of the two logging calls in ``testPrint`` (Go pins them with
``Rline``; here they are read from the source at run time). TestDiscard
counts Go heap allocations and is left out (no counterpart).
TestCallDepth runs a child process per case, as Go does, with this port's
Python.

The port's own tests: Fatal's exit status and that deferred work does not
run (os.Exit), Panic's value, a Logger writing to a real net conn inside
rt.run, the exact header bytes for a fixed flag set, and bad argument
types.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from typing import Any

import pytest

import net
import rt
from rt.panic import Panic
from std import io, log, sync, time
from std.errors import error

Rdate = r"[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]"
Rtime = r"[0-9][0-9]:[0-9][0-9]:[0-9][0-9]"
Rmicroseconds = r"\.[0-9][0-9][0-9][0-9][0-9][0-9]"


class builder:
    """Go's strings.Builder / bytes.Buffer, as an io.Writer."""

    def __init__(self) -> None:
        self.b = bytearray()

    def Write(self, p: Any) -> tuple[int, error | None]:
        self.b += bytes(p)
        return len(p), None

    def String(self) -> str:
        return self.b.decode()

    def Reset(self) -> None:
        self.b.clear()


def testPrint(flag: int, prefix: str, pattern: str, useFormat: bool) -> None:
    buf = builder()
    log.SetOutput(buf)
    log.SetFlags(flag)
    log.SetPrefix(prefix)
    try:
        if useFormat:
            log.Printf("hello %d world", 23)  # LOGLINE-A
        else:
            log.Println("hello", 23, "world")  # LOGLINE-B
    finally:
        log.SetOutput(log._stderr())
        log.SetFlags(log.LstdFlags)
        log.SetPrefix("")
    line = buf.String()[:-1]
    pattern = "^" + pattern + "hello 23 world$"
    assert re.match(pattern, line), f"log output should match {pattern!r} is {line!r}"


testPrint.__test__ = False  # type: ignore[attr-defined]  # Go's helper, not a test


def _lines() -> str:
    src = inspect.getsource(testPrint).splitlines()
    first = inspect.getsourcelines(testPrint)[1]
    a = next(i for i, l in enumerate(src) if "LOGLINE-A" in l and "#" in l) + first
    b = next(i for i, l in enumerate(src) if "LOGLINE-B" in l and "#" in l) + first
    return f"({a}|{b}):"


Rline = _lines()
Rlongfile = r".*/[A-Za-z0-9_\-]+\.py:" + Rline
Rshortfile = r"[A-Za-z0-9_\-]+\.py:" + Rline

tests = [
    (0, "", ""),
    (0, "XXX", "XXX"),
    (log.Ldate, "", Rdate + " "),
    (log.Ltime, "", Rtime + " "),
    (log.Ltime | log.Lmsgprefix, "XXX", Rtime + " XXX"),
    (log.Ltime | log.Lmicroseconds, "", Rtime + Rmicroseconds + " "),
    (log.Lmicroseconds, "", Rtime + Rmicroseconds + " "),  # microsec implies time
    (log.Llongfile, "", Rlongfile + " "),
    (log.Lshortfile, "", Rshortfile + " "),
    (log.Llongfile | log.Lshortfile, "", Rshortfile + " "),  # shortfile overrides longfile
    (log.Ldate | log.Ltime | log.Lmicroseconds | log.Llongfile, "XXX",
     "XXX" + Rdate + " " + Rtime + Rmicroseconds + " " + Rlongfile + " "),
    (log.Ldate | log.Ltime | log.Lmicroseconds | log.Lshortfile, "XXX",
     "XXX" + Rdate + " " + Rtime + Rmicroseconds + " " + Rshortfile + " "),
    (log.Ldate | log.Ltime | log.Lmicroseconds | log.Llongfile | log.Lmsgprefix, "XXX",
     Rdate + " " + Rtime + Rmicroseconds + " " + Rlongfile + " XXX"),
    (log.Ldate | log.Ltime | log.Lmicroseconds | log.Lshortfile | log.Lmsgprefix, "XXX",
     Rdate + " " + Rtime + Rmicroseconds + " " + Rshortfile + " XXX"),
]


def test_Default() -> None:
    assert log.Default() is log.std


@pytest.mark.parametrize("flag,prefix,pattern", tests)
def test_All(flag: int, prefix: str, pattern: str) -> None:
    testPrint(flag, prefix, pattern, False)
    testPrint(flag, prefix, pattern, True)


def test_Output() -> None:
    b = builder()
    l = log.New(b, "", 0)
    l.Println("test")
    assert b.String() == "test\n"


def test_NonNewLogger() -> None:
    l = log.Logger()
    l.SetOutput(builder())
    l.Print("hello")


def test_OutputRace() -> None:
    b = builder()
    l = log.New(b, "", 0)

    def main() -> None:
        wg = sync.WaitGroup()
        wg.Add(100)

        def one() -> None:
            try:
                l.SetFlags(0)
                l.Output(0, "")
            finally:
                wg.Done()

        for _ in range(100):
            rt.go(one)
        wg.Wait()

    rt.run(main)
    assert b.String() == "\n" * 100


def test_FlagAndPrefixSetting() -> None:
    b = builder()
    l = log.New(b, "Test:", log.LstdFlags)
    f = l.Flags()
    assert f == log.LstdFlags
    l.SetFlags(f | log.Lmicroseconds)
    assert l.Flags() == log.LstdFlags | log.Lmicroseconds
    assert l.Prefix() == "Test:"
    l.SetPrefix("Reality:")
    assert l.Prefix() == "Reality:"
    l.Print("hello")
    pattern = "^Reality:" + Rdate + " " + Rtime + Rmicroseconds + " hello\n"
    assert re.match(pattern, b.String()), "message did not match pattern"

    b.Reset()
    l.SetFlags(0)
    l.SetPrefix("\n")
    l.Output(0, "")
    assert b.String() == "\n"


def test_UTCFlag() -> None:
    b = builder()
    l = log.New(b, "Test:", log.LstdFlags)
    l.SetFlags(log.Ldate | log.Ltime | log.LUTC)
    now = time.Now().UTC()
    l.Print("hello")
    got = b.String()
    for _ in range(2):
        y, mo, d = now.Date()
        h, mi, s = now.Clock()
        want = f"Test:{y}/{int(mo):02d}/{d:02d} {h:02d}:{mi:02d}:{s:02d} hello\n"
        if got == want:
            return
        now = now.Add(time.Second)
    pytest.fail(f"got {got!r}; want {want!r}")


def test_EmptyPrintCreatesLine() -> None:
    b = builder()
    l = log.New(b, "Header:", log.LstdFlags)
    l.Print()
    l.Println("non-empty")
    output = b.String()
    assert output.count("Header") == 2
    assert output.count("\n") == 2


_CALLDEPTH = [
    ("Fatal", "log.Fatal('Fatal')"),
    ("Fatalf", "log.Fatalf('Fatalf')"),
    ("Fatalln", "log.Fatalln('Fatalln')"),
    ("Output", "log.Output(1, 'Output')"),
    ("Panic", "log.Panic('Panic')"),
    ("Panicf", "log.Panicf('Panicf')"),
    ("Panicln", "log.Panicf('Panicln')"),
    ("Default.Fatal", "log.Default().Fatal('Default.Fatal')"),
    ("Default.Fatalf", "log.Default().Fatalf('Default.Fatalf')"),
    ("Default.Fatalln", "log.Default().Fatalln('Default.Fatalln')"),
    ("Default.Output", "log.Default().Output(1, 'Default.Output')"),
    ("Default.Panic", "log.Default().Panic('Default.Panic')"),
    ("Default.Panicf", "log.Default().Panicf('Default.Panicf')"),
    ("Default.Panicln", "log.Default().Panicf('Default.Panicln')"),
]


@pytest.mark.parametrize("name,call", _CALLDEPTH, ids=[n for n, _ in _CALLDEPTH])
def test_CallDepth(name: str, call: str) -> None:
    """Each entry point names its caller's line (Lshortfile), in a child process as Go."""
    prog = (
        "from std import log, os\n"
        "log.SetFlags(log.Lshortfile)\n"
        f"{call}\n"
        "os.Exit(1)\n"
    )
    p = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode != 0
    first = p.stderr.splitlines()[0]
    assert first == f"<string>:3: {name}", first


# ---------------------------------------------------------------------------
# The port's own tests.


def test_PortFatalExitsAtOnce() -> None:
    """Fatal writes its line and exits 1; deferred work (finally) does not run, as Go's."""
    prog = (
        "import rt\n"
        "from std import log\n"
        "def main():\n"
        "    try:\n"
        "        log.Fatalf('bad %s', 'news')\n"
        "    finally:\n"
        "        print('deferred ran')\n"
        "rt.run(main)\n"
    )
    p = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 1
    assert "deferred ran" not in p.stdout
    assert re.fullmatch(Rdate + " " + Rtime + " bad news\n", p.stderr), p.stderr


def test_PortPanicValue() -> None:
    b = builder()
    l = log.New(b, "p: ", 0)
    with pytest.raises(Panic) as ei:
        l.Panicf("x=%d", 7)
    assert ei.value.value == "x=7"
    assert b.String() == "p: x=7\n"
    with pytest.raises(Panic) as ei:
        l.Panicln("a", 1)
    assert ei.value.value == "a 1\n"
    assert b.String() == "p: x=7\np: a 1\n"


def test_PortHeaderBytes() -> None:
    """The exact header for a fixed time: date, time, microseconds, file, Lmsgprefix."""
    t = time.Unix(1257894245, 123456789)  # 2009-11-10 23:04:05.123456789 UTC
    buf = bytearray()
    log.formatHeader(buf, t, "P ", log.Ldate | log.Lmicroseconds | log.Lshortfile | log.LUTC,
                     "/a/b/c.py", 23)
    assert bytes(buf) == b"P 2009/11/10 23:04:05.123456 c.py:23: "
    buf = bytearray()
    log.formatHeader(buf, t, "P ", log.Ltime | log.Lmsgprefix | log.Llongfile | log.LUTC,
                     "/a/b/c.py", 7)
    assert bytes(buf) == b"23:04:05 /a/b/c.py:7: P "


def test_PortLoggerToConn() -> None:
    """A Logger whose writer is a TCP conn: each line arrives whole."""
    def main() -> None:
        ln, err = net.Listen("tcp4", "127.0.0.1:0")
        assert err is None
        with ln:
            c, err = net.Dial("tcp4", ln.Addr().String())
            assert err is None
            s, err = ln.Accept()
            assert err is None
            with c, s:
                l = log.New(c, "[srv] ", log.Lmsgprefix)
                l.Printf("client %s joined", "ann")
                l.Println("bye")
                c.CloseWrite()
                got = bytearray()
                while True:
                    b = bytearray(64)
                    n, err = s.Read(b)
                    got += b[:n]
                    if err is not None:
                        assert err is io.EOF
                        break
                assert got == b"[srv] client ann joined\n[srv] bye\n"

    rt.run(main)


def test_PortDiscard() -> None:
    """A Logger on io.Discard writes nothing and formats nothing (isDiscard)."""
    class boom:
        def String(self) -> str:
            raise AssertionError("formatted")

    l = log.New(io.Discard, "", 0)
    l.Print(boom())
    assert l.Writer() is io.Discard


def test_PortBadArguments() -> None:
    l = log.New(builder(), "", 0)
    with pytest.raises(TypeError):
        l.SetFlags("0")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        l.SetPrefix(1)  # type: ignore[arg-type]
