"""Agreement of a recipe read from a saved page with recipe-scrapers' expected output.

Shared by ``bench/pages.py`` and ``tests/test_html_pages.py``. A page's expected JSON (from
``../shared/data/recipe-pages/``) holds what recipe-scrapers' site scraper returns; a field
agrees when it is equal after whitespace normalisation: runs of whitespace are one space, and
invisible characters (soft hyphens, zero-width spaces and joiners, byte-order marks) are
ignored. Instructions agree when the expected list equals ladle's steps, with or without the
names of their sections as items before each section (recipe-scrapers lists a HowToSection's
name as an item; ladle keeps it as the steps' ``section``); ingredients likewise with their
groups ("For the sauce:" as a line of the list, or as the group of the lines below it).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladle.model import Recipe

PAGES = (
    Path(os.environ.get("LADLE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    / "data"
    / "recipe-pages"
)
FIELDS = ("title", "ingredients", "instructions")

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    html: Path
    expected: dict[str, Any]

    @property
    def url(self) -> str:
        """The page's address as the upstream tests give it: its host."""
        return f"https://{self.expected['host']}/"

    def text(self) -> str:
        return self.html.read_text(encoding="utf-8", errors="replace")


def pages() -> Iterator[Page]:
    for html in sorted(PAGES.glob("*.html")):
        expected = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
        yield Page(html.stem, html, expected)


def ingredients_with_groups(recipe: Recipe) -> list[str]:
    out: list[str] = []
    current: str | None = None
    for ingredient in recipe.ingredients:
        if ingredient.group and ingredient.group != current:
            out.append(ingredient.group)
        current = ingredient.group
        out.append(ingredient.text)
    return out


def steps_with_sections(recipe: Recipe) -> list[str]:
    """The steps as a flat list with each section's name before its steps, the way
    recipe-scrapers lists a HowToSection (a copy of the reader's helper, so that the bench does
    not depend on the reader's internals)."""
    out: list[str] = []
    current: str | None = None
    for step in recipe.steps:
        if step.section and step.section != current:
            out.append(step.section)
        current = step.section
        out.append(step.text)
    return out


def _bare(items: list[str]) -> list[str]:
    return [norm(x).rstrip(":").rstrip() for x in items]


def agreement(recipe: Recipe | None, expected: dict[str, Any]) -> dict[str, bool | None]:
    """Per field: True (agrees), False (differs), None (the page's expected output lacks it)."""
    result: dict[str, bool | None] = dict.fromkeys(FIELDS)
    if "title" in expected:
        result["title"] = recipe is not None and norm(recipe.title) == norm(expected["title"])
    if "ingredients" in expected:
        theirs = [norm(x) for x in expected["ingredients"]]
        result["ingredients"] = recipe is not None and (
            [norm(i.text) for i in recipe.ingredients] == theirs
            or _bare(ingredients_with_groups(recipe)) == _bare(theirs)
        )
    if "instructions_list" in expected:
        theirs = [norm(x) for x in expected["instructions_list"]]
        result["instructions"] = recipe is not None and theirs in (
            [norm(s.text) for s in recipe.steps],
            [norm(s) for s in steps_with_sections(recipe)],
        )
    return result
