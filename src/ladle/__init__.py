"""ladle: a recipe engine and kitchen planner.

The public API (everything the command line does is one call here)::

    import ladle
    recipes = ladle.read("pork-belly.txt")          # every recipe in a source, main first
    ladle.check(recipes[0])                         # contradictions, gaps, unsafe temperatures
    ladle.scale(recipes[0], ladle.ScaleRequest(servings=8))
    ladle.plan(recipes, serve_at)                   # when to do each step; .to_json()
    ladle.shopping_list(recipes)                    # merged by food, grouped by aisle
    ladle.nutrition(recipes[0], table)              # per serving and in all, against a food table
    ladle.parse_ingredient("2 tbsp olive oil")      # one ingredient line, understood
    with ladle.open_library() as library:           # the recipe library (SQLite by default)
        library.add(recipes[0])
    document = recipes[0].to_json()                 # the recipe JSON of the contract
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ladle.checker import Finding, check
    from ladle.conversion import convert_recipe as convert
    from ladle.errors import (
        BinarySource,
        EmptySource,
        FormatError,
        IngredientError,
        LadleError,
        NoRecipeFound,
        SourceError,
        SourceNotFound,
        SourceTooLarge,
        UnknownFormat,
    )
    from ladle.foods.panel import NutritionReport, nutrition
    from ladle.formats import read, read_text, write
    from ladle.ingredients import parse_ingredient
    from ladle.model import (
        Amount,
        Doneness,
        Duration,
        Ingredient,
        MakeAhead,
        Pairing,
        Recipe,
        Source,
        Step,
        Storage,
        Temperature,
        Times,
        Variant,
        Yield,
    )
    from ladle.plan_model import Plan
    from ladle.planning.kitchen import Kitchen
    from ladle.planning.planner import plan
    from ladle.scaling import ScaleRequest, scale
    from ladle.shopping import ShoppingList, shopping_list
    from ladle.store import Library, open_library

# Loaded on first use, so that "ladle --help" does not pay for the readers.
_WHERE: dict[str, str] = {
    **dict.fromkeys(
        [
            "BinarySource",
            "EmptySource",
            "FormatError",
            "IngredientError",
            "LadleError",
            "NoRecipeFound",
            "SourceError",
            "SourceNotFound",
            "SourceTooLarge",
            "UnknownFormat",
        ],
        "ladle.errors",
    ),
    **dict.fromkeys(["read", "read_text", "write"], "ladle.formats"),
    "parse_ingredient": "ladle.ingredients",
    **dict.fromkeys(["scale", "ScaleRequest"], "ladle.scaling"),
    "convert": "ladle.conversion:convert_recipe",
    **dict.fromkeys(["check", "Finding"], "ladle.checker"),
    "plan": "ladle.planning.planner",
    "Kitchen": "ladle.planning.kitchen",
    "Plan": "ladle.plan_model",
    **dict.fromkeys(["shopping_list", "ShoppingList"], "ladle.shopping"),
    **dict.fromkeys(["nutrition", "NutritionReport"], "ladle.foods.panel"),
    **dict.fromkeys(["Library", "open_library"], "ladle.store"),
    **dict.fromkeys(
        [
            "Amount",
            "Doneness",
            "Duration",
            "Ingredient",
            "MakeAhead",
            "Pairing",
            "Recipe",
            "Source",
            "Step",
            "Storage",
            "Temperature",
            "Times",
            "Variant",
            "Yield",
        ],
        "ladle.model",
    ),
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'ladle' has no attribute {name!r}")
    module, _, attribute = module.partition(":")
    value = getattr(importlib.import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


__version__ = "0.1.0"

__all__ = [
    "Amount",
    "BinarySource",
    "Doneness",
    "Duration",
    "EmptySource",
    "Finding",
    "FormatError",
    "Ingredient",
    "IngredientError",
    "Kitchen",
    "LadleError",
    "Library",
    "MakeAhead",
    "NoRecipeFound",
    "NutritionReport",
    "Pairing",
    "Plan",
    "Recipe",
    "ScaleRequest",
    "ShoppingList",
    "Source",
    "SourceError",
    "SourceNotFound",
    "SourceTooLarge",
    "Step",
    "Storage",
    "Temperature",
    "Times",
    "UnknownFormat",
    "Variant",
    "Yield",
    "__version__",
    "check",
    "convert",
    "nutrition",
    "open_library",
    "parse_ingredient",
    "plan",
    "read",
    "read_text",
    "scale",
    "shopping_list",
    "write",
]
