"""The web recipe page's nutrition panel in a real browser: scaling in place rescales it.
Skips (fails in CI) when /usr/bin/chromium is absent, as tests/test_web_browser.py does."""

from __future__ import annotations

from pathlib import Path

from ladle.foods.usda import Release
from ladle.formats import read_text
from ladle.store import open_library
from ladle.web import create_app

from .test_nutrition_cli import FOODS, RECIPE
from .web_support import chromium, library_url, running, watch


def test_scaling_the_page_rescales_its_panel(tmp_path: Path) -> None:
    from playwright.sync_api import expect

    url = library_url(tmp_path)
    with open_library(url) as library:
        library.import_foods(Release("test foods", FOODS))
        recipe_id = library.add(read_text(RECIPE, "text", "honey-eggs.txt")[0]).id
    with chromium() as browser, running(create_app(url)) as base:
        for watched in watch(browser, base):
            page = watched.page
            watched.go(f"/recipes/{recipe_id}")
            energy = page.locator("#nutrition tbody tr").first
            expect(energy).to_have_text("Energy395 kcal790 kcal")
            page.fill("input[name=servings]", "4")
            expect(energy).to_have_text("Energy395 kcal1580 kcal")
            watched.quiet()
