"""Recipe web pages: schema.org normalisation, microdata, broken JSON-LD, text fallback."""

from __future__ import annotations

import json

import pytest

from ladle.draft import DraftStep
from ladle.durations import minutes_of
from ladle.errors import FormatError, NoRecipeFound
from ladle.formats import ReadOptions, read_text
from ladle.formats.html.repairs import leading_steps
from ladle.formats.schemaorg import clean_text, instruction_items, yield_texts
from ladle.model import Recipe, Yield
from ladle.yields import yield_of as yield_of_texts


def read(text: str, location: str, options: ReadOptions | None = None) -> list[Recipe]:
    return read_text(text, "html", location, options=options)


def yield_of(value: object) -> Yield:
    return yield_of_texts(yield_texts(value))


def page(*scripts: str, body: str = "") -> str:
    tags = "".join(f'<script type="application/ld+json">{s}</script>' for s in scripts)
    return f"<!doctype html><html><head><title>t</title>{tags}</head><body>{body}</body></html>"


def recipe_json(**fields: object) -> str:
    base: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Recipe",
        "name": "Garlic Butter",
        "recipeIngredient": ["4 tbsp butter", "3 cloves garlic, minced"],
        "recipeInstructions": [{"@type": "HowToStep", "text": "Melt the butter."}],
    }
    base.update(fields)
    return json.dumps(base)


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("PT90M", 90),
        ("PT0H30M", 30),
        ("P0DT1H", 60),
        ("P1D", 1440),
        ("PT1H30M", 90),
        ("pt20m", 20),
        ("PT1.5H", 90),
        ("P0Y0M0DT0H45M0.000S", 45),
        ("PT30S", 0.5),
        (25, 25),
        ("25", 25),
        ("20 minutes", 20),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_iso_8601_durations_of_every_shape(value: object, minutes: float | None) -> None:
    assert minutes_of(value) == minutes


@pytest.mark.parametrize(
    ("value", "servings", "amount", "unit"),
    [
        ("4", 4, None, None),
        (4, 4, None, None),
        ("4 servings", 4, None, None),
        (["4", "4 servings"], 4, None, None),
        ("Serves 6", 6, None, None),
        ("24 cookies", None, 24, "cookie"),
        ("Makes 2 quarts", None, 2, "quart"),
        (None, None, None, None),
    ],
)
def test_yields(
    value: object, servings: float | None, amount: float | None, unit: str | None
) -> None:
    got = yield_of(value)
    assert (got.servings, got.amount, got.unit) == (servings, amount, unit)


def test_text_escaped_more_than_once_and_odd_spaces() -> None:
    assert clean_text("Salt &amp;amp;amp; pepper") == "Salt & pepper"
    assert clean_text("1\u00a0cup  flour\u200b ") == "1 cup flour"
    assert clean_text("<b>Salt</b>, <a href='x'>to taste</a>") == "Salt, to taste"
    assert clean_text("2 apples ((peeled))") == "2 apples (peeled)"


def test_instructions_in_every_shape() -> None:
    assert instruction_items("Mix.\nBake.\n\n Serve.") == [
        ("Mix.", None),
        ("Bake.", None),
        ("Serve.", None),
    ]
    nested = [
        {
            "@type": "HowToSection",
            "name": "Dough",
            "itemListElement": [
                {"@type": "HowToStep", "name": "Step 1", "text": "Mix the flour."},
                {"@type": "HowToStep", "name": "Rest", "text": "Knead for 10 minutes."},
            ],
        },
        {
            "@type": "HowToSection",
            "name": "Bake",
            "itemListElement": {"@type": "HowToStep", "text": "Bake at 200°C."},
        },
        ["Cool.", "Serve."],
    ]
    assert instruction_items(nested) == [
        ("Mix the flour.", "Dough"),
        ("Rest", "Dough"),
        ("Knead for 10 minutes.", "Dough"),
        ("Bake at 200°C.", "Bake"),
        ("Cool.", None),
        ("Serve.", None),
    ]
    repeated = [{"@type": "HowToStep", "name": "Preheat the oven", "text": "Preheat the oven."}]
    assert instruction_items(repeated) == [("Preheat the oven.", None)]
    numbered = [{"@type": "HowToStep", "name": 1, "text": "Mix."}]
    assert instruction_items(numbered) == [("Mix.", None)]
    kinds = [
        {"@type": "HowToStep", "name": "Add an ingredient", "text": "Put in the flour."},
        {"@type": "HowToStep", "name": "Add an ingredient", "text": "Put in the butter."},
        {"@type": "HowToStep", "name": "Knead", "text": "Work it to a dough."},
    ]
    assert [t for t, _ in instruction_items(kinds)] == [
        "Put in the flour.",
        "Put in the butter.",
        "Knead",
        "Work it to a dough.",
    ]
    labelled = [{"@type": "HowToStep", "name": "rhubarb-tart_c step 1", "text": "Soak."}]
    assert instruction_items(labelled) == [("Soak.", None)]
    joined = "<p>Preheat the oven.</p>\n, <p>Whisk the flour.</p>\n, <p>Bake.</p>"
    assert [t for t, _ in instruction_items(joined)] == [
        "Preheat the oven.",
        "Whisk the flour.",
        "Bake.",
    ]


