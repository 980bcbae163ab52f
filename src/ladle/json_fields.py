"""Reading one JSON object field by field, as the published schema (``schema/recipe.schema.json``)
states it: each field of the right type and inside its bounds (``ladle.limits``), no field the
schema does not know ("ingredeints"), and every refusal naming the field's path
(``steps[2].durations[0].min_minutes``) and the fix.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from ladle.errors import FormatError

__all__ = ["Fields", "Range"]

T = TypeVar("T")
_SCHEMA = "see schema/recipe.schema.json"


@dataclass(frozen=True, slots=True)
class Range:
    """The numbers a field may hold: ``low`` to ``high``, either end left out when ``open``."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    unit: str = ""

    def holds(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return above and below

    def __str__(self) -> str:
        low = f"more than {self.low:g}" if self.low_open else f"at least {self.low:g}"
        high = f"below {self.high:g}" if self.high_open else f"at most {self.high:g}"
        return f"{low} and {high}{' ' + self.unit if self.unit else ''}"


class Fields:
    """Typed access to one JSON object, with the path of each field for error messages; the
    keys read are remembered, so that :meth:`take` refuses any other."""

    def __init__(self, data: object, where: str, path: str) -> None:
        if not isinstance(data, Mapping):
            raise FormatError(
                f"{path or 'document'} should be an object, not {kind(data)}",
                where=where,
                hint=_SCHEMA,
            )
        self.data: Mapping[str, Any] = data
        self.where = where
        self.path = path
        self.seen: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.seen.add(key)
        return self.data.get(key, default)

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, expected: str) -> FormatError:
        return FormatError(
            f"{self.at(key)} should be {expected}, not {kind(self.data.get(key))}",
            where=self.where,
            hint=_SCHEMA,
        )

    def take(self, make: Callable[[Fields], T]) -> T:
        """``make`` of this object, refusing any key it did not read."""
        made = make(self)
        unknown = [key for key in self.data if key not in self.seen]
        if unknown:
            key = str(unknown[0])
            close = difflib.get_close_matches(key, sorted(self.seen), n=1)
            fix = f"did you mean {close[0]!r}" if close else "remove it"
            raise FormatError(
                f"{self.at(key)} is not a field ladle knows",
                where=self.where,
                hint=f"{fix}; {_SCHEMA} for the fields",
            )
        return made

    def str_(self, key: str, default: str | None = None) -> str:
        value = self.get(key, default)
        if not isinstance(value, str):
            raise self.fail(key, "a string")
        return value

    def opt_str(self, key: str) -> str | None:
        value = self.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(key, "a string or null")
        return value

    def opt_num(self, key: str, within: Range | None = None) -> float | None:
        value = self.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(key, "a number or null")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise self.fail(key, "a finite number")
        if within is not None and not within.holds(number):
            raise FormatError(
                f"{self.at(key)} should be {within}, not {number:g}",
                where=self.where,
                hint=f"give a number in that range or null; {_SCHEMA}",
            )
        return number

    def num(self, key: str, within: Range | None = None) -> float:
        value = self.opt_num(key, within)
        if value is None:
            raise self.fail(key, "a number")
        return value

    def opt_int(self, key: str, within: Range | None = None) -> int | None:
        value = self.opt_num(key, within)
        if value is None:
            return None
        if not value.is_integer():
            raise self.fail(key, "a whole number or null")
        return int(value)

    def bool_(self, key: str, default: bool = False) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.get(key, default)
        if value not in choices:
            raise self.fail(key, "one of " + ", ".join(choices))
        return cast(str, value)

    def list_(self, key: str) -> list[Any]:
        value = self.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "a list")
        return value

    def str_list(self, key: str) -> list[str]:
        items = self.list_(key)
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise self.fail(f"{key}[{i}]", "a string")
        return list(items)

    def str_map(self, key: str) -> dict[str, str]:
        value = self.get(key, {})
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self.fail(key, "an object")
        for name, item in value.items():
            if not isinstance(item, str):
                raise self.fail(f"{key}.{name}", "a string")
        return dict(value)

    def int_list(self, key: str) -> list[int]:
        items = self.list_(key)
        for item in items:
            if isinstance(item, bool) or not isinstance(item, int):
                raise self.fail(key, "a list of whole numbers")
        return list(items)

    def objects(self, key: str, make: Callable[[Fields], T]) -> list[T]:
        return [
            Fields(item, self.where, f"{self.at(key)}[{i}]").take(make)
            for i, item in enumerate(self.list_(key))
        ]

    def object(self, key: str, make: Callable[[Fields], T]) -> T:
        """The object under ``key`` (absent or null: an empty one) made by ``make``."""
        value = self.get(key)
        return Fields({} if value is None else value, self.where, self.at(key)).take(make)

    def opt_object(self, key: str, make: Callable[[Fields], T]) -> T | None:
        """The object under ``key`` made by ``make``, or None when it is absent or null."""
        return None if self.get(key) is None else self.object(key, make)


def kind(value: object) -> str:
    """What a JSON value is, in words: "a number", "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__
