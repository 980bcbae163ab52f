"""Cooklang in and out: ``.cook`` files to ladle recipes and back.

Reading is two steps. :func:`~ladle.formats.cooklang_parse.parse` gives the canonical structure
of the Cooklang test suite (fast, knows nothing of ladle); :func:`to_draft` maps it to a
:class:`~ladle.draft.Draft`, which :func:`ladle.understand.understand` makes a recipe.
Writing is :func:`write` (:mod:`ladle.formats.cooklang_write`), which reads back what it
writes to choose each form.

Metadata (front matter, or ``>> key: value`` lines):

- *title* from ``title``, else the file name (``chicken-pie.cook`` → "Chicken pie");
  *servings* from ``servings``/``serves`` (``2|4|8`` gives 2) and *yield* from ``yield``
  ("2 loaves"); *times* from ``prep time``, ``cook time`` and ``time``/``total time``
  (also written ``prep_time``, ``time.prep``; any duration ladle reads: "1h30m", "45 minutes");
  *tags* from ``tags`` (a list or "a, b"); *description* from ``description``/``introduction``;
  the source URL from ``source`` (a URL, "Name <URL>" or a mapping with ``url``).
- Everything else is kept as text by name in ``Recipe.metadata``, to be written back: every
  other key (``course: dinner`` → ``{"course": "dinner"}``); a value ladle cannot read
  (``servings: a few``) or reads only in part (``source: Mum's book <https://…>``, kept whole
  beside the URL); a second key for a field already read (``introduction`` beside
  ``description``). Numbers and booleans are kept as YAML writes them ("4", "1.5", "true"), a
  list joined with ", " ("vegan, quick"), a mapping flattened with dots (``nutrition:
  {calories: 300}`` → ``"nutrition.calories": "300"``; ``source: {name: …, url: …}`` keeps
  ``"source.name"``). An empty value says nothing and is left out.

Amounts. A number, fraction or range between the braces (``{2}``, ``{1 1/2%cups}``, ``{2-4}``)
gives ``quantity`` (and ``quantity_max``), ``%unit`` the canonical ``unit``, a leading ``=``
``fixed``. Cooklang calls anything else a text amount; ladle reads its words as a cook would and
keeps every one of them, so that ladle → Cooklang → ladle keeps each amount, unit and name:

- ``{pinch}``, ``{handful}``: one word ladle knows as a unit is the unit, with no quantity;
- ``{to taste}``: ``to_taste``, no quantity (any text amount with the word "taste" sets it);
- ``{a few}``, ``{lots}``, ``{lidt}``: no quantity; the words are the ``comment``, where ladle's
  ingredient reader also puts "few" of "few sprigs thyme";
- ``{few%sprigs}``: no quantity, unit ``sprig``, comment "few";
- a number as cooks write it: ``{½%tsp}`` (0.5 teaspoon), ``{1,5%dl}``, ``{1½%tbsp}``;
- a number, then a unit word (a ``%`` forgotten): ``{1 cup}``, ``{500g}``, ``{2-3 cm}``;
- a number, then other words: ``{1 large}`` is 1 with comment "large", ``{3 cloves // minced}``
  3 clove with comment "// minced";
- ``{%pinch}`` (which cooklang-rs refuses) is the unit with no quantity.

The ingredient's text is the amount, then the name ("few sprigs thyme", "½ tsp salt",
"salt to taste"), numbers as ladle shows them (``{1,5%dl}`` → "1½ dl"). The writer writes each
amount in the first form that reads back to the same quantity, range, unit, words and to-taste:
``{2%tbsp}`` (the unit spelled as the ingredient's text spells it), ``{pinch}``, ``{few%sprigs}``,
``{1 large}``, ``{to taste}``, and ``{some%bowl}`` for a unit with no number and no word of its
own. It never writes ``{%unit}``.

Ingredients: each ``@`` item with an amount, and the first of each name without one, is an
ingredient, in order of appearance; a later ``@name`` or ``@name{}`` without an amount uses the
latest ingredient of that name. Amounts are never summed: two ``@flour{100%g}`` are two lines, as
Cooklang's own tools list them. ``(…)`` is the preparation, ``@./path/Name`` a reference to
another recipe. The front-matter key ``ingredients`` (written by :func:`write`), a list of
ingredients in Cooklang form (``"@butter{1%tbsp}"``), gives the ingredient list its order and
carries the ingredients no step names. Each entry takes the step ingredient of the same name and
amount, else the first one of the same name, else it is an ingredient of its own; step
ingredients no entry takes follow the list. An amount written in the steps wins over the list's.

Steps: the text with each component as the step shows it (the alias, or the name; a timer as its
amount, "10 minutes", or its name when it has none), whitespace collapsed; the section of ``=``
lines; ``uses`` the ingredients the step's ``@`` items name; equipment from the cookware
(ladle's canonical name where the equipment lexicon knows it, else as written) and then what
:func:`~ladle.steps.understand_steps` finds in the text, which also gives the temperatures, the
durations and the attention. A timer adds its duration when the text has not already stated it,
its unit read in several languages (``~{5%minutter}``, ``~{1%Stunde}``). ``>`` notes are the
recipe's notes. A timer's name is the duration's ``name`` (``~eggs{3%minutes}``: "3 minutes",
named "eggs"); each cookware mark is kept as written with its count in ``Step.cookware``
(``#large pot{2}``), and written back so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ladle.draft import Draft, DraftLine, DraftStep
from ladle.durations import find_durations, minutes_of
from ladle.equipment import EQUIPMENT, equipment_in
from ladle.errors import NoRecipeFound
from ladle.formats.cooklang_parse import (
    CooklangDocument,
    CookwareItem,
    IngredientItem,
    Item,
    TimerItem,
    parse,
    parse_ingredient_form,
)
from ladle.limits import minutes_ok, quantity_ok
from ladle.model import Cookware, Duration, Ingredient, Source
from ladle.text import FRACTIONS, parse_number
from ladle.units import _COUNT_UNITS, canonical_unit, format_quantity, is_count_unit
from ladle.yields import parse_yield

__all__ = ["parse", "read", "to_draft", "write"]

INGREDIENTS_KEY = "ingredients"


# --- reading ------------------------------------------------------------------------------------


def read(text: str, location: str) -> list[Draft]:
    """The recipe of a Cooklang text as a draft (a list of one, as every reader gives)."""
    return [to_draft(parse(text, location), location)]


def to_draft(document: CooklangDocument, location: str = "<text>") -> Draft:
    """A parsed Cooklang document as a draft: the text of each step and each ingredient as
    written, with what the components mark (amounts, timers, cookware, which ingredients a
    step uses) beside it (see the module documentation)."""
    fields = read_fields(document.metadata)
    ingredients, step_uses = _ingredients(document.steps, fields.listed)
    if not document.steps and not ingredients:
        raise NoRecipeFound(
            "no recipe found: the Cooklang text has no steps and no ingredients",
            where=location,
            hint="write steps as paragraphs, ingredients as @name{amount%unit}",
        )
    steps: list[DraftStep] = []
    for items, section, uses in zip(document.steps, document.sections, step_uses, strict=True):
        text, durations, tools, marks = _step_parts(items)
        name = " ".join(section.split()) if section else None
        steps.append(
            DraftStep(text, name, timers=durations, cookware=tools, uses=uses, marks=marks)
        )
    return Draft(
        title=fields.title,
        description=fields.description,
        yields=fields.yields,
        times=fields.times,
        ingredients=[DraftLine(i.text, known=i) for i in ingredients],
        steps=steps,
        notes=list(document.notes),
        tags=fields.tags,
        metadata=fields.metadata,
        source=Source(format="cooklang", location=location, url=fields.url),
    )


def _shown_quantity(item: IngredientItem | CookwareItem | TimerItem) -> str:
    """A component's amount as a step shows it: "10", "1.5", "2-4", "few" (no units)."""
    quantity = item["quantity"]
    text = quantity if isinstance(quantity, str) else repr(quantity)
    high = item.get("quantity_max")
    if high is not None:
        text = f"{text}-{high!r}"
    return text


