"""The recipe library: ``open_library(url=None)`` and the ``Library`` object.

SQLite by default, in the user's data directory (platformdirs); ``LADLE_DATABASE_URL``, or the
``url`` argument, names another database. SQLite runs with WAL, a busy timeout and foreign keys
on. Opening a library brings its tables up to date with Alembic (``migrations/``); a library
made by a newer ladle is refused. Every database failure becomes a ``LibraryError``: one line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ladle.errors import LadleError, LibraryError
from ladle.model import Recipe
from ladle.store import repository
from ladle.store.repository import Entry

__all__ = ["Added", "Library", "default_url", "open_library"]

ENV_URL = "LADLE_DATABASE_URL"
BUSY_TIMEOUT_MS = 10_000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True, slots=True)
class Added:
    """What ``Library.add`` did: ``status`` is "added", "skipped" (already stored) or
    "updated" (already stored, replaced with ``update=True``)."""

    id: int
    status: Literal["added", "skipped", "updated"]


def default_url() -> str:
    """``LADLE_DATABASE_URL`` when set, else SQLite in the user's data directory."""
    from_env = os.environ.get(ENV_URL, "").strip()
    if from_env:
        return from_env
    return f"sqlite:///{user_data_path('ladle', appauthor=False) / 'library.sqlite3'}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise LibraryError(
            "is not a database URL", where=repr(url), hint="write sqlite:///PATH"
        ) from None
    if parsed.get_backend_name() != "sqlite":
        raise LibraryError(
            f"{parsed.get_backend_name()} libraries are not supported yet",
            where=ENV_URL,
            hint="use a sqlite:///PATH URL",
        )
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                f"cannot make the library's folder ({error.strerror})", where=str(folder)
            ) from None
    engine = create_engine(parsed)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _migrate(engine: Engine) -> None:
    """Bring the tables to the newest migration; refuse a library from a newer ladle."""

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    script = ScriptDirectory.from_config(config)
    with engine.begin() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
        if current == set(script.get_heads()):
            return
        known = {s.revision for s in script.walk_revisions()}
        if current - known:
            raise LibraryError(
                f"made by a newer ladle (schema {', '.join(sorted(current - known))})",
                where="library",
                hint="upgrade ladle to open it",
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@contextmanager
def _database_errors(url: str) -> Iterator[None]:
    try:
        yield
    except LadleError:
        raise
    except (SQLAlchemyError, OSError) as error:
        cause = getattr(error, "orig", None) or error
        where = make_url(url).render_as_string(hide_password=True)
        raise LibraryError(str(cause), where=where) from None


class Library:
    """The recipes a cook keeps: add, get, list, remove and tag, each in one transaction."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.url = url
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with _database_errors(self.url), self._sessions.begin() as session:
            yield session

    def add(self, recipe: Recipe, *, update: bool = False) -> Added:
        """Store a recipe; one already stored (same content hash) is skipped, or replaced
        when ``update`` is true."""
        with self._session() as session:
            row = repository.find_by_hash(session, repository.content_hash(recipe))
            if row is None:
                return Added(repository.insert(session, recipe).id, "added")
            if not update:
                return Added(row.id, "skipped")
            return Added(repository.replace(session, row, recipe).id, "updated")

    def get(self, recipe_id: int) -> Recipe:
        with self._session() as session:
            return repository.recipe_of(repository.get_row(session, recipe_id))

    def list(self) -> Sequence[Entry]:
        with self._session() as session:
            return repository.entries(session)

    def remove(self, recipe_id: int) -> None:
        with self._session() as session:
            repository.delete(session, recipe_id)

    def tag(self, recipe_id: int, tags: Iterable[str]) -> Sequence[str]:
        with self._session() as session:
            return repository.tag(session, recipe_id, tags)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_library(url: str | None = None) -> Library:
    """Open (and create, or migrate, when needed) the library at ``url``, by default
    ``LADLE_DATABASE_URL`` or SQLite in the user's data directory."""
    url = url or default_url()
    engine = _engine(url)
    with _database_errors(url):
        _migrate(engine)
    return Library(engine, url)
