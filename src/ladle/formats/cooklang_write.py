"""Writing Cooklang: a ladle recipe as a ``.cook`` text that reads back to the same recipe.

:func:`write` gives YAML front matter (title, description, servings or yield, times, tags,
source, every entry of ``Recipe.metadata`` and, when the steps alone would not give the
ingredient list in its order, ``ingredients``), ``= Section`` lines, one paragraph per step and
``>`` notes. Each ingredient a step uses is marked where the text names it (by its name, else its
name without words such as "fresh", else its last or first word), with the amount and
preparation at its first mark in the recipe (``@olive oil{2%tablespoon}``) and ``{}`` after;
where the text words it differently the alias keeps the text (``@fresh thyme leaves|thyme
leaves{1%tablespoon}``). Ingredients are never merged, so every line of the ingredient list comes
back as it was. Equipment the text names becomes cookware (``#roasting tin{}``) and a duration a
timer (``~{25-30%minutes}``, ``~{5%minutter}``), each only where it reads back as the same text.
Text that would read as Cooklang is escaped with ``\\``: ``@ # ~ { \\``, ``--``, ``[-``, ``(``
right after a mark, and ``>`` or ``=`` opening a line.

The writer reads back what it writes, through :mod:`ladle.formats.cooklang`'s own reading
functions, to choose each form:

- an amount (see :mod:`ladle.formats.cooklang` for what each form means) in the first form that
  reads back to the same quantity, range, unit, words (the comment, when the ingredient's text
  gives it before the name: "few sprigs thyme", "1 large onion") and to-taste: ``{2%tbsp}``
  (the unit as the text spells it), ``{1 large}``, ``{3 cloves // minced}``, ``{few%sprigs}``,
  ``{pinch}``, ``{to taste}``, ``{some%bowl}``; preferring, among those, the one that gives back
  the ingredient's text too. ``{%unit}``, which cooklang-rs refuses, is never written.
- each front-matter field under the first key that reads back to the same value beside the
  metadata (``description`` or ``introduction``; ``servings``, ``serves``, ``yield``;
  ``source``, ``source url`` or the ``url`` of a ``source`` mapping), the yield as its text
  when that gives the same yield ("2|4|8", "2 loaves").
- metadata in the form it had: numbers and booleans as YAML values, dotted names
  (``nutrition.calories``) as nested mappings where no other name is in the way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

import yaml

from ladle.durations import minutes_of
from ladle.equipment import EQUIPMENT
from ladle.formats.cooklang import (
    INGREDIENTS_KEY,
    TIME_KEYS,
    YIELD_KEYS,
    Fields,
    equipment_name,
    ingredient_of,
    meta_text,
    read_fields,
    timer_duration,
    timer_text,
)
from ladle.formats.cooklang_parse import parse, parse_ingredient_form
from ladle.model import Cookware, Duration, Ingredient, Recipe, Step
from ladle.units import canonical_unit
from ladle.yields import yield_of

__all__ = ["write"]


# --- escaping -----------------------------------------------------------------------------------


def _number(value: float) -> str:
    """A quantity as Cooklang reads it back exactly: 2, 0.5, 1/3."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(float(value))
    for denominator in (3, 6, 8, 12, 16):
        numerator = round(value * denominator)
        if numerator / denominator == value and len(text) > 6:
            return f"{numerator}/{denominator}"
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


_COMMENT_MARKS = re.compile(r"(?<=-)-|\[(?=-)")


def _escape(text: str, extra: str = "") -> str:
    """Text that reads back as itself: Cooklang's marks behind a backslash."""
    text = re.sub(r"([\\@#~{" + re.escape(extra) + r"])", r"\\\1", text)
    return _COMMENT_MARKS.sub(lambda m: "\\" + m.group(0), text)


def _escape_name(text: str) -> str:
    text = _escape(" ".join(text.split()), "|}")
    return "\\" + text if text.startswith(("./", "../")) else text


def _escape_note(text: str) -> str:
    text = " ".join(text.replace("\\", "\\\\").split())
    return _COMMENT_MARKS.sub(lambda m: "\\" + m.group(0), text)


def _escape_section(name: str) -> str:
    text = _escape_note(name)
    if text.startswith("="):
        text = "\\" + text
    if text.endswith("="):
        text = text[:-1] + "\\="
    return text


