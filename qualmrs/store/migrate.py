"""Bringing an older project store up to date, step by step, inside one transaction."""

from __future__ import annotations

from sqlalchemy import text

from . import schema as s


def migrate(conn, version: int) -> None:
    """Migrate from ``version`` to ``schema.SCHEMA_VERSION``; each step keeps all data."""
    if version < 2:
        s.metadata.create_all(conn, tables=[s.models])
    if version < 3:
        _to_3(conn)
    if version < 4:
        _to_4_revisions(conn)
    if version < 5:
        s.metadata.create_all(conn, tables=[s.summaries])
    if version < 6:
        s.metadata.create_all(conn, tables=[s.users])
    if version < 7:
        s.metadata.create_all(conn, tables=[s.rounds])
    conn.execute(s.meta.update().where(s.meta.c.key == "schema_version")
                 .values(value=str(s.SCHEMA_VERSION)))


def _to_3(conn) -> None:
    """Codings and answers get origins and ids that are never reused (SQLite's
    AUTOINCREMENT, which needs the table built anew); the history tables are added."""
    for table in (s.codings, s.answers):
        old = f"{table.name}_v2"
        conn.execute(text(f"ALTER TABLE {table.name} RENAME TO {old}"))
        for index in table.indexes:
            conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))
        table.create(conn)
        columns = ", ".join(f'"{c.name}"' for c in table.columns
                            if c.name not in ("origin", "origin_key"))
        conn.execute(text(f'INSERT INTO {table.name} ({columns}) SELECT {columns} FROM {old}'))
        conn.execute(text(f"DROP TABLE {old}"))
    s.metadata.create_all(conn, tables=[s.steps, s.events, s.imports, s.coder_aliases,
                                        s.warnings])


def _to_4_revisions(conn) -> None:
    """Revisions (issue 16): earlier versions of documents, codings set aside, reviews."""
    s.metadata.create_all(conn, tables=[s.document_versions, s.set_aside, s.reviews])
