"""Shopping lists: the issue's examples, golden lists read by eye, and properties.

Regenerate the golden lists with ``uv run --no-sync python -m tests.test_shopping`` after a
deliberate change, then read the diff of ``tests/cases/shop/`` before committing it.
"""

from __future__ import annotations

import json
import random
import tomllib
from functools import cache
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladle.errors import RequestError
from ladle.examples import example_text
from ladle.formats import read, read_text
from ladle.ingredients import parse_ingredient
from ladle.model import Recipe, Yield
from ladle.scaling import ScaleRequest, scale
from ladle.shopping import (
    STATE_WORDS,
    ShoppingItem,
    ShoppingList,
    aisle_of,
    shopping_list,
    shopping_name,
)

from .conftest import CASES

TEXT = CASES / "text"
SHOP = CASES / "shop"
DINNER = (
    "01-roast-chicken.txt",
    "04-honey-roasted-carrots.txt",
    "05-garlic-green-beans.txt",
    "06-iced-hibiscus-tea.txt",
)
EXAMPLE = "examples/pork-belly-dinner.txt"


def recipe(title: str, *lines: str, servings: float | None = None) -> Recipe:
    return Recipe(
        title=title,
        yield_=Yield(servings=servings),
        ingredients=[parse_ingredient(line) for line in lines],
    )


def texts(found: ShoppingList) -> list[str]:
    return [item.text for item in found.items]


def named(found: ShoppingList, name: str) -> list[ShoppingItem]:
    return [item for item in found.items if item.name == name]


def example() -> Recipe:
    return read_text(example_text(), "text", EXAMPLE)[0]


# --- the examples ----------------------------------------------------------------------


def test_two_and_three_tablespoons_of_olive_oil_are_a_third_of_a_cup() -> None:
    found = shopping_list([recipe("a", "2 tbsp olive oil"), recipe("b", "3 tbsp olive oil")])
    (oil,) = found.items
    assert oil.text == "⅓ cup olive oil"
    assert oil.quantity == pytest.approx(1 / 3)
    assert (oil.unit, oil.name, oil.aisle) == ("cup", "olive oil", "oils and vinegars")
    assert [(u.recipe, u.text) for u in oil.uses] == [
        ("a", "2 tbsp olive oil"),
        ("b", "3 tbsp olive oil"),
    ]


def test_carrots_by_weight_and_by_count_stay_apart_side_by_side() -> None:
    found = shopping_list(
        [recipe("a", "1 lb carrots", "1 onion"), recipe("b", "3 carrots", "2 apples", "1 leek")]
    )
    carrots = [i for i, item in enumerate(found.items) if item.name.startswith("carrot")]
    assert len(carrots) == 2 and carrots[1] == carrots[0] + 1
    weighed, counted = (found.items[i] for i in carrots)
    assert (weighed.text, counted.text) == ("1 lb carrots", "3 carrots")
    assert (counted.quantity, counted.unit) == (3, None)
    assert counted.note == "≈ 6 oz; 1 lb 6 oz in all"


def test_to_taste_is_listed_once() -> None:
    seasoned = [recipe(t, "Salt and pepper to taste") for t in "abc"]
    found = shopping_list(seasoned)
    assert texts(found) == ["black pepper, to taste", "salt, to taste"]
    assert all(item.to_taste and item.quantity is None for item in found.items)
    assert all([u.recipe for u in item.uses] == ["a", "b", "c"] for item in found.items)


def test_to_taste_beside_an_amount_is_more_of_it() -> None:
    found = shopping_list(
        [recipe("a", "½ teaspoon black pepper"), recipe("b", "Salt and black pepper to taste")]
    )
    assert texts(found) == ["½ tsp black pepper, plus more to taste", "salt, to taste"]


def test_optional_only_when_every_use_is_optional() -> None:
    found = shopping_list(
        [
            recipe("a", "Pinch of red pepper flakes (optional)", "1 tbsp chopped parsley"),
            recipe("b", "1 tbsp fresh parsley (optional)"),
        ]
    )
    flakes, parsley = named(found, "red pepper flakes")[0], named(found, "parsley")[0]
    assert flakes.optional and flakes.text == "1 pinch red pepper flakes (optional)"
    assert not parsley.optional and parsley.text == "2 tbsp parsley"


