"""The 300 saved recipe pages of ../shared/data/recipe-pages, against recipe-scrapers' output.

Aggregate tests: agreement on title, ingredients and instructions (see bench/_pages.py for
how a field agrees), no crash on any page, and a clear refusal or a real recipe where a page
has no schema.org recipe.
"""

from __future__ import annotations

import sys
from functools import cache

import pytest

from ladle.errors import LadleError, NoRecipeFound
from ladle.formats import ReadOptions, read_text
from ladle.formats.html.dom import document
from ladle.formats.html.microdata import microdata
from ladle.formats.html.reader import _json_ld
from ladle.model import Recipe

from .conftest import ROOT, shared

sys.path.insert(0, str(ROOT / "bench"))
from _pages import FIELDS, Page, agreement, pages


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
