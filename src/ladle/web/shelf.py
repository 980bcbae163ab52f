"""The library the web app serves, opened on first use rather than at start-up.

Opening a library (``ladle.store.open_library``) connects and checks the schema; reading no
recipe at start-up keeps the server ready at once, whatever the library's size.
A library that cannot be opened is tried again at the next request (the error is a
``LibraryError``: 503).
"""

from __future__ import annotations

import threading

from fastapi import Request

from ladle.store import Library, open_library

__all__ = ["Shelf", "library"]


class Shelf:
    """Holds one library, opened by whichever request needs it first."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._lock = threading.Lock()
        self._library: Library | None = None

    def get(self) -> Library:
        with self._lock:
            if self._library is None:
                self._library = open_library(self.url)
            return self._library

    def close(self) -> None:
        with self._lock:
            if self._library is not None:
                self._library.close()
                self._library = None


def library(request: Request) -> Library:
    """The app's library (a dependency: FastAPI runs it in a worker thread)."""
    shelf: Shelf = request.app.state.shelf
    return shelf.get()
