"""Cooklang: the spec's canonical tests, every other spec feature, golden files, round trips.

Golden files are ``tests/cases/cooklang/*.cook`` beside the ``.json`` that :func:`read` should
give. Regenerate the expectations with ``uv run --no-sync python -m tests.test_cooklang`` and
review the diff.
"""

from __future__ import annotations

import contextlib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladle.errors import FormatError, LadleError, NoRecipeFound
from ladle.examples import example_text
from ladle.formats import FORMATS, read_text
from ladle.formats.cooklang import write
from ladle.formats.cooklang_parse import parse
from ladle.model import Ingredient, Recipe, Step, Yield

from .conftest import CASES, ROOT, SHARED, shared
from .test_cooklang_corpus import UNIT_ALONE, differences, official_error


def read(text: str, location: str) -> list[Recipe]:
    """A Cooklang text read through the pipeline (drafts, then understanding)."""
    return read_text(text, "cooklang", location)


CANONICAL = "data/cooklang/canonical.yaml"
GOLDEN = sorted((CASES / "cooklang").glob("*.cook"))
SCHEMA = json.loads((ROOT / "schema" / "recipe.schema.json").read_text(encoding="utf-8"))
TEXTS = sorted(p for p in (CASES / "text").glob("*.txt") if p.name != "14-no-recipe.txt")


# --- the canonical tests of the Cooklang specification ------------------------------------------


@cache
def _canonical(path: Path) -> dict[str, Any]:
    tests: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
    return tests


def _canonical_names() -> list[str]:
    path = SHARED / CANONICAL
    return sorted(_canonical(path)) if path.exists() else ["<canonical.yaml absent>"]


def test_the_canonical_file_has_60_cases() -> None:
    assert len(_canonical(shared(CANONICAL))) == 60


@pytest.mark.parametrize("name", _canonical_names())
def test_canonical(name: str) -> None:
    case = _canonical(shared(CANONICAL))[name]
    result = parse(case["source"]).canonical()
    expected = case["result"]
    assert result["metadata"] == expected["metadata"]
    assert len(result["steps"]) == len(expected["steps"])
    for got, stated in zip(result["steps"], expected["steps"], strict=True):
        # Cookware items always carry units "", as the canonical file's newer cases state it.
        wanted = [{"units": ""} | i if i["type"] == "cookware" else i for i in stated]
        assert got == wanted


# --- the parser: what the canonical file does not cover -----------------------------------------


def _items(text: str) -> list[list[dict[str, Any]]]:
    return [[dict(item) for item in step] for step in parse(text).steps]


def test_steps_are_paragraphs_and_lines_join_with_a_space() -> None:
    assert _items("A step,\nthe same step.\n\n\n  \nA different step.\n") == [
        [{"type": "text", "value": "A step, the same step."}],
        [{"type": "text", "value": "A different step."}],
    ]


def test_a_backslash_at_the_end_of_a_line_keeps_the_line_break() -> None:
    assert _items("First line\\\nsecond line\nthird") == [
        [{"type": "text", "value": "First line\nsecond line third"}]
    ]


def test_escapes_make_marks_plain_text() -> None:
    assert _items(r"Mail chef\@home \#1, about \~5 min \-- not a comment \{x}") == [
        [{"type": "text", "value": "Mail chef@home #1, about ~5 min -- not a comment {x}"}]
    ]


def test_block_comments_inline_and_over_lines() -> None:
    text = "Slowly add @milk{4%cup} [- TODO litres -], keep mixing [- a comment\nover lines -] well"
    assert _items(text) == [
        [
            {"type": "text", "value": "Slowly add "},
            {"type": "ingredient", "name": "milk", "quantity": 4, "units": "cup"},
            {"type": "text", "value": " , keep mixing  well"},
        ]
    ]


