"""What a cookbook knows when it scales, converts and shops, kept as data
(``data/words/cookbook.toml``): package sizes, things a cook cannot split, which ingredients
metric cookbooks weigh, British and American names, and standard pan sizes.

- A **package size** ("2 (15 oz) cans", "1 can (14 oz)", "15 oz each") is the size of one
  can, jar or packet: it never scales and is never added up as an amount.
- **Whole things** (eggs, a pie crust, a can, a "recipe" of something) stay whole.
- **Pans** round to the sizes each system's shops sell: an 8-inch tin is a 20 cm tin, a
  9x13-inch pan 23x33 cm, a 900 g loaf tin a 9x5-inch loaf pan.
- **Names** follow the units: plain flour for metric, all-purpose flour for US.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ladle.model import Amount, Ingredient
from ladle.rounding import KitchenAmount, System, kitchen_amount
from ladle.text import NUMBER, parse_number
from ladle.units import canonical_unit, convert, dimension, format_quantity, grams_per_ml
from ladle.words import alternation, singular, table

__all__ = [
    "cookbook_amount",
    "grams_per_stick",
    "is_package",
    "is_whole",
    "package_size",
    "pan_text",
    "pans",
    "rename",
    "size_text",
    "spoon_below_ml",
    "weighed",
]

_SIZE = re.compile(rf"^\s*(?P<n>{NUMBER})[\s-]*(?P<unit>[a-z][a-z. ]*?)\.?(?:\s+each)?\s*$", re.I)


def _words() -> dict[str, object]:
    return table("cookbook")


@cache
def _list(key: str) -> frozenset[str]:
    value = _words()[key]
    assert isinstance(value, list)
    return frozenset(str(w).lower() for w in value)


def is_package(unit: str | None) -> bool:
    """A can, jar, packet…: a unit whose size is written beside it."""
    return unit is not None and unit.lower() in _list("packages")


def _name_words(ingredient: Ingredient) -> list[str]:
    name = (ingredient.name or ingredient.text).lower()
    return [singular(w) for w in re.findall(r"[a-z][a-z'-]*", name.split(",")[0])]


def is_whole(ingredient: Ingredient) -> bool:
    """Whether the ingredient is counted in things a cook cannot split: eggs, crusts, cans."""
    unit = ingredient.unit
    if unit is not None and dimension(unit) != "count":
        return False
    if is_package(unit) or (unit is not None and unit in _list("whole_units")):
        return True
    if unit not in {None, "piece"}:
        return False
    words = _name_words(ingredient)
    names = {tuple(singular(w) for w in n.split()) for n in _list("whole_names")}
    return any(tuple(words[-len(n) :]) == n for n in names if len(n) <= len(words))


def package_size(ingredient: Ingredient) -> Amount | None:
    """The size of one package of a packaged ingredient: "15 oz" of "2 (15 oz) cans" (read
    from the comment, "15 oz each"), or its stated total divided by the count ("1 (14 oz)
    can": 14 oz); None when the line does not say or the unit is no package."""
    if not is_package(ingredient.unit):
        return None
    for part in re.split(r"[;,()]", ingredient.comment or ""):
        match = _SIZE.match(part)
        unit = canonical_unit(match.group("unit").strip()) if match else None
        value = parse_number(match.group("n")) if match else None
        if match and unit and value and dimension(unit) in {"mass", "volume"}:
            return Amount(value, unit, f"{format_quantity(value)} {_short(match, unit)}")
    count = ingredient.quantity
    for alternative in ingredient.alternatives:
        unit = alternative.unit
        if alternative.quantity and count and dimension(unit) in {"mass", "volume"}:
            each = alternative.quantity / count
            words = alternative.text.split(" ", 1)
            written = words[1] if len(words) == 2 else str(unit)
            return Amount(each, unit, f"{format_quantity(each)} {written}")
    return None


_SHORT = {
    "ounce": "oz", "pound": "lb", "gram": "g", "kilogram": "kg", "milliliter": "ml",
    "liter": "l", "fluid_ounce": "fl oz",
}  # fmt: skip


def size_text(size: Amount) -> str:
    """A package size the way labels print it, in its own unit: "15 oz", "400 g", "28 oz"."""
    if size.quantity is None or size.unit is None:
        return size.text
    return f"{format_quantity(round(size.quantity, 2))} {_SHORT.get(size.unit, size.unit)}"


def _short(match: re.Match[str], unit: str) -> str:
    written = match.group("unit").strip().rstrip(".")
    return written if canonical_unit(written) == unit else unit


def weighed(name: str | None, key_list: str = "weighed") -> bool:
    """Whether metric cookbooks weigh this ingredient (fats, flours, sugars, dry goods); with
    ``key_list="cups_in_us"``, whether US cookbooks measure it in cups."""
    if not name:
        return False
    words = [singular(w) for w in re.findall(r"[a-z]+", name.lower())]
    for key in _list(key_list):
        needle = [singular(w) for w in key.split()]
        n = len(needle)
        if any(words[i : i + n] == needle for i in range(len(words) - n + 1)):
            return True
    return False


def cookbook_amount(
    value: float, unit: str | None, name: str | None, system: System
) -> KitchenAmount | None:
    """``value`` ``unit`` of ``name`` the way a cookbook of ``system`` measures it, when that
    differs from keeping the dimension: a metric cook weighs fats and dry goods (1 stick of
    butter is 113 g, ½ cup sugar 100 g; below 50 ml the spoons stay), a US cook measures
    flour and sugar in cups. None when the amount keeps what it measures."""
    kind = dimension(unit, name)
    if unit is None or kind not in {"mass", "volume"} or grams_per_ml(name) is None:
        return None
    if system == "metric" and kind == "volume" and weighed(name):
        if convert(value, unit, "milliliter", ingredient=name) < spoon_below_ml():
            return None
        if unit == "stick" and "butter" in (name or "").lower():
            grams = float(round(value * grams_per_stick()))
            return KitchenAmount(grams, "gram", f"{format_quantity(grams)} g")
        return kitchen_amount(convert(value, unit, "gram", ingredient=name), "gram", "metric")
    if system == "us" and kind == "mass" and weighed(name, "cups_in_us"):
        milliliters = convert(value, unit, "milliliter", ingredient=name)
        return _cups_and_spoons(kitchen_amount(milliliters, "milliliter", "us"))
    return None


def _cups_and_spoons(amount: KitchenAmount) -> KitchenAmount:
    """14 tbsp as a US cookbook writes it: "¾ cup + 2 tbsp"."""
    if amount.unit != "tablespoon" or amount.quantity <= 5:
        return amount
    quarters, spoons = divmod(amount.quantity, 4)
    cups = kitchen_amount(quarters / 4, "cup").text
    rest = f" + {format_quantity(spoons)} tbsp" if spoons else ""
    return replace(amount, text=f"{cups}{rest}")


def spoon_below_ml() -> float:
    """Below this volume a metric cookbook keeps its spoons (a teaspoon of salt)."""
    value = _words()["spoon_below_ml"]
    assert isinstance(value, int | float)
    return float(value)


def grams_per_stick() -> float:
    """What a stick of butter weighs."""
    value = _words()["grams_per_stick"]
    assert isinstance(value, int | float)
    return float(value)


# --- names -------------------------------------------------------------------------------------


@cache
def _renames(system: System) -> tuple[re.Pattern[str], dict[str, str]]:
    pairs = _words()["names"]
    assert isinstance(pairs, list)
    to: dict[str, str] = {}
    for pair in pairs:
        british, american, *more = (str(w) for w in pair)
        if system == "us":
            to.setdefault(british.lower(), american)
        else:
            for name in (american, *more):
                to.setdefault(name.lower(), british)
    words = [w.replace("-", " ") for w in to]
    pattern = alternation(words).replace(r"\s+", r"[\s-]+")
    return re.compile(rf"(?<![\w'-]){pattern}(?![\w-])", re.I), {
        re.sub(r"[\s-]+", " ", k): v for k, v in to.items()
    }


def rename(text: str, system: System) -> str:
    """``text`` with British names made American for "us" and American ones British for
    "metric" ("plain flour" ↔ "all-purpose flour"), capitals kept at the start of a name."""
    pattern, to = _renames(system)

    def swap(match: re.Match[str]) -> str:
        written = match.group(0)
        new = to[re.sub(r"[\s-]+", " ", written.lower())]
        return new[0].upper() + new[1:] if written[0].isupper() else new

    return pattern.sub(swap, text)


# --- pans --------------------------------------------------------------------------------------

_DIM = r"\d{1,2}(?:[.,]\d|\s*½)?"


@cache
def _pan_pattern() -> re.Pattern[str]:
    words = alternation(sorted(_list("pan_words")))
    return re.compile(
        rf"(?<![\w.])(?P<a>{_DIM})(?:\s*(?:x|×|by|-by-)\s*(?P<b>{_DIM}))?"
        rf"(?:\s*(?:x|×|by)\s*(?P<c>{_DIM}))?"
        r"(?:\s*|-)(?P<unit>inch(?:es)?|in\b\.?|\"|”|″|cm\b|centimet(?:er|re)s?)"
        rf"(?P<after>[\s-]+(?:[\w-]+\s+){{0,2}}?{words}\b)",
        re.I,
    )


@cache
def _loaf_pattern() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w.])(?P<n>\d{3,4}|\d)\s*-?\s*(?P<unit>g|grams?|lb|lbs|pounds?)\b"
        r"(?P<after>[\s-]+loaf\s+(?:tin|pan)s?)",
        re.I,
    )


