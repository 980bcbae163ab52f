"""The checker: what it finds in the seed article, the built-in example and the golden texts."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladle.checker import Finding, check
from ladle.errors import LadleError
from ladle.examples import example_text
from ladle.formats import read, read_text
from ladle.model import (
    Doneness,
    Duration,
    Ingredient,
    MakeAhead,
    Recipe,
    Step,
    Storage,
    Temperature,
    Variant,
    Yield,
)

from .conftest import CASES, shared

Key = tuple[str, str, str, tuple[str, ...]]


def _keys(findings: list[Finding]) -> list[Key]:
    return [(f.severity, f.code, f.where, f.related) for f in findings]


def _text(text: str) -> Recipe:
    return read_text(text, "text", "test.txt")[0]


# --- the seed article and the built-in example ---------------------------------------------------

SEED_FINDINGS: list[Key] = [
    ("warning", "missing-yield", "yield", ()),
    ("warning", "unused-ingredient", "ingredient 9 (butter)", ()),
    ("warning", "oven-clash", "step 6", ("step 4",)),
    ("warning", "article-marinating-time", "step 2", ("article: Marination",)),
    ("warning", "article-oven-method", "step 4", ("article: Oven Roasting",)),
    ("warning", "article-oven-finish", "note 1", ("article: Oven Roasting",)),
    ("warning", "article-oven-method", "step 6", ("article: Roasting the Carrots",)),
    (
        "warning",
        "article-glaze-on-skin",
        "step 7",
        ("article: FAQ_ABOUT_SKIN",),  # the seed's own heading, read from it below
    ),
    ("info", "doneness-texture-target", "doneness 1", ()),
]


def test_the_seed_article() -> None:
    path = shared("seeds/honey-mustard-pork-belly.txt")
    recipe = read(path)[0]
    findings = check(recipe)
    faq = next(v.name for v in recipe.variants if v.name.startswith("How") and "skin" in v.name)
    expected = [
        (*key[:3], tuple(r.replace("FAQ_ABOUT_SKIN", faq) for r in key[3])) for key in SEED_FINDINGS
    ]
    assert _keys(findings) == expected
    said = {(f.code, f.where): (f.message, f.fix) for f in findings}
    message, fix = said["oven-clash", "step 6"]
    assert "400°F" in message and "350°F" in message and "one oven" in message
    assert "second oven" in fix
    message, fix = said["article-marinating-time", "step 2"]
    assert "at least 30 minutes" in message and "at least 4 hours or overnight" in message
    message, fix = said["article-oven-method", "step 4"]
    assert "350°F for 1.5–2 hours" in message
    assert fix.startswith("Roast it at 300°F for 2 hours, then at 450°F for 30–40 minutes")
    assert "or keep 350°F" in fix
    message, _ = said["article-oven-method", "step 6"]
    assert "400°F" in message and "425°F" in message
    message, _ = said["article-oven-finish", "note 1"]
    assert "425°F for the last 10 minutes" in message and "450°F for 30–40 minutes" in message
    message, fix = said["article-glaze-on-skin", "step 7"]
    quoted = message.split("“", 1)[1].rstrip("”")  # the article's own warning, quoted
    seed_text = " ".join(Path(path).read_text(encoding="utf-8").split())
    assert "skin" in quoted and " ".join(quoted.split()) in seed_text
    assert "off the skin" in fix
    message, fix = said["doneness-texture-target", "doneness 1"]
    assert "195°F" in message and "145°F (63°C) with a 3-minute rest" in message
    assert "step 4" in fix


def test_a_second_oven_ends_the_clash() -> None:
    recipe = read(shared("seeds/honey-mustard-pork-belly.txt"))[0]
    codes = [f.code for f in check(recipe, kitchen_ovens=2)]
    assert "oven-clash" not in codes
    assert len(codes) == len(SEED_FINDINGS) - 1


def test_the_built_in_example() -> None:
    recipe = read_text(example_text(), "text", "example.txt")[0]
    assert _keys(check(recipe)) == [
        ("warning", "unused-ingredient", "ingredient 9 (butter)", ()),
        ("warning", "oven-clash", "step 6", ("step 4",)),
        ("warning", "article-marinating-time", "step 2", ("article: Marinating",)),
        ("warning", "article-oven-method", "step 4", ("article: Two-Stage Oven Roast",)),
        ("warning", "article-oven-finish", "note 1", ("article: Two-Stage Oven Roast",)),
        ("warning", "article-oven-method", "step 6", ("article: Carrot Roasting Steps",)),
        (
            "warning",
            "article-glaze-on-skin",
            "step 7",
            ("article: How do I make the skin really crisp",),
        ),
        ("info", "doneness-texture-target", "doneness 1", ()),
    ]


# --- the golden texts: nothing false -------------------------------------------------------------

# file: the findings on each recipe in it, every one of them true of the text
GOLDEN: dict[str, list[list[Key]]] = {
    "01-roast-chicken": [[]],
    "02-buttermilk-pancakes": [[]],  # "Maple syrup and fresh berries, for serving": step 7
    "03-fish-pie": [[("info", "unlisted-seasoning", "step 1", ())]],  # salt and pepper
    "04-honey-roasted-carrots": [[]],
    "05-garlic-green-beans": [[]],
    "06-iced-hibiscus-tea": [[]],
    "07-beef-and-ale-stew": [[]],
    "08-pork-tenderloin-and-cider-sauce": [[], []],  # 145°F for pork is safe; "season to taste"
    "09-chicken-pot-pie-blog": [[]],  # 165°F for the chicken; 4 days in the fridge
    "10-brown-butter-chocolate-chip-cookies": [[]],  # "the milk solids" are not milk
    "11-chickpea-spinach-curry": [[]],  # "the ground spices"; "serve with rice" is a serving
    "12-carrot-ginger-soup": [[]],
    "13-lemon-drizzle-cake": [[]],
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_texts(name: str) -> None:
    recipes = read(CASES / "text" / f"{name}.txt")
    assert [_keys(check(recipe)) for recipe in recipes] == GOLDEN[name]


def test_golden_texts_are_all_listed() -> None:
    texts = {p.stem for p in (CASES / "text").glob("*.txt")}
    assert texts - set(GOLDEN) == {"14-no-recipe"}


# --- each kind of finding ------------------------------------------------------------------------

CHICKEN = """Weeknight Chicken Thighs

