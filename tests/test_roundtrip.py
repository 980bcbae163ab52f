"""Round trips through other formats keep what a cook relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from ladle.examples import example_text
from ladle.formats import jsonld, read, read_text
from ladle.model import Recipe

from .conftest import CASES

GOLDEN = sorted(p for p in (CASES / "text").glob("*.txt") if "no-recipe" not in p.name)


def _sources() -> list[tuple[str, Recipe]]:
    example = read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]
    out = [("example", example)]
    for path in GOLDEN:
        out.extend((f"{path.stem}#{i}", r) for i, r in enumerate(read(path)))
    return out


def essentials(recipe: Recipe) -> tuple[object, ...]:
    return (
        recipe.title,
        [(i.quantity, i.quantity_max, i.unit, i.name) for i in recipe.ingredients],
        [s.text for s in recipe.steps],
    )


@pytest.mark.parametrize(
    ("name", "recipe"), _sources(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_json_ld_round_trip(name: str, recipe: Recipe, tmp_path: Path) -> None:
    (again,) = read_text(jsonld.write(recipe), "jsonld", f"{name}.jsonld")
    assert essentials(again) == essentials(recipe)
    assert [s.section for s in again.steps] == [s.section for s in recipe.steps]
    assert again.times.to_json() == recipe.times.to_json()
    assert again.notes == recipe.notes
    assert [i.group for i in again.ingredients] == [i.group for i in recipe.ingredients]


def test_json_ld_keeps_fixed_amounts_metadata_and_units_in_other_languages() -> None:
    text = """Vinaigrette

Ingrédients
- 2 c. à soupe d'huile d'olive
- 1 c. à café de moutarde
- 1 pincée de sel

Préparation
1. Fouettez la moutarde et l'huile.
"""
    (recipe,) = read_text(text, "text", "vinaigrette.txt")
    assert [i.unit for i in recipe.ingredients] == ["tablespoon", "teaspoon", "pinch"]
    recipe.ingredients[2].fixed = True
    recipe.metadata = {"cuisine": "French", "course": "Sauce", "author": "A. Cook"}
    (again,) = read_text(jsonld.write(recipe), "jsonld", "vinaigrette.jsonld")
    assert [(i.text, i.unit, i.fixed) for i in again.ingredients] == [
        (i.text, i.unit, i.fixed) for i in recipe.ingredients
    ]
    assert again.metadata == recipe.metadata
