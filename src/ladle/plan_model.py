"""The plan document: when to do every step so the meal is on the table at the time named.

The classes serialise to the plan JSON of the contract (``"ladle": 1``): ``serve_at``,
``start_at``, ``status`` (``optimal``, ``feasible`` or ``infeasible``), ``objective``,
``lower_bound``, ``resources``, ``tasks`` and ``explanation``. Additive fields: ``dishes``
(each recipe at the table: how and when it is served, why, when it left its heat and how long
it waited), ``deviations`` (every way the plan departs from the recipes as
written), ``assumptions`` (what ladle assumed where a recipe is silent, such as a step with no
time), ``bounds`` (the physical limits: the recipes alone, one pair of hands, the equipment)
and, per task, ``kind`` (``step``, ``preheat``, ``oven-change``, ``reheat``) and ``dish``.

Times are local ISO 8601 without an offset unless the serving time carried one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

__all__ = [
    "PLAN_STATUSES",
    "Plan",
    "PlanDish",
    "PlanResource",
    "PlanTask",
    "PlanUse",
    "iso",
]

PlanStatus = Literal["optimal", "feasible", "infeasible", "unknown"]
PLAN_STATUSES: tuple[str, ...] = ("optimal", "feasible", "infeasible")
TaskKind = Literal["step", "preheat", "oven-change", "reheat", "hold", "turn-on"]


def iso(moment: datetime) -> str:
    """A time as the plan writes it: ISO 8601 to the second, offset only if it has one."""
    return moment.isoformat(timespec="seconds")


@dataclass(slots=True)
class PlanUse:
    """A resource a task occupies; ovens say at what temperature."""

    resource: str
    fahrenheit: float | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"resource": self.resource}
        if self.fahrenheit is not None:
            data["fahrenheit"] = round(self.fahrenheit)
        return data


@dataclass(slots=True)
class PlanTask:
    """One thing to do, and when."""

    id: str
    recipe: str
    step: int | None
    text: str
    start: datetime
    end: datetime
    attention: Literal["active", "passive"]
    uses: list[PlanUse] = field(default_factory=list)
    kind: TaskKind = "step"
    dish: str | None = None

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "recipe": self.recipe,
            "step": self.step,
            "text": self.text,
            "start": iso(self.start),
            "end": iso(self.end),
            "attention": self.attention,
            "uses": [u.to_json() for u in self.uses],
            "kind": self.kind,
            "dish": self.dish,
        }


@dataclass(slots=True)
class PlanResource:
    """A cook, an oven, the burners, an appliance, the refrigerator."""

    id: str
    kind: str
    capacity: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "capacity": self.capacity}


@dataclass(slots=True)
class PlanDish:
    """A recipe of the meal at the table: how it is served and when, when it leaves its heat
    and how long it waits for the table."""

    recipe: str
    serving: str  # hot, warm, room, cold
    why: str
    serve_at: datetime
    off_heat: datetime | None = None  # when its last cooking ends (None: nothing heats it)
    kept_warm: bool = False  # waits in a warming drawer or a low oven until it is served

    @property
    def waits_minutes(self) -> float | None:
        if self.off_heat is None:
            return None
        return max(0.0, (self.serve_at - self.off_heat).total_seconds() / 60)

    def to_json(self) -> dict[str, Any]:
        waits = self.waits_minutes
        return {
            "recipe": self.recipe,
            "serving": self.serving,
            "why": self.why,
            "serve_at": iso(self.serve_at),
            "off_heat": iso(self.off_heat) if self.off_heat else None,
            "waits_minutes": round(waits) if waits is not None else None,
            "kept_warm": self.kept_warm,
        }


@dataclass(slots=True)
class Plan:
    """A timeline for a meal, or the reasons there is none."""

    serve_at: datetime
    start_at: datetime | None
    status: PlanStatus
    tasks: list[PlanTask] = field(default_factory=list)
    resources: list[PlanResource] = field(default_factory=list)
    objective: dict[str, float] = field(default_factory=dict)
    lower_bound: dict[str, float] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)
    deviations: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    bounds: dict[str, Any] = field(default_factory=dict)
    dishes: list[PlanDish] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "ladle": 1,
            "serve_at": iso(self.serve_at),
            "start_at": iso(self.start_at) if self.start_at else None,
            "status": self.status,
            "objective": dict(self.objective),
            "lower_bound": dict(self.lower_bound),
            "resources": [r.to_json() for r in self.resources],
            "tasks": [t.to_json() for t in self.tasks],
            "explanation": list(self.explanation),
            "deviations": list(self.deviations),
            "assumptions": list(self.assumptions),
            "bounds": dict(self.bounds),
            "dishes": [d.to_json() for d in self.dishes],
        }
