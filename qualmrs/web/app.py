"""The app factory: a Starlette app around one Project, for one person (local mode) or for
a team whose people log in (team mode)."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .live import Hub
from .login import Limiter
from .refit import REFIT_EVERY, REFIT_SECONDS, Refit
from .security import Guard, Sessions, require

__all__ = ["Site", "create_app", "require"]

HERE = Path(__file__).parent


class Site:
    """What the handlers share: the project, the templates, static files' versions, and in
    team mode the people's roles and the login limits."""

    role_ttl = 2.0  # seconds a user's role is trusted before the store is asked again

    def __init__(self, project, coder: str | None, refit_every: int, team: bool = False,
                 refit_seconds: float = REFIT_SECONDS):
        self.project = project
        self.coder = coder
        self.team = team
        self.refit = Refit(refit_every, refit_seconds)
        self.limiter = Limiter()
        self._roles: dict[str, str] = {}
        self._roles_at = float("-inf")
        self.sessions: Sessions | None = None  # set by create_app
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

    def person(self, request) -> tuple[str | None, str | None]:
        """``(name, role)`` of who sent ``request``: in team mode the signed-in user with
        their role now (``(None, None)`` on the login page before signing in); in local mode
        the one coder, who owns their own project."""
        session = request.state.session
        return session.get("coder"), session.get("role")

    def coder_of(self, request) -> str | None:
        return self.person(request)[0]

    def known_role(self, name: str | None) -> tuple[bool, str | None]:
        """``(fresh, role)``: whether the cached roles are recent enough to answer without
        the store, and ``name``'s role among them (the server's loop asks this first and
        goes to a worker thread only when the cache is stale)."""
        fresh = time.monotonic() - self._roles_at <= self.role_ttl
        return fresh, self._roles.get(name) if fresh and name is not None else None

    def role_of(self, name: str | None) -> str | None:
        """A user's role as the store has it (cached ``role_ttl`` s); None: no such user."""
        if time.monotonic() - self._roles_at > self.role_ttl:
            self._roles = {u.name: u.role for u in self.project.users()}
            self._roles_at = time.monotonic()
        return self._roles.get(name) if name is not None else None

    def forget_roles(self) -> None:
        """Read the roles again on the next request (after the users changed here)."""
        self._roles_at = float("-inf")

    def project_of(self, request):
        """The project as the person asking sees it (during a blind round: their own work
        on its documents; the front door does the hiding)."""
        return self.project.seen_by(self.person(request)[0])


def create_app(project, *, token: str | None = None, coder: str | None = None,
               team: bool = False, hosts: tuple[str, ...] = ("127.0.0.1", "localhost"),
               refit_every: int = REFIT_EVERY,
               refit_seconds: float = REFIT_SECONDS) -> Starlette:
    """The web interface of ``project``.

    Args:
        project: a ``qualmrs.Project`` (the app only uses its front door).
        token: local mode: the secret the printed address carries; requests without it, its
            session cookie or ``Authorization: Bearer TOKEN`` get 403.
        coder: local mode: the person coding (codings, answers and undo are theirs).
        team: team mode: people log in as the project's users and code as themselves; the
            sessions' signing key is kept in the store, so a restart keeps them signed in.
        hosts: host names the app answers to (against DNS rebinding).
        refit_every: decisions between two background refits of the suggestion model.
        refit_seconds: at least this long between the starts of two refits, however many
            decisions come (a refit runs in its own process, one at a time; ``refit.py``).

    Raises:
        ValueError: a token or a coder in team mode, or no token in local mode.
    """
    from .routes import routes

    if team and (token or coder):
        raise ValueError("team mode takes neither a token nor a coder: people log in")
    if not team and not token:
        raise ValueError("local mode needs a token")
    site = Site(project, coder, refit_every, team, refit_seconds)
    site.sessions = Sessions(token, project.session_secret() if team else None)
    app = Starlette(routes=routes(), middleware=[
        Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)),
        Middleware(Guard, sessions=site.sessions, site=site)])
    app.state.site = site
    return app
