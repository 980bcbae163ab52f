"""Plain text: bare recipes and food-blog posts with a recipe card somewhere inside.

The reader works on lines. It marks each one (a bullet or number item, a heading, a blank),
finds every recipe card (an ingredient list under a heading such as "Ingredients" or "What
you'll need", with its title, description, yield and times above it, and its steps and notes
after it), and hands everything outside the cards to :mod:`ladle.article`, which fills the
variants, pairings, doneness, storage and make-ahead advice. A text with no headings at all is
read by shape: a run of lines that start with amounts, then the steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ladle.clauses import is_instruction
from ladle.draft import Block, Draft, DraftLine, DraftStep, Section
from ladle.durations import find_durations
from ladle.errors import NoRecipeFound
from ladle.model import Source
from ladle.text import FRACTIONS, clean, squeezed
from ladle.words import word_list
from ladle.yields import is_yield

__all__ = ["article_sections", "read"]

# --- lines -------------------------------------------------------------------------------------

_BULLET = re.compile(r"^(?:[-•*·◦▪‣○●–—✓✔☐□➤►▸]|\u2022)(?:\s+|$)(?P<text>.*)$")
_NUMBERED = re.compile(
    r"^(?:(?:step\s*(?P<n1>\d{1,4})\s*(?:[:.)\-–—]\s*|\s+|$))|(?P<n2>\d{1,4})\s*[.)]\s+|"
    r"\((?P<n3>\d{1,4})\)\s*|(?P<n4>\d{1,4})\s*[.)]$)(?P<text>.*)$",
    re.I,
)
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*$")
_STRONG = re.compile(r"^(?:\*\*|__)(?P<text>[^*_].*?)(?:\*\*|__)\s*:?\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)")
_TERMINAL = (".", "!", "?", ";", ",")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "with", "vs", "via", "&", "n"}
)


@dataclass(slots=True)
class Line:
    """One line of the text, its list marker taken off."""

    number: int  # 1-based, for messages
    text: str
    marker: str | None = None  # "bullet" or "number"
    heading: bool = False  # a Markdown heading or a line in bold
    blank: bool = False


def _read_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pending: Line | None = None  # a marker alone on its line waits for its text
    for number, raw in enumerate(text.splitlines(), start=1):
        body = clean(raw)
        if not body:
            if pending is None:
                lines.append(Line(number, "", blank=True))
            continue
        line = _mark(number, body)
        if pending is not None:
            if line.marker is None and not line.heading:
                line.marker = pending.marker
            pending = None
        if line.marker is not None and not line.text:
            pending = line
            continue
        lines.append(line)
    return lines


def _mark(number: int, body: str) -> Line:
    heading = _MD_HEADING.match(body)
    if heading:
        return Line(number, _EMPHASIS.sub("", heading.group("text")).strip(), heading=True)
    strong = _STRONG.match(body)
    if strong:
        return Line(number, strong.group("text").strip(), heading=True)
    body = _EMPHASIS.sub("", body).strip()
    bullet = _BULLET.match(body)
    if bullet:
        return Line(number, bullet.group("text").strip(), marker="bullet")
    numbered = _NUMBERED.match(body)
    if numbered:
        return Line(number, numbered.group("text").strip(), marker="number")
    return Line(number, body)


# --- what a line is ----------------------------------------------------------------------------

_REST = (
    r"(?P<rest>\s*(?:\([^)]*\)|(?:for|pour|für|per|para|voor|dla|til)\s+[^:.]{1,40}|"
    r"[-–—]\s*[^:.]{1,40})?\s*:?\s*)$"
)


def _heading(kind: str, before: str, extra: str = "") -> re.Pattern[str]:
    """A card heading of data/words/headings.toml ("Ingredients", "Zubereitung"), with what
    may come before it ("The", "Recipe") and after it ("for the sauce", "(serves 4)")."""
    words = sorted(word_list("headings", kind), key=len, reverse=True)
    spelled = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "(?:'|’)") for w in words)
    return re.compile(rf"^(?:{before})?(?:{spelled}{extra})" + _REST, re.I)


_INGREDIENTS_HEAD = _heading("ingredients", r"the\s+|recipe\s+|main\s+")
_STEPS_HEAD = _heading("steps", r"the\s+|recipe\s+|cooking\s+", r"|recipe(?=\s*:?\s*$)")
_NOTES_HEAD = _heading(
    "notes", r"recipe\s+|cook(?:'|’)?s\s+|chef(?:'|’)?s\s+|kitchen\s+|helpful\s+"
)
_END_HEAD = re.compile(
    r"^(?:nutrition(?:\s+(?:facts|information|info))?|nutritional\s+information|keywords?|"
    r"course|cuisine|author|video|did\s+you\s+make\s+this(?:\s+recipe)?\??|"
    r"rate\s+this\s+recipe|related\s+recipes|more\s+recipes|you\s+may\s+also\s+like)\s*:?$",
    re.I,
)
_TIME_LABEL = re.compile(
    r"(?P<label>prep(?:aration)?(?:\s+time)?|cook(?:ing)?(?:\s+time)?|bak(?:e|ing)\s+time|"
    r"roast(?:ing)?\s+time|total(?:\s+time)?|ready\s+in|active(?:\s+time)?|"
    r"hands[-\s]on(?:\s+time)?|in\s+total|(?:chill(?:ing)?|rest(?:ing)?|marinat(?:e|ing)|"
    r"inactive|ris(?:e|ing)|prov(?:e|ing)|proof(?:ing)?|soak(?:ing)?|cool(?:ing)?)\s+time)"
    r"\b\s*[:\-–]?\s*",
    re.I,
)
_QUANTITY_START = re.compile(
    rf"^(?:\d|[{''.join(FRACTIONS)}]|(?:pinch|dash|handful|splash|knob|few|couple)\b"
    r"|(?:a|an|one|two|three|four|five|six|half)\s+"
    r"(?:pinch|handful|dash|few|couple|splash|knob|bunch|sprig|cup|tablespoon|teaspoon|"
    r"clove|can|large|small|medium|whole|lb|pound|ounce|stick|head))",
    re.I,
)
_GROUP_LINE = re.compile(r"^(?:for\s+(?:the\s+)?\S.{0,40}|to\s+(?:make|serve)\b.{0,40})$", re.I)
_CAPITALISED = re.compile(r"^[A-Z0-9]")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’&-]+", text)


def _title_case(text: str) -> bool:
    significant = [w for w in _words(text) if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    if not significant:
        return False
    capitals = sum(1 for w in significant if w[0].isupper())
    return capitals / len(significant) >= 0.6


def _headline(line: Line) -> bool:
    """A short line without sentence punctuation: a title or an article heading."""
    text = line.text
    if line.marker or line.blank or not text or len(text) > 110:
        return False
    if line.heading:
        return True
    if len(_words(text)) > 14:
        return False
    if text.endswith("?"):
        return True
    if text.endswith(_TERMINAL):
        return False
    return _title_case(text) and not _QUANTITY_START.match(text)


def _ingredient_like(line: Line) -> bool:
    text = line.text
    if line.blank or line.heading or not text or len(_words(text)) > 16:
        return False
    if line.marker == "number" and not _QUANTITY_START.match(text):
        return False
    return bool(_QUANTITY_START.match(text)) and not re.match(
        r"^\d{1,2}\s*(?:°|degrees|minutes?|mins?|hours?|hrs?)\b", text, re.I
    )


def _bare_ingredient(line: Line) -> bool:
    """An ingredient line with no amount inside a run of them: "Salt and pepper to taste"."""
    text = line.text
    if line.blank or line.heading or not text or line.marker == "number":
        return False
    if len(_words(text)) > 10 or text.endswith((".", ":", "!", "?")):
        return False
    return not is_instruction(text)


def _group_name(line: Line) -> str | None:
    """ "For the glaze:" → "For the glaze" when the line names a part of the ingredient list."""
    text = line.text.strip()
    if not text or _QUANTITY_START.match(text) or len(_words(text)) > 7:
        return None
    if text.endswith(":") or line.heading:
        return text.rstrip(":").strip() or None
    if _GROUP_LINE.match(text) and "," not in text:
        return text
    if text.isupper() and len(_words(text)) <= 5:
        return text.title()
    return None


_SEGMENT_BREAK = re.compile(r"\s*(?:\||•|·|;|\t|\s{3,})\s*")


def _segments(text: str) -> list[str]:
    """ "Serves 6 | Prep: 30 min | Cook: 2 hours" → its three parts."""
    return [part for part in _SEGMENT_BREAK.split(text) if part]


def _is_metadata(text: str) -> bool:
    return any(is_yield(part) or _times_in(part) for part in _segments(text))


# --- times ----------------------------------------------------------------------------------


_HEADER_TIMES = ("prep", "cook", "bak", "roast", "total", "active", "hands")


def _times_in(text: str) -> dict[str, float]:
    labels = list(_TIME_LABEL.finditer(text))
    if not labels or labels[0].start() > 0:
        return {}
    found: dict[str, float] = {}
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        segment = text[label.end() : end]
        durations = find_durations(segment)
        if not durations:
            continue
        duration = durations[0]
        minutes = duration.max_minutes if duration.max_minutes is not None else duration.min_minutes
        word = label.group("label").lower()
        if word.endswith(" time") and not word.startswith(_HEADER_TIMES):
            key = "other"  # chill, rest, rise: part of the total only
        elif word.startswith(("prep", "active", "hands")):
            key = "prep"
        elif word.startswith(("total", "ready", "in total")):
            key = "total"
        else:
            key = "cook"
        found.setdefault(key, minutes)
    return found


# --- cards -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Card:
    start: int  # index of the title line (or of the ingredient heading when there is none)
    ingredients_at: int  # index of the ingredient heading, or of the first ingredient line
    headed: bool  # True when an ingredient heading opens the list
    title: str | None = None
    description: list[str] = field(default_factory=list)
    end: int = 0  # one past the card's last line


def _kind(line: Line) -> str | None:
    if line.marker or line.blank or len(line.text) > 60:
        return None
    text = line.text.strip()
    if _INGREDIENTS_HEAD.match(text):
        return "ingredients"
    if _STEPS_HEAD.match(text):
        return "steps"
    if _NOTES_HEAD.match(text):
        return "notes"
    if _END_HEAD.match(text):
        return "end"
    return None


def _find_cards(lines: list[Line]) -> list[_Card]:
    kinds = [_kind(line) for line in lines]
    heads = [i for i, k in enumerate(kinds) if k == "ingredients"]
    # Consecutive ingredient headings with no steps between them are one card's groups.
    starts: list[int] = []
    for i in heads:
        if starts and "steps" not in kinds[starts[-1] + 1 : i]:
            continue
        starts.append(i)
    cards = [_Card(start=i, ingredients_at=i, headed=True) for i in starts]
    if not cards:
        run = _ingredient_run(lines)
        if run is None:
            return []
        cards = [_Card(start=run, ingredients_at=run, headed=False)]
    floor = 0
    for card in cards:
        _find_title(lines, card, floor)
        floor = card.ingredients_at + 1
    for position, card in enumerate(cards):
        card.end = cards[position + 1].start if position + 1 < len(cards) else len(lines)
    return cards


def _ingredient_run(lines: list[Line]) -> int | None:
    """Where a text with no headings lists its ingredients: the longest run of amounts."""
    best: tuple[int, int] | None = None
    i = 0
    while i < len(lines):
        if not _ingredient_like(lines[i]):
            i += 1
            continue
        start, count, j = i, 0, i
        while j < len(lines) and (
            _ingredient_like(lines[j])
            or (j > start and _bare_ingredient(lines[j]))
            or (lines[j].blank and j + 1 < len(lines) and _ingredient_like(lines[j + 1]))
            or (
                _group_name(lines[j]) is not None
                and j + 1 < len(lines)
                and _ingredient_like(lines[j + 1])
            )
        ):
            count += _ingredient_like(lines[j])
            j += 1
        if count >= 2 and (best is None or count > best[1]):
            best = (start, count)
        i = j
    if best is None:
        return None
    start = best[0]
    while start > 0 and _group_name(lines[start - 1]) is not None and not lines[start - 1].blank:
        start -= 1
    return start


def _find_title(lines: list[Line], card: _Card, floor: int) -> None:
    prose: list[str] = []
    i = card.ingredients_at - 1
    while i >= floor:
        line = lines[i]
        if line.blank or _is_metadata(line.text):
            i -= 1
            continue
        if _kind(line) is not None:
            break
        if _headline(line):
            card.title = line.text.rstrip(":").strip()
            card.start = i
            card.description = list(reversed(prose))
            return
        if line.marker:
            break
        prose.append(line.text)
        if len(prose) > 3:
            break
        i -= 1
    # No title beside the card: the text's own first line, when the card is its first.
    if floor == 0:
        for j, line in enumerate(lines[: card.ingredients_at]):
            if line.blank:
                continue
            if _headline(line) and _kind(line) is None:
                card.title = line.text.rstrip(":").strip()
                between = [
                    x.text
                    for x in lines[j + 1 : card.ingredients_at]
                    if not x.blank and not _is_metadata(x.text) and not x.marker
                ]
                if len(between) <= 3 and not any(
                    _headline(x) for x in lines[j + 1 : card.ingredients_at]
                ):
                    card.description = between
                    card.start = j
            break


# --- reading a card ----------------------------------------------------------------------------


def _card_draft(lines: list[Line], card: _Card) -> Draft | None:
    draft = Draft(title=card.title, description=" ".join(card.description) or None)
    for line in lines[card.start : card.ingredients_at]:
        for part in _segments(line.text):
            if not draft.yields and is_yield(part):
                draft.yields.append(part)
            for key, minutes in _times_in(part).items():
                draft.times.setdefault(key, minutes)
    i = card.ingredients_at
    group: str | None = None
    if card.headed:
        rest = _INGREDIENTS_HEAD.match(lines[i].text)
        group = _heading_group(rest.group("rest") if rest else "")
        stated = rest.group("rest").strip(" ():") if rest else ""
        if not draft.yields and _yield_in_heading(stated):
            draft.yields.append(stated)  # "Ingredients (serves 4)"
            group = None
        i += 1
    ingredients, i = _ingredient_lines(lines, card, i, group)
    steps, notes, i = _steps_and_notes(lines, i, card.end)
    draft.ingredients = [DraftLine(text, group) for text, group in ingredients]
    draft.steps = [DraftStep(text, section) for text, section in steps]
    draft.notes = notes
    card.end = i
    if not draft.ingredients or (not draft.steps and not card.headed):
        return None
    return draft


def _yield_in_heading(rest: str) -> bool:
    return bool(re.search(r"\d", rest) and re.search(r"serv|people|portion", rest, re.I))


def _ingredient_lines(
    lines: list[Line], card: _Card, i: int, group: str | None
) -> tuple[list[tuple[str, str | None]], int]:
    """The card's ingredient lines from line ``i``, each with its group; where they end."""
    found: list[tuple[str, str | None]] = []
    while i < card.end:
        line = lines[i]
        kind = _kind(line)
        if kind == "ingredients":
            rest = _INGREDIENTS_HEAD.match(line.text)
            group = _heading_group(rest.group("rest") if rest else "")
            i += 1
            continue
        if kind in {"steps", "notes", "end"}:
            break
        if line.blank:
            i += 1
            continue
        name = _group_name(line)
        if name is not None and not _ingredient_like(line):
            group = name
            i += 1
            continue
        if not card.headed and not (_ingredient_like(line) or _bare_ingredient(line)):
            break
        if card.headed and not line.marker and _prose(line.text) and found:
            break
        found.append((line.text, group))
        i += 1
    return found, i