def _escape_amount(text: str) -> str:
    """Words between braces: ``\\``, ``{``, ``}`` and ``%`` escaped, and comment marks."""
    text = re.sub(r"([\\{}%])", r"\\\1", " ".join(text.split()))
    return _COMMENT_MARKS.sub(lambda m: "\\" + m.group(0), text)


# --- amounts ------------------------------------------------------------------------------------

AmountKey = tuple[float | None, float | None, str | None, str | None, bool]


def _words(ingredient: Ingredient) -> str | None:
    """The comment when it is part of the amount: the ingredient's text gives it before the name.

    "few sprigs thyme" (comment "few"), "1 large onion" ("large"); not "2 eggs, at room
    temperature", whose comment follows the name and has no place in a Cooklang amount.
    """
    comment = " ".join((ingredient.comment or "").split())
    name = " ".join((ingredient.name or "").split())
    text = " ".join(ingredient.text.split())
    at = text.find(comment) if comment and name else -1
    return comment if at >= 0 and name in text[at + len(comment) :] else None


def _unit_spellings(ingredient: Ingredient) -> list[str]:
    """Ways to write the ingredient's unit: as its text spells it, then ladle's own name."""
    unit = ingredient.unit
    if unit is None:
        return []
    tokens = ingredient.text.split()
    found = [t.strip(",;:()") for t in tokens if canonical_unit(t.strip(",;:()")) == unit]
    for size in range(1, min(len(tokens), 12) + 1):  # "cloves,", "fl oz", "gr // cut into"
        for start in range(len(tokens) - size + 1):
            words = " ".join(tokens[start : start + size])
            if canonical_unit(words) == unit:
                found.append(words)
    spaced = unit.replace("_", " ")
    found.append(spaced if canonical_unit(spaced) == unit else unit)
    return list(dict.fromkeys(found))


def _amount_forms(ingredient: Ingredient, words: str | None) -> Iterator[str]:
    """Candidate amounts, best first; :func:`amount_text` keeps the first that reads back."""
    q, high = ingredient.quantity, ingredient.quantity_max
    units = [_escape_amount(u) for u in _unit_spellings(ingredient)]
    said = _escape_amount(words) if words else None
    if q is not None:
        number = _number(q) if high is None else f"{_number(q)}-{_number(high)}"
        if said is None:
            yield from (f"{number}%{u}" for u in units)
            yield number
            return
        for u in units:
            yield f"{number} {u} {said}"
            yield f"{number} {said}%{u}"
        yield f"{number} {said}"
        return
    if said is not None:
        yield from (f"{said}%{u}" for u in units)
        yield said
        return
    yield from units
    yield from (f"some%{u}" for u in units)
    if ingredient.to_taste:
        yield "to taste"


def _read_back(form: str, ingredient: Ingredient) -> Ingredient | None:
    """The ingredient an amount form reads back as, with this ingredient's name and note."""
    item = parse_ingredient_form(f"@x{{{form}}}")
    if item is None:
        return None
    item["name"] = " ".join((ingredient.name or "").split()) or "x"
    if ingredient.preparation:
        item["note"] = ingredient.preparation
    return ingredient_of(item)


def _amount_key(ingredient: Ingredient, words: str | None) -> AmountKey:
    return (
        ingredient.quantity,
        ingredient.quantity_max,
        ingredient.unit,
        words,
        ingredient.to_taste,
    )


def amount_text(ingredient: Ingredient) -> str:
    """What goes between an ingredient's braces (see the module documentation)."""
    words = _words(ingredient)
    fixed = "=" if ingredient.fixed else ""
    for keep_words, keep_taste in ((True, True), (True, False), (False, False)):
        said = words if keep_words else None
        want = _amount_key(ingredient, said)
        if not keep_taste:
            want = (*want[:4], False)
        if want == (None, None, None, None, False):
            return ""
        chosen: str | None = None
        for form in _amount_forms(ingredient, said):
            back = _read_back(fixed + form, ingredient)
            if back is None or back.fixed != ingredient.fixed:
                continue
            got = _amount_key(back, back.comment)
            if not keep_taste:
                got = (*got[:4], False)
            if got != want:
                continue
            if back.text == " ".join(ingredient.text.split()):
                return fixed + form
            chosen = chosen or form
        if chosen is not None:
            return fixed + chosen
    return ""


