"""SQLite under the store: WAL, waiting for another writer (and saying so), and SQLite's
complaints about the machine (locked, full, read-only, unreadable) as one-line errors.

In WAL mode readers never wait for a writer and a writer never waits for readers; two
writers take turns. A write transaction starts with ``BEGIN IMMEDIATE``, so a command waits
for the write lock before it writes anything, never halfway through.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import urllib.parse
from pathlib import Path

from sqlalchemy import event

from ..errors import (DiskFullError, QualmrsError, ReadOnlyError, StoreError, StoreLockedError,
                      os_error)
from ..export.output import COMPANIONS

log = logging.getLogger("qualmrs")
QUIET_WAIT = 0.5  # a lock held this briefly (another command's commit) is waited out silently
_wait = 30.0


def set_lock_wait(seconds: float) -> None:
    """How long a command waits for another process's lock on a store (default 30 s)."""
    global _wait
    _wait = max(0.0, float(seconds))


def lock_wait() -> float:
    """Seconds a command waits for another process's lock (``set_lock_wait``)."""
    return _wait


def can_write(path: Path) -> bool:
    """Whether this process may write the store file and its folder (the WAL lives there)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def url(path: Path) -> str:
    """The SQLAlchemy URL of the store at ``path``.

    A store this process cannot write is opened read-only; with no WAL index beside it
    (``-shm``, present while any process has the store open) and no WAL content, nobody is
    writing it, so it is read as immutable: SQLite cannot make the index in a read-only
    folder, and could not read the store without it.
    """
    if not path.exists() or can_write(path):
        return f"sqlite:///{path}"
    wal = path.with_name(path.name + "-wal")
    idle = not path.with_name(path.name + "-shm").exists() and \
        (not wal.exists() or wal.stat().st_size == 0)
    where = urllib.parse.quote(str(path.resolve()))
    return f"sqlite:///file:{where}?mode=ro{'&immutable=1' if idle else ''}&uri=true"


def install(engine, path: Path | None) -> None:
    """Pragmas on every connection, and SQLite errors about the machine translated."""
    writable = path is None or not path.exists() or can_write(path)

    def pragmas(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(_wait * 1000)}")
        cur.execute("PRAGMA foreign_keys=ON")
        if writable:
            cur.execute("PRAGMA journal_mode=WAL")  # persistent: stays with the file
        cur.close()

    def translate(context) -> None:
        error = translated(context.original_exception, path)
        if error is not None:
            raise error from context.original_exception

    event.listen(engine, "connect", pragmas)
    event.listen(engine, "handle_error", translate)


@contextlib.contextmanager
def page_cache(dbapi_conn, kib: int):
    """SQLite's page cache on this connection bounded to ``kib`` KiB for a while, then as it
    was (``PRAGMA cache_size``: per connection, not undone by a rollback, writes nothing)."""
    before = dbapi_conn.execute("PRAGMA cache_size").fetchone()[0]
    dbapi_conn.execute(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        dbapi_conn.execute(f"PRAGMA cache_size = {int(before)}")


def begin_immediate(dbapi_conn, path: Path | None) -> None:
    """Take the write lock, waiting up to the lock wait for another writer and saying so.

    Raises:
        StoreLockedError: still locked after the wait; nothing was written.
    """
    try:
        dbapi_conn.execute(f"PRAGMA busy_timeout = {int(min(QUIET_WAIT, _wait) * 1000)}")
        try:
            dbapi_conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as e:
            if _code(e) != sqlite3.SQLITE_BUSY or _wait <= QUIET_WAIT:
                _reraise(e, path)
        log.warning(f"Waiting up to {_wait:g} s for {path or 'the project store'}: another "
                    "process is writing to it")
        dbapi_conn.execute(f"PRAGMA busy_timeout = {int((_wait - QUIET_WAIT) * 1000)}")
        try:
            dbapi_conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            _reraise(e, path)
    finally:
        dbapi_conn.execute(f"PRAGMA busy_timeout = {int(_wait * 1000)}")


def _reraise(error: sqlite3.Error, path: Path | None):
    """Raise ``error`` translated when it is about the machine, else as it is (a bug)."""
    mine = translated(error, path)
    if mine is None:
        raise error
    raise mine from error


def _code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF  # the primary code of an extended one


def translated(error: BaseException, path: Path | None) -> QualmrsError | None:
    """SQLite's error about the machine (locked, full, read-only, cannot open, I/O, not a
    database) as a one-line error naming the store; None for anything else (a bug)."""
    if isinstance(error, OSError):
        return os_error(error, path, "copy the project to a folder you can write to")
    if not isinstance(error, sqlite3.Error):
        return None
    code = _code(error)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreLockedError(
            f"locked by another process for more than {_wait:g} s (another qualmrs command, "
            "or a program holding the file), so the change was not made; run the command "
            "again when it is done, or wait longer with 'qualmrs --wait SECONDS ...'",
            path=path)
    if code == sqlite3.SQLITE_FULL:
        return DiskFullError("the disk holding the project store is full, so the change was "
                             "not made; free some space and run the command again", path=path)
    if code == sqlite3.SQLITE_READONLY:
        return ReadOnlyError("the project store cannot be written (a read-only file, folder "
                             "or disk), so the change was not made; make it writable, or copy "
                             "the project to a folder you can write to", path=path)
    if code == sqlite3.SQLITE_CANTOPEN:
        return StoreError("cannot open the project store (no permission, or its folder "
                          "cannot be written); check the permissions of the file and folder",
                          path=path)
    if code == sqlite3.SQLITE_IOERR:
        return StoreError(f"disk error while using the project store ({error}); check the "
                          "disk (a removed drive, a lost network share?) and run the command "
                          "again", path=path)
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return StoreError(f"not a qualmrs project database, or a damaged one ({error}); "
                          "restore it from a backup", path=path)
    return None


def remove(path: Path) -> None:
    """Delete a store file and its journal/WAL companions (a store that was never made)."""
    for p in (path, *(path.with_name(path.name + tail) for tail in COMPANIONS)):
        with contextlib.suppress(OSError):  # e.g. a read-only disk, where none was made
            p.unlink(missing_ok=True)
