"""Answers kept for repeated reads: a recipe's page, a search's page and its JSON.

Reading a recipe page again costs almost nothing: the answer's bytes are kept, keyed on the
request's parameters and on the library's *change stamp*, which moves with every change
committed to the library, by this process or any other (``ladle add`` in a terminal, another
server), so an edit is seen by the next request. The stamp of a SQLite library is
``PRAGMA data_version`` read on a connection of its own that never writes: SQLite changes
it whenever another connection commits, whichever process it belongs to, and reading it
touches no table. A PostgreSQL library, or a SQLite one in memory, has no stamp: nothing is
kept and every request reads the library.

Nothing of a session is kept: a page is kept with a placeholder where the session's CSRF
token goes (``MARKER``, random for each process, never sent), replaced by the token of the
session that asks (``ladle.web.rendering``); whether the session signed in is part of the key.
The answers kept are bounded in bytes, the least recently used forgotten first.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from sqlalchemy.engine import make_url
from starlette.concurrency import run_in_threadpool

from ladle.store import Library

__all__ = ["MAX_BYTES", "Answers", "ChangeStamp"]

MAX_BYTES = 16 * 1024 * 1024  # about 1,600 recipe pages


class ChangeStamp:
    """A value that changes whenever anything is committed to a SQLite library's file."""

    def __init__(self, database: str) -> None:
        self._lock = threading.Lock()
        self._connection = sqlite3.connect(database, check_same_thread=False)

    @classmethod
    def of(cls, library: Library) -> ChangeStamp | None:
        """The stamp of ``library``; None when it has none (PostgreSQL, memory)."""
        url = make_url(library.url)
        database = url.database or ""
        if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
            return None
        if database.startswith("file:") or "mode=memory" in database:
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
        self._kept: OrderedDict[Hashable, tuple[int, bytes]] = OrderedDict()
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

    def _get(self, key: Hashable, stamp: int) -> bytes | None:
        with self._lock:
            kept = self._kept.get(key)
            if kept is None or kept[0] != stamp:
                return None
            self._kept.move_to_end(key)
            return kept[1]

    def _put(self, key: Hashable, stamp: int, body: bytes) -> None:
        if len(body) > self.max_bytes // 4:
            return
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1])
            self._kept[key] = (stamp, body)
            self._bytes += len(body)
            while self._bytes > self.max_bytes:
                _, (_, dropped) = self._kept.popitem(last=False)
                self._bytes -= len(dropped)

    async def answer(self, library: Library, key: Hashable, make: Callable[[], bytes]) -> bytes:
        """The bytes ``make`` gives for ``key`` (made in a worker thread), kept while the
        library does not change. The stamp is read before making: a change committed while
        making leaves the answer under the older stamp, which the next request does not
        match."""
        stamp = self._stamp_of(library)
        if stamp is None:
            return await run_in_threadpool(make)
        body = self._get(key, stamp)
        if body is None:
            body = await run_in_threadpool(make)
            self._put(key, stamp, body)
        return body

    def __len__(self) -> int:
        return len(self._kept)

    def close(self) -> None:
        with self._lock:
            if self._stamp is not None:
                self._stamp.close()
            self._library = self._stamp = None
            self._forget()
