"""The web app: HTTP to a library call to a template or JSON (``ladle serve``).

``create_app(library_url=None, password=None)`` gives the FastAPI application: the library's
pages (``routes/pages.py``), the meal planner, cook mode and the shopping list
(``routes/planner.py``, ``routes/shop.py``), the JSON API under ``/api`` (``routes/api.py``,
``routes/plan_api.py``) and signing in (``routes/auth.py``), with the safety of
``security.py``. Nothing heavy loads on import, so
that ``ladle --help``, which registers ``ladle serve`` (``command.py``), stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ladle.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from ladle.web.app import create_app

        return create_app
    raise AttributeError(f"module 'ladle.web' has no attribute {name!r}")
