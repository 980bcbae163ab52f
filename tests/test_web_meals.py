"""The web app's meal settings without a server: the serving time, the planner's query in an
address, each wording of a fix turned into its settings, and the chart checked before a page
holds it."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import datetime
from typing import get_args
from urllib.parse import parse_qs

import pytest
from starlette.exceptions import HTTPException

from ladle.errors import RequestError
from ladle.model import Recipe
from ladle.plan_model import Plan, PlanResource, PlanTask
from ladle.planning.export import gantt_svg
from ladle.planning.kitchen import Kitchen
from ladle.planning.reading import APPLIANCES as PLANNER_APPLIANCES
from ladle.web.fixes import dish_index, fixes_of, kitchen_of_plan, reasons_of
from ladle.web.markup import inline_svg
from ladle.web.meals import Meal, PlanCache, serve_time
from ladle.web.plan_query import (
    APPLIANCES,
    DEFAULT_KITCHEN,
    Appliance,
    PlanQuery,
    parse_ids,
    query_of,
)

from .web_support import PAYLOADS

SERVE = datetime(2026, 11, 26, 19, 0)
MEAL = Meal(serve_at=SERVE)
DISHES = [Recipe(title="Roast Chicken"), Recipe(title="Blueberry Cobbler"),
          Recipe(title="Green Beans")]  # fmt: skip


def test_the_planners_appliances_and_default_kitchen_are_the_pages() -> None:
    assert tuple(sorted(PLANNER_APPLIANCES)) == APPLIANCES
    assert get_args(Appliance) == APPLIANCES  # the query takes what the checkboxes offer
    assert {"rice cooker", "sous vide"} <= set(APPLIANCES)
    kitchen = Kitchen()
    assert {
        "ovens": len(kitchen.ovens),
        "burners": kitchen.burners,
        "cooks": kitchen.cooks,
    } == DEFAULT_KITCHEN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-26 19:00", datetime(2026, 11, 26, 19, 0)),
        ("2026-11-26T19:00", datetime(2026, 11, 26, 19, 0)),
        (" 2026-11-26T07:30 ", datetime(2026, 11, 26, 7, 30)),
    ],
)
def test_a_serving_time(text: str, expected: datetime) -> None:
    assert serve_time(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tomorrow", "'tomorrow' is not a time"),
        ("2026-11-26", "is a date without a time"),
        ("2026-11-26T19:00:30", "has seconds"),
        ("", "is not a time"),
    ],
)
def test_a_serving_time_that_is_not_one(text: str, message: str) -> None:
    with pytest.raises(RequestError, match=message) as caught:
        serve_time(text)
    assert caught.value.where == "serve_at"


def test_ids_from_a_query() -> None:
    assert parse_ids(["3,1", "4", "1"]) == [3, 1, 4]
    with pytest.raises(RequestError, match="'x' is not a recipe id"):
        parse_ids(["1,x"])
    with pytest.raises(RequestError, match="more than one list takes"):
        parse_ids([",".join(str(n) for n in range(1, 30))], most=20)


def test_a_meal_goes_into_an_address_and_back() -> None:
    query = PlanQuery(
        ids=(3, 1, 4),
        serve_at="2026-11-26T19:00",
        exact=True,
        courses=True,
        methods=("Air Fryer",),
        serve=("2=warm",),
        after=("3=45",),
        ovens=2,
        appliances=("air fryer",),
        night=True,
        time_limit=30,
    )
    meal = query.meal()
    assert meal.kitchen_data == {
        "oven": [{}, {}],
        "burner": [{"count": 4}],
        "cooks": {"count": 1, "allow_night": True},
        "appliance": [{"name": "air fryer"}],
    }
    address = query_of(query.ids, meal)
    fields = parse_qs(address)
    assert fields["ids"] == ["3,1,4"] and fields["serve_at"] == ["2026-11-26T19:00"]
    assert fields["serve"] == ["2=warm"] and fields["after"] == ["3=45"]
    assert fields["ovens"] == ["2"] and fields["appliance"] == ["air fryer"]
    assert fields["night"] == ["1"] and fields["time_limit"] == ["30"]
    again = replace(query, burners=int(fields["burners"][0]), cooks=int(fields["cooks"][0]))
    assert again.meal() == meal
    assert PlanQuery(ids=(1,), serve_at="2026-11-26T19:00", ovens=1, burners=4).kitchen is None


def test_a_dish_removed_renumbers_the_settings_after_it() -> None:
    query = PlanQuery(ids=(3, 1, 4), serve=("1=hot", "2=warm", "3=cold"), after=("3=45",))
    fields = parse_qs(query.without(2))
    assert fields["ids"] == ["3,4"]
    assert fields["serve"] == ["1=hot", "2=cold"] and fields["after"] == ["2=45"]


def _infeasible(*fixes: str) -> Plan:
    lines = ["The steps cannot all be fitted before serving."]
    if fixes:
        lines.append("Fixes: " + "; or ".join(fixes) + ".")
    resources = [
        PlanResource("cook-1", "cook", 1),
        PlanResource("oven-1", "oven", 2),
        PlanResource("burner", "burner", 4),
        PlanResource("slow cooker", "appliance", 1),
    ]
    return Plan(SERVE, None, "infeasible", explanation=lines, resources=resources)


def _only(text: str, meal: Meal = MEAL) -> Meal | None:
    found = fixes_of(_infeasible(text), DISHES, meal)
    assert [f.text for f in found] == [text]
    return found[0].meal


def test_serve_later_fixes() -> None:
    assert _only("serve at 20:35") == replace(MEAL, serve_at=datetime(2026, 11, 26, 20, 35))
    assert _only("serve at Fri 01:10") == replace(MEAL, serve_at=datetime(2026, 11, 27, 1, 10))


def test_dish_fixes_name_the_dish_by_its_number() -> None:
    later = _only(
        'serve the Blueberry Cobbler 45 minutes after the rest (--after "Blueberry Cobbler=45")'
    )
    assert later == replace(MEAL, after=("2=45",))
    set_before = replace(MEAL, after=("cobbler=15", "1=5"))
    again = _only('serve the X (--after "Blueberry Cobbler=45")', set_before)
    assert again is not None and again.after == ("1=5", "2=45")
    warm = _only('serve the Roast Chicken warm (--serve "Roast Chicken=warm")')
    assert warm == replace(MEAL, serve=("1=warm",))
    both = _only("serve the Roast Chicken and Green Beans at room temperature")
    assert both == replace(MEAL, serve=("1=room", "3=room"))
    assert _only('serve the Soup warm (--serve "Soup=warm")') is None  # no such dish


def test_kitchen_fixes() -> None:
    oven = _only("use a second oven")
    assert oven is not None and oven.kitchen_data == {
        "oven": [{"racks": 2}, {"racks": 2}],
        "burner": [{"count": 4}],
        "cooks": {"count": 1},
        "appliance": [{"name": "slow cooker", "count": 1}],
    }
    fryer = _only("use the air fryer for the carrots, if you have one")
    assert fryer is not None and fryer.kitchen_data is not None
    assert fryer.kitchen_data["appliance"][-1] == {"name": "air fryer"}
    described = replace(MEAL, kitchen=Meal.kitchen_json({"oven": [], "burner": [{"count": 2}]}))
    added = _only("add an oven to the kitchen file ([[oven]])", described)
    assert added is not None and added.kitchen_data == {"oven": [{}], "burner": [{"count": 2}]}
    longer = _only("give the planner longer (--time-limit 60)")
    assert longer == replace(MEAL, time_limit=60)


def test_fixes_without_one_setting_stay_words() -> None:
    assert _only("roast the carrots at 450°F for 22–27 minutes") is None
    assert _only("make the pork belly up to a day ahead and reheat it at 425°F") is None
    plan = _infeasible()
    assert fixes_of(plan, DISHES, MEAL) == []
    assert reasons_of(_infeasible("serve at 20:35")) == [plan.explanation[0]]


def test_a_dish_by_number_title_or_word() -> None:
    assert dish_index(DISHES, "2") == 1
    assert dish_index(DISHES, "roast chicken") == 0
    assert dish_index(DISHES, "beans") == 2
    assert dish_index(DISHES, "4") is None and dish_index(DISHES, "o") is None


def test_the_kitchen_of_a_plan() -> None:
    assert kitchen_of_plan(Plan(SERVE, None, "infeasible")) == {
        "oven": [],
        "burner": [{"count": 0}],
        "cooks": {"count": 1},
    }


def test_the_plan_cache_keeps_a_plan_for_a_while() -> None:
    made: list[int] = []

    def make() -> Plan:
        made.append(1)
        return Plan(SERVE, None, "infeasible")

    cache = PlanCache(size=1, seconds=60)
    first = cache.get(("a", MEAL), make)
    assert cache.get(("a", MEAL), make) is first and len(made) == 1
    cache.get(("b", MEAL), make)  # the oldest goes
    cache.get(("a", MEAL), make)
    assert len(made) == 3
    stale = PlanCache(seconds=0)
    stale.get(("a", MEAL), make)
    stale.get(("a", MEAL), make)
    assert len(made) == 5


def test_the_same_meal_at_once_is_solved_once_and_a_busy_planner_says_so() -> None:
    started, release = threading.Event(), threading.Event()
    made: list[int] = []

    def slow() -> Plan:
        made.append(1)
        started.set()
        release.wait(10)
        return Plan(SERVE, None, "infeasible")

    cache = PlanCache(solving=1, wait=0.05)
    results: list[Plan] = []
    first = threading.Thread(target=lambda: results.append(cache.get(("a", MEAL), slow)))
    second = threading.Thread(target=lambda: results.append(cache.get(("a", MEAL), slow)))
    first.start()
    assert started.wait(10)
    second.start()
    with pytest.raises(HTTPException) as busy:  # another meal, while the one turn is taken
        cache.get(("b", MEAL), slow)
    assert busy.value.status_code == 503 and "busy" in busy.value.detail
    release.set()
    first.join(10)
    second.join(10)
    assert len(made) == 1 and len(results) == 2 and results[0] is results[1]


def _hostile_plan() -> Plan:
    titles = [f"Pie {payload}" for payload in PAYLOADS]
    tasks = [
        PlanTask(f"t{i}", title, 1, f"Bake {payload}", SERVE.replace(hour=17 + i % 2),
                 SERVE.replace(hour=18), "passive", dish=title)
        for i, (title, payload) in enumerate(zip(titles, PAYLOADS, strict=True))
    ]  # fmt: skip
    return Plan(SERVE, SERVE.replace(hour=17), "optimal", tasks=tasks,
                explanation=[], deviations=[])  # fmt: skip


def test_the_chart_goes_into_a_page_as_shapes_and_text() -> None:
    markup = inline_svg(gantt_svg(_hostile_plan()))
    assert markup is not None
    text = str(markup)
    assert text.startswith("<svg ") and text.endswith("</svg>")
    for forbidden in ("<script", "<img", "<svg onload", "<a "):
        assert forbidden not in text
    assert not re.search(r"<[^>]*\son\w+=", text)  # no event handler in any tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


@pytest.mark.parametrize(
    "svg",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text/></a></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:red"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://example.com/#x)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
        '<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>',
        "<svg><text>not in the SVG namespace</text></svg>",
        '<svg xmlns="http://www.w3.org/2000/svg"><text>unclosed</svg>',
    ],
)
def test_a_chart_with_anything_else_is_not_inlined(svg: str) -> None:
    assert inline_svg(svg) is None
