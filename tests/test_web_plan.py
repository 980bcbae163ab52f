"""The meal planner's JSON API through the test client: the plan JSON of ``ladle plan --json``,
its chart and calendar, the shopping list of ``ladle shop --json``, an infeasible plan's fixes,
and bad input refused with the command line's messages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from ladle.formats import read
from ladle.shopping import shopping_list

from .test_cli import ladle
from .web_support import client_for, token

CASES = Path(__file__).parent / "cases" / "text"
DINNER = ("01-roast-chicken", "04-honey-roasted-carrots", "05-garlic-green-beans",
          "06-iced-hibiscus-tea")  # fmt: skip
TITLES = [
    "Lemon and Thyme Roast Chicken",
    "Honey-Roasted Carrots and Parsnips",
    "Garlicky Green Beans with Toasted Almonds",
    "Iced Hibiscus Ginger Tea",
]
NIGHT = {"cooks": {"allow_night": True}}  # a test may run at any hour of the night


def tomorrow(hour: int = 19) -> str:
    return (datetime.now() + timedelta(days=1)).strftime(f"%Y-%m-%dT{hour:02d}:00")


def soon(minutes: int = 30) -> str:
    return (datetime.now() + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M")


def text_of(name: str) -> str:
    return (CASES / f"{name}.txt").read_text(encoding="utf-8")


class Dinner:
    """A web app whose library holds the four-dish dinner."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.headers = {"X-CSRF-Token": token(client)}
        self.ids = [self.add({"text": text_of(name)}) for name in DINNER]

    def add(self, document: dict[str, Any]) -> int:
        response = self.client.post("/api/recipes", json=document, headers=self.headers)
        assert response.status_code == 201, response.text
        number: int = response.json()["id"]
        return number

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.client.post(path, json=body, headers=self.headers)


@pytest.fixture(scope="module")
def dinner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dinner]:
    with client_for(tmp_path_factory.mktemp("dinner")) as client:
        yield Dinner(client)


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status and "\n" not in body["detail"]
    return body


def test_the_plan_is_the_plan_json_of_the_command_line(dinner: Dinner) -> None:
    serve_at = tomorrow()
    response = dinner.post("/api/plan", {"recipes": dinner.ids, "serve_at": serve_at})
    assert response.status_code == 200, response.text
    document = response.json()
    files = [str(CASES / f"{name}.txt") for name in DINNER]
    cli = ladle("plan", *files, "--serve-at", serve_at.replace("T", " "), "--json")
    assert cli.returncode == 0, cli.stderr.decode()
    expected = json.loads(cli.stdout)
    assert set(document) == set(expected)
    for key in ("ladle", "serve_at", "status", "resources", "explanation", "deviations",
                "assumptions", "bounds", "lower_bound"):  # fmt: skip
        assert document[key] == expected[key], key
    assert document["status"] == "optimal"
    assert document["objective"] == expected["objective"]  # the same optimum
    assert {t["id"] for t in document["tasks"]} == {t["id"] for t in expected["tasks"]}
    assert [set(t) for t in document["tasks"]] == [set(t) for t in expected["tasks"]]
    assert {t["recipe"] for t in document["tasks"] if t["step"]} == set(TITLES)
    # recipe documents instead of ids: the same plan (the same solve, kept for a minute)
    documents = [read(f)[0].to_json() for f in files]
    again = dinner.post("/api/plan", {"recipes": documents, "serve_at": serve_at})
    assert again.status_code == 200 and again.json() == document


def test_the_options_of_ladle_plan(dinner: Dinner) -> None:
    body = {
        "recipes": dinner.ids,
        "serve_at": tomorrow(20),
        "serve": ["Tea=cold", "2=warm"],
        "after": ["tea=30"],
        "kitchen": {"oven": [{}], "burner": [{"count": 2}], "cooks": {"count": 2}},
    }
    document = dinner.post("/api/plan", body).json()
    dishes = {d["recipe"]: d for d in document["dishes"]}
    assert dishes[TITLES[1]]["serving"] == "warm" and dishes[TITLES[1]]["why"] == "as you asked"
    tea = datetime.fromisoformat(dishes[TITLES[3]]["serve_at"])
    assert tea - datetime.fromisoformat(document["serve_at"]) == timedelta(minutes=30)
    assert [r["id"] for r in document["resources"] if r["kind"] == "cook"] == ["cook-1", "cook-2"]
    assert next(r for r in document["resources"] if r["kind"] == "burner")["capacity"] == 2


