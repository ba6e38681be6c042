"""Turns or sentences as a table, one row per segment."""

from __future__ import annotations

import pandas as pd

from ..model import Document, Sentence

COLUMNS = ["document", "case", "speaker", "role", "start", "end", "text"]


def segments_table(documents: list[Document], sentences: dict[str, list[Sentence]],
                   level: str = "turn") -> pd.DataFrame:
    """Rows in document order: ``document, case, speaker, role, start, end, text``."""
    if level not in ("turn", "sentence"):
        raise ValueError("level must be 'turn' or 'sentence'")
    rows = []
    for doc in documents:
        if level == "turn":
            spans = [(t, t.start, t.end) for t in doc.turns]
        else:
            spans = [(doc.turns[s.turn], s.start, s.end) for s in sentences.get(doc.name, [])]
        rows.extend((doc.name, t.case or "", t.speaker, t.role, a, b, doc.text[a:b])
                    for t, a, b in spans)
    return pd.DataFrame(rows, columns=COLUMNS)
