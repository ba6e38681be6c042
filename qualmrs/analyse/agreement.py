"""Inter-coder agreement: percent agreement, Cohen's kappa and Krippendorff's alpha.

The unit is stated with every figure: each informant turn (or sentence) in the documents all
compared coders coded, with a code present or absent on it. The statistics come from
scikit-learn (``cohen_kappa_score``) and the ``krippendorff`` package.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..model import Answer, Codebook, Coding, Document, Sentence
from ..coding.units import codes_per_unit, units_of

COLUMNS = ["code", "unit", "n_units", "both", "only_a", "only_b", "neither",
           "percent_agreement", "kappa", "alpha"]


def agreement_heading(attrs: dict) -> str:
    """What an agreement frame measured, in one sentence (``attrs`` of
    ``coding_agreement``'s frame): the coders, the unit, the documents, the means."""
    return (f"Agreement between {' and '.join(attrs['coders'])}; unit: informant "
            f"{attrs['unit']} (code present or absent), {attrs['n_units']} units in "
            f"{len(attrs['documents'])} document(s) all coded: {', '.join(attrs['documents'])}."
            f" Mean over codes: percent {attrs['mean_percent']:.3f}, kappa "
            f"{attrs['mean_kappa']:.3f}, alpha {attrs['mean_alpha']:.3f}; ALL = pooled over "
            "codes × units.")


def kappa(a, b) -> float:
    """Cohen's kappa of two raters' labels; NaN where it is undefined (one label only)."""
    from sklearn.metrics import cohen_kappa_score

    a, b = list(a), list(b)
    if len(set(a) | set(b)) < 2:
        return float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(cohen_kappa_score(a, b))


def alpha(matrix) -> float:
    """Krippendorff's alpha (nominal) of a coders × units matrix (NaN = not coded).

    NaN where it is undefined: fewer than two values among the units rated at least twice
    (a unit only one coder rated cannot be paired and does not count).
    """
    import krippendorff

    data = np.asarray(matrix, dtype=float)
    paired = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    if len(np.unique(paired[~np.isnan(paired)])) < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def _seen(codings: list[Coding], coders: list[str]) -> dict[str, set[str]]:
    """Coder → documents that coder coded (a coder saw a document if they coded anything in it)."""
    out: dict[str, set[str]] = {c: set() for c in coders}
    for c in codings:
        if c.coder in out:
            out[c.coder].add(c.document)
    return out


def coding_agreement(codebook: Codebook, documents: list[Document],
                     sentences: dict[str, list[Sentence]], codings: list[Coding],
                     coders: list[str], unit: str = "turn", codes: list[str] | None = None,
                     themes: bool = False) -> pd.DataFrame:
    """Per-code agreement between coders, then a pooled ``ALL`` row.

    Args:
        coders: two coders (kappa and the 2×2 counts) or more (alpha across all of them).
        unit: ``turn`` or ``sentence``; only informant text is compared.
        codes: codes to report (default: those any of the coders used).
        themes: roll sub-codes up to their top-level theme first.

    Returns:
        A DataFrame with ``COLUMNS``; ``attrs`` holds ``unit``, ``documents``, ``n_units``,
        ``coders``, ``mean_kappa``, ``mean_alpha`` and ``mean_percent``.
    """
    if len(coders) < 2 or len(set(coders)) != len(coders):
        raise ValueError("name two or more different coders")
    rename = (lambda k: k.split(".")[0]) if themes else (lambda k: k)
    seen = _seen(codings, coders)
    pair = len(coders) == 2
    # Two coders: units both saw. More: units at least two saw (alpha takes the gaps).
    docs_all = sorted(set.intersection(*seen.values())) if pair else sorted(
        d for d in set.union(*seen.values()) if sum(d in s for s in seen.values()) >= 2)
    units = units_of([d for d in documents if d.name in docs_all], sentences, unit)
    per_coder = {c: codes_per_unit(units, [x for x in codings if x.coder == c], rename)
                 for c in coders}
    order = [rename(c.key) for c in codebook.codes]
    used = {k for m in per_coder.values() for s in m.values() for k in s}
    selected = codes if codes is not None else [k for k in dict.fromkeys(order) if k in used]
    rows, pooled = [], {c: [] for c in coders}
    for code in selected:
        matrix = [[(1.0 if code in per_coder[c][u] else 0.0) if u.document in seen[c]
                   else np.nan for u in units] for c in coders]
        for c, row in zip(coders, matrix):
            pooled[c].extend(row)
        rows.append(_row(code, unit, matrix, pair))
    if selected:
        rows.append(_row("ALL", unit, [pooled[c] for c in coders], pair))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    per_code = frame[frame["code"] != "ALL"]
    frame.attrs.update(unit=unit, documents=docs_all, n_units=len(units), coders=list(coders),
                       mean_kappa=float(per_code["kappa"].mean()) if len(per_code) else np.nan,
                       mean_alpha=float(per_code["alpha"].mean()) if len(per_code) else np.nan,
                       mean_percent=float(per_code["percent_agreement"].mean())
                       if len(per_code) else np.nan)
    return frame


def _paired(matrix) -> tuple[np.ndarray, np.ndarray, float]:
    """All ratings, the units rated by two or more coders, and the share of those units on
    which every coder who rated it agrees."""
    data = np.asarray(matrix, dtype=float)
    cols = data[:, (~np.isnan(data)).sum(axis=0) >= 2]
    agree = float(np.mean([len(set(col[~np.isnan(col)])) == 1 for col in cols.T])) \
        if cols.shape[1] else np.nan
    return data, cols, agree


def _row(code: str, unit: str, matrix, pair: bool) -> list:
    data, cols, agree = _paired(matrix)
    if pair:
        a, b = cols[0], cols[1]
        both, only_a = int(((a == 1) & (b == 1)).sum()), int(((a == 1) & (b == 0)).sum())
        only_b, neither = int(((a == 0) & (b == 1)).sum()), int(((a == 0) & (b == 0)).sum())
        return [code, unit, cols.shape[1], both, only_a, only_b, neither, agree,
                kappa(a, b), alpha(data)]
    return [code, unit, cols.shape[1], None, None, None, None, agree, np.nan, alpha(data)]


def answer_agreement(codebook: Codebook, answers: list[Answer], coders: list[str]) -> pd.DataFrame:
    """Agreement on closed-question answers over (case, question): one row per question
    answered by two or more of the coders, then ``ALL``."""
    by = {(a.case, a.question, a.coder): a.category for a in answers}
    items = sorted({(a.case, a.question) for a in answers},
                   key=lambda k: ([q.key for q in codebook.questions].index(k[1]), k[0]))
    rows, pooled = [], {c: [] for c in coders}
    questions = [q.key for q in codebook.questions if any(k[1] == q.key for k in items)]
    # A category is one value wherever it occurs («Ja» is «Ja» on every question).
    cats = {c: i for i, c in enumerate(dict.fromkeys(
        c for s in codebook.scales.values() for c in s.categories))}
    for q in questions:
        keys = [k for k in items if k[1] == q]
        matrix = [[cats[by[(*k, c)]] if (*k, c) in by else np.nan for k in keys] for c in coders]
        for c, row in zip(coders, matrix):
            pooled[c].extend(row)
        rows.append(_answer_row(q, matrix, len(coders) == 2))
    if questions:
        rows.append(_answer_row("ALL", [pooled[c] for c in coders], len(coders) == 2))
    return pd.DataFrame(rows, columns=["question", "n_units", "percent_agreement", "kappa",
                                       "alpha"])


def _answer_row(name: str, matrix, pair: bool) -> list:
    data, cols, agree = _paired(matrix)
    k = kappa(cols[0], cols[1]) if pair and cols.shape[1] else np.nan
    return [name, int(cols.shape[1]), agree, k, alpha(data)]
