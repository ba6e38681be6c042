"""Who is the interviewer, told from the transcripts themselves (for a project made from
another tool's, which has no codebook saying so)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Iterable

from ..model import INFORMANT, INTERVIEWER, Document

__all__ = ["INTERVIEWER_NAMES", "find_interviewers", "with_interviewers"]

# Labels that name an interviewer, by language («A» is one only in Norwegian transcripts,
# where «A:» asks; in English ones «Q:» asks and «A:» answers).
INTERVIEWER_NAMES = {
    "nb": frozenset({"a", "i", "int", "intervjuer", "intervjuar", "spørsmål", "q"}),
    "en": frozenset({"i", "int", "interviewer", "q", "question", "moderator", "facilitator"}),
}
ASKING = 0.5  # share of a speaker's turns with a question mark that makes an interviewer


def find_interviewers(documents: Iterable[Document], language: str | None = None,
                      cases: Iterable[str] = ()) -> tuple[str, ...]:
    """The speaker labels that are the interviewer's.

    A label whose turns are mostly questions (at least ``ASKING`` of them hold a «?», in two
    turns or more) is an interviewer: in the sample and the independent interviews the
    interviewers ask in 90 % of their turns, informants in at most 23 %. In transcripts
    without question marks, labels named like an interviewer (``INTERVIEWER_NAMES`` of the
    language, or of any language when it is not known) are. A case label never is.

    Returns:
        The labels in the order they first speak; empty when none is found.
    """
    not_cases = {c.casefold() for c in cases}
    turns, asking = Counter(), Counter()
    for doc in documents:
        for t in doc.turns:
            if t.speaker and t.speaker.casefold() not in not_cases:
                turns[t.speaker] += 1
                asking[t.speaker] += "?" in doc.text[t.start:t.end]
    found = [s for s in turns if turns[s] >= 2 and asking[s] >= ASKING * turns[s]]
    if found:
        return tuple(found)
    names = INTERVIEWER_NAMES.get(language) or frozenset().union(
        *(n - {"a"} for n in INTERVIEWER_NAMES.values()))
    return tuple(s for s in turns if s.casefold() in names)


def with_interviewers(doc: Document, labels: Iterable[str]) -> Document:
    """``doc`` with the turns of ``labels`` the interviewer's and other labelled turns an
    informant's (text before the first label keeps its role)."""
    interviewers = {x.casefold() for x in labels}
    return dataclasses.replace(doc, turns=tuple(
        dataclasses.replace(t, role=INTERVIEWER if t.speaker.casefold() in interviewers
                            else INFORMANT) if t.speaker else t for t in doc.turns))
