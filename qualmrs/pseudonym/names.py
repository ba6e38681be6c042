"""Names of people, places and workplaces in Norwegian talk, found by lists and context (no
Norwegian NER model can be installed from a registry).

A capitalised word in mid-sentence is a name (Norwegian capitalises nothing else there); at
the start of a sentence it is one only when it is no everyday word («Kari», «Tores»), or when
it is a name elsewhere in the study and a verb follows («Per er sånn», but «Per i dag», «Stein
på stein»). Whether a name is a person, a place or a workplace comes from the lists, the words
around it («i», «på» before a place, «skole» after a school, «NAV» before an office) and its
ending (Faker's Norwegian place and street endings).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import lists

__all__ = ["Found", "find_names", "names_seen"]

TOKEN = re.compile(r"[^\W\d_]\w*(?:-\w+)*")
CAP = r"[A-ZÆØÅ][\wæøåÆØÅ]*(?:-[\wæøåÆØÅ]+)*"
OPENERS = ".!?:;\n]«\"“(–—…"


@dataclass(frozen=True)
class Found:
    """A stretch of text that names someone or something: ``[start, end)`` and its type
    (``person``, ``place``, ``organisation``), with the place kind when known."""

    start: int
    end: int
    type: str
    kind: str = ""  # county | municipality | district | address | nav | ""


@functools.cache
def _patterns():
    org_nouns = "|".join(re.escape(n) for n in lists.ORG_NOUNS)
    streets = "|".join(re.escape(e) for e in lists.street_endings())
    multi = sorted((p for p in lists.places() if " " in p), key=len, reverse=True)
    return {
        "nav": re.compile(rf"\b(?:NAV|Nav) ({CAP}(?: {CAP})?)"),
        "org": re.compile(rf"\b((?:{CAP} )+)(?:{org_nouns})\b"),
        "helse": re.compile(rf"\bHelse {CAP}"),
        "address": re.compile(rf"\b(?:{CAP} )*(?:{CAP}(?:{streets})|(?:{CAP} )+(?:gate|vei|veg"
                              rf"|allé|plass)) \d{{1,4}}(?:[A-Za-z]\b| [A-Z]\b)?"),
        "places": re.compile(r"\b(?:" + "|".join(re.escape(p) for p in multi) + r")\b"),
    }


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not (len(word) > 1 and word.split("-")[0].isupper())


def _sentence_start(text: str, at: int, floor: int) -> bool:
    i = at - 1
    while i >= floor and text[i] in " \t\"'«»“”(-–":
        i -= 1
    return i < floor or text[i] in OPENERS


def _name_like(word: str) -> bool:
    return word in lists.given_names() or word in lists.surnames()


def _possessive_of(word: str, seen: set[str]) -> bool:
    stem = word[:-1]
    return word.endswith("s") and len(stem) >= 2 and (_name_like(stem) or stem in seen)


def _fixed(text: str, start: int, end: int) -> list[Found]:
    """Workplaces, addresses and multi-word places, found by their patterns."""
    p, out = _patterns(), []
    for m in p["nav"].finditer(text, start, end):
        out.append(Found(m.start(), m.end(), "organisation", "nav"))
    for m in p["org"].finditer(text, start, end):
        words = m.group(1).split()
        while words and (lists.kept(words[0]) or (_sentence_start(text, m.start(), start)
                                                  and lists.common(words[0]))):
            words = words[1:]
        if words:
            first = m.group(0).rfind(" ".join(words), 0)
            out.append(Found(m.start() + first, m.end(), "organisation"))
    for m in p["helse"].finditer(text, start, end):
        out.append(Found(m.start(), m.end(), "organisation"))
    for m in p["address"].finditer(text, start, end):
        out.append(Found(m.start(), m.end(), "place", "address"))
    for m in p["places"].finditer(text, start, end):
        out.append(Found(m.start(), m.end(), "place", lists.places()[m.group()]))
    return out


def _runs(text: str, start: int, end: int):
    """Runs of capitalised words joined by single spaces: (tokens, starts, ends)."""
    run: list[tuple[int, int, str]] = []
    for m in TOKEN.finditer(text, start, end):
        word = m.group()
        if _capitalised(word) and (not run or text[run[-1][1]:m.start()] == " "):
            run.append((m.start(), m.end(), word))
            continue
        if run:
            yield run
        run = [(m.start(), m.end(), word)] if _capitalised(word) else []
    if run:
        yield run


def _next_word(text: str, at: int, end: int) -> tuple[str, int]:
    m = TOKEN.search(text, at, end)
    if m is None or text[at:m.start()].strip():
        return "", at
    return m.group(), m.end()


def _previous_word(text: str, at: int, floor: int) -> str:
    i = at
    while i > floor and text[i - 1] == " ":
        i -= 1
    j = i
    while j > floor and (text[j - 1].isalnum() or text[j - 1] in ".-"):
        j -= 1
    return text[j:i].lower()


def _opens_name(word: str, rest: list[str], after: str, text: str, at: int, end: int,
                seen: set[str]) -> bool:
    """Whether a run's sentence-initial first word is part of a name."""
    if lists.kept(word):
        return False
    known = _name_like(word) or word in lists.places() or word in seen \
        or _possessive_of(word, seen)
    if not lists.common(word):
        return known or (bool(rest) and _name_like(rest[0]))
    if rest:
        return _name_like(word) and (_name_like(rest[0]) or rest[0] in seen)
    if word not in seen:
        return False
    if after in lists.NAME_VERBS or after.endswith(("te", "de", "dde")):
        return True
    if after == "og":
        nxt, _ = _next_word(text, at, end)
        return bool(nxt) and _capitalised(nxt)
    return False


