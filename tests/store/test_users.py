"""Issue 15, item 2: what the team server keeps in the store, on SQLite and PostgreSQL: the
sessions' signing key, and users' roles."""

import pytest

import qualmrs
from conftest import CODEBOOK
from qualmrs.errors import QualmrsError


def test_users_session_secret_is_made_once_and_kept_outside_the_history(backend):
    with qualmrs.create(backend, CODEBOOK) as project:
        steps = project.store.counts()["steps"]
        secret = project.session_secret()
        assert len(secret) >= 48 and project.session_secret() == secret
        assert project.store.counts()["steps"] == steps  # nothing to undo, no event keeps it
    with qualmrs.open(backend) as again:  # a restarted server signs with the same key
        assert again.session_secret() == secret


def test_users_set_role_keeps_an_owner(backend):
    with qualmrs.create(backend, CODEBOOK) as project:
        project.add_user("kari", "hemmelig passord", "owner")
        project.add_user("ola", "hemmelig passord", "coder")
        assert project.set_role("ola", "viewer").role == "viewer"
        with pytest.raises(QualmrsError, match="'kari' is the last owner"):
            project.set_role("kari", "coder")
        with pytest.raises(QualmrsError, match="unknown role 'boss'"):
            project.set_role("ola", "boss")
        project.set_role("ola", "owner")
        project.set_role("kari", "coder")
        assert {u.name: u.role for u in project.users()} == {"kari": "coder", "ola": "owner"}
