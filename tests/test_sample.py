"""The sample study reproduces the thesis's Tabell 4-1 to 4-3, computed from its files."""

import csv
import re

import pytest

from conftest import CODEBOOK, SAMPLE, invoke
from qualmrs.ingest import read_document, transcript_files

THESIS = {
    "4-1": {"tallfestes": [8, 0, 0, 8], "egnet": [8, 0, 0, 8]},
    "4-2": {"sammenliknes": [7, 1, 0, 8], "kjenner_egen": [7, 1, 0, 8],
            "kjenner_rangering": [7, 1, 0, 8]},
    "4-3": {"faglig_frihet": [3, 5, 0, 8], "ansvarsomrader": [4, 3, 1, 8]},
}
FORMATS = {"intervju_b.docx": "docx", "intervju_c.docx": "docx", "intervju_d.txt": "txt",
           "intervju_e.txt": "txt", "intervju_f.vtt": "vtt", "intervju_g.srt": "srt",
           "intervju_h.txt": "txt", "intervju_i.md": "md"}


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    from qualmrs.project import run

    return run(SAMPLE, CODEBOOK, tmp_path_factory.mktemp("out"))


def test_sample_tables_equal_the_thesis(sample_run):
    got = {f.attrs["id"]: {q: f[q].tolist() for q in f.columns} for f in sample_run.tables}
    assert got == THESIS


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_sample_documents_have_right_speakers(name):
    doc = read_document(SAMPLE / name, interviewer_labels=("A", "Intervjuer"),
                        known_labels=("B", "C", "D", "E", "F", "G", "H", "I"))
    case = name[len("intervju_")].upper()
    speakers = {t.speaker for t in doc.turns}
    assert speakers == {"Intervjuer" if case == "H" else "A", case}
    words = len(re.findall(r"\w+", doc.text))
    assert 1200 <= words <= 2600
    assert sum(t.role == "informant" for t in doc.turns) >= 12


def test_sample_formats_mixed():
    assert {p.name: p.suffix.lstrip(".") for p in transcript_files([SAMPLE])} == FORMATS
    assert "<v F>" in (SAMPLE / "intervju_f.vtt").read_text(encoding="utf-8")
    assert re.search(r"^\[\d\d:\d\d:\d\d\] E:", (SAMPLE / "intervju_e.txt").read_text(
        encoding="utf-8"), re.M)


def test_sample_every_informant_turn_is_coded(sample_run):
    from qualmrs.project import open_project

    with open_project(sample_run.db) as store:
        codings = store.codings(coder="BHO")
        docs = store.documents()
    assert len(codings) >= 150
    for doc in docs:
        coded = {doc.turn_at(c.start, c.end) for c in codings if c.document == doc.name}
        uncoded = [doc.text[t.start:t.end][:50] for t in doc.turns
                   if t.role == "informant" and t not in coded]
        assert not uncoded, (doc.name, uncoded)


def test_sample_run_writes_the_files(sample_run):
    out = sample_run.db.parent
    for table in ("4-1", "4-2", "4-3"):
        for fmt in ("csv", "md", "xlsx", "docx"):
            assert (out / "tables" / f"tabell_{table}.{fmt}").stat().st_size > 0
    assert (out / "matrix.xlsx").is_file() and (out / "matrix.docx").is_file()
    rows = list(csv.reader((out / "tables" / "tabell_4-2.csv").open(encoding="utf-8")))
    assert rows[0] == ["category", "sammenliknes", "kjenner_egen", "kjenner_rangering"]
    assert [r[0] for r in rows[1:]] == ["Ja", "Nøytral", "Nei", "N"]


def test_sample_run_again_changes_nothing(sample_run):
    from qualmrs.project import open_project, run

    with open_project(sample_run.db) as store:
        before = store.counts()
    again = run(SAMPLE, CODEBOOK, sample_run.db.parent)
    assert again.ingest.unchanged and not again.ingest.added
    assert again.codings_added == 0 and again.answers_added == 0
    with open_project(sample_run.db) as store:
        assert store.counts() == before


def test_sample_changing_an_answer_changes_the_table(sample_copy, tmp_path):
    from qualmrs.project import run

    path = sample_copy / "answers.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    row = next(r for r in rows if r["question"] == "tallfestes")
    row["category"], row["evidence"] = "Nei", ""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    t41 = run(sample_copy, CODEBOOK, tmp_path / "out").tables[0]
    assert t41["tallfestes"].tolist() == [7, 0, 1, 8]


def test_sample_loader(tmp_path):
    from qualmrs.sample import load_sample

    with load_sample(tmp_path) as project:
        study = project.study()
        assert len(study.documents) == 8 and len(study.cases) == 8
        assert study.cases[0].attributes["rolle"] == "kontorleder"


def test_sample_command_writes_the_study_and_its_codebook(tmp_path):  # issue 20
    dest = tmp_path / "s"
    r = invoke("sample", dest)
    assert r.exit_code == 0, r.output
    expected = {p.name: p for p in SAMPLE.iterdir() if p.is_file()} | {"mrs_nav.yaml": CODEBOOK}
    assert {"codings_coder2.csv", "answers_coder2.csv", "README.md", "cases.csv"} <= set(expected)
    assert sorted(p.name for p in dest.iterdir() if not p.name.startswith(".")) == \
        sorted(expected)
    for name, source in expected.items():
        assert (dest / name).read_bytes() == source.read_bytes(), name
    assert invoke("sample", dest).exit_code == 0  # its own files, unchanged: written again


def test_sample_command_keeps_someones_edits(tmp_path):  # issue 20
    dest = tmp_path / "s"
    assert invoke("sample", dest).exit_code == 0
    edited = (dest / "codings.csv").read_text(encoding="utf-8") + "min egen koding\n"
    (dest / "codings.csv").write_text(edited, encoding="utf-8")
    r = invoke("sample", dest)
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines() == [
        f"Error: {dest / 'codings.csv'}: exists and was not written by qualmrs (or was changed "
        "since); choose another name, or give --force to replace it"]
    assert (dest / "codings.csv").read_text(encoding="utf-8") == edited
    assert invoke("sample", dest, "--force").exit_code == 0
    assert (dest / "codings.csv").read_bytes() == (SAMPLE / "codings.csv").read_bytes()


def test_sample_copy_runs_to_the_thesis_tables(tmp_path):  # issue 20
    from qualmrs.project import run
    from qualmrs.sample import write_sample

    write_sample(tmp_path / "s")
    result = run(tmp_path / "s", "mrs_nav", tmp_path / "o", report=False)
    got = {f.attrs["id"]: {q: f[q].tolist() for q in f.columns} for f in result.tables}
    assert got == THESIS
