"""Each view on a tiny hand-made project whose results are counted by hand."""

from types import MappingProxyType

import pytest

from qualmrs.analyse.views import (cooccurrence, crosstab_answers, crosstab_codes, presence,
                                   quotes, shorten, word_frequency)
from qualmrs.codebook import load_codebook
from qualmrs.model import Answer, Case, Coding, Document, Sentence, Turn

TEXT = "A: Spm?\nB: Tall og møter hver uke.\nA: Og?\nC: Trøyer før, tall nå.\nA: Og?\nD: Ingenting."


def span(part, after=0):
    start = TEXT.index(part, after)
    return start, start + len(part)


B, C, D = span("Tall og møter hver uke."), span("Trøyer før, tall nå."), span("Ingenting.")


@pytest.fixture
def tiny():
    turns = (Turn("A", *span("Spm?"), "interviewer"), Turn("B", *B, case="B"),
             Turn("A", *span("Og?"), "interviewer"), Turn("C", *C, case="C"),
             Turn("A", *span("Og?", C[1]), "interviewer"), Turn("D", *D, case="D"))
    doc = Document("d.txt", TEXT, turns)
    cases = [Case("B", MappingProxyType({"fylke": "Nord"})),
             Case("C", MappingProxyType({"fylke": "Sør"})),
             Case("D", MappingProxyType({"fylke": "Sør"}))]
    codings = [Coding("d.txt", *span("Tall"), "tilbakemelding.tilgjengelighet", "x"),
               Coding("d.txt", *span("møter hver uke"), "tilbakemelding.rutiner", "x"),
               Coding("d.txt", *span("Trøyer før"), "historikk", "x"),
               Coding("d.txt", *span("tall", C[0]), "tilbakemelding.tilgjengelighet", "x")]
    return load_codebook("codebooks/mrs_nav.yaml"), [doc], codings, cases


def test_views_presence_n_of_N(tiny):
    book, docs, codings, cases = tiny
    p = presence(book, docs, codings, cases).set_index("code")
    assert p.loc["tilbakemelding.tilgjengelighet", ["segments", "cases", "of"]].tolist() == [2, 2, 3]
    assert p.loc["historikk", "share"] == pytest.approx(1 / 3)
    assert p.loc["motivasjon", "segments"] == 0


def test_views_crosstab_by_attribute(tiny):
    book, docs, codings, cases = tiny
    ct = crosstab_codes(book, docs, codings, cases, "fylke")
    row = ct[(ct["code"] == "tilbakemelding.tilgjengelighet") & (ct["value"] == "Sør")].iloc[0]
    assert (row["segments"], row["cases"], row["of"], row["share"]) == (1, 1, 2, 0.5)
    answers = [Answer("B", "tallfestes", "Ja", "x"), Answer("C", "tallfestes", "Nei", "x"),
               Answer("D", "tallfestes", "Ja", "x")]
    ca = crosstab_answers(book, answers, cases, "fylke")
    sor = ca[(ca["question"] == "tallfestes") & (ca["value"] == "Sør")].set_index("category")
    assert sor["count"].to_dict() == {"Ja": 1, "Nøytral": 0, "Nei": 1}
    assert sor.loc["Ja", "share"] == 0.5


def test_views_cooccurrence_counts_and_jaccard(tiny):
    book, docs, codings, _ = tiny
    co = cooccurrence(book, docs, codings)
    assert co.loc["tilbakemelding.tilgjengelighet", "tilbakemelding.rutiner"] == 1
    assert co.loc["tilbakemelding.tilgjengelighet", "historikk"] == 1
    assert co.loc["tilbakemelding.rutiner", "historikk"] == 0
    assert co.loc["tilbakemelding.tilgjengelighet", "tilbakemelding.tilgjengelighet"] == 2
    j = cooccurrence(book, docs, codings, normalise=True)
    # both on 1 turn; tilgjengelighet on 2 turns, rutiner on 1: 1 / (2 + 1 - 1)
    assert j.loc["tilbakemelding.tilgjengelighet", "tilbakemelding.rutiner"] == pytest.approx(0.5)


def test_views_quotes_ordered_with_attributes(tiny):
    book, docs, codings, cases = tiny
    q = quotes(book, docs, codings, cases, "tilbakemelding")
    assert q["quote"].tolist() == ["Tall", "møter hver uke", "tall"]
    assert q["case"].tolist() == ["B", "B", "C"] and q["fylke"].tolist() == ["Nord", "Nord", "Sør"]


@pytest.mark.parametrize("text,n,expected", [
    ("en to tre fire fem seks", 4, "en to (...) fem seks"),
    ("en to tre fire fem seks", 3, "en to (...) seks"),
    ("en to tre", 3, "en to tre"),
    ("en to tre", None, "en to tre"),
])
def test_views_shorten_marks_the_cut(text, n, expected):
    assert shorten(text, n) == expected


def test_views_word_frequency_without_stop_words(tiny):
    book, docs, codings, _ = tiny
    sents = {"d.txt": [Sentence(1, *B, "tall og møte hver uke"),
                       Sentence(3, *C, "trøye før tall nå")]}
    by_code = word_frequency(docs, sents, codings, "code", stop_words=frozenset({"og", "hver", "nå"}))
    tg = by_code[by_code["code"] == "tilbakemelding.tilgjengelighet"]
    assert tg.iloc[0][["lemma", "count"]].tolist() == ["tall", 2]
    assert "og" not in set(by_code["lemma"])
    by_case = word_frequency(docs, sents, codings, "case")
    assert set(by_case["case"]) == {"B", "C"}
