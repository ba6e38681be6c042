"""Suggestions in the store: replaced per source, accepted into a person's work, or dropped.

Only these methods touch rows whose source is ``rule`` or ``model``; manual rows are changed
by none of them (``accept`` only adds manual rows).
"""

from __future__ import annotations

import datetime as _dt

from sqlalchemy import and_, insert, or_, select

from ..model import MANUAL, Answer, Coding
from . import schema as s


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


class SuggestionsMixin:
    def replace_suggestions(self, source: str, codings: list[Coding] | None = None,
                            answers: list[Answer] | None = None) -> None:
        """Swap one source's suggested codings and/or answers (None: leave them) for new
        ones; manual work is never touched."""
        if source == MANUAL:
            raise ValueError("manual codings are not suggestions")
        with self.transaction() as conn:
            if codings is not None:
                conn.execute(s.codings.delete().where(s.codings.c.source == source))
                self._insert_codings(conn, codings)
            if answers is not None:
                conn.execute(s.answers.delete().where(s.answers.c.source == source))
                self._insert_answers(conn, answers)

    def accept(self, coder: str, code: str | None = None, min_confidence: float = 0.0,
               answers: bool = True) -> tuple[int, int]:
        """Promote suggestions to ``coder``'s manual codings (and answers) and drop them.

        An answer the coder already gave is kept, and the suggestion for it stays unaccepted.
        Returns the number of codings and answers promoted.
        """
        sugg = s.codings.c.source != MANUAL
        cond = and_(sugg, or_(s.codings.c.confidence.is_(None),
                              s.codings.c.confidence >= min_confidence))
        if code:
            cond = and_(cond, or_(s.codings.c.code == code, s.codings.c.code.like(code + ".%")))
        with self.transaction() as conn:
            rows = conn.execute(select(s.codings).where(cond)).all()
            names = {v: k for k, v in self._doc_ids(conn).items()}
            n = self._insert_codings(conn, [
                Coding(names[r.document_id], r.start, r.end, r.code, coder, MANUAL,
                       f"accepted {r.source} suggestion", None, r.evidence) for r in rows])
            conn.execute(s.codings.delete().where(s.codings.c.id.in_([r.id for r in rows])))
            m = 0
            if answers and not code:
                acond = and_(s.answers.c.source != MANUAL,
                             or_(s.answers.c.confidence.is_(None),
                                 s.answers.c.confidence >= min_confidence))
                given = set(conn.execute(select(s.answers.c.case_label, s.answers.c.question)
                                         .where(and_(s.answers.c.coder == coder,
                                                     s.answers.c.source == MANUAL))).all())
                todo = [r for r in conn.execute(select(s.answers).where(acond)).all()
                        if (r.case_label, r.question) not in given]
                m = self._insert_answers(conn, [
                    Answer(r.case_label, r.question, r.category, coder, MANUAL, r.evidence,
                           names.get(r.document_id), r.start, r.end) for r in todo])
                conn.execute(s.answers.delete().where(s.answers.c.id.in_([r.id for r in todo])))
        return n, m

    def reject(self, code: str | None = None, source: str | None = None,
               answers: bool = True) -> tuple[int, int]:
        """Drop suggestions (of one code and/or source); returns codings and answers dropped."""
        cond = s.codings.c.source != MANUAL
        if source:
            cond = and_(cond, s.codings.c.source == source)
        if code:
            cond = and_(cond, or_(s.codings.c.code == code, s.codings.c.code.like(code + ".%")))
        with self.transaction() as conn:
            n = conn.execute(s.codings.delete().where(cond)).rowcount
            m = 0
            if answers and not code:
                acond = s.answers.c.source != MANUAL
                if source:
                    acond = and_(acond, s.answers.c.source == source)
                m = conn.execute(s.answers.delete().where(acond)).rowcount
        return n, m

    def save_model(self, name: str, data: str) -> None:
        with self.transaction() as conn:
            conn.execute(s.models.delete().where(s.models.c.name == name))
            conn.execute(insert(s.models).values(name=name, data=data, created=_now()))

    def load_model(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(s.models.c.data).where(s.models.c.name == name)).scalar()