def _display_name(ingredient: Ingredient) -> str:
    name = " ".join((ingredient.name or ingredient.text or "ingredient").split())
    return name or "ingredient"


def _reference_name(ingredient: Ingredient) -> str | None:
    if ingredient.reference and ingredient.reference.startswith(("./", "../")):
        return ingredient.reference.rstrip("/").rsplit("/", 1)[-1].strip()
    return None


def _ingredient_form(
    ingredient: Ingredient, shown: str | None = None, with_amount: bool = True
) -> str:
    """An ingredient in Cooklang: ``@name|shown{amount%unit}(preparation)``."""
    name = _display_name(ingredient)
    written = _escape_name(name)
    reference = _reference_name(ingredient)
    if reference is not None and ingredient.reference:
        written = _escape(" ".join(ingredient.reference.split()), "|}")
        name = reference
    if shown is not None and shown != name:
        written = f"{written}|{_escape_name(shown)}"
    amount = amount_text(ingredient) if with_amount else ""
    note = ""
    if with_amount and ingredient.preparation:
        note = f"({_escape(' '.join(ingredient.preparation.split()), ')')})"
    return f"@{written}{{{amount}}}{note}"


# --- finding what a step names ------------------------------------------------------------------

# Words that describe an ingredient without naming it, and words that name none on their own.
_MODIFIER_WORDS = (
    "fresh freshly dried large small medium whole extra virgin extra-virgin chopped minced "
    "sliced diced unsalted salted boneless skinless raw cooked finely roughly ground plain "
    "all-purpose kosher sea fine free-range organic unwaxed ripe lean mature granulated "
    "thinly thickly good quality"
)
_NOT_ALONE_WORDS = (
    "powder extract mix piece pieces cube cubes slice slices sprig sprigs clove cloves bunch "
    "head can tin jar"
)
_MODIFIERS = frozenset(_MODIFIER_WORDS.split())
_NEVER_ALONE = frozenset(_NOT_ALONE_WORDS.split())
_SPLIT = re.compile(r"\s*(?:,|\band\b|\bor\b|&|/)\s*", re.I)


def _phrases(name: str) -> tuple[list[str], list[str]]:
    """How a step may name an ingredient: the whole name, then shorter ways."""
    full = name.lower()
    plain = re.sub(r"\s*\([^)]*\)", "", full).strip()
    shorter: list[str] = [plain]
    for part in [plain, *_SPLIT.split(plain)]:
        words = [w for w in part.split() if w not in _MODIFIERS]
        if words:
            shorter.append(" ".join(words))
    for part in [plain, *_SPLIT.split(plain)]:
        words = [w for w in part.split() if w not in _MODIFIERS]
        for word in (words[-1:] + words[:1]) if words else []:
            if len(word) > 2 and word not in _NEVER_ALONE:
                shorter.append(word)
    return [full], [p for p in dict.fromkeys(shorter) if p and p != full]


_BOUNDS = (
    (r"(?<!\w)", r"(?:e?s)?(?!\w)"),  # a whole word
    (r"(?<!\w)", ""),  # the start of a word: "@Gær{50%g}en" shows "Gæren"
    ("", ""),  # inside a word
)


def _pattern(phrase: str, bounds: int = 0) -> re.Pattern[str]:
    stems = [phrase]
    if phrase.endswith("es") and len(phrase) > 4:
        stems.append(phrase[:-2])
    if phrase.endswith("s") and len(phrase) > 3:
        stems.append(phrase[:-1])
    alternatives = "|".join(re.escape(s).replace(r"\ ", r"[\s-]+") for s in stems)
    before, after = _BOUNDS[bounds]
    return re.compile(rf"{before}(?:{alternatives}){after}", re.I)


Spans = list[tuple[int, int, str]]


def _free(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e, _ in spans)


