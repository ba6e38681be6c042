"""Any result table (a DataFrame) as CSV, Markdown, XLSX or plain terminal text."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from .output import outputs
from .spreadsheet import csv_text, write_xlsx

FORMATS = ("table", "csv", "md", "xlsx")


def _fmt(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render(frame: pd.DataFrame, fmt: str, index: bool = False, heading: str = "") -> str:
    """Text of ``frame`` as ``table`` (aligned, for a terminal), ``csv`` or ``md``."""
    if fmt == "csv":
        return csv_text(frame, index)
    shown = frame.map(_fmt) if len(frame) else frame
    if fmt == "md":
        body = shown.to_markdown(index=index, disable_numparse=True) + "\n"
        return f"{heading}\n\n{body}" if heading else body
    if fmt == "table":
        body = shown.to_string(index=index) + "\n"
        return f"{heading}\n{body}" if heading else body
    raise ValueError(f"cannot render {fmt} as text")


def write(frame: pd.DataFrame, path: Path, fmt: str, index: bool = False,
          heading: str = "", force: bool = False) -> Path:
    """Write ``frame`` to ``path`` in ``fmt`` (csv, md, xlsx, table).

    Raises:
        OverwriteError: ``path`` is a store, or a file qualmrs did not write (unless ``force``).
    """
    path = Path(path)
    with outputs(force) as out:
        if fmt == "xlsx":
            with out.buffer(path) as buf:
                write_xlsx(frame, buf, index)
        else:
            out.write_text(path, render(frame, fmt, index, heading))
    return path
