"""Backups of the library: one self-describing file, written whole or not at all.

A backup is gzip-compressed JSON Lines, in two gzip members (``zcat`` reads them as one text):

- the first holds one line, the header::

    {"format":"ladle-library-backup","version":2,"schema":"0004","recipes":2,"overrides":1,
     "sha256":"…"}

  ``schema`` is the library's Alembic revision, ``recipes`` and ``overrides`` the numbers of
  lines of each kind that follow and ``sha256`` the checksum of those lines (their UTF-8 bytes,
  newlines included);
- the second holds one line per recipe, by id, then one per food override (the user's choice
  of the food an ingredient is, ``ladle nutrition match``), by name::

    {"id":1,"created_at":"…+00:00","updated_at":"…+00:00","tags":["dinner"],"document":"…"}
    {"override":"dijon mustard","food_id":"02046","created_at":"…+00:00"}

  ``document`` is the stored recipe JSON, as text, byte for byte; ``tags`` are sorted; the times
  are UTC with microseconds.

The food table itself (USDA's release) is not in a backup: it is public data the user imports
again with ``ladle nutrition import``; an override whose food the table lacks is kept, as an
import keeps it. Version 1 files (no overrides) are still restored.

Nothing in the file depends on when or where it was written (gzip mtime 0, no file name), so a
library restored from a backup backs up to the same bytes. The recipes are streamed: the body
is compressed into an anonymous temporary file while the checksum is worked out, then the
header and the body go to a temporary file beside the target, which is flushed and renamed
into place.

A restore reads the whole file and checks its format, version, schema and checksum before it
changes anything, then restores in one transaction (all or nothing), reading it again.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import stat
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TypeVar

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from ladle.errors import LadleError, LibraryError
from ladle.model import Recipe
from ladle.outputs import file_mode
from ladle.store import repository
from ladle.store.repository import Stored
from ladle.store.tables import FoodOverrideRow, RecipeRow, TagRow

__all__ = ["FORMAT", "VERSION", "Header", "Restored", "load", "verify", "write"]

FORMAT = "ladle-library-backup"
VERSION = 2
READABLE = frozenset({1, 2})  # the format versions a restore reads
BATCH = 1000  # recipes read, or restored, at a time
LEVEL = 6  # gzip compression level; part of what makes a backup's bytes
HEADER_LIMIT = 64 * 1024  # a longer first line is not a backup's header
GZIP_MAGIC = b"\x1f\x8b"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Header:
    """The first line of a backup."""

    schema: str
    recipes: int
    sha256: str
    overrides: int = 0
    format: str = FORMAT
    version: int = VERSION

    @property
    def lines(self) -> int:
        """The lines after the header."""
        return self.recipes + self.overrides

    def line(self) -> bytes:
        data = {
            "format": self.format,
            "version": self.version,
            "schema": self.schema,
            "recipes": self.recipes,
            "overrides": self.overrides,
            "sha256": self.sha256,
        }
        return _json_line(data)


@dataclass(frozen=True, slots=True)
class Restored:
    """What ``Library.restore`` did: recipes restored, (merging) recipes already stored, and
    food overrides restored."""

    restored: int
    skipped: int = 0
    overrides: int = 0


def _json_line(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _utc(moment: datetime) -> datetime:
    """SQLite gives back naive times (ladle stores UTC); PostgreSQL aware ones."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _moment(moment: datetime) -> str:
    return _utc(moment).isoformat(timespec="microseconds")


# -- writing -----------------------------------------------------------------------------------


def _stored(session: Session) -> Iterator[Stored]:
    """Every recipe, by id, a batch at a time (``yield_per``): never all of them in memory."""
    columns = select(RecipeRow.id, RecipeRow.document, RecipeRow.created_at, RecipeRow.updated_at)
    result = session.execute(columns.order_by(RecipeRow.id).execution_options(yield_per=BATCH))
    for batch in result.partitions():
        ids = [row.id for row in batch]
        tags: dict[int, list[str]] = {}
        for recipe_id, tag in session.execute(
            select(TagRow.recipe_id, TagRow.tag).where(TagRow.recipe_id.in_(ids))
        ):
            tags.setdefault(recipe_id, []).append(tag)
        for row in batch:
            yield Stored(
                id=row.id,
                document=row.document,
                tags=tuple(sorted(tags.get(row.id, []))),
                created_at=_utc(row.created_at),
                updated_at=_utc(row.updated_at),
            )


