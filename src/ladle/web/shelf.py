"""The library the web app serves, opened on first use rather than at start-up.

Opening a library (``ladle.store.open_library``) connects and checks the schema; reading no
recipe at start-up keeps the server ready at once, whatever the library's size.
A library that cannot be opened is tried again at the next request (the error is a
``LibraryError``: 503).
"""

from __future__ import annotations

import threading

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from ladle.store import Library, open_library

__all__ = ["Shelf", "library", "library_now"]


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

    def opened(self) -> Library | None:
        """The library when it is open already (no lock, no waiting)."""
        return self._library

    def close(self) -> None:
        with self._lock:
            if self._library is not None:
                self._library.close()
                self._library = None


async def library(request: Request) -> Library:
    """The app's library (a dependency): at hand once open, so a request does not wait for a
    worker thread twice; opened in a worker thread the first time (it connects and checks the
    schema)."""
    shelf: Shelf = request.app.state.shelf
    opened = shelf.opened()
    return opened if opened is not None else await run_in_threadpool(shelf.get)


def library_now(request: Request) -> Library:
    """The app's library, from a route's own code (a worker thread) rather than a dependency."""
    shelf: Shelf = request.app.state.shelf
    return shelf.get()