def test_line_comments_and_dash_runs() -> None:
    assert _items("Mash -- a comment\n--- keep\n-- whole line") == [
        [{"type": "text", "value": "Mash  --- keep"}]
    ]
    # A line that holds only a comment ends a step, as a blank line does.
    assert len(parse("One\n-- note to self\nTwo").steps) == 2


def test_an_unclosed_block_comment_runs_to_the_end() -> None:
    assert _items("Keep [- this is never closed\n\nStill comment") == [
        [{"type": "text", "value": "Keep"}]
    ]


def test_notes_are_paragraphs_starting_with_a_marker() -> None:
    document = parse("> Don't burn\n> the roux!\n\nMash it.\n\n> Second note\ncontinues")
    assert document.notes == ["Don't burn the roux!", "Second note continues"]
    assert document.steps == [[{"type": "text", "value": "Mash it."}]]


def test_sections() -> None:
    text = "Before\n\n= Dough\n\nMix\n== Filling ==\nFill\n\n====\n\nBake\n=Glaze=\nBrush"
    document = parse(text)
    assert document.sections == [None, "Dough", "Filling", None, "Glaze"]
    assert [step[0]["value"] for step in document.steps if step[0]["type"] == "text"] == [
        "Before",
        "Mix",
        "Fill",
        "Bake",
        "Brush",
    ]


def test_an_escaped_equals_sign_stays_in_a_section_name() -> None:
    assert parse("= a \\= b \\=\n\nStep").sections == ["a = b ="]


def test_front_matter_and_legacy_metadata_together() -> None:
    text = (
        "---\ntitle: Pancakes\ntags:\n  - quick\n  - sweet\nservings: 4\n---\n"
        ">> source: https://example.org/p\n>> servings: 6\nMix @flour{100%g}.\n>> course: breakfast"
    )
    document = parse(text)
    assert document.metadata == {
        "title": "Pancakes",
        "tags": ["quick", "sweet"],
        "servings": "6",  # the later line wins
        "source": "https://example.org/p",
        "course": "breakfast",
    }
    assert len(document.steps) == 1


def test_front_matter_values_read_as_yaml_would() -> None:
    text = "---\na: 4\nb: 1.5\nc: yes\nd: 2024-01-05\ne: plain text\nf: 30 mins\n---\n"
    assert parse(text).metadata == {
        "a": 4,
        "b": 1.5,
        "c": True,
        "d": "2024-01-05",
        "e": "plain text",
        "f": "30 mins",
    }


def test_front_matter_yaml_cannot_read_falls_back_to_key_value_lines() -> None:
    assert parse("---\ntitle: [unclosed\nserves: 2\n---\nStep").metadata == {
        "title": "[unclosed",
        "serves": "2",
    }


def test_front_matter_only_at_the_start_and_only_when_closed() -> None:
    assert parse("---\ntitle: x\n").metadata == {}
    assert parse("Step\n\n---\ntitle: x\n---\n").metadata == {}


def test_windows_line_endings() -> None:
    assert parse("---\r\ntitle: x\r\n---\r\nOne\r\n\r\nTwo\r\n").canonical() == {
        "metadata": {"title": "x"},
        "steps": [[{"type": "text", "value": "One"}], [{"type": "text", "value": "Two"}]],
    }


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("@onion{1}(diced)", {"quantity": 1, "units": "", "note": "diced"}),
        ("@flour(sifted)", {"quantity": "some", "units": "", "note": "sifted"}),
        ("@salt{=1%tsp}", {"quantity": 1, "units": "tsp", "fixed": True}),
        ("@eggs{2-4}", {"quantity": 2, "quantity_max": 4, "units": ""}),
        ("@water{1.5 - 2%l}", {"quantity": 1.5, "quantity_max": 2, "units": "l"}),
        ("@sugar{1 1/2%cups}", {"quantity": 1.5, "units": "cups"}),
        ("@milk{1/2*%cup}", {"quantity": 0.5, "units": "cup"}),
        ("@salt{%pinch}", {"quantity": "some", "units": "pinch"}),
        ("@white wine|wine{100%ml}", {"quantity": 100, "units": "ml", "alias": "wine"}),
        # Escaped, "%" and a leading "=" are plain characters (as cooklang-rs reads them).
        ("@milk{2\\%ish%cups}", {"quantity": "2%ish", "units": "cups"}),
        ("@salt{\\=1%tsp}", {"quantity": "=1", "units": "tsp"}),
        ("@salt{\\} 1 %g\\%}", {"quantity": "} 1", "units": "g%"}),
    ],
)
def test_ingredient_amounts_notes_and_aliases(text: str, item: dict[str, Any]) -> None:
    [[got]] = _items(text)
    assert got["type"] == "ingredient"
    assert {k: v for k, v in got.items() if k not in {"type", "name"}} == item


