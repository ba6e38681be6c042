"""The benchmark's synthetic study (benchmarks/corpus.py): same files for the same N, and
interviews qualmrs reads as the generator meant (turns, cases, codings that anchor)."""

import sys

from conftest import CODEBOOK, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_bench_corpus_is_deterministic(tmp_path):
    a = corpus.generate(tmp_path / "a", 3)
    b = corpus.generate(tmp_path / "b", 3)
    assert a == b and _files(tmp_path / "a") == _files(tmp_path / "b")
    corpus.generate(tmp_path / "c", 3, seed=1)
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_bench_corpus_interviews_parse(tmp_path):
    from qualmrs.model import INFORMANT, INTERVIEWER
    from qualmrs.project import import_answers, import_codings, ingest, init_project

    folder = tmp_path / "study"
    made = corpus.generate(folder, 3)
    assert made["words"] >= 3 * corpus.MIN_WORDS and made["codings"] > 0
    with init_project(tmp_path / "p.db", CODEBOOK) as store:
        report = ingest(store, [folder], folder / "cases.csv")
        assert not report.warnings and len(report.added) == 3
        for doc in store.documents():
            label = corpus.case_label(int(doc.name[len("intervju_"):-len(".txt")]))
            assert [t.role for t in doc.turns] == [INTERVIEWER, INFORMANT] * (len(doc.turns) // 2)
            assert {t.speaker for t in doc.turns} == {corpus.INTERVIEWER, label}
            assert {t.case for t in doc.turns if t.role == INFORMANT} == {label}
        assert import_codings(store, folder / "codings.csv").codings[0] == made["codings"]
        assert import_answers(store, folder / "answers.csv").answers[0] == made["answers"]
        assert [c.label for c in store.cases()] == [corpus.case_label(i) for i in (1, 2, 3)]


def test_independent_interviews_read_as_written(tmp_path):
    """The dev, test and final interviews of benchmarks/independent/: two informants per
    writer, every coding anchored in its case's turns, seven answers per case, and each
    question's place (questions.csv) in an interviewer turn (issue 18). It reads the
    final set as a study, as a user would; it scores nothing."""
    import csv

    from qualmrs.codebook import load_codebook
    from qualmrs.model import INFORMANT, INTERVIEWER
    from qualmrs.project import open_project, run

    folders = sorted((ROOT / "benchmarks" / "independent").glob("*/w*"))
    assert len(folders) == 10
    for folder in folders:
        rows = list(csv.DictReader(open(folder / "codings.csv", encoding="utf-8")))
        result = run(folder, CODEBOOK, tmp_path / folder.name, report=False)
        assert result.codings_added == len(rows) and result.answers_added == 14
        with open_project(result.db) as store:
            docs = store.documents()
            assert len(docs) == 2
            for doc in docs:
                cases = {t.case for t in doc.turns if t.role == INFORMANT}
                assert len(cases) == 1 and {t.speaker for t in doc.turns} == cases | {"A"}
            asked = {d.name: [d.turn_text(i) for i, t in enumerate(d.turns)
                              if t.role == INTERVIEWER] for d in docs}
        places = list(csv.DictReader(open(folder / "questions.csv", encoding="utf-8")))
        assert {(r["document"], r["question"]) for r in places} == {
            (d, q.key) for d in asked for q in load_codebook(CODEBOOK).questions}
        assert all(any(r["quote"] in turn for turn in asked[r["document"]]) for r in places)
