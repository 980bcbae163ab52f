"""How a dish comes to the table: hot, warm, at room temperature or cold.

Read in order: what the recipe says about serving ("serve warm", "serve chilled", "let cool
completely"), the last steps (a dish chilled, frozen or cooled after its cooking is not served
hot; one that comes off the heat and straight to the table is), what the dish is by its title
(a salad or a drink is cold, a cake at room temperature, a cobbler warm, a stew hot), and
finally whether anything heats it at all. Each answer carries the reason, for the plan to show.
The words live in ``data/words/serving.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ladle.equipment import HEAT_APPLIANCES
from ladle.model import Recipe
from ladle.words import alternation, table

__all__ = ["SERVINGS", "Serving", "is_dessert", "serving_of"]

ServingKind = Literal["hot", "warm", "room", "cold"]
SERVINGS: tuple[ServingKind, ...] = ("hot", "warm", "room", "cold")
_KINDS: dict[str, ServingKind] = {k: k for k in SERVINGS}
_COOLED = re.compile(
    r"\b(?:refrigerat\w*|chill(?:ed|ing|s)?\b|freez\w*|cool\w*|set\s+(?:in|aside\s+to\s+cool)|"
    r"let\s+(?:it\s+)?set\b)",
    re.I,
)

# "Serve immediately" says when, not how hot: of a dish put together from cooled parts (a
# meringue filled once it has cooled) it says nothing about heat.
_SOON = re.compile(r"\b(?:immediately|right away|at once|straight away|sofort|direct)\b", re.I)
_CHILLED = re.compile(r"\brefrigerat|\bchill(?:ed|ing|s)?\b|\bfreez|\bfridge\b", re.I)
_KEEPING = frozenset({"storage", "make_ahead"})
_MAIN_PART = re.compile(r"\s+(?:with|and|&|served\s+with|avec|mit|con|com|met)\s+", re.I)


@dataclass(frozen=True, slots=True)
class Serving:
    """A dish's serving temperature and why ladle thinks so."""

    kind: ServingKind
    why: str


@cache
def _patterns(section: str) -> tuple[tuple[ServingKind, re.Pattern[str]], ...]:
    words = table("serving")[section]
    return tuple(
        # a lookahead: overlapping phrases are all found ("serve warm or at room temperature")
        (_KINDS[kind], re.compile(rf"(?=(?<!\w)({alternation(phrases)}(?:e?s)?)(?!\w))", re.I))
        for kind, phrases in words.items()
    )


def _said(text: str) -> tuple[ServingKind, str] | None:
    """The serving a text states, the latest in it when it states several."""
    best: tuple[int, int, ServingKind, str] | None = None
    for kind, pattern in _patterns("said"):
        for match in pattern.finditer(text):
            # the latest ending, and of those the longest: "warm or at room temperature"
            rank = (match.end(1), match.end(1) - match.start(1))
            if best is None or rank > best[:2]:
                best = (*rank, kind, match.group(1))
    return None if best is None else (best[2], best[3])


# What heats food, named as a step's equipment: where a step's heat is not read (a braise
# written in Dutch), its pan on the stove or its oven still says the dish is cooked.
_HEATING = HEAT_APPLIANCES | {"stove"}


def _heated(recipe: Recipe) -> bool:
    """Whether any step cooks the dish: a heat read, or heating equipment it uses."""
    return any(s.heat or _HEATING.intersection(s.equipment) for s in recipe.steps)


def serving_of(recipe: Recipe) -> Serving:
    """How ``recipe``'s dish is served, and the reason."""
    steps = [s.text for s in recipe.steps]
    last_heat = max((i for i, s in enumerate(recipe.steps) if s.heat), default=None)
    cooled = [
        i
        for i, s in enumerate(recipe.steps)
        if _COOLED.search(s.text)
        and (last_heat is None or i > last_heat)
        and s.heat is None
        and not any(d.role in _KEEPING for d in s.durations)  # how it keeps, not how it is served
    ]
    for text in reversed(steps[-3:]):  # the last steps say how it comes to the table
        said = _said(text)
        if said and not (cooled and _SOON.search(said[1])):
            return Serving(said[0], f'the recipe says "{said[1].lower()}"')
    for text in recipe.notes:
        said = _said(text)
        if said:
            return Serving(said[0], f'the recipe\'s notes say "{said[1].lower()}"')
    chilled = [i for i in cooled if _CHILLED.search(steps[i])]
    if chilled and last_heat is not None:
        return Serving("cold", "it is chilled after its cooking")
    main = _MAIN_PART.split(recipe.title, maxsplit=1)[0]  # "Lemon Posset with Shortbread"
    for kind, pattern in _patterns("dish"):
        match = pattern.search(main)
        if match and not (kind in ("hot", "warm") and not _heated(recipe)):
            # a no-bake banana pudding is no warm pudding: nothing heats it
            return Serving(kind, f"it is a {match.group(1).lower()}")
    if chilled:
        return Serving("cold", "it is chilled before serving")
    if cooled and last_heat is not None:
        return Serving("room", "it cools after its cooking")
    if last_heat is not None:
        return Serving("hot", "it comes off the heat to the table")
    return Serving("room", "nothing heats it")


def is_dessert(recipe: Recipe) -> bool:
    """Whether the recipe is a dessert by its title ("Blueberry Cobbler", "Lemon Posset")."""
    words = table("serving")["course"]["dessert"]
    pattern = re.compile(rf"(?<!\w){alternation(words)}(?:e?s)?(?!\w)", re.I)
    return bool(pattern.search(_MAIN_PART.split(recipe.title, maxsplit=1)[0]))
