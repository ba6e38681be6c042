"""How fast the browser's actions answer on a large store (make bench; issue 14).

A study of N generated interviews (benchmarks/corpus.py) goes into a project the way
benchmarks/scale.py builds it (ingest, its codings and answers imported, rule suggestions
made). `qualmrs serve`'s app then runs under uvicorn on 127.0.0.1 in a thread, and a client
that signs in as the page does (the printed token swapped for the session cookie, the CSRF
token from the page, keep-alive) makes what a coder makes, on random documents (fixed seed):
open a document, code a span, recode it, give it a memo, uncode it, undo, redo, ask what
Undo would take (the page does after each change), accept one suggestion and reject another,
read a case's questions and set an answer; every few rounds the tables, the document list and
a search of all interviews (views of the whole study, reported without the target). Each request is timed from send to the last byte of the
answer; the p50 and p95 per action are printed beside the target (p95 < 100 ms). The
model's background refit is off while timing (it would replace the suggestions being decided
on); its duration on the store is printed apart.

    python benchmarks/web_latency.py [--interviews 1000] [--rounds 50] [--db PROJECT_DB]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

TARGET_MS = 100
WARM_UP = 2  # rounds not counted: the first requests load modules and fill caches
EVERY = 5  # rounds between two readings of the tables and the document list
SEED = 14
ROUNDS = 50  # of 11 actions each
REFIT_LIMIT = 120  # seconds


def build(folder: Path, db: Path, n: int) -> dict:
    """``n`` generated interviews in a new project at ``db``, built by scale.py's chain."""
    from corpus import generate
    from scale import measure

    generate(folder, n)
    return measure("chain", folder, db)


class Client:
    """A signed-in session, as the page holds it, that times each request by action."""

    def __init__(self, base: str, token: str):
        import httpx

        self.http = httpx.Client(base_url=base, timeout=120,
                                 headers={"Sec-Fetch-Site": "same-origin"})
        page = self.http.get(f"/?token={token}", follow_redirects=True)
        page.raise_for_status()
        self.http.headers["X-CSRF-Token"] = re.search(
            r'name="csrf-token" content="([^"]+)"', page.text).group(1)
        self.times: dict[str, list[float]] = defaultdict(list)
        self.cpu: dict[str, list[float]] = defaultdict(list)
        self.counting = True

    def __call__(self, action: str, method: str, url: str, body: dict | None = None):
        cpu, t = time.process_time(), time.perf_counter()
        r = self.http.request(method, url, json=body)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
        if r.status_code >= 400:
            raise RuntimeError(f"{method} {url} {body}: {r.status_code} {r.text[:300]}")
        if self.counting:
            self.times[action].append(elapsed)
            self.cpu[action].append(cpu)
        return r.json()

    def close(self) -> None:
        self.http.close()


ACTIONS = [  # (name, request), in the order printed
    ("open a document", "GET /api/documents/NAME"),
    ("code a span", "POST /api/codings"),
    ("recode", "PATCH /api/codings/ID {code}"),
    ("memo", "PATCH /api/codings/ID {memo}"),
    ("uncode", "DELETE /api/codings/ID"),
    ("undo", "POST /api/undo"),
    ("redo", "POST /api/redo"),
    ("undo state", "GET /api/undo"),
    ("accept a suggestion", "POST /api/suggestions/accept"),
    ("reject a suggestion", "POST /api/suggestions/reject"),
    ("case questions", "GET /api/cases/CASE/questions"),
    ("set an answer", "PUT /api/answers"),
    ("tables", "GET /api/tables"),
    ("document list", "GET /api/documents"),
    ("search", "GET /api/search?q=WORD"),
]
LISTING = ("tables", "document list", "search")  # whole-study views: reported, no target
WORDS = ["målekort", "rangering", "tilbakemelding", "styringspakke", "faglig frihet"]


def one_round(ask: Client, rng: random.Random, names: list[str], codes: list[str],
              listing: bool) -> None:
    """What a coder does in one document, each request timed."""
    name = rng.choice(names)
    doc = ask("open a document", "GET", "/api/documents/" + quote(name))
    turns = [t for t in doc["turns"] if t["role"] == "informant" and t["end"] - t["start"] > 40]
    turn = rng.choice(turns)
    start = rng.randrange(turn["start"], turn["end"] - 20)
    end = min(turn["end"], start + rng.randint(20, 200))
    code, other = rng.sample(codes, 2)
    made = ask("code a span", "POST", "/api/codings",
               {"document": name, "start": start, "end": end, "code": code,
                "text": doc["text"][start:end]})
    cid = made["codings"][0]["id"]
    ask("recode", "PATCH", f"/api/codings/{cid}", {"code": other})
    ask("memo", "PATCH", f"/api/codings/{cid}", {"memo": "sjekk med veileder"})
    ask("uncode", "DELETE", f"/api/codings/{cid}")
    ask("undo", "POST", "/api/undo")
    ask("redo", "POST", "/api/redo")
    ask("undo state", "GET", "/api/undo")
    if len(doc["suggestions"]) >= 2:
        yes, no = rng.sample(doc["suggestions"], 2)
        ask("accept a suggestion", "POST", "/api/suggestions/accept", {"ids": [yes["id"]]})
        ask("reject a suggestion", "POST", "/api/suggestions/reject", {"ids": [no["id"]]})
    case = turn["case"]
    questions = ask("case questions", "GET", f"/api/cases/{quote(case)}/questions")["questions"]
    q = rng.choice(questions)
    ask("set an answer", "PUT", "/api/answers",
        {"case": case, "question": q["question"], "category": rng.choice(q["categories"])})
    if listing:
        ask("tables", "GET", "/api/tables")
        ask("document list", "GET", "/api/documents")
        ask("search", "GET", "/api/search?q=" + quote(rng.choice(WORDS)) + "&role=informant")


