"""Search the project's interviews, and code what was found as one step of the history."""

from __future__ import annotations

from ..model import MANUAL, Coding
from ..store import Store

__all__ = ["search"]


def search(store: Store, query: str, exact: bool = False, role: str | None = None,
           cases: list[str] | None = None, code: str | None = None, coder: str | None = None,
           width: int = 40):
    """Keyword-in-context lines of ``query`` in every document, grouped by case (see
    ``qualmrs.analyse.search``); with ``code``, each hit's sentence is also coded as
    ``coder``'s manual coding, origin ``search:QUERY``, all in one step of the history.

    Returns:
        DataFrame ``document, case, start, end, left, match, right``;
        ``attrs["sentences"]`` holds each row's sentence as ``(start, end)`` (what coding
        that hit codes). With ``code``, ``attrs["coded"]`` is the number of new codings (a
        sentence coded so before is not coded twice).

    Raises:
        QualmrsError: a query without words, an unknown role, code or case, or ``code``
            without a person as ``coder``.
    """
    from ..analyse.search import search as search_table
    from ..errors import QualmrsError
    from ..analyse.search import sentences_of
    from ..segment import segmenter
    from .coding import check_code_and_coder

    if code is not None:
        if not coder:
            raise QualmrsError("coding the hits needs the person coding: give --coder NAME",
                               key="--coder")
        check_code_and_coder(store.codebook, code, coder)
    frame, hits = search_table(store.documents(), store.sentences(), store.cases(), query,
                               segmenter(store.codebook.language), exact, role, cases, width)
    around = {(h.document, h.start, h.end): (h.sentence.start, h.sentence.end) for h in hits}
    frame.attrs["sentences"] = [around[(d, a, b)] for d, a, b in
                                zip(frame["document"], frame["start"], frame["end"])]
    if code is not None:
        frame.attrs["coded"] = 0
        spans = sentences_of(hits)
        if spans:
            with store.atomic(command=f"search '{query}' --code {code}", actor=coder):
                frame.attrs["coded"] = store.add_codings(
                    [Coding(d, a, b, code, coder, MANUAL, origin=f"search:{query}")
                     for d, a, b in spans])
    return frame
