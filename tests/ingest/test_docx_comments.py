"""Coding in Word: comments on a .docx transcript become manual codings on ingest (issue #5)."""

import zipfile

import docx
import pytest

from conftest import CODEBOOK, invoke
from qualmrs.codebook import load_codebook
from qualmrs.coding.comments import codings_from_comments
from qualmrs.ingest import read_document
from qualmrs.project import ingest, init_project
from writers import parse_canonical, write_docx

LABELS = ("A",)
INTERVIEW = parse_canonical("""\
A: Kan resultater tallfestes, tenker du?
B: Ja, det meste kan tallfestes. Vi har målekortet 📊 og styringspakkene hver måned.
Og vi har resultatmøter på kontoret hver tirsdag.
A: Sammenliknes kontorene?
B: Tja, det er vel både og. Fylket viser tall, men rangerer ikke.
""")


def quotes(doc, codings):
    return [(doc.text[c.start:c.end], c.code, c.coder) for c in codings]


def coded(tmp_path, comments, name="intervju_b.docx"):
    path = write_docx(INTERVIEW, tmp_path / name, comments)
    doc = read_document(path, interviewer_labels=LABELS)
    return doc, codings_from_comments(doc, load_codebook(CODEBOOK))


@pytest.fixture
def db(tmp_path):
    db = tmp_path / "p.db"
    init_project(db, CODEBOOK).close()
    return db


@pytest.mark.parametrize("quote", ["målekortet 📊 og styringspakkene", "det meste kan tallfestes"])
def test_docx_comments_span_is_the_commented_text(tmp_path, quote):
    doc, result = coded(tmp_path, [(quote, "tilbakemelding.tilgjengelighet", "Kari")])
    assert [doc.text[c.start:c.end] for c in doc.comments] == [quote]
    assert quotes(doc, result.codings) == [(quote, "tilbakemelding.tilgjengelighet", "Kari")]
    assert result.codings[0].source == "manual" and not result.warnings


def test_docx_comments_several_codes_by_key_and_by_name(tmp_path):
    doc, result = coded(tmp_path, [("rangerer ikke", " Kjennskap til RANGERING ;historikk; ",
                                    "Kari")])
    assert quotes(doc, result.codings) == [("rangerer ikke", "rangering.kjennskap", "Kari"),
                                           ("rangerer ikke", "historikk", "Kari")]


def test_docx_comments_unknown_code_names_text_and_position(tmp_path):
    doc, result = coded(tmp_path, [("Fylket viser tall", "motivasjon; motivasjn", "Kari")])
    start = doc.text.index("Fylket viser tall")
    assert quotes(doc, result.codings) == [("Fylket viser tall", "motivasjon", "Kari")]
    assert result.warnings == (
        f"intervju_b.docx: comment 1 'motivasjon; motivasjn' at chars {start}–{start + 17} "
        "(«Fylket viser tall»): unknown code 'motivasjn'; did you mean 'motivasjon'?",)


def test_docx_comments_a_remark_is_no_coding_and_no_warning(tmp_path):
    doc, result = coded(tmp_path, [("Tja", "sjekk dette", "Kari"),
                                   ("vel både og", "rutinr", "Kari")])
    assert [c.text for c in result.remarks] == ["sjekk dette"]
    assert not result.codings
    assert len(result.warnings) == 1 and "unknown code 'rutinr'" in result.warnings[0]


def test_docx_comments_coder_falls_back_to_initials_then_word(tmp_path):
    path = tmp_path / "t.docx"
    d = docx.Document()
    p = d.add_paragraph("B: ")
    d.add_comment(p.add_run("Ja."), "motivasjon", author="", initials="KN")
    p = d.add_paragraph("B: ")
    d.add_comment(p.add_run("Nei."), "motivasjon", author="", initials=None)
    d.save(path)
    doc = read_document(path, interviewer_labels=LABELS)
    result = codings_from_comments(doc, load_codebook(CODEBOOK))
    assert [c.coder for c in result.codings] == ["KN", "word"]


def test_docx_comments_later_paragraphs_are_the_memo(tmp_path):
    doc, result = coded(tmp_path, [("Tja", "motivasjon\nHun nøler her.\nSe også D.", "Kari")])
    assert [(c.code, c.memo) for c in result.codings] == [
        ("motivasjon", "Hun nøler her.\nSe også D.")]


