"""A closed round's disagreements decided one at a time (the browser), each decision one step
of the history: the decisions are kept with the round, and the ``consensus`` coder's work from
the round (origin ``round:N``) is made again from them, as ``qualmrs consensus --from`` makes
it from a whole decided file: every code all coders agree on, plus the codes decided yes, minus
those decided no; answers the coders gave alike, and the decided ones. What is not decided yet
is left out of the consensus until it is.
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import NotFound, QualmrsError
from ..store import Store

__all__ = ["row_key", "decided_disagreements", "decide", "CONSENSUS"]

CONSENSUS = "consensus"


def row_key(row: dict) -> str:
    """A disagreement's name, stable while the round's codings stay: ``answer:CASE:QUESTION``
    or ``UNIT:DOCUMENT:START:END:CODE``."""
    if row["kind"] == "answer":
        return f"answer:{row['case']}:{row['code']}"
    start, end = int(row["start"]), int(row["end"])
    return f"{row['kind']}:{row['document']}:{start}:{end}:{row['code']}"


def decided_disagreements(store: Store, round_id: int | None = None, unit: str = "turn"):
    """``rounds.round_disagreements`` with the decisions taken so far in its ``decision``
    column (empty: not decided yet), and each row's ``row_key`` in ``attrs["keys"]``.

    Raises:
        QualmrsError: as ``round_disagreements``.
    """
    from .rounds import round_disagreements

    frame = round_disagreements(store, round_id, unit)
    frame.attrs["keys"] = [row_key(r) for r in frame.to_dict(orient="records")]
    if len(frame):
        kept = store.round_decisions(int(frame["round"].iloc[0]))
        if kept["unit"] in (None, unit):
            frame["decision"] = [kept["decisions"].get(row_key(r), "")
                                 for r in frame.to_dict(orient="records")]
    return frame


def _normalised(row: dict, decision: str, codebook) -> str:
    """``yes``/``no`` for a code, the scale's category for an answer, ``""`` to undecide."""
    from ..coding.consensus import NO, YES

    decision = decision.strip()
    if not decision:
        return ""
    if row["kind"] != "answer":
        if decision.casefold() in YES:
            return "yes"
        if decision.casefold() in NO:
            return "no"
        raise QualmrsError(f"the decision on a code is yes or no, not '{decision}'")
    cats = {c.casefold(): c for c in codebook.scale_of(row["code"]).categories}
    if decision.casefold() not in cats:
        raise QualmrsError(f"'{decision}' is not a category of {row['code']}; expected one "
                           "of: " + ", ".join(cats.values()))
    return cats[decision.casefold()]


def decide(store: Store, round_id: int | None, chosen: dict[str, str], by: str,
           unit: str = "turn") -> dict:
    """Decide disagreements of a closed round (``chosen``: key → yes or no for a code, the
    category for an answer, empty to take a decision back; several at once: one unit taken
    as one coder coded it), one step of the history whose actor is ``by``; the consensus
    coder's work from the round follows the decisions.

    Returns:
        ``{"decided": n, "of": m, "added": rows, "removed": rows}``.

    Raises:
        QualmrsError: the round is open, no such disagreement, a decision that does not fit,
            or decisions of the round kept per another unit.
    """
    from ..coding.consensus import round_consensus
    from .rounds import round_cases, working_coders, find_round

    r = find_round(store, round_id)
    frame = decided_disagreements(store, r.id, unit)
    rows = {row_key(x): x for x in frame.to_dict(orient="records")}
    if not chosen:
        raise QualmrsError("no decision given")
    for key in chosen:
        if key not in rows:
            raise NotFound(f"round {r.id} has no disagreement '{key}'")
    kept = store.round_decisions(r.id)
    if kept["unit"] not in (None, unit) and kept["decisions"]:
        raise QualmrsError(f"round {r.id}'s decisions are per {kept['unit']}, not per {unit}")
    decisions = dict(kept["decisions"])
    said = []
    for key, decision in chosen.items():
        if not isinstance(decision, str):
            raise QualmrsError(f"the decision on '{key}' must be a string")
        decision = _normalised(rows[key], decision, store.codebook)
        if decision:
            decisions[key] = decision
        else:
            decisions.pop(key, None)
        said.append(f"{key} {decision or '(undecided)'}")
    names = list(r.documents)
    cases = round_cases(store, names)
    codings, answers = round_consensus(
        [(n, {**x, "decision": decisions.get(k, "")}) for n, (k, x) in enumerate(rows.items())],
        store.codebook, store.documents(names), store.sentences(names), store.codings(),
        [a for a in store.answers() if a.case in cases], working_coders(store, r), CONSENSUS,
        partial=True)
    origin = f"round:{r.id}"
    codings = [replace(c, origin=origin) for c in codings]
    answers = [replace(a, origin=origin) for a in answers]
    with store.atomic(command=f"decide round {r.id} " + ", ".join(said), actor=by) as conn:
        store.set_round_decisions(conn, r.id, unit, decisions)
        added, removed = store.replace_work(origin, codings, answers)
    return {"decided": sum(k in decisions for k in rows), "of": len(rows), "added": added,
            "removed": removed}
