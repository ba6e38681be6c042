"""Issue 15: a team server's requests survive the database dropping its connections."""

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

import qualmrs
from conftest import CODEBOOK
from qualmrs.web import create_app

TOKEN = "t" * 32


@pytest.fixture
def pg_served(pg_url, tiny_dir):
    """The tiny interview on PostgreSQL, served to a script with the token."""
    with qualmrs.create(pg_url, CODEBOOK) as project:
        project.ingest([tiny_dir], tiny_dir / "cases.csv")
        app = create_app(project, token=TOKEN, coder="KN", hosts=("testserver",))
        yield project, TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"})


@pytest.mark.parametrize("statement", ["INSERT INTO codings", "SELECT documents.id"])
def test_team_faults_request_cut_by_a_dropped_connection_is_done_once(pg_server, pg_url,
                                                                      pg_served, statement):
    project, client = pg_served
    text = project.document_view("intervju_b.docx")["text"]
    start = text.index("målekortet")
    cut = []

    @event.listens_for(project.store.engine, "before_cursor_execute")
    def drop_once(conn, cursor, sql, *args):
        if sql.startswith(statement) and not cut:  # mid-request: in its unit, or reading
            cut.append(pg_server.drop_connections(pg_url))

    r = client.post("/api/codings", json={"document": "intervju_b.docx", "start": start,
                                          "end": start + 10, "code": "rangering"})
    assert cut and cut[0] >= 1
    assert r.status_code == 201, r.text
    assert [(c.start, c.code) for c in project.store.codings()] == [(start, "rangering")]
    assert [s.command for s in project.store.steps(actor="KN")] == \
        [f"code intervju_b.docx {start}-{start + 10} rangering"]


def test_team_faults_request_tried_three_times_when_cut_again(monkeypatch):  # issue 15
    # PostgreSQL signals each connection it terminates on its own, so the second try of a
    # request can meet a second cut (a 500 in the team load test before)
    from qualmrs.errors import Disconnected
    from qualmrs.web import api

    monkeypatch.setattr(api, "AGAIN_AFTER", (0, 0))
    tries = []

    def cut_twice():
        tries.append(1)
        if len(tries) < 3:
            raise Disconnected("cut")
        return "done"

    assert api.once_more_if_cut(cut_twice) == "done" and len(tries) == 3

    def always_cut():
        tries.append(1)
        raise Disconnected("cut")

    tries.clear()
    with pytest.raises(Disconnected):  # a server that stays away is said, not hidden
        api.once_more_if_cut(always_cut)
    assert len(tries) == 3
