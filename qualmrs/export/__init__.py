"""→ files: frequency tables and the matrix as CSV, Markdown, XLSX and DOCX."""

from .matrix import write_matrix
from .tables import render_markdown, write_table

__all__ = ["write_table", "write_matrix", "render_markdown"]