def _record_line(stored: Stored) -> bytes:
    return _json_line(
        {
            "id": stored.id,
            "created_at": _moment(stored.created_at),
            "updated_at": _moment(stored.updated_at),
            "tags": list(stored.tags),
            "document": stored.document,
        }
    )


def _gzip(out: IO[bytes]) -> gzip.GzipFile:
    """A gzip member that says nothing of when or where it was made."""
    return gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=LEVEL, mtime=0)


def _override_lines(session: Session) -> Iterator[bytes]:
    """Every food override's line, by name."""
    rows = session.execute(
        select(FoodOverrideRow.name, FoodOverrideRow.food_id, FoodOverrideRow.created_at).order_by(
            FoodOverrideRow.name
        )
    )
    for name, food_id, created_at in rows:
        yield _json_line({"override": name, "food_id": food_id, "created_at": _moment(created_at)})


def _write_body(session: Session, out: IO[bytes]) -> tuple[str, int, int]:
    """Every recipe's line, then every override's, compressed into ``out``; their checksum and
    the numbers of recipes and of overrides."""
    digest = hashlib.sha256()
    counts = [0, 0]
    with _gzip(out) as body:
        for kind, lines in enumerate(
            (map(_record_line, _stored(session)), _override_lines(session))
        ):
            for line in lines:
                digest.update(line)
                body.write(line)
                counts[kind] += 1
    return digest.hexdigest(), counts[0], counts[1]


def _schema(session: Session) -> str:
    revisions = session.scalars(text("SELECT version_num FROM alembic_version"))
    return ",".join(sorted(str(r) for r in revisions))


def _cannot_write(path: Path, error: OSError) -> LibraryError:
    folder = path.absolute().parent
    if not folder.is_dir():
        hint = f"the folder {folder} does not exist: create it, or give another file"
    elif path.is_dir():
        hint = "it is a folder: give a file name"
    else:
        hint = "nothing was written; check the disk and the folder's permissions"
    reason = error.strerror or str(error)
    return LibraryError(f"cannot write the backup ({reason})", where=str(path), hint=hint)


def _target(path: Path) -> Path:
    """The file to replace (a symbolic link is followed); a folder or a device is refused."""
    target = path.resolve()
    try:
        mode = target.stat().st_mode
    except OSError:
        return target  # a new file
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise LibraryError(
            f"cannot write the backup here: it is {kind}",
            where=str(path),
            hint="give the name of a file",
        )
    return target


