"""Units of work: one connection per thread inside ``atomic()``, nested blocks as savepoints.

Every write goes through ``atomic()``: the outermost block is one transaction, an inner one a
savepoint that rolls back alone. Reads inside a block use its connection, so they see its
writes. The first change made in an outermost block opens a step of the history (see
``history.py``); a block that changes nothing leaves no step.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import getpass
import threading

from sqlalchemy import create_engine, event, insert
from sqlalchemy.pool import StaticPool

from ..errors import Disconnected, StoreError
from . import schema as s

MEMORY = ":memory:"


def now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without /etc/passwd entry, say)
        return "unknown"


def make_engine(url: str, path=None):
    """An engine for ``url``. SQLite gets WAL, foreign keys, a wait for another writer, its
    errors about the machine as one-line errors (``sqlite.py``), and BEGIN IMMEDIATE for
    writes; PostgreSQL its own (``postgres.py``)."""
    from . import sqlite

    if url.startswith("postgresql"):
        from . import postgres

        return postgres.make_engine(url)
    if url in ("sqlite://", f"sqlite:///{MEMORY}"):
        # one connection shared by every thread, or each would see its own empty database
        engine = create_engine("sqlite://", poolclass=StaticPool,
                               connect_args={"check_same_thread": False})
    elif url.startswith("sqlite"):
        # No prepared statements kept between executions: a kept one holds on to its last
        # parameters, which for a document is a copy of its whole text (issue 12).
        engine = create_engine(url, connect_args={"check_same_thread": False,
                                                  "cached_statements": 0})
    else:
        raise ValueError(f"not a store URL: {url}")
    sqlite.install(engine, path)
    event.listen(engine, "connect", _sqlite_connect)

    def begin(conn) -> None:
        # a writer takes the write lock at BEGIN (waiting for another writer, and saying
        # so), so it never fails later upgrading a read lock
        if conn.info.get("qualmrs_write"):
            sqlite.begin_immediate(conn.connection.dbapi_connection, path)
        else:
            conn.exec_driver_sql("BEGIN")
    event.listen(engine, "begin", begin)
    return engine


def _sqlite_connect(dbapi_conn, _record) -> None:
    # pysqlite's own transaction handling breaks savepoints; we issue BEGIN ourselves
    dbapi_conn.isolation_level = None


class _State(threading.local):
    conn = None
    reader = None  # the connection of an outermost reading() block
    step: int | None = None
    command: str | None = None
    actor: str | None = None
    kind: str = "do"
    target: int | None = None
    undoable: bool = True


class UnitsMixin:
    """``atomic()`` and ``reading()`` for the store; needs ``self.engine``."""

    def _init_units(self) -> None:
        self._state = _State()
        self.last_step: int | None = None  # the step the last outermost unit wrote to
        self._stamped = False  # this store's meta 'written_by' names this qualmrs

    @contextlib.contextmanager
    def atomic(self, command: str | None = None, actor: str | None = None,
               undoable: bool = True, step: int | None = None):
        """All or nothing: any exception rolls back every write made in the block.

        Nested blocks are savepoints. ``command`` and ``actor`` describe the history step the
        outermost block's changes make (an inner block may name them when the outer did not).
        ``undoable=False`` marks a step that undo passes over (suggestions being refreshed).
        ``step`` continues a step an earlier unit opened (``last_step``): one command written
        in several transactions, as ingest writes each document on its own.
        """
        st = self._state
        if st.conn is not None:
            if st.step is None:
                st.command = st.command or command
                st.actor = st.actor or actor
                st.undoable = st.undoable and undoable
            step_before = st.step
            savepoint = st.conn.begin_nested()
            try:
                yield st.conn
            except BaseException:
                st.step = step_before  # a step opened inside the savepoint went with it
                try:
                    savepoint.rollback()
                except Exception:
                    # SQLite rolls the whole transaction back by itself on some errors (a
                    # full disk, an I/O error), taking the savepoint with it: the error that
                    # did it is the one to report, and the outer unit rolls back anyway
                    pass
                raise
            savepoint.commit()
            return
        conn = self.engine.connect()
        conn.info["qualmrs_write"] = True
        st.conn, st.step, st.command, st.actor = conn, step, command, actor
        st.kind, st.target, st.undoable = "do", None, undoable
        committing = False
        try:
            with conn.begin():
                yield conn
                committing = True
            self.last_step = st.step
        except Disconnected as e:
            if not committing:  # rolled back with the connection: safe to run again
                raise
            # lost while committing: the server may have kept the unit or not
            raise StoreError("the connection to the server was lost while saving; the change "
                             "may or may not have been kept: look before doing it again",
                             path=self.where) from e
        else:
            if st.step is not None:  # the unit's first change stamped the store (_step_id)
                self._stamped = True
        finally:
            conn.info.pop("qualmrs_write", None)
            st.conn, st.step = None, None
            conn.close()

    # the name of the earlier API, kept for callers that only want a transaction
    transaction = atomic

    @contextlib.contextmanager
    def reading(self):
        """A connection to read with: the current unit's, else the enclosing reading block's,
        else a fresh one. Reads nested in one block share its connection: a view made of
        several reads checks one out (a ping, a BEGIN and a ROLLBACK on a server) instead of
        one per read. Write only in ``atomic()``, never inside a reading block."""
        st = self._state
        if st.conn is not None:
            yield st.conn
            return
        if st.reader is not None:
            yield st.reader
            return
        with self.engine.connect() as conn:
            st.reader = conn
            try:
                yield conn
            finally:
                st.reader = None

    def _step_id(self, conn) -> int:
        """The id of the current unit's step, opening it on the first change."""
        st = self._state
        if st.step is None:
            st.step = conn.execute(insert(s.steps).values(
                at=now(), actor=st.actor or login_name(), command=st.command or "python",
                kind=st.kind, target=st.target, undoable=int(st.undoable))
            ).inserted_primary_key[0]
            if not self._stamped:
                self._stamp_writer(conn)
        return st.step

    def _stamp_writer(self, conn) -> None:
        """Record in meta 'written_by' that this qualmrs version wrote to the store.

        Once per store object (a command's, a notebook's): the first unit that changes
        something writes it in its own transaction, so a unit rolled back takes its stamp
        with it. Not an event: the version that last wrote is not work to undo.
        """
        from .. import __version__

        done = conn.execute(s.meta.update().where(s.meta.c.key == "written_by")
                            .values(value=__version__)).rowcount
        if not done:
            conn.execute(insert(s.meta).values(key="written_by", value=__version__))