def _classify(words: list[str], before: str, text: str, seen: set[str]) -> tuple[str, str]:
    """(type, kind) of a name of one or more words, from the lists and the word before."""
    places = lists.places()
    joined = " ".join(words)
    if joined in places and not (len(words) == 1 and _name_like(words[0])
                                 and before not in lists.PLACE_PREPOSITIONS):
        return "place", places[joined]
    if any(_name_like(w) or _possessive_of(w, seen) for w in words):
        return "person", ""
    if before in lists.TITLES:
        return "person", ""
    last = words[-1].lower()
    if before in lists.PLACE_PREPOSITIONS or (len(words) == 1
                                              and last.endswith(lists.place_endings())):
        return "place", ""
    return "person", ""


def find_names(text: str, start: int, end: int, seen: frozenset[str] = frozenset()
               ) -> list[Found]:
    """Names in ``text[start:end]`` (one speaker's turn).

    Args:
        seen: words found as names in mid-sentence elsewhere in the study, which makes the
            same word a name at the start of a sentence when a verb follows.
    """
    fixed = _fixed(text, start, end)
    out = list(fixed)
    for run in _runs(text, start, end):
        words = [w for _, _, w in run]
        if _sentence_start(text, run[0][0], start):
            after, at = _next_word(text, run[-1][1], end) if len(run) == 1 else ("", 0)
            if not _opens_name(words[0], words[1:], after.lower(), text, at, end, set(seen)):
                run, words = run[1:], words[1:]
        # a word left alone (a system, a law) splits the run
        parts, part = [], []
        for token in run:
            if lists.kept(token[2]):
                if part:
                    parts.append(part)
                part = []
            else:
                part.append(token)
        if part:
            parts.append(part)
        for part in parts:
            a, b = part[0][0], part[-1][1]
            if any(f.start <= a and b <= f.end for f in fixed):
                continue
            kind = _classify([w for _, _, w in part], _previous_word(text, a, start), text,
                             set(seen))
            out.append(Found(a, b, *kind))
    return out


def names_seen(text: str, start: int, end: int) -> set[str]:
    """Capitalised words standing in mid-sentence in ``text[start:end]``, and the words of
    full names (the first pass: these are names wherever else they stand)."""
    out = set()
    for run in _runs(text, start, end):
        # a full name opening a sentence («Dag Eriksen leder ...») is one too
        full = len(run) > 1 and any(_name_like(w) for _, _, w in run[1:])
        for i, (a, _, word) in enumerate(run):
            if i == 0 and _sentence_start(text, a, start) and not full:
                continue
            if not lists.kept(word):
                out.add(word)
    return out
