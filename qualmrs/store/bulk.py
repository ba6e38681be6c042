"""Many rows in or out at once, below SQLAlchemy's per-row work.

SQLAlchemy Core builds a parameter dict per inserted row and a Row object per fetched one;
for the hundreds of thousands of small rows of a large study (turns, sentences, suggestions)
that costs more than SQLite's own work. These helpers compile the statement with SQLAlchemy,
once, and hand plain tuples to the driver.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Iterator

from sqlalchemy import insert


def insert_rows(conn, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) with one executemany."""
    if not rows:
        return
    sql, order = _insert_sql(conn.dialect, table, columns)
    if order is None:
        params = [dict(zip(columns, row)) for row in rows]
    elif order != list(range(len(columns))):
        params = [tuple(row[i] for i in order) for row in rows]
    else:
        params = rows
    conn.exec_driver_sql(sql, params)


@functools.lru_cache(maxsize=64)
def _insert_sql(dialect, table, columns: tuple[str, ...]) -> tuple[str, list[int] | None]:
    """The driver's INSERT statement and the order of its positional parameters (None:
    named parameters)."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(columns))
    if not compiled.positional:
        return str(compiled), None
    return str(compiled), [columns.index(k) for k in compiled.positiontup]


def fetch_rows(conn, query, batch: int = 10_000) -> Iterator[tuple]:
    """The rows of a SELECT as plain tuples, in the order of its columns, read in batches
    (consume them while ``conn`` is open)."""
    # render_postcompile: "IN (...)" lists become plain bound parameters the driver takes.
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.params
    args = tuple(params[k] for k in compiled.positiontup) if compiled.positional else params
    raw = conn.connection.dbapi_connection
    cursor = raw.cursor()
    try:
        with driver_errors(conn, raw):
            cursor.execute(str(compiled), args)
            while rows := cursor.fetchmany(batch):
                yield from rows
    finally:
        cursor.close()


@contextlib.contextmanager
def driver_errors(conn, raw):
    """Errors of the driver's connection ``raw`` used directly, below SQLAlchemy (whose
    ``handle_error`` translates every other statement's), as the store's one-line errors
    when they are about the machine; anything else (a bug) as it came."""
    try:
        yield
    except Exception as e:
        error = _translated(conn, raw, e)
        if error is None:
            raise
        raise error from e


def _translated(conn, raw, error: Exception):
    """The store's one-line error for a driver error raised here, below SQLAlchemy, whose
    ``handle_error`` translates every other statement's (a connection the server dropped is
    ``Disconnected``, which a server runs once more); None for anything else (a bug)."""
    url = conn.engine.url
    if conn.dialect.name == "postgresql":
        from . import postgres

        return postgres.translated(error, postgres.shown(url),
                                   disconnect=bool(getattr(raw, "broken", False)))
    from pathlib import Path

    from . import sqlite

    return sqlite.translated(error, Path(url.database) if url.database else None)
