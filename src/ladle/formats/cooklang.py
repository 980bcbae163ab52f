"""Cooklang in and out: ``.cook`` files to ladle recipes and back.

Reading is two steps. :func:`~ladle.formats.cooklang_parse.parse` gives the canonical structure
of the Cooklang test suite (fast, knows nothing of ladle); :func:`to_recipe` maps it to a
:class:`~ladle.model.Recipe`:

- *title* from the ``title`` metadata, else the file name (``chicken-pie.cook`` → "Chicken pie");
  *servings* from ``servings``/``serves`` (``2|4|8`` gives 2) and *yield* from ``yield``
  ("2 loaves"); *times* from ``prep time``, ``cook time`` and ``time``/``total time``
  (also written ``prep_time``, ``time.prep``; any duration ladle reads: "1h30m", "45 minutes");
  *tags* from ``tags`` (a list or "a, b"); *description* from ``description``/``introduction``;
  the source URL from ``source`` (a URL, "Name <URL>" or a mapping with ``url``).
- *Ingredients*: each ``@`` item with an amount, and the first of each name without one, is an
  ingredient, in order of appearance; a later ``@name`` or ``@name{}`` without an amount uses
  the latest ingredient of that name. Amounts are never summed: two ``@flour{100%g}`` are two
  lines, as Cooklang's own tools list them. ``(…)`` is the preparation, ``{=…}`` fixed,
  ``@./path/Name`` a reference to another recipe; the ingredient's text is written out
  ("2 cups flour"), its unit made canonical (``canonical_unit``); a text amount stays in the text
  ("few sprigs thyme"), and "to taste" sets ``to_taste``.
- The front-matter key ``ingredients`` (written by :func:`write`), a list of ingredients in
  Cooklang form (``"@butter{1%tbsp}"``), gives the ingredient list its order and carries the
  ingredients no step names. Each entry takes the step ingredient of the same name and amount,
  else the first one of the same name, else it is an ingredient of its own; step ingredients no
  entry takes follow the list. An amount written in the steps wins over the list's.
- *Steps*: the text with each component as the step shows it (the alias, or the name; a timer
  as its amount, "10 minutes", or its name when it has none), whitespace collapsed; the section
  of ``=`` lines; ``uses`` the ingredients the step's ``@`` items name; equipment from the
  cookware (ladle's canonical name where the equipment lexicon knows it, else as written) and
  then what :func:`~ladle.steps.understand_steps` finds in the text, which also gives the
  temperatures, the durations (the timers' durations are added when the text has not
  already stated them) and the attention. ``>`` notes are the recipe's notes.

Writing (:func:`write`) gives Cooklang that reads back to the same title, ingredients (name,
quantity, unit, order) and step texts: YAML front matter (title, description, servings or
yield, times, tags, source and, when the steps alone would not give the ingredient list in
its order, ``ingredients``), ``= Section`` lines, one paragraph per step and ``>`` notes. Each
ingredient a step uses is marked where the text names it (by its name, else its name without
words such as "fresh", else its last or first word), with the amount and preparation at its
first mark in the recipe (``@olive oil{2%tablespoon}``) and ``{}`` after; where the text words
it differently the alias keeps the text (``@fresh thyme leaves|thyme leaves{1%tablespoon}``).
Ingredients are never merged, so every line of the ingredient list comes back as it was.
Equipment the text names becomes cookware (``#roasting tin{}``) and a duration written as
"25-30 minutes" a timer (``~{25-30%minutes}``), each only where it reads back as the same
text. Text that would read as Cooklang is escaped with ``\\``: ``@ # ~ { \\``, ``--``, ``[-``,
``(`` right after a mark, and ``>`` or ``=`` opening a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

import yaml

from ladle.draft import Draft
from ladle.durations import find_durations
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
from ladle.model import Duration, Ingredient, Recipe, Source, Step, Times, Yield
from ladle.steps import attention_of, understand_steps
from ladle.understand import title_from
from ladle.units import canonical_unit, format_quantity

__all__ = ["parse", "read", "to_recipe", "write"]

INGREDIENTS_KEY = "ingredients"


# --- reading ------------------------------------------------------------------------------------


def read(text: str, location: str) -> list[Draft]:
    """The recipe of a Cooklang text, as a draft (a list of one, as every reader gives)."""
    recipe = to_recipe(parse(text, location), location)
    return [Draft(known=recipe, source=recipe.source)]


def _key(key: str) -> str:
    return " ".join(re.sub(r"[_.\-]+", " ", key.lower()).split())


def _string(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = " ".join(str(value).split())
    return text or None


def to_recipe(document: CooklangDocument, location: str = "<text>") -> Recipe:
    """A parsed Cooklang document as a ladle recipe (see the module documentation)."""
    meta = {_key(k): v for k, v in document.metadata.items()}
    ingredients, step_uses = _ingredients(document.steps, meta.get(INGREDIENTS_KEY))
    if not document.steps and not ingredients:
        raise NoRecipeFound(
            "no recipe found: the Cooklang text has no steps and no ingredients",
            where=location,
            hint="write steps as paragraphs, ingredients as @name{amount%unit}",
        )
    texts: list[tuple[str, str | None]] = []
    timers: list[list[Duration]] = []
    cookware: list[list[str]] = []
    for items, section in zip(document.steps, document.sections, strict=True):
        text, durations, tools = _step_parts(items)
        texts.append((text, section))
        timers.append(durations)
        cookware.append(tools)
    steps = understand_steps(texts, ingredients)
    for step, uses, durations, tools in zip(steps, step_uses, timers, cookware, strict=True):
        _complete(step, uses, durations, tools)
    return Recipe(
        title=_string(meta.get("title")) or title_from(location),
        description=_string(meta.get("description") or meta.get("introduction")),
        yield_=_yield(meta),
        times=_times(meta),
        ingredients=ingredients,
        steps=steps,
        notes=list(document.notes),
        tags=_tags(meta.get("tags")),
        source=Source(format="cooklang", location=location, url=_url(meta)),
    )


def _complete(step: Step, uses: list[int], timers: list[Duration], tools: list[str]) -> None:
    """Fold what the components say into what the text says."""
    step.uses = uses
    durations = list(step.durations)
    for timer in timers:
        if not any(
            d.min_minutes == timer.min_minutes and d.max_minutes == timer.max_minutes
            for d in durations
        ):
            durations.append(timer)
    step.durations = durations
    seen = {name.lower() for name in tools}
    step.equipment = tools + [e for e in step.equipment if e.lower() not in seen]
    step.attention = attention_of(step.text, durations)


def _shown_quantity(item: IngredientItem | CookwareItem | TimerItem) -> str:
    """A component's amount as a step shows it: "10", "1.5", "2-4", "few" (no units)."""
    quantity = item["quantity"]
    text = quantity if isinstance(quantity, str) else repr(quantity)
    high = item.get("quantity_max")
    if high is not None:
        text = f"{text}-{high!r}"
    return text


