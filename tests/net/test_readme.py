"""The README's promises and the Makefile's setup rules (issue 8, bullet 7). No Go original.

* The README's network server checks Listen's error, as Go code must: run
  as printed against a port that is taken, it exits with Go's error text
  instead of failing on ``None.Accept()``.
* ``make demo`` installs only what the demo needs; the test extra (pytest,
  mypy, ruff ...) comes with ``make test``/``make lint``.
* ``make ... PYTHON=X`` never reuses a .venv made by another interpreter.

The Makefile is checked with ``make -n`` (print, do not run) in a scratch
directory holding a copy of it and stand-ins for the interpreters: a shell
script answers the Makefile's identity probe. Nothing is installed, and the
repository's own .venv is never looked at.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _readmeBlock(marker: str) -> str:
    text = (ROOT / "README.md").read_text()
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        if marker in block:
            return str(block)
    raise AssertionError(f"no python block with {marker!r} in README.md")


def test_PortReadmeServerChecksListenError() -> None:
    """The README's server, run as printed on a port in use, reports Listen's error."""
    src = _readmeBlock('net.Listen("tcp", "127.0.0.1:8080")')
    hold = socket.socket()
    try:
        hold.bind(("127.0.0.1", 0))
        hold.listen()
        port = hold.getsockname()[1]
        src = src.replace("127.0.0.1:8080", f"127.0.0.1:{port}")
        r = subprocess.run([sys.executable, "-c", src], cwd=ROOT, capture_output=True,
                           text=True, timeout=60)
    finally:
        hold.close()
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert r.stderr.strip().endswith(
        f"listen tcp 127.0.0.1:{port}: bind: address already in use"), r.stderr


def _fakePython(path: Path, ident: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho '{ident}'\n")
    path.chmod(0o755)


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A directory with the Makefile, the files its stamps depend on, and a made venv."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for name in ("pyproject.toml", "setup.py"):
        (tmp_path / name).write_text("")
    (tmp_path / "rt").mkdir()
    (tmp_path / "rt" / "_sys_linux.c").write_text("")
    (tmp_path / "rt" / "__init__.py").write_text("")
    _fakePython(tmp_path / ".venv" / "bin" / "python", "cpython 3 11 7 /usr")
    _fakePython(tmp_path / "py311", "cpython 3 11 7 /usr")
    _fakePython(tmp_path / "py312", "cpython 3 12 1 /opt/python3.12")
    return tmp_path


def _dryRun(d: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "PYTHON"))}
    r = subprocess.run(["make", "-n", *args], cwd=d, capture_output=True, text=True,
                       timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _stampsUpToDate(d: Path) -> None:
    for name in (".installed", ".installed-test"):
        (d / ".venv" / name).touch()
    later = os.stat(d / ".venv" / ".installed-test").st_mtime + 10
    for name in (".installed", ".installed-test"):
        os.utime(d / ".venv" / name, (later, later))


def test_PortMakeDemoInstallsNoTestExtra(scratch: Path) -> None:
    """A fresh `make demo` installs the package alone; `make lint` adds the test extra."""
    py = f"PYTHON={scratch / 'py311'}"
    demo = _dryRun(scratch, "demo", py)
    assert "pip install -q -e ." in demo and ".[test]" not in demo, demo
    assert "demo/main.py" in demo
    lint = _dryRun(scratch, "lint", py)
    assert "pip install -q -e '.[test]'" in lint, lint


def test_PortMakeRemakesVenvForAnotherPython(scratch: Path) -> None:
    """With everything installed, the same interpreter reinstalls nothing; another one
    (`make test PYTHON=python3.12` over a 3.11 venv) goes through the venv's re-creation."""
    _stampsUpToDate(scratch)
    same = _dryRun(scratch, "lint", f"PYTHON={scratch / 'py311'}")
    assert "pip install" not in same and "venv" not in same.replace(".venv/bin/", ""), same
    other = _dryRun(scratch, "lint", f"PYTHON={scratch / 'py312'}")
    assert f"{scratch / 'py312'} -m venv .venv" in other, other
    assert "rm -rf .venv" in other
    assert "pip install -q -e '.[test]'" in other  # the test extra follows into the new venv
    # No venv at all (or one whose interpreter is gone) counts as another interpreter.
    (scratch / ".venv" / "bin" / "python").unlink()
    gone = _dryRun(scratch, "demo", f"PYTHON={scratch / 'py311'}")
    assert f"{scratch / 'py311'} -m venv .venv" in gone, gone
