"""The recipe checker: contradictions, gaps and unsafe temperatures, in words a cook understands.

``check(recipe)`` returns :class:`Finding` s, errors first. Each names its place the way the
recipe JSON counts it ("ingredient 9 (butter)", "step 6", "note 1", "doneness 1", "article:
Marination" for a variant of the article around the card), says what is wrong in one sentence,
and suggests a fix. ``related`` names the other places a finding is about.

What it looks for:

- the card itself: no yield, no times, ingredients no step uses, foods a step uses that the list
  does not name, a temperature whose °F and °C disagree;
- the one oven: steps that need it at different temperatures at the same time. The card's steps
  run one after another; a step that starts "While …", "Meanwhile …" begins beside the step it
  names (and the steps after it follow on from there), "In the last N minutes of …" sits at the
  end of the step it names, "Once …"/"After …" or taking something out of the oven waits for
  the oven steps before it. A roasting or baking step holds the oven for its first time span,
  at its own temperature or the one the oven was last set to;
- food safety: a doneness target below USDA's safe minimum for its food (an error), one far
  above it (an info: a texture target), storage longer than USDA's cold storage chart allows;
- the card against the article: marinating times, oven temperatures and times of the same food,
  how the oven finishes, and the article's warnings (no glaze on the skin).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ladle.clauses import main_clause
from ladle.model import Duration, Ingredient, Recipe, Step, Variant, number
from ladle.safety import (
    SafeTemperature,
    food_words,
    keeping_days,
    raw_animal_food,
    safe_minimum,
    stem,
    synonyms,
)
from ladle.steps import ingredients_in
from ladle.temperatures import find_temperatures
from ladle.text import sentences, words
from ladle.units import celsius_to_fahrenheit, fahrenheit_to_celsius

__all__ = ["Finding", "Severity", "check"]

Severity = Literal["error", "warning", "info"]
_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a cook should know about a recipe, where it is, and what to do about it."""

    severity: Severity
    code: str
    where: str
    message: str
    fix: str
    related: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "related": list(self.related)}


def check(recipe: Recipe, kitchen_ovens: int = 1) -> list[Finding]:
    """Everything worth a cook's attention in a recipe, errors first, then in recipe order."""
    timeline = _timeline(recipe.steps, recipe)
    findings = [
        *_gaps(recipe),
        *_unused(recipe),
        *_unlisted(recipe),
        *_scales(recipe),
        *_oven_clashes(timeline, recipe, max(1, kitchen_ovens)),
        *_doneness(recipe),
        *_storage(recipe),
        *_marinating(recipe),
        *_oven_methods(recipe, timeline),
        *_cautions(recipe),
        *_left_out(recipe),
        *_unread(recipe),
    ]
    return sorted(findings, key=lambda f: _RANK[f.severity])


# --- small helpers ------------------------------------------------------------------------------


def _deg(fahrenheit: float) -> str:
    return f"{number(round(fahrenheit, 1))}°F"


def _span(low: float, high: float | None) -> str:
    """Minutes as a cook says them: "25–30 minutes", "1.5–2 hours", "at least 4 hours"."""
    hours = low >= 60 and low % 30 == 0 and (high is None or high % 30 == 0)
    unit, scale = ("hour", 60) if hours else ("minute", 1)
    low_text = str(number(round(low / scale, 2)))
    if high is None:
        return f"at least {low_text} {unit}s"
    if high == low:
        return f"{low_text} {unit}" + ("" if low == scale else "s")
    return f"{low_text}–{number(round(high / scale, 2))} {unit}s"


def _stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def _name(ingredient: Ingredient) -> str:
    name = (ingredient.name or ingredient.text).strip()
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def _them(name: str) -> str:
    return "them" if name.endswith("s") and not name.endswith("ss") else "it"


def _be(name: str) -> str:
    return "are" if _them(name) == "them" else "is"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _who(where: str) -> str:
    """A place as the subject of a sentence: "Step 2", "The article (Marination)"."""
    if where.startswith("article: "):
        return f"The article ({where.removeprefix('article: ')})"
    if where.startswith(("doneness", "storage")):
        return "The article"
    if where.startswith("make-ahead"):
        return "The make-ahead advice"
    return _cap(where)


def _place(recipe: Recipe, text: str) -> str | None:
    """Where a sentence of the recipe sits: a step, a note or a section of the article."""
    places = [(f"step {i + 1}", s.text) for i, s in enumerate(recipe.steps)]
    places += [(f"note {i + 1}", n) for i, n in enumerate(recipe.notes)]
    places += [(f"article: {v.name}", v.text) for v in recipe.variants]
    return next((where for where, whole in places if text in whole), None)


