"""The shape of a recipe sentence: is it an instruction, and what is its main clause.

"While the pork roasts, toss the carrots" is an instruction whose main clause is "toss the
carrots": the leading clause sets the scene and belongs to another step. The verbs and
openers are data (``data/words/verbs.toml``). Readers use :func:`is_instruction` to tell a
method from prose; understanding uses :func:`main_clause` to know what a step itself does.
"""

from __future__ import annotations

import re
from functools import cache

from ladle.words import alternation, word_list

__all__ = ["CONTEXT", "heat_verb", "is_instruction", "main_clause"]

# How far either side of a time or a word its context reaches when a step is read: far beyond
# any real sentence, and what keeps a step of thousands of times linear.
CONTEXT = 600


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    openers = alternation(
        (*word_list("verbs", "scene_openers"), *word_list("verbs", "while_abroad"))
    )
    subordinate = re.compile(
        # the scene set up to a comma or a colon, within its sentence: "If using skin-on
        # chicken: turn on …", not on past a stop ("Once hot. Add …, …")
        rf"^\s*(?:{openers}\b(?:[^,.;:!?]|\.(?=\d))*[,:]\s*|meanwhile\s*,?\s*)",
        re.I,
    )
    lead_ins = alternation(word_list("verbs", "lead_ins"))
    verbs = alternation(word_list("verbs", "imperative"))
    imperative = re.compile(rf"^\s*(?:{lead_ins},?\s+)?{verbs}\b", re.I)
    return subordinate, imperative


def main_clause(text: str) -> str:
    """The sentence without the leading clauses that set the scene.

    "While the pork roasts, toss the carrots" → "toss the carrots": the pork and its oven
    belong to another step.
    """
    subordinate, _ = _patterns()
    main = text
    while True:
        stripped = subordinate.sub("", main, count=1)
        if stripped == main:
            return main
        main = stripped


def is_instruction(sentence: str) -> bool:
    """True when a sentence tells the cook to do something ("Roast for 2 hours.")."""
    _, imperative = _patterns()
    return bool(imperative.match(main_clause(sentence)))


@cache
def heat_verb() -> re.Pattern[str]:
    """A verb that puts food on heat, with any ending ("roasting", "simmered", "air-fry")."""
    words = (*word_list("verbs", "heat"), *word_list("verbs", "oven_bake"))
    verbs = alternation(words).replace(r"\s+", r"[-\s]?")
    return re.compile(rf"\b{verbs}\w*\b", re.I)
