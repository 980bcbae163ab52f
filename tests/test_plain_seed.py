"""The article ladle started from, end to end, and the built-in example written from its facts."""

from __future__ import annotations

import pytest

from ladle.examples import example_text
from ladle.formats import read, read_text
from ladle.model import OWN_ROLES, Recipe, Step

from .conftest import SEED, shared


def _seed() -> Recipe:
    shared("seeds/honey-mustard-pork-belly.txt")
    recipes = read(SEED)
    assert len(recipes) == 1
    return recipes[0]


EXAMPLE = "examples/pork-belly-dinner.txt"


def _example() -> Recipe:
    return read_text(example_text(), "text", EXAMPLE)[0]


@pytest.fixture(params=["seed", "example"])
def recipe(request: pytest.FixtureRequest) -> Recipe:
    return _seed() if request.param == "seed" else _example()


EXPECTED_INGREDIENTS = [
    (2, "pound", "pork belly", False, False),
    (None, None, "Salt and pepper", False, True),
    (2, "tablespoon", "olive oil", False, False),
    (0.25, "cup", "honey", False, False),
    (0.25, "cup", "Dijon mustard", False, False),
    (1, "tablespoon", "soy sauce", True, False),
    (1, "teaspoon", "garlic powder", False, False),
    (1, "pound", "carrots", False, False),
    (1, "tablespoon", "butter", False, False),
    (1, "tablespoon", "fresh thyme leaves", False, False),
]


def spans(step: Step) -> list[tuple[float, float | None]]:
    """The step's own times (a time restated from an earlier step is not one)."""
    return [(d.min_minutes, d.max_minutes) for d in step.durations if d.role in OWN_ROLES]


def temps(step: Step) -> list[tuple[float, float, str]]:
    return [(t.fahrenheit, t.celsius, t.kind) for t in step.temperatures]


def test_title_yield_and_ingredients(recipe: Recipe) -> None:
    assert recipe.title == "Honey Mustard Glazed Pork Belly with Roasted Carrots"
    # The seed does not say how many it serves; the built-in example says 4, so it can scale.
    assert recipe.yield_.servings in (None if recipe.source.location != EXAMPLE else 4,)
    assert recipe.description
    got = [(i.quantity, i.unit, i.name, i.optional, i.to_taste) for i in recipe.ingredients]
    assert got == EXPECTED_INGREDIENTS
    assert (recipe.ingredients[7].preparation or "").startswith("peeled and cut")
    assert recipe.ingredients[5].comment is None


def test_the_nine_steps(recipe: Recipe) -> None:
    steps = recipe.steps
    assert len(steps) == 9
    assert spans(steps[1]) == [(30, None)]
    assert "refrigerator" in steps[1].equipment
    assert temps(steps[2]) == [(350, 175, "oven")]
    assert spans(steps[3]) == [(90, 120)]
    assert "roasting tray" in steps[3].equipment
    assert temps(steps[5]) == [(400, 200, "oven")]
    assert spans(steps[5]) == [(25, 30)]
    assert spans(steps[6]) == [(10, 10)]
    assert "last 10 minutes" in steps[6].durations[0].text
    assert spans(steps[7]) == [(10, 10)]
    assert [s.attention for s in steps] == [
        "active",
        "passive",
        "passive",
        "passive",
        "active",
        "passive",
        "active",
        "passive",
        "active",
    ]
    names = [[recipe.ingredients[i].name for i in s.uses] for s in steps]
    assert "pork belly" in names[1]
    assert {"honey", "Dijon mustard", "soy sauce", "garlic powder"} <= set(names[1])
    assert names[4] == ["carrots", "olive oil", "Salt and pepper", "fresh thyme leaves"]
    assert "butter" not in {n for ns in names for n in ns}  # listed, never used


def test_notes(recipe: Recipe) -> None:
    assert len(recipe.notes) == 2
    assert "425°F (220°C)" in recipe.notes[0]


