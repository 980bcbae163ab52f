"""One lenient scorer for ingredient parsers, shared by ``bench/ingredients.py`` and the tests.

The gold data is ``data/ingredients/ingredient_eval_3000.csv`` of ``../shared`` beside the
repository (or ``$LADLE_SHARED``); its SOURCE.md explains the fields. Each gold field is the
space-joined list of tokens with that label: quantities use the ``#1$2`` fraction encoding
(``4#1$2`` is 4½, ``1-2`` a range, ``2x`` a multiplier), several amounts give several tokens
(``125 4#1$2`` with units ``g oz``), and the unit field also holds the words that qualify a unit
(``heaping cup``, ``small handful``).

A parser's answer is first reduced to a :class:`Prediction` (its name and its amounts in order,
the primary amount first), so the same rules judge every parser. A line is right when its
quantity, its unit and its name are all right:

* **Quantity** (the first amount decides; further amounts are not scored): the parser's first
  amount must equal the first gold quantity token numerically, both ends of a range included
  (``#1$2`` = 0.5, ``1-2`` = 1 to 2, ``2x`` = 2, "One"/"Half" = 1/0.5). A total of the first two
  gold amounts is also right when they form one composite amount ("1 lb 2 oz" as 1.125 lb, "1 cup
  plus 2 tbsp", "1 c minus 2 tsp"). When the gold has no numeric quantity, the parser must give
  none, except that 1 is right when the gold has a unit ("pinch of salt" is one pinch). Tokens
  that are not numbers ("few") count as no quantity on both sides.
* **Unit**: units on both sides are mapped through :func:`ladle.units.canonical_unit` after
  dropping the words that qualify a unit rather than name one (``MODIFIERS``: heaping, small,
  good...), so "tbsp", "Tbsp" and "tablespoon" agree and gold "heaping cup" is "cup". The gold
  unit field is split into one canonical unit per unit word ("fl oz" is one). The parser's first
  unit must be the first or the last of them (the last is the container of "1 14-ounce can").
  No unit is right when the gold has none, or when it has more quantities than units (the first
  amount is then a bare count: "6 tomatoes (about 2 lb)").
  A piece by length ("¾-inch piece ginger", gold ¾ "inch piece") is also right as one piece
  with the gold length among the further amounts (see ``_piece_by_length``).
* **Name**: compared case-insensitively, punctuation ignored, each word singularised with
  :func:`ladle.units.singular`. All names of the line are joined in order.
"""

from __future__ import annotations

import csv
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ladle.model import Ingredient
from ladle.units import canonical_unit, is_count_unit
from ladle.words import singular

__all__ = [
    "DATA",
    "MODIFIERS",
    "GoldLine",
    "Prediction",
    "Score",
    "from_ingredient",
    "gold_lines",
    "gold_quantity",
    "gold_units",
    "name_key",
    "score",
    "unit_key",
]

