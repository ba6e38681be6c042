"""Quality of the suggestions (make bench). Figures, not pass/fail.

1. The sample study, as `qualmrs evaluate` prints it: per-code precision, recall and F1 at turn
   level, leave-one-case-out, for rules, model and both; then answer accuracy. Targets for the
   sample: micro-F1 >= 0.70 for rules+model, answer accuracy >= 0.90.
2. Independent interviews (`benchmarks/independent/`, written and coded from the code
   definitions alone by six writers who saw neither the sample nor the rules): the model trained
   on the sample (and on the sample plus the dev interviews) and scored on the test interviews,
   which no choice of method looked at; rules and answers scored on them as they are.

`--dev` prints the figures on the dev interviews instead of the test ones: that is where
variants of the method are compared (see benchmarks/independent/README.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BOOK = ROOT / "codebooks" / "mrs_nav.yaml"
INDEPENDENT = ROOT / "benchmarks" / "independent"


@dataclasses.dataclass
class Study:
    """Informant turns with gold codes and rule matches, and answers, of one coded folder."""

    examples: list
    answers_gold: list
    answers_found: list


def load(db: Path) -> Study:
    from qualmrs.analyse.evaluate import turn_examples, with_rule_codes
    from qualmrs.coding.suggest import AnswerSuggester, RuleSuggester
    from qualmrs.project import open_project

    with open_project(db) as store:
        docs, sents = store.documents(), store.sentences()
        examples = with_rule_codes(turn_examples(docs, sents, store.codings()),
                                   RuleSuggester(store.codebook).predict(docs, sents))
        found = [s.answer() for s in AnswerSuggester(store.codebook).predict(docs)]
        return Study(examples, store.answers(), found)


def held_out(train: list, test: list) -> dict[str, list[set[str]]]:
    """Codes per test turn from each method, the model fitted on ``train`` only."""
    from qualmrs.analyse.evaluate import codes_on_turns
    from qualmrs.coding.suggest import ModelSuggester

    def fitted(use_rules: bool) -> list[set[str]]:
        return codes_on_turns(test, ModelSuggester(use_rules=use_rules).fit(train).predict(test))

    rules = [set(e.rules) for e in test]
    both = fitted(True)
    return {"rules": rules, "model": fitted(False), "rules+model": both,
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


def independent(tmp: Path, sample: Study, scored: str) -> None:
    from qualmrs.analyse.evaluate import answer_scores

    from qualmrs.project import run

    sets = {part: [load(run(w, BOOK, tmp / f"{part}-{w.name}", report=False).db)
                   for w in sorted((INDEPENDENT / part).iterdir()) if w.is_dir()]
            for part in ("dev", "test")}
    target = [e for s in sets[scored] for e in s.examples]
    cases = len({e.case for e in target})
    print(f"\nIndependent {scored} interviews: {cases} cases, {len(target)} informant turns, "
          f"{sum(len(e.codes) for e in target)} turn codes")
    print(f"Trained on the sample ({len(sample.examples)} turns, 8 cases):")
    print(micro_line(target, held_out(sample.examples, target)))
    if scored == "test":
        more = sample.examples + [e for s in sets["dev"] for e in s.examples]
        print(f"Trained on the sample and the dev interviews ({len(more)} turns, 14 cases):")
        print(micro_line(target, held_out(more, target)))
    summary, _ = answer_scores([a for s in sets[scored] for a in s.answers_gold],
                               [a for s in sets[scored] for a in s.answers_found])
    print(f"answer accuracy: {summary['accuracy'][0]:.3f} ({summary['correct'][0]} of "
          f"{summary['n'][0]}, {summary['not_found'][0]} not found)")


def main() -> None:
    from qualmrs.export import frames
    from qualmrs.project import evaluate, open_project, run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="score the dev interviews, not test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        result = run(ROOT / "transcripts_sample", BOOK, tmp / "sample")
        with open_project(result.db) as store:
            codes, summary, _ = evaluate(store, "BHO")
        print("Sample study, leave-one-case-out:")
        print(frames.render(codes, "table"))
        micro = codes[codes["code"] == "micro avg"].set_index("method")["f1"]
        for method, f1 in micro.items():
            lo, hi = codes.attrs["intervals"][method]
            print(f"micro-F1 {method}: {f1:.3f} (95 % interval over cases: {lo:.3f}–{hi:.3f})")
        print(f"answer accuracy: {summary['accuracy'][0]:.3f} "
              f"({summary['correct'][0]} of {summary['n'][0]}, "
              f"{summary['not_found'][0]} not found)")
        independent(tmp, load(result.db), "dev" if args.dev else "test")


if __name__ == "__main__":
    main()
