import pytest

from qualmrs.analyse import code_counts, frequency_table, segments_table, theme_matrix
from qualmrs.codebook import load_codebook
from qualmrs.model import Answer, Case, Coding, Document, Turn


def test_frequency_table_counts_and_n(codebook_path):
    cb = load_codebook(codebook_path)
    answers = [Answer("B", "tallfestes", "Ja", "x"), Answer("C", "tallfestes", "Nei", "x"),
               Answer("D", "tallfestes", "Ja", "x"), Answer("B", "egnet", "Nøytral", "x")]
    t = frequency_table(cb.tables[0], cb, answers)
    assert list(t.index) == ["Ja", "Nøytral", "Nei", "N"]
    assert list(t.columns) == ["tallfestes", "egnet"]
    assert t["tallfestes"].tolist() == [2, 0, 1, 3]
    assert t["egnet"].tolist() == [0, 1, 0, 1]
    assert t.attrs["headers"]["egnet"].startswith("Egner saksområdet")


def test_matrix_and_counts(codebook_path):
    cb = load_codebook(codebook_path)
    text = "A: Spm\nB: Tall og møter.\nC: Trøyer før."
    assert text[10:24] == "Tall og møter." and text[28:39] == "Trøyer før."
    doc = Document("d.txt", text, (Turn("A", 3, 6, "interviewer"), Turn("B", 10, 24, case="B"),
                                   Turn("C", 28, 39, case="C")))
    codings = [Coding("d.txt", 10, 14, "tilbakemelding.tilgjengelighet", "x"),
               Coding("d.txt", 18, 23, "tilbakemelding.rutiner", "x"),
               Coding("d.txt", 28, 34, "historikk", "x")]
    cases = [Case("B"), Case("C")]
    m = theme_matrix(cb, [doc], codings, cases)
    assert m.loc["B", "tilbakemelding"] == [
        "[Tilgjengelige resultater: målekort, statistikk- og styringspakker] Tall",
        "[Resultatarbeid i kontoret: møter, e-post, tiltak] møter"]
    assert m.loc["C", "historikk"] == ["Trøyer"] and m.loc["C", "tilbakemelding"] == []
    mc = theme_matrix(cb, [doc], codings, cases, level="code")
    assert mc.loc["B", "tilbakemelding.rutiner"] == ["møter"]
    c = code_counts(cb, [doc], codings, cases)
    assert c.loc["tilbakemelding.rutiner", "B"] == 1 and c.loc["historikk", "total"] == 1
    assert c.loc["historikk", "cases"] == 1 and c.loc["motivasjon", "total"] == 0
    s = segments_table([doc], {}, "turn")
    assert s.columns.tolist() == ["document", "case", "speaker", "role", "start", "end", "text"]
    assert s["text"].tolist() == ["Spm", "Tall og møter.", "Trøyer før."]


@pytest.mark.parametrize("answers", [
    [],
    [Answer("B", "tallfestes", "Ja", "x"), Answer("C", "tallfestes", "Nei", "x"),
     Answer("B", "egnet", "Nøytral", "x")],
])
def test_frequency_counts_are_the_table_and_render_alike(codebook_path, answers):  # issue 12
    from qualmrs.analyse.frequency import TableCounts, table_counts
    from qualmrs.export.tabletext import render_csv, render_markdown

    cb = load_codebook(codebook_path)
    counts = table_counts(cb.tables[0], cb, answers)
    frame = frequency_table(cb.tables[0], cb, answers)
    assert TableCounts.of(frame) == counts and TableCounts.of(counts.frame()) == counts
    assert render_markdown(counts) == render_markdown(frame)
    assert render_csv(counts) == frame.to_csv(index_label="category", lineterminator="\n")
