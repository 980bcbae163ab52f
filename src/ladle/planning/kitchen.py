"""The kitchen a meal is planned in, from the TOML of the contract.

```toml
[[oven]]          # one table per oven
name = "oven"
preheat_minutes_per_100f = 8   # how fast it heats; cooling is slower
racks = 2
[[burner]]
count = 4
[[appliance]]
name = "air fryer"
[cooks]
count = 1
night = ["23:00", "07:00"]     # no hands-on work in between (unless allow_night = true)
```

With no file: one oven (8 minutes per 100 °F to heat, 2 racks), four burners, one cook who
does not work between 23:00 and 07:00, and a refrigerator with room to spare.

An appliance is one ladle knows (``APPLIANCES``), in any of the ways recipes write it
("Instant Pot" is a pressure cooker, "sous-vide" or "immersion circulator" the sous-vide bath,
"rice-cooker" a rice cooker); another name is refused with the list of them.

Counts are whole numbers, each with an upper bound (``ladle.limits``): at most 10 ovens, 20
racks an oven, 50 burners, 20 of one appliance, 20 cooks; an oven heats or cools at 0.5 to 120
minutes per 100 °F. ``allow_night`` is true or false; the file is UTF-8 TOML.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from ladle.equipment import EQUIPMENT
from ladle.errors import FormatError
from ladle.limits import (
    MAX_APPLIANCES,
    MAX_BURNERS,
    MAX_COOKS,
    MAX_MINUTES_PER_100F,
    MAX_OVENS,
    MAX_RACKS,
    in_range,
)

__all__ = [
    "APPLIANCES",
    "COOKS_IN",
    "Kitchen",
    "Oven",
    "appliance_name",
    "load_kitchen",
    "spelling_key",
]

ROOM_F = 70
# The appliances a step may cook in (``ladle.planning.reading.APPLIANCES``), and those a
# kitchen file may name: these and a warming drawer, to keep food warm in.
COOKS_IN = frozenset({"air fryer", "slow cooker", "pressure cooker", "rice cooker", "sous vide",
                      "microwave", "deep fryer", "grill", "smoker"})  # fmt: skip
APPLIANCES = COOKS_IN | {"warming drawer"}


def spelling_key(name: str) -> str:
    """A way of writing a name, its words in lower case joined by one space: "Sous-Vide" and
    "sous vide" are one key."""
    return " ".join(re.findall(r"[^\W_]+", name.lower()))


# each way of writing an appliance (data/words/equipment.toml), its words joined by a space
_SPELLINGS = {
    spelling_key(spelling): name
    for name in sorted(APPLIANCES)
    for spelling in (name, *EQUIPMENT.get(name, ()))
}


def appliance_name(name: str) -> str | None:
    """The appliance ``name`` writes, as the planner names it ("Sous-vide" is "sous vide",
    "Instant Pot" "pressure cooker"), or None when it is none ladle knows."""
    return _SPELLINGS.get(spelling_key(name))


@dataclass(frozen=True, slots=True)
class Oven:
    """An oven: how fast it heats and cools, and how many trays it holds at once."""

    name: str = "oven"
    preheat_minutes_per_100f: float = 8.0
    cool_minutes_per_100f: float = 15.0
    racks: int = 2

    def preheat_minutes(self, fahrenheit: float) -> int:
        """Minutes from off (room temperature) to ``fahrenheit``."""
        return max(1, round(max(0.0, fahrenheit - ROOM_F) / 100 * self.preheat_minutes_per_100f))

    def change_minutes(self, from_f: float, to_f: float) -> int:
        """Minutes to go from one temperature to another: heating is faster than cooling."""
        if to_f >= from_f:
            return round((to_f - from_f) / 100 * self.preheat_minutes_per_100f)
        return round((from_f - to_f) / 100 * self.cool_minutes_per_100f)


@dataclass(frozen=True, slots=True)
class Kitchen:
    """Ovens, burners, appliances, cooks, and the hours the cooks keep."""

    ovens: tuple[Oven, ...] = (Oven(),)
    burners: int = 4
    appliances: tuple[str, ...] = ()
    cooks: int = 1
    night: tuple[time, time] | None = (time(23, 0), time(7, 0))
    fridge: bool = True

    def has(self, appliance: str) -> bool:
        return appliance in self.appliances


_KEYS = {"oven", "burner", "appliance", "cooks", "refrigerator"}


def _fail(where: str, what: str, hint: str | None = None) -> FormatError:
    return FormatError(what, where=where, hint=hint or "see the kitchen file in README.md")


def _time(value: object, where: str) -> time:
    if not isinstance(value, str):
        raise _fail(where, f"{value!r} is not a time", 'write it as "23:00"')
    try:
        return time.fromisoformat(value)
    except ValueError as exc:
        raise _fail(where, f"{value!r} is not a time", 'write it as "23:00"') from exc


def _number(
    table: dict[str, Any], key: str, where: str, default: float, *, low: float, high: float
) -> float:
    value = table.get(key, default)
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not in_range(float(value), low, high)
    ):
        raise _fail(f"{where}.{key}", f"should be a number from {low:g} to {high:g}, not {value!r}")
    return float(value)


def _count(
    table: dict[str, Any], key: str, where: str, default: int, *, low: int, high: int
) -> int:
    """A whole number from ``low`` to ``high`` (``ladle.limits``): 1.5 racks is a mistake."""
    value = table.get(key, default)
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not in_range(float(value), low, high)
        or not float(value).is_integer()
    ):
        raise _fail(
            f"{where}.{key}", f"should be a whole number from {low} to {high}, not {value!r}"
        )
    return int(value)


def load_kitchen(path: str | Path) -> Kitchen:
    """Read a kitchen file; every mistake names its place and the fix."""
    location = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise _fail(location, f"cannot read the kitchen file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise _fail(
            location,
            f"the kitchen file is not UTF-8 text (byte {exc.start})",
            "save it as UTF-8 TOML",
        ) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _fail(location, f"not valid TOML: {exc}") from exc
    return kitchen_from(data, location)


def kitchen_from(data: dict[str, Any], location: str = "kitchen") -> Kitchen:
    """A kitchen from parsed TOML data (unknown keys are refused: a typo must not go unseen)."""
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise _fail(
            f"{location}: {unknown[0]}",
            f"unknown section {unknown[0]!r}",
            "sections are: " + ", ".join(sorted(_KEYS)),
        )
    ovens = _ovens(data, location)
    burners = 0
    for i, table in enumerate(_tables(data.get("burner"), f"{location}: burner")):
        _known(table, {"count"}, f"{location}: burner[{i}]")
        burners += _count(table, "count", f"{location}: burner[{i}]", 1, low=0, high=MAX_BURNERS)
    if burners > MAX_BURNERS:
        raise _fail(f"{location}: burner", f"{burners} burners in all, more than {MAX_BURNERS}")
    appliances = []
    for i, table in enumerate(_tables(data.get("appliance"), f"{location}: appliance")):
        _known(table, {"name", "count"}, f"{location}: appliance[{i}]")
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _fail(f"{location}: appliance[{i}].name", "an appliance needs a name")
        known = appliance_name(name)
        if known is None:
            raise _fail(
                f"{location}: appliance[{i}].name",
                f"unknown appliance {name.strip()!r}",
                "appliances are: " + ", ".join(sorted(APPLIANCES)),
            )
        count = _count(table, "count", f"{location}: appliance[{i}]", 1, low=1, high=MAX_APPLIANCES)
        appliances.extend([known] * count)
    cooks_table = data.get("cooks", {})
    if not isinstance(cooks_table, dict):
        raise _fail(f"{location}: cooks", "should be a table: [cooks]")
    _known(cooks_table, {"count", "night", "allow_night"}, f"{location}: cooks")
    cooks = _count(cooks_table, "count", f"{location}: cooks", 1, low=1, high=MAX_COOKS)
    night: tuple[time, time] | None = (time(23, 0), time(7, 0))
    if "night" in cooks_table:
        value = cooks_table["night"]
        if not isinstance(value, list) or len(value) != 2:
            raise _fail(f"{location}: cooks.night", 'should be two times: ["23:00", "07:00"]')
        night = (_time(value[0], f"{location}: cooks.night"), _time(value[1], "cooks.night"))
    allow_night = cooks_table.get("allow_night", False)
    if not isinstance(allow_night, bool):
        raise _fail(
            f"{location}: cooks.allow_night",
            f"should be true or false, not {allow_night!r}",
            "write allow_night = true (no quotes)",
        )
    if allow_night:
        night = None
    return Kitchen(
        ovens=tuple(ovens) if "oven" in data else (Oven(),),
        burners=burners if "burner" in data else 4,
        appliances=tuple(appliances),
        cooks=cooks,
        night=night,
    )


def _ovens(data: dict[str, Any], location: str) -> list[Oven]:
    tables = _tables(data.get("oven"), f"{location}: oven")
    if len(tables) > MAX_OVENS:
        raise _fail(f"{location}: oven", f"{len(tables)} ovens, more than {MAX_OVENS}")
    ovens = []
    for i, table in enumerate(tables):
        where = f"{location}: oven[{i}]"
        _known(table, {"name", "preheat_minutes_per_100f", "cool_minutes_per_100f", "racks"}, where)
        name = table.get("name", "oven" if i == 0 else f"oven {i + 1}")
        if not isinstance(name, str) or not name.strip():
            raise _fail(f"{where}.name", f"should be a name, not {name!r}")
        ovens.append(
            Oven(
                name=name.strip(),
                preheat_minutes_per_100f=_number(
                    table, "preheat_minutes_per_100f", where, 8, low=0.5, high=MAX_MINUTES_PER_100F
                ),
                cool_minutes_per_100f=_number(
                    table, "cool_minutes_per_100f", where, 15, low=0.5, high=MAX_MINUTES_PER_100F
                ),
                racks=_count(table, "racks", where, 2, low=1, high=MAX_RACKS),
            )
        )
    return ovens


def _tables(value: object, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return list(value)
    raise _fail(where, "should be a table or a list of tables: [[oven]]")


def _known(table: dict[str, Any], keys: set[str], where: str) -> None:
    unknown = sorted(set(table) - keys)
    if unknown:
        raise _fail(
            f"{where}.{unknown[0]}",
            f"unknown key {unknown[0]!r}",
            "keys here are: " + ", ".join(sorted(keys)),
        )