# --- gaps: yield, times, steps, ingredients ------------------------------------------------------


def _gaps(recipe: Recipe) -> Iterable[Finding]:
    if recipe.yield_.servings is None and recipe.yield_.amount is None:
        message = "The recipe does not say how many it serves or how much it makes."
        fix = 'Add a yield line such as "Serves 4" so it can be scaled and planned.'
        yield Finding("warning", "missing-yield", "yield", message, fix)
    t = recipe.times
    stated = (t.prep_minutes, t.cook_minutes, t.total_minutes)
    if all(x is None for x in stated) and not any(s.durations for s in recipe.steps):
        message = "Neither the recipe nor its steps say how long anything takes."
        fix = 'Add prep and cook times, or times to the steps ("roast for 25 minutes").'
        yield Finding("warning", "missing-times", "times", message, fix)
    if recipe.ingredients and not recipe.steps:
        message = "The recipe lists ingredients but gives no steps."
        yield Finding("warning", "missing-steps", "steps", message, "Add the method.")


_SERVING = re.compile(r"\b(?:for\s+serving|to\s+serve|to\s+garnish|for\s+garnish(?:ing)?)\b", re.I)


def _core(ingredient: Ingredient) -> list[list[str]]:
    """The naming words of each part of an ingredient's name ("salt and pepper": two parts)."""
    name = re.sub(r"\([^)]*\)", " ", ingredient.name or ingredient.text)
    modifiers = food_words("modifier")
    parts = [[w for w in _stems(p) if w not in modifiers] for p in _PARTS.split(name)]
    return [core for core in parts if core]


_PARTS = re.compile(r"\b(?:and|or|&)\b|,|/")


def _named(core: list[str], said: set[str]) -> bool:
    """Whether the words of steps name an ingredient, or a family it belongs to."""
    specific = [w for w in core if w not in food_words("generic")] or core
    if any(w in said for w in specific):
        return True
    families = ("spice", "herb", "vegetable", "aromatic")
    family_said = {f for f in families if f in said} | ({"vegetable"} if "veg" in said else set())
    return any(w in food_words(f) for f in family_said for w in core)


def _unused(recipe: Recipe) -> Iterable[Finding]:
    if not recipe.steps:
        return
    used = {i for step in recipe.steps for i in step.uses}
    said = {w for step in recipe.steps for w in _stems(step.text)}
    for i, ingredient in enumerate(recipe.ingredients):
        if i in used or "ingredient" in said or ingredient.reference:
            continue  # "the remaining ingredients" names them all
        parts = _core(ingredient)
        seasoning = "season" in said and any(w in {"salt", "pepper"} for p in parts for w in p)
        if not parts or seasoning or any(_named(core, said) for core in parts):
            continue
        where, name = f"ingredient {i + 1} ({_name(ingredient)})", _name(ingredient)
        if ingredient.optional or ingredient.to_taste or _SERVING.search(ingredient.text):
            message = f"No step says when to add the {name}."
            fix = f"Say in a step where the {name} goes, even if it is optional."
            yield Finding("info", "unused-optional-ingredient", where, message, fix)
        else:
            message = f"The {name} is listed, but no step uses it."
            fix = f"Say in a step when to add the {name}, or take it off the list."
            yield Finding("warning", "unused-ingredient", where, message, fix)


# Words that are verbs when an object follows: "butter the dish", "oil a tray", "salt the water".
_VERBISH = frozenset(("butter", "oil", "flour", "salt", "pepper", "cream", "sugar"))
_OBJECT = frozenset(("the", "a", "an", "your", "it", "them", "each", "both", "well", "lightly"))
_NOT_FOOD = frozenset(("milk solid", "cream of", "stock pot", "pepper mill", "pepper grinder"))
_ASIDES = re.compile(
    r"\([^)]*\)|\b(?:serve[sd]?|serving)\s+(?:\w+\s+){0,3}?(?:with|over|on|alongside)\b[^.;]*"
    r"|\bsuch\s+as\b[^.;]*|\binstead\s+of\b[^.;]*",
    re.I,
)


def _listed(recipe: Recipe) -> set[str]:
    """Every word the ingredient list says, with the other names of the same foods."""
    listed = {w for i in recipe.ingredients for w in _stems(f"{i.text} {i.name or ''}")}
    for group in synonyms():
        if listed & group:
            listed |= group
    fish = (safe_minimum(i.name or "") for i in recipe.ingredients)
    if any(found is not None and found.category == "fish" for found in fish):
        listed.add("fish")
    return listed


