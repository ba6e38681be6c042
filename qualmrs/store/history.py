"""The history: steps and their events, read back, undone and redone.

Undo takes the latest step that is neither undone nor itself an undo, and takes every row it
changed back to how it was before, as a new step of kind ``undo``; redo takes the latest undo
that was not redone since the last new step, and applies it in reverse. A row that another
step changed since is a conflict: nothing is applied, and the message names that step.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select

from . import schema as s

# the tables whose events carry their rows to readers of the history (a document's row holds
# its whole text, a suggestions event a summary)
WORK_TABLES = ("codings", "answers", "summaries")


@dataclass(frozen=True)
class Step:
    """One command's changes: who, when, what, and where it stands in undo and redo."""

    id: int
    at: str
    actor: str
    command: str
    kind: str  # do | undo | redo
    target: int | None  # the step an undo reverts or a redo re-applies
    undone_by: int | None
    undoable: bool
    changes: dict  # (table, op) → number of rows

    def summary(self) -> str:
        """«codings +2 ~1 −1; answers ~1» (the record of what files gave left out)."""
        by_table: dict[str, list[str]] = {}
        for (table, op), n in sorted(self.changes.items()):
            if table == "imports":
                continue
            by_table.setdefault(table, []).append({"add": "+", "change": "~",
                                                   "remove": "−"}[op] + str(n))
        return "; ".join(f"{t} {' '.join(v)}" for t, v in by_table.items())


