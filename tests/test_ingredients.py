"""Ingredient lines: the contract's fields, the seed recipe, accuracy, robustness."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladle.errors import IngredientError
from ladle.ingredients import MAX_LINE, parse_ingredient, parse_ingredients
from ladle.model import Ingredient
from ladle.units import convert, dimension

BENCH = Path(__file__).resolve().parents[1] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

from _scoring import (  # noqa: E402
    GoldLine,
    Prediction,
    from_ingredient,
    gold_lines,
    gold_quantity,
    gold_units,
    score,
)

from .conftest import shared  # noqa: E402

MIN_LINE_ACCURACY = 0.97


def fields(line: str) -> dict[str, Any]:
    """The contract's fields of one parsed line, without the text and group."""
    document = parse_ingredient(line).to_json()
    del document["text"], document["group"]
    return document


def check(line: str, expected: dict[str, Any]) -> None:
    got = fields(line)
    assert {key: got[key] for key in expected} == expected, got


# --- the seed recipe --------------------------------------------------------------------------

SEED = [
    ("2 lbs pork belly", {"quantity": 2, "unit": "pound", "name": "pork belly"}),
    (
        "Salt and pepper to taste",
        {"quantity": None, "unit": None, "to_taste": True, "comment": None},
    ),
    ("2 tablespoons olive oil", {"quantity": 2, "unit": "tablespoon", "name": "olive oil"}),
    ("1/4 cup honey", {"quantity": 0.25, "unit": "cup", "name": "honey"}),
    ("1/4 cup Dijon mustard", {"quantity": 0.25, "unit": "cup", "name": "Dijon mustard"}),
    (
        "1 tablespoon soy sauce (optional)",
        {
            "quantity": 1,
            "unit": "tablespoon",
            "name": "soy sauce",
            "optional": True,
            "comment": None,
        },
    ),
    ("1 teaspoon garlic powder", {"quantity": 1, "unit": "teaspoon", "name": "garlic powder"}),
    (
        "1 lb carrots, peeled and cut",
        {"quantity": 1, "unit": "pound", "name": "carrots", "preparation": "peeled and cut"},
    ),
    ("1 tablespoon butter", {"quantity": 1, "unit": "tablespoon", "name": "butter"}),
    (
        "1 tablespoon fresh thyme leaves",
        {"quantity": 1, "unit": "tablespoon", "name": "fresh thyme leaves"},
    ),
]


@pytest.mark.parametrize(("line", "expected"), SEED, ids=[line for line, _ in SEED])
def test_seed_recipe_lines(line: str, expected: dict[str, Any]) -> None:
    check(line, expected)


def test_seed_lines_have_nothing_extra() -> None:
    for line, _ in SEED:
        got = fields(line)
        assert got["quantity_max"] is None
        assert got["alternatives"] == []
        if line != "1 tablespoon soy sauce (optional)":
            assert got["optional"] is False
        if line != "Salt and pepper to taste":
            assert got["to_taste"] is False
            assert got["comment"] is None


def test_salt_and_pepper_is_one_name() -> None:
    assert fields("Salt and pepper to taste")["name"] == "Salt and pepper"


# --- the contract's fields, one behaviour per table ---------------------------------------------

QUANTITIES = [
    ("2 eggs", 2),
    ("½ tsp salt", 0.5),
    ("¼ cup sugar", 0.25),
    ("1½ cups flour", 1.5),
    ("1 1/2 cups flour", 1.5),
    ("1 ½ lb ground beef", 1.5),
    ("0.5 c unsalted butter", 0.5),
    ("⅓ c canola oil", 1 / 3),
    ("Half a lemon", 0.5),
    ("1 dozen eggs", 12),
    ("1 lb 2 oz flour", 1.125),
    ("1 cup plus 2 tbsp sugar", 1.125),
]


@pytest.mark.parametrize(("line", "quantity"), QUANTITIES)
def test_quantity_fractions_and_mixed_numbers(line: str, quantity: float) -> None:
    got = fields(line)["quantity"]
    assert got == pytest.approx(quantity)


