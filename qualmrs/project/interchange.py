"""REFI-QDA exchange wired to files and the store: QDC codebooks, QDPX project export."""

from __future__ import annotations

from pathlib import Path

from ..codebook import load_codebook, parse_codebook
from ..store import Store

__all__ = ["export_qdc", "import_qdc", "export_qdpx", "coding_sheet", "import_coding_sheet"]


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


def coding_sheet(store: Store, out: str | Path, level: str = "turn",
                 documents: list[str] | None = None) -> Path:
    """Write a coding sheet (.xlsx) of the project's informant turns or sentences."""
    from ..errors import QualmrsError
    from ..export.sheet import write_coding_sheet

    docs = store.documents()
    if documents:
        names = {d.name for d in docs}
        missing = [d for d in documents if d not in names]
        if missing:
            raise QualmrsError("unknown document(s): " + ", ".join(missing), key="--documents")
        docs = [d for d in docs if d.name in documents]
    return write_coding_sheet(Path(out), store.codebook, docs,
                              store.sentences() if level == "sentence" else {}, level)


def import_coding_sheet(store: Store, path: str | Path, coder: str) -> tuple[int, int]:
    """Store a filled coding sheet as ``coder``'s manual codings and answers (one transaction)."""
    from ..coding.locate import Corpus
    from ..coding.sheet import read_coding_sheet

    corpus = Corpus(store.documents(), {c.label for c in store.cases()})
    codings, answers = read_coding_sheet(path, store.codebook, corpus, coder)
    return store.add_work(codings, answers)