def test_alias_names_the_ingredient_and_shows_the_alias() -> None:
    [[item]] = _items("@tipo zero flour|flour{500%g}")
    assert (item["name"], item["alias"]) == ("tipo zero flour", "flour")


def test_recipe_references() -> None:
    [[_, item, _]] = _items("Pour over with @./sauces/Hollandaise{150%g}.")
    assert item == {
        "type": "ingredient",
        "name": "Hollandaise",
        "quantity": 150,
        "units": "g",
        "reference": "./sauces/Hollandaise",
    }
    assert _items("@\\./not/a/reference{}")[0][0]["name"] == "./not/a/reference"


def test_cookware_and_timers() -> None:
    assert _items("#pot{2} #big pot{} #pan(greased) ~eggs{3%minutes} ~{1-2%hours}") == [
        [
            {"type": "cookware", "name": "pot", "quantity": 2, "units": ""},
            {"type": "text", "value": " "},
            {"type": "cookware", "name": "big pot", "quantity": 1, "units": ""},
            {"type": "text", "value": " "},
            {"type": "cookware", "name": "pan", "quantity": 1, "units": "", "note": "greased"},
            {"type": "text", "value": " "},
            {"type": "timer", "name": "eggs", "quantity": 3, "units": "minutes"},
            {"type": "text", "value": " "},
            {"type": "timer", "name": "", "quantity": 1, "quantity_max": 2, "units": "hours"},
        ]
    ]


def test_a_long_name_stays_on_its_line() -> None:
    assert _items("@hot\nchilli{3}") == [
        [
            {"type": "ingredient", "name": "hot", "quantity": "some", "units": ""},
            {"type": "text", "value": " chilli{3}"},
        ]
    ]


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("Put it in #{} now", "f.cook:1:11", "cookware has no name"),
        ("Boil.\n\nWait for\n   ~{} then", "f.cook:4:4", "timer has neither a name nor an amount"),
        ("---\ntitle: x\n---\nAdd @{2%g}", "f.cook:4:5", "ingredient has no name"),
        ("[- a comment\nover lines -] then #{}", "f.cook:2:20", "cookware has no name"),
        ("A\n\n#pot{2%l}", "f.cook:3:1", "cookware 'pot' has a unit"),
        ("@white wine|wine|vino{}", "f.cook:1:1", "more than one alias"),
        ("@white wine|{}", "f.cook:1:1", "alias is empty"),
        ("Add @milk{1/0%cup}", "f.cook:1:5", "divides by zero"),
    ],
)
def test_invalid_input_names_line_and_column(text: str, where: str, words: str) -> None:
    with pytest.raises(FormatError) as raised:
        read(text, "f.cook")
    error = raised.value
    assert error.where == where
    assert words in error.what
    assert error.hint
    assert str(error).startswith(f"{where}: ")


# --- mapping to ladle ---------------------------------------------------------------------------


def _read(text: str, location: str = "recipe.cook") -> Recipe:
    [recipe] = read_text(text, "cooklang", location)
    return recipe


