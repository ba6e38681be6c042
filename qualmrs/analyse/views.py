"""Views for writing the findings chapter: presence, crosstabs, co-occurrence, quotes, words.

Each returns a pandas DataFrame; the unit is the coded segment (a coding) or the informant turn
for co-occurrence, as each docstring says.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..model import Answer, Case, Codebook, Coding, Document, Sentence
from .matrix import code_counts


def presence(codebook: Codebook, documents: list[Document], codings: list[Coding],
             cases: list[Case]) -> pd.DataFrame:
    """Per code: coded segments, and in how many of the N cases it occurs («n of N»)."""
    counts = code_counts(codebook, documents, codings, cases)
    n = len(cases)
    frame = pd.DataFrame({
        "code": counts.index,
        "name": [codebook.code(k).name for k in counts.index],
        "segments": counts["total"].to_numpy(),
        "cases": counts["cases"].to_numpy(),
        "of": n,
    })
    frame["share"] = frame["cases"] / n if n else float("nan")
    return frame


def crosstab_codes(codebook: Codebook, documents: list[Document], codings: list[Coding],
                   cases: list[Case], by: str) -> pd.DataFrame:
    """Codes × values of a case attribute: segments, cases with the code, and their share of
    the cases with that value."""
    counts = code_counts(codebook, documents, codings, cases)
    groups: dict[str, list[str]] = {}
    for c in cases:
        groups.setdefault(c.attributes.get(by, "(none)"), []).append(c.label)
    rows = []
    for code in counts.index:
        for value, members in sorted(groups.items()):
            cols = [m for m in members if m in counts.columns]
            present = int((counts.loc[code, cols] > 0).sum())
            rows.append([code, by, value, int(counts.loc[code, cols].sum()), present,
                         len(members), present / len(members)])
    return pd.DataFrame(rows, columns=["code", "attribute", "value", "segments", "cases",
                                       "of", "share"])


def crosstab_answers(codebook: Codebook, answers: list[Answer], cases: list[Case],
                     by: str) -> pd.DataFrame:
    """Questions × categories × values of a case attribute: counts and shares of answers."""
    value = {c.label: c.attributes.get(by, "(none)") for c in cases}
    rows = []
    for q in codebook.questions:
        given = [a for a in answers if a.question == q.key]
        for v in sorted(set(value.values())):
            group = [a for a in given if value.get(a.case) == v]
            for cat in codebook.scale_of(q.key).categories:
                n = sum(a.category == cat for a in group)
                rows.append([q.key, cat, by, v, n, len(group), n / len(group) if group else 0.0])
    return pd.DataFrame(rows, columns=["question", "category", "attribute", "value", "count",
                                       "of", "share"])


def cooccurrence(codebook: Codebook, documents: list[Document], codings: list[Coding],
                 normalise: bool = False) -> pd.DataFrame:
    """Code × code: informant turns carrying both codes (diagonal: turns with the code).

    With ``normalise``, the Jaccard index: turns with both / turns with either.
    """
    from ..coding.units import codes_per_unit, units_of

    units = units_of(documents, {}, "turn")
    per_unit = codes_per_unit(units, codings)
    keys = [c.key for c in codebook.codes if any(c.key in s for s in per_unit.values())]
    both = pd.DataFrame(0, index=pd.Index(keys, name="code"), columns=keys, dtype="int64")
    for codes in per_unit.values():
        present = [k for k in keys if k in codes]
        for a in present:
            for b in present:
                both.loc[a, b] += 1
    if not normalise:
        return both
    single = pd.Series({k: both.loc[k, k] for k in keys})
    either = single.to_numpy()[:, None] + single.to_numpy()[None, :] - both.to_numpy()
    return pd.DataFrame(both.to_numpy() / either, index=both.index, columns=both.columns)


def shorten(text: str, max_words: int | None) -> str:
    """Keep the first and last words of a long quote and mark the cut with «(...)»."""
    words = text.split()
    if not max_words or len(words) <= max_words:
        return " ".join(words)
    head = max(1, (max_words + 1) // 2)
    tail = max_words - head
    return " ".join(words[:head]) + " (...)" + (" " + " ".join(words[-tail:]) if tail else "")


def quotes(codebook: Codebook, documents: list[Document], codings: list[Coding],
           cases: list[Case], code: str, max_words: int | None = None) -> pd.DataFrame:
    """Every segment coded with ``code`` (or a sub-code), in document order, with the case and
    its attributes, the code's name and the coder's memo: ready to quote in a chapter."""
    docs = {d.name: d for d in documents}
    attrs = {c.label: dict(c.attributes) for c in cases}
    names = sorted({k for a in attrs.values() for k in a})
    rows = []
    for c in sorted(codings, key=lambda c: (c.document, c.start, c.end, c.code)):
        if c.code != code and not c.code.startswith(code + "."):
            continue
        turn = docs[c.document].turn_at(c.start, c.end)
        case = turn.case if turn and turn.case else ""
        rows.append([c.document, case, *[attrs.get(case, {}).get(n, "") for n in names],
                     c.code, codebook.code(c.code).name, c.start, c.end,
                     shorten(docs[c.document].text[c.start:c.end], max_words), c.memo])
    return pd.DataFrame(rows, columns=["document", "case", *names, "code", "name", "start",
                                       "end", "quote", "memo"])


def word_frequency(documents: list[Document], sentences: dict[str, list[Sentence]],
                   codings: list[Coding], by: str = "code", top: int = 15,
                   stop_words: frozenset[str] = frozenset()) -> pd.DataFrame:
    """Most frequent lemmas per code (sentences overlapping its codings) or per case
    (its informant sentences), stop words left out."""
    if by not in ("code", "case"):
        raise ValueError("by must be 'code' or 'case'")
    docs = {d.name: d for d in documents}
    by_doc: dict[str, list[Coding]] = {}
    for c in codings:
        by_doc.setdefault(c.document, []).append(c)
    counters: dict[str, Counter] = {}
    for name, sents in sentences.items():
        doc = docs.get(name)
        if doc is None:
            continue
        for s in sents:
            turn = doc.turns[s.turn]
            if turn.role != "informant":
                continue
            words = [w for w in s.lemmas.split() if w not in stop_words and w.isalpha()
                     and len(w) > 1]
            if by == "case":
                counters.setdefault(turn.case or "", Counter()).update(words)
            else:  # a sentence counts once per code, however many codings cover it
                for code in {c.code for c in by_doc.get(name, ())
                             if c.start < s.end and s.start < c.end}:
                    counters.setdefault(code, Counter()).update(words)
    rows = [[group, rank, word, n] for group, counter in sorted(counters.items())
            for rank, (word, n) in enumerate(counter.most_common(top), start=1)]
    return pd.DataFrame(rows, columns=[by, "rank", "lemma", "count"])
