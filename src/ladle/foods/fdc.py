"""FoodData Central's CSV downloads (SR Legacy, Foundation Foods), read into foods.

Called by :func:`ladle.foods.usda.read_release`, which documents what is read and how
(the food types kept, the energy that Foundation foods state only by Atwater factors).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field

from ladle.errors import FoodDataError
from ladle.foods.release_files import (
    DAMAGED,
    ReleaseFiles,
    Reporter,
    optional_number,
    plain,
)
from ladle.foods.table import NUTRIENTS, Food, Portion

__all__ = ["KEPT_TYPES", "read_fdc"]

KEPT_TYPES = {"sr_legacy_food": "SR Legacy", "foundation_food": "Foundation"}
"""The food types (``food.csv``'s ``data_type``) read, and how a release of them is named."""

KJ_PER_KCAL = 4.184
# the panel's key to the SR numbers that give it, the first found wins
SOURCES: dict[str, tuple[str, ...]] = {n.key: (n.number,) for n in NUTRIENTS}
SOURCES["energy_kcal"] = ("208", "958", "957")  # Atwater specific, then general factors
SOURCES["fat"] = ("204", "298")  # total fat (NLEA)
SOURCES["carbohydrate"] = ("205", "205.2")  # by difference, then by summation
SOURCES["sugars"] = ("269", "269.3")  # total including NLEA, then total
UNITS = {nbr: n.unit for n in NUTRIENTS for nbr in SOURCES[n.key]}
WANTED = frozenset(UNITS)
CSV_HINT = "this is not a FoodData Central CSV file; download the release again"


@dataclass(slots=True)
class _Draft:
    id: str
    description: str
    group: str
    values: dict[str, float] = field(default_factory=dict)
    portions: list[Portion] = field(default_factory=list)


def _rows(
    files: ReleaseFiles, name: str, reporter: Reporter, columns: tuple[str, ...]
) -> Iterator[tuple[int, list[str]]]:
    """``(line number, the named columns' values)`` of each row of a CSV file."""
    reader = csv.reader(line for _, line in files.lines(name, "utf-8-sig", reporter))
    try:
        header = next(reader, None)
        if header is None:
            raise FoodDataError("is empty", where=name, hint=DAMAGED)
        index = {column.strip().lower(): i for i, column in enumerate(header)}
        missing = [column for column in columns if column not in index]
        if missing:
            raise FoodDataError(
                f"has no column {', '.join(missing)}", where=f"{name}:1", hint=CSV_HINT
            )
        wanted = [index[column] for column in columns]
        width = len(header)
        for row in reader:
            if len(row) != width:
                if not any(value.strip() for value in row):
                    continue
                raise FoodDataError(
                    f"{len(row)} fields where the header has {width}",
                    where=f"{name}:{reader.line_num}",
                    hint=DAMAGED,
                )
            yield reader.line_num, [row[i] for i in wanted]
    except csv.Error as error:
        raise FoodDataError(
            f"is not valid CSV ({error})", where=f"{name}:{reader.line_num}", hint=CSV_HINT
        ) from None


def _ids(files: ReleaseFiles, name: str, reporter: Reporter, value: str) -> dict[str, str]:
    """``id`` to the column ``value`` of a small table (measure units, food categories)."""
    if not files.has(name):
        return {}
    return {
        key.strip(): " ".join(text.split())
        for _, (key, text) in _rows(files, name, reporter, ("id", value))
    }


def _nutrients(files: ReleaseFiles, reporter: Reporter) -> dict[str, str | None]:
    """``nutrient.csv``'s ids to the SR number, for the numbers the panel reads (else None)."""
    known: dict[str, str | None] = {}
    columns = ("id", "unit_name", "nutrient_nbr")
    for line, (key, unit, nbr) in _rows(files, "nutrient.csv", reporter, columns):
        text = nbr.strip()
        if text.endswith(".0"):
            text = text[:-2]
        if text in WANTED and unit.strip().lower() != UNITS[text].lower():
            raise FoodDataError(
                f"nutrient {text} is in {unit!r} where ladle expects {UNITS[text]}",
                where=f"nutrient.csv:{line}",
                hint=CSV_HINT,
            )
        known[key.strip()] = text if text in WANTED else None
    return known


def _foods(files: ReleaseFiles, reporter: Reporter) -> tuple[dict[str, _Draft | None], set[str]]:
    """``food.csv``: every fdc_id, to its draft when its type is kept (else None)."""
    groups = _ids(files, "food_category.csv", reporter, "description")
    drafts: dict[str, _Draft | None] = {}
    types: set[str] = set()
    columns = ("fdc_id", "data_type", "description", "food_category_id")
    for line, (fdc_id, data_type, description, category) in _rows(
        files, "food.csv", reporter, columns
    ):
        key = fdc_id.strip()
        if not key.isdigit():
            raise FoodDataError(
                f"fdc_id {fdc_id[:40]!r} is not a number", where=f"food.csv:{line}", hint=CSV_HINT
            )
        if key in drafts:
            raise FoodDataError(
                f"food {key} is described twice", where=f"food.csv:{line}", hint=DAMAGED
            )
        kind = data_type.strip()
        text = plain(description, f"food.csv:{line}", "description")
        if kind not in KEPT_TYPES or not text:
            drafts[key] = None
            continue
        types.add(kind)
        drafts[key] = _Draft(key, text, groups.get(category.strip(), ""))
    return drafts, types


def _unknown_food(name: str, line: int, fdc_id: str) -> FoodDataError:
    return FoodDataError(
        f"a row for food {fdc_id.strip()[:40]!r}, which food.csv does not describe",
        where=f"{name}:{line}",
        hint="the files must come from the same FoodData Central download",
    )


def _values(files: ReleaseFiles, reporter: Reporter, drafts: dict[str, _Draft | None]) -> None:
    """``food_nutrient.csv``, streamed: the wanted nutrients of the kept foods."""
    nutrients = _nutrients(files, reporter)
    columns = ("fdc_id", "nutrient_id", "amount")
    for line, (fdc_id, nutrient_id, amount) in _rows(files, "food_nutrient.csv", reporter, columns):
        food, nutrient = fdc_id.strip(), nutrient_id.strip()
        if food not in drafts:
            raise _unknown_food("food_nutrient.csv", line, fdc_id)
        if nutrient not in nutrients:
            raise FoodDataError(
                f"nutrient id {nutrient_id.strip()[:40]!r} is not defined in nutrient.csv",
                where=f"food_nutrient.csv:{line}",
                hint="the files must come from the same FoodData Central download",
            )
        draft, nbr = drafts[food], nutrients[nutrient]
        if draft is None or nbr is None:
            continue
        value = optional_number(amount, f"food_nutrient.csv:{line}", "amount")
        if value is not None:
            draft.values[nbr] = value


def _portions(files: ReleaseFiles, reporter: Reporter, drafts: dict[str, _Draft | None]) -> None:
    """``food_portion.csv``: household measures named by ``measure_unit.csv`` and the
    portion's description or modifier."""
    if not files.has("food_portion.csv"):
        return
    units = _ids(files, "measure_unit.csv", reporter, "name")
    columns = ("fdc_id", "amount", "measure_unit_id", "portion_description", "modifier")
    for line, row in _rows(files, "food_portion.csv", reporter, (*columns, "gram_weight")):
        fdc_id, amount, unit_id, description, modifier, grams = row
        where = f"food_portion.csv:{line}"
        if fdc_id.strip() not in drafts:
            raise _unknown_food("food_portion.csv", line, fdc_id)
        draft = drafts[fdc_id.strip()]
        size = optional_number(amount, where, "amount")
        weight = optional_number(grams, where, "gram weight")
        unit = units.get(unit_id.strip(), "")
        modifier = plain(modifier, where, "modifier")
        words = [w for w in (unit if unit != "undetermined" else "", modifier) if w]
        measure = ", ".join(words) or plain(description, where, "portion description")
        if draft is not None and size and weight and measure:
            draft.portions.append(Portion(size, measure, weight))


def _per_100g(values: dict[str, float]) -> dict[str, float]:
    found: dict[str, float] = {}
    for nutrient in NUTRIENTS:
        value = next((values[n] for n in SOURCES[nutrient.key] if n in values), None)
        if value is not None:
            found[nutrient.key] = value
    if "energy_kj" not in found and "energy_kcal" in found:
        found["energy_kj"] = round(found["energy_kcal"] * KJ_PER_KCAL)
    return {n.key: found[n.key] for n in NUTRIENTS if n.key in found}


def read_fdc(files: ReleaseFiles, reporter: Reporter) -> tuple[tuple[Food, ...], str]:
    """The kept foods of a FoodData Central CSV download, and the release's name."""
    missing = [n for n in ("food.csv", "food_nutrient.csv", "nutrient.csv") if not files.has(n)]
    if missing:
        raise FoodDataError(
            f"a FoodData Central release without {', '.join(missing)}",
            where=files.where,
            hint="give the whole CSV download of SR Legacy or Foundation Foods",
        )
    drafts, types = _foods(files, reporter)
    if not types:
        raise FoodDataError(
            "holds no SR Legacy or Foundation foods",
            where="food.csv",
            hint="give the CSV download of SR Legacy or Foundation Foods",
        )
    _values(files, reporter, drafts)
    _portions(files, reporter, drafts)
    name = "FDC " + " and ".join(KEPT_TYPES[t] for t in sorted(types, key=list(KEPT_TYPES).index))
    foods = tuple(
        Food(
            id=d.id,
            description=d.description,
            group=d.group,
            per_100g=_per_100g(d.values),
            portions=tuple(d.portions),
            release=name,
        )
        for d in drafts.values()
        if d is not None
    )
    return foods, name
