"""Plain-text and Markdown transcripts."""

from __future__ import annotations

from pathlib import Path

from .normalise import read_text_file


def read_text(path: Path, encoding: str | None = None):
    """Return (text, forced labels, times) for a .txt/.md transcript: labels are in the text."""
    return read_text_file(path, encoding), {}, {}
