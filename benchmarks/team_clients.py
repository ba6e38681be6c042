"""Simulated coders for benchmarks/team_load.py: each an HTTP client of `qualmrs serve` that
codes, recodes, uncodes and undoes on the sample's turns, and remembers what the server
acknowledged.

A coder keeps a model of its own codings (id → document, start, end, code) and, for undo,
the model as it was before each of its steps. An acknowledged action updates the model. An
action whose answer never came (the server was killed, the connection cut) is
*unacknowledged*: adding, recoding and uncoding are sent again until answered, which is safe
because the server stores a coding once per document, span, code and coder (a repeat adds
nothing and makes no step), recoding to the code a coding has changes nothing, and a coding
already gone answers 404. Undo is not safe to send twice (it would take back one step more),
so an unanswered undo is not sent again: the coder reads its codings back and finds them
either as before the undo or as after it (anything else breaks at-most-once).
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field

RETRY_FOR = 60.0  # seconds a request is sent again while the server cannot be reached
ACTIONS = (("add", 0.5), ("recode", 0.2), ("uncode", 0.15), ("undo", 0.15))
# what the server answers when the connection broke while it committed (store/units.py):
# it cannot tell whether the change was kept
UNKNOWN = "may or may not have been kept"


@dataclass
class Tally:
    """What one coder did and saw."""

    actions: Counter = field(default_factory=Counter)  # kind → actions finished
    acknowledged: int = 0
    unacknowledged: int = 0  # actions with at least one request that got no answer
    landed: int = 0  # unanswered undos found done on reading back
    steps: int = 0  # steps of the history this coder's actions made (do)
    undos: int = 0  # steps undone
    latencies: dict = field(default_factory=lambda: {"write": [], "read": []})
    sent: dict = field(default_factory=lambda: {"write": [], "read": []})  # when, per latency
    server_errors: list = field(default_factory=list)  # 5xx: (method, url, status, text)
    refused: list = field(default_factory=list)  # unexpected 4xx
    violations: list = field(default_factory=list)  # broken at-most-once, model mismatches
    locked: int = 0  # answers that say the store was locked


class Coder:
    """One simulated person coding through the JSON API, as the reader page does.

    Args:
        name: the coder (their login in team mode).
        connect: ``connect(coder)`` signs the client in (sets cookies or headers on
            ``coder.http``); called again when the server no longer knows the session.
        base: the server's address.
        seed: for the random choice of actions, spans and codes.
    """

    def __init__(self, name: str, connect, base: str, seed: int):
        import httpx

        self.name = name
        self.connect = connect
        self.http = httpx.Client(base_url=base, timeout=30)
        self.rng = random.Random(seed)
        self.tally = Tally()
        self.model: dict[int, tuple] = {}  # id → (document, start, end, code)
        self.before: list[dict] = []  # the model before each of my steps not undone
        self.docs: dict[str, dict] = {}
        self.reading = ""  # the document open in the reader
        self.codes: list[str] = []

    # -- requests ---------------------------------------------------------------------------

    def request(self, method: str, url: str, body: dict | None = None, retry: bool = True):
        """Send until answered (``retry``) or once; the answer, or None when none came.
        Latency is timed per answered request, send to last byte."""
        import httpx

        deadline = time.monotonic() + RETRY_FOR
        lost, signed_in = False, 0
        while True:
            t = time.perf_counter()
            try:
                r = self.http.request(method, url, json=body)
            except httpx.TransportError:
                if not lost:
                    self.tally.unacknowledged += 1
                lost = True
                if not retry:
                    return None
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no answer to {method} {url} for {RETRY_FOR:g} s")
                time.sleep(0.05)
                continue
            if r.status_code == 400 and UNKNOWN in r.text:
                # the connection broke while the server committed: the server says it does
                # not know whether the change was kept, so the client treats it as
                # unanswered (an add, recode or uncode is safe to send again; an undo is
                # read back), as it does a request the killed server never answered
                if not lost:
                    self.tally.unacknowledged += 1
                lost = True
                if not retry:
                    return None
                time.sleep(0.05)
                continue
            if r.status_code == 401 and signed_in < 3:
                signed_in += 1
                try:
                    self.connect(self)  # the server no longer knows the session
                except httpx.TransportError:
                    time.sleep(0.05)
                continue
            kind = "read" if method == "GET" else "write"
            self.tally.latencies[kind].append(time.perf_counter() - t)
            self.tally.sent[kind].append(t)
            if r.status_code >= 500:
                self.tally.server_errors.append((method, url, r.status_code, r.text[:200]))
            if "locked" in r.text:
                self.tally.locked += 1
            r.retried = lost
            return r

    def get(self, url: str) -> dict:
        r = self.request("GET", url)
        if r is None or r.status_code != 200:
            raise RuntimeError(f"{self.name}: GET {url}: "
                               f"{'no answer' if r is None else r.status_code}")
        return r.json()

    # -- the session ------------------------------------------------------------------------

    def prepare(self) -> None:
        self.connect(self)
        self.codes = [c["key"] for c in self.get("/api/codebook")["codes"]]
        for d in self.get("/api/documents")["documents"]:
            view = self.get("/api/documents/" + d["name"])
            turns = [t for t in view["turns"] if t["end"] - t["start"] > 40]
            self.docs[d["name"]] = {"text": view["text"], "turns": turns}

    def run(self, actions: int, think: float = 0.0, progress=None) -> None:
        """Make ``actions`` coding actions (``progress()`` after each)."""
        try:
            self._run(actions, think, progress)
        except RuntimeError as e:  # the coder gives up: the checks say so
            self.tally.violations.append(f"{self.name} stopped: {e}")

    def _run(self, actions: int, think: float, progress) -> None:
        kinds, weights = zip(*ACTIONS)
        for _ in range(actions):
            kind = self.rng.choices(kinds, weights)[0]
            if kind != "add" and not self.model or kind == "undo" and not self.before:
                kind = "add"
            getattr(self, kind)()
            self.tally.actions[kind] += 1
            if self.reading:  # the page shows the document again, with the change
                self.get("/api/documents/" + self.reading)
            if progress:
                progress()
            if think:
                time.sleep(self.rng.expovariate(1 / think))

    def _refused(self, what: str, r) -> None:
        if 400 <= r.status_code < 500:
            self.tally.refused.append((what, r.status_code, r.text[:200]))

    def _stepped(self) -> None:
        self.before.append(dict(self.model))
        self.tally.steps += 1

    # -- the actions ------------------------------------------------------------------------

    def add(self) -> None:
        name = self.reading = self.rng.choice(sorted(self.docs))
        doc = self.docs[name]
        turn = self.rng.choice(doc["turns"])
        # from the turn's second fifth on: past its speaker label, so the span holds talk
        start = self.rng.randrange(turn["start"] + (turn["end"] - turn["start"]) // 5,
                                   turn["end"] - 10)
        end = min(turn["end"], start + self.rng.randrange(10, 120))
        code = self.rng.choice(self.codes)
        r = self.request("POST", "/api/codings", {"document": name, "start": start, "end": end,
                                                  "text": doc["text"][start:end], "code": code})
        if r.status_code != 201:
            return self._refused("add", r)
        self.tally.acknowledged += 1
        made = {c["id"]: (c["document"], c["start"], c["end"], c["code"])
                for c in r.json()["codings"]}
        new = {i: v for i, v in made.items() if i not in self.model}
        if new:  # a span and code I had already coded is answered with that coding, no step
            self._stepped()
            self.model.update(new)

    def recode(self) -> None:
        cid = self.rng.choice(sorted(self.model))
        doc, start, end, code = self.model[cid]
        self.reading = doc
        taken = {v[3] for v in self.model.values() if v[:3] == (doc, start, end)}
        free = [c for c in self.codes if c not in taken]
        if not free:  # every code on this span: uncode instead
            return self.uncode(cid)
        to = self.rng.choice(free)
        r = self.request("PATCH", f"/api/codings/{cid}", {"code": to})
        if r.status_code != 200:
            return self._refused("recode", r)
        self.tally.acknowledged += 1
        self._stepped()
        self.model[cid] = (doc, start, end, to)

    def uncode(self, cid: int | None = None) -> None:
        cid = cid if cid is not None else self.rng.choice(sorted(self.model))
        self.reading = self.model[cid][0]
        r = self.request("DELETE", f"/api/codings/{cid}")
        gone = r.status_code == 404 and r.retried  # the unanswered first try removed it
        if r.status_code != 200 and not gone:
            return self._refused("uncode", r)
        self.tally.acknowledged += 1
        self._stepped()
        del self.model[cid]

    def undo(self) -> None:
        r = self.request("POST", "/api/undo", retry=False)
        if r is None:
            return self._read_back()
        if r.status_code != 200:
            return self._refused("undo", r)
        self.tally.acknowledged += 1
        if len(r.json()["undone"]) != 1:
            self.tally.violations.append(f"undo answered {r.json()}, expected one step")
            return
        self._undone()

    def _undone(self) -> None:
        self.model = self.before.pop()
        self.tally.undos += 1

    def _read_back(self) -> None:
        """After an unanswered undo: it was done once, or not at all."""
        stored = self.stored()
        if stored == self.model:
            return
        if stored == self.before[-1]:
            self.tally.landed += 1
            return self._undone()
        self.tally.violations.append(
            f"after an unanswered undo the store holds {len(stored)} codings of {self.name}, "
            f"neither the {len(self.model)} before nor the {len(self.before[-1])} after it")
        self.model, self.before = stored, []

    def stored(self) -> dict[int, tuple]:
        """My codings as the server has them now."""
        mine = {}
        for name in self.docs:
            for c in self.get("/api/documents/" + name)["codings"]:
                if c["coder"] == self.name:
                    mine[c["id"]] = (name, c["start"], c["end"], c["code"])
        return mine


def login_connect(password: str):
    """``connect`` for a team server: log in with the form, as a person does, and send the
    session's CSRF token and the page's origin with every change, as the page does."""
    def connect(coder: Coder) -> None:
        base = str(coder.http.base_url).rstrip("/")
        coder.http.cookies.clear()
        r = coder.http.post("/login", data={"name": coder.name, "password": password},
                            headers={"Origin": base})
        if r.status_code != 303:
            raise RuntimeError(f"{coder.name} could not log in: {r.status_code} {r.text[:200]}")
        session = coder.http.get("/api/session").json()
        coder.http.headers.update({"X-CSRF-Token": session["csrf"], "Origin": base})
    return connect