def _timer_text(item: TimerItem) -> str:
    """A timer as a step shows it: its amount ("10 minutes"), or its name when it has none."""
    if item["quantity"] == "":
        return item["name"]
    amount = _shown_quantity(item)
    return f"{amount} {item['units']}" if item["units"] else amount


def _step_parts(items: list[Item]) -> tuple[str, list[Duration], list[str]]:
    parts: list[str] = []
    durations: list[Duration] = []
    tools: list[str] = []
    for item in items:
        if item["type"] == "text":
            parts.append(item["value"])
        elif item["type"] == "ingredient":
            parts.append(item.get("alias") or item["name"])
        elif item["type"] == "cookware":
            parts.append(item.get("alias") or item["name"])
            name = _equipment_name(item["name"])
            if name.lower() not in {t.lower() for t in tools}:
                tools.append(name)
        else:
            shown = _timer_text(item)
            parts.append(shown)
            if item["quantity"] != "":
                durations.extend(find_durations(shown)[:1])
    return " ".join("".join(parts).split()), durations, tools


_SPELLINGS = {
    spelling: name for name, spellings in EQUIPMENT.items() for spelling in (name, *spellings)
}


def _equipment_name(written: str) -> str:
    """ladle's name for a piece of cookware, or the name as written when ladle has none."""
    folded = " ".join(written.lower().replace("-", " ").split())
    for candidate in (folded, folded[:-1], folded[:-2]):
        if candidate in _SPELLINGS:
            return _SPELLINGS[candidate]
    found = equipment_in(written)
    return found[0] if len(found) == 1 else " ".join(written.split())


