"""Rewriting amounts inside recipe text: an ingredient line with its new amount, and the
temperatures, lengths and measures inside step text, in another measuring system.

Scaling and conversion both change numbers that the recipe also states in words; this module
keeps the words and the numbers telling the same story.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ladle.cookbook import cookbook_amount, pans
from ladle.errors import UnitError
from ladle.model import Amount, Ingredient, Temperature
from ladle.rounding import (
    KitchenAmount,
    System,
    kitchen_amount,
    ladder_fahrenheit,
    oven_temperature_text,
)
from ladle.temperatures import FAN_OFFSET_CELSIUS
from ladle.text import NUMBER, parse_number
from ladle.units import canonical_unit, celsius_to_fahrenheit, dimension, format_quantity

__all__ = ["amount_range", "restate_ingredient", "restate_text", "scale_text"]

_RANGE = r"(?:\s*(?:-|–|—|to)\s*" + NUMBER + ")?"
_UNIT_WORD = r"[a-zA-Z][a-zA-Z.]*(?:\s+(?:oz|ounces?))?"
_LEADING_AMOUNT = re.compile(
    rf"^\s*(?P<amount>(?:{NUMBER}){_RANGE})(?:\s*(?P<unit>{_UNIT_WORD}))?(?P<alt>\s*/\s*\S+(?:\s+(?:oz|ounces?)\b\.?)?)?",
    re.I,
)


def _amount_phrase(amount: KitchenAmount) -> str:
    return amount.text


def restate_ingredient(
    ingredient: Ingredient,
    amount: KitchenAmount,
    alternatives: list[Amount] | None = None,
) -> Ingredient:
    """The ingredient with a new amount, its line rewritten to match ("2 lbs pork belly" →
    "4 lb pork belly"); the line is rebuilt from its parts when the amount does not lead it."""
    text = ingredient.text
    match = _LEADING_AMOUNT.match(text)
    written_unit = match.group("unit") if match else None
    unit_matches = written_unit is not None and canonical_unit(written_unit) == ingredient.unit
    if match and (unit_matches or ingredient.unit is None):
        end = match.end("unit") if unit_matches else match.end("amount")
        if unit_matches and match.group("alt"):
            end = match.end("alt")
        rest = text[end:].lstrip()
        phrase = _amount_phrase(amount)
        if amount.unit and not unit_matches:
            phrase = amount.text
        elif not amount.unit and ingredient.unit is None and written_unit and not unit_matches:
            phrase = amount.text.split(" ", 1)[0]
        new_text = f"{phrase} {rest}".strip()
    else:
        parts = [amount.text, ingredient.name or ""]
        if ingredient.preparation:
            parts[-1] += f", {ingredient.preparation}"
        if ingredient.comment:
            parts[-1] += f" ({ingredient.comment})"
        new_text = " ".join(p for p in parts if p).strip()
    return replace(
        ingredient,
        text=new_text,
        quantity=amount.quantity,
        quantity_max=amount.quantity_max,
        unit=amount.unit,
        alternatives=alternatives if alternatives is not None else list(ingredient.alternatives),
    )


# --- text inside steps -------------------------------------------------------------------------

_MEASURE_UNITS = (
    r"cups?|tablespoons?|tbsps?\.?|teaspoons?|tsps?\.?|fl\.?\s*oz|fluid\s+ounces?|ounces?|"
    r"oz\.?|pounds?|lbs?\.?|grams?|g|kilograms?|kg|milliliters?|millilitres?|ml|liters?|"
    r"litres?|l|centimeters?|centimetres?|cm|millimeters?|millimetres?|mm|inch(?:es)?|in\.|\""
)
_MEASURE = re.compile(
    rf"(?<![\w/])(?P<amount>{NUMBER}{_RANGE})\s*(?:-\s*)?(?P<unit>{_MEASURE_UNITS})(?![\w])",
    re.I,
)


def restate_text(text: str, temperatures: list[Temperature], system: System) -> str:
    """Step text in ``system``: temperatures as "180°C (350°F)", measures and lengths
    converted ("1 cm apart" → "½ in apart" for US)."""
    out = text
    for temperature in temperatures:
        if temperature.text and temperature.text in out:
            oven_range = 200 <= temperature.fahrenheit <= 550
            if temperature.fan_celsius is not None or temperature.gas_mark is not None:
                new = _setting_text(temperature, system)
            elif temperature.kind == "oven" or (temperature.kind == "other" and oven_range):
                new = oven_temperature_text(temperature.fahrenheit, temperature.celsius, system)
            elif system == "metric":
                new = f"{format_quantity(temperature.celsius)}°C "
                new += f"({format_quantity(temperature.fahrenheit)}°F)"
            else:
                new = f"{format_quantity(temperature.fahrenheit)}°F "
                new += f"({format_quantity(temperature.celsius)}°C)"
            out = out.replace(temperature.text, new, 1)
    pieces, last = [], 0
    for start, end, new_pan in pans(out, system):  # pans go to standard sizes, not exact ones
        pieces += [_MEASURE.sub(lambda m: _measure(m, system), out[last:start]), new_pan]
        last = end
    pieces.append(_MEASURE.sub(lambda m: _measure(m, system), out[last:]))
    return "".join(pieces)


def _setting_text(temperature: Temperature, system: System) -> str:
    """An oven setting with a fan figure or a gas mark, kept beside the conventional one:
    "220°C fan (240°C conventional; 475°F)" for metric, "475°F (240°C; 220°C fan)" for US."""
    fahrenheit, celsius = temperature.fahrenheit, temperature.celsius
    stated_f = fahrenheit != round(celsius_to_fahrenheit(celsius))
    shown_f = format_quantity(fahrenheit if stated_f else ladder_fahrenheit(celsius))
    gas = (
        [f"gas {format_quantity(temperature.gas_mark)}"] if temperature.gas_mark is not None else []
    )
    fan = temperature.fan_celsius
    if fan is not None and abs(celsius - (fan + FAN_OFFSET_CELSIUS)) <= 10:
        celsius = fan + FAN_OFFSET_CELSIUS  # "220°C fan (475°F)": 240 °C, as cooks convert
    if system == "metric":
        if fan is None:
            return f"{format_quantity(celsius)}°C ({'; '.join([*gas, f'{shown_f}°F'])})"
        head = f"{format_quantity(fan)}°C fan"
        rest = [f"{format_quantity(celsius)}°C conventional", *gas, f"{shown_f}°F"]
        return f"{head} ({'; '.join(rest)})"
    rest = [f"{format_quantity(celsius)}°C"]
    if fan is not None:
        rest.append(f"{format_quantity(fan)}°C fan")
    return f"{shown_f}°F ({'; '.join([*rest, *gas])})"


_FOLLOWING = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?((?:[\w'-]+\s*){1,3})")


def _measure(match: re.Match[str], system: System) -> str:
    unit = canonical_unit(match.group("unit").replace('"', "inch"))
    if unit is None or dimension(unit) in {"count", "none"}:
        return match.group(0)
    amounts = re.split(r"\s*(?:-|–|—|to)\s*", match.group("amount"))
    values = [parse_number(a) for a in amounts]
    if any(v is None for v in values):
        return match.group(0)
    following = _FOLLOWING.match(match.string[match.end() : match.end() + 40])
    food = following.group(1) if following else None
    try:  # "⅓ cup sugar" in a step is weighed for metric, as the list is
        converted = [
            cookbook_amount(v or 0, unit, food, system) or kitchen_amount(v or 0, unit, system)
            for v in values
        ]
    except UnitError:
        return match.group(0)
    if converted[0].unit == unit:
        return match.group(0)  # already in the system asked for
    if len(converted) == 2:
        return f"{converted[0].text.split(' ')[0]}–{converted[1].text}"
    return converted[0].text


# --- scaling text ------------------------------------------------------------------------------


def amount_range(low: KitchenAmount, high: KitchenAmount) -> KitchenAmount:
    """A scaled range from its two scaled ends: "1–2 eggs", "¾–1 cup"; never "1–1": ends that
    read the same are one amount."""
    if high.unit != low.unit:
        return low
    low_words, high_words = low.text.split(" "), high.text.split(" ", 1)
    if len(low_words) > 2 or len(high.text.split(" ")) > 2:  # "1 lb 2 oz"
        if low.text == high.text:
            return replace(low, note=None)
        top = high.quantity if high.quantity_max is None else high.quantity_max
        return KitchenAmount(low.quantity, low.unit, f"{low.text} – {high.text}", None, top)
    first = low_words[0].split("–")[0]
    last = high_words[0].split("–")[-1]
    rest = f" {high_words[1]}" if len(high_words) > 1 else ""
    if first == last:
        return KitchenAmount(low.quantity, low.unit, f"{first}{rest}")
    top = high.quantity if high.quantity_max is None else high.quantity_max
    return KitchenAmount(low.quantity, low.unit, f"{first}–{last}{rest}", None, top)


_PER_PIECE = re.compile(r"\b(?:each|per|apiece|every|at\s+a\s+time)\b", re.I)
_PACKAGE_AFTER = re.compile(
    r"^\)?\s*(?:can|jar|tin|packet|package|pack|box|bag|carton|bottle|tub|pouch|envelope|"
    r"sachet|container|block|brick|bar)s?\b",
    re.I,
)


def scale_text(text: str, factor: float, system: System | None = None) -> str:
    """Amounts inside a step scaled with the ingredient list ("whisk in ¾ cup sugar" → "whisk
    in 9½ tbsp sugar" at 0.8); lengths and pans, package sizes ("a 15 oz can") and amounts put
    into each piece ("1 tablespoon into each muffin cup") stay as written."""
    if abs(factor - 1) < 1e-9:
        return text

    def one(match: re.Match[str]) -> str:
        unit = canonical_unit(match.group("unit").replace('"', "inch"))
        if unit is None or dimension(unit) not in {"mass", "volume"}:
            return match.group(0)
        after = text[match.end() : match.end() + 80]
        if _PACKAGE_AFTER.match(after) or _PER_PIECE.search(re.split(r"[.;:,]", after)[0]):
            return match.group(0)
        values = [parse_number(a) for a in re.split(r"\s*(?:-|–|—|to)\s*", match.group("amount"))]
        if any(v is None for v in values) or not values:
            return match.group(0)
        try:
            ends = [kitchen_amount((v or 0) * factor, unit, system) for v in values]
        except UnitError:
            return match.group(0)
        return (amount_range(ends[0], ends[1]) if len(ends) == 2 else ends[0]).text

    return _MEASURE.sub(one, text)
