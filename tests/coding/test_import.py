import pytest

from qualmrs.errors import QualmrsError
from qualmrs.project import import_answers, import_codings

HEADER = "document,case,code,quote,prefix,suffix,coder,memo\n"


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_import_codings_anchors_quotes(project, tmp_path):
    p = write(tmp_path, "c.csv", HEADER +
              "intervju_b.docx,B,tilbakemelding.tilgjengelighet,Vi har målekortet og styringspakkene,,,BHO,\n"
              "intervju_b,B,tilbakemelding.rutiner,\"resultatmøter på kontoret\",,,BHO,et memo\n")
    assert import_codings(project, p).codings == (2, 0, 0)
    c = project.codings()
    doc = project.documents()[0]
    assert [doc.text[x.start:x.end] for x in c] == ["Vi har målekortet og styringspakkene",
                                                   "resultatmøter på kontoret"]
    assert c[1].memo == "et memo" and c[0].coder == "BHO" and c[0].source == "manual"
    assert import_codings(project, p).unchanged_file  # importing again changes nothing


@pytest.mark.parametrize("row,message", [
    ("intervju_b.docx,B,tilbakemelding.ukjent,Vi har målekortet,,,BHO,",
     "row 2: key 'code': unknown code 'tilbakemelding.ukjent'"),
    ("intervju_b.docx,Q,motivasjon,Vi har målekortet,,,BHO,", "row 2: key 'case': unknown case 'Q'"),
    ("intervju_x.docx,B,motivasjon,Vi har målekortet,,,BHO,", "row 2: key 'document': unknown document"),
    ("intervju_b.docx,B,motivasjon,Dette sa ingen,,,BHO,", "row 2: key 'quote': quote not found"),
    ("intervju_b.docx,B,motivasjon,det,,,BHO,", "quote found 2 times"),
    ("intervju_b.docx,B,motivasjon,Vi har målekortet,,,,", "row 2: key 'coder': no coder"),
    ("intervju_b.docx,B,motivasjon,tirsdag.\nA: Sammenliknes,,,BHO,", "runs over a speaker change"),
])
def test_import_codings_bad_row_located_and_nothing_written(project, tmp_path, row, message):
    if "\n" in row:
        doc, case, code, quote, *rest = row.split(",")
        row = ",".join([doc, case, code, f'"{quote}"', *rest])
    good = "intervju_b.docx,B,motivasjon,Vi har målekortet,,,BHO,\n"
    p = write(tmp_path, "c.csv", HEADER + good + row + "\n")
    before = project.counts()
    with pytest.raises(QualmrsError) as e:
        import_codings(project, p)
    assert str(p) in str(e.value) and message.replace("row 2", "row 3") in str(e.value)
    assert project.counts() == before


def test_import_codings_prefix_settles_ambiguity(project, tmp_path):
    p = write(tmp_path, "c.csv", HEADER + "intervju_b.docx,B,motivasjon,det,\"Tja,\",,BHO,\n")
    assert import_codings(project, p).codings[0] == 1


def test_import_codings_wrong_columns(project, tmp_path):
    p = write(tmp_path, "c.csv", "doc,kode\nx,y\n")
    with pytest.raises(QualmrsError, match="row 1: missing column"):
        import_codings(project, p)


def test_import_answers_validates_and_anchors(project, tmp_path):
    p = write(tmp_path, "a.csv", "case,question,category,coder,evidence\n"
              "B,tallfestes,ja,BHO,det meste kan tallfestes\n"
              "B,sammenliknes,Nøytral,BHO,det er vel både og\n")
    assert import_answers(project, p).answers == (2, 0, 0)
    a = {x.question: x for x in project.answers()}
    assert a["tallfestes"].category == "Ja"  # normalised to the scale's spelling
    doc = project.documents()[0]
    assert doc.text[a["sammenliknes"].start:a["sammenliknes"].end] == "det er vel både og"


@pytest.mark.parametrize("row,message", [
    ("Q,tallfestes,Ja,BHO,", "unknown case 'Q'"),
    ("B,tallfeste,Ja,BHO,", "unknown question 'tallfeste'; did you mean 'tallfestes'?"),
    ("B,tallfestes,Kanskje,BHO,", "'Kanskje' is not a category of scale ja_noytral_nei"),
    ("B,tallfestes,Ja,BHO,Dette sa ingen", "evidence not found"),
    ("B,tallfestes,Ja,BHO,Kan resultater tallfestes", "evidence not found"),  # interviewer's words
])
def test_import_answers_bad_row(project, tmp_path, row, message):
    p = write(tmp_path, "a.csv", "case,question,category,coder,evidence\n" + row + "\n")
    before = project.counts()
    with pytest.raises(QualmrsError) as e:
        import_answers(project, p)
    assert f"{p}, row 2" in str(e.value) and message in str(e.value)
    assert project.counts() == before


def test_import_answers_never_replaces_a_manual_answer(project, tmp_path):
    write(tmp_path, "a.csv", "case,question,category,coder\nB,egnet,Ja,BHO\n")
    import_answers(project, tmp_path / "a.csv")
    write(tmp_path, "b.csv", "case,question,category,coder\nB,egnet,Nei,BHO\n")
    with pytest.raises(QualmrsError, match="already has answer 'Ja'"):
        import_answers(project, tmp_path / "b.csv")
    assert [a.category for a in project.answers()] == ["Ja"]
