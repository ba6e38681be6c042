"""Old text → new text: where each position of the old text went, so that every span (a
coding, an answer's evidence, a turn) can be carried through a revision or a pseudonymisation.

The alignment is diff-match-patch's character diff (Myers' algorithm, with its line-level
speed-up and no time limit, so the same texts always align the same way), widened to whole
words: an edit that touches part of a word takes the whole word, so «Hansen» → «Olsen» is one
replaced word, not «Han» → «Ol» and a kept «sen». Nearby edits are not merged into one (its
"semantic" clean-up would swallow the unchanged words between them, and a coding there would
seem changed). Chosen over difflib after measuring on a
transcript of 182,000 characters with ten edits: 0.01 s (difflib on lines, then words within
changed lines, 0.05 s); with the same text in six long lines, 0.33 s against difflib's 160 s
(difflib's matcher is quadratic in a long line's repeated words, and on whole tokens without
its "popular" heuristic it took 524 s).

Spans are half-open ``[start, end)`` ``str`` indices. An insertion at a span's edge stays
outside it; a span that starts or ends inside a replaced stretch takes the whole replacement.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

__all__ = ["SpanMap", "Region", "align", "from_edits", "SAME", "CHANGED", "GONE"]

SAME, CHANGED, GONE = "same", "changed", "gone"


@dataclass(frozen=True)
class Region:
    """One changed stretch: old ``[i1, i2)`` became new ``[j1, j2)`` (either may be empty)."""

    i1: int
    i2: int
    j1: int
    j2: int


class SpanMap:
    """Positions and spans of one text carried into another, given the changed regions.

    Args:
        regions: changed stretches in order, not overlapping; between them the texts agree.
        old, new: the two texts (``new`` tells whether a carried span still holds words).
    """

    def __init__(self, regions: list[Region], old: str, new: str):
        self.regions = regions
        self.old, self.new = old, new
        self._i1 = [r.i1 for r in regions]
        self._i2 = [r.i2 for r in regions]
        # shift after the first k regions
        self._shift = [0]
        for r in regions:
            self._shift.append(self._shift[-1] + (r.j2 - r.j1) - (r.i2 - r.i1))

    @property
    def unchanged(self) -> bool:
        return not self.regions

    def start(self, p: int) -> int:
        """Where a span starting at old position ``p`` starts in the new text."""
        k = bisect_right(self._i2, p)  # regions ending at or before p (insertions at p too)
        if k < len(self.regions) and self.regions[k].i1 <= p < self.regions[k].i2:
            return self.regions[k].j1
        return p + self._shift[k]

    def end(self, p: int) -> int:
        """Where a span ending (exclusive) at old position ``p`` ends in the new text."""
        k = bisect_left(self._i2, p)  # regions ending before p
        if k < len(self.regions) and self.regions[k].i1 < p <= self.regions[k].i2:
            return self.regions[k].j2
        return p + self._shift[k]

    def touches(self, start: int, end: int) -> bool:
        """Whether an edit falls inside old ``[start, end)`` (an insertion at its edges does
        not)."""
        k = bisect_right(self._i2, start)
        while k < len(self.regions) and self.regions[k].i1 < end:
            r = self.regions[k]
            if r.i2 > start or start < r.i1:
                return True
            k += 1
        return False

    def span(self, start: int, end: int) -> tuple[int, int, str]:
        """The span's new ``(start, end, status)``: ``same`` (its own text untouched),
        ``changed`` (an edit inside it) or ``gone`` (nothing but space is left of it)."""
        new_start, new_end = self.start(start), max(self.start(start), self.end(end))
        if not self.touches(start, end):
            return new_start, new_end, SAME
        if not self.new[new_start:new_end].strip() and self.old[start:end].strip():
            return new_start, new_start, GONE
        return new_start, new_end, CHANGED


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _widen(regions: list[Region], old: str, new: str) -> list[Region]:
    """Grow each region to whole words (the text between regions is the same in both, so
    both sides grow alike), and merge regions that then meet."""
    out: list[Region] = []
    for k, r in enumerate(regions):
        i1, i2, j1, j2 = r.i1, r.i2, r.j1, r.j2
        floor = out[-1].i2 if out else 0
        ceiling = regions[k + 1].i1 if k + 1 < len(regions) else len(old)
        while i1 > floor and _word(old[i1 - 1]) and (
                (i1 < len(old) and _word(old[i1])) or (j1 < j2 and _word(new[j1]))):
            i1, j1 = i1 - 1, j1 - 1
        while i2 < ceiling and _word(old[i2]) and (
                (i2 > 0 and _word(old[i2 - 1])) or (j1 < j2 and _word(new[j2 - 1]))):
            i2, j2 = i2 + 1, j2 + 1
        if out and i1 <= out[-1].i2:
            last = out.pop()
            i1, j1 = last.i1, last.j1
        out.append(Region(i1, i2, j1, j2))
    return out


def align(old: str, new: str) -> SpanMap:
    """Align two versions of a text (see the module's notes)."""
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # exact and repeatable, however long it takes
    diffs = dmp.diff_main(old, new)
    dmp.diff_cleanupSemanticLossless(diffs)  # edits slid to word edges; none merged
    regions: list[Region] = []
    i = j = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == 0:
            i, j = i + n, j + n
            continue
        if regions and regions[-1].i2 == i and regions[-1].j2 == j:
            last = regions.pop()
            start_i, start_j = last.i1, last.j1
        else:
            start_i, start_j = i, j
        if op < 0:
            i += n
        else:
            j += n
        regions.append(Region(start_i, i, start_j, j))
    return SpanMap(_widen(regions, old, new), old, new)


def from_edits(old: str, edits: list[tuple[int, int, str]]) -> tuple[str, SpanMap]:
    """Apply replacements ``(start, end, text)`` (sorted, not overlapping) to ``old``.

    Returns:
        The new text and the map from ``old`` into it.
    """
    parts, regions, shift, at = [], [], 0, 0
    for start, end, text in edits:
        if start < at:
            raise ValueError(f"edits overlap at {start}")
        parts.append(old[at:start])
        parts.append(text)
        regions.append(Region(start, end, start + shift, start + shift + len(text)))
        shift += len(text) - (end - start)
        at = end
    parts.append(old[at:])
    new = "".join(parts)
    return new, SpanMap(regions, old, new)
