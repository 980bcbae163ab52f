"""Property tests: readers raise nothing but LadleError; JSON round trips are the identity."""

from __future__ import annotations

import contextlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladle.durations import find_durations
from ladle.errors import LadleError
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
from ladle.sources import decode
from ladle.steps import understand_steps
from ladle.temperatures import find_temperatures

FRAGMENTS = [
    "Ingredients",
    "INGREDIENTS:",
    "Instructions",
    "Method",
    "Notes",
    "Serves 4",
    "Yield: 6",
    "Prep: 10 mins | Cook: 25 mins",
    "- 2 lbs pork belly",
    "- Salt to taste",
    "1. Preheat to 350°F",
    "Step 2: Roast for 1.5 to 2 hours",
    "•",
    "-",
    "*",
    "For the glaze:",
    "## Method",
    "**Ingredients**",
    "1½ cups (350 ml) milk",
    "125g/4½oz flour",
    "4–5 cloves garlic",
    "Roast at 200°C/180°C fan/gas 6 for 25–30 minutes",
    "overnight",
    "at least 4 hours",
    "Side Dishes",
    "Drinks",
    "Can I make it ahead?",
    "Keeps 3 days in the fridge.",
    "Cook to 145°F internal.",
    "",
    "   ",
    "Title Case Heading Here",
    "¾",
    "1/0 cup",
    "0 g",
]

line = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=60))
documents = st.lists(line, max_size=40).map("\n".join)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents)
def test_plain_reader_raises_only_ladle_errors(text: str) -> None:
    try:
        recipes = read_text(text, "text", "fuzz.txt")
    except LadleError:
        return
    for recipe in recipes:
        assert Recipe.from_json(json.loads(json.dumps(recipe.to_json()))).to_json() == (
            recipe.to_json()
        )


@SETTINGS
@given(st.text(max_size=300))
def test_auto_detection_raises_only_ladle_errors(text: str) -> None:
    with contextlib.suppress(LadleError):
        read_text(text, None, "fuzz")


@SETTINGS
@given(st.binary(max_size=400))
def test_decoding_bytes_raises_only_ladle_errors(data: bytes) -> None:
    with contextlib.suppress(LadleError):
        decode(data, "fuzz.bin")


@SETTINGS
@given(st.one_of(st.text(max_size=120), st.lists(st.sampled_from(FRAGMENTS)).map(" ".join)))
def test_step_understanding_never_fails(text: str) -> None:
    for duration in find_durations(text):
        assert duration.min_minutes >= 0
        assert duration.max_minutes is None or duration.max_minutes >= duration.min_minutes
    for temperature in find_temperatures(text):
        assert abs((temperature.fahrenheit - 32) * 5 / 9 - temperature.celsius) < 20
    understand_steps([(text, None)], [Ingredient(text="x", name="pork belly")])


# --- generated recipes round-trip --------------------------------------------------------------

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
maybe_words = st.none() | words
numbers = st.floats(min_value=0, max_value=10_000, allow_nan=False, allow_infinity=False)
maybe_numbers = st.none() | numbers
# numbers inside ladle.limits: servings above 0, temperatures a kitchen reaches, days kept
servings = st.none() | st.floats(min_value=0.01, max_value=10_000)
fahrenheit = st.floats(min_value=-100, max_value=2000)
celsius = st.floats(min_value=-75, max_value=1100)
days = st.none() | st.floats(min_value=0, max_value=3650)
durations = st.builds(Duration, numbers, maybe_numbers, words)
temperatures = st.builds(
    Temperature,
    fahrenheit,
    celsius,
    st.sampled_from(["oven", "internal", "oil", "water", "other"]),
    words,
)


def steps_for(count: int) -> st.SearchStrategy[Step]:
    return st.builds(
        Step,
        words,
        maybe_words,
        st.lists(durations, max_size=2),
        st.lists(temperatures, max_size=2),
        st.lists(words, max_size=3),
        st.lists(st.integers(0, count - 1), max_size=3) if count else st.just([]),
        st.sampled_from(["active", "passive"]),
    )


ingredients = st.builds(
    Ingredient,
    words,
    maybe_words,
    maybe_numbers,
    maybe_numbers,
    maybe_words,
    maybe_words,
    maybe_words,
    st.booleans(),
    maybe_words,
    st.booleans(),
    st.lists(st.builds(Amount, maybe_numbers, maybe_words, words, maybe_numbers), max_size=2),
    st.booleans(),
    maybe_words,
)


