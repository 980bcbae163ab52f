"""What a long-form article says around its recipe card.

Food blogs wrap the card in prose that carries real knowledge: other ways to cook the dish,
variations, what to serve with it, the internal temperature to aim for, how long leftovers keep,
what can be done ahead. The readers cut an article into sections
(:class:`~ladle.draft.Section`: a heading, the headings it sits under, and its paragraphs and
list items); :func:`understand_article` fills a recipe's ``variants``, ``pairings``,
``doneness``, ``storage`` and ``make_ahead`` from them.

Variant kinds: ``method`` (a whole way of cooking: a numbered procedure, or an entry under
"Alternative methods"), ``technique`` (how to do one part well: marinating, drying, resting,
with times or temperatures), ``variation`` (a change of flavour: glaze variations, add-ins).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ladle.clauses import heat_verb, is_instruction
from ladle.draft import Section, main_part
from ladle.durations import find_durations
from ladle.equipment import HEAT_APPLIANCES, equipment_in
from ladle.model import Doneness, MakeAhead, Pairing, Recipe, Step, Storage, Variant
from ladle.steps import ingredients_in, understand_steps
from ladle.temperatures import find_temperatures
from ladle.text import sentences
from ladle.units import fahrenheit_to_celsius
from ladle.words import food_class

__all__ = ["understand_article"]


_DRINK = re.compile(r"\b(?:beverages?|drinks?|wines?|cocktails?|mocktails?|beers?|sips?)\b", re.I)
_SIDE = re.compile(
    r"\b(?:sides?|side\s+dish(?:es)?|serve\s+(?:it\s+|this\s+)?with|goes\s+well|"
    r"accompaniments?|pairings?|pair\s+with|what\s+to\s+serve)\b",
    re.I,
)
_VARIATION = re.compile(
    r"\b(?:variations?|twists?|swaps?|substitut\w*|switch\w*|customi[sz]\w*|add[-\s]ins?|"
    r"enhancements?|upgrades?|flavou?r\s+(?:ideas|boosts?|options)|make\s+it\s+your\s+own|"
    r"ways\s+to\s+(?:change|vary))\b",
    re.I,
)
_METHODS = re.compile(
    r"\b(?:methods?|alternatives?|alternative\s+methods|other\s+ways|ways\s+to\s+cook|"
    r"cooking\s+options)\b",
    re.I,
)
_TECHNIQUE_WORDS = re.compile(
    r"\b(?:marinat\w*|scor\w*|dry\w*|brin\w*|rest\w*|prep\w*|roast\w*|bak\w*|sear\w*|fry\w*|"
    r"grill\w*|cook\w*|techniques?|methods?|season\w*|smok\w*|braise?\w*|crisp\w*|glaz\w*)\b",
    re.I,
)
_AHEAD = re.compile(
    r"\b(?:ahead|in\s+advance|make[-\s]ahead|the\s+day\s+before|the\s+night\s+before)\b", re.I
)
_AHEAD_SENTENCE = re.compile(
    r"\b(?:make|made|prepare|prepared|cook|cooked|roast|assemble|mix|bake)\b[^.]*"
    r"\b(?:ahead|in\s+advance|the\s+day\s+before|the\s+night\s+before)\b",
    re.I,
)
_FINISH = re.compile(
    r"\b(?:re-?heat\w*|re-?warm\w*|warm\w*|re-?crisp\w*|finish\w*|heated\s+through|"
    r"bring\s+to\s+room|thaw\w*)\b",
    re.I,
)
_STORAGE_VERB = re.compile(
    r"\b(?:store[sd]?|storing|keeps?|kept|lasts?|good\s+for|leftovers?|will\s+be\s+fine|"
    r"chill(?:ed)?\s+(?:it\s+)?(?:for\s+)?up\s+to|refrigerate\s+(?:it\s+)?(?:for\s+)?up\s+to)\b",
    re.I,
)
_WHERE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("freezer", re.compile(r"\bfreez\w*", re.I)),
    ("refrigerator", re.compile(r"\b(?:refrigerat\w*|fridge|chill\w*)\b", re.I)),
    (
        "room temperature",
        re.compile(r"\b(?:room\s+temperature|counter\w*|airtight)\b", re.I),
    ),
    ("pantry", re.compile(r"\b(?:pantry|cupboard)\b", re.I)),
)
_GENERIC_HEADING = re.compile(
    r"^(?:the\s+)?(?:process|steps?|method|instructions?|directions?|how\s+to|procedure|"
    r"(?:roasting|cooking|baking)\s+process)$",
    re.I,
)
_DEFINITION = re.compile(r"^(?P<name>[^:.!?]{2,60}):\s+(?P<text>\S.*)$")
_NAME_END = re.compile(r"\s+(?:for|to|—|–|-)\s+|\(")
_HEAT_VERB = heat_verb()
_DAY = 1440.0


def _variant_name(section: Section) -> str:
    name = section.name
    if _GENERIC_HEADING.match(name) or not name:
        for parent in section.parents:
            if parent and not _GENERIC_HEADING.match(main_part(parent)):
                return main_part(parent)
    return name or "Variant"


def _split_definition(text: str) -> tuple[str | None, str]:
    match = _DEFINITION.match(text)
    if match and len(match.group("name").split()) <= 8:
        return match.group("name").strip(), match.group("text").strip()
    return None, text


def _item_name(text: str) -> str:
    name, _ = _split_definition(text)
    if name:
        return name
    head = _NAME_END.split(text, maxsplit=1)[0].strip().rstrip(".,;: ")
    return head[:1].upper() + head[1:] if head else text


def understand_article(sections: Sequence[Section], recipe: Recipe) -> None:
    """Fill the recipe's variants, pairings, doneness, storage and make-ahead from prose."""
    ahead_sections: set[int] = set()
    for position, section in enumerate(sections):
        if section.heading is None or not section.blocks:
            continue
        if _pairings(section, recipe):
            continue
        if _AHEAD.search(section.heading):
            _make_ahead(section.body(), recipe)
            ahead_sections.add(position)
            continue
        if _variations(section, recipe):
            continue
        if _methods(section, recipe):
            continue
        _technique(section, recipe)
    card = [recipe.description or "", *recipe.notes]
    prose = [b.text for p, s in enumerate(sections) if p not in ahead_sections for b in s.blocks]
    for block in [*prose, *card]:
        for sentence in sentences(block):
            if _AHEAD_SENTENCE.search(sentence) and not _mentions_marinating(sentence):
                _make_ahead(sentence, recipe)
    texts = [(s.context, b.text) for s in sections for b in s.blocks]
    texts += [(recipe.title, text) for text in card if text]
    texts += [(recipe.title, step.text) for step in recipe.steps]
    _storage(texts, recipe)
    _doneness(texts, recipe)


