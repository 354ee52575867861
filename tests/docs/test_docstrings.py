"""Public docstrings say what a function does, not only which Go function it mirrors.

The first line of a mirrored function's docstring names its Go original
(``net.Dial: ...``, rt.gomap reads it); the rest of the first paragraph
must then say what the function does, in words a user can act on.
"Discussion:" paragraphs (implementation notes for readers) never come
first. Checked for everything a user touches: the names in each public
module's ``__all__``, and the exported methods (Go-style capitalised
names) of the classes among them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

# "pkg.Name.Method:" / "os/proc.go: Exit." / "crypto/tls.Conn.Read," at the start.
_goName = re.compile(r"^[\w/.()*]+(?:\.go)?:?\s*(?:\w+(?:\.\w+)*)?[:.,]?\s*")
_minWords = 3


def _modules() -> Iterator[ModuleType]:
    for pkg in ("rt", "net", "std"):
        p = importlib.import_module(pkg)
        yield p
        for m in pkgutil.walk_packages(p.__path__, pkg + "."):
            if any(part.startswith("_") for part in m.name.split(".")) or m.name == "rt.gomap":
                continue
            yield importlib.import_module(m.name)


def _public() -> Iterator[tuple[str, Any]]:
    seen: set[int] = set()
    for mod in _modules():
        for n in getattr(mod, "__all__", ()):
            o = getattr(mod, n, None)
            items: list[tuple[str, Any]] = []
            if inspect.isfunction(o):
                items.append((n, o))
            elif inspect.isclass(o) and o.__module__ == mod.__name__:
                items.append((n, o))
                for an, a in vars(o).items():
                    if inspect.isfunction(a) and an[:1].isupper():
                        items.append((f"{n}.{an}", a))
            for qn, f in items:
                if id(f) not in seen:
                    seen.add(id(f))
                    yield f"{mod.__name__}.{qn}", f


def _says_what_it_does(doc: str) -> bool:
    first = " ".join(doc.split("\n\n")[0].split())
    if first.startswith("Discussion"):
        return False
    rest = _goName.sub("", first, count=1)
    return len(rest.split()) >= _minWords


def test_public_docstrings_say_what_they_do() -> None:
    items = list(_public())
    assert len(items) > 500, "the public surface was not found"
    bad = [name for name, f in items if not _says_what_it_does(inspect.getdoc(f) or "")]
    assert not bad, (f"{len(bad)} public docstrings only name their Go original "
                     f"(or start with Discussion):\n" + "\n".join(bad))


@pytest.mark.parametrize(("doc", "ok"), [
    ("net.Dial: connect to address on the named network.", True),
    ("crypto/tls.listener.Accept.", False),
    ("os/proc.go: Exit. End the process now with status code.", True),
    ("net.TCPAddr.Network: \"tcp\".", False),
    ("Discussion: how it works.", False),
    ("", False),
])
def test_checker(doc: str, ok: bool) -> None:
    assert _says_what_it_does(doc) is ok
