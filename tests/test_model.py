"""The recipe model and its JSON: the contract's document, read back exactly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ladle.errors import FormatError
from ladle.examples import example_text
from ladle.formats import ladle_json, read_text
from ladle.model import (
    Amount,
    Doneness,
    Duration,
    Ingredient,
    MakeAhead,
    Pairing,
    Recipe,
    Source,
    Step,
    Storage,
    Temperature,
    Times,
    Variant,
    Yield,
)

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schema" / "recipe.schema.json"
SCHEMA: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def full_recipe() -> Recipe:
    step = Step(
        text="Roast the carrots at 400°F (200°C) for 25-30 minutes.",
        durations=[Duration(25, 30, "25-30 minutes")],
        temperatures=[Temperature(400, 200, "oven", "400°F (200°C)")],
        equipment=["oven", "baking sheet"],
        uses=[1, 0],
        attention="passive",
    )
    return Recipe(
        title="Roast carrots",
        description="Sweet and brown at the edges.",
        yield_=Yield(servings=4, text="Serves 4"),
        times=Times(prep_minutes=10, cook_minutes=30, total_minutes=40),
        ingredients=[
            Ingredient(text="1 tbsp oil", quantity=1, unit="tablespoon", name="oil"),
            Ingredient(
                text="125g/4½oz carrots",
                quantity=125,
                unit="gram",
                name="carrots",
                alternatives=[Amount(4.5, "ounce", "4½ oz")],
                group="For the tray",
            ),
            Ingredient(text="Salt to taste", name="Salt", to_taste=True, optional=True),
            Ingredient(
                text="150 g hollandaise",
                quantity=150,
                unit="gram",
                name="Hollandaise",
                fixed=True,
                reference="./sauces/Hollandaise",
            ),
        ],
        steps=[step],
        notes=["Keeps 3 days."],
        variants=[Variant("Air fryer", "method", "40 min at 400°F", steps=[step])],
        pairings=[Pairing("Mash", "side", "Soft mash.")],
        doneness=[Doneness("carrots", 195, 90.6, "about 195°F")],
        storage=[Storage("refrigerator", 3, "Keeps 3 days.")],
        make_ahead=[MakeAhead("A day ahead.", 1, steps=[step])],
        tags=["side"],
        metadata={"cuisine": "British", "author": "A. Cook"},
        source=Source("text", "x.txt", None),
    )


def test_to_json_has_the_contract_keys_in_order() -> None:
    doc = full_recipe().to_json()
    assert list(doc) == [
        "ladle",
        "title",
        "description",
        "yield",
        "times",
        "ingredients",
        "steps",
        "notes",
        "variants",
        "pairings",
        "doneness",
        "storage",
        "make_ahead",
        "tags",
        "metadata",
        "source",
    ]
    assert doc["ladle"] == 1
    assert doc["ingredients"][0]["quantity"] == 1
    assert isinstance(doc["ingredients"][0]["quantity"], int)  # whole numbers print without .0
    assert doc["doneness"][0]["celsius"] == 90.6


def test_round_trip_is_the_identity() -> None:
    doc = full_recipe().to_json()
    again = Recipe.from_json(json.loads(json.dumps(doc))).to_json()
    assert again == doc
    assert json.dumps(again) == json.dumps(doc)


def test_the_document_validates_against_the_published_schema() -> None:
    jsonschema.validate(full_recipe().to_json(), SCHEMA)


def test_the_built_in_example_validates_and_round_trips() -> None:
    recipe = read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]
    doc = recipe.to_json()
    jsonschema.validate(doc, SCHEMA)
    written = ladle_json.write(recipe)
    assert ladle_json.recipes(written, "again.json")[0].to_json() == doc


def test_schema_names_every_field_of_the_model() -> None:
    doc = full_recipe().to_json()
    assert set(SCHEMA["properties"]) == set(doc)
    defs = SCHEMA["$defs"]
    assert set(defs["ingredient"]["properties"]) == set(doc["ingredients"][0])
    assert set(defs["step"]["properties"]) == set(doc["steps"][0])
    assert set(defs["amount"]["properties"]) == set(doc["ingredients"][1]["alternatives"][0])
    assert set(defs["duration"]["properties"]) == set(doc["steps"][0]["durations"][0])
    assert set(defs["temperature"]["properties"]) == set(doc["steps"][0]["temperatures"][0])
    items = SCHEMA["properties"]
    for key in ("variants", "pairings", "doneness", "storage", "make_ahead"):
        assert set(items[key]["items"]["properties"]) == set(doc[key][0]), key


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(ladle=2), 'not a ladle recipe of version 1 ("ladle" is 2)'),
        (lambda d: d.pop("title"), "title should be a string, not null"),
        (
            lambda d: d["ingredients"][1].update(quantity="two"),
            "ingredients[1].quantity should be a number or null, not a string",
        ),
        (
            lambda d: d["steps"][0].update(attention="busy"),
            "steps[0].attention should be one of active, passive",
        ),
        (
            lambda d: d["steps"][0].update(uses=[7]),
            "steps[0].uses names ingredient 7, but there are 4",
        ),
        (lambda d: d["yield"].update(servings=True), "yield.servings should be a number or null"),
        (lambda d: d.update(notes="one"), "notes should be a list, not a string"),
    ],
)
def test_bad_documents_name_the_field(change: Any, message: str) -> None:
    doc = full_recipe().to_json()
    change(doc)
    with pytest.raises(FormatError) as caught:
        Recipe.from_json(doc, where="r.json")
    assert str(caught.value).startswith("r.json: ")
    assert message in str(caught.value)


def test_invalid_json_names_line_and_column() -> None:
    with pytest.raises(FormatError) as caught:
        ladle_json.read('{"ladle": 1,\n "title": }', "bad.json")
    assert str(caught.value).startswith("bad.json:2:")


def test_an_array_document_gives_every_recipe() -> None:
    doc = [full_recipe().to_json(), full_recipe().to_json()]
    assert len(ladle_json.read(json.dumps(doc), "two.json")) == 2
    with pytest.raises(FormatError):
        ladle_json.read("[]", "empty.json")


def test_metadata_must_be_text_by_name() -> None:
    doc = full_recipe().to_json()
    doc["metadata"] = {"servings_note": 4}
    with pytest.raises(FormatError, match=r"metadata\.servings_note should be a string"):
        Recipe.from_json(doc)
    del doc["metadata"]
    assert Recipe.from_json(doc).metadata == {}  # documents written before the field read
