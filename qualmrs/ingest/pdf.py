"""PDF transcripts with a text layer: the page's lines, running heads and page numbers left out.

A PDF has lines placed on pages, not paragraphs. pdfplumber gives each line with its place on
the page, which is what tells what a word processor put in the margins: a line repeated at the
same height at the top or bottom of most pages (a running header or footer; digits count as
alike, so «Side 2 av 9» repeats) and a bare page number at a page's top or bottom are left out.
The remaining lines are joined back into paragraphs: a line ends its paragraph when the next
one opens with a speaker label or its first word would have fitted on it (so the line was not
wrapped). A word hyphenated at a line end is joined when the next line goes on in lower case
(«resultat-» + «styringen»); the hyphen stays where it is a real one («NAV-» + «kontoret»,
«mål-» + «og»). A PDF without any text (a scan) is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import IngestError
from .normalise import normalise
from .turns import match_label

# A page number alone on a line: «7», «- 7 -», «Side 7», «Page 7 of 9», «7/9».
_PAGE_NUMBER = re.compile(r"^[\W_]*(?:(?:side|page|s\.)\s*)?\d{1,4}"
                          r"(?:\s*(?:av|of|/)\s*\d{1,4})?[\W_]*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
# After «mål-» a line starting with one of these continues a suspended compound («mål- og
# resultatstyring»): the hyphen is real and a space follows it.
_CONJUNCTIONS = {"og", "eller", "samt", "til", "and", "or", "nor", "to"}
_HYPHENS = "-\u00ad\u2010"  # hyphen-minus, soft hyphen, hyphen
_EDGE_LINES = 3  # running heads and page numbers are among a page's first or last lines
_SAME_PLACE = 2.0  # points: a running head stands at the same height on every page


@dataclass(frozen=True)
class Line:
    """One line of a page as pdfplumber found it (coordinates in points from the top left)."""

    text: str
    top: float
    x0: float
    x1: float
    first_word: float = 0.0  # the width of its first word
    space: float = 3.0  # the width of a space in its font


def read_pdf(path: Path, encoding: str | None = None):
    """Return (text, forced labels, times, warnings) for a PDF transcript.

    Raises:
        IngestError: not a readable PDF, protected by a password, or without any text.
    """
    pages = _pages(path)
    if not any(line.text.strip() for page in pages for line in page):
        raise IngestError("the PDF has no text layer (a scan?); run OCR on it first (e.g. "
                          "ocrmypdf), or give the transcript as .docx or .txt", path=path)
    empty = [str(i) for i, page in enumerate(pages, start=1) if not page]
    warnings = (f"{path.name}: page(s) {', '.join(empty)} have no text (scanned?) and were "
                "left out",) if empty else ()
    return "\n".join(paragraphs(body_lines(pages))), {}, {}, warnings


def _pages(path: Path) -> list[list[Line]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            found = [page.extract_text_lines(strip=True, return_chars=True)
                     for page in pdf.pages]
    except Exception as e:  # noqa: BLE001 - pdfminer meets a damaged file with any error
        cause = e.args[0] if type(e).__name__ == "PdfminerException" and e.args else e
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise IngestError("the PDF is protected by a password; save it without one",
                              path=path) from None
        raise IngestError(f"not a readable PDF file ({_describe(cause)})", path=path) from None
    return [_page_lines(lines) for lines in found]


def _describe(error) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__


def _page_lines(found_lines: list[dict]) -> list[Line]:
    lines = []
    for found in found_lines:
        text = normalise(found["text"])
        if not text.strip():
            continue
        chars = found["chars"]
        size = max((c.get("size", 0.0) for c in chars), default=12.0)
        lines.append(Line(text, found["top"], found["x0"], found["x1"],
                          _first_word(chars, size), 0.25 * size))
    return lines


def _first_word(chars: list[dict], size: float) -> float:
    """The width of a line's first word: PDFs often hold no space characters, so a word ends
    at a space or at a gap wider than a letter's kerning."""
    if not chars:
        return 0.0
    end = chars[0]
    for c in chars[1:]:
        if c["text"].isspace() or c["x0"] - end["x1"] > 0.15 * size:
            break
        end = c
    return end["x1"] - chars[0]["x0"]


def _shape(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split()))


def body_lines(pages: list[list[Line]]) -> list[Line | None]:
    """The lines of every page without running heads and page numbers; ``None`` between
    pages.

    A line among a page's first or last ``_EDGE_LINES`` counts as a running head when its
    text (digits alike) stands at the same height on more than half of the pages (two at
    least; a line that opens with a speaker label, on every page of three or more), and as a
    page number when it is one; such lines are left out from the page's edge inward, so a
    body line of the same words is kept.
    """
    seen: dict[str, list[float]] = {}
    for page in pages:
        edges = page[:_EDGE_LINES] + page[max(_EDGE_LINES, len(page) - _EDGE_LINES):]
        for line in {id(x): x for x in edges}.values():
            seen.setdefault(_shape(line.text), []).append(line.top)

    def running(line: Line) -> bool:
        if _PAGE_NUMBER.match(line.text):
            return True
        tops = seen.get(_shape(line.text), [])
        same = sum(abs(t - line.top) <= _SAME_PLACE for t in tops)
        if match_label(line.text):
            # «B: Ja.» may well open two of three pages; a labelled head repeats on all
            return same >= 3 and same >= len(pages)
        return same >= 2 and 2 * same > len(pages)

    out: list[Line | None] = []
    for page in pages:
        a, b = 0, len(page)
        while a < min(b, _EDGE_LINES) and running(page[a]):
            a += 1
        while b > max(a, len(page) - _EDGE_LINES) and running(page[b - 1]):
            b -= 1
        if out:
            out.append(None)
        out.extend(page[a:b])
    return out


def paragraphs(lines: list[Line | None]) -> list[str]:
    """Lines joined into paragraphs (``None`` marks a page break, across which a paragraph
    may go on)."""
    right = max((x.x1 for x in lines if x is not None), default=0.0)
    out: list[str] = []
    prev: Line | None = None
    for line in lines:
        if line is None:
            continue
        if prev is None or _ends_paragraph(prev, line, right):
            out.append(line.text)
        else:
            out[-1] = join_lines(out[-1], line.text)
        prev = line
    return out


def _ends_paragraph(prev: Line, line: Line, right: float) -> bool:
    """The paragraph of ``prev`` ends before ``line``: a speaker label opens it, or its first
    word would have fitted after ``prev`` (``prev`` was not wrapped)."""
    if match_label(line.text):
        return True
    room = right - prev.x1
    hyphenated = prev.text[-1:] in _HYPHENS
    return not hyphenated and line.first_word + prev.space < room - 1.0


def join_lines(head: str, tail: str) -> str:
    """Two lines of one paragraph as one: a word hyphenated at the line end is joined
    («resultat-» «styringen» → «resultatstyringen»), a real hyphen kept («NAV-» «kontoret»
    → «NAV-kontoret», «mål-» «og» → «mål- og»), else a space between."""
    if len(head) >= 2 and head[-1] in _HYPHENS and head[-2].isalnum() and tail[:1].islower():
        if head[-1] == "\u00ad":
            return head[:-1] + tail
        first = tail.split(maxsplit=1)[0].strip(",.;:")
        if first.lower() in _CONJUNCTIONS:
            return f"{head} {tail}"
        if head[-2].isupper() or head[-2].isdigit():  # «NAV-», «MRS-», «2019-»
            return head + tail
        return head[:-1] + tail
    return f"{head} {tail}"
