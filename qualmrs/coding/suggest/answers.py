"""Answer suggestions for closed questions.

For each case: find the interviewer turns that ask the questions (``locate.py``: cues,
content words, likeness to the question's wordings, the guide's order), then read each
informant's reply on the question's scale from the scale's category cues in the codebook. A
reply that opens with its answer is taken at its word; negation («den begrenser ikke») moves a
cue to the middle category, or to its opposite when the speaker reverses («… heller tvert
imot»); a bare «ja»/«nei» answers the category the question itself names; softeners («vel»,
«kanskje») lower the confidence. When no interviewer turn is plausible, the answer is «no
answer found», never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...model import (INFORMANT, INTERVIEWER, Answer, Codebook, Document, Question,
                      Scale, documents_by_case)
from ...segment import Segmenter, language_data
from .lemmadoc import lemma_doc
from .locate import QuestionLocator, asked_wordings

SOURCE = "rule"
NO_ANSWER = "no answer found"


@dataclass(frozen=True)
class AnswerSuggestion:
    """A reading of one case's reply; ``category`` is empty when none could be made."""

    case: str
    question: str
    category: str
    confidence: float
    evidence: str
    document: str | None = None
    start: int | None = None
    end: int | None = None
    asked: tuple[int, int] | None = None  # the interviewer turn taken to ask the question

    def answer(self) -> Answer:
        return Answer(self.case, self.question, self.category, SOURCE, SOURCE, self.evidence,
                      self.document, self.start, self.end, self.confidence)