def test_ranges_add_as_ranges() -> None:
    found = shopping_list([recipe("a", "2–3 tbsp olive oil"), recipe("b", "1 tbsp olive oil")])
    (oil,) = found.items
    assert (oil.text, oil.quantity, oil.quantity_max, oil.unit) == (
        "3–4 tbsp olive oil",
        3,
        4,
        "tablespoon",
    )
    cloves = shopping_list([recipe("a", "4–5 cloves garlic"), recipe("b", "2 garlic cloves")])
    assert texts(cloves) == ["6–7 cloves garlic"]


def test_counts_stay_whole() -> None:
    found = shopping_list([recipe("a", "2 large eggs"), recipe("b", "1 1/2 eggs")])
    (eggs,) = found.items
    assert (eggs.text, eggs.quantity) == ("4 eggs", 4)
    assert eggs.note == "large; 3½ needed, rounded up"
    half = shopping_list([recipe("a", "½ onion, diced")])
    assert texts(half) == ["1 onion"]


# --- which lines are the same food -------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("garlic", "garlic cloves"),
        ("fresh thyme", "thyme leaves"),
        ("Carrots", "large carrot"),
        ("extra-virgin olive oil", "olive oil"),
        ("extra virgin olive oil", "olive oil"),
        ("freshly ground black pepper", "black pepper"),
        ("tomatoes", "ripe tomato"),
        ("fresh lemon juice", "lemon juice"),
        ("free-range eggs", "eggs"),
    ],
)
def test_the_same_food(one: str, other: str) -> None:
    assert shopping_name(one) == shopping_name(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("unsalted butter", "salted butter"),
        ("unsalted butter", "butter"),
        ("olive oil", "sesame oil"),
        ("sesame oil", "toasted sesame oil"),
        ("lemon", "lemon juice"),
        ("lemon", "lemon zest"),
        ("thyme", "dried thyme"),
        ("ground cinnamon", "cinnamon stick"),
        ("whole milk", "milk"),
        ("bay leaves", "bay"),
        ("whole cloves", "garlic"),
        ("salt", "garlic salt"),
        ("black pepper", "crushed red pepper"),
        ("pepper", "white pepper"),
        ("red pepper", "crushed red pepper"),
    ],
)
def test_different_foods(one: str, other: str) -> None:
    assert shopping_name(one) != shopping_name(other)


def test_the_state_words_are_few_and_describe_state_or_size() -> None:
    assert {"fresh", "chopped", "minced", "large"} <= STATE_WORDS
    assert not {"unsalted", "salted", "whole", "dried", "ground", "toasted", "frozen"} & STATE_WORDS


def test_alternatives_buy_the_first_and_say_so() -> None:
    found = shopping_list(
        [
            recipe("Tea", "½ cup honey or sugar, or to taste"),
            recipe("Carrots", "2 tablespoons honey"),
            recipe("Curry", "2 tbsp vegetable or rapeseed oil"),
        ]
    )
    honey, oil = named(found, "honey")[0], named(found, "vegetable oil")[0]
    assert honey.text == "⅔ cup honey, or to taste"
    assert honey.note == "or sugar in Tea"
    assert oil.note == "or rapeseed oil in Curry"


def test_quality_words_stay_in_the_note() -> None:
    found = shopping_list(
        [recipe("a", "2 tbsp extra-virgin olive oil"), recipe("b", "1 tbsp olive oil")]
    )
    (oil,) = found.items
    assert (oil.text, oil.note) == ("3 tbsp olive oil", "extra-virgin for a")
    whole = shopping_list([recipe("a", "1 unwaxed lemon"), recipe("b", "1 unwaxed lemon")])
    assert (texts(whole), whole.items[0].note) == (["2 lemons"], "unwaxed")


# --- adding up across dimensions ---------------------------------------------------------------


