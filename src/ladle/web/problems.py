"""Errors as RFC 9457 problem details: the one place where a refusal becomes an HTTP status.

Every ``LadleError`` the library raises is answered with its status from ``STATUSES`` (the
first row whose class it is an instance of) and a body of media type
``application/problem+json``::

    {"type": "urn:ladle:problem:not-in-library", "title": "Not in library", "status": 404,
     "detail": "library: no recipe has id 7 (`ladle list` shows the ids)",
     "where": "library", "hint": "`ladle list` shows the ids"}

``detail`` is the very line the command line prints after ``error:``. HTTP's own refusals (no
such route, a body too large, a missing CSRF token, a wrong password) and FastAPI's validation
errors take the same shape, with ``type`` ``about:blank`` and the status phrase as ``title``.
A browser asking for a page (not ``/api``) gets the same message on an HTML error page.
"""

from __future__ import annotations

import http
import re
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from ladle.errors import (
    LadleError,
    LibraryError,
    NotInLibrary,
    SourceTooLarge,
    UnknownFormat,
)
from ladle.web.rendering import error_page

__all__ = ["MEDIA_TYPE", "RESPONSES", "STATUSES", "install", "problem", "status_of"]

MEDIA_TYPE = "application/problem+json"

# What the OpenAPI document says of every refusal (in place of FastAPI's 422 of JSON).
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "The command line's error line."},
        "where": {"type": ["string", "null"]},
        "hint": {"type": ["string", "null"]},
    },
}
RESPONSES: dict[int | str, dict[str, Any]] = {
    "default": {
        "description": "A refusal, as RFC 9457 problem details.",
        "content": {MEDIA_TYPE: {"schema": PROBLEM_SCHEMA}},
    }
}

# The library's refusals, most specific first: the first row that matches gives the status.
STATUSES: tuple[tuple[type[LadleError], int], ...] = (
    (NotInLibrary, 404),  # no recipe has this id
    (LibraryError, 503),  # the library cannot be opened, read or changed: try again later
    (SourceTooLarge, 413),  # over the size a source may have
    (UnknownFormat, 400),  # a format name ladle does not know: a bad request
    (LadleError, 422),  # well-formed, but not a recipe ladle can read, scale, convert …
)


def status_of(error: LadleError) -> int:
    """The HTTP status of one of the library's refusals."""
    return next(status for kind, status in STATUSES if isinstance(error, kind))


def _type_name(error: LadleError) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", type(error).__name__).lower()


def problem(
    status: int,
    detail: str,
    *,
    type_: str = "about:blank",
    title: str | None = None,
    extra: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A problem details response (RFC 9457)."""
    body: dict[str, Any] = {
        "type": type_,
        "title": title or http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **(extra or {}),
    }
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def ladle_problem(error: LadleError) -> JSONResponse:
    """A library refusal as problem details: its one line as ``detail``, and whatever else
    the error carries for a program (``problem_fields``: an infeasible plan's fixes)."""
    name = _type_name(error)
    more: Mapping[str, Any] = getattr(error, "problem_fields", None) or {}
    return problem(
        status_of(error),
        error.line(),
        type_=f"urn:ladle:problem:{name}",
        title=name.replace("-", " ").capitalize(),
        extra={"where": error.where, "hint": error.hint, **more},
    )


def _location(loc: Sequence[Any]) -> str:
    return ".".join(str(part) for part in loc) or "request"


def validation_problem(error: RequestValidationError) -> JSONResponse:
    """FastAPI's validation errors: malformed JSON is a bad request (400), a field out of
    range an unprocessable one (422); ``detail`` names the first field, ``errors`` all."""
    errors = list(error.errors())
    malformed = any(e.get("type") == "json_invalid" for e in errors)
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    if malformed:
        context = first.get("ctx")
        why = context.get("error", "invalid JSON") if isinstance(context, dict) else "invalid JSON"
        detail = f"body: malformed JSON ({why}; send one JSON document)"
    else:
        detail = f"{_location(first.get('loc', ()))}: {first.get('msg', 'invalid')}"
    listed = [
        {"where": _location(e.get("loc", ())), "message": str(e.get("msg", ""))} for e in errors
    ]
    return problem(400 if malformed else 422, detail, extra={"errors": listed})


def _wants_html(request: Request) -> bool:
    """A browser asking for a page: not the API, and HTML accepted."""
    path = request.url.path
    if path.startswith("/api") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def _answer(request: Request, response: JSONResponse) -> Response:
    """Problem details, or the same refusal as an HTML page for a browser."""
    return error_page(request, response) if _wants_html(request) else response


def install(app: FastAPI) -> None:
    """Answer every refusal of ``app`` with problem details (or an error page)."""

    async def on_ladle_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, LadleError)
        return _answer(request, ladle_problem(error))

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        detail = error.detail if isinstance(error.detail, str) else None
        status = error.status_code
        response = problem(
            status, detail or http.HTTPStatus(status).phrase, headers=error.headers or None
        )
        return _answer(request, response)

    async def on_validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        return _answer(request, validation_problem(error))

    app.add_exception_handler(LadleError, on_ladle_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
