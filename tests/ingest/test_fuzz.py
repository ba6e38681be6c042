"""Issue #7 (5): property-based tests of the readers and the speaker-turn parser.

Any text gives turns whose spans lie inside it, in order and apart, and together with the
speaker labels they cover every non-space character exactly once; any bytes, and any damage to
a .docx or .qdpx archive, give a document or one IngestError, never another exception; an
interview written in any format reads back as the same turns; and what is read is what the
store gives back.

The suite draws the same examples on every run; `make fuzz` draws many new ones (issue 19,
profiles in conftest.py). A counterexample either finds is pinned below as an @example.
"""

import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

from bad_input.make_files import GOOD, docx_members, document_xml, write_zip
from conftest import CODEBOOK, examples
from qualmrs.errors import IngestError
from qualmrs.ingest import read_document
from qualmrs.ingest.normalise import normalise
from qualmrs.ingest.qdpx import read_refi_project
from qualmrs.ingest.turns import LabelPolicy, find_turns, match_label
from writers import parse_canonical, write_docx, write_srt, write_txt, write_vtt

FAST = settings(max_examples=examples(200))
POLICY = LabelPolicy(("A", "I", "Intervjuer"))

# -- strategies -------------------------------------------------------------------------------

LABELS = ["A", "B", "IP2", "Intervjuer", "Informant 3", "Altså", "ja", "Leder i NAV", "X1"]
word = st.text("abcdefghijklmnoprstuvyæøåABCÆØÅ0123456789.,!?«»()-'…😀", min_size=1, max_size=8)
words = st.lists(word, min_size=1, max_size=8).map(" ".join)
label_line = st.builds(
    lambda ws, time, bold, label, after, text: (
        f"{ws}{time}{bold}{label}{bold}:{after}{text}" if bold != "**:" else
        f"{ws}{time}**{label}:**{after}{text}"),
    st.sampled_from(["", " ", "\t"]), st.sampled_from(["", "[00:12:31] ", "(01:02) "]),
    st.sampled_from(["", "**", "**:"]), st.sampled_from(LABELS),
    st.sampled_from([" ", "", "\t", "  "]), st.one_of(words, st.just("")))
line = st.one_of(label_line, words, st.sampled_from(["", " ", "\t", "\u00a0"]),
                 st.text(max_size=20).map(lambda t: t.replace("\n", " ")))
transcript = st.one_of(st.lists(line, max_size=25).map("\n".join),
                       st.text(max_size=200)).map(normalise)


# -- the turn parser --------------------------------------------------------------------------

def assert_turns_cover_text(text, turns, labelled):
    """Turns lie inside the text, apart and in order, trimmed and not empty; what no turn
    covers is white space or whole speaker labels, the last one naming the turn after it."""
    previous, labels = 0, 0
    for i, t in enumerate(turns + (None,)):
        start = len(text) if t is None else t.start
        if t is not None:
            assert previous <= t.start < t.end <= len(text)
            assert not text[t.start].isspace() and not text[t.end - 1].isspace()
            assert bool(t.speaker) or t.role in ("unknown", "informant")
        gap = text[previous:start]
        found = []
        for raw in gap.split("\n"):
            if raw.strip():
                m = match_label(raw)
                assert m is not None and not raw[m.text_start:].strip(), (raw, gap)
                found.append(m.label)
        labels += len(found)
        if t is not None and t.speaker:
            assert found and found[-1] == t.speaker, (gap, t)
        elif t is not None:
            assert not found and i == 0  # the text before the first label, or all of it
        if t is not None:
            previous = t.end
    assert labelled == bool(labels)  # a label whose turn is empty still counts


@FAST
@given(transcript)
def test_fuzz_turns_cover_every_character_once(text):
    turns, labelled = find_turns(text, POLICY)
    assert_turns_cover_text(text, turns, labelled)
    if not labelled and text.strip():
        assert len(turns) == 1 and turns[0].speaker == ""


# -- readers on any bytes ---------------------------------------------------------------------

READERS = {".txt": read_document, ".md": read_document, ".vtt": read_document,
           ".srt": read_document, ".docx": read_document, ".pdf": read_document,
           ".odt": read_document, ".rtf": read_document, ".html": read_document,
           ".qdpx": read_refi_project}


def read_or_refuse(path):
    """What the reader of ``path``'s suffix makes of it, or None for an IngestError naming the
    file on one line; anything else fails the test."""
    try:
        return READERS[path.suffix](path)
    except IngestError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e), str(e)
        event("refused")  # --hypothesis-show-statistics shows how many
        return None


