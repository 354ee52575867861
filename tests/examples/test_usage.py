"""Every example's -h: the flag usage text, the same from the Python port as from Go."""

from __future__ import annotations

import pytest
from runner import EXAMPLES, run, same_output

NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/main.py"))


@pytest.mark.parametrize("name", NAMES)
def test_usage(impl: str, name: str) -> None:
    if (impl, name) == ("python", "http"):
        pytest.importorskip("h11", reason="the port needs h11 (pip install h11)")
    p = run(impl, name, "-h")
    assert (p.returncode, p.stdout) == (0, "")
    first, usage = p.stderr.split("\n", 1)
    assert first.startswith("Usage of ") and first.endswith(":")
    assert usage.startswith("  -")
    same_output(f"usage {name}", impl, usage)
