"""An independent check of a plan against the task graph it was made for.

:func:`check_plan` re-derives every rule from the :class:`~ladle.planning.problem.Problem` and the
:class:`~ladle.plan_model.Plan` alone; it shares no code with the solver, so a solver bug shows
up here as a :class:`Violation` instead of as a burnt dinner. The rules, each with its code
(:data:`CODES`):

- the plan itself: for the same serving time, whole minutes, tasks that end after they start,
  one task per id, every step task an activity of the problem, the same kind and attention;
- the window: nothing starts before ``problem.earliest``, nothing ends after serving; every
  activity that is not optional has its task; of each :class:`Choice` exactly one option;
- durations in the range of the mode the task's equipment names;
- the relations ``After``, ``Within`` and ``Serve`` between the tasks present;
- ovens: one temperature at a time, no more trays than racks, at temperature when used (a
  preheat or temperature change long enough for the oven, ended before the food goes in);
- capacities: the cooks, each cook one thing at a time, the burners, each appliance; no
  equipment the kitchen does not have;
- the cooks' hours: no hands-on minute in the night.

Resources are named as in the plan: ``cook-1`` …, ``oven-1`` … (kitchen order), ``burner``,
an appliance by name (``air fryer``, a pool of as many as the kitchen has) or one of them
(``air fryer-1``), ``refrigerator``.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ladle.plan_model import Plan, PlanTask
from ladle.planning.kitchen import Kitchen, Oven
from ladle.planning.problem import Activity, Mode, Problem, attention

__all__ = ["CODES", "Violation", "check_plan"]

CODES: dict[str, str] = {
    "serve-time": "the plan is for another serving time than the problem",
    "infeasible-with-tasks": "an infeasible plan lists tasks",
    "bad-time": "a time that is not a whole minute, or in another time zone",
    "time-order": "a task that does not end after it starts",
    "duplicate-task": "two tasks with one id",
    "unknown-task": "a step task for no activity of the problem",
    "task-mismatch": "a task whose kind or attention differs from its activity",
    "too-early": "a task that starts before the earliest time allowed",
    "too-late": "a task that ends after serving",
    "missing-task": "an activity that is not optional has no task",
    "choice-none": "no option of a choice is done",
    "choice-several": "more than one option of a choice is done",
    "choice-mixed": "an option is done in part",
    "no-mode": "a task's equipment matches no way of doing its activity",
    "duration": "a task takes longer or shorter than its activity allows",
    "after": "a task starts too soon or too long after the one it follows",
    "within": "a task is not in the last minutes of the one it happens in",
    "serve": "a dish is ready too early or too late for serving",
    "out-of-fridge": "raw meat, poultry or fish out of the refrigerator too long before cooking",
    "oven-temperatures": "an oven at two temperatures at once",
    "oven-racks": "more trays in an oven than it has racks",
    "oven-cold": "an oven used before it reached the temperature",
    "preheat-short": "a preheat or temperature change shorter than the oven needs",
    "missing-equipment": "a task uses equipment the kitchen does not have",
    "cooks-capacity": "more hands-on work at once than there are cooks",
    "cook-double": "one cook doing two things at once",
    "no-cook": "hands-on work without a cook",
    "burners": "more burners at once than the kitchen has",
    "appliance": "an appliance used for two things at once",
    "night": "hands-on work in the night",
}

_HEATING = frozenset({"preheat", "oven-change", "turn-on"})
_COOK = re.compile(r"^cook-(\d+)$")
_OVEN = re.compile(r"^oven-(\d+)$")
_NUMBERED = re.compile(r"^(.+)-(\d+)$")


def _stays_in(item: _Item, fahrenheit: float, uses: list[tuple[_Item, float]]) -> bool:
    """ "After 2 hours, turn the oven up to 450°F and roast 30 minutes more": the food stays in
    while the oven climbs, so the next stage of the same dish may start with the change."""
    changing = any(
        u.heating and u.start == item.start and round(f) == round(fahrenheit) for u, f in uses
    )
    before = any(
        not u.heating and u is not item and u.end == item.start and u.task.dish == item.task.dish
        for u, _ in uses
    )
    return changing and before


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule: a code of :data:`CODES`, the task concerned, and what is wrong."""

    code: str
    task: str | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "task": self.task, "message": self.message}


