"""Where a draft becomes a recipe: every source understood the same way, once.

:func:`understand` takes a :class:`~ladle.draft.Draft` from any reader and parses its
ingredient lines (:mod:`ladle.ingredients`), understands its steps in order (:mod:`ladle.steps`:
times, temperatures, equipment, which ingredients and groups each step uses, attention), reads
its yield (:mod:`ladle.yields`) and times (:func:`ladle.durations.minutes_of`), and reads the
article around the card (:mod:`ladle.article`: variants, pairings, doneness, storage, make
ahead). What a source marks itself (a Cooklang ingredient's amount, its timers and cookware)
is kept and folded into what the text says. A line ladle cannot parse stays in the recipe as
written.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import PurePath
from typing import Any, cast

from ladle.article import understand_article
from ladle.draft import Draft, DraftLine, DraftStep
from ladle.durations import minutes_of
from ladle.errors import LadleError
from ladle.ingredients import parse_ingredient
from ladle.model import Duration, Ingredient, Recipe, Source, Step, Times
from ladle.steps import attention_of, understand_steps
from ladle.text import without_controls
from ladle.timing import time_steps
from ladle.yields import yield_of

__all__ = ["title_from", "understand"]


def understand(draft: Draft) -> Recipe:
    """The recipe a draft states, understood (see the module documentation)."""
    if draft.known is not None:
        return cast(Recipe, _scrub(copy.deepcopy(draft.known)))
    _scrub(draft)  # no control characters reach a recipe, from any reader
    ingredients = [_ingredient(line) for line in draft.ingredients]
    steps = understand_steps([(s.text, s.section) for s in draft.steps], ingredients)
    marked_any = False
    for step, marked in zip(steps, draft.steps, strict=True):
        marked_any = _fold_marks(step, marked) or marked_any
    if marked_any:
        time_steps(steps)
        for step in steps:
            step.attention = attention_of(step.text, step.durations, step.heat)
    source = copy.copy(draft.source) if draft.source else Source()
    recipe = Recipe(
        title=draft.title or title_from(source.location or ""),
        description=draft.description or None,
        yield_=yield_of(draft.yields),
        times=Times(
            prep_minutes=minutes_of(draft.times.get("prep")),
            cook_minutes=minutes_of(draft.times.get("cook")),
            total_minutes=minutes_of(draft.times.get("total")),
        ),
        ingredients=ingredients,
        steps=steps,
        notes=list(draft.notes),
        tags=list(dict.fromkeys(draft.tags)),
        metadata=dict(draft.metadata),
        source=source,
    )
    understand_article(draft.article, recipe)
    return recipe


def _scrub(value: Any) -> Any:
    """A draft or a recipe with every text in it free of control characters (newlines and tabs
    stay), changed in place: every reader's drafts pass through here, so that no source's text
    reaches a terminal as an escape sequence."""
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, list):
        value[:] = [_scrub(item) for item in value]
    elif isinstance(value, tuple):
        return tuple(_scrub(item) for item in value)
    elif isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            setattr(value, f.name, _scrub(getattr(value, f.name)))
    return value


def _ingredient(line: DraftLine) -> Ingredient:
    if line.known is not None:
        known = copy.copy(line.known)
        known.group = line.group if line.group is not None else known.group
        return known
    try:
        ingredient = parse_ingredient(line.text, line.group)
    except LadleError:  # a line ladle cannot understand stays as written
        ingredient = Ingredient(text=line.text, name=line.text, group=line.group)
    ingredient.fixed = ingredient.fixed or line.fixed
    return ingredient


def _fold_marks(step: Step, marked: DraftStep) -> bool:
    """Fold what a source marks in a step (Cooklang's timers, cookware and ingredients) into
    what its text says: marked ingredients are the ones it uses, marked cookware comes first,
    a timer the text does not state already is added (one inside a range the text states,
    ``~{2%minutes} to ~{3%minutes}``, restates it). True when the step had marks."""
    if not (marked.timers or marked.cookware or marked.uses is not None):
        return False
    if marked.uses is not None:
        step.uses = list(marked.uses)
    step.cookware = list(marked.marks)
    durations = list(step.durations)
    for timer in marked.timers:
        same = next(
            (
                d
                for d in durations
                if (d.min_minutes, d.max_minutes) == (timer.min_minutes, timer.max_minutes)
                or (timer.text and timer.text in d.text and _within(timer, d))
            ),
            None,
        )
        if same is None:
            durations.append(timer)
        elif timer.name:
            same.name = timer.name  # the text says it; the timer's name stays with it
    step.durations = durations
    seen = {name.lower() for name in marked.cookware}
    step.equipment = list(marked.cookware) + [e for e in step.equipment if e.lower() not in seen]
    return True


def _within(timer: Duration, stated: Duration) -> bool:
    top = stated.max_minutes if stated.max_minutes is not None else float("inf")
    return stated.min_minutes <= timer.min_minutes <= top


def title_from(location: str) -> str:
    """A title made from a file name, for a recipe that states none."""
    stem = PurePath(location).stem if location and not location.startswith("<") else ""
    words = " ".join(re.sub(r"[-_]+", " ", stem).split())
    return words[:1].upper() + words[1:] if words else "Untitled recipe"
