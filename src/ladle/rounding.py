"""Kitchen rounding: amounts the way a good cookbook prints them.

- US volumes in the spoon or cup that reads best, as fractions a cook can measure (⅛, ¼, ⅓,
  ½, ⅔, ¾): 3 tsp → 1 tbsp, 4 tbsp → ¼ cup, 16 tbsp → 1 cup, 0.33 cup → ⅓ cup. A fraction
  stands for the exact value when it is within 7% of it.
- US weights in ounces below a pound, in pounds (with ¼, ⅓, ½, ⅔, ¾) from a pound up.
- Metric amounts to sensible steps: grams and millilitres in 5s above 20, whole numbers at 20
  and below, kilograms and litres from 1000 up; volumes under 50 ml are given in spoons,
  which metric cookbooks use too (a tablespoon is 15 ml).
- Counts that cannot be split stay whole and say so: 3 eggs × 1.5 → "4–5", with a note.
- Oven temperatures on the conventional ladder (the rule, one for all): in Celsius to the
  nearest 10 °C (350 °F → 180 °C, as metric cookbooks print it, though 177 °C is exact); in
  Fahrenheit to the nearest 25 °F (180 °C → 350 °F). Where the ladder differs from the exact
  conversion by more than 3 degrees, the exact value is shown beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ladle.units import (
    celsius_to_fahrenheit,
    convert,
    dimension,
    fahrenheit_to_celsius,
    format_quantity,
)

__all__ = [
    "KitchenAmount",
    "System",
    "kitchen_amount",
    "kitchen_fraction",
    "ladder_celsius",
    "ladder_fahrenheit",
    "oven_temperature_text",
    "system_of",
]

System = Literal["us", "metric"]

_US_UNITS = frozenset(
    {"teaspoon", "tablespoon", "cup", "fluid_ounce", "pint", "quart", "gallon", "ounce", "pound",
     "stick", "inch", "foot", "pinch", "dash"}
)  # fmt: skip
_SHORT = {
    "teaspoon": "tsp",
    "tablespoon": "tbsp",
    "cup": "cup",
    "ounce": "oz",
    "pound": "lb",
    "gram": "g",
    "kilogram": "kg",
    "milliliter": "ml",
    "liter": "l",
    "centimeter": "cm",
    "millimeter": "mm",
    "inch": "in",
    "fluid_ounce": "fl oz",
}
_FRACTIONS = (0, 1 / 8, 1 / 4, 1 / 3, 3 / 8, 1 / 2, 5 / 8, 2 / 3, 3 / 4, 7 / 8, 1)
_COARSE = (0, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 1)


@dataclass(frozen=True, slots=True)
class KitchenAmount:
    """A rounded amount: the value a cook measures, its unit, how it reads, and any caveat."""

    quantity: float
    unit: str | None
    text: str
    note: str | None = None
    quantity_max: float | None = None


def system_of(unit: str | None) -> System | None:
    """The measuring system a unit belongs to (None for counts and units used in both)."""
    if unit is None or dimension(unit) in {"count", "none"}:
        return None
    return "us" if unit in _US_UNITS else "metric"


def kitchen_fraction(value: float, steps: tuple[float, ...] = _FRACTIONS) -> float:
    """The nearest value a cook can measure: a whole number and one of ``steps``."""
    whole = math.floor(value)
    rest = value - whole
    return whole + min(steps, key=lambda step: abs(step - rest))


def _close(value: float, rounded: float, tolerance: float) -> bool:
    return value > 0 and abs(rounded - value) / value <= tolerance


def _decimal(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(value: float, unit: str | None, *, plural: bool = True) -> str:
    if unit == "pound" and value >= 1:
        whole, ounces = int(value), round((value - int(value)) * 16, 2)
        if ounces and kitchen_fraction(value - whole, _COARSE) != round(value - whole, 6):
            return f"{whole} lb {format_quantity(ounces)} oz"
    metric = unit is not None and system_of(unit) == "metric"
    number = _decimal(value) if metric else format_quantity(value)
    if unit is None:
        return number
    name = _SHORT.get(unit, unit.replace("_", " "))
    if plural and value > 1 and unit not in _SHORT and not name.endswith("s"):
        name += "es" if name.endswith(("ch", "sh")) else "s"
    if name == "cup" and value > 1:
        name = "cups"
    return f"{number} {name}"


_CUP_STEPS = (0, 1 / 8, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 1)
_TEASPOON_STEPS = (0, 1 / 8, 1 / 4, 1 / 2, 3 / 4, 1)


def _us_volume(milliliters: float) -> tuple[float, str]:
    """The measure a US cook reaches for: cup fractions, half tablespoons, teaspoon fractions."""
    for unit, smallest, steps in (
        ("cup", 0.25, _CUP_STEPS),
        ("tablespoon", 1.0, (0, 1 / 2, 1)),
        ("teaspoon", 0.0, _TEASPOON_STEPS),
    ):
        amount = convert(milliliters, "milliliter", unit)
        rounded = kitchen_fraction(amount, steps)
        if amount >= smallest * 0.97 and _close(amount, rounded, 0.07):
            return rounded, unit
    teaspoons = convert(milliliters, "milliliter", "teaspoon")
    return max(kitchen_fraction(teaspoons, _TEASPOON_STEPS), 1 / 8), "teaspoon"


def _us_mass(grams: float) -> tuple[float, str]:
    ounces = convert(grams, "gram", "ounce")
    if ounces < 15.5:
        return (kitchen_fraction(ounces, (0, 1 / 2, 1)) if ounces < 4 else float(round(ounces))), (
            "ounce"
        )
    pounds = ounces / 16
    rounded = kitchen_fraction(pounds, _COARSE)
    if _close(pounds, rounded, 0.03):
        return rounded, "pound"
    whole, rest = divmod(round(ounces), 16)
    return whole + rest / 16, "pound"  # shown as "1 lb 10 oz"


def _metric(value: float, small: str, large: str) -> tuple[float, str]:
    if value >= 1000:
        return round(value / 1000, 2), large
    if value > 20:
        return float(5 * round(value / 5)), small
    if value >= 1:
        return float(round(value)), small
    return round(value, 1), small


def kitchen_amount(
    value: float,
    unit: str | None,
    system: System | None = None,
    *,
    ingredient: str | None = None,
) -> KitchenAmount:
    """``value`` ``unit`` as a cookbook prints it, in ``system`` (default: the unit's own)."""
    kind = dimension(unit, ingredient)
    if kind in {"count", "none"}:
        return _count(value, unit)
    assert unit is not None
    target = system or system_of(unit) or "metric"
    if kind == "volume":
        milliliters = convert(value, unit, "milliliter", ingredient=ingredient)
        spoons = target == "metric" and (
            milliliters < 50 or (milliliters < 59 and unit in {"teaspoon", "tablespoon"})
        )
        if target == "us" or spoons or unit in {"pinch", "dash"}:
            if unit in {"pinch", "dash"} and target == "us":
                return KitchenAmount(value, unit, _text(kitchen_fraction(value), unit))
            quantity, new_unit = _us_volume(milliliters)
        else:
            quantity, new_unit = _metric(milliliters, "milliliter", "liter")
    elif kind == "mass":
        grams = convert(value, unit, "gram")
        if target == "us":
            quantity, new_unit = _us_mass(grams)
        else:
            quantity, new_unit = _metric(grams, "gram", "kilogram")
    else:  # length
        if target == "us":
            inches = convert(value, unit, "inch")
            quantity, new_unit = kitchen_fraction(inches, (0, 1 / 4, 1 / 2, 3 / 4, 1)), "inch"
        else:
            centimeters = convert(value, unit, "centimeter")
            quantity, new_unit = round(centimeters * 2) / 2, "centimeter"
        quantity = max(quantity, 0.25 if new_unit == "inch" else 0.5)
    del ingredient  # densities are the converter's business, not the rounder's
    return KitchenAmount(quantity, new_unit, _text(quantity, new_unit))


def _count(value: float, unit: str | None) -> KitchenAmount:
    """Whole things stay whole: 4.5 eggs is "4–5 eggs", with a note."""
    if value <= 0:
        return KitchenAmount(0, unit, _text(0, unit))
    if abs(value - round(value)) < 0.05:
        return KitchenAmount(float(round(value)), unit, _text(float(round(value)), unit))
    if value < 1:
        half = kitchen_fraction(value, (0, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 1))
        if half > 0 and abs(half - value) < 0.05:
            return KitchenAmount(half, unit, _text(half, unit))
    low, high = math.floor(value), math.ceil(value)
    low = max(low, 1)
    if low == high:  # 0.8 of one: one, never "1–1"
        note = f"{format_quantity(round(value, 2))} cannot be split: use {high}"
        return KitchenAmount(float(high), unit, _text(float(high), unit), note=note)
    text = f"{low}–{high}" + (f" {_text(high, unit).split(' ', 1)[1]}" if unit else "")
    note = f"{format_quantity(round(value, 2))} cannot be split: use {low} or {high}"
    return KitchenAmount(float(low), unit, text, note=note, quantity_max=float(high))


def ladder_celsius(fahrenheit: float) -> int:
    """°F on the metric cookbook ladder: the nearest 10 °C (350 °F → 180 °C)."""
    return int(10 * round(fahrenheit_to_celsius(fahrenheit) / 10))


def ladder_fahrenheit(celsius: float) -> int:
    """°C on the US oven ladder: the nearest 25 °F (180 °C → 350 °F)."""
    return int(25 * round(celsius_to_fahrenheit(celsius) / 25))


def oven_temperature_text(fahrenheit: float, celsius: float, system: System) -> str:
    """An oven temperature in ``system``, the other scale in brackets: "180°C (350°F)".

    A figure the recipe stated is shown as stated. A figure that is only the exact conversion
    of the other scale (ladle fills both) goes on the ladder, with the exact value beside it
    where they differ by more than 3 degrees: "180°C (350°F; exactly 177°C)".
    """
    if system == "metric":
        exact = fahrenheit_to_celsius(fahrenheit)
        converted = celsius == round(exact)
        shown = ladder_celsius(fahrenheit) if converted else celsius
        text = f"{format_quantity(shown)}°C ({format_quantity(fahrenheit)}°F"
        if converted and abs(shown - exact) > 3:
            text += f"; exactly {round(exact)}°C"
        return text + ")"
    exact_f = celsius_to_fahrenheit(celsius)
    converted = fahrenheit == round(exact_f)
    shown_f = ladder_fahrenheit(celsius) if converted else fahrenheit
    text = f"{format_quantity(shown_f)}°F ({format_quantity(celsius)}°C"
    if converted and abs(shown_f - exact_f) > 3:
        text += f"; exactly {round(exact_f)}°F"
    return text + ")"