def test_graph_type_lists_and_several_recipes() -> None:
    graph = json.dumps(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "name": "A page"},
                {
                    "@type": ["Recipe", "NewsArticle"],
                    "name": "Small",
                    "recipeIngredient": ["1 egg"],
                    "recipeInstructions": "Boil.",
                },
                {
                    "@type": "recipe",
                    "name": "t",
                    "recipeIngredient": ["1 egg", "1 cup milk", "salt"],
                    "recipeInstructions": "Whisk.\nCook.",
                },
            ],
        }
    )
    recipes = read(page(graph), "p.html")
    assert [r.title for r in recipes] == ["t", "Small"]  # named like the page's title first
    assert [len(r.ingredients) for r in recipes] == [3, 1]


def test_sections_become_step_sections_not_steps() -> None:
    doc = recipe_json(
        recipeInstructions=[
            {
                "@type": "HowToSection",
                "name": "Sauce",
                "itemListElement": [{"@type": "HowToStep", "text": "Melt the butter."}],
            }
        ]
    )
    (recipe,) = read(page(doc), "p.html")
    assert [(s.text, s.section) for s in recipe.steps] == [("Melt the butter.", "Sauce")]


def test_ingredients_and_steps_are_understood() -> None:
    doc = recipe_json(prepTime="PT10M", cookTime="PT0H20M", recipeYield=["4", "4 servings"])
    (recipe,) = read(page(doc), "p.html")
    assert (recipe.ingredients[1].quantity, recipe.ingredients[1].unit) == (3, "clove")
    assert (recipe.times.prep_minutes, recipe.times.cook_minutes) == (10, 20)
    assert recipe.yield_.servings == 4
    assert recipe.steps[0].uses == [0]
    assert recipe.source.format == "html"


@pytest.mark.parametrize(
    "broken",
    [
        recipe_json() + ";",
        recipe_json().replace("Melt the butter.", "Melt the\tbutter.\x01"),
        recipe_json().replace('"Garlic Butter"', '"Garlic "Best" Butter"'),
        recipe_json()[:-1] + ",}",
        "<!--" + recipe_json() + "-->",
    ],
)
def test_broken_json_ld_is_still_read(broken: str) -> None:
    (recipe,) = read(page(broken), "p.html")
    assert len(recipe.ingredients) == 2


def test_unreadable_json_ld_falls_back_to_the_text_or_a_clear_error() -> None:
    with pytest.raises(NoRecipeFound) as caught:
        read(page('{"@type": "Recipe", "name": '), "broken.html")
    assert str(caught.value).startswith("broken.html: no recipe found in the page")
    body = "<h1>Toast</h1><h2>Ingredients</h2><ul><li>2 slices bread</li><li>1 tbsp butter</li>"
    body += "</ul><h2>Method</h2><ol><li>Toast the bread.</li><li>Spread the butter.</li></ol>"
    (recipe,) = read(page('{"@type": ', body=body), "toast.html")
    assert recipe.title == "Toast"
    assert [i.name for i in recipe.ingredients] == ["bread", "butter"]
    assert len(recipe.steps) == 2