def _unlisted(recipe: Recipe) -> Iterable[Finding]:
    listed, foods = _listed(recipe), food_words("food")
    reported: set[str] = set()
    for i, step in enumerate(recipe.steps):
        seasonings: list[str] = []
        for sentence in sentences(_ASIDES.sub(" ", step.text)):
            tokens = words(sentence)
            for j, token in enumerate(tokens):
                word, after = stem(token), (tokens[j + 1] if j + 1 < len(tokens) else "")
                if word not in foods or word in listed or word in reported:
                    continue
                if word in _VERBISH and (j == 0 or after in _OBJECT):
                    continue
                if f"{word} {stem(after)}" in _NOT_FOOD or after in {"was", "were", "is"}:
                    continue
                if tokens[max(0, j - 2) : j] == ["from", "the"]:
                    continue  # "the resting juices from the pork": another recipe's food
                reported.add(word)
                if word in {"salt", "pepper"}:
                    seasonings.append(token)
                    continue
                message = f"Step {i + 1} uses {token}, but the ingredient list has none."
                fix = (
                    f"Add {token} with an amount to the ingredient list, or take {_them(token)} "
                    f"out of step {i + 1}."
                )
                yield Finding("warning", "unlisted-ingredient", f"step {i + 1}", message, fix)
        if seasonings:
            named = " and ".join(seasonings)
            message = f"Step {i + 1} seasons with {named}, which the ingredient list does not name."
            fix = f'Add "{_cap(named)}, to taste" to the ingredient list.'
            yield Finding("info", "unlisted-seasoning", f"step {i + 1}", message, fix)


# --- °F and °C that disagree -------------------------------------------------------------------

_F_STATED = re.compile(r"\d\s*(?:°|º|˚|degrees?|deg\.?)?\s*F(?:ahrenheit)?\b", re.I)
_C_STATED = re.compile(r"\d\s*(?:°|º|˚|degrees?|deg\.?)?\s*(?:C(?:elsius)?|centigrade)\b", re.I)


def _scales(recipe: Recipe) -> Iterable[Finding]:
    texts = [(f"step {i + 1}", s.text) for i, s in enumerate(recipe.steps)]
    texts += [(f"note {i + 1}", n) for i, n in enumerate(recipe.notes)]
    texts += [(f"article: {v.name}", v.text) for v in recipe.variants]
    texts += [(f"make-ahead {i + 1}", m.text) for i, m in enumerate(recipe.make_ahead)]
    for where, text in texts:
        for t in find_temperatures(text):
            stated = _F_STATED.search(t.text) and _C_STATED.search(t.text)
            converted = fahrenheit_to_celsius(t.fahrenheit)
            if not stated or abs(converted - t.celsius) <= 5:
                continue
            as_f = round(celsius_to_fahrenheit(t.celsius) / 5) * 5
            message = f"{_who(where)} says {t.text}, but {_deg(t.fahrenheit)} is {converted:.0f}°C."
            fix = (
                f"Use {_deg(t.fahrenheit)} ({round(converted / 5) * 5}°C) or {as_f}°F "
                f"({number(t.celsius)}°C), whichever the recipe means."
            )
            yield Finding("warning", "temperature-scales-disagree", where, message, fix)


# --- the one oven: when each step happens --------------------------------------------------------

_OVEN_VERB = re.compile(r"\b(?:roast|bake|broil)\w*|\b(?:in|into|to)\s+the\s+oven\b", re.I)
_OUT_OF_OVEN = re.compile(r"\b(?:out\s+of|from)\s+the\s+oven\b|\bcomes?\s+out\b", re.I)
_KEEP_WARM = re.compile(r"\bkeep\s+(?:\w+\s+)?warm\b", re.I)
_VERB_STEM = re.compile(r"\b(roast|bak|cook|simmer|rest|chill|marinat|boil|braise|steam)", re.I)
_COUNTS = {1: "one", 2: "two", 3: "three", 4: "four"}


@dataclass(slots=True)
class _Slot:
    """A step on the clock: when it starts and ends, and the oven it holds, if any."""

    index: int
    start: float
    end: float
    main: str
    uses: list[int]
    oven: float | None = None  # °F the step needs the oven at, while it holds it
    oven_end: float = 0.0
    span: Duration | None = None  # the time it holds the oven, as written
    sets: float | None = None  # °F the step sets the oven to without holding it


