"""The formats ladle reads and writes: one row each, light enough for the CLI to import.

A row holds a format's name (as ``--format`` and ``--to`` take it), what it is, the module
that reads it and the module that writes it (imported when first used), its file suffixes
and how to recognise it from its first characters. Adding a format is adding a module and a
row. Detection trusts a file's suffix first (a ``.cook`` file is Cooklang whatever its first
line) and looks at the content only where the suffix says nothing or is shared (``.json``:
ladle's JSON or schema.org JSON-LD).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from ladle.draft import Draft
    from ladle.formats.options import ReadOptions
    from ladle.model import Recipe

__all__ = ["FORMATS", "READABLE", "WRITABLE", "Format", "detect"]

Reader = Callable[[str, str, "ReadOptions"], list["Draft"]]
Writer = Callable[["Recipe"], str | bytes]


# JSON opens with an object, or an array of values: "[- a comment -]" (Cooklang) is not JSON.
_JSON_HEAD = re.compile(r'\{\s*(?:"|\})|\[\s*(?:[{\["\]]|-?\d|true|false|null)')


def _json_head(head: str) -> bool:
    return bool(_JSON_HEAD.match(head))


def _is_jsonld(head: str) -> bool:
    return (
        _json_head(head)
        and bool(re.search(r'"@context"|"@type"', head))
        and not re.search(r'"ladle"\s*:', head)
    )


def _is_ladle(head: str) -> bool:
    return _json_head(head) and not _is_jsonld(head)


def _is_cooklang(head: str) -> bool:
    """A Cooklang comment block or metadata line first: "[- … -]", ">> servings: 4"."""
    return bool(re.match(r"\[-|>>\s*\w[^:\n]*:", head))


def _is_html(head: str) -> bool:
    return bool(re.match(r"(?is)<!doctype\s+html|<html|<head|<meta|<script", head))


@dataclass(frozen=True, slots=True)
class Format:
    """One format: its name, what it is, its reader and writer modules, how it is known."""

    name: str
    summary: str
    reader_module: str | None = None
    writer_module: str | None = None
    suffixes: tuple[str, ...] = ()
    sniff: Callable[[str], bool] | None = None
    options: bool = False  # the reader takes ReadOptions (a page's URL, --generic)

    @property
    def reads(self) -> bool:
        return self.reader_module is not None

    @property
    def writes(self) -> bool:
        return self.writer_module is not None

    def reader(self) -> Reader:
        """The function that reads a text of this format into drafts."""
        assert self.reader_module is not None
        read = importlib.import_module(self.reader_module).read
        if self.options:
            return cast(Reader, read)

        def without_options(text: str, location: str, options: ReadOptions) -> list[Draft]:
            del options
            return cast("list[Draft]", read(text, location))

        return without_options

    def writer(self) -> Writer:
        """The function that writes a recipe in this format."""
        assert self.writer_module is not None
        return cast(Writer, importlib.import_module(self.writer_module).write)


FORMATS: dict[str, Format] = {
    row.name: row
    for row in (
        Format(
            "text",
            "plain text: a food-blog post or a bare recipe",
            reader_module="ladle.formats.plain",
            suffixes=(".txt", ".text", ".md", ".markdown"),
        ),
        Format(
            "html",
            "a recipe web page in, a printable recipe card out",
            reader_module="ladle.formats.html",
            writer_module="ladle.formats.card",
            suffixes=(".html", ".htm", ".xhtml"),
            sniff=_is_html,
            options=True,
        ),
        Format(
            "cooklang",
            "a Cooklang file",
            reader_module="ladle.formats.cooklang",
            writer_module="ladle.formats.cooklang",
            suffixes=(".cook",),
            sniff=_is_cooklang,
        ),
        Format(
            "jsonld",
            "schema.org Recipe JSON-LD",
            reader_module="ladle.formats.jsonld",
            writer_module="ladle.formats.jsonld",
            suffixes=(".jsonld", ".json"),
            sniff=_is_jsonld,
        ),
        Format(
            "ladle",
            'ladle\'s recipe JSON ("ladle": 1)',
            reader_module="ladle.formats.ladle_json",
            writer_module="ladle.formats.ladle_json",
            suffixes=(".json", ".ladle"),
            sniff=_is_ladle,
        ),
        Format("markdown", "a Markdown document", writer_module="ladle.formats.markdown"),
        Format("pdf", "a printable PDF recipe card", writer_module="ladle.formats.pdf"),
    )
}
READABLE = tuple(name for name, row in FORMATS.items() if row.reads)
WRITABLE = tuple(name for name, row in FORMATS.items() if row.writes)


def detect(text: str, suffix: str = "") -> str:
    """The format of a text: from its file's suffix, else from its first characters."""
    head = text.lstrip("\ufeff \t\r\n")[:2000]
    by_suffix = [row for row in FORMATS.values() if row.reads and suffix.lower() in row.suffixes]
    if len(by_suffix) == 1:
        return by_suffix[0].name
    candidates = by_suffix or [row for row in FORMATS.values() if row.reads]
    for row in candidates:
        if row.sniff is not None and row.sniff(head):
            return row.name
    return by_suffix[-1].name if by_suffix else "text"
