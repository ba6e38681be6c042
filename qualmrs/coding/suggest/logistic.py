"""Binary logistic regression as scikit-learn's ``LogisticRegression`` fits it (L-BFGS,
balanced class weights, an intercept), without the checks it makes on every call.

``qualmrs evaluate`` fits about 1,660 small regressions (a dozen codes, each with its inner
leave-one-case-out, in each of 16 folds). On inputs this small, scikit-learn's checks of its
arguments (data validation, array-API dispatch, a data-frame library probe on each array) took
a fifth of each fit; the optimisation itself is scipy's L-BFGS-B on scikit-learn's own loss.
This module makes the same calls in the same order, so the coefficients are the same bit for
bit: the per-code thresholds chosen from them are sensitive to exactly where L-BFGS stops
(issue 12), so nothing here may differ. ``fit`` checks that once per process against
``LogisticRegression`` itself on a small problem, and uses ``LogisticRegression`` when the two
disagree (another scikit-learn whose internals moved); the tests compare them on the sample.
"""

from __future__ import annotations

import numpy as np

__all__ = ["fit", "probability", "ready"]

MAX_ITER = 2000
_same: bool | None = None  # whether the lean fit gives LogisticRegression's numbers here


def fit(X, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    """``LogisticRegression(C=C, class_weight="balanced", max_iter=2000).fit(X, y)``.

    Args:
        X: a CSR matrix of float64 features, one row per example.
        y: booleans, both values present.
        C: inverse regularisation strength.

    Returns:
        (coefficients, shape ``(1, n_features)``; intercept).
    """
    if not ready():
        return _sklearn(X, y, C)
    return _lean(X, y, C)


def ready() -> bool:
    """Whether ``fit`` takes the lean way in this process (checked once, on first use)."""
    global _same
    if _same is None:
        _same = _agrees()
    return _same


def probability(X, coef: np.ndarray, intercept: float) -> np.ndarray:
    """The positive class's probability per row of ``X``, computed as ``LogisticRegression
    .predict_proba(X)[:, 1]`` computes it."""
    from scipy.special import expit

    return expit((X @ coef.T + np.array([intercept])).reshape(-1))


def _lean(X, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    from scipy import optimize
    from sklearn._loss.loss import HalfBinomialLoss

    n = X.shape[0]
    # class_weight="balanced": n / (2 * count of the class), as a weight per example
    counts = np.bincount(y.astype(np.intp), minlength=2)
    weights = np.ones(n, dtype=X.dtype)
    weights *= (n / (2 * counts.astype(np.float64)))[y.astype(np.intp)]
    target = np.ones(n, dtype=X.dtype)
    target[~y] = 0.0
    base = HalfBinomialLoss()
    total = np.sum(weights)
    l2 = 1.0 / (C * float(total))
    XT = X.T
    n_features = X.shape[1]

    def loss_gradient(coef):
        # sklearn.linear_model._linear_loss.LinearModelLoss.loss_gradient, binary case
        w, b = coef[:-1], coef[-1]
        raw = X @ w + np.asarray(b, dtype=X.dtype)
        loss, pointwise = base.loss_gradient(y_true=target, raw_prediction=raw,
                                             sample_weight=weights, n_threads=1)
        value = float(np.sum(loss) / total)
        value += float(0.5 * l2 * (w @ w))
        pointwise /= total
        grad = np.empty_like(coef, dtype=w.dtype)
        grad[:n_features] = XT @ pointwise + l2 * w
        grad[-1] = np.sum(pointwise)
        return value, grad

    result = optimize.minimize(
        loss_gradient, np.zeros(n_features + 1, dtype=X.dtype), method="L-BFGS-B", jac=True,
        options={"maxiter": MAX_ITER, "maxls": 50, "gtol": 1e-4,
                 "ftol": 64 * np.finfo(float).eps})
    return result.x[:-1].reshape(1, -1), float(result.x[-1])


def _sklearn(X, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=MAX_ITER).fit(X, y)
    return clf.coef_, float(clf.intercept_[0])


def _agrees() -> bool:
    """Whether the lean fit gives ``LogisticRegression``'s coefficients, bit for bit, on a
    small sparse problem (about 2 ms)."""
    from scipy.sparse import random as sparse_random

    rng = np.random.default_rng(12)
    X = sparse_random(40, 60, density=0.2, format="csr", random_state=rng)
    y = rng.random(40) < 0.3
    try:
        coef, intercept = _lean(X, y, 4.0)
    except (ImportError, AttributeError, TypeError):  # private names moved
        return False
    want, want_intercept = _sklearn(X, y, 4.0)
    return np.array_equal(coef, want) and intercept == want_intercept
