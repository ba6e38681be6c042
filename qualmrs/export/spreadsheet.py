"""Cells of the .xlsx and .csv files qualmrs writes, kept as data (issue 12).

Text from a transcript, memo, case attribute or category may begin with ``=``, ``+``, ``-``,
``@``, a tab or CR, which a spreadsheet runs as a formula (``=HYPERLINK(...)``,
``=cmd|' /C calc'!A0``). In .xlsx every text cell is a string cell, never a formula, and
numbers stay numbers; in CSV such text gets a leading ``'`` (OWASP's advice on CSV injection),
which the importers of our own sheets take off again (``coding.csvfile.restore``).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ..coding.csvfile import neutralise


def append(ws, values) -> None:
    """Add ``values`` as the next row of the openpyxl worksheet ``ws``.

    Text becomes a string cell even when it starts with ``=``; numbers and booleans stay
    numbers; None and NaN leave the cell empty.
    """
    from openpyxl.cell.cell import Cell

    cells = []
    for value in values:
        cell = Cell(ws, value=_plain(value))
        if isinstance(cell.value, str):
            cell.data_type = "s"  # openpyxl would read a leading '=' as a formula
        cells.append(cell)
    ws.append(cells)


def write_xlsx(frame: pd.DataFrame, path: Path, index: bool = False,
               title: str | None = None) -> None:
    """``frame`` as one worksheet: a bold header row, then a row per record (the index first
    when ``index``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    if title:
        ws.title = title
    head = list(frame.columns)
    if index:
        head = [frame.index.name or "", *head]
    append(ws, head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for key, row in zip(frame.index, frame.itertuples(index=False, name=None)):
        append(ws, [key, *row] if index else row)
    wb.save(path)


def csv_text(frame: pd.DataFrame, index: bool = False, index_label: str | None = None) -> str:
    """``frame`` as CSV text (``\\n`` line ends), formula-like text cells prefixed with ``'``.

    Numeric columns are left alone: ``-0.25`` is a number, not a formula.
    """
    def guard(value):
        return neutralise(value) if isinstance(value, str) else value

    safe = frame.copy()
    for i in range(safe.shape[1]):
        if not pd.api.types.is_numeric_dtype(safe.iloc[:, i]):
            safe.isetitem(i, safe.iloc[:, i].map(guard))
    safe.columns = safe.columns.map(guard)
    if index:
        safe.index = safe.index.map(guard)
    return safe.to_csv(index=index, index_label=index_label, lineterminator="\n")


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (str, int, float, bool)) or hasattr(value, "dtype"):
        return value  # numpy scalars included: openpyxl writes them as numbers
    return str(value)
