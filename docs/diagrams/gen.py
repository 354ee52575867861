"""Draw the state-machine diagrams of docs/ as SVG, from docs/diagrams/*.txt.

Usage::

    python docs/diagrams/gen.py            # rewrite every NAME.svg from NAME.txt
    python docs/diagrams/gen.py --check    # exit 1 if any NAME.svg is out of date

Standard library only, and deterministic: the same description always gives
the same bytes, so tests/docs/test_diagrams.py can regenerate the drawings
and compare them with the checked-in files.

The description format, one directive per line::

    title   <text>
    note    <text>                          a footnote line under the drawing
    layout  colgap=<px> rowgap=<px>         optional spacing between grid cells
    state   <id> <col> <row> <name> [| <line> ...]
    edge    <from> -> <to> [bend=<px>] [at=<0..1>] [side=<s>] [dashed] : <label> [| <line> ...]

Each directive is one line; lines starting with ``#`` are comments.

A state is a box placed in grid cell (col, row), both counted from 0; a
column is as wide as its widest box and a row as tall as its tallest, so
the layout needs no search and cannot change between runs. ``name`` is the
bold first line; ``|`` separates further lines, in a smaller face. An edge
is a straight arrow between the two boxes' borders, or, with ``bend``, a
curve whose middle is pushed ``bend`` pixels to the left of the direction of
travel (negative: to the right); use it to separate the two directions
between a pair of states; the label of a bent edge sits beside the curve,
on the side it bends to. ``at`` places the label along the edge (0.5, the
middle, by default). An edge from a state to itself is a loop on one side
of the box: ``side`` is top (the default), bottom, left or right.
``dashed`` draws the edge in grey dashes, for paths that are not Go's.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent

FONT = "DejaVu Sans Mono, Menlo, Consolas, monospace"
CHAR = 0.602  # advance width of a monospace glyph, in ems
TITLE_PX, NAME_PX, TEXT_PX, LABEL_PX = 16, 14, 11, 11
LINE = 1.3  # line height, in ems
PAD = 10  # inside a box, and around a label
MARGIN = 24
INK, BOX, FILL, GREY = "#1d2a38", "#35608f", "#eef4fb", "#7a7a7a"


@dataclass
class State:
    """One box: grid cell, bold name, further lines; size and centre filled in by layout."""

    id: str
    col: int
    row: int
    name: str
    lines: list[str]
    w: float = 0.0
    h: float = 0.0
    x: float = 0.0
    y: float = 0.0


@dataclass
class Edge:
    """One arrow, with its label lines and drawing options."""

    src: str
    dst: str
    label: list[str]
    bend: float = 0.0
    at: float = 0.5
    dashed: bool = False
    side: str = "top"


@dataclass
class Diagram:
    """A parsed description."""

    title: str = ""
    notes: list[str] = field(default_factory=list)
    colgap: float = 200.0
    rowgap: float = 120.0
    states: dict[str, State] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)


def parse(text: str, where: str = "<text>") -> Diagram:
    """Read a description (see the module docstring); errors name the line."""
    d = Diagram()
    for num, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        rest = rest.strip()
        try:
            if word == "title":
                d.title = rest
            elif word == "note":
                d.notes.append(rest)
            elif word == "layout":
                for opt in rest.split():
                    k, _, v = opt.partition("=")
                    if k == "colgap":
                        d.colgap = float(v)
                    elif k == "rowgap":
                        d.rowgap = float(v)
                    else:
                        raise ValueError(f"unknown layout option {k!r}")
            elif word == "state":
                sid, col, row, body = rest.split(None, 3)
                parts = [p.strip() for p in body.split("|")]
                if sid in d.states:
                    raise ValueError(f"state {sid!r} defined twice")
                d.states[sid] = State(sid, int(col), int(row), parts[0], parts[1:])
            elif word == "edge":
                head, sep, label = rest.partition(":")
                if not sep:
                    raise ValueError("edge needs ': label'")
                toks = head.split()
                if len(toks) < 3 or toks[1] != "->":
                    raise ValueError("edge needs '<from> -> <to>'")
                e = Edge(toks[0], toks[2], [p.strip() for p in label.split("|")])
                for opt in toks[3:]:
                    k, _, v = opt.partition("=")
                    if k == "bend":
                        e.bend = float(v)
                    elif k == "at":
                        e.at = float(v)
                    elif k == "dashed":
                        e.dashed = True
                    elif k == "side" and v in ("top", "bottom", "left", "right"):
                        e.side = v
                    else:
                        raise ValueError(f"unknown edge option {k!r}")
                for sid in (e.src, e.dst):
                    if sid not in d.states:
                        raise ValueError(f"edge names unknown state {sid!r}")
                d.edges.append(e)
            else:
                raise ValueError(f"unknown directive {word!r}")
        except ValueError as exc:
            raise SystemExit(f"{where}:{num}: {exc}") from None
    return d


def _textw(s: str, px: float) -> float:
    return len(s) * CHAR * px


def layout(d: Diagram) -> tuple[float, float]:
    """Size every box and centre it in its grid cell; return the canvas size.

    The grid comes first; then everything drawn (boxes, curves, labels) is
    measured, and the whole drawing is moved so that it starts below the
    title and inside the margin.
    """
    for s in d.states.values():
        s.w = max([_textw(s.name, NAME_PX)] + [_textw(t, TEXT_PX) for t in s.lines]) + 2 * PAD
        s.h = NAME_PX * LINE + len(s.lines) * TEXT_PX * LINE + 2 * PAD
    ncol = max(s.col for s in d.states.values()) + 1
    nrow = max(s.row for s in d.states.values()) + 1
    colw = [max([s.w for s in d.states.values() if s.col == c] or [0.0]) for c in range(ncol)]
    rowh = [max([s.h for s in d.states.values() if s.row == r] or [0.0]) for r in range(nrow)]
    xs, x = [], 0.0
    for c in range(ncol):
        xs.append(x + colw[c] / 2)
        x += colw[c] + d.colgap
    ys, y = [], 0.0
    for r in range(nrow):
        ys.append(y + rowh[r] / 2)
        y += rowh[r] + d.rowgap
    for s in d.states.values():
        s.x, s.y = xs[s.col], ys[s.row]
    x0, y0, x1, y1 = _bbox(d)
    top = MARGIN + (TITLE_PX * 2 if d.title else 0)
    for s in d.states.values():
        s.x += MARGIN - x0
        s.y += top - y0
    width = x1 - x0 + 2 * MARGIN
    height = top + (y1 - y0) + MARGIN + (len(d.notes) * TEXT_PX * LINE + 12 if d.notes else 0)
    if d.title:
        width = max(width, _textw(d.title, TITLE_PX) + 2 * MARGIN)
    if d.notes:
        width = max(width, max(_textw(t, TEXT_PX) for t in d.notes) + 2 * MARGIN)
    return width, height


def _bbox(d: Diagram) -> tuple[float, float, float, float]:
    """The extent of everything drawn: boxes, sampled curves, label backgrounds."""
    xs: list[float] = []
    ys: list[float] = []
    for s in d.states.values():
        xs += [s.x - s.w / 2, s.x + s.w / 2]
        ys += [s.y - s.h / 2, s.y + s.h / 2]
    for e in d.edges:
        p0, p1, p2 = _geometry(d, e)
        for i in range(11):
            bx, by = _bez(p0, p1, p2, i / 10)
            xs.append(bx)
            ys.append(by)
        lx, ly = _labelpos(d, e)
        lw, lh = _labelsize(e)
        xs += [lx - lw / 2, lx + lw / 2]
        ys += [ly - lh / 2, ly + lh / 2]
    return min(xs), min(ys), max(xs), max(ys)


def _clip(s: State, tx: float, ty: float) -> tuple[float, float]:
    """Where the ray from s's centre towards (tx, ty) leaves s's box."""
    dx, dy = tx - s.x, ty - s.y
    if dx == 0 and dy == 0:
        return s.x, s.y
    sx = (s.w / 2 + 4) / abs(dx) if dx else math.inf
    sy = (s.h / 2 + 4) / abs(dy) if dy else math.inf
    k = min(sx, sy)
    return s.x + dx * k, s.y + dy * k


def _geometry(d: Diagram, e: Edge) -> tuple[tuple[float, float], tuple[float, float],
                                            tuple[float, float]]:
    """Start, control and end point of an edge's quadratic curve."""
    a, b = d.states[e.src], d.states[e.dst]
    if a is b:
        if e.side == "left":
            x = a.x - a.w / 2
            return (x, a.y - 12), (x - 80, a.y), (x, a.y + 12)
        if e.side == "right":
            x = a.x + a.w / 2
            return (x, a.y - 12), (x + 80, a.y), (x, a.y + 12)
        if e.side == "bottom":
            y = a.y + a.h / 2
            return (a.x - 22, y), (a.x, y + 70), (a.x + 22, y)
        top = a.y - a.h / 2
        return (a.x - 22, top), (a.x, top - 70), (a.x + 22, top)
    mx, my = (a.x + b.x) / 2, (a.y + b.y) / 2
    dx, dy = b.x - a.x, b.y - a.y
    n = math.hypot(dx, dy)
    # Left of the direction of travel, in screen coordinates (y grows down).
    cx, cy = mx + dy / n * e.bend * 2, my - dx / n * e.bend * 2
    p0 = _clip(a, cx, cy)
    p2 = _clip(b, cx, cy)
    return p0, (cx, cy), p2