def test_docx_comments_span_over_two_paragraphs_and_over_a_speaker_change(tmp_path):
    path = tmp_path / "t.docx"
    d = docx.Document()
    first = d.add_paragraph("B: Vi har målekortet. ").add_run("Og styringspakkene")
    second = d.add_paragraph().add_run("hver måned")
    d.add_paragraph("og mer.")
    question = d.add_paragraph("A: ").add_run("Sammenliknes")
    answer = d.add_paragraph("B: ").add_run("Nei.")
    d.add_comment([first, second], "tilbakemelding.tilgjengelighet", "Kari")
    d.add_comment([question, answer], "rangering.kjennskap", "Kari")
    d.save(path)
    doc = read_document(path, interviewer_labels=LABELS)
    result = codings_from_comments(doc, load_codebook(CODEBOOK))
    assert quotes(doc, result.codings) == [
        ("Og styringspakkene\nhver måned", "tilbakemelding.tilgjengelighet", "Kari"),
        ("Sammenliknes", "rangering.kjennskap", "Kari"),  # the label «B:» is left out
        ("Nei.", "rangering.kjennskap", "Kari")]
    assert [t.speaker for t in doc.turns] == ["B", "A", "B"]


def table_docx(rows):
    """A Word document holding one table with these rows of cell texts."""
    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    return d, table


def test_docx_comments_in_a_table_layout_transcript(tmp_path):
    path = tmp_path / "t.docx"
    d, table = table_docx([("A", "Hvordan går det?"), ("B:", "")])
    cell = table.rows[1].cells[1].paragraphs[0]
    cell.add_run("  Vi har ")
    d.add_comment(cell.add_run("ukentlige resultatmøter"), "tilbakemelding.rutiner", "Kari")
    cell.add_run(" på kontoret. ")
    table.rows[1].cells[1].add_paragraph("Og ").add_run("e-post")  # a second cell paragraph
    d.add_comment(table.rows[1].cells[1].paragraphs[1].runs[1], "tilbakemelding.rutiner", "Kari")
    d.save(path)
    doc = read_document(path, interviewer_labels=LABELS)
    result = codings_from_comments(doc, load_codebook(CODEBOOK))
    # the cell's paragraphs are joined by a space (after the one ending the first)
    assert doc.text == ("A: Hvordan går det?\n"
                        "B: Vi har ukentlige resultatmøter på kontoret.  Og e-post")
    assert [s for s, _, _ in quotes(doc, result.codings)] == ["ukentlige resultatmøter", "e-post"]


def test_docx_comments_table_row_after_a_multiline_cell_keeps_its_label(tmp_path):
    # a row read as plain text with a line break in a cell used to shift the labels after it
    path = tmp_path / "t.docx"
    d, _ = table_docx([("Intervju med leder av NAV-kontoret, mars 2024, sted: kontoret",
                        "side 1\nside 2"), ("Leder", "Vi måler alt.")])
    d.save(path)
    doc = read_document(path, interviewer_labels=LABELS)
    assert [(t.speaker, doc.text[t.start:t.end]) for t in doc.turns][-1] == ("Leder",
                                                                            "Vi måler alt.")


# -- a .docx as Word writes it: runs split at the comment, proofing marks, a reply thread ------

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'mc:Ignorable="w14 w15"')
LABEL = '<w:r w:rsidRPr="00D41A2B"><w:rPr><w:b/><w:bCs/></w:rPr><w:t>{}:</w:t></w:r>'
REF = ('<w:r><w:rPr><w:rStyle w:val="Merknadsreferanse"/></w:rPr>'
       '<w:commentReference w:id="{}"/></w:r>')
