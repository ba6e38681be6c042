"""``qualmrs search``: keyword search across the interviews, and coding what it finds."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import DB, ForceOpt, TableFormat, _errors_as_lines, _say, _write_frame, app
from .edits import ListFormat


class Role(str, Enum):
    informant = "informant"
    interviewer = "interviewer"
    unknown = "unknown"


@app.command("search")
@_errors_as_lines
def search_cmd(db: DB, query: Annotated[str, typer.Argument(help="A word or a phrase.")],
               exact: Annotated[bool, typer.Option(
                   help="Match the words as written (ignoring case), not their lemmas.")] = False,
               role: Annotated[Optional[Role], typer.Option(
                   help="Only turns of this role.")] = None,
               case: Annotated[Optional[list[str]], typer.Option(
                   "--case", help="Only this case (repeat, or separate by commas).")] = None,
               format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
               out: Annotated[Optional[Path], typer.Option(
                   help="Output file (.csv, .xlsx, .md).")] = None,
               code: Annotated[Optional[str], typer.Option(
                   help="Code the sentences holding the hits with this code (one step).")]
               = None,
               coder: Annotated[Optional[str], typer.Option(
                   help="Whose coding --code makes.")] = None,
               width: Annotated[int, typer.Option(
                   min=0, help="Characters of context on each side.")] = 40,
               force: ForceOpt = False):
    """Keyword-in-context lines (document,case,start,end,left,match,right), grouped by case;
    words match in any inflection unless --exact."""
    from ..project import open

    cases = [c.strip() for value in case or () for c in value.split(",") if c.strip()]
    with open(db) as project:
        frame = project.search(query, exact, role.value if role else None, cases or None,
                               code, coder, width)
    if format is ListFormat.table and out is None:
        from ..export.kwic import render_kwic

        sys.stdout.write(render_kwic(frame))
    else:
        fmt = "md" if format is ListFormat.table else format.value
        _write_frame(frame, TableFormat(fmt), out, index=False, force=force)
    _say(f"{len(frame)} hit(s) in {frame['case'].nunique()} case(s)")
    if code is not None:
        _say(f"Coded {frame.attrs['coded']} sentence(s) with {code} as {coder} (one step; "
             "'qualmrs undo' takes it back)")
