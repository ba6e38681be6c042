"""Issue 15: `qualmrs copy` between SQLite and PostgreSQL, checked; `qualmrs user`."""

import time

import pytest

import qualmrs
from conftest import CODEBOOK, SAMPLE, invoke
from qualmrs.project import copy_project


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    """The sample study, as 'qualmrs run' stores it."""
    out = tmp_path_factory.mktemp("sample") / "out"
    r = invoke("run", SAMPLE, "--codebook", CODEBOOK, "--out", out, "--quiet", "--no-report")
    assert r.exit_code == 0, r.output
    return out / "project.db"


def _content(location):
    from qualmrs.store.copy import content

    with qualmrs.open(location) as project, project.store.reading() as conn:
        return content(conn)


def test_copy_sample_study_to_postgresql_and_back_gives_the_same_tables(sample_db, pg_url,
                                                                       tmp_path):
    started = time.perf_counter()
    there = invoke("copy", sample_db, pg_url)
    seconds = time.perf_counter() - started
    assert there.exit_code == 0, there.output
    back = tmp_path / "back.db"
    again = invoke("copy", pg_url, back)
    assert again.exit_code == 0, again.output
    print(f"\nqualmrs copy, sample study: SQLite → PostgreSQL {seconds:.2f} s; "
          f"{there.output.strip()} | {again.output.strip()}")
    (line,) = there.output.splitlines()
    assert line.startswith(f"Copied {sample_db} to {pg_url}: ") and "match" in line
    tables = [invoke("tables", where) for where in (sample_db, pg_url, back)]
    assert all(t.exit_code == 0 for t in tables)
    assert tables[0].output == tables[1].output == tables[2].output
    assert "Tabell 4-1" in tables[0].output
    assert _content(sample_db) == _content(pg_url) == _content(back)


def test_copy_keeps_the_history_so_undo_works_in_the_copy(sample_db, backend, tmp_path):
    source = tmp_path / "source.db"
    report = copy_project(sample_db, source)  # a copy of its own, to undo in
    assert report.counts["events"] > 0
    copy_project(source, backend)
    for where in (source, backend):
        with qualmrs.open(where) as project:
            codings = project.store.counts()["codings"]
            (undone,) = project.undo()
            assert undone.command == "run transcripts_sample"
            assert project.store.counts()["codings"] == 0 < codings
            project.redo()
            assert project.store.counts()["codings"] == codings
            project.code("intervju_b.docx", 0, 5, "motivasjon", "ny")  # new ids are free
    one, other = _content(source), _content(backend)
    assert one[0] == other[0]
    # times of the new steps, and the ids of turns and sentences made again by redo (SQLite
    # takes the largest + 1 there, PostgreSQL its counter) may differ; the work may not
    assert {t for t in one[1] if one[1][t] != other[1][t]} <= {"steps", "events", "codings",
                                                                "turns", "segments"}
    with qualmrs.open(source) as a, qualmrs.open(backend) as b:
        assert a.codings().equals(b.codings()) and all(x.equals(y) for x, y in zip(a.study("BHO").tables(), b.study("BHO").tables()))


def test_copy_refuses_a_target_that_holds_something(sample_db, backend, tmp_path):
    copy_project(sample_db, backend)
    r = invoke("copy", tmp_path / "nothing.db", tmp_path / "x.db")
    assert r.exit_code == 1 and "no project database here" in r.output
    r = invoke("copy", sample_db, backend)
    assert r.exit_code == 1
    assert ("a project already exists here" in r.output
            or "the database already holds a project" in r.output), r.output
    assert r.output.count("\n") == 1


