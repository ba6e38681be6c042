"""Every command that writes .xlsx or .csv keeps formula-like text as text, and our own sheets
come back in unchanged (issue 12)."""

import shutil

import openpyxl
import pytest

from conftest import (FORMULA_ATTRIBUTE, FORMULA_CASE, FORMULA_DOC, FORMULA_TURN, csv_values,
                      invoke, spreadsheet_csv, xlsx_values)
from qualmrs.project import open_project

OUTPUTS = [  # a command, and text from the project its output must hold
    (["coding-sheet", "{db}", "{out}"], FORMULA_TURN),
    (["matrix", "{db}", "--coder", "BHO", "--out", "{out}"], FORMULA_TURN),
    (["disagreements", "{db}", "--coders", "BHO,coder2", "--format", "{fmt}", "--out", "{out}"],
     FORMULA_TURN),
    (["quotes", "{db}", "motivasjon", "--coder", "BHO", "--format", "{fmt}", "--out", "{out}"],
     FORMULA_ATTRIBUTE),
    (["crosstab", "{db}", "--by", "fylke", "--coder", "BHO", "--format", "{fmt}", "--out",
      "{out}"], FORMULA_ATTRIBUTE),
    (["segments", "{db}", "--format", "{fmt}", "--out", "{out}"], FORMULA_DOC),
    (["counts", "{db}", "--coder", "BHO", "--format", "{fmt}", "--out", "{out}"], FORMULA_CASE),
]
XLSX, CSV = OUTPUTS[:-1], OUTPUTS[1:]  # the sheet is only .xlsx; '-X' alone was never a formula


def name(param):
    return param[0] if isinstance(param, list) else None


def run(args, db, fmt, out):
    r = invoke(*[a.format(db=db, fmt=fmt, out=out) for a in args])
    assert r.exit_code == 0, r.output
    return r


@pytest.mark.parametrize("args,text", XLSX, ids=name)
def test_spreadsheet_cli_xlsx_cells_are_strings(formula_db, tmp_path, args, text):
    out = tmp_path / "out.xlsx"
    run(args, formula_db, "xlsx", out)
    assert text in xlsx_values(out)


@pytest.mark.parametrize("args,text", CSV, ids=name)
def test_spreadsheet_cli_csv_cells_neutralised(formula_db, tmp_path, args, text):
    out = tmp_path / "out.csv"
    run(args, formula_db, "csv", out)
    assert "'" + text in csv_values(out.read_text("utf-8"))


def test_spreadsheet_cli_csv_on_stdout_neutralised(formula_db):
    r = run(["disagreements", "{db}", "--coders", "BHO,coder2"], formula_db, "", "")
    assert {"'" + FORMULA_DOC, "'" + FORMULA_CASE, "'" + FORMULA_TURN} <= set(
        csv_values(r.stdout))


@pytest.fixture
def db(formula_db, tmp_path):
    copy = tmp_path / "p.db"
    shutil.copy(formula_db, copy)
    return copy


@pytest.mark.parametrize("saved_as", ["xlsx", "csv"])
def test_spreadsheet_cli_coding_sheet_round_trip(db, tmp_path, saved_as):
    sheet = tmp_path / "ark.xlsx"
    run(["coding-sheet", "{db}", "{out}"], db, "", sheet)
    assert FORMULA_DOC in xlsx_values(sheet)
    wb = openpyxl.load_workbook(sheet)
    ws = wb.active
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[5].value == FORMULA_TURN)
    row[header.index("historikk")].value = "x"
    row[header.index("tallfestes")].value = "Nei"
    if saved_as == "xlsx":
        wb.save(sheet)
    else:  # saved from Excel as CSV: the cells as they are, ';' between them
        sheet = tmp_path / "ark.csv"
        sheet.write_bytes(spreadsheet_csv([["" if c.value is None else str(c.value) for c in r]
                                           for r in ws.iter_rows()], "excel"))
    run(["import-coding-sheet", "{db}", "{out}", "--coder", "RA"], db, "", sheet)
    with open_project(db) as store:
        text = store.documents()[0].text
        codings = [(c.document, text[c.start:c.end], c.code) for c in store.codings(coder="RA")]
        answers = [(a.case, a.question, a.category) for a in store.answers(coder="RA")]
    assert codings == [(FORMULA_DOC, FORMULA_TURN, "historikk")]
    assert answers == [(FORMULA_CASE, "tallfestes", "Nei")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_spreadsheet_cli_disagreements_round_trip(db, tmp_path, fmt):
    sheet = tmp_path / f"uenighet.{fmt}"
    run(["disagreements", "{db}", "--coders", "BHO,coder2", "--format", "{fmt}", "--out",
         "{out}"], db, fmt, sheet)
    if fmt == "xlsx":
        assert FORMULA_DOC in xlsx_values(sheet)
        wb = openpyxl.load_workbook(sheet)
        rows = [[c.value or "" for c in r] for r in wb.active.iter_rows()]
    else:
        import csv

        assert "'" + FORMULA_CASE in csv_values(sheet.read_text("utf-8"))
        rows = list(csv.reader(sheet.open(encoding="utf-8", newline="")))
    for row in rows[1:]:  # the coders settle on BHO's reading
        row[10] = row[7] or "-"
    if fmt == "xlsx":
        for r, row in zip(wb.active.iter_rows(min_row=2), rows[1:]):
            r[10].value = row[10]
        wb.save(sheet)
    else:  # edited in LibreOffice and saved again
        sheet.write_bytes(spreadsheet_csv([[str(v) for v in row] for row in rows],
                                          "libreoffice"))
    run(["consensus", "{db}", "--from", "{out}"], db, "", sheet)
    with open_project(db) as store:
        text = store.documents()[0].text
        got = {x: [(c.document, text[c.start:c.end], c.code) for c in store.codings(coder=x)]
               for x in ("BHO", "consensus")}
        answers = [(a.case, a.category) for a in store.answers(coder="consensus")]
    assert got["consensus"] == got["BHO"] == [(FORMULA_DOC, FORMULA_TURN, "motivasjon")]
    assert answers == [(FORMULA_CASE, "Ja")]