# ../shared beside the repository, or $LADLE_SHARED (as in tests/conftest.py).
SHARED = Path(os.environ.get("LADLE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data" / "ingredients" / "ingredient_eval_3000.csv"

# Words that qualify a unit rather than name one ("heaping cup", "small handful", "2 x 400g").
MODIFIERS = frozenset(
    {
        "big", "deli", "full", "generous", "good", "healthy", "heaped", "heaping", "hefty",
        "inch-long", "inch-thick", "large", "level", "lg", "md", "med", "medium", "medium-size",
        "miniature", "paper-thin", "rounded", "scant", "sm", "small", "thick", "thick-cut", "thin",
        "thumb-sized", "unpeeled", "wafer", "whole", "or", "per", "to", "x",
    }
)  # fmt: skip

_WORD_NUMBERS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "half": 0.5}
_GOLD_FRACTION = re.compile(r"(\d+(?:\.\d+)?)?#(\d+)\$(\d+)")
_PUNCTUATION = re.compile(r"[^\w\s]")
_TOLERANCE = 1e-3

Range = tuple[float, float]


@dataclass(frozen=True, slots=True)
class GoldLine:
    """One labelled line of the evaluation set."""

    id: str
    text: str
    name: str
    quantity: str
    unit: str


@dataclass(frozen=True, slots=True)
class Prediction:
    """What a parser says about one line, reduced to what the scorer compares.

    ``amounts`` holds ``(quantity, quantity_max, unit)`` in order, the primary amount first;
    ``quantity_max`` equals ``quantity`` when the amount is not a range.
    """

    name: str | None
    amounts: Sequence[tuple[float | None, float | None, str | None]] = field(default=())


@dataclass(frozen=True, slots=True)
class Score:
    """The verdict on one line."""

    quantity: bool
    unit: bool
    name: bool

    @property
    def line(self) -> bool:
        return self.quantity and self.unit and self.name


def gold_lines(path: Path = DATA) -> list[GoldLine]:
    """The labelled lines, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            GoldLine(
                id=row["id"],
                text=row["input"],
                name=row["name"],
                quantity=row["quantity"],
                unit=row["unit"],
            )
            for row in csv.DictReader(handle)
        ]


def from_ingredient(ingredient: Ingredient) -> Prediction:
    """A ladle :class:`~ladle.model.Ingredient` as a prediction."""
    amounts: list[tuple[float | None, float | None, str | None]] = []
    if ingredient.quantity is not None or ingredient.unit is not None:
        low = ingredient.quantity
        high = ingredient.quantity_max if ingredient.quantity_max is not None else low
        amounts.append((low, high, ingredient.unit))
    for alternative in ingredient.alternatives:
        low = alternative.quantity
        high = alternative.quantity_max if alternative.quantity_max is not None else low
        amounts.append((low, high, alternative.unit))
    return Prediction(name=ingredient.name, amounts=amounts)


# --- normalisation ------------------------------------------------------------------------------


def _gold_number(token: str) -> float | None:
    word = token.lower()
    if word in _WORD_NUMBERS:
        return _WORD_NUMBERS[word]
    match = _GOLD_FRACTION.fullmatch(token)
    if match:
        whole = float(match[1]) if match[1] else 0.0
        return whole + int(match[2]) / int(match[3])
    try:
        value = float(token)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def gold_quantity(token: str) -> Range | None:
    """One gold quantity token as ``(low, high)``; None when it is not a number ("few")."""
    token = token.removesuffix("x")  # "2x": a multiplier is a count of what follows
    low_text, dash, high_text = token.partition("-")
    low = _gold_number(low_text)
    if not dash:
        return None if low is None else (low, low)
    high = _gold_number(high_text)
    if low is None or high is None:
        return None
    return (low, high)


def unit_key(unit: str | None) -> str | None:
    """A unit as the scorer compares it: canonical, without the words that qualify it."""
    if not unit:
        return None
    canonical = canonical_unit(unit)
    if canonical is None:
        return None
    words = [w for w in canonical.replace("_", " ").split() if w not in MODIFIERS]
    return canonical_unit(" ".join(words)) if words else None


def gold_units(unit_field: str) -> list[str]:
    """The gold unit field as one canonical unit per unit named ("fl oz" is one)."""
    words = unit_field.split()
    units: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            pair = canonical_unit(f"{words[i]} {words[i + 1]}")
            if pair is not None and not is_count_unit(pair):  # a measure pint knows
                units.append(pair)
                i += 2
                continue
        key = unit_key(words[i])
        if key is not None:
            units.append(key)
        i += 1
    return units


def name_key(name: str | None) -> str:
    """A name as the scorer compares it: lower case, no punctuation, singular words."""
    if not name:
        return ""
    return " ".join(singular(w) for w in _PUNCTUATION.sub(" ", name.lower()).split())


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def _combined(first: Range, first_unit: str, second: Range, second_unit: str) -> list[float]:
    """The totals of two amounts read as one ("1 lb 2 oz", "1 c minus 2 tsp"), in the first unit."""
    if first[0] != first[1] or second[0] != second[1]:
        return []
    registry = _registry()
    try:
        part = (second[0] * registry(second_unit)).to(first_unit).magnitude
    except Exception:  # unknown or incompatible units: not a composite
        return []
    return [first[0] + float(part), first[0] - float(part)]


def _close(value: float | None, expected: float) -> bool:
    return value is not None and math.isclose(value, expected, rel_tol=_TOLERANCE, abs_tol=1e-9)


_LENGTH_UNITS = frozenset({"inch", "centimeter", "millimeter"})


_Amounts = Sequence[tuple[float | None, float | None, str | None]]


def _piece_by_length(expected: Range, units: list[str], amounts: _Amounts) -> bool:
    """ "3-inch piece ginger": the gold labels the length as the quantity (3, "inch piece");
    one piece with that length among its other amounts is right too (ladle's reading since
    issue 11: a count of pieces, the length kept)."""
    if len(units) < 2 or units[0] not in _LENGTH_UNITS or units[-1] != "piece" or not amounts:
        return False
    low, high, unit = amounts[0]
    return (low, high, unit_key(unit)) == (1, 1, "piece") and any(
        unit_key(u) == units[0] and _close(q, expected[0]) for q, _, u in amounts[1:]
    )


# --- scoring ------------------------------------------------------------------------------------


def score(gold: GoldLine, prediction: Prediction) -> Score:
    """Judge one line: see the module docstring for the rules."""
    tokens = gold.quantity.split()
    quantities = [q for q in map(gold_quantity, tokens) if q is not None]
    units = gold_units(gold.unit)
    first = prediction.amounts[0] if prediction.amounts else None
    low, high, unit = first if first is not None else (None, None, None)
    predicted_unit = unit_key(unit)

    if not quantities:
        quantity_ok = low is None or (
            bool(units) and predicted_unit is not None and low == 1 and high == 1
        )
    else:
        expected = quantities[0]
        quantity_ok = _close(low, expected[0]) and _close(high, expected[1])
        if not quantity_ok and len(quantities) >= 2 and len(units) >= 2 and low == high:
            totals = _combined(quantities[0], units[0], quantities[1], units[1])
            quantity_ok = any(_close(low, total) for total in totals)
        if not quantity_ok:
            quantity_ok = _piece_by_length(expected, units, prediction.amounts)

    if predicted_unit is None:
        unit_ok = not units or len(tokens) > len(units)
    else:
        unit_ok = bool(units) and predicted_unit in (units[0], units[-1])

    name_ok = name_key(prediction.name) == name_key(gold.name)
    return Score(quantity=quantity_ok, unit=unit_ok, name=name_ok)
