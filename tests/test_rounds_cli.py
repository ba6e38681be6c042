"""Issue 15, item 3: blind rounds. Two coders code the sample blind, each sees only their own
work, the owner closes the round, agreement is printed, the disagreements are decided and
the consensus coder's tables come out; on SQLite and on PostgreSQL."""

import csv

import pytest

import qualmrs
from conftest import CODEBOOK, SAMPLE, invoke
from qualmrs.errors import QualmrsError
from qualmrs.project import copy_project

PASSWORD = "passord123\n"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    """The sample's transcripts ingested, nobody's coding yet."""
    db = tmp_path_factory.mktemp("round") / "sample.db"
    for args in (("init", db, "--codebook", CODEBOOK),
                 ("ingest", db, SAMPLE, "--cases", SAMPLE / "cases.csv", "--quiet")):
        r = invoke(*args)
        assert r.exit_code == 0, r.output
    return db


@pytest.fixture
def team(sample_store, backend):
    """The sample on ``backend`` with an owner (kari) and two coders (ola, eva)."""
    copy_project(sample_store, backend)
    for name, role in (("kari", "owner"), ("ola", "coder"), ("eva", "coder")):
        r = invoke("user", "add", backend, "--name", name, "--role", role, "--password-stdin",
                   input=PASSWORD)
        assert r.exit_code == 0, r.output
    return backend


def _code_blind(db):
    """ola codes all eight interviews (codings.csv), eva three (codings_coder2.csv)."""
    for coder, suffix in (("ola", ""), ("eva", "_coder2")):
        for kind in ("codings", "answers"):
            r = invoke(f"import-{kind}", db, SAMPLE / f"{kind}{suffix}.csv", "--coder", coder)
            assert r.exit_code == 0, r.output


def _write_rows(out, rows):
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _coders_seen(db, *args, documents=None):
    """Whose codings ``qualmrs codings`` lists (on ``documents``, when given)."""
    r = invoke("codings", db, "--format", "csv", *args)
    assert r.exit_code == 0, r.output
    return {row["coder"] for row in csv.DictReader(r.stdout.splitlines())
            if documents is None or row["document"] in documents}


def test_rounds_blind_round_on_the_sample_ends_in_consensus_tables(team, tmp_path):
    db = team
    r = invoke("round", "open", db, "--blind", "--as", "kari", "--password-stdin",
               input=PASSWORD)
    assert r.exit_code == 0, r.output
    assert "Opened blind round 1: 8 document(s) for eva, ola" in r.output
    _code_blind(db)
    # each coder sees only their own; the owner sees both
    assert _coders_seen(db, "--as", "ola") == {"ola"}
    assert _coders_seen(db, "--as", "eva") == {"eva"}
    assert _coders_seen(db, "--as", "kari") == {"ola", "eva"}
    assert _coders_seen(db, "--as", "eva", "--coder", "ola") == set()
    mine = invoke("tables", db, "--as", "eva")
    assert mine.exit_code == 0 and "count coder eva (your own work (blind round 1))" in \
        mine.output
    theirs = invoke("tables", db, "--as", "eva", "--coder", "ola")
    assert theirs.exit_code == 1
    assert theirs.output == ("Error: blind round 1 is open: eva sees only their own codings "
                             "and answers on its documents\n")
    peek = invoke("agreement", db, "--coders", "ola,eva")  # no --as: the project's keeper
    assert peek.exit_code == 0
    # only an owner closes
    refused = invoke("round", "close", db, "--as", "ola", "--password-stdin", input=PASSWORD)
    assert refused.exit_code == 1 and "only an owner may open or close a round" in \
        refused.output
    closed = invoke("round", "close", db, "--as", "kari", "--password-stdin", input=PASSWORD)
    assert closed.exit_code == 0, closed.output
    assert "Closed round 1" in closed.output
    assert ("Round 1. Agreement between eva and ola; unit: informant turn (code present or "
            "absent)") in closed.stdout
    with qualmrs.open(db) as project:
        codings, answers = project.round_agreement(1)
    assert codings.attrs["round"] == 1 and codings.attrs["unit"] == "turn"
    kappa = codings.set_index("code")["kappa"]
    assert 0 < kappa["ALL"] < 1
    assert f"{kappa['ALL']:.3f}" in closed.stdout
    # the disagreements, decided: yes to every code one of them saw, the first answer
    out = tmp_path / "uenighet.csv"
    listed = invoke("round", "disagreements", db, "--out", out)
    assert listed.exit_code == 0, listed.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["kind"] for r in rows} <= {"turn", "answer"}
    assert all(r["round"] == "1" and r["coded_by"] and (r["kind"] == "answer" or
                                                         r["not_coded_by"]) for r in rows)
    for row in rows:
        row["decision"] = "yes" if row["kind"] == "turn" else \
            row["coded_by"].split("; ")[0].split("=")[1]
    _write_rows(out, rows)
    decided = invoke("consensus", db, "--from", out)
    assert decided.exit_code == 0, decided.output
    with qualmrs.open(db) as project:
        eva = {(c.document, c.code) for c in project.store.codings(coder="eva")}
        consensus = {(c.document, c.code) for c in project.store.codings(coder="consensus")}
        docs = {d for d, _ in eva}
        ola = {(d, c) for d, c in ((c.document, c.code)
                                   for c in project.store.codings(coder="ola")) if d in docs}
    assert consensus == eva | ola  # every disagreement decided yes: the union, on eva's three
    tables = invoke("tables", db, "--coder", "consensus")
    assert tables.exit_code == 0, tables.output
    assert "Tabell 4-1" in tables.stdout and "| N | 3 | 3 |" in tables.stdout