def _replace(target: Path, head: bytes, body: IO[bytes]) -> None:
    """``head`` then ``body`` in a temporary file beside ``target``, on the disk, renamed."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(head)
            shutil.copyfileobj(body, out)
            out.flush()
            os.fsync(out.fileno())
        temporary.chmod(file_mode(target))
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    with suppress(OSError):  # make the rename itself durable, where the system allows it
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def write(session: Session, path: Path) -> int:
    """Back the library up to ``path``, whole, or leave it as it was; the number of recipes."""
    if _postgres(session):  # one snapshot for every batch
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    schema = _schema(session)
    try:
        target = _target(path)
        with tempfile.TemporaryFile(dir=target.parent) as body:
            digest, count, overrides = _write_body(session, body)
            head = io.BytesIO()
            with _gzip(head) as header:
                made = Header(schema=schema, recipes=count, overrides=overrides, sha256=digest)
                header.write(made.line())
            body.seek(0)
            _replace(target, head.getvalue(), body)
    except OSError as error:
        raise _cannot_write(path, error) from None
    return count


# -- reading -----------------------------------------------------------------------------------


def _refused(path: Path, what: str, hint: str) -> LibraryError:
    return LibraryError(what, where=str(path), hint=hint)


def _foreign(path: Path) -> LibraryError:
    return _refused(path, "is not a ladle library backup", "`ladle backup FILE` makes one")


def _damaged(path: Path, what: str) -> LibraryError:
    return _refused(
        path, f"the backup is damaged: {what}", "restore another copy; nothing was changed"
    )


def _lines_of(path: Path, zipped: gzip.GzipFile) -> Iterator[bytes]:
    """The lines of the backup, header first; a damaged or truncated file is refused."""
    try:
        yield zipped.readline(HEADER_LIMIT)
        while line := zipped.readline():
            yield line
    except EOFError:
        raise _damaged(path, "it is truncated") from None
    except (gzip.BadGzipFile, zlib.error) as error:
        raise _damaged(path, f"not valid gzip ({error})") from None
    except OSError as error:
        raise _cannot_read(path, error) from None


def _cannot_read(path: Path, error: OSError) -> LibraryError:
    reason = error.strerror or str(error)
    return _refused(path, f"cannot read the backup ({reason})", "give a file of `ladle backup`")


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[bytes]]:
    """The lines of a gzip file, header first (see ``_lines_of``); any other file is refused."""
    try:
        raw = path.open("rb")
    except OSError as error:
        raise _cannot_read(path, error) from None
    with raw:
        try:
            magic = raw.read(2)
            raw.seek(0)
        except OSError as error:
            raise _cannot_read(path, error) from None
        if magic != GZIP_MAGIC:
            raise _foreign(path)
        with gzip.GzipFile(fileobj=raw, mode="rb") as zipped:
            yield _lines_of(path, zipped)


def _field(data: object, key: str, kind: type[T]) -> T:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ValueError(f"no {kind.__name__} {key!r}")
    return value


def _tags(values: list[object]) -> tuple[str, ...]:
    if not all(isinstance(v, str) for v in values):
        raise ValueError("a tag that is not text")
    return tuple(str(v) for v in values)


def _known_schemas() -> set[str]:
    from alembic.config import Config  # noqa: PLC0415 (Alembic loads only when needed)
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return {s.revision for s in ScriptDirectory.from_config(config).walk_revisions()}


def _header(path: Path, line: bytes) -> Header:
    """The header, checked: ours, a version and a schema this ladle reads."""
    try:
        data: object = json.loads(line)
    except ValueError:
        data = None
    if not line.endswith(b"\n") or not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _foreign(path)
    try:
        version = _field(data, "version", int)
        if version > VERSION:
            raise _refused(
                path,
                f"made by a newer ladle (backup format version {version})",
                "upgrade ladle to restore it",
            )
        if version not in READABLE:
            raise ValueError(f"unknown format version {version}")
        header = Header(
            schema=_field(data, "schema", str),
            recipes=_field(data, "recipes", int),
            overrides=_field(data, "overrides", int) if version > 1 else 0,
            sha256=_field(data, "sha256", str),
            version=version,
        )
    except ValueError as error:
        raise _damaged(path, f"its header has {error}") from None
    unknown = set(header.schema.split(",")) - _known_schemas()
    if unknown:
        raise _refused(
            path,
            f"made by a newer ladle (library schema {', '.join(sorted(unknown))})",
            "upgrade ladle to restore it",
        )
    return header


def _check_body(path: Path, header: Header, lines: Iterator[bytes]) -> None:
    """The lines after the header: as many as it says, with its checksum."""
    digest = hashlib.sha256()
    count = 0
    last = b"\n"
    for line in lines:
        digest.update(line)
        count += 1
        last = line
    if not last.endswith(b"\n") or count != header.lines:
        raise _damaged(path, f"it holds {count} lines, its header says {header.lines}")
    if digest.hexdigest() != header.sha256:
        raise _damaged(path, "its recipes do not match its checksum")


def verify(path: Path) -> Header:
    """Read the whole backup and check it; its header, or a ``LibraryError`` (one line)."""
    with _lines(path) as lines:
        header = _header(path, next(lines))
        _check_body(path, header, lines)
    return header


# -- restoring ---------------------------------------------------------------------------------


def _record(path: Path, number: int, line: bytes) -> tuple[Stored, Recipe]:
    """One recipe line, read and checked; ``number`` is its line in the file."""
    try:
        data: object = json.loads(line)
        stored = Stored(
            id=_field(data, "id", int),
            document=_field(data, "document", str),
            tags=_tags(_field(data, "tags", list)),
            created_at=_utc(datetime.fromisoformat(_field(data, "created_at", str))),
            updated_at=_utc(datetime.fromisoformat(_field(data, "updated_at", str))),
        )
        recipe = Recipe.from_json(json.loads(stored.document), where=f"recipe {stored.id}")
    except (ValueError, LadleError) as error:
        raise _damaged(path, f"line {number} is not a recipe ladle can restore ({error})") from None
    return stored, recipe


@dataclass(frozen=True, slots=True)
class _Override:
    name: str
    food_id: str
    created_at: datetime


def _override(path: Path, number: int, line: bytes) -> _Override:
    """One food override's line, read and checked; ``number`` is its line in the file."""
    try:
        data: object = json.loads(line)
        name = _field(data, "override", str)
        food_id = _field(data, "food_id", str)
        created_at = _utc(datetime.fromisoformat(_field(data, "created_at", str)))
        if not name.strip() or not food_id.strip():
            raise ValueError("an empty name or food id")
    except ValueError as error:
        raise _damaged(path, f"line {number} is not a food override ({error})") from None
    return _Override(name, food_id, created_at)


