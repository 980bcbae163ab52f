"""Food safety: USDA safe minimum internal temperatures, and how long food keeps cold.

The facts live in ``data/safety.toml`` (written from USDA's safe minimum internal temperature
chart and FoodSafety.gov's cold food storage chart), loaded on first use and cached. A food is
matched by its words, as an ingredient list or a doneness note names it::

    >>> safe_minimum("pork belly").fahrenheit, safe_minimum("chicken thighs").fahrenheit
    (145.0, 165.0)
    >>> safe_minimum("ground beef").fahrenheit, safe_minimum("chicken stock") is None
    (160.0, True)
    >>> keeping_days("cooked chicken"), keeping_days("ground beef", "freezer")
    ((3.0, 4.0), (90.0, 120.0))

Matching is by whole words, plurals folded ("thighs" is "thigh"), strictest category first:
leftovers and casseroles, ham, poultry, ground meat, egg dishes, whole cuts, fish, shellfish.
A food word followed by a product word is not the food ("chicken stock", "fish sauce"), and a
meatless word takes the meat away ("vegan sausage", "cauliflower steak").

The same file holds the word lists :mod:`ladle.checker` reads ingredient lists and steps by
(:func:`food_words`: common foods, spices, herbs, describing words; :func:`synonyms`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ladle.model import Ingredient
from ladle.text import words
from ladle.words import food_class, singular

__all__ = [
    "KeepingTime",
    "SafeTemperature",
    "food_words",
    "keeping",
    "keeping_days",
    "raw_animal_food",
    "safe_minimum",
    "stem",
    "synonyms",
    "temperature_table",
]


@dataclass(frozen=True, slots=True)
class SafeTemperature:
    """A USDA safe minimum internal temperature for a category of food."""

    category: str
    label: str
    fahrenheit: float
    celsius: float
    rest_minutes: float = 0
    note: str | None = None

    def describe(self) -> str:
        """ "145°F (63°C) with a 3-minute rest"."""
        text = f"{self.fahrenheit:g}°F ({self.celsius:g}°C)"
        if self.rest_minutes:
            text += f" with a {self.rest_minutes:g}-minute rest"
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "label": self.label,
            "fahrenheit": self.fahrenheit,
            "celsius": self.celsius,
            "rest_minutes": self.rest_minutes,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class KeepingTime:
    """How many days a category of food keeps in the refrigerator and the freezer."""

    category: str
    label: str
    refrigerator: tuple[float, float] | None
    freezer: tuple[float, float] | None = None

    def days(self, where: str = "refrigerator") -> tuple[float, float] | None:
        if where == "refrigerator":
            return self.refrigerator
        if where == "freezer":
            return self.freezer
        return None


# --- the data ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Tables:
    temperatures: dict[str, SafeTemperature]
    keeping: dict[str, KeepingTime]
    lexicon: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    ingredient_words: dict[str, frozenset[str]] = field(default_factory=dict)


def _span(value: object) -> tuple[float, float] | None:
    if isinstance(value, Sequence) and len(value) == 2:
        low, high = value
        return float(low), float(high)
    return None


@cache
def _tables() -> _Tables:
    text = resources.files("ladle").joinpath("data", "safety.toml").read_text("utf-8")
    data = tomllib.loads(text)
    temperatures = {
        key: SafeTemperature(
            category=key,
            label=str(row["label"]),
            fahrenheit=float(row["fahrenheit"]),
            celsius=float(row["celsius"]),
            rest_minutes=float(row.get("rest_minutes", 0)),
            note=row.get("note"),
        )
        for key, row in data["temperature"].items()
    }
    keeping_rows = {
        key: KeepingTime(
            category=key,
            label=str(row["label"]),
            refrigerator=_span(row.get("refrigerator")),
            freezer=_span(row.get("freezer")),
        )
        for key, row in data["keeping"].items()
    }
    lexicon: Mapping[str, list[str]] = data["words"]
    phrases = {
        kind: tuple(tuple(stem(w) for w in words(entry)) for entry in entries)
        for kind, entries in lexicon.items()
    }
    ingredient_words = {
        kind: frozenset(" ".join(stem(w) for w in entry.split()) for entry in entries)
        for kind, entries in data["ingredient-words"].items()
    }
    return _Tables(temperatures, keeping_rows, phrases, ingredient_words)


def food_words(kind: str) -> frozenset[str]:
    """A word list the checker reads recipes by ("food", "spice", "herb", "modifier", …),
    each word folded as :func:`stem` folds it; empty for a kind the data does not have."""
    return _tables().ingredient_words.get(kind, frozenset())


def synonyms() -> tuple[frozenset[str], ...]:
    """Groups of names for the same food ("stock", "broth", "bouillon")."""
    return tuple(frozenset(group.split()) for group in food_words("synonyms"))


def temperature_table() -> list[SafeTemperature]:
    """Every safe minimum temperature ladle knows, in the order of the chart."""
    return list(_tables().temperatures.values())


# --- matching a food ---------------------------------------------------------------------------


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_KEEP_AS_IS = _set(
    "asparagus bass citrus hummus couscous octopus molasses swiss brussels species series lotus"
)
_MEAT_KINDS = ("poultry", "red-meat", "rabbit", "ham", "ground-food", "fish", "shellfish")
_PRODUCT_CHECKED = (*_MEAT_KINDS, "egg", "bacon", "egg-dish")


def stem(word: str) -> str:
    """A word folded for matching: lowercase, singular ("thighs" → "thigh", "tomatoes" →
    "tomato"); short words and words like "asparagus" stay as they are."""
    lower = word.lower()
    if lower in _KEEP_AS_IS or len(lower) <= 3:
        return lower
    if lower.endswith("oes"):
        return lower[:-2]
    return singular(lower)


@dataclass(slots=True)
class _Food:
    """The kinds of food a name holds (with where each was found) and its state words."""

    kinds: dict[str, int]
    tokens: frozenset[str] = frozenset()

    def has(self, *kinds: str) -> bool:
        return any(k in self.kinds for k in kinds)


@lru_cache(maxsize=1024)
def _food(name: str) -> _Food:
    tables = _tables()
    # Words in brackets describe ("beef chuck (braising steak)"); read them only as a fallback.
    outside = name
    while "(" in outside and ")" in outside.split("(", 1)[1]:
        head, rest = outside.split("(", 1)
        outside = head + " " + rest.split(")", 1)[1]
    tokens = tuple(stem(w) for w in words(outside))
    found = _kinds(tokens, tables)
    if not any(k in found for k in _MEAT_KINDS) and outside != name:
        tokens = tuple(stem(w) for w in words(name))
        found = {**_kinds(tokens, tables), **found}
    return _Food(found, frozenset(tokens))


def _kinds(tokens: tuple[str, ...], tables: _Tables) -> dict[str, int]:
    product = {p[0] for p in tables.lexicon.get("product", ())}
    found: dict[str, int] = {}
    for kind, phrases in tables.lexicon.items():
        if kind in {"product", "meatless"}:
            continue
        for phrase in phrases:
            n = len(phrase)
            for start in range(len(tokens) - n + 1):
                if tokens[start : start + n] != phrase:
                    continue
                after = tokens[start + n] if start + n < len(tokens) else None
                if kind in _PRODUCT_CHECKED and after in product:
                    continue  # "chicken stock", "fish sauce", "egg noodles"
                found[kind] = start
    meatless = tables.lexicon.get("meatless", ())
    if any(p[0] in tokens for p in meatless):
        for kind in _MEAT_KINDS:
            found.pop(kind, None)
    return found


def _temperature_category(food: _Food) -> str | None:
    if food.has("leftovers"):
        return "leftovers"
    if food.has("ham"):
        fresh = food.has("raw") and not food.has("cooked")
        return "ham-fresh" if fresh else "ham-precooked"
    if food.has("poultry"):
        return "poultry"
    if food.has("ground-food") or (food.has("ground") and food.has("red-meat", "rabbit")):
        return "ground-meat"
    if food.has("egg-dish"):
        return "egg-dishes"
    for kind, category in (
        ("red-meat", "whole-cuts"),
        ("rabbit", "rabbit"),
        ("fish", "fish"),
        ("shellfish", "shellfish"),
        ("egg", "egg-dishes"),
    ):
        if food.has(kind):
            return category
    return None


def safe_minimum(food: str) -> SafeTemperature | None:
    """The USDA safe minimum internal temperature for a food, or None when it has none.

    ``food`` is a name as a recipe writes it: "pork belly" (a whole cut of pork: 145°F with a
    3-minute rest), "whole free-range chicken", "ground beef", "salmon fillets".
    """
    category = _temperature_category(_food(food))
    return None if category is None else _tables().temperatures[category]


def _keeping_category(food: _Food) -> str | None:
    simple = (
        ("soup", "soups-stews"),
        ("pizza", "pizza"),
        ("leftovers", "cooked-meat"),
        ("egg-dish", "cooked-meat"),
        ("bacon", "bacon"),
        ("hot-dog", "hot-dogs"),
        ("deli", "deli-meat"),
    )
    for kind, category in simple:
        if food.has(kind):
            return category
    if "stuffing" in food.tokens:
        return "stuffing"
    if food.has("ham"):
        return "ham-fresh" if food.has("raw") and not food.has("cooked") else "ham-cooked"
    if food.has("cooked"):
        cooked = (
            (("poultry", "red-meat", "rabbit", "ground-food"), "cooked-meat"),
            (("fish", "shellfish"), "cooked-fish"),
            (("hard-cooked",), "eggs-hard-cooked"),
            (("vegetable",), "cooked-vegetables"),
        )
        for kinds, category in cooked:
            if food.has(*kinds) and (category != "eggs-hard-cooked" or food.has("egg")):
                return category
    raw = (
        (("ground-food",), "raw-sausage" if "sausage" in food.tokens else "raw-ground"),
        (("poultry",), "raw-poultry"),
        (("red-meat", "rabbit"), "raw-ground" if food.has("ground") else "raw-whole-cuts"),
        (("fish",), "raw-fish"),
        (("shellfish",), "raw-shellfish"),
        (("egg",), "eggs-raw"),
    )
    for kinds, category in raw:
        if food.has(*kinds):
            return category
    return None


def keeping(food: str) -> KeepingTime | None:
    """How long a food keeps cold (USDA cold storage chart), or None when the chart lacks it.

    A food is raw unless its name says otherwise: "pork belly" keeps 3-5 days raw, "cooked
    pork belly" and "leftovers" 3-4 days.
    """
    category = _keeping_category(_food(food))
    return None if category is None else _tables().keeping[category]


def keeping_days(food: str, where: str = "refrigerator") -> tuple[float, float] | None:
    """Days a food keeps in the refrigerator (or "freezer"), low and high, or None."""
    found = keeping(food)
    return None if found is None else found.days(where)


_NOT_RAW = re.compile(
    r"\b(?:cooked|smoked|cured|canned|tinned|rotisserie|leftover|broth|stock|bouillon|sauce|"
    r"powder|paste|fat|drippings|gelatin|eggs?|yolks?|jerky|salami|pepperoni|prosciutto)\b",
    re.I,
)


def raw_animal_food(ingredients: Sequence[Ingredient]) -> set[int]:
    """The ingredients (by index) that are raw meat, poultry or fish: what must not wait more
    than two hours out of the refrigerator. Not eggs, stock, cured or already cooked meat."""
    meat = food_class("meat_or_fish")
    return {
        i
        for i, ingredient in enumerate(ingredients)
        if meat.search(ingredient.name or "") and not _NOT_RAW.search(ingredient.text)
    }