RANGES = [
    ("4–5 cloves garlic", 4, 5, "clove"),
    ("4-5 cloves garlic, minced", 4, 5, "clove"),
    ("2 to 3 tbsp olive oil", 2, 3, "tablespoon"),
    ("1-2 fresh red chillies, deseeded", 1, 2, None),
    ("1.5-2 cups sugar", 1.5, 2, "cup"),  # the library leaves a range of decimals as text
    ("0,5-1 cl Sockerlag", 0.5, 1, "centiliter"),
]


@pytest.mark.parametrize(("line", "low", "high", "unit"), RANGES)
def test_range_sets_quantity_max(line: str, low: float, high: float, unit: str | None) -> None:
    check(line, {"quantity": low, "quantity_max": high, "unit": unit})


def test_no_range_no_quantity_max() -> None:
    assert fields("3 cloves garlic")["quantity_max"] is None


UNITS = [
    ("2 tbsp butter", "tablespoon"),
    ("2 Tbsp butter", "tablespoon"),
    ("1 T sugar", "tablespoon"),
    ("1 t salt", "teaspoon"),
    ("3 teaspoons salt", "teaspoon"),
    ("2 c milk", "cup"),
    ("200g flour", "gram"),
    ("1 kg potatoes", "kilogram"),
    ("4 oz cheese", "ounce"),
    ("2 lbs pork belly", "pound"),
    ("250 ml stock", "milliliter"),
    ("1 L water", "liter"),
    ("8 fl oz cream", "fluid_ounce"),
    ("3 cloves garlic", "clove"),
    ("2 sprigs rosemary", "sprig"),
    ("1 can tomatoes", "can"),
    ("a pinch of salt", "pinch"),
    ("1 stick butter", "stick"),
    # pint reads some words as units no kitchen uses; the words as written decide
    ("1 section ginger", "section"),
    ("½ tbsp tbsp clarified butter", "tablespoon"),
    ("25g/oz ground almonds", "gram"),
    ("5 oz link fennel sausage", "ounce"),
    # one unit per phrase; the words that qualify it go to the comment
    ("3 heaping tablespoons schmaltz", "tablespoon"),
    ("small handful chives", "handful"),
    ("2 Poached Garlic cloves", "clove"),
    ("1 bottle or can (about 12 ounces) soda", "bottle"),
    ("2 x 400g/14oz cans chopped tomatoes", "can"),
    ("2 x 320g packs puff pastry", "pack"),
]


@pytest.mark.parametrize(("line", "unit"), UNITS)
def test_unit_is_canonical(line: str, unit: str) -> None:
    assert fields(line)["unit"] == unit


def test_unit_modifier_words_are_kept_in_the_comment() -> None:
    check("small handful chives", {"unit": "handful", "comment": "small"})
    check("3 heaping tablespoons schmaltz", {"quantity": 3, "comment": "heaping"})


SIZE_WORDS = [
    ("heaping ¼ cup sugar", 0.25, "cup", "heaping"),
    ("Heaping ¼ cup pitted olives", 0.25, "cup", "Heaping"),
    ("Scant ¾ cup water", 0.75, "cup", "Scant"),
    ("½ miniature bottle rum", 0.5, "bottle", "miniature"),
]


@pytest.mark.parametrize(("line", "quantity", "unit", "word"), SIZE_WORDS)
def test_size_word_is_not_an_amount(line: str, quantity: float, unit: str, word: str) -> None:
    got = fields(line)
    assert (got["quantity"], got["unit"], got["alternatives"]) == (quantity, unit, [])
    assert got["comment"] is not None
    assert word in got["comment"]


def test_a_piece_keeps_its_length_as_an_alternative() -> None:
    got = fields("2.5cm/1in piece fresh root ginger, peeled and chopped")
    assert (got["quantity"], got["unit"], got["name"]) == (1, "piece", "fresh root ginger")
    assert [(a["quantity"], a["unit"]) for a in got["alternatives"]] == [
        (2.5, "centimeter"),
        (1, "inch"),
    ]
    assert got["comment"] == "2.5 cm/1 in"


