"""Scheduling the task graph with OR-Tools CP-SAT.

Time is whole minutes before serving (serving is 0). Each activity has a start, a duration in
the range of the mode chosen for it, and an end; each mode an optional interval on what it
occupies. The cook is a capacity (active work, and the first minutes of each passive step),
with the night blocked out; burners and appliances are capacities; each oven holds one
temperature at a time: two activities on one oven at different temperatures do not overlap,
and the second waits for the oven to heat or cool between them; at one temperature they share
it, as many as it has racks.

Objectives in stages, each solution hinting the next and each optimum kept as a constraint:

1. the fewest departures from the recipes (another temperature, the air fryer), then the
   fewest waits shorter than the article around a recipe says is best (marinating
   "overnight is better": across the night), as one weighted sum;
2. the shortest final stretch of hands-on work before serving (the cook's last session starts
   as late as possible; earlier work ends at least ``GAP`` minutes before it). Two redundant
   constraints give the solver its bound at once: the work of the final session fits the
   cooks' hands in it, and the break before it is an interval no cook works in;
3. the fewest oven temperatures, then the fewest minutes the ovens are on;
4. the fewest separate trips to the kitchen (sessions of hands-on work), for small meals.

A stage's variables are made only when it is reached.
The plan's status is ``optimal`` when every stage is proven, else ``feasible``.
"""

from __future__ import annotations

import math
import os
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ladle.errors import RequestError
from ladle.planning.bounds import critical_path
from ladle.planning.constraints import Group
from ladle.planning.problem import Activity, Mode, Problem, attention

__all__ = ["GAP", "Model", "Solution", "SolveOptions", "solve"]

GAP = 15  # minutes without hands-on work that separate two sessions
MAX_DAYS = 4  # days back from serving a plan may start, unless the recipes need longer
LONGEST_DAYS = 60  # and never more than this


MARGIN = 0.02  # of the time limit, at most 0.1 s, kept back: the solver overruns its own
TRIPS_UP_TO = 40  # hands-on tasks; beyond this the trips stage costs more than it gives


@dataclass(frozen=True, slots=True)
class SolveOptions:
    """How long to search, and with how many workers."""

    time_limit: float = 10.0
    # At least four: CP-SAT's portfolio then runs its core, no-LP and fixed-search workers
    # beside the default one, and on two cores finds first plans several times sooner than
    # with two workers (bench/plan.py).
    workers: int = max(4, os.cpu_count() or 1)
    stages: int = 4  # recipes, final stretch, ovens, trips


@dataclass(slots=True)
class Solution:
    """What the solver found: times in minutes before serving, the modes and ovens chosen."""

    status: str  # "optimal", "feasible", "infeasible" (proven), "unknown" (out of time)
    start: dict[str, int] = field(default_factory=dict)
    end: dict[str, int] = field(default_factory=dict)
    mode: dict[str, int] = field(default_factory=dict)
    oven: dict[str, int] = field(default_factory=dict)
    objective: dict[str, float] = field(default_factory=dict)
    bound: dict[str, float] = field(default_factory=dict)
    horizon: int = 0
    options: dict[str, int] = field(default_factory=dict)  # choice id -> option chosen
    seconds: dict[str, float] = field(default_factory=dict)  # stage (its first part) -> wall


def horizon_minutes(problem: Problem) -> int:
    """How far back from serving the plan may start: four days, or as long as the recipes'
    longest chain of steps and a day more (a 5-day brine), at most ``LONGEST_DAYS``; never
    before now."""
    path = critical_path(problem)
    if path > LONGEST_DAYS * 1440:
        raise RequestError(
            f"the recipes take at least {path / 1440:.0f} days from the first step to serving, "
            f"longer than the {LONGEST_DAYS} days ladle plans ahead",
            where="plan",
            hint="plan the long preparation (a cure, a ferment) on its own, and the meal "
            "from the day it is ready",
        )
    days = max(MAX_DAYS * 1440, path + 1440)
    if problem.earliest is None:
        return min(days, LONGEST_DAYS * 1440)
    minutes = math.floor((problem.serve_at - problem.earliest).total_seconds() / 60)
    if minutes <= 0:
        raise RequestError(
            f"the serving time {problem.serve_at:%Y-%m-%d %H:%M} is not in the future",
            where="--serve-at",
            hint='give a later time, "YYYY-MM-DD HH:MM"',
        )
    return min(minutes, days, LONGEST_DAYS * 1440)


