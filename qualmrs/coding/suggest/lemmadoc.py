"""spaCy Docs whose tokens carry qualmrs' cached lemmas, for Matcher and PhraseMatcher."""

from __future__ import annotations

from spacy.tokens import Doc

from ...segment import Segmenter


def lemma_doc(seg: Segmenter, text: str) -> Doc:
    """Tokenise ``text`` and set each token's lemma (cached per word form)."""
    doc = seg.nlp.make_doc(text)
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               lemmas=[seg.lemma(t.text) for t in doc])

