"""schema.org Recipe data (JSON-LD or microdata, as dicts) to drafts.

Recipe sites embed schema.org data, and get it wrong in many small ways; this module reads what
they mean. It finds every Recipe node (inside ``@graph``, lists, ``mainEntity``, with ``@type``
given as a string, a list or a URL), and normalises:

- text: HTML entities escaped more than once, tags inside strings, non-breaking and doubled
  spaces, WP Recipe Maker's ``((…))`` for brackets;
- instructions: one string (split on lines), lists of strings, ``HowToStep`` objects (with a
  ``name`` that only repeats the text or says "Step 1"), ``HowToSection`` nesting (sections
  become step sections, not steps), ``ItemList`` wrappers, lists of lists; ``HowToTip``
  objects are notes;
- times and yields as the node gives them (an ISO 8601 duration, a number, a list), left to
  understanding to read (:func:`ladle.durations.minutes_of`, :func:`ladle.yields.yield_of`);
- what ladle does not model (category, cuisine, author, cooking method, diet) as metadata.

The draft then goes through the same understanding as plain text (:mod:`ladle.understand`).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ladle.draft import Draft, DraftLine, DraftStep
from ladle.errors import FormatError
from ladle.model import Source
from ladle.text import INVISIBLE
from ladle.words import alternation, word_list
from ladle.yields import parse_yield

__all__ = [
    "clean_text",
    "ingredient_lines",
    "ingredients_with_groups",
    "instruction_items",
    "loads_lenient",
    "recipe_nodes",
    "tips",
    "to_draft",
    "yield_from_last_step",
    "yield_texts",
]

_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:br|p|li|ul|ol|div|h\d|tr|td|th|table|section|article|blockquote|dd|dt|hr)"
    r"\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")


def clean_text(value: object, *, keep_lines: bool = False) -> str:
    """Text as a cook reads it: entities decoded (however often escaped), tags gone, one space.

    >>> clean_text("Salt &amp;amp; pepper&nbsp; <b>to taste</b>")
    'Salt & pepper to taste'
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    for _ in range(5):  # "&amp;amp;amp;" is three escapes deep
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    if "<" in text:
        text = _BLOCK_TAG.sub("\n" if keep_lines else " ", text)
        text = _TAG.sub("", text)  # inline tags: "<b>Pepper</b>, to taste" keeps its comma
    text = INVISIBLE.sub("", text).replace("\u00a0", " ").replace("u0026#039;", "'")
    if "((" in text and "))" in text:  # WP Recipe Maker writes brackets as ((…))
        text = text.replace("((", "(").replace("))", ")")
    if keep_lines:
        lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
        return "\n".join(line for line in lines if line)
    return _SPACES.sub(" ", text).strip()


# --- JSON as sites write it --------------------------------------------------------------------

