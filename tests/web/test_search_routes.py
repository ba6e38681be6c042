"""Issue 14: the search, the cell quotes, the coder switch and the undo state through the JSON
API (Starlette's TestClient, no browser)."""

import pytest
from test_routes import client, post, turn_span  # noqa: F401  (the fixture and helpers)


@pytest.mark.parametrize("query,exact,found", [("rangering", False, ["rangering"]),
                                               ("tallfeste", False, ["tallfestes"]),
                                               ("tallfeste", True, [])])
def test_search_routes_hits_carry_their_sentence(client, query, exact, found):
    r = client.get("/api/search", params={"q": query, "exact": "1" if exact else "",
                                          "role": "informant"})
    assert r.status_code == 200, r.text
    hits = r.json()["hits"]
    assert [h["match"] for h in hits] == found
    text = client.project.document_view("intervju_b.txt")["text"]
    for h in hits:
        assert text[h["start"]:h["end"]] == h["match"] and h["case"] == "B"
        a, b = h["sentence"]
        assert a <= h["start"] < h["end"] <= b and text[a:b].endswith(("?", ".", "!"))


def test_search_routes_informant_only_leaves_out_questions(client):
    everyone = client.get("/api/search", params={"q": "tallfeste"}).json()["hits"]
    informant = client.get("/api/search", params={"q": "tallfeste",
                                                  "role": "informant"}).json()["hits"]
    assert len(everyone) == 2 and len(informant) == 1  # «Kan resultater tallfestes» asks


def test_search_routes_code_the_hits_as_one_undoable_step(client):
    r = post(client, "/api/search/code", {"q": "måned", "role": "informant",
                                          "code": "tilbakemelding.synspunkt"})
    assert r.status_code == 200, r.text
    assert r.json() == {"coded": 2, "hits": 2}
    made = client.project.store.codings()
    assert {(c.coder, c.origin) for c in made} == {("KN", "search:måned")} and len(made) == 2
    assert client.project.history()["command"][0] == "search 'måned' --code " \
        "tilbakemelding.synspunkt"  # one step, latest
    assert client.get("/api/undo").json()["undo"].startswith("search 'måned'")
    assert post(client, "/api/undo").status_code == 200
    assert client.project.store.codings() == []
    assert client.get("/api/undo").json()["redo"].startswith("search 'måned'")


@pytest.mark.parametrize("body,status", [({"q": "", "code": "motivasjon"}, 400),
                                         ({"q": "måned", "code": "nokode"}, 400),
                                         ({"q": "måned"}, 400)])
def test_search_routes_refuse_what_cannot_be_coded(client, body, status):
    assert post(client, "/api/search/code", body).status_code == status
    assert client.project.store.codings() == []


def test_search_routes_undo_state_follows_the_coder(client):
    assert client.get("/api/undo").json() == {"undo": None, "redo": None}
    assert post(client, "/api/codings", {**turn_span(client.project, "det meste"),
                                         "code": "motivasjon"}).status_code == 201
    state = client.get("/api/undo").json()
    assert state["undo"] and state["redo"] is None
    post(client, "/api/undo")
    state = client.get("/api/undo").json()
    assert state["undo"] is None and state["redo"]


def test_search_routes_a_cell_lists_the_quotes_it_counts(client):
    p = client.project
    for quote, code in (("det meste kan tallfestes", "tilbakemelding.synspunkt"),
                        ("det meste kan tallfestes", "tilbakemelding.rutiner"),
                        ("glede og litt press", "motivasjon")):
        assert post(client, "/api/codings", {**turn_span(p, quote), "code": code}).status_code == 201
    m = client.get("/api/matrix").json()
    assert m["matrix"]["B"]["tilbakemelding"]["n"] == 1  # one segment, two sub-codes
    assert m["totals"]["case"]["B"]["n"] == 2 and m["totals"]["all"]["n"] == 2
    assert m["totals"]["theme_cases"] == {"tilbakemelding": 1, "rangering": 0,
                                          "deltakelse": 0, "frihet": 0, "motivasjon": 1,
                                          "historikk": 0}
    assert m["totals"]["code"]["tilbakemelding.rutiner"]["n"] == 1
    (q,) = client.get("/api/quotes", params={"code": "tilbakemelding", "case": "B"}).json()[
        "quotes"]
    assert q["text"] == "det meste kan tallfestes"
    assert q["codes"] == ["tilbakemelding.rutiner", "tilbakemelding.synspunkt"]
    every = client.get("/api/quotes", params={"case": "B"}).json()["quotes"]
    assert [x["text"] for x in every] == ["glede og litt press", "det meste kan tallfestes"]
    assert client.get("/api/quotes", params={"code": "nokode"}).status_code == 400
    assert client.get("/api/quotes", params={"case": "Q"}).status_code == 404


def test_search_routes_tables_switch_between_coders(client):
    p = client.project
    p.set_answer("B", "tallfestes", "Ja", "KN")
    p.set_answer("B", "tallfestes", "Nei", "BHO")
    mine = client.get("/api/tables").json()
    assert (mine["coder"], mine["coders"]) == ("KN", ["BHO", "KN"])
    theirs = client.get("/api/tables", params={"coder": "BHO"}).json()
    rows = {r[0]: r[1] for r in theirs["tables"][0]["rows"]}
    assert theirs["coder"] == "BHO" and rows["Nei"] == 1 and rows["Ja"] == 0


def test_search_routes_every_api_path_is_in_the_readme():
    # issue 14: the JSON API behind the pages is documented in the README
    import re

    from conftest import CODEBOOK
    from qualmrs.web.routes import routes

    readme = (CODEBOOK.parents[1] / "README.md").read_text(encoding="utf-8")
    paths = {re.sub(r"\{(\w+)(:\w+)?\}", lambda m: m.group(1).upper(), r.path)
             for r in routes() if getattr(r, "path", "").startswith("/api/")}
    missing = [p for p in sorted(paths) if not re.search(re.escape(p) + r"[`?\s]", readme)]
    assert not missing
