"""Frequency tables as CSV (the contract), Markdown, XLSX, DOCX and LaTeX."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..lang.words import words
from .layout import Grid, plain
from .output import outputs
from .spreadsheet import append
from .tabletext import render_csv, render_markdown

__all__ = ["FORMATS", "table_filename", "render_markdown", "render_csv", "write_table",
           "write_tables"]

FORMATS = ("csv", "md", "xlsx", "docx", "tex")
RUN_FORMATS = ("csv", "md", "xlsx", "docx")  # what ``run`` writes


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
    ws.title = f"{words(frame.attrs.get('language'))['table']} {frame.attrs['id']}"
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


def table_grid(frame: pd.DataFrame) -> Grid:
    """A frequency table to typeset: question texts as column heads, a row per category,
    ``N`` last and bold, counts centred."""
    grid = Grid(frame.attrs.get("title", frame.attrs["caption"]), frame.attrs["id"],
                ["", *[frame.attrs["headers"][q] for q in frame.columns]],
                numeric=frozenset(range(1, len(frame.columns) + 1)))
    for category, row in frame.iterrows():
        grid.rows.append([plain(category, bold=category == "N"),
                          *[plain(int(v)) for v in row]])
    return grid


def write_docx(frame: pd.DataFrame, path, document=None, template=None) -> None:
    """A thesis-style Word table: caption «Tabell 4-1 …» (a real caption), question texts
    as column heads, rows + N; A4 or the ``template``'s page and styles."""
    from .docxutil import add_grid, new_document

    own = document is None
    document = document or new_document(template)
    add_grid(document, table_grid(frame), frame.attrs.get("language", "nb"))
    if own:
        document.save(path)


def render_tex(frame: pd.DataFrame) -> str:
    """A booktabs table with caption and label ``tab:<id>``."""
    from .latex import table

    return table(table_grid(frame), frame.attrs["caption"])


def write_table(frame: pd.DataFrame, fmt: str, out_dir: Path, force: bool = False,
                template=None) -> Path:
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
        elif fmt == "tex":
            buf.write(render_tex(frame).encode("utf-8"))
        else:
            write_docx(frame, buf, template=template)
    return path


def write_tables(frames: list[pd.DataFrame], formats, out_dir: Path,
                 force: bool = False, template=None) -> list[Path]:
    """Write each table in each of ``formats`` into ``out_dir``, all or none (Word tables
    on the ``template``'s page and styles, when given)."""
    with outputs(force):
        return [write_table(f, fmt, out_dir, force, template) for f in frames
                for fmt in formats]
