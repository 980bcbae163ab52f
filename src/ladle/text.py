"""Small text tools shared by the readers: whitespace, numbers as cooks write them, sentences."""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "FRACTIONS",
    "NUMBER",
    "clean",
    "parse_number",
    "sentences",
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

NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "half": 0.5,
    "a half": 0.5,
    "half a": 0.5,
    "half an": 0.5,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a quarter": 0.25,
    "quarter of an": 0.25,
    "three quarters of an": 0.75,
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


def parse_number(text: str) -> float | None:
    """The value of a number as written ("1½" → 1.5, "1 1/2" → 1.5, "an" → 1), or None."""
    match = _NUMBER_FULL.fullmatch(text)
    if not match:
        return None
    raw = match.group(1).strip().lower()
    raw = re.sub(r"\s+", " ", raw)
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
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
