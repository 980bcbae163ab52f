"""One ingredient line to an :class:`~ladle.model.Ingredient`, through ingredient-parser-nlp.

ingredient-parser-nlp (pinned at 2.9.1) labels each token of the line with a CRF model and
groups the labels into amounts, a name, a preparation and comments; ladle maps that result onto
the recipe model. The first amount gives ``quantity``, ``quantity_max`` (ranges only) and the
canonical ``unit``; further amounts of the same line ("125g/4½oz", "1½ cups (350 ml)") become
``alternatives``; "(optional)" and "if using" set ``optional``; "to taste" sets ``to_taste``. The
tagger it needs is provided offline by :mod:`ladle.tagger`.

On top of the library's answer ladle corrects what it gets wrong in general, using only the
library's public result (``ParsedIngredient`` and its amounts):

* **Units are read as written.** A unit phrase becomes one canonical unit (see
  :func:`ladle.units.canonical_unit`): words that qualify a unit ("heaping", "scant", "small",
  "thumb-sized", "couple") move to the comment, "bottle or can" is a bottle, "oz cloves" is an
  ounce. When pint reads a word as something no kitchen measures in ("section" as a square
  survey mile, "tbsp tbsp" as tablespoon², "g/oz" as gram·ounce), the words as written decide.
* **A size word is not an amount.** "Heaping ¼ cup" gives the library an extra amount "1
  heaping": ladle folds it into the ¼ cup and keeps "Heaping" in the comment ("½ miniature
  bottle" likewise becomes ½ bottle).
* **A piece keeps its length.** "3-inch piece ginger", "1 (2-inch) piece ginger", "a 5 cm
  piece of ginger" are one piece, the length in the comment ("3 inch") and an alternative
  (2.5cm/1in: both); of several pieces ("2 (1-inch) pieces") the comment says the length of
  each and the alternative is the total ("2 × 1 inch").
* **Containers keep their size.** "2 x 400g cans", "2 (15 oz) cans", "2 - 15 oz cans", "2
  15-ounce cans" count cans (a bare multiplier takes the container named after its size); the
  size of each goes to the comment ("15 oz each") and the whole is an alternative (30 oz,
  written "2 × 15 oz"). One can's size is the whole: an alternative, "1 (15 oz) can".
* **Other languages and shapes** are read through :mod:`ladle.line_shapes` ("2 c. à soupe de
  farine" is 2 tablespoons of "farine"; "Farine - 185 grammes" is 185 grams).
* **Number words** the library leaves as text become numbers ("Half" → 0.5, "1 dozen" → 12);
  vague ones ("few") leave the quantity empty and stay in the comment.
* **Brackets** that wrap a whole field are dropped ("(minced)" → "minced"), unmatched ones
  removed, and a bracketed aside with figures leaves the name for the comment ("table (18%)
  cream" → "table cream", comment "18%"). Bracketed synonyms stay in the name
  ("okra (ladies' fingers)"), as the labelled data wants them.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any

from ladle.errors import IngredientError
from ladle.limits import quantity_ok
from ladle.line_shapes import read as read_shape
from ladle.line_shapes import without_leading_article
from ladle.model import Amount, Ingredient
from ladle.tagger import ensure_offline_tagger, use_quick_tagger
from ladle.text import parse_number
from ladle.units import canonical_unit, format_quantity, import_with_unit_cache, is_count_unit

__all__ = ["MAX_LINE", "clear_cache", "parse_ingredient", "parse_ingredients"]

MAX_LINE = 500

# The markers, with an "or" that leads to them ("(or to taste)") and their brackets.
_OPTIONAL = re.compile(
    r"\(?\s*(?:\b(?:or|and)\s+)?\b(?:optional(?:ly)?|if using|if desired|if you like)\b\s*\)?", re.I
)
_TO_TASTE = re.compile(
    r"\(?\s*(?:\b(?:or|and)\s+)?\b(?:to taste|as needed|to season|for seasoning)\b\s*\)?", re.I
)
_EMPTY_LEFT = re.compile(r"^[\s,;:()\-–—]*$")
# Control, format and surrogate characters: never part of an ingredient line.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)
_WORDLIKE = re.compile(r"\w")
_LETTER = re.compile(r"[^\W\d_]")

_FRACTIONS = "\u00bc-\u00be\u2150-\u215e"
_NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s*[{_FRACTIONS}]|\s+\d+/\d+|/\d+)?|[{_FRACTIONS}])"
# The quantity in front of an amount's text ("1½ cups", "2-3 tbsps", "2x cans").
_LEADING_QUANTITY = re.compile(rf"^\s*{_NUMBER}(?:\s*[-–]\s*{_NUMBER})?x?\s*")
# A size that is a length: "2.5 cm/1 in", "¾ inch", "1 inch (2.5 cm)".
_LENGTH_SIZE = re.compile(
    rf"^\s*({_NUMBER})\s*-?\s*([a-z.]+)\s*(?:[/(]\s*({_NUMBER})\s*-?\s*([a-z.]+)\s*\)?)?\s*$", re.I
)
_SIZE_ARTICLE = re.compile(r"^\s*(?:an?|one)\s+", re.I)
_DECIMAL_RANGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*$")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,;:.)])")
_SPACE_AFTER_BRACKET = re.compile(r"\(\s+")

_LENGTHS = frozenset({"inch", "centimeter", "millimeter"})
# Units of a piece cut to a length: "3-inch piece ginger" is one piece, 3 inches long.
_PIECES = frozenset({None, "piece", "chunk", "knob", "hunk", "nub", "stick"})
_CONJUNCTIONS = frozenset({"and", "or", "&", "and/or"})
_WORD_EDGES = ",;:.()[]!?\"'"

# Words that qualify a unit without naming one: they go to the comment ("heaping ¼ cup").
_UNIT_MODIFIERS = frozenset(
    {
        "big", "couple", "extra", "few", "full", "generous", "good", "healthy", "heaped",
        "heaping", "hefty", "large", "level", "lg", "little", "md", "med", "medium", "mini",
        "miniature", "rounded", "scant", "several", "sm", "small", "thick", "thin", "whole",
    }
)  # fmt: skip
_MODIFIER_SUFFIXES = ("-sized", "-size", "-long", "-thick", "-wide")


@cache
def _parser() -> Any:
    """ingredient-parser's ``parse_ingredient``, loaded once: the tagger it finds offline and
    builds from ladle's quick file, its pint registry from ladle's cache."""
    ensure_offline_tagger()
    library = import_with_unit_cache("ingredient_parser")
    use_quick_tagger()
    return library.parse_ingredient


# --- numbers ------------------------------------------------------------------------------------


def _finite(value: Fraction | float | int) -> float | None:
    try:
        number = float(value)
    except (OverflowError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _quantity(value: object) -> tuple[float | None, list[str]]:
    """The library's quantity as a number, with the words that are not one ("few")."""
    if isinstance(value, Fraction | int | float) and not isinstance(value, bool):
        return _finite(value), []
    text = str(value or "").strip()
    if not text:
        return None, []
    words = text.lower().split()
    numbers = [12.0 if w == "dozen" else parse_number(w) for w in words]
    if len(words) == 1 and numbers[0] is not None:  # "Half", "One"
        return numbers[0], []
    if len(words) == 2 and words[1] == "dozen" and numbers[0] is not None:  # "1 dozen"
        return numbers[0] * 12.0, []
    return None, [text]


