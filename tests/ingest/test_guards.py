"""Issue #7 (7), #19: the zip and XML guards every archive reader shares (.docx, .qdpx)."""

import struct
import zipfile

import pytest

from bad_input.make_files import GOOD, docx_members, document_xml, write_zip
from conftest import CODEBOOK, TINY, invoke
from qualmrs.errors import IngestError
from qualmrs.ingest import guards, read_document


def patch_central(path, member: str, offset: int, fmt: str, value: int) -> None:
    """Overwrite a field of ``member``'s central directory record (and what the reader trusts)."""
    raw = bytearray(path.read_bytes())
    name = member.encode()
    at = raw.find(b"PK\x01\x02")
    while raw[at + 46:at + 46 + len(name)] != name:
        at = raw.find(b"PK\x01\x02", at + 4)
    struct.pack_into(fmt, raw, at + offset, value)
    path.write_bytes(bytes(raw))


@pytest.fixture
def docx_path(tmp_path):
    return write_zip(tmp_path / "t.docx", docx_members(document_xml(GOOD)))


def refused(path, message):
    with pytest.raises(IngestError) as e:
        read_document(path)
    assert str(e.value).startswith(f"{path}: ") and message in str(e.value)


def test_guards_a_sound_docx_passes(docx_path):
    assert [t.speaker for t in read_document(docx_path).turns] == ["A", "B"]


def test_guards_size_that_lies_is_caught_when_unpacking(tmp_path):
    # The directory says 100 bytes; the data inflates to 1 MB. zipfile stops at the declared
    # size, so memory stays bounded, and the CRC then fails.
    path = write_zip(tmp_path / "lies.docx", {**docx_members(document_xml(GOOD)),
                                              "word/media/a.bin": bytes(1_000_000)})
    patch_central(path, "word/media/a.bin", 24, "<I", 100)
    refused(path, "member 'word/media/a.bin' cannot be unpacked (Bad CRC-32")


@pytest.mark.parametrize("member,message", [
    ("/etc/passwd", "points outside the archive"),
    ("word/../../x.xml", "points outside the archive"),
    ("C:\\Windows\\x.dll", "points outside the archive"),
])
def test_guards_paths_leaving_the_archive(tmp_path, member, message):
    path = write_zip(tmp_path / "t.docx", {**docx_members(document_xml(GOOD)), member: "x"})
    refused(path, f"archive member '{member}' {message}")


def test_guards_encrypted_member(docx_path):
    patch_central(docx_path, "word/document.xml", 8, "<H", 0x1)
    refused(docx_path, "archive member 'word/document.xml' is encrypted")


def test_guards_zip_version_python_cannot_read(docx_path):
    # found by the fuzz test: «version needed to extract» 6.4 made zipfile raise
    # NotImplementedError, a traceback instead of one line
    patch_central(docx_path, "word/document.xml", 6, "<H", 64)
    refused(docx_path, "damaged .docx file (zip file version 6.4)")


def test_guards_unknown_compression_method(docx_path):
    patch_central(docx_path, "word/document.xml", 10, "<H", 99)  # 99: AES, not in zipfile
    refused(docx_path, "uses compression method 99, which cannot be read")


def test_guards_total_size_limit(docx_path, monkeypatch):
    monkeypatch.setattr(guards, "MAX_UNCOMPRESSED", 1000)
    refused(docx_path, "more than the 1000 byte limit")


def test_guards_member_count_limit(docx_path, monkeypatch):
    monkeypatch.setattr(guards, "MAX_MEMBERS", 2)
    refused(docx_path, ".docx archive has 3 members, more than 2")


def test_guards_xml_with_dtd_refused_even_without_entities(tmp_path):
    path = write_zip(tmp_path / "t.docx", docx_members(
        document_xml(GOOD, '<!DOCTYPE w:document [<!ELEMENT w:document ANY>]>')))
    refused(path, "member 'word/document.xml' declares a DTD")


def test_guards_xxe_never_reads_the_file(tmp_path):
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("PASSORD-42", encoding="utf-8")
    xxe = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
    path = write_zip(tmp_path / "t.docx", docx_members(document_xml(GOOD + ["&x;"], xxe)))
    with pytest.raises(IngestError) as e:
        read_document(path)
    assert "declares a DTD" in str(e.value) and "PASSORD-42" not in str(e.value)


