"""The people of a team project: names, roles and password hashes (argon2id, memory-hard).

Users stand outside the history: an event would keep each password hash for good, and undo
must never bring back a removed login or an old password.
"""

from __future__ import annotations

from dataclasses import dataclass

import secrets

from sqlalchemy import func, insert, select

from ..errors import QualmrsError
from . import schema as s
from .units import now

ROLES = ("owner", "coder", "viewer")
MIN_PASSWORD = 8
SECRET_KEY = "session_secret"  # the meta row holding the web sessions' signing key


@dataclass(frozen=True)
class User:
    """A person who may log in: ``role`` is owner (manages codebook, users, rounds), coder
    (codes as themselves) or viewer (reads only)."""

    name: str
    role: str
    created: str


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or any(not c.isprintable() for c in name):
        raise QualmrsError("a user name must be printable text and not empty", key="--name")
    return name


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise QualmrsError(f"the password is too short; give at least {MIN_PASSWORD} "
                           "characters", key="--password")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise QualmrsError(f"unknown role '{role}'; expected one of: " + ", ".join(ROLES),
                           key="--role")


class UsersMixin:
    """Adding, listing, removing users and checking their passwords; needs ``UnitsMixin``."""

    def users(self) -> list[User]:
        """Every user, by name."""
        u = s.users.c
        with self.reading() as conn:
            return [User(*r) for r in conn.execute(
                select(u.name, u.role, u.created).order_by(u.name))]

    def user(self, name: str) -> User:
        """The user named ``name``.

        Raises:
            QualmrsError: no such user (the message lists them).
        """
        with self.reading() as conn:
            row = self._known(conn, name)
        return User(row.name, row.role, row.created)

    def add_user(self, name: str, password: str, role: str = "coder") -> User:
        """Add a user with a password (kept only as its argon2 hash).

        Raises:
            QualmrsError: the name is taken or empty, an unknown role, a short password.
        """
        name = _check_name(name)
        _check_role(role)
        with self.atomic(command=f"user add {name}") as conn:
            if self._user_row(conn, name) is not None:
                raise QualmrsError(f"a user named '{name}' exists already; change the "
                                   "password with 'qualmrs user passwd'", path=self.where)
            _check_password(password)
            hashed = _hasher().hash(password)
            user = User(name, role, now())
            conn.execute(s.users.insert().values(name=name, role=role, password=hashed,
                                                 created=user.created))
        return user

    def remove_user(self, name: str) -> None:
        """Remove a user (their coding stays: it is the project's).

        Raises:
            QualmrsError: no such user, or the last owner while others remain.
        """
        with self.atomic(command=f"user remove {name}") as conn:
            row = self._known(conn, name)
            owners = self._owners(conn)
            others = conn.execute(select(func.count()).select_from(s.users)).scalar() - 1
            if row.role == "owner" and owners == 1 and others:
                raise QualmrsError(f"'{name}' is the last owner; add another owner first",
                                   path=self.where)
            conn.execute(s.users.delete().where(s.users.c.name == name))

    def set_password(self, name: str, password: str) -> None:
        """Give a user a new password.

        Raises:
            QualmrsError: no such user, or a short password.
        """
        _check_password(password)
        hashed = _hasher().hash(password)
        with self.atomic(command=f"user passwd {name}") as conn:
            self._known(conn, name)
            conn.execute(s.users.update().where(s.users.c.name == name)
                         .values(password=hashed))

    def set_role(self, name: str, role: str) -> User:
        """Give a user another role.

        Raises:
            QualmrsError: no such user, an unknown role, or the last owner made something else.
        """
        _check_role(role)
        with self.atomic(command=f"user role {name} {role}") as conn:
            row = self._known(conn, name)
            if row.role == "owner" and role != "owner" and self._owners(conn) == 1:
                raise QualmrsError(f"'{name}' is the last owner; make another user an owner "
                                   "first", path=self.where)
            conn.execute(s.users.update().where(s.users.c.name == name).values(role=role))
        return User(row.name, role, row.created)

    def session_secret(self) -> str:
        """The key that signs the web sessions of this project, made on first use.

        Kept in the store so a restarted server keeps its team signed in; written outside the
        history (like a password hash, it is no work to undo and must not linger in events).
        """
        with self.atomic(command="session secret") as conn:
            where = s.meta.c.key == SECRET_KEY
            found = conn.execute(select(s.meta.c.value).where(where)).scalar()
            if found is None:  # writers are serialised, so two servers agree on one key
                found = secrets.token_urlsafe(48)
                conn.execute(insert(s.meta).values(key=SECRET_KEY, value=found))
        return found

    def check_login(self, name: str, password: str) -> User | None:
        """The user when ``password`` is theirs, else None (an unknown name too, after the
        same work, so the time taken does not tell which names exist)."""
        from argon2.exceptions import InvalidHashError, VerifyMismatchError

        hasher = _hasher()
        with self.reading() as conn:
            row = self._user_row(conn, name)
        stored = row.password if row is not None else _decoy(hasher)
        try:
            hasher.verify(stored, password)
        except (VerifyMismatchError, InvalidHashError):
            return None
        if row is None:
            return None
        if hasher.check_needs_rehash(stored):  # stronger settings since: keep a new hash
            with self.atomic(command=f"login {name}") as conn:
                conn.execute(s.users.update().where(s.users.c.name == name)
                             .values(password=hasher.hash(password)))
        return User(row.name, row.role, row.created)

    def _owners(self, conn) -> int:
        return conn.execute(select(func.count()).select_from(s.users)
                            .where(s.users.c.role == "owner")).scalar()

    def _user_row(self, conn, name: str):
        return conn.execute(select(s.users).where(s.users.c.name == name)).first()

    def _known(self, conn, name: str):
        row = self._user_row(conn, name)
        if row is None:
            known = conn.execute(select(s.users.c.name).order_by(s.users.c.name)).scalars()
            raise QualmrsError(f"no user named '{name}'; users: "
                               + (", ".join(known) or "none yet"), path=self.where)
        return row


_DECOY: list[str] = []


def _decoy(hasher) -> str:
    """A hash of nothing anyone knows, to verify against when the name is unknown."""
    if not _DECOY:
        _DECOY.append(hasher.hash(" never a password "))
    return _DECOY[0]
