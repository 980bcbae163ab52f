"""Scaling a recipe: by a factor, to a number of servings, or to the amount of one ingredient.

Quantities scale and are rounded the way a cookbook prints them (:mod:`ladle.rounding`);
fixed amounts (Cooklang's ``{=1%tsp}``) and "to taste" do not scale. Step times stay as they
are, but a step whose time depends on the size of the food or the pan (roasting a bigger
piece, frying in a crowded pan) gets a note saying so. The recipe's notes say what was done.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from ladle.errors import IngredientError, RequestError, UnitError
from ladle.ingredients import parse_ingredient
from ladle.model import Amount, Ingredient, Recipe
from ladle.rewrite import restate_ingredient
from ladle.rounding import System, kitchen_amount
from ladle.steps import ingredients_in
from ladle.units import convert, dimension, format_quantity
from ladle.words import food_class

__all__ = ["ScaleRequest", "scale", "scale_factor"]

_SIZE_SENSITIVE = re.compile(
    r"\b(?:roast\w*|bak\w*|braise?\w*|grill\w*|smok\w*|slow[-\s]cook\w*|poach\w*|"
    r"until\s+(?:the\s+)?(?:internal|center|centre|meat|thermometer))\b",
    re.I,
)
_RELATIVE = re.compile(r"^\s*(?:in\s+|for\s+|during\s+)?the\s+(?:last|final|first)\b", re.I)
_CROWDING = re.compile(
    r"\b(?:fry|fried|frying|sear\w*|saut[eé]\w*|brown\w*|stir[-\s]fry\w*|toast\w*)\b", re.I
)


@dataclass(frozen=True, slots=True)
class ScaleRequest:
    """One way of saying how much to make."""

    factor: float | None = None
    servings: float | None = None
    to: str | None = None  # "3.2 lb pork belly"


def scale_factor(recipe: Recipe, request: ScaleRequest) -> float:
    """The factor a request means for this recipe, or a RequestError saying what is missing."""
    given = [x for x in (request.factor, request.servings, request.to) if x is not None]
    if len(given) != 1:
        raise RequestError(
            "give exactly one of a factor, a number of servings, or an amount of one ingredient",
            where="scale",
            hint='--factor 2, --servings 8 or --to "3.2 lb pork belly"',
        )
    if request.factor is not None:
        if not request.factor > 0:
            raise RequestError(
                f"the factor must be more than 0, not {request.factor:g}",
                where="--factor",
                hint="--factor 2 doubles, --factor 0.5 halves",
            )
        return request.factor
    if request.servings is not None:
        if not request.servings > 0:
            raise RequestError(
                f"the number of servings must be more than 0, not {request.servings:g}",
                where="--servings",
            )
        if not recipe.yield_.servings:
            raise RequestError(
                f"{recipe.title!r} does not say how many it serves",
                where="--servings",
                hint="scale with --factor, or with --to and an amount of one ingredient",
            )
        return request.servings / recipe.yield_.servings
    assert request.to is not None
    return _factor_to(recipe, request.to)[0]


def _factor_to(recipe: Recipe, wanted: str) -> tuple[float, int, Ingredient]:
    """The factor, the index of the ingredient named, and the amount asked for."""
    try:
        target = parse_ingredient(wanted)
    except IngredientError as error:
        raise RequestError(
            f"cannot read {wanted!r} as an amount of an ingredient",
            where="--to",
            hint='write it like "3.2 lb pork belly"',
        ) from error
    if target.quantity is None or not target.quantity > 0:
        raise RequestError(
            f"{wanted!r} has no amount", where="--to", hint='write it like "3.2 lb pork belly"'
        )
    found = ingredients_in(target.name or wanted, recipe.ingredients)
    candidates = [i for i in found if recipe.ingredients[i].quantity]
    if not candidates:
        names = ", ".join(i.name or i.text for i in recipe.ingredients if i.quantity)
        raise RequestError(
            f"no ingredient of {recipe.title!r} with an amount is {target.name or wanted!r}",
            where="--to",
            hint=f"name one of: {names}",
        )
    ingredient = recipe.ingredients[candidates[0]]
    assert ingredient.quantity is not None
    have_unit, want_unit = ingredient.unit, target.unit
    if have_unit == want_unit or (have_unit is None and want_unit is None):
        amount = target.quantity
    elif have_unit is None or want_unit is None:
        raise UnitError(
            f"{wanted!r} and the recipe's {ingredient.text!r} are not in comparable units",
            where=ingredient.name or ingredient.text,
            hint=f"give the amount in {have_unit or 'pieces'}",
        )
    else:
        amount = convert(target.quantity, want_unit, have_unit, ingredient=ingredient.name)
    return amount / ingredient.quantity, candidates[0], target


def _scaled(
    ingredient: Ingredient, factor: float, system: System | None, rounded: bool = True
) -> Ingredient:
    if ingredient.fixed or ingredient.to_taste or ingredient.quantity is None:
        return copy.deepcopy(ingredient)
    value = ingredient.quantity * factor
    if not rounded:
        exact = copy.deepcopy(ingredient)
        exact.quantity = value
        exact.quantity_max = (
            None if ingredient.quantity_max is None else (ingredient.quantity_max * factor)
        )
        for alternative in exact.alternatives:
            if alternative.quantity is not None:
                alternative.quantity *= factor
        return exact
    amount = kitchen_amount(value, ingredient.unit, system, ingredient=ingredient.name)
    if ingredient.quantity_max is not None:
        high = kitchen_amount(ingredient.quantity_max * factor, ingredient.unit, system)
        if high.unit == amount.unit:
            number = high.text.split(" ")[0]
            text = amount.text.split(" ", 1)
            amount = type(amount)(
                amount.quantity,
                amount.unit,
                f"{text[0]}–{number}" + (f" {text[1]}" if len(text) > 1 else ""),
                amount.note,
                high.quantity,
            )
    alternatives = []
    for alternative in ingredient.alternatives:
        if alternative.quantity is None:
            continue
        alt = kitchen_amount(alternative.quantity * factor, alternative.unit, None)
        alternatives.append(Amount(alt.quantity, alt.unit, alt.text))
    result = restate_ingredient(ingredient, amount, alternatives)
    result.group = ingredient.group
    return result


def scale(
    recipe: Recipe,
    request: ScaleRequest,
    system: System | None = None,
    *,
    rounded: bool = True,
) -> Recipe:
    """A new recipe, scaled as asked (in ``system``'s units when one is given).

    ``rounded=False`` keeps the exact products (no kitchen rounding, texts as written): what
    the property "scaling by k then by 1/k is the identity" is about.
    """
    factor = scale_factor(recipe, request)
    scaled = copy.deepcopy(recipe)
    scaled.ingredients = [_scaled(i, factor, system, rounded) for i in recipe.ingredients]
    if not rounded:
        return scaled
    if request.to is not None:  # the ingredient named keeps exactly the amount asked for
        _, index, target = _factor_to(recipe, request.to)
        named = scaled.ingredients[index]
        rest = recipe.ingredients[index]
        text = (
            target.text
            if target.name and target.name.lower() in target.text.lower()
            else (f"{target.text} {rest.name}")
        )
        suffix = ", ".join(p for p in (rest.preparation,) if p)
        named.text = f"{text}, {suffix}" if suffix and suffix not in text else text
        named.quantity, named.quantity_max, named.unit = target.quantity, None, target.unit
        named.alternatives = []
    notes: list[str] = []
    for before, after in zip(recipe.ingredients, scaled.ingredients, strict=True):
        if before.quantity is not None and not before.fixed and not before.to_taste:
            amount = kitchen_amount(before.quantity * factor, before.unit, system)
            if amount.note:
                notes.append(f"{before.name or before.text}: {amount.note}.")
        del after
    if recipe.yield_.servings:
        scaled.yield_.servings = round(recipe.yield_.servings * factor, 2)
        whole = round(scaled.yield_.servings)
        about = "" if abs(scaled.yield_.servings - whole) < 0.05 else "about "
        scaled.yield_.text = f"Serves {about}{whole}"
    if recipe.yield_.amount:
        scaled.yield_.amount = round(recipe.yield_.amount * factor, 2)
        scaled.yield_.text = (
            f"Makes {format_quantity(scaled.yield_.amount)} {recipe.yield_.unit or ''}".strip()
        )
    notes.extend(_time_notes(recipe, factor))
    how = f"×{format_quantity(round(factor, 3))}"
    scaled.notes = [*recipe.notes, f"Scaled {how} by ladle; step times are as written.", *notes]
    return scaled


def _time_notes(recipe: Recipe, factor: float) -> list[str]:
    """Steps whose time depends on the size of what is cooked, or on how full the pan is."""
    if abs(factor - 1) < 0.05:
        return []
    grows = {
        i
        for i, ingredient in enumerate(recipe.ingredients)
        if ingredient.quantity
        and dimension(ingredient.unit) in {"mass", "count", "none"}
        and not ingredient.fixed
    }
    notes = []
    for number, step in enumerate(recipe.steps, start=1):
        timed = [d for d in step.durations if not _RELATIVE.match(d.text)]
        used = grows & set(step.uses)
        if not timed or not used:
            continue
        pieces = any(
            food_class("meat_or_fish").search(recipe.ingredients[i].name or "") for i in used
        )
        took = timed[0].text
        if _SIZE_SENSITIVE.search(step.text) and pieces:
            notes.append(
                f"Step {number}: a {'bigger' if factor > 1 else 'smaller'} piece takes "
                f"{'longer' if factor > 1 else 'less time'} than {took}; go by doneness, "
                "not the clock."
            )
        elif factor > 1 and (_SIZE_SENSITIVE.search(step.text) or _CROWDING.search(step.text)):
            notes.append(
                f"Step {number}: more food crowds the tray or pan and steams instead of "
                f"browning; spread it over more trays or cook in batches to keep {took}."
            )
    return notes
