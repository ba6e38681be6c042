"""A table to typeset, whatever the format (Word, LaTeX): caption, header, cells made of
paragraphs of styled runs; and how wide its columns should be.

Column widths follow the automatic table layout of HTML and LaTeX's tabulary: no column is
narrower than its longest word (so a heading never breaks inside a word), and the room left
is shared in proportion to how much wider each column's text would like to be. Text is
measured with the font metrics of DejaVu Sans, which matplotlib ships: it is wider than
Calibri, Carlito, Arial and Liberation Sans, so a column wide enough for it is wide enough in
Word and in LibreOffice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

PADDING = 12.0  # points per cell: Word's default cell margins (2 × 0.08") and a little air
NARROWEST_TEXT = 72.0  # points: a column of running text narrower than an inch is unreadable
SLACK = 1.05  # rendered text runs a little wider than the sum of unhinted advances
ROUNDING = 1.0  # points: Word stores widths in twentieths of a point, rounded


@dataclass(frozen=True)
class Run:
    """Text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    small: bool = False  # a size step below the cell's


Paragraph = tuple  # of Run


@dataclass
class Grid:
    """A table: ``caption`` (without «Tabell 4-1»), ``number`` (the table's id, or None to
    number it in sequence), ``header`` (one text per column), ``rows`` (cells: lists of
    paragraphs), and which columns hold numbers (centred)."""

    caption: str
    number: str | None
    header: list[str]
    rows: list[list[list[Paragraph]]] = field(default_factory=list)
    numeric: frozenset[int] = frozenset()
    label: str = ""  # a key for cross-references (LaTeX \label)


def plain(text: str, **style) -> list[Paragraph]:
    """A cell of one paragraph per line of ``text``, in one style."""
    return [(Run(line, **style),) for line in str(text).split("\n")]


@lru_cache(maxsize=4)
def _advances(bold: bool) -> tuple[dict, object]:
    from matplotlib import ft2font
    from matplotlib.font_manager import FontProperties, findfont, get_font

    font = get_font(findfont(FontProperties(family="DejaVu Sans",
                                            weight="bold" if bold else "normal")))
    font.set_size(100, 72)
    flags = getattr(getattr(ft2font, "LoadFlags", None), "NO_HINTING", None)
    if flags is None:
        flags = ft2font.LOAD_NO_HINTING
    return {}, (font, flags)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` set in DejaVu Sans at ``size`` points, in points (kerning left out,
    which only makes it wider)."""
    cache, (font, flags) = _advances(bold)
    total = 0.0
    for ch in text:
        if ch not in cache:
            cache[ch] = font.load_char(ord(ch), flags=flags).linearHoriAdvance / 65536 / 100
        total += cache[ch]
    return total * size * SLACK


_WORD = re.compile(r"\S+")


def widest_word(text: str, size: float, bold: bool = False) -> float:
    return max((text_width(w, size, bold) for w in _WORD.findall(text)), default=0.0)


def column_widths(grid: Grid, available: float, body: float, head: float,
                  smallest_head: float = 7.0) -> tuple[list[float], float]:
    """Column widths in points that fill ``available``, and the heading size to use.

    No column is narrower than its widest word: a heading's at ``head`` size, bold, and,
    while there is room for them, a cell's at ``body`` size. When the headings' words alone
    do not fit, the heading size steps down to ``smallest_head``, and only then do columns
    get narrower than a word (``split_wide`` first makes a table that wide into several).
    """
    n = len(grid.header)
    size = head
    low, high = _limits(grid, body, size)
    while sum(low) > available:
        low, high = _limits(grid, body, size, cells=False)
        if sum(low) <= available or size <= smallest_head:
            break
        size -= 0.5
    if sum(low) > available:  # nothing fits: share in proportion to the minimums
        return [available * w / sum(low) for w in low], size
    room = sum(high) - sum(low)
    if room <= 0:
        extra = (available - sum(low)) / n
        return [w + extra for w in low], size
    share = min(1.0, (available - sum(low)) / room)
    widths = [lo + (hi - lo) * share for lo, hi in zip(low, high)]
    left = available - sum(widths)  # all text fits on one line: widen in proportion
    return [w + left * w / sum(widths) for w in widths], size


def _limits(grid: Grid, body: float, head: float,
            cells: bool = True) -> tuple[list[float], list[float]]:
    """Each column's narrowest width (its widest word, with the cells' words when
    ``cells``) and its natural width (its longest line), in points."""
    low = [widest_word(h, head, True) + PADDING + ROUNDING for h in grid.header]
    high = [text_width(h, head, True) + PADDING for h in grid.header]
    small = body - 1
    for row in grid.rows:
        for j, cell in enumerate(row):
            for paragraph in cell:
                line = 0.0
                for run in paragraph:
                    size = small if run.small else body
                    if cells:
                        low[j] = max(low[j], widest_word(run.text, size, run.bold) + PADDING
                                     + ROUNDING)
                    line += text_width(run.text, size, run.bold)
                high[j] = max(high[j], line + PADDING)
    return low, [max(lo, hi) for lo, hi in zip(low, high)]


def split_wide(grid: Grid, available: float, body: float, head: float,
               part: str = "({i}/{n})") -> list[Grid]:
    """``grid`` as one table, or, when its columns cannot all get their widest word (and a
    text column an inch), as several tables that each repeat the first column and take as
    many of the next columns as fit; ``part`` («del {i} av {n}») follows each caption."""
    low, _ = _limits(grid, body, head, cells=False)

    def need(j: int) -> float:
        return low[j] if j in grid.numeric else max(low[j], NARROWEST_TEXT)

    groups: list[list[int]] = [[]]
    for j in range(1, len(grid.header)):
        if groups[-1] and need(0) + sum(need(k) for k in groups[-1] + [j]) > available:
            groups.append([])
        groups[-1].append(j)
    if len(groups) == 1:
        return [grid]
    parts = []
    for i, cols in enumerate(groups, start=1):
        keep = [0, *cols]
        parts.append(Grid(f"{grid.caption} {part.format(i=i, n=len(groups))}", grid.number,
                          [grid.header[j] for j in keep],
                          [[row[j] for j in keep] for row in grid.rows],
                          frozenset(n for n, j in enumerate(keep) if j in grid.numeric),
                          f"{grid.label}-{i}" if grid.label else ""))
    return parts