# --- units --------------------------------------------------------------------------------------


def _is_modifier(word: str) -> bool:
    lower = word.lower()
    return lower in _UNIT_MODIFIERS or lower.endswith(_MODIFIER_SUFFIXES)


def _is_measure(unit: str | None) -> bool:
    """True for units pint measures in (gram, cup), False for count nouns and unknown words."""
    return unit is not None and not is_count_unit(unit)


@lru_cache(maxsize=512)
def _pint_measure(unit: Any) -> str | None:
    """pint's name of a unit when ladle knows it as a measure (the library reuses its units)."""
    name = str(unit)
    return name if _is_measure(canonical_unit(name)) else None


def _written_unit(amount: Any) -> str:
    """The unit of one library amount as words: pint's name when it is a kitchen measure."""
    unit = amount.unit
    if isinstance(unit, str):
        return unit
    name = _pint_measure(unit)
    if name is not None:
        return name
    # pint read the words as something no kitchen uses: take them as written.
    text = str(amount.text)
    quantity = amount.quantity
    if isinstance(quantity, str) and text.startswith(quantity):
        return text[len(quantity) :].strip()
    return _LEADING_QUANTITY.sub("", text, count=1)


def _split_unit(phrase: str) -> tuple[str | None, list[str]]:
    """One canonical unit from a unit phrase, and the other words of the phrase, in order."""
    words = phrase.split()
    if not words:
        return None, []
    whole = canonical_unit(phrase)
    if len(words) == 1:
        if _is_modifier(words[0]) or not _LETTER.search(words[0]):
            return None, words
        return whole, []
    if _is_measure(whole):  # "fl oz", "fluid ounces"
        return whole, []
    lowered = [w.lower() for w in words]
    end = lowered.index("or", 1) if "or" in lowered[1:] else len(words)  # "bottle or can"
    candidates = [i for i in range(end) if not _is_modifier(words[i]) and _LETTER.search(words[i])]
    if not candidates:
        return None, words
    measures = [i for i in candidates if _is_measure(canonical_unit(words[i]))]
    # "oz cloves", "g packs": the measure is the unit (a repeated one is dropped: "tbsp tbsp");
    # else the last word is ("heaping tablespoons", "small to medium head").
    chosen = measures[0] if measures else candidates[-1]
    dropped = set(measures) | {chosen}
    return canonical_unit(words[chosen]), [w for i, w in enumerate(words) if i not in dropped]


