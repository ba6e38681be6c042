"""Issue 17: summaries round-trip through the grid (.xlsx) and a hand-written CSV."""

import csv

import pytest
from openpyxl import load_workbook

from conftest import SAMPLE, invoke


def _grid(sample_project, tmp_path, coder="BHO"):
    grid = tmp_path / "grid.xlsx"
    r = invoke("summaries", sample_project.path, "--out", grid, "--coder", coder)
    assert r.exit_code == 0, r.output
    return grid


def _texts(project):
    return {(r.case, r.theme): r.text for r in project.summaries().itertuples()}


def test_summary_grid_holds_the_summaries_and_the_coders_quotes(sample_project, tmp_path):
    grid = load_workbook(_grid(sample_project, tmp_path))
    sheet, quotes, written = grid.worksheets
    assert sheet.title == "Sammendrag" and written.sheet_state == "hidden"
    assert [c.value for c in sheet[1]][:2] == ["Informant", "Tilbakemeldinger om resultater"]
    assert sheet["B2"].value == _texts(sample_project)["B", "tilbakemelding"]
    head = [c.value for c in quotes[1]]
    marked = {r[0] for r in quotes.iter_rows(min_row=2, values_only=True)
              if r[head.index("in_summary")] == "x"}
    linked = {i for q in sample_project.summaries()["quotes"] for i in q}
    assert marked == linked and len(linked) > 50


@pytest.mark.parametrize("new", ["Har lite tid til tallene; savner én oversikt."])
def test_summary_grid_import_applies_the_cells_changed(sample_project, tmp_path, new):
    grid = _grid(sample_project, tmp_path)
    before = _texts(sample_project)
    wb = load_workbook(grid)
    sheet, quotes = wb.worksheets[:2]
    cases = [r[0].value for r in sheet.iter_rows(min_row=2)]
    heads = [c.value for c in sheet[1]]
    sheet.cell(cases.index("C") + 2, heads.index("Tilbakemeldinger om resultater") + 1).value = new
    sheet.cell(cases.index("D") + 2, heads.index("Handlingsrom") + 1).value = None  # emptied
    col = heads.index("Tidligere praksis: konkurranse, «trøyer», for mange indikatorer") + 1
    sheet.cell(cases.index("B") + 2, col).value = "Var med fra før reformen."
    head = [c.value for c in quotes[1]]
    for row in quotes.iter_rows(min_row=2):
        if (row[1].value, row[2].value) == ("B", "historikk"):
            row[head.index("in_summary")].value = "x"
    wb.save(grid)
    r = invoke("import-summaries", sample_project.path, grid, "--coder", "BHO")
    assert r.exit_code == 0, r.output
    assert r.stderr.strip() == "grid.xlsx: 1 summary(s) added, 1 changed, 1 removed"
    after = _texts(sample_project)
    assert after.pop(("C", "tilbakemelding")) == new and before.pop(("C", "tilbakemelding"))
    assert after.pop(("B", "historikk")) == "Var med fra før reformen."
    assert ("D", "frihet") not in after and before.pop(("D", "frihet"))
    assert after == before  # the cells not changed in the grid are left alone
    ids = sample_project.study().summaries().set_index(["case", "theme"])["quotes"]
    assert len(ids["B", "historikk"]) == 4
    assert invoke("import-summaries", sample_project.path, grid, "--coder", "BHO") \
        .stderr.strip() == "grid.xlsx: unchanged since the last import"
    sample_project.undo()
    assert _texts(sample_project)[("C", "tilbakemelding")] != new


def test_summary_grid_a_mark_that_is_not_x_is_refused(sample_project, tmp_path):
    grid = _grid(sample_project, tmp_path)
    wb = load_workbook(grid)
    wb.worksheets[0]["B2"].value = "Endret."
    wb.worksheets[1]["J3"].value = "ja takk"
    wb.save(grid)
    before = _texts(sample_project)
    r = invoke("import-summaries", sample_project.path, grid, "--coder", "BHO")
    assert r.exit_code == 1
    assert r.stderr == f"Error: {grid} (sheet 2), row 3: key 'in_summary': mark a quote " \
                       "with x, not 'ja takk'\n"
    assert _texts(sample_project) == before


def test_summary_csv_of_the_sample_covers_four_themes_for_eight_cases():
    with open(SAMPLE / "summaries.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    themes = {}
    for row in rows:
        themes.setdefault(row["theme"], set()).add(row["case"])
        assert row["quotes"] and len(row["summary"].split()) >= 12
    full = [t for t, cases in themes.items() if len(cases) == 8]
    assert len(full) >= 4


@pytest.mark.parametrize("line,message", [
    ("B,historikk,Tekst.,finnes ikke,BHO", "row 2: key 'quotes': «finnes ikke» is in 0 coded "
                                           "quotes of case B on historikk, not 1"),
    ("B,historikk,Tekst.,det,BHO", "is in 3 coded quotes of case B on historikk, not 1; "
                                   "quote more of it"),
    ("Q,historikk,Tekst.,,BHO", "row 2: key 'case': unknown case 'Q'"),
    ("B,histori,Tekst.,,BHO", "unknown theme 'histori'"),
])
def test_summary_csv_bad_rows_are_located(sample_project, tmp_path, line, message):
    path = tmp_path / "summaries.csv"
    path.write_text(f"case,theme,summary,quotes,coder\n{line}\n", encoding="utf-8")
    r = invoke("import-summaries", sample_project.path, path)
    assert r.exit_code == 1 and message in r.stderr and r.stderr.count("\n") == 1


def test_summary_csv_a_removed_row_removes_its_summary(sample_project, tmp_path):
    path = tmp_path / "summaries.csv"
    path.write_text("case,theme,summary,quotes,coder\n"
                    "B,historikk,Var med fra før reformen.,hele reisen,BHO\n"
                    "C,historikk,Husker trøyene.,,BHO\n", encoding="utf-8")
    assert "2 summary(s) added" in invoke("import-summaries", sample_project.path, path).stderr
    path.write_text("case,theme,summary,quotes,coder\nC,historikk,Husker trøyene.,,BHO\n",
                    encoding="utf-8")
    r = invoke("import-summaries", sample_project.path, path)
    assert r.stderr.strip() == "summaries.csv: 0 summary(s) added, 0 changed, 1 removed"
    assert [k for k in _texts(sample_project) if k[1] == "historikk"] == [("C", "historikk")]
