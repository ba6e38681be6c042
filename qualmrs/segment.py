"""Document → sentences: spaCy's blank Norwegian tokenizer, sentence rules, cached lemmas.

Sentences are found inside each turn, never across a speaker change (NORWEGIAN.md trap 5).
"""

from __future__ import annotations

from functools import lru_cache

from .model import Document, Sentence

__all__ = ["Segmenter", "segment_document"]

_END_PUNCT = set(".!?…")
_CLOSERS = set("»\"')]”’")


class Segmenter:
    """Tokenises, splits sentences and lemmatises; one instance per language, reused."""

    def __init__(self, language: str = "nb"):
        import spacy

        self.language = language
        self.nlp = spacy.blank(language)
        data = _language_data(language)
        self.non_final = data["non_final"]
        self.overrides = data["overrides"]
        from spacy.symbols import ORTH

        for abbr in data["tokens"]:
            for form in {abbr, abbr[:1].upper() + abbr[1:]}:
                self.nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        self._lemma_cache: dict[str, str] = {}

    # -- lemmas -----------------------------------------------------------------------------

    def lemma(self, word: str) -> str:
        """Lower-cased lemma of one word form, cached (the per-call cost is the slow part)."""
        lower = word.lower()
        cached = self._lemma_cache.get(lower)
        if cached is None:
            cached = self.overrides.get(lower)
            if cached is None:
                cached = _simplemma(lower, self.language).lower()
            self._lemma_cache[lower] = cached
        return cached

    # -- sentences --------------------------------------------------------------------------

    def sentences(self, text: str, offset: int = 0, turn: int = 0) -> list[Sentence]:
        """Sentences of one stretch of text, as spans into the document (``offset`` added)."""
        return self._from_doc(self.nlp(text), text, offset, turn)

    def segment(self, doc: Document) -> tuple[Sentence, ...]:
        pieces = [(i, a, doc.text[a:b]) for i, t in enumerate(doc.turns)
                  for a, b in _pieces(doc.text, t.start, t.end, self.nlp.max_length)]
        out: list[Sentence] = []
        texts = (text for _, _, text in pieces)
        for (i, start, text), sdoc in zip(pieces, self.nlp.pipe(texts, batch_size=256)):
            out.extend(self._from_doc(sdoc, text, start, i))
        return tuple(out)

    def _from_doc(self, sdoc, text: str, offset: int, turn: int) -> list[Sentence]:
        tokens = list(sdoc)
        if not tokens:
            return []
        starts = self._boundaries(tokens)
        out = []
        for k, first in enumerate(starts):
            last = (starts[k + 1] if k + 1 < len(starts) else len(tokens)) - 1
            while last > first and tokens[last].is_space:
                last -= 1
            s, e = tokens[first].idx, tokens[last].idx + len(tokens[last].text)
            if not text[s:e].strip():
                continue
            lemmas = " ".join(self.lemma(t.text) for t in tokens[first:last + 1]
                              if not (t.is_punct or t.is_space))
            out.append(Sentence(turn, offset + s, offset + e, lemmas))
        return out

    def _boundaries(self, tokens) -> list[int]:
        """Token indices that start a sentence (NORWEGIAN.md traps 1–4)."""
        starts = [0]
        n = len(tokens)
        i = 0
        while i < n - 1:
            text = tokens[i].text
            end_here = False
            if text and set(text) <= _END_PUNCT:
                in_pause = (i > 0 and tokens[i - 1].text == "(" and tokens[i + 1].text == ")")
                if not in_pause:
                    ellipsis = "…" in text or text.startswith("..")
                    end_here = not ellipsis or _opens_sentence(tokens, i + 1)
            elif len(text) > 1 and text.endswith(".") and not set(text) <= _END_PUNCT:
                # A token that swallowed its full stop («osv.», «min.», «2019.»).
                end_here = (text.lower() not in self.non_final
                            and _opens_sentence(tokens, i + 1))
            if end_here:
                j = i + 1
                while j < n and (tokens[j].text in _CLOSERS or tokens[j].is_space):
                    j += 1
                if j < n:
                    starts.append(j)
                i = j
                continue
            i += 1
        return sorted(set(starts))


def _pieces(text: str, start: int, end: int, limit: int):
    """``[start, end)`` cut at line ends into stretches of at most ``limit`` characters.

    spaCy refuses a longer text; a turn that long is a whole unlabelled document, whose
    lines the readers keep shorter than the limit (a longer line is cut where it reaches it).
    """
    while end - start > limit:
        cut = text.rfind("\n", start + 1, start + limit)
        if cut < 0:
            yield start, start + limit
            start += limit
        else:  # the line end itself is in neither piece: a sentence never starts with it
            yield start, cut
            start = cut + 1
    yield start, end


def _opens_sentence(tokens, j: int) -> bool:
    while j < len(tokens) and (tokens[j].is_space or tokens[j].text in _CLOSERS
                               or tokens[j].text in "«\"(–-"):
        j += 1
    if j >= len(tokens):
        return True
    first = tokens[j].text[:1]
    return first.isupper() or first.isdigit()


@lru_cache(maxsize=None)
def _language_data(language: str) -> dict:
    if language == "nb":
        from .lang import nb

        return {"non_final": nb.NON_FINAL_ABBREVIATIONS, "tokens": nb.TOKEN_ABBREVIATIONS,
                "overrides": nb.LEMMA_OVERRIDES, "negators": nb.NEGATORS,
                "reversals": nb.REVERSALS, "softeners": nb.SOFTENERS, "yes": nb.YES,
                "no": nb.NO, "conclusions": nb.CONCLUSIONS}
    return {"non_final": frozenset(), "tokens": (), "overrides": {}, "negators": frozenset(),
            "reversals": (), "softeners": frozenset(), "yes": frozenset(), "no": frozenset(),
            "conclusions": ()}


def language_data(language: str) -> dict:
    """Word lists of one language (empty lists for a language without qualmrs data)."""
    return _language_data(language)


def _simplemma(word: str, language: str) -> str:
    import simplemma

    try:
        return simplemma.lemmatize(word, lang=language)
    except ValueError:  # simplemma has no data for this language: words are their own lemma
        return word


@lru_cache(maxsize=4)
def _segmenter(language: str) -> Segmenter:
    return Segmenter(language)


def stop_lemmas(language: str = "nb") -> frozenset[str]:
    """spaCy's stop words for the language (for nb with spoken fillers added), and their
    lemmas (what segments store)."""
    import spacy

    words = set(spacy.blank(language).Defaults.stop_words)
    if language == "nb":
        from .lang.nb import SPOKEN_STOP_WORDS

        words |= SPOKEN_STOP_WORDS
    seg = _segmenter(language)
    return frozenset(words) | frozenset(seg.lemma(w) for w in words)


def segment_document(doc: Document, language: str = "nb") -> tuple[Sentence, ...]:
    """Sentences of every turn of ``doc``, with lemmas."""
    return _segmenter(language).segment(doc)