# --- ingredients --------------------------------------------------------------------------------


def _has_amount(item: IngredientItem) -> bool:
    return not (item["quantity"] == "some" and item["units"] == "")


def _as_number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _ingredient_of(item: IngredientItem) -> Ingredient:
    """One ``@`` item as a ladle ingredient."""
    name = " ".join(item["name"].split())
    raw = item["quantity"]
    quantity = _as_number(raw)
    high = _as_number(item.get("quantity_max"))
    units = " ".join(item["units"].split())
    preparation = " ".join(item.get("note", "").split()) or None
    to_taste = isinstance(raw, str) and "taste" in raw.lower()
    if quantity is None:
        high = None
        amount = "" if raw == "some" else " ".join(str(raw).split())
    else:
        amount = format_quantity(quantity)
        if high is not None:
            amount = f"{amount}–{format_quantity(high)}"
    words = [w for w in (amount, units, name) if w]
    if to_taste and amount:
        words = [name, amount] if not units else words
    text = " ".join(words)
    if preparation:
        text = f"{text}, {preparation}"
    return Ingredient(
        text=text,
        name=name,
        quantity=quantity,
        quantity_max=high,
        unit=canonical_unit(units) if units else None,
        preparation=preparation,
        to_taste=to_taste,
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
                entries.append(_ingredient_of(item))
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
            found.append(_ingredient_of(item))
        elif text:
            found.append(Ingredient(text=text, name=text))
    return found


def _same_amount(a: Ingredient, b: Ingredient) -> bool:
    return (a.quantity, a.quantity_max, a.unit) == (b.quantity, b.quantity_max, b.unit)


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
        if have.quantity is None and have.unit is None and not have.to_taste:
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

_SERVINGS_WORDS = frozenset({"", "serving", "servings", "people", "persons", "portion", "portions"})
_LEADING_NUMBER = re.compile(r"\s*(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*\d+(?:[.,]\d+)?)?\s*(.*)", re.S)


def _yield(meta: dict[str, Any]) -> Yield:
    for key in ("servings", "serves", "yield", "yields"):
        value = meta.get(key)
        if value is None or isinstance(value, bool | dict | list):
            continue
        number = _as_number(value)
        if number is not None:
            return Yield(servings=number, text=str(value))
        text = " ".join(str(value).split())
        match = _LEADING_NUMBER.match(text)
        if match is None:
            continue
        amount = float(match.group(1).replace(",", "."))
        rest = match.group(2).strip()
        if rest.startswith("|"):
            rest = ""  # "2|4|8": the serving sizes a recipe scales to; the first is its own
        if key in ("servings", "serves") or rest.lower() in _SERVINGS_WORDS:
            return Yield(servings=amount, text=text)
        return Yield(amount=amount, unit=canonical_unit(rest), text=text)
    return Yield()


_TIME_KEYS = {
    "prep": ("prep time", "time prep", "prep", "preparation time", "preparation"),
    "cook": ("cook time", "time cook", "cooking time", "cook"),
    "total": ("total time", "time total", "time", "time required", "duration", "total"),
}


def _minutes(value: Any) -> float | None:
    number = _as_number(value)
    if number is not None:
        return number if number >= 0 else None
    if not isinstance(value, str):
        return None
    durations = find_durations(value)
    if not durations:
        return None
    first = durations[0]
    return first.max_minutes if first.max_minutes is not None else first.min_minutes


def _times(meta: dict[str, Any]) -> Times:
    found: dict[str, float | None] = {}
    nested = meta.get("time")
    for kind, keys in _TIME_KEYS.items():
        minutes: float | None = None
        if isinstance(nested, dict):
            inner = {_key(str(k)): v for k, v in nested.items()}
            minutes = _minutes(inner.get(kind)) or _minutes(inner.get(f"{kind} time"))
        for key in keys:
            if minutes is None:
                minutes = _minutes(meta.get(key))
        found[kind] = minutes
    return Times(
        prep_minutes=found["prep"], cook_minutes=found["cook"], total_minutes=found["total"]
    )


def _tags(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    tags = (_string(tag) for tag in value)
    return list(dict.fromkeys(tag for tag in tags if tag))


_URL = re.compile(r"https?://[^\s<>\"]+", re.I)


def _url(meta: dict[str, Any]) -> str | None:
    for key in ("source url", "url", "source"):
        value = meta.get(key)
        if isinstance(value, dict):
            value = {_key(str(k)): v for k, v in value.items()}.get("url")
        if isinstance(value, str):
            match = _URL.search(value)
            if match:
                return match.group(0)
    return None


# --- writing ------------------------------------------------------------------------------------


def _number(value: float) -> str:
    """A quantity as Cooklang reads it back exactly: 2, 0.5, 1/3."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(float(value))
    for denominator in (3, 6, 8, 12, 16):
        numerator = round(value * denominator)
        if numerator / denominator == value and len(text) > 6:
            return f"{numerator}/{denominator}"
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def _escape(text: str, extra: str = "") -> str:
    """Text that reads back as itself: Cooklang's marks behind a backslash."""
    text = re.sub(r"([\\@#~{" + re.escape(extra) + r"])", r"\\\1", text)
    return re.sub(r"(?<=-)-|\[(?=-)", lambda m: "\\" + m.group(0), text)


def _escape_name(text: str) -> str:
    text = _escape(" ".join(text.split()), "|}")
    return "\\" + text if text.startswith(("./", "../")) else text


def _escape_note(text: str) -> str:
    text = " ".join(text.replace("\\", "\\\\").split())
    return re.sub(r"(?<=-)-|\[(?=-)", lambda m: "\\" + m.group(0), text)


def _escape_section(name: str) -> str:
    text = _escape_note(name)
    if text.startswith("="):
        text = "\\" + text
    if text.endswith("="):
        text = text[:-1] + "\\="
    return text


def _unit_text(unit: str) -> str:
    spaced = unit.replace("_", " ")
    return spaced if canonical_unit(spaced) == unit else unit


def _amount_text(ingredient: Ingredient) -> str:
    if ingredient.quantity is not None:
        amount = _number(ingredient.quantity)
        if ingredient.quantity_max is not None:
            amount = f"{amount}-{_number(ingredient.quantity_max)}"
    elif ingredient.to_taste:
        amount = "to taste"
    else:
        amount = ""
    if ingredient.unit:
        unit = " ".join(_unit_text(ingredient.unit).split())
        amount = f"{amount}%{_escape(unit, '}')}"
    if amount and ingredient.fixed:
        amount = "=" + amount
    return amount


def _display_name(ingredient: Ingredient) -> str:
    name = " ".join((ingredient.name or ingredient.text or "ingredient").split())
    return name or "ingredient"


def _ingredient_form(
    ingredient: Ingredient, shown: str | None = None, with_amount: bool = True
) -> str:
    """An ingredient in Cooklang: ``@name|shown{amount%unit}(preparation)``."""
    name = _display_name(ingredient)
    written = _escape_name(name)
    if ingredient.reference and ingredient.reference.startswith(("./", "../")):
        written = _escape(" ".join(ingredient.reference.split()), "|}")
        name = ingredient.reference.rstrip("/").rsplit("/", 1)[-1].strip()
    if shown is not None and shown != name:
        written = f"{written}|{_escape_name(shown)}"
    amount = _amount_text(ingredient) if with_amount else ""
    note = ""
    if with_amount and ingredient.preparation:
        note = f"({_escape(' '.join(ingredient.preparation.split()), ')')})"
    return f"@{written}{{{amount}}}{note}"


# Words that describe an ingredient without naming it, and words that name none on their own.
_MODIFIER_WORDS = (
    "fresh freshly dried large small medium whole extra virgin extra-virgin chopped minced "
    "sliced diced unsalted salted boneless skinless raw cooked finely roughly ground plain "
    "all-purpose kosher sea fine free-range organic unwaxed ripe lean mature granulated "
    "thinly thickly good quality"
)
_NOT_ALONE_WORDS = (
    "powder extract mix piece pieces cube cubes slice slices sprig sprigs clove cloves bunch "
    "head can tin jar"
)
_MODIFIERS = frozenset(_MODIFIER_WORDS.split())
_NEVER_ALONE = frozenset(_NOT_ALONE_WORDS.split())
_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b|&|/)\s*", re.I)


def _phrases(name: str) -> tuple[list[str], list[str]]:
    """How a step may name an ingredient: the whole name, then shorter ways."""
    full = name.lower()
    plain = re.sub(r"\s*\([^)]*\)", "", full).strip()
    shorter: list[str] = [plain]
    for part in [plain, *_SPLIT.split(plain)]:
        words = [w for w in part.split() if w not in _MODIFIERS]
        if words:
            shorter.append(" ".join(words))
    for part in [plain, *_SPLIT.split(plain)]:
        words = [w for w in part.split() if w not in _MODIFIERS]
        for word in (words[-1:] + words[:1]) if words else []:
            if len(word) > 2 and word not in _NEVER_ALONE:
                shorter.append(word)
    return [full], [p for p in dict.fromkeys(shorter) if p and p != full]


def _pattern(phrase: str) -> re.Pattern[str]:
    stems = [phrase]
    if phrase.endswith("es") and len(phrase) > 4:
        stems.append(phrase[:-2])
    if phrase.endswith("s") and len(phrase) > 3:
        stems.append(phrase[:-1])
    alternatives = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in stems)
    return re.compile(rf"(?<![\w@#~\\])(?:{alternatives})(?:e?s)?(?![\w])", re.I)