# --- amounts ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Work:
    """One amount while ladle corrects it."""

    quantity: float | None
    quantity_max: float | None
    unit: str | None
    text: str
    start: int
    singular: bool = False
    multiplier: bool = False
    moved: list[str] = field(default_factory=list)
    size_only: bool = False  # its unit was nothing but size words ("1 heaping")

    def amount(self) -> Amount:
        high = self.quantity_max
        is_range = high is not None and self.quantity is not None and high != self.quantity
        return Amount(
            quantity=self.quantity,
            quantity_max=high if is_range else None,
            unit=self.unit,
            text=self.text,
        )


def _work(amount: Any) -> _Work:
    """One library amount (simple or composite) as a working amount."""
    parts = getattr(amount, "amounts", None)
    start = int(getattr(amount, "starting_index", 0) or 0)
    if parts:  # "1 lb 2 oz": one amount, in the first part's unit
        first = parts[0]
        unit, moved = _split_unit(_written_unit(first))
        try:
            total = _finite(amount.convert_to(str(first.unit)).magnitude)
        except Exception:  # parts the library cannot add: the first one
            total, _ = _quantity(first.quantity)
        return _Work(total, total, unit, str(amount.text), start, moved=moved)
    low, words = _quantity(amount.quantity)
    high, _ = _quantity(amount.quantity_max)
    ranged = _DECIMAL_RANGE.match(str(amount.quantity)) if low is None else None
    if ranged is not None:  # "1.5-2 cups": the library leaves a range of decimals as text
        low, high, words = float(ranged[1]), float(ranged[2]), []
    written = _written_unit(amount)
    unit, moved = _split_unit(written)
    return _Work(
        quantity=low,
        quantity_max=high if high is not None else low,
        unit=unit,
        text=str(amount.text),
        start=start,
        singular=bool(getattr(amount, "SINGULAR", False)),
        multiplier=bool(getattr(amount, "MULTIPLIER", False)),
        moved=words + moved,
        size_only=unit is None and bool(written.strip()),
    )


def _fold_size_words(amounts: list[_Work]) -> list[_Work]:
    """Fold "1 heaping" into the amount beside it ("Heaping ¼ cup", "½ miniature bottle")."""
    result = list(amounts)
    for work in amounts:
        if not work.size_only:
            continue
        partners = [
            other
            for other in result
            if other is not work and other.unit is not None and abs(other.start - work.start) <= 1
        ]
        if not partners:
            continue
        partner = min(partners, key=lambda other: abs(other.start - work.start))
        if partner.quantity == 1 and partner.quantity_max == 1 and work.quantity not in (None, 1):
            partner.quantity, partner.quantity_max = work.quantity, work.quantity_max
        partner.moved = work.moved + partner.moved
        result.remove(work)
    return result