def test_counted_pieces_keep_their_count() -> None:
    got = fields("2 (1-inch) pieces ginger")
    assert (got["quantity"], got["unit"], got["comment"]) == (2, "piece", "1 inch")
    assert [(a["quantity"], a["unit"]) for a in got["alternatives"]] == [(2, "inch")]


def test_a_length_before_another_count_is_still_the_amount() -> None:
    """Only pieces cut to a length count pieces: "6-inch branch" is 6 inches of a branch."""
    check("6-inch branch tarragon", {"quantity": 6, "unit": "inch"})


# --- issue 11: lines a cook writes ----------------------------------------------------------

CANS = [
    "2 (15 oz) cans pumpkin puree",
    "2 - 15 oz cans pumpkin puree",
    "2 x 15 oz cans pumpkin puree",
    "2 15-ounce cans pumpkin puree",
]


@pytest.mark.parametrize("line", CANS)
def test_two_cans_of_a_size_are_two_cans_and_30_ounces_in_all(line: str) -> None:
    got = fields(line)
    assert (got["quantity"], got["quantity_max"], got["unit"]) == (2, None, "can")
    assert got["name"] == "pumpkin puree"
    assert got["comment"] in {"15 oz each", "15 ounces each"}
    assert [(a["quantity"], a["unit"]) for a in got["alternatives"]] == [(30, "ounce")]


def test_one_can_of_a_size_is_that_size() -> None:
    got = fields("1 (15 oz) can pumpkin puree")
    assert (got["quantity"], got["unit"], got["comment"]) == (1, "can", None)
    assert [(a["quantity"], a["unit"]) for a in got["alternatives"]] == [(15, "ounce")]


def test_a_range_of_ounces_is_still_a_range() -> None:
    check("2-3 oz pancetta", {"quantity": 2, "quantity_max": 3, "unit": "ounce"})


@pytest.mark.parametrize(
    ("line", "unit", "name"),
    [("1 stick cinnamon", "stick", "cinnamon"), ("2 cinnamon sticks", None, "cinnamon sticks")],
)
def test_a_cinnamon_stick_is_a_count_of_sticks(line: str, unit: str | None, name: str) -> None:
    got = fields(line)
    assert (got["unit"], got["name"]) == (unit, name)
    assert dimension(got["unit"], got["name"]) in {"count", "none"}


def test_a_butter_stick_is_the_butter_measure() -> None:
    got = fields("1 stick butter")
    assert dimension(got["unit"], got["name"]) == "volume"
    assert round(convert(1, got["unit"], "gram", ingredient=got["name"])) == 113


@pytest.mark.parametrize(
    ("line", "length"),
    [
        ("3-inch piece ginger", (3, "inch")),
        ("1 (2-inch) piece ginger", (2, "inch")),
        ("a 5 cm piece of ginger", (5, "centimeter")),
    ],
)
def test_a_piece_by_length_is_one_piece(line: str, length: tuple[float, str]) -> None:
    got = fields(line)
    assert (got["quantity"], got["unit"], got["name"]) == (1, "piece", "ginger")
    assert [(a["quantity"], a["unit"]) for a in got["alternatives"]] == [length]
    assert got["comment"] in {"3 inch", "2 inch", "5 cm"}


NAMES = [
    ("1/4 cup Dijon mustard", "Dijon mustard"),
    ("2 tbsp Shao Hsing rice wine or dry sherry", "Shao Hsing rice wine or dry sherry"),
    ("salt flakes and cracked black pepper", "salt flakes and black pepper"),
    ("1½ cups table (18%) cream", "table cream"),
    ("400g/14oz okra (ladies' fingers), trimmed", "okra (ladies' fingers)"),
    ("200g spaghetti (or linguine)", "spaghetti (or linguine)"),
]


@pytest.mark.parametrize(("line", "name"), NAMES)
def test_name_keeps_its_written_case(line: str, name: str) -> None:
    assert fields(line)["name"] == name


PREPARATIONS = [
    ("1 lb carrots, peeled and cut", "peeled and cut"),
    ("3 cloves garlic (minced)", "minced"),
    ("2 eggs, lightly beaten", "lightly beaten"),
    ("1 tsp crushed juniper berries", "crushed"),
]


