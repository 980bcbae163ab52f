"""Repairs of a page's draft: what the page shows fills in what its schema.org data lost.

Each repair takes the draft read from a page's JSON-LD or microdata and the page itself and
gives the draft back, mended where the page says more: a title without the site's name; the
ingredient lines or steps the data lacks, from the page's own card or its text; a list the
data ran into one string, split as the page shows it; group names the data lists as
ingredients, or leaves out, from the page's headings; amounts the data lost, from the card;
a site scraper's fields where the site reads its page its own way; the yield from the card
or the text; the article around the card. No repair parses an ingredient line or a step:
understanding comes once, after them (:mod:`ladle.understand`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

from ladle.draft import Draft, DraftLine, DraftStep
from ladle.errors import LadleError
from ladle.formats import plain
from ladle.formats.html.card import DomCard
from ladle.formats.html.dom import chunks, element_text, page_text, squeezed
from ladle.formats.html.microdata import lines_of
from ladle.formats.html.sites import SiteFields
from ladle.formats.schemaorg import clean_text, ingredients_with_groups
from ladle.text import FRACTIONS
from ladle.units import is_unit_word
from ladle.words import alternation, singular, word_list
from ladle.yields import parse_yield

__all__ = [
    "NOT_ARTICLE",
    "amounts_from_markup",
    "apply_site",
    "article_from_page",
    "fill_from_markup",
    "fill_from_text",
    "groups_from_card",
    "groups_from_markup",
    "groups_from_text",
    "has_amount",
    "leading_steps",
    "lost_amounts",
    "split_as_shown",
    "without_site_name",
    "yield_from_page",
    "yield_from_text",
]

# --- small judgements ---------------------------------------------------------------------------

_AMOUNT = re.compile(rf"[\d{''.join(FRACTIONS)}]")
_NUMBER_WORD = re.compile(
    r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|half|a\s+half|"
    r"a\s+couple|a\s+few|dozen)\b",
    re.I,
)


def has_amount(line: str) -> bool:
    """Whether an ingredient line states an amount: a figure, or a number word first."""
    return bool(_AMOUNT.search(line) or _NUMBER_WORD.match(line.strip()))


def _split_of(ours: list[str], theirs: list[str]) -> bool:
    """Whether the card's items are our one item split up (most of them found in it), or we
    have nothing: not another list of the page (the ingredients where we have one step)."""
    if not ours:
        return True
    whole = squeezed(ours[0])
    return 2 * sum(squeezed(item) in whole for item in theirs) >= len(theirs)


# --- title --------------------------------------------------------------------------------------

_TITLE_SEPARATOR = re.compile(r"\s*[|│¦·•]\s*|\s+[–—-]\s+")
_SUBDOMAIN = re.compile(r"^(?:www\d?|m|en|de|fr|recipes?)\.")
_RATING = re.compile(r"\s*[-–|]?\s*\(\d(?:[.,]\d+)?\s*/\s*5\)\s*$")


def _ascii(text: str) -> str:
    """ "Véronique" → "Veronique": accents off, as host names have none."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def without_site_name(title: str, url: str | None) -> str:
    """ "Mango Guacamole - Rick Bayless" on rickbayless.com → "Mango Guacamole": a page's
    title often ends with the site's name, which is not the recipe's; nor is a rating
    ("Tartlets - (4.8/5)")."""
    title = _RATING.sub("", title)
    host = urlsplit(url).hostname if url else None
    if not host:
        return title
    label = re.sub(r"[^a-z0-9]", "", _SUBDOMAIN.sub("", host.lower()).split(".")[0])
    if len(label) < 4:
        return title
    for match in _TITLE_SEPARATOR.finditer(title):
        rest = re.sub(r"[^a-z0-9]", "", _ascii(title[match.end() :]).lower())
        if rest.startswith(label) and match.start() > 0:
            return title[: match.start()].strip()
    return title


# --- lines and steps the data lacks -------------------------------------------------------------


def fill_from_markup(draft: Draft, card: DomCard) -> Draft:
    """The ingredients or steps the schema.org data lacks, from the page's card: where it has
    none, or one line where the card lists several (a list written as one string)."""
    lines = [line for line, _ in card.ingredients]
    if len(draft.ingredients) < min(2, len(lines)) and _split_of(draft.lines(), lines):
        draft.ingredients = [DraftLine(line, group) for line, group in card.ingredients]
    if len(draft.steps) < min(2, len(card.steps)) and _split_of(draft.step_texts(), card.steps):
        draft.steps = [DraftStep(text) for text in card.steps]
    return draft


