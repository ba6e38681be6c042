"""Issue 13: correcting what was coded, from the command line, on the sample study."""

import csv
import io

import pytest

import qualmrs
from conftest import CODEBOOK, ROOT, invoke


def counts(db) -> str:
    r = invoke("counts", db, "--format", "csv")
    assert r.exit_code == 0, r.output
    return r.stdout


def run(folder, out):
    r = invoke("run", folder, "--codebook", CODEBOOK, "--out", out, "--no-report")
    assert r.exit_code == 0, r.output
    return r


def edit_codings(folder, remove: int, recode: int, to: str) -> None:
    path = folder / "codings.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[recode]["code"] != to
    rows[recode]["code"] = to
    del rows[remove]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_edits_cli_rerun_after_editing_the_file_equals_a_fresh_run(sample_copy, tmp_path):
    """The issue's Done-when: edit codings.csv, run again, undo, redo."""
    out, db = tmp_path / "out", tmp_path / "out" / "project.db"
    run(sample_copy, out)
    before = counts(db)
    edit_codings(sample_copy, remove=3, recode=5, to="historikk")
    r = run(sample_copy, out)
    assert "codings.csv: 0 coding(s) added, 1 changed, 1 removed" in r.stderr
    assert "answers.csv: unchanged since the last import" in r.stderr
    assert "Tables count coder BHO (named in the study folder's" in r.stderr
    after = counts(db)
    run(sample_copy, tmp_path / "fresh")
    assert after == counts(tmp_path / "fresh" / "project.db") != before
    r = invoke("undo", db)
    assert r.exit_code == 0 and "Undone: step" in r.stderr and "run sample" in r.stderr
    assert counts(db) == before
    r = invoke("redo", db)
    assert r.exit_code == 0 and "Redone: step" in r.stderr
    assert counts(db) == after
    r = invoke("history", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["command"].split(":")[0] for row in rows[:3]] == \
        [f"redo step {rows[2]['step']}", f"undo step {rows[2]['step']}", "run sample"]
    assert rows[2]["changes"] == "codings ~1 −1"


def test_edits_cli_changed_answer_is_taken_in(sample_copy, tmp_path):
    """A changed row of answers.csv changes the answer, instead of being refused."""
    out = tmp_path / "out"
    run(sample_copy, out)
    path = sample_copy / "answers.csv"
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["question"] == "tallfestes" and r["category"] == "Ja")
    row["category"] = "Nei"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    r = run(sample_copy, out)
    assert "answers.csv: 0 answer(s) added, 1 changed, 0 removed" in r.stderr
    with qualmrs.open(out / "project.db") as project:
        assert project.study().table("4-1")["tallfestes"].tolist() == [7, 0, 1, 8]


def test_edits_cli_rename_coder_merges_into_one(sample_copy, tmp_path):
    out, db = tmp_path / "out", tmp_path / "out" / "project.db"
    run(sample_copy, out)
    assert invoke("import-codings", db, sample_copy / "codings_coder2.csv").exit_code == 0
    assert invoke("import-answers", db, sample_copy / "answers_coder2.csv").exit_code == 0
    r = invoke("coders", db, "--format", "csv")
    assert [row["coder"] for row in csv.DictReader(io.StringIO(r.stdout))] == ["BHO", "coder2"]
    r = invoke("rename-coder", db, "coder2", "BHO")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(invoke("coders", db, "--format", "csv").stdout)))
    assert [row["coder"] for row in rows] == ["BHO"]
    # identical codings became one: fewer than the two coders had
    with qualmrs.open(db) as project:
        n = len(project.codings())
        assert project.study().table("4-1")["tallfestes"].tolist() == [8, 0, 0, 8]
    assert n < 255 + sum(1 for _ in open(sample_copy / "codings_coder2.csv", encoding="utf-8")) - 1
    # the alias stays: coder2's file imported again counts as BHO's
    assert invoke("undo", db).exit_code == 0
    assert [row["coder"] for row in csv.DictReader(io.StringIO(
        invoke("coders", db, "--format", "csv").stdout))] == ["BHO", "coder2"]


