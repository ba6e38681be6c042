"""Issue 15, item 3, in the browser's API: during a blind round every GET answer shows a
coder only their own work on the round's documents (the front door hides it, given the
person asking); after the close all of it is there; owners open, close and decide."""

import json

import pytest
from conftest import MARK, login
from starlette.routing import Route
from starlette.testclient import TestClient

from qualmrs.web import create_app
from qualmrs.web.routes import routes

# what to put in each GET route's path and query to reach the round's document and case
FILL = {"name": "intervju_b.txt", "case": "B", "id": "1"}
QUERY = {"/api/quotes": "?code=tilbakemelding", "/api/search": "?q=tavla",
         "/api/summaries/cell": "?case=B&theme=tilbakemelding",
         "/api/suggestions/next": "?document=intervju_b.txt",
         "/api/tables": "", "/api/history": "?limit=500"}


def _get_routes() -> list[str]:
    out = []
    for r in routes():
        if isinstance(r, Route) and "GET" in (r.methods or ()) and r.path.startswith("/api/"):
            if r.path == "/api/events":  # a stream that never ends; its blindness is tested
                continue                 # in test_live_routes (test_live_blind_viewer_*)
            path = r.path
            for key, value in FILL.items():
                path = path.replace(f"{{{key}}}", value).replace(f"{{{key}:path}}", value) \
                    .replace(f"{{{key}:int}}", value)
            out.append(path + QUERY.get(r.path, ""))
    return out


def _ola_coding(project):
    (c,) = [c for c in project.store.codings(coder="ola")]
    return c


def _shows(body, coding) -> bool:
    """Whether a JSON answer holds ola's coding: its memo, or its span and code together."""
    if MARK in json.dumps(body, ensure_ascii=False):
        return True

    def walk(x):
        if isinstance(x, dict):
            if x.get("start") == coding.start and x.get("end") == coding.end and \
                    x.get("code") == coding.code:
                return True
            return any(walk(v) for v in x.values())
        if isinstance(x, list):
            return any(walk(v) for v in x)
        return isinstance(x, str) and f"{coding.start}-{coding.end} {coding.code}" in x
    return walk(body)


@pytest.fixture
def team_client(team_round):
    def client(name):
        c = TestClient(create_app(team_round, team=True, hosts=("testserver",)))
        login(c, name)
        return c
    return client


def test_rounds_routes_blind_viewer_never_sees_another_coders_coding(team_round, team_client):
    coding = _ola_coding(team_round)
    eva, kari = team_client("eva"), team_client("kari")
    paths = _get_routes()
    assert len(paths) >= 15 and "/api/documents/intervju_b.txt" in paths
    for path in paths:
        r = eva.get(path)
        assert r.status_code in (200, 400, 403), (path, r.text)
        assert not _shows(r.json(), coding), path
    # the owner sees it during the round; eva sees it once the owner has closed it
    assert _shows(kari.get("/api/documents/intervju_b.txt").json(), coding)
    assert kari.post("/api/rounds/close", headers={"X-CSRF-Token": kari.csrf}).status_code \
        == 200
    seen = {p for p in paths if eva.get(p).status_code == 200 and _shows(eva.get(p).json(),
                                                                         coding)}
    assert {"/api/documents/intervju_b.txt", "/api/history?limit=500"} <= seen, seen
    assert _shows(eva.get("/api/quotes?code=tilbakemelding&coder=ola").json(), coding)


def test_rounds_routes_progress_counts_but_no_contents(team_client):
    r = team_client("eva").get("/api/rounds").json()
    assert r["open"]["coders"] == ["ola", "eva"] and r["me"] == {"name": "eva",
                                                                 "role": "coder"}
    assert r["progress"] == {"ola": {"codings": 1, "answers": 1},
                             "eva": {"codings": 1, "answers": 0}}
    assert MARK not in json.dumps(r)


@pytest.mark.parametrize("method, path, body", [
    ("POST", "/api/rounds/close", None),
    ("POST", "/api/rounds", {"documents": ["intervju_c.txt"], "coders": ["ola", "eva"]}),
    ("POST", "/api/rounds/1/decisions", {"decisions": {"x": "yes"}}),
])
def test_rounds_routes_only_an_owner_opens_closes_and_decides(team_round, team_client,
                                                              method, path, body):
    ola = team_client("ola")
    r = ola.request(method, path, json=body, headers={"X-CSRF-Token": ola.csrf})
    assert r.status_code == 403 and "only an owner" in r.json()["error"]
    assert team_round.round().is_open and len(team_round.rounds()) == 1


def test_rounds_routes_owner_closes_then_decides_into_consensus(team_round, team_client):
    kari = team_client("kari")
    post = lambda url, body=None: kari.post(url, json=body,  # noqa: E731
                                           headers={"X-CSRF-Token": kari.csrf})
    blind = team_client("eva").get("/api/rounds/1/agreement")
    assert blind.status_code == 400 and "blind round 1 is open" in blind.json()["error"]
    assert post("/api/rounds/close").status_code == 200
    agreement = kari.get("/api/rounds/1/agreement").json()
    codings, _ = team_round.round_agreement(1)
    expected = codings.set_index("code")
    for row in agreement["codes"]:
        if row["kappa"] is not None:
            assert row["kappa"] == pytest.approx(expected.loc[row["code"], "kappa"])
    assert "unit: informant turn" in agreement["heading"]
    listed = kari.get("/api/rounds/1/disagreements").json()
    assert listed["of"] == 2 and listed["decided"] == 0  # one code each (the answer: ola alone)
    for row in listed["rows"]:
        decision = "yes" if row["kind"] == "turn" else row["said"]["ola"]
        r = post("/api/rounds/1/decisions", {"decisions": {row["key"]: decision}})
        assert r.status_code == 200, r.text
    assert kari.get("/api/rounds/1/disagreements").json()["decided"] == 2
    tables = kari.get("/api/tables").json()
    assert tables["coder"] == "consensus"
    assert {c.code for c in team_round.store.codings(coder="consensus")} == \
        {"tilbakemelding.synspunkt", "rangering"}
    assert post("/api/undo").json()["undone"][0]["command"].startswith("decide round 1 ")
    assert kari.get("/api/rounds/1/disagreements").json()["decided"] == 1


def test_rounds_routes_local_mode_the_one_person_owns_and_names_the_coders(two_interviews):
    import re

    c = TestClient(create_app(two_interviews, token="t", coder="kari", hosts=("testserver",)))
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', c.get("/rounds?token=t").text)[1]
    state = c.get("/api/rounds").json()
    assert state["me"] == {"name": "kari", "role": "owner"} and not state["users"]
    r = c.post("/api/rounds", json={"documents": ["intervju_b.txt"], "coders": ["ola", "eva"]},
               headers={"X-CSRF-Token": csrf})
    assert r.status_code == 201, r.text
    assert r.json()["round"] == {**r.json()["round"], "blind": True, "opened_by": "kari",
                                 "documents": ["intervju_b.txt"], "coders": ["ola", "eva"]}
    two_interviews.code("intervju_b.txt", 3, 10, "rangering", "ola")
    assert c.get("/api/documents/intervju_b.txt").json()["codings"]  # kari is not a coder
