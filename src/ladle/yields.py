"""How much a recipe makes, read from the words a source uses for it: the one yield parser.

"Serves 4", "Yield: 6 servings", "Makes about 2 quarts (8 servings)", "Makes 24 cookies",
"2 dozen", "4 personnes", "Für 4 Personen", "4-6", 4: each becomes a :class:`~ladle.model.Yield`
with servings, an amount and unit, or both. The words (keywords before the number, nouns that
count servings, in several languages) live in ``data/words/yield.toml``.

:func:`parse_yield` reads one text. With ``stated=True`` the text is known to be a yield (a
recipe's yield field: a bare "4" is four servings); without it the text must say so itself
(a keyword first, or a servings noun after the number), so a line of prose or an ingredient
line is never taken for a yield. :func:`yield_of` reads the several texts a source may give
(schema.org's ``["4", "4 servings", "24 cookies"]``) into one yield.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ladle.limits import quantity_ok, servings_ok
from ladle.model import Yield
from ladle.text import FRACTIONS, parse_number
from ladle.units import canonical_unit
from ladle.words import alternation, table, word_list

__all__ = ["is_yield", "parse_yield", "yield_of"]

_NUMBER = rf"\d+(?:[.,]\d+)?(?:\s*[{''.join(FRACTIONS)}])?|[{''.join(FRACTIONS)}]|\d+/\d+"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    servings = alternation(word_list("yield", "servings_keywords"))
    prepositions = alternation(word_list("yield", "servings_prepositions"))
    makes = alternation(word_list("yield", "makes_keywords"))
    keyword = re.compile(
        rf"^\s*(?:(?P<servings>{servings})|(?P<prep>{prepositions})|(?P<makes>{makes}))\b\.?"
        r"\s*(?:[:\-–—=]\s*)?",
        re.I,
    )
    nouns = alternation(word_list("yield", "servings_nouns"))
    amount = re.compile(
        r"^(?:about|around|approximately|approx\.?|roughly|up\s+to|ca\.?|env\.?|etwa)?\s*"
        rf"(?P<n>{_NUMBER})(?:\s*(?:-|–|—|to|à|a|bis|tot|till)\s*(?P<high>{_NUMBER}))?"
        r"\s*(?P<word>[^\W\d_][\w'’.-]*)?",
        re.I,
    )
    counted = re.compile(
        rf"(?P<n>{_NUMBER})(?:\s*(?:-|–|to|à|bis|tot)\s*{_NUMBER})?\s*{nouns}(?![\w])", re.I
    )
    noun = re.compile(rf"^{nouns}\.?$", re.I)
    return keyword, amount, counted, noun


def _multiplier(word: str) -> float | None:
    value = table("yield")["multipliers"].get(word.lower())
    return float(value) if value is not None else None


def parse_yield(text: str, *, stated: bool = False) -> Yield | None:
    """One yield as written, or None when the text states none (see the module doc)."""
    keyword, amount, counted, noun = _patterns()
    whole = " ".join(str(text).split())
    if not whole or len(whole) > 200:
        return None
    head = keyword.match(whole)
    kind = head.lastgroup if head else None
    rest = whole[head.end() :] if head else whole
    match = amount.match(rest)
    if match is None and stated and not head:
        match = amount.match(re.sub(r"^\D{0,30}?(?=\d)", "", rest))
    if match is None:
        return None
    value = parse_number(match.group("n").replace(",", "."))
    if value is None or value <= 0:
        return None
    if re.match(r"[eE][+-]?\d", rest[match.end("n") :]):
        return Yield(text=whole)  # "Serves 1e400": a number in exponent form, kept as text
    word = (match.group("word") or "").rstrip(".")
    result = Yield(text=whole)
    if word and (scale := _multiplier(word)) is not None:
        value *= scale
        after = re.match(r"\s*([^\W\d_][\w'’-]*)", rest[match.end() :])
        if after is None:  # "1 dozen": twelve of what the recipe makes
            result.amount = value
            return _in_range(result)
        word = after.group(1)
    is_servings_noun = bool(word) and bool(noun.match(word))
    if kind == "prep" and not is_servings_noun:
        return None  # "Serve 2 slices each": a preposition alone says nothing
    if not (head or stated or is_servings_noun):
        return None  # "2 cups flour" is no yield
    if not word or is_servings_noun or kind in {"servings", "prep"}:
        if value > 100 and not stated:
            return None  # "2658 people saved this" is no yield
        result.servings = value
    else:
        result.amount = value
        result.unit = canonical_unit(word)
        also = counted.search(rest, match.end())
        if also is not None:  # "Makes about 2 quarts (8 servings)"
            result.servings = parse_number(also.group("n").replace(",", "."))
    return _in_range(result)


def _in_range(result: Yield) -> Yield:
    """Servings or an amount ladle cannot use (``ladle.limits``) stay in the yield's text."""
    if not servings_ok(result.servings):
        result.servings = None
    if not quantity_ok(result.amount):
        result.amount = result.unit = None
    return result


def is_yield(text: str) -> bool:
    """Whether a line of text states a yield ("Serves 4", "Makes 24 cookies", "4 personnes")."""
    return parse_yield(text) is not None


def yield_of(texts: Sequence[str | float]) -> Yield:
    """The yield of the texts a source gives for it: servings from the first that states
    servings, an amount from the first that states one, as written: the longest text."""
    result = Yield()
    for item in texts:
        if isinstance(item, bool):
            continue
        parsed = parse_yield(_shown(item), stated=True)
        if parsed is None:
            continue
        if parsed.servings is not None and result.servings is None:
            result.servings = parsed.servings
        if parsed.amount is not None and result.amount is None:
            result.amount, result.unit = parsed.amount, parsed.unit
    written = [" ".join(_shown(t).split()) for t in texts if not isinstance(t, bool)]
    result.text = max(written, key=len) if any(written) else None
    return result


def _shown(item: str | float) -> str:
    return f"{item:g}" if isinstance(item, float) else str(item)
