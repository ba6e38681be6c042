"""PostgreSQL under the store: a team's project on a database server (psycopg 3).

Writers take turns: every write transaction starts by taking a transaction-level advisory
lock (``pg_advisory_xact_lock``, scoped to the project's database), so steps are numbered and
events written one command at a time, as SQLite's single writer does; readers never wait.
The pool pings a connection before handing it out, so a connection the server dropped (a
restart, an idle timeout) is replaced instead of failing the next command; one dropped while
in use raises ``Disconnected`` (the unit was rolled back: the caller may run it again). The
server's
complaints about the connection (cannot connect, authentication, no such database, a lock
held too long) become one-line errors naming the URL without its password.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy import create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ..errors import Disconnected, QualmrsError, StoreError, StoreLockedError
from . import sqlite

log = logging.getLogger("qualmrs")
LOCK_KEY = 0x71756D72  # "qumr": the advisory lock every qualmrs writer of a database takes
_SCHEME = re.compile(r"^(postgres|postgresql)(\+\w+)?://", re.IGNORECASE)


def is_url(location) -> bool:
    """Whether a project location is a PostgreSQL URL (not a file)."""
    return isinstance(location, str) and bool(_SCHEME.match(location))


def normalise(location: str) -> str:
    """The SQLAlchemy URL for ``location``: ``postgres://`` and ``postgresql://`` use psycopg 3
    (SQLAlchemy's own default driver, psycopg2, is not installed).

    Raises:
        StoreError: not a URL SQLAlchemy can read, or another driver than psycopg.
    """
    try:
        url = make_url(location)
    except ArgumentError:
        raise StoreError("not a database URL; expected "
                         "postgresql+psycopg://USER@HOST:PORT/DATABASE",
                         path=_shown(location)) from None
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
    if url.drivername != "postgresql+psycopg":
        raise StoreError(f"unknown database driver '{url.drivername}'; use "
                         "postgresql+psycopg://USER@HOST:PORT/DATABASE",
                         path=shown(url))
    if not url.database:
        raise StoreError("the URL names no database; end it with /DATABASE", path=shown(url))
    return url.render_as_string(hide_password=False)


def shown(url) -> str:
    """``url`` as it may be printed: without its password."""
    return make_url(url)._replace(password=None).render_as_string()


def _shown(location: str) -> str:
    # a URL SQLAlchemy could not read: drop what sits between ':' and '@' by hand
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1@", location)


def make_engine(url: str):
    """An engine for a PostgreSQL project: pinged connections, writers in turn, and the
    server's errors about the connection as one-line errors."""
    engine = create_engine(url, pool_pre_ping=True)
    where = shown(url)

    def begin(conn) -> None:
        if conn.info.get("qualmrs_write"):
            take_write_lock(conn.connection.dbapi_connection, where)

    def translate(context) -> None:
        if context.is_pre_ping:  # the pool replaces a dead connection by itself
            return
        error = translated(context.original_exception, where, context.is_disconnect)
        if error is not None:
            raise error from context.original_exception

    event.listen(engine, "begin", begin)
    event.listen(engine, "handle_error", translate)
    return engine


def take_write_lock(dbapi_conn, where: str) -> None:
    """Take the project's write lock for this transaction, waiting up to the lock wait for
    another writer and saying so.

    Raises:
        StoreLockedError: still held after the wait; nothing was written.
    """
    import psycopg

    wait = sqlite.lock_wait()
    # on the driver's connection, below SQLAlchemy (inside its BEGIN), so its errors are
    # translated here
    try:
        with dbapi_conn.cursor() as cur:
            cur.execute("SELECT pg_try_advisory_xact_lock(%s)", (LOCK_KEY,))
            if cur.fetchone()[0]:
                return
            log.warning(f"Waiting up to {wait:g} s for {where}: another process is writing "
                        "to it")
            # lock_timeout 0 means no limit: wait at least a millisecond
            cur.execute(f"SET LOCAL lock_timeout = {max(1, int(wait * 1000))}")
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            cur.execute("SET LOCAL lock_timeout = 0")
    except psycopg.OperationalError as e:
        error = translated(e, where, dbapi_conn.broken)
        if error is None:
            raise
        raise error from e


def translated(error: BaseException, where: str,
               disconnect: bool = False) -> QualmrsError | None:
    """The server's error about the connection or a lock as a one-line error naming the
    project (``Disconnected`` when ``disconnect``: an open connection was lost); None for
    anything else (a bug)."""
    import psycopg

    if not isinstance(error, psycopg.OperationalError):
        return None
    state = getattr(error, "sqlstate", None)
    text = " ".join(str(error).split())
    # a failed connection carries no SQLSTATE: the server's FATAL line says why
    fatal = re.search(r"FATAL: (.*?)(?: connection to server|$)", text)
    reason = fatal.group(1).strip() if fatal else text
    if state == "55P03":  # lock_not_available: lock_timeout passed
        return StoreLockedError(
            f"locked by another process for more than {sqlite.lock_wait():g} s (another "
            "qualmrs command), so the change was not made; run the command again when it is "
            "done, or wait longer with 'qualmrs --wait SECONDS ...'", path=where)
    if state in ("28P01", "28000") or "authentication failed" in reason \
            or "no password supplied" in reason or "no pg_hba.conf entry" in reason \
            or re.search(r'role ".*" does not exist', reason):
        return StoreError(f"the server refused the login ({reason}); check the user name and "
                          "password (in the URL, PGPASSWORD or ~/.pgpass)", path=where)
    if state == "3D000" or (fatal and re.search(r'database ".*" does not exist', reason)):
        return StoreError("no such database on the server; create it first (createdb NAME, "
                          "or CREATE DATABASE NAME)", path=where)
    if state is None or state.startswith("08") or state.startswith("57P"):
        return (Disconnected if disconnect else StoreError)(
            f"cannot reach the PostgreSQL server ({reason}); check that it "
                          "runs and that the host and port are right, then run the command "
                          "again", path=where)
    return None
