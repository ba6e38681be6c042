"""Document → sentences: spaCy's blank Norwegian tokenizer, sentence rules, cached lemmas.

Sentences are found inside each turn, never across a speaker change (NORWEGIAN.md trap 5).
The rules look at each token's word form only, so they are computed once per form (as spaCy
lexeme flags) and applied to whole documents as arrays; lemmas are cached per form too. The
per-token Python loop this replaces was most of the time of an ingest (see benchmarks/).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from .model import Document, Sentence

__all__ = ["Segmenter", "segment_document", "sentence_batches", "segmenter"]

# Characters of turns tokenised at once: spaCy's tokens take ~50 times their text's memory.
BATCH_CHARS = 20_000

_END_PUNCT = set(".!?…")
_CLOSERS = set("»\"')]”’")
_OPENERS = "«\"(–-"  # a token that is a substring of this may stand before a sentence start


_FLAGS = ("end", "ellipsis", "swallowed", "closer", "opener", "capital", "paren_open",
          "paren_close", "space", "word")


def _form_flags(form: str, non_final: frozenset[str], is_space: bool, is_punct: bool) -> int:
    """The word-form tests the sentence rules need (NORWEGIAN.md traps 1–4), as bits."""
    tests = (
        bool(form) and set(form) <= _END_PUNCT,  # end
        "…" in form or form.startswith(".."),  # ellipsis
        # swallowed its full stop («osv.», «min.», «2019.»), unlike «f.eks.»
        (len(form) > 1 and form.endswith(".") and not set(form) <= _END_PUNCT
         and form.lower() not in non_final),
        form in _CLOSERS,  # closer
        form in _OPENERS,  # opener
        form[:1].isupper() or form[:1].isdigit(),  # capital
        form == "(", form == ")", is_space,
        not (is_punct or is_space),  # word: has a lemma in the sentence's lemmas
    )
    return sum(1 << i for i, on in enumerate(tests) if on)


class Segmenter:
    """Tokenises, splits sentences and lemmatises; one instance per language, reused."""

    def __init__(self, language: str = "nb"):
        import spacy
        from spacy.symbols import ORTH

        self.language = language
        self.nlp = spacy.blank(language)
        data = _language_data(language)
        self.non_final = data["non_final"]
        self.overrides = data["overrides"]
        for abbr in data["tokens"]:
            for form in {abbr, abbr[:1].upper() + abbr[1:]}:
                self.nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        if data["not_abbreviations"]:  # exceptions that are words of this language
            rules = dict(self.nlp.tokenizer.rules)
            for form in data["not_abbreviations"]:
                rules.pop(form, None)
            self.nlp.tokenizer.rules = rules
        self._lemma_cache: dict[str, str] = {}
        # Per word form (spaCy ORTH id): flag bits, lemma, the lemma's string hash.
        self._forms: dict[int, tuple[int, str, int]] = {}

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

    def _form(self, orth: int) -> tuple[int, str, int]:
        got = self._forms.get(orth)
        if got is None:
            vocab = self.nlp.vocab
            lex = vocab[orth]
            lemma = self.lemma(lex.orth_)
            got = self._forms[orth] = (
                _form_flags(lex.orth_, self.non_final, lex.is_space, lex.is_punct), lemma,
                vocab.strings.add(lemma))
        return got

    def _token_forms(self, orth):
        """Unique forms of an ORTH array, their (flags, lemma, hash), and each token's index."""
        import numpy as np

        forms, inverse = np.unique(orth, return_inverse=True)
        known, form = self._forms, self._form
        return [known.get(o) or form(o) for o in forms.tolist()], inverse

    def lemma_hashes(self, doc) -> list[int]:
        """Each token's lemma as a spaCy string hash (for ``Doc.from_array([LEMMA], ...)``)."""
        from spacy.attrs import ORTH

        forms, form = self._forms, self._form
        return [(forms.get(o) or form(o))[2] for o in doc.to_array(ORTH).tolist()]

    # -- sentences --------------------------------------------------------------------------

    def sentences(self, text: str, offset: int = 0, turn: int = 0) -> list[Sentence]:
        """Sentences of one stretch of text, as spans into the document (``offset`` added)."""
        return self._split([self.nlp.make_doc(text)], [offset], [turn])

    def segment(self, doc: Document) -> tuple[Sentence, ...]:
        return tuple(s for batch in self.batches(doc) for s in batch)

    def batches(self, doc: Document, chars: int = BATCH_CHARS) -> Iterator[list[Sentence]]:
        """The sentences of ``doc``, a batch of turns (about ``chars`` characters) at a time.

        A long transcript's tokens take far more memory than its text (issue 12: a 20 MB file
        took 2 GB when tokenised whole), so only one batch is tokenised at a time; sentences
        never cross a turn, so batches give exactly the sentences of the whole.
        """
        pieces, size = [], 0
        for i, t in enumerate(doc.turns):
            for a, b in _pieces(doc.text, t.start, t.end, self.nlp.max_length):
                pieces.append((i, a, b))
                size += b - a
                if size >= chars:
                    yield self._segment_pieces(doc.text, pieces)
                    pieces, size = [], 0
        if pieces:
            yield self._segment_pieces(doc.text, pieces)

    def _segment_pieces(self, text: str, pieces: list[tuple[int, int, int]]) -> list[Sentence]:
        sdocs = list(self.nlp.tokenizer.pipe((text[a:b] for _, a, b in pieces), batch_size=256))
        return self._split(sdocs, [a for _, a, _ in pieces], [i for i, _, _ in pieces])

    def _split(self, sdocs, offsets, turns) -> list[Sentence]:
        """Sentences of tokenised texts (one per turn), with the turn's offset added.

        All texts are handled as one token array: the rules are array operations on each
        form's cached flags, and only joining a sentence's lemmas is a Python step per
        sentence.
        """
        import numpy as np
        from spacy.attrs import IDX, LENGTH, ORTH

        arrays = [d.to_array([ORTH, IDX, LENGTH]) for d in sdocs]
        lengths = np.array([len(a) for a in arrays])
        if not lengths.sum():
            return []
        a = np.concatenate([x for x in arrays if len(x)])
        info, inverse = self._token_forms(a[:, 0])
        bits = np.array([f for f, _, _ in info], dtype=np.int64)[inverse]
        flag = {name: (bits & (1 << i)).astype(bool) for i, name in enumerate(_FLAGS)}
        n = len(a)
        space = flag["space"]
        first = np.repeat(np.cumsum(lengths) - lengths, lengths)  # each token's turn start
        stop = first + np.repeat(lengths, lengths)  # and end (exclusive)
        idx = np.arange(n)

        def next_where(mask):  # smallest m >= k with mask[m], n when none
            return np.minimum.accumulate(np.where(mask, idx, n)[::-1])[::-1]

        nxt = np.append(idx[1:], n - 1)  # k + 1, clipped
        inside = idx + 1 < stop  # not a turn's last token
        word_after = next_where(~(space | flag["closer"] | flag["opener"]))[nxt]
        opens = (word_after >= stop) | flag["capital"][np.minimum(word_after, n - 1)]
        pause = (idx > first) & np.roll(flag["paren_open"], 1) & flag["paren_close"][nxt]
        ends = inside & ((flag["end"] & ~pause & (~flag["ellipsis"] | opens))
                         | (flag["swallowed"] & opens))
        after = next_where(~(space | flag["closer"]))[nxt[ends]]
        after = after[after < stop[ends]]
        starts = _sorted_unique(np.concatenate([first, after]))
        stops = np.append(starts[1:], n)
        last_word = np.maximum.accumulate(np.where(space, -1, idx))  # trailing spaces off
        last = np.maximum(last_word[stops - 1], starts)
        keep = ~(space[starts] & (last == starts))  # a sentence of spaces only
        starts, stops, last = starts[keep], stops[keep], last[keep]
        char_start = a[starts, 1]
        char_end = a[last, 1] + a[last, 2]
        word = flag["word"]
        lemmas = [lemma for _, lemma, _ in info]
        words = [lemmas[i] for i in inverse[word].tolist()]
        bounds = np.concatenate([[0], np.cumsum(word)])
        w0, w1 = bounds[starts].tolist(), bounds[stops].tolist()
        turn_of = np.repeat(np.arange(len(arrays)), lengths)[starts].tolist()
        offsets, turns = list(offsets), list(turns)
        return [Sentence(turns[k], offsets[k] + s, offsets[k] + e, " ".join(words[x:y]))
                for k, s, e, x, y in zip(turn_of, char_start.tolist(), char_end.tolist(),
                                         w0, w1)]


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


