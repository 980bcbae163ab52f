"""How many grams of a food an ingredient line means.

In order: a weight (``2 lb``) is converted directly; a volume (``1/4 cup``) is weighed by the
food's own household measures when it has one in a volume (its cup, tablespoon, teaspoon:
"1 cup = 339 g" for honey), else by ladle's density table (``data/densities.toml``); a count
("2 large eggs", "3 cloves garlic", "1 onion") by the food's own measure of that name ("large",
"clove", "medium"), a weight in brackets on the line ("1 can (400 g)"), or ladle's usual piece
weights. A range ("4-5 cloves") counts as its middle. What has no amount, or no weight ladle can
find, is left out with the reason.

The weight rule: amounts are taken as the edible weight (the recipe's "2 lb pork belly" is what
is eaten); the panel's ``as_bought`` option takes them as bought weight instead and removes each
food's refuse (the pork's skin, the carrots' scrapings) using :func:`edible`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ladle.errors import UnitError
from ladle.foods.table import Food, Portion
from ladle.model import Ingredient
from ladle.units import canonical_unit, convert, dimension, grams_per_ml
from ladle.words import singular

__all__ = ["NoWeight", "Weight", "edible", "weigh"]

_BRACKETS = re.compile(r"\([^()]*\)")
_IN_BRACKETS = re.compile(
    r"\(\s*(\d+(?:\.\d+)?)\s*(g|grams?|kg|oz|ounces?|lbs?|pounds?|ml|l)\b", re.I
)
_SIZES = ("extra large", "large", "medium", "small", "jumbo")
_MEASURE_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@dataclass(frozen=True, slots=True)
class Weight:
    """The grams an ingredient line means, and how they were found (shown to the cook)."""

    grams: float
    how: str


@dataclass(frozen=True, slots=True)
class NoWeight:
    """Why a line has no weight: "no amount", "no weight known for a bunch of parsley"."""

    reason: str


def edible(grams: float, food: Food) -> float:
    """The edible part of ``grams`` bought of ``food``: its refuse (bone, skin, peel) removed."""
    return grams * (1 - food.refuse_percent / 100)


def _amount(ingredient: Ingredient) -> float | None:
    low, high = ingredient.quantity, ingredient.quantity_max
    if low is None or low <= 0:
        return None
    return (low + high) / 2 if high is not None and high > low else low


def _portion_unit(portion: Portion) -> tuple[str | None, list[str]]:
    """A portion's unit (canonical, or None) and its other words: "cup chopped" → cup, [chopped]."""
    words = _MEASURE_WORD.findall(_BRACKETS.sub(" ", portion.measure.lower()))
    for n in (2, 1):
        if len(words) >= n:
            unit = canonical_unit(" ".join(words[:n]))
            if unit is not None and dimension(unit) in ("mass", "volume"):
                return unit, words[n:]
    return None, words


def _by_volume(value: float, unit: str, ingredient: Ingredient, food: Food) -> Weight | None:
    wanted = set(_MEASURE_WORD.findall((ingredient.text or "").lower()))
    best: tuple[tuple[int, int, int], Portion, str] | None = None
    for order, portion in enumerate(food.portions):
        p_unit, rest = _portion_unit(portion)
        if p_unit is None or dimension(p_unit) != "volume" or portion.amount <= 0:
            continue
        fit = sum(1 for w in rest if w in wanted) - sum(1 for w in rest if w not in wanted)
        key = (int(p_unit == unit), fit, -order)
        if best is None or key > best[0]:
            best = (key, portion, p_unit)
    if best is None:
        return None
    _, portion, p_unit = best
    per_ml = portion.grams / convert(portion.amount, p_unit, "milliliter")
    grams = convert(value, unit, "milliliter", ingredient=ingredient.name) * per_ml
    return Weight(grams, f"{portion.amount:g} {portion.measure} = {portion.grams:g} g")


def _size_word(ingredient: Ingredient) -> str | None:
    text = (ingredient.text or "").lower()
    return next((s for s in _SIZES if re.search(rf"\b{s}\b", text)), None)


def _piece_portion(ingredient: Ingredient, food: Food) -> Portion | None:
    unit = ingredient.unit
    wanted = [singular(unit)] if unit else []
    size = _size_word(ingredient)
    if size:
        wanted.append(size)
    if not unit:
        wanted += ["medium", "whole", singular((ingredient.name or "").split()[-1] or "x")]
    for word in wanted:
        for portion in food.portions:
            p_unit, words = _portion_unit(portion)
            if p_unit is None and word in [singular(w) for w in words]:
                return portion
    if not unit:  # "1 onion": the food's first measure that is a piece, not a cup or an ounce
        return next((p for p in food.portions if _portion_unit(p)[0] is None), None)
    return None


def _by_count(value: float, ingredient: Ingredient, food: Food) -> Weight | NoWeight:
    bracket = _IN_BRACKETS.search(ingredient.text or "")
    if bracket is not None:
        unit = canonical_unit(bracket.group(2)) or "gram"
        if dimension(unit) == "mass":
            each = convert(float(bracket.group(1)), unit, "gram")
            return Weight(value * each, f"{bracket.group(1)} {bracket.group(2)} each, as written")
    portion = _piece_portion(ingredient, food)
    if portion is not None and portion.amount > 0:
        grams = value * portion.grams / portion.amount
        return Weight(grams, f"{portion.amount:g} {portion.measure} = {portion.grams:g} g")
    name = ingredient.name or food.description
    try:
        grams = convert(value, ingredient.unit or "piece", "gram", ingredient=name)
    except UnitError:
        if ingredient.unit:
            return NoWeight(f"no weight known for a {ingredient.unit} of {name}")
        return NoWeight(f"no weight known for one {name}")
    return Weight(grams, "ladle's usual piece weight")


def weigh(ingredient: Ingredient, food: Food) -> Weight | NoWeight:
    """The grams ``ingredient`` means of ``food``, or why ladle cannot tell."""
    try:
        return _weigh(ingredient, food)
    except UnitError as error:  # an amount the unit table cannot convert: left out, said why
        return NoWeight(error.what)


def _weigh(ingredient: Ingredient, food: Food) -> Weight | NoWeight:
    value = _amount(ingredient)
    if value is None:
        return NoWeight("no amount")
    unit, name = ingredient.unit, ingredient.name
    kind = dimension(unit, name)
    if kind == "mass" and unit is not None:
        return Weight(convert(value, unit, "gram"), "weight as written")
    if kind == "volume" and unit is not None:
        found = _by_volume(value, unit, ingredient, food)
        if found is not None:
            return found
        density = grams_per_ml(name) or grams_per_ml(food.description)
        if density is None:
            return NoWeight(f"no weight known for a {unit} of {name or food.description}")
        grams = convert(value, unit, "milliliter", ingredient=name) * density
        return Weight(
            grams, f"density table: {density * convert(1, 'cup', 'milliliter'):.0f} g per cup"
        )
    if kind == "length":
        return NoWeight(f"a length ({unit}) is no weight")
    return _by_count(value, ingredient, food)
