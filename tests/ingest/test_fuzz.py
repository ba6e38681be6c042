"""Issue #7 (5): property-based tests of the readers and the speaker-turn parser.

Any text gives turns whose spans lie inside it, in order and apart, and together with the
speaker labels they cover every non-space character exactly once; any bytes give a document
or one IngestError, never another exception; an interview written in any format reads back as
the same turns; and what is read is what the store gives back.
"""

import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from conftest import CODEBOOK
from qualmrs.errors import IngestError
from qualmrs.ingest import read_document
from qualmrs.ingest.normalise import normalise
from qualmrs.ingest.turns import LabelPolicy, find_turns, match_label
from writers import write_docx, write_srt, write_txt, write_vtt

FAST = settings(max_examples=200, deadline=None)
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

def read_or_refuse(path):
    """A Document or an IngestError naming the file; anything else fails the test."""
    try:
        return read_document(path)
    except IngestError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e)
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


@FAST
@given(st.binary(max_size=300), st.sampled_from([".txt", ".md", ".vtt", ".srt", ".docx",
                                                ".pdf", ".odt", ".rtf", ".html"]))
def test_fuzz_any_bytes_read_or_one_error(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"t{suffix}"
        path.write_bytes(data)
        read_or_refuse(path)


@FAST
@given(st.binary(max_size=200).map(lambda b: b"WEBVTT\n\n" + b), st.booleans())
def test_fuzz_subtitles_after_a_valid_header(data, srt):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("t.srt" if srt else "t.vtt")
        path.write_bytes(data[8:] if srt else data)
        read_or_refuse(path)


@pytest.fixture(scope="module")
def docx_bytes(tmp_path_factory):
    from writers import parse_canonical

    path = tmp_path_factory.mktemp("docx") / "t.docx"
    write_docx(parse_canonical("A: Hei.\nB: Hei på deg.\n"), path)
    return path.read_bytes()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_fuzz_damaged_docx_read_or_one_error(docx_bytes, flips):
    data = bytearray(docx_bytes)
    for at, value in flips:
        data[at % len(data)] = value
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.docx"
        path.write_bytes(bytes(data))
        read_or_refuse(path)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["word/document.xml", "[Content_Types].xml", "word/styles.xml"]),
       st.binary(max_size=300))
def test_fuzz_docx_member_replaced_read_or_one_error(member, payload):
    from writers import parse_canonical

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


@settings(max_examples=100, deadline=None)
@given(interviews(), st.sampled_from([(write_txt, "t.txt"), (write_docx, "t.docx"),
                                      (write_vtt, "t.vtt"), (write_srt, "t.srt")]))
def test_fuzz_every_format_reads_back_the_same_turns(turns, writer):
    write, name = writer
    with tempfile.TemporaryDirectory() as tmp:
        doc = read_document(write(turns, Path(tmp) / name))
    assert [(t.speaker, " ".join(doc.text[t.start:t.end].split())) for t in doc.turns] == \
        [(s, " ".join(" ".join(p).split())) for s, p in turns]
    assert_turns_cover_text(doc.text, doc.turns, True)


# -- what is read is what is stored -----------------------------------------------------------

@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """One project for all examples (creating one parses the codebook, which is slow)."""
    from qualmrs.project import init_project

    folder = tmp_path_factory.mktemp("fuzzstore")
    with init_project(folder / "p.db", CODEBOOK) as s:
        s.folder = folder
        yield s


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(transcript)
def test_fuzz_turns_round_trip_through_the_store(store, text):
    assume(text.strip())
    from qualmrs.project import ingest

    path = store.folder / f"t{len(list(store.folder.iterdir()))}.txt"
    path.write_bytes(text.encode("utf-8"))
    try:  # read as ingest reads: the project's case labels are speakers too
        parsed = read_document(path, interviewer_labels=store.codebook.interviewer_labels,
                               known_labels={c.label for c in store.cases()})
    except IngestError:
        event("refused")
        return
    ingest(store, [path])  # a text seen before is skipped: it is stored under its first name
    stored = next(d for d in store.documents() if d.sha256 == parsed.sha256)
    sentences = store.sentences().get(stored.name, [])
    assert stored.text == parsed.text
    assert [(t.speaker, t.start, t.end, t.role, t.time) for t in stored.turns] == \
        [(t.speaker, t.start, t.end, t.role, t.time) for t in parsed.turns]
    assert all(stored.turns[s.turn].start <= s.start < s.end <= stored.turns[s.turn].end
               for s in sentences)
