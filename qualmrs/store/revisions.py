"""A document's text replaced (a corrected transcript, a pseudonymisation) with every span
carried through the alignment, in one step of the history; codings whose text is gone are set
aside, those whose words changed are listed for review. Nothing is dropped silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import func, select

from ..errors import StoreError
from ..ingest.align import GONE, SAME, SpanMap
from ..model import MANUAL
from . import schema as s
from .units import now
from .work import CODING_NATURAL

MOVED = "moved"  # a coding whose text was deleted where it stood and found once elsewhere


@dataclass
class RevisionReport:
    """What a revision did to one document's codings and answers."""

    document: str
    version: int | None = None  # the number the previous text is kept under (None: not kept)
    same: int = 0  # codings on untouched words
    changed: int = 0  # codings whose own words changed: carried, listed for review
    moved: int = 0  # codings whose text moved: carried there, listed for review
    set_aside: int = 0  # manual codings whose text was deleted
    merged: int = 0  # codings that became identical to another one
    answers: int = 0  # answer evidence spans carried
    answers_cleared: int = 0  # answer evidence whose text was deleted (the answer stays)
    review: list = field(default_factory=list)  # (kind, id, old text, new text, reason)


def _once(text: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` stands in ``text`` when it stands there exactly once."""
    if len(needle) < 3:
        return None
    at = text.find(needle)
    if at < 0 or text.find(needle, at + 1) >= 0:
        return None
    return at, at + len(needle)


def _safe_order(pairs: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    """Pairs ordered so that no row moves onto the place of one that has yet to move away
    (the unique key includes the span); the history replays them backwards, which is then
    safe too. A carried map keeps order, so there are chains but no cycles."""
    key = lambda row: tuple(row[c] for c in CODING_NATURAL)  # noqa: E731
    here = {key(b): i for i, (b, _) in enumerate(pairs)}
    done: set[int] = set()
    order: list[int] = []
    for i in range(len(pairs)):
        path, k = [], i
        while k is not None and k not in done and k not in path:
            path.append(k)
            j = here.get(key(pairs[k][1]))
            k = None if j == k else j
        for k in reversed(path):
            done.add(k)
            order.append(k)
    return [pairs[i] for i in order]


class RevisionsMixin:
    """Needs ``RowsMixin``, ``WorkMixin`` and ``UnitsMixin``."""

    def revise_document(self, name: str, changes: dict, spans: SpanMap,
                        keep_version: bool = True, review: bool = True) -> RevisionReport:
        """Give a stored document new text (and turns, hash, format) and carry its codings'
        and answers' spans through ``spans`` (old text → new), as one unit.

        Args:
            changes: new values of the document's row: ``text``, ``turns`` (lists as in
                ``rows.TURN_COLUMNS[1:]``), and optionally ``sha256``, ``format``.
            keep_version: keep the previous text in ``document_versions`` (a pseudonymisation
                keeps none: the old text must not stay in the project).
            review: list codings and answers whose words changed for review.

        Returns:
            A ``RevisionReport``.

        Raises:
            StoreError: no document of that name.
        """
        with self.atomic() as conn:
            doc_id = self._doc_ids(conn).get(name)
            if doc_id is None:
                raise StoreError(f"no document named '{name}' in the project")
            old = self._fetch(conn, "documents", [(doc_id,)])[(doc_id,)]
            report = RevisionReport(name)
            if keep_version:
                dv = s.document_versions.c
                report.version = (conn.execute(select(func.max(dv.version)).where(
                    dv.document_id == doc_id)).scalar() or 0) + 1
                self._insert(conn, "document_versions", [{
                    "document_id": doc_id, "version": report.version, "sha256": old["sha256"],
                    "format": old["format"], "text": old["text"],
                    "turns": json.dumps(old["turns"], ensure_ascii=False), "replaced": now()}])
            new = {**old, **changes}
            self._add_cases(conn, (), [t[3] for t in new["turns"] if t[3]])
            self._update(conn, "documents", [(old, new)])
            self._carry_codings(conn, doc_id, old["text"], new["text"], spans, review, report)
            self._carry_answers(conn, doc_id, old["text"], new["text"], spans, review, report)
            self._note_reviews(conn, doc_id, report.review)
        return report

    def _carry_codings(self, conn, doc_id: int, old: str, new: str, spans: SpanMap,
                       review: bool, report: RevisionReport) -> None:
        pairs, aside, dropped = [], [], []
        for row in self.rows_where(conn, "codings", s.codings.c.document_id == doc_id):
            start, end, status = spans.span(row["start"], row["end"])
            if status == GONE:
                found = _once(new, old[row["start"]:row["end"]].strip())
                if found is not None:
                    (start, end), status = found, MOVED
            if status == GONE:
                (aside if row["source"] == MANUAL else dropped).append(row)
                continue
            pairs.append((row, {**row, "start": start, "end": end}))
            if status == SAME:
                report.same += 1
                continue
            if status == MOVED:
                report.moved += 1
            else:
                report.changed += 1
            if review and row["source"] == MANUAL:
                report.review.append(("coding", row["id"], old[row["start"]:row["end"]],
                                      new[start:end], status))
        pairs = [(b, a) for b, a in _safe_order(pairs) if (b["start"], b["end"]) !=
                 (a["start"], a["end"])]
        before = len(pairs)
        self._retarget(conn, "codings", pairs)
        kept = {r["id"] for r in self.rows_where(
            conn, "codings", s.codings.c.id.in_([b["id"] for b, _ in pairs]))}
        report.merged = before - len(kept)
        self._delete(conn, "codings", dropped)
        if aside:
            self._insert(conn, "set_aside", [{
                "coding_id": r["id"], "document_id": doc_id,
                "coding": json.dumps(r, ensure_ascii=False, sort_keys=True),
                "text": old[r["start"]:r["end"]], "created": now()} for r in aside])
            self._delete(conn, "codings", aside)
        report.set_aside = len(aside)

    def _carry_answers(self, conn, doc_id: int, old: str, new: str, spans: SpanMap,
                       review: bool, report: RevisionReport) -> None:
        pairs = []
        for row in self.rows_where(conn, "answers", s.answers.c.document_id == doc_id):
            if row["start"] is None or row["end"] is None:
                continue
            start, end, status = spans.span(row["start"], row["end"])
            quote = old[row["start"]:row["end"]]
            if status == GONE:
                after = {**row, "document_id": None, "start": None, "end": None}
                report.answers_cleared += 1
                reason, now_text = "deleted", ""
            else:
                after = {**row, "start": start, "end": end}
                if status != SAME and row["evidence"] == quote:
                    after["evidence"] = new[start:end]
                report.answers += 1
                reason, now_text = status, new[start:end]
            pairs.append((row, after))
            if status != SAME and review and row["source"] == MANUAL:
                report.review.append(("answer", row["id"], quote, now_text, reason))
        self._update(conn, "answers", pairs)

    def _note_reviews(self, conn, doc_id: int, notes: list) -> None:
        """Add review notes; a row already listed keeps its first old text."""
        if not notes:
            return
        r = s.reviews.c
        have = {(x["kind"], x["row_id"]): x for x in self.rows_where(
            conn, "reviews", r.row_id.in_([n[1] for n in notes]))}
        created = now()
        adds, changes = [], []
        for kind, row_id, old_text, new_text, reason in notes:
            current = have.get((kind, row_id))
            if current is None:
                adds.append({"kind": kind, "row_id": row_id, "document_id": doc_id,
                             "old_text": old_text, "new_text": new_text, "reason": reason,
                             "created": created})
            else:
                changes.append((current, {**current, "new_text": new_text}))
        self._update(conn, "reviews", changes)
        self._insert(conn, "reviews", adds)

    # -- listing and settling -----------------------------------------------------------------

    def reviews(self) -> list[dict]:
        """Review notes still standing (their coding or answer still there), oldest first:
        ``id, kind, row_id, document, old_text, new_text, reason, created``."""
        r = s.reviews.c
        with self.reading() as conn:
            names = {v: k for k, v in self._doc_ids(conn).items()}
            codings = set(conn.execute(select(s.codings.c.id)).scalars())
            answers = set(conn.execute(select(s.answers.c.id)).scalars())
            rows = [dict(x) for x in conn.execute(select(s.reviews).order_by(r.id)).mappings()]
        return [{**x, "document": names.get(x.pop("document_id"), "")} for x in rows
                if x["row_id"] in (codings if x["kind"] == "coding" else answers)]

    def clear_reviews(self, ids: list[int] | None = None) -> int:
        """Mark review notes as done (``ids``; None: all). Returns how many.

        Raises:
            StoreError: an id that is no review note (nothing is cleared).
        """
        with self.atomic() as conn:
            rows = self.rows_where(conn, "reviews", True if ids is None
                                   else s.reviews.c.id.in_(list(ids)))
            missing = sorted(set(ids or ()) - {r["id"] for r in rows})
            if missing:
                raise StoreError("no review note with id " + ", ".join(map(str, missing))
                                 + "; list them with 'qualmrs status'")
            self._delete(conn, "reviews", rows)
            return len(rows)

    def set_aside_codings(self) -> list[dict]:
        """Codings set aside by revisions: ``id, document, coding (the row), text, created``."""
        with self.reading() as conn:
            names = {v: k for k, v in self._doc_ids(conn).items()}
            rows = conn.execute(select(s.set_aside).order_by(s.set_aside.c.id)).mappings().all()
        return [{"id": r["id"], "document": names.get(r["document_id"], ""),
                 "coding": json.loads(r["coding"]), "text": r["text"], "created": r["created"]}
                for r in rows]

    def restore_coding(self, aside_id: int, start: int, end: int) -> dict:
        """Put a set-aside coding back, on ``[start, end)`` of its document (same id, code,
        coder and memo); identical to one there, it becomes that one. Returns its row.

        Raises:
            StoreError: no such set-aside coding, or its document is gone.
        """
        with self.atomic() as conn:
            found = self.rows_where(conn, "set_aside", s.set_aside.c.id == aside_id)
            if not found:
                raise StoreError(f"no set-aside coding with id {aside_id}; list them with "
                                 "'qualmrs set-aside'")
            aside = found[0]
            if aside["document_id"] not in self._doc_ids(conn).values():
                raise StoreError(f"the document of set-aside coding {aside_id} is no longer "
                                 "in the project")
            row = {**json.loads(aside["coding"]), "start": start, "end": end}
            self._delete(conn, "set_aside", [aside])
            natural = self._natural(conn, "codings")
            same = natural.get(tuple(row[c] for c in CODING_NATURAL))
            if same is not None:
                return same
            return self._insert(conn, "codings", [row])[0]
