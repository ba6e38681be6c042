"""Where is each closed question asked? Score every interviewer turn against every question,
then align the turns to the interview guide as a whole.

A turn's score for a question joins several signs, each between 0 and 1:

- the question's cue phrases, their words close together in any order;
- the share of the question text's content words in the turn (a compound counts when the turn
  has its last part: «resultatmålinger» asked as «målinger»);
- the likeness of the turn to the question's wordings — its text, its cues of two words or
  more, and the interviewer turns that asked it in coded interviews — TF-IDF cosine on content
  lemmas and on character n-grams (so «sammenlikne» meets «sammenligning»);
- the shape of a closed question: the turn asks («?») and the reply opens with an answer
  («ja», «nei», «tja», «både og»).

A question split over two turns («La oss snakke om rangeringen.» – «Mm.» – «Vet du hvor dere
ligger?») gives the second turn the first one's main topic, so the turn that asks, and gets
the answer, can be chosen.

Interviewers mostly follow their guide, the codebook's order of questions, but not strictly:
the chosen turns are the best path through the questions in that order (Viterbi), where a
question asked a few turns after the one before it earns a bonus, a few turns before it a
smaller one, and a question may be left out. A question is «not found» only when no turn
scores above a low floor.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ...model import (INFORMANT, INTERVIEWER, Answer, Codebook, Document,
                      documents_by_case)
from ...segment import Segmenter

# Weights of the signs in a turn's score, and the alignment's bonuses: chosen on the sample
# and the independent dev interviews (benchmarks/independent/README.md), round numbers.
W_CUE, W_OVERLAP, W_LIKE, W_SHAPE = 0.45, 0.2, 0.45, 0.15
NEXT_BONUS, BACK_BONUS, NEAR = 0.15, 0.08, 3
FLOOR = 0.22  # below this no turn is taken to ask the question


@dataclass(frozen=True)
class AskedTurn:
    """An interviewer turn of one case, as the locator sees it."""

    document: Document
    turn: int  # index into document.turns
    lemmas: tuple[str, ...]
    follows: bool  # the interviewer spoke just before, and the reply between was short
    asks: bool  # has a question mark
    reply_opens: bool  # the case's reply opens with an answer word


class QuestionLocator:
    """Scores interviewer turns against the codebook's questions and aligns them.

    Args:
        codebook: its ``questions`` (text, cues) in guide order.
        segmenter: for lemmas.
        stop: lemmas that carry no topic (stop words, fillers).
        answer_openers: lemma sequences that open an answer (the scales' cues and the
            language's yes and no words).
    """

    def __init__(self, codebook: Codebook, segmenter: Segmenter, stop: set[str],
                 answer_openers: list[list[str]]):
        self.codebook = codebook
        self.seg = segmenter
        self.stop = stop
        self.openers = [o for o in answer_openers if o]

    def lemmas(self, text: str) -> list[str]:
        return list(_lemmas(self.seg, text))

    def content(self, lemmas) -> list[str]:
        return [w for w in lemmas if w not in self.stop and len(w) > 2 and any(
            ch.isalpha() for ch in w)]

    def fit(self, wordings: dict[str, list[str]] | None = None) -> "QuestionLocator":
        """Learn each question's wordings: its text, its cues, and ``wordings`` (question key →
        interviewer turns that asked it in coded interviews)."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        wordings = wordings or {}
        self.keys_ = [q.key for q in self.codebook.questions]
        self.cues_ = [[self.lemmas(c) for c in q.cues] for q in self.codebook.questions]
        self.words_ = [set(self.content(self.lemmas(q.text))) for q in self.codebook.questions]
        profiles, owner = [], []
        for qi, q in enumerate(self.codebook.questions):
            for text in [q.text, *q.cues, *wordings.get(q.key, [])]:
                words = self.content(self.lemmas(text))
                # A one-word cue is the cue sign's business: as a wording it would make
                # every turn with «kontor» or «tall» in it look like the question.
                if len(words) > 1 or text == q.text:
                    profiles.append(" ".join(words))
                    owner.append(qi)
        self.owner_ = np.array(owner)
        self.profile_texts_ = profiles
        self.vectors_ = self._vectorizers()
        return self

    def _vectorizers(self) -> list:
        """Word and character TF-IDF fitted on the profiles, whose document frequencies
        weight the turns too (weighting by the interview's own turns as well, so that words
        every turn has weigh little, lost more than it gained on the dev interviews). None
        when the codebook's questions have no content words at all."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        if not any(self.profile_texts_):
            return []
        out = []
        for vec in (TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True),
                    TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)):
            vec.fit(self.profile_texts_)
            out.append((vec, vec.transform(self.profile_texts_)))
        return out

    # -- the turns of one case ----------------------------------------------------------

    def turns(self, case: str, documents: list[Document]) -> list[AskedTurn]:
        """The interviewer turns of ``case``'s documents, in order."""
        out = []
        for doc in documents:
            before = False
            gap = 0  # informant words since the interviewer's previous turn
            for i, t in enumerate(doc.turns):
                if t.role != INTERVIEWER:
                    gap += len(doc.turn_text(i).split()) if t.role == INFORMANT else 0
                    continue
                lemmas = self.lemmas(doc.turn_text(i))
                reply = self._reply_head(doc, i, case)
                out.append(AskedTurn(doc, i, tuple(lemmas), bool(before) and gap <= 6,
                                     "?" in doc.turn_text(i), self._opens(reply)))
                before, gap = True, 0
        return out

    def _reply_head(self, doc: Document, i: int, case: str) -> list[str]:
        for j in range(i + 1, min(i + 3, len(doc.turns))):
            t = doc.turns[j]
            if t.role == INFORMANT and t.case == case:
                return self.lemmas(doc.turn_text(j)[:80])
            if t.role == INTERVIEWER:
                return []
        return []

    def _opens(self, head) -> bool:
        first = list(head[:4])
        return any(first[k:k + len(o)] == o for o in self.openers for k in range(2))

    # -- scores -------------------------------------------------------------------------

    def scores(self, asked: list[AskedTurn]) -> np.ndarray:
        """Turns × questions, each between 0 and about 1."""
        n, m = len(asked), len(self.keys_)
        if not n or not m:
            return np.zeros((0, m))
        alone = self._signs([a.lemmas for a in asked])
        # A follow-up across a short reply («Ja?») carries the main topic of the turn before,
        # a little weakened, so its own question mark and reply can decide between them.
        main = np.where(alone == alone.max(axis=1, keepdims=True), 0.95 * alone, 0.0)
        carried = np.vstack([np.zeros((1, m)), main[:-1]])
        split = np.array([a.follows for a in asked])[:, None]
        topic = np.maximum(alone, np.where(split, carried, 0.0))
        shape = np.array([0.5 * a.asks + 0.5 * a.reply_opens for a in asked])[:, None]
        return topic + W_SHAPE * shape * (topic > 0.1)

    def _signs(self, turns: list[tuple[str, ...]]) -> np.ndarray:
        m = len(self.keys_)
        cue = np.array([[1 - 0.5 ** sum(_near(list(t), c) for c in self.cues_[q] if c)
                         for q in range(m)] for t in turns])
        overlap = np.array([[sum(_compound_present(w, t) for w in self.words_[q])
                             / len(self.words_[q]) if self.words_[q] else 0.0
                             for q in range(m)] for t in turns])
        texts = [" ".join(self.content(t)) for t in turns]
        like = np.zeros((len(turns), m))
        for vec, profiles in self.vectors_:
            like = np.maximum(like, self._like(profiles, vec.transform(texts)))
        return W_CUE * cue + W_OVERLAP * overlap + W_LIKE * like

    def _like(self, profiles, turns) -> np.ndarray:
        sim = (turns @ profiles.T).toarray()  # turns × profiles (rows are l2-normed)
        out = np.zeros((turns.shape[0], len(self.keys_)))
        for q in range(len(self.keys_)):
            out[:, q] = sim[:, self.owner_ == q].max(axis=1)
        return out

    # -- alignment ----------------------------------------------------------------------

    def align(self, scores: np.ndarray) -> list[int | None]:
        """The turn (row) chosen for each question (column), ``None`` when not found."""
        chosen = _viterbi(scores)
        for _ in range(len(chosen)):  # a turn asks one question: settle clashes
            seen: dict[int, int] = {}
            clash = None
            for q, k in enumerate(chosen):
                if k is None:
                    continue
                if k in seen:
                    p = seen[k]
                    clash = q if scores[k, q] < scores[k, p] else p
                    break
                seen[k] = q
            if clash is None:
                break
            scores = scores.copy()
            scores[chosen[clash], clash] = 0.0
            chosen = _viterbi(scores)
        return chosen


