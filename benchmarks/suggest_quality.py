"""Quality of the suggestions (make bench). Figures, not pass/fail.

1. The sample study, as `qualmrs evaluate` prints it: per-code precision, recall and F1 at turn
   level, leave-one-case-out, for rules, model and both; then the answers (also learned
   leave-one-case-out).
2. Independent interviews (`benchmarks/independent/`), each set scored by the same code:
   the model and the answer suggester trained on the sample alone (as a user with the sample's
   coding would use them), rules as they are. Per set: micro-F1 with its 95 % interval over
   cases, questions found where asked (questions.csv), answer accuracy, «no answer found».

   - `dev` (J–O) and `test` (P–U): where the method's choices were made (`test` was scored
     once in an earlier round and is development data since);
   - `final` (L1–L8, four writers with their own interviewers): scored once, after every
     choice was made (see benchmarks/independent/final/README.md).

    python benchmarks/suggest_quality.py [--sets dev,test,final]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BOOK = ROOT / "codebooks" / "mrs_nav.yaml"
INDEPENDENT = ROOT / "benchmarks" / "independent"
SAMPLE_QUESTIONS = ROOT / "benchmarks" / "sample_questions.csv"
SETS = ("dev", "test", "final")


@dataclasses.dataclass
class Study:
    """One coded folder: informant turns with gold codes and rule matches, the documents,
    the coded answers and where each question was asked (from questions.csv)."""

    examples: list
    documents: list
    answers: list
    asked: dict


def load(db: Path, questions: Path) -> Study:
    from qualmrs.analyse.evaluate import turn_examples, with_rule_codes
    from qualmrs.coding.suggest import RuleSuggester
    from qualmrs.project import open_project

    with open_project(db) as store:
        docs, sents = store.documents(), store.sentences()
        examples = with_rule_codes(turn_examples(docs, sents, store.codings()),
                                   RuleSuggester(store.codebook).predict(docs, sents))
        return Study(examples, docs, store.answers(), where_asked(docs, questions))


def where_asked(documents: list, questions: Path) -> dict:
    """(case, question) → interviewer turns ((document, start, end)) holding a quote of
    questions.csv (columns question, document, quote)."""
    from qualmrs.model import INTERVIEWER

    by_name = {d.name: d for d in documents}
    out: dict = {}
    with open(questions, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            doc = by_name[row["document"]]
            case = next(t.case for t in doc.turns if t.case)
            for i, t in enumerate(doc.turns):
                if t.role == INTERVIEWER and row["quote"].strip() in doc.turn_text(i):
                    out.setdefault((case, row["question"]), set()).add((doc.name, t.start, t.end))
    return out


def held_out(train: list, test: list) -> dict[str, list[set[str]]]:
    """Codes per test turn from each method, the model fitted on ``train`` only (the two
    variants side by side in worker processes, as `qualmrs evaluate` runs its folds)."""
    from functools import partial

    from qualmrs.analyse.folds import Folds
    from qualmrs.codebook import load_codebook
    from qualmrs.coding.suggest import ModelSuggester, definition_examples

    definitions = definition_examples(load_codebook(BOOK))
    rules = [set(e.rules) for e in test]

    def fit(folds: Folds, use_rules: bool):
        return folds.split(train, test, partial(ModelSuggester, use_rules=use_rules,
                                                definitions=definitions))

    with Folds(tasks=2) as folds:
        both, model = fit(folds, True), fit(folds, False)
        both, model = both.result(), model.result()
    return {"rules": rules, "model": model, "rules+model": both,
            "rules|model": [a | b for a, b in zip(rules, both)]}


def micro(test: list, predicted: dict[str, list[set[str]]]) -> dict[str, tuple]:
    """Turn-level micro precision, recall, F1 and the F1's 95 % interval over cases, per
    method: ``{method: (P, R, F1, low, high)}``; the codes are those in the test's gold."""
    from qualmrs.analyse.evaluate import micro_f1_intervals, scores
    from qualmrs.codebook import load_codebook

    gold = [set(e.codes) for e in test]
    codes = [c.key for c in load_codebook(BOOK).codes if any(c.key in g for g in gold)]
    frame = scores(gold, predicted, codes)
    rows = frame[frame["code"] == "micro avg"].set_index("method")
    spans = micro_f1_intervals(gold, predicted, codes, [e.case for e in test])
    return {m: (r.precision, r.recall, r.f1, *spans[m]) for m, r in rows.iterrows()}