def _bez(p0: tuple[float, float], p1: tuple[float, float], p2: tuple[float, float],
         t: float) -> tuple[float, float]:
    u = 1 - t
    return (u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
            u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1])


def _labelsize(e: Edge) -> tuple[float, float]:
    return (max(_textw(t, LABEL_PX) for t in e.label) + PAD,
            len(e.label) * LABEL_PX * LINE + 4)


def _labelpos(d: Diagram, e: Edge) -> tuple[float, float]:
    """The centre of an edge's label: on a straight edge, over the line; on a
    bent one, beside the curve on the side it bends to, so that the labels
    of two edges bent apart between one pair of states do not overlap."""
    p0, p1, p2 = _geometry(d, e)
    if e.src == e.dst:
        # Beyond the loop's far end (its curve reaches half way to p1).
        lw, lh = _labelsize(e)
        mx, my = (p0[0] + p2[0]) / 2, (p0[1] + p2[1]) / 2
        fx, fy = (mx + p1[0]) / 2, (my + p1[1]) / 2
        if e.side == "left":
            return fx - lw / 2 - 4, fy
        if e.side == "right":
            return fx + lw / 2 + 4, fy
        if e.side == "bottom":
            return fx, fy + lh / 2 + 4
        return fx, fy - lh / 2 - 4
    x, y = _bez(p0, p1, p2, e.at)
    if e.bend == 0:
        return x, y
    a, b = d.states[e.src], d.states[e.dst]
    dx, dy = b.x - a.x, b.y - a.y
    n = math.hypot(dx, dy)
    sign = 1.0 if e.bend > 0 else -1.0
    nx, ny = dy / n * sign, -dx / n * sign
    lw, lh = _labelsize(e)
    shift = abs(nx) * lw / 2 + abs(ny) * lh / 2 + 3
    return x + nx * shift, y + ny * shift


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def render(d: Diagram, source: str) -> str:
    """The SVG text of a diagram."""
    width, height = layout(d)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<!-- Generated by docs/diagrams/gen.py from {source}; edit that file, not this one. -->",
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(width)}" height="{_f(height)}" '
        f'viewBox="0 0 {_f(width)} {_f(height)}" font-family="{FONT}">',
        "<defs>",
        f'<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        f'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{INK}"/></marker>',
        f'<marker id="arrowgrey" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        f'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{GREY}"/></marker>',
        "</defs>",
        f'<rect width="{_f(width)}" height="{_f(height)}" fill="#ffffff"/>',
    ]
    if d.title:
        out.append(f'<text x="{MARGIN}" y="{_f(MARGIN + TITLE_PX)}" font-size="{TITLE_PX}" '
                   f'font-weight="bold" fill="{INK}">{escape(d.title)}</text>')
    # Edges first, so boxes and labels are drawn over their ends.
    for e in d.edges:
        p0, p1, p2 = _geometry(d, e)
        colour = GREY if e.dashed else INK
        dash = ' stroke-dasharray="6 4"' if e.dashed else ""
        marker = "arrowgrey" if e.dashed else "arrow"
        out.append(f'<path d="M{_f(p0[0])},{_f(p0[1])} Q{_f(p1[0])},{_f(p1[1])} '
                   f'{_f(p2[0])},{_f(p2[1])}" fill="none" stroke="{colour}" '
                   f'stroke-width="1.4"{dash} marker-end="url(#{marker})"/>')
    for s in d.states.values():
        out.append(f'<rect x="{_f(s.x - s.w / 2)}" y="{_f(s.y - s.h / 2)}" width="{_f(s.w)}" '
                   f'height="{_f(s.h)}" rx="8" fill="{FILL}" stroke="{BOX}" stroke-width="1.6"/>')
        ty = s.y - s.h / 2 + PAD + NAME_PX
        out.append(f'<text x="{_f(s.x)}" y="{_f(ty)}" font-size="{NAME_PX}" font-weight="bold" '
                   f'text-anchor="middle" fill="{INK}">{escape(s.name)}</text>')
        for t in s.lines:
            ty += TEXT_PX * LINE
            out.append(f'<text x="{_f(s.x)}" y="{_f(ty)}" font-size="{TEXT_PX}" '
                       f'text-anchor="middle" fill="{INK}">{escape(t)}</text>')
    for e in d.edges:
        lx, ly = _labelpos(d, e)
        lw, lh = _labelsize(e)
        colour = GREY if e.dashed else INK
        out.append(f'<rect x="{_f(lx - lw / 2)}" y="{_f(ly - lh / 2)}" width="{_f(lw)}" '
                   f'height="{_f(lh)}" rx="3" fill="#ffffff" fill-opacity="0.92"/>')
        ty = ly - lh / 2 + 2 + LABEL_PX
        for t in e.label:
            out.append(f'<text x="{_f(lx)}" y="{_f(ty)}" font-size="{LABEL_PX}" '
                       f'text-anchor="middle" fill="{colour}">{escape(t)}</text>')
            ty += LABEL_PX * LINE
    ny = height - MARGIN - len(d.notes) * TEXT_PX * LINE + TEXT_PX
    for t in d.notes:
        out.append(f'<text x="{MARGIN}" y="{_f(ny)}" font-size="{TEXT_PX}" '
                   f'fill="{INK}">{escape(t)}</text>')
        ny += TEXT_PX * LINE
    out.append("</svg>")
    return "\n".join(out) + "\n"


def sources(folder: Path = HERE) -> list[Path]:
    """The descriptions in a folder, in name order."""
    return sorted(folder.glob("*.txt"))


def generate(src: Path) -> str:
    """The SVG for one description file."""
    return render(parse(src.read_text(encoding="utf-8"), src.name), src.name)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for src in sources():
        svg = generate(src)
        dst = src.with_suffix(".svg")
        if check:
            if not dst.exists() or dst.read_text(encoding="utf-8") != svg:
                stale.append(dst.name)
        else:
            dst.write_text(svg, encoding="utf-8")
            print(f"wrote {dst.relative_to(HERE.parent.parent)}")
    if stale:
        print("out of date (run python docs/diagrams/gen.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
