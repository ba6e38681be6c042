"""spaCy Docs whose tokens carry qualmrs' cached lemmas, for Matcher and PhraseMatcher."""

from __future__ import annotations

from spacy.tokens import Doc

from ...segment import Segmenter


def lemma_doc(seg: Segmenter, text: str) -> Doc:
    """Tokenise ``text`` and set each token's lemma (cached per word form)."""
    return set_lemmas(seg, seg.nlp.make_doc(text))


def set_lemmas(seg: Segmenter, doc: Doc) -> Doc:
    """Give the tokens of ``doc`` (tokenised by ``seg``) their lemmas, as one array write.

    NORM is reset to the word form's own, as on a Doc built from words: the tokenizer's
    exceptions give some abbreviations a norm («jan.» → «januar»).
    """
    import numpy as np
    from spacy.attrs import LEMMA, NORM

    if len(doc):
        values = np.zeros((len(doc), 2), dtype=np.uint64)
        values[:, 0] = seg.lemma_hashes(doc)
        doc.from_array([LEMMA, NORM], values)
    return doc
