"""Signing in to a team server: the login page, its limits, logging out, the session.

Each failed login is remembered for ``WINDOW`` seconds, by name and by client address. Past
``PER_NAME`` failures for one name or ``PER_ADDRESS`` from one address, further attempts get
429 with Retry-After *before* the password is checked: argon2's cost is there to slow down a
guesser, and must not become a way to keep the server busy.
"""

from __future__ import annotations

import collections
import math
import threading
import time
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse

from .security import COOKIE, set_session_cookie

WINDOW = 300.0  # seconds a failed login counts
PER_NAME = 5
PER_ADDRESS = 20
MAX_FORM = 4096  # bytes: a login form is a name and a password
WRONG = "Wrong user name or password."


class Limiter:
    """Failed logins in the last ``window`` seconds, by name and by address (in memory:
    one server process)."""

    def __init__(self, window: float = WINDOW, per_name: int = PER_NAME,
                 per_address: int = PER_ADDRESS, clock=time.monotonic):
        self.window, self.clock = window, clock
        self.limits = {"name": per_name, "address": per_address}
        self._failed: dict[tuple[str, str], collections.deque] = {}
        self._lock = threading.Lock()

    def wait(self, name: str, address: str) -> int:
        """Seconds until ``name`` may try again from ``address``; 0: now."""
        now = self.clock()
        with self._lock:
            self._forget(now)
            waits = [self._failed[k][0] + self.window - now
                     for k in (("name", name), ("address", address))
                     if len(self._failed.get(k, ())) >= self.limits[k[0]]]
        return math.ceil(max(waits)) if waits else 0

    def failed(self, name: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key in (("name", name), ("address", address)):
                self._failed.setdefault(key, collections.deque()).append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failed.pop(("name", name), None)

    def _forget(self, now: float) -> None:
        for key in list(self._failed):
            times = self._failed[key]
            while times and times[0] <= now - self.window:
                times.popleft()
            if not times:
                del self._failed[key]


def local_path(target: str | None) -> str:
    """``target`` when it is a path on this server, else ``/`` (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) \
            or any(ord(c) < 32 or c == "\\" for c in target) or target.startswith("/login"):
        return "/"
    return target


def _page(request, message: str = "", status: int = 200, target: str = "/", name: str = "",
          headers: dict | None = None):
    site = request.app.state.site
    html = site.templates.get_template("login.html").render(
        title="Log in", data={}, csrf="", coder="", role=None, team=True, page="login",
        project=str(site.project.path or site.project.store.where), message=message,
        target=target, name=name)
    return HTMLResponse(html, status_code=status, headers=headers)


async def login_page(request):
    if not request.app.state.site.team:
        return RedirectResponse("/", status_code=303)
    return _page(request, target=local_path(request.query_params.get("next")))


async def login(request):
    """Check a name and password from the login form; sign in and go to the page asked for."""
    site = request.app.state.site
    if not site.team:
        return RedirectResponse("/", status_code=303)
    raw = await request.body()
    if len(raw) > MAX_FORM:
        return _page(request, "The form is too large.", 413)
    form = dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
    name, password = form.get("name", "").strip(), form.get("password", "")
    target = local_path(form.get("next"))
    address = request.client.host if request.client else ""
    wait = site.limiter.wait(name, address)
    if wait:
        return _page(request, f"Too many failed logins; try again in {wait} s.", 429, target,
                     name, headers={"Retry-After": str(wait)})
    user = await run_in_threadpool(site.project.check_login, name, password)
    if user is None:
        site.limiter.failed(name, address)
        return _page(request, WRONG, 401, target, name)
    site.limiter.succeeded(name)
    cookie, _ = site.sessions.new(user.name, user.role)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, cookie)
    return response


async def logout(request):
    """Forget the session cookie in this browser (the page goes to ``/login`` next)."""
    response = JSONResponse({"ok": True, "next": "/login" if request.app.state.site.team
                             else "/"})
    response.delete_cookie(COOKIE, path="/")
    return response


async def session(request):
    """``{"name", "role", "csrf", "team"}``: who is signed in (scripts read the CSRF token
    here after logging in)."""
    site = request.app.state.site
    name, role = site.person(request)
    return JSONResponse({"name": name, "role": role,
                         "csrf": request.state.session.get("csrf", ""), "team": site.team})
