"""The codebook's Matcher patterns, each run only where it can match.

spaCy's Matcher tries every pattern at every token, and a set predicate (``{IN: [...]}``) is
a Python call per token: over a corpus, nearly all the time of rule suggestions. But a
pattern can match in a turn only if, for each required token (no ``OP``, or ``OP: +``) that
names its ``LEMMA`` or ``LOWER``, the turn holds a word it accepts; and a match of at most L
tokens lies within L - 1 tokens of each such word. So each pattern runs only in turns that
hold all its required words, on the stretches around one of them (its anchor, the least
common-looking one). The matches are exactly those the Matcher finds in the whole turn; the
anchor decides the speed only.
"""

from __future__ import annotations

import re

_ATTRS = ("LEMMA", "LOWER")
_COUNT = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def _counts(op) -> tuple[int, int | None]:
    """Least and most tokens one pattern entry consumes (None: no limit)."""
    if op in (None, "+"):
        return 1, (1 if op is None else None)
    if op == "?" or op == "!":  # "!" consumes none; counting one keeps the bound safe
        return 0, 1
    if op == "*":
        return 0, None
    m = _COUNT.match(str(op))
    if not m:
        return 0, None  # unknown to us: assume nothing, which only costs speed
    low, comma, high = m.groups()
    least = int(low or 0)
    return least, (int(high) if high else (None if comma else least))


def _accepted(value) -> list[str] | None:
    """The strings a token attribute must equal (None: the entry does not say)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("IN"), list) \
            and all(isinstance(v, str) for v in value["IN"]):
        return value["IN"]
    return None


class _Pattern:
    def __init__(self, vocab, key: str, pattern: list[dict], common: frozenset[str]):
        from spacy.matcher import Matcher

        self.matcher = Matcher(vocab)
        self.matcher.add(key, [pattern])
        self.required: list[tuple[str, list[str]]] = []  # (attribute, accepted strings)
        self.length: int | None = 0  # the most tokens a match spans
        for entry in pattern:
            least, most = _counts(entry.get("OP"))
            self.length = None if most is None or self.length is None else self.length + most
            if least < 1:
                continue
            for name, value in entry.items():
                values = _accepted(value)
                if name.upper() in _ATTRS and values is not None:
                    self.required.append((name.upper(), values))
                    break
        # The anchor: fewest common words among its values, then fewest values.
        self.anchor = min(range(len(self.required)), default=None, key=lambda k: (
            sum(v.lower() in common for v in self.required[k][1]), len(self.required[k][1])))
        if self.length is None:
            self.anchor = None  # no bound on a match: the whole turn


class PatternSet:
    """Matcher patterns keyed by code; ``matches(doc)`` gives what one Matcher with all of
    them would (as a list, in another order)."""

    def __init__(self, vocab, common: frozenset[str] = frozenset()):
        """``common``: frequent words (stop words), poor anchors."""
        self.vocab = vocab
        self.common = common
        self.patterns: list[_Pattern] = []
        self._slots: list[tuple[int, int, frozenset[int]]] = []  # (pattern, column, hashes)
        self._forms: dict[tuple[int, int], tuple[int, tuple[int, ...]]] = {}
        self._unanchored: list[int] = []  # patterns tried on whole turns

    def __len__(self) -> int:
        return len(self.patterns)

    def add(self, key: str, pattern: list[dict]) -> None:
        p = _Pattern(self.vocab, key, pattern, self.common)
        k = len(self.patterns)
        p.mask = 0
        for slot, (attr, values) in enumerate(p.required):
            p.mask |= 1 << len(self._slots)
            if slot == p.anchor:
                p.anchor_bit = 1 << len(self._slots)
            self._slots.append((k, _ATTRS.index(attr),
                                frozenset(self.vocab.strings.add(v) for v in values)))
        if p.anchor is None:
            self._unanchored.append(k)
        self.patterns.append(p)
        self._forms.clear()

    def _form(self, orth: int, lemma: int) -> tuple[int, tuple[int, ...]]:
        """A word form's required-slot bits, and the patterns it anchors (cached)."""
        key = (orth, lemma)
        got = self._forms.get(key)
        if got is None:
            values = (lemma, self.vocab[orth].lower)
            mask = 0
            for bit, (_, col, hashes) in enumerate(self._slots):
                if values[col] in hashes:
                    mask |= 1 << bit
            anchors = tuple(k for k, p in enumerate(self.patterns)
                            if p.anchor is not None and mask & p.anchor_bit)
            got = self._forms[key] = (mask, anchors)
        return got

    def matches(self, doc) -> list[tuple[int, int, int]]:
        """(key hash, start, end) of every match in ``doc`` (its tokens carry lemmas)."""
        from spacy.attrs import LEMMA, ORTH

        n = len(doc)
        present, anchored = 0, {}
        forms, form = self._forms, self._form
        for i, (orth, lemma) in enumerate(doc.to_array([ORTH, LEMMA]).tolist()):
            mask, anchors = forms.get((orth, lemma)) or form(orth, lemma)
            present |= mask
            for k in anchors:
                anchored.setdefault(k, []).append(i)
        out = []
        for k in self._unanchored + list(anchored):
            p = self.patterns[k]
            if (present & p.mask) != p.mask:
                continue  # a required word is missing
            if p.anchor is None:
                stretches = [(0, n)]
            else:
                stretches = []
                for i in anchored[k]:
                    a, b = max(0, i - p.length + 1), min(n, i + p.length)
                    if stretches and a <= stretches[-1][1]:
                        a = stretches.pop()[0]
                    stretches.append((a, b))
            for a, b in stretches:
                out += [(key, a + s, a + e) for key, s, e in p.matcher(doc[a:b])]
        return out
