"""Rows added, removed and changed together with their events: every change the store makes to
the work people did (codings, answers, cases, codes, documents, ...) passes through here, so
the history holds each one, in the same transaction.

A row travels as a dict of its columns; a document's dict also holds its turns (its sentences
are made again from them when a document comes back, through ``Store.segmenter``).
"""

from __future__ import annotations

import json
from itertools import islice
from typing import Iterable, Iterator

from sqlalchemy import LargeBinary, Text, and_, bindparam, cast, func, insert, select, tuple_

from ..errors import StoreError
from ..model import MANUAL
from . import schema as s
from .bulk import driver_errors, fetch_rows, insert_rows
from .sqlite import page_cache

TABLES = {t.name: t for t in s.metadata.sorted_tables}
EVENT_COLUMNS = ("step_id", "table_name", "op", "pk", "coder", "before", "after")
# the columns that make a row the same row when its id is not known yet
NATURAL = {"codings": ("document_id", "start", "end", "code", "coder", "source"),
           "answers": ("case_label", "question", "coder", "source"),
           "summaries": ("case_label", "theme", "coder"),
           "documents": ("name",), "document_versions": ("document_id", "version"),
           "set_aside": ("coding_id",), "reviews": ("kind", "row_id")}
TURN_COLUMNS = ("document_id", "idx", "speaker", "role", "case_label", "start", "end", "time")
SEGMENT_COLUMNS = ("document_id", "turn_idx", "start", "end", "lemmas")
CHUNK = 500  # keys per IN (...) list
ROWS = 1_000  # turns or sentences written at once: a long transcript's are never all held
# SQLite's page cache while a new document is written (its default is 2 MB): the rows are
# appended and not read again, so only the tables' last pages need to stay (issue 12)
WRITE_CACHE_KIB = 256
TEXT_PIECE = 1 << 16  # characters of a document's text written into its event at once


class Conflict(StoreError):
    """A row is not as the history expects: it was changed since by another step."""


