"""Kitchen units: one canonical name per unit, and the temperature scales.

Canonical names follow the contract: pint's name where pint knows the unit (``pound``,
``tablespoon``, ``fluid_ounce``), else the singular count noun (``clove``, ``sprig``, ``can``).
The words as written stay with the ingredient's ``text``.
"""

from __future__ import annotations

import re

__all__ = [
    "GAS_MARKS",
    "canonical_unit",
    "celsius_to_fahrenheit",
    "fahrenheit_to_celsius",
    "format_quantity",
    "gas_mark_to_celsius",
    "is_count_unit",
    "singular",
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
        "dessertspoon",
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
_IRREGULAR_PLURALS: dict[str, str] = {
    "leaves": "leaf",
    "loaves": "loaf",
    "knives": "knife",
    "halves": "half",
    "pinches": "pinch",
    "bunches": "bunch",
    "dashes": "dash",
    "boxes": "box",
    "splashes": "splash",
    "squeezes": "squeeze",
    "punnets": "punnet",
    "glasses": "glass",
    "batches": "batch",
    "tin": "can",
    "tins": "can",
    "cookies": "cookie",
    "brownies": "brownie",
    "smoothies": "smoothie",
    "calories": "calorie",
    "pies": "pie",
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


def singular(word: str) -> str:
    """The singular of a count noun ("cloves" → "clove", "leaves" → "leaf")."""
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[lower]
    if lower in _COUNT_SET:
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 2:
        return lower[:-1]
    return lower


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
    return singular(folded).replace(" ", "_") if " " not in folded else folded.replace(" ", "_")


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
