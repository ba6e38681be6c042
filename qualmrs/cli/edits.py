"""Commands that correct what was coded, and the history that undoes them."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import (DB, AsOpt, CoderOpt, TableFormat, _errors_as_lines, _say, _write_frame,
                  app)
from .revised import status_lines


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    xlsx = "xlsx"


IdsOpt = Annotated[list[int], typer.Option("--id", help="Coding id (repeat for several); "
                                           "see 'qualmrs codings'.")]
OutOpt = Annotated[Optional[Path], typer.Option(help="Output file (.csv, .xlsx).")]


def _list(frame, format: ListFormat, out: Path | None) -> None:
    if format is ListFormat.table and out is None:
        from tabulate import tabulate

        typer.echo(tabulate(frame, headers="keys", showindex=False, tablefmt="simple")
                   if len(frame) else "(none)")
        return
    _write_frame(frame, TableFormat("md" if format is ListFormat.table else format.value),
                 out, index=False)


def _open(db: str, viewer: str | None = None):
    from ..project import open

    return open(db, viewer)


@app.command("codings")
@_errors_as_lines
def codings_cmd(db: DB, coder: CoderOpt = None,
                code: Annotated[Optional[str], typer.Option(
                    help="Only this code (and its sub-codes).")] = None,
                format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
                out: OutOpt = None, viewer: AsOpt = None):
    """List manual codings: id,document,case,start,end,code,coder,origin,memo,text."""
    with _open(db, viewer) as project:
        frame = project.codings(coder, code)
    _list(frame, format, out)


@app.command("uncode")
@_errors_as_lines
def uncode_cmd(db: DB, ids: IdsOpt):
    """Remove manual codings by id (one step; 'qualmrs undo' brings them back)."""
    with _open(db) as project:
        n = project.uncode(ids)
    _say(f"Removed {n} coding(s)")


@app.command("recode")
@_errors_as_lines
def recode_cmd(db: DB, ids: IdsOpt,
               to: Annotated[str, typer.Option("--to", help="The new code's key.")]):
    """Give manual codings another code (one step)."""
    with _open(db) as project:
        n = project.recode(ids, to)
    _say(f"Recoded {n} coding(s) as {to}")


@app.command("memo")
@_errors_as_lines
def memo_cmd(db: DB, id: Annotated[int, typer.Option("--id", help="Coding id.")],
             text: Annotated[str, typer.Argument(help="The memo ('' removes it).")]):
    """Set a coding's memo (one step)."""
    with _open(db) as project:
        project.set_memo(id, text)
    _say(f"Memo of coding {id} set")


@app.command("answer")
@_errors_as_lines
def answer_cmd(db: DB, case: Annotated[str, typer.Option(help="The case.")],
               question: Annotated[str, typer.Option(help="The question key.")],
               coder: Annotated[str, typer.Option(help="Whose answer.")],
               category: Annotated[Optional[str], typer.Option(
                   help="The category; leave out to remove the answer.")] = None,
               evidence: Annotated[str, typer.Option(help="A quote of the reply.")] = ""):
    """Set or change (or remove) a coder's answer to a closed question (one step)."""
    with _open(db) as project:
        project.set_answer(case, question, category, coder, evidence)
    _say(f"{coder}: case {case}, {question} = {category or '(removed)'}")


@app.command("coders")
@_errors_as_lines
def coders_cmd(db: DB, format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
               out: OutOpt = None):
    """List coders: coder,codings,answers,origins."""
    with _open(db) as project:
        frame = project.coders()
    _list(frame, format, out)


@app.command("rename-coder")
@_errors_as_lines
def rename_coder_cmd(db: DB, old: str, new: str):
    """Give OLD's codings and answers to NEW (merging into NEW's work); later imports under
    the name OLD (a Word author, say) become NEW's too."""
    with _open(db) as project:
        done = project.rename_coder(old, new)
    _say(f"{done['codings']} coding(s) and {done['answers']} answer(s) of {old} are now "
         f"{new}'s (identical codings merged)"
         + (f"; where both answered differently, {new}'s answer was kept "
            f"({done['replaced']})" if done["replaced"] else ""))


@app.command("update-codebook")
@_errors_as_lines
def update_codebook_cmd(db: DB, codebook: Annotated[Path, typer.Argument(
                            help="The new version of the codebook YAML.")],
                        drop_codings: Annotated[bool, typer.Option(
                            help="Delete the codings of codes that are gone.")] = False):
    """Take in a new codebook; codings move to the code whose 'was:' lists their old key."""
    with _open(db) as project:
        done = project.update_codebook(codebook, drop_codings)
    _say(f"Codebook updated: {done['moved']} coding(s) moved, {done['dropped']} dropped")


@app.command("history")
@_errors_as_lines
def history_cmd(db: DB, coder: Annotated[Optional[str], typer.Option(
                    help="Only steps by this person or changing their work.")] = None,
                limit: Annotated[Optional[int], typer.Option(help="Newest N steps.")] = None,
                format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
                out: OutOpt = None):
    """The steps that changed the project, newest first."""
    with _open(db) as project:
        frame = project.history(coder, limit)
    _list(frame, format, out)


def _replay(db: Path, coder: str | None, steps: int, redo: bool) -> None:
    with _open(db) as project:
        done = (project.redo if redo else project.undo)(coder, steps)
    if not done:
        _say(f"Nothing to {'redo' if redo else 'undo'}"
             + (f" for {coder}" if coder else ""))
        return
    for step in done:  # redo returns the undo steps it reverted
        _say(f"Redone: step {step.target} ({step.command.split(': ', 1)[-1]})" if redo
             else f"Undone: step {step.id} ({step.command})")


@app.command("undo")
@_errors_as_lines
def undo_cmd(db: DB, coder: Annotated[Optional[str], typer.Option(
                 help="Only this person's steps.")] = None,
             steps: Annotated[int, typer.Option(help="How many steps.")] = 1):
    """Undo the latest step(s): an import, an accept, a recode, a run's changes..."""
    _replay(db, coder, steps, redo=False)


@app.command("redo")
@_errors_as_lines
def redo_cmd(db: DB, coder: Annotated[Optional[str], typer.Option(
                 help="Only this person's steps.")] = None,
             steps: Annotated[int, typer.Option(help="How many steps.")] = 1):
    """Redo what undo took back (until a new step is made)."""
    _replay(db, coder, steps, redo=True)


@app.command("status")
@_errors_as_lines
def status_cmd(db: DB):
    """What the project holds, whose work the tables count, and warnings still standing."""
    with _open(db) as project:
        st = project.status()
    typer.echo(f"Project: {db}")
    typer.echo(f"Documents: {st.documents}; cases: {st.cases}; suggestions: {st.suggestions}; "
               f"history: {st.steps} step(s)")
    typer.echo(f"qualmrs: made with {st.created_with or 'an unknown version'}, last written by "
               f"{st.written_by or 'an unknown version'}")
    if st.coders:
        typer.echo("Coders: " + "; ".join(f"{c} ({n} coding(s), {m} answer(s))"
                                          for c, n, m in st.coders))
    else:
        typer.echo("Coders: none yet")
    typer.echo(f"Tables count: {st.default_coder} ({st.default_reason})" if st.default_coder
               else f"Tables count: nobody ({st.default_reason})")
    typer.echo(f"Warnings: {len(st.warnings)}")
    for document, message in st.warnings:
        typer.echo(f"  {document + ': ' if document else ''}{message}")
    for line in status_lines(st):
        typer.echo(line)
