"""A corrected transcript taken in as a new version of a stored one (``ingest --revise``):
the old and new text are aligned, turns and sentences made again, and every coding and answer
evidence carried through the alignment (``store.revise_document``)."""

from __future__ import annotations

from pathlib import Path

from ..model import Document
from ..store import Store

__all__ = ["read_revision", "store_revision", "turn_rows", "restore_coding"]


def turn_rows(doc: Document) -> list[list]:
    """A document's turns as the store's rows hold them (``rows.TURN_COLUMNS[1:]``)."""
    return [[i, t.speaker, t.role, t.case, t.start, t.end, t.time]
            for i, t in enumerate(doc.turns)]


def read_revision(store: Store, path: Path, encoding: str | None, sha256: str,
                  by_document: dict, listed: set, known: set) -> tuple[Document, list[str]]:
    """Read the new version of a stored transcript as ``ingest`` reads any file, its
    informants keeping the cases they have in the project.

    Returns:
        The document and its warnings.
    """
    from ..ingest import read_document
    from .ingest import _interviewer_like, assign_cases

    doc = read_document(path, interviewer_labels=store.codebook.interviewer_labels,
                        known_labels=known, encoding=encoding, sha256=sha256)
    # the document's own cases are not "taken by another document"
    doc, warnings = assign_cases(doc, by_document, None, listed)
    return doc, list(doc.warnings) + warnings + _interviewer_like(doc, listed)


def store_revision(store: Store, doc: Document):
    """Replace the stored document of this name by ``doc`` (one unit): the previous text is
    kept as a version, codings are carried, set aside or listed for review.

    Returns:
        A ``store.revisions.RevisionReport``.
    """
    from ..ingest.align import align

    (old,) = store.documents([doc.name])
    if old.text == doc.text and old.turns == doc.turns:
        store.add_documents([], rehashed={doc.name: doc.sha256})
        from ..store.revisions import RevisionReport

        return RevisionReport(doc.name)
    return store.revise_document(doc.name, {"text": doc.text, "turns": turn_rows(doc),
                                            "sha256": doc.sha256, "format": doc.format},
                                 align(old.text, doc.text))


def restore_coding(store: Store, aside_id: int, quote: str | None = None) -> dict:
    """Put a set-aside coding back (one step) on ``quote``, or on its old text, found once in
    its document (whitespace matched loosely, as codings.csv quotes are).

    Raises:
        QualmrsError: no such set-aside coding, or the words are not found exactly once.
    """
    from ..coding.anchor import find_quote
    from ..errors import QualmrsError

    found = {r["id"]: r for r in store.set_aside_codings()}
    if aside_id not in found:
        raise QualmrsError(f"no set-aside coding with id {aside_id}; list them with "
                           "'qualmrs set-aside'")
    aside = found[aside_id]
    words = quote if quote is not None else aside["text"]
    (doc,) = store.documents([aside["document"]])
    spans = find_quote(doc.text, words.strip(), "", "")
    if len(spans) != 1:
        where = "not found" if not spans else f"found {len(spans)} times"
        raise QualmrsError(f"«{words.strip()}» is {where} in {doc.name}; give --quote with "
                           "words found once there")
    with store.atomic(command=f"restore-coding {aside_id}"):
        return store.restore_coding(aside_id, *spans[0])
