"""The planner page, cook mode and the shopping list page through the test client, without
JavaScript: the state in the address, the plan's timeline and inline chart, the fixes as
links, the steps with their timers, the list by aisle, and recipe text kept as text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from ladle.store import open_library

from .test_web_plan import TITLES, Dinner, soon, tomorrow
from .web_support import client_for, hostile_recipe, library_url

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def dinner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dinner]:
    with client_for(tmp_path_factory.mktemp("dinner-pages")) as client:
        yield Dinner(client)


def _ids(dinner: Dinner) -> str:
    return ",".join(map(str, dinner.ids))


def _links(page: str, pattern: str, before: str = "") -> list[str]:
    found = re.findall(before + r'href="(' + pattern + r'[^"]*)"', page)
    return [unescape(h) for h in found]


def _no_inline_script(page: str) -> None:
    for chunk in page.split("<script")[1:]:
        assert chunk.split(">", 1)[0].startswith(' src="/static/'), chunk[:80]


def test_the_plan_page_shows_the_timeline_the_chart_and_the_links(dinner: Dinner) -> None:
    response = dinner.client.get("/plan", params={"ids": _ids(dinner), "serve_at": tomorrow()})
    assert response.status_code == 200, response.text
    page = response.text
    assert "Serve at 19:00 on " in page
    assert page.count('<tr class="active">') + page.count('<tr class="passive">') > 20
    assert all(title in page for title in TITLES)
    chart = page.split('<figure class="gantt" id="gantt">', 1)[1].split("</figure>", 1)[0]
    assert chart.strip().startswith("<svg ") and "<script" not in chart
    assert 'id="ladle-hatch"' in chart
    for path in ("/cook?", "/api/plan.ics?", "/api/plan.svg?"):
        (link,) = _links(page, re.escape(path))
        assert parse_qs(urlsplit(link).query)["ids"] == [_ids(dinner)]
    assert _links(page, "/shop\\?") == [f"/shop?ids={_ids(dinner)}"]
    assert 'value="' + tomorrow() + '"' in page  # the form keeps the serving time
    _no_inline_script(page)


def test_the_form_keeps_each_dish_s_settings_and_removes_a_dish(dinner: Dinner) -> None:
    query = {"ids": _ids(dinner), "serve_at": tomorrow(), "serve": "2=warm", "after": "4=45",
             "find": "1", "q": "tea"}  # fmt: skip
    page = dinner.client.get("/plan", params=query).text
    assert 'id="plan"' not in page  # "find" only looks for recipes
    assert '<option value="2=warm" selected>' in page
    assert '<option value="4=45" selected>' in page
    removes = _links(page, "/plan\\?", before='class="remove" ')
    assert len(removes) == 4
    first = parse_qs(urlsplit(removes[0]).query)  # without the first dish: renumbered
    assert first["ids"][0].split(",") == [str(i) for i in dinner.ids[1:]]
    assert first["serve"] == ["1=warm"] and first["after"] == ["3=45"]
    second = parse_qs(urlsplit(removes[1]).query)  # without the second: its setting goes
    assert "serve" not in second and second["after"] == ["3=45"]
    kitchen = dinner.client.get("/plan", params={"ids": _ids(dinner), "ovens": 0}).text
    assert 'name="ovens" min="0" max="10" value="0"' in kitchen  # no oven is not one oven
    assert 'name="burners" min="0" max="50" value="4"' in kitchen
    few = dinner.client.get("/plan", params={"ids": str(dinner.ids[0]), "q": "tea"}).text
    candidates = few.split('id="candidates"', 1)[1].split("</ul>", 1)[0]
    assert "Iced Hibiscus Ginger Tea" in candidates and TITLES[0] not in candidates


def test_no_plan_shows_why_and_each_fix_is_a_link_to_a_plan(dinner: Dinner) -> None:
    query = {"ids": str(dinner.ids[0]), "serve_at": soon(), "night": "1"}
    for _ in range(2):  # a fix found a second too late: the next minute's fix (rare)
        page = dinner.client.get("/plan", params=query).text
        assert "No plan serves this meal at" in page
        assert "There is not enough time before serving to do every step" in page
        (fix,) = _links(page, "/plan\\?", before='class="button fix" ')
        assert parse_qs(urlsplit(fix).query)["night"] == ["1"]
        planned = dinner.client.get(fix)
        if 'id="plan"' in planned.text:
            break
        query = {k: v[0] for k, v in parse_qs(urlsplit(fix).query).items()}
    assert planned.status_code == 200 and 'id="plan"' in planned.text
    exact = dinner.client.get("/plan", params={**query, "exact": "1", "serve_at": soon(5)}).text
    assert 'id="inexact"' in exact


def test_a_bad_serving_time_is_said_on_the_form(dinner: Dinner) -> None:
    response = dinner.client.get("/plan", params={"ids": _ids(dinner), "serve_at": "soon"})
    assert response.status_code == 422
    assert "serve_at: &#39;soon&#39; is not a time" in response.text
    missing = dinner.client.get("/plan", params={"ids": "999"}, headers=HTML)
    assert missing.status_code == 404 and "no recipe has id 999" in missing.text
    assert dinner.client.get("/plan").status_code == 200


def test_cook_mode_lists_the_steps_in_order_with_their_timers(dinner: Dinner) -> None:
    query = {"ids": _ids(dinner), "serve_at": tomorrow()}
    page = dinner.client.get("/cook", params=query).text
    starts = re.findall(r'class="cook-step" id="step-\d+" data-start="([^"]+)"', page)
    assert len(starts) > 20 and starts == sorted(starts)
    minutes = [float(m) for m in re.findall(r'data-minutes="([^"]+)"', page)]
    assert 80 in minutes and 90 in minutes  # "Roast for 1 hour 20 minutes to 1 hour 30 minutes"
    assert 'data-label="Lemon and Thyme Roast Chicken, step 4"' in page
    assert '<script src="/static/cook.js?v=' in page
    _no_inline_script(page)
    late = dinner.client.get("/cook", params={**query, "serve_at": soon(5)}, follow_redirects=False)
    assert late.status_code == 303 and late.headers["location"].startswith("/plan?")
    assert dinner.client.get("/cook", follow_redirects=False).status_code == 303


def test_the_shopping_list_page(dinner: Dinner) -> None:
    page = dinner.client.get("/shop", params={"ids": _ids(dinner), "servings": 8}).text
    assert "<h2>Produce</h2>" in page and "<h2>Staples</h2>" in page
    items = re.findall(r'class="tick" data-item="([^"]+)"', page)
    assert "olive oil" in items and len(items) == len(set(items))
    ids = sorted(dinner.ids)
    assert f'data-key="{",".join(map(str, ids))}"' in page
    metric = dinner.client.get("/shop", params={"ids": _ids(dinner), "units": "metric"}).text
    assert " kg whole chicken" in metric or " g whole chicken" in metric
    empty = dinner.client.get("/shop").text
    assert "Tick the recipes to shop for" in empty and all(t in empty for t in TITLES)


def test_the_recipe_page_links_to_the_planner_and_the_list(dinner: Dinner) -> None:
    number = dinner.ids[0]
    page = dinner.client.get(f"/recipes/{number}").text
    assert f'href="/plan?ids={number}"' in page and f'href="/shop?ids={number}"' in page
    nav = dinner.client.get("/").text.split("<nav>", 1)[1].split("</nav>", 1)[0]
    assert 'href="/plan"' in nav and 'href="/shop"' in nav


def test_hostile_text_stays_text_on_the_plan_cook_and_shop_pages(tmp_path: Path) -> None:
    with open_library(library_url(tmp_path)) as lib:
        ids = ",".join(str(lib.add(hostile_recipe(f"Dish{n}")).id) for n in range(2))
    with client_for(tmp_path) as client:
        query = {"ids": ids, "serve_at": tomorrow()}
        for path in ("/plan", "/cook", "/shop"):
            response = client.get(path, params=query)
            assert response.status_code == 200, (path, response.text[:300])
            page = response.text
            assert "<script>alert(1)</script>" not in page, path
            assert "<img src=x" not in page and "<svg onload" not in page, path
            assert 'href="javascript:' not in page, path
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, path
            _no_inline_script(page)
        chart = client.get("/plan", params=query).text.split('id="gantt">', 1)[1]
        assert chart.lstrip().startswith("<svg ")


def test_a_forms_empty_fields_are_fields_not_given(dinner: Dinner) -> None:
    number = dinner.ids[0]
    recipe = dinner.client.get(f"/recipes/{number}?servings=&units=")  # "as written", no script
    assert recipe.status_code == 200
    scaled = dinner.client.get(f"/recipes/{number}?servings=8&units=")
    assert scaled.status_code == 200 and "Serves 8" in scaled.text
    plan = dinner.client.get(f"/plan?ids={number}&serve_at=&ovens=&serve=&after=&q=")
    assert plan.status_code == 200 and 'id="plan"' not in plan.text
    assert dinner.client.get(f"/shop?ids={number}&servings=&units=").status_code == 200
    api = dinner.client.get(f"/api/recipes/{number}/scaled?units=")  # the API takes no blanks
    assert api.status_code == 422
