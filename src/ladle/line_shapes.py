"""The shapes cooks write ingredient lines in, rewritten into the one the tagger reads surely.

ingredient-parser's tagger was trained on English lines written "amount unit name". Cooks also
write, in English and in other languages (the words are ``data/words/units.toml`` and
``data/words/lines.toml``):

* a unit of another language after the amount: "2 c. à soupe de farine", "1 TL Salz",
  "3 gousses d'ail", "6 db burgonya". The unit stands in the line as "cup" (a word the tagger
  always reads as a unit) and :class:`Shape` says which unit it is (tablespoon, clove, piece);
  words that qualify the unit ("1 gestrichener TL", "1 kl. Bund") go to the comment;
* the amount after the name: "Farine - 185 grammes", "Beurre doux : 120 g", "Zucchero 105 g";
* "approximately" before the amount: "Plm. 750 gram", "ca. 200 g" (kept for the comment);
* a number as a word before a unit: "meia colher (sopa)", "Una pizca de sal";
* a decimal comma ("0,5 ts"), a whole and a fraction joined by a word ("1 e 1/2 xícara"), a
  range joined by a word ("2 à 3 blokjes"), a sum ("1 + 1 eetlepel");
* singular and plural side by side: "500 grama | gramas", "1 Zwiebel / Zwiebeln", "Ei(er)";
* a count of containers and their size with a dash: "2 - 15 oz cans" is "2 x 15 oz cans",
  never a range of 2 to 15 ounces.

:func:`read` gives the text to tag; the line as written stays the ingredient's ``text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ladle.text import FRACTIONS
from ladle.units import canonical_unit, dimension, is_unit_word
from ladle.words import alternation, table

__all__ = ["Shape", "foreign_units", "read", "without_leading_article"]

_FRACTION_CHARS = "".join(FRACTIONS)
_NUMBER = rf"(?:\d+(?:[.,]\d+)?(?:\s*[{_FRACTION_CHARS}]|\s+\d+/\d+|/\d+)?|[{_FRACTION_CHARS}])"
_AMOUNT = rf"{_NUMBER}(?:\s*[-–]\s*{_NUMBER})?"
_STARTS_WITH_NUMBER = re.compile(rf"^\s*[\d{_FRACTION_CHARS}]")
_DIGIT = re.compile(r"\d")
_PLURAL_SUFFIX = re.compile(r"(?<=[^\W\d_])\((?:s|n|e|en|er|es|x)\)", re.I)
_PAIR = re.compile(
    r"(?P<a>[^\W\d_]{3,})(?P<aside>\s*\([^()]*\))?\s*[|/]\s*(?P<b>[^\W\d_]+)(?:\s*\([^()]*\))?"
)
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d{1,2})(?![\d,])")
_PLUS = re.compile(r"^(\s*)(\d+)\s*\+\s*(\d+)(?=\s)")
_COUNT_DASH_SIZE = re.compile(
    r"^(?P<count>\s*\d+)\s+[-–]\s+(?=(?P<size>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>[a-z.]+)\s+"
    r"(?P<container>[a-z]+)\b)",
    re.I,
)
# The amount written after the name: "Farine - 185 grammes", "Zucchero 105 g", "Lait : 25 cl".
_AMOUNT_LAST = re.compile(
    rf"^(?P<name>.*?[^\W\d_].*?)(?P<sep>\s*:\s*|\s+[-–]\s+|\s+)(?P<amount>{_AMOUNT})"
    r"(?P<tail>\s*[^\d]*?)\s*$"
)
_TAIL_ASIDE = re.compile(r"^(?P<unit>.*?)\s*(?P<aside>\([^()]*\))$")


@dataclass(frozen=True, slots=True)
class Shape:
    """A line made ready for the tagger: the ``text`` to tag, the English ``unit`` a unit of
    another language is (None: the tagger's unit stands), and ``words`` taken out for the
    comment ("ca.", "gestrichener")."""

    text: str
    unit: str | None = None
    words: tuple[str, ...] = ()


@cache
def foreign_units() -> dict[str, str]:
    """Every spelling of ``data/words/units.toml``, lower case, to the unit it is."""
    return {
        " ".join(spelling.split()): unit
        for unit, spellings in table("units")["after_number"].items()
        for spelling in spellings
    }


@cache
def _lines() -> dict[str, object]:
    return table("lines")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _lines()
    joins = data["joins"]
    assert isinstance(joins, dict)
    numbers = data["numbers_before_unit"]
    assert isinstance(numbers, dict)
    units = alternation(foreign_units())
    modifiers = alternation(str(w) for w in data["unit_modifiers"])  # type: ignore[attr-defined]
    approximately = alternation(str(w) for w in data["approximately"])  # type: ignore[attr-defined]
    unit_end = r"(?=[\s,;:]|$)"
    return {
        "unit": re.compile(
            rf"^(?P<amount>\s*{_AMOUNT}\s*)(?:(?P<modifier>{modifiers})\s+)?"
            rf"(?P<unit>{units}){unit_end}",
            re.I,
        ),
        "approximately": re.compile(
            rf"^\s*(?P<word>{approximately})\s*(?=[\d{_FRACTION_CHARS}])", re.I
        ),
        "number_word": re.compile(
            rf"^\s*(?P<word>{alternation(numbers)})\s+"
            rf"(?=(?:(?:{modifiers})\s+)?(?:{units}){unit_end})",
            re.I,
        ),
        "fraction_join": re.compile(
            rf"^(?P<whole>\s*\d+)\s+{alternation(joins['fraction'])}\s+"
            rf"(?P<part>\d+/\d+|[{_FRACTION_CHARS}])(?=\s)",
            re.I,
        ),
        "range_join": re.compile(
            rf"^(?P<low>\s*\d+(?:[.,]\d+)?)\s+{alternation(joins['range'])}\s+"
            r"(?P<high>\d+(?:[.,]\d+)?)(?=\s)",
            re.I,
        ),
    }


def _number(text: str) -> float:
    return float(text.strip().replace(",", "."))


def _singular_plural(match: re.Match[str]) -> str:
    """ "grama | gramas" → "grama"; "Rucola/Rauke" stays."""
    a, b = match["a"], match["b"]
    if b.lower().startswith(a.lower()[:-1]) and len(b) >= len(a):
        return a + (match["aside"] or "")
    return match[0]


def _is_unit(phrase: str) -> bool:
    words = " ".join(phrase.lower().split())
    return bool(words) and (words in foreign_units() or is_unit_word(words))


def _amount_first(text: str) -> str:
    """ "Farine - 185 grammes" → "185 grammes Farine": the amount written after the name."""
    if _STARTS_WITH_NUMBER.match(text):
        return text
    match = _AMOUNT_LAST.match(text)
    if match is None:
        return text
    name, amount, tail = match["name"].strip(), match["amount"], match["tail"].strip()
    loose = match["sep"].strip() in {":", "-", "–"}
    if not loose and _DIGIT.search(name):
        return text
    aside = ""
    if tail and not _is_unit(tail):
        split = _TAIL_ASIDE.match(tail)
        if split is not None and _is_unit(split["unit"]):
            tail, aside = split["unit"], " " + split["aside"]
        elif not loose or len(tail.split()) > 3:
            return text
    return " ".join(part for part in (amount, tail, name) if part) + aside


def _count_times_size(text: str) -> str:
    """ "2 - 15 oz cans" → "2 x 15 oz cans": a count of containers of a size, not a range."""
    match = _COUNT_DASH_SIZE.match(text)
    if match is None:
        return text
    unit = canonical_unit(match["unit"])
    containers = _lines()["containers"]
    assert isinstance(containers, dict)
    if dimension(unit) not in {"mass", "volume"} or match["container"].lower() not in set(
        containers["words"]
    ):
        return text
    return f"{match['count']} x {text[match.end() :]}"


def _numbers(text: str) -> str:
    """Numbers as the tagger reads them: "1 e 1/2" → "1 1/2", "2 à 3" → "2-3", "1 + 1" → "2",
    "0,5" → "0.5"."""
    patterns = _patterns()
    joined = patterns["fraction_join"].match(text)
    if joined is not None:
        whole = joined["whole"].strip()
        head = joined["part"] if whole == "0" else f"{whole} {joined['part']}"
        text = head + text[joined.end() :]
    ranged = patterns["range_join"].match(text)
    if ranged is not None and _number(ranged["high"]) > _number(ranged["low"]):
        text = f"{ranged['low'].strip()}-{ranged['high']}{text[ranged.end() :]}"
    summed = _PLUS.match(text)
    if summed is not None:
        text = f"{int(summed[2]) + int(summed[3])}{text[summed.end() :]}"
    return _DECIMAL_COMMA.sub(r"\1.\2", text)


def _number_word(text: str) -> str:
    """ "meia colher (sopa)" → "0.5 colher (sopa)": a number word only before a unit."""
    match = _patterns()["number_word"].match(text)
    if match is None:
        return text
    numbers = _lines()["numbers_before_unit"]
    assert isinstance(numbers, dict)
    value = float(numbers[" ".join(match["word"].lower().split())])
    return f"{value:g} {text[match.end() :]}"


def read(line: str) -> Shape:
    """The line in the shape the tagger reads surely (see the module's docstring).

    >>> read("2 c. à soupe de farine")
    Shape(text='2 cup de farine', unit='tablespoon', words=())
    """
    text = _PLURAL_SUFFIX.sub("", line)
    text = _PAIR.sub(_singular_plural, text)
    text = _amount_first(text)
    words: list[str] = []
    approximately = _patterns()["approximately"].match(text)
    if approximately is not None:
        words.append(approximately["word"])
        text = text[approximately.end() :]
    text = _count_times_size(_numbers(_number_word(text)))
    match = _patterns()["unit"].match(text)
    if match is None:
        return Shape(text, None, tuple(words))
    if match["modifier"]:
        words.append(match["modifier"])
    unit = foreign_units()[" ".join(match["unit"].lower().split())]
    return Shape(f"{match['amount']}cup{text[match.end() :]}", unit, tuple(words))


@cache
def _article() -> re.Pattern[str]:
    names = _lines()["names"]
    assert isinstance(names, dict)
    elided = [w for w in names["leading"] if w.endswith(("'", "’"))]
    whole = [w for w in names["leading"] if not w.endswith(("'", "’"))]
    return re.compile(rf"^(?:{alternation(elided)}|{alternation(whole)}\s+)(?=\w)", re.I)


def without_leading_article(name: str | None) -> str | None:
    """A name without the article or preposition of another language it begins with: "de
    farine" → "farine", "d'ail" → "ail", "di pinoli tostati" → "pinoli tostati"; names that
    keep theirs ("de arbol chiles", "du Puy lentils") stay."""
    if not name:
        return name
    names = _lines()["names"]
    assert isinstance(names, dict)
    lower = name.lower()
    if any(lower.startswith(kept) for kept in names["kept"]):
        return name
    stripped = _article().sub("", name, count=1)
    return stripped or name
