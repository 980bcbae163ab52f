"""The kinds of constraint a plan keeps, in one table: how the solver encodes each, how the
independent checker verifies it, and how an explanation words it when it clashes.

The solver switches each kind it can relax by a literal per *group* (``Group``: the kind and
which one: an activity, a relation's index, an oven), so that an infeasible problem can name
the groups that cannot hold together (``ladle.planning.explain``). A new kind of constraint
is a row here, its encoding in ``solver``, its check in ``check`` (the codes named here must
exist there: ``tests/test_constraints.py``) and, when it can clash, its wording in
``explain``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KINDS", "Group", "Kind"]


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of constraint."""

    name: str  # the group prefix, when the solver can switch it
    what: str  # what it says, in a cook's terms
    encoded: str  # how the CP-SAT model holds it
    checked: tuple[str, ...]  # the codes of ``check.CODES`` that verify it
    worded: str  # how an explanation says it when it is part of a clash


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "written",
            "a step is done as the recipe writes it (with --exact)",
            "the mode literals other than the first are 0 (one group per activity)",
            ("no-mode",),
            "names the dishes and their written oven temperatures",
        ),
        Kind(
            "oven",
            "an oven holds one temperature at a time, with time to heat or cool between",
            "for each pair of uses at two temperatures, one precedes the other by the change",
            ("oven-temperatures", "oven-cold"),
            '"One oven cannot hold 450°F for the pork belly and 425°F for the carrots …"',
        ),
        Kind(
            "now",
            "nothing starts before now, and an oven is preheated after now",
            "each oven use starts at least its preheat after the horizon's start",
            ("too-early",),
            '"There is not enough time before serving to do every step, starting now."',
        ),
        Kind(
            "night",
            "no hands-on work while the cooks sleep",
            "an interval per night taking every cook's attention in the cooks' cumulative",
            ("night",),
            '"The hands-on work does not fit the cook\'s hours (no work at night)."',
        ),
        Kind(
            "ahead",
            "a dish is made as written unless the recipe's make-ahead is allowed",
            "the make-ahead option literal is 0",
            ("choice-none", "choice-several", "choice-mixed"),
            "offered as a fix: the recipe's make-ahead",
        ),
        Kind(
            "wait",
            "a step follows another within a time (the step before, off the heat, hot)",
            "start(after) <= end(before) + max_gap (one group per relation)",
            ("after",),
            '"The … cannot come to the table hot" or "The steps of the … cannot follow each '
            'other closely enough"',
        ),
        Kind(
            "serve",
            "a hot or warm dish leaves its heat shortly before its course is served",
            "end(last cooking) >= course time - the window (one group per dish's cooking)",
            ("serve",),
            '"The … cannot come to the table hot"',
        ),
        Kind(
            "raw",
            "raw meat, poultry or fish is out of the refrigerator at most 2 hours before it cooks",
            "start(cooking) - start(first handling) - time in the fridge between <= 120",
            ("out-of-fridge",),
            '"The raw … would be out of the refrigerator more than 2 hours …"',
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Group:
    """One switch of the solver: a kind and which one of it (an activity, an index, an oven)."""

    kind: str
    which: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"no constraint kind {self.kind!r}")

    @property
    def index(self) -> int:
        """The relation's index, for kinds numbered by their place in the problem."""
        return int(self.which)

    def __str__(self) -> str:
        return f"{self.kind}:{self.which}" if self.which else self.kind