def timer_text(item: TimerItem) -> str:
    """A timer as a step shows it: its amount ("10 minutes"), or its name when it has none."""
    if item["quantity"] == "":
        return item["name"]
    amount = _shown_quantity(item)
    return f"{amount} {item['units']}" if item["units"] else amount


# Timer units in the languages Cooklang files are written in, in minutes.
_TIMER_UNITS: dict[str, float] = {
    **dict.fromkeys(
        (
            "s",
            "sec",
            "secs",
            "second",
            "seconds",
            "sekund",
            "sekunder",
            "sekunde",
            "sekunden",
            "seconde",
            "secondes",
        ),
        1 / 60,
    ),
    **dict.fromkeys(
        (
            "m",
            "min",
            "mins",
            "minute",
            "minutes",
            "minut",
            "minutter",
            "minuten",
            "minuto",
            "minutos",
        ),
        1.0,
    ),
    **dict.fromkeys(
        (
            "h",
            "hr",
            "hrs",
            "hour",
            "hours",
            "time",
            "timer",
            "stunde",
            "stunden",
            "heure",
            "heures",
            "hora",
            "horas",
            "uur",
        ),
        60.0,
    ),
    **dict.fromkeys(
        ("d", "day", "days", "dag", "dage", "dagen", "tag", "tage", "jour", "jours"), 1440.0
    ),
}


