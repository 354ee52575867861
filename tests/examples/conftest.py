"""Put runner.py (the helpers every example test shares) on the import path.

pytest runs with ``--import-mode=importlib``, which does not add a test's
folder to ``sys.path``; the example tests import ``runner`` by name.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

_here = str(Path(__file__).resolve().parent)
if _here not in sys.path:
    sys.path.insert(0, _here)

import runner  # noqa: E402


@pytest.fixture(params=["python", "go"])
def impl(request: pytest.FixtureRequest) -> str:
    """Each example test runs twice: the Python port, then the Go original (skipped without go)."""
    name = str(request.param)
    if name == "go" and runner.GO is None:
        pytest.skip("the Go half needs the go command (apt-get install golang-go)")
    return name
