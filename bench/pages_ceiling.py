"""How far any generic reader can agree with the site scrapers: an upper bound, page by page.

Run: ``uv run --no-sync python bench/pages_ceiling.py [--list]``.

The expected output of each of the 300 saved pages is what recipe-scrapers' *site* scraper for
that site returns. Many of those scrapers build their lines from the page their own way: they
join a card's parts with a separator of their choosing ("1 tablespoon" + "cream cheese" →
"1 tablespooncream cheese"), swap "½" for "0.5", write "tbsp" as "tablespoon", drop a line's
notes, or read a JSON blob only that site has. A reader with no rule for the site cannot
produce text that is nowhere on the page.

For every page where ``ladle --generic`` disagrees on ingredients or instructions, this
counts the page *reachable* when each expected item, after whitespace normalisation, is
somewhere on the page as a unit: an item of its schema.org data (JSON-LD or microdata), or
the text of one of its elements or of one line of an element (text between ``<br>``s), with
or without spaces between the element's parts. That is generous: it counts a page reachable
even when no rule could tell which elements to take. The ceiling is the share of pages that
agree already or are reachable; a generic reader can reach at most that.

Most reachable pages differ in form only: the site's scraper reads the visible card where
the JSON-LD writes the same lines another way ("3/4 cup" and "¾ cup"). The column *card
first* shows why no generic rule closes that gap: the same reading, but with the page's
marked card (``ladle.formats.html.card.find_card``) taken instead of the schema.org lists
wherever it holds as many lines.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rich.console import Console
from rich.progress import track
from rich.table import Table

from _pages import PAGES, Page, agreement, norm, pages
from ladle.errors import FormatError, LadleError
from ladle.formats import ReadOptions, read_text
from ladle.formats.html import without_noise
from ladle.formats.html.card import find_card
from ladle.formats.schemaorg import (
    ingredient_lines,
    instruction_items,
    loads_lenient,
    recipe_nodes,
)
from ladle.model import Ingredient, Recipe, Step

FIELDS = {"ingredients": "ingredients", "instructions": "instructions_list"}
_NO_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)\]])")


def _schema_items(doc: Any) -> set[str]:
    out: set[str] = set()
    for script in doc.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = loads_lenient(script.text, "page")
        except FormatError:
            continue
        for node in recipe_nodes(data):
            out.update(norm(x) for x in ingredient_lines(node.get("recipeIngredient")))
            out.update(norm(t) for t, _ in instruction_items(node.get("recipeInstructions")))
    for element in doc.iter():
        if isinstance(element.tag, str) and element.get("itemprop"):
            out.add(norm(element.get("content") or element.text_content()))
    return out


def _page_texts(doc: Any) -> set[str]:
    out: set[str] = set()
    for element in doc.iter():
        if not isinstance(element.tag, str) or element.tag in {"script", "style", "html"}:
            continue
        whole = norm(element.text_content())
        spaced = norm(" ".join(element.itertext()))
        out.update({whole, spaced, _NO_SPACE_BEFORE.sub(r"\1", spaced)})
        for piece in (element.text, *(child.tail for child in element)):
            if piece and piece.strip():
                out.add(norm(piece))
    return out


def _doc(page: Page) -> Any:
    import lxml.html

    return lxml.html.document_fromstring(without_noise(page.text()))


def card_first(recipe: Recipe | None, doc: Any) -> Recipe | None:
    """The recipe with the page's card's lists where the card holds as many lines."""
    if recipe is None:
        return None
    card = find_card(doc)
    out = Recipe(title=recipe.title, ingredients=recipe.ingredients, steps=recipe.steps)
    if len(card.ingredients) >= 2 and len(card.ingredients) == len(recipe.ingredients):
        out.ingredients = [Ingredient(text=t, name=t, group=g) for t, g in card.ingredients]
    if len(card.steps) >= 2 and len(card.steps) == len(recipe.steps):
        out.steps = [Step(text=t) for t in card.steps]
    return out


def reachable(page: Page, field: str) -> bool:
    doc = _doc(page)
    found = _schema_items(doc) | _page_texts(doc)
    return all(
        norm(item) in found or norm(item).rstrip(":") in found
        for item in page.expected[FIELDS[field]]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="name the unreachable pages")
    args = parser.parse_args()
    if not PAGES.exists():
        print(f"bench/pages_ceiling.py: {PAGES} is absent; put ../shared beside the checkout")
        return
    counts = {
        f: {"pages": 0, "agree": 0, "reachable": 0, "card": 0, "fixes": 0, "breaks": 0}
        for f in FIELDS
    }
    unreachable: dict[str, list[str]] = {f: [] for f in FIELDS}
    for page in track(list(pages()), description="pages", console=Console(stderr=True)):
        try:
            recipe = read_text(
                page.text(), "html", str(page.html), options=ReadOptions(url=page.url, generic=True)
            )[0]
        except LadleError:
            recipe = None
        result = agreement(recipe, page.expected)
        carded = agreement(card_first(recipe, _doc(page)), page.expected)
        for field in FIELDS:
            if result[field] is None:
                continue
            counts[field]["pages"] += 1
            counts[field]["card"] += bool(carded[field])
            counts[field]["fixes"] += bool(carded[field] and not result[field])
            counts[field]["breaks"] += bool(result[field] and not carded[field])
            if result[field]:
                counts[field]["agree"] += 1
            elif reachable(page, field):
                counts[field]["reachable"] += 1
            else:
                unreachable[field].append(page.name)
    table = Table(title="ladle --generic against the site scrapers: agreement and its ceiling")
    columns = ("field", "pages", "agree %", "reachable", "unreachable", "ceiling %")
    for column in (*columns, "card first %"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for field, c in counts.items():
        lost = len(unreachable[field])
        table.add_row(
            field,
            str(c["pages"]),
            f"{100 * c['agree'] / c['pages']:.1f}",
            str(c["reachable"]),
            str(lost),
            f"{100 * (c['pages'] - lost) / c['pages']:.1f}",
            f"{100 * c['card'] / c['pages']:.1f}",
        )
    Console(width=100).print(table)
    for field, c in counts.items():
        Console().print(f"card first, {field}: {c['fixes']} pages fixed, {c['breaks']} broken")
    if args.list:
        for field, names in unreachable.items():
            Console().print(f"[bold]{field}[/bold], unreachable: {', '.join(names)}")


if __name__ == "__main__":
    main()
