"""Codings and answers written, synchronised with their files, edited, and moved between
codes and coders; every change goes through ``rows.py`` and so into the history."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import and_, select

from ..errors import StoreError
from ..model import MANUAL, Answer, Coding
from . import schema as s
from .bulk import fetch_rows
from .rows import CHUNK
from .units import now

CODING_NATURAL = ("document_id", "start", "end", "code", "coder", "source")
ANSWER_NATURAL = ("case_label", "question", "coder", "source")


@dataclass
class SyncReport:
    """What importing one origin changed: codings, answers and summaries added, changed,
    removed."""

    origin: str
    codings: tuple[int, int, int] = (0, 0, 0)
    answers: tuple[int, int, int] = (0, 0, 0)
    unchanged_file: bool = False
    summaries: tuple[int, int, int] = (0, 0, 0)

    def describe(self, kind: str) -> str:
        a, c, r = getattr(self, kind)
        one = {"summaries": "summary"}.get(kind, kind[:-1])
        return f"{a} {one}(s) added, {c} changed, {r} removed"


class WorkMixin:
    """Needs ``RowsMixin`` and ``UnitsMixin``."""

    # -- rows of codings and answers --------------------------------------------------------

    def _coding_row(self, c: Coding, ids: dict[str, int], created: str) -> dict:
        if c.document not in ids:
            raise KeyError(c.document)
        return {"document_id": ids[c.document], "start": c.start, "end": c.end, "code": c.code,
                "coder": c.coder, "source": c.source, "confidence": c.confidence,
                "evidence": c.evidence, "memo": c.memo, "created": c.created or created,
                "origin": c.origin, "origin_key": c.origin_key}

    def _answer_row(self, a: Answer, ids: dict[str, int], created: str) -> dict:
        return {"case_label": a.case, "question": a.question, "category": a.category,
                "coder": a.coder, "source": a.source, "confidence": a.confidence,
                "evidence": a.evidence,
                "document_id": ids.get(a.document) if a.document else None,
                "start": a.start, "end": a.end, "created": created,
                "origin": a.origin, "origin_key": a.origin_key}

    def _natural(self, conn, table: str, among: set | None = None) -> dict[tuple, dict]:
        """Rows by natural key; with ``among``, only those whose key starts with one of these
        (a document's id, a case's label): the rows a change to them can meet."""
        cols = CODING_NATURAL if table == "codings" else ANSWER_NATURAL
        # a few documents' rows, not all of a large study's (issue 14: recode in the browser)
        cond = True if among is None or len(among) > CHUNK else \
            getattr(s, table).c[cols[0]].in_(sorted(among))
        return {tuple(r[c] for c in cols): r for r in self.rows_where(conn, table, cond)}

    def _insert_codings(self, conn, codings) -> list[dict]:
        """Insert codings not stored yet (exact repeats skipped); returns the new rows."""
        if not codings:
            return []
        ids, created = self._doc_ids(conn), now()
        # only the documents coded here: a coding in the browser reads one document's rows
        docs = list({ids[c.document] for c in codings if c.document in ids})
        have = set(fetch_rows(conn, select(*(s.codings.c[k] for k in CODING_NATURAL))
                              .where(s.codings.c.document_id.in_(docs))))
        rows = []
        for c in codings:
            row = self._coding_row(c, ids, created)
            key = tuple(row[k] for k in CODING_NATURAL)
            if key not in have:
                have.add(key)
                rows.append(row)
        return self._insert(conn, "codings", rows)

    def _insert_answers(self, conn, answers) -> list[dict]:
        """Insert answers; an identical repeat is skipped, a different one refused."""
        if not answers:
            return []
        ids, created = self._doc_ids(conn), now()
        have = {k: r["category"] for k, r in self._natural(conn, "answers").items()}
        known = set(conn.execute(select(s.cases.c.label)).scalars())
        rows = []
        for a in answers:
            key = (a.case, a.question, a.coder, a.source)
            if key in have:
                if have[key] != a.category:
                    raise StoreError(f"case {a.case} already has answer '{have[key]}' to "
                                     f"{a.question} from {a.coder}; not replaced with "
                                     f"'{a.category}'")
                continue
            if a.case not in known:
                raise StoreError(f"unknown case '{a.case}'")
            have[key] = a.category
            rows.append(self._answer_row(a, ids, created))
        return self._insert(conn, "answers", rows)

    def add_codings(self, codings: list[Coding]) -> int:
        """Add codings, skipping exact repeats; returns how many were new."""
        return self.add_work(codings=codings)[0]

    def add_answers(self, answers: list[Answer]) -> int:
        """Add answers; an identical repeat is skipped, a changed one is refused.

        Raises:
            StoreError: a stored answer of the same coder and source says otherwise
                (use ``set_answer`` to change one).
        """
        return self.add_work(answers=answers)[1]

    def add_work(self, codings: list[Coding] = (), answers: list[Answer] = ()) -> tuple[int, int]:
        """Add codings and answers in one unit; returns how many of each were new."""
        with self.atomic() as conn:
            return (len(self._insert_codings(conn, codings)),
                    len(self._insert_answers(conn, answers)))

    def replace_work(self, origin: str, codings: list[Coding],
                     answers: list[Answer]) -> tuple[int, int]:
        """Make the codings and answers of ``origin`` exactly these (others untouched):
        what is no longer there is removed, what is new is added, what stays keeps its id.

        Returns:
            (rows added, rows removed), codings and answers together.
        """
        with self.atomic() as conn:
            ids, added, removed = self._doc_ids(conn), 0, 0
            for table, new, make, cols, insert_ in (
                    ("codings", codings, self._coding_row, CODING_NATURAL,
                     self._insert_codings),
                    ("answers", answers, self._answer_row, ANSWER_NATURAL + ("category",),
                     self._insert_answers)):
                wanted = {tuple(make(x, ids, "")[c] for c in cols): x for x in new}
                mine = self.rows_where(conn, table, getattr(s, table).c.origin == origin)
                gone = [r for r in mine if tuple(r[c] for c in cols) not in wanted]
                self._delete(conn, table, gone)
                kept = {tuple(r[c] for c in cols) for r in mine} - {
                    tuple(r[c] for c in cols) for r in gone}
                added += len(insert_(conn, [x for k, x in wanted.items() if k not in kept]))
                removed += len(gone)
        return added, removed

    # -- importing a file again -------------------------------------------------------------

    def import_snapshot(self, origin: str) -> tuple[str, list] | None:
        """(file hash, keyed items) of the last import of ``origin``, or None."""
        with self.reading() as conn:
            row = conn.execute(select(s.imports).where(s.imports.c.origin == origin)).first()
        return None if row is None else (row.sha256, json.loads(row.rows))

    def sync_origin(self, origin: str, sha256: str, diff) -> SyncReport:
        """Make the project match what ``origin`` now states, for what came from it.

        ``diff`` (see ``qualmrs.coding.origins.diff``) pairs the items of the last import with
        today's. Removed items take their codings and answers with them, changed ones change
        them (or bring them back, if removed in the project since), added ones are added; a
        coding or answer already in the project from no known origin (made before origins
        were kept) is taken over by this origin. Nothing of another origin is touched.

        Raises:
            StoreError: an added answer contradicts one of another origin.
        """
        counts = {"coding": [0, 0, 0], "answer": [0, 0, 0]}
        with self.atomic() as conn:
            ids, created = self._doc_ids(conn), now()
            for kind in ("coding", "answer"):
                table = kind + "s"
                mine = {r["origin_key"]: r for r in self.rows_where(
                    conn, table, getattr(s, table).c.origin == origin)}
                removed = [mine[k] for k, i in diff.removed if i.kind == kind and k in mine]
                self._delete(conn, table, removed)
                counts[kind][2] = sum(1 for _, i in diff.removed if i.kind == kind)
                natural = self._natural(conn, table)
                cols = CODING_NATURAL if kind == "coding" else ANSWER_NATURAL
                changes, adds = [], []
                todo = [(k, n, k in mine) for k, _, n in diff.changed if n.kind == kind] + \
                       [(k, n, False) for k, n in diff.added if n.kind == kind]
                for key, item, present in todo:
                    obj = _object(kind, item, origin, key)
                    row = (self._coding_row if kind == "coding" else self._answer_row)(
                        obj, ids, created)
                    nat = tuple(row[c] for c in cols)
                    other = natural.get(nat)
                    if present:
                        current = mine[key]
                        if other is not None and other["id"] != current["id"]:
                            self._delete(conn, table, [current])  # now identical: one, not two
                            continue
                        changes.append((current, {**current, **{k: v for k, v in row.items()
                                                                if k != "created"}}))
                    elif other is None:
                        adds.append(row)
                        natural[nat] = row
                    elif not other["origin"]:
                        changes.append((other, {**other, "origin": origin, "origin_key": key}))
                    elif kind == "answer" and other["category"] != row["category"]:
                        raise StoreError(
                            f"case {row['case_label']} already has answer '{other['category']}'"
                            f" to {row['question']} from {row['coder']} (from "
                            f"{other['origin'] or 'elsewhere'}); not replaced with "
                            f"'{row['category']}' from {origin}")
                self._update(conn, table, changes)
                if kind == "answer":
                    known = set(conn.execute(select(s.cases.c.label)).scalars())
                    for row in adds:
                        if row["case_label"] not in known:
                            raise StoreError(f"unknown case '{row['case_label']}'")
                self._insert(conn, table, adds)
                counts[kind][0] = sum(1 for _, i in diff.added if i.kind == kind)
                counts[kind][1] = sum(1 for _, _, i in diff.changed if i.kind == kind)
            self._put_snapshot(conn, origin, sha256, diff)
        return SyncReport(origin, tuple(counts["coding"]), tuple(counts["answer"]))

    def _put_snapshot(self, conn, origin: str, sha256: str, diff) -> None:
        """Remember what ``origin`` gave this time, to compare the next import with."""
        old = self._fetch(conn, "imports", [(origin,)])
        row = {"origin": origin, "sha256": sha256,
               "rows": json.dumps(diff.snapshot(), ensure_ascii=False)}
        if (origin,) in old:
            self._update(conn, "imports", [(old[(origin,)], row)])
        else:
            self._insert(conn, "imports", [row])

    # -- edits ------------------------------------------------------------------------------

    def remove_codings(self, ids: list[int]) -> int:
        """Delete manual codings by id; returns how many.

        Raises:
            StoreError: an id that is not a coding (nothing is removed).
        """
        with self.atomic() as conn:
            rows = self._codings_by_id(conn, ids)
            self._delete(conn, "codings", rows)
            return len(rows)

    def change_codings(self, ids: list[int], **values) -> int:
        """Set columns (``code``, ``memo``, ``start``/``end``) of codings by id; a coding that
        becomes identical to another is merged into it. Returns how many changed."""
        with self.atomic() as conn:
            rows = self._codings_by_id(conn, ids)
            return self._retarget(conn, "codings", [(r, {**r, **values}) for r in rows])

    def _codings_by_id(self, conn, ids: list[int]) -> list[dict]:
        rows = self.rows_where(conn, "codings", s.codings.c.id.in_(list(ids)))
        missing = sorted(set(ids) - {r["id"] for r in rows})
        if missing:
            raise StoreError("no coding with id " + ", ".join(map(str, missing))
                             + "; list them with 'qualmrs codings'")
        return rows

    def _retarget(self, conn, table: str, pairs: list[tuple[dict, dict]]) -> int:
        """Change rows; where the new form is already in the table, the old row goes (its
        memo kept on the other when that has none): identical work becomes one, not two."""
        cols = CODING_NATURAL if table == "codings" else ANSWER_NATURAL
        natural = self._natural(conn, table, {after[cols[0]] for _, after in pairs})
        changes, merged, memos = [], [], []
        for before, after in pairs:
            nat = tuple(after[c] for c in cols)
            other = natural.get(nat)
            if other is not None and other["id"] != before["id"]:
                merged.append(before)
                if table == "codings" and before["memo"] and not other["memo"]:
                    memos.append((other, {**other, "memo": before["memo"]}))
            else:
                natural.pop(tuple(before[c] for c in cols), None)
                natural[nat] = after
                changes.append((before, after))
        self._delete(conn, table, merged)
        self._update(conn, table, changes + memos)
        return len(pairs)

    def _move_codings(self, conn, moves: dict[str, str]) -> int:
        if not moves:
            return 0
        rows = self.rows_where(conn, "codings", s.codings.c.code.in_(list(moves)))
        return self._retarget(conn, "codings", [(r, {**r, "code": moves[r["code"]]})
                                                for r in rows])

    def rename_coder(self, old: str, new: str) -> dict[str, int]:
        """Give ``old``'s codings and answers to ``new`` (merging into ``new``'s work when
        there is some) and remember ``old`` as an alias of ``new`` for later imports.

        Identical codings become one. Where both answered a question for a case, ``new``'s
        answer stays and ``old``'s goes (counted as ``replaced`` when it said otherwise).

        Returns:
            ``{"codings": n, "answers": m, "replaced": k}``.

        Raises:
            StoreError: ``old`` has no work.
        """
        with self.atomic() as conn:
            codings = self.rows_where(conn, "codings", s.codings.c.coder == old)
            answers = self.rows_where(conn, "answers", s.answers.c.coder == old)
            summarised = self._rename_summaries(conn, old, new)
            if not codings and not answers and not summarised:
                raise StoreError(f"no codings or answers by '{old}'")
            theirs = {(r["case_label"], r["question"], r["source"]): r["category"]
                      for r in self.rows_where(conn, "answers", s.answers.c.coder == new)}
            replaced = sum(1 for r in answers
                           if theirs.get((r["case_label"], r["question"], r["source"]))
                           not in (None, r["category"]))
            self._retarget(conn, "codings", [(r, {**r, "coder": new}) for r in codings])
            self._retarget(conn, "answers", [(r, {**r, "coder": new}) for r in answers])
            self.set_alias(old, new, conn)
        return {"codings": len(codings), "answers": len(answers), "replaced": replaced}

    def set_answer(self, answer: Answer) -> dict | None:
        """Set a person's answer to a question for a case (replacing theirs), or with an
        empty category remove it; returns the stored row (None when removed)."""
        with self.atomic() as conn:
            a = s.answers.c
            current = self.rows_where(conn, "answers", and_(
                a.case_label == answer.case, a.question == answer.question,
                a.coder == answer.coder, a.source == MANUAL))
            if not answer.category:
                self._delete(conn, "answers", current)
                return None
            row = self._answer_row(answer, self._doc_ids(conn), now())
            if current:
                new = {**current[0], **{k: v for k, v in row.items() if k != "created"}}
                self._update(conn, "answers", [(current[0], new)])
                return new
            if answer.case not in set(conn.execute(select(s.cases.c.label)).scalars()):
                raise StoreError(f"unknown case '{answer.case}'")
            return self._insert(conn, "answers", [row])[0]

    # -- coder aliases ----------------------------------------------------------------------

    def aliases(self) -> dict[str, str]:
        """Alias → coder: names under which a coder's work arrives (a Word author, say)."""
        with self.reading() as conn:
            return dict(conn.execute(select(s.coder_aliases.c.alias,
                                            s.coder_aliases.c.coder)).all())

    def set_alias(self, alias: str, coder: str, conn=None) -> None:
        if conn is None:
            with self.atomic() as conn:
                return self.set_alias(alias, coder, conn)
        old = self._fetch(conn, "coder_aliases", [(alias,)])
        row = {"alias": alias, "coder": coder}
        # aliases of the alias now point on too
        chained = [(r, {**r, "coder": coder}) for r in self.rows_where(
            conn, "coder_aliases", s.coder_aliases.c.coder == alias)]
        self._update(conn, "coder_aliases", chained)
        if (alias,) in old:
            self._update(conn, "coder_aliases", [(old[(alias,)], row)])
        else:
            self._insert(conn, "coder_aliases", [row])


def _object(kind: str, item, origin: str, key: str):
    c = item.content
    if kind == "coding":
        return Coding(c["document"], c["start"], c["end"], c["code"], c["coder"], MANUAL,
                      c.get("memo", ""), origin=origin, origin_key=key)
    return Answer(c["case"], c["question"], c["category"], c["coder"], MANUAL,
                  c.get("evidence", ""), c.get("document"), c.get("start"), c.get("end"),
                  origin=origin, origin_key=key)
