"""Long transcripts (issue 12, item 6): an ingest holds a transcript a bounded number of times
over, never its tokens or sentences all at once; batching changes nothing in what is stored."""

import json
import sqlite3
import subprocess
import sys

import pytest

from conftest import CODEBOOK, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import scale  # noqa: E402

# Peak memory of an ingest in a process of its own, above what the process held after a
# small ingest of the same kind of text: spaCy, simplemma's dictionary and the caches any
# ingest fills once (word forms, prepared statements) are left out; what grows with the
# transcript is measured. The peak is VmHWM (scale.peak_mb), not ru_maxrss, which on Linux
# starts at the peak of the process that started this one: pytest's, larger than the ingest's,
# so that nothing seemed to grow.
_MEASURE = """
import json, sys
sys.path.insert(0, "benchmarks")
from scale import peak_mb
from qualmrs.project import ingest, init_project
peak = lambda: peak_mb() * 2 ** 20
warm, long, db, codebook = sys.argv[1:5]
store = init_project(db, codebook)
ingest(store, [warm])
before = peak()
ingest(store, [long])
print(json.dumps({"growth": peak() - before}))
"""


@pytest.fixture(scope="module")
def long_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long")
    corpus.long_transcript(folder / "warm.txt", 0.2, seed=1)
    made = corpus.long_transcript(folder / "long.txt", 3)
    return folder, made


def test_ingest_long_transcript_memory_under_ten_times_its_size(long_files, tmp_path):
    # issue 12: a 20 MB transcript took 1.4 GB; tokens of the whole text were held at once
    folder, made = long_files
    out = subprocess.run([sys.executable, "-c", _MEASURE, folder / "warm.txt",
                          folder / "long.txt", tmp_path / "p.db", CODEBOOK],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    growth = json.loads(out.splitlines()[-1])["growth"]
    assert growth < 10 * made["bytes"], f"{growth / made['bytes']:.1f} times the file"


@pytest.mark.parametrize("megabytes", [1])
def test_ingest_small_transcript_memory_under_ten_times_its_size(megabytes, tmp_path):
    # issue 12: a 1 MB transcript took 18 times its size above start-up, where make bench
    # measures it (a fresh process): the history's record of the document was made by SQLite
    # while the segmenter's batches and caches were at their largest, beside a 2 MB page cache
    made = corpus.long_transcript(tmp_path / "long.txt", megabytes)
    r = scale.measure("long", tmp_path / "long.txt", tmp_path / "p.db")
    growth = (r["peak_mb"] - r["startup_mb"]) * 2 ** 20
    assert growth < 10 * made["bytes"], f"{growth / made['bytes']:.1f} times the file"


@pytest.mark.parametrize("chars", [1, 300, 10 ** 9])
def test_segment_batches_give_the_sentences_of_the_whole(long_files, chars):
    from qualmrs.ingest import read_document
    from qualmrs.segment import segment_document, segmenter

    folder, _ = long_files
    doc = read_document(folder / "warm.txt")
    batches = list(segmenter("nb").batches(doc, chars))
    assert len(batches) > 1 or chars == 10 ** 9
    assert tuple(s for b in batches for s in b) == segment_document(doc)
    assert segment_document(doc)[-1].turn == len(doc.turns) - 1


@pytest.mark.parametrize("text", ["", " ", "ett", "to ord", " a  bb\tccc\n dddd ",
                                  "æøå – «sitat» …\n\nslutt"])
def test_store_word_count_is_the_number_of_words(text):
    from qualmrs.store.rows import word_count

    for chunk in (1, 2, 3, 1 << 16):
        assert word_count(text, chunk) == len(text.split())


# The event of a stored document, made by SQLite from the stored row and its turns: what the
# store wrote before it wrote the event a piece at a time from Python (issue 12).
_MADE_BY_SQLITE = """
SELECT e.after, json_object('format', d.format, 'id', d.id, 'name', d.name, 'sha256', d.sha256,
    'text', d.text, 'turns', json((SELECT json_group_array(json_array(
        t.idx, t.speaker, t.role, t.case_label, t.start, t."end", t.time))
        FROM (SELECT * FROM turns WHERE document_id = d.id ORDER BY idx) AS t)))
FROM events AS e JOIN documents AS d ON e.table_name = 'documents' AND e.pk = json_array(d.id)
"""


@pytest.mark.parametrize("text", [
    'A: «Hei» – "sitat", \\ og\ttab\x0b\x0c\x1b 😀 æøå…\nB: Ja.\nA: Nei?\nB: Kanskje "ja".\n'])
def test_store_document_event_is_its_row_as_sqlite_writes_it(text, tmp_path, monkeypatch):
    # issue 12: pieces that cut through escapes and an emoji, turns in several chunks
    from qualmrs.project import ingest, init_project
    from qualmrs.store import rows

    monkeypatch.setattr(rows, "TEXT_PIECE", 3)
    monkeypatch.setattr(rows, "ROWS", 2)
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    with init_project(tmp_path / "p.db", CODEBOOK) as store:
        ingest(store, [tmp_path / "t.txt"])
    conn = sqlite3.connect(tmp_path / "p.db")
    ((after, made),) = conn.execute(_MADE_BY_SQLITE).fetchall()
    conn.close()
    assert after == made and json.loads(after)["text"] == text
