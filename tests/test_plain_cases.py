"""The golden texts, checked against what a careful reader expects (tests/cases/text/EXPECTED.md).

The golden JSON files pin every field; these tests pin the facts a cook would check first, as
written down from the texts before the parser ran on them.
"""

from __future__ import annotations

import pytest

from ladle.errors import NoRecipeFound
from ladle.formats import read, read_text
from ladle.model import Recipe

from .conftest import CASES

TEXT = CASES / "text"

# file: [(title, servings, (prep, cook, total), ingredients, steps, groups)] per recipe
FACTS: dict[str, list[tuple[str, float | None, tuple[float | None, ...], int, int, int]]] = {
    "01-roast-chicken": [("Lemon and Thyme Roast Chicken", 4, (15, 90, None), 11, 8, 0)],
    "02-buttermilk-pancakes": [("Fluffy Buttermilk Pancakes", 4, (10, 20, 30), 10, 7, 0)],
    "03-fish-pie": [("Classic Fish Pie", 6, (20, 65, None), 14, 6, 3)],
    "04-honey-roasted-carrots": [
        ("Honey-Roasted Carrots and Parsnips", 6, (None, None, 45), 9, 6, 0)
    ],
    "05-garlic-green-beans": [
        ("Garlicky Green Beans with Toasted Almonds", 4, (None,) * 3, 10, 6, 0)
    ],
    "06-iced-hibiscus-tea": [("Iced Hibiscus Ginger Tea", 8, (10, None, None), 7, 6, 0)],
    "07-beef-and-ale-stew": [("Beef and Ale Stew", 6, (30, 150, None), 16, 7, 0)],
    "08-pork-tenderloin-and-cider-sauce": [
        ("Herb-Crusted Pork Tenderloin", 4, (None, None, 40), 8, 5, 0),
        ("Apple Cider Mustard Sauce", None, (None,) * 3, 7, 3, 0),
    ],
    "09-chicken-pot-pie-blog": [("Chicken Pot Pie", 6, (30, 45, 75), 16, 7, 0)],
    "10-brown-butter-chocolate-chip-cookies": [
        ("Brown Butter Chocolate Chip Cookies", None, (20, 15, 65), 10, 8, 0)
    ],
    "11-chickpea-spinach-curry": [
        ("Chickpea, Spinach and Coconut Curry", 4, (None, None, 40), 17, 4, 0)
    ],
    "12-carrot-ginger-soup": [
        ("Carrot Ginger Soup with Crispy Shallots", 6, (20, 45, None), 12, 6, 2)
    ],
    "13-lemon-drizzle-cake": [("Lemon Drizzle Loaf Cake", 10, (20, 50, None), 9, 6, 2)],
}


def _read(name: str) -> list[Recipe]:
    return read(TEXT / f"{name}.txt")


@pytest.mark.parametrize("name", sorted(FACTS))
def test_cards(name: str) -> None:
    recipes = _read(name)
    got = [
        (
            r.title,
            r.yield_.servings,
            (r.times.prep_minutes, r.times.cook_minutes, r.times.total_minutes),
            len(r.ingredients),
            len(r.steps),
            len({i.group for i in r.ingredients if i.group}),
        )
        for r in recipes
    ]
    assert got == FACTS[name]


def _spans(recipe: Recipe, step: int) -> list[tuple[float, float | None]]:
    return [(d.min_minutes, d.max_minutes) for d in recipe.steps[step - 1].durations]


def _temps(recipe: Recipe, step: int) -> list[tuple[float, float, str]]:
    return [(t.fahrenheit, t.celsius, t.kind) for t in recipe.steps[step - 1].temperatures]


def test_uk_roast_chicken() -> None:
    (r,) = _read("01-roast-chicken")
    assert (r.ingredients[0].quantity, r.ingredients[0].unit) == (1.8, "kilogram")
    assert [(a.quantity, a.unit) for a in r.ingredients[0].alternatives] == [(4, "pound")]
    assert _temps(r, 1) == [(392, 200, "oven")]  # the fan figure and gas mark are the same oven
    assert _spans(r, 4) == [(80, 90)]
    assert _temps(r, 4) == [(167, 75, "internal")]
    assert _spans(r, 5) == [(15, 20)]
    assert [d.food for d in r.doneness] == ["whole free-range chicken"]


def test_us_pancakes() -> None:
    (r,) = _read("02-buttermilk-pancakes")
    buttermilk = r.ingredients[5]
    assert (buttermilk.quantity, buttermilk.unit, buttermilk.name) == (1.5, "cup", "buttermilk")
    assert [(a.quantity, a.unit) for a in buttermilk.alternatives] == [(350, "milliliter")]
    assert _temps(r, 1) == [(375, 191, "other"), (200, 93, "oven")]
    assert _spans(r, 3) == []  # "a second bowl" is no time
    assert _spans(r, 5) == [(2, 3)]


def test_no_headings_and_ranges() -> None:
    (r,) = _read("05-garlic-green-beans")
    garlic = r.ingredients[4]
    assert (garlic.quantity, garlic.quantity_max, garlic.unit) == (4, 5, "clove")
    assert [i.to_taste for i in r.ingredients].count(True) == 1
    assert r.ingredients[9].optional


def test_drink_made_ahead() -> None:
    (r,) = _read("06-iced-hibiscus-tea")
    assert (r.yield_.amount, r.yield_.unit, r.yield_.servings) == (2, "quart", 8)
    assert _temps(r, 1) == [(200, 93, "water")]
    assert _spans(r, 5)[:2] == [(240, None), (480, 720)]
    assert [(s.where, s.max_days) for s in r.storage] == [("refrigerator", 5)]
    assert [m.lead_days for m in r.make_ahead] == [1]


