import sqlite3

import pytest

from qualmrs.errors import QualmrsError, StoreError
from qualmrs.model import Coding
from qualmrs.project import ingest
from qualmrs.store import Store
from qualmrs.store.schema import SCHEMA_VERSION


@pytest.fixture
def project(backend_project):
    """The store's tests run on SQLite and on PostgreSQL."""
    return backend_project


def test_store_round_trip(project, tiny_dir):
    from qualmrs.ingest import read_document

    original = read_document(tiny_dir / "intervju_b.docx", interviewer_labels=("A",))
    (doc,) = project.documents()
    assert doc.text == original.text
    assert [(t.speaker, t.start, t.end, t.role) for t in doc.turns] == \
           [(t.speaker, t.start, t.end, t.role) for t in original.turns]
    assert [t.case for t in doc.turns] == [None, "B", None, "B"]
    assert project.cases()[0].attributes == {"fylke": "Vestfylket", "rolle": "kontorleder"}
    assert project.codebook.tables[0].id == "4-1"
    sentences = project.sentences()["intervju_b.docx"]
    assert all(doc.turns[s.turn].start <= s.start < s.end <= doc.turns[s.turn].end
               for s in sentences)


def test_store_reingest_unchanged_does_nothing(project, tiny_dir):
    before = project.counts()
    report = ingest(project, [tiny_dir])
    assert report.unchanged == ["intervju_b.docx"] and not report.added
    assert project.counts() == before


def test_store_changed_file_same_name_refused(project, tiny_dir):
    from writers import parse_canonical, write_docx

    write_docx(parse_canonical("A: Ny tekst.\nB: Helt ny.\n"), tiny_dir / "intervju_b.docx")
    before = project.counts()
    with pytest.raises(QualmrsError, match="changed since it was ingested"):
        ingest(project, [tiny_dir])
    assert project.counts() == before


def test_store_failed_ingest_leaves_store_as_it_was(project, tiny_dir, tmp_path):
    (tiny_dir / "z_bad.vtt").write_text("WEBVTT\n\n00:00:01.000 --> nope\nHei\n", encoding="utf-8")
    (tiny_dir / "a_good.txt").write_text("A: Hei.\nC: Hei.\n", encoding="utf-8")
    before = project.counts()
    with pytest.raises(QualmrsError, match="z_bad.vtt"):
        ingest(project, [tiny_dir])
    assert project.counts() == before


def test_store_transaction_rolls_back_halfway(project):
    doc = project.documents()[0]
    good = Coding(doc.name, 0, 3, "motivasjon", "BHO")
    bad = Coding("no-such-document", 0, 3, "motivasjon", "BHO")
    before = project.counts()
    with pytest.raises(KeyError):
        project.add_codings([good, bad])
    assert project.counts() == before


def test_store_newer_schema_refused(project):
    from sqlalchemy import text

    with project.engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value='999' WHERE key='schema_version'"))
    project.close()
    with pytest.raises(StoreError, match="newer than this qualmrs"):
        Store.open(project.location)


def test_store_not_a_project(tmp_path):
    p = tmp_path / "x.db"
    p.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a qualmrs project"):
        Store.open(p)


def test_store_missing(tmp_path):
    with pytest.raises(StoreError, match="qualmrs init"):
        Store.open(tmp_path / "none.db")


def test_store_migrates_version_1(project):
    from sqlalchemy import text

    with project.engine.begin() as conn:
        conn.execute(text("DROP TABLE models"))
        conn.execute(text("DROP TABLE users"))
        conn.execute(text("UPDATE meta SET value='1' WHERE key='schema_version'"))
    project.close()
    store = Store.open(project.location)
    assert store.meta("schema_version") == str(SCHEMA_VERSION)
    store.save_model("m", "{}")
    assert store.load_model("m") == "{}"
    store.close()


