"""How good are the suggestions? Leave-one-case-out evaluation against manual coding.

Unit: the informant turn. A turn's gold codes are the codes a person's codings put on it; a
suggester's codes are those its suggestions put on it. The model is refitted once per case on
the other cases' turns only, so it is never scored on a case it has seen.
"""

from __future__ import annotations

from typing import Callable

import pandas as pd

from ..coding.suggest.model import TurnExample
from ..model import (INFORMANT, Answer, Codebook, Coding, Document, Sentence,
                     documents_by_case)


def turn_examples(documents: list[Document], sentences: dict[str, list[Sentence]],
                  codings: list[Coding]) -> list[TurnExample]:
    """Informant turns with their lemmas and the codes ``codings`` put on them."""
    by_doc: dict[str, list[Coding]] = {}
    for c in codings:
        by_doc.setdefault(c.document, []).append(c)
    out = []
    for doc in documents:
        sents = sentences.get(doc.name, [])
        for i, t in enumerate(doc.turns):
            if t.role != INFORMANT:
                continue
            lemmas = " ".join(s.lemmas for s in sents if s.turn == i)
            codes = frozenset(c.code for c in by_doc.get(doc.name, ())
                              if c.start < t.end and t.start < c.end)
            out.append(TurnExample(doc.name, t.case or "", t.start, t.end, lemmas, codes))
    return out


def codes_on_turns(examples: list[TurnExample], suggestions: list[Coding]) -> list[set[str]]:
    """The codes suggestions put on each example turn (any overlap)."""
    by_doc: dict[str, list[Coding]] = {}
    for c in suggestions:
        by_doc.setdefault(c.document, []).append(c)
    return [{c.code for c in by_doc.get(e.document, ()) if c.start < e.end and e.start < c.end}
            for e in examples]


def with_rule_codes(examples: list[TurnExample],
                    rule_codings: list[Coding]) -> list[TurnExample]:
    """``examples`` carrying the codes the rule suggestions put on each turn (``rules``)."""
    import dataclasses

    return [dataclasses.replace(e, rules=frozenset(r))
            for e, r in zip(examples, codes_on_turns(examples, rule_codings))]


def cross_validated_model(examples: list[TurnExample], make_model: Callable,
                          progress: Callable | None = None,
                          workers: int | None = 1) -> list[set[str]]:
    """Model codes per turn, each case predicted by a model fitted without that case.

    ``progress``, when given, wraps the cases like ``tqdm(cases, total=n, desc=...)``.
    ``workers``: processes to fit the folds in (None: one per core; see ``folds.Folds``);
    the codes are the same with any number.
    """
    from .folds import Folds

    with Folds(workers, tasks=len({e.case for e in examples})) as folds:
        return folds.cross_validate(examples, make_model).result(progress)


def scores(gold: list[set[str]], predicted: dict[str, list[set[str]]],
           codes: list[str]) -> pd.DataFrame:
    """Precision, recall, F1 and support per method and code, then micro and macro averages."""
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.preprocessing import MultiLabelBinarizer

    mlb = MultiLabelBinarizer(classes=codes)
    y = mlb.fit_transform([g & set(codes) for g in gold])
    rows = []
    for method, pred in predicted.items():
        p = mlb.transform([x & set(codes) for x in pred])
        prec, rec, f1, sup = precision_recall_fscore_support(y, p, zero_division=0)
        rows += [[method, c, prec[k], rec[k], f1[k], int(sup[k])] for k, c in enumerate(codes)]
        for avg in ("micro", "macro"):
            P, R, F, _ = precision_recall_fscore_support(y, p, average=avg, zero_division=0)
            rows.append([method, f"{avg} avg", P, R, F, int(y.sum())])
    return pd.DataFrame(rows, columns=["method", "code", "precision", "recall", "f1", "support"])


