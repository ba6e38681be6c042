"""Agreement, disagreements and consensus on the sample's two coders, through the CLI."""

import csv
import io

import openpyxl
import pytest

from conftest import CODEBOOK, SAMPLE, invoke



@pytest.fixture(scope="module")
def two_coders(tmp_path_factory):
    out = tmp_path_factory.mktemp("agree")
    assert invoke("run", SAMPLE, "--codebook", CODEBOOK, "--out", out).exit_code == 0
    db = out / "project.db"
    assert invoke("import-codings", db, SAMPLE / "codings_coder2.csv").exit_code == 0
    assert invoke("import-answers", db, SAMPLE / "answers_coder2.csv").exit_code == 0
    return db


def test_agreement_cli_names_the_unit_and_prints_kappa_alpha(two_coders):
    r = invoke("agreement", two_coders, "--coders", "BHO,coder2")
    assert r.exit_code == 0, r.output
    first = r.stdout.splitlines()[0]
    assert "unit: informant turn" in first and "64 units in 3 document(s)" in first
    assert "intervju_b.docx, intervju_e.txt, intervju_g.srt" in first
    header = r.stdout.splitlines()[1].split()
    assert header[-2:] == ["kappa", "alpha"]
    assert "Answers to closed questions" in r.stdout


def test_agreement_cli_csv_contract(two_coders):
    r = invoke("agreement", two_coders, "--coders", "BHO,coder2", "--format", "csv",
               "--unit", "sentence")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["code", "unit", "n_units", "both", "only_a", "only_b", "neither",
                             "percent_agreement", "kappa", "alpha"]
    assert rows[-1]["code"] == "ALL" and {r["unit"] for r in rows} == {"sentence"}
    for row in rows:
        n = sum(int(row[k]) for k in ("both", "only_a", "only_b", "neither"))
        assert n == int(row["n_units"])
        agree = (int(row["both"]) + int(row["neither"])) / n
        assert float(row["percent_agreement"]) == pytest.approx(agree)


def test_agreement_cli_tables_need_a_coder_choice(two_coders):
    r = invoke("tables", two_coders)
    assert r.exit_code == 1 and "several coders" in r.stderr
    r = invoke("tables", two_coders, "--coder", "coder2")
    assert r.exit_code == 0 and "| N | 3 | 3 |" in r.stdout


def test_agreement_cli_disagreements_and_consensus(two_coders, tmp_path):
    sheet = tmp_path / "d.xlsx"
    r = invoke("disagreements", two_coders, "--coders", "BHO,coder2", "--format", "xlsx",
               "--out", sheet)
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(sheet)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header == ["kind", "document", "case", "start", "end", "text", "coder_a", "codes_a",
                      "coder_b", "codes_b", "decision"]
    assert ws.max_row > 5
    # Leave one row undecided: refused, with its row, and nothing stored.
    r = invoke("consensus", two_coders, "--from", sheet)
    assert r.exit_code == 1 and "row 2: key 'decision': no decision" in r.stderr
    for row in ws.iter_rows(min_row=2):
        row[10].value = row[7].value or "-"  # the coders settle on BHO's reading
    wb.save(sheet)
    r = invoke("consensus", two_coders, "--from", sheet)
    assert r.exit_code == 0, r.output
    r = invoke("agreement", two_coders, "--coders", "BHO,consensus", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert all(float(x["percent_agreement"]) == 1.0 for x in rows)
    r = invoke("tables", two_coders)  # consensus is the default coder once present
    assert r.exit_code == 0 and "| N | 3 | 3 |" in r.stdout
    r = invoke("consensus", two_coders, "--from", sheet)
    assert r.exit_code == 1 and "already has codings" in r.stderr


def test_agreement_cli_unknown_coder(two_coders):
    r = invoke("agreement", two_coders, "--coders", "BHO,nobody")
    assert r.exit_code == 1 and "no manual codings or answers by 'nobody'" in r.stderr
