"""Issue 15, item 2: `qualmrs serve --team` through Starlette's TestClient: logging in (and
its limits), logging out, roles on every route, sessions that outlive a restart."""

import re

import pytest
from starlette.testclient import TestClient

from conftest import PASSWORD
from qualmrs.web import create_app
from qualmrs.web.routes import routes
from qualmrs.web.security import SAFE

QUOTE = "de ansatte får se tallene på tavla"


def team_client(project):
    return TestClient(create_app(project, team=True, hosts=("testserver",)))


def login(client, name, password=PASSWORD, next_="/", **headers):
    return client.post("/login", data={"name": name, "password": password, "next": next_},
                       headers=headers, follow_redirects=False)


def signed_in(project, name, app=None):
    """A client (of ``app``, else a new one) logged in as ``name``, its CSRF token in
    ``client.csrf``."""
    c = TestClient(app) if app is not None else team_client(project)
    assert login(c, name).status_code == 303
    c.csrf = c.get("/api/session").json()["csrf"]
    return c


def send(client, method, url, body=None):
    return client.request(method, url, json=body, headers={"X-CSRF-Token": client.csrf})


def span(project, quote=QUOTE):
    text = project.document_view("intervju_b.txt")["text"]
    start = text.index(quote)
    return {"document": "intervju_b.txt", "start": start, "end": start + len(quote),
            "text": quote}


def test_team_login_sets_a_session_and_goes_to_the_page_asked_for(team_project):
    c = team_client(team_project)
    r = login(c, "ola", next_="/tables?coder=ola")
    assert r.status_code == 303 and r.headers["location"] == "/tables?coder=ola"
    cookie = r.headers["set-cookie"]
    assert "qualmrs_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    session = c.get("/api/session").json()
    assert {k: session[k] for k in ("name", "role", "team")} == {
        "name": "ola", "role": "coder", "team": True}
    assert len(session["csrf"]) > 20
    assert c.get("/tables").status_code == 200