def test_microdata() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/Recipe">
      <h1 itemprop="name">Pancakes</h1>
      <meta itemprop="prepTime" content="PT5M">
      <ul><li itemprop="recipeIngredient">1 cup <b>flour</b></li>
          <li itemprop="recipeIngredient">1 egg</li></ul>
      <div itemprop="recipeInstructions"><h3>Batter</h3><ol><li>Whisk
        everything.</li><li>Rest 10 minutes.</li></ol></div>
    </div>"""
    (recipe,) = read(page(body=body), "p.html")
    assert recipe.title == "Pancakes"
    assert [i.text for i in recipe.ingredients] == ["1 cup flour", "1 egg"]
    assert [(s.text, s.section) for s in recipe.steps] == [
        ("Whisk everything.", "Batter"),
        ("Rest 10 minutes.", "Batter"),
    ]
    assert recipe.times.prep_minutes == 5


def test_a_list_written_as_one_json_string_or_one_line_is_itemised() -> None:
    steps = json.dumps(
        [{"@type": "HowToStep", "text": "Whisk."}, {"@type": "HowToStep", "text": "Fry."}]
    )
    body = f"""
    <div itemscope itemtype="https://schema.org/Recipe">
      <h1 itemprop="name">Pancakes</h1>
      <meta itemprop="recipeIngredient" content="250ml milk, 1 egg, 120g flour (plain, sifted)">
      <meta itemprop="recipeInstructions" content='{steps}'>
    </div>"""
    (recipe,) = read(page(body=body), "p.html")
    assert [i.text for i in recipe.ingredients] == [
        "250ml milk",
        "1 egg",
        "120g flour (plain, sifted)",
    ]
    assert [s.text for s in recipe.steps] == ["Whisk.", "Fry."]
    dashed = {
        "@type": "Recipe",
        "name": "Soup",
        "recipeIngredient": "300 g cheese - ½ L stock - 1 kg onions - Salt and pepper",
    }
    (soup,) = read(page(json.dumps(dashed)), "p.html")
    assert [i.text for i in soup.ingredients] == [
        "300 g cheese",
        "½ L stock",
        "1 kg onions",
        "Salt and pepper",
    ]


def test_json_in_an_attribute_with_its_quotes_unescaped_is_read_from_the_source() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/Recipe">
      <h1 itemprop="name">Cupcakes</h1>
      <meta itemprop="recipeIngredient" content="100g sugar">
      <meta itemprop="recipeInstructions" content="[{"@type":"HowToStep","text":"Whisk."},
        {"@type":"HowToStep","text":"Bake at 180C &amp; cool."}]">
    </div>"""
    (recipe,) = read(page(body=body), "p.html")
    assert [s.text for s in recipe.steps] == ["Whisk.", "Bake at 180C & cool."]


@pytest.mark.parametrize(
    "line", ["Salt, pepper, olive oil", "2 cups flour, sifted", "1 - 2 tbsp oil, to taste, warm"]
)
def test_one_ingredient_line_that_is_no_list_stays_whole(line: str) -> None:
    node = {"@type": "Recipe", "name": "X", "recipeIngredient": [line]}
    (recipe,) = read(page(json.dumps(node)), "p.html")
    assert [i.text for i in recipe.ingredients] == [line]


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        ("Mango Guacamole - Rick Bayless", "https://www.rickbayless.com/x", "Mango Guacamole"),
        ("Spicy Beans | Bodybuilding.com", "https://bodybuilding.com/", "Spicy Beans"),
        ("Krumpli - Mindmegette.hu - Receptek", "https://mindmegette.hu/", "Krumpli"),
        ("Fish - Chips", "https://example.com/", "Fish - Chips"),
        ("Tofoo | Sticky Tofoo", "https://tofoo.co.uk/", "Tofoo | Sticky Tofoo"),
        ("Soup – Donna Hay", None, "Soup – Donna Hay"),
        ("Bœuf braisé - Véronique Cloutier", "https://veroniquecloutier.com/", "Bœuf braisé"),
        ("WINGS │ AMAZING ORIENTAL │RECIPES", "https://amazingoriental.com/", "WINGS"),
        ("Lemon Tartlets Recipe - (4.8/5)", "https://gourmandize.com/", "Lemon Tartlets Recipe"),
        ("Lemon Tartlets (4/5)", None, "Lemon Tartlets"),
    ],
)
def test_the_sites_name_leaves_the_title(title: str, url: str | None, expected: str) -> None:
    node = {"@type": "Recipe", "name": title, "recipeIngredient": ["1 egg"]}
    (recipe,) = read(page(json.dumps(node)), "p.html", ReadOptions(url=url))
    assert recipe.title == expected