def _mentions_marinating(sentence: str) -> bool:
    return bool(re.search(r"\bmarinat\w*|\bovernight\b", sentence, re.I)) and not re.search(
        r"\bday\b", sentence, re.I
    )


def _pairings(section: Section, recipe: Recipe) -> bool:
    items = [b for b in section.blocks if b.item]
    if not items:
        return False
    heading = section.heading or ""
    if _DRINK.search(heading):
        kind = "drink"
    elif _SIDE.search(heading):
        kind = "side"
    elif any(_DRINK.search(p) for p in section.parents[:1]):
        kind = "drink"
    else:
        return False
    for block in items:
        name, text = _split_definition(block.text)
        recipe.pairings.append(Pairing(name=name or _item_name(block.text), kind=kind, text=text))
    return True


def _variations(section: Section, recipe: Recipe) -> bool:
    if not _VARIATION.search(section.heading or ""):
        return False
    items = [b for b in section.blocks if b.item]
    if items:
        for block in items:
            recipe.variants.append(
                Variant(name=_item_name(block.text), kind="variation", text=block.text)
            )
    else:
        recipe.variants.append(
            Variant(name=_variant_name(section), kind="variation", text=section.body())
        )
    return True


def _methods(section: Section, recipe: Recipe) -> bool:
    items = [b for b in section.blocks if b.item]
    timed = [b for b in items if find_durations(b.text) or find_temperatures(b.text)]
    if len(items) >= 2 and timed:
        name = _variant_name(section)
        steps = _steps([b.text for b in items], recipe, name)
        recipe.variants.append(
            Variant(name=name, kind="method", text="\n".join(b.text for b in items), steps=steps)
        )
        return True
    if not _METHODS.search(section.heading or ""):
        return False
    found = False
    for block in section.blocks:
        label, text = _split_definition(block.text)
        if label is None:
            continue
        wanted = [s for s in sentences(text) if _is_step_sentence(s)]
        recipe.variants.append(
            Variant(name=label, kind="method", text=text, steps=_steps(wanted, recipe, label))
        )
        found = True
    return found


