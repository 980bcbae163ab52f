"""``ladle nutrition SOURCE``, ``ladle demo``'s nutrition step and the web recipe page's panel,
on a library holding a few foods written here (round numbers, no release's values)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ladle.foods.table import Food, Portion
from ladle.foods.usda import Release
from ladle.formats import read_text
from ladle.store import open_library

RECIPE = """Honey Eggs for Two

Serves 2

Ingredients
- 1/2 cup honey
- 4 large eggs
- 1 bunch chives
- salt, to taste

Instructions
1. Beat the eggs with the honey.
2. Cook gently for 3 minutes.
"""
FOODS = (
    Food("h1", "Honey", "Sweets", {"energy_kcal": 300.0, "energy_kj": 1255.0, "sugars": 80.0},
         (Portion(1, "cup", 340),)),
    Food("e1", "Egg, whole, raw, fresh", "Eggs",
         {"energy_kcal": 140.0, "protein": 12.5, "fat": 10.0, "cholesterol": 370.0},
         (Portion(1, "large", 50),), refuse_percent=12, refuse="Shell"),
    Food("c1", "Chives, raw", "Vegetables", {"energy_kcal": 30.0}),
    Food("s1", "Salt, table", "Spices", {"sodium": 38000.0}),
)  # fmt: skip


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


@pytest.fixture
def foods(url: str) -> str:
    with open_library(url) as library:
        library.import_foods(Release("test foods", FOODS))
    return url


@pytest.fixture
def recipe_file(tmp_path: Path) -> Path:
    path = tmp_path / "honey-eggs.txt"
    path.write_text(RECIPE, encoding="utf-8")
    return path


def _ladle(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ladle", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LADLE_DATABASE_URL": url, "COLUMNS": "160"},
    )


def test_json_report(foods: str, recipe_file: Path) -> None:
    result = _ladle(foods, "nutrition", str(recipe_file), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    energy = data["nutrients"][0]
    assert (energy["key"], energy["total"], energy["per_serving"]) == ("energy_kcal", 790, 395)
    assert [m["food_id"] for m in data["matches"]] == ["h1", "e1"]
    assert [(x["text"], x["reason"]) for x in data["left_out"]] == [
        ("1 bunch chives", "no weight known for a bunch of chives"),
        ("salt, to taste", "to taste"),
    ]
    assert data["weight_rule"] == "edible"


def test_servings_and_as_bought(foods: str, recipe_file: Path) -> None:
    args = ("nutrition", str(recipe_file), "--servings", "4", "--as-bought", "--json")
    data = json.loads(_ladle(foods, *args).stdout)
    assert data["servings"] == 4
    assert data["weight_rule"] == "as_bought"
    eggs = next(m for m in data["matches"] if m["food_id"] == "e1")
    assert eggs["grams"] == 352  # 400 g of eggs bought, less 12% shell


def test_the_table_shows_the_panel_matches_and_left_outs(foods: str, recipe_file: Path) -> None:
    result = _ladle(foods, "nutrition", str(recipe_file))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Per serving (of 2)" in out
    assert "790 kcal" in out and "395 kcal" in out
    assert "Egg, whole, raw, fresh [e1]" in out
    assert "0.95 synonym" in out
    assert "Left out: salt, to taste (to taste)" in out
    assert "Weight rule: amounts are taken as edible weight" in out
    assert "Egg, whole, raw, fresh 12% (Shell)" in out


def test_a_library_id_is_a_source(foods: str) -> None:
    with open_library(foods) as library:
        recipe_id = library.add(read_text(RECIPE, "text", "honey-eggs.txt")[0]).id
    data = json.loads(_ladle(foods, "nutrition", str(recipe_id), "--json").stdout)
    assert data["title"] == "Honey Eggs for Two"


def test_without_a_food_table_one_line_says_how_to_import(url: str, recipe_file: Path) -> None:
    result = _ladle(url, "nutrition", str(recipe_file))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "food table" in lines[0]


def test_bad_servings_are_one_line(foods: str, recipe_file: Path) -> None:
    result = _ladle(foods, "nutrition", str(recipe_file), "--servings", "0")
    assert result.returncode == 1
    assert result.stderr.startswith("error: --servings: ")


def test_demo_ends_with_nutrition_or_how_to_get_it(url: str) -> None:
    result = _ladle(url, "demo")
    assert result.returncode == 0, result.stderr
    assert "5. Its nutrition" in result.stdout
    assert "ladle nutrition import" in result.stdout


def test_the_web_recipe_page_shows_the_panel_with_a_food_table(foods: str) -> None:
    from fastapi.testclient import TestClient

    from ladle.web import create_app

    from .web_support import BASE_URL

    with open_library(foods) as library:
        recipe_id = library.add(read_text(RECIPE, "text", "honey-eggs.txt")[0]).id
    client = TestClient(create_app(foods), base_url=BASE_URL)
    page = client.get(f"/recipes/{recipe_id}").text
    assert '<section class="nutrition" id="nutrition">' in page
    assert "<td>Energy</td><td>395 kcal</td><td>790 kcal</td>" in page
    assert '"NutritionInformation"' in page
    doubled = client.get(f"/recipes/{recipe_id}?servings=4").text
    assert "<td>Energy</td><td>395 kcal</td><td>1580 kcal</td>" in doubled


def test_the_web_recipe_page_has_no_panel_without_a_food_table(tmp_path: Path) -> None:
    from .web_support import client_for, library_url

    with open_library(library_url(tmp_path)) as library:
        recipe_id = library.add(read_text(RECIPE, "text", "honey-eggs.txt")[0]).id
    page = client_for(tmp_path).get(f"/recipes/{recipe_id}").text
    assert "Honey Eggs for Two" in page
    assert 'class="nutrition"' not in page


def test_the_api_gives_the_scaled_report(foods: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from ladle.web import create_app

    from .web_support import BASE_URL, client_for, library_url

    with open_library(foods) as library:
        recipe_id = library.add(read_text(RECIPE, "text", "honey-eggs.txt")[0]).id
    client = TestClient(create_app(foods), base_url=BASE_URL)
    report = client.get(f"/api/recipes/{recipe_id}/nutrition?servings=4").json()
    assert (report["servings"], report["nutrients"][0]["total"]) == (4, 1580)
    bare = tmp_path / "bare"
    bare.mkdir()
    with open_library(library_url(bare)) as library:
        other = library.add(read_text(RECIPE, "text", "honey-eggs.txt")[0]).id
    refused = client_for(bare).get(f"/api/recipes/{other}/nutrition")
    assert refused.status_code == 422
    assert "food table" in refused.text


def test_the_web_panel_follows_a_new_override(foods: str) -> None:
    from fastapi.testclient import TestClient

    from ladle.web import create_app

    from .web_support import BASE_URL

    with open_library(foods) as library:
        recipe_id = library.add(read_text(RECIPE, "text", "honey-eggs.txt")[0]).id
    client = TestClient(create_app(foods), base_url=BASE_URL)
    before = client.get(f"/api/recipes/{recipe_id}/nutrition").json()
    with open_library(foods) as library:
        library.set_food_override("honey", "s1")
    after = client.get(f"/api/recipes/{recipe_id}/nutrition").json()
    assert [m["food_id"] for m in before["matches"]] == ["h1", "e1"]
    assert [m["food_id"] for m in after["matches"]] == ["s1", "e1"]
