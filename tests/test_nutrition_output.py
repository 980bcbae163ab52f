"""The nutrition panel in the recipe's outputs: schema.org JSON-LD and the printable card."""

from __future__ import annotations

import json

import ladle
from ladle.foods.panel import nutrition
from ladle.foods.table import Food, MemoryFoodTable, Portion
from ladle.formats import card, jsonld
from ladle.model import Recipe, Yield

# This test's own foods, round numbers.
TABLE = MemoryFoodTable(
    [
        Food("h1", "Honey", "Sweets", {"energy_kcal": 300.0, "sugars": 80.0, "sodium": 4.0},
             (Portion(1, "cup", 340),)),
        Food("e1", "Egg, whole, raw, fresh", "Eggs",
             {"energy_kcal": 140.0, "protein": 12.5, "fat": 10.0, "cholesterol": 370.0},
             (Portion(1, "large", 50),)),
    ]
)  # fmt: skip


def _recipe(servings: float | None = 2) -> Recipe:
    lines = ["1/2 cup honey", "4 large eggs", "salt to taste"]
    return Recipe(
        "Honey eggs",
        yield_=Yield(servings=servings),
        ingredients=[ladle.parse_ingredient(line) for line in lines],
    )


def test_json_ld_carries_nutrition_per_serving() -> None:
    report = nutrition(_recipe(), TABLE).to_json()
    data = jsonld.to_schema_org(_recipe(), report)
    assert data["nutrition"] == {
        "@type": "NutritionInformation",
        "servingSize": "1 of 2 servings",
        "calories": "395 kcal",  # (170 g honey at 300 + 200 g egg at 140) / 2
        "proteinContent": "12.5 g",
        "fatContent": "10.0 g",
        "sugarContent": "68.0 g",
        "sodiumContent": "3 mg",
        "cholesterolContent": "370 mg",
    }


def test_json_ld_of_a_recipe_without_servings_is_for_the_whole_recipe() -> None:
    report = nutrition(_recipe(servings=None), TABLE).to_json()
    info = jsonld.to_schema_org(_recipe(servings=None), report)["nutrition"]
    assert info["servingSize"] == "the whole recipe"
    assert info["calories"] == "790 kcal"


def test_json_ld_without_a_report_has_no_nutrition() -> None:
    assert "nutrition" not in jsonld.to_schema_org(_recipe())


def test_the_card_prints_the_panel_and_embeds_it() -> None:
    report = nutrition(_recipe(), TABLE).to_json()
    page = card.write(_recipe(), nutrition=report)
    assert "<h2>Nutrition</h2>" in page
    assert "<td>Energy</td><td>395 kcal</td><td>790 kcal</td>" in page
    embedded = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(embedded)["nutrition"]["calories"] == "395 kcal"
    assert "Nutrition" not in card.write(_recipe())


def test_scaling_the_recipe_rescales_its_panel() -> None:
    four = nutrition(_recipe(), TABLE, servings=4).to_json()
    energy = card.nutrition_rows(four)[0]
    assert energy == ("Energy", "395 kcal", "1580 kcal")