def _technique(section: Section, recipe: Recipe) -> None:
    if not _TECHNIQUE_WORDS.search(section.context):
        return
    body = section.body()
    wanted = [s for s in sentences(body) if _is_step_sentence(s)]
    timed = [
        s
        for s in wanted
        if find_durations(s) or any(t.kind != "internal" for t in find_temperatures(s))
    ]
    if not timed:
        return
    name = _variant_name(section)
    recipe.variants.append(
        Variant(name=name, kind="technique", text=body, steps=_steps(wanted, recipe, name))
    )


def _is_step_sentence(sentence: str) -> bool:
    if is_instruction(sentence):
        return True
    return bool(find_durations(sentence)) or any(
        t.kind != "internal" for t in find_temperatures(sentence)
    )


def _steps(texts: Iterable[str], recipe: Recipe, name: str) -> list[Step]:
    """Steps of a variant; the variant's name lends its appliance to steps that name none."""
    steps = understand_steps([(t, None) for t in texts], recipe.ingredients)
    appliances = [e for e in equipment_in(name) if e in HEAT_APPLIANCES]
    for step in steps:
        heats = step.temperatures or _HEAT_VERB.search(step.text)
        if appliances and not step.equipment and heats:
            step.equipment = appliances[:1]
        if appliances and appliances[0] in {"oven", "air fryer"}:
            for temperature in step.temperatures:
                if temperature.kind == "other":
                    temperature.kind = "oven"
    return steps


def _make_ahead(text: str, recipe: Recipe) -> None:
    days = [
        (d.max_minutes if d.max_minutes is not None else d.min_minutes) / _DAY
        for d in find_durations(text)
        if (d.max_minutes or d.min_minutes) >= _DAY
    ]
    finishing = [s for s in sentences(text) if _FINISH.search(s)]
    entry = MakeAhead(
        text=text,
        lead_days=max(days) if days else None,
        steps=understand_steps([(s, None) for s in finishing], recipe.ingredients),
    )
    if all(existing.text != entry.text for existing in recipe.make_ahead):
        recipe.make_ahead.append(entry)


def _storage(texts: Sequence[tuple[str, str]], recipe: Recipe) -> None:
    seen = {(s.where, s.max_days) for s in recipe.storage}
    for _, block in texts:
        for sentence in sentences(block):
            if not _STORAGE_VERB.search(sentence) or _AHEAD.search(sentence):
                continue
            where = next((w for w, pattern in _WHERE if pattern.search(sentence)), None)
            if where is None:
                continue
            spans = [
                d for d in find_durations(sentence) if (d.max_minutes or d.min_minutes) >= _DAY
            ]
            if not spans:
                continue
            longest = max(spans, key=lambda d: d.max_minutes or d.min_minutes)
            minutes = (
                longest.max_minutes if longest.max_minutes is not None else longest.min_minutes
            )
            key = (where, round(minutes / _DAY, 2))
            if key in seen:
                continue
            seen.add(key)
            recipe.storage.append(Storage(where=where, max_days=key[1], text=sentence))


def _doneness(texts: Sequence[tuple[str, str]], recipe: Recipe) -> None:
    seen = {(d.food, d.fahrenheit) for d in recipe.doneness}
    for context, block in texts:
        for sentence in sentences(block):
            for temperature in find_temperatures(sentence):
                if temperature.kind != "internal":
                    continue
                food = _food(sentence, context, recipe)
                if (food, temperature.fahrenheit) in seen:
                    continue
                seen.add((food, temperature.fahrenheit))
                celsius = temperature.celsius
                if not re.search(r"\d\s*°?\s*C\b", temperature.text):
                    celsius = round(fahrenheit_to_celsius(temperature.fahrenheit), 1)
                recipe.doneness.append(
                    Doneness(
                        food=food,
                        fahrenheit=temperature.fahrenheit,
                        celsius=celsius,
                        text=sentence,
                    )
                )


def _food(sentence: str, context: str, recipe: Recipe) -> str | None:
    """What a doneness temperature is for: a meat or fish named nearby, else what is named."""
    fallback: str | None = None
    for text in (sentence, context, recipe.title):
        names = [recipe.ingredients[i].name for i in ingredients_in(text, recipe.ingredients)]
        for name in names:
            if name and food_class("meat_or_fish").search(name):
                return name
        fallback = fallback or next((n for n in names if n), None)
    return fallback
