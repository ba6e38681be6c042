"""Keyword search across all interviews, as keyword-in-context lines grouped by case.

By default words are matched on their lemmas, with the segmenter that made the stored
sentences: «rangering» finds «rangeringen» and «rangeringene», and a phrase («faglig frihet»)
its inflected forms («faglige friheten»). ``exact`` matches the word forms as written
(ignoring case). A phrase matches its words in order with nothing but white space between
them, within one sentence. The sentences' stored lemmas tell which sentences can hold the
query; only those are tokenised again to find where.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..errors import QualmrsError, did_you_mean
from ..model import INFORMANT, Case, Document, Sentence
from ..segment import Segmenter

COLUMNS = ["document", "case", "start", "end", "left", "match", "right"]
ROLES = ("informant", "interviewer", "unknown")


@dataclass(frozen=True)
class Hit:
    """One occurrence: ``[start, end)`` in the document's text, inside ``sentence``."""

    document: str
    case: str
    start: int
    end: int
    sentence: Sentence


def find(documents: list[Document], sentences: dict[str, list[Sentence]], query: str,
         segmenter: Segmenter, exact: bool = False, role: str | None = None,
         cases: list[str] | None = None) -> list[Hit]:
    """Every occurrence of ``query``, in document order.

    Args:
        sentences: document name → its stored sentences (with lemmas).
        exact: match word forms (ignoring case) instead of lemmas.
        role: only turns of this role (``informant``, ``interviewer``, ``unknown``).
        cases: only hits of these cases (an interviewer's turn belongs to the case of the
            interview's informant).

    Raises:
        QualmrsError: a query without words, or an unknown role.
    """
    if role is not None and role not in ROLES:
        raise QualmrsError(f"unknown role '{role}'; expected one of: {', '.join(ROLES)}",
                           key="--role")
    wanted = _tokens(segmenter, query, exact)
    words = {key for key, is_word in wanted if is_word}
    if not words:
        raise QualmrsError(f"the query '{query}' has no words to search for")
    pattern = [key for key, _ in wanted]
    keep = set(cases) if cases else None
    out = []
    for doc in documents:
        fallback = _interview_case(doc)
        for s in sentences.get(doc.name, []):
            turn = doc.turns[s.turn]
            case = turn.case or fallback
            if (role and turn.role != role) or (keep is not None and case not in keep):
                continue
            text = doc.text[s.start:s.end]
            if not _may_hold(s, text, words, exact):
                continue
            for a, b in _occurrences(segmenter, text, pattern, exact):
                out.append(Hit(doc.name, case, s.start + a, s.start + b, s))
    return out


def _tokens(seg: Segmenter, text: str, exact: bool) -> list[tuple[str, bool]]:
    """Each non-space token's key (its lower-case form, or lemma) and whether it is a word
    (what stored lemmas hold)."""
    return [(t.lower_ if exact or t.is_punct else seg.lemma(t.text), not t.is_punct)
            for t in seg.nlp.make_doc(text) if not t.is_space]


def _may_hold(sentence: Sentence, text: str, words: set[str], exact: bool) -> bool:
    if exact:
        lower = text.lower()
        return all(w in lower for w in words)
    return words <= set(sentence.lemmas.split())


def _occurrences(seg: Segmenter, text: str, pattern: list[str], exact: bool):
    """(start, end) in ``text`` of each run of tokens whose keys are ``pattern``."""
    tokens = [t for t in seg.nlp.make_doc(text) if not t.is_space]
    keys = [t.lower_ if exact or t.is_punct else seg.lemma(t.text) for t in tokens]
    n = len(pattern)
    for i in range(len(keys) - n + 1):
        if keys[i:i + n] == pattern:
            yield tokens[i].idx, tokens[i + n - 1].idx + len(tokens[i + n - 1])


def _interview_case(doc: Document) -> str:
    """The case of an interview with one informant (what its interviewer turns belong to)."""
    found = {t.case for t in doc.turns if t.role == INFORMANT and t.case}
    return found.pop() if len(found) == 1 else ""


def kwic(hits: list[Hit], documents: list[Document], cases: list[Case],
         width: int = 40) -> pd.DataFrame:
    """Keyword-in-context lines grouped by case (in project order, then document and place).

    Returns:
        ``document, case, start, end, left, match, right``: ``start``/``end`` are code points
        into the stored text; ``left``/``right`` hold up to ``width`` characters of the same
        turn around the match, white space as single spaces, no word cut in two.
    """
    texts = {d.name: d for d in documents}
    order = {c.label: i for i, c in enumerate(cases)}
    rows = []
    for h in sorted(hits, key=lambda h: (order.get(h.case, len(order)), h.case, h.document,
                                        h.start)):
        doc = texts[h.document]
        turn = doc.turns[h.sentence.turn]
        a, b = max(turn.start, h.start - width), min(turn.end, h.end + width)
        left = doc.text[a:h.start]
        right = doc.text[h.end:b]
        text = doc.text
        if a > turn.start and not text[a - 1].isspace() and not text[a].isspace():
            left = left.split(None, 1)[1] if len(left.split(None, 1)) > 1 else ""  # cut word
        if b < turn.end and not text[b].isspace() and not text[b - 1].isspace():
            right = right.rsplit(None, 1)[0] if len(right.rsplit(None, 1)) > 1 else ""
        rows.append((h.document, h.case, h.start, h.end, " ".join(left.split()),
                     doc.text[h.start:h.end], " ".join(right.split())))
    return pd.DataFrame(rows, columns=COLUMNS)


def search(documents: list[Document], sentences: dict[str, list[Sentence]], cases: list[Case],
           query: str, segmenter: Segmenter, exact: bool = False, role: str | None = None,
           only: list[str] | None = None, width: int = 40) -> tuple[pd.DataFrame, list[Hit]]:
    """``find`` then ``kwic``: the keyword-in-context table and the hits behind it.

    Args:
        cases: the project's cases, in order (the groups); ``only``: labels to keep.

    Raises:
        QualmrsError: as ``find``, or a label in ``only`` that is no case (with the closest).
    """
    labels = [c.label for c in cases]
    for label in only or ():
        if label not in labels:
            raise QualmrsError(f"unknown case '{label}'; {did_you_mean(label, labels)}",
                               key="--case")
    hits = find(documents, sentences, query, segmenter, exact, role, only)
    return kwic(hits, documents, cases, width), hits


def sentences_of(hits: list[Hit]) -> list[tuple[str, int, int]]:
    """The distinct sentences holding the hits, as (document, start, end), in order."""
    return sorted({(h.document, h.sentence.start, h.sentence.end) for h in hits})