def test_title_from_metadata_else_the_file_name() -> None:
    assert _read("---\ntitle: Apple Pie\n---\nBake.").title == "Apple Pie"
    assert _read("Bake.", "recipes/apple_crumble-pie.cook").title == "Apple crumble pie"
    assert _read("Bake.", "<text>").title == "Untitled recipe"


def test_metadata_to_recipe_fields() -> None:
    recipe = _read(
        "---\ndescription: Crisp and sweet.\nservings: 2|4|8\nprep time: 15 minutes\n"
        "cook_time: 1h30m\ntime: 2 hours\ntags: baking, dessert\n"
        "source: Mum's book <https://example.org/pie>\n---\nBake."
    )
    assert recipe.description == "Crisp and sweet."
    assert recipe.yield_.servings == 2
    assert (recipe.times.prep_minutes, recipe.times.cook_minutes) == (15, 90)
    assert recipe.times.total_minutes == 120
    assert recipe.tags == ["baking", "dessert"]
    assert recipe.source.url == "https://example.org/pie"
    assert recipe.source.format == "cooklang"
    assert recipe.source.location == "recipe.cook"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("servings: 4", Yield(servings=4, text="4")),
        ("serves: 4 people", Yield(servings=4, text="4 people")),
        ("yield: 2 loaves", Yield(amount=2, unit="loaf", text="2 loaves")),
        ("yield: 12", Yield(servings=12, text="12")),
    ],
)
def test_servings_and_yield(value: str, expected: Yield) -> None:
    assert _read(f"---\n{value}\n---\nBake.").yield_ == expected


def test_ingredients_from_the_steps() -> None:
    recipe = _read(
        "Mix @flour{2%cups}, @eggs{2-3} and @salt.\n\n"
        "Add @onion{1}(diced), @thyme{few%sprigs}, @pepper{to taste} and @./sauces/Gravy{=100%ml}."
    )
    summary = [
        (i.text, i.name, i.quantity, i.quantity_max, i.unit, i.preparation, i.fixed, i.reference)
        for i in recipe.ingredients
    ]
    assert summary == [
        ("2 cups flour", "flour", 2, None, "cup", None, False, None),
        ("2–3 eggs", "eggs", 2, 3, None, None, False, None),
        ("salt", "salt", None, None, None, None, False, None),
        ("1 onion, diced", "onion", 1, None, None, "diced", False, None),
        ("few sprigs thyme", "thyme", None, None, "sprig", None, False, None),
        ("pepper to taste", "pepper", None, None, None, None, False, None),
        ("100 ml Gravy", "Gravy", 100, None, "milliliter", None, True, "./sauces/Gravy"),
    ]
    assert recipe.ingredients[5].to_taste


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("{pinch}", (None, None, "pinch", None, False, "pinch salt")),
        ("{%pinch}", (None, None, "pinch", None, False, "pinch salt")),
        ("{to taste}", (None, None, None, None, True, "salt to taste")),
        ("{a few}", (None, None, None, "a few", False, "a few salt")),
        ("{lots, to taste}", (None, None, None, "lots, to taste", True, "lots, to taste salt")),
        ("{few%sprigs}", (None, None, "sprig", "few", False, "few sprigs salt")),
        ("{½%tsp}", (0.5, None, "teaspoon", None, False, "½ tsp salt")),
        ("{1,5%dl}", (1.5, None, "deciliter", None, False, "1½ dl salt")),
        ("{1 cup}", (1, None, "cup", None, False, "1 cup salt")),
        ("{500g}", (500, None, "gram", None, False, "500 g salt")),
        ("{2-3 cm}", (2, 3, "centimeter", None, False, "2–3 cm salt")),
        ("{1 large}", (1, None, None, "large", False, "1 large salt")),
        ("{3 cloves // minced}", (3, None, "clove", "// minced", False, "3 cloves // minced salt")),
        ("{1x400%g tin}", (None, None, "g tin", "1x400", False, "1x400 g tin salt")),
        ("{2 large%cups}", (2, None, "cup", "large", False, "2 large cups salt")),
    ],
)
def test_text_amounts_keep_every_word(amount: str, expected: tuple[Any, ...]) -> None:
    [got] = _read(f"Add @salt{amount}.").ingredients
    assert (got.quantity, got.quantity_max, got.unit, got.comment, got.to_taste, got.text) == (
        expected
    )


