"""The library calls the pages and the API share, each a line or two of translation.

The readers, the scaler and the checker load on first use (``ladle.formats`` brings the
ingredient parser), so the server starts without them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ladle.checker import Finding
    from ladle.model import Recipe
    from ladle.shopping import ShoppingList
    from ladle.store import Query

__all__ = [
    "EXPORTS",
    "MAX_ID",
    "Units",
    "adjusted",
    "corrected",
    "export",
    "findings",
    "parse_text",
    "parse_url",
    "search_query",
    "shopping",
    "split_values",
]

Units = Literal["metric", "us"]
MAX_ID = 2**62  # a library id is a 64-bit integer in every database

# The formats a recipe page offers as downloads: (format, suffix, media type, label).
EXPORTS: tuple[tuple[str, str, str, str], ...] = (
    ("ladle", ".json", "application/json", "ladle JSON"),
    ("jsonld", ".jsonld", "application/ld+json", "JSON-LD"),
    ("cooklang", ".cook", "text/plain", "Cooklang"),
    ("markdown", ".md", "text/markdown", "Markdown"),
    ("html", ".html", "text/html", "HTML card"),
    ("pdf", ".pdf", "application/pdf", "PDF"),
)


def split_values(values: Iterable[str]) -> list[str]:
    """Repeated parameters, each of which may hold several values parted by commas."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def search_query(
    words: str = "",
    *,
    tags: Iterable[str] = (),
    with_: Iterable[str] = (),
    without: Iterable[str] = (),
    max_total: float | None = None,
    max_active: float | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Query:
    """A library search from what a page or an API call asked for."""
    from ladle.store import Query

    return Query(
        words=words.strip(),
        tags=split_values(tags),
        with_=split_values(with_),
        without=split_values(without),
        max_total=max_total,
        max_active=max_active,
        limit=limit,
        offset=offset,
    )


@dataclass(frozen=True, slots=True)
class Parsed:
    """A source read for import: its main recipe, and the text it was read from."""

    recipe: Recipe
    text: str
    format: str | None
    location: str
    suffix: str
    url: str | None


def parse_text(
    text: str,
    format: str | None = None,
    location: str = "<pasted text>",
    suffix: str = "",
    url: str | None = None,
) -> Parsed:
    """The main recipe of a text (pasted, uploaded, or a page fetched before)."""
    from ladle.formats import ReadOptions, read_text

    fmt = format if format and format != "auto" else None
    recipes = read_text(text, fmt, location, suffix, ReadOptions(url=url))
    return Parsed(recipes[0], text, fmt, location, suffix, url)


def parse_url(url: str) -> Parsed:
    """The main recipe of a web page, fetched through ladle's URL guard (no private
    addresses, time and size limits)."""
    from ladle.fetch import fetch_html

    where = url.strip()
    fetched = fetch_html(where)
    return parse_text(fetched.text, "html", where, ".html", fetched.url)


def corrected(recipe: Recipe, title: str = "", servings: float | None = None) -> Recipe:
    """A recipe with the corrections of the import review: its title, how many it serves."""
    from ladle.model import Yield

    wanted = " ".join(title.split())
    if wanted:
        recipe = replace(recipe, title=wanted)
    if servings is not None and servings != recipe.yield_.servings:
        recipe = replace(recipe, yield_=Yield(servings=servings, text=f"Serves {servings:g}"))
    return recipe


def adjusted(
    recipe: Recipe,
    servings: float | None = None,
    factor: float | None = None,
    units: Units | None = None,
) -> Recipe:
    """A recipe scaled (to servings or by a factor) and converted, as the CLI does it."""
    if servings is None and factor is None:
        if units is None:
            return recipe
        from ladle.conversion import convert_recipe

        return convert_recipe(recipe, units)
    from ladle.scaling import ScaleRequest, scale

    return scale(recipe, ScaleRequest(factor=factor, servings=servings), units)


def findings(recipe: Recipe, kitchen_ovens: int = 1) -> list[Finding]:
    """The checker's findings: contradictions, gaps, unsafe temperatures."""
    from ladle.checker import check

    return check(recipe, kitchen_ovens=kitchen_ovens)


def export(
    recipe: Recipe, format: str, nutrition: dict[str, Any] | None = None
) -> tuple[bytes, str, str]:
    """A recipe written in another format: its bytes, media type and file suffix (with the
    nutrition report's panel in the formats that carry one, when it is given)."""
    from ladle.errors import UnknownFormat
    from ladle.formats import write

    row = next((row for row in EXPORTS if row[0] == format), None)
    if row is None:
        raise UnknownFormat(
            f"cannot export {format!r}",
            where="export",
            hint="use one of: " + ", ".join(row[0] for row in EXPORTS),
        )
    document = write(recipe, format, nutrition=nutrition)
    data = document.encode("utf-8") if isinstance(document, str) else document
    return data, row[2], row[1]


def shopping(
    recipes: Sequence[Recipe], servings: float | None = None, units: Units | None = None
) -> ShoppingList:
    """One shopping list for the recipes, each scaled to ``servings`` first, as ``ladle shop``
    makes it."""
    from ladle.scaling import ScaleRequest, scale_factor
    from ladle.shopping import shopping_list

    factors = None
    if servings is not None:
        factors = [scale_factor(r, ScaleRequest(servings=servings)) for r in recipes]
    return shopping_list(recipes, system=units, factors=factors)