def _main_durations(step: Step, main: str) -> list[Duration]:
    """The step's own times, in its main clause (roles from ``ladle.timing``): no lead,
    storage or restated times, no alternatives ("or overnight"), no days."""
    return [
        d
        for d in step.durations
        if d.role in {"step", "alongside"} and d.text in main and d.min_minutes < 1440
    ]


def _reference(slots: Sequence[_Slot], lead: str, step: Step, recipe: Recipe) -> _Slot | None:
    """The earlier step a leading clause points at: by the food it names ("While the pork
    roasts"), the food the step handles, the verb ("of roasting"), or else the latest."""
    timed = [s for s in reversed(slots) if s.end > s.start]
    named = set(ingredients_in(lead, recipe.ingredients))
    verb = _VERB_STEM.search(lead)
    tests: list[Callable[[_Slot], bool]] = [
        lambda s: bool(named & set(s.uses)),
        lambda s: bool(set(step.uses) & set(s.uses)) and s.oven is not None,
        lambda s: verb is not None and verb.group(1).lower() in s.main.lower(),
    ]
    found = (slot for test in tests for slot in timed if test(slot))
    return next(found, timed[0] if timed else None)


def _timeline(steps: Sequence[Step], recipe: Recipe) -> list[_Slot]:
    """When each step happens, in minutes from the first, and what it asks of the oven."""
    slots: list[_Slot] = []
    cursor = 0.0
    oven: float | None = None  # the temperature the oven was last set to
    for i, step in enumerate(steps):
        main = main_clause(step.text)
        lead = step.text[: len(step.text) - len(main)]
        durations = _main_durations(step, main)
        start, end = cursor, cursor + sum(d.min_minutes for d in durations)
        relation = step.relation  # worked out once, by the understanding (ladle.timing)
        last = relation.kind == "within_last" and relation.minutes is not None
        beside = last or relation.kind == "alongside"
        ref = _reference(slots, relation.text or lead, step, recipe) if beside else None
        if ref is not None and last:  # "In the last 10 minutes of roasting, …"
            start, end = max(ref.start, ref.end - float(relation.minutes or 0)), ref.end
        elif ref is not None:  # "While the pork roasts, …": beside it, and on from there
            start, end = ref.start, end - cursor + ref.start
        elif relation.kind == "after" or _OUT_OF_OVEN.search(main):
            start = max([cursor, *(s.oven_end for s in slots if s.oven is not None)])
            end = start + end - cursor
        slot = _Slot(i, start, end, main, step.uses)
        own = [t.fahrenheit for t in step.temperatures if t.kind == "oven"]
        in_oven = "oven" in step.equipment or own
        holds = durations and in_oven and _OVEN_VERB.search(main) and not _KEEP_WARM.search(main)
        if holds and (own or oven is not None):
            slot.oven, slot.span = (own[0] if own else oven), durations[0]
            slot.oven_end = start + durations[0].min_minutes
        elif own:
            slot.sets = own[-1]
        oven = own[-1] if own else oven
        slots.append(slot)
        cursor = max(cursor, end) if last else end
    return slots


def _subject(slot: _Slot, slots: Sequence[_Slot]) -> list[int]:
    """What a step puts in the oven: what it names, or what the step before it handled."""
    return next((s.uses for s in reversed(slots[: slot.index + 1]) if s.uses), [])


def _food_of(slot: _Slot, slots: Sequence[_Slot], recipe: Recipe) -> str:
    """What a step cooks, for a message: what it uses, a food it names, or what came before."""
    foods = [w for w in words(slot.main) if stem(w) in food_words("food")]
    subject = slot.uses or ([] if foods else _subject(slot, slots))
    if subject:
        return f"the {_name(recipe.ingredients[subject[0]])}"
    return f"the {foods[0]}" if foods else "the dish"


def _verb(main: str) -> str:
    found = re.search(r"\b(roast|bake|broil|cook)", main, re.I)
    return (found.group(1).lower() if found else "cook") + "s"


