"""Agreement between coders, disagreements and consensus, wired to the store."""

from __future__ import annotations

from ..errors import QualmrsError, StoreError, did_you_mean
from ..store import Store

__all__ = ["agreement", "disagreements"]


def _coder_list(coders: str | list[str]) -> list[str]:
    names = [c.strip() for c in coders.split(",")] if isinstance(coders, str) else list(coders)
    names = [c for c in names if c]
    if len(names) < 2 or len(set(names)) != len(names):
        raise QualmrsError("name two or more different coders, e.g. --coders BHO,coder2")
    return names


def _check_coders(store: Store, names: list[str]) -> None:
    # «rule» and «model» name the suggestions, so a person can be compared with the machine
    known = store.coders() + sorted({c.source for c in store.codings(source=None)} - {"manual"})
    for name in names:
        if name not in known:
            raise StoreError(f"no manual codings or answers by '{name}'; coders: "
                             + (", ".join(known) or "none yet"))


def agreement(store: Store, coders, unit: str = "turn", codes: list[str] | None = None,
              themes: bool = False, documents: list[str] | None = None):
    """Agreement on codings (per code, pooled) and on answers between named coders.

    Args:
        documents: compare only these documents, and the answers of the cases interviewed
            in them (a round's); default: every document.

    Returns:
        (codings frame, answers frame); see ``qualmrs.analyse.agreement``; the codings
        frame's ``attrs["heading"]`` says what was measured (coders, unit, documents).
    """
    from ..analyse.agreement import agreement_heading, answer_agreement, coding_agreement

    names = _coder_list(coders)
    _check_coders(store, names)
    book = store.codebook
    if codes:
        valid = {c.key for c in book.codes}
        for c in codes:
            if c not in valid:
                raise QualmrsError(f"unknown code '{c}'; {did_you_mean(c, valid)}", key="--codes")
    docs = store.documents(documents)
    cases = {t.case for d in docs for t in d.turns} if documents is not None else None
    codings = [c for c in store.codings(source=None) if c.coder in names
               and (documents is None or c.document in documents)]
    frame = coding_agreement(book, docs, store.sentences(documents) if unit == "sentence"
                             else {}, codings, names, unit, codes, themes)
    if not frame.attrs["documents"]:
        raise QualmrsError("the coders have no coded document in common: nothing to compare")
    frame.attrs["heading"] = agreement_heading(frame.attrs)
    answers = answer_agreement(book, [a for a in store.answers(source=None) if a.coder in names
                                      and (cases is None or a.case in cases)], names)
    return frame, answers


def disagreements(store: Store, coders, unit: str = "turn", codes: list[str] | None = None):
    """Units (and answers) where two coders differ, with an empty ``decision`` column."""
    from ..analyse.disagreements import disagreements as find

    names = _coder_list(coders)
    if len(names) != 2:
        raise QualmrsError("disagreements compare exactly two coders")
    _check_coders(store, names)
    return find(store.codebook, store.documents(),
                store.sentences() if unit == "sentence" else {}, store.codings(source=None),
                store.answers(source=None), (names[0], names[1]), unit, codes)

