"""Commands that build a study: init, ingest, imports, counts, segments, run (tables and
matrices: ``thesis.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import QualmrsError
from .app import (DB, AsOpt, CoderOpt, ForceOpt, Level, QuietOpt, TableFormat,
                  _errors_as_lines, _progress, _say, _write_frame, app)
from .revised import ReviseOpt, revised_lines


@app.command()
@_errors_as_lines
def init(db: DB, codebook: Annotated[Path, typer.Option(help="Codebook YAML file.")]):
    """Create a project database with a codebook."""
    from ..project import create

    with create(db, codebook) as project:
        _say(f"Created {project.where}")


@app.command("ingest")
@_errors_as_lines
def ingest_cmd(db: DB,
               paths: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
               cases: Annotated[Optional[Path], typer.Option(help="cases.csv with attributes.")] = None,
               encoding: Annotated[Optional[str], typer.Option(
                   help="Encoding of text transcripts that are not UTF-8 (e.g. cp1252).")] = None,
               strict: Annotated[bool, typer.Option(
                   help="Refuse a file that would give a warning instead of ingesting it.")] = False,
               revise: ReviseOpt = False, quiet: QuietOpt = False):
    """Read transcripts (.txt .md .docx .vtt .srt) into the project."""
    from ..project import open

    with open(db) as project:
        report = project.ingest(paths, cases, encoding, strict, progress=_progress(quiet),
                                revise=revise)
    for w in report.warnings:
        _say(f"Warning: {w}")
    for line in revised_lines(report.revised):
        _say(line)
    if not quiet:
        _say(f"Ingested {len(report.added)} document(s); {len(report.unchanged)} unchanged"
             + (f"; {len(report.revised)} revised" if report.revised else "")
             + _from_comments(report) + ".")


def _from_comments(report) -> str:
    """How many codings Word comments gave or withdrew, when the transcripts had any."""
    if not (report.comment_codings or report.comment_remarks or report.comment_removed):
        return ""
    return (f"; {report.comment_codings} coding(s) from Word comments"
            + (f", {report.comment_removed} withdrawn (comment deleted)"
               if report.comment_removed else "")
            + (f" ({report.comment_remarks} comment(s) naming no code left as remarks)"
               if report.comment_remarks else ""))


def _synced(report, kinds=("codings", "answers", "summaries")) -> str:
    """«codings.csv: 2 coding(s) added, 1 changed, 1 removed»."""
    name = report.origin.split(":", 1)[-1]
    if report.unchanged_file:
        return f"{name}: unchanged since the last import"
    parts = [report.describe(k) for k in kinds if any(getattr(report, k))]
    return f"{name}: " + ("; ".join(parts) if parts else "nothing changed")


def _import(function: str, db: str, file: Path, coder: str | None) -> None:
    from ..project import open

    with open(db) as project:
        report = getattr(project, function)(file, coder)
    _say(_synced(report, ("codings",) if function == "import_codings" else ("answers",)))


def _counting(study) -> None:
    """Say whose work the tables count, and who is left out."""
    if study.coder:
        _say(f"Tables count coder {study.coder} ({study.coder_reason}).")
    for note in study.notes:
        _say(f"Note: {note}")


@app.command("import-codings")
@_errors_as_lines
def import_codings_cmd(db: DB, file: Path, coder: CoderOpt = None):
    """Import manual codings from a quote-anchored codings.csv (again: its changes)."""
    _import("import_codings", db, file, coder)


@app.command("import-answers")
@_errors_as_lines
def import_answers_cmd(db: DB, file: Path, coder: CoderOpt = None):
    """Import answers to the closed questions from answers.csv (again: its changes)."""
    _import("import_answers", db, file, coder)


@app.command("counts")
@_errors_as_lines
def counts_cmd(db: DB, format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.md,
               out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None,
               coder: CoderOpt = None, force: ForceOpt = False, viewer: AsOpt = None):
    """Number of coded segments per code and case."""
    from ..project import open

    with open(db, viewer) as project:
        frame = project.study(coder).counts()
    _write_frame(frame, format, out, force=force)


@app.command("segments")
@_errors_as_lines
def segments_cmd(db: DB, level: Annotated[Level, typer.Option()] = Level.turn,
                 format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.csv,
                 out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None,
                 force: ForceOpt = False):
    """Turns or sentences: document,case,speaker,role,start,end,text."""
    from ..project import open

    with open(db) as project:
        frame = project.segments(level.value)
    _write_frame(frame, format, out, index=False, force=force)


@app.command("run")
@_errors_as_lines
def run_cmd(source_dir: Annotated[Path, typer.Argument(help="Folder of transcripts (and "
                                                       "cases.csv, codings.csv, answers.csv).")],
            codebook: Annotated[Path, typer.Option(help="Codebook YAML file.")],
            out: Annotated[Path, typer.Option(help="Output folder.")],
            coder: CoderOpt = None,
            report: Annotated[bool, typer.Option("--report/--no-report",
                                                 help="Also write report.html.")] = True,
            revise: ReviseOpt = False, quiet: QuietOpt = False, force: ForceOpt = False):
    """Do everything: ingest, import codings and answers, write tables and matrix, print tables."""
    from ..export import render_markdown
    from ..project import run

    result = run(source_dir, codebook, out, coder, report, progress=_progress(quiet),
                 force=force, revise=revise)
    for w in result.ingest.warnings:
        _say(f"Warning: {w}")
    for line in revised_lines(result.ingest.revised):
        _say(line)
    if not quiet:
        synced = "".join(f"; {_synced(r)}" for r in result.synced)
        revised = f", {len(result.ingest.revised)} revised" if result.ingest.revised else ""
        _say(f"{len(result.ingest.added)} document(s) ingested, {len(result.ingest.unchanged)} "
             f"unchanged{revised}{_from_comments(result.ingest)}{synced}; store {result.db}")
        if result.moved.get("moved") or result.moved.get("dropped"):
            _say(f"Codebook updated: {result.moved['moved']} coding(s) moved to renamed or "
                 f"merged codes, {result.moved['dropped']} dropped")
        if result.coder:
            _say(f"Tables count coder {result.coder} ({result.coder_reason}).")
        for note in result.notes:
            _say(f"Note: {note}")
    for frame in result.tables:
        typer.echo(render_markdown(frame))
    if not quiet:
        _say(f"Wrote {len(result.files)} files under {out}")
