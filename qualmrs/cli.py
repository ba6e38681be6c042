"""The ``qualmrs`` command: argument parsing only; the work is in ``qualmrs.project``."""

from __future__ import annotations

import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import QualmrsError

app = typer.Typer(help="qualmrs: code and tabulate qualitative interview studies.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


class TableFormat(str, Enum):
    md = "md"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"


class Level(str, Enum):
    turn = "turn"
    sentence = "sentence"


class MatrixLevel(str, Enum):
    theme = "theme"
    code = "code"


def _errors_as_lines(command):
    """A user mistake becomes ``Error: ...`` lines on stderr and exit 1; bugs keep tracebacks."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except QualmrsError as e:
            for problem in e.problems:
                typer.echo(f"Error: {problem}", err=True)
            raise typer.Exit(1)
    return wrapper


def _say(message: str) -> None:
    typer.echo(message, err=True)


DB = Annotated[Path, typer.Argument(help="The project database (e.g. out/project.db).")]
CoderOpt = Annotated[Optional[str], typer.Option("--coder", help="Whose coding to use.")]


@app.command()
@_errors_as_lines
def init(db: DB, codebook: Annotated[Path, typer.Option(help="Codebook YAML file.")]):
    """Create a project database with a codebook."""
    from .project import init_project

    init_project(db, codebook).close()
    _say(f"Created {db}")


@app.command("ingest")
@_errors_as_lines
def ingest_cmd(db: DB,
               paths: Annotated[list[Path], typer.Argument(help="Transcript files or folders.")],
               cases: Annotated[Optional[Path], typer.Option(help="cases.csv with attributes.")] = None,
               encoding: Annotated[Optional[str], typer.Option(
                   help="Encoding of text transcripts that are not UTF-8 (e.g. cp1252).")] = None):
    """Read transcripts (.txt .md .docx .vtt .srt) into the project."""
    from .project import ingest, open_project

    with open_project(db) as store:
        report = ingest(store, paths, cases, encoding)
    for w in report.warnings:
        _say(f"Warning: {w}")
    _say(f"Ingested {len(report.added)} document(s); {len(report.unchanged)} unchanged.")


@app.command("import-codings")
@_errors_as_lines
def import_codings_cmd(db: DB, file: Path, coder: CoderOpt = None):
    """Import manual codings from a quote-anchored codings.csv."""
    from .project import import_codings, open_project

    with open_project(db) as store:
        n = import_codings(store, file, coder)
    _say(f"Imported {n} new coding(s) from {file}")


@app.command("import-answers")
@_errors_as_lines
def import_answers_cmd(db: DB, file: Path, coder: CoderOpt = None):
    """Import answers to the closed questions from answers.csv."""
    from .project import import_answers, open_project

    with open_project(db) as store:
        n = import_answers(store, file, coder)
    _say(f"Imported {n} new answer(s) from {file}")


@app.command("tables")
@_errors_as_lines
def tables_cmd(db: DB, format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.md,
               out: Annotated[Optional[Path], typer.Option(help="Folder for the files.")] = None,
               coder: CoderOpt = None):
    """Frequency tables from the codebook's table definitions (printed, and written to --out)."""
    from .export import render_markdown, write_table
    from .project import open_project, tables

    with open_project(db) as store:
        frames = tables(store, coder)
    for frame in frames:
        if out is not None:
            _say(f"Wrote {write_table(frame, format.value, out)}")
        elif format is TableFormat.md:
            typer.echo(render_markdown(frame))
        elif format is TableFormat.csv:
            typer.echo(f"# {frame.attrs['caption']}")
            typer.echo(frame.to_csv(index_label="category", lineterminator="\n"))
        else:
            raise QualmrsError(f"--format {format.value} needs --out DIR")


@app.command("matrix")
@_errors_as_lines
def matrix_cmd(db: DB, out: Annotated[Path, typer.Option(
                   help="Output file: .xlsx, .docx, .csv or .md.")],
               level: Annotated[MatrixLevel, typer.Option(
                   help="Columns are themes or single codes.")] = MatrixLevel.theme,
               coder: CoderOpt = None):
    """The case × theme matrix of coded quotes."""
    from .export import write_matrix
    from .project import counts, matrix, open_project

    if out.suffix.lower() not in (".xlsx", ".docx", ".csv", ".md"):
        raise QualmrsError("the matrix is written as .xlsx, .docx, .csv or .md", path=out)
    with open_project(db) as store:
        m = matrix(store, coder, level.value)
        c = counts(store, coder) if out.suffix.lower() == ".xlsx" else None
    _say(f"Wrote {write_matrix(m, out, c)}")


@app.command("counts")
@_errors_as_lines
def counts_cmd(db: DB, format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.md,
               out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None,
               coder: CoderOpt = None):
    """Number of coded segments per code and case."""
    from .project import counts, open_project

    with open_project(db) as store:
        frame = counts(store, coder)
    _write_frame(frame, format, out)


@app.command("segments")
@_errors_as_lines
def segments_cmd(db: DB, level: Annotated[Level, typer.Option()] = Level.turn,
                 format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.csv,
                 out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None):
    """Turns or sentences: document,case,speaker,role,start,end,text."""
    from .project import open_project, segments

    with open_project(db) as store:
        frame = segments(store, level.value)
    _write_frame(frame, format, out, index=False)


def _write_frame(frame, format: TableFormat, out: Path | None, index: bool = True) -> None:
    from .export import frames

    if format is TableFormat.docx:
        raise QualmrsError("this table is written as csv, md or xlsx")
    if out is not None:
        _say(f"Wrote {frames.write(frame, out, format.value, index)}")
    elif format is TableFormat.xlsx:
        raise QualmrsError("--format xlsx needs --out FILE")
    else:
        sys.stdout.write(frames.render(frame, format.value, index))


@app.command("run")
@_errors_as_lines
def run_cmd(source_dir: Annotated[Path, typer.Argument(help="Folder of transcripts (and "
                                                       "cases.csv, codings.csv, answers.csv).")],
            codebook: Annotated[Path, typer.Option(help="Codebook YAML file.")],
            out: Annotated[Path, typer.Option(help="Output folder.")],
            coder: CoderOpt = None):
    """Do everything: ingest, import codings and answers, write tables and matrix, print tables."""
    from .export import render_markdown
    from .project import run

    result = run(source_dir, codebook, out, coder)
    for w in result.ingest.warnings:
        _say(f"Warning: {w}")
    _say(f"{len(result.ingest.added)} document(s) ingested, {len(result.ingest.unchanged)} "
         f"unchanged; {result.codings_added} coding(s) and {result.answers_added} answer(s) "
         f"imported; store {result.db}")
    for frame in result.tables:
        typer.echo(render_markdown(frame))
    _say(f"Wrote {len(result.files)} files under {out}")


class ReportFormat(str, Enum):
    table = "table"
    csv = "csv"
    md = "md"


class SheetFormat(str, Enum):
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


CodersOpt = Annotated[str, typer.Option("--coders", help="Coders to compare, e.g. BHO,coder2.")]
UnitOpt = Annotated[Level, typer.Option("--unit", help="Unit of comparison.")]
CodesOpt = Annotated[Optional[list[str]], typer.Option("--codes", help="Only these codes "
                                                       "(repeat, or separate with commas).")]


def _codes(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


@app.command("agreement")
@_errors_as_lines
def agreement_cmd(db: DB, coders: CodersOpt, unit: UnitOpt = Level.turn, codes: CodesOpt = None,
                  themes: Annotated[bool, typer.Option(
                      help="Roll sub-codes up to their top-level theme.")] = False,
                  format: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.table,
                  out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None):
    """Inter-coder agreement per code (percent, Cohen's kappa, Krippendorff's alpha) and on answers."""
    from .export import frames
    from .project import agreement, open_project

    with open_project(db) as store:
        codings, answers = agreement(store, coders, unit.value, _codes(codes), themes)
    a = codings.attrs
    heading = (f"Agreement between {' and '.join(a['coders'])}; unit: informant {a['unit']} "
               f"(code present or absent), {a['n_units']} units in {len(a['documents'])} "
               f"document(s) all coded: {', '.join(a['documents'])}. Mean over codes: "
               f"percent {a['mean_percent']:.3f}, kappa {a['mean_kappa']:.3f}, "
               f"alpha {a['mean_alpha']:.3f}; ALL = pooled over codes × units.")
    text = frames.render(codings, format.value, heading="" if format is ReportFormat.csv
                         else (f"# {heading}" if format is ReportFormat.md else heading))
    if format is not ReportFormat.csv:
        text += "\n" + frames.render(answers, format.value, heading=(
            "Answers to closed questions, unit: (case, question) answered by the coders:"))
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        _say(f"Wrote {out}")


@app.command("disagreements")
@_errors_as_lines
def disagreements_cmd(db: DB, coders: CodersOpt, unit: UnitOpt = Level.turn,
                      codes: CodesOpt = None,
                      format: Annotated[SheetFormat, typer.Option("--format")] = SheetFormat.csv,
                      out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None):
    """Units and answers where two coders differ, with a decision column to fill in."""
    from .export import frames
    from .project import disagreements, open_project

    with open_project(db) as store:
        frame = disagreements(store, coders, unit.value, _codes(codes))
    if out is not None:
        _say(f"Wrote {frames.write(frame, out, format.value)} ({len(frame)} disagreements)")
    elif format is SheetFormat.xlsx:
        raise QualmrsError("--format xlsx needs --out FILE")
    else:
        sys.stdout.write(frames.render(frame, format.value))


@app.command("consensus")
@_errors_as_lines
def consensus_cmd(db: DB, from_: Annotated[Path, typer.Option("--from", help=(
                      "The disagreements file (.csv or .xlsx) with decisions filled in."))],
                  coder: Annotated[str, typer.Option(help="Name of the new coder.")] = "consensus"):
    """Import decided disagreements as a new coder (agreed codes plus decisions)."""
    from .project import consensus, open_project

    with open_project(db) as store:
        n_codings, n_answers = consensus(store, from_, coder)
    _say(f"Coder '{coder}': {n_codings} coding(s) and {n_answers} answer(s) stored")


def main() -> None:
    app()
