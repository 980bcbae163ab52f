"""What the planner reads in a step's words: preheating, keeping times, waits and their ends,
oven temperatures, heat, the food a step is about, and an article's method put in place of the
card's cooking. Pure functions of text and recipes; ``tasks`` turns them into activities."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ladle.clauses import heat_verb, main_clause
from ladle.durations import find_durations
from ladle.equipment import equipment_in
from ladle.model import OWN_ROLES, Recipe, Step, Variant
from ladle.planning.kitchen import COOKS_IN
from ladle.temperatures import find_temperatures
from ladle.timing import WITHIN_LAST, own_time
from ladle.units import dimension
from ladle.words import alternation, word_list

__all__ = [
    "ACTIVE_MINUTES",
    "APPLIANCES",
    "BEFORE_COOKING",
    "BOIL_MINUTES",
    "COLD",
    "DEFAULT_ACTIVE",
    "FRIDGE",
    "GOES_ON",
    "HEAT_VERB",
    "LAST",
    "NOT_HEATING",
    "PREHEAT",
    "PREHEAT_SENTENCE",
    "REST",
    "SERVE",
    "STEP_F",
    "STOVE",
    "TO_THE_BOIL",
    "Prepared",
    "active_minutes",
    "bounds_of",
    "dish_of_step",
    "heating",
    "keeping_note",
    "oven_temperature",
    "prepare",
    "pressure_time",
    "scaled",
    "sentences",
    "span",
    "split_wait",
    "trailing_wait",
    "untimed_wait",
    "variant_dish",
    "with_methods",
]

PREHEAT = re.compile(r"^\s*(?:pre-?heat|heat|turn\s+on)\s+(?:the\s+|your\s+)?oven\b", re.I)
LAST = WITHIN_LAST  # "In the last 10 minutes of roasting, …", as the understanding reads it
HEAT_VERB = heat_verb()
# A sentence that preheats the oven, wherever it stands in a step.
PREHEAT_SENTENCE = re.compile(
    r"\b(?:pre-?heat|heat|turn\s+on|switch\s+on)\s+(?:the\s+|your\s+)?oven\b|"
    r"\bpre-?heat\s+(?:it\s+)?to\b|"
    # the same in other languages: "Préchauffer le four", "Backofen vorheizen", "Tænd ovnen"
    rf"\b{alternation(word_list('verbs', 'oven_preheat'))}\w*|"
    r"\b(?:t[æa]nd|s[äa]tt)\s+(?:p[åa]\s+)?ovnen\b|\bs[äa]tt\s+ugnen\b",
    re.I,
)
_RACK_SENTENCE = re.compile(
    r"\b(?:arrange|adjust|position|place|set|move)\w*\b[^.]*\brack\b[^.]*\boven\b", re.I
)
# "Take the chicken out of the fridge 30 minutes before cooking": a wait before the cooking.
BEFORE_COOKING = re.compile(
    r"\b(?P<n>\d+)\s*(?:minutes?|mins?)\s+before\s+(?:cooking|roasting|baking|grilling|you\s+cook)",
    re.I,
)
# Words that mention heat without heating: "take the pan off the heat", "before cooking".
NOT_HEATING = re.compile(
    r"\b(?:off|from)\s+the\s+heat\b|\bbefore\s+(?:cooking|roasting|baking|grilling)\b|"
    r"\bstop\s+the\s+cooking\b|\bheat-?proof\b|\b(?:out\s+of|from)\s+the\s+oven\b",
    re.I,
)
# Heating water with no time written: it takes a while, and the cook may walk away.
TO_THE_BOIL = re.compile(
    r"\b(?:bring|heat)\b[^.]*?(?:\bto\s+(?:a|the)\s+(?:rolling\s+|gentle\s+)?boil|"
    r"\buntil\s+it\s+(?:reaches|boils|comes|is\s+(?:steaming|hot)))",
    re.I,
)
BOIL_MINUTES = 10
# Cooking on in the pan the step before put on the stove: "simmer for 5 minutes".
GOES_ON = re.compile(
    r"\b(?:simmer|bubble|boil|reduc|cook|fry|fried|saut|toast|brown|sear|wilt|melt)\w*", re.I
)
COLD = re.compile(r"\b(?:over\s+ice|chilled|cold|at\s+room\s+temperature)\b", re.I)
REST = re.compile(r"\b(?:rest|stand|cool|sit)\w*\b", re.I)
FRIDGE = re.compile(r"\b(?:refrigerat\w*|chill\w*|marinat\w*|fridge|freez\w*|set)\b", re.I)
SERVE = re.compile(r"^\s*(?:serve|plate|garnish\s+and\s+serve|to\s+serve)\b", re.I)
STOVE = frozenset(
    {"skillet", "saucepan", "pot", "pan", "grill pan", "griddle", "dutch oven", "wok", "stove"}
)
APPLIANCES = COOKS_IN  # the appliances a step may cook in
ACTIVE_MINUTES: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(r"^\s*(?:serve|plate)\b", re.I), 5, "serving"),
    (re.compile(r"\b(?:chop|dice|slice|mince|peel|cut|grate|trim|wash|julienne|shred)\w*", re.I),
     10, "knife work"),
    (re.compile(r"\b(?:brush|drizzle|sprinkle|garnish|glaze|baste|flip|turn|remove|take|transfer)"
                r"\w*", re.I), 2, "a quick touch"),
)  # fmt: skip
DEFAULT_ACTIVE = 5


STEP_F = 25  # degrees of one temperature step


def dish_of_step(recipe: Recipe, step: Step) -> str | None:
    """The food a step is about: the first ingredient it uses that is weighed or counted."""
    for index in step.uses:
        ingredient = recipe.ingredients[index]
        if ingredient.to_taste or ingredient.optional:
            continue
        if dimension(ingredient.unit) in {"mass", "count", "none"} and ingredient.quantity:
            return ingredient.name or ingredient.text
    return None


@dataclass(frozen=True, slots=True)
class Prepared:
    """A step as the planner reads it: its preheating and its keeping time taken out."""

    step: Step | None  # None when the step only preheats the oven
    preheat_f: int | None = None
    keeps: int | None = None  # minutes the result keeps, when a sentence says so


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


_KEEPING = re.compile(
    r"^\W*(?:to\s+(?:store|freeze|reheat|keep|make\s+(?:(?:it|this|them)\s+)?ahead)\b|"
    r"stor(?:e|age|ing)\b|leftovers?\b|(?:make|prep)[-\s]?ahead\b|"
    r"reheat(?:ing)?\s+(?:leftovers|instructions)\b|"
    r"freez(?:e|ing)\s+(?:instructions|leftovers|any)\b|refrigerate\s+(?:any\s+)?leftovers\b|"
    r"keep\s+(?:any\s+)?(?:leftovers|in\s+(?:an?\s+)?(?:airtight|sealed|covered|the\s+fridge|"
    r"the\s+refrigerator|the\s+freezer))\b)",
    re.I,
)


_UNTIL_SERVED = re.compile(r"\buntil\s+(?:you\s+are\s+)?(?:ready\s+to\s+)?serv", re.I)


def keeping_note(step: Step) -> bool:
    """A step that only says how to keep, freeze or reheat what was made ("To freeze, cool and
    pack into containers for up to 3 months"; "Leftovers keep for 3 days"): advice for after
    the meal, with no time of its own."""
    if any(d.role in OWN_ROLES for d in step.durations):
        return False
    said = sentences(step.text)
    if not said or _UNTIL_SERVED.search(step.text):
        return False  # "Store in the fridge until ready to serve": the dish's own chill
    return all(
        _KEEPING.search(sentence)
        or any(d.role in {"storage", "make_ahead"} and d.text in sentence for d in step.durations)
        for sentence in said
    )


def prepare(step: Step) -> Prepared:
    """Take out the sentences that are not work: "Heat the oven to 200°C." sets the oven for
    the steps that follow; "The tea keeps for up to 5 days." bounds how long it may wait."""
    preheat: int | None = None
    keeps: int | None = None
    kept: list[str] = []
    for sentence in sentences(step.text):
        temperatures = [
            t for t in find_temperatures(sentence) if t.kind in {"oven", "other"}
            and t.fahrenheit >= 200
        ]  # fmt: skip
        sets_oven = PREHEAT_SENTENCE.search(sentence) or (
            _RACK_SENTENCE.search(sentence) and not HEAT_VERB.search(sentence)
        )  # "Arrange a rack in the middle of the oven at 400°F."
        if sets_oven and temperatures and not find_durations(sentence):
            preheat = round(temperatures[-1].fahrenheit)
            continue
        holding = [  # the understanding's storage and make-ahead times said in this sentence
            d for d in step.durations if d.role in {"storage", "make_ahead"} and d.text in sentence
        ]
        if (
            holding
            and kept
            and not any(d.role in OWN_ROLES and d.text in sentence for d in step.durations)
        ):
            keeps = max(round(d.max_minutes or d.min_minutes) for d in holding)
            continue
        kept.append(sentence)
    if preheat is None and keeps is None:
        return Prepared(step)
    if not kept:
        return Prepared(None, preheat, keeps)
    text = " ".join(kept)
    prepared = replace(
        step,
        text=text,
        durations=[d for d in step.durations if d.text in text],
        temperatures=[t for t in step.temperatures if t.text in text],
        equipment=equipment_in(text),
    )
    return Prepared(prepared, preheat, keeps)


def bounds_of(
    step: Step, passive: bool, text: str, keeps: int | None = None
) -> tuple[int, int] | None:
    """The step's own time as the planner takes it, from what the understanding worked out
    (``Step.durations`` with their roles; ``timing.own_time``): lead, make-ahead, storage and
    restated times are not the step's; "In the last 10 minutes of …" is where the step sits,
    not a wait of its own. An open end gets a bound a cook would accept."""
    inside = bool(LAST.match(text))
    time = own_time([d for d in step.durations if not (inside and LAST.match(d.text))])
    if time is None:
        return None
    low = round(time.min_minutes)
    if time.max_minutes is not None:
        high = round(time.max_minutes)
    elif keeps is not None:
        high = max(low, keeps)
    elif FRIDGE.search(text):
        high = max(low, 1440)  # marinating, chilling: at most a day
    elif _COOL.search(text) and not HEAT_VERB.search(text):
        high = max(low * 3, low + 30)  # "cool at least 30 minutes": a least; it may cool on
    elif REST.search(text):
        high = low + max(5, low // 2)
    else:
        high = low * 2
    if passive and REST.search(text) and not HEAT_VERB.search(text) and high == low:
        high = low + 5  # "rest for 10 minutes": 10 to 15
    if passive and not HEAT_VERB.search(text):
        high = max(high, _stretch(text, low))
    return max(1, low), max(1, low, high)


_COOL = re.compile(r"\bcool(?:s|ing|ed)?\b", re.I)
_IN_THE_FRIDGE = re.compile(r"\b(?:refrigerat\w*|chill\w*|fridge|r[ée]frig[ée]rateur)\b", re.I)
_RISE = re.compile(r"\b(?:rise|rising|proof\w*|prove|doubled?|lever|pousse)\b", re.I)
FRIDGE_STRETCH = 120  # minutes a fridge rest may run beyond its time, at least
FRIDGE_AT_MOST = 1440
FRIDGE_LONG = 120  # minutes: a rest in the fridge this long or longer may run on by hours


def _stretch(text: str, low: int) -> int:
    """How long a wait may run that the food does not mind: a long rest in the fridge by hours
    (twice its time, two hours more at least, a day at most, "overnight" 8 to 16 hours); a
    rise at room temperature only a little, as dough overproofs."""
    if _IN_THE_FRIDGE.search(text) and not re.search(r"\bmarinat", text, re.I):
        if low < FRIDGE_LONG:
            return low  # a short chill: what it waits for follows soon, as written
        return min(max(FRIDGE_AT_MOST, low), low + max(FRIDGE_STRETCH, low))
    if _RISE.search(text):
        return low + max(5, low // 4)
    return low


# The time a kitchen takes where the recipe does not say: (pattern, minutes, what it is).
_UNTIMED_WAITS: tuple[tuple[re.Pattern[str], tuple[int, int], str], ...] = (
    (re.compile(r"\bfreez\w*\b", re.I), (240, 1440), "freezing until firm"),
    (re.compile(r"\b(?:chill|refrigerat)\w*\b", re.I), (120, 1440), "chilling through"),
    (re.compile(r"\bcool\w*\s+(?:(?:just|only)\s+)?(?:slightly|a\s+little|a\s+bit|briefly|"
                r"(?:for\s+)?a\s+(?:few|couple\s+of)\s+minutes)", re.I),
     (5, 15), "cooling slightly"),
    (re.compile(r"\bcool\w*\b[^.]*\b(?:complete|entire|through|room\s+temperature|before\s+"
                r"(?:cutting|slicing|frosting|icing|serving|filling))", re.I),
     (60, 480), "cooling completely (it keeps at room temperature for hours)"),
    (re.compile(r"\b(?:let|leave|allow)\b[^.]*\bcool\b|\bcool\s+(?:on|in)\b", re.I), (20, 40),
     "cooling"),
    (re.compile(r"\b(?:rest|stand)\w*\b", re.I), (10, 15), "resting"),
)  # fmt: skip
_TO_PRESSURE = re.compile(
    r"\b(?:come|comes|coming|bring\w*)\s+(?:up\s+)?to\s+pressure|\bpressuri[sz]", re.I
)
_NATURAL_RELEASE = re.compile(
    r"\bnatural(?:ly)?\s+(?:pressure\s+)?release|\breleas\w*\b[^.]*\bnaturally", re.I
)
_QUICK_RELEASE = re.compile(r"\b(?:quick|manual(?:ly)?)[\s-]+releas", re.I)
TO_PRESSURE_MINUTES = 10
NATURAL_RELEASE_MINUTES = (10, 20)


_TRAILING_WAIT = re.compile(
    r"^(?P<work>.+?)(?:,?\s+(?:and\s+)?then\s+|[.!]\s+)"
    r"(?P<wait>(?:let\s+(?:it|them|the\s+\w+)\s+|leave\s+(?:it|them)\s+(?:to\s+)?)?"
    r"(?:chill|refrigerate|cool|freeze|rest|stand|set)\b[^.!]*)[.!]?\s*$",
    re.I | re.S,
)


def trailing_wait(text: str) -> tuple[str, str] | None:
    """ "Beat the butter with the sugar, then chill completely." → the work, and the wait at
    its end that gives no time (the time a kitchen takes for it is ``untimed_wait``'s)."""
    match = _TRAILING_WAIT.match(text.strip())
    if match is None or untimed_wait(match.group("wait")) is None:
        return None
    return match.group("work").strip(), match.group("wait").strip()


def untimed_wait(text: str) -> tuple[tuple[int, int], str] | None:
    """A wait the recipe gives no time ("chill completely", "let cool before slicing", "let
    the meat rest"): the time a kitchen takes for it, and what it is, for the plan's
    assumptions."""
    main = text
    for pattern, minutes, what in _UNTIMED_WAITS:
        if pattern.search(main):
            return minutes, what
    return None


def pressure_time(text: str, minutes: tuple[int, int]) -> tuple[tuple[int, int], list[str]]:
    """A pressure cooker's whole time: coming to pressure (about 10 minutes) unless the step
    says, and a natural release of 10–20 minutes when the step asks for one with no time."""
    low, high = minutes
    said: list[str] = []
    if not _TO_PRESSURE.search(text):
        low, high = low + TO_PRESSURE_MINUTES, high + TO_PRESSURE_MINUTES
        said.append(f"{TO_PRESSURE_MINUTES} minutes to come to pressure")
    natural = _NATURAL_RELEASE.search(text)
    if natural and not find_durations(text[natural.start() : natural.end() + 40]):
        low, high = low + NATURAL_RELEASE_MINUTES[0], high + NATURAL_RELEASE_MINUTES[1]
        said.append(
            f"{NATURAL_RELEASE_MINUTES[0]}–{NATURAL_RELEASE_MINUTES[1]} minutes of natural release"
        )
    elif _QUICK_RELEASE.search(text):
        low, high = low + 2, high + 2
        said.append("2 minutes to release the pressure")
    return (low, high), said


def oven_temperature(step: Step) -> int | None:
    ovens = [t for t in step.temperatures if t.kind in {"oven", "other"} and t.fahrenheit >= 200]
    return round(ovens[-1].fahrenheit) if ovens else None


def scaled(minutes: tuple[int, int], written: int, used: int) -> tuple[int, int]:
    """Time at another oven temperature: 10% less per 25°F hotter, 10% more per 25°F cooler."""
    factor = 1 - 0.1 * (used - written) / STEP_F
    return max(1, int(minutes[0] * factor)), max(1, round(minutes[1] * factor + 0.49))


def heating(text: str) -> bool:
    """Whether the step heats food: "Once roasted, take it out of the oven" does not."""
    return bool(HEAT_VERB.search(NOT_HEATING.sub(" ", main_clause(text))))


def span(minutes: tuple[int, int]) -> str:
    low, high = minutes
    return f"{low} minutes" if low == high else f"{low}–{high} minutes"


def variant_dish(recipe: Recipe, variant: Variant) -> str | None:
    for step in variant.steps:
        dish = dish_of_step(recipe, step)
        if dish:
            return dish
    return None


def active_minutes(text: str) -> tuple[int, str]:
    for pattern, minutes, what in ACTIVE_MINUTES:
        if pattern.search(text):
            return minutes, what
    return DEFAULT_ACTIVE, "hands-on work"


def split_wait(text: str) -> tuple[str, str] | None:
    """ "Coat the pork. Refrigerate for 30 minutes." → the active and the passive sentence."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    if len(sentences) < 2:
        return None
    return " ".join(sentences[:-1]), sentences[-1]


def with_methods(recipe: Recipe, names: Sequence[str]) -> Recipe:
    """The recipe with its card's cooking of a food replaced by an article method of it."""
    if not names:
        return recipe

    result = copy.deepcopy(recipe)
    for name in names:
        variant = next(
            (v for v in recipe.variants if v.kind == "method" and name.lower() in v.name.lower()),
            None,
        )
        if variant is None:
            continue
        dish = variant_dish(recipe, variant)
        if dish is None:
            continue
        steps = result.steps
        cooking = [
            i
            for i, s in enumerate(steps)
            if dish_of_step(recipe, s) == dish
            and s.attention == "passive"
            and not LAST.match(s.text)
            and (set(s.equipment) & ({"oven"} | STOVE | APPLIANCES))
        ]
        if not cooking:
            continue
        drop = set(cooking)
        for i in cooking:  # the preheat before a cooking step
            if i > 0 and PREHEAT.match(steps[i - 1].text):
                drop.add(i - 1)
        if any(REST.search(v.text) and not heating(v.text) for v in variant.steps):
            drop |= {  # the card's rest after the cooking, when the method rests it itself
                i
                for i, s in enumerate(steps)
                if i > min(cooking)
                and s.attention == "passive"
                and REST.search(s.text)
                and not heating(s.text)
                and dish_of_step(recipe, s) == dish
            }
        new_steps = [copy.deepcopy(s) for s in variant.steps]
        for s in new_steps:  # the method's steps are about its food even where they name none
            if not s.uses:
                s.uses = [i for i, ing in enumerate(recipe.ingredients) if (ing.name or "") == dish]
        at = min(drop)
        result.steps = (
            [s for i, s in enumerate(steps[:at]) if i not in drop]
            + new_steps
            + [s for i, s in enumerate(steps) if i >= at and i not in drop]
        )
    return result
