"""Suggestions wired to the store: fill, list, accept, reject, and evaluate them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import QualmrsError
from ..model import MANUAL
from ..store import Store
from .core import choose_coder, steps
from .rounds import LEARNED_FROM

__all__ = ["suggest", "suggestions", "suggest_answers", "accept", "reject", "evaluate",
           "SuggestReport"]

MODEL_NAME = "codes"


@dataclass
class SuggestReport:
    rules: int = 0
    model: int = 0
    notes: list[str] = field(default_factory=list)


def _training(store: Store, coder: str | None, documents, sentences, blind=None):
    """Whose coding the model learns from, every informant turn with the codes that coder put
    on it, and those of the turns that can teach: the turns of documents the coder has coded.
    A document nobody has opened yet says nothing about its turns (issue 14: in the browser a
    person codes one interview after another, and the model learns in between). ``coder`` is
    resolved as the views resolve it; during a blind round a blind viewer learns from their own
    coding, and only theirs.

    Raises:
        QualmrsError: a blind viewer asks to learn from another coder.
    """
    from ..analyse.evaluate import turn_examples

    if blind is not None:
        if coder not in (None, blind.viewer):
            raise QualmrsError(f"blind round {blind.round.id} is open: {blind.viewer}'s "
                               "suggestions are learned only from their own coding",
                               key="--coder")
        who = blind.viewer
    else:
        who = choose_coder(store, coder)
    codings = store.codings(coder=who) if who else []
    examples = turn_examples(documents, sentences, codings)
    coded = {c.document for c in codings}
    return who, examples, [e for e in examples if e.document in coded]


def suggest(store: Store, rules: bool = True, model: bool = True,
            coder: str | None = None, min_examples: int = 5, progress=None,
            blind=None) -> SuggestReport:
    """Replace the rule and/or model suggestions; manual codings are never touched.

    The model is fitted on ``coder``'s manual codings (all cases) and saved with the project;
    without manual codings there is no model, and only rules run. During a blind round a
    blind viewer's model learns from their coding alone (``blind``: their
    ``rounds.Blind``), and its suggestions on the round's documents are shown to them only.
    ``progress``: a tqdm-like callable for a bar over the documents (see ``ingest``).
    """
    from ..analyse.evaluate import with_rule_codes
    from ..coding.suggest import ModelSuggester, RuleSuggester, definition_examples

    report = SuggestReport()
    book = store.codebook
    documents, sentences = store.documents(), store.sentences()
    found = []
    if rules:
        if not any(c.phrases or c.patterns for c in book.codes):
            report.notes.append("the codebook has no phrases or patterns: no rule suggestions")
        found = RuleSuggester(book).predict(steps(progress, documents, "rules"), sentences)
        store.replace_suggestions("rule", codings=found)
        report.rules = len(found)
    if model:
        who, examples, taught = _training(store, coder, documents, sentences, blind)
        if not any(e.codes for e in taught):
            report.notes.append("no manual codings yet: the model needs some to learn from")
        else:
            # With rules on, the model reads their matches as words (`rules+model` in evaluate)
            if rules:
                examples, taught = (with_rule_codes(x, found) for x in (examples, taught))
            fitted = ModelSuggester(min_examples=min_examples, use_rules=rules,
                                    definitions=definition_examples(book)).fit(taught)
            for code, why in sorted(fitted.skipped_.items()):
                report.notes.append(f"model skips {code}: {why}")
            store.save_model(MODEL_NAME, fitted.to_json())
            store.save_model(LEARNED_FROM, who)  # whose suggestions they are, in a blind round
            found = fitted.predict(examples)
            store.replace_suggestions("model", codings=found)
            report.model = len(found)
            report.notes.append(f"model learned {len(fitted.codes_)} codes from {who}'s coding "
                                f"of {len(taught)} informant turns; saved in the project")
    return report


def suggestions(store: Store):
    """Stored suggestions: ``document,case,start,end,code,source,confidence,text,id``."""
    import pandas as pd

    docs = {d.name: d for d in store.documents()}
    rows = []
    for c in store.codings(source=None):
        if c.source == MANUAL:
            continue
        doc = docs[c.document]
        turn = doc.turn_at(c.start, c.end)
        rows.append((c.document, turn.case if turn and turn.case else "", c.start, c.end,
                     c.code, c.source, c.confidence, doc.text[c.start:c.end], c.id))
    return pd.DataFrame(rows, columns=["document", "case", "start", "end", "code", "source",
                                       "confidence", "text", "id"])


def suggest_answers(store: Store):
    """Suggest and store (source ``rule``) an answer per case and closed question.

    Returns ``case,question,category,source,confidence,evidence``; a question not found in a
    case's interview has an empty category and the evidence «no answer found».
    """
    import pandas as pd

    from ..coding.suggest import AnswerSuggester

    documents = store.documents()
    # Coded answers (anyone's) show how this project's interviewers put each question.
    found = AnswerSuggester(store.codebook).fit(documents, store.answers()).predict(documents)
    store.replace_suggestions("rule", answers=[s.answer() for s in found if s.category])
    return pd.DataFrame([(s.case, s.question, s.category, "rule", s.confidence, s.evidence)
                         for s in found],
                        columns=["case", "question", "category", "source", "confidence",
                                 "evidence"])


def accept(store: Store, coder: str, code: str | None = None, min_confidence: float = 0.0,
           ids: list[int] | None = None) -> tuple[int, int]:
    """Make suggestions ``coder``'s manual codings and answers, as one step."""
    if not coder or coder in ("rule", "model"):
        raise QualmrsError("--coder must name the person who accepts the suggestions")
    with store.atomic(command="accept" + (f" --code {code}" if code else "")
                      + (f" {len(ids)} suggestion(s)" if ids is not None else ""), actor=coder):
        # Asked by id, the suggestions must still be there; none made may also mean the coder
        # had coded that span with that code already, which accepting leaves as one coding.
        if ids and not any(c.source != MANUAL for c in store.codings(source=None, ids=ids)):
            raise SuggestionGone("that suggestion is no longer there (the suggestions were "
                                 "made again); reload")
        return store.accept(coder, code, min_confidence, ids=ids)


