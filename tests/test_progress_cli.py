"""Progress bars: on a terminal only, never with --quiet; the library takes any tqdm-like
callable."""

import io
import sys

import pytest

from conftest import CODEBOOK, invoke


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "p.db"
    assert invoke("init", path, "--codebook", CODEBOOK).exit_code == 0
    return path


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_cli_no_bar_off_a_terminal(db, tiny_dir, quiet):
    r = invoke("ingest", db, tiny_dir, *(["--quiet"] if quiet else []))
    assert r.exit_code == 0, r.output
    assert "%|" not in r.output and "it/s" not in r.output
    assert ("Ingested 1 document(s)" in r.output) is not quiet


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_cli_bar_on_a_terminal(monkeypatch):
    from qualmrs.cli.app import _progress

    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    assert _progress(quiet=True) is None
    bar = _progress(quiet=False)
    assert list(bar(["a.txt", "b.txt"], total=2, desc="ingest")) == ["a.txt", "b.txt"]
    assert "ingest:" in screen.getvalue() and "0/2" in screen.getvalue()  # a bar was drawn


def test_progress_library_calls_the_callable(project, tmp_path, tiny_dir):
    from qualmrs.project import ingest, suggest

    calls = []

    def progress(items, total, desc):
        calls.append((total, desc))
        return items

    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "intervju_c.txt").write_text("A: Hei?\nC: Målekortet, ja.\n",
                                                      encoding="utf-8")
    ingest(project, [tiny_dir, tmp_path / "more"], progress=progress)
    suggest(project, model=False, progress=progress)
    assert calls == [(2, "read"), (1, "store"), (2, "rules")]  # one file was stored before