def _piece_length(amounts: list[_Work], size: Any) -> tuple[bool, list[_Work]]:
    """The length of a piece ("3-inch piece ginger", "1 (2-inch) piece", "a 5 cm piece of
    ginger", "One 3-inch cinnamon stick"): the count of pieces stays the amount and the length
    stays in the comment ("3 inch", as a shopping list notes it). One piece's length is also
    another way of writing the whole amount (an alternative); the length of each of several
    pieces is returned, for their total. The size is never used up (False)."""
    if size is None or not amounts or amounts[0].unit not in _PIECES:
        return _length_first(amounts, size), []
    first = amounts[0]
    lengths = _lengths(str(size.text), first.start)
    if first.quantity is None or not lengths:
        return False, []
    if first.quantity == 1 and first.quantity_max in (None, 1):
        amounts[1:1] = lengths
        return False, []
    return False, lengths[:1]


def _length_first(amounts: list[_Work], size: Any) -> bool:
    """A length written before another count ("6-inch branch tarragon", "10cm/4in square
    puff pastry") is the amount, the count an alternative; True when the size was used."""
    if size is None or not amounts:
        return False
    first = amounts[0]
    if (
        first.unit is None
        or _is_measure(first.unit)
        or first.quantity != 1
        or first.quantity_max != 1
        or int(getattr(size, "starting_index", 0)) >= first.start
    ):
        return False
    lengths = _lengths(str(size.text), first.start)
    amounts[:0] = lengths
    return bool(lengths)


def _lengths(size: str, start: int) -> list[_Work]:
    """The lengths of a size ("2.5 cm/1 in", "(2 inch)", "a 5 cm"), or [] when it is not one."""
    match = _LENGTH_SIZE.match(_SIZE_ARTICLE.sub("", size).strip("() "))
    if not match:
        return []
    lengths: list[_Work] = []
    for number_text, unit_text in ((match[1], match[2]), (match[3], match[4])):
        if number_text is None:
            continue
        number = parse_number(number_text)
        unit = canonical_unit(unit_text)
        if number is None or unit not in _LENGTHS:
            return []
        lengths.append(_Work(number, number, unit, f"{number_text} {unit_text}", start))
    return lengths


def _totals(primary: _Work, per_item: list[_Work]) -> list[Amount]:
    """The whole of "2 (15 oz) cans": 30 oz, written "2 × 15 oz", so that a reader of the
    amounts knows how much there is in all (the size of each stays in the comment)."""
    count = primary.quantity
    for work in per_item:
        if count is None or work.quantity is None or not _is_measure(work.unit):
            continue
        high = primary.quantity_max
        is_range = high is not None and high != count
        return [
            Amount(
                quantity=count * work.quantity,
                quantity_max=high * work.quantity if is_range and high is not None else None,
                unit=work.unit,
                text=f"{format_quantity(count)} × {work.text}",
            )
        ]
    return []


def _count_multiplier(amounts: list[_Work]) -> None:
    """Count containers in "2 x 400g cans": a bare multiplier takes the container's name."""
    if len(amounts) < 2 or amounts[0].unit is not None or not amounts[0].multiplier:
        return
    for other in amounts[1:]:
        for word in other.moved:
            unit = canonical_unit(word)
            if not _is_modifier(word) and unit is not None and not _is_measure(unit):
                amounts[0].unit = unit
                other.moved.remove(word)
                return


def _per_item(amounts: list[_Work]) -> list[_Work]:
    """Take out the size of each piece: "2 x 400g tins", "2 tenderloins (about 1 pound each)".

    Alternatives are other ways of writing the whole amount; the size of one of several
    containers or pieces is not, so it goes to the comment as "400 g each".
    """
    if len(amounts) < 2:
        return []
    primary = amounts[0]
    count = primary.quantity_max or primary.quantity or 0
    if count <= 1:
        return []  # one can of 400 g is 400 g: an alternative
    containers = primary.unit is not None and not _is_measure(primary.unit)
    taken = [
        work
        for work in amounts[1:]
        if work.singular or (containers and _is_measure(work.unit) and work.start > primary.start)
    ]
    for work in taken:
        amounts.remove(work)
    return taken


# --- text fields --------------------------------------------------------------------------------