@pytest.mark.parametrize(("line", "preparation"), PREPARATIONS)
def test_preparation(line: str, preparation: str) -> None:
    assert fields(line)["preparation"] == preparation


COMMENTS = [
    ("1 cup chicken stock (or water)", "or water"),
    ("2 large eggs", "large"),
    ("1 cup milk (whole or 2%)", "whole or 2%"),
    ("1½ cups table (18%) cream", "18%"),
    ("a few sprigs thyme", "few"),
    ("2 tbsp olive oil", None),
]


@pytest.mark.parametrize(("line", "comment"), COMMENTS)
def test_comment(line: str, comment: str | None) -> None:
    assert fields(line)["comment"] == comment


OPTIONAL = [
    ("1 tablespoon soy sauce (optional)", None),
    ("2 chillies, chopped (optional)", None),
    ("1 onion, if using", None),
    ("½ tsp chilli flakes, optional", None),
    ("Optional: 2 cups crème anglaise", None),
    ("chopped parsley, optional, to serve", "to serve"),
]


@pytest.mark.parametrize(("line", "comment"), OPTIONAL)
def test_optional_marker_is_removed(line: str, comment: str | None) -> None:
    check(line, {"optional": True, "comment": comment})


def test_not_optional_by_default() -> None:
    assert fields("2 tbsp olive oil")["optional"] is False


TO_TASTE = [
    ("Salt and pepper to taste", None, None),
    ("salt, to taste", None, None),
    ("Salt (to taste)", None, None),
    ("kosher salt and ground black pepper to taste", None, None),
    ("½ teaspoon kosher salt (or to taste)", 0.5, None),
]


@pytest.mark.parametrize(("line", "quantity", "comment"), TO_TASTE)
def test_to_taste(line: str, quantity: float | None, comment: str | None) -> None:
    check(line, {"to_taste": True, "quantity": quantity, "comment": comment})


ALTERNATIVES = [
    ("125g/4½oz butter", (125, "gram"), [(4.5, "ounce")]),
    ("1½ cups (350 ml) milk", (1.5, "cup"), [(350, "milliliter")]),
    ("½ c (4 oz) cream cheese", (0.5, "cup"), [(4, "ounce")]),
    ("1 cup (2 sticks) unsalted butter, softened", (1, "cup"), [(2, "stick")]),
    ("500g/1lb 2oz new potatoes, halved", (500, "gram"), [(1.125, "pound")]),
]


@pytest.mark.parametrize(("line", "first", "others"), ALTERNATIVES)
def test_alternative_amounts(
    line: str, first: tuple[float, str], others: list[tuple[float, str]]
) -> None:
    got = fields(line)
    assert (got["quantity"], got["unit"]) == first
    assert [(a["quantity"], a["unit"]) for a in got["alternatives"]] == others


def test_group_and_text_are_kept() -> None:
    ingredient = parse_ingredient("  2  tbsp\tolive oil ", group="Dressing")
    assert ingredient.group == "Dressing"
    assert ingredient.text == "2 tbsp olive oil"


def test_parse_ingredients_skips_blank_lines() -> None:
    parsed = parse_ingredients(["1 cup flour", "", "   ", "2 eggs"], group="Cake")
    assert [i.name for i in parsed] == ["flour", "eggs"]
    assert {i.group for i in parsed} == {"Cake"}


def test_control_characters_are_dropped() -> None:
    assert parse_ingredient("2 tbsp\x00 olive\u200b oil\x07").text == "2 tbsp olive oil"


BAD_LINES = ["", "   ", "\x00\x01", "!!! ---", "x" * (MAX_LINE + 1)]


@pytest.mark.parametrize("line", BAD_LINES, ids=["empty", "blank", "control", "punct", "long"])
def test_bad_lines_raise_ingredient_error(line: str) -> None:
    with pytest.raises(IngredientError):
        parse_ingredient(line)


# --- accuracy on labelled lines -----------------------------------------------------------------


GOLD_QUANTITIES = [
    ("2", (2, 2)),
    ("#1$2", (0.5, 0.5)),
    ("4#1$2", (4.5, 4.5)),
    ("1-2", (1, 2)),
    ("3#1$2-4", (3.5, 4)),
    ("2x", (2, 2)),
    ("One", (1, 1)),
    ("few", None),
]


