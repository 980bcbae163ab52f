"""Matching ingredients to foods, weighing them, and the nutrition panel, on foods written here.

The foods below are this test's own: round numbers, not any release's values.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ladle
from ladle.errors import LadleError, RequestError
from ladle.foods.matching import HIGH_CONFIDENCE, Matcher, normalise, parse_name
from ladle.foods.panel import AS_BOUGHT_RULE, EDIBLE_RULE, nutrition
from ladle.foods.table import NUTRIENTS, Food, MemoryFoodTable, Portion
from ladle.foods.weights import NoWeight, Weight, edible, weigh
from ladle.model import Ingredient, Recipe, Yield


def _per_100g(kcal: float, **more: float) -> dict[str, float]:
    values = {n.key: 0.0 for n in NUTRIENTS} | {"energy_kcal": kcal, "energy_kj": kcal * 4.184}
    return values | more


FOODS = [
    Food("p1", "Pork, fresh, belly, raw", "Pork", _per_100g(500, fat=50.0), refuse_percent=10,
         refuse="Skin"),
    Food("p2", "Pork, fresh, belly, cooked, roasted", "Pork", _per_100g(600)),
    Food("c1", "Carrots, raw", "Vegetables", _per_100g(40, sugars=5.0),
         (Portion(1, "cup chopped", 130), Portion(1, "cup grated", 110), Portion(1, "medium", 60)),
         refuse_percent=10, refuse="Crown, tops and scrapings"),
    Food("c2", "Carrots, cooked, boiled, drained, without salt", "Vegetables", _per_100g(35)),
    Food("c3", "Carrots, canned, regular pack, drained solids", "Vegetables", _per_100g(25)),
    Food("h1", "Honey", "Sweets", _per_100g(300), (Portion(1, "cup", 340), Portion(1, "tbsp", 21))),
    Food("m1", "Mustard, prepared, yellow", "Spices", _per_100g(60, sodium=1100.0)),
    Food("e1", "Egg, whole, raw, fresh", "Dairy and Egg",
         _per_100g(140, protein=12.5, cholesterol=370.0),
         (Portion(1, "large", 50), Portion(1, "medium", 44), Portion(1, "cup", 243))),
    Food("g1", "Garlic, raw", "Vegetables", _per_100g(150), (Portion(1, "clove", 3),)),
    Food("t1", "Thyme, fresh", "Spices", {"energy_kcal": 100.0, "protein": 5.0},
         (Portion(1, "tsp", 0.8),)),
    Food("o1", "Oil, olive, salad or cooking", "Fats", _per_100g(880, fat=100.0)),
    Food("s1", "Salt, table", "Spices", _per_100g(0, sodium=38000.0)),
    Food("b1", "Babyfood, carrots, strained", "Baby", _per_100g(30)),
    Food("k1", "Kohlrabi, raw", "Vegetables", _per_100g(27)),
    Food("u1", "Butter, salted", "Dairy", _per_100g(720), (Portion(1, "tbsp", 14),)),
]  # fmt: skip
TABLE = MemoryFoodTable(FOODS)


def _recipe(*lines: str, servings: float | None = 2) -> Recipe:
    return Recipe(
        "Test dinner",
        yield_=Yield(servings=servings),
        ingredients=[ladle.parse_ingredient(line) for line in lines],
    )


# --- names and matching -----------------------------------------------------------------------


def test_names_are_normalised_to_the_food_and_its_hints() -> None:
    assert parse_name("Fresh Thyme Leaves, chopped").words == ("thyme",)
    assert parse_name("Fresh Thyme Leaves, chopped").hints == ("fresh",)
    assert normalise("Carrots") == "carrot"
    assert normalise("butter or olive oil") == "butter"
    assert normalise("Salt and pepper") == "salt"
    assert normalise("half and half") == "half and half"
    assert normalise("malt or cider vinegar") == "malt vinegar"


def test_a_synonym_behind_words_the_table_does_not_know_is_less_sure() -> None:
    match = Matcher(TABLE).match("hispi carrots")
    assert match is not None
    assert (match.food_id, match.method, match.confidence) == ("c1", "synonym", 0.8)


def test_a_synonym_names_the_food() -> None:
    match = Matcher(TABLE).match("Dijon mustard")
    assert match is not None
    assert (match.food_id, match.method, match.confidence) == ("m1", "synonym", 0.95)


def test_word_matching_prefers_the_raw_food() -> None:
    matcher = Matcher(TABLE)
    assert (found := matcher.match("kohlrabi")) is not None
    assert (found.food_id, found.method) == ("k1", "words")
    assert found.confidence >= HIGH_CONFIDENCE


def test_a_line_that_says_canned_gets_the_canned_food() -> None:
    match = Matcher(TABLE).match("canned carrots")
    assert match is not None and match.food_id == "c3"


def test_baby_food_is_never_chosen_by_words() -> None:
    match = Matcher(MemoryFoodTable([FOODS[-2]])).match("carrots strained")
    assert match is None or match.method == "fuzzy"


def test_an_override_wins_over_the_synonym() -> None:
    table = MemoryFoodTable(FOODS, overrides={"pork belly": "p2"})
    match = Matcher(table).match("Pork belly")
    assert match is not None
    assert (match.food_id, match.method, match.confidence) == ("p2", "override", 1.0)


def test_fuzzy_matching_is_last_and_not_sure() -> None:
    match = Matcher(TABLE).match("kohlrabbi")
    assert match is not None
    assert match.food_id == "k1"
    assert match.method == "fuzzy"
    assert match.confidence < HIGH_CONFIDENCE


def test_nothing_close_is_no_match() -> None:
    assert Matcher(TABLE).match("saffron threads") is None


# --- weights --------------------------------------------------------------------------------


def _weigh(line: str, food_id: str) -> Weight | NoWeight:
    return weigh(ladle.parse_ingredient(line), TABLE.food(food_id))


def test_a_weight_is_converted() -> None:
    found = _weigh("2 lb pork belly", "p1")
    assert isinstance(found, Weight)
    assert found.grams == pytest.approx(907.18, abs=0.01)


def test_a_cup_is_weighed_by_the_food_s_own_cup() -> None:
    found = _weigh("1/4 cup honey", "h1")
    assert isinstance(found, Weight)
    assert found.grams == pytest.approx(85)
    assert "cup" in found.how


def test_the_measure_that_fits_the_line_is_chosen() -> None:
    found = _weigh("1 cup grated carrots", "c1")
    assert isinstance(found, Weight) and found.grams == pytest.approx(110)


def test_a_tablespoon_is_weighed_by_the_food_s_teaspoon() -> None:
    found = _weigh("1 tbsp fresh thyme leaves", "t1")
    assert isinstance(found, Weight) and found.grams == pytest.approx(2.4)


def test_a_volume_without_a_measure_falls_back_to_the_density_table() -> None:
    found = _weigh("2 tbsp olive oil", "o1")
    assert isinstance(found, Weight)
    assert "density" in found.how
    assert 25 < found.grams < 30


def test_a_count_is_weighed_by_the_food_s_piece() -> None:
    assert _weigh("2 large eggs", "e1") == Weight(100, "1 large = 50 g")
    assert _weigh("3 cloves garlic", "g1") == Weight(9, "1 clove = 3 g")
    medium = _weigh("2 carrots", "c1")
    assert isinstance(medium, Weight) and medium.grams == 120


def test_a_count_without_a_piece_is_left_out_with_the_reason() -> None:
    found = _weigh("1 bunch thyme", "t1")
    assert isinstance(found, NoWeight)
    assert "bunch" in found.reason


def test_a_stick_of_butter_is_eight_tablespoons() -> None:
    found = _weigh("1 stick butter", "u1")
    assert isinstance(found, Weight) and found.grams == pytest.approx(112)


def test_a_piece_without_a_weight_says_so() -> None:
    assert _weigh("1 kohlrabi", "k1") == NoWeight("no weight known for one kohlrabi")


def test_a_can_weighs_what_its_brackets_say() -> None:
    found = _weigh("2 cans (400 g) carrots", "c3")
    assert found == Weight(800, "400 g each, as written")


def test_a_range_counts_as_its_middle() -> None:
    found = _weigh("4-6 cloves garlic", "g1")
    assert isinstance(found, Weight) and found.grams == 15


def test_a_length_is_no_weight() -> None:
    line = Ingredient(text="5 cm garlic", name="garlic", quantity=5, unit="centimeter")
    found = weigh(line, TABLE.food("g1"))
    assert isinstance(found, NoWeight) and "length" in found.reason


def test_refuse_is_removed_from_bought_weight() -> None:
    assert edible(1000, TABLE.food("p1")) == pytest.approx(900)


# --- the panel -----------------------------------------------------------------------------


def test_the_panel_adds_up_and_divides_by_servings() -> None:
    report = nutrition(_recipe("200 g pork belly", "1/2 cup honey", "salt, to taste"), TABLE)
    assert report.total["energy_kcal"] == pytest.approx(1000 + 510)
    per = report.per_serving
    assert per is not None and per["energy_kcal"] == pytest.approx(755)
    assert report.total["fat"] == pytest.approx(100)
    assert [m.food_id for m in report.matches] == ["p1", "h1"]
    assert [(x.text, x.reason) for x in report.left_out] == [("salt, to taste", "to taste")]
    assert report.weight_rule == EDIBLE_RULE


def test_scaling_rescales_the_panel() -> None:
    recipe = _recipe("200 g pork belly", "2 large eggs")
    base = nutrition(recipe, TABLE)
    doubled = nutrition(recipe, TABLE, servings=4)
    assert doubled.total["energy_kcal"] == pytest.approx(2 * base.total["energy_kcal"])
    assert doubled.per_serving == pytest.approx(base.per_serving)
    assert doubled.servings == 4


def test_servings_of_a_recipe_that_does_not_say_divide_it() -> None:
    report = nutrition(_recipe("100 g honey", servings=None), TABLE, servings=3)
    assert report.total["energy_kcal"] == pytest.approx(300)
    assert report.per_serving is not None and report.per_serving["energy_kcal"] == 100
    assert report.notes
    assert nutrition(_recipe("100 g honey", servings=None), TABLE).per_serving is None


def test_as_bought_removes_refuse_and_says_so() -> None:
    report = nutrition(_recipe("1 kg pork belly"), TABLE, as_bought=True)
    assert report.total["energy_kcal"] == pytest.approx(4500)
    assert report.weight_rule == AS_BOUGHT_RULE
    assert report.matches[0].refuse == "Skin"


def test_lines_without_amount_match_or_weight_are_left_out() -> None:
    report = nutrition(_recipe("pork belly", "1 tsp saffron threads", "1 bunch thyme"), TABLE)
    reasons = [x.reason for x in report.left_out]
    assert reasons[0] == "no amount"
    assert reasons[1] == "no food in the table matches"
    assert "bunch" in reasons[2]
    assert report.total["energy_kcal"] == 0


def test_a_nutrient_a_food_lacks_is_named() -> None:
    report = nutrition(_recipe("1 tbsp fresh thyme"), TABLE)
    assert report.missing["fat"] == ("Thyme, fresh",)
    assert "protein" not in report.missing


def test_bad_servings_are_refused() -> None:
    with pytest.raises(RequestError, match="servings"):
        nutrition(_recipe("100 g honey"), TABLE, servings=0)


def test_the_report_json_has_every_nutrient_match_and_left_out() -> None:
    report = nutrition(_recipe("2 large eggs", "pepper to taste"), TABLE, servings=2)
    data = json.loads(json.dumps(report.to_json()))
    assert data["ladle"] == 1
    assert data["weight_rule"] == "edible"
    assert [n["key"] for n in data["nutrients"]] == [n.key for n in NUTRIENTS]
    cholesterol = next(n for n in data["nutrients"] if n["key"] == "cholesterol")
    assert (cholesterol["total"], cholesterol["per_serving"]) == (370, 185)
    assert data["matches"][0] == {
        "ingredient": 0, "text": "2 large eggs", "food_id": "e1",
        "description": "Egg, whole, raw, fresh", "confidence": 0.95, "method": "synonym",
        "grams": 100, "weight": "1 large = 50 g", "refuse_percent": 0, "refuse": None,
        "optional": False,
    }  # fmt: skip
    assert data["left_out"] == [{"ingredient": 1, "text": "pepper to taste", "reason": "to taste"}]


def test_the_public_api_reaches_the_panel() -> None:
    report = ladle.nutrition(_recipe("100 g honey"), TABLE)
    assert isinstance(report, ladle.NutritionReport)


_WORDS = [
    "2", "1/2", "3-4", "cup", "tbsp", "stick", "pinch", "can", "(400 g)", "large", "lb", "inch",
    "honey", "eggs", "garlic", "cloves", "pork", "belly", "canned", "carrots", "to taste", "or",
    "and", "fresh", "thyme", "leaves", "ñ", "’s", "kohlrabbi", ",",
]  # fmt: skip


@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=8), max_size=8))
@settings(max_examples=150, deadline=None)
def test_any_line_is_matched_weighed_or_left_out(words: list[str]) -> None:
    """A panel of any line: each line is a match or a left-out; only LadleError escapes."""
    line = " ".join(words)
    try:
        recipe = _recipe(line)
        report = nutrition(recipe, TABLE)
    except LadleError:
        return
    assert len(report.matches) + len(report.left_out) == len(recipe.ingredients)
    assert all(m.grams >= 0 and 0 <= m.confidence <= 1 for m in report.matches)