def _shown_parts(text: str, doc: Any) -> list[str] | None:
    """The parts the page shows a run-together text in: the items, paragraphs or
    ``<br>`` lines of the element whose whole text it is."""
    wanted = squeezed(text)
    if len(wanted) < 40:
        return None
    for element in doc.iter():
        if not isinstance(element.tag, str) or element.tag.lower() in {"script", "style"}:
            continue
        if squeezed(element.text_content()) != wanted:
            continue
        items = [i for i in element.iter("li") if not any(True for _ in i.iter("ul", "ol"))]
        parts = (
            [clean_text(i.text_content()) for i in items] if items else lines_of(chunks(element))
        )
        parts = [p for p in parts if p]
        if len(parts) >= 3 and squeezed("".join(parts).replace(":", "")) == wanted.replace(":", ""):
            return parts
    return None


def split_as_shown(draft: Draft, doc: Any) -> Draft:
    """One ingredient line or one step that the page shows as several (a list the JSON-LD
    ran together into one string) becomes those lines or steps."""
    if len(draft.ingredients) == 1 and (parts := _shown_parts(draft.ingredients[0].text, doc)):
        draft.ingredients = [
            DraftLine(line, group) for line, group in ingredients_with_groups(parts)
        ]
    if len(draft.steps) == 1 and (parts := _shown_parts(draft.steps[0].text, doc)):
        section = draft.steps[0].section
        draft.steps = [DraftStep(text, section) for text in parts]
    return draft


def fill_from_text(draft: Draft, doc: Any, location: str) -> Draft:
    """The ingredients or steps that neither the schema.org data nor a marked list holds,
    from the page's text read as a plain recipe."""
    try:
        found = plain.read(page_text(doc), location)
    except LadleError:
        return draft
    if not draft.ingredients:
        source = next((d for d in found if d.ingredients), None)
        if source is not None and _measured(source.lines()):
            draft.ingredients = source.ingredients
    if not draft.steps:
        source = next((d for d in found if d.steps), None)
        if source is not None:
            steps = leading_steps(source.steps)
            names = _name_words(draft.lines())
            if 2 * sum(_uses_any(s.text, names) for s in steps) >= len(steps):
                draft.steps = steps  # mostly steps that use the ingredients: the method
    return draft


def _measured(lines: list[str]) -> bool:
    """Whether lines read from a page's text look like an ingredient list: mostly amounts."""
    return len(lines) >= 2 and 2 * sum(has_amount(line) for line in lines) >= len(lines)


_WORD = re.compile(r"[^\W\d_]{4,}")


def _name_words(lines: list[str]) -> set[str]:
    """The words that name the ingredients of lines (no units, no short words)."""
    out: set[str] = set()
    for line in lines:
        for word in _WORD.findall(line.casefold()):
            if not is_unit_word(word):
                out.add(singular(word))
    return out


def _uses_any(step: str, names: set[str]) -> bool:
    return any(singular(word) in names for word in _WORD.findall(step.casefold()))


_LABEL_LINE = re.compile(r"^(?:[^\W\d]+\s*)?\d+\s*[:.)]?$")  # "Schritt 01", "Step 2", "3."


def leading_steps(steps: list[DraftStep]) -> list[DraftStep]:
    """Steps read from a page's text up to where the page moves on: labels ("Step 2") out,
    and nothing from three short lines in a row on (shop items, "Cooked with", prices; a
    short step ends like a sentence: "Serve.")."""
    short = [len(s.text.split()) < 3 and not s.text.rstrip().endswith((".", "!")) for s in steps]
    end = next(
        (n for n in range(len(steps) - 2) if short[n] and short[n + 1] and short[n + 2]),
        len(steps),
    )
    return [s for s in steps[:end] if not _LABEL_LINE.match(s.text.strip())]


# --- groups and amounts -------------------------------------------------------------------------

_HEADER_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "dt")


def _shown_as_headings(doc: Any) -> set[str]:
    """Texts the page sets as headings or bold lines of their own, colons dropped."""
    out: set[str] = set()
    for element in doc.iter(*_HEADER_TAGS):
        text = clean_text(element.text_content()).rstrip(":").strip()
        if text and len(text) <= 60 and not any(ch.isdigit() for ch in text):
            out.add(text.casefold())
    return out


