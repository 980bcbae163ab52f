"""recipe-scrapers' hand-written site scrapers, for the sites that read their pages their own way.

recipe-scrapers has a scraper for 700+ sites; about a third of them read the title, the
ingredients (and their groups) or the steps from the page itself rather than from schema.org
data, because their authors checked them against the real site. For those sites ladle asks
the scraper for exactly those fields (:func:`site_fields`); ``--generic`` switches this off.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterator
from contextlib import contextmanager
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
def _own_way(cls: type) -> frozenset[str]:
    """The fields a scraper class reads its own way (not from schema.org)."""
    from recipe_scrapers._abstract import AbstractScraper  # noqa: PLC0415

    own = set()
    for name in _OWN_WAY:
        # recipe-scrapers wraps every method in its plugins once a scraper has run, so look
        # at the function underneath: AbstractScraper's means "read from schema.org".
        method = inspect.unwrap(getattr(cls, name))
        owner = getattr(method, "__qualname__", "").split(".")[0]
        if owner and owner != AbstractScraper.__name__:
            own.add(name)
    return frozenset(own)


@cache
def custom_scraper(host: str) -> Any:
    """recipe-scrapers' class for a host when it reads title, ingredients, their groups or
    steps its own way, else None."""
    from recipe_scrapers import SCRAPERS  # noqa: PLC0415 - heavy; only for supported hosts

    cls = SCRAPERS.get(host)
    return cls if cls is not None and _own_way(cls) else None


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
    try:
        with _lxml_soup():
            scraper = custom_scraper(host)(text, url if "//" in url else f"https://{url}")
    except Exception as exc:
        logger.info("recipe-scrapers failed on %s: %s", url, exc)
        return None
    own = _own_way(custom_scraper(host))
    fields = SiteFields()
    title = _call(scraper, "title")
    if isinstance(title, str) and title.strip():
        fields.title = clean_text(title)
    lines = _call(scraper, "ingredients")
    if isinstance(lines, list):
        cleaned = [clean_text(v) for v in lines if clean_text(v)]
        flat = [cleaned[n] for n in _kept(cleaned)]
        custom = own & {"ingredients", "ingredient_groups"}
        groups = _call(scraper, "ingredient_groups") if custom else None
        fields.ingredients = _grouped(flat, groups)
    steps = _call(scraper, "instructions_list")
    if isinstance(steps, list):
        fields.instructions = [clean_text(v) for v in steps if clean_text(v)]
    return fields


@contextmanager
def _lxml_soup() -> Iterator[None]:
    """recipe-scrapers parsing the page with lxml instead of Python's html.parser: the same
    tree for the pages sites serve, built in about half the time (the scrapers' main cost)."""
    from bs4 import BeautifulSoup  # noqa: PLC0415
    from recipe_scrapers import _abstract  # noqa: PLC0415

    def with_lxml(markup: str, features: str | None = None, **options: Any) -> Any:
        del features
        return BeautifulSoup(markup, "lxml", **options)

    original = getattr(_abstract, "BeautifulSoup")  # noqa: B009 - not in its __all__
    setattr(_abstract, "BeautifulSoup", with_lxml)  # noqa: B010
    try:
        yield
    finally:
        setattr(_abstract, "BeautifulSoup", original)  # noqa: B010


def _kept(lines: list[str]) -> list[int]:
    """The positions of the lines that are no wrapper: a line that is only two or more
    earlier lines run together (the text of an element wrapping them, which a lenient parse
    of broken markup may list as a line) is left out."""
    bare = ["".join(line.split()) for line in lines]
    kept: list[int] = []
    for n in range(len(lines)):
        runs = (
            "".join(bare[start:end])
            for start in range(min(n, 200))
            if bare[n].startswith(bare[start])
            for end in range(start + 2, n + 1)
        )
        if not any(run == bare[n] for run in runs):
            kept.append(n)
    return kept


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
    out = [out[n] for n in _kept([line for line, _ in out])]
    if [line for line, _ in out] != lines or all(name is None for _, name in out):
        return plain
    return out
