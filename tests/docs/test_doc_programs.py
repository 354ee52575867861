"""Run every complete program in docs/*.md and compare what it prints.

A program is marked in the Markdown by an HTML comment on the line before
its fence, and its expected output likewise::

    <!-- run: some-name -->
    ```python
    ...
    ```

    <!-- output: some-name -->
    ```text
    ...
    ```

Each marked program runs in a fresh ``.venv/bin/python`` (the interpreter
running the tests when there is no ``.venv``), from the repository root, in the
mode of the test run (the suite runs once with the C twins and once with
``GONET_PUREPY=1``, and the programs inherit it), and its standard output
must equal the output block exactly (modulo the final newline). Standard
error is shown on failure. Snippets without a marker are illustrations and
are not run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

_MARK = re.compile(r"^<!--\s*(run|output):\s*([A-Za-z0-9_.-]+)\s*-->\s*$")
_FENCE = re.compile(r"^```(\w*)\s*$")


@dataclass
class Block:
    """One marked fenced block: where it is, its fence language and its text."""

    doc: str
    name: str
    line: int
    lang: str
    text: str


def _blocks(path: Path) -> tuple[dict[str, Block], dict[str, Block]]:
    """The marked programs and outputs of one Markdown file, by name."""
    lines = path.read_text(encoding="utf-8").splitlines()
    runs: dict[str, Block] = {}
    outputs: dict[str, Block] = {}
    i = 0
    while i < len(lines):
        m = _MARK.match(lines[i])
        if m is None:
            i += 1
            continue
        kind, name = m.group(1), m.group(2)
        j = i + 1
        fence = _FENCE.match(lines[j]) if j < len(lines) else None
        if fence is None:
            raise AssertionError(f"{path.name}:{i + 1}: marker {name!r} is not followed by a fence")
        body: list[str] = []
        k = j + 1
        while k < len(lines) and not lines[k].startswith("```"):
            body.append(lines[k])
            k += 1
        if k == len(lines):
            raise AssertionError(f"{path.name}:{j + 1}: unterminated fence")
        table = runs if kind == "run" else outputs
        if name in table:
            raise AssertionError(f"{path.name}:{i + 1}: {kind} block {name!r} defined twice")
        table[name] = Block(path.name, name, i + 1, fence.group(1), "\n".join(body) + "\n")
        i = k + 1
    return runs, outputs


def _collect() -> list[tuple[Block, Block]]:
    pairs: list[tuple[Block, Block]] = []
    seen: set[str] = set()
    for path in sorted(DOCS.glob("*.md")):
        runs, outputs = _blocks(path)
        assert set(runs) == set(outputs), (
            f"{path.name}: programs without output {sorted(set(runs) - set(outputs))}, "
            f"outputs without program {sorted(set(outputs) - set(runs))}")
        for name, prog in runs.items():
            assert name not in seen, f"program name {name!r} used in two documents"
            seen.add(name)
            assert prog.lang == "python", f"{path.name}:{prog.line}: run block must be python"
            pairs.append((prog, outputs[name]))
    return pairs


_PAIRS = _collect()


def _python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def test_documents_have_programs() -> None:
    """The tutorial and the porting guide keep their runnable programs."""
    docs = {prog.doc for prog, _ in _PAIRS}
    assert {"tutorial.md", "porting.md"} <= docs
    assert sum(1 for prog, _ in _PAIRS if prog.doc == "tutorial.md") >= 5


@pytest.mark.watchdog(120)
@pytest.mark.parametrize(("prog", "want"), _PAIRS, ids=[prog.name for prog, _ in _PAIRS])
def test_program(prog: Block, want: Block, tmp_path: Path) -> None:
    """Run one documented program and compare its standard output."""
    script = tmp_path / "prog.py"
    script.write_text(prog.text, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTHONSTARTUP", None)
    res = subprocess.run([_python(), str(script)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=90)
    where = f"{prog.doc}:{prog.line}"
    assert res.returncode == 0, f"{where} exited {res.returncode}\nstderr:\n{res.stderr}"
    assert res.stdout.rstrip("\n") == want.text.rstrip("\n"), (
        f"{where}: output differs\n--- got\n{res.stdout}--- want\n{want.text}"
        f"--- stderr\n{res.stderr}")
