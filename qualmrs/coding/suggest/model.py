"""Model suggestions learned from manual codings: TF-IDF of turn lemmas (words and pairs of
words, plus character 3–5-grams), one logistic regression per code (scikit-learn). Codes with
too few coded turns are skipped, not guessed.

Character n-grams because Norwegian writes compounds as one word: «resultatmøtet»,
«målekortene» and «styringsdialog» share parts a word vocabulary cannot see. The codebook's
own words (each code's name, definition, include note and phrases) join the training as one
example per code, and a turn none of whose codes clears its threshold still gets its likeliest
code above a floor. All three were chosen on independent interviews, not on the sample (see
``benchmarks/independent/README.md``).

The fitted state is plain numbers and words (``to_json``), so a saved model is data, not a
pickle that could run code when a project is opened.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from ...model import Codebook, Coding
from ...segment import Segmenter

SOURCE = "model"


@dataclass(frozen=True)
class TurnExample:
    """An informant turn as the model sees it: its lemmas and (for training) its codes."""

    document: str
    case: str
    start: int
    end: int
    lemmas: str
    codes: frozenset = frozenset()
    rules: frozenset = frozenset()  # codes the rules suggested on this turn (features)


class ModelSuggester:
    """One-vs-rest logistic regression over lemma TF-IDF features of informant turns.

    Args:
        min_examples: a code needs at least this many coded turns (and as many uncoded) to
            get a classifier; others are listed in ``skipped_``.
        threshold: the probability from which a code is suggested, or ``"auto"``: per code,
            the threshold with the best F1 in an inner leave-one-case-out over the training
            cases only (so choosing it never looks at a case being scored).
        use_rules: add the rules' suggestions on each turn as words (``rule:KEY``) to the
            turn's lemmas, so the model learns per code how far each rule can be trusted; as
            words they are weighted and normalised like the text, where a separate 0/1 feature
            outweighed it.
        chars: add the character n-gram block.
        definitions: extra training examples that are not turns: one per code, its name,
            definition, include note, phrases and examples (``definition_examples``). They
            give the model words the coded turns lack; they are never scored and never held
            out when thresholds are chosen.
        at_least: a turn none of whose codes reaches its threshold still gets its most
            probable code when that code's probability reaches ``at_least`` (``None``: never).
            The per-code thresholds are chosen for F1 on few coded turns and can silence a
            code on a new interviewer's turns altogether.
    """

    GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)

    def __init__(self, min_examples: int = 5, threshold: float | str = "auto", C: float = 4.0,
                 use_rules: bool = False, chars: bool = True, definitions=(),
                 at_least: float | None = 0.25):
        self.min_examples = min_examples
        self.threshold = threshold
        self.C = C
        self.use_rules = use_rules
        self.chars = chars
        self.definitions = definitions
        self.at_least = at_least

    def _words(self, e: TurnExample) -> str:
        if not self.use_rules:
            return e.lemmas
        return e.lemmas + "".join(f" rule:{c}" for c in sorted(e.rules))

    def _features(self, examples: list[TurnExample]):
        from scipy.sparse import hstack

        X = self.vectorizer_.transform([self._words(e) for e in examples])
        if self.char_vectorizer_ is None:
            return X.tocsr()
        return hstack([X, self.char_vectorizer_.transform([e.lemmas for e in examples])]).tocsr()

    def learnable(self, examples: list[TurnExample]) -> tuple[list[str], dict[str, str]]:
        """The codes ``fit`` would learn from ``examples`` (sorted), and those it would skip
        with the reason, without fitting anything."""
        learn, skip = [], {}
        for code in sorted({c for e in examples for c in e.codes}):
            n_coded = sum(code in e.codes for e in examples)
            if n_coded < self.min_examples or len(examples) - n_coded < self.min_examples:
                skip[code] = f"{n_coded} coded turns, fewer than {self.min_examples}"
            else:
                learn.append(code)
        return learn, skip

    def fit(self, examples: list[TurnExample]) -> "ModelSuggester":
        from threadpoolctl import threadpool_limits

        from scipy.sparse import hstack

        from . import logistic

        coded = list(examples)
        examples = coded + list(self.definitions)
        self.vectorizer_ = _word_vectorizer()
        X = _fit_transform(self.vectorizer_, [self._words(e) for e in examples])
        self.char_vectorizer_ = None
        if self.chars:
            self.char_vectorizer_ = _char_vectorizer()
            X = hstack([X, _fit_transform(self.char_vectorizer_, [e.lemmas for e in examples])])
        X = X.tocsr()
        codes, self.skipped_ = self.learnable(coded)
        ys = [np.array([code in e.codes for e in examples]) for code in codes]
        # One BLAS thread: on vectors this small, more threads only wait for each other (five
        # times slower on a busy 2-core machine). Same numbers either way (issue 12).
        with threadpool_limits(1):
            fitted = [logistic.fit(X, y, self.C) for y in ys]
            scores = self._inner_scores(X, ys, examples, len(coded))
        self.codes_ = list(codes)
        self.coef_ = np.array([coef[0] for coef, _ in fitted]).reshape(len(codes), X.shape[1])
        self.intercept_ = np.array([intercept for _, intercept in fitted])
        self.thresholds_ = np.array([self._choose_threshold(y, s) for y, s in zip(ys, scores)])
        return self

    def _inner_scores(self, X, ys: list, examples: list[TurnExample], n_coded: int) -> list:
        """Per code, each coded turn's probability from a classifier fitted without the turn's
        case (``NaN`` where a fold had too few of either class to fit), for ``"auto"``
        thresholds. A fold's rows are cut once for all codes, and only one fold's at a time:
        one copy of the features per case at once took gigabytes at 1,000 interviews."""
        from . import logistic

        scores = [np.full(len(y), np.nan) for y in ys]
        if self.threshold != "auto":
            return scores
        cases = np.array([e.case for e in examples])
        for case in np.unique(cases[:n_coded]):  # definitions are never held out
            held = cases == case
            held[n_coded:] = False
            train = ~held
            X_train = X_held = None
            for y, s in zip(ys, scores):
                if y[train].sum() < 2 or (~y[train]).sum() < 2:
                    continue
                if X_train is None:
                    X_train, X_held = X[train], X[held]
                s[held] = logistic.probability(X_held, *logistic.fit(X_train, y[train], self.C))
        return scores

    def _choose_threshold(self, y, scores) -> float:
        """The threshold of ``GRID`` with the best F1 over the inner folds' held-out turns
        (``scores``: ``_inner_scores``)."""
        if self.threshold != "auto":
            return float(self.threshold)
        ok = ~np.isnan(scores)
        if ok.sum() == 0 or y[ok].sum() == 0:
            return 0.5

        def f1(t):
            pred = scores[ok] >= t
            tp = (pred & y[ok]).sum()
            return 2 * tp / (pred.sum() + y[ok].sum()) if tp else 0.0

        return max(self.GRID, key=lambda t: (f1(t), -abs(t - 0.5)))

    def predict_proba(self, examples: list[TurnExample]) -> np.ndarray:
        """Probabilities, examples × ``codes_``."""
        if not self.codes_:
            return np.zeros((len(examples), 0))
        return self._proba(self._features(examples))

    def _proba(self, X) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(X @ self.coef_.T + self.intercept_)))

    def predict(self, examples: list[TurnExample]) -> list[Coding]:
        """A coding of the whole turn for each code at or above ``threshold``; the evidence
        is the turn's words (not character n-grams, which mean little to a reader) that weigh
        most for the code."""
        if not len(examples) or not self.codes_:
            return []
        features = self._features(examples)
        proba = self._proba(features)
        terms = self.vectorizer_.get_feature_names_out()
        X = features[:, :len(terms)]
        out = []
        for i, e in enumerate(examples):
            row = X[i]
            over = proba[i] >= self.thresholds_
            if not over.any() and self.at_least is not None:
                over = (proba[i] >= self.at_least) & (proba[i] == proba[i].max())
            for j in np.flatnonzero(over):
                p = float(proba[i, j])
                weights = row.multiply(self.coef_[j][:len(terms)]).toarray()[0]
                top = [terms[k] for k in np.argsort(weights)[::-1][:3] if weights[k] > 0]
                out.append(Coding(e.document, e.start, e.end, self.codes_[j], SOURCE, SOURCE,
                                  confidence=round(p, 4), evidence="; ".join(top)))
        return out

    # -- saving with the project ------------------------------------------------------------

    def to_json(self) -> str:
        def vectorizer(v):
            if v is None:
                return None
            return {"vocabulary": {t: int(i) for t, i in v.vocabulary_.items()},
                    "idf": v.idf_.tolist()}

        return json.dumps({
            "params": {"min_examples": self.min_examples, "threshold": self.threshold,
                       "C": self.C, "use_rules": self.use_rules, "chars": self.chars,
                       "at_least": self.at_least},
            "thresholds": self.thresholds_.tolist(), "words": vectorizer(self.vectorizer_),
            "chars": vectorizer(self.char_vectorizer_), "codes": self.codes_,
            "coef": self.coef_.tolist(), "intercept": self.intercept_.tolist(),
            "skipped": self.skipped_}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> "ModelSuggester":
        def vectorizer(make, saved):
            if saved is None:
                return None
            v = make()
            v.vocabulary_ = saved["vocabulary"]
            v.idf_ = np.array(saved["idf"])
            return v

        data = json.loads(text)
        model = cls(**data["params"])
        model.vectorizer_ = vectorizer(_word_vectorizer, data["words"])
        model.char_vectorizer_ = vectorizer(_char_vectorizer, data["chars"])
        model.codes_ = data["codes"]
        model.thresholds_ = np.array(data["thresholds"])
        width = sum(len(v.idf_) for v in (model.vectorizer_, model.char_vectorizer_) if v)
        model.coef_ = np.array(data["coef"]).reshape(len(model.codes_), width)
        model.intercept_ = np.array(data["intercept"])
        model.skipped_ = data["skipped"]
        return model


def definition_examples(codebook: Codebook, segmenter: Segmenter | None = None
                        ) -> list[TurnExample]:
    """One training example per code from the codebook's own words: name, description,
    include note, phrases and examples (not the exclude note, which names what the code is
    not), lemmatised like the turns. Codes with sub-codes are left out: turns are coded with
    the sub-codes."""
    from ...segment import segmenter as shared

    seg = segmenter or shared(codebook.language)
    parents = {c.parent for c in codebook.codes}
    out = []
    for c in codebook.codes:
        if c.key in parents:
            continue
        text = ". ".join(x for x in (c.name, c.description, c.include, *c.phrases, *c.examples)
                         if x)
        lemmas = " ".join(s.lemmas for s in seg.sentences(text))
        if lemmas:
            out.append(TurnExample("", "", 0, 0, lemmas, frozenset({c.key})))
    return out


def load_libraries() -> None:
    """Import what ``fit`` uses (scikit-learn's vectorizers and loss, scipy's optimiser) and
    settle how it fits; done before forking workers, each has them without importing again."""
    from . import logistic

    _word_vectorizer()
    logistic.ready()


def _word_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(token_pattern=r"\S+", ngram_range=(1, 2), min_df=2,
                           sublinear_tf=True)


def _char_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    # char_wb: n-grams inside word boundaries, so they are parts of words, not of phrases
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True)


def _fit_transform(vectorizer, docs: list[str]):
    """Fit a ``TfidfVectorizer`` on ``docs`` and return their rows: the matrix
    ``vectorizer.fit(docs).transform(docs)`` gives, bit for bit, with the n-grams counted
    once. (``fit_transform`` counts once too, but leaves each row's terms in another order,
    so its sums round differently and L-BFGS stops elsewhere.)"""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    counts = CountVectorizer.fit_transform(vectorizer, docs)  # what TfidfVectorizer.fit counts
    counts.sort_indices()  # in the order transform's counting leaves them
    tfidf = TfidfTransformer(norm=vectorizer.norm, use_idf=vectorizer.use_idf,
                             smooth_idf=vectorizer.smooth_idf,
                             sublinear_tf=vectorizer.sublinear_tf).fit(counts)
    vectorizer.idf_ = tfidf.idf_
    return tfidf.transform(counts)