def micro_line(test: list, predicted: dict[str, list[set[str]]]) -> str:
    return "\n".join(f"  {m:12s} P {p:.3f}  R {r:.3f}  micro-F1 {f:.3f} [{lo:.3f}–{hi:.3f}]"
                     for m, (p, r, f, lo, hi) in micro(test, predicted).items())


def answer_line(gold: list, found: list, asked: dict) -> str:
    from qualmrs.analyse.evaluate import answer_scores

    summary, _ = answer_scores(gold, found, asked)
    r = summary.iloc[0]
    return (f"answers: questions found where asked {r['found']} of {r['asked']}; accuracy "
            f"{r['accuracy']:.3f} ({r['correct']} of {r['n']}); «no answer found» "
            f"{r['no_answer']}; reply not read {r['not_read']}")


def independent(tmp: Path, sample: Study, part: str, more: list[Study]) -> Study:
    """Print one set's figures, trained on the sample (and, when ``more`` is given, also
    on the sample and ``more``); returns the set, pooled."""
    from qualmrs.codebook import load_codebook
    from qualmrs.coding.suggest import AnswerSuggester
    from qualmrs.project import run

    studies = [load(run(w, BOOK, tmp / f"{part}-{w.name}", report=False).db,
                    w / "questions.csv")
               for w in sorted((INDEPENDENT / part).iterdir()) if w.is_dir()]
    pooled = Study([e for s in studies for e in s.examples],
                   [d for s in studies for d in s.documents],
                   [a for s in studies for a in s.answers],
                   {k: v for s in studies for k, v in s.asked.items()})
    target = pooled.examples
    cases = sorted({e.case for e in target})
    print(f"\nIndependent {part} interviews: {len(cases)} cases ({' '.join(cases)}), "
          f"{len(target)} informant turns, {sum(len(e.codes) for e in target)} turn codes")
    book = load_codebook(BOOK)
    trainings = [([sample], "the sample")]
    if more:
        trainings.append(([sample, *more], "the sample and the dev and test interviews"))
    for train, label in trainings:
        n_cases = len({e.case for s in train for e in s.examples})
        examples = [e for s in train for e in s.examples]
        print(f"Trained on {label} ({len(examples)} turns, {n_cases} cases):")
        print(micro_line(target, held_out(examples, target)))
        answers = AnswerSuggester(book).fit([d for s in train for d in s.documents],
                                            [a for s in train for a in s.answers])
        print("  " + answer_line(pooled.answers, answers.predict(pooled.documents),
                                 pooled.asked))
    return pooled


def main() -> None:
    from qualmrs.analyse.evaluate import cross_validated_answers
    from qualmrs.codebook import load_codebook
    from qualmrs.export import frames
    from qualmrs.project import evaluate, open_project, run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS),
                        help="independent sets to score, of " + ", ".join(SETS))
    sets = [s for s in parser.parse_args().sets.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        result = run(ROOT / "transcripts_sample", BOOK, tmp / "sample")
        with open_project(result.db) as store:
            codes, _, _ = evaluate(store, "BHO")
        print("Sample study, leave-one-case-out:")
        print(frames.render(codes, "table"))
        micro = codes[codes["code"] == "micro avg"].set_index("method")["f1"]
        for method, f1 in micro.items():
            lo, hi = codes.attrs["intervals"][method]
            print(f"micro-F1 {method}: {f1:.3f} (95 % interval over cases: {lo:.3f}–{hi:.3f})")
        sample = load(result.db, SAMPLE_QUESTIONS)
        found = cross_validated_answers(load_codebook(BOOK), sample.documents, sample.answers)
        print(answer_line(sample.answers, found, sample.asked))
        done: list[Study] = []
        for part in sets:
            done.append(independent(tmp, sample, part, done if part == "final" else []))


if __name__ == "__main__":
    main()