@FAST
@given(transcript)
def test_fuzz_txt_reader_keeps_the_text(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.txt"
        path.write_bytes(text.encode("utf-8"))
        doc = read_or_refuse(path)
    if text.strip() and doc is not None:
        assert doc.text == text
        assert_turns_cover_text(doc.text, doc.turns, not doc.warnings)


@pytest.mark.parametrize("suffix", list(READERS))
@settings(max_examples=examples(50))
@given(data=st.binary(max_size=300))
def test_fuzz_any_bytes_read_or_one_error(suffix, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"t{suffix}"
        path.write_bytes(data)
        read_or_refuse(path)


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
@settings(max_examples=examples(100))
@given(data=st.binary(max_size=200))
def test_fuzz_subtitles_after_a_valid_header(suffix, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"t{suffix}"
        path.write_bytes((b"WEBVTT\n\n" if suffix == ".vtt" else b"") + data)
        read_or_refuse(path)


# -- damaged archives -------------------------------------------------------------------------

def fixed_dates(path: Path) -> bytes:
    """The archive rewritten with fixed dates (python-docx stamps the time), so that the same
    examples damage the same bytes on every run."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    return write_zip(path, members).read_bytes()


QDE = ('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
       'name="p" origin="QualCoder 3.5"><Users><User guid="11111111-1111-4000-8000-00000000000'
       '1" name="Kari"/></Users><CodeBook><Codes><Code guid="C0DE0000-0000-4000-8000-000000000'
       '001" name="Mål" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="AA00'
       '0000-0000-4000-8000-000000000001" name="b" plainTextPath="internal://AA.txt"><PlainT'
       'extSelection guid="5E000000-0000-4000-8000-000000000001" startPosition="30" endPosi'
       'tion="45" creatingUser="11111111-1111-4000-8000-000000000001"><Coding guid="C000000'
       '0-0000-4000-8000-000000000001"><CodeRef targetGUID="C0DE0000-0000-4000-8000-00000000'
       '0001"/></Coding></PlainTextSelection></TextSource></Sources></Project>')


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """Sound archives to damage: a .docx as python-docx writes it (many parts, mostly
    compressed data), a minimal .docx and a small .qdpx (zip headers are a larger share)."""
    folder = tmp_path_factory.mktemp("archives")
    word = write_docx(parse_canonical("A: Hei.\nB: Hei på deg.\n"), folder / "word.docx")
    made = {"python-docx.docx": fixed_dates(word),
            "minimal.docx": write_zip(folder / "minimal.docx",
                                      docx_members(document_xml(GOOD))).read_bytes(),
            "project.qdpx": write_zip(folder / "project.qdpx", {
                "project.qde": QDE, "sources/AA.txt": "A: Hvordan er målene satt?\n"
                "B: Vi var med på å sette dem.\n"}).read_bytes()}
    for name, data in made.items():  # each is sound before it is damaged
        (folder / name).write_bytes(data)
        assert read_or_refuse(folder / name) is not None
    return {name: folder / name for name in made}  # paths: a counterexample's repr stays short


# Where a damage lands: anywhere (counted from the first member's local header), or counted from
# the first or the last record of the central directory or from the end record: the fields
# zipfile trusts.
REGIONS = {"file": lambda data: 0, "central": lambda data: data.find(b"PK\x01\x02"),
           "last": lambda data: data.rfind(b"PK\x01\x02"),
           "end": lambda data: data.rfind(b"PK\x05\x06")}


def damage(data: bytes, flips, cut=None) -> bytes:
    """``data`` with each (region, offset, value) of ``flips`` written into it, then cut short
    to ``cut`` bytes (modulo its length) when ``cut`` is given (a copy that stopped)."""
    out = bytearray(data)
    for region, at, value in flips:
        out[(REGIONS[region](data) + at) % len(out)] = value
    return bytes(out if cut is None else out[:cut % len(out)])


flips = st.lists(st.tuples(st.sampled_from(list(REGIONS)), st.integers(0, 10**6),
                           st.integers(0, 255)), max_size=8)


@pytest.mark.parametrize("base", ["python-docx.docx", "minimal.docx", "project.qdpx"])
@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=flips, cut=st.none() | st.integers(0, 10**6))
# issue 19: the first member's name flagged UTF-8 (local header bit 11), its first byte not
@example(flips=[("file", 7, 0x08), ("file", 30, 0xFF)], cut=None)
# found by fuzzing for issue 19: a zip version zipfile does not know, "compressed patched data"
# and strong encryption flags (NotImplementedError), a line break in a member's name, a member
# whose name is empty (zipfile cuts a name at NUL; IndexError)
@example(flips=[("central", 6, 0xFF)], cut=None)
@example(flips=[("central", 8, 0x20)], cut=None)
@example(flips=[("central", 8, 0x40)], cut=None)
@example(flips=[("central", 48, 0x0A)], cut=None)
@example(flips=[("central", 46, 0x00)], cut=None)
def test_fuzz_damaged_archive_read_or_one_error(archives, base, flips, cut):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / base
        path.write_bytes(damage(archives[base].read_bytes(), flips, cut))
        read_or_refuse(path)


@settings(max_examples=examples(60))
@given(st.sampled_from(["word/document.xml", "[Content_Types].xml", "word/styles.xml"]),
       st.binary(max_size=300))
def test_fuzz_docx_member_replaced_read_or_one_error(member, payload):
    with tempfile.TemporaryDirectory() as tmp:
        good, path = Path(tmp) / "g.docx", Path(tmp) / "t.docx"
        write_docx(parse_canonical("A: Hei.\nB: Hei på deg.\n"), good)
        with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as out:
            for info in src.infolist():
                out.writestr(info, payload if info.filename == member else src.read(info))
        read_or_refuse(path)


FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"


# issue 17: the readers of LibreOffice's exports meet damaged files as the .docx reader does
@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["pdf", "odt", "rtf", "html"]),
       st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_fuzz_damaged_exports_read_or_one_error(suffix, flips):
    data = bytearray((FORMATS / f"intervju_k.{suffix}").read_bytes())
    for at, value in flips:
        data[at % len(data)] = value
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"t.{suffix}"
        path.write_bytes(bytes(data))
        read_or_refuse(path)


# -- the same interview in every format -------------------------------------------------------

SPEAKERS = ["A", "B", "IP2", "Intervjuer", "Informant 3"]
paragraph = st.lists(st.text("abcdefghijklmnoprstuvyæøåABCÆØÅ0123456789.,!?«»()-'…😀",
                             min_size=1, max_size=10), min_size=1, max_size=12).map(" ".join)


@st.composite
def interviews(draw):
    """Turns of alternating speakers, each of one or more paragraphs (no colons in the talk)."""
    n = draw(st.integers(1, 8))
    turns, last = [], None
    for _ in range(n):
        speaker = draw(st.sampled_from([s for s in SPEAKERS if s != last]))
        turns.append((speaker, draw(st.lists(paragraph, min_size=1, max_size=3))))
        last = speaker
    return turns


@pytest.mark.parametrize("write,name", [(write_txt, "t.txt"), (write_docx, "t.docx"),
                                        (write_vtt, "t.vtt"), (write_srt, "t.srt")])
@settings(max_examples=examples(25))
@given(turns=interviews())
def test_fuzz_every_format_reads_back_the_same_turns(write, name, turns):
    with tempfile.TemporaryDirectory() as tmp:
        doc = read_document(write(turns, Path(tmp) / name))
    assert [(t.speaker, " ".join(doc.text[t.start:t.end].split())) for t in doc.turns] == \
        [(s, " ".join(" ".join(p).split())) for s, p in turns]
    assert_turns_cover_text(doc.text, doc.turns, True)


# -- what is read is what is stored -----------------------------------------------------------

class Projects:
    """The project the examples are stored in, a new one every 200 documents: creating one
    parses the codebook (slow), and reading back one of thousands of documents for every
    example (`make fuzz`) would be slower still."""

    def __init__(self, folder: Path):
        self.folder, self.store, self.files = folder, None, 0

    def current(self):
        from qualmrs.project import init_project

        if self.store is None or len(self.store.document_index()) >= 200:
            self.close()
            self.store = init_project(self.folder / f"p{self.files}.db", CODEBOOK)
        return self.store

    def new_file(self, data: bytes) -> Path:
        self.files += 1
        path = self.folder / f"t{self.files}.txt"
        path.write_bytes(data)
        return path

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    made = Projects(tmp_path_factory.mktemp("fuzzstore"))
    yield made
    made.close()


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(transcript)
def test_fuzz_turns_round_trip_through_the_store(projects, text):
    assume(text.strip())
    from qualmrs.project import ingest

    store, path = projects.current(), projects.new_file(text.encode("utf-8"))
    try:  # read as ingest reads: the project's case labels are speakers too
        parsed = read_document(path, interviewer_labels=store.codebook.interviewer_labels,
                               known_labels={c.label for c in store.cases()})
    except IngestError:
        event("refused")
        return
    ingest(store, [path])  # a text seen before is skipped: it is stored under its first name
    [name] = [n for n, sha in store.document_index().items() if sha == parsed.sha256]
    [stored] = store.documents([name])
    sentences = store.sentences().get(name, [])
    assert stored.text == parsed.text
    assert [(t.speaker, t.start, t.end, t.role, t.time) for t in stored.turns] == \
        [(t.speaker, t.start, t.end, t.role, t.time) for t in parsed.turns]
    assert all(stored.turns[s.turn].start <= s.start < s.end <= stored.turns[s.turn].end
               for s in sentences)
