"""File → ``Document``: readers chosen by suffix, text normalised, speaker turns found."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..codebook import DEFAULT_INTERVIEWER_LABELS
from ..errors import IngestError
from ..model import Document
from .docx import read_docx
from .subtitles import read_srt, read_vtt
from .text import read_text
from .turns import LabelPolicy, find_turns

__all__ = ["read_document", "document_from_text", "SUFFIXES", "transcript_files"]

SUFFIXES = {".txt": "txt", ".md": "md", ".docx": "docx", ".vtt": "vtt", ".srt": "srt"}


def transcript_files(paths) -> list[Path]:
    """Expand folders into their transcripts (sorted, README skipped); refuse unknown
    suffixes given by name."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            # A folder's README describes the study; hidden files and Word lock files are noise.
            out.extend(sorted(f for f in p.iterdir() if f.is_file()
                              and f.suffix.lower() in SUFFIXES
                              and not f.name.startswith((".", "~$"))
                              and not f.stem.upper() == "README"))
        elif p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                raise IngestError(f"unsupported transcript format '{p.suffix}'; expected one of "
                                  + ", ".join(SUFFIXES), path=p)
            out.append(p)
        else:
            raise IngestError("no such file or folder", path=p)
    return out


def read_document(path: str | Path, *, interviewer_labels=DEFAULT_INTERVIEWER_LABELS,
                  known_labels=(), encoding: str | None = None, name: str | None = None) -> Document:
    """Read one transcript into a ``Document`` with speaker turns (and, for .docx, the Word
    comments with their spans; ``qualmrs.coding.comments`` makes codings of them).

    Args:
        path: a .txt, .md, .docx, .vtt or .srt file.
        interviewer_labels: labels whose turns have the role ``interviewer``.
        known_labels: other labels known to be speakers (e.g. case labels).
        encoding: for text formats that are not UTF-8.
        name: the document's name in the project (default: the file name).

    Raises:
        IngestError: the file cannot be read, naming the file (and line where known).
    """
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise IngestError(f"unsupported transcript format '{path.suffix}'", path=path)
    if not path.is_file():
        raise IngestError("no such file", path=path)
    policy = LabelPolicy(interviewer_labels, known_labels)
    comments = ()
    if kind in ("txt", "md"):
        text, forced, times = read_text(path, encoding)
    elif kind == "docx":
        text, forced, times, comments = read_docx(path, encoding)
    elif kind == "vtt":
        text, forced, times = read_vtt(path, encoding, policy)
    else:
        text, forced, times = read_srt(path, encoding, policy)
    if not text.strip():
        raise IngestError("the file has no text", path=path)
    return document_from_text(name or path.name, text, kind, path.read_bytes(), policy,
                              forced, times, comments)


def document_from_text(name: str, text: str, kind: str, data: bytes, policy: LabelPolicy,
                       forced=None, times=None, comments=()) -> Document:
    """A ``Document`` from normalised text, its speaker turns found; ``data`` are the bytes
    it was read from (their hash tells an unchanged file on re-ingest)."""
    turns, labelled = find_turns(text, policy, forced=forced or {}, times=times or {})
    warnings = () if labelled else (
        f"{name}: no speaker labels found; the whole text is one unlabelled turn",)
    return Document(name=name, text=text, turns=turns, sha256=hashlib.sha256(data).hexdigest(),
                    format=kind, warnings=warnings, comments=comments)
