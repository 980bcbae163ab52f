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
from dataclasses import dataclass, field, replace
from datetime import datetime

from ladle.attention import tending_of
from ladle.errors import RequestError
from ladle.model import Recipe, Step
from ladle.planning import reading
from ladle.planning.ahead import add_make_ahead
from ladle.planning.dishes import dish_labels
from ladle.planning.kitchen import Kitchen
from ladle.planning.problem import (
    Activity,
    After,
    Mode,
    OutOfFridge,
    OvenUse,
    Problem,
    Serve,
    Served,
    Within,
)
from ladle.serving import serving_of
from ladle.steps import ingredients_in
from ladle.words import food_class

__all__ = ["PlanOptions", "build_problem", "serving_window", "slug"]

SETUP = 2  # minutes of hands to put food in the oven, the fridge, on the stove
HOT_BEFORE = 10  # hot food leaves the heat at most this long before the step that serves it
WARM_BEFORE = 40  # warm food (a cobbler, biscuits): at most this long
HOLDS = {"hot": HOT_BEFORE, "warm": WARM_BEFORE}  # servings that must not cool down first
TABLE = {"hot": 20, "warm": 45}  # minutes from the heat to the table, plating included
SERVE_SLACK = 5  # minutes beyond plating every dish one after another
NEXT_WITHIN = 60  # minutes at most between two steps of a dish, unless the recipe allows more


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """How freely the planner may depart from the recipes."""

    exact: bool = False  # no temperature or method substitutions
    methods: tuple[str, ...] = ()  # names of the article's methods to cook by
    flexible_f: int = reading.STEP_F


def slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:6]) or "recipe"


# --- one recipe --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Builder:
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
    at: int = 0  # minutes after the meal's serving time it is served


def _nearby(builder: _Builder, fahrenheit: int) -> list[int]:
    """Other temperatures an oven step may use: a step either way, and any temperature another
    dish of the meal is written at, within a step of this one (392°F roasts fine at 400°F)."""
    step_f = builder.options.flexible_f
    near = {fahrenheit - step_f, fahrenheit + step_f}
    near |= {f for f in builder.meal_f if abs(f - fahrenheit) <= step_f}
    return sorted(near - {fahrenheit})


def _modes(
    builder: _Builder, step: Step, minutes: tuple[int, int], fahrenheit: int | None, dish: str
) -> list[Mode]:
    """How a step may be done. What heats it is the understanding's (``Step.heat``): an oven,
    a burner, or an appliance of the kitchen (pressure and slow cookers, grills, fryers); a
    step that names an appliance happens in it, and cooking on in it ("cook on low for 6
    hours") stays in the one the step before used."""
    text = step.text
    equipment = set(step.equipment)
    heat = step.heat
    heating = heat is not None or reading.heating(text)
    appliance = next((e for e in step.equipment if e in reading.APPLIANCES), None)
    if appliance is None and heat in reading.APPLIANCES:
        appliance = heat
    if appliance is None and builder.in_appliance and heating and heat in (None, "stove"):
        appliance = builder.in_appliance
    if appliance is not None:
        return [Mode(minutes, appliance=appliance)]
    if fahrenheit is not None and ("oven" in equipment or heat == "oven") and heating:
        modes = [Mode(minutes, oven=OvenUse(fahrenheit))]
        if not builder.options.exact:
            for used in _nearby(builder, fahrenheit):
                scaled = reading.scaled(minutes, fahrenheit, used)
                modes.append(
                    Mode(
                        scaled,
                        oven=OvenUse(used),
                        deviation=f"{dish}: {used}°F for {reading.span(scaled)} instead of "
                        f"{fahrenheit}°F for {reading.span(minutes)}",
                    )
                )
            modes.extend(_air_fryer(builder, minutes, fahrenheit, dish))
        return modes
    if heat == "stove" or (equipment & reading.STOVE and heating):
        return [Mode(minutes, burner=True)]
    if (
        builder.on_burner
        and "oven" not in equipment
        and reading.GOES_ON.search(reading.NOT_HEATING.sub(" ", text))
    ):
        return [Mode(minutes, burner=True)]  # on in the pan the step before put on the stove
    if "refrigerator" in equipment or (reading.FRIDGE.search(text) and minutes[1] >= 60):
        return [Mode(minutes, fridge=True)]
    return [Mode(minutes)]