def groups_from_markup(draft: Draft, doc: Any) -> Draft:
    """Ingredient lines that the page shows as headings ("Meatballs", "Sauce") name the lines
    below them: JSON-LD has no groups, so many sites list their group names as ingredients."""
    lines = draft.ingredients
    candidates = [
        n for n, line in enumerate(lines[:-1]) if line.group is None and not has_amount(line.text)
    ]
    if not candidates or 2 * len(candidates) > len(lines):
        return draft  # a list that lost its amounts: a line without one is no sign of a heading
    headings = _shown_as_headings(doc)
    headers = {n for n in candidates if lines[n].text.rstrip(":").strip().casefold() in headings}
    if not headers or any(n + 1 in headers for n in headers):
        return draft  # headings under headings: the flat list says more than one group name
    group: str | None = None
    kept: list[DraftLine] = []
    for n, line in enumerate(lines):
        if n in headers:
            group = line.text.rstrip(":").strip()
            continue
        if group is not None:
            line.group = group
        kept.append(line)
    draft.ingredients = kept
    return draft


def groups_from_card(draft: Draft, card: DomCard) -> Draft:
    """The groups of the page's card (its headings over its lists), where the draft has none
    and the card lists the same lines, as near as its markup gives them ("1/2 cup sugar, +
    more" for "1/2 cup sugar (+ more)"), in the same order, under two or more groups."""
    if any(line.group for line in draft.ingredients) or len(card.ingredients) < 2:
        return draft
    if len({group for _, group in card.ingredients}) < 2:
        return draft
    found = _aligned(draft.lines(), [line for line, _ in card.ingredients])
    if 5 * sum(k is not None for k in found) < 4 * len(found):
        return draft  # not the same list
    groups = [card.ingredients[k][1] if k is not None else None for k in found]
    for n, k in enumerate(found):
        if k is None:  # a line the card words too differently: the group of its neighbours
            groups[n] = groups[n - 1] if n else next((g for g in groups if g), None)
    if len(set(groups)) < 2:
        return draft
    for line, group in zip(draft.ingredients, groups, strict=True):
        line.group = group
    return draft


_FRACTION_TEXT = {char: f" {value:.3f} " for char, value in FRACTIONS.items()}


def _bigrams(text: str) -> set[str]:
    folded = "".join(_FRACTION_TEXT.get(ch, ch) for ch in text.casefold())
    bare = re.sub(r"[\W_]+", "", folded)
    return {bare[i : i + 2] for i in range(len(bare) - 1)} or {bare}


