"""Understanding instructions: what a step takes, heats, needs, touches, and asks of the cook.

``understand_steps`` is the entry point the readers use. Times, temperatures and equipment
come from :mod:`ladle.durations`, :mod:`ladle.temperatures` and :mod:`ladle.equipment`; this
module adds which ingredients each step uses (following "the marinade" back to the step that
mixed it) and whether it keeps the cook's hands busy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ladle.attention import attention_of
from ladle.clauses import main_clause
from ladle.durations import find_durations
from ladle.equipment import HEAT_APPLIANCES, equipment_in, without_equipment
from ladle.model import Ingredient, Step
from ladle.surroundings import Surroundings
from ladle.temperatures import find_temperatures, one_setting_each
from ladle.text import INVISIBLE, words
from ladle.timing import time_steps
from ladle.words import singular

__all__ = [
    "attention_of",
    "ingredients_in",
    "understand_step",
    "understand_steps",
]

# --- uses: which ingredients a step touches ----------------------------------------------------

# Words that describe an ingredient without naming it ("fresh", "large", "chopped").
_MODIFIER_WORDS = (
    "fresh ground dried large small medium whole extra virgin extra-virgin chopped minced sliced "
    "diced and or of the a an to taste for with cold warm hot unsalted salted boneless skinless "
    "raw cooked finely roughly freshly plain light dark white red green black yellow sweet "
    "optional good quality store-bought homemade baby new mature bone-in thick thin cut "
    "all-purpose kosher sea table coarse fine free-range organic unwaxed ripe lean about some "
)
# Nouns that name an ingredient only together with another word ("garlic powder", "soy sauce").
_NEVER_ALONE_WORDS = (
    "sauce powder leaf leave juice zest paste seed flake extract water mix piece cube slice "
    "sprig clove bunch head can jar package pack fillet style purpose meat vegetable mixture "
    "bulb stalk rib tin "
)
# Heads that make a product of the word before them: "beef stock" is not "the beef".
_DERIVED_WORDS = (
    "stock broth powder sauce juice zest paste extract oil flake seed leaf leave water vinegar "
    "cube granule fat butter milk cream syrup jam jelly "
)
_MODIFIERS = frozenset(_MODIFIER_WORDS.split())
_DERIVED = frozenset(_DERIVED_WORDS.split())
_NEVER_ALONE = frozenset(_NEVER_ALONE_WORDS.split())
_PRODUCTS = re.compile(
    r"\b(?P<product>marinade|glaze|sauce|dressing|mixture|batter|dough|paste|rub|"
    r"spice\s+mix|filling|topping|syrup|brine|vinaigrette|custard|frosting|icing|crumb)s?\b",
    re.I,
)
_MAKES = re.compile(
    r"\b(?:mixture\s+of|combine|whisk\s+(?:together)?|mix\s+(?:together)?|stir\s+together|"
    r"blend|make\s+the|to\s+make)\b",
    re.I,
)
_FOR_THE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
_REMAINING = re.compile(r"\b(?:remaining|rest\s+of\s+the|reserved|leftover)\b", re.I)


@dataclass(slots=True)
class _IngredientIndex:
    """How each ingredient may be named in a step.

    Whole names match first ("olive oil"), then names without their describing words
    ("thyme leaves" for "fresh thyme leaves"); a single word matches when it names one
    ingredient only: first as the head noun ("chicken" is the whole chicken, not the chicken
    stock), then anywhere in a name ("garlic" for "garlic powder").
    """

    phrases: list[tuple[tuple[str, ...], int, bool]] = field(default_factory=list)
    heads: dict[str, set[int]] = field(default_factory=dict)
    tokens: dict[str, set[int]] = field(default_factory=dict)
    derived: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, ingredients: Sequence[Ingredient]) -> _IngredientIndex:
        return _index_of(tuple(i.name or "" for i in ingredients))

    @classmethod
    def _build(cls, names: tuple[str, ...]) -> _IngredientIndex:
        index = cls()
        for i, written in enumerate(names):
            name = re.sub(r"\([^)]*\)", " ", written)
            for part in re.split(r"\b(?:and|or|&)\b|,|/", name):
                toks = tuple(_norm(w) for w in words(part))
                core = tuple(t for t in toks if t not in _MODIFIERS)
                if not core:
                    continue
                index.phrases.append((toks, i, True))
                if core != toks:
                    index.phrases.append((core, i, False))
                if core[-1] not in _NEVER_ALONE:
                    index.heads.setdefault(core[-1], set()).add(i)
                table = index.derived if core[-1] in _DERIVED else index.tokens
                for t in core[:-1]:
                    if t not in _NEVER_ALONE:
                        table.setdefault(t, set()).add(i)
        # Longest first; at equal length the name as written beats the name without modifiers.
        index.phrases.sort(key=lambda item: (len(item[0]), item[2]), reverse=True)
        return index

    def find(self, text: str) -> list[int]:
        toks = [_norm(w) for w in words(text)]
        present = set(toks)
        used: list[tuple[int, int]] = []
        covered = [False] * len(toks)
        # where each run of n words starts, built once per length: linear in the step's words
        runs: dict[int, dict[tuple[str, ...], list[int]]] = {}
        for phrase, i, _ in self.phrases:  # longest first, so "olive oil" wins over "oil"
            if phrase[0] not in present:
                continue
            n = len(phrase)
            if n not in runs:
                runs[n] = {}
                for start in range(len(toks) - n + 1):
                    runs[n].setdefault(tuple(toks[start : start + n]), []).append(start)
            for start in runs[n].get(phrase, ()):
                if any(covered[start : start + n]):
                    continue
                for k in range(start, start + n):
                    covered[k] = True
                used.append((start, i))
        for position, tok in enumerate(toks):
            if covered[position]:
                continue
            for table in (self.heads, self.tokens, self.derived):
                owners = table.get(tok)
                if owners and len(owners) == 1:
                    used.append((position, next(iter(owners))))
                    break
                if owners:
                    break  # several ingredients share the word: it names none of them
        return list(dict.fromkeys(i for _, i in sorted(used)))


@lru_cache(maxsize=64)
def _index_of(names: tuple[str, ...]) -> _IngredientIndex:
    return _IngredientIndex._build(names)


def ingredients_in(text: str, ingredients: Sequence[Ingredient]) -> list[int]:
    """Indexes of the ingredients a text names, in order of mention."""
    return _IngredientIndex.build(ingredients).find(text)


def _norm(word: str) -> str:
    return singular(word) if len(word) > 3 else word


def understand_step(
    text: str,
    ingredients: Sequence[Ingredient] = (),
    section: str | None = None,
) -> Step:
    """One instruction understood on its own (no memory of earlier steps)."""
    return understand_steps([(text, section)], ingredients)[0]


def understand_steps(
    texts: Iterable[tuple[str, str | None]],
    ingredients: Sequence[Ingredient] = (),
) -> list[Step]:
    """Steps understood in order, so "the marinade" can name what an earlier step mixed; a
    step that names a group of the list ("whisk the dressing ingredients") uses its lines."""
    index = _IngredientIndex.build(ingredients)
    products: dict[str, list[int]] = {}
    last_made: list[int] = []  # what the latest "whisk together …" made, for "the sauce"
    named = {w.lower() for i in ingredients for w in words(i.name or "")}
    groups = _groups(ingredients, named)
    steps: list[Step] = []
    surroundings = Surroundings()
    written = list(texts)
    for said, section in written:
        text = INVISIBLE.sub("", said)  # "Küchen\u00adpapier": a soft hyphen splits no word
        durations = find_durations(text)
        main = main_clause(text)
        uses = index.find(without_equipment(main))
        for pattern, members in groups:
            if _names_group(pattern, main):
                uses.extend(i for i in members if i not in uses)
        made = _MAKES.search(text)
        for match in _PRODUCTS.finditer(text):
            product = _product_key(match.group("product"))
            if product in named:
                continue  # "maple syrup" is an ingredient, not something a step made
            if _FOR_THE.search(text[: match.start()]):
                continue  # "keep the skillet for the sauce" is about a later step
            for i in products.get(product, last_made):
                if i not in uses:
                    uses.append(i)
        if made:
            contents = index.find(text[made.start() :])
            for match in _PRODUCTS.finditer(text):
                products.setdefault(_product_key(match.group("product")), contents)
            if re.search(r"\bmarinat", text, re.I):
                products.setdefault("marinade", contents)
            if len(contents) >= 2:
                last_made = contents
        temperatures = one_setting_each(find_temperatures(text))
        equipment = surroundings.read(main, equipment_in(main))
        if any(t.kind == "oven" for t in temperatures) and not any(
            e in HEAT_APPLIANCES for e in equipment
        ):
            equipment.append("oven")
        steps.append(
            Step(
                text=text,
                section=section,
                durations=durations,
                temperatures=temperatures,
                equipment=equipment,
                uses=uses,
            )
        )
    time_steps(steps)
    for step, (said, _) in zip(steps, written, strict=True):
        step.attention = attention_of(step.text, step.durations, step.heat)
        step.text = said  # read without what it hides, kept as it was written
    return steps


_GROUP_LEAD = re.compile(
    r"^(?:(?:ingredients?\s+)?for|to\s+make|to\s+serve|make|para|pour|für|voor|per)\s+"
    r"(?:the|a|an|la|le|les|el|los|las|o|a|os|as|den|die|das|de|het)?\s*",
    re.I,
)


def _groups(
    ingredients: Sequence[Ingredient], named: set[str]
) -> list[tuple[re.Pattern[str], list[int]]]:
    """How a step names a group of the ingredient list, with the group's lines: "the dressing
    ingredients", "for the glaze", "the dressing" (a group named like an ingredient, such as
    "Chicken", only as "the chicken ingredients")."""
    members: dict[str, list[int]] = {}
    for n, ingredient in enumerate(ingredients):
        if ingredient.group:
            key = _GROUP_LEAD.sub("", ingredient.group.strip().rstrip(":").strip()).lower()
            if key and len(key) <= 40:
                members.setdefault(key, []).append(n)
    out: list[tuple[re.Pattern[str], list[int]]] = []
    for key, indexes in members.items():
        phrase = re.escape(key).replace(r"\ ", r"\s+") + r"(?:e?s)?"
        # a group named like an ingredient ("Chicken") only as "the chicken ingredients"
        ending = r"\s+ingredients\b" if set(words(key)) <= named else r"\b"
        pattern = rf"\b{phrase}{ending}"
        out.append((re.compile(pattern, re.I), indexes))
    return out


_LATER = re.compile(r"(?<!ingredients\s)\bfor\s+(?:the\s+)?$", re.I)


def _names_group(pattern: re.Pattern[str], text: str) -> bool:
    """Whether a step's main clause names a group, not as what a later step makes ("keep the
    milk for the sauce"; but "the ingredients for the sauce" is the group)."""
    return any(not _LATER.search(text[: m.start()]) for m in pattern.finditer(text))


def _product_key(word: str) -> str:
    return " ".join(word.lower().split())


def mentions_remaining(text: str) -> bool:
    """True when a step uses what is left of an ingredient ("the remaining oil")."""
    return bool(_REMAINING.search(text))
