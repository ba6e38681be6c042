"""The coding sheet round trip: write, mark in a spreadsheet, read back as manual coding."""

import openpyxl
import pytest

from conftest import CODEBOOK, SAMPLE, invoke
from qualmrs.project import open_project


@pytest.fixture
def db(tmp_path):
    db = tmp_path / "p.db"
    invoke("init", db, "--codebook", CODEBOOK)
    invoke("ingest", db, SAMPLE / "intervju_d.txt", SAMPLE / "intervju_f.vtt",
           "--cases", SAMPLE / "cases.csv")
    return db


def test_sheet_round_trip(db, tmp_path):
    sheet = tmp_path / "ark.xlsx"
    r = invoke("coding-sheet", db, sheet, "--documents", "intervju_d.txt")
    assert r.exit_code == 0, r.output
    wb = openpyxl.load_workbook(sheet)
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[:6] == ["document", "case", "speaker", "start", "end", "text"]
    assert "historikk" in header and "tallfestes" in header and "historikk" == header[header.index("historikk")]
    col = {name: i + 1 for i, name in enumerate(header)}
    rows = list(range(2, ws.max_row + 1))
    assert {ws.cell(r, 1).value for r in rows} == {"intervju_d.txt"}
    ws.cell(rows[0], col["historikk"]).value = "x"
    ws.cell(rows[1], col["motivasjon"]).value = "X"
    ws.cell(rows[1], col["historikk"]).value = "x"
    ws.cell(rows[0], col["tallfestes"]).value = "ja"
    wb.save(sheet)
    r = invoke("import-coding-sheet", db, sheet, "--coder", "RA")
    assert r.exit_code == 0, r.output
    with open_project(db) as store:
        doc = store.documents()[0]
        got = {(c.start, c.end, c.code) for c in store.codings(coder="RA")}
        answers = store.answers(coder="RA")
    expected = {(ws.cell(rows[0], 4).value, ws.cell(rows[0], 5).value, "historikk"),
                (ws.cell(rows[1], 4).value, ws.cell(rows[1], 5).value, "motivasjon"),
                (ws.cell(rows[1], 4).value, ws.cell(rows[1], 5).value, "historikk")}
    assert got == expected
    assert doc.text[ws.cell(rows[0], 4).value:ws.cell(rows[0], 5).value] == ws.cell(rows[0], 6).value
    assert [(a.case, a.question, a.category) for a in answers] == [("D", "tallfestes", "Ja")]


@pytest.mark.parametrize("column,value,message", [
    ("historikk", "kanskje", "mark code cells with x, not 'kanskje'"),
    ("tallfestes", "Kanskje", "'Kanskje' is not a category of tallfestes"),
])
def test_sheet_bad_cells_located_and_nothing_written(db, tmp_path, column, value, message):
    sheet = tmp_path / "ark.xlsx"
    invoke("coding-sheet", db, sheet)
    wb = openpyxl.load_workbook(sheet)
    ws = wb.active
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("motivasjon") + 1).value = "x"
    ws.cell(3, header.index(column) + 1).value = value
    wb.save(sheet)
    r = invoke("import-coding-sheet", db, sheet, "--coder", "RA")
    assert r.exit_code == 1 and f"row 3: key '{column}': {message}" in r.stderr
    with open_project(db) as store:
        assert store.codings(coder="RA") == []