def timer_duration(item: TimerItem) -> Duration | None:
    """How long a timer runs: its amount read as a duration, or None (a name only, "a while")."""
    if item["quantity"] == "":
        return None
    shown = timer_text(item)
    name = " ".join(item["name"].split()) or None
    found = find_durations(shown)
    if found:
        return replace(found[0], name=name)
    low = _as_number(item["quantity"])
    per = _TIMER_UNITS.get(item["units"].strip().lower().rstrip("."))
    if low is None or per is None:
        return None
    high = _as_number(item.get("quantity_max"))
    duration = Duration(low * per, (low if high is None else high) * per, shown, name)
    if not (minutes_ok(duration.min_minutes) and minutes_ok(duration.max_minutes)):
        return None  # beyond ten years: the time stays in the step's text (ladle.limits)
    return duration


def _step_parts(items: list[Item]) -> tuple[str, list[Duration], list[str], list[Cookware]]:
    parts: list[str] = []
    durations: list[Duration] = []
    tools: list[str] = []
    marks: list[Cookware] = []
    for item in items:
        if item["type"] == "text":
            parts.append(item["value"])
        elif item["type"] == "ingredient":
            parts.append(item.get("alias") or item["name"])
        elif item["type"] == "cookware":
            parts.append(item.get("alias") or item["name"])
            name = equipment_name(item["name"])
            if name.lower() not in {t.lower() for t in tools}:
                tools.append(name)
            count = None if item["quantity"] == 1 else _shown_quantity(item)
            marks.append(Cookware(" ".join(item["name"].split()), count or None))
        else:
            parts.append(timer_text(item))
            duration = timer_duration(item)
            if duration is not None:
                durations.append(duration)
    return " ".join("".join(parts).split()), durations, tools, marks


_SPELLINGS = {
    spelling: name for name, spellings in EQUIPMENT.items() for spelling in (name, *spellings)
}


def equipment_name(written: str) -> str:
    """ladle's name for a piece of cookware, or the name as written when ladle has none."""
    folded = " ".join(written.lower().replace("-", " ").split())
    for candidate in (folded, folded[:-1], folded[:-2]):
        if candidate in _SPELLINGS:
            return _SPELLINGS[candidate]
    found = equipment_in(written)
    return found[0] if len(found) == 1 else " ".join(written.split())


# --- amounts ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Amount:
    """An ingredient's amount as ladle reads it from Cooklang (see the module documentation).

    ``words`` are the words of a text amount that are neither number nor unit (the comment);
    ``shown`` the amount as the ingredient's text shows it ("1½ cups", "few sprigs").
    """

    quantity: float | None = None
    quantity_max: float | None = None
    unit: str | None = None
    words: str | None = None
    to_taste: bool = False
    shown: str = ""


