"""Which food of a composition table an ingredient is.

An ingredient's name is normalised first (lower case, singular, preparation words dropped:
"Fresh Thyme Leaves, chopped" → words ``thyme``, hint ``fresh``). Then, in order:

1. ``override``: the user chose a food for this name (``ladle nutrition match``); it wins.
2. ``synonym``: ``data/foods/synonyms.toml`` names the food ("dijon mustard" → "Mustard,
   prepared, yellow"); confidence 0.95.
3. ``words``: the foods whose descriptions hold the name's words, scored by how many of the
   name's words they hold (rare words count more), how few other words they carry, and whether
   they are raw and unprepared ("Carrots, raw" before "Carrots, cooked, boiled") unless the line
   says cooked, canned, dried...; confidence up to 0.9.
4. ``fuzzy``: rapidfuzz's token-set ratio over all descriptions, for misspellings and odd
   names, as a last resort; confidence at most 0.5.

A :class:`Matcher` indexes a :class:`~ladle.foods.table.FoodTable`'s names once (a word → foods
index), so that matching thousands of lines stays fast.
"""

from __future__ import annotations

import math
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, process

from ladle.foods.table import FoodName, FoodTable
from ladle.model import Ingredient
from ladle.words import singular

__all__ = [
    "HIGH_CONFIDENCE",
    "Match",
    "Matcher",
    "Name",
    "normalise",
    "parse_name",
    "synonym_targets",
]

HIGH_CONFIDENCE = 0.75
"""A match at or above this confidence is one a cook would usually accept unread."""

_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_PHRASES = {
    "extra virgin": "extra-virgin", "free range": "free-range", "all purpose": "all-purpose",
    "self raising": "self-raising", "self rising": "self-rising", "room temperature":
    "room-temperature", "good quality": "good-quality", "flat leaf": "flat-leaf",
}  # fmt: skip
_OR = re.compile(r"\s+(?:and/or|or)\s+|/")
_AND = re.compile(r"\s+(?:and|&)\s+")
_BRAND = re.compile(r"\b[A-Z][A-Z'&]{2,}\b")  # "SMART SOUP", "KRAFT": a brand, not a food
_CANNED_UNITS = frozenset({"can", "tin", "jar"})  # "1 can tomatoes" is canned tomatoes
_HINT_SAME = {"tinned": "canned"}
_PLAIN_HINTS = frozenset({"fresh", "raw"})
# Hints that say a food is not raw: with one of them, a raw food is the wrong choice.
_NOT_RAW = frozenset({"cooked", "canned", "dried", "dry", "smoked", "roasted", "toasted", "boiled",
                      "fried", "frozen"})  # fmt: skip
_POSSESSIVE = re.compile(r"'s\b")
_FUZZY_FLOOR = 85.0  # rapidfuzz ratio (0-100) below which a word or name is not the same


@dataclass(frozen=True, slots=True)
class Name:
    """An ingredient name, normalised: the words that name the food and the hints that choose
    among foods of that name ("fresh", "dried", "canned")."""

    words: tuple[str, ...]
    hints: tuple[str, ...]

    @property
    def key(self) -> str:
        """The words as one string: what overrides and synonyms are keyed by."""
        return " ".join(self.words)

    @property
    def full(self) -> str:
        """Hints and words: "fresh thyme"."""
        return " ".join((*self.hints, *self.words))


@dataclass(frozen=True, slots=True)
class Match:
    """The food an ingredient name was matched to, how, and how sure ladle is (0 to 1)."""

    food_id: str
    description: str
    confidence: float
    method: str  # override, synonym, words, fuzzy


@cache
def _data() -> dict[str, Any]:
    text = resources.files("ladle").joinpath("data", "foods", "synonyms.toml").read_text("utf-8")
    return tomllib.loads(text)


@cache
def _word_set(key: str) -> frozenset[str]:
    return frozenset(str(w) for w in _data()["words"][key])


def _singular(word: str) -> str:
    return singular(word) if len(word) > 3 and word.isalpha() else word


def _folded(text: str) -> str:
    """Lower case, accents off ("jalapeño" → "jalapeno"), curly apostrophes straight, and no
    possessive ("confectioner's sugar" → "confectioner sugar")."""
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return _POSSESSIVE.sub("", "".join(c for c in text if not unicodedata.combining(c)))


def _tokens(text: str) -> list[str]:
    return [_singular(w) for w in _WORD.findall(_folded(text))]


