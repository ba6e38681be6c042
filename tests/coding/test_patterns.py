"""PatternSet runs each Matcher pattern only near its required words; the matches must be
exactly those of one spaCy Matcher over the whole text."""

import pytest

TEXTS = [
    "Vi kan ikke måle alt, men målene på kontoret kan telles.",
    "Tallene kom. Ikke alle tallene, men kontorene fikk tall og mål hver måned.",
    "Det er vanskelig å måle kvalitet , og det er ikke lett å telle innsats heller.",
    "Målene målene målene. Vi vi vi kontor.",
    "",
]

PATTERNS = [
    [{"LEMMA": "kunne"}, {"LEMMA": {"IN": ["ikke", "vi"]}, "OP": "?"}, {"LEMMA": "måle"}],
    [{"LEMMA": {"IN": ["vanskelig", "lett"]}}, {"LEMMA": "å"}, {"LEMMA": {"IN": ["måle", "telle"]}}],
    [{"LOWER": "ikke"}, {"OP": "*"}, {"LEMMA": "tall"}],
    [{"LEMMA": "mål", "OP": "+"}, {"LOWER": "vi", "OP": "{1,2}"}],
    [{"LEMMA": {"NOT_IN": ["og"]}}, {"LEMMA": "kontor"}],
    [{"LEMMA": "vi"}, {"LEMMA": "vi", "OP": "!"}, {"LEMMA": "kontor"}],
    [{"lemma": "tall"}, {"OP": "?"}, {"OP": "?"}, {"LOWER": {"IN": ["mål", "hver"]}}],
    [{"LEMMA": "kontor"}],
]


@pytest.fixture(scope="module")
def seg():
    from qualmrs.segment import segmenter

    return segmenter("nb")


@pytest.mark.parametrize("text", TEXTS)
def test_patterns_same_matches_as_spacy_matcher(seg, text):
    from spacy.matcher import Matcher

    from qualmrs.coding.suggest.lemmadoc import lemma_doc
    from qualmrs.coding.suggest.patterns import PatternSet

    plain, ours = Matcher(seg.nlp.vocab), PatternSet(seg.nlp.vocab, frozenset({"vi", "å"}))
    for i, pattern in enumerate(PATTERNS):
        plain.add(f"p{i % 3}", [pattern])
        ours.add(f"p{i % 3}", pattern)
    doc = lemma_doc(seg, text)
    expected = set(plain(doc))
    assert set(ours.matches(doc)) == expected
    assert expected or not text  # the texts do exercise the patterns