_COUNT_NOUNS = frozenset(_COUNT_UNITS)
_FRACTION = "[" + "".join(FRACTIONS) + "]"
_NUMBER = (
    rf"(?:\d+(?:\.\d+|,\d{{1,2}}(?!\d))?(?:\s*{_FRACTION}|\s+\d+\s*/\s*\d+)?"
    rf"|\d+\s*/\s*\d+|{_FRACTION})"
)
_LEADING_NUMBER = re.compile(
    rf"(?P<low>{_NUMBER})(?:\s*[-–]\s*(?P<high>{_NUMBER}))?"
    r"(?:(?P<glued>[^\s\d/.,\-–]\S*)|\s+(?P<rest>\S.*))?",
    re.S,
)
_TASTE = re.compile(r"\btaste\b", re.I)


def unit_word(word: str) -> str | None:
    """The canonical unit one word names when ladle knows it as a unit ("tsp", "cloves")."""
    if not word or " " in word or not any(c.isalpha() for c in word):
        return None
    unit = canonical_unit(word)
    if unit is None or (is_count_unit(unit) and unit not in _COUNT_NOUNS):
        return None
    return unit


def _number_shown(low: float, high: float | None) -> str:
    shown = format_quantity(low)
    return shown if high is None else f"{shown}–{format_quantity(high)}"


def amount_of(item: IngredientItem) -> Amount:
    """An ``@`` item's amount (see the module documentation)."""
    units = " ".join(item["units"].split())
    unit = canonical_unit(units) if units else None
    raw = item["quantity"]
    low = _as_number(raw)
    high = _as_number(item.get("quantity_max"))
    if low is not None and quantity_ok(low) and quantity_ok(high):
        shown = _number_shown(low, high)
        return Amount(low, high, unit, shown=f"{shown} {units}" if units else shown)
    words = " ".join(str(raw).split())
    if words == "some":  # no amount: "@salt", "@salt{}", "@salt{%pinch}"
        return Amount(unit=unit, shown=units)
    return _text_amount(words, units)


def _text_amount(words: str, units: str) -> Amount:
    """A Cooklang text amount: its number, unit and other words, as far as ladle reads them."""
    unit = canonical_unit(units) if units else None
    to_taste = _TASTE.search(words) is not None
    match = _LEADING_NUMBER.fullmatch(words)
    if match is not None:
        low = parse_number(match["low"])
        high = parse_number(match["high"]) if match["high"] else None
        rest: str | None = match["rest"]
        glued: str | None = match["glued"]
        shown_unit: list[str] = []
        if glued is not None and not units and unit_word(glued) is not None:
            unit, shown_unit, glued = unit_word(glued), [glued], None
        elif rest is not None and not units:
            first, _, after = rest.partition(" ")
            if unit_word(first) is not None:
                unit, shown_unit, rest = unit_word(first), [first], after.strip() or None
        usable = low is not None and quantity_ok(low) and quantity_ok(high)
        if usable and (high is not None or not match["high"]) and glued is None:
            assert low is not None
            parts = [_number_shown(low, high), *shown_unit, rest or "", units]
            shown = " ".join(p for p in parts if p)
            return Amount(low, high, unit, rest, to_taste, shown)
    if not units and words.lower() == "to taste":
        return Amount(to_taste=True, shown=words)
    if not units and unit_word(words) is not None:
        return Amount(unit=unit_word(words), shown=words)
    return Amount(unit=unit, words=words, to_taste=to_taste, shown=f"{words} {units}".strip())


# --- ingredients --------------------------------------------------------------------------------


def _has_amount(item: IngredientItem) -> bool:
    return not (item["quantity"] == "some" and item["units"] == "")


def _as_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def ingredient_of(item: IngredientItem) -> Ingredient:
    """One ``@`` item as a ladle ingredient."""
    name = " ".join(item["name"].split())
    amount = amount_of(item)
    preparation = " ".join(item.get("note", "").split()) or None
    alone = amount.quantity is None and amount.unit is None and amount.words is None
    if amount.to_taste and alone:
        text = f"{name} {amount.shown}"
    else:
        text = " ".join(w for w in (amount.shown, name) if w)
    if preparation:
        text = f"{text}, {preparation}"
    return Ingredient(
        text=text,
        name=name,
        quantity=amount.quantity,
        quantity_max=amount.quantity_max,
        unit=amount.unit,
        preparation=preparation,
        comment=amount.words,
        to_taste=amount.to_taste,
        fixed=bool(item.get("fixed", False)),
        reference=item.get("reference"),
    )


