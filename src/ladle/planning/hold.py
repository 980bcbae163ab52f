"""Keeping a hot dish warm: a second oven or a warming drawer holds it at a low heat, so it can
come off its cooking earlier than the table needs it.

For each dish that must come to the table hot, when the kitchen has a warming drawer or more
than one oven, the planner may choose (a :class:`Choice`) to move it from its cooking into the
warm (``HOLD_F``, USDA's hot holding is 140°F or more) for up to ``HOLD_MOST`` minutes; its
"hot to the table" limits then hold for the end of the keeping instead, and the plan says so.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ladle.planning.problem import Activity, After, Choice, Mode, Option, OvenUse, Problem

__all__ = ["HOLD_F", "HOLD_MOST", "add_holds"]

HOLD_F = 170  # °F: an oven's keeping-warm setting, above the 140°F food must stay over
HOLD_MOST = 90  # minutes a dish keeps its quality warm
DRAWER = "warming drawer"


def _modes(problem: Problem) -> list[Mode]:
    modes = []
    if problem.kitchen.has(DRAWER):
        modes.append(Mode((1, HOLD_MOST), appliance=DRAWER))
    if len(problem.kitchen.ovens) > 1:
        modes.append(Mode((1, HOLD_MOST), oven=OvenUse(HOLD_F)))
    return modes


def add_holds(problem: Problem) -> None:
    """Offer keeping each hot dish warm, where the kitchen has the room to."""
    modes = _modes(problem)
    if not modes:
        return
    by_id = problem.by_id()
    plated = {s.activity for s in problem.serve if s.plated}
    for index, serve in enumerate(list(problem.serve)):
        if serve.plated or serve.option is not None or serve.activity not in by_id:
            continue
        heat = by_id[serve.activity]
        key = heat.id.split("/", 1)[0]
        choice_id = f"{key}/hold-{re.sub(r'[^a-z0-9]+', '-', heat.id.split('/', 1)[1])}"
        where = "the warming drawer" if modes[0].appliance else f"the other oven at {HOLD_F}°F"
        hold = Activity(
            f"{choice_id}/keep",
            heat.dish,
            heat.recipe,
            None,
            f"Keep the {heat.food or heat.dish} warm in {where} until it is served.",
            modes,
            "passive",
            setup=1,
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
                and (
                    rel.after in plated
                    or "comes to the table" in rel.why
                    or "step before" in rel.why
                )
                and not by_id[rel.after].modes[0].oven
            ):
                kept.append(replace(rel, option=written))
                kept.append(replace(rel, before=hold.id, option=warm))
            else:
                kept.append(rel)
        kept.append(After(heat.id, hold.id, 0, 5, "into the warm as it comes off the heat", warm))
        problem.after = kept
