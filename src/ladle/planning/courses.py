"""Dishes named on the command line, and the courses of a meal.

``--serve "Cobbler=warm"`` and ``--after "2=45"`` name a dish by a word of its recipe's title
(or the whole title) or by its number in the command; ``--courses`` serves every dessert
45 minutes after the main course, unless every dish is one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ladle.errors import RequestError
from ladle.model import Recipe
from ladle.serving import SERVINGS, is_dessert

__all__ = ["COURSE_AFTER", "LATEST_AFTER", "courses_of", "dish_settings", "table_settings"]

COURSE_AFTER = 45  # minutes a dessert comes after the main course
LATEST_AFTER = 24 * 60  # a course more than a day after the main is another meal


def courses_of(recipes: Sequence[Recipe]) -> dict[int, int | str]:
    """The desserts of a meal, each served ``COURSE_AFTER`` minutes after the rest."""
    desserts = [i for i, recipe in enumerate(recipes) if is_dessert(recipe)]
    if len(desserts) == len(recipes):
        return {}
    return dict.fromkeys(desserts, COURSE_AFTER)


def _which(recipes: Sequence[Recipe], name: str, flag: str) -> int:
    key = name.strip().lower()
    if key.isdigit() and 1 <= int(key) <= len(recipes):
        return int(key) - 1
    exact = [i for i, r in enumerate(recipes) if r.title.strip().lower() == key]
    found = exact or [i for i, r in enumerate(recipes) if key and key in r.title.lower()]
    if len(found) == 1:
        return found[0]
    titles = "; ".join(f"{i + 1}. {r.title}" for i, r in enumerate(recipes))
    what = "matches no dish" if not found else "matches more than one dish"
    raise RequestError(
        f"{name!r} {what}", where=flag, hint=f"name a dish by its number or title: {titles}"
    )


def dish_settings(
    recipes: Sequence[Recipe], settings: Iterable[str], flag: str
) -> dict[int, int | str]:
    """``DISH=VALUE`` settings by recipe index: a serving temperature for ``--serve``,
    minutes for ``--after``; every mistake named with its fix."""
    out: dict[int, int | str] = {}
    for setting in settings:
        name, sep, value = setting.rpartition("=")
        if not sep or not name.strip():
            raise RequestError(
                f"{setting!r} is not DISH=VALUE", where=flag, hint=f'write {flag} "Cobbler=…"'
            )
        index = _which(recipes, name, flag)
        value = value.strip().lower()
        if flag == "--serve":
            if value not in SERVINGS:
                raise RequestError(
                    f"{value!r} is not a way to serve a dish",
                    where=flag,
                    hint="use one of: " + ", ".join(SERVINGS),
                )
            out[index] = value
        else:
            if not value.isdigit() or int(value) > LATEST_AFTER:
                raise RequestError(
                    f"{value!r} is not a number of minutes after the main course",
                    where=flag,
                    hint=f"give whole minutes from 0 to {LATEST_AFTER}",
                )
            out[index] = int(value)
    return out


def table_settings(
    recipes: Sequence[Recipe], serve: Iterable[str], after: Iterable[str], courses: bool
) -> tuple[dict[int, str], dict[int, int]]:
    """The command line's ``--serve``, ``--after`` and ``--courses``, by recipe index."""
    later = courses_of(recipes) if courses else {}
    later.update(dish_settings(recipes, after, "--after"))
    servings = dish_settings(recipes, serve, "--serve")
    return {i: str(v) for i, v in servings.items()}, {i: int(v) for i, v in later.items()}
