"""Plain, frozen data passed between stages. No I/O here.

Every span is a half-open ``[start, end)`` pair of Python ``str`` indices (Unicode code points)
into a document's normalised text (NFC, ``\\n`` line ends, no BOM) — REFI-QDA's unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Mapping

INTERVIEWER = "interviewer"
INFORMANT = "informant"
UNKNOWN = "unknown"  # text before the first speaker label of a labelled transcript

MANUAL = "manual"
SUGGESTION_SOURCES = ("rule", "model")


@dataclass(frozen=True, slots=True)  # many of them in a long transcript
class Turn:
    """A stretch of one speaker's talk; the label is not part of the span."""

    speaker: str
    start: int
    end: int
    role: str = INFORMANT
    case: str | None = None
    time: float | None = None  # seconds from the start of the recording, when known


@dataclass(frozen=True, slots=True)  # many of them in a long transcript
class Sentence:
    """A sentence inside a turn, with its lowercased lemmas (space-separated words)."""

    turn: int
    start: int
    end: int
    lemmas: str = ""


@dataclass(frozen=True)
class DocComment:
    """A comment a reviewer put on a Word transcript, as read (not yet matched to codes).

    ``start``/``end`` are the commented span, trimmed to non-space characters; both are None
    when the comment is anchored nowhere in the body text (a header or footnote, say).
    """

    number: int  # 1-based, in the order the comments stand in the text
    text: str
    author: str = ""
    initials: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Document:
    """One transcript: its normalised text and speaker turns."""

    name: str
    text: str
    turns: tuple[Turn, ...]
    sha256: str = ""
    format: str = ""
    warnings: tuple[str, ...] = ()
    comments: tuple[DocComment, ...] = ()  # Word comments (.docx only); not stored as such

    def turn_text(self, i: int) -> str:
        t = self.turns[i]
        return self.text[t.start:t.end]

    @cached_property
    def _turn_starts(self) -> list[int]:  # computed once: turn_at runs per coding
        return [t.start for t in self.turns]

    @cached_property
    def _turn_ends(self) -> list[int]:
        return [t.end for t in self.turns]

    def turn_at(self, start: int, end: int) -> Turn | None:
        """The turn holding all of ``[start, end)``, or None (outside turns, or across two)."""
        from bisect import bisect_right

        i = bisect_right(self._turn_starts, start) - 1
        if i >= 0 and self.turns[i].start <= start and end <= self.turns[i].end:
            return self.turns[i]
        return None


@dataclass(frozen=True)
class Code:
    """A node of the codebook tree, addressed by its dotted key."""

    key: str
    name: str
    description: str = ""
    include: str = ""
    exclude: str = ""
    examples: tuple[str, ...] = ()
    color: str = ""
    parent: str | None = None
    phrases: tuple[str, ...] = ()  # words or phrases, matched on lemmas (any inflection)
    patterns: tuple = ()  # spaCy Matcher token patterns (lists of dicts) on lemmas
    was: tuple[str, ...] = ()  # earlier keys of this code: their codings move here

    @property
    def theme(self) -> str:
        return self.key.split(".")[0]


@dataclass(frozen=True)
class Scale:
    key: str
    categories: tuple[str, ...]
    name: str = ""
    # category → words or phrases that express it in a reply (matched on lemmas)
    cues: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    # category → the category a negated cue points to when the speaker says «tvert imot»
    opposites: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    scale: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableDef:
    """A frequency table: rows are the scale's categories then ``N``, columns the questions."""

    id: str
    title: str
    questions: tuple[str, ...]

    @property
    def caption(self) -> str:
        return f"Tabell {self.id} {self.title}"


@dataclass(frozen=True)
class Codebook:
    name: str
    language: str
    interviewer_labels: tuple[str, ...]
    codes: tuple[Code, ...]
    scales: Mapping[str, Scale]
    questions: tuple[Question, ...]
    tables: tuple[TableDef, ...]
    source: str = ""  # the YAML text, kept so a project carries its own codebook
    path: str = ""

    def code(self, key: str) -> Code:
        return self._codes_by_key[key]

    @cached_property
    def _codes_by_key(self) -> dict[str, Code]:  # computed once: code() runs per coding
        return {c.key: c for c in self.codes}

    @cached_property
    def _questions_by_key(self) -> dict[str, Question]:
        return {q.key: q for q in self.questions}

    def question(self, key: str) -> Question:
        return self._questions_by_key[key]

    def scale_of(self, question_key: str) -> Scale:
        return self.scales[self.question(question_key).scale]

    def themes(self) -> tuple[Code, ...]:
        return tuple(c for c in self.codes if c.parent is None)


@dataclass(frozen=True)
class Case:
    label: str
    attributes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Coding:
    """A code applied to a span of a document by a coder (a person, or a suggester).

    ``id``, ``origin`` (where a manual coding came from: ``file:codings.csv``,
    ``word:intervju_b.docx``, ``browser``, ...), ``origin_key`` (its row, comment or cell there)
    and ``created`` are the store's bookkeeping: two codings that differ only in them are equal.
    """

    document: str
    start: int
    end: int
    code: str
    coder: str
    source: str = MANUAL
    memo: str = ""
    confidence: float | None = None
    evidence: str = ""
    id: int | None = field(default=None, compare=False)
    origin: str = field(default="", compare=False)
    origin_key: str = field(default="", compare=False)
    created: str = field(default="", compare=False)


@dataclass(frozen=True)
class Answer:
    """A case's answer to a closed question, on the question's scale."""

    case: str
    question: str
    category: str
    coder: str
    source: str = MANUAL
    evidence: str = ""
    document: str | None = None
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    id: int | None = field(default=None, compare=False)
    origin: str = field(default="", compare=False)
    origin_key: str = field(default="", compare=False)


@dataclass(frozen=True)
class Summary:
    """A researcher's summary of what one case said on one theme (a cell of the matrix of
    main points), with the coded quotes it rests on (``quotes``: coding ids).

    ``theme`` is a column key of the matrix: a theme, or a code for the code-level matrix.
    ``id``, ``origin`` (``grid:grid.xlsx``, ``file:summaries.csv``, ``browser``),
    ``origin_key`` and ``created`` are the store's bookkeeping.
    """

    case: str
    theme: str
    coder: str
    text: str
    quotes: tuple[int, ...] = ()
    id: int | None = field(default=None, compare=False)
    origin: str = field(default="", compare=False)
    origin_key: str = field(default="", compare=False)
    created: str = field(default="", compare=False)


def documents_by_case(documents) -> dict[str, list[Document]]:
    """Each case's documents (those with a turn of the case), in the order given."""
    out: dict[str, list[Document]] = {}
    for d in documents:
        for case in dict.fromkeys(t.case for t in d.turns if t.case):
            out.setdefault(case, []).append(d)
    return out
