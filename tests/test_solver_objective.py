"""The solver's objective, read back from its own timeline: what it reports is what it did, its
bound is never above it, and the redundant constraints behind the bound cut off no plan."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from ladle.formats import read
from ladle.model import Recipe
from ladle.planning.kitchen import Kitchen, Oven
from ladle.planning.problem import Problem
from ladle.planning.solver import GAP, Solution, SolveOptions, solve
from ladle.planning.tasks import PlanOptions, build_problem

SERVE = datetime(2026, 11, 25, 19, 0)
NOW = datetime(2026, 11, 24, 12, 0)
CASES = Path(__file__).parent / "cases" / "text"
DINNER = ("01-roast-chicken", "04-honey-roasted-carrots", "05-garlic-green-beans",
          "06-iced-hibiscus-tea")  # fmt: skip


def dinner() -> list[Recipe]:
    return [read(str(CASES / f"{name}.txt"))[0] for name in DINNER]


def hands(problem: Problem, solution: Solution) -> list[tuple[int, int]]:
    """The minutes of the cooks' hands: whole active steps, the setup of passive ones."""
    spans = []
    for activity in problem.activities:
        if activity.id not in solution.start:
            continue
        start, end = solution.start[activity.id], solution.end[activity.id]
        if activity.attention == "active":
            spans.append((start, end))
        elif activity.setup > 0:
            spans.append((start, start + activity.setup))
    return spans


def stretch(spans: list[tuple[int, int]]) -> int:
    """The latest start of a last session: all work starting before it ends GAP before it."""
    for session in sorted({0, *(s for s, _ in spans)}, reverse=True):
        if all(e <= session - GAP for s, e in spans if s < session):
            return -session
    raise AssertionError("no session")


def sessions(spans: list[tuple[int, int]]) -> int:
    count, reach = 0, None
    for start, end in sorted(spans):
        if reach is None or start > reach + GAP:
            count += 1
        reach = end if reach is None else max(reach, end)
    return count


KITCHENS = {
    "one oven, one cook": Kitchen(burners=2),
    "two ovens, two cooks": Kitchen(ovens=(Oven(name="top"), Oven(name="bottom")), cooks=2),
}


@pytest.mark.parametrize("name", list(KITCHENS))
def test_the_reported_objective_is_the_timelines(name: str) -> None:
    problem = build_problem(dinner(), SERVE, KITCHENS[name], PlanOptions(), earliest=NOW)
    solution = solve(problem, SolveOptions(time_limit=20))
    assert solution.status == "optimal"
    objective, bound = solution.objective, solution.bound
    assert set(objective) >= {
        "deviations",
        "missed_ideals",
        "final_stretch_minutes",
        "oven_changes",
        "oven_minutes",
    }
    for key, value in bound.items():
        assert value <= objective[key], key
    spans = hands(problem, solution)
    assert objective["final_stretch_minutes"] == stretch(spans)
    assert bound["final_stretch_minutes"] == objective["final_stretch_minutes"]
    if "trips" in objective:
        assert objective["trips"] == sessions(spans)
    # oven minutes: from each oven's first use to its last, summed over the ovens
    on = 0
    temperatures = 0
    by_id = problem.by_id()
    for k in range(len(problem.kitchen.ovens)):
        used = [a for a, oven in solution.oven.items() if oven == k]
        if used:
            on += max(solution.end[a] for a in used) - min(solution.start[a] for a in used)
            modes = {by_id[a].modes[solution.mode[a]] for a in used}
            temperatures += len({m.oven.fahrenheit for m in modes if m.oven}) - 1
    assert objective["oven_minutes"] == on
    assert objective["oven_changes"] == temperatures
    chosen = sum(1 for a, m in solution.mode.items() if m > 0)
    ahead = sum(1 for option in solution.options.values() if option > 0)
    assert objective["deviations"] == chosen + 2 * ahead


def test_the_final_stretch_bound_holds_for_every_cook_count() -> None:
    """More hands never make the bound or the answer worse, and the bound is reached."""
    answers = []
    for cooks in (1, 2, 3):
        kitchen = Kitchen(burners=2, cooks=cooks)
        problem = build_problem(dinner(), SERVE, kitchen, PlanOptions(), earliest=NOW)
        solution = solve(problem, SolveOptions(time_limit=20))
        assert solution.status == "optimal"
        answers.append(solution.objective["final_stretch_minutes"])
        assert stretch(hands(problem, solution)) == answers[-1]
    assert answers == sorted(answers, reverse=True)
