"""Suggestions through the CLI: contracts, and manual codings never touched."""

import csv
import re
import io

import pytest

from conftest import CODEBOOK, ROOT, SAMPLE, invoke
from qualmrs.project import open_project



def manual(db):
    with open_project(db) as store:
        return store.codings(source="manual"), store.answers(source="manual")


@pytest.fixture
def sample_db(tmp_path):
    assert invoke("run", SAMPLE, "--codebook", CODEBOOK, "--out", tmp_path).exit_code == 0
    return tmp_path / "project.db"


def test_suggest_cli_contracts_and_manual_untouched(sample_db, tmp_path):
    before = manual(sample_db)
    r = invoke("suggest", sample_db)
    assert r.exit_code == 0, r.output
    assert "saved in the project" in r.stderr
    r = invoke("suggestions", sample_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["document", "case", "start", "end", "code", "source",
                             "confidence", "text", "id"]
    assert {x["source"] for x in rows} == {"rule", "model"}
    r = invoke("suggest-answers", sample_db, "--format", "csv")
    answers = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(answers[0]) == ["case", "question", "category", "source", "confidence",
                                "evidence"]
    assert len(answers) == 8 * 7
    assert manual(sample_db) == before
    assert invoke("reject", sample_db, "--source", "model").exit_code == 0
    assert manual(sample_db) == before
    with open_project(sample_db) as store:
        assert {c.source for c in store.codings(source=None)} == {"manual", "rule"}
        assert store.load_model("codes")  # the fitted model is kept with the project


def test_suggest_cli_accept_promotes_to_a_person(sample_db):
    invoke("suggest", sample_db, "--no-model")
    invoke("suggest-answers", sample_db)
    r = invoke("accept", sample_db, "--coder", "ASS", "--code", "historikk",
               "--min-confidence", "0.7")
    assert r.exit_code == 0, r.output
    with open_project(sample_db) as store:
        accepted = store.codings(coder="ASS")
        assert accepted and {c.code for c in accepted} == {"historikk"}
        assert all(c.source == "manual" for c in accepted)
        left = [c for c in store.codings(source="rule") if c.code == "historikk"]
        assert all(c.confidence < 0.7 for c in left)
    r = invoke("accept", sample_db, "--coder", "BHO")  # BHO's own answers stay as they were
    with open_project(sample_db) as store:
        bho = {(a.case, a.question): a.category for a in store.answers(coder="BHO")}
    assert bho == {(a.case, a.question): a.category for a in manual(sample_db)[1]
                   if a.coder == "BHO"}
    assert invoke("accept", sample_db, "--coder", "model").exit_code == 1


def test_suggest_cli_new_study_without_coding(tmp_path):
    db = tmp_path / "p.db"
    invoke("init", db, "--codebook", CODEBOOK)
    invoke("ingest", db, SAMPLE / "intervju_d.txt")
    r = invoke("suggest", db)
    assert r.exit_code == 0 and "no manual codings yet" in r.stderr
    r = invoke("suggestions", db, "--format", "csv")
    assert {x["source"] for x in csv.DictReader(io.StringIO(r.stdout))} == {"rule"}
    r = invoke("suggest-answers", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 7 and sum(bool(x["category"]) for x in rows) >= 4


def test_suggest_cli_evaluate_prints_scores(sample_db):
    r = invoke("evaluate", sample_db)
    assert r.exit_code == 0, r.output
    assert "leave-one-case-out" in r.stdout and "micro avg" in r.stdout
    assert "Confusion, scale ja_noytral_nei" in r.stdout
    assert "micro-F1 with a 95 % interval over cases" in r.stdout
    assert re.search(r"model \d\.\d\d \[\d\.\d\d–\d\.\d\d\]", r.stdout)
    # issue 18: where the questions were found, apart from how many answers were right
    assert re.search(r"Questions found where asked: \d+ of 56; answers right: \d+ of 56",
                     r.stdout)
    r = invoke("evaluate", sample_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {x["method"] for x in rows} == {"rules", "model", "rules+model", "rules|model"}


def test_suggest_cli_agreement_person_vs_machine(sample_db):
    invoke("suggest", sample_db)
    r = invoke("agreement", sample_db, "--coders", "BHO,model")
    assert r.exit_code == 0, r.output
    assert "Agreement between BHO and model" in r.stdout


def test_suggest_model_learns_only_from_coded_interviews(sample_db, monkeypatch):
    # issue 14: an interview nobody has coded yet is not an interview with nothing to code
    from qualmrs.coding.suggest import ModelSuggester

    new = ROOT / "benchmarks" / "independent" / "dev" / "w1" / "intervju_j.txt"
    assert invoke("ingest", sample_db, new).exit_code == 0
    taught, fit = [], ModelSuggester.fit
    monkeypatch.setattr(ModelSuggester, "fit", lambda self, examples: taught.extend(
        examples) or fit(self, examples))
    assert invoke("suggest", sample_db, "--quiet").exit_code == 0
    assert taught and "intervju_j.txt" not in {e.document for e in taught}
    with open_project(sample_db) as store:
        made = {c.document for c in store.codings(source="model")}
    assert "intervju_j.txt" in made and len(made) == 9  # suggested in every interview
