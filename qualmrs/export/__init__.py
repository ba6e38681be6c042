"""→ files: frequency tables and the matrix as CSV, Markdown, XLSX and DOCX.

Names load on first use: the store imports ``export.output`` (where outputs may go), and
every command would otherwise pay for pandas, openpyxl and python-docx at start-up.
"""

import importlib

__all__ = ["write_table", "write_matrix", "render_markdown"]

_HOME = {"write_table": "tables", "write_matrix": "matrix", "render_markdown": "tabletext"}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
