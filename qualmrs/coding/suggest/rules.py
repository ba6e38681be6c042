"""Rule suggestions: the codebook's phrases and patterns matched on lemmas.

A match suggests its code for the sentence it falls in; the matched words are the evidence.
Lemma matching lets «rangering» find «rangeringen» and «rangeringene».
"""

from __future__ import annotations

from bisect import bisect_right

from ...model import INFORMANT, Codebook, Coding, Document, Sentence
from ...segment import Segmenter
from .lemmadoc import lemma_doc

SOURCE = "rule"


def rule_confidence(n_terms: int) -> float:
    """More distinct matched terms, more confidence: 1 → 0.5, 2 → 0.75, 3+ → 0.9.

    A ranking heuristic, not a probability; ``qualmrs evaluate`` measures what it is worth.
    """
    return {1: 0.5, 2: 0.75}.get(n_terms, 0.9)


class RuleSuggester:
    """Suggest codes from the codebook's ``phrases`` and ``patterns``."""

    def __init__(self, codebook: Codebook, segmenter: Segmenter | None = None):
        self.codebook = codebook
        self.segmenter = segmenter

    def fit(self, *_args, **_kwargs) -> "RuleSuggester":
        """Rules learn nothing; builds the matchers once."""
        from spacy.matcher import Matcher, PhraseMatcher

        seg = self.segmenter or Segmenter(self.codebook.language)
        self.segmenter_ = seg
        self.phrases_ = PhraseMatcher(seg.nlp.vocab, attr="LEMMA")
        self.patterns_ = Matcher(seg.nlp.vocab)
        self.codes_ = []
        for code in self.codebook.codes:
            if code.phrases:
                self.phrases_.add(code.key, [lemma_doc(seg, p) for p in code.phrases])
            if code.patterns:
                self.patterns_.add(code.key, [list(p) for p in code.patterns])
            if code.phrases or code.patterns:
                self.codes_.append(code.key)
        return self

    def predict(self, documents: list[Document],
                sentences: dict[str, list[Sentence]]) -> list[Coding]:
        """One coding per (sentence, code) matched in informant turns."""
        if not hasattr(self, "phrases_"):
            self.fit()
        vocab = self.segmenter_.nlp.vocab
        matchers = [m for m in (self.phrases_, self.patterns_) if len(m)]
        out = []
        for doc in documents:
            sents = sentences.get(doc.name, [])
            starts = [s.start for s in sents]
            found: dict[tuple[int, str], set[str]] = {}
            for turn in doc.turns:
                if turn.role != INFORMANT or not matchers:
                    continue
                ldoc = lemma_doc(self.segmenter_, doc.text[turn.start:turn.end])
                for match_id, a, b in [m for matcher in matchers for m in matcher(ldoc)]:
                    span = ldoc[a:b]
                    pos = turn.start + span.start_char
                    i = bisect_right(starts, pos) - 1
                    if i < 0:
                        continue
                    found.setdefault((i, vocab.strings[match_id]), set()).add(span.text.lower())
            for (i, code), words in sorted(found.items()):
                s = sents[i]
                out.append(Coding(doc.name, s.start, s.end, code, SOURCE, SOURCE,
                                  confidence=rule_confidence(len(words)),
                                  evidence="; ".join(sorted(words))))
        return out
