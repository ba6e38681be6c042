"""The shipped codebooks by name: wherever a codebook file is taken, a shipped codebook's name
works too (issue 20); a file of that name wins; an unknown name is one Error: line."""

import pytest

from conftest import CODEBOOK, ROOT, invoke
from qualmrs.codebook import load_codebook
from qualmrs.errors import CodebookError
from qualmrs.shipped import codebook_file, codebook_names, shipped_codebooks

SHIPPED = {"mrs_nav": "MRS i NAV-kontor", "tillit": "Tillitsbasert styring og ledelse",
           "workplace_en": "Workplace interviews"}


def test_shipped_names_are_the_codebooks_folder():
    assert codebook_names() == sorted(p.stem for p in (ROOT / "codebooks").glob("*.yaml"))
    assert set(SHIPPED) <= set(codebook_names())


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_shipped_codebook_loads_by_name(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no file of that name here
    book = load_codebook(name)
    assert book.name == SHIPPED[name]
    assert book.source == (ROOT / "codebooks" / f"{name}.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("ref", ["mrs_nav.yaml", "sub/mrs_nav", "./mrs_nav.yml"])
def test_shipped_path_like_refs_stay_paths(ref, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CodebookError, match="codebook file not found"):
        load_codebook(ref)


def test_shipped_existing_file_of_that_name_wins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mrs_nav").write_text((ROOT / "codebooks" / "tillit.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    assert codebook_file("mrs_nav") == tmp_path.joinpath("mrs_nav").relative_to(tmp_path)
    assert load_codebook("mrs_nav").name == SHIPPED["tillit"]


@pytest.mark.parametrize("name, hint", [("mrs_na", "did you mean 'mrs_nav'?"),
                                        ("nosuch", "")])
def test_shipped_unknown_name_is_one_line_listing_the_shipped(name, hint, tmp_path):
    r = invoke("init", tmp_path / "p.db", "--codebook", name)
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {name}: ")
    assert "shipped: mrs_nav, tillit, workplace_en" in lines[0] and hint in lines[0]
    assert not (tmp_path / "p.db").exists()


def test_shipped_codebooks_command_lists_names_and_languages():
    r = invoke("codebooks")
    assert r.exit_code == 0, r.output
    rows = [line.split(None, 2) for line in r.stdout.strip().splitlines()]
    assert rows[0] == ["name", "language", "title"]
    assert {n: (lang, title) for n, lang, title in rows[1:]} == \
        {b.name: (b.language, b.title) for b in shipped_codebooks()}
    assert {n: title for n, _, title in rows[1:]} == SHIPPED
    assert {lang for _, lang, _ in rows[1:]} == {"nb", "en"}


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_shipped_codebooks_command_prints_one(name):
    r = invoke("codebooks", name)
    assert r.exit_code == 0, r.output
    assert r.stdout == (ROOT / "codebooks" / f"{name}.yaml").read_text(encoding="utf-8")


@pytest.fixture
def tiny_qdpx(tmp_path, project):
    from qualmrs.project import export_qdpx

    return export_qdpx(project, tmp_path / "tiny.qdpx")


@pytest.mark.parametrize("command", ["init", "run", "update-codebook", "import-qdpx",
                                     "export-qdc"])
def test_shipped_name_works_wherever_a_codebook_file_is_taken(command, tmp_path, tiny_dir,
                                                              tiny_qdpx, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "new.db"
    if command == "update-codebook":  # a project on the other codebook, to be changed
        assert invoke("init", db, "--codebook", ROOT / "codebooks" / "tillit.yaml").exit_code == 0
    args = {"init": ["init", db, "--codebook", "mrs_nav"],
            "run": ["run", tiny_dir, "--codebook", "mrs_nav", "--out", tmp_path / "out",
                    "--no-report"],
            "update-codebook": ["update-codebook", db, "mrs_nav"],
            "import-qdpx": ["import-qdpx", tiny_qdpx, db, "--codebook", "mrs_nav"],
            "export-qdc": ["export-qdc", "mrs_nav", tmp_path / "mrs_nav.qdc"]}[command]
    r = invoke(*args)
    assert r.exit_code == 0, r.output
    if command == "export-qdc":
        assert b"Tilbakemeldinger om resultater" in (tmp_path / "mrs_nav.qdc").read_bytes()
        return
    from qualmrs.project import open_project

    made = tmp_path / "out" / "project.db" if command == "run" else db
    with open_project(made) as store:
        assert store.codebook.source == CODEBOOK.read_text(encoding="utf-8")
