"""USDA safe minimum temperatures and cold storage times, and how foods are matched to them."""

from __future__ import annotations

import pytest

from ladle.safety import (
    food_words,
    keeping,
    keeping_days,
    safe_minimum,
    stem,
    synonyms,
    temperature_table,
)
from ladle.units import fahrenheit_to_celsius

# food as a recipe names it: (°F, rest minutes, category), from USDA's chart
SAFE: dict[str, tuple[float, float, str]] = {
    "pork belly": (145, 3, "whole-cuts"),
    "pork tenderloins": (145, 3, "whole-cuts"),
    "pork chops": (145, 3, "whole-cuts"),
    "beef chuck (braising steak)": (145, 3, "whole-cuts"),
    "beef steak": (145, 3, "whole-cuts"),
    "veal roast": (145, 3, "whole-cuts"),
    "leg of lamb": (145, 3, "whole-cuts"),
    "venison": (145, 3, "whole-cuts"),
    "ground beef": (160, 0, "ground-meat"),
    "beef mince": (160, 0, "ground-meat"),
    "lamb mince": (160, 0, "ground-meat"),
    "pork sausages": (160, 0, "ground-meat"),
    "hamburger patties": (160, 0, "ground-meat"),
    "whole free-range chicken": (165, 0, "poultry"),
    "chicken thighs": (165, 0, "poultry"),
    "boneless skinless chicken breasts": (165, 0, "poultry"),
    "ground turkey": (165, 0, "poultry"),
    "chicken sausage": (165, 0, "poultry"),
    "duck breast": (165, 0, "poultry"),
    "turkey stuffing": (165, 0, "poultry"),
    "salmon fillets": (145, 0, "fish"),
    "mixed fish fillets (cod, salmon and undyed smoked haddock), skinned": (145, 0, "fish"),
    "raw king prawns": (145, 0, "shellfish"),
    "scallops": (145, 0, "shellfish"),
    "mussels": (145, 0, "shellfish"),
    "eggs": (160, 0, "egg-dishes"),
    "quiche": (160, 0, "egg-dishes"),
    "spinach frittata": (160, 0, "egg-dishes"),
    "leftovers": (165, 0, "leftovers"),
    "chicken casserole": (165, 0, "leftovers"),
    "fresh ham": (145, 3, "ham-fresh"),
    "spiral-cut ham": (140, 0, "ham-precooked"),
    "ham": (140, 0, "ham-precooked"),
    "rabbit": (160, 0, "rabbit"),
}


@pytest.mark.parametrize("food", sorted(SAFE))
def test_usda_safe_minimum_temperatures(food: str) -> None:
    found = safe_minimum(food)
    assert found is not None, food
    assert (found.fahrenheit, found.rest_minutes, found.category) == SAFE[food]


@pytest.mark.parametrize(
    "food",
    [
        "chicken stock",
        "low-sodium chicken broth",
        "fish sauce",
        "oyster mushrooms",
        "beef tomatoes",
        "egg noodles",
        "egg wash",
        "eggplant",
        "vegan sausage",
        "cauliflower steak",
        "carrots",
        "ground coriander",
        "garlic powder",
        "",
    ],
)
def test_foods_without_a_safe_minimum(food: str) -> None:
    assert safe_minimum(food) is None


def test_the_table_is_usdas_chart() -> None:
    table = {t.category: t for t in temperature_table()}
    assert {c: t.fahrenheit for c, t in table.items()} == {
        "whole-cuts": 145,
        "ground-meat": 160,
        "poultry": 165,
        "ham-fresh": 145,
        "ham-precooked": 140,
        "fish": 145,
        "shellfish": 145,
        "egg-dishes": 160,
        "leftovers": 165,
        "rabbit": 160,
    }
    for t in table.values():  # Celsius as the chart prints it, rounded to a whole degree
        assert abs(fahrenheit_to_celsius(t.fahrenheit) - t.celsius) < 1
    assert table["whole-cuts"].describe() == "145°F (63°C) with a 3-minute rest"
    assert table["poultry"].describe() == "165°F (74°C)"
    assert table["poultry"].to_json()["fahrenheit"] == 165


# food: (refrigerator days, freezer days), from the cold storage chart
KEEPS: dict[str, tuple[tuple[float, float] | None, tuple[float, float] | None]] = {
    "cooked chicken": ((3, 4), (60, 180)),
    "leftover roast pork": ((3, 4), (60, 180)),
    "leftovers": ((3, 4), (60, 180)),
    "cooked salmon": ((3, 4), (120, 180)),
    "beef stew": ((3, 4), (60, 90)),
    "carrot ginger soup": ((3, 4), (60, 90)),
    "ground beef": ((1, 2), (90, 120)),
    "pork belly": ((3, 5), (120, 365)),
    "beef steak": ((3, 5), (120, 365)),
    "chicken thighs": ((1, 2), (270, 365)),
    "whole turkey": ((1, 2), (270, 365)),
    "pork sausages": ((1, 2), (30, 60)),
    "salmon fillets": ((1, 2), (60, 240)),
    "shrimp": ((1, 2), (90, 180)),
    "hard-boiled eggs": ((7, 7), None),
    "eggs": ((21, 35), None),
    "roasted carrots": ((3, 4), None),
    "bacon": ((7, 7), (30, 30)),
    "ham": ((3, 7), (30, 60)),
    "pizza": ((3, 4), (30, 60)),
}


@pytest.mark.parametrize("food", sorted(KEEPS))
def test_keeping_times(food: str) -> None:
    fridge, freezer = KEEPS[food]
    assert keeping_days(food) == fridge
    assert keeping_days(food, "refrigerator") == fridge
    assert keeping_days(food, "freezer") == freezer


def test_keeping_knows_what_it_does_not_know() -> None:
    assert keeping_days("iced hibiscus tea") is None
    assert keeping_days("carrots") is None  # raw vegetables are not on the chart
    assert keeping_days("cooked chicken", "pantry") is None
    found = keeping("cooked chicken")
    assert found is not None and found.label.startswith("cooked meat and poultry")


def test_words_fold_plurals() -> None:
    assert [stem(w) for w in ["Thighs", "tomatoes", "leaves", "asparagus", "egg"]] == [
        "thigh",
        "tomato",
        "leaf",
        "asparagus",
        "egg",
    ]
    assert {"egg", "butter", "lemon"} <= food_words("food")
    assert "ground" in food_words("spice")
    assert food_words("no such list") == frozenset()
    assert frozenset({"stock", "broth", "bouillon"}) in synonyms()
