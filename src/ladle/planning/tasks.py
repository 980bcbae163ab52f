"""From recipes to the task graph: what each step asks of the cook, the oven and the clock.

Each step of a recipe becomes one or two activities:

- a step that waits (roasting, marinating, resting) is *passive*, with a couple of minutes of
  the cook at its start to put the food in or take it out; "Coat the pork in the marinade.
  Refrigerate for at least 30 minutes." is an active part (coating) and a passive part
  (refrigerating);
- a step that keeps the hands busy is *active*; with no time written, it gets a usual time for
  what it does (5 minutes to season, 10 to chop) and the plan lists that assumption;
- "Preheat the oven to 350°F" is not an activity: it sets the temperature of the oven steps of
  its dish that follow, and the planner schedules preheating itself.

Open-ended waits get sensible ends: marinating or chilling at most a day, resting a few
minutes longer than written ("rest at least 10 minutes" means 10 to 15). An oven step may use
a nearby temperature (±25°F, 10% less time per 25°F hotter, 10% more per 25°F cooler) unless
the plan is exact; a step the recipe's article also does in an air fryer, or any roasting of
small pieces when the kitchen has one, may use the air fryer.

Steps follow each other, except that "While the pork roasts, …" and "Meanwhile, …" run beside
the step before; "In the last 10 minutes of roasting, …" happens inside that roasting; the last
step (serving) ends at the serving time; and a dish's last cooking comes off the heat at most
10 minutes before the step that serves it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from ladle.attention import tending_of
from ladle.errors import RequestError
from ladle.model import Recipe, Step
from ladle.planning import reading
from ladle.planning.ahead import add_make_ahead
from ladle.planning.builder import (
    Builder,
    PlanOptions,
    dish_of_activity,
    is_heat,
    is_passive,
)
from ladle.planning.dishes import dish_labels
from ladle.planning.hold import add_holds
from ladle.planning.kitchen import Kitchen
from ladle.planning.methods_in_steps import choose, methods_in_steps, steps_span
from ladle.planning.modes import ideal, modes_of, pressure_cooks
from ladle.planning.problem import (
    Activity,
    After,
    Mode,
    Problem,
    Serve,
    Served,
    Within,
)
from ladle.planning.table import (
    HOT_BEFORE,
    SERVE_SLACK,
    done_before_serving,
    hot_to_the_table,
    raw_food,
)
from ladle.serving import serving_of
from ladle.steps import ingredients_in

__all__ = ["PlanOptions", "build_problem", "serving_window", "slug"]

SETUP = 2  # minutes of hands to put food in the oven, the fridge, on the stove
NEXT_WITHIN = 60  # minutes at most between two steps of a dish, unless the recipe allows more


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:6]) or "recipe"


# --- one recipe --------------------------------------------------------------------------------


def _add_step(builder: Builder, number: int, step: Step, oven_f: dict[str, int]) -> None:
    recipe = builder.recipe
    dish = builder.dish_of.get(number) or recipe.title
    text = step.text
    heat_f = reading.oven_temperature(step) or oven_f.get(dish) or oven_f.get("")
    before_cooking = reading.BEFORE_COOKING.search(text)
    boil = not step.durations and reading.TO_THE_BOIL.search(text)
    passive = step.attention == "passive" or bool(before_cooking or boil)
    bounds = reading.bounds_of(step, passive, text, builder.keeps)
    if before_cooking:  # out of the fridge: at least the time written, a little more is fine
        written = int(before_cooking.group("n"))
        bounds = (written, written + max(15, written // 2))
    elif boil:
        bounds = (reading.BOIL_MINUTES, reading.BOIL_MINUTES + 5)
        builder.assumptions.append(
            f"{recipe.title}, step {number}: no time given; planned as "
            f"{reading.BOIL_MINUTES} minutes for the water to heat"
        )
    if bounds is None and passive and not boil:
        untimed = reading.untimed_wait(text)
        if untimed is not None:
            bounds, what = untimed
            builder.assumptions.append(
                f"{recipe.title}, step {number}: no time given; planned as "
                f"{reading.span(bounds)} of {what}"
            )
    if bounds is not None and pressure_cooks(step):
        bounds, said = reading.pressure_time(text, bounds)
        passive = True
        if said:
            builder.assumptions.append(
                f"{recipe.title}, step {number}: the pressure cooker's time includes "
                + " and ".join(said)
            )
    if before_cooking and bounds is not None:
        _out_of_the_fridge(builder, number, text, dish, bounds)
        return
    if passive and bounds is not None:
        setup = 1 if boil else SETUP
        made = _passive(builder, number, step, bounds, heat_f=heat_f, dish=dish, setup=setup)
    elif bounds is not None:
        modes = modes_of(builder, step, bounds, heat_f, dish)
        made = [
            Activity(f"{builder.key}/{number}", dish, recipe.title, number, text, modes, "active")
        ]
    elif (ending := reading.trailing_wait(text)) is not None:
        made = _work_then_wait(builder, number, step, ending, dish)
    else:
        minutes, what = reading.active_minutes(text)
        builder.assumptions.append(
            f"{recipe.title}, step {number}: no time given; planned as {minutes} minutes of {what}"
        )
        modes = modes_of(builder, step, (minutes, minutes), heat_f, dish)
        made = [
            Activity(f"{builder.key}/{number}", dish, recipe.title, number, text, modes, "active")
        ]
    _added(builder, number, made, dish, text)


def _work_then_wait(
    builder: Builder, number: int, step: Step, parts: tuple[str, str], dish: str
) -> list[Activity]:
    """ "Beat the frosting, then chill completely": the work, then the wait, each with the
    time a kitchen takes for it (both listed as assumptions)."""
    base, title = f"{builder.key}/{number}", builder.recipe.title
    work, wait = parts
    minutes, what = reading.active_minutes(work)
    untimed = reading.untimed_wait(wait)
    assert untimed is not None
    bounds, waiting = untimed
    builder.assumptions.append(
        f"{title}, step {number}: no time given; planned as {minutes} minutes of {what}, "
        f"then {reading.span(bounds)} of {waiting}"
    )
    cold = bool(re.search(r"\b(?:chill|refrigerat|freez)", wait, re.I))
    wait = wait[:1].upper() + wait[1:].rstrip(".") + "."
    first = Activity(f"{base}a", dish, title, number, work, [Mode((minutes, minutes))], "active")
    second = Activity(
        f"{base}b", dish, title, number, wait, [Mode(bounds, fridge=cold)], "passive", setup=1
    )
    builder.after.append(After(first.id, second.id, 0, 5, "one step"))
    return [first, second]


def _out_of_the_fridge(
    builder: Builder, number: int, text: str, dish: str, bounds: tuple[int, int]
) -> None:
    """Out of the fridge, then on with the rest while it warms up; the wait ends as the
    cooking begins."""
    base, title = f"{builder.key}/{number}", builder.recipe.title
    take = Activity(f"{base}a", dish, title, number, text, [Mode((1, 1))], "active")
    wait = Activity(
        f"{base}b",
        dish,
        title,
        number,
        f"Leave the {dish} out until it goes on to cook.",
        [Mode(bounds)],
        "passive",
        setup=0,
    )
    builder.activities += [take, wait]
    builder.after.append(After(take.id, wait.id, 0, 0, "one step"))
    builder.first[number] = builder.last[number] = take.id
    builder.waiting = wait.id
    builder.previous = take.id


def _passive(
    builder: Builder,
    number: int,
    step: Step,
    bounds: tuple[int, int],
    *,
    heat_f: int | None,
    dish: str,
    setup: int,
) -> list[Activity]:
    """A waiting step; "mix …, then chill for 2 hours" is a moment's work and then the wait."""
    base, title, text = f"{builder.key}/{number}", builder.recipe.title, step.text
    modes = modes_of(builder, step, bounds, heat_f, dish)
    split = reading.split_wait(text)
    if split and bounds[1] >= 30 and not reading.heating(split[0]):
        active_minutes, what = reading.active_minutes(split[0])
        builder.assumptions.append(
            f"{title}, step {number}: no time for {split[0][:40].rstrip()!r}; "
            f"planned as {active_minutes} minutes of {what}"
        )
        first = Activity(
            f"{base}a", dish, title, number, split[0], [Mode((active_minutes, active_minutes))],
            "active",
        )  # fmt: skip
        second = Activity(f"{base}b", dish, title, number, split[1], modes, "passive", setup=1)
        ideal(builder, second, text)
        builder.after.append(After(first.id, second.id, 0, 5, "one step"))
        return [first, second]
    activity = Activity(base, dish, title, number, text, modes, "passive", setup=setup)
    ideal(builder, activity, text)
    return [activity]