class AnswerSuggester:
    """Locate each closed question in the interview and read the reply.

    Args:
        codebook: questions (text, cues, guide order) and scales (category cues).
        segmenter: for lemmas (the language's own by default).

    ``fit(documents, answers)`` learns from coded answers, when a project has them: the
    interviewer turns that asked each question (wordings the locator then recognises).
    Without them the codebook's question texts and cues are all it goes on.
    """

    def __init__(self, codebook: Codebook, segmenter: Segmenter | None = None):
        self.codebook = codebook
        self.segmenter = segmenter

    def fit(self, documents: list[Document] | None = None,
            answers: list[Answer] | None = None) -> "AnswerSuggester":
        from ...segment import segmenter, stop_lemmas

        seg = self.segmenter or segmenter(self.codebook.language)
        self.segmenter_ = seg
        self.lang_ = language_data(self.codebook.language)
        self.scale_cues_ = {
            key: {cat: [_lemmas(seg, c) for c in cues] for cat, cues in s.cues.items()}
            for key, s in self.codebook.scales.items()}
        self.reversals_ = [_lemmas(seg, r) for r in self.lang_["reversals"]]
        self.conclusions_ = [_lemmas(seg, c) for c in self.lang_["conclusions"]]
        self.refers_back_ = [_lemmas(seg, r) for r in self.lang_["refers_back"]]
        openers = [[w] for w in sorted(self.lang_["yes"] | self.lang_["no"])] + [
            c for cues in self.scale_cues_.values() for cs in cues.values() for c in cs]
        self.locator_ = QuestionLocator(self.codebook, seg, set(stop_lemmas(
            self.codebook.language)), openers).fit(
                asked_wordings(documents or [], answers or []))
        return self

    def predict(self, documents: list[Document]) -> list[AnswerSuggestion]:
        """One suggestion per case and question (empty category: none found)."""
        if not hasattr(self, "segmenter_"):
            self.fit()
        by_case = documents_by_case(documents)
        out = []
        for case in sorted(by_case):
            asked = self.locator_.turns(case, by_case[case])
            scores = self.locator_.scores(asked)
            chosen = self.locator_.align(scores)
            for qi, q in enumerate(self.codebook.questions):
                k = chosen[qi]
                if k is None:
                    out.append(AnswerSuggestion(case, q.key, "", 0.0, NO_ANSWER))
                    continue
                a = asked[k]
                got = self._read(case, q, a.document, a.turn)
                where = a.document.turns[a.turn]
                out.append(replace(got, confidence=round(got.confidence * min(
                    1.0, float(scores[k, qi]) / 0.6), 3), asked=(where.start, where.end)))
        return out

    # -- reading the reply --------------------------------------------------------------------

    def _reply(self, doc: Document, i: int, case: str) -> list[int]:
        """The case's turns after turn ``i``, through short interviewer back-channels."""
        turns, j = [], i + 1
        while j < len(doc.turns) and len(turns) < 3:
            t = doc.turns[j]
            if t.role == INFORMANT and t.case == case:
                turns.append(j)
            elif len(doc.turn_text(j).split()) > 4 or turns == [] and t.role != INFORMANT:
                break
            j += 1
        return turns

    def _read(self, case: str, q: Question, doc: Document, i: int) -> AnswerSuggestion:
        scale = self.codebook.scales[q.scale]
        asked = _lemmas(self.segmenter_, doc.turn_text(i))
        framing = self._framing(scale, asked)
        votes, best, soft = self._votes(scale, framing, doc, self._reply(doc, i, case), i,
                                        echo=self._alternatives(scale, asked))
        if not votes and any(_contains(asked, r) for r in self.refers_back_):
            # «Som du sa i sted …»: the reply may have come before the question was put.
            votes, best, soft = self._votes(scale, framing, doc, self._before(doc, i, case),
                                            i, weight=0.6)
        if not votes:
            return AnswerSuggestion(case, q.key, "", 0.0, "question asked at "
                                    f"{doc.name}:{doc.turns[i].start}; reply not read",
                                    doc.name)
        category = max(votes, key=lambda c: (votes[c], -scale.categories.index(c)))
        confidence = votes[category] / sum(votes.values()) * (0.85 if soft else 1.0)
        _, start, end = best[category]
        return AnswerSuggestion(case, q.key, category, round(confidence, 3),
                                doc.text[start:end], doc.name, start, end)

    def _before(self, doc: Document, i: int, case: str) -> list[int]:
        """The case's last turn before the interviewer's turn ``i``."""
        for j in range(i - 1, max(-1, i - 3), -1):
            if doc.turns[j].role == INFORMANT and doc.turns[j].case == case:
                return [j]
        return []

    def _votes(self, scale: Scale, framing: str | None, doc: Document, turns: list[int],
               i: int, weight: float = 1.0, echo: dict[str, str] | None = None):
        """Votes per category over the reply's sentences, the best sentence per category,
        and whether the speaker softened («vel», «kanskje»). ``echo``: words of an either–or
        question that answer it when they open the reply."""
        seg = self.segmenter_
        votes: dict[str, float] = {}
        best: dict[str, tuple[float, int, int]] = {}
        soft = False
        for n, j in enumerate(turns):
            t = doc.turns[j]
            sentences = list(_sentences(seg, doc.text, t.start, t.end))
            for k, (start, end, lemmas) in enumerate(sentences):
                if not n and not k and lemmas[:1] and lemmas[0] in self.lang_["yes_opening"]:
                    lemmas = ["ja", *lemmas[1:]]  # «Jo, det vet vi»: yes to a doubt
                w = weight * (1.0 / (1 + 0.5 * k) if j == i + 1 or k else 0.8)
                if any(_contains(lemmas, c) for c in self.conclusions_):
                    w = max(w, 1.2 * weight)
                soft = soft or any(x in self.lang_["softeners"] for x in lemmas)
                # «Nei, det begrenser ikke. Snarere tvert imot.»: the reversal may open the
                # next sentence.
                following = sentences[k + 1][2] if k + 1 < len(sentences) else []
                reversed_ = self._reversed(lemmas) or self._reversed(following[:4])
                said = self._sentence_votes(scale, lemmas, framing, reversed_)
                if not n and not k and not said and echo:
                    said = {echo[x]: 1.0 for x in lemmas[:2] if x in echo}
                if not n and not k and said:
                    w *= 2  # the reply opens with its answer; what follows are reasons
                for cat, v in said.items():
                    votes[cat] = votes.get(cat, 0.0) + v * w
                    if v * w > best.get(cat, (0.0,))[0]:
                        best[cat] = (v * w, start, end)
        return votes, best, soft

    def _alternatives(self, scale: Scale, question_lemmas: list[str]) -> dict[str, str]:
        """«Blir friheten større eller mindre?» – «Mindre.»: when an either–or question
        offers both ends of the scale, each of its words that belongs to the cues of one end
        only («større rom», «mindre rom»)."""
        if "eller" not in question_lemmas:
            return {}
        owners: dict[str, set[str]] = {}
        for cat, cues in self.scale_cues_[scale.key].items():
            if cat in scale.opposites:
                for word in {w for cue in cues for w in cue}:
                    owners.setdefault(word, set()).add(cat)
        skip = self.lang_["negators"] | {"eller", "og"}
        echo = {w: next(iter(owners[w])) for w in question_lemmas
                if w not in skip and len(owners.get(w, ())) == 1}
        return echo if len(set(echo.values())) == 2 else {}

    def _framing(self, scale: Scale, question_lemmas: list[str]) -> str | None:
        """The one extreme category the question names («Begrenser det …?»), if any."""
        named = [c for c, cues in self.scale_cues_[scale.key].items()
                 if c in scale.opposites and any(_contains(question_lemmas, x) for x in cues)]
        return named[0] if len(named) == 1 else None

    def _reversed(self, lemmas: list[str]) -> bool:
        """A reversal marker, but not «heller ikke» («not … either»), which only negates."""
        for r in self.reversals_:
            for s in _find(lemmas, r):
                after = lemmas[s + len(r):s + len(r) + 1]
                if not set(after) & self.lang_["negators"]:
                    return True
        return False

    def _sentence_votes(self, scale: Scale, lemmas: list[str], framing: str | None,
                        reversed_: bool) -> dict:
        cues = self.scale_cues_[scale.key]
        matches = []  # (start, end, category), longest first, not overlapping
        for cat, phrases in cues.items():
            for p in phrases:
                for s, e in _find_gapped(lemmas, p):
                    matches.append((s, e, cat))
        matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
        taken, chosen = set(), []
        for m in matches:
            if not taken & set(range(m[0], m[1])):
                chosen.append(m)
                taken |= set(range(m[0], m[1]))
        middle = _middle(scale)
        negators = self.lang_["negators"]
        votes: dict[str, float] = {}
        for s, e, cat in chosen:
            cue_words = lemmas[s:e]
            near = lemmas[max(0, s - 3):s] + lemmas[e:e + 2]
            # «Nei, egentlig ikke»: a negator beside a cue that is itself a no («nei», «aldri»)
            # repeats the no; it does not turn it round.
            negated = (not (set(cue_words) & (negators | self.lang_["no"]))
                       and bool(set(near) & negators))
            if negated and cat in scale.opposites:
                target = scale.opposites[cat] if reversed_ else middle
                if target:
                    votes[target] = votes.get(target, 0.0) + 0.8
            elif not negated:
                votes[cat] = votes.get(cat, 0.0) + 1.0
        if framing and lemmas:
            head = lemmas[:2]
            if set(head) & self.lang_["yes"]:
                votes[framing] = votes.get(framing, 0.0) + 0.6
            elif set(head) & self.lang_["no"]:
                target = scale.opposites.get(framing) if reversed_ else middle
                if target:
                    votes[target] = votes.get(target, 0.0) + 0.6
        elif lemmas and set(lemmas[:2]) & self.lang_["no"] and middle and not reversed_ and not any(
                [n] in cs for n in self.lang_["no"] for cs in cues.values()):
            # «Gjør styringen noe med det?» – «Nei, …»: on a scale without a no, no change
            votes[middle] = votes.get(middle, 0.0) + 0.6
        return votes


