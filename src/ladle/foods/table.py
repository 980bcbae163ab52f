"""Foods and their nutrients: what a food composition table holds, whatever release it came from.

A :class:`Food` carries its nutrients per 100 g of edible portion (as USDA publishes them), its
refuse (the share of the bought weight that is not eaten: bone, skin, peel) and its household
measures (:class:`Portion`: "1 cup, chopped = 128 g"). The panel ladle prints has ten rows, the
:data:`NUTRIENTS`; each is known by a stable key and by the SR28 nutrient number that USDA uses
in both of its releases (SR28's ``Nutr_No``, FoodData Central's ``nutrient_nbr``).

A :class:`FoodTable` is what matching and the panel read: the names of all foods (to match
ingredient names against, in memory), one food in full by its id, and the user's overrides.
The store implements it over the library's tables; :class:`MemoryFoodTable` implements it over
a list, for tests and small tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ladle.errors import FoodDataError

__all__ = [
    "NUTRIENTS",
    "NUTRIENT_BY_NUMBER",
    "Food",
    "FoodName",
    "FoodTable",
    "MemoryFoodTable",
    "Nutrient",
    "Portion",
]


@dataclass(frozen=True, slots=True)
class Nutrient:
    """One row of the panel: a stable key, its label, its unit and USDA's nutrient number."""

    key: str
    label: str
    unit: str
    number: str


NUTRIENTS: tuple[Nutrient, ...] = (
    Nutrient("energy_kcal", "Energy", "kcal", "208"),
    Nutrient("energy_kj", "Energy", "kJ", "268"),
    Nutrient("protein", "Protein", "g", "203"),
    Nutrient("fat", "Fat", "g", "204"),
    Nutrient("saturated_fat", "Saturated fat", "g", "606"),
    Nutrient("carbohydrate", "Carbohydrate", "g", "205"),
    Nutrient("sugars", "Sugars", "g", "269"),
    Nutrient("fibre", "Fibre", "g", "291"),
    Nutrient("sodium", "Sodium", "mg", "307"),
    Nutrient("cholesterol", "Cholesterol", "mg", "601"),
)
"""The panel's rows, in the order they are printed."""

NUTRIENT_BY_NUMBER: Mapping[str, Nutrient] = {n.number: n for n in NUTRIENTS}
"""USDA's nutrient number (``"208"``) to the panel's row; other numbers are not kept."""


@dataclass(frozen=True, slots=True)
class Portion:
    """A household measure of a food: ``amount`` ``measure`` weighs ``grams`` (1 cup = 128 g)."""

    amount: float
    measure: str
    grams: float


@dataclass(frozen=True, slots=True)
class FoodName:
    """What matching needs of a food: its id, its description and its food group."""

    id: str
    description: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class Food:
    """A food of a composition table, its nutrients per 100 g edible portion.

    ``per_100g`` maps a :data:`NUTRIENTS` key to its amount; a key that is absent is unknown for
    this food (not zero). ``refuse_percent`` is the share of the bought weight thrown away
    (``refuse`` says what: "Bone and skin"); ``release`` names the table ("SR28",
    "FDC SR Legacy", "FDC Foundation").
    """

    id: str
    description: str
    group: str = ""
    per_100g: Mapping[str, float] = field(default_factory=dict)
    portions: tuple[Portion, ...] = ()
    refuse_percent: float = 0.0
    refuse: str = ""
    release: str = ""

    @property
    def name(self) -> FoodName:
        return FoodName(self.id, self.description, self.group)


class FoodTable(Protocol):
    """The food composition table matching and the panel read."""

    def names(self) -> Sequence[FoodName]:
        """Every food's id, description and group."""
        ...

    def food(self, food_id: str) -> Food:
        """One food in full; :class:`~ladle.errors.FoodDataError` when there is no such id."""
        ...

    def overrides(self) -> Mapping[str, str]:
        """The user's choices: a normalised ingredient name to the id of the food it is."""
        ...


class MemoryFoodTable:
    """A :class:`FoodTable` over foods held in memory."""

    def __init__(self, foods: Sequence[Food], overrides: Mapping[str, str] | None = None) -> None:
        self._foods = {food.id: food for food in foods}
        self._names = [food.name for food in foods]
        self._overrides = dict(overrides or {})

    def names(self) -> Sequence[FoodName]:
        return self._names

    def food(self, food_id: str) -> Food:
        try:
            return self._foods[food_id]
        except KeyError:
            raise FoodDataError(
                f"no food with id {food_id!r}", hint="see `ladle nutrition SOURCE` for the ids"
            ) from None

    def overrides(self) -> Mapping[str, str]:
        return self._overrides
