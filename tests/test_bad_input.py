"""Issue #7 (4): every file of tests/bad_input/ gets one located error line and writes nothing.

Each case runs the CLI on a project that already holds one transcript, and checks the exit
code, that stderr is one ``Error:`` line naming the file (and line/row/byte where there is
one), and that the project database is byte-for-byte what it was.
"""

from pathlib import Path

import pytest

from conftest import CODEBOOK, TINY, invoke

BAD = Path(__file__).parent / "bad_input"

# file → (command, extra arguments, what the error line says after "Error: <path>")
CASES = {
    "empty.txt": ("ingest", [], ": the file is empty"),
    "only_whitespace.txt": ("ingest", [], ": the file is empty"),
    "png_renamed.txt": ("ingest", [], ": looks like a binary file, not text (NUL byte at byte "
                                      "offset 8)"),
    "pdf_renamed.txt": ("ingest", [], ": a PDF file, not text"),
    "docx_renamed.txt": ("ingest", [], ": a zip archive (a .docx or .xlsx?), not text"),
    "control_bytes.txt": ("ingest", [], ": looks like a binary file, not text (14 control bytes"),
    "latin1.txt": ("ingest", [], ":1: not UTF-8 text (invalid byte 0xe5 at byte offset 12); "
                                 "give --encoding cp1252"),
    "labels_only.txt": ("ingest", [], ": the file has speaker labels but no text after them"),
    "no_labels.txt": ("ingest", ["--strict"], ": no speaker labels found; the whole text is "
                                              "one unlabelled turn (refused: --strict)"),
    "not_zip.docx": ("ingest", [], ": not a valid .docx file (not a zip archive; truncated or "
                                   "renamed?)"),
    "truncated.docx": ("ingest", [], ": not a valid .docx file (not a zip archive"),
    "empty_zip.docx": ("ingest", [], ": not a readable .docx file: There is no item named "
                                     "'[Content_Types].xml' in the archive"),
    "no_text.docx": ("ingest", [], ": the .docx file has no text"),
    "broken_xml.docx": ("ingest", [], ": member 'word/document.xml' is not well-formed XML"),
    "damaged_member.docx": ("ingest", [], ": damaged .docx file: member 'word/document.xml' "
                                          "cannot be unpacked"),
    "xxe.docx": ("ingest", [], ": member 'word/document.xml' declares a DTD; refused"),
    "billion_laughs.docx": ("ingest", [], ": member 'word/document.xml' declares a DTD; refused"),
    "traversal.docx": ("ingest", [], ": archive member '../../evil.sh' points outside the "
                                     "archive"),
    "zip_bomb.docx": ("ingest", [], ": archive member 'word/media/image1.png' inflates "
                                    "11534336 bytes from"),
    # issue 17: PDF and OpenDocument transcripts
    "scanned.pdf": ("ingest", [], ": the PDF has no text layer (a scan?); run OCR on it first"),
    "truncated.pdf": ("ingest", [], ": not a readable PDF file ("),
    "damaged_member.odt": ("ingest", [], ": damaged .odt file: member 'content.xml' cannot be "
                                         "unpacked"),
    "broken_timing.vtt": ("ingest", [], ":6: broken cue timing '00:00:0x.500 --> 00:00:04.000'"),
    "no_header.vtt": ("ingest", [], ":1: not a WebVTT file: the first line must be 'WEBVTT'"),
    "no_cues.vtt": ("ingest", [], ": the subtitle file has no cue text"),
    "missing_timing.srt": ("ingest", [], ":5: expected a cue timing line like '00:00:01,000 --> "
                                         "00:00:04,000'"),
    "backwards_timing.srt": ("ingest", [], ":2: broken cue timing '00:00:05,000 --> "
                                           "00:00:02,000'"),
    "codings_wrong_columns.csv": ("import-codings", [], ", row 1: missing column(s) document, "
                                                        "code, quote"),
    "codings_latin1.csv": ("import-codings", [], ":2: not UTF-8 text (invalid byte 0xe5 at byte "
                                                 "offset 50); save it as UTF-8"),
    "codings_unknown_code.csv": ("import-codings", [], ", row 2: key 'code': unknown code "
                                                       "'malekort'"),
    "codings_unclosed_quote.csv": ("import-codings", [], ":2, row 2: a quoted field is never "
                                                         "closed"),
    "answers_wrong_columns.csv": ("import-answers", [], ", row 1: missing column(s) category"),
    "codebook_list.yaml": ("run", [], ":1: the codebook must be a mapping"),
    "codebook_scalar.yaml": ("run", [], ":1: the codebook must be a mapping"),
    "codebook_broken.yaml": ("run", [], ":3: malformed YAML"),
}


