"""Shopping lists: the ingredients of several recipes merged into one list, by aisle.

:func:`shopping_list` takes recipes (scaled first where asked: :func:`ladle.scaling.scale`, or a
factor per recipe here) and gives the list a cook takes to the shop.

**The same food** is the same shopping name: the ingredient's name in lower case, without
brackets or what follows a comma, its last word singular, without :data:`STATE_WORDS` (state
or size: "fresh", "chopped", "large"). :data:`QUALITY_WORDS` ("free-range", "unwaxed",
"extra-virgin") leave the name too but stay in the note. Every other word counts: "unsalted
butter", "salted butter" and "butter" are three foods, as are "olive oil" and "sesame oil";
"lemon", "lemon juice" and "lemon zest"; "thyme" and "dried thyme". A piece word ending a name
is its unit (:data:`PIECE_WORDS`): "garlic cloves" is garlic in cloves, "thyme leaves" is
thyme, "bay leaves" stay bay leaves. "Honey or sugar" buys honey and says so in the note; a
line with no amount naming two foods ("Salt and pepper") is both.

**Adding up.** One food's amounts in one dimension add up in grams, milliliters or centimeters
and read as a cookbook prints them (:func:`ladle.rounding.kitchen_amount`): 2 tbsp + 3 tbsp
olive oil is "⅓ cup olive oil"; ranges add as ranges (2–3 tbsp + 1 tbsp is "3–4 tbsp").
Volume and weight meet only through a known density (:func:`ladle.units.grams_per_ml`), in
weight, as shops sell, and the note says what was converted. Counts add up per unit (cloves
with cloves) and are rounded up: 2 + 1½ eggs is "4 eggs", noted. What cannot be added ("1 lb
carrots" and "3 carrots", "1 bunch" and "4 sprigs" of thyme) stays apart on consecutive lines;
a bare count beside a weight gets its usual weight in the note ("≈ 6 oz; 1 lb 6 oz in all")
where :func:`ladle.units.grams_per_piece` knows one, but is not converted: carrots are picked
by the piece or by the pound, as the recipe said.

**Units** are those of the system the lines used (grams for a British recipe's butter, cups
for an American one's water; spoons belong to both), else the system most amounts of the list
are in (metric on a tie); ``system`` overrides both.

**No amount.** "Salt and pepper to taste" in three recipes is "salt, to taste" and "pepper, to
taste" once each; beside an amount it is "½ tsp black pepper, plus more to taste". An item is
optional only when every line it comes from is.

**Staples** a cook buys once and keeps (``[staples]`` of ``data/aisles.toml``): every salt
(kosher, sea, table) is one "salt" line, every black pepper one "black pepper" line, water one
line noted "from the tap", under "staples"; the kinds the recipes asked for are in the note.

**Packages** keep their size: "2 (15 oz) cans black beans" and "1 can (15 oz) black beans"
are "3 cans (15 oz each) black beans"; cans of another size are another line.

**Aisles** come from ``data/aisles.toml`` (keywords; one that ends the name wins, then the
longest). Items go by aisle
in store order, then by the keyword matched (so "butter" and "unsalted butter" stand together),
then by name, then weight, volume, length and counts.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from typing import Any

from ladle.cookbook import package_size, size_text
from ladle.errors import RequestError
from ladle.model import FORMAT_VERSION, JSON, Ingredient, Recipe, number
from ladle.rounding import System, kitchen_amount, kitchen_fraction, system_of
from ladle.units import (
    convert,
    dimension,
    format_quantity,
    grams_per_ml,
    grams_per_piece,
)
from ladle.words import plural, singular

__all__ = [
    "PIECE_WORDS", "QUALITY_WORDS", "STATE_WORDS", "ShoppingItem", "ShoppingList", "Use",
    "aisle_of", "shopping_list", "shopping_name",
]  # fmt: skip

#: Words that describe the state, cut or size of a food, not which food to buy.
STATE_WORDS = frozenset(
    {
        "fresh", "freshly", "chopped", "minced", "diced", "sliced", "grated", "shredded",
        "crushed", "peeled", "halved", "quartered", "trimmed", "softened", "melted", "cooled",
        "beaten", "sifted", "packed", "cold", "chilled", "warm", "room-temperature", "large",
        "small", "medium", "extra-large", "jumbo", "big", "ripe", "good-quality", "finely",
        "roughly", "coarsely", "thinly", "thickly", "lightly", "loosely", "firmly", "rinsed",
        "drained", "cubed", "torn", "juiced", "zested", "freshly-ground",
    }
)  # fmt: skip
#: Words that say how to buy a food: out of its name, into the item's note.
QUALITY_WORDS = frozenset(
    {"free-range", "organic", "unwaxed", "extra-virgin", "grass-fed", "cage-free", "pasture-raised",
     "pure", "low-sodium"}
)  # fmt: skip
#: Piece words that end a name and are its unit ("garlic cloves"); "leaf" only after a herb.
PIECE_WORDS = frozenset({"clove", "sprig", "stalk", "bulb", "floret"})
_HERBS = frozenset(
    {"thyme", "parsley", "mint", "basil", "cilantro", "coriander", "sage", "rosemary", "oregano",
     "tarragon", "dill"}
)  # fmt: skip
_PHRASES = {
    "extra virgin": "extra-virgin", "free range": "free-range", "grass fed": "grass-fed",
    "room temperature": "room-temperature", "good quality": "good-quality",
    "freshly ground": "freshly-ground", "&": " and ",
}  # fmt: skip
# Names with "and" that are one food.
_COMPOUNDS = ("half and half", "salt and vinegar", "sweet and sour", "mac and cheese")
_NEUTRAL = frozenset({"teaspoon", "tablespoon", "pinch", "dash"})  # metric and US cooks use both
_CANNED = frozenset({"can", "jar", "tin"})  # "1 can tomatoes" is not bought in produce
_BASE = {"mass": "gram", "volume": "milliliter", "length": "centimeter"}
_ORDER = ("mass", "volume", "length", "count", "none")
_BRACKETS = re.compile(r"\([^()]*\)")
_OR = re.compile(r"\s+(?:and/or|or)\s+")
_AND = re.compile(r"\s+and\s+")
_SIMPLE = re.compile(r"^[\d.¼½¾⅓⅔⅛⅜⅝⅞]+ \D+$")
_MORE = re.compile(r"^(?:plus|and)\s+(?:more|extra)\b", re.I)
_SIZE_MARK = "|"  # between a package unit and its size in a count kind: "can|15 oz"
_SIZE = re.compile(r"^(?:small|medium|large|extra-large|big|\d[\d.]*[- ]?(?:inch|cm)\w*)$")


@dataclass(frozen=True, slots=True)
class Use:
    """One ingredient line an item comes from: the recipe, the line's index, its text."""

    recipe: str
    ingredient: int
    text: str

    def to_json(self) -> JSON:
        return {"recipe": self.recipe, "ingredient": self.ingredient, "text": self.text}


