"""CSV files as Excel and LibreOffice save them: quotes, separators and line breaks inside
fields read right in every reader, and rows are numbered as a spreadsheet shows them (issue 12)."""

import pytest

from conftest import CODEBOOK, spreadsheet_csv
from qualmrs.codebook import load_codebook
from qualmrs.coding.cases import read_cases
from qualmrs.coding.consensus import read_consensus
from qualmrs.errors import QualmrsError
from qualmrs.model import Answer, Coding, Document, Turn
from qualmrs.project import import_answers, import_codings

STYLES = ["excel", "libreoffice"]
SAID = 'Hun sa "nei" to ganger; «ikke nå», sa hun.'


def csv_file(tmp_path, rows, style, name="f.csv"):
    path = tmp_path / name
    path.write_bytes(spreadsheet_csv(rows, style))
    return path


@pytest.mark.parametrize("style", STYLES)
def test_csvfile_codings_with_quotes_separators_and_line_breaks(quoted_project, tmp_path, style):
    path = csv_file(tmp_path, [
        ["document", "case", "code", "quote", "coder", "memo"],
        ["intervju_k.txt", "K", "motivasjon", SAID, "BHO", 'hun sa "nei" to ganger'],
        ["intervju_k.txt", "K", "historikk", "sa hun.\nSå gikk hun", "BHO", 'to linjer;\n"sitat"'],
        ["intervju_k.txt", "K", "motivasjon", 'Det var "rart", men greit', "BHO", ""],
    ], style)
    assert import_codings(quoted_project, path).codings[0] == 3
    text = quoted_project.documents()[0].text
    got = {(text[c.start:c.end], c.code, c.memo) for c in quoted_project.codings()}
    assert got == {(SAID, "motivasjon", 'hun sa "nei" to ganger'),
                   ("sa hun.\nSå gikk hun", "historikk", 'to linjer;\n"sitat"'),
                   ('Det var "rart", men greit', "motivasjon", "")}


@pytest.mark.parametrize("style", STYLES)
def test_csvfile_answers_with_quoted_evidence(quoted_project, tmp_path, style):
    path = csv_file(tmp_path, [
        ["case", "question", "category", "coder", "evidence"],
        ["K", "tallfestes", "Ja", "BHO", 'Det var "rart", men greit'],
        ["K", "egnet", "Nei", "BHO", "«ikke nå», sa hun.\nSå gikk"],
    ], style)
    assert import_answers(quoted_project, path).answers[0] == 2
    text = quoted_project.documents()[0].text
    got = {(a.question, a.category, text[a.start:a.end]) for a in quoted_project.answers()}
    assert got == {("tallfestes", "Ja", 'Det var "rart", men greit'),
                   ("egnet", "Nei", "«ikke nå», sa hun.\nSå gikk")}


@pytest.mark.parametrize("style", STYLES)
def test_csvfile_cases_with_quoted_attributes(tmp_path, style):
    path = csv_file(tmp_path, [
        ["case", "fylke", "rolle", "document"],
        ["K", 'Vest; "Nord"', "leder,\nfungerende", "intervju_k.txt"],
        ["L", "Øst", '"sjef"', ""],
    ], style)
    cases, by_doc = read_cases(path)
    assert [(c.label, dict(c.attributes)) for c in cases] == [
        ("K", {"fylke": 'Vest; "Nord"', "rolle": "leder,\nfungerende"}),
        ("L", {"fylke": "Øst", "rolle": '"sjef"'})]
    assert by_doc == {"intervju_k.txt": "K"}


DOC = Document("d.txt", "A: Spm?\nB: Svar en.\nA: Spm?\nB: Svar to.",
               (Turn("A", 3, 7, "interviewer"), Turn("B", 11, 20, case="B"),
                Turn("A", 24, 28, "interviewer"), Turn("B", 32, 41, case="B")))
CODINGS = [Coding("d.txt", 11, 20, "motivasjon", "X"), Coding("d.txt", 11, 20, "motivasjon", "Y"),
           Coding("d.txt", 32, 41, "historikk", "X"), Coding("d.txt", 32, 41, "motivasjon", "Y")]
ANSWERS = [Answer("B", "egnet", "Ja", "X"), Answer("B", "egnet", "Nei", "Y")]