def test_ingredient_lines_the_page_shows_as_headings_name_groups() -> None:
    node = {
        "@type": "Recipe",
        "name": "Curry",
        "recipeIngredient": ["Meatballs", "400 g lamb mince", "1 egg", "Sauce", "1 onion", "Salt"],
    }
    body = "<p><strong>Meatballs</strong><br>400 g lamb mince</p><h4>Sauce:</h4><b>Salt</b>"
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert [(i.group, i.text) for i in recipe.ingredients] == [
        ("Meatballs", "400 g lamb mince"),
        ("Meatballs", "1 egg"),
        ("Sauce", "1 onion"),
        ("Sauce", "Salt"),  # the last line names nothing below it: an ingredient
    ]
    (plain_list,) = read(page(json.dumps(node)), "p.html")  # no headings on the page
    assert plain_list.ingredients[0].text == "Meatballs"
    nested = {**node, "recipeIngredient": ["Sourdough", "Starter", "50 g flour", "Dough", "1 egg"]}
    body = "<h3>Sourdough</h3><h4>Starter</h4><h4>Dough</h4>"
    (kept,) = read(page(json.dumps(nested), body=body), "p.html")
    assert [i.text for i in kept.ingredients] == nested["recipeIngredient"]


def test_microdata_ingredients_as_lines_with_bold_group_names() -> None:
    body = """
    <div itemscope itemtype="https://schema.org/Recipe">
      <h1 itemprop="name">Curry</h1>
      <div itemprop="recipeIngredient"><p><strong>Meatballs&nbsp;</strong><br> 400 g mince<br>
        1 egg<br><strong>Sauce</strong><br>1 onion<br><b>2</b> tomatoes</p></div>
      <p itemprop="recipeInstructions">Roll the meatballs.</p>
    </div>"""
    (recipe,) = read(page(body=body), "p.html")
    assert [(i.group, i.text) for i in recipe.ingredients] == [
        ("Meatballs", "400 g mince"),
        ("Meatballs", "1 egg"),
        ("Sauce", "1 onion"),
        ("Sauce", "2 tomatoes"),
    ]


def test_lists_the_json_ld_lacks_come_from_the_pages_text() -> None:
    node = {"@type": "Recipe", "name": "Dal", "recipeIngredient": [], "recipeInstructions": ""}
    body = """<div class="field-item"><p>A warming dal.</p><h3>Ingredients</h3>
    <ul><li>150g dried lentils</li><li>1 onion, chopped</li><li>500ml water</li></ul>
    <h3>Method</h3><ol><li>Rinse the lentils in water.</li>
    <li>Simmer everything for 25 minutes.</li></ol></div>"""
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert [i.text for i in recipe.ingredients] == [
        "150g dried lentils",
        "1 onion, chopped",
        "500ml water",
    ]
    assert [s.text for s in recipe.steps] == [
        "Rinse the lentils in water.",
        "Simmer everything for 25 minutes.",
    ]
    assert recipe.steps[1].durations and recipe.steps[0].uses == [0, 2]


def test_one_line_where_the_pages_card_lists_several_gives_way_to_the_card() -> None:
    node = {
        "@type": "Recipe",
        "name": "Chicken",
        "recipeIngredient": ["¼ cup lemon juice ½ cup olive oil salt"],
        "recipeInstructions": "Whisk the juice and oil. Pound the chicken. Grill it.",
    }
    body = """<div class="ingredients"><ul><li>6 chicken breasts</li><li>¼ cup lemon juice</li>
    <li>½ cup olive oil</li></ul></div><div class="instructions"><ol>
    <li>Whisk the juice and oil.</li><li>Pound the chicken thin.</li><li>Grill it.</li>
    </ol></div>"""
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert recipe.ingredients[0].text == "6 chicken breasts"
    assert len(recipe.ingredients) == 3 and len(recipe.steps) == 3


