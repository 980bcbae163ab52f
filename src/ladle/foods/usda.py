"""USDA's food composition releases, read: the SR28 ASCII files and FoodData Central's CSV.

``read_release(path)`` reads what a user downloaded from USDA, as a zip or unpacked into a
folder, and gives a :class:`Release`: its name and every food with the ten nutrients of the
panel (:data:`~ladle.foods.table.NUTRIENTS`), its household measures and its refuse.

Two families are read:

- **SR28 ASCII** (``sr28asc.zip``): ``FOOD_DES.txt``, ``NUT_DATA.txt``, ``NUTR_DEF.txt``,
  ``WEIGHT.txt``, ``FD_GROUP.txt``; caret-delimited, text fields wrapped in ``~``, ISO-8859-1
  (the bytes 0x80–0x9F, which USDA uses for curly quotes, read as Windows-1252). A food's id is
  its NDB number as written (``"02046"``, leading zero kept). The release is named after the
  zip (``sr27asc.zip`` gives "SR27"), "SR28" otherwise.
- **FoodData Central CSV** (the SR Legacy and Foundation Foods downloads): ``food.csv``,
  ``food_nutrient.csv``, ``nutrient.csv``, ``food_portion.csv``, ``measure_unit.csv`` and,
  when present, ``food_category.csv`` (the food groups); UTF-8. A food's id is its ``fdc_id``.
  Only foods of the types ``sr_legacy_food`` and ``foundation_food`` are kept (a Foundation
  download also holds the lab samples behind each food). Nutrients are known by
  ``nutrient.csv``'s ``nutrient_nbr``, the SR numbers. Foundation foods often state energy only
  by Atwater factors: when a food has no energy under 208 it takes 958 (Atwater specific
  factors), else 957 (general factors); when it has no kJ (268) its kcal are converted
  (× 4.184). Fat, carbohydrate and sugars fall back the same way on 298 (total fat, NLEA),
  205.2 (carbohydrate by summation) and 269.3 (sugars, total). A portion without a gram
  weight is left out.

Only the panel's ten nutrients are kept; the big file (NUT_DATA, food_nutrient) is streamed.

Anything else is refused with one :class:`~ladle.errors.FoodDataError` that names the file and
line: a file that is not a zip or a folder, a zip that is not a USDA release (it says which
files were expected), a damaged or truncated file, a line with the wrong number of fields or a
number that is not one, a nutrient number ``NUTR_DEF.txt`` (``nutrient.csv``) does not define,
a nutrient or measure row for a food the release does not describe, undecodable bytes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from ladle.errors import FoodDataError
from ladle.foods.fdc import read_fdc
from ladle.foods.release_files import (
    DOWNLOAD_HINT,
    ReleaseFiles,
    Reporter,
    number,
    open_release,
    optional_number,
    plain,
)
from ladle.foods.table import NUTRIENT_BY_NUMBER, NUTRIENTS, Food, Portion

__all__ = ["FDC_FILES", "SR28_FILES", "Release", "read_release"]

SR28_FILES = ("FOOD_DES.txt", "NUT_DATA.txt", "NUTR_DEF.txt", "WEIGHT.txt", "FD_GROUP.txt")
"""The SR28 ASCII files ladle reads, all required."""

FDC_FILES = (
    "food.csv",
    "food_nutrient.csv",
    "nutrient.csv",
    "food_portion.csv",
    "measure_unit.csv",
)
"""FoodData Central's CSV files ladle reads; the first three are required."""

# fields per line in SR28's files (sr28_doc.pdf, chapter 2)
SR28_FIELDS = {"FD_GROUP.txt": 2, "FOOD_DES.txt": 14, "NUTR_DEF.txt": 6, "NUT_DATA.txt": 18}
SR28_FIELDS["WEIGHT.txt"] = 7

TRUNCATED = "the file may be truncated or damaged: download the release again"


@dataclass(frozen=True, slots=True)
class Release:
    """A food composition release: its name ("SR28", "FDC SR Legacy", "FDC Foundation") and
    its foods, in the release's order."""

    name: str
    foods: tuple[Food, ...]


def read_release(path: Path, progress: Callable[[int, int], None] | None = None) -> Release:
    """Read a USDA release: SR28 ASCII or a FoodData Central CSV download, a zip or a folder.

    ``progress(done, total)`` is called now and then as the files are read: bytes of the files
    read, out of their total (a FoodData Central download's other files are not counted).
    """
    with open_release(Path(path)) as files:
        if all(files.has(name) for name in SR28_FILES):
            reporter = Reporter(progress, files.total_size(SR28_FILES))
            release = _read_sr28(files, reporter)
        elif files.has("food.csv") or files.has("food_nutrient.csv"):
            reporter = Reporter(progress, files.total_size((*FDC_FILES, "food_category.csv")))
            foods, name = read_fdc(files, reporter)
            release = Release(name, foods)
        else:
            raise _not_a_release(files)
        reporter.finish()
        return release


