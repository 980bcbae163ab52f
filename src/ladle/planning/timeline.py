"""From a solution to the plan document: tasks with their times, the ovens' preheating and
changes of temperature, which cook does what, and each dish at the table."""

from __future__ import annotations

from datetime import datetime, timedelta

from ladle.plan_model import Plan, PlanDish, PlanResource, PlanTask, PlanUse
from ladle.planning.problem import Problem, attention
from ladle.planning.solver import Solution
from ladle.temperatures import oven_setting

__all__ = ["to_plan"]


def _moment(problem: Problem, minutes: int) -> datetime:
    return problem.serve_at + timedelta(minutes=minutes)


def to_plan(problem: Problem, solution: Solution) -> Plan:
    """The plan document of a solution: tasks with times, preheats, cooks, deviations."""
    kitchen = problem.kitchen
    resources = [PlanResource(f"cook-{i + 1}", "cook", 1) for i in range(kitchen.cooks)]
    resources += [
        PlanResource(f"oven-{k + 1}", "oven", o.racks) for k, o in enumerate(kitchen.ovens)
    ]
    if kitchen.burners:
        resources.append(PlanResource("burner", "burner", kitchen.burners))
    for name in sorted(set(kitchen.appliances)):
        resources.append(PlanResource(name, "appliance", kitchen.appliances.count(name)))
    resources.append(PlanResource("refrigerator", "refrigerator", 0))
    plan = Plan(
        serve_at=problem.serve_at,
        start_at=None,
        status="unknown" if solution.status == "unknown" else "infeasible",
    )
    if solution.status in ("infeasible", "unknown"):
        plan.resources = resources
        plan.assumptions = list(problem.assumptions)
        return plan
    plan.status = "optimal" if solution.status == "optimal" else "feasible"
    for choice in problem.choices:
        chosen = choice.options[solution.options.get(choice.id, 0)]
        if chosen.deviation:
            plan.deviations.append(chosen.deviation)
    tasks: list[PlanTask] = []
    for activity in problem.activities:
        if activity.id not in solution.start:
            continue
        mode = activity.modes[solution.mode.get(activity.id, 0)]
        uses: list[PlanUse] = []
        if mode.oven:
            k = solution.oven.get(activity.id, 0)
            uses.append(PlanUse(f"oven-{k + 1}", mode.oven.fahrenheit))
        if mode.burner:
            uses.append(PlanUse("burner"))
        if mode.appliance:
            uses.append(PlanUse(mode.appliance))
        if mode.fridge:
            uses.append(PlanUse("refrigerator"))
        if mode.deviation:
            plan.deviations.append(mode.deviation)
        tasks.append(
            PlanTask(
                id=activity.id,
                recipe=activity.recipe,
                step=activity.step,
                text=activity.text,
                start=_moment(problem, solution.start[activity.id]),
                end=_moment(problem, solution.end[activity.id]),
                attention=activity.attention,
                uses=uses,
                kind=activity.kind,
                dish=activity.dish,
            )
        )
    tasks += _oven_tasks(problem, tasks)
    _assign_cooks(problem, tasks)
    tasks.sort(key=lambda t: (t.start, t.end, t.id))
    plan.tasks = tasks
    plan.start_at = min(t.start for t in tasks) if tasks else None
    plan.resources = resources
    plan.objective = {k: float(v) for k, v in solution.objective.items()}
    plan.objective["active_minutes"] = float(
        sum(t.minutes for t in tasks if t.attention == "active")
    )
    if plan.start_at:
        plan.objective["span_minutes"] = (problem.serve_at - plan.start_at).total_seconds() / 60
    plan.lower_bound = {k: float(v) for k, v in solution.bound.items()}
    plan.assumptions = list(problem.assumptions)
    plan.dishes = _dishes(problem, tasks)
    return plan


