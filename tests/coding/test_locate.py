"""Finding the closed questions: the alignment to the guide and the wordings learned from
coded answers (issue 18). Tiny interviews written for these tests."""

import numpy as np
import pytest

from conftest import CODEBOOK
from coding.test_suggest import document
from qualmrs.codebook import load_codebook
from qualmrs.coding.suggest import AnswerSuggester
from qualmrs.coding.suggest.locate import FLOOR, QuestionLocator
from qualmrs.model import Answer


@pytest.fixture(scope="module")
def book():
    return load_codebook(CODEBOOK)


def locator(book, **kwargs):
    seg = AnswerSuggester(book).fit().segmenter_
    return QuestionLocator(book, seg, set(), [["ja"], ["nei"]]).fit(**kwargs)


@pytest.mark.parametrize("scores,want", [
    # question 1 fits turns 0 and 3 equally; turn 3 comes right after question 0's turn 2
    ([[0.1, 0.5], [0.1, 0.1], [0.8, 0.1], [0.1, 0.5]], [2, 3]),
    # both questions fit turn 1 best; one turn asks one question, the weaker goes elsewhere
    ([[0.1, 0.1], [0.9, 0.6], [0.1, 0.1], [0.1, 0.5]], [1, 3]),
    # nothing plausible: not found, not guessed
    ([[FLOOR / 2, 0.0], [0.0, FLOOR / 3]], [None, None]),
])
def test_locate_align_follows_the_guide_one_turn_per_question(book, scores, want):
    got = locator(book).align(np.array(scores))
    assert got == want


def test_locate_learns_wordings_from_coded_answers(book):
    # «regne ut» is neither a cue nor a word of «Kan resultater tallfestes?»
    asked = document("A: Hvor lenge har du vært her?\nB: Seks år.\n"
                     "A: Kan en regne ut det kontoret får til, mener du?\nB: Nei, aldri.\n")
    coded = document("A: Går det an å regne ut det dere får til?\nC: Ja, langt på vei.\n",
                     name="c.txt", case="C")
    learned = AnswerSuggester(book).fit(
        [coded], [Answer("C", "tallfestes", "Ja", "X", evidence="Ja, langt på vei.")])
    got = {s.question: s for s in learned.predict([asked])}["tallfestes"]
    assert got.category == "Nei" and asked.text[slice(*got.asked)].startswith("Kan en regne")
    bare = {s.question: s for s in AnswerSuggester(book).fit().predict([asked])}["tallfestes"]
    assert bare.category != "Nei"


def test_locate_question_put_in_two_turns(book):
    doc = document("A: Nå vil jeg spørre om sammenlikning av kontorene i fylket.\nB: Ja?\n"
                   "A: Skjer det, tror du?\nB: Nei, ikke som jeg har sett.\n"
                   "A: Vet du hvor de andre kontorene ligger på rangeringen?\n"
                   "B: Ja, det vet jeg godt.\n")
    got = {s.question: s for s in AnswerSuggester(book).fit().predict([doc])}["sammenliknes"]
    assert got.category == "Nei", got