def test_an_infeasible_plan_is_422_with_fixes_that_work(dinner: Dinner) -> None:
    body: dict[str, Any] = {"recipes": dinner.ids[:1], "serve_at": soon(), "kitchen": NIGHT}
    for _ in range(2):  # a fix found a second too late: the next minute's fix (rare)
        refused = _problem(dinner.post("/api/plan", body), 422)
        assert refused["type"] == "urn:ladle:problem:no-plan"
        assert refused["detail"].startswith("plan: There is not enough time before serving")
        assert refused["detail"].endswith("(see the fixes)")
        assert refused["explanation"][0].endswith("and serving is 29 minutes away.") or refused[
            "explanation"
        ][0].endswith("and serving is 30 minutes away.")  # the dish alone takes longer
        assert refused["plan"]["status"] == "infeasible" and refused["plan"]["tasks"] == []
        fix = refused["fixes"][0]
        assert fix["text"].startswith("serve at ")
        assert fix["text"].endswith(fix["change"]["serve_at"][-5:])
        body = {**body, **fix["change"]}
        planned = dinner.post("/api/plan", body)
        if planned.status_code == 200:
            break
    assert planned.status_code == 200, planned.text
    assert planned.json()["serve_at"] == body["serve_at"] + ":00"


def test_the_chart_and_the_calendar(dinner: Dinner) -> None:
    query = {"ids": ",".join(map(str, dinner.ids)), "serve_at": tomorrow()}
    svg = dinner.client.get("/api/plan.svg", params=query)
    assert svg.status_code == 200, svg.text
    assert svg.headers["content-type"] == "image/svg+xml"
    assert svg.headers["content-disposition"] == 'attachment; filename="plan.svg"'
    root = ElementTree.fromstring(svg.text)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    words = " ".join(root.itertext())
    assert all(title in words for title in TITLES)
    ics = dinner.client.get("/api/plan.ics", params=query)
    assert ics.status_code == 200
    assert ics.headers["content-type"] == "text/calendar; charset=utf-8"
    assert ics.text.startswith("BEGIN:VCALENDAR") and "BEGIN:VALARM" in ics.text
    body = {"recipes": dinner.ids, "serve_at": query["serve_at"]}
    assert dinner.post("/api/plan.svg", body).text == svg.text
    assert dinner.post("/api/plan.ics", body).text.startswith("BEGIN:VCALENDAR")
    late = _problem(dinner.client.get("/api/plan.svg", params={**query, "serve_at": soon(5)}), 422)
    assert "plan:" in late["detail"]  # at most one fix: the same time on a later day
    assert all(f["text"].startswith("serve at ") for f in late["fixes"]) and len(late["fixes"]) <= 1