def test_rounds_open_and_close_are_steps_undo_takes_back(team):
    with qualmrs.open(team) as project:
        opened = project.open_round(blind=True, by="kari", password=PASSWORD.strip())
        assert project.round().is_open and opened.coders == ("eva", "ola")
        project.close_round(by="kari", password=PASSWORD.strip())
        assert not project.round().is_open
        project.undo()
        assert project.round().is_open
        project.undo()
        assert project.rounds() == []
        project.redo()
        assert project.round() == opened
        assert project.history()["command"].iloc[0].endswith(": round open --blind")


@pytest.mark.parametrize("args, message", [
    ((), "Error: key '--as': this project has users: name an owner with --as NAME"),
    (("--as", "ola"), "Error: key '--as': only an owner may open or close a round; ola is a "
                      "coder"),
    (("--as", "kari", "--documents", "intervju_x.txt"), "Error: key '--documents': unknown "
                                                        "document 'intervju_x.txt'"),
])
def test_rounds_only_an_owner_opens_a_round_of_known_documents(team, args, message):
    r = invoke("round", "open", team, "--blind", *args, "--password-stdin", input=PASSWORD)
    assert r.exit_code == 1 and r.output.startswith(message), r.output
    with qualmrs.open(team) as project:
        assert project.rounds() == []


def test_rounds_wrong_password_is_refused(team):
    r = invoke("round", "open", team, "--as", "kari", "--password-stdin", input="feil\n")
    assert r.exit_code == 1
    assert r.output == "Error: key '--as': wrong user name or password for 'kari'\n"


def test_rounds_without_users_anyone_opens_naming_the_coders(sample_store, backend):
    copy_project(sample_store, backend)
    none = invoke("round", "open", backend, "--blind")
    assert none.exit_code == 1 and "a round needs two or more coders" in none.output
    r = invoke("round", "open", backend, "--blind", "--coders", "ola,eva",
               "--documents", "intervju_b.docx", "--documents", "intervju_c.docx")
    assert r.exit_code == 0, r.output
    _code_blind(backend)
    in_round = {"intervju_b.docx", "intervju_c.docx"}
    assert _coders_seen(backend, "--as", "ola", documents=in_round) == {"ola"}
    assert _coders_seen(backend, "--as", "eva", documents=in_round) == {"eva"}
    # outside the round's documents each sees the other's work (eva coded b, e and g)
    assert _coders_seen(backend, "--as", "ola", documents={"intervju_e.txt"}) == {"ola", "eva"}
    with qualmrs.open(backend, viewer="eva") as project:
        seen = {(c.coder, c.document) for c in project.store.codings()}
        study = project.study()
        assert study.coder == "eva"
        theirs = project.study(coder="ola")
        assert {c.document for c in theirs.codings} == \
            {d for who, d in seen if who == "ola"} - in_round
        assert {a.case for a in theirs.answers} == set("DEFGHI")  # B and C were interviewed
        assert {a.case for a in project.study().answers} == set("BEG")  # in the round's
        with pytest.raises(QualmrsError, match="blind round 1 is open: agreement"):
            project.agreement(["ola", "eva"])
    status = invoke("round", "status", backend)
    assert status.exit_code == 0 and "intervju_b.docx, intervju_c.docx" in status.output


def test_rounds_blind_coder_suggestions_learn_only_from_their_own_coding(team):
    with qualmrs.open(team) as project:
        project.open_round(blind=True, by="kari", password=PASSWORD.strip())
    _code_blind(team)
    with qualmrs.open(team, viewer="eva") as project:
        with pytest.raises(QualmrsError, match="learned only from their own coding"):
            project.suggest(rules=False, coder="ola")
        report = project.suggest(rules=False)
        assert any("from eva's coding" in n for n in report.notes)
        assert project.study(suggestions=True).codings != project.study().codings
    with qualmrs.open(team, viewer="ola") as project:
        # eva's model read eva's coding: ola does not see its suggestions on the round's
        assert all(c.source == "manual" for c in project.study(suggestions=True).codings)
        # nor accept them by code in the browser (issue 15: «accept all» of a document)
        c = project.store.codings(source="model")[0]
        assert c.id not in project.suggestion_ids(c.document, c.code)
        assert c.id in project.seen_by("eva").suggestion_ids(c.document, c.code)


