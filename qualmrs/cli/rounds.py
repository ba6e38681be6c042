"""`qualmrs round`: blind coding rounds of a team (open, close, status, disagreements)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import DB, ForceOpt, Level, ReportFormat, SheetFormat, _OneLineUsage, \
    _errors_as_lines, _say, app
from .coders import UnitOpt, _codes, agreement_text, write_disagreements

rounds_app = typer.Typer(help="Coding rounds: coders code blind, then their agreement.",
                         cls=_OneLineUsage, no_args_is_help=True)
app.add_typer(rounds_app, name="round")

OwnerOpt = Annotated[Optional[str], typer.Option("--as", help=(
    "The owner acting (asked for their password); needed when the project has users."))]
StdinOpt = Annotated[bool, typer.Option("--password-stdin", help=(
    "Read the password from the first line of standard input (for scripts)."))]
RoundOpt = Annotated[Optional[int], typer.Option("--round", help=(
    "Which round (default: the open one, else the latest)."))]


def _owner_password(project, name: str | None, from_stdin: bool) -> str | None:
    """The acting owner's password, when the project has users (else none is needed)."""
    if not project.users() or not name:
        return None
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt(f"Password of {name}", hide_input=True)


@rounds_app.command("open")
@_errors_as_lines
def round_open(db: DB,
               blind: Annotated[bool, typer.Option("--blind", help=(
                   "Each coder of the round sees only their own codings and answers on its "
                   "documents until it is closed."))] = False,
               documents: Annotated[Optional[list[str]], typer.Option("--documents", help=(
                   "The round's documents (repeat, or separate with commas; default: "
                   "all)."))] = None,
               coders: Annotated[Optional[list[str]], typer.Option("--coders", help=(
                   "Who codes in it (repeat, or separate with commas; default: the users "
                   "whose role is coder)."))] = None,
               owner: OwnerOpt = None, password_stdin: StdinOpt = False):
    """Open a coding round (an owner; 'qualmrs undo' takes it back)."""
    from ..project import open

    with open(db) as project:
        r = project.open_round(_codes(documents), _codes(coders), blind, owner,
                               _owner_password(project, owner, password_stdin))
    _say(f"Opened {'blind ' if r.blind else ''}round {r.id}: {len(r.documents)} document(s) "
         f"for {', '.join(r.coders)}")


@rounds_app.command("close")
@_errors_as_lines
def round_close(db: DB, owner: OwnerOpt = None, password_stdin: StdinOpt = False,
                unit: UnitOpt = Level.turn,
                format: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.table):
    """Close the open round and print its coders' agreement per code."""
    from ..errors import QualmrsError
    from ..project import open

    with open(db) as project:
        r = project.close_round(owner, _owner_password(project, owner, password_stdin))
        _say(f"Closed round {r.id}")
        try:
            codings, answers = project.round_agreement(r.id, unit.value)
        except QualmrsError as e:  # closed all the same: say why there is nothing to show
            _say(f"Note: {e}")
            return
    text = agreement_text(codings, answers, format)
    sys.stdout.write(text if format is ReportFormat.csv else f"Round {r.id}. {text}")
    _say(f"Next: 'qualmrs round disagreements {db} --out FILE', decide each row, then "
         f"'qualmrs consensus {db} --from FILE'")


@rounds_app.command("status")
@_errors_as_lines
def round_status(db: DB):
    """List the rounds: documents, coders, who opened and closed them, and when."""
    from tabulate import tabulate

    from ..project import open

    with open(db) as project:
        rounds = project.rounds()
    rows = [(r.id, "open" if r.is_open else "closed", "yes" if r.blind else "no",
             ", ".join(r.documents), ", ".join(r.coders), f"{r.opened} {r.opened_by}",
             f"{r.closed} {r.closed_by}" if r.closed else "") for r in rounds]
    typer.echo(tabulate(rows, headers=("round", "state", "blind", "documents", "coders",
                                       "opened", "closed"), tablefmt="simple")
               if rows else "(no rounds)")


@rounds_app.command("disagreements")
@_errors_as_lines
def round_disagreements(db: DB, round_id: RoundOpt = None, unit: UnitOpt = Level.turn,
                        format: Annotated[SheetFormat, typer.Option("--format")] =
                        SheetFormat.csv,
                        out: Annotated[Optional[Path], typer.Option(help="Output file.")] = None,
                        force: ForceOpt = False):
    """Where a closed round's coders differ, per unit and code, to decide for consensus.

    Each row says who coded the code there and who did not; fill in 'decision' (yes or no;
    for an answer, the category) and give the file to 'qualmrs consensus --from'."""
    from ..project import open

    with open(db) as project:
        frame = project.round_disagreements(round_id, unit.value)
    write_disagreements(frame, format, out, force)
