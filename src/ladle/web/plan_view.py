"""A plan as the planner page and cook mode show it: rows of the timeline, the chart, the
fixes as links, and each step with the timers it offers.

Only translation: times as a cook reads them, which dish a task belongs to (its colour is the
dish's place in the meal), what a task uses ("oven 425°F"), and for cook mode the minutes a
timer may run (the plan's own minutes for the task, and the times its step states).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ladle.web.fixes import Fix
from ladle.web.markup import inline_svg
from ladle.web.plan_query import query_of

if TYPE_CHECKING:
    from ladle.model import Recipe
    from ladle.plan_model import Plan, PlanTask
    from ladle.web.meals import Meal

__all__ = [
    "CookStep",
    "Dishes",
    "FixLink",
    "Row",
    "at_the_table",
    "chart",
    "cook_steps",
    "fix_links",
    "rows",
    "span",
    "summary",
]

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
COLOURS = 10  # dish colours in ladle.css, as the chart's palette


def long_date(moment: datetime) -> str:
    """ "Thursday 26 November"."""
    return f"{DAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]}"


def span(start: datetime, end: datetime) -> str:
    """ "18:22–18:32", or with the day it ends on when that is another day."""
    if end == start:
        return f"{start:%H:%M}"
    if end.date() == start.date():
        return f"{start:%H:%M}–{end:%H:%M}"
    return f"{start:%H:%M}–{DAYS[end.weekday()][:3]} {end:%H:%M}"


def where(task: PlanTask) -> str:
    """What a task uses besides the cook: "oven 425°F", "burner", "air fryer"."""
    parts = []
    for use in task.uses:
        if use.resource.startswith("cook"):
            continue
        name = use.resource.removesuffix("-1")
        parts.append(f"{name} {round(use.fahrenheit)}°F" if use.fahrenheit else name)
    return ", ".join(parts)


HEATING = frozenset({"preheat", "oven-change", "turn-on"})


class Dishes:
    """The dishes of a plan as its chart names and colours them: by recipe when the meal has
    several, by the food's own dish when it has one ("Roasted Carrots"); the oven's own tasks
    apart. Colours go by first appearance, as the chart's palette does."""

    def __init__(self, plan: Plan) -> None:
        from ladle.planning.export import by_recipe

        labelled = by_recipe(plan).tasks
        self.tasks = sorted(labelled, key=lambda t: (t.start, t.end))
        names = [self.name(t) for t in labelled]
        order = list(dict.fromkeys(n for n in names if n is not None))
        self.colours = {name: f"dish-{i % COLOURS}" for i, name in enumerate(order)}

    @staticmethod
    def name(task: PlanTask) -> str | None:
        if task.kind in HEATING and not task.dish:
            return None
        return task.dish or task.recipe or "other"

    def of(self, task: PlanTask) -> tuple[str, str]:
        """A task's dish, and its colour class."""
        name = self.name(task)
        return ("Oven", "dish-oven") if name is None else (name, self.colours[name])


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the timeline; ``day`` is set on the first line of each day."""

    day: str | None
    when: str
    dish: str
    colour: str
    text: str
    where: str
    active: bool


def rows(plan: Plan) -> list[Row]:
    """The timeline: every task by its start, with its dish."""
    dishes = Dishes(plan)
    out: list[Row] = []
    last: datetime | None = None
    for task in dishes.tasks:
        day = long_date(task.start) if last is None or task.start.date() != last.date() else None
        last = task.start
        dish, colour = dishes.of(task)
        text = " ".join(task.text.split())
        out.append(
            Row(day, span(task.start, task.end), dish, colour, text, where(task),
                task.attention == "active")
        )  # fmt: skip
    return out


def chart(plan: Plan) -> Markup | None:
    """The Gantt chart of ``ladle plan --svg``, checked to be shapes and text only."""
    from ladle.planning import export

    return inline_svg(export.gantt_svg(export.by_recipe(plan)))


@dataclass(frozen=True, slots=True)
class FixLink:
    """A fix and the planner page that makes it (None: words only)."""

    text: str
    href: str | None


def fix_links(found: Sequence[Fix], ids: Sequence[int]) -> list[FixLink]:
    def href(meal: Meal | None) -> str | None:
        return None if meal is None else "/plan?" + query_of(ids, meal)

    return [FixLink(f.text[:1].upper() + f.text[1:], href(f.meal)) for f in found]


@dataclass(frozen=True, slots=True)
class CookStep:
    """One step of cook mode: what to do, when, and the timers it offers (minutes, words)."""

    number: int
    when: str
    start: str
    end: str
    dish: str
    colour: str
    text: str
    where: str
    active: bool
    label: str
    timers: list[tuple[float, str]] = field(default_factory=list)


def minutes_words(minutes: float) -> str:
    """ "45 min", "1 h 20 min", "2 h"."""
    whole = round(minutes)
    hours, rest = divmod(whole, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def _timers(task: PlanTask, recipes: dict[str, Recipe]) -> list[tuple[float, str]]:
    """The plan's minutes for the task, then the times its step states (each once)."""
    offered: dict[float, str] = {}
    if task.minutes >= 1:
        offered[round(task.minutes)] = f"{minutes_words(task.minutes)} (planned)"
    recipe = recipes.get(task.recipe)
    if recipe is not None and task.step is not None and 1 <= task.step <= len(recipe.steps):
        for duration in recipe.steps[task.step - 1].durations:
            for value in (duration.min_minutes, duration.max_minutes):
                if value is not None and 1 <= value <= 24 * 60:
                    offered.setdefault(round(value), minutes_words(value))
    return list(offered.items())


