"""Every ``file.py: name`` the documents cite names something that exists.

The documents point into the source as ``rt/netpoll.py: netpollblock`` or
``net/fd_posix.py: netFDPosix.Read``. This test finds each such citation
in docs/*.md (inside backticks), checks that the file exists, and that the
name is defined in it: a module-level function, class or variable, or a
``Class.method`` (or ``Class.attribute``) defined in that class. C files
are checked for the file and for the name appearing in it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

_CITE = re.compile(r"`((?:rt|net|std|docs|tests)/[\w/]+\.(?:py|c)): ([A-Za-z_][\w.]*)")


def _citations() -> list[tuple[str, str, str]]:
    out = []
    for md in sorted(DOCS.glob("*.md")):
        for m in _CITE.finditer(md.read_text(encoding="utf-8")):
            out.append((md.name, m.group(1), m.group(2)))
    return out


def _names(path: Path) -> set[str]:
    """Module-level names, and Class.member for every class body."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.ClassDef)):
                    names.add(f"{node.name}.{item.name}")
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    names.add(f"{node.name}.{item.target.id}")
                elif isinstance(item, ast.Assign):
                    names.update(f"{node.name}.{t.id}" for t in item.targets
                                 if isinstance(t, ast.Name))
    return names


CITATIONS = _citations()


def test_documents_cite_the_source() -> None:
    assert len(CITATIONS) >= 30


@pytest.mark.parametrize(("doc", "file", "name"), CITATIONS,
                         ids=[f"{d}:{f}:{n}" for d, f, n in CITATIONS])
def test_citation_exists(doc: str, file: str, name: str) -> None:
    path = ROOT / file
    assert path.exists(), f"{doc} cites {file}, which does not exist"
    if path.suffix == ".c":
        assert re.search(rf"\b{re.escape(name)}\b", path.read_text(encoding="utf-8")), (
            f"{doc} cites {file}: {name}, not found in the file")
        return
    assert name in _names(path), f"{doc} cites {file}: {name}, which is not defined there"
