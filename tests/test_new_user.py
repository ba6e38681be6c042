"""Issue 13, item 6: what a new user tripped on, and commands that are one unit each."""

import csv
import io

import pytest

import qualmrs
from conftest import CODEBOOK, SAMPLE, invoke
from qualmrs.errors import did_you_mean


@pytest.mark.parametrize("name,expected", [
    ("kontroll", "'tillit_kontroll.kontroll'"),
    ("rutiner", "'tilbakemelding.rutiner'"),
    ("motivasjn", "'motivasjon'"),
])
def test_new_user_did_you_mean_names_the_child_key(name, expected):
    keys = ["tillit_kontroll", "tillit_kontroll.kontroll", "tillit_kontroll.tillit",
            "tilbakemelding", "tilbakemelding.rutiner", "motivasjon"]
    assert did_you_mean(name, keys).startswith(f"did you mean {expected}")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    out = tmp_path_factory.mktemp("newuser") / "out"
    assert invoke("run", SAMPLE, "--codebook", CODEBOOK, "--out", out,
                  "--no-report").exit_code == 0
    return out / "project.db"


def test_new_user_memos_show_in_quotes_matrix_and_report(sample_db, tmp_path):
    with qualmrs.open(sample_db) as project:
        study = project.study()
        memo = next(c for c in study.codings if c.memo)
        quotes = study.quotes(memo.code)
        assert memo.memo in quotes["memo"].tolist()
        cells = [q for cell in study.matrix().to_numpy().ravel() for q in cell]
        assert any(q.endswith(f"— memo: {memo.memo}") for q in cells)
        html = study.report(tmp_path / "r.html").read_text(encoding="utf-8")
    assert f"— notat: {memo.memo}" in html


def test_new_user_a_theme_counts_its_sub_codes_once_per_segment(sample_db):
    with qualmrs.open(sample_db) as project:
        study = project.study()
        counts, presence = study.counts(), study.presence().set_index("code")
    children = [k for k in counts.index if k.startswith("tilbakemelding.")]
    spans = {(c.document, c.start, c.end) for c in study.codings
             if c.code.startswith("tilbakemelding.")}
    assert counts.loc["tilbakemelding", "total"] == len(spans) > 0
    assert counts.loc["tilbakemelding", "total"] <= counts.loc[children, "total"].sum()
    assert presence.loc["tilbakemelding", "segments"] == len(spans)
    assert presence.loc["tilbakemelding", "cases"] == 8


def test_new_user_run_and_tables_say_whose_work_they_count(sample_db):
    r = invoke("tables", sample_db)
    assert "Tables count coder BHO (the only coder)." in r.stderr


def test_new_user_word_codings_by_another_name_are_not_lost_silently(sample_copy, tmp_path):
    from writers import parse_canonical, write_docx

    write_docx(parse_canonical("A: Hva med tallene?\nW: Vi ser på målekortet hver uke.\n"
                               "A: Og?\nW: Det motiverer meg.\n"), sample_copy / "intervju_w.docx",
               [("Det motiverer meg", "motivasjon", "Kari Nordmann")])
    r = invoke("run", sample_copy, "--codebook", CODEBOOK, "--out", tmp_path / "o",
               "--no-report")
    assert r.exit_code == 0, r.output
    assert "Note: Kari Nordmann (1 coding(s), 0 answer(s)) is not counted" in r.stderr
    assert "rename-coder" in r.stderr


def test_new_user_evaluate_without_a_model_says_so(tmp_path):
    db = tmp_path / "p.db"
    assert invoke("init", db, "--codebook", CODEBOOK).exit_code == 0
    assert invoke("ingest", db, SAMPLE / "intervju_d.txt", SAMPLE / "intervju_e.txt").exit_code == 0
    rows = list(csv.DictReader(io.StringIO((SAMPLE / "codings.csv").read_text(encoding="utf-8"))))
    few = [r for r in rows if r["document"] in ("intervju_d.txt", "intervju_e.txt")][:6]
    with (tmp_path / "c.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(few)
    assert invoke("import-codings", db, tmp_path / "c.csv").exit_code == 0
    r = invoke("evaluate", db, "--quiet")
    assert r.exit_code == 0, r.output
    assert "Note: no model was trained" in r.stderr
    assert "rules+model" not in r.stdout and "rules" in r.stdout


def _broken(monkeypatch, module: str, name: str):
    import importlib

    def fail(*args, **kwargs):
        raise RuntimeError("halfway")
    monkeypatch.setattr(importlib.import_module(module), name, fail)


def _rows(db):
    with qualmrs.open(db) as project:
        return project.store.counts()


def test_new_user_run_is_all_or_nothing(sample_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert invoke("run", sample_copy, "--codebook", CODEBOOK, "--out", out,
                  "--no-report").exit_code == 0
    before = _rows(out / "project.db")
    (sample_copy / "intervju_z.txt").write_text("A: Hei?\nZ: Hei på deg.\n", encoding="utf-8")
    _broken(monkeypatch, "qualmrs.project.run", "import_answers")
    with pytest.raises(RuntimeError):
        qualmrs.run(sample_copy, CODEBOOK, out, report=False)
    assert _rows(out / "project.db") == before  # the new document went with the failure
    # and a first run that fails leaves no project at all
    with pytest.raises(RuntimeError):
        qualmrs.run(sample_copy, CODEBOOK, tmp_path / "new", report=False)
    assert not (tmp_path / "new" / "project.db").exists()
    assert list((tmp_path / "new").glob("*project.db*")) == []  # no partial file either


def test_new_user_accept_and_consensus_are_all_or_nothing(sample_db, tmp_path, monkeypatch):
    import shutil

    db = tmp_path / "p.db"
    shutil.copy(sample_db, db)
    assert invoke("suggest", db, "--no-model").exit_code == 0
    before = _rows(db)
    from qualmrs.store import Store

    original = Store._delete

    def delete_then_fail(self, conn, table, rows):
        original(self, conn, table, rows)
        raise RuntimeError("halfway")
    monkeypatch.setattr(Store, "_delete", delete_then_fail)
    with qualmrs.open(db) as project, pytest.raises(RuntimeError):
        project.accept("RA")
    assert _rows(db) == before
