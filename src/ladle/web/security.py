"""What keeps the web app safe to run: sessions, CSRF tokens, the password, headers, limits.

- **Where it answers**: only to the host names it was started for (``Settings.trusted_hosts``;
  the loopback names when it serves 127.0.0.1), so a page elsewhere cannot reach it through
  DNS rebinding.
- **Sessions**: a signed cookie (Starlette's ``SessionMiddleware``, itsdangerous; HttpOnly,
  SameSite=Lax) holding the session's CSRF token and, with a password, that it signed in.
  The signing key is random for each process unless one is given.
- **Password** (``LADLE_PASSWORD``): every page and API call but the login page, the session
  endpoint and the static files needs a signed-in session (``LoginRequired``); wrong
  passwords are counted per client, and the sixth within a minute is refused with 429
  (``ladle.web.sessions.LoginLimiter``).
- **CSRF**: every state-changing request (POST, PUT, PATCH, DELETE) carries the session's
  token, as the ``X-CSRF-Token`` header or a form's ``csrf_token`` field (``csrf_protect``);
  the API takes it as the header only, with a JSON body; a browser's ``Origin``, when sent,
  must be this server.
- **Cross-site solves**: a GET that runs the planner (the planner page with its dishes, cook
  mode, the plan's chart and calendar) is refused (403) when the browser says it comes from
  another site (``Sec-Fetch-Site: cross-site``), so an ``<img>`` elsewhere cannot make the
  user's browser set the solver to work (``cross_site_refusal``); clients that send no such
  header (curl, scripts) are served.
- **Headers** on every answer (``Guard``): a Content-Security-Policy without inline script,
  ``X-Content-Type-Options: nosniff``, a same-origin referrer policy, no framing.
- **Size**: a request body over ``Settings.max_body_bytes`` is refused with 413, before it is
  read when it says its length, as soon as it passes the limit when it does not.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ladle.web.problems import problem
from ladle.web.sessions import AUTH_KEY, CSRF_KEY

__all__ = [
    "HEADERS",
    "LOOPBACK_NAMES",
    "MAX_BODY_BYTES",
    "MAX_UPLOAD_BYTES",
    "BodyTooLarge",
    "Guard",
    "LoginRequired",
    "Settings",
    "cross_site_refusal",
    "csrf_protect",
    "host_name",
    "no_cross_site_solve",
]

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a recipe file or page: far beyond any recipe
MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 256 * 1024  # the upload and the rest of its form
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


@dataclass(frozen=True, slots=True)
class Settings:
    """How one web app runs: its library, its password, the hosts it answers to."""

    library_url: str | None = None
    password: str | None = None
    trusted_hosts: tuple[str, ...] | None = LOOPBACK_NAMES  # None: any host
    max_body_bytes: int = MAX_BODY_BYTES


# --- CSRF ---------------------------------------------------------------------------------------


def _same_origin(request: Request, origin: str) -> bool:
    parts = urlsplit(origin)
    return parts.scheme in {"http", "https"} and parts.netloc == request.headers.get("host")


def _refuse(status: int, detail: str) -> HTTPException:
    return HTTPException(status, detail)


async def csrf_protect(request: Request) -> None:
    """Refuse a state-changing request without this session's CSRF token (403), from another
    site (403), or, for the API, with a body that is not JSON (415)."""
    if request.method in SAFE_METHODS:
        return
    origin = request.headers.get("origin")
    if origin is not None and not _same_origin(request, origin):
        raise _refuse(403, f"csrf: a request from {origin!r} is refused (use this server's pages)")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    api = request.url.path.startswith("/api/")
    given = request.headers.get("x-csrf-token")
    if api:
        has_body = request.headers.get("content-length", "0") != "0" or (
            "transfer-encoding" in request.headers
        )
        if has_body and not (content_type == "application/json" or content_type.endswith("+json")):
            raise _refuse(
                415, f"body: the API takes JSON, not {content_type or 'an untyped body'} "
                "(send Content-Type: application/json)"
            )  # fmt: skip
    elif given is None and content_type in FORM_TYPES:
        value = (await request.form()).get("csrf_token")
        given = value if isinstance(value, str) else None
    expected = request.session.get(CSRF_KEY)
    if not (
        isinstance(expected, str)
        and given
        and hmac.compare_digest(expected.encode(), given.encode())
    ):
        where = "X-CSRF-Token" if api else "csrf"
        hint = "GET /api/session gives the token" if api else "reload the page and try again"
        raise _refuse(403, f"{where}: the security token is missing or out of date ({hint})")


def cross_site_refusal(request: Request) -> str | None:
    """Why a request that would run the planner is refused: it comes from another site (a
    browser's ``Sec-Fetch-Site``); None when it may run (this site, a typed address, a
    client that does not say)."""
    if request.headers.get("sec-fetch-site", "").strip().lower() != "cross-site":
        return None
    return (
        "cross-site: ladle plans a meal only when asked from its own pages "
        "(open the planner here and press Plan)"
    )


async def no_cross_site_solve(request: Request) -> None:
    """Refuse (403) a request from another site that would run the planner."""
    refusal = cross_site_refusal(request)
    if refusal is not None:
        raise _refuse(403, refusal)


# --- middleware ---------------------------------------------------------------------------------


class BodyTooLarge(HTTPException):
    """A request body over the limit (413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"body: the request is over the {limit / 1_048_576:g} MB limit "
            "(give the recipe on its own)",
        )