def _put_overrides(session: Session, overrides: Sequence[_Override], merge: bool) -> int:
    """Store the overrides: a whole restore sets each (the backup's choice wins); a merge adds
    those the library has no choice for. The number stored."""
    held = set(session.scalars(select(FoodOverrideRow.name)))
    stored = 0
    for item in overrides:
        if item.name in held:
            if merge:
                continue
            session.execute(delete(FoodOverrideRow).where(FoodOverrideRow.name == item.name))
        session.add(
            FoodOverrideRow(name=item.name, food_id=item.food_id, created_at=item.created_at)
        )
        held.add(item.name)
        stored += 1
    session.flush()
    return stored


def _claim_empty(session: Session) -> None:
    """Refuse a library that holds recipes; on PostgreSQL, keep writers out until commit."""
    if _postgres(session):
        session.execute(text("LOCK TABLE recipes IN SHARE ROW EXCLUSIVE MODE"))
    held = session.scalar(select(func.count()).select_from(RecipeRow)) or 0
    if held:
        raise LibraryError(
            f"already holds {held} recipe{'' if held == 1 else 's'}; a backup is restored whole "
            "into an empty library",
            where="library",
            hint="restore into an empty library, or add the backup's recipes to these with --merge",
        )


def _put(session: Session, batch: Sequence[tuple[Stored, Recipe]], merge: bool) -> int:
    """Store a batch of recipes; the number stored (merging, one already stored is not)."""
    if not merge:
        stored = len(repository.insert_stored(session, batch, keep_ids=True))
    else:
        stored = 0
        for item in batch:
            if repository.find_by_hash(session, repository.content_hash(item[1])) is None:
                repository.insert_stored(session, [item], keep_ids=False)
                stored += 1
    session.expunge_all()  # written: the session need not remember them
    return stored


def _reset_ids(session: Session) -> None:
    """PostgreSQL's id sequence, after the restored ids (SQLite follows the largest id)."""
    if _postgres(session):
        session.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('recipes', 'id'), "
                "COALESCE(MAX(id), 0) + 1, false) FROM recipes"
            )
        )


def load(session: Session, path: Path, header: Header, *, merge: bool = False) -> Restored:
    """Restore a backup ``verify`` has checked, in the caller's transaction.

    Into an empty library the recipes keep their ids and times; with ``merge`` each one is
    added as ``Library.add`` would (a new id; one already stored, by content, is skipped), its
    tags and times kept. The file is checked again as it is read; a difference raises, and
    the caller's transaction is rolled back.
    """
    if not merge:
        _claim_empty(session)
    restored = 0
    digest = hashlib.sha256()
    count = 0
    batch: list[tuple[Stored, Recipe]] = []
    overrides: list[_Override] = []
    with _lines(path) as lines:
        _header(path, next(lines))
        for count, line in enumerate(lines, start=1):
            digest.update(line)
            if count > header.recipes:
                overrides.append(_override(path, count + 1, line))
                continue
            batch.append(_record(path, count + 1, line))
            if len(batch) == BATCH:
                restored += _put(session, batch, merge)
                batch.clear()
        restored += _put(session, batch, merge)
    if count != header.lines or digest.hexdigest() != header.sha256:
        raise _damaged(path, "it changed while it was restored")
    if not merge:
        _reset_ids(session)
    chosen = _put_overrides(session, overrides, merge)
    return Restored(restored=restored, skipped=header.recipes - restored, overrides=chosen)
