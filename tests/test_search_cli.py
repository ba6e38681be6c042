"""Issue 17 (6): `qualmrs search` from the command line, and coding its hits as one step."""

import csv
import io

import pytest

import qualmrs
from conftest import CODEBOOK, ROOT, invoke

TEXTS = {
    "intervju_b.txt": "A: Kjenner du til rangeringen?\n"
                      "B: Ja, rangeringene kommer hver måned. Vi ligger høyt på rangeringa.\n"
                      "A: Og den faglige friheten?\nB: Den er stor.\n",
    "intervju_c.txt": "A: Hva med rangering?\nC: Rangering er ikke viktig for oss.\n",
}


@pytest.fixture
def db(tmp_path):
    folder = tmp_path / "study"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "project.db"
    assert invoke("init", db, "--codebook", CODEBOOK).exit_code == 0
    assert invoke("ingest", db, folder).exit_code == 0
    return db


def rows(result):
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_search_cli_finds_inflected_forms(db):
    found = rows(invoke("search", db, "rangering", "--format", "csv"))
    assert list(found[0]) == ["document", "case", "start", "end", "left", "match", "right"]
    assert [(r["case"], r["match"]) for r in found] == [
        ("B", "rangeringen"), ("B", "rangeringene"), ("B", "rangeringa"), ("C", "rangering"),
        ("C", "Rangering")]
    first = found[1]
    assert TEXTS["intervju_b.txt"][int(first["start"]):int(first["end"])] == "rangeringene"
    assert (first["left"], first["right"]) == ("Ja,", "kommer hver måned. Vi ligger høyt på")


@pytest.mark.parametrize("options,expected", [
    (["--exact"], [("C", "rangering"), ("C", "Rangering")]),
    (["--role", "informant"], [("B", "rangeringene"), ("B", "rangeringa"), ("C", "Rangering")]),
    (["--role", "interviewer", "--case", "C"], [("C", "rangering")]),
    (["--case", "C,B", "--exact"], [("C", "rangering"), ("C", "Rangering")]),
])
def test_search_cli_options(db, options, expected):
    found = rows(invoke("search", db, "rangering", "--format", "csv", *options))
    assert [(r["case"], r["match"]) for r in found] == expected


def test_search_cli_table_groups_by_case(db):
    r = invoke("search", db, "faglig frihet")
    assert r.exit_code == 0, r.output
    at = TEXTS["intervju_b.txt"].index("faglige friheten")
    assert r.stdout == f"B: 1 hit(s)\n  intervju_b.txt:{at}  Og den [faglige friheten]?\n"
    assert r.stderr == "1 hit(s) in 1 case(s)\n"


def test_search_cli_xlsx(db, tmp_path):
    import openpyxl

    out = tmp_path / "treff.xlsx"
    r = invoke("search", db, "rangering", "--format", "xlsx", "--out", out)
    assert r.exit_code == 0, r.output
    sheet = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["document", "case", "start", "end", "left", "match", "right"]
    assert [v[5] for v in values[1:]] == ["rangeringen", "rangeringene", "rangeringa",
                                         "rangering", "Rangering"]


def test_search_cli_code_hits_is_one_step_and_undo_removes_it(db):
    r = invoke("search", db, "rangering", "--role", "informant", "--code",
               "rangering.kjennskap", "--coder", "BHO", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "Coded 3 sentence(s) with rangering.kjennskap as BHO (one step" in r.stderr
    with qualmrs.open(db) as project:
        codings = project.codings("BHO")
        # the informants' sentences holding the hits, whole; the interviewer's left alone
        assert sorted(codings["text"]) == ["Ja, rangeringene kommer hver måned.",
                                           "Rangering er ikke viktig for oss.",
                                           "Vi ligger høyt på rangeringa."]
        assert set(codings["origin"]) == {"search:rangering"}
        assert set(codings["code"]) == {"rangering.kjennskap"}
        history = project.history()
    assert history.iloc[0]["command"] == "search 'rangering' --code rangering.kjennskap"
    assert history.iloc[0]["changes"] == "codings +3"
    r = invoke("undo", db)
    assert r.exit_code == 0, r.output
    with qualmrs.open(db) as project:
        assert not project.store.codings()


@pytest.mark.parametrize("options,message", [
    (["--code", "rangering.kjennskap"], "Error: key '--coder': coding the hits needs the "
                                        "person coding: give --coder NAME"),
    (["--code", "rangring", "--coder", "BHO"], "Error: unknown code 'rangring'"),
    (["--case", "D"], "Error: key '--case': unknown case 'D'"),
    (["--role", "leder"], "Error: qualmrs search: Invalid value for '--role'"),
])
def test_search_cli_mistakes_are_one_line(db, options, message):
    before = db.read_bytes()
    r = invoke("search", db, "rangering", *options)
    assert r.exit_code in (1, 2) and r.stderr.startswith(message), r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_search_cli_has_help_and_is_in_readme():
    r = invoke("search", "--help")
    assert r.exit_code == 0 and "--exact" in r.stdout
    assert "qualmrs search" in (ROOT / "README.md").read_text(encoding="utf-8")
