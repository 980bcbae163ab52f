"""Recipe text is text: never Rich markup, never terminal control, from any reader."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from ladle.checker import check as check_recipe
from ladle.console import findings_panel, ingredient_table, recipe_card
from ladle.formats import read_text
from ladle.model import Recipe

PLAIN = """Pad Thai [/vegan]

Ingredients
1 tsp salt [optional]
2 cups [bold]rice noodles[/bold]

Instructions
1. Soak the noodles [red]for 10 minutes[/red].
"""


def _shown(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=200, force_terminal=True, color_system="truecolor").print(renderable)
    return out.getvalue()


def _recipe(text: str = PLAIN) -> Recipe:
    return read_text(text, "text")[0]


def test_brackets_in_ingredients_are_shown() -> None:
    shown = _shown(ingredient_table(_recipe().ingredients, show_text=True))
    assert "[optional]" in shown
    assert "[bold]" in shown


def test_a_title_with_a_closing_tag_does_not_crash() -> None:
    recipe = _recipe()
    shown = _shown(recipe_card(recipe))
    assert "[/vegan]" in shown
    assert "[red]for 10 minutes[/red]" in shown
    assert "[/vegan]" in _shown(findings_panel(recipe.title, check_recipe(recipe)))
    assert "[/vegan]" in _shown(findings_panel(recipe.title, []))


ESCAPES = "\u001b]0;pwned\u0007\u001b[2J\u009b31m"


@pytest.mark.parametrize("fmt", ["jsonld", "text", "cooklang", "html"])
def test_readers_strip_control_characters(fmt: str) -> None:
    name = f"Soup{ESCAPES}"
    line = f"1 cup water{ESCAPES}"
    step = f"Boil the water{ESCAPES} for 5 minutes.\tStir."
    if fmt == "jsonld":
        source = json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "Recipe",
                "name": name,
                "recipeIngredient": [line, "1 tsp salt"],
                "recipeInstructions": [step],
            }
        )
    elif fmt == "html":
        source = (
            f"<html><head><title>{name}</title></head><body><h1>{name}</h1>"
            f"<h2>Ingredients</h2><ul><li>{line}</li><li>1 tsp salt</li></ul>"
            f"<h2>Instructions</h2><ol><li>{step}</li></ol></body></html>"
        )
    elif fmt == "cooklang":
        source = f">> title: {name}\n\nBoil @water{{1%cup}}{ESCAPES} for ~{{5%minutes}}.\n"
    else:
        source = f"{name}\n\nIngredients\n{line}\n1 tsp salt\n\nInstructions\n1. {step}\n"
    recipe = read_text(source, fmt)[0]
    dumped = json.dumps(recipe.to_json(), ensure_ascii=False)
    for control in ("\u001b", "\u0007", "\u009b"):
        assert control not in dumped
    assert "\u001b" not in _shown(recipe_card(recipe)).replace("\u001b[", "")  # only styles
    assert "pwned" not in recipe.title or "\u001b" not in recipe.title


def test_newlines_and_tabs_stay() -> None:
    from ladle.text import without_controls

    assert without_controls("a\tb\nc\u001bd\re") == "a\tb\ncd e"
