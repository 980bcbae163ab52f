"""The repository: recipes in and out of the tables, one session at a time.

Plain functions of a SQLAlchemy ``Session``; ``Library`` (``ladle.store.library``) opens the
sessions and the transactions. A recipe is stored as its recipe JSON, whole; the indexed
columns beside it are worked out here from the recipe, never edited on their own.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, selectinload

from ladle.errors import NotInLibrary
from ladle.model import Recipe
from ladle.store import search
from ladle.store.tables import IngredientRow, RecipeRow, TagRow

__all__ = [
    "Entry",
    "content_hash",
    "delete",
    "entries",
    "find_by_hash",
    "get_row",
    "insert",
    "recipe_of",
    "replace",
    "search_entries",
    "tag",
]


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the library's list: the indexed fields of a stored recipe."""

    id: int
    title: str
    total_minutes: float | None
    active_minutes: float | None
    source_url: str | None
    tags: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "total_minutes": self.total_minutes,
            "active_minutes": self.active_minutes,
            "source_url": self.source_url,
            "tags": list(self.tags),
        }


def _canonical(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(recipe: Recipe) -> str:
    """SHA-256 of the recipe JSON without ``source`` (the same recipe read from another file
    or address is the same recipe) and without ``tags`` (tagging does not make a new one)."""
    document = recipe.to_json()
    assert isinstance(document, dict)
    document = {k: v for k, v in document.items() if k not in {"source", "tags"}}
    return hashlib.sha256(_canonical(document).encode("utf-8")).hexdigest()


def _document(recipe: Recipe) -> str:
    return json.dumps(recipe.to_json(), ensure_ascii=False, allow_nan=False)


def recipe_of(row: RecipeRow) -> Recipe:
    """The stored recipe, read back from its JSON."""
    return Recipe.from_json(json.loads(row.document), where=f"library recipe {row.id}")


def _active_minutes(recipe: Recipe) -> float | None:
    times = [s.time.min_minutes for s in recipe.steps if s.attention == "active" and s.time]
    return sum(times) if times else None


def _total_minutes(recipe: Recipe) -> float | None:
    """The stated total time; else prep and cook time; else the steps' own times."""
    times = recipe.times
    if times.total_minutes is not None:
        return times.total_minutes
    if times.prep_minutes is not None or times.cook_minutes is not None:
        return (times.prep_minutes or 0) + (times.cook_minutes or 0)
    steps = [s.time.min_minutes for s in recipe.steps if s.time]
    return sum(steps) if steps else None


def _search_fields(recipe: Recipe, tags: Iterable[str]) -> search.SearchFields:
    return search.SearchFields(
        title=recipe.title,
        ingredients="\n".join(_ingredient_names(recipe)),
        tags="\n".join(tags),
        steps="\n".join(s.text for s in recipe.steps),
    )


def _ingredient_names(recipe: Recipe) -> list[str]:
    return [i.name.lower() for i in recipe.ingredients if i.name]


def _clean_tags(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in tags if t.strip()))


def _fill(row: RecipeRow, recipe: Recipe, now: datetime) -> None:
    """Set the document and every column worked out from it."""
    row.title = recipe.title
    row.document = _document(recipe)
    row.content_hash = content_hash(recipe)
    row.source_url = recipe.source.url
    row.total_minutes = _total_minutes(recipe)
    row.active_minutes = _active_minutes(recipe)
    row.updated_at = now
    row.ingredients = [
        IngredientRow(position=i, name=name) for i, name in enumerate(_ingredient_names(recipe))
    ]
    row.tags = [TagRow(tag=t) for t in _clean_tags(recipe.tags)]


def insert(session: Session, recipe: Recipe) -> RecipeRow:
    """Store a new recipe; the caller has checked its content hash is not stored yet."""
    now = datetime.now(UTC)
    row = RecipeRow(created_at=now)
    _fill(row, recipe, now)
    session.add(row)
    session.flush()
    search.index(session, row.id, _search_fields(recipe, recipe.tags))
    return row


def replace(session: Session, row: RecipeRow, recipe: Recipe) -> RecipeRow:
    """Store ``recipe`` in place of the one in ``row``, keeping its id and its tags."""
    kept = [t.tag for t in row.tags]
    recipe = dataclasses.replace(recipe, tags=_clean_tags([*recipe.tags, *kept]))
    row.ingredients.clear()
    row.tags.clear()
    session.flush()
    _fill(row, recipe, datetime.now(UTC))
    session.flush()
    search.index(session, row.id, _search_fields(recipe, recipe.tags))
    return row