@pytest.mark.parametrize("path", ["/", "/tables?coder=ola", "/doc/intervju_b.txt", "/people"])
def test_team_pages_send_who_is_not_signed_in_to_login(served_project, path):
    served_project.add_user("kari", PASSWORD, "owner")
    r = team_client(served_project).get(path, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    page = team_client(served_project).get(path)  # the login page, which sends them back
    assert page.status_code == 200 and 'name="password"' in page.text
    assert re.search(r'name="next" value="([^"]*)"', page.text).group(1) == path


@pytest.mark.parametrize("path", ["/api/documents", "/api/session", "/api/users",
                                  "/api/codings"])
def test_team_api_without_login_is_401(served_project, path):
    served_project.add_user("kari", PASSWORD, "owner")
    c = team_client(served_project)
    r = c.get(path) if path != "/api/codings" else c.post(path, json={})
    assert r.status_code == 401 and r.json()["error"].startswith("not signed in")


@pytest.mark.parametrize("name,password", [("ola", "feil passord"), ("nobody", PASSWORD),
                                           ("", "")])
def test_team_wrong_login_does_not_say_which_part_was_wrong(served_project, name, password):
    served_project.add_user("ola", PASSWORD, "coder")
    c = team_client(served_project)
    r = login(c, name, password)
    assert r.status_code == 401 and "set-cookie" not in r.headers
    assert "Wrong user name or password." in r.text
    assert c.get("/api/session").status_code == 401


@pytest.fixture
def counted(served_project, monkeypatch):
    """The project with a count of the passwords checked, in ``project.checked``."""
    served_project.add_user("ola", PASSWORD, "coder")
    served_project.checked = 0
    check = served_project.check_login

    def counting(name, password):
        served_project.checked += 1
        return check(name, password)
    monkeypatch.setattr(served_project, "check_login", counting)
    return served_project


@pytest.mark.parametrize("names,limit", [(["ola"] * 5, 5), ([f"u{i}" for i in range(20)], 20)])
def test_team_login_rate_limited_without_checking_the_password(counted, names, limit):
    c = team_client(counted)
    for name in names:
        assert login(c, name, "feil passord").status_code == 401
    assert counted.checked == limit
    name = names[-1] if limit == 5 else "ola"  # by name; by address: any name
    r = login(c, name, PASSWORD if name == "ola" else "x")
    assert r.status_code == 429 and 0 < int(r.headers["retry-after"]) <= 300
    assert "Too many failed logins" in r.text and "set-cookie" not in r.headers
    r = login(c, "ola", PASSWORD)  # the right password does not get through either
    assert r.status_code == 429 and counted.checked == limit


def test_team_login_limit_counts_failures_in_the_window_only():
    from qualmrs.web.login import Limiter

    now = [1000.0]
    limiter = Limiter(clock=lambda: now[0])
    for _ in range(5):
        limiter.failed("ola", "10.0.0.1")
    assert limiter.wait("ola", "10.0.0.2") == 300 and limiter.wait("eva", "10.0.0.2") == 0
    now[0] += 299.5
    assert limiter.wait("ola", "10.0.0.2") == 1
    now[0] += 1
    assert limiter.wait("ola", "10.0.0.2") == 0


@pytest.mark.parametrize("target,goes", [
    ("/tables?coder=ola", "/tables?coder=ola"),
    ("//evil.example/x", "/"), ("https://evil.example/", "/"), ("/\\evil.example", "/"),
    ("javascript:alert(1)", "/"), ("/login", "/"), ("", "/")])
def test_team_login_redirects_only_to_a_local_path(served_project, target, goes):
    served_project.add_user("ola", PASSWORD, "coder")
    r = login(team_client(served_project), "ola", next_=target)
    assert r.status_code == 303 and r.headers["location"] == goes


@pytest.mark.parametrize("headers", [{"Sec-Fetch-Site": "cross-site"},
                                     {"Origin": "http://evil.example"}])
def test_team_login_from_another_site_refused(counted, headers):
    r = login(team_client(counted), "ola", **headers)
    assert r.status_code == 403 and "set-cookie" not in r.headers and counted.checked == 0


def test_team_logout_ends_the_session(served_project):
    served_project.add_user("ola", PASSWORD, "coder")
    c = signed_in(served_project, "ola")
    assert c.post("/logout").status_code == 403  # without the CSRF token
    r = send(c, "POST", "/logout")
    assert r.status_code == 200 and r.json()["next"] == "/login"
    assert c.get("/api/session").status_code == 401


def changing_routes():
    """Every (method, path) that changes something, from the route list itself."""
    out = []
    for r in routes():
        for method in sorted(getattr(r, "methods", None) or ()):
            if method not in SAFE and r.path not in ("/login", "/logout"):
                out.append((method, re.sub(r"\{\w+(:int)?\}", lambda m: "1" if m.group(1)
                                           else "kari", r.path)))
    return out


@pytest.mark.parametrize("method,path", changing_routes())
def test_team_viewer_refused_on_every_changing_route(served_project, method, path):
    served_project.add_user("kari", PASSWORD, "owner")
    served_project.add_user("per", PASSWORD, "viewer")
    events = served_project.store.counts()["events"]
    r = send(signed_in(served_project, "per"), method, path,
             {**span(served_project), "code": "motivasjon", "case": "B", "question": "q",
              "category": "Ja", "q": "tallene", "name": "x", "role": "owner",
              "password": "12345678"})
    assert r.status_code == 403, (path, r.text)
    assert r.json()["error"].startswith(("viewers cannot change the project", "only an owner"))
    assert served_project.store.counts()["events"] == events
    assert [u.name for u in served_project.users()] == ["kari", "per"]


def test_team_viewer_reads_what_a_coder_reads(served_project):
    served_project.add_user("per", PASSWORD, "viewer")
    c = signed_in(served_project, "per")
    for path in ("/", "/doc/intervju_b.txt", "/tables", "/search", "/api/documents",
                 "/api/tables", "/api/undo"):
        assert c.get(path).status_code == 200, path
    assert 'id="undo"' not in c.get("/doc/intervju_b.txt").text  # no undo for a reader


@pytest.mark.parametrize("name", ["ola", "per"])
@pytest.mark.parametrize("method,path", [("GET", "/people"), ("GET", "/api/users"),
                                         ("POST", "/api/users"), ("PATCH", "/api/users/kari"),
                                         ("DELETE", "/api/users/kari")])
def test_team_people_are_for_owners_only(served_project, name, method, path):
    for user, role in (("kari", "owner"), ("ola", "coder"), ("per", "viewer")):
        served_project.add_user(user, PASSWORD, role)
    r = send(signed_in(served_project, name), method, path,
             {"name": "eva", "role": "owner", "password": "12345678"})
    assert r.status_code == 403
    assert [u.role for u in served_project.users()] == ["owner", "coder", "viewer"]
    owner = signed_in(served_project, "kari")
    assert owner.get(path if method == "GET" else "/api/users").status_code == 200


def test_team_owner_manages_the_people(team_project):
    owner = signed_in(team_project, "kari")
    assert 'href="/people"' in owner.get("/").text and owner.get("/people").status_code == 200
    r = send(owner, "POST", "/api/users", {"name": "eva", "role": "viewer",
                                           "password": "eva sitt passord"})
    assert r.status_code == 201 and r.json()["user"]["role"] == "viewer"
    assert send(owner, "POST", "/api/users", {"name": "eva", "role": "coder",
                                              "password": "x" * 8}).status_code == 400
    assert send(owner, "POST", "/api/users", {"name": "liv", "role": "coder",
                                              "password": "kort"}).status_code == 400
    assert send(owner, "PATCH", "/api/users/eva", {"role": "coder",
                                                   "password": "nytt passord"}).is_success
    assert team_project.check_login("eva", "nytt passord").role == "coder"
    assert send(owner, "PATCH", "/api/users/nobody", {"role": "coder"}).status_code == 400
    r = send(owner, "DELETE", "/api/users/eva")
    assert [u["name"] for u in r.json()["users"]] == ["kari", "ola", "per"]
    r = send(owner, "PATCH", "/api/users/kari", {"role": "coder"})
    assert r.status_code == 400 and "last owner" in r.json()["error"]


def test_team_removed_user_or_changed_role_takes_effect(team_project):
    app = create_app(team_project, team=True, hosts=("testserver",))
    ola = signed_in(team_project, "ola", app)
    assert send(ola, "POST", "/api/codings", {**span(team_project), "code": "motivasjon"}
                ).status_code == 201
    owner = signed_in(team_project, "kari", app)
    assert send(owner, "PATCH", "/api/users/ola", {"role": "viewer"}).is_success
    r = send(ola, "POST", "/api/codings", {**span(team_project), "code": "motivasjon"})
    assert r.status_code == 403 and ola.get("/api/session").json()["role"] == "viewer"
    assert send(owner, "DELETE", "/api/users/ola").is_success
    assert ola.get("/api/documents").status_code == 401  # the old cookie stops working
    assert ola.get("/", follow_redirects=False).headers["location"] == "/login"


def test_team_role_changed_elsewhere_is_read_again(served_project, monkeypatch):
    from qualmrs.web.app import Site

    served_project.add_user("kari", PASSWORD, "owner")
    served_project.add_user("ola", PASSWORD, "coder")
    monkeypatch.setattr(Site, "role_ttl", 0.0)  # the cache's lifetime, not its existence
    ola = signed_in(served_project, "ola")
    served_project.set_role("ola", "viewer")  # as `qualmrs user` or another server would
    assert ola.get("/api/session").json()["role"] == "viewer"
    served_project.remove_user("ola")
    assert ola.get("/api/session").status_code == 401


def test_team_each_person_codes_as_themselves(team_project):
    ola = signed_in(team_project, "ola")
    assert send(ola, "POST", "/api/codings", {**span(team_project), "code": "motivasjon",
                                              "coder": "kari"}).status_code == 201
    (c,) = team_project.store.codings()
    assert c.coder == "ola"
    assert team_project.history()["who"][0] == "ola"


def test_team_session_survives_a_restart_with_the_same_store(team_project, backend):
    import qualmrs

    first = signed_in(team_project, "ola")
    cookie = first.cookies.get("qualmrs_session")
    with qualmrs.open(backend) as again:  # a new process would do the same
        later = team_client(again)
        later.cookies.set("qualmrs_session", cookie)
        assert later.get("/api/session").json()["name"] == "ola"
        later.csrf = "forged"
        assert send(later, "POST", "/api/codings", {
            **span(again), "code": "motivasjon"}).status_code == 403  # its CSRF token only
        later.csrf = first.csrf
        assert send(later, "POST", "/api/codings", {**span(again), "code": "motivasjon"}
                    ).status_code == 201


def test_team_forged_cookie_refused(team_project):
    c = team_client(team_project)
    from itsdangerous import URLSafeTimedSerializer

    forged = URLSafeTimedSerializer("guessed", salt="qualmrs-session").dumps(
        {"csrf": "x", "coder": "kari", "role": "owner"})
    c.cookies.set("qualmrs_session", forged)
    assert c.get("/api/session").status_code == 401


def test_team_local_mode_person_is_the_coder_who_owns_the_project(served_project):
    c = TestClient(create_app(served_project, token="t", coder="KN", hosts=("testserver",)))
    c.get("/?token=t")
    session = c.get("/api/session").json()
    assert (session["name"], session["role"], session["team"]) == ("KN", "owner", False)
    assert c.get("/login", follow_redirects=False).headers["location"] == "/"


def test_team_mode_takes_no_token_or_coder(served_project):
    with pytest.raises(ValueError):
        create_app(served_project, team=True, coder="KN")
    with pytest.raises(ValueError):
        create_app(served_project, team=True, token="t")

