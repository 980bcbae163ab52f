"""Markdown: a recipe as a readable CommonMark document (writer only).

The layout: the title as ``#``, the description, one line of yield and times,
``## Ingredients`` (groups as ``###``), ``## Instructions`` (sections as ``###``, steps numbered
on through the sections), ``## Notes``, and short sections for what the article around the recipe
adds (other methods, variations, sides and drinks, doneness, storage, make-ahead).

Recipe text is escaped, so a title like ``*Best* <b>pie</b> #1`` stays text. The plain-text
views of a recipe that the HTML card shares (``header_facts``, ``article_parts``, ``runs``) live
here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ladle.model import Recipe, Storage
from ladle.units import format_quantity

__all__ = [
    "Entry",
    "Part",
    "article_parts",
    "escape",
    "header_facts",
    "minutes_text",
    "one_line",
    "runs",
    "write",
]

T = TypeVar("T")


# --- plain-text views, shared with the HTML card ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of an article part: an optional bold lead ("Air fryer") and its text."""

    label: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Part:
    """A short section of what the article adds: a heading and its entries."""

    heading: str
    entries: list[Entry]


def one_line(text: str | None) -> str:
    """Text with its runs of white space (line breaks too) as single spaces."""
    return " ".join((text or "").split())


def minutes_text(value: float) -> str:
    """Minutes as a cook reads them: "45 min", "1 h 30 min", "1 day 2 h", "½ min"."""
    if value < 60:
        return f"{format_quantity(value)} min"
    total = round(value)
    days, rest = divmod(total, 1440)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} day" + ("s" if days > 1 else "")] if days else []
    parts += [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes else []
    return " ".join(parts)


def _days(value: float) -> str:
    return f"{format_quantity(value)} day" + ("" if value == 1 else "s")


def _keeps(storage: Storage) -> str:
    where = one_line(storage.where) or "refrigerator"
    if storage.max_days:
        return f"Keeps {_days(storage.max_days)} in the {where}."
    return f"Keep in the {where}."


def _degrees(value: float) -> str:
    return f"{round(value, 1):g}"


def header_facts(recipe: Recipe) -> list[str]:
    """Yield and times: ["Serves 4", "Prep 15 min", "Cook 1 h 30 min"]."""
    facts: list[str] = []
    made = recipe.yield_
    if one_line(made.text):
        facts.append(one_line(made.text))
    elif made.servings:
        facts.append(f"Serves {format_quantity(made.servings)}")
    elif made.amount and made.unit:
        facts.append(f"Makes {format_quantity(made.amount)} {made.unit.replace('_', ' ')}")
    for label, value in (
        ("Prep", recipe.times.prep_minutes),
        ("Cook", recipe.times.cook_minutes),
        ("Total", recipe.times.total_minutes),
    ):
        if value is not None and value >= 0:
            facts.append(f"{label} {minutes_text(value)}")
    return facts


def runs(items: Iterable[T], key: Callable[[T], str | None]) -> list[tuple[str | None, list[T]]]:
    """Items in order, cut where ``key`` changes: ingredient groups, step sections."""
    out: list[tuple[str | None, list[T]]] = []
    for item in items:
        name = one_line(key(item)) or None
        if out and out[-1][0] == name:
            out[-1][1].append(item)
        else:
            out.append((name, [item]))
    return out


_VARIANT_HEADINGS = (
    ("method", "Other methods"),
    ("variation", "Variations"),
    ("technique", "Tips and techniques"),
)
_PAIRING_HEADINGS = (("side", "Sides"), ("drink", "Drinks"))


def _labelled(name: str, text: str) -> Entry:
    """An entry led by its name, unless the text already starts with it."""
    name, text = one_line(name), one_line(text)
    if not text:
        return Entry(None, name)
    if not name or text.casefold().startswith(name.casefold()):
        return Entry(None, text)
    return Entry(name, text)


def article_parts(recipe: Recipe) -> list[Part]:
    """What the article around the recipe adds, as short parts; only those that exist."""
    parts: list[Part] = []
    known = {kind for kind, _ in _VARIANT_HEADINGS}
    for kind, heading in (*_VARIANT_HEADINGS, (None, "More ways")):
        variants = [v for v in recipe.variants if (v.kind == kind if kind else v.kind not in known)]
        if variants:
            parts.append(Part(heading, [_labelled(v.name, v.text) for v in variants]))
    known = {kind for kind, _ in _PAIRING_HEADINGS}
    for kind, heading in (*_PAIRING_HEADINGS, (None, "Serve with")):
        pairings = [p for p in recipe.pairings if (p.kind == kind if kind else p.kind not in known)]
        if pairings:
            parts.append(Part(heading, [_labelled(p.name, p.text) for p in pairings]))
    if recipe.doneness:
        entries = []
        for d in recipe.doneness:
            food = one_line(d.food) or "Done at"
            target = f"{_degrees(d.fahrenheit)}°F / {_degrees(d.celsius)}°C"
            text = f"{target}. {one_line(d.text)}" if one_line(d.text) else target
            entries.append(Entry(food[:1].upper() + food[1:], text))
        parts.append(Part("Doneness", entries))
    if recipe.storage:
        parts.append(
            Part(
                "Storage",
                [Entry(None, one_line(s.text) or _keeps(s)) for s in recipe.storage],
            )
        )
    if recipe.make_ahead:
        parts.append(
            Part(
                "Make ahead",
                [
                    Entry(
                        f"Up to {_days(m.lead_days)} ahead" if m.lead_days else None,
                        one_line(m.text),
                    )
                    for m in recipe.make_ahead
                ],
            )
        )
    return parts


# --- Markdown ----------------------------------------------------------------------------------

_INLINE = re.compile(r"([\\`*_\[\]<>#~|])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^([+\-=])")
_ORDERED_START = re.compile(r"^(\d+)([.)])")
_AUTOLINK = re.compile(r"^https?://[^\s<>]+$")


def escape(text: str | None) -> str:
    """Text as Markdown shows it literally, on one line: ``*``, ``_``, ``<``, ``#`` … escaped."""
    line = _INLINE.sub(r"\\\1", one_line(text))
    line = _ENTITY.sub(r"\\&", line)
    line = _BLOCK_START.sub(r"\\\1", line)
    return _ORDERED_START.sub(r"\1\\\2", line)


def _entry(entry: Entry) -> str:
    if entry.label and entry.text:
        return f"- **{escape(entry.label)}:** {escape(entry.text)}"
    if entry.label:
        return f"- **{escape(entry.label)}**"
    return f"- {escape(entry.text)}"


def _ingredients(recipe: Recipe) -> list[str]:
    lines = ["## Ingredients", ""]
    for index, (group, items) in enumerate(runs(recipe.ingredients, lambda i: i.group)):
        if group:
            lines += [f"### {escape(group)}", ""]
        elif index:
            lines.pop()  # no heading: the list goes on without a blank line
        lines += [f"- {escape(i.text)}" for i in items] + [""]
    return lines


def _instructions(recipe: Recipe) -> list[str]:
    lines = ["## Instructions", ""]
    number = 0
    for index, (section, steps) in enumerate(runs(recipe.steps, lambda s: s.section)):
        if section:
            lines += [f"### {escape(section)}", ""]
        elif index:
            lines.pop()
        for step in steps:
            number += 1
            lines.append(f"{number}. {escape(step.text)}")
        lines.append("")
    return lines


def _bullets(heading: str, entries: Sequence[Entry]) -> list[str]:
    return [f"## {heading}", "", *(_entry(e) for e in entries), ""]


def write(recipe: Recipe) -> str:
    """The recipe as a Markdown document."""
    lines = [f"# {escape(recipe.title) or 'Recipe'}", ""]
    if one_line(recipe.description):
        lines += [escape(recipe.description), ""]
    facts = header_facts(recipe)
    if facts:
        lines += [" · ".join(escape(f) for f in facts), ""]
    if recipe.ingredients:
        lines += _ingredients(recipe)
    if recipe.steps:
        lines += _instructions(recipe)
    notes = [Entry(None, one_line(n)) for n in recipe.notes if one_line(n)]
    if notes:
        lines += _bullets("Notes", notes)
    for part in article_parts(recipe):
        lines += _bullets(part.heading, part.entries)
    url = one_line(recipe.source.url)
    if url:
        lines += [f"Source: <{url}>" if _AUTOLINK.match(url) else f"Source: {escape(url)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
