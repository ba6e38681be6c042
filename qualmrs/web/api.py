"""The JSON API (``/api/...``): parse the request, call the front door, serialise.

Errors are ``{"error": message}`` with a real status: 400 for a request qualmrs refuses, 404
for something that is not there, 409 when the data changed under the caller (stale offsets, a
row another step changed, a suggestion already gone).
"""

from __future__ import annotations

import functools
import json
import time

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from ..errors import Disconnected, NotFound, QualmrsError
from . import refit

CONFLICTS = ("StaleText", "Conflict", "SuggestionGone")


def _site(request):
    return request.app.state.site


AGAIN_AFTER = (0.1, 0.5)  # seconds before each new try when the connection was cut


def once_more_if_cut(fn, *args):
    """``fn(*args)``, run again when the database connection was cut under it: the server
    rolled its unit back, so a request during a failover or a dropped connection succeeds
    instead of failing (issue 15). The server may cut every connection at once and its
    signals land one by one, so a second try can meet a second cut: up to three tries."""
    for wait in AGAIN_AFTER:
        try:
            return fn(*args)
        except Disconnected:
            time.sleep(wait)
    return fn(*args)


def endpoint(handler):
    """Run a (blocking) handler in a thread; a QualmrsError becomes ``{"error": ...}``."""
    @functools.wraps(handler)
    async def wrapper(request):
        try:
            raw = await request.body() if request.method in ("POST", "PUT", "PATCH",
                                                             "DELETE") else b""
            body = json.loads(raw) if raw.strip() else {}
        except (json.JSONDecodeError, UnicodeDecodeError):
            return JSONResponse({"error": "the request body is not JSON"}, status_code=400)
        if not isinstance(body, dict):
            return JSONResponse({"error": "the request body must be a JSON object"},
                                status_code=400)
        try:
            result = await run_in_threadpool(once_more_if_cut, handler, request,
                                             _site(request), body)
        except QualmrsError as e:
            status = 409 if type(e).__name__ in CONFLICTS else \
                404 if isinstance(e, NotFound) else 400
            return JSONResponse({"error": str(e)}, status_code=status)
        if isinstance(result, JSONResponse):
            return result
        return JSONResponse(result)
    return wrapper


def _project(request):
    """The project as the person asking sees it (``Site.project_of``), once per request."""
    if not hasattr(request.state, "project"):
        request.state.project = _site(request).project_of(request)
    return request.state.project


def _need(body: dict, *keys: str) -> list:
    missing = [k for k in keys if k not in body]
    if missing:
        raise QualmrsError("missing field(s): " + ", ".join(missing))
    return [body[k] for k in keys]


def _int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise QualmrsError(f"{name} must be a whole number (a code-point offset)")
    return value


def _coding(c) -> dict:
    return {"id": c.id, "document": c.document, "start": c.start, "end": c.end,
            "code": c.code, "coder": c.coder, "memo": c.memo, "origin": c.origin}


def _coder(request, site) -> str:
    coder = site.coder_of(request)
    if not coder:
        raise QualmrsError("no coder: start qualmrs serve with --coder NAME")
    return coder


# -- reading ---------------------------------------------------------------------------------

@endpoint
def documents(request, site, body):
    return _project(request).overview()


@endpoint
def document(request, site, body):
    project = _project(request)
    # the version is read first: a change landing meanwhile may be in the view too, and is
    # then also among the events after it (shown again, never missed); one connection for
    # the reads (each still sees what was committed when it ran)
    with project.reading():
        version = project.last_change()
        view = project.document_view(request.path_params["name"])
    return {**view, "version": version}


@endpoint
def codebook(request, site, body):
    return {"codes": _project(request).codebook_tree()}


@endpoint
def version(request, site, body):
    return {"version": _project(request).last_change(), "refits": site.refit.done}


@endpoint
def history(request, site, body):
    limit = int(request.query_params.get("limit", "50"))
    frame = _project(request).history(limit=limit)
    return {"steps": frame.to_dict(orient="records")}


# -- coding ----------------------------------------------------------------------------------

