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
from ladle.formats import ladle_json, plain
from ladle.model import Recipe
from ladle.sources import load

__all__ = ["FORMATS", "READABLE", "detect", "read", "read_text", "write"]

Reader = Callable[[str, str], list[Recipe]]
Writer = Callable[[Recipe], str]


@dataclass(frozen=True, slots=True)
class Format:
    """A format's name, what it is, and its reader and writer where it has them."""

    name: str
    summary: str
    reader: Reader | None = None
    writer: Writer | None = None


FORMATS: dict[str, Format] = {
    "text": Format("text", "plain text: a food-blog post or a bare recipe", reader=plain.read),
    "ladle": Format(
        "ladle",
        'ladle\'s recipe JSON ("ladle": 1)',
        reader=ladle_json.read,
        writer=ladle_json.write,
    ),
    "html": Format("html", "a recipe web page (schema.org JSON-LD or microdata)"),
    "cooklang": Format("cooklang", "a Cooklang file"),
    "jsonld": Format("jsonld", "schema.org Recipe JSON-LD"),
}
READABLE = tuple(name for name, f in FORMATS.items() if f.reader is not None)

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
    text: str, format: str | None = None, location: str = "<text>", suffix: str = ""
) -> list[Recipe]:
    """Every recipe in a text, main one first."""
    name = format if format and format != "auto" else detect(text, suffix)
    return _reader(name, location)(text, location)


def read(source: str | Path, format: str | None = None) -> list[Recipe]:
    """Every recipe in a file (or ``-`` for standard input), main one first."""
    loaded = load(source)
    return read_text(loaded.text, format, loaded.location, loaded.suffix)


def write(recipe: Recipe, format: str = "ladle") -> str:
    """A recipe written in another format."""
    known = FORMATS.get(format)
    if known is None or known.writer is None:
        writable = ", ".join(name for name, f in FORMATS.items() if f.writer is not None)
        raise UnknownFormat(
            f"writing {format!r} is not available", where="export", hint=f"use one of: {writable}"
        )
    return known.writer(recipe)
