"""A meal in an address: the query of the planner page, cook mode, the chart and the calendar.

The plan lives in its address, so it can be bookmarked, reloaded and shared, with nothing kept
on the server but the library::

    /plan?ids=3,1,4&serve_at=2026-11-26T19:00&serve=2=warm&after=4=45&ovens=2

``ids`` are library ids (the meal's dishes, in order; repeated or parted by commas),
``serve_at`` the serving time, ``exact`` and ``courses`` as ``--exact`` and ``--courses``,
``method`` as ``--method``, ``serve`` and ``after`` as ``--serve`` and ``--after`` (DISH is the
dish's number in ``ids``); ``ovens``, ``burners``, ``cooks``, ``appliance`` and ``night`` (the cooks
work at night too) describe the kitchen (none of them: ladle's default kitchen, which has any
appliance a recipe cooks in);
``time_limit`` the seconds the solver may search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Query

from ladle.errors import RequestError
from ladle.limits import MAX_BURNERS, MAX_COOKS, MAX_OVENS
from ladle.web.calls import MAX_ID, split_values
from ladle.web.meals import DEFAULT_TIME_LIMIT, MAX_DISHES, MAX_TIME_LIMIT, Meal, serve_time

__all__ = [
    "APPLIANCES",
    "DEFAULT_KITCHEN",
    "PlanQuery",
    "parse_ids",
    "plan_query",
    "query_for",
    "query_of",
]

# The appliances a recipe may cook in (ladle.planning.reading.APPLIANCES; a test keeps them
# equal), as the kitchen's checkboxes offer them.
APPLIANCES = ("air fryer", "deep fryer", "grill", "microwave", "pressure cooker",
              "rice cooker", "slow cooker", "smoker", "sous vide")  # fmt: skip
Appliance = Literal[
    "air fryer",
    "deep fryer",
    "grill",
    "microwave",
    "pressure cooker",
    "rice cooker",
    "slow cooker",
    "smoker",
    "sous vide",
]
DEFAULT_KITCHEN = {"ovens": 1, "burners": 4, "cooks": 1}  # ladle.planning.kitchen.Kitchen()


def parse_ids(values: Sequence[str], most: int = MAX_DISHES, where: str = "ids") -> list[int]:
    """Library ids from a query (repeated, or parted by commas), each once, in order."""
    ids: list[int] = []
    for value in split_values(values):
        if not value.isdigit() or not 1 <= int(value) <= MAX_ID:
            raise RequestError(
                f"{value[:40]!r} is not a recipe id",
                where=where,
                hint="ids are whole numbers from 1, as the library lists them",
            )
        if int(value) not in ids:
            ids.append(int(value))
    if len(ids) > most:
        raise RequestError(f"{len(ids)} recipes are more than one list takes", where=where,
                           hint=f"choose at most {most}")  # fmt: skip
    return ids


@dataclass(frozen=True, slots=True)
class PlanQuery:
    """The planner's query, as given (the serving time still text)."""

    ids: tuple[int, ...] = ()
    serve_at: str = ""
    exact: bool = False
    courses: bool = False
    methods: tuple[str, ...] = ()
    serve: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    ovens: int | None = None
    burners: int | None = None
    cooks: int | None = None
    appliances: tuple[str, ...] = ()
    night: bool = False
    time_limit: float | None = None

    @property
    def kitchen(self) -> dict[str, Any] | None:
        """The kitchen described (the kitchen file's tables), or None for the default."""
        given = {"ovens": self.ovens, "burners": self.burners, "cooks": self.cooks}
        counts = {k: DEFAULT_KITCHEN[k] if v is None else v for k, v in given.items()}
        if counts == DEFAULT_KITCHEN and not self.appliances and not self.night:
            return None
        data: dict[str, Any] = {
            "oven": [{} for _ in range(counts["ovens"])],
            "burner": [{"count": counts["burners"]}],
            "cooks": {"count": counts["cooks"]} | ({"allow_night": True} if self.night else {}),
        }
        if self.appliances:
            data["appliance"] = [{"name": name} for name in self.appliances]
        return data

    def encoded(self, **changes: Any) -> str:
        """The query as an address carries it (``changes`` replace fields first)."""
        q = replace(self, **changes) if changes else self
        fields: list[tuple[str, Any]] = [("ids", ",".join(str(i) for i in q.ids))]
        fields += [("serve_at", q.serve_at)] if q.serve_at else []
        fields += [("exact", 1)] if q.exact else []
        fields += [("courses", 1)] if q.courses else []
        fields += [("method", m) for m in q.methods]
        fields += [("serve", s) for s in q.serve]
        fields += [("after", a) for a in q.after]
        if q.kitchen is not None:  # the default kitchen needs no words
            kitchen = {"ovens": q.ovens, "burners": q.burners, "cooks": q.cooks}
            fields += [(name, value) for name, value in kitchen.items() if value is not None]
        fields += [("appliance", a) for a in q.appliances]
        fields += [("night", 1)] if q.night else []
        fields += [("time_limit", f"{q.time_limit:g}")] if q.time_limit is not None else []
        return urlencode(fields)

    def without(self, position: int) -> str:
        """The query without the dish at ``position`` (from 1), the later dishes' settings
        renumbered."""

        def renumbered(settings: tuple[str, ...]) -> tuple[str, ...]:
            out = []
            for setting in settings:
                dish, _, value = setting.rpartition("=")
                number = int(dish) if dish.strip().isdigit() else 0
                if number == position:
                    continue
                out.append(f"{number - 1}={value}" if number > position else setting)
            return tuple(out)

        ids = self.ids[: position - 1] + self.ids[position:]
        return self.encoded(ids=ids, serve=renumbered(self.serve), after=renumbered(self.after))

    def meal(self) -> Meal:
        """The meal to plan (a serving time that is no time: ``RequestError``, 422)."""
        return Meal(
            serve_at=serve_time(self.serve_at),
            exact=self.exact,
            methods=self.methods,
            serve=self.serve,
            after=self.after,
            courses=self.courses,
            kitchen=Meal.kitchen_json(self.kitchen),
            time_limit=self.time_limit or DEFAULT_TIME_LIMIT,
        )


