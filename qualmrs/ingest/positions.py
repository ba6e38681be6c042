"""Character positions from other tools → offsets into a normalised document text.

REFI-QDA says positions count Unicode code points, but tools differ (shared/refi-qda/README):
NVivo counts UTF-16 code units and CRLF as two, ATLAS.ti counts CRLF as one, QualCoder writes a
BOM it does not count. A ``PositionMap`` knows the source text as the tool saw it (BOM
stripped) and maps a position under any of those countings to an offset into the text qualmrs
stores (NFC, LF), the text every other offset in a project points into.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate

from .normalise import normalise


@dataclass(frozen=True)
class Counting:
    """One way a tool counts characters."""

    name: str
    utf16: bool  # surrogate pairs count two (UTF-16 code units), else code points
    crlf_as_one: bool  # a CRLF line end counts one, else two

    def describe(self) -> str:
        unit = "UTF-16 code units" if self.utf16 else "code points"
        return f"{unit}, CRLF counted {'once' if self.crlf_as_one else 'twice'}"


CODE_POINTS = Counting("code points", utf16=False, crlf_as_one=False)
COUNTINGS = (CODE_POINTS,
             Counting("code points, CRLF as one", utf16=False, crlf_as_one=True),
             Counting("UTF-16 units", utf16=True, crlf_as_one=False),
             Counting("UTF-16 units, CRLF as one", utf16=True, crlf_as_one=True))


def _normalise_with_sources(raw: str) -> tuple[str, list[int]]:
    """``normalise(raw)`` and, for each of its characters, the raw index it came from."""
    chars, src = [], []
    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r":
            chars.append("\n")
            src.append(i)
            i += 2 if raw.startswith("\r\n", i) else 1
            continue
        chars.append("\n" if ch in "\u2028\u2029" else ch)
        src.append(i)
        i += 1
    text = "".join(chars)
    if unicodedata.is_normalized("NFC", text):
        return text, src
    # Compose piece by piece, each piece a starter with what combines with it, so every
    # composed character still knows where its piece began.
    out, out_src, start = [], [], 0
    for j in range(1, len(text) + 1):
        if j == len(text) or unicodedata.combining(text[j]) == 0:
            piece = unicodedata.normalize("NFC", text[start:j])
            out.append(piece)
            out_src.extend([src[start]] * len(piece))
            start = j
    return "".join(out), out_src


class PositionMap:
    """Maps positions in one source text, counted in any ``Counting``, to stored offsets."""

    def __init__(self, raw: str):
        self.raw = raw.removeprefix("\ufeff")
        self.text, self._src = _normalise_with_sources(self.raw)
        if self.text != normalise(self.raw):  # composition across pieces; never seen so far
            self.text, self._src = normalise(self.raw), None
        self.has_crlf = "\r\n" in self.raw
        self.has_astral = any(ord(c) > 0xFFFF for c in self.raw)
        self._units: dict[Counting, list[int]] = {}

    @property
    def ambiguous(self) -> bool:
        """Whether the countings give different positions for this text."""
        return self.has_crlf or self.has_astral

    def _unit_starts(self, counting: Counting) -> list[int]:
        """For each raw index (and the end), the units counted before it."""
        if counting not in self._units:
            raw = self.raw

            def width(i: int) -> int:
                c = raw[i]
                if counting.crlf_as_one and c == "\r" and raw.startswith("\r\n", i):
                    return 0
                return 2 if counting.utf16 and ord(c) > 0xFFFF else 1

            self._units[counting] = list(accumulate((width(i) for i in range(len(raw))),
                                                    initial=0))
        return self._units[counting]

    def offset(self, position: int, counting: Counting) -> int | None:
        """The stored-text offset of a position, or None when it lies outside the text."""
        units = self._unit_starts(counting)
        if position < 0 or position > units[-1]:
            return None
        raw_index = bisect_left(units, position)
        if self._src is None:
            return raw_index if raw_index <= len(self.text) else None
        return bisect_left(self._src, raw_index)

    def span(self, start: int, end: int, counting: Counting) -> tuple[int, int] | None:
        """``[start, end)`` in the stored text, whitespace at either end trimmed."""
        a, b = self.offset(start, counting), self.offset(end, counting)
        if a is None or b is None or a >= b:
            return None
        text = self.text
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return (a, b) if a < b else None
