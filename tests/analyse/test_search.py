"""Issue 17 (6): keyword search on lemmas or word forms, as keyword-in-context lines."""

import pytest

from qualmrs.analyse.search import COLUMNS, find, search
from qualmrs.errors import QualmrsError
from qualmrs.ingest import document_from_text
from qualmrs.ingest.turns import LabelPolicy
from qualmrs.model import Case
from qualmrs.segment import segment_document, segmenter

TEXTS = {
    "intervju_b.txt": (
        "A: Kjenner du til rangeringen? 😀 Og den faglige friheten?\n"
        "B: Ja, rangeringene kommer hver måned, og vi ligger høyt på rangeringa.\n"
        "Den faglige\nfriheten er stor, men faglig, frihet er to ord.\n"
        "A: Rangert?\n"
        "B: Vi blir rangert, ja."),
    "intervju_c.txt": (
        "A: Hva med rangering?\n"
        "C: Rangering er ikke viktig for oss på Ørsta-kontoret, æøå."),
}


@pytest.fixture(scope="module")
def corpus():
    policy = LabelPolicy(("A",), ("B", "C"))
    docs = []
    for name, text in TEXTS.items():
        doc = document_from_text(name, text, "txt", "", policy)
        case = "B" if "_b" in name else "C"
        turns = tuple(t.__class__(t.speaker, t.start, t.end, t.role,
                                  case if t.role == "informant" else None) for t in doc.turns)
        docs.append(doc.__class__(name, text, turns))
    sentences = {d.name: list(segment_document(d)) for d in docs}
    return docs, sentences, [Case("C"), Case("B")]


def run(corpus, query, **kwargs):
    docs, sentences, cases = corpus
    return search(docs, sentences, cases, query, segmenter("nb"), **kwargs)[0]


def hits(frame):
    return list(zip(frame["case"], frame["match"]))


@pytest.mark.parametrize("query,exact,expected", [
    # a word finds its inflected forms, whatever their case; cases in project order (C, B)
    ("rangering", False, [("C", "rangering"), ("C", "Rangering"), ("B", "rangeringen"),
                          ("B", "rangeringene"), ("B", "rangeringa")]),
    ("rangeringene", False, [("C", "rangering"), ("C", "Rangering"), ("B", "rangeringen"),
                             ("B", "rangeringene"), ("B", "rangeringa")]),
    # a phrase finds its inflected forms, across a line break, not across a comma
    ("faglig frihet", False, [("B", "faglige friheten"), ("B", "faglige\nfriheten")]),
    # exact: the form as written, ignoring case
    ("rangering", True, [("C", "rangering"), ("C", "Rangering")]),
    ("Faglige friheten", True, [("B", "faglige friheten"), ("B", "faglige\nfriheten")]),
    ("rangert", False, [("B", "Rangert"), ("B", "rangert")]),  # the verb, not the noun
    ("ørsta-kontoret", False, [("C", "Ørsta-kontoret")]),
])
def test_search_finds(corpus, query, exact, expected):
    frame = run(corpus, query, exact=exact)
    assert list(frame.columns) == COLUMNS
    assert hits(frame) == expected


def test_search_offsets_are_code_points_into_the_text(corpus):
    frame = run(corpus, "faglig frihet")
    for row in frame.itertuples():
        assert TEXTS[row.document][row.start:row.end] == row.match
    assert frame.iloc[0].start == TEXTS["intervju_b.txt"].index("faglige friheten")  # after 😀


@pytest.mark.parametrize("role,expected", [
    ("informant", [("C", "Rangering"), ("B", "rangeringene"), ("B", "rangeringa")]),
    # an interviewer's question belongs to the case of its interview
    ("interviewer", [("C", "rangering"), ("B", "rangeringen")]),
])
def test_search_role(corpus, role, expected):
    assert hits(run(corpus, "rangering", role=role)) == expected


def test_search_cases(corpus):
    assert hits(run(corpus, "rangering", only=["C"])) == [("C", "rangering"), ("C", "Rangering")]
    with pytest.raises(QualmrsError, match="unknown case 'D'"):
        run(corpus, "rangering", only=["D"])


def test_search_context_stays_in_the_turn_and_keeps_words_whole(corpus):
    frame = run(corpus, "rangering", width=20)
    row = frame[frame["match"] == "rangeringen"].iloc[0]
    # the turn starts at «Kjenner»; the right side stops before a word cut in two
    assert (row.left, row.right) == ("Kjenner du til", "? 😀 Og den faglige")
    row = frame[frame["match"] == "Rangering"].iloc[0]
    assert row.left == "" and row.right == "er ikke viktig for"
    row = frame[frame["match"] == "rangering"].iloc[0]  # the next speaker's label is not shown
    assert row.right == "?"


@pytest.mark.parametrize("query,role,message", [
    ("…", None, "the query '…' has no words"),
    ("rangering", "leder", "unknown role 'leder'"),
])
def test_search_refuses(corpus, query, role, message):
    with pytest.raises(QualmrsError, match=message):
        run(corpus, query, role=role)


def test_search_only_tokenises_sentences_whose_lemmas_hold_the_query(corpus, monkeypatch):
    """The stored lemmas decide which sentences are read again (what keeps search fast)."""
    docs, sentences, cases = corpus
    seg = segmenter("nb")
    calls = []
    real = seg.nlp.make_doc
    monkeypatch.setattr(seg.nlp, "make_doc", lambda text: calls.append(text) or real(text))
    find(docs, sentences, "faglig frihet", seg)
    assert calls[1:] == ["😀 Og den faglige friheten?", "Den faglige\nfriheten er stor, men "
                         "faglig, frihet er to ord."]
