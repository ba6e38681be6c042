"""Commands for REFI-QDA exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder and others."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import DB, ForceOpt, _errors_as_lines, _say, app


@app.command("export-qdc")
@_errors_as_lines
def export_qdc_cmd(codebook: Path, out: Path, force: ForceOpt = False):
    """Write a codebook's code tree as a REFI-QDA codebook (.qdc)."""
    from ..project import export_qdc

    _say(f"Wrote {export_qdc(codebook, out, force)}")


@app.command("import-qdc")
@_errors_as_lines
def import_qdc_cmd(qdc: Path, out: Path, force: ForceOpt = False):
    """Turn a REFI-QDA codebook (.qdc) into a qualmrs codebook YAML."""
    from ..project import import_qdc

    for warning in import_qdc(qdc, out, force):
        _say(f"Warning: {warning}")
    _say(f"Wrote {out}")


@app.command("export-qdpx")
@_errors_as_lines
def export_qdpx_cmd(db: DB, out: Path,
                    name: Annotated[Optional[str], typer.Option(help="Project name.")] = None,
                    force: ForceOpt = False):
    """Write the project (sources, codebook, cases, manual codings, memos) as a .qdpx."""
    from ..project import open

    with open(db) as project:
        path = project.export_qdpx(out, name, force)
    _say(f"Wrote {path}")


@app.command("import-qdpx")
@_errors_as_lines
def import_qdpx_cmd(qdpx: Annotated[Path, typer.Argument(help="A .qdpx (or .qde) project.")],
                    db: DB,
                    codebook_out: Annotated[Optional[Path], typer.Option(
                        help="Also write the codebook made from the project's codes.")] = None,
                    codebook: Annotated[Optional[Path], typer.Option(
                        help="Map the project's codes onto this codebook (by name).")] = None,
                    coder: Annotated[str, typer.Option(
                        help="Coder for codings whose user is not named.")] = "refi",
                    force: ForceOpt = False):
    """Make a new project from another tool's REFI-QDA project (.qdpx)."""
    from ..project import import_qdpx

    result = import_qdpx(qdpx, db, codebook_out, codebook, coder, force)
    for note in result.notes:
        _say(f"Note: {note}")
    for item in result.skipped:
        _say(f"Not carried over: {item}")
    _say(f"Imported {result.documents} document(s), {result.codes} code(s), {result.codings} "
         f"coding(s) and {result.answers} answer(s) by {', '.join(result.coders) or 'nobody'}, "
         f"{result.cases} case(s) from "
         f"{result.origin or 'an unnamed tool'} into {result.store_path}"
         + (f"; codebook written to {codebook_out}" if codebook_out else ""))


@app.command("coding-sheet")
@_errors_as_lines
def coding_sheet_cmd(db: DB, out: Path,
                     level: Annotated[str, typer.Option(help="'turn' or 'sentence'.")] = "turn",
                     documents: Annotated[Optional[list[str]], typer.Option(
                         help="Only these documents (repeat the option).")] = None,
                     force: ForceOpt = False):
    """Write a coding sheet (.xlsx): a row per segment, a column per code and question."""
    from ..errors import QualmrsError
    from ..project import open

    if level not in ("turn", "sentence"):
        raise QualmrsError("--level is 'turn' or 'sentence'")
    with open(db) as project:
        path = project.coding_sheet(out, level, documents, force)
    _say(f"Wrote {path}; mark code cells with x, write answers on each case's first row")


@app.command("import-coding-sheet")
@_errors_as_lines
def import_coding_sheet_cmd(db: DB, file: Path,
                            coder: Annotated[str, typer.Option(help="Who filled it in.")]):
    """Import a filled coding sheet as --coder's manual codings and answers."""
    from ..project import open
    from .study import _synced

    with open(db) as project:
        report = project.import_coding_sheet(file, coder)
    _say(_synced(report) + f" (as {coder}'s)")
