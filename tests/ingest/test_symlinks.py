"""Issue 12 (4): a symbolic link in a transcripts folder that leads out of it is refused, so a
shared study folder cannot pull /etc/passwd (or anyone's file) into the project."""

import os

import pytest

from conftest import CODEBOOK, TINY, invoke


@pytest.fixture
def folder(tmp_path):
    study = tmp_path / "study"
    study.mkdir()
    (study / "intervju_a.txt").write_text(TINY, encoding="utf-8")
    return study


@pytest.mark.parametrize("target", ["/etc/passwd", "../utenfor.txt"])
def test_symlinks_out_of_the_folder_refused(folder, tmp_path, target):  # issue 12
    (tmp_path / "utenfor.txt").write_text(TINY.replace("B:", "C:"), encoding="utf-8")
    link = folder / "intervju_x.txt"
    os.symlink(target, link)
    db = tmp_path / "p.db"
    assert invoke("init", db, "--codebook", CODEBOOK).exit_code == 0
    before = db.read_bytes()
    r = invoke("ingest", db, folder)
    assert r.exit_code == 1 and r.stderr.count("\n") == 1, r.output
    assert r.stderr.startswith(f"Error: {link}: a symbolic link to ")
    assert "outside the folder" in r.stderr and "Traceback" not in r.output
    assert db.read_bytes() == before


def test_symlinks_inside_the_folder_are_read(folder, tmp_path):
    (folder / "arkiv").mkdir()
    (folder / "arkiv" / "intervju_b.txt").write_text(TINY.replace("B:", "C:"), encoding="utf-8")
    os.symlink("arkiv/intervju_b.txt", folder / "intervju_b.txt")
    db = tmp_path / "p.db"
    invoke("init", db, "--codebook", CODEBOOK)
    r = invoke("ingest", db, folder)
    assert r.exit_code == 0 and "Ingested 2 document(s)" in r.stderr, r.output
