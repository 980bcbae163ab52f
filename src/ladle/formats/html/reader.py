"""Recipe web pages: schema.org JSON-LD and microdata, site scrapers, the page's card and text.

A page is parsed once with lxml (:mod:`.dom`). Its JSON-LD scripts, else its microdata
(:mod:`.microdata`), give schema.org Recipe nodes, each read into a draft by
:mod:`ladle.formats.schemaorg`. The page's own recipe (named like the page, else the fullest)
is then repaired from the page (:mod:`.repairs`): the card's lines and steps where the data
lacks them, a list run into one string split as shown, group names and amounts from the
card, the yield from the card or the text, the article around the card; for sites where
recipe-scrapers has a hand-written scraper that reads the page its own way (:mod:`.sites`),
its title, ingredients with their groups and steps win, unless ``generic``. A page with no
schema.org recipe gives its card (:mod:`.card`), else its text read by the plain-text reader;
a page with no recipe at all is refused with "no recipe found".
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Mapping
from typing import Any

from ladle.draft import Draft, DraftLine, DraftStep
from ladle.errors import FormatError, NoRecipeFound
from ladle.formats import plain
from ladle.formats.html import repairs
from ladle.formats.html.card import DomCard, find_card
from ladle.formats.html.dom import document, page_text, page_title, page_url, without_noise
from ladle.formats.html.microdata import microdata
from ladle.formats.html.sites import SiteFields, site_fields
from ladle.formats.options import ReadOptions
from ladle.formats.schemaorg import (
    clean_text,
    loads_lenient,
    recipe_nodes,
    to_draft,
    yield_from_last_step,
)
from ladle.model import Source

__all__ = ["read"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


def _json_ld(doc: Any, location: str) -> list[Mapping[str, Any]]:
    nodes: list[Mapping[str, Any]] = []
    for number, script in enumerate(doc.iter("script"), start=1):
        kind = (script.get("type") or "").lower()
        if "ld+json" not in kind or not script.text or not script.text.strip():
            continue
        try:
            data = loads_lenient(script.text, f"{location}: JSON-LD script {number}")
        except FormatError as error:
            logger.info("%s", error)
            continue
        nodes.extend(recipe_nodes(data))
    return nodes


def read(text: str, location: str, options: ReadOptions | None = None) -> list[Draft]:
    """Every recipe of a page as a draft, the main one first."""
    options = options or ReadOptions()
    text = without_noise(text)
    doc = document(text, location)
    url = options.url or page_url(doc)
    nodes = _json_ld(doc, location) or microdata(doc, text)
    site = None if options.generic or not url else site_fields(text, url)
    drafts = _unique([to_draft(node, location, url, "html") for node in nodes])
    for draft in drafts:
        if draft.title:
            draft.title = repairs.without_site_name(draft.title, url)
    card = _Card(doc)
    if drafts:
        main = _main(drafts, doc)
        _repaired(main, card, location, site)
        drafts = [main, *[d for d in drafts if d is not main]]
    else:
        drafts = _without_schema(doc, location, url, site)
    for draft in drafts:
        yield_from_last_step(draft)
    repairs.yield_from_page(drafts[0], doc)
    text = page_text(doc, repairs.NOT_ARTICLE, headings=True)
    lines = [line for line in text.splitlines() if line.strip()]
    repairs.groups_from_text(drafts[0], lines)
    repairs.yield_from_text(drafts[0], lines)
    repairs.article_from_page(drafts[0], lines)
    return drafts


def _repaired(draft: Draft, card: _Card, location: str, site: SiteFields | None) -> None:
    """The page's own recipe mended from what the page shows (see :mod:`.repairs`). The
    page's card is looked for only where the draft needs it (finding it costs as much as the
    rest of the repairs together)."""
    doc = card.doc
    if len(draft.ingredients) <= 1 or len(draft.steps) <= 1:
        repairs.fill_from_markup(draft, card.get())
    if len(draft.ingredients) == 1 or len(draft.steps) == 1:
        repairs.split_as_shown(draft, doc)
    if not draft.ingredients or not draft.steps:
        repairs.fill_from_text(draft, doc, location)
    repairs.groups_from_markup(draft, doc)
    if repairs.lost_amounts(draft):
        repairs.amounts_from_markup(draft, card.get())
    if not any(line.group for line in draft.ingredients) and len(draft.ingredients) >= 2:
        repairs.groups_from_card(draft, card.get())
    if site is not None:
        repairs.apply_site(draft, site)


class _Card:
    """The page's card, found when first asked for."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.card: DomCard | None = None

    def get(self) -> DomCard:
        if self.card is None:
            self.card = find_card(self.doc)
        return self.card


def _without_schema(
    doc: Any, location: str, url: str | None, site: SiteFields | None
) -> list[Draft]:
    """A page with no schema.org recipe: its site scraper's fields, its card, or its text."""
    source = Source(format="html", location=location, url=url)
    title = repairs.without_site_name(page_title(doc) or "", url) or None
    if site is not None and site.ingredients and site.instructions:
        return [
            Draft(
                title=site.title,
                ingredients=[DraftLine(line, group) for line, group in site.ingredients],
                steps=[DraftStep(text) for text in site.instructions],
                source=source,
            )
        ]
    card = find_card(doc)
    if card.ingredients and card.steps:
        draft = repairs.fill_from_markup(Draft(title=title, source=source), card)
        return [repairs.groups_from_markup(draft, doc)]
    try:
        found = [d for d in plain.read(page_text(doc), location) if d.ingredients and d.steps]
    except NoRecipeFound:
        found = []
    if not found:
        raise NoRecipeFound(
            "no recipe found in the page",
            where=location,
            hint="it has no schema.org recipe and no ingredient list with steps in its text",
        )
    for draft in found:
        draft.source = copy.copy(source)
        draft.article = []
        repairs.groups_from_markup(draft, doc)
        draft.steps = repairs.leading_steps(draft.steps)
    if len(found) == 1 and title:
        found[0].title = title  # the page's own name beats a line the text reader took for it
    return found


def _unique(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[str | None, int, int]] = set()
    out = []
    for draft in drafts:
        key = (draft.title, len(draft.ingredients), len(draft.steps))
        if key not in seen:
            seen.add(key)
            out.append(draft)
    return out


def _main(drafts: list[Draft], doc: Any) -> Draft:
    """The page's own recipe: the one named like the page, else the fullest."""
    if len(drafts) == 1:
        return drafts[0]
    title = ""
    for element in doc.iter("title", "h1"):
        title = clean_text(element.text_content()).lower()
        if title:
            break
    named = [d for d in drafts if d.title and d.title.lower() in title]
    pool = named or drafts
    return max(pool, key=lambda d: (len(d.ingredients) + len(d.steps), -drafts.index(d)))
