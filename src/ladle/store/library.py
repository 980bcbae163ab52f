"""The recipe library: ``open_library(url=None)`` and the ``Library`` object.

SQLite by default, in the user's data directory (platformdirs); ``LADLE_DATABASE_URL``, or the
``url`` argument, names another database. SQLite runs with WAL, a busy timeout and foreign keys
on. Opening a library brings its tables up to date with Alembic (``migrations/``); a library
made by a newer ladle is refused. Every database failure becomes a ``LibraryError``: one line.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TypeVar

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ladle.errors import FoodDataError, LadleError, LibraryError
from ladle.foods.table import FoodTable
from ladle.foods.usda import Release
from ladle.model import Recipe
from ladle.store import backup as backups
from ladle.store import foods, repository
from ladle.store.backup import Restored
from ladle.store.repository import Entry
from ladle.store.search import Query

T = TypeVar("T")

__all__ = ["Added", "Library", "default_url", "open_library"]

ENV_URL = "LADLE_DATABASE_URL"
BUSY_TIMEOUT_MS = 30_000
OPEN_ATTEMPTS = 6  # opening a library "locked" at once: tried again after 0.05 s … 1.6 s
WRITE_OPTION = "ladle_write"
RETRIES = 5  # a write that meets a deadlock, a serialization failure or a twin insert
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration: a library that records it is opened without importing Alembic (0.1 s
# of CPU at every start). tests/test_store_schema.py keeps it equal to Alembic's head.
SCHEMA_HEAD = "0005"


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


def default_library_exists() -> bool:
    """Whether the default library is there to open: always when ``LADLE_DATABASE_URL`` names
    one; else whether its SQLite file exists (reading must not create it)."""
    url = default_url()
    if os.environ.get(ENV_URL, "").strip() or not url.startswith("sqlite:///"):
        return True
    return Path(url.removeprefix("sqlite:///")).exists()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # ladle says BEGIN itself (``_sqlite_begin``)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")  # first: WAL's switch waits too
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _postgres_custom_plans(dbapi_connection: Any, _record: Any) -> None:
    """Plan each statement with its values: psycopg prepares a statement run five times, and
    PostgreSQL's generic plan of a search, made without its words, bitmap-scans every title
    match of a word in half the library (26 ms where the query planned with it takes 1.6)."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET plan_cache_mode = force_custom_plan")
    dbapi_connection.commit()


def _sqlite_begin(connection: Connection) -> None:
    """A writing transaction takes SQLite's write lock at once (BEGIN IMMEDIATE), so that a
    writer waits its turn under the busy timeout instead of failing when another writer has
    committed since it read; a reading one does not block writers (WAL)."""
    writing = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