def _not_a_release(files: ReleaseFiles) -> FoodDataError:
    have = [name for name in SR28_FILES if files.has(name)]
    if have:
        missing = ", ".join(name for name in SR28_FILES if not files.has(name))
        return FoodDataError(
            f"an SR28 release without {missing}", where=files.where, hint=DOWNLOAD_HINT
        )
    return FoodDataError(
        "is not a USDA release: expected SR28's " + ", ".join(SR28_FILES)
        + ", or FoodData Central's " + ", ".join(FDC_FILES),
        where=files.where,
        hint=DOWNLOAD_HINT,
    )  # fmt: skip


# --- SR28 ASCII -----------------------------------------------------------------------------------

_CP1252 = {i: bytes([i]).decode("cp1252", "replace") for i in range(0x80, 0xA0)}
_C1 = str.maketrans({i: c for i, c in _CP1252.items() if c != "\ufffd"})


@dataclass(slots=True)
class _Draft:
    """A food of FOOD_DES while its nutrients and measures are read."""

    id: str
    description: str
    group: str
    refuse_percent: float
    refuse: str
    per_100g: dict[str, float] = field(default_factory=dict)
    portions: list[Portion] = field(default_factory=list)


def _sr28_lines(
    files: ReleaseFiles, name: str, reporter: Reporter
) -> Iterator[tuple[str, list[str]]]:
    """``(where, fields)`` of each line of an SR28 file, the count of its fields checked."""
    count = SR28_FIELDS[name]
    for line_number, line in files.lines(name, "latin-1", reporter):
        text = line.rstrip("\r\n")
        if not text.strip():
            continue
        fields = text.split("^")
        where = f"{name}:{line_number}"
        if len(fields) != count:
            raise FoodDataError(
                f"{len(fields)} fields where {name} has {count}", where=where, hint=TRUNCATED
            )
        yield where, fields


def _text(value: str, where: str, what: str) -> str:
    """A ``~text~`` field (or an empty one), unwrapped, its C1 bytes read as Windows-1252."""
    if value == "":
        return ""
    if len(value) < 2 or value[0] != "~" or value[-1] != "~" or "~" in value[1:-1]:
        raise FoodDataError(
            f"{what} {value[:40]!r} is not a ~text~ field", where=where, hint=TRUNCATED
        )
    return plain(value[1:-1].translate(_C1), where, what)


def _key(value: str, where: str, what: str) -> str:
    """A code field (NDB number, group code, nutrient number): ``~`` wrapped, not empty."""
    code = _text(value, where, what)
    if not code or not code.isascii() or not code.replace(".", "").isalnum():
        raise FoodDataError(f"{what} {value[:40]!r} is not a code", where=where, hint=TRUNCATED)
    return code


def _release_name(path: str) -> str:
    found = re.search(r"sr(\d{1,2})", Path(path).name, re.IGNORECASE)
    return f"SR{int(found.group(1))}" if found else "SR28"


def _read_sr28(files: ReleaseFiles, reporter: Reporter) -> Release:
    groups: dict[str, str] = {}
    for where, fields in _sr28_lines(files, "FD_GROUP.txt", reporter):
        groups[_key(fields[0], where, "food group code")] = _text(fields[1], where, "group")
    nutrients = _sr28_nutrients(files, reporter)
    drafts = _sr28_foods(files, reporter, groups)
    _sr28_values(files, reporter, nutrients, drafts)
    _sr28_weights(files, reporter, drafts)
    name = _release_name(files.where)
    foods = tuple(
        Food(
            id=d.id,
            description=d.description,
            group=d.group,
            per_100g={n.key: d.per_100g[n.key] for n in NUTRIENTS if n.key in d.per_100g},
            portions=tuple(d.portions),
            refuse_percent=d.refuse_percent,
            refuse=d.refuse,
            release=name,
        )
        for d in drafts.values()
    )
    return Release(name, foods)


def _sr28_nutrients(files: ReleaseFiles, reporter: Reporter) -> dict[str, str | None]:
    """NUTR_DEF's numbers, as NUT_DATA writes them (``~208~``), to the panel's key or None."""
    defined: dict[str, str | None] = {}
    for where, fields in _sr28_lines(files, "NUTR_DEF.txt", reporter):
        code = _key(fields[0], where, "nutrient number")
        unit = _text(fields[1], where, "unit")
        row = NUTRIENT_BY_NUMBER.get(code)
        if row is not None and unit.lower() != row.unit.lower():
            raise FoodDataError(
                f"nutrient {code} ({row.label}) is in {unit!r} where ladle expects {row.unit}",
                where=where,
                hint="this is not USDA's NUTR_DEF.txt",
            )
        defined[f"~{code}~"] = row.key if row else None
    missing = [n.number for n in NUTRIENTS if f"~{n.number}~" not in defined]
    if missing:
        raise FoodDataError(
            f"defines no nutrient {', '.join(missing)}", where="NUTR_DEF.txt", hint=TRUNCATED
        )
    return defined