# What a language module in ``qualmrs.lang`` may hold, and the default where it holds none.
_LANGUAGE_FIELDS = {
    "non_final": ("NON_FINAL_ABBREVIATIONS", frozenset()), "tokens": ("TOKEN_ABBREVIATIONS", ()),
    "not_abbreviations": ("NOT_ABBREVIATIONS", ()), "overrides": ("LEMMA_OVERRIDES", {}),
    "negators": ("NEGATORS", frozenset()), "reversals": ("REVERSALS", ()),
    "softeners": ("SOFTENERS", frozenset()), "yes": ("YES", frozenset()),
    "no": ("NO", frozenset()), "conclusions": ("CONCLUSIONS", ()),
    "spoken_stop_words": ("SPOKEN_STOP_WORDS", frozenset()),
    "stop_words": ("STOP_WORDS", frozenset()),  # for a language spaCy has none for
    "yes_opening": ("YES_OPENING", frozenset()), "refers_back": ("REFERS_BACK", ()),
}


@lru_cache(maxsize=None)
def _language_data(language: str) -> dict:
    import importlib

    try:
        module = importlib.import_module(f".lang.{language}", __package__) \
            if language.isidentifier() else None
    except ModuleNotFoundError:
        module = None
    return {field: getattr(module, name, default)
            for field, (name, default) in _LANGUAGE_FIELDS.items()}


