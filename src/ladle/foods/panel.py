"""A recipe's nutrition panel: every ingredient matched to a food, weighed, and added up.

``nutrition(recipe, table)`` gives a :class:`NutritionReport`: the ten :data:`NUTRIENTS` in all
and per serving, every match (the line, its food, the confidence and method of the match, the
grams counted and how they were found, the food's refuse), and the lines left out with the
reason ("to taste", "no amount", "no food matches", "no weight known for a bunch of parsley").
Optional ingredients are counted, and marked. A nutrient a matched food has no value for is not
counted as zero silently: the report names the foods that lack it.

The weight rule: amounts are edible weight unless ``as_bought`` is set; then each food's refuse
is removed first. ``servings`` rescales the recipe to that many servings (every amount times
servings / the recipe's servings, but lines marked fixed); a recipe that does not say how many
it serves is divided into ``servings`` as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ladle.errors import RequestError
from ladle.foods.matching import Matcher
from ladle.foods.table import NUTRIENTS, FoodTable, Nutrient
from ladle.foods.weights import NoWeight, edible, weigh
from ladle.model import FORMAT_VERSION, JSON, Ingredient, Recipe, number

__all__ = ["AS_BOUGHT_RULE", "EDIBLE_RULE", "FoodUse", "LeftOut", "NutritionReport", "nutrition"]

EDIBLE_RULE = "amounts are taken as edible weight: what the recipe lists is what is eaten"
AS_BOUGHT_RULE = "amounts are taken as bought weight: each food's refuse is removed first"


@dataclass(frozen=True, slots=True)
class FoodUse:
    """One ingredient line matched to a food and weighed."""

    ingredient: int
    text: str
    food_id: str
    description: str
    confidence: float
    method: str
    grams: float  # the grams counted (edible)
    weight: str  # how the grams were found
    refuse_percent: float = 0.0
    refuse: str = ""
    optional: bool = False

    def to_json(self) -> JSON:
        return {
            "ingredient": self.ingredient,
            "text": self.text,
            "food_id": self.food_id,
            "description": self.description,
            "confidence": number(round(self.confidence, 2)),
            "method": self.method,
            "grams": number(round(self.grams, 1)),
            "weight": self.weight,
            "refuse_percent": number(self.refuse_percent),
            "refuse": self.refuse or None,
            "optional": self.optional,
        }


@dataclass(frozen=True, slots=True)
class LeftOut:
    """One ingredient line the panel does not count, and why."""

    ingredient: int
    text: str
    reason: str

    def to_json(self) -> JSON:
        return {"ingredient": self.ingredient, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class NutritionReport:
    """A recipe's nutrients in all and per serving, and what they were added up from."""

    title: str
    servings: float | None
    total: Mapping[str, float]
    matches: tuple[FoodUse, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    missing: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    as_bought: bool = False
    notes: tuple[str, ...] = ()

    @property
    def weight_rule(self) -> str:
        """The rule the grams were counted by, in words."""
        return AS_BOUGHT_RULE if self.as_bought else EDIBLE_RULE

    @property
    def per_serving(self) -> dict[str, float] | None:
        """The nutrients of one serving, or None when the number of servings is unknown."""
        if not self.servings:
            return None
        return {key: value / self.servings for key, value in self.total.items()}

    def rows(self) -> list[tuple[Nutrient, float | None, float | None]]:
        """The panel's rows in order: the nutrient, its total and its amount per serving (None
        when no matched food has a value for it: unknown, not zero)."""
        each = self.per_serving
        rows: list[tuple[Nutrient, float | None, float | None]] = []
        for n in NUTRIENTS:
            unknown = bool(self.matches) and len(self.missing.get(n.key, ())) == len(self.matches)
            total = None if unknown else self.total[n.key]
            rows.append((n, total, None if each is None or total is None else each[n.key]))
        return rows

    def to_json(self) -> JSON:
        return {
            "ladle": FORMAT_VERSION,
            "title": self.title,
            "servings": number(self.servings),
            "weight_rule": "as_bought" if self.as_bought else "edible",
            "weight_rule_text": self.weight_rule,
            "nutrients": [
                {
                    "key": n.key,
                    "label": n.label,
                    "unit": n.unit,
                    "total": None if total is None else number(round(total, 1)),
                    "per_serving": None if each is None else number(round(each, 1)),
                    "missing": list(dict.fromkeys(self.missing.get(n.key, ()))),
                }
                for n, total, each in self.rows()
            ],
            "matches": [m.to_json() for m in self.matches],
            "left_out": [x.to_json() for x in self.left_out],
            "notes": list(self.notes),
        }


def _factor(recipe: Recipe, servings: float | None) -> tuple[float, float | None, list[str]]:
    """The factor every amount is multiplied by, the servings the panel divides by, notes."""
    stated = recipe.yield_.servings
    if servings is None:
        return 1.0, stated, []
    if not servings > 0:
        raise RequestError(f"{servings:g} servings", where="--servings", hint="give a number > 0")
    if stated:
        return servings / stated, servings, []
    note = f"the recipe does not say how many it serves: as written, divided into {servings:g}"
    return 1.0, servings, [note]


def _left_out_reason(ingredient: Ingredient) -> str | None:
    if ingredient.to_taste and not (ingredient.quantity and ingredient.quantity > 0):
        return "to taste"
    if not ingredient.name:
        return "no ingredient name"
    if ingredient.quantity is None or ingredient.quantity <= 0:
        return "no amount"
    return None


def nutrition(
    recipe: Recipe,
    table: FoodTable,
    *,
    servings: float | None = None,
    as_bought: bool = False,
    matcher: Matcher | None = None,
) -> NutritionReport:
    """The nutrition panel of ``recipe`` against the food ``table`` (see the module's rules).

    Pass a ``matcher`` built once over ``table`` to panel many recipes without re-indexing."""
    factor, per, notes = _factor(recipe, servings)
    matcher = matcher or Matcher(table)
    total = {n.key: 0.0 for n in NUTRIENTS}
    missing: dict[str, list[str]] = {}
    matches: list[FoodUse] = []
    left: list[LeftOut] = []
    for index, ingredient in enumerate(recipe.ingredients):
        reason = _left_out_reason(ingredient)
        match = None if reason else matcher.match_ingredient(ingredient)
        if reason is None and match is None:
            reason = "no food in the table matches"
        if reason is not None or match is None:
            left.append(LeftOut(index, ingredient.text, reason or "no match"))
            continue
        food = table.food(match.food_id)
        weight = weigh(ingredient, food)
        if isinstance(weight, NoWeight):
            left.append(LeftOut(index, ingredient.text, weight.reason))
            continue
        grams = weight.grams * (1.0 if ingredient.fixed else factor)
        if as_bought:
            grams = edible(grams, food)
        for nutrient in NUTRIENTS:
            value = food.per_100g.get(nutrient.key)
            if value is None:
                missing.setdefault(nutrient.key, []).append(food.description)
            else:
                total[nutrient.key] += value * grams / 100
        matches.append(
            FoodUse(
                index, ingredient.text, food.id, food.description, match.confidence,
                match.method, grams, weight.how, food.refuse_percent, food.refuse,
                ingredient.optional,
            )
        )  # fmt: skip
    return NutritionReport(
        recipe.title,
        per,
        total,
        tuple(matches),
        tuple(left),
        {k: tuple(v) for k, v in missing.items()},
        as_bought,
        tuple(notes),
    )
