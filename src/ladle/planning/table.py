"""The food on its way to the table: hot and warm dishes leave the heat shortly before their
course is served, steps nothing follows are done before serving, and raw meat, poultry and
fish wait at most two hours out of the refrigerator before they cook."""

from __future__ import annotations

from ladle.planning import reading
from ladle.planning.builder import Builder, is_heat, reachable
from ladle.planning.problem import Activity, After, OutOfFridge, Serve
from ladle.safety import raw_animal_food

__all__ = [
    "HOLDS",
    "HOT_BEFORE",
    "RAW_OUT",
    "SERVE_SLACK",
    "TABLE",
    "WARM_BEFORE",
    "chill_promptly",
    "done_before_serving",
    "hot_to_the_table",
    "raw_food",
]

HOT_BEFORE = 10  # hot food leaves the heat at most this long before the step that serves it
WARM_BEFORE = 40  # warm food (a cobbler, biscuits): at most this long
HOLDS = {"hot": HOT_BEFORE, "warm": WARM_BEFORE}  # servings that must not cool down first
TABLE = {"hot": 20, "warm": 45}  # minutes from the heat to the table, plating included
SERVE_SLACK = 5  # minutes beyond plating every dish one after another


RAW_OUT = 120  # minutes raw meat, poultry or fish may spend out of the refrigerator


def raw_food(builder: Builder) -> None:
    """Raw meat, poultry or fish waits out of the refrigerator at most two hours in all,
    from the first step that handles it to the start of its cooking."""
    recipe = builder.recipe
    raw = raw_animal_food(recipe.ingredients)
    chill_promptly(builder, bool(raw))
    if not raw:
        return
    first: Activity | None = None
    fridge: list[str] = []
    for activity in builder.activities:
        step = recipe.steps[activity.step - 1] if activity.step else None
        if first is None:
            if step is not None and raw & set(step.uses) and not is_heat(builder, activity.id):
                first = activity
                if activity.modes[0].fridge:  # "pat the wings dry and refrigerate overnight"
                    fridge.append(activity.id)
            continue
        if is_heat(builder, activity.id):
            food = next(recipe.ingredients[i].name or "" for i in sorted(raw))
            builder.out_of_fridge.append(
                OutOfFridge(first.id, activity.id, tuple(fridge), RAW_OUT, food)
            )
            return
        if activity.modes[0].fridge:
            fridge.append(activity.id)


def hot_to_the_table(builder: Builder, final: int, kind: str) -> str | None:
    """For a dish served hot or warm, every last cooking (one no other cooking follows) is
    done shortly before the step that serves it: within a few minutes (hot) or the better part
    of an hour (warm), plus the rests written in between. When the steps after its cooking
    alone take longer than that (a dessert assembled once the pearls are cooked), the dish
    cannot be served hot; the reason is returned."""
    if kind not in HOLDS:
        return None
    order = {activity.id: i for i, activity in enumerate(builder.activities)}
    by_id = {a.id: a for a in builder.activities}
    serving = (builder.first[final], builder.last[final])
    for heat in [a.id for a in builder.activities if is_heat(builder, a.id)]:
        later = reachable(builder, heat)
        chilled_after = any(
            a.modes[0].fridge and order[a.id] > order[heat] for a in builder.activities
        )
        if (
            heat in serving
            or chilled_after  # chilled after cooking
            or any(is_heat(builder, x) for x in later)  # the cooking goes on
        ):
            continue
        # the rests the recipe writes after the cooking, the serving step among them ("let
        # cool at least 30 minutes before serving" is a rest, not plating)
        resting = {
            a.id
            for a in builder.activities
            if (a.id in later or a.id in serving) and a.attention == "passive"
            and reading.REST.search(a.text) and not reading.heating(a.text)
        }  # fmt: skip
        rests = sum(by_id[a].modes[0].minutes[1] for a in resting)
        dish = by_id[heat].dish
        inside = {w.inner for w in builder.within if w.outer == heat}  # glazing as it roasts
        then = sum(
            by_id[a].modes[0].minutes[0]
            for a in later
            if a in by_id and a not in serving and a not in resting and a not in inside
            and by_id[a].dish == dish
        )  # fmt: skip
        # off the heat at most so long before its course is served, plating included; a
        # rest the recipe writes (a roast under foil) fits in it, with a few minutes to plate
        limit = max(TABLE[kind], rests + SERVE_SLACK)
        plating = sum(
            by_id[a].modes[0].minutes[0]
            for a in dict.fromkeys(serving)
            if a in by_id and a not in resting
        )
        if then + rests + plating > limit:
            return f"its steps after the cooking take {then} minutes"
        why = f"{dish} comes to the table {kind}"
        builder.serve.append(Serve(heat, limit, why, at=builder.at, plated=False))
        if any(
            r.before == heat and r.after in serving and r.max_gap is not None for r in builder.after
        ):
            continue
        builder.after.append(After(heat, serving[0], 0, HOLDS[kind] + rests, why))
    return None


def done_before_serving(builder: Builder, final: int, kind: str) -> None:
    """A step nothing follows (a roast resting while the gravy is made) is done before
    serving, shortly before if it holds food served hot or warm."""
    leads = {a.before for a in builder.after}
    for activity in builder.activities:
        if activity.id in leads or activity.id in (builder.first[final], builder.last[final]):
            continue
        hot = activity.id in builder.warm and kind in HOLDS
        why = f"{activity.dish} comes to the table {kind}" if hot else "done before serving"
        builder.after.append(
            After(activity.id, builder.first[final], 0, HOLDS[kind] if hot else None, why)
        )


def chill_promptly(builder: Builder, raw_meat: bool) -> None:
    """Cooked meat, poultry or fish goes into the refrigerator within two hours of coming off
    the heat (cooling on the counter included)."""
    if not raw_meat:
        return
    heat: Activity | None = None
    for activity in builder.activities:
        if is_heat(builder, activity.id):
            heat = activity
        elif heat is not None and activity.modes[0].fridge:
            builder.after.append(
                After(heat.id, activity.id, 0, RAW_OUT, "cooked food is chilled within 2 hours")
            )
            heat = None
