"""The app factory: a Starlette app around one Project, for one coder at a time."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .live import Hub
from .security import Guard, Sessions

HERE = Path(__file__).parent
REFIT_EVERY = 10  # decisions (codings, accepts, rejects) between two refits of the model


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
        self.live = Hub(project)  # the one poller of the history for every event stream
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
