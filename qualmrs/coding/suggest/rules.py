"""Rule suggestions: the codebook's phrases and patterns matched on lemmas.

A match suggests its code for the sentence it falls in; the matched words are the evidence.
Lemma matching lets «rangering» find «rangeringen» and «rangeringene».
"""

from __future__ import annotations

from bisect import bisect_right

from ...model import INFORMANT, Codebook, Coding, Document, Sentence
from ...segment import Segmenter, segmenter, stop_lemmas
from .lemmadoc import lemma_doc, set_lemmas
from .patterns import PatternSet

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
        from spacy.matcher import PhraseMatcher

        seg = self.segmenter or segmenter(self.codebook.language)
        self.segmenter_ = seg
        self.phrases_ = PhraseMatcher(seg.nlp.vocab, attr="LEMMA")
        self.patterns_ = PatternSet(seg.nlp.vocab, stop_lemmas(self.codebook.language))
        self.codes_ = []
        for code in self.codebook.codes:
            if code.phrases:
                self.phrases_.add(code.key, [lemma_doc(seg, p) for p in code.phrases])
            for p in code.patterns:
                self.patterns_.add(code.key, list(p))
            if code.phrases or code.patterns:
                self.codes_.append(code.key)
        return self

    def predict(self, documents: list[Document],
                sentences: dict[str, list[Sentence]]) -> list[Coding]:
        """One coding per (sentence, code) matched in informant turns."""
        if not hasattr(self, "phrases_"):
            self.fit()
        seg = self.segmenter_
        strings = seg.nlp.vocab.strings
        out = []
        for doc in documents:
            sents = sentences.get(doc.name, [])
            starts = [s.start for s in sents]
            found: dict[tuple[int, str], set[str]] = {}
            turns = [t for t in doc.turns if t.role == INFORMANT
                     and (len(self.phrases_) or len(self.patterns_))]
            texts = [doc.text[t.start:t.end] for t in turns]
            for turn, ldoc in zip(turns, seg.nlp.tokenizer.pipe(texts, batch_size=256)):
                set_lemmas(seg, ldoc)
                for match_id, a, b in self._matches(ldoc):
                    span = ldoc[a:b]
                    i = bisect_right(starts, turn.start + span.start_char) - 1
                    if i >= 0:
                        found.setdefault((i, strings[match_id]), set()).add(span.text.lower())
            for (i, code), words in sorted(found.items()):
                s = sents[i]
                out.append(Coding(doc.name, s.start, s.end, code, SOURCE, SOURCE,
                                  confidence=rule_confidence(len(words)),
                                  evidence="; ".join(sorted(words))))
        return out

    def _matches(self, ldoc) -> list[tuple[int, int, int]]:
        """(code hash, start, end) of every phrase and pattern match in one turn."""
        found = list(self.phrases_(ldoc)) if len(self.phrases_) else []
        return found + self.patterns_.matches(ldoc) if len(self.patterns_) else found
