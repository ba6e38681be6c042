"""Commands for REFI-QDA exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder and others."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import DB, _errors_as_lines, _say, app


@app.command("export-qdc")
@_errors_as_lines
def export_qdc_cmd(codebook: Path, out: Path):
    """Write a codebook's code tree as a REFI-QDA codebook (.qdc)."""
    from ..project import export_qdc

    _say(f"Wrote {export_qdc(codebook, out)}")


@app.command("import-qdc")
@_errors_as_lines
def import_qdc_cmd(qdc: Path, out: Path):
    """Turn a REFI-QDA codebook (.qdc) into a qualmrs codebook YAML."""
    from ..project import import_qdc

    for warning in import_qdc(qdc, out):
        _say(f"Warning: {warning}")
    _say(f"Wrote {out}")


@app.command("export-qdpx")
@_errors_as_lines
def export_qdpx_cmd(db: DB, out: Path,
                    name: Annotated[Optional[str], typer.Option(help="Project name.")] = None):
    """Write the project (sources, codebook, cases, manual codings, memos) as a .qdpx."""
    from ..project import export_qdpx, open_project

    with open_project(db) as store:
        path = export_qdpx(store, out, name)
    _say(f"Wrote {path}")