def _find(
    text: str,
    phrase: str,
    spans: Sequence[tuple[int, int, str]],
    *,
    after: int = 0,
    bounds: int = 0,
    before: int | None = None,
) -> tuple[int, int] | None:
    """The first free place after ``after`` (and ending by ``before``) where a phrase is."""
    for match in _pattern(phrase, bounds).finditer(
        text, after, len(text) if before is None else before
    ):
        if _free(spans, match.start(), match.end()):
            return match.start(), match.end()
    return None


_WORD = re.compile(r"\w+")


def _closest_word(
    text: str, name: str, spans: Spans, after: int = 0, before: int | None = None
) -> tuple[int, int] | None:
    """The free word of the text that shares most with a word of the name, at least three
    letters and half the word: "fløden" for "piskefløde", "kødet" for "hakket oksekød"."""
    names = [w.lower() for w in _WORD.findall(name)]
    best: tuple[int, int, int] | None = None
    for match in _WORD.finditer(text, after, len(text) if before is None else before):
        start, end = match.span()
        if not _free(spans, start, end):
            continue
        word = match.group().lower()
        shared = max(
            (SequenceMatcher(None, word, n).find_longest_match().size for n in names), default=0
        )
        if shared >= 3 and 2 * shared >= len(word) and (best is None or shared > best[0]):
            best = (shared, start, end)
    return None if best is None else (best[1], best[2])


_TIMER_AMOUNT = re.compile(r"(?P<q>\d\S*(?:\s*(?:-|–|to)\s*\d\S*)?)\s+(?P<u>\D+)")


def _timer_form(duration: Duration) -> str | None:
    """A timer that a step shows as the duration's text and that runs as long, or None."""
    match = _TIMER_AMOUNT.fullmatch(duration.text)
    if match is not None:
        name = _escape_name(duration.name) if duration.name else ""
        form = f"~{name}{{{_escape_amount(match['q'])}%{_escape_amount(match['u'])}}}"
        steps = parse(form).steps
        timer = steps[0][0] if steps and len(steps[0]) == 1 else None
        if timer is not None and timer["type"] == "timer" and timer_text(timer) == duration.text:
            back = timer_duration(timer)
            if back is not None and (back.min_minutes, back.max_minutes) == (
                duration.min_minutes,
                duration.max_minutes,
            ):
                return form
    return None


# --- steps --------------------------------------------------------------------------------------


def _cookware_span(text: str, name: str, spans: Spans, after: int) -> tuple[int, int] | None:
    """Where the text names a piece of equipment: a word ("frying pan"), else a word's start
    ("pande" for a pan, "ovnen" for an oven: the whole word if it reads back, else ``#ovn{}en``),
    else inside a word.
    """
    spellings = sorted({name, *EQUIPMENT.get(name, ())}, key=len, reverse=True)
    for bounds in (0, 1, 2):
        for spelling in spellings:
            where = _find(text, spelling, spans, after=after, bounds=bounds)
            if where is None:
                continue
            start, end = where
            word = re.match(r"[\w-]*", text[end:])
            whole = end + (word.end() if word else 0)
            for stop in dict.fromkeys((whole, end)):
                if _free(spans, start, stop) and equipment_name(text[start:stop]) == name:
                    return start, stop
    return None


# How a step may name an ingredient, best first: (the whole name, or a shorter way; as a word,
# the start of a word ("smør" in "smøret"), inside a word); last, the word most like the name.
_LEVELS = ((0, 0), (1, 0), (0, 1), (1, 1), (0, 2), (-1, -1))


def _place(
    text: str,
    name: str,
    found: dict[int, tuple[int, int]],
    *,
    level: int,
    bounds: int,
    after: int,
    before: int | None,
) -> tuple[int, int] | None:
    """Where the text names an ingredient at one level of :data:`_LEVELS`, or None."""
    taken = [(s, e, "") for s, e in found.values()]
    if level < 0:
        return _closest_word(text, name, taken, after, before)
    for phrase in _phrases(name)[level]:
        where = _find(text, phrase, taken, after=after, bounds=bounds, before=before)
        if where is not None:
            return where
    return None


