"""One reading pipeline: readers give drafts, ``understand`` makes each recipe once, and what
a source states (groups, yields, tips, metadata) survives whatever the source."""

from __future__ import annotations

import json

import pytest

from ladle import ingredients as ingredient_module
from ladle.draft import Draft, DraftLine, DraftStep
from ladle.examples import example_text
from ladle.formats import FORMATS, READABLE, ReadOptions, detect, read_drafts, read_text
from ladle.formats.html.sites import _grouped
from ladle.understand import understand
from ladle.yields import parse_yield, yield_of

# --- the one yield parser ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "servings", "amount", "unit"),
    [
        ("Serves 4", 4, None, None),
        ("Yield: 6 servings", 6, None, None),
        ("Makes about 2 quarts (8 servings)", 8, 2, "quart"),
        ("Makes 24 cookies", None, 24, "cookie"),
        ("Makes 2 dozen cookies", None, 24, "cookie"),
        ("4 personnes", 4, None, None),
        ("Pour 6 personnes", 6, None, None),
        ("Für 4 Personen", 4, None, None),
        ("Voor 4 personen", 4, None, None),
        ("4 porzioni", 4, None, None),
        ("Rinde 4 porciones", 4, None, None),
        ("Serves 4-6", 4, None, None),
        ("Feeds 6 to 8", 6, None, None),
        ("Yield: 1 loaf", None, 1, "loaf"),
    ],
)
def test_yields_as_recipes_write_them(
    text: str, servings: float | None, amount: float | None, unit: str | None
) -> None:
    found = parse_yield(text)
    assert found is not None
    assert (found.servings, found.amount, found.unit) == (servings, amount, unit)


@pytest.mark.parametrize("text", ["2 cups flour", "Serve 2 slices each", "4", "Bake for 20 min"])
def test_a_line_that_does_not_say_it_is_a_yield_is_none(text: str) -> None:
    assert parse_yield(text) is None


def test_a_yield_field_may_be_a_bare_number_and_lists_combine() -> None:
    assert parse_yield("4", stated=True) is not None
    both = yield_of(["4 servings", "24 cookies"])
    assert (both.servings, both.amount, both.unit) == (4, 24, "cookie")
    assert yield_of(["4", "4 servings"]).text == "4 servings"  # as written: the fullest


# --- drafts and understanding ------------------------------------------------------------------

SALAD = """Lemon Salad
Serves 2

Ingredients
For the salad:
- 1 head romaine
- 1 cucumber
For the dressing:
- 3 tbsp olive oil
- 1 tbsp lemon juice

Method
1. Whisk the dressing ingredients together.
2. Keep the bowl for the dressing and chop the romaine and cucumber.
3. Toss the salad with the dressing.
"""


def test_every_reader_gives_drafts_and_the_registry_names_its_modules() -> None:
    drafts = read_drafts(SALAD, "text", "salad.txt")
    assert all(isinstance(d, Draft) for d in drafts)
    assert drafts[0].ingredients[0] == DraftLine("1 head romaine", "For the salad")
    assert drafts[0].yields == ["Serves 2"]
    for name in READABLE:
        assert FORMATS[name].reader_module and FORMATS[name].reads


def test_understanding_parses_each_line_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = ingredient_module.parse_ingredient

    def counting(line: str, group: str | None = None) -> object:
        calls.append(line)
        return original(line, group)

    monkeypatch.setattr("ladle.understand.parse_ingredient", counting)
    (recipe,) = read_text(SALAD, "text", "salad.txt")
    assert sorted(calls) == sorted(i.text for i in recipe.ingredients)


def test_a_step_that_names_a_group_uses_its_lines() -> None:
    (recipe,) = read_text(SALAD, "text", "salad.txt")
    whisk, chop, toss = recipe.steps
    assert whisk.uses == [2, 3]  # "the dressing ingredients"
    assert chop.uses == [0, 1]  # "for the dressing" is what a later step makes
    assert sorted(toss.uses) == [0, 1, 2, 3]