def _dump(row: dict | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


def _norm(row: dict | None) -> dict | None:
    return None if row is None else json.loads(_dump(row))


def word_count(text: str, chunk: int = 1 << 16) -> int:
    """``len(text.split())`` without a list of every word (a long transcript has millions):
    the text is split a stretch at a time, each stretch ending where white space begins."""
    n, start, size = 0, 0, len(text)
    while start < size:
        end = min(start + chunk, size)
        while end < size and not text[end].isspace():
            end += 1
        n += len(text[start:end].split())
        start = end
    return n


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _document_json(row: dict, turns: list[str]) -> Iterator[bytes]:
    """A document's row with its turns (the JSON of each chunk's items) as UTF-8 JSON, keys
    sorted and no spaces, byte for byte as SQLite's ``json_object`` writes it (it escapes what
    ``json.dumps(..., ensure_ascii=False)`` escapes: ``"``, ``\\`` and characters below
    U+0020), a piece at a time: the text a stretch of ``TEXT_PIECE`` characters at a time."""
    sep = b"{"
    for key in sorted({*row, "turns"}):
        yield sep + json.dumps(key).encode() + b":"
        sep = b","
        if key == "turns":
            yield b"["
            for i, part in enumerate(turns):
                yield (b"," if i else b"") + part.encode()
            yield b"]"
        elif key == "text":
            text = row[key]
            yield b'"'
            for i in range(0, len(text), TEXT_PIECE):
                yield json.dumps(text[i:i + TEXT_PIECE], ensure_ascii=False)[1:-1].encode()
            yield b'"'
        else:
            yield json.dumps(row[key], ensure_ascii=False).encode()
    yield b"}"


def turn_rows(turns) -> Iterator[list]:
    """A document's ``Turn`` objects as the lists its stored row and its events hold."""
    return ([i, t.speaker, t.role, t.case, t.start, t.end, t.time]
            for i, t in enumerate(turns))


def key_of(table: str, row: dict) -> tuple:
    return tuple(row[k] for k in s.KEYS[table])


def _is_suggestion(table: str, row: dict | None) -> bool:
    return table in ("codings", "answers") and row is not None and row.get("source") != MANUAL


class RowsMixin:
    """Changing rows with events; needs ``UnitsMixin`` and ``self.segmenter``."""

    # -- reading rows as dicts --------------------------------------------------------------

    def _fetch(self, conn, table: str, keys: list[tuple]) -> dict[tuple, dict]:
        """The current rows of ``table`` with these keys (missing ones left out)."""
        t = TABLES[table]
        cols = [t.c[k] for k in s.KEYS[table]]
        out: dict[tuple, dict] = {}
        for i in range(0, len(keys), CHUNK):
            part = keys[i:i + CHUNK]
            cond = cols[0].in_([k[0] for k in part]) if len(cols) == 1 else \
                tuple_(*cols).in_(part)
            for row in conn.execute(select(t).where(cond)).mappings():
                out[key_of(table, row)] = dict(row)
        if table == "documents":
            for row in out.values():
                row.pop("n_words", None)
                row["turns"] = [list(r) for r in conn.execute(
                    select(*(s.turns.c[c] for c in TURN_COLUMNS[1:]))
                    .where(s.turns.c.document_id == row["id"]).order_by(s.turns.c.idx))]
        return out

    def rows_where(self, conn, table: str, cond) -> list[dict]:
        return [dict(r) for r in conn.execute(select(TABLES[table]).where(cond)).mappings()]

    # -- events -----------------------------------------------------------------------------

    def _events(self, conn, table: str, pairs: list[tuple[dict | None, dict | None]]) -> None:
        if not pairs:
            return
        step = self._step_id(conn)
        rows = []
        for before, after in pairs:
            row = after if after is not None else before
            op = "add" if before is None else "remove" if after is None else "change"
            coder = (after or {}).get("coder") or (before or {}).get("coder")
            rows.append((step, table, op, json.dumps(list(key_of(table, row)), ensure_ascii=False),
                         coder, _dump(before), _dump(after)))
        insert_rows(conn, s.events, EVENT_COLUMNS, rows)

    # -- changing rows ----------------------------------------------------------------------

    def _insert(self, conn, table: str, rows: list[dict]) -> list[dict]:
        """Insert rows and record them; rows without their id get one. Returns the rows."""
        if not rows:
            return []
        if table == "documents":
            return [self._insert_document(conn, row) for row in rows]
        t = TABLES[table]
        with_id = [r for r in rows if "id" not in t.c or r.get("id") is not None]
        without = [r for r in rows if "id" in t.c and r.get("id") is None]
        if with_id:
            cols = tuple(with_id[0])
            insert_rows(conn, t, cols, [tuple(r[c] for c in cols) for r in with_id])
        if without:
            top = conn.execute(select(func.max(t.c.id))).scalar() or 0
            cols = tuple(c for c in without[0] if c != "id")
            insert_rows(conn, t, cols, [tuple(r[c] for c in cols) for r in without])
            natural = NATURAL[table]
            ids = {tuple(r[1:]): r[0] for r in fetch_rows(conn, select(
                t.c.id, *(t.c[c] for c in natural)).where(t.c.id > top))}
            for r in without:
                r["id"] = ids[tuple(r[c] for c in natural)]
        self._events(conn, table, [(None, r) for r in rows])
        return rows

    def _insert_document(self, conn, row: dict) -> dict:
        """A document with its turns; its sentences are made again by ``self.segmenter``."""
        # a document that redo brings back keeps its id: the codings' events refer to it
        doc = {k: v for k, v in row.items() if k != "turns" and (k != "id" or v is not None)}
        return {**row, "id": self._store_document(conn, doc, row["turns"],
                                                  self.segmenter(row))}

    def _store_document(self, conn, row: dict, turns: Iterable[list],
                        sentences: Iterable) -> int:
        """Write a new document: its row (``row``: its columns but ``n_words``; ``id`` when it
        is to have one), turns (lists as ``turn_rows`` gives them), its event, then its
        sentences (any iterable); returns its id.

        A long transcript is held once (issue 12): turns and sentences go in chunks, the
        text goes to SQLite as UTF-8 bytes made for the occasion (a ``str`` bound directly
        keeps a UTF-8 copy of itself for as long as the text lives), and the event is made
        from the stored row. The event comes before the sentences (which write no event, so
        the history is the same): the copies of the text its making takes are freed before
        the segmenter's batches and caches grow, instead of adding to them.
        """
        if conn.dialect.name != "sqlite":  # the savings are SQLite's; a server gets the text
            doc_id = conn.execute(insert(s.documents).values(
                {**row, "n_words": word_count(row["text"])})).inserted_primary_key[0]
            turns = [list(t) for t in turns]
            self._store_turns(conn, doc_id, turns)
            self._events(conn, "documents", [(None, {**row, "id": doc_id, "turns": turns})])
            del turns
            self._insert_sentences(conn, doc_id, sentences)
            return doc_id
        values = {c: cast(bindparam(c, type_=LargeBinary), Text) if c == "text" else
                  bindparam(c) for c in [*row, "n_words"]}
        with page_cache(conn.connection.dbapi_connection, WRITE_CACHE_KIB):
            params = {**row, "text": row["text"].encode("utf-8"),
                      "n_words": word_count(row["text"])}
            doc_id = conn.execute(insert(s.documents).values(values),
                                  params).inserted_primary_key[0]
            del params
            self._document_added(conn, doc_id, row, self._store_turns(conn, doc_id, turns))
            self._insert_sentences(conn, doc_id, sentences)
        return doc_id

    @staticmethod
    def _store_turns(conn, doc_id: int, turns: Iterable[list]) -> list[str]:
        """Write a document's turns (lists as ``turn_rows`` gives them) a chunk at a time;
        returns each chunk's JSON (its items, compact), for the document's event."""
        parts = []
        for chunk in chunks(turns, ROWS):
            insert_rows(conn, s.turns, TURN_COLUMNS, [(doc_id, *t) for t in chunk])
            parts.append(json.dumps(chunk, ensure_ascii=False, separators=(",", ":"))[1:-1])
        return parts

    def _document_added(self, conn, doc_id: int, row: dict, turns: list[str]) -> None:
        """The event of a document just stored (``row``: its columns, ``turns``: the JSON
        ``_store_turns`` gave), as ``json_object`` would make it from the stored row, written
        into its place a piece at a time.

        Its text value is made first, of the right size, then filled in through SQLite's
        incremental I/O: SQLite holds the value and its record for a moment (twice the JSON),
        and Python one stretch of the text at a time (issue 12: reading the row back and
        building its JSON in SQLite took three to four times the text, and in Python the
        text, its JSON and their UTF-8 copies).
        """
        row = {**row, "id": doc_id}
        size = sum(len(piece) for piece in _document_json(row, turns))
        event_id = conn.execute(insert(s.events).values(
            step_id=self._step_id(conn), table_name="documents", op="add",
            pk=json.dumps([doc_id]), coder=None, before=None,
            after=cast(func.zeroblob(size), Text))).inserted_primary_key[0]
        raw = conn.connection.dbapi_connection
        with driver_errors(conn, raw), raw.blobopen("events", "after", event_id) as blob:
            for piece in _document_json(row, turns):
                blob.write(piece)

    @staticmethod
    def _insert_sentences(conn, doc_id: int, sentences: Iterable) -> None:
        """A document's sentences (any iterable, e.g. a generator), written a chunk at a
        time."""
        for chunk in chunks(sentences, ROWS):
            insert_rows(conn, s.segments, SEGMENT_COLUMNS,
                        [(doc_id, x.turn, x.start, x.end, x.lemmas) for x in chunk])

    def _update_document(self, conn, before: dict, after: dict) -> None:
        """A document's columns, and its turns and sentences when the turns changed."""
        doc = {k: v for k, v in after.items() if k not in ("turns", "id")}
        doc["n_words"] = word_count(doc["text"])
        conn.execute(s.documents.update().where(s.documents.c.id == after["id"]).values(**doc))
        if before["turns"] != after["turns"] or before["text"] != after["text"]:
            for child in (s.segments, s.turns):
                conn.execute(child.delete().where(child.c.document_id == after["id"]))
            insert_rows(conn, s.turns, TURN_COLUMNS, [(after["id"], *t) for t in after["turns"]])
            self._insert_sentences(conn, after["id"], self.segmenter(after))

    def _delete(self, conn, table: str, rows: list[dict]) -> None:
        """Delete rows (as they are now) and record them."""
        if not rows:
            return
        t = TABLES[table]
        keys = [key_of(table, r) for r in rows]
        if table == "documents":
            ids = [k[0] for k in keys]
            for child in (s.segments, s.turns):
                conn.execute(child.delete().where(child.c.document_id.in_(ids)))
        cols = [t.c[k] for k in s.KEYS[table]]
        for i in range(0, len(keys), CHUNK):
            part = keys[i:i + CHUNK]
            conn.execute(t.delete().where(cols[0].in_([k[0] for k in part]) if len(cols) == 1
                                          else tuple_(*cols).in_(part)))
        self._events(conn, table, [(r, None) for r in rows])

    def _update(self, conn, table: str, pairs: list[tuple[dict, dict]]) -> None:
        """Change rows from ``before`` to ``after`` (same keys) and record them."""
        pairs = [(b, a) for b, a in pairs if _norm(b) != _norm(a)]
        if not pairs:
            return
        if table == "documents":
            for before, after in pairs:
                self._update_document(conn, before, after)
            self._events(conn, table, pairs)
            return
        t = TABLES[table]
        keys = s.KEYS[table]
        cols = [c for c in pairs[0][1] if c not in keys]
        conn.execute(t.update().where(and_(*(t.c[k] == bindparam("k_" + k) for k in keys)))
                     .values({c: bindparam("v_" + c) for c in cols}),
                     [{**{"k_" + k: a[k] for k in keys}, **{"v_" + c: a[c] for c in cols}}
                      for _, a in pairs])
        self._events(conn, table, pairs)

    # -- replaying the history --------------------------------------------------------------

    def _apply(self, conn, table: str, pairs: list[tuple[dict | None, dict | None]],
               describe) -> None:
        """Take rows from each pair's first state to its second, after checking that they
        are in the first state now. Suggestions are taken as they come: they are refreshed
        wholesale, outside the history.

        Args:
            describe: ``describe(table, key)`` names the step that changed a row since, for
                the message.

        Raises:
            Conflict: a person's row is not as expected; nothing is applied.
        """
        now = self._fetch(conn, table, [key_of(table, b if b is not None else a)
                                        for b, a in pairs])
        adds, removes, changes = [], [], []
        for before, after in pairs:
            key = key_of(table, before if before is not None else after)
            current = now.get(key)
            suggestion = _is_suggestion(table, before) or _is_suggestion(table, after)
            if _norm(current) != _norm(before):
                if suggestion:
                    if after is None or current is not None:
                        continue  # gone already, or here in another form: leave it
                else:
                    raise Conflict(f"{table[:-1] if table.endswith('s') else table} "
                                   f"{', '.join(map(str, key))} {describe(table, key)}")
            if after is None:
                removes.append(current)
            elif before is None:
                adds.append(after)
            else:
                changes.append((current, after))
        if table in NATURAL and adds and table != "documents":
            adds = self._without_taken(conn, table, adds)
        self._delete(conn, table, removes)
        self._update(conn, table, changes)
        self._insert(conn, table, adds)

    def _without_taken(self, conn, table: str, rows: list[dict]) -> list[dict]:
        """Suggestions whose place is taken by an identical row now are not brought back."""
        t = TABLES[table]
        natural = NATURAL[table]
        wanted = [r for r in rows if _is_suggestion(table, r)]
        if not wanted:
            return rows
        have = set(fetch_rows(conn, select(*(t.c[c] for c in natural))))
        return [r for r in rows
                if not _is_suggestion(table, r) or tuple(r[c] for c in natural) not in have]
