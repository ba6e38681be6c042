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
            if (category := _category(codebook, q, decision, lambda m, k: bad(n, m, k))):
                decided_answers[(r["case"], q)] = category
            continue
        unit = _unit(r, by_key, level, "the documents both coders coded",
                     lambda m, k: bad(n, m, k))
        if unit is None:
            continue
        chosen = set() if decision.casefold() in NONE else {
            c.strip() for c in decision.replace(",", ";").split(";") if c.strip()}
        for c in chosen - codes:
            bad(n, f"unknown code '{c}'; {did_you_mean(c, codes)}", "decision")
        decided[unit] = chosen & codes
    of = {x: [c for c in codings if c.coder == x and c.document in {d.name for d in docs}]
          for x in (a, b)}
    present = {x: codes_per_unit(units, of[x]) for x in (a, b)}
    targets = {u: decided.get(u, present[a][u] & present[b][u]) for u in units}
    new_codings = _codings_of(targets, of, coder)
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
    return new_codings, new_answers


def _category(codebook: Codebook, question: str, decision: str, bad) -> str | None:
    """The scale's category a decision names (any letter case), or None after ``bad``."""
    cats = {c.casefold(): c for c in codebook.scale_of(question).categories}
    if decision.strip().casefold() not in cats:
        bad(f"'{decision.strip()}' is not a category of {question}; expected one of: "
            + ", ".join(cats.values()), "decision")
        return None
    return cats[decision.strip().casefold()]


def _unit(row: dict, by_key: dict, level: str, among: str, bad):
    """The unit a row's document, start and end name, or None after ``bad``."""
    try:
        key = (row["document"], int(float(row["start"])), int(float(row["end"])))
    except ValueError:
        bad("start and end must be whole numbers", "start")
        return None
    if key not in by_key:
        bad(f"no {level} at {key[1]}–{key[2]} in '{key[0]}' among {among}", "document")
        return None
    return by_key[key]


def _codings_of(targets: dict, of: dict[str, list[Coding]], coder: str) -> list[Coding]:
    """The consensus coder's codings: per unit its target codes, each on the span (and with
    the memo) of the first coder who coded it there, else on the whole unit."""
    out: dict[tuple, Coding] = {}
    for u, target in targets.items():
        for code in target:
            spans = [c for x in of for c in of[x]
                     if c.code == code and c.document == u.document
                     and c.start < u.end and u.start < c.end]
            first_coder = spans[0].coder if spans else None
            for c in [s for s in spans if s.coder == first_coder] or [None]:
                start, end = (c.start, c.end) if c else (u.start, u.end)
                out[(u.document, start, end, code)] = Coding(
                    u.document, start, end, code, coder, MANUAL, c.memo if c else "")
    return sorted(out.values(), key=lambda c: (c.document, c.start, c.code))


ROUND_COLUMNS = ("round", "kind", "document", "case", "start", "end", "code", "decision")
ROUND_OPTIONAL = ("text", "coded_by", "not_coded_by")
YES = {"yes", "y", "ja", "j", "1", "x"}
NO = {"no", "n", "nei", "0"} | NONE


def read_round_consensus(path: str | Path, codebook: Codebook, documents: list[Document],
                         sentences: dict[str, list[Sentence]], codings: list[Coding],
                         answers: list[Answer], coders: list[str],
                         coder: str) -> tuple[list[Coding], list[Answer]]:
    """Build the consensus coder's work from a round's decided disagreements (one row per
    unit and code, ``decision`` yes or no; per answer, the category).

    Args:
        documents, answers: the round's documents, and the answers of its cases.
        coders: the round's coders who coded.

    The consensus gets, on each unit of the documents two or more coders coded, every code
    all coders who coded the document put there, plus the codes decided yes (minus those
    decided no); answers two or more coders gave alike, and the decided ones.

    Raises:
        ImportError_: undecided rows, unknown codes, categories or units, or answers that
            differ and were not decided; each with file and row.
    """
    path = str(path)
    return round_consensus(read_rows(path, ROUND_COLUMNS, ROUND_OPTIONAL, ours=True), codebook,
                           documents, sentences, codings, answers, coders, coder, path=path)


