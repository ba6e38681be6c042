"""Issue 17 (4): tokens, sentences, lemmas and stop words in English and Nynorsk."""

import pytest

from qualmrs.segment import segmenter, stop_lemmas


def split(language, text):
    return [(text[s.start:s.end], s.lemmas) for s in segmenter(language).sentences(text)]


@pytest.mark.parametrize("language,text,expected", [
    # a title or «e.g.» before a capitalised word does not end the sentence
    ("en", "Mr. Jones said e.g. HR was unfair. We agreed.",
     [("Mr. Jones said e.g. HR was unfair.", "mr. jones say e.g. hr be unfair"),
      ("We agreed.", "we agree")]),
    ("en", "Some of it, i.e. Benefits, is measured etc. Then we stop.",
     [("Some of it, i.e. Benefits, is measured etc.", "some of it i.e. benefit be measure etc."),
      ("Then we stop.", "then we stop")]),
    # «eg.» is no abbreviation in Nynorsk: «eg» (I) ends sentences, and keeps its lemma
    ("nn", "Det trur eg. Eg meiner t.d. NAV-kontora og m.a. Leiarane.",
     [("Det trur eg.", "det tru eg"),
      ("Eg meiner t.d. NAV-kontora og m.a. Leiarane.", "eg meine t.d. nav-kontor og m.a. leiar")]),
])
def test_lang_sentences_and_lemmas(language, text, expected):
    assert split(language, text) == expected


@pytest.mark.parametrize("language,forms,lemma", [
    # simplemma reads the singular «-ing» noun as a verb («ranking» → «rank») but not its
    # plural, so a codebook phrase in the singular missed the plural
    ("en", ["ranking", "rankings"], "ranking"),
    ("en", ["meeting", "meetings", "Meetings"], "meeting"),
    ("en", ["targets", "target"], "target"),
    ("en", ["managers", "manager"], "manager"),
    ("nn", ["leiarane", "leiaren", "leiar"], "leiar"),
    ("nn", ["tilbakemeldingane", "tilbakemeldingar"], "tilbakemelding"),
    ("nn", ["rangeringa", "rangering"], "rangering"),
    ("nn", ["målekortet", "målekorta"], "målekort"),
])
def test_lang_lemmas_of_inflected_forms(language, forms, lemma):
    seg = segmenter(language)
    assert {seg.lemma(f) for f in forms} == {lemma}


@pytest.mark.parametrize("language,stop,content", [
    ("nn", {"eg", "ikkje", "dei", "berre", "kva"}, {"leiar", "mål", "kontor"}),
    ("en", {"the", "um", "yeah"}, {"target", "feedback", "workload"}),
])
def test_lang_stop_lemmas(language, stop, content):
    words = stop_lemmas(language)
    assert stop <= words
    assert not content & words
