"""Exceptions for user mistakes.

A ``QualmrsError`` is a problem with the user's input (a file, a row, a key), reported as one
line by the CLI. Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One located problem: where it is and what is wrong."""

    message: str
    path: str | None = None
    line: int | None = None
    row: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
        if self.row is not None:
            where += f", row {self.row}" if where else f"row {self.row}"
        parts = [p for p in (where, f"key '{self.key}'" if self.key else "") if p]
        prefix = ": ".join(parts)
        return f"{prefix}: {self.message}" if prefix else self.message


class QualmrsError(Exception):
    """A user-facing error made of one or more located problems."""

    def __init__(self, message: str | None = None, *, path: str | Path | None = None,
                 line: int | None = None, row: int | None = None, key: str | None = None,
                 problems: list[Problem] | None = None):
        if problems is None:
            problems = [Problem(message or "error", _str(path), line, row, key)]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class CodebookError(QualmrsError):
    """The codebook file is malformed or inconsistent."""


class IngestError(QualmrsError):
    """A transcript could not be read."""


class ImportError_(QualmrsError):
    """A codings, answers or cases file could not be imported."""


class StoreError(QualmrsError):
    """The project store is missing, of a newer version, or refuses a change."""


class Disconnected(StoreError):
    """The database server's connection was lost in the middle of a unit of work, before its
    commit: the server rolled the unit back, so running it again is safe."""


class NotFound(QualmrsError):
    """A document, coding or suggestion asked for by name or id is not in the project."""


class StoreLockedError(StoreError):
    """Another process kept the project store locked for longer than the wait."""


class ReadOnlyError(QualmrsError):
    """The project store or an output folder cannot be written (permissions, read-only disk)."""


class DiskFullError(QualmrsError):
    """The disk filled up while writing the store or an output; nothing was kept."""


class OverwriteError(QualmrsError):
    """An output would replace a project store, or a file qualmrs did not write."""


def os_error(error: OSError, path: str | Path | None, what_to_do: str) -> QualmrsError | None:
    """A full disk, or a file system that refuses a write, as one line naming ``path``
    (``what_to_do`` ends it); None for any other ``OSError``, which stays a bug."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError("no space left on the disk (nothing was written); free some "
                             "space and run the command again", path=path)
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = "read-only file system" if error.errno == errno.EROFS else "permission denied"
        return ReadOnlyError(f"cannot write here ({reason}; nothing was written); {what_to_do}",
                             path=path)
    return None


def _str(path: str | Path | None) -> str | None:
    return None if path is None else str(path)


def did_you_mean(name: str, known: list[str] | tuple[str, ...] | set[str]) -> str:
    """A hint listing the closest valid names, or all of them when few."""
    import difflib

    known = sorted(known)
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if "." not in name:
        # a child's bare name («kontroll») means its dotted key, not its parent's
        tails: dict[str, list[str]] = {}
        for k in known:
            if "." in k:
                tails.setdefault(k.rsplit(".", 1)[-1], []).append(k)
        hits = [k for t in difflib.get_close_matches(name, list(tails), n=3, cutoff=0.8)
                for k in tails[t]]
        close = list(dict.fromkeys(hits + close))[:3]
    if close:
        return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    if len(known) <= 12:
        return "expected one of: " + ", ".join(known)
    return f"expected one of {len(known)} names, e.g. " + ", ".join(known[:6])