def _label(task: PlanTask) -> str:
    if task.recipe and task.step is not None:
        return f"{task.recipe}, step {task.step}"
    return " ".join(task.text.split())[:80]


def cook_steps(plan: Plan, recipes: Sequence[Recipe]) -> list[CookStep]:
    """The plan's tasks in order, each with its timers."""
    dishes = Dishes(plan)
    by_title = {r.title: r for r in reversed(recipes)}  # the first of a title wins
    out = []
    for number, task in enumerate(dishes.tasks, start=1):
        dish, colour = dishes.of(task)
        out.append(
            CookStep(
                number=number,
                when=span(task.start, task.end),
                start=task.start.isoformat(),
                end=task.end.isoformat(),
                dish=dish,
                colour=colour,
                text=" ".join(task.text.split()),
                where=where(task),
                active=task.attention == "active",
                label=_label(task),
                timers=_timers(task, by_title),
            )
        )
    return out


def summary(plan: Plan) -> dict[str, Any]:
    """The plan's headline: when it is served, when the work starts, the hands-on minutes."""
    active = sum(t.minutes for t in plan.tasks if t.attention == "active")
    return {
        "serve": f"{plan.serve_at:%H:%M} on {long_date(plan.serve_at)}",
        "start": f"{plan.start_at:%H:%M} on {long_date(plan.start_at)}" if plan.start_at else "",
        "active": minutes_words(active),
        "status": plan.status,
        "bounds": plan.bounds.get("summary") or "",
    }


SERVED = {"hot": "hot", "warm": "warm", "room": "at room temperature", "cold": "cold"}


def at_the_table(plan: Plan) -> list[tuple[str, str]]:
    """Each dish: how and when it is served, and how long it waits after its heat."""
    lines = []
    for dish in plan.dishes:
        later = (dish.serve_at - plan.serve_at).total_seconds() / 60
        when = f"{dish.serve_at:%H:%M}" + (f" ({later:.0f} minutes after)" if later else "")
        words = f"{SERVED.get(dish.serving, dish.serving)} at {when}"
        waits = dish.waits_minutes
        if dish.kept_warm and dish.off_heat is not None:
            words += f", kept warm until {dish.off_heat:%H:%M}"
        elif dish.off_heat is not None and waits is not None:
            words += f", off the heat at {dish.off_heat:%H:%M} ({waits:.0f} minutes before)"
        lines.append((dish.recipe, f"{words}; {dish.why}"))
    return lines
