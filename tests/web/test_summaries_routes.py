"""Issue 17: the matrix of main points through the JSON API (Starlette's TestClient): a cell's
summary and quotes, a summary written as one undoable step, bad requests refused."""

import pytest
from test_routes import client, post, turn_span  # noqa: F401  (the fixture and helpers)


def _code(project, quote, code, coder="KN"):
    span = turn_span(project, quote)
    return project.code(span["document"], span["start"], span["end"], code, coder)[0].id


@pytest.fixture
def coded(client):
    """Two of KN's quotes on tilbakemelding in case B, one of BHO's."""
    ids = [_code(client.project, "det meste kan tallfestes", "tilbakemelding.synspunkt"),
           _code(client.project, "glede og litt press", "tilbakemelding.rutiner")]
    _code(client.project, "står ikke i noen tabell", "tilbakemelding.synspunkt", "BHO")
    return ids


def test_summaries_routes_cell_without_summary_shows_count_and_shortest(client, coded):
    m = client.get("/api/summaries").json()
    assert m["coder"] == "KN" and m["editable"] and m["cases"] == ["B"]
    cell = m["cells"]["B"]["tilbakemelding"]
    assert cell == {"summary": None, "quotes": [], "n": 2, "shortest": "glede og litt press"}
    other = client.get("/api/summaries", params={"coder": "BHO"}).json()
    assert not other["editable"] and other["cells"]["B"]["tilbakemelding"]["n"] == 1


def test_summaries_routes_save_is_one_step_undo_takes_it_back(client, coded):
    text = 'Tallene <b>motiverer</b> & «presser»'
    r = post(client, "/api/summaries", {"case": "B", "theme": "tilbakemelding", "text": text,
                                        "quotes": [coded[1]]})
    assert r.status_code == 200, r.text
    (s,) = client.project.summaries().itertuples()
    assert (s.case, s.theme, s.coder, s.text, s.quotes, s.origin) == \
        ("B", "tilbakemelding", "KN", text, [coded[1]], "browser")
    assert client.project.history()["command"][0] == "summary B tilbakemelding"
    cell = client.get("/api/summaries/cell", params={"case": "B",
                                                     "theme": "tilbakemelding"}).json()
    assert cell["summary"] == text and cell["chosen"] == [coded[1]]
    assert [q["id"] for q in cell["quotes"]] == coded[::-1]  # KN's only, document order
    shown = client.get("/api/summaries").json()["cells"]["B"]["tilbakemelding"]
    assert (shown["summary"], shown["quotes"]) == (text, [coded[1]])
    assert post(client, "/api/undo").json()["undone"][0]["command"] == \
        "summary B tilbakemelding"
    assert client.project.summaries().empty
    assert post(client, "/api/redo").is_success and len(client.project.summaries()) == 1
    post(client, "/api/summaries", {"case": "B", "theme": "tilbakemelding", "text": " "})
    assert client.project.summaries().empty  # an empty summary removes it


@pytest.mark.parametrize("body,status,message", [
    ({"case": "B", "theme": "nope", "text": "x"}, 400, "unknown theme"),
    ({"case": "Q", "theme": "tilbakemelding", "text": "x"}, 400, "unknown case"),
    ({"case": "B", "theme": "tilbakemelding"}, 400, "missing field"),
    ({"case": "B", "theme": "tilbakemelding", "text": 3}, 400, "must be a string"),
    ({"case": "B", "theme": "tilbakemelding", "text": "x", "quotes": ["1"]}, 400, "coding ids"),
    ({"case": "B", "theme": "tilbakemelding", "text": "x", "quotes": "OTHER"}, 400,
     "not a quote of case B"),
])
def test_summaries_routes_bad_requests_change_nothing(client, coded, body, status, message):
    if body.get("quotes") == "OTHER":  # BHO's quote is not KN's to rest on
        body = {**body, "quotes": [c.id for c in client.project.store.codings("BHO")]}
    before = client.project.last_change()
    r = post(client, "/api/summaries", body)
    assert r.status_code == status and message in r.json()["error"], r.text
    assert client.project.summaries().empty and client.project.last_change() == before


def test_summaries_routes_need_the_csrf_token(client, coded):
    r = client.post("/api/summaries", json={"case": "B", "theme": "tilbakemelding",
                                            "text": "x"}, headers={"X-CSRF-Token": "forged"})
    assert r.status_code == 403 and client.project.summaries().empty
    ok = post(client, "/api/summaries", {"case": "B", "theme": "tilbakemelding", "text": "x"})
    assert ok.status_code == 200 and len(client.project.summaries()) == 1


@pytest.mark.parametrize("params,status,message", [
    ({"case": "Q", "theme": "tilbakemelding"}, 404, "unknown case 'Q'"),
    ({"case": "B", "theme": "nope"}, 400, "unknown theme 'nope'")])
def test_summaries_routes_unknown_cell(client, params, status, message):
    r = client.get("/api/summaries/cell", params=params)
    assert r.status_code == status and message in r.json()["error"]
