
import pytest

from conftest import CODEBOOK, SAMPLE, invoke



@pytest.fixture(scope="module")
def db(tmp_path_factory):
    out = tmp_path_factory.mktemp("explore")
    assert invoke("run", SAMPLE, "--codebook", CODEBOOK, "--out", out, "--no-report").exit_code == 0
    return out / "project.db"


def test_explore_cli_run_no_report_writes_none(db):
    # --no-report used to be ignored: the ingest result took the argument's name
    assert not (db.parent / "report.html").exists()
    assert not (db.parent / "report_figurer").exists()


@pytest.mark.parametrize("args,check", [
    (["presence", "--format", "csv"], "code,name,segments,cases,of,share"),
    (["crosstab", "--by", "fylke", "--format", "csv"], "code,attribute,value,segments,cases,of,share"),
    (["crosstab", "--by", "rolle", "--answers", "--format", "csv"],
     "question,category,attribute,value,count,of,share"),
    (["cooccurrence", "--jaccard", "--format", "csv"], "code,tilbakemelding.synspunkt"),
    (["quotes", "tilbakemelding.rutiner", "--max-words", "12", "--format", "md"], "(...)"),
    (["words", "--by", "case", "--format", "csv"], "case,rank,lemma,count"),
])
def test_explore_cli_views(db, args, check):
    r = invoke(args[0], db, *args[1:])
    assert r.exit_code == 0, r.output
    assert check in r.stdout


def test_explore_cli_unknown_attribute_and_code(db):
    r = invoke("crosstab", db, "--by", "fylk")
    assert r.exit_code == 1 and "did you mean 'fylke'?" in r.stderr
    r = invoke("quotes", db, "rutiner")
    assert r.exit_code == 1 and "unknown code 'rutiner'" in r.stderr


def test_explore_cli_xlsx_and_plots_and_report(db, tmp_path):
    r = invoke("presence", db, "--format", "xlsx", "--out", tmp_path / "p.xlsx")
    assert r.exit_code == 0 and (tmp_path / "p.xlsx").stat().st_size > 0
    r = invoke("plots", db, "--out", tmp_path / "figs")
    assert r.exit_code == 0 and len(list((tmp_path / "figs").glob("*.svg"))) >= 7
    r = invoke("report", db, "--out", tmp_path / "r.html")
    assert r.exit_code == 0 and (tmp_path / "r.html").stat().st_size > 100_000