@pytest.mark.parametrize(("token", "expected"), GOLD_QUANTITIES)
def test_scorer_reads_gold_quantities(token: str, expected: tuple[float, float] | None) -> None:
    assert gold_quantity(token) == expected


def test_scorer_reads_gold_units() -> None:
    assert gold_units("ml fl oz") == ["milliliter", "fluid_ounce"]
    assert gold_units("Heaping cup g") == ["cup", "gram"]
    assert gold_units("small bunch") == ["bunch"]


def gold(quantity: str, unit: str, name: str = "butter") -> GoldLine:
    return GoldLine(id="t-1", text="", name=name, quantity=quantity, unit=unit)


SCORES = [
    # the first amount decides; further ones are not scored
    (gold("125 4#1$2", "g oz"), Prediction("Butter", [(125, 125, "gram"), (4, 4, "ounce")]), True),
    (gold("125 4#1$2", "g oz"), Prediction("butter", [(4.5, 4.5, "ounce")]), False),
    (gold("1-2", "tbsp"), Prediction("butter", [(1, 2, "tablespoon")]), True),
    (gold("1-2", "tbsp"), Prediction("butter", [(1, 1, "tablespoon")]), False),
    (gold("1 2", "lb oz"), Prediction("butter", [(1.125, 1.125, "pound")]), True),
    (gold("", "pinch"), Prediction("butter", [(1, 1, "pinch")]), True),
    (gold("", ""), Prediction("butter", [(1, 1, None)]), False),
    (gold("6 2", "lb"), Prediction("butter", [(6, 6, None)]), True),
    (gold("2", "tbsp"), Prediction("butter", [(2, 2, None)]), False),
    (gold("2", ""), Prediction("butters", [(2, 2, None)]), True),
    (gold("2", ""), Prediction("margarine", [(2, 2, None)]), False),
]


@pytest.mark.parametrize(("line", "prediction", "right"), SCORES)
def test_scorer_rules(line: GoldLine, prediction: Prediction, right: bool) -> None:
    assert score(line, prediction).line is right


def test_line_accuracy_on_labelled_lines() -> None:
    """At least 97% of the lines right under bench/_scoring.py (bench/ingredients.py's scorer)."""
    lines = gold_lines(shared("data/ingredients/ingredient_eval_3000.csv"))
    right = sum(score(gold, from_ingredient(parse_ingredient(gold.text))).line for gold in lines)
    accuracy = right / len(lines)
    assert accuracy >= MIN_LINE_ACCURACY, f"line accuracy {accuracy:.2%} on {len(lines)} lines"


# --- robustness ---------------------------------------------------------------------------------

PIECES = [
    "1", "½", "1½", "1 1/2", "2-3", "2x", "0", "1e400", "⅞", "One", "Half", "a", "few", "dozen",
    "cup", "cups", "tbsp", "T", "g", "oz", "g/oz", "fl oz", "heaping", "scant", "small", "piece",
    "section", "can", "cm", "inch", "-inch", "x", "or", "and", "plus", "minus", "to", "of",
    "(", ")", "((", "))", ",", ";", "/", "-", "–", ":", "optional", "to taste", "if using",
    "salt", "olive oil", "Dijon", "garlic", "chopped", "finely", "(optional)", "\x00", "\u200b",
    "\t", "é", "👩‍🍳", "\ud800",
]  # fmt: skip

ingredient_like = st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join)
any_text = st.text(
    alphabet=st.characters(codec=None, categories=None, exclude_categories=()), max_size=80
)
long_text = st.text(min_size=MAX_LINE - 20, max_size=MAX_LINE + 40)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(ingredient_like, any_text, long_text))
def test_any_text_gives_an_ingredient_or_an_ingredient_error(line: str) -> None:
    try:
        ingredient = parse_ingredient(line)
    except IngredientError:
        return
    assert isinstance(ingredient, Ingredient)
    document = ingredient.to_json()
    assert Ingredient.from_json(document) == ingredient
