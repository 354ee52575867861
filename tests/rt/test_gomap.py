"""rt/gomap.py: the Go function list, and docstrings that name Go functions.

The whole-tree check (``test_DocstringsNameRealGoFunctions``) is the point:
a docstring whose first line says ``proc.go: foo.`` must name a function or
method that proc.go (go1.27.0) really has, so a rename or a typo fails here.
Coverage itself is reported by ``python -m rt.gomap``, not asserted.
"""

from __future__ import annotations

import pytest

from rt import gomap

# Known offenders, (module, qualname, name): each names something that is
# not a Go function. Fix the docstring, then delete the entry (a stale entry
# fails the test, so this list can only shrink).
KNOWN_UNKNOWN: set[tuple[str, str, str]] = set()


@pytest.fixture(scope="module")
def data() -> dict[str, list[gomap.GoFunc]]:
    return gomap.load()


@pytest.fixture(scope="module")
def defs() -> list[gomap.PyDef]:
    return gomap.scan()


def test_DataFileParses(data: dict[str, list[gomap.GoFunc]]) -> None:
    assert set(data) == set(gomap.MIRRORS)
    for path, funcs in data.items():
        assert funcs, f"{path}: no functions"
        lines = [f.line for f in funcs]
        assert lines == sorted(lines) and len(set(lines)) == len(lines), path
        names = [f.name for f in funcs if f.name != "init"]
        assert len(set(names)) == len(names), f"{path}: duplicate names"
        assert all(f.path == path and f.line > 0 for f in funcs)
    proc = {f.name for f in data["src/runtime/proc.go"]}
    assert {"execute", "schedule", "findRunnable", "gQueue.push"} <= proc
    assert "FD.Read" in {f.name for f in data["src/internal/poll/fd_unix.go"]}


def test_DataFileRejectsMalformedLines() -> None:
    with pytest.raises(ValueError, match="malformed"):
        gomap.load("src/runtime/proc.go\texecute\n")
    assert gomap.load("# comment\n\nsrc/a.go\tf\t3\n") == {
        "src/a.go": [gomap.GoFunc("src/a.go", "f", 3)]
    }


def test_DocstringsNameRealGoFunctions(
    data: dict[str, list[gomap.GoFunc]], defs: list[gomap.PyDef]
) -> None:
    found = {(d.module, d.qualname, name): (d, path)
             for d, path, name in gomap.unknown_names(data, defs)}
    offenders = [
        f"{d.module}:{d.line} {d.qualname}: {name!r} is not a func of {path}: {d.first!r}"
        for (_, _, name), (d, path) in sorted(found.items())
        if (d.module, d.qualname, name) not in KNOWN_UNKNOWN
    ]
    assert not offenders, "docstrings name Go functions that do not exist:\n" + "\n".join(
        offenders)
    stale = sorted(KNOWN_UNKNOWN - set(found))
    assert not stale, f"fixed; delete from KNOWN_UNKNOWN: {stale}"


def test_TypoIsReported(data: dict[str, list[gomap.GoFunc]]) -> None:
    src = "\n".join([
        "class C:",
        "    def m(self) -> None:",
        '        """runtime/proc.go: findRunable. A typo."""',
        "def f() -> None:",
        '    """proc.go: execute/schedul. One good, one renamed."""',
        "def g() -> None:",
        '    """net/fd_unix.go: FD.Read. Another Go file of the same basename."""',
        "class FD:",
        '    """internal/poll/fd_unix.go: FD. Types are not checked."""',
    ])
    defs = gomap.scan_module("x.py", src)
    got = [(d.qualname, path, name) for d, path, name in gomap.unknown_names(data, defs)]
    assert got == [
        ("C.m", "src/runtime/proc.go", "findRunable"),
        ("f", "src/runtime/proc.go", "schedul"),
    ]


def test_MirroringModulesNameTheirFile(
    data: dict[str, list[gomap.GoFunc]], defs: list[gomap.PyDef]
) -> None:
    # Every mirroring module mirrors at least one function of its Go file.
    rows = gomap.build(data, defs)
    for path, mod in gomap.MIRRORS.items():
        assert any(mod in {d.module for d in r.mirrors} for r in rows[path]), (path, mod)