def refit_seconds(db: Path, coder: str, limit: float) -> float | None:
    """Wall seconds of what a background refit does, ``qualmrs suggest`` (rules and model),
    in a fresh process; None when it has not finished within ``limit`` seconds."""
    qualmrs = Path(sys.executable).parent / "qualmrs"
    t = time.perf_counter()
    try:
        subprocess.run([str(qualmrs), "suggest", str(db), "--coder", coder, "--quiet"],
                       check=True, capture_output=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - t


def percentile(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(values, q))


def measure(db: Path, rounds: int, seed: int = SEED, refit_limit: float = 0) -> dict:
    """Serve ``db`` and time ``rounds`` rounds of actions.

    Returns:
        ``{"times": {action: [seconds]}, "cpu": {action: [seconds]}, "documents": n,
        "coder": name}`` and, with ``refit_limit`` > 0, ``"refit"``: the seconds of what one
        background refit does (None: not done within ``refit_limit`` seconds).
    """
    import secrets

    import qualmrs
    from qualmrs.web import create_app
    from qualmrs.web.server import default_coder, in_thread

    token = secrets.token_urlsafe(16)
    with qualmrs.open(db) as project:
        coder = default_coder(project)
        app = create_app(project, token=token, coder=coder, refit_every=10**9)
        with in_thread(app) as base:
            ask = Client(base, token)
            try:
                names = sorted(d["name"] for d in ask("-", "GET", "/api/documents")["documents"])
                codes = [c["key"] for c in ask("-", "GET", "/api/codebook")["codes"]]
                rng = random.Random(seed)
                ask.counting = False
                for i in range(WARM_UP + rounds):
                    ask.counting = i >= WARM_UP
                    one_round(ask, rng, names, codes, listing=(i - WARM_UP) % EVERY == 0)
                out = {"times": dict(ask.times), "cpu": dict(ask.cpu), "documents": len(names),
                       "coder": coder}
            finally:
                ask.close()
    if refit_limit > 0:
        out["refit"] = refit_seconds(db, coder, refit_limit)
        out["refit_limit"] = refit_limit
    return out


def report(result: dict) -> bool:
    """Print p50 and p95 per action; returns whether every action met the target."""
    times = result["times"]
    print(f"{'action':20s} {'request':31s} {'n':>3s} {'p50 ms':>7s} {'p95 ms':>7s} "
          f"{'p95 < ' + str(TARGET_MS):>8s} {'CPU p50':>8s} {'p95':>6s}")
    all_met = True
    for name, request in ACTIONS:
        got = times.get(name)
        if not got:
            continue
        p50, p95 = percentile(got, 50) * 1000, percentile(got, 95) * 1000
        cpu = result["cpu"][name]
        met = p95 < TARGET_MS
        all_met &= met or name in LISTING
        print(f"{name:20s} {request:31s} {len(got):3d} {p50:7.1f} {p95:7.1f} "
              f"{'met' if met else 'missed':>8s} {percentile(cpu, 50) * 1000:8.1f} "
              f"{percentile(cpu, 95) * 1000:6.1f}")
    n = sum(len(times.get(name, ())) for name, _ in ACTIONS)
    print(f"{n} requests on {result['documents']:,} interviews, as {result['coder']}")
    if "refit" in result:
        took = (f"not finished within {result['refit_limit']:.0f} s" if result["refit"] is None
                else f"{result['refit']:.1f} s")
        print(f"what the background refit does, `qualmrs suggest` (rules and model over every "
              f"interview, fresh process): {took}")
    return all_met


def run(db: Path, rounds: int = ROUNDS, refit_limit: float = REFIT_LIMIT) -> None:
    """Measure on the store ``db`` (it is changed) and print the figures."""
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Browser actions (qualmrs serve over HTTP on 127.0.0.1), {rounds} rounds, seed "
          f"{SEED}; {os.cpu_count()} cores, load average {load}:")
    report(measure(db, rounds, refit_limit=refit_limit))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--db", type=Path, help="a store built already (scale.py chain); it "
                                                "is changed")
    parser.add_argument("--refit-limit", type=float, default=REFIT_LIMIT,
                        help="seconds to wait for one refit (0: do not time it)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "project.db"
            build(Path(tmp) / "study", db, args.interviews)
        run(db, args.rounds, args.refit_limit)


if __name__ == "__main__":
    main()