def _free(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e, _ in spans)


def _find(text: str, phrase: str, spans: Sequence[tuple[int, int, str]]) -> tuple[int, int] | None:
    for match in _pattern(phrase).finditer(text):
        if _free(spans, match.start(), match.end()):
            return match.start(), match.end()
    return None


_TIMER_TEXT = re.compile(
    r"(?P<q>\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?) "
    r"(?P<u>(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?))"
)


class _Writer:
    """The state of one recipe's writing: which ingredients have had their amount."""

    def __init__(self, recipe: Recipe) -> None:
        self.recipe = recipe
        self.amount_written: set[int] = set()
        self.created: list[int] = []  # the ingredient order a reader will see
        self.latest: dict[str, int] = {}

    def mark_ingredient(self, index: int, shown: str) -> str:
        ingredient = self.recipe.ingredients[index]
        name = _display_name(ingredient)
        if ingredient.reference and ingredient.reference.startswith(("./", "../")):
            name = ingredient.reference.rstrip("/").rsplit("/", 1)[-1].strip()
        first = index not in self.amount_written
        form = _ingredient_form(ingredient, shown, with_amount=first)
        self.amount_written.add(index)
        if (first and _amount_text(ingredient)) or name not in self.latest:
            self.created.append(index)
            self.latest[name] = index
        return form

    def step(self, step: Step) -> str:
        text = " ".join(step.text.split())
        spans: list[tuple[int, int, str]] = []
        ingredients = self.recipe.ingredients
        uses = [i for i in dict.fromkeys(step.uses) if 0 <= i < len(ingredients)]
        found: dict[int, tuple[int, int]] = {}
        phrases = {i: _phrases(_display_name(ingredients[i])) for i in uses}
        for level in (0, 1):
            for index in uses:
                if index in found:
                    continue
                for phrase in phrases[index][level]:
                    where = _find(text, phrase, [(s, e, "") for s, e in found.values()])
                    if where is not None:
                        found[index] = where
                        break
        for index, (start, end) in sorted(found.items(), key=lambda item: item[1]):
            spans.append((start, end, self.mark_ingredient(index, text[start:end])))
        self._cookware(text, step.equipment, spans)
        self._timers(text, step.durations, spans)
        spans.sort()
        out: list[str] = []
        last = 0
        for start, end, form in spans:
            out.append(_escape(text[last:start]))
            out.append(form)
            last = end
        out.append(_escape(text[last:]))
        for i in range(1, len(out), 2):
            if out[i + 1].startswith("("):
                out[i + 1] = "\\" + out[i + 1]
        line = "".join(out)
        if line.startswith((">", "=")):
            line = "\\" + line
        return line

    def _cookware(
        self, text: str, equipment: Iterable[str], spans: list[tuple[int, int, str]]
    ) -> None:
        for name in equipment:
            spellings = sorted({name, *EQUIPMENT.get(name, ())}, key=len, reverse=True)
            for spelling in spellings:
                where = _find(text, spelling, spans)
                if where is not None:
                    start, end = where
                    spans.append((start, end, f"#{_escape_name(text[start:end])}{{}}"))
                    break

    def _timers(
        self, text: str, durations: Iterable[Duration], spans: list[tuple[int, int, str]]
    ) -> None:
        for duration in durations:
            match = _TIMER_TEXT.fullmatch(duration.text)
            if match is None:
                continue
            start = text.find(duration.text)
            end = start + len(duration.text)
            if start < 0 or not _free(spans, start, end):
                continue
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@#~\\"):
                continue
            form = f"~{{{match.group('q')}%{match.group('u')}}}"
            steps = parse(form).steps
            timer = steps[0][0] if steps and len(steps[0]) == 1 else None
            shown = _timer_text(timer) if timer is not None and timer["type"] == "timer" else None
            if shown == duration.text:
                spans.append((start, end, form))