@pytest.fixture
def study(tmp_path):
    """A study folder with one transcript, and its project (out/project.db) holding it."""
    source = tmp_path / "study"
    source.mkdir()
    (source / "intervju.txt").write_text(TINY, encoding="utf-8")
    db = tmp_path / "out" / "project.db"
    assert invoke("init", db, "--codebook", CODEBOOK).exit_code == 0
    assert invoke("ingest", db, source).exit_code == 0
    return source, db


def run_cli(command, path, extra, study):
    source, db = study
    if command == "run":
        return invoke("run", source, "--codebook", path, "--out", db.parent, *extra)
    return invoke(command, db, path, *extra)


def assert_one_error_line(result, path, expected):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Error: {path}{expected}"), lines[0]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_one_error_line_and_store_unchanged(study, name):
    command, extra, expected = CASES[name]
    before = study[1].read_bytes()
    result = run_cli(command, BAD / name, extra, study)
    assert_one_error_line(result, BAD / name, expected)
    assert study[1].read_bytes() == before


def test_bad_input_50_mb_line_refused(study, tmp_path):
    path = tmp_path / "one_line.txt"
    with path.open("w", encoding="utf-8") as f:  # 50,000,000 characters, no line break
        f.write("B: " + "Vi måler alt " * 3_846_153 + "x" * 8)
    before = study[1].read_bytes()
    result = run_cli("ingest", path, [], study)
    assert_one_error_line(result, path, ":1: the line has 50,000,000 characters, more than the "
                                        "1,000,000 a line may have")
    assert study[1].read_bytes() == before


def test_bad_input_unknown_encoding(study):
    path = BAD / "latin1.txt"
    before = study[1].read_bytes()
    result = run_cli("ingest", path, ["--encoding", "latin-9000"], study)
    assert_one_error_line(result, path, ": unknown encoding 'latin-9000' (--encoding)")
    assert study[1].read_bytes() == before


def test_bad_input_latin1_with_encoding_is_read(study):
    r = run_cli("ingest", BAD / "latin1.txt", ["--encoding", "latin-1"], study)
    assert r.exit_code == 0, r.output
    from qualmrs.project import open_project

    with open_project(study[1]) as store:
        doc = next(d for d in store.documents() if d.name == "latin1.txt")
    assert doc.turn_text(1) == "Bare bra, vi når målene."


def test_bad_input_no_labels_is_a_warning_without_strict(study):
    r = run_cli("ingest", BAD / "no_labels.txt", [], study)
    assert r.exit_code == 0
    assert r.stderr.splitlines()[0] == ("Warning: no_labels.txt: no speaker labels found; the "
                                        "whole text is one unlabelled turn")


def test_bad_input_corpus_is_listed_and_reproducible(tmp_path):
    """Every corpus file has a case and a README line; make_files.py writes them as stored."""
    from bad_input.make_files import make

    made = make(tmp_path)
    names = {p.name for p in made}
    assert names == set(CASES) == {p.name for p in BAD.iterdir()
                                   if p.name not in ("README.md", "make_files.py")
                                   and p.is_file()}
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    assert all(f"`{n}`" in readme for n in names)
    assert all(p.read_bytes() == (BAD / p.name).read_bytes() for p in made)
