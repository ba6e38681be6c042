"""Issue 12 (1, 5): an output never replaces a project store or a file qualmrs did not write,
and lands whole or not at all (a full disk, an unwritable folder, a failure halfway)."""

import errno
import os
import sqlite3

import pytest

from qualmrs.errors import DiskFullError, OverwriteError, ReadOnlyError
from qualmrs.export import write_matrix, write_table
from qualmrs.export.output import MANIFEST, outputs, write_text


@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "p.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE codings (quote TEXT)")
    conn.execute("INSERT INTO codings VALUES ('vi måler alt')")
    conn.commit()
    conn.close()
    return path


def folder_listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("name", ["p.db", "p.db-wal", "p.db-journal", "p.db/tabell.csv"])
def test_output_never_over_a_store(store_file, name, force):  # issue 12
    before = store_file.read_bytes()
    target = store_file.parent / name
    with pytest.raises(OverwriteError, match=r"project store.*\(SQLite\)") as e:
        write_text(target, "category,N\n", force=force)
    assert "p.db" in str(e.value)
    assert store_file.read_bytes() == before
    assert folder_listing(store_file.parent) == ["p.db"]


def test_output_someones_file_needs_force(tmp_path):  # issue 12
    notes = tmp_path / "notater.docx"
    notes.write_bytes(b"mine")
    with pytest.raises(OverwriteError, match="not written by qualmrs.*--force") as e:
        write_text(notes, "matrise")
    assert str(e.value).startswith(str(notes)) and notes.read_bytes() == b"mine"
    write_text(notes, "matrise", force=True)
    assert notes.read_text(encoding="utf-8") == "matrise"


def test_output_own_file_replaced_until_someone_changes_it(tmp_path):
    target = tmp_path / "ut" / "tabell.md"
    write_text(target, "første")
    write_text(target, "andre")  # qualmrs' own, unchanged since: replaced as before
    assert target.read_text(encoding="utf-8") == "andre"
    assert MANIFEST in os.listdir(target.parent)
    target.write_text("andre, med mine notater", encoding="utf-8")
    with pytest.raises(OverwriteError, match="changed since"):
        write_text(target, "tredje")
    assert target.read_text(encoding="utf-8") == "andre, med mine notater"


def test_output_the_manifest_name_is_refused(tmp_path):
    with pytest.raises(OverwriteError, match="qualmrs' own list"):
        write_text(tmp_path / MANIFEST, "{}", force=True)


def test_output_batch_is_all_or_nothing(tmp_path):
    old = tmp_path / "a.txt"
    write_text(old, "gammel")
    before = folder_listing(tmp_path)
    with pytest.raises(RuntimeError):
        with outputs() as out:
            out.write_text(old, "ny")
            out.write_text(tmp_path / "figurer" / "b.txt", "ny")
            assert len(folder_listing(tmp_path)) > len(before)  # staged beside the targets
            raise RuntimeError("halfway")
    assert folder_listing(tmp_path) == before
    assert old.read_text(encoding="utf-8") == "gammel"


@pytest.mark.parametrize("write", [
    lambda frame, out: write_table(frame, "xlsx", out),
    lambda frame, out: write_table(frame, "docx", out),
    lambda frame, out: write_table(frame, "csv", out),
])
def test_output_disk_full_leaves_no_partial_file(tmp_path, full_disk, write, codebook_path):
    from qualmrs.analyse import frequency_table
    from qualmrs.codebook import load_codebook
    from qualmrs.model import Answer

    book = load_codebook(codebook_path)
    frame = frequency_table(book.tables[0], book, [Answer("B", "tallfestes", "Ja", "x")])
    out = tmp_path / "tabeller"
    path = write(frame, out)
    before = {p: p.read_bytes() for p in out.iterdir()}
    full_disk(out, room=10)  # the disk fills after 10 bytes
    with pytest.raises(DiskFullError, match="no space left on the disk") as e:
        write(frame, out)
    assert str(e.value).startswith(str(path))  # names the file, not the temporary one
    assert {p: p.read_bytes() for p in out.iterdir()} == before


def test_output_disk_full_in_a_new_folder_leaves_no_folder(tmp_path, full_disk):
    import pandas as pd

    full_disk(tmp_path, room=10)
    matrix = pd.DataFrame({"motivasjon": [["vi måler alt, og det tar tid"]]}, index=["B"])
    with pytest.raises(DiskFullError):
        write_matrix(matrix, tmp_path / "ny" / "matrise.md")
    assert folder_listing(tmp_path) == []


@pytest.mark.parametrize("code,reason", [(errno.EROFS, "read-only file system"),
                                         (errno.EACCES, "permission denied")])
def test_output_unwritable_folder_is_one_error(tmp_path, monkeypatch, code, reason):
    real_open = os.open

    def refuse(path, *args, **kwargs):  # what a read-only disk or a foreign folder answers
        if str(path).startswith(str(tmp_path)):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReadOnlyError, match=rf"cannot write here \({reason}") as e:
        write_text(tmp_path / "rapport.html", "<html>")
    assert str(e.value).startswith(str(tmp_path))
    monkeypatch.undo()
    assert folder_listing(tmp_path) == []
