"""Agreement of a recipe read from a saved page with recipe-scrapers' expected output.

Shared by ``bench/pages.py`` and ``tests/test_html_pages.py``. A page's expected JSON (from
``../shared/data/recipe-pages/``) holds what recipe-scrapers' site scraper returns; a field
agrees when it is equal after whitespace normalisation: runs of whitespace are one space, and
invisible characters (soft hyphens, zero-width spaces and joiners, byte-order marks) are
ignored. Instructions agree when the expected list equals ladle's steps, with or without the
names of their sections as items before each section (recipe-scrapers lists a HowToSection's
name as an item; ladle keeps it as the steps' ``section``); ingredients likewise with their
groups ("For the sauce:" as a line of the list, or as the group of the lines below it).

Two fields are scored on their own: ingredient groups (``groups_agree``, on the pages whose
expected output has two or more groups) and the yield (``yield_agreement``, on the pages whose
expected output has ``yields``). ``schema_yield`` tells whether a page's schema.org data gives
a yield at all.
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


# --- ingredient groups -------------------------------------------------------------------------

Groups = list[tuple[str | None, list[str]]]
"""Ingredient groups in order: each group's name (None: no name) and its lines."""


def ladle_groups(recipe: Recipe) -> Groups:
    """ladle's groups: the runs of consecutive ingredients with the same ``group``."""
    out: Groups = []
    for index, ingredient in enumerate(recipe.ingredients):
        if index == 0 or ingredient.group != recipe.ingredients[index - 1].group:
            out.append((ingredient.group, []))
        out[-1][1].append(ingredient.text)
    return out


def expected_groups(expected: dict[str, Any]) -> Groups | None:
    """The expected groups when there are two or more of them, else None (nothing to score:
    one group is the flat list, which ``agreement`` scores already)."""
    groups = expected.get("ingredient_groups")
    if not isinstance(groups, list) or len(groups) < 2:
        return None
    return [(g.get("purpose"), list(g.get("ingredients") or [])) for g in groups]


def _group_name(name: str | None) -> str | None:
    bare = norm(name or "").rstrip(":").rstrip().casefold()
    return bare or None


def groups_agree(groups: Groups | None, expected: dict[str, Any]) -> bool | None:
    """Whether ``groups`` are the expected groups; None when the page has fewer than two.

    They agree when there are as many groups, each name is equal after whitespace
    normalisation, a trailing ':' stripped and casefolding (a null ``purpose``, like an empty
    name, is no name), and each group's lines are equal after whitespace normalisation.
    """
    theirs = expected_groups(expected)
    if theirs is None:
        return None
    if groups is None or len(groups) != len(theirs):
        return False
    return all(
        _group_name(name) == _group_name(their_name)
        and [norm(x) for x in lines] == [norm(x) for x in their_lines]
        for (name, lines), (their_name, their_lines) in zip(groups, theirs, strict=True)
    )


def groups_agreement(recipe: Recipe | None, expected: dict[str, Any]) -> bool | None:
    """``groups_agree`` for ladle's groups of a recipe (None: the page was not read)."""
    return groups_agree(None if recipe is None else ladle_groups(recipe), expected)


# --- yield -------------------------------------------------------------------------------------

_YIELD_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*([^\W\d_]*)")
_SERVING_WORDS = re.compile(r"serv|portion|porzion|porcion|porties|person|people|pax", re.I)


