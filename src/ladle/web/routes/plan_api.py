"""The JSON API of meals: a plan, its chart and calendar, and the shopping list.

``POST /api/plan`` takes the recipes (library ids or recipe documents), the serving time and
``ladle plan``'s options, and answers the plan JSON of the contract (what ``ladle plan --json``
prints). When no timeline works, the answer is a 422 problem whose ``detail`` is the command
line's error line and which carries the ``explanation``, the ``fixes`` (each with the
``change`` to send again, or null where no one setting makes it) and the ``plan``.
``/api/plan.svg`` and ``/api/plan.ics`` give the Gantt chart and the calendar of ``ladle plan
--svg`` and ``--ics``, for the planner page's query (GET) or the same body (POST).
``POST /api/shopping-list`` answers what ``ladle shop --json`` prints.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field, StrictInt

from ladle.limits import MAX_SERVINGS
from ladle.model import Recipe
from ladle.plan_model import Plan
from ladle.web import calls
from ladle.web.fixes import fixes_of
from ladle.web.meals import (
    DEFAULT_TIME_LIMIT,
    MAX_DISHES,
    MAX_TIME_LIMIT,
    Meal,
    NoPlan,
    PlanCache,
    library_recipes,
    plan_meal,
    serve_time,
)
from ladle.web.plan_query import PlanQuery, plan_query
from ladle.web.security import csrf_protect, no_cross_site_solve
from ladle.web.shelf import library_now

__all__ = ["MealIn", "ShoppingIn", "router", "solved"]

router = APIRouter(prefix="/api", dependencies=[Depends(csrf_protect)], tags=["meals"])

MAX_SHOPPING = 50  # recipes on one shopping list
RecipeRef = Annotated[StrictInt, Field(ge=1, le=calls.MAX_ID)] | dict[str, Any]
Setting = Annotated[str, Field(min_length=3, max_length=600)]


class MealIn(BaseModel):
    """A meal to plan: its recipes and what ``ladle plan`` takes besides."""

    recipes: list[RecipeRef] = Field(
        min_length=1,
        max_length=MAX_DISHES,
        description='Library ids, or recipe documents ("ladle": 1), in the order of the meal.',
    )
    serve_at: str = Field(
        max_length=40, description="When the meal is served.", examples=["2026-11-26T19:00"]
    )
    exact: bool = Field(default=False, description="No other temperatures or methods.")
    methods: list[Setting] = Field(default=[], max_length=MAX_DISHES)
    serve: list[Setting] = Field(
        default=[], max_length=MAX_DISHES, description='"DISH=hot|warm|room|cold"'
    )
    after: list[Setting] = Field(default=[], max_length=MAX_DISHES, description='"DISH=MINUTES"')
    courses: bool = Field(default=False, description="Desserts 45 minutes after the main.")
    kitchen: dict[str, Any] | None = Field(
        default=None, description="The kitchen file's tables as JSON; null: the default."
    )
    time_limit: float = Field(default=DEFAULT_TIME_LIMIT, gt=0, le=MAX_TIME_LIMIT)


class ShoppingIn(BaseModel):
    """The recipes to shop for, how many each should serve, and the units to buy in."""

    recipes: list[RecipeRef] = Field(min_length=1, max_length=MAX_SHOPPING)
    servings: float | None = Field(default=None, gt=0, le=MAX_SERVINGS)
    units: calls.Units | None = None


def recipes_of(request: Request, refs: list[int | dict[str, Any]]) -> list[Recipe]:
    """Library recipes by id and recipe documents, in order (the library opened if needed)."""
    lib = library_now(request) if any(isinstance(r, int) for r in refs) else None
    out = []
    for i, ref in enumerate(refs):
        if isinstance(ref, int):
            assert lib is not None
            out.append(lib.get(ref))
        else:
            out.append(Recipe.from_json(ref, where=f"recipes[{i}]"))
    return out


def _meal(body: MealIn) -> Meal:
    return Meal(
        serve_at=serve_time(body.serve_at),
        exact=body.exact,
        methods=tuple(body.methods),
        serve=tuple(body.serve),
        after=tuple(body.after),
        courses=body.courses,
        kitchen=Meal.kitchen_json(body.kitchen),
        time_limit=body.time_limit,
    )


def _change(meal: Meal, fixed: Meal | None) -> dict[str, Any] | None:
    """What to send again for a fix: the fields of the body it changes."""
    if fixed is None:
        return None
    changed: dict[str, Any] = {}
    for field in fields(Meal):
        before, after = getattr(meal, field.name), getattr(fixed, field.name)
        if before == after:
            continue
        if field.name == "serve_at":
            changed["serve_at"] = after.isoformat(timespec="minutes")
        elif field.name == "kitchen":
            changed["kitchen"] = fixed.kitchen_data
        else:
            changed[field.name] = list(after) if isinstance(after, tuple) else after
    return changed


def solved(request: Request, recipes: list[Recipe], meal: Meal) -> Plan:
    """The meal's plan (the app's ``PlanCache`` shares it), or ``NoPlan`` (422)."""
    cache: PlanCache = request.app.state.plans
    result = plan_meal(recipes, meal, cache)
    if not result.tasks:
        found = fixes_of(result, recipes, meal)
        raise NoPlan(
            result, [{"text": f.text, "change": _change(meal, f.meal)} for f in found], meal.exact
        )
    return result


def _queried(request: Request, query: PlanQuery) -> Plan:
    lib = library_now(request)
    return solved(request, library_recipes(lib, query.ids), query.meal())


QueryDep = Annotated[PlanQuery, Depends(plan_query)]


@router.post("/plan")
def plan(request: Request, body: MealIn) -> dict[str, Any]:
    """Plan a meal: when to do every step so everything is on the table at ``serve_at``."""
    return solved(request, recipes_of(request, body.recipes), _meal(body)).to_json()


def _svg(result: Plan) -> Response:
    from ladle.planning import export

    return Response(
        export.gantt_svg(export.by_recipe(result)),
        media_type="image/svg+xml",
        headers={"Content-Disposition": 'attachment; filename="plan.svg"'},
    )


def _ics(result: Plan) -> Response:
    from ladle.planning import export

    return Response(
        export.to_ics(export.by_recipe(result)),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="plan.ics"'},
    )


SVG: dict[int | str, dict[str, Any]] = {
    200: {"content": {"image/svg+xml": {}}, "description": "The Gantt chart."}
}
ICS: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/calendar": {}}, "description": "The calendar, with alarms."}
}


@router.get(
    "/plan.svg",
    response_class=Response,
    responses=SVG,
    dependencies=[Depends(no_cross_site_solve)],
)
def plan_svg(request: Request, query: QueryDep) -> Response:
    """The Gantt chart of a meal of library recipes (the planner page's query)."""
    return _svg(_queried(request, query))


@router.post("/plan.svg", response_class=Response, responses=SVG)
def plan_svg_for(request: Request, body: MealIn) -> Response:
    """The Gantt chart of a meal (the body of ``POST /api/plan``)."""
    return _svg(solved(request, recipes_of(request, body.recipes), _meal(body)))


@router.get(
    "/plan.ics",
    response_class=Response,
    responses=ICS,
    dependencies=[Depends(no_cross_site_solve)],
)
def plan_ics(request: Request, query: QueryDep) -> Response:
    """The plan as an iCalendar file with alarms (the planner page's query)."""
    return _ics(_queried(request, query))


@router.post("/plan.ics", response_class=Response, responses=ICS)
def plan_ics_for(request: Request, body: MealIn) -> Response:
    """The plan as an iCalendar file with alarms (the body of ``POST /api/plan``)."""
    return _ics(solved(request, recipes_of(request, body.recipes), _meal(body)))


@router.post("/shopping-list")
def shopping_list(request: Request, body: ShoppingIn) -> dict[str, Any]:
    """One shopping list for several recipes, merged by food and grouped by aisle."""
    recipes = recipes_of(request, body.recipes)
    return calls.shopping(recipes, body.servings, body.units).to_json()
