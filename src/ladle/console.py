"""Terminal output: recipes and ingredient lines as Rich renderables.

Front-end code only: it lays out what the library computed and decides nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ladle.model import Duration, Ingredient, Recipe, Step, Temperature
from ladle.plan_model import Plan, PlanTask
from ladle.units import format_quantity

if TYPE_CHECKING:
    from ladle.checker import Finding
    from ladle.shopping import ShoppingList

__all__ = [
    "amount_text",
    "findings_panel",
    "ingredient_table",
    "plan_timeline",
    "recipe_card",
    "shopping_table",
]

_UNIT_SHORT = {
    "teaspoon": "tsp",
    "tablespoon": "tbsp",
    "fluid_ounce": "fl oz",
    "milliliter": "ml",
    "centiliter": "cl",
    "deciliter": "dl",
    "liter": "l",
    "gram": "g",
    "kilogram": "kg",
    "milligram": "mg",
    "ounce": "oz",
    "pound": "lb",
    "centimeter": "cm",
    "millimeter": "mm",
    "inch": "in",
}


# Control characters (but newline and tab) never reach the terminal: an escape sequence in a
# recipe's text would set the window title or clear the screen.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _plain(value: str, style: str = "") -> Text:
    """Recipe text as a Rich Text: never read as markup ("[optional]" stays), no control
    characters."""
    return Text(_clean(value), style=style)


def _clean(value: str) -> str:
    """Text without control characters (newline and tab stay)."""
    return _CONTROL.sub("", value)


def amount_text(quantity: float | None, quantity_max: float | None, unit: str | None) -> str:
    """ "2 lb", "¼ cup", "4–5 clove"; empty when there is no amount."""
    if quantity is None:
        return ""
    text = format_quantity(quantity)
    if quantity_max is not None:
        text += "–" + format_quantity(quantity_max)
    if unit:
        plural = (quantity_max or quantity) > 1
        name = _UNIT_SHORT.get(unit, unit.replace("_", " "))
        if plural and unit not in _UNIT_SHORT and not name.endswith("s"):
            name += "es" if name.endswith(("ch", "sh")) else "s"
        text += f" {name}"
    return text


def _minutes(value: float) -> str:
    if value >= 1440 and value % 1440 == 0:
        days = int(value // 1440)
        return f"{days} day" + ("s" if days > 1 else "")
    if value >= 60:
        hours, minutes = divmod(round(value), 60)
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{format_quantity(value)} min"


def _duration(d: Duration) -> str:
    if d.max_minutes is None:
        return f"≥ {_minutes(d.min_minutes)}"
    if d.min_minutes == 0:
        return f"≤ {_minutes(d.max_minutes)}"
    if d.max_minutes == d.min_minutes:
        return _minutes(d.min_minutes)
    return f"{_minutes(d.min_minutes)}–{_minutes(d.max_minutes)}"


def _temperature(t: Temperature) -> str:
    return f"{format_quantity(t.fahrenheit)}°F/{format_quantity(t.celsius)}°C {t.kind}"


def _step_facts(step: Step, ingredients: Sequence[Ingredient]) -> Text:
    facts: list[str] = []
    facts += [f"⏱ {_duration(d)}" for d in step.durations]
    facts += [f"🌡 {_temperature(t)}" for t in step.temperatures]
    if step.equipment:
        facts.append(", ".join(step.equipment))
    names = [ingredients[i].name or ingredients[i].text for i in step.uses if i < len(ingredients)]
    if names:
        facts.append("uses " + ", ".join(n for n in names if n))
    facts.append(step.attention)
    return _plain(" · ".join(facts), style="dim")


def ingredient_table(ingredients: Iterable[Ingredient], *, show_text: bool = False) -> Table:
    """Ingredients as a table: amount, name, notes (grouped rows keep their group heading)."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    if show_text:
        table.add_column("line", style="dim", overflow="fold")
    table.add_column("amount", justify="right", style="bold")
    table.add_column("ingredient")
    table.add_column("notes", style="dim", overflow="fold")
    group: str | None = None
    for ingredient in ingredients:
        if ingredient.group != group and ingredient.group:
            heading: list[RenderableType] = ["", _plain(ingredient.group, "italic cyan"), ""]
            table.add_row(*([""] if show_text else []), *heading)
        group = ingredient.group
        notes = [part for part in (ingredient.preparation, ingredient.comment) if part]
        if ingredient.to_taste:
            notes.append("to taste")
        if ingredient.optional:
            notes.append("optional")
        notes += [f"or {a.text}" for a in ingredient.alternatives]
        cells: list[RenderableType] = [
            _plain(amount_text(ingredient.quantity, ingredient.quantity_max, ingredient.unit)),
            _plain(ingredient.name or ingredient.text),
            _plain("; ".join(notes)),
        ]
        table.add_row(*([_plain(ingredient.text)] if show_text else []), *cells)
    return table


