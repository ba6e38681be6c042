"""Which language a study's transcripts are in, told by their stop words.

For a codebook made from another tool's project (issue 12: an English study imported from
REFI-QDA was given ``language: nb``). Stop words are a large share of any text's words and
differ between languages, so counting them is enough to tell the languages qualmrs has data
for apart; anything else is left undecided rather than guessed.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

__all__ = ["detect_language", "LANGUAGES"]

LANGUAGES = ("nb", "en")  # the languages whose words qualmrs reads well (lemmas, sentences)
_WORD = re.compile(r"[^\W\d_]+")
MIN_HITS = 20  # stop words needed before saying anything
MIN_SHARE = 0.15  # of the words: in running text stop words are a third or more
SAMPLE = 200_000  # characters read from each text


@lru_cache(maxsize=None)
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS)


def detect_language(texts: Iterable[str], languages=LANGUAGES) -> str | None:
    """The language of ``texts``: the one whose spaCy stop words are most of their words.

    Args:
        texts: the documents' texts (the first ``SAMPLE`` characters of each are read).
        languages: spaCy language codes to choose from.

    Returns:
        The language, or None when none clearly wins: fewer than ``MIN_HITS`` stop words,
        under ``MIN_SHARE`` of the words, or not twice as many as the next language's.
    """
    words = Counter(w.lower() for text in texts for w in _WORD.findall(text[:SAMPLE]))
    total = sum(words.values())
    hits = sorted(((sum(n for w, n in words.items() if w in _stop_words(lang)), lang)
                   for lang in languages), reverse=True)
    best, language = hits[0]
    runner_up = hits[1][0] if len(hits) > 1 else 0
    if best < MIN_HITS or best < MIN_SHARE * total or best < 2 * runner_up:
        return None
    return language
