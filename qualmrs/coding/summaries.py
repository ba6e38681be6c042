"""Summaries read from a file: the grid qualmrs writes (``qualmrs summaries``), filled in a
spreadsheet, or a long table written by hand (``case, theme, summary, quotes, coder``).

The grid's first sheet holds a row per case and a column per theme (key or name), each cell a
summary; its second sheet lists the coded quotes, ``x`` in ``in_summary`` linking a quote to
its cell's summary; a hidden third sheet holds the summaries as the grid was written, so that
importing applies only the cells changed since (an emptied cell removes its summary). In the
long table, ``quotes`` holds words from each quote the summary rests on, separated by ``|``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ImportError_, Problem, did_you_mean
from ..model import Codebook
from .csvfile import read_rows
from .origins import Item
from .sheet import MARKS

QUOTE_COLUMNS = ("id", "case", "theme", "code", "document", "start", "end", "quote", "memo",
                 "in_summary")
BASE_COLUMNS = ("case", "theme", "coder", "text", "quotes")
LONG = ("case", "theme", "summary")
LONG_OPTIONAL = ("quotes", "coder")
BASE_SHEET = "qualmrs"


@dataclass(frozen=True)
class CellQuote:
    """A coded quote a summary may rest on (one of the coder's manual codings)."""

    id: int
    case: str
    code: str
    document: str
    start: int
    end: int
    text: str
    coder: str

    def belongs(self, case: str, theme: str) -> bool:
        """Whether the quote is in the cell of ``case`` and ``theme`` (a theme holds its
        sub-codes' quotes)."""
        return self.case == case and (self.code == theme or self.code.startswith(theme + "."))


def summary_item(case: str, theme: str, coder: str, text: str, quotes) -> Item:
    return Item(f"{case}|{theme}", "summary", {"case": case, "theme": theme, "coder": coder,
                                               "text": text, "quotes": sorted(set(quotes))})


def read_summaries(path: str | Path, codebook: Codebook, cases: set[str],
                   quotes: list[CellQuote], coder: str | None = None
                   ) -> tuple[list[Item], list[tuple[str, Item]] | None]:
    """The summaries a grid or long table states, and the grid's cells as it was written.

    Args:
        quotes: the manual codings' quotes (to link by id or by words of the quote).
        coder: whose summaries these are (the long table's ``coder`` column otherwise; a grid
            falls back on the coder it was written for).

    Returns:
        (items now, (key, item) of the grid as written, or None: a hand-made file).

    Raises:
        ImportError_: unknown cases, themes or quotes, marks that are not ``x``, no coder;
            every problem at once, with its sheet row.
    """
    path = Path(path)
    first = read_rows(path, (), extra_ok=True)
    header = list(first[0][1]) if first else []
    if "summary" in header or (not header and path.suffix.lower() != ".xlsx"):
        return _long(path, codebook, cases, quotes, coder), None
    base, base_coder = _base(path)
    who = coder or base_coder
    if not who:
        raise ImportError_("no coder: give --coder", path=path)
    items = _grid(path, header, first, codebook, cases, quotes, who)
    return items, (base if base_coder == who else None)


def _themes(codebook: Codebook) -> dict[str, str]:
    """Column heading (key or name, folded) → code key."""
    out = {}
    for c in codebook.codes:
        out.setdefault(c.name.casefold(), c.key)
        out[c.key.casefold()] = c.key
    return out


def _grid(path, header, rows, codebook, cases, quotes, coder) -> list[Item]:
    problems: list[Problem] = []
    themes = _themes(codebook)
    columns = {}
    for h in header[1:]:
        if h and h not in themes:
            problems.append(Problem(f"unknown theme '{h}'; {did_you_mean(h, set(themes))}",
                                    str(path), row=1, key=h))
        elif h:
            columns[h] = themes[h]
    texts = {}
    for n, row in rows:
        case = row[header[0]]
        if case not in cases:
            problems.append(Problem(f"unknown case '{case}'; {did_you_mean(case, cases)}",
                                    str(path), row=n, key=header[0]))
            continue
        for h, key in columns.items():
            if row.get(h, "").strip():
                texts[case, key] = row[h].strip()
    links = _marked(path, [q for q in quotes if q.coder == coder], problems)
    if problems:
        raise ImportError_(problems=problems)
    return [summary_item(case, theme, coder, text,
                         [q.id for q in links if q.belongs(case, theme)])
            for (case, theme), text in texts.items()]


def _marked(path: Path, quotes: list[CellQuote], problems: list[Problem]) -> list[CellQuote]:
    """The quotes marked ``x`` on the grid's quote sheet, found by id (checked against their
    document and place) or, failing that, by document, place and code."""
    if path.suffix.lower() != ".xlsx" or _sheet_count(path) < 2:
        return []
    by_id = {q.id: q for q in quotes}
    by_place = {(q.document, q.start, q.end, q.code): q for q in quotes}
    out = []
    for n, row in read_rows(path, ("id", "in_summary"), QUOTE_COLUMNS, extra_ok=True, sheet=1):
        mark = row["in_summary"].strip().lower()
        if not mark:
            continue
        if mark not in MARKS:
            problems.append(Problem(f"mark a quote with x, not '{row['in_summary']}'",
                                    f"{path} (sheet 2)", row=n, key="in_summary"))
            continue
        quote = by_id.get(_int(row["id"]))
        place = (row.get("document", ""), _int(row.get("start")), _int(row.get("end")),
                 row.get("code", ""))
        if quote is None or (place[0] and place[:3] != (quote.document, quote.start,
                                                       quote.end)):
            quote = by_place.get(place)
        if quote is None:
            problems.append(Problem("no such coded quote of this coder (coded again or "
                                    "removed since the grid was written?)",
                                    f"{path} (sheet 2)", row=n, key="id"))
        else:
            out.append(quote)
    return out


def _int(value) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _sheet_count(path: Path) -> int:
    from openpyxl import load_workbook

    return len(load_workbook(path, read_only=True).sheetnames)


def _base(path: Path) -> tuple[list[tuple[str, Item]], str | None]:
    """The grid's cells as qualmrs wrote them (hidden sheet), and their coder."""
    if path.suffix.lower() != ".xlsx":
        return [], None
    from openpyxl import load_workbook

    names = load_workbook(path, read_only=True).sheetnames
    if BASE_SHEET not in names:
        return [], None
    rows = read_rows(path, BASE_COLUMNS, extra_ok=True, sheet=names.index(BASE_SHEET))
    coders = {r["coder"] for _, r in rows}
    items = []
    for n, r in rows:
        try:
            quotes = [int(i) for i in json.loads(r["quotes"] or "[]")]
        except (ValueError, TypeError):
            raise ImportError_("the hidden sheet of the grid was changed; write the grid "
                               "again with 'qualmrs summaries'", path=f"{path} (sheet "
                               f"{BASE_SHEET})", row=n, key="quotes") from None
        items.append(summary_item(r["case"], r["theme"], r["coder"], r["text"], quotes))
    return [(i.anchor, i) for i in items], (coders.pop() if len(coders) == 1 else None)


def _long(path, codebook, cases, quotes, coder) -> list[Item]:
    """``case, theme, summary[, quotes, coder]``: quotes by words of each, ``|`` between."""
    problems, items, seen = [], [], {}
    themes = _themes(codebook)
    for n, row in read_rows(path, LONG, LONG_OPTIONAL):
        def bad(message, key):
            problems.append(Problem(message, str(path), row=n, key=key))

        who = coder or row.get("coder", "")
        theme = themes.get(row["theme"].casefold())
        if not who:
            bad("no coder: fill the coder column or give --coder", "coder")
        if row["case"] not in cases:
            bad(f"unknown case '{row['case']}'; {did_you_mean(row['case'], cases)}", "case")
        if theme is None:
            bad(f"unknown theme '{row['theme']}'; {did_you_mean(row['theme'], set(themes))}",
                "theme")
        if problems and problems[-1].row == n:
            continue
        if (row["case"], theme, who) in seen:
            bad(f"case {row['case']} has a summary of {theme} in row "
                f"{seen[row['case'], theme, who]} already", "theme")
            continue
        seen[row["case"], theme, who] = n
        ids = []
        for words in filter(None, (w.strip() for w in row.get("quotes", "").split("|"))):
            found = [q for q in quotes if q.coder == who and q.belongs(row["case"], theme)
                     and _folded(words) in _folded(q.text)]
            if len(found) != 1:
                bad(f"«{words}» is in {len(found)} coded quotes of case {row['case']} on "
                    f"{theme}, not 1" + ("; quote more of it" if found else ""), "quotes")
            else:
                ids.append(found[0].id)
        if row["summary"]:
            items.append(summary_item(row["case"], theme, who, row["summary"], ids))
    if problems:
        raise ImportError_(problems=problems)
    return items


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())
