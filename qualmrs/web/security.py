"""Who may talk to the server, and what each person may do.

Local mode (one person), like a Jupyter server: the address printed at start carries a random
token; opening it swaps the token for a signed, HttpOnly session cookie and redirects to the
same page without it. Scripts send ``Authorization: Bearer TOKEN``. The one person owns the
project.

Team mode (``qualmrs serve --team``): no token; people log in at ``/login`` with the name and
password the project's users table holds, and get the same kind of cookie, naming them. Their
role is read again from the store (cached for ``Site.role_ttl`` seconds), so a removed user or
a changed role takes effect on the next request.

In both modes a request that changes something must come from the page itself
(``Sec-Fetch-Site: same-origin``, else an ``Origin`` matching the host) and, with a cookie,
carry the session's CSRF token in ``X-CSRF-Token``; and each request needs the least role
``LEAST_ROLE`` gives its path (``require(role)`` does the same for one handler).
"""

from __future__ import annotations

import functools
import hmac
import secrets
from urllib.parse import quote, urlencode

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import URL
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse

COOKIE = "qualmrs_session"
SAFE = {"GET", "HEAD", "OPTIONS"}
SESSION_DAYS = 14  # a signed cookie older than this is refused: log in again
RANKS = {"viewer": 0, "coder": 1, "owner": 2}
# The least role a request needs: the first row whose path prefix matches decides (changing
# only: the row holds for non-GET requests only); no row: any signed-in person may.
LEAST_ROLE = (
    ("/people", False, "owner"),
    ("/api/users", False, "owner"),
    ("/api/", True, "coder"),
    ("/logout", True, "viewer"),
)
PUBLIC = ("/login", "/static/")  # what a team server shows before anyone has logged in


class Sessions:
    """Signs and reads the session cookie: ``{"csrf": ..., "coder": ..., "role": ...}``."""

    def __init__(self, token: str | None, secret: str | None = None):
        self.token = token
        self._signer = URLSafeTimedSerializer(secret or secrets.token_urlsafe(32),
                                              salt="qualmrs-session")

    def new(self, coder: str | None, role: str = "owner") -> tuple[str, dict]:
        session = {"csrf": secrets.token_urlsafe(24), "coder": coder, "role": role}
        return self._signer.dumps(session), session

    def read(self, cookie: str | None) -> dict | None:
        if not cookie:
            return None
        try:
            session = self._signer.loads(cookie, max_age=SESSION_DAYS * 86400)
        except BadSignature:  # a forged, damaged or expired cookie
            return None
        return session if isinstance(session, dict) else None

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and bool(self.token) and hmac.compare_digest(given, self.token)


def least_role(method: str, path: str) -> str:
    """The least role a ``method`` request to ``path`` needs (``LEAST_ROLE``)."""
    for prefix, changing, role in LEAST_ROLE:
        if path.startswith(prefix) and (not changing or method not in SAFE):
            return role
    return "viewer"


def refusal(role: str | None, need: str, method: str) -> str | None:
    """Why a person with ``role`` may not make a ``method`` request needing ``need``; None
    when they may."""
    if role in RANKS and RANKS[role] >= RANKS[need]:
        return None
    if role == "viewer" and method not in SAFE:
        return "viewers cannot change the project"
    return f"only {'an' if need == 'owner' else 'a'} {need} may do this (you are a {role})"


def require(role: str):
    """A handler only people with at least ``role`` may call: others get 403 ``{"error"}``.

    For a route the ``LEAST_ROLE`` table cannot tell apart by its path alone.
    """
    def decorate(handler):
        @functools.wraps(handler)
        async def wrapper(request):
            _, has = request.app.state.site.person(request)
            why = refusal(has, role, request.method)
            if why:
                return _refused(request, why)
            return await handler(request)
        wrapper.least_role = role
        return wrapper
    return decorate


def _refused(request, message: str, status: int = 403):
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    return PlainTextResponse(message, status_code=status)


def same_origin(request) -> bool:
    """Whether a request came from a page of this server (not another site's)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser's cross-site request (those carry one of the two)
    return URL(origin).netloc == request.headers.get("host")


def set_session_cookie(request, response, cookie: str) -> None:
    """The cookie only this server's pages send (and only over TLS when the proxy uses it)."""
    response.set_cookie(COOKIE, cookie, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


class Guard(BaseHTTPMiddleware):
    """Sign-in, roles, CSRF and security headers for every request."""

    def __init__(self, app, sessions: Sessions, site):
        super().__init__(app)
        self.sessions = sessions
        self.site = site

    async def dispatch(self, request, call_next):
        if self.site.team:
            session = await self._team_session(request)
            if isinstance(session, (JSONResponse, RedirectResponse)):
                return _headers(session)
            by_token = False
        else:
            found = self._local_session(request)
            if not isinstance(found, tuple):
                return _headers(found)
            session, by_token = found
        if request.method not in SAFE:
            if not same_origin(request):
                return _headers(_refused(request, "refused: the request did not come from "
                                                  "this page"))
            # the login form cannot send a header; Sec-Fetch-Site/Origin guard it instead
            if session["csrf"] and not by_token and request.url.path != "/login" and \
                    not hmac.compare_digest(
                    request.headers.get("x-csrf-token", ""), session["csrf"]):
                return _headers(_refused(request, "missing or wrong CSRF token; reload the "
                                                  "page"))
        if session["role"] is not None:
            why = refusal(session["role"], least_role(request.method, request.url.path),
                          request.method)
            if why:
                return _headers(_refused(request, why))
        request.state.session = session
        return _headers(await call_next(request))

    def _local_session(self, request):
        """``(session, by_token)``, or the response refusing the request."""
        sessions, coder = self.sessions, self.site.coder
        query_token = request.query_params.get("token")
        if query_token is not None and request.method == "GET":
            if not sessions.token_ok(query_token):
                return _refused(request, "wrong token: open the address qualmrs serve printed")
            cookie, _ = sessions.new(coder)
            params = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + ("?" + urlencode(params) if params else "")
            response = RedirectResponse(target, status_code=303)
            set_session_cookie(request, response, cookie)
            return response
        bearer = request.headers.get("authorization", "")
        session = sessions.read(request.cookies.get(COOKIE))
        by_token = bearer.startswith("Bearer ") and sessions.token_ok(bearer[7:].strip())
        if session is None and not by_token:
            return _refused(request, "not signed in: open the address with ?token=... that "
                                     "qualmrs serve printed")
        # one person owns their own project, whatever an old cookie says
        return {**(session or {"csrf": ""}), "coder": coder, "role": "owner"}, by_token

    async def _team_session(self, request):
        """The signed-in person's session with their role now, a public path's empty one,
        or the response sending them to log in."""
        session = self.sessions.read(request.cookies.get(COOKIE))
        if session is not None:
            role = await run_in_threadpool(self.site.role_of, session.get("coder"))
            if role is not None:  # None: removed since; the cookie stops working
                return {**session, "role": role}
        path = request.url.path
        if path.startswith(PUBLIC):
            return {"csrf": "", "coder": None, "role": None}
        if path.startswith("/api/"):
            return JSONResponse({"error": "not signed in: log in at /login"}, status_code=401)
        asked = path + ("?" + request.url.query if request.url.query else "")
        return RedirectResponse("/login" + ("" if asked == "/" else "?next=" + quote(asked)),
                                status_code=303)


def _headers(response):
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    # no inline script may run; data reaches a page only as JSON in a non-script element
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
    return response