@dataclass(slots=True)
class ShoppingItem:
    """One line of the list: a food, an amount of it, and where it is needed."""

    name: str
    aisle: str
    quantity: float | None
    quantity_max: float | None
    unit: str | None
    text: str
    to_taste: bool = False
    optional: bool = False
    note: str | None = None
    uses: list[Use] = field(default_factory=list)

    def to_json(self) -> JSON:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update(quantity=number(self.quantity), quantity_max=number(self.quantity_max))
        return data | {"uses": [u.to_json() for u in self.uses]}


@dataclass(slots=True)
class ShoppingList:
    """The merged list, in store order; ``system`` is the one most of its amounts are in."""

    items: list[ShoppingItem]
    recipes: list[str]
    system: System

    def to_json(self) -> JSON:
        return {
            "ladle": FORMAT_VERSION,
            "recipes": list(self.recipes),
            "system": self.system,
            "items": [i.to_json() for i in self.items],
        }

    def by_aisle(self) -> list[tuple[str, list[ShoppingItem]]]:
        """The items grouped by aisle, aisles in store order."""
        groups: list[tuple[str, list[ShoppingItem]]] = []
        for item in self.items:
            if not groups or groups[-1][0] != item.aisle:
                groups.append((item.aisle, []))
            groups[-1][1].append(item)
        return groups

    def to_text(self) -> str:
        """The list as plain text: one line per item, under its aisle."""
        lines = [f"Shopping list for {len(self.recipes)} recipe(s): " + "; ".join(self.recipes)]
        for aisle, items in self.by_aisle():
            lines += ["", aisle[0].upper() + aisle[1:]]
            lines += [f"- {i.text}" + (f" — {i.note}" if i.note else "") for i in items]
        return "\n".join(lines) + "\n"


