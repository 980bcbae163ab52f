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

__all__ = ["alternation", "food_class", "table", "word_list"]


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