def _heading_group(rest: str) -> str | None:
    rest = rest.strip(" :()-–—")
    return rest[:1].upper() + rest[1:] if rest and not re.search(r"\d", rest) else None


def _prose(text: str) -> bool:
    return text.endswith((".", "!", "?")) and len(_words(text)) > 10


@dataclass(slots=True)
class _Method:
    """The reading of a card's method: its steps (with their sections) and notes, the
    current block's items (each a list of line texts), and whether they carry list marks."""

    steps: list[tuple[str, str | None]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    mode: str = "steps"
    section: str | None = None
    items: list[list[str]] = field(default_factory=list)
    marked: bool | None = None

    def flush(self) -> None:
        texts = [" ".join(parts) for parts in self.items if parts]
        if self.mode == "steps":
            last = texts[-1] if texts else ""
            if not self.marked and last.endswith("!") and not is_instruction(last):
                texts = texts[:-1]  # "Enjoy!" closes a method, it is no step
            self.steps.extend((t, self.section) for t in texts)
        else:
            self.notes.extend(texts)
        self.items = []
        self.marked = None

    def note(self, text: str) -> None:
        self.flush()
        self.notes.append(text)

    def last_text(self) -> str:
        return self.items[-1][-1] if self.items and self.items[-1] else ""

    def after_marked(self, line: Line, previous_blank: bool) -> bool:
        """A line without a mark after marked items: it goes on the item, or it is a note or
        a section of the method; False when the list has ended."""
        last = self.last_text()
        if not (
            previous_blank
            or (last.endswith((".", "!", "?", ":")) and _CAPITALISED.match(line.text))
        ):
            self.items[-1].append(line.text)
            return True
        if _KEEPING_NOTE.search(line.text) and len(_words(line.text)) <= 30:
            self.note(line.text)  # "Keeps in an airtight tin for 3 days." ends a card
            return True
        if self.mode == "steps" and _section_line(line):
            self.flush()  # the step before the heading keeps its own section
            self.section = line.text.rstrip(":").strip()
            return True
        return False

    def unmarked(self, line: Line, previous_blank: bool) -> None:
        """A line without a mark in a method of paragraphs: a section, or a step or its end."""
        if self.mode == "steps" and _section_line(line):
            self.flush()
            self.section = line.text.rstrip(":").strip()
            return
        self.marked = False
        last = self.last_text()
        if self.items and not previous_blank and last and not last.endswith((".", "!", "?", ":")):
            self.items[-1].append(line.text)
        else:
            self.items.append([line.text])


def _steps_and_notes(
    lines: list[Line], i: int, end: int
) -> tuple[list[tuple[str, str | None]], list[str], int]:
    """The steps and notes of a card from line ``i``, and where they end."""
    method = _Method()
    previous_blank = False
    while i < end:
        line = lines[i]
        kind = _kind(line)
        if kind in {"end", "ingredients"}:
            break
        if line.blank:
            previous_blank = True
            i += 1
            continue
        if kind in {"steps", "notes"}:
            method.flush()
            method.mode, method.section = kind, None
        elif not line.marker and _INLINE_NOTE.match(line.text):
            method.note(line.text)
        elif line.marker:
            if method.marked is False:
                method.flush()
            method.marked = True
            method.items.append([line.text])
        elif method.marked:
            if not method.after_marked(line, previous_blank):
                break  # the list has ended: what follows is not part of the card
        else:
            method.unmarked(line, previous_blank)
        previous_blank = False
        i += 1
    method.flush()
    return method.steps, method.notes, i


_KEEPING_NOTE = re.compile(
    r"\b(?:keeps?|store[sd]?|leftovers?|freez\w*|refrigerat\w*|make\s+ahead|reheat\w*)\b", re.I
)
_INLINE_NOTE = re.compile(
    r"^(?:(?:cook(?:'|’)?s|chef(?:'|’)?s|recipe|kitchen)\s+)?(?:tips?|notes?|hints?|"
    r"make[-\s]ahead|storage|to\s+store|leftovers|variations?|serving\s+suggestions?)"
    r"\s*:\s*\S",
    re.I,
)


def _section_line(line: Line) -> bool:
    text = line.text
    if line.heading:
        return True
    return (
        text.endswith(":") and len(_words(text)) <= 6 and not _QUANTITY_START.match(text)
    ) or bool(
        _GROUP_LINE.match(text)
        and len(_words(text)) <= 5
        and "," not in text
        and not text.endswith(".")
    )


# --- the article around the cards --------------------------------------------------------------


def _article(lines: list[Line]) -> list[Section]:
    sections: list[Section] = [Section(heading=None)]
    run: list[str] = []  # headings seen one after another
    group: tuple[str, ...] = ()
    paragraph: list[str] = []

    def end_paragraph() -> None:
        if paragraph:
            sections[-1].blocks.append(Block(" ".join(paragraph)))
            paragraph.clear()

    for position, line in enumerate(lines):
        if line.blank:
            end_paragraph()
            continue
        if not line.marker and _headline(line) and _followed(lines, position):
            end_paragraph()
            if run:
                group = tuple(reversed(run))
            parents = tuple(reversed(run)) if run else group
            sections.append(Section(heading=line.text, parents=parents[:2]))
            run.append(line.text)
            continue
        run = []
        if line.marker:
            end_paragraph()
            sections[-1].blocks.append(
                Block(line.text, item=True, numbered=line.marker == "number")
            )
            continue
        if paragraph and paragraph[-1].endswith((".", "!", "?", ":")):
            end_paragraph()
        paragraph.append(line.text)
    end_paragraph()
    return [s for s in sections if s.heading or s.blocks]


def _followed(lines: list[Line], position: int) -> bool:
    return any(not line.blank for line in lines[position + 1 : position + 3])


# --- entry point -------------------------------------------------------------------------------


def read(text: str, location: str) -> list[Draft]:
    """Every recipe in a text as a draft, the main one (the first card) first; the article
    around the cards goes with the main one."""
    lines = _read_lines(text)
    cards = _find_cards(lines)
    drafts: list[Draft] = []
    kept: list[_Card] = []
    for card in cards:
        draft = _card_draft(lines, card)
        if draft is not None:
            draft.source = Source(format="text", location=location)
            drafts.append(draft)
            kept.append(card)
    if not drafts:
        raise NoRecipeFound(
            "no recipe found",
            where=location,
            hint="ladle looks for an ingredient list (one amount per line) and steps",
        )
    inside: set[int] = set()
    for card in kept:
        inside.update(range(card.start, card.end))
    drafts[0].article = _article([line for i, line in enumerate(lines) if i not in inside])
    return drafts


def article_sections(text: str, leave_out: frozenset[str] = frozenset()) -> list[Section]:
    """The article of a text (a page's text around its card) as sections, leaving out the
    recipe cards the text reader finds in it and the lines in ``leave_out`` (the card's own
    lines, compared with their spaces squeezed out and in lower case)."""
    lines = _read_lines(text)
    inside: set[int] = set()
    for card in _find_cards(lines):
        if _card_draft(lines, card) is not None:
            inside.update(range(card.start, card.end))
    kept = [
        line
        for i, line in enumerate(lines)
        if i not in inside and squeezed(line.text) not in leave_out
    ]
    return _article(kept)
