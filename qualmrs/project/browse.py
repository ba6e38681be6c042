"""What a reader in a window needs, as plain data: the documents with their progress, one
document with its codings and suggestions, a case's closed questions.

Each function reads only what its view shows (a document's own codings, not the study's), so
that an action in the browser stays quick on a store of a thousand interviews.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import MANUAL
from ..store import Store

__all__ = ["documents_overview", "document_view", "case_questions", "codebook_tree",
           "suggestion_ids", "least_sure", "repeats"]


def documents_overview(store: Store, blind=None) -> dict:
    """Every document with its cases, their attributes, words and coding progress.

    Returns:
        ``{"documents": [{name, cases, attributes, words, informant_turns,
        coded: {coder: turns}}...], "coders": [...], "attributes": {name: [values]}}``;
        a turn counts as coded by a coder when one of the coder's manual codings overlaps it;
        a blind viewer (``blind``: ``rounds.Blind``) sees no one else's progress on the
        round's documents.
    """
    attrs = {c.label: dict(c.attributes) for c in store.cases()}
    coded: dict[str, dict[str, int]] = defaultdict(dict)
    for name, coder, n in store.coded_turns():
        if blind is None or coder == blind.viewer or name not in blind.round.documents:
            coded[name][coder] = n
    docs, coders = [], set()
    for name, info in store.document_summaries().items():
        merged: dict[str, str] = {}
        for case in info["cases"]:
            merged.update(attrs.get(case, {}))
        coders.update(coded[name])
        docs.append({"name": name, "cases": info["cases"], "attributes": merged,
                     "words": info["words"], "informant_turns": info["informant_turns"],
                     "coded": dict(coded[name])})
    values: dict[str, set] = defaultdict(set)
    for a in attrs.values():
        for k, v in a.items():
            values[k].add(v)
    return {"documents": docs, "coders": sorted(coders),
            "attributes": {k: sorted(v) for k, v in sorted(values.items())}}


def document_view(store: Store, name: str, blind=None) -> dict:
    """One document as the reader shows it (to a blind viewer, without what ``blind`` hides).

    Returns:
        ``{name, text, turns: [{i, speaker, role, case, start, end, time}], codings: [{id,
        start, end, code, coder, memo, origin}], suggestions: [{id, start, end, code, source,
        confidence, evidence}]}``; offsets are code points into ``text``.

    Raises:
        QualmrsError: no such document.
    """
    from ..errors import NotFound, did_you_mean

    docs = store.documents([name])
    if not docs:
        raise NotFound(f"unknown document '{name}'; "
                           f"{did_you_mean(name, list(store.document_index()))}")
    doc = docs[0]
    codings, suggestions = [], []
    for c in store.codings(source=None, document=name):
        if blind is not None and blind.hides_coding(c):
            continue
        if c.source == MANUAL:
            codings.append({"id": c.id, "start": c.start, "end": c.end, "code": c.code,
                            "coder": c.coder, "memo": c.memo, "origin": c.origin})
        else:
            suggestions.append({"id": c.id, "start": c.start, "end": c.end, "code": c.code,
                                "source": c.source, "confidence": c.confidence,
                                "evidence": c.evidence})
    return {"name": doc.name, "text": doc.text,
            "turns": [{"i": i, "speaker": t.speaker, "role": t.role, "case": t.case,
                       "start": t.start, "end": t.end, "time": t.time}
                      for i, t in enumerate(doc.turns)],
            "codings": codings, "suggestions": suggestions}


def case_questions(store: Store, case: str, coder: str | None, blind=None) -> list[dict]:
    """Each closed question for a case: the coder's answer, the suggested one, and where the
    suggestion's evidence stands (to jump to it).

    Returns:
        ``[{question, text, scale, categories, answer, suggested, confidence, evidence,
        document, start, end}]`` in codebook order.
    """
    book = store.codebook
    given = {a.question: a for a in store.answers(coder=coder, case=case)
             if not (blind and blind.hides_answer(a))} if coder else {}
    suggested = {a.question: a for a in store.answers(source="rule", case=case)}
    out = []
    for q in book.questions:
        mine, sug = given.get(q.key), suggested.get(q.key)
        out.append({"question": q.key, "text": q.text, "scale": q.scale,
                    "categories": list(book.scale_of(q.key).categories),
                    "answer": mine.category if mine else None,
                    "suggested": sug.category if sug else None,
                    "confidence": sug.confidence if sug else None,
                    "evidence": sug.evidence if sug else (mine.evidence if mine else ""),
                    "document": (sug or mine).document if (sug or mine) else None,
                    "start": (sug or mine).start if (sug or mine) else None,
                    "end": (sug or mine).end if (sug or mine) else None})
    return out


def codebook_tree(store: Store) -> list[dict]:
    """The codes in codebook order with what a coder needs to pick one.

    Returns:
        ``[{key, name, parent, depth, description, include, exclude, examples, color}]``.
    """
    book = store.codebook
    colors = code_colors(book)
    return [{"key": c.key, "name": c.name, "parent": c.parent, "depth": c.key.count("."),
             "description": c.description, "include": c.include, "exclude": c.exclude,
             "examples": list(c.examples), "color": colors[c.key]} for c in book.codes]


PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf"]


def code_colors(book) -> dict[str, str]:
    """A colour per code: its own, else its theme's; the sub-codes of a theme spread around
    its hue and in three lightnesses, so that siblings side by side in the margin can be told
    apart (a new user could not, in shades of one blue; issue 14)."""
    out: dict[str, str] = {}
    themes = [c for c in book.codes if c.parent is None]
    for i, c in enumerate(themes):
        out[c.key] = c.color or PALETTE[i % len(PALETTE)]
    children: dict[str, list] = defaultdict(list)
    for c in book.codes:
        if c.parent is not None:
            children[c.parent].append(c)
    for c in book.codes:  # parents before their children, as the codebook lists them
        kids = children.get(c.key, [])
        for n, kid in enumerate(kids):
            out[kid.key] = kid.color or _sibling(out.get(c.key, PALETTE[0]), n, len(kids))
    return out


def _sibling(color: str, n: int, k: int) -> str:
    """The ``n``-th of ``k`` sibling colours around ``color``: hue within ±36°, lightness
    cycling dark, light, middle (a lone child is light)."""
    import colorsys

    color = color.lstrip("#")
    if len(color) == 3:
        color = "".join(ch * 2 for ch in color)
    h, _, s = colorsys.rgb_to_hls(*(int(color[i:i + 2], 16) / 255 for i in (0, 2, 4)))
    hue = h if k == 1 else h - 0.1 + 0.2 * n / (k - 1)
    rgb = colorsys.hls_to_rgb(hue % 1.0, (0.30, 0.74, 0.52)[n % 3] if k > 1 else 0.72,
                              max(s, 0.55))
    return "#" + "".join(f"{round(v * 255):02x}" for v in rgb)


def repeats(suggestion, codings) -> bool:
    """Whether one of ``codings`` has the suggestion's code on all of its text: the reader
    does not show such a suggestion (nothing is left to decide)."""
    return any(c.code == suggestion.code and c.document == suggestion.document
               and c.start <= suggestion.start and suggestion.end <= c.end for c in codings)


def suggestion_ids(store: Store, document: str, code: str, blind=None) -> list[int]:
    """The ids of a document's suggestions of ``code`` (and its sub-codes) that the viewer
    may see (``blind``: ``rounds.Blind``)."""
    return [c.id for c in store.codings(source=None, document=document)
            if c.source != MANUAL and (c.code == code or c.code.startswith(code + "."))
            and not (blind and blind.hides_coding(c))]


def least_sure(store: Store, document: str | None = None,
               coder: str | None = None, blind=None) -> dict | None:
    """The suggestion the model is least sure of (lowest confidence; a rule match counts as
    sure), in ``document`` or anywhere: what a person's decision teaches the model most.
    With ``coder``, suggestions that repeat the coder's own coding are passed over.

    Returns:
        ``{id, document, start, end, code, source, confidence}`` or None.
    """
    found = [c for c in store.codings(source=None, document=document)
             if not (blind and blind.hides_coding(c))]
    mine = [c for c in found if c.source == MANUAL and c.coder == coder]
    found = [c for c in found if c.source != MANUAL and not repeats(c, mine)]
    if not found:
        return None
    c = min(found, key=lambda c: (1.0 if c.confidence is None else c.confidence,
                                  c.document, c.start))
    return {"id": c.id, "document": c.document, "start": c.start, "end": c.end,
            "code": c.code, "source": c.source, "confidence": c.confidence}