def reject(store: Store, code: str | None = None, source: str | None = None,
           ids: list[int] | None = None, actor: str | None = None) -> tuple[int, int]:
    """Drop suggestions, as one step."""
    if source not in (None, "rule", "model"):
        raise QualmrsError("--source is 'rule' or 'model'")
    with store.atomic(command="reject" + (f" --code {code}" if code else "")
                      + (f" --source {source}" if source else "")
                      + (f" {len(ids)} suggestion(s)" if ids is not None else ""), actor=actor):
        done = store.reject(code, source, ids=ids)
    if ids and not done[0]:
        raise SuggestionGone("that suggestion is no longer there (the suggestions were made "
                             "again); reload")
    return done


class SuggestionGone(QualmrsError):
    """Suggestions asked for by id are gone: refreshed since the caller read them."""


def evaluate(store: Store, coder: str | None = None, min_examples: int = 5, progress=None,
             workers: int | None = None):
    """Leave-one-case-out scores against a person's coding: ``rules``; ``model`` (text
    only); ``rules+model`` (the model reading the rule matches as words, which is what
    ``suggest`` stores as ``model`` when rules are on); ``rules|model`` (a turn gets a code
    from either, which is everything ``suggest`` stores). Answers are suggested per case
    by a suggester that learned only from the other cases' coded answers. The model's folds
    run in ``workers`` processes (None: one per core; the scores are the same with any).

    Returns:
        (code scores, answer summary, answer rows with gold and suggested category).
    """
    from functools import partial

    from ..analyse.evaluate import (answer_scores, cross_validated_answers,
                                    micro_f1_intervals, scores, where_asked,
                                    with_rule_codes)
    from ..analyse.folds import Folds
    from ..coding.suggest import ModelSuggester, RuleSuggester, definition_examples

    documents, sentences = store.documents(), store.sentences()
    who, _, examples = _training(store, coder, documents, sentences)
    if not any(e.codes for e in examples):
        raise QualmrsError("no manual codings to evaluate against; import codings first")
    book = store.codebook
    gold = [set(e.codes) for e in examples]
    learns = ModelSuggester(min_examples=min_examples).learnable(examples)[0]
    definitions = definition_examples(book)
    # two variants, one fold per case: that many fits at most at once
    with Folds(workers if learns else 1, tasks=2 * len({e.case for e in examples})) as folds:
        # The text-only model's folds start first: they need no rule matches, and the rules
        # run here meanwhile.
        if learns:
            model = folds.cross_validate(examples, partial(
                ModelSuggester, min_examples=min_examples, definitions=definitions))
        matched = with_rule_codes(examples, RuleSuggester(book).predict(
            steps(progress, documents, "rules"), sentences))
        rules = [set(e.rules) for e in matched]
        predicted, notes = {"rules": rules}, []
        if learns:
            both = folds.cross_validate(matched, partial(
                ModelSuggester, min_examples=min_examples, use_rules=True,
                definitions=definitions))
        answers = store.answers(coder=who) if who else []
        found = cross_validated_answers(book, documents, answers)
        summary, rows = answer_scores(answers, found, where_asked(documents, answers))
        if learns:
            model, both = model.result(progress), both.result(progress)
            predicted.update({"model": model, "rules+model": both,
                              "rules|model": [a | b for a, b in zip(rules, both)]})
    if not learns:  # scores of a model that learned nothing would be zeros that say nothing
        notes.append(f"no model was trained: no code has {min_examples} coded informant turns "
                     f"(and as many without it) in {who}'s coding; only the rules are scored")
    codes = [c.key for c in book.codes if any(c.key in g for g in gold)]
    frame = scores(gold, predicted, codes)
    frame.attrs.update(coder=who, n_turns=len(examples), notes=notes,
                       n_cases=len({e.case for e in examples}),
                       intervals=micro_f1_intervals(gold, predicted, codes,
                                                    [e.case for e in examples]))
    return frame, summary, rows
