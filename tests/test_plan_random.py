"""Random meals from the golden recipes in random kitchens: every plan passes the independent
checker, and every "no plan" comes with fixes each of which gives a plan that passes it."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ladle.examples import example_text
from ladle.formats import read, read_text
from ladle.model import Recipe
from ladle.planning.check import check_plan
from ladle.planning.explain import exact_modes, explain
from ladle.planning.kitchen import Kitchen, Oven
from ladle.planning.solver import SolveOptions, solve
from ladle.planning.tasks import PlanOptions, build_problem
from ladle.planning.timeline import to_plan

CASES = Path(__file__).parent / "cases" / "text"
SERVE = datetime(2026, 11, 25, 19, 0)


@cache
def pool() -> tuple[Recipe, ...]:
    recipes = [read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]]
    for path in sorted(CASES.glob("[0-9][0-9]-*.txt")):
        if "no-recipe" not in path.name:
            recipes.extend(read(str(path)))
    return tuple(recipes)


kitchens = st.builds(
    Kitchen,
    ovens=st.lists(
        st.builds(
            Oven, racks=st.integers(1, 3), preheat_minutes_per_100f=st.sampled_from([6, 8, 12])
        ),
        min_size=0,
        max_size=2,
    ).map(tuple),
    burners=st.integers(0, 4),
    appliances=st.sampled_from([(), ("air fryer",)]),
    cooks=st.integers(1, 2),
)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same meals on every run: a failure here is a bug to fix, not luck
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    picks=st.lists(st.integers(0, 100), min_size=1, max_size=3, unique=True),
    kitchen=kitchens,
    exact=st.booleans(),
    lead_hours=st.sampled_from([3, 8, 30]),
)
def test_random_meals_plan_soundly_or_explain_fixes_that_work(
    picks: list[int], kitchen: Kitchen, exact: bool, lead_hours: int
) -> None:
    recipes = [pool()[i % len(pool())] for i in picks]
    titles = [r.title for r in recipes]
    if len(set(titles)) < len(titles):
        event("the same recipe twice")
        return
    earliest = SERVE - timedelta(hours=lead_hours)
    problem = build_problem(recipes, SERVE, kitchen, PlanOptions(), earliest=earliest)
    allowed = exact_modes(problem) if exact else None
    solution = solve(problem, SolveOptions(time_limit=10), allowed)
    event(f"{solution.status}, {len(recipes)} recipe(s)")
    if solution.status != "infeasible":
        plan = to_plan(problem, solution)
        assert check_plan(problem, plan) == [], titles
        assert max(t.end for t in plan.tasks) <= SERVE
        return
    explanation = explain(problem, allowed)
    assert explanation is not None, f"no plan and no reason: {titles}"
    assert explanation.clash
    event(f"explained with {len(explanation.remedies)} fix(es)")
    for remedy in explanation.remedies:
        fixed = solve(remedy.problem, SolveOptions(time_limit=10), remedy.allowed)
        assert fixed.status != "infeasible", (titles, remedy.text)
        assert check_plan(remedy.problem, to_plan(remedy.problem, fixed)) == [], remedy.text
