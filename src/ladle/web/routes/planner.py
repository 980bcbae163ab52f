"""The meal planner page and cook mode.

``/plan`` picks recipes from the library (search, tick several), the serving time, the
kitchen and ``ladle plan``'s options, all in the address (``ladle.web.plan_query``), and shows
the plan: the timeline by time and dish, the Gantt chart (inline, checked), the calendar to
download; or, when no timeline works, the planner's explanation with each fix one click away.
``/cook`` takes the same address and walks through the plan's steps one at a time, with their
timers (``static/cook.js``). Both work without JavaScript; the script makes the search answer
as you type, and cook mode a one-step-at-a-time screen.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from ladle.errors import LadleError, LibraryError
from ladle.model import Recipe
from ladle.plan_model import Plan
from ladle.store import Library
from ladle.web import calls, plan_view
from ladle.web.fixes import dish_index, fixes_of, reasons_of
from ladle.web.meals import Meal, PlanCache, library_recipes, methods_of, plan_meal, serve_time
from ladle.web.plan_query import APPLIANCES, DEFAULT_KITCHEN, PlanQuery, plan_query
from ladle.web.problems import status_of
from ladle.web.rendering import render
from ladle.web.security import cross_site_refusal, csrf_protect, no_cross_site_solve
from ladle.web.shelf import library

__all__ = ["router"]

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)

LibraryDep = Annotated[Library, Depends(library)]
QueryDep = Annotated[PlanQuery, Depends(plan_query)]
CANDIDATES = 30
AFTER_CHOICES = (15, 30, 45, 60, 90, 120)
SERVINGS = (("hot", "hot"), ("warm", "warm"), ("room", "at room temperature"), ("cold", "cold"))


def _default_serve_at(now: datetime | None = None) -> str:
    """Tonight at 19:00, or tomorrow's when tonight's is less than three hours away."""
    now = now or datetime.now()
    evening = now.replace(hour=19, minute=0, second=0, microsecond=0)
    if evening - now < timedelta(hours=3):
        evening += timedelta(days=1)
    return evening.strftime("%Y-%m-%dT%H:%M")


def _setting(recipes: list[Recipe], settings: tuple[str, ...], index: int) -> str:
    """The value a ``DISH=VALUE`` setting gives recipe ``index`` ('' when none does)."""
    for setting in reversed(settings):
        dish, _, value = setting.rpartition("=")
        if dish_index(recipes, dish) == index:
            return value.strip().lower()
    return ""


def _shown_time(text: str) -> str:
    """The serving time as the date-time field shows it."""
    try:
        return serve_time(text).strftime("%Y-%m-%dT%H:%M")
    except LadleError:
        return text


def _kitchen_fields(query: PlanQuery) -> dict[str, Any]:
    """The kitchen's fields as the form shows them: what was asked, else the default."""
    counts = {"ovens": query.ovens, "burners": query.burners, "cooks": query.cooks}
    shown: dict[str, Any] = {
        name: DEFAULT_KITCHEN[name] if value is None else value for name, value in counts.items()
    }
    shown["appliances"] = [(a, a in query.appliances) for a in APPLIANCES]
    return shown


def _form(lib: Library, query: PlanQuery, recipes: list[Recipe], q: str) -> dict[str, Any]:
    chosen = [
        {
            "position": i + 1,
            "id": number,
            "title": recipe.title,
            "serve": _setting(recipes, query.serve, i),
            "after": _setting(recipes, query.after, i),
            "remove": "/plan?" + query.without(i + 1),
        }
        for i, (number, recipe) in enumerate(zip(query.ids, recipes, strict=True))
    ]
    found = lib.search(calls.search_query(q, limit=CANDIDATES + len(query.ids)))
    candidates = [e for e in found if e.id not in query.ids][:CANDIDATES]
    methods = methods_of(recipes)
    return {
        "query": query,
        "q": q,
        "chosen": chosen,
        "candidates": candidates,
        "serve_at": _shown_time(query.serve_at) if query.serve_at else _default_serve_at(),
        "methods": [(m, any(n.lower() in m.lower() for n in query.methods)) for m in methods],
        "kitchen": _kitchen_fields(query),
        "servings": SERVINGS,
        "after_choices": AFTER_CHOICES,
        "ids": ",".join(str(i) for i in query.ids),
        "message": None,
        "outcome": None,
    }


def _outcome(plan: Plan, recipes: list[Recipe], meal: Meal, query: PlanQuery) -> dict[str, Any]:
    """What the page shows of a plan, or of its absence."""
    address = query.encoded()
    if not plan.tasks:
        fixes = plan_view.fix_links(fixes_of(plan, recipes, meal), query.ids)
        return {
            "feasible": False,
            "serve": plan_view.summary(plan)["serve"],
            "reasons": reasons_of(plan),
            "fixes": fixes,
            "inexact": "/plan?" + query.encoded(exact=False) if meal.exact else None,
        }
    return {
        "feasible": True,
        "summary": plan_view.summary(plan),
        "rows": plan_view.rows(plan),
        "chart": plan_view.chart(plan),
        "table": plan_view.at_the_table(plan),
        "deviations": plan.deviations,
        "assumptions": plan.assumptions,
        "svg": "/api/plan.svg?" + address,
        "ics": "/api/plan.ics?" + address,
        "cook": "/cook?" + address,
    }


def _plans(request: Request) -> PlanCache:
    cache: PlanCache = request.app.state.plans
    return cache


@router.get("/plan")
def plan_page(
    request: Request,
    *,
    lib: LibraryDep,
    query: QueryDep,
    q: Annotated[str, Query(max_length=500)] = "",
    find: Annotated[str, Query(max_length=10)] = "",
) -> Response:
    """Choose the dishes, the time and the kitchen; see the plan, or why there is none
    (``find``: the search button without JavaScript, which only looks for recipes)."""
    recipes = library_recipes(lib, query.ids)
    context = _form(lib, query, recipes, q)
    status = 200
    solve = bool(query.ids and query.serve_at and not find)
    refusal = cross_site_refusal(request) if solve else None
    if refusal is not None:  # the form, filled in: one press here plans the meal
        context["message"], status = refusal, 403
    elif solve:
        try:
            meal = query.meal()
            plan = plan_meal(recipes, meal, _plans(request))
        except LibraryError:
            raise
        except LadleError as error:
            context["message"], status = str(error), status_of(error)
        else:
            context["outcome"] = _outcome(plan, recipes, meal, query)
    return render(request, "plan.html", context, status=status)


@router.get("/cook", dependencies=[Depends(no_cross_site_solve)])
def cook_page(request: Request, *, lib: LibraryDep, query: QueryDep) -> Response:
    """The plan's steps one at a time, in large type, with their timers."""
    address = query.encoded()
    if not query.ids or not query.serve_at:
        return RedirectResponse("/plan?" + address, status_code=303)
    recipes = library_recipes(lib, query.ids)
    plan = plan_meal(recipes, query.meal(), _plans(request))
    if not plan.tasks:  # no plan: the planner page says why, and how to fix it
        return RedirectResponse("/plan?" + address, status_code=303)
    context = {
        "steps": plan_view.cook_steps(plan, recipes),
        "summary": plan_view.summary(plan),
        "back": "/plan?" + address,
    }
    return render(request, "cook.html", context)
