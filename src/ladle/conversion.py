"""Converting a recipe to metric or US units: every amount, and the temperatures, measures and
lengths inside its steps and notes, rewritten consistently.

Converted to metric, fats, flours, sugars and other dry goods are weighed, as metric cookbooks
do (``data/words/cookbook.toml``: ``weighed``): a cup of flour becomes 125 g, ½ cup of sugar
100 g, a stick of butter 113 g; small amounts keep their spoons (a teaspoon of salt stays a
teaspoon) and liquids become millilitres. Other amounts keep what they measure (a volume stays
a volume, a weight a weight). Counts (3 eggs, 1 can) stay. Pans go to the standard sizes of
the system (an 8-inch tin is a 20 cm tin), and British and American names follow the units
(plain flour for metric, all-purpose flour for US).
"""

from __future__ import annotations

import copy
from dataclasses import replace

from ladle.cookbook import cookbook_amount, rename
from ladle.model import Amount, Ingredient, Recipe, Step
from ladle.rewrite import amount_range, restate_ingredient, restate_text
from ladle.rounding import KitchenAmount, System, kitchen_amount, system_of
from ladle.temperatures import find_temperatures, one_setting_each
from ladle.units import dimension, format_quantity

__all__ = ["convert_recipe"]


def _ingredient(ingredient: Ingredient, system: System) -> Ingredient:
    if ingredient.quantity is None or dimension(ingredient.unit, ingredient.name) in {
        "count",
        "none",
    }:
        return copy.deepcopy(ingredient)
    if system_of(ingredient.unit) == system:
        keep = [a for a in ingredient.alternatives if system_of(a.unit) != system]
        return replace(copy.deepcopy(ingredient), alternatives=keep)
    weighed = _weighed(ingredient, system)
    amount = weighed or kitchen_amount(
        ingredient.quantity, ingredient.unit, system, ingredient=ingredient.name
    )
    if ingredient.quantity_max is not None and weighed is None:
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
    converted = restate_ingredient(ingredient, amount, [old] if old.text != amount.text else [])
    converted.group = ingredient.group
    return converted


def _renamed(ingredient: Ingredient, system: System) -> Ingredient:
    new = copy.deepcopy(ingredient)
    new.text = rename(ingredient.text, system)
    new.name = None if ingredient.name is None else rename(ingredient.name, system)
    return new


def _weighed(ingredient: Ingredient, system: System) -> KitchenAmount | None:
    """The amount as the system's cookbooks measure it: flour and sugar in cups for US, else
    the recipe's own figure in that system when it gives one ("1 cup (125 g) flour"), else
    weighed by density for metric."""
    unit, quantity, name = ingredient.unit, ingredient.quantity, ingredient.name
    if quantity is None or unit is None:
        return None
    amount = cookbook_amount(quantity, unit, name, system)
    if amount is None or system == "metric":  # a US cook measures flour in cups all the same
        for alternative in ingredient.alternatives:
            if alternative.quantity and system_of(alternative.unit) == system:
                return kitchen_amount(alternative.quantity, alternative.unit, system)
    if amount is None or ingredient.quantity_max is None:
        return amount
    high = cookbook_amount(ingredient.quantity_max, unit, name, system)
    if high is None:
        return amount
    return amount_range(amount, high)


def _old_text(ingredient: Ingredient) -> str:
    assert ingredient.quantity is not None
    if ingredient.unit == "stick":  # a stick stays a stick, not ½ cup
        sticks = format_quantity(ingredient.quantity)
        return f"{sticks} stick" + ("s" if ingredient.quantity > 1 else "")
    return kitchen_amount(ingredient.quantity, ingredient.unit).text


def _step(step: Step, system: System) -> Step:
    new = copy.deepcopy(step)
    said = find_temperatures(step.text)  # every mention, a setting said twice too
    restated = said if len(said) > len(step.temperatures) else step.temperatures
    new.text = rename(restate_text(step.text, restated, system), system)
    after_all = one_setting_each(find_temperatures(new.text))
    for temperature, after in zip(new.temperatures, after_all, strict=False):
        temperature.text = after.text
    return new


def convert_recipe(recipe: Recipe, system: System) -> Recipe:
    """A new recipe in ``system``'s units ("metric" or "us")."""
    result = copy.deepcopy(recipe)
    result.ingredients = [_renamed(_ingredient(i, system), system) for i in recipe.ingredients]
    result.steps = [_step(s, system) for s in recipe.steps]
    result.notes = [
        rename(restate_text(n, find_temperatures(n), system), system) for n in recipe.notes
    ]
    for variant in result.variants:
        variant.steps = [_step(s, system) for s in variant.steps]
        variant.text = restate_text(variant.text, find_temperatures(variant.text), system)
    for ahead in result.make_ahead:
        ahead.steps = [_step(s, system) for s in ahead.steps]
        ahead.text = restate_text(ahead.text, find_temperatures(ahead.text), system)
    return result
