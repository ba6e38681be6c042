"""Issue 15: a project on a PostgreSQL server: the server's errors as one line without the
password, a dropped connection replaced, writers in turn through the advisory lock."""

import logging
import threading

import psycopg
import pytest
from sqlalchemy.engine import make_url

import qualmrs
from conftest import CODEBOOK, invoke
from qualmrs.errors import Disconnected, StoreError, StoreLockedError
from qualmrs.model import MANUAL, Coding
from qualmrs.project import set_lock_wait


def _with(url: str, **parts) -> str:
    return make_url(url)._replace(**parts).render_as_string(hide_password=False)


@pytest.mark.parametrize("change, message", [
    ({"database": "nosuch"}, "no such database on the server; create it first"),
    ({"username": "nobody", "password": "s3cret-pw"}, "the server refused the login"),
    ({"port": 1, "password": "s3cret-pw"}, "cannot reach the PostgreSQL server"),
])
def test_postgres_server_errors_are_one_line_without_the_password(pg_url, change, message):
    url = _with(pg_url, **change)
    r = invoke("tables", url)
    shown = _with(url, password=None)
    assert r.exit_code == 1, r.output
    (line,) = r.output.splitlines()
    assert line.startswith(f"Error: {shown}: {message}"), line
    assert "s3cret-pw" not in r.output and "Traceback" not in r.output


@pytest.mark.parametrize("command", [("tables",), ("user", "list")])
def test_postgres_empty_database_is_not_a_project(pg_url, command):
    r = invoke(*command, pg_url)
    assert r.exit_code == 1
    assert r.output == (f"Error: {pg_url}: not a qualmrs project database (no project tables; "
                        "make one with 'qualmrs init' or 'qualmrs copy')\n")


@pytest.mark.parametrize("url", ["postgresql+pg8000://u@h/db", "postgresql+psycopg://u@h"])
def test_postgres_url_without_psycopg_or_database_refused(url):
    r = invoke("tables", url)
    assert r.exit_code == 1 and r.output.startswith("Error: postgresql+"), r.output


@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_postgres_plain_scheme_uses_psycopg(pg_url, scheme):
    url = pg_url.replace("postgresql+psycopg", scheme)
    r = invoke("init", url, "--codebook", CODEBOOK)
    assert r.exit_code == 0, r.output
    with qualmrs.open(url) as project:
        assert project.codebook.tables[0].id == "4-1"
    r = invoke("init", url, "--codebook", CODEBOOK)
    assert r.exit_code == 1 and "the database already holds a project" in r.output


@pytest.mark.parametrize("reads", [2])
def test_postgres_dropped_connection_is_replaced(pg_url, reads):
    with qualmrs.create(pg_url, CODEBOOK) as project:
        for _ in range(reads):
            assert project.store.meta("schema_version")
            name = make_url(pg_url).database
            with psycopg.connect(_with(pg_url, database="postgres", drivername="postgresql"),
                                 autocommit=True) as admin:
                killed = admin.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()", (name,)).fetchone()[0]
            assert killed >= 1  # the pooled connection is gone


@pytest.fixture
def held_lock(pg_url):
    """The project's write lock, held by another connection until the test ends."""
    from qualmrs.store.postgres import LOCK_KEY

    qualmrs.create(pg_url, CODEBOOK).close()
    conn = psycopg.connect(_with(pg_url, drivername="postgresql"))
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
    yield pg_url
    conn.rollback()
    conn.close()


@pytest.mark.parametrize("wait", [0.3])
def test_postgres_writer_waits_for_the_lock_and_says_so(held_lock, wait, caplog):
    set_lock_wait(wait)
    try:
        with qualmrs.open(held_lock) as project, caplog.at_level(logging.WARNING, "qualmrs"):
            before = project.store.counts()
            with pytest.raises(StoreLockedError, match=r"locked by another process for more "
                                                       r"than 0.3 s"):
                project.add_user("kari", "hemmelig passord")
            assert "another process is writing to it" in caplog.text
            assert project.store.counts() == before  # reads never wait
    finally:
        set_lock_wait(30)


@pytest.mark.parametrize("writers", [6])
def test_postgres_concurrent_writers_each_make_one_whole_step(pg_url, tmp_path, writers):
    (tmp_path / "b.txt").write_text("A: Hei?\nB: Vi har målekortet og tall.\n",
                                    encoding="utf-8")
    with qualmrs.create(pg_url, CODEBOOK) as project:
        project.ingest([tmp_path / "b.txt"])
        text = project.store.documents()[0].text
    start = text.index("Vi har")
    errors = []

    def code(i: int) -> None:
        try:
            with qualmrs.open(pg_url) as mine:
                for code in ("motivasjon", "historikk"):
                    mine.code("b.txt", start, start + 6 + i, code, f"coder{i}")
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=code, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with qualmrs.open(pg_url) as project:
        steps = project.store.steps()
        assert len(project.store.codings()) == 2 * writers
        codings = [s for s in steps if s.command.startswith("code ")]
        assert len(codings) == 2 * writers
        assert all(s.changes == {("codings", "add"): 1} for s in codings)
        assert [s.id for s in steps] == sorted({s.id for s in steps}, reverse=True)


def test_postgres_store_error_is_a_store_error(pg_url):
    with pytest.raises(StoreError):
        qualmrs.open(_with(pg_url, database="nosuch"))


@pytest.fixture
def pg_project(pg_url, tiny_dir):
    """The tiny interview in a project on PostgreSQL."""
    with qualmrs.create(pg_url, CODEBOOK) as project:
        project.ingest([tiny_dir], tiny_dir / "cases.csv")
        yield project


def test_postgres_connection_cut_mid_unit_is_disconnected_then_next_write_succeeds(
        pg_server, pg_url, pg_project):  # issue 15
    store = pg_project.store
    coding = Coding("intervju_b.docx", 3, 12, "rangering", "KN", MANUAL)
    with pytest.raises(Disconnected):
        with store.atomic(command="cut"):
            store.add_codings([coding])
            assert pg_server.drop_connections(pg_url) >= 1
            store.codings()  # the next statement finds its connection gone
    assert store.codings() == []  # the server rolled the unit back
    assert store.add_codings([coding]) == 1  # a new connection; nothing of the cut one left
    assert [c.code for c in store.codings()] == ["rangering"]


def test_postgres_connection_cut_before_a_bulk_read_is_disconnected(pg_server, pg_url,
                                                                     pg_project):  # issue 15
    # adding codings first reads the ones there with the driver's own cursor (store/bulk.py),
    # below SQLAlchemy's error translation: a cut just before was a raw psycopg error, a 500
    from sqlalchemy import select

    from qualmrs.store import schema
    from qualmrs.store.bulk import fetch_rows

    store = pg_project.store
    raised = []
    with pytest.raises(Disconnected), store.reading() as conn:
        conn.exec_driver_sql("SELECT 1")  # checked out and alive
        assert pg_server.drop_connections(pg_url) >= 1
        try:
            list(fetch_rows(conn, select(schema.codings.c.code)))
        except Exception as e:  # the read's own error, not the one closing the block gives
            raised.append(e)
            raise
    assert [type(e) for e in raised] == [Disconnected]
    assert store.codings() == []  # the next read gets a new connection
