"""The Typer app and what its commands share: error lines, formats, common options."""

from __future__ import annotations

import functools
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from ..errors import QualmrsError

# click's exceptions, wherever this Typer keeps click (newer ones carry their own copy)
_click = sys.modules[typer.BadParameter.__module__]
_ABORT = (typer.Abort, getattr(_click, "Abort", typer.Abort))


class _OneLineUsage(TyperGroup):
    """A usage mistake (an unknown option, a missing argument, a bad value) is one ``Error:``
    line and click's exit code for usage errors, 2, instead of a framed box."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except _click.ClickException as e:
            if type(e).__name__ == "NoArgsIsHelpError":  # `qualmrs` alone: the help, as before
                e.show()
                sys.exit(e.exit_code)
            ctx = getattr(e, "ctx", None)
            where = f"{ctx.command_path}: " if ctx else ""
            hint = f" (try '{ctx.command_path} --help')" if ctx else ""
            message = " ".join(e.format_message().split())
            typer.echo(f"Error: {where}{message}{hint}", err=True)
            sys.exit(e.exit_code)
        except _ABORT:
            typer.echo("Aborted.", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


# Help as click writes it (plain text): rich's boxes cost a third of `qualmrs --help`'s start-up
# (issue 12), and plain text reads the same in a terminal, a pipe or a log.
app = typer.Typer(help="qualmrs: code and tabulate qualitative interview studies.",
                  cls=_OneLineUsage, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None)


class _Stderr(logging.Handler):
    """The library's notes (e.g. waiting for a locked store) as lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(self.format(record), err=True)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"qualmrs {__version__}")
        raise typer.Exit()


@app.callback()
def _options(wait: Annotated[float, typer.Option(
        "--wait", metavar="SECONDS", min=0,
        help="How long a command waits for another process that is writing to the project "
             "store before it gives up.")] = 30.0,
             version: Annotated[bool, typer.Option(
                 "--version", callback=_version, is_eager=True,
                 help="Show the version of qualmrs and exit.")] = False):
    # 30 s is the store's default: no need to import the store (start-up time) to set it
    if wait != 30.0 or "qualmrs.store.sqlite" in sys.modules:
        from ..project import set_lock_wait

        set_lock_wait(wait)
    logger = logging.getLogger("qualmrs")
    if not any(isinstance(h, _Stderr) for h in logger.handlers):
        logger.addHandler(_Stderr())
        logger.propagate = False


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


# a str, not a Path: a Path would fold a URL's "//" into "/"
DB = Annotated[str, typer.Argument(help=(
    "The project: its database file (e.g. out/project.db) or a PostgreSQL URL "
    "(postgresql+psycopg://USER@HOST:PORT/DATABASE)."))]
CoderOpt = Annotated[Optional[str], typer.Option("--coder", help="Whose coding to use.")]
AsOpt = Annotated[Optional[str], typer.Option("--as", help=(
    "Who is looking: during an open blind round, a coder of it sees only their own codings "
    "and answers on its documents (see 'qualmrs round')."))]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help=(
    "No progress bar and no summary line; warnings and errors still show."))]
ForceOpt = Annotated[bool, typer.Option("--force", help=(
    "Replace existing output files that qualmrs did not write (never a project store)."))]


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


def _write_frame(frame, format: TableFormat, out: Path | None, index: bool = True,
                 force: bool = False) -> None:
    from ..export import frames

    if format is TableFormat.docx:
        raise QualmrsError("this table is written as csv, md or xlsx")
    if out is not None:
        _say(f"Wrote {frames.write(frame, out, format.value, index, force=force)}")
    elif format is TableFormat.xlsx:
        raise QualmrsError("--format xlsx needs --out FILE")
    else:
        sys.stdout.write(frames.render(frame, format.value, index))
