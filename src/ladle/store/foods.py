"""The food table in the library: a USDA release loaded whole, read back as a ``FoodTable``.

Plain functions of a SQLAlchemy ``Session`` (``Library`` opens the transactions), and
:class:`StoreFoodTable`, the :class:`~ladle.foods.table.FoodTable` over the library's tables.

``load`` replaces the food table in the caller's transaction: the old foods, measures and
release row go, the new ones are inserted in chunks (executemany), so an import that fails
leaves the previous table as it was. The user's overrides are never touched by an import; one
whose food the new table lacks stays stored (an import of a release that has it again brings it
back) and is listed by ``lost_overrides``, and ``StoreFoodTable.overrides`` leaves it out.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ladle.errors import FoodDataError
from ladle.foods.table import Food, FoodName, Portion
from ladle.foods.usda import Release
from ladle.store.tables import FoodOverrideRow, FoodPortionRow, FoodReleaseRow, FoodRow

__all__ = [
    "NO_TABLE_HINT",
    "FoodRelease",
    "StoreFoodTable",
    "forget_override",
    "load",
    "lost_overrides",
    "override_key",
    "release_of",
    "set_override",
]

CHUNK = 2000  # rows per executemany
NO_TABLE_HINT = (
    "run `ladle nutrition import PATH` with USDA's sr28asc.zip or a FoodData Central CSV release"
)


@dataclass(frozen=True, slots=True)
class FoodRelease:
    """Which release the library's food table holds: its name, where it was imported from,
    how many foods, when."""

    name: str
    source: str
    foods: int
    imported_at: datetime


def override_key(name: str) -> str:
    """The key an override is stored under: the name in lower case, its white space one space
    (matching may normalise further when it reads them)."""
    return " ".join(name.lower().split())


def release_of(session: Session) -> FoodRelease | None:
    row = session.get(FoodReleaseRow, 1)
    if row is None:
        return None
    return FoodRelease(row.name, row.source, row.foods, row.imported_at)


def _checked(release: Release) -> None:
    """Refuse, before any write, a release the tables cannot hold."""
    seen: set[str] = set()
    for food in release.foods:
        where = f"{release.name} food {food.id!r}"
        if not food.id or food.id in seen:
            what = "an empty food id" if not food.id else "a food id given twice"
            raise FoodDataError(what, where=where, hint="the release is damaged")
        seen.add(food.id)
        numbers = [*food.per_100g.values(), food.refuse_percent]
        numbers += [n for p in food.portions for n in (p.amount, p.grams)]
        if not all(math.isfinite(n) for n in numbers):
            raise FoodDataError("a number that is not finite", where=where)
    if not seen:
        raise FoodDataError("holds no foods", where=release.name, hint=NO_TABLE_HINT)


def _food_rows(release: Release) -> Iterator[dict[str, Any]]:
    for position, food in enumerate(release.foods):
        yield {
            "id": food.id,
            "position": position,
            "description": food.description,
            "food_group": food.group,
            "refuse_percent": food.refuse_percent,
            "refuse": food.refuse,
            "nutrients": json.dumps(dict(food.per_100g), allow_nan=False),
        }


def _portion_rows(release: Release) -> Iterator[dict[str, Any]]:
    for food in release.foods:
        for position, portion in enumerate(food.portions):
            yield {
                "food_id": food.id,
                "position": position,
                "amount": portion.amount,
                "measure": portion.measure,
                "grams": portion.grams,
            }


def _chunks(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def load(
    session: Session,
    release: Release,
    *,
    source: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Replace the food table by ``release`` (in the caller's transaction); the number of
    foods stored. ``progress(done, total)`` counts foods and measures stored."""
    _checked(release)
    session.execute(delete(FoodPortionRow))
    session.execute(delete(FoodRow))
    session.execute(delete(FoodReleaseRow))
    total = len(release.foods) + sum(len(f.portions) for f in release.foods)
    done = 0
    for table, rows in ((FoodRow, _food_rows), (FoodPortionRow, _portion_rows)):
        for chunk in _chunks(rows(release)):
            session.execute(insert(table), chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    session.add(
        FoodReleaseRow(
            id=1,
            name=release.name,
            source=source,
            foods=len(release.foods),
            imported_at=datetime.now(UTC),
        )
    )
    session.flush()
    return len(release.foods)


def set_override(session: Session, name: str, food_id: str) -> None:
    """Ingredients called ``name`` are the food ``food_id`` (which the table must hold)."""
    key = _key(name)
    if release_of(session) is None:
        raise FoodDataError("the library holds no food table", hint=NO_TABLE_HINT)
    if session.get(FoodRow, food_id) is None:
        raise FoodDataError(
            f"no food with id {food_id!r} in the library's food table",
            where=name,
            hint="give an id of the imported release: SR28's NDB number or FDC's fdc_id",
        )
    session.execute(delete(FoodOverrideRow).where(FoodOverrideRow.name == key))
    session.add(FoodOverrideRow(name=key, food_id=food_id, created_at=datetime.now(UTC)))
    session.flush()


def forget_override(session: Session, name: str) -> bool:
    """Forget the food chosen for ``name``; whether there was one."""
    result = session.execute(delete(FoodOverrideRow).where(FoodOverrideRow.name == _key(name)))
    return bool(getattr(result, "rowcount", 0))


def _key(name: str) -> str:
    key = override_key(name)
    if not key:
        raise FoodDataError("an empty ingredient name", hint="name the ingredient to match")
    return key


def lost_overrides(session: Session) -> dict[str, str]:
    """The overrides whose food the library's food table does not hold: name → food id."""
    known = select(FoodRow.id)
    rows = session.execute(
        select(FoodOverrideRow.name, FoodOverrideRow.food_id)
        .where(FoodOverrideRow.food_id.not_in(known))
        .order_by(FoodOverrideRow.name)
    )
    return dict(rows.all())


Sessions = Callable[[], AbstractContextManager[Session]]


class StoreFoodTable:
    """The library's food table as a :class:`~ladle.foods.table.FoodTable`: the names are
    read once, a food when asked for, the overrides (those whose food is held) each time."""

    def __init__(self, sessions: Sessions, release: FoodRelease) -> None:
        self._sessions = sessions
        self.release = release
        self._names: list[FoodName] | None = None

    def names(self) -> Sequence[FoodName]:
        if self._names is None:
            query = select(FoodRow.id, FoodRow.description, FoodRow.food_group).order_by(
                FoodRow.position
            )
            with self._sessions() as session:
                self._names = [FoodName(*row) for row in session.execute(query)]
        return self._names

    def food(self, food_id: str) -> Food:
        with self._sessions() as session:
            row = session.get(FoodRow, food_id)
            if row is None:
                raise FoodDataError(
                    f"no food with id {food_id!r} in the library's food table",
                    hint=f"the table holds {self.release.name}; see `ladle nutrition SOURCE`",
                )
            portions = session.execute(
                select(FoodPortionRow.amount, FoodPortionRow.measure, FoodPortionRow.grams)
                .where(FoodPortionRow.food_id == food_id)
                .order_by(FoodPortionRow.position)
            )
            return Food(
                id=row.id,
                description=row.description,
                group=row.food_group,
                per_100g=json.loads(row.nutrients),
                portions=tuple(Portion(*p) for p in portions),
                refuse_percent=row.refuse_percent,
                refuse=row.refuse,
                release=self.release.name,
            )

    def overrides(self) -> Mapping[str, str]:
        query = (
            select(FoodOverrideRow.name, FoodOverrideRow.food_id)
            .join(FoodRow, FoodRow.id == FoodOverrideRow.food_id)
            .order_by(FoodOverrideRow.name)
        )
        with self._sessions() as session:
            return dict(session.execute(query).all())