def _added(builder: Builder, number: int, made: list[Activity], dish: str, text: str) -> None:
    """Record a step's activities: its first and last, the heat its dish is on, warmth, and
    how its hands-on work holds the cook (food on a heat is tended now and then)."""
    for activity in made:
        if activity.attention == "active":
            first = activity.modes[0]
            heat = "on" if first.oven or first.burner or first.appliance else None
            activity.tending = tending_of(activity.text, heat)
    builder.activities += made
    builder.first[number], builder.last[number] = made[0].id, made[-1].id
    mode = made[-1].modes[0]
    resting = (
        made[-1].attention == "passive"
        and not (mode.oven or mode.burner or mode.appliance or mode.fridge)
        and reading.REST.search(text)
        and builder.heat_of_dish.get(dish) == builder.previous
    )
    if mode.oven or mode.burner or mode.appliance:
        builder.heat_of_dish[dish] = made[-1].id
    if mode.oven or mode.burner or mode.appliance or resting:
        builder.warm.add(made[-1].id)  # a roast resting under foil stays hot
    builder.on_burner = mode.burner
    if mode.appliance or mode.oven or mode.burner:
        builder.in_appliance = mode.appliance
    builder.previous = made[-1].id


def _recipe(builder: Builder, serve_step: bool) -> None:
    recipe = builder.recipe
    steps = list(enumerate(recipe.steps, start=1))
    _dishes(builder, steps)
    oven_f: dict[str, int] = {}
    previous: int | None = None
    chain: list[int] = []
    after_the_meal = _keeping_notes(builder, steps) | _other_methods(builder)
    for number, written in steps:
        if number in after_the_meal:
            continue
        dish = builder.dish_of.get(number, "")
        prepared = reading.prepare(written)
        if prepared.preheat_f:
            oven_f[dish] = prepared.preheat_f
            oven_f.setdefault("", prepared.preheat_f)
        if prepared.step is None:
            continue
        step = prepared.step
        builder.keeps = prepared.keeps
        builder.kept[number] = prepared.keeps
        earlier = dict(builder.heat_of_dish)  # the cookings before this step's own
        _add_step(builder, number, step, oven_f)
        _link(builder, number, step, dish=dish, previous=previous, chain=chain, earlier=earlier)
        chain.append(number)
        previous = number
    _cool_before_cutting(builder)
    _label(builder)
    raw_food(builder)
    if not chain:
        raise RequestError(
            f"{recipe.title!r} has no steps to plan", where="plan", hint="give the recipe its steps"
        )
    final = chain[-1]
    cools = hot_to_the_table(builder, final, builder.serving)
    if cools is not None:
        builder.serving, builder.serving_why = "room", cools
    done_before_serving(builder, final, builder.serving)
    if serve_step:
        builder.serve.append(Serve(builder.last[final], 0, "the meal is served", at=builder.at))


