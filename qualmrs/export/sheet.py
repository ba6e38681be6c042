"""A coding sheet: one row per segment, one column per code (mark with x) and per closed
question (a category, on the first row of each case), for coding in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from ..model import INFORMANT, Codebook, Document, Sentence
from .output import outputs
from .spreadsheet import append

FIXED = ["document", "case", "speaker", "start", "end", "text"]


def write_coding_sheet(path: Path, codebook: Codebook, documents: list[Document],
                       sentences: dict[str, list[Sentence]], level: str = "turn",
                       force: bool = False) -> Path:
    """Write the coding sheet to ``path`` (.xlsx) and return it.

    Raises:
        OverwriteError: ``path`` is a store, or a file qualmrs did not write (unless ``force``).
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    codes = [c for c in codebook.codes if not any(d.parent == c.key for d in codebook.codes)]
    questions = list(codebook.questions)
    wb = Workbook()
    ws = wb.active
    ws.title = "Koding"
    append(ws, FIXED + [c.key for c in codes] + [q.key for q in questions])
    for j, c in enumerate(codes, start=len(FIXED) + 1):
        ws.cell(1, j).comment = Comment(f"{c.name}: {c.description}\nMarker med x.", "qualmrs")
    for j, q in enumerate(questions, start=len(FIXED) + len(codes) + 1):
        cats = " / ".join(codebook.scale_of(q.key).categories)
        ws.cell(1, j).comment = Comment(f"{q.text}\n{cats}", "qualmrs")
    grey = PatternFill("solid", fgColor="EEEEEE")
    first = len(FIXED) + len(codes) + 1
    seen_cases: set[str] = set()
    for doc in documents:
        if level == "turn":
            spans = [(t, t.start, t.end) for t in doc.turns if t.role == INFORMANT]
        else:
            spans = [(doc.turns[s.turn], s.start, s.end) for s in sentences.get(doc.name, [])
                     if doc.turns[s.turn].role == INFORMANT]
        for turn, start, end in spans:
            append(ws, [doc.name, turn.case or "", turn.speaker, start, end, doc.text[start:end]])
            if turn.case in seen_cases or not turn.case:
                for j in range(first, first + len(questions)):
                    ws.cell(ws.max_row, j).fill = grey  # answers go on the case's first row
            seen_cases.add(turn.case)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.column_dimensions["F"].width = 80
    for row in ws.iter_rows(min_row=2, min_col=6, max_col=6):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "G2"
    path = Path(path)
    with outputs(force) as out, out.buffer(path) as buf:
        wb.save(buf)
    return path
