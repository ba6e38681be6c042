"""Summaries (the matrix of main points): set, synchronised with a grid file, moved with
codes and coders; every change goes through ``rows.py`` and so into the history."""

from __future__ import annotations

import json

from sqlalchemy import and_, select

from ..errors import StoreError
from ..model import MANUAL, Summary
from . import schema as s
from .units import now
from .work import SyncReport


def _summary(row: dict) -> Summary:
    return Summary(row["case_label"], row["theme"], row["coder"], row["text"],
                   tuple(json.loads(row["quotes"])), row["id"], row["origin"],
                   row["origin_key"], row["created"])


class SummariesMixin:
    """Needs ``RowsMixin`` and ``WorkMixin``."""

    def summaries(self, coder: str | None = None) -> list[Summary]:
        """Every stored summary (of ``coder``), by case, theme and coder."""
        with self.reading() as conn:
            cond = True if coder is None else s.summaries.c.coder == coder
            rows = self.rows_where(conn, "summaries", cond)
        return sorted((_summary(r) for r in rows), key=lambda x: (x.case, x.theme, x.coder))

    def set_summary(self, summary: Summary, conn=None) -> Summary | None:
        """Write ``summary`` over the coder's summary of that case and theme, or with empty
        text remove it; returns the stored summary (None when removed).

        Raises:
            StoreError: unknown case, or a quote id that is not a manual coding of the coder.
        """
        if conn is None:
            with self.atomic() as conn:
                return self.set_summary(summary, conn)
        current = self._summary_row(conn, summary.case, summary.theme, summary.coder)
        if not summary.text.strip():
            self._delete(conn, "summaries", [current] if current else [])
            return None
        self._check_summary(conn, summary)
        row = {"case_label": summary.case, "theme": summary.theme, "coder": summary.coder,
               "text": summary.text, "quotes": json.dumps(sorted(set(summary.quotes))),
               "origin": summary.origin, "origin_key": summary.origin_key}
        if current is None:
            return _summary(self._insert(conn, "summaries", [{**row, "created": now()}])[0])
        new = {**current, **row}
        self._update(conn, "summaries", [(current, new)])
        return _summary(new)

    def _summary_row(self, conn, case: str, theme: str, coder: str) -> dict | None:
        c = s.summaries.c
        rows = self.rows_where(conn, "summaries", and_(c.case_label == case, c.theme == theme,
                                                       c.coder == coder))
        return rows[0] if rows else None

    def _check_summary(self, conn, summary: Summary) -> None:
        if conn.execute(select(s.cases.c.label).where(s.cases.c.label == summary.case)
                        ).first() is None:
            raise StoreError(f"unknown case '{summary.case}'")
        ids = set(summary.quotes)
        c = s.codings.c
        found = set(conn.execute(select(c.id).where(and_(
            c.id.in_(list(ids)), c.coder == summary.coder, c.source == MANUAL))).scalars())
        if ids - found:
            raise StoreError(f"no manual coding by {summary.coder} with id "
                             + ", ".join(map(str, sorted(ids - found)))
                             + "; list them with 'qualmrs codings'")

    def sync_summaries(self, origin: str, sha256: str, diff) -> SyncReport:
        """Make the summaries match what ``origin`` (a grid or summaries file) now states for
        the cells it changed.

        ``diff`` (``qualmrs.coding.origins.diff``) pairs the cells as the file was last
        written or imported with the cells now; items are keyed ``case|theme``, their content
        ``case, theme, coder, text, quotes``. A cell emptied since removes its summary; a
        cell written or changed sets it (whatever wrote the summary before: the file has the
        latest word, and undo takes it back). Cells the file did not change are left alone.
        """
        added = changed = removed = 0
        with self.atomic() as conn:
            for _, item in diff.removed:
                c = item.content
                current = self._summary_row(conn, c["case"], c["theme"], c["coder"])
                if current is not None:
                    self._delete(conn, "summaries", [current])
                    removed += 1
            for key, item in [(k, n) for k, _, n in diff.changed] + diff.added:
                c = item.content
                before = self._summary_row(conn, c["case"], c["theme"], c["coder"])
                after = self.set_summary(Summary(c["case"], c["theme"], c["coder"], c["text"],
                                                 tuple(c["quotes"]), origin=origin,
                                                 origin_key=key), conn)
                if before is None and after is not None:
                    added += 1
                elif before is not None and (before["text"], json.loads(before["quotes"])) != \
                        (after.text, list(after.quotes)):
                    changed += 1
            self._put_snapshot(conn, origin, sha256, diff)
        return SyncReport(origin, summaries=(added, changed, removed))

    # -- codes and coders -------------------------------------------------------------------

    def _move_summaries(self, conn, moves: dict[str, str], keys: set[str], drop: bool,
                        path: str) -> None:
        """Summaries of a renamed or merged theme go with it (two of one case that meet in
        one theme are joined, not one dropped); those of a code the new codebook lacks are
        refused, or with ``drop`` deleted.

        Raises:
            StoreError: a summary's theme is gone from the codebook ``keys`` (unless ``drop``).
        """
        rows = self.rows_where(conn, "summaries", s.summaries.c.theme.in_(list(moves)))
        self._merge_summaries(conn, [(r, {**r, "theme": moves[r["theme"]]}) for r in rows])
        lost = self.rows_where(conn, "summaries", s.summaries.c.theme.notin_(list(keys)))
        if lost and not drop:
            raise StoreError("the new codebook lacks codes that hold summaries: "
                             + ", ".join(sorted({r["theme"] for r in lost})) + "; list the "
                             "old key under 'was:' of the code that takes them, or give "
                             "--drop-codings", path=path)
        self._delete(conn, "summaries", lost)

    def _rename_summaries(self, conn, old: str, new: str) -> int:
        rows = self.rows_where(conn, "summaries", s.summaries.c.coder == old)
        self._merge_summaries(conn, [(r, {**r, "coder": new}) for r in rows])
        return len(rows)

    def _merge_summaries(self, conn, pairs: list[tuple[dict, dict]]) -> None:
        natural = {(r["case_label"], r["theme"], r["coder"]): r
                   for r in self.rows_where(conn, "summaries", True)}
        for before, after in pairs:
            key = (after["case_label"], after["theme"], after["coder"])
            other = natural.get(key)
            if other is None or other["id"] == before["id"]:
                self._update(conn, "summaries", [(before, after)])
                natural[key] = after
                continue
            self._delete(conn, "summaries", [before])
            text = other["text"] if before["text"] in other["text"] else \
                f"{other['text']}\n\n{before['text']}"
            quotes = sorted(set(json.loads(other["quotes"])) | set(json.loads(before["quotes"])))
            merged = {**other, "text": text, "quotes": json.dumps(quotes)}
            self._update(conn, "summaries", [(other, merged)])
            natural[key] = merged