def _keeping_notes(builder: Builder, steps: Sequence[tuple[int, Step]]) -> set[int]:
    """The last steps that only say how to keep or reheat the dish: advice for after the meal,
    not planned (the first step always is)."""
    notes: set[int] = set()
    for number, step in reversed(steps[1:]):
        if not reading.keeping_note(step):
            break
        notes.add(number)
        builder.assumptions.append(
            f"{builder.recipe.title}, step {number}: how to keep or reheat it, for after the "
            "meal; not planned"
        )
    return notes


def _other_methods(builder: Builder) -> set[int]:
    """The steps of the methods not cooked by, where the steps give two ("Instant Pot: …",
    "Slow cooker: …"): the one asked for, else one the kitchen has, else the first."""
    methods = methods_in_steps(builder.recipe.steps)
    if not methods:
        return set()
    kitchen = builder.kitchen if builder.kitchen_file else None
    chosen, why = choose(methods, builder.options.methods, kitchen)
    others = [m for m in methods if m is not chosen]
    builder.assumptions.append(
        f"{builder.recipe.title}: cooked by the {chosen.name} method ({why}); "
        + "; ".join(f"{steps_span(m.steps)}, the {m.name} method, not planned" for m in others)
    )
    return {number for m in others for number in m.steps}


_CUTS = re.compile(
    r"^\W*(?:then\s+)?(?:trim|cut|slice|frost|ice|fill|sandwich|decorate|level|split|glaze|"
    r"spread)\w*\b",
    re.I,
)
_BAKED = re.compile(r"\b(?:cakes?|pies?|tarts?|brownies?|bars?|loa(?:f|ves)|bread|cheesecakes?|"
                    r"layers?|sponges?|crusts?)\b", re.I)  # fmt: skip