def _oven_clashes(slots: Sequence[_Slot], recipe: Recipe, ovens: int) -> Iterable[Finding]:
    holders = [s for s in slots if s.oven is not None and s.oven_end > s.start]
    for b in [s for s in slots if s in holders or s.sets]:
        at = b.oven if b.oven is not None else b.sets
        active = [a for a in holders if a.index < b.index and a.start <= b.start < a.oven_end]
        clash = [a for a in active if a.oven != at]
        if at is None or not clash or len({a.oven for a in active} | {at}) <= ovens:
            continue
        a, what = clash[0], _food_of(b, slots, recipe)
        other, its = _food_of(a, slots, recipe), _them(what)
        kitchen = f"{_COUNTS.get(ovens, str(ovens))} oven" + ("s" if ovens > 1 else "")
        if b.oven is not None:
            doing = f"{_verb(b.main)} {what} at {_deg(at)}"
            fix = (
                f"Cook {what} at {_deg(a.oven or 0)} beside {other} and give {its} longer, or "
                f"cook {its} once {other} {_be(other)} out of the oven, or use a second oven."
            )
        else:
            doing = f"sets the oven to {_deg(at)}"
            fix = f"Set the oven to {_deg(at)} once {other} {_be(other)} out, or use a second oven."
        message = (
            f"Step {b.index + 1} {doing} while {other} {_be(other)} still in the oven at "
            f"{_deg(a.oven or 0)} (step {a.index + 1}), and the kitchen has {kitchen}."
        )
        related = tuple(f"step {x.index + 1}" for x in clash)
        yield Finding("warning", "oven-clash", f"step {b.index + 1}", message, fix, related)


# --- food safety ---------------------------------------------------------------------------------

_TEXTURE_MARGIN = 20.0  # °F above the safe minimum that makes a target a texture target
_REHEAT = re.compile(r"\b(?:re-?heat|re-?warm)", re.I)


def _targets(recipe: Recipe) -> Iterable[tuple[str, str, float]]:
    """(place, food, °F) of every internal temperature the recipe aims at."""
    seen: list[tuple[float, str]] = []
    for i, d in enumerate(recipe.doneness):
        if d.food:
            seen.append((d.fahrenheit, d.text))
            yield _place(recipe, d.text) or f"doneness {i + 1}", d.food, d.fahrenheit
    for i, step in enumerate(recipe.steps):
        for t in step.temperatures:
            if t.kind != "internal" or any(f == t.fahrenheit and s in step.text for f, s in seen):
                continue
            yield f"step {i + 1}", _food_in(recipe, step), t.fahrenheit
    for i, ahead in enumerate(recipe.make_ahead):
        for step in ahead.steps:
            for t in step.temperatures:
                if t.kind == "internal" and _REHEAT.search(step.text):
                    yield f"make-ahead {i + 1}", "leftovers", t.fahrenheit


def _food_in(recipe: Recipe, step: Step) -> str:
    """The food a step's thermometer is in: one it uses, the dish, or the recipe's meat."""
    names = [recipe.ingredients[u].name or "" for u in step.uses]
    names += [recipe.title.lower(), *(i.name or "" for i in recipe.ingredients)]
    return next((n for n in names if safe_minimum(n)), recipe.title.lower())


def _doneness(recipe: Recipe) -> Iterable[Finding]:
    for where, food, fahrenheit in _targets(recipe):
        safe = safe_minimum(food)
        if safe is None:
            continue
        minimum = f"USDA's safe minimum of {safe.describe()} for {safe.label}"
        if fahrenheit < safe.fahrenheit - 1:  # 1°F for rounding: 71°C is 159.8°F
            message = f"{_who(where)} takes the {food} to {_deg(fahrenheit)}, below {minimum}."
            yield Finding("error", "unsafe-doneness", where, message, _safe_fix(safe, food))
        elif fahrenheit >= safe.fahrenheit + _TEXTURE_MARGIN:
            message = (
                f"{_deg(fahrenheit)} for the {food} is a texture target, well above {minimum}."
            )
            fix = "Nothing to change for safety"
            step = _cooking_step(recipe, food)
            if step is not None and not any(t.kind == "internal" for t in step[1].temperatures):
                fix += (
                    f"; for the texture, say in step {step[0] + 1} to take the {food} to about "
                    f"{_deg(fahrenheit)} inside"
                )
            yield Finding("info", "doneness-texture-target", where, message, fix + ".")


def _safe_fix(safe: SafeTemperature, food: str) -> str:
    rest = f", then rest {_them(food)} {safe.rest_minutes:g} minutes" if safe.rest_minutes else ""
    return f"Cook the {food} to at least {_deg(safe.fahrenheit)} ({safe.celsius:g}°C){rest}."


