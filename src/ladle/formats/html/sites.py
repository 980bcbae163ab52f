"""recipe-scrapers' hand-written site scrapers, for the sites that read their pages their own way.

recipe-scrapers has a scraper for 700+ sites; about a third of them read the title, the
ingredients (and their groups) or the steps from the page itself rather than from schema.org
data, because their authors checked them against the real site. For those sites ladle asks
the scraper for exactly those fields (:func:`site_fields`); ``--generic`` switches this off.
"""

from __future__ import annotations

import inspect
import logging
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from ladle.formats.schemaorg import clean_text

__all__ = ["SiteFields", "custom_scraper", "site_fields"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_OWN_WAY = ("title", "ingredients", "instructions", "instructions_list", "ingredient_groups")


def _host(url: str) -> str:
    host = (urlsplit(url if "//" in url else f"https://{url}").hostname or "").lower()
    return host.removeprefix("www.")


@cache
def custom_scraper(host: str) -> Any:
    """recipe-scrapers' class for a host when it reads title, ingredients, their groups or
    steps its own way, else None."""
    from recipe_scrapers import SCRAPERS  # noqa: PLC0415 - heavy; only for supported hosts
    from recipe_scrapers._abstract import AbstractScraper  # noqa: PLC0415

    cls = SCRAPERS.get(host)
    if cls is None:
        return None
    for name in _OWN_WAY:
        # recipe-scrapers wraps every method in its plugins once a scraper has run, so look
        # at the function underneath: AbstractScraper's means "read from schema.org".
        method = inspect.unwrap(getattr(cls, name))
        owner = getattr(method, "__qualname__", "").split(".")[0]
        if owner and owner != AbstractScraper.__name__:
            return cls
    return None


@dataclass(slots=True)
class SiteFields:
    """What a site scraper read: the title, ingredient lines with their groups, steps."""

    title: str | None = None
    ingredients: list[tuple[str, str | None]] | None = None
    instructions: list[str] | None = None


def site_fields(text: str, url: str) -> SiteFields | None:
    """The site scraper's fields for a page, or None when the site has no scraper of its own
    (or it fails on the page)."""
    host = _host(url)
    if not host or custom_scraper(host) is None:
        return None
    from recipe_scrapers import scrape_html  # noqa: PLC0415

    try:
        scraper = scrape_html(
            text, org_url=url if "//" in url else f"https://{url}", supported_only=False
        )
    except Exception as exc:
        logger.info("recipe-scrapers failed on %s: %s", url, exc)
        return None
    fields = SiteFields()
    title = _call(scraper, "title")
    if isinstance(title, str) and title.strip():
        fields.title = clean_text(title)
    lines = _call(scraper, "ingredients")
    if isinstance(lines, list):
        flat = [clean_text(v) for v in lines if clean_text(v)]
        fields.ingredients = _grouped(flat, _call(scraper, "ingredient_groups"))
    steps = _call(scraper, "instructions_list")
    if isinstance(steps, list):
        fields.instructions = [clean_text(v) for v in steps if clean_text(v)]
    return fields


def _call(scraper: Any, name: str) -> Any:
    try:
        return getattr(scraper, name)()
    except Exception:  # a scraper that fails on one field still gives the others
        return None


def _grouped(lines: list[str], groups: object) -> list[tuple[str, str | None]]:
    """The lines with the group recipe-scrapers' ``ingredient_groups()`` puts each in, when
    the groups hold exactly those lines and have names; else the lines without groups."""
    plain: list[tuple[str, str | None]] = [(line, None) for line in lines]
    if not isinstance(groups, list) or len(groups) < 2:
        return plain
    out: list[tuple[str, str | None]] = []
    for group in groups:
        purpose = clean_text(getattr(group, "purpose", None) or "") or None
        members = getattr(group, "ingredients", None) or []
        out.extend((clean_text(line), purpose) for line in members if clean_text(line))
    if [line for line, _ in out] != lines or all(name is None for _, name in out):
        return plain
    return out
