"""USDA's own SR28 zip from the shared test material, read and then stored in a library.

When that zip is not there the tests skip and say so; ladle carries no USDA data of its own,
and these tests hold none either: what ladle reads is compared with the zip's own rows, split
here by the file format alone (caret-delimited, text in ``~``, ISO-8859-1).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ladle.foods.table import NUTRIENTS, Portion
from ladle.foods.usda import Release, read_release
from ladle.store import open_library

from .conftest import shared

ZIP = "data/usda-sr28/sr28asc.zip"
# NDB numbers of foods the shared material's SOURCE.md names: pork belly, prepared mustard
# (a leading zero), salted butter.
KNOWN = ("10005", "02046", "01001")
# SR28 nutrient numbers of the format (NUTR_DEF): energy in kcal, protein, fat, sodium.
NUMBERS = {"energy_kcal": "208", "protein": "203", "fat": "204", "sodium": "307"}


def _rows(member: str) -> Iterator[list[str]]:
    """The rows of one table of the zip, each field with its ``~`` quotes taken off."""
    with zipfile.ZipFile(shared(ZIP)) as archive:
        text = archive.read(member).decode("iso-8859-1")
    for line in text.splitlines():
        if line.strip():
            yield [field.strip("~") for field in line.split("^")]


@pytest.fixture(scope="module")
def release() -> Release:
    return read_release(shared(ZIP))


@pytest.fixture(scope="module")
def foods_count() -> int:
    return sum(1 for _ in _rows("FOOD_DES.txt"))


def test_every_food_and_measure_is_read(release: Release, foods_count: int) -> None:
    assert release.name == "SR28"
    assert len(release.foods) == foods_count
    assert len({f.id for f in release.foods}) == foods_count
    assert sum(len(f.portions) for f in release.foods) == sum(1 for _ in _rows("WEIGHT.txt"))
    assert len({f.group for f in release.foods}) == sum(1 for _ in _rows("FD_GROUP.txt"))
    keys = {n.key for n in NUTRIENTS}
    assert all(set(f.per_100g) <= keys for f in release.foods)
    assert sum("energy_kcal" in f.per_100g for f in release.foods) == foods_count
    assert all(f.id.isdigit() and len(f.id) == 5 for f in release.foods)


def test_known_foods_are_the_zips_own_rows(release: Release) -> None:
    foods = {f.id: f for f in release.foods}
    groups = dict(row[:2] for row in _rows("FD_GROUP.txt"))
    for row in _rows("FOOD_DES.txt"):
        if row[0] in KNOWN:
            food = foods[row[0]]  # the leading zero kept
            assert (food.description, food.group) == (row[2], groups[row[1]])
            assert (food.refuse_percent, food.refuse) == (float(row[8] or 0), row[7])
    values = {(row[0], row[1]): float(row[2]) for row in _rows("NUT_DATA.txt") if row[0] in KNOWN}
    for ndb in KNOWN:
        for key, number in NUMBERS.items():
            assert foods[ndb].per_100g[key] == pytest.approx(values[ndb, number])
    measures = {
        ndb: tuple(
            Portion(float(row[2]), row[3], float(row[4]))
            for row in _rows("WEIGHT.txt")
            if row[0] == ndb
        )
        for ndb in KNOWN
    }
    for ndb in KNOWN:
        assert foods[ndb].portions == measures[ndb]
    assert foods["10005"].refuse_percent == 7  # SOURCE.md: 7% refuse from the pork


def test_import_into_a_library_and_again(
    release: Release, foods_count: int, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'library.sqlite3'}"
    with open_library(url) as library:
        assert library.import_foods(release) == foods_count
        library.set_food_override("pork belly", "10005")
        assert library.import_foods(release) == foods_count  # replaces, does not duplicate
    with open_library(url) as library:
        table = library.food_table()
        assert len(table.names()) == foods_count
        assert len({n.id for n in table.names()}) == foods_count
        assert table.food("02046") == next(f for f in release.foods if f.id == "02046")
        assert table.overrides() == {"pork belly": "10005"}
        stored = library.food_release()
        assert stored is not None and (stored.name, stored.foods) == ("SR28", foods_count)
