"""Two ways to cook one dish inside one list of steps, and which one the plan cooks by.

Many recipes write both methods in their steps: an "Instant Pot Directions" section and a
"Slow Cooker Directions" one; a step that is only a heading ("Oven Method:") and the steps
after it; steps that begin with their method ("Instant Pot: …", "For stovetop preparation:
…", "To make it in a slow cooker, …"). A cook does one of them. A step that mentions another
appliance in passing ("you can also use a slow cooker") is no method.

Only two or more methods that cook in different appliances count. A heading names its
appliance in the words of ``data/words/equipment.toml`` (its ``[names]`` and ``[methods]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ladle.equipment import EQUIPMENT
from ladle.errors import RequestError
from ladle.model import Recipe, Step
from ladle.planning.kitchen import Kitchen, spelling_key
from ladle.planning.reading import STOVE
from ladle.words import table

__all__ = [
    "StepMethod",
    "check_methods",
    "choose",
    "known_methods",
    "matches",
    "methods_in_steps",
    "steps_span",
]

# The appliances a method of a recipe cooks in.
_KINDS = ("pressure cooker", "slow cooker", "rice cooker", "sous vide", "air fryer", "oven",
          "stove", "grill", "microwave", "smoker")  # fmt: skip
_WORDS = table("equipment")["methods"]
_FILLER = frozenset(str(w).lower() for w in _WORDS["heading"])
_SPELLINGS: dict[str, str] = {  # a spelling, its words joined by one space: its appliance
    spelling_key(str(spelling)): kind
    for kind in _KINDS
    for spelling in (*EQUIPMENT[kind], *_WORDS["names"].get(kind, ()))
}
_NAME = (
    r"(?P<name>"
    + "|".join(
        r"[\s-]+".join(map(re.escape, s.split())) for s in sorted(_SPELLINGS, key=len, reverse=True)
    )
    + r")"
)
_ARTICLE = r"(?:the\s+|an?\s+|your\s+)?"
_KIND_WORD = r"(?:\s+(?:method|version|directions|instructions|preparation|option))?"
# "Instant Pot: …", "For the slow cooker, …", "In the oven: …", "To make it in a slow cooker, …"
_OPENS = re.compile(
    r"^\s*(?:"
    + rf"{_NAME}{_KIND_WORD}\s*[:—–]"
    + rf"|for\s+{_ARTICLE}{_NAME.replace('name', 'name2')}{_KIND_WORD}\s*[:,]"
    + rf"|in\s+{_ARTICLE}{_NAME.replace('name', 'name3')}{_KIND_WORD}\s*:"
    + r"|to\s+(?:make|cook|prepare|do)\s+(?:[\w'’-]+\s+){0,4}?(?:in|on|with|using)\s+"
    + rf"{_ARTICLE}{_NAME.replace('name', 'name4')}\s*[:,]"
    + r")",
    re.I,
)
_NAMED = re.compile(rf"\b{_NAME}(?:e?s)?\b", re.I)
_HEADING_WORDS = 8  # a heading is short
# A step that is a heading says so: "Oven Method:", "Slow Cooker Directions" (not "Cook in
# the slow cooker.").
_HEADING_STEP = re.compile(
    r":\s*$|\b(?:method|directions?|instructions?|version|option|preparation)\b", re.I
)


@dataclass(frozen=True, slots=True)
class StepMethod:
    """One way to cook the dish: its name as the recipe writes it ("Instant Pot"), the
    appliance it cooks in, its heading, and its steps (numbered from 1)."""

    name: str
    appliance: str
    heading: str
    steps: tuple[int, ...]


def _heading(text: str | None) -> tuple[str, str] | None:
    """The method a heading names ("Slow Cooker Directions:"): its name as written and its
    appliance; None when the heading is about something else ("For the sauce")."""
    if not text:
        return None
    words = re.findall(r"[^\W_]+", text.lower())
    if not words or len(words) > _HEADING_WORDS:
        return None
    rest = " ".join(w for w in words if w not in _FILLER)
    kind = _SPELLINGS.get(rest)
    if kind is None:
        return None
    found = _NAMED.search(text)
    return (found.group(0).strip() if found else rest), kind


def _opening(step: Step) -> tuple[str, str, str] | None:
    """The method a step begins with ("Instant Pot: Set the pot to sauté …"), or that the
    whole step is the heading of ("Oven Method:"): its name, appliance and heading."""
    whole = _heading(step.text) if _HEADING_STEP.search(step.text) else None
    if whole is not None:
        return (*whole, step.text)
    found = _OPENS.match(step.text)
    if found is None:
        return None
    name = next(g for g in found.groups() if g)
    kind = _SPELLINGS.get(spelling_key(name))
    return (name.strip(), kind, found.group(0).strip(" :,—–")) if kind else None


def _names(step: Step, appliance: str) -> bool:
    """Whether a step cooks in or names the appliance."""
    if step.heat == appliance or appliance in step.equipment:
        return True
    return appliance == "stove" and bool(set(step.equipment) & STOVE)


@dataclass(slots=True)
class _Block:
    name: str
    appliance: str
    heading: str
    steps: list[int]


def _blocks(steps: Sequence[Step]) -> list[_Block]:
    """The method blocks of the steps: a section a method heading names, and from a step
    that opens a method to the next one (the last: to its last step in that appliance)."""
    blocks: list[_Block] = []
    by_section: dict[int, int] = {}  # step index -> its block
    for i, step in enumerate(steps):
        named = _heading(step.section)
        if named is None:
            continue
        if not blocks or blocks[-1].heading != step.section or by_section.get(i - 1) is None:
            blocks.append(_Block(named[0], named[1], step.section or "", []))
        blocks[-1].steps.append(i)
        by_section[i] = len(blocks) - 1
    opens = [
        (i, opened)
        for i, step in enumerate(steps)
        if i not in by_section and (opened := _opening(step)) is not None
    ]
    stops = sorted({i for i, _ in opens} | set(by_section))
    for i, (name, appliance, heading) in opens:
        later = [j for j in stops if j > i]
        section = steps[i].section
        block = _Block(name, appliance, heading, [i])
        if later:  # up to the next method
            block.steps += [j for j in range(i + 1, later[0]) if steps[j].section == section]
        else:  # the last: on while its steps cook in its appliance (a step between may not)
            last, j = i, i + 1
            while j < len(steps) and steps[j].section == section and j - last <= 2:
                if _names(steps[j], appliance):
                    last = j
                j += 1
            block.steps += list(range(i + 1, last + 1))
        blocks.append(block)
    return blocks


def methods_in_steps(steps: Sequence[Step]) -> list[StepMethod]:
    """The methods written in a recipe's steps, in the order the recipe gives them; none
    unless there are two or more that cook in different appliances."""
    merged: dict[str, _Block] = {}
    for block in sorted(_blocks(steps), key=lambda b: b.steps[0]):
        if block.appliance in merged:
            merged[block.appliance].steps += block.steps
        else:
            merged[block.appliance] = block
    if len(merged) < 2:
        return []
    return [
        StepMethod(b.name, b.appliance, b.heading, tuple(sorted({i + 1 for i in b.steps})))
        for b in merged.values()
    ]


def matches(method: StepMethod, name: str) -> bool:
    """Whether ``--method NAME`` names this method: words of its heading ("instant pot"), or
    its appliance in any spelling ("pressure cooker", "crockpot", "stovetop")."""
    wanted = name.strip().lower()
    if not wanted:
        return False
    if wanted in method.heading.lower() or wanted in method.name.lower():
        return True
    named = _heading(name)
    return named is not None and named[1] == method.appliance


def _has(kitchen: Kitchen, appliance: str) -> bool:
    if appliance == "oven":
        return bool(kitchen.ovens)
    if appliance == "stove":
        return kitchen.burners > 0
    return kitchen.has(appliance)


def _a(appliance: str) -> str:
    return ("an " if appliance[0] in "aeiou" else "a ") + appliance


def choose(
    methods: Sequence[StepMethod], names: Sequence[str], kitchen: Kitchen | None
) -> tuple[StepMethod, str]:
    """The method to cook by, and why: the one ``names`` asks for, else the first the
    kitchen has the appliance for, else the first (``kitchen`` None: no kitchen file)."""
    for name in names:
        for method in methods:
            if matches(method, name):
                return method, f"as asked: --method {name}"
    if kitchen is not None:
        for method in methods:
            if _has(kitchen, method.appliance):
                return method, f"the kitchen has {_a(method.appliance)}"
        return methods[0], "the kitchen has none of their appliances; the first the recipe gives"
    return methods[0], "no kitchen file; the first the recipe gives"


def steps_span(numbers: Sequence[int]) -> str:
    """``step 4``, ``steps 7–9``, ``steps 2, 5 and 6``."""
    if len(numbers) == 1:
        return f"step {numbers[0]}"
    if list(numbers) == list(range(numbers[0], numbers[-1] + 1)):
        return f"steps {numbers[0]}–{numbers[-1]}"
    return "steps " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"


def known_methods(recipes: Sequence[Recipe]) -> list[str]:
    """Every method the recipes give: their articles' ("Two-Stage Oven Roast") and those
    written in their steps ("Instant Pot", "Slow Cooker")."""
    names = [v.name for r in recipes for v in r.variants if v.kind == "method"]
    names += [m.name for r in recipes for m in methods_in_steps(r.steps)]
    return list(dict.fromkeys(names))


def check_methods(recipes: Sequence[Recipe], names: Sequence[str]) -> None:
    """Every method named is one of the recipes' (an article's, or one in their steps);
    else a ``RequestError`` naming the methods there are."""
    articles = [v.name.lower() for r in recipes for v in r.variants if v.kind == "method"]
    in_steps = [m for r in recipes for m in methods_in_steps(r.steps)]
    for name in names:
        if any(name.lower() in a for a in articles) or any(matches(m, name) for m in in_steps):
            continue
        known = known_methods(recipes)
        offer = (
            "the methods there are: " + ", ".join(repr(m) for m in known)
            if known
            else "these recipes give no other method"
        )
        raise RequestError(
            f"{name!r} matches no method of the recipes", where="--method", hint=offer
        )
