"""The transcripts as the project holds them (after pseudonymisation: pseudonymised), one
plain-text or Word file per document."""

from __future__ import annotations

from pathlib import Path, PurePath

from ..model import Document
from .docxutil import new_document
from .output import outputs

__all__ = ["write_transcripts"]


def write_transcripts(documents: list[Document], out: str | Path, fmt: str = "txt",
                      force: bool = False) -> list[Path]:
    """Write each document's stored text to ``out/<stem>.<fmt>`` (``txt``: UTF-8, LF;
    ``docx``: a paragraph per line), all or none.

    Raises:
        OverwriteError: a target is a store, or a file qualmrs did not write (unless
            ``force``).
    """
    out = Path(out)
    paths = []
    with outputs(force) as written:
        for doc in documents:
            target = out / f"{PurePath(doc.name).stem}.{fmt}"
            if fmt == "txt":
                paths.append(written.write_text(target, doc.text))
                continue
            document = new_document()
            for line in doc.text.split("\n"):
                document.add_paragraph(line)
            with written.buffer(target) as buf:
                document.save(buf)
            paths.append(target)
    return paths