def asked_wordings(documents: list[Document], answers: list[Answer]) -> dict[str, list[str]]:
    """Question key → the interviewer turns that asked it, read off coded answers."""
    by_case = documents_by_case(documents)
    by_name = {d.name: d for d in documents}
    out: dict[str, list[str]] = {}
    for a in answers:
        found = question_turn(a, by_name, by_case.get(a.case, []))
        if found is not None:
            out.setdefault(a.question, []).append(found[0].turn_text(found[1]))
    return out


def question_turn(a: Answer, by_name: dict[str, Document],
                  docs: list[Document]) -> tuple[Document, int] | None:
    """The interviewer turn a coded answer replies to: the interviewer's last turn of more
    than three words («Mm.» is not a question) before the answer's evidence; ``None`` when
    the evidence is not found in the case's documents."""
    found = _evidence_turn(a, by_name, docs)
    if found is None:
        return None
    doc, i = found
    for j in range(i - 1, -1, -1):
        if doc.turns[j].role == INTERVIEWER and len(doc.turn_text(j).split()) > 3:
            return doc, j
    return None


def _evidence_turn(a: Answer, by_name: dict, docs: list[Document]):
    if a.document in by_name and a.start is not None:
        doc = by_name[a.document]
        for i, t in enumerate(doc.turns):
            if t.start <= a.start < t.end:
                return doc, i
    if a.evidence:
        for doc in docs:
            for i, t in enumerate(doc.turns):
                if t.case == a.case and a.evidence in doc.turn_text(i):
                    return doc, i
    return None