BODY = (
    '<w:p w14:paraId="0A1B2C01" w14:textId="77777777" w:rsidR="00D41A2B">' + LABEL.format("A")
    + '<w:r><w:t xml:space="preserve"> Kan resultater tallfestes?</w:t></w:r></w:p>'
    '<w:p w14:paraId="0A1B2C02" w14:textId="77777777" w:rsidR="00D41A2B">' + LABEL.format("B")
    + '<w:r><w:t xml:space="preserve"> Ja, det </w:t></w:r>'
    '<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>'
    '<w:bookmarkStart w:id="7" w:name="_Hlk1"/><w:r><w:t>me</w:t></w:r>'
    '<w:r w:rsidR="00E2"><w:t>ste kan tallfe</w:t></w:r>'
    '<w:proofErr w:type="spellStart"/><w:r><w:t>stes</w:t></w:r><w:proofErr w:type="spellEnd"/>'
    '<w:bookmarkEnd w:id="7"/>'
    '<w:commentRangeEnd w:id="0"/>' + REF.format(0) + '<w:commentRangeEnd w:id="1"/>'
    + REF.format(1)
    + '<w:r><w:t xml:space="preserve">. Na\u030a har vi </w:t></w:r>'
    '<w:commentRangeStart w:id="2"/>'
    '<w:r><w:t xml:space="preserve">ma\u030alekortet</w:t></w:r><w:r><w:tab/></w:r>'
    '<w:hyperlink r:id="rIdX" w:history="1"><w:r><w:t>og styringspakker</w:t></w:r></w:hyperlink>'
    '<w:r><w:t xml:space="preserve"> hver </w:t></w:r></w:p>'
    '<w:p w14:paraId="0A1B2C03" w14:textId="77777777" w:rsidR="00D41A2B">'
    '<w:r><w:t>måned</w:t></w:r><w:commentRangeEnd w:id="2"/>' + REF.format(2)
    + '<w:r><w:t xml:space="preserve">, så vi følger med.</w:t></w:r></w:p>'
    '<w:p w14:paraId="0A1B2C04" w14:textId="77777777" w:rsidR="00D41A2B">' + LABEL.format("A")
    + '<w:r><w:t xml:space="preserve"> Og rangeringen?</w:t></w:r></w:p>'
    '<w:p w14:paraId="0A1B2C05" w14:textId="77777777" w:rsidR="00D41A2B">' + LABEL.format("B")
    + '<w:r><w:t xml:space="preserve"> Vi ligger midt på treet.</w:t></w:r>' + REF.format(3)
    + '</w:p>')


def _comment(cid, author, text, para_id):
    return (f'<w:comment w:id="{cid}" w:author="{author}" w:date="2024-03-01T10:12:00Z" '
            f'w:initials="{author[:1]}"><w:p w14:paraId="{para_id}" w14:textId="77777777">'
            '<w:pPr><w:pStyle w:val="Merknadstekst"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="Merknadsreferanse"/></w:rPr><w:annotationRef/></w:r>'
            f'<w:r><w:t>{text}</w:t></w:r></w:p></w:comment>')


COMMENTS = (f'<w:comments {NS}>' + _comment(0, "Kari Nordmann", "motivasjon", "3E000001")
            + _comment(1, "Ola", "enig, men kanskje historikk?", "3E000002")
            + _comment(2, "Kari Nordmann", "Tilgjengelige resultater: målekort, "
                       "statistikk- og styringspakker", "3E000003")
            + _comment(3, "Kari Nordmann", "rangering.kjennskap", "3E000004") + '</w:comments>')
EXTENDED = (f'<w15:commentsEx {NS}><w15:commentEx w15:paraId="3E000001" w15:done="0"/>'
            '<w15:commentEx w15:paraId="3E000002" w15:paraIdParent="3E000001" w15:done="0"/>'
            '<w15:commentEx w15:paraId="3E000003" w15:done="1"/>'
            '<w15:commentEx w15:paraId="3E000004" w15:done="0"/></w15:commentsEx>')


def word_docx(path, body, comments, extended=None):
    """Package hand-written document.xml and comments.xml parts the way Word lays them out,
    starting from a python-docx file that already has a comments part."""
    seed = path.with_suffix(".seed.docx")
    d = docx.Document()
    d.add_comment(d.add_paragraph().add_run("x"), "x")
    d.save(seed)
    with zipfile.ZipFile(seed) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                        f'<w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>'
                        ).encode("utf-8")
            elif info.filename == "word/comments.xml":
                data = comments.encode("utf-8")
            elif extended and info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdEx" Type="http://schemas.microsoft.com/office/2011/'
                    b'relationships/commentsExtended" Target="commentsExtended.xml"/>'
                    b'</Relationships>'))
            elif extended and info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/word/commentsExtended.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/>'
                    b'</Types>'))
            dst.writestr(info, data)
        if extended:
            dst.writestr("word/commentsExtended.xml", extended.encode("utf-8"))
    seed.unlink()
    return path