def parse_name(name: str) -> Name:
    """``name`` normalised: "Fresh Thyme Leaves, chopped" → words ("thyme",), hints ("fresh",);
    "2 cloves garlic" style piece words and preparation words are dropped; of "butter or olive
    oil" the first food is kept."""
    raw = _BRACKETS.sub(" ", name.lower()).split(",")[0]
    for phrase, joined in _PHRASES.items():
        raw = raw.replace(phrase, joined)
    first, *others = _OR.split(raw)
    alone = first.strip() in _data()["synonyms"]  # "butter or olive oil": butter
    if others and len(first.split()) == 1 and len(others[-1].split()) > 1 and not alone:
        first += " " + " ".join(others[-1].split()[1:])  # "malt or cider vinegar": malt vinegar
    if any(compound in first for compound in _word_set("compounds")):
        return _words_of(first)
    before_and = _words_of(_AND.split(first)[0])
    if before_and.words:  # "salt and pepper": salt; "unsalted and roasted pistachios" stays
        return before_and
    return _words_of(_AND.sub(" ", first))


def _words_of(raw: str) -> Name:
    drop, hint_words = _word_set("preparation"), _word_set("hints")
    words: list[str] = []
    hints: list[str] = []
    for word in _tokens(raw):
        if word in hint_words:
            hints.append(_HINT_SAME.get(word, word))
        elif word not in drop and not word.isdigit():
            words.append(word)
    if (
        len(words) > 1
        and words[-1] in ("leaf", "clove")
        and words[-2] in _word_set("herbs") | {"garlic"}
    ):
        words.pop()
    return Name(tuple(words), tuple(hints))


def normalise(name: str) -> str:
    """The key an ingredient name is known by to overrides and synonyms: "Carrots" → "carrot",
    "Fresh thyme leaves" → "fresh thyme"."""
    return parse_name(name).full


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for written, description in _data()["synonyms"].items():
        table.setdefault(normalise(str(written)), str(description))
    return table


@dataclass(frozen=True, slots=True)
class _Entry:
    name: FoodName
    tokens: frozenset[str]
    head: frozenset[str]  # the words before the first comma: "Carrots" of "Carrots, raw"
    size: int


