"""Personal data in a study's talk, each mention with a pseudonym that is the same for the same
person, place or number across the study («Kari Hansen», «Kari» and «Hansen» are one
person)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Case, Document
from . import lists
from .identifiers import find_identifiers
from .names import find_names, names_seen

__all__ = ["Mention", "detect", "TYPES", "REVIEW_COLUMNS"]

REVIEW_COLUMNS = ["document", "start", "end", "text", "type", "context", "pseudonym", "action"]
TYPES = ("person", "place", "organisation", "phone", "email", "fnr", "birthdate", "vehicle",
         "case_number", "case_label", "attribute")
IDENTIFIERS = ("phone", "email", "fnr", "birthdate", "vehicle", "case_number")
NUMBERED = {"person": "Person", "phone": "Telefon", "email": "E-post", "fnr": "Fødselsnummer",
            "birthdate": "Fødselsdato", "vehicle": "Kjennemerke", "case_number": "Saksnummer",
            "address": "Adresse"}
LETTERED = {"county": "Fylke", "municipality": "Kommune", "district": "Bydel", "": "Sted",
            "nav": "NAV-kontor", "organisation": "Arbeidsplass", "case_label": "Case"}
CODE_LIKE = re.compile(r"^[A-Za-zÆØÅæøå]{1,3}\d*$")  # case labels such as B, IP3: not names
CONTEXT = 40


@dataclass(frozen=True)
class Mention:
    """One mention of personal data: where, what, its type, the words around it and the
    pseudonym proposed for it."""

    document: str
    start: int
    end: int
    text: str
    type: str
    context: str
    pseudonym: str


def _project_terms(cases: list[Case]) -> dict[str, tuple[str, str]]:
    """Case labels that look like names, and attribute values that are names or numbers:
    term → (type, attribute name)."""
    terms: dict[str, tuple[str, str]] = {}
    for case in cases:
        if len(case.label) >= 3 and not CODE_LIKE.match(case.label) \
                and _looks_named(case.label):
            terms[case.label] = ("case_label", "")
        for name, value in case.attributes.items():
            if value and _looks_named(value):
                terms.setdefault(value, ("attribute", name))
    return terms


def _looks_named(value: str) -> bool:
    return value[0].isupper() or any(c.isdigit() for c in value)


def _find_terms(text: str, start: int, end: int, terms: dict[str, tuple[str, str]]):
    if not terms:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(t) for t in sorted(terms, key=len, reverse=True)) + r")(?![\w-])")
    return [(m.start(), m.end(), *terms[m.group()]) for m in pattern.finditer(text, start, end)]


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    return " ".join(f"…{before}[{text[start:end]}]{after}…".split())


def _doc_mentions(doc: Document, seen: frozenset[str], terms) -> list[tuple[int, int, str, str]]:
    """(start, end, type, kind) in one document's talk, without overlaps: identifiers first,
    then workplaces, addresses and listed places, then the project's own case labels and
    attribute values, then other names."""
    found: list[tuple[int, int, str, str, int]] = []
    for turn in doc.turns:
        for a, b, kind in find_identifiers(doc.text, turn.start, turn.end):
            found.append((a, b, kind, "", 0))
        for f in find_names(doc.text, turn.start, turn.end, seen):
            found.append((f.start, f.end, f.type, f.kind,
                          1 if f.kind or f.type == "organisation" else 3))
        for a, b, kind, name in _find_terms(doc.text, turn.start, turn.end, terms):
            found.append((a, b, kind, name, 2))
    found.sort(key=lambda x: (x[4], -(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int, str, str]] = []
    for a, b, kind, sub, _ in found:
        if not any(a < y and x < b for x, y, *_ in taken):
            taken.append((a, b, kind, sub))
    return sorted(taken)


def _stem(word: str, names: set[str]) -> str:
    """A possessive's name («Tores» → «Tore») when that name is known."""
    stem = word[:-1]
    if word.endswith("s") and (stem in names or stem in lists.given_names()
                               or stem in lists.surnames()):
        return stem
    return word


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


class _Pseudonyms:
    """The pseudonym of each person, place and identifier, given out in order of first
    mention."""

    def __init__(self, fulls: dict[str, list[str]]):
        self.fulls = fulls  # document → full names (two words or more) of people in it
        self.given: dict[tuple[str, str], str] = {}
        self.counts: dict[str, int] = {}

    def _new(self, group: str) -> str:
        n = self.counts.get(group, 0)
        self.counts[group] = n + 1
        if group in NUMBERED:
            return f"[{NUMBERED[group]} {n + 1}]"
        label = LETTERED.get(group, group)
        return f"[{label} {_letters(n)}]"

    def person(self, document: str, text: str) -> str:
        names = {w for full in self.fulls.get(document, []) for w in full.split()}
        stem = _stem(text, names)
        tail = text[len(stem):]
        entity = stem
        if " " not in stem:
            for scope in (self.fulls.get(document, []),
                          [f for fs in self.fulls.values() for f in fs]):
                hits = {f for f in scope if stem in f.split() or stem in f.replace("-", " ")
                        .split()}
                if len(hits) == 1:
                    entity = hits.pop()
                    break
                if hits:
                    break
        return self.get("person", entity) + tail

    def get(self, group: str, key: str) -> str:
        if (group, key) not in self.given:
            self.given[(group, key)] = self._new(group)
        return self.given[(group, key)]


def detect(documents: list[Document], cases: list[Case] = ()) -> list[Mention]:
    """Every mention of personal data in the documents' talk (speaker labels left out), in
    document order, each with a pseudonym.

    Args:
        documents: the study's documents (names and places seen in one make the same word a
            name in another).
        cases: the project's cases; their labels and attribute values are found in the talk.
    """
    seen: set[str] = set()
    for doc in documents:
        for turn in doc.turns:
            seen |= names_seen(doc.text, turn.start, turn.end)
    frozen = frozenset(seen)
    terms = _project_terms(list(cases))
    per_doc = {doc.name: _doc_mentions(doc, frozen, terms) for doc in documents}
    fulls = {doc.name: list(dict.fromkeys(
        _stem(doc.text[a:b], set()) for a, b, kind, _ in per_doc[doc.name]
        if kind == "person" and " " in doc.text[a:b])) for doc in documents}
    names = _Pseudonyms(fulls)
    out = []
    for doc in documents:
        for a, b, kind, sub in per_doc[doc.name]:
            text = doc.text[a:b]
            if kind == "person":
                pseudonym = names.person(doc.name, text)
            elif kind == "place":
                pseudonym = names.get("address" if sub == "address" else sub, text)
            elif kind == "organisation":
                pseudonym = names.get("nav" if sub == "nav" else "organisation", text)
            elif kind == "attribute":
                pseudonym = names.get(sub, text)
            else:
                pseudonym = names.get(kind, text)
            out.append(Mention(doc.name, a, b, text, kind, _context(doc.text, a, b),
                               pseudonym))
    return out