@dataclass(slots=True)
class _Item:
    """A task with its times in minutes from serving (negative before) and what it uses."""

    task: PlanTask
    start: int
    end: int
    activity: Activity | None = None
    mode: Mode | None = None
    cooks: list[int] = field(default_factory=list)
    ovens: list[tuple[int, float | None]] = field(default_factory=list)
    burners: int = 0
    appliances: list[tuple[str, int | None]] = field(default_factory=list)
    fridge: bool = False

    @property
    def id(self) -> str:
        return self.task.id

    @property
    def heating(self) -> bool:
        return self.task.kind in _HEATING

    def hands(self) -> tuple[int, int] | None:
        """The minutes a cook is busy with this task."""
        attention = self.activity.attention if self.activity else self.task.attention
        if attention == "active":
            return (self.start, self.end)
        setup = self.activity.setup if self.activity else 0
        return (self.start, min(self.end, self.start + setup)) if setup > 0 else None


class _Checker:
    def __init__(self, problem: Problem, plan: Plan) -> None:
        self.problem = problem
        self.plan = plan
        self.kitchen: Kitchen = problem.kitchen
        self.found: list[Violation] = []
        self.items: list[_Item] = []
        self.by_id: dict[str, _Item] = {}
        self.chosen: dict[str, int] = {}  # choice id -> the option done

    # --- words -------------------------------------------------------------------------------

    def add(self, code: str, task: str | None, message: str) -> None:
        self.found.append(Violation(code, task, message))

    def when(self, minute: int) -> str:
        moment = self.problem.serve_at + timedelta(minutes=minute)
        if moment.date() == self.problem.serve_at.date():
            return f"{moment:%H:%M}"
        return f"{_DAYS[moment.weekday()]} {moment:%H:%M}"

    def name(self, item: _Item) -> str:
        text = " ".join(item.task.text.split())
        short = text if len(text) <= 48 else text[:47].rstrip() + "…"
        dish = item.task.dish or (item.activity.dish if item.activity else "")
        return f"“{short}” ({dish})" if dish else f"“{short}”"

    # --- the plan, task by task --------------------------------------------------------------

    def minute(self, moment: datetime, task: PlanTask, what: str) -> int | None:
        serve = self.problem.serve_at
        if (moment.tzinfo is None) != (serve.tzinfo is None):
            zone = "has no time zone" if moment.tzinfo is None else "has a time zone"
            self.add("bad-time", task.id, f"the {what} of {task.id} {zone}, serving does not")
            return None
        seconds = (moment - serve).total_seconds()
        if moment.second or moment.microsecond or seconds % 60:
            self.add("bad-time", task.id, f"the {what} of {task.id} is not a whole minute")
        return int(seconds // 60)

    def read_tasks(self) -> None:
        activities = self.problem.by_id()
        for task in self.plan.tasks:
            start = self.minute(task.start, task, "start")
            end = self.minute(task.end, task, "end")
            if task.id in self.by_id:
                self.add("duplicate-task", task.id, f"two tasks are called {task.id}")
            if start is None or end is None or task.id in self.by_id:
                continue
            item = _Item(task, start, end)
            if task.kind in {"step", "reheat", "hold"}:
                item.activity = activities.get(task.id)
                if item.activity is None:
                    self.add("unknown-task", task.id, f"{task.id} is no step of the recipes")
                    continue
                if item.activity.kind != task.kind or item.activity.attention != task.attention:
                    self.add(
                        "task-mismatch",
                        task.id,
                        f"{self.name(item)} is {_a(task.attention, task.kind)} in the plan "
                        f"but {_a(item.activity.attention, item.activity.kind)} in the recipes",
                    )
            self.read_uses(item)
            if end < start or (end == start and not self.may_be_empty(item)):
                self.add(
                    "time-order",
                    task.id,
                    f"{self.name(item)} ends at {self.when(end)}, "
                    f"{'before' if end < start else 'as soon as'} it starts ({self.when(start)})",
                )
            self.items.append(item)
            self.by_id[task.id] = item

    def may_be_empty(self, item: _Item) -> bool:
        if item.activity is not None:
            return any(m.minutes[0] == 0 for m in item.activity.modes)
        return item.heating  # a change of a few degrees takes no time

    def read_uses(self, item: _Item) -> None:
        kitchen = self.kitchen
        counts = {name: kitchen.appliances.count(name) for name in kitchen.appliances}
        for use in item.task.uses:
            rid = use.resource
            cook, oven, numbered = _COOK.match(rid), _OVEN.match(rid), _NUMBERED.match(rid)
            missing = ""
            if rid in counts:
                item.appliances.append((rid, None))
            elif cook:
                if 1 <= int(cook[1]) <= kitchen.cooks:
                    item.cooks.append(int(cook[1]))
                else:
                    missing = f"a cook {cook[1]} (the kitchen has {kitchen.cooks})"
            elif oven:
                if 1 <= int(oven[1]) <= len(kitchen.ovens):
                    item.ovens.append((int(oven[1]) - 1, use.fahrenheit))
                else:
                    missing = f"{rid} (the kitchen has {len(kitchen.ovens)} ovens)"
            elif rid == "burner":
                item.burners += 1
                if kitchen.burners <= 0:
                    missing = "a burner"
            elif rid == "refrigerator":
                item.fridge = True
                if not kitchen.fridge:
                    missing = "a refrigerator"
            elif (
                numbered and numbered[1] in counts and 1 <= int(numbered[2]) <= counts[numbered[1]]
            ):
                item.appliances.append((numbered[1], int(numbered[2])))
            else:
                missing = rid
            if missing:
                text = f"{self.name(item)} uses {missing}, which the kitchen does not have"
                self.add("missing-equipment", item.id, text)

    # --- window, presence, choices -----------------------------------------------------------

    def check_window(self) -> None:
        earliest = None
        if self.problem.earliest is not None:
            earliest = (self.problem.earliest - self.problem.serve_at).total_seconds() / 60
        for item in self.items:
            if earliest is not None and item.start < earliest:
                self.add(
                    "too-early",
                    item.id,
                    f"{self.name(item)} starts at {self.when(item.start)}, before the earliest "
                    f"time allowed ({self.when(int(earliest))})",
                )
            # a dish served later (a dessert) may be worked on until its own time
            limit = next(
                (s.at for s in self.problem.served if item.id.startswith(f"{s.key}/")),
                self.problem.top,
            )
            if item.end > limit:
                self.add(
                    "too-late",
                    item.id,
                    f"{self.name(item)} ends at {self.when(item.end)}, after serving "
                    f"({self.when(limit)})",
                )

    def check_presence(self) -> None:
        for activity in self.problem.activities:
            if not activity.optional and activity.id not in self.by_id:
                self.add(
                    "missing-task",
                    activity.id,
                    f"“{activity.text}” ({activity.dish}) is not in the plan",
                )
        for choice in self.problem.choices:
            sets = [set(option.activities) for option in choice.options]
            done = [i for i, s in enumerate(sets) if s and all(a in self.by_id for a in s)]
            done = [i for i in done if not any(sets[i] < sets[j] for j in done)]
            if not done:  # an option with nothing of its own is done when no other is
                done = [i for i, s in enumerate(sets) if not s][:1]
            if len(done) == 1:
                self.chosen[choice.id] = done[0]
            labels = [choice.options[i].label for i in done]
            if len(done) != 1:
                self.add(
                    "choice-several" if done else "choice-none",
                    None,
                    f"{choice.dish} is done in more than one way: " + "; ".join(labels)
                    if done
                    else f"none of the ways to do {choice.dish} is done in full: "
                    + "; ".join(o.label for o in choice.options),
                )
            for i, option in enumerate(choice.options):
                if i in done:
                    continue
                own = sets[i].difference(*(sets[j] for j in done))
                present = sorted(a for a in own if a in self.by_id)
                if present:
                    self.add(
                        "choice-mixed",
                        present[0],
                        f"{choice.dish}: {', '.join(present)} belong to “{option.label}”, "
                        f"which is not done in full",
                    )

    # --- modes and durations -----------------------------------------------------------------

    def check_modes(self) -> None:
        for item in self.items:
            activity = item.activity
            if activity is None:
                continue
            temps = {round(f) if f is not None else None for _, f in item.ovens}
            appliances = {name for name, _ in item.appliances}
            matching = [
                m
                for m in activity.modes
                if len(temps) <= 1
                and (m.oven.fahrenheit if m.oven else None) == next(iter(temps), None)
                and (m.oven is None) == (not temps)
                and m.burner == (item.burners > 0)
                and (m.appliance,) == (tuple(appliances) or (None,))
                and m.fridge == item.fridge
            ]
            took = item.end - item.start
            if not matching:
                self.add(
                    "no-mode",
                    item.id,
                    f"{self.name(item)} uses {_equipment(item) or 'nothing'}, which is no "
                    f"way of doing it",
                )
                continue
            fits = [m for m in matching if m.minutes[0] <= took <= m.minutes[1]]
            item.mode = (fits or matching)[0]
            if not fits:
                low, high = item.mode.minutes
                span = f"{low}" if low == high else f"{low}–{high}"
                self.add(
                    "duration",
                    item.id,
                    f"{self.name(item)} takes {took} minutes; it should take {span}",
                )

    # --- relations ---------------------------------------------------------------------------

    def check_relations(self) -> None:
        for rel in self.problem.after:
            before, after = self.by_id.get(rel.before), self.by_id.get(rel.after)
            if before is None or after is None:
                continue
            if rel.option is not None:  # kept only when that option is chosen
                choice, _, index = rel.option.rpartition("/")
                if self.chosen.get(choice) != int(index):
                    continue
            gap = after.start - before.end
            if gap < rel.min_gap or (rel.max_gap is not None and gap > rel.max_gap):
                limit = f"at least {rel.min_gap}" if gap < rel.min_gap else f"at most {rel.max_gap}"
                self.add(
                    "after",
                    after.id,
                    f"{self.name(after)} should start {limit} minutes after {self.name(before)} "
                    f"ends, but starts {_gap(gap)}" + (f" ({rel.why})" if rel.why else ""),
                )
        for inside in self.problem.within:
            outer, inner = self.by_id.get(inside.outer), self.by_id.get(inside.inner)
            if outer is None or inner is None:
                continue
            if inner.start < outer.end - inside.minutes or inner.end > outer.end:
                self.add(
                    "within",
                    inner.id,
                    f"{self.name(inner)} should happen in the last {inside.minutes} minutes of "
                    f"{self.name(outer)} ({self.when(outer.end - inside.minutes)}–"
                    f"{self.when(outer.end)}), not {self.when(inner.start)}–{self.when(inner.end)}",
                )
        for serve in self.problem.serve:
            item = self.by_id.get(serve.activity)
            if item is None:
                continue
            if serve.option is not None:  # kept only when that option is chosen
                choice, _, index = serve.option.rpartition("/")
                if self.chosen.get(choice) != int(index):
                    continue
            early = serve.max_before is not None and item.end < serve.at - serve.max_before
            if item.end > serve.at or early:
                when = f"more than {serve.max_before} minutes before" if early else "after"
                why = f" ({serve.why})" if serve.why else ""
                self.add(
                    "serve",
                    item.id,
                    f"{self.name(item)} is ready at {self.when(item.end)}, {when} serving{why}",
                )

        for safe in self.problem.out_of_fridge:
            first, heat = self.by_id.get(safe.first), self.by_id.get(safe.heat)
            if first is None or heat is None:
                continue
            cold = sum(item.end - item.start for f in safe.fridge if (item := self.by_id.get(f)))
            out = heat.start - first.start - cold
            if out > safe.minutes:
                self.add(
                    "out-of-fridge",
                    heat.id,
                    f"the raw {safe.food or 'meat'} is out of the refrigerator {out} minutes "
                    f"before {self.name(heat)} starts, more than {safe.minutes}",
                )

    # --- ovens -------------------------------------------------------------------------------

    def check_ovens(self) -> None:
        per_oven: dict[int, list[tuple[_Item, float]]] = defaultdict(list)
        for item in self.items:
            if item.heating and any(f is None for _, f in item.ovens):
                self.add("no-mode", item.id, f"{self.name(item)} names no oven temperature")
            for k, fahrenheit in item.ovens:
                if fahrenheit is not None:
                    per_oven[k].append((item, fahrenheit))
        for k, uses in sorted(per_oven.items()):
            oven = self.kitchen.ovens[k]
            label = f"oven-{k + 1}"
            uses.sort(key=lambda u: (u[0].start, u[0].end, u[0].id))
            active: list[tuple[_Item, float]] = []
            for item, fahrenheit in uses:
                active = [a for a in active if a[0].end > item.start]
                for other, other_f in active:
                    if round(other_f) != round(fahrenheit) and item.end > item.start:
                        self.add(
                            "oven-temperatures",
                            item.id,
                            f"{label} is at {round(other_f)}°F for {self.name(other)} and at "
                            f"{round(fahrenheit)}°F for {self.name(item)} "
                            f"at {self.when(item.start)}",
                        )
                active.append((item, fahrenheit))
            racks = {i.id: i.mode.oven.racks for i, _ in uses if i.mode and i.mode.oven}
            food = [(i.start, i.end, i.id, racks.get(i.id, 1)) for i, _ in uses if not i.heating]
            for start, _end, ids in _overloads(food, oven.racks):
                self.add(
                    "oven-racks",
                    ids[0],
                    f"{label} holds more than its {oven.racks} racks at {self.when(start)}: "
                    + ", ".join(ids),
                )
            self.check_heat(label, oven, uses)

    def check_heat(self, label: str, oven: Oven, uses: list[tuple[_Item, float]]) -> None:
        heats = sorted((u for u in uses if u[0].heating), key=lambda u: (u[0].end, u[0].start))
        for item, target in heats:
            before = [u for u in uses if u[0] is not item and u[0].end <= item.start]
            previous = max(before, key=lambda u: (u[0].end, u[0].start))[1] if before else None
            if item.task.kind == "oven-change" and previous is not None:
                need = oven.change_minutes(previous, target)
                what = f"from {round(previous)}°F to {round(target)}°F"
            else:
                need = oven.preheat_minutes(target)
                what = f"from cold to {round(target)}°F"
            if item.end - item.start < need:
                self.add(
                    "preheat-short",
                    item.id,
                    f"{label} takes {need} minutes {what}; the plan gives it "
                    f"{item.end - item.start}",
                )
        ends = [h[0].end for h in heats]
        for item, fahrenheit in uses:
            if item.heating:
                continue
            i = bisect.bisect_right(ends, item.start)
            ready = heats[i - 1][1] if i else None
            if (ready is None or round(ready) != round(fahrenheit)) and not _stays_in(
                item, fahrenheit, uses
            ):
                self.add(
                    "oven-cold",
                    item.id,
                    f"{self.name(item)} goes into {label} at {self.when(item.start)}, but the "
                    f"oven was not brought to {round(fahrenheit)}°F before"
                    + (f" (it was last set to {round(ready)}°F)" if ready is not None else ""),
                )

    # --- cooks and equipment -----------------------------------------------------------------

    def check_capacities(self) -> None:
        Spans = list[tuple[int, int, str, int]]  # noqa: N806
        hands: Spans = []
        per_cook: dict[int, list[tuple[int, int, _Item, int]]] = defaultdict(list)
        burners: Spans = []
        pools: dict[str, Spans] = defaultdict(list)
        units: dict[tuple[str, int], Spans] = defaultdict(list)
        for item in self.items:
            busy = item.hands()
            if busy is not None and busy[1] > busy[0]:
                if not item.cooks:
                    self.add("no-cook", item.id, f"no cook is given {self.name(item)}")
                share = item.activity.hands(self.kitchen.cooks) if item.activity else 1
                for cook in item.cooks:
                    hands.append((busy[0], busy[1], item.id, share))
                    per_cook[cook].append((busy[0], busy[1], item, share))
                self.check_night(item, busy)
            if item.burners:
                burners.append((item.start, item.end, item.id, item.burners))
            for name, unit in item.appliances:
                pools[name].append((item.start, item.end, item.id, 1))
                if unit is not None:
                    units[name, unit].append((item.start, item.end, item.id, 1))
        cooks, count = self.kitchen.cooks, self.kitchen.appliances.count
        limits: list[tuple[str, Spans, int, str]] = [
            ("cooks-capacity", hands, attention(cooks),
             f"more hands-on work than {cooks} cook(s) can do"),
            ("burners", burners, self.kitchen.burners, "more burners in use than there are"),
            *(("appliance", spans, count(name), f"the {name} is used twice")
              for name, spans in sorted(pools.items())),
            *(("appliance", spans, 1, f"{name}-{unit} is used twice")
              for (name, unit), spans in sorted(units.items())),
        ]  # fmt: skip
        for code, spans, capacity, what in limits:
            for start, _end, ids in _overloads(spans, capacity):
                self.add(code, ids[0], f"at {self.when(start)} {what}: " + ", ".join(ids))
        # A cook alone: work that needs them all the time takes two of their HANDS shares,
        # work done now and then one; of several cooks, each does one thing at a time.
        for cook, work in sorted(per_cook.items()):
            names = {item.id: item for _, _, item, _ in work}
            spans = [(start, end, item.id, share) for start, end, item, share in work]
            for start, _end, ids in _overloads(spans, attention(cooks) // cooks):
                self.add(
                    "cook-double",
                    ids[-1],
                    f"cook {cook} cannot do all of these at {self.when(start)}: "
                    + ", ".join(self.name(names[i]) for i in ids),
                )

    def check_night(self, item: _Item, busy: tuple[int, int]) -> None:
        night = self.kitchen.night
        if night is None or night[0] == night[1]:
            return
        serve = self.problem.serve_at
        start, end = serve + timedelta(minutes=busy[0]), serve + timedelta(minutes=busy[1])
        day = start.date() - timedelta(days=1)
        while day <= end.date():
            begin = datetime.combine(day, night[0], serve.tzinfo)
            finish = datetime.combine(
                day + timedelta(days=1) if night[1] < night[0] else day, night[1], serve.tzinfo
            )
            first, last = max(start, begin), min(end, finish)
            if first < last:
                self.add(
                    "night",
                    item.id,
                    f"{self.name(item)} needs the cook at {first:%H:%M}, in the night "
                    f"({night[0]:%H:%M}–{night[1]:%H:%M})",
                )
                return
            day += timedelta(days=1)

    def run(self) -> list[Violation]:
        if self.plan.serve_at != self.problem.serve_at:
            self.add(
                "serve-time",
                None,
                f"the plan serves at {self.plan.serve_at.isoformat()} but the meal is for "
                f"{self.problem.serve_at.isoformat()}",
            )
        if self.plan.status == "infeasible":
            if self.plan.tasks:
                self.add("infeasible-with-tasks", None, "the plan has no timeline but lists tasks")
            return self.found
        self.read_tasks()
        if self.plan.tasks:
            self.check_window()
        self.check_presence()
        self.check_modes()
        self.check_relations()
        self.check_ovens()
        self.check_capacities()
        return self.found


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _a(attention: str, kind: str) -> str:
    """An active step, a passive reheat."""
    return f"{'an' if attention == 'active' else 'a'} {attention} {kind}"


def _gap(minutes: int) -> str:
    if minutes < 0:
        return f"{-minutes} minutes before it ends"
    return "right away" if minutes == 0 else f"{minutes} minutes after"


def _equipment(item: _Item) -> str:
    parts = [
        f"oven-{k + 1} at {round(f)}°F" if f is not None else f"oven-{k + 1}" for k, f in item.ovens
    ]
    parts += ["a burner"] * min(item.burners, 1)
    parts += [name for name, _ in item.appliances]
    parts += ["the refrigerator"] if item.fridge else []
    return ", ".join(parts)


def _overloads(
    spans: Iterable[tuple[int, int, str, int]], capacity: int
) -> list[tuple[int, int, list[str]]]:
    """Stretches where the spans (start, end, id, weight) together weigh more than capacity,
    each with the ids in use during it (a sweep over the ends and starts, ends first)."""
    events: list[tuple[int, int, str, int]] = []
    for start, end, ident, weight in spans:
        if end > start and weight > 0:
            events.append((start, 1, ident, weight))
            events.append((end, 0, ident, weight))
    events.sort(key=lambda e: (e[0], e[1], e[2]))
    load = 0
    current: dict[str, int] = {}
    out: list[tuple[int, int, list[str]]] = []
    over_from: int | None = None
    over_ids: set[str] = set()
    for moment, is_start, ident, weight in events:
        if is_start:
            load += weight
            current[ident] = current.get(ident, 0) + weight
        else:
            load -= weight
            current[ident] -= weight
            if not current[ident]:
                del current[ident]
        if load > capacity:
            if over_from is None:
                over_from, over_ids = moment, set()
            over_ids.update(current)
        elif over_from is not None:
            out.append((over_from, moment, sorted(over_ids)))
            over_from = None
    return out


def check_plan(problem: Problem, plan: Plan) -> list[Violation]:
    """Every way ``plan`` breaks the rules of ``problem``; an empty list for a sound plan."""
    return _Checker(problem, plan).run()