def recipe_card(recipe: Recipe) -> RenderableType:
    """A recipe as a readable card: header, ingredients, steps, notes, and what the article adds."""
    parts: list[RenderableType] = []
    if recipe.description:
        parts.append(_plain(recipe.description, style="italic"))
    facts = _header_facts(recipe)
    if facts:
        parts.append(_plain(" · ".join(facts), style="cyan"))
    parts.append(_plain("\nIngredients", style="bold underline"))
    parts.append(Padding(ingredient_table(recipe.ingredients), (0, 0, 0, 2)))
    parts.append(_plain("\nSteps", style="bold underline"))
    steps = Table.grid(padding=(0, 1))
    steps.add_column(justify="right", style="bold")
    steps.add_column(ratio=1)
    current: str | None = None
    for number, step in enumerate(recipe.steps, start=1):
        if step.section and step.section != current:
            steps.add_row("", _plain(step.section, style="italic cyan"))
        current = step.section
        steps.add_row(f"{number}.", Group(_plain(step.text), _step_facts(step, recipe.ingredients)))
    parts.append(Padding(steps, (0, 0, 0, 2)))
    if recipe.notes:
        parts.append(_plain("\nNotes", style="bold underline"))
        parts.extend(Padding(_plain(f"• {note}"), (0, 0, 0, 2)) for note in recipe.notes)
    parts.extend(_article_parts(recipe))
    return Panel(
        Group(*parts),
        title=_plain(recipe.title, style="bold"),
        title_align="left",
        border_style="green",
        padding=(0, 1),
    )


def _header_facts(recipe: Recipe) -> list[str]:
    facts: list[str] = []
    if recipe.yield_.text:
        facts.append(recipe.yield_.text)
    elif recipe.yield_.servings:
        facts.append(f"serves {format_quantity(recipe.yield_.servings)}")
    for label, value in (
        ("prep", recipe.times.prep_minutes),
        ("cook", recipe.times.cook_minutes),
        ("total", recipe.times.total_minutes),
    ):
        if value is not None:
            facts.append(f"{label} {_minutes(value)}")
    return facts


def _article_parts(recipe: Recipe) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if recipe.variants:
        parts.append(_plain("\nOther ways and variations", style="bold underline"))
        for variant in recipe.variants:
            line = _plain("  • ")
            line.append(_clean(variant.name), style="bold")
            line.append(f" ({variant.kind})", style="dim")
            summary = "; ".join(
                " · ".join(
                    [_duration(d) for d in s.durations] + [_temperature(t) for t in s.temperatures]
                )
                for s in variant.steps
                if s.durations or s.temperatures
            )
            if summary:
                line.append(f": {summary}", style="dim")
            parts.append(line)
    for kind, heading in (("side", "Sides"), ("drink", "Drinks")):
        names = [p.name for p in recipe.pairings if p.kind == kind]
        if names:
            parts.append(
                _plain(f"\n{heading}: ", style="bold").append(_clean(", ".join(names)), style="")
            )
    others = [p.name for p in recipe.pairings if p.kind not in {"side", "drink"}]
    if others:
        parts.append(
            _plain("\nServe with: ", style="bold").append(_clean(", ".join(others)), style="")
        )
    for doneness in recipe.doneness:
        text = _plain("\nDone at: ", style="bold")
        text.append(
            _clean(
                f"{format_quantity(doneness.fahrenheit)}°F / {format_quantity(doneness.celsius)}°C"
                + (f" ({doneness.food})" if doneness.food else "")
            )
        )
        parts.append(text)
    for storage in recipe.storage:
        days = (
            f"{format_quantity(storage.max_days)} day" + ("s" if storage.max_days != 1 else "")
            if storage.max_days
            else "—"
        )
        parts.append(
            _plain("\nKeeps: ", style="bold").append(_clean(f"{days} in the {storage.where}"))
        )
    for ahead in recipe.make_ahead:
        when = (
            f"up to {format_quantity(ahead.lead_days)} day"
            + ("s" if ahead.lead_days != 1 else "")
            + " ahead"
            if ahead.lead_days
            else "ahead"
        )
        line = _plain("\nMake ahead: ", style="bold").append(when)
        finishing = [_temperature(t) for s in ahead.steps for t in s.temperatures]
        if finishing:
            line.append(f"; finish at {', '.join(finishing)}", style="dim")
        parts.append(line)
    return parts