class HistoryMixin:
    """Reading and replaying the history; needs ``UnitsMixin`` and ``RowsMixin``."""

    def steps(self, actor: str | None = None, coder: str | None = None,
              limit: int | None = None, after: int = 0) -> list[Step]:
        """Steps newest first (``after``: only those with a larger id, oldest first).

        Args:
            actor: only steps run by this person.
            coder: only steps run by this person or changing their codings or answers.
        """
        st = s.steps.c
        q = select(s.steps).where(st.id > after)
        if actor is not None:
            q = q.where(st.actor == actor)
        if coder is not None:
            q = q.where(or_(st.actor == coder, st.id.in_(
                select(s.events.c.step_id).where(s.events.c.coder == coder))))
        q = q.order_by(st.id if after else st.id.desc())
        if limit:
            q = q.limit(limit)
        with self.reading() as conn:
            rows = conn.execute(q).all()
            ids = [r.id for r in rows]
            changes: dict[int, dict] = {}
            if ids:
                ev = s.events.c
                for step_id, table, op, n in conn.execute(
                        select(ev.step_id, ev.table_name, ev.op, func.count())
                        .where(ev.step_id.in_(ids))
                        .group_by(ev.step_id, ev.table_name, ev.op)):
                    changes.setdefault(step_id, {})[(table, op)] = n
        return [Step(r.id, r.at, r.actor, r.command, r.kind, r.target, r.undone_by,
                     bool(r.undoable), changes.get(r.id, {})) for r in rows]

    def events(self, step: int) -> list[dict]:
        """A step's events in order: ``table, op, key, coder, before, after``."""
        ev = s.events.c
        with self.reading() as conn:
            return [{"id": r.id, "table": r.table_name, "op": r.op, "key": json.loads(r.pk),
                     "coder": r.coder,
                     "before": None if r.before is None else json.loads(r.before),
                     "after": None if r.after is None else json.loads(r.after)}
                    for r in conn.execute(select(s.events).where(ev.step_id == step)
                                          .order_by(ev.id))]

    def last_event_id(self) -> int:
        with self.reading() as conn:
            return conn.execute(select(func.max(s.events.c.id))).scalar() or 0

    def events_after(self, after: int, limit: int = 2000) -> list[dict]:
        """Events with an id above ``after``, oldest first, at most ``limit``, each with its
        step's ``step, actor, kind``; rows (``before``/``after``) only for the tables of
        people's work (a document's row holds its whole text). Writers take turns (SQLite's
        write lock, PostgreSQL's advisory lock), so ids are committed in order and nothing
        with a smaller id can appear later.

        Returns:
            ``[{id, step, actor, kind, table, op, key, coder, before, after, document}]``
            (``document``: the name of the document a coding or answer is in, when known).
        """
        ev, st = s.events.c, s.steps.c
        work = ev.table_name.in_(WORK_TABLES)
        q = (select(ev.id, ev.step_id, st.actor, st.kind, ev.table_name, ev.op, ev.pk,
                    ev.coder, case((work, ev.before), else_=None).label("before"),
                    case((work, ev.after), else_=None).label("after"))
             .join(s.steps, st.id == ev.step_id).where(ev.id > after)
             .order_by(ev.id).limit(limit))
        with self.reading() as conn:
            out = [{"id": r.id, "step": r.step_id, "actor": r.actor, "kind": r.kind,
                    "table": r.table_name, "op": r.op, "key": json.loads(r.pk),
                    "coder": r.coder,
                    "before": None if r.before is None else json.loads(r.before),
                    "after": None if r.after is None else json.loads(r.after)}
                   for r in conn.execute(q)]
            names = dict(conn.execute(select(s.documents.c.id, s.documents.c.name)).all()) \
                if out else {}
        for e in out:
            row = e["after"] or e["before"] or {}
            e["document"] = names.get(row.get("document_id"))
        return out

    def last_change_of(self, table: str, key: tuple) -> dict | None:
        """The latest event on one row: ``{step, actor, command, op, at}``, None when the
        history has none (it reads the whole events table: for messages, not for loops)."""
        ev, st = s.events.c, s.steps.c
        pk = json.dumps(list(key), ensure_ascii=False)
        with self.reading() as conn:
            row = conn.execute(select(st.id, st.actor, st.command, ev.op, st.at)
                               .join(s.events, ev.step_id == st.id)
                               .where(and_(ev.table_name == table, ev.pk == pk))
                               .order_by(ev.id.desc()).limit(1)).first()
        return None if row is None else {"step": row.id, "actor": row.actor,
                                         "command": row.command, "op": row.op, "at": row.at}

    # -- undo and redo ----------------------------------------------------------------------

    def undo(self, actor: str | None = None, by: str | None = None) -> Step | None:
        """Revert the latest step (of ``actor``, when given) that can be undone.

        Args:
            by: who undoes (recorded); defaults to ``actor``.

        Returns:
            The step reverted, or None when there is nothing to undo.

        Raises:
            Conflict: a row the step changed was changed since by another step.
        """
        return self._step_back(actor, by, "undo")

    def redo(self, actor: str | None = None, by: str | None = None) -> Step | None:
        """Re-apply the latest undone step (of ``actor``), when no new step came since.

        Returns:
            The undo step that was reverted (its ``target`` is the step now re-applied), or
            None when there is nothing to redo.
        """
        return self._step_back(actor, by, "redo")

    def next_steps(self, actor: str | None = None) -> dict:
        """What ``undo(actor)`` and ``redo(actor)`` would take now, without taking it:
        ``{"undo": command or None, "redo": command or None}`` (a redo is named for the step
        it re-applies)."""
        with self.reading() as conn:
            back = self._latest(conn, actor, undo=True)
            again = self._latest(conn, actor, undo=False)
        return {"undo": back.command if back is not None else None,
                "redo": again.command.split(": ", 1)[-1] if again is not None else None}

    def _step_back(self, actor: str | None, by: str | None, kind: str):
        with self.atomic() as conn:
            target = self._latest(conn, actor, undo=kind == "undo")
            if target is not None:
                self._replay(conn, target, kind, by or actor)
            return target

    def _latest(self, conn, actor: str | None, undo: bool):
        st = s.steps.c
        q = select(s.steps).where(st.undoable == 1)
        if actor is not None:
            q = q.where(st.actor == actor)
        if undo:
            row = conn.execute(q.where(and_(st.kind != "undo", st.undone_by.is_(None)))
                               .order_by(st.id.desc()).limit(1)).first()
            return row
        for row in conn.execute(q.order_by(st.id.desc())):
            if row.kind == "do":
                return None
            if row.kind == "undo" and row.undone_by is None:
                return row
        return None

    def _replay(self, conn, target, kind: str, actor: str | None) -> None:
        """Apply ``target``'s events backwards (each from its after to its before state) as
        a new step of ``kind``; mark ``target`` as undone by it."""
        state = self._state
        state.kind, state.target = kind, target.id
        if kind == "redo":  # named for the step it re-applies, not for the undo it reverts
            state.command = f"redo step {target.target}: {target.command.split(': ', 1)[-1]}"
        else:
            state.command = f"undo step {target.id}: {target.command}"
        state.actor = actor or state.actor
        ev = s.events.c
        rows = conn.execute(select(s.events).where(ev.step_id == target.id)
                            .order_by(ev.id.desc())).all()
        # group runs of one table, keeping their order, to apply each run in one go
        runs: list[tuple[str, list]] = []
        for r in rows:
            if r.table_name == "suggestions":
                continue  # made again by 'suggest', not restored
            pair = (None if r.after is None else json.loads(r.after),
                    None if r.before is None else json.loads(r.before))
            if runs and runs[-1][0] == r.table_name:
                runs[-1][1].append(pair)
            else:
                runs.append((r.table_name, [pair]))
        for table, pairs in runs:
            self._apply(conn, table, pairs, lambda t, k: self._changed_since(conn, t, k,
                                                                             target.id))
        step_id = self._step_id(conn)
        conn.execute(s.steps.update().where(s.steps.c.id == target.id).values(undone_by=step_id))

    def _changed_since(self, conn, table: str, key: tuple, after: int) -> str:
        ev = s.events.c
        pk = json.dumps(list(key), ensure_ascii=False)
        row = conn.execute(select(s.steps.c.id, s.steps.c.command)
                           .join(s.events, ev.step_id == s.steps.c.id)
                           .where(and_(ev.table_name == table, ev.pk == pk, ev.step_id > after))
                           .order_by(ev.id.desc()).limit(1)).first()
        if row is None:
            return "is not as this step left it"
        return f"was changed since by step {row.id} ({row.command}); undo that first"