def _air_fryer(
    builder: _Builder, minutes: tuple[int, int], fahrenheit: int, dish: str
) -> list[Mode]:
    """The air fryer for a roast: the article's own air-fryer method for this food, else the
    usual rule (25°F cooler, a fifth less time) for small pieces such as vegetables. Offered
    even in a kitchen without one: the solver leaves it out, and an explanation may suggest
    it."""
    for variant in builder.recipe.variants:
        if variant.kind != "method" or "air fryer" not in variant.name.lower():
            continue
        for step in variant.steps:
            if (
                step.durations
                and step.temperatures
                and reading.variant_dish(builder.recipe, variant) in (dish, None)
            ):
                low = round(step.durations[0].min_minutes)
                high = round(step.durations[0].max_minutes or low)
                used = round(step.temperatures[0].fahrenheit)
                return [
                    Mode(
                        (low, high),
                        appliance="air fryer",
                        deviation=f"{dish}: in the air fryer at {used}°F for "
                        f"{reading.span((low, high))}, as the article says",
                    )
                ]
    if food_class("meat_or_fish").search(dish):
        return []
    low, high = max(1, round(minutes[0] * 0.8)), max(1, round(minutes[1] * 0.8))
    return [
        Mode(
            (low, high),
            appliance="air fryer",
            deviation=f"{dish}: in the air fryer at {fahrenheit - 25}°F for "
            f"{reading.span((low, high))} instead of the oven",
        )
    ]


_WAIT_VERB = re.compile(
    r"\b(marinat|chill|refrigerat|rest|dry|proo?f|prove|rise|soak|brine|cure)", re.I
)


def _ideal(builder: _Builder, activity: Activity, text: str) -> None:
    """What the article around the recipe says is the best wait for this step, if anything:
    "Marinate for at least 4 hours; overnight is better." The recipe's own time stays the
    rule; the article's becomes the plan's preference."""
    mode = activity.modes[0]
    if mode.oven or mode.burner or mode.appliance:
        return  # a cooking, not a wait
    stems = {m.group(1).lower()[:5] for m in _WAIT_VERB.finditer(text)}
    if re.search(r"\b(?:mixture|marinade|coat)", text, re.I):
        stems.add("marin")  # coating in a mixture and leaving it in the fridge is marinating
    if not stems or activity.modes[0].minutes[1] < 60:
        return
    for variant in builder.recipe.variants:
        if variant.kind not in {"technique", "method"}:
            continue
        for step in variant.steps:
            here = (step.text + " " + variant.name).lower()
            if not any(stem in here for stem in stems):
                continue
            longest = max((d.min_minutes for d in step.durations), default=0)
            if longest > activity.modes[0].minutes[0]:
                ideal = min(round(longest), activity.modes[0].minutes[1])
                activity.ideal = ideal
                activity.overnight = any("overnight" in d.text.lower() for d in step.durations)
                best = "overnight is best" if activity.overnight else f"{ideal} minutes are best"
                builder.assumptions.append(
                    f"{builder.recipe.title}, step {activity.step}: the article says {best} "
                    "for this wait; the plan aims for it where it can"
                )
                return


def _add_step(builder: _Builder, number: int, step: Step, oven_f: dict[str, int]) -> None:
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
    if bounds is not None and _pressure_cooks(step):
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
        modes = _modes(builder, step, bounds, heat_f, dish)
        made = [
            Activity(f"{builder.key}/{number}", dish, recipe.title, number, text, modes, "active")
        ]
    else:
        minutes, what = reading.active_minutes(text)
        builder.assumptions.append(
            f"{recipe.title}, step {number}: no time given; planned as {minutes} minutes of {what}"
        )
        modes = _modes(builder, step, (minutes, minutes), heat_f, dish)
        made = [
            Activity(f"{builder.key}/{number}", dish, recipe.title, number, text, modes, "active")
        ]
    _added(builder, number, made, dish, text)


_UNDER_PRESSURE = re.compile(r"\b(?:high|low|full)\s+pressure\b|\bpressure[- ]cook", re.I)


def _pressure_cooks(step: Step) -> bool:
    """The step cooks under pressure (not the sauté setting of the same pot)."""
    in_it = step.heat == "pressure cooker" or "pressure cooker" in step.equipment
    return in_it and bool(_UNDER_PRESSURE.search(step.text))