def test_ParseGo() -> None:
    src = "\n".join([
        "package runtime",
        "func execute(gp *g, inheritTime bool) {",
        "func (q *gQueue) push(gp *g) {",
        "func (*T) anon() {",
        "func (m Map[K, V]) Get(k K) V {",
        "func Max[T cmp.Ordered](a, b T) T {",
        "\tfunc notTopLevel() {",
        "func init() {",
        "// func commented() {",
    ])
    assert [(f.name, f.line) for f in gomap.parse_go("x.go", src)] == [
        ("execute", 2), ("gQueue.push", 3), ("T.anon", 4), ("Map.Get", 5),
        ("Max", 6), ("init", 8),
    ]


@pytest.mark.parametrize(("first", "want"), [
    ("proc.go: execute. Run gp.", [("proc.go", "execute")]),
    ("runtime/chan.go: waitq.enqueue.", [("runtime/chan.go", "waitq.enqueue")]),
    ("proc.go: gosched_m/goschedImpl. x", [("proc.go", "gosched_m"), ("proc.go", "goschedImpl")]),
    ("proc.go: schedinit + procresize(1). x",
     [("proc.go", "schedinit"), ("proc.go", "procresize")]),
    ("proc.go: exitsyscall (the no-P path, exitsyscallNoP).", [("proc.go", "exitsyscall")]),
    ("runtime/stack.go: newstack, its preemption half.", [("runtime/stack.go", "newstack")]),
    ("internal/poll/fd_mutex.go: FD.tryReadWriteLock (go1.27).",
     [("internal/poll/fd_mutex.go", "FD.tryReadWriteLock")]),
    ("runtime/chan.go: full", [("runtime/chan.go", "full")]),
    ("asm goexit + proc.go goexit1: the bottom frame.", [("proc.go", "goexit1")]),
    ("proc.go: sysmon's network duty.", []),
    ("proc.go: mstart for a spare M: run calls.", []),
    ("proc.go: the ``if sched.sysmonwait`` step.", []),
    ("asm mcall: switch to g0.", []),
    ("time.goFunc: the function of AfterFunc timers.", []),
    ("Unwind every goroutine (proc.go: execute).", []),
])
def test_Named(first: str, want: list[tuple[str, str]]) -> None:
    assert gomap.named(first) == want


def test_Refers() -> None:
    assert gomap.refers("proc.go", "src/runtime/proc.go")
    assert gomap.refers("runtime/proc.go", "src/runtime/proc.go")
    assert gomap.refers("src/runtime/proc.go", "src/runtime/proc.go")
    assert not gomap.refers("net/fd_unix.go", "src/internal/poll/fd_unix.go")
    assert not gomap.refers("oc.go", "src/runtime/proc.go")


def test_Omissions() -> None:
    doc = "\n".join([
        "x.go: things.",
        "",
        "Not ``early`` here. Left out: ``a`` and ``b`` (one int type), ``(*T).m``",
        "(no receiver); ``c``: it is a list. And ``d``, ``e`` of the race detector.",
        "",
        "``after`` the section.",
        "",
        "Left out of x.go, and why:",
        "",
        "* ``f``/``g``: with one P",
        "  nobody (``h``) needs them.",
        "* ``i``, ``j`` (cgo), ``k``.",
    ])
    assert gomap.omissions(doc) == {
        "a": "one int type", "b": "one int type", "T.m": "no receiver",
        "c": "it is a list", "d": "d, e of the race detector",
        "e": "d, e of the race detector", "f": "with one P nobody (h) needs them",
        "g": "with one P nobody (h) needs them", "h": "with one P nobody (h) needs them",
        "i": "cgo", "j": "cgo", "k": "(no reason given)",
    }


def test_MainPrintsTablesAndSummary(capsys: pytest.CaptureFixture[str]) -> None:
    assert gomap.main(["--file", "select.go"]) == 0
    out = capsys.readouterr().out
    assert "== src/runtime/select.go (rt/select.py)" in out
    assert "selectgo" in out and "rt/select.py:" in out
    assert "src/runtime/select.go" in out.split("summary")[1]
    assert gomap.main(["--missing"]) == 0
    out = capsys.readouterr().out
    assert "rt/" not in out.split("summary")[0].replace("(rt/", "")
    assert gomap.main(["--file", "nosuch.go"]) == 2


def test_EveryMirroredFunctionIsAccountedFor(data: dict[str, list[gomap.GoFunc]],
                                             defs: list[gomap.PyDef]) -> None:
    """Each function of each mirrored Go file is ours (a docstring names it) or omitted with
    a reason in its module's docstring: `python -m rt.gomap --missing` prints nothing."""
    missing = {path: [r.fn.name for r in rows if r.status == "missing"]
               for path, rows in gomap.build(data, defs).items()}
    assert not {p: m for p, m in missing.items() if m}