def test_docx_comments_as_word_writes_them(tmp_path):
    path = word_docx(tmp_path / "intervju_k.docx", BODY, COMMENTS, EXTENDED)
    doc = read_document(path, interviewer_labels=LABELS)
    assert doc.text == ("A: Kan resultater tallfestes?\n"
                        "B: Ja, det meste kan tallfestes. Nå har vi målekortet\tog styringspakker "
                        "hver \nmåned, så vi følger med.\nA: Og rangeringen?\n"
                        "B: Vi ligger midt på treet.")
    result = codings_from_comments(doc, load_codebook(CODEBOOK))
    assert quotes(doc, result.codings) == [
        ("meste kan tallfestes", "motivasjon", "Kari Nordmann"),  # the reply «enig …» left out
        ("målekortet\tog styringspakker hver \nmåned", "tilbakemelding.tilgjengelighet",
         "Kari Nordmann"),  # by name, after and over NFD «å» made NFC, a tab, a link, into the next line
        ("Vi ligger midt på treet.", "rangering.kjennskap", "Kari Nordmann")]  # reference only
    assert not result.warnings and not result.remarks


def test_docx_comments_without_a_range_or_anchor(tmp_path):
    body = ('<w:p>' + LABEL.format("B") + '<w:r><w:t xml:space="preserve"> Ja.</w:t></w:r></w:p>')
    path = word_docx(tmp_path / "t.docx", body, f'<w:comments {NS}>'
                     + _comment(5, "Kari", "motivasjon", "3E000009") + '</w:comments>')
    doc = read_document(path, interviewer_labels=LABELS)
    result = codings_from_comments(doc, load_codebook(CODEBOOK))
    assert not result.codings
    assert result.warnings == ("t.docx: comment 1 'motivasjon': not anchored to any transcript "
                               "text (in a header, footnote or text box?); not coded",)


# -- through the project and the CLI ------------------------------------------------------------

def test_docx_comments_ingest_stores_codings_once(tmp_path, db):
    path = write_docx(INTERVIEW, tmp_path / "intervju_b.docx",
                      [("det meste kan tallfestes", "tilbakemelding.synspunkt; motivasjon", "Kari"),
                       ("Tja", "sjekk dette", "Ola")])
    r = invoke("ingest", db, path)
    assert r.exit_code == 0, r.output
    assert r.stderr.strip().splitlines()[-1] == (
        "Ingested 1 document(s); 0 unchanged; 2 coding(s) from Word comments "
        "(1 comment(s) naming no code left as remarks).")
    r = invoke("ingest", db, path)
    assert r.exit_code == 0 and "1 unchanged." in r.stderr
    from qualmrs.project import open_project

    with open_project(db) as store:
        (doc,) = store.documents()
        assert quotes(doc, store.codings()) == [
            ("det meste kan tallfestes", "motivasjon", "Kari"),
            ("det meste kan tallfestes", "tilbakemelding.synspunkt", "Kari")]


def test_docx_comments_added_after_ingest_give_just_the_new_codings(tmp_path, db):
    from qualmrs.ingest import file_sha256

    path = tmp_path / "intervju_b.docx"
    first = ("det meste kan tallfestes", "motivasjon", "Kari")
    write_docx(INTERVIEW, path, [first])
    assert invoke("ingest", db, path).exit_code == 0
    write_docx(INTERVIEW, path, [first, ("rangerer ikke", "historikk", "Kari")])
    r = invoke("ingest", db, path)
    assert r.exit_code == 0, r.output
    assert r.stderr.strip().splitlines()[-1] == (
        "Ingested 0 document(s); 1 unchanged; 1 coding(s) from Word comments.")
    from qualmrs.project import open_project

    with open_project(db) as store:
        (doc,) = store.documents()
        assert [(s, c) for s, c, _ in quotes(doc, store.codings())] == [
            ("det meste kan tallfestes", "motivasjon"), ("rangerer ikke", "historikk")]
        assert store.document_index()["intervju_b.docx"] == file_sha256(path)
    r = invoke("ingest", db, path)  # now plainly unchanged: not read again
    assert r.stderr.strip().splitlines()[-1] == "Ingested 0 document(s); 1 unchanged."
    changed = [(s, p if s != "B" else [p[0] + " Ferdig."] + p[1:]) for s, p in INTERVIEW]
    write_docx(changed, path, [first])
    r = invoke("ingest", db, path)
    assert r.exit_code == 1 and "changed since it was ingested" in r.stderr


def test_docx_comments_strict_refuses_and_leaves_the_store(tmp_path, db):
    path = write_docx(INTERVIEW, tmp_path / "intervju_b.docx",
                      [("Tja", "motivasjon", "Kari"), ("rangerer ikke", "rangring", "Kari")])
    before = db.read_bytes()
    r = invoke("ingest", db, path, "--strict")
    assert r.exit_code == 1
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "intervju_b.docx: comment 2 'rangring' at chars" in line
    assert "unknown code 'rangring'" in line and line.endswith("(refused: --strict)")
    assert db.read_bytes() == before
    r = invoke("ingest", db, path)
    assert r.exit_code == 0 and "Warning: intervju_b.docx: comment 2 'rangring'" in r.stderr
    assert "1 coding(s) from Word comments" in r.stderr


