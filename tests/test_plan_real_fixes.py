"""Dinners of real pages that got no plan, or no fix: the general causes, each with a recipe
written for ladle in its own words (``tests/cases/meals/``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from ladle.planning.explain import explain, feasible
from ladle.planning.planner import plan
from ladle.planning.problem import After
from ladle.planning.tasks import build_problem
from ladle.serving import serving_of

from .test_plan_meals import recipe

SUNDAY = datetime(2026, 12, 20, 8, 0)  # "now": a Sunday morning


def test_a_loaf_that_takes_longer_than_the_day_says_so_and_offers_the_next_day() -> None:
    loaf = recipe("overnight-rye-loaf")
    lunch = SUNDAY.replace(hour=13)
    refused = plan([loaf], lunch, now=SUNDAY)
    assert refused.status == "infeasible"
    why = refused.explanation[0]
    assert why.startswith("There is not enough time before serving to do every step")
    assert "the Overnight Rye Loaf alone takes at least 16 hours" in why
    assert "serving is 5 hours away" in why
    assert refused.explanation[1] == "Fixes: serve at Mon 13:00."  # tried, and it works
    monday = plan([loaf], lunch + timedelta(days=1), now=SUNDAY)
    assert monday.status in ("optimal", "feasible")


def test_steps_that_cannot_follow_closely_enough_name_the_wait_that_would_let_them() -> None:
    soup = recipe("lentil-ragu")
    problem = build_problem([soup], SUNDAY.replace(hour=19), earliest=SUNDAY)
    by_step = {a.step: a for a in problem.activities}
    first, last = by_step[1], by_step[7]  # the lentils rinsed, and drained into the sauce
    # the rinsed lentils must be drained within a minute, four steps later: no plan
    tight = replace(problem, after=[*problem.after, After(first.id, last.id, 0, 1, "test")])
    assert not feasible(tight, None)
    explanation = explain(tight, None, seconds=10)
    assert explanation is not None
    assert "cannot follow each other closely enough" in explanation.clash
    assert explanation.fixes, explanation.lines()  # never a refusal without a fix tried
    fix = explanation.remedies[0]
    assert f"wait longer between steps {first.step} and {last.step}" in fix.text
    assert feasible(fix.problem, fix.allowed)


def test_serve_immediately_of_nests_filled_once_cooled_is_no_hot_dish() -> None:
    nests = recipe("berry-meringue-nests")
    assert serving_of(nests).kind != "hot"  # "serve immediately": when, not how hot
    dinner = plan([nests, recipe("lentil-soup")], SUNDAY.replace(hour=19), now=SUNDAY)
    assert dinner.status in ("optimal", "feasible")
    served = {d.recipe: d.serving for d in dinner.dishes}
    assert served == {"Berry Meringue Nests": "room", "Red Lentil Soup": "hot"}


def test_a_part_boiled_then_simmered_in_the_sauce_is_not_the_dish_s_last_heat() -> None:
    stew = recipe("barley-mushroom-stew")
    supper = SUNDAY.replace(hour=19)
    problem = build_problem([stew], supper, earliest=SUNDAY)
    by_step = {a.step: a for a in problem.activities}
    boiled, drained = by_step[2], by_step[7]  # the barley simmered, then drained into the stew
    assert any(r.before == boiled.id and r.after == drained.id for r in problem.after)
    assert not any(s.activity == boiled.id for s in problem.serve)  # only the stew is served
    dinner = plan([stew], supper, now=SUNDAY)
    assert dinner.status in ("optimal", "feasible")
    tasks = {t.step: t for t in dinner.tasks if t.kind == "step"}
    assert tasks[7].start >= tasks[2].end  # drained once it is cooked, not while it simmers
    assert supper - tasks[8].end <= timedelta(minutes=20)


def test_a_fridge_rest_stretches_over_the_night_so_the_hands_on_work_is_by_day() -> None:
    buns = recipe("cardamom-buns")
    breakfast = SUNDAY.replace(hour=10) + timedelta(days=1)
    problem = build_problem([buns], breakfast, earliest=SUNDAY)
    chill = next(a for a in problem.activities if a.step == 3)
    low, high = chill.modes[0].minutes
    assert low == 480 and high >= 480 + 120  # the dough may stay in the fridge longer
    morning = plan([buns], breakfast, now=SUNDAY)
    assert morning.status in ("optimal", "feasible")
    tasks = {t.step: t for t in morning.tasks if t.kind == "step"}
    assert tasks[3].end - tasks[3].start > timedelta(hours=8)  # through the night
    assert tasks[2].end <= SUNDAY.replace(hour=23)  # kneaded the evening before


def test_at_least_an_hour_but_preferably_overnight_is_one_wait_not_both() -> None:
    rounds = recipe("shortbread-rounds")
    problem = build_problem([rounds], SUNDAY.replace(hour=19), earliest=SUNDAY)
    chill = next(a for a in problem.activities if a.step == 2)
    assert chill.modes[0].minutes[0] == 60  # not an hour and a night added up
    assert chill.modes[0].minutes[1] >= 8 * 60  # overnight is allowed


def test_a_dutch_almond_pastry_baked_in_the_morning_is_served_as_it_cooled() -> None:
    from ladle.draft import Draft, DraftStep
    from ladle.understand import understand

    pastry = understand(
        Draft(
            title="Banketstaaf",
            steps=[
                DraftStep("Verwarm de oven voor op 200 ⁰C en bekleed een bakplaat."),
                DraftStep("Bak de staaf in 25 minuten goudbruin."),
            ],
        )
    )
    assert serving_of(pastry).kind == "room"