def round_consensus(rows: list[tuple[int, dict]], codebook: Codebook,
                    documents: list[Document], sentences: dict[str, list[Sentence]],
                    codings: list[Coding], answers: list[Answer], coders: list[str],
                    coder: str, partial: bool = False,
                    path: str | None = None) -> tuple[list[Coding], list[Answer]]:
    """``read_round_consensus`` on rows already read (``(number, row)`` pairs).

    Args:
        partial: decisions made so far (the browser decides one at a time): an undecided
            row, or an answer the coders gave differently and nobody decided, is left out
            of the consensus for now rather than refused.
    """
    problems: list[Problem] = []

    def bad(n, message, key=None):
        problems.append(Problem(message, path, None, n, key))

    levels = {r["kind"] for _, r in rows if r["kind"] != "answer"}
    if not levels <= {"turn", "sentence"} or len(levels) > 1:
        raise ImportError_("kind must be 'turn', 'sentence' or 'answer', one unit per file",
                           path=path)
    level = levels.pop() if levels else "turn"
    of = {x: [c for c in codings if c.coder == x] for x in coders}
    seen = {x: {c.document for c in of[x]} for x in coders}
    # as in agreement: a document two or more coders coded (who coded nothing in it did not
    # see it); one coder's alone has nothing to agree on
    units = units_of([d for d in documents if sum(d.name in s for s in seen.values()) >= 2],
                     sentences, level)
    present = {x: codes_per_unit(units, of[x]) for x in coders}
    targets = {u: set.intersection(*(present[x][u] for x in coders if u.document in seen[x]))
               for u in units}
    by_key = {(u.document, u.start, u.end): u for u in units}
    codes = {c.key for c in codebook.codes}
    decided_answers = {}
    for n, r in rows:
        decision = r["decision"].strip().casefold()
        if not decision and partial:
            continue
        if not decision:
            bad(n, "no decision: write yes or no for a code, the agreed category for an "
                "answer", "decision")
            continue
        if r["kind"] == "answer":
            q = r["code"]
            if q not in {x.key for x in codebook.questions}:
                bad(n, f"unknown question '{q}'", "code")
                continue
            if (category := _category(codebook, q, r["decision"], lambda m, k: bad(n, m, k))):
                decided_answers[(r["case"], q)] = category
            continue
        unit = _unit(r, by_key, level, "the round's documents", lambda m, k: bad(n, m, k))
        if unit is None:
            continue
        if r["code"] not in codes:
            bad(n, f"unknown code '{r['code']}'; {did_you_mean(r['code'], codes)}", "code")
        elif decision not in YES | NO:
            bad(n, f"the decision on a code is yes or no, not '{r['decision']}'", "decision")
        elif decision in YES:
            targets[unit].add(r["code"])
        else:
            targets[unit].discard(r["code"])
    given: dict[tuple, dict[str, Answer]] = {}
    for a in answers:
        if a.coder in coders:
            given.setdefault((a.case, a.question), {})[a.coder] = a
    new_answers = []
    for (case, q), said in sorted(given.items()):
        categories = {a.category for a in said.values()}
        if (case, q) in decided_answers:
            category = decided_answers[(case, q)]
        elif len(categories) == 1 and len(said) > 1:
            category = categories.pop()
        elif len(categories) == 1 or partial:
            continue  # one coder answered: nothing agreed; or not decided yet
        else:
            problems.append(Problem(f"case {case}, {q}: " + ", ".join(
                f"{x} says '{a.category}'" for x, a in said.items())
                + ", and the file has no decision", path))
            continue
        src = next((a for a in said.values() if a.category == category), None)
        new_answers.append(Answer(case, q, category, coder, MANUAL,
                                  src.evidence if src else "", src.document if src else None,
                                  src.start if src else None, src.end if src else None))
    if problems:
        raise ImportError_(problems=problems)
    return _codings_of(targets, of, coder), new_answers