def test_copy_carries_the_id_counters(backend, tmp_path):
    """An id the source handed out (its history names it) is not given again in the copy."""
    (tmp_path / "b.txt").write_text("A: Hei?\nB: Vi har målekortet.\n", encoding="utf-8")
    source = tmp_path / "s.db"
    with qualmrs.create(source, CODEBOOK) as project:
        project.ingest([tmp_path / "b.txt"])
        (made,) = project.code("b.txt", 9, 14, "motivasjon", "BHO")
        project.uncode([made.id])
    copy_project(source, backend)
    with qualmrs.open(backend) as project:
        (again,) = project.code("b.txt", 9, 14, "motivasjon", "BHO")
    assert again.id > made.id


def _user(*args, password=None):
    return invoke_input(("user", *args), password)


def invoke_input(args, text):
    from typer.testing import CliRunner

    from qualmrs.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], input=text, prog_name="qualmrs")


def test_user_add_list_passwd_remove(backend):
    qualmrs.create(backend, CODEBOOK).close()
    r = _user("add", backend, "--name", "kari", "--role", "owner", "--password-stdin",
              password="første passord\n")
    assert r.exit_code == 0 and r.output == "Added kari (owner)\n", r.output
    r = _user("add", backend, "--name", "ola", password="andre passord\nandre passord\n")
    assert r.exit_code == 0, r.output  # asked for twice, without echo
    r = _user("list", backend)
    assert [line.split()[:2] for line in r.output.splitlines()[2:]] == [["kari", "owner"],
                                                                         ["ola", "coder"]]
    with qualmrs.open(backend) as project:
        assert project.check_login("kari", "første passord").role == "owner"
        assert project.check_login("kari", "andre passord") is None
        assert project.check_login("nobody", "første passord") is None
        from sqlalchemy import select

        from qualmrs.store.schema import users
        with project.store.reading() as conn:
            stored = conn.execute(select(users.c.password)).scalars().all()
        assert all(h.startswith("$argon2id$") and "passord" not in h for h in stored)
    r = _user("passwd", backend, "--name", "kari", "--password-stdin", password="tredje pass\n")
    assert r.exit_code == 0, r.output
    r = _user("remove", backend, "--name", "kari")  # the last owner, with ola still there
    assert r.exit_code == 1 and "the last owner" in r.output
    r = _user("remove", backend, "--name", "ola")
    assert r.exit_code == 0
    with qualmrs.open(backend) as project:
        assert project.check_login("kari", "tredje pass").name == "kari"
        assert [u.name for u in project.users()] == ["kari"]
        assert project.history()["command"].str.startswith("user").sum() == 0  # no steps


@pytest.mark.parametrize("args, text, message", [
    (("add", "--name", "per", "--password-stdin"), "kort\n", "the password is too short"),
    (("add", "--name", "per", "--password-stdin"), "", "no password on standard input"),
    (("add", "--name", "per"), "et passord\net annet\n", "Error"),
    (("passwd", "--name", "nobody", "--password-stdin"), "et passord\n", "no user named"),
    (("remove", "--name", "nobody"), "", "no user named 'nobody'; users: none yet"),
])
def test_user_mistakes_are_one_error_line(backend, args, text, message):
    qualmrs.create(backend, CODEBOOK).close()
    r = invoke_input(("user", args[0], backend, *args[1:]), text)
    assert r.exit_code != 0 and message in r.output and "Traceback" not in r.output, r.output
    with qualmrs.open(backend) as project:
        assert project.users() == []


def test_output_over_a_project_file_refused_when_the_project_is_a_url(sample_db, pg_url,
                                                                        tmp_path):
    copy_project(sample_db, pg_url)
    before = sample_db.read_bytes()
    for args in (("matrix", pg_url, "--out", sample_db, "--force"),
                 ("counts", pg_url, "--format", "csv", "--out", sample_db, "--force"),
                 ("copy", pg_url, sample_db)):
        r = invoke(*args)
        assert r.exit_code == 1 and str(sample_db) in r.output, r.output
    assert sample_db.read_bytes() == before
    r = invoke("tables", pg_url, "--out", tmp_path / "tables")
    assert r.exit_code == 0 and (tmp_path / "tables").is_dir()