def test_volume_and_weight_merge_only_through_a_density() -> None:
    butter = shopping_list([recipe("a", "50 g butter"), recipe("b", "1 tbsp butter")])
    assert [(i.text, i.note) for i in butter.items] == [("65 g butter", "counts 1 tbsp as 14 g")]
    unknown = shopping_list(
        [recipe("a", "30 g dried hibiscus flowers"), recipe("b", "1 cup dried hibiscus flowers")]
    )
    assert texts(unknown) == ["30 g dried hibiscus flowers", "1 cup dried hibiscus flowers"]


def test_different_count_units_stay_apart() -> None:
    found = shopping_list(
        [recipe("a", "1 garlic bulb, halved", "1 small bunch of fresh thyme"),
         recipe("b", "4 cloves garlic", "4 sprigs fresh thyme")]
    )  # fmt: skip
    assert texts(found) == ["1 bulb garlic", "4 cloves garlic", "1 bunch thyme", "4 sprigs thyme"]


# --- units, aisles, scaling --------------------------------------------------------------------


def test_amounts_keep_the_system_their_recipes_used() -> None:
    metric = recipe("uk", "50g/1¾oz butter", "2 tbsp olive oil", "400ml chicken stock")
    us = recipe("us", "1 cup chicken stock", "1 lb carrots", "2 cups water")
    found = shopping_list([metric, us])
    assert found.system == "us"
    assert texts(found) == [
        "1 lb carrots",
        "50 g butter",
        "2⅔ cups chicken stock",
        "2 tbsp olive oil",
        "2 cups water",
    ]
    forced = shopping_list([metric, us], system="metric")
    assert texts(forced) == [
        "455 g carrots",
        "50 g butter",
        "635 ml chicken stock",
        "2 tbsp olive oil",
        "475 ml water",
    ]
    assert forced.system == "metric"


@pytest.mark.parametrize(
    ("name", "aisle"),
    [
        ("carrot", "produce"),
        ("chicken stock", "pantry"),
        ("whole chicken", "meat and fish"),
        ("bell pepper", "produce"),
        ("black pepper", "staples"),
        ("white pepper", "spices and herbs"),
        ("crushed red pepper", "spices and herbs"),
        ("pumpkin pie spice", "spices and herbs"),
        ("old bay seasoning", "spices and herbs"),
        ("garlic salt", "spices and herbs"),
        ("pumpkin puree", "canned and jars"),
        ("vanilla bean", "pantry"),
        ("red pepper flakes", "spices and herbs"),
        ("frozen peas", "frozen"),
        ("unsalted butter", "dairy and eggs"),
        ("peanut butter", "pantry"),
        ("red wine vinegar", "oils and vinegars"),
        ("dry white wine", "drinks"),
        ("dragon fruit jelly", "other"),
    ],
)
def test_aisles_longest_keyword_wins(name: str, aisle: str) -> None:
    assert aisle_of(name)[0] == aisle


def test_a_can_is_not_bought_in_produce() -> None:
    assert aisle_of("tomato", "can")[0] == "canned and jars"
    found = shopping_list([recipe("a", "1 (400g) can chopped tomatoes", "3 tomatoes")])
    assert [(i.text, i.aisle) for i in found.items] == [
        ("3 tomatoes", "produce"),
        ("1 can (400 g) tomatoes", "canned and jars"),
    ]


def test_the_aisle_table_is_consistent() -> None:
    text = resources.files("ladle").joinpath("data", "aisles.toml").read_text("utf-8")
    table = tomllib.loads(text)
    order = table["order"]
    assert order[-1] == "other" and len(set(order)) == len(order)
    assert set(table["aisles"]) <= set(order) and set(table["modifiers"].values()) <= set(order)
    keywords = [k for words in table["aisles"].values() for k in words]
    assert len(keywords) == len(set(keywords)), "a keyword is listed twice"


def test_items_are_in_store_order() -> None:
    found = shopping_list(_golden(DINNER))
    order = [aisle for aisle, _ in found.by_aisle()]
    assert order == sorted(order, key=aisle_order().index)
    assert len(order) == len(set(order))