def test_docx_comments_codings_and_document_in_one_transaction(tmp_path, db, monkeypatch):
    from qualmrs.project import open_project
    from qualmrs.store import Store

    path = write_docx(INTERVIEW, tmp_path / "intervju_b.docx", [("Tja", "motivasjon", "Kari")])

    def broken(self, *args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "sync_origin", broken)
    with open_project(db) as store:
        before = store.counts()
        with pytest.raises(RuntimeError):
            ingest(store, [path])
        assert store.counts() == before


def test_docx_comments_author_is_a_coder_for_counts_and_agreement(tmp_path, db):
    path = write_docx(INTERVIEW, tmp_path / "intervju_b.docx",
                      [("det meste kan tallfestes", "tilbakemelding.synspunkt", "Kari"),
                       ("rangerer ikke", "rangering.kjennskap", "Kari")])
    assert invoke("ingest", db, path).exit_code == 0
    sheet = tmp_path / "codings.csv"
    sheet.write_text("document,code,quote,coder\n"
                     "intervju_b.docx,tilbakemelding.synspunkt,det meste kan tallfestes,Ola\n",
                     encoding="utf-8")
    assert invoke("import-codings", db, sheet).exit_code == 0
    r = invoke("counts", db, "--coder", "Kari", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "tilbakemelding.synspunkt" in r.stdout and "rangering.kjennskap" in r.stdout
    r = invoke("agreement", db, "--coders", "Kari,Ola", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = {line.split(",")[0]: line.split(",") for line in r.stdout.splitlines()}
    # code,unit,n_units,both,only_a,only_b,neither,...: both coded B's first turn as synspunkt;
    # only Kari coded the last turn as kjennskap
    assert rows["tilbakemelding.synspunkt"][3:7] == ["1", "0", "0", "1"]
    assert rows["rangering.kjennskap"][3:7] == ["0", "1", "0", "1"]


def test_docx_comments_shared_name_needs_the_key_and_a_name_may_hold_a_semicolon(tmp_path):
    from qualmrs.codebook import parse_codebook

    book = parse_codebook("""\
codes:
  - key: styring
    name: Styring; kontroll
    children:
      - key: annet
        name: Annet
  - key: tillit
    name: Tillit
    children:
      - key: annet
        name: Annet
""", "k.yaml")
    path = write_docx(INTERVIEW, tmp_path / "t.docx", [("Tja", "styring; KONTROLL", "Kari"),
                                                       ("vel både og", "annet; tillit.annet", "Kari")])
    doc = read_document(path, interviewer_labels=LABELS)
    result = codings_from_comments(doc, book)
    assert [(c.code, doc.text[c.start:c.end]) for c in result.codings] == [
        ("styring", "Tja"), ("tillit.annet", "vel både og")]
    assert len(result.warnings) == 1
    assert result.warnings[0].endswith(
        "the name 'annet' has several codes (styring.annet, tillit.annet); use the key")


def test_docx_comments_of_a_revised_transcript_stay_on_their_words(tmp_path, db):
    """A corrected .docx taken in with --revise (issue 16): the codings its comments made
    are carried, and its comments are read again."""
    from qualmrs.project import open_project

    path = tmp_path / "intervju_b.docx"
    first = ("det meste kan tallfestes", "motivasjon", "Kari")
    write_docx(INTERVIEW, path, [first])
    assert invoke("ingest", db, path).exit_code == 0
    changed = [(s, p if s != "B" else ["Ehm, ja. " + p[0]] + p[1:]) for s, p in INTERVIEW]
    write_docx(changed, path, [first, ("rangerer ikke", "historikk", "Kari")])
    r = invoke("ingest", db, path, "--revise")
    assert r.exit_code == 0, r.output
    assert "Revised intervju_b.docx" in r.stderr and "1 coding(s) on the same words" in r.stderr
    with open_project(db) as store:
        (doc,) = store.documents()
        assert doc.text.count("Ehm, ja. ") == 2
        assert quotes(doc, store.codings()) == [
            ("det meste kan tallfestes", "motivasjon", "Kari"),
            ("rangerer ikke", "historikk", "Kari")]
        assert store.counts()["document_versions"] == 1
