"""The case × theme matrix of quotes (and code counts) as XLSX, DOCX, LaTeX, CSV and Markdown.

In Word and LaTeX a cell holds at most ``max_quotes`` quotes and «(+k)» for the rest; every
quote of every cut cell is then listed in an appendix table after the matrix.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..lang.words import words
from .layout import Grid, Run, plain
from .output import outputs
from .spreadsheet import append, csv_text

SEPARATOR = "\n\n"
SUFFIXES = (".xlsx", ".docx", ".tex", ".csv", ".md")
MAX_QUOTES = 3
LANDSCAPE = 700.0  # points between the margins of a landscape A4 page

def _flat(matrix: pd.DataFrame) -> pd.DataFrame:
    return matrix.apply(lambda col: col.map(SEPARATOR.join))


def write_matrix(matrix: pd.DataFrame, path: Path, counts: pd.DataFrame | None = None,
                 force: bool = False, max_quotes: int | None = MAX_QUOTES,
                 template=None) -> Path:
    """Write the matrix; the suffix of ``path`` picks the format.

    Args:
        counts: XLSX gets it as a second sheet.
        max_quotes: quotes per cell in Word and LaTeX (None or 0: all), the rest in an
            appendix table.
        template: a .docx whose page size, margins and styles the Word file takes.

    Raises:
        OverwriteError: ``path`` is a store, or a file qualmrs did not write (unless ``force``).
    """
    path, suffix = Path(path), matrix_format(path)
    names = matrix.attrs.get("names", {})
    language = matrix.attrs.get("language", "nb")
    with outputs(force) as out, out.buffer(path) as buf:
        if suffix == ".xlsx":
            _xlsx(matrix, names, counts, buf, language)
        elif suffix in (".docx", ".tex"):
            grids = matrix_grids(matrix, max_quotes)
            if suffix == ".docx":
                write_grids_docx(grids, buf, language, template)
            else:
                buf.write(grids_tex(grids, language).encode("utf-8"))
        elif suffix == ".csv":
            buf.write(csv_text(_flat(matrix), index=True).encode("utf-8"))
        else:
            buf.write(_markdown(matrix, names).encode("utf-8"))
    return path


def matrix_format(path) -> str:
    """The suffix of a matrix file, which says its format.

    Raises:
        ValueError: not one of ``SUFFIXES`` (the CLI checks first, with a message).
    """
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"unsupported matrix format '{Path(path).suffix}'")
    return suffix


def matrix_grids(matrix: pd.DataFrame, max_quotes: int | None) -> list[Grid]:
    """The matrix as a table to typeset, and the appendix of every quote of its cut cells."""
    w = words(matrix.attrs.get("language"))
    names = matrix.attrs.get("names", {})
    header = [w["case"], *[names.get(k, k) for k in matrix.columns]]
    grid = Grid(w["quotes_matrix"], None, header, label="matrise")
    appendix = Grid(f"{w['appendix']}: {w['all_quotes']}", None,
                    [w["case"], w["theme"], w["quote"]], label="matrise-vedlegg")
    for case, row in matrix.iterrows():
        cells = [plain(case, bold=True)]
        for key, quotes in row.items():
            shown = quotes[:max_quotes] if max_quotes else quotes
            cell = [(Run(f"«{q}»"),) for q in shown]
            if len(quotes) > len(shown):
                cell.append((Run(f"(+{len(quotes) - len(shown)})", italic=True),))
                appendix.rows.append([plain(case, bold=True), plain(names.get(key, key)),
                                      [(Run(f"«{q}»"),) for q in quotes]])
            cells.append(cell)
        grid.rows.append(cells)
    return [grid] + ([appendix] if appendix.rows else [])


def write_grids_docx(grids: list[Grid], buf, language: str, template=None) -> None:
    """Tables on landscape pages, each after the first on a page of its own."""
    from docx.enum.text import WD_BREAK

    from .docxutil import add_grid, new_document

    document = new_document(template, landscape=True)
    for i, grid in enumerate(grids):
        if i:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        add_grid(document, grid, language, body=8.0, head=9.0)
    document.save(buf)


def grids_tex(grids: list[Grid], language: str) -> str:
    """Longtables on a landscape A4 text width (a table too wide becomes several)."""
    from .latex import longtable
    from .layout import split_wide

    return "\n".join(longtable(part, part.caption) for g in grids
                     for part in split_wide(g, LANDSCAPE, 8.0, 9.0, words(language)["part"]))


def _markdown(matrix: pd.DataFrame, names: dict) -> str:
    lines = []
    for case, row in matrix.iterrows():
        lines.append(f"## {case}\n")
        for key, quotes in row.items():
            if quotes:
                lines.append(f"**{names.get(key, key)}**\n")
                lines.extend(f"- «{q}»" for q in quotes)
                lines.append("")
    return "\n".join(lines)


def _xlsx(matrix, names, counts, path, language) -> None:
    from openpyxl import Workbook

    w = words(language)
    wb = Workbook()
    ws = wb.active
    ws.title = w["matrix"]
    append(ws, [w["case"], *[names.get(k, k) for k in matrix.columns]])
    for case, row in _flat(matrix).iterrows():
        append(ws, [case, *row.tolist()])
    style_sheet(ws, len(matrix.columns))
    if counts is not None:
        from openpyxl.styles import Font

        wc = wb.create_sheet(w["counts_sheet"])
        append(wc, ["code", *counts.columns])
        for code, row in counts.iterrows():
            append(wc, [code, *[int(v) for v in row]])
        for cell in wc[1]:
            cell.font = Font(bold=True)
        wc.column_dimensions["A"].width = 32
    wb.save(path)


def style_sheet(ws, n_columns: int, width: int = 50) -> None:
    """A case × theme sheet: wrapped text from the top, bold header, wide theme columns,
    the header row and case column frozen."""
    from openpyxl.styles import Alignment, Font

    for cells in ws.iter_rows():
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col in range(2, n_columns + 2):
        ws.column_dimensions[ws.cell(1, col).column_letter].width = width
    ws.freeze_panes = "B2"
