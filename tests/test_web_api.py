"""The web app's JSON API against a SQLite library in tmp_path: CRUD, search, the analyses,
and refusals as problem details with the command line's messages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ladle.formats import read_text
from ladle.model import Recipe

from .conftest import SEED, shared
from .web_support import client_for, token

BARE = """Quick Garlic Butter
Serves 2
Ingredients
- 4 tbsp butter
- 3 cloves garlic, minced
- 1 cup milk
Method
1. Melt the butter in a small saucepan over low heat.
2. Add the garlic and cook for 2 minutes.
3. Stir in the milk.
"""

PANCAKES = """Fluffy Pancakes
Serves 4
Ingredients
- 2 cups flour
- 2 eggs
- 1 1/2 cups milk
Method
1. Whisk everything together.
2. Cook on a hot griddle for 3 minutes a side.
"""


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with client_for(tmp_path) as client:
        yield client


def _headers(client: TestClient) -> dict[str, str]:
    return {"X-CSRF-Token": token(client)}


def _add(client: TestClient, text: str) -> int:
    response = client.post("/api/recipes", json={"text": text}, headers=_headers(client))
    assert response.status_code == 201, response.text
    number: int = response.json()["id"]
    return number


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert "\n" not in body["detail"]
    return body


def test_add_get_search_and_remove(client: TestClient) -> None:
    number = _add(client, BARE)
    got = client.get(f"/api/recipes/{number}")
    assert got.status_code == 200
    assert got.json()["title"] == "Quick Garlic Butter"
    assert got.json()["ladle"] == 1
    assert Recipe.from_json(got.json()).title == "Quick Garlic Butter"
    found = client.get("/api/recipes", params={"q": "garlic"}).json()
    assert [e["id"] for e in found["items"]] == [number]
    assert found["items"][0]["url"] == f"/recipes/{number}"
    removed = client.delete(f"/api/recipes/{number}", headers=_headers(client))
    assert removed.status_code == 204
    _problem(client.get(f"/api/recipes/{number}"), 404)
    assert client.get("/api/recipes").json()["items"] == []


def test_adding_a_recipe_document_and_again(client: TestClient) -> None:
    recipe = read_text(BARE)[0]
    first = client.post("/api/recipes", json=recipe.to_json(), headers=_headers(client))
    assert first.status_code == 201
    assert first.headers["location"] == f"/api/recipes/{first.json()['id']}"
    again = client.post("/api/recipes", json=recipe.to_json(), headers=_headers(client))
    assert again.status_code == 200
    assert again.json() == {**first.json(), "status": "skipped"}


def test_search_filters_and_paging(client: TestClient) -> None:
    butter, pancakes = _add(client, BARE), _add(client, PANCAKES)
    tagged = client.post(
        f"/api/recipes/{pancakes}/tags", json={"tags": ["breakfast"]}, headers=_headers(client)
    )
    assert tagged.json() == ["breakfast"]

    def ids(**params: Any) -> list[int]:
        response = client.get("/api/recipes", params=params)
        assert response.status_code == 200, response.text
        return [e["id"] for e in response.json()["items"]]

    assert ids(tag="breakfast") == [pancakes]
    assert ids(**{"with": "garlic"}) == [butter]
    assert ids(without="garlic") == [pancakes]
    assert ids(**{"with": "milk"}, without="eggs") == [butter]
    assert sorted(ids()) == sorted([butter, pancakes])
    first = client.get("/api/recipes", params={"limit": 1}).json()
    assert first["next_offset"] == 1 and len(first["items"]) == 1
    second = client.get("/api/recipes", params={"limit": 1, "offset": 1}).json()
    assert second["next_offset"] is None
    assert {first["items"][0]["id"], second["items"][0]["id"]} == {butter, pancakes}
    _problem(client.get("/api/recipes", params={"limit": 0}), 422)
    _problem(client.get("/api/recipes", params={"max_total": -1}), 422)


def test_replace_keeps_tags_and_says_where_it_is(client: TestClient) -> None:
    number = _add(client, BARE)
    client.post(f"/api/recipes/{number}/tags", json={"tags": ["quick"]}, headers=_headers(client))
    document = client.get(f"/api/recipes/{number}").json()
    document["title"] = "Slow Garlic Butter"
    replaced = client.put(f"/api/recipes/{number}", json=document, headers=_headers(client))
    assert replaced.status_code == 200, replaced.text
    new = replaced.json()["id"]
    assert (new, replaced.json()["status"]) == (number, "updated")  # the id is kept
    assert replaced.headers["location"] == f"/api/recipes/{new}"
    assert client.get(f"/api/recipes/{new}").json()["title"] == "Slow Garlic Butter"
    assert client.get(f"/api/recipes/{new}").json()["tags"] == ["quick"]
    listed = client.get("/api/recipes").json()["items"]
    assert [e["title"] for e in listed] == ["Slow Garlic Butter"]
    _problem(client.put("/api/recipes/999", json=document, headers=_headers(client)), 404)


def test_scaled_and_converted_library_recipe(client: TestClient) -> None:
    number = _add(client, BARE)
    scaled = client.get(f"/api/recipes/{number}/scaled", params={"servings": 4}).json()
    assert scaled["yield"]["servings"] == 4
    assert scaled["ingredients"][1]["quantity"] == 6  # 3 cloves of garlic, twice
    metric = client.get(
        f"/api/recipes/{number}/scaled", params={"servings": 4, "units": "metric"}
    ).json()
    assert metric["ingredients"][2]["unit"] in {"milliliter", "liter"}
    _problem(client.get(f"/api/recipes/{number}/scaled", params={"servings": 0}), 422)
    _problem(client.get(f"/api/recipes/{number}/scaled", params={"units": "imperial"}), 422)


def test_a_recipe_for_almost_no_one_is_not_scaled_to_infinity(client: TestClient) -> None:
    # Found by schemathesis: 8 servings of a recipe for 5e-324 multiplied every amount by
    # infinity, and the kitchen rounding failed with a 500.
    recipe = read_text(BARE)[0].to_json()
    recipe["yield"]["servings"] = 5e-324
    headers = _headers(client)
    body = {"recipe": recipe, "servings": 8}
    refused = _problem(client.post("/api/scale", json=body, headers=headers), 422)
    assert "more than 10,000 times the recipe" in refused["detail"]
    number = client.post("/api/recipes", json=recipe, headers=headers).json()["id"]
    scaled = client.get(f"/api/recipes/{number}/scaled", params={"servings": 8})
    _problem(scaled, 422)
    page = client.get(f"/recipes/{number}", params={"servings": 8}, headers={"accept": "text/html"})
    assert page.status_code == 422 and "more than 10,000 times the recipe" in page.text
    shopping = {"recipes": [number], "servings": 8}
    _problem(client.post("/api/shopping-list", json=shopping, headers=headers), 422)


def test_parse_scale_convert_check(client: TestClient) -> None:
    headers = _headers(client)
    parsed = client.post("/api/parse", json={"text": BARE}, headers=headers)
    assert parsed.status_code == 200
    recipe = parsed.json()
    assert recipe["title"] == "Quick Garlic Butter"
    scaled = client.post("/api/scale", json={"recipe": recipe, "factor": 2}, headers=headers)
    assert scaled.json()["ingredients"][1]["quantity"] == 6
    converted = client.post(
        "/api/convert", json={"recipe": recipe, "units": "metric"}, headers=headers
    )
    assert converted.json()["ingredients"][2]["unit"] in {"milliliter", "liter"}
    checked = client.post("/api/check", json={"recipe": recipe}, headers=headers).json()
    assert checked["title"] == "Quick Garlic Butter"
    assert isinstance(checked["findings"], list)


def test_the_seed_article_through_the_api(client: TestClient) -> None:
    text = shared("seeds/honey-mustard-pork-belly.txt").read_text(encoding="utf-8")
    number = _add(client, text)
    recipe = client.get(f"/api/recipes/{number}").json()
    assert recipe == read_text(text, location="<body>")[0].to_json()
    assert SEED.exists()


def test_refusals_carry_the_command_lines_messages(client: TestClient) -> None:
    headers = _headers(client)
    number = _add(client, "Toast\nIngredients\n- 1 slice bread\nMethod\n1. Toast the bread.\n")
    no_servings = _problem(client.get(f"/api/recipes/{number}/scaled?servings=4"), 422)
    assert no_servings["type"] == "urn:ladle:problem:request-error"
    assert no_servings["detail"] == (
        "--servings: 'Toast' does not say how many it serves "
        "(scale with --factor, or with --to and an amount of one ingredient)"
    )
    bad = _problem(client.post("/api/parse", json={"text": "   "}, headers=headers), 422)
    assert bad["detail"]
    wrong_version = _problem(
        client.post("/api/recipes", json={"ladle": 2, "title": "x"}, headers=headers), 422
    )
    assert wrong_version["type"] == "urn:ladle:problem:format-error"
    assert 'not a ladle recipe of version 1 ("ladle" is 2)' in wrong_version["detail"]
    missing = _problem(client.get("/api/recipes/12345"), 404)
    assert missing["detail"] == "library: no recipe has id 12345 (`ladle list` shows the ids)"
    _problem(client.get("/api/recipes/abc"), 422)
    _problem(client.get("/api/nothing-here"), 404)
    unknown = _problem(client.get(f"/api/recipes/{number}/export/docx"), 422)
    assert "export" in unknown["detail"] or "format" in unknown["detail"]


def test_malformed_json_is_refused_and_nothing_stored(client: TestClient) -> None:
    headers = {**_headers(client), "content-type": "application/json"}
    for body in (b'{"text": "Toast', b"\xff\xfe\x00garbage", b"[1, 2", b"NaN"):
        response = client.post("/api/recipes", content=body, headers=headers)
        assert 400 <= response.status_code < 500, (body, response.text)
        assert response.headers["content-type"] == "application/problem+json"
    not_a_recipe = client.post("/api/recipes", json=[1, 2], headers=headers)
    _problem(not_a_recipe, 422)
    wrong_field = client.post(
        "/api/recipes", json={"ladle": 1, "title": 7}, headers=_headers(client)
    )
    assert "title" in _problem(wrong_field, 422)["detail"]
    neither = client.post("/api/recipes", json={"title": "Toast"}, headers=_headers(client))
    assert "text" in _problem(neither, 422)["detail"]
    huge_id = client.get(f"/api/recipes/{2**70}")
    _problem(huge_id, 422)
    assert client.get(f"/recipes/{2**70}", headers={"accept": "text/html"}).status_code == 422
    assert client.get("/api/recipes").json()["items"] == []


def test_state_changing_calls_need_the_token_and_json(client: TestClient) -> None:
    without = client.post("/api/recipes", json={"text": BARE})
    assert "X-CSRF-Token" in _problem(without, 403)["detail"]
    wrong = client.post("/api/recipes", json={"text": BARE}, headers={"X-CSRF-Token": "nope"})
    _problem(wrong, 403)
    as_form = client.post(
        "/api/recipes",
        data={"text": BARE, "csrf_token": token(client)},
        headers={"X-CSRF-Token": token(client)},
    )
    assert "JSON" in _problem(as_form, 415)["detail"]
    number = _add(client, BARE)
    _problem(client.delete(f"/api/recipes/{number}"), 403)
    assert client.get(f"/api/recipes/{number}").status_code == 200
    other_site = client.delete(
        f"/api/recipes/{number}",
        headers={"X-CSRF-Token": token(client), "Origin": "https://evil.example"},
    )
    _problem(other_site, 403)
    assert client.get(f"/api/recipes/{number}").status_code == 200
    assert client.get("/api/recipes").json()["items"]  # reading needs no token


def test_export_formats(client: TestClient) -> None:
    number = _add(client, BARE)
    for name, media in (
        ("ladle", "application/json"),
        ("jsonld", "application/ld+json"),
        ("cooklang", "text/plain"),
        ("markdown", "text/markdown"),
    ):
        response = client.get(f"/api/recipes/{number}/export/{name}")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(media)
        assert "attachment" in response.headers["content-disposition"]
        assert "Garlic" in response.text
    document = json.loads(client.get(f"/api/recipes/{number}/export/ladle").text)
    assert document["title"] == "Quick Garlic Butter"


def test_openapi_document_describes_the_api(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    for operation in paths["/api/recipes/{recipe_id}"].values():  # refusals: problem details
        assert set(operation["responses"]["default"]["content"]) == {"application/problem+json"}
        assert "422" not in operation["responses"]
    exported = paths["/api/recipes/{recipe_id}/export/{format}"]["get"]["responses"]["200"]
    assert {"application/pdf", "text/markdown"} <= set(exported["content"])
    for path in (
        "/api/recipes",
        "/api/recipes/{recipe_id}",
        "/api/recipes/{recipe_id}/scaled",
        "/api/parse",
        "/api/scale",
        "/api/convert",
        "/api/check",
        "/api/session",
    ):
        assert path in paths, path
    assert set(paths["/api/recipes/{recipe_id}"]) == {"get", "put", "delete"}
    assert "/" not in paths and "/import" not in paths  # pages are not the API
    assert client.get("/docs").status_code == 404  # no page that loads scripts from a CDN


def test_a_library_that_cannot_be_opened_is_503_and_the_server_still_starts() -> None:
    from ladle.web import create_app

    app = create_app("mysql://cook@127.0.0.1/recipes")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/session").status_code == 200  # no library needed here
        refused = _problem(client.get("/api/recipes"), 503)
        assert refused["detail"] == (
            "LADLE_DATABASE_URL: mysql libraries are not supported "
            "(use a sqlite:///PATH or postgresql://USER@HOST/DATABASE URL)"
        )
        page = client.get("/", headers={"accept": "text/html"})
        assert page.status_code == 503
        assert "mysql libraries are not supported" in page.text
