"""Who may talk to the local server: the printed token, the session cookie it sets, a CSRF
token on every change, requests from this page only.

Like a Jupyter server: the address printed at start carries a random token; opening it swaps
the token for a signed, HttpOnly session cookie and redirects to the same page without it.
Scripts send ``Authorization: Bearer TOKEN``. A request that changes something must come from
the page itself (``Sec-Fetch-Site: same-origin``, else an ``Origin`` matching the host) and,
with a cookie, carry the session's CSRF token in ``X-CSRF-Token``.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlencode

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.datastructures import URL
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse

COOKIE = "qualmrs_session"
SAFE = {"GET", "HEAD", "OPTIONS"}


class Sessions:
    """Signs and reads the session cookie: ``{"csrf": ..., "coder": ...}``."""

    def __init__(self, token: str):
        self.token = token
        self._signer = URLSafeSerializer(secrets.token_urlsafe(32), salt="qualmrs-session")

    def new(self, coder: str | None) -> tuple[str, dict]:
        session = {"csrf": secrets.token_urlsafe(24), "coder": coder}
        return self._signer.dumps(session), session

    def read(self, cookie: str | None) -> dict | None:
        if not cookie:
            return None
        try:
            return self._signer.loads(cookie)
        except BadSignature:
            return None

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given, self.token)


def _refused(request, message: str, status: int = 403):
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    return PlainTextResponse(message, status_code=status)


def _same_origin(request) -> bool:
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True  # not a browser's cross-site request (those carry one of the two)
    return URL(origin).netloc == request.headers.get("host")


class Guard(BaseHTTPMiddleware):
    """Token, cookie, CSRF and security headers for every request."""

    def __init__(self, app, sessions: Sessions, coder: str | None):
        super().__init__(app)
        self.sessions = sessions
        self.coder = coder

    async def dispatch(self, request, call_next):
        sessions = self.sessions
        query_token = request.query_params.get("token")
        if query_token is not None and request.method == "GET":
            if not sessions.token_ok(query_token):
                return _refused(request, "wrong token: open the address qualmrs serve printed")
            cookie, _ = sessions.new(self.coder)
            params = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            target = request.url.path + ("?" + urlencode(params) if params else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(COOKIE, cookie, httponly=True, samesite="strict", path="/")
            return _headers(response)
        bearer = request.headers.get("authorization", "")
        session = sessions.read(request.cookies.get(COOKIE))
        by_token = bearer.startswith("Bearer ") and sessions.token_ok(bearer[7:].strip())
        if session is None and not by_token:
            return _refused(request, "not signed in: open the address with ?token=... that "
                                     "qualmrs serve printed")
        if request.method not in SAFE:
            if not _same_origin(request):
                return _refused(request, "refused: the request did not come from this page")
            if not by_token and not hmac.compare_digest(
                    request.headers.get("x-csrf-token", ""), session.get("csrf", "")):
                return _refused(request, "missing or wrong CSRF token; reload the page")
        request.state.session = session or {"csrf": "", "coder": self.coder}
        return _headers(await call_next(request))


def _headers(response):
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    # no inline script may run; data reaches a page only as JSON in a non-script element
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
    return response