def _out_of_the_fridge(
    builder: _Builder, number: int, text: str, dish: str, bounds: tuple[int, int]
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
    builder: _Builder,
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
    modes = _modes(builder, step, bounds, heat_f, dish)
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
        _ideal(builder, second, text)
        builder.after.append(After(first.id, second.id, 0, 5, "one step"))
        return [first, second]
    activity = Activity(base, dish, title, number, text, modes, "passive", setup=setup)
    _ideal(builder, activity, text)
    return [activity]


def _added(builder: _Builder, number: int, made: list[Activity], dish: str, text: str) -> None:
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


def _recipe(builder: _Builder, serve_step: bool) -> None:
    recipe = builder.recipe
    steps = list(enumerate(recipe.steps, start=1))
    _dishes(builder, steps)
    oven_f: dict[str, int] = {}
    previous: int | None = None
    chain: list[int] = []
    for number, written in steps:
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
        _add_step(builder, number, step, oven_f)
        _link(builder, number, step, dish=dish, previous=previous, chain=chain)
        chain.append(number)
        previous = number
    _label(builder)
    _raw_food(builder)
    if not chain:
        raise RequestError(
            f"{recipe.title!r} has no steps to plan", where="plan", hint="give the recipe its steps"
        )
    final = chain[-1]
    kind = builder.serving
    _hot_to_the_table(builder, final, kind)
    _done_before_serving(builder, final, kind)
    if serve_step:
        builder.serve.append(Serve(builder.last[final], 0, "the meal is served", at=builder.at))


_NOT_RAW = re.compile(
    r"\b(?:cooked|smoked|cured|canned|tinned|rotisserie|leftover|broth|stock|bouillon|"
    r"sauce|powder|paste|fat|drippings|gelatin|eggs?|jerky|salami|pepperoni|prosciutto)\b",
    re.I,
)
RAW_OUT = 120  # minutes raw meat, poultry or fish may spend out of the refrigerator


def _raw_food(builder: _Builder) -> None:
    """Raw meat, poultry or fish waits out of the refrigerator at most two hours in all,
    from the first step that handles it to the start of its cooking."""
    recipe = builder.recipe
    meat = food_class("meat_or_fish")
    raw = {
        i
        for i, ingredient in enumerate(recipe.ingredients)
        if meat.search(ingredient.name or "") and not _NOT_RAW.search(ingredient.text)
    }
    if not raw:
        return
    first: Activity | None = None
    fridge: list[str] = []
    for activity in builder.activities:
        step = recipe.steps[activity.step - 1] if activity.step else None
        if first is None:
            if step is not None and raw & set(step.uses) and not _is_heat(builder, activity.id):
                first = activity
                if activity.modes[0].fridge:  # "pat the wings dry and refrigerate overnight"
                    fridge.append(activity.id)
            continue
        if _is_heat(builder, activity.id):
            food = next(recipe.ingredients[i].name or "" for i in sorted(raw))
            builder.out_of_fridge.append(
                OutOfFridge(first.id, activity.id, tuple(fridge), RAW_OUT, food)
            )
            return
        if activity.modes[0].fridge:
            fridge.append(activity.id)


def _label(builder: _Builder) -> None:
    """Each activity's dish as a cook calls it (the recipe's title, or a part of it), keeping
    the food it is about for what follows (making it ahead)."""
    foods = [a.dish for a in builder.activities]
    heated = [a.dish for a in builder.activities if _is_heat(builder, a.id)]
    labels = dish_labels(builder.recipe.title, foods, heated)
    for activity in builder.activities:
        activity.food = activity.dish
        activity.dish = labels.get(activity.dish, activity.dish)


def _dishes(builder: _Builder, steps: list[tuple[int, Step]]) -> None:
    """Which food each step is about; a step about none (preheating) takes the next step's."""
    for number, step in steps:
        dish = reading.dish_of_step(builder.recipe, step)
        if dish:
            builder.dish_of[number] = dish
    for number, _ in reversed(steps):
        if number not in builder.dish_of and number + 1 in builder.dish_of:
            builder.dish_of[number] = builder.dish_of[number + 1]


def _link(
    builder: _Builder, number: int, step: Step, *, dish: str, previous: int | None, chain: list[int]
) -> None:
    """How a step follows the steps before it: in the last minutes of a cooking, alongside
    one ("While the pork roasts, …"), after the step before, after its food's cooking."""
    if builder.waiting is not None and _is_heat(builder, builder.first[number]):
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
    # A step about food cooked earlier follows that cooking, promptly if it is hot.
    heat = builder.heat_of_dish.get(dish)
    handled = heat is not None and any(a.before == heat for a in builder.after)
    mine = (builder.first[number], builder.last[number])
    if heat and heat not in mine and not last and not handled:  # the first handling after it
        builder.after.append(
            After(heat, builder.first[number], 0, HOT_BEFORE, "comes off the heat")
        )
    if previous is not None and not last:
        builder.pred_of.setdefault(builder.first[number], builder.last[previous])
    mode = builder.activities[-1].modes[0]
    if (mode.oven or mode.burner or mode.appliance) and dish:
        builder.first_heat_of_dish.setdefault(dish, builder.last[number])


def _hot_to_the_table(builder: _Builder, final: int, kind: str) -> None:
    """For a dish served hot or warm, every last cooking (one no other cooking follows) is
    done shortly before the step that serves it: within a few minutes (hot) or the better part
    of an hour (warm), plus the rests written in between."""
    cold_serve = kind not in HOLDS
    order = {activity.id: i for i, activity in enumerate(builder.activities)}
    serving = (builder.first[final], builder.last[final])
    for heat in [a.id for a in builder.activities if _is_heat(builder, a.id)]:
        later = _reachable(builder, heat)
        chilled_after = any(
            a.modes[0].fridge and order[a.id] > order[heat] for a in builder.activities
        )
        if (
            heat in serving
            or cold_serve  # served cold
            or chilled_after  # chilled after cooking
            or any(_is_heat(builder, x) for x in later)  # the cooking goes on
            or any(
                r.before == heat and r.after in serving and r.max_gap is not None
                for r in builder.after
            )
        ):
            continue
        rests = sum(
            a.modes[0].minutes[1]
            for a in builder.activities
            if a.id in later and a.id not in serving and a.attention == "passive"
            and reading.REST.search(a.text) and not reading.heating(a.text)
        )  # fmt: skip
        dish = next(a.dish for a in builder.activities if a.id == heat)
        why = f"{dish} comes to the table {kind}"
        builder.after.append(After(heat, serving[0], 0, HOLDS[kind] + rests, why))
        # and off the heat at most so long before its course is served, plating included
        builder.serve.append(Serve(heat, TABLE[kind] + rests, why, at=builder.at, plated=False))


def _done_before_serving(builder: _Builder, final: int, kind: str) -> None:
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


def _reachable(builder: _Builder, start: str) -> set[str]:
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


def _during(builder: _Builder, text: str) -> str | None:
    """The cooking a "While the pork is roasting" clause names: that food's first heat step."""
    clause = text.split(",", 1)[0]
    for index in ingredients_in(clause, builder.recipe.ingredients):
        name = builder.recipe.ingredients[index].name or ""
        if name in builder.first_heat_of_dish:
            return builder.first_heat_of_dish[name]
    return None


def _prompt(builder: _Builder, before: str, after: str) -> bool:
    """Whether ``after`` must follow ``before`` within minutes: food waits inside a passive
    step (its time stretches) rather than between steps; food on the heat goes on cooking;
    a touch between two cookings ("glaze, then back into the oven") is quick."""
    if _is_passive(builder, before) or (_is_heat(builder, before) and _is_heat(builder, after)):
        return True
    earlier = builder.pred_of.get(before)
    return (
        _is_heat(builder, after)
        and earlier is not None
        and _is_heat(builder, earlier)
        and _dish_of(builder, earlier) == _dish_of(builder, after)
    )


def _dish_of(builder: _Builder, activity_id: str) -> str | None:
    return next((a.dish for a in builder.activities if a.id == activity_id), None)


def _is_passive(builder: _Builder, activity_id: str) -> bool:
    return any(a.id == activity_id and a.attention == "passive" for a in builder.activities)


def _is_heat(builder: _Builder, activity_id: str) -> bool:
    for activity in builder.activities:
        if activity.id == activity_id:
            mode = activity.modes[0]
            return bool(mode.oven or mode.burner or mode.appliance)
    return False


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
        builder = _Builder(reading.with_methods(recipe, options.methods), kitchen, options, key)
        found = serving_of(recipe)
        kind: str = found.kind
        why = found.why
        if index in serving:
            kind, why = serving[index], "as you asked"
        builder.serving, builder.at = kind, int(after.get(index, 0))
        problem.served.append(Served(key, recipe.title, kind, why, builder.at))
        _recipe(builder, serve_step=True)
        problem.activities += builder.activities
        problem.after += builder.after
        problem.within += builder.within
        problem.serve += builder.serve
        problem.out_of_fridge += builder.out_of_fridge
        problem.assumptions += builder.assumptions
        add_make_ahead(problem, builder.recipe, key)
    if assumed:
        _assume_appliances(problem)
    # A cook plates one dish at a time: the dishes reach the table one after another, the
    # last at the serving time, with a few minutes to spare for whatever else is going on.
    minutes = {a.id: a.modes[0].minutes[0] for a in problem.activities}
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
