"""Commands for what revisions leave to a person: codings set aside, codings to review."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .app import DB, _errors_as_lines, _say, app
from .revised import short


def _open(db):
    from ..project import open

    return open(db)


@app.command("set-aside")
@_errors_as_lines
def set_aside_cmd(db: DB):
    """List codings set aside because a revision deleted their text (restore them with
    'qualmrs restore-coding')."""
    with _open(db) as project:
        rows = project.set_aside()
    if not rows:
        typer.echo("No codings set aside.")
    for r in rows:
        c = r["coding"]
        typer.echo(f"{r['id']}: {r['document']} {c['code']} by {c['coder']} (coding {c['id']}"
                   f", set aside {r['created']}): {short(r['text'], 100)}"
                   + (f" memo: {short(c['memo'])}" if c.get("memo") else ""))


@app.command("restore-coding")
@_errors_as_lines
def restore_coding_cmd(db: DB, id: Annotated[int, typer.Argument(
                           help="The set-aside coding's id (see 'qualmrs set-aside').")],
                       quote: Annotated[Optional[str], typer.Option(help=(
                           "The words to put it on, found once in its document; by default "
                           "its old text, when that is there once."))] = None):
    """Put a set-aside coding back on words of its document (one step)."""
    with _open(db) as project:
        row = project.restore_coding(id, quote)
    _say(f"Restored coding {row['id']} ({row['code']}) at {row['start']}–{row['end']}")


@app.command("reviewed")
@_errors_as_lines
def reviewed_cmd(db: DB,
                 ids: Annotated[Optional[list[int]], typer.Option(
                     "--id", help="A review note's id from 'qualmrs status' (repeat).")] = None,
                 all: Annotated[bool, typer.Option("--all", help="Every note.")] = False):
    """Mark codings listed for review after a revision as looked at (one step)."""
    from ..errors import QualmrsError

    if not ids and not all:
        raise QualmrsError("give --id N (from 'qualmrs status') or --all")
    with _open(db) as project:
        n = project.reviewed(None if all else ids)
    _say(f"{n} review note(s) cleared")
