"""A span of a transcript cut at its speaker turns."""

from __future__ import annotations

from bisect import bisect_right

from ..ingest.turns import trimmed_span
from ..model import Document


def turn_spans(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at speaker turns, each piece without white space at its edges;
    speaker labels (which lie between turns) are left out."""
    ends = doc._turn_ends
    spans = []
    for t in doc.turns[bisect_right(ends, start):]:  # turns are in order, so are their ends
        if t.start >= end:
            break
        a, b = trimmed_span(doc.text, max(start, t.start), min(end, t.end))
        if a < b:
            spans.append((a, b))
    return spans
