"""USDA's own SR28 zip from the shared test material, read and then stored in a library.

When that zip is not there the tests skip and say so; ladle carries no USDA data of its own.
Every count and value asserted is a fact of the release itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ladle.foods.table import NUTRIENTS, Portion
from ladle.foods.usda import Release, read_release
from ladle.store import open_library

from .conftest import shared

FOODS = 8_789  # FOOD_DES.txt's rows
MEASURES = 15_438  # WEIGHT.txt's rows


@pytest.fixture(scope="module")
def release() -> Release:
    return read_release(shared("data/usda-sr28/sr28asc.zip"))


def test_every_food_and_measure_is_read(release: Release) -> None:
    assert release.name == "SR28"
    assert len(release.foods) == FOODS
    assert len({f.id for f in release.foods}) == FOODS
    assert sum(len(f.portions) for f in release.foods) == MEASURES
    assert len({f.group for f in release.foods}) == 25  # FD_GROUP.txt's rows
    keys = {n.key for n in NUTRIENTS}
    assert all(set(f.per_100g) <= keys for f in release.foods)
    assert sum("energy_kcal" in f.per_100g for f in release.foods) == FOODS
    assert all(f.id.isdigit() and len(f.id) == 5 for f in release.foods)


def test_known_foods(release: Release) -> None:
    foods = {f.id: f for f in release.foods}
    belly = foods["10005"]
    assert (belly.description, belly.group) == ("Pork, fresh, belly, raw", "Pork Products")
    assert belly.per_100g["energy_kcal"] == 518
    assert belly.per_100g["protein"] == 9.34
    assert (belly.refuse_percent, belly.refuse) == (7, "Skin")
    mustard = foods["02046"]  # the leading zero kept
    assert mustard.description == "Mustard, prepared, yellow"
    assert mustard.per_100g["energy_kcal"] == 60
    assert mustard.per_100g["sodium"] == 1104
    assert mustard.portions == (Portion(1, "tsp or 1 packet", 5.0), Portion(1, "cup", 249))
    butter = foods["01001"]
    assert butter.description == "Butter, salted"
    assert butter.per_100g["fat"] == 81.11


def test_import_into_a_library_and_again(release: Release, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    with open_library(url) as library:
        assert library.import_foods(release) == FOODS
        library.set_food_override("pork belly", "10005")
        assert library.import_foods(release) == FOODS  # replaces, does not duplicate
    with open_library(url) as library:
        table = library.food_table()
        assert len(table.names()) == FOODS
        assert len({n.id for n in table.names()}) == FOODS
        assert table.food("02046") == next(f for f in release.foods if f.id == "02046")
        assert table.overrides() == {"pork belly": "10005"}
        stored = library.food_release()
        assert stored is not None and (stored.name, stored.foods) == ("SR28", FOODS)
