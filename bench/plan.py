"""Meal planner: ladle's CP-SAT planner beside a greedy backwards list scheduler.

Run: ``uv run --no-sync python bench/plan.py [--sizes 5,10,20,40] [--instances K] [--seed S]
[--time-limit SECONDS] [--restarts R] [--json]`` (defaults: sizes 5, 10, 20, 40; 5 instances a
size; seed 1; 10 s a solve; 20 greedy restarts). Progress goes to stderr, a Markdown table to
stdout (``--json``: the figures, instance by instance, as JSON).

- *Instances*: seeded synthetic meals of n dishes, served tomorrow 19:00, nothing before today
  12:00, cooks not working 23:00–07:00. Each dish is a chain of 4–8 steps (``After(prev, next,
  0, gap)``, gap 5 minutes after a passive step or between two heat steps, else open): active
  prep (5–15 min), oven roasts and bakes (20–150 min at 325–450°F, passive, also allowed ±25°F
  with the time scaled 10% per 25°F, vegetables also in the air fryer, as
  ``ladle.planning.tasks`` offers them), stovetop steps (burner, active or passive, 5–30 min),
  a marinade or chill in the fridge (passive, 30 min up to a day), a rest (5–15 min) after
  roasting; passive steps take 1–2 minutes of hands to start. The last step plates the dish
  (``Serve`` with the window one cook needs to plate the dishes one after another, as
  ``build_problem`` computes it), and the dish's last heat step ends at most 10 minutes before
  the plating starts (a dish chilled after cooking, or a salad, has no such edge). Dishes are
  drawn as roasts, braises, roast vegetables, bakes, stovetop dishes and salads; a big meal is
  mostly cold: at most 5 dishes come hot from the oven and 4 from the stove, further ones
  become salads or bakes served chilled. Kitchen: two ovens of 3 racks, 4 burners, an air
  fryer, ceil(n/8) cooks.
- *CP-SAT*: ``ladle.planning.solver.solve`` with ``SolveOptions(time_limit)`` (its default
  workers: as many as the cores, at least 4; ``--workers`` to change), every stage of its
  objective; the plan (``to_plan``) goes through the independent checker
  ``check_plan``, which must find nothing. When ``solve`` says "infeasible", the bare model is
  solved again for the real verdict (infeasible, or unknown when time ran out) and ``explain``
  is timed.
- *Greedy*: a list scheduler written here, sharing no code with the solver. From serving
  backwards, activities in reverse topological order (the latest allowed end first, ties
  broken at random), each in its first mode (the recipe as written), ends as late as its
  successors allow, at the latest minute where the cooks (and the night), burners, air fryer,
  oven racks and oven temperature (one per oven at a time, with the oven's heating or cooling
  time between two) are free. What must closely precede something placed goes first (a dish's
  last steps together). When nothing fits before a successor must start, a passive successor
  is stretched (a marinade lasts longer), else the placed chain of steps that must follow
  closely is moved earlier as a block (up to 4 hours, within the serving window), else the
  activity goes where it fits and the gap is broken. 20 restarts, all but the first with
  latest ends within 10 minutes counted as ties; the best (fewest gaps broken, then shortest
  final stretch) becomes a plan through ``to_plan``, checked by ``check_plan`` like CP-SAT's.
- *Final stretch*: the solver's measure: the minutes from the start of the cook's last session
  of hands-on work (no break of ``GAP`` = 15 minutes in it) to serving, computed here from
  the times of either schedule.
- *Built-in example*: ``ladle.plan`` of the seed dinner (honey-mustard pork belly), first call
  (OR-Tools import included) and median of 5 after it; the article's method with the recipe's
  own temperatures (``exact=True``), which no oven can do: verdict and explanation, median of 5.

Times are wall clock on this machine (2 cores).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ladle.planning.check import check_plan
from ladle.planning.explain import explain
from ladle.planning.kitchen import Kitchen, Oven
from ladle.planning.problem import Activity, After, Mode, OvenUse, Problem, Serve
from ladle.planning.solver import GAP, Solution, SolveOptions, solve
from ladle.planning.tasks import serving_window
from ladle.planning.timeline import to_plan

SERVE_AT = datetime(2026, 11, 26, 19, 0)
NOW = datetime(2026, 11, 25, 12, 0)
WORKERS = SolveOptions().workers
STEP_F = 25
HOT_BEFORE = 10
JITTER = 10  # minutes: greedy restarts after the first treat latest ends this close as ties
SHIFT_MAX = 240  # minutes the greedy may move a tight chain earlier to make room
NO_OVEN = -1  # the greedy's answer for an activity that fits and needs no oven
PROMPT = 5
# Goals: dishes -> (seconds, what must hold).
GOALS: dict[int, tuple[float, str]] = {
    10: (0.3, "proven optimal in under 0.3 s"),
    20: (1.0, "optimal or within 5 min of the bound in under 1 s (p95)"),
    40: (5.0, "a plan in under 5 s"),
}
EXPLAIN_GOAL = 1.0


# --- the generator -----------------------------------------------------------------------------


def _span(minutes: tuple[int, int]) -> str:
    low, high = minutes
    return f"{low} minutes" if low == high else f"{low}–{high} minutes"


def _scaled(minutes: tuple[int, int], written: int, used: int) -> tuple[int, int]:
    """10% less time per 25°F hotter, 10% more per 25°F cooler (as the task builder does)."""
    factor = 1 - 0.1 * (used - written) / STEP_F
    return max(1, int(minutes[0] * factor)), max(1, round(minutes[1] * factor + 0.49))


def _oven_modes(dish: str, fahrenheit: int, minutes: tuple[int, int], air: bool) -> list[Mode]:
    modes = [Mode(minutes, oven=OvenUse(fahrenheit))]
    for used in (fahrenheit - STEP_F, fahrenheit + STEP_F):
        scaled = _scaled(minutes, fahrenheit, used)
        modes.append(
            Mode(
                scaled,
                oven=OvenUse(used),
                deviation=f"{dish}: {used}°F for {_span(scaled)} instead of {fahrenheit}°F "
                f"for {_span(minutes)}",
            )
        )
    if air:
        fried = (max(1, round(minutes[0] * 0.8)), max(1, round(minutes[1] * 0.8)))
        modes.append(
            Mode(
                fried,
                appliance="air fryer",
                deviation=f"{dish}: in the air fryer at {fahrenheit - STEP_F}°F for "
                f"{_span(fried)} instead of the oven",
            )
        )
    return modes


@dataclass(slots=True)
class _Dish:
    """One dish being written: its chain of steps, and what its last heat step is."""

    rng: random.Random
    index: int
    name: str
    steps: list[Activity] = field(default_factory=list)
    heat: str | None = None  # the last step on the heat (oven, burner, air fryer)
    cold: bool = False  # chilled after cooking, or never cooked: no hot edge

    def add(self, text: str, modes: list[Mode], passive: bool = False) -> None:
        ident = f"d{self.index:02d}/{len(self.steps) + 1}"
        setup = self.rng.randint(1, 2) if passive else 0
        activity = Activity(
            ident,
            self.name,
            f"Recipe {self.index}",
            len(self.steps) + 1,
            text,
            modes,
            "passive" if passive else "active",
            setup=setup,
        )
        self.steps.append(activity)
        mode = modes[0]
        if mode.oven or mode.burner or mode.appliance:
            self.heat = ident
            self.cold = False
        if mode.fridge and self.heat is not None:
            self.cold = True

    def prep(self, text: str = "Chop, peel and measure") -> None:
        minutes = self.rng.randint(5, 15)
        self.add(text, [Mode((minutes, minutes))])

    def oven(self, text: str, low: int, high: int, temps: Sequence[int], air: bool) -> None:
        minutes = self.rng.randrange(low, high + 1, 5)
        top = minutes + self.rng.choice((0, 5, 10))
        fahrenheit = self.rng.choice(temps)
        self.add(
            f"{text} at {fahrenheit}°F",
            _oven_modes(self.name, fahrenheit, (minutes, top), air),
            True,
        )

    def burner(self, text: str, passive: bool) -> None:
        minutes = self.rng.randint(5, 30 if passive else 15)
        top = minutes + (5 if passive else 0)
        self.add(text, [Mode((minutes, top), burner=True)], passive)

    def fridge(self, text: str, lows: Sequence[int]) -> None:
        self.add(text, [Mode((self.rng.choice(lows), 1440), fridge=True)], True)

    def rest(self) -> None:
        self.add("Rest under foil", [Mode((self.rng.randint(5, 10), 15))], True)


def _roast(d: _Dish) -> None:
    d.prep("Trim and season")
    if d.rng.random() < 0.4:
        d.prep("Coat in the marinade")
        d.fridge("Marinate in the fridge", (30, 60, 120, 240, 480))
    if d.rng.random() < 0.3:
        d.burner("Sear all over", passive=False)
    d.oven("Roast", 45, 120, (350, 375, 400, 425), air=False)
    if d.rng.random() < 0.25:
        d.oven("Turn the oven up and roast on", 15, 25, (425, 450), air=False)
    d.rest()


def _braise(d: _Dish) -> None:
    d.prep("Cut into pieces")
    d.burner("Brown in the pot", passive=False)
    d.oven("Braise, covered,", 90, 150, (325, 350), air=False)
    if d.rng.random() < 0.5:
        d.rest()


def _vegetables(d: _Dish) -> None:
    d.prep("Cut into wedges")
    if d.rng.random() < 0.5:
        d.prep("Toss with oil and salt")
    d.oven("Roast", 20, 45, (400, 425, 450), air=d.rng.random() < 0.6)


def _bake(d: _Dish) -> None:
    d.prep("Make the batter")
    d.prep("Line the tin")
    d.oven("Bake", 20, 60, (325, 350, 375, 400), air=False)
    if d.rng.random() < 0.5:
        d.fridge("Chill", (60, 120, 240))
    else:
        d.rest()


def _chilled(d: _Dish) -> None:
    d.prep("Make the batter")
    d.prep("Line the tin")
    d.oven("Bake", 20, 60, (325, 350, 375, 400), air=False)
    d.fridge("Chill", (60, 120, 240))


def _stove(d: _Dish) -> None:
    d.prep("Slice the onions")
    if d.rng.random() < 0.5:
        d.prep("Mince the garlic")
    d.burner("Sauté", passive=False)
    d.burner("Simmer", passive=True)


def _salad(d: _Dish) -> None:
    d.prep("Wash and dry the leaves")
    d.prep("Make the dressing")
    if d.rng.random() < 0.5:
        d.fridge("Chill", (30, 60, 120))


KINDS: dict[str, tuple[float, Callable[[_Dish], None]]] = {
    "roast": (0.2, _roast),
    "braise": (0.1, _braise),
    "vegetables": (0.2, _vegetables),
    "bake": (0.15, _bake),
    "stove": (0.2, _stove),
    "salad": (0.15, _salad),
    "chilled": (0.0, _chilled),  # only instead of a hot dish the kitchen has no room for
}
OVEN_KINDS = frozenset({"roast", "braise", "vegetables", "bake"})
HOT_CAP = {"oven": 5, "stove": 4}  # 2 ovens of 3 racks (one spare), 4 burners


def _is_heat(activity: Activity) -> bool:
    mode = activity.modes[0]
    return bool(mode.oven or mode.burner or mode.appliance)


def generate(dishes: int, rng: random.Random) -> Problem:
    """A meal of ``dishes`` dishes (see the module docstring)."""
    kitchen = Kitchen(
        ovens=(Oven(name="oven 1", racks=3), Oven(name="oven 2", racks=3)),
        burners=4,
        appliances=("air fryer",),
        cooks=math.ceil(dishes / 8),
    )
    problem = Problem(serve_at=SERVE_AT, kitchen=kitchen, earliest=NOW)
    kinds = list(KINDS)
    weights = [KINDS[k][0] for k in kinds]
    serving: list[str] = []
    plating: list[int] = []
    hot: dict[str, int] = defaultdict(int)
    for index in range(1, dishes + 1):
        kind = rng.choices(kinds, weights)[0]
        # a big meal is mostly cold: no more dishes hot from the oven or the stove at serving
        # than the equipment holds; the others are salads and bakes served chilled
        place = "oven" if kind in OVEN_KINDS else "stove" if kind == "stove" else None
        if place is not None and hot[place] >= HOT_CAP[place]:
            kind = rng.choice(("salad", "chilled"))
        elif place is not None:
            hot[place] += 1
        dish = _Dish(rng, index, f"{kind} {index}")
        KINDS[kind][1](dish)
        core = dish.steps
        dish.steps = []
        for _ in range(max(0, rng.randint(4, 8) - len(core) - 1)):  # padding prep in front
            dish.prep("Get the things out and weigh them")
        for activity in core:
            dish.steps.append(activity)
        for number, activity in enumerate(dish.steps, start=1):  # renumber after the padding
            activity.id, activity.step = f"d{index:02d}/{number}", number
        minutes = rng.randint(3, 6)
        heat = next((a.id for a in reversed(dish.steps) if _is_heat(a)), None)
        dish.add("Plate and serve", [Mode((minutes, minutes))])
        chain = dish.steps
        for before, after in pairwise(chain):
            prompt = before.attention == "passive" or (_is_heat(before) and _is_heat(after))
            gap = PROMPT if prompt else None
            if after is chain[-1] and before.id == heat and not dish.cold:
                gap = min(gap or HOT_BEFORE, HOT_BEFORE)
            problem.after.append(After(before.id, after.id, 0, gap, "the step before"))
        if heat is not None and not dish.cold and heat != chain[-2].id:
            problem.after.append(
                After(heat, chain[-1].id, 0, HOT_BEFORE, f"{dish.name} comes to the table hot")
            )
        problem.activities += chain
        serving.append(chain[-1].id)
        plating.append(minutes)
    window = serving_window(plating, problem.kitchen.cooks)  # as build_problem sets it
    problem.serve = [Serve(a, window, "the meal is served") for a in serving]
    return problem


# --- the greedy backwards list scheduler -------------------------------------------------------


def _nights(problem: Problem, horizon: int) -> list[tuple[int, int]]:
    """The cooks' night hours as minute ranges before serving (own code, not the solver's)."""
    night = problem.kitchen.night
    if night is None:
        return []
    serve = problem.serve_at
    out = []
    day = (serve - timedelta(minutes=horizon)).date() - timedelta(days=1)
    while day <= serve.date():
        begin = datetime.combine(day, night[0], serve.tzinfo)
        end_day = day + timedelta(days=1) if night[1] <= night[0] else day
        finish = datetime.combine(end_day, night[1], serve.tzinfo)
        low = max(-horizon, int((begin - serve).total_seconds() // 60))
        high = min(0, int((finish - serve).total_seconds() // 60))
        if low < high:
            out.append((low, high))
        day += timedelta(days=1)
    return out


class _Kitchen:
    """Minute-by-minute use of the kitchen; minute t (< 0, before serving) is index t + horizon."""

    def __init__(self, problem: Problem, horizon: int) -> None:
        kitchen = problem.kitchen
        self.problem = problem
        self.horizon = horizon
        self.cooks = [0] * horizon
        for low, high in _nights(problem, horizon):
            for t in range(low, high):
                self.cooks[t + horizon] = kitchen.cooks
        self.burners = [0] * horizon
        self.appliances = {name: [0] * horizon for name in set(kitchen.appliances)}
        self.racks = [[0] * horizon for _ in kitchen.ovens]
        self.held: list[dict[str, tuple[int, int, int]]] = [{} for _ in kitchen.ovens]

    def _free(self, row: list[int], start: int, end: int, need: int, capacity: int) -> bool:
        h = self.horizon
        return start < end and max(row[start + h : end + h]) + need <= capacity

    def _oven_ok(self, k: int, use: OvenUse, start: int, end: int) -> bool:
        oven = self.problem.kitchen.ovens[k]
        if start < -self.horizon + oven.preheat_minutes(use.fahrenheit):
            return False  # the oven must heat after "now"
        if not self._free(self.racks[k], start, end, use.racks, oven.racks):
            return False
        f = use.fahrenheit
        for s, e, g in self.held[k].values():
            if g == f:
                continue
            if not (e + oven.change_minutes(g, f) <= start or end + oven.change_minutes(f, g) <= s):
                return False
        return True

    def fits(self, activity: Activity, start: int, end: int, ovens: Sequence[int]) -> int | None:
        """None if the activity does not fit there, else the oven it goes in (``NO_OVEN``)."""
        if start < -self.horizon or end > 0:
            return None
        kitchen = self.problem.kitchen
        mode = activity.modes[0]
        hands = _hands(activity, start, end)
        if hands and not self._free(self.cooks, *hands, 1, kitchen.cooks):
            return None
        if mode.burner and not self._free(self.burners, start, end, 1, kitchen.burners):
            return None
        if mode.appliance:
            row = self.appliances.get(mode.appliance)
            count = kitchen.appliances.count(mode.appliance)
            if row is None or not self._free(row, start, end, 1, count):
                return None
        if mode.oven is None:
            return NO_OVEN
        for k in ovens:
            if self._oven_ok(k, mode.oven, start, end):
                return k
        return None

    def _add(self, row: list[int], start: int, end: int, amount: int) -> None:
        h = self.horizon
        for t in range(start + h, end + h):
            row[t] += amount

    def book(self, activity: Activity, start: int, end: int, k: int, sign: int = 1) -> None:
        mode = activity.modes[0]
        hands = _hands(activity, start, end)
        if hands:
            self._add(self.cooks, *hands, sign)
        if mode.burner:
            self._add(self.burners, start, end, sign)
        if mode.appliance:
            self._add(self.appliances[mode.appliance], start, end, sign)
        if mode.oven is not None and k != NO_OVEN:
            self._add(self.racks[k], start, end, sign * mode.oven.racks)
            if sign > 0:
                self.held[k][activity.id] = (start, end, mode.oven.fahrenheit)
            else:
                del self.held[k][activity.id]


def _hands(activity: Activity, start: int, end: int) -> tuple[int, int] | None:
    if activity.attention == "active":
        return (start, end)
    return (start, start + activity.setup) if activity.setup > 0 else None


@dataclass(slots=True)
class GreedyResult:
    solution: Solution
    broken: int  # gaps the scheduler knew it broke, and activities it could not place
    stretch: int | None


def _greedy_once(problem: Problem, horizon: int, rng: random.Random, jitter: int) -> GreedyResult:
    by_id = problem.by_id()
    kitchen = _Kitchen(problem, horizon)
    successors: dict[str, list[After]] = defaultdict(list)
    predecessors: dict[str, list[After]] = defaultdict(list)
    for rel in problem.after:
        successors[rel.before].append(rel)
        predecessors[rel.after].append(rel)
    serve = {s.activity: s for s in problem.serve}
    start: dict[str, int] = {}
    end: dict[str, int] = {}
    oven: dict[str, int] = {}
    unplaced: set[str] = set()
    broken = 0
    # ties (latest ends within ``jitter`` minutes of each other) broken at random
    tie = {a.id: rng.uniform(0, jitter) if jitter else rng.random() for a in problem.activities}
    waiting = {a.id: len(successors[a.id]) for a in problem.activities}
    ready = [a.id for a in problem.activities if waiting[a.id] == 0]

    def latest(a: str) -> tuple[int, int]:
        """The latest and the earliest end its placed successors (and serving) allow."""
        high, low = 0, -horizon
        for rel in successors[a]:
            if rel.after in start:
                high = min(high, start[rel.after] - rel.min_gap)
                if rel.max_gap is not None:
                    low = max(low, start[rel.after] - rel.max_gap)
        window = serve[a].max_before if a in serve else None
        if window is not None:
            low = max(low, -window)
        return high, low

    def stretch_to(a: str, e: int) -> list[tuple[str, int]] | None:
        """Start the passive successors that must start within minutes of ``e`` earlier, so
        they last longer; the old starts, or None when one cannot."""
        moved: list[tuple[str, int]] = []
        for rel in successors[a]:
            b = rel.after
            if rel.max_gap is None or b not in start or start[b] <= e + rel.max_gap:
                continue
            activity = by_id[b]
            new = e + rel.max_gap
            ok = activity.attention == "passive" and end[b] - new <= activity.minutes[1]
            ok = ok and all(
                q.before not in end
                or end[q.before] + q.min_gap
                <= new
                <= end[q.before] + (q.max_gap if q.max_gap is not None else horizon)
                for q in predecessors[b]
                if q.before != a
            )
            if ok:
                k = oven.get(b, NO_OVEN)
                kitchen.book(activity, start[b], end[b], k, -1)
                if kitchen.fits(activity, new, end[b], [k]) is None:
                    kitchen.book(activity, start[b], end[b], k)
                    ok = False
                else:
                    moved.append((b, start[b]))
                    start[b] = new
                    kitchen.book(activity, new, end[b], k)
            if not ok:
                undo(moved)
                return None
        return moved

    def undo(moved: list[tuple[str, int]]) -> None:
        for b, old in reversed(moved):
            k = oven.get(b, NO_OVEN)
            kitchen.book(by_id[b], start[b], end[b], k, -1)
            start[b] = old
            kitchen.book(by_id[b], old, end[b], k)

    def tight_chain(a: str) -> list[str]:
        """The placed activities ``a`` must closely precede, those they must, and so on."""
        chain: list[str] = []
        todo = [a]
        while todo:
            for rel in successors[todo.pop()]:
                b = rel.after
                if rel.max_gap is not None and b in start and b not in chain:
                    chain.append(b)
                    todo.append(b)
        return chain

    def legal(chain: list[str], a: str, delta: int) -> bool:
        """Whether the chain, moved ``delta`` minutes earlier, keeps serving and the placed
        activities before it (moving further only makes it worse: the caller stops)."""
        members = set(chain)
        for b in chain:
            window = serve[b].max_before if b in serve else None
            if start[b] + delta < -horizon or (window is not None and end[b] + delta < -window):
                return False
            placed = [q for q in predecessors[b] if q.before in end and q.before != a]
            if any(
                start[b] + delta < end[q.before] + q.min_gap
                for q in placed
                if q.before not in members
            ):
                return False
        return True

    def shift(a: str, duration: int, ovens: list[int]) -> tuple[int, int] | None:
        """Move the tight chain after ``a`` earlier, as a block, until ``a`` fits before it."""
        chain = tight_chain(a)
        if not chain:
            return None
        saved = {b: (start[b], end[b], oven.get(b, NO_OVEN)) for b in chain}
        for b in chain:
            kitchen.book(by_id[b], start[b], end[b], saved[b][2], -1)
        result: tuple[int, int] | None = None
        for delta in range(-1, -SHIFT_MAX - 1, -1):
            for b in chain:
                start[b], end[b] = saved[b][0], saved[b][1]
            if not legal(chain, a, delta):
                break
            booked: list[tuple[str, int]] = []
            for b in chain:
                k = kitchen.fits(by_id[b], start[b] + delta, end[b] + delta, ovens)
                if k is None:
                    break
                kitchen.book(by_id[b], start[b] + delta, end[b] + delta, k)
                booked.append((b, k))
            if len(booked) == len(chain):
                for b in chain:
                    start[b], end[b] = saved[b][0] + delta, saved[b][1] + delta
                high, low = latest(a)
                for e in range(high, max(low, -horizon + duration) - 1, -1):
                    fit = kitchen.fits(by_id[a], e - duration, e, ovens)
                    if fit is not None:
                        result = (e, fit)
                        break
                if result is not None:
                    for b, k in booked:
                        oven.pop(b, None)
                        if k != NO_OVEN:
                            oven[b] = k
                    return result
            for b, k in booked:
                kitchen.book(by_id[b], saved[b][0] + delta, saved[b][1] + delta, k, -1)
        for b in chain:  # no room: back where they were
            start[b], end[b] = saved[b][0], saved[b][1]
            kitchen.book(by_id[b], start[b], end[b], saved[b][2])
        return None

    while ready:
        # first what must closely precede something placed (a dish's last steps together),
        # then the latest allowed end
        if jitter:
            ready.sort(key=lambda a: (bool(tight_chain(a)), latest(a)[0] + tie[a]))
        else:
            ready.sort(key=lambda a: (bool(tight_chain(a)), latest(a)[0], tie[a]))
        a = ready.pop()
        activity = by_id[a]
        duration = activity.minutes[0]
        high, low = latest(a)
        ovens = list(range(len(problem.kitchen.ovens)))
        rng.shuffle(ovens)
        chosen: tuple[int, int] | None = None
        for e in range(high, max(low, -horizon + duration) - 1, -1):  # in the window
            fit = kitchen.fits(activity, e - duration, e, ovens)
            if fit is not None:
                chosen = (e, fit)
                break
        if chosen is None:  # below the window: stretch a passive successor, else break a gap
            fallback: tuple[int, int] | None = None
            floor = -horizon
            window = serve[a].max_before if a in serve else None
            if window is not None:
                floor = max(floor, -window)  # no stretch moves serving
            for rel in successors[a]:
                if rel.max_gap is not None and rel.after in end:
                    # below this, no stretch of that successor brings it close enough
                    if by_id[rel.after].attention == "passive":
                        reach = end[rel.after] - by_id[rel.after].minutes[1] - rel.max_gap
                    else:
                        reach = start[rel.after] - rel.max_gap
                    floor = max(floor, reach)
            for e in range(min(high, low - 1), -horizon + duration - 1, -1):
                fit = kitchen.fits(activity, e - duration, e, ovens)
                if fit is None:
                    continue
                if fallback is None:
                    fallback = (e, fit)
                if e < floor:
                    break
                moved = stretch_to(a, e)
                if moved is None:
                    continue
                fit = kitchen.fits(activity, e - duration, e, ovens)
                if fit is not None and latest(a)[1] <= e:
                    chosen = (e, fit)
                    break
                undo(moved)
            if chosen is None:
                chosen = shift(a, duration, ovens)
            if chosen is None:
                chosen = fallback
                broken += 1
        if chosen is None:
            unplaced.add(a)
        else:
            e, k = chosen
            start[a], end[a] = e - duration, e
            if k != NO_OVEN:
                oven[a] = k
            kitchen.book(activity, e - duration, e, k)
        for rel in predecessors[a]:
            waiting[rel.before] -= 1
            if waiting[rel.before] == 0:
                ready.append(rel.before)
    solution = Solution(
        status="feasible",
        start=start,
        end=end,
        mode=dict.fromkeys(start, 0),
        oven=oven,
        horizon=horizon,
    )
    return GreedyResult(
        solution, broken + len(unplaced), None if unplaced else final_stretch(problem, solution)
    )


def _rank(result: GreedyResult, horizon: int) -> tuple[int, int]:
    return (result.broken, horizon if result.stretch is None else result.stretch)


def greedy(problem: Problem, restarts: int, rng: random.Random) -> GreedyResult:
    """The best of ``restarts`` runs: fewest gaps broken, then the shortest final stretch."""
    assert problem.earliest is not None
    horizon = int((problem.serve_at - problem.earliest).total_seconds() // 60)
    best: GreedyResult | None = None
    for restart in range(restarts):
        result = _greedy_once(problem, horizon, rng, 0 if restart == 0 else JITTER)
        if best is None or _rank(result, horizon) < _rank(best, horizon):
            best = result
    assert best is not None
    return best


# --- measures ----------------------------------------------------------------------------------


def final_stretch(problem: Problem, solution: Solution) -> int:
    """Minutes from the start of the last session of hands-on work to serving: the latest S
    such that all hands-on work starting before S ends by S - GAP (the solver's measure)."""
    spans = []
    for activity in problem.activities:
        if activity.id not in solution.start:
            continue
        s, e = solution.start[activity.id], solution.end[activity.id]
        hands = _hands(activity, s, e)
        if hands:
            spans.append(hands)
    for session in sorted({0, *(s for s, _ in spans if s <= 0)}, reverse=True):
        if all(e <= session - GAP for s, e in spans if s < session):
            return -session
    return 0


def set_workers(workers: int) -> None:
    global WORKERS  # noqa: PLW0603 - one setting for the whole run
    WORKERS = workers


def p95(values: Sequence[float]) -> float:
    """Nearest rank: with 5 values, the largest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _verdict(problem: Problem, seconds: float) -> str:
    """The bare model's own status, for a problem ``solve`` calls infeasible: ``solve`` says
    "infeasible" also when its first stage ran out of time."""
    from ladle.planning.solver import Model

    model = Model(problem)
    solver = model.cp.CpSolver()
    solver.parameters.num_workers = WORKERS
    solver.parameters.max_time_in_seconds = seconds
    status = solver.solve(model.model)
    if status == model.cp.INFEASIBLE:
        return "infeasible"
    if status in (model.cp.OPTIMAL, model.cp.FEASIBLE):
        return "feasible"  # solve() said infeasible but a timeline exists: a planner bug
    return "unknown"


def run_instance(
    problem: Problem, label: dict[str, Any], time_limit: float, restarts: int, seed: str
) -> dict[str, Any]:
    record: dict[str, Any] = {
        **label,
        "activities": len(problem.activities),
        "cooks": problem.kitchen.cooks,
    }
    began = time.perf_counter()
    solution = solve(problem, SolveOptions(time_limit=time_limit, workers=WORKERS))
    record["seconds"] = time.perf_counter() - began
    status = solution.status
    cp: dict[str, Any] = {
        "objective": solution.objective,
        "bound": solution.bound,
        "stage_seconds": solution.seconds,  # the first stage ends with the first plan
    }
    if status == "infeasible":
        verdict = _verdict(problem, time_limit)
        cp["verdict"] = verdict
        status = "unknown" if verdict != "infeasible" else "infeasible"
        if verdict == "infeasible":
            began = time.perf_counter()
            explanation = explain(problem)
            cp["explain_seconds"] = time.perf_counter() - began
            cp["explanation"] = explanation.lines() if explanation else None
    elif status == "unknown":
        cp["verdict"] = "unknown"  # out of time with no plan: solve() says so itself
    else:
        plan = to_plan(problem, solution)
        violations = check_plan(problem, plan)
        cp["violations"] = [v.to_json() for v in violations]
        cp["valid"] = not violations
        cp["stretch"] = final_stretch(problem, solution)
        if "final_stretch_minutes" in solution.objective:
            cp["stretch_gap"] = (
                solution.objective["final_stretch_minutes"]
                - solution.bound["final_stretch_minutes"]
            )
        cp["deviations"] = len(plan.deviations)
    cp["status"] = status
    record["cpsat"] = cp
    if label["dishes"] in GOALS:  # again, with the goal's time as the limit
        limit = GOALS[label["dishes"]][0]
        began = time.perf_counter()
        quick = solve(problem, SolveOptions(time_limit=limit, workers=WORKERS))
        budget: dict[str, Any] = {
            "time_limit": limit,
            "seconds": time.perf_counter() - began,
            "status": quick.status,
        }
        if quick.status == "infeasible" and status != "infeasible":
            budget["status"] = "unknown"  # no plan in time, reported as "infeasible"
            budget["said_infeasible"] = True
        if quick.status in ("optimal", "feasible"):
            budget["valid"] = not check_plan(problem, to_plan(problem, quick))
            if "final_stretch_minutes" in quick.objective:
                budget["stretch_gap"] = (
                    quick.objective["final_stretch_minutes"] - quick.bound["final_stretch_minutes"]
                )
        record["budget"] = budget
    began = time.perf_counter()
    result = greedy(problem, restarts, random.Random(seed))
    seconds = time.perf_counter() - began
    plan = to_plan(problem, result.solution)
    violations = check_plan(problem, plan)
    codes: dict[str, int] = defaultdict(int)
    for violation in violations:
        codes[violation.code] += 1
    record["greedy"] = {
        "seconds": seconds,
        "broken": result.broken,
        "violations": len(violations),
        "codes": dict(codes),
        "valid": not violations,
        "stretch": result.stretch,
    }
    return record


def run_example() -> dict[str, Any]:
    from ladle.examples import example_text
    from ladle.formats import read_text
    from ladle.planning.planner import plan

    recipe = read_text(example_text(), "text", "examples/pork-belly-dinner.txt")[0]
    serve_at, now = datetime(2026, 11, 25, 19, 0), datetime(2026, 11, 24, 12, 0)
    article = ("Two-Stage", "Carrot Roasting")
    figures: dict[str, Any] = {}
    began = time.perf_counter()
    first = plan([recipe], serve_at, now=now)
    figures["plan_first_seconds"] = time.perf_counter() - began
    runs = []
    for _ in range(5):
        began = time.perf_counter()
        result = plan([recipe], serve_at, now=now)
        runs.append(time.perf_counter() - began)
    figures["plan_seconds"] = statistics.median(runs)
    figures["plan_status"] = result.status
    figures["plan_first_status"] = first.status
    figures["plan_objective"] = result.objective
    runs = []
    for _ in range(5):
        began = time.perf_counter()
        result = plan([recipe], serve_at, now=now, exact=True, methods=article)
        runs.append(time.perf_counter() - began)
    figures["infeasible_seconds"] = statistics.median(runs)
    figures["infeasible_status"] = result.status
    figures["explanation"] = result.explanation
    return figures


# --- the summary -------------------------------------------------------------------------------


def summarise(records: list[dict[str, Any]]) -> dict[str, Any]:
    cp = [r["cpsat"] for r in records]
    greedy_ = [r["greedy"] for r in records]
    seconds = [r["seconds"] for r in records]
    statuses = {s: sum(1 for c in cp if c["status"] == s) for s in _STATUSES}
    gaps = [c["stretch_gap"] for c in cp if "stretch_gap" in c]
    ratios = [
        g["stretch"] / c["stretch"]
        for c, g in zip(cp, greedy_, strict=True)
        if c.get("valid") and g["valid"] and c["stretch"]
    ]
    planned = [c for c in cp if "valid" in c]
    explains = [c["explain_seconds"] for c in cp if "explain_seconds" in c]
    firsts = [next(iter(c["stage_seconds"].values())) for c in cp if c.get("stage_seconds")]
    codes: dict[str, int] = defaultdict(int)
    for g in greedy_:
        for code, count in g["codes"].items():
            codes[code] += count
    return {
        "instances": len(records),
        "activities_median": statistics.median(r["activities"] for r in records),
        "cooks": records[0]["cooks"],
        "status": statuses,
        "seconds_median": statistics.median(seconds),
        "seconds_p95": p95(seconds),
        "seconds_max": max(seconds),
        "first_plan_median": _median(firsts),
        "first_plan_max": max(firsts) if firsts else None,
        "stretch_gap_median": _median(gaps),
        "stretch_gap_max": max(gaps) if gaps else None,
        "cpsat_plans": len(planned),
        "cpsat_valid": sum(1 for c in planned if c["valid"]),
        "cpsat_stretch_median": _median([c["stretch"] for c in planned]),
        "explain_seconds_max": max(explains) if explains else None,
        "greedy_valid": sum(1 for g in greedy_ if g["valid"]),
        "greedy_seconds_median": statistics.median(g["seconds"] for g in greedy_),
        "greedy_stretch_median": _median([g["stretch"] for g in greedy_ if g["valid"]]),
        "greedy_codes": dict(sorted(codes.items(), key=lambda kv: -kv[1])),
        "stretch_ratio_median": _median(ratios),
        "stretch_ratio_pairs": len(ratios),
    }


_STATUSES = ("optimal", "feasible", "infeasible", "unknown")


def _good(dishes: int, run: dict[str, Any], proven_infeasible: bool) -> bool:
    """Whether one solve's answer is what the goal asks (a proof of infeasibility counts)."""
    if proven_infeasible:
        return True
    if run["status"] == "infeasible" or not run.get("valid", False):
        return False
    if dishes == 10:
        return bool(run["status"] == "optimal")
    if dishes == 20:
        gap = run.get("stretch_gap")
        return run["status"] == "optimal" or (gap is not None and gap <= 5)
    return True


def goal_figures(dishes: int, records: list[dict[str, Any]]) -> dict[str, Any]:
    """The goal judged on the run with the full time limit and on the run with the goal's
    time as the limit: met when every answer is good and the p95 time is under the goal."""
    limit, text = GOALS[dishes]
    runs: dict[str, Any] = {"goal": text, "seconds": limit}
    for name, pick in (
        ("full", lambda r: {**r["cpsat"], "seconds": r["seconds"]}),
        ("budget", lambda r: r["budget"]),
    ):
        answers = [pick(r) for r in records]
        proven = [r["cpsat"]["status"] == "infeasible" for r in records]
        good = sum(_good(dishes, x, p) for x, p in zip(answers, proven, strict=True))
        times = [x["seconds"] for x in answers]
        runs[name] = {
            "good": good,
            "p95": p95(times),
            "status": {s: sum(1 for x in answers if x["status"] == s) for s in _STATUSES},
            "met": good == len(records) and p95(times) < limit,
        }
    runs["met"] = runs["full"]["met"] or runs["budget"]["met"]
    return runs


def _f(value: float | None, digits: int = 2, suffix: str = "") -> str:
    return "—" if value is None else f"{value:.{digits}f}{suffix}"


def _counts(status: dict[str, int]) -> str:
    return " / ".join(str(status[s]) for s in _STATUSES)


def markdown(figures: dict[str, Any]) -> str:
    sizes = figures["sizes"]
    lines = [
        f"Seed {figures['seed']}, {figures['instances']} meals a size, "
        f"{figures['time_limit']:g} s a solve on {WORKERS} workers; greedy: best of "
        f"{figures['restarts']} restarts.",
        "",
        "| dishes (steps, cooks) | CP-SAT optimal / feasible / infeasible / unknown | "
        "solve median / p95 / max | first plan (stage 1), median / max | final stretch − "
        "bound, median / max | CP-SAT plans valid (`check_plan`) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size in sizes:
        s = size["summary"]
        valid = f"{s['cpsat_valid']}/{s['cpsat_plans']}"
        if s["cpsat_valid"] != s["cpsat_plans"]:
            valid = f"**{valid}: THE CHECKER FOUND VIOLATIONS**"
        lines.append(
            f"| {size['dishes']} ({s['activities_median']:g}, {s['cooks']}) | "
            f"{_counts(s['status'])} | "
            f"{_f(s['seconds_median'])} / {_f(s['seconds_p95'])} / {_f(s['seconds_max'])} s | "
            f"{_f(s['first_plan_median'])} / {_f(s['first_plan_max'])} s | "
            f"{_f(s['stretch_gap_median'], 0)} / {_f(s['stretch_gap_max'], 0)} min | {valid} |"
        )
    goals = [size for size in sizes if size["goal"]]
    example = figures.get("example")
    if goals or example:
        lines += [
            "",
            f"| goal | with {figures['time_limit']:g} s a solve: good answers (optimal / "
            "feasible / infeasible / unknown), p95 | with the goal's time as the limit | |",
            "| --- | --- | --- | --- |",
        ]
    for size in goals:
        g = size["goal"]
        cells = []
        for name in ("full", "budget"):
            run = g[name]
            cells.append(
                f"{run['good']}/{size['summary']['instances']} good "
                f"({_counts(run['status'])}), p95 {_f(run['p95'])} s"
            )
        lines.append(
            f"| {size['dishes']} dishes: {g['goal']} | {cells[0]} | {cells[1]} | "
            f"{'met' if g['met'] else '**missed**'} |"
        )
    if example:
        met = example["infeasible_seconds"] < EXPLAIN_GOAL
        lines.append(
            f"| built-in example, exact: infeasibility verdict with its explanation in under "
            f"{EXPLAIN_GOAL:g} s | {_f(example['infeasible_seconds'])} s (median of 5) | — | "
            f"{'met' if met else '**missed**'} |"
        )
    explains = [
        size["summary"]["explain_seconds_max"]
        for size in sizes
        if size["summary"]["explain_seconds_max"] is not None
    ]
    if explains:
        met = max(explains) < EXPLAIN_GOAL
        lines.append(
            f"| synthetic meals proven infeasible: `explain()` in under {EXPLAIN_GOAL:g} s | "
            f"slowest {_f(max(explains))} s | — | {'met' if met else '**missed**'} |"
        )
    lines += [
        "",
        "| dishes | greedy plans valid | greedy time, median | final stretch CP-SAT / greedy, "
        "median | greedy ÷ CP-SAT, median (pairs) | greedy's broken rules |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for size in sizes:
        s = size["summary"]
        codes = ", ".join(f"{code} ×{n}" for code, n in list(s["greedy_codes"].items())[:3])
        lines.append(
            f"| {size['dishes']} | {s['greedy_valid']}/{s['instances']} | "
            f"{_f(s['greedy_seconds_median'])} s | "
            f"{_f(s['cpsat_stretch_median'], 0)} / {_f(s['greedy_stretch_median'], 0)} min | "
            f"{_f(s['stretch_ratio_median'], 1, '×')} ({s['stretch_ratio_pairs']}) | "
            f"{codes or 'none'} |"
        )
    if example:
        lines += [
            "",
            "| built-in example (honey-mustard pork belly) | answer | time |",
            "| --- | --- | ---: |",
            f"| `plan()`, the card, first call (OR-Tools import included) | "
            f"{example['plan_first_status']} | {_f(example['plan_first_seconds'])} s |",
            f"| `plan()`, the card, median of 5 | {example['plan_status']} | "
            f"{_f(example['plan_seconds'])} s |",
            f'| `plan(exact=True, methods=("Two-Stage", "Carrot Roasting"))`, median of 5 | '
            f"{example['infeasible_status']}: "
            f"{' '.join(example['explanation'][:1]) or '(no explanation)'} | "
            f"{_f(example['infeasible_seconds'])} s |",
        ]
    lines += _alarms(figures.get("alarms", []))
    return "\n".join(lines)


def _loud(records: list[dict[str, Any]]) -> Iterator[tuple[str, str]]:
    """What must never happen, as (what, where): a plan the checker refuses, a meal with a
    plan called infeasible, a greedy plan for a meal CP-SAT proved infeasible."""
    for r in records:
        cp, where = r["cpsat"], f"{r['dishes']} dishes #{r['instance']}"
        for v in cp.get("violations", []):
            yield f"CP-SAT PLAN BROKE A RULE: {v['code']}: {v['message']}", where
        if cp.get("verdict") == "feasible":
            yield (
                f"solve() with {r['time_limit']:g} s said infeasible, but the bare model has a "
                "timeline (its first stage ran out of time)",
                where,
            )
        if cp["status"] == "infeasible" and r["greedy"]["valid"]:
            yield "greedy found a valid plan for a meal CP-SAT proved infeasible", where
        budget = r.get("budget", {})
        if budget.get("said_infeasible"):
            yield (
                f"solve() with the goal's {budget['time_limit']:g} s said infeasible, for a "
                "meal not proven infeasible (no plan found in time)",
                where,
            )
        if budget.get("valid") is False:
            yield "CP-SAT PLAN BROKE A RULE with the goal's time as the limit", where


def _alarms(alarms: list[dict[str, str]]) -> list[str]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for alarm in alarms:
        grouped[alarm["what"]].append(alarm["where"])
    if not grouped:
        return []
    lines = ["", "Alarms:", ""]
    for what, wheres in grouped.items():
        lines.append(f"- {what}: {', '.join(wheres)}")
    return lines


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", default="5,10,20,40", help="dishes a meal (default 5,10,20,40)")
    options.add_argument("--instances", type=int, default=5, help="meals a size (default 5)")
    options.add_argument("--seed", type=int, default=1, help="the generator's seed (default 1)")
    options.add_argument("--time-limit", type=float, default=10.0, help="seconds a solve")
    options.add_argument("--restarts", type=int, default=20, help="greedy restarts (default 20)")
    options.add_argument("--no-example", action="store_true", help="skip the built-in example")
    options.add_argument("--json", action="store_true", help="print the figures as JSON")
    options.add_argument("--workers", type=int, default=WORKERS, help="CP-SAT workers")
    args = options.parse_args()
    set_workers(args.workers)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    figures: dict[str, Any] = {
        "seed": args.seed,
        "instances": args.instances,
        "time_limit": args.time_limit,
        "restarts": args.restarts,
        "workers": WORKERS,
        "sizes": [],
    }
    console = Console(stderr=True)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    loud: list[tuple[str, str]] = []
    with Progress(*columns, console=console, transient=True) as progress:
        if not args.no_example:
            task = progress.add_task("built-in example", total=None)
            figures["example"] = run_example()
            progress.remove_task(task)
        overall = progress.add_task("all meals", total=len(sizes) * args.instances)
        for dishes in sizes:
            task = progress.add_task(f"{dishes} dishes", total=args.instances)
            records = []
            for index in range(args.instances):
                key = f"{args.seed}-{dishes}-{index}"
                problem = generate(dishes, random.Random(key))
                label = {"dishes": dishes, "instance": index, "time_limit": args.time_limit}
                records.append(
                    run_instance(problem, label, args.time_limit, args.restarts, f"greedy-{key}")
                )
                progress.advance(task)
                progress.advance(overall)
            summary = summarise(records)
            figures["sizes"].append(
                {
                    "dishes": dishes,
                    "summary": summary,
                    "goal": goal_figures(dishes, records) if dishes in GOALS else None,
                    "records": records,
                }
            )
            loud += list(_loud(records))
            progress.remove_task(task)
    for what, where in loud:
        console.print(f"[bold red]{escape(what)} ({where})[/]", highlight=False)
    figures["alarms"] = [{"what": what, "where": where} for what, where in loud]
    if args.json:
        print(json.dumps(figures, indent=2, default=str))
        return
    print(markdown(figures))


if __name__ == "__main__":
    main()
