"""Commands for what ships with qualmrs: the sample study and the codebooks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import ForceOpt, _errors_as_lines, _say, app


@app.command("sample")
@_errors_as_lines
def sample_cmd(folder: Annotated[Path, typer.Argument(
                   help="Folder to write the sample study into (made if missing).")],
               force: ForceOpt = False):
    """Write the sample study (eight interviews, cases, codings, answers, a second coder's
    files, README and its codebook mrs_nav.yaml) into a folder, to run or to start from."""
    from ..sample import write_sample

    files = write_sample(folder, force)
    _say(f"Wrote {len(files)} files into {folder}; run it with: qualmrs run {folder} "
         f"--codebook mrs_nav --out OUT")


@app.command("codebooks")
@_errors_as_lines
def codebooks_cmd(name: Annotated[Optional[str], typer.Argument(
                      help="Print this shipped codebook's YAML (to start your own from).")] = None):
    """List the codebooks that ship with qualmrs (give a name to --codebook, e.g. mrs_nav),
    or print one of them."""
    from ..shipped import shipped_codebook, shipped_codebooks

    if name is not None:
        sys.stdout.write(shipped_codebook(name).read_text(encoding="utf-8"))
        return
    from tabulate import tabulate

    rows = [(b.name, b.language, b.title) for b in shipped_codebooks()]
    typer.echo(tabulate(rows, headers=("name", "language", "title"), tablefmt="plain"))
