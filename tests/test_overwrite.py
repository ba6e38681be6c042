"""Issue 12 (1): every command that writes a file, pointed at the project store and at
someone's file: both survive byte for byte; --force replaces the file, never the store."""

import itertools
import shutil

import pytest

from conftest import CODEBOOK, SAMPLE, invoke

# command → (arguments, the output they name). {db} is the project store the command reads,
# {out} the output; for commands that write into a folder, {dir} is that folder and the
# output is the file they would write there.
COMMANDS = {
    "tables": (["tables", "{db}", "--coder", "BHO", "--format", "csv", "--out", "{dir}"],
               "{dir}/tabell_4-1.csv"),
    "matrix": (["matrix", "{db}", "--coder", "BHO", "--out", "{out}"], "{out}"),
    "summaries": (["summaries", "{db}", "--coder", "BHO", "--out", "{out}"], "{out}"),
    "counts": (["counts", "{db}", "--coder", "BHO", "--format", "csv", "--out", "{out}"],
               "{out}"),
    "segments": (["segments", "{db}", "--format", "csv", "--out", "{out}"], "{out}"),
    "presence": (["presence", "{db}", "--coder", "BHO", "--format", "xlsx", "--out", "{out}"],
                 "{out}"),
    "crosstab": (["crosstab", "{db}", "--coder", "BHO", "--by", "fylke", "--format", "csv",
                  "--out", "{out}"], "{out}"),
    "cooccurrence": (["cooccurrence", "{db}", "--coder", "BHO", "--format", "md",
                      "--out", "{out}"], "{out}"),
    "quotes": (["quotes", "{db}", "motivasjon", "--coder", "BHO", "--format", "csv",
                "--out", "{out}"], "{out}"),
    "words": (["words", "{db}", "--coder", "BHO", "--format", "csv", "--out", "{out}"],
              "{out}"),
    "agreement": (["agreement", "{db}", "--coders", "BHO,coder2", "--format", "csv",
                   "--out", "{out}"], "{out}"),
    "disagreements": (["disagreements", "{db}", "--coders", "BHO,coder2", "--format", "xlsx",
                       "--out", "{out}"], "{out}"),
    "suggestions": (["suggestions", "{db}", "--format", "csv", "--out", "{out}"], "{out}"),
    "suggest-answers": (["suggest-answers", "{db}", "--format", "csv", "--out", "{out}"],
                        "{out}"),
    "evaluate": (["evaluate", "{db}", "--coder", "BHO", "--format", "csv", "--out", "{out}"],
                 "{out}"),
    "plots": (["plots", "{db}", "--coder", "BHO", "--out", "{dir}"], "{dir}/tabell_4-1.png"),
    "report": (["report", "{db}", "--coder", "BHO", "--out", "{out}"], "{out}"),
    "run": (["run", "{study}", "--codebook", str(CODEBOOK), "--out", "{dir}", "--no-report"],
            "{dir}/matrix.xlsx"),
    "export-qdc": (["export-qdc", str(CODEBOOK), "{out}"], "{out}"),
    "import-qdc": (["import-qdc", "{qdc}", "{out}"], "{out}"),
    "export-qdpx": (["export-qdpx", "{db}", "{out}"], "{out}"),
    "import-qdpx": (["import-qdpx", "{qdpx}", "{new}", "--codebook-out", "{out}"], "{out}"),
    "coding-sheet": (["coding-sheet", "{db}", "{out}"], "{out}"),
    "sample": (["sample", "{dir}"], "{dir}/codings.csv"),
}

SLOW = {"evaluate", "report", "plots"}  # writing their own file again is tested elsewhere


def test_overwrite_every_writing_command_is_listed():
    from test_cli import COMMANDS as ALL

    # the others write only the project store they are given (or make a new one)
    stores_only = {"init", "ingest", "import-codings", "import-answers", "consensus",
                   "suggest", "accept", "reject", "import-coding-sheet", "import-summaries",
                   "copy", "user add", "user list", "user remove", "user passwd", "serve"}
    prints_only = {"codebooks"}
    assert set(COMMANDS) == set(ALL) - stores_only - prints_only