def test_the_same_name_twice() -> None:
    recipe = _read(
        "Mix @flour{100%g} and @water{50%g}.\n\nAdd more @flour{200%g}.\n\n"
        "Dust with @flour{} and splash @water."
    )
    assert [(i.name, i.quantity) for i in recipe.ingredients] == [
        ("flour", 100),
        ("water", 50),
        ("flour", 200),
    ]
    assert [s.uses for s in recipe.steps] == [[0, 1], [2], [2, 1]]


def test_steps_text_section_uses_durations_equipment() -> None:
    recipe = _read(
        "= Sauce\n\nMelt @butter{2%tbsp} in a #frying pan{} and add @fresh thyme|thyme{1%tsp}. "
        "Simmer for ~{5-10%minutes}.\n\n== Serve ==\n\nRest ~rest, then bake at 200°C for "
        "~bake{20%minutes} in the #oven{} on a #pizza stone{}."
    )
    first, second = recipe.steps
    assert first.text == "Melt butter in a frying pan and add thyme. Simmer for 5-10 minutes."
    assert (first.section, second.section) == ("Sauce", "Serve")
    assert first.uses == [0, 1]
    assert [(d.min_minutes, d.max_minutes) for d in first.durations] == [(5, 10)]
    assert first.equipment == ["skillet", "stove"]  # "simmer": on the stove
    assert second.text == (
        "Rest rest, then bake at 200°C for 20 minutes in the oven on a pizza stone."
    )
    assert [(d.min_minutes, d.max_minutes) for d in second.durations] == [(20, 20)]
    assert second.equipment == ["oven", "pizza stone"]
    assert [t.celsius for t in second.temperatures] == [200]
    assert second.attention == "passive"


def test_timers_add_the_durations_the_text_does_not_state() -> None:
    [step] = _read("Leave it for ~{1%hour}.").steps
    assert [(d.min_minutes, d.text) for d in step.durations] == [(60, "1 hour")]  # once
    [step] = _read("Soak~{2%hours}.").steps  # "Soak2 hours": no duration in the text itself
    assert [(d.min_minutes, d.text) for d in step.durations] == [(120, "2 hours")]


def test_notes_become_recipe_notes() -> None:
    assert _read("> Keeps 3 days.\n\nBake.").notes == ["Keeps 3 days."]


@pytest.mark.parametrize("text", ["", "   \n\n", "-- only a comment", "---\ntitle: x\n---\n"])
def test_no_steps_and_no_ingredients_is_no_recipe(text: str) -> None:
    with pytest.raises(NoRecipeFound):
        read(text, "empty.cook")


def test_the_ingredients_list_orders_and_completes_the_ingredients() -> None:
    recipe = _read(
        "---\ningredients:\n  - '@salt{1%tsp}'\n  - '@butter{20%g}'\n  - flour\n"
        "  - '@eggs{2}'\n---\nBeat @eggs{} with @salt{1%tsp} and @sugar{50%g}."
    )
    assert [(i.name, i.quantity, i.unit) for i in recipe.ingredients] == [
        ("salt", 1, "teaspoon"),
        ("butter", 20, "gram"),
        ("flour", None, None),
        ("eggs", 2, None),
        ("sugar", 50, "gram"),
    ]
    assert recipe.steps[0].uses == [3, 0, 4]


@pytest.mark.skipif(not FORMATS["cooklang"].reads, reason="not in the registry yet")
def test_the_registry_reads_cooklang() -> None:
    [recipe] = read_text("Add @salt{}.", None, "salt.cook", ".cook")
    assert recipe.source.format == "cooklang"


# --- golden files -------------------------------------------------------------------------------


