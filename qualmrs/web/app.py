"""The app factory: a Starlette app around one Project, for one coder at a time."""

from __future__ import annotations

import functools
import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.responses import JSONResponse, PlainTextResponse

from .security import Guard, Sessions

HERE = Path(__file__).parent
REFIT_EVERY = 10  # decisions (codings, accepts, rejects) between two refits of the model
RANKS = {"viewer": 0, "coder": 1, "owner": 2}


@dataclass
class Refit:
    """The model learning again in the background while the person codes."""

    every: int = REFIT_EVERY
    decisions: int = 0
    running: bool = False
    done: int = 0  # refits finished
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)


class Site:
    """What the handlers share: the project, the templates, static files' versions."""

    def __init__(self, project, coder: str | None, refit_every: int):
        self.project = project
        self.coder = coder
        self.refit = Refit(refit_every)
        self.templates = Environment(loader=FileSystemLoader(HERE / "templates"),
                                     autoescape=select_autoescape(["html"]))
        self.templates.globals["static"] = self.static_url
        self._versions: dict[str, str] = {}

    def static_url(self, name: str) -> str:
        """``/static/NAME?v=HASH``: a file that changes gets a new address (no stale cache)."""
        if name not in self._versions:
            data = (HERE / "static" / name).read_bytes()
            self._versions[name] = hashlib.sha256(data).hexdigest()[:12]
        return f"/static/{name}?v={self._versions[name]}"

    def coder_of(self, request) -> str | None:
        return request.state.session.get("coder") or self.coder

    def person(self, request) -> tuple[str | None, str]:
        """Who is asking and their role: in local mode the person at the machine, the
        ``--coder``, who owns the project."""
        return self.coder_of(request), "owner"

    def project_of(self, request):
        """The project as the person asking sees it (during a blind round: their own work
        on its documents; the front door does the hiding)."""
        return self.project.seen_by(self.person(request)[0])


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def require(role: str):
    """A route for people of ``role`` or above (viewer < coder < owner); others get 403."""
    def wrap(handler):
        @functools.wraps(handler)
        async def guarded(request):
            name, has = request.app.state.site.person(request)
            if RANKS.get(has, -1) < RANKS[role]:
                message = (f"only {_a(role)} may do this; {name or 'you'} "
                           f"{'is ' + _a(has) if has else 'has no role'}")
                if request.url.path.startswith("/api/"):
                    return JSONResponse({"error": message}, status_code=403)
                return PlainTextResponse(message, status_code=403)
            return await handler(request)
        return guarded
    return wrap


def create_app(project, *, token: str, coder: str | None = None,
               hosts: tuple[str, ...] = ("127.0.0.1", "localhost"),
               refit_every: int = REFIT_EVERY) -> Starlette:
    """The web interface of ``project``.

    Args:
        project: a ``qualmrs.Project`` (the app only uses its front door).
        token: the secret the printed address carries; requests without it, its session
            cookie or ``Authorization: Bearer TOKEN`` get 403.
        coder: the person coding (codings, answers and undo are theirs).
        hosts: host names the app answers to (against DNS rebinding).
        refit_every: decisions between two background refits of the suggestion model.
    """
    from .routes import routes

    site = Site(project, coder, refit_every)
    app = Starlette(routes=routes(), middleware=[
        Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)),
        Middleware(Guard, sessions=Sessions(token), coder=coder)])
    app.state.site = site
    return app