# --- plans -------------------------------------------------------------------------------------

_SESSION_GAP = 30  # minutes without hands-on work that end a session
_PUT_IN = timedelta(minutes=2)


def _sessions(plan: Plan) -> list[list[PlanTask]]:
    """Tasks grouped into sessions: runs of hands-on work with gaps under half an hour, each
    passive task listed in the session where it starts."""
    sessions: list[list[PlanTask]] = []
    last_end = None
    for task in plan.tasks:
        cook = any(u.resource.startswith("cook") for u in task.uses)
        hands = task.attention == "active" or cook
        gap = (task.start - last_end).total_seconds() / 60 if last_end else None
        if not sessions or (gap is not None and gap >= _SESSION_GAP):
            sessions.append([])
        sessions[-1].append(task)
        # a passive task needs the cook only to put the food in; a preheat, nobody
        until = (
            task.end
            if task.attention == "active"
            else task.start + (_PUT_IN if hands else timedelta(0))
        )
        last_end = until if last_end is None else max(last_end, until)
    return sessions


def _where(task: PlanTask) -> str:
    parts = []
    for use in task.uses:
        if use.resource.startswith("cook"):
            continue
        name = use.resource.replace("-1", "") if use.resource.endswith("-1") else use.resource
        parts.append(f"{name} {round(use.fahrenheit)}°F" if use.fahrenheit else name)
    return ", ".join(parts)


def plan_timeline(plan: Plan) -> RenderableType:
    """A plan as a timeline grouped into sessions, or the reasons there is none."""
    parts: list[RenderableType] = []
    serve = f"{plan.serve_at:%A %d %B, %H:%M}"
    if plan.status == "infeasible":
        parts.append(_plain(f"No plan serves this meal at {serve}.", style="bold red"))
        parts.extend(_plain(line, style="red") for line in plan.explanation)
        return Panel(Group(*parts), title="ladle plan", border_style="red")
    head = _plain(f"Serve at {serve}", style="bold")
    head.append(f"  ({plan.status})", style="dim")
    parts.append(head)
    several = len({t.recipe for t in plan.tasks if t.kind == "step"}) > 1
    for number, session in enumerate(_sessions(plan), start=1):
        first = session[0].start
        final = number == len(_sessions(plan))
        last = max(t.end if t.attention == "active" else t.start for t in session)
        if final:  # the final stretch runs to the table, even when it ends on a wait
            last = max(t.end for t in session)  # every task's end is at least its start
        label = "Final stretch" if final else f"{first:%A} {_part_of_day(first)}"
        table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column(ratio=1)
        table.add_column(style="dim", no_wrap=True)
        for task in session:
            style = "" if task.attention == "active" else "dim"
            whose = task.recipe if several else task.dish  # which dish, in the meal's terms
            what = f"[{whose}] {task.text}" if whose else task.text
            table.add_row(
                _span(task.start, task.end), _plain(what, style=style), _plain(_where(task))
            )
        parts.append(_plain(f"\n{label}, {first:%H:%M}–{last:%H:%M}", style="bold underline"))
        parts.append(table)
    if plan.dishes:
        parts.append(_plain("\nAt the table:", style="bold"))
        parts.extend(_plain(f"  • {line}") for line in _at_the_table(plan))
    if plan.deviations:
        parts.append(_plain("\nChanges from the recipes:", style="bold yellow"))
        parts.extend(_plain(f"  • {d}", style="yellow") for d in plan.deviations)
    if plan.assumptions:
        parts.append(_plain("\nAssumed:", style="bold"))
        parts.extend(_plain(f"  • {a}", style="dim") for a in plan.assumptions)
    if plan.bounds.get("summary"):
        parts.append(_plain(f"\n{plan.bounds['summary']}", style="dim"))
    return Panel(Group(*parts), title="ladle plan", border_style="green", padding=(0, 1))


