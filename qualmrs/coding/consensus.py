"""Consensus: the coders' decisions on their disagreements become a new coder's work.

The decisions file is the disagreements export with its ``decision`` column filled in. The new
coder gets, in the documents both coders coded: every code both coders put on a unit, and for
each listed unit exactly the codes decided; answers both gave alike, and the decided ones.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ImportError_, Problem, did_you_mean
from ..model import MANUAL, Answer, Codebook, Coding, Document, Sentence
from .csvfile import read_rows
from .units import codes_per_unit, units_of

COLUMNS = ("kind", "document", "case", "start", "end", "coder_a", "coder_b", "decision")
OPTIONAL = ("text", "codes_a", "codes_b")
NONE = {"-", "none", "ingen"}


def read_consensus(path: str | Path, codebook: Codebook, documents: list[Document],
                   sentences: dict[str, list[Sentence]], codings: list[Coding],
                   answers: list[Answer], coder: str) -> tuple[list[Coding], list[Answer]]:
    """Build the consensus coder's codings and answers from a decisions file.

    Raises:
        ImportError_: undecided rows, unknown codes or categories, rows that match no unit,
            or answers that differ and were not decided; each with file and row.
    """
    path = str(path)
    rows = read_rows(path, COLUMNS, OPTIONAL, ours=True)
    problems: list[Problem] = []

    def bad(n, message, key=None):
        problems.append(Problem(message, path, None, n, key))

    pairs = {(r["coder_a"], r["coder_b"]) for _, r in rows}
    if len(pairs) != 1:
        raise ImportError_("the file must compare one pair of coders (coder_a, coder_b)",
                           path=path)
    a, b = pairs.pop()
    levels = {r["kind"] for _, r in rows if r["kind"] != "answer"}
    if not levels <= {"turn", "sentence"} or len(levels) > 1:
        raise ImportError_("kind must be 'turn', 'sentence' or 'answer', one unit per file",
                           path=path)
    level = levels.pop() if levels else "turn"
    codes = {c.key for c in codebook.codes}
    seen = {x: {c.document for c in codings if c.coder == x} for x in (a, b)}
    docs = [d for d in documents if d.name in seen[a] & seen[b]]
    units = units_of(docs, sentences, level)
    by_key = {(u.document, u.start, u.end): u for u in units}
    decided, decided_answers = {}, {}
    for n, r in rows:
        decision = r["decision"].strip()
        if not decision:
            bad(n, "no decision: write the agreed codes separated by ';' ('-' for none) or the "
                "agreed category", "decision")
            continue
        if r["kind"] == "answer":
            q = r["text"].split(":", 1)[0].strip() if r.get("text") else ""
            if q not in {x.key for x in codebook.questions}:
                bad(n, f"unknown question '{q}' (the text column starts with the question key)",
                    "text")
                continue
            cats = {c.casefold(): c for c in codebook.scale_of(q).categories}
            if decision.casefold() not in cats:
                bad(n, f"'{decision}' is not a category of {q}; expected one of: "
                    + ", ".join(cats.values()), "decision")
                continue
            decided_answers[(r["case"], q)] = cats[decision.casefold()]
            continue
        try:
            key = (r["document"], int(float(r["start"])), int(float(r["end"])))
        except ValueError:
            bad(n, "start and end must be whole numbers", "start")
            continue
        if key not in by_key:
            bad(n, f"no {level} at {key[1]}–{key[2]} in '{key[0]}' among the documents both "
                "coders coded", "document")
            continue
        chosen = set() if decision.casefold() in NONE else {
            c.strip() for c in decision.replace(",", ";").split(";") if c.strip()}
        for c in chosen - codes:
            bad(n, f"unknown code '{c}'; {did_you_mean(c, codes)}", "decision")
        decided[by_key[key]] = chosen & codes
    of = {x: [c for c in codings if c.coder == x and c.document in {d.name for d in docs}]
          for x in (a, b)}
    present = {x: codes_per_unit(units, of[x]) for x in (a, b)}
    out: dict[tuple, Coding] = {}
    for u in units:
        target = decided.get(u, present[a][u] & present[b][u])
        for code in target:
            spans = [c for x in (a, b) for c in of[x]
                     if c.code == code and c.document == u.document
                     and c.start < u.end and u.start < c.end]
            first_coder = spans[0].coder if spans else None
            for c in [s for s in spans if s.coder == first_coder] or [None]:
                start, end = (c.start, c.end) if c else (u.start, u.end)
                out[(u.document, start, end, code)] = Coding(
                    u.document, start, end, code, coder, MANUAL, c.memo if c else "")
    given = {(x.case, x.question, x.coder): x for x in answers}
    new_answers = []
    for case, q in sorted({(x.case, x.question) for x in answers}):
        ya, yb = given.get((case, q, a)), given.get((case, q, b))
        if ya is None or yb is None:
            continue
        if (case, q) in decided_answers:
            category = decided_answers[(case, q)]
        elif ya.category == yb.category:
            category = ya.category
        else:
            problems.append(Problem(f"case {case}, {q}: {a} says '{ya.category}', {b} says "
                                    f"'{yb.category}', and the file has no decision", path))
            continue
        src = ya if ya.category == category else yb if yb.category == category else None
        new_answers.append(Answer(case, q, category, coder, MANUAL,
                                  src.evidence if src else "", src.document if src else None,
                                  src.start if src else None, src.end if src else None))
    if problems:
        raise ImportError_(problems=problems)
    return sorted(out.values(), key=lambda c: (c.document, c.start, c.code)), new_answers