def test_markdown_stew() -> None:
    (r,) = _read("07-beef-and-ale-stew")
    assert r.ingredients[0].quantity == 1.2 and r.ingredients[0].unit == "kilogram"
    assert _spans(r, 1) == [(480, 720)]
    assert _temps(r, 2) == [(320, 160, "oven")]
    assert _spans(r, 6) == [(90, 120)]
    assert r.steps[5].attention == "passive"
    assert len(r.notes) == 1 and [(s.where, s.max_days) for s in r.storage] == [("refrigerator", 3)]


def test_two_recipes_stay_apart() -> None:
    pork, sauce = _read("08-pork-tenderloin-and-cider-sauce")
    assert _temps(pork, 1) == [(400, 204, "oven")]
    assert _temps(pork, 4) == [(145, 63, "internal")]
    # "about 1 pound each" is per piece: the comment says so, the alternative is the whole
    assert pork.ingredients[0].comment == "1 pound each"
    assert [(a.quantity, a.unit) for a in pork.ingredients[0].alternatives] == [(2, "pound")]
    assert (sauce.yield_.amount, sauce.yield_.unit) == (1, "cup")


def test_blog_post_around_the_card() -> None:
    (r,) = _read("09-chicken-pot-pie-blog")
    assert [p.name for p in r.pairings if p.kind == "side"] == [
        "Crisp green salad",
        "Roasted broccoli",
        "Cranberry sauce",
        "Buttered green beans",
    ]
    assert [p.name for p in r.pairings if p.kind == "drink"] == [
        "Sparkling apple cider",
        "Unsweetened iced tea with lemon",
        "A crisp, lightly oaked Chardonnay",
        "Ginger ale",
    ]
    assert [(d.fahrenheit, d.celsius) for d in r.doneness] == [(165, 73.9)]
    assert [(s.where, s.max_days) for s in r.storage] == [("refrigerator", 4)]
    (ahead,) = r.make_ahead
    assert ahead.lead_days == 2
    assert [t.fahrenheit for s in ahead.steps for t in s.temperatures] == [325]
    assert len(r.notes) == 2


def test_cookies_yield_and_times() -> None:
    (r,) = _read("10-brown-butter-chocolate-chip-cookies")
    assert (r.yield_.amount, r.yield_.unit) == (24, "cookie")
    butter = r.ingredients[0]
    assert [(a.quantity, a.unit) for a in butter.alternatives] == [(2, "stick"), (226, "gram")]
    assert _spans(r, 4)[0] == (30, None)
    assert _temps(r, 5) == [(350, 175, "oven")]


def test_uk_curry_units() -> None:
    (r,) = _read("11-chickpea-spinach-curry")
    by_name = {i.name: i for i in r.ingredients}
    assert (by_name["chickpeas"].quantity, by_name["chickpeas"].unit) == (2, "can")
    assert by_name["chilli flakes"].optional
    assert by_name["green chillies"].optional and by_name["green chillies"].quantity_max == 2
    assert by_name["Salt"].to_taste


def test_soup_groups_and_oil() -> None:
    (r,) = _read("12-carrot-ginger-soup")
    assert _temps(r, 4) == [(350, 177, "oil")]
    assert [i.group for i in r.ingredients][-3:] == ["For the crispy shallots"] * 3


def test_cake_storage_note() -> None:
    (r,) = _read("13-lemon-drizzle-cake")
    assert _temps(r, 1) == [(356, 180, "oven")]
    assert _spans(r, 6) == [(60, None)]
    assert r.notes == ["Keeps in an airtight tin for up to 3 days."]
    assert [(s.where, s.max_days) for s in r.storage] == [("room temperature", 3)]


def test_an_article_about_knives_is_no_recipe() -> None:
    with pytest.raises(NoRecipeFound):
        _read("14-no-recipe")


def test_headings_in_other_words_open_the_lists() -> None:
    text = """Bürli

Ingrédients pour le levain (1 nuit)
150 g de farine bise
150 g d'eau tiède
10 g de levure

Préparation
Mélanger le tout dans un bol.
Laisser reposer une nuit.
"""
    (bread,) = read_text(text, "text", "b.txt")
    assert bread.ingredients[0].text == "150 g de farine bise"
    assert len(bread.ingredients) == 3 and len(bread.steps) == 2
    text = """Chicken Bacon Ranch

INGREDIENTS
- 1 chicken breast
- 3 slices bacon
- 1 tsp oregano

RECIPE
- Cut the chicken and bacon into thin strips.
- Fry the bacon until almost crisp.
"""
    (sandwich,) = read_text(text, "text", "s.txt")
    assert len(sandwich.ingredients) == 3
    assert sandwich.steps[0].text == "Cut the chicken and bacon into thin strips."


def test_a_heading_between_numbered_steps_opens_the_next_steps_section() -> None:
    text = (
        "Beef Tips\n\nServes 4\n\nIngredients\n2 lb beef\n1 cup stock\n\nInstructions\n"
        "1. Brown the beef in a skillet over high heat for 5 minutes.\n"
        "Instant Pot Method:\n"
        "2. Cook the beef and stock on high pressure for 35 minutes.\n"
        "Slow Cooker Method:\n"
        "3. Cook the beef and stock in the slow cooker on low for 7 hours.\n"
    )
    (recipe,) = read_text(text)
    assert [s.section for s in recipe.steps] == [None, "Instant Pot Method", "Slow Cooker Method"]