def pans(text: str, system: System) -> list[tuple[int, int, str]]:
    """The pans and tins of ``text`` to rewrite in ``system``'s standard sizes, as (start,
    end, new text): "an 8-inch tin" → "20 cm tin (8 in)", "9x13-inch pan" → "23x33 cm pan
    (9x13 in)", "900 g loaf tin" → "9x5-inch loaf pan (900 g loaf tin)" for US."""
    found: list[tuple[int, int, str]] = []
    for pattern, rewrite in ((_loaf_pattern(), _loaf), (_pan_pattern(), _pan)):
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e, _ in found):
                continue
            new = rewrite(match, system)
            if new != match.group(0):
                found.append((match.start(), match.end(), new))
    return sorted(found)


def pan_text(text: str, system: System) -> str:
    """``text`` with its pans and tins in ``system``'s standard sizes (see :func:`pans`)."""
    out, last = [], 0
    for start, end, new in pans(text, system):
        out += [text[last:start], new]
        last = end
    return "".join([*out, text[last:]])


def _pan_sizes() -> list[tuple[float, float]]:
    pairs = _words()["pan_sizes"]
    assert isinstance(pairs, list)
    return [(float(a), float(b)) for a, b in pairs]


def _dimension(value: float, metric: bool, to: System) -> str:
    """One side of a pan in ``to``'s standard sizes."""
    sizes = _pan_sizes()
    if metric and to == "us":
        extra = _words()["pan_metric_only"]
        assert isinstance(extra, list)
        table_ = {b: a for a, b in sizes} | {float(c): float(i) for c, i in extra}
        if value in table_:
            return format_quantity(table_[value])
        return format_quantity(round(convert(value, "centimeter", "inch") * 2) / 2)
    if not metric and to == "metric":
        table_ = dict(sizes)
        if value in table_:
            return format_quantity(table_[value])
        return format_quantity(round(convert(value, "inch", "centimeter")))
    return format_quantity(value)


