"""The shopping list page: the chosen recipes' ingredients merged by food, aisle by aisle.

``/shop?ids=3,1,4&servings=8&units=metric`` is what ``ladle shop 3 1 4 --servings 8 --units
metric`` prints, with a box to tick for each item. The ticks stay in the browser
(``localStorage``, keyed by the list's recipes and each item's name; ``static/ladle.js``), so
a reload or a return from the shop keeps them and the server keeps nothing.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ladle.errors import LadleError, LibraryError
from ladle.limits import MAX_SERVINGS
from ladle.shopping import ShoppingList
from ladle.store import Library
from ladle.web import calls
from ladle.web.plan_query import parse_ids
from ladle.web.problems import status_of
from ladle.web.rendering import render
from ladle.web.routes.plan_api import MAX_SHOPPING
from ladle.web.security import csrf_protect
from ladle.web.shelf import library

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)

LibraryDep = Annotated[Library, Depends(library)]
CANDIDATES = 30


def _aisles(found: ShoppingList) -> list[dict[str, Any]]:
    """The list by aisle; each item with the key its tick is kept under (its name, and a
    number when the list holds the name twice)."""
    seen: dict[str, int] = {}
    aisles = []
    for aisle, items in found.by_aisle():
        shown = []
        for item in items:
            seen[item.name] = seen.get(item.name, 0) + 1
            key = item.name if seen[item.name] == 1 else f"{item.name} #{seen[item.name]}"
            recipes = list(dict.fromkeys(u.recipe for u in item.uses))
            shown.append({"key": key, "item": item, "recipes": recipes})
        aisles.append({"name": aisle[:1].upper() + aisle[1:], "entries": shown})
    return aisles


@router.get("/shop")
def shop_page(
    request: Request,
    *,
    lib: LibraryDep,
    ids: Annotated[list[str], Query()] = [],  # noqa: B006
    servings: Annotated[float | None, Query(gt=0, le=MAX_SERVINGS)] = None,
    units: calls.Units | None = None,
    q: Annotated[str, Query(max_length=500)] = "",
) -> Response:
    """One shopping list for the chosen recipes, with ticks that stay."""
    numbers = parse_ids(ids, MAX_SHOPPING)
    recipes = [lib.get(number) for number in numbers]
    found = lib.search(calls.search_query(q, limit=CANDIDATES + len(numbers)))
    context: dict[str, Any] = {
        "ids": ",".join(str(n) for n in numbers),
        "recipes": list(zip(numbers, recipes, strict=True)),
        "candidates": [e for e in found if e.id not in numbers][:CANDIDATES],
        "q": q,
        "servings": servings,
        "units": units or "",
        "aisles": [],
        "message": None,
        "key": ",".join(str(n) for n in sorted(numbers)),
    }
    status = 200
    if recipes:
        try:
            context["aisles"] = _aisles(calls.shopping(recipes, servings, units))
        except LibraryError:
            raise
        except LadleError as error:
            context["message"], status = str(error), status_of(error)
    return render(request, "shop.html", context, status=status)