def test_a_list_run_together_into_one_string_is_split_as_the_page_shows_it() -> None:
    node = {
        "@type": "Recipe",
        "name": "Sliders",
        "recipeIngredient": [
            "Onions: 2 large sweet onions, sliced 4 tablespoons butter"
            " Sliders: 12 slices roast beef"
        ],
        "recipeInstructions": "Melt the butter in a skillet. Add the onions and cook them slowly."
        " Pile the beef on the rolls.",
    }
    body = """<div class="box"><p><b>Onions:</b></p><p>2 large sweet onions, sliced</p>
    <p>4 tablespoons butter</p><p><b>Sliders:</b></p><p>12 slices roast beef</p></div>
    <div><p>Melt the butter in a skillet.</p><p>Add the onions and cook them slowly.</p>
    <p>Pile the beef on the rolls.</p></div>"""
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert [(i.group, i.text) for i in recipe.ingredients] == [
        ("Onions", "2 large sweet onions, sliced"),
        ("Onions", "4 tablespoons butter"),
        ("Sliders", "12 slices roast beef"),
    ]
    assert len(recipe.steps) == 3


def test_a_yield_at_the_end_of_the_method_is_no_instruction() -> None:
    steps = ["Simmer for 20 minutes.", "Freeze for up to 3 months. Serves 4"]
    (recipe,) = read(page(recipe_json(recipeInstructions=steps)), "p.html")
    assert [s.text for s in recipe.steps] == [
        "Simmer for 20 minutes.",
        "Freeze for up to 3 months.",
    ]
    assert recipe.yield_.servings == 4
    (given,) = read(page(recipe_json(recipeInstructions=steps, recipeYield="6")), "p.html")
    assert given.yield_.servings == 6
    whole = ["Mix.", "Serves 4 as a side"]  # a step of its own stays
    (kept,) = read(page(recipe_json(recipeInstructions=whole)), "p.html")
    assert [s.text for s in kept.steps] == whole


def test_the_cards_step_numbers_leave_its_steps_and_another_list_is_no_method() -> None:
    node = {
        "@type": "Recipe",
        "name": "Patties",
        "recipeIngredient": ["500 g chickpeas", "1 onion"],
        "recipeInstructions": "Rinse the chickpeas. Chop the onion. Fry the patties.",
    }
    body = """<ol class="preparation-steps"><li><span>1</span> Rinse the chickpeas.</li>
    <li><span>2</span> Chop the onion.</li><li><span>3</span> Fry the patties.</li></ol>"""
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert [s.text for s in recipe.steps] == [
        "Rinse the chickpeas.",
        "Chop the onion.",
        "Fry the patties.",
    ]
    unrelated = """<ul class="recipe-steps"><li>1 packet active dry yeast, or 2 teaspoons</li>
    <li>3 cups bread flour, sifted twice</li><li>2 tablespoons olive oil, extra virgin</li></ul>"""
    (kept,) = read(page(json.dumps(node), body=unrelated), "p.html")
    assert [s.text for s in kept.steps] == [node["recipeInstructions"]]


def test_lines_that_lost_their_amounts_take_them_from_the_pages_card() -> None:
    node = {
        "@type": "Recipe",
        "name": "Popcorn",
        "recipeIngredient": ["popping corn", "2 tbsp oil", "Kikkoman Soy Sauce"],
        "recipeInstructions": "Pop the corn.",
    }
    body = """<ul class="ingredients"><li>▢ <span>½ cup</span> popping corn</li>
    <li><b>2 tbsp</b>oil</li><li><b>1 tbsp</b>Kikkoman Soy Sauce</li>
    <li>Heat the oil in a large pan.</li></ul>"""
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert [i.text for i in recipe.ingredients] == [
        "½ cup popping corn",
        "2 tbsp oil",
        "1 tbsp Kikkoman Soy Sauce",
    ]
    assert recipe.ingredients[0].quantity == 0.5
    other = body.replace("popping corn", "pretzels")  # not the same list: nothing taken
    (kept,) = read(page(json.dumps(node), body=other), "p.html")
    assert kept.ingredients[0].text == "popping corn"


