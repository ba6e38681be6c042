"""The case × theme matrix (and code counts) as XLSX, DOCX, CSV and Markdown."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .docxutil import bold_cell, caption, new_document
from .output import outputs
from .spreadsheet import append, csv_text

SEPARATOR = "\n\n"


def _flat(matrix: pd.DataFrame) -> pd.DataFrame:
    return matrix.apply(lambda col: col.map(SEPARATOR.join))


def write_matrix(matrix: pd.DataFrame, path: Path, counts: pd.DataFrame | None = None,
                 force: bool = False) -> Path:
    """Write the matrix; the suffix of ``path`` picks the format.

    XLSX gets a second sheet with ``counts`` when given.

    Raises:
        OverwriteError: ``path`` is a store, or a file qualmrs did not write (unless ``force``).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".docx", ".csv", ".md"):
        raise ValueError(f"unsupported matrix format '{path.suffix}'")
    names = matrix.attrs.get("names", {})
    with outputs(force) as out, out.buffer(path) as buf:
        if suffix == ".xlsx":
            _xlsx(matrix, names, counts, buf)
        elif suffix == ".docx":
            _docx(matrix, names, buf)
        elif suffix == ".csv":
            buf.write(csv_text(_flat(matrix), index=True).encode("utf-8"))
        else:
            buf.write(_markdown(matrix, names).encode("utf-8"))
    return path


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


def _xlsx(matrix, names, counts, path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Matrise"
    append(ws, ["Case", *[names.get(k, k) for k in matrix.columns]])
    for case, row in _flat(matrix).iterrows():
        append(ws, [case, *row.tolist()])
    for cells in ws.iter_rows():
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for col in range(2, len(matrix.columns) + 2):
        ws.column_dimensions[ws.cell(1, col).column_letter].width = 50
    ws.freeze_panes = "B2"
    if counts is not None:
        wc = wb.create_sheet("Antall")
        append(wc, ["code", *counts.columns])
        for code, row in counts.iterrows():
            append(wc, [code, *[int(v) for v in row]])
        for cell in wc[1]:
            cell.font = Font(bold=True)
        wc.column_dimensions["A"].width = 32
    wb.save(path)


def _docx(matrix, names, path) -> None:
    from docx.shared import Pt

    document = new_document(landscape=True)
    caption(document, "Matrise: case × tema")
    table = document.add_table(rows=1, cols=len(matrix.columns) + 1)
    table.style = "Table Grid"
    bold_cell(table.rows[0].cells[0], "Case")
    for j, key in enumerate(matrix.columns, start=1):
        bold_cell(table.rows[0].cells[j], names.get(key, key))
    for case, row in matrix.iterrows():
        cells = table.add_row().cells
        bold_cell(cells[0], str(case))
        for j, quotes in enumerate(row, start=1):
            cells[j].text = SEPARATOR.join(f"«{q}»" for q in quotes)
            for p in cells[j].paragraphs:
                for run in p.runs:
                    run.font.size = Pt(7)
    document.save(path)