def _window(used: list[int], index: int, found: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """Where an ingredient's mark keeps the step's ingredients in the order of its uses."""
    at = used.index(index)
    after = max((found[i][1] for i in used[:at] if i in found), default=0)
    before = min((found[i][0] for i in used[at + 1 :] if i in found), default=1 << 30)
    return after, before


class _Writer:
    """The state of one recipe's writing: which ingredients have had their amount."""

    def __init__(self, recipe: Recipe) -> None:
        self.recipe = recipe
        self.amount_written: set[int] = set()
        self.created: list[int] = []  # the ingredient order a reader will see
        self.latest: dict[str, int] = {}

    def mark_ingredient(self, index: int, shown: str) -> str:
        ingredient = self.recipe.ingredients[index]
        name = _reference_name(ingredient) or _display_name(ingredient)
        first = index not in self.amount_written
        form = _ingredient_form(ingredient, shown, with_amount=first)
        self.amount_written.add(index)
        if (first and amount_text(ingredient)) or name not in self.latest:
            self.created.append(index)
            self.latest[name] = index
        return form

    def step(self, step: Step) -> str:
        text = " ".join(step.text.split())
        spans: Spans = []
        self._ingredients(text, step.uses, spans)
        marked, after = self._marked_cookware(text, step.cookware, spans)
        self._cookware(text, [e for e in step.equipment if e not in marked], spans, after)
        self._timers(text, step.durations, spans)
        spans.sort()
        out: list[str] = []
        last = 0
        for start, end, form in spans:
            out.append(_escape(text[last:start]))
            out.append(form)
            last = end
        out.append(_escape(text[last:]))
        for i in range(1, len(out), 2):
            if out[i + 1].startswith("("):
                out[i + 1] = "\\" + out[i + 1]
        line = "".join(out)
        if line.startswith((">", "=")):
            line = "\\" + line
        return line

    def _ingredients(self, text: str, uses: Iterable[int], spans: Spans) -> None:
        ingredients = self.recipe.ingredients
        used = [i for i in dict.fromkeys(uses) if 0 <= i < len(ingredients)]
        found: dict[int, tuple[int, int]] = {}
        for by_index in (False, True, None):  # each way of placing in the uses' order
            found = (
                self._earliest(text, used)
                if by_index is None
                else self._placed(text, used, ordered=True, by_index=by_index)
            )
            if len(found) == len(used) and sorted(found, key=lambda i: found[i]) == used:
                break
        else:
            found = self._placed(text, used, ordered=True, by_index=False)
            found = self._placed(text, used, ordered=False, by_index=False, found=found)
        for index, (start, end) in sorted(found.items(), key=lambda item: item[1]):
            spans.append((start, end, self.mark_ingredient(index, text[start:end])))

    def _earliest(self, text: str, used: list[int]) -> dict[int, tuple[int, int]]:
        """Each used ingredient where the text first names it after the one before, at any
        level (inside a word too): the uses' order where the best spellings cannot give it."""
        found: dict[int, tuple[int, int]] = {}
        after = 0
        for index in used:
            name = _display_name(self.recipe.ingredients[index])
            places = [
                where
                for level, bounds in _LEVELS
                if (
                    where := _place(
                        text, name, found, level=level, bounds=bounds, after=after, before=None
                    )
                )
            ]
            if not places:
                break
            found[index] = min(places)
            after = found[index][1]
        return found

    def _placed(
        self,
        text: str,
        used: list[int],
        *,
        ordered: bool,
        by_index: bool,
        found: dict[int, tuple[int, int]] | None = None,
    ) -> dict[int, tuple[int, int]]:
        """Where the text names each used ingredient: trying every level for one ingredient
        before the next (``by_index``), or each level for every ingredient before the next
        level; within the order of the step's uses when ``ordered``."""
        found = dict(found or {})
        tries = (
            [(index, level) for index in used for level in _LEVELS]
            if by_index
            else [(index, level) for level in _LEVELS for index in used]
        )
        for index, (level, bounds) in tries:
            if index in found:
                continue
            after, before = _window(used, index, found) if ordered else (0, None)
            where = _place(
                text,
                _display_name(self.recipe.ingredients[index]),
                found,
                level=level,
                bounds=bounds,
                after=after,
                before=before,
            )
            if where is not None:
                found[index] = where
        return found

    def _cookware(self, text: str, equipment: Iterable[str], spans: Spans, after: int = 0) -> None:
        """Cookware for the equipment the text names, in the step's order of equipment.

        A reader lists cookware first, in order of appearance, then what the text names; so
        marking stops at the first piece the text names only before the last one marked
        (``after``: where the cookware the source marked ends).
        """
        for name in equipment:
            found = _cookware_span(text, name, spans, after)
            if found is None:
                return
            start, end = found
            spans.append((start, end, f"#{_escape_name(text[start:end])}{{}}"))
            after = end

    def _marked_cookware(
        self, text: str, marks: Iterable[Cookware], spans: Spans
    ) -> tuple[set[str], int]:
        """The cookware the source marked, as it wrote it (``#large pot{2}``), where the text
        shows its name; the equipment each stands for, and where the last one ends."""
        done: set[str] = set()
        after = 0
        for mark in marks:
            # the first place after the last mark: the source marked them in order, and a
            # mark may touch the next one ("#¢#¢salt")
            places = [
                found
                for bounds in (0, 1, 2)
                if (found := _find(text, mark.name, spans, after=after, bounds=bounds))
            ]
            where = min(places, default=None)
            if where is None:
                continue
            start, end = where
            count = _escape_amount(mark.quantity) if mark.quantity else ""
            spans.append((start, end, f"#{_escape_name(text[start:end])}{{{count}}}"))
            done.add(equipment_name(mark.name))
            after = end
        return done, after

    def _timers(self, text: str, durations: Iterable[Duration], spans: Spans) -> None:
        """Timers for the durations, the shortest words first: in "about 45 minutes to 1 hour"
        a timer ``~{45%minutes}`` leaves the phrase to the text."""
        for duration in sorted(durations, key=lambda d: len(d.text)):
            start = text.find(duration.text)
            end = start + len(duration.text)
            if start < 0 or not duration.text or not _free(spans, start, end):
                continue
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "@#~\\"):
                continue
            form = _timer_form(duration)
            if form is not None:
                spans.append((start, end, form))


