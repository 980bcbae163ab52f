"""Keeping a hot dish warm, so it can come off its cooking earlier than the table needs it.

In a second oven or a warming drawer: for each dish that must come to the table hot, when the
kitchen has a warming drawer or more than one oven, the planner may choose (a :class:`Choice`)
to move it from its cooking into the warm (``HOLD_F``, USDA's hot holding is 140°F or more)
for up to ``HOLD_MOST`` minutes; its "hot to the table" limits then hold for the end of the
keeping instead, and the plan says so.

In the appliance it cooked in: a dish whose last cooking is in an appliance that keeps food
warm by itself stays in it, switched to keeping warm as the cooking ends, for up to
``KEEP_WARM`` minutes of that appliance; the appliance stays taken all that time, and no cook
is needed (the cooker switches over on its own). The bounds, shorter than the makers allow,
are for the quality of the food, not its safety (every one of them holds it above 140°F):

- a slow cooker's "warm" setting holds a stew or soup for hours; 120 minutes, after which a
  stew long cooked goes on softening and drying at the edges;
- a rice cooker keeps rice for hours, but it dries and yellows at the bottom after about two:
  120 minutes;
- a pressure cooker (an Instant Pot, a multicooker) switches to keeping warm after cooking
  and holds up to 10 hours; 120 minutes, as a slow cooker, since the food keeps cooking
  gently in the sealed pot;
- a sous-vide bath keeps the food at its cooking temperature, so it cannot overcook, but its
  texture turns soft when it stays more than about an hour past its time: 60 minutes.

Keeping warm is one option of a :class:`Choice` whose first option is the recipe as written;
the solver takes it only where the dish cannot otherwise come off the heat close enough to
serving, as nothing else is gained by it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ladle.planning.problem import (
    Activity,
    After,
    Choice,
    Mode,
    Option,
    OvenUse,
    Problem,
    Serve,
)

__all__ = ["HOLD_F", "HOLD_MOST", "KEEP_WARM", "add_holds"]

HOLD_F = 170  # °F: an oven's keeping-warm setting, above the 140°F food must stay over
HOLD_MOST = 90  # minutes a dish keeps its quality warm
DRAWER = "warming drawer"
# minutes an appliance that cooked the food keeps it warm by itself (see above)
KEEP_WARM = {
    "slow cooker": 120,
    "rice cooker": 120,
    "pressure cooker": 120,
    "sous vide": 60,
}
# how the plan names where it stays: the bath holds the food at its cooking temperature
_IN = {"sous vide": "the sous-vide bath, at its cooking temperature,"}


def _modes(problem: Problem) -> list[Mode]:
    modes = []
    if problem.kitchen.has(DRAWER):
        modes.append(Mode((1, HOLD_MOST), appliance=DRAWER))
    if len(problem.kitchen.ovens) > 1:
        modes.append(Mode((1, HOLD_MOST), oven=OvenUse(HOLD_F)))
    return modes


def _keeps_warm(heat: Activity) -> str | None:
    """The appliance that cooks ``heat`` whichever way it is done, when it keeps food warm."""
    names = {mode.appliance for mode in heat.modes}
    name = names.pop() if len(names) == 1 else None
    return name if name in KEEP_WARM else None


def add_holds(problem: Problem) -> None:
    """Offer keeping each hot dish warm: in the appliance it cooked in, when that keeps food
    warm by itself, else where the kitchen has the room to."""
    modes = _modes(problem)
    by_id = problem.by_id()
    for index, serve in enumerate(list(problem.serve)):
        if serve.plated or serve.option is not None or serve.activity not in by_id:
            continue
        heat = by_id[serve.activity]
        appliance = _keeps_warm(heat)
        if appliance is not None:
            where = _IN.get(appliance, f"the {appliance}")
            keep = Mode((1, KEEP_WARM[appliance]), appliance=appliance)
            _offer(problem, index, serve, heat, modes=[keep], where=where, in_place=True)
        elif modes:
            where = "the warming drawer" if modes[0].appliance else f"the other oven at {HOLD_F}°F"
            _offer(problem, index, serve, heat, modes=modes, where=where, in_place=False)


def _offer(
    problem: Problem,
    index: int,
    serve: Serve,
    heat: Activity,
    *,
    modes: list[Mode],
    where: str,
    in_place: bool,
) -> None:
    """The choice of keeping ``heat`` 's food warm in ``where`` until it is served; kept
    ``in_place``, it stays where it cooked, with no hands and no gap in between."""
    by_id = problem.by_id()
    plated = {s.activity for s in problem.serve if s.plated}
    key = heat.id.split("/", 1)[0]
    choice_id = f"{key}/hold-{re.sub(r'[^a-z0-9]+', '-', heat.id.split('/', 1)[1])}"
    food = heat.food or heat.dish
    hold = Activity(
        f"{choice_id}/keep",
        heat.dish,
        heat.recipe,
        None,
        (
            f"Keep the {food} {'in' if 'bath' in where else 'warm in'} {where} until serving."
            if in_place
            else f"Keep the {food} warm in {where} until it is served."
        ),
        modes,
        "passive",
        setup=0 if in_place else 1,
        kind="hold",
        optional=True,
        food=heat.food,
    )
    written, warm = f"{choice_id}/0", f"{choice_id}/1"
    problem.choices.append(
        Choice(
            choice_id,
            heat.dish,
            [
                Option("as written", []),
                Option(
                    f"keep the {heat.dish} warm",
                    [hold.id],
                    deviation=f"{heat.dish}: kept warm in {where} until it is served",
                ),
            ],
        )
    )
    problem.activities.append(hold)
    # As written, the cooking ends just before the table; kept warm, the keeping does.
    problem.serve[index] = replace(serve, option=written)
    problem.serve.append(replace(serve, activity=hold.id, option=warm))
    kept = []
    for rel in problem.after:
        if (
            rel.before == heat.id
            and rel.max_gap is not None
            and (rel.after in plated or "comes to the table" in rel.why or "step before" in rel.why)
            and not by_id[rel.after].modes[0].oven
        ):
            kept.append(replace(rel, option=written))
            kept.append(replace(rel, before=hold.id, option=warm))
        else:
            kept.append(rel)
    if in_place:
        kept.append(After(heat.id, hold.id, 0, 0, f"kept warm in {where} as it finishes", warm))
    else:
        kept.append(After(heat.id, hold.id, 0, 5, "into the warm as it comes off the heat", warm))
    problem.after = kept