def expected_yield(expected: dict[str, Any]) -> tuple[str, float] | None:
    """The expected yield as ``("servings", n)``, ``("amount", n)`` or ``("none", 0)``; None
    when there is nothing to score (the expected output has no ``yields``, or one without a
    number).

    recipe-scrapers writes a yield as "N servings", "N <unit>" ("12 cookies", "2 cups",
    "4 items") or "N dozen", and null when the site gives none; some site scrapers return the
    page's own words ("Serves: 4", "6 personas", "2 Portionen als Hauptgericht") or a bare
    number. The first number counts. It is servings when the text has a word for servings
    anywhere (serving, serves, portion, person, people, pax, and their forms in German,
    French, Spanish, Italian and Dutch) or no word after the number (a bare number:
    recipe-scrapers' own default is servings); "N dozen" is an amount of 12 × N; any other
    word after the number makes it an amount of N. A null yield is ``("none", 0)``.
    """
    if "yields" not in expected or isinstance(expected["yields"], bool):
        return None
    if expected["yields"] is None:
        return ("none", 0.0)
    text = str(expected["yields"])
    match = _YIELD_NUMBER.search(text)
    if match is None:
        return None
    number = float(match.group(1).replace(",", "."))
    word = match.group(2).casefold()
    if _SERVING_WORDS.search(text) or not word:
        return ("servings", number)
    if word == "dozen":
        return ("amount", 12 * number)
    return ("amount", number)


def _same(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) < 1e-6


def yield_agreement(
    recipe: Recipe | None, expected: dict[str, Any], *, kind: bool = True
) -> bool | None:
    """Whether ladle's ``recipe.yield_`` has the expected yield (``expected_yield``); None
    when there is none to score.

    Servings agree when ``yield_.servings`` equals the expected number; an amount agrees when
    ``yield_.amount`` does (times 12 when ladle's unit is "dozen"), whatever the unit's word
    ("slices", "cookies", "cups": the two spell units differently); a null expected yield
    agrees when ladle has neither servings nor an amount (a page ladle cannot read has
    none). With ``kind=False`` the number agrees as servings or as an amount, whichever ladle
    has.

    Under the strict rule a yield ladle reads as an amount where recipe-scrapers says
    servings differs. recipe-scrapers calls servings any count whose word it does not know
    ("6 personnes", "12 pezzi", "1 Quart" are "N servings"); ladle calls servings only the
    words it knows, so a page in another language can differ on the kind alone. A range
    differs too: recipe-scrapers gives its upper end ("4-6" is "6 servings"), ladle its
    lower.
    """
    theirs = expected_yield(expected)
    if theirs is None:
        return None
    what, number = theirs
    if recipe is None:
        return what == "none"
    ours = recipe.yield_
    amount = ours.amount
    if amount is not None and (ours.unit or "").casefold() == "dozen":
        amount *= 12
    if what == "none":
        return ours.servings is None and amount is None
    if not kind:
        return _same(ours.servings, number) or _same(amount, number)
    return _same(ours.servings if what == "servings" else amount, number)


_LD_YIELD = re.compile(r'"recipeYield"\s*:\s*(?!null\b|""|\[\s*\]|\[\s*""\s*\])', re.I)


def _has_value(value: object) -> bool:
    if isinstance(value, list):
        return any(_has_value(v) for v in value)
    return value is not None and str(value).strip() != ""


def _ld_yield(data: object) -> bool:
    if isinstance(data, dict):
        if _has_value(data.get("recipeYield")):
            return True
        return any(_ld_yield(v) for v in data.values())
    if isinstance(data, list):
        return any(_ld_yield(v) for v in data)
    return False


def schema_yield(html: str) -> bool:
    """Whether the page's schema.org data gives a recipeYield: a non-empty ``recipeYield`` in
    any JSON-LD script (looked for in the script's text when the JSON does not parse), or a
    microdata element with ``itemprop="recipeYield"`` (or data-vocabulary's ``yield``) with a
    ``content`` or a text. Where it gives none, a reader must find the yield in the recipe's
    card or its text."""
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return False
    for script in doc.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            if _ld_yield(json.loads(script.text)):
                return True
        except ValueError:
            if _LD_YIELD.search(script.text):
                return True
    for element in doc.iter():
        props = (element.get("itemprop") or "").split() if isinstance(element.tag, str) else []
        if {"recipeYield", "yield"} & set(props):
            text = element.get("content") or "".join(str(t) for t in element.itertext())
            if text.strip():
                return True
    return False