_SERVED = {"hot": "hot", "warm": "warm", "room": "at room temperature", "cold": "cold"}


def _at_the_table(plan: Plan) -> list[str]:
    """Each dish: how and when it is served, and how long it waits after its heat."""
    lines = []
    for dish in plan.dishes:
        later = (dish.serve_at - plan.serve_at).total_seconds() / 60
        when = f"{dish.serve_at:%H:%M}" + (f" ({later:.0f} minutes after)" if later else "")
        line = f"{dish.recipe}: {_SERVED.get(dish.serving, dish.serving)} at {when}"
        waits = dish.waits_minutes
        if dish.kept_warm and dish.off_heat is not None:
            line += f", kept warm until {dish.off_heat:%H:%M}"
        elif dish.off_heat is not None and waits is not None:
            line += f", off the heat at {dish.off_heat:%H:%M} ({waits:.0f} minutes before)"
        lines.append(f"{line}; {dish.why}")
    return lines


def _part_of_day(moment: object) -> str:
    hour = getattr(moment, "hour", 12)
    if hour < 12:
        return "morning"
    if hour < 17:
        return "afternoon"
    return "evening"


def shopping_table(shopping: ShoppingList) -> RenderableType:
    """The shopping list: one table, aisle by aisle in store order, with where each item goes."""
    several = len(shopping.recipes) > 1
    number = {title: n for n, title in enumerate(shopping.recipes, start=1)}
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column(ratio=3)
    table.add_column(style="dim", ratio=3)
    if several:
        table.add_column(style="cyan", ratio=1, no_wrap=True)
    for aisle, items in shopping.by_aisle():
        table.add_row(_plain(aisle[0].upper() + aisle[1:], style="bold underline"))
        for item in items:
            row: list[RenderableType] = [
                _plain(item.text, style="dim" if item.optional else ""),
                _plain(item.note or ""),
            ]
            if several:
                used = sorted({number[u.recipe] for u in item.uses if u.recipe in number})
                row.append(_plain(" ".join(f"[{n}]" for n in used)))
            table.add_row(*row)
        table.add_row()
    head = _plain("For ", style="bold")
    head.append("; ".join(f"[{n}] {title}" for title, n in number.items()) if several
                else shopping.recipes[0] if shopping.recipes else "nothing")  # fmt: skip
    return Panel(Group(head, Text(), table), title="ladle shop", border_style="green")


_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def findings_panel(title: str, findings: Sequence[Finding]) -> RenderableType:
    """What the checker found in one recipe: where, what, and the fix, worst first."""
    if not findings:
        return Panel(
            _plain("Nothing to report.", style="green"), title=_plain(f"ladle check: {title}")
        )
    table = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    for finding in findings:
        body = _plain(finding.message)
        body.append("\nFix: ", style="dim bold")
        body.append(_clean(finding.fix), style="dim")
        table.add_row(
            _plain(finding.severity, style=_SEVERITY_STYLE[finding.severity]),
            _plain(finding.where),
            body,
        )
        table.add_row()
    tally = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    counts = ", ".join(f"{n} {s}{'' if n == 1 else 's'}" for s, n in tally.items() if n)
    worst = "red" if any(f.severity == "error" for f in findings) else "yellow"
    return Panel(table, title=_plain(f"ladle check: {title}"), subtitle=counts, border_style=worst)


def _span(start: datetime, end: datetime) -> str:
    """ "18:22–18:32", or with the day it ends on when that is another day ("18:32–Sun 18:32")."""
    if end.date() == start.date():
        return f"{start:%H:%M}–{end:%H:%M}"
    return f"{start:%H:%M}–{end:%a %H:%M}"