def _night_blocks(problem: Problem, horizon: int) -> list[tuple[int, int]]:
    """The night hours as minute ranges before serving."""
    night = problem.kitchen.night
    if night is None:
        return []
    blocks = []
    serve = problem.serve_at
    day = (serve - timedelta(minutes=horizon)).date() - timedelta(days=1)
    while day <= serve.date():
        begin = datetime.combine(day, night[0], tzinfo=serve.tzinfo)
        finish = datetime.combine(
            day + timedelta(days=1 if night[1] <= night[0] else 0), night[1], tzinfo=serve.tzinfo
        )
        low = round((begin - serve).total_seconds() / 60)
        high = round((finish - serve).total_seconds() / 60)
        low, high = max(low, -horizon), min(high, problem.top)
        if low < high:
            blocks.append((low, high))
        day += timedelta(days=1)
    return blocks


class Model:
    """The CP-SAT model of one problem."""

    def __init__(
        self,
        problem: Problem,
        allowed: dict[str, list[int]] | None = None,
        *,
        groups: bool = False,
    ) -> None:
        from ortools.sat.python import cp_model  # noqa: PLC0415 - half a second to import

        self.cp = cp_model
        self.problem = problem
        self.model = cp_model.CpModel()
        self.horizon = horizon_minutes(problem)
        self.start: dict[str, Any] = {}
        self.end: dict[str, Any] = {}
        self.duration: dict[str, Any] = {}
        self.mode_lit: dict[tuple[str, int], Any] = {}
        self.oven_lit: dict[tuple[str, int, int], Any] = {}
        self.present: dict[str, Any] = {}  # optional activities: done or not
        self.option_lit: dict[str, Any] = {}  # "CHOICE/INDEX" -> chosen
        # (interval, start, end, presence literal or None when always done, least minutes)
        self.cook_intervals: list[tuple[Any, Any, Any, Any, int]] = []
        self.cook_demands: list[int] = []  # shares of a cook (of HANDS) each interval takes
        self.allowed = allowed or {}
        # With ``groups``, each kind of constraint is switched by a literal of its own, so an
        # infeasible problem can say which of them clash (see ``ladle.planning.explain``).
        self.grouped = groups
        self.groups: dict[Group, Any] = {}
        self._build()

    def group(self, kind: str, which: object = "") -> list[Any]:
        """The enforcement literal of a constraint group (none when groups are off); the
        kinds are the table of ``ladle.planning.constraints``."""
        if not self.grouped:
            return []
        key = Group(kind, str(which))
        if key not in self.groups:
            self.groups[key] = self.model.new_bool_var(f"group {key}")
        return [self.groups[key]]

    # --- variables ---------------------------------------------------------------------------

    def _build(self) -> None:
        model, horizon, kitchen = self.model, self.horizon, self.problem.kitchen
        top = self.problem.top
        burners: list[Any] = []
        appliances: dict[str, list[Any]] = defaultdict(list)
        racks: dict[int, list[tuple[Any, int]]] = defaultdict(list)
        for activity in self.problem.activities:
            a = activity.id
            low = min(m.minutes[0] for m in activity.modes)
            high = max(m.minutes[1] for m in activity.modes)
            start = model.new_int_var(-horizon, top, f"start {a}")
            duration = model.new_int_var(low, high, f"duration {a}")
            end = model.new_int_var(-horizon, top, f"end {a}")
            model.add(end == start + duration)
            self.start[a], self.end[a], self.duration[a] = start, end, duration
            literals = []
            for m, mode in enumerate(activity.modes):
                lit = model.new_bool_var(f"mode {a} {m}")
                self.mode_lit[a, m] = lit
                literals.append(lit)
                if a in self.allowed and m not in self.allowed[a]:
                    model.add(lit == 0).only_enforce_if(self.group("written", a))
                if not self._possible(mode):
                    model.add(lit == 0)
                model.add(duration >= mode.minutes[0]).only_enforce_if(lit)
                model.add(duration <= mode.minutes[1]).only_enforce_if(lit)
                interval = model.new_optional_interval_var(start, duration, end, lit, f"iv {a} {m}")
                if mode.burner:
                    burners.append(interval)
                if mode.appliance:
                    appliances[mode.appliance].append(interval)
                if mode.oven:
                    ovens = []
                    for k, oven in enumerate(kitchen.ovens):
                        q = model.new_bool_var(f"oven {a} {m} {k}")
                        self.oven_lit[a, m, k] = q
                        ovens.append(q)
                        iv = model.new_optional_interval_var(
                            start, duration, end, q, f"ov {a} {m} {k}"
                        )
                        racks[k].append((iv, mode.oven.racks))
                        # the first use of the day needs the oven preheated, after "now"
                        lead = oven.preheat_minutes(mode.oven.fahrenheit)
                        model.add(start >= -horizon + lead).only_enforce_if([q, *self.group("now")])
                    if ovens:
                        model.add(sum(ovens) == lit)
                    else:
                        model.add(lit == 0)
            if activity.optional:
                present = model.new_bool_var(f"done {a}")
                self.present[a] = present
                model.add(sum(literals) == present)
            else:
                model.add_exactly_one(literals)
            self._cook(activity, start, end)
        self._choices()
        intervals = [iv for iv, _, _, _, _ in self.cook_intervals]
        demands = list(self.cook_demands)
        for low, high in _night_blocks(self.problem, horizon):  # the night takes every cook
            night = self.group("night")
            if night:
                iv = model.new_optional_interval_var(low, high - low, high, night[0], "night")
            else:
                iv = model.new_interval_var(low, high - low, high, f"night {low}")
            intervals.append(iv)
            demands.append(attention(kitchen.cooks))
        model.add_cumulative(intervals, demands, attention(kitchen.cooks))
        if burners:
            model.add_cumulative(burners, [1] * len(burners), max(kitchen.burners, 0))
        for name, intervals in appliances.items():
            count = sum(1 for x in kitchen.appliances if x == name)
            model.add_cumulative(intervals, [1] * len(intervals), max(count, 0))
        for k, items in racks.items():
            model.add_cumulative(
                [iv for iv, _ in items], [r for _, r in items], kitchen.ovens[k].racks
            )
        self._oven_temperatures()
        self._relations()

    def _possible(self, mode: Mode) -> bool:
        kitchen = self.problem.kitchen
        if mode.oven and not kitchen.ovens:
            return False
        if mode.burner and kitchen.burners <= 0:
            return False
        return not (mode.appliance and not kitchen.has(mode.appliance))

    def _cook(self, activity: Activity, start: Any, end: Any) -> None:
        model, a = self.model, activity.id
        present = self.present.get(a)
        if activity.attention == "active":
            if present is None:
                iv = model.new_interval_var(start, self.duration[a], end, f"cook {a}")
            else:
                iv = model.new_optional_interval_var(
                    start, self.duration[a], end, present, f"cook {a}"
                )
            least = min(mode.minutes[0] for mode in activity.modes)
            self.cook_intervals.append((iv, start, end, present, least))
            self.cook_demands.append(activity.hands(self.problem.kitchen.cooks))
        elif activity.setup > 0:
            setup_end = model.new_int_var(-self.horizon, self.problem.top, f"setup end {a}")
            model.add(setup_end == start + activity.setup)
            if present is None:
                iv = model.new_interval_var(start, activity.setup, setup_end, f"setup {a}")
            else:
                iv = model.new_optional_interval_var(
                    start, activity.setup, setup_end, present, f"setup {a}"
                )
            self.cook_intervals.append((iv, start, setup_end, present, activity.setup))
            self.cook_demands.append(activity.hands(self.problem.kitchen.cooks))

    def _choices(self) -> None:
        """Exactly one option of each choice; an option's activities are done when it is.
        Planning exactly (``allowed`` given) keeps the recipe as written unless a choice is
        allowed by name (``"choice:ID"``)."""
        model = self.model
        for choice in self.problem.choices:
            lits = []
            for k, option in enumerate(choice.options):
                lit = model.new_bool_var(f"option {choice.id}/{k}")
                self.option_lit[f"{choice.id}/{k}"] = lit
                lits.append(lit)
                for a in option.activities:
                    if a in self.present:
                        model.add(self.present[a] == lit)
                if self.allowed and k not in self.allowed.get(f"choice:{choice.id}", [0]):
                    model.add(lit == 0).only_enforce_if(self.group("ahead", choice.id))
            model.add_exactly_one(lits)

    def _when(self, *activities: str, option: str | None = None) -> list[Any]:
        """The literals under which a relation between ``activities`` holds."""
        lits = [self.present[a] for a in activities if a in self.present]
        if option is not None and option in self.option_lit:
            lits.append(self.option_lit[option])
        return lits

    def _oven_temperatures(self) -> None:
        """One temperature per oven at a time, with time to heat or cool between two."""
        model, kitchen = self.model, self.problem.kitchen
        uses: dict[int, list[tuple[str, int, int]]] = defaultdict(list)  # oven -> (a, mode, °F)
        for a, m, k in self.oven_lit:
            mode = self.problem.by_id()[a].modes[m]
            assert mode.oven is not None
            uses[k].append((a, m, mode.oven.fahrenheit))
        # "Turn the oven up to 450°F and roast 30 minutes more": the food stays in while the
        # oven heats, so a dish's next oven step follows its last at once, with no wait for
        # the oven (the plan's temperature change starts with it).
        by_id = self.problem.by_id()
        continued = {
            (rel.before, rel.after)
            for rel in self.problem.after
            if rel.max_gap is not None
            and rel.max_gap <= 5
            and by_id[rel.before].dish == by_id[rel.after].dish
        }
        for k, items in uses.items():
            oven = kitchen.ovens[k]
            by_activity: dict[str, list[tuple[int, int]]] = defaultdict(list)
            for a, m, f in items:
                by_activity[a].append((m, f))
            names = sorted(by_activity)
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    pairs = [
                        (m, f, n, g) for m, f in by_activity[a] for n, g in by_activity[b] if f != g
                    ]
                    if not pairs:
                        continue
                    first = model.new_bool_var(f"{a} before {b} on {k}")
                    for m, f, n, g in pairs:
                        both = [self.oven_lit[a, m, k], self.oven_lit[b, n, k]]
                        a_to_b = oven.change_minutes(f, g)
                        b_to_a = oven.change_minutes(g, f)
                        rule = self.group("oven", k)
                        # the food that stays in goes straight on: the change starts with it
                        a_b = self.start[b] == self.end[a] if (a, b) in continued else None
                        b_a = self.start[a] == self.end[b] if (b, a) in continued else None
                        model.add(
                            a_b if a_b is not None else self.start[b] >= self.end[a] + a_to_b
                        ).only_enforce_if([*both, first, *rule])
                        model.add(
                            b_a if b_a is not None else self.start[a] >= self.end[b] + b_to_a
                        ).only_enforce_if([*both, first.negated(), *rule])

    def _relations(self) -> None:
        model = self.model
        for i, rel in enumerate(self.problem.after):
            when = self._when(rel.before, rel.after, option=rel.option)
            model.add(self.start[rel.after] >= self.end[rel.before] + rel.min_gap).only_enforce_if(
                when
            )
            if rel.max_gap is not None:
                model.add(
                    self.start[rel.after] <= self.end[rel.before] + rel.max_gap
                ).only_enforce_if([*when, *self.group("wait", i)])
        for within in self.problem.within:
            when = self._when(within.outer, within.inner)
            model.add(
                self.start[within.inner] >= self.end[within.outer] - within.minutes
            ).only_enforce_if(when)
            model.add(self.end[within.inner] <= self.end[within.outer]).only_enforce_if(when)
        for i, serve in enumerate(self.problem.serve):
            when = self._when(serve.activity, option=serve.option)
            model.add(self.end[serve.activity] <= serve.at).only_enforce_if(when)
            if serve.max_before is not None:
                hot = [] if serve.plated else self.group("serve", i)
                model.add(self.end[serve.activity] >= serve.at - serve.max_before).only_enforce_if(
                    [*when, *hot]
                )
        for i, safe in enumerate(self.problem.out_of_fridge):
            # raw meat out of the refrigerator: from its first handling to its cooking, less
            # the time it spends back in the refrigerator in between
            when = self._when(safe.first, safe.heat, *safe.fridge)
            cold = sum(self.duration[f] for f in safe.fridge)
            model.add(
                self.start[safe.heat] - self.start[safe.first] - cold <= safe.minutes
            ).only_enforce_if([*when, *self.group("raw", i)])
        courses: dict[int, list[Any]] = defaultdict(list)
        for s in self.problem.serve:
            if s.activity not in self.present and s.plated:
                courses[s.at].append(self.end[s.activity])
        for at, served in sorted(courses.items()):
            # each course is on the table at its time: its last dish arrives then
            last = model.new_int_var(-self.horizon, self.problem.top, f"last dish served {at}")
            model.add_max_equality(last, served)
            model.add(last == at)

    # --- objectives --------------------------------------------------------------------------

    def deviations(self) -> _Part:
        """Departures from the recipes: another way of a step counts 1, making a dish ahead
        and reheating it 2 (it changes the day more)."""
        other_ways = [lit for (a, m), lit in self.mode_lit.items() if m > 0]
        ahead = [lit for key, lit in self.option_lit.items() if not key.endswith("/0")]
        most = len(other_ways) + 2 * len(ahead)
        return _Part("deviations", sum(other_ways) + 2 * sum(ahead), most)

    def missed_ideals(self) -> _Part:
        """Waits shorter than the article says is best; an overnight wait that misses the
        night counts too."""
        model = self.model
        nights = _night_blocks(self.problem, self.horizon)
        missed = []
        for activity in self.problem.activities:
            if activity.ideal is None:
                continue
            a = activity.id
            met = model.new_bool_var(f"ideal {a}")
            model.add(self.duration[a] >= activity.ideal).only_enforce_if(met)
            if activity.overnight and nights:
                spans = []
                for low, high in nights:
                    across = model.new_bool_var(f"overnight {a} {low}")
                    model.add(self.start[a] <= low).only_enforce_if(across)
                    model.add(self.end[a] >= high).only_enforce_if(across)
                    spans.append(across)
                model.add_bool_or(spans).only_enforce_if(met)
            missed.append(met.negated())
        return _Part("missed_ideals", sum(missed), len(missed))

    def final_stretch(self) -> _Part:
        model, horizon = self.model, self.horizon
        top = self.problem.top
        session = model.new_int_var(-horizon, top, "final session starts")
        stretch = model.new_int_var(0, horizon + top, "final stretch")
        model.add(stretch == top - session)
        work = []
        for (_iv, start, end, present, least), share in zip(
            self.cook_intervals, self.cook_demands, strict=True
        ):
            late = model.new_bool_var("in the final session")
            model.add(start >= session).only_enforce_if(late)
            early = [late.negated()] if present is None else [late.negated(), present]
            model.add(end <= session - GAP).only_enforce_if(early)
            if least > 0:
                if present is not None:  # work not done takes no time
                    model.add_implication(late, present)
                work.append(least * share * late)
        # Redundant, for the bound: the work of the final session fits the cooks' hands in it,
        # and nobody works in the break before it.
        cooks = self.problem.kitchen.cooks
        if work:
            model.add(sum(work) <= attention(cooks) * stretch)
        # Search the latest start of the final session first: the bound is often the answer.
        model.add_decision_strategy([session], self.cp.CHOOSE_FIRST, self.cp.SELECT_MAX_VALUE)
        pause = model.new_interval_var(session - GAP, GAP, session, "the break before")
        hands = [iv for iv, _, _, _, _ in self.cook_intervals]
        model.add_cumulative(
            [*hands, pause], [*self.cook_demands, attention(cooks)], attention(cooks)
        )
        return _Part("final_stretch_minutes", stretch, horizon)

    def oven_cost(self) -> list[_Part]:
        model, horizon = self.model, self.horizon
        changes_terms = []
        changes_most = 0
        on_terms = []
        for k, _oven in enumerate(self.problem.kitchen.ovens):
            lits = [(a, m, q) for (a, m, kk), q in self.oven_lit.items() if kk == k]
            if not lits:
                continue
            by_temp: dict[int, list[Any]] = defaultdict(list)
            for a, m, q in lits:
                mode = self.problem.by_id()[a].modes[m]
                assert mode.oven is not None
                by_temp[mode.oven.fahrenheit].append(q)
            used = model.new_bool_var(f"oven {k} used")
            model.add_max_equality(used, [q for _, _, q in lits])
            temps = []
            for f, qs in by_temp.items():
                t = model.new_bool_var(f"oven {k} at {f}")
                model.add_max_equality(t, qs)
                temps.append(t)
            changes = model.new_int_var(0, len(temps), f"oven {k} changes")
            model.add(changes == sum(temps) - used)
            changes_terms.append(changes)
            changes_most += len(temps)
            first = model.new_int_var(-horizon, self.problem.top, f"oven {k} on")
            last = model.new_int_var(-horizon, self.problem.top, f"oven {k} off")
            for a, _m, q in lits:
                model.add(first <= self.start[a]).only_enforce_if(q)
                model.add(last >= self.end[a]).only_enforce_if(q)
            on = model.new_int_var(0, horizon + self.problem.top, f"oven {k} minutes")
            model.add(on >= last - first)
            on_terms.append(on)
        return [
            _Part("oven_changes", sum(changes_terms), changes_most),
            _Part("oven_minutes", sum(on_terms), horizon * len(on_terms)),
        ]

    def compact(self) -> _Part:
        """The tie-break that makes the plan one plan: every task as late as it may go (the
        later in the problem's order, the more it counts, so that no two orders of equal
        tasks tie), no wait longer than it must be, the first oven before the second."""
        top = self.problem.top
        terms = []
        for i, a in enumerate(sorted(self.start)):
            terms.append((len(self.start) + i) * (top - self.start[a]))
            terms.append(self.duration[a])
        terms += [k * q for (_a, _m, k), q in sorted(self.oven_lit.items()) if k]
        most = (self.horizon + top) * len(self.start) * (2 * len(self.start) + 1)
        return _Part("compact", sum(terms), most)

    def trips(self) -> _Part:
        """Sessions of hands-on work: a cook interval starts one unless another ends shortly
        before it (or is still going)."""
        model = self.model
        cooks = [(s, e, p) for _, s, e, p, _ in self.cook_intervals]
        starts = []
        for i, (s_i, _e_i, p_i) in enumerate(cooks):
            links = []
            for j, (s_j, e_j, p_j) in enumerate(cooks):
                if i == j:
                    continue
                link = model.new_bool_var(f"trip {i} after {j}")
                model.add(s_j <= s_i).only_enforce_if(link)
                model.add(e_j >= s_i - GAP).only_enforce_if(link)
                if p_j is not None:
                    model.add_implication(link, p_j)  # only a task that is done leads
                if j > i:
                    model.add(s_j < s_i).only_enforce_if(link)  # ties: the earlier index leads
                links.append(link)
            new = model.new_bool_var(f"trip {i} starts a session")
            model.add_bool_or([*links, new, *([p_i.negated()] if p_i is not None else [])])
            starts.append(new)
        return _Part("trips", sum(starts), len(starts))