COOL_BEFORE_CUTTING = 60  # minutes a cake or pie cools before it is cut, filled or frosted


def _cool_before_cutting(builder: Builder) -> None:
    """A cake, pie or loaf out of the oven cools before it is cut, trimmed, filled or frosted:
    an hour in all, counting the cooling the recipe writes, unless it says otherwise."""
    baked: Activity | None = None
    cooling: Activity | None = None
    cooled = 0
    for activity in list(builder.activities):
        mode = activity.modes[0]
        if mode.oven is not None:
            baked, cooled, cooling = activity, 0, None
            continue
        if baked is None:
            continue
        if activity.attention == "passive" and not (mode.burner or mode.appliance):
            cooled += activity.modes[0].minutes[0]
            cooling = activity
            continue
        if not (_CUTS.search(activity.text) and _BAKED.search(activity.text + " " + baked.text)):
            continue
        wait = COOL_BEFORE_CUTTING - cooled
        if wait > 0 and cooling is not None:  # the cooling written goes on as long as needed
            low, high = cooling.modes[0].minutes
            cooling.modes = [
                replace(m, minutes=(low, max(high, low + wait))) for m in cooling.modes
            ]
        if wait > 0:
            builder.after.append(
                After(
                    baked.id, activity.id, COOL_BEFORE_CUTTING, None,
                    "cools before it is cut or frosted",
                )
            )  # fmt: skip
            builder.assumptions.append(
                f"{builder.recipe.title}, step {activity.step}: what came out of the oven "
                f"cools {COOL_BEFORE_CUTTING} minutes in all before this"
            )
        baked = None


def _label(builder: Builder) -> None:
    """Each activity's dish as a cook calls it (the recipe's title, or a part of it), keeping
    the food it is about for what follows (making it ahead)."""
    foods = [a.dish for a in builder.activities]
    heated = [a.dish for a in builder.activities if is_heat(builder, a.id)]
    labels = dish_labels(builder.recipe.title, foods, heated)
    for activity in builder.activities:
        activity.food = activity.dish
        activity.dish = labels.get(activity.dish, activity.dish)


def _dishes(builder: Builder, steps: list[tuple[int, Step]]) -> None:
    """Which food each step is about; a step about none (preheating) takes the next step's."""
    for number, step in steps:
        dish = reading.dish_of_step(builder.recipe, step)
        if dish:
            builder.dish_of[number] = dish
    for number, _ in reversed(steps):
        if number not in builder.dish_of and number + 1 in builder.dish_of:
            builder.dish_of[number] = builder.dish_of[number + 1]


