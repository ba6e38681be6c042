"""Coding rounds of a team in the store: opened and closed as steps of the history, so that
``undo`` takes an opening or a closing back like any other work."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import insert, select

from ..errors import QualmrsError
from . import schema as s
from .units import now


@dataclass(frozen=True)
class Round:
    """A coding round: ``documents`` to be coded by ``coders``; while open and ``blind``, a
    coder of the round sees only their own work on its documents."""

    id: int
    blind: bool
    documents: tuple[str, ...]
    coders: tuple[str, ...]
    opened: str
    opened_by: str
    closed: str | None = None
    closed_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.closed is None


def _round(row) -> Round:
    return Round(row["id"], bool(row["blind"]), tuple(json.loads(row["documents"])),
                 tuple(json.loads(row["coders"])), row["opened"], row["opened_by"],
                 row["closed"], row["closed_by"])


class RoundsMixin:
    """Opening, closing and reading rounds; needs ``RowsMixin``."""

    def rounds(self) -> list[Round]:
        """Every round, oldest first."""
        with self.reading() as conn:
            return [_round(r) for r in conn.execute(
                select(s.rounds).order_by(s.rounds.c.id)).mappings()]

    def open_round(self) -> Round | None:
        """The round open now, if any (at most one is)."""
        with self.reading() as conn:
            row = conn.execute(select(s.rounds).where(s.rounds.c.closed.is_(None))
                               .order_by(s.rounds.c.id.desc())).mappings().first()
        return _round(row) if row is not None else None

    def add_round(self, documents: list[str], coders: list[str], blind: bool,
                  by: str) -> Round:
        """Open a round (one step of the history, with ``by`` as its actor).

        Raises:
            QualmrsError: a round is open already.
        """
        with self.atomic(command=f"round open{' --blind' if blind else ''}", actor=by) as conn:
            if (current := self.open_round()) is not None:
                raise QualmrsError(f"round {current.id} is open already; close it first "
                                   "with 'qualmrs round close'", path=self.where)
            row = {"blind": int(blind), "documents": json.dumps(documents, ensure_ascii=False),
                   "coders": json.dumps(coders, ensure_ascii=False), "opened": now(),
                   "opened_by": by, "closed": None, "closed_by": None}
            row["id"] = conn.execute(insert(s.rounds).values(**row)).inserted_primary_key[0]
            self._events(conn, "rounds", [(None, row)])
        return _round(row)

    def end_round(self, by: str) -> Round:
        """Close the open round (one step, ``by`` its actor).

        Raises:
            QualmrsError: no round is open.
        """
        with self.atomic(command="round close", actor=by) as conn:
            current = self.open_round()
            if current is None:
                raise QualmrsError("no round is open; open one with 'qualmrs round open'",
                                   path=self.where)
            (before,) = self._fetch(conn, "rounds", [(current.id,)]).values()
            after = {**before, "closed": now(), "closed_by": by}
            self._update(conn, "rounds", [(before, after)])
        return _round(after)

    def round_decisions(self, round_id: int) -> dict:
        """The decisions taken so far on a closed round's disagreements, one at a time
        (the browser): ``{"unit": "turn" or "sentence" or None, "decisions": {key: decision}}``.
        Kept in ``meta`` so that they are in the history like the work they decide."""
        text = self.meta(f"round:{round_id}:decisions")
        return json.loads(text) if text else {"unit": None, "decisions": {}}

    def set_round_decisions(self, conn, round_id: int, unit: str,
                            decisions: dict[str, str]) -> None:
        """Keep a round's decisions (inside the caller's ``atomic``, with events)."""
        self._put_meta(conn, {f"round:{round_id}:decisions": json.dumps(
            {"unit": unit, "decisions": decisions}, ensure_ascii=False, sort_keys=True)})