def aisle_order() -> list[str]:
    text = resources.files("ladle").joinpath("data", "aisles.toml").read_text("utf-8")
    order: list[str] = tomllib.loads(text)["order"]
    return order


def test_scaled_recipes_and_factors() -> None:
    eight = shopping_list([scale(example(), ScaleRequest(servings=8))])
    assert named(eight, "olive oil")[0].text == "¼ cup olive oil"
    assert named(eight, "pork belly")[0].text == "4 lb pork belly"
    doubled = shopping_list([example(), recipe("eggs", "3 eggs")], factors=[2, 1.5])
    assert named(doubled, "olive oil")[0].text == "¼ cup olive oil"
    assert named(doubled, "eggs")[0].text == "5 eggs"
    salt = named(doubled, "salt")[0]
    assert salt.text == "salt, to taste"


def test_bad_factors_are_refused() -> None:
    with pytest.raises(RequestError, match="1 factor"):
        shopping_list([example(), example()], factors=[2])
    with pytest.raises(RequestError, match="more than 0"):
        shopping_list([example()], factors=[0])


def test_nothing_to_buy() -> None:
    empty = shopping_list([])
    assert empty.items == [] and empty.to_json()["items"] == []


def test_json_document() -> None:
    document = shopping_list(
        [recipe("a", "2–3 tbsp olive oil"), recipe("b", "Salt to taste")]
    ).to_json()
    assert document == {
        "ladle": 1,
        "recipes": ["a", "b"],
        "system": "us",
        "items": [
            {
                "name": "olive oil",
                "aisle": "oils and vinegars",
                "quantity": 2,
                "quantity_max": 3,
                "unit": "tablespoon",
                "text": "2–3 tbsp olive oil",
                "to_taste": False,
                "optional": False,
                "note": None,
                "uses": [{"recipe": "a", "ingredient": 0, "text": "2–3 tbsp olive oil"}],
            },
            {
                "name": "salt",
                "aisle": "staples",
                "quantity": None,
                "quantity_max": None,
                "unit": None,
                "text": "salt, to taste",
                "to_taste": True,
                "optional": False,
                "note": None,
                "uses": [{"recipe": "b", "ingredient": 0, "text": "Salt to taste"}],
            },
        ],
    }


# --- golden lists ------------------------------------------------------------------------------


@cache
def _read(name: str) -> Recipe:
    if name == EXAMPLE:
        return example()
    return read(TEXT / name)[0]


def _golden(names: tuple[str, ...]) -> list[Recipe]:
    return [_read(name) for name in names]


GOLDEN: dict[str, tuple[str, ...]] = {
    "dinner": DINNER,
    "example-and-pancakes": (EXAMPLE, "02-buttermilk-pancakes.txt"),
}


def expected_outputs() -> dict[str, str]:
    """Every golden file of tests/cases/shop/, by name: the JSON and the text rendering."""
    outputs = {}
    for name, sources in GOLDEN.items():
        found = shopping_list(_golden(sources))
        outputs[f"{name}.json"] = json.dumps(found.to_json(), indent=2, ensure_ascii=False) + "\n"
        outputs[f"{name}.txt"] = found.to_text()
    return outputs


@pytest.mark.parametrize("name", sorted(f"{n}.{ext}" for n in GOLDEN for ext in ("json", "txt")))
def test_golden_lists(name: str) -> None:
    """Regenerate with ``python -m tests.test_shopping`` and read the diff before committing."""
    assert expected_outputs()[name] == (SHOP / name).read_text(encoding="utf-8")


def test_the_dinner_merges_what_is_the_same_and_nothing_else() -> None:
    found = shopping_list(_golden(DINNER))
    by_name = {(i.name, i.unit): i for i in found.items}
    oil = by_name["olive oil", "tablespoon"]
    assert (oil.text, len(oil.uses)) == ("5–6 tbsp olive oil", 3)
    assert by_name["unsalted butter", "tablespoon"].text == "3 tbsp unsalted butter"
    assert by_name["butter", "gram"].text == "50 g butter"
    assert by_name["salt", "teaspoon"].text == "4 tsp salt, plus more to taste"
    assert by_name["black pepper", "teaspoon"].text == "½ tsp black pepper, plus more to taste"
    assert [n for n, _ in by_name if n.startswith("lemon")] == [
        "lemon",
        "lemon juice",
        "lemon zest",
    ]
    assert [i.text for i in found.items if i.name in {"garlic", "thyme"}] == [
        "1 bulb garlic",
        "4–5 cloves garlic",
        "1 bunch thyme",
        "4 sprigs thyme, plus more",
    ]


