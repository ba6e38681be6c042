"""Agreement figures checked against hand-worked values and the libraries' documentation."""

import math

import numpy as np
import pytest

from qualmrs.analyse.agreement import alpha, answer_agreement, coding_agreement, kappa
from qualmrs.codebook import load_codebook
from qualmrs.model import Answer, Coding, Document, Turn

A = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
B = [1, 1, 1, 0, 0, 0, 0, 0, 0, 1]


def test_agreement_kappa_hand_worked():
    # po = 8/10; pe = .4*.4 + .6*.6 = .52; kappa = (.8 - .52) / (1 - .52)
    assert kappa(A, B) == pytest.approx((0.8 - 0.52) / 0.48)


def test_agreement_alpha_hand_worked():
    # 20 values: 8 ones, 12 zeros; 2 disagreeing units give o01 = o10 = 2.
    # Do = 4/20; De = 2*12*8 / (20*19); alpha = 1 - Do/De
    assert alpha([A, B]) == pytest.approx(1 - 0.2 / (192 / 380))


def test_agreement_alpha_documentation_example():
    # The krippendorff package's README example (nominal): 0.691
    nan = np.nan
    data = [[nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
            [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
            [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4]]
    assert alpha(data) == pytest.approx(0.691, abs=5e-4)


def test_agreement_kappa_scikit_learn_example():
    # scikit-learn's cohen_kappa_score docstring example gives 0.4285714285714286
    assert kappa([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]) == pytest.approx(0.4285714285714286)


@pytest.mark.parametrize("a,b,percent,k,al", [
    ([0, 0, 0], [0, 0, 0], 1.0, None, None),        # a code neither coder used: undefined
    ([1, 0, 1], [1, 0, 1], 1.0, 1.0, 1.0),          # perfect agreement
    ([1, 1, 0, 0], [0, 0, 1, 1], 0.0, -1.0, None),  # complete disagreement
])
def test_agreement_edge_cases(a, b, percent, k, al):
    assert (np.array(a) == np.array(b)).mean() == percent
    assert math.isnan(kappa(a, b)) if k is None else kappa(a, b) == pytest.approx(k)
    if al is None:
        assert math.isnan(alpha([a, b])) or alpha([a, b]) < 0
    else:
        assert alpha([a, b]) == pytest.approx(al)


def test_agreement_unit_only_one_coder_saw_is_left_out():
    nan = np.nan
    # The last unit was rated by A only: it cannot be paired, so alpha is that of the first four.
    assert alpha([[1, 0, 1, 0, 1], [1, 0, 1, 0, nan]]) == pytest.approx(1.0)
    assert math.isnan(alpha([[0, 0, 1], [0, 0, nan]]))  # paired units hold one value only


@pytest.fixture
def two_docs():
    text = "A: Spm?\nB: En.\nA: Spm?\nB: To.\nA: Spm?\nB: Tre."
    turns = []
    for i, line in enumerate(text.split("\n")):
        start = text.index(line) + 3
        speaker = line[0]
        turns.append(Turn(speaker, start, start + len(line) - 3,
                          "interviewer" if speaker == "A" else "informant",
                          None if speaker == "A" else "B"))
    d1 = Document("d1.txt", text, tuple(turns))
    d2 = Document("d2.txt", text, tuple(turns))
    return [d1, d2]


def test_agreement_codings_counts_per_code(codebook_path, two_docs):
    cb = load_codebook(codebook_path)
    d = two_docs[0]
    t = [x for x in d.turns if x.role == "informant"]
    codings = [Coding("d1.txt", t[0].start, t[0].end, "motivasjon", "X"),
               Coding("d1.txt", t[1].start, t[1].end, "motivasjon", "X"),
               Coding("d1.txt", t[1].start, t[1].end, "motivasjon", "Y"),
               Coding("d1.txt", t[2].start, t[2].end, "historikk", "Y"),
               Coding("d2.txt", t[0].start, t[0].end, "historikk", "X")]  # only X saw d2
    f = coding_agreement(cb, two_docs, {}, codings, ["X", "Y"])
    assert f.attrs["documents"] == ["d1.txt"] and f.attrs["n_units"] == 3
    rows = f.set_index("code")
    assert rows.loc["motivasjon", ["both", "only_a", "only_b", "neither"]].tolist() == [1, 1, 0, 1]
    assert rows.loc["historikk", ["both", "only_a", "only_b", "neither"]].tolist() == [0, 0, 1, 2]
    assert rows.loc["motivasjon", "percent_agreement"] == pytest.approx(2 / 3)
    assert rows.loc["ALL", "n_units"] == 6 and rows.loc["ALL", "both"] == 1
    assert list(f.columns) == ["code", "unit", "n_units", "both", "only_a", "only_b", "neither",
                               "percent_agreement", "kappa", "alpha"]
    themes = coding_agreement(cb, two_docs, {}, codings, ["X", "Y"], themes=True)
    assert set(themes["code"]) == {"motivasjon", "historikk", "ALL"}


def test_agreement_three_coders_alpha(codebook_path, two_docs):
    cb = load_codebook(codebook_path)
    t = [x for x in two_docs[0].turns if x.role == "informant"]
    codings = [Coding("d1.txt", t[i].start, t[i].end, "motivasjon", who)
               for who, idx in (("X", [0, 1]), ("Y", [0, 1]), ("Z", [0])) for i in idx]
    f = coding_agreement(cb, two_docs, {}, codings, ["X", "Y", "Z"])
    row = f.set_index("code").loc["motivasjon"]
    expected = alpha([[1, 1, 0], [1, 1, 0], [1, 0, 0]])
    assert row["alpha"] == pytest.approx(expected) and math.isnan(row["kappa"])


def test_agreement_answers(codebook_path):
    cb = load_codebook(codebook_path)
    answers = [Answer(c, "tallfestes", cat, who) for c, cat, who in [
        ("B", "Ja", "X"), ("B", "Ja", "Y"), ("C", "Nei", "X"), ("C", "Nøytral", "Y"),
        ("D", "Ja", "X")]]  # D answered by X only
    f = answer_agreement(cb, answers, ["X", "Y"]).set_index("question")
    assert f.loc["tallfestes", "n_units"] == 2
    assert f.loc["tallfestes", "percent_agreement"] == 0.5
    assert f.loc["tallfestes", "alpha"] == pytest.approx(alpha([[0, 2], [0, 1]]))
