"""Issue 14: the web layer through Starlette's TestClient (no browser): who may ask, what
comes back, and that the pages and the API change the project only through the front door."""

import re

import pytest
from starlette.testclient import TestClient

from qualmrs.web import create_app

TOKEN = "s3cret"


@pytest.fixture
def client(served_project):
    app = create_app(served_project, token=TOKEN, coder="KN", hosts=("testserver",))
    c = TestClient(app)
    page = c.get(f"/?token={TOKEN}")
    c.csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)
    c.project = served_project
    return c


def post(client, url, body=None, method="POST", **headers):
    return client.request(method, url, json=body,
                          headers={"X-CSRF-Token": client.csrf, **headers})


def turn_span(project, quote):
    doc = project.document_view("intervju_b.txt")
    text = doc["text"]
    start = text.index(quote)
    return {"document": "intervju_b.txt", "start": len(text[:start]),
            "end": len(text[:start]) + len(quote), "text": quote}


@pytest.mark.parametrize("path", ["/", "/doc/intervju_b.txt", "/tables", "/api/documents",
                                  "/static/reader.js"])
def test_routes_without_token_or_cookie_are_refused(served_project, path):
    c = TestClient(create_app(served_project, token=TOKEN, hosts=("testserver",)))
    assert c.get(path).status_code == 403
    assert c.get(path + ("&" if "?" in path else "?") + "token=wrong").status_code == 403
    r = c.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200


def test_routes_token_becomes_an_httponly_cookie_and_a_clean_address(served_project):
    c = TestClient(create_app(served_project, token=TOKEN, hosts=("testserver",)))
    r = c.get(f"/tables?token={TOKEN}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/tables"
    cookie = r.headers["set-cookie"]
    assert "qualmrs_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert c.get("/tables").status_code == 200  # the cookie is enough now


def test_routes_other_host_names_are_refused(served_project):
    c = TestClient(create_app(served_project, token=TOKEN), base_url="http://evil.example")
    assert c.get(f"/?token={TOKEN}").status_code == 400


@pytest.mark.parametrize("headers,status", [
    ({}, 201),
    ({"X-CSRF-Token": "forged"}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"Origin": "http://evil.example"}, 403),
])
def test_routes_changes_need_the_csrf_token_and_this_page(client, headers, status):
    body = turn_span(client.project, "de ansatte får se tallene på tavla")
    h = {"X-CSRF-Token": client.csrf, **headers}
    r = client.post("/api/codings", json={**body, "code": "tilbakemelding.ansatte"}, headers=h)
    assert r.status_code == status, r.text
    assert len(client.project.codings()) == (1 if status == 201 else 0)


def test_routes_security_headers(client):
    r = client.get("/")
    assert r.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_routes_transcript_text_is_escaped(tmp_path, client):
    (tmp_path / "x.txt").write_text('A: Hva?\nB: <script>alert("x")</script> & <b>fet</b>\n',
                                    encoding="utf-8")
    client.project.ingest([tmp_path / "x.txt"])
    page = client.get("/doc/x.txt").text
    assert "<script>alert" not in page and "<b>fet</b>" not in page
    assert "\\u003cscript\\u003e" in page  # the data is JSON in a non-script element
    listing = client.get("/").text
    assert "<script>alert" not in listing


def test_routes_coding_offsets_are_code_points_and_stale_text_is_409(client):
    body = turn_span(client.project, "Lærer\u0332n 🧑‍🏫 på nabokontoret")
    r = post(client, "/api/codings", {**body, "code": "rangering.deling"})
    assert r.status_code == 201
    (made,) = r.json()["codings"]
    text = client.project.document_view("intervju_b.txt")["text"]
    assert text[made["start"]:made["end"]] == "Lærer\u0332n 🧑‍🏫 på nabokontoret"
    r = post(client, "/api/codings", {**body, "start": body["start"] + 1,
                                       "code": "rangering.deling"})
    assert r.status_code == 409 and "not the text selected" in r.json()["error"]


def test_routes_unknown_things_are_404_and_bad_requests_400(client):
    assert client.get("/api/documents/nope.txt").status_code == 404
    assert client.get("/doc/nope.txt").status_code == 404
    assert post(client, "/api/codings/99999", {"memo": "x"}, "PATCH").status_code == 404
    r = post(client, "/api/codings", {"document": "intervju_b.txt", "start": "a", "end": 3,
                                      "code": "motivasjon"})
    assert r.status_code == 400 and "whole number" in r.json()["error"]
    r = client.post("/api/undo", content=b"{not json", headers={"X-CSRF-Token": client.csrf})
    assert r.status_code == 400


