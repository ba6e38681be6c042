"""Issue 15: the suggestion model's background refit runs in its own process, one at a time,
and at most once per ``refit_seconds`` however many decisions arrive."""

import os
import re
import time

import pytest
from starlette.testclient import TestClient

from qualmrs.web import create_app

TOKEN = "s3cret"
QUOTES = ["det meste kan tallfestes", "Vi bruker kvalitetsindikatorer"]


def app_client(project, **refit):
    c = TestClient(create_app(project, token=TOKEN, coder="KN", hosts=("testserver",),
                              **refit))
    page = c.get(f"/?token={TOKEN}")
    c.headers["X-CSRF-Token"] = re.search(r'name="csrf-token" content="([^"]+)"',
                                          page.text).group(1)
    c.refit = c.app.state.site.refit
    return c


def code_words(client, n: int) -> None:
    """``n`` decisions: codings of single words of the interview, each a new one."""
    text = client.get("/api/documents/intervju_b.txt").json()["text"]
    words = [(m.start(), m.end()) for m in re.finditer(r"\w{4,}", text[text.index(":") + 1:])]
    shift = text.index(":") + 1
    codes = [c["key"] for c in client.get("/api/codebook").json()["codes"]]
    for i in range(n):
        a, b = words[i]
        r = client.post("/api/codings", json={"document": "intervju_b.txt", "start": a + shift,
                                              "end": b + shift, "text": text[a + shift:b + shift],
                                              "code": codes[i % len(codes)]})
        assert r.status_code == 201, r.text


def finished(client, refits: int, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get("/api/suggest").json()
        if not status["running"] and status["refits"] >= refits:
            return status
        time.sleep(0.1)
    pytest.fail(f"no refit finished in {timeout} s: {status}")


def test_refit_runs_in_another_process_and_stores_suggestions(served_project):
    client = app_client(served_project, refit_every=10**6)
    code_words(client, 6)
    steps = len(served_project.history())
    r = client.post("/api/suggest")
    assert r.json()["started"] is True
    status = finished(client, 1)
    assert status["error"] == ""
    assert client.refit.pid is not None and client.refit.pid != os.getpid()
    # its suggestions came through the front door: steps of the history
    history = served_project.history()
    assert len(history) > steps and "suggest" in " ".join(history["command"][:-steps])


def test_refit_many_decisions_start_at_most_one_per_interval(served_project):
    # issue 15: with 20 coders a refit started every 10 decisions, i.e. nearly always
    client = app_client(served_project, refit_every=1, refit_seconds=60)
    code_words(client, 8)
    finished(client, 1)
    code_words(client, 8)  # decisions after the refit finished, within the interval
    assert client.refit.started == 1
    assert client.get("/api/suggest").json()["decisions"] >= 8  # kept for the next one


def test_refit_starts_again_once_the_interval_has_passed(served_project):
    client = app_client(served_project, refit_every=1, refit_seconds=0.5)
    code_words(client, 1)
    finished(client, 1)
    time.sleep(0.6)
    code_words(client, 1)
    assert client.refit.started == 2
    finished(client, 2)
