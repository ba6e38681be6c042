import csv

import docx
import openpyxl

from qualmrs.analyse import frequency_table
from qualmrs.codebook import load_codebook
from qualmrs.export import render_markdown, write_table
from qualmrs.model import Answer


def table(codebook_path):
    cb = load_codebook(codebook_path)
    answers = [Answer(c, "tallfestes", "Ja", "x") for c in "BCD"] + [Answer("B", "egnet", "Nei", "x")]
    return frequency_table(cb.tables[0], cb, answers)


def test_export_csv_contract(codebook_path, tmp_path):
    path = write_table(table(codebook_path), "csv", tmp_path)
    assert path.name == "tabell_4-1.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows == [["category", "tallfestes", "egnet"], ["Ja", "3", "0"], ["Nøytral", "0", "0"],
                    ["Nei", "0", "1"], ["N", "3", "1"]]


def test_export_docx_looks_like_the_thesis(codebook_path, tmp_path):
    d = docx.Document(write_table(table(codebook_path), "docx", tmp_path))
    assert d.paragraphs[0].text == "Tabell 4-1 Synspunkt på målinger"
    t = d.tables[0]
    assert [c.text for c in t.rows[0].cells] == [
        "", "Kan resultater tallfestes?",
        "Egner saksområdet til NAV-kontoret seg for resultatmålinger?"]
    assert [[c.text for c in r.cells] for r in t.rows[1:]] == [
        ["Ja", "3", "0"], ["Nøytral", "0", "0"], ["Nei", "0", "1"], ["N", "3", "1"]]


def test_export_xlsx_and_md(codebook_path, tmp_path):
    ws = openpyxl.load_workbook(write_table(table(codebook_path), "xlsx", tmp_path)).active
    assert ws["A1"].value == "Tabell 4-1 Synspunkt på målinger" and ws["B6"].value == 3
    md = render_markdown(table(codebook_path))
    assert md.splitlines()[0] == "**Tabell 4-1 Synspunkt på målinger**"
    assert "| N | 3 | 1 |" in md
