"""A meal to plan, as a page or an API call asks for it, and the planner's answer.

``Meal`` holds what ``ladle plan`` takes besides its recipes: the serving time, ``exact``,
the methods, ``--serve`` and ``--after`` settings (``"DISH=VALUE"``, DISH a recipe's number in
the meal or a word of its title), ``--courses``, the kitchen (the kitchen file's TOML as JSON
data; none: ladle's default kitchen) and the solver's time limit. ``plan_meal`` makes the
same calls as the command line (``table_settings``, ``kitchen_from``, ``planner.plan``), and
keeps each plan for a minute (``PlanCache``), so that the chart, the calendar and cook mode of
the plan just shown are not solved again. An infeasible plan is refused as ``NoPlan``: a 422
problem carrying the explanation, the fixes and the plan document.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from starlette.exceptions import HTTPException

from ladle.errors import RequestError

if TYPE_CHECKING:
    from ladle.model import Recipe
    from ladle.plan_model import Plan
    from ladle.store import Library

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "MAX_DISHES",
    "MAX_TIME_LIMIT",
    "Meal",
    "NoPlan",
    "PlanCache",
    "check_methods",
    "library_recipes",
    "methods_of",
    "plan_meal",
    "serve_time",
]

MAX_DISHES = 20  # recipes in one meal: a feast, and still a plan in seconds
DEFAULT_TIME_LIMIT = 10.0  # seconds the solver may search, as on the command line
MAX_TIME_LIMIT = 60.0
SERVE_AT_EXAMPLE = "2026-11-26 19:00"


def serve_time(text: str, where: str = "serve_at") -> datetime:
    """The serving time: a date and a time of day in whole minutes, as ``--serve-at`` takes
    it (``2026-11-26 19:00``, or ``2026-11-26T19:00`` as a browser's date-time field sends it)."""
    cleaned = text.strip().replace("T", " ", 1)

    def refuse(what: str, hint: str) -> RequestError:
        return RequestError(f"{text.strip()!r} {what}", where=where, hint=hint)

    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise refuse("is not a time", f'write it as "{SERVE_AT_EXAMPLE}"') from None
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        pass
    else:
        raise refuse("is a date without a time", f'give the time too: "{day} 19:00"')
    if moment.second or moment.microsecond:
        raise refuse("has seconds", f'ladle plans in whole minutes: "{moment:%Y-%m-%d %H:%M}"')
    return moment


@dataclass(frozen=True, slots=True)
class Meal:
    """How to plan a meal: everything ``ladle plan`` takes besides the recipes."""

    serve_at: datetime
    exact: bool = False
    methods: tuple[str, ...] = ()
    serve: tuple[str, ...] = ()  # "DISH=hot|warm|room|cold", as --serve
    after: tuple[str, ...] = ()  # "DISH=MINUTES", as --after
    courses: bool = False
    kitchen: str | None = None  # the kitchen file's data as canonical JSON; None: the default
    time_limit: float = DEFAULT_TIME_LIMIT

    @staticmethod
    def kitchen_json(data: Mapping[str, Any] | None) -> str | None:
        """Kitchen data (the kitchen file's tables) as the canonical text a meal holds."""
        return None if data is None else json.dumps(data, sort_keys=True, ensure_ascii=False)

    @property
    def kitchen_data(self) -> dict[str, Any] | None:
        if self.kitchen is None:
            return None
        data: dict[str, Any] = json.loads(self.kitchen)
        return data


class NoPlan(RequestError):
    """No timeline serves the meal: the explanation, and the fixes (each tried by the solver)."""

    def __init__(self, plan: Plan, fixes: Sequence[Mapping[str, Any]], exact: bool) -> None:
        reason = plan.explanation[0] if plan.explanation else "no plan exists"
        hint = "see the fixes" + (", or plan without exact" if exact else "")
        super().__init__(reason, where="plan", hint=hint)
        self.plan = plan
        self.fixes = list(fixes)

    @property
    def problem_fields(self) -> dict[str, Any]:
        """What the problem details carry besides the message."""
        return {
            "explanation": list(self.plan.explanation),
            "fixes": self.fixes,
            "plan": self.plan.to_json(),
        }


def library_recipes(lib: Library, ids: Iterable[int]) -> list[Recipe]:
    """Recipes of the library, in the order asked (an unknown id: ``NotInLibrary``, 404)."""
    return [lib.get(number) for number in ids]


def methods_of(recipes: Sequence[Recipe]) -> list[str]:
    """The other methods the recipes give: their articles' ("Two-Stage Oven Roast") and two
    or more in their steps ("Instant Pot", "Slow Cooker")."""
    from ladle.planning.methods_in_steps import known_methods

    return known_methods(recipes)


def check_methods(recipes: Sequence[Recipe], names: Sequence[str]) -> None:
    """Every method named is a method of a recipe, as the planner matches them."""
    from ladle.planning.methods_in_steps import check_methods as check_known

    try:
        check_known(recipes, names)
    except RequestError as error:
        raise RequestError(error.what, where="method", hint=error.hint) from None


class PlanCache:
    """The plans made in the last ``seconds``, by their recipes and settings (at most
    ``size``): the page, its chart, its calendar and cook mode share one solve. The same
    meal asked for twice at once is solved once (the second waits for the first), and at
    most ``solving`` meals are solved at a time: a meal that waits longer than ``wait``
    seconds for its turn is refused (503, try again)."""

    def __init__(
        self, size: int = 32, seconds: float = 60.0, solving: int = 2, wait: float = 60.0
    ) -> None:
        self.size = size
        self.seconds = seconds
        self.wait = wait
        self._plans: OrderedDict[tuple[str, Meal], tuple[float, Plan]] = OrderedDict()
        self._making: dict[tuple[str, Meal], threading.Lock] = {}
        self._lock = threading.Lock()
        self._turns = threading.BoundedSemaphore(solving)

    def _kept(self, key: tuple[str, Meal]) -> Plan | None:
        with self._lock:
            found = self._plans.get(key)
            if found is None or time.monotonic() - found[0] >= self.seconds:
                return None
            self._plans.move_to_end(key)
            return found[1]

    def _keep(self, key: tuple[str, Meal], plan: Plan) -> None:
        with self._lock:
            self._plans[key] = (time.monotonic(), plan)
            self._plans.move_to_end(key)
            while len(self._plans) > self.size:
                self._plans.popitem(last=False)

    def get(self, key: tuple[str, Meal], make: Callable[[], Plan]) -> Plan:
        kept = self._kept(key)
        if kept is not None:
            return kept
        with self._lock:
            making = self._making.setdefault(key, threading.Lock())
        try:
            with making:  # the same meal asked for at once: solved once
                kept = self._kept(key)
                if kept is not None:
                    return kept
                if not self._turns.acquire(timeout=self.wait):
                    raise HTTPException(
                        503, "plan: the planner is busy with other meals (try again shortly)",
                        headers={"Retry-After": "10"},
                    )  # fmt: skip
                try:
                    made = make()
                finally:
                    self._turns.release()
                self._keep(key, made)
                return made
        finally:
            with self._lock:
                self._making.pop(key, None)


def _digest(recipes: Sequence[Recipe]) -> str:
    text = json.dumps([r.to_json() for r in recipes], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _solve(recipes: Sequence[Recipe], meal: Meal) -> Plan:
    from ladle.planning.courses import table_settings
    from ladle.planning.kitchen import kitchen_from
    from ladle.planning.planner import plan

    data = meal.kitchen_data
    room = kitchen_from(data, "kitchen") if data is not None else None
    servings, later = table_settings(recipes, meal.serve, meal.after, meal.courses)
    return plan(
        recipes,
        meal.serve_at,
        room,
        exact=meal.exact,
        methods=meal.methods,
        time_limit=meal.time_limit,
        serving=servings,
        after=later,
    )


def plan_meal(recipes: Sequence[Recipe], meal: Meal, cache: PlanCache | None = None) -> Plan:
    """The plan of a meal, as ``ladle plan`` makes it (infeasible plans included)."""
    if not recipes:
        raise RequestError("no recipes to plan", where="plan", hint="choose at least one recipe")
    if len(recipes) > MAX_DISHES:
        raise RequestError(
            f"{len(recipes)} recipes are more than one meal plans at once",
            where="plan",
            hint=f"plan at most {MAX_DISHES}",
        )
    check_methods(recipes, meal.methods)
    if cache is None:
        return _solve(recipes, meal)
    return cache.get((_digest(recipes), meal), lambda: _solve(recipes, meal))