class Matcher:
    """Matches ingredient names against one food table; build it once, match many lines."""

    def __init__(self, table: FoodTable, *, synonyms: bool = True) -> None:
        self._use_synonyms = synonyms  # False: words and fuzzy alone (to see what they find)
        self._overrides = {normalise(k): v for k, v in table.overrides().items()} | dict(
            table.overrides()
        )
        self._entries: list[_Entry] = []
        self._by_description: dict[str, int] = {}
        self._index: defaultdict[str, list[int]] = defaultdict(list)
        never = _word_set("never")
        self._plain: list[int] = []  # entries word matching may choose
        for food in table.names():
            words = _tokens(food.description)
            words += [part for w in words if "-" in w for part in w.split("-")]  # pak-choi
            head = _tokens(food.description.split(",")[0])
            entry = _Entry(food, frozenset(words), frozenset(head), len(words))
            position = len(self._entries)
            self._entries.append(entry)
            self._by_description.setdefault(food.description.lower(), position)
            lower = food.description.lower()
            if (
                any(w in entry.tokens for w in never)
                or "commodity" in lower
                or _BRAND.search(food.description)
            ):
                continue
            self._plain.append(position)
            for word in entry.tokens:
                self._index[word].append(position)
        total = max(len(self._plain), 1)
        self._idf = {w: math.log(1 + total / len(ids)) for w, ids in self._index.items()}
        weights = sorted(self._idf.values()) or [1.0]
        self._typical = weights[len(weights) // 2]  # the weight of a word the table lacks
        self._descriptions = {e.name.id: e.name.description for e in self._entries}
        self._vocabulary = sorted(w for w in self._index if len(w) > 3 and w.isalpha())
        self._heads = sorted(
            {self._entries[i].name.description.split(",")[0].strip().lower() for i in self._plain}
        )
        self._cached = lru_cache(maxsize=16384)(self._match_name)

    def match(self, name: str) -> Match | None:
        """The food ``name`` is, or None when nothing in the table is close enough."""
        return self._cached(name.strip().lower())

    def match_ingredient(self, ingredient: Ingredient) -> Match | None:
        """The food of an ingredient line: its name, canned when it comes by the can or jar."""
        name = ingredient.name or ""
        if ingredient.unit in _CANNED_UNITS and name:
            found = self.match("canned " + name)
            if found is not None:
                return found
        return self.match(name) if name else None

    def _match_name(self, name: str) -> Match | None:
        parsed = parse_name(name)
        for key in (parsed.full, parsed.key, name):
            chosen = self._overrides.get(key)
            if chosen is not None:
                description = self._descriptions.get(chosen, chosen)
                return Match(chosen, description, 1.0, "override")
        if not parsed.words:
            return None
        found = self._by_synonym(parsed) if self._use_synonyms else None
        return found or self._by_words(parsed) or self._fuzzy(parsed)

    def _by_synonym(self, name: Name) -> Match | None:
        """The synonyms table's food for the name, with its hints or without them when the
        food agrees with them; or for the name without leading words the table does not know
        at all ("hispi cabbage": cabbage, less sure)."""
        keys = [(name.full, 0.95), (name.key, 0.95)]
        words = name.words
        while len(words) > 1 and not any(
            p in self._index for p in (words[0], *words[0].split("-"))
        ):
            words = words[1:]
            keys.append((" ".join(words), 0.8))
        for key, confidence in keys:
            target = _synonyms().get(key)
            position = self._by_description.get(target.lower()) if target else None
            if position is None:
                continue
            entry = self._entries[position]
            if key == name.full or set(name.hints) - _PLAIN_HINTS <= entry.tokens:
                return Match(entry.name.id, entry.name.description, confidence, "synonym")
        return None

    def _candidates(self, words: Sequence[str]) -> set[int]:
        known = [w for w in words if w in self._index]
        if not known:
            return set()
        head = words[-1] if words[-1] in self._index else None  # "pork belly": a belly
        if head is not None:
            return set(self._index[head])
        found: set[int] = set()
        for word in known:
            found.update(self._index[word])
        return found

    def _by_words(self, name: Name) -> Match | None:
        words = list(dict.fromkeys(name.words))
        candidates = self._candidates(words)
        if not candidates:
            return None
        weights = {w: self._idf.get(w, self._typical) for w in words}  # unknown words count
        total = sum(weights.values()) or 1.0
        hints = set(name.hints)
        processed = _word_set("processed") - hints - set(words)
        best: tuple[float, float, int] | None = None
        for position in candidates:
            entry = self._entries[position]
            held = sum(v for w, v in weights.items() if w in entry.tokens) / total
            extra = entry.tokens - set(words) - hints
            score = held
            score += 0.15 if entry.head <= set(words) else 0.0
            score += 0.25 * len(hints & entry.tokens)
            if "raw" in entry.tokens:  # raw unless the line says canned, cooked, dried...
                score += -0.1 if hints & _NOT_RAW else 0.05
            score -= 0.08 * len(extra & processed)
            score -= 0.02 * len(extra)
            key = (score, held, -position)
            if best is None or key > best:
                best = key
        assert best is not None
        score, held, position = best[0], best[1], -best[2]
        if held < 0.5:
            return None
        entry = self._entries[position]
        confidence = max(0.05, min(0.9, 0.9 * held - 0.02 * max(0, entry.size - len(words) - 2)))
        return Match(entry.name.id, entry.name.description, round(confidence, 2), "words")

    def _fuzzy(self, name: Name) -> Match | None:
        """Misspelt words put right ("kohlrabbi" → kohlrabi), then matched by words; else the
        closest food name ("mayonaise" → Mayonnaise); never surer than 0.5."""
        fixed = [  # short words are left alone: "live" is no misspelt "olive"
            self._closest(w, self._vocabulary) if w not in self._index and len(w) > 4 else w
            for w in name.words
        ]
        if None not in fixed and fixed != list(name.words):
            found = self._by_words(Name(tuple(w for w in fixed if w), name.hints))
            if found is not None:
                return Match(found.food_id, found.description, min(found.confidence, 0.5), "fuzzy")
        head = self._closest(name.key, self._heads)
        found = self._by_words(Name(tuple(_tokens(head)), name.hints)) if head else None
        if found is None:
            return None
        return Match(found.food_id, found.description, min(found.confidence, 0.4), "fuzzy")

    @staticmethod
    def _closest(text: str, choices: Sequence[str]) -> str | None:
        found = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_FLOOR)
        return None if found is None else str(found[0])


def synonym_targets() -> Mapping[str, str]:
    """The synonyms table, normalised name → food description (for checks against a table)."""
    return dict(_synonyms())