def test_a_list_that_lost_its_amounts_keeps_its_lines_and_takes_amounts_after_names() -> None:
    node = {
        "@type": "Recipe",
        "name": "Placki",
        "recipeIngredient": ["ziemniaki", "cebula", "Przyprawa Knorr", "sól"],
        "recipeInstructions": "Zetrzyj ziemniaki.",
    }
    body = """<h4>Przyprawa Knorr</h4><ul class="ingredients"><li>ziemniaki 1 kilogram</li>
    <li>cebula 1 sztuka</li><li><b>Przyprawa Knorr</b> 1 sztuka</li><li>sól 1 szczypta</li></ul>"""
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert [(i.group, i.text) for i in recipe.ingredients] == [
        (None, "ziemniaki 1 kilogram"),
        (None, "cebula 1 sztuka"),
        (None, "Przyprawa Knorr 1 sztuka"),
        (None, "sól 1 szczypta"),
    ]
    one_group = body.replace("<li>sól 1 szczypta</li>", "")  # the card shows one group of two
    (partly,) = read(page(json.dumps(node), body=one_group), "p.html")
    assert [i.text for i in partly.ingredients][2:] == ["Przyprawa Knorr 1 sztuka", "sól"]


def test_a_card_with_a_list_for_each_group_reads_every_group() -> None:
    def group(name: str, lines: list[tuple[str, str]]) -> str:
        items = "".join(
            f'<div class="ingredient"><span class="ingredient__qty">{q}</span> '
            f'<span class="ingredient__title">{t}</span></div>'
            for q, t in lines
        )
        title = f'<div class="ingredient-list__title">{name}</div>'
        return f'<div class="ingredient-list">{title}{items}</div>'

    sauce = group("Sauce", [("20 g", "Butter"), ("20 g", "Mehl")])
    pasta = group("Pasta", [("500 g", "Nudeln")])
    body = f'<div class="ingredients-content">{sauce}{pasta}</div>'
    node = {"@type": "Recipe", "name": "Pasta", "recipeInstructions": "Kochen."}
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert [(i.group, i.text) for i in recipe.ingredients] == [
        ("Sauce", "20 g Butter"),
        ("Sauce", "20 g Mehl"),
        ("Pasta", "500 g Nudeln"),
    ]


def test_lists_the_page_hides_behind_a_unit_switch_are_left_out() -> None:
    metric = "<ul><li>250 g beef fillet</li><li>50 g butter</li><li>1 onion</li></ul>"
    imperial = metric.replace("250 g", "8.8 oz").replace("50 g", "1.8 oz")
    body = f"""<h1>Stroganoff</h1><h2>Ingredients</h2>{metric}
    <ul class="u-visuallyhidden">{imperial[4:-5]}</ul>
    <ul style="display: none">{imperial[4:-5]}</ul>
    <div class="field-label-hidden"><h2>Method</h2><ol><li>Slice the beef and fry it fast.</li>
    <li>Soften the onion in the butter.</li></ol></div>"""
    (recipe,) = read(page(body=body), "p.html")
    assert [i.text for i in recipe.ingredients] == ["250 g beef fillet", "50 g butter", "1 onion"]
    assert len(recipe.steps) == 2
    wide = '<div class="d-none d-lg-block"><h2>Method</h2>'
    (shown,) = read(
        page(body=body.replace('<div class="field-label-hidden"><h2>Method</h2>', wide)), "p.html"
    )
    assert len(shown.steps) == 2  # hidden on a phone only
    card_body = f'<div class="ingredients">{metric}<ul hidden>{imperial[4:-5]}</ul></div>'
    node = {"@type": "Recipe", "name": "Stroganoff", "recipeInstructions": "Fry."}
    (carded,) = read(page(json.dumps(node), body=card_body), "p.html")
    assert len(carded.ingredients) == 3


