"""Suggestions in the store: replaced per source, accepted into a person's work, or dropped.

Only these methods touch rows whose source is ``rule`` or ``model``; manual rows are changed
by none of them (``accept`` only adds manual rows). Refreshing suggestions is one step of the
history that undo passes over: suggestions are made again, not restored.
"""

from __future__ import annotations

from sqlalchemy import and_, func, insert, or_, select

from ..model import MANUAL, Answer, Coding
from . import schema as s
from .units import now


def _now() -> str:  # kept for callers of the earlier name
    return now()


class SuggestionsMixin:
    def replace_suggestions(self, source: str, codings: list[Coding] | None = None,
                            answers: list[Answer] | None = None) -> None:
        """Swap one source's suggested codings and/or answers (None: leave them) for new
        ones; manual work is never touched."""
        if source == MANUAL:
            raise ValueError("manual codings are not suggestions")
        with self.atomic(command=f"suggest ({source})", undoable=False) as conn:
            for table, items, insert_ in (("codings", codings, self._insert_plain_codings),
                                          ("answers", answers, self._insert_plain_answers)):
                if items is None:
                    continue
                t = getattr(s, table)
                before = conn.execute(select(func.count()).select_from(t)
                                      .where(t.c.source == source)).scalar()
                conn.execute(t.delete().where(t.c.source == source))
                after = insert_(conn, items)
                # one event for the lot: suggestions are made again, never restored
                self._events(conn, "suggestions", [({"key": f"{source} {table}",
                                                     "count": before},
                                                    {"key": f"{source} {table}",
                                                     "count": after})])

    def _insert_plain_codings(self, conn, codings) -> int:
        """Suggested codings without row events (there may be tens of thousands)."""
        from .bulk import insert_rows

        ids, created, seen, rows = self._doc_ids(conn), now(), set(), []
        for c in codings:
            row = self._coding_row(c, ids, created)
            key = (row["document_id"], row["start"], row["end"], row["code"], row["coder"],
                   row["source"])
            if key not in seen:
                seen.add(key)
                rows.append(tuple(row.values()))
        if rows:
            insert_rows(conn, s.codings, tuple(self._coding_row(codings[0], ids, created)),
                        rows)
        return len(rows)

    def _insert_plain_answers(self, conn, answers) -> int:
        if not answers:
            return 0
        ids, created = self._doc_ids(conn), now()
        conn.execute(insert(s.answers), [self._answer_row(a, ids, created) for a in answers])
        return len(answers)

    def accept(self, coder: str, code: str | None = None, min_confidence: float = 0.0,
               answers: bool = True, ids: list[int] | None = None) -> tuple[int, int]:
        """Promote suggestions to ``coder``'s manual codings (and answers) and drop them.

        Args:
            ids: only these suggested codings (no answers then).

        An answer the coder already gave is kept, and the suggestion for it stays unaccepted.
        Returns the number of codings and answers promoted.
        """
        c = s.codings.c
        cond = and_(c.source != MANUAL, or_(c.confidence.is_(None),
                                            c.confidence >= min_confidence))
        if code:
            cond = and_(cond, or_(c.code == code, c.code.like(code + ".%")))
        if ids is not None:
            cond = and_(cond, c.id.in_(list(ids)))
        with self.atomic() as conn:
            rows = self.rows_where(conn, "codings", cond)
            names = {v: k for k, v in self._doc_ids(conn).items()}
            made = self._insert_codings(conn, [
                Coding(names[r["document_id"]], r["start"], r["end"], r["code"], coder, MANUAL,
                       "", None, r["evidence"], origin=f"accepted:{r['source']}",
                       origin_key=str(r["id"])) for r in rows])
            self._delete(conn, "codings", rows)
            m = 0
            if answers and not code and ids is None:
                a = s.answers.c
                acond = and_(a.source != MANUAL, or_(a.confidence.is_(None),
                                                     a.confidence >= min_confidence))
                given = set(conn.execute(select(a.case_label, a.question).where(
                    and_(a.coder == coder, a.source == MANUAL))).all())
                todo = [r for r in self.rows_where(conn, "answers", acond)
                        if (r["case_label"], r["question"]) not in given]
                m = len(self._insert_answers(conn, [
                    Answer(r["case_label"], r["question"], r["category"], coder, MANUAL,
                           r["evidence"], names.get(r["document_id"]), r["start"], r["end"],
                           origin=f"accepted:{r['source']}", origin_key=str(r["id"]))
                    for r in todo]))
                self._delete(conn, "answers", todo)
        return len(made), m

    def reject(self, code: str | None = None, source: str | None = None,
               answers: bool = True, ids: list[int] | None = None) -> tuple[int, int]:
        """Drop suggestions (of one code and/or source, or by id); returns codings and
        answers dropped."""
        c = s.codings.c
        cond = c.source != MANUAL
        if source:
            cond = and_(cond, c.source == source)
        if code:
            cond = and_(cond, or_(c.code == code, c.code.like(code + ".%")))
        if ids is not None:
            cond = and_(cond, c.id.in_(list(ids)))
        with self.atomic() as conn:
            rows = self.rows_where(conn, "codings", cond)
            self._delete(conn, "codings", rows)
            m = 0
            if answers and not code and ids is None:
                acond = s.answers.c.source != MANUAL
                if source:
                    acond = and_(acond, s.answers.c.source == source)
                gone = self.rows_where(conn, "answers", acond)
                self._delete(conn, "answers", gone)
                m = len(gone)
        return len(rows), m

    def save_model(self, name: str, data: str) -> None:
        with self.atomic(command="save model", undoable=False) as conn:
            conn.execute(s.models.delete().where(s.models.c.name == name))
            conn.execute(insert(s.models).values(name=name, data=data, created=now()))

    def load_model(self, name: str) -> str | None:
        with self.reading() as conn:
            return conn.execute(select(s.models.c.data).where(s.models.c.name == name)).scalar()