def _similar(a: set[str], b: set[str]) -> float:
    """Dice's coefficient of two texts' letter pairs: 1 for the same letters, 0 for none."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def _aligned(ours: list[str], theirs: list[str], least: float = 0.6) -> list[int | None]:
    """For each of our lines, the index of the same line among theirs (in order, most alike
    first within the next few), or None."""
    mine = [_bigrams(t) for t in ours]
    other = [_bigrams(t) for t in theirs]
    found: list[int | None] = []
    position = 0
    for pairs in mine:
        window = range(position, min(len(other), position + 4))
        best = max(window, key=lambda k: _similar(pairs, other[k]), default=None)
        if best is not None and _similar(pairs, other[best]) >= least:
            found.append(best)
            position = best + 1
        else:
            found.append(None)
    return found


_GROUP_WORD = re.compile(
    r"^(?:for|to\s+make|to\s+serve|para|für|voor|pour|per|na|do|till|til|för|a|al|la|le)\b",
    re.I,
)
_INGREDIENTS_WORD = re.compile(
    rf"^{alternation(word_list('headings', 'ingredients'))}\s*:?$".replace("'", "(?:'|’)"), re.I
)
_NO_GROUP = re.compile(
    r"^(?:[-–—•*]+|shop(?:ping)?\s+list|scale|servings?|serves|yield|metric|us\s+customary|"
    r"us|imperial|cups|grams|\d+x|upraviť\s+porcie:?|print|jump\s+to.*)$",
    re.I,
)


def groups_from_text(draft: Draft, lines: list[str]) -> Draft:
    """Group names the page's text shows among the ingredient lines ("For the Dressing",
    "## Knedličky", "Filling:"), where the draft and the card have none: the draft's lines are
    found in the text in order (a line the page lays out over several lines too), and a short
    line between them that is no ingredient names the lines below it."""
    if any(line.group for line in draft.ingredients) or len(draft.ingredients) < 3:
        return draft
    spans = _spans(draft.lines(), lines)
    if 5 * sum(span is not None for span in spans) < 4 * len(spans):
        return draft  # the page's text does not show the list
    groups: list[str | None] = []
    group: str | None = None
    previous_end: int | None = None
    for span in spans:
        if span is not None:
            start = span[0]
            gap = (
                lines[previous_end:start]
                if previous_end is not None
                else lines[max(0, start - 3) : start]
            )
            named = _gap_group(gap, first=previous_end is None)
            if named is not None:
                group = named or None
            previous_end = span[1]
        groups.append(group)
    if len(set(groups)) < 2:
        return draft
    for line, name in zip(draft.ingredients, groups, strict=True):
        line.group = name
    return draft


def _gap_group(gap: list[str], *, first: bool) -> str | None:
    """The group the lines between two ingredient lines name: a name, "" for an
    "Ingredients" heading (no group), None when they name none."""
    if len(gap) > 4:
        return None
    for text in reversed(gap):
        marked = text.startswith("## ")
        name = _unmarked(text)
        if not name or _NO_GROUP.match(name):
            continue
        if _INGREDIENTS_WORD.match(name):
            return ""
        if len(name) > 60 or len(name.split()) > 8 or name.endswith((".", "!", "?")):
            return None
        if not marked and _AMOUNT.match(name):
            return None
        shown = marked or name.endswith(":") or name.isupper() or _GROUP_WORD.match(name)
        if shown or (not first and name[:1].isupper() and not _AMOUNT.search(name)):
            return name
        return None
    return None


def _spans(ours: list[str], text: list[str]) -> list[tuple[int, int] | None]:
    """Where each of our lines stands in the text's lines, in order: (first, last + 1) of the
    consecutive lines that together read as it, or None. The list starts where its first
    line does (of the first few places the page shows it, the one most lines follow)."""
    keys = [squeezed(_unmarked(t)) for t in text]
    wanted = [squeezed(line) for line in ours]
    starts = [k for k in range(len(keys)) if _match_at(wanted[0], keys, k)][:5] if wanted else []
    best: list[tuple[int, int] | None] = [None] * len(ours)
    for start in starts or [0]:
        found = _walk(wanted, ours, keys, text, start)
        if sum(f is not None for f in found) > sum(f is not None for f in best):
            best = found
    return best


def _unmarked(line: str) -> str:
    """A page-text line without its marks ("## " before a heading, "- " before an item)."""
    return line.removeprefix("## ").removeprefix("- ").strip()


def _match_at(wanted: str, keys: list[str], start: int, most: int = 5) -> int | None:
    """The end of the lines from ``start`` that together read as ``wanted``, or None."""
    joined = ""
    for end in range(start, min(len(keys), start + most)):
        joined += keys[end]
        if joined == wanted:
            return end + 1
        if not joined or not wanted.startswith(joined):
            return None
    return None


def _walk(
    wanted: list[str], ours: list[str], keys: list[str], text: list[str], position: int
) -> list[tuple[int, int] | None]:
    found: list[tuple[int, int] | None] = []
    for n, key in enumerate(wanted):
        hit: tuple[int, int] | None = None
        window = range(position, min(len(keys), position + 12))
        for start in window:
            end = _match_at(key, keys, start)
            if end is not None:
                hit = (start, end)
                break
        if hit is None:  # the page words it a little differently ("¾" for "3/4")
            pairs = _bigrams(ours[n])
            near = [(k, _similar(pairs, _bigrams(_unmarked(text[k])))) for k in window]
            k, score = max(near, key=lambda item: item[1], default=(0, 0.0))
            if score >= 0.75:
                hit = (k, k + 1)
        found.append(hit)
        if hit is not None:
            position = hit[1]
    return found


def lost_amounts(draft: Draft) -> bool:
    """Whether most of the draft's ingredient lines lost their amounts."""
    missing = sum(not has_amount(line.text) for line in draft.ingredients)
    return bool(missing) and 2 * missing >= len(draft.ingredients)


def amounts_from_markup(draft: Draft, card: DomCard) -> Draft:
    """Ingredient lines whose schema.org text lost its amount ("popping corn") take the line
    the page's card shows ("½ cup popping corn"), where the schema.org list lost most of its
    amounts and the card holds most of its lines in the same order (a card of one group of
    several holds only that group's)."""
    if not lost_amounts(draft):
        return draft  # a "salt to taste" here and there: the list has its amounts
    lines = [line for line, _ in card.ingredients]
    shown = [squeezed(line) for line in lines]
    pairs: list[tuple[int, str]] = []
    position = 0
    for n, line in enumerate(draft.ingredients):
        wanted = squeezed(line.text)
        found = next((k for k in range(position, len(shown)) if wanted in shown[k]), None)
        if found is not None:
            pairs.append((n, lines[found]))
            position = found + 1
    if 3 * len(pairs) < 2 * len(draft.ingredients):
        return draft  # not the same list
    for n, text in pairs:
        line = draft.ingredients[n]
        if not has_amount(line.text) and any(ch.isnumeric() for ch in text):
            draft.ingredients[n] = DraftLine(text, line.group)  # the line with its amount
    return draft