# --- front matter -------------------------------------------------------------------------------

_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})\.[0-9]{1,17}")


def _native(text: str) -> Any:
    """A metadata value as YAML would have held it: 4, 1.5, true, else the text."""
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text) and meta_text(float(text)) == text:
        return float(text)
    if text in ("true", "false"):
        return text == "true"
    return text


def _metadata_tree(metadata: dict[str, str]) -> dict[str, Any]:
    """Metadata as front matter: a dotted name nested where no other name is in the way."""
    tree: dict[str, Any] = {}
    names = set(metadata)
    for key, text in metadata.items():
        parts = key.split(".")
        prefixes = {".".join(parts[:i]) for i in range(1, len(parts))}
        nested = len(parts) > 1 and all(parts) and not prefixes & names
        node = tree
        for part in parts[:-1] if nested else []:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                nested = False
                break
            node = child
        if nested and parts[-1] not in node:
            node[parts[-1]] = _native(text)
        elif key not in tree:
            tree[key] = _native(text)
    return tree


_Choice = tuple[str, Any]
_NESTED_URL = "source.url"  # the url of a ``source`` mapping the metadata already holds


def _front(choices: dict[str, _Choice | None], tree: dict[str, Any]) -> dict[str, Any]:
    front: dict[str, Any] = {}
    for choice in choices.values():
        if choice is not None and choice[0] != _NESTED_URL:
            front[choice[0]] = choice[1]
    for key, value in tree.items():
        front.setdefault(key, value)
    url = choices.get("url")
    if url is not None and url[0] == _NESTED_URL and isinstance(front.get("source"), dict):
        front["source"] = {**front["source"], "url": url[1]}
    return front


def _candidates(recipe: Recipe) -> dict[str, list[_Choice]]:
    """For each field, where it may go in the front matter, best first."""
    found: dict[str, list[_Choice]] = {}
    title = " ".join(recipe.title.split())
    found["title"] = [("title", title or "Untitled recipe")]
    if recipe.description:
        found["description"] = [(k, recipe.description) for k in ("description", "introduction")]
    y = recipe.yield_
    values: list[Any] = [_native(y.text)] if y.text else []
    if y.servings is not None:
        values.append(int(y.servings) if float(y.servings).is_integer() else y.servings)
    elif y.amount is not None:
        unit = (y.unit or "").replace("_", " ")
        values.append(f"{_number(y.amount)} {unit}".strip())
    found["yield"] = [(key, value) for value in values for key in YIELD_KEYS]
    for kind, keys in TIME_KEYS.items():
        minutes = getattr(recipe.times, f"{kind}_minutes")
        if minutes is not None:
            text = f"{_number(minutes)} minutes"
            found[kind] = [(f"{kind} time", text)] + [(key, text) for key in keys]
    if recipe.tags:
        found["tags"] = [("tags", list(recipe.tags))]
    if recipe.source.url:
        url = recipe.source.url
        found["url"] = [(k, url) for k in ("source", _NESTED_URL, "source url", "url")]
    return found


