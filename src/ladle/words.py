"""The words ladle reads recipes by, kept as data: ``ladle/data/words/*.toml``, loaded once.

Headings, step labels, yield words, heat verbs, food classes, unit spellings and number words
live in TOML files beside the code that reads them, as ingredient-parser keeps its word
lists, so a language or a spelling is added by editing a list, not a regular expression.
``table(name)`` gives one file's contents; ``alternation(words)`` makes a regular-expression
alternation of a list of words or phrases (longest first, spaces matching any whitespace).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["alternation", "food_class", "plural", "singular", "table", "word_list"]


@cache
def table(name: str) -> dict[str, Any]:
    """The contents of ``data/words/<name>.toml``."""
    text = resources.files("ladle").joinpath("data", "words", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def word_list(name: str, key: str) -> tuple[str, ...]:
    """One list of a words file, in lower case (a table of lists is read as one list)."""
    value = table(name)[key]
    if isinstance(value, dict):
        items = [w for words in value.values() for w in words]
    else:
        items = list(value)
    return tuple(str(w).lower() for w in items)


def alternation(words: Iterable[str]) -> str:
    """``(?:servings|serving|…)``: the words as one regular-expression group, longest first,
    a space in a phrase matching any run of whitespace."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique) + ")"


@cache
def food_class(name: str) -> re.Pattern[str]:
    """A pattern finding a class of food of ``data/words/food.toml`` in a text, as a word or
    its plural: ``food_class("meat_or_fish").search("2 chicken thighs")``."""
    words = word_list("food", name)
    return re.compile(r"\b" + alternation(words) + r"(?:e?s)?\b", re.I)


@cache
def _plurals() -> tuple[dict[str, str], frozenset[str]]:
    data = table("plurals")
    return dict(data["irregular"]), frozenset(data["invariant"])


def singular(word: str) -> str:
    """The singular of an English noun, in lower case ("cloves" → "clove", "leaves" → "leaf",
    "tomatoes" → "tomato", "berries" → "berry"; "molasses", "glass", "asparagus" stay): the
    one singulariser of ladle, its exceptions in ``data/words/plurals.toml``."""
    lower = word.lower()
    irregular, invariant = _plurals()
    if lower in irregular:
        return irregular[lower]
    if lower in invariant or lower.endswith(("ss", "us", "is")) or len(lower) <= 3:
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return lower[:-2]
    if lower.endswith("s"):
        return lower[:-1]
    return lower


def plural(word: str) -> str:
    """The plural of an English noun, in lower case ("tomato" → "tomatoes", "berry" →
    "berries", "asparagus" stays)."""
    one = singular(word)
    irregular, invariant = _plurals()
    many = next((p for p, s in irregular.items() if s == one), None)
    if many or one in invariant or one.endswith(("ss", "us", "is")):
        return many or one
    if one.endswith("y") and one[-2:-1] not in set("aeiou"):
        return one[:-1] + "ies"
    if one.endswith(("s", "x", "ch", "sh", "z")):
        return one + "es"
    return one + "s"