def _dishes(problem: Problem, tasks: list[PlanTask]) -> list[PlanDish]:
    """Each recipe at the table: when it is served, when it left its heat."""
    out = []
    for served in problem.served:
        heat_ends = [
            t.end
            for t in tasks
            if t.id.startswith(f"{served.key}/")
            and any(u.resource != "refrigerator" and not u.resource.startswith("cook")
                    for u in t.uses)
        ]  # fmt: skip
        out.append(
            PlanDish(
                served.recipe,
                served.serving,
                served.why,
                _moment(problem, served.at),
                max(heat_ends) if heat_ends else None,
                any(t.kind == "hold" and t.id.startswith(f"{served.key}/") for t in tasks),
            )
        )
    return out


def _oven_tasks(problem: Problem, tasks: list[PlanTask]) -> list[PlanTask]:
    """Preheating and temperature changes, worked out from when each oven is used."""
    out: list[PlanTask] = []
    for k, oven in enumerate(problem.kitchen.ovens):
        rid = f"oven-{k + 1}"
        uses = sorted(
            (
                (t.start, t.end, u.fahrenheit or 0)
                for t in tasks
                for u in t.uses
                if u.resource == rid
            ),
            key=lambda x: x[0],
        )
        current: float | None = None
        busy_until: datetime | None = None
        count = 0
        for start, end, fahrenheit in uses:
            if current == fahrenheit and busy_until is not None:
                idle = (start - busy_until).total_seconds() / 60
                if idle <= oven.preheat_minutes(fahrenheit):  # keep it on
                    busy_until = max(busy_until, end)
                    continue
                current = None  # off in between, heat it again
            count += 1
            if current is None or busy_until is None:
                minutes = oven.preheat_minutes(fahrenheit)
                kind, verb = "preheat", "Preheat"
            else:
                minutes = oven.change_minutes(current, fahrenheit)
                kind = "oven-change"
                verb = "Turn up" if fahrenheit > current else "Turn down"
            begin = start - timedelta(minutes=minutes)
            if busy_until is not None and current is not None:
                begin = max(begin, busy_until)
            out.append(
                PlanTask(
                    id=f"{rid}/{kind}-{count}",
                    recipe="",
                    step=None,
                    text=f"{verb} the {oven.name} to {oven_setting(fahrenheit)}",
                    start=begin,
                    end=start if kind == "preheat" else begin + timedelta(minutes=minutes),
                    attention="passive",
                    uses=[PlanUse(rid, fahrenheit)],
                    kind="preheat" if kind == "preheat" else "oven-change",
                )
            )
            current = fahrenheit
            busy_until = end if busy_until is None else max(busy_until, end)
    return out


def _assign_cooks(problem: Problem, tasks: list[PlanTask]) -> None:
    """Give each hands-on stretch to a cook with the attention to spare, in order of start
    (a cook alone has ``HANDS`` shares; several cooks one each, so that greedy interval
    partitioning never fails when the solver kept the work within their number)."""
    by_id = problem.by_id()
    cooks = problem.kitchen.cooks
    work: list[tuple[datetime, datetime, int, PlanTask]] = []
    for task in tasks:
        activity = by_id.get(task.id)
        if activity is None:
            continue
        if task.attention == "active":
            work.append((task.start, task.end, activity.hands(cooks), task))
        elif activity.setup > 0:
            end = task.start + timedelta(minutes=activity.setup)
            work.append((task.start, end, activity.hands(cooks), task))
    share = attention(cooks) // cooks  # each cook's
    busy: list[list[tuple[datetime, int]]] = [[] for _ in range(cooks)]
    for start, end, hands, task in sorted(work, key=lambda w: (w[0], w[1], w[3].id)):
        spare = []
        for doing in busy:
            doing[:] = [(until, h) for until, h in doing if until > start]
            spare.append(share - sum(h for _, h in doing))
        cook = next((i for i, s in enumerate(spare) if s >= hands), None)
        if cook is None:
            cook = max(range(len(spare)), key=lambda i: (spare[i], -i))
        busy[cook].append((end, hands))
        task.uses.insert(0, PlanUse(f"cook-{cook + 1}"))