def _cooking_step(recipe: Recipe, food: str) -> tuple[int, Step] | None:
    """The card's longest oven step of a food."""
    index = {i for i, ing in enumerate(recipe.ingredients) if ing.name == food}
    steps = [
        (max(d.min_minutes for d in s.durations), i, s)
        for i, s in enumerate(recipe.steps)
        if index & set(s.uses) and s.durations and _OVEN_VERB.search(main_clause(s.text))
    ]
    return max(steps, key=lambda x: x[0])[1:] if steps else None


_SOUPS = re.compile(r"\b(?:soup|stew|chili|chowder|bisque|casserole)s?\b", re.I)


def _dish(recipe: Recipe) -> str | None:
    """The dish as the cold storage chart knows it: a soup, or its cooked meat or fish."""
    if _SOUPS.search(recipe.title):
        return recipe.title
    for ingredient in recipe.ingredients:
        safe = safe_minimum(ingredient.name or "")
        if safe is not None and safe.category not in {"egg-dishes", "leftovers"}:
            return f"cooked {ingredient.name}"
    return None


def _storage(recipe: Recipe) -> Iterable[Finding]:
    dish = _dish(recipe)
    for i, entry in enumerate(recipe.storage):
        usda = keeping_days(dish, entry.where) if dish else None
        if usda is None or dish is None or entry.max_days is None or entry.max_days <= usda[1]:
            continue
        where = _place(recipe, entry.text) or f"storage {i + 1}"
        days, food = f"{number(usda[0])}–{number(usda[1])} days", dish.removeprefix("cooked ")
        message = (
            f"{_who(where)} keeps the dish {number(entry.max_days)} days in the {entry.where}; "
            f"USDA advises {days} for {food}."
        )
        fix = f"Say {days} in the {entry.where}."
        yield Finding("warning", "storage-too-long", where, message, fix)
    fridge = [s.max_days for s in recipe.storage if s.where == "refrigerator" and s.max_days]
    for i, ahead in enumerate(recipe.make_ahead):
        if fridge and ahead.lead_days and ahead.lead_days > max(fridge):
            keeps = number(max(fridge))
            message = (
                f"The recipe may be made {number(ahead.lead_days)} days ahead, but it keeps only "
                f"{keeps} days in the refrigerator."
            )
            fix = f"Make it at most {keeps} days ahead, or freeze it."
            yield Finding("warning", "make-ahead-too-long", f"make-ahead {i + 1}", message, fix)


# --- the card against the article ----------------------------------------------------------------

_MARINATE = re.compile(r"\bmarinat\w*", re.I)
_CHILL = re.compile(r"\b(?:refrigerat\w*|chill\w*|fridge)\b", re.I)
_FINISH = re.compile(r"\b(?:raise|increase|turn\s+(?:\w+\s+){0,2}up|crank|higher|hotter)\b", re.I)
_FINAL = re.compile(r"\b(?:last|final)\s+(?P<n>\d+)\s*(?:minutes?|mins?)\b", re.I)


def _techniques(recipe: Recipe) -> list[Variant]:
    return [v for v in recipe.variants if v.kind in {"method", "technique"}]


def _marinating(recipe: Recipe) -> Iterable[Finding]:
    """The card's marinating time against the article's."""
    said = [(v, s) for v in _techniques(recipe) for s in v.steps]
    article = next(((v, s) for v, s in said if _MARINATE.search(s.text) and s.durations), None)
    if article is None:
        return
    variant, theirs = article
    marinade = {u for s in variant.steps for u in s.uses}
    for i, step in enumerate(recipe.steps):
        chills = _CHILL.search(step.text) and marinade & set(step.uses)
        if not step.durations or not (_MARINATE.search(step.text) or chills):
            continue
        card = step.durations[0]
        low, high = sorted((card.min_minutes, theirs.durations[0].min_minutes))
        if high >= 1.5 * low and high - low >= 15:
            options = " or ".join(d.text for d in theirs.durations)
            message = (
                f"Step {i + 1} marinates for {card.text}, but the article ({variant.name}) says "
                f"{options}."
            )
            fix = (
                f"Marinate for {options}, as the article says; or, if {card.text} is enough, say "
                "so in the article too."
            )
            see = (f"article: {variant.name}",)
            yield Finding("warning", "article-marinating-time", f"step {i + 1}", message, fix, see)
        return


def _stages(slots: Sequence[_Slot]) -> list[tuple[_Slot, float, Duration]]:
    """The steps that hold the oven: (step, °F, for how long)."""
    return [(s, s.oven, s.span) for s in slots if s.oven is not None and s.span is not None]


