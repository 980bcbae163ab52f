"""The nutrition panel of the web app's recipe page and API, with the matcher kept warm.

Building a :class:`~ladle.foods.matching.Matcher` reads the food table's 8,789 names and indexes
them (about 0.4 s for SR28); the web app keeps the last few, keyed by the library, the release
imported (name, source, size, time) and the user's overrides, so that a recipe page pays it
once per import or override change, not on every view.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from ladle.errors import FoodDataError
from ladle.foods.matching import Matcher
from ladle.foods.panel import nutrition
from ladle.model import Recipe
from ladle.store import Library

__all__ = ["report", "report_or_none"]

_KEPT = 4
_matchers: OrderedDict[tuple[Any, ...], Matcher] = OrderedDict()


def report(lib: Library, recipe: Recipe, *, as_bought: bool = False) -> dict[str, Any]:
    """The recipe's nutrition report JSON; ``FoodDataError`` when no food table is imported."""
    table = lib.food_table()
    release = lib.food_release()
    overrides = tuple(sorted(table.overrides().items()))
    key = (lib.url, release, overrides)
    matcher = _matchers.get(key)
    if matcher is None:
        matcher = Matcher(table)
        _matchers[key] = matcher
        while len(_matchers) > _KEPT:
            _matchers.popitem(last=False)
    _matchers.move_to_end(key)
    return nutrition(recipe, table, as_bought=as_bought, matcher=matcher).to_json()


def report_or_none(lib: Library, recipe: Recipe) -> dict[str, Any] | None:
    """The report, or None when the library holds no food table (the page shows no panel)."""
    try:
        return report(lib, recipe)
    except FoodDataError:
        return None