@endpoint
def add_coding(request, site, body):
    document, start, end, code = _need(body, "document", "start", "end", "code")
    made = _project(request).code(document, _int(start, "start"), _int(end, "end"), code,
                             _coder(request, site), body.get("memo", ""), body.get("text"))
    _decided(site, request)
    return JSONResponse({"codings": [_coding(c) for c in made]}, status_code=201)


def _seen(body: dict) -> dict | None:
    seen = body.get("seen")
    if seen is not None and not isinstance(seen, dict):
        raise QualmrsError("seen must be an object: the coding's code, memo, start and end "
                           "as you last saw them")
    return seen


@endpoint
def change_coding(request, site, body):
    """``PATCH /api/codings/ID`` ``{code?, memo?, seen?}``: recode and/or set the memo.

    ``seen`` is the coding as the caller last saw it: ``{code, memo, start, end}`` as
    ``/api/documents/NAME`` gave it. If someone changed or removed it since, the answer is 409
    with a message naming who, and nothing is changed (two people on one turn never
    overwrite each other). Without ``seen`` the edit applies to the coding as it is now (a
    script that owns its codings); the reader always sends it.
    """
    _project(request).change_coding(request.path_params["id"], _coder(request, site),
                               code=body["code"] if "code" in body else None,
                               memo=str(body["memo"]) if "memo" in body else None,
                               seen=_seen(body))
    return {"ok": True}


@endpoint
def remove_coding(request, site, body):
    """``DELETE /api/codings/ID`` with an optional body ``{seen}``: as for PATCH, 409 when
    the coding is no longer as seen."""
    _project(request).remove_coding(request.path_params["id"], _coder(request, site),
                               seen=_seen(body))
    return {"ok": True}


@endpoint
def undo(request, site, body):
    done = _project(request).undo(_coder(request, site))
    return {"undone": [{"step": s.id, "command": s.command} for s in done]}


@endpoint
def undo_state(request, site, body):
    return _project(request).undo_state(_coder(request, site))


@endpoint
def redo(request, site, body):
    done = _project(request).redo(_coder(request, site))
    return {"redone": [{"step": s.target, "command": s.command.split(": ", 1)[-1]}
                       for s in done]}


# -- suggestions -----------------------------------------------------------------------------

def _suggestion_ids(request, site, body) -> list[int]:
    if "ids" in body:
        ids = body["ids"]
        if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
            raise QualmrsError("ids must be a list of suggestion ids")
        return ids
    document, code = _need(body, "document", "code")
    return _project(request).suggestion_ids(document, code)


@endpoint
def accept(request, site, body):
    ids = _suggestion_ids(request, site, body)
    n, _ = _project(request).accept(_coder(request, site), ids=ids)
    _decided(site, request, len(ids))
    return {"accepted": n}


@endpoint
def reject(request, site, body):
    ids = _suggestion_ids(request, site, body)
    n, _ = _project(request).reject(ids=ids, actor=_coder(request, site))
    _decided(site, request, len(ids))
    return {"rejected": n}


@endpoint
def next_suggestion(request, site, body):
    found = _project(request).least_sure(request.query_params.get("document"),
                                    site.coder_of(request))
    return {"suggestion": found}


@endpoint
def suggest(request, site, body):
    started = refit.start(site, _coder(request, site))
    return {"started": started, "running": site.refit.running}


@endpoint
def suggest_status(request, site, body):
    r = site.refit
    return {"running": r.running, "refits": r.done, "decisions": r.decisions,
            "every": r.every, "interval": r.interval, "error": r.error}


def _decided(site, request, n: int = 1) -> None:
    """Count decisions; the model learns again now and then (``refit.decided``)."""
    refit.decided(site, site.coder_of(request), n)


# -- closed questions and tables -------------------------------------------------------------

@endpoint
def questions(request, site, body):
    return {"questions": _project(request).case_questions(request.path_params["case"],
                                                     site.coder_of(request))}


@endpoint
def set_answer(request, site, body):
    case, question = _need(body, "case", "question")
    _project(request).set_answer(case, question, body.get("category") or None,
                            _coder(request, site), body.get("evidence", ""),
                            body.get("document"), body.get("start"), body.get("end"))
    return {"ok": True}


