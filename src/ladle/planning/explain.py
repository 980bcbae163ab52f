"""Why there is no plan, in a cook's words, with fixes that would work.

The model is built with one switch per group of constraints (an oven's one temperature at a
time, each dish's way as written, each "hot to the table" wait, the night, the time left before
serving). CP-SAT, solving under those switches as assumptions, names a set of them that cannot
hold together; removing switches one at a time (on one worker, so the answer is the same every
time) shrinks it to a small set that still clashes. That set is said plainly ("One oven cannot
hold 450°F for the pork belly and 425°F for the carrots in the last 40 minutes"), and every fix
offered (another temperature for one dish, the air fryer, a second oven, a later serving time)
has been tried by the solver and found to give a plan.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

from ladle.planning.bounds import critical_path
from ladle.planning.constraints import Group
from ladle.planning.dishes import called
from ladle.planning.kitchen import Oven
from ladle.planning.problem import Activity, Mode, Problem
from ladle.planning.solver import Model, SolveOptions

__all__ = ["Explanation", "Remedy", "exact_modes", "explain", "feasible"]

FIX_LIMIT = 5
UNPROVEN = Group("now", "unproven")  # a marker: no answer in time
LATER_STEP = 5  # minutes
LATER_MAX = 240
LATER_DAYS = 3  # the same time on one of the next days, when a dish takes longer than today
COURSE_AFTER = 45  # minutes a dessert comes after the main course


@dataclass(frozen=True, slots=True)
class Remedy:
    """A fix in words, and the problem and allowed ways under which the solver found a plan."""

    text: str
    problem: Problem
    allowed: dict[str, list[int]] | None


@dataclass(slots=True)
class Explanation:
    """The clash, the groups of constraints in it, and fixes each shown to give a plan."""

    clash: str
    groups: list[Group] = field(default_factory=list)
    remedies: list[Remedy] = field(default_factory=list)

    @property
    def fixes(self) -> list[str]:
        return [r.text for r in self.remedies]

    def lines(self) -> list[str]:
        out = [self.clash]
        if self.fixes:
            out.append("Fixes: " + "; or ".join(self.fixes) + ".")
        return out


class _Clock:
    """The seconds an explanation may take, and what is left of them."""

    def __init__(self, seconds: float) -> None:
        self.until = time.perf_counter() + seconds

    def left(self, share: float = 1.0, most: float = 5.0) -> float:
        """A share of the time left, at most ``most`` seconds (0 when it has run out)."""
        return max(0.0, min(most, (self.until - time.perf_counter()) * share))


def feasible(problem: Problem, allowed: dict[str, list[int]] | None, seconds: float = 2.0) -> bool:
    """Whether a timeline was found (no objective; every core at work)."""
    model = Model(problem, allowed)
    solver = model.cp.CpSolver()
    solver.parameters.num_workers = SolveOptions().workers
    solver.parameters.max_time_in_seconds = seconds
    status = solver.solve(model.model)
    return bool(status in (model.cp.OPTIMAL, model.cp.FEASIBLE))


def _core(
    problem: Problem, allowed: dict[str, list[int]] | None, clock: _Clock
) -> list[Group] | None:
    """A small set of constraint groups that cannot all hold; None when the problem is fine."""
    model = Model(problem, allowed, groups=True)
    cp = model.cp
    solver = cp.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = max(0.05, clock.left(0.4))
    # Presolve may prove the clash before the search meets the assumptions, and then names
    # none of them: without it, the core is always in terms of the groups.
    solver.parameters.cp_model_presolve = False
    keys = sorted(model.groups, key=str)
    literals = {key: model.groups[key] for key in keys}
    model.model.add_assumptions([literals[k] for k in keys])
    status = solver.solve(model.model)
    if status in (cp.OPTIMAL, cp.FEASIBLE):
        return None
    if status != cp.INFEASIBLE:
        return [UNPROVEN]  # no answer in time: nothing to say for sure
    index = {literals[k].index: k for k in keys}
    core = [index[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in index]
    for i, key in enumerate(list(core)):  # deletion: keep only what the clash needs
        seconds = clock.left(0.5 / max(1, len(core) - i))
        if seconds < 0.02:
            break  # out of time: the clash as found so far is still a clash
        solver.parameters.max_time_in_seconds = seconds
        rest = [k for k in core if k != key]
        model.model.clear_assumptions()
        model.model.add_assumptions([literals[k] for k in rest])
        if solver.solve(model.model) == cp.INFEASIBLE:
            core = rest
    return core


def _oven_modes(activity: Activity) -> list[tuple[int, int]]:
    return [(m, mode.oven.fahrenheit) for m, mode in enumerate(activity.modes) if mode.oven]


def _written_f(activity: Activity) -> int | None:
    mode = activity.modes[0]
    return mode.oven.fahrenheit if mode.oven else None


def _minutes(mode_minutes: tuple[int, int]) -> str:
    low, high = mode_minutes
    return f"{low} minutes" if low == high else f"{low}–{high} minutes"


def _clash(problem: Problem, core: list[Group]) -> tuple[str, list[Activity]]:
    by_id = problem.by_id()
    written = [by_id[g.which] for g in core if g.kind == "written"]
    ovens = [a for a in written if _written_f(a) is not None]
    if any(g.kind == "oven" for g in core) or len({_written_f(a) for a in ovens}) > 1:
        others = [a for a in problem.activities if _written_f(a) is not None and a not in ovens]
        distinct: dict[int, Activity] = {}
        for activity in sorted(ovens, key=lambda a: -a.minutes[1]):
            distinct.setdefault(_written_f(activity) or 0, activity)
        for activity in sorted(others, key=lambda a: -a.minutes[1]):  # what it clashes with
            if len(distinct) >= 2:
                break
            if activity.dish not in {a.dish for a in distinct.values()}:
                distinct.setdefault(_written_f(activity) or 0, activity)
        shown = sorted(distinct.values(), key=lambda a: -(_written_f(a) or 0))[:2]
        count = len(problem.kitchen.ovens)
        holder = "One oven" if count == 1 else f"{count} ovens"
        spans = sorted(a.minutes[1] for a in shown)
        window = max((m for m in spans if m <= 60), default=spans[0])
        parts = " and ".join(f"{_written_f(a)}°F for the {_called(a)}" for a in shown)
        return f"{holder} cannot hold {parts} in the last {window} minutes.", [
            *ovens,
            *[a for a in shown if a not in ovens],
        ]
    if Group("now") in core:
        return (
            "There is not enough time before serving to do every step, starting now.",
            written,
        )
    if Group("night") in core:
        return (
            "The hands-on work does not fit the cook's hours (no work at night).",
            written,
        )
    raw = [problem.out_of_fridge[g.index] for g in core if g.kind == "raw"]
    if raw:
        safe = raw[0]
        return (
            f"The raw {safe.food or 'meat'} of the {by_id[safe.first].dish} would be out of "
            f"the refrigerator more than {safe.minutes // 60} hours before it cooks: the "
            "kitchen cannot start its cooking soon enough after it is prepared.",
            [by_id[safe.first], by_id[safe.heat], *written],
        )
    waits = [problem.after[g.index] for g in core if g.kind == "wait"]
    hot = [problem.serve[g.index] for g in core if g.kind == "serve"]
    if hot or any("comes to the table" in w.why for w in waits):
        dishes = sorted(
            {by_id[s.activity].dish for s in hot}
            | {by_id[w.before].dish for w in waits if "comes to the table" in w.why}
        )
        return (
            f"The {', '.join(dishes)} cannot come to the table hot: the kitchen cannot finish "
            "everything close enough to serving.",
            written,
        )
    if waits:
        names = ", ".join(sorted({by_id[w.before].dish for w in waits}))
        return (
            f"The steps of the {names} cannot follow each other closely enough: the kitchen "
            "cannot fit them in without food waiting too long between them.",
            written,
        )
    return "The steps cannot all be fitted before serving.", written


def _allowing(
    allowed: dict[str, list[int]] | None, activity: str, mode: int
) -> dict[str, list[int]]:
    result = copy.deepcopy(allowed or {})
    result[activity] = sorted({*result.get(activity, [0]), mode})
    return result


def _fixes(
    problem: Problem,
    allowed: dict[str, list[int]] | None,
    involved: list[Activity],
    clock: _Clock,
    core: list[Group],
) -> list[Remedy]:
    fixes: list[Remedy] = []

    def works(text: str, trial: dict[str, list[int]] | None, changed: Problem = problem) -> bool:
        seconds = clock.left(0.25, most=2.0)
        if seconds < 0.05 or any(f.text == text for f in fixes):
            return False
        if feasible(changed, trial, seconds):
            fixes.append(Remedy(text, changed, trial))
            return True
        return False

    temperatures = {_written_f(a) for a in involved if _written_f(a) is not None}
    dishes = {a.dish for a in involved}
    # Another temperature for one dish: the one the others use.
    for activity in sorted(involved, key=lambda a: a.minutes[1]):
        for m, fahrenheit in _oven_modes(activity):
            if m == 0 or fahrenheit not in temperatures:
                continue
            text = f"roast the {_called(activity)} at {fahrenheit}°F for "
            if works(
                text + _minutes(activity.modes[m].minutes), _allowing(allowed, activity.id, m)
            ):
                break
        if len(fixes) >= 2:
            break
    if not fixes and len(dishes) >= 2:  # both dishes meet at a temperature between theirs
        _shared(problem, allowed, involved, works)
    _air_fryer(problem, allowed, involved, works)
    # What the recipe says can be made ahead, made ahead and reheated.
    if allowed is not None:
        for choice in problem.choices:
            if choice.dish not in dishes:
                continue
            trial = copy.deepcopy(allowed)
            trial[f"choice:{choice.id}"] = list(range(len(choice.options)))
            if works(choice.options[1].label, trial):
                break
    # A second oven.
    if involved and len(problem.kitchen.ovens) == 1:
        kitchen = problem.kitchen
        bigger = replace(
            problem, kitchen=replace(kitchen, ovens=(*kitchen.ovens, kitchen.ovens[0]))
        )
        works("use a second oven", allowed, bigger)
    _course(problem, allowed, involved, works)
    # Food left to wait longer between two steps; else a dish served warm or at room
    # temperature instead of hot.
    if not fixes:
        _longer_waits(problem, allowed, core, works)
    if not fixes:
        _cooler(problem, allowed, involved, works)
    later = _later(problem, allowed, clock) or _next_day(problem, allowed, clock)
    if later is not None:
        fixes.append(later)
    return fixes[:FIX_LIMIT]


def _air_fryer(
    problem: Problem,
    allowed: dict[str, list[int]] | None,
    involved: list[Activity],
    works: Callable[[str, dict[str, list[int]] | None, Problem], bool],
) -> None:
    """The air fryer for a dish, adding one to the kitchen when it has none."""
    for activity in involved:
        air = next(
            (m for m, mode in enumerate(activity.modes) if mode.appliance == "air fryer"), None
        )
        if air is None:
            continue
        kitchen = problem.kitchen
        test = problem
        if not kitchen.has("air fryer"):
            test = replace(
                problem, kitchen=replace(kitchen, appliances=(*kitchen.appliances, "air fryer"))
            )
        suffix = "" if kitchen.has("air fryer") else ", if you have one"
        if works(
            f"use the air fryer for the {_called(activity)}{suffix}",
            _allowing(allowed, activity.id, air),
            test,
        ):
            return


def _course(
    problem: Problem,
    allowed: dict[str, list[int]] | None,
    involved: list[Activity],
    works: Callable[[str, dict[str, list[int]] | None, Problem], bool],
) -> None:
    """A dish of the clash served as a course of its own, after the others (the dessert)."""
    if len(problem.served) <= 1:
        return
    for served in reversed(problem.served[1:]):
        if served.at != 0 or served.recipe not in {a.recipe for a in involved}:
            continue
        if works(
            f"serve the {served.recipe} {COURSE_AFTER} minutes after the rest "
            f'(--after "{served.recipe}={COURSE_AFTER}")',
            allowed,
            _course_later(problem, served.key, COURSE_AFTER),
        ):
            break


def _cooler(
    problem: Problem,
    allowed: dict[str, list[int]] | None,
    involved: list[Activity],
    works: Callable[[str, dict[str, list[int]] | None, Problem], bool],
) -> None:
    """Each hot dish of the clash served warm, then at room temperature, until one works;
    else all of them at once."""
    recipes = {a.recipe for a in involved}
    hot = [s for s in problem.served if s.serving == "hot" and (not recipes or s.recipe in recipes)]
    for kind, extra in (("warm", 25), ("room", None)):
        how = "at room temperature" if kind == "room" else kind
        for served in hot:
            if works(
                f'serve the {served.recipe} {how} (--serve "{served.recipe}={kind}")',
                allowed,
                _served_as(problem, served.key, extra),
            ):
                return
    if len(hot) > 1:
        for kind, extra in (("warm", 25), ("room", None)):
            how = "at room temperature" if kind == "room" else kind
            changed = problem
            for served in hot:
                changed = _served_as(changed, served.key, extra)
            names = ", ".join(s.recipe for s in hot[:-1]) + " and " + hot[-1].recipe
            if works(f"serve the {names} {how}", allowed, changed):
                return


def _longer_waits(
    problem: Problem,
    allowed: dict[str, list[int]] | None,
    core: list[Group],
    works: Callable[[str, dict[str, list[int]] | None, Problem], bool],
) -> None:
    """The food of the clash left to wait longer between two of its steps than ladle allows
    (a step right after the one before, toasted nuts used as they come off the heat): each
    wait of the clash let go in turn, then all of them at once."""
    by_id = problem.by_id()
    waits = [g.index for g in core if g.kind == "wait"]
    waits = [i for i in waits if "comes to the table" not in problem.after[i].why]

    def loosened(indexes: set[int]) -> Problem:
        after = [
            replace(a, max_gap=None) if i in indexes else a for i, a in enumerate(problem.after)
        ]
        return replace(problem, after=after)

    def said(index: int) -> str:
        wait = problem.after[index]
        before, after = by_id[wait.before], by_id[wait.after]
        what, recipe = _called(before), before.recipe
        whose = "" if what.lower() in recipe.lower() else f" of the {recipe}"
        return f"let the {what}{whose} wait longer between steps {before.step} and {after.step}"

    for index in waits:
        if works(said(index), allowed, loosened({index})):
            return
    if len(waits) > 1:
        recipes = sorted({by_id[problem.after[i].before].recipe for i in waits})
        works(
            f"let the food of the {' and '.join(recipes)} wait between its steps",
            allowed,
            loosened(set(waits)),
        )


def _served_as(problem: Problem, key: str, extra: int | None) -> Problem:
    """The problem with one recipe's food allowed ``extra`` minutes more between its heat and
    the table (warm), or none of that limit at all (``None``: room temperature)."""
    mine = f"{key}/"
    heated = {
        a.id
        for a in problem.activities
        if a.id.startswith(mine) and any(m.oven or m.burner or m.appliance for m in a.modes)
    }
    plated = {s.activity for s in problem.serve if s.plated}

    def loosened(limit: int | None) -> int | None:
        return None if extra is None or limit is None else limit + extra

    return replace(
        problem,
        serve=[
            replace(s, max_before=loosened(s.max_before))
            if s.activity.startswith(mine) and not s.plated
            else s
            for s in problem.serve
        ],
        after=[
            replace(a, max_gap=loosened(a.max_gap))
            if a.before.startswith(mine)
            and ("comes to the table" in a.why or (a.before in heated and a.after in plated))
            else a
            for a in problem.after
        ],
    )


def _course_later(problem: Problem, key: str, minutes: int) -> Problem:
    """The problem with one recipe served ``minutes`` after the others."""
    mine = f"{key}/"
    return replace(
        problem,
        serve=[
            replace(s, at=s.at + minutes) if s.activity.startswith(mine) else s
            for s in problem.serve
        ],
        served=[replace(s, at=s.at + minutes) if s.key == key else s for s in problem.served],
    )


def _shared(
    problem: Problem,
    allowed: dict[str, list[int]] | None,
    involved: list[Activity],
    works: Callable[[str, dict[str, list[int]] | None], bool],
) -> None:
    """Two dishes each moved to a temperature they can share."""
    ovens = [a for a in involved if _oven_modes(a)]
    for i, first in enumerate(ovens):
        for second in ovens[i + 1 :]:
            if first.dish == second.dish:
                continue
            for m, f in _oven_modes(first):
                for n, g in _oven_modes(second):
                    if f != g or (m == 0 and n == 0):
                        continue
                    trial = _allowing(_allowing(allowed, first.id, m), second.id, n)
                    text = (
                        f"roast the {_called(first)} at {f}°F for "
                        f"{_minutes(first.modes[m].minutes)} and the {_called(second)} at "
                        f"{g}°F for {_minutes(second.modes[n].minutes)}"
                    )
                    if works(text, trial):
                        return


def _called(activity: Activity) -> str:
    return called(activity.dish, activity.food)


def _later(problem: Problem, allowed: dict[str, list[int]] | None, clock: _Clock) -> Remedy | None:
    """The earliest later serving time (in 5-minute steps) at which the meal can be done."""

    def works(minutes: int) -> bool:
        seconds = clock.left(0.2, most=1.0)
        if seconds < 0.05:
            return False
        shifted = replace(problem, serve_at=problem.serve_at + timedelta(minutes=minutes))
        return feasible(shifted, allowed, seconds=seconds)

    low, high = 0, LATER_MAX
    if not works(high):
        return None
    while high - low > LATER_STEP:
        middle = (low + high) // 2 // LATER_STEP * LATER_STEP
        if middle <= low:
            break
        if works(middle):
            high = middle
        else:
            low = middle
    moment = problem.serve_at + timedelta(minutes=high)
    same_day = moment.date() == problem.serve_at.date()
    when = f"{moment:%H:%M}" if same_day else f"{moment:%a %H:%M}"
    return Remedy(f"serve at {when}", replace(problem, serve_at=moment), allowed)


def _next_day(
    problem: Problem, allowed: dict[str, list[int]] | None, clock: _Clock
) -> Remedy | None:
    """The same serving time on one of the next days, when the meal fits by then."""
    for days in range(1, LATER_DAYS + 1):
        seconds = clock.left(0.3, most=3.0)
        if seconds < 0.05:
            return None
        moment = problem.serve_at + timedelta(days=days)
        shifted = replace(problem, serve_at=moment)
        if feasible(shifted, allowed, seconds=seconds):
            return Remedy(f"serve at {moment:%a %H:%M}", shifted, allowed)
    return None


def _hours(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not parts:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _alone(problem: Problem, key: str) -> Problem:
    """The part of the problem that is one recipe's."""
    mine = f"{key}/"
    return replace(
        problem,
        activities=[a for a in problem.activities if a.id.startswith(mine)],
        after=[a for a in problem.after if a.before.startswith(mine)],
        within=[w for w in problem.within if w.outer.startswith(mine)],
    )


