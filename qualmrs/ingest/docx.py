"""Word transcripts: one line per paragraph (or table row), bold labels recognised."""

from __future__ import annotations

from pathlib import Path

from ..errors import IngestError
from .guards import check_members, check_zip
from .normalise import normalise
from .turns import match_label


def read_docx(path: Path, encoding: str | None = None):
    """Return (text, forced labels, times) for a .docx transcript."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    check_zip(path, ".docx")
    check_members(path, ".docx")  # python-docx then meets no DTD and no damaged member
    try:
        document = docx.Document(str(path))
    except KeyError as e:  # a part the package names is missing from the zip
        raise IngestError(f"not a readable .docx file: {e.args[0] if e.args else e}",
                          path=path) from None
    except (PackageNotFoundError, ValueError) as e:
        raise IngestError(f"not a readable .docx file: {e}", path=path) from None
    except Exception as e:  # lxml.etree.XMLSyntaxError and friends: damaged XML inside the zip
        if type(e).__module__.startswith("lxml"):
            raise IngestError(f"damaged .docx XML: {e}", path=path) from None
        raise
    lines: list[str] = []
    forced: dict[int, tuple[str, int]] = {}
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                _table_row(row, lines, forced)
        else:
            _paragraph(block, lines, forced)
    text = normalise("\n".join(lines))
    if not text.strip():
        raise IngestError("the .docx file has no text", path=path)
    return text, forced, {}


def _paragraph(paragraph, lines: list[str], forced: dict) -> None:
    text = normalise(paragraph.text)
    bold = ""
    for run in paragraph.runs:
        if not run.text:
            continue
        if run.bold or (run.style is not None and run.style.font.bold):
            bold += run.text
        else:
            break
    label = _bold_label(bold, text)
    if label:
        forced[len(lines)] = label
    lines.extend(text.split("\n"))  # a soft line break (w:br) is a line of its own


def _bold_label(bold: str, text: str) -> tuple[str, int] | None:
    """A bold run at the start that ends in a colon, or is followed by one, is a label."""
    head = bold.strip()
    if not head or len(head) > 41:
        return None
    stripped = head.rstrip(":").strip()
    if not stripped or "\n" in stripped:
        return None
    m = match_label(text)
    if m and m.label == stripped:
        return stripped, m.text_start
    return None


def _table_row(row, lines: list[str], forced: dict) -> None:
    cells = []
    for cell in row.cells:
        value = normalise(cell.text).strip()
        if not cells or value != cells[-1]:  # merged cells repeat their text
            cells.append(value)
    if len(cells) >= 2 and 0 < len(cells[0]) <= 40 and "\n" not in cells[0]:
        label = cells[0].rstrip(":").strip()
        body = " ".join(c for c in cells[1:] if c).replace("\n", " ")
        forced[len(lines)] = (label, len(label) + 2)
        lines.append(f"{label}: {body}")
    else:
        lines.append(" ".join(c for c in cells if c))