@pytest.fixture(scope="module")
def made(tmp_path_factory, small_study):
    """A project of three interviews coded by two coders, with suggestions, and a .qdc and a
    .qdpx to import."""
    base = tmp_path_factory.mktemp("made")
    assert invoke("run", small_study, "--codebook", CODEBOOK, "--out", base / "out",
                  "--no-report").exit_code == 0
    db = base / "out" / "project.db"
    for command in (["import-codings", db, SAMPLE / "codings_coder2.csv"],
                    ["import-answers", db, SAMPLE / "answers_coder2.csv"],
                    ["suggest", db, "--no-model"],
                    ["export-qdc", CODEBOOK, base / "k.qdc"],
                    ["export-qdpx", db, base / "p.qdpx"]):
        assert invoke(*command).exit_code == 0, command
    return {"db": db, "study": small_study, "qdc": base / "k.qdc", "qdpx": base / "p.qdpx"}


NEW = itertools.count()


def arguments(command, made, work, db, out, dir_):
    """The command's arguments and the output file it names; each call names a new project
    for import-qdpx to make."""
    args, target = COMMANDS[command]
    values = dict(made, db=db, out=out, dir=dir_, new=work / f"ny{next(NEW)}.db")
    return [str(a).format(**values) for a in args], target.format(**values)


def project(made, work, name="project.db"):
    db = work / name
    shutil.copy(made["db"], db)
    return db


def refused(r, target):
    lines = r.stderr.strip().splitlines()
    return (r.exit_code == 1 and len(lines) == 1 and lines[0].startswith(f"Error: {target}")
            and "Traceback" not in r.output)


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("command", COMMANDS)
def test_overwrite_output_at_the_project_store_is_refused(made, tmp_path, command, force):
    # a store named as the matrix's formats go (or matrix refuses it for its suffix alone)
    db = project(made, tmp_path, "project.xlsx" if command in ("matrix", "summaries")
                 else "project.db")
    before = db.read_bytes()
    # the output named is the store itself: its file, or a folder in the store's place
    args, target = arguments(command, made, tmp_path, db, db, db)
    r = invoke(*args, *(["--force"] if force else []))
    assert refused(r, db), r.output
    assert "project store (SQLite)" in r.stderr
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [db.name]


@pytest.mark.parametrize("command", COMMANDS)
def test_overwrite_someones_file_is_kept_unless_forced(made, tmp_path, command):
    db = project(made, tmp_path)
    dir_ = tmp_path / "ut"
    dir_.mkdir()
    suffix = {"matrix": ".docx", "summaries": ".xlsx", "presence": ".xlsx", "disagreements": ".xlsx",
              "report": ".html", "export-qdpx": ".qdpx", "coding-sheet": ".xlsx",
              "import-qdc": ".yaml", "import-qdpx": ".yaml", "export-qdc": ".qdc"}
    out = dir_ / f"notater{suffix.get(command, '.csv')}"
    args, target = arguments(command, made, tmp_path, db, out, dir_)
    mine = b"Mine notater, ikke laget av qualmrs.\n"
    with open(target, "wb") as f:
        f.write(mine)
    before = db.read_bytes()
    r = invoke(*args)
    assert refused(r, target), r.output
    assert "not written by qualmrs" in r.stderr and "--force" in r.stderr
    assert open(target, "rb").read() == mine and db.read_bytes() == before
    r = invoke(*args, "--force")
    assert r.exit_code == 0, r.output
    assert open(target, "rb").read() != mine
    if command not in SLOW:
        args, _ = arguments(command, made, tmp_path, db, out, dir_)
        r = invoke(*args)  # qualmrs' own file now: written again as before
        assert r.exit_code == 0, r.output
