"""Find speaker turns in lines of transcript text.

A line that starts with a speaker label (``A:``, ``[00:12:31] H:``, ``Intervjuer:``,
``**B:**``) opens a turn; lines without a label continue the previous speaker's turn. The label
(and timestamp) is not part of the turn's span.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import INFORMANT, INTERVIEWER, UNKNOWN, Turn
from .normalise import line_spans

# [hh:mm:ss] or (hh:mm:ss.f) or hh:mm:ss before the label
_TIME = r"(?:[\[(]?(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[\])]?\s*(?:-\s*)?)?"
# label: up to four words, each starting with a letter or digit, then a colon; optional ** bold
_LABEL = re.compile(
    r"^[ \t]*" + _TIME +
    r"(?P<b1>\*\*|__)?(?P<label>[^\W_][\w.\-]*(?:[ \t][^\W_][\w.\-]*){0,3}?)(?P<b2>\*\*|__)?"
    r"[ \t]*:(?:\*\*|__)?(?=\s|$)[ \t]*", re.UNICODE | re.MULTILINE)
_TEXT = re.compile(r"\S")
_SHORT_CODE = re.compile(r"^[A-ZÆØÅ]{1,3}\d{0,2}$|^[A-ZÆØÅ][a-zæøå]{0,2}\d{1,2}$|^[^\W\d_]+[ \t]?\d{1,3}$")


@dataclass(frozen=True)
class LabelMatch:
    label: str
    text_start: int  # offset in the line where the turn text begins
    time: float | None


def parse_time(value: str | None) -> float | None:
    if not value:
        return None
    parts = value.replace(",", ".").split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2]) if len(parts) >= 2 else 0
    hours = int(parts[-3]) if len(parts) >= 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def match_label(line: str) -> LabelMatch | None:
    """The speaker label that opens ``line``, if it has the shape of one."""
    return _match_at(line, 0, len(line))


def _match_at(text: str, start: int, end: int) -> LabelMatch | None:
    """The label opening the line ``text[start:end]`` (``start`` a line start), read in
    place: a long transcript is not copied line by line."""
    m = _LABEL.match(text, start, end)
    if not m or len(m.group("label")) > 40:
        return None
    return LabelMatch(m.group("label").strip(), m.end() - start, parse_time(m.group("time")))


class LabelPolicy:
    """Decides which label-shaped prefixes are speakers.

    Known labels (interviewer labels, case labels) and short codes (``B``, ``IP2``, ``Inf 3``)
    are always speakers. Any other word followed by a colon counts only when it opens at least
    two lines, so an informant's «Altså: ...» at a line start is not taken for a speaker.
    """

    def __init__(self, interviewer_labels, known_labels=(), hinted=()):
        self.interviewer = {s.casefold() for s in interviewer_labels}
        self.known = self.interviewer | {s.casefold() for s in known_labels}
        self.hinted = {s.casefold() for s in hinted}

    def accepted(self, candidates: Counter) -> set[str]:
        ok = set()
        for label, n in candidates.items():
            key = label.casefold()
            if key in self.known or key in self.hinted or _SHORT_CODE.match(label) or n >= 2:
                ok.add(label)
        return ok

    def role(self, label: str) -> str:
        if not label:
            return UNKNOWN
        return INTERVIEWER if label.casefold() in self.interviewer else INFORMANT


def find_turns(text: str, policy: LabelPolicy, *,
               forced: dict[int, tuple[str, int]] | None = None,
               times: dict[int, float] | None = None) -> tuple[tuple[Turn, ...], bool]:
    """Split ``text`` into turns at speaker labels that start lines.

    Args:
        text: normalised text.
        policy: which labels are speakers and which are interviewers.
        forced: line index → (label, offset of the turn text in the line) for lines a reader
            already knows to open a turn (subtitle voice tags, Word bold labels).
        times: line index → seconds, for turns whose time the reader knows.

    Returns:
        The turns, and whether any speaker label was found. Turns cover every non-space
        character after the labels; a text with no labels is one unlabelled turn.
    """
    forced = forced or {}
    times = times or {}
    # Two passes over the lines, in place: the labels first, then the turns they open. A
    # long transcript's lines and label matches are never all held (issue 12).
    accepted = policy.accepted(Counter(m.label for _, _, m in _label_lines(text, {}) if m))
    turns: list[Turn] = []
    last = None  # the open turn: (its line start, its text start, label, time)
    for i, start, m in _label_lines(text, forced):
        if i in forced:
            label, text_start = forced[i]
            opened = (start, start + text_start, label, times.get(i))
        elif m.label in accepted:
            opened = (start, start + m.text_start, m.label,
                      m.time if m.time is not None else times.get(i))
        else:
            continue
        if last is None:
            if _has_text(text, 0, start):
                turns.append(_trimmed(text, 0, start, "", UNKNOWN, None))
        else:
            turns.append(_trimmed(text, last[1], start, last[2], policy.role(last[2]), last[3]))
        last = opened
    if last is None:  # no labels: the whole text is one unlabelled turn
        if _has_text(text, 0, len(text)):
            turns.append(_trimmed(text, 0, len(text), "", INFORMANT, None))
    else:
        turns.append(_trimmed(text, last[1], len(text), last[2], policy.role(last[2]),
                              last[3]))
    return tuple(t for t in turns if t.end > t.start), last is not None


def _label_lines(text: str, forced):
    """(index, start, label match) of each line that opens with a label or is ``forced``."""
    for i, (start, end) in enumerate(line_spans(text)):
        m = _match_at(text, start, end)
        if m or i in forced:
            yield i, start, m


def _has_text(text: str, start: int, end: int) -> bool:
    return _TEXT.search(text, start, end) is not None


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space at its edges (empty: ``start == end``)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _trimmed(text: str, start: int, end: int, label: str, role: str, time) -> Turn:
    start, end = trimmed_span(text, start, end)
    return Turn(speaker=label, start=start, end=end, role=role, time=time)
