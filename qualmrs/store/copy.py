"""A whole project from one store to another (a SQLite file ↔ a PostgreSQL database), checked.

Every table is copied row for row, the history's steps and events too, so undo and redo go on
working in the copy; ids keep their values, and each table's id counter is carried over, so
an id the source had used (and its history names) is never handed out again. The copy is
checked before it is kept: the target's row count and content hash of every table (SHA-256
of its rows in key order, each row as canonical JSON, so the same on both backends) must be
the source's.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text

from ..errors import StoreError
from . import postgres
from . import schema as s
from .bulk import fetch_rows, insert_rows
from .store import Store

BATCH = 5_000


@dataclass(frozen=True)
class CopyReport:
    """What ``copy_project`` copied: where from and to (as messages name them), rows per
    table, the content hash both stores share, and how long it took."""

    source: str
    target: str
    counts: dict[str, int]
    digest: str
    seconds: float

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def copy_project(source: str | Path, target: str | Path) -> CopyReport:
    """Copy the project at ``source`` (a file or URL) to ``target``, which must be a new file
    or an empty PostgreSQL database.

    Returns:
        A ``CopyReport``.

    Raises:
        StoreError: the source is not a project, the target is not empty, or (a bug) the copy
            does not match its source; nothing is kept at the target then.
    """
    started = time.perf_counter()
    with Store.open(source) as src:
        if postgres.is_url(target):
            dest = Store(postgres.normalise(target))
            tmp = None
            try:
                dest.refuse_filled()
            except BaseException:
                dest.close()
                raise
        else:
            path = Store.new_file(target)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
            dest = Store(f"sqlite:///{tmp}", tmp)
        try:
            # a server's project is read under its write lock, so no command changes it
            # meanwhile; a SQLite read transaction is a snapshot by itself
            reading = src.reading() if src.path is not None else src.atomic()
            with reading as read, dest.atomic() as write:
                counts, hashes = _copy(read, write)
            dest.close()
            if tmp is not None:
                os.replace(tmp, path)
        except BaseException:
            dest.close()
            if tmp is not None:
                Store.remove(tmp)
            raise
        where = str(path) if tmp is not None else dest.where
        return CopyReport(src.where, where, counts, _digest(hashes),
                          time.perf_counter() - started)


def _copy(read, write) -> tuple[dict[str, int], dict[str, str]]:
    """Copy every table inside the two open transactions and check the copy."""
    s.metadata.create_all(write)
    counts, hashes = {}, {}
    for table in s.metadata.sorted_tables:  # parents before children
        columns = tuple(c.name for c in table.columns)
        digest, n, batch = hashlib.sha256(), 0, []
        for row in fetch_rows(read, _in_key_order(table)):
            digest.update(_canonical(row))
            batch.append(row)
            if len(batch) == BATCH:
                insert_rows(write, table, columns, batch)
                n, batch = n + len(batch), []
        insert_rows(write, table, columns, batch)
        counts[table.name], hashes[table.name] = n + len(batch), digest.hexdigest()
    _set_counters(write, _counters(read))
    there, there_hashes = content(write)
    wrong = sorted(t for t in counts if (counts[t], hashes[t]) != (there[t], there_hashes[t]))
    if wrong:
        raise StoreError("the copy does not match its source in table(s) " + ", ".join(wrong)
                         + "; nothing was kept (please report this as a bug)")
    return counts, hashes


def _in_key_order(table):
    return select(table).order_by(*table.primary_key.columns)


def _canonical(row: tuple) -> bytes:
    return json.dumps(list(row), ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def content(conn) -> tuple[dict[str, int], dict[str, str]]:
    """Row count and content hash of every table of the store ``conn`` reads."""
    counts, hashes = {}, {}
    for table in s.metadata.sorted_tables:
        digest, n = hashlib.sha256(), 0
        for row in fetch_rows(conn, _in_key_order(table)):
            digest.update(_canonical(row))
            n += 1
        counts[table.name], hashes[table.name] = n, digest.hexdigest()
    return counts, hashes


def _digest(hashes: dict[str, str]) -> str:
    return hashlib.sha256("".join(f"{t} {h}\n" for t, h in sorted(hashes.items()))
                          .encode()).hexdigest()


def _id_tables() -> list[str]:
    return [t.name for t in s.metadata.sorted_tables
            if "id" in t.c and t.c.id.primary_key and t.c.id.autoincrement is not False]


def _counters(conn) -> dict[str, int]:
    """Per table with an id, the largest id ever handed out (which may be larger than the
    largest now held, when the newest rows were deleted)."""
    tables = _id_tables()
    out = {t: conn.execute(select(s.metadata.tables[t].c.id).order_by(
        s.metadata.tables[t].c.id.desc()).limit(1)).scalar() or 0 for t in tables}
    if conn.dialect.name == "sqlite":
        found = dict(conn.execute(text("SELECT name, seq FROM sqlite_sequence")).all())
    else:
        found = {}
        for t in tables:
            last, called = conn.execute(text(
                f"SELECT last_value, is_called FROM {_sequence(conn, t)}")).one()
            found[t] = last if called else 0
    return {t: max(out[t], found.get(t) or 0) for t in tables}


def _sequence(conn, table: str) -> str:
    return conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table}).scalar()


def _set_counters(conn, counters: dict[str, int]) -> None:
    """Make each id counter of the target continue after ``counters``."""
    if conn.dialect.name == "sqlite":
        # only AUTOINCREMENT tables keep a counter; the others take the largest id + 1
        for table, top in counters.items():
            if not s.metadata.tables[table].dialect_options["sqlite"]["autoincrement"]:
                continue
            updated = conn.execute(text("UPDATE sqlite_sequence SET seq = :n WHERE name = :t "
                                        "AND seq < :n"), {"n": top, "t": table}).rowcount
            if not updated and top:
                conn.execute(text("INSERT INTO sqlite_sequence (name, seq) SELECT :t, :n "
                                  "WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence "
                                  "WHERE name = :t)"), {"n": top, "t": table})
        return
    for table, top in counters.items():
        conn.execute(text(f"SELECT setval('{_sequence(conn, table)}', :n, :called)"),
                     {"n": max(top, 1), "called": top > 0})
