"""The typed surface (issue 12): ``mypy --strict`` catches a porter's typos.

Three mypy runs, each with the repository's own interpreter and mypy:

* ``fixtures/typos.py.txt``: typical porting mistakes (a misspelled method,
  wrong arity, the ``(conn, err)`` tuple used as a conn, a str sent on an
  ``rt.chan[int]``, rt.go given arguments that do not fit the function, a
  forgotten err...). Every line marked ``# expect: CODE`` must get an error
  with that code, and no other line may get one. The file is not a ``.py``
  so that pytest, ruff and the project's mypy run leave it alone; the test
  checks a ``.py`` copy.
* ``fixtures/correct.py``: a correct port over the same API, including an
  assignment of every concrete conn and listener to the net interface it
  implements (Go's compile-time interface check). It must pass.
* ``demo/`` and ``examples/``: what users read first must type-check as it is.

The three mypy runs are made once, in the suite's run with the C twins:
typing does not depend on the mode (``GONET_PUREPY=1`` skips them).

Then the reprs of conns, listeners, addresses and goroutines, which are for
people reading a debugger or a log (``str()``/``String()`` stay Go's).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import net
import rt
from rt import proc

_here = Path(__file__).resolve().parent
_repo = _here.parent.parent
_fixtures = _here / "fixtures"
_mypyRuns = pytest.mark.skipif(
    os.environ.get("GONET_PUREPY") == "1",
    reason="mypy's verdict does not depend on the mode; the twins run checks it")
_line = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<sev>error|note): (?P<msg>.*?)"
                   r"(?:  \[(?P<code>[a-z-]+)\])?$")


def _mypy(tmp_path: Path, *targets: str | Path) -> tuple[int, list[tuple[str, int, str, str]]]:
    """Run ``python -m mypy --strict`` from the repository root; (exit code, errors).

    Each error is (file name, line, code, message). The cache lives in
    tmp_path, so runs by others in the same tree are not disturbed.
    """
    cmd = [sys.executable, "-m", "mypy", "--strict", "--no-color-output", "--no-error-summary",
           "--show-error-codes", "--cache-dir", str(tmp_path / "mypy-cache"),
           *(str(t) for t in targets)]
    env = dict(os.environ, MYPY_FORCE_COLOR="0")
    r = subprocess.run(cmd, cwd=_repo, env=env, capture_output=True, text=True, timeout=600)
    errors = []
    for text in r.stdout.splitlines():
        m = _line.match(text)
        if m is not None and m["sev"] == "error":
            errors.append((Path(m["file"]).name, int(m["line"]), m["code"] or "", m["msg"]))
    assert r.returncode in (0, 1), f"mypy failed to run:\n{r.stdout}\n{r.stderr}"
    return r.returncode, errors


def _expected(path: Path) -> dict[int, str]:
    """The ``# expect: CODE`` markers of a fixture, by line number."""
    out = {}
    for i, text in enumerate(path.read_text().splitlines(), 1):
        m = re.search(r"# expect: ([a-z-]+)", text)
        if m is not None:
            out[i] = m[1]
    return out


@_mypyRuns
@pytest.mark.watchdog(600)
def test_typos_are_reported(tmp_path: Path) -> None:
    src = _fixtures / "typos.py.txt"
    copy = tmp_path / "typos.py"
    shutil.copyfile(src, copy)
    expected = _expected(src)
    assert len(expected) >= 15, "the fixture lost its markers"
    _, errors = _mypy(tmp_path, copy)
    got: dict[int, set[str]] = {}
    for name, line, code, _msg in errors:
        assert name == "typos.py", f"mypy reports an error outside the fixture: {errors}"
        got.setdefault(line, set()).add(code)
    missed = {line: code for line, code in expected.items() if code not in got.get(line, set())}
    extra = {line: codes for line, codes in got.items() if line not in expected}
    assert not missed, f"typos mypy did not report (line: code): {missed}\nmypy said: {errors}"
    assert not extra, f"errors on lines not marked as typos: {extra}\nmypy said: {errors}"