def _link(
    builder: Builder,
    number: int,
    step: Step,
    *,
    dish: str,
    previous: int | None,
    chain: list[int],
    earlier: Mapping[str, str],
) -> None:
    """How a step follows the steps before it: in the last minutes of a cooking, alongside
    one ("While the pork roasts, …"), after the step before, after the cooking of its food
    and of the cooked parts it uses (``earlier``: each food's last cooking before this step)."""
    if builder.waiting is not None and is_heat(builder, builder.first[number]):
        builder.after.append(After(builder.waiting, builder.first[number], 0, 5, "before cooking"))
        builder.waiting = None
    relation = step.relation  # worked out once, by the understanding (ladle.timing)
    last = relation.kind == "within_last" and relation.minutes is not None
    if (
        last
        and dish in builder.heat_of_dish
        and builder.heat_of_dish[dish] != builder.first[number]
    ):
        builder.within.append(
            Within(
                builder.heat_of_dish[dish],
                builder.first[number],
                int(relation.minutes or 0),
                "in the last minutes of the cooking it names",
            )
        )
    elif relation.kind == "alongside" and len(chain) >= 2:
        # "While the pork is roasting, …": beside that roasting, after what came before it
        during = _during(builder, step.text)
        before = builder.pred_of.get(during) if during else None
        builder.after.append(
            After(
                before or builder.last[chain[-2]],
                builder.first[number],
                0,
                None,
                "alongside the step before",
            )
        )
    elif previous is not None:
        # the food waits inside a passive step (its time stretches), not between steps
        # and the next step follows soon: chopped vegetables and mixed batter wait an hour at
        # most, unless the recipe says the step before keeps longer ("up to 2 days ahead")
        gap = NEXT_WITHIN
        if builder.kept.get(previous):
            gap = max(gap, builder.kept[previous] or 0)
        if _prompt(builder, builder.last[previous], builder.first[number]):
            gap = 5
        builder.after.append(
            After(builder.last[previous], builder.first[number], 0, gap, "the step before")
        )
    # A step about food cooked earlier follows that cooking, promptly if it is hot, even when
    # the step cooks it again ("drain the lentils and add them to the sauce").
    heat = earlier.get(dish)
    handled = heat is not None and any(a.before == heat for a in builder.after)
    if heat and not last and not handled:  # the first handling after it
        builder.after.append(
            After(heat, builder.first[number], 0, HOT_BEFORE, "comes off the heat")
        )
    if not last and relation.kind != "alongside":
        _cooked_again(builder, number, step, earlier)
    if previous is not None and not last:
        builder.pred_of.setdefault(builder.first[number], builder.last[previous])
    mode = builder.activities[-1].modes[0]
    if (mode.oven or mode.burner or mode.appliance) and dish:
        builder.first_heat_of_dish.setdefault(dish, builder.last[number])


def _cooked_again(builder: Builder, number: int, step: Step, earlier: Mapping[str, str]) -> None:
    """A part cooked earlier that this step cooks again (boiled lentils simmered in the
    sauce) is not served by itself: the first step after its cooking, it follows that cooking
    within the hour food waits between steps, and so that cooking is not the dish's last."""
    if not is_heat(builder, builder.last[number]):
        return
    first = builder.first[number]
    names = {builder.recipe.ingredients[i].name or "" for i in step.uses}
    names |= {builder.recipe.ingredients[i].text for i in step.uses}
    for food, heat in earlier.items():
        if food not in names or any(a.before == heat for a in builder.after):
            continue  # not a part it uses, or one whose cooking another step follows
        builder.after.append(After(heat, first, 0, NEXT_WITHIN, "a part cooked before"))


def _during(builder: Builder, text: str) -> str | None:
    """The cooking a "While the pork is roasting" clause names: that food's first heat step."""
    clause = text.split(",", 1)[0]
    for index in ingredients_in(clause, builder.recipe.ingredients):
        name = builder.recipe.ingredients[index].name or ""
        if name in builder.first_heat_of_dish:
            return builder.first_heat_of_dish[name]
    return None


def _prompt(builder: Builder, before: str, after: str) -> bool:
    """Whether ``after`` must follow ``before`` within minutes: food waits inside a passive
    step (its time stretches) rather than between steps; food on the heat goes on cooking;
    a touch between two cookings ("glaze, then back into the oven") is quick."""
    if is_passive(builder, before) or (is_heat(builder, before) and is_heat(builder, after)):
        return True
    earlier = builder.pred_of.get(before)
    return (
        is_heat(builder, after)
        and earlier is not None
        and is_heat(builder, earlier)
        and dish_of_activity(builder, earlier) == dish_of_activity(builder, after)
    )