def host_name(host_header: str) -> str:
    """The host of a Host header, without its port: ``[::1]:8000`` → ``::1``."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """The outermost layer: the host check, the body size limit, the security headers."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        refusal = self._refusal(Headers(scope=scope))
        if refusal is not None:
            await _send_problem(refusal, scope, receive, send_with_headers)
            return
        limit, received = self.settings.max_body_bytes, 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        try:
            await self.app(scope, limited, send_with_headers)
        except BodyTooLarge as error:
            if started:
                raise
            await _send_problem(error, scope, receive, send_with_headers)

    def _refusal(self, headers: Headers) -> HTTPException | None:
        trusted = self.settings.trusted_hosts
        host = host_name(headers.get("host", ""))
        if trusted is not None and host not in trusted:
            return HTTPException(
                400, f"host: {host or 'no host'!r} is not a name of this server "
                f"(open it as {trusted[0]})"
            )  # fmt: skip
        length = headers.get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                return HTTPException(400, "Content-Length: not a number of bytes")
            if int(length) > self.settings.max_body_bytes:
                return BodyTooLarge(self.settings.max_body_bytes)
        return None


async def _send_problem(error: HTTPException, scope: Scope, receive: Receive, send: Send) -> None:
    response = problem(error.status_code, str(error.detail))
    await response(scope, receive, send)


PUBLIC_PATHS = frozenset({"/login", "/api/session"})


class LoginRequired:
    """With a password, everything but the login and the static files needs a signed-in
    session: a page redirects to the login page, the API answers 401."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if (
            scope["type"] != "http"
            or self.settings.password is None
            or scope["session"].get(AUTH_KEY) is True
            or path in PUBLIC_PATHS
            or path.startswith("/static/")
        ):
            await self.app(scope, receive, send)
            return
        accept = Headers(scope=scope).get("accept", "")
        if path.startswith("/api/") or path == "/openapi.json" or "text/html" not in accept:
            error = HTTPException(
                401, "login: this ladle needs its password "
                "(sign in at /login, or POST it to /api/session)"
            )  # fmt: skip
            await _send_problem(error, scope, receive, send)
            return
        target = path + (
            f"?{scope['query_string'].decode('latin-1')}" if scope["query_string"] else ""
        )
        await RedirectResponse(f"/login?next={quote(target)}", status_code=303)(
            scope, receive, send
        )