@_mypyRuns
@pytest.mark.watchdog(600)
def test_correct_port_passes(tmp_path: Path) -> None:
    rc, errors = _mypy(tmp_path, _fixtures / "correct.py")
    assert rc == 0 and not errors, errors


@_mypyRuns
@pytest.mark.watchdog(600)
def test_demo_and_examples_pass(tmp_path: Path) -> None:
    """What users read first type-checks as it is: demo/ and every example's port."""
    rc, errors = _mypy(tmp_path, _repo / "demo", _repo / "examples")
    assert rc == 0 and not errors, errors


# ---------------------------------------------------------------------------
# Reprs


def test_conn_and_listener_reprs() -> None:
    def main() -> None:
        ln, err = net.ListenTCP("tcp", net.TCPAddr(IP=net.ParseIP("127.0.0.1")))
        assert err is None and ln is not None
        la = ln.Addr().String()
        assert repr(ln) == f"<net.TCPListener tcp {la}>"
        c, err = net.Dial("tcp", la)
        assert err is None and c is not None
        s, err = ln.AcceptTCP()
        assert err is None and s is not None
        ca = c.LocalAddr().String()
        assert repr(c) == f"<net.TCPConn tcp {ca}->{la}>"
        assert repr(s) == f"<net.TCPConn tcp {la}->{ca}>"
        c.Close()
        assert repr(c) == f"<net.TCPConn tcp {ca}->{la} closed>"
        s.Close()
        ln.Close()
        assert repr(ln) == f"<net.TCPListener tcp {la} closed>"

        pc, err = net.ListenPacket("udp", "127.0.0.1:0")
        assert err is None and pc is not None
        ua = pc.LocalAddr().String()
        assert repr(pc) == f"<net.UDPConn udp {ua}>"  # unconnected: no "->"
        pc.Close()
        assert repr(pc) == f"<net.UDPConn udp {ua} closed>"

        name = f"@gonet-typing-{os.getpid()}"
        ul, err = net.Listen("unix", name)
        assert err is None and ul is not None
        assert repr(ul) == f"<net.UnixListener unix {name}>"
        ul.Close()
        assert repr(ul) == f"<net.UnixListener unix {name} closed>"

    rt.run(main)
    assert repr(net.TCPConn(None)) == "<net.TCPConn nil>"


def test_addr_reprs_and_strings() -> None:
    a = net.TCPAddr(IP=net.ParseIP("127.0.0.1"), Port=5000)
    assert repr(a) == "TCPAddr(IP=net.IP(127.0.0.1, len=16), Port=5000, Zone='')"
    assert str(a) == a.String() == "127.0.0.1:5000"  # Go's text, unchanged
    assert repr(net.UDPAddr(Port=53)) == "UDPAddr(IP=None, Port=53, Zone='')"
    assert repr(net.UnixAddr(Name="/tmp/s", Net="unix")) == "UnixAddr(Name='/tmp/s', Net='unix')"


def test_goroutine_repr() -> None:
    seen: list[str] = []

    def main() -> None:
        ch = rt.chan[int]()
        rt.go(ch.recv)
        rt.Gosched()  # the new G runs and parks in chan receive
        seen.extend(repr(gp) for gp in sorted(proc.allgs.values(), key=lambda g: g.goid))
        ch.send(1)
        rt.Gosched()  # and finishes

    rt.run(main)
    assert seen == ["<g 1 running>", "<g 2 waiting (chan receive)>"], seen


def test_chan_is_generic_at_runtime() -> None:
    def main() -> int:
        ch = rt.chan[int](2)
        assert type(ch) is rt.hchan and ch.cap() == 2
        ch.send(40)
        ch.send(2)
        ch.close()
        return sum(ch)

    assert rt.run(main) == 42