def test_steps_read_from_a_pages_text_stop_where_the_page_moves_on() -> None:
    node = {"@type": "Recipe", "name": "Bowl", "recipeIngredient": ["200 g rice", "200 g tofu"]}
    body = """<h3>Zutaten</h3><ul><li>200 g rice</li><li>200 g tofu</li></ul>
    <h3>Zubereitung</h3><ol><li>Schritt 01</li><li>Cook the rice in a pot.</li>
    <li>Schritt 02</li><li>Fry the tofu until crisp.</li><li>Done</li><li>Cooked with</li>
    <li>Rice cooker</li><li>99,99 €</li><li>Buy our tofu press today.</li></ol>"""
    (recipe,) = read(page(json.dumps(node), body=body), "p.html")
    assert [s.text for s in recipe.steps] == [
        "Cook the rice in a pot.",
        "Fry the tofu until crisp.",
    ]
    node["recipeIngredient"] = ["2 personer", "Sådan gør du"]  # no amounts: no list
    body = """<h3>Ingredients</h3><ul><li>personer</li><li>Sådan gør du</li></ul>
    <h3>Method</h3><ol><li>Rate this recipe now.</li><li>Choose your stars here.</li></ol>"""
    (empty,) = read(page(json.dumps({**node, "recipeIngredient": []}), body=body), "p.html")
    assert empty.ingredients == [] and empty.steps == []


def test_steps_read_from_text_end_at_three_short_lines_in_a_row() -> None:
    method = ["Fry the onion for 5 minutes.", "Step 2", "Add the lamb.", "Cool.", "Serve."]
    page_end = ["warm flatbreads", "Subscribe", "SAVE", "TAGS", "Lamb"]
    steps = [DraftStep(t) for t in method + page_end]
    wanted = [m for m in method if m != "Step 2"]
    assert [s.text for s in leading_steps(steps)] == wanted
    assert [s.text for s in leading_steps(steps[: len(method)])] == wanted


def test_list_items_holding_paragraphs_read_as_text() -> None:
    items = "".join(
        f"<li><p>{x}</p></li>" for x in ("1 chicken breast", "3 slices bacon", "1 tsp oregano")
    )
    steps = "".join(
        f"<li><p>{x}</p></li>"
        for x in ("Cut the chicken into strips.", "Fry the bacon until crisp.")
    )
    body = f"<h1>Ranch</h1><h2>INGREDIENTS</h2><ul>{items}</ul><h2>RECIPE</h2><ul>{steps}</ul>"
    (recipe,) = read(page(body=body), "p.html")
    assert [i.text for i in recipe.ingredients] == [
        "1 chicken breast",
        "3 slices bacon",
        "1 tsp oregano",
    ]
    assert len(recipe.steps) == 2


def test_a_page_read_as_text_takes_the_pages_own_title() -> None:
    body = """<nav><a>Print</a></nav><h1>Rice Pudding</h1><p>Print</p>
    <h2>Ingredients</h2><ul><li>1 l milk</li><li>200 g rice</li><li>2 tbsp sugar</li></ul>
    <h2>Method</h2><ol><li>Boil the milk with the rice for 30 minutes.</li>
    <li>Stir in the sugar and serve.</li></ol>"""
    text = page(body=body).replace("<title>t</title>", "<title>Rice Pudding | Kitchen</title>")
    (recipe,) = read(text, "p.html", ReadOptions(url="https://kitchen.example/"))
    assert recipe.title == "Rice Pudding"
    assert len(recipe.ingredients) == 3


def test_a_page_without_a_recipe_is_refused_with_one_line() -> None:
    with pytest.raises(NoRecipeFound) as caught:
        read(page(body="<p>About us.</p>"), "about.html")
    assert "no recipe found" in str(caught.value)
    with pytest.raises(FormatError):
        read("", "empty.html")


def test_detection_and_options() -> None:
    text = page(recipe_json())
    (recipe,) = read_text(text, None, "p.html", options=ReadOptions(generic=True))
    assert recipe.title == "Garlic Butter"