@dataclass(frozen=True, slots=True)
class _Part:
    """One thing to minimise: its name in the plan's objective, and its largest value."""

    name: str
    expression: Any
    most: int


def _values(solver: Any, m: Model) -> Solution:
    solution = Solution(status="feasible", horizon=m.horizon)
    for key, lit in m.option_lit.items():
        if solver.boolean_value(lit):
            choice, _, index = key.rpartition("/")
            solution.options[choice] = int(index)
    for a in m.start:
        if a in m.present and not solver.boolean_value(m.present[a]):
            continue  # not done: its option was not chosen
        solution.start[a] = int(solver.value(m.start[a]))
        solution.end[a] = int(solver.value(m.end[a]))
    for (a, i), lit in m.mode_lit.items():
        if solver.boolean_value(lit):
            solution.mode[a] = i
    for (a, _m, k), lit in m.oven_lit.items():
        if solver.boolean_value(lit):
            solution.oven[a] = k
    return solution


def _hint(m: Model, solution: Solution) -> None:
    model = m.model
    model.clear_hints()  # type: ignore[no-untyped-call]
    for a, value in solution.start.items():
        model.add_hint(m.start[a], value)
        model.add_hint(m.end[a], solution.end[a])
    for key, lit in m.option_lit.items():
        choice, _, index = key.rpartition("/")
        model.add_hint(lit, 1 if solution.options.get(choice) == int(index) else 0)
    for (a, i), lit in m.mode_lit.items():
        model.add_hint(lit, 1 if solution.mode.get(a) == i else 0)


