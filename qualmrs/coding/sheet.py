"""Read a filled coding sheet back: marked cells become manual codings of the row's segment,
question cells become answers."""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportError_, Problem
from ..model import MANUAL, Answer, Codebook, Coding
from .csvfile import read_rows
from .locate import Corpus

MARKS = {"x", "1", "ja", "yes", "✓", "✔"}


def read_coding_sheet(path: str | Path, codebook: Codebook, corpus: Corpus,
                      coder: str) -> tuple[list[Coding], list[Answer]]:
    """Codings and answers from a coding sheet (.xlsx or .csv); all problems at once.

    Raises:
        ImportError_: unknown document, a row whose start/end are not a span of it, a cell
            that is neither empty nor a mark, or a category not on the question's scale.
    """
    path = str(path)
    rows = read_rows(path, ("document", "case", "start", "end"),
                     ("speaker", "text"), extra_ok=True, ours=True)
    codes = {c.key for c in codebook.codes}
    questions = {q.key: q for q in codebook.questions}
    codings, answers, problems, answered = [], [], [], {}

    def bad(n, message, key=None):
        problems.append(Problem(message, path, None, n, key))

    for n, row in rows:
        doc, why = corpus.document(row["document"])
        if doc is None:
            bad(n, why, "document")
            continue
        try:
            start, end = int(float(row["start"])), int(float(row["end"]))
        except ValueError:
            bad(n, "start and end must be whole numbers", "start")
            continue
        if not (0 <= start < end <= len(doc.text)) or doc.turn_at(start, end) is None:
            bad(n, f"{start}–{end} is not a segment of {doc.name}", "start")
            continue
        for column, value in row.items():
            if not value or column in ("document", "case", "start", "end", "speaker", "text"):
                continue
            if column in codes:
                if value.strip().lower() not in MARKS:
                    bad(n, f"mark code cells with x, not '{value}'", column)
                else:
                    codings.append(Coding(doc.name, start, end, column, coder, MANUAL))
            elif column in questions:
                cats = {c.casefold(): c for c in codebook.scale_of(column).categories}
                case = row["case"] or (doc.turn_at(start, end).case or "")
                if value.casefold() not in cats:
                    bad(n, f"'{value}' is not a category of {column}; expected one of: "
                        + ", ".join(cats.values()), column)
                elif (case, column) in answered:
                    bad(n, f"case {case} already answered {column} in row "
                        f"{answered[case, column]}", column)
                else:
                    answered[case, column] = n
                    answers.append(Answer(case, column, cats[value.casefold()], coder, MANUAL,
                                          document=doc.name))
            else:
                bad(n, f"unknown column '{column}': neither a code nor a question key", column)
    if problems:
        raise ImportError_(problems=problems)
    return codings, answers
