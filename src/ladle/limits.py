"""The bounds of every number ladle takes in, stated once.

A number from outside (recipe text, Cooklang, JSON-LD, ladle JSON, the kitchen file) is used
only when it is finite and inside these bounds. Where a recipe means it (an amount or a time in
a line) a number out of range stays in the line's text and is not read as a number; where a
field must hold a number (ladle JSON, the kitchen file) it is refused with the place named.
So no ``inf``, ``nan`` or absurd value ever reaches a recipe, a plan or a JSON document.

- Times: 0 to ten years (3,650 days, 5,256,000 minutes), and so the days a dish keeps or is
  made ahead: jars keep "12-18 months", a cure takes 90 days. The planner plans 60 days ahead
  (``PLAN_DAYS``, the planner's ``planning.solver.LONGEST_DAYS``; a test keeps the two equal)
  and says so of a longer time, rather than plan without it.
- Quantities and yield amounts: 0 up to, not including, a billion.
- Servings: more than 0 (a scaled recipe may serve half), at most 10,000.
- Temperatures: -100 °F to 2,000 °F (a freezer to a blowtorch's flame); gas marks 0 to 10.
- Kitchen: at most 10 ovens, 20 racks an oven, 50 burners, 20 of one appliance, 20 cooks;
  0.5 to 120 minutes per 100 °F to heat or cool an oven.
"""

from __future__ import annotations

import math

__all__ = [
    "MAX_APPLIANCES",
    "MAX_BURNERS",
    "MAX_CELSIUS",
    "MAX_COOKS",
    "MAX_DAYS",
    "MAX_FAHRENHEIT",
    "MAX_GAS_MARK",
    "MAX_MINUTES",
    "MAX_MINUTES_PER_100F",
    "MAX_OVENS",
    "MAX_QUANTITY",
    "MAX_RACKS",
    "MAX_SERVINGS",
    "MIN_CELSIUS",
    "MIN_FAHRENHEIT",
    "PLAN_DAYS",
    "in_range",
    "minutes_ok",
    "quantity_ok",
    "servings_ok",
]

PLAN_DAYS = 60
MAX_DAYS = 3650
MAX_MINUTES = MAX_DAYS * 24 * 60
MAX_QUANTITY = 1e9  # exclusive
MAX_SERVINGS = 10_000
MIN_FAHRENHEIT = -100
MAX_FAHRENHEIT = 2000
MIN_CELSIUS = -75  # -103 °F
MAX_CELSIUS = 1100  # 2012 °F
MAX_GAS_MARK = 10

MAX_OVENS = 10
MAX_RACKS = 20
MAX_BURNERS = 50
MAX_APPLIANCES = 20
MAX_COOKS = 20
MAX_MINUTES_PER_100F = 120


def in_range(value: float, low: float, high: float) -> bool:
    """Whether ``value`` is a finite number from ``low`` to ``high``, both included."""
    return math.isfinite(value) and low <= value <= high


def minutes_ok(minutes: float | None) -> bool:
    """Whether a time (None: open-ended) is one ladle can use: 0 to ten years."""
    return minutes is None or in_range(minutes, 0, MAX_MINUTES)


def quantity_ok(quantity: float | None) -> bool:
    """Whether an amount (None: none stated) is one ladle can use: 0 to below a billion."""
    return quantity is None or (math.isfinite(quantity) and 0 <= quantity < MAX_QUANTITY)


def servings_ok(servings: float | None) -> bool:
    """Whether a number of servings (None: not stated) is one ladle can use: more than 0, at
    most 10,000."""
    return servings is None or (in_range(servings, 0, MAX_SERVINGS) and servings > 0)