def _golden(path: Path) -> str:
    recipes = read_text(path.read_text(encoding="utf-8"), "cooklang", path.name)
    return json.dumps([r.to_json() for r in recipes], indent=2, ensure_ascii=False) + "\n"


def test_there_are_golden_cooklang_files() -> None:
    assert len(GOLDEN) >= 3


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden(path: Path) -> None:
    expected = path.with_suffix(".json")
    assert expected.exists(), f"{expected.name} is missing: run python -m tests.test_cooklang"
    documents = json.loads(_golden(path))
    assert documents == json.loads(expected.read_text(encoding="utf-8"))
    for document in documents:
        jsonschema.validate(document, SCHEMA)


def regenerate() -> None:
    """Write each golden file's expected JSON; review the diff before committing."""
    for path in GOLDEN:
        path.with_suffix(".json").write_text(_golden(path), encoding="utf-8")
        print(f"wrote {path.with_suffix('.json').relative_to(CASES.parent.parent)}")


# --- writing, and round trips -------------------------------------------------------------------


def _kept(recipe: Recipe) -> dict[str, Any]:
    """What a round trip keeps: title, ingredients (in order), step texts, sections, notes."""
    return {
        "title": recipe.title,
        "ingredients": [(i.name, i.quantity, i.quantity_max, i.unit) for i in recipe.ingredients],
        "steps": [(s.text, s.section) for s in recipe.steps],
        "notes": recipe.notes,
    }


def _round_trip(recipe: Recipe) -> Recipe:
    return _read(write(recipe), "round-trip.cook")


def test_round_trip_of_the_built_in_example() -> None:
    [recipe] = read_text(example_text(), "text", "example.txt")
    back = _round_trip(recipe)
    assert _kept(back) == _kept(recipe)
    assert back.yield_.servings == recipe.yield_.servings
    assert back.times == recipe.times
    assert "@butter{1%tbsp}" in write(recipe)  # listed, though no step uses it; unit as written


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_round_trip_of_the_golden_texts(path: Path) -> None:
    [recipe, *_] = read_text(path.read_text(encoding="utf-8"), "text", path.name)
    back = _round_trip(recipe)
    assert _kept(back) == _kept(recipe)
    assert back.description == recipe.description
    assert back.tags == recipe.tags


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_round_trip_of_the_golden_cooklang_files(path: Path) -> None:
    recipe = _read(path.read_text(encoding="utf-8"), path.name)
    back = _round_trip(recipe)
    assert _kept(back) == _kept(recipe)
    assert [i.preparation for i in back.ingredients] == [i.preparation for i in recipe.ingredients]
    assert [(i.fixed, i.reference) for i in back.ingredients] == [
        (i.fixed, i.reference) for i in recipe.ingredients
    ]
    assert [s.uses for s in back.steps] == [s.uses for s in recipe.steps]
    assert (back.yield_, back.times, back.tags) == (recipe.yield_, recipe.times, recipe.tags)
    assert back.source.url == recipe.source.url


def _recipe(steps: list[Step], ingredients: list[Ingredient], **fields: Any) -> Recipe:
    return Recipe(title="Test", ingredients=ingredients, steps=steps, **fields)


def test_the_writer_marks_mentions_amount_first_alias_where_worded_differently() -> None:
    ingredients = [
        Ingredient(text="2 tbsp olive oil", name="olive oil", quantity=2, unit="tablespoon"),
        Ingredient(text="1 tbsp fresh thyme leaves", name="fresh thyme leaves", quantity=1),
    ]
    steps = [
        Step(text="Warm the olive oil with the thyme leaves.", uses=[0, 1]),
        Step(text="Drizzle over the rest of the olive oil.", uses=[0]),
    ]
    text = write(_recipe(steps, ingredients))
    # The unit as the ingredient's text spells it ("tbsp"), ladle's name where it has none.
    assert "Warm the @olive oil{2%tbsp} with the @fresh thyme leaves|thyme leaves{1}." in text
    assert "Drizzle over the rest of the @olive oil{}." in text
    assert "ingredients:" not in text  # the steps give the list, in order