@lru_cache(maxsize=8192)
def _lemmas(seg: Segmenter, text: str) -> tuple[str, ...]:
    # cached: evaluation fits a locator per case and reads the same turns each time
    return tuple(w for s in seg.sentences(text) for w in s.lemmas.split())


def _viterbi(scores: np.ndarray) -> list[int | None]:
    """Best path through the questions in guide order; state n is «not asked»."""
    n, m = scores.shape
    unary = np.vstack([np.where(scores >= FLOOR, scores, -np.inf), np.full((1, m), FLOOR)])
    k = np.arange(n + 1)
    step = k[None, :] - k[:, None]  # from row state to column state
    bonus = np.where((step >= 1) & (step <= NEAR), NEXT_BONUS,
                     np.where((step <= -1) & (step >= -NEAR), BACK_BONUS, 0.0))
    bonus[n, :] = bonus[:, n] = 0.0
    np.fill_diagonal(bonus, -np.inf)
    bonus[n, n] = 0.0
    best = unary[:, 0].copy()
    back = np.zeros((n + 1, m), dtype=int)
    for q in range(1, m):
        total = best[:, None] + bonus
        back[:, q] = total.argmax(axis=0)
        best = total.max(axis=0) + unary[:, q]
    path = [int(best.argmax())]
    for q in range(m - 1, 0, -1):
        path.append(int(back[path[-1], q]))
    path.reverse()
    return [None if s == n else s for s in path]


def _compound_present(word: str, lemmas) -> bool:
    """``word`` is in ``lemmas``, or a compound and its last part is («resultatmåling» asked
    as «målinger», «saksområde» as «området»): Norwegian joins what English writes apart."""
    return word in lemmas or any(len(w) >= 4 and len(word) > len(w) and word.endswith(w)
                                 for w in lemmas)


def _near(words: list[str], phrase: list[str], slack: int = 3) -> bool:
    """All the phrase's words within a window of its length plus ``slack``, in any order."""
    n = len(phrase) + slack
    need = set(phrase)
    return any(need <= set(words[i:i + n]) for i in range(max(1, len(words) - n + 1)))
