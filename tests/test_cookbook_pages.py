"""`ladle scale`, `ladle convert` and `ladle shop` of three real recipe pages, reviewed by eye.

The pages stay in ../shared/data/recipe-pages (their text is the sites'; none of it is copied
here): each test reads its page at test time and compares ladle's result with
``tests/cases/pages/<page>.json``, which holds only what was reviewed and is fact, not
prose: the scaled and converted amounts, units and short ingredient names, the notes ladle
wrote about them, the words conversion changed inside the steps (old → new: amounts,
temperatures, pans, names), and the lines of the shopping list. No instruction or
description of a page is stored. Without the shared data the tests skip and say why.

Regenerate with ``uv run --no-sync python -m tests.test_cookbook_pages`` after a deliberate
change, and read the diff before committing it.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from ladle.conversion import convert_recipe
from ladle.formats import read
from ladle.model import Recipe
from ladle.rounding import System
from ladle.scaling import ScaleRequest, scale
from ladle.shopping import shopping_list

from .conftest import CASES, shared

PAGES = CASES / "pages"
#: page → (scaling factor, the other system to convert to)
CHOSEN: dict[str, tuple[float, System]] = {
    "girlversusdough.com__girlversusdough_2": (0.8, "metric"),  # a pumpkin pie
    "realsimple.com__realsimple": (0.5, "metric"),  # a can of beans, kosher salt, eggs
    "bbc.com__bbcfood_2": (0.8, "us"),  # metric, British names, fan and gas mark
}


def _recipe(page: str) -> Recipe:
    return read(shared(f"data/recipe-pages/{page}.html"))[0]


def _amounts(recipe: Recipe) -> list[list[object]]:
    return [[i.quantity, i.quantity_max, i.unit, i.name] for i in recipe.ingredients]


def _changes(before: str, after: str) -> list[list[str]]:
    """The words that changed, old → new: amounts, temperatures, pans and names only."""
    old, new = re.findall(r"\S+", before), re.findall(r"\S+", after)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return [
        [" ".join(old[i1:i2]), " ".join(new[j1:j2])]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def reviewed(page: str) -> dict[str, object]:
    """What ladle makes of one page, in the form kept for review."""
    factor, system = CHOSEN[page]
    recipe = _recipe(page)
    scaled = scale(recipe, ScaleRequest(factor=factor))
    converted = convert_recipe(recipe, system)
    return {
        "scale": {
            "factor": factor,
            "ingredients": _amounts(scaled),
            "notes": [n for n in scaled.notes if not n.startswith("Step ")],
            "steps": [
                _changes(a.text, b.text) for a, b in zip(recipe.steps, scaled.steps, strict=True)
            ],
        },
        "convert": {
            "units": system,
            "ingredients": _amounts(converted),
            "steps": [
                _changes(a.text, b.text) for a, b in zip(recipe.steps, converted.steps, strict=True)
            ],
        },
    }


def shop() -> list[list[str]]:
    recipes = [_recipe(page) for page in CHOSEN]
    found = shopping_list(recipes)

    def note(text: str | None) -> str:  # the recipes by page, not by their titles
        for page, recipe in zip(CHOSEN, recipes, strict=True):
            text = (text or "").replace(recipe.title, page)
        return text or ""

    return [[item.aisle, item.text, note(item.note)] for item in found.items]


def _expected(name: str) -> object:
    path = PAGES / f"{name}.json"
    assert path.exists(), f"{path.name} is missing: run python -m tests.test_cookbook_pages"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", sorted(CHOSEN))
def test_scale_and_convert_a_real_page(page: str) -> None:
    assert reviewed(page) == _expected(page)


def test_shop_for_the_three_pages() -> None:
    assert shop() == _expected("shop")


@pytest.mark.parametrize("page", sorted(CHOSEN))
def test_the_kept_expectations_hold_no_page_text(page: str) -> None:
    """No phrase of six words or more of the page is kept: only amounts, units, short names
    and ladle's own notes."""
    html = shared(f"data/recipe-pages/{page}.html").read_text(encoding="utf-8", errors="replace")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).lower().split())
    kept = [_expected(page), _expected("shop")]
    for value in _strings(kept):
        words = value.lower().split()
        for start in range(len(words) - 5):
            phrase = " ".join(words[start : start + 6])
            assert phrase not in text, f"{phrase!r} of {page} is kept in tests/cases/pages"


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def _write(name: str, value: object) -> None:
    PAGES.mkdir(exist_ok=True)
    text = json.dumps(value, ensure_ascii=False, indent=1) + "\n"
    Path(PAGES / f"{name}.json").write_text(text, encoding="utf-8")
    print(f"wrote {PAGES / name}.json")


if __name__ == "__main__":
    for chosen in CHOSEN:
        _write(chosen, reviewed(chosen))
    _write("shop", shop())