def _pan(match: re.Match[str], system: System) -> str:
    unit = match.group("unit").lower()
    metric = unit.startswith(("cm", "centi"))
    if metric == (system == "metric"):
        return match.group(0)
    sides = [s for s in (match.group("a"), match.group("b"), match.group("c")) if s]
    values = [parse_number(s.replace(",", ".")) or 0.0 for s in sides]
    if not all(values):
        return match.group(0)
    prefix = ""
    if len(values) == 2 and values[0] * 3 <= values[1]:  # "2 x 20cm tins": two tins
        count_end = match.start("b") - match.start()
        prefix, sides, values = match.group(0)[:count_end], sides[1:], values[1:]
    new = "x".join(_dimension(v, metric, system) for v in values)
    written = "x".join(s.replace(" ", "") for s in sides)
    old = f"{written} cm" if metric else f"{written}-inch"
    after = match.group("after")
    if system == "metric" and "loaf" in after.lower():
        tins = _words()["loaf_tins"]
        assert isinstance(tins, list)
        for weight, _pounds, wide, long in tins:
            if values == [float(wide), float(long)]:
                return f"{prefix}{weight} g ({old}){re.sub(r'pan', 'tin', after)}"
    size = f"{new} cm" if system == "metric" else f"{new}-inch"
    return f"{prefix}{size} ({old}){match.group('after')}"


def _loaf(match: re.Match[str], system: System) -> str:
    if system != "us":
        return match.group(0)
    value = float(match.group("n"))
    grams = value if match.group("unit").lower().startswith("g") else value * 450
    tins = _words()["loaf_tins"]
    assert isinstance(tins, list)
    for weight, _pounds, wide, long in tins:
        if abs(grams - float(weight)) <= 60:
            after = re.sub(r"\btin", "pan", match.group("after"))
            written = match.group(0)[: match.start("after") - match.start()]
            return f"{wide}x{long}-inch ({written}){after}"
    return match.group(0)
