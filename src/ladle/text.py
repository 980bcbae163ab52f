"""Small text tools shared by the readers: whitespace, numbers as cooks write them, sentences."""

from __future__ import annotations

import math
import re
import unicodedata

from ladle.words import table

__all__ = [
    "FRACTIONS",
    "INVISIBLE",
    "NUMBER",
    "clean",
    "parse_number",
    "sentences",
    "squeezed",
    "without_controls",
    "words",
]

FRACTIONS: dict[str, float] = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}
_FRACTION_CHARS = "".join(FRACTIONS)

# Numbers written as words ("two", "half an", "a couple of"): data/words/numbers.toml.
NUMBER_WORDS: dict[str, float] = {
    str(word): float(value) for word, value in table("numbers")["values"].items()
}

# A number as written in a recipe: 2, 1.5, 1,5, 1/2, ½, 1½, 1 ½, 1 1/2, "two", "an", "half an".
_WORDS_ALT = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(NUMBER_WORDS, key=len, reverse=True)
)
NUMBER = (
    rf"(?:\d+(?:\.\d+|,\d{{1,2}}(?!\d))?(?:\s*[{_FRACTION_CHARS}]|\s+\d+\s*/\s*\d+)?"
    rf"|\d+\s*/\s*\d+|[{_FRACTION_CHARS}]|(?<![\w-])(?:{_WORDS_ALT})(?![\w-]))"
)
_NUMBER_FULL = re.compile(rf"\s*({NUMBER})\s*", re.I)
#: Characters a page hides inside its words: soft hyphens, zero-width spaces and joiners.
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*", re.I)


def clean(text: str) -> str:
    """Normalise a line: Unicode NFC, one kind of space, no control characters, trimmed."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    text = text.replace("\u2044", "/").replace("\u00ad", "")
    return _SPACES.sub(" ", text).strip()


# Control characters a terminal acts on (escape sequences set its title, clear the screen):
# never part of a recipe. Line breaks and tabs stay; the breaks that are not lines are spaces.
_BREAKS = re.compile(r"[\x0b\x0c\r\x85]")
_TERMINAL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def without_controls(text: str, *, breaks: bool = True) -> str:
    """Text without control characters but newline and tab (a vertical tab, form feed or
    carriage return becomes a space; with ``breaks=False``, for a whole source, they stay)."""
    if text.isprintable():
        return text
    return _TERMINAL.sub("", _BREAKS.sub(" ", text) if breaks else text)


def parse_number(text: str) -> float | None:
    """The value of a number as written, or None (see :func:`_parse_number`); never an
    infinity ("9" × 400 digits is None)."""
    value = _parse_number(text)
    return value if value is None or math.isfinite(value) else None


def _parse_number(text: str) -> float | None:
    """The value of a number as written ("1½" → 1.5, "1 1/2" → 1.5, "an" → 1), or None."""
    match = _NUMBER_FULL.fullmatch(text)
    if not match:
        return None
    raw = match.group(1).strip().lower()
    raw = re.sub(r"\s+", " ", raw)
    if raw in NUMBER_WORDS:
        return NUMBER_WORDS[raw]
    total = 0.0
    # whole part, then a unicode fraction or "a/b"
    head = re.match(r"(\d+(?:\.\d+|,\d{1,2}(?!\d))?)(?!\d|\s*/)", raw)
    rest = raw
    if head:
        total = float(head.group(1).replace(",", "."))
        rest = raw[head.end() :].strip()
    if not rest:
        return total
    if rest in FRACTIONS:
        return total + FRACTIONS[rest]
    frac = re.fullmatch(r"(\d+)\s*/\s*(\d+)", rest)
    if frac:
        denominator = int(frac.group(2))
        if denominator == 0:
            return None
        return total + int(frac.group(1)) / denominator
    return None


def sentences(text: str) -> list[str]:
    """Split prose into sentences (good enough for recipe prose, not for "Dr." and "e.g.")."""
    parts = _SENTENCE_END.split(text.strip())
    return [p.strip() for p in parts if p.strip()]


def words(text: str) -> list[str]:
    """The lowercase words of a text, hyphenated words kept whole."""
    return [w.lower() for w in _WORD.findall(text)]


def squeezed(text: str) -> str:
    """Text without its spaces, in lower case: for comparing what a source shows twice."""
    return "".join(text.split()).casefold()
