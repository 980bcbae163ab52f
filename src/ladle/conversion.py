"""Converting a recipe to metric or US units: every amount, and the temperatures, measures and
lengths inside its steps and notes, rewritten consistently.

An amount keeps what it measures (a volume stays a volume, a weight a weight): a cup of flour
becomes 235 ml, not 125 g, because a cook measuring by volume keeps measuring by volume; only
scaling to an amount of one ingredient ever needs a density. Counts (3 eggs, 1 can) stay.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from ladle.model import Amount, Ingredient, Recipe, Step
from ladle.rewrite import restate_ingredient, restate_text
from ladle.rounding import System, kitchen_amount, system_of
from ladle.temperatures import find_temperatures
from ladle.units import dimension

__all__ = ["convert_recipe"]


def _ingredient(ingredient: Ingredient, system: System) -> Ingredient:
    if ingredient.quantity is None or dimension(ingredient.unit) in {"count", "none"}:
        return copy.deepcopy(ingredient)
    if system_of(ingredient.unit) == system:
        keep = [a for a in ingredient.alternatives if system_of(a.unit) != system]
        return replace(copy.deepcopy(ingredient), alternatives=keep)
    amount = kitchen_amount(
        ingredient.quantity, ingredient.unit, system, ingredient=ingredient.name
    )
    if ingredient.quantity_max is not None:
        high = kitchen_amount(ingredient.quantity_max, ingredient.unit, system)
        if high.unit == amount.unit and high.quantity != amount.quantity:
            head, _, tail = amount.text.partition(" ")
            amount = type(amount)(
                amount.quantity,
                amount.unit,
                f"{head}–{high.text.split(' ')[0]} {tail}".strip(),
                amount.note,
                high.quantity,
            )
    # The old amount becomes the alternative, so nothing the recipe said is lost.
    old = Amount(
        ingredient.quantity, ingredient.unit, _old_text(ingredient), ingredient.quantity_max
    )
    converted = restate_ingredient(ingredient, amount, [old])
    converted.group = ingredient.group
    return converted


def _old_text(ingredient: Ingredient) -> str:
    assert ingredient.quantity is not None
    return kitchen_amount(ingredient.quantity, ingredient.unit).text


def _step(step: Step, system: System) -> Step:
    new = copy.deepcopy(step)
    new.text = restate_text(step.text, step.temperatures, system)
    for temperature, after in zip(new.temperatures, find_temperatures(new.text), strict=False):
        temperature.text = after.text
    return new


def convert_recipe(recipe: Recipe, system: System) -> Recipe:
    """A new recipe in ``system``'s units ("metric" or "us")."""
    result = copy.deepcopy(recipe)
    result.ingredients = [_ingredient(i, system) for i in recipe.ingredients]
    result.steps = [_step(s, system) for s in recipe.steps]
    result.notes = [restate_text(n, find_temperatures(n), system) for n in recipe.notes]
    for variant in result.variants:
        variant.steps = [_step(s, system) for s in variant.steps]
        variant.text = restate_text(variant.text, find_temperatures(variant.text), system)
    for ahead in result.make_ahead:
        ahead.steps = [_step(s, system) for s in ahead.steps]
        ahead.text = restate_text(ahead.text, find_temperatures(ahead.text), system)
    return result