def serving_window(plating: Sequence[int], cooks: int) -> int:
    """Minutes before serving in which the dishes may be plated: one after another by the
    cooks there are, the last at the serving time, with a few minutes to spare."""
    if not plating:
        return 0
    rest = sum(sorted(plating)[1:])
    return -(-rest // max(1, cooks)) + SERVE_SLACK


def _assume_appliances(problem: Problem) -> None:
    """With no kitchen file, the kitchen has each appliance a recipe cooks in as written (the
    cook who picked a pressure-cooker recipe has one); the plan says so."""
    needed: dict[str, str] = {}
    for activity in problem.activities:
        name = activity.modes[0].appliance
        if name and not problem.kitchen.has(name):
            needed.setdefault(name, activity.recipe)
    if not needed:
        return
    problem.kitchen = replace(
        problem.kitchen, appliances=(*problem.kitchen.appliances, *sorted(needed))
    )
    for name in sorted(needed):
        problem.assumptions.append(
            f"No kitchen file: a {name} is assumed, as {needed[name]} cooks in one "
            "(--kitchen names what you have)"
        )


def build_problem(
    recipes: Sequence[Recipe],
    serve_at: datetime,
    kitchen: Kitchen | None = None,
    options: PlanOptions | None = None,
    earliest: datetime | None = None,
    *,
    serving: Mapping[int, str] | None = None,
    after: Mapping[int, int] | None = None,
) -> Problem:
    """The task graph for a meal of several recipes served together at ``serve_at``.

    ``serving`` overrides how a recipe (by its index) comes to the table (``hot``, ``warm``,
    ``room``, ``cold``; else ``ladle.serving`` works it out); ``after`` serves a recipe that
    many minutes after the others (a dessert 45)."""
    serving, after = serving or {}, after or {}
    options = options or PlanOptions()
    assumed = kitchen is None  # no kitchen file: the appliances the recipes call for are there
    kitchen = kitchen or Kitchen()
    problem = Problem(serve_at=serve_at, kitchen=kitchen, earliest=earliest)
    keys: set[str] = set()
    for index, recipe in enumerate(recipes):
        key = slug(recipe.title)
        while key in keys:
            key += "-2"
        keys.add(key)
        builder = Builder(reading.with_methods(recipe, options.methods), kitchen, options, key)
        builder.kitchen_file = not assumed
        found = serving_of(recipe)
        kind: str = found.kind
        why = found.why
        if index in serving:
            kind, why = serving[index], "as you asked"
        builder.serving, builder.serving_why = kind, why
        builder.at = int(after.get(index, 0))
        _recipe(builder, serve_step=True)
        problem.served.append(
            Served(key, recipe.title, builder.serving, builder.serving_why, builder.at)
        )
        problem.activities += builder.activities
        problem.after += builder.after
        problem.within += builder.within
        problem.serve += builder.serve
        problem.out_of_fridge += builder.out_of_fridge
        problem.assumptions += builder.assumptions
        add_make_ahead(problem, builder.recipe, key)
    add_holds(problem)
    if assumed:
        _assume_appliances(problem)
    # A cook plates one dish at a time: the dishes reach the table one after another, the
    # last at the serving time, with a few minutes to spare for whatever else is going on.
    # Only hands-on work takes the cook's time: a dessert chilling until it is served or a
    # soup in its slow cooker reaches the table at the serving time, whatever it lasts.
    minutes = {
        a.id: a.modes[0].minutes[0] if a.attention == "active" else 0 for a in problem.activities
    }
    windows = {
        at: serving_window(
            [minutes[s.activity] for s in problem.serve if s.at == at and s.plated],
            problem.kitchen.cooks,
        )
        for at in {s.at for s in problem.serve}
    }  # each course is plated in its own window
    problem.serve = [
        replace(serve, max_before=windows[serve.at]) if serve.plated else serve
        for serve in problem.serve
    ]
    return problem
