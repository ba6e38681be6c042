"""Issue 13: every writing command changes only the work it is about; codings and answers of
every other origin stay exactly as they were."""

import csv
import io
import shutil

import pytest

import qualmrs
from conftest import CODEBOOK, SAMPLE, invoke
from writers import parse_canonical, write_docx

WORD = """\
A: Hvordan bruker dere tallene?
W: Vi går gjennom målekortet hver måned, og de ansatte får se tallene på tavla.
A: Og fylket?
W: Fylket ringer når tallene går ned, det er mest støtte og lite press.
"""


def work(db) -> dict[tuple, tuple]:
    """Every manual coding and answer: (kind, id) → (origin, what it says)."""
    with qualmrs.open(db) as project:
        out = {("coding", c.id): (c.origin, (c.document, c.start, c.end, c.code, c.coder,
                                             c.memo)) for c in project.store.codings()}
        out.update({("answer", a.id): (a.origin, (a.case, a.question, a.category, a.coder,
                                                  a.evidence)) for a in project.store.answers()})
    return out


def rewrite(path, change) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows = change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("origins")
    folder = tmp / "study"
    shutil.copytree(SAMPLE, folder)
    write_docx(parse_canonical(WORD), folder / "intervju_w.docx",
               [("målekortet hver måned", "tilbakemelding.rutiner", "Kari Nordmann"),
                ("mest støtte og lite press", "tilbakemelding.oppfolging", "Kari Nordmann")])
    (folder / "cases.csv").write_text((SAMPLE / "cases.csv").read_text(encoding="utf-8")
                                      + "W,Hordaland,kontorleder\n", encoding="utf-8")
    out = tmp / "out"
    assert invoke("run", folder, "--codebook", CODEBOOK, "--out", out,
                  "--no-report").exit_code == 0
    db = out / "project.db"
    for args in (["import-codings", db, folder / "codings_coder2.csv"],
                 ["import-answers", db, folder / "answers_coder2.csv"],
                 ["coding-sheet", db, tmp / "ark.xlsx", "--documents", "intervju_d.txt"],
                 ["suggest", db, "--no-model"]):
        assert invoke(*args).exit_code == 0
    from openpyxl import load_workbook

    wb = load_workbook(tmp / "ark.xlsx")
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    ws.cell(row=3, column=header.index("motivasjon") + 1, value="x")
    ws.cell(row=4, column=header.index("historikk") + 1, value="x")
    wb.save(tmp / "ark.xlsx")
    assert invoke("import-coding-sheet", db, tmp / "ark.xlsx", "--coder", "RA").exit_code == 0
    with qualmrs.open(db) as project:
        doc = project.store.documents(["intervju_c.docx"])[0]
        start = doc.turns[1].start
        project.code(doc.name, start, start + 20, "motivasjon", "RA")
    return {"tmp": tmp, "folder": folder, "db": db}


def _origin(name):
    return lambda kind, key, origin, what: origin == name


def _sheet_cells_emptied(tmp):
    from openpyxl import load_workbook

    wb = load_workbook(tmp / "ark.xlsx")
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    ws.cell(row=4, column=header.index("historikk") + 1).value = None  # value=None sets nothing
    wb.save(tmp / "ark.xlsx")


def _word_comment_deleted(folder):
    write_docx(parse_canonical(WORD), folder / "intervju_w.docx",
               [("målekortet hver måned", "tilbakemelding.rutiner", "Kari Nordmann")])


def _first_id(db, origin):
    with qualmrs.open(db) as project:
        return next(c.id for c in project.store.codings() if c.origin == origin)


# (name, prepare(study) -> args, may it change this (kind, id, origin, what)?)
STEPS = [
    ("edit codings.csv, run", lambda s: (
        rewrite(s["folder"] / "codings.csv", lambda rows: rows[1:]),
        ["run", s["folder"], "--codebook", CODEBOOK, "--out", s["db"].parent,
         "--no-report"])[1], _origin("file:codings.csv")),
    ("edit coder2's file, import", lambda s: (
        rewrite(s["folder"] / "codings_coder2.csv",
                lambda rows: [dict(r, memo="nytt notat") for r in rows[:4]] + rows[5:]),
        ["import-codings", s["db"], s["folder"] / "codings_coder2.csv"])[1],
     _origin("file:codings_coder2.csv")),
    ("edit answers.csv, import", lambda s: (
        rewrite(s["folder"] / "answers.csv",
                lambda rows: [dict(r, evidence="") if i == 0 else r
                              for i, r in enumerate(rows)]),
        ["import-answers", s["db"], s["folder"] / "answers.csv"])[1],
     _origin("file:answers.csv")),
    ("delete a Word comment, ingest", lambda s: (
        _word_comment_deleted(s["folder"]),
        ["ingest", s["db"], s["folder"] / "intervju_w.docx"])[1],
     _origin("word:intervju_w.docx")),
    ("empty a sheet cell, import", lambda s: (
        _sheet_cells_emptied(s["tmp"]),
        ["import-coding-sheet", s["db"], s["tmp"] / "ark.xlsx", "--coder", "RA"])[1],
     _origin("sheet:ark.xlsx")),
    ("accept", lambda s: ["accept", s["db"], "--coder", "RA", "--code", "motivasjon"],
     lambda kind, key, origin, what: origin == "accepted:rule"),
    ("reject", lambda s: ["reject", s["db"]], None),  # suggestions only: no manual work
    ("uncode", lambda s: ["uncode", s["db"], "--id", _first_id(s["db"], "browser")],
     _origin("browser")),
    ("rename-coder", lambda s: ["rename-coder", s["db"], "Kari Nordmann", "KN"],
     lambda kind, key, origin, what: what[-2 if kind == "coding" else -2] in
     ("Kari Nordmann", "KN")),
    ("answer", lambda s: ["answer", s["db"], "--case", "C", "--question", "egnet",
                          "--category", "Nei", "--coder", "RA"],
     lambda kind, key, origin, what: kind == "answer" and origin == "browser"),
    ("undo", lambda s: ["undo", s["db"]],
     lambda kind, key, origin, what: kind == "answer" and origin == "browser"),
]


@pytest.mark.parametrize("name", [s[0] for s in STEPS])
def test_origins_cli_each_command_touches_only_its_own(study, name):
    index = [s[0] for s in STEPS].index(name)
    if study.get("done", -1) != index - 1:
        pytest.skip("runs in order after the step before")
    _, prepare, allowed = STEPS[index]
    before = work(study["db"])
    r = invoke(*prepare(study))
    assert r.exit_code == 0, r.output
    after = work(study["db"])
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    if allowed is None:
        assert not changed, name
    assert changed or allowed is None, f"{name} changed nothing"
    for key in changed:
        origin, what = before.get(key) or after.get(key)
        assert allowed(key[0], key[1], origin, what), (name, key, before.get(key),
                                                       after.get(key))
    study["done"] = index