# --- names ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Food:
    key: str  # what the same food shares
    written: str  # the name as written, cleaned
    unit: str | None
    qualities: tuple[str, ...]
    instead: tuple[str, ...]  # alternatives the line allows
    kind: str | None = None  # the kind of a staple, as written ("kosher salt")


def _words(name: str) -> tuple[list[str], tuple[str, ...]]:
    words = [w.strip(" .;:!?*\"'") for w in name.split()]
    words = [w for w in words if w]
    keep: set[int] = set()
    for phrase in _kept_phrases():
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(singular(w) for w in words[i : i + n]) == tuple(map(singular, phrase)):
                keep.update(range(i, i + n))
    kept = [
        w
        for i, w in enumerate(words)
        if i in keep or (w not in STATE_WORDS and w not in QUALITY_WORDS)
    ]
    return kept or words, tuple(w for w in words if w in QUALITY_WORDS)


def _food(name: str, unit: str | None, instead: tuple[str, ...] = ()) -> _Food:
    words, qualities = _words(name)
    if len(words) > 1:
        last, rest = singular(words[-1]), words[:-1]
        if (last in PIECE_WORDS and (last != "clove" or rest[-1] == "garlic")) or (
            last == "leaf" and rest[-1] in _HERBS
        ):
            words, unit = rest, unit or last
    if not words:
        words = [name.strip() or "?"]
    key = _key_of(words)
    written = " ".join(words)
    staple = _staples().get(key)
    if staple is not None:  # kosher salt, sea salt, salt: one staple, its kinds in the note
        return _Food(staple, staple, unit, qualities, instead, written if key != staple else None)
    return _Food(key, written, unit, qualities, instead)


def shopping_name(name: str) -> str:
    """The name two lines must share to be merged: "Fresh Thyme Leaves" → "thyme"."""
    return _foods(Ingredient(text=name, name=name, quantity=1))[0].key


def _foods(ingredient: Ingredient) -> list[_Food]:
    raw = _BRACKETS.sub(" ", (ingredient.name or ingredient.text).lower()).split(",")[0]
    for phrase, replacement in _PHRASES.items():
        raw = raw.replace(phrase, replacement)
    first, *others = _OR.split(" ".join(raw.split()))
    if others and " " not in first and " " in others[-1] and not _keyword(first):
        first += " " + others[-1].split()[-1]  # "vegetable or rapeseed oil": vegetable oil
    instead = tuple(" ".join(_words(other)[0]) for other in others if other.strip())
    names = [first]
    if not _has_amount(ingredient) and not any(c in first for c in _COMPOUNDS):
        names = [n for n in _AND.split(first) if n.strip()] or [first]
    return [_food(name, ingredient.unit, instead) for name in names]


def _has_amount(ingredient: Ingredient) -> bool:
    return ingredient.quantity is not None and ingredient.quantity > 0


# --- aisles ----------------------------------------------------------------------------------