def test_the_writer_lists_ingredients_no_step_names_and_keeps_the_order() -> None:
    ingredients = [
        Ingredient(text="butter", name="butter", quantity=1, unit="tablespoon"),
        Ingredient(text="salt", name="salt"),
        Ingredient(text="2 eggs", name="eggs", quantity=2),
    ]
    recipe = _recipe([Step(text="Beat the eggs with the salt.", uses=[2, 1])], ingredients)
    text = write(recipe)
    assert "ingredients:\n- '@butter{1%tablespoon}'\n- '@salt{}'\n- '@eggs{2}'\n" in text
    assert _kept(_round_trip(recipe)) == _kept(recipe)


def test_the_writer_escapes_what_would_read_as_cooklang() -> None:
    awkward = [
        "> not a note",
        "= not a section",
        ">> not: metadata",
        "Email me@home about #1 and ~5 min {later} -- or [- not -] --- x \\ y",
        "Add the salt(to taste) then",
    ]
    ingredients = [Ingredient(text="salt", name="salt")]
    recipe = _recipe([Step(text=t, uses=[0]) for t in awkward], ingredients)
    back = _round_trip(recipe)
    assert [s.text for s in back.steps] == awkward
    assert [s.uses for s in back.steps] == [[], [], [], [], [0]]


def test_the_writer_keeps_sections_notes_and_metadata() -> None:
    recipe = _recipe(
        [
            Step(text="Mix.", section="Dough"),
            Step(text="Fill.", section="Filling"),
            Step(text="Bake."),
        ],
        [],
        notes=["Keeps -- well -- for 3 days."],
        tags=["pie"],
        description="A pie.",
        yield_=Yield(amount=2, unit="loaf"),
    )
    text = write(recipe)
    assert "= Dough\n\nMix.\n\n= Filling\n\nFill.\n\n=\n\nBake.\n\n> Keeps -\\- well" in text
    back = _round_trip(recipe)
    assert _kept(back) == _kept(recipe)
    assert (back.tags, back.description) == (["pie"], "A pie.")
    assert (back.yield_.amount, back.yield_.unit) == (2, "loaf")


def test_the_writer_marks_cookware_and_timers() -> None:
    words = "Roast in the oven on a roasting tin for 25-30 minutes."
    [recipe] = read_text(f"Ingredients\n- 1 chicken\n\nMethod\n1. {words}", "text", "x.txt")
    [step] = recipe.steps
    text = write(_recipe([step], [Ingredient(text="1 chicken", name="chicken", quantity=1)]))
    assert "Roast in the #oven{} on a #roasting tin{} for ~{25-30%minutes}." in text
    [back] = _round_trip(_recipe([step], [])).steps
    assert back.text == step.text
    assert back.equipment == ["oven", "roasting tray"]


# --- properties ---------------------------------------------------------------------------------

FRAGMENTS = [
    "@",
    "#",
    "~",
    "{",
    "}",
    "%",
    "|",
    "(",
    ")",
    "\\",
    "--",
    "---",
    "[-",
    "-]",
    ">",
    ">>",
    "=",
    "\n",
    "\n\n",
    " ",
    "salt",
    "olive oil",
    "1/2",
    "0",
    "2-4",
    "=1",
    "./x/",
    ":",
    "title: x",
    "tags:",
    "- a",
    "1/0",
    "*",
    "\u2009",
    "⸫",
    "🧂",
    "10%minutes",
    "ingredients:",
    "- '@a{1}'",
    "&a",
    "*a",
    "2024-13-45",
    "\r",
    "\t",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.booleans())
def test_reading_raises_nothing_but_ladle_errors(parts: list[str], front_matter: bool) -> None:
    text = "".join(parts)
    if front_matter:
        text = f"---\n{text}\n---\n{text}"
    with contextlib.suppress(LadleError):
        read(text, "fuzz.cook")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.booleans())
