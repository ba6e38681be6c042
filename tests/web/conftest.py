"""A small project served on a free local port, and Debian's Chromium to look at it."""

import contextlib
import json
import queue
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

import qualmrs

CODEBOOK = Path(__file__).resolve().parents[2] / "codebooks" / "mrs_nav.yaml"

# Marks that move UTF-16 offsets away from code points (😀, 🧑‍🏫), a combining mark that NFC
# keeps apart (r + U+0332) and æøå: what the browser counts and the store counts must agree.
STUDY = """\
A: Hvordan følger dere opp målene på kontoret?
B: Vi går gjennom målekortet hver måned 😀, og de ansatte får se tallene på tavla.
Det gir både glede og litt press, må jeg si. Lærer\u0332n 🧑‍🏫 på nabokontoret gjør det samme.
A: Kan resultater tallfestes, tenker du?
B: Ja, det meste kan tallfestes. Men brukeren som føler seg sett står ikke i noen tabell.
A: Sammenliknes kontorene i fylket?
B: Ja, vi får en rangering hver måned, og vi ligger ganske høyt på lista.
"""


@pytest.fixture
def served_project(tmp_path):
    """A project of one interview (case B, coded by nobody yet), with rule suggestions."""
    folder = tmp_path / "study"
    folder.mkdir()
    (folder / "intervju_b.txt").write_text(STUDY, encoding="utf-8")
    (folder / "cases.csv").write_text("case,fylke\nB,Vestfylket\n", encoding="utf-8")
    project = qualmrs.create(tmp_path / "p.db", CODEBOOK)
    project.ingest([folder / "intervju_b.txt"], folder / "cases.csv")
    project.suggest(rules=True, model=False)
    project.suggest_answers()
    yield project
    project.close()


def _two_interviews(tmp_path, where):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "intervju_b.txt").write_text(STUDY, encoding="utf-8")
    (folder / "intervju_c.txt").write_text(STUDY.replace("B:", "C:", 2).replace("B:", "D:"),
                                           encoding="utf-8")
    (folder / "cases.csv").write_text("case,fylke\nB,Vestfylket\nC,Nordfylket\nD,Sørfylket\n",
                                      encoding="utf-8")
    project = qualmrs.create(where, CODEBOOK)
    project.ingest([folder / "intervju_b.txt", folder / "intervju_c.txt"],
                   folder / "cases.csv")
    return project


@pytest.fixture
def two_interviews(tmp_path):
    """Interviews B and C (C's informant speaks first as C, then as D), coded by nobody."""
    project = _two_interviews(tmp_path, tmp_path / "two.db")
    yield project
    project.close()


PASSWORD = "hemmelig passord"
TEAM = {"kari": "owner", "ola": "coder", "per": "viewer"}


@pytest.fixture
def team_project(backend, tmp_path):
    """Interview B on SQLite or PostgreSQL, with an owner (kari), a coder (ola) and a viewer
    (per), each with the password ``PASSWORD``."""
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "intervju_b.txt").write_text(STUDY, encoding="utf-8")
    project = qualmrs.create(backend, CODEBOOK)
    project.ingest([folder / "intervju_b.txt"])
    for name, role in TEAM.items():
        project.add_user(name, PASSWORD, role)
    yield project
    project.close()


@pytest.fixture
def team_interviews(tmp_path, backend):
    """The two interviews on SQLite and on PostgreSQL, and a second Project on the same
    database (``.other``: another process, the CLI, another server)."""
    project = _two_interviews(tmp_path, backend)
    project.other = qualmrs.open(backend)
    yield project
    project.other.close()
    project.close()


MARK = "OLA-SIN-MERKNAD"  # the memo of ola's coding: a blind eva must never see it


@pytest.fixture
def team_round(two_interviews):
    """Interviews B and C with an owner (kari) and two coders (ola, eva); a blind round on
    intervju_b.txt is open, in which ola has coded one span (memo ``MARK``) and answered a
    question for case B, and eva has coded another span."""
    project = two_interviews
    for name, role in (("kari", "owner"), ("ola", "coder"), ("eva", "coder")):
        project.add_user(name, PASSWORD, role)
    project.open_round(["intervju_b.txt"], ["ola", "eva"], by="kari", password=PASSWORD)
    text = project.document_view("intervju_b.txt")["text"]
    ola = text.index("de ansatte får se tallene på tavla")
    project.code("intervju_b.txt", ola, ola + 34, "tilbakemelding.synspunkt", "ola", memo=MARK)
    eva = text.index("det meste kan tallfestes")
    project.code("intervju_b.txt", eva, eva + 24, "rangering", "eva")
    question = project.codebook.questions[0]
    project.set_answer("B", question.key, project.codebook.scale_of(question.key)
                       .categories[0], "ola", evidence=MARK)
    return project


