import pytest

from qualmrs.errors import IngestError
from qualmrs.ingest import read_document
from writers import write_docx, write_srt, write_txt, write_vtt

LABELS = ("A", "Intervjuer")


def turns_of(doc):
    return [(t.speaker, t.role, " ".join(doc.text[t.start:t.end].split())) for t in doc.turns]


@pytest.mark.parametrize("writer,kwargs,name", [
    (write_txt, {}, "i.txt"), (write_txt, {"timestamps": True}, "i.txt"),
    (write_txt, {"bold": True}, "i.md"), (write_docx, {}, "i.docx"),
    (write_vtt, {}, "i.vtt"), (write_srt, {}, "i.srt")])
def test_readers_same_turns_in_every_format(tmp_path, tiny_turns, writer, kwargs, name):
    expected = [(s, "interviewer" if s == "A" else "informant", " ".join(" ".join(p).split()))
                for s, p in tiny_turns]
    doc = read_document(writer(tiny_turns, tmp_path / name, **kwargs), interviewer_labels=LABELS)
    assert turns_of(doc) == expected


def test_readers_label_not_in_turn_span(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("[00:12:31] H: Ja.\nIntervjuer: Og så?\n**B:** Nei.\n", encoding="utf-8")
    doc = read_document(p, interviewer_labels=LABELS)
    assert [doc.text[t.start:t.end] for t in doc.turns] == ["Ja.", "Og så?", "Nei."]
    assert [t.speaker for t in doc.turns] == ["H", "Intervjuer", "B"]
    assert doc.turns[0].time == 12 * 60 + 31


def test_readers_bom_and_crlf_normalised(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes("\ufeffA: Hei på deg.\r\nB: Hei, ære være.\r\nMer tekst.\r\n".encode("utf-8"))
    doc = read_document(p, interviewer_labels=LABELS)
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
    assert doc.turn_text(1) == "Hei, ære være.\nMer tekst."


def test_readers_nfc(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("B: ma\u030al og \u00e5r\n", encoding="utf-8")  # decomposed å
    doc = read_document(p)
    assert doc.turn_text(0) == "m\u00e5l og \u00e5r"


def test_readers_colon_word_is_not_a_speaker(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("A: Hva skjer?\nB: Altså, ja.\nAltså: vi gjør det.\n", encoding="utf-8")
    doc = read_document(p, interviewer_labels=LABELS)
    assert [t.speaker for t in doc.turns] == ["A", "B"]
    assert doc.turn_text(1).endswith("Altså: vi gjør det.")


def test_readers_label_alone_on_its_line(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("Intervjuer:\nHva skjer?\nInformant 3:\nIngenting.\n", encoding="utf-8")
    doc = read_document(p, interviewer_labels=LABELS)
    assert [(t.speaker, doc.text[t.start:t.end]) for t in doc.turns] == [
        ("Intervjuer", "Hva skjer?"), ("Informant 3", "Ingenting.")]


def test_readers_no_labels_is_one_turn_with_warning(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("Bare tekst.\nOg mer tekst.\n", encoding="utf-8")
    doc = read_document(p)
    assert len(doc.turns) == 1 and doc.turns[0].speaker == "" and doc.warnings


def test_readers_preamble_before_first_label(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("Intervju 3, mars\nA: Hei.\nB: Hei.\n", encoding="utf-8")
    doc = read_document(p, interviewer_labels=LABELS)
    assert [(t.speaker, t.role) for t in doc.turns] == [
        ("", "unknown"), ("A", "interviewer"), ("B", "informant")]


def test_readers_docx_bold_label_and_table_rows(tmp_path):
    import docx

    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("Intervjuer:").bold = True
    p.add_run(" Fortell.")
    d.add_paragraph("Uten merke, samme taler.")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "C"
    table.rows[0].cells[1].text = "Svar i tabell."
    path = tmp_path / "t.docx"
    d.save(path)
    doc = read_document(path, interviewer_labels=LABELS)
    assert turns_of(doc) == [("Intervjuer", "interviewer", "Fortell. Uten merke, samme taler."),
                             ("C", "informant", "Svar i tabell.")]


def test_readers_vtt_voice_tags_merge_cues(tmp_path):
    p = tmp_path / "t.vtt"
    p.write_text("WEBVTT\n\nNOTE laget av et verktøy\n\n00:00:01.000 --> 00:00:02.000\n"
                 "<v A>Hei.</v>\n\n00:00:02.500 --> 00:00:04.000\n<v.loud H>Første del,</v>\n\n"
                 "c3\n00:00:04.000 --> 00:00:06.000\n<v H>andre del &amp; slutt.</v>\n\n"
                 "00:00:06.000 --> 00:00:07.000\nog en cue uten stemme.\n",
                 encoding="utf-8")
    doc = read_document(p, interviewer_labels=LABELS)
    assert turns_of(doc) == [("A", "interviewer", "Hei."),
                             ("H", "informant", "Første del, andre del & slutt. og en cue uten stemme.")]
    assert doc.turns[1].time == 2.5


def test_readers_srt_label_on_first_cue_only(tmp_path):
    p = tmp_path / "t.srt"
    p.write_text("1\n00:00:01,000 --> 00:00:02,000\nA: Hei.\n\n2\n00:00:02,000 --> 00:00:03,000\n"
                 "G: Første,\n\n3\n00:00:03,000 --> 00:00:04,000\n<i>andre</i>\nlinje.\n",
                 encoding="utf-8")
    doc = read_document(p, interviewer_labels=LABELS)
    assert turns_of(doc) == [("A", "interviewer", "Hei."), ("G", "informant", "Første, andre linje.")]


@pytest.mark.parametrize("name,content,message", [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b"  \n\n", "the file is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("latin.txt", "A: Hei, blåbær.\n".encode("latin-1"), "not UTF-8 text (invalid byte 0xe5 at byte offset 10)"),
    ("fake.docx", b"this is not a zip", "not a valid .docx file"),
    ("broken.vtt", b"WEBVTT\n\n00:00:01.000 --> 00:0x:02.000\nHei\n", "3: broken cue timing"),
    ("novtt.vtt", b"Hei\n", "first line must be 'WEBVTT'"),
    ("broken.srt", b"1\n00:00:05,000 --> 00:00:02,000\nHei\n", "2: broken cue timing"),
    ("x.doc", b"\xd0\xcf\x11\xe0", "unsupported transcript format '.doc'"),
])
def test_readers_bad_input_one_located_error(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(IngestError) as e:
        read_document(p)
    assert str(e.value).startswith(str(p)) and message in str(e.value)


def test_readers_latin1_with_explicit_encoding(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes("B: Hei, blåbær.\n".encode("cp1252"))
    assert read_document(p, encoding="cp1252").turn_text(0) == "Hei, blåbær."


def test_readers_docx_without_text(tmp_path):
    import docx

    p = tmp_path / "empty.docx"
    docx.Document().save(p)
    with pytest.raises(IngestError, match="has no text"):
        read_document(p)


def test_readers_docx_zip_traversal_refused(tmp_path):
    import zipfile

    p = tmp_path / "evil.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("../../etc/evil", "x")
    with pytest.raises(IngestError, match="points outside the archive"):
        read_document(p)


def test_readers_docx_zip_bomb_refused(tmp_path):
    import zipfile

    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"0" * (60 * 1024 * 1024))
    with pytest.raises(IngestError, match="zip bomb"):
        read_document(p)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_readers_wide_unicode_with_bom_or_option(tmp_path, encoding):
    """Notepad's «Unicode» is UTF-16 with a BOM: read as is; without a BOM, by --encoding."""
    p = tmp_path / "t.txt"
    text = "A: Hei.\nB: Blåbær og målekort.\n"
    if encoding == "utf-16-le":
        p.write_bytes(text.encode("utf-16-le"))
        assert read_document(p, encoding="utf-16-le").turn_text(1) == "Blåbær og målekort."
    else:
        p.write_bytes(text.encode(encoding))  # Python writes the BOM for utf-16/utf-32
        assert read_document(p).turn_text(1) == "Blåbær og målekort."


def test_readers_nul_byte_anywhere_is_binary(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(b"A: Hei.\n" * 2000 + b"B: \x00\n")
    with pytest.raises(IngestError, match=r"NUL byte at byte offset 16003"):
        read_document(p)


def test_readers_explicit_encoding_error_is_located(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes("A: Hei.\nB: blåbær\n".encode("utf-8"))
    with pytest.raises(IngestError) as e:
        read_document(p, encoding="ascii")
    assert str(e.value) == f"{p}:2: not ascii text (invalid byte 0xc3 at byte offset 13)"


def test_readers_long_unlabelled_text_is_segmented_in_pieces(monkeypatch):
    """A turn longer than spaCy's max_length is cut at line ends, not refused (issue #7)."""
    from qualmrs.ingest.turns import LabelPolicy, find_turns
    from qualmrs.model import Document
    from qualmrs.segment import Segmenter

    text = "\n".join(f"Dette er setning nummer {i}. Og en til." for i in range(200))
    turns, _ = find_turns(text, LabelPolicy(()))
    doc = Document("t.txt", text, turns)
    whole = Segmenter().segment(doc)
    small = Segmenter()
    small.nlp.max_length = 500
    assert small.segment(doc) == whole and len(whole) == 400


@pytest.mark.parametrize("name", ["t.txt", "t.docx"])
def test_readers_unreadable_file_is_one_error(tmp_path, monkeypatch, name):
    """A file without read permission (tests may run as root, so the refusal is simulated)."""
    import builtins
    import io

    p = tmp_path / name
    if name.endswith(".docx"):
        write_docx([("A", ["Hei."])], p)
    else:
        p.write_text("A: Hei.\n", encoding="utf-8")
    real_open = io.open

    def refuse(file, *args, **kwargs):
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(io, "open", refuse)
    with pytest.raises(IngestError) as e:
        read_document(p)
    assert str(e.value) == f"{p}: cannot read the file: Permission denied"