@pytest.mark.parametrize("style", STYLES)
def test_csvfile_consensus_decisions_with_separators(tmp_path, style):
    path = csv_file(tmp_path, [
        ["kind", "document", "case", "start", "end", "text", "coder_a", "codes_a", "coder_b",
         "codes_b", "decision"],
        ["turn", "d.txt", "B", "32", "41", 'Svar "to";\nsa han', "X", "historikk", "Y",
         "motivasjon", "historikk; motivasjon"],
        ["answer", "", "B", "", "", 'egnet: Egner "saksområdet", seg?', "X", "Ja", "Y", "Nei",
         "Nei"],
    ], style)
    codings, answers = read_consensus(path, load_codebook(CODEBOOK), [DOC], {}, CODINGS,
                                      ANSWERS, "K")
    assert [(c.start, c.code) for c in codings] == [(11, "motivasjon"), (32, "historikk"),
                                                    (32, "motivasjon")]
    assert [(a.question, a.category) for a in answers] == [("egnet", "Nei")]


@pytest.mark.parametrize("header,expected", [
    ('case;"alder, år";rolle', {"case", "alder, år", "rolle"}),
    ('case,"alder; år",rolle', {"case", "alder; år", "rolle"}),
    ("case\t\"rolle, fylke\"", {"case", "rolle, fylke"}),
    ("case;alder, år;rolle", {"case", "alder, år", "rolle"}),  # more commas than semicolons
    ("case;fylke, region", {"case", "fylke, region"}),
])
def test_csvfile_separator_is_the_one_that_splits_the_header(tmp_path, header, expected):
    path = tmp_path / "cases.csv"
    path.write_text(header + "\nK" + header[4] + "x\n", encoding="utf-8")
    cases, _ = read_cases(path)
    assert set(cases[0].attributes) | {"case"} == expected


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("bad,message", [
    (["intervju_k.txt", "K", "ukjent", "Det var"], ", row 3: key 'code': unknown code 'ukjent'"),
    (["intervju_k.txt", "K", "motivasjon", "Det var", "x"], ":4, row 3: 5 fields but the header"),
])
def test_csvfile_rows_numbered_as_the_spreadsheet_shows_them(quoted_project, tmp_path, style,
                                                            bad, message):
    # row 2 spans two lines of text: the spreadsheet still shows it as one row
    path = csv_file(tmp_path, [["document", "case", "code", "quote"],
                               ["intervju_k.txt", "K", "historikk", 'sa "nei" to ganger;\n«ikke'],
                               bad], style)
    with pytest.raises(QualmrsError) as e:
        import_codings(quoted_project, path, coder="BHO")
    assert str(e.value).startswith(f"{path}{message}")
    assert quoted_project.codings() == []


@pytest.mark.parametrize("text,where", [
    ('document,code,quote\nintervju_k.txt,motivasjon,"Det var\nintervju_k.txt,historikk,x\n',
     ":2, row 2: a quoted field is never closed"),
    ('document,code,quote\nintervju_k.txt,motivasjon,"Det var,"\n'
     'intervju_k.txt,historikk,"Det var" men\n', ":3, row 3: a quoted field goes on after"),
    ('document,code,quote\nintervju_k.txt,motivasjon,"Det var\n' + "intervju_k.txt,x,y\n" * 8000,
     ":2, row 2: a field is longer than 131,072 characters"),
], ids=["never closed", "after closing", "swallows the rest"])
def test_csvfile_broken_quoting_is_located_not_swallowed(quoted_project, tmp_path, text, where):
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QualmrsError) as e:
        import_codings(quoted_project, path, coder="BHO")
    assert str(e.value).startswith(f"{path}{where}")
    assert quoted_project.codings() == []


def test_csvfile_hand_written_with_spaces_after_commas(quoted_project, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('document, code, quote, coder\n'
                    'intervju_k.txt, motivasjon, "Det var ""rart"", men greit", BHO\n',
                    encoding="utf-8")
    assert import_codings(quoted_project, path).codings[0] == 1
    text = quoted_project.documents()[0].text
    assert [text[c.start:c.end] for c in quoted_project.codings()] == ['Det var "rart", men greit']
