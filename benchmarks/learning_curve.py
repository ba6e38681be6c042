"""The suggestions while a person codes, interview after interview (make bench; issue 14).

A simulated coder codes the sample's 8 interviews and then the 6 dev interviews of
benchmarks/independent/ (a fixed order: b–i, then j–o) in one project that also holds the
test interviews (P–U), never coded. In each interview it sees the suggestions the project
holds, accepts the right ones (a suggestion is right when the interview's gold coding has its
code on that turn), rejects the others and codes what was still missing, through the front
door (`accept`, `reject`, `code`), so that its coding of the interview is the gold coding at
turn level (checked). Then the model learns again, as `qualmrs suggest` does (rules on). After
1, 2, 4, 8 and 14 coded interviews the suggestions on the test interviews are scored against
their gold coding: turn-level micro-F1 with its 95 % interval over the six test cases, for
the model (which reads the rule matches) and for everything suggested (rules or model: what
the coder sees). The final interviews of benchmarks/independent/final are not read.

    python benchmarks/learning_curve.py [--steps 1,2,4,8,14]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from suggest_quality import BOOK, INDEPENDENT, ROOT, micro  # noqa: E402

CODER = "simulert"
STEPS = (1, 2, 4, 8, 14)
POOL = [ROOT / "transcripts_sample"] + sorted((INDEPENDENT / "dev").glob("w*"))
TEST = sorted((INDEPENDENT / "test").glob("w*"))


@dataclass
class Gold:
    """The gold coding of some interviews: informant turns with their codes, and the codings."""

    examples: list = field(default_factory=list)
    codings: list = field(default_factory=list)

    def of(self, document: str) -> "Gold":
        return Gold([e for e in self.examples if e.document == document],
                    [c for c in self.codings if c.document == document])


def gold(folders: list[Path], tmp: Path) -> tuple[Gold, list[str]]:
    """Each folder made into a project of its own (`qualmrs run`), read back as the gold
    coding; also the folder's interviews in name order."""
    from qualmrs.analyse.evaluate import turn_examples
    from qualmrs.project import open_project, run

    out, names = Gold(), []
    for folder in folders:
        db = run(folder, BOOK, tmp / f"gold-{folder.parent.name}-{folder.name}", report=False).db
        with open_project(db) as store:
            docs, codings = store.documents(), store.codings()
            out.examples += turn_examples(docs, store.sentences(), codings)
            out.codings += codings
            names += [d.name for d in docs]
    return out, names


@dataclass
class Decisions:
    accepted: int = 0
    rejected: int = 0
    added: int = 0


def _on(turns: list, c) -> list:
    return [e for e in turns if c.start < e.end and e.start < c.end]


def code_interview(project, name: str, truth: Gold, made: Decisions) -> None:
    """Decide on the suggestions in ``name`` and code what they missed, as ``CODER``.

    Raises:
        RuntimeError: the coder's turn codes came out other than the gold ones (a bug here).
    """
    from qualmrs.analyse.evaluate import turn_examples
    from qualmrs.model import MANUAL

    shown = [c for c in project.store.codings(source=None, document=name) if c.source != MANUAL]
    right = [c for c in shown if any(c.code in e.codes for e in _on(truth.examples, c))]
    wrong = [c for c in shown if c not in right]
    if right:
        project.accept(CODER, ids=[c.id for c in right])
    if wrong:
        project.reject(ids=[c.id for c in wrong], actor=CODER)
    made.accepted, made.rejected = made.accepted + len(right), made.rejected + len(wrong)
    for turn in truth.examples:
        have = {c.code for c in right if _on([turn], c)}
        for code in sorted(turn.codes - have):
            quote = next(c for c in truth.codings if c.code == code and _on([turn], c))
            project.code(name, max(quote.start, turn.start), min(quote.end, turn.end), code,
                         CODER)
            made.added += 1
    doc = project.store.documents([name])
    mine = turn_examples(doc, project.store.sentences([name]),
                         project.store.codings(coder=CODER, document=name))
    if [e.codes for e in mine] != [e.codes for e in truth.examples]:
        raise RuntimeError(f"the simulated coding of {name} is not the gold coding")


def score(project, test: Gold) -> dict[str, tuple]:
    """Micro P, R, F1 and interval on the test turns: model, rules, and both together."""
    from qualmrs.analyse.evaluate import codes_on_turns

    found = {s: project.store.codings(source=s) for s in ("rule", "model")}
    rules = codes_on_turns(test.examples, found["rule"])
    model = codes_on_turns(test.examples, found["model"])
    return micro(test.examples, {"model": model, "rules": rules,
                                 "suggested": [a | b for a, b in zip(rules, model)]})


def curve(tmp: Path, steps=STEPS, pool_folders=POOL, test_folders=TEST) -> list[dict]:
    """The learning curve: a row for no coding (rules only) and one per step.

    Returns:
        ``[{"k": interviews coded, "turns": their informant turns, "decisions":
        Decisions since the row before, "scores": {method: (P, R, F1, low, high)}}]``.
    """
    import qualmrs

    pool, order = gold(pool_folders, tmp)
    test, _ = gold(test_folders, tmp)
    order = order[:max(steps)]
    project = qualmrs.create(tmp / "curve.db", BOOK)
    try:
        for folder in [*pool_folders, *test_folders]:
            project.ingest([folder], folder / "cases.csv")
        project.suggest(rules=True, model=True)  # nobody has coded: the rules alone
        rows = [{"k": 0, "turns": 0, "decisions": Decisions(), "scores": score(project, test)}]
        made = Decisions()
        for k, name in enumerate(order, 1):
            code_interview(project, name, pool.of(name), made)
            project.suggest(rules=True, model=True, coder=CODER)
            if k in steps:
                turns = sum(1 for e in pool.examples if e.document in order[:k])
                rows.append({"k": k, "turns": turns, "decisions": made,
                             "scores": score(project, test)})
                made = Decisions()
    finally:
        project.close()
    return rows


def report(rows: list[dict]) -> None:
    print(f"{'coded':>5s} {'turns':>5s}  {'model micro-F1 [95 %]':24s} "
          f"{'all suggested':24s} {'accepted':>8s} {'rejected':>8s} {'added':>6s}")
    for r in rows:
        s, d = r["scores"], r["decisions"]
        cells = [f"{f:.3f} [{lo:.3f}–{hi:.3f}]" for _, _, f, lo, hi in
                 (s["model"], s["suggested"])]
        print(f"{r['k']:5d} {r['turns']:5d}  {cells[0]:24s} {cells[1]:24s} "
              f"{d.accepted:8d} {d.rejected:8d} {d.added:6d}")
    _, _, f, lo, hi = rows[0]["scores"]["rules"]
    print(f"rules alone (they do not learn): micro-F1 {f:.3f} [{lo:.3f}–{hi:.3f}]; "
          f"accepted, rejected: suggestions decided on in the interviews coded since the row "
          f"before; added: turn codes the coder gave that no suggestion had")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", default=",".join(map(str, STEPS)),
                        help="coded interviews after which to score (at most 14)")
    args = parser.parse_args(argv)
    steps = tuple(sorted({int(x) for x in args.steps.split(",")}))
    if not steps or steps[0] < 1 or steps[-1] > 14:
        parser.error("--steps are between 1 and 14")
    print("Learning curve: a simulated coder codes the sample (8) and the dev interviews (6) "
          "in turn; the suggestions on the 6 test interviews (P–U), scored at turn level:")
    with tempfile.TemporaryDirectory() as tmp:
        report(curve(Path(tmp), steps))


if __name__ == "__main__":
    main()
