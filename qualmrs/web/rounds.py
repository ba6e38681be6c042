"""Coding rounds in the browser (issue 15, item 3): the ``/rounds`` page and its
``/api/rounds`` routes. Everyone sees the open round's state (its documents, coders and how
much each has coded: counts only); an owner opens and closes rounds and decides a closed
round's disagreements into the ``consensus`` coder, as ``qualmrs consensus --from`` does."""

from __future__ import annotations

import math

from starlette.responses import JSONResponse

from ..errors import QualmrsError
from .api import _need, _project, endpoint
from .pages import _guarded
from .security import require

UNITS = ("turn", "sentence")


def _round(r) -> dict:
    return {"id": r.id, "blind": r.blind, "documents": list(r.documents),
            "coders": list(r.coders), "opened": r.opened, "opened_by": r.opened_by,
            "closed": r.closed, "closed_by": r.closed_by, "open": r.is_open}


def _plain(value):
    """A frame's cell as JSON can hold it (NaN, e.g. kappa with no variation: null)."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _records(frame) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _unit(request) -> str:
    unit = request.query_params.get("unit", "turn")
    if unit not in UNITS:
        raise QualmrsError(f"unit is turn or sentence, not '{unit}'")
    return unit


async def page(request):
    return await _guarded(request, "rounds.html", "Rounds", lambda p: {})


@endpoint
def rounds(request, site, body):
    """The rounds, the open one's progress per coder, and what an owner may open one on."""
    project = _project(request)
    name, role = site.person(request)
    every = project.rounds()
    current = next((r for r in every if r.is_open), None)
    users = project.users()
    # who may code in a round: the users who code (an owner may too); without users, the
    # names that have coded, and the person here
    candidates = [{"name": u.name, "role": u.role} for u in users
                  if u.role in ("coder", "owner")] if users else \
        [{"name": x, "role": "coder"} for x in sorted(
            set(project.people()) - {"consensus"} | ({name} if name else set()))]
    return {"me": {"name": name, "role": role}, "rounds": [_round(r) for r in every],
            "open": _round(current) if current else None,
            "progress": project.round_progress(current.id) if current else None,
            "documents": [d["name"] for d in project.overview()["documents"]],
            "coders": candidates, "users": bool(users)}


@require("owner")
@endpoint
def open_round(request, site, body):
    documents, coders = body.get("documents") or None, body.get("coders") or None
    for value, what in ((documents, "documents"), (coders, "coders")):
        if value is not None and not (isinstance(value, list)
                                      and all(isinstance(x, str) for x in value)):
            raise QualmrsError(f"{what} must be a list of names")
    r = _project(request).open_round(documents, coders, bool(body.get("blind", True)),
                                     by=site.person(request)[0], signed_in=True)
    return JSONResponse({"round": _round(r)}, status_code=201)


@require("owner")
@endpoint
def close_round(request, site, body):
    r = _project(request).close_round(by=site.person(request)[0], signed_in=True)
    return {"round": _round(r)}


@endpoint
def agreement(request, site, body):
    """A round's agreement per code (percent, kappa, alpha) with the unit stated."""
    codings, answers = _project(request).round_agreement(request.path_params["id"],
                                                         _unit(request))
    return {"round": codings.attrs["round"], "heading": codings.attrs["heading"],
            "unit": codings.attrs["unit"], "coders": list(codings.attrs["coders"]),
            "codes": _records(codings), "answers": _records(answers)}


@endpoint
def disagreements(request, site, body):
    """A closed round's disagreements, each with its key, the coders side by side and the
    decision taken so far."""
    project = _project(request)
    frame = project.round_disagreements(request.path_params["id"], _unit(request))
    r = project.round(request.path_params["id"])
    rows = []
    for row, key in zip(_records(frame), frame.attrs["keys"]):
        if row["kind"] == "answer":
            said = dict(pair.split("=", 1) for pair in row["coded_by"].split("; "))
            choices = list(project.codebook.scale_of(row["code"]).categories)
        else:
            said = {x: "yes" for x in row["coded_by"].split("; ") if x}
            said |= {x: "no" for x in row["not_coded_by"].split("; ") if x}
            choices = ["yes", "no"]
        rows.append({**row, "key": key, "said": said, "choices": choices})
    return {"round": r.id, "coders": list(r.coders), "rows": rows,
            "decided": sum(1 for x in rows if x["decision"]), "of": len(rows)}


@require("owner")
@endpoint
def decide(request, site, body):
    """``{"decisions": {key: decision}}``: one step of the history (``undo`` takes it
    back); the consensus coder follows."""
    (chosen,) = _need(body, "decisions")
    if not isinstance(chosen, dict):
        raise QualmrsError("decisions must be an object: disagreement key → decision")
    done = _project(request).decide(chosen, by=site.person(request)[0], signed_in=True,
                                    round_id=request.path_params["id"],
                                    unit=body.get("unit", "turn"))
    return done
