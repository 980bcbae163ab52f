"""The meal planner on the built-in example: the card, the article's method, exact or not."""

from __future__ import annotations

from datetime import datetime

import pytest

from ladle.examples import example_text
from ladle.formats import read_text
from ladle.model import Recipe
from ladle.plan.kitchen import Kitchen
from ladle.plan.solver import SolveOptions, solve, to_plan
from ladle.plan.tasks import PlanOptions, build_problem

SERVE = datetime(2026, 11, 25, 19, 0)
NOW = datetime(2026, 11, 24, 12, 0)
ARTICLE = ("Two-Stage", "Carrot")


def example() -> Recipe:
    return read_text(example_text(), "text", "examples/honey-mustard-pork-belly.txt")[0]


def plan_for(options: PlanOptions, kitchen: Kitchen | None = None) -> object:
    problem = build_problem([example()], SERVE, kitchen, options, earliest=NOW)
    return problem, solve(problem, SolveOptions(time_limit=20))


def test_the_card_as_written_gets_a_valid_plan() -> None:
    problem, solution = plan_for(PlanOptions())
    plan = to_plan(problem, solution)  # type: ignore[arg-type]
    assert plan.status == "optimal"
    serve = [t for t in plan.tasks if t.text.startswith("Serve")]
    assert serve and serve[0].end == SERVE
    ovens = {round(u.fahrenheit or 0) for t in plan.tasks for u in t.uses if u.fahrenheit}
    assert len(ovens) == 1  # one oven, one temperature shared by the pork and the carrots
    assert plan.deviations


def test_the_articles_method_exactly_cannot_be_done_in_one_oven() -> None:
    _, solution = plan_for(PlanOptions(exact=True, methods=ARTICLE))
    assert solution.status == "infeasible"  # type: ignore[attr-defined]


def test_with_flexibility_the_carrots_share_the_final_450() -> None:
    problem, solution = plan_for(PlanOptions(methods=ARTICLE))
    plan = to_plan(problem, solution)  # type: ignore[arg-type]
    assert plan.status == "optimal"
    assert plan.deviations == [
        "carrots: 450°F for 22–27 minutes instead of 425°F for 25–30 minutes"
    ]
    carrots = next(t for t in plan.tasks if t.text.startswith("Roast for 25–30 minutes"))
    assert carrots.uses[-1].fahrenheit == 450
    assert 22 <= carrots.minutes <= 27


@pytest.mark.parametrize("cooks", [1, 2])
def test_more_cooks_never_make_the_final_stretch_longer(cooks: int) -> None:
    _, one = plan_for(PlanOptions(), Kitchen(cooks=1))
    _, more = plan_for(PlanOptions(), Kitchen(cooks=cooks))
    assert more.objective["final_stretch_minutes"] <= one.objective["final_stretch_minutes"]  # type: ignore[attr-defined]
