"""Accepted review rows → edits of every document's text, consistent across the study, and the
key that undoes them; the same replacements for any other text (memos, evidence, the
history)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document
from . import lists
from .review import KEEP, REPLACE, Decision

__all__ = ["Sweep", "Plan", "plan", "KEY_COLUMNS", "reverse_edits"]

KEY_COLUMNS = ["where", "start", "end", "pseudonym", "original"]
SENTENCE_OPENERS = ".!?:\n]«\"“–"


class Sweep:
    """Every whole-word occurrence of an original (and its possessive «-s») replaced by its
    pseudonym, longest original first."""

    def __init__(self, mapping: dict[str, str]):
        self.mapping = {k: v for k, v in mapping.items() if k}
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(
            re.escape(k) for k in sorted(self.mapping, key=len, reverse=True))
            + r")(s?)(?![\w-])") if self.mapping else None

    def edits(self, text: str, protect: list[tuple[int, int]] = (),
              careful: bool = False) -> list[tuple[int, int, str, str]]:
        """(start, end, pseudonym, original) of each occurrence outside ``protect``.

        Args:
            careful: leave an original that is an everyday word («Per», «Liv») alone at the
                start of a sentence, where it is most likely the word.
        """
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            a, b = m.start(), m.end()
            if any(x < b and a < y for x, y in protect):
                continue
            if careful and lists.common(m.group(1)) and _sentence_start(text, a):
                continue
            out.append((a, b, self.mapping[m.group(1)] + m.group(2), m.group()))
        return out

    def __call__(self, text: str) -> str:
        if self.pattern is None or not text:
            return text
        return self.pattern.sub(lambda m: self.mapping[m.group(1)] + m.group(2), text)


def _sentence_start(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \t\"'«(-–":
        i -= 1
    return i < 0 or text[i] in SENTENCE_OPENERS


@dataclass
class Plan:
    """What applying a review file does: per document its edits (start, end, pseudonym,
    original) in order; the sweep for everything else; how many occurrences were replaced
    beyond the rows (the same name where the detector did not list it)."""

    edits: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)
    sweep: Sweep = field(default_factory=lambda: Sweep({}))
    extra: int = 0
    kept: int = 0

    def originals(self) -> set[str]:
        return {o for edits in self.edits.values() for *_, o in edits}


def plan(documents: list[Document], decisions: list[Decision]) -> Plan:
    """The edits that replace every accepted mention, and every other whole-word occurrence
    of an accepted text that no ``keep`` row protects, in every document."""
    by_doc: dict[str, list[Decision]] = {}
    for d in decisions:
        by_doc.setdefault(d.document, []).append(d)
    mapping: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    for d in decisions:
        if d.action == REPLACE:
            counts[(d.text, d.pseudonym)] = counts.get((d.text, d.pseudonym), 0) + 1
    for (text, pseudonym), _ in sorted(counts.items(), key=lambda kv: -kv[1]):
        mapping.setdefault(text, pseudonym)  # the most used pseudonym of a text
    for part, pseudonym in _name_parts(decisions).items():
        mapping.setdefault(part, pseudonym)
    result = Plan(sweep=Sweep(mapping), kept=sum(d.action == KEEP for d in decisions))
    for doc in documents:
        mine = by_doc.get(doc.name, [])
        rows = {}
        for d in sorted(mine, key=lambda d: (d.start, -d.end)):
            if d.action == REPLACE:
                rows.setdefault((d.start, d.end), (d.start, d.end, d.pseudonym, d.text))
        protect = [(d.start, d.end) for d in mine] + list(rows)
        local = Sweep({**mapping, **{d.text: d.pseudonym for d in mine
                                     if d.action == REPLACE}})
        extra = local.edits(doc.text, protect, careful=True)
        edits = sorted(list(rows.values()) + extra)
        result.extra += len(extra)
        if edits:
            result.edits[doc.name] = edits
    return result


def _name_parts(decisions: list[Decision]) -> dict[str, str]:
    """The words of replaced full names («Kari», «Hansen» of «Kari Hansen») with the full
    name's pseudonym, where a word belongs to one person only: a memo or a mention the
    detector missed that says «Kari» means her too."""
    parts: dict[str, set[str]] = {}
    for d in decisions:
        if d.action != REPLACE or d.type != "person" or " " not in d.text:
            continue
        for word in d.text.replace("-", " ").split() + d.text.split():
            if len(word) >= 3 and word[0].isupper():
                parts.setdefault(word, set()).add(d.pseudonym)
    return {w: next(iter(p)) for w, p in parts.items() if len(p) == 1}


def reverse_edits(text: str, rows: list[tuple[int, int, str, str]]
                  ) -> list[tuple[int, int, str]]:
    """Edits that put the originals back: key rows (start, end, pseudonym, original) of one
    text, checked against it.

    Raises:
        ValueError: the text at a row's place is not its pseudonym (the text changed since).
    """
    out = []
    for start, end, pseudonym, original in sorted(rows):
        if text[start:end] != pseudonym:
            raise ValueError(f"«{text[start:end]}» at {start}–{end}, not «{pseudonym}»")
        out.append((start, end, original))
    return out
