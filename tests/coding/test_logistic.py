"""The lean logistic regression and feature matrix give scikit-learn's numbers bit for bit
(issue 12: the per-code thresholds are sensitive to exactly where L-BFGS stops)."""

import numpy as np
import pytest

from qualmrs.coding.suggest import logistic
from qualmrs.coding.suggest.model import (_char_vectorizer, _fit_transform, _word_vectorizer,
                                          definition_examples)


@pytest.fixture(scope="module")
def features(sample_turns):
    from qualmrs.codebook import load_codebook
    from conftest import CODEBOOK

    turns = sample_turns + definition_examples(load_codebook(CODEBOOK))
    X = _fit_transform(_char_vectorizer(), [e.lemmas for e in turns])
    return X, turns


@pytest.mark.parametrize("make", [_word_vectorizer, _char_vectorizer])
def test_logistic_features_are_fit_then_transform(sample_turns, make):
    docs = [e.lemmas for e in sample_turns]
    want = make().fit(docs).transform(docs)
    vectorizer = make()
    got = _fit_transform(vectorizer, docs)
    for part in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(got, part), getattr(want, part)), part
    assert np.array_equal(vectorizer.transform(docs[:5]).toarray(), want[:5].toarray())


@pytest.mark.parametrize("code,C,rows", [("tilbakemelding.rutiner", 4.0, slice(None)),
                                         ("rangering.deling", 4.0, slice(40, None)),
                                         ("motivasjon", 0.5, slice(None))])
def test_logistic_fit_is_logistic_regression(features, code, C, rows):
    from sklearn.linear_model import LogisticRegression

    X, turns = features
    X = X[rows]
    y = np.array([code in e.codes for e in turns])[rows]
    assert 2 <= y.sum() < len(y) - 2
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(X, y)
    coef, intercept = logistic.fit(X, y, C)
    assert logistic.ready()  # the lean way was taken
    assert np.array_equal(coef, clf.coef_) and intercept == clf.intercept_[0]
    assert np.array_equal(logistic.probability(X, coef, intercept), clf.predict_proba(X)[:, 1])


def test_logistic_uses_scikit_learn_when_the_lean_fit_disagrees(features, monkeypatch):
    from sklearn.linear_model import LogisticRegression

    lean = logistic._lean
    monkeypatch.setattr(logistic, "_same", None)
    monkeypatch.setattr(logistic, "_lean", lambda X, y, C: (lean(X, y, C)[0] * 1.001, 0.0))
    X, turns = features
    y = np.array(["tilbakemelding.rutiner" in e.codes for e in turns])
    coef, _ = logistic.fit(X, y, 4.0)
    assert not logistic.ready()
    want = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(X, y)
    assert np.array_equal(coef, want.coef_)
