"""Planning a meal in one call: recipes, a serving time and a kitchen in, a checked plan out."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from ladle.errors import RequestError
from ladle.limits import MAX_DAYS
from ladle.model import Recipe
from ladle.plan_model import Plan
from ladle.planning.bounds import bounds
from ladle.planning.check import check_plan
from ladle.planning.explain import exact_modes, explain
from ladle.planning.kitchen import Kitchen
from ladle.planning.methods_in_steps import check_methods
from ladle.planning.problem import Problem
from ladle.planning.solver import SolveOptions, solve
from ladle.planning.tasks import PlanOptions, build_problem
from ladle.planning.timeline import to_plan

__all__ = ["plan", "plan_problem"]


def plan_problem(problem: Problem, *, exact: bool = False, time_limit: float = 10.0) -> Plan:
    """Schedule a task graph; when there is no timeline, say why and how to fix it."""
    until = time.perf_counter() + time_limit
    allowed = exact_modes(problem) if exact else None
    solution = solve(problem, SolveOptions(time_limit=time_limit), allowed)
    result = to_plan(problem, solution)
    result.bounds = bounds(problem)
    if solution.status in ("optimal", "feasible"):
        broken = check_plan(problem, result)
        if broken:  # the solver and the checker disagree: a bug, never a plan to cook by
            raise RequestError(
                f"the plan broke a rule it must keep ({broken[0].code}: {broken[0].message})",
                where="plan",
                hint="this is a bug in ladle; please report it with the recipes",
            )
    elif solution.status == "unknown":
        result.explanation = [
            f"No plan was found in {time_limit:g} seconds, and none was proven impossible.",
            "Fixes: give the planner longer (--time-limit 60).",
        ]
    else:
        explanation = explain(problem, allowed, seconds=max(1.0, until - time.perf_counter()))
        result.explanation = (
            explanation.lines() if explanation else ["No plan was found in the time allowed."]
        )
    return result


def plan(
    recipes: Sequence[Recipe],
    serve_at: datetime,
    kitchen: Kitchen | None = None,
    *,
    exact: bool = False,
    methods: Sequence[str] = (),
    now: datetime | None = None,
    time_limit: float = 10.0,
    serving: Mapping[int, str] | None = None,
    after: Mapping[int, int] | None = None,
) -> Plan:
    """When to do every step of ``recipes`` so all of it is on the table at ``serve_at``.

    ``exact``: no other temperatures or methods than the recipes'; ``methods``: cook by these
    methods of the recipes' articles ("Two-Stage Oven Roast") or of two their steps give
    ("Instant Pot"; a name that matches none is a ``RequestError``); ``now``: nothing before this
    (default: the current time, with the serving time's time zone); ``serving``: how a
    recipe (by its index) comes to the table, ``hot``, ``warm``, ``room`` or ``cold``, where
    ladle's reading of it is not what you want; ``after``: minutes after ``serve_at`` a recipe
    is served (a dessert 45 minutes after the main course).
    """
    if not recipes:
        raise RequestError("no recipes to plan", where="plan", hint="give at least one recipe")
    start = now or datetime.now(serve_at.tzinfo)
    if serve_at <= start:
        raise RequestError(
            f"the serving time {serve_at:%Y-%m-%d %H:%M} is in the past",
            where="--serve-at",
            hint='give a time to come, "YYYY-MM-DD HH:MM"',
        )
    if serve_at - start > timedelta(days=MAX_DAYS):
        raise RequestError(
            f"the serving time {serve_at:%Y-%m-%d %H:%M} is more than ten years ahead",
            where="--serve-at",
            hint="plan a meal within ten years",
        )
    check_methods(recipes, methods)
    options = PlanOptions(exact=False, methods=tuple(methods))
    problem = build_problem(
        recipes, serve_at, kitchen, options, earliest=start, serving=serving, after=after
    )
    return plan_problem(problem, exact=exact, time_limit=time_limit)