def _ingredients(
    steps: list[list[Item]], listed: object
) -> tuple[list[Ingredient], list[list[int]]]:
    entries: list[Ingredient] = []
    latest: dict[str, int] = {}
    step_uses: list[list[int]] = []
    for items in steps:
        uses: list[int] = []
        for item in items:
            if item["type"] != "ingredient":
                continue
            name = " ".join(item["name"].split())
            index = latest.get(name)
            if index is None or _has_amount(item):
                index = len(entries)
                entries.append(ingredient_of(item))
                latest[name] = index
            if index not in uses:
                uses.append(index)
        step_uses.append(uses)
    wanted = _listed(listed)
    if not wanted:
        return entries, step_uses
    ordered, moved = _in_listed_order(entries, wanted)
    return ordered, [[moved[i] for i in uses] for uses in step_uses]


def _listed(value: object) -> list[Ingredient]:
    """The ``ingredients`` front-matter list, each entry an ingredient."""
    if not isinstance(value, list):
        return []
    found: list[Ingredient] = []
    for entry in value:
        if not isinstance(entry, str | int | float) or isinstance(entry, bool):
            continue
        text = " ".join(str(entry).split())
        item = parse_ingredient_form(text) if text.startswith("@") else None
        if item is not None:
            found.append(ingredient_of(item))
        elif text:
            found.append(Ingredient(text=text, name=text))
    return found


def _same_amount(a: Ingredient, b: Ingredient) -> bool:
    return (a.quantity, a.quantity_max, a.unit, a.comment) == (
        b.quantity,
        b.quantity_max,
        b.unit,
        b.comment,
    )


def _in_listed_order(
    entries: list[Ingredient], wanted: list[Ingredient]
) -> tuple[list[Ingredient], dict[int, int]]:
    """The ingredients in the order of the front-matter list; where each entry moved to."""
    taken: dict[int, int] = {}  # entry index -> list position
    at: dict[int, int] = {}  # list position -> entry index
    for exact in (True, False):
        for position, want in enumerate(wanted):
            if position in at:
                continue
            for index, have in enumerate(entries):
                if index in taken or have.name != want.name:
                    continue
                if exact and not _same_amount(have, want):
                    continue
                taken[index] = position
                at[position] = index
                break
    ordered: list[Ingredient] = []
    moved: dict[int, int] = {}
    for position, want in enumerate(wanted):
        claimed = at.get(position)
        if claimed is None:
            ordered.append(want)
            continue
        have = entries[claimed]
        if (have.quantity, have.unit, have.comment, have.to_taste) == (None, None, None, False):
            have = replace(
                want, preparation=have.preparation or want.preparation, reference=have.reference
            )
        moved[claimed] = len(ordered)
        ordered.append(have)
    for index, have in enumerate(entries):
        if index not in taken:
            moved[index] = len(ordered)
            ordered.append(have)
    return ordered, moved


# --- metadata -----------------------------------------------------------------------------------


def _key(key: str) -> str:
    return " ".join(re.sub(r"[_.\-]+", " ", key.lower()).split())


