"""Units of agreement: informant turns or sentences, and which codes each coder put on them."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import INFORMANT, Coding, Document, Sentence


@dataclass(frozen=True)
class Unit:
    document: str
    case: str
    start: int
    end: int


def units_of(documents: list[Document], sentences: dict[str, list[Sentence]],
             level: str) -> list[Unit]:
    """Informant turns (``level="turn"``) or the sentences inside them, in document order."""
    if level not in ("turn", "sentence"):
        raise ValueError("unit must be 'turn' or 'sentence'")
    out = []
    for doc in documents:
        if level == "turn":
            out.extend(Unit(doc.name, t.case or "", t.start, t.end)
                       for t in doc.turns if t.role == INFORMANT)
        else:
            out.extend(Unit(doc.name, doc.turns[s.turn].case or "", s.start, s.end)
                       for s in sentences.get(doc.name, [])
                       if doc.turns[s.turn].role == INFORMANT)
    return out


def codes_per_unit(units: list[Unit], codings: list[Coding],
                   rename=lambda code: code) -> dict[Unit, set[str]]:
    """Unit → codes whose coded span overlaps it (``rename`` may roll codes up to themes)."""
    by_doc: dict[str, list[Unit]] = {}
    for u in units:
        by_doc.setdefault(u.document, []).append(u)
    out: dict[Unit, set[str]] = {u: set() for u in units}
    for c in codings:
        for u in by_doc.get(c.document, ()):
            if c.start < u.end and u.start < c.end:
                out[u].add(rename(c.code))
    return out