def _front_matter(recipe: Recipe, listed: list[str] | None) -> str:
    meta: dict[str, Any] = {"title": " ".join(recipe.title.split()) or "Untitled recipe"}
    if recipe.description:
        meta["description"] = recipe.description
    servings = recipe.yield_.servings
    if servings is not None:
        meta["servings"] = int(servings) if float(servings).is_integer() else servings
    elif recipe.yield_.amount is not None:
        amount = _number(recipe.yield_.amount)
        meta["yield"] = f"{amount} {recipe.yield_.unit}" if recipe.yield_.unit else amount
    for key, minutes in (
        ("prep time", recipe.times.prep_minutes),
        ("cook time", recipe.times.cook_minutes),
        ("total time", recipe.times.total_minutes),
    ):
        if minutes is not None:
            meta[key] = f"{_number(minutes)} minutes"
    if recipe.tags:
        meta["tags"] = list(recipe.tags)
    if recipe.source.url:
        meta["source"] = recipe.source.url
    if listed is not None:
        meta[INGREDIENTS_KEY] = listed
    dumped = yaml.safe_dump(
        meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000_000
    )
    return f"---\n{dumped}---\n"


def write(recipe: Recipe) -> str:
    """A recipe as Cooklang (see the module documentation); :func:`read` gives it back."""
    writer = _Writer(recipe)
    blocks: list[str] = []
    section: str | None = None
    for step in recipe.steps:
        if step.section != section:
            section = step.section
            name = " ".join((section or "").split())
            blocks.append(f"= {_escape_section(name)}" if name else "=")
        line = writer.step(step)
        if line:
            blocks.append(line)
    for note in recipe.notes:
        text = _escape_note(note)
        if text:
            blocks.append(f"> {text}")
    count = len(recipe.ingredients)
    listed = None
    if writer.created != list(range(count)):
        listed = [_ingredient_form(i) for i in recipe.ingredients]
    body = "\n\n".join(blocks)
    return _front_matter(recipe, listed) + "\n" + body + ("\n" if body else "")