def test_store_migrates_version_3_and_revises_its_documents(tmp_path):
    """A store of schema 3 (before revisions, issue 16) gets the revision tables and keeps
    its work; its document can then be revised."""
    import qualmrs
    from conftest import old_store

    with qualmrs.open(old_store(tmp_path, "v3_tiny.sql")) as project:
        assert project.store.meta("schema_version") == str(SCHEMA_VERSION)
        assert list(project.codings()["text"]) == ["Kari Hansen sa det også."]
        counts = project.store.counts()
        assert (counts["document_versions"], counts["set_aside"], counts["reviews"]) == (0, 0, 0)
        new = tmp_path / "study.txt"
        new.write_text("A: Velkommen. Kan resultater tallfestes, tenker du?\nB: Ja, nesten "
                       "alt kan tallfestes. Kari Hansen sa det også.\n", encoding="utf-8")
        (r,) = project.ingest([new], revise=True).revised
        assert (r.same, r.version) == (1, 1)
        assert list(project.codings()["text"]) == ["Kari Hansen sa det også."]


def test_store_documents_by_name(project, tmp_path):
    from qualmrs.project import ingest

    (tmp_path / "c.txt").write_text("A: Hei?\nC: Hei, målene er greie.\n", encoding="utf-8")
    ingest(project, [tmp_path / "c.txt"])
    everything = {d.name: d for d in project.documents()}
    assert [d.name for d in project.documents(["c.txt"])] == ["c.txt"]
    assert project.documents(["c.txt"]) == [everything["c.txt"]]
    assert project.documents(["nope.txt"]) == []


def _meta(db, key):
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    conn.close()
    return row and row[0]


def _set_meta(db, key, value):
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    conn.close()


def test_store_records_the_qualmrs_that_made_it_and_last_wrote(tmp_path, tiny_dir,
                                                               codebook_path):  # issue 20
    import qualmrs

    db = tmp_path / "p.db"
    qualmrs.create(db, codebook_path).close()
    assert _meta(db, "qualmrs_version") == _meta(db, "written_by") == qualmrs.__version__
    _set_meta(db, "written_by", "0.0.1")  # as if an older qualmrs wrote to it last
    with qualmrs.open(db) as project:
        project.study()
        with pytest.raises(RuntimeError), project.atomic("interrupted"):
            project.ingest([tiny_dir])
            raise RuntimeError("stopped halfway")
    assert _meta(db, "written_by") == "0.0.1"  # reading, and a change rolled back, write nothing
    with qualmrs.open(db) as project:
        project.ingest([tiny_dir])
        assert _meta(db, "written_by") == qualmrs.__version__
        project.undo()  # not an event of the step: undo leaves it
        assert _meta(db, "written_by") == qualmrs.__version__


def test_store_writes_its_version_once_per_store_object(tmp_path, tiny_dir,
                                                        codebook_path):  # issue 20
    import qualmrs

    db = tmp_path / "p.db"
    qualmrs.create(db, codebook_path).close()
    with qualmrs.open(db) as project:
        project.ingest([tiny_dir])
        _set_meta(db, "written_by", "marked")
        project.undo()
        assert _meta(db, "written_by") == "marked"  # stamped by the first unit, not again
    with qualmrs.open(db) as project:
        project.redo()
    assert _meta(db, "written_by") == qualmrs.__version__


def test_store_migrates_version_5_to_users(project):
    from sqlalchemy import text

    with project.engine.begin() as conn:
        conn.execute(text("DROP TABLE users"))
        conn.execute(text("UPDATE meta SET value='5' WHERE key='schema_version'"))
    project.close()
    with Store.open(project.location) as store:
        assert store.meta("schema_version") == str(SCHEMA_VERSION) == "7"
        store.add_user("kari", "hemmelig passord", "owner")
        assert [(u.name, u.role) for u in store.users()] == [("kari", "owner")]
        assert store.check_login("kari", "hemmelig passord").role == "owner"


def test_store_migrates_version_6_to_rounds(project):  # issue 15
    from sqlalchemy import text

    with project.engine.begin() as conn:
        conn.execute(text("DROP TABLE rounds"))
        conn.execute(text("UPDATE meta SET value='6' WHERE key='schema_version'"))
    project.close()
    with Store.open(project.location) as store:
        assert store.meta("schema_version") == str(SCHEMA_VERSION)
        opened = store.add_round(["b.txt"], ["ola", "eva"], True, "kari")
        assert store.rounds() == [opened] and store.open_round() == opened
