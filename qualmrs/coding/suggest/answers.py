"""Answer suggestions for closed questions.

For each case and question: find the interviewer turn that asks it (the question's cue phrases
and the share of the question's content words present, on lemmas; the best turn above a
threshold), then read the informant's reply on the question's scale from the scale's category
cues in the codebook. Negation («den begrenser ikke») moves a cue to the middle category, or to
its opposite when the speaker reverses («… heller tvert imot»); a bare «ja»/«nei» answers the
category the question itself names; softeners («vel», «kanskje») lower the confidence. When no
interviewer turn asks the question, the answer is «no answer found», never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import (INFORMANT, INTERVIEWER, Answer, Codebook, Document, Question, Scale,
                      documents_by_case)
from ...segment import Segmenter, language_data
from .lemmadoc import lemma_doc

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

    def answer(self) -> Answer:
        return Answer(self.case, self.question, self.category, SOURCE, SOURCE, self.evidence,
                      self.document, self.start, self.end, self.confidence)


class AnswerSuggester:
    """Locate each closed question in the interview and read the reply.

    Args:
        threshold: the lowest score (0–1) at which an interviewer turn counts as asking a
            question: 0.7 × (1 − 0.5^cues found) + 0.3 × the share of the question's content
            words in the turn; one cue alone reaches 0.35.
    """

    def __init__(self, codebook: Codebook, threshold: float = 0.35,
                 segmenter: Segmenter | None = None):
        self.codebook = codebook
        self.threshold = threshold
        self.segmenter = segmenter

    def fit(self, *_args, **_kwargs) -> "AnswerSuggester":
        from spacy.lang.nb.stop_words import STOP_WORDS

        seg = self.segmenter or Segmenter(self.codebook.language)
        self.segmenter_ = seg
        self.lang_ = language_data(self.codebook.language)
        stop = {seg.lemma(w) for w in STOP_WORDS} | set(STOP_WORDS) \
            if self.codebook.language == "nb" else set()
        self.content_ = {}
        self.cues_ = {}
        for q in self.codebook.questions:
            words = _lemmas(seg, q.text)
            self.content_[q.key] = {w for w in words if w not in stop and len(w) > 2}
            self.cues_[q.key] = [_lemmas(seg, c) for c in q.cues]
        self.scale_cues_ = {
            key: {cat: [_lemmas(seg, c) for c in cues] for cat, cues in s.cues.items()}
            for key, s in self.codebook.scales.items()}
        self.reversals_ = [_lemmas(seg, r) for r in self.lang_["reversals"]]
        self.conclusions_ = [_lemmas(seg, c) for c in self.lang_["conclusions"]]
        return self

    # -- locating the question --------------------------------------------------------------

    def question_score(self, question: Question, turn_lemmas: list[str]) -> float:
        # Questions invert and interleave words («ligger dere selv an» for «dere ligger an»),
        # so a cue counts when all its words stand close together, in any order.
        hits = sum(_near(turn_lemmas, c) for c in self.cues_[question.key] if c)
        content = self.content_[question.key]
        overlap = (sum(_compound_present(w, turn_lemmas) for w in content) / len(content)
                   if content else 0.0)
        return 0.7 * (1 - 0.5 ** hits) + 0.3 * overlap

    def predict(self, documents: list[Document]) -> list[AnswerSuggestion]:
        """One suggestion per case and question (empty category: none found)."""
        if not hasattr(self, "segmenter_"):
            self.fit()
        seg = self.segmenter_
        by_case = documents_by_case(documents)
        out = []
        for case in sorted(by_case):
            docs = by_case[case]
            asked = [(d, i, _lemmas(seg, d.turn_text(i))) for d in docs
                     for i, t in enumerate(d.turns) if t.role == INTERVIEWER]
            # Best pairs first, each question and each interviewer turn used once: two
            # questions with similar cues then go to the two turns that fit them best.
            pairs = sorted(((self.question_score(q, lem), -k, qi, k)
                            for qi, q in enumerate(self.codebook.questions)
                            for k, (_, _, lem) in enumerate(asked)), reverse=True)
            chosen: dict[int, int] = {}
            used: set[int] = set()
            for score, _, qi, k in pairs:
                if score < self.threshold:
                    break
                if qi not in chosen and k not in used:
                    chosen[qi] = k
                    used.add(k)
            for qi, q in enumerate(self.codebook.questions):
                if qi not in chosen:
                    out.append(AnswerSuggestion(case, q.key, "", 0.0, NO_ANSWER))
                    continue
                doc, i, _ = asked[chosen[qi]]
                out.append(self._read(case, q, doc, i))
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
        seg = self.segmenter_
        framing = self._framing(scale, _lemmas(seg, doc.turn_text(i)))
        votes: dict[str, float] = {}
        best: dict[str, tuple[float, int, int]] = {}
        soft = False
        for j in self._reply(doc, i, case):
            t = doc.turns[j]
            sentences = list(_sentences(seg, doc.text, t.start, t.end))
            for k, (start, end, lemmas) in enumerate(sentences):
                weight = 1.0 / (1 + 0.5 * k) if j == i + 1 or k else 0.8
                if any(_contains(lemmas, c) for c in self.conclusions_):
                    weight = max(weight, 1.2)
                soft = soft or any(w in self.lang_["softeners"] for w in lemmas)
                # «Nei, det begrenser ikke. Snarere tvert imot.»: the reversal may open the
                # next sentence.
                following = sentences[k + 1][2] if k + 1 < len(sentences) else []
                reversed_ = self._reversed(lemmas) or self._reversed(following[:4])
                for cat, w in self._sentence_votes(scale, lemmas, framing, reversed_).items():
                    votes[cat] = votes.get(cat, 0.0) + w * weight
                    if w * weight > best.get(cat, (0.0,))[0]:
                        best[cat] = (w * weight, start, end)
        if not votes:
            return AnswerSuggestion(case, q.key, "", 0.0, "question asked at "
                                    f"{doc.name}:{doc.turns[i].start}; reply not read",
                                    doc.name)
        category = max(votes, key=lambda c: (votes[c], -scale.categories.index(c)))
        confidence = votes[category] / sum(votes.values()) * (0.85 if soft else 1.0)
        _, start, end = best[category]
        return AnswerSuggestion(case, q.key, category, round(confidence, 3),
                                doc.text[start:end], doc.name, start, end)

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
        return votes


def _compound_present(word: str, lemmas: list[str]) -> bool:
    """``word`` is in ``lemmas``, or a compound and its last part is («resultatmåling» asked
    as «målinger», «saksområde» as «området»): Norwegian joins what English writes apart."""
    return word in lemmas or any(len(w) >= 4 and len(word) > len(w) and word.endswith(w)
                                 for w in lemmas)


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


def _near(words: list[str], phrase: list[str], slack: int = 3) -> bool:
    """All the phrase's words within a window of its length plus ``slack``, in any order."""
    n = len(phrase) + slack
    need = set(phrase)
    return any(need <= set(words[i:i + n]) for i in range(max(1, len(words) - n + 1)))
