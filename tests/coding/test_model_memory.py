"""Fitting the model with per-code thresholds holds one fold's rows at a time, not a copy of
the features per case: `qualmrs suggest` on 1,000 interviews was killed for memory (24 GB)
after the inner folds were cut all at once (issue 12)."""

import random
import tracemalloc

from qualmrs.coding.suggest.model import ModelSuggester, TurnExample

WORDS = ("mål resultat måling rangering kontor leder frihet ansvar styring tall rapport "
         "bruker veileder møte fylke tiltak plan kvalitet tid arbeid").split()


def _turns(n_cases: int, per_case: int = 3) -> list[TurnExample]:
    rng = random.Random(7)
    out = []
    for c in range(n_cases):
        for t in range(per_case):
            words = rng.sample(WORDS, 8)
            codes = frozenset(k for k, w in (("mal", "mål"), ("rang", "rangering")) if w in words)
            out.append(TurnExample(f"d{c}", f"case{c:03d}", t * 100, t * 100 + 99,
                                   " ".join(words), codes))
    return out


def test_model_memory_inner_folds_one_at_a_time():
    turns = _turns(150)
    from qualmrs.coding.suggest import logistic

    logistic.ready()  # the libraries loaded and checked before measuring
    assert ModelSuggester(definitions=()).fit(_turns(10)).codes_
    model = ModelSuggester(definitions=())
    tracemalloc.start()
    try:
        model.fit(turns)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    features = model._features(turns)
    size = features.data.nbytes + features.indices.nbytes + features.indptr.nbytes
    assert model.codes_ == ["mal", "rang"]
    assert peak < 30 * size, (peak, size)  # 150 cases: a copy each was over 150 times