def _sr28_foods(
    files: ReleaseFiles, reporter: Reporter, groups: dict[str, str]
) -> dict[str, _Draft]:
    """FOOD_DES's foods by their NDB number as NUT_DATA writes it (``~01001~``)."""
    drafts: dict[str, _Draft] = {}
    for where, fields in _sr28_lines(files, "FOOD_DES.txt", reporter):
        ndb = _key(fields[0], where, "NDB number")
        group_code = _key(fields[1], where, "food group code")
        if group_code not in groups:
            raise FoodDataError(
                f"food {ndb} is in food group {group_code}, which FD_GROUP.txt does not list",
                where=where,
                hint=TRUNCATED,
            )
        if f"~{ndb}~" in drafts:
            raise FoodDataError(f"food {ndb} is described twice", where=where, hint=TRUNCATED)
        refuse = optional_number(fields[8], where, "refuse percent") or 0.0
        if refuse > 100:
            raise FoodDataError(f"refuse of {refuse:g}% is over 100%", where=where)
        description = _text(fields[2], where, "description")
        if not description:
            raise FoodDataError(f"food {ndb} has no description", where=where, hint=TRUNCATED)
        drafts[f"~{ndb}~"] = _Draft(
            ndb, description, groups[group_code], refuse, _text(fields[7], where, "refuse")
        )
    if not drafts:
        raise FoodDataError("holds no foods", where="FOOD_DES.txt", hint=TRUNCATED)
    return drafts


def _sr28_values(
    files: ReleaseFiles,
    reporter: Reporter,
    nutrients: dict[str, str | None],
    drafts: dict[str, _Draft],
) -> None:
    """NUT_DATA, streamed: the panel's nutrients of each food; every row's food and nutrient
    checked against FOOD_DES and NUTR_DEF."""
    rows = 0
    for line_number, line in files.lines("NUT_DATA.txt", "latin-1", reporter):
        fields = line.split("^", 3)
        if len(fields) < 4:
            if not line.strip():
                continue
            raise FoodDataError(
                f"{len(fields)} fields where NUT_DATA.txt has 18",
                where=f"NUT_DATA.txt:{line_number}",
                hint=TRUNCATED,
            )
        raw_food, raw_nutrient, value, rest = fields
        draft = drafts.get(raw_food)
        key = nutrients.get(raw_nutrient, "?")
        if draft is None or key == "?" or rest.count("^") != 14:
            _bad_value_line(line_number, line, nutrients, drafts)
        rows += 1
        if key is not None:
            assert draft is not None
            where = f"NUT_DATA.txt:{line_number}"
            draft.per_100g[key] = number(value, where, "nutrient value")
    if not rows:
        raise FoodDataError("holds no nutrient values", where="NUT_DATA.txt", hint=TRUNCATED)


def _bad_value_line(
    line_number: int, line: str, nutrients: dict[str, str | None], drafts: dict[str, _Draft]
) -> NoReturn:
    """Say what is wrong with a NUT_DATA line that the fast path did not take."""
    where = f"NUT_DATA.txt:{line_number}"
    fields = line.rstrip("\r\n").split("^")
    if len(fields) != 18:
        raise FoodDataError(
            f"{len(fields)} fields where NUT_DATA.txt has 18", where=where, hint=TRUNCATED
        )
    raw_food, raw_nutrient = fields[0], fields[1]
    food = _key(raw_food, where, "NDB number")
    nutrient = _key(raw_nutrient, where, "nutrient number")
    if raw_food not in drafts:
        raise FoodDataError(
            f"a nutrient value for food {food}, which FOOD_DES.txt does not describe",
            where=where,
            hint=TRUNCATED,
        )
    if raw_nutrient not in nutrients:
        raise FoodDataError(
            f"nutrient number {nutrient} is not defined in NUTR_DEF.txt",
            where=where,
            hint="NUT_DATA.txt and NUTR_DEF.txt must come from the same release",
        )
    raise FoodDataError("a line ladle cannot read", where=where, hint=TRUNCATED)  # pragma: no cover


def _sr28_weights(files: ReleaseFiles, reporter: Reporter, drafts: dict[str, _Draft]) -> None:
    """WEIGHT's household measures: amount, measure, grams."""
    for where, fields in _sr28_lines(files, "WEIGHT.txt", reporter):
        ndb = _key(fields[0], where, "NDB number")
        draft = drafts.get(f"~{ndb}~")
        if draft is None:
            raise FoodDataError(
                f"a measure for food {ndb}, which FOOD_DES.txt does not describe",
                where=where,
                hint=TRUNCATED,
            )
        amount = number(fields[2], where, "amount")
        grams = number(fields[4], where, "gram weight")
        measure = _text(fields[3], where, "measure")
        if amount > 0 and grams > 0 and measure:
            draft.portions.append(Portion(amount, measure, grams))
