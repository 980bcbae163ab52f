"""Numbers are finite and in range wherever they enter (ladle.limits): recipe text, Cooklang,
JSON-LD and ladle JSON; never Infinity or NaN in a recipe or in the JSON ladle prints."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from ladle import limits, read_text
from ladle.durations import find_durations, minutes_of
from ladle.formats.ladle_json import dumps
from ladle.ingredients import parse_ingredient
from ladle.model import Recipe
from ladle.timing import relation_of
from ladle.yields import parse_yield, yield_of

from .test_cli import ladle, one_error_line
from .test_cli_plan import TOMORROW

HUGE = "9" * 309  # above the largest float: float(HUGE) is inf
BIG = "99999999999999999999"  # finite, above 2**63

TEXT = f"""Hostile Soup
Serves 20000

Ingredients
- 2 cups water
- {HUGE} g salt
- 1e400 g pepper
- 2000000000 g sugar

Steps
1. Simmer for {HUGE} minutes.
2. Rest for {BIG} minutes.
3. In the last {HUGE} minutes, stir.
4. Boil for 10 minutes.
"""
COOKLANG = f"""---
servings: .inf
prep time: {BIG} minutes
---
Boil @water{{1e400%ml}} for ~{{1e400%minutes}}.
Simmer @stock{{{BIG}%ml}} for ~{{{BIG}%hours}}.
Add @salt{{2%g}} and cook ~{{10%minutes}}.
"""
JSONLD = f"""{{"@context": "https://schema.org", "@type": "Recipe", "name": "Hostile",
"cookTime": Infinity, "prepTime": NaN, "totalTime": "P{BIG}D",
"recipeYield": Infinity, "recipeIngredient": ["{HUGE} g salt", "2 cups flour"],
"recipeInstructions": ["Bake for {HUGE} minutes.", "Boil for 2 minutes."]}}"""
HOSTILE = {"hostile.txt": TEXT, "hostile.cook": COOKLANG, "hostile.json": JSONLD}


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} in JSON")


def _numbers(data: object) -> list[float]:
    if isinstance(data, dict):
        return [n for value in data.values() for n in _numbers(value)]
    if isinstance(data, list):
        return [n for value in data for n in _numbers(value)]
    if isinstance(data, int | float) and not isinstance(data, bool):
        return [float(data)]
    return []


def _assert_in_range(recipe: Recipe) -> None:
    document = recipe.to_json()
    assert all(math.isfinite(n) for n in _numbers(document))
    assert limits.servings_ok(recipe.yield_.servings)
    for ingredient in recipe.ingredients:
        assert limits.quantity_ok(ingredient.quantity)
        assert limits.quantity_ok(ingredient.quantity_max)
    for step in recipe.steps:
        for duration in [*step.durations, *([step.time] if step.time else [])]:
            assert limits.minutes_ok(duration.min_minutes)
            assert limits.minutes_ok(duration.max_minutes)
        assert limits.minutes_ok(step.relation.minutes)
    for minutes in (recipe.times.prep_minutes, recipe.times.cook_minutes):
        assert limits.minutes_ok(minutes)
    Recipe.from_json(json.loads(dumps(document), parse_constant=_refuse))  # reads back


def test_the_planner_horizon_is_the_one_in_limits() -> None:
    from ladle.planning.solver import LONGEST_DAYS

    assert LONGEST_DAYS == limits.PLAN_DAYS
    assert limits.MAX_MINUTES >= limits.PLAN_DAYS * 1440  # a longer time is read, then refused


@pytest.mark.parametrize("line", [f"{HUGE} g salt", "1e400 g salt", "2000000000 g sugar"])
def test_an_amount_out_of_range_stays_in_the_text(line: str) -> None:
    ingredient = parse_ingredient(line)
    assert ingredient.quantity is None and ingredient.quantity_max is None
    assert ingredient.text == line
    assert parse_ingredient("999 g sugar").quantity == 999


@pytest.mark.parametrize(
    "text",
    [f"Simmer for {HUGE} minutes.", f"Rest for {BIG} minutes.", "Cure for 11 years."],
)
def test_a_time_out_of_range_stays_in_the_text(text: str) -> None:
    assert find_durations(text) == []
    assert find_durations("Cure for 90 days.")[0].min_minutes == 90 * 1440  # read; plan refuses


@pytest.mark.parametrize(
    "value", [math.inf, math.nan, -5, f"P{BIG}D", f"PT{HUGE}M", HUGE, BIG, "1e400", 1e300]
)
def test_a_header_time_out_of_range_is_none(value: object) -> None:
    assert minutes_of(value) is None


def test_within_the_last_huge_minutes_is_no_relation() -> None:
    assert relation_of(f"In the last {HUGE} minutes, stir.").minutes is None
    assert relation_of("In the last 10 minutes, stir.").minutes == 10


@pytest.mark.parametrize("text", ["Serves 20000", "Serves 0", f"Serves {HUGE}"])
def test_servings_out_of_range_are_none(text: str) -> None:
    parsed = parse_yield(text, stated=True)
    assert parsed is None or parsed.servings is None
    assert yield_of([math.inf]).servings is None
    assert yield_of([1e300]).servings is None
    assert yield_of(["Makes 2000000000 cookies"]).amount is None


@pytest.mark.parametrize(("name", "fmt"), [("hostile.txt", "text"), ("hostile.cook", "cooklang"),
                                           ("hostile.json", "jsonld")])  # fmt: skip
def test_hostile_numbers_give_a_recipe_in_range(name: str, fmt: str) -> None:
    for recipe in read_text(HOSTILE[name], fmt, name):
        _assert_in_range(recipe)


def test_cooklang_keeps_an_amount_out_of_range_as_text() -> None:
    recipe = read_text(COOKLANG, "cooklang", "hostile.cook")[0]
    stock = next(i for i in recipe.ingredients if i.name == "stock")
    assert stock.quantity is None and BIG in stock.text
    assert recipe.yield_.servings is None
    salt = next(i for i in recipe.ingredients if i.name == "salt")
    assert salt.quantity == 2
    assert [d.min_minutes for s in recipe.steps for d in s.durations] == [10]


def test_json_output_refuses_infinity_and_nan() -> None:
    for value in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError, match="JSON"):
            dumps({"quantity": value})


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_parse_json_of_hostile_numbers_is_valid_json(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(HOSTILE[name], encoding="utf-8")
    result = ladle("parse", str(path), "--json")
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout, parse_constant=_refuse)
    assert all(math.isfinite(n) for n in _numbers(document))
    for command in (
        ["scale", str(path), "--factor", "3", "--json"],
        ["convert", str(path), "--units", "us", "--json"],
    ):
        result = ladle(*command)
        assert result.returncode == 0, (command, result.stderr.decode())
        json.loads(result.stdout, parse_constant=_refuse)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_numbers_never_give_an_internal_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(HOSTILE[name], encoding="utf-8")
    for command in (
        ["parse", str(path)],
        ["export", str(path), "--to", "jsonld", "-o", str(tmp_path / "out.jsonld")],
        ["export", str(path), "--to", "cooklang", "-o", str(tmp_path / "out.cook")],
        ["export", str(path), "--to", "ladle", "-o", str(tmp_path / "out.json")],
        ["plan", str(path), "--serve-at", TOMORROW],
    ):
        result = ladle(*command)
        assert result.returncode in {0, 1}, (command, result.stderr.decode())
        assert "internal error" not in result.stderr.decode()
        if result.returncode:
            one_error_line(result)
    exported = (tmp_path / "out.json").read_text(encoding="utf-8")
    json.loads(exported, parse_constant=_refuse)


def test_a_duration_above_2_to_the_63_in_ladle_json_is_refused(tmp_path: Path) -> None:
    document = read_text("Soup\n\nIngredients\n- 1 cup water\n\nSteps\n1. Boil for 2 minutes.\n",
                         "text", "soup.txt")[0].to_json()  # fmt: skip
    document["steps"][0]["durations"][0]["min_minutes"] = 2.0**64
    path = tmp_path / "soup.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = ladle("plan", str(path), "--serve-at", TOMORROW)
    assert result.returncode == 1
    assert "steps[0].durations[0].min_minutes should be" in one_error_line(result)


@pytest.mark.parametrize("literal", ["Infinity", "-Infinity", "NaN"])
def test_ladle_json_with_a_nan_or_infinity_literal_is_refused(tmp_path: Path, literal: str) -> None:
    document = read_text("Soup\n\nIngredients\n- 1 cup water\n\nSteps\n1. Boil.\n", "text",
                         "soup.txt")[0].to_json()  # fmt: skip
    text = json.dumps(document).replace('"quantity": 1', f'"quantity": {literal}')
    path = tmp_path / "soup.json"
    path.write_text(text, encoding="utf-8")
    result = ladle("parse", str(path), "--json")
    assert result.returncode == 1
    assert f"{literal} is not a JSON number" in one_error_line(result)


def test_a_yield_in_exponent_form_stays_text() -> None:
    from ladle.yields import parse_yield

    for text in ("Serves 1e400", "Makes 1e12 cookies"):
        found = parse_yield(text)
        assert found is not None and found.servings is None and found.amount is None
        assert found.text == text
    four = parse_yield("Serves 4")
    assert four is not None and four.servings == 4