def _variant(recipe: Recipe, word: str, kind: str) -> list[Step]:
    found = [v for v in recipe.variants if word.lower() in v.name.lower() and v.kind == kind]
    assert found, f"no {kind} variant named like {word!r}: {[v.name for v in recipe.variants]}"
    return found[0].steps


def test_the_article_oven_method(recipe: Recipe) -> None:
    oven = next(v for v in recipe.variants if v.kind == "method" and len(v.steps) == 5)
    assert temps(oven.steps[0]) == [(300, 150, "oven")]
    assert spans(oven.steps[2]) == [(120, 120)]
    assert temps(oven.steps[3]) == [(450, 230, "oven")]
    assert spans(oven.steps[3]) == [(30, 40)]
    assert spans(oven.steps[4]) == [(10, 10)]
    assert "wire rack" in oven.steps[1].equipment


def test_the_alternative_methods(recipe: Recipe) -> None:
    air = _variant(recipe, "air fryer", "method")
    assert any(spans(s) == [(40, 40)] for s in air)
    assert any(t.fahrenheit == 400 and t.kind == "oven" for s in air for t in s.temperatures)
    assert any("air fryer" in s.equipment for s in air)
    pan = _variant(recipe, "pan-sear", "method")
    assert any("skillet" in s.equipment for s in pan)
    carrots = [
        v
        for v in recipe.variants
        if v.kind == "method" and any(t.fahrenheit == 425 for s in v.steps for t in s.temperatures)
    ]
    assert carrots and any(spans(s) == [(25, 30)] for s in carrots[0].steps)


def test_marinating_in_the_article(recipe: Recipe) -> None:
    steps = _variant(recipe, "marinat", "technique")
    assert (240, None) in [span for s in steps for span in spans(s)]


def test_glaze_variations(recipe: Recipe) -> None:
    names = [v.name.lower() for v in recipe.variants if v.kind == "variation"]
    assert len(names) >= 4
    for words in (("soy",), ("garlic", "ginger"), ("paprika", "chili"), ("lemon", "zest")):
        assert sum(all(w in n for w in words) for n in names) == 1, (words, names)


def test_sides_and_drinks(recipe: Recipe) -> None:
    sides = [p.name for p in recipe.pairings if p.kind == "side"]
    drinks = [p.name for p in recipe.pairings if p.kind == "drink"]
    assert sides == [
        "Creamy Mashed Potatoes",
        "Garlic Sautéed Greens",
        "Quinoa or Couscous Salad",
        "Roasted Brussels Sprouts",
        "Cucumber and Radish Salad",
    ]
    assert drinks == [
        "Sparkling Apple Cider",
        "Iced Green Tea with Lemon",
        "Homemade Lemonade with Mint",
        "Ginger Beer",
        "Chilled Cucumber Water",
    ]


def test_doneness_storage_and_make_ahead(recipe: Recipe) -> None:
    assert [(d.food, d.fahrenheit, d.celsius) for d in recipe.doneness] == [
        ("pork belly", 195, 90.6)
    ]
    assert [(s.where, s.max_days) for s in recipe.storage] == [("refrigerator", 3)]
    (ahead,) = recipe.make_ahead
    assert ahead.lead_days == 1
    reheat = [t for s in ahead.steps for t in s.temperatures]
    assert [(t.fahrenheit, t.kind) for t in reheat] == [(350, "oven")]
    carrot = next(s for s in ahead.steps if s.temperatures)
    assert "carrots" in [recipe.ingredients[i].name for i in carrot.uses]
    assert any("pork belly" in [recipe.ingredients[i].name for i in s.uses] for s in ahead.steps)


def test_the_example_is_our_own_words() -> None:
    """The built-in example carries the seed's facts, not its sentences."""
    seed = shared("seeds/honey-mustard-pork-belly.txt").read_text(encoding="utf-8")
    example = example_text()
    title = "Honey Mustard Glazed Pork Belly with Roasted Carrots"  # a dish's name is a fact
    seed_sentences = {s.strip() for s in seed.replace("\n", ". ").split(". ") if len(s) > 40}
    shared_sentences = [s for s in seed_sentences - {title} if s in example]
    assert shared_sentences == []
