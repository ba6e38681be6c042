"""Word transcripts: one line per paragraph (or table row), bold labels recognised.

While the text is built, the anchors of Word comments (``w:commentRangeStart``/``End`` and
``w:commentReference``) are placed in it, so each comment gets its span in the document text.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import IngestError
from .guards import check_members, damaged, printable
from .normalise import normalise
from .paragraphs import bold_label, row_line
from .wordcomments import Anchors, read_comments

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MARKS = {f"{_W}commentRangeStart": "start", f"{_W}commentRangeEnd": "end",
          f"{_W}commentReference": "ref"}
# The run content python-docx reads as text (CT_R.text); each element's str() is its text.
_RUN_TEXT = {f"{_W}{t}" for t in ("t", "tab", "br", "cr", "noBreakHyphen", "ptab")}


def read_docx(path: Path, encoding: str | None = None):
    """Return (text, forced labels, times, comments) for a .docx transcript."""
    import docx
    from docx.table import Table

    check_members(path, ".docx")  # python-docx then meets no DTD and no damaged member
    # What python-docx raises on a package that is sound zip and XML but not a Word document
    # (a missing part, a bad relationship or content type) is the file's doing too.
    with damaged(path, "not a readable .docx file"):
        try:
            document = docx.Document(str(path))
        except KeyError as e:  # a part the package names is missing from the zip
            raise IngestError("not a readable .docx file: "
                              f"{printable(str(e.args[0] if e.args else e))}",
                              path=path) from None
    out = _Lines()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                _table_row(row, out)
        else:
            _paragraph(block, out)
    # Each line is normalised already, and NFC does not compose across "\n", so joining them
    # gives normalised text and the anchors placed line by line stay right.
    text = "\n".join(out.lines)
    if not text.strip():
        raise IngestError("the .docx file has no text", path=path)
    return text, out.forced, {}, read_comments(document, out.anchors, text, path)


class _Lines:
    """The document text line by line, the labels forced by layout, and comment anchors."""

    def __init__(self):
        self.lines: list[str] = []
        self.forced: dict[int, tuple[str, int]] = {}
        self.anchors = Anchors()
        self.bold_styles: dict = {}  # character style id → whether it makes a run bold
        self.offset = 0  # where the next line starts in the joined text

    def add(self, text: str) -> None:
        self.lines.extend(text.split("\n"))  # a soft line break (w:br) is a line of its own
        self.offset += len(text) + 1


def _runs_text(p) -> tuple[str, list[tuple[str, int, int]]]:
    """A ``w:p``'s text as python-docx reads it (its runs and hyperlinks' runs) and the
    comment marks in it as (kind, comment id, offset into that text)."""
    pieces, marks, n = [], [], 0
    for el in p.iter():
        tag = el.tag
        if tag in _RUN_TEXT:
            run = el.getparent()
            holder = run.getparent()
            if run.tag == f"{_W}r" and (holder is p or (holder.tag == f"{_W}hyperlink"
                                                        and holder.getparent() is p)):
                piece = str(el)
                pieces.append(piece)
                n += len(piece)
        elif tag in _MARKS:
            try:
                marks.append((_MARKS[tag], int(el.get(f"{_W}id")), n))
            except (TypeError, ValueError):  # an anchor without a usable id points nowhere
                pass
    return "".join(pieces), marks


def _mapper(raw: str, text: str, lead: int = 0):
    """Offsets into ``raw`` → offsets into ``text`` (``normalise(raw)`` less ``lead``
    characters stripped at its start): normalisation may merge characters (CRLF, NFC)."""
    def at(i: int) -> int:
        return min(max(len(normalise(raw[:i])) - lead, 0), len(text))
    return at


def _bold_style(run, known: dict) -> bool:
    """Whether the run's character style is bold, looked up once per style: python-docx
    searches all the document's styles for it on every run (issue 12)."""
    key = run._r.style  # the style's id; None: the document's default character style
    if key not in known:
        known[key] = run.style is not None and bool(run.style.font.bold)
    return known[key]


def _paragraph(paragraph, out: _Lines) -> None:
    raw, marks = _runs_text(paragraph._element)
    text = normalise(raw)
    at = _mapper(raw, text)
    for kind, cid, i in marks:  # a reference alone stands for its whole paragraph
        out.anchors.add(kind, cid, out.offset + at(i), (out.offset, out.offset + len(text)))
    bold = ""
    for run in paragraph.runs:
        if not run.text:
            continue
        if run.bold or _bold_style(run, out.bold_styles):
            bold += run.text
        else:
            break
    label = bold_label(bold, text)
    if label:
        out.forced[len(out.lines)] = label
    out.add(text)


def _cell(cell) -> tuple[str, list]:
    """A cell's text (normalised, stripped) and its comment marks as (kind, id, offset,
    extent of the cell paragraph holding the mark), offsets into that text."""
    raws, found, start = [], [], 0
    for p in cell._tc.p_lst:
        raw, marks = _runs_text(p)
        found += [(kind, cid, start + i, (start, start + len(raw))) for kind, cid, i in marks]
        raws.append(raw)
        start += len(raw) + 1
    raw = "\n".join(raws)
    full = normalise(raw)
    value = full.strip()
    at = _mapper(raw, value, len(full) - len(full.lstrip()))
    return value, [(kind, cid, at(i), (at(a), at(b))) for kind, cid, i, (a, b) in found]


def _joined(values: list[str], pos: int) -> list[int]:
    """Where each value starts when the non-empty ones are joined by spaces from ``pos``."""
    offsets = []
    for v in values:
        offsets.append(pos)
        if v:
            pos += len(v) + 1
    return offsets


def _table_row(row, out: _Lines) -> None:
    cells: list[tuple[str, list]] = []
    for cell in row.cells:
        value, marks = _cell(cell)
        if cells and value == cells[-1][0]:  # merged cells repeat their text
            cells[-1][1].extend(marks)
        else:
            cells.append((value, marks))
    values = [v for v, _ in cells]
    line, label = row_line(values)
    if label is not None:
        out.forced[len(out.lines)] = (label, len(label) + 2)
        offsets = [0] + _joined(values[1:], len(label) + 2)
        widths = [len(label)] + [len(v) for v in values[1:]]
    else:
        offsets, widths = _joined(values, 0), [len(v) for v in values]
    for (_, marks), offset, width in zip(cells, offsets, widths):
        def at(i: int) -> int:
            return out.offset + min(offset + min(i, width), len(line))
        for kind, cid, i, (a, b) in marks:
            out.anchors.add(kind, cid, at(i), (at(a), at(b)))
    out.add(line)
