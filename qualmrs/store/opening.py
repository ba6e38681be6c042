"""Making and opening a project store: a new file built under a temporary name, a server
database filled in one transaction, and an older schema brought up to date on opening."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from sqlalchemy import inspect
from sqlalchemy.exc import DatabaseError

from ..errors import StoreError, os_error
from ..export.output import is_sqlite
from ..model import Codebook
from . import postgres, sqlite
from . import schema as s
from .migrate import migrate
from .units import MEMORY, now


class OpeningMixin:
    """``Store.create`` and ``Store.open``; the class they make is the ``Store``."""

    @classmethod
    def create(cls, path: str | Path, codebook: Codebook,
               fill: Callable | None = None) -> "OpeningMixin":
        """A new project holding ``codebook`` (and what ``fill(store)`` adds, in the same
        transaction). A file is built under a temporary name and renamed into place only when
        complete, so a failure leaves no file behind; ``:memory:`` makes an in-memory store;
        a PostgreSQL URL fills its (existing, empty) database.

        Raises:
            StoreError: a file already exists at ``path``, or the database holds a project.
        """
        if str(path) == MEMORY:
            store = cls(f"sqlite:///{MEMORY}")
            store._initialise(codebook, fill)
            return store
        if postgres.is_url(path):
            store = cls(postgres.normalise(path))
            try:
                store.refuse_filled()
                store._initialise(codebook, fill)
            except BaseException:
                store.close()
                raise
            return store
        path = cls.new_file(path)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
        store = cls(f"sqlite:///{tmp}", tmp)
        try:
            store._initialise(codebook, fill)
            store.close()
            os.replace(tmp, path)
        except BaseException:
            store.close()
            cls.remove(tmp)
            raise
        return cls.open(path)

    @staticmethod
    def new_file(path: str | Path) -> Path:
        """``path`` as a place for a new store file, its folder made.

        Raises:
            StoreError: something exists there, or its folder cannot be made.
        """
        path = Path(path)
        if path.exists():
            raise StoreError("a project already exists here; open it instead of init",
                             path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise StoreError("a file is in the way of this folder; give a folder for the "
                             "project", path=path.parent) from None
        except OSError as e:
            error = os_error(e, path.parent, "choose a folder you can write to")
            if error is None:
                raise
            raise error from e
        return path

    def refuse_filled(self) -> None:
        """Refuse a server database that already holds tables of a project.

        Raises:
            StoreError: naming the tables found.
        """
        with self.reading() as conn:
            found = sorted(set(inspect(conn).get_table_names()) & set(s.metadata.tables))
        if found:
            raise StoreError("the database already holds a project (tables "
                             + ", ".join(found) + "); open it, or give an empty database",
                             path=self.where)

    def _initialise(self, codebook: Codebook, fill) -> None:
        from .. import __version__

        with self.atomic(command="create project", undoable=False) as conn:
            s.metadata.create_all(conn)
            self._put_meta(conn, {"schema_version": str(s.SCHEMA_VERSION), "created": now(),
                                  "qualmrs_version": __version__})
            self._write_codebook(conn, codebook)
        if fill is not None:  # a step of its own, which undo can take back
            fill(self)

    @staticmethod
    def remove(path: str | Path) -> None:
        """Delete a store that was never finished, with its WAL and journal files."""
        sqlite.remove(Path(path))

    @classmethod
    def open(cls, path: str | Path) -> "OpeningMixin":
        """Open a project file or server URL (migrating an older schema).

        Raises:
            StoreError: no file, not a project, or a schema newer than this qualmrs.
        """
        if postgres.is_url(path):
            store = cls(postgres.normalise(path))
        else:
            path = Path(path)
            if not path.is_file():
                raise StoreError("no project database here; create one with 'qualmrs init' "
                                 "or 'qualmrs run'", path=path)
            if not is_sqlite(path):  # before SQLite makes an empty file a database
                raise StoreError("not a qualmrs project database", path=path)
            store = cls(sqlite.url(path), path)
        try:
            store._check_version()
        except BaseException:
            store.close()
            raise
        return store

    def _check_version(self) -> None:
        """Bring an older schema up to date; refuse what is not a project, or a newer one."""
        try:
            version = self.meta("schema_version")
        except DatabaseError:
            raise StoreError("not a qualmrs project database"
                             + (" (no project tables; make one with 'qualmrs init' or "
                                "'qualmrs copy')" if self.path is None else ""),
                             path=self.where) from None
        if version is None:
            raise StoreError("not a qualmrs project database (no schema version)",
                             path=self.where)
        if int(version) > s.SCHEMA_VERSION:
            raise StoreError(f"the project has schema version {version}, newer than this "
                             f"qualmrs understands ({s.SCHEMA_VERSION}); upgrade qualmrs",
                             path=self.where)
        if int(version) < s.SCHEMA_VERSION:
            with self.atomic(command="upgrade project", undoable=False) as conn:
                migrate(conn, int(version))
                self._stamp_writer(conn)