def test_a_group_named_like_an_ingredient_is_named_only_with_ingredients() -> None:
    draft = Draft(
        title="Wings",
        ingredients=[
            DraftLine("1 kg chicken wings", "Chicken"),
            DraftLine("1 tsp salt", "Chicken"),
            DraftLine("2 tbsp honey", "Glaze"),
        ],
        steps=[DraftStep("Toss the chicken wings."), DraftStep("Mix the chicken ingredients.")],
    )
    recipe = understand(draft)
    assert recipe.steps[0].uses == [0]
    assert recipe.steps[1].uses == [0, 1]


def test_a_line_ladle_cannot_parse_stays_as_written() -> None:
    recipe = understand(Draft(title="Long", ingredients=[DraftLine("x" * 600)]))
    assert recipe.ingredients[0].text == "x" * 600


def test_detection_trusts_the_suffix_first() -> None:
    assert detect("[- a comment -]\nAdd @salt{}.", ".cook") == "cooklang"
    assert detect('{"ladle": 1}', ".json") == "ladle"
    assert detect('{"@context": "https://schema.org", "@type": "Recipe"}', ".json") == "jsonld"
    assert detect("<!doctype html><html></html>", "") == "html"
    assert detect("Some text", "") == "text"


# --- schema.org and pages -----------------------------------------------------------------------


def _page(node: dict[str, object], body: str = "") -> str:
    script = f'<script type="application/ld+json">{json.dumps(node)}</script>'
    return f"<!doctype html><html><head><title>t</title>{script}</head><body>{body}</body></html>"


LINES = ["1 cup flour", "1 egg", "1 cup milk", "2 tbsp maple syrup", "1 tbsp butter"]
NODE: dict[str, object] = {
    "@context": "https://schema.org",
    "@type": "Recipe",
    "name": "Pancakes",
    "recipeIngredient": [
        "1 cup flour",
        "1 egg",
        "1 cup milk",
        "2 tbsp maple syrup",
        "1 tbsp butter",
    ],
    "recipeInstructions": [
        {"@type": "HowToStep", "text": "Whisk the flour, egg and milk."},
        {"@type": "HowToTip", "text": "A rested batter makes lighter pancakes."},
        {"@type": "HowToStep", "text": "Fry in butter and serve with the syrup."},
    ],
    "recipeCuisine": "American",
    "author": {"@type": "Person", "name": "A. Cook"},
}


def test_a_how_to_tip_is_a_note_and_unmodelled_fields_are_metadata() -> None:
    (recipe,) = read_text(json.dumps(NODE), "jsonld", "p.jsonld")
    assert [s.text for s in recipe.steps] == [
        "Whisk the flour, egg and milk.",
        "Fry in butter and serve with the syrup.",
    ]
    assert recipe.notes == ["A rested batter makes lighter pancakes."]
    assert recipe.metadata == {"cuisine": "American", "author": "A. Cook"}


def test_groups_from_the_cards_bold_headings() -> None:
    body = """<div class="tasty-recipes-ingredients-body">
    <p><b>Pancakes</b></p><ul><li>1 cup flour</li><li>1 egg</li><li>1 cup milk</li></ul>
    <p><b>Maple butter</b></p><ul><li>2 tbsp maple syrup</li><li>1 tbsp butter</li></ul></div>"""
    (recipe,) = read_text(_page(NODE, body), "html", "p.html", options=ReadOptions(generic=True))
    assert [i.group for i in recipe.ingredients] == ["Pancakes"] * 3 + ["Maple butter"] * 2


def test_groups_from_the_pages_text_between_its_lines() -> None:
    body = """<h2>Ingredients</h2><div><p>1 cup flour</p><p>1 egg</p><p>1 cup milk</p>
    <p>For the topping</p><p>2 tbsp maple syrup</p><p>1 tbsp butter</p></div>"""
    (recipe,) = read_text(_page(NODE, body), "html", "p.html", options=ReadOptions(generic=True))
    assert [i.group for i in recipe.ingredients] == [None] * 3 + ["For the topping"] * 2
    assert {3, 4} <= set(recipe.steps[1].uses)  # "serve with the syrup", fried in butter


