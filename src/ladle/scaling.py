"""Scaling a recipe: by a factor, to a number of servings, or to the amount of one ingredient.

Quantities scale and are rounded the way a cookbook prints them (:mod:`ladle.rounding`);
fixed amounts (Cooklang's ``{=1%tsp}``) and "to taste" do not scale. Step times stay as they
are, but a step whose time depends on the size of the food or the pan (roasting a bigger
piece, frying in a crowded pan) gets a note saying so. The recipe's notes say what was done.
"""

from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, replace

from ladle.cookbook import is_whole, package_size
from ladle.errors import IngredientError, RequestError, UnitError
from ladle.ingredients import parse_ingredient
from ladle.model import Amount, Ingredient, Recipe
from ladle.rewrite import amount_range, restate_ingredient, scale_text
from ladle.rounding import KitchenAmount, System, kitchen_amount, kitchen_fraction
from ladle.steps import ingredients_in
from ladle.units import convert, dimension, format_quantity
from ladle.words import food_class, plural

__all__ = ["ScaleRequest", "scale", "scale_factor"]

# The most a number of servings may multiply a recipe by: from 1 serving to 10,000.
MOST_BY_SERVINGS = 10_000

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
        factor = request.servings / recipe.yield_.servings
        if not factor <= MOST_BY_SERVINGS:  # a yield of 1e-300 servings: no inf, no absurd amount
            raise RequestError(
                f"{request.servings:g} servings from a recipe for {recipe.yield_.servings:g} is "
                f"more than {MOST_BY_SERVINGS:,} times the recipe",
                where="--servings",
                hint="correct the servings the recipe makes, or scale with --factor",
            )
        return factor
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
    return _scaled_line(ingredient, factor, system, rounded)[0]


def _scaled_line(
    ingredient: Ingredient, factor: float, system: System | None, rounded: bool = True
) -> tuple[Ingredient, str | None]:
    """The line scaled, and a note when its amount had to be rounded to whole things."""
    if ingredient.fixed or ingredient.to_taste or ingredient.quantity is None:
        return copy.deepcopy(ingredient), None
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
        return exact, None
    size = package_size(ingredient)
    if size is not None:
        return _scaled_package(ingredient, factor, size)
    whole = is_whole(ingredient)
    amount = _whole(value, ingredient.unit) if whole else None
    amount = amount or kitchen_amount(value, ingredient.unit, system, ingredient=ingredient.name)
    if ingredient.quantity_max is not None:
        top = ingredient.quantity_max * factor
        high = _whole(top, ingredient.unit) if whole else None
        amount = amount_range(amount, high or kitchen_amount(top, ingredient.unit, system))
    alternatives = []
    for alternative in ingredient.alternatives:
        if alternative.quantity is None:
            continue
        if dimension(alternative.unit) == "length" and dimension(ingredient.unit) == "count":
            continue  # a 3-inch piece of ginger is still 3 inches long: its size is a comment
        alt = kitchen_amount(alternative.quantity * factor, alternative.unit, None)
        alternatives.append(Amount(alt.quantity, alt.unit, alt.text))
    result = restate_ingredient(ingredient, amount, alternatives)
    result.group = ingredient.group
    note = f"{ingredient.name or ingredient.text}: {amount.note}." if amount.note else None
    return result, note


def _whole(value: float, unit: str | None) -> KitchenAmount | None:
    """Below one of a thing a cook cannot split: one, noted (never ½ an egg or "1–1")."""
    if value >= 0.95:
        return None
    one = kitchen_amount(1.0, unit)
    return replace(one, note=f"{format_quantity(round(value, 2))} cannot be split: use 1")


def _scaled_package(
    ingredient: Ingredient, factor: float, size: Amount
) -> tuple[Ingredient, str | None]:
    """Cans, jars, packets: whole packages of the size written, never a scaled size; the note
    says how much of them to use."""
    assert ingredient.quantity is not None and size.quantity is not None
    value = ingredient.quantity * factor
    count = max(1, math.ceil(value - 0.05))
    top = None
    if ingredient.quantity_max is not None:
        top = max(count, math.ceil(ingredient.quantity_max * factor - 0.05))
    unit = ingredient.unit or "can"
    name = ingredient.name or ""
    many = (top or count) > 1
    number = f"{count}–{top}" if top and top > count else str(count)
    words = f"{number} {plural(unit) if many else unit} ({size.text}{' each' if many else ''})"
    text = " ".join(p for p in (words, name) if p)
    if ingredient.preparation:
        text += f", {ingredient.preparation}"
    result = replace(
        copy.deepcopy(ingredient),
        text=text,
        quantity=float(count),
        quantity_max=None if top is None or top == count else float(top),
        alternatives=[],
        comment=f"{size.text} each",
    )
    note = None
    if abs(value - round(value)) > 0.05 or value < 0.95:
        written = size.text.split(" ", 1)[-1]  # the size's own unit: "24 oz", not "1½ lb"
        use = f"{format_quantity(kitchen_fraction(value * size.quantity, (0, 0.5, 1)))} {written}"
        note = (
            f"{name or ingredient.text}: {format_quantity(round(value, 2))} "
            f"{plural(unit) if value > 1 else unit} is "
            f"{use}: open {count} and use {use}."
        )
    return result, note


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
    lines = [_scaled_line(i, factor, system, rounded) for i in recipe.ingredients]
    scaled.ingredients = [line for line, _ in lines]
    if not rounded:
        return scaled
    in_steps = _scale_steps(scaled, factor, system)
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
    notes = [note for _, note in lines if note]
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
    said = f"Scaled {how} by ladle; step times are as written"
    said += "; amounts in the steps are scaled too." if in_steps else "."
    scaled.notes = [*recipe.notes, said, *notes]
    return scaled


def _scale_steps(recipe: Recipe, factor: float, system: System | None) -> bool:
    """Scale the amounts written in the steps with the list; whether any changed."""
    changed = False
    for step in recipe.steps:
        text = scale_text(step.text, factor, system)
        changed = changed or text != step.text
        step.text = text
    return changed


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
