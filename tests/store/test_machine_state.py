"""Issue 12 (5): the machine says no (a lock another process holds, a full disk, a read-only
project or folder): one ``Error:`` line naming the file and what to do, exit 1, the store as
it was and no partial output; never a traceback with SQL parameters."""

import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import event

from conftest import CODEBOOK, SAMPLE, invoke
from qualmrs.errors import DiskFullError
from qualmrs.ingest import read_document
from qualmrs.project import ingest, init_project, open_project

CODINGS = ("document,case,code,quote,coder\n"
           "intervju_b.docx,B,motivasjon,det meste kan tallfestes,RA\n")

# Holds an exclusive lock on a store until told to let go (a line on stdin).
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def db(project, tmp_path):
    """A closed project store holding one transcript, and a codings file for it."""
    (tmp_path / "codings.csv").write_text(CODINGS, encoding="utf-8")
    project.close()
    return project.path


def codings(db):
    with open_project(db) as store:
        return store.codings(source=None)


def one_error(r, path, message):
    errors = [line for line in r.stderr.splitlines() if line.startswith("Error:")]
    return (r.exit_code == 1 and len(errors) == 1 and errors[0].startswith(f"Error: {path}")
            and message in errors[0] and "Traceback" not in r.output)


def test_store_is_in_wal_mode_and_readers_never_block_the_writer(db, tmp_path):
    reader = sqlite3.connect(db)
    reader.execute("BEGIN")
    assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    reader.execute("SELECT count(*) FROM codings").fetchone()  # a read transaction, open
    r = invoke("--wait", "0", "import-codings", db, tmp_path / "codings.csv")
    reader.close()
    assert r.exit_code == 0, r.output
    assert len(codings(db)) == 1


@pytest.mark.parametrize("held", [True, False])
def test_store_waits_for_another_process_and_says_so(db, tmp_path, held):  # issue 12
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    let_go = threading.Timer(1.5, lambda: (holder.stdin.write("\n"), holder.stdin.flush()))

    class LetGoOnceWaiting(logging.Handler):
        # the other process lets go 1.5 s after the command starts waiting, well within the
        # wait; timed from the command's start instead, a slow start on a busy machine found
        # the lock already free
        def emit(self, record):
            if record.getMessage().startswith("Waiting up to") and not let_go.is_alive():
                let_go.start()

    handler = LetGoOnceWaiting()
    try:
        assert holder.stdout.readline() == "locked\n"
        if not held:
            logging.getLogger("qualmrs").addHandler(handler)
        start = time.monotonic()
        r = invoke("--wait", "1" if held else "20", "import-codings", db,
                   tmp_path / "codings.csv")
        waited = time.monotonic() - start
    finally:
        logging.getLogger("qualmrs").removeHandler(handler)
        if let_go.is_alive():
            let_go.join()
        holder.stdin.close()
        holder.wait(10)
    assert r.stderr.startswith(f"Waiting up to {1 if held else 20} s for {db}: another process "
                               "is writing to it\n")
    if held:
        assert one_error(r, db, "locked by another process for more than 1 s")
        assert "--wait SECONDS" in r.stderr and "INSERT" not in r.stderr
        assert 1 <= waited < 10
        assert codings(db) == []
    else:
        assert r.exit_code == 0, r.output
        assert 1.4 < waited and len(codings(db)) == 1


def test_store_waits_30_seconds_by_default(db):
    from qualmrs.store.sqlite import lock_wait

    assert invoke("--wait", "5", "segments", db).exit_code == 0 and lock_wait() == 5
    assert invoke("segments", db).exit_code == 0 and lock_wait() == 30


def test_store_disk_full_changes_nothing(db, tmp_path):  # issue 12
    """SQLite told the file may not grow (``max_page_count``) meets a full disk where it
    would write a page; the same SQLITE_FULL a real full disk gives (see the tmpfs test)."""
    with open_project(db) as store:
        before = store.counts()
        with store.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        store.engine.dispose()
        event.listen(store.engine, "connect", lambda conn, _: conn.execute(
            f"PRAGMA max_page_count = {pages}"))
        with pytest.raises(DiskFullError) as e:
            ingest(store, [SAMPLE / "intervju_d.txt"])
    assert str(e.value) == (f"{db}: the disk holding the project store is full, so the "
                            "change was not made; free some space and run the command again")
    with open_project(db) as store:
        assert store.counts() == before


def test_store_read_only_project_reads_but_refuses_writes(db, tmp_path, monkeypatch):
    """A store this user may not write (os.access says so, as for a file of another user or
    on a read-only disk; root is never told so, hence the stand-in): opened read-only."""
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK and str(
        p).startswith(str(db.parent)) else real_access(p, mode, **kw))
    r = invoke("segments", db, "--format", "csv")
    assert r.exit_code == 0 and "det meste kan tallfestes" in r.stdout
    r = invoke("import-codings", db, tmp_path / "codings.csv")
    assert one_error(r, db, "the project store cannot be written (a read-only file, folder or "
                            "disk), so the change was not made"), r.output
    monkeypatch.undo()
    assert codings(db) == []


# -- on a real full or read-only disk (a small tmpfs; root with CAP_SYS_ADMIN) ---------------

def test_store_real_full_disk(tmpfs, tmp_path):  # issue 12
    disk = tmpfs(700)
    db = disk / "p.db"
    with init_project(db, CODEBOOK):
        pass
    r = invoke("ingest", db, SAMPLE, "--quiet")
    assert one_error(r, db, "the disk holding the project store is full"), r.output
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    with open_project(db) as store:  # documents stored before the disk filled are whole
        for doc in store.documents():
            assert [(t.speaker, t.start, t.end) for t in doc.turns] == [
                (t.speaker, t.start, t.end) for t in read_document(SAMPLE / doc.name).turns]


def test_store_real_full_disk_leaves_no_partial_report(db, tmpfs):  # issue 12
    disk = tmpfs(160)
    r = invoke("report", db, "--out", disk / "rapport.html")
    assert one_error(r, disk / "rapport", "no space left on the disk"), r.output
    assert sorted(os.listdir(disk)) == []


def test_store_real_read_only_disk(db, tmpfs, tmp_path):  # issue 12
    disk = tmpfs(4096)
    shutil.copy(db, disk / "p.db")
    tmpfs.read_only(disk)
    ro = disk / "p.db"
    r = invoke("segments", ro, "--format", "csv")
    assert r.exit_code == 0 and "det meste kan tallfestes" in r.stdout, r.output
    r = invoke("import-codings", ro, tmp_path / "codings.csv")
    assert one_error(r, ro, "the project store cannot be written"), r.output
    r = invoke("matrix", db, "--out", disk / "ut" / "matrise.xlsx")
    assert one_error(r, disk, "cannot write here (read-only file system"), r.output
    assert sorted(os.listdir(disk)) == ["p.db"]