Serves 4

Ingredients
- 8 chicken thighs
- 2 tablespoons olive oil
- 1 teaspoon smoked paprika
- 1 pound potatoes, cubed
- Chopped parsley, to garnish

Instructions
1. Preheat the oven to 425°F (160°C).
2. Rub the chicken thighs with the olive oil and paprika. Roast for 35 minutes, until a \
thermometer reads 150°F.
3. Meanwhile, bake the potatoes at 350°F for 40 minutes.
4. Whisk the eggs with the lemon juice and pour over the chicken.
5. Serve with rice.

Notes
- Leftovers keep in the fridge for up to 7 days.
"""


def test_unsafe_and_inconsistent_chicken() -> None:
    findings = check(_text(CHICKEN))
    assert _keys(findings) == [
        ("error", "unsafe-doneness", "step 2", ()),
        ("warning", "unlisted-ingredient", "step 4", ()),
        ("warning", "unlisted-ingredient", "step 4", ()),
        ("warning", "temperature-scales-disagree", "step 1", ()),
        ("warning", "oven-clash", "step 3", ("step 2",)),
        ("warning", "storage-too-long", "note 1", ()),
        ("info", "unused-optional-ingredient", "ingredient 5 (parsley)", ()),
    ]
    messages = [f.message for f in findings]
    assert "150°F" in messages[0] and "165°F (74°C)" in messages[0]
    assert findings[0].fix == "Cook the chicken thighs to at least 165°F (74°C)."
    assert "eggs" in messages[1] and "lemon" in messages[2]  # rice is only served alongside
    assert "425°F (160°C)" in messages[3] and "218°C" in messages[3]
    assert "3–4 days" in messages[5]
    assert "oven-clash" not in [f.code for f in check(_text(CHICKEN), kitchen_ovens=2)]


def test_ground_meat_below_160_and_the_oven_set_mid_roast() -> None:
    recipe = _text(
        "Meatloaf\nMakes 1 loaf\n\nIngredients\n- 2 pounds ground beef\n- 1 onion\n\n"
        "Method\n1. Heat the oven to 350°F. Mix the beef and onion.\n"
        "2. Bake for 1 hour, until the center reaches 155°F.\n"
        "3. While the meatloaf bakes, preheat the oven to 450°F.\n"
    )
    findings = check(recipe)
    assert _keys(findings) == [
        ("error", "unsafe-doneness", "step 2", ()),
        ("warning", "oven-clash", "step 3", ("step 2",)),
    ]
    assert "160°F (71°C)" in findings[0].message
    assert findings[1].message.startswith("Step 3 sets the oven to 450°F while the ground beef")


def test_steps_in_order_do_not_clash() -> None:
    recipe = _text(
        "Two Trays\nServes 2\n\nIngredients\n- 1 pound carrots\n- 1 pound parsnips\n\n"
        "Method\n1. Roast the carrots at 400°F for 30 minutes.\n"
        "2. Roast the parsnips at 425°F for 30 minutes.\n"
    )
    assert check(recipe) == []


def test_gaps() -> None:
    bare = Recipe(title="Toast", ingredients=[Ingredient(text="1 slice bread", name="bread")])
    assert _keys(check(bare)) == [
        ("warning", "missing-yield", "yield", ()),
        ("warning", "missing-times", "times", ()),
        ("warning", "missing-steps", "steps", ()),
    ]
    assert check(Recipe(title="Nothing", yield_=Yield(servings=1), steps=[Step("Wait.")])) == [
        Finding(
            "warning",
            "missing-times",
            "times",
            "Neither the recipe nor its steps say how long anything takes.",
            'Add prep and cook times, or times to the steps ("roast for 25 minutes").',
        )
    ]


def test_make_ahead_longer_than_it_keeps() -> None:
    recipe = Recipe(
        title="Chilled Soup",
        yield_=Yield(servings=4),
        steps=[Step("Blend and chill for 2 hours.", durations=[Duration(120, 120, "2 hours")])],
        storage=[Storage("refrigerator", 2, "It keeps 2 days in the fridge.")],
        make_ahead=[MakeAhead("Make it up to 3 days ahead.", 3)],
    )
    assert _keys(check(recipe)) == [("warning", "make-ahead-too-long", "make-ahead 1", ())]


def test_doneness_from_the_article() -> None:
    steak = Ingredient(text="2 steaks", name="beef steaks")
    recipe = Recipe(
        title="Steak",
        yield_=Yield(servings=2),
        ingredients=[steak],
        steps=[
            Step("Sear the steaks 3 minutes.", durations=[Duration(3, 3, "3 minutes")], uses=[0])
        ],
        doneness=[Doneness("beef steaks", 125, 52, "Pull them at 125°F for rare.")],
        variants=[Variant("Searing", "technique", "Pull them at 125°F for rare.")],
    )
    (finding,) = check(recipe)
    assert (finding.severity, finding.code, finding.where) == (
        "error",
        "unsafe-doneness",
        "article: Searing",
    )
    assert finding.message.startswith("The article (Searing) takes the beef steaks to 125°F")
    assert finding.fix == "Cook the beef steaks to at least 145°F (63°C), then rest them 3 minutes."


def test_findings_as_json() -> None:
    recipe = read(shared("seeds/honey-mustard-pork-belly.txt"))[0]
    for finding in check(recipe):
        document = finding.to_json()
        assert list(document) == ["severity", "code", "where", "message", "fix", "related"]
        assert document["severity"] in {"error", "warning", "info"}
        assert document["code"].replace("-", "").isalpha() and document["code"].islower()
        assert document["message"].endswith((".", "”")) and document["fix"].endswith(".")


# --- nothing raises ------------------------------------------------------------------------------

FRAGMENTS = [
    "Ingredients",
    "Instructions",
    "Notes",
    "Serves 4",
    "Cooking Methods",
    "Oven Roasting",
    "- 2 lbs pork belly",
    "- 1 tbsp butter",
    "- 4 chicken thighs",
    "- Salt and pepper to taste",
    "1. Preheat the oven to 300°F (150°C).",
    "2. Roast for 2 hours.",
    "3. Once 2 hours are up, take the oven to 450°F (230°C) and roast 30–40 minutes longer.",
    "While the pork cooks, mix the eggs into the carrots.",
    "For the final 10 minutes, paint glaze on the pork.",
    "Roast the carrots at 400°F (200°C) for 25-30 minutes.",
    "Meanwhile, bake at 325°F for 1 hour.",
    "Marinate for at least 4 hours, or overnight.",
    "Refrigerate for at least 30 minutes.",
    "Never put glaze on the skin.",
    "Once roasted, remove from the oven.",
    "Cook to 120°F internal.",
    "Keeps 9 days in the fridge.",
    "Make it up to 5 days ahead.",
    "For crisper skin, raise the oven to 425°F (220°C) for the last 10 minutes of roasting.",
    "",
]
documents = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents.map("\n".join), st.integers(0, 3))
def test_check_raises_nothing_on_any_text(text: str, ovens: int) -> None:
    recipes: list[Recipe] = []
    with contextlib.suppress(LadleError):
        recipes = read_text(text, "text", "fuzz")
    for recipe in recipes:
        for finding in check(recipe, ovens):
            assert finding.where and finding.message and finding.fix


numbers = st.floats(-50, 5000, allow_nan=False)
temperatures = st.builds(
    Temperature,
    numbers,
    numbers,
    st.sampled_from(["oven", "internal", "oil", "water", "other"]),
    st.sampled_from(["350°F (200°C)", "75°C", ""]),
)
durations = st.builds(Duration, numbers, st.none() | numbers, st.sampled_from(FRAGMENTS))
steps = st.builds(
    Step,
    st.sampled_from(FRAGMENTS),
    st.none(),
    st.lists(durations, max_size=2),
    st.lists(temperatures, max_size=2),
    st.lists(st.sampled_from(["oven", "skillet"]), max_size=2),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(steps, max_size=6), st.lists(steps, max_size=4), st.text(max_size=20))
def test_check_raises_nothing_on_odd_numbers(
    card: list[Step], other: list[Step], food: str
) -> None:
    recipe = Recipe(
        title=food,
        steps=card,
        notes=[s.text for s in other],
        variants=[Variant("Oven Roasting", "method", "\n".join(s.text for s in other), other)],
        doneness=[Doneness(food, 100, 38, food)],
        storage=[Storage("refrigerator", 9, food)],
        make_ahead=[MakeAhead(food, 12, other)],
    )
    check(recipe)


def test_a_line_ladle_cannot_read_is_kept_and_named() -> None:
    odd = "2 cups flour " + "and a great many other words " * 30
    text = f"Odd Cake\n\nIngredients\n{odd}\n1 cup sugar\n\nInstructions\n1. Mix and bake.\n"
    recipe = read_text(text, "text", "odd.txt")[0]
    assert recipe.ingredients[0].text.startswith("2 cups flour and a great")  # kept
    found = [f for f in check(recipe) if f.code == "ingredient-not-read"]
    assert [f.where for f in found] == ["ingredient 1"]
    seed = read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]
    assert not any(f.code == "ingredient-not-read" for f in check(seed))
