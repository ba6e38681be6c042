"""Find a quoted passage in a document's text, like a W3C TextQuoteSelector.

Whitespace is matched loosely (any run of spaces or line breaks equals any other), so a quote
copied from a Word paragraph or a subtitle cue still anchors in the stored text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def _pattern(quote: str) -> str:
    words = unicodedata.normalize("NFC", quote).split()
    return r"\s+".join(re.escape(w) for w in words)


@functools.lru_cache(maxsize=4)
def _collapsed(text: str) -> tuple[str, list[int]]:
    """``text`` with every run of whitespace as one space, and for each of its characters
    where it is in ``text`` (a quote is looked up in this by ``str.find``: compiling a
    pattern for each of a study's hundreds of quotes was most of importing its codings,
    issue 12)."""
    parts, at, end = [], [], 0
    for m in _SPACES.finditer(text):
        parts += (text[end:m.start()], " ")
        at += [*range(end, m.start()), m.start()]
        end = m.end()
    parts.append(text[end:])
    at += range(end, len(text))
    return "".join(parts), at


def find_quote(text: str, quote: str, prefix: str = "", suffix: str = "",
               within: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Every span ``[start, end)`` of ``text`` where ``quote`` occurs.

    Args:
        text: the document's normalised text.
        quote: the passage; must contain at least one non-space character.
        prefix, suffix: text that must come right before / after the quote.
        within: only spans inside one of these ranges (e.g. a case's turns).
    """
    words = unicodedata.normalize("NFC", quote).split()
    if not words:
        return []
    flat, at = _collapsed(text)
    wanted = " ".join(words)
    pre = suf = None
    spans = []
    i = flat.find(wanted)
    while i >= 0:
        start, end = at[i], at[i + len(wanted) - 1] + 1
        i = flat.find(wanted, i + 1)
        if prefix.strip():
            pre = pre or re.compile(r"(?:" + _pattern(prefix) + r")\s*$")
            if not pre.search(text, 0, start):
                continue
        if suffix.strip():
            # Pattern.match(text, pos) anchors at pos by itself; "^" would only match at 0.
            suf = suf or re.compile(r"\s*(?:" + _pattern(suffix) + r")")
            if not suf.match(text, end):
                continue
        if within is not None and not any(a <= start and end <= b for a, b in within):
            continue
        spans.append((start, end))
    return spans
