"""How a step may be done: the heat it needs (an oven at its temperature or a nearby one, a
burner, an appliance, the air fryer instead of the oven), the refrigerator, and the wait the
article around the recipe says is best."""

from __future__ import annotations

import re

from ladle.model import Step
from ladle.planning import reading
from ladle.planning.builder import Builder
from ladle.planning.problem import Activity, Mode, OvenUse
from ladle.words import food_class

__all__ = ["ideal", "modes_of", "pressure_cooks"]

# "Add the stock a ladle at a time, stirring, until the rice is tender, about 20 minutes":
# food in the pan on the stove the step before goes on cooking there, unless it leaves it.
_GOES_ON_UNTIL = re.compile(r"\b(?:add|stir|pour|return|keep|continue)\w*\b[^.]*\buntil\b", re.I)
_LEAVES_THE_PAN = re.compile(
    r"\b(?:off|from)\s+the\s+(?:heat|stove|burner|pan)\b|\b(?:transfer|remove|drain|"
    r"set\s+aside|spoon\s+(?:it\s+)?(?:into|onto)|pour\s+(?:it\s+)?(?:into|over))\w*",
    re.I,
)
# A sous-vide bath (an immersion circulator in a pot of water) is an appliance of its own
# (``Step.heat`` and ``Step.equipment`` "sous vide"); food leaves it for a pan or the plate.
_OUT_OF_THE_BATH = re.compile(r"\b(?:out\s+of|lift|take|remove|serve|plate|transfer)\w*", re.I)
SOUS_VIDE = "sous vide"


def nearby(builder: Builder, fahrenheit: int) -> list[int]:
    """Other temperatures an oven step may use: a step either way, and any temperature another
    dish of the meal is written at, within a step of this one (392°F roasts fine at 400°F)."""
    step_f = builder.options.flexible_f
    near = {fahrenheit - step_f, fahrenheit + step_f}
    near |= {f for f in builder.meal_f if abs(f - fahrenheit) <= step_f}
    return sorted(near - {fahrenheit})


def modes_of(
    builder: Builder, step: Step, minutes: tuple[int, int], fahrenheit: int | None, dish: str
) -> list[Mode]:
    """How a step may be done. What heats it is the understanding's (``Step.heat``): an oven,
    a burner, or an appliance of the kitchen (pressure, slow and rice cookers, a sous-vide
    bath, grills, fryers); a step that names an appliance happens in it, and cooking on in it
    ("cook on low for 6 hours") stays in the one the step before used."""
    text = step.text
    equipment = set(step.equipment)
    heat = step.heat
    heating = heat is not None or reading.heating(text)
    if heat is not None:  # what the understanding says heats it
        appliance = heat if heat in reading.APPLIANCES else None
    else:  # "Transfer everything to the slow cooker": in it, heating or not
        appliance = next((e for e in step.equipment if e in reading.APPLIANCES), None)
    bath = builder.in_appliance == SOUS_VIDE  # food leaves the bath for a pan or the plate
    if (
        appliance is None
        and builder.in_appliance
        and heating
        and heat in (None, "stove")
        and not (bath and (equipment & reading.STOVE or _OUT_OF_THE_BATH.search(text)))
    ):
        appliance = builder.in_appliance
    if appliance is not None:
        return [Mode(minutes, appliance=appliance)]
    if fahrenheit is not None and ("oven" in equipment or heat == "oven") and heating:
        modes = [Mode(minutes, oven=OvenUse(fahrenheit))]
        if not builder.options.exact:
            for used in nearby(builder, fahrenheit):
                scaled = reading.scaled(minutes, fahrenheit, used)
                modes.append(
                    Mode(
                        scaled,
                        oven=OvenUse(used),
                        deviation=f"{dish}: {used}°F for {reading.span(scaled)} instead of "
                        f"{fahrenheit}°F for {reading.span(minutes)}",
                    )
                )
            modes.extend(air_fryer(builder, minutes, fahrenheit, dish))
        return modes
    if heat == "stove" or (equipment & reading.STOVE and heating):
        return [Mode(minutes, burner=True)]
    if (
        builder.on_burner
        and "oven" not in equipment
        and not reading.SERVE.search(text)
        and not _LEAVES_THE_PAN.search(text)
        and (
            reading.GOES_ON.search(reading.NOT_HEATING.sub(" ", text))
            or _GOES_ON_UNTIL.search(text)
        )
    ):
        return [Mode(minutes, burner=True)]  # on in the pan the step before put on the stove
    if "refrigerator" in equipment or (reading.FRIDGE.search(text) and minutes[1] >= 60):
        return [Mode(minutes, fridge=True)]
    return [Mode(minutes)]


def air_fryer(builder: Builder, minutes: tuple[int, int], fahrenheit: int, dish: str) -> list[Mode]:
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


def ideal(builder: Builder, activity: Activity, text: str) -> None:
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


_UNDER_PRESSURE = re.compile(r"\b(?:high|low|full)\s+pressure\b|\bpressure[- ]cook", re.I)


def pressure_cooks(step: Step) -> bool:
    """The step cooks under pressure (not the sauté setting of the same pot)."""
    in_it = step.heat == "pressure cooker" or "pressure cooker" in step.equipment
    return in_it and bool(_UNDER_PRESSURE.search(step.text))