def solve(
    problem: Problem,
    options: SolveOptions | None = None,
    allowed: dict[str, list[int]] | None = None,
) -> Solution:
    """Schedule the problem; ``status`` "infeasible" when no timeline exists."""
    options = options or SolveOptions()
    until = time.perf_counter() + options.time_limit - min(0.1, MARGIN * options.time_limit)
    m = Model(problem, allowed)
    cp = m.cp
    solver = cp.CpSolver()
    solver.parameters.num_workers = options.workers
    solver.parameters.interleave_search = False
    # Each stage's variables are made when it is reached: the constraints of a later stage
    # only slow an earlier one down. A stage of several parts minimises them in turn, as one
    # weighted sum (each weight above the largest value of the parts after it).
    stages: list[Callable[[], list[_Part]]] = [
        lambda: [m.deviations(), m.missed_ideals()],
        lambda: [m.final_stretch()],
        m.oven_cost,
    ]
    if len(m.cook_intervals) <= TRIPS_UP_TO:
        stages.append(lambda: [m.trips()])  # a variable per pair of hands-on tasks
    stages = stages[: options.stages]
    best: Solution | None = None
    proven = True
    objective: dict[str, float] = {}
    bound: dict[str, float] = {}
    seconds: dict[str, float] = {}
    done = 0
    for index, make in enumerate(stages):
        parts = make()
        weights = [1] * len(parts)
        for i in range(len(parts) - 2, -1, -1):
            weights[i] = weights[i + 1] * (parts[i + 1].most + 1)
        expression = sum(w * p.expression for w, p in zip(weights, parts, strict=True))
        remaining = len(stages) - index
        # The first stage may take most of the time: without a first timeline there is no
        # plan at all; the later ones only polish it.
        share = 0.6 if best is None else 1 / remaining
        left = until - time.perf_counter()
        solver.parameters.max_time_in_seconds = max(0.05, left * share)
        m.model.minimize(expression)
        status = solver.solve(m.model)
        seconds[parts[0].name] = solver.wall_time
        left = until - time.perf_counter()
        if status == cp.UNKNOWN and best is None and left > 0.05:
            solver.parameters.max_time_in_seconds = left  # the rest of the time, once more
            status = solver.solve(m.model)
            seconds[parts[0].name] += solver.wall_time
        if status not in (cp.OPTIMAL, cp.FEASIBLE):
            if best is None:  # proven impossible, or nothing found in the time allowed
                verdict = "infeasible" if status == cp.INFEASIBLE else "unknown"
                return Solution(status=verdict, horizon=m.horizon)
            break
        optimal = status == cp.OPTIMAL
        proven = proven and optimal
        for i, part in enumerate(parts):
            objective[part.name] = solver.value(part.expression)
            # the bound of the sum bounds its first part; the others are proven with it
            if optimal:
                bound[part.name] = objective[part.name]
            elif i == 0:
                bound[part.name] = math.floor(solver.best_objective_bound / weights[0])
        best = _values(solver, m)
        done = index + 1
        m.model.add(expression <= round(solver.objective_value))
        _hint(m, best)
        if until - time.perf_counter() <= 0.05:
            break
    assert best is not None
    best.status = "optimal" if proven and done == len(stages) else "feasible"
    left = until - time.perf_counter()
    if done == len(stages) and left > CANONICAL_SHARE * options.time_limit:
        best = _canonical(m, best, until)
    best.objective, best.bound, best.seconds = objective, bound, seconds
    return best


