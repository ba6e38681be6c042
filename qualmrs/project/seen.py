"""Edits that carry what the editor saw (issue 15): two people on the same turn never lose
each other's work.

Whoever changes or removes a coding says how they last saw it (``seen``: its ``code``,
``memo``, ``start`` and ``end``). The edit is checked and made in one unit of work, with the
store's write lock held, so nobody can change the coding between the check and the edit; if
it is not as seen, nothing is changed and the error names who changed or removed it. Adding a
coding needs no such check: two coders may code the same span, and the same coder adding the
same coding twice gets the one already there.
"""

from __future__ import annotations

from ..errors import NotFound, QualmrsError
from ..store import Store
from ..store.rows import Conflict

__all__ = ["SEEN", "check_seen", "change_coding", "remove_coding"]

SEEN = ("code", "memo", "start", "end")  # what of a coding an editor says they saw


def check_seen(store: Store, coding_id: int, seen: dict | None) -> None:
    """Refuse to edit a coding that is no longer as its editor saw it.

    Args:
        seen: the coding's ``code``, ``memo``, ``start`` and ``end`` as the editor last saw
            them; None: no check (a script that owns the coding).

    Raises:
        QualmrsError: ``seen`` lacks one of those keys.
        NotFound: there never was such a coding.
        Conflict: it was changed or removed since, naming by whom and with what command.
    """
    if seen is None:
        return
    missing = [k for k in SEEN if k not in seen]
    if missing:
        raise QualmrsError("seen must give the coding's " + ", ".join(SEEN)
                           + " as you last saw it; missing: " + ", ".join(missing))
    found = store.codings(source=None, ids=[coding_id])
    now = found[0] if found else None
    if now is not None and all(getattr(now, k) == seen[k] for k in SEEN):
        return
    last = store.last_change_of("codings", (coding_id,))
    if last is None:
        raise NotFound(f"no coding with id {coding_id}")
    what = "removed" if now is None else "changed"
    state = "" if now is None else f"; it is now {now.code}" + \
        (f" with the memo «{now.memo}»" if now.memo else "")
    raise Conflict(f"{last['actor']} {what} this coding meanwhile (step {last['step']})"
                   f"{state}. Nothing was changed: look again, and repeat your edit if it "
                   "still applies")


def change_coding(store: Store, coding_id: int, actor: str | None = None,
                  code: str | None = None, memo: str | None = None,
                  seen: dict | None = None) -> None:
    """Recode a manual coding and/or set its memo (one step), if it is as ``seen``.

    Raises:
        QualmrsError: an unknown code, a suggestion's id, a bad ``seen``; NotFound: no such
            coding; Conflict: someone changed or removed it since (nothing is changed).
    """
    from .coding import set_memo
    from .edits import recode

    parts = ([f"recode {coding_id} --to {code}"] if code is not None else []) + \
        ([f"memo {coding_id}"] if memo is not None else [])
    with store.atomic(command="; ".join(parts), actor=actor):
        check_seen(store, coding_id, seen)
        if code is not None:
            recode(store, [coding_id], code, actor)
        if memo is not None:
            set_memo(store, coding_id, memo, actor)


def remove_coding(store: Store, coding_id: int, actor: str | None = None,
                  seen: dict | None = None) -> None:
    """Remove a manual coding (one step), if it is as ``seen``.

    Raises:
        NotFound: no such coding; Conflict: someone changed or removed it since.
    """
    from .edits import uncode

    with store.atomic(command=f"uncode {coding_id}", actor=actor):
        check_seen(store, coding_id, seen)
        uncode(store, [coding_id], actor)
