"""Pages from templates: one Jinja2 environment with autoescaping, and the static files.

Everything a template shows is escaped by Jinja2 (``autoescape=True``); the only markup that
goes in unescaped is the recipe's JSON-LD, which ``ladle.formats.jsonld.script_json`` writes
with ``<``, ``>`` and ``&`` as ``\\u`` escapes so that no text can close its ``<script>``
element. Static files are named with a digest of their content (``/static/ladle.js?v=…``), so
a browser never runs an old script against a new page.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ladle.web.markup import cleaned
from ladle.web.sessions import csrf_token, signed_in

__all__ = [
    "MARKER",
    "STATIC",
    "TEMPLATES",
    "error_page",
    "render",
    "render_shared",
    "templates",
    "with_session",
]

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
# Where a page kept for every session (``render_shared``) has its session's CSRF token: random
# for each process and replaced before any answer leaves it (``with_session``).
MARKER = f"csrf-{secrets.token_hex(16)}"


@cache
def _digest(name: str) -> str:
    return hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]


def static_url(name: str) -> str:
    """The address of a static file, with its content's digest."""
    return f"/static/{name}?v={_digest(name)}"


def number(value: float | None) -> str:
    """A number as a form shows it: 4, 2.5, 0.33; nothing for none."""
    return "" if value is None else f"{round(value, 2):g}"


def _context(request: Request) -> dict[str, Any]:
    """What every page knows: the CSRF token of its session, and whether anyone signed in."""
    settings = request.app.state.settings
    return {
        "csrf_token": csrf_token(request),
        "password_required": settings.password is not None,
        "signed_in": signed_in(request),
    }


@cache
def templates() -> Jinja2Templates:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["static"] = static_url
    environment.globals["number"] = number
    environment.filters["cleaned"] = cleaned
    return Jinja2Templates(env=environment, context_processors=[_context])


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    """A page from its template."""
    return templates().TemplateResponse(request, name, context or {}, status_code=status)


def render_shared(request: Request, name: str, context: dict[str, Any]) -> bytes:
    """A page as every session that signed in (or not) as this one sees it, the CSRF token
    left as ``MARKER``: keep it (``ladle.web.answers``), answer it through ``with_session``."""
    whole = {
        **context,
        "request": request,
        "csrf_token": MARKER,
        "password_required": request.app.state.settings.password is not None,
        "signed_in": signed_in(request),
    }
    return templates().get_template(name).render(whole).encode()


def with_session(request: Request, body: bytes) -> HTMLResponse:
    """A page of ``render_shared`` for this request's session: its CSRF token in place."""
    token = csrf_token(request)
    return HTMLResponse(body.replace(MARKER.encode(), token.encode()))


def error_page(request: Request, problem: JSONResponse) -> Response:
    """A refusal shown to a browser: the problem's title and its one-line message."""
    body = json.loads(bytes(problem.body))
    page = render(request, "error.html", {"problem": body}, status=problem.status_code)
    for header in ("retry-after", "allow"):
        if header in problem.headers:
            page.headers[header] = problem.headers[header]
    return page