_TRAILING = re.compile(r"[;\s]+$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def loads_lenient(text: str, where: str) -> Any:
    """JSON as pages embed it: a trailing semicolon, control characters, stray commas, an HTML
    comment wrapper, raw newlines inside strings, several objects one after another."""
    body = text.strip()
    if body.startswith("<!--"):
        body = body[4:]
    if body.endswith("-->"):
        body = body[:-3]
    body = _TRAILING.sub("", body.strip())
    attempts = (
        body,
        _CONTROL.sub(" ", body.replace("\r", " ").replace("\n", " ").replace("\t", " ")),
    )
    error: json.JSONDecodeError | None = None
    for attempt in attempts:
        try:
            return json.loads(attempt, strict=False)
        except json.JSONDecodeError as exc:
            error = exc
        except (ValueError, RecursionError) as exc:
            raise FormatError(f"unreadable JSON-LD ({exc})", where=where) from exc
        fixed = _TRAILING_COMMA.sub(r"\1", attempt)
        try:
            return json.loads(fixed, strict=False)
        except (json.JSONDecodeError, RecursionError):
            pass
        values = _concatenated(fixed)
        if values:
            return values
        repaired = _escape_stray_quotes(fixed)
        if repaired is not None:
            return repaired
    assert error is not None
    raise FormatError(
        f"broken JSON-LD: {error.msg} at line {error.lineno}, column {error.colno}",
        where=where,
        hint="the page's structured data cannot be read",
    )


def _escape_stray_quotes(text: str, attempts: int = 50) -> Any:
    """``"name": "The "best" cake"``: escape the quotes that end a string too early."""
    for _ in range(attempts):
        try:
            return json.loads(text, strict=False)
        except json.JSONDecodeError as exc:
            if not exc.msg.startswith(("Expecting ',' delimiter", "Expecting ':' delimiter")):
                return None
            quote = text.rfind('"', 0, exc.pos)
            if quote <= 0 or text[quote - 1] == "\\":
                return None
            text = f'{text[:quote]}\\"{text[quote + 1 :]}'
        except RecursionError:
            return None
    return None


def _concatenated(text: str) -> list[Any]:
    """``{…}{…}`` or ``{…} {…}``: several JSON values written one after another."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    position = 0
    try:
        while position < len(text):
            while position < len(text) and text[position] in " \t\r\n,;":
                position += 1
            if position >= len(text):
                break
            value, position = decoder.raw_decode(text, position)
            values.append(value)
    except (json.JSONDecodeError, RecursionError):
        return []
    return values if len(values) > 1 else []


# --- finding recipes ---------------------------------------------------------------------------


def _types(node: Mapping[str, Any]) -> list[str]:
    value = node.get("@type") or node.get("type") or []
    values = value if isinstance(value, list) else [value]
    return [str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if v]


def is_recipe(node: object) -> bool:
    return isinstance(node, Mapping) and any(t.lower() == "recipe" for t in _types(node))


def recipe_nodes(data: object, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    """Every Recipe node in JSON-LD data, outermost first, each once."""
    if depth > 12:
        return
    if isinstance(data, list):
        for item in data:
            yield from recipe_nodes(item, depth + 1)
        return
    if not isinstance(data, Mapping):
        return
    if is_recipe(data):
        yield data
        return
    for key in (
        "@graph",
        "mainEntity",
        "mainEntityOfPage",
        "itemListElement",
        "item",
        "about",
        "hasPart",
        "subjectOf",
    ):
        if key in data:
            yield from recipe_nodes(data[key], depth + 1)


# --- yields ------------------------------------------------------------------------------------


def yield_texts(value: object) -> list[str]:
    """recipeYield as sites write it ("4", 4, "4 servings", ["4", "4 servings"], "Makes 24"):
    its texts and numbers, for :func:`ladle.yields.yield_of`."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, bool) or item is None:
            continue
        if isinstance(item, int | float):
            out.append(f"{item:g}")
        elif text := clean_text(item):
            out.append(text)
    return out


# --- instructions ------------------------------------------------------------------------------

_STEP_WORDS = alternation(word_list("headings", "step_words"))
_STEP_LABEL = re.compile(rf"^(?:{_STEP_WORDS}\s*)?\d+\s*[:.)\-–—]?\s*$", re.I)
_NAMED_STEP = re.compile(rf"\b{_STEP_WORDS}\s*\d+\s*[:.]?$", re.I)
_WORDY = re.compile(r"\w")  # a line of punctuation alone (", " between joined steps) is none
_NUMBERED = re.compile(r"^\s*(?:step\s*)?\d{1,2}\s*[.):]\s+", re.I)


def embedded_json(value: str) -> object | None:
    """A list or object written as a JSON string inside a field (a microdata ``content``
    attribute holding ``[{"@type": "HowToStep", …}]``), else None."""
    text = value.strip()
    if (text[:1], text[-1:]) not in (("[", "]"), ("{", "}")):
        return None
    try:
        parsed = json.loads(text)
    except ValueError:
        return None
    return parsed if isinstance(parsed, list | dict) else None


def _text_of(node: Mapping[str, Any]) -> str:
    for key in ("text", "description", "name", "itemListElement"):
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _step_names(value: object) -> Counter[str]:
    """How often each HowToStep name occurs in recipeInstructions."""
    names: Counter[str] = Counter()
    if isinstance(value, list):
        for item in value:
            names.update(_step_names(item))
    elif isinstance(value, Mapping):
        if isinstance(value.get("name"), str) and "HowToStep" in _types(value):
            names[clean_text(value["name"])] += 1
        names.update(_step_names(value.get("itemListElement")))
    return names


def instruction_items(
    value: object,
    section: str | None = None,
    *,
    top: bool = True,
    labels: frozenset[str] | None = None,
) -> list[tuple[str, str | None]]:
    """recipeInstructions as (step text, section) pairs, in order.

    One string for all the instructions is split into its lines; a string inside a list is
    one step, whatever line breaks it holds. A step's name that differs from its text is a
    step of its own, as recipe-scrapers lists it, unless several steps share it: then it is a
    kind of step ("Add an ingredient"), no instruction.
    """
    out: list[tuple[str, str | None]] = []
    if value is None:
        return out
    if labels is None:
        labels = frozenset(name for name, count in _step_names(value).items() if count > 1)
    if isinstance(value, str):
        parsed = embedded_json(value)
        if parsed is not None:
            return instruction_items(parsed, section, top=top, labels=labels)
        if not top:
            text = clean_text(value)
            return [(text, section)] if text else []
        lines = clean_text(value, keep_lines=True).split("\n")
        out.extend((clean_text(line), section) for line in lines if _WORDY.search(line))
        return out
    if isinstance(value, list):
        for item in value:
            out.extend(instruction_items(item, section, top=False, labels=labels))
        return out
    if not isinstance(value, Mapping):
        return out
    types = _types(value)
    if "HowToTip" in types:
        return out  # a tip is no step: see tips()
    if "HowToSection" in types or (
        "ItemList" in types
        and value.get("name")
        and section is None
        and isinstance(value.get("itemListElement"), list)
        and "HowToStep" not in types
    ):
        name = clean_text(value.get("name") or value.get("Name")) or section
        out.extend(instruction_items(value.get("itemListElement"), name, top=False, labels=labels))
        return out
    if "ItemList" in types and not value.get("text"):
        out.extend(
            instruction_items(value.get("itemListElement"), section, top=False, labels=labels)
        )
        return out
    element = value.get("itemListElement")
    if element and not value.get("text"):
        out.extend(instruction_items(element, section, top=False, labels=labels))
        return out
    text = clean_text(_text_of(value))
    name = clean_text(value.get("name"))
    if (
        name
        and text
        and name != text
        and not _STEP_LABEL.match(name)
        and not _NAMED_STEP.search(name)
        and name not in labels
    ):
        stem = name.rstrip(".").rstrip("…").rstrip(".")
        if not text.startswith(stem) and not stem.startswith(text[: max(10, len(stem))]):
            out.append((name, section))
    if text:
        out.append((text, section))
    return out


# --- ingredients -------------------------------------------------------------------------------


def ingredient_lines(value: object) -> list[str]:
    """recipeIngredient as clean lines (strings, lists of lists, objects with a name)."""
    items: Iterable[object]
    if value is None:
        return []
    if isinstance(value, str) and (parsed := embedded_json(value)) is not None:
        return ingredient_lines(parsed)
    if isinstance(value, str):
        items = [value]
    elif isinstance(value, list):
        items = [x for item in value for x in (item if isinstance(item, list) else [item])]
    else:
        items = [value]
    lines: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            text = clean_text(item.get("text") or item.get("name") or "")
        else:
            text = clean_text(item)
        if text:
            lines.append(text)
    if len(lines) == 1:
        return _collapsed(lines[0])
    return lines


_AMOUNT_FIRST = re.compile(r"^[\d½¼¾⅓⅔⅛⅜⅝⅞]")
_PIECE_SEPARATORS = (re.compile(r",\s+(?![^()]*\))"), re.compile(r"(?<![\d½¼¾⅓⅔⅛])\s+-\s+"))


def _collapsed(line: str) -> list[str]:
    """A whole ingredient list written as one line ("125ml milk, 1 tsp vinegar, 60ml oil"
    or "300 g cheese - ½ L stock - 80 g butter"): its pieces, when there are at least three
    and most begin with an amount; else the line as it is."""
    for separator in _PIECE_SEPARATORS:
        pieces = [p.strip() for p in separator.split(line) if p.strip()]
        if (
            len(pieces) >= 3
            and sum(bool(_AMOUNT_FIRST.match(p)) for p in pieces) * 3 >= len(pieces) * 2
        ):
            return pieces
    return [line]


_LIST_MARK = re.compile(r"^\s*(?:[-•*·▪◦–]|\d+[.)])\s+(?=\S)")
_GROUP_HEADER = re.compile(
    r"^(?:(?:for|to\s+make|to\s+serve|für|pour|per|para|voor|do)\b[^:]{0,50}:?|[^:\d]{1,50}:)$",
    re.I,
)


def _tidy_line(line: str) -> str:
    """ "- 300 g cheese" → "300 g cheese": a list mark is markup, not part of the line."""
    return _LIST_MARK.sub("", line)


def _is_group_header(line: str, following: str | None) -> bool:
    """ "For the sauce:" in a list of ingredient lines names the lines below it."""
    if following is None or re.search(r"\d", line):
        return False
    return bool(_GROUP_HEADER.match(line)) or (line.isupper() and len(line.split()) <= 5)


def ingredients_with_groups(lines: list[str]) -> list[tuple[str, str | None]]:
    """Ingredient lines with the group each falls under, group headers taken out."""
    out: list[tuple[str, str | None]] = []
    group: str | None = None
    for position, line in enumerate(lines):
        following = lines[position + 1] if position + 1 < len(lines) else None
        if _is_group_header(line, following):
            group = line.rstrip(":").strip() or None
            continue
        out.append((_tidy_line(line), group))
    return out


# --- the recipe --------------------------------------------------------------------------------


def _first_text(value: object) -> str:
    if isinstance(value, list):
        for item in value:
            text = _first_text(item)
            if text:
                return text
        return ""
    if isinstance(value, Mapping):
        return clean_text(value.get("name") or value.get("@value") or "")
    return clean_text(value)


def _keywords(value: object) -> list[str]:
    if isinstance(value, list):
        words = [clean_text(v) for v in value]
    else:
        words = [w.strip() for w in clean_text(value).split(",")]
    return list(dict.fromkeys(w for w in words if w))


_TRAILING_YIELD = re.compile(
    r"(?<=[.!])\s+((?:Serves|Makes)\s+\d+(?:\s*[-–]\s*\d+)?(?:\s+[a-z]+)?)\.?\s*$"
)


def to_draft(node: Mapping[str, Any], location: str, url: str | None, fmt: str) -> Draft:
    """One schema.org Recipe node as a draft."""
    lines = ingredient_lines(node.get("recipeIngredient") or node.get("ingredients"))
    instructions = (
        node.get("recipeInstructions") or node.get("RecipeInstructions") or node.get("instructions")
    )
    draft = Draft(
        title=_first_text(node.get("name") or node.get("headline")) or None,
        description=clean_text(_first_text(node.get("description"))) or None,
        yields=yield_texts(node.get("recipeYield") or node.get("yield")),
        times={
            key: value
            for key, value in (
                ("prep", _time(node.get("prepTime"))),
                ("cook", _time(node.get("cookTime"))),
                ("total", _time(node.get("totalTime"))),
            )
            if value is not None
        },
        ingredients=[DraftLine(line, group) for line, group in ingredients_with_groups(lines)],
        steps=[DraftStep(text, section) for text, section in instruction_items(instructions)],
        notes=tips(instructions),
        tags=_keywords(node.get("keywords")),
        metadata=_metadata(node),
        source=Source(
            format=fmt, location=location, url=url or _first_text(node.get("url")) or None
        ),
    )
    _mark_fixed(draft, node.get(FIXED))
    return yield_from_last_step(draft)


# ladle's own property for amounts scaling leaves alone (see ladle.formats.jsonld)
FIXED = "https://ladle.invalid/ns#fixedIngredient"


def _mark_fixed(draft: Draft, positions: object) -> None:
    if not isinstance(positions, list):
        return
    for position in positions:
        if type(position) is int and 0 <= position < len(draft.ingredients):
            draft.ingredients[position].fixed = True


def _time(value: object) -> str | float | None:
    """A time as the node writes it: a text or a number (a list's first, an object's value)."""
    if isinstance(value, list):
        return _time(value[0]) if value else None
    if isinstance(value, Mapping):
        return _time(value.get("@value") or value.get("value") or value.get("maxValue"))
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    return str(value)


def tips(value: object) -> list[str]:
    """The HowToTip texts of recipeInstructions, in order: notes, not steps."""
    out: list[str] = []
    if isinstance(value, list):
        for item in value:
            out.extend(tips(item))
    elif isinstance(value, Mapping):
        if "HowToTip" in _types(value):
            text = clean_text(_text_of(value))
            if text:
                out.append(text)
        else:
            out.extend(tips(value.get("itemListElement")))
    return out


_METADATA = {
    "recipeCategory": "course",
    "recipeCuisine": "cuisine",
    "author": "author",
    "cookingMethod": "cooking method",
    "suitableForDiet": "diet",
}


def _metadata(node: Mapping[str, Any]) -> dict[str, str]:
    """What a Recipe node says that ladle does not model, as text by name."""
    out: dict[str, str] = {}
    for key, name in _METADATA.items():
        values = node.get(key)
        items = values if isinstance(values, list) else [values]
        texts = [_first_text(item) for item in items if item]
        texts = [t.rsplit("/", 1)[-1] if t.startswith("http") else t for t in texts if t]
        if texts:
            out[name] = ", ".join(dict.fromkeys(texts))
    return out


def yield_from_last_step(draft: Draft) -> Draft:
    """ "… freeze for up to 3 months. Serves 4": a yield at the end of the method is no
    instruction; it leaves the step, and gives the recipe its yield when it has none."""
    if not draft.steps or not (tail := _TRAILING_YIELD.search(draft.steps[-1].text)):
        return draft
    last = draft.steps[-1]
    last.text = last.text[: tail.start()].rstrip()
    if not any(parse_yield(str(t), stated=True) for t in draft.yields):
        draft.yields.append(tail.group(1))
    return draft