def _string(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None


@dataclass(slots=True)
class Fields:
    """What a Cooklang metadata mapping gives a recipe, and the rest kept as text."""

    title: str | None = None
    description: str | None = None
    yields: list[str] = field(default_factory=list)
    times: dict[str, str | float] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    listed: object = None
    metadata: dict[str, str] = field(default_factory=dict)


class _Meta:
    """A metadata mapping by normalised key ("prep_time" is "prep time"), and what was taken."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.raw = raw
        self.keys = {_key(key): key for key in raw}  # a later spelling of a key wins
        self.used: set[str] = set()
        self.used_inner: dict[str, set[str]] = {}

    def get(self, name: str) -> Any:
        key = self.keys.get(name)
        return None if key is None else self.raw[key]

    def use(self, name: str, inner: str | None = None) -> None:
        key = self.keys[name]
        if inner is None:
            self.used.add(key)
        else:
            self.used_inner.setdefault(key, set()).add(inner)

    def text(self, name: str) -> str | None:
        value = _string(self.get(name))
        if value:
            self.use(name)
        return value

    def rest(self) -> dict[str, str]:
        """What no field took, as text by name (see the module documentation)."""
        found: dict[str, str] = {}
        for key, value in self.raw.items():
            if key in self.used:
                continue
            inner = self.used_inner.get(key, set())
            if isinstance(value, dict):
                _flatten(key, {k: v for k, v in value.items() if k not in inner}, found)
            else:
                _flatten(key, value, found)
        return found


def _flatten(key: str, value: Any, found: dict[str, str]) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        for inner, item in value.items():
            _flatten(f"{key}.{inner}", item, found)
        return
    if isinstance(value, list):
        items = [meta_text(item) for item in value if item is not None]
        if items:
            found[key] = ", ".join(items)
        return
    found[key] = meta_text(value)


def meta_text(value: Any) -> str:
    """A metadata value as text: "true", "4", "1.5", "a, b", "calories: 300"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {meta_text(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return ", ".join(meta_text(item) for item in value if item is not None)
    return str(value)


def read_fields(metadata: Mapping[str, Any]) -> Fields:
    """The recipe fields of a Cooklang metadata mapping, and the rest (``Fields.metadata``)."""
    meta = _Meta(metadata)
    if INGREDIENTS_KEY in meta.keys:
        meta.use(INGREDIENTS_KEY)
    fields = Fields(listed=meta.get(INGREDIENTS_KEY))
    fields.title = meta.text("title")
    fields.description = meta.text("description") or meta.text("introduction")
    fields.yields = _yield(meta)
    fields.times = _times(meta)
    fields.tags = _tags(meta)
    fields.url = _url(meta)
    fields.metadata = meta.rest()
    return fields


YIELD_KEYS = ("servings", "serves", "yield", "yields")


def _yield(meta: _Meta) -> list[str]:
    """The yield as the metadata states it ("4", "2|4|8", "2 loaves"), for understanding."""
    for key in YIELD_KEYS:
        value = meta.get(key)
        if value is None or isinstance(value, bool | dict | list):
            continue
        text = " ".join(str(value).split())
        if parse_yield(text, stated=True) is not None:
            meta.use(key)
            return [text]
    return []


TIME_KEYS = {
    "prep": ("prep time", "time prep", "prep", "preparation time", "preparation"),
    "cook": ("cook time", "time cook", "cooking time", "cook"),
    "total": ("total time", "time total", "time", "time required", "duration", "total"),
}


def _times(meta: _Meta) -> dict[str, str | float]:
    """The prep, cook and total times as the metadata states them, where they read as times."""
    found: dict[str, str | float] = {}
    nested = meta.get("time")
    inner = {_key(str(k)): str(k) for k in nested} if isinstance(nested, dict) else {}
    for kind, keys in TIME_KEYS.items():
        for name in (kind, f"{kind} time"):
            value = (
                _time(nested[inner[name]]) if name in inner and isinstance(nested, dict) else None
            )
            if kind not in found and value is not None:
                found[kind] = value
                meta.use("time", inner[name])
        for key in keys:
            if kind not in found and (value := _time(meta.get(key))) is not None:
                found[kind] = value
                meta.use(key)
    return found


def _time(value: Any) -> str | float | None:
    """A time as written ("1h30m", "45 minutes", 45) when it reads as one, else None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if minutes_of(value) is None:
        return None
    return float(value) if isinstance(value, int | float) else value


def _tags(meta: _Meta) -> list[str]:
    value = meta.get("tags")
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    meta.use("tags")
    tags = (_string(tag) for tag in value)
    return list(dict.fromkeys(tag for tag in tags if tag))


_URL = re.compile(r"https?://[^\s<>\"]+", re.I)
URL_KEYS = ("source url", "url", "source")


def _url(meta: _Meta) -> str | None:
    """The source URL; the value it came from is taken only when it holds nothing else."""
    for key in URL_KEYS:
        value = meta.get(key)
        inner: str | None = None
        if isinstance(value, dict):
            inner = {_key(str(k)): str(k) for k in value}.get("url")
            value = value[inner] if inner is not None else None
        if not isinstance(value, str):
            continue
        match = _URL.search(value)
        if match is None:
            continue
        if value.strip() == match.group(0):
            meta.use(key, inner)
        return match.group(0)
    return None


# The writer reads back what it writes, so it imports this module: it comes last.
from ladle.formats.cooklang_write import write  # noqa: E402