def login(client, name: str) -> None:
    """Log ``client`` (a TestClient of a team app) in as ``name``; keeps the CSRF token."""
    import re

    r = client.post("/login", data={"name": name, "password": PASSWORD, "next": "/"})
    assert r.status_code == 200, r.text
    client.csrf = re.search(r'name="csrf-token" content="([^"]+)"', r.text).group(1)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, not a downloaded one (Playwright's download cannot be reached)
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium",
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]}


@contextlib.contextmanager
def running(project, coder: str = "KN", token: str = "t0ken", refit_every: int | None = 1000):
    """Serve ``project`` on a free 127.0.0.1 port in a thread; yields the base URL.
    ``refit_every=None``: as ``qualmrs serve`` does."""
    from qualmrs.web import create_app
    from qualmrs.web.server import in_thread

    extra = {} if refit_every is None else {"refit_every": refit_every}
    with in_thread(create_app(project, token=token, coder=coder, **extra)) as base:
        yield base


def signed_in(project, coder: str, token: str = "t0ken"):
    """A Starlette TestClient of ``project``'s app for ``coder``, signed in, with
    ``.send(method, url, body)`` carrying the CSRF token."""
    import re

    from starlette.testclient import TestClient

    from qualmrs.web import create_app

    client = TestClient(create_app(project, token=token, coder=coder, hosts=("testserver",)))
    page = client.get(f"/?token={token}")
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)
    client.send_json = lambda method, url, body=None: client.request(
        method, url, json=body, headers={"X-CSRF-Token": csrf})
    return client


class EventStream:
    """``GET /api/events`` read in a thread, as a browser's EventSource would: ``next(timeout)``
    gives the next message as ``{"id", "event", "data", "at"}`` (``at``: time.monotonic() on
    arrival), None when none came in time. Ready once the server said ``retry:`` (it then
    watches the history)."""

    END = object()

    def __init__(self, base: str, token: str = "t0ken", headers: dict | None = None,
                 params: dict | None = None):
        import httpx

        self.queue: queue.Queue = queue.Queue()
        self.status = None
        self.ended = threading.Event()
        self._response = None
        self._ready = threading.Event()
        self._client = httpx.Client(timeout=httpx.Timeout(10, read=None))
        self._thread = threading.Thread(target=self._read, daemon=True, args=(
            base + "/api/events", {"Authorization": f"Bearer {token}", **(headers or {})},
            params or {}))
        self._thread.start()
        assert self._ready.wait(10), "the event stream did not start"

    def _read(self, url, headers, params) -> None:
        try:
            with self._client.stream("GET", url, headers=headers, params=params) as r:
                self._response, self.status = r, r.status_code
                message: dict = {}
                for line in r.iter_lines():
                    if line.startswith("retry:"):
                        self._ready.set()
                    elif not line:
                        if "data" in message:
                            self.queue.put({**message, "at": time.monotonic()})
                        message = {}
                    elif not line.startswith(":"):
                        field, _, value = line.partition(":")
                        value = value.removeprefix(" ")
                        message[field] = json.loads(value) if field == "data" else value
        except Exception:  # closed under it by close(), or by the server
            pass
        finally:
            self.ended.set()
            self._ready.set()

    def next(self, timeout: float = 3.0):
        try:
            return self.queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        """Hang up as a closed browser tab does (shutting the socket down wakes the reading
        thread; closing the response from here would wait for it)."""
        if self._response is not None and not self.ended.is_set():
            sock = self._response.extensions["network_stream"].get_extra_info("socket")
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._client.close()
        self._thread.join(timeout=5)


@pytest.fixture
def listen():
    """``listen(base, **kw)`` opens an EventStream; every one is closed after the test."""
    streams = []

    def open_stream(base: str, **kw) -> EventStream:
        streams.append(EventStream(base, **kw))
        return streams[-1]
    yield open_stream
    for s in streams:
        s.close()


@pytest.fixture
def live_server(served_project):
    """``(base URL, the project)``; the server stops with the test."""
    with running(served_project) as base:
        yield base, served_project


@pytest.fixture
def page_errors(page):
    """The page's console errors and uncaught exceptions; a browser test fails on any."""
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield errors
    assert not errors, errors


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Playwright's waiting helpers evaluate strings, which the pages' CSP forbids (it keeps
    # the pages' own scripts to files); the test's helpers may, the pages still may not.
    return {**browser_context_args, "bypass_csp": True}


def _offer_the_top_conftest_names() -> None:
    """pytest imports this file as "conftest" in place of tests/conftest.py, so a test module
    collected after it that does `from conftest import ROOT` would find this one: offer the
    top one's helpers (not its fixtures, which pytest already registered) here as well."""
    top = sys.modules["qualmrs_tests_conftest"]
    here = globals()
    for name, value in vars(top).items():
        fixture = hasattr(value, "_pytestfixturefunction") or \
            type(value).__name__ == "FixtureFunctionDefinition"
        if not name.startswith("_") and name not in here and not fixture:
            here[name] = value


_offer_the_top_conftest_names()
