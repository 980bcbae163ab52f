"""``ladle nutrition import PATH`` and ``ladle nutrition match NAME FOOD``: the food table."""

from __future__ import annotations

from pathlib import Path

from ladle.errors import FoodDataError


def import_release(path: Path) -> None:
    """Load a USDA release (SR28 ASCII zip, FoodData Central CSV) into the library."""
    raise FoodDataError("importing food data is not built yet", where=str(path))


def choose_food(name: str, food_id: str) -> None:
    """Remember that ingredients called NAME are the food FOOD_ID (``-`` forgets the choice)."""
    raise FoodDataError("choosing foods is not built yet", where=name, hint=food_id)
