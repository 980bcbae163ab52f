"""The fixes of an infeasible plan, each turned into the meal settings that make it.

The planner words its fixes for a cook and names the command-line setting where there is one
(``ladle.planning.explain``): "serve at 20:35", 'serve the Cobbler 45 minutes after the rest
(--after "Cobbler=45")', 'serve the Chicken warm (--serve "Chicken=warm")', "use a second
oven", "use the air fryer for the carrots, if you have one", "add an oven to the kitchen file
([[oven]])", "give the planner longer (--time-limit 60)". Each of these becomes the same
``Meal`` with that one change, which a page offers as a link and the API as the settings to
send again; a fix with no setting of its own (another temperature for one dish, making a dish
ahead, in an exact plan) stays words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ladle.web.meals import MAX_TIME_LIMIT, Meal

if TYPE_CHECKING:
    from ladle.model import Recipe
    from ladle.plan_model import Plan

__all__ = ["Fix", "dish_index", "fixes_of", "kitchen_of_plan", "reasons_of"]

FIXES = "Fixes: "
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_SERVE_AT = re.compile(r"^serve at (?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?(\d\d):(\d\d)$")
_FLAG = re.compile(r'\(--(after|serve) "(.+)=([a-z0-9]+)"\)$')
_TOGETHER = re.compile(r"^serve the (.+) (warm|at room temperature)$")
_AIR_FRYER = re.compile(r"^use the air fryer for .+, if you have one$")
_ADD = re.compile(r"^add an? (.+) to the kitchen file \(\[\[\w+\]\]\)$")


@dataclass(frozen=True, slots=True)
class Fix:
    """A fix in the planner's words, and the meal with it made (None: no one setting)."""

    text: str
    meal: Meal | None


def reasons_of(plan: Plan) -> list[str]:
    """The explanation without its line of fixes."""
    return [line for line in plan.explanation if not line.startswith(FIXES)]


def _fix_texts(plan: Plan) -> list[str]:
    line = next((x for x in plan.explanation if x.startswith(FIXES)), None)
    if line is None:
        return []
    return [t.strip() for t in line.removeprefix(FIXES).removesuffix(".").split("; or ")]


def dish_index(recipes: Sequence[Recipe], name: str) -> int | None:
    """Which recipe a ``DISH`` names: its number (from 1), its title, or a word of it."""
    key = name.strip().lower()
    if key.isdigit():
        return int(key) - 1 if 1 <= int(key) <= len(recipes) else None
    exact = [i for i, r in enumerate(recipes) if r.title.strip().lower() == key]
    found = exact or [i for i, r in enumerate(recipes) if key and key in r.title.lower()]
    return found[0] if len(found) == 1 else None


def _setting(
    recipes: Sequence[Recipe], settings: tuple[str, ...], index: int, value: str
) -> tuple[str, ...]:
    """``DISH=VALUE`` settings with the one for recipe ``index`` replaced."""
    kept = tuple(s for s in settings if dish_index(recipes, s.rpartition("=")[0]) != index)
    return (*kept, f"{index + 1}={value}")


def kitchen_of_plan(plan: Plan) -> dict[str, Any]:
    """The kitchen a plan was made for, as the kitchen file's tables (from its resources)."""
    kinds = [(r.kind, r.id, r.capacity) for r in plan.resources]
    data: dict[str, Any] = {
        "oven": [{"racks": c} for kind, _, c in kinds if kind == "oven"],
        "burner": [{"count": sum(c for kind, _, c in kinds if kind == "burner")}],
        "cooks": {"count": max(1, sum(1 for kind, _, _ in kinds if kind == "cook"))},
    }
    appliances = [{"name": n, "count": c} for kind, n, c in kinds if kind == "appliance"]
    if appliances:
        data["appliance"] = appliances
    return data


def _equipped(plan: Plan, meal: Meal, need: str) -> Meal:
    """The meal in its kitchen with one more oven, a burner, or an appliance."""
    data = meal.kitchen_data or kitchen_of_plan(plan)
    if need == "second oven":
        ovens = list(data.get("oven") or [{}])
        data["oven"] = [*ovens, dict(ovens[0])]
    elif need == "oven":
        data["oven"] = [{}]
    elif need == "burner":
        data["burner"] = [{"count": 1}]
    else:
        appliances = list(data.get("appliance") or [])
        data["appliance"] = [*appliances, {"name": need}]
    return replace(meal, kitchen=Meal.kitchen_json(data))


def _served_at(meal: Meal, day: str | None, hour: int, minute: int) -> datetime | None:
    """The first moment after the meal's serving time at that time of day (and weekday)."""
    moment = meal.serve_at.replace(hour=hour, minute=minute)
    for _ in range(8):
        if moment > meal.serve_at and (day is None or DAYS[moment.weekday()] == day):
            return moment
        moment += timedelta(days=1)
    return None


def _together(recipes: Sequence[Recipe], meal: Meal, names: str, how: str) -> Meal | None:
    """'serve the A, B and C warm': every one of those dishes served so."""
    named = [i for i, r in enumerate(recipes) if r.title in names]
    if len(named) < 2:
        return None
    titles = [recipes[i].title for i in named]
    if ", ".join(titles[:-1]) + " and " + titles[-1] != names:
        return None
    kind = "warm" if how == "warm" else "room"
    serve = meal.serve
    for index in named:
        serve = _setting(recipes, serve, index, kind)
    return replace(meal, serve=serve)


def _fixed(plan: Plan, recipes: Sequence[Recipe], meal: Meal, text: str) -> Meal | None:
    """The meal with one fix made, or None when no setting makes it."""
    if found := _SERVE_AT.match(text):
        day, hour, minute = found.group(1), int(found.group(2)), int(found.group(3))
        moment = _served_at(meal, day, hour, minute)
        return None if moment is None else replace(meal, serve_at=moment)
    if found := _FLAG.search(text):
        flag, name, value = found.groups()
        index = dish_index(recipes, name)
        if index is None:
            return None
        if flag == "after":
            return replace(meal, after=_setting(recipes, meal.after, index, value))
        return replace(meal, serve=_setting(recipes, meal.serve, index, value))
    if found := _TOGETHER.match(text):
        return _together(recipes, meal, found.group(1), found.group(2))
    if text == "use a second oven":
        return _equipped(plan, meal, "second oven")
    if _AIR_FRYER.match(text):
        return _equipped(plan, meal, "air fryer")
    if found := _ADD.match(text):
        return _equipped(plan, meal, found.group(1))
    if "--time-limit" in text and meal.time_limit < MAX_TIME_LIMIT:
        return replace(meal, time_limit=MAX_TIME_LIMIT)
    return None


def fixes_of(plan: Plan, recipes: Sequence[Recipe], meal: Meal) -> list[Fix]:
    """The fixes the planner offers for a meal with no plan, each with its settings."""
    return [Fix(text, _fixed(plan, recipes, meal, text)) for text in _fix_texts(plan)]
