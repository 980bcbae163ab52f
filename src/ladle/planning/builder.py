"""The state of reading one recipe into activities, and questions about what is read so far.

``tasks`` walks a recipe's steps with a :class:`Builder`; ``modes`` and ``table`` add to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ladle.model import Recipe
from ladle.planning import reading
from ladle.planning.kitchen import Kitchen
from ladle.planning.problem import Activity, After, OutOfFridge, Serve, Within

__all__ = [
    "Builder",
    "PlanOptions",
    "dish_of_activity",
    "is_heat",
    "is_passive",
    "reachable",
]


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """How freely the planner may depart from the recipes."""

    exact: bool = False  # no temperature or method substitutions
    methods: tuple[str, ...] = ()  # names of the article's methods to cook by
    flexible_f: int = reading.STEP_F


@dataclass(slots=True)
class Builder:
    """One recipe being read: its activities and relations so far, and what the reading
    remembers from step to step."""

    recipe: Recipe
    kitchen: Kitchen
    options: PlanOptions
    key: str
    activities: list[Activity] = field(default_factory=list)
    after: list[After] = field(default_factory=list)
    within: list[Within] = field(default_factory=list)
    serve: list[Serve] = field(default_factory=list)
    out_of_fridge: list[OutOfFridge] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    first: dict[int, str] = field(default_factory=dict)  # step number -> its first activity
    last: dict[int, str] = field(default_factory=dict)  # step number -> its last activity
    dish_of: dict[int, str] = field(default_factory=dict)
    heat_of_dish: dict[str, str] = field(default_factory=dict)  # dish -> last heat activity
    first_heat_of_dish: dict[str, str] = field(default_factory=dict)
    pred_of: dict[str, str] = field(default_factory=dict)  # activity -> the one before it
    meal_f: frozenset[int] = frozenset()  # the oven temperatures every recipe of the meal writes
    on_burner: bool = False  # the step before is on the stove
    in_appliance: str | None = None  # the appliance the step before cooked in
    keeps: int | None = None  # minutes the step being read keeps, if it says
    kept: dict[int, int | None] = field(default_factory=dict)  # step number -> what it keeps
    previous: str | None = None  # the activity added last
    warm: set[str] = field(default_factory=set)  # activities that end with hot food
    waiting: str | None = None  # a wait that ends when the next cooking begins
    serving: str = "hot"  # how the dish comes to the table (ladle.serving)
    serving_why: str = ""
    at: int = 0  # minutes after the meal's serving time it is served
    kitchen_file: bool = True  # the kitchen is the cook's, not assumed


def reachable(builder: Builder, start: str) -> set[str]:
    """The activities that follow ``start``, directly or not."""
    following: dict[str, list[str]] = {}
    for rel in builder.after:
        following.setdefault(rel.before, []).append(rel.after)
    for within in builder.within:
        following.setdefault(within.outer, []).append(within.inner)
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in following.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def dish_of_activity(builder: Builder, activity_id: str) -> str | None:
    return next((a.dish for a in builder.activities if a.id == activity_id), None)


def is_passive(builder: Builder, activity_id: str) -> bool:
    return any(a.id == activity_id and a.attention == "passive" for a in builder.activities)


def is_heat(builder: Builder, activity_id: str) -> bool:
    for activity in builder.activities:
        if activity.id == activity_id:
            mode = activity.modes[0]
            return bool(mode.oven or mode.burner or mode.appliance)
    return False
