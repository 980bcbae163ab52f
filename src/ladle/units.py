"""Kitchen units: canonical names, one pint registry, conversions, densities, temperatures.

Canonical names follow the contract: pint's name where pint knows the unit (``pound``,
``tablespoon``, ``fluid_ounce``), else the singular count noun (``clove``, ``sprig``, ``can``).
The words as written stay with the ingredient's ``text``.

Conversions go through one pint registry for the kitchen (:func:`registry`): US customary and
metric, the imperial pint, cup and fluid ounce where they differ from the US ones, and kitchen
measures pint lacks (a US stick of butter is 8 tablespoons, a pinch ¹⁄₁₆ teaspoon, a dash ⅛, a
dessertspoon 2 teaspoons). Volume and mass meet only through the density of the ingredient
(``data/densities.toml``, grams per cup); a count (3 carrots) meets mass only through a usual
piece weight. Anything else is a :class:`~ladle.errors.UnitError` that names the ingredient.
The registry caches its parsed definitions under ``$LADLE_CACHE_DIR``/``~/.cache/ladle``.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
import tempfile
import threading
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, TypeVar

from ladle.errors import UnitError
from ladle.words import food_class, singular

__all__ = [
    "GAS_MARKS",
    "Dimension",
    "canonical_unit",
    "celsius_to_fahrenheit",
    "convert",
    "count_noun",
    "dimension",
    "fahrenheit_to_celsius",
    "format_quantity",
    "gas_mark_to_celsius",
    "grams_per_ml",
    "grams_per_piece",
    "import_with_unit_cache",
    "is_count_unit",
    "is_stick_fat",
    "is_unit_word",
    "registry",
]

# pint's names for the units a kitchen uses, keyed by every spelling ladle accepts.
_PINT_UNITS: dict[str, tuple[str, ...]] = {
    "teaspoon": ("teaspoon", "teaspoons", "tsp", "tsps", "tsp.", "t", "ts", "teasp"),
    "tablespoon": (
        "tablespoon",
        "tablespoons",
        "tbsp",
        "tbsps",
        "tbsp.",
        "tbs",
        "tbl",
        "tbls",
        "tb",
        "T",
        "tblsp",
        "tablesp",
    ),
    "cup": ("cup", "cups", "c", "C", "c."),
    "fluid_ounce": (
        "fluid_ounce",
        "fluid ounce",
        "fluid ounces",
        "fl oz",
        "fl. oz.",
        "fl.oz",
        "fl. oz",
        "floz",
        "fl ounce",
        "fl ounces",
    ),
    "pint": ("pint", "pints", "pt", "pts"),
    "quart": ("quart", "quarts", "qt", "qts"),
    "gallon": ("gallon", "gallons", "gal"),
    "milliliter": (
        "milliliter",
        "milliliters",
        "millilitre",
        "millilitres",
        "ml",
        "mls",
        "mL",
        "cc",
    ),
    "centiliter": ("centiliter", "centiliters", "centilitre", "centilitres", "cl"),
    "deciliter": ("deciliter", "deciliters", "decilitre", "decilitres", "dl"),
    "liter": ("liter", "liters", "litre", "litres", "l", "L", "ltr", "lt"),
    "gram": ("gram", "grams", "gramme", "grammes", "g", "gr", "grm", "gm", "gms", "g."),
    "kilogram": ("kilogram", "kilograms", "kilo", "kilos", "kg", "kgs"),
    "milligram": ("milligram", "milligrams", "mg"),
    "ounce": ("ounce", "ounces", "oz", "oz.", "ozs"),
    "pound": ("pound", "pounds", "lb", "lbs", "lb.", "lbs.", "#"),
    "millimeter": ("millimeter", "millimeters", "millimetre", "millimetres", "mm"),
    "centimeter": ("centimeter", "centimeters", "centimetre", "centimetres", "cm"),
    "meter": ("meter", "meters", "metre", "metres"),
    "inch": ("inch", "inches", "in", "in.", '"'),
    "foot": ("foot", "feet", "ft"),
}

# Count nouns: the singular, keyed by the plural forms that are not just "+s".
_COUNT_UNITS: tuple[str, ...] = (
    "bag",
    "bar",
    "block",
    "bottle",
    "box",
    "bulb",
    "bunch",
    "can",
    "carton",
    "clove",
    "container",
    "cube",
    "dash",
    "drop",
    "ear",
    "envelope",
    "fillet",
    "handful",
    "head",
    "jar",
    "knob",
    "leaf",
    "link",
    "loaf",
    "package",
    "packet",
    "piece",
    "pinch",
    "pod",
    "punnet",
    "rasher",
    "rib",
    "scoop",
    "sheet",
    "slice",
    "splash",
    "sprig",
    "sprinkle",
    "stalk",
    "stem",
    "stick",
    "strip",
    "tin",
    "tub",
    "wedge",
    "dollop",
    "squeeze",
    "shot",
    "glass",
    "thumb",
    "batch",
    "round",
    "bundle",
    "pack",
    "sachet",
    "pot",
    "portion",
    "serving",
)
# Count units written other ways (plurals are ladle.words.singular's).
_COUNT_SPELLINGS: dict[str, str] = {
    "tin": "can",
    "tins": "can",
    "pkg": "package",
    "pkgs": "package",
    "pkt": "packet",
    "pcs": "piece",
    "pc": "piece",
}

_LOOKUP: dict[str, str] = {}
for _name, _spellings in _PINT_UNITS.items():
    for _spelling in _spellings:
        _LOOKUP[_spelling] = _name
_LOOKUP_FOLDED: dict[str, str] = {
    key.lower(): value for key, value in _LOOKUP.items() if key not in {"T", "t", "C", "L"}
}
_COUNT_SET = frozenset(_COUNT_UNITS)

_SPACES = re.compile(r"\s+")


def count_noun(word: str) -> str:
    """A count unit as ladle names it: singular, other spellings folded ("tins" → "can",
    "cloves" → "clove", "pinches" → "pinch")."""
    lower = word.lower()
    return _COUNT_SPELLINGS.get(lower) or (lower if lower in _COUNT_SET else singular(lower))


def canonical_unit(text: str) -> str | None:
    """The canonical name of a unit as written, or None when ``text`` is empty.

    >>> canonical_unit("Tbsp"), canonical_unit("lbs"), canonical_unit("cloves")
    ('tablespoon', 'pound', 'clove')
    """
    cleaned = _SPACES.sub(" ", text.strip().strip(",;:"))
    if not cleaned:
        return None
    if cleaned in _LOOKUP:
        return _LOOKUP[cleaned]
    folded = cleaned.lower()
    if folded in _LOOKUP_FOLDED:
        return _LOOKUP_FOLDED[folded]
    if folded.endswith(".") and folded[:-1] in _LOOKUP_FOLDED:
        return _LOOKUP_FOLDED[folded[:-1]]
    # pint's own names, as ingredient-parser returns them ("fluid_ounce", "US_liquid_cup").
    underscored = folded.replace(" ", "_")
    if underscored in _PINT_UNITS:
        return underscored
    return _count_or_as_written(cleaned)


def _count_or_as_written(word: str) -> str:
    """A count noun ladle knows in its singular ("cloves" → "clove", "tins" → "can"), an English
    plural singular ("racks" → "rack", "branches" → "branch"); any other unit as written, in
    lower case, never cut or joined: words of other languages ("gousses" is no English
    "-sses" plural, "pièces" no English word), phrases ("c. à soupe")."""
    folded = word.lower()
    if " " in folded:
        return folded
    known = count_noun(folded)
    if known in _COUNT_SET or (folded.isascii() and not folded.endswith("sses")):
        return known
    return folded


def is_unit_word(word: str) -> bool:
    """Whether a word is a unit ladle knows ("cups", "tbsp.", "cloves"), not just any noun."""
    folded = _SPACES.sub(" ", word.strip().strip(",;:.")).lower()
    return (
        folded in _LOOKUP_FOLDED
        or folded.replace(" ", "_") in _PINT_UNITS
        or count_noun(folded) in _COUNT_SET
    )


def is_count_unit(unit: str | None) -> bool:
    """True for count nouns (clove, can), False for measures pint knows (gram, cup)."""
    return unit is not None and unit not in _PINT_UNITS


def fahrenheit_to_celsius(fahrenheit: float) -> float:
    """Exact conversion; round where you show it."""
    return (fahrenheit - 32.0) * 5.0 / 9.0


def celsius_to_fahrenheit(celsius: float) -> float:
    """Exact conversion; round where you show it."""
    return celsius * 9.0 / 5.0 + 32.0


# British gas marks to °C, as printed in UK cookbooks.
GAS_MARKS: dict[float, int] = {
    0.25: 110,
    0.5: 120,
    1: 140,
    2: 150,
    3: 160,
    4: 180,
    5: 190,
    6: 200,
    7: 220,
    8: 230,
    9: 240,
    10: 260,
}


def gas_mark_to_celsius(mark: float) -> int | None:
    """The oven temperature of a gas mark, or None for a mark that does not exist."""
    return GAS_MARKS.get(mark)


_DISPLAY_FRACTIONS: tuple[tuple[float, str], ...] = (
    (1 / 8, "⅛"),
    (1 / 4, "¼"),
    (1 / 3, "⅓"),
    (3 / 8, "⅜"),
    (1 / 2, "½"),
    (5 / 8, "⅝"),
    (2 / 3, "⅔"),
    (3 / 4, "¾"),
    (7 / 8, "⅞"),
)


def format_quantity(value: float) -> str:
    """A quantity as a cook reads it: 0.25 → "¼", 1.5 → "1½", 2 → "2", 0.15 → "0.15"."""
    if value < 0:
        return "-" + format_quantity(-value)
    whole = int(value)
    rest = value - whole
    if rest < 0.005:
        return str(whole)
    if rest > 0.995:
        return str(whole + 1)
    for fraction, glyph in _DISPLAY_FRACTIONS:
        if abs(rest - fraction) < 0.01:
            return f"{whole}{glyph}" if whole else glyph
    return f"{value:.2f}".rstrip("0").rstrip(".")


# --- conversions -------------------------------------------------------------------------------

Dimension = Literal["mass", "volume", "length", "count", "none"]

# Canonical names that are not pint's own, as the registry defines them.
_KITCHEN_DEFINITIONS = (
    "stick = 8 * tablespoon = kitchen_stick",
    "kitchen_pinch = teaspoon / 16",
    "kitchen_dash = teaspoon / 8",
    "dessertspoon = 2 * teaspoon",
    "metric_cup = 250 * milliliter",
)
_PINT_NAME: dict[str, str] = {
    "stick": "kitchen_stick",
    "pinch": "kitchen_pinch",
    "dash": "kitchen_dash",
    "dessertspoon": "dessertspoon",
    "imperial_pint": "imperial_pint",
    "imperial_cup": "imperial_cup",
    "imperial_fluid_ounce": "imperial_fluid_ounce",
    "metric_cup": "metric_cup",
}
_MASS = frozenset({"gram", "kilogram", "milligram", "ounce", "pound"})
_VOLUME = frozenset(
    {
        "teaspoon", "tablespoon", "cup", "fluid_ounce", "pint", "quart", "gallon", "milliliter",
        "centiliter", "deciliter", "liter", "stick", "pinch", "dash", "dessertspoon",
        "imperial_pint", "imperial_cup", "imperial_fluid_ounce", "metric_cup",
    }
)  # fmt: skip
_LENGTH = frozenset({"millimeter", "centimeter", "meter", "inch", "foot"})


def is_stick_fat(ingredient: str | None) -> bool:
    """Whether a stick of ``ingredient`` is the US butter stick (8 tablespoons): butter,
    margarine, shortening (``data/words/food.toml``, ``stick_fats``). A stick of cinnamon,
    celery or rhubarb, or of an ingredient not named, is a count of sticks: never half a cup."""
    return ingredient is not None and food_class("stick_fats").search(ingredient) is not None


def dimension(unit: str | None, ingredient: str | None = None) -> Dimension:
    """What a canonical unit measures: mass, volume, length, a count (clove, can), or nothing.

    A stick is a volume (the butter stick) only for the fats of :func:`is_stick_fat`: pass the
    ingredient's name ("butter") for a stick to measure; else it is a count ("1 stick cinnamon").
    """
    if unit is None:
        return "none"
    if unit in _MASS:
        return "mass"
    if unit == "stick" and not is_stick_fat(ingredient):
        return "count"
    if unit in _VOLUME:
        return "volume"
    if unit in _LENGTH:
        return "length"
    return "count"


def _cache_dir() -> Path:
    explicit = os.environ.get("LADLE_CACHE_DIR")
    if explicit:
        return Path(explicit) / "pint"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "ladle" / "pint"


_T = TypeVar("_T")


def _clear_cache(folder: Path) -> None:
    """Forget what pint cached in ``folder`` (ladle's own folder: nothing else lives there)."""
    for pattern in ("*.pickle", "*.json"):
        for path in folder.glob(pattern):
            path.unlink(missing_ok=True)


def _cached(build: Callable[[Path | None], _T]) -> _T:
    """``build(folder)`` with a pint cache folder, robustly.

    pint keeps its parsed definitions in pickles named by the content they come from, so a
    stale file is never read; a damaged one (a crash mid-write, a full disk) makes pint raise.
    Then the folder is emptied and ``build`` runs again, writing it afresh; a folder that
    cannot be written gives way to one under the temporary directory, and that to no cache.
    """
    for folder in (_cache_dir(), Path(tempfile.gettempdir()) / f"ladle-{os.getuid()}" / "pint"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        for attempt in range(2):
            try:
                return build(folder)
            except Exception:
                if attempt == 0:
                    try:
                        _clear_cache(folder)
                    except OSError:
                        break
    return build(None)


@cache
def registry() -> Any:
    """The kitchen's pint registry (created once, definitions cached on disk)."""
    import pint  # noqa: PLC0415 - half a second to import: only when converting

    def build(folder: Path | None) -> Any:
        ureg: Any = pint.UnitRegistry(cache_folder=folder)
        for definition in _KITCHEN_DEFINITIONS:
            ureg.define(definition)
        return ureg

    return _cached(build)


_import_lock = threading.Lock()


def import_with_unit_cache(name: str) -> ModuleType:
    """Import the module ``name``, letting the pint registries it makes use ladle's cache.

    ingredient-parser builds a pint registry of its own when it is imported
    (``ingredient_parser.UREG``), without a cache folder: a tenth of a second of parsing pint's
    definition files in every process. It cannot simply use :func:`registry`: ladle's kitchen
    measures (a stick, a pinch, a dash as units) would change what the library answers. So
    while the module is imported, ``pint.UnitRegistry(...)`` gets ladle's cache folder when the
    caller gives none; the registry is otherwise the one the library would have made, and both
    registries share the cached definitions of pint's own files. A module already imported is
    returned as it is.
    """
    if name in sys.modules:
        return sys.modules[name]
    import pint  # noqa: PLC0415 - heavy: only when ingredients are parsed

    original = pint.UnitRegistry

    def build(folder: Path | None) -> ModuleType:
        if folder is None:
            return importlib.import_module(name)

        def cached_registry(*args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("cache_folder", folder)
            return original(*args, **kwargs)

        with _import_lock:
            setattr(pint, "UnitRegistry", cached_registry)  # noqa: B010 - pint is typed
            try:
                return importlib.import_module(name)
            finally:
                setattr(pint, "UnitRegistry", original)  # noqa: B010

    return _cached(build)


@cache
def _tables() -> tuple[dict[str, float], dict[str, float]]:
    text = resources.files("ladle").joinpath("data", "densities.toml").read_text("utf-8")
    data = tomllib.loads(text)
    per_cup = {str(k).lower(): float(v) for k, v in data["grams_per_cup"].items()}
    per_piece = {str(k).lower(): float(v) for k, v in data["grams_per_piece"].items()}
    return per_cup, per_piece


_ML_PER_CUP = 236.5882365
_NAME_WORDS = re.compile(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*", re.I)


def _lookup(name: str | None, table: dict[str, float]) -> float | None:
    """The value of the longest key of ``table`` found, as whole words, in ``name``."""
    if not name:
        return None
    words = [singular(w) if len(w) > 3 else w.lower() for w in _NAME_WORDS.findall(name.lower())]
    plain = " ".join(w.lower() for w in _NAME_WORDS.findall(name.lower()))
    best: tuple[int, float] | None = None
    for key, value in table.items():
        key_words = key.split()
        singular_key = [singular(w) if len(w) > 3 else w for w in key_words]
        for haystack, needle in ((plain.split(), key_words), (words, singular_key)):
            n = len(needle)
            if any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1)) and (
                best is None or len(key) > best[0]
            ):
                best = (len(key), value)
    return best[1] if best else None


def grams_per_ml(name: str | None) -> float | None:
    """The density of an ingredient, from the kitchen table, or None when ladle does not know."""
    per_cup = _lookup(name, _tables()[0])
    return None if per_cup is None else per_cup / _ML_PER_CUP


def grams_per_piece(name: str | None) -> float | None:
    """What one piece of an ingredient usually weighs (an egg 50 g), or None."""
    return _lookup(name, _tables()[1])


def _pint_unit(unit: str) -> str:
    return _PINT_NAME.get(unit, unit)


def convert(value: float, unit: str, target: str, *, ingredient: str | None = None) -> float:
    """``value`` of ``unit`` in ``target`` units; mass and volume meet through the ingredient's
    density, a count and mass through its usual piece weight.

    >>> round(convert(1, "cup", "gram", ingredient="honey"))
    340
    """
    if unit == target:
        return value
    have, want = dimension(unit, ingredient), dimension(target, ingredient)
    what = f" of {ingredient}" if ingredient else ""
    if "none" in (have, want):
        raise UnitError(
            f"cannot convert {value:g} {unit or 'units'}{what} to {target or 'no unit'}",
            where=ingredient or "amount",
            hint="give the amount a unit",
        )
    if have == "count" or want == "count":
        return _convert_count(value, unit, target, ingredient)
    ureg = registry()
    quantity = ureg.Quantity(value, _pint_unit(unit))
    if have == want:
        return float(quantity.to(_pint_unit(target)).magnitude)
    if {have, want} != {"mass", "volume"}:
        raise UnitError(
            f"cannot convert {unit} to {target}{what}: one is a {have}, the other a {want}",
            where=ingredient or "amount",
        )
    density = grams_per_ml(ingredient)
    if density is None:
        raise UnitError(
            f"no density known for {ingredient or 'this ingredient'}, so {unit} cannot become "
            f"{target}",
            where=ingredient or "amount",
            hint=f"give the {'weight' if want == 'mass' else 'volume'} in the recipe, "
            "or keep its unit",
        )
    if have == "volume":
        grams = float(quantity.to("milliliter").magnitude) * density
        return float(ureg.Quantity(grams, "gram").to(_pint_unit(target)).magnitude)
    milliliters = float(quantity.to("gram").magnitude) / density
    return float(ureg.Quantity(milliliters, "milliliter").to(_pint_unit(target)).magnitude)


# Count units that hold many of the food's usual pieces, or part of one: never one piece.
_GROUPS = frozenset(
    {"bulb", "head", "bunch", "can", "jar", "tin", "packet", "package", "pack", "bag", "box",
     "handful", "sprig", "stalk", "slice", "sheet", "stick", "leaf", "rib", "fillet", "wedge",
     "floret", "loaf", "pinch", "dash", "drop", "splash", "knob"}
)  # fmt: skip


def _convert_count(value: float, unit: str, target: str, ingredient: str | None) -> float:
    have, want = dimension(unit, ingredient), dimension(target, ingredient)
    what = ingredient or "this ingredient"
    if have == want:
        if singular(unit) == singular(target):
            return value
        raise UnitError(f"cannot count {unit} as {target}", where=what)
    counted = singular(unit if have == "count" else target)
    if counted in _GROUPS:  # a bulb of garlic is not one clove: only a "garlic bulb" entry
        key = f"{ingredient or ''} {counted}"
        piece = _lookup(key, {k: v for k, v in _tables()[1].items() if counted in k.split()})
    else:
        piece = grams_per_piece(
            ingredient if counted == "piece" else f"{ingredient or ''} {counted}"
        ) or grams_per_piece(ingredient)
    if piece is None or "mass" not in (have, want):
        raise UnitError(
            f"no usual weight known for a {unit if have == 'count' else target} of {what}",
            where=what,
            hint="give its weight in the recipe",
        )
    if have == "count":
        return convert(value * piece, "gram", target, ingredient=ingredient)
    return convert(value, unit, "gram", ingredient=ingredient) / piece