def find_by_hash(session: Session, digest: str) -> RecipeRow | None:
    return session.scalars(select(RecipeRow).where(RecipeRow.content_hash == digest)).first()


def get_row(session: Session, recipe_id: int, *, lock: bool = False) -> RecipeRow:
    """The row of ``recipe_id``; ``lock`` takes it for update first (PostgreSQL), so that two
    writers of one recipe queue instead of deadlocking."""
    row = session.get(RecipeRow, recipe_id, with_for_update=lock or None)
    if row is None:
        raise NotInLibrary(
            f"no recipe has id {recipe_id}",
            where="library",
            hint="`ladle list` shows the ids",
        )
    return row


def _entries(rows: Iterable[RecipeRow]) -> list[Entry]:
    return [
        Entry(
            id=row.id,
            title=row.title,
            total_minutes=row.total_minutes,
            active_minutes=row.active_minutes,
            source_url=row.source_url,
            tags=tuple(sorted(t.tag for t in row.tags)),
        )
        for row in rows
    ]


def entries(session: Session) -> Sequence[Entry]:
    """Every stored recipe, by id."""
    return _entries(
        session.scalars(
            select(RecipeRow).options(selectinload(RecipeRow.tags)).order_by(RecipeRow.id)
        )
    )


def search_entries(session: Session, query: search.Query) -> Sequence[Entry]:
    """The recipes that match ``query``, best first."""
    ids = search.search_ids(session, query)
    if not ids:
        return []
    rows = session.scalars(
        select(RecipeRow)
        .options(defer(RecipeRow.document), selectinload(RecipeRow.tags))  # JSON: 7 KB each
        .where(RecipeRow.id.in_(ids))
    )
    by_id = {row.id: row for row in rows}
    return _entries(by_id[i] for i in ids if i in by_id)


def delete(session: Session, recipe_id: int) -> None:
    search.unindex(session, recipe_id)
    session.delete(get_row(session, recipe_id, lock=True))
    session.flush()


def tag(session: Session, recipe_id: int, tags: Iterable[str]) -> list[str]:
    """Add tags to a recipe (its JSON too); returns all its tags."""
    row = get_row(session, recipe_id, lock=True)
    recipe = recipe_of(row)
    have = {t.tag for t in row.tags}
    for name in _clean_tags(tags):
        if name not in have:
            row.tags.append(TagRow(tag=name))
            recipe.tags.append(name)
            have.add(name)
    row.document = _document(recipe)
    row.updated_at = datetime.now(UTC)
    session.flush()
    search.index(session, row.id, _search_fields(recipe, recipe.tags))
    return list(recipe.tags)


def untag(session: Session, recipe_id: int, tags: Iterable[str]) -> list[str]:
    """Take tags off a recipe (its JSON too), in any case; returns the tags it keeps."""
    row = get_row(session, recipe_id, lock=True)
    recipe = recipe_of(row)
    gone = {name.casefold() for name in _clean_tags(tags)}
    row.tags = [t for t in row.tags if t.tag.casefold() not in gone]
    recipe.tags = [name for name in recipe.tags if name.casefold() not in gone]
    row.document = _document(recipe)
    row.updated_at = datetime.now(UTC)
    session.flush()
    search.index(session, row.id, _search_fields(recipe, recipe.tags))
    return list(recipe.tags)


# -- backups (``ladle.store.backup``) ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stored:
    """A recipe as a backup holds it: its id, its JSON text byte for byte, its tags, its times."""

    id: int
    document: str
    tags: tuple[str, ...]
    created_at: datetime
    updated_at: datetime


def insert_stored(
    session: Session, items: Sequence[tuple[Stored, Recipe]], *, keep_ids: bool
) -> list[int]:
    """Store recipes as a backup holds them (``recipe`` is ``document`` read): the JSON text
    byte for byte, the tags and the times, and the ids too when ``keep_ids``; the indexed
    columns and the search index are worked out as ``insert`` does. Returns the ids."""
    pending: list[tuple[RecipeRow, search.SearchFields]] = []
    for stored, recipe in items:
        row = RecipeRow(id=stored.id if keep_ids else None, created_at=stored.created_at)
        _fill(row, recipe, stored.updated_at)
        row.document = stored.document
        tags = _clean_tags(stored.tags)
        row.tags = [TagRow(tag=t) for t in tags]
        session.add(row)
        pending.append((row, _search_fields(recipe, tags)))
    session.flush()
    for row, fields in pending:
        search.index(session, row.id, fields)
    return [row.id for row, _ in pending]