def test_no_groups_where_the_text_shows_none() -> None:
    body = "<ul>" + "".join(f"<li>{x}</li>" for x in LINES) + "</ul>"
    (recipe,) = read_text(_page(NODE, body), "html", "p.html", options=ReadOptions(generic=True))
    assert all(i.group is None for i in recipe.ingredients)


def test_the_yield_from_the_card_when_the_json_ld_lacks_it() -> None:
    body = '<div class="recipe-servings">Serves 2</div>'
    (recipe,) = read_text(_page(NODE, body), "html", "p.html", options=ReadOptions(generic=True))
    assert recipe.yield_.servings == 2
    with_yield = {**NODE, "recipeYield": "6"}
    (recipe,) = read_text(
        _page(with_yield, body), "html", "p.html", options=ReadOptions(generic=True)
    )
    assert recipe.yield_.servings == 6


class _Group:
    def __init__(self, purpose: str | None, lines: list[str]) -> None:
        self.purpose = purpose
        self.ingredients = lines


def test_site_scraper_groups_are_kept_when_they_hold_the_same_lines() -> None:
    lines = ["1 cup flour", "1 egg", "2 tbsp syrup"]
    groups = [_Group("Batter", lines[:2]), _Group("Topping", lines[2:])]
    assert _grouped(lines, groups) == [
        ("1 cup flour", "Batter"),
        ("1 egg", "Batter"),
        ("2 tbsp syrup", "Topping"),
    ]
    assert _grouped(lines, [_Group(None, lines)]) == [(line, None) for line in lines]
    assert _grouped(lines, [_Group("A", lines[:1]), _Group("B", ["other"])]) == [
        (line, None) for line in lines
    ]


# --- the article from every source ---------------------------------------------------------


def test_a_blog_page_gives_the_same_article_as_its_text() -> None:
    """The built-in example's article as a web page around a JSON-LD card (which has no
    yield: the card shows "Serves 4"), with comments that are no part of the article."""
    (text,) = read_text(example_text("pork-belly-dinner.txt"), "text", "example.txt")
    (page,) = read_text(example_text("pork-belly-dinner.html"), "html", "example.html")
    for field in ("variants", "pairings", "doneness", "storage", "make_ahead"):
        ours = [item.to_json() for item in getattr(page, field)]
        assert ours == [item.to_json() for item in getattr(text, field)], field
        assert ours, field
    assert [s.max_days for s in page.storage] == [3]  # not the comment's "7 days"
    assert page.yield_.servings == 4
    assert page.notes == text.notes
    assert [i.text for i in page.ingredients] == [i.text for i in text.ingredients]


def test_the_yield_from_the_pages_text_above_its_list() -> None:
    lines = "".join(f"<li>{x}</li>" for x in LINES)
    for shown, servings in (("<p>Serves 2 | Prep 10 min</p>", 2), ("<p>Yield:</p><p>6</p>", 6)):
        body = f"{shown}<h2>Ingredients</h2><ul>{lines}</ul>"
        (recipe,) = read_text(
            _page(NODE, body), "html", "p.html", options=ReadOptions(generic=True)
        )
        assert recipe.yield_.servings == servings
    body = f"<p>2658 people saved this</p><ul>{lines}</ul>"
    (recipe,) = read_text(_page(NODE, body), "html", "p.html", options=ReadOptions(generic=True))
    assert recipe.yield_.servings is None


def test_a_line_that_only_runs_earlier_lines_together_is_no_line() -> None:
    from ladle.formats.html.sites import _kept

    lines = ["1 cup flour", "1 egg", "2 tbsp syrup", "1 cup flour 1 egg", "1 egg"]
    assert _kept(lines) == [0, 1, 2, 4]  # a repeated line stays; a wrapper's text goes