def _chosen(request, site) -> str | None:
    """The coder whose work the tables count: the one asked for, else the window's coder when
    they have work, else the project's rule (consensus, the only coder), else the first."""
    asked = request.query_params.get("coder")
    if asked:
        return asked
    people = _project(request).people()
    me = site.coder_of(request)
    if me in people:
        return me
    try:
        return _project(request).whose_work(None)[0]
    except QualmrsError:  # several coders, none chosen: the page offers the others
        return people[0]


def _study(request, site):
    return _project(request).study(_chosen(request, site))


@endpoint
def tables(request, site, body):
    who, why = _project(request).whose_work(_chosen(request, site))
    out = []
    for frame in _project(request).tables(who):
        out.append({"id": frame.attrs["id"], "caption": frame.attrs["caption"],
                    "columns": [frame.attrs["headers"][q] for q in frame.columns],
                    "rows": [[str(cat), *[int(v) for v in row]]
                             for cat, row in frame.iterrows()]})
    return {"coder": who, "reason": why, "coders": _project(request).people(), "tables": out}


@endpoint
def matrix(request, site, body):
    return _project(request).matrix_cells(_study(request, site))


@endpoint
def quotes(request, site, body):
    q = request.query_params
    study = _study(request, site)
    return {"coder": study.coder,
            "quotes": _project(request).cell_quotes(study, q.get("code") or None,
                                               q.get("case") or None)}


# -- the matrix of main points ------------------------------------------------------------

def _editable(request, site, study) -> bool:
    """Summaries are written in the window's coder's own work, never over another's."""
    return bool(study.coder) and study.coder == site.coder_of(request)


@endpoint
def main_points(request, site, body):
    study = _study(request, site)
    return {**_project(request).main_points_cells(study),
            "editable": _editable(request, site, study)}


@endpoint
def summary_cell(request, site, body):
    q = request.query_params
    study = _study(request, site)
    return {**_project(request).summary_cell(study, q.get("case", ""), q.get("theme", "")),
            "editable": _editable(request, site, study)}


@endpoint
def set_summary(request, site, body):
    case, theme, text = _need(body, "case", "theme", "text")
    quotes = body.get("quotes", [])
    if not isinstance(text, str):
        raise QualmrsError("text must be a string (empty: remove the summary)")
    if not isinstance(quotes, list) or not all(
            isinstance(i, int) and not isinstance(i, bool) for i in quotes):
        raise QualmrsError("quotes must be a list of coding ids")
    stored = _project(request).set_summary(str(case), str(theme), _coder(request, site), text,
                                      quotes, origin="browser")
    return {"summary": stored.text if stored else None,
            "quotes": list(stored.quotes) if stored else []}


# -- search ----------------------------------------------------------------------------------

def _search_args(source: dict) -> dict:
    query = str(source.get("q") or "").strip()
    if not query:
        raise QualmrsError("type a word or a phrase to search for")
    cases = source.get("cases") or []
    if isinstance(cases, str):
        cases = [c.strip() for c in cases.split(",") if c.strip()]
    return {"query": query, "exact": source.get("exact") in (True, "1", "true"),
            "role": source.get("role") or None, "cases": list(cases) or None}


@endpoint
def search(request, site, body):
    args = _search_args(dict(request.query_params))
    frame = _project(request).search(**args)
    hits = [{**row, "start": int(row["start"]), "end": int(row["end"]),
             "sentence": [int(a), int(b)]}
            for row, (a, b) in zip(frame.to_dict(orient="records"), frame.attrs["sentences"])]
    return {**args, "hits": hits, "n_cases": int(frame["case"].nunique())}


@endpoint
def code_search(request, site, body):
    (code,) = _need(body, "code")
    frame = _project(request).search(**_search_args(body), code=code,
                                     coder=_coder(request, site))
    n = frame.attrs.get("coded", 0)
    _decided(site, request, n)
    return {"coded": n, "hits": len(frame)}
