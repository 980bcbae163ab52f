"""Ladle JSON is read as the published schema states it (schema/recipe.schema.json): unknown
keys, wrong types and numbers out of range (ladle.limits) are refused with the field's path."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ladle import limits, read_text
from ladle.errors import FormatError
from ladle.formats.ladle_json import recipes
from ladle.model import Recipe

from .test_cli import ladle, one_error_line
from .test_cli_plan import TOMORROW

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "schema" / "recipe.schema.json").read_text(encoding="utf-8")
)
CHICKEN = """Roast Chicken
Serves 4

Ingredients
- 1 whole chicken (1.8 kg)
- 2 tbsp olive oil

Steps
1. Heat the oven to 425°F.
2. Roast the chicken for 1 hour, then rest for 10 minutes.
"""


def _document() -> dict[str, Any]:
    return read_text(CHICKEN, "text", "chicken.txt")[0].to_json()


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: object) -> None:
    *parents, last = path
    node: Any = document
    for key in parents:
        node = node[key]
    node[last] = value


BAD: list[tuple[tuple[str | int, ...], object, str]] = [
    (("ingredeints",), [], "ingredeints is not a field ladle knows (did you mean 'ingredients'"),
    (("ingredients", 0, "quantty"), 2, "ingredients[0].quantty is not a field"),
    (("steps", 1, "durations", 0, "minutes"), 5, "steps[1].durations[0].minutes is not a field"),
    (("yield", "serving"), 4, "yield.serving is not a field"),
    (("title",), 5, "title should be a string, not a number"),
    (("ingredients", 0, "quantity"), "2", "ingredients[0].quantity should be a number or null"),
    (("ingredients", 0, "optional"), "no", "ingredients[0].optional should be true or false"),
    (("steps",), {}, "steps should be a list, not an object"),
    (("times", "cook_minutes"), -30, "times.cook_minutes should be at least 0"),
    (("steps", 1, "durations", 0, "min_minutes"), -30, "steps[1].durations[0].min_minutes"),
    (("steps", 1, "durations", 0, "max_minutes"), 1e300, "steps[1].durations[0].max_minutes"),
    (("yield", "servings"), -4, "yield.servings should be more than 0"),
    (("yield", "servings"), 0, "yield.servings should be more than 0"),
    (("yield", "servings"), 1e6, "yield.servings should be more than 0 and at most 10000"),
    (("ingredients", 0, "quantity"), -1, "ingredients[0].quantity should be at least 0"),
    (("ingredients", 0, "quantity"), 1e12, "ingredients[0].quantity should be at least 0"),
    (("steps", 0, "temperatures", 0, "fahrenheit"), 1e9, "temperatures[0].fahrenheit"),
]


@pytest.mark.parametrize(("path", "value", "expected"), BAD)
def test_a_document_that_breaks_the_schema_is_refused_naming_the_field(
    path: tuple[str | int, ...], value: object, expected: str
) -> None:
    document = _document()
    _set(document, path, value)
    with pytest.raises(FormatError) as error:
        Recipe.from_json(document, where="bad.json")
    assert expected in str(error.value)
    assert "bad.json" in str(error.value)


@pytest.mark.parametrize(("path", "value", "expected"), BAD)
def test_the_published_schema_refuses_the_same_documents(
    path: tuple[str | int, ...], value: object, expected: str
) -> None:
    document = _document()
    jsonschema.validate(document, SCHEMA)
    _set(document, path, value)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, SCHEMA)


def test_the_schema_states_the_bounds_of_limits() -> None:
    properties, defs = SCHEMA["properties"], SCHEMA["$defs"]
    servings = properties["yield"]["properties"]["servings"]
    assert (servings["exclusiveMinimum"], servings["maximum"]) == (0, limits.MAX_SERVINGS)
    for field in ("prep_minutes", "cook_minutes", "total_minutes"):
        assert properties["times"]["properties"][field]["maximum"] == limits.MAX_MINUTES
    for field in ("min_minutes", "max_minutes"):
        assert defs["duration"]["properties"][field]["maximum"] == limits.MAX_MINUTES
    for field in ("quantity", "quantity_max"):
        assert defs["ingredient"]["properties"][field]["exclusiveMaximum"] == limits.MAX_QUANTITY
        assert defs["amount"]["properties"][field]["exclusiveMaximum"] == limits.MAX_QUANTITY
    fahrenheit = defs["temperature"]["properties"]["fahrenheit"]
    assert (fahrenheit["minimum"], fahrenheit["maximum"]) == (
        limits.MIN_FAHRENHEIT,
        limits.MAX_FAHRENHEIT,
    )
    celsius = defs["temperature"]["properties"]["celsius"]
    assert (celsius["minimum"], celsius["maximum"]) == (limits.MIN_CELSIUS, limits.MAX_CELSIUS)
    assert properties["storage"]["items"]["properties"]["max_days"]["maximum"] == limits.MAX_DAYS


def test_every_document_ladle_writes_reads_back() -> None:
    document = _document()
    jsonschema.validate(document, SCHEMA)
    assert Recipe.from_json(copy.deepcopy(document)).to_json() == document


def test_a_typo_in_a_key_no_longer_gives_an_empty_recipe() -> None:
    document = _document()
    document["ingredeints"] = document.pop("ingredients")
    for step in document["steps"]:
        step["uses"] = []
    with pytest.raises(FormatError, match="did you mean 'ingredients'"):
        recipes(json.dumps(document), "typo.json")


@pytest.mark.parametrize(
    ("path", "value", "command", "expected"),
    [
        (("ingredeints",), [], ("parse", "--json"), "ingredeints is not a field"),
        (("steps", 1, "durations", 0, "min_minutes"), -30, ("plan", "--serve-at", TOMORROW),
         "steps[1].durations[0].min_minutes should be at least 0"),
        (("yield", "servings"), -4, ("scale", "--servings", "8"), "yield.servings"),
        (("times", "total_minutes"), -30, ("convert", "--units", "metric"), "times.total_minutes"),
    ],
)  # fmt: skip
def test_the_cli_refuses_a_bad_document_in_one_line(
    tmp_path: Path, path: tuple[str | int, ...], value: object, command: tuple[str, ...],
    expected: str,
) -> None:  # fmt: skip
    document = _document()
    _set(document, path, value)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    result = ladle(command[0], str(source), *command[1:])
    assert result.returncode == 1
    line = one_error_line(result)
    assert expected in line and str(source) in line
    assert "schema/recipe.schema.json" in line
