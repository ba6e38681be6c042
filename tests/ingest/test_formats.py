"""Issue 17 (5): .pdf, .odt, .rtf and .html transcripts get speaker turns as .txt does.

The files in tests/data/formats/ were written by LibreOffice from one .docx
(tests/data/formats/make_files.py); the small hand-made files below are shaped like those of
Word and LibreOffice where one behaviour is tested.
"""

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from data.formats.make_files import TURNS
from qualmrs.errors import IngestError
from qualmrs.ingest import read_document, transcript_files
from qualmrs.ingest.pdf import Line, body_lines, join_lines, paragraphs

FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"
LABELS = ("A", "Intervjuer")


def expected_turns():
    """The source interview's turns: a speaker's paragraphs are lines of one turn."""
    out = []
    for speaker, text in TURNS:
        text = text.replace("|", "")
        if out and out[-1][0] == speaker:
            out[-1] = (speaker, out[-1][1] + "\n" + text)
        else:
            out.append((speaker, text))
    return [(s, "interviewer" if s == "A" else "informant", t) for s, t in out]


@pytest.mark.parametrize("suffix", ["pdf", "odt", "rtf", "html"])
def test_formats_libreoffice_exports_give_the_interview_turns(suffix):
    doc = read_document(FORMATS / f"intervju_k.{suffix}", interviewer_labels=LABELS)
    assert [(t.speaker, t.role, doc.text[t.start:t.end]) for t in doc.turns] == \
        expected_turns()
    assert doc.format == suffix and not doc.warnings
    # the running header and the page numbers were never said
    assert "konfidensielt" not in doc.text


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_formats_fresh_libreoffice_pdf_gives_the_interview_turns(tmp_path):
    """The committed exports were written by one LibreOffice; this one's PDF (where layout
    decides what is read) must read alike."""
    from data.formats.make_files import make

    for path in make(tmp_path, ("pdf",))[1:]:
        doc = read_document(path, interviewer_labels=LABELS)
        assert [(t.speaker, t.role, doc.text[t.start:t.end]) for t in doc.turns] == \
            expected_turns(), path.name


def test_formats_folder_holds_every_new_format():
    assert [p.suffix for p in transcript_files([FORMATS])] == [
        ".docx", ".html", ".odt", ".pdf", ".rtf"]


@pytest.mark.parametrize("head,tail,joined", [
    ("og resultat-", "indikatorene går", "og resultatindikatorene går"),
    ("og resultat\u00ad", "indikatorene", "og resultatindikatorene"),  # a soft hyphen
    ("med kommunaldirektøren, og NAV-", "fylket deltar", "med kommunaldirektøren, og NAV-fylket deltar"),
    ("laget av MRS-", "systemet", "laget av MRS-systemet"),
    ("tallene fra 2019-", "rapporten", "tallene fra 2019-rapporten"),
    ("hvordan merker dere mål-", "og resultatstyringen", "hvordan merker dere mål- og resultatstyringen"),
    ("vi har noen under-", "Veksten kom", "vi har noen under- Veksten kom"),  # not lower-case
    ("det var", "fint", "det var fint"),
    ("det var -", "fint", "det var - fint"),  # a dash, not a hyphenated word
])
def test_formats_pdf_line_end_hyphens(head, tail, joined):
    assert join_lines(head, tail) == joined


def page(*lines, height=842):
    """A page of lines at 24-point steps; a line given as (text, top) stands at ``top``."""
    out, top = [], 70.0
    for line in lines:
        text, at = line if isinstance(line, tuple) else (line, top)
        out.append(Line(text, at, 100.0, 480.0, 40.0, 4.0))
        top = at + 24
    return out


HEAD = ("Intervju 3 – konfidensielt", 30.0)


