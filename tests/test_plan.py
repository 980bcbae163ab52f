"""The meal planner on the built-in example: the card, the article's method, exact or not."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ladle.examples import example_text
from ladle.formats import read, read_text
from ladle.model import Recipe
from ladle.planning.check import check_plan
from ladle.planning.explain import exact_modes, explain
from ladle.planning.kitchen import Kitchen
from ladle.planning.problem import Problem
from ladle.planning.solver import Solution, SolveOptions, solve
from ladle.planning.tasks import PlanOptions, build_problem
from ladle.planning.timeline import to_plan

SERVE = datetime(2026, 11, 25, 19, 0)
NOW = datetime(2026, 11, 24, 12, 0)
ARTICLE = ("Two-Stage", "Carrot")


def example() -> Recipe:
    return read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]


def plan_for(options: PlanOptions, kitchen: Kitchen | None = None) -> tuple[Problem, Solution]:
    exact = options.exact
    problem = build_problem(
        [example()], SERVE, kitchen, PlanOptions(methods=options.methods), earliest=NOW
    )
    allowed = exact_modes(problem) if exact else None
    return problem, solve(problem, SolveOptions(time_limit=20), allowed)


def test_the_card_as_written_gets_a_valid_plan() -> None:
    problem, solution = plan_for(PlanOptions())
    plan = to_plan(problem, solution)
    assert check_plan(problem, plan) == []
    assert plan.status == "optimal"
    serve = [t for t in plan.tasks if t.text.startswith("Serve")]
    assert serve and serve[0].end == SERVE
    ovens = {round(u.fahrenheit or 0) for t in plan.tasks for u in t.uses if u.fahrenheit}
    assert len(ovens) == 1  # one oven, one temperature shared by the pork and the carrots
    assert plan.deviations


def test_the_articles_method_exactly_cannot_be_done_in_one_oven() -> None:
    problem, solution = plan_for(PlanOptions(exact=True, methods=ARTICLE))
    assert solution.status == "infeasible"
    explanation = explain(problem, exact_modes(problem))
    assert explanation is not None
    assert explanation.clash == (
        "One oven cannot hold 450°F for the pork belly and 425°F for the carrots "
        "in the last 40 minutes."
    )
    assert explanation.fixes[0] == "roast the carrots at 450°F for 22–27 minutes"
    assert "use the air fryer for the carrots, if you have one" in explanation.fixes
    for remedy in explanation.remedies:  # each fix was tried by the solver; try it again
        fixed = solve(remedy.problem, SolveOptions(time_limit=10), remedy.allowed)
        assert check_plan(remedy.problem, to_plan(remedy.problem, fixed)) == [], remedy.text
        assert fixed.status != "infeasible", remedy.text


def test_with_flexibility_the_carrots_share_the_final_450() -> None:
    problem, solution = plan_for(PlanOptions(methods=ARTICLE))
    plan = to_plan(problem, solution)
    assert check_plan(problem, plan) == []
    assert plan.status == "optimal"
    assert plan.deviations == [
        "carrots: 450°F for 22–27 minutes instead of 425°F for 25–30 minutes"
    ]
    carrots = next(t for t in plan.tasks if t.text.startswith("Roast them 25–30 minutes"))
    assert carrots.uses[-1].fahrenheit == 450
    assert 22 <= carrots.minutes <= 27


@pytest.mark.parametrize("cooks", [1, 2])
def test_more_cooks_never_make_the_final_stretch_longer(cooks: int) -> None:
    _, one = plan_for(PlanOptions(), Kitchen(cooks=1))
    _, more = plan_for(PlanOptions(), Kitchen(cooks=cooks))
    assert more.objective["final_stretch_minutes"] <= one.objective["final_stretch_minutes"]


def test_the_marinade_goes_in_the_evening_before() -> None:
    problem, solution = plan_for(PlanOptions())
    plan = to_plan(problem, solution)
    assert check_plan(problem, plan) == []
    marinate = next(t for t in plan.tasks if t.text.startswith("Chill it"))
    assert marinate.start.date() < SERVE.date()
    assert marinate.start.hour >= 17  # in the evening, before the night
    assert marinate.end.hour >= 7 and marinate.end.date() == SERVE.date()


CASES = Path(__file__).parent / "cases" / "text"
DINNER = ("01-roast-chicken", "04-honey-roasted-carrots", "05-garlic-green-beans",
          "06-iced-hibiscus-tea")  # fmt: skip


def dinner() -> list[Recipe]:
    return [read(str(CASES / f"{name}.txt"))[0] for name in DINNER]


def test_a_four_dish_dinner_fits_one_oven_two_burners_and_one_cook() -> None:
    kitchen = Kitchen(burners=2)
    problem = build_problem(dinner(), SERVE, kitchen, PlanOptions(), earliest=NOW)
    solution = solve(problem, SolveOptions(time_limit=20))
    plan = to_plan(problem, solution)
    assert check_plan(problem, plan) == []
    assert plan.status == "optimal"
    by_text = {t.text.split(".")[0]: t for t in plan.tasks}
    # every dish reaches the table in the serving window, the last at the serving time
    served = [t for t in plan.tasks if "serve" in t.text.lower() and t.kind == "step"]
    assert max(t.end for t in served) == SERVE
    assert all(SERVE - t.end <= timedelta(minutes=20) for t in served)  # plated in turn
    # the chicken rests while the gravy is made, and is carved within minutes of resting
    rest = next(t for t in plan.tasks if "leave to rest" in t.text)
    carve = by_text["Carve the chicken and serve with the gravy"]
    assert timedelta(0) <= carve.start - rest.end <= timedelta(minutes=10)
    # the chicken comes out of the fridge before it is buttered, and warms up until it roasts
    roast = next(t for t in plan.tasks if t.text.startswith("Roast for 1 hour 20"))
    out = next(t for t in plan.tasks if t.text.startswith("Take the chicken out"))
    assert out.end <= by_text["Mash the butter with the leaves from half the thyme and a good "
                              "pinch of salt"].start  # fmt: skip
    assert roast.start - out.end >= timedelta(minutes=30)
    # the tea chills at least four hours; nothing hot is made to wait for it
    chill = next(t for t in plan.tasks if t.text.startswith("Refrigerate"))
    assert chill.end - chill.start >= timedelta(hours=4)
    # never more pans on the stove than burners
    burner = sorted((t.start, t.end) for t in plan.tasks for u in t.uses if u.resource == "burner")
    for start, _ in burner:
        assert sum(1 for s, e in burner if s <= start < e) <= 2
    # the oven holds one temperature at a time
    oven = [(t.start, t.end, u.fahrenheit) for t in plan.tasks for u in t.uses
            if u.resource.startswith("oven")]  # fmt: skip
    for start, end, fahrenheit in oven:
        assert all(f == fahrenheit for s, e, f in oven if s < end and start < e)


def test_making_the_pork_ahead_is_offered_and_gives_a_valid_plan() -> None:
    problem, solution = plan_for(PlanOptions(exact=True, methods=ARTICLE))
    assert solution.status == "infeasible"
    explanation = explain(problem, exact_modes(problem))
    assert explanation is not None
    fix = "make the pork belly up to a day ahead and reheat it at 425°F before serving"
    assert fix in explanation.fixes
    pork = "Honey Mustard Glazed Pork Belly"  # the dish as the recipe's title names it
    choice = next(c for c in problem.choices if c.dish == pork)
    allowed = {**exact_modes(problem), f"choice:{choice.id}": [0, 1]}
    solved = solve(problem, SolveOptions(time_limit=20), allowed)
    plan = to_plan(problem, solved)
    assert check_plan(problem, plan) == []
    reheat = next(t for t in plan.tasks if t.kind == "reheat")
    assert reheat.dish == pork and SERVE - reheat.end <= timedelta(minutes=15)
    roast = next(t for t in plan.tasks if t.text.startswith("Roast gently for 2 hours"))
    assert roast.end <= reheat.start - timedelta(minutes=60)  # cooked, chilled, then reheated
    assert any("cooked up to a day ahead" in d for d in plan.deviations)


def test_as_written_the_make_ahead_offer_is_not_taken() -> None:
    problem, solution = plan_for(PlanOptions())
    plan = to_plan(problem, solution)
    assert problem.choices and not [t for t in plan.tasks if t.kind == "reheat"]
