"""Paragraphs of a word-processor or web document as transcript lines, shared by the readers
of .docx, .odt and .html: a bold label opens a turn, a table row (speaker, text) is one line."""

from __future__ import annotations

import re

from .normalise import normalise
from .turns import match_label

SOFT_HYPHEN = "\u00ad"  # where a word may be hyphenated: invisible unless it is
_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def bold_label(bold: str, text: str) -> tuple[str, int] | None:
    """A bold run at the start that ends in a colon, or is followed by one, is a label.

    Returns:
        (label, where the turn's text starts in ``text``), or None.
    """
    head = bold.strip()
    if not head or len(head) > 41:
        return None
    stripped = head.rstrip(":").strip()
    if not stripped or "\n" in stripped:
        return None
    m = match_label(text)
    if m and m.label == stripped:
        return stripped, m.text_start
    return None


def row_line(values: list[str]) -> tuple[str, str | None]:
    """A table row as one line: a short first cell is the speaker («B» | «tekst» → «B: tekst»).

    Returns:
        (the line, the speaker label or None).
    """
    if len(values) >= 2 and 0 < len(values[0]) <= 40 and "\n" not in values[0]:
        label = values[0].rstrip(":").strip()
        return f"{label}: " + " ".join(c for c in values[1:] if c).replace("\n", " "), label
    return " ".join(c for c in values if c), None


def collapse(text: str) -> str:
    """Runs of white space as one space, as HTML and OpenDocument lay out text."""
    return _SPACE.sub(" ", text)


class Paragraphs:
    """A document's text line by line, with the labels its layout makes certain."""

    def __init__(self):
        self.lines: list[str] = []
        self.forced: dict[int, tuple[str, int]] = {}

    def add(self, text: str, bold: str = "") -> None:
        """One paragraph (a line break in it makes more lines); ``bold``: its bold start."""
        text = normalise(text.replace(SOFT_HYPHEN, ""))
        for i, line in enumerate(text.split("\n")):
            line = line.strip()
            label = bold_label(bold.replace(SOFT_HYPHEN, ""), line) if i == 0 else None
            if label:
                self.forced[len(self.lines)] = label
            self.lines.append(line)

    def row(self, cells: list[str]) -> None:
        """One table row, its cells' text given."""
        line, label = row_line([normalise(c.replace(SOFT_HYPHEN, "")).strip() for c in cells])
        if label is not None:
            self.forced[len(self.lines)] = (label, len(label) + 2)
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.lines)
