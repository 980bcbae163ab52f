"""Recipe formats: one module per format, found through the registry below.

``read(source, format=None)`` gives every recipe of a source, the main one first;
``read_text(text, ...)`` does the same for text already in hand; ``write(recipe, format)``
gives a recipe in another format. Adding a format is adding a module and a registry line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ladle.errors import UnknownFormat
from ladle.formats import card, cooklang, html, jsonld, ladle_json, markdown, pdf, plain
from ladle.formats.html import ReadOptions
from ladle.model import Recipe
from ladle.sources import load

__all__ = [
    "FORMATS",
    "READABLE",
    "WRITABLE",
    "ReadOptions",
    "detect",
    "read",
    "read_text",
    "write",
]

Reader = Callable[[str, str, ReadOptions], list[Recipe]]
Writer = Callable[[Recipe], str | bytes]


def _plain_reader(reader: Callable[[str, str], list[Recipe]]) -> Reader:
    """A reader that needs no options."""

    def read(text: str, location: str, options: ReadOptions) -> list[Recipe]:
        del options
        return reader(text, location)

    return read


@dataclass(frozen=True, slots=True)
class Format:
    """A format's name, what it is, and its reader and writer where it has them."""

    name: str
    summary: str
    reader: Reader | None = None
    writer: Writer | None = None


FORMATS: dict[str, Format] = {
    "text": Format(
        "text", "plain text: a food-blog post or a bare recipe", reader=_plain_reader(plain.read)
    ),
    "ladle": Format(
        "ladle",
        'ladle\'s recipe JSON ("ladle": 1)',
        reader=_plain_reader(ladle_json.read),
        writer=ladle_json.write,
    ),
    "html": Format(
        "html",
        "a recipe web page in, a printable recipe card out",
        reader=html.read,
        writer=card.write,
    ),
    "cooklang": Format(
        "cooklang",
        "a Cooklang file",
        reader=_plain_reader(cooklang.read),
        writer=cooklang.write,
    ),
    "jsonld": Format(
        "jsonld",
        "schema.org Recipe JSON-LD",
        reader=_plain_reader(jsonld.read),
        writer=jsonld.write,
    ),
    "markdown": Format("markdown", "a Markdown document", writer=markdown.write),
    "pdf": Format("pdf", "a printable PDF recipe card", writer=pdf.write),
}
READABLE = tuple(name for name, f in FORMATS.items() if f.reader is not None)
WRITABLE = tuple(name for name, f in FORMATS.items() if f.writer is not None)

_SUFFIXES = {
    ".json": "ladle",
    ".ladle": "ladle",
    ".jsonld": "jsonld",
    ".cook": "cooklang",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".md": "text",
    ".text": "text",
}


def detect(text: str, suffix: str = "") -> str:
    """The format of a text, from its file extension and its first characters."""
    head = text.lstrip()[:2000]
    if head.startswith(("{", "[")):
        if re.search(r'"@context"|"@type"', head) and not re.search(r'"ladle"\s*:', head):
            return "jsonld"
        return "ladle"
    if re.match(r"(?is)<!doctype\s+html|<html|<head|<meta|<script", head):
        return "html"
    if suffix in _SUFFIXES and _SUFFIXES[suffix] not in {"ladle", "jsonld"}:
        return _SUFFIXES[suffix]
    return "text"


def _reader(name: str, location: str) -> Reader:
    known = FORMATS.get(name)
    if known is None:
        raise UnknownFormat(
            f"unknown format {name!r}",
            where=location,
            hint="use one of: auto, " + ", ".join(FORMATS),
        )
    if known.reader is None:
        raise UnknownFormat(
            f"reading {name} ({known.summary}) is not available yet",
            where=location,
            hint="formats ladle reads now: " + ", ".join(READABLE),
        )
    return known.reader


def read_text(
    text: str,
    format: str | None = None,
    location: str = "<text>",
    suffix: str = "",
    options: ReadOptions | None = None,
) -> list[Recipe]:
    """Every recipe in a text, main one first."""
    name = format if format and format != "auto" else detect(text, suffix)
    return _reader(name, location)(text, location, options or ReadOptions())


def read(
    source: str | Path,
    format: str | None = None,
    *,
    generic: bool = False,
    allow_private: bool = False,
) -> list[Recipe]:
    """Every recipe of a source (a file, ``-`` for standard input, an http(s) URL), main first.

    ``generic``: read web pages from their schema.org data only, without recipe-scrapers'
    site-specific scrapers. ``allow_private``: let URLs reach private network addresses.
    """
    loaded = load(source, allow_private=allow_private)
    options = ReadOptions(url=loaded.url, generic=generic)
    return read_text(loaded.text, format, loaded.location, loaded.suffix, options)


def write(recipe: Recipe, format: str = "ladle") -> str | bytes:
    """A recipe written in another format (bytes for binary formats such as PDF)."""
    known = FORMATS.get(format)
    if known is None or known.writer is None:
        writable = ", ".join(name for name, f in FORMATS.items() if f.writer is not None)
        raise UnknownFormat(
            f"writing {format!r} is not available", where="export", hint=f"use one of: {writable}"
        )
    return known.writer(recipe)
