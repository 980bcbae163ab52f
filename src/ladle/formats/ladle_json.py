"""ladle's own JSON: the recipe documents of the contract (``"ladle": 1``), read and written.

A document is one recipe object or an array of them. Reading checks every field and names the
place of anything wrong; writing gives exactly ``Recipe.to_json()``, so a round trip is the
identity.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ladle.draft import Draft
from ladle.errors import FormatError
from ladle.model import Recipe

__all__ = ["dumps", "read", "write"]


def read(text: str, location: str) -> list[Draft]:
    """Every recipe of a ladle JSON document, as drafts that hold the recipe itself
    (understanding keeps a ladle recipe as it is)."""
    return [Draft(known=recipe, source=recipe.source) for recipe in recipes(text, location)]


def recipes(text: str, location: str) -> list[Recipe]:
    """Every recipe of a ladle JSON document, each field checked."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"invalid JSON: {exc.msg}",
            where=f"{location}:{exc.lineno}:{exc.colno}",
            hint="fix the JSON, or give --format for another format",
        ) from exc
    except RecursionError as exc:
        raise FormatError("JSON nested too deeply", where=location) from exc
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        raise FormatError(f"invalid JSON: {exc}", where=location) from exc
    if isinstance(data, list):
        if not data:
            raise FormatError(
                "the document is an empty list", where=location, hint="give at least one recipe"
            )
        return [Recipe.from_json(item, where=f"{location}[{i}]") for i, item in enumerate(data)]
    return [Recipe.from_json(data, where=location)]


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number; give a finite number or null")


def dumps(data: object) -> str:
    """JSON as ladle prints it: UTF-8 characters kept, two-space indent; an infinity or NaN
    is a mistake in ladle and raises ValueError rather than print invalid JSON."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


def write(recipes: Recipe | Sequence[Recipe]) -> str:
    """One recipe as an object, several as an array."""
    if isinstance(recipes, Recipe):
        return dumps(recipes.to_json())
    return dumps([r.to_json() for r in recipes])
