"""Cooklang text to the canonical structure of the Cooklang test suite, in one fast pass.

:func:`parse` knows Cooklang and nothing of ladle: it gives the metadata and, for each step, its
items (``text``, ``ingredient``, ``cookware``, ``timer``) shaped as the canonical tests of
https://github.com/cooklang/spec state them, plus each step's section and the notes.
:mod:`ladle.formats.cooklang` maps that structure to a :class:`~ladle.model.Recipe`.

What is read, following the spec and, where it is silent, the reference parser (cooklang-rs):

- YAML front matter between ``---`` lines at the very start of the text, and legacy
  ``>> key: value`` lines anywhere (a later key wins over an earlier one).
- Steps are paragraphs: a blank line (or a line holding only a comment) ends one; the lines
  of a step join with a space. A ``\\`` at the end of a line keeps the line break.
- ``= Section`` and ``== Section ==`` lines (a lone ``=`` starts a section without a name) and
  ``>>`` lines stand alone even inside a paragraph; a paragraph that starts with ``>`` is a note.
- ``-- comment`` to the end of the line (a run of three or more ``-`` is text, so ``---`` is
  never a comment) and ``[- block comments -]``, which may span lines.
- ``\\`` escapes the next character: ``\\@`` is a plain ``@``.
- Components: ``@name``, ``@several words{}``, ``@name{quantity%unit}``, ``#name``,
  ``#big pot{}``, ``#pot{2}``, ``~{10%minutes}``, ``~name{3%minutes}``, ``~name``. A one-word
  name ends at whitespace or punctuation (Unicode categories P*); a longer name runs to the
  ``{`` on the same line. A name may not start with whitespace: ``@ example{}`` is text.
- After an ingredient or cookware, ``(note)`` with no space before it: a preparation.
- Inside braces: ``=`` first fixes the amount (scaling leaves it alone), ``%`` separates the
  unit (escaped, ``\\=`` and ``\\%`` are plain characters), ``2-4`` is a range, ``1/2``,
  ``1 / 2``, ``1 1/2`` and ``0.5`` are numbers, anything else (``few``, ``01/2``, ``7 k``)
  stays text. A trailing ``*`` (the old scaling mark) is dropped.
- ``@name|alias{}`` (cooklang-rs): the ingredient is *name*, the step shows *alias*.
- ``@./sauces/Hollandaise{150%g}``: a reference to another recipe; the item's ``name`` is the
  last part of the path (``Hollandaise``) and ``reference`` the path as written.

Items carry the canonical keys (``name``, ``quantity``, ``units``; an ingredient without an
amount has quantity ``"some"``, cookware defaults to 1, a timer without an amount has
quantity ``""``) and, only when there is something to say, ``quantity_max`` (a range),
``note``, ``alias``, ``fixed`` and ``reference``.

Errors raise :class:`~ladle.errors.FormatError` with ``where="LOCATION:LINE:COLUMN"``: a
component with an empty name (``#{}``, ``@{2}``), a timer with neither name nor amount
(``~{}``), cookware with a unit, two aliases or an empty one, a zero denominator.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Literal, NotRequired, TypedDict

import yaml

from ladle.errors import FormatError

__all__ = [
    "CooklangDocument",
    "CookwareItem",
    "IngredientItem",
    "Item",
    "TextItem",
    "TimerItem",
    "number_or_text",
    "parse",
    "parse_ingredient_form",
    "unescape",
]

Number = int | float
Quantity = int | float | str


class TextItem(TypedDict):
    type: Literal["text"]
    value: str


class IngredientItem(TypedDict):
    type: Literal["ingredient"]
    name: str
    quantity: Quantity
    units: str
    quantity_max: NotRequired[Number]
    note: NotRequired[str]
    alias: NotRequired[str]
    fixed: NotRequired[bool]
    reference: NotRequired[str]


class CookwareItem(TypedDict):
    type: Literal["cookware"]
    name: str
    quantity: Quantity
    units: str
    quantity_max: NotRequired[Number]
    note: NotRequired[str]
    alias: NotRequired[str]


class TimerItem(TypedDict):
    type: Literal["timer"]
    name: str
    quantity: Quantity
    units: str
    quantity_max: NotRequired[Number]


Item = TextItem | IngredientItem | CookwareItem | TimerItem


@dataclass(slots=True)
class CooklangDocument:
    """A parsed Cooklang text: ``metadata`` and ``steps`` as the canonical tests state them.

    ``sections`` runs beside ``steps``: the name of the section each step is in (None before
    the first ``=`` line and in a section without a name). ``notes`` are the ``>`` paragraphs.
    """

    metadata: dict[str, Any] = field(default_factory=dict)
    steps: list[list[Item]] = field(default_factory=list)
    sections: list[str | None] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def canonical(self) -> dict[str, Any]:
        """The ``result`` document of the canonical tests."""
        return {"steps": self.steps, "metadata": self.metadata}


# --- the syntax, compiled once ------------------------------------------------------------------

# Comments go before anything else; an escape protects the character after it.
_COMMENT = r"-(?<!--)-(?!-)[^\n]*|\[-(?s:.*?)(?:-\]|\Z)"
_STRIP = re.compile(rf"(\\.)|{_COMMENT}")  # with escapes, which protect what follows them
_STRIP_PLAIN = re.compile(_COMMENT)
_MARKER = re.compile(r"[@#~\\]")
_ESCAPE = re.compile(r"\\(.)|\n", re.S)
_FENCE = re.compile(r"^---[^\S\n]*$", re.M)
_NUMBER = re.compile(
    r"(?:(?P<int>0|[1-9][0-9]{0,29})|(?P<dec>(?:0|[1-9][0-9]{0,29})\.[0-9]{1,40})"
    r"|(?:(?P<whole>0|[1-9][0-9]{0,29})[^\S\n]+)?(?P<num>0|[1-9][0-9]{0,29})"
    r"[^\S\n]*/[^\S\n]*(?P<den>[0-9]{1,30}))"
)
_MARKS = {"ingredient": "@", "cookware": "#", "timer": "~"}
_ALIAS = re.compile(r"((?:\\.|[^\\|])*)\|(.*)", re.S)
_LEGACY_META = re.compile(r">>([^:]*):(.*)", re.S)
_PERCENT = re.compile(r"((?:\\.|[^\\%])*)(%?)(.*)", re.S)  # amount % units, escapes unresolved

# One line of front matter simple enough to read without YAML: ``key: value``.
_SIMPLE_META = re.compile(r"([^\s#\-?:,\[\]{}&*!|>'\"%@`][^:]*?)[^\S\n]*:[^\S\n]*(.*?)[^\S\n]*")
_YAML_INT = re.compile(r"0|[1-9][0-9]{0,17}")
_YAML_FLOAT = re.compile(r"(?:0|[1-9][0-9]{0,17})\.[0-9]{1,17}")
_YAML_WORDS = frozenset(
    ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"]
)  # what YAML 1.1 reads as booleans and null
_YAML_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")


_Builder = Callable[[tuple[Any, ...], int], "Item | None"]


@dataclass(frozen=True, slots=True)
class _Syntax:
    ingredient: re.Pattern[str]
    patterns: dict[str, tuple[re.Pattern[str], _Builder]]  # by marker: "@", "#", "~"


_syntax: _Syntax | None = None


def _compile() -> _Syntax:
    """The component patterns; built on first use (listing Unicode punctuation takes ~20 ms)."""
    global _syntax  # noqa: PLW0603 - a cache filled once
    cat = unicodedata.category
    punctuation = [c for c in map(chr, range(0x20000)) if cat(c)[0] == "P"]
    controls = [c for c in map(chr, range(0xA0)) if cat(c) == "Cc"]
    # Not a word character: whitespace, punctuation, control characters and the characters
    # Cooklang gives meaning.
    stops = "".join(re.escape(c) for c in sorted({*punctuation, *controls, *">:@#~?+-/*&|=%{}()."}))
    word = rf"(?P<word>[^\s{stops}]++)"
    name = r"(?P<lname>(?:[^\\@#~{\n]++|\\.)*+)"
    amount = r"\{(?P<amount>(?:[^\\}\n]++|\\.)*+)\}"
    note = r"(?:\((?P<note>(?:[^\\)\n]++|\\.)*+)\))?"
    ingredient = re.compile(rf"@(?:{name}{amount}|{word}){note}")
    syntax = _Syntax(
        ingredient=ingredient,
        patterns={
            "@": (ingredient, _ingredient),
            "#": (re.compile(rf"#(?:{name}{amount}|{word}){note}"), _cookware),
            "~": (re.compile(rf"~(?:{name}{amount}|{word})"), _timer),
        },
    )
    _syntax = syntax
    return syntax


# --- small helpers ------------------------------------------------------------------------------


def _unescape_match(match: re.Match[str]) -> str:
    char = match.group(1)
    return " " if char is None else char


def unescape(text: str) -> str:
    """Text with its escapes resolved (``\\@`` → ``@``) and plain line breaks made spaces."""
    if "\\" not in text:
        return text.replace("\n", " ")
    return _ESCAPE.sub(_unescape_match, text)


def number_or_text(text: str) -> Number | None:
    """A quantity as the canonical tests want it: a number when numeric, else None.

    ``"3"`` → 3, ``"1.5"`` → 1.5, ``"1/2"`` and ``"1 / 2"`` → 0.5, ``"1 1/2"`` → 1.5;
    ``"01/2"``, ``"few"`` → None. Raises ZeroDivisionError for ``"1/0"``.
    """
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    whole = match.group("int")
    if whole is not None:
        return int(whole)
    decimal = match.group("dec")
    if decimal is not None:
        return float(decimal)
    numerator = int(match.group("num"))
    denominator = int(match.group("den"))
    if denominator == 0:
        raise ZeroDivisionError(text)
    value = numerator / denominator
    if match.group("whole") is not None:
        value += int(match.group("whole"))
    return value


class _Problem(Exception):
    """A syntax error at an offset of the text being scanned; becomes a FormatError."""

    def __init__(self, offset: int, what: str, hint: str) -> None:
        super().__init__(what)
        self.offset = offset
        self.what = what
        self.hint = hint


def _amount(raw: str, offset: int, kind: str) -> tuple[Quantity, str, Number | None, bool]:
    """Quantity, units, quantity_max and fixed of the text between braces.

    An escaped ``\\%`` or leading ``\\=`` is a plain character, as in cooklang-rs: the
    separator and the fixed mark are looked for before escapes are resolved.
    """
    if "\\" in raw:
        split = _PERCENT.match(raw)  # matches any text: each part may be empty
        head, percent, units = split.groups() if split else (raw, "", "")
        head = head.strip()
        fixed = head[:1] == "="
        quantity = unescape(head[1:] if fixed else head).strip()
        units = unescape(units).strip()
    else:
        text = raw.strip()
        fixed = text[:1] == "="
        if fixed:
            text = text[1:].lstrip()
        quantity, percent, units = text.partition("%")
        if percent:
            quantity = quantity.rstrip()
            units = units.strip()
    if quantity.isdigit() and quantity.isascii() and len(quantity) < 30:
        if quantity[0] != "0" or len(quantity) == 1:
            return int(quantity), units, None, fixed
        return quantity, units, None, fixed
    if quantity[-1:] == "*":
        quantity = quantity[:-1].rstrip()
    high: Number | None = None
    try:
        value = number_or_text(quantity)
        if value is None and "-" in quantity:
            low_text, _, high_text = quantity.partition("-")
            low = number_or_text(low_text.strip())
            high = number_or_text(high_text.strip())
            if low is not None and high is not None:
                value = low
            else:
                high = None
    except ZeroDivisionError:
        raise _Problem(
            offset,
            f"the {kind}'s quantity {quantity!r} divides by zero",
            "write a fraction like 1/2",
        ) from None
    return (quantity if value is None else value), units, high, fixed


def _name(raw: str, offset: int, kind: str) -> tuple[str, str | None]:
    """The name and alias of a long component name (``white wine|wine``)."""
    alias: str | None = None
    if "|" in raw:
        match = _ALIAS.fullmatch(raw)
        if match is not None:
            raw, alias = match.group(1), match.group(2)
            if _ALIAS.fullmatch(alias) is not None:
                raise _Problem(
                    offset, f"the {kind} has more than one alias", "keep one '|' at most"
                )
            alias = unescape(alias).strip()
            if not alias:
                raise _Problem(
                    offset, f"the {kind}'s alias is empty", "write a name after '|' or drop it"
                )
    name = unescape(raw).strip() if "\\" in raw else raw.strip()
    if not name and kind != "timer":
        raise _Problem(offset, f"the {kind} has no name", f"write a name after the {_MARKS[kind]}")
    return name, alias


# --- a step -------------------------------------------------------------------------------------


def _ingredient(groups: tuple[str | Any, ...], offset: int) -> IngredientItem | None:
    raw_name, raw_amount, word, note = groups
    item: IngredientItem
    if word is not None:
        item = {"type": "ingredient", "name": word, "quantity": "some", "units": ""}
    else:
        if raw_name[:1].isspace():
            return None  # "@ example{}" is text
        if "|" in raw_name or "\\" in raw_name or not raw_name:
            name, alias = _name(raw_name, offset, "ingredient")
        else:
            name, alias = raw_name.strip(), None
        reference: str | None = None
        if raw_name[:2] == "./" or raw_name[:3] == "../":
            reference = name
            name = name.rstrip("/").rsplit("/", 1)[-1].strip()
        if not raw_amount or raw_amount.isspace():
            item = {"type": "ingredient", "name": name, "quantity": "some", "units": ""}
        else:
            quantity, units, high, fixed = _amount(raw_amount, offset, "ingredient")
            item = {
                "type": "ingredient",
                "name": name,
                "quantity": "some" if quantity == "" else quantity,
                "units": units,
            }
            if high is not None:
                item["quantity_max"] = high
            if fixed:
                item["fixed"] = True
        if alias is not None:
            item["alias"] = alias
        if reference is not None:
            item["reference"] = reference
    if note is not None:
        item["note"] = unescape(note).strip()
    return item


def _cookware(groups: tuple[str | Any, ...], offset: int) -> CookwareItem | None:
    raw_name, raw_amount, word, note = groups
    item: CookwareItem
    if word is not None:
        item = {"type": "cookware", "name": word, "quantity": 1, "units": ""}
    else:
        if raw_name[:1].isspace():
            return None  # "# 10{}" is text
        name, alias = _name(raw_name, offset, "cookware")
        item = {"type": "cookware", "name": name, "quantity": 1, "units": ""}
        if raw_amount and not raw_amount.isspace():
            quantity, units, high, _ = _amount(raw_amount, offset, "cookware")
            if units:
                raise _Problem(
                    offset,
                    f"cookware {name!r} has a unit ({units!r})",
                    "cookware takes a count only, like #pot{2}",
                )
            if quantity != "":
                item["quantity"] = quantity
            if high is not None:
                item["quantity_max"] = high
        if alias is not None:
            item["alias"] = alias
    if note is not None:
        item["note"] = unescape(note).strip()
    return item


def _timer(groups: tuple[str | Any, ...], offset: int) -> TimerItem | None:
    raw_name, raw_amount, word = groups
    if word is not None:
        return {"type": "timer", "name": word, "quantity": "", "units": ""}
    if raw_name[:1].isspace():
        return None  # "~ {5}" is text
    name, _ = _name(raw_name, offset, "timer")
    item: TimerItem = {"type": "timer", "name": name, "quantity": "", "units": ""}
    if raw_amount and not raw_amount.isspace():
        quantity, units, high, _ = _amount(raw_amount, offset, "timer")
        item["quantity"] = quantity
        item["units"] = units
        if high is not None:
            item["quantity_max"] = high
    elif not name:
        raise _Problem(
            offset, "the timer has neither a name nor an amount", "write it like ~{10%minutes}"
        )
    return item


def _step(text: str, syntax: _Syntax) -> list[Item]:
    """The items of one step (its lines joined by newlines)."""
    if _MARKER.search(text) is None:
        value = text.replace("\n", " ").strip()
        return [{"type": "text", "value": value}] if value else []
    patterns = syntax.patterns
    items: list[Item] = []
    search = _MARKER.search
    pos = start = 0
    while True:
        marker = search(text, pos)
        if marker is None:
            break
        at = marker.start()
        char = text[at]
        if char == "\\":
            pos = at + 2
            continue
        pattern, build = patterns[char]
        match = pattern.match(text, at)
        item = None if match is None else build(match.groups(), at)
        if match is None or item is None:
            pos = at + 1
            continue
        if start < at:
            items.append({"type": "text", "value": unescape(text[start:at])})
        items.append(item)
        pos = start = match.end()
    if start < len(text):
        items.append({"type": "text", "value": unescape(text[start:])})
    first = items[0]
    if first["type"] == "text":
        first["value"] = first["value"].lstrip()
        if not first["value"]:
            del items[0]
    if items:
        last = items[-1]
        if last["type"] == "text":
            last["value"] = last["value"].rstrip()
            if not last["value"]:
                del items[-1]
    return items


# --- metadata -----------------------------------------------------------------------------------


def _simple_value(value: str) -> Any:
    """A front-matter value read the way YAML would, or ``...`` when only YAML can tell."""
    if not value:
        return ...
    first = value[0]
    if first.isalpha():
        if value.lower() in _YAML_WORDS or ": " in value or " #" in value or value[-1] == ":":
            return ...
        return value
    if first.isdigit():
        if _YAML_INT.fullmatch(value):
            return int(value)
        if _YAML_FLOAT.fullmatch(value):
            return float(value)
        if ":" in value or " #" in value or _YAML_DATE.match(value) or "_" in value:
            return ...
        if " " in value or "|" in value or "/" in value:
            return value
    return ...


def _plain(value: Any, budget: list[int], depth: int = 0) -> Any:
    """YAML data as JSON-like data: dates as ISO text, keys as text; bounded in size."""
    budget[0] -= 1
    if budget[0] < 0 or depth > 50:
        raise ValueError("front matter too large")
    if isinstance(value, dict):
        return {str(k): _plain(v, budget, depth + 1) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v, budget, depth + 1) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _lenient(block: str) -> dict[str, Any]:
    """Front matter YAML cannot read: its ``key: value`` lines, as text."""
    found: dict[str, Any] = {}
    for line in block.split("\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key[:1].isspace():
            found[key.strip()] = value.strip()
    return found


def _front_matter(block: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for line in block.split("\n"):
        if not line or line.isspace() or line.lstrip()[:1] == "#":
            continue
        simple = _SIMPLE_META.fullmatch(line)
        value = ... if simple is None else _simple_value(simple.group(2))
        if value is ...:
            break
        assert simple is not None
        found[simple.group(1)] = value
    else:
        return found
    try:
        data = yaml.safe_load(block)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return _lenient(block)
    if not isinstance(data, dict):
        return _lenient(block)
    try:
        plain = _plain(data, [10_000])
    except (ValueError, RecursionError):
        return _lenient(block)
    assert isinstance(plain, dict)
    return plain


# --- the whole text -----------------------------------------------------------------------------


def _where(location: str, text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{location}:{line}:{column}"


def _section_name(line: str) -> str | None:
    """ "== Dough ==" → "Dough"; "=" → None. An escaped "=" (``\\=``) is part of the name."""
    name = line.lstrip("=").strip()
    while name[-1:] == "=" and (len(name) - len(name[:-1].rstrip("\\")) - 1) % 2 == 0:
        name = name[:-1].rstrip()
    return unescape(name).strip() or None


def _strip_comments(body: str) -> str:
    if "\\" not in body:
        return _STRIP_PLAIN.sub("", body)
    pieces: list[str] = []
    last = 0
    for match in _STRIP.finditer(body):
        if match.group(1) is None:
            pieces.append(body[last : match.start()])
            last = match.end()
    pieces.append(body[last:])
    return "".join(pieces)


def _original_offset(body: str, stripped_offset: int) -> int:
    """Where an offset of the comment-free body lies in the body as written."""
    removed = 0
    for match in _STRIP.finditer(body):
        if match.group(1) is not None:
            continue
        if match.start() - removed > stripped_offset:
            break
        removed += match.end() - match.start()
    return stripped_offset + removed


def parse(text: str, location: str = "<text>") -> CooklangDocument:
    """A Cooklang text in the canonical structure (see the module documentation).

    Raises :class:`~ladle.errors.FormatError` naming ``LOCATION:LINE:COLUMN`` for invalid
    components.
    """
    syntax = _syntax or _compile()
    metadata: dict[str, Any] = {}
    steps: list[list[Item]] = []
    sections: list[str | None] = []
    notes: list[str] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text[:1] == "\ufeff":
        text = text[1:]
    body = text
    head = 0  # where the body starts in the text
    if text[:3] == "---":
        newline = text.find("\n")
        if newline > 0 and not text[3:newline].strip():
            fence = _FENCE.search(text, newline + 1)
            if fence is not None:
                metadata.update(_front_matter(text[newline + 1 : fence.start()]))
                head = fence.end() + 1
                body = text[head:]
    original = body
    if "--" in body or "[-" in body:
        body = _strip_comments(body)
    lines = body.split("\n")
    # Paragraphs first: (index of the first line, its lines, its section).
    blocks: list[tuple[int, list[str], str | None]] = []
    block: list[str] = []
    section: str | None = None
    for number, line in enumerate(lines):
        if not line or line.isspace():
            if block:
                block = []
            continue
        char = line[0]
        if char == "=":
            block = []
            section = _section_name(line)
            continue
        if char == ">" and line[1:2] == ">":
            legacy = _LEGACY_META.fullmatch(line)
            if legacy is not None and legacy.group(1).strip():
                block = []
                metadata[unescape(legacy.group(1)).strip()] = unescape(legacy.group(2)).strip()
                continue
        if not block:
            blocks.append((number, block, section))
        block.append(line)
    for first, block, section in blocks:
        line = block[0]
        if line[0] == ">" and line[1:2] != ">":
            note = " ".join(unescape(part[1:] if part[0] == ">" else part) for part in block)
            note = " ".join(note.split())
            if note:
                notes.append(note)
            continue
        try:
            items = _step(line if len(block) == 1 else "\n".join(block), syntax)
        except _Problem as problem:
            before = sum(len(line) + 1 for line in lines[:first])
            offset = _original_offset(original, before + problem.offset) + head
            raise FormatError(
                problem.what, where=_where(location, text, offset), hint=problem.hint
            ) from None
        if items:
            steps.append(items)
            sections.append(section)
    return CooklangDocument(metadata, steps, sections, notes)


def parse_ingredient_form(text: str) -> IngredientItem | None:
    """One ingredient written in Cooklang (``@olive oil{2%tbsp}``), or None if it is not one."""
    syntax = _syntax or _compile()
    text = text.strip()
    match = syntax.ingredient.fullmatch(text)
    if match is None:
        return None
    try:
        return _ingredient(match.groups(), 0)
    except _Problem:
        return None
