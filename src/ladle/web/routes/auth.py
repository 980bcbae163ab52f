"""Signing in with the password: the login page, ``/api/session``, signing out.

Without a password there is nothing to sign in to: the login page sends the browser on, and
``/api/session`` only hands out the session's CSRF token. Wrong passwords are counted per
client (``LoginLimiter``): five within a minute, then 429 until the first of them is a minute
old.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from ladle.web.rendering import render
from ladle.web.security import csrf_protect
from ladle.web.sessions import LoginLimiter, csrf_token, password_matches, sign_in, signed_in

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(csrf_protect)])


class SessionOut(BaseModel):
    """The session: its CSRF token (send it as ``X-CSRF-Token``), and whether it signed in."""

    csrf_token: str
    password_required: bool
    signed_in: bool


class LoginIn(BaseModel):
    password: str = Field(max_length=1000)


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _check(request: Request, password: str) -> None:
    """Sign this session in, or refuse: 429 while the client has too many wrong passwords,
    401 for a wrong one."""
    expected: str | None = request.app.state.settings.password
    limiter: LoginLimiter = request.app.state.login_limiter
    client = _client(request)
    wait = limiter.retry_after(client)
    if wait is not None:
        raise HTTPException(
            429,
            f"login: too many wrong passwords (wait {wait} seconds and try again)",
            headers={"Retry-After": str(wait)},
        )
    if expected is None or not password_matches(password, expected):
        limiter.failed(client)
        raise HTTPException(401, "login: wrong password (LADLE_PASSWORD of the server)")
    limiter.succeeded(client)
    sign_in(request)


def _session(request: Request) -> SessionOut:
    return SessionOut(
        csrf_token=csrf_token(request),
        password_required=request.app.state.settings.password is not None,
        signed_in=signed_in(request),
    )


@router.get("/api/session", tags=["session"])
async def get_session(request: Request) -> SessionOut:
    """The session's CSRF token (a cookie session starts here for API clients). In the event
    loop: it reads nothing but the session, and a worker thread would cost more than it."""
    return _session(request)


@router.post("/api/session", tags=["session"])
def open_session(request: Request, body: LoginIn) -> SessionOut:
    """Sign in with the password; the answer holds the new session's CSRF token."""
    _check(request, body.password)
    return _session(request)


@router.delete("/api/session", status_code=204, tags=["session"])
def close_session(request: Request) -> Response:
    """Sign out."""
    request.session.clear()
    return Response(status_code=204)


def _local(target: str) -> str:
    """Where to go after signing in: a path of this server only."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@router.get("/login", include_in_schema=False)
def login_page(request: Request, next: str = "/") -> Response:
    if request.app.state.settings.password is None or signed_in(request):
        return RedirectResponse(_local(next), status_code=303)
    return render(request, "login.html", {"next": _local(next), "message": None})


@router.post("/login", include_in_schema=False)
def login(
    request: Request,
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    try:
        _check(request, password)
    except HTTPException as refused:
        context = {"next": _local(next), "message": refused.detail}
        page = render(request, "login.html", context, status=refused.status_code)
        page.headers.update(refused.headers or {})
        return page
    return RedirectResponse(_local(next), status_code=303)


@router.post("/logout", include_in_schema=False)
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login" if request.app.state.settings.password else "/", 303)
