"""The HTML pages: each renders a template with the data it starts from; the page's script
asks the JSON API for the rest and for every change."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse

from ..errors import NotFound, QualmrsError
from .api import once_more_if_cut


def _render(request, template: str, title: str, data: dict, status: int = 200):
    site = request.app.state.site
    coder, role = site.person(request)
    html = site.templates.get_template(template).render(
        title=title, data=data, csrf=request.state.session.get("csrf", ""),
        coder=coder or "", role=role, team=site.team,
        project=str(site.project.path or site.project.where), page=template.removesuffix(".html"))
    return HTMLResponse(html, status_code=status)


async def _guarded(request, template: str, title: str, load):
    try:
        data = await run_in_threadpool(once_more_if_cut, load,
                                       request.app.state.site.project_of(request))
    except NotFound as e:
        return _render(request, "error.html", "Not found", {"error": str(e)}, 404)
    except QualmrsError as e:
        return _render(request, "error.html", "Error", {"error": str(e)}, 400)
    return _render(request, template, title, data)


async def documents(request):
    return await _guarded(request, "documents.html", "Documents",
                          lambda p: {"overview": p.overview()})


async def reader(request):
    name = request.path_params["name"]
    coder = request.app.state.site.coder_of(request)

    def load(p):
        version = p.last_change()  # first: the page then never misses a change (live.js)
        doc = {**p.document_view(name), "version": version}
        cases = list(dict.fromkeys(t["case"] for t in doc["turns"]
                                   if t["case"] and t["role"] == "informant"))
        return {"document": doc, "codes": p.codebook_tree(),
                "questions": {c: p.case_questions(c, coder) for c in cases}}
    return await _guarded(request, "reader.html", name, load)


async def tables(request):
    return await _guarded(request, "tables.html", "Tables", lambda p: {})


async def search(request):
    return await _guarded(request, "search.html", "Search",
                          lambda p: {"codes": p.codebook_tree()})
