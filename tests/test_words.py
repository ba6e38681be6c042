"""Issue 17: tables, figures, captions and the report speak the codebook's language."""

import re
import zipfile

import pytest

import qualmrs
from conftest import CODEBOOK, TINY
from qualmrs.lang.words import LANGUAGES, words

EXPECTED = {  # language: (table caption, report heading, figure axis)
    "nb": ("Tabell 4-1 ", "Frekvenstabeller", "Antall informanter"),
    "nn": ("Tabell 4-1 ", "Frekvenstabellar", "Talet på informantar"),
    "en": ("Table 4-1 ", "Frequency tables", "Number of informants"),
}


def test_words_every_language_has_every_word():
    keys = set(LANGUAGES["nb"])
    assert all(set(table) == keys for table in LANGUAGES.values())
    assert words("nb-NO") is LANGUAGES["nb"] and words("de") is LANGUAGES["en"]


@pytest.fixture(params=sorted(EXPECTED))
def study_in(request, tmp_path):
    text = CODEBOOK.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^language: \w+$", f"language: {request.param}", text)
    (tmp_path / "kodebok.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "intervju_b.txt").write_text(TINY, encoding="utf-8")
    (tmp_path / "answers.csv").write_text("case,question,category,coder\nB,tallfestes,Ja,BHO\n",
                                          encoding="utf-8")
    project = qualmrs.create(":memory:", tmp_path / "kodebok.yaml")
    project.ingest([tmp_path / "intervju_b.txt"])
    project.import_answers(tmp_path / "answers.csv")
    yield request.param, project.study(), tmp_path
    project.close()


def test_words_tables_report_figures_and_word_captions(study_in):
    from qualmrs.export.tables import write_table

    language, study, tmp = study_in
    caption, heading, axis = EXPECTED[language]
    table = study.table("4-1")
    assert table.attrs["caption"].startswith(caption)
    html = study.report(tmp / "r.html").read_text(encoding="utf-8")
    assert f"<h2>{heading}</h2>" in html and f'<html lang="{language}">' in html
    svg = (tmp / "r_figurer" / "tabell_4-1.svg").read_text(encoding="utf-8")
    assert axis in svg
    with zipfile.ZipFile(write_table(table, "docx", tmp)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    label = caption.split()[0]
    assert f"<w:t xml:space=\"preserve\">{label} </w:t>" in xml
    assert f"SEQ {label} \\* ARABIC \\r 1" in xml


def test_words_count_axes_hold_whole_numbers_only(study_in):
    """One informant answered: the count axis goes 0, 1, 2, never 0.5 (issue 17)."""
    import matplotlib

    matplotlib.use("Agg")
    language, study, tmp = study_in
    study.plots(tmp / "fig")
    svg = (tmp / "fig" / "tabell_4-1.svg").read_text(encoding="utf-8")
    ticks = re.findall(r">(\d+(?:\.\d+)?)</text>", svg)
    assert ticks and all("." not in t for t in ticks), ticks
    heat = (tmp / "fig" / "kode_x_informant.svg")
    assert not heat.exists() or "0.5" not in heat.read_text(encoding="utf-8")
