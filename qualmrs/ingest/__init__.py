"""File → ``Document``: readers chosen by suffix, text normalised, speaker turns found."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from ..codebook import DEFAULT_INTERVIEWER_LABELS
from ..errors import IngestError
from ..model import Document
from .normalise import check_line_lengths, check_size

# The readers and the turn finder load when a file is read: commands that only print from a
# store (`qualmrs tables`, `status`) reach this package for its text normalising alone
# (issue 12).

__all__ = ["read_document", "document_from_text", "SUFFIXES", "transcript_files", "file_sha256"]

SUFFIXES = {".txt": "txt", ".md": "md", ".docx": "docx", ".vtt": "vtt", ".srt": "srt",
            ".pdf": "pdf", ".odt": "odt", ".rtf": "rtf", ".html": "html", ".htm": "html"}


def transcript_files(paths) -> list[Path]:
    """Expand folders into their transcripts (sorted, README skipped); refuse unknown
    suffixes given by name.

    Raises:
        IngestError: a name that is no file or folder, an unknown suffix given by name, or a
            symbolic link in a folder that leads out of it (issue 12: a link to
            /etc/passwd would otherwise be read, stored and exported as a transcript).
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            # A folder's README describes the study; hidden files and Word lock files are noise.
            found = sorted(f for f in p.iterdir() if f.is_file()
                           and f.suffix.lower() in SUFFIXES
                           and not f.name.startswith((".", "~$"))
                           and not f.stem.upper() == "README")
            for f in found:
                if f.is_symlink() and not f.resolve().is_relative_to(p.resolve()):
                    raise IngestError(f"a symbolic link to {f.resolve()}, outside the folder "
                                      f"{p}; refused (copy the file into the folder if it "
                                      "belongs to the study)", path=f)
            out.extend(found)
        elif p.is_file():
            if p.suffix.lower() not in SUFFIXES:
                raise IngestError(f"unsupported transcript format '{p.suffix}'; expected one of "
                                  + ", ".join(SUFFIXES), path=p)
            out.append(p)
        else:
            raise IngestError("no such file or folder", path=p)
    return out


def read_document(path: str | Path, *, interviewer_labels=DEFAULT_INTERVIEWER_LABELS,
                  known_labels=(), encoding: str | None = None, name: str | None = None,
                  sha256: str | None = None) -> Document:
    """Read one transcript into a ``Document`` with speaker turns (and, for .docx, the Word
    comments with their spans; ``qualmrs.coding.comments`` makes codings of them).

    Args:
        path: a .txt, .md, .docx, .vtt, .srt, .pdf (with a text layer), .odt, .rtf or
            .html file.
        interviewer_labels: labels whose turns have the role ``interviewer``.
        known_labels: other labels known to be speakers (e.g. case labels).
        encoding: for text formats that are not UTF-8 (for .rtf: the code page).
        name: the document's name in the project (default: the file name).
        sha256: the file's ``file_sha256`` when the caller has it already.

    Raises:
        IngestError: the file cannot be read, naming the file (and line where known).
    """
    from .docx import read_docx
    from .subtitles import read_srt, read_vtt
    from .text import read_text
    from .turns import LabelPolicy

    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise IngestError(f"unsupported transcript format '{path.suffix}'", path=path)
    if not path.is_file():
        raise IngestError("no such file", path=path)
    check_size(path)
    # First: an unreadable file is said to be so, not "not a zip".
    sha256 = sha256 or file_sha256(path)
    policy = LabelPolicy(interviewer_labels, known_labels)
    comments, warnings = (), ()
    try:
        if kind in ("txt", "md"):
            text, forced, times = read_text(path, encoding)
        elif kind == "docx":
            text, forced, times, comments = read_docx(path, encoding)
        elif kind == "vtt":
            text, forced, times = read_vtt(path, encoding, policy)
        elif kind == "srt":
            text, forced, times = read_srt(path, encoding, policy)
        elif kind == "pdf":
            from .pdf import read_pdf

            text, forced, times, warnings = read_pdf(path, encoding)
        else:
            text, forced, times = _markup_reader(kind)(path, encoding)
    except OSError as e:  # no permission, a file another program holds, a lost network drive
        raise _unreadable(path, e) from None
    if not text.strip():
        raise IngestError("the file has no text", path=path)
    check_line_lengths(text, path, located=kind in ("txt", "md"))
    doc = document_from_text(name or path.name, text, kind, sha256, policy, forced, times,
                             comments)
    if not doc.turns:
        raise IngestError("the file has speaker labels but no text after them", path=path)
    return replace(doc, warnings=warnings + doc.warnings) if warnings else doc


def _markup_reader(kind: str):
    """The reader of .odt, .rtf or .html (imported when needed: each brings a library)."""
    if kind == "odt":
        from .odt import read_odt

        return read_odt
    if kind == "rtf":
        from .rtf import read_rtf

        return read_rtf
    from .htmltext import read_html

    return read_html


def document_from_text(name: str, text: str, kind: str, sha256: str, policy: LabelPolicy,
                       forced=None, times=None, comments=()) -> Document:
    """A ``Document`` from normalised text, its speaker turns found; ``sha256`` is of the
    bytes it was read from (it tells an unchanged file on re-ingest)."""
    from .turns import find_turns

    turns, labelled = find_turns(text, policy, forced=forced or {}, times=times or {})
    warnings = () if labelled else (
        f"{name}: no speaker labels found; the whole text is one unlabelled turn",)
    return Document(name=name, text=text, turns=turns, sha256=sha256, format=kind,
                    warnings=warnings, comments=comments)


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in chunks: what tells an unchanged transcript.

    Raises:
        IngestError: the file cannot be read.
    """
    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as e:
        raise _unreadable(path, e) from None


def _unreadable(path: Path, error: OSError) -> IngestError:
    return IngestError(f"cannot read the file: {error.strerror or error}", path=path)
