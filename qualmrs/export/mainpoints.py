"""The matrix of main points (cases × themes, a summary per cell) as DOCX, LaTeX, XLSX, CSV
and Markdown, and the grid a researcher fills in to write the summaries (XLSX).

A cell without a summary shows its number of quotes and its shortest quote, whole. A summary
names the quotes it rests on by number (the coding id, as ``qualmrs codings`` lists them);
an appendix table gives those quotes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..coding.summaries import BASE_COLUMNS, BASE_SHEET, QUOTE_COLUMNS
from ..lang.words import count_quotes, words
from .layout import Grid, Run, plain
from .matrix import grids_tex, matrix_format, style_sheet, write_grids_docx
from .output import outputs
from .spreadsheet import append, csv_text



def cell_text(point, language: str) -> str:
    """A cell as plain text: the summary and «(Sitat 12, 15)», or «3 sitater: «…»»."""
    w = words(language)
    if point.summary is not None:
        refs = w["quote_refs"].format(ids=", ".join(map(str, point.quotes)))
        return point.summary + (f" ({refs})" if point.quotes else "")
    if not point.n_quotes:
        return ""
    return f"({count_quotes(language, point.n_quotes)}) «{point.shortest}»"


def main_points_grids(points: pd.DataFrame, quotes: pd.DataFrame) -> list[Grid]:
    """The matrix of main points to typeset, and the quotes its summaries rest on."""
    language = points.attrs.get("language", "nb")
    w = words(language)
    names = points.attrs.get("names", {})
    grid = Grid(w["main_points"], None, [w["case"], *[names.get(k, k) for k in points.columns]],
                label="hovedpunkter")
    linked: set[int] = set()
    for case, row in points.iterrows():
        cells = [plain(case, bold=True)]
        for point in row:
            if point.summary is not None:
                cell = [(Run(line),) for line in point.summary.split("\n") if line.strip()]
                if point.quotes:
                    refs = w["quote_refs"].format(ids=", ".join(map(str, point.quotes)))
                    cell.append((Run(f"({refs})", italic=True, small=True),))
                    linked.update(point.quotes)
            elif point.n_quotes:
                cell = [(Run(count_quotes(language, point.n_quotes), italic=True, small=True),),
                        (Run(f"«{point.shortest}»", small=True),)]
            else:
                cell = []
            cells.append(cell)
        grid.rows.append(cells)
    rows = quotes[quotes["id"].isin(linked)]
    if rows.empty:
        return [grid]
    appendix = Grid(f"{w['appendix']}: {w['quotes_sheet'].lower()}", None,
                    [w["number"], w["case"], w["theme"], w["quote"]], label="hovedpunkter-sitater",
                    numeric=frozenset({0}))
    for q in rows.itertuples(index=False):
        appendix.rows.append([plain(q.id), plain(q.case, bold=True),
                              plain(names.get(q.column, q.column)), plain(f"«{q.quote}»")])
    return [grid, appendix]


def write_main_points(points: pd.DataFrame, quotes: pd.DataFrame, path: Path,
                      force: bool = False, template=None) -> Path:
    """Write the matrix of main points; the suffix of ``path`` picks the format.

    Raises:
        OverwriteError: ``path`` is a store, or a file qualmrs did not write (unless ``force``).
    """
    path, suffix = Path(path), matrix_format(path)
    language = points.attrs.get("language", "nb")
    names = points.attrs.get("names", {})
    flat = points.apply(lambda col: col.map(lambda p: cell_text(p, language)))
    with outputs(force) as out, out.buffer(path) as buf:
        if suffix == ".docx":
            write_grids_docx(main_points_grids(points, quotes), buf, language, template)
        elif suffix == ".tex":
            buf.write(grids_tex(main_points_grids(points, quotes), language).encode("utf-8"))
        elif suffix == ".xlsx":
            _xlsx(flat, names, buf, language)
        elif suffix == ".csv":
            buf.write(csv_text(flat.rename(columns=names), index=True).encode("utf-8"))
        else:
            buf.write(_markdown(flat, names))
    return path


def _markdown(flat: pd.DataFrame, names: dict) -> bytes:
    lines = []
    for case, row in flat.iterrows():
        lines.append(f"## {case}\n")
        lines += [f"- **{names.get(k, k)}**: {text}" for k, text in row.items() if text]
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def _xlsx(flat: pd.DataFrame, names: dict, path, language: str) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = words(language)["summaries_sheet"]
    append(ws, [words(language)["case"], *[names.get(k, k) for k in flat.columns]])
    for case, row in flat.iterrows():
        append(ws, [case, *row.tolist()])
    style_sheet(ws, len(flat.columns))
    wb.save(path)


def write_summary_grid(points: pd.DataFrame, quotes: pd.DataFrame, coder: str, path: Path,
                       force: bool = False) -> Path:
    """The grid to write summaries in: a sheet of cases × themes (the summaries so far), a
    sheet of the coder's quotes (``x`` in ``in_summary`` links one to its cell's summary),
    and a hidden sheet of the summaries as written here, which ``import-summaries``
    compares the cells with.

    Raises:
        OverwriteError: ``path`` is a store, or a file qualmrs did not write (unless ``force``).
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    language = points.attrs.get("language", "nb")
    w = words(language)
    names = points.attrs.get("names", {})
    wb = Workbook()
    ws = wb.active
    ws.title = w["summaries_sheet"]
    append(ws, [w["case"], *[names.get(k, k) for k in points.columns]])
    for j, key in enumerate(points.columns, start=2):
        ws.cell(1, j).comment = Comment(key, "qualmrs")
    linked: set[int] = set()
    for case, row in points.iterrows():
        append(ws, [case, *[p.summary for p in row]])
        for key, p in row.items():
            if p.n_quotes and p.summary is None:
                cell = ws.cell(ws.max_row, list(points.columns).index(key) + 2)
                cell.comment = Comment(count_quotes(language, p.n_quotes), "qualmrs")
            linked.update(p.quotes)
    style_sheet(ws, len(points.columns))
    wq = wb.create_sheet(w["quotes_sheet"])
    append(wq, list(QUOTE_COLUMNS))
    for q in quotes.itertuples(index=False):
        append(wq, [q.id, q.case, q.column, q.code, q.document, q.start, q.end, q.quote,
                    q.memo, "x" if q.id in linked else None])
    style_sheet(wq, 0)
    wq.column_dimensions["H"].width = 80
    wb_base = wb.create_sheet(BASE_SHEET)
    append(wb_base, list(BASE_COLUMNS))
    for case, row in points.iterrows():
        for key, p in row.items():
            if p.summary is not None:
                append(wb_base, [case, key, coder, p.summary, json.dumps(list(p.quotes))])
    wb_base.sheet_state = "hidden"
    path = Path(path)
    with outputs(force) as out, out.buffer(path) as buf:
        wb.save(buf)
    return path
