"""Frequency tables as CSV (the contract), Markdown, XLSX and DOCX."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .docxutil import bold_cell, caption, new_document
from .output import outputs
from .spreadsheet import append
from .tabletext import render_csv, render_markdown

__all__ = ["FORMATS", "table_filename", "render_markdown", "render_csv", "write_table",
           "write_tables"]

FORMATS = ("csv", "md", "xlsx", "docx")


def table_filename(table_id: str, fmt: str) -> str:
    """The file a table is written to, e.g. ``tabell_4-1.csv``."""
    return f"tabell_{table_id}.{fmt}"


def write_csv(frame: pd.DataFrame, buf) -> None:
    buf.write(render_csv(frame).encode("utf-8"))


def write_xlsx(frame: pd.DataFrame, path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = f"Tabell {frame.attrs['id']}"
    append(ws, [frame.attrs["caption"]])
    ws["A1"].font = Font(bold=True)
    append(ws, ["", *[frame.attrs["headers"][q] for q in frame.columns]])
    for category, row in frame.iterrows():
        append(ws, [category, *[int(v) for v in row]])
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 34
    for col in range(2, len(frame.columns) + 2):
        ws.column_dimensions[ws.cell(2, col).column_letter].width = 30
    wb.save(path)


def write_docx(frame: pd.DataFrame, path, document=None) -> None:
    """A thesis-style table: caption above, question texts as column heads, rows + N."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    own = document is None
    document = document or new_document()
    caption(document, frame.attrs["caption"])
    table = document.add_table(rows=1, cols=len(frame.columns) + 1)
    table.style = "Table Grid"
    for j, q in enumerate(frame.columns, start=1):
        bold_cell(table.rows[0].cells[j], frame.attrs["headers"][q])
    for category, row in frame.iterrows():
        cells = table.add_row().cells
        if category == "N":
            bold_cell(cells[0], "N")
        else:
            cells[0].text = str(category)
        for j, v in enumerate(row, start=1):
            cells[j].text = str(int(v))
            cells[j].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph()
    if own:
        document.save(path)


def write_table(frame: pd.DataFrame, fmt: str, out_dir: Path, force: bool = False) -> Path:
    """Write one frequency table in ``fmt`` into ``out_dir``; returns the file written.

    Raises:
        OverwriteError: the file exists and qualmrs did not write it (and not ``force``), or
            it is a project store; see ``qualmrs.export.output``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}")
    path = Path(out_dir) / table_filename(frame.attrs['id'], fmt)
    with outputs(force) as out, out.buffer(path) as buf:
        if fmt == "csv":
            write_csv(frame, buf)
        elif fmt == "md":
            buf.write(render_markdown(frame).encode("utf-8"))
        elif fmt == "xlsx":
            write_xlsx(frame, buf)
        else:
            write_docx(frame, buf)
    return path


def write_tables(frames: list[pd.DataFrame], formats, out_dir: Path,
                 force: bool = False) -> list[Path]:
    """Write each table in each of ``formats`` into ``out_dir``, all or none."""
    with outputs(force):
        return [write_table(f, fmt, out_dir, force) for f in frames for fmt in formats]