# --- properties --------------------------------------------------------------------------------


@cache
def _all_golden() -> tuple[Recipe, ...]:
    return tuple(
        recipe
        for path in sorted(TEXT.glob("*.txt"))
        if not path.name.startswith("14-")
        for recipe in read(path)[:1]
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 12), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_order_does_not_change_the_list_and_no_line_is_lost(
    picks: list[int], shuffle: random.Random
) -> None:
    recipes = [_all_golden()[i] for i in picks]
    shuffled = list(recipes)
    shuffle.shuffle(shuffled)
    one, other = shopping_list(recipes), shopping_list(shuffled)
    assert one.to_json()["items"] == other.to_json()["items"]
    used = {(u.recipe, u.ingredient) for item in one.items for u in item.uses}
    for r in recipes:
        for index in range(len(r.ingredients)):
            assert (r.title, index) in used, (r.title, r.ingredients[index].text)


if __name__ == "__main__":
    SHOP.mkdir(exist_ok=True)
    for filename, content in expected_outputs().items():
        target = SHOP / filename
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            target.write_text(content, encoding="utf-8")
            print(f"wrote {target}")


# --- issue 11: a list like a cook's, on lines seen on real pages ------------------------------


def test_salt_pepper_and_water_are_staples_listed_once() -> None:
    found = shopping_list(
        [
            recipe("Chili", "1 teaspoon kosher salt", "Salt and pepper, to taste", "2 cups water"),
            recipe("Pie", "1/2 teaspoon salt", "1 cup hot water"),
            recipe("Soup", "1 tsp sea salt", "1/4 tsp freshly ground black pepper", "4 cups water"),
        ]
    )
    staples = [(i.text, i.note) for i in found.items if i.aisle == "staples"]
    assert staples == [
        ("¼ tsp black pepper, plus more to taste", None),
        ("2½ tsp salt, plus more to taste", "kosher salt in Chili; sea salt in Soup"),
        ("7 cups water", "hot water in Pie; from the tap"),
    ]
    assert [i.aisle for i in found.items] == ["staples"] * 3


def test_spices_and_seasonings_are_filed_as_such() -> None:
    found = shopping_list(
        [recipe("a", "1 tbsp pumpkin pie spice", "1/2 tsp crushed red pepper", "1 red pepper")]
    )
    assert [(i.text, i.aisle) for i in found.items] == [
        ("1 red pepper", "produce"),
        ("½ tsp crushed red pepper", "spices and herbs"),
        ("1 tbsp pumpkin pie spice", "spices and herbs"),
    ]


def test_package_sizes_are_kept_and_added_by_size() -> None:
    found = shopping_list(
        [
            recipe("a", "2 (15 oz) cans black beans", "1 (14 oz) can sweetened condensed milk"),
            recipe("b", "1 can (15 oz) black beans", "1 (28 oz) can crushed tomatoes"),
            recipe("c", "1 (19 oz) can black beans"),
        ]
    )
    assert [(i.text, i.aisle) for i in found.items] == [
        ("3 cans (15 oz each) black beans", "canned and jars"),
        ("1 can (19 oz) black beans", "canned and jars"),
        ("1 can (28 oz) crushed tomatoes", "canned and jars"),
        ("1 can (14 oz) sweetened condensed milk", "canned and jars"),
    ]


@pytest.mark.parametrize("factor", [0.0, -1.0, float("inf"), float("nan")])
def test_a_factor_that_is_no_scale_is_refused_by_name(factor: float) -> None:
    recipe = read_text(example_text())[0]
    with pytest.raises(RequestError, match=r"^shopping list: every factor must be a finite"):
        shopping_list([recipe], factors=[factor])