def test_rounds_disagreements_wait_for_the_close_and_decisions(team, tmp_path):
    with qualmrs.open(team) as project:
        project.open_round(by="kari", password=PASSWORD.strip())
    _code_blind(team)
    early = invoke("round", "disagreements", team)
    assert early.exit_code == 1 and "round 1 is still open" in early.output
    with qualmrs.open(team) as project:
        project.close_round(by="kari", password=PASSWORD.strip())
    out = tmp_path / "d.csv"
    assert invoke("round", "disagreements", team, "--out", out).exit_code == 0
    r = invoke("consensus", team, "--from", out)
    assert r.exit_code == 1
    assert r.output.startswith(f"Error: {out}, row 2: key 'decision': no decision"), r.output
    with qualmrs.open(team) as project:
        assert "consensus" not in project.store.coders()


def test_rounds_close_without_two_coders_closes_and_says_why(sample_store, backend):
    copy_project(sample_store, backend)
    assert invoke("round", "open", backend, "--coders", "ola,eva").exit_code == 0
    r = invoke("round", "close", backend)
    assert r.exit_code == 0
    assert r.output == ("Closed round 1\nNote: round 1: fewer than two of its coders (ola, "
                        "eva) coded its documents; nothing to compare\n")
    with qualmrs.open(backend) as project:
        assert not project.round(1).is_open


def test_rounds_every_view_shows_a_blind_coder_only_their_own(team, tmp_path):
    with qualmrs.open(team) as project:
        project.open_round(blind=True, by="kari", password=PASSWORD.strip())
    _code_blind(team)
    for name, *args in (("counts",), ("presence",), ("quotes", "historikk"), ("words",),
                        ("crosstab", "--by", "fylke"), ("cooccurrence",)):
        def view(*more):
            return invoke(name, team, *args, "--format", "csv", *more)

        own = view("--as", "eva")
        assert own.exit_code == 0, (name, own.output)
        assert own.stdout == view("--coder", "eva").stdout != view("--coder", "ola").stdout
        theirs = view("--as", "eva", "--coder", "ola")
        assert theirs.exit_code == 1 and "blind round 1 is open" in theirs.output, name
    matrix = invoke("matrix", team, "--out", tmp_path / "m.csv", "--as", "eva",
                    "--coder", "ola")
    assert matrix.exit_code == 1 and "blind round 1 is open" in matrix.output


def test_rounds_decided_one_at_a_time_as_consensus_from_the_file(sample_store, backend,
                                                                  tmp_path):
    """The browser's way (issue 15): each disagreement decided alone, one undoable step each,
    gives the consensus coder what ``consensus --from`` gives for the same decisions."""
    copy_project(sample_store, backend)
    r = invoke("round", "open", backend, "--blind", "--coders", "ola,eva",
               "--documents", "intervju_b.docx", "--documents", "intervju_e.txt")
    assert r.exit_code == 0, r.output
    _code_blind(backend)
    with qualmrs.open(backend) as project:
        project.close_round()
        frame = project.round_disagreements()
        rows = frame.to_dict(orient="records")
        assert rows and not any(row["decision"] for row in rows)
        for n, (row, key) in enumerate(zip(rows, frame.attrs["keys"])):
            decision = ("yes" if n % 2 else "no") if row["kind"] == "turn" else \
                row["coded_by"].split("; ")[-1].split("=")[1]
            done = project.decide({key: decision})
            row["decision"] = decision
        assert done["decided"] == done["of"] == len(rows)
        assert list(project.round_disagreements()["decision"]) == \
            [row["decision"] for row in rows]
        def work():
            return ({(c.document, c.start, c.end, c.code) for c in
                     project.store.codings(coder="consensus")},
                    {(a.case, a.question, a.category) for a in
                     project.store.answers(coder="consensus")})
        browser = work()
        assert project.history()["command"].iloc[0].startswith("decide round 1 ")
        project.undo()
        assert project.round_disagreements()["decision"].iloc[-1] == ""
        for _ in rows[1:]:
            project.undo()
        assert work() == (set(), set())
    out = tmp_path / "decided.csv"
    _write_rows(out, rows)
    decided = invoke("consensus", backend, "--from", out)
    assert decided.exit_code == 0, decided.output
    with qualmrs.open(backend) as project:
        assert work() == browser and browser[0] and browser[1]