def test_routes_code_recode_memo_uncode_undo_redo_share_the_history(client):
    body = turn_span(client.project, "det meste kan tallfestes")
    (made,) = post(client, "/api/codings", {**body, "code": "motivasjon"}).json()["codings"]
    assert post(client, f"/api/codings/{made['id']}", {"code": "tilbakemelding.synspunkt",
                                                       "memo": "tydelig"}, "PATCH").is_success
    (c,) = client.project.store.codings()
    assert (c.code, c.memo, c.coder, c.origin) == ("tilbakemelding.synspunkt", "tydelig", "KN",
                                                   "browser")
    assert post(client, f"/api/codings/{made['id']}", None, "DELETE").is_success
    assert client.project.store.codings() == []
    assert post(client, "/api/undo").json()["undone"]
    assert len(client.project.store.codings()) == 1
    # the browser's undo is the command line's: the same history
    history = client.project.history()
    assert history["command"][0].startswith("undo step") and set(history["who"][:4]) == {"KN"}
    assert post(client, "/api/redo").json()["redone"]
    assert client.project.store.codings() == []


def test_routes_accept_and_reject_suggestions(client):
    sugg = client.project.document_view("intervju_b.txt")["suggestions"]
    assert len(sugg) >= 2
    r = post(client, "/api/suggestions/accept", {"ids": [sugg[0]["id"]]})
    assert r.json() == {"accepted": 1}
    r = post(client, "/api/suggestions/reject", {"ids": [sugg[1]["id"]]})
    assert r.json() == {"rejected": 1}
    assert post(client, "/api/suggestions/accept", {"ids": [sugg[1]["id"]]}).status_code == 409
    (kept,) = client.project.store.codings()
    assert (kept.coder, kept.origin) == ("KN", f"accepted:{sugg[0]['source']}")


def test_routes_accept_a_suggestion_the_coder_has_coded_already(client):
    # issue 14: make bench's latency run met a 409 «no longer there» here
    (sugg, *_) = client.project.document_view("intervju_b.txt")["suggestions"]
    text = client.project.document_view("intervju_b.txt")["text"]
    body = {"document": "intervju_b.txt", "start": sugg["start"], "end": sugg["end"],
            "text": text[sugg["start"]:sugg["end"]], "code": sugg["code"]}
    assert post(client, "/api/codings", body).status_code == 201
    r = post(client, "/api/suggestions/accept", {"ids": [sugg["id"]]})
    assert r.status_code == 200, r.text
    left = client.project.document_view("intervju_b.txt")
    assert sugg["id"] not in {s["id"] for s in left["suggestions"]}
    assert [(c["start"], c["end"], c["code"]) for c in left["codings"]] == [
        (sugg["start"], sugg["end"], sugg["code"])]


def test_routes_answer_changes_the_table(client):
    before = client.get("/api/tables").json()
    r = post(client, "/api/answers", {"case": "B", "question": "tallfestes", "category": "Ja"},
             "PUT")
    assert r.is_success, r.text
    after = client.get("/api/tables").json()
    t41 = after["tables"][0]
    assert t41["rows"][0] == ["Ja", 1, 0] and before != after and after["coder"] == "KN"
    questions = client.get("/api/cases/B/questions").json()["questions"]
    assert questions[0]["answer"] == "Ja"
    r = post(client, "/api/answers", {"case": "B", "question": "tallfestes", "category": "Kanskje"},
             "PUT")
    assert r.status_code == 400 and "not a category" in r.json()["error"]


def test_routes_version_moves_with_every_change(client):
    v = client.get("/api/version").json()["version"]
    post(client, "/api/answers", {"case": "B", "question": "egnet", "category": "Nei"}, "PUT")
    assert client.get("/api/version").json()["version"] > v


def test_routes_document_reload_reads_on_one_connection(client):
    # issue 15: a reload checked out three connections (on PostgreSQL a ping, a BEGIN and a
    # ROLLBACK each); its reads now share one
    from sqlalchemy import event

    checkouts = []
    engine = client.project.store.engine
    listener = lambda *args: checkouts.append(1)  # noqa: E731
    event.listen(engine, "checkout", listener)
    try:
        r = client.get("/api/documents/intervju_b.txt")
    finally:
        event.remove(engine, "checkout", listener)
    assert r.status_code == 200 and r.json()["version"] > 0 and r.json()["text"]
    assert len(checkouts) == 1
