"""The review file: one row per mention found, which the researcher edits (a pseudonym
changed, ``keep`` set, a row added) before the pseudonyms are applied."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ImportError_
from ..model import Document
from .detect import REVIEW_COLUMNS, Mention

__all__ = ["Decision", "review_frame", "read_review", "REPLACE", "KEEP"]

REPLACE, KEEP = "replace", "keep"


@dataclass(frozen=True)
class Decision:
    """A row of the review file, checked against the documents."""

    row: int  # as the spreadsheet numbers it
    document: str
    start: int
    end: int
    text: str
    type: str
    pseudonym: str
    action: str


def review_frame(mentions: list[Mention]):
    """The review file's rows (``REVIEW_COLUMNS``), each with ``action`` ``replace``."""
    import pandas as pd

    return pd.DataFrame([[m.document, m.start, m.end, m.text, m.type, m.context, m.pseudonym,
                          REPLACE] for m in mentions], columns=REVIEW_COLUMNS)


def _occurrences(text: str, words: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def read_review(path: str | Path, documents: list[Document]) -> list[Decision]:
    """Read and check a review file (.csv or .xlsx) against the project's documents.

    A row with ``start`` and ``end`` must find its ``text`` there; a row the researcher added
    may leave them (and ``document``) empty: it then stands for every occurrence of its text
    as a whole word (in its document, or in every document).

    Raises:
        ImportError_: every problem found, each with its row: an unknown document or action,
            text not at its place (the file was made for another version of the texts), a
            ``replace`` without a pseudonym, two replaced mentions that overlap.
    """
    from ..coding.csvfile import read_rows

    path = Path(path)
    docs = {d.name: d for d in documents}
    problems: list[str] = []
    out: list[Decision] = []

    def bad(n: int, message: str, key: str | None = None) -> None:
        problems.append(f"{path.name}, row {n}: " + (f"key '{key}': " if key else "")
                        + message)

    rows = read_rows(path, ("document", "text", "pseudonym", "action"),
                     ("start", "end", "type", "context"), extra_ok=True, ours=True)
    for n, row in rows:
        action = row["action"].lower() or REPLACE
        if action not in (REPLACE, KEEP):
            bad(n, f"action is 'replace' or 'keep', not '{row['action']}'", "action")
            continue
        text = row["text"]
        if not text:
            bad(n, "no text", "text")
            continue
        if action == REPLACE and not row["pseudonym"]:
            bad(n, "give the pseudonym that replaces the text, or set action to keep",
                "pseudonym")
            continue
        names = [row["document"]] if row["document"] else sorted(docs)
        if row["document"] and row["document"] not in docs:
            bad(n, f"no document named '{row['document']}' in the project", "document")
            continue
        start, end = row.get("start", ""), row.get("end", "")
        if start or end:
            if not row["document"]:
                bad(n, "a row with start and end names its document", "document")
                continue
            try:
                spans = [(int(float(start)), int(float(end)))]
            except ValueError:
                bad(n, f"start and end are character positions, not '{start}', '{end}'",
                    "start")
                continue
            doc = docs[row["document"]]
            a, b = spans[0]
            if doc.text[a:b] != text:
                bad(n, f"{doc.name} has «{doc.text[a:b]}» at {a}–{b}, not «{text}» (was the "
                    "review file made before the text changed? make a new one)", "text")
                continue
            found = [(row["document"], a, b)]
        else:
            found = [(name, a, b) for name in names for a, b in _occurrences(docs[name].text,
                                                                             text)]
            if not found:
                bad(n, f"«{text}» is not found as a whole word in "
                    + (row["document"] or "any document"), "text")
                continue
        out += [Decision(n, name, a, b, text, row.get("type", ""), row["pseudonym"], action)
                for name, a, b in found]
    _overlaps(out, bad)
    if problems:
        raise ImportError_(problems=problems)
    return out


def _overlaps(decisions: list[Decision], bad) -> None:
    """Two replaced mentions that overlap cannot both be replaced: name both rows."""
    replaced = sorted((d for d in decisions if d.action == REPLACE),
                      key=lambda d: (d.document, d.start, -d.end))
    for one, two in zip(replaced, replaced[1:]):
        if one.document == two.document and two.start < one.end \
                and (one.start, one.end) != (two.start, two.end):
            bad(two.row, f"overlaps row {one.row} («{one.text}»); set one of them to keep")
