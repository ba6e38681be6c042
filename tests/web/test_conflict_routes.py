"""Issue 15, item 4: two people on the same turn never lose each other's work. An edit carries
the coding as its editor saw it (``seen``); one that someone changed or removed meanwhile is
refused with 409 naming them, and their change stays. On SQLite and PostgreSQL."""

import pytest
from conftest import signed_in

CODE, OTHER = "tilbakemelding.ansatte", "tilbakemelding.rutiner"


def coding_of(project, coder, quote="målekortet", document="intervju_b.txt"):
    text = project.document_view(document)["text"]
    start = text.index(quote)
    return project.code(document, start, start + len(quote), CODE, coder)[0]


def seen(c):
    return {"code": c.code, "memo": c.memo, "start": c.start, "end": c.end}


def now(project, coding_id):
    found = [c for c in project.store.codings(ids=[coding_id])]
    return found[0] if found else None


@pytest.mark.parametrize("method,body", [
    ("PATCH", {"code": OTHER}),
    ("PATCH", {"memo": "mitt notat"}),
    ("DELETE", {}),
])
def test_conflict_stale_edit_is_refused_naming_who_and_their_change_stays(
        team_interviews, method, body):
    project, other = team_interviews, team_interviews.other
    kn = signed_in(project, "KN")
    mine = coding_of(project, "KN")
    other.set_memo(mine.id, "AB sitt notat", actor="AB")  # AB, meanwhile, elsewhere
    r = kn.send_json(method, f"/api/codings/{mine.id}", {**body, "seen": seen(mine)})
    assert r.status_code == 409, r.text
    assert r.json()["error"].startswith("AB changed this coding meanwhile")
    assert "Nothing was changed" in r.json()["error"]
    after = now(project, mine.id)
    assert (after.code, after.memo) == (CODE, "AB sitt notat")


@pytest.mark.parametrize("method,body", [("PATCH", {"memo": "mitt notat"}), ("DELETE", {})])
def test_conflict_edit_of_a_coding_someone_removed_is_refused(team_interviews, method, body):
    project, other = team_interviews, team_interviews.other
    kn = signed_in(project, "KN")
    mine = coding_of(project, "KN")
    other.uncode([mine.id], actor="AB")
    r = kn.send_json(method, f"/api/codings/{mine.id}", {**body, "seen": seen(mine)})
    assert r.status_code == 409 and r.json()["error"].startswith("AB removed this coding")
    assert now(project, mine.id) is None  # not brought back by a memo


@pytest.mark.parametrize("method,body,code,memo,gone", [
    ("PATCH", {"code": OTHER}, OTHER, "", False),
    ("PATCH", {"memo": "mitt notat"}, CODE, "mitt notat", False),
    ("DELETE", {}, None, None, True),
])
def test_conflict_edit_as_seen_goes_through(team_interviews, method, body, code, memo, gone):
    project = team_interviews
    kn = signed_in(project, "KN")
    mine = coding_of(project, "KN")
    r = kn.send_json(method, f"/api/codings/{mine.id}", {**body, "seen": seen(mine)})
    assert r.status_code == 200, r.text
    after = now(project, mine.id)
    assert (after is None) if gone else ((after.code, after.memo) == (code, memo))


@pytest.mark.parametrize("bad", ["stale", {"code": CODE}])
def test_conflict_seen_must_be_the_whole_coding(served_project, bad):
    kn = signed_in(served_project, "KN")
    mine = coding_of(served_project, "KN")
    r = kn.send_json("PATCH", f"/api/codings/{mine.id}", {"memo": "x", "seen": bad})
    assert r.status_code == 400 and "seen must" in r.json()["error"]
    assert now(served_project, mine.id).memo == ""


def test_conflict_two_coders_may_code_the_same_span(team_interviews):
    project = team_interviews
    theirs = coding_of(project.other, "AB")
    kn = signed_in(project, "KN")
    r = kn.send_json("POST", "/api/codings", {"document": "intervju_b.txt",
                                              "start": theirs.start, "end": theirs.end,
                                              "code": CODE, "text": "målekortet"})
    assert r.status_code == 201, r.text
    assert sorted(c.coder for c in project.store.codings()) == ["AB", "KN"]


def test_conflict_undo_takes_back_only_ones_own_step(team_interviews):
    project = team_interviews
    kn, ab = signed_in(project, "KN"), signed_in(project.other, "AB")
    mine = coding_of(project, "KN")
    theirs = coding_of(project.other, "AB", quote="tavla")
    r = kn.send_json("POST", "/api/undo")
    assert r.status_code == 200 and r.json()["undone"][0]["command"].startswith("code ")
    assert now(project, mine.id) is None and now(project, theirs.id) is not None
    assert ab.send_json("POST", "/api/undo").json()["undone"]  # AB's own, still there
    assert now(project, theirs.id) is None


def test_conflict_undo_never_undoes_what_another_changed_since(team_interviews):
    project = team_interviews
    kn = signed_in(project, "KN")
    mine = coding_of(project, "KN")
    project.other.recode([mine.id], OTHER, actor="AB")  # AB recodes KN's coding
    r = kn.send_json("POST", "/api/undo")
    assert r.status_code == 409 and "was changed since by step" in r.json()["error"]
    assert now(project, mine.id).code == OTHER
