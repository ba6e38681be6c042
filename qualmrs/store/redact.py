"""Replaced text taken out of everything the store keeps beside the current rows: the history's
stored rows and commands, earlier versions, set-aside codings, review notes, warnings, import
records, saved models; then the file's free pages wiped (pseudonymisation, issue 16).

The history's rows are rewritten, not kept: they would otherwise hold every name that was
replaced. Offsets in them then no longer fit the rewritten texts, so every step up to here is
marked as one that undo passes over; only the key file can take the pseudonyms back.
"""

from __future__ import annotations

import json
from typing import Callable

from sqlalchemy import select

from . import schema as s

# (table, key column, text columns, JSON columns)
REWRITTEN = (
    ("events", "id", (), ("before", "after", "pk")),
    ("steps", "id", ("command",), ()),
    ("warnings", "id", ("message",), ()),
    ("imports", "origin", (), ("rows",)),
    ("document_versions", "id", ("text",), ("turns",)),
    ("set_aside", "id", ("text",), ("coding",)),
    ("reviews", "id", ("old_text", "new_text"), ()),
    ("codings", "id", ("origin_key",), ()),
    ("answers", "id", ("origin_key",), ()),
)
CHUNK = 2000


def _walk(value, sweep: Callable[[str], str]):
    if isinstance(value, str):
        return sweep(value)
    if isinstance(value, list):
        return [_walk(v, sweep) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, sweep) for k, v in value.items()}
    return value


def _swept_json(text: str | None, sweep) -> str | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return sweep(text)
    return json.dumps(_walk(value, sweep), ensure_ascii=False)


class RedactMixin:
    """Needs ``RowsMixin`` and ``UnitsMixin``."""

    def set_fields(self, table: str, changes: list[tuple[tuple, dict]]) -> None:
        """Set columns of rows by key, as changes with events (one unit)."""
        if not changes:
            return
        with self.atomic() as conn:
            now = self._fetch(conn, table, [k for k, _ in changes])
            self._update(conn, table, [(now[k], {**now[k], **values})
                                       for k, values in changes if k in now])

    def redact(self, sweep: Callable[[str], str]) -> int:
        """Rewrite every stored copy of text outside the current documents, codings and
        answers with ``sweep``, drop saved models (their vocabulary holds the words), and
        make every step so far one that undo passes over (one unit). Returns how many
        rows were rewritten.

        Call inside the unit that changed the texts, so that its own events are rewritten
        too; then ``erase_freed`` once it is committed.
        """
        n = 0
        with self.atomic() as conn:
            if self._sqlite:  # what the rewrite frees is zeroed, not left in free pages
                conn.exec_driver_sql("PRAGMA secure_delete = ON")
            self._step_id(conn)  # this step too is in the history, and rewritten
            for table, key, texts, jsons in REWRITTEN:
                t = s.metadata.tables[table]
                cols = [t.c[key], *(t.c[c] for c in texts + jsons)]
                rows = conn.execute(select(*cols)).all()
                for i in range(0, len(rows), CHUNK):
                    updates = []
                    for row in rows[i:i + CHUNK]:
                        values = dict(zip(texts + jsons, row[1:]))
                        new = {c: sweep(v) if v else v for c, v in values.items()
                               if c in texts}
                        new |= {c: _swept_json(v, sweep) for c, v in values.items()
                                if c in jsons}
                        if new != values:
                            updates.append((row[0], new))
                    for k, new in updates:
                        conn.execute(t.update().where(t.c[key] == k).values(**new))
                    n += len(updates)
            conn.execute(s.models.delete())
            conn.execute(s.steps.update().values(undoable=0))
        return n

    @property
    def _sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def erase_freed(self) -> None:
        """Wipe what deleted and rewritten rows left in the file: rebuild it (VACUUM) with
        secure_delete on, and empty the write-ahead log into it (SQLite only)."""
        if not self._sqlite or self.path is None:
            return
        self.engine.dispose()  # no other pooled connection may hold the log open
        with self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            raw.execute("PRAGMA secure_delete = ON")
            raw.execute("VACUUM")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()
