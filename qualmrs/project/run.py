"""Everything for a study folder in one call: store, tables, matrix, report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..codebook import load_codebook, parse_codebook
from ..errors import QualmrsError
from ..store import Store
from .core import load_study, open_project, segmenter
from .edits import update_codebook
from .figures import figure_folder, start_plots
from .figures import report as write_report
from .imports import import_answers, import_codings
from .ingest import IngestReport, ingest
from .summaries import import_summaries

__all__ = ["run", "RunResult"]
MAIN_POINTS = ("main_points.docx", "main_points.xlsx")  # the matrix of main points


@dataclass
class RunResult:
    """What ``run`` did: the store, what the files changed, and the files written."""

    db: Path
    ingest: IngestReport
    synced: list = field(default_factory=list)  # a SyncReport per codings/answers file
    tables: list = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    coder: str | None = None
    coder_reason: str = ""
    notes: list[str] = field(default_factory=list)
    moved: dict = field(default_factory=dict)  # codings moved between codes ('was:')

    @property
    def codings_added(self) -> int:
        return sum(r.codings[0] for r in self.synced)

    @property
    def answers_added(self) -> int:
        return sum(r.answers[0] for r in self.synced)


def _file_coders(*paths: Path) -> set[str]:
    """Coders named in the folder's own CSV files, read as the imports read them."""
    from ..coding.csvfile import read_rows

    return {row.get("coder", "") for p in paths if p.is_file()
            for _, row in read_rows(p, (), extra_ok=True)} - {""}


def run(source_dir: str | Path, codebook: str | Path, out: str | Path,
        coder: str | None = None, report: bool = True, progress=None,
        force: bool = False, revise: bool = False) -> RunResult:
    """Everything for a study folder: store, tables, matrix. Safe to run again.

    ``source_dir`` holds the transcripts and, when present, ``cases.csv``, ``codings.csv``,
    ``answers.csv`` and ``summaries.csv``. The store ``out/project.db`` is brought in line with the folder as
    one unit (all or nothing; a new store appears only when complete): new transcripts are
    added, and the codings and answers files are imported again, so rows edited or deleted
    there change the project as they would a fresh run. A changed codebook is taken in, with
    codings moved to the codes whose ``was:`` names their old key.

    Then writes ``out/tables/`` (every table as CSV, Markdown, XLSX and DOCX, plus
    ``code_counts.csv``), ``out/matrix.xlsx`` and ``.docx``, the matrix of main points
    ``out/main_points.docx`` and ``.xlsx``, and (unless ``report`` is false)
    ``out/report.html`` with its figures, all from one Study. They count ``coder``; by
    default the one coder named in the folder's codings.csv/answers.csv, so a second coder
    imported later does not change them. ``progress``: a tqdm-like callable for bars.
    The output files are written all or none, replacing those an earlier run wrote; an
    existing file qualmrs did not write is refused (before anything is stored) unless
    ``force``, and a project store never (``qualmrs.export.output``). With ``revise``, a
    transcript changed since it was stored is taken in as a corrected version (its codings
    carried; see ``qualmrs.project.revise``) instead of refused.
    """
    from ..export.drawing import Drawer

    # first, so that its worker forks from a small process and imports matplotlib while
    # this one ingests (qualmrs.export.drawing)
    with Drawer(None if report else 0) as drawer:
        return _run(source_dir, codebook, out, coder, report, progress, force, revise, drawer)


def _run(source_dir, codebook, out, coder, report, progress, force, revise, drawer
         ) -> RunResult:
    from ..export import write_matrix
    from ..export.mainpoints import write_main_points
    from ..export.frames import render
    from ..export.output import check_target, outputs
    from ..export.tables import RUN_FORMATS as FORMATS
    from ..export.tables import table_filename, write_tables

    source_dir, out = Path(source_dir), Path(out)
    if not source_dir.is_dir():
        raise QualmrsError("not a folder of transcripts", path=source_dir)
    # spaCy checks the patterns only of a codebook the project does not hold yet (below):
    # importing it for the check is most of a repeated run's start-up (issue 12)
    book = load_codebook(codebook, check_patterns=False)
    for name in [*(f"tables/{table_filename(t.id, fmt)}" for t in book.tables for fmt in FORMATS),
                 "tables/code_counts.csv", "matrix.xlsx", "matrix.docx", *MAIN_POINTS,
                 *(["report.html"] if report else [])]:
        check_target(out / name, force)
    db = out / "project.db"
    result = RunResult(db, IngestReport())

    def work(store: Store) -> None:
        if store.codebook.source != book.source:
            result.moved = update_codebook(store, book)
        cases_file = source_dir / "cases.csv"
        result.ingest = ingest(store, [source_dir],
                               cases_file if cases_file.is_file() else None, progress=progress,
                               revise=revise)
        for name, function in (("codings.csv", import_codings), ("answers.csv", import_answers),
                               ("summaries.csv", import_summaries)):
            if (source_dir / name).is_file():
                result.synced.append(function(store, source_dir / name))

    if db.exists():
        store = open_project(db)
        with store:
            if store.codebook.source != book.source:  # new to the project: check it whole
                book = parse_codebook(book.source, book.path)
            with store.atomic(command=f"run {source_dir.name}"):
                work(store)
    else:
        book = parse_codebook(book.source, book.path)

        def fill(store: Store) -> None:
            store.segmenter = segmenter(store)
            with store.atomic(command=f"run {source_dir.name}"):
                work(store)
        Store.create(db, book, fill=fill).close()
    with open_project(db) as store:
        reason = None
        if coder is None and "consensus" not in store.coders():
            named = _file_coders(source_dir / "codings.csv", source_dir / "answers.csv")
            if len(named) == 1:
                coder, reason = named.pop(), "named in the study folder's codings.csv and " \
                                             "answers.csv"
        study = load_study(store, coder, reason=reason)
    result.coder, result.coder_reason, result.notes = study.coder, study.coder_reason, \
        list(study.notes)
    result.tables = study.tables()
    # the worker (if any) draws while this process writes the tables
    started = start_plots(study, figure_folder(out / "report.html"), drawer) if report else None
    with outputs(force) as written:
        result.files = write_tables(result.tables, FORMATS, out / "tables", force)
        code_counts = study.counts()
        result.files.append(written.write_text(out / "tables" / "code_counts.csv",
                                               render(code_counts, "csv", index=True)))
        m = study.matrix()
        result.files.append(write_matrix(m, out / "matrix.xlsx", code_counts, force))
        result.files.append(write_matrix(m, out / "matrix.docx", force=force))
        points, quotes = study.main_points(), study.matrix_quotes()
        result.files += [write_main_points(points, quotes, out / name, force)
                         for name in MAIN_POINTS]
        if report:
            result.files.append(write_report(study, out / "report.html", progress=progress,
                                             force=force, drawer=drawer, started=started))
    return result
