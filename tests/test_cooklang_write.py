"""Writing Cooklang: each amount in a form that reads back, metadata written back, names found.

The round trips of real files and of the hand-written cases are in ``test_cooklang_corpus.py``;
the parser, the reader and the properties in ``test_cooklang.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from ladle.formats import read_text
from ladle.formats.cooklang import write
from ladle.model import Ingredient, Recipe, Step


def read(text: str, location: str) -> list[Recipe]:
    """A Cooklang text read through the pipeline (drafts, then understanding)."""
    return read_text(text, "cooklang", location)


def _read(text: str, location: str = "recipe.cook") -> Recipe:
    [recipe] = read(text, location)
    return recipe


def _round_trip(recipe: Recipe) -> Recipe:
    return _read(write(recipe), "round-trip.cook")


def _recipe(steps: list[Step], ingredients: list[Ingredient], **fields: Any) -> Recipe:
    return Recipe(title="Test", ingredients=ingredients, steps=steps, **fields)


@pytest.mark.parametrize(
    ("ingredient", "written"),
    [
        (Ingredient(text="pinch of salt", name="salt", unit="pinch"), "@salt{pinch}"),
        (Ingredient(text="salt", name="salt", unit="pinch", fixed=True), "@salt{=pinch}"),
        (Ingredient(text="a bowl of salt", name="salt", unit="bowl"), "@salt{some%bowl}"),
        (
            Ingredient(text="2 cloves salt", name="salt", quantity=2, unit="clove"),
            "@salt{2%cloves}",
        ),
        (Ingredient(text="salt to taste", name="salt", to_taste=True), "@salt{to taste}"),
        (
            Ingredient(text="few sprigs salt", name="salt", unit="sprig", comment="few"),
            "@salt{few%sprigs}",
        ),
        (
            Ingredient(text="1 large salt", name="salt", quantity=1, comment="large"),
            "@salt{1 large}",
        ),
        (Ingredient(text="10% salt", name="salt", comment="10%"), "@salt{10\\%}"),
        (
            Ingredient(
                text="2 salt, at room temperature", name="salt", quantity=2, comment="at room"
            ),
            "@salt{2}",  # a comment after the name is no part of the amount
        ),
        (Ingredient(text="⅓ cup salt", name="salt", quantity=1 / 3, unit="cup"), "@salt{1/3%cup}"),
    ],
)
def test_the_writer_writes_each_amount_in_a_form_that_reads_back(
    ingredient: Ingredient, written: str
) -> None:
    recipe = _recipe([Step(text="Add the salt.", uses=[0])], [ingredient])
    text = write(recipe)
    assert f"Add the {written}." in text
    [back] = _round_trip(recipe).ingredients
    assert (back.quantity, back.unit, back.fixed, back.to_taste) == (
        ingredient.quantity,
        ingredient.unit,
        ingredient.fixed,
        ingredient.to_taste,
    )


def test_metadata_ladle_does_not_model_is_kept_and_written_back() -> None:
    recipe = _read(
        "---\ncourse: dinner\nauthor: [A, B]\nverified: true\ncalories: 380\n"
        "nutrition:\n  protein: 18 g\nsource:\n  name: Notebook\n  url: https://example.org/x\n"
        "servings: a few\nyield: 2 loaves\n---\n>> mood: cosy\nBake."
    )
    assert recipe.metadata == {
        "course": "dinner",
        "author": "A, B",
        "verified": "true",
        "calories": "380",
        "nutrition.protein": "18 g",
        "source.name": "Notebook",
        "servings": "a few",
        "mood": "cosy",
    }
    assert (recipe.source.url, recipe.yield_.amount, recipe.yield_.unit) == (
        "https://example.org/x",
        2,
        "loaf",
    )
    text = write(recipe)
    assert "calories: 380\n" in text and "verified: true\n" in text
    assert "source:\n  name: Notebook\n  url: https://example.org/x\n" in text
    back = _round_trip(recipe)
    assert (back.metadata, back.source.url, back.yield_) == (
        recipe.metadata,
        recipe.source.url,
        recipe.yield_,
    )


def test_metadata_with_dotted_names_in_the_way_stays_flat() -> None:
    metadata = {"a": "1", "a.b": "2", "total carb.": "30 g", "x.y.z": "deep"}
    recipe = _recipe([Step(text="Bake.")], [], metadata=metadata)
    assert "x:\n  y:\n    z: deep\n" in write(recipe)
    assert _round_trip(recipe).metadata == metadata


def test_a_source_with_more_than_its_url_is_kept_whole() -> None:
    recipe = _read("---\nsource: Mum's book <https://example.org/pie>\n---\nBake.")
    assert recipe.source.url == "https://example.org/pie"
    assert recipe.metadata == {"source": "Mum's book <https://example.org/pie>"}
    back = _round_trip(recipe)
    assert (back.source.url, back.metadata) == (recipe.source.url, recipe.metadata)


def test_timers_in_other_languages_and_names_inside_words() -> None:
    recipe = _read("Lad @Gær{50%g}en hvile i ~{15%minutter} i #pande{}n.")
    [step] = recipe.steps
    assert step.text == "Lad Gæren hvile i 15 minutter i panden."
    assert [(d.min_minutes, d.text) for d in step.durations] == [(15, "15 minutter")]
    text = write(recipe)
    # The cookware as the source marked it, inside the word: "#pande{}n".
    assert "Lad @Gær{50%g}en hvile i ~{15%minutter} i #pande{}n." in text
    del recipe.steps[0].cookware[:]  # known as ladle's Danish "panden" (a frying pan)
    assert "Lad @Gær{50%g}en hvile i ~{15%minutter} i #panden{}." in write(recipe)
    [back] = _round_trip(recipe).steps
    assert (back.text, back.uses, back.equipment) == (step.text, step.uses, step.equipment)


@pytest.mark.parametrize("text", ["salt@0@salt", "0@tags:@0", "#¢#salt"])
def test_marks_inside_words_keep_the_steps_order(text: str) -> None:
    """Found by the property test: names inside words are marked in the order of the uses."""
    [step] = _read(text).steps
    [back] = _round_trip(_read(text)).steps
    assert (back.uses, back.equipment) == (step.uses, step.equipment)


def test_timer_names_and_cookware_counts_come_back() -> None:
    recipe = _read("Boil the @eggs{3} in a #large pot{2} for ~eggs{3%minutes}.")
    [step] = recipe.steps
    assert [d.name for d in step.durations] == ["eggs"]
    assert [(c.name, c.quantity) for c in step.cookware] == [("large pot", "2")]
    text = write(recipe)
    assert "#large pot{2}" in text and "~eggs{3%minutes}" in text
    [back] = _round_trip(recipe).steps
    assert back.to_json() == step.to_json()
