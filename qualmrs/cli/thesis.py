"""Commands that write what goes into a thesis: frequency tables, the case × theme matrix,
and the matrix of main points (summaries: the grid to write them in, and its import)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import QualmrsError
from .app import (DB, AsOpt, CoderOpt, ForceOpt, MatrixLevel, _errors_as_lines, _say,
                  app)
from .study import _counting, _synced


class ThesisFormat(str, Enum):
    md = "md"
    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"
    tex = "tex"


TemplateOpt = Annotated[Optional[Path], typer.Option(
    "--template", help="A Word file (.docx) whose page size, margins and styles the Word "
                       "output takes (default: A4).")]


@app.command("tables")
@_errors_as_lines
def tables_cmd(db: DB, format: Annotated[ThesisFormat, typer.Option("--format")] = ThesisFormat.md,
               out: Annotated[Optional[Path], typer.Option(help="Folder for the files.")] = None,
               coder: CoderOpt = None, template: TemplateOpt = None, force: ForceOpt = False,
               viewer: AsOpt = None):
    """Frequency tables from the codebook's table definitions (printed, and written to --out)."""
    from ..export.tabletext import render_csv, render_markdown
    from ..project import open

    with open(db, viewer) as project:
        study = project.study(coder)
    if out is not None:
        from ..export.tables import write_tables

        for path in write_tables(study.tables(), [format.value], out, force, template):
            _say(f"Wrote {path}")
        _counting(study)
        return
    _counting(study)
    if format is ThesisFormat.tex:
        from ..export.tables import render_tex

        tables, render = study.tables(), render_tex
    elif format in (ThesisFormat.md, ThesisFormat.csv):
        # plain counts: printing them as Markdown or CSV needs no pandas (issue 12)
        tables = study.table_counts()
        render = render_markdown if format is ThesisFormat.md else \
            lambda t: f"# {t.caption}\n{render_csv(t)}"
    else:
        raise QualmrsError(f"--format {format.value} needs --out DIR")
    for table in tables:
        typer.echo(render(table))


@app.command("matrix")
@_errors_as_lines
def matrix_cmd(db: DB, out: Annotated[Path, typer.Option(
                   help="Output file: .docx, .xlsx, .tex, .csv or .md.")],
               format: Annotated[Optional[ThesisFormat], typer.Option(
                   "--format", help="The format, when --out does not end in it.")] = None,
               level: Annotated[MatrixLevel, typer.Option(
                   help="Columns are themes or single codes.")] = MatrixLevel.theme,
               summaries: Annotated[bool, typer.Option(
                   "--summaries", help="The matrix of main points: each cell the summary "
                                       "written for it, else its number of quotes and the "
                                       "shortest.")] = False,
               max_quotes: Annotated[int, typer.Option(
                   "--max-quotes", min=0, help="Quotes per cell in Word and LaTeX; the rest "
                                               "go to an appendix table (0: all).")] = 3,
               coder: CoderOpt = None, template: TemplateOpt = None, force: ForceOpt = False,
               viewer: AsOpt = None):
    """The case × theme matrix of coded quotes (or, with --summaries, of main points)."""
    from ..export import write_matrix
    from ..export.mainpoints import write_main_points
    from ..project import open

    if format is not None and out.suffix.lower() != f".{format.value}":
        out = out.with_name(out.name + f".{format.value}")
    if out.suffix.lower() not in (".xlsx", ".docx", ".tex", ".csv", ".md"):
        raise QualmrsError("the matrix is written as .docx, .xlsx, .tex, .csv or .md",
                           path=out)
    with open(db, viewer) as project:
        study = project.study(coder)
    if summaries:
        path = write_main_points(study.main_points(level.value),
                                 study.matrix_quotes(level.value), out, force, template)
    else:
        counts = study.counts() if out.suffix.lower() == ".xlsx" else None
        path = write_matrix(study.matrix(level.value), out, counts, force, max_quotes, template)
    _say(f"Wrote {path}")


@app.command("summaries")
@_errors_as_lines
def summaries_cmd(db: DB, out: Annotated[Path, typer.Option(help="The grid to write (.xlsx).")],
                  level: Annotated[MatrixLevel, typer.Option(
                      help="Columns are themes or single codes.")] = MatrixLevel.theme,
                  coder: CoderOpt = None, force: ForceOpt = False):
    """Write the grid to write summaries in: cases × themes, the coder's quotes in a second
    sheet (mark with x the quotes a summary rests on); read it back with import-summaries."""
    from ..project import open

    if out.suffix.lower() != ".xlsx":
        raise QualmrsError("the grid is written as .xlsx", path=out)
    with open(db) as project:
        _say(f"Wrote {project.summary_grid(out, coder, level.value, force)}")


@app.command("import-summaries")
@_errors_as_lines
def import_summaries_cmd(db: DB, file: Annotated[Path, typer.Argument(
                             help="A filled grid (.xlsx), or a CSV: case,theme,summary,"
                                  "quotes,coder.")],
                         coder: CoderOpt = None):
    """Import summaries from a filled grid (again: its changes; an emptied cell removes its
    summary)."""
    from ..project import open

    with open(db) as project:
        report = project.import_summaries(file, coder)
    _say(_synced(report, ("summaries",)))
