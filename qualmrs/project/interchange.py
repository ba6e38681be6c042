"""REFI-QDA exchange wired to files and the store: QDC codebooks, QDPX project export."""

from __future__ import annotations

from pathlib import Path

from ..codebook import load_codebook, parse_codebook
from ..store import Store

__all__ = ["export_qdc", "import_qdc", "export_qdpx"]


def export_qdc(codebook: str | Path, out: str | Path) -> Path:
    """Write a codebook YAML's code tree as a .qdc file."""
    from ..export.refi import codebook_qdc

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(codebook_qdc(load_codebook(codebook)))
    return out


def import_qdc(qdc: str | Path, out: str | Path) -> list[str]:
    """Turn a .qdc into a qualmrs codebook YAML (validated); returns warnings."""
    from ..ingest.qdc import qdc_to_yaml

    text, warnings = qdc_to_yaml(qdc)
    parse_codebook(text, str(out))  # what we write must load
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return warnings


def export_qdpx(store: Store, out: str | Path, name: str | None = None) -> Path:
    """Write the project's documents, codebook, cases and manual codings as a .qdpx."""
    from ..export.refi import write_qdpx

    return write_qdpx(Path(out), name or store.codebook.name or Path(out).stem, store.codebook,
                      store.documents(), store.cases(), store.codings())