@pytest.mark.parametrize("pages,kept", [
    # a header on every page, and «Side N av M» at the foot
    ([page(HEAD, "A: Hei.", ("Side 1 av 2", 800.0)),
      page(HEAD, "B: Hei på deg.", ("Side 2 av 2", 800.0))],
     ["A: Hei.", None, "B: Hei på deg."]),
    # bare page numbers, also on a page that has no header (a different first page)
    ([page("A: Hei.", ("1", 800.0)), page(HEAD, "B: Ja.", ("2", 800.0)),
      page(HEAD, "A: Nei.", ("3", 800.0))],
     ["A: Hei.", None, "B: Ja.", None, "A: Nei."]),
    # the header's words said in the body, away from the header's place, are kept
    ([page(HEAD, "Intervju 3 – konfidensielt"), page(HEAD, "B: Ja.")],
     ["Intervju 3 – konfidensielt", None, "B: Ja."]),
    # a line at the top of one page only is no running head
    ([page(HEAD, "A: Hei."), page("B: Ja."), page("A: Så.")],
     ["Intervju 3 – konfidensielt", "A: Hei.", None, "B: Ja.", None, "A: Så."]),
    # a short answer opening two of three pages is talk, not a running head
    ([page("A: Hei.", "B: Ja."), page("B: Ja.", "A: Og?"), page("B: Ja.", "A: Så.")],
     ["A: Hei.", "B: Ja.", None, "B: Ja.", "A: Og?", None, "B: Ja.", "A: Så."]),
    # one page: its number goes, nothing repeats
    ([page("A: Hei.", "B: 12 kontor.", ("4", 800.0))], ["A: Hei.", "B: 12 kontor."]),
])
def test_formats_pdf_running_heads_and_page_numbers_left_out(pages, kept):
    assert [x.text if x else None for x in body_lines(pages)] == kept


def test_formats_pdf_lines_become_paragraphs():
    def line(text, x1, first_word=40.0):
        return Line(text, 0.0, 100.0, x1, first_word, 4.0)

    lines = [line("A: Hvordan går det med", 480.0), line("målene?", 160.0),
             line("B: Det går bra, vi har en", 478.0, 25.0), None,  # a page break
             line("god leder.", 200.0), line("Neste avsnitt.", 260.0, 50.0),
             line("A: Takk.", 180.0)]
    assert paragraphs(lines) == ["A: Hvordan går det med målene?",
                                 "B: Det går bra, vi har en god leder.", "Neste avsnitt.",
                                 "A: Takk."]


def test_formats_pdf_partly_scanned_is_a_warning(tmp_path, monkeypatch):
    from qualmrs.ingest import pdf

    monkeypatch.setattr(pdf, "_pages", lambda path: [page("A: Hei.", "B: Ja."), []])
    path = tmp_path / "delvis.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    doc = read_document(path, interviewer_labels=LABELS)
    assert [t.speaker for t in doc.turns] == ["A", "B"]
    assert doc.warnings == ("delvis.pdf: page(s) 2 have no text (scanned?) and were left out",)


OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODT_NS = (f'xmlns:office="{OFFICE}" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def write_odt(path, body):
    """An .odt as LibreOffice stores one (mimetype first), with a bold text style T1."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}>'
               '<office:automatic-styles><style:style style:name="T1" style:family="text">'
               '<style:text-properties fo:font-weight="bold"/></style:style>'
               "</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def test_formats_odt_markup(tmp_path):
    path = write_odt(tmp_path / "i.odt", (
        '<text:p><text:span text:style-name="T1">Leder:</text:span> Vi  har<text:s text:c="2"/>'
        "mål<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>"
        "fotnote</text:p></text:note-body></text:note>.<text:line-break/>Og tall."
        "<office:annotation><text:p>sjekk</text:p></office:annotation></text:p>"
        "<text:list><text:list-item><text:p>A: Hvordan?</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>B</text:p></table:table-cell>"
        "<table:table-cell><text:p>Slik.</text:p></table:table-cell></table:table-row>"
        "</table:table><text:tracked-changes><text:changed-region><text:deletion>"
        "<text:p>slettet</text:p></text:deletion></text:changed-region></text:tracked-changes>"))
    doc = read_document(path, interviewer_labels=LABELS)
    # «Leder:» opens only one line, yet it is bold: a speaker, as in a .docx
    assert [(t.speaker, doc.text[t.start:t.end]) for t in doc.turns] == [
        ("Leder", "Vi har  mål.\nOg tall."), ("A", "Hvordan?"), ("B", "Slik.")]
    assert "fotnote" not in doc.text and "sjekk" not in doc.text and "slettet" not in doc.text


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<style>p.MsoNormal {margin:0cm}</style><script>document.write("A: nei")</script></head>
<body lang=NB>
<div style='mso-element:header' id=h1><p class=MsoHeader>Intervju 5 &#8211; side 1</p></div>
<div class=WordSection1>
<p class=MsoNormal><b>Intervjuer:</b> Hvordan brukes
m\xe5lekortet?</p>
<p class=MsoNormal><b><span style='font-size:12pt'>Kari:</span></b> Vi ser p\xe5
tallene<br>hver m\xe5ned.</p>
<p class=MsoNormal>&nbsp;</p>
<p class=MsoNormal>Og vi har resultat&shy;m\xf8ter.</p>
</div></body></html>"""


def test_formats_html_as_word_saves_it(tmp_path):
    path = tmp_path / "i.htm"
    path.write_bytes(WORD_HTML.encode("cp1252"))
    doc = read_document(path, interviewer_labels=LABELS)
    # «Kari:» opens one line only, but in bold: a speaker
    assert [(t.speaker, t.role, doc.text[t.start:t.end]) for t in doc.turns] == [
        ("Intervjuer", "interviewer", "Hvordan brukes målekortet?"),
        ("Kari", "informant", "Vi ser på tallene\nhver måned.\nOg vi har resultatmøter.")]
    assert "side 1" not in doc.text and "document" not in doc.text


@pytest.mark.parametrize("rtf,expected", [
    # WordPad and Word: a code page, 8-bit characters as \'xx, \uN with a fallback
    (rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}{\header Side 1\par}"
     rb"\pard A: Hvordan g\'e5r det?\par B: Bra, \u8211\'96 vi n\'e5r m\'e5lene.\par}",
     "A: Hvordan går det?\nB: Bra, – vi når målene."),
    # a writer that put 8-bit bytes in: they are the code page's characters
    ("{\\rtf1\\ansi\\ansicpg1252 A: Hei\\par B: Jeg m\u00e5ler\\par}".encode("cp1252"),
     "A: Hei\nB: Jeg måler"),
])
def test_formats_rtf_characters_and_code_page(tmp_path, rtf, expected):
    path = tmp_path / "i.rtf"
    path.write_bytes(rtf)
    doc = read_document(path, interviewer_labels=LABELS)
    assert doc.text.strip() == expected
    assert [t.speaker for t in doc.turns] == ["A", "B"]


@pytest.mark.parametrize("name,content,message", [
    ("i.rtf", b"A: Hei.\nB: Hei.\n", "not an RTF file"),
    ("i.rtf", rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}}", "the .rtf file has no text"),
    ("i.html", b"<html><head><title>x</title></head><body><script>x</script></body></html>",
     "the .html file has no text"),
    ("i.html", b"<html><body><p>A: Hei p\xe5 deg</p></body></html>",
     "not UTF-8 text (invalid byte 0xe5"),
    ("i.odt", b"PK\x03\x04 not really", "not a valid .odt file"),
    ("i.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "not a readable PDF file"),
])
def test_formats_bad_files_one_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=re.escape(message)) as e:
        read_document(path)
    assert str(e.value).startswith(f"{path}:")


def _local_name_not_utf8(data: bytearray) -> None:
    data[27] = 1  # the first member's name length (low byte) now cuts a letter in two


def _needs_zip_version_6_4(data: bytearray) -> None:
    at = data.index(b"PK\x01\x02")  # the central directory's first entry
    data[at + 6] = 64  # "version needed to extract": 6.4, which zipfile cannot


@pytest.mark.parametrize("damage,message", [
    (_local_name_not_utf8, "cannot be unpacked"),
    (_needs_zip_version_6_4, "damaged .odt file: zip file version 6.4"),
])
def test_formats_damaged_zip_one_error(tmp_path, damage, message):
    """Found by fuzzing (issue 17): zipfile's ValueError and NotImplementedError were
    tracebacks, for a .docx as well."""
    data = bytearray((FORMATS / "intervju_k.odt").read_bytes())
    damage(data)
    path = tmp_path / "i.odt"
    path.write_bytes(bytes(data))
    with pytest.raises(IngestError, match=re.escape(message)):
        read_document(path)


def test_formats_odt_without_text_and_hostile_odt(tmp_path):
    with pytest.raises(IngestError, match="the .odt file has no text"):
        read_document(write_odt(tmp_path / "tom.odt", "<text:p> </text:p>"))
    path = tmp_path / "xxe.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("content.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
                                   '"file:///etc/passwd">]><x>&e;</x>')
    with pytest.raises(IngestError, match="declares a DTD"):
        read_document(path)
