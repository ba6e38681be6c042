"""Ingest wired to the store: read, check, segment and store transcripts; Word comments become
codings of the origin ``word:<document>``, kept in step with the file."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..errors import IngestError
from ..model import INFORMANT, Document
from ..store import Store

__all__ = ["ingest", "IngestReport", "steps", "assign_cases", "sentences_of"]

# labels that name an interviewer in transcripts, whatever the codebook says
INTERVIEWER_LIKE = {"intervjuer", "interviewer", "int", "i", "intervjuar", "spørsmål", "q"}


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    comment_codings: int = 0  # manual codings made from Word comments
    comment_removed: int = 0  # codings withdrawn because their comment was deleted in Word
    comment_remarks: int = 0  # Word comments that name no code, left alone
    revised: list = field(default_factory=list)  # RevisionReport per corrected transcript


def steps(progress, items, what: str):
    """``items``, wrapped in ``progress`` (a tqdm-like callable) when one is given."""
    items = list(items)
    return items if progress is None else progress(items, total=len(items), desc=what)


def sentences_of(doc: Document, language: str):
    """The document's sentences as a generator, made a batch of turns at a time while the
    store writes them (issue 12: a long transcript's sentences are never all in memory)."""
    from itertools import chain

    from ..segment import sentence_batches

    return chain.from_iterable(sentence_batches(doc, language))


def assign_cases(doc: Document, by_document: dict[str, str],
                 taken: dict[str, str] | None = None, listed: set[str] = frozenset()
                 ) -> tuple[Document, list[str]]:
    """Informant turns belong to the case named for the document, else to their speaker.

    Args:
        taken: label → the document whose case it already is; a label used as the case of
            another document, and not listed in the cases file, is not taken to be the same
            person: this document's informants become a case named for the document.
        listed: case labels of the cases file.

    Returns:
        The document with cases set, and warnings.
    """
    mapped = by_document.get(doc.name) or by_document.get(PurePath(doc.name).stem)
    stem = PurePath(doc.name).stem
    warnings, renamed = [], {}
    turns = []
    for t in doc.turns:
        case = None
        if t.role == INFORMANT:
            case = mapped or t.speaker or stem
            if not mapped and taken is not None and case not in listed \
                    and taken.get(case, doc.name) != doc.name:
                if case not in renamed:
                    renamed[case] = stem
                    warnings.append(
                        f"{doc.name}: informant label '{case}' is also the case of "
                        f"{taken[case]}; taken as another person, case '{stem}' (list "
                        f"'{case}' in cases.csv if it is the same person, or map each file "
                        "to its case with a document column)")
                case = renamed[case]
        turns.append(dataclasses.replace(t, case=case))
    return dataclasses.replace(doc, turns=tuple(turns)), warnings


def _interviewer_like(doc: Document, known: set[str]) -> list[str]:
    """Warnings for informant labels that look like an interviewer's (unless they are known
    cases)."""
    seen = dict.fromkeys(t.speaker for t in doc.turns
                         if t.role == INFORMANT and t.speaker.casefold() in INTERVIEWER_LIKE
                         and t.speaker not in known)
    return [f"{doc.name}: speaker '{label}' looks like an interviewer but is not among the "
            "codebook's interviewer_labels, so its turns count as an informant's; add it to "
            "interviewer_labels if it is the interviewer" for label in seen]


def ingest(store: Store, paths, cases_file: str | Path | None = None,
           encoding: str | None = None, strict: bool = False,
           progress=None, revise: bool = False) -> IngestReport:
    """Read, segment and store transcripts (and cases).

    Every file is read, and so checked, before anything is written: bad input writes
    nothing. Then each document is segmented and committed in its own unit (the cases with
    the first, a document's Word-comment codings with it), so an ingest that is killed keeps
    the documents done so far, each whole, and running it again adds the rest. Inside an
    outer ``atomic()`` block the whole ingest is one unit.

    Re-ingesting an unchanged file does nothing; a changed file under a stored name is
    refused, since codings point into the stored text, unless ``revise``: then it is taken in
    as a corrected version (``qualmrs.project.revise``). Word comments that name codes become
    their authors' manual codings; a .docx whose text is unchanged but whose comments changed
    brings the project in line with its comments (new ones added, deleted ones withdrawn).
    With ``strict``, a file that would give a warning (no speaker labels, an unknown code in a
    comment) is refused instead. Warnings are kept with the project (``qualmrs status``).

    Args:
        progress: called as ``progress(items, total=n, desc=...)`` to wrap the files in a
            progress bar (``tqdm`` fits); None shows nothing.

    Raises:
        IngestError, ImportError_: nothing is written.
    """
    from ..coding import read_cases
    from ..ingest import file_sha256, read_document, transcript_files

    codebook = store.codebook
    cases, by_document = read_cases(cases_file) if cases_file else ((), {})
    listed = {c.label for c in cases}
    known = listed | {c.label for c in store.cases()}
    stored = store.document_index()
    stored_by_sha = {sha: name for name, sha in stored.items()}
    taken = store.case_documents()
    report, batch, revising = IngestReport(), {}, set()
    # (new document or None, the document whose comments to sync, new hashes of stored ones)
    work: list[tuple[Document | None, Document, dict, list[str]]] = []
    for path in steps(progress, transcript_files(paths), "read"):
        if path.name in batch:
            raise IngestError(f"two files named {path.name} (also {batch[path.name]}); "
                              "document names must be unique", path=path)
        batch[path.name] = path
        sha = file_sha256(path)
        recoded = None
        if path.name in stored:
            if stored[path.name] != sha:
                recoded = _changed_in_comments_only(store, path, encoding, sha)
                if recoded is None and revise:
                    from .revise import read_revision

                    recoded, warnings = read_revision(store, path, encoding, sha, by_document,
                                                      listed, known)
                    revising.add(path.name)
                if recoded is None:
                    raise IngestError(f"changed since it was ingested as '{path.name}'; codings "
                                      "point into the stored text, so it is not replaced (give "
                                      "the new version another file name to add it, or give "
                                      "--revise to take it in as a corrected version)",
                                      path=path)
            if path.name not in revising:
                report.unchanged.append(path.name)
            if recoded is None:
                continue
        elif sha in stored_by_sha:
            report.warnings.append(f"{path.name}: same content as "
                                   f"'{stored_by_sha[sha]}', skipped")
            continue
        stored_by_sha.setdefault(sha, path.name)  # a copy later in this batch is skipped too
        warnings = warnings if path.name in revising else []
        if recoded:
            doc = recoded
        else:
            doc, warnings = assign_cases(read_document(
                path, interviewer_labels=codebook.interviewer_labels, known_labels=known,
                encoding=encoding, sha256=sha), by_document, taken, listed)
            warnings = list(doc.warnings) + warnings + _interviewer_like(doc, listed)
            for t in doc.turns:
                if t.case:
                    taken.setdefault(t.case, doc.name)
        from_comments = _comment_items(doc, store)
        warnings += list(from_comments.warnings)
        if strict and warnings:
            warning = warnings[0].removeprefix(f"{path.name}: ")
            raise IngestError(f"{warning} (refused: --strict)", path=path)
        report.warnings.extend(warnings)
        report.comment_remarks += len(from_comments.remarks)
        work.append((None if recoded else doc, doc, {doc.name: sha} if recoded else {},
                     warnings, from_comments))
    if cases and not any(doc for doc, *_ in work):
        store.add_documents([], cases)
        cases = ()
    step = None  # one command, one step: the documents' units write to the same step
    names = [w[1].name for w in work]
    command = "ingest " + ", ".join(names[:3]) + (f" and {len(names) - 3} more"
                                                   if len(names) > 3 else "")
    for doc, source, rehashed, warnings, from_comments in steps(progress, work, "store"):
        if source.name in revising:
            from .revise import store_revision

            with store.atomic(command=command, step=step):
                report.revised.append(store_revision(store, source))
                report.comment_codings += _store_one(store, doc, source, rehashed, cases,
                                                     warnings, from_comments, report, step,
                                                     command)
            step = step or store.last_step
            continue
        report.comment_codings += _store_one(store, doc, source, rehashed, cases, warnings,
                                             from_comments, report, step, command)
        step = step or store.last_step
        if doc:
            cases = ()
            report.added.append(doc.name)
    return report


def _store_one(store: Store, doc, source, rehashed, cases, warnings, from_comments,
               report, step: int | None, command: str) -> int:
    """One document (or a stored one's new comments), its cases, warnings and comment
    codings, as one unit; returns the codings added from comments."""
    from ..coding.origins import diff

    with store.atomic(command=command, step=step):
        items = [(doc, sentences_of(doc, store.codebook.language))] if doc else []
        store.add_documents(items, cases, rehashed=rehashed,
                            warnings=[(source.name, w.removeprefix(f"{source.name}: "))
                                      for w in warnings])
        origin = f"word:{source.name}"
        old = store.import_snapshot(origin)
        if old is None and not from_comments.items:
            return 0
        from ..coding.origins import items_from_snapshot

        change = diff(items_from_snapshot(old[1]) if old else [], from_comments.items)
        result = store.sync_origin(origin, source.sha256, change)
    report.comment_removed += result.codings[2]
    return result.codings[0]


def _comment_items(doc: Document, store: Store):
    """The Word comments' codings as items of the document's ``word:`` origin (coders
    through the project's aliases)."""
    from ..coding.comments import codings_from_comments
    from ..coding.origins import Item

    found = codings_from_comments(doc, store.codebook)
    aliases = store.aliases()
    items = [Item(anchor, "coding", {
        "document": c.document, "start": c.start, "end": c.end, "code": c.code,
        "coder": aliases.get(c.coder, c.coder), "memo": c.memo})
        for c, anchor in zip(found.codings, found.anchors)]
    return dataclasses.replace(found, items=items)


def _changed_in_comments_only(store: Store, path: Path, encoding: str | None,
                              sha256: str) -> Document | None:
    """The stored document with the file's Word comments, when the file differs from the one
    ingested but its text does not (comments changed in Word since); else None."""
    from ..ingest import read_document

    if path.suffix.lower() != ".docx":
        return None
    doc = read_document(path, interviewer_labels=store.codebook.interviewer_labels,
                        encoding=encoding, sha256=sha256)
    old = next(iter(store.documents([path.name])), None)
    if old is None or old.text != doc.text:
        return None
    return dataclasses.replace(old, comments=doc.comments, sha256=sha256)