def _tidy(text: str | None) -> str | None:
    """Spaces, unmatched and wrapping brackets, stray punctuation at the ends."""
    if not text:
        return None
    text = _SPACES.sub(" ", text).strip()
    if "(" in text or ")" in text:
        text = _balance(text).replace("()", "")
        while text.startswith("(") and text.endswith(")") and _balance(text[1:-1]) == text[1:-1]:
            text = text[1:-1].strip()
        text = _SPACE_AFTER_BRACKET.sub("(", text)
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text).strip(" ,;:-–—")
    return text or None


def _balance(text: str) -> str:
    """Drop brackets that have no partner."""
    keep = [True] * len(text)
    opened: list[int] = []
    for i, char in enumerate(text):
        if char == "(":
            opened.append(i)
        elif char == ")":
            if opened:
                opened.pop()
            else:
                keep[i] = False
    for i in opened:
        keep[i] = False
    return "".join(c for c, k in zip(text, keep, strict=True) if k)


def _strip_marker(text: str | None, marker: re.Pattern[str]) -> tuple[str | None, bool]:
    if not text:
        return text, False
    stripped, count = marker.subn("", text)
    if not count:
        return text, False
    stripped = stripped.strip(" ,;")
    return (None if _EMPTY_LEFT.match(stripped) else stripped), True


def _name_and_asides(name: str | None) -> tuple[str | None, list[str]]:
    """The name without bracketed asides that hold figures ("table (18%) cream")."""
    if not name or "(" not in name:
        return name, []
    asides: list[str] = []

    def aside(match: re.Match[str]) -> str:
        if _DIGIT.search(match[1]):
            asides.append(match[1].strip())
            return " "
        return match[0]

    cleaned = _tidy(_BRACKETED.sub(aside, name))
    return (cleaned, asides) if cleaned else (name, [])


def _with_conjunctions(name: str, text: str) -> str:
    """Put back the "and"/"or" that joined the parts of a name ("salt and cracked pepper").

    The library builds a name from the words labelled as name only; when the line joins two
    names with a conjunction followed by other words, the conjunction is lost ("salt pepper").
    """
    if name in text or " " not in name:
        return name
    words = name.split(" ")
    line = [w.strip(_WORD_EDGES) for w in text.split(" ")]
    found: list[int] = []
    at = 0
    for word in words:
        bare = word.strip(_WORD_EDGES)
        try:
            at = line.index(bare, at) if bare else at
        except ValueError:
            return name
        found.append(at)
        at += 1
    out: list[str] = []
    for i, word in enumerate(words):
        if i and found[i] > found[i - 1] + 1:
            gap = [w.lower() for w in line[found[i - 1] + 1 : found[i]]]
            joins = [w for w in gap if w in _CONJUNCTIONS]
            if joins and joins[0] not in {words[i - 1].lower(), word.lower()}:
                out.append(joins[0])
        out.append(word)
    return " ".join(out)


def _clean_line(line: str) -> str:
    text = " ".join(_INVISIBLE.sub(" ", line).split())
    if not text:
        raise IngredientError(
            "the ingredient line is empty", hint="give a line like '2 tbsp olive oil'"
        )
    if len(text) > MAX_LINE:
        raise IngredientError(
            f"the ingredient line is {len(text)} characters long",
            hint=f"an ingredient line has at most {MAX_LINE}",
        )
    if not _WORDLIKE.search(text):
        raise IngredientError(
            f"the ingredient line {text!r} has no words or numbers",
            hint="write it as amount, unit, name: '2 tbsp olive oil'",
        )
    return text


# --- the public functions -----------------------------------------------------------------------


def parse_ingredient(line: str, group: str | None = None) -> Ingredient:
    """Understand one ingredient line.

    Raises :class:`~ladle.errors.IngredientError` (and nothing else) for a line that cannot be
    understood: empty, longer than ``MAX_LINE`` characters, or without words.

    >>> parse_ingredient("4-5 cloves garlic, minced").to_json()["quantity_max"]
    5
    """
    text = _clean_line(line)
    understood = copy.deepcopy(_understood(text))
    understood.group = group
    return understood


