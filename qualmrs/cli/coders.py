"""Commands about coders and suggestions: agreement, consensus, suggest, evaluate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import QualmrsError
from .app import (DB, AsOpt, CoderOpt, ForceOpt, Level, QuietOpt, ReportFormat, SheetFormat,
                  TableFormat, _errors_as_lines, _progress, _say, _write_frame, app)


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
                  out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None,
                  force: ForceOpt = False):
    """Inter-coder agreement per code (percent, Cohen's kappa, Krippendorff's alpha) and on answers."""
    from ..export.output import write_text
    from ..project import open

    with open(db) as project:
        codings, answers = project.agreement(coders, unit.value, _codes(codes), themes)
    text = agreement_text(codings, answers, format)
    if out is None:
        sys.stdout.write(text)
    else:
        _say(f"Wrote {write_text(out, text, force)}")


def agreement_text(codings, answers, format: ReportFormat) -> str:
    """The agreement tables with a heading stating the unit, as printed."""
    from ..analyse.agreement import agreement_heading
    from ..export import frames

    heading = agreement_heading(codings.attrs)
    text = frames.render(codings, format.value, heading="" if format is ReportFormat.csv
                         else (f"# {heading}" if format is ReportFormat.md else heading))
    if format is not ReportFormat.csv:
        text += "\n" + frames.render(answers, format.value, heading=(
            "Answers to closed questions, unit: (case, question) answered by the coders:"))
    return text


@app.command("disagreements")
@_errors_as_lines
def disagreements_cmd(db: DB, coders: CodersOpt, unit: UnitOpt = Level.turn,
                      codes: CodesOpt = None,
                      format: Annotated[SheetFormat, typer.Option("--format")] = SheetFormat.csv,
                      out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None,
                      force: ForceOpt = False):
    """Units and answers where two coders differ, with a decision column to fill in."""
    from ..project import open

    with open(db) as project:
        frame = project.disagreements(coders, unit.value, _codes(codes))
    write_disagreements(frame, format, out, force)


def write_disagreements(frame, format: SheetFormat, out: Path | None, force: bool) -> None:
    """Write disagreements to ``out``, or print them (not as xlsx)."""
    from ..export import frames

    if out is not None:
        _say(f"Wrote {frames.write(frame, out, format.value, force=force)} "
             f"({len(frame)} disagreements)")
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
    from ..project import open

    with open(db) as project:
        n_codings, n_answers = project.consensus(from_, coder)
    _say(f"Coder '{coder}': {n_codings} coding(s) and {n_answers} answer(s) stored")


@app.command("suggest")
@_errors_as_lines
def suggest_cmd(db: DB, rules: Annotated[bool, typer.Option("--rules/--no-rules",
                    help="Codebook phrases and patterns.")] = True,
                model: Annotated[bool, typer.Option("--model/--no-model",
                    help="A model learned from the manual codings.")] = True,
                coder: CoderOpt = None, quiet: QuietOpt = False, viewer: AsOpt = None):
    """Fill rule and model suggestions (kept apart from manual codings)."""
    from ..project import open

    with open(db, viewer) as project:
        report = project.suggest(rules, model, coder, progress=_progress(quiet))
    for note in report.notes:
        _say(f"Note: {note}")
    if not quiet:
        _say(f"Suggestions: {report.rules} from rules, {report.model} from the model. Review "
             "them with 'qualmrs suggestions', then 'qualmrs accept' or 'qualmrs reject'.")


SheetOpt = Annotated[SheetFormat, typer.Option("--format")]
OutOpt = Annotated[Optional[Path], typer.Option(help="Output file.")]


def _listing(db: Path, function: str, format: SheetFormat, out: Path | None,
             force: bool) -> None:
    from ..export.output import check_target
    from ..project import open

    if out is not None:
        check_target(out, force)  # suggest-answers stores its suggestions: refuse first
    with open(db) as project:
        frame = getattr(project, function)()
    _write_frame(frame, TableFormat(format.value), out, index=False, force=force)


@app.command("suggestions")
@_errors_as_lines
def suggestions_cmd(db: DB, format: SheetOpt = SheetFormat.csv, out: OutOpt = None,
                    force: ForceOpt = False):
    """List suggestions: document,case,start,end,code,source,confidence,text."""
    _listing(db, "suggestions", format, out, force)


@app.command("suggest-answers")
@_errors_as_lines
def suggest_answers_cmd(db: DB, format: SheetOpt = SheetFormat.csv, out: OutOpt = None,
                        force: ForceOpt = False):
    """Suggest answers to the closed questions: case,question,category,source,confidence,evidence."""
    _listing(db, "suggest_answers", format, out, force)


@app.command("accept")
@_errors_as_lines
def accept_cmd(db: DB, coder: Annotated[str, typer.Option(help="The person accepting.")],
               code: Annotated[Optional[str], typer.Option(help="Only this code (and its sub-codes).")] = None,
               min_confidence: Annotated[float, typer.Option(help="Only suggestions this confident.")] = 0.0):
    """Promote suggestions to manual codings (and answers) of --coder."""
    from ..project import open

    with open(db) as project:
        n, m = project.accept(coder, code, min_confidence)
    _say(f"Accepted {n} coding(s) and {m} answer(s) as {coder}'s")


@app.command("reject")
@_errors_as_lines
def reject_cmd(db: DB, code: Annotated[Optional[str], typer.Option(help="Only this code.")] = None,
               source: Annotated[Optional[str], typer.Option(help="Only 'rule' or 'model'.")] = None):
    """Drop suggestions; manual codings are not touched."""
    from ..project import open

    with open(db) as project:
        n, m = project.reject(code, source)
    _say(f"Dropped {n} suggested coding(s) and {m} suggested answer(s)")


def _intervals(codes) -> str:
    micro = codes[codes["code"] == "micro avg"].set_index("method")["f1"]
    parts = [f"{method} {micro[method]:.2f} [{lo:.2f}–{hi:.2f}]"
             for method, (lo, hi) in codes.attrs["intervals"].items()]
    return ("micro-F1 with a 95 % interval over cases (bootstrap, cases resampled): "
            + "; ".join(parts))


def _answer_line(r) -> str:
    """Where the questions were found, and how many answers were right, apart."""
    return (f"Questions found where asked: {r['found']} of {r['asked']}; answers right: "
            f"{r['correct']} of {r['n']} ({r['accuracy']:.2f}); «no answer found»: "
            f"{r['no_answer']}; reply not read: {r['not_read']}. Learned leave-one-case-out: "
            "the answers of the case scored are never among those learned from.")


@app.command("evaluate")
@_errors_as_lines
def evaluate_cmd(db: DB, coder: CoderOpt = None,
                 format: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.table,
                 out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None,
                 quiet: QuietOpt = False, force: ForceOpt = False,
                 workers: Annotated[Optional[int], typer.Option(
                     min=1, help="Processes fitting the model's folds (default: one per "
                                 "core); the scores are the same with any number.")] = None):
    """Leave-one-case-out precision, recall and F1 of the suggestions, and answer accuracy."""
    from ..analyse.evaluate import confusion
    from ..export import frames
    from ..export.output import check_target, write_text
    from ..project import open

    if out is not None:
        check_target(out, force)  # before the slow part

    with open(db) as project:
        codes, summary, rows = project.evaluate(coder, progress=_progress(quiet),
                                                 workers=workers)
        book = project.codebook
    a = codes.attrs
    for note in a.get("notes", ()):
        _say(f"Note: {note}")
    heading = (f"Suggestions against {a['coder']}'s coding; unit: informant turn "
               f"({a['n_turns']} turns, {a['n_cases']} cases), leave-one-case-out: the model "
               "never sees the case it is scored on.")
    if format is ReportFormat.csv:
        text = frames.render(codes, "csv")
    else:
        text = frames.render(codes, format.value, heading=heading) + "\n"
        text += _intervals(codes) + "\n\n"
        text += frames.render(summary, format.value, heading="Closed-question answers:") + "\n"
        text += _answer_line(summary.iloc[0]) + "\n\n"
        for key, scale in book.scales.items():
            qs = [q.key for q in book.questions if q.scale == key]
            part = rows[rows["question"].isin(qs)]
            if len(part):
                table = confusion(part, list(scale.categories))
                text += frames.render(table.reset_index(), format.value,
                                      heading=f"Confusion, scale {key} (rows: {a['coder']}, "
                                              "columns: suggested):") + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        write_text(out, text, force)
        if not quiet:
            _say(f"Wrote {out}")
