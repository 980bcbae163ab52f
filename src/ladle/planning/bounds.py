"""The physical limits of a meal, which no kitchen and no plan can beat.

- *the recipes alone*: the longest chain of steps (shortest times, shortest waits) from a first
  step to serving, as if there were hands and ovens without end;
- *one pair of hands*: all the hands-on minutes, shared among the cooks;
- *the equipment*: the minutes each kind of equipment must be busy (ovens, burners, appliances).

A plan reports these beside the solver's own proven bound on its objective.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ladle.planning.problem import Activity, Problem

__all__ = ["bounds", "critical_path"]


def _shortest(activity: Activity) -> int:
    return min(mode.minutes[0] for mode in activity.modes)


def critical_path(problem: Problem) -> int:
    """Minutes from the first step to serving with unlimited hands and equipment."""
    by_id = problem.by_id()
    after: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for rel in problem.after:
        after[rel.before].append((rel.after, rel.min_gap))
    inner_of: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for within in problem.within:
        # the inner step starts no earlier than ``minutes`` before the outer one ends
        inner_of[within.outer].append((within.inner, within.minutes))
    lead: dict[str, int] = {}
    visiting: set[str] = set()

    def lead_to_serve(activity_id: str) -> int:
        """Minutes from this activity's start to serving, at the least."""
        if activity_id in lead:
            return lead[activity_id]
        if activity_id in visiting:  # a cycle in the relations: count it once
            return 0
        visiting.add(activity_id)
        duration = _shortest(by_id[activity_id])
        tail = 0
        for successor, gap in after.get(activity_id, []):
            tail = max(tail, gap + lead_to_serve(successor))
        for inner, minutes in inner_of.get(activity_id, []):
            tail = max(tail, lead_to_serve(inner) - minutes)
        visiting.discard(activity_id)
        lead[activity_id] = duration + max(0, tail)
        return lead[activity_id]

    return max((lead_to_serve(a.id) for a in problem.activities), default=0)


def bounds(problem: Problem) -> dict[str, Any]:
    """The limits of a meal in minutes, and a sentence saying them."""
    cooks = max(1, problem.kitchen.cooks)
    hands = sum(_shortest(a) if a.attention == "active" else a.setup for a in problem.activities)
    equipment: dict[str, int] = defaultdict(int)
    for activity in problem.activities:
        mode = activity.modes[0]
        if mode.oven:
            equipment["oven"] += mode.minutes[0]
        if mode.burner:
            equipment["burner"] += mode.minutes[0]
        if mode.appliance:
            equipment[mode.appliance] += mode.minutes[0]
    path = critical_path(problem)
    ovens = len(problem.kitchen.ovens)
    summary = (
        f"From the first step to serving takes at least {path} minutes (the recipes alone); "
        f"the hands-on work is {hands} minutes"
        + (" for one cook" if cooks == 1 else f", {-(-hands // cooks)} each for {cooks} cooks")
    )
    if equipment.get("oven"):
        summary += f"; the food needs {equipment['oven']} oven minutes" + (
            f" in your {ovens} ovens" if ovens > 1 else " in your one oven"
        )
    return {
        "critical_path_minutes": path,
        "hands_minutes": hands,
        "hands_minutes_per_cook": -(-hands // cooks),
        "equipment_minutes": dict(equipment),
        "summary": summary + ".",
    }