@lru_cache(maxsize=4096)
def _understood(text: str) -> Ingredient:
    """One cleaned line, understood once per process: recipes repeat "1 tsp salt" a lot, and the
    tagger is the slow part of reading a recipe. Callers get a copy.

    The tagger reads the line in the shape of :func:`ladle.line_shapes.read` ("2 c. à soupe de
    farine" as "2 cup de farine"); the answer keeps the line as written, the unit the line's
    own unit word is, and a name without the article of another language ("farine")."""
    shape = read_shape(text)
    try:
        parsed = _parser()(shape.text, separate_names=False)
    except Exception as exc:  # the library's own failures on odd text
        raise IngredientError(
            f"cannot understand the ingredient line {text!r} ({type(exc).__name__})",
            hint="write it as amount, unit, name: '2 tbsp olive oil'",
        ) from exc
    understood = _ingredient(shape.text, parsed, None)
    name = understood.name
    if understood.quantity is not None or understood.unit is not None:
        name = without_leading_article(name)
    comment = ", ".join([*shape.words, *([understood.comment] if understood.comment else [])])
    return _in_range(
        replace(
            understood,
            text=text,
            unit=shape.unit or understood.unit,
            name=name,
            comment=comment or None,
        )
    )


def _in_range(ingredient: Ingredient) -> Ingredient:
    """An amount ladle cannot use (a billion or more, ``ladle.limits``) stays in the line's
    text and is no number."""
    if not (quantity_ok(ingredient.quantity) and quantity_ok(ingredient.quantity_max)):
        ingredient.quantity = ingredient.quantity_max = None
    ingredient.alternatives = [
        a
        for a in ingredient.alternatives
        if quantity_ok(a.quantity) and quantity_ok(a.quantity_max)
    ]
    return ingredient


def clear_cache() -> None:
    """Forget the lines understood so far (benchmarks measure cold reads with it)."""
    _understood.cache_clear()


def _ingredient(text: str, parsed: Any, group: str | None) -> Ingredient:
    """The library's ``ParsedIngredient`` of ``text``, corrected, as an Ingredient."""
    amounts = _fold_size_words([_work(a) for a in parsed.amount])
    size_used, lengths = _piece_length(amounts, parsed.size)
    _count_multiplier(amounts)
    per_item = _per_item(amounts)

    name, asides = _name_and_asides(" ".join(n.text for n in parsed.name) or None)
    if name is not None:
        name = _with_conjunctions(name, text)
        if name.lower() in _UNIT_MODIFIERS:  # "1 c scant": a size word is no name
            asides.insert(0, name)
            name = None
    name, name_optional = _strip_marker(name, _OPTIONAL)

    # The comment: the size, words taken out of units, the library's comment and purpose.
    pieces: list[tuple[int, str]] = (
        []
        if size_used or parsed.size is None
        else [(int(parsed.size.starting_index), _SIZE_ARTICLE.sub("", str(parsed.size.text)))]
    )
    pieces += [(work.start, " ".join(work.moved)) for work in amounts if work.moved]
    pieces += [(work.start, f"{work.text} each") for work in per_item]
    pieces += [
        (int(part.starting_index), str(part.text))
        for part in (parsed.comment, parsed.purpose)
        if part is not None
    ]
    parts = [_tidy(words) for _, words in sorted(pieces, key=lambda piece: piece[0])]
    comment = ", ".join(part for part in [*parts, *asides] if part) or None
    comment, optional = _strip_marker(comment, _OPTIONAL)
    comment, to_taste = _strip_marker(comment, _TO_TASTE)
    preparation = _tidy(parsed.preparation.text) if parsed.preparation else None
    preparation, prep_optional = _strip_marker(preparation, _OPTIONAL)
    preparation, prep_taste = _strip_marker(preparation, _TO_TASTE)

    first = amounts[0].amount() if amounts else None
    return Ingredient(
        text=text,
        name=_tidy(name),
        quantity=first.quantity if first else None,
        quantity_max=first.quantity_max if first else None,
        unit=first.unit if first else None,
        preparation=_tidy(preparation),
        comment=_tidy(comment),
        optional=optional or prep_optional or name_optional,
        group=group,
        to_taste=to_taste or prep_taste,
        alternatives=[work.amount() for work in amounts[1:]]
        + (_totals(amounts[0], per_item + lengths) if amounts else []),
    )


def parse_ingredients(lines: Iterable[str], group: str | None = None) -> list[Ingredient]:
    """Understand several lines; blank lines are skipped."""
    return [parse_ingredient(line, group) for line in lines if line.strip()]