CANONICAL_SECONDS = 1.0  # deterministic seconds at most for the tie-break
CANONICAL_SHARE = 0.15  # of the time limit, left at least, to look for the one plan
CANONICAL_OBJECTIVE_UP_TO = 80  # activities: beyond, the tie-break as an objective is too slow


def _canonical(m: Model, best: Solution, until: float) -> Solution:
    """One plan for one problem. Several workers find the optimum by racing, so two runs may
    end on two plans as good as each other; with every objective held at its value, a search
    on one worker in a fixed order (the ways as written first, then each task, from the
    last, as late as it can go) picks one of them, the same on any run and machine. The plan
    found so far when that takes too long."""
    cp, model = m.cp, m.model
    model.clear_objective()  # type: ignore[no-untyped-call]
    model.clear_hints()  # type: ignore[no-untyped-call]
    modes = [m.mode_lit[key] for key in sorted(m.mode_lit)]
    ovens = [m.oven_lit[key] for key in sorted(m.oven_lit)]
    options = [m.option_lit[key] for key in sorted(m.option_lit)]
    starts = [m.start[a.id] for a in reversed(m.problem.activities)]
    durations = [m.duration[a.id] for a in reversed(m.problem.activities)]
    model.add_decision_strategy(options, cp.CHOOSE_FIRST, cp.SELECT_MAX_VALUE)
    model.add_decision_strategy(modes, cp.CHOOSE_FIRST, cp.SELECT_MAX_VALUE)
    model.add_decision_strategy(ovens, cp.CHOOSE_FIRST, cp.SELECT_MAX_VALUE)
    model.add_decision_strategy(starts, cp.CHOOSE_FIRST, cp.SELECT_MAX_VALUE)
    model.add_decision_strategy(durations, cp.CHOOSE_FIRST, cp.SELECT_MIN_VALUE)
    solver = cp.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.search_branching = cp.FIXED_SEARCH
    solver.parameters.max_deterministic_time = CANONICAL_SECONDS
    solver.parameters.max_time_in_seconds = max(0.05, until - time.perf_counter())
    status = solver.solve(model)
    if status not in (cp.OPTIMAL, cp.FEASIBLE):
        if len(m.problem.activities) > CANONICAL_OBJECTIVE_UP_TO:
            return best
        # The fixed order ran into a dead end: the tie-break as an objective instead, on one
        # worker and with no hint, still the same on every run.
        model.clear_objective()  # type: ignore[no-untyped-call]
        model.minimize(m.compact().expression)
        solver = cp.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_deterministic_time = 2 * CANONICAL_SECONDS
        solver.parameters.max_time_in_seconds = max(0.05, until - time.perf_counter())
        status = solver.solve(model)
        if status not in (cp.OPTIMAL, cp.FEASIBLE):
            return best
    found = _values(solver, m)
    found.status = best.status
    return found
