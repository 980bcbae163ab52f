"""The task graph the planner schedules: activities, how they relate, and the choices.

An :class:`Activity` is one thing that takes time: a step of a recipe, or part of one (the
hands-on coating and the passive marinating of "Coat the pork and refrigerate for at least 30
minutes" are two). It says whether it needs the cook's hands (``active``) or only waits
(``passive``, with ``setup`` minutes of the cook at its start to put the food in), and its
:class:`Mode` s: how long it may take and what it occupies (an oven at a temperature, a
burner, an appliance, the refrigerator), the recipe's own way first, then alternatives the
solver may choose (another oven temperature with the time scaled, the air fryer).

Relations tie activities together: :class:`After` (b starts between ``min_gap`` and
``max_gap`` minutes after a ends), :class:`Within` (b happens in the last minutes of a:
brushing the glaze on in the last 10 minutes of roasting) and :class:`Serve` (a ends at most
``max_before`` minutes before serving: vegetables come out at most about 10 minutes before).

A :class:`Choice` offers alternatives that change which activities happen at all: doing a
dish the day before and reheating it. Each :class:`Option` names the activities present when
it is chosen and how it departs from the recipe; the first option is the recipe as written
(it may name no activities at all). An :class:`After` with an ``option`` holds only when that
option is chosen: a dish made the day before need not come off the heat just before serving.

Times are whole minutes; the planner measures them backwards from serving (0).

A cook alone is ``HANDS`` shares of attention: work that needs the cook all the time (chopping,
kneading, stirring a risotto) takes two of them, work done now and then (searing and turning,
stirring occasionally) one, so the cook tends a pan beside any other work, or two pans at once.
Several cooks share the work out, each doing one thing at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from ladle.planning.kitchen import Kitchen

HANDS = 3  # shares of one cook's attention

__all__ = [
    "HANDS",
    "Activity",
    "After",
    "Choice",
    "Mode",
    "Option",
    "OutOfFridge",
    "OvenUse",
    "Problem",
    "Serve",
    "Served",
    "Within",
    "attention",
]


@dataclass(frozen=True, slots=True)
class OvenUse:
    """An oven at one temperature for the whole activity, on ``racks`` of its racks."""

    fahrenheit: int
    racks: int = 1


@dataclass(frozen=True, slots=True)
class Mode:
    """One way of doing an activity: how long it takes and what it occupies.

    The first mode of an activity is the recipe as written; the others (a nearby oven
    temperature with the time scaled, the air fryer) carry the ``deviation`` the plan reports.
    """

    minutes: tuple[int, int]  # shortest and longest it may take
    oven: OvenUse | None = None
    burner: bool = False
    appliance: str | None = None
    fridge: bool = False
    deviation: str | None = None


@dataclass(slots=True)
class Activity:
    """One thing that takes time."""

    id: str
    dish: str
    recipe: str
    step: int | None
    text: str
    modes: list[Mode]
    attention: Literal["active", "passive"]
    setup: int = 0  # hands-on minutes at the start of a passive activity
    kind: Literal["step", "reheat", "hold"] = "step"
    optional: bool = False  # present only when an option of a Choice names it
    ideal: int | None = None  # minutes the article says are best ("at least 4 hours")
    overnight: bool = False  # the article says overnight is best: wait across the night
    food: str = ""  # the food the step is about ("pork belly"), where ``dish`` is the cook's name
    tending: Literal["constant", "occasional"] = "constant"  # how hands-on work holds the cook

    def hands(self, cooks: int) -> int:
        """The shares of the cooks' attention (of ``attention(cooks)``) the activity's hands-on
        minutes take. One cook: one share of ``HANDS`` for work done now and then, two for work
        that needs the cook all the time. Several cooks share the work out instead, each doing
        one thing at a time (a share each, which any cook free can take)."""
        if cooks > 1:
            return 1
        return 1 if self.attention == "active" and self.tending == "occasional" else 2

    @property
    def minutes(self) -> tuple[int, int]:
        """The time of the recipe as written (the first mode)."""
        return self.modes[0].minutes


def attention(cooks: int) -> int:
    """The shares of attention the kitchen's cooks have together (see ``Activity.hands``)."""
    return HANDS if cooks == 1 else cooks


@dataclass(frozen=True, slots=True)
class After:
    """``after`` starts between ``min_gap`` and ``max_gap`` minutes after ``before`` ends."""

    before: str
    after: str
    min_gap: int = 0
    max_gap: int | None = None
    why: str = ""
    option: str | None = None  # "CHOICE/INDEX": kept only when that option is chosen


@dataclass(frozen=True, slots=True)
class Within:
    """``inner`` happens in the last ``minutes`` of ``outer`` (and ends before it does)."""

    outer: str
    inner: str
    minutes: int
    why: str = ""


@dataclass(frozen=True, slots=True)
class Serve:
    """``activity`` ends at most ``max_before`` minutes before its dish is served (and not
    after); the dish is served ``at`` minutes after the meal's serving time (a dessert 45)."""

    activity: str
    max_before: int | None = None
    why: str = ""
    at: int = 0
    plated: bool = True  # the step that brings the dish to the table (else its last cooking)
    option: str | None = None  # "CHOICE/INDEX": kept only when that option is chosen


@dataclass(frozen=True, slots=True)
class Served:
    """A recipe of the meal at the table: how it is served (hot, warm, room temperature,
    cold), why ladle thinks so, and when (minutes after the meal's serving time)."""

    key: str
    recipe: str
    serving: str
    why: str
    at: int = 0


@dataclass(frozen=True, slots=True)
class OutOfFridge:
    """Raw meat, poultry or fish spends at most ``minutes`` out of the refrigerator between
    ``first`` handling it and the start of ``heat``, the cooking that makes it safe: the time
    between them less the ``fridge`` activities in between (USDA's two-hour rule)."""

    first: str
    heat: str
    fridge: tuple[str, ...] = ()
    minutes: int = 120
    food: str = ""


@dataclass(slots=True)
class Option:
    """One way of doing something; ``deviation`` says how it departs from the recipe."""

    label: str
    activities: list[str]
    deviation: str | None = None
    make_ahead: bool = False


@dataclass(slots=True)
class Choice:
    """Alternatives of which exactly one is chosen; the first is the recipe as written."""

    id: str
    dish: str
    options: list[Option]


@dataclass(slots=True)
class Problem:
    """Everything the planner needs: activities, relations, choices, kitchen, serving time."""

    serve_at: datetime
    kitchen: Kitchen
    activities: list[Activity] = field(default_factory=list)
    after: list[After] = field(default_factory=list)
    within: list[Within] = field(default_factory=list)
    serve: list[Serve] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    earliest: datetime | None = None  # nothing starts before this (now)
    assumptions: list[str] = field(default_factory=list)
    served: list[Served] = field(default_factory=list)
    out_of_fridge: list[OutOfFridge] = field(default_factory=list)

    @property
    def top(self) -> int:
        """The last minute anything is served (0 unless a course comes later)."""
        return max((s.at for s in self.serve), default=0)

    def activity(self, activity_id: str) -> Activity:
        for activity in self.activities:
            if activity.id == activity_id:
                return activity
        raise KeyError(activity_id)

    def by_id(self) -> dict[str, Activity]:
        return {a.id: a for a in self.activities}

    def relations(self) -> Iterator[After | Within | Serve]:
        yield from self.after
        yield from self.within
        yield from self.serve
