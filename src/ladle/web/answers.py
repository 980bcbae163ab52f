"""Answers kept for repeated reads: a recipe's page, a search's page and its JSON.

Reading a recipe page again costs almost nothing: the answer's bytes are kept, keyed on the
request's parameters and on the library's *change stamp*, which moves with every change
committed to the library, by this process or any other (``ladle add`` in a terminal, another
server), so an edit is seen by the next request. The stamp of a SQLite library is
``PRAGMA data_version`` read on a connection of its own that never writes: SQLite changes
it whenever another connection commits, whichever process it belongs to, and reading it
touches no table. A PostgreSQL library, or a SQLite one in memory, has no stamp: nothing is
kept and every request reads the library.

An answer is kept under its address (path and query, as the route saw them) and whether the
session signed in. Nothing else of a session is kept: a page is kept with a placeholder where
the session's CSRF token goes (``ladle.web.rendering.MARKER``, random for each process, never
sent), replaced by the token of the session that asks. ``KeptAnswers``, the innermost layer
of the app, answers a GET it finds kept (the library unchanged) before routing, so a repeated
read costs neither the routing nor the routes' parameters; any other request goes on to the
routes, which keep what they answer through ``Answers.answer``. The answers kept are bounded
in bytes, the least recently used forgotten first.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from ladle.store import Library
from ladle.web.rendering import MARKER
from ladle.web.sessions import AUTH_KEY, csrf_token

__all__ = [
    "HTML",
    "JSON",
    "MAX_BYTES",
    "Answers",
    "ChangeStamp",
    "KeptAnswers",
    "address",
    "kept_answer",
]

HTML = "text/html; charset=utf-8"
JSON = "application/json"
Address = tuple[str, bytes, bool]


def address(scope: Scope, password: bool) -> Address:
    """What a kept answer is kept under: the path, the query, and whether the session signed
    in (with a password)."""
    signed_in = password and scope["session"].get(AUTH_KEY) is True
    return scope["path"], scope["query_string"], signed_in


async def kept_answer(
    request: Request, library: Library, make: Callable[[], bytes], media_type: str
) -> bytes:
    """What a route answers ``request`` with: kept under its address, else ``make``'s."""
    answers: Answers = request.app.state.answers
    key = address(request.scope, request.app.state.settings.password is not None)
    return await answers.answer(library, key, make, media_type)


MAX_BYTES = 16 * 1024 * 1024  # about 1,600 recipe pages


class ChangeStamp:
    """A value that changes whenever anything is committed to a SQLite library's file."""

    def __init__(self, database: str) -> None:
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(database, check_same_thread=False)

    @classmethod
    def of(cls, library: Library) -> ChangeStamp | None:
        """The stamp of ``library``; None when it has none (PostgreSQL, memory)."""
        scheme, _, rest = library.url.partition("://")
        if scheme.split("+")[0] != "sqlite" or not rest.startswith("/"):
            return None  # PostgreSQL, or SQLite in memory (sqlite://)
        database = rest[1:]  # sqlite:///relative or sqlite:////absolute (only the store
        # imports SQLAlchemy, so the web app reads the URL itself)
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        if "?" in database:  # options for the driver: not read here, so nothing kept
            return None
        return cls(database)

    def read(self) -> int:
        with self._lock:
            row = self._connection.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._connection.close()


class Answers:
    """Answers' bytes by key, each valid while the library's change stamp stays the same."""

    def __init__(self, max_bytes: int = MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._kept: OrderedDict[Hashable, tuple[int, str, bytes]] = OrderedDict()
        self._bytes = 0
        self._library: Library | None = None
        self._stamp: ChangeStamp | None = None

    def _stamp_of(self, library: Library) -> int | None:
        with self._lock:
            if self._library is not library:  # the first library, or one opened again
                if self._stamp is not None:
                    self._stamp.close()
                self._library, self._stamp = library, ChangeStamp.of(library)
                self._forget()
            stamp = self._stamp
        return None if stamp is None else stamp.read()

    def _forget(self) -> None:
        self._kept.clear()
        self._bytes = 0

    def _get(self, key: Hashable, stamp: int) -> tuple[str, bytes] | None:
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or kept[0] != stamp:
                return None
            self._kept.move_to_end(key)
            return kept[1], kept[2]

    def _put(self, key: Hashable, stamp: int, media_type: str, body: bytes) -> None:
        if len(body) > self.max_bytes // 4:
            return
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._bytes -= len(old[2])
            self._kept[key] = (stamp, media_type, body)
            self._bytes += len(body)
            while self._bytes > self.max_bytes:
                _, (_, _, dropped) = self._kept.popitem(last=False)
                self._bytes -= len(dropped)

    def kept(self, library: Library, key: Hashable) -> tuple[str, bytes] | None:
        """The media type and bytes kept for ``key`` while the library has not changed."""
        stamp = self._stamp_of(library)
        return None if stamp is None else self._get(key, stamp)

    async def answer(
        self, library: Library, key: Hashable, make: Callable[[], bytes], media_type: str
    ) -> bytes:
        """The bytes ``make`` gives for ``key`` (made in a worker thread), kept while the
        library does not change. The stamp is read before making: a change committed while
        making leaves the answer under the older stamp, which the next request does not
        match."""
        stamp = self._stamp_of(library)
        if stamp is None:
            return await run_in_threadpool(make)
        kept = self._get(key, stamp)
        if kept is not None:
            return kept[1]
        body = await run_in_threadpool(make)
        self._put(key, stamp, media_type, body)
        return body

    def __len__(self) -> int:
        return len(self._kept)

    def close(self) -> None:
        with self._lock:
            if self._stamp is not None:
                self._stamp.close()
            self._library = self._stamp = None
            self._forget()


class KeptAnswers:
    """Answers a GET from the answers kept, when the library has not changed since; passes
    anything else on to the routes."""

    def __init__(self, app: ASGIApp, answers: Answers, password: bool) -> None:
        self.app = app
        self.answers = answers
        self.password = password

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        library = scope["app"].state.shelf.opened() if scope["type"] == "http" else None
        if library is None or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        kept = self.answers.kept(library, address(scope, self.password))
        if kept is None:
            await self.app(scope, receive, send)
            return
        media_type, body = kept
        if media_type == HTML:
            body = body.replace(MARKER.encode(), csrf_token(Request(scope)).encode())
        headers = [
            (b"content-length", str(len(body)).encode()),
            (b"content-type", media_type.encode()),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
