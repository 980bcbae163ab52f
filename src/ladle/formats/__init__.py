"""Recipe formats: one module per format, found through :mod:`ladle.formats.registry`.

Reading is one pipeline for every source: the format's reader turns the text into drafts
(:class:`~ladle.draft.Draft`: lines, steps, yield and times as written, the article around
the card), and :func:`ladle.understand.understand` turns each draft into a recipe, once.
``read(source, format=None)`` gives every recipe of a source, the main one first;
``read_drafts`` and ``read_text`` do the same for text already in hand; ``write(recipe,
format)`` gives a recipe in another format.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from ladle.draft import Draft
from ladle.errors import UnknownFormat
from ladle.formats.options import ReadOptions
from ladle.formats.registry import FORMATS, READABLE, WRITABLE, Format, detect
from ladle.model import Recipe
from ladle.sources import load
from ladle.text import without_controls
from ladle.understand import understand

__all__ = [
    "FORMATS",
    "READABLE",
    "WRITABLE",
    "Format",
    "ReadOptions",
    "carries_nutrition",
    "detect",
    "read",
    "read_drafts",
    "read_text",
    "write",
]


def _format(name: str, location: str) -> Format:
    known = FORMATS.get(name)
    if known is None:
        raise UnknownFormat(
            f"unknown format {name!r}",
            where=location,
            hint="use one of: auto, " + ", ".join(READABLE),
        )
    if not known.reads:
        raise UnknownFormat(
            f"reading {name} ({known.summary}) is not available",
            where=location,
            hint="formats ladle reads: " + ", ".join(READABLE),
        )
    return known


def read_drafts(
    text: str,
    format: str | None = None,
    location: str = "<text>",
    suffix: str = "",
    options: ReadOptions | None = None,
) -> list[Draft]:
    """Every recipe in a text as its reader found it (a draft), main one first."""
    if not suffix and not location.startswith("<"):
        suffix = Path(location).suffix.lower()  # the suffix first, the first characters after
    name = format if format and format != "auto" else detect(text, suffix)
    text = without_controls(text, breaks=False)  # escapes decoded by a reader: understand()
    return _format(name, location).reader()(text, location, options or ReadOptions())


def read_text(
    text: str,
    format: str | None = None,
    location: str = "<text>",
    suffix: str = "",
    options: ReadOptions | None = None,
) -> list[Recipe]:
    """Every recipe in a text, understood, main one first."""
    return [understand(d) for d in read_drafts(text, format, location, suffix, options)]


def read(
    source: str | Path,
    format: str | None = None,
    *,
    generic: bool = False,
    allow_private: bool = False,
) -> list[Recipe]:
    """Every recipe of a source (a file, ``-`` for standard input, an http(s) URL), main first.

    ``generic``: read web pages from their schema.org data and the page itself, without
    recipe-scrapers' site-specific scrapers. ``allow_private``: let URLs reach private
    network addresses.
    """
    loaded = load(source, allow_private=allow_private)
    options = ReadOptions(url=loaded.url, generic=generic)
    return read_text(loaded.text, format, loaded.location, loaded.suffix, options)


def carries_nutrition(format: str) -> bool:
    """Whether the format's writer takes a nutrition report (JSON-LD, the HTML card, PDF)."""
    known = FORMATS.get(format)
    if known is None or not known.writes:
        return False
    return "nutrition" in inspect.signature(known.writer()).parameters


def write(
    recipe: Recipe, format: str = "ladle", *, nutrition: dict[str, Any] | None = None
) -> str | bytes:
    """A recipe written in another format (bytes for binary formats such as PDF).

    ``nutrition``, a nutrition report's JSON (``ladle.nutrition(...).to_json()``), goes into the
    formats that carry one (schema.org JSON-LD, the HTML card, the PDF) and is ignored by the
    others."""
    known = FORMATS.get(format)
    if known is None or not known.writes:
        raise UnknownFormat(
            f"writing {format!r} is not available",
            where="export",
            hint="use one of: " + ", ".join(WRITABLE),
        )
    writer = known.writer()
    if nutrition is not None and carries_nutrition(format):
        return cast(Callable[..., str | bytes], writer)(recipe, nutrition=nutrition)
    return writer(recipe)
