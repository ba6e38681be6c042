"""Issue #7 (6): nothing lost. A killed ingest keeps whole documents, `run` is repeatable,
and manual codings survive every command but the ones made to add to them."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import CODEBOOK, ROOT, SAMPLE, invoke
from qualmrs.project import ingest, init_project, open_project, run

# Columns holding the time a row was written: equal only within one store's history.
TIMESTAMPS = {("meta", "created"), ("codings", "created"), ("answers", "created"),
              ("steps", "at"), ("warnings", "created"), ("summaries", "created")}


def _untimed(value):
    """An event's row (JSON) without the time it was written."""
    import json

    if not isinstance(value, str) or not value.startswith("{"):
        return value
    row = json.loads(value)
    row.pop("created", None)
    if row.get("key") == "created":  # the meta row saying when the project was made
        row.pop("value", None)
    return json.dumps(row, sort_keys=True)


def dump(db, ignore_timestamps: bool = False) -> dict[str, list[tuple]]:
    """Every table's rows, sorted; a meta 'created' row and created columns dropped on request."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = {}
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]
            keep = [c for c in columns if not (ignore_timestamps and (table, c) in TIMESTAMPS)]
            names = ", ".join(f'"{c}"' for c in keep)
            rows = conn.execute(f'SELECT {names} FROM "{table}"').fetchall()
            if ignore_timestamps and table == "meta":
                rows = [r for r in rows if r[0] != "created"]
            if ignore_timestamps and table == "events":
                rows = [tuple(_untimed(v) for v in r) for r in rows]
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def transcripts(folder, n: int):
    """``n`` distinct interviews of some 2,000 words each (segmenting one takes a while)."""
    folder.mkdir()
    answer = ("Vi følger opp målekortet hver måned, og jeg tror de ansatte ser nytten av det. "
              "Men det tar tid, og noen ganger måler vi det som er lett å telle. ")
    for i in range(n):
        body = "\n".join(f"A: Spørsmål {i}.{k}, hva tenker du om det?\nB: {answer * 4}Nummer {k}."
                         for k in range(30))
        (folder / f"intervju_{i:02d}.txt").write_text(body + "\n", encoding="utf-8")
    return sorted(folder.iterdir())


def count_documents(db) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        conn.close()


def writing(db) -> bool:
    """Whether another process holds the store's write lock (a write transaction is open)."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def test_robustness_killed_ingest_keeps_whole_documents(tmp_path):
    files = transcripts(tmp_path / "study", 24)
    db, reference = tmp_path / "p.db", tmp_path / "reference.db"
    for path in (db, reference):
        with init_project(path, CODEBOOK) as store:
            ingest(store, files[:3])  # committed before the ingest that is killed
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "qualmrs", "ingest", str(db),
                             str(tmp_path / "study")], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while count_documents(db) < 5 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        # Then wait for the next document's write transaction to be open, and kill it there.
        while not writing(db) and proc.poll() is None and time.monotonic() < deadline:
            pass
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
        stderr = proc.stderr.read().decode()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, f"ingest ended before it was killed: {stderr}"

    with open_project(db) as store:  # opens, and holds whole documents only
        stored = sorted(d.name for d in store.documents())
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM turns WHERE document_id NOT IN "
                        "(SELECT id FROM documents)").fetchone() == (0,)
    conn.close()
    assert stored == [p.name for p in files[:len(stored)]] and 5 <= len(stored) < len(files)

    with open_project(reference) as store:
        ingest(store, files)
    # every stored document is whole: the same rows an uninterrupted ingest writes for it
    ids = tuple(range(1, len(stored) + 1))
    killed, whole = dump(db, True), dump(reference, True)
    for table in ("documents", "turns", "segments"):
        doc_col = 0 if table == "documents" else 1
        assert killed[table] == [r for r in whole[table] if r[doc_col] in ids], table
    # and running the ingest again adds the rest, as if nothing had happened
    with open_project(db) as store:
        report = ingest(store, files)
    assert report.added == [p.name for p in files[len(stored):]]
    killed, whole = dump(db, True), dump(reference, True)
    # the history differs in how the documents fell into steps (the killed ingest is a step
    # of its own), not in what was done: one event adding each document, and nothing else
    history = ("steps", "events", "sqlite_sequence")
    assert {k: v for k, v in killed.items() if k not in history} == \
           {k: v for k, v in whole.items() if k not in history}
    added = [e for e in killed["events"] if e[2] == "documents"]
    assert sorted(e[3] for e in added) == ["add"] * len(files)
    assert len(killed["events"]) == len(whole["events"])


def test_robustness_run_twice_same_store(tmp_path):
    """Run again on the same input: not a row changes (timestamps included)."""
    run(SAMPLE, CODEBOOK, tmp_path / "a", report=False)
    first = dump(tmp_path / "a" / "project.db")
    again = run(SAMPLE, CODEBOOK, tmp_path / "a", report=False)
    assert not again.ingest.added and not again.codings_added and not again.answers_added
    assert dump(tmp_path / "a" / "project.db") == first
    # a fresh run elsewhere gives the same rows; only the times rows were written differ
    run(SAMPLE, CODEBOOK, tmp_path / "b", report=False)
    assert dump(tmp_path / "b" / "project.db", True) == dump(tmp_path / "a" / "project.db", True)


def manual_work(db):
    with open_project(db) as store:
        return (set(store.codings(source="manual")), set(store.answers(source="manual")))


# Every command that writes to a project, in an order that gives each something to do; the
# flag says whether it may add manual work (never change or delete it).
WRITERS = [
    (["suggest", "{db}"], False),
    (["suggest-answers", "{db}", "--format", "csv"], False),
    (["reject", "{db}", "--code", "historikk"], False),
    (["accept", "{db}", "--coder", "RA", "--code", "motivasjon"], True),
    (["reject", "{db}", "--source", "model"], False),
    (["reject", "{db}"], False),
    (["ingest", "{db}", "{sample}", "--cases", "{sample}/cases.csv"], False),
    (["import-codings", "{db}", "{sample}/codings.csv"], False),
    (["import-answers", "{db}", "{sample}/answers.csv"], False),
    (["import-codings", "{db}", "{sample}/codings_coder2.csv"], True),
    (["disagreements", "{db}", "--coders", "BHO,coder2", "--format", "csv", "--out",
      "{tmp}/uenighet.csv"], False),
    (["coding-sheet", "{db}", "{tmp}/ark.xlsx", "--documents", "intervju_d.txt"], False),
    (["import-coding-sheet", "{db}", "{tmp}/ark.xlsx", "--coder", "RA2"], False),
    (["run", "{sample}", "--codebook", str(CODEBOOK), "--out", "{out}", "--no-report"], False),
    (["export-qdpx", "{db}", "{tmp}/p.qdpx"], False),
]


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory):
    out = tmp_path_factory.mktemp("survive") / "out"
    assert invoke("run", SAMPLE, "--codebook", CODEBOOK, "--out", out, "--no-report")\
        .exit_code == 0
    return out


def test_robustness_manual_codings_survive_every_command(sample_project, tmp_path):
    db = sample_project / "project.db"
    original = manual_work(db)
    assert original[0] and original[1]
    for args, adds in WRITERS:
        before = manual_work(db)
        r = invoke(*[a.format(db=db, sample=SAMPLE, tmp=tmp_path, out=sample_project)
                     for a in args])
        assert r.exit_code == 0, (args, r.output)
        after = manual_work(db)
        assert before[0] <= after[0] and before[1] <= after[1], args
        assert (after != before) == adds, args  # adds what it should, and nothing else
    assert original[0] <= manual_work(db)[0]
