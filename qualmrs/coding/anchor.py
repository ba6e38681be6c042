"""Find a quoted passage in a document's text, like a W3C TextQuoteSelector.

Whitespace is matched loosely (any run of spaces or line breaks equals any other), so a quote
copied from a Word paragraph or a subtitle cue still anchors in the stored text.
"""

from __future__ import annotations

import re
import unicodedata


def _pattern(quote: str) -> str:
    words = unicodedata.normalize("NFC", quote).split()
    return r"\s+".join(re.escape(w) for w in words)


def find_quote(text: str, quote: str, prefix: str = "", suffix: str = "",
               within: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Every span ``[start, end)`` of ``text`` where ``quote`` occurs.

    Args:
        text: the document's normalised text.
        quote: the passage; must contain at least one non-space character.
        prefix, suffix: text that must come right before / after the quote.
        within: only spans inside one of these ranges (e.g. a case's turns).
    """
    if not quote.strip():
        return []
    pat = re.compile(r"(?=(" + _pattern(quote) + r"))")
    pre = re.compile(r"(?:" + _pattern(prefix) + r")\s*$") if prefix.strip() else None
    # Pattern.match(text, pos) anchors at pos by itself; "^" would only match at 0.
    suf = re.compile(r"\s*(?:" + _pattern(suffix) + r")") if suffix.strip() else None
    spans = []
    for m in pat.finditer(text):
        start, end = m.start(1), m.end(1)
        if pre and not pre.search(text, 0, start):
            continue
        if suf and not suf.match(text, end):
            continue
        if within is not None and not any(a <= start and end <= b for a, b in within):
            continue
        spans.append((start, end))
    return spans
