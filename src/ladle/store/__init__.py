"""The recipe library: the only package that imports SQLAlchemy.

``open_library(url=None)`` gives a ``Library`` (add, get, list, remove, tag); ``tables`` holds
the SQLAlchemy mappings, ``repository`` the queries, ``migrations`` the Alembic history.
"""

from __future__ import annotations

from ladle.store.library import Added, Library, default_library_exists, default_url, open_library
from ladle.store.repository import Entry, content_hash
from ladle.store.search import Query

__all__ = [
    "Added",
    "Entry",
    "Library",
    "Query",
    "content_hash",
    "default_library_exists",
    "default_url",
    "open_library",
]