# --- site scrapers ------------------------------------------------------------------------------


def apply_site(draft: Draft, fields: SiteFields) -> Draft:
    """A site scraper's title, ingredients (with their groups) and steps, where the site
    reads its page its own way."""
    if fields.title:
        draft.title = fields.title
    if fields.ingredients is not None:
        ours = [(line.text, line.group) for line in draft.ingredients]
        same_lines = [line for line, _ in fields.ingredients] == draft.lines()
        if ours != fields.ingredients and not (same_lines and not _named(fields.ingredients)):
            draft.ingredients = [DraftLine(line, group) for line, group in fields.ingredients]
    if fields.instructions is not None:
        ours_steps = draft.step_texts()
        if fields.instructions not in (ours_steps, _with_sections(draft)):
            draft.steps = [DraftStep(text) for text in fields.instructions]
    return draft


def _named(lines: list[tuple[str, str | None]]) -> bool:
    return any(group for _, group in lines)


def _with_sections(draft: Draft) -> list[str]:
    """The steps as a flat list with each section's name before its steps, the way
    recipe-scrapers lists a HowToSection."""
    out: list[str] = []
    current: str | None = None
    for step in draft.steps:
        if step.section and step.section != current:
            out.append(step.section)
        current = step.section
        out.append(step.text)
    return out


# --- yield and article --------------------------------------------------------------------------

_YIELD_HINT = re.compile(r"yield|serving|servings|portion|serves|personen|porzion|porcion", re.I)


def yield_from_page(draft: Draft, doc: Any) -> Draft:
    """The yield the page's card or text states ("Serves 2", "4 personnes", "Makes 24
    cookies"), where the draft has none that reads."""
    if any(parse_yield(str(text), stated=True) for text in draft.yields):
        return draft
    for element in doc.iter():
        if not isinstance(element.tag, str) or element.tag.lower() in {"script", "style"}:
            continue
        label = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _YIELD_HINT.search(label):
            continue
        text = element_text(element)
        if 0 < len(text) <= 80 and parse_yield(text, stated=True) is not None:
            draft.yields.append(text)
            return draft
    return draft


# Parts of a page that are no part of its article, by a class or id word that begins with
# one of these ("comments-area", "related-posts", "jp-relatedposts"; not "with-sidebar-right").
def yield_from_text(draft: Draft, lines: list[str]) -> Draft:
    """The yield the page's text states near its ingredient list ("Serves 2", "Makes 24
    cookies", "4 personnes", a line or part of one above the list), where the draft has none
    that reads."""
    if any(parse_yield(str(text), stated=True) for text in draft.yields) or not draft.ingredients:
        return draft
    spans = _spans(draft.lines()[:3], lines)
    start = next((span[0] for span in spans if span is not None), None)
    if start is None:
        return draft
    before = [_unmarked(line) for line in lines[max(0, start - 30) : start]]
    for n in range(len(before) - 1, -1, -1):
        parts = re.split(r"\s*(?:\||•|·|;)\s*", before[n])
        if n + 1 < len(before) and re.fullmatch(r"[^\W\d]+(?:\s+[^\W\d]+)?\s*:?", before[n]):
            parts.append(f"{before[n]} {before[n + 1]}")  # "Yield:" above "20 to 22"
        for part in parts:
            if 0 < len(part) <= 60 and parse_yield(part) is not None:
                draft.yields.append(part)
                return draft
    return draft


NOT_ARTICLE = re.compile(
    r"(?:^|\s)(?:jp-|wp-|site-|post-|entry-)?(?:comments?|reviews?|related|sidebar|widgets?|"
    r"newsletter|share|sharing|social|subscribe|promo|advert|ads?|breadcrumbs?|author-bio|"
    r"jump-to|skip-link|menu|nutrition|yarpp)(?:[-_]\S*)?(?=\s|$)",
    re.I,
)


def article_from_page(draft: Draft, lines: list[str]) -> Draft:
    """The article around the card, from the page's text lines (without comments and related
    posts: see ``NOT_ARTICLE``): the blog post's sections, without the card's own lines."""
    card = frozenset(squeezed(t) for t in (*draft.lines(), *draft.step_texts()))
    draft.article = plain.article_sections("\n".join(lines), card)
    return draft