CONNECT_TIMEOUT_S = 10


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise LibraryError(
            "is not a database URL",
            where=repr(url),
            hint="write sqlite:///PATH or postgresql://USER@HOST/DATABASE",
        ) from None
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        # psycopg 3, whatever driver the URL names; a server that does not answer fails fast
        engine = create_engine(
            parsed.set(drivername="postgresql+psycopg"),
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S},
            pool_pre_ping=True,
        )
        event.listen(engine, "connect", _postgres_custom_plans)
        return engine
    if backend != "sqlite":
        raise LibraryError(
            f"{backend} libraries are not supported",
            where=ENV_URL,
            hint="use a sqlite:///PATH or postgresql://USER@HOST/DATABASE URL",
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
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _recorded(connection: Connection) -> set[str]:
    """The schema revisions the library records (none in a new database)."""
    if not inspect(connection).has_table("alembic_version"):
        return set()
    return {str(r) for r in connection.scalars(text("SELECT version_num FROM alembic_version"))}


def _migrate(engine: Engine) -> None:
    """Bring the tables to the newest migration; refuse a library from a newer ladle."""
    from alembic import command  # noqa: PLC0415 (only when the schema is not the newest)
    from alembic.config import Config  # noqa: PLC0415
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    script = ScriptDirectory.from_config(config)
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if connection.dialect.name == "postgresql":  # one migrating process at a time
            connection.execute(text("SELECT pg_advisory_xact_lock(7471001)"))
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


# what to do about a database's own words (SQLite's, mostly), found in its message
HINTS = {
    "database or disk is full": "free some disk space and try again; what was stored is kept",
    "disk I/O error": "the disk may be full or failing: free some space or check it and try "
    "again; what was stored is kept",
    "readonly database": "the library's file or its folder is read-only: make both writable, "
    "or name another library with LADLE_DATABASE_URL",
}


def _hint(message: str) -> str | None:
    return next((hint for words, hint in HINTS.items() if words in message), None)


@contextmanager
def _database_errors(url: str) -> Iterator[None]:
    try:
        yield
    except LadleError:
        raise
    except (SQLAlchemyError, OSError) as error:
        cause = getattr(error, "orig", None) or error
        message = " ".join(str(cause).split())
        parsed = make_url(url)
        where = url if parsed.password is None else parsed.render_as_string(hide_password=True)
        raise LibraryError(message, where=where, hint=_hint(message)) from None


RETRY_STATES = {"40001", "40P01"}  # serialization failure, deadlock detected


def _retryable(error: BaseException | None) -> bool:
    if isinstance(error, IntegrityError):
        return True
    if isinstance(error, DBAPIError):
        return getattr(error.orig, "sqlstate", None) in RETRY_STATES
    return False


def _add_one(session: Session, recipe: Recipe, update: bool) -> Added:
    row = repository.find_by_hash(session, repository.content_hash(recipe))
    if row is None:
        return Added(repository.insert(session, recipe).id, "added")
    if not update:
        return Added(row.id, "skipped")
    row = repository.get_row(session, row.id, lock=True)
    return Added(repository.replace(session, row, recipe).id, "updated")


class Library:
    """The recipes a cook keeps: add, get, list, remove and tag, each in one transaction."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.url = url
        self._engine = engine
        self._readers = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @property
    def location(self) -> str:
        """Where the library is, to show a user: its URL, any password hidden."""
        parsed = make_url(self.url)
        return self.url if parsed.password is None else parsed.render_as_string(hide_password=True)

    @contextmanager
    def _session(self, *, write: bool = False) -> Iterator[Session]:
        with _database_errors(self.url), (self._writers if write else self._readers).begin() as s:
            yield s

    def _write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one writing transaction, again when the database asks for a retry
        (a deadlock or serialization failure, or a twin insert of the same recipe)."""
        for attempt in range(RETRIES):
            try:
                with self._session(write=True) as session:
                    return work(session)
            except LibraryError as error:
                if attempt == RETRIES - 1 or not _retryable(error.__context__):
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def add(self, recipe: Recipe, *, update: bool = False) -> Added:
        """Store a recipe; one already stored (same content hash) is skipped, or replaced
        when ``update`` is true."""
        return self.add_many([recipe], update=update)[0]

    def add_many(self, recipes: Sequence[Recipe], *, update: bool = False) -> list[Added]:
        """Store several recipes in one transaction (all of them or, on an error, none);
        each as ``add`` would."""

        def work(session: Session) -> list[Added]:
            return [_add_one(session, recipe, update) for recipe in recipes]

        return self._write(work) if recipes else []

    def replace(self, recipe_id: int, recipe: Recipe) -> Added:
        """Store ``recipe`` in place of recipe ``recipe_id``: same id, its tags kept. Refused
        when the same recipe is already stored under another id."""

        def work(session: Session) -> Added:
            row = repository.get_row(session, recipe_id, lock=True)
            twin = repository.find_by_hash(session, repository.content_hash(recipe))
            if twin is not None and twin.id != recipe_id:
                raise LibraryError(
                    f"the same recipe is already stored as id {twin.id}",
                    where=f"library recipe {recipe_id}",
                    hint=f"remove {twin.id} first, or keep it",
                )
            return Added(repository.replace(session, row, recipe).id, "updated")

        return self._write(work)

    def get(self, recipe_id: int) -> Recipe:
        with self._session() as session:
            return repository.recipe_of(repository.get_row(session, recipe_id))

    def list(self) -> Sequence[Entry]:
        with self._session() as session:
            return repository.entries(session)

    def search(self, query: Query) -> Sequence[Entry]:
        """The recipes that match, best first (see ``ladle.store.search``)."""
        with self._session() as session:
            return repository.search_entries(session, query)

    def remove(self, recipe_id: int) -> None:
        self._write(lambda session: repository.delete(session, recipe_id))

    def tag(self, recipe_id: int, tags: Iterable[str]) -> Sequence[str]:
        wanted = list(tags)
        return self._write(lambda session: repository.tag(session, recipe_id, wanted))

    def untag(self, recipe_id: int, tags: Iterable[str]) -> Sequence[str]:
        """Take tags off a recipe (in any case); the tags it keeps."""
        unwanted = list(tags)
        return self._write(lambda session: repository.untag(session, recipe_id, unwanted))

    def backup(self, path: str | os.PathLike[str]) -> int:
        """Write the whole library to one file, whole or not at all (``ladle.store.backup``);
        returns the number of recipes backed up."""
        with self._session() as session:
            return backups.write(session, Path(path))

    def restore(self, path: str | os.PathLike[str], *, merge: bool = False) -> Restored:
        """Bring back the recipes of a backup, in one transaction, after checking the whole
        file (format, version, checksum). Into an empty library they keep their ids and
        times; a library that holds recipes is refused unless ``merge``, which adds each one
        as ``add`` would (one already stored, by content, is skipped)."""
        source = Path(path)
        header = backups.verify(source)
        return self._write(lambda session: backups.load(session, source, header, merge=merge))

    # --- the food table (ladle.store.foods) ---------------------------------------------------

    def import_foods(
        self,
        release: Release,
        progress: Callable[[int, int], None] | None = None,
        *,
        source: str = "",
    ) -> int:
        """Replace the food table by a USDA release, in one transaction (a failure leaves the
        previous table); the user's overrides are kept. Returns the number of foods stored;
        ``progress(done, total)`` counts the rows stored."""
        return self._write(lambda s: foods.load(s, release, source=source, progress=progress))

    def food_release(self) -> foods.FoodRelease | None:
        """Which release the food table holds, or None before the first import."""
        with self._session() as session:
            return foods.release_of(session)

    def food_table(self) -> FoodTable:
        """The imported food table; ``FoodDataError`` when there is none."""
        release = self.food_release()
        if release is None:
            raise FoodDataError("the library holds no food table", hint=foods.NO_TABLE_HINT)
        return foods.StoreFoodTable(self._session, release)

    def set_food_override(self, name: str, food_id: str | None) -> None:
        """Ingredients called ``name`` are the food ``food_id`` from now on, whatever matching
        would choose; ``None`` forgets the choice."""
        if food_id is None:
            self._write(lambda s: foods.forget_override(s, name))
        else:
            self._write(lambda s: foods.set_override(s, name, food_id))

    def lost_food_overrides(self) -> dict[str, str]:
        """The overrides whose food the food table does not hold (name → food id)."""
        with self._session() as session:
            return foods.lost_overrides(session)

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
    try:
        last = OPEN_ATTEMPTS - 1
        for attempt in range(OPEN_ATTEMPTS):
            began = time.monotonic()
            try:
                with _database_errors(url):
                    with engine.connect() as connection:
                        current = _recorded(connection) == {SCHEMA_HEAD}
                    if not current:
                        _migrate(engine)
                break
            except LibraryError as error:
                # SQLite answers "locked" at once, not after its busy timeout, when several
                # processes first turn a new file to WAL: try again shortly, a few times
                at_once = time.monotonic() - began < BUSY_TIMEOUT_MS / 1000 / 2
                if "database is locked" not in str(error) or not at_once or attempt == last:
                    raise
                time.sleep(0.05 * 2**attempt)
    except BaseException:
        engine.dispose()  # a refused library is left closed, not open until collected
        raise
    return Library(engine, url)
