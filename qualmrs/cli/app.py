"""The Typer app and what its commands share: error lines, formats, common options."""

from __future__ import annotations

import functools
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import QualmrsError

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
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help=(
    "No progress bar and no summary line; warnings and errors still show."))]


def _progress(quiet: bool):
    """A progress-bar maker for the library (tqdm on stderr), or None: bars only on a
    terminal, never with --quiet or when output goes to a file or another program."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return functools.partial(tqdm, file=sys.stderr, leave=False, dynamic_ncols=True)


class ReportFormat(str, Enum):
    table = "table"
    csv = "csv"
    md = "md"


class SheetFormat(str, Enum):
    csv = "csv"
    md = "md"
    xlsx = "xlsx"


def _write_frame(frame, format: TableFormat, out: Path | None, index: bool = True) -> None:
    from ..export import frames

    if format is TableFormat.docx:
        raise QualmrsError("this table is written as csv, md or xlsx")
    if out is not None:
        _say(f"Wrote {frames.write(frame, out, format.value, index)}")
    elif format is TableFormat.xlsx:
        raise QualmrsError("--format xlsx needs --out FILE")
    else:
        sys.stdout.write(frames.render(frame, format.value, index))
