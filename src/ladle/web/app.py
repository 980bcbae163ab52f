"""``create_app``: the FastAPI application of ``ladle serve``.

The layers of a request, outermost first: ``Guard`` (the host check, the body size limit,
the security headers), Starlette's ``SessionMiddleware`` (the signed session cookie),
``LoginRequired`` (with a password), ``BlankFieldsDropped`` (a page's empty form fields are
fields not given), ``KeptAnswers`` (a repeated read of a recipe page or a search, answered
while the library has not changed: ``answers``), then the routes (``routes/``), whose
state-changing requests pass ``csrf_protect``. Every refusal is answered in ``problems``.
The library opens on first use (``shelf``); plans made in the last minute are kept
(``meals.PlanCache``), so a plan's page, chart, calendar and cook mode share one solve.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from ladle import __version__
from ladle.web import problems
from ladle.web.answers import Answers, KeptAnswers
from ladle.web.forms import BlankFieldsDropped
from ladle.web.meals import PlanCache
from ladle.web.rendering import STATIC
from ladle.web.routes import api, auth, pages, plan_api, planner, shop
from ladle.web.security import LOOPBACK_NAMES, MAX_BODY_BYTES, Guard, LoginRequired, Settings
from ladle.web.sessions import LoginLimiter
from ladle.web.shelf import Shelf

__all__ = ["create_app"]

SESSION_COOKIE = "ladle_session"
SESSION_DAYS = 14
# Worker threads for the routes (FastAPI runs a plain ``def`` route in one): anyio's 40 gain
# nothing on a few cores for work that holds the GIL, and each brings a database connection
# with its page cache (2 MB on SQLite) and a malloc arena: 186 MiB after bench/web.py's load
# with 40, under 150 with 8 (BENCHMARKS.md, "Web app"). The other requests wait their turn.
WORKER_THREADS = 8


def create_app(
    library_url: str | None = None,
    password: str | None = None,
    *,
    trusted_hosts: Sequence[str] | None = LOOPBACK_NAMES,
    secret_key: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The web app over the library at ``library_url`` (default: ``LADLE_DATABASE_URL`` or
    the user's library), asking for ``password`` when one is given.

    ``trusted_hosts``: the host names it answers to (None: any; behind a proxy, name the
    proxy's). ``secret_key`` signs the session cookies (default: random, so sessions end
    when the process does).
    """
    settings = Settings(
        library_url=library_url,
        password=password or None,
        trusted_hosts=None if trusted_hosts is None else tuple(h.lower() for h in trusted_hosts),
        max_body_bytes=max_body_bytes,
    )
    shelf = Shelf(library_url)
    answers = Answers()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
        yield
        answers.close()
        shelf.close()

    app = FastAPI(
        title="ladle",
        version=__version__,
        summary="Read any recipe, understand it, and plan the cooking.",
        docs_url=None,  # the interactive pages load scripts from a CDN: the document only
        redoc_url=None,
        lifespan=lifespan,
        responses=problems.RESPONSES,
    )
    app.state.settings = settings
    app.state.shelf = shelf
    app.state.answers = answers
    app.state.login_limiter = LoginLimiter()
    app.state.plans = PlanCache()
    problems.install(app)
    # The pages first: routes are tried in order, and the recipe page and the library are
    # asked for most (no two routes answer the same method and path, so the order is free).
    app.include_router(pages.router)
    app.include_router(api.router)
    app.include_router(plan_api.router)
    app.include_router(auth.router)
    app.include_router(planner.router)
    app.include_router(shop.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Added innermost first: a request meets Guard, then the session, then LoginRequired,
    # then a page's form loses its empty fields, then a GET kept answers at once.
    app.add_middleware(KeptAnswers, answers=answers, password=settings.password is not None)
    app.add_middleware(BlankFieldsDropped)
    app.add_middleware(LoginRequired, settings=settings)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or secrets.token_urlsafe(32),
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_DAYS * 24 * 3600,
        same_site="lax",
    )
    app.add_middleware(Guard, settings=settings)
    return app
