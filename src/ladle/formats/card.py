"""A printable HTML recipe card: one standalone HTML5 file (writer only).

The card holds everything inline: its CSS (screen and print: ``@page`` size and margins, steps
never split across pages, long ingredient lists in two columns) and the recipe's schema.org
JSON-LD in a ``<script type="application/ld+json">`` element. It loads nothing and runs no
JavaScript. The template (``data/templates/card.html.j2``) is rendered by Jinja2 with
autoescaping, so recipe text never becomes markup; the JSON-LD escapes ``<``, ``>`` and ``&``
so no text can close its element.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup

from ladle.formats.jsonld import nutrient_text, script_json, to_schema_org
from ladle.formats.markdown import article_parts, header_facts, one_line, runs
from ladle.model import Recipe

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = ["PAGE_SIZES", "PageSize", "context", "nutrition_rows", "write"]

PageSize = Literal["A4", "letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "letter")
LONG_LIST = 6  # ingredient lists longer than this print in two columns
_WEB_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


@cache
def _environment() -> Environment:
    # Jinja2 takes a tenth of a second to import: loaded when a card is written, not before.
    from jinja2 import Environment, PackageLoader, StrictUndefined  # noqa: PLC0415

    return Environment(
        loader=PackageLoader("ladle", "data/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def nutrition_rows(report: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """A nutrition report's JSON (``ladle nutrition --json``) as the card's rows: the
    nutrient, its amount per serving (empty when the servings are unknown), in all."""
    rows: list[tuple[str, str, str]] = []
    for row in (report or {}).get("nutrients", []):
        label, unit = str(row.get("label", "")), str(row.get("unit", ""))
        total, each = row.get("total"), row.get("per_serving")
        if isinstance(total, int | float):
            per = nutrient_text(each, unit) if isinstance(each, int | float) else ""
            rows.append((label, per, nutrient_text(total, unit)))
    return rows


def context(
    recipe: Recipe,
    *,
    page: PageSize = "A4",
    lang: str = "en",
    nutrition: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What the card template shows: plain text throughout, escaped by the template;
    ``nutrition``, a nutrition report's JSON, adds its panel and its schema.org
    NutritionInformation."""
    if page not in PAGE_SIZES:
        raise ValueError(f"page size {page!r}: use one of {', '.join(PAGE_SIZES)}")
    steps: list[tuple[str | None, int, list[str]]] = []
    start = 1
    for section, items in runs(recipe.steps, lambda s: s.section):
        steps.append((section, start, [one_line(s.text) for s in items]))
        start += len(items)
    url = one_line(recipe.source.url)
    return {
        "lang": lang if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang) else "en",
        "page": page,
        "title": one_line(recipe.title) or "Recipe",
        "description": one_line(recipe.description),
        "facts": header_facts(recipe),
        "ingredients": [
            (group, [one_line(i.text) for i in items])
            for group, items in runs(recipe.ingredients, lambda i: i.group)
        ],
        "long_list": LONG_LIST,
        "steps": steps,
        "notes": [one_line(n) for n in recipe.notes if one_line(n)],
        "parts": article_parts(recipe),
        "url": url if _WEB_URL.match(url) else "",
        "jsonld": Markup(script_json(to_schema_org(recipe, nutrition))),
        "nutrition": nutrition_rows(nutrition),
        "nutrition_servings": (nutrition or {}).get("servings"),
    }


def write(
    recipe: Recipe,
    *,
    page: PageSize = "A4",
    lang: str = "en",
    nutrition: dict[str, Any] | None = None,
) -> str:
    """The recipe as a standalone, printable HTML5 card (with its nutrition panel when a
    nutrition report's JSON is given)."""
    template = _environment().get_template("card.html.j2")
    return template.render(context(recipe, page=page, lang=lang, nutrition=nutrition))
