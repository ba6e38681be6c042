"""The chain in one place: the only module that wires the stages to the store."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..codebook import load_codebook
from ..errors import IngestError, QualmrsError, StoreError
from ..model import INFORMANT, Document
from ..store import Store

__all__ = ["init_project", "open_project", "ingest", "import_codings", "import_answers",
           "tables", "matrix", "counts", "segments", "choose_coder", "run", "RunResult"]


def init_project(db: str | Path, codebook: str | Path) -> Store:
    """Create a new project database holding a copy of the codebook."""
    return Store.create(db, load_codebook(codebook))


def open_project(db: str | Path) -> Store:
    return Store.open(db)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    comment_codings: int = 0  # new manual codings made from Word comments
    comment_remarks: int = 0  # Word comments that name no code, left alone


def _assign_cases(doc: Document, by_document: dict[str, str]) -> Document:
    """Informant turns belong to the case named for the document, else to their speaker."""
    mapped = by_document.get(doc.name) or by_document.get(PurePath(doc.name).stem)
    turns = []
    for t in doc.turns:
        case = None
        if t.role == INFORMANT:
            case = mapped or t.speaker or PurePath(doc.name).stem
        turns.append(dataclasses.replace(t, case=case))
    return dataclasses.replace(doc, turns=tuple(turns))


def ingest(store: Store, paths, cases_file: str | Path | None = None,
           encoding: str | None = None, strict: bool = False,
           progress=None) -> IngestReport:
    """Read, segment and store transcripts (and cases).

    Every file is read, and so checked, before anything is written: bad input writes
    nothing. Then each document is segmented and committed in its own transaction (the
    cases with the first, a document's Word-comment codings with it), so an ingest that is
    killed keeps the documents done so far, each whole, and running it again adds the rest.

    Re-ingesting an unchanged file does nothing; a changed file under a stored name is
    refused, since codings point into the stored text. Word comments that name codes become
    their authors' manual codings; a .docx whose text is unchanged but whose comments are new
    gives just the new codings. With ``strict``, a file that would give a warning (no speaker
    labels, an unknown code in a comment) is refused instead.

    Args:
        progress: called as ``progress(items, total=n, desc=...)`` to wrap the files in a
            progress bar (``tqdm`` fits); None shows nothing.

    Raises:
        IngestError, ImportError_: nothing is written.
    """
    from ..coding import read_cases
    from ..coding.comments import codings_from_comments
    from ..ingest import file_sha256, read_document, transcript_files
    from ..segment import segment_document

    codebook = store.codebook
    cases, by_document = read_cases(cases_file) if cases_file else ((), {})
    known = {c.label for c in cases} | {c.label for c in store.cases()}
    stored = store.document_index()
    stored_by_sha = {sha: name for name, sha in stored.items()}
    report, batch = IngestReport(), {}
    # (new document or None, its comment codings, new hashes of re-coded stored documents)
    work: list[tuple[Document | None, list, dict]] = []
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
                if recoded is None:
                    raise IngestError(f"changed since it was ingested as '{path.name}'; codings "
                                      "point into the stored text, so it is not replaced (give "
                                      "the new version another file name to add it)", path=path)
            report.unchanged.append(path.name)
            if recoded is None:
                continue
        elif sha in stored_by_sha:
            report.warnings.append(f"{path.name}: same content as "
                                   f"'{stored_by_sha[sha]}', skipped")
            continue
        stored_by_sha.setdefault(sha, path.name)  # a copy later in this batch is skipped too
        doc = recoded or _assign_cases(read_document(
            path, interviewer_labels=codebook.interviewer_labels, known_labels=known,
            encoding=encoding, sha256=sha), by_document)
        from_comments = codings_from_comments(doc, codebook)
        warnings = (() if recoded else doc.warnings) + from_comments.warnings
        if strict and warnings:
            warning = warnings[0].removeprefix(f"{path.name}: ")
            raise IngestError(f"{warning} (refused: --strict)", path=path)
        report.warnings.extend(warnings)
        report.comment_remarks += len(from_comments.remarks)
        work.append((None if recoded else doc, list(from_comments.codings),
                     {doc.name: sha} if recoded else {}))
    if cases and not any(doc for doc, _, _ in work):
        store.add_documents([], cases)
        cases = ()
    for doc, codings, rehashed in steps(progress, work, "store"):
        items = [(doc, segment_document(doc, codebook.language))] if doc else []
        report.comment_codings += store.add_documents(items, cases, codings, rehashed)
        if doc:
            cases = ()
            report.added.append(doc.name)
    return report


def _changed_in_comments_only(store: Store, path: Path, encoding: str | None,
                              sha256: str) -> Document | None:
    """The stored document with the file's Word comments, when the file differs from the one
    ingested but its text does not (comments added in Word since); else None."""
    from ..ingest import read_document

    if path.suffix.lower() != ".docx":
        return None
    doc = read_document(path, interviewer_labels=store.codebook.interviewer_labels,
                        encoding=encoding, sha256=sha256)
    old = next(iter(store.documents([path.name])), None)
    if old is None or old.text != doc.text:
        return None
    return dataclasses.replace(old, comments=doc.comments)


def steps(progress, items, what: str):
    """``items``, wrapped in ``progress`` (a tqdm-like callable) when one is given."""
    items = list(items)
    return items if progress is None else progress(items, total=len(items), desc=what)


def _corpus(store: Store):
    from ..coding.locate import Corpus

    return Corpus(store.documents(), {c.label for c in store.cases()})


def import_codings(store: Store, path: str | Path, coder: str | None = None) -> int:
    """Anchor and store a codings.csv; returns the number of new codings."""
    from ..coding import read_codings

    return store.add_codings(read_codings(path, store.codebook, _corpus(store), coder))


def import_answers(store: Store, path: str | Path, coder: str | None = None) -> int:
    """Validate and store an answers.csv; returns the number of new answers."""
    from ..coding import read_answers

    return store.add_answers(read_answers(path, store.codebook, _corpus(store), coder))


def choose_coder(store: Store, coder: str | None) -> str | None:
    """The coder whose work tables are built from: the one asked for, ``consensus`` when
    present, or the only coder; several coders and no choice is an error."""
    coders = store.coders()
    if coder:
        if coder not in coders:
            raise StoreError(f"no manual codings or answers by '{coder}'; coders: "
                             + (", ".join(coders) or "none yet"))
        return coder
    if "consensus" in coders:
        return "consensus"
    if len(coders) > 1:
        raise StoreError("several coders in this project (" + ", ".join(coders)
                         + "); choose one with --coder")
    return coders[0] if coders else None


def tables(store: Store, coder: str | None = None):
    """The codebook's frequency tables from one coder's manual answers."""
    from ..analyse import frequency_tables

    who = choose_coder(store, coder)
    answers = store.answers(coder=who) if who else []
    return frequency_tables(store.codebook, answers)


def matrix(store: Store, coder: str | None = None, level: str = "theme"):
    from ..analyse import theme_matrix

    who = choose_coder(store, coder)
    codings = store.codings(coder=who) if who else []
    return theme_matrix(store.codebook, store.documents(), codings, store.cases(), level)


def counts(store: Store, coder: str | None = None):
    from ..analyse import code_counts

    who = choose_coder(store, coder)
    codings = store.codings(coder=who) if who else []
    return code_counts(store.codebook, store.documents(), codings, store.cases())


def segments(store: Store, level: str = "turn"):
    from ..analyse import segments_table

    return segments_table(store.documents(), store.sentences() if level == "sentence" else {},
                          level)


@dataclass
class RunResult:
    db: Path
    ingest: IngestReport
    codings_added: int
    answers_added: int
    tables: list
    files: list[Path]


def _file_coders(*paths: Path) -> set[str]:
    """Coders named in the folder's own CSV files, read as the imports read them."""
    from ..coding.csvfile import read_rows

    return {row.get("coder", "") for p in paths if p.is_file()
            for _, row in read_rows(p, (), extra_ok=True)} - {""}


def run(source_dir: str | Path, codebook: str | Path, out: str | Path,
        coder: str | None = None, report: bool = True, progress=None,
        force: bool = False) -> RunResult:
    """Everything for a study folder: store, tables, matrix. Safe to run again.

    ``source_dir`` holds the transcripts and, when present, ``cases.csv``, ``codings.csv``
    and ``answers.csv``. Writes ``out/project.db``, ``out/tables/`` (every table as CSV,
    Markdown, XLSX and DOCX, plus ``code_counts.csv``), ``out/matrix.xlsx`` and ``.docx``,
    and (unless ``report`` is false) ``out/report.html`` with its figures.
    Tables and matrix are of ``coder``; by default the one coder named in the folder's
    codings.csv/answers.csv, so a second coder imported later does not change them.
    ``progress``: a tqdm-like callable for bars over the files and figures (see ``ingest``).
    The output files are written all or none, replacing those an earlier run wrote; an
    existing file qualmrs did not write is refused (before anything is stored) unless
    ``force``, and a project store never (``qualmrs.export.output``).
    """
    from ..export import write_matrix
    from ..export.frames import render
    from ..export.output import check_target, outputs
    from ..export.tables import FORMATS, table_filename, write_tables

    source_dir, out = Path(source_dir), Path(out)
    if not source_dir.is_dir():
        raise QualmrsError("not a folder of transcripts", path=source_dir)
    book = load_codebook(codebook)
    for name in [*(f"tables/{table_filename(t.id, fmt)}" for t in book.tables for fmt in FORMATS),
                 "tables/code_counts.csv", "matrix.xlsx", "matrix.docx",
                 *(["report.html"] if report else [])]:
        check_target(out / name, force)
    db = out / "project.db"
    if db.exists():
        store = Store.open(db)
        if store.codebook.source != book.source:
            store.set_codebook(book)
    else:
        store = Store.create(db, book)
    with store:
        cases_file = source_dir / "cases.csv"
        # not named `report`: that is the argument saying whether to write report.html
        ingested = ingest(store, [source_dir], cases_file if cases_file.is_file() else None,
                          progress=progress)
        n_codings = n_answers = 0
        if (source_dir / "codings.csv").is_file():
            n_codings = import_codings(store, source_dir / "codings.csv")
        if (source_dir / "answers.csv").is_file():
            n_answers = import_answers(store, source_dir / "answers.csv")
        if coder is None and "consensus" not in store.coders():
            named = _file_coders(source_dir / "codings.csv", source_dir / "answers.csv")
            coder = named.pop() if len(named) == 1 else None
        frames = tables(store, coder)
        with outputs(force) as written:
            files = write_tables(frames, FORMATS, out / "tables", force)
            code_counts = counts(store, coder)
            written.write_text(out / "tables" / "code_counts.csv",
                               render(code_counts, "csv", index=True))
            files.append(out / "tables" / "code_counts.csv")
            m = matrix(store, coder)
            files.append(write_matrix(m, out / "matrix.xlsx", code_counts, force))
            files.append(write_matrix(m, out / "matrix.docx", force=force))
            if report:
                from .views import report as write_report

                files.append(write_report(store, out / "report.html", coder, progress=progress,
                                          force=force))
    return RunResult(db, ingested, n_codings, n_answers, frames, files)

