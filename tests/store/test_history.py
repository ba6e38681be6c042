"""Issue 13: every change is an event of a step; undo and redo replay them; units nest."""

import sqlite3

import pytest

import qualmrs
from conftest import CODEBOOK, ROOT, TINY
from qualmrs.errors import StoreError
from qualmrs.model import Coding


@pytest.fixture
def memory(tmp_path):
    """An in-memory project holding the tiny interview (no file, no .docx)."""
    project = qualmrs.create(":memory:", CODEBOOK)
    (tmp_path / "intervju_b.txt").write_text(TINY, encoding="utf-8")
    project.ingest([tmp_path / "intervju_b.txt"])
    yield project
    project.close()


def span(project, quote):
    doc = project.store.documents()[0]
    start = doc.text.index(quote)
    return doc.name, start, start + len(quote)


def manual(project):
    return sorted((c.document, c.start, c.end, c.code, c.coder, c.memo)
                  for c in project.store.codings())


@pytest.mark.parametrize("path", [":memory:"])
def test_history_in_memory_project_needs_no_file(path, tmp_path):
    with qualmrs.open(path) as project:
        assert project.path is None and project.store.documents() == []
    assert list(tmp_path.iterdir()) == []


def test_history_coding_is_one_step_and_undo_redo_replay_it(memory):
    doc, a, b = span(memory, "det meste kan tallfestes")
    memory.code(doc, a, b, "tilbakemelding.synspunkt", "BHO", memo="tydelig ja")
    after = manual(memory)
    (top,) = memory.history(limit=1).itertuples()
    assert top.who == "BHO" and top.changes == "codings +1" and top.command.startswith("code ")
    memory.undo()
    assert manual(memory) == []
    memory.redo()
    assert manual(memory) == after
    commands = list(memory.history()["command"][:3])
    assert commands == [f"redo step {top.step}: {top.command}",
                        f"undo step {top.step}: {top.command}", top.command]


def test_history_undo_takes_back_a_whole_import(memory, tmp_path):
    csv = tmp_path / "codings.csv"
    csv.write_text("document,case,code,quote,coder,memo\n"
                   "intervju_b.txt,B,motivasjon,Vi har målekortet,BHO,\n"
                   "intervju_b.txt,B,tilbakemelding.rutiner,resultatmøter på kontoret,BHO,\n",
                   encoding="utf-8")
    memory.import_codings(csv)
    assert len(manual(memory)) == 2
    (undone,) = memory.undo()
    assert undone.command == "import-codings codings.csv" and manual(memory) == []
    # the file is again unknown: importing it brings the codings back
    memory.redo()
    assert len(manual(memory)) == 2


def test_history_a_command_that_changes_nothing_records_nothing(memory, tmp_path):
    csv = tmp_path / "codings.csv"
    csv.write_text("document,code,quote,coder\nintervju_b.txt,motivasjon,Vi har målekortet,BHO\n",
                   encoding="utf-8")
    memory.import_codings(csv)
    n = len(memory.history())
    memory.import_codings(csv)
    memory.ingest([tmp_path / "intervju_b.txt"])
    assert len(memory.history()) == n


def test_history_conflict_names_the_later_step(memory):
    doc, a, b = span(memory, "det meste kan tallfestes")
    (made,) = memory.code(doc, a, b, "motivasjon", "BHO")
    memory.recode([made.id], "historikk", actor="KN")
    with pytest.raises(StoreError, match=r"coding .* was changed since by step \d+ "
                                         r"\(recode .*\); undo that first"):
        memory.undo(coder="BHO")
    assert manual(memory)[0][3] == "historikk"  # nothing applied
    memory.undo(coder="KN")
    memory.undo(coder="BHO")
    assert manual(memory) == []


def test_history_undo_and_redo_are_per_coder(memory):
    doc, a, b = span(memory, "det meste kan tallfestes")
    memory.code(doc, a, b, "motivasjon", "BHO")
    memory.code(doc, a, b, "historikk", "KN")
    memory.undo(coder="BHO")
    assert [c[4] for c in manual(memory)] == ["KN"]
    assert memory.redo(coder="KN") == []  # KN undid nothing
    memory.redo(coder="BHO")
    assert sorted(c[4] for c in manual(memory)) == ["BHO", "KN"]


def test_history_a_new_step_ends_redo(memory):
    doc, a, b = span(memory, "det meste kan tallfestes")
    memory.code(doc, a, b, "motivasjon", "BHO")
    memory.undo()
    memory.code(doc, a, b, "historikk", "BHO")
    assert memory.redo() == []
    assert [c[3] for c in manual(memory)] == ["historikk"]


@pytest.mark.parametrize("inner_fails", [True, False])
def test_history_atomic_nests_as_savepoints(memory, inner_fails):
    doc, a, b = span(memory, "det meste kan tallfestes")
    before = memory.store.counts()
    with pytest.raises(RuntimeError) if not inner_fails else _nothing():
        with memory.atomic(command="two codings"):
            memory.code(doc, a, b, "motivasjon", "BHO")
            try:
                with memory.atomic():
                    memory.code(doc, a, b, "historikk", "BHO")
                    raise RuntimeError("halfway")
            except RuntimeError:
                if not inner_fails:
                    raise
    counts = memory.store.counts()
    if inner_fails:  # the inner block alone is gone; the outer is one step
        assert [c[3] for c in manual(memory)] == ["motivasjon"]
        assert counts["steps"] == before["steps"] + 1
        assert memory.history(limit=1)["command"][0] == "two codings"
    else:
        assert counts == before


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_history_failed_write_leaves_no_step_and_no_rows(memory):
    doc = memory.store.documents()[0]
    before = memory.store.counts()
    with pytest.raises(KeyError):
        memory.store.add_codings([Coding(doc.name, 0, 3, "motivasjon", "BHO"),
                                  Coding("no-such-document", 0, 3, "motivasjon", "BHO")])
    assert memory.store.counts() == before


def test_history_undo_of_an_ingest_removes_the_document_and_redo_brings_it_back(memory):
    text = memory.store.documents()[0].text
    memory.undo()  # the ingest of the fixture
    assert memory.store.documents() == [] and memory.store.counts()["segments"] == 0
    memory.redo()
    (doc,) = memory.store.documents()
    assert doc.text == text and memory.store.counts()["segments"] > 0


def test_history_a_project_made_before_history_opens_and_adopts_its_codings(tmp_path):
    """A store of schema 2 (made by qualmrs before this issue) is migrated in place."""
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript((ROOT / "tests" / "store" / "data" / "v2_tiny.sql")
                       .read_text(encoding="utf-8"))
    conn.close()
    with qualmrs.open(db) as project:
        codings = project.codings()
        assert len(codings) == 2 and set(codings["origin"]) == {""}
        assert project.store.meta("schema_version") == "3"
        assert project.study().table("4-1")["tallfestes"].tolist() == [1, 0, 0, 1]
        # the file they came from, imported again without one row: that row goes, the
        # other is taken over by the file
        csv = tmp_path / "codings.csv"
        csv.write_text("document,case,code,quote,coder,memo\n"
                       "study.txt,B,tilbakemelding.synspunkt,det meste kan tallfestes,BHO,\n",
                       encoding="utf-8")
        report = project.import_codings(csv)
        assert report.codings == (1, 0, 0)
        after = project.codings()
        assert len(after) == 2 and sorted(after["origin"]) == ["", "file:codings.csv"]
