"""REFI-QDA exchange wired to files and the store: QDC codebooks, QDPX project export."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from ..codebook import load_codebook, parse_codebook
from ..store import Store

__all__ = ["export_qdc", "import_qdc", "export_qdpx", "import_qdpx", "QdpxImport", "coding_sheet"]


def export_qdc(codebook: str | Path, out: str | Path, force: bool = False) -> Path:
    """Write a codebook YAML's code tree as a .qdc file (``force``: see ``export_qdpx``)."""
    from ..export.output import write_bytes
    from ..export.refi import codebook_qdc

    return write_bytes(Path(out), codebook_qdc(load_codebook(codebook)), force)


def import_qdc(qdc: str | Path, out: str | Path, force: bool = False) -> list[str]:
    """Turn a .qdc into a qualmrs codebook YAML (validated); returns warnings."""
    from ..export.output import write_text
    from ..ingest.qdc import qdc_to_yaml

    text, warnings = qdc_to_yaml(qdc)
    parse_codebook(text, str(out))  # what we write must load
    write_text(Path(out), text, force)
    return warnings


def export_qdpx(store: Store, out: str | Path, name: str | None = None,
                force: bool = False) -> Path:
    """Write the project's documents, codebook, cases, manual codings and answers as a .qdpx.

    Raises:
        OverwriteError: ``out`` is a project store, or an existing file qualmrs did not
            write (``force`` allows the latter, never the former).
    """
    from ..export.refi import write_qdpx

    return write_qdpx(Path(out), name or store.codebook.name or Path(out).stem, store.codebook,
                      store.documents(), store.cases(), store.codings(), store.answers(),
                      force)


@dataclass
class QdpxImport:
    """What ``import_qdpx`` made, and the account of what it could not carry over."""

    store_path: Path | str  # a file, or a server URL without its password
    origin: str
    documents: int
    codes: int
    codings: int
    answers: int
    coders: list[str]
    cases: int
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_qdpx(qdpx: str | Path, db: str | Path, codebook_out: str | Path | None = None,
                codebook: str | Path | None = None, coder: str = "refi",
                force: bool = False) -> QdpxImport:
    """A new project from a REFI-QDA project of another tool.

    Sources become documents (speaker turns found as for any transcript), codes a codebook
    (keys made from names, the tree kept) unless ``codebook`` maps them onto an existing one,
    selections manual codings by their user (``coder`` when none is named), cases cases.
    Nothing is written when anything fails.

    Raises:
        StoreError: a project already exists at ``db``.
        OverwriteError: ``codebook_out`` may not be written (``force``: see ``export_qdpx``).
        IngestError, CodebookError: the file cannot be read; nothing written.
    """
    import yaml

    from ..codebook import DEFAULT_INTERVIEWER_LABELS
    from ..errors import StoreError
    from ..export.output import check_target, write_text
    from ..ingest.qdpx import read_refi_project
    from ..ingest.speakers import INTERVIEWER_NAMES, with_interviewers
    from .ingest import assign_cases, sentences_of

    from ..store.postgres import is_url

    if not is_url(db):
        db = Path(db)
        if db.exists():
            raise StoreError("a project already exists here; import into a new project file",
                             path=db)
    if codebook_out:
        check_target(codebook_out, force)
    given = load_codebook(codebook) if codebook else None
    # Without a codebook every name an interviewer goes by is a speaker; which of them is
    # the interviewer is told from the documents below.
    labels = given.interviewer_labels if given else tuple(sorted(set().union(
        DEFAULT_INTERVIEWER_LABELS, *INTERVIEWER_NAMES.values())))
    project = read_refi_project(qdpx, labels, coder, given)
    docs, notes = project.documents, list(project.notes)
    if given:
        book, text = given, given.source
    else:
        settings, found = _settings_from(docs, project.cases)
        notes[:0] = found
        text = yaml.safe_dump({"name": project.name, **settings, "codes": project.codes},
                              allow_unicode=True, sort_keys=False, width=100)
        book = parse_codebook(text, str(codebook_out or Path(qdpx).with_suffix(".yaml")))
        cases = {c.label.casefold() for c in project.cases}  # a case is never the interviewer
        docs = [with_interviewers(d, [x for x in book.interviewer_labels
                                      if x.casefold() not in cases]) for d in docs]
    docs = [assign_cases(d, project.by_document)[0] for d in docs]
    origin = f"refi:{Path(qdpx).name}"
    codings = [dataclasses.replace(c, origin=origin, origin_key=c.origin_key or str(i))
               for i, c in enumerate(project.codings)]
    answers = [dataclasses.replace(a, origin=origin) for a in project.answers]

    def fill(store: Store) -> None:
        with store.atomic(command=f"import-qdpx {Path(qdpx).name}"):
            store.add_documents(((d, sentences_of(d, book.language)) for d in docs),
                                project.cases)
            store.add_work(codings, answers)

    with Store.create(db, book, fill=fill) as store:
        where = store.path if store.path is not None else store.where
    if codebook_out:
        write_text(Path(codebook_out), text, force)
    coders = {c.coder for c in project.codings} | {a.coder for a in project.answers}
    return QdpxImport(where, project.origin, len(docs), len(book.codes), len(project.codings),
                      len(project.answers), sorted(coders), len(project.cases),
                      project.skipped, notes)


def _settings_from(documents, cases) -> tuple[dict, list[str]]:
    """The codebook's ``language`` and ``interviewer_labels`` as the documents show them
    (issue 12: not Norwegian for an English study), and notes saying what was found. What
    cannot be told is left out: the codebook's defaults apply, and a note says so."""
    from ..ingest.speakers import find_interviewers
    from ..lang.detect import detect_language

    settings, notes = {}, []
    language = detect_language(d.text for d in documents) if documents else None
    if language:
        settings["language"] = language
    labels = find_interviewers(documents, language, [c.label for c in cases])
    if labels:
        settings["interviewer_labels"] = list(labels)
    if documents:
        notes.append(f"language: {language or 'not recognised (Norwegian Bokmål assumed)'}; "
                     "interviewer: " + (", ".join(labels) or "no speaker label recognised "
                                        "(A, I and Intervjuer assumed)")
                     + "; set language and interviewer_labels in the codebook to change them")
    return settings, notes


def coding_sheet(store: Store, out: str | Path, level: str = "turn",
                 documents: list[str] | None = None, force: bool = False) -> Path:
    """Write a coding sheet (.xlsx) of the project's informant turns or sentences
    (``force``: see ``export_qdpx``)."""
    from ..errors import QualmrsError
    from ..export.sheet import write_coding_sheet

    docs = store.documents()
    if documents:
        names = {d.name for d in docs}
        missing = [d for d in documents if d not in names]
        if missing:
            raise QualmrsError("unknown document(s): " + ", ".join(missing), key="--documents")
        docs = [d for d in docs if d.name in documents]
    return write_coding_sheet(Path(out), store.codebook, docs,
                              store.sentences() if level == "sentence" else {}, level, force)
