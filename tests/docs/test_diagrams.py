"""The SVG diagrams in docs/diagrams/ are generated, and up to date.

Each ``docs/diagrams/NAME.txt`` is a state-machine description that
``docs/diagrams/gen.py`` turns into ``NAME.svg``. These tests run the
generator in memory and compare its output with the checked-in files, so a
description edited without regenerating (or an SVG edited by hand) fails.
To fix a failure: ``python docs/diagrams/gen.py``.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIAGRAMS = ROOT / "docs" / "diagrams"


def _gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_diagrams_gen", DIAGRAMS / "gen.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


gen = _gen()
SOURCES: list[Path] = gen.sources(DIAGRAMS)


def test_expected_diagrams_exist() -> None:
    """The three state machines the readers' guide shows have descriptions."""
    assert {p.stem for p in SOURCES} >= {"polldesc", "fdmutex", "gstatus"}


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_svg_up_to_date(src: Path) -> None:
    """Regenerating from the description gives the checked-in SVG, byte for byte."""
    svg = src.with_suffix(".svg")
    assert svg.exists(), f"{svg.name} missing: run python docs/diagrams/gen.py"
    assert svg.read_text(encoding="utf-8") == gen.generate(src), (
        f"{svg.name} is out of date: run python docs/diagrams/gen.py")


@pytest.mark.parametrize("src", SOURCES, ids=[p.stem for p in SOURCES])
def test_svg_is_wellformed(src: Path) -> None:
    """Each drawing parses as XML and names every state of its description."""
    root = ET.fromstring(gen.generate(src))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts = {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}
    diagram = gen.parse(src.read_text(encoding="utf-8"), src.name)
    for state in diagram.states.values():
        assert state.name in texts


def test_generation_is_deterministic() -> None:
    """Two runs give the same bytes (no dict-order or float noise)."""
    for src in SOURCES:
        assert gen.generate(src) == gen.generate(src)


def test_check_mode() -> None:
    """The command-line check the Makefile or a developer can run agrees."""
    res = subprocess.run([sys.executable, str(DIAGRAMS / "gen.py"), "--check"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr


def test_parse_errors_name_the_line() -> None:
    """A bad description is reported with its file and line number."""
    with pytest.raises(SystemExit, match=r"x\.txt:2: edge names unknown state 'b'"):
        gen.parse("state a 0 0 A\nedge a -> b : oops\n", "x.txt")