@st.composite
def recipes(draw: st.DrawFn) -> Recipe:
    items = draw(st.lists(ingredients, max_size=5))
    step = steps_for(len(items))
    return Recipe(
        title=draw(words),
        description=draw(maybe_words),
        yield_=draw(st.builds(Yield, servings, maybe_numbers, maybe_words, maybe_words)),
        times=draw(st.builds(Times, maybe_numbers, maybe_numbers, maybe_numbers)),
        ingredients=items,
        steps=draw(st.lists(step, max_size=4)),
        notes=draw(st.lists(words, max_size=3)),
        variants=draw(
            st.lists(
                st.builds(Variant, words, words, words, st.lists(step, max_size=2)), max_size=2
            )
        ),
        pairings=draw(st.lists(st.builds(Pairing, words, words, words), max_size=2)),
        doneness=draw(
            st.lists(st.builds(Doneness, maybe_words, fahrenheit, celsius, words), max_size=2)
        ),
        storage=draw(st.lists(st.builds(Storage, words, days, words), max_size=2)),
        make_ahead=draw(
            st.lists(st.builds(MakeAhead, words, days, st.lists(step, max_size=2)), max_size=2)
        ),
        tags=draw(st.lists(words, max_size=3)),
        source=draw(st.builds(Source, maybe_words, maybe_words, maybe_words)),
    )


@settings(max_examples=200, deadline=None)
@given(recipes())
def test_ladle_json_round_trip_is_the_identity(recipe: Recipe) -> None:
    document = recipe.to_json()
    text = ladle_json.write(recipe)
    (again,) = ladle_json.recipes(text, "round.json")
    assert again.to_json() == document
    assert ladle_json.write(again) == text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)
recipe_keys = st.sampled_from(
    [
        "title",
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
        "source",
        "description",
    ]
)


@SETTINGS
@given(st.dictionaries(recipe_keys, json_values, max_size=8), st.booleans())
def test_ladle_json_reader_raises_only_ladle_errors(
    fields: dict[str, object], versioned: bool
) -> None:
    document = {"ladle": 1, **fields} if versioned else fields
    try:
        text = json.dumps(document)
    except (ValueError, OverflowError):
        return
    with contextlib.suppress(LadleError):
        ladle_json.read(text, "fuzz.json")


@SETTINGS
@given(st.text(max_size=200))
def test_ladle_json_reader_on_any_text(text: str) -> None:
    with contextlib.suppress(LadleError):
        ladle_json.read(text, "fuzz.json")


def test_huge_numbers_are_a_format_error() -> None:
    text = '{"ladle": 1, "title": "x", "times": {"prep_minutes": ' + "9" * 400 + "}}"
    try:
        ladle_json.read(text, "big.json")
    except LadleError as error:
        assert "prep_minutes" in str(error)
    else:  # pragma: no cover - the assertion is the test
        raise AssertionError("expected a LadleError")


HTML_PIECES = [
    '<script type="application/ld+json">{"@type": "Recipe", "name": "X", '
    '"recipeIngredient": ["popping corn", "Sauce", "1 egg"], "recipeInstructions": "Mix."}'
    "</script>",
    '<script type="application/ld+json">{"@type": "Recipe", "recipeIngredient": []}</script>',
    '<script type="application/ld+json">[{"@type": ["Recipe"], "name": 3}];</script>',
    '<div itemscope itemtype="https://schema.org/Recipe">',
    '<meta itemprop="recipeInstructions" content="[{"@type":"HowToStep","text":"Whisk."}]">',
    '<meta itemprop="recipeInstructions" content="[{"',
    '<p itemprop="recipeIngredient"><strong>Sauce</strong><br>1 onion<br><b>2</b> eggs</p>',
    '<ul class="ingredients"><li>▢ ½ cup popping corn</li><li><b>1 tbsp</b>oil</li></ul>',
    '<ol class="instructions"><li>Schritt 01</li><li>Cook the rice.</li><li>Fertig</li></ol>',
    "<h2>Ingredients</h2>",
    "<h3>Sauce:</h3>",
    "<h2>Method</h2>",
    "<li>Subscribe</li>",
    "<li>2 cups flour</li>",
    "<li>Bake for 20 minutes at 180°C.</li>",
    "<title>Rice │ Site</title>",
    '<meta property="og:title" content="Print">',
    "</div>",
    "<br>",
    "<strong>",
]
html_pages = st.lists(
    st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=30)), max_size=30
).map(lambda parts: "<!doctype html><html><body>" + "".join(parts) + "</body></html>")


@SETTINGS
@given(html_pages, st.booleans())
def test_html_reader_raises_only_ladle_errors(page: str, generic: bool) -> None:
    from ladle.formats import ReadOptions, read_text

    try:
        recipes = read_text(
            page,
            "html",
            "fuzz.html",
            options=ReadOptions(url="https://example.com/", generic=generic),
        )
    except LadleError:
        return
    for recipe in recipes:
        assert Recipe.from_json(json.loads(json.dumps(recipe.to_json()))).to_json() == (
            recipe.to_json()
        )
