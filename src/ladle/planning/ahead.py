"""Making a dish ahead: the recipe's own offer, as a choice the planner may take.

"Cook both the pork belly and the carrots as much as a day ahead … When it is time to eat,
crisp the pork belly again in a hot oven, and warm the carrots at 350°F." For each dish such
a note names that the recipe cooks, the planner gets a :class:`Choice`: the recipe as written,
or the dish cooked up to the lead time earlier, chilled, and reheated just before serving.
Choosing to make it ahead lifts the dish's "hot to the table" limits (the reheat takes them
over) and counts as a departure from the recipe, so the planner takes it only when the day
itself is too tight, and says so.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ladle.model import MakeAhead, Recipe
from ladle.planning.problem import Activity, After, Choice, Mode, Option, OvenUse, Problem
from ladle.steps import ingredients_in
from ladle.temperatures import find_temperatures

__all__ = ["add_make_ahead"]

REHEAT = (10, 15)  # minutes to reheat a dish when the recipe does not say
HOT_OVEN_F = 425  # "a hot oven"
CHILL = 60  # minutes at least between cooking ahead and reheating: it cools and is chilled
_CLAUSES = re.compile(r",\s*and\s+|;\s*|\.\s+")
_REHEAT_VERB = re.compile(r"\b(?:reheat|rewarm|warm|crisp|heat|re-?crisp)\w*", re.I)
_HOT_OVEN = re.compile(r"\bhot\s+oven\b", re.I)
_AIR_FRYER = re.compile(r"\bair[-\s]?fryer\b", re.I)


def _reheat_clauses(recipe: Recipe, entry: MakeAhead) -> dict[str, str]:
    """Dish name → the clause that says how to reheat it."""
    found: dict[str, str] = {}
    for step in entry.steps:
        for clause in _CLAUSES.split(step.text):
            if not _REHEAT_VERB.search(clause):
                continue
            for index in ingredients_in(clause, recipe.ingredients):
                name = recipe.ingredients[index].name or ""
                found.setdefault(name, clause.strip().rstrip("."))
    return found


def _modes(clause: str) -> tuple[list[Mode], str]:
    ovens = [t for t in find_temperatures(clause) if t.kind in {"oven", "other"}]
    fahrenheit = round(ovens[0].fahrenheit) if ovens else HOT_OVEN_F
    how = f"at {fahrenheit}°F"
    modes = [Mode(REHEAT, oven=OvenUse(fahrenheit))]
    if _AIR_FRYER.search(clause):
        modes.append(Mode(REHEAT, appliance="air fryer", deviation=None))
    if not ovens and not _HOT_OVEN.search(clause) and _AIR_FRYER.search(clause):
        modes.reverse()
    return modes, how


def add_make_ahead(problem: Problem, recipe: Recipe, key: str) -> None:
    """Offer, for each dish of ``recipe`` (activities ``key/…``) its make-ahead note names, the
    choice of cooking it ahead and reheating it."""
    mine = [a for a in problem.activities if a.id.startswith(f"{key}/")]
    served = {s.activity for s in problem.serve if s.plated}
    cooked = {
        a.food or a.dish
        for a in mine
        if any(m.oven or m.burner or m.appliance for m in a.modes) and a.id not in served
    }
    for entry in recipe.make_ahead:
        lead_days = entry.lead_days or 1.0
        for dish, clause in _reheat_clauses(recipe, entry).items():
            if dish not in cooked:
                continue
            _offer(
                problem,
                recipe,
                key=key,
                mine=mine,
                served=served,
                dish=dish,
                clause=clause,
                lead_days=lead_days,
            )
            cooked.discard(dish)  # one offer per dish


def _offer(
    problem: Problem,
    recipe: Recipe,
    *,
    key: str,
    mine: list[Activity],
    served: set[str],
    dish: str,
    clause: str,
    lead_days: float,
) -> None:
    words = re.findall(r"[a-z0-9]+", dish.lower())
    choice_id = f"{key}/ahead-{'-'.join(words) or 'dish'}"
    ids = {a.id for a in mine if (a.food or a.dish) == dish and a.id not in served}
    name = next((a.dish for a in mine if a.id in ids), dish)  # the dish, as the plan calls it
    modes, how = _modes(clause)
    reheat = Activity(
        f"{choice_id}/reheat",
        name,
        recipe.title,
        None,
        f"Reheat the {dish} {how}: {clause[:1].lower()}{clause[1:]}.",
        modes,
        "passive",
        setup=2,
        kind="reheat",
        optional=True,
        food=dish,
    )
    days = "a day" if lead_days == 1 else f"{lead_days:g} days"
    them = "them" if dish.endswith("s") else "it"
    label = f"make the {dish} up to {days} ahead and reheat {them} {how} before serving"
    problem.choices.append(
        Choice(
            choice_id,
            name,
            [
                Option("as written", []),
                Option(
                    label,
                    [reheat.id],
                    deviation=f"{dish}: cooked up to {days} ahead and reheated {how} for "
                    f"{REHEAT[0]}–{REHEAT[1]} minutes before serving, as the recipe allows",
                    make_ahead=True,
                ),
            ],
        )
    )
    problem.activities.append(reheat)
    written, ahead = f"{choice_id}/0", f"{choice_id}/1"
    # The dish's way to the table: into the serving step, or any "promptly after" from it.
    leaving = [
        rel
        for rel in problem.after
        if rel.before in ids
        and rel.after not in ids
        and (rel.after in served or rel.max_gap is not None)
    ]
    kept = [rel for rel in problem.after if rel not in leaving]
    for rel in leaving:  # as written, the dish goes straight on; made ahead, the reheat does
        kept.append(replace(rel, option=written))
        kept.append(replace(rel, before=reheat.id, option=ahead))
    for before in sorted({rel.before for rel in leaving}):
        kept.append(
            After(before, reheat.id, CHILL, round(lead_days * 1440), "made ahead", option=ahead)
        )
    problem.after = kept
    # Off the heat just before serving: as written, its cooking; made ahead, the reheat.
    serves = []
    for serve in problem.serve:
        if serve.plated or serve.activity not in ids or serve.option is not None:
            serves.append(serve)
            continue
        serves.append(replace(serve, option=written))
        if not any(s.activity == reheat.id for s in serves):
            serves.append(replace(serve, activity=reheat.id, option=ahead))
    problem.serve = serves
