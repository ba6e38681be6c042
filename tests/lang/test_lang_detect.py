"""Telling a study's language from its stop words (issue 12)."""

import pytest

from conftest import SAMPLE
from qualmrs.lang.detect import detect_language

ENGLISH = ("Interviewer: How did the board handle it? Respondent: We met every quarter, and "
           "the chair asked for reports on all of the projects that were running at the time, "
           "but it was not enough for us to know what they did with them.")


@pytest.mark.parametrize("texts,language", [
    ([ENGLISH], "en"),
    ([p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))], "nb"),
    (["Ja. Nei. Ok."], None),  # too little to tell
    (["Wir haben uns jedes Quartal getroffen und der Vorsitzende wollte Berichte über alle "
      "Projekte sehen, die damals liefen, aber das hat nicht gereicht." * 3], None),
])
def test_detect_language_by_stop_words(texts, language):
    assert detect_language(texts) == language
