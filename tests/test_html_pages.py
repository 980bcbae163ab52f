"""The 300 saved recipe pages of ../shared/data/recipe-pages, against recipe-scrapers' output.

Aggregate tests: agreement on title, ingredients and instructions (see bench/_pages.py for
how a field agrees), ingredient groups and yields at or above floors, no crash on any page, and
a clear refusal or a real recipe where a page has no schema.org recipe.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

from ladle.errors import LadleError, NoRecipeFound
from ladle.formats import ReadOptions, read_text
from ladle.formats.html.dom import document
from ladle.formats.html.microdata import microdata
from ladle.formats.html.reader import _json_ld
from ladle.model import Ingredient, Recipe, Yield

from .conftest import ROOT, shared

sys.path.insert(0, str(ROOT / "bench"))
from _pages import (
    FIELDS,
    Page,
    agreement,
    expected_yield,
    groups_agreement,
    pages,
    yield_agreement,
)


@cache
def _all() -> list[Page]:
    shared("data/recipe-pages/SOURCE.md")
    return list(pages())


@cache
def _results(generic: bool) -> list[tuple[Page, Recipe | LadleError]]:
    out: list[tuple[Page, Recipe | LadleError]] = []
    for page in _all():
        try:
            out.append(
                (
                    page,
                    read_text(
                        page.text(),
                        "html",
                        str(page.html),
                        options=ReadOptions(url=page.url, generic=generic),
                    )[0],
                )
            )
        except LadleError as error:
            out.append((page, error))
    return out


def _rates(generic: bool) -> dict[str, float]:
    counts = {f: [0, 0] for f in FIELDS}
    for page, result in _results(generic):
        recipe = result if isinstance(result, Recipe) else None
        for field, ok in agreement(recipe, page.expected).items():
            if ok is not None:
                counts[field][1] += 1
                counts[field][0] += bool(ok)
    return {f: a / b for f, (a, b) in counts.items()}


def test_there_are_300_pages() -> None:
    assert len(_all()) == 300


def test_agreement_with_site_scrapers_is_at_least_99_percent() -> None:
    rates = _rates(generic=False)
    assert min(rates.values()) >= 0.99, rates


def test_generic_reading_agrees_on_most_pages() -> None:
    """Without site scrapers (``--generic``); the goal is 95%, met for titles; for ingredients
    and instructions this is the floor reached so far (see BENCHMARKS.md for the ceiling)."""
    rates = _rates(generic=True)
    assert rates["title"] >= 0.95 and rates["ingredients"] >= 0.88, rates
    assert rates["instructions"] >= 0.86, rates


# Floors: the counts of agreeing pages when the tests were written (bench/pages.py reports
# them). Raise them as the readers improve; a reader that falls below one has regressed.
# Of the 94 pages with two or more expected groups: with site scrapers the goal (90%) is met;
# --generic reaches what the JSON-LD's own lines allow (see BENCHMARKS.md).
GROUPS_FLOOR = {False: 92, True: 73}
YIELD_FLOOR = {False: 249, True: 251}  # of the 288 pages with an expected yield


def _agreeing(
    generic: bool, score: Callable[[Recipe | None, dict[str, Any]], bool | None]
) -> tuple[int, int]:
    results = [
        score(result if isinstance(result, Recipe) else None, page.expected)
        for page, result in _results(generic)
    ]
    scored = [r for r in results if r is not None]
    return sum(scored), len(scored)


@pytest.mark.parametrize(
    ("yields", "reading"),
    [
        ("4 servings", ("servings", 4.0)),
        ("1 serving", ("servings", 1.0)),
        ("Serves: 4", ("servings", 4.0)),
        ("2 Portionen als Hauptgericht", ("servings", 2.0)),
        ("6 personas", ("servings", 6.0)),
        ("1", ("servings", 1.0)),
        (2, ("servings", 2.0)),
        ("12 items", ("amount", 12.0)),
        ("8 slices", ("amount", 8.0)),
        ("6.5 gallons", ("amount", 6.5)),
        ("1 dozen", ("amount", 12.0)),
        (None, ("none", 0.0)),
    ],
)
def test_expected_yield_reading(yields: object, reading: tuple[str, float]) -> None:
    assert expected_yield({"yields": yields}) == reading
    assert expected_yield({}) is None


def test_yield_agreement_rule() -> None:
    def recipe(**kwargs: Any) -> Recipe:
        return Recipe(title="t", yield_=Yield(**kwargs))

    assert yield_agreement(recipe(servings=4), {"yields": "4 servings"})
    assert not yield_agreement(recipe(amount=4, unit="personne"), {"yields": "4 servings"})
    assert yield_agreement(recipe(amount=4, unit="personne"), {"yields": "4 servings"}, kind=False)
    assert yield_agreement(recipe(amount=1, unit="dozen"), {"yields": "1 dozen"})
    assert yield_agreement(recipe(amount=12, unit="cookie"), {"yields": "12 cookies"})
    assert yield_agreement(recipe(), {"yields": None})
    assert not yield_agreement(recipe(servings=2), {"yields": None})
    assert yield_agreement(recipe(servings=2), {"title": "t"}) is None


def test_groups_agreement_rule() -> None:
    lines = [("For the  Dough:", "200 g flour"), ("For the  Dough:", "1 egg"), (None, "salt")]
    recipe = Recipe(title="t", ingredients=[Ingredient(text=t, group=g) for g, t in lines])
    groups: list[dict[str, Any]] = [
        {"purpose": "for the dough", "ingredients": ["200 g  flour", "1 egg"]},
        {"purpose": None, "ingredients": ["salt"]},
    ]
    assert groups_agreement(recipe, {"ingredient_groups": groups})
    assert groups_agreement(None, {"ingredient_groups": groups}) is False
    assert groups_agreement(recipe, {"ingredient_groups": groups[:1]}) is None
    groups[1]["purpose"] = "To serve"
    assert not groups_agreement(recipe, {"ingredient_groups": groups})


@pytest.mark.parametrize("generic", [False, True])
def test_ingredient_groups_agree_at_least_as_often_as_before(generic: bool) -> None:
    agree, pages_scored = _agreeing(generic, groups_agreement)
    assert pages_scored == 94
    assert agree >= GROUPS_FLOOR[generic], (agree, pages_scored)


@pytest.mark.parametrize("generic", [False, True])
def test_yields_agree_at_least_as_often_as_before(generic: bool) -> None:
    agree, pages_scored = _agreeing(generic, yield_agreement)
    assert pages_scored == 288
    assert agree >= YIELD_FLOOR[generic], (agree, pages_scored)


@pytest.mark.parametrize("generic", [False, True])
def test_no_page_crashes(generic: bool) -> None:
    for page, result in _results(generic):
        assert isinstance(result, Recipe | LadleError), page.name


def test_pages_without_schema_org_end_in_a_refusal_or_a_real_recipe() -> None:
    without = []
    for page, result in _results(generic=True):
        doc = document(page.text(), page.name)
        if _json_ld(doc, page.name) or microdata(doc):
            continue
        without.append(page.name)
        if isinstance(result, LadleError):
            assert isinstance(result, NoRecipeFound), (page.name, result)
            assert "no recipe found in the page" in str(result)
        else:
            assert result.ingredients and result.steps, page.name
    assert len(without) >= 20