def test_guards_xml_rels_checked_too(tmp_path):
    members = docx_members(document_xml(GOOD))
    members["_rels/.rels"] = members["_rels/.rels"][:-10]
    refused(write_zip(tmp_path / "t.docx", members), "member '_rels/.rels' is not well-formed")


def test_guards_shared_by_other_archive_kinds(tmp_path):
    """The REFI-QDA importer calls the same functions with its own kind."""
    path = write_zip(tmp_path / "p.qdpx", {"project.qde": "<Project/>",
                                           "sources/a.txt": "Hei"})
    guards.open_zip(path, ".qdpx").close()
    guards.check_members(path, ".qdpx", xml_suffixes=(".qde",))
    with zipfile.ZipFile(path) as zf:
        assert guards.read_member(zf, "sources/a.txt", path, ".qdpx") == b"Hei"
        with pytest.raises(IngestError, match="p.qdpx: .qdpx archive has no member 'x.qde'"):
            guards.read_member(zf, "x.qde", path, ".qdpx")
    bad = write_zip(tmp_path / "bad.qdpx", {"project.qde": "<!DOCTYPE p [<!ENTITY a 'b'>]><p/>"})
    with pytest.raises(IngestError, match="member 'project.qde' declares a DTD"):
        guards.check_members(bad, ".qdpx", xml_suffixes=(".qde",))


# -- issue 19: whatever zipfile, zlib or lxml raise on a damaged archive is one error line ------

def utf8_flagged(path):
    """The first member's local header claims a UTF-8 name (flag bit 11) whose first byte is not
    UTF-8: zipfile raised UnicodeDecodeError from ZipFile.open, and ingest showed a traceback."""
    raw = bytearray(path.read_bytes())
    raw[7] |= 0x08
    raw[30] = 0xFF
    path.write_bytes(bytes(raw))
    return path


@pytest.fixture
def project_db(tmp_path):
    """A project that holds one transcript already."""
    db = tmp_path / "p.db"
    (tmp_path / "intervju.txt").write_text(TINY, encoding="utf-8")
    assert invoke("init", db, "--codebook", CODEBOOK).exit_code == 0
    assert invoke("ingest", db, tmp_path / "intervju.txt").exit_code == 0
    return db


def test_guards_name_flagged_utf8_that_is_not_gives_one_error_line(tmp_path, project_db):
    path = utf8_flagged(write_zip(tmp_path / "intervju_x.docx", docx_members(document_xml(GOOD))))
    before = project_db.read_bytes()
    result = invoke("ingest", project_db, path)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"Error: {path}: damaged .docx file: member '[Content_Types].xml' cannot be unpacked "
        "('utf-8' codec can't decode byte 0xff in position 0: invalid start byte)"]
    assert project_db.read_bytes() == before


def test_guards_name_flagged_utf8_in_a_qdpx_gives_one_error_line(tmp_path):
    path = utf8_flagged(write_zip(tmp_path / "p.qdpx", {"project.qde": "<Project/>"}))
    result = invoke("import-qdpx", path, tmp_path / "new.db")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"Error: {path}: damaged .qdpx file: member 'project.qde' cannot be unpacked "
        "('utf-8' codec can't decode byte 0xff in position 0: invalid start byte)"]
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize("raised,reason", [
    (struct.error("unpack requires a buffer of 4 bytes"), "unpack requires a buffer of 4 bytes"),
    (OverflowError("Python int too large"), "Python int too large"),
    (EOFError(), "EOFError"),
    (TypeError("a bug in how we call zipfile"), None),  # ours: keeps its traceback
])
def test_guards_what_reading_a_member_raises(docx_path, monkeypatch, raised, reason):
    def read(self, name, pwd=None):
        raise raised

    monkeypatch.setattr(zipfile.ZipFile, "read", read)
    with pytest.raises(IngestError if reason else type(raised)) as e:
        read_document(docx_path)
    if reason:
        assert str(e.value) == (f"{docx_path}: damaged .docx file: member '[Content_Types].xml' "
                                f"cannot be unpacked ({reason})")