def _too_long(problem: Problem) -> str | None:
    """Why there is not time enough, when one recipe's steps alone, each at its shortest and
    with hands and ovens without end, take longer than there is from now to serving."""
    if problem.earliest is None or not problem.served:
        return None
    left = int((problem.serve_at - problem.earliest).total_seconds() // 60)
    longest = max(problem.served, key=lambda s: critical_path(_alone(problem, s.key)))
    path = critical_path(_alone(problem, longest.key))
    if path <= left:
        return None
    return (
        "There is not enough time before serving to do every step, starting now: the "
        f"{longest.recipe} alone takes at least {_hours(path)} from its first step to the "
        f"table, and serving is {_hours(left)} away."
    )


def explain(
    problem: Problem, allowed: dict[str, list[int]] | None = None, seconds: float = 10.0
) -> Explanation | None:
    """Why ``problem`` (with only ``allowed`` modes) has no plan, within about ``seconds``;
    None when it has one."""
    clock = _Clock(seconds)
    missing = _unequipped(problem, allowed)
    if missing is not None:
        return missing
    core = _core(problem, allowed, clock)
    if core is None:
        return None
    if core == [UNPROVEN]:
        return Explanation(
            "No plan was found, and ladle could not tell why in the time it gives itself "
            "(try a longer --time-limit)."
        )
    clash, involved = _clash(problem, core)
    if not core or core == [Group("now")]:
        clash = _too_long(problem) or clash
    remedies = _fixes(problem, allowed, involved, clock, core)
    if not remedies:
        clash += (
            " No one change ladle tried gives a plan: other temperatures, the air fryer, "
            "making a dish ahead, a second oven, a later course, serving later that day or "
            f"on one of the next {LATER_DAYS} days, serving a dish warm, letting food wait "
            "longer between its steps."
            if clock.left() > 0
            else " ladle ran out of time looking for a fix (give it longer: --time-limit 60)."
        )
    return Explanation(clash, core, remedies)


def _needs(mode: Mode) -> str:
    if mode.oven is not None:
        return "an oven"
    if mode.burner:
        return "a burner"
    if mode.appliance:
        return f"an {mode.appliance}" if mode.appliance[0] in "aeiou" else f"a {mode.appliance}"
    return "a refrigerator"


def _unequipped(problem: Problem, allowed: dict[str, list[int]] | None) -> Explanation | None:
    """A step no way of which the kitchen can do: it lacks the oven, burner or appliance."""
    kitchen = problem.kitchen
    for activity in problem.activities:
        ways = [
            activity.modes[m] for m in (allowed or {}).get(activity.id, range(len(activity.modes)))
        ]
        if any(
            (mode.oven is None or kitchen.ovens)
            and (not mode.burner or kitchen.burners > 0)
            and (mode.appliance is None or kitchen.has(mode.appliance))
            and (not mode.fridge or kitchen.fridge)
            for mode in ways
        ):
            continue
        need = _needs(ways[0])
        section = {"an oven": "[[oven]]", "a burner": "[[burner]]"}.get(need, "[[appliance]]")
        mode = ways[0]
        equipped = replace(
            kitchen,
            ovens=kitchen.ovens or ((Oven(),) if mode.oven else ()),
            burners=max(kitchen.burners, 1 if mode.burner else 0),
            appliances=(*kitchen.appliances, *([mode.appliance] if mode.appliance else [])),
            fridge=kitchen.fridge or mode.fridge,
        )
        text = f"add {need} to the kitchen file ({section})"
        changed = replace(problem, kitchen=equipped)
        remedies = [Remedy(text, changed, allowed)] if feasible(changed, allowed) else []
        return Explanation(
            f"{activity.recipe}, step {activity.step}, needs {need}, and the kitchen has none.",
            [],
            remedies,
        )
    return None


def exact_modes(problem: Problem) -> dict[str, list[int]]:
    """Only the recipes' own ways: the first mode of every activity."""
    return {a.id: [0] for a in problem.activities}