def _plan(stages: Sequence[tuple[_Slot, float, Duration]]) -> str:
    """ "300°F for 2 hours, then at 450°F for 30–40 minutes"."""
    return ", then at ".join(
        f"{_deg(t)} for {_span(d.min_minutes, d.max_minutes)}" for _, t, d in stages
    )


def _total(stages: Sequence[tuple[_Slot, float, Duration]]) -> tuple[float, float]:
    low = sum(d.min_minutes for _, _, d in stages)
    return low, sum((d.max_minutes or d.min_minutes) for _, _, d in stages)


def _oven_methods(recipe: Recipe, card: Sequence[_Slot]) -> Iterable[Finding]:
    """The card's oven temperatures and times for a food against the article's method."""
    ours = _stages(card)
    if not ours:
        return
    main_roast = max(ours, key=lambda stage: stage[2].min_minutes)[0]
    for variant in _techniques(recipe):
        theirs = _stages(_timeline(variant.steps, recipe))
        subject = {u for s in variant.steps for u in s.uses}
        subject |= set(ingredients_in(variant.name, recipe.ingredients))
        mine = [stage for stage in ours if subject & set(_subject(stage[0], card))]
        if not theirs or not mine or not any("oven" in s.equipment for s in variant.steps):
            continue
        (first, heat, span), (_, their_heat, _) = mine[0], theirs[0]
        (a_low, a_high), (b_low, b_high) = _total(mine), _total(theirs)
        longer = a_high < b_low or b_high < a_low
        what, verb, see = (
            _food_of(first, card, recipe),
            _verb(first.main),
            (f"article: {variant.name}",),
        )
        kind = "the article's method" if variant.kind == "method" else "the article"
        if abs(heat - their_heat) >= 15 or longer:
            told = _plan(theirs) if longer or len(theirs) > 1 else _deg(their_heat)
            keep = _deg(heat) + (
                f" for {_span(span.min_minutes, span.max_minutes)}" if longer else ""
            )
            message = (
                f"Step {first.index + 1} {verb} {what} at {keep}, but {kind} ({variant.name}) "
                f"{verb} {_them(what)} at {told}."
            )
            fix = (
                f"{_cap(verb[:-1])} {_them(what)} at {told}, as {kind} says; or keep {keep} and "
                "change the article to match."
            )
            place = f"step {first.index + 1}"
            yield Finding("warning", "article-oven-method", place, message, fix, see)
        finish = _card_finish(recipe)
        if finish is None or len(theirs) < 2 or first is not main_roast:
            continue
        where, temperature, minutes = finish
        _, last_heat, last = theirs[-1]
        told = f"{_deg(last_heat)} for {_span(last.min_minutes, last.max_minutes)}"
        inside = last.min_minutes <= minutes <= (last.max_minutes or last.min_minutes)
        if abs(temperature - last_heat) >= 15 or not inside:
            ours_told = f"{_deg(temperature)} for the last {_span(minutes, minutes)}"
            message = (
                f"{_cap(where)} raises the oven to {ours_told}, but {kind} ({variant.name}) "
                f"finishes at {told}."
            )
            fix = f"Finish at {told}, as {kind} says; or change the article to {ours_told}."
            yield Finding("warning", "article-oven-finish", where, message, fix, see)


def _card_finish(recipe: Recipe) -> tuple[str, float, float] | None:
    """A note or step that turns the oven up for the last minutes: (place, °F, minutes)."""
    texts = [(f"step {i + 1}", s.text) for i, s in enumerate(recipe.steps)]
    texts += [(f"note {i + 1}", n) for i, n in enumerate(recipe.notes)]
    for where, text in texts:
        final = _FINAL.search(text)
        hot = [t.fahrenheit for t in find_temperatures(text) if t.kind == "oven"]
        if final and hot and _FINISH.search(text):
            return where, hot[0], float(final.group("n"))
    return None


_WARNS = re.compile(r"\b(?:avoid|don[’']?t|do\s+not|never|keep)\b", re.I)
_GLAZE_ON = re.compile(
    r"\b(?:brush|glaze|drizzle|spoon|pour|baste|coat)\w*\b[^.]*\bglaze\b|"
    r"\bglaze\s+(?:the|it|them|each)\b",
    re.I,
)
_SPARES_SKIN = re.compile(
    r"\b(?:meat\s+side|sides|(?:avoid\w*|not|off|except)\s+(?:on\s+)?the\s+skin)\b", re.I
)


