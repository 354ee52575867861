"""Python only: which of a Go file's functions this port mirrors, omits or misses.

Run ``python -m rt.gomap`` for a table per Go file (every top-level func
and method of the file, then ``module:line`` of its mirror, ``omitted:
<reason>`` or ``MISSING``) and a summary; ``--file proc.go`` limits it to
one file, ``--missing`` prints only the missing functions.
``python -m rt.gomap --regenerate GIT_DIR COMMIT`` rewrites the data file,
``gomap_go1.27.0.txt`` beside this module: one line per Go function,
``src/runtime/proc.go<TAB>execute<TAB>LINE``, methods as ``Type.method``
(the receiver's type without ``*`` or type parameters), in file order.

What counts as naming a Go function (the rules are deliberately plain, so
a docstring can be written to satisfy them):

1. Only the first line of a ``def``'s docstring counts (functions,
   methods, nested functions; async too). Class docstrings name Go types,
   not functions, and are ignored.
2. A *file reference* is a word ending in ``.go``: a basename (``proc.go``)
   or a path (``runtime/proc.go``, ``internal/poll/fd_unix.go``). It refers
   to a Go file of the data when it equals that file's path or is a suffix
   of it starting after a ``/`` (``net/fd_unix.go`` is not
   ``src/internal/poll/fd_unix.go``). A reference that fits several Go
   files (``proc.go``: runtime's and os's) refers to the one the def's
   own module mirrors, else to the first in ``MIRRORS`` order; give the
   others a longer path (``os/proc.go``).
3. ``REF: NAMES`` at the start of the line: NAMES is one name or several
   joined by ``/`` or `` + `` (``gosched_m/goschedImpl``, ``schedinit +
   procresize(1)``). A name is an identifier or ``Type.method``. The names
   count only if the last is followed by the end of the line, ``.`` (then a
   space or the end), ``,``, ``;``, ``:`` or ``(`` (optionally after one
   space). So ``proc.go: sysmon's network duty`` and ``proc.go: mstart for
   a spare M`` name nothing; parentheses are not looked into.
4. ``REF NAME`` before the line's first ``: `` (``asm goexit + proc.go
   goexit1: ...``) names NAME.

A Go function is *mirrored* when some def in rt/ (rt/poll/ included), net/
or std/ names it; the mirroring module (``MIRRORS``) comes first, the rest
in path order, and the table shows the first and how many more there are.
It is *omitted* when the mirroring module's docstring names it in double
backquotes in a left-out section and nothing mirrors it. A left-out section
starts at the words "left out" (any case) and runs to the end of that
paragraph; when the paragraph ends with ``:``, the bullet paragraphs (``*``
or ``-``) that follow belong to it. A backquoted name may be written
``name``, ``name()``, ``Type.method`` or ``(*Type).method``; it must
match the Go name exactly (``raceaddr`` does not cover ``hchan.raceaddr``,
``reflect_*`` covers nothing). The reason shown is, in this order: the
parenthesis right after the name, or after the group of names joined to it
by ``,``, ``/``, ``and``, ``or``; in a bullet, the text after the bullet's
first ``: `` outside parentheses; the text after a ``:`` right after the
group, to the end of the sentence; the clause around the group, if it says
more than the names; else "(no reason given)".

Anything else is *MISSING*. Coverage is (mirrored + omitted) / functions.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

GO_VERSION = "go1.27.0"
DATA_FILE = f"gomap_{GO_VERSION}.txt"

# Go file -> the module that mirrors it (relative to the source root).
MIRRORS: dict[str, str] = {
    "src/runtime/proc.go": "rt/proc.py",
    "src/runtime/chan.go": "rt/chan.py",
    "src/runtime/select.go": "rt/select.py",
    "src/runtime/sema.go": "rt/sema.py",
    "src/runtime/netpoll.go": "rt/netpoll.py",
    "src/runtime/netpoll_epoll.go": "rt/netpoll_epoll.py",
    "src/runtime/time.go": "rt/time.py",
    "src/internal/poll/fd_unix.go": "rt/poll/fd_unix.py",
    "src/internal/poll/fd_mutex.go": "rt/poll/fd_mutex.py",
    "src/internal/poll/fd_poll_runtime.go": "rt/poll/fd_poll_runtime.py",
    "src/net/udpsock.go": "net/udpsock.py",
    "src/net/udpsock_posix.go": "net/udpsock_posix.py",
    "src/net/unixsock.go": "net/unixsock.py",
    "src/net/unixsock_posix.go": "net/unixsock_posix.py",
    "src/net/unixsock_readmsg_cmsg_cloexec.go": "net/unixsock.py",
    "src/net/iprawsock.go": "net/iprawsock.py",
    "src/net/iprawsock_posix.go": "net/iprawsock_posix.py",
    "src/net/sockoptip4_linux.go": "net/sockoptip4_linux.py",
    "src/net/sockoptip6_posix.go": "net/sockoptip6_posix.py",
    "src/net/pipe.go": "net/pipe.py",
    "src/net/file.go": "net/file.py",
    "src/net/file_posix.go": "net/file_posix.py",
    "src/net/file_unix.go": "net/file_unix.py",
    "src/net/splice_linux.go": "net/splice_linux.py",
    "src/net/sendfile.go": "net/sendfile.py",
    "src/net/sendfile_nonwindows.go": "net/sendfile_nonwindows.py",
    "src/net/interface.go": "net/interface.py",
    "src/net/interface_linux.go": "net/interface.py",
    "src/net/mac.go": "net/mac.py",
    "src/net/netip/netip.go": "net/netip.py",
    "src/internal/poll/splice_linux.go": "rt/poll/splice_linux.py",
    "src/internal/poll/sendfile_unix.go": "rt/poll/sendfile_unix.py",
    "src/internal/poll/fd_unixjs.go": "rt/poll/fd_unix.py",
    "src/internal/poll/fd_fsync_posix.go": "rt/poll/fd_unix.py",
    "src/os/file.go": "std/os/file.py",
    "src/os/file_unix.go": "std/os/file.py",
    "src/os/rawconn.go": "std/os/rawconn.py",
    "src/os/zero_copy_linux.go": "std/os/zero_copy_linux.py",
    "src/os/proc.go": "std/os/proc.py",
    "src/os/env.go": "std/os/env.py",
    "src/fmt/print.go": "std/fmt.py",
    "src/fmt/format.go": "std/fmt.py",
    "src/fmt/errors.go": "std/fmt.py",
    "src/fmt/scan.go": "std/fmt.py",
    "src/log/log.go": "std/log.py",
    "src/flag/flag.go": "std/flag.py",
    "src/strconv/number.go": "std/strconv/number.py",
    "src/strconv/quote.go": "std/strconv/quote.py",
    "src/internal/strconv/atob.go": "std/strconv/atob.py",
    "src/internal/strconv/atoc.go": "std/strconv/atoc.py",
    "src/internal/strconv/atof.go": "std/strconv/atof.py",
    "src/internal/strconv/atoi.go": "std/strconv/atoi.py",
    "src/internal/strconv/ctoa.go": "std/strconv/ctoa.py",
    "src/internal/strconv/ftoa.go": "std/strconv/ftoa.py",
    "src/internal/strconv/itoa.go": "std/strconv/itoa.py",
}

# The packages whose defs may mirror a Go function.
SEARCH_DIRS = ("rt", "net", "std")

# The source root: the directory holding rt/, net/ and std/.
ROOT = Path(__file__).resolve().parent.parent

_FUNC_RE = re.compile(
    r"^func\s*"
    r"(?:\(\s*(?:\w+\s+)?\*?\s*(?P<recv>\w+)\s*(?:\[[^\]]*\])?\s*\)\s*)?"
    r"(?P<name>\w+)\s*[\[(]"
)
_REF = r"(?<![\w./-])(?P<ref>(?:[\w.-]+/)*[\w-]+\.go)\b"
_LEAD_RE = re.compile(r"^\s*" + _REF + r":\s*(?P<head>.*)$")
_REF_NAME_RE = re.compile(_REF + r" (?P<name>\w+(?:\.\w+)?)\b")
_NAME_RE = re.compile(r"\w+(?:\.\w+)?")
_SEP_RE = re.compile(r"/| \+ ")
_TERM_RE = re.compile(r"$|\.(?:\s|$)|[,;:]| ?\(")
_BQ_NAME_RE = re.compile(r"^\(?\*?(\w+)\)?(?:\.(\w+))?(?:\(\))?$")
_LEFT_OUT_RE = re.compile(r"left out", re.IGNORECASE)
_BQ_RE = re.compile(r"``([^`]+)``")
_GROUP_SEP = r"\s*(?:,\s*and|,\s*or|,|/|and|or)\s*"
_GROUP_FWD_RE = re.compile(_GROUP_SEP + r"``[^`]+``")
_GROUP_BACK_RE = re.compile(r"``[^`]+``" + _GROUP_SEP + r"$")


@dataclass(frozen=True)
class GoFunc:
    """One top-level Go func or method of the data file."""

    path: str
    name: str
    line: int


@dataclass(frozen=True)
class PyDef:
    """A def whose docstring's first line names Go functions."""

    module: str
    line: int
    qualname: str
    first: str
    names: tuple[tuple[str, str], ...]  # (file reference, name)