def test_edits_cli_was_renames_a_code_and_carries_its_codings(sample_copy, tmp_path):
    out, db = tmp_path / "out", tmp_path / "out" / "project.db"
    run(sample_copy, out)
    n = int(next(r for r in csv.DictReader(io.StringIO(counts(db)))
                 if r["code"] == "motivasjon")["total"])
    assert n > 0
    book = CODEBOOK.read_text(encoding="utf-8").replace(
        "  - key: motivasjon\n", "  - key: motivasjon_og_resultater\n    was: [motivasjon]\n")
    (tmp_path / "new.yaml").write_text(book, encoding="utf-8")
    r = invoke("update-codebook", db, tmp_path / "new.yaml")
    assert r.exit_code == 0 and f"{n} coding(s) moved" in r.stderr, r.output
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(counts(db)))}
    assert "motivasjon" not in rows and int(rows["motivasjon_og_resultater"]["total"]) == n
    assert invoke("undo", db).exit_code == 0
    assert int(next(r for r in csv.DictReader(io.StringIO(counts(db)))
                    if r["code"] == "motivasjon")["total"]) == n


def test_edits_cli_removing_a_code_with_codings_is_refused(sample_copy, tmp_path):
    out, db = tmp_path / "out", tmp_path / "out" / "project.db"
    run(sample_copy, out)
    # «historikk» renamed without saying what it was: its codings would have nowhere to go
    book = CODEBOOK.read_text(encoding="utf-8").replace("  - key: historikk\n",
                                                        "  - key: tidligere_praksis\n")
    (tmp_path / "new.yaml").write_text(book, encoding="utf-8")
    before = counts(db)
    r = invoke("update-codebook", db, tmp_path / "new.yaml")
    assert r.exit_code == 1 and "lacks codes that hold codings: historikk (" in r.stderr
    assert counts(db) == before
    r = invoke("update-codebook", db, tmp_path / "new.yaml", "--drop-codings")
    assert r.exit_code == 0 and "dropped" in r.stderr


def test_edits_cli_uncode_recode_memo_and_list(sample_copy, tmp_path):
    out, db = tmp_path / "out", tmp_path / "out" / "project.db"
    run(sample_copy, out)
    rows = list(csv.DictReader(io.StringIO(invoke("codings", db, "--format", "csv").stdout)))
    assert list(rows[0]) == ["id", "document", "case", "start", "end", "code", "coder",
                             "origin", "memo", "text"]
    assert {r["origin"] for r in rows} == {"file:codings.csv"}
    first, second = rows[0]["id"], rows[1]["id"]
    assert invoke("uncode", db, "--id", first).exit_code == 0
    assert invoke("recode", db, "--id", second, "--to", "historikk").exit_code == 0
    assert invoke("memo", db, "--id", second, "sjekk med veileder").exit_code == 0
    after = {r["id"]: r for r in csv.DictReader(io.StringIO(
        invoke("codings", db, "--format", "csv").stdout))}
    assert first not in after and after[second]["code"] == "historikk"
    assert after[second]["memo"] == "sjekk med veileder"
    r = invoke("uncode", db, "--id", "999999")
    assert r.exit_code == 1 and "no coding with id 999999" in r.stderr
    r = invoke("recode", db, "--id", second, "--to", "kontroll")
    assert r.exit_code == 1 and "unknown code 'kontroll'" in r.stderr
    for _ in range(3):
        assert invoke("undo", db).exit_code == 0
    assert list(csv.DictReader(io.StringIO(
        invoke("codings", db, "--format", "csv").stdout))) == rows


def test_edits_cli_status_lists_coders_default_and_warnings(tmp_path):
    db = tmp_path / "p.db"
    assert invoke("init", db, "--codebook", CODEBOOK).exit_code == 0
    (tmp_path / "a.txt").write_text("Intervjuer: Hei?\nInformant: Hei.\nIntervjuer: Ja?\n"
                                    "Informant: Ja.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A: Hei?\nInformant: Hallo.\nInt: Takk.\nInformant: Ja.\n"
                                    "Int: Ha det.\n", encoding="utf-8")
    r = invoke("ingest", db, tmp_path / "a.txt")
    assert r.exit_code == 0
    r = invoke("ingest", db, tmp_path / "b.txt")
    assert "informant label 'Informant' is also the case of a.txt" in r.stderr
    assert "speaker 'Int' looks like an interviewer" in r.stderr
    r = invoke("status", db)
    assert r.exit_code == 0
    # a.txt's Informant, b.txt's (another person), and «Int», taken for an informant
    assert "Documents: 2; cases: 3" in r.stdout and "Coders: none yet" in r.stdout
    assert "b.txt: informant label 'Informant' is also the case of a.txt" in r.stdout
    assert "Warnings: 2" in r.stdout  # the two above, kept with the project


@pytest.mark.parametrize("command", ["history", "undo", "redo", "codings", "uncode", "recode",
                                     "memo", "answer", "coders", "rename-coder",
                                     "update-codebook", "status"])
def test_edits_cli_commands_have_help_and_are_in_readme(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Usage" in result.output
    assert f"qualmrs {command}" in (ROOT / "README.md").read_text(encoding="utf-8")
