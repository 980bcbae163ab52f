"""The food table in the library (ladle.store.foods): a release loaded in one transaction,
read back as a FoodTable, the user's overrides kept across imports; SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ladle.errors import FoodDataError
from ladle.foods.table import Food, FoodName, Portion
from ladle.foods.usda import Release, read_release
from ladle.formats import read
from ladle.store import Library, open_library

from .conftest import CASES
from .usda_fixtures import fdc, sr28, write_zip

CHICKEN = CASES / "text" / "01-roast-chicken.txt"


@pytest.fixture
def library(library_url: str) -> Iterator[Library]:
    with open_library(library_url) as opened:
        yield opened


@pytest.fixture
def release(tmp_path: Path) -> Release:
    return read_release(write_zip(tmp_path / "sr28asc.zip", sr28()))


def _other_release(tmp_path: Path) -> Release:
    return read_release(write_zip(tmp_path / "fdc.zip", fdc()))


def test_no_food_table_before_the_first_import(library: Library) -> None:
    assert library.food_release() is None
    with pytest.raises(FoodDataError) as caught:
        library.food_table()
    assert str(caught.value) == (
        "the library holds no food table (run `ladle nutrition import PATH` with USDA's "
        "sr28asc.zip or a FoodData Central CSV release)"
    )
    with pytest.raises(FoodDataError, match="holds no food table"):
        library.set_food_override("butter", "01234")


def test_import_and_read_back_every_food(library: Library, release: Release) -> None:
    calls: list[tuple[int, int]] = []
    count = library.import_foods(release, lambda d, t: calls.append((d, t)), source="x.zip")
    assert count == 3
    assert calls[-1] == (7, 7)  # three foods and four measures
    stored = library.food_release()
    assert stored is not None
    assert (stored.name, stored.source, stored.foods) == ("SR28", "x.zip", 3)
    table = library.food_table()
    assert table.names() == [
        FoodName("01234", "Butter, test, salted", "Dairy and eggs, test"),
        FoodName("11999", "Carrot, test, raw", "Vegetables, test"),
        FoodName("11998", "Kiwi, \u2018Gold\u2019 test", "Vegetables, test"),
    ]
    for food in release.foods:
        assert table.food(food.id) == food
    carrot = table.food("11999")
    assert carrot.portions == (Portion(1, "medium", 60.5), Portion(0.5, "cup, chopped", 64))
    assert (carrot.refuse_percent, carrot.refuse, carrot.release) == (
        12,
        "Tops and scrapings",
        "SR28",
    )
    with pytest.raises(FoodDataError, match="no food with id '99999'"):
        table.food("99999")
    assert table.overrides() == {}


def test_a_second_import_replaces_the_table(
    library: Library, release: Release, tmp_path: Path
) -> None:
    library.import_foods(release)
    library.import_foods(release)
    assert len(library.food_table().names()) == 3
    other = _other_release(tmp_path)
    assert library.import_foods(other) == 2
    table = library.food_table()
    assert [n.id for n in table.names()] == ["170001", "170002"]
    assert table.food("170001").release == "FDC SR Legacy"
    with pytest.raises(FoodDataError):
        table.food("01234")


def test_overrides_win_persist_and_outlive_an_import(
    library: Library, release: Release, tmp_path: Path
) -> None:
    library.import_foods(release)
    library.set_food_override("  Salted   BUTTER ", "01234")
    library.set_food_override("carrots", "11999")
    library.set_food_override("carrots", "11998")  # chosen again: the last choice wins
    assert library.food_table().overrides() == {"salted butter": "01234", "carrots": "11998"}
    with pytest.raises(FoodDataError, match=r"no food with id '77777'"):
        library.set_food_override("kiwi", "77777")
    with pytest.raises(FoodDataError, match="an empty ingredient name"):
        library.set_food_override("  ", "01234")
    library.set_food_override("carrots", None)
    library.set_food_override("never chosen", None)  # forgetting nothing is no error
    assert library.food_table().overrides() == {"salted butter": "01234"}

    library.import_foods(_other_release(tmp_path))  # a table without food 01234
    assert library.food_table().overrides() == {}
    assert library.lost_food_overrides() == {"salted butter": "01234"}  # reported, not dropped
    library.import_foods(release)
    assert library.food_table().overrides() == {"salted butter": "01234"}
    assert library.lost_food_overrides() == {}


def test_overrides_persist_across_opening_the_library(library_url: str, release: Release) -> None:
    with open_library(library_url) as library:
        library.import_foods(release)
        library.set_food_override("butter", "01234")
    with open_library(library_url) as library:
        assert library.food_table().overrides() == {"butter": "01234"}


def test_a_failed_import_leaves_the_table_and_the_recipes(
    library: Library, release: Release
) -> None:
    recipe = library.add(read(CHICKEN)[0])
    library.import_foods(release)
    library.set_food_override("butter", "01234")
    twice = Release("SR28", (*release.foods, release.foods[0]))
    with pytest.raises(FoodDataError, match="a food id given twice"):
        library.import_foods(twice)
    broken = dataclasses.replace(release.foods[1], per_100g={"fat": float("nan")})
    with pytest.raises(FoodDataError, match="not finite"):
        library.import_foods(Release("SR28", (broken,)))
    with pytest.raises(FoodDataError, match="holds no foods"):
        library.import_foods(Release("SR28", ()))
    table = library.food_table()
    assert [n.id for n in table.names()] == [f.id for f in release.foods]
    assert table.food("01234") == release.foods[0]
    assert table.overrides() == {"butter": "01234"}
    assert [e.id for e in library.list()] == [recipe.id]


def test_an_import_that_fails_midway_rolls_back(library: Library, release: Release) -> None:
    """The database refuses a row after the old table was deleted and half the new one
    inserted: the transaction rolls back to the previous table."""
    library.import_foods(release)

    def fail(done: int, total: int) -> None:
        if done > 3:
            raise FoodDataError("stopped by the test")

    bigger = Release("SR99", tuple(Food(str(i), f"food {i}") for i in range(5000)))
    with pytest.raises(FoodDataError, match="stopped by the test"):
        library.import_foods(bigger, fail)
    stored = library.food_release()
    assert stored is not None and stored.name == "SR28"
    assert len(library.food_table().names()) == 3


def test_the_migration_makes_the_food_tables(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    open_library(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as db:
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = db.execute("SELECT version_num FROM alembic_version").fetchall()
    assert {"foods", "food_portions", "food_overrides", "food_release"} <= tables
    assert version == [("0005",)]
