import csv
import io

import pytest

from conftest import CODEBOOK, ROOT, SAMPLE, invoke

COMMANDS = ["init", "ingest", "import-codings", "import-answers", "tables", "matrix", "counts",
            "segments", "run", "agreement", "disagreements", "consensus", "suggest",
            "suggestions", "suggest-answers", "accept", "reject", "evaluate", "presence",
            "crosstab", "cooccurrence", "quotes", "words", "plots", "report", "export-qdc",
            "import-qdc", "export-qdpx", "import-qdpx", "coding-sheet", "import-coding-sheet",
            "sample", "codebooks", "summaries", "import-summaries", "copy", "user add",
            "user list", "user remove", "user passwd", "serve"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help_and_is_in_readme(command):
    result = invoke(*command.split(), "--help")
    assert result.exit_code == 0 and "Usage" in result.output
    assert f"qualmrs {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_steps_on_the_sample(tmp_path):
    db = tmp_path / "p.db"
    assert invoke("init", db, "--codebook", CODEBOOK).exit_code == 0
    r = invoke("ingest", db, SAMPLE, "--cases", SAMPLE / "cases.csv")
    assert r.exit_code == 0 and "Ingested 8 document(s)" in r.stderr
    assert invoke("import-codings", db, SAMPLE / "codings.csv").exit_code == 0
    assert invoke("import-answers", db, SAMPLE / "answers.csv").exit_code == 0
    r = invoke("tables", db, "--format", "md")
    assert r.exit_code == 0 and "**Tabell 4-3 Hva gjør MRS-prinsippene" in r.stdout
    r = invoke("tables", db, "--format", "docx", "--out", tmp_path / "t")
    assert r.exit_code == 0 and (tmp_path / "t" / "tabell_4-1.docx").is_file()
    r = invoke("matrix", db, "--out", tmp_path / "m.xlsx")
    assert r.exit_code == 0 and (tmp_path / "m.xlsx").is_file()
    r = invoke("segments", db, "--level", "sentence", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == ["document", "case", "speaker", "role", "start", "end", "text"]
    assert {r["role"] for r in rows} == {"interviewer", "informant"}
    r = invoke("counts", db, "--format", "csv")
    assert r.exit_code == 0 and r.stdout.startswith("code,")


def test_cli_run_prints_the_tables(tmp_path):
    r = invoke("run", SAMPLE, "--codebook", CODEBOOK, "--out", tmp_path / "out")
    assert r.exit_code == 0, r.output
    assert "**Tabell 4-1 Synspunkt på målinger**" in r.stdout
    assert "| N | 8 | 8 |" in r.stdout


@pytest.mark.parametrize("args,message", [
    (["tables", "{tmp}/none.db"], "no project database here"),
    (["ingest", "{db}", "{tmp}/nope.txt"], "nope.txt: no such file or folder"),
    (["import-answers", "{db}", "{tmp}/none.csv"], "none.csv: no such file"),
    (["run", "{tmp}/nowhere", "--codebook", str(CODEBOOK), "--out", "{tmp}/o"], "not a folder"),
    (["matrix", "{db}", "--out", "{tmp}/m.pdf"], "written as .docx, .xlsx, .tex, .csv or .md"),
])
def test_cli_user_errors_are_one_line(tmp_path, args, message):
    db = tmp_path / "p.db"
    invoke("init", db, "--codebook", CODEBOOK)
    r = invoke(*[a.format(tmp=tmp_path, db=db) for a in args])
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert "Traceback" not in r.output


@pytest.mark.parametrize("args,message", [
    (["tables", "--fomat", "md", "p.db"], "qualmrs tables: No such option: --fomat"),
    (["tables"], "qualmrs tables: Missing argument"),
    (["tabels", "p.db"], "qualmrs: No such command 'tabels'. Did you mean 'tables'?"),
    (["tables", "p.db", "--format", "pdf"], "Invalid value for '--format'"),
    (["--wait", "-1", "tables", "p.db"], "Invalid value for '--wait'"),
])
def test_cli_usage_errors_are_one_line(args, message):  # issue 12
    r = invoke(*args)
    assert r.exit_code == 2  # click's code for usage errors
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("Error: ") and message in r.stderr
    assert "--help' for help" not in r.stderr and "╭" not in r.output and not r.stdout


def test_cli_ingest_strict_refuses_a_file_without_labels(tmp_path):
    db = tmp_path / "p.db"
    invoke("init", db, "--codebook", CODEBOOK)
    plain = tmp_path / "notat.txt"
    plain.write_text("Her er bare en lang tekst uten noen talere i det hele tatt.\n",
                     encoding="utf-8")
    before = db.read_bytes()
    r = invoke("ingest", db, plain, "--strict")
    assert r.exit_code != 0
    assert r.stderr.strip().count("\n") == 0 and "notat.txt" in r.stderr
    assert "no speaker labels" in r.stderr and "--strict" in r.stderr
    assert db.read_bytes() == before
    r = invoke("ingest", db, plain)
    assert r.exit_code == 0 and "Warning: notat.txt: no speaker labels" in r.stderr


def test_cli_ingest_skips_a_copy_within_one_batch(tmp_path):
    db = tmp_path / "p.db"
    invoke("init", db, "--codebook", CODEBOOK)
    folder = tmp_path / "t"
    folder.mkdir()
    text = "A: Hvordan går det?\nB: Det går fint med målene.\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "kopi.txt").write_text(text, encoding="utf-8")
    r = invoke("ingest", db, folder)
    assert r.exit_code == 0 and "Ingested 1 document(s)" in r.stderr
    assert "kopi.txt: same content as 'a.txt', skipped" in r.stderr


def test_cli_version_from_one_source():  # issue 20
    import importlib.metadata

    import qualmrs

    r = invoke("--version")
    assert r.exit_code == 0 and r.stdout == f"qualmrs {qualmrs.__version__}\n"
    # the build reads qualmrs.__version__ (pyproject.toml: tool.hatch.version)
    assert importlib.metadata.version("qualmrs") == qualmrs.__version__
