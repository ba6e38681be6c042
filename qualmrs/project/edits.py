"""Correcting what was coded: listing, uncoding, recoding, coders, the codebook, the history.

Each change is one step of the history, which ``undo`` takes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import QualmrsError, did_you_mean
from ..model import MANUAL
from ..store import Store

__all__ = ["codings_frame", "coders_frame", "uncode", "recode", "rename_coder",
           "update_codebook", "history_frame", "undo", "redo", "status", "Status"]

CODING_COLUMNS = ["id", "document", "case", "start", "end", "code", "coder", "origin", "memo",
                  "text"]


def codings_frame(store: Store, coder: str | None = None, code: str | None = None,
                  blind=None):
    """Manual codings: ``id, document, case, start, end, code, coder, origin, memo, text``,
    in document order (``code``: that code and its sub-codes; ``blind``: a blind viewer's
    ``rounds.Blind``, whose hidden codings are left out)."""
    import pandas as pd

    if code is not None:
        _known_code(store, code)
    docs = {d.name: d for d in store.documents()}
    rows = []
    for c in store.codings(coder=coder):
        if code is not None and not (c.code == code or c.code.startswith(code + ".")) \
                or blind is not None and blind.hides_coding(c):
            continue
        doc = docs[c.document]
        turn = doc.turn_at(c.start, c.end)
        rows.append([c.id, c.document, turn.case if turn and turn.case else "", c.start, c.end,
                     c.code, c.coder, c.origin, c.memo, doc.text[c.start:c.end]])
    return pd.DataFrame(rows, columns=CODING_COLUMNS)


def coders_frame(store: Store):
    """``coder, codings, answers, origins``: who has coded, how much, from where."""
    import pandas as pd

    return pd.DataFrame(_coder_rows(store), columns=["coder", "codings", "answers", "origins"])


def _coder_rows(store: Store) -> list[list]:
    """The rows of ``coders_frame`` (``status`` needs no pandas)."""
    rows: dict[str, list] = {}
    for c in store.codings():
        r = rows.setdefault(c.coder, [0, 0, set()])
        r[0] += 1
        r[2].add(c.origin or "(before origins were kept)")
    for a in store.answers():
        r = rows.setdefault(a.coder, [0, 0, set()])
        r[1] += 1
        r[2].add(a.origin or "(before origins were kept)")
    return [[k, n, m, ", ".join(sorted(o))] for k, (n, m, o) in sorted(rows.items())]


def _known_code(store: Store, key: str) -> None:
    keys = {c.key for c in store.codebook.codes}
    if key not in keys:
        raise QualmrsError(f"unknown code '{key}'; {did_you_mean(key, keys)}")


def uncode(store: Store, ids: list[int], actor: str | None = None) -> int:
    """Remove manual codings by id (one step); returns how many."""
    _manual_only(store, ids)
    with store.atomic(command="uncode " + " ".join(map(str, ids)), actor=actor):
        return store.remove_codings(ids)


def recode(store: Store, ids: list[int], to: str, actor: str | None = None) -> int:
    """Give manual codings another code (one step); a coding that then equals another of the
    same coder on the same span becomes one with it. Returns how many."""
    _known_code(store, to)
    _manual_only(store, ids)
    with store.atomic(command=f"recode {' '.join(map(str, ids))} --to {to}", actor=actor):
        return store.change_codings(ids, code=to)


def _manual_only(store: Store, ids: list[int]) -> None:
    from ..errors import NotFound, StoreError

    found = {c.id: c for c in store.codings(source=None, ids=list(ids))}
    missing = sorted(set(ids) - set(found))
    if missing:
        raise NotFound("no coding with id " + ", ".join(map(str, missing))
                         + "; list them with 'qualmrs codings'")
    machine = sorted(i for i, c in found.items() if c.source != MANUAL)
    if machine:
        raise StoreError("id " + ", ".join(map(str, machine)) + " are suggestions; accept or "
                         "reject them with 'qualmrs accept' / 'qualmrs reject'")


def rename_coder(store: Store, old: str, new: str) -> dict[str, int]:
    """Give ``old``'s work to ``new`` (one step), merging identical codings (``new``'s answer
    stays where both answered), and remember ``old`` as ``new`` for later imports (a Word
    author, say). Returns ``{"codings", "answers", "replaced"}`` counts."""
    if not new.strip() or new == old:
        raise QualmrsError("give a new name different from the old one")
    with store.atomic(command=f"rename-coder {old} {new}"):
        return store.rename_coder(old, new)


def update_codebook(store: Store, codebook, drop_codings: bool = False) -> dict[str, int]:
    """Take in a new version of the codebook (one step): codings of a code listed under
    another's ``was:`` move there (a rename, a move, a merge).

    Raises:
        StoreError: a code that holds codings is gone and not listed under ``was:`` (unless
            ``drop_codings``), or a stored answer does not fit the new questions.
    """
    moves = {old: c.key for c in codebook.codes for old in c.was}
    with store.atomic(command=f"update-codebook {codebook.path}"):
        return store.set_codebook(codebook, moves, drop_codings)


def history_frame(store: Store, coder: str | None = None, limit: int | None = None,
                  actor: str | None = None):
    """``step, at, who, command, changes, state``, newest first (``actor``: only the steps
    this person ran)."""
    import pandas as pd

    rows = []
    for step in store.steps(actor=actor, coder=coder, limit=limit):
        state = ""
        if step.kind != "do":
            state = f"{step.kind} of step {step.target}"
        if step.undone_by:
            state = (state + "; " if state else "") + f"undone by step {step.undone_by}"
        rows.append([step.id, step.at, step.actor, step.command, step.summary(), state])
    return pd.DataFrame(rows, columns=["step", "at", "who", "command", "changes", "state"])


def undo(store: Store, coder: str | None = None, steps: int = 1) -> list:
    """Undo the latest ``steps`` steps (of ``coder``); returns the steps undone."""
    return _repeat(store.undo, coder, steps)


def redo(store: Store, coder: str | None = None, steps: int = 1) -> list:
    """Redo the latest undone steps (of ``coder``); returns the undo steps reverted."""
    return _repeat(store.redo, coder, steps)


def _repeat(action, coder, steps):
    if steps < 1:
        raise QualmrsError("--steps is 1 or more")
    done = []
    for _ in range(steps):
        step = action(coder)
        if step is None:
            break
        done.append(step)
    return done


@dataclass
class Status:
    """What a project holds and what stands out."""

    documents: int
    cases: int
    coders: list = field(default_factory=list)  # (coder, codings, answers)
    default_coder: str | None = None
    default_reason: str = ""
    suggestions: int = 0
    warnings: list = field(default_factory=list)  # (document or None, message)
    steps: int = 0
    created_with: str | None = None  # the qualmrs version that made the project
    written_by: str | None = None  # the qualmrs version that last changed it
    reviews: list = field(default_factory=list)  # codings/answers a revision changed
    set_aside: list = field(default_factory=list)  # codings a revision set aside


def status(store: Store) -> Status:
    """Documents, cases, coders, whose work the tables count by default, the warnings still
    standing, and what revisions left to review or set aside."""
    from .core import resolve_coder

    coders = _coder_rows(store)
    try:
        who, why = resolve_coder(store, None)
    except QualmrsError as e:
        who, why = None, str(e)
    with store.reading():
        counts = store.counts()
    return Status(counts["documents"], counts["cases"],
                  [(c, n, m) for c, n, m, _ in coders], who, why,
                  len(store.codings(source=None)) - len(store.codings()),
                  store.warnings(), counts["steps"], store.meta("qualmrs_version"),
                  store.meta("written_by"), store.reviews(), store.set_aside_codings())
