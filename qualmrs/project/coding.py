"""A person coding by hand (in the browser, or from Python): spans, memos, answers."""

from __future__ import annotations

from ..errors import NotFound, QualmrsError, did_you_mean
from ..model import MANUAL, Answer, Coding
from ..store import Store

__all__ = ["code_span", "check_code_and_coder", "set_memo", "set_answer", "StaleText"]


class StaleText(QualmrsError):
    """The text the caller saw at the offsets is not what the store holds there."""


def check_code_and_coder(book, code: str, coder: str | None) -> None:
    """Refuse a code the codebook lacks, and a coder who is no person.

    Raises:
        QualmrsError: naming the closest code keys.
    """
    if code not in {c.key for c in book.codes}:
        raise QualmrsError(f"unknown code '{code}'; {did_you_mean(code, [c.key for c in book.codes])}")
    if not coder or coder in ("rule", "model"):
        raise QualmrsError("name the person coding")


def code_span(store: Store, document: str, start: int, end: int, code: str, coder: str,
              memo: str = "", text: str | None = None, origin: str = "browser") -> list[Coding]:
    """Code ``[start, end)`` (code points into the stored text) as ``coder``'s manual coding,
    one coding per speaker turn it covers (labels and the space at its edges left out).

    Returns:
        The codings, each as stored (one already there is returned as it is).

    Raises:
        QualmrsError: unknown document or code, an empty or out-of-range span, a span
            with no talk in it; StaleText: ``text`` is not the stored text there.
    """
    from ..coding.spans import turn_spans

    check_code_and_coder(store.codebook, code, coder)
    docs = store.documents([document])
    if not docs:
        raise NotFound(f"unknown document '{document}'")
    doc = docs[0]
    if not (0 <= start < end <= len(doc.text)):
        raise QualmrsError(f"{start}–{end} is not a span of {document} "
                           f"(0–{len(doc.text)})")
    if text is not None and doc.text[start:end] != text:
        raise StaleText(f"the text at {start}–{end} of {document} is not the text selected; "
                        "reload the document")
    spans = turn_spans(doc, start, end)
    if not spans:
        raise QualmrsError("the selection holds no talk (only speaker labels or space)")
    with store.atomic(command=f"code {document} {start}-{end} {code}", actor=coder):
        store.add_codings([Coding(document, a, b, code, coder, MANUAL, memo, origin=origin)
                           for a, b in spans])
        wanted = set(spans)
        return [c for c in store.codings(coder=coder, document=document)
                if c.code == code and (c.start, c.end) in wanted]


def set_memo(store: Store, coding_id: int, memo: str, actor: str | None = None) -> None:
    """Set a manual coding's memo (one step)."""
    found = store.codings(source=MANUAL, ids=[coding_id])
    if not found:
        raise NotFound(f"no manual coding with id {coding_id}")
    with store.atomic(command=f"memo {coding_id}", actor=actor or found[0].coder):
        store.change_codings([coding_id], memo=memo)


def set_answer(store: Store, case: str, question: str, category: str | None, coder: str,
               evidence: str = "", document: str | None = None, start: int | None = None,
               end: int | None = None):
    """Set ``coder``'s answer to ``question`` for ``case`` (None: remove it), one step.

    Raises:
        QualmrsError: unknown case, question, or a category not on the question's scale.
    """
    book = store.codebook
    questions = {q.key for q in book.questions}
    if question not in questions:
        raise QualmrsError(f"unknown question '{question}'; {did_you_mean(question, questions)}")
    cases = {c.label for c in store.cases()}
    if case not in cases:
        raise QualmrsError(f"unknown case '{case}'; {did_you_mean(case, cases)}")
    if category:
        cats = {c.casefold(): c for c in book.scale_of(question).categories}
        if category.casefold() not in cats:
            raise QualmrsError(f"'{category}' is not a category of {question}; expected one "
                               "of: " + ", ".join(cats.values()))
        category = cats[category.casefold()]
    with store.atomic(command=f"answer {case} {question} {category or '(none)'}", actor=coder):
        return store.set_answer(Answer(case, question, category or "", coder, MANUAL, evidence,
                                       document, start, end, origin="browser"))