def _settings(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(v.strip() for v in values if v.strip())


def plan_query(
    *,
    ids: Annotated[
        list[str], Query(description="Library ids of the dishes, in order (1,2,3).")
    ] = [],  # noqa: B006
    serve_at: Annotated[
        str, Query(max_length=40, description='When the meal is served: "2026-11-26T19:00".')
    ] = "",
    exact: Annotated[bool, Query(description="No other temperatures or methods.")] = False,
    courses: Annotated[bool, Query(description="Desserts 45 minutes after the main.")] = False,
    method: Annotated[
        list[str], Query(description="Cook by this method of a recipe's article.")
    ] = [],  # noqa: B006
    serve: Annotated[
        list[str], Query(description='"DISH=hot|warm|room|cold", DISH the dish\'s number.')
    ] = [],  # noqa: B006
    after: Annotated[
        list[str], Query(description='"DISH=MINUTES": serve a dish later than the rest.')
    ] = [],  # noqa: B006
    ovens: Annotated[int | None, Query(ge=0, le=MAX_OVENS)] = None,
    burners: Annotated[int | None, Query(ge=0, le=MAX_BURNERS)] = None,
    cooks: Annotated[int | None, Query(ge=1, le=MAX_COOKS)] = None,
    appliance: Annotated[list[Appliance], Query(description="Appliances the kitchen has.")] = [],  # noqa: B006
    night: Annotated[bool, Query(description="The cooks work at night too.")] = False,
    time_limit: Annotated[float | None, Query(gt=0, le=MAX_TIME_LIMIT)] = None,
) -> PlanQuery:
    """The planner's query (a dependency of the pages and of the chart and calendar)."""
    if len(method) + len(serve) + len(after) > 3 * MAX_DISHES:
        raise RequestError("too many settings", where="query", hint="one of each per dish")
    return PlanQuery(
        ids=tuple(parse_ids(ids)),
        serve_at=serve_at.strip(),
        exact=exact,
        courses=courses,
        methods=_settings(method),
        serve=_settings(serve),
        after=_settings(after),
        ovens=ovens,
        burners=burners,
        cooks=cooks,
        appliances=tuple(dict.fromkeys(appliance)),
        night=night,
        time_limit=time_limit,
    )


def _kitchen_fields(data: dict[str, Any] | None) -> dict[str, Any]:
    """A kitchen (the kitchen file's tables) as the query's fields."""
    if data is None:
        return {}
    cooks = data.get("cooks") or {}
    return {
        "night": cooks.get("allow_night") is True,
        "ovens": len(data.get("oven") or []),
        "burners": sum(int(t.get("count", 1)) for t in data.get("burner") or []),
        "cooks": int(cooks.get("count", 1)),
        "appliances": tuple(
            t["name"] for t in data.get("appliance") or [] if t.get("name") in APPLIANCES
        ),
    }


def query_for(ids: Sequence[int], meal: Meal) -> PlanQuery:
    """The query of a meal of library recipes (``ids`` in the meal's order)."""
    return PlanQuery(
        ids=tuple(ids),
        serve_at=meal.serve_at.isoformat(timespec="minutes"),
        exact=meal.exact,
        courses=meal.courses,
        methods=meal.methods,
        serve=meal.serve,
        after=meal.after,
        time_limit=None if meal.time_limit == DEFAULT_TIME_LIMIT else meal.time_limit,
        **_kitchen_fields(meal.kitchen_data),
    )


def query_of(ids: Sequence[int], meal: Meal) -> str:
    """The address's query of a meal of library recipes."""
    return query_for(ids, meal).encoded()