def language_data(language: str) -> dict:
    """Word lists of one language (empty lists for a language without qualmrs data)."""
    return _language_data(language)


def _sorted_unique(values):
    """The distinct values of an integer array, in order: ``np.unique`` without importing
    ``numpy.ma``, which numpy 2 loads on that call's first use (0.6 MB more for an ingest,
    issue 12)."""
    import numpy as np

    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def _simplemma(word: str, language: str) -> str:
    from .lang.lemmaindex import lemmatizer

    try:
        # the dictionary read in place and searched (simplemma's low_memory), instead of
        # decoded whole into a dict of every form (nb: 640,000 forms, 47 MB and 0.15 s more,
        # for the few thousand words a study has; the lemmas are the same), its index kept
        # between runs (issue 12)
        return lemmatizer().lemmatize(word, language)
    except ValueError:  # simplemma has no data for this language: words are their own lemma
        return word


@lru_cache(maxsize=4)
def segmenter(language: str = "nb") -> Segmenter:
    """The shared Segmenter of a language (building one loads spaCy: do it once)."""
    return Segmenter(language)


@lru_cache(maxsize=4)
def stop_lemmas(language: str = "nb") -> frozenset[str]:
    """spaCy's stop words for the language, with the words and spoken fillers that
    ``qualmrs.lang`` adds, and their lemmas (what segments store)."""
    import spacy

    # the language's class holds them: no pipeline is built for a word list (issue 12)
    words = set(spacy.util.get_lang_class(language).Defaults.stop_words)
    data = _language_data(language)
    words |= data["stop_words"] | data["spoken_stop_words"]
    seg = segmenter(language)
    return frozenset(words) | frozenset(seg.lemma(w) for w in words)


def segment_document(doc: Document, language: str = "nb") -> tuple[Sentence, ...]:
    """Sentences of every turn of ``doc``, with lemmas."""
    return segmenter(language).segment(doc)


def sentence_batches(doc: Document, language: str = "nb") -> Iterator[list[Sentence]]:
    """Sentences of every turn of ``doc``, with lemmas, a batch of turns at a time (what a
    store writes while the next batch is made, so a long transcript's sentences are never
    all in memory)."""
    return segmenter(language).batches(doc)