def test_any_cooklang_read_written_and_read_again_is_the_same(
    parts: list[str], front_matter: bool
) -> None:
    """The corpus test's round trip on any text: what a reader takes, the writer gives back."""
    text = "".join(parts)
    if front_matter:
        text = f"---\n{text}\n---\n{text}"
    try:
        [recipe] = read(text, "fuzz.cook")
    except LadleError:
        return
    written = write(recipe)
    [back] = read(written, "fuzz.cook")
    assert differences(recipe, back) == [], written
    body = re.sub(r"\A---\n.*?\n---\n", "", written, flags=re.S)  # YAML quotes its own keys
    assert not UNIT_ALONE.search(body), written
    assert official_error(written) is None, written


_WORDS = st.one_of(
    st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=4),
    st.sampled_from(["salt", "olive oil", "eggs", "oven", "10 minutes", "@", "#", "~", "{", "}"]),
    st.sampled_from(["--", "[-", "|", "\\", "(", ")", ">", "=", "%", "---", "1/2", "a", "the"]),
)
_PHRASE = st.lists(_WORDS, min_size=1, max_size=10).map(" ".join).filter(lambda t: t.split())
_NAME = st.lists(_WORDS, min_size=1, max_size=3).map(" ".join).filter(lambda t: t.split())
_QUANTITY = st.sampled_from([None, 1.0, 2.0, 0.5, 0.25, 1 / 3, 2 / 3, 1.5, 0.1, 250.0, 1.2])
_UNIT = st.sampled_from(
    [None, "gram", "cup", "tablespoon", "clove", "pinch", "fluid_ounce", "bowl", "large_pizza"]
)
_COMMENT = st.sampled_from([None, "few", "large", "a little", "10%", "} {", "-- x", "2 big"])


@st.composite
def _recipes(draw: st.DrawFn) -> Recipe:
    ingredients = []
    for _ in range(draw(st.integers(0, 5))):
        quantity = draw(_QUANTITY)
        high = draw(st.sampled_from([None, 3.0])) if quantity is not None else None
        name, comment = draw(_NAME), draw(_COMMENT)
        ingredients.append(
            Ingredient(
                text=f"{comment or ''} {name}",  # the comment, if any, is part of the amount
                name=name,
                quantity=quantity,
                quantity_max=high,
                unit=draw(_UNIT),
                comment=comment,
                to_taste=draw(st.booleans()),
                fixed=draw(st.booleans()),
            )
        )
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        text = draw(_PHRASE)
        uses: list[int] = []
        if draw(st.booleans()) and ingredients:
            index = draw(st.integers(0, len(ingredients) - 1))
            text = f"{text} {ingredients[index].name}"
            uses.append(index)
        section = draw(st.sampled_from([None, "Dough", "= x =", "a -- b"]))
        steps.append(Step(text=text, section=section, uses=uses))
    notes = draw(st.lists(_PHRASE, max_size=2))
    return Recipe(title=draw(_PHRASE), ingredients=ingredients, steps=steps, notes=notes)


def _tidy(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_recipes())
def test_written_recipes_read_back(recipe: Recipe) -> None:
    written = write(recipe)
    assert not UNIT_ALONE.search(written), written  # never "{%unit}"
    assert official_error(written) is None, written
    back = _round_trip(recipe)
    assert back.title == _tidy(recipe.title)
    assert [(i.name, i.quantity, i.quantity_max, i.unit) for i in back.ingredients] == [
        (_tidy(i.name or ""), i.quantity, i.quantity_max, i.unit) for i in recipe.ingredients
    ]
    assert [(s.text, s.section) for s in back.steps] == [
        (_tidy(s.text), _tidy(s.section or "") or None) for s in recipe.steps
    ]
    assert back.notes == [_tidy(n) for n in recipe.notes]


if __name__ == "__main__":
    regenerate()
