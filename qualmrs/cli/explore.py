"""Commands for exploring themes: views, figures and the HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import (DB, AsOpt, CoderOpt, ForceOpt, QuietOpt, SheetFormat, TableFormat,
                  _errors_as_lines, _progress, _say, _write_frame, app)

FormatOpt = Annotated[SheetFormat, typer.Option("--format")]
OutOpt = Annotated[Optional[Path], typer.Option(help="Output file.")]
SuggOpt = Annotated[bool, typer.Option("--suggestions/--no-suggestions",
                                       help="Count rule and model suggestions too.")]


def _study(db: Path, coder: str | None, suggestions: bool = False, viewer: str | None = None):
    from ..project import open

    with open(db, viewer) as project:
        return project.study(coder, suggestions)


def _show(view: str, db: Path, format: SheetFormat, out: Path | None, index: bool,
          force: bool, coder: str | None, suggestions: bool, viewer: str | None,
          **kwargs) -> None:
    frame = getattr(_study(db, coder, suggestions, viewer), view)(**kwargs)
    _write_frame(frame, TableFormat(format.value), out, index=index, force=force)


@app.command("presence")
@_errors_as_lines
def presence_cmd(db: DB, format: FormatOpt = SheetFormat.md, out: OutOpt = None,
                 coder: CoderOpt = None, suggestions: SuggOpt = False, force: ForceOpt = False,
                 viewer: AsOpt = None):
    """Per code: coded segments and in how many cases it occurs («n of N informants»)."""
    _show("presence", db, format, out, False, force, coder=coder, suggestions=suggestions,
          viewer=viewer)


@app.command("crosstab")
@_errors_as_lines
def crosstab_cmd(db: DB, by: Annotated[str, typer.Option(help="A case attribute, e.g. fylke.")],
                 answers: Annotated[bool, typer.Option(
                     help="Cross the closed-question answers instead of the codes.")] = False,
                 format: FormatOpt = SheetFormat.md, out: OutOpt = None, coder: CoderOpt = None,
                 suggestions: SuggOpt = False, force: ForceOpt = False, viewer: AsOpt = None):
    """Codes (or answers) by a case attribute, with counts and shares."""
    _show("crosstab", db, format, out, False, force, by=by, answers=answers, coder=coder,
          suggestions=suggestions,
          viewer=viewer)


@app.command("cooccurrence")
@_errors_as_lines
def cooccurrence_cmd(db: DB, jaccard: Annotated[bool, typer.Option(
                         help="Normalise: turns with both / turns with either.")] = False,
                     format: FormatOpt = SheetFormat.md, out: OutOpt = None,
                     coder: CoderOpt = None, suggestions: SuggOpt = False,
                     force: ForceOpt = False, viewer: AsOpt = None):
    """How often two codes are on the same informant turn."""
    _show("cooccurrence", db, format, out, True, force, jaccard=jaccard, coder=coder,
          suggestions=suggestions,
          viewer=viewer)


@app.command("quotes")
@_errors_as_lines
def quotes_cmd(db: DB, code: Annotated[str, typer.Argument(help="A code key (sub-codes too).")],
               max_words: Annotated[Optional[int], typer.Option(
                   help="Shorten longer quotes, marking the cut with «(...)».")] = None,
               format: FormatOpt = SheetFormat.md, out: OutOpt = None, coder: CoderOpt = None,
               suggestions: SuggOpt = False, force: ForceOpt = False, viewer: AsOpt = None):
    """Every segment coded with a code, with case and attributes, in document order."""
    _show("quotes", db, format, out, False, force, code=code, max_words=max_words, coder=coder,
          suggestions=suggestions,
          viewer=viewer)


@app.command("words")
@_errors_as_lines
def words_cmd(db: DB, by: Annotated[str, typer.Option(help="'code' or 'case'.")] = "code",
              top: Annotated[int, typer.Option(help="Lemmas per group.")] = 15,
              format: FormatOpt = SheetFormat.md, out: OutOpt = None, coder: CoderOpt = None,
              suggestions: SuggOpt = False, force: ForceOpt = False, viewer: AsOpt = None):
    """Most frequent lemmas per code or case, stop words left out."""
    _show("words", db, format, out, False, force, by=by, top=top, coder=coder,
          suggestions=suggestions,
          viewer=viewer)


@app.command("plots")
@_errors_as_lines
def plots_cmd(db: DB, out: Annotated[Path, typer.Option(help="Folder for the figures.")],
              coder: CoderOpt = None, suggestions: SuggOpt = False,
              force: ForceOpt = False, viewer: AsOpt = None):
    """Figures as PNG and SVG: frequency tables, heatmaps, codes by attribute."""
    made = _study(db, coder, suggestions, viewer).plots(out, force=force)
    _say(f"Wrote {len(made)} figures (PNG and SVG) under {out}")


@app.command("report")
@_errors_as_lines
def report_cmd(db: DB, out: Annotated[Path, typer.Option(help="The HTML file to write.")],
               coder: CoderOpt = None, suggestions: SuggOpt = False, quiet: QuietOpt = False,
               force: ForceOpt = False, viewer: AsOpt = None):
    """One self-contained HTML report: overview, tables, figures, matrix, quotes per theme."""
    path = _study(db, coder, suggestions, viewer).report(out, progress=_progress(quiet),
                                                         force=force)
    if not quiet:
        _say(f"Wrote {path}")