@cache
def _table() -> dict[str, Any]:
    text = resources.files("ladle").joinpath("data", "aisles.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def _aisles() -> tuple[tuple[str, ...], dict[str, str], dict[tuple[str, ...], str]]:
    data = _table()
    keywords = {
        tuple(singular(w) for w in keyword.split()): aisle
        for aisle, words in data["aisles"].items()
        for keyword in words
    }
    return tuple(data["order"]), dict(data["modifiers"]), keywords


@cache
def _staples() -> dict[str, str]:
    """Shopping name → the staple it is ("kosher salt" → "salt")."""
    return {
        _key_of(name.split()): staple
        for staple, names in _table()["staples"].items()
        for name in names
    }


def _key_of(words: list[str]) -> str:
    return " ".join([*words[:-1], singular(words[-1])])


@cache
def _kept_phrases() -> tuple[tuple[str, ...], ...]:
    """Aisle keywords with a state word in them ("crushed red pepper"): a name holding one
    keeps those words, so crushed red pepper is not red peppers."""
    return tuple(
        tuple(keyword.split())
        for words in _table()["aisles"].values()
        for keyword in words
        if any(w in STATE_WORDS for w in keyword.split())
    )


def _keyword(name: str) -> tuple[str, str] | None:
    """The aisle and the longest keyword found in ``name`` (in words, then letters), or None."""
    words = tuple(singular(w) for w in re.findall(r"[\w'-]+", name.lower()))
    keywords = _aisles()[2]
    found = [
        (end - start, len(" ".join(words[start:end])), keywords[words[start:end]], start, end)
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
        if words[start:end] in keywords
    ]
    if not found:
        return None
    ending = [f for f in found if f[4] == len(words)]  # the last words name the food
    best = max(ending or found)
    return best[2], " ".join(words[best[3] : best[4]])


def aisle_of(name: str, unit: str | None = None) -> tuple[str, str]:
    """The aisle of a food and the keyword that placed it there ("other" and the name if none).

    A modifier word ("frozen peas") or a can or jar decides before the keywords.
    """
    order, modifiers, _ = _aisles()
    if name.lower() in _table()["staples"]:
        return "staples", name.lower()
    words = [singular(w) for w in name.lower().split()]
    aisle, keyword = _keyword(name) or ("other", " ".join(words))
    modifier = next((modifiers[w] for w in words if w in modifiers), None)
    if unit in _CANNED and aisle in {"produce", "meat and fish", "other"}:
        modifier = modifier or "canned and jars"
    aisle = modifier or aisle
    return (aisle if aisle in order else "other"), keyword


# --- merging ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    food: _Food
    use: Use
    low: float | None
    high: float | None
    to_taste: bool
    optional: bool
    comment: str | None
    reference: str | None = None  # a recipe used as an ingredient: made, not bought
    size: str | None = None  # the size of one can or packet: "15 oz"

    @property
    def unit(self) -> str | None:
        return self.food.unit


def _lines(recipe: Recipe, factor: float) -> list[_Line]:
    found: list[_Line] = []
    for index, i in enumerate(recipe.ingredients):
        by = 1.0 if i.fixed or i.to_taste else factor
        low = i.quantity * by if i.quantity is not None and i.quantity > 0 else None
        high = None if low is None or i.quantity_max is None else max(i.quantity_max * by, low)
        use = Use(recipe.title, index, i.text)
        size = package_size(i)
        comment = None if size is not None else i.comment  # "15 oz each" is the size
        found += [
            _Line(
                f, use, low, high, i.to_taste, i.optional, comment, i.reference,
                size_text(size) if size else None,
            )
            for f in _foods(i)
        ]  # fmt: skip
    return found


def _kind(line: _Line) -> tuple[str, str]:
    if line.low is None:
        return "none", ""
    if line.unit is None:
        return "count", ""
    kind = dimension(line.unit)
    if kind in _BASE:
        return kind, ""
    return "count", line.unit + (f"{_SIZE_MARK}{line.size}" if line.size else "")


def _system_of_list(recipes: Sequence[Recipe]) -> System:
    """The system most amounts are in; spoons count only to break a tie (then metric)."""
    units = [i.unit for r in recipes for i in r.ingredients if _has_amount(i)]
    strict = Counter(system_of(u) for u in units if u not in _NEUTRAL)
    for votes in (strict, Counter(system_of(u) for u in units)):
        if votes["us"] != votes["metric"]:
            return "us" if votes["us"] > votes["metric"] else "metric"
    return "metric"


def _whole(value: float) -> float:
    return float(round(value)) if abs(value - round(value)) < 0.05 else float(math.ceil(value))


def _rounded(value: float, unit: str) -> float:
    if system_of(unit) != "metric":
        return kitchen_fraction(value)
    if unit in {"kilogram", "liter"}:
        return round(value, 2)
    return float(5 * round(value / 5) if value > 20 else round(value, 0 if value >= 1 else 1))


def _number(value: float, unit: str) -> str:
    if system_of(unit) == "metric":
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return format_quantity(value)


def _measure(
    low: float, high: float | None, base: str, system: System
) -> tuple[float, float | None, str | None, str]:
    """A total (a range when ``high``) in kitchen units: quantity, max, unit, text."""
    a = kitchen_amount(low, base, system)
    b = kitchen_amount(high, base, system) if high is not None and high > low else None
    if b is None or (a.unit == b.unit and a.quantity == b.quantity):
        return a.quantity, None, a.unit, a.text
    if a.unit == b.unit:
        if _SIMPLE.match(a.text) and _SIMPLE.match(b.text):
            return a.quantity, b.quantity, a.unit, f"{a.text.split(' ')[0]}–{b.text}"
        return a.quantity, b.quantity, a.unit, f"{a.text} – {b.text}"
    assert a.unit is not None and b.unit is not None
    small = a if convert(1, a.unit, base) <= convert(1, b.unit, base) else b
    unit = small.unit
    assert unit is not None
    lo, hi = (_rounded(convert(v, base, unit), unit) for v in (low, high or low))
    word = small.text.split(" ", 1)[1]
    return lo, hi, unit, f"{_number(lo, unit)}–{_number(hi, unit)} {word}"


@dataclass(slots=True)
class _Built:
    item: ShoppingItem
    kind: str
    system: System
    grams: float | None = None  # the weight of a weighed item, for the notes of counts
    notes: list[str] = field(default_factory=list)


def _in(line: _Line, base: str, key: str, *, high: bool = False) -> float:
    value = line.high if high and line.high is not None else line.low or 0.0
    return convert(value, line.unit or base, base, ingredient=key)


_Amount = tuple[float | None, float | None, str | None, str]


def _measured(key: str, dim: str, lines: list[_Line], system: System, notes: list[str]) -> _Amount:
    """Weights, volumes or lengths added up in the base unit, as a cook measures the total."""
    base = _BASE[dim]
    units = {line.unit for line in lines}
    if len(units) == 1 and units <= {"pinch", "dash"}:  # a pinch stays a pinch
        shown = kitchen_amount(math.fsum(ln.low or 0 for ln in lines), lines[0].unit, "us")
        return shown.quantity, None, shown.unit, shown.text
    low = math.fsum(_in(line, base, key) for line in lines)
    high = math.fsum(_in(line, base, key, high=True) for line in lines)
    converted = [line for line in lines if dimension(line.unit) != dim]
    if converted:
        written = {line.unit for line in converted}
        other = "milliliter" if dim == "mass" else "gram"
        was = math.fsum(_in(line, other, key) for line in converted)
        part = math.fsum(_in(line, base, key) for line in converted)
        notes.append(
            f"counts {kitchen_amount(was, other, system_of(min(written, key=str))).text} as "
            f"{kitchen_amount(part, base, system).text}"
        )
    ranged = any(line.high is not None for line in lines)
    return _measure(low, high if ranged else None, base, system)


def _counted(unit: str | None, name: str, lines: list[_Line], notes: list[str]) -> _Amount:
    """Whole things added up and rounded up: "4–5 cloves", "3 carrots", "2 cans (15 oz
    each)"."""
    unit, _, size = (unit or "").partition(_SIZE_MARK)
    return _counted_amount(unit or None, name, lines, notes, size)


def _counted_amount(
    unit: str | None, name: str, lines: list[_Line], notes: list[str], size: str
) -> _Amount:
    sizes = {ln.comment for ln in lines if ln.comment and _SIZE.match(ln.comment)}
    notes.extend(sorted(f"{size} {unit}" if unit else size for size in sizes))
    low = math.fsum(line.low or 0 for line in lines)
    quantity = _whole(low)
    if quantity != low:
        notes.append(f"{format_quantity(round(low, 2))} needed, rounded up")
    top: float | None = _whole(math.fsum(ln.high or ln.low or 0 for ln in lines))
    if top is not None and (top <= quantity or all(ln.high is None for ln in lines)):
        top = None
    amount = kitchen_amount(quantity, unit).text
    if top is not None:
        amount = f"{format_quantity(quantity)}–{kitchen_amount(top, unit).text}"
    if size:
        amount += f" ({size} each)" if (top or quantity) > 1 else f" ({size})"
    if unit is None:
        words = name.split()
        last = plural(words[-1]) if (top or quantity) > 1 else singular(words[-1])
        amount = " ".join([amount, *words[:-1], last])
    else:
        amount = f"{amount} {name}"
    return quantity, top, unit, amount


def _build(
    key: str, kind: tuple[str, str], lines: list[_Line], loose: list[_Line], system: System
) -> _Built:
    """One item: the lines of one food in one dimension, and the amountless lines beside."""
    dim, count_unit = kind
    every = lines + loose
    name, notes = _name(every), _quality_notes(every)
    amount: _Amount = (None, None, None, name)
    if dim in _BASE:
        amount = _measured(key, dim, lines, system, notes)
        amount = (*amount[:3], f"{amount[3]} {name}")
    elif dim == "count":
        amount = _counted(count_unit or None, name, lines, notes)
    quantity, top, unit, text = amount
    notes += sorted({f"made by its own recipe, {ln.reference}" for ln in every if ln.reference})
    to_taste = any(line.to_taste for line in every)
    more = any(ln.comment and _MORE.match(ln.comment) for ln in lines)
    if (loose or more) and lines:  # "plus more for the griddle", or to taste
        text += ", plus more to taste" if any(ln.to_taste for ln in loose) else ", plus more"
    elif to_taste:
        text += ", or to taste" if lines else ", to taste"
    optional = all(line.optional for line in every)
    text += " (optional)" if optional else ""
    uses = sorted({line.use for line in every}, key=lambda u: (u.recipe, u.ingredient, u.text))
    item = ShoppingItem(name, aisle_of(key, unit)[0], quantity, top, unit, text, to_taste, optional)
    item.uses = uses
    grams = math.fsum(_in(line, "gram", key) for line in lines) if dim == "mass" else None
    return _Built(item, dim, system, grams, notes)


def _name(lines: list[_Line]) -> str:
    """The name most lines wrote (the longer, then the first alphabetically, on a tie)."""
    written = Counter(line.food.written for line in lines)
    return min(written, key=lambda w: (-written[w], -len(w), w))


def _quality_notes(lines: list[_Line]) -> list[str]:
    notes = []
    uses = {line.use for line in lines}
    for quality in sorted({q for line in lines for q in line.food.qualities}):
        having = {line.use for line in lines if quality in line.food.qualities}
        which = ", ".join(sorted({use.recipe for use in having}))
        notes.append(quality if having == uses else f"{quality} for {which}")
    for line in sorted(lines, key=lambda ln: (ln.use.recipe, ln.use.ingredient)):
        if line.food.instead:
            notes.append(f"or {' or '.join(line.food.instead)} in {line.use.recipe}")
    kinds: dict[str, set[str]] = {}
    for line in lines:
        if line.food.kind and not set(line.food.kind.split()) <= set(line.food.key.split()):
            kinds.setdefault(line.food.kind, set()).add(line.use.recipe)
    for kind, recipes in sorted(kinds.items()):
        notes.append(f"{kind} in {', '.join(sorted(recipes))}")
    fixed = _table()["notes"].get(lines[0].food.key) if lines else None
    return [*notes, fixed] if fixed else notes


def _merge_food(
    key: str, lines: list[_Line], given: System | None, fallback: System
) -> list[_Built]:
    """The items of one food: one per dimension (and count unit), amountless lines folded in."""
    groups: dict[tuple[str, str], list[_Line]] = {}
    for line in lines:
        groups.setdefault(_kind(line), []).append(line)
    mass, volume = groups.get(("mass", "")), groups.get(("volume", ""))
    if mass and volume and grams_per_ml(key) is not None:  # shops sell by weight
        groups[("mass", "")] = mass + groups.pop(("volume", ""))
    loose = groups.pop(("none", ""), [])
    kinds = sorted(groups, key=lambda k: (_ORDER.index(k[0]), k[1]))
    if not kinds:
        return [_build(key, ("none", ""), [], loose, given or fallback)]
    built = []
    for n, kind in enumerate(kinds):
        group = groups[kind]
        systems = {s for ln in group if ln.unit not in _NEUTRAL and (s := system_of(ln.unit))}
        system = given or (systems.pop() if len(systems) == 1 else fallback)
        built.append(_build(key, kind, group, loose if n == 0 else [], system))
    _piece_notes(key, built)
    return built


def _piece_notes(key: str, built: list[_Built]) -> None:
    """Beside a weight, a bare count says what it weighs: "3 carrots" ≈ 6 oz; 1 lb 6 oz in all."""
    weighed = next((b for b in built if b.grams is not None), None)
    piece = grams_per_piece(key)
    if weighed is None or weighed.grams is None or piece is None:
        return
    for b in built:
        if b.kind == "count" and b.item.unit in {None, "piece"} and b.item.quantity:
            grams = b.item.quantity * piece
            system = weighed.system
            total = kitchen_amount(weighed.grams + grams, "gram", system).text
            weight = kitchen_amount(grams, "gram", system).text
            b.notes.append(f"≈ {weight}; {total} in all")


def shopping_list(
    recipes: Sequence[Recipe],
    *,
    system: System | None = None,
    factors: Sequence[float] | None = None,
) -> ShoppingList:
    """One shopping list for ``recipes``, merged by food and grouped by aisle.

    ``system`` ("us" or "metric") shows every amount in that system; ``factors`` scales each
    recipe by its own factor first, exactly, rounding only the totals (fixed and "to taste"
    amounts stay as written, as :func:`ladle.scaling.scale` leaves them).
    """
    if factors is not None:
        if len(factors) != len(recipes):
            raise RequestError(
                f"{len(factors)} factor(s) for {len(recipes)} recipe(s)",
                where="shopping list",
                hint="give one factor per recipe, or none",
            )
        bad = next((f for f in factors if not (f > 0 and math.isfinite(f))), None)
        if bad is not None:
            raise RequestError(
                f"every factor must be a finite number more than 0, not {bad:g}",
                where="shopping list",
                hint="scale each recipe by a factor such as 2 or 0.5, or to a number of servings",
            )
    fallback = _system_of_list(recipes)
    foods: dict[str, list[_Line]] = {}
    for n, recipe in enumerate(recipes):
        for line in _lines(recipe, factors[n] if factors is not None else 1.0):
            foods.setdefault(line.food.key, []).append(line)
    order = _aisles()[0]
    built: list[tuple[tuple[int, str, str, int], _Built]] = []
    for key, lines in foods.items():
        keyword = aisle_of(key)[1]
        for n, b in enumerate(_merge_food(key, lines, system, fallback)):
            built.append(((order.index(b.item.aisle), keyword, key, n), b))
    items = []
    for _, b in sorted(built, key=lambda pair: pair[0]):
        b.item.note = "; ".join(b.notes) or None
        items.append(b.item)
    return ShoppingList(items, [r.title for r in recipes], system or fallback)