def _middle(scale: Scale) -> str | None:
    """The category between two opposites (Nøytral, Verken … eller …), if the scale has one."""
    inner = [c for c in scale.categories if c not in scale.opposites]
    return inner[0] if len(inner) == 1 else None


def _lemmas(seg: Segmenter, text: str) -> list[str]:
    return [t.lemma_.lower() for t in lemma_doc(seg, text) if not (t.is_punct or t.is_space)]


def _sentences(seg: Segmenter, text: str, start: int, end: int):
    for s in seg.sentences(text[start:end], offset=start):
        yield s.start, s.end, [w for w in s.lemmas.split()]


def _find(words: list[str], phrase: list[str]) -> list[int]:
    n = len(phrase)
    return [i for i in range(len(words) - n + 1) if n and words[i:i + n] == phrase]


def _contains(words: list[str], phrase: list[str]) -> bool:
    return bool(_find(words, phrase))


def _find_gapped(words: list[str], phrase: list[str], slack: int = 2) -> list[tuple[int, int]]:
    """Spans where the phrase's words occur in order with at most ``slack`` words between
    them in all («verken gir oss mer eller mindre» for «verken mer eller mindre»)."""
    out = []
    for i, w in enumerate(words):
        if not phrase or w != phrase[0]:
            continue
        j, gaps, ok = i, 0, True
        for p in phrase[1:]:
            k = j + 1
            while k < len(words) and words[k] != p and gaps + (k - j - 1) < slack:
                k += 1
            if k >= len(words) or words[k] != p:
                ok = False
                break
            gaps += k - j - 1
            j = k
        if ok:
            out.append((i, j + 1))
    return out