def _yield_read(fields: Fields) -> tuple[object, ...]:
    found = yield_of(fields.yields)
    return (found.servings, found.amount, found.unit, found.text)


_CHECKS: dict[str, Callable[[Fields], Any]] = {
    "title": lambda f: f.title,
    "description": lambda f: f.description,
    "yield": _yield_read,
    "prep": lambda f: minutes_of(f.times.get("prep")),
    "cook": lambda f: minutes_of(f.times.get("cook")),
    "total": lambda f: minutes_of(f.times.get("total")),
    "tags": lambda f: f.tags,
    "url": lambda f: f.url,
}
_LOOSE: dict[str, Callable[[Fields], Any]] = {"yield": lambda f: _yield_read(f)[:3]}


def _wanted(recipe: Recipe) -> dict[str, Any]:
    """What each field must read back as, in the shape of ``_CHECKS``."""
    y = recipe.yield_
    return {
        "title": " ".join(recipe.title.split()) or "Untitled recipe",
        "description": " ".join((recipe.description or "").split()) or None,
        "yield": (y.servings, y.amount, y.unit, y.text),
        "prep": recipe.times.prep_minutes,
        "cook": recipe.times.cook_minutes,
        "total": recipe.times.total_minutes,
        "tags": recipe.tags,
        "url": recipe.source.url,
    }


class _Dumper(yaml.SafeDumper):
    """YAML that reads back as written: a string with a line break YAML alone counts (NEL,
    U+2028, U+2029) or a control character goes in double quotes, where it is escaped."""


_UNQUOTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _UNQUOTABLE.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _front_matter(recipe: Recipe, listed: list[str] | None) -> str:
    tree = _metadata_tree(recipe.metadata)
    wanted = _wanted(recipe)
    choices: dict[str, _Choice | None] = {}
    for name, candidates in _candidates(recipe).items():
        choices[name] = None
        if _CHECKS[name](read_fields(_front(choices, tree))) == wanted[name]:
            continue  # the metadata already says it (a source URL with more than the URL)
        loose = wanted[name][:3] if name in _LOOSE else None
        for check, goal in ((_CHECKS[name], wanted[name]), (_LOOSE.get(name), loose)):
            if check is None or choices[name] is not None:
                continue
            for choice in candidates:
                if choice[0] in tree:
                    continue
                trial = {**choices, name: choice}
                if check(read_fields(_front(trial, tree))) == goal:
                    choices[name] = choice
                    break
        if choices[name] is None:
            choices[name] = next((c for c in candidates if c[0] not in tree), None)
    front = _front(choices, tree)
    if listed is not None:
        front[INGREDIENTS_KEY] = listed
    dumped = yaml.dump(
        front,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    return f"---\n{dumped}---\n"


def write(recipe: Recipe) -> str:
    """A recipe as Cooklang (see the module documentation); ``cooklang.read`` gives it back."""
    writer = _Writer(recipe)
    blocks: list[str] = []
    section: str | None = None
    for step in recipe.steps:
        if step.section != section:
            section = step.section
            name = " ".join((section or "").split())
            blocks.append(f"= {_escape_section(name)}" if name else "=")
        line = writer.step(step)
        if line:
            blocks.append(line)
    for note in recipe.notes:
        text = _escape_note(note)
        if text:
            blocks.append(f"> {text}")
    count = len(recipe.ingredients)
    listed = None
    if writer.created != list(range(count)):
        listed = [_ingredient_form(i) for i in recipe.ingredients]
    body = "\n\n".join(blocks)
    return _front_matter(recipe, listed) + "\n" + body + ("\n" if body else "")
