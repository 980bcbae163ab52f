"""bench/third_pages.py: a page of the third source is read as any page is, kept only with
steps, and a recipe already drawn (by its first step) is not taken twice."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import third_pages

_PAGE = """<html><head>
<link rel="canonical" href="https://example.org/recipes/tomato-soup">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Recipe",
"name": "Tomato soup", "recipeIngredient": ["4 tomatoes", "1 onion"],
"recipeInstructions": [{"@type": "HowToStep", "text": "Chop the onion."},
{"@type": "HowToStep", "text": "Simmer with the tomatoes for 20 minutes."}]}</script>
</head><body></body></html>"""


def test_a_page_is_read_with_its_steps_ingredients_and_address() -> None:
    page = third_pages._read(_PAGE)
    assert page is not None
    assert page["title"] == "Tomato soup"
    assert page["canonical_url"] == "https://example.org/recipes/tomato-soup"
    assert page["ingredients"] == ["4 tomatoes", "1 onion"]
    assert page["instructions_list"] == [
        "Chop the onion.",
        "Simmer with the tomatoes for 20 minutes.",
    ]


def test_a_page_without_steps_is_passed_over() -> None:
    no_steps = _PAGE.replace('"recipeInstructions"', '"recipeNotes"')
    assert third_pages._read(no_steps) is None
    assert third_pages._read("<html><body>No recipe here.</body></html>") is None


def test_the_recipes_already_drawn_are_known_by_their_first_step(tmp_path: Path) -> None:
    drawn = {"instructions_list": ["  Chop   the onion. ", "Simmer."]}
    (tmp_path / "site__page.json").write_text(json.dumps(drawn), "utf-8")
    # the source's own pages, written by an earlier run, are not "already drawn"
    own = {"instructions_list": ["Whisk the eggs."]}
    (tmp_path / "tandoor-page.json").write_text(json.dumps(own), "utf-8")
    assert third_pages._first_steps([tmp_path]) == {"chop the onion."}
