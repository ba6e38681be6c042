"""Binary logistic regression as scikit-learn's ``LogisticRegression`` fits it (L-BFGS,
balanced class weights, an intercept), without the checks and wrappers around each call.

``qualmrs evaluate`` fits about 1,660 small regressions (a dozen codes, each with its inner
leave-one-case-out, in each of 16 folds). On inputs this small, what surrounds the arithmetic
was nearly half of each fit: scikit-learn's checks of its arguments (data validation,
array-API dispatch, a data-frame library probe on each array), scipy's wrappers that copy and
compare the coefficients around every evaluation, sparse products dispatched anew each time.
This module makes the same arithmetic calls in the same order (scikit-learn's loss, scipy's
sparse kernels and its L-BFGS-B routine), so the coefficients are the same bit for bit: the
per-code thresholds chosen from them are sensitive to exactly where L-BFGS stops (issue 12),
so nothing here may differ. It leans on private names of both libraries; ``fit`` checks once
per process, on a small problem, that it gives ``LogisticRegression``'s own numbers, and uses
``LogisticRegression`` when it does not (another version whose internals moved). The tests
compare the two on the sample.
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
    from scipy.sparse import _sparsetools
    from sklearn._loss.loss import HalfBinomialLoss

    n, n_features = X.shape
    # class_weight="balanced": n / (2 * count of the class), as a weight per example
    counts = np.bincount(y.astype(np.intp), minlength=2)
    weights = np.ones(n, dtype=X.dtype)
    weights *= (n / (2 * counts.astype(np.float64)))[y.astype(np.intp)]
    target = np.ones(n, dtype=X.dtype)
    target[~y] = 0.0
    base = HalfBinomialLoss()
    total = np.sum(weights)
    l2 = 1.0 / (C * float(total))
    indptr, indices, data = X.indptr, X.indices, X.data

    def loss_gradient(coef):
        # LinearModelLoss.loss_gradient (sklearn.linear_model._linear_loss), binary case; the
        # products are scipy's own kernels for X @ w and X.T @ g, called as X @ w calls them
        w, b = coef[:-1], coef[-1]
        raw = np.zeros(n)
        _sparsetools.csr_matvec(n, n_features, indptr, indices, data, w, raw)
        raw = raw + np.asarray(b, dtype=X.dtype)
        loss, pointwise = base.loss_gradient(y_true=target, raw_prediction=raw,
                                             sample_weight=weights, n_threads=1)
        value = float(np.sum(loss) / total)
        value += float(0.5 * l2 * (w @ w))
        pointwise /= total
        grad = np.empty_like(coef, dtype=w.dtype)
        product = np.zeros(n_features)
        _sparsetools.csc_matvec(n_features, n, indptr, indices, data, pointwise, product)
        grad[:n_features] = product + l2 * w
        grad[-1] = np.sum(pointwise)
        return value, grad

    x = _lbfgs(loss_gradient, n_features + 1)
    return x[:-1].reshape(1, -1), float(x[-1])


def _lbfgs(loss_gradient, n: int) -> np.ndarray:
    """``scipy.optimize.minimize(loss_gradient, zeros(n), method="L-BFGS-B", jac=True,
    options={"maxiter": 2000, "maxls": 50, "gtol": 1e-4, "ftol": 64 * eps}).x`` as
    ``LogisticRegression`` asks for it: scipy's own loop (``_minimize_lbfgsb`` without bounds)
    around its L-BFGS-B routine, without the wrappers that copy and compare ``x`` around each
    evaluation (a fifth of a fit)."""
    from scipy.optimize import _lbfgsb

    m, maxls, factr, pgtol = 10, 50, 64.0, 1e-4  # factr = ftol / eps
    x, f, g = np.zeros(n), np.array(0.0), np.zeros(n)
    low, high, kinds = np.zeros(n), np.zeros(n), np.zeros(n, np.int32)  # kind 0: unbounded
    wa = np.zeros(2 * m * n + 5 * n + 11 * m * m + 8 * m)
    iwa = np.zeros(3 * n, np.int32)
    task, ln_task = np.zeros(2, np.int32), np.zeros(2, np.int32)
    lsave, isave, dsave = np.zeros(4, np.int32), np.zeros(44, np.int32), np.zeros(29)
    iterations = evaluations = 0
    while True:
        g = g.astype(np.float64)
        _lbfgsb.setulb(m, x, low, high, kinds, f, g, factr, pgtol, wa, iwa, task, lsave,
                       isave, dsave, maxls, ln_task)
        if task[0] == 3:  # evaluate f and g at x
            f, g = loss_gradient(x)
            evaluations += 1
        elif task[0] == 1:  # a new iterate
            iterations += 1
            if iterations >= MAX_ITER:
                task[0], task[1] = 5, 504
            elif evaluations > 15000:  # scipy's maxfun
                task[0], task[1] = 5, 502
        else:
            return x


def _sklearn(X, y: np.ndarray, C: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=MAX_ITER).fit(X, y)
    return clf.coef_, float(clf.intercept_[0])


def _agrees() -> bool:
    """Whether the lean fit gives ``LogisticRegression``'s coefficients, bit for bit, on a
    small sparse problem (a few hundredths of a second)."""
    from scipy.sparse import random as sparse_random
    from threadpoolctl import threadpool_limits

    rng = np.random.default_rng(12)
    X = sparse_random(40, 60, density=0.2, format="csr", random_state=rng)
    y = rng.random(40) < 0.3
    with threadpool_limits(1):  # as fits run (more BLAS threads only wait on vectors this small)
        try:
            coef, intercept = _lean(X, y, 4.0)
        except (ImportError, AttributeError, TypeError, ValueError):  # private names moved
            return False
        want, want_intercept = _sklearn(X, y, 4.0)
    return np.array_equal(coef, want) and intercept == want_intercept