@dataclass
class Row:
    """One Go function and what became of it."""

    fn: GoFunc
    mirrors: list[PyDef] = field(default_factory=list)
    omitted: str | None = None

    @property
    def status(self) -> str:
        if self.mirrors:
            return "mirrored"
        if self.omitted is not None:
            return "omitted"
        return "missing"

    def where(self) -> str:
        if self.mirrors:
            d = self.mirrors[0]
            more = f" (+{len(self.mirrors) - 1})" if len(self.mirrors) > 1 else ""
            return f"{d.module}:{d.line}{more}"
        if self.omitted is not None:
            return f"omitted: {self.omitted}"
        return "MISSING"


# --- the data file -----------------------------------------------------------


def parse_go(path: str, src: str) -> list[GoFunc]:
    """Every top-level func and method of one Go file, in file order."""
    out = []
    for i, line in enumerate(src.splitlines(), 1):
        m = _FUNC_RE.match(line)
        if m is None:
            continue
        name = m["name"] if m["recv"] is None else f"{m['recv']}.{m['name']}"
        out.append(GoFunc(path, name, i))
    return out


def regenerate(git_dir: str, commit: str, out: Path | None = None) -> Path:
    """Rewrite the data file from Go's source at commit in git_dir."""
    full = subprocess.run(
        ["git", f"--git-dir={git_dir}", "rev-parse", commit],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    lines = [
        f"# {GO_VERSION} ({full}): top-level funcs and methods, path<TAB>name<TAB>line.",
        f"# Generated by: python -m rt.gomap --regenerate GIT_DIR {commit}",
    ]
    for path in MIRRORS:
        src = subprocess.run(
            ["git", f"--git-dir={git_dir}", "show", f"{full}:{path}"],
            check=True, capture_output=True, text=True,
        ).stdout
        lines += [f"{f.path}\t{f.name}\t{f.line}" for f in parse_go(path, src)]
    if out is None:
        out = Path(__file__).resolve().with_name(DATA_FILE)
    out.write_text("\n".join(lines) + "\n")
    return out


def load(text: str | None = None) -> dict[str, list[GoFunc]]:
    """The data file: Go path -> its functions in file order."""
    if text is None:
        text = resources.files("rt").joinpath(DATA_FILE).read_text()
    out: dict[str, list[GoFunc]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].isdigit():
            raise ValueError(f"{DATA_FILE}:{n}: malformed line {line!r}")
        out.setdefault(parts[0], []).append(GoFunc(parts[0], parts[1], int(parts[2])))
    return out


# --- what a docstring names --------------------------------------------------


def refers(ref: str, path: str) -> bool:
    """Whether the file reference ref (rule 2) names the Go file at path."""
    return path == ref or path.endswith("/" + ref)


def resolve(ref: str, module: str, paths: Iterable[str]) -> list[str]:
    """The Go files (of paths, in order) the reference ref in module refers to (rule 2)."""
    fits = [p for p in paths if refers(ref, p)]
    if len(fits) > 1:
        own = [p for p in fits if MIRRORS.get(p) == module]
        fits = own or fits[:1]
    return fits


def named(first: str) -> list[tuple[str, str]]:
    """The (file reference, name) pairs a docstring's first line names (rules 3, 4)."""
    out: list[tuple[str, str]] = []
    m = _LEAD_RE.match(first)
    if m is not None:
        head, pos = m["head"], 0
        names: list[str] = []
        while True:
            nm = _NAME_RE.match(head, pos)
            if nm is None:
                names = []
                break
            names.append(nm[0])
            pos = nm.end()
            sep = _SEP_RE.match(head, pos)
            if sep is not None:
                pos = sep.end()
                continue
            if _TERM_RE.match(head, pos) is None:
                names = []
            break
        out += [(m["ref"], n) for n in names]
    prefix = first.split(": ", 1)[0] if ": " in first else ""
    out += [(r["ref"], r["name"]) for r in _REF_NAME_RE.finditer(prefix)]
    return out


_Def = ast.FunctionDef | ast.AsyncFunctionDef


def _defs(tree: ast.Module) -> Iterator[tuple[str, _Def]]:
    """Every def of a module with its dotted name (``Class.method``, ``f.inner``)."""

    def walk(node: ast.AST, prefix: str) -> Iterator[tuple[str, _Def]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                yield prefix + child.name, child
                yield from walk(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                yield from walk(child, prefix + child.name + ".")
            else:
                yield from walk(child, prefix)

    yield from walk(tree, "")


def scan_module(rel: str, src: str) -> list[PyDef]:
    """The defs of one module whose docstring's first line names a Go function."""
    out = []
    for qual, node in _defs(ast.parse(src)):
        doc = ast.get_docstring(node)
        if not doc:
            continue
        first = doc.splitlines()[0]
        names = named(first)
        if names:
            out.append(PyDef(rel, node.lineno, qual, first, tuple(names)))
    return out


def source_files(root: Path = ROOT) -> list[str]:
    """The modules searched for mirrors, as paths relative to root."""
    out: list[str] = []
    for d in SEARCH_DIRS:
        out += sorted(p.relative_to(root).as_posix() for p in (root / d).rglob("*.py"))
    return out


def scan(root: Path = ROOT) -> list[PyDef]:
    """Every def under SEARCH_DIRS that names a Go function."""
    out: list[PyDef] = []
    for rel in source_files(root):
        out += scan_module(rel, (root / rel).read_text())
    return out


# --- left-out sections -------------------------------------------------------


def left_out_sections(doc: str) -> list[str]:
    """The left-out sections of a module docstring."""
    paras = re.split(r"\n\s*\n", doc)
    out = []
    for i, para in enumerate(paras):
        for m in _LEFT_OUT_RE.finditer(para):
            text = para[m.start():]
            if para.rstrip().endswith(":"):
                for nxt in paras[i + 1:]:
                    if not nxt.lstrip().startswith(("* ", "- ")):
                        break
                    text += "\n\n" + nxt
            out.append(text)
    return out


def _bq_key(s: str) -> str | None:
    m = _BQ_NAME_RE.match(s.strip())
    if m is None:
        return None
    return m[1] if m[2] is None else f"{m[1]}.{m[2]}"


def _clip(s: str, n: int = 70) -> str:
    s = " ".join(s.replace("``", "").split()).strip(" ,;.")
    return s if len(s) <= n else s[: n - 3].rstrip() + "..."


def _top_level(text: str, pat: str) -> int:
    """The index of the first match of pat in text outside parentheses, or -1."""
    depth = 0
    for i, c in enumerate(text):
        depth += {"(": 1, ")": -1}.get(c, 0)
        if depth == 0 and re.match(pat, text[i:]):
            return i
    return -1


def _reason(sec: str, start: int, end: int) -> str:
    """The reason the left-out section sec gives for the name at sec[start:end]."""
    while (g := _GROUP_FWD_RE.match(sec, end)) is not None:
        end = g.end()
    while (g := _GROUP_BACK_RE.search(sec[:start])) is not None:
        start = g.start()
    rest = sec[end:].lstrip()
    # 1. A parenthesis right after the group.
    if rest.startswith("("):
        close = _top_level(rest, r"\)")
        return _clip(rest[1:close] if close > 0 else rest[1:])
    # 2. In a bullet ``names: reason``, the text after its first top-level ": ".
    heads = list(re.finditer(r"(?:^|\n)[ \t]*[*-] ", sec[:start]))
    if heads and not re.search(r"\n\s*\n", sec[heads[-1].end():start]):
        nxt = re.search(r"\n\s*[*-] |\n\s*\n", sec[end:])
        bullet = sec[heads[-1].end(): end + nxt.start() if nxt else len(sec)]
        colon = _top_level(bullet, r":\s")
        if colon >= 0:
            return _clip(bullet[colon + 1:])
    # 3. A ":" right after the group: the text after it, to the end of the sentence.
    if rest.startswith(":"):
        stop = _top_level(rest[1:], r";|\.(?:\s|$)")
        return _clip(rest[1:stop + 1] if stop >= 0 else rest[1:])
    # 4. The clause around the group, if it says more than the names.
    c0 = max(sec.rfind(c, 0, start) for c in (",", ";", ":", "(", ". "))
    tail = sec[end:]
    stop = _top_level(tail, r"[,;]|\.(?:\s|$)")
    clause = sec[c0 + 1: end] + (tail[:stop] if stop >= 0 else tail)
    clause = re.sub(r"^\W*(?:and|or)\s+", "", clause, flags=re.IGNORECASE)
    if _BQ_RE.sub("", clause).strip(" ,/\n").replace("and", "").replace("or", "").strip():
        return _clip(clause)
    return ""


def omissions(doc: str) -> dict[str, str]:
    """Names (``name`` or ``Type.method``) a module docstring leaves out -> reason."""
    out: dict[str, str] = {}
    for sec in left_out_sections(doc):
        for m in _BQ_RE.finditer(sec):
            key = _bq_key(m[1])
            if key is not None and key not in out:
                out[key] = _reason(sec, m.start(), m.end()) or "(no reason given)"
    return out


# --- the map -----------------------------------------------------------------


def build(
    data: dict[str, list[GoFunc]] | None = None,
    defs: Sequence[PyDef] | None = None,
    root: Path = ROOT,
) -> dict[str, list[Row]]:
    """Go path -> one Row per Go function."""
    if data is None:
        data = load()
    if defs is None:
        defs = scan(root)
    out: dict[str, list[Row]] = {}
    for path, funcs in data.items():
        mod = MIRRORS.get(path)
        mine = sorted(
            (d for d in defs if any(path in resolve(r, d.module, data) for r, _ in d.names)),
            key=lambda d: (d.module != mod, d.module, d.line),
        )
        omit: dict[str, str] = {}
        if mod is not None and (root / mod).exists():
            omit = omissions(ast.get_docstring(ast.parse((root / mod).read_text())) or "")
        rows = []
        for fn in funcs:
            row = Row(fn, [d for d in mine
                           if any(n == fn.name and path in resolve(r, d.module, data)
                                  for r, n in d.names)])
            if not row.mirrors:
                row.omitted = omit.get(fn.name)
            rows.append(row)
        out[path] = rows
    return out


def unknown_names(
    data: dict[str, list[GoFunc]], defs: Iterable[PyDef]
) -> list[tuple[PyDef, str, str]]:
    """(def, Go path, name) for every name a docstring gives that its Go file lacks."""
    out = []
    for d in defs:
        for ref, name in d.names:
            for path in resolve(ref, d.module, data):
                if name not in {f.name for f in data[path]}:
                    out.append((d, path, name))
    return out


def summary(rows: Sequence[Row]) -> tuple[int, int, int, int, float]:
    """(functions, mirrored, omitted, missing, coverage %)."""
    n = len(rows)
    mir = sum(r.status == "mirrored" for r in rows)
    om = sum(r.status == "omitted" for r in rows)
    cov = 100.0 * (mir + om) / n if n else 100.0
    return n, mir, om, n - mir - om, cov


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m rt.gomap", description=__doc__.split("\n")[0])
    ap.add_argument("--file", help="one Go file: a basename (proc.go) or path suffix")
    ap.add_argument("--missing", action="store_true", help="print only the missing functions")
    ap.add_argument("--regenerate", nargs=2, metavar=("GIT_DIR", "COMMIT"),
                    help=f"rewrite {DATA_FILE} from Go's source")
    args = ap.parse_args(argv)
    if args.regenerate:
        print(regenerate(*args.regenerate))
        return 0
    rows = build()
    paths = [p for p in rows if args.file is None or refers(args.file, p)]
    if not paths:
        print(f"no Go file matches {args.file!r}; known: {', '.join(rows)}", file=sys.stderr)
        return 2
    for path in paths:
        shown = [r for r in rows[path] if not args.missing or r.status == "missing"]
        if args.missing and not shown:
            continue
        print(f"== {path} ({MIRRORS.get(path, '?')})")
        width = max(len(r.fn.name) for r in shown)
        for r in shown:
            print(f"  {r.fn.name:<{width}}  {r.fn.line:>5}  {r.where()}")
        print()
    print("summary (coverage = (mirrored + omitted) / functions):")
    w = max(len(p) for p in paths)
    print(f"  {'file':<{w}}  {'funcs':>5}  {'mirrored':>8}  {'omitted':>7}  {'missing':>7}  cover")
    for path in paths:
        n, mir, om, miss, cov = summary(rows[path])
        print(f"  {path:<{w}}  {n:>5}  {mir:>8}  {om:>7}  {miss:>7}  {cov:5.1f}%")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # python -m rt.gomap | head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