def micro_f1_intervals(gold: list[set[str]], predicted: dict[str, list[set[str]]],
                       codes: list[str], cases: list[str], n: int = 2000,
                       seed: int = 0) -> dict[str, tuple[float, float]]:
    """A 95 % interval of each method's micro-F1, resampling cases with replacement.

    Cases, not turns, are what a new study changes (another informant, another office), and
    turns of one interview hang together; with eight cases the interval is wide, and saying
    so is part of reporting the figure honestly.
    """
    import numpy as np

    keep = set(codes)
    labels = sorted(set(cases))
    at = {c: i for i, c in enumerate(labels)}
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(labels), size=(n, len(labels)))
    out = {}
    for method, pred in predicted.items():
        counts = np.zeros((len(labels), 3))  # tp, fp, fn per case
        for g, p, case in zip(gold, pred, cases):
            g, p = g & keep, p & keep
            counts[at[case]] += (len(g & p), len(p - g), len(g - p))
        tp, fp, fn = counts[draws].sum(axis=1).T
        denominator = 2 * tp + fp + fn
        f1 = np.divide(2 * tp, denominator, out=np.zeros_like(tp), where=denominator > 0)
        out[method] = (float(np.percentile(f1, 2.5)), float(np.percentile(f1, 97.5)))
    return out


def cross_validated_answers(codebook: Codebook, documents: list[Document],
                            gold: list[Answer]) -> list:
    """Answer suggestions per case, each from a suggester that learned from the other
    cases' coded answers only (``AnswerSuggestion``s, in case order)."""
    from ..coding.suggest import AnswerSuggester

    by_case = documents_by_case(documents)
    out = []
    for case in sorted(by_case):
        fitted = AnswerSuggester(codebook).fit(documents, [a for a in gold if a.case != case])
        out += [s for s in fitted.predict(by_case[case]) if s.case == case]
    return out


def where_asked(documents: list[Document], gold: list[Answer]) -> dict:
    """(case, question) → the interviewer turns ((document, start, end)) that asked it, read
    off the coded answers' evidence (see ``question_turn``)."""
    from ..coding.suggest.locate import question_turn

    by_case = documents_by_case(documents)
    by_name = {d.name: d for d in documents}
    out: dict[tuple[str, str], set] = {}
    for a in gold:
        found = question_turn(a, by_name, by_case.get(a.case, []))
        if found is not None:
            doc, i = found
            out.setdefault((a.case, a.question), set()).add(
                (doc.name, doc.turns[i].start, doc.turns[i].end))
    return out


def answer_scores(gold: list[Answer], suggested: list,
                  asked: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Accuracy of suggested answers (``AnswerSuggestion``s) against a person's, and whether
    the question was found where it was asked.

    Args:
        gold: a person's answers.
        suggested: the suggestions.
        asked: (case, question) → interviewer turns ((document, start, end)) that asked it,
            when known (``where_asked``, or a benchmark's questions.csv).

    Returns:
        A one-row summary: ``n`` answers, ``correct``, ``accuracy`` (of all, a question not
        found or not read counting as wrong), ``asked`` (answers whose question turn is
        known), ``found`` (of those, the suggestion took that turn), ``no_answer`` («no
        answer found»: no turn was plausible), ``not_read`` (turn found, reply not read);
        and the rows (question, gold, suggested; ``(none)`` without a category).
    """
    from ..coding.suggest.answers import NO_ANSWER

    asked = asked or {}
    got = {(s.case, s.question): s for s in suggested}
    rows, n_asked, found, no_answer, not_read = [], 0, 0, 0, 0
    for a in gold:
        s = got.get((a.case, a.question))
        rows.append((a.question, a.category, s.category if s and s.category else "(none)"))
        no_answer += s is None or s.evidence == NO_ANSWER
        not_read += s is not None and s.asked is not None and not s.category
        if (a.case, a.question) in asked:
            n_asked += 1
            found += s is not None and s.asked is not None and (
                s.document, *s.asked) in asked[(a.case, a.question)]
    frame = pd.DataFrame(rows, columns=["question", "gold", "suggested"])
    n = len(frame)
    correct = int((frame["gold"] == frame["suggested"]).sum())
    summary = pd.DataFrame([["answers", n, correct, (correct / n) if n else float("nan"),
                             n_asked, found, no_answer, not_read]],
                           columns=["what", "n", "correct", "accuracy", "asked", "found",
                                    "no_answer", "not_read"])
    return summary, frame


def confusion(frame: pd.DataFrame, categories: list[str]) -> pd.DataFrame:
    """Gold (rows) × suggested (columns) counts for one scale's answers."""
    cols = categories + ["(none)"]
    table = pd.crosstab(pd.Categorical(frame["gold"], categories=categories),
                        pd.Categorical(frame["suggested"], categories=cols), dropna=False)
    table.index.name, table.columns.name = "gold", "suggested"
    return table