def _glaze_warning(sentence: str) -> bool:
    """ "Avoid glazing the skin directly", "Keep the glaze off the skin"."""
    said = (_WARNS, re.compile(r"\bglaz", re.I), re.compile(r"\bskin\b", re.I))
    return all(p.search(sentence) for p in said) and not re.search(r"\bwipe\b", sentence, re.I)


def _cautions(recipe: Recipe) -> Iterable[Finding]:
    """The article says to keep the glaze off the skin; a card step glazes what has skin."""
    said = [(v, s) for v in recipe.variants for s in sentences(v.text)]
    warning = next(((v, s) for v, s in said if _glaze_warning(s)), None)
    if warning is None:
        return
    variant, sentence = warning
    for i, step in enumerate(recipe.steps):
        main = main_clause(step.text)
        if not _GLAZE_ON.search(main) or _SPARES_SKIN.search(main):
            continue
        meats = [recipe.ingredients[u] for u in step.uses]
        meats = [m for m in meats if safe_minimum(m.name or "")]
        if meats or "skin" in main.lower():
            what = f"the {_name(meats[0])}" if meats else "the skin"
            message = (
                f"Step {i + 1} brushes {what} with glaze, but the article ({variant.name}) "
                f"warns: “{sentence}”"
            )
            fix = "Brush the glaze on the meat and the sides only, keeping it off the skin."
            see = (f"article: {variant.name}",)
            yield Finding("warning", "article-glaze-on-skin", f"step {i + 1}", message, fix, see)


# --- food left out ------------------------------------------------------------------------------

_OUT_OF_FRIDGE = 120  # minutes: USDA's two hours for perishable food at room temperature
_IN_THE_COLD = re.compile(r"\b(?:refrigerat|fridge|chill|freez|cooler|ice\b)", re.I)
_LEFT = re.compile(
    r"\b(?:room\s+temperature|on\s+the\s+(?:counter|bench|worktop)|leave|let\s+(?:it|them)\s+"
    r"(?:sit|stand|rest)|stand|sit|marinat\w*|cool\w*)\b",
    re.I,
)


def _left_out(recipe: Recipe) -> Iterable[Finding]:
    """Raw meat, poultry or fish left out of the refrigerator more than two hours before it
    cooks, and cooked food cooling more than two hours before it is chilled (USDA)."""
    raw = raw_animal_food(recipe.ingredients)
    cooked = False
    handled: set[int] = set()  # the raw food the steps so far have handled
    for place, step in enumerate(recipe.steps, start=1):
        handled |= raw & set(step.uses)
        own = [d for d in step.durations if d.role in {"step", "alternative"}]
        longest = max((d.max_minutes or d.min_minutes for d in own), default=0.0)
        out = longest > _OUT_OF_FRIDGE and step.heat is None and _LEFT.search(step.text)
        if out and not cooked and handled and not _IN_THE_COLD.search(step.text):
            food = recipe.ingredients[min(handled)].name or "meat"
            yield Finding(
                "warning",
                "raw-food-left-out",
                f"step {place}",
                f"Step {place} leaves the raw {food} out for {_span(longest, longest)}; "
                "raw meat, poultry and fish should spend at most 2 hours out of the "
                "refrigerator (1 hour above 90°F).",
                "Do the wait in the refrigerator and take the food out at most 30–60 minutes "
                "before it cooks.",
            )
        elif out and cooked and re.search(r"\bcool", step.text, re.I) and raw:
            yield Finding(
                "warning",
                "cooling-too-long",
                f"step {place}",
                f"Step {place} leaves the cooked food cooling for {_span(longest, longest)}; "
                "cooked meat and fish should go into the refrigerator within 2 hours.",
                "Cool it for at most 2 hours (spread it out, or set the pot in cold water), "
                "then refrigerate it.",
            )
        cooked = cooked or step.heat is not None


def _unread(recipe: Recipe) -> Iterable[Finding]:
    """An ingredient line ladle could not read (kept as written, whole): said, not hidden."""
    for i, ingredient in enumerate(recipe.ingredients):
        text = ingredient.text.strip()
        if (
            ingredient.name == ingredient.text
            and ingredient.quantity is None
            and re.search(r"\d", text)
            and not ingredient.fixed
        ):
            shown = text if len(text) <= 60 else text[:57].rstrip() + "…"
            yield Finding(
                "info",
                "ingredient-not-read",
                f"ingredient {i + 1}",
                f"ladle could not read the amount and name of “{shown}”; the line is kept as "
                "written, and scaling and the shopping list leave it as it is.",
                "Write it as an amount, a unit and a name (“200 g flour”), one ingredient a line.",
            )