def test_the_shopping_list_is_the_one_of_ladle_shop(dinner: Dinner) -> None:
    response = dinner.post("/api/shopping-list", {"recipes": dinner.ids[:3]})
    assert response.status_code == 200, response.text
    document = response.json()
    recipes = [read(str(CASES / f"{name}.txt"))[0] for name in DINNER[:3]]
    assert document == shopping_list(recipes).to_json()
    oil = next(i for i in document["items"] if i["name"] == "olive oil")
    assert len({u["recipe"] for u in oil["uses"]}) == 3  # merged across the recipes
    scaled = dinner.post(
        "/api/shopping-list", {"recipes": dinner.ids[:3], "servings": 8, "units": "metric"}
    ).json()
    assert scaled["system"] == "metric" and scaled != document
    chicken = next(i for i in scaled["items"] if "chicken" in i["name"])
    assert chicken["unit"] in {"kilogram", "gram"}


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"recipes": [999], "serve_at": "2030-01-01T19:00"}, 404, "no recipe has id 999"),
        ({"recipes": [1], "serve_at": "tomorrow"}, 422, "serve_at: 'tomorrow' is not a time"),
        ({"recipes": [1], "serve_at": "2030-01-01"}, 422, "is a date without a time"),
        ({"recipes": [1], "serve_at": "2020-01-01T19:00"}, 422, "is in the past"),
        ({"recipes": [1], "serve_at": "9999-12-31T23:00"}, 422, "more than ten years ahead"),
        ({"recipes": [True], "serve_at": "2030-01-01T19:00"}, 422, "recipes.0"),
        ({"recipes": [1] * 21, "serve_at": "2030-01-01T19:00"}, 422, "recipes: List should"),
        ({"recipes": [], "serve_at": "2030-01-01T19:00"}, 422, "recipes: List should"),
        ({"recipes": [1], "serve_at": "2030-01-01T19:00", "serve": ["1=tepid"]}, 422,
         "--serve: 'tepid' is not a way to serve a dish"),
        ({"recipes": [1], "serve_at": "2030-01-01T19:00", "after": ["soup=45"]}, 422,
         "--after: 'soup' matches no dish"),
        ({"recipes": [1], "serve_at": "2030-01-01T19:00", "methods": ["Sous Vide"]}, 422,
         "method: 'Sous Vide' matches no method"),
        ({"recipes": [1], "serve_at": "2030-01-01T19:00", "kitchen": {"freezer": {}}}, 422,
         "kitchen: freezer: unknown section 'freezer'"),
        ({"recipes": [{"ladle": 1, "title": 5}], "serve_at": "2030-01-01T19:00"}, 422,
         "recipes[0]"),
        ({"recipes": [1], "serve_at": "2030-01-01T19:00", "time_limit": 0}, 422, "time_limit"),
    ],
)  # fmt: skip
def test_bad_plans_are_refused_with_the_command_lines_words(
    dinner: Dinner, body: dict[str, Any], status: int, message: str
) -> None:
    recipes = [dinner.ids[0] if r == 1 and r is not True else r for r in body["recipes"]]
    body = {**body, "recipes": recipes}
    detail = _problem(dinner.post("/api/plan", body), status)["detail"]
    assert message in detail, detail


def test_bad_requests_elsewhere(dinner: Dinner) -> None:
    client = dinner.client
    _problem(client.get("/api/plan.svg", params={"ids": "999", "serve_at": tomorrow()}), 404)
    bad_id = _problem(
        client.get("/api/plan.ics", params={"ids": "1,x", "serve_at": tomorrow()}), 422
    )
    assert bad_id["detail"].startswith("ids: 'x' is not a recipe id")
    _problem(client.get("/api/plan.svg", params={"ids": "1", "ovens": 11}), 422)
    _problem(client.get("/api/plan.svg", params={"ids": "1", "appliance": "toaster"}), 422)
    _problem(dinner.post("/api/shopping-list", {"recipes": [999]}), 404)
    _problem(dinner.post("/api/shopping-list", {"recipes": [1] * 51}), 422)
    nameless = dinner.add({"text": "Toast\nIngredients\n- 1 slice bread\nMethod\n1. Toast it.\n"})
    servings = _problem(
        dinner.post("/api/shopping-list", {"recipes": [nameless], "servings": 4}), 422
    )
    assert servings["detail"] == (
        "--servings: 'Toast' does not say how many it serves "
        "(scale with --factor, or with --to and an amount of one ingredient)"
    )
    no_token = client.post("/api/plan", json={"recipes": dinner.ids, "serve_at": tomorrow()})
    _problem(no_token, 403)
    malformed = client.post(
        "/api/plan",
        content=b"{",
        headers={**dinner.headers, "Content-Type": "application/json"},
    )
    _problem(malformed, 400)


def test_the_api_is_described(dinner: Dinner) -> None:
    paths = dinner.client.get("/openapi.json").json()["paths"]
    assert {"/api/plan", "/api/plan.svg", "/api/plan.ics", "/api/shopping-list"} <= set(paths)
    assert "post" in paths["/api/plan.svg"] and "get" in paths["/api/plan.svg"]
    assert "/plan" not in paths and "/cook" not in paths and "/shop" not in paths
